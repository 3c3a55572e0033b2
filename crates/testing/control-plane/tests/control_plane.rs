//! The control plane itself: real controllers and scheduler at work, the kubelet's part
//! following the rules README.md states (the health tests depend on them), and the two faults
//! it can be asked for: an API server restart and an etcd compaction.

use kubegraph_test_control_plane::ControlPlane;
use serde_json::Value;

fn pods(cp: &ControlPlane, namespace: &str) -> Vec<Value> {
    let out = cp.kubectl_ok(&["get", "pods", "-n", namespace, "-o", "json"], None);
    let list: Value = serde_json::from_str(&out).unwrap();
    list["items"].as_array().unwrap().clone()
}

fn pod<'a>(pods: &'a [Value], prefix: &str) -> Option<&'a Value> {
    pods.iter().find(|p| {
        p["metadata"]["name"]
            .as_str()
            .is_some_and(|n| n.starts_with(prefix))
    })
}

/// The first container's waiting reason, or its state's name.
fn state(pod: &Value) -> String {
    let s = &pod["status"]["containerStatuses"][0]["state"];
    if let Some(reason) = s["waiting"]["reason"].as_str() {
        return reason.to_string();
    }
    if let Some(reason) = s["terminated"]["reason"].as_str() {
        return reason.to_string();
    }
    if s["running"].is_object() {
        return "Running".into();
    }
    "none".into()
}

const BROKEN: &str = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: rules}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: busybox:1.36}]
      containers: [{name: web, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: crashy, namespace: rules}
spec:
  containers: [{name: app, image: registry.example/team/crashloop:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: nopull, namespace: rules}
spec:
  containers: [{name: app, image: nginx:does-not-exist}]
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: rules}
stringData: {user: admin}
---
apiVersion: v1
kind: Pod
metadata: {name: nokey, namespace: rules}
spec:
  containers:
  - name: app
    image: nginx
    env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: password}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: nosecret, namespace: rules}
spec:
  containers:
  - name: app
    image: nginx
    envFrom: [{secretRef: {name: absent}}]
---
apiVersion: v1
kind: Pod
metadata: {name: nomount, namespace: rules}
spec:
  containers: [{name: app, image: nginx}]
  volumes: [{name: cfg, configMap: {name: settings}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: rules}
spec: {storageClassName: no-such-class, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: claimer, namespace: rules}
spec:
  containers: [{name: app, image: nginx}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: rules}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36}]
"#;

