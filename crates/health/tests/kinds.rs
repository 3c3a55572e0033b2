//! Per-kind rules on small objects, and on live fixtures whose status was read in the file
//! (each "read:" comment says what it holds).

use kubegraph_health::time::Now;
use kubegraph_health::{assess, assess_with, Coverage, State};

/// Every node's health as `Kind namespace/name` (or `Kind name`) → (state, reason), the input
/// read as files are: a partial one.
fn health_of_bytes(name: &str, bytes: &[u8]) -> Vec<(String, State, String)> {
    health_of_bytes_in(name, bytes, Coverage::Partial)
}

fn health_of_bytes_in(
    name: &str,
    bytes: &[u8],
    coverage: Coverage,
) -> Vec<(String, State, String)> {
    let loaded = kubegraph_files::load_bytes(name, bytes, &Default::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let (g, _) = kubegraph_relations::graph_from_objects("test", loaded.objects);
    let h = assess_with(&g, Now::NewestInInput, coverage);
    assert_eq!(h.len(), g.node_bound());
    g.nodes()
        .map(|(id, n)| {
            let o = &n.object;
            let label = match &o.namespace {
                Some(ns) => format!("{} {ns}/{}", o.kind, o.name),
                None => format!("{} {}", o.kind, o.name),
            };
            let x = &h[id.0 as usize];
            (label, x.state, x.reason.clone())
        })
        .collect()
}

fn get(all: &[(String, State, String)], label: &str) -> (State, String) {
    let hits: Vec<_> = all.iter().filter(|(l, _, _)| l == label).collect();
    assert_eq!(hits.len(), 1, "{label} in {all:#?}");
    (hits[0].1, hits[0].2.clone())
}

fn yaml(text: &str) -> Vec<(String, State, String)> {
    health_of_bytes("test.yaml", text.as_bytes())
}

fn fixture(path: &str) -> Vec<(String, State, String)> {
    let p = kubegraph_fixtures::path(path);
    health_of_bytes(path, &std::fs::read(&p).expect("fixture exists"))
}

/// The same input as a live cluster's list: what is absent, is absent.
fn yaml_complete(text: &str) -> Vec<(String, State, String)> {
    health_of_bytes_in("test.yaml", text.as_bytes(), Coverage::Complete)
}

fn fixture_complete(path: &str) -> Vec<(String, State, String)> {
    let p = kubegraph_fixtures::path(path);
    health_of_bytes_in(
        path,
        &std::fs::read(&p).expect("fixture exists"),
        Coverage::Complete,
    )
}

fn e(reason: &str) -> (State, String) {
    (State::Error, reason.to_string())
}
fn w(reason: &str) -> (State, String) {
    (State::Warning, reason.to_string())
}
fn ok(reason: &str) -> (State, String) {
    (State::Ok, reason.to_string())
}
fn unknown(reason: &str) -> (State, String) {
    (State::Unknown, reason.to_string())
}

/// A live pod (it has a status) with its service account, so that only what a test adds is
/// missing.
fn pod(spec_extra: &str, status: &str) -> String {
    format!(
        "apiVersion: v1
kind: ServiceAccount
metadata: {{name: default, namespace: default}}
---
apiVersion: v1
kind: Pod
metadata: {{name: web, namespace: default, uid: u1}}
spec:
  containers:
  - name: api
    image: nginx:1.27
{spec_extra}
status:
{status}
"
    )
}

#[test]
fn pod_waiting_for_a_missing_secret_names_the_container_and_the_message() {
    let all = yaml(&pod(
        "    env:
    - name: TOKEN
      valueFrom: {secretKeyRef: {name: api-token, key: token}}",
        "  phase: Pending
  containerStatuses:
  - name: api
    ready: false
    state:
      waiting:
        reason: CreateContainerConfigError
        message: secret \"api-token\" not found",
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        e("container api waiting: CreateContainerConfigError: secret \"api-token\" not found")
    );
    assert_eq!(
        get(&all, "Secret default/api-token"),
        e("Secret default/api-token does not exist (referenced by Pod default/web)")
    );
}

#[test]
fn pod_waiting_reasons_failed_and_unschedulable_are_errors() {
    for reason in [
        "CrashLoopBackOff",
        "ImagePullBackOff",
        "ErrImagePull",
        "CreateContainerError",
        "InvalidImageName",
    ] {
        let all = yaml(&pod(
            "",
            &format!(
                "  phase: Running
  containerStatuses:
  - name: api
    state: {{waiting: {{reason: {reason}}}}}"
            ),
        ));
        assert_eq!(
            get(&all, "Pod default/web"),
            e(&format!("container api waiting: {reason}"))
        );
    }
    // An init container's waiting reason, a message spread over lines made one.
    let all = yaml(&pod(
        "",
        "  phase: Pending
  initContainerStatuses:
  - name: setup
    state:
      waiting:
        reason: ImagePullBackOff
        message: |
          Back-off pulling image
          \"busybox:nope\"",
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        e("init container setup waiting: ImagePullBackOff: Back-off pulling image \"busybox:nope\"")
    );
    // Waiting for an ordinary reason is not an error by itself.
    let all = yaml(&pod(
        "",
        "  phase: Pending
  containerStatuses:
  - name: api
    state: {waiting: {reason: ContainerCreating}}",
    ));
    assert_eq!(get(&all, "Pod default/web"), w("Pending"));
    let all = yaml(&pod(
        "",
        "  phase: Failed
  reason: Evicted
  message: 'The node was low on resource: memory.'",
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        e("phase Failed: Evicted: The node was low on resource: memory.")
    );
    let all = yaml(&pod(
        "",
        "  phase: Pending
  conditions:
  - type: PodScheduled
    status: 'False'
    reason: Unschedulable
    message: '0/3 nodes are available: 3 Insufficient cpu.'",
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        e("Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.")
    );
}

#[test]
fn pod_pending_not_ready_ready_and_succeeded() {
    let all = yaml(&pod("", "  phase: Pending"));
    assert_eq!(get(&all, "Pod default/web"), w("Pending"));
    let all = yaml(&pod(
        "",
        "  phase: Running
  conditions:
  - type: Ready
    status: 'False'
    reason: ContainersNotReady
    message: 'containers with unready status: [api]'",
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        w("Running but not ready: ContainersNotReady: containers with unready status: [api]")
    );
    let ready = "  phase: Running
  conditions:
  - {type: Ready, status: 'True'}";
    assert_eq!(
        get(&yaml(&pod("", ready)), "Pod default/web"),
        ok("Running and ready")
    );
    assert_eq!(
        get(&yaml(&pod("", "  phase: Succeeded")), "Pod default/web"),
        ok("Succeeded")
    );
}

#[test]
fn pod_references_to_missing_objects() {
    let ready = "  phase: Running
  conditions:
  - {type: Ready, status: 'True'}";
    // Optional: the pod is fine; the absent object, in a partial input, not in the input; in a
    // complete one (a live cluster), a warning.
    let optional = pod(
        "  volumes:
  - name: extra
    configMap: {name: extra, optional: true}",
        ready,
    );
    let all = yaml(&optional);
    assert_eq!(get(&all, "Pod default/web"), ok("Running and ready"));
    assert_eq!(
        get(&all, "ConfigMap default/extra"),
        unknown("ConfigMap default/extra is not in the input (referenced by Pod default/web, whose status does not say it is missing)")
    );
    assert_eq!(
        get(&yaml_complete(&optional), "ConfigMap default/extra"),
        w("ConfigMap default/extra does not exist (referenced optionally by Pod default/web)")
    );
    // Non-optional, and the pod only Pending: in a complete input an error naming what is
    // missing; in a partial one nothing says the claim is why (the scheduler would name it).
    let pending = pod(
        "  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}",
        "  phase: Pending",
    );
    assert_eq!(
        get(&yaml_complete(&pending), "Pod default/web"),
        e("mounts PersistentVolumeClaim default/data, which does not exist")
    );
    assert_eq!(get(&yaml(&pending), "Pod default/web"), w("Pending"));
    assert_eq!(
        get(&yaml(&pending), "PersistentVolumeClaim default/data").0,
        State::Unknown
    );
    // ... unless its status names it: the scheduler's message.
    let named = pod(
        "  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}",
        "  phase: Pending
  conditions:
  - {type: PodScheduled, status: 'False', reason: Unschedulable, message: 'persistentvolumeclaim \"data\" not found'}",
    );
    assert_eq!(
        get(&yaml(&named), "PersistentVolumeClaim default/data"),
        e("PersistentVolumeClaim default/data does not exist (referenced by Pod default/web)")
    );
    // runs_on a missing node, with the pod running and ready: it started, so the node was
    // there. Complete input: the pod is a warning, the node an error; partial: both fine.
    let on_node = pod("  nodeName: n1", ready);
    let all = yaml_complete(&on_node);
    assert_eq!(
        get(&all, "Pod default/web"),
        w("Running and ready, but runs on Node n1, which does not exist")
    );
    assert_eq!(
        get(&all, "Node n1"),
        e("Node n1 does not exist (referenced by Pod default/web)")
    );
    let all = yaml(&on_node);
    assert_eq!(get(&all, "Pod default/web"), ok("Running and ready"));
    assert_eq!(get(&all, "Node n1").0, State::Unknown);
    // A manifest (no status) is unknown unless a reference is missing.
    let manifest = "apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: api, image: nginx}]
";
    assert_eq!(
        get(&yaml(manifest), "Pod default/web"),
        unknown("no status")
    );
    let all = yaml(&format!(
        "{manifest}  imagePullSecrets: [{{name: pull}}, {{name: pull2}}]\n"
    ));
    assert_eq!(
        get(&all, "Pod default/web"),
        e("uses Secret default/pull, which does not exist (and 1 more missing)")
    );
}

#[test]
fn nodes() {
    let node = |conditions: &str, spec: &str| {
        yaml(&format!(
            "apiVersion: v1\nkind: Node\nmetadata: {{name: n1}}\nspec: {{{spec}}}\nstatus:\n  conditions:\n{conditions}"
        ))
    };
    let ready = "  - {type: Ready, status: 'True', reason: KubeletReady}\n";
    assert_eq!(get(&node(ready, ""), "Node n1"), ok("Ready"));
    assert_eq!(
        get(
            &node("  - {type: Ready, status: 'False', reason: KubeletNotReady, message: 'container runtime is down'}\n", ""),
            "Node n1"
        ),
        e("Ready False: KubeletNotReady: container runtime is down")
    );
    assert_eq!(
        get(
            &node("  - {type: Ready, status: Unknown, reason: NodeStatusUnknown, message: Kubelet stopped posting node status.}\n", ""),
            "Node n1"
        ),
        e("Ready Unknown: NodeStatusUnknown: Kubelet stopped posting node status.")
    );
    let pressure = format!(
        "{ready}  - {{type: DiskPressure, status: 'True', reason: KubeletHasDiskPressure, message: kubelet has disk pressure}}\n"
    );
    assert_eq!(
        get(&node(&pressure, ""), "Node n1"),
        w("DiskPressure: KubeletHasDiskPressure: kubelet has disk pressure")
    );
    assert_eq!(
        get(&node(ready, "unschedulable: true"), "Node n1"),
        w("cordoned (spec.unschedulable)")
    );
}

fn deployment(replicas: u32, status: &str) -> Vec<(String, State, String)> {
    yaml(&format!(
        "apiVersion: apps/v1
kind: Deployment
metadata: {{name: api, namespace: default}}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: api}}}}
  template:
    metadata: {{labels: {{app: api}}}}
    spec: {{containers: [{{name: api, image: nginx}}]}}
{status}"
    ))
}

#[test]
fn deployments() {
    let d = "Deployment default/api";
    assert_eq!(get(&deployment(2, ""), d), unknown("no status"));
    let unavailable = "status:
  replicas: 1
  conditions:
  - {type: Available, status: 'False', reason: MinimumReplicasUnavailable, message: Deployment does not have minimum availability.}";
    assert_eq!(
        get(&deployment(1, unavailable), d),
        e("Available False: MinimumReplicasUnavailable: Deployment does not have minimum availability.")
    );
    let stalled = "status:
  availableReplicas: 2
  conditions:
  - {type: Available, status: 'True'}
  - {type: Progressing, status: 'False', reason: ProgressDeadlineExceeded, message: 'ReplicaSet \"api-1\" has timed out progressing.'}";
    assert_eq!(
        get(&deployment(2, stalled), d),
        e("Progressing False: ProgressDeadlineExceeded: ReplicaSet \"api-1\" has timed out progressing.")
    );
    let short = "status: {availableReplicas: 1, replicas: 2}";
    assert_eq!(get(&deployment(2, short), d), w("1/2 replicas available"));
    let fine = "status: {availableReplicas: 2, replicas: 2}";
    assert_eq!(get(&deployment(2, fine), d), ok("2/2 replicas available"));
}

#[test]
fn replicasets_statefulsets_daemonsets() {
    let rs = |replicas: u32, status: &str| {
        yaml(&format!(
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {{name: r, namespace: default}}\nspec: {{replicas: {replicas}}}\nstatus: {status}\n"
        ))
    };
    let r = "ReplicaSet default/r";
    assert_eq!(get(&rs(2, "{replicas: 2}"), r), e("0/2 ready"));
    assert_eq!(
        get(&rs(2, "{replicas: 2, readyReplicas: 1}"), r),
        w("1/2 ready")
    );
    assert_eq!(
        get(&rs(0, "{replicas: 0, observedGeneration: 3}"), r),
        ok("0/0 ready")
    );
    let all = yaml("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: default}\nspec: {replicas: 3}\nstatus: {replicas: 3, readyReplicas: 3}\n");
    assert_eq!(get(&all, "StatefulSet default/db"), ok("3/3 ready"));
    let all = yaml("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: default}\nspec: {}\nstatus: {desiredNumberScheduled: 3, numberReady: 2}\n");
    assert_eq!(get(&all, "DaemonSet default/agent"), w("2/3 ready"));
}

#[test]
fn jobs() {
    let all = yaml("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: default}\nspec: {}\nstatus:\n  failed: 6\n  conditions:\n  - {type: Failed, status: 'True', reason: BackoffLimitExceeded, message: Job has reached the specified backoff limit}\n");
    assert_eq!(
        get(&all, "Job default/j"),
        e("Failed: BackoffLimitExceeded: Job has reached the specified backoff limit")
    );
    let all = yaml("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: default}\nspec: {}\nstatus: {active: 1}\n");
    assert_eq!(get(&all, "Job default/j"), ok("running (1 active)"));
}

#[test]
fn claims_and_volumes() {
    let claim = |status: &str, extra: &str| {
        yaml(&format!(
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: data, namespace: default, uid: c1}}\nspec: {{volumeName: pv1}}\nstatus: {status}\n{extra}"
        ))
    };
    let c = "PersistentVolumeClaim default/data";
    assert_eq!(get(&claim("{phase: Lost}", ""), c).0, State::Error);
    assert!(get(&claim("{phase: Lost}", ""), c)
        .1
        .starts_with("Lost: volume pv1 is gone"));
    let all = yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: default}\nspec: {}\nstatus: {phase: Pending}\n");
    assert_eq!(get(&all, c), w("Pending"));
    let event = "---\napiVersion: v1\nkind: Event\nmetadata: {name: data.1, namespace: default}\ninvolvedObject: {kind: PersistentVolumeClaim, name: data, namespace: default, uid: c1}\nreason: ProvisioningFailed\nmessage: storageclass.storage.k8s.io \"fast\" not found\n";
    let all = yaml(&format!(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: data, namespace: default, uid: c1}}\nspec: {{}}\nstatus: {{phase: Pending}}\n{event}"
    ));
    assert_eq!(
        get(&all, c),
        e("Pending: ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found")
    );
    let pv = |phase: &str, extra: &str| {
        yaml(&format!(
            "apiVersion: v1\nkind: PersistentVolume\nmetadata: {{name: pv1}}\nspec: {{claimRef: {{namespace: default, name: data}}}}\nstatus: {{phase: {phase}{extra}}}\n"
        ))
    };
    assert_eq!(
        get(
            &pv("Failed", ", message: 'recycle failed'"),
            "PersistentVolume pv1"
        ),
        e("Failed: recycle failed")
    );
    assert_eq!(
        get(&pv("Released", ""), "PersistentVolume pv1"),
        w("Released: claim default/data was deleted")
    );
}

