//! Rules 6–8 (service / PDB / network policy selectors), 21–27 (ingress, endpoints, external
//! names, StatefulSet services), 30 (HPA), 31 (policy types), 32–33 (webhooks, API services) and
//! 35 (Gateway API) of `docs/relations.md`.

use kubegraph_fixtures::{attrs, edges, fixture, fixture_with, graph, label};
use kubegraph_graph::Graph;
use kubegraph_model::EdgeKind;
use serde_json::json;

/// Pods `web-1` (app=web, tier=front), `web-2` (app=web, tier=back, canary=yes), `api-1`
/// (app=api) in `shop`, plus a pod `web-1` with the same labels in `other`.
const PODS: &str = r#"
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: web, tier: front}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, namespace: shop, labels: {app: web, tier: back, canary: "yes"}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-1, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: other, labels: {app: web, tier: front}}
spec: {containers: [{name: c, image: nginx}]}
"#;

fn with_pods(yaml: &str) -> Graph {
    graph(&format!("{PODS}\n---\n{yaml}"))
}

// ---------------------------------------------------------------- rule 6 / 8: services

#[test]
fn service_selects_pods_and_templates_of_its_namespace_only() {
    let g = with_pods(
        r#"
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: web-report, namespace: shop}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: web, job: report}}
        spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: other}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: web-rc, namespace: shop}
spec:
  selector: {app: web, tier: front}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            // The StatefulSet in `other` selects its namespace's pod, never shop's.
            "ReplicationController:shop/web-rc -> Pod:shop/web-1",
            "Service:shop/web -> Pod:shop/web-1",
            "Service:shop/web -> Pod:shop/web-2",
            "Service:shop/web -> ReplicationController:shop/web-rc",
            "Service:shop/web -> batch/CronJob:shop/web-report",
            "apps/StatefulSet:other/web -> Pod:other/web-1",
        ]
    );
}

#[test]
fn service_selector_must_be_a_subset_of_the_pod_labels() {
    let g = with_pods(
        r#"
apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {selector: {app: web, tier: front}}
---
apiVersion: v1
kind: Service
metadata: {name: nobody, namespace: shop}
spec: {selector: {app: web, tier: middle}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        ["Service:shop/front -> Pod:shop/web-1"]
    );
}

#[test]
fn service_with_missing_or_empty_selector_selects_nothing() {
    // `selector: {}` is stored by the API server as no selector: the service selects nothing
    // (its endpoints are managed by hand), unlike an empty LabelSelector.
    let g = with_pods(
        r#"
apiVersion: v1
kind: Service
metadata: {name: none, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: shop}
spec: {selector: {}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: null-selector, namespace: shop}
spec: {selector: null, ports: [{port: 80}]}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::Selects), Vec::<String>::new());
    assert!(g
        .nodes()
        .any(|(_, n)| n.object.is("", "Service") && n.object.name == "empty"));
}

#[test]
fn service_kind_of_another_group_neither_selects_nor_is_routed_to() {
    let g = with_pods(
        r#"
apiVersion: example.com/v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, type: ExternalName, externalName: db.example.com}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::Selects), Vec::<String>::new());
    // The backend is the core Service `web`, absent: a placeholder, not example.com's.
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        ["networking.k8s.io/Ingress:shop/web -> Service:shop/web (missing)"]
    );
}

// ---------------------------------------------------------------- rules 7 / 8: PDBs

#[test]
fn pdb_selects_with_full_label_selector_in_its_namespace() {
    let g = with_pods(
        r#"
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-stable, namespace: shop}
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
    matchExpressions:
    - {key: canary, operator: DoesNotExist}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: tiers, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
    - {key: tier, operator: In, values: [back, edge]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: not-front, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
    - {key: tier, operator: NotIn, values: [front]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: tiered, namespace: shop}
spec:
  maxUnavailable: 1
  selector:
    matchExpressions:
    - {key: tier, operator: Exists}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: other}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: back}}
    spec: {containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "apps/Deployment:other/web -> Pod:other/web-1",
            "policy/PodDisruptionBudget:shop/not-front -> Pod:shop/api-1",
            "policy/PodDisruptionBudget:shop/not-front -> Pod:shop/web-2",
            "policy/PodDisruptionBudget:shop/tiered -> Pod:shop/web-1",
            "policy/PodDisruptionBudget:shop/tiered -> Pod:shop/web-2",
            "policy/PodDisruptionBudget:shop/tiers -> Pod:shop/web-2",
            "policy/PodDisruptionBudget:shop/web-stable -> Pod:shop/web-1",
        ]
    );
}

