package main

// A pod's status as a kubelet would write it, from its spec, the time since the kubelet took
// it on (status.startTime) and what its references find. No container runs: what each
// container does is read from its image (docs: crates/testing/control-plane/README.md):
//
//   - an image whose name (not its registry) contains "crash" exits 1 a second after each
//     start: CrashLoopBackOff with the kubelet's back-off (10 s, doubling, at most 5 min);
//   - a tag containing "nonexistent" or "does-not-exist" cannot be pulled: ErrImagePull, then
//     ImagePullBackOff, retried on the same back-off;
//   - any other image runs and is ready at once; with restartPolicy Never or OnFailure (a Job's
//     pods) it exits 0 after two seconds;
//   - init containers run one after another, a second each;
//   - a Secret or ConfigMap a container's env needs (not optional) that is missing, or missing
//     the key: CreateContainerConfigError; one a volume needs: the pod stays ContainerCreating
//     with FailedMount events.
//
// Everything is computed from the pod and the clock, so the status is the same whenever it is
// computed again, and only a real change is written.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const (
	runFor         = time.Second     // a crashing container runs this long each time
	jobRunsFor     = 2 * time.Second // a container of a run-to-completion pod
	initRunsFor    = time.Second
	initialBackOff = 10 * time.Second
	maxBackOff     = 5 * time.Minute
	repeatEvery    = 30 * time.Second // how often a standing failure's event is said again
)

// lookups says whether the Secrets and ConfigMaps a pod refers to exist, and their keys.
type lookups interface {
	// keys of the object (nil when they could not be read), or found=false when it does not
	// exist.
	secret(namespace, name string) (keys map[string]bool, found bool)
	configMap(namespace, name string) (keys map[string]bool, found bool)
}

// event is one event the kubelet says about a pod; key identifies the occurrence, so that it
// is sent once (a repeating one has its time bucket in its key).
type event struct {
	key, kind, reason, message, fieldPath string
}

type podView struct {
	pod    *v1.Pod
	now    time.Time
	start  time.Time // when this kubelet took the pod on
	refs   lookups
	events []event
}

// backOffSchedule returns, for something retried on the kubelet's back-off that takes
// `duration` each try, how many tries have started by `elapsed`, and when the current one
// started (relative). Tries start at 0, d+10s, 2d+30s, 3d+70s, ...
func backOffSchedule(elapsed, duration time.Duration) (tries int, started time.Duration) {
	backOff := initialBackOff
	for {
		next := started + duration + backOff
		if next > elapsed {
			return tries + 1, started
		}
		started = next
		tries++
		backOff = min(backOff*2, maxBackOff)
	}
}

func currentBackOff(tries int) time.Duration {
	b := initialBackOff
	for i := 1; i < tries; i++ {
		b = min(b*2, maxBackOff)
	}
	return b
}

func crashes(image string) bool {
	repo, _ := splitImage(image)
	name := repo[strings.LastIndex(repo, "/")+1:]
	return strings.Contains(name, "crash")
}

func unpullable(image string) bool {
	_, tag := splitImage(image)
	return strings.Contains(tag, "nonexistent") || strings.Contains(tag, "does-not-exist")
}

// splitImage splits `registry/repo:tag` or `repo@digest` into repository and tag (or digest).
func splitImage(image string) (repo, tag string) {
	if i := strings.Index(image, "@"); i >= 0 {
		return image[:i], image[i+1:]
	}
	slash := strings.LastIndex(image, "/")
	if i := strings.LastIndex(image, ":"); i > slash {
		return image[:i], image[i+1:]
	}
	return image, "latest"
}

// normalized is the image as containerd reports it: docker.io/library/nginx:latest for nginx.
func normalized(image string) string {
	repo, tag := splitImage(image)
	parts := strings.SplitN(repo, "/", 2)
	if len(parts) == 1 {
		repo = "docker.io/library/" + repo
	} else if !strings.ContainsAny(parts[0], ".:") && parts[0] != "localhost" {
		repo = "docker.io/" + repo
	}
	if strings.Contains(image, "@") {
		return repo + "@" + tag
	}
	return repo + ":" + tag
}

