//! The demo is wired as intended: the things broken on purpose show up as the edges and
//! placeholders kubegraph is for, and no Secret value survives into the graph.

use kubegraph_fixtures::{demo, edges, label, node};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::json::to_serde;
use kubegraph_model::EdgeKind;
use serde_json::Value;

/// The edges of `kind` that end at `to`, as `from` labels, sorted.
fn sources(g: &Graph, kind: EdgeKind, to: &str) -> Vec<String> {
    let id = node(g, to);
    let mut v: Vec<String> = g
        .in_edges(id)
        .filter(|e| e.kind == kind)
        .map(|e| label(g, e.from))
        .collect();
    v.sort();
    v
}

/// The edges of `kind` that start at `from`, as `to` labels, sorted.
fn targets(g: &Graph, kind: EdgeKind, from: &str) -> Vec<String> {
    let id = node(g, from);
    let mut v: Vec<String> = g
        .out_edges(id)
        .filter(|e| e.kind == kind)
        .map(|e| label(g, e.to))
        .collect();
    v.sort();
    v
}

fn attrs(g: &Graph, kind: EdgeKind, from: &str, to: &str) -> serde_json::Map<String, Value> {
    let (f, t) = (node(g, from), node(g, to));
    let found: Vec<_> = g
        .edges()
        .iter()
        .filter(|e| e.kind == kind && e.from == f && e.to == t)
        .collect();
    assert_eq!(found.len(), 1, "expected one {kind} edge {from} -> {to}");
    found[0].attrs.to_map()
}

/// The container node `name` of pod `namespace/pod`.
fn container(g: &Graph, namespace: &str, pod: &str, name: &str) -> Value {
    let pod = node(g, &format!("Pod:{namespace}/{pod}"));
    let found: Vec<_> = g
        .out_edges(pod)
        .filter(|e| e.kind == EdgeKind::Contains)
        .map(|e| g.node(e.to))
        .filter(|n| n.object.kind == "Container" && n.object.name == name)
        .collect();
    assert_eq!(found.len(), 1, "container {name} of {pod:?}");
    to_serde(&found[0].object.raw)
}

const BAD_POD: &str = "Pod:payments/payments-api-7c9d5f6b48-q8wzx";
const MISSING_SECRET: &str = "Secret:payments/payments-api-token (missing)";
const MISSING_CLASS: &str = "storage.k8s.io/StorageClass:io2-fast (missing)";
const CRASHING_POD: &str = "recommendations-8d7f6b5c4-n5zrb";
const GRAFANA_POD: &str = "Pod:monitoring/grafana-59d8c7b6f4-7wq2s";

#[test]
fn the_only_placeholders_are_the_two_intended_ones() {
    let g = demo();
    let mut missing: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.missing())
        .map(|(id, _)| label(&g, id))
        .collect();
    missing.sort();
    assert_eq!(missing, [MISSING_SECRET, MISSING_CLASS]);
}

#[test]
fn broken_1_the_missing_secret_is_used_by_the_new_pod_and_its_templates() {
    let g = demo();
    assert!(g.node(node(&g, MISSING_SECRET)).missing());
    assert_eq!(
        sources(&g, EdgeKind::Uses, MISSING_SECRET),
        [
            BAD_POD,
            "apps/Deployment:payments/payments-api",
            "apps/ReplicaSet:payments/payments-api-7c9d5f6b48",
        ]
    );
    assert!(sources(&g, EdgeKind::Mounts, MISSING_SECRET).is_empty());
    let a = attrs(&g, EdgeKind::Uses, BAD_POD, MISSING_SECRET);
    assert_eq!(a["via"], serde_json::json!(["env"]));
    assert_eq!(a["containers"], serde_json::json!(["payments-api"]));
    assert_eq!(a["keys"], serde_json::json!(["token"]));
    assert_eq!(a["optional"], false);
    // The old release does not read it, and its pods keep serving.
    assert!(!targets(
        &g,
        EdgeKind::Uses,
        "apps/ReplicaSet:payments/payments-api-84f6d7c9b5"
    )
    .contains(&MISSING_SECRET.to_string()));

    let c = container(
        &g,
        "payments",
        "payments-api-7c9d5f6b48-q8wzx",
        "payments-api",
    );
    assert_eq!(
        c["status"]["state"]["waiting"]["reason"],
        "CreateContainerConfigError"
    );
    assert_eq!(
        c["status"]["state"]["waiting"]["message"],
        "secret \"payments-api-token\" not found"
    );
    let events = sources(&g, EdgeKind::About, BAD_POD);
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &to_serde(&g.node(node(&g, &events[0])).object.raw);
    assert_eq!(
        (&event["reason"], &event["type"]),
        (&Value::from("Failed"), &Value::from("Warning"))
    );
}