#[test]
fn pods_look_as_a_kubelet_reports_them() {
    let Some(cp) = ControlPlane::shared() else {
        return;
    };
    cp.namespace("rules");
    cp.apply(BROKEN);
    let want = [
        ("web-", "Running"),
        ("crashy", "CrashLoopBackOff"),
        ("nopull", "ImagePullBackOff"),
        ("nokey", "CreateContainerConfigError"),
        ("nosecret", "CreateContainerConfigError"),
        ("nomount", "ContainerCreating"),
        ("once-", "Completed"),
    ];
    let mut last = Vec::new();
    cp.wait_for("the pods' states", || {
        last = pods(cp, "rules");
        let crashy_restarted = pod(&last, "crashy").is_some_and(|p| {
            p["status"]["containerStatuses"][0]["restartCount"]
                .as_i64()
                .is_some_and(|n| n >= 1)
        });
        crashy_restarted
            && want
                .iter()
                .all(|(name, s)| pod(&last, name).is_some_and(|p| state(p) == *s))
    });
    let get = |name: &str| pod(&last, name).unwrap();
    let status = |name: &str| &get(name)["status"];

    // Scheduled by the scheduler, run by the kubelet's part, counted by the controllers.
    let web = status("web-");
    assert_eq!(web["phase"], "Running");
    assert!(get("web-")["spec"]["nodeName"]
        .as_str()
        .unwrap()
        .starts_with("node-"));
    assert_eq!(
        web["initContainerStatuses"][0]["state"]["terminated"]["reason"],
        "Completed"
    );
    assert!(web["podIP"].as_str().unwrap().starts_with("10.244."));
    let ready = web["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "Ready")
        .unwrap();
    assert_eq!(ready["status"], "True");
    let deployment: Value = serde_json::from_str(&cp.kubectl_ok(
        &["get", "deployment", "web", "-n", "rules", "-o", "json"],
        None,
    ))
    .unwrap();
    cp.wait_for("the deployment to be available", || {
        let d: Value = serde_json::from_str(&cp.kubectl_ok(
            &["get", "deployment", "web", "-n", "rules", "-o", "json"],
            None,
        ))
        .unwrap();
        d["status"]["availableReplicas"] == 2
    });
    assert_eq!(deployment["spec"]["replicas"], 2);

    let crashy = &status("crashy")["containerStatuses"][0];
    assert_eq!(crashy["lastState"]["terminated"]["exitCode"], 1);
    // The back-off doubles with each restart: 10s after the first exit, 20s after the second.
    let message = crashy["state"]["waiting"]["message"].as_str().unwrap();
    let back_off = 10 << crashy["restartCount"].as_u64().unwrap();
    assert!(
        message.starts_with(&format!(
            "back-off {back_off}s restarting failed container=app pod=crashy_rules("
        )),
        "{message}"
    );
    assert_eq!(status("crashy")["phase"], "Running");
    assert_eq!(
        status("nokey")["containerStatuses"][0]["state"]["waiting"]["message"],
        "couldn't find key password in Secret rules/db"
    );
    assert_eq!(
        status("nosecret")["containerStatuses"][0]["state"]["waiting"]["message"],
        "secret \"absent\" not found"
    );
    assert_eq!(status("nopull")["phase"], "Pending");
    assert_eq!(status("once-")["phase"], "Succeeded");

    // The claim on a missing class: the PV controller says why, the scheduler leaves the pod.
    let claimer = status("claimer");
    assert_eq!(claimer["phase"], "Pending");
    assert_eq!(claimer["conditions"][0]["reason"], "Unschedulable");
    cp.wait_for("the job to complete and the claim to fail", || {
        let events = cp.kubectl_ok(&["get", "events", "-n", "rules", "-o", "json"], None);
        let events: Value = serde_json::from_str(&events).unwrap();
        let reasons: Vec<(String, String)> = events["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["involvedObject"]["name"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    e["reason"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let has = |name: &str, reason: &str| {
            reasons
                .iter()
                .any(|(n, r)| n.starts_with(name) && r == reason)
        };
        has("data", "ProvisioningFailed")
            && has("once", "Completed")
            && has("crashy", "BackOff")
            && has("nopull", "Failed")
            && has("nomount", "FailedMount")
            && has("web-", "Started")
    });
}

/// After an etcd compaction the API server's watch cache still serves older revisions; after
/// a restart (a fresh cache) a watch from before is 410 Expired. Objects, controllers and the
/// kubelets' part carry on across the restart.
#[test]
fn a_restart_after_compaction_expires_old_revisions() {
    let Some(cp) = ControlPlane::start() else {
        return;
    };
    cp.namespace("faults");
    cp.kubectl_ok(&["create", "configmap", "a", "-n", "faults"], None);
    let old = cp.kubectl_ok(
        &[
            "get",
            "configmap",
            "a",
            "-n",
            "faults",
            "-o",
            "jsonpath={.metadata.resourceVersion}",
        ],
        None,
    );
    cp.kubectl_ok(&["create", "configmap", "b", "-n", "faults"], None);
    let compacted = cp.compact_etcd();
    assert!(compacted > old.parse::<u64>().unwrap());
    let watch_from_old = || {
        cp.kubectl_ok(
            &[
                "get",
                "--raw",
                &format!(
                    "/api/v1/namespaces/faults/configmaps?watch=1&resourceVersion={old}&timeoutSeconds=1"
                ),
            ],
            None,
        )
    };
    // Served from the watch cache: b's creation, no error.
    let events = watch_from_old();
    assert!(events.contains(r#""type":"ADDED""#), "{events}");
    assert!(!events.contains("ERROR"), "{events}");

    cp.restart_apiserver();
    let events = watch_from_old();
    let first: Value = serde_json::from_str(events.lines().next().unwrap()).unwrap();
    assert_eq!(first["type"], "ERROR", "{events}");
    assert_eq!(first["object"]["code"], 410);
    assert_eq!(first["object"]["reason"], "Expired");

    // Everything carries on: the objects are there, a new Deployment's pods run.
    cp.kubectl_ok(&["get", "configmap", "a", "-n", "faults"], None);
    cp.kubectl_ok(
        &[
            "create",
            "deployment",
            "after",
            "-n",
            "faults",
            "--image=nginx",
            "--replicas=2",
        ],
        None,
    );
    cp.wait_for(
        "the deployment made after the restart to be available",
        || {
            let d = cp.kubectl_ok(
                &[
                    "get",
                    "deployment",
                    "after",
                    "-n",
                    "faults",
                    "-o",
                    "jsonpath={.status.availableReplicas}",
                ],
                None,
            );
            d == "2"
        },
    );
}