const SERVICE: &str = "apiVersion: v1
kind: Service
metadata: {name: api, namespace: default}
spec:
  selector: {app: api}
  ports: [{port: 80}]
";

fn app_pod(name: &str, ready: &str) -> String {
    format!(
        "---\napiVersion: v1\nkind: Pod\nmetadata: {{name: {name}, namespace: default, labels: {{app: api}}}}\nspec: {{containers: [{{name: api, image: nginx}}]}}\nstatus:\n  phase: Running\n  conditions: [{{type: Ready, status: '{ready}'}}]\n"
    )
}

#[test]
fn services() {
    let s = "Service default/api";
    // From the selected pods' readiness when the input has no endpoints.
    let all = yaml(&format!(
        "{SERVICE}{}{}",
        app_pod("a", "False"),
        app_pod("b", "False")
    ));
    assert_eq!(
        get(&all, s),
        e("no ready endpoint (0/2 selected pods ready)")
    );
    let all = yaml(&format!(
        "{SERVICE}{}{}",
        app_pod("a", "True"),
        app_pod("b", "False")
    ));
    assert_eq!(get(&all, s), w("1/2 selected pods ready"));
    // Endpoints win over pod readiness when the input has them.
    let endpoints = "---\napiVersion: v1\nkind: Endpoints\nmetadata: {name: api, namespace: default}\nsubsets:\n- notReadyAddresses: [{ip: 10.0.0.1}]\n";
    let all = yaml(&format!("{SERVICE}{}{endpoints}", app_pod("a", "True")));
    assert_eq!(get(&all, s), e("no ready endpoint (0/1 endpoints ready)"));
    // A selector that matches no pod, in an input that has pods.
    let other = app_pod("x", "True").replace("app: api", "app: other");
    assert_eq!(
        get(&yaml(&format!("{SERVICE}{other}")), s),
        w("selector matches no pod")
    );
    // Manifests without pods, and services without a selector: nothing to judge by.
    assert_eq!(get(&yaml(SERVICE), s), unknown("no status"));
    let all = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: default}\nspec: {ports: [{port: 80}]}\n");
    assert_eq!(
        get(&all, s),
        unknown("no selector: its endpoints are managed elsewhere")
    );
}