#[test]
fn broken_2_the_pending_claim_is_provisioned_by_a_missing_class() {
    let g = demo();
    let claim = "PersistentVolumeClaim:monitoring/grafana-data";
    assert_eq!(sources(&g, EdgeKind::Provisions, claim), [MISSING_CLASS]);
    assert_eq!(
        targets(&g, EdgeKind::Provisions, MISSING_CLASS),
        [claim],
        "the missing class provisions nothing else"
    );
    assert!(targets(&g, EdgeKind::Binds, claim).is_empty());
    assert_eq!(
        to_serde(&g.node(node(&g, claim)).object.raw)["status"]["phase"],
        "Pending"
    );
    assert_eq!(
        sources(&g, EdgeKind::Mounts, claim),
        [
            GRAFANA_POD,
            "apps/Deployment:monitoring/grafana",
            "apps/ReplicaSet:monitoring/grafana-59d8c7b6f4",
        ]
    );
    // The pod was never scheduled.
    assert!(targets(&g, EdgeKind::RunsOn, GRAFANA_POD).is_empty());
    let reasons = |target: &str| -> Vec<String> {
        sources(&g, EdgeKind::About, target)
            .iter()
            .map(|e| {
                to_serde(&g.node(node(&g, e)).object.raw)["reason"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(reasons(claim), ["ProvisioningFailed"]);
    assert_eq!(reasons(GRAFANA_POD), ["FailedScheduling"]);
    // The claims that work: the default class provisions them and each is bound to its volume.
    assert_eq!(
        targets(&g, EdgeKind::Provisions, "storage.k8s.io/StorageClass:gp3").len(),
        4,
        "two claims and their two volumes"
    );
    for i in 0..2 {
        let claim = format!("PersistentVolumeClaim:payments/data-postgres-{i}");
        let bound = targets(&g, EdgeKind::Binds, &claim);
        assert_eq!(bound.len(), 1, "{claim}: {bound:?}");
        assert!(bound[0].starts_with("PersistentVolume:pvc-"), "{bound:?}");
        assert_eq!(
            sources(&g, EdgeKind::Mounts, &claim),
            [
                format!("Pod:payments/postgres-{i}"),
                "apps/StatefulSet:payments/postgres".to_string()
            ]
        );
    }
}

#[test]
fn broken_3_the_crash_looping_container_carries_its_status() {
    let g = demo();
    let c = container(&g, "shop", CRASHING_POD, "recommendations");
    let status = &c["status"];
    assert_eq!(status["state"]["waiting"]["reason"], "CrashLoopBackOff");
    assert_eq!(status["ready"], false);
    assert_eq!(status["restartCount"], 287);
    assert_eq!(status["lastState"]["terminated"]["exitCode"], 1);
    let deployment = &to_serde(
        &g.node(node(&g, "apps/Deployment:shop/recommendations"))
            .object
            .raw,
    );
    assert_eq!(deployment["status"]["unavailableReplicas"], 1);
    let pod = format!("Pod:shop/{CRASHING_POD}");
    let reasons: Vec<String> = sources(&g, EdgeKind::About, &pod)
        .iter()
        .map(|e| {
            to_serde(&g.node(node(&g, e)).object.raw)["reason"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(reasons.contains(&"BackOff".to_string()), "{reasons:?}");
    // The service still routes to it, as not ready.
    let a = attrs(&g, EdgeKind::Routes, "Endpoints:shop/recommendations", &pod);
    assert_eq!(a["ready"], false);
}

#[test]
fn ingress_routes_to_services_and_services_to_pods() {
    let g = demo();
    let ingress = "networking.k8s.io/Ingress:shop/shop";
    assert_eq!(
        targets(&g, EdgeKind::Routes, ingress),
        ["Service:shop/cart", "Service:shop/storefront"]
    );
    assert_eq!(
        targets(&g, EdgeKind::Uses, ingress),
        [
            "Secret:shop/shop-tls",
            "networking.k8s.io/IngressClass:nginx"
        ]
    );
    let storefront_pods = [
        "Pod:shop/storefront-6d9c7b8f4d-m4q9z",
        "Pod:shop/storefront-6d9c7b8f4d-x7k2p",
    ];
    let pods_of = |from: &str, kind: EdgeKind| -> Vec<String> {
        targets(&g, kind, from)
            .into_iter()
            .filter(|t| t.starts_with("Pod:"))
            .collect()
    };
    assert_eq!(
        pods_of("Service:shop/storefront", EdgeKind::Selects),
        storefront_pods
    );
    assert_eq!(
        targets(&g, EdgeKind::Routes, "Service:shop/storefront"),
        [
            "Endpoints:shop/storefront",
            "discovery.k8s.io/EndpointSlice:shop/storefront-j5pjk"
        ]
    );
    assert_eq!(
        pods_of("Endpoints:shop/storefront", EdgeKind::Routes),
        storefront_pods
    );
    assert_eq!(
        pods_of(
            "discovery.k8s.io/EndpointSlice:shop/storefront-j5pjk",
            EdgeKind::Routes
        ),
        storefront_pods
    );
    // The leftover service selects nothing, and its endpoints route nowhere.
    assert!(targets(&g, EdgeKind::Selects, "Service:shop/catalog-legacy").is_empty());
    assert!(targets(&g, EdgeKind::Routes, "Endpoints:shop/catalog-legacy").is_empty());
    // The grafana ingress has a service, but the service has no endpoint.
    assert_eq!(
        targets(
            &g,
            EdgeKind::Routes,
            "networking.k8s.io/Ingress:monitoring/grafana"
        ),
        ["Service:monitoring/grafana"]
    );
    assert!(targets(&g, EdgeKind::Routes, "Endpoints:monitoring/grafana").is_empty());
}

#[test]
fn ownership_resolves_by_uid() {
    let g = demo();
    assert_eq!(
        targets(&g, EdgeKind::Owns, "apps/Deployment:shop/storefront"),
        [
            "apps/ReplicaSet:shop/storefront-5b7f9c6d8",
            "apps/ReplicaSet:shop/storefront-6d9c7b8f4d"
        ]
    );
    assert_eq!(
        targets(
            &g,
            EdgeKind::Owns,
            "apps/ReplicaSet:shop/storefront-6d9c7b8f4d"
        ),
        [
            "Pod:shop/storefront-6d9c7b8f4d-m4q9z",
            "Pod:shop/storefront-6d9c7b8f4d-x7k2p"
        ]
    );
    assert!(targets(
        &g,
        EdgeKind::Owns,
        "apps/ReplicaSet:shop/storefront-5b7f9c6d8"
    )
    .is_empty());
    assert_eq!(
        targets(
            &g,
            EdgeKind::Owns,
            "apps/DaemonSet:monitoring/node-exporter"
        )
        .len(),
        3
    );
    assert_eq!(
        targets(&g, EdgeKind::Owns, "apps/StatefulSet:payments/postgres"),
        ["Pod:payments/postgres-0", "Pod:payments/postgres-1"]
    );

    // Every ownerReference in the demo is one `owns` edge whose owner has exactly that uid.
    let mut references = 0;
    for (id, n) in g.nodes() {
        for r in n.object.owner_refs() {
            references += 1;
            let uid = r.uid.expect("every demo ownerReference has a uid");
            let owners: Vec<_> = g
                .in_edges(id)
                .filter(|e| e.kind == EdgeKind::Owns)
                .map(|e| g.node(e.from))
                .filter(|o| o.object.uid.as_deref() == Some(uid.as_str()))
                .collect();
            assert_eq!(owners.len(), 1, "{} owned by {uid}", label(&g, id));
            assert_eq!(owners[0].object.name, r.name);
            assert!(!owners[0].missing());
        }
    }
    assert_eq!(references, edges(&g, EdgeKind::Owns).len());
    assert_eq!(
        references, 35,
        "9 replica sets, 16 pods, 10 endpoint slices"
    );
    for e in g.edges().iter().filter(|e| e.kind == EdgeKind::Owns) {
        assert_eq!(e.attrs["controller"], true);
    }
}

#[test]
fn every_event_is_about_its_object() {
    let g = demo();
    let events: Vec<NodeId> = g
        .nodes()
        .filter(|(_, n)| n.object.is("", "Event"))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(events.len(), 7);
    for id in events {
        let event = &to_serde(&g.node(id).object.raw);
        let about: Vec<_> = g
            .out_edges(id)
            .filter(|e| e.kind == EdgeKind::About)
            .map(|e| g.node(e.to))
            .collect();
        assert_eq!(about.len(), 1, "{}", label(&g, id));
        let target = &about[0].object;
        let involved = &event["involvedObject"];
        assert!(!about[0].missing());
        assert_eq!(target.uid.as_deref(), involved["uid"].as_str());
        assert_eq!(Some(target.kind.as_str()), involved["kind"].as_str());
        assert_eq!(Some(target.name.as_str()), involved["name"].as_str());
        assert_eq!(target.namespace, g.node(id).object.namespace);
    }
}

#[test]
fn the_rest_of_the_landscape_is_wired() {
    let g = demo();
    assert_eq!(
        edges(&g, EdgeKind::Scales),
        ["autoscaling/HorizontalPodAutoscaler:shop/storefront -> apps/Deployment:shop/storefront"]
    );
    assert_eq!(
        edges(&g, EdgeKind::Backs),
        ["Service:payments/postgres -> apps/StatefulSet:payments/postgres"]
    );
    assert_eq!(
        targets(
            &g,
            EdgeKind::Binds,
            "rbac.authorization.k8s.io/ClusterRoleBinding:sre-readonly"
        ),
        [
            "rbac.authorization.k8s.io/ClusterRole:sre-readonly",
            "rbac.authorization.k8s.io/Group:sre",
            "rbac.authorization.k8s.io/User:alice@example.com",
        ]
    );
    assert_eq!(
        targets(
            &g,
            EdgeKind::Binds,
            "rbac.authorization.k8s.io/RoleBinding:payments/payments-oncall"
        ),
        [
            "rbac.authorization.k8s.io/ClusterRole:sre-readonly",
            "rbac.authorization.k8s.io/Group:payments-oncall",
        ]
    );
    assert_eq!(
        targets(
            &g,
            EdgeKind::Binds,
            "rbac.authorization.k8s.io/RoleBinding:payments/payments-api"
        ),
        [
            "ServiceAccount:payments/payments-api",
            "rbac.authorization.k8s.io/Role:payments/payments-api",
        ]
    );
    assert_eq!(
        targets(&g, EdgeKind::Uses, "ServiceAccount:payments/payments-api"),
        ["Secret:payments/ghcr-pull"]
    );
    // The projected volume mounts both its sources, at the container's mount path.
    let pod = "Pod:shop/storefront-6d9c7b8f4d-x7k2p";
    for target in [
        "ConfigMap:shop/storefront-config",
        "Secret:shop/storefront-session",
    ] {
        let a = attrs(&g, EdgeKind::Mounts, pod, target);
        assert_eq!(a["volumes"], serde_json::json!(["config"]), "{target}");
        assert_eq!(
            a["mounts"][0]["mount_path"], "/etc/storefront",
            "{target}: {a:?}"
        );
    }
    // A plain secret volume, read by the payments API as a config tree.
    let a = attrs(
        &g,
        EdgeKind::Mounts,
        "Pod:payments/payments-api-84f6d7c9b5-r8tkl",
        "Secret:payments/payments-db-credentials",
    );
    assert_eq!(a["volumes"], serde_json::json!(["db-credentials"]));
    assert_eq!(a["mounts"][0]["read_only"], true);
    assert_eq!(
        targets(&g, EdgeKind::RunsOn, pod),
        ["Node:ip-10-0-1-37.eu-west-1.compute.internal"]
    );
    // Network policies: the default deny applies to every payments pod.
    assert_eq!(
        targets(
            &g,
            EdgeKind::AppliesTo,
            "networking.k8s.io/NetworkPolicy:payments/default-deny-ingress"
        )
        .iter()
        .filter(|t| t.starts_with("Pod:"))
        .count(),
        5
    );
    assert_eq!(
        edges(&g, EdgeKind::Attaches).len(),
        4,
        "two attachments, each to a volume and a node"
    );
}

/// Every Secret `data` value written in the demo file, read independently of kubegraph.
fn secret_values_in_source() -> Vec<String> {
    let mut values = Vec::new();
    for doc in kubegraph_files::split_yaml_documents(kubegraph_demo::source()) {
        let v: Value = serde_yaml_ng::from_str(doc.text).expect("the demo is valid YAML");
        for item in v["items"].as_array().into_iter().flatten() {
            if item["kind"] == "Secret" && item["apiVersion"] == "v1" {
                for value in item["data"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(_, v)| v)
                {
                    values.push(value.as_str().expect("base64 string").to_string());
                }
            }
        }
    }
    values
}

#[test]
fn no_secret_value_reaches_the_graph() {
    let values = secret_values_in_source();
    assert_eq!(values.len(), 11, "{values:?}");
    assert!(
        kubegraph_demo::source().contains("kubectl.kubernetes.io/last-applied-configuration"),
        "the demo also carries values in last-applied annotations, which must be dropped"
    );
    let g = demo();
    let mut text = String::new();
    for (_, n) in g.nodes() {
        text.push_str(&serde_json::to_string(&n.object.raw).unwrap());
        text.push('\n');
    }
    for e in g.edges() {
        text.push_str(&serde_json::to_string(&e.attrs).unwrap());
        text.push('\n');
    }
    for v in &values {
        assert!(
            !text.contains(v.as_str()),
            "secret value {v} is in the graph"
        );
    }
    // The keys stay: "which keys does this secret have" is answerable.
    let secret = &to_serde(
        &g.node(node(&g, "Secret:payments/payments-db-credentials"))
            .object
            .raw,
    );
    assert_eq!(
        secret["data"],
        serde_json::json!({"username": null, "password": null})
    );
    assert!(secret["metadata"]["annotations"]
        .get("kubectl.kubernetes.io/last-applied-configuration")
        .is_none());
}
