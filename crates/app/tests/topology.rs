//! The graph view's picture of the demo: collapsing, expanding, problems only, summaries,
//! grouping, and that every edge joins two drawn nodes.

use kubegraph_app::topology::{
    default_selection, topology, Grouping, Request, SummaryMode, Topology,
};
use kubegraph_app::{node, Landscape, Source};
use kubegraph_health::State;

fn demo() -> Landscape {
    Landscape::load(&Source::Demo, None, &mut |_| {}).unwrap()
}

fn draw(l: &Landscape, request: &Request) -> Topology {
    let s = l.snapshot();
    topology(s, &default_selection(&s.graph), request)
}

fn node<'t>(t: &'t Topology, id: &str) -> &'t kubegraph_app::topology::DrawNode {
    t.nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("{id} is not drawn"))
}

fn well_formed(t: &Topology) {
    let ids: std::collections::HashSet<&str> = t.nodes.iter().map(|n| n.id.as_str()).collect();
    let boxes: std::collections::HashSet<&str> = t.boxes.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids.len(), t.nodes.len(), "a node is drawn twice");
    for e in &t.edges {
        assert!(
            ids.contains(e.from.as_str()) && ids.contains(e.to.as_str()),
            "{e:?}"
        );
        assert_ne!(e.from, e.to, "self edge {e:?}");
    }
    for n in &t.nodes {
        assert!(boxes.contains(n.in_box.as_str()), "{} in no box", n.id);
        let b = t.boxes.iter().find(|b| b.id == n.in_box).unwrap();
        assert!(
            n.x >= b.x && n.x <= b.x + b.w && n.y >= b.y && n.y <= b.y + b.h,
            "{} at ({}, {}) outside its box {b:?}",
            n.id,
            n.x,
            n.y
        );
    }
    for b in &t.boxes {
        if let Some(p) = &b.parent {
            let p = t.boxes.iter().find(|x| &x.id == p).expect("parent box");
            assert!(
                b.x >= p.x && b.x + b.w <= p.x + p.w + 1e-9,
                "{} outside {}",
                b.id,
                p.id
            );
            assert!(b.state <= p.state, "a box takes its worst member");
        }
    }
}