#[test]
fn ingresses() {
    let ingress = |service: &str| {
        format!(
            "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {{name: web, namespace: default}}\nspec:\n  defaultBackend: {{service: {{name: {service}, port: {{number: 80}}}}}}\n"
        )
    };
    let all = yaml(&ingress("gone"));
    assert_eq!(
        get(&all, "Ingress default/web"),
        e("routes to Service default/gone, which does not exist")
    );
    assert_eq!(
        get(&all, "Service default/gone"),
        e("Service default/gone does not exist (referenced by Ingress default/web)")
    );
    let all = yaml(&format!(
        "{SERVICE}{}{}",
        app_pod("a", "False"),
        ingress("api")
    ));
    assert_eq!(
        get(&all, "Ingress default/web"),
        w("backend Service default/api has no ready endpoint (0/1 selected pods ready)")
    );
    let all = yaml(&format!(
        "{SERVICE}{}{}",
        app_pod("a", "True"),
        ingress("api")
    ));
    assert_eq!(
        get(&all, "Ingress default/web"),
        ok("1 backend service, with ready endpoints")
    );
}

#[test]
fn demo_broken_things_are_errors() {
    let loaded = kubegraph_demo::load();
    let (g, _) = kubegraph_relations::graph_from_objects("demo", loaded.objects);
    let h = assess(&g);
    let mut errors: Vec<String> = g
        .nodes()
        .filter(|(id, _)| h[id.0 as usize].state == State::Error)
        .map(|(id, n)| {
            format!(
                "{} {}: {}",
                n.object.kind, n.object.name, h[id.0 as usize].reason
            )
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            "Deployment grafana: Available False: MinimumReplicasUnavailable: Deployment does not have minimum availability.",
            "Deployment payments-api: Progressing False: ProgressDeadlineExceeded: ReplicaSet \"payments-api-7c9d5f6b48\" has timed out progressing.",
            "Deployment recommendations: Available False: MinimumReplicasUnavailable: Deployment does not have minimum availability.",
            "PersistentVolumeClaim grafana-data: Pending: ProvisioningFailed: storageclass.storage.k8s.io \"io2-fast\" not found",
            "Pod grafana-59d8c7b6f4-7wq2s: Unschedulable: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            "Pod payments-api-7c9d5f6b48-q8wzx: container payments-api waiting: CreateContainerConfigError: secret \"payments-api-token\" not found",
            "Pod recommendations-8d7f6b5c4-n5zrb: container recommendations waiting: CrashLoopBackOff: back-off 5m0s restarting failed container=recommendations pod=recommendations-8d7f6b5c4-n5zrb_shop(d22089f3-2dbe-54d2-aa3f-248f66750428)",
            "ReplicaSet grafana-59d8c7b6f4: 0/1 ready",
            "ReplicaSet payments-api-7c9d5f6b48: 0/1 ready",
            "ReplicaSet recommendations-8d7f6b5c4: 0/1 ready",
            "Secret payments-api-token: Secret payments/payments-api-token does not exist (referenced by Deployment payments/payments-api, Pod payments/payments-api-7c9d5f6b48-q8wzx, ReplicaSet payments/payments-api-7c9d5f6b48)",
            "Service grafana: no ready endpoint (0/0 endpoints ready)",
            "Service recommendations: no ready endpoint (0/1 endpoints ready)",
            "StorageClass io2-fast: StorageClass io2-fast does not exist (referenced by PersistentVolumeClaim monitoring/grafana-data)",
        ]
    );
    let summary = kubegraph_health::summary(&g, &h);
    assert_eq!(summary[0], (State::Error, 14));
}