#[test]
fn pdb_empty_selector_is_everything_in_v1_and_nothing_in_v1beta1() {
    let g = with_pods(
        r#"
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: shop}
spec: {maxUnavailable: 1, selector: {}}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: legacy-empty, namespace: shop}
spec: {maxUnavailable: 1, selector: {}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: no-selector, namespace: shop}
spec: {maxUnavailable: 1}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: legacy-web, namespace: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: batch, namespace: shop}
spec:
  selector: {matchLabels: {app: batch}}
  template:
    metadata: {labels: {app: batch}}
    spec: {containers: [{name: c, image: busybox}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "policy/PodDisruptionBudget:shop/all -> Pod:shop/api-1",
            "policy/PodDisruptionBudget:shop/all -> Pod:shop/web-1",
            "policy/PodDisruptionBudget:shop/all -> Pod:shop/web-2",
            "policy/PodDisruptionBudget:shop/all -> apps/Deployment:shop/batch",
            "policy/PodDisruptionBudget:shop/legacy-web -> Pod:shop/api-1",
        ]
    );
}

// ---------------------------------------------------------------- rules 8 / 31: network policies

#[test]
fn network_policy_applies_to_pods_and_workloads_of_its_namespace() {
    let g = with_pods(
        r#"
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-only, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: web}
    matchExpressions:
    - {key: tier, operator: NotIn, values: [back]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: unlabelled, namespace: empty-ns}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-selector, namespace: other}
# podSelector is a required non-pointer field: an absent one decodes as {}, every pod.
spec: {policyTypes: [Ingress]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: c, image: agent}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::AppliesTo),
        [
            "networking.k8s.io/NetworkPolicy:other/no-selector -> Pod:other/web-1",
            "networking.k8s.io/NetworkPolicy:shop/deny-all -> Pod:shop/api-1",
            "networking.k8s.io/NetworkPolicy:shop/deny-all -> Pod:shop/web-1",
            "networking.k8s.io/NetworkPolicy:shop/deny-all -> Pod:shop/web-2",
            "networking.k8s.io/NetworkPolicy:shop/deny-all -> apps/DaemonSet:shop/agent",
            "networking.k8s.io/NetworkPolicy:shop/web-only -> Pod:shop/web-1",
        ]
    );
    // A network policy never `selects`: that kind is for services, PDBs and controllers.
    assert_eq!(edges(&g, EdgeKind::Selects), Vec::<String>::new());
}

