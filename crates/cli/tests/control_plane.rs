//! kubegraph against a real control plane (kube-apiserver, controllers, scheduler, etcd; the
//! kubelet's part played: crates/testing/control-plane): does kubegraph see a cluster as it
//! is? kubectl as the judge of every object and edge; the read-only RBAC of deploy/; health
//! and `why` on workloads the control plane itself made broken.
//!
//! One control plane for the binary; each test keeps to namespaces of its own. Skipped (with
//! the reason printed) only where `go` is absent; `.ci/run` requires it.

mod common;

use common::kubectl_check::{assert_agree, compare, kubectl_is_there, Cluster};
use common::{kubegraph_at_home, run_off_runtime, stdout_json};
use kubegraph_test_control_plane::ControlPlane;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared control plane, started off the async runtime (it takes seconds).
async fn control_plane() -> Option<&'static ControlPlane> {
    tokio::task::spawn_blocking(ControlPlane::shared)
        .await
        .unwrap()
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Owners of every kind the controllers make (Deployment → ReplicaSet → Pod, StatefulSet,
/// DaemonSet on every node, CronJob → Job → Pod), services with their EndpointSlices, and
/// secrets with values.
const LANDSCAPE: &str = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: check}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: check}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache, namespace: check}
spec:
  replicas: 2
  serviceName: cache
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      containers: [{name: redis, image: redis:7}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: check}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: fluent/fluent-bit:3.0}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick, namespace: check}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: tick, image: busybox:1.36}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: check}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: busybox:1.36}]
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: check}
stringData: {password: kubegraph-must-never-see-this}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: check}
data: {mode: fast}
"#;

fn json_of(cp: &ControlPlane, args: &[&str]) -> Value {
    serde_json::from_str(&cp.kubectl_ok(args, None)).unwrap()
}

