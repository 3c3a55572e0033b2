//! The live source against the test API server, over real HTTP: the graph after the initial
//! sync, and after changes, dropped watches and compaction, must equal a graph built from the
//! same objects and one built from a fresh list.

mod common;

use common::shape;
use kubegraph_graph::{Graph, Origin};
use kubegraph_live::{ContextChoice, KindFilter, Live, LiveOptions, Snapshot};
use kubegraph_model::Object;
use kubegraph_test_apiserver::{ResourceType, TestApiServer};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const SYNC: Duration = Duration::from_secs(20);

/// A server, and a kubeconfig for it in a temporary directory.
struct Fixture {
    server: TestApiServer,
    kubeconfig: PathBuf,
    _dir: tempfile::TempDir,
}

async fn fixture(context: &str) -> Fixture {
    let server = TestApiServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(&kubeconfig, server.kubeconfig(context)).unwrap();
    Fixture {
        server,
        kubeconfig,
        _dir: dir,
    }
}

fn options(kubeconfig: &std::path::Path) -> LiveOptions {
    LiveOptions {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        timeout: Duration::from_secs(5),
        // Small pages, so that every list of more than two objects is paginated.
        page_size: 2,
        ..LiveOptions::default()
    }
}

async fn synced(options: LiveOptions) -> Live {
    let live = Live::start(options).await.expect("starts");
    live.sync(SYNC).await.expect("syncs");
    live
}

/// A small shop: a deployment with its replica set and pods on a node, a service over them,
/// the config and secret they use, and an event.
fn shop() -> Vec<Value> {
    let pod = |name: &str| {
        json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": "shop", "labels": {"app": "web"},
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-1", "controller": true}]},
            "spec": {
                "nodeName": "node-1", "serviceAccountName": "web",
                "containers": [{"name": "web", "image": "nginx:1.27",
                    "envFrom": [{"configMapRef": {"name": "settings"}}],
                    "env": [{"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]}],
                "volumes": [{"name": "cfg", "configMap": {"name": "settings"}}]
            },
            "status": {"phase": "Running"}
        })
    };
    vec![
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}),
        json!({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1"}}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"}, "data": {"mode": "fast"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "shop",
            "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"password\":\"aHVudGVyMg==\"}}"}},
            "type": "Opaque", "data": {"password": "aHVudGVyMg=="}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
        json!({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "web-1", "namespace": "shop",
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "controller": true}]},
            "spec": {"selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
        pod("web-1-a"),
        pod("web-1-b"),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}),
        json!({"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web-1-a.1", "namespace": "shop"},
            "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": "web-1-a", "namespace": "shop"},
            "reason": "Started", "lastTimestamp": "2026-11-29T10:00:00Z"}),
    ]
}

fn apply_all(server: &TestApiServer, objects: &[Value]) {
    for o in objects {
        server.apply(o.clone());
    }
}

/// What a watch of this object carries: a uid, as the server gives every object (which makes
/// it a live object: a pod without a service account uses `default`); Secrets as metadata only.
fn as_listed(v: &Value) -> Value {
    let mut v = v.clone();
    if v["metadata"]["uid"].is_null() {
        v["metadata"]["uid"] = json!(format!("uid-{}-{}", v["kind"], v["metadata"]["name"]));
    }
    if v["kind"] == "Secret" && v["apiVersion"] == "v1" {
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": v["metadata"].clone()})
    } else {
        v
    }
}

/// The graph kubegraph builds from these objects read from files, for clusters in order.
fn expected(clusters: &[(&str, &[Value])]) -> Graph {
    let mut graph = Graph::new();
    for (name, objects) in clusters {
        let c = graph.add_cluster(name);
        for v in objects.iter() {
            let raw = kubegraph_model::json::from_serde(&as_listed(v));
            graph.insert_object(c, Object::from_value(raw).unwrap());
        }
    }
    kubegraph_relations::build(&mut graph);
    graph
}