#[test]
fn network_policy_types_follow_api_server_defaulting() {
    let g = with_pods(
        r#"
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: declared, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  ingress: [{from: [{podSelector: {}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: defaulted, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  egress: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: with-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  egress: [{to: [{podSelector: {}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-types, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: []
  egress: [{}]
"#,
    );
    let np = |name: &str| format!("networking.k8s.io/NetworkPolicy:shop/{name} -> Pod:shop/api-1");
    assert_eq!(
        edges(&g, EdgeKind::AppliesTo),
        [
            np("declared"),
            np("defaulted"),
            np("empty-egress"),
            np("empty-types"),
            np("with-egress")
        ]
    );
    let types = |name: &str| {
        attrs(
            &g,
            EdgeKind::AppliesTo,
            &format!("networking.k8s.io/NetworkPolicy:shop/{name}"),
            "Pod:shop/api-1",
        )["policy_types"]
            .clone()
    };
    assert_eq!(types("declared"), json!(["Egress"]));
    assert_eq!(types("defaulted"), json!(["Ingress"]));
    assert_eq!(types("empty-egress"), json!(["Ingress"]));
    assert_eq!(types("with-egress"), json!(["Ingress", "Egress"]));
    assert_eq!(types("empty-types"), json!(["Ingress", "Egress"]));
}

#[test]
fn extensions_network_policy_is_the_networking_kind() {
    let g = with_pods(
        r#"
apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: legacy, namespace: shop}
spec: {podSelector: {matchLabels: {app: api}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::AppliesTo),
        ["networking.k8s.io/NetworkPolicy:shop/legacy -> Pod:shop/api-1"]
    );
}

// ---------------------------------------------------------------- rules 21–22: ingresses

#[test]
fn ingress_v1_routes_to_backends_and_uses_tls_secret_and_class() {
    let g = graph(
        r#"
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  # ignored: ingressClassName is set
  annotations: {kubernetes.io/ingress.class: traefik}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: fallback, port: {number: 80}}}
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
      - path: /static
        pathType: Prefix
        backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: other}
spec: {selector: {app: api}}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: other}
type: kubernetes.io/tls
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "networking.k8s.io/Ingress:shop/shop -> Service:shop/api (missing)",
            "networking.k8s.io/Ingress:shop/shop -> Service:shop/fallback (missing)",
            "networking.k8s.io/Ingress:shop/shop -> Service:shop/web",
            "networking.k8s.io/Ingress:shop/shop -> k8s.example.com/StorageBucket:shop/assets (missing)",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "networking.k8s.io/Ingress:shop/shop -> Secret:shop/shop-tls (missing)",
            "networking.k8s.io/Ingress:shop/shop -> networking.k8s.io/IngressClass:nginx",
        ]
    );
    let web = attrs(
        &g,
        EdgeKind::Routes,
        "networking.k8s.io/Ingress:shop/shop",
        "Service:shop/web",
    );
    assert_eq!(
        web["paths"],
        json!([{"host": "shop.example.com", "path": "/", "port": "http"}])
    );
    let fallback = attrs(
        &g,
        EdgeKind::Routes,
        "networking.k8s.io/Ingress:shop/shop",
        "Service:shop/fallback (missing)",
    );
    assert_eq!(
        fallback["paths"],
        json!([{"host": null, "path": null, "port": 80}])
    );
    let class = attrs(
        &g,
        EdgeKind::Uses,
        "networking.k8s.io/Ingress:shop/shop",
        "networking.k8s.io/IngressClass:nginx",
    );
    assert_eq!(class["optional"], json!(false));
}

#[test]
fn ingress_v1beta1_shapes_and_class_annotation() {
    let g = graph(
        r#"
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: legacy
  namespace: shop
  annotations: {kubernetes.io/ingress.class: nginx}
spec:
  backend: {serviceName: fallback, servicePort: 80}
  tls: [{secretName: legacy-tls}]
  rules:
  - host: a.example.com
    http:
      paths:
      - {path: /, backend: {serviceName: web, servicePort: http}}
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: {name: beta, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - {path: /, backend: {serviceName: web, servicePort: 8080}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: fallback, namespace: shop}
spec: {selector: {app: fallback}}
---
apiVersion: v1
kind: Secret
metadata: {name: legacy-tls, namespace: shop}
type: kubernetes.io/tls
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "networking.k8s.io/Ingress:shop/beta -> Service:shop/web",
            "networking.k8s.io/Ingress:shop/legacy -> Service:shop/fallback",
            "networking.k8s.io/Ingress:shop/legacy -> Service:shop/web",
        ]
    );
    // The annotation names a class that need not exist as an object (controllers honour it
    // without one): the placeholder shows it, and the reference is optional.
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "networking.k8s.io/Ingress:shop/legacy -> Secret:shop/legacy-tls",
            "networking.k8s.io/Ingress:shop/legacy -> networking.k8s.io/IngressClass:nginx (missing)",
        ]
    );
    let class = attrs(
        &g,
        EdgeKind::Uses,
        "networking.k8s.io/Ingress:shop/legacy",
        "networking.k8s.io/IngressClass:nginx (missing)",
    );
    assert_eq!(class["optional"], json!(true));
    assert_eq!(class["via"], json!(["annotation"]));
    let web = attrs(
        &g,
        EdgeKind::Routes,
        "networking.k8s.io/Ingress:shop/legacy",
        "Service:shop/web",
    );
    assert_eq!(
        web["paths"],
        json!([{"host": "a.example.com", "path": "/", "port": "http"}])
    );
}

// ---------------------------------------------------------------- rules 23–26: endpoints

#[test]
fn service_routes_to_endpoints_and_slices_which_route_to_pods_and_nodes() {
    let g = graph(
        r#"
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Endpoints
metadata: {name: web, namespace: shop}
subsets:
- addresses:
  - ip: 10.0.0.1
    targetRef: {kind: Pod, name: web-1, namespace: shop}
  - ip: 10.0.0.9
    targetRef: {kind: Pod, name: gone, namespace: shop}
  - ip: 192.168.0.1
    targetRef: {kind: Node, name: node-a}
  notReadyAddresses:
  - ip: 10.0.0.2
    targetRef: {kind: Pod, name: web-2, namespace: shop}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: web, namespace: other}
subsets: [{addresses: [{ip: 10.1.0.1}], ports: [{port: 80}]}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abc
  namespace: shop
  labels: {kubernetes.io/service-name: web}
addressType: IPv4
endpoints:
- addresses: [10.0.0.1]
  conditions: {ready: true}
  targetRef: {kind: Pod, name: web-1, namespace: shop}
- addresses: [10.0.0.2]
  conditions: {ready: false}
  targetRef: {kind: Pod, name: web-2, namespace: shop}
- addresses: [10.0.0.3]
  targetRef: {kind: Pod, name: web-3, namespace: shop}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-xyz
  namespace: other
  labels: {kubernetes.io/service-name: web}
addressType: IPv4
endpoints: []
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: unlabelled, namespace: shop}
addressType: IPv4
endpoints: []
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-3, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Node
metadata: {name: node-a}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "Endpoints:shop/web -> Node:node-a",
            "Endpoints:shop/web -> Pod:shop/web-1",
            "Endpoints:shop/web -> Pod:shop/web-2",
            "Service:shop/web -> Endpoints:shop/web",
            "Service:shop/web -> discovery.k8s.io/EndpointSlice:shop/web-abc",
            "discovery.k8s.io/EndpointSlice:shop/web-abc -> Pod:shop/web-1",
            "discovery.k8s.io/EndpointSlice:shop/web-abc -> Pod:shop/web-2",
            "discovery.k8s.io/EndpointSlice:shop/web-abc -> Pod:shop/web-3",
        ]
    );
    let ready = |from: &str, to: &str| attrs(&g, EdgeKind::Routes, from, to)["ready"].clone();
    assert_eq!(ready("Endpoints:shop/web", "Pod:shop/web-1"), json!(true));
    assert_eq!(ready("Endpoints:shop/web", "Pod:shop/web-2"), json!(false));
    assert_eq!(ready("Endpoints:shop/web", "Node:node-a"), json!(true));
    let slice = "discovery.k8s.io/EndpointSlice:shop/web-abc";
    assert_eq!(ready(slice, "Pod:shop/web-1"), json!(true));
    assert_eq!(ready(slice, "Pod:shop/web-2"), json!(false));
    // An absent `conditions.ready` means ready (the API's documented "unknown, assume ready").
    assert_eq!(ready(slice, "Pod:shop/web-3"), json!(true));
    assert!(!g.nodes().any(|(_, n)| n.missing()));
}

