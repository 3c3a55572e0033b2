//! The live source against a real control plane (kube-apiserver with its watch cache, etcd,
//! controllers, scheduler; the kubelet's part played: crates/testing/control-plane): after
//! creates, label changes, deletions, a compaction and an API server restart the kept-current
//! graph equals a fresh list; secrets never leave the server (its audit log says what it
//! sent); CustomResourceDefinitions made while watching are picked up.
//!
//! kubegraph reads as the read-only ServiceAccount of deploy/ (so that its requests are its
//! own in the audit log). Skipped (with the reason printed) only where `go` is absent.

mod common;

use common::{shape, Shape};
use kubegraph_live::{Live, LiveOptions, Snapshot};
use kubegraph_test_control_plane::ControlPlane;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";
const KUBEGRAPH_USER: &str = "system:serviceaccount:kubegraph:kubegraph";

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

/// The shared control plane (for the tests that do not restart it).
async fn shared() -> Option<&'static ControlPlane> {
    blocking(ControlPlane::shared).await
}

/// deploy/kubegraph-readonly-clusterrole.yaml applied, and a kubeconfig with a token of its
/// ServiceAccount in `dir`.
fn read_only_kubeconfig(cp: &ControlPlane, dir: &Path) -> PathBuf {
    let role = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../deploy/kubegraph-readonly-clusterrole.yaml");
    // Applied by several tests of one control plane: the same objects each time.
    cp.apply(&std::fs::read_to_string(role).unwrap());
    let path = dir.join("kubeconfig");
    let token = cp.token("kubegraph", "kubegraph");
    std::fs::write(&path, cp.kubeconfig_with_token("real", &token)).unwrap();
    path
}

fn options(kubeconfig: &Path) -> LiveOptions {
    LiveOptions {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        timeout: Duration::from_secs(30),
        // Small pages: the lists are paginated, with continue tokens.
        page_size: 50,
        // Soon after a CRD appears discovery runs anyway; this is the periodic one.
        rediscover_every: Duration::from_secs(5),
        ..LiveOptions::default()
    }
}

async fn synced(kubeconfig: &Path) -> Live {
    let live = Live::start(options(kubeconfig)).await.expect("starts");
    live.sync(Duration::from_secs(60)).await.expect("syncs");
    live
}

/// What differs between two shapes, for a failure message.
fn difference(a: &Shape, b: &Shape) -> String {
    let mut out = Vec::new();
    for n in a.0.symmetric_difference(&b.0).take(15) {
        out.push(format!(
            "node {n:?} in {}",
            if a.0.contains(n) { "kept" } else { "fresh" }
        ));
    }
    for e in a.1.symmetric_difference(&b.1).take(15) {
        out.push(format!(
            "edge {e:?} in {}",
            if a.1.contains(e) { "kept" } else { "fresh" }
        ));
    }
    out.join("\n")
}

