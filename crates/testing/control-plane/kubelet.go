package main

// The kubelet's part, for a node without a container runtime: register the Node with its
// capacity and conditions, renew its Lease, and for each pod the scheduler binds to it write
// the status a kubelet would (pods.go), with the kubelet's events; delete pods whose deletion
// was asked for once their "containers" have stopped. Each node talks to the API server as
// itself (system:node:NAME), so the Node authorizer and NodeRestriction judge it as a real
// kubelet.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	v1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	typedcorev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	corelisters "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/record"
	"k8s.io/klog/v2"
)

const (
	kubeletVersion = "v1.37.2"
	leaseSeconds   = 40
	renewEvery     = 10 * time.Second // the kubelet's lease renewal
	heartbeatEvery = time.Minute      // node status, when nothing changed
	syncEvery      = 500 * time.Millisecond
	lookupTTL      = 5 * time.Second // how long a Secret/ConfigMap lookup is believed
)

func nodeName(i int) string { return fmt.Sprintf("node-%d", i+1) }

// podSubnet is node-N's pod network, 10.244.N.0/24.
func podSubnet(node string) string {
	var n int
	_, _ = fmt.Sscanf(node, "node-%d", &n)
	return fmt.Sprintf("10.244.%d", n)
}

type kubelet struct {
	name     string
	ip       string
	client   kubernetes.Interface
	recorder record.EventRecorder
	pods     corelisters.PodLister
	informer cache.SharedIndexInformer
	factory  informers.SharedInformerFactory

	// Per pod: when it was taken on and which events were said.
	started map[types.UID]time.Time
	said    map[types.UID]map[string]bool

	mu      sync.Mutex
	lookups map[string]lookup // "secret/ns/name"
}

type lookup struct {
	keys  map[string]bool
	found bool
	at    time.Time
}

func newKubelet(cp *controlPlane, i int) (*kubelet, error) {
	name := nodeName(i)
	path := filepath.Join(cp.dir, name+".kubeconfig")
	if err := cp.writeKubeconfig(path, name); err != nil {
		return nil, err
	}
	client := mustClient(path)
	broadcaster := record.NewBroadcaster()
	broadcaster.StartRecordingToSink(&typedcorev1.EventSinkImpl{Interface: client.CoreV1().Events("")})
	factory := informers.NewSharedInformerFactoryWithOptions(client, 0,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.FieldSelector = "spec.nodeName=" + name }))
	pods := factory.Core().V1().Pods()
	return &kubelet{
		name:     name,
		ip:       fmt.Sprintf("172.18.0.%d", i+2),
		client:   client,
		recorder: broadcaster.NewRecorder(scheme.Scheme, v1.EventSource{Component: "kubelet", Host: name}),
		pods:     pods.Lister(),
		informer: pods.Informer(),
		factory:  factory,
		started:  map[types.UID]time.Time{},
		said:     map[types.UID]map[string]bool{},
		lookups:  map[string]lookup{},
	}, nil
}

func (k *kubelet) run(ctx context.Context) {
	for ctx.Err() == nil {
		if err := k.register(ctx); err != nil {
			klog.ErrorS(err, "registering", "node", k.name)
			sleep(ctx, time.Second)
			continue
		}
		break
	}
	k.factory.Start(ctx.Done())
	k.factory.WaitForCacheSync(ctx.Done())
	lastRenew, lastHeartbeat := time.Now(), time.Now()
	for ctx.Err() == nil {
		if time.Since(lastRenew) >= renewEvery {
			if err := k.renewLease(ctx); err != nil {
				klog.ErrorS(err, "renewing the lease", "node", k.name)
			} else {
				lastRenew = time.Now()
			}
		}
		if time.Since(lastHeartbeat) >= heartbeatEvery {
			if err := k.heartbeat(ctx); err != nil {
				klog.ErrorS(err, "node status", "node", k.name)
			} else {
				lastHeartbeat = time.Now()
			}
		}
		k.syncPods(ctx)
		sleep(ctx, syncEvery)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func (k *kubelet) node() *v1.Node {
	capacity := v1.ResourceList{
		v1.ResourceCPU:              resource.MustParse("4"),
		v1.ResourceMemory:           resource.MustParse("16Gi"),
		v1.ResourcePods:             resource.MustParse("110"),
		v1.ResourceEphemeralStorage: resource.MustParse("100Gi"),
	}
	allocatable := v1.ResourceList{
		v1.ResourceCPU:              resource.MustParse("3800m"),
		v1.ResourceMemory:           resource.MustParse("15Gi"),
		v1.ResourcePods:             resource.MustParse("110"),
		v1.ResourceEphemeralStorage: resource.MustParse("90Gi"),
	}
	return &v1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: k.name, Labels: map[string]string{
			"kubernetes.io/hostname": k.name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
			"beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64",
		}},
		Status: v1.NodeStatus{
			Capacity:    capacity,
			Allocatable: allocatable,
			Conditions:  k.conditions(nil),
			Addresses: []v1.NodeAddress{
				{Type: v1.NodeInternalIP, Address: k.ip},
				{Type: v1.NodeHostName, Address: k.name},
			},
			DaemonEndpoints: v1.NodeDaemonEndpoints{KubeletEndpoint: v1.DaemonEndpoint{Port: 10250}},
			NodeInfo: v1.NodeSystemInfo{
				MachineID: digest(k.name)[:32], SystemUUID: digest("uuid", k.name)[:32], BootID: digest("boot", k.name)[:32],
				KernelVersion: "6.1.0", OSImage: "kubegraph control plane (no container runtime)",
				ContainerRuntimeVersion: "containerd://2.1.0", KubeletVersion: kubeletVersion,
				OperatingSystem: "linux", Architecture: "amd64",
			},
		},
	}
}

