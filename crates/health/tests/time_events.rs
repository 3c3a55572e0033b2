//! Time-dependent rules (against `--now`, or the newest timestamp in the input), warning events
//! as evidence, event categories, and webhook configurations.

use kubegraph_health::events::{category, category_of_reason, Category};
use kubegraph_health::time::{newest, Now, Timestamp};
use kubegraph_health::{assess_at, State};

fn graph(text: &str) -> kubegraph_graph::Graph {
    let loaded = kubegraph_files::load_bytes("test.yaml", text.as_bytes(), &Default::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    kubegraph_relations::graph_from_objects("test", loaded.objects).0
}

fn at(s: &str) -> Now {
    Now::At(Timestamp::parse(s).unwrap())
}

/// The health of the one node labelled `Kind namespace/name`.
fn health(text: &str, now: Now, kind: &str, name: &str) -> (State, String) {
    let g = graph(text);
    let h = assess_at(&g, now);
    let hits: Vec<_> = g
        .nodes()
        .filter(|(_, n)| n.object.kind == kind && n.object.name == name && n.parent.is_none())
        .map(|(id, _)| h[id.0 as usize].clone())
        .collect();
    assert_eq!(hits.len(), 1, "{kind} {name}");
    (hits[0].state, hits[0].reason.clone())
}

const PENDING_POD: &str = "apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, uid: p1, creationTimestamp: '2026-05-20T10:00:00Z'}
spec:
  serviceAccountName: default
  containers: [{name: web, image: nginx}]
status:
  phase: Pending
  qosClass: BestEffort
";

#[test]
fn pending_pods_turn_errors_after_five_minutes() {
    let young = health(PENDING_POD, at("2026-05-20T10:03:00Z"), "Pod", "web");
    assert_eq!(young, (State::Warning, "Pending for 3m".into()));
    let old = health(PENDING_POD, at("2026-05-20T10:20:00Z"), "Pod", "web");
    assert_eq!(old, (State::Error, "Pending for 20m".into()));
    // Without --now, the newest timestamp of the input is the pod's own creation: just made.
    let g = graph(PENDING_POD);
    assert_eq!(
        newest(&g),
        Some(Timestamp::parse("2026-05-20T10:00:00Z").unwrap())
    );
    assert_eq!(
        health(PENDING_POD, Now::NewestInInput, "Pod", "web"),
        (State::Warning, "Pending for 0s".into())
    );
    // A time before the object's creation is no age at all.
    assert_eq!(
        health(PENDING_POD, at("2026-05-20T09:00:00Z"), "Pod", "web"),
        (State::Warning, "Pending".into())
    );
}

#[test]
fn warning_events_are_evidence() {
    let text = format!(
        "{PENDING_POD}---
apiVersion: v1
kind: Event
metadata: {{name: web.1, namespace: default, uid: e1}}
involvedObject: {{kind: Pod, name: web, namespace: default, uid: p1}}
reason: FailedScheduling
message: '0/3 nodes are available: 3 Insufficient cpu.'
type: Warning
count: 3
firstTimestamp: '2026-05-20T10:00:01Z'
lastTimestamp: '2026-05-20T10:12:00Z'
---
apiVersion: v1
kind: Event
metadata: {{name: web.2, namespace: default, uid: e2}}
involvedObject: {{kind: Pod, name: web, namespace: default, uid: p1}}
reason: Scheduled
message: ignored, not a warning
type: Normal
lastTimestamp: '2026-05-20T10:13:00Z'
"
    );
    assert_eq!(
        health(&text, at("2026-05-20T10:20:00Z"), "Pod", "web"),
        (
            State::Error,
            "Pending for 20m; event FailedScheduling ×3: 0/3 nodes are available: 3 Insufficient cpu.".into()
        )
    );
    // A day and more after its last occurrence, an event no longer speaks for the present.
    assert_eq!(
        health(&text, at("2026-05-21T10:12:01Z"), "Pod", "web"),
        (State::Error, "Pending for 1d".into())
    );
    let g = graph(&text);
    let pod = g.nodes().find(|(_, n)| n.object.kind == "Pod").unwrap().0;
    let all = kubegraph_health::events::about(&g, pod);
    let got: Vec<(&str, Category, u64)> = all
        .iter()
        .map(|e| (e.reason.as_str(), e.category, e.count))
        .collect();
    // Newest first.
    assert_eq!(
        got,
        [
            ("Scheduled", Category::Activities, 1),
            ("FailedScheduling", Category::Alerts, 3)
        ]
    );
}

#[test]
fn claims_waiting_for_their_first_consumer_are_fine() {
    let text = "apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: local-path}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default, creationTimestamp: '2026-05-20T08:00:00Z'}
spec: {storageClassName: local-path, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
status: {phase: Pending}
";
    assert_eq!(
        health(
            text,
            at("2026-05-20T10:00:00Z"),
            "PersistentVolumeClaim",
            "data"
        ),
        (
            State::Ok,
            "Pending: waiting for a pod to use it (volumeBindingMode WaitForFirstConsumer)".into()
        )
    );
}

#[test]
fn objects_stuck_terminating() {
    let text = "apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-1
  creationTimestamp: '2026-01-01T00:00:00Z'
  deletionTimestamp: '2026-05-20T09:00:00Z'
  deletionGracePeriodSeconds: 0
  finalizers: [kubernetes.io/pv-protection]
spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /data}}
status: {phase: Bound}
";
    assert_eq!(
        health(text, at("2026-05-20T10:30:00Z"), "PersistentVolume", "pv-1"),
        (
            State::Warning,
            "Terminating, 1h30m past its grace period (finalizers: kubernetes.io/pv-protection)"
                .into()
        )
    );
    // Before its deadline, deleting is normal.
    assert_eq!(
        health(text, at("2026-05-20T08:59:00Z"), "PersistentVolume", "pv-1"),
        (State::Ok, "Bound".into())
    );
}