/// Waits until the graph kept current (published), and the one assembled from the store,
/// equal the graph of a fresh list; a real cluster settles after a change (controllers,
/// scheduler, the kubelet's part and their events), so each try lists afresh.
async fn converges(
    live: &Live,
    published: &mut tokio::sync::watch::Receiver<Option<Arc<Snapshot>>>,
    kubeconfig: &Path,
    step: &str,
) -> Shape {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let fresh = shape(&synced(kubeconfig).await.snapshot().graph);
        // The published graph may lag the store by its pace; give it that.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let kept = published
            .borrow_and_update()
            .clone()
            .map(|s| shape(&s.graph));
        let assembled = shape(&live.snapshot().graph);
        if kept.as_ref() == Some(&fresh) && assembled == fresh {
            return fresh;
        }
        if Instant::now() > deadline {
            let kept = kept.expect("a graph was published");
            panic!(
                "{step}: the kept-current graph differs from a fresh list:\n{}\nassembled vs fresh:\n{}\nwarnings: {:?}",
                difference(&kept, &fresh),
                difference(&assembled, &fresh),
                live.take_warnings().iter().map(|w| w.to_string()).collect::<Vec<_>>()
            );
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

fn names(shape: &Shape, kind: &str, namespace: &str) -> Vec<String> {
    let infix = format!("/{kind}/{namespace}/");
    shape
        .0
        .iter()
        .filter(|(id, origin, _)| origin == "Source" && id.contains(&infix))
        .map(|(id, _, _)| id.rsplit('/').next().unwrap().to_string())
        .collect()
}

/// kubegraph's list requests (not watches) of a resource after `since`, by the audit log.
fn lists_by_kubegraph(cp: &ControlPlane, resource: &str, since: &str) -> usize {
    cp.audit_log()
        .iter()
        .filter(|e| {
            e["user"]["username"] == KUBEGRAPH_USER
                && e["verb"] == "list"
                && e["stage"] == "ResponseComplete"
                && e["objectRef"]["resource"] == resource
                && e["requestReceivedTimestamp"]
                    .as_str()
                    .is_some_and(|t| t > since)
        })
        .count()
}

fn now_rfc3339() -> String {
    // The audit log's timestamps are RFC 3339 with microseconds, UTC; the date command's too.
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%S.%6NZ"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

const SHOP: &str = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        envFrom: [{configMapRef: {name: settings}}]
        env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
stringData: {password: hunter2}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: shop, labels: {app: solo}}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sleep, infinity]}]
"#;

/// The issue's equivalence: a scripted series of changes made through the API (the
/// controllers and scheduler react: replica sets, pods, endpoint slices, events), a forced
/// watch expiry (etcd compacted, the API server restarted: its new watch cache starts after
/// every revision kubegraph holds, so resuming is 410 Expired and kubegraph lists again), and
/// after each step the kept-current graph equals a fresh list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_changes_compaction_and_a_restart_the_kept_graph_equals_a_fresh_list() {
    let Some(cp) = blocking(ControlPlane::start).await else {
        return;
    };
    let cp = Arc::new(cp);
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = {
        let (cp, dir) = (cp.clone(), dir.path().to_path_buf());
        blocking(move || {
            cp.namespace("shop");
            cp.apply(SHOP);
            cp.wait_for("web to be available", || {
                cp.kubectl_ok(
                    &[
                        "get",
                        "deploy/web",
                        "-n",
                        "shop",
                        "-o",
                        "jsonpath={.status.availableReplicas}",
                    ],
                    None,
                ) == "2"
            });
            read_only_kubeconfig(&cp, &dir)
        })
        .await
    };
    let live = synced(&kubeconfig).await;
    let mut published = live.publish(Duration::from_millis(50));
    let kc = kubeconfig.as_path();
    let start = converges(&live, &mut published, kc, "initial sync").await;
    assert_eq!(
        names(&start, "Pod", "shop").len(),
        3,
        "{:?}",
        names(&start, "Pod", "shop")
    );

    let kubectl = |args: &'static [&'static str]| {
        let cp = cp.clone();
        blocking(move || cp.kubectl_ok(args, None))
    };
    // Creates: a Deployment (a ReplicaSet and pods follow), a Service, config maps.
    kubectl(&[
        "create",
        "deployment",
        "api",
        "-n",
        "shop",
        "--image=nginx:1.27",
        "--replicas=2",
    ])
    .await;
    kubectl(&["expose", "deployment", "api", "-n", "shop", "--port=8080"]).await;
    kubectl(&[
        "create",
        "configmap",
        "extra",
        "-n",
        "shop",
        "--from-literal=a=1",
    ])
    .await;
    let after = converges(&live, &mut published, kc, "after creates").await;
    assert_eq!(names(&after, "Pod", "shop").len(), 5);

    // Label changes: the pod joins the web Service's selection; the Service then selects api.
    kubectl(&[
        "label",
        "pod",
        "solo",
        "-n",
        "shop",
        "app=web",
        "--overwrite",
    ])
    .await;
    kubectl(&["label", "configmap", "extra", "-n", "shop", "tier=gold"]).await;
    kubectl(&["set", "selector", "service", "web", "-n", "shop", "app=api"]).await;
    converges(&live, &mut published, kc, "after label changes").await;

    // Deletions: the garbage collector takes the ReplicaSet and pods of a deleted Deployment.
    kubectl(&["delete", "deployment", "api", "-n", "shop", "--wait=true"]).await;
    kubectl(&["delete", "configmap", "extra", "-n", "shop"]).await;
    kubectl(&["delete", "secret", "db", "-n", "shop"]).await;
    let after = converges(&live, &mut published, kc, "after deletions").await;
    assert!(names(&after, "ReplicaSet", "shop")
        .iter()
        .all(|n| n.starts_with("web-")));
    // A deleted secret still referenced is a placeholder.
    assert!(after
        .0
        .iter()
        .any(|(id, origin, _)| id.ends_with("/core/Secret/shop/db") && origin == "Placeholder"));

    // Forced watch expiry: etcd compacted, then the API server restarted with changes between.
    let restarted_at = now_rfc3339();
    {
        let cp = cp.clone();
        blocking(move || {
            cp.kubectl_ok(
                &["create", "configmap", "before-compaction", "-n", "shop"],
                None,
            );
            cp.compact_etcd();
            cp.kubectl_ok(
                &["delete", "pod", "solo", "-n", "shop", "--wait=true"],
                None,
            );
            cp.restart_apiserver();
            cp.kubectl_ok(
                &["create", "configmap", "after-restart", "-n", "shop"],
                None,
            );
            cp.kubectl_ok(
                &["scale", "deployment", "web", "-n", "shop", "--replicas=3"],
                None,
            );
        })
        .await;
    }
    let after = converges(&live, &mut published, kc, "after compaction and restart").await;
    assert!(!names(&after, "Pod", "shop").contains(&"solo".to_string()));
    assert!(names(&after, "ConfigMap", "shop").contains(&"after-restart".to_string()));
    // The watches resumed from revisions the new watch cache does not have: 410, and kubegraph
    // listed again (a list after the restart, by the audit log; fresh lists are a new Live's
    // and counted too, so the kept one's is told apart by being before them).
    let relisted = lists_by_kubegraph(&cp, "pods", &restarted_at);
    assert!(
        relisted >= 1,
        "kubegraph did not list pods again after the restart"
    );
}

