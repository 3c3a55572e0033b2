//! The peers' own test cases, read for what they claim about references (issue 17): kube-score's
//! Ingress backends (`score/testdata`, `score/*_test.go`) and popeye's lint tests
//! (`internal/lint/*_test.go` and testdata). Inputs copied into `tests/data/` (NOTICE files
//! there); each test says what the peer concludes and asserts kubegraph's exact edges and
//! warnings.

use kubegraph_files::{load_paths, LoadOptions, Loaded};
use kubegraph_fixtures::{attrs, edges, graph};
use kubegraph_graph::Graph;
use kubegraph_model::EdgeKind;
use kubegraph_relations::graph_from_objects;
use serde_json::json;
use std::path::PathBuf;

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn load(paths: &[&str]) -> Loaded {
    let paths: Vec<PathBuf> = paths.iter().map(|p| data(p)).collect();
    load_paths(&paths, &LoadOptions::default()).expect("test data readable")
}

/// The warnings of a load, as printed (the data folder's path made relative).
fn warnings(loaded: &Loaded) -> Vec<String> {
    let root = format!(
        "{}/",
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .display()
    );
    loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string().replace(&root, ""))
        .collect()
}

fn graph_of(loaded: Loaded) -> Graph {
    graph_from_objects("test", loaded.objects).0
}

/// kube-score grades a `networking.k8s.io/v1` Ingress whose backend is written with the v1beta1
/// fields `serviceName`/`servicePort` as naming no Service ("Ingress targets Service":
/// critical): v1 has no such fields, and the API server rejects the object. kubegraph draws no
/// route (and so no placeholder Service), and warns at the file and line.
#[test]
fn kube_score_v1_ingress_with_v1beta1_backend_fields_routes_nowhere_with_a_warning() {
    let loaded = load(&["kube-score/ingress-v1-invalid-backend.yaml"]);
    assert_eq!(
        warnings(&loaded),
        ["kube-score/ingress-v1-invalid-backend.yaml:1:1: Ingress default/whatever: spec.rules[0].http.paths[0].backend: `serviceName`/`servicePort` are fields of networking.k8s.io/v1beta1, which networking.k8s.io/v1 does not have (hint: the API server rejects this Ingress, so kubegraph draws no route for this backend; write `service: {name: ..., port: {number: ...}}`)"]
    );
    let g = graph_of(loaded);
    assert_eq!(edges(&g, EdgeKind::Routes), Vec::<String>::new());
    assert!(
        !g.nodes().any(|(_, n)| n.object.kind == "Service"),
        "no placeholder Service"
    );
}

/// The same with the Service present (kube-score's issue 363 input): still no route.
#[test]
fn kube_score_issue_363_no_route_to_an_existing_service_either() {
    let loaded = load(&["kube-score/ingress_issue363.yaml"]);
    assert_eq!(warnings(&loaded).len(), 1);
    assert!(warnings(&loaded)[0].starts_with("kube-score/ingress_issue363.yaml:1:1: Ingress testspace/app-ingress: spec.rules[0].http.paths[0].backend:"));
    let g = graph_of(loaded);
    assert_eq!(edges(&g, EdgeKind::Routes), Vec::<String>::new());
}

/// Each version's own fields route, without a warning (kube-score: all OK).
#[test]
fn kube_score_each_ingress_version_with_its_own_fields_routes_to_the_service() {
    for file in [
        "kube-score/ingress-networkingv1-targets-service.yaml",
        "kube-score/ingress-networkingv1beta1-targets-service.yaml",
    ] {
        let loaded = load(&[file]);
        assert_eq!(warnings(&loaded), Vec::<String>::new(), "{file}");
        let g = graph_of(loaded);
        assert_eq!(
            edges(&g, EdgeKind::Routes),
            ["networking.k8s.io/Ingress:testspace/app-ingress -> Service:testspace/app-service"],
            "{file}"
        );
    }
}