#[test]
fn endpoints_without_service_or_pods_make_no_placeholders() {
    let g = graph(
        r#"
apiVersion: v1
kind: Endpoints
metadata: {name: manual, namespace: shop}
subsets:
- addresses: [{ip: 10.0.0.1, targetRef: {kind: Pod, name: p, namespace: shop}}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: orphan-1
  namespace: shop
  labels: {kubernetes.io/service-name: orphan}
addressType: IPv4
endpoints: [{addresses: [10.0.0.1], targetRef: {kind: Pod, name: p, namespace: shop}}]
---
apiVersion: v1
kind: Service
metadata: {name: lonely, namespace: shop}
spec: {selector: {app: lonely}}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::Routes), Vec::<String>::new());
    assert!(!g.nodes().any(|(_, n)| n.missing()));
}

#[test]
fn endpoints_target_ref_resolves_by_uid_first() {
    // The targetRef's namespace and name are stale (a renamed dump); the uid still finds the pod.
    let g = graph(
        r#"
apiVersion: v1
kind: Endpoints
metadata: {name: web, namespace: shop}
subsets:
- addresses: [{ip: 10.0.0.1, targetRef: {kind: Pod, name: old-name, namespace: shop, uid: u-1}}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, uid: u-1}
spec: {containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        ["Endpoints:shop/web -> Pod:shop/web-1"]
    );
}

#[test]
fn external_name_service_routes_to_an_external_host() {
    let g = graph(
        r#"
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {type: ExternalName, externalName: DB.Example.com.}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: other}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: not-external, namespace: shop}
spec: {type: ClusterIP, externalName: ignored.example.com, selector: {app: x}}
"#,
    );
    // One host node, shared by both services: it is cluster-wide, not per namespace.
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "Service:other/db -> ExternalHost:db.example.com",
            "Service:shop/db -> ExternalHost:db.example.com",
        ]
    );
}

// ---------------------------------------------------------------- rule 27: StatefulSet service

#[test]
fn service_backs_statefulset_named_by_service_name() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db-headless
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache, namespace: shop}
spec:
  serviceName: cache
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: c, image: redis}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: no-service, namespace: shop}
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: db-headless, namespace: shop}
spec: {clusterIP: None, selector: {app: db}}
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: other}
spec: {clusterIP: None, selector: {app: cache}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        [
            "Service:shop/cache (missing) -> apps/StatefulSet:shop/cache",
            "Service:shop/db-headless -> apps/StatefulSet:shop/db",
        ]
    );
}

// ---------------------------------------------------------------- rule 30: HPA

