use super::*;
use kubegraph_model::json::from_serde;
use serde_json::json;

fn object(v: serde_json::Value) -> Arc<Object> {
    Arc::new(Object::from_value(from_serde(&v)).unwrap())
}

fn upsert(g: &mut Incremental, c: ClusterId, v: serde_json::Value) {
    let o = object(v);
    let e = Arc::new(crate::extract(&o));
    g.upsert(c, o, e);
}

fn pod(labels: serde_json::Value) -> serde_json::Value {
    json!({"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "p", "namespace": "shop", "labels": labels},
        "spec": {"containers": [{"name": "c", "image": "web:1",
            "env": [{"name": "PW", "valueFrom": {"secretKeyRef": {"name": "db", "key": "pw"}}}],
            "envFrom": [{"secretRef": {"name": "db"}}]}],
            "volumes": [{"name": "v", "secret": {"secretName": "db"}}]}})
}

fn find(g: &Incremental, c: ClusterId, kind: &str, ns: Option<&str>, name: &str) -> NodeId {
    g.graph().lookup(c, "", kind, ns, name).expect("present")
}

#[test]
fn a_deleted_object_still_referenced_is_a_placeholder_with_the_same_id() {
    let mut g = Incremental::new();
    let c = g.add_cluster("c");
    upsert(&mut g, c, pod(json!({"app": "web"})));
    let secret = json!({"apiVersion": "v1", "kind": "Secret",
        "metadata": {"name": "db", "namespace": "shop", "uid": "s1"}});
    upsert(&mut g, c, secret.clone());
    let s = find(&g, c, "Secret", Some("shop"), "db");
    assert_eq!(g.graph().node(s).origin, Origin::Source);
    // Two references make one edge, their attributes merged as a fresh build merges them.
    let p = find(&g, c, "Pod", Some("shop"), "p");
    let attrs = |g: &Graph, p, s| {
        let e = g
            .edge_id(p, s, EdgeKind::Uses)
            .expect("the pod uses the secret");
        serde_json::to_string(&g.edge(e).attrs).unwrap()
    };
    let objects = g
        .graph()
        .nodes()
        .filter(|(_, n)| n.origin == Origin::Source);
    let objects: Vec<Object> = objects.map(|(_, n)| (*n.object).clone()).collect();
    let (fresh, _) = crate::graph_from_objects("c", objects);
    let (fp, fs) = (
        fresh.lookup(c, "", "Pod", Some("shop"), "p").unwrap(),
        fresh.lookup(c, "", "Secret", Some("shop"), "db").unwrap(),
    );
    assert_eq!(attrs(g.graph(), p, s), attrs(&fresh, fp, fs));
    let merged = attrs(g.graph(), p, s);
    assert!(
        merged.contains("envFrom") && merged.contains("\"pw\""),
        "{merged}"
    );

    assert!(g.remove(c, "", "Secret", Some("shop"), "db"));
    assert_eq!(find(&g, c, "Secret", Some("shop"), "db"), s);
    assert_eq!(g.graph().node(s).origin, Origin::Placeholder);
    assert_eq!(g.graph().lookup_uid(c, "s1"), None);
    assert!(g.graph().edge_id(p, s, EdgeKind::Uses).is_some());

    upsert(&mut g, c, secret);
    assert_eq!(
        g.graph()
            .node(find(&g, c, "Secret", Some("shop"), "db"))
            .origin,
        Origin::Source
    );
    assert_eq!(find(&g, c, "Secret", Some("shop"), "db"), s);
}

#[test]
fn what_nothing_wants_goes_and_an_undeclared_namespace_goes_with_its_last_object() {
    let mut g = Incremental::new();
    let c = g.add_cluster("c");
    upsert(&mut g, c, pod(json!({"app": "web"})));
    let ns = find(&g, c, "Namespace", None, "shop");
    assert_eq!(g.graph().node(ns).origin, Origin::Implied);
    let images = |g: &Incremental| {
        g.graph()
            .nodes()
            .filter(|(_, n)| n.object.kind == "Image")
            .count()
    };
    assert_eq!(images(&g), 1);
    assert!(g.remove(c, "", "Pod", Some("shop"), "p"));
    // Only the cluster node is left: no placeholder, image, container or namespace.
    assert_eq!(g.graph().node_count(), 1);
    assert_eq!(g.graph().edge_count(), 0);
    assert!(!g.remove(c, "", "Pod", Some("shop"), "p"));
}