/// Secrets never reach kubegraph: the API server's audit log holds, at RequestResponse, what
/// it answered each of kubegraph's secret requests: metadata only, never a value. (A watch's
/// events are not audited; its request is, and was asked as metadata: the list before it
/// shows the same Accept at work.) A kubectl get of the same secret shows the value does
/// appear in the log when it is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secret_values_never_leave_the_api_server() {
    let Some(cp) = shared().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = {
        let dir = dir.path().to_path_buf();
        blocking(move || {
            cp.namespace("vault");
            cp.apply(
                r#"
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: vault}
stringData: {password: kubegraph-must-never-see-this}
"#,
            );
            read_only_kubeconfig(cp, &dir)
        })
        .await
    };
    let value = "kubegraph-must-never-see-this";
    let encoded = "a3ViZWdyYXBoLW11c3QtbmV2ZXItc2VlLXRoaXM="; // base64 of the value
    let live = synced(&kubeconfig).await;
    // And one made while watching.
    blocking(move || {
        cp.kubectl_ok(
            &[
                "create",
                "secret",
                "generic",
                "later",
                "-n",
                "vault",
                &format!("--from-literal=password={value}"),
            ],
            None,
        )
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !shape(&live.snapshot().graph)
        .0
        .iter()
        .any(|(id, _, _)| id.ends_with("/core/Secret/vault/later"))
    {
        assert!(
            Instant::now() < deadline,
            "the secret made while watching never appeared"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The control: the value does appear in the log when the server sends it.
    blocking(move || cp.kubectl_ok(&["get", "secret", "db", "-n", "vault", "-o", "json"], None))
        .await;

    let log = cp.audit_log();
    // Every stage: a watch is audited when it starts (ResponseStarted) and when it ends.
    let secrets = |e: &&Value| e["objectRef"]["resource"] == "secrets";
    let theirs: Vec<&Value> = log
        .iter()
        .filter(secrets)
        .filter(|e| e["user"]["username"] == KUBEGRAPH_USER)
        .collect();
    let lists: Vec<&&Value> = theirs
        .iter()
        .filter(|e| e["verb"] == "list" && e["stage"] == "ResponseComplete")
        .collect();
    assert!(
        !lists.is_empty(),
        "kubegraph's secret lists are in the audit log"
    );
    assert!(
        theirs.iter().any(|e| e["verb"] == "watch"),
        "kubegraph watches secrets"
    );
    for e in &theirs {
        assert!(
            ["list", "watch"].contains(&e["verb"].as_str().unwrap()),
            "kubegraph only lists and watches: {e}"
        );
        // Metadata is sent whole, and `kubectl apply` keeps what it applied in an annotation:
        // the values of a secret made that way cross the wire there (docs/live.md). kubegraph
        // drops it on receipt (below); nothing else may hold a value.
        let mut e = (*e).clone();
        for item in e["responseObject"]["items"]
            .as_array_mut()
            .into_iter()
            .flatten()
        {
            if let Some(a) = item["metadata"]["annotations"].as_object_mut() {
                a.remove(LAST_APPLIED);
            }
        }
        let text = e.to_string();
        assert!(
            !text.contains(value) && !text.contains(encoded),
            "a secret value reached kubegraph: {text}"
        );
    }
    let applied = lists
        .iter()
        .any(|e| e.to_string().contains(LAST_APPLIED) && e.to_string().contains(value));
    assert!(
        applied,
        "the applied secret's annotation is sent with its metadata"
    );
    // What kubegraph holds: no value, no annotation holding one.
    let snapshot = live.snapshot();
    let mut held = 0;
    for (_, n) in snapshot.graph.nodes() {
        if n.object.kind == "Secret" && n.object.namespace.as_deref() == Some("vault") {
            held += 1;
            let raw = sonic_rs::to_string(&n.object.raw).unwrap();
            assert!(
                !raw.contains(value) && !raw.contains(encoded) && !raw.contains(LAST_APPLIED),
                "{raw}"
            );
        }
    }
    assert_eq!(held, 2);
    for e in &lists {
        assert_eq!(e["responseStatus"]["code"], 200, "{e}");
        assert_eq!(
            e["responseObject"]["kind"], "PartialObjectMetadataList",
            "{e}"
        );
        // (An empty list has no items at all.)
        let mut items = e["responseObject"]["items"]
            .as_array()
            .into_iter()
            .flatten();
        assert!(items.all(|i| i.get("data").is_none()), "{e}");
    }
    assert!(
        lists
            .iter()
            .any(|e| e.to_string().contains(r#""name":"db""#)),
        "the listed secrets include vault/db"
    );
    let control = log
        .iter()
        .filter(secrets)
        .any(|e| e["verb"] == "get" && e.to_string().contains(encoded));
    assert!(
        control,
        "the audit log shows a secret's value when it is sent"
    );
}

/// A CustomResourceDefinition created while kubegraph watches: its kind is discovered and its
/// objects appear, without a restart; deleted, they go.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crd_created_while_watching_appears_without_a_restart() {
    let Some(cp) = shared().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = {
        let dir = dir.path().to_path_buf();
        blocking(move || {
            cp.namespace("crds");
            read_only_kubeconfig(cp, &dir)
        })
        .await
    };
    let live = synced(&kubeconfig).await;
    let has = |live: &Live, suffix: &str| {
        shape(&live.snapshot().graph)
            .0
            .iter()
            .any(|(id, origin, _)| origin == "Source" && id.ends_with(suffix))
    };
    assert!(!has(&live, "/stable.example.com/CronTab/crds/nightly"));
    blocking(move || {
        cp.apply(
            r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: crontabs.stable.example.com}
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {cronSpec: {type: string}}}
"#,
        );
        cp.kubectl_ok(
            &[
                "wait",
                "--for=condition=Established",
                "crd/crontabs.stable.example.com",
                "--timeout=60s",
            ],
            None,
        );
        cp.apply(
            r#"
apiVersion: stable.example.com/v1
kind: CronTab
metadata: {name: nightly, namespace: crds}
spec: {cronSpec: "0 3 * * *"}
"#,
        );
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !has(&live, "/stable.example.com/CronTab/crds/nightly") {
        assert!(
            Instant::now() < deadline,
            "the custom resource never appeared"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(has(
        &live,
        "/apiextensions.k8s.io/CustomResourceDefinition/_/crontabs.stable.example.com"
    ));
    blocking(move || {
        cp.kubectl_ok(
            &[
                "delete",
                "crd",
                "crontabs.stable.example.com",
                "--wait=true",
            ],
            None,
        )
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while has(&live, "/stable.example.com/CronTab/crds/nightly") {
        assert!(
            Instant::now() < deadline,
            "the custom resource stayed after its CRD went"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Secrets from the wire, watch streams included: kubegraph reads through a proxy that records
/// every byte the API server sends it; a secret's value is in none of them, neither for a
/// secret listed nor for one made while watching. The control: the same proxy records the
/// value when a client asks for the secret itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secret_values_are_not_on_the_wire_to_kubegraph() {
    let Some(cp) = shared().await else {
        return;
    };
    let value = "wire-secret-kubegraph-must-not-see";
    let encoded = "d2lyZS1zZWNyZXQta3ViZWdyYXBoLW11c3Qtbm90LXNlZQ=="; // base64 of the value
    let dir = tempfile::tempdir().unwrap();
    let (proxy, token) = {
        let dir = dir.path().to_path_buf();
        blocking(move || {
            cp.namespace("wire");
            // `kubectl create`, not apply: no last-applied annotation holding the value.
            cp.kubectl_ok(
                &[
                    "create",
                    "secret",
                    "generic",
                    "db",
                    "-n",
                    "wire",
                    &format!("--from-literal=password={value}"),
                ],
                None,
            );
            read_only_kubeconfig(cp, &dir);
            let token = cp.token("kubegraph", "kubegraph");
            let (proxy, kubeconfig) = cp.recording_proxy("wire", &token);
            std::fs::write(dir.join("proxied"), kubeconfig).unwrap();
            // The control reads as someone else: kubegraph's own requests stay only its own
            // (the audit test checks them).
            cp.kubectl_ok(&["create", "serviceaccount", "control", "-n", "wire"], None);
            cp.kubectl_ok(
                &[
                    "create",
                    "rolebinding",
                    "control",
                    "-n",
                    "wire",
                    "--clusterrole=admin",
                    "--serviceaccount=wire:control",
                ],
                None,
            );
            (proxy, cp.token("wire", "control"))
        })
        .await
    };
    let live = synced(&dir.path().join("proxied")).await;
    blocking(move || {
        cp.kubectl_ok(
            &[
                "create",
                "secret",
                "generic",
                "later",
                "-n",
                "wire",
                &format!("--from-literal=password={value}"),
            ],
            None,
        )
    })
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !shape(&live.snapshot().graph)
        .0
        .iter()
        .any(|(id, _, _)| id.ends_with("/core/Secret/wire/later"))
    {
        assert!(
            Instant::now() < deadline,
            "the secret made while watching never appeared"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let received = String::from_utf8_lossy(&proxy.received()).to_string();
    assert!(
        !received.contains(value) && !received.contains(encoded),
        "a secret value crossed the wire to kubegraph"
    );
    // Both secrets crossed, as metadata: the list, and the watch event.
    assert!(received.contains(r#""name":"db""#) && received.contains(r#""name":"later""#));
    assert!(received.contains("PartialObjectMetadata"));
    // Nothing compressed (every page is small here), so a value could not hide in gzip.
    assert!(!received
        .to_ascii_lowercase()
        .contains("content-encoding: gzip"));
    drop(live);

    // The control: a plain GET of the secret through the same proxy carries its value.
    let addr = proxy.addr();
    let answer = blocking(move || {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET /api/v1/namespaces/wire/secrets/db HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    })
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(String::from_utf8_lossy(&proxy.received()).contains(encoded));
}