#[test]
fn hpa_scales_target_by_group_kind_and_namespace() {
    let g = graph(
        r#"
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 3
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: custom, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: example.com/v1, kind: Deployment, name: web}
  maxReplicas: 3
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: legacy, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: extensions/v1beta1, kind: Deployment, name: web}
  maxReplicas: 3
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: absent, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
  maxReplicas: 3
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: other}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Scales),
        [
            "autoscaling/HorizontalPodAutoscaler:shop/absent -> apps/StatefulSet:shop/db (missing)",
            "autoscaling/HorizontalPodAutoscaler:shop/custom -> example.com/Deployment:shop/web (missing)",
            "autoscaling/HorizontalPodAutoscaler:shop/legacy -> apps/Deployment:shop/web",
            "autoscaling/HorizontalPodAutoscaler:shop/web -> apps/Deployment:shop/web",
        ]
    );
}

#[test]
fn hpa_reaches_a_custom_resource_in_its_own_group() {
    let g = graph(
        r#"
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: custom, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: example.com/v1, kind: Deployment, name: web}
  maxReplicas: 3
---
apiVersion: example.com/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {replicas: 1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Scales),
        ["autoscaling/HorizontalPodAutoscaler:shop/custom -> example.com/Deployment:shop/web"]
    );
}

// ---------------------------------------------------------------- rule 32: webhooks

#[test]
fn webhook_configurations_are_backed_by_their_services() {
    let g = graph(
        r#"
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
webhooks:
- name: a.policy.example.com
  clientConfig: {service: {namespace: policy-system, name: webhook, path: /a}}
  failurePolicy: Ignore
  admissionReviewVersions: [v1]
  sideEffects: None
- name: b.policy.example.com
  clientConfig: {service: {namespace: policy-system, name: webhook, path: /b}}
  admissionReviewVersions: [v1]
  sideEffects: None
- name: url.policy.example.com
  clientConfig: {url: "https://hooks.example.com/validate"}
  admissionReviewVersions: [v1]
  sideEffects: None
---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: injector}
webhooks:
- name: inject.example.com
  clientConfig: {service: {namespace: mesh, name: injector}}
  admissionReviewVersions: [v1]
  sideEffects: None
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: MutatingWebhookConfiguration
metadata: {name: legacy}
webhooks:
- name: legacy.example.com
  clientConfig: {service: {namespace: policy-system, name: webhook}}
---
apiVersion: v1
kind: Service
metadata: {name: webhook, namespace: policy-system}
spec: {selector: {app: webhook}}
---
apiVersion: v1
kind: Service
metadata: {name: injector, namespace: default}
spec: {selector: {app: injector}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        [
            "Service:mesh/injector (missing) -> admissionregistration.k8s.io/MutatingWebhookConfiguration:injector",
            "Service:policy-system/webhook -> admissionregistration.k8s.io/MutatingWebhookConfiguration:legacy",
            "Service:policy-system/webhook -> admissionregistration.k8s.io/ValidatingWebhookConfiguration:policy",
        ]
    );
    let hooks = attrs(
        &g,
        EdgeKind::Backs,
        "Service:policy-system/webhook",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration:policy",
    );
    assert_eq!(
        hooks["webhooks"],
        json!([
            {"name": "a.policy.example.com", "failure_policy": "Ignore"},
            {"name": "b.policy.example.com", "failure_policy": "Fail"},
        ])
    );
    // admissionregistration v1beta1 defaulted an unset failurePolicy to Ignore, not Fail.
    let legacy = attrs(
        &g,
        EdgeKind::Backs,
        "Service:policy-system/webhook",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration:legacy",
    );
    assert_eq!(
        legacy["webhooks"],
        json!([{"name": "legacy.example.com", "failure_policy": "Ignore"}])
    );
}

// ---------------------------------------------------------------- rule 33: API services

#[test]
fn api_service_is_backed_by_its_service_unless_local() {
    let g = graph(
        r#"
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec:
  group: metrics.k8s.io
  version: v1beta1
  service: {namespace: kube-system, name: metrics-server}
  groupPriorityMinimum: 100
  versionPriority: 100
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.custom.example.com}
spec:
  group: custom.example.com
  version: v1
  service: {namespace: custom, name: api}
  groupPriorityMinimum: 100
  versionPriority: 100
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.apps}
spec: {group: apps, version: v1, service: null, groupPriorityMinimum: 17800, versionPriority: 15}
---
apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system}
spec: {selector: {app: metrics-server}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: default}
spec: {selector: {app: api}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        [
            "Service:custom/api (missing) -> apiregistration.k8s.io/APIService:v1.custom.example.com",
            "Service:kube-system/metrics-server -> apiregistration.k8s.io/APIService:v1beta1.metrics.k8s.io",
        ]
    );
}