// read: k9s-live-objects/render/testdata/no.json: Ready True, the three pressures False.
#[test]
fn live_node() {
    let all = fixture("k9s-live-objects/render/testdata/no.json");
    assert_eq!(get(&all, "Node minikube"), ok("Ready"));
}

// read: job.json: condition Complete True, succeeded 1.
#[test]
fn live_job() {
    let all = fixture("k9s-live-objects/render/testdata/job.json");
    assert_eq!(get(&all, "Job default/hello-1567179180"), ok("Complete"));
}

// read: sts.json: spec.replicas 4, status.readyReplicas 4; spec.serviceName nginx-sts is not in
// the file (an optional `backs` reference: a warning on the absent service in a complete input,
// not in the input in a partial one).
#[test]
fn live_statefulset() {
    let path = "k9s-live-objects/render/testdata/sts.json";
    let all = fixture(path);
    assert_eq!(get(&all, "StatefulSet default/nginx-sts"), ok("4/4 ready"));
    assert_eq!(get(&all, "Service default/nginx-sts").0, State::Unknown);
    assert_eq!(
        get(&fixture_complete(path), "Service default/nginx-sts").0,
        State::Warning
    );
}

// read: xray ds.json: desiredNumberScheduled 1, numberReady 1.
#[test]
fn live_daemonset() {
    let all = fixture("k9s-live-objects/xray/testdata/ds.json");
    assert_eq!(
        get(&all, "DaemonSet default/fluentd-elasticsearch"),
        ok("1/1 ready")
    );
}