/// The reverse leniency: a v1beta1 Ingress written with v1's `service` and `defaultBackend`
/// routes nowhere either, with a warning for each.
#[test]
fn a_v1beta1_ingress_with_v1_fields_routes_nowhere_with_warnings() {
    let loaded = kubegraph_files::load_bytes(
        "beta.yaml",
        br#"apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: {name: beta, namespace: shop}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
  - http:
      paths:
      - {path: /, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /old, backend: {serviceName: old, servicePort: 80}}
"#,
        &LoadOptions::default(),
    );
    let w: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with("beta.yaml:1:1: Ingress shop/beta: spec.defaultBackend: `defaultBackend` is a networking.k8s.io/v1 field, which v1beta1 does not have"), "{w:?}");
    assert!(w[1].starts_with("beta.yaml:1:1: Ingress shop/beta: spec.rules[0].http.paths[0].backend: `service` is a networking.k8s.io/v1 field"), "{w:?}");
    let g = graph_of(loaded);
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        ["networking.k8s.io/Ingress:shop/beta -> Service:shop/old (missing)"]
    );
}

/// popeye (cm_test.go) reports key `fred.yaml` of cm1 unused, because the pod reads only key
/// `ns` of it; cm3 fully used through a volume projecting `k1` and `k2`; cm4 unused. A volume
/// with `items` uses only those keys, so its `mounts` edge records them, as env references'
/// `uses` edges do. (popeye also calls cm2 unused, though the pod's projected volume reads it:
/// kubegraph counts projected sources as the references they are.)
#[test]
fn popeye_volumes_with_items_record_the_keys_they_project() {
    let loaded = load(&["popeye/cm-1.yaml", "popeye/pod-1.yaml"]);
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let g = graph_of(loaded);
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "Pod:default/p1 -> ConfigMap:default/cm2",
            "Pod:default/p1 -> ConfigMap:default/cm3",
            "Pod:default/p1 -> PersistentVolumeClaim:default/pvc1 (missing)",
            "Pod:default/p1 -> Secret:default/sec1 (missing)",
            "Pod:default/p1 -> Secret:default/sec2 (missing)",
        ]
    );
    let keys = |to: &str| {
        attrs(&g, EdgeKind::Mounts, "Pod:default/p1", to)
            .get("keys")
            .cloned()
    };
    assert_eq!(keys("ConfigMap:default/cm3"), Some(json!(["k1", "k2"])));
    assert_eq!(keys("ConfigMap:default/cm2"), Some(json!(["k1", "k2"])));
    assert_eq!(
        keys("Secret:default/sec1 (missing)"),
        Some(json!(["ca.crt", "namespace"]))
    );
    assert_eq!(
        keys("Secret:default/sec2 (missing)"),
        Some(json!(["admin-user", "admin-password"]))
    );
    // A claim has no keys.
    assert_eq!(keys("PersistentVolumeClaim:default/pvc1 (missing)"), None);
    // cm1 is used through env only, by one key: the `fred.yaml` question is answered by keys.
    assert_eq!(
        edges(&g, EdgeKind::Uses)
            .into_iter()
            .filter(|e| e.contains("ConfigMap"))
            .collect::<Vec<_>>(),
        ["Pod:default/p1 -> ConfigMap:default/cm1"]
    );
    assert_eq!(
        attrs(
            &g,
            EdgeKind::Uses,
            "Pod:default/p1",
            "ConfigMap:default/cm1"
        )["keys"],
        json!(["ns"])
    );
    // cm4: no edge at all.
    assert!(!edges(&g, EdgeKind::Mounts)
        .iter()
        .chain(&edges(&g, EdgeKind::Uses))
        .any(|e| e.contains("cm4")));
}

/// One volume mounting the whole object and another projecting some keys: every key is used,
/// so the merged edge records no `keys`; two volumes with items record the union.
#[test]
fn a_whole_object_volume_means_every_key_and_item_volumes_union_their_keys() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers: [{name: c, image: x}]
  volumes:
  - {name: a, configMap: {name: both, items: [{key: k1, path: k1}]}}
  - {name: b, configMap: {name: both}}
  - {name: c, configMap: {name: two, items: [{key: k1, path: k1}]}}
  - {name: d, configMap: {name: two, items: [{key: k2, path: k2}, {key: k1, path: again}]}}
  - {name: e, configMap: {name: empty, items: []}}