/// Polls the live graph until `done` holds (or 20 s pass) and returns the last one.
async fn eventually(live: &Live, done: impl Fn(&Snapshot) -> bool) -> Snapshot {
    let deadline = Instant::now() + SYNC;
    loop {
        let s = live.snapshot();
        if done(&s) || Instant::now() > deadline {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The first published graph (within [`SYNC`]) for which `done` holds, or the last one.
async fn eventually_published(
    published: &mut tokio::sync::watch::Receiver<Option<std::sync::Arc<Snapshot>>>,
    done: impl Fn(&Snapshot) -> bool,
) -> Option<std::sync::Arc<Snapshot>> {
    let deadline = tokio::time::Instant::now() + SYNC;
    loop {
        let s = published.borrow_and_update().clone();
        if s.as_deref().is_some_and(&done)
            || tokio::time::timeout_at(deadline, published.changed())
                .await
                .is_err()
        {
            return s;
        }
    }
}

fn source_names(g: &Graph, kind: &str) -> Vec<String> {
    let mut names: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.origin == Origin::Source && n.object.kind == kind)
        .map(|(_, n)| match &n.object.namespace {
            Some(ns) => format!("{ns}/{}", n.object.name),
            None => n.object.name.clone(),
        })
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initial_sync_equals_the_graph_of_the_same_objects() {
    let f = fixture("prod").await;
    let mut objects = shop();
    // Five config maps more: three pages of two.
    objects.extend((0..5).map(|i| {
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": format!("cm-{i}"), "namespace": "shop"}})
    }));
    apply_all(&f.server, &objects);
    let live = synced(options(&f.kubeconfig)).await;
    let snap = live.snapshot();
    assert_eq!(snap.objects, objects.len());
    assert_eq!(shape(&snap.graph), shape(&expected(&[("prod", &objects)])));
    // Ownership, selector, node and reference edges are all there.
    let (_, edges) = shape(&snap.graph);
    for edge in [
        (
            "prod/apps/ReplicaSet/shop/web-1",
            "owns",
            "prod/core/Pod/shop/web-1-a",
        ),
        (
            "prod/core/Service/shop/web",
            "selects",
            "prod/core/Pod/shop/web-1-b",
        ),
    ] {
        let e = (edge.0.to_string(), edge.1.to_string(), edge.2.to_string());
        assert!(
            edges
                .iter()
                .any(|(f, k, t, _)| (f, k, t) == (&e.0, &e.1, &e.2)),
            "{e:?} missing from {edges:#?}"
        );
    }
    assert!(live.take_warnings().is_empty());

    // Lists were paginated: two per page, continued.
    let requests = f.server.requests();
    let pod_lists: Vec<_> = requests
        .iter()
        .filter(|r| r.path == "/api/v1/pods" && !r.query.contains("watch"))
        .collect();
    assert!(
        pod_lists.iter().all(|r| r.query.contains("limit=2")),
        "{pod_lists:?}"
    );
    let continued = requests
        .iter()
        .filter(|r| r.path == "/api/v1/configmaps" && r.query.contains("continue="))
        .count();
    assert_eq!(continued, 2, "{requests:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_are_only_ever_requested_as_metadata() {
    let f = fixture("prod").await;
    apply_all(&f.server, &shop());
    let live = synced(options(&f.kubeconfig)).await;
    let snap = live.snapshot();
    let secret = snap
        .graph
        .nodes()
        .find(|(_, n)| n.object.kind == "Secret" && n.origin == Origin::Source)
        .map(|(_, n)| n.object.raw.to_string())
        .expect("the secret is a node");
    assert!(!secret.contains("aHVudGVyMg"), "{secret}");
    assert!(!secret.contains("last-applied"), "{secret}");
    // Still watching: a new secret arrives, again without data.
    f.server.apply(json!({"apiVersion": "v1", "kind": "Secret",
        "metadata": {"name": "later", "namespace": "shop"}, "data": {"k": "c2VjcmV0"}}));
    let snap = eventually(&live, |s| source_names(&s.graph, "Secret").len() == 2).await;
    assert_eq!(
        source_names(&snap.graph, "Secret"),
        ["shop/db", "shop/later"]
    );

    let secret_requests: Vec<_> = f
        .server
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("/secrets"))
        .collect();
    assert!(
        secret_requests.iter().any(|r| r.query.contains("watch")),
        "{secret_requests:?}"
    );
    for r in &secret_requests {
        let accept = r.accept.as_deref().unwrap_or("");
        assert!(
            accept.contains("as=PartialObjectMetadata") && accept.contains("g=meta.k8s.io"),
            "secrets asked for in full: {r:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_changes_drops_and_compaction_the_graph_equals_a_fresh_list() {
    let f = fixture("prod").await;
    let mut objects = shop();
    apply_all(&f.server, &objects);
    let live = synced(options(&f.kubeconfig)).await;
    let server = &f.server;

    // Labels change (the service no longer selects web-1-b), a pod goes, a config map comes.
    let mut relabelled = objects[8].clone();
    relabelled["metadata"]["labels"] = json!({"app": "other"});
    server.apply(relabelled.clone());
    objects[8] = relabelled;
    assert!(server.delete("v1", "Pod", Some("shop"), "web-1-a"));
    objects.retain(|o| o["metadata"]["name"] != "web-1-a");
    let extra = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "extra", "namespace": "shop"}});
    server.apply(extra.clone());
    objects.push(extra);
    let want = shape(&expected(&[("prod", &objects)]));
    let snap = eventually(&live, |s| shape(&s.graph) == want).await;
    assert_eq!(shape(&snap.graph), want, "after changes");

    // Connections dropped: changes made meanwhile arrive when the watches resume.
    server.drop_watches();
    assert!(server.delete("v1", "ConfigMap", Some("shop"), "extra"));
    objects.retain(|o| o["metadata"]["name"] != "extra");
    let want = shape(&expected(&[("prod", &objects)]));
    let snap = eventually(&live, |s| shape(&s.graph) == want).await;
    assert_eq!(shape(&snap.graph), want, "after dropped watches");

    // History compacted while disconnected: resuming is 410 Gone, the watches re-list, and what
    // was deleted meanwhile is gone.
    let lists_before = server
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/pods" && !r.query.contains("watch"))
        .count();
    // The pods watch must not resume before the compaction: a watch that saw the deletion (or a
    // bookmark after it) resumes from a revision the server still has, and rightly gets no 410.
    // So pods answer 503 while the watches are down, the pod is deleted and history compacted.
    server.fail_resource("", "pods", 503);
    server.drop_watches();
    assert!(server.delete("v1", "Pod", Some("shop"), "web-1-b"));
    objects.retain(|o| o["metadata"]["name"] != "web-1-b");
    server.compact();
    server.allow("", "pods");
    let svc = json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api", "namespace": "shop"},
        "spec": {"selector": {"app": "web"}}});
    server.apply(svc.clone());
    objects.push(svc);
    let want = shape(&expected(&[("prod", &objects)]));
    let snap = eventually(&live, |s| shape(&s.graph) == want).await;
    assert_eq!(shape(&snap.graph), want, "after compaction");
    let lists_after = server
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/pods" && !r.query.contains("watch"))
        .count();
    assert!(
        lists_after > lists_before,
        "pods were not re-listed after 410"
    );
    // The watches are back: one stream per resource type kubegraph watches. The server counts
    // a stream whose client went away until it next writes to it (within a bookmark interval),
    // so on a loaded machine the count settles rather than reaching the number at once.
    let types = live.progress()[0].watches;
    let settled = || server.watched().len() == types && server.open_watches() == types;
    let deadline = Instant::now() + SYNC;
    while !settled() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(server.watched().len(), types, "{:?}", server.watched());
    assert_eq!(server.open_watches(), types);

    // And a fresh list agrees.
    let fresh = synced(options(&f.kubeconfig)).await.snapshot();
    assert_eq!(shape(&snap.graph), shape(&fresh.graph));
    assert_eq!(source_names(&snap.graph, "Pod"), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forbidden_kind_is_skipped_with_one_warning() {
    let f = fixture("prod").await;
    let objects = shop();
    apply_all(&f.server, &objects);
    f.server.forbid_everywhere("", "configmaps");
    let live = synced(options(&f.kubeconfig)).await;
    let warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "context prod: cannot list ConfigMap (configmaps): configmaps is forbidden"
        ),
        "{warnings:?}"
    );
    let snap = live.snapshot();
    assert_eq!(source_names(&snap.graph, "ConfigMap"), Vec::<String>::new());
    assert_eq!(
        source_names(&snap.graph, "Pod"),
        ["shop/web-1-a", "shop/web-1-b"]
    );
    // What the pods reference is a placeholder now, as for any absent object.
    let without: Vec<Value> = objects
        .into_iter()
        .filter(|o| o["kind"] != "ConfigMap")
        .collect();
    assert_eq!(shape(&snap.graph), shape(&expected(&[("prod", &without)])));
}