func digest(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "/")))
	return hex.EncodeToString(h[:])
}

func (v *podView) say(key, kind, reason, fieldPath, format string, args ...any) {
	v.events = append(v.events, event{key: key, kind: kind, reason: reason,
		message: fmt.Sprintf(format, args...), fieldPath: fieldPath})
}

// repeating is the key of an event said again every repeatEvery while its cause stands.
func (v *podView) repeating(key string) string {
	return fmt.Sprintf("%s@%d", key, int64(v.now.Sub(v.start)/repeatEvery))
}

func (v *podView) podRef() string {
	return fmt.Sprintf("%s_%s(%s)", v.pod.Name, v.pod.Namespace, v.pod.UID)
}

// missingVolume names the first Secret or ConfigMap volume (direct or projected) whose object
// is missing, as the kubelet's mount error says it.
func (v *podView) missingVolume() (volume, message string) {
	ns := v.pod.Namespace
	for _, vol := range v.pod.Spec.Volumes {
		check := func(kind, name string, optional *bool) bool {
			if optional != nil && *optional {
				return false
			}
			var found bool
			if kind == "secret" {
				_, found = v.refs.secret(ns, name)
			} else {
				_, found = v.refs.configMap(ns, name)
			}
			if !found {
				volume, message = vol.Name, fmt.Sprintf("%s %q not found", kind, name)
			}
			return !found
		}
		switch {
		case vol.Secret != nil:
			if check("secret", vol.Secret.SecretName, vol.Secret.Optional) {
				return
			}
		case vol.ConfigMap != nil:
			if check("configmap", vol.ConfigMap.Name, vol.ConfigMap.Optional) {
				return
			}
		case vol.Projected != nil:
			for _, s := range vol.Projected.Sources {
				if s.Secret != nil && check("secret", s.Secret.Name, s.Secret.Optional) {
					return
				}
				if s.ConfigMap != nil && check("configmap", s.ConfigMap.Name, s.ConfigMap.Optional) {
					return
				}
			}
		}
	}
	return "", ""
}

// configError is the kubelet's CreateContainerConfigError message for a container whose env
// needs a Secret, ConfigMap or key that is missing; empty when none is.
func (v *podView) configError(c *v1.Container) string {
	ns := v.pod.Namespace
	optional := func(o *bool) bool { return o != nil && *o }
	for _, from := range c.EnvFrom {
		if s := from.SecretRef; s != nil && !optional(s.Optional) {
			if _, ok := v.refs.secret(ns, s.Name); !ok {
				return fmt.Sprintf("secret %q not found", s.Name)
			}
		}
		if m := from.ConfigMapRef; m != nil && !optional(m.Optional) {
			if _, ok := v.refs.configMap(ns, m.Name); !ok {
				return fmt.Sprintf("configmap %q not found", m.Name)
			}
		}
	}
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			continue
		}
		if s := e.ValueFrom.SecretKeyRef; s != nil && !optional(s.Optional) {
			keys, ok := v.refs.secret(ns, s.Name)
			if !ok {
				return fmt.Sprintf("secret %q not found", s.Name)
			}
			if keys != nil && !keys[s.Key] { // nil: not known (the lookup failed)
				return fmt.Sprintf("couldn't find key %s in Secret %s/%s", s.Key, ns, s.Name)
			}
		}
		if m := e.ValueFrom.ConfigMapKeyRef; m != nil && !optional(m.Optional) {
			keys, ok := v.refs.configMap(ns, m.Name)
			if !ok {
				return fmt.Sprintf("configmap %q not found", m.Name)
			}
			if keys != nil && !keys[m.Key] {
				return fmt.Sprintf("couldn't find key %s in ConfigMap %s/%s", m.Key, ns, m.Name)
			}
		}
	}
	return ""
}