#[test]
fn a_relabelled_pod_leaves_one_service_and_joins_another() {
    let mut g = Incremental::new();
    let c = g.add_cluster("c");
    for (name, app) in [("web", "web"), ("api", "api")] {
        upsert(
            &mut g,
            c,
            json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": name, "namespace": "shop"},
            "spec": {"selector": {"app": app}}}),
        );
    }
    upsert(&mut g, c, pod(json!({"app": "web"})));
    let (web, api) = (
        find(&g, c, "Service", Some("shop"), "web"),
        find(&g, c, "Service", Some("shop"), "api"),
    );
    let p = find(&g, c, "Pod", Some("shop"), "p");
    let selects = |g: &Incremental, s| g.graph().edge_id(s, p, EdgeKind::Selects).is_some();
    assert!(selects(&g, web) && !selects(&g, api));
    upsert(&mut g, c, pod(json!({"app": "api"})));
    assert!(!selects(&g, web) && selects(&g, api));
}

#[test]
fn aggregation_follows_cluster_roles_appearing_relabelled_and_removed() {
    let mut g = Incremental::new();
    let c = g.add_cluster("c");
    let rbac = "rbac.authorization.k8s.io";
    let role = |name: &str, labels: serde_json::Value| {
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": name, "labels": labels}})
    };
    let aggregated = json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
        "metadata": {"name": "agg"},
        "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"agg": "yes"}}]}});
    // The aggregated edges of the kept-current graph, and of a fresh build of its objects.
    let aggregates = |g: &Graph| {
        let mut v: Vec<(String, String)> = g
            .edges()
            .iter()
            .filter(|e| e.kind == EdgeKind::Aggregates)
            .map(|e| {
                (
                    g.node(e.from).object.name.clone(),
                    g.node(e.to).object.name.clone(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let fresh = |g: &Incremental| {
        let objects: Vec<Object> = g
            .graph()
            .nodes()
            .filter(|(_, n)| n.origin == Origin::Source)
            .map(|(_, n)| (*n.object).clone())
            .collect();
        aggregates(&crate::graph_from_objects("c", objects).0)
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    upsert(&mut g, c, aggregated.clone());
    assert_eq!(aggregates(g.graph()), []);
    // A labelled role appears after the aggregating one.
    upsert(&mut g, c, role("view", json!({"agg": "yes"})));
    assert_eq!(aggregates(g.graph()), [pair("agg", "view")]);
    assert_eq!(aggregates(g.graph()), fresh(&g));
    upsert(&mut g, c, role("edit", json!({"other": "x"})));
    assert_eq!(aggregates(g.graph()), [pair("agg", "view")]);
    // Relabelled: joins, and the other leaves.
    upsert(&mut g, c, role("edit", json!({"agg": "yes"})));
    upsert(&mut g, c, role("view", json!({})));
    assert_eq!(aggregates(g.graph()), [pair("agg", "edit")]);
    assert_eq!(aggregates(g.graph()), fresh(&g));
    // Removed: the edge goes, and no placeholder stays for it.
    assert!(g.remove(c, rbac, "ClusterRole", None, "edit"));
    assert_eq!(aggregates(g.graph()), []);
    assert_eq!(g.graph().lookup(c, rbac, "ClusterRole", None, "edit"), None);
    // The aggregating role itself changes its selector.
    upsert(
        &mut g,
        c,
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": "agg"},
            "aggregationRule": {"clusterRoleSelectors": [{}]}}),
    );
    assert_eq!(aggregates(g.graph()), [pair("agg", "view")]);
    assert_eq!(aggregates(g.graph()), fresh(&g));
}