/// A real API server restarting answers 403 until its RBAC caches are filled (seen against
/// kube-apiserver, tests/control_plane.rs): a type refused after it had listed keeps its
/// objects and is watched again once allowed, without a warning, instead of being skipped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_after_listing_is_retried_not_skipped() {
    let f = fixture("prod").await;
    let mut objects = shop();
    apply_all(&f.server, &objects);
    let live = synced(options(&f.kubeconfig)).await;
    f.server.forbid_everywhere("", "pods");
    f.server.drop_watches();
    assert!(f.server.delete("v1", "Pod", Some("shop"), "web-1-a"));
    objects.retain(|o| o["metadata"]["name"] != "web-1-a");
    // Refused meanwhile: the pods last seen stay.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        source_names(&live.snapshot().graph, "Pod"),
        ["shop/web-1-a", "shop/web-1-b"]
    );
    f.server.allow("", "pods");
    let want = shape(&expected(&[("prod", &objects)]));
    let snap = eventually(&live, |s| shape(&s.graph) == want).await;
    assert_eq!(shape(&snap.graph), want);
    let warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    assert!(
        warnings.iter().all(|w| !w.contains("cannot list")),
        "{warnings:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forbidden_cluster_wide_is_watched_per_namespace() {
    let f = fixture("prod").await;
    apply_all(&f.server, &shop());
    f.server.apply(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "elsewhere", "namespace": "other"}}));
    f.server.forbid_cluster_scope("", "pods");
    let mut opts = options(&f.kubeconfig);
    opts.namespaces = vec!["shop".into()];
    let live = synced(opts).await;
    assert!(live.take_warnings().is_empty());
    let snap = live.snapshot();
    assert_eq!(
        source_names(&snap.graph, "Pod"),
        ["shop/web-1-a", "shop/web-1-b"]
    );
    f.server.apply(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "new", "namespace": "shop"}}));
    let snap = eventually(&live, |s| source_names(&s.graph, "Pod").len() == 3).await;
    assert_eq!(
        source_names(&snap.graph, "Pod"),
        ["shop/new", "shop/web-1-a", "shop/web-1-b"]
    );
    assert!(f
        .server
        .requests()
        .iter()
        .any(|r| r.path == "/api/v1/namespaces/shop/pods"));

    // Without -n, the same is one warning that says how to get them.
    let live = synced(options(&f.kubeconfig)).await;
    let warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("cannot list Pod (pods)") && warnings[0].contains("-n NAMESPACE"),
        "{warnings:?}"
    );
    assert_eq!(
        source_names(&live.snapshot().graph, "Pod"),
        Vec::<String>::new()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crd_created_later_is_picked_up() {
    let f = fixture("prod").await;
    apply_all(&f.server, &shop());
    let live = synced(options(&f.kubeconfig)).await;
    f.server.apply(json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "widgets.example.com"},
        "spec": {"group": "example.com", "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget"},
            "versions": [{"name": "v1", "served": true, "storage": true}]}
    }));
    f.server
        .apply(json!({"apiVersion": "example.com/v1", "kind": "Widget",
        "metadata": {"name": "w", "namespace": "shop"}, "spec": {"size": 3}}));
    let snap = eventually(&live, |s| !source_names(&s.graph, "Widget").is_empty()).await;
    assert_eq!(source_names(&snap.graph, "Widget"), ["shop/w"]);
    // The CRD deleted: its objects go, and that is no cause for a warning.
    assert!(f.server.delete(
        "apiextensions.k8s.io/v1",
        "CustomResourceDefinition",
        None,
        "widgets.example.com"
    ));
    let snap = eventually(&live, |s| source_names(&s.graph, "Widget").is_empty()).await;
    assert_eq!(source_names(&snap.graph, "Widget"), Vec::<String>::new());
    assert!(source_names(&snap.graph, "CustomResourceDefinition").is_empty());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    // The same with a type added directly (an aggregated API, say): found by the next periodic
    // discovery, here every second.
    let mut opts = options(&f.kubeconfig);
    opts.rediscover_every = Duration::from_secs(1);
    let live = synced(opts).await;
    f.server.add_resource(ResourceType {
        group: "metrics.example.com".into(),
        version: "v1beta1".into(),
        kind: "Sample".into(),
        plural: "samples".into(),
        namespaced: false,
        verbs: vec!["get".into(), "list".into(), "watch".into()],
    });
    f.server.apply(json!({"apiVersion": "metrics.example.com/v1beta1", "kind": "Sample", "metadata": {"name": "s1"}}));
    let snap = eventually(&live, |s| !source_names(&s.graph, "Sample").is_empty()).await;
    assert_eq!(source_names(&snap.graph, "Sample"), ["s1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contexts_are_separate_clusters_and_an_unreachable_one_is_named() {
    let a = fixture("alpha").await;
    let b = fixture("beta").await;
    let objects = shop();
    apply_all(&a.server, &objects);
    // The same labels in beta: the service of alpha must not select beta's pods.
    let beta_objects: Vec<Value> = objects
        .iter()
        .filter(|o| o["kind"] == "Pod" || o["kind"] == "Namespace")
        .cloned()
        .collect();
    apply_all(&b.server, &beta_objects);
    let dead = "apiVersion: v1\nkind: Config\nclusters:\n- name: dead\n  cluster:\n    server: http://127.0.0.1:1\nusers:\n- name: dead\n  user:\n    token: x\ncontexts:\n- name: dead\n  context:\n    cluster: dead\n    user: dead\n";
    let merged = format!(
        "{}---\n{}---\n{dead}",
        a.server.kubeconfig("alpha"),
        b.server.kubeconfig("beta")
    );
    std::fs::write(&a.kubeconfig, merged).unwrap();
    let mut opts = options(&a.kubeconfig);
    opts.contexts = ContextChoice {
        names: vec![],
        all: true,
    };
    let live = synced(opts.clone()).await;
    let warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("context dead: cannot reach http://127.0.0.1:1/"),
        "{warnings:?}"
    );
    let snap = live.snapshot();
    let clusters: Vec<&str> = snap.graph.clusters().map(|(_, n, _)| n).collect();
    assert_eq!(clusters, ["alpha", "beta"]);
    assert_eq!(
        shape(&snap.graph),
        shape(&expected(&[("alpha", &objects), ("beta", &beta_objects)]))
    );
    for e in snap.graph.edges() {
        assert_eq!(
            snap.graph.node(e.from).cluster,
            snap.graph.node(e.to).cluster
        );
    }

    // Only the dead one: an error that names it.
    opts.contexts = ContextChoice {
        names: vec!["dead".into()],
        all: false,
    };
    let live = Live::start(opts).await.unwrap();
    let err = live.sync(SYNC).await.unwrap_err().to_string();
    assert!(
        err.starts_with("no cluster could be reached: context dead: cannot reach"),
        "{err}"
    );
    assert!(live.take_warnings().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kinds_narrow_what_is_listed_and_events_are_bounded() {
    let f = fixture("prod").await;
    apply_all(&f.server, &shop());
    for (i, t) in [
        "2026-11-29T10:01:00Z",
        "2026-11-29T10:02:00Z",
        "2026-11-29T09:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        f.server.apply(json!({"apiVersion": "v1", "kind": "Event",
            "metadata": {"name": format!("e{i}"), "namespace": "shop"},
            "involvedObject": {"kind": "Pod", "name": "web-1-b", "namespace": "shop"},
            "lastTimestamp": t}));
    }
    let mut opts = options(&f.kubeconfig);
    opts.kinds = KindFilter::new(&["pods,deploy,ev"], &["events.events.k8s.io"]);
    opts.max_events = 2;
    let live = synced(opts).await;
    let snap = live.snapshot();
    let kinds: BTreeSet<String> = snap
        .graph
        .nodes()
        .filter(|(_, n)| n.origin == Origin::Source)
        .map(|(_, n)| n.object.kind.clone())
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["Deployment".into(), "Event".into(), "Pod".into()])
    );
    // The two newest of four events.
    assert_eq!(source_names(&snap.graph, "Event"), ["shop/e0", "shop/e1"]);
    let listed: BTreeSet<String> = f
        .server
        .requests()
        .into_iter()
        .filter(|r| is_resource_path(&r.path))
        .map(|r| r.path)
        .collect();
    assert_eq!(
        listed,
        BTreeSet::from([
            "/api/v1/events".to_string(),
            "/api/v1/pods".to_string(),
            "/apis/apps/v1/deployments".to_string()
        ])
    );
}