func at(base time.Time, d time.Duration) metav1.Time {
	return metav1.NewTime(base.Add(d).Truncate(time.Second))
}

// container is one container's status `since` after it may start (its turn came: volumes
// mounted, init containers before it done); done says it has terminated for good (a run to
// completion, or a failed run that is not restarted).
func (v *podView) container(c *v1.Container, since time.Duration, isInit bool) (s v1.ContainerStatus, done bool) {
	field := fmt.Sprintf("spec.containers{%s}", c.Name)
	if isInit {
		field = fmt.Sprintf("spec.initContainers{%s}", c.Name)
	}
	s = v1.ContainerStatus{Name: c.Name, Image: normalized(c.Image)}
	key := c.Name + "/"
	policy := v.pod.Spec.RestartPolicy
	if isInit && c.RestartPolicy == nil {
		policy = v1.RestartPolicyOnFailure // init containers are retried unless the pod is Never
		if v.pod.Spec.RestartPolicy == v1.RestartPolicyNever {
			policy = v1.RestartPolicyNever
		}
	}
	if c.RestartPolicy != nil && *c.RestartPolicy == v1.ContainerRestartPolicyAlways {
		policy = v1.RestartPolicyAlways // a sidecar
	}

	if unpullable(c.Image) {
		tries, started := backOffSchedule(since, runFor)
		k := fmt.Sprintf("%spull%d", key, tries)
		v.say(k+"/pulling", "Normal", "Pulling", field, "Pulling image %q", c.Image)
		why := fmt.Sprintf("failed to pull and unpack image %q: failed to resolve reference %q: %s: not found",
			normalized(c.Image), normalized(c.Image), normalized(c.Image))
		if since-started < runFor {
			s.State.Waiting = &v1.ContainerStateWaiting{Reason: "ErrImagePull", Message: why}
			return s, false
		}
		v.say(k+"/failed", "Warning", "Failed", field, "Failed to pull image %q: %s", c.Image, why)
		v.say(k+"/err", "Warning", "Failed", field, "Error: ErrImagePull")
		v.say(k+"/backoff", "Normal", "BackOff", field, "Back-off pulling image %q", c.Image)
		v.say(k+"/backofferr", "Warning", "Failed", field, "Error: ImagePullBackOff")
		s.State.Waiting = &v1.ContainerStateWaiting{Reason: "ImagePullBackOff",
			Message: fmt.Sprintf("Back-off pulling image %q: ErrImagePull: %s", c.Image, why)}
		return s, false
	}
	if msg := v.configError(c); msg != "" {
		v.say(v.repeating(key+"config"), "Warning", "Failed", field, "Error: %s", msg)
		s.State.Waiting = &v1.ContainerStateWaiting{Reason: "CreateContainerConfigError", Message: msg}
		return s, false
	}

	s.ImageID = fmt.Sprintf("%s@sha256:%s", strings.SplitN(normalized(c.Image), ":", 2)[0], digest(normalized(c.Image)))
	containerID := func(try int) string {
		return "containerd://" + digest(string(v.pod.UID), c.Name, fmt.Sprint(try))
	}
	startEvents := func(try int) {
		k := fmt.Sprintf("%srun%d", key, try)
		v.say(k+"/pulled", "Normal", "Pulled", field, "Container image %q already present on machine", c.Image)
		v.say(k+"/created", "Normal", "Created", field, "Created container: %s", c.Name)
		v.say(k+"/started", "Normal", "Started", field, "Started container %s", c.Name)
	}
	runsFor := time.Duration(-1) // forever
	exitCode := int32(0)
	switch {
	case crashes(c.Image):
		runsFor, exitCode = runFor, 1
	case isInit && policy != v1.RestartPolicyAlways:
		runsFor = initRunsFor
	case policy != v1.RestartPolicyAlways:
		runsFor = jobRunsFor
	}
	if runsFor < 0 {
		startEvents(0)
		s.State.Running = &v1.ContainerStateRunning{StartedAt: at(v.start, 0)}
		s.ContainerID, s.Ready, s.Started = containerID(0), true, ptr(true)
		return s, false
	}
	terminated := func(try int, startedAt time.Duration) *v1.ContainerStateTerminated {
		reason := "Completed"
		if exitCode != 0 {
			reason = "Error"
		}
		return &v1.ContainerStateTerminated{ExitCode: exitCode, Reason: reason,
			StartedAt: at(v.start, startedAt), FinishedAt: at(v.start, startedAt+runsFor),
			ContainerID: containerID(try)}
	}
	restarts := policy == v1.RestartPolicyAlways || (policy == v1.RestartPolicyOnFailure && exitCode != 0)
	if !restarts || exitCode == 0 {
		startEvents(0)
		s.ContainerID, s.Started = containerID(0), ptr(since < runsFor)
		if since < runsFor {
			s.State.Running = &v1.ContainerStateRunning{StartedAt: at(v.start, 0)}
			s.Ready = !isInit
			return s, false
		}
		s.State.Terminated = terminated(0, 0)
		return s, true
	}
	// Crash-looping: the kubelet's back-off between restarts.
	tries, started := backOffSchedule(since, runsFor)
	try := tries - 1
	startEvents(try)
	s.RestartCount = int32(try)
	s.ContainerID = containerID(try)
	if try > 0 {
		prevStart := started - runsFor - currentBackOff(try)
		s.LastTerminationState.Terminated = terminated(try-1, prevStart)
	}
	if since-started < runsFor {
		s.State.Running = &v1.ContainerStateRunning{StartedAt: at(v.start, started)}
		s.Started = ptr(true)
		return s, false
	}
	s.LastTerminationState.Terminated = terminated(try, started)
	s.Started = ptr(false)
	back := currentBackOff(tries)
	v.say(fmt.Sprintf("%sbackoff%d", key, try), "Warning", "BackOff", field,
		"Back-off restarting failed container %s in pod %s", c.Name, v.podRef())
	s.State.Waiting = &v1.ContainerStateWaiting{Reason: "CrashLoopBackOff",
		Message: fmt.Sprintf("back-off %s restarting failed container=%s pod=%s", back, c.Name, v.podRef())}
	return s, false
}