#[test]
fn webhooks_follow_their_failure_policy() {
    let webhook = |policy: &str| {
        format!(
            "apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {{name: inject}}
webhooks:
- name: inject.example.com
  failurePolicy: {policy}
  clientConfig: {{service: {{name: injector, namespace: mesh}}}}
---
apiVersion: v1
kind: Service
metadata: {{name: injector, namespace: mesh}}
spec: {{selector: {{app: injector}}}}
---
apiVersion: v1
kind: Pod
metadata: {{name: injector-1, namespace: mesh, labels: {{app: injector}}}}
spec: {{containers: [{{name: c, image: injector}}]}}
status:
  phase: Running
  conditions: [{{type: Ready, status: 'False', reason: ContainersNotReady}}]
"
        )
    };
    assert_eq!(
        health(&webhook("Fail"), Now::NewestInInput, "MutatingWebhookConfiguration", "inject"),
        (
            State::Error,
            "webhook inject.example.com calls Service mesh/injector: no ready endpoint (0/1 selected pods ready) (failurePolicy Fail: matching requests are rejected)".into()
        )
    );
    assert_eq!(
        health(
            &webhook("Ignore"),
            Now::NewestInInput,
            "MutatingWebhookConfiguration",
            "inject"
        )
        .0,
        State::Warning
    );
}

#[test]
fn event_categories_follow_stackstate() {
    // StackState's table.
    assert_eq!(category_of_reason("Pulled"), Category::Activities);
    assert_eq!(
        category_of_reason("ScalingReplicaSet"),
        Category::Activities
    );
    assert_eq!(category_of_reason("SandboxChanged"), Category::Changes);
    assert_eq!(category_of_reason("WaitForFirstConsumer"), Category::Others);
    assert_eq!(category_of_reason("BackOff"), Category::Alerts);
    // kubegraph's decisions for reasons it does not list, and the default.
    assert_eq!(category_of_reason("FailedMount"), Category::Alerts);
    assert_eq!(category_of_reason("LeaderElection"), Category::Activities);
    assert_eq!(category_of_reason("SomethingNew"), Category::Others);
    // A warning is an alert whatever its reason.
    let g = graph(
        "apiVersion: v1
kind: Event
metadata: {name: e, namespace: default}
involvedObject: {kind: Pod, name: x, namespace: default}
reason: Pulled
type: Warning
",
    );
    let ev = g.nodes().find(|(_, n)| n.object.kind == "Event").unwrap().1;
    assert_eq!(category(&ev.object), Category::Alerts);
}

#[test]
fn now_must_be_a_time() {
    assert_eq!(
        Now::from_option(Some("tomorrow")).unwrap_err().to_string(),
        "`tomorrow` is not an RFC 3339 time (expected e.g. 2026-11-29T12:00:00Z)"
    );
    assert_eq!(Now::from_option(None).unwrap(), Now::NewestInInput);
}