/// A list or watch path, not a discovery one: `/api/v1/pods`, `/apis/apps/v1/deployments`.
fn is_resource_path(path: &str) -> bool {
    let segments = path.split('/').filter(|s| !s.is_empty()).count();
    (path.starts_with("/api/") && segments >= 3) || (path.starts_with("/apis/") && segments >= 4)
}

/// A tiny deterministic generator (no dependency needed for a test's choices).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_changes_drops_and_compactions_converge_to_a_fresh_list() {
    let f = fixture("prod").await;
    let server = &f.server;
    // The objects the server holds, by (kind, name).
    let mut held: std::collections::BTreeMap<(String, String), Value> = Default::default();
    let put = |held: &mut std::collections::BTreeMap<(String, String), Value>, v: Value| {
        server.apply(v.clone());
        let key = (
            v["kind"].as_str().unwrap().to_string(),
            v["metadata"]["name"].as_str().unwrap().to_string(),
        );
        held.insert(key, v);
    };
    for o in shop() {
        put(&mut held, o);
    }
    let live = synced(options(&f.kubeconfig)).await;
    // The graph kept current in place, next to the one assembled from the store.
    let mut published = live.publish(Duration::from_millis(20));
    let mut rng = Lcg(42);
    let apps = ["web", "api", "db"];
    for round in 0..4 {
        for _ in 0..25 {
            let name = format!("p{}", rng.below(8));
            match rng.below(10) {
                0..=3 => {
                    let app = apps[rng.below(3) as usize];
                    put(
                        &mut held,
                        json!({"apiVersion": "v1", "kind": "Pod",
                        "metadata": {"name": name, "namespace": "shop", "labels": {"app": app}},
                        "spec": {"nodeName": format!("node-{}", rng.below(2)),
                            "containers": [{"name": "c", "image": format!("img:{}", rng.below(3))}]}}),
                    );
                }
                4..=5 => {
                    let existed = server.delete("v1", "Pod", Some("shop"), &name);
                    assert_eq!(existed, held.remove(&("Pod".into(), name)).is_some());
                }
                6 => {
                    let app = apps[rng.below(3) as usize];
                    put(
                        &mut held,
                        json!({"apiVersion": "v1", "kind": "Service",
                        "metadata": {"name": "web", "namespace": "shop"}, "spec": {"selector": {"app": app}}}),
                    );
                }
                7 => server.drop_watches(),
                8 => server.compact(),
                _ => {
                    server.compact();
                    server.drop_watches();
                }
            }
        }
        let objects: Vec<Value> = held.values().cloned().collect();
        let want = shape(&expected(&[("prod", &objects)]));
        let snap = eventually(&live, |s| shape(&s.graph) == want).await;
        assert_eq!(shape(&snap.graph), want, "round {round}");
        let kept = eventually_published(&mut published, |s| shape(&s.graph) == want).await;
        let kept = kept.expect("a graph was published");
        assert_eq!(shape(&kept.graph), want, "round {round}, kept current");
        let fresh = synced(options(&f.kubeconfig)).await.snapshot();
        assert_eq!(shape(&fresh.graph), want, "round {round}, fresh list");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_connection_is_one_warning_and_the_last_state_stays() {
    // The server on a runtime of its own, shut down under the running watches.
    let (tx, rx) = tokio::sync::oneshot::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let server = TestApiServer::start().await;
            tx.send(server.clone()).ok();
            stopped.await.ok();
        });
        rt.shutdown_background();
    });
    let server = rx.await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(&kubeconfig, server.kubeconfig("prod")).unwrap();
    apply_all(&server, &shop());
    let live = synced(options(&kubeconfig)).await;
    assert!(live.take_warnings().is_empty());
    let before = shape(&live.snapshot().graph);

    stop.send(()).unwrap();
    tokio::task::spawn_blocking(move || thread.join().unwrap())
        .await
        .unwrap();
    let deadline = Instant::now() + SYNC;
    let mut warnings = Vec::new();
    while warnings.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        warnings.extend(live.take_warnings().iter().map(|w| w.to_string()));
    }
    // Every watch fails; the cluster is named once.
    tokio::time::sleep(Duration::from_secs(2)).await;
    warnings.extend(live.take_warnings().iter().map(|w| w.to_string()));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("context prod: lost the connection (")
            && warnings[0].ends_with("); showing the last state seen while reconnecting"),
        "{warnings:?}"
    );
    assert_eq!(shape(&live.snapshot().graph), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contexts_are_chosen_as_kubectl_chooses_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    let context = |name: &str| format!("- name: {name}\n  context:\n    cluster: c\n    user: u\n");
    let write = |current: Option<&str>| {
        let mut text = String::from("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:1\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n");
        text.push_str(&context("a"));
        text.push_str(&context("b"));
        if let Some(c) = current {
            text.push_str(&format!("current-context: {c}\n"));
        }
        std::fs::write(&path, text).unwrap();
    };
    let start = |names: &[&str], all: bool| {
        let mut o = options(&path);
        o.contexts = ContextChoice {
            names: names.iter().map(|s| s.to_string()).collect(),
            all,
        };
        Live::start(o)
    };
    let error = |r: Result<Live, kubegraph_live::LiveError>| match r {
        Ok(_) => "started".to_string(),
        Err(e) => e.to_string(),
    };
    write(None);
    assert_eq!(
        error(start(&[], false).await),
        "the kubeconfig has no current context (choose one with --context; contexts: a, b)"
    );
    write(Some("gone"));
    assert_eq!(
        error(start(&[], false).await),
        "no context named \"gone\" in the kubeconfig (contexts: a, b)"
    );
    assert_eq!(error(start(&["b"], false).await), "started");
    assert_eq!(error(start(&[], true).await), "started");
    let live = start(&[], true).await.unwrap();
    let names: Vec<String> = live.progress().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["a", "b"]);
    let missing = options(&dir.path().join("absent"));
    let e = error(Live::start(missing).await);
    assert!(e.starts_with("cannot read the kubeconfig "), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_graphs_follow_the_cluster() {
    let f = fixture("prod").await;
    apply_all(&f.server, &shop());
    let live = synced(options(&f.kubeconfig)).await;
    let mut graphs = live.publish(Duration::from_millis(50));
    let has = |s: &Snapshot, name: &str| {
        source_names(&s.graph, "ConfigMap").contains(&format!("shop/{name}"))
    };
    let wait = |graphs: &mut tokio::sync::watch::Receiver<Option<std::sync::Arc<Snapshot>>>,
                name: &'static str,
                present: bool| {
        let mut graphs = graphs.clone();
        async move {
            let deadline = tokio::time::Instant::now() + SYNC;
            loop {
                if let Some(s) = graphs.borrow_and_update().clone() {
                    if has(&s, name) == present {
                        return s;
                    }
                }
                if tokio::time::timeout_at(deadline, graphs.changed())
                    .await
                    .is_err()
                {
                    panic!("no published graph where {name} present = {present}");
                }
            }
        }
    };
    let first = wait(&mut graphs, "settings", true).await;
    assert_eq!(shape(&first.graph), shape(&live.snapshot().graph));
    f.server.apply(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "new", "namespace": "shop"}}));
    let second = wait(&mut graphs, "new", true).await;
    assert!(second.version > first.version);
    assert!(f.server.delete("v1", "ConfigMap", Some("shop"), "new"));
    let third = wait(&mut graphs, "new", false).await;
    assert!(third.version > second.version);
    assert_eq!(shape(&third.graph), shape(&first.graph));
}