func ptr[T any](v T) *T { return &v }

// status is the pod's status now, and the events that say how it got there.
func (v *podView) status() v1.PodStatus {
	pod := v.pod
	st := *pod.Status.DeepCopy()
	st.StartTime = ptr(metav1.NewTime(v.start))
	elapsed := v.now.Sub(v.start)
	st.InitContainerStatuses, st.ContainerStatuses = nil, nil

	mounted := true
	if vol, msg := v.missingVolume(); msg != "" {
		mounted = false
		v.say(v.repeating("mount/"+vol), "Warning", "FailedMount", "",
			"MountVolume.SetUp failed for volume %q : %s", vol, msg)
	}
	since := elapsed // since the current container's turn came
	initialized := mounted
	var incompleteInit []string
	for i := range pod.Spec.InitContainers {
		c := &pod.Spec.InitContainers[i]
		if !initialized {
			st.InitContainerStatuses = append(st.InitContainerStatuses, waiting(c, "PodInitializing"))
			incompleteInit = append(incompleteInit, c.Name)
			continue
		}
		s, done := v.container(c, since, true)
		st.InitContainerStatuses = append(st.InitContainerStatuses, s)
		sidecar := c.RestartPolicy != nil && *c.RestartPolicy == v1.ContainerRestartPolicyAlways
		if sidecar && s.State.Running != nil {
			continue
		}
		if !done || s.State.Terminated.ExitCode != 0 {
			initialized = false
			incompleteInit = append(incompleteInit, c.Name)
			continue
		}
		since -= initRunsFor
	}
	var running, waitingCount, stopped, succeeded int
	var unready []string
	for i := range pod.Spec.Containers {
		c := &pod.Spec.Containers[i]
		var s v1.ContainerStatus
		switch {
		case !mounted:
			s = waiting(c, "ContainerCreating")
		case !initialized:
			s = waiting(c, "PodInitializing")
		default:
			s, _ = v.container(c, since, false)
		}
		st.ContainerStatuses = append(st.ContainerStatuses, s)
		switch {
		case s.State.Running != nil:
			running++
		case s.State.Terminated != nil:
			stopped++
			if s.State.Terminated.ExitCode == 0 {
				succeeded++
			}
		case s.LastTerminationState.Terminated != nil:
			stopped++
		default:
			waitingCount++
		}
		if !s.Ready {
			unready = append(unready, c.Name)
		}
	}
	// The kubelet's getPhase.
	switch {
	case !initialized:
		st.Phase = v1.PodPending
	case waitingCount > 0:
		st.Phase = v1.PodPending
	case running > 0:
		st.Phase = v1.PodRunning
	case stopped > 0 && pod.Spec.RestartPolicy == v1.RestartPolicyAlways:
		st.Phase = v1.PodRunning
	case stopped > 0 && stopped == succeeded:
		st.Phase = v1.PodSucceeded
	case stopped > 0 && pod.Spec.RestartPolicy == v1.RestartPolicyNever:
		st.Phase = v1.PodFailed
	default:
		st.Phase = v1.PodRunning
	}
	if mounted && st.PodIP == "" {
		st.PodIP = podIP(pod)
		st.PodIPs = []v1.PodIP{{IP: st.PodIP}}
	}
	if !mounted {
		st.PodIP, st.PodIPs = "", nil
	}
	v.conditions(&st, mounted, incompleteInit, unready)
	return st
}