// conditions: Ready, and no pressure; transition times kept from `old`.
func (k *kubelet) conditions(old []v1.NodeCondition) []v1.NodeCondition {
	now := metav1.NewTime(time.Now().Truncate(time.Second))
	c := func(t v1.NodeConditionType, status v1.ConditionStatus, reason, message string) v1.NodeCondition {
		transition := now
		for _, o := range old {
			if o.Type == t && o.Status == status {
				transition = o.LastTransitionTime
			}
		}
		return v1.NodeCondition{Type: t, Status: status, Reason: reason, Message: message,
			LastHeartbeatTime: now, LastTransitionTime: transition}
	}
	return []v1.NodeCondition{
		c(v1.NodeMemoryPressure, v1.ConditionFalse, "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
		c(v1.NodeDiskPressure, v1.ConditionFalse, "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
		c(v1.NodePIDPressure, v1.ConditionFalse, "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
		c(v1.NodeReady, v1.ConditionTrue, "KubeletReady", "kubelet is posting ready status"),
	}
}

// register creates the Node (or takes the one there) and writes its status.
func (k *kubelet) register(ctx context.Context) error {
	want := k.node()
	node, err := k.client.CoreV1().Nodes().Create(ctx, want, metav1.CreateOptions{})
	if apierrors.IsAlreadyExists(err) {
		node, err = k.client.CoreV1().Nodes().Get(ctx, k.name, metav1.GetOptions{})
	}
	if err != nil {
		return err
	}
	node.Status = want.Status
	node.Status.Conditions = k.conditions(node.Status.Conditions)
	if _, err := k.client.CoreV1().Nodes().UpdateStatus(ctx, node, metav1.UpdateOptions{}); err != nil {
		return err
	}
	k.recorder.Eventf(&v1.ObjectReference{Kind: "Node", Name: k.name, UID: types.UID(k.name)},
		v1.EventTypeNormal, "NodeReady", "Node %s status is now: NodeReady", k.name)
	return k.renewLease(ctx)
}

func (k *kubelet) heartbeat(ctx context.Context) error {
	node, err := k.client.CoreV1().Nodes().Get(ctx, k.name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	node.Status.Conditions = k.conditions(node.Status.Conditions)
	_, err = k.client.CoreV1().Nodes().UpdateStatus(ctx, node, metav1.UpdateOptions{})
	return err
}

// renewLease keeps kube-node-lease/NAME current, as the node lifecycle controller expects of
// a live kubelet (else the node turns NotReady after the grace period and its pods are evicted).
func (k *kubelet) renewLease(ctx context.Context) error {
	leases := k.client.CoordinationV1().Leases(v1.NamespaceNodeLease)
	now := metav1.NewMicroTime(time.Now())
	lease, err := leases.Get(ctx, k.name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		node, err := k.client.CoreV1().Nodes().Get(ctx, k.name, metav1.GetOptions{})
		if err != nil {
			return err
		}
		_, err = leases.Create(ctx, &coordinationv1.Lease{
			ObjectMeta: metav1.ObjectMeta{Name: k.name, Namespace: v1.NamespaceNodeLease,
				OwnerReferences: []metav1.OwnerReference{{APIVersion: "v1", Kind: "Node", Name: k.name, UID: node.UID}}},
			Spec: coordinationv1.LeaseSpec{HolderIdentity: ptr(k.name), LeaseDurationSeconds: ptr(int32(leaseSeconds)), RenewTime: &now},
		}, metav1.CreateOptions{})
		return err
	}
	if err != nil {
		return err
	}
	lease.Spec.RenewTime = &now
	_, err = leases.Update(ctx, lease, metav1.UpdateOptions{})
	return err
}

func (k *kubelet) syncPods(ctx context.Context) {
	pods, err := k.pods.List(labels.Everything())
	if err != nil {
		return
	}
	seen := map[types.UID]bool{}
	for _, pod := range pods {
		seen[pod.UID] = true
		if pod.DeletionTimestamp != nil {
			k.terminate(ctx, pod)
			continue
		}
		if pod.Status.Phase == v1.PodSucceeded || pod.Status.Phase == v1.PodFailed {
			continue // a finished pod's status is final
		}
		k.syncPod(ctx, pod)
	}
	for uid := range k.started {
		if !seen[uid] {
			delete(k.started, uid)
			delete(k.said, uid)
		}
	}
}

func (k *kubelet) syncPod(ctx context.Context, pod *v1.Pod) {
	start, ok := k.started[pod.UID]
	if !ok {
		start = time.Now().Truncate(time.Second)
		if pod.Status.StartTime != nil {
			start = pod.Status.StartTime.Time
		}
		k.started[pod.UID] = start
	}
	view := &podView{pod: pod, now: time.Now(), start: start, refs: k}
	status := view.status()
	if status.HostIP == "" {
		status.HostIP = k.ip
		status.HostIPs = []v1.HostIP{{IP: k.ip}}
	}
	if !apiequality.Semantic.DeepEqual(status, pod.Status) {
		updated := pod.DeepCopy()
		updated.Status = status
		if _, err := k.client.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, updated, metav1.UpdateOptions{}); err != nil {
			if !apierrors.IsConflict(err) && !apierrors.IsNotFound(err) {
				klog.ErrorS(err, "pod status", "pod", klog.KObj(pod))
			}
			return // said on the next sync, once the status is written
		}
	}
	said := k.said[pod.UID]
	if said == nil {
		said = map[string]bool{}
		k.said[pod.UID] = said
	}
	for _, e := range view.events {
		if said[e.key] {
			continue
		}
		said[e.key] = true
		ref := &v1.ObjectReference{Kind: "Pod", APIVersion: "v1", Namespace: pod.Namespace, Name: pod.Name,
			UID: pod.UID, ResourceVersion: pod.ResourceVersion, FieldPath: e.fieldPath}
		k.recorder.Event(ref, e.kind, e.reason, e.message)
	}
}

// terminate: a pod being deleted has its containers stopped, then is deleted for good (grace
// period 0), as the kubelet finishes a graceful deletion.
func (k *kubelet) terminate(ctx context.Context, pod *v1.Pod) {
	if !k.said[pod.UID]["killing"] {
		for _, c := range pod.Spec.Containers {
			ref := &v1.ObjectReference{Kind: "Pod", APIVersion: "v1", Namespace: pod.Namespace, Name: pod.Name,
				UID: pod.UID, FieldPath: fmt.Sprintf("spec.containers{%s}", c.Name)}
			k.recorder.Eventf(ref, v1.EventTypeNormal, "Killing", "Stopping container %s", c.Name)
		}
		if k.said[pod.UID] == nil {
			k.said[pod.UID] = map[string]bool{}
		}
		k.said[pod.UID]["killing"] = true
	}
	err := k.client.CoreV1().Pods(pod.Namespace).Delete(ctx, pod.Name, metav1.DeleteOptions{
		GracePeriodSeconds: ptr(int64(0)),
		Preconditions:      &metav1.Preconditions{UID: &pod.UID},
	})
	if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) {
		klog.ErrorS(err, "deleting", "pod", klog.KObj(pod))
	}
}

func (k *kubelet) secret(namespace, name string) (map[string]bool, bool) {
	return k.lookup("secret", namespace, name)
}

func (k *kubelet) configMap(namespace, name string) (map[string]bool, bool) {
	return k.lookup("configmap", namespace, name)
}

// lookup reads a Secret's or ConfigMap's keys, believed for lookupTTL. The kubelet may read
// only those its pods refer to; an error other than not found counts as found, so that a
// passing failure does not make a pod fail.
func (k *kubelet) lookup(kind, namespace, name string) (map[string]bool, bool) {
	key := strings.Join([]string{kind, namespace, name}, "/")
	k.mu.Lock()
	l, ok := k.lookups[key]
	k.mu.Unlock()
	if ok && time.Since(l.at) < lookupTTL {
		return l.keys, l.found
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	l = lookup{keys: map[string]bool{}, found: true, at: time.Now()}
	var err error
	if kind == "secret" {
		var s *v1.Secret
		if s, err = k.client.CoreV1().Secrets(namespace).Get(ctx, name, metav1.GetOptions{}); err == nil {
			for key := range s.Data {
				l.keys[key] = true
			}
		}
	} else {
		var m *v1.ConfigMap
		if m, err = k.client.CoreV1().ConfigMaps(namespace).Get(ctx, name, metav1.GetOptions{}); err == nil {
			for key := range m.Data {
				l.keys[key] = true
			}
			for key := range m.BinaryData {
				l.keys[key] = true
			}
		}
	}
	if apierrors.IsNotFound(err) {
		l.found = false
	} else if err != nil {
		klog.ErrorS(err, "lookup", "kind", kind, "namespace", namespace, "name", name)
		l.keys, l.at = nil, time.Time{} // keys unknown; ask again next time
	}
	k.mu.Lock()
	k.lookups[key] = l
	k.mu.Unlock()
	return l.keys, l.found
}