/// The done-when of the kubectl check, on a real API server: every object kubectl lists for
/// every listable type is a node and nothing else, owner references and nodes are edges, no
/// secret value.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubegraph_shows_every_object_kubectl_lists_on_a_real_api_server() {
    kubectl_is_there();
    let Some(cp) = control_plane().await else {
        return;
    };
    blocking(|| {
        cp.namespace("check");
        cp.apply(LANDSCAPE);
        cp.wait_for("the landscape's pods to run", || {
            let pods = json_of(cp, &["get", "pods", "-n", "check", "-o", "json"]);
            let running = pods["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["status"]["phase"] == "Running")
                .count();
            // 3 web, 2 cache (one after the other), 3 agents.
            running >= 8
        });
        // Settled, so that most objects are the same when kubectl lists them again.
        for (what, path, want) in [
            ("deployment/web", "{.status.availableReplicas}", "3"),
            ("statefulset/cache", "{.status.readyReplicas}", "2"),
            ("daemonset/agent", "{.status.numberReady}", "3"),
            ("job/migrate", "{.status.succeeded}", "1"),
        ] {
            cp.wait_for(what, || {
                let jsonpath = format!("jsonpath={path}");
                cp.kubectl_ok(&["get", what, "-n", "check", "-o", &jsonpath], None) == want
            });
        }
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let cluster = Cluster {
        kubeconfig: cp.kubeconfig(),
        context: None,
        name: "kubegraph".into(),
        home: home.path(),
    };
    // Not strict: a real cluster changes while it is read (leases, node heartbeats, events),
    // so kubectl lists before and after kubegraph.
    let d = compare(&cluster, false).await;
    eprintln!(
        "{} objects listed by kubectl; checked {} ownerships, {} pods on nodes, {} secrets",
        d.listed, d.owns_checked, d.runs_on_checked, d.secrets_checked
    );
    assert!(d.listed > 150, "{d:?}");
    // ReplicaSet → pods, Deployment → ReplicaSet, StatefulSet, DaemonSet, Job → pod, Lease →
    // Node, EndpointSlice → Service...
    assert!(d.owns_checked >= 12, "{d:?}");
    assert!(d.runs_on_checked >= 8, "{d:?}");
    assert!(d.secrets_checked >= 1, "{d:?}");
    assert_agree(&d);
}

fn kubegraph(kubeconfig: &Path, home: &Path, args: &[&str]) -> Command {
    let mut c = kubegraph_at_home(home);
    c.arg("--kubeconfig").arg(kubeconfig).args(args);
    c
}

/// The resource types `kubeconfig`'s user may not list cluster-wide, by kubectl's
/// `auth can-i` (a SelfSubjectAccessReview per type), among those kubectl finds listable.
fn not_listable(kubeconfig: &Path) -> BTreeSet<String> {
    let kubectl = |args: &[&str]| {
        Command::new("kubectl")
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(args)
            .env_remove("KUBECONFIG")
            .output()
            .unwrap()
    };
    let out = kubectl(&["api-resources", "--verbs=list,watch", "-o", "name"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|r| {
            let out = kubectl(&["auth", "can-i", "list", r, "--all-namespaces"]);
            String::from_utf8_lossy(&out.stdout).trim() != "yes"
        })
        .map(str::to_string)
        .collect()
}

/// The resource types kubegraph warned it cannot list (`cannot list Kind (plural.group)`),
/// each with how many times.
fn refused_in(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let rest = l.split("cannot list ").nth(1)?;
            let inner = rest.split_once(" (")?.1.split_once(')')?.0;
            Some(inner.to_string())
        })
        .collect()
}

/// deploy/kubegraph-readonly-clusterrole.yaml on a real RBAC authorizer: bound to
/// `kubegraph-readonly`, a ServiceAccount reads everything without a warning; bound to
/// `kubegraph-readonly-nosecrets`, every type it may not list (kubectl's `auth can-i`
/// says which) is skipped with exactly one warning, and the rest is read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_service_accounts_read_what_rbac_lets_them() {
    kubectl_is_there();
    let Some(cp) = control_plane().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (full, limited) = blocking({
        let dir = dir.path().to_path_buf();
        move || {
            cp.namespace("rbac");
            let role = std::fs::read_to_string(repo().join("deploy/kubegraph-readonly-clusterrole.yaml"))
                .unwrap();
            cp.apply(&role);
            cp.apply(
                r#"
apiVersion: v1
kind: ServiceAccount
metadata: {name: kubegraph-nosecrets, namespace: rbac}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: kubegraph-readonly-nosecrets-test}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubegraph-readonly-nosecrets}
subjects: [{kind: ServiceAccount, name: kubegraph-nosecrets, namespace: rbac}]
---
apiVersion: v1
kind: Secret
metadata: {name: token-file, namespace: rbac}
stringData: {token: kubegraph-must-never-see-this}
"#,
            );
            let full = dir.join("full");
            let limited = dir.join("limited");
            std::fs::write(&full, cp.kubeconfig_with_token("readonly", &cp.token("kubegraph", "kubegraph")))
                .unwrap();
            std::fs::write(
                &limited,
                cp.kubeconfig_with_token("nosecrets", &cp.token("rbac", "kubegraph-nosecrets")),
            )
            .unwrap();
            (full, limited)
        }
    })
    .await;

    let out = run_off_runtime(kubegraph(&full, dir.path(), &["stats", "-o", "json"])).await;
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let stats = stdout_json(&out);
    assert_eq!(refused_in(&stderr), Vec::<String>::new(), "{stderr}");
    assert!(stats.to_string().contains("Secret"), "{stats}");

    let forbidden = {
        let limited = limited.clone();
        blocking(move || not_listable(&limited)).await
    };
    // Every group a v1.37 API server serves is in the role but the core group's secrets (the
    // role missed storagemigration.k8s.io until this test ran against a real server).
    assert_eq!(forbidden, BTreeSet::from(["secrets".to_string()]));
    let out = run_off_runtime(kubegraph(&limited, dir.path(), &["stats"])).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let refused = refused_in(&stderr);
    let warned: BTreeSet<String> = refused.iter().cloned().collect();
    assert_eq!(
        refused.len(),
        warned.len(),
        "one warning per type: {stderr}"
    );
    eprintln!("forbidden to the nosecrets account, and warned once each: {warned:?}");
    assert_eq!(warned, forbidden, "{stderr}");
    // What it may list, it read: the pods of the cluster (at least the test's own cluster's).
    let out = run_off_runtime(kubegraph(
        &limited,
        dir.path(),
        &["-q", "search", "is(Node) | count", "-o", "json"],
    ))
    .await;
    let count = stdout_json(&out);
    assert!(count.to_string().contains('3'), "{count}");
}