// ---------------------------------------------------------------- rule 35: Gateway API

#[test]
fn gateway_api_routes_honour_group_kind_and_namespace() {
    let g = graph(
        r#"
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: example.com/envoy}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: envoy
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: internal, namespace: shop}
spec:
  gatewayClassName: missing-class
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs:
  - {name: edge, namespace: infra, sectionName: http}
  - {name: internal}
  - {group: "", kind: Service, name: web}
  rules:
  - backendRefs:
    - {name: web, port: 80, weight: 90}
    - {name: web-canary, namespace: canary, port: 80, weight: 10}
  - backendRefs:
    - {group: multicluster.x-k8s.io, kind: ServiceImport, name: web, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: edge}]
  rules: [{backendRefs: [{group: core, kind: Service, name: api, port: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: web-canary, namespace: canary}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}}
---
apiVersion: v1
kind: Service
metadata: {name: web-canary, namespace: shop}
spec: {selector: {app: web}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "gateway.networking.k8s.io/Gateway:infra/edge -> gateway.networking.k8s.io/GatewayClass:envoy",
            "gateway.networking.k8s.io/Gateway:shop/internal -> gateway.networking.k8s.io/GatewayClass:missing-class (missing)",
        ]
    );
    // The GRPCRoute's parent has no namespace: it is `shop/edge`, not `infra/edge`.
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "gateway.networking.k8s.io/GRPCRoute:shop/api -> Service:shop/api",
            "gateway.networking.k8s.io/GRPCRoute:shop/api -> gateway.networking.k8s.io/Gateway:shop/edge (missing)",
            "gateway.networking.k8s.io/HTTPRoute:shop/web -> Service:canary/web-canary",
            "gateway.networking.k8s.io/HTTPRoute:shop/web -> Service:shop/web",
            "gateway.networking.k8s.io/HTTPRoute:shop/web -> gateway.networking.k8s.io/Gateway:infra/edge",
            "gateway.networking.k8s.io/HTTPRoute:shop/web -> gateway.networking.k8s.io/Gateway:shop/internal",
            "gateway.networking.k8s.io/HTTPRoute:shop/web -> multicluster.x-k8s.io/ServiceImport:shop/web (missing)",
        ]
    );
    let web = attrs(
        &g,
        EdgeKind::Routes,
        "gateway.networking.k8s.io/HTTPRoute:shop/web",
        "Service:shop/web",
    );
    assert_eq!(web["ports"], json!([80]));
}

// ---------------------------------------------------------------- fixtures

#[test]
fn fixture_cert_manager_webhooks_are_backed_by_the_webhook_service() {
    let g = fixture(&["cert-manager/cert-manager.yaml"]);
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        [
            "Service:cert-manager/cert-manager-webhook -> admissionregistration.k8s.io/MutatingWebhookConfiguration:cert-manager-webhook",
            "Service:cert-manager/cert-manager-webhook -> admissionregistration.k8s.io/ValidatingWebhookConfiguration:cert-manager-webhook",
        ]
    );
    let hooks = attrs(
        &g,
        EdgeKind::Backs,
        "Service:cert-manager/cert-manager-webhook",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration:cert-manager-webhook",
    );
    assert_eq!(
        hooks["webhooks"],
        json!([{"name": "webhook.cert-manager.io", "failure_policy": "Fail"}])
    );
    // Each Service's selector matches exactly its Deployment's pod template (the controller,
    // cainjector and webhook templates differ in `app.kubernetes.io/component`).
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "Service:cert-manager/cert-manager -> apps/Deployment:cert-manager/cert-manager",
            "Service:cert-manager/cert-manager-cainjector -> apps/Deployment:cert-manager/cert-manager-cainjector",
            "Service:cert-manager/cert-manager-webhook -> apps/Deployment:cert-manager/cert-manager-webhook",
        ]
    );
    assert_eq!(edges(&g, EdgeKind::Routes), Vec::<String>::new());
}

