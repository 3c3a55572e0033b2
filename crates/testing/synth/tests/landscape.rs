//! The synthetic landscape is deterministic, loads cleanly and relates completely.

use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait};
use kubegraph_model::EdgeKind;
use kubegraph_relations::graph_from_objects;
use kubegraph_synth::{generate_vec, generate_with, Config, Detail, Summary};

const PODS: usize = 600;

fn build(bytes: &[u8]) -> Graph {
    let loaded = load_bytes("synth.json", bytes, &LoadOptions::default());
    assert!(
        loaded.diagnostics.is_empty(),
        "warnings: {:?}",
        &loaded.diagnostics[..loaded.diagnostics.len().min(5)]
    );
    let (graph, report) = graph_from_objects("synth", loaded.objects);
    assert_eq!(report.placeholders, 0, "no placeholders");
    graph
}

fn of_kind<'g>(g: &'g Graph, group: &'g str, kind: &'g str) -> impl Iterator<Item = NodeId> + 'g {
    g.nodes()
        .filter(move |(_, n)| n.origin == Origin::Source && n.object.is(group, kind))
        .map(|(id, _)| id)
}

fn with(config: Config) -> (Vec<u8>, Summary) {
    let mut buf = Vec::new();
    let summary = generate_with(&config, &mut buf).unwrap();
    (buf, summary)
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = generate_vec(PODS);
    assert_eq!(a, generate_vec(PODS));
    let (b, _) = with(Config {
        seed: 7,
        ..Config::new(PODS)
    });
    assert_ne!(a, b);
}

#[test]
fn output_is_a_kubectl_list() {
    let (bytes, summary) = with(Config::new(PODS));
    assert_eq!(summary.bytes as usize, bytes.len());
    assert!(bytes.starts_with(b"{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        {\n            \"apiVersion\": "));
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["kind"], "List");
    let items = doc["items"].as_array().unwrap();
    assert_eq!(items.len(), summary.objects);
    assert_eq!(summary.by_kind["Pod"], PODS);
    for item in items {
        let meta = &item["metadata"];
        assert!(item["apiVersion"].is_string() && item["kind"].is_string());
        for field in ["uid", "resourceVersion", "creationTimestamp", "name"] {
            assert!(meta[field].is_string(), "{field} missing in {item}");
        }
    }
    let per_pod = summary.objects as f64 / PODS as f64;
    assert!((2.8..3.8).contains(&per_pod), "{per_pod} objects per pod");
}