/// Workloads broken by the control plane itself (a Deployment whose pods miss a Secret, a
/// crash-looping Deployment, a claim on a missing class, an Ingress to a Service without ready
/// endpoints): kubegraph's health and `why` find each root cause.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn why_finds_what_the_control_plane_broke() {
    let Some(cp) = control_plane().await else {
        return;
    };
    blocking(|| {
        cp.namespace("broken");
        cp.apply(BROKEN);
        cp.wait_for("the broken pods to show it", || {
            let pods = json_of(cp, &["get", "pods", "-n", "broken", "-o", "json"]);
            let reasons: Vec<String> = pods["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| {
                    p["status"]["containerStatuses"][0]["state"]["waiting"]["reason"]
                        .as_str()
                        .map(str::to_string)
                })
                .collect();
            reasons.iter().any(|r| r == "CreateContainerConfigError")
                && reasons.iter().any(|r| r == "CrashLoopBackOff")
        });
        cp.wait_for("the claim to fail provisioning", || {
            let events = cp.kubectl_ok(&["get", "events", "-n", "broken"], None);
            events.contains("ProvisioningFailed")
        });
    })
    .await;
    let home = tempfile::tempdir().unwrap();
    let why = |target: &'static str| {
        let c = kubegraph(cp.kubeconfig(), home.path(), &["-q", "why", target]);
        async move {
            let out = run_off_runtime(c).await;
            // Exit 1: `why` found root causes, as a script can check.
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        }
    };

    let out = why("deploy/broken/payments").await;
    eprintln!("{out}");
    assert!(out.contains("CreateContainerConfigError"), "{out}");
    assert!(
        out.contains("root cause:\n  Secret broken/payments-token: error: does not exist"),
        "{out}"
    );
    assert!(
        out.contains("fix: create Secret broken/payments-token"),
        "{out}"
    );

    let out = why("deploy/broken/recommendations").await;
    assert!(out.contains("CrashLoopBackOff"), "{out}");
    assert!(out.contains("event BackOff"), "{out}");
    assert!(
        out.contains("root cause:\n  Pod broken/recommendations-"),
        "{out}"
    );

    let out = why("pvc/broken/grafana-data").await;
    assert!(
        out.contains("StorageClass io2-fast: error: does not exist"),
        "{out}"
    );

    let out = why("ingress/broken/shop").await;
    eprintln!("{out}");
    assert!(out.contains("Service broken/recommendations"), "{out}");
    assert!(out.contains("no ready endpoint"), "{out}");
    assert!(out.contains("CrashLoopBackOff"), "{out}");

    // And health says as much, pod by pod.
    let out = run_off_runtime(kubegraph(
        cp.kubeconfig(),
        home.path(),
        &[
            "-q",
            "search",
            "is(pod) and namespace = broken and health = error | list name, health.reason",
            "-o",
            "json",
        ],
    ))
    .await;
    let text = stdout_json(&out).to_string();
    assert!(text.contains("payments-"), "{text}");
    assert!(text.contains("recommendations-"), "{text}");
}

const BROKEN: &str = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: payments, namespace: broken}
spec:
  replicas: 1
  selector: {matchLabels: {app: payments}}
  template:
    metadata: {labels: {app: payments}}
    spec:
      containers:
      - name: api
        image: registry.example/payments:2.1
        env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: payments-token, key: token}}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: recommendations, namespace: broken}
spec:
  replicas: 1
  selector: {matchLabels: {app: recommendations}}
  template:
    metadata: {labels: {app: recommendations}}
    spec:
      containers: [{name: app, image: registry.example/recommendations-crash:1.0}]
---
apiVersion: v1
kind: Service
metadata: {name: recommendations, namespace: broken}
spec: {selector: {app: recommendations}, ports: [{port: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: broken}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: recommendations, port: {number: 8080}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: grafana-data, namespace: broken}
spec: {storageClassName: io2-fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
"#;