#[test]
fn fixture_bookinfo_services_ingress_and_gateway_api() {
    let g = fixture(&[
        "istio-bookinfo/platform/kube/bookinfo.yaml",
        "istio-bookinfo/platform/kube/bookinfo-versions.yaml",
        "istio-bookinfo/platform/kube/bookinfo-ingress.yaml",
        "istio-bookinfo/gateway-api/bookinfo-gateway.yaml",
        "istio-bookinfo/gateway-api/route-reviews-90-10.yaml",
    ]);
    // `reviews` selects app=reviews, so all three versions; `reviews-v1`.. select one each.
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "Service:default/details -> apps/Deployment:default/details-v1",
            "Service:default/details-v1 -> apps/Deployment:default/details-v1",
            "Service:default/productpage -> apps/Deployment:default/productpage-v1",
            "Service:default/productpage-v1 -> apps/Deployment:default/productpage-v1",
            "Service:default/ratings -> apps/Deployment:default/ratings-v1",
            "Service:default/ratings-v1 -> apps/Deployment:default/ratings-v1",
            "Service:default/reviews -> apps/Deployment:default/reviews-v1",
            "Service:default/reviews -> apps/Deployment:default/reviews-v2",
            "Service:default/reviews -> apps/Deployment:default/reviews-v3",
            "Service:default/reviews-v1 -> apps/Deployment:default/reviews-v1",
            "Service:default/reviews-v2 -> apps/Deployment:default/reviews-v2",
            "Service:default/reviews-v3 -> apps/Deployment:default/reviews-v3",
        ]
    );
    // The mesh route's parent is the `reviews` Service (GAMMA: group "", kind Service).
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "gateway.networking.k8s.io/HTTPRoute:default/bookinfo -> Service:default/productpage",
            "gateway.networking.k8s.io/HTTPRoute:default/bookinfo -> gateway.networking.k8s.io/Gateway:default/bookinfo-gateway",
            "gateway.networking.k8s.io/HTTPRoute:default/reviews -> Service:default/reviews",
            "gateway.networking.k8s.io/HTTPRoute:default/reviews -> Service:default/reviews-v1",
            "gateway.networking.k8s.io/HTTPRoute:default/reviews -> Service:default/reviews-v2",
            "networking.k8s.io/Ingress:default/gateway -> Service:default/productpage",
        ]
    );
    // Five paths to one service are one edge listing them all.
    let paths = attrs(
        &g,
        EdgeKind::Routes,
        "networking.k8s.io/Ingress:default/gateway",
        "Service:default/productpage",
    );
    assert_eq!(
        paths["paths"],
        json!([
            {"host": null, "path": "/productpage", "port": 9080},
            {"host": null, "path": "/static/", "port": 9080},
            {"host": null, "path": "/login", "port": 9080},
            {"host": null, "path": "/logout", "port": 9080},
            {"host": null, "path": "/api/v1/products", "port": 9080},
        ])
    );
    let class_uses: Vec<String> = edges(&g, EdgeKind::Uses)
        .into_iter()
        .filter(|e| e.starts_with("networking.k8s.io/") || e.starts_with("gateway."))
        .collect();
    assert_eq!(
        class_uses,
        [
            "gateway.networking.k8s.io/Gateway:default/bookinfo-gateway -> gateway.networking.k8s.io/GatewayClass:istio (missing)",
            "networking.k8s.io/Ingress:default/gateway -> networking.k8s.io/IngressClass:istio (missing)",
        ]
    );
}

#[test]
fn fixture_kube_prometheus_services_pdbs_policies_and_api_service() {
    let g = fixture(&["kube-prometheus/manifests"]);
    // alertmanager-main and prometheus-k8s select pods the operator makes from custom
    // resources: no pod template in the manifests carries their labels.
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "Service:monitoring/blackbox-exporter -> apps/Deployment:monitoring/blackbox-exporter",
            "Service:monitoring/grafana -> apps/Deployment:monitoring/grafana",
            "Service:monitoring/kube-state-metrics -> apps/Deployment:monitoring/kube-state-metrics",
            "Service:monitoring/node-exporter -> apps/DaemonSet:monitoring/node-exporter",
            "Service:monitoring/prometheus-adapter -> apps/Deployment:monitoring/prometheus-adapter",
            "Service:monitoring/prometheus-operator -> apps/Deployment:monitoring/prometheus-operator",
            "policy/PodDisruptionBudget:monitoring/prometheus-adapter -> apps/Deployment:monitoring/prometheus-adapter",
        ]
    );
    let np = "networking.k8s.io/NetworkPolicy:monitoring";
    assert_eq!(
        edges(&g, EdgeKind::AppliesTo),
        [
            format!("{np}/blackbox-exporter -> apps/Deployment:monitoring/blackbox-exporter"),
            format!("{np}/grafana -> apps/Deployment:monitoring/grafana"),
            format!("{np}/kube-state-metrics -> apps/Deployment:monitoring/kube-state-metrics"),
            format!("{np}/node-exporter -> apps/DaemonSet:monitoring/node-exporter"),
            format!("{np}/prometheus-adapter -> apps/Deployment:monitoring/prometheus-adapter"),
            format!("{np}/prometheus-operator -> apps/Deployment:monitoring/prometheus-operator"),
        ]
    );
    let grafana = attrs(
        &g,
        EdgeKind::AppliesTo,
        &format!("{np}/grafana"),
        "apps/Deployment:monitoring/grafana",
    );
    assert_eq!(grafana["policy_types"], json!(["Egress", "Ingress"]));
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        ["Service:monitoring/prometheus-adapter -> apiregistration.k8s.io/APIService:v1beta1.metrics.k8s.io"]
    );
}