/// kubegraph asks for gzip, as kubectl does; a list over 128 KiB then comes compressed (the
/// server's side is tested in the test server's protocol tests) and reads the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_lists_come_gzipped_and_read_the_same() {
    let f = fixture("prod").await;
    let mut objects = Vec::new();
    for i in 0..300 {
        let cm = json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": format!("cm-{i}"), "namespace": "big"},
            "data": {"key": "x".repeat(1024)}});
        f.server.apply(cm.clone());
        objects.push(cm);
    }
    let live = synced(LiveOptions {
        page_size: 500,
        ..options(&f.kubeconfig)
    })
    .await;
    let snap = live.snapshot();
    assert_eq!(snap.objects, 300);
    assert_eq!(shape(&snap.graph), shape(&expected(&[("prod", &objects)])));
    let lists: Vec<_> = f
        .server
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v1/configmaps" && !r.query.contains("watch=true"))
        .collect();
    assert!(!lists.is_empty());
    for r in lists {
        assert!(
            r.accept_encoding
                .as_deref()
                .is_some_and(|e| e.contains("gzip")),
            "{r:?}"
        );
    }
}

/// Every way a kubeconfig user authenticates that a test here can exercise, each its own
/// context against one https server: a token, a token file, an exec plugin
/// (`client.authentication.k8s.io/v1`, as `aws eks get-token`, `gke-gcloud-auth-plugin` and
/// `kubelogin` are), a client certificate (kubeadm's and kind's admin kubeconfig). A plugin
/// that fails and a user with no credentials are each one warning naming the context and the
/// cause; the others are read in full.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_way_to_authenticate_reaches_the_cluster() {
    let server = TestApiServer::start_tls().await;
    let objects = shop();
    apply_all(&server, &objects);
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, TestApiServer::TOKEN).unwrap();
    let credential = json!({
        "apiVersion": "client.authentication.k8s.io/v1",
        "kind": "ExecCredential",
        "status": {"token": TestApiServer::TOKEN},
    });
    let plugin = |script: String| {
        json!({"exec": {
            "apiVersion": "client.authentication.k8s.io/v1",
            "command": "sh",
            "args": ["-c", script],
            "interactiveMode": "Never",
        }})
    };
    let certificate = server.client_certificate().unwrap();
    let users = [
        ("token", json!({"token": TestApiServer::TOKEN})),
        ("token-file", json!({"tokenFile": token_file})),
        ("exec", plugin(format!("printf '%s' '{credential}'"))),
        (
            "exec-failing",
            plugin("echo 'the session has expired: run login' >&2; exit 1".into()),
        ),
        ("client-certificate", certificate.kubeconfig_user()),
        (
            // Allowed to talk to the user, as most are: kube lets it write to the terminal.
            "exec-interactive-failing",
            json!({"exec": {
                "apiVersion": "client.authentication.k8s.io/v1beta1",
                "command": "sh",
                "args": ["-c", "echo 'open this link to log in' >&2; exit 3"],
            }}),
        ),
        (
            "exec-missing",
            json!({"exec": {
                "apiVersion": "client.authentication.k8s.io/v1",
                "command": "kubegraph-no-such-plugin",
                "interactiveMode": "Never",
            }}),
        ),
        ("anonymous", json!({})),
        (
            "certificate-file-missing",
            json!({"client-certificate": "/nonexistent/cert.pem", "client-key": "/nonexistent/key.pem"}),
        ),
    ];
    let contexts: Vec<(&str, &TestApiServer, Value)> = users
        .iter()
        .map(|(name, user)| (*name, &server, user.clone()))
        .collect();
    let kubeconfig = dir.path().join("config");
    std::fs::write(
        &kubeconfig,
        TestApiServer::kubeconfig_with(&contexts, "token"),
    )
    .unwrap();
    let mut opts = options(&kubeconfig);
    opts.contexts = ContextChoice {
        names: vec![],
        all: true,
    };
    let live = synced(opts).await;
    let mut warnings: Vec<String> = live.take_warnings().iter().map(|w| w.to_string()).collect();
    warnings.sort();
    assert_eq!(warnings.len(), 5, "{warnings:?}");
    let url = server.url();
    assert_eq!(
        warnings[0],
        format!(
            "context anonymous: {url}/ refused the credentials of the context's user \
             (401 Unauthorized): log in again, or check its token, client certificate or exec \
             plugin"
        )
    );
    assert!(
        warnings[1].starts_with(
            "context certificate-file-missing: the kubeconfig's settings for it are unusable: "
        ) && warnings[1].contains("/nonexistent/cert.pem"),
        "{warnings:?}"
    );
    assert_eq!(
        warnings[2],
        "context exec-failing: the exec plugin `sh` failed (exit status: 1): the session has \
         expired: run login"
    );
    assert_eq!(
        warnings[3],
        "context exec-interactive-failing: the exec plugin `sh` failed (exit status: 3): (what it \
         said is above)"
    );
    assert!(
        warnings[4].starts_with(
            "context exec-missing: cannot run the exec plugin `kubegraph-no-such-plugin`: "
        ) && warnings[4].ends_with("(is it installed and on PATH?)"),
        "{warnings:?}"
    );
    let snap = live.snapshot();
    let clusters: Vec<&str> = snap.graph.clusters().map(|(_, n, _)| n).collect();
    assert_eq!(
        clusters,
        ["token", "token-file", "exec", "client-certificate"]
    );
    let each: Vec<(&str, &[Value])> = clusters.iter().map(|c| (*c, &objects[..])).collect();
    assert_eq!(shape(&snap.graph), shape(&expected(&each)));
}