// read: render dp.json: availableReplicas 1 of replicas 1, Available True; its template reads
// Secret icx-creds, which the file does not hold. Its status says it runs: in a partial input
// the secret is not in the input, nothing is wrong; in a complete one it was deleted since.
#[test]
fn live_deployment_with_an_absent_secret() {
    let path = "k9s-live-objects/render/testdata/dp.json";
    let all = fixture(path);
    assert_eq!(
        get(&all, "Deployment icx/icx-db"),
        ok("1/1 replicas available")
    );
    assert_eq!(
        get(&all, "Secret icx/icx-creds"),
        unknown("Secret icx/icx-creds is not in the input (referenced by Deployment icx/icx-db, whose status does not say it is missing)")
    );
    let all = fixture_complete(path);
    assert_eq!(
        get(&all, "Deployment icx/icx-db"),
        w("1/1 replicas available, but uses Secret icx/icx-creds, which does not exist")
    );
    assert_eq!(
        get(&all, "Secret icx/icx-creds"),
        e("Secret icx/icx-creds does not exist (referenced by Deployment icx/icx-db)")
    );
}

// read: render po.json: phase Running, Ready True; it mounts claim `web`, a token secret, and
// runs on node minikube, none of them in the file. Its service account is not in the file
// either; it is not counted missing: admission checked that it exists.
#[test]
fn live_pod_in_a_partial_dump() {
    let path = "k9s-live-objects/render/testdata/po.json";
    let all = fixture(path);
    assert_eq!(get(&all, "Pod default/nginx"), ok("Running and ready"));
    assert_eq!(
        get(&all, "PersistentVolumeClaim default/web").0,
        State::Unknown
    );
    assert_eq!(get(&all, "Node minikube").0, State::Unknown);
    assert_eq!(
        get(&all, "ServiceAccount default/default"),
        unknown("ServiceAccount default/default is not in the input; every cluster has it (made by the service account controller, in every namespace)")
    );
    assert_eq!(
        get(&fixture_complete(path), "Pod default/nginx"),
        w("Running and ready, but mounts PersistentVolumeClaim default/web, which does not exist (and 2 more missing)")
    );
}