#[test]
fn fixture_ingress_nginx_webhook_and_ingress_class() {
    let g = fixture_with(
        &["ingress-nginx/cloud/deploy.yaml"],
        r#"
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app, namespace: web}
spec:
  ingressClassName: nginx
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: app, port: {number: 80}}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        ["Service:ingress-nginx/ingress-nginx-controller-admission -> admissionregistration.k8s.io/ValidatingWebhookConfiguration:ingress-nginx-admission"]
    );
    // The Jobs' templates carry component=admission-webhook, which neither Service selects.
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "Service:ingress-nginx/ingress-nginx-controller -> apps/Deployment:ingress-nginx/ingress-nginx-controller",
            "Service:ingress-nginx/ingress-nginx-controller-admission -> apps/Deployment:ingress-nginx/ingress-nginx-controller",
        ]
    );
    let ingress_uses: Vec<String> = edges(&g, EdgeKind::Uses)
        .into_iter()
        .filter(|e| e.starts_with("networking.k8s.io/Ingress:"))
        .collect();
    assert_eq!(
        ingress_uses,
        ["networking.k8s.io/Ingress:web/app -> networking.k8s.io/IngressClass:nginx"]
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        ["networking.k8s.io/Ingress:web/app -> Service:web/app (missing)"]
    );
}

#[test]
fn fixture_k9s_live_endpoints_point_at_absent_pods() {
    // Captured singletons: the Endpoints' and EndpointSlice's pods (and services) were not
    // captured, so nothing routes and nothing is a placeholder.
    let g = fixture(&[
        "k9s-live-objects/render/testdata/ep.json",
        "k9s-live-objects/render/testdata/eps.json",
    ]);
    let loaded: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.object.kind.starts_with("Endpoint"))
        .map(|(id, _)| label(&g, id))
        .collect();
    assert_eq!(
        loaded,
        [
            "Endpoints:ns-1/blee",
            "discovery.k8s.io/EndpointSlice:blee/fred"
        ]
    );
    assert_eq!(edges(&g, EdgeKind::Routes), Vec::<String>::new());
    assert!(!g.nodes().any(|(_, n)| n.missing()));
}

#[test]
fn fixture_k9s_live_endpoints_route_to_their_pods_once_present() {
    // The same objects with the pods and services they name: the EndpointSlice (no service-name
    // label) routes to `kube-system/zorg` (its targetRef namespace, not the slice's `blee`),
    // twice-listed pod, one edge; the Endpoints' pod `blee/blah` is in `blee`, not `ns-1`.
    let g = fixture_with(
        &[
            "k9s-live-objects/render/testdata/ep.json",
            "k9s-live-objects/render/testdata/eps.json",
        ],
        r#"
apiVersion: v1
kind: Pod
metadata: {name: zorg, namespace: kube-system}
spec: {containers: [{name: c, image: cilium}]}
---
apiVersion: v1
kind: Pod
metadata: {name: zorg, namespace: blee}
spec: {containers: [{name: c, image: cilium}]}
---
apiVersion: v1
kind: Pod
metadata: {name: blah, namespace: blee}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: blah, namespace: ns-1}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: blee, namespace: ns-1}
spec: {selector: {app: blee}}
---
apiVersion: v1
kind: Service
metadata: {name: fred, namespace: blee}
spec: {selector: {app: fred}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Routes),
        [
            "Endpoints:ns-1/blee -> Pod:blee/blah",
            "Service:ns-1/blee -> Endpoints:ns-1/blee",
            "discovery.k8s.io/EndpointSlice:blee/fred -> Pod:kube-system/zorg",
        ]
    );
    assert_eq!(
        attrs(
            &g,
            EdgeKind::Routes,
            "discovery.k8s.io/EndpointSlice:blee/fred",
            "Pod:kube-system/zorg"
        )["ready"],
        json!(true)
    );
}