#[test]
fn owner_chains_collapse_into_their_top_owner_with_a_pod_badge() {
    let l = demo();
    let t = draw(&l, &Request::default());
    well_formed(&t);
    let api = node(&t, "demo/apps/Deployment/payments/payments-api");
    assert_eq!(api.badge.as_deref(), Some("2/3 pods"));
    assert_eq!(api.members, 5, "2 replica sets and 3 pods");
    assert_eq!(api.member_ids.len(), 5);
    assert!(api.member_ids.iter().all(|m| m
        .starts_with("demo/apps/ReplicaSet/payments/payments-api-")
        || m.starts_with("demo/core/Pod/payments/payments-api-")));
    assert!(api.member_ids.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(api.state, State::Error);
    assert!(api.expandable);
    // No pod or replica set of a deployment is drawn on its own.
    assert!(!t
        .nodes
        .iter()
        .any(|n| n.kind == "Pod" || n.kind == "ReplicaSet"));
    // The service's selector reaches the deployment that stands for its pods: 3 pods, the two
    // replica sets' and the deployment's pod templates.
    let selects: Vec<_> = t
        .edges
        .iter()
        .filter(|e| e.from == "demo/core/Service/payments/payments-api")
        .map(|e| (e.kind, e.to.as_str(), e.count))
        .collect();
    assert_eq!(
        selects,
        [("selects", "demo/apps/Deployment/payments/payments-api", 6)]
    );
    // Boilerplate nothing uses is left out.
    assert!(!t.nodes.iter().any(|n| n.label == "kube-root-ca.crt"));
    assert_eq!(
        t.boxes.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        [
            "cluster:demo",
            "cluster:demo/cluster-scoped:cluster-scoped",
            "cluster:demo/namespace:monitoring",
            "cluster:demo/namespace:payments",
            "cluster:demo/namespace:shop"
        ]
    );
    let payments = t.boxes.iter().find(|b| b.label == "payments").unwrap();
    assert_eq!(payments.state, State::Error);
}

#[test]
fn expanding_an_owner_draws_what_it_owns() {
    let l = demo();
    let g = &l.snapshot().graph;
    let api = node::by_id(g, "demo/apps/Deployment/payments/payments-api").unwrap();
    let t = draw(
        &l,
        &Request {
            expand: [api].into(),
            ..Request::default()
        },
    );
    well_formed(&t);
    let mut sets: Vec<(&str, Option<&str>)> = t
        .nodes
        .iter()
        .filter(|n| n.kind == "ReplicaSet")
        .map(|n| (n.label.as_str(), n.badge.as_deref()))
        .collect();
    sets.sort();
    assert_eq!(
        sets,
        [
            ("payments-api-7c9d5f6b48", Some("0/1 pod")),
            ("payments-api-84f6d7c9b5", Some("2/2 pods"))
        ]
    );
    assert_eq!(
        node(&t, "demo/apps/Deployment/payments/payments-api").members,
        0
    );
    assert!(t.edges.iter().any(|e| e.kind == "owns"
        && e.from == "demo/apps/Deployment/payments/payments-api"
        && e.to == "demo/apps/ReplicaSet/payments/payments-api-7c9d5f6b48"));
}

#[test]
fn problems_only_keeps_the_sick_and_the_paths_to_their_root_causes() {
    let l = demo();
    let t = draw(
        &l,
        &Request {
            problems: true,
            ..Request::default()
        },
    );
    well_formed(&t);
    assert!(
        t.nodes.iter().all(|n| n.state >= State::Warning),
        "{:?}",
        t.nodes
    );
    let mut causes: Vec<&str> = t
        .nodes
        .iter()
        .filter(|n| n.root_cause)
        .map(|n| n.id.as_str())
        .collect();
    causes.sort();
    assert_eq!(
        causes,
        [
            "demo/apps/Deployment/shop/recommendations",
            "demo/core/Secret/payments/payments-api-token",
            "demo/core/Service/shop/catalog-legacy",
            "demo/storage.k8s.io/StorageClass/_/io2-fast"
        ]
    );
    let secret = node(&t, "demo/core/Secret/payments/payments-api-token");
    assert!(secret.missing);
    assert!(t.edges.iter().any(|e| e.kind == "uses"
        && e.from == "demo/apps/Deployment/payments/payments-api"
        && e.to == secret.id));
    assert!(
        !t.nodes.iter().any(|n| n.label == "storefront"),
        "healthy objects are left out"
    );
}

#[test]
fn beyond_the_limit_only_boxes_are_drawn_with_their_counts() {
    let l = demo();
    let t = draw(
        &l,
        &Request {
            limit: 10,
            ..Request::default()
        },
    );
    assert!(t.summary);
    assert!(t.nodes.is_empty() && t.edges.is_empty());
    let g = &l.snapshot().graph;
    let in_shop = default_selection(g)
        .into_iter()
        .filter(|&id| g.node(id).object.namespace.as_deref() == Some("shop"))
        .count();
    let shop = t.boxes.iter().find(|b| b.label == "shop").unwrap();
    assert_eq!(shop.counts.total(), in_shop);
    assert!(shop.w > 0.0 && shop.h > 0.0);
    let all = t.boxes.iter().find(|b| b.kind == "cluster").unwrap();
    assert_eq!(all.counts.total(), t.selected);
    let never = draw(
        &l,
        &Request {
            limit: 10,
            summary: SummaryMode::Never,
            ..Request::default()
        },
    );
    assert!(!never.summary);
    assert_eq!(never.nodes.len(), 10);
    well_formed(&never);
}

#[test]
fn pods_are_boxed_by_their_node_when_grouped_by_node() {
    let l = demo();
    let t = draw(
        &l,
        &Request {
            grouping: Grouping::Node,
            ..Request::default()
        },
    );
    well_formed(&t);
    let pod = t
        .nodes
        .iter()
        .find(|n| n.label == "payments-api-7c9d5f6b48-q8wzx")
        .expect("pods are drawn one by one");
    assert_eq!(
        pod.in_box,
        "cluster:demo/node:ip-10-0-2-118.eu-west-1.compute.internal"
    );
    let deployment = node(&t, "demo/apps/Deployment/payments/payments-api");
    assert_eq!(
        deployment.in_box,
        "cluster:demo/cluster-scoped:not on a node"
    );
    assert_eq!(deployment.badge, None);
}

#[test]
fn the_same_request_draws_the_same_picture() {
    let l = demo();
    let a = serde_json::to_string(&draw(&l, &Request::default())).unwrap();
    let b = serde_json::to_string(&draw(&demo(), &Request::default())).unwrap();
    assert_eq!(a, b);
}

/// A box of thousands of objects is about square, not a strip thousands of columns wide.
#[test]
fn a_box_of_two_thousand_objects_is_about_square() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.yaml");
    let docs: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i:04}, namespace: big}}\n"
            )
        })
        .collect();
    std::fs::write(&file, docs.join("---\n")).unwrap();
    let source = Source::Files {
        paths: vec![file],
        default_namespace: "default".into(),
        cluster: None,
    };
    let l = Landscape::load(&source, None, &mut |_| {}).unwrap();
    let t = draw(&l, &Request::default());
    assert!(!t.summary);
    well_formed(&t);
    let big = t.boxes.iter().find(|b| b.label == "big").unwrap();
    assert_eq!(big.counts.total(), 2000);
    let aspect = big.w / big.h;
    assert!((0.5..=2.0).contains(&aspect), "{} × {}", big.w, big.h);
}