#[test]
fn loads_cleanly_and_every_reference_resolves() {
    let bytes = generate_vec(PODS);
    let g = build(&bytes);
    assert!(g.nodes().all(|(_, n)| n.origin != Origin::Placeholder));

    // Every pod is owned by its controller, and runs on its node unless it is pending.
    let mut pods = 0;
    for pod in of_kind(&g, "", "Pod") {
        pods += 1;
        let owners: Vec<_> = g
            .in_edges(pod)
            .filter(|e| e.kind == EdgeKind::Owns)
            .map(|e| g.node(e.from).object.kind.clone())
            .collect();
        assert!(
            matches!(
                owners.as_slice(),
                [k] if k == "ReplicaSet" || k == "StatefulSet" || k == "DaemonSet"
            ),
            "pod {} owners {owners:?}",
            g.node(pod).object.name
        );
        let o = &g.node(pod).object;
        let scheduled = o.at("spec.nodeName").is_some();
        let runs_on = g
            .out_edges(pod)
            .filter(|e| e.kind == EdgeKind::RunsOn)
            .count();
        assert_eq!(runs_on, usize::from(scheduled));
    }
    assert_eq!(pods, PODS);

    // Every ReplicaSet is owned by its Deployment; every EndpointSlice by its Service.
    for rs in of_kind(&g, "apps", "ReplicaSet") {
        assert_eq!(
            g.in_edges(rs).filter(|e| e.kind == EdgeKind::Owns).count(),
            1
        );
    }
    // Every EndpointSlice targetRef resolves to a pod.
    for slice in of_kind(&g, "discovery.k8s.io", "EndpointSlice") {
        let o = &g.node(slice).object;
        let refs = o.raw["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e.get("targetRef").is_some())
            .count();
        let routes = g
            .out_edges(slice)
            .filter(|e| e.kind == EdgeKind::Routes && g.node(e.to).object.kind == "Pod")
            .count();
        assert_eq!(routes, refs, "slice {}", o.name);
        let services = g
            .in_edges(slice)
            .filter(|e| e.kind == EdgeKind::Routes && g.node(e.from).object.kind == "Service")
            .count();
        assert_eq!(services, 1, "slice {}", o.name);
    }
    // Claims bind volumes and come from a class (explicitly or the default one).
    for pvc in of_kind(&g, "", "PersistentVolumeClaim") {
        let binds = g
            .out_edges(pvc)
            .filter(|e| e.kind == EdgeKind::Binds)
            .count();
        let classes = g
            .in_edges(pvc)
            .filter(|e| e.kind == EdgeKind::Provisions)
            .count();
        assert_eq!((binds, classes), (1, 1), "{}", g.node(pvc).object.name);
    }
    // StatefulSets mount their claims; HPAs scale their deployments.
    for sts in of_kind(&g, "apps", "StatefulSet") {
        let replicas = g.node(sts).object.raw["spec"]["replicas"].as_u64().unwrap() as usize;
        let mounts = g
            .out_edges(sts)
            .filter(|e| {
                e.kind == EdgeKind::Mounts && g.node(e.to).object.kind == "PersistentVolumeClaim"
            })
            .count();
        assert_eq!(mounts, replicas);
    }
    for hpa in of_kind(&g, "autoscaling", "HorizontalPodAutoscaler") {
        assert_eq!(
            g.out_edges(hpa)
                .filter(|e| e.kind == EdgeKind::Scales)
                .count(),
            1
        );
    }
    // Events are about something, except those about pods that are gone.
    let events: Vec<_> = of_kind(&g, "", "Event").collect();
    let about = events
        .iter()
        .filter(|&&e| g.out_edges(e).any(|x| x.kind == EdgeKind::About))
        .count();
    assert!(about > 0 && about <= events.len());
    for &e in &events {
        let o = &g.node(e).object;
        let gone = o.raw["reason"] == "Killing";
        assert_eq!(
            g.out_edges(e).any(|x| x.kind == EdgeKind::About),
            !gone,
            "event {}",
            o.name
        );
    }
    // Services select their pods.
    for svc in of_kind(&g, "", "Service") {
        let o = &g.node(svc).object;
        if o.name == "kubernetes" {
            continue;
        }
        assert!(
            g.out_edges(svc).any(|e| e.kind == EdgeKind::Selects),
            "service {} selects nothing",
            o.name
        );
    }
}

#[test]
fn full_detail_has_the_same_objects_and_more_bytes() {
    let (lean, lean_summary) = with(Config::new(PODS));
    let (full, full_summary) = with(Config {
        detail: Detail::Full,
        ..Config::new(PODS)
    });
    assert_eq!(lean_summary.by_kind, full_summary.by_kind);
    assert!(full.len() > 2 * lean.len());
    let lean_graph = build(&lean);
    let full_graph = build(&full);
    assert_eq!(lean_graph.node_count(), full_graph.node_count());
    // The full pods also mount their service-account token's CA bundle.
    assert!(full_graph.edge_count() > lean_graph.edge_count());
}

#[test]
fn small_and_odd_sizes_work() {
    for pods in [1, 7, 31, 250] {
        let (bytes, summary) = with(Config::new(pods));
        assert_eq!(summary.by_kind["Pod"], pods);
        build(&bytes);
    }
}