// read: render pv.json and pvc.json: phase Bound; the pvc's volumeName is
// pvc-fbabd470-8725-11e9-a8e8-42010a80015b; the pv's claimRef default/www-nginx-sts-1.
#[test]
fn live_volume_and_claim() {
    let pv = "k9s-live-objects/render/testdata/pv.json";
    let pvc = "k9s-live-objects/render/testdata/pvc.json";
    assert_eq!(
        get(
            &fixture(pv),
            "PersistentVolume pvc-07aa4e2c-8726-11e9-a8e8-42010a80015b"
        ),
        ok("Bound to default/www-nginx-sts-1")
    );
    assert_eq!(
        get(&fixture_complete(pv), "PersistentVolume pvc-07aa4e2c-8726-11e9-a8e8-42010a80015b"),
        w("Bound to default/www-nginx-sts-1, but is provisioned by StorageClass standard, which does not exist")
    );
    assert_eq!(
        get(
            &fixture(pvc),
            "PersistentVolumeClaim default/www-nginx-sts-0"
        ),
        ok("Bound to pvc-fbabd470-8725-11e9-a8e8-42010a80015b")
    );
    assert_eq!(
        get(&fixture_complete(pvc), "PersistentVolumeClaim default/www-nginx-sts-0"),
        w("Bound to pvc-fbabd470-8725-11e9-a8e8-42010a80015b, but binds PersistentVolume pvc-fbabd470-8725-11e9-a8e8-42010a80015b, which does not exist (and 1 more missing)")
    );
}