"#,
    );
    let a = |to: &str| attrs(&g, EdgeKind::Mounts, "Pod:shop/p", to);
    assert_eq!(a("ConfigMap:shop/both (missing)").get("keys"), None);
    assert_eq!(
        a("ConfigMap:shop/both (missing)")["volumes"],
        json!(["a", "b"])
    );
    assert_eq!(
        a("ConfigMap:shop/two (missing)")["keys"],
        json!(["k1", "k2"])
    );
    // `items: []` is every key, as the API reads an empty list.
    assert_eq!(a("ConfigMap:shop/empty (missing)").get("keys"), None);
}

/// popeye (cr_test.go, TestCRLintAggregations) finds cr5 used, because cr4's aggregationRule
/// selects it by label. kubegraph draws that relation: cr4 -aggregates-> cr5, and nothing to
/// cr4 itself or to ClusterRoles without the label.
#[test]
fn popeye_cluster_role_aggregation_is_an_edge_to_each_selected_role() {
    let loaded = load(&["popeye/cr-2.yaml"]);
    assert_eq!(warnings(&loaded), Vec::<String>::new());
    let mut objects = loaded.objects;
    objects.extend(
        kubegraph_files::load_bytes(
            "more.yaml",
            br#"apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: unlabelled}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: wrong-value, labels: {rbac.authorization.k8s.io/aggregate-to-cr4: "false"}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: a-role, namespace: x, labels: {rbac.authorization.k8s.io/aggregate-to-cr4: "true"}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
aggregationRule:
  clusterRoleSelectors: [{}]
"#,
            &LoadOptions::default(),
        )
        .objects,
    );
    let g = graph_from_objects("test", objects).0;
    assert_eq!(
        edges(&g, EdgeKind::Aggregates),
        [
            "rbac.authorization.k8s.io/ClusterRole:cr4 -> rbac.authorization.k8s.io/ClusterRole:cr5",
            // An empty selector selects every ClusterRole but the aggregating one.
            "rbac.authorization.k8s.io/ClusterRole:everything -> rbac.authorization.k8s.io/ClusterRole:cr4",
            "rbac.authorization.k8s.io/ClusterRole:everything -> rbac.authorization.k8s.io/ClusterRole:cr5",
            "rbac.authorization.k8s.io/ClusterRole:everything -> rbac.authorization.k8s.io/ClusterRole:unlabelled",
            "rbac.authorization.k8s.io/ClusterRole:everything -> rbac.authorization.k8s.io/ClusterRole:wrong-value",
        ]
    );
}

/// popeye (crb_test.go) reports crb3's `roleRef` as "a Role (r-bozo) which does not exist". A
/// ClusterRoleBinding can only bind a ClusterRole: the API server rejects crb3. kubegraph draws
/// no edge to a role for it, and warns with the file and line (of the list it is an item of:
/// items of a YAML `List` are located at the list); its subjects are still bound.
#[test]
fn popeye_a_cluster_role_binding_to_a_role_is_warned_about_and_binds_no_role() {
    let loaded = load(&["popeye/crb-1.yaml"]);
    assert_eq!(
        warnings(&loaded),
        ["popeye/crb-1.yaml:2:1: ClusterRoleBinding crb3: roleRef: a ClusterRoleBinding can only bind a ClusterRole, not Role `r-bozo` (hint: the API server rejects this binding, so kubegraph draws no edge to the role; bind a ClusterRole, or use a RoleBinding in the Role's namespace)"]
    );
    let g = graph_of(loaded);
    let roles: Vec<String> = edges(&g, EdgeKind::Binds)
        .into_iter()
        .filter(|e| e.contains("Role:"))
        .collect();
    assert_eq!(
        roles,
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:crb1 -> rbac.authorization.k8s.io/ClusterRole:cr1 (missing)",
            "rbac.authorization.k8s.io/ClusterRoleBinding:crb2 -> rbac.authorization.k8s.io/ClusterRole:cr-bozo (missing)",
        ]
    );
    assert!(edges(&g, EdgeKind::Binds)
        .contains(&"rbac.authorization.k8s.io/ClusterRoleBinding:crb3 -> ServiceAccount:default/sa-bozo (missing)".to_string()));
}