func waiting(c *v1.Container, reason string) v1.ContainerStatus {
	return v1.ContainerStatus{Name: c.Name, Image: normalized(c.Image),
		State: v1.ContainerState{Waiting: &v1.ContainerStateWaiting{Reason: reason}}}
}

func (v *podView) conditions(st *v1.PodStatus, mounted bool, incompleteInit, unready []string) {
	set := func(t v1.PodConditionType, ok bool, reason, message string) {
		status := v1.ConditionFalse
		if ok {
			status, reason, message = v1.ConditionTrue, "", ""
		}
		for i := range st.Conditions {
			c := &st.Conditions[i]
			if c.Type == t {
				if c.Status != status {
					c.LastTransitionTime = metav1.NewTime(v.now.Truncate(time.Second))
				}
				c.Status, c.Reason, c.Message = status, reason, message
				return
			}
		}
		st.Conditions = append(st.Conditions, v1.PodCondition{Type: t, Status: status, Reason: reason,
			Message: message, LastTransitionTime: metav1.NewTime(v.now.Truncate(time.Second))})
	}
	list := func(names []string) string { return "[" + strings.Join(names, " ") + "]" }
	set(v1.PodReadyToStartContainers, mounted, "", "")
	set(v1.PodInitialized, len(incompleteInit) == 0, "ContainersNotInitialized",
		"containers with incomplete status: "+list(incompleteInit))
	reason, message := "ContainersNotReady", "containers with unready status: "+list(unready)
	if st.Phase == v1.PodSucceeded || st.Phase == v1.PodFailed {
		reason = "PodCompleted"
		message = ""
	}
	set(v1.ContainersReady, len(unready) == 0, reason, message)
	set(v1.PodReady, len(unready) == 0, reason, message)
}

// podIP: 10.244.N.X on node N, X from the pod's uid (stable, so a status computed again keeps it).
func podIP(pod *v1.Pod) string {
	h := sha256.Sum256([]byte(pod.UID))
	return fmt.Sprintf("%s.%d", podSubnet(pod.Spec.NodeName), 2+int(h[0])%250)
}