// read: bookinfo_pods_list.json: six pods, each phase Running with Ready True and every
// container running; their service accounts, token secrets, istio-ca-root-cert config map and
// node are not in the file.
#[test]
fn live_bookinfo_pods() {
    let path = "nca-live-podlists/bookinfo_pods_list.json";
    // A partial dump: the pods run, so what they reference is there, merely not in the file.
    let all = fixture(path);
    let pods: Vec<_> = all
        .iter()
        .filter(|(l, _, _)| l.starts_with("Pod "))
        .collect();
    assert_eq!(pods.len(), 6);
    for (label, state, reason) in pods {
        assert_eq!(
            (*state, reason.as_str()),
            (State::Ok, "Running and ready"),
            "{label}"
        );
    }
    assert_eq!(
        get(&all, "Node istio-testing-control-plane"),
        unknown("Node istio-testing-control-plane is not in the input (referenced by Pod default/details-v1-5f449bdbb9-m45kh, Pod default/productpage-v1-6f9df695b7-fc9m2, Pod default/ratings-v1-857bb87c57-n9t4t and 3 more, whose status does not say it is missing)")
    );
    // The same list from a live cluster: deleted since the pods started.
    let all = fixture_complete(path);
    let pods: Vec<_> = all
        .iter()
        .filter(|(l, _, _)| l.starts_with("Pod "))
        .collect();
    for (label, state, reason) in pods {
        assert_eq!(*state, State::Warning, "{label}");
        assert_eq!(
            reason,
            // The fourth missing object, the service account, is not counted: admission
            // checked that it exists.
            "Running and ready, but mounts ConfigMap default/istio-ca-root-cert, which does not exist (and 2 more missing)",
            "{label}"
        );
    }
    assert_eq!(
        get(&all, "Node istio-testing-control-plane").1,
        "Node istio-testing-control-plane does not exist (referenced by Pod default/details-v1-5f449bdbb9-m45kh, Pod default/productpage-v1-6f9df695b7-fc9m2, Pod default/ratings-v1-857bb87c57-n9t4t and 3 more)"
    );
}
