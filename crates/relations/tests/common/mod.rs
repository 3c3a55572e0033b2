//! Helpers shared by the relation tests: build a graph from YAML, list edges readably.
#![allow(dead_code)]

use kubegraph_files::{load_bytes, load_paths, LoadOptions};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::EdgeKind;
use kubegraph_relations::graph_from_objects;

/// Loads YAML (multi-document) as one cluster called `test` and derives every relation.
/// Panics if the input has warnings: a relation test's input must be clean.
pub fn graph(yaml: &str) -> Graph {
    let loaded = load_bytes("test.yaml", yaml.as_bytes(), &LoadOptions::default());
    assert!(
        loaded.diagnostics.is_empty(),
        "test input has warnings: {:?}",
        loaded.diagnostics
    );
    graph_from_objects("test", loaded.objects).0
}

/// Loads fixture paths (relative to `shared/fixtures`) plus extra YAML as one cluster called
/// `test` and derives every relation. Panics if the input has warnings.
pub fn fixture_with(paths: &[&str], yaml: &str) -> Graph {
    let root = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures"
    ));
    assert!(
        root.join("README.md").is_file(),
        "fixtures not found at {}",
        root.display()
    );
    let paths: Vec<_> = paths.iter().map(|p| root.join(p)).collect();
    let mut loaded = load_paths(&paths, &LoadOptions::default()).expect("fixture readable");
    let extra = load_bytes("extra.yaml", yaml.as_bytes(), &LoadOptions::default());
    assert!(
        loaded.diagnostics.is_empty() && extra.diagnostics.is_empty(),
        "fixture has warnings: {:?} {:?}",
        loaded.diagnostics,
        extra.diagnostics
    );
    loaded.objects.extend(extra.objects);
    graph_from_objects("test", loaded.objects).0
}

/// [`fixture_with`] and no extra YAML.
pub fn fixture(paths: &[&str]) -> Graph {
    fixture_with(paths, "")
}

/// `Kind:namespace/name` for namespaced nodes, `Kind:name` for cluster-scoped ones; the kind is
/// `group/Kind` outside the core group; containers are `Container:namespace/pod/name`;
/// placeholders end in ` (missing)`.
pub fn label(g: &Graph, id: NodeId) -> String {
    let n = g.node(id);
    let o = &n.object;
    let kind = if o.group.is_empty() || o.group == "kubegraph.dev" {
        o.kind.clone()
    } else {
        format!("{}/{}", o.group, o.kind)
    };
    let name = match n.parent {
        Some(pod) => format!("{}/{}", g.node(pod).object.name, o.name),
        None => o.name.clone(),
    };
    let mut s = match &o.namespace {
        Some(ns) => format!("{kind}:{ns}/{name}"),
        None => format!("{kind}:{name}"),
    };
    if n.missing() {
        s.push_str(" (missing)");
    }
    s
}

/// Every edge of `kind` as `from -> to`, sorted.
pub fn edges(g: &Graph, kind: EdgeKind) -> Vec<String> {
    let mut v: Vec<String> = g
        .edges()
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| format!("{} -> {}", label(g, e.from), label(g, e.to)))
        .collect();
    v.sort();
    v
}

/// The attributes of the one edge `from -> to` of `kind` (labels as [`label`] writes them).
pub fn attrs(
    g: &Graph,
    kind: EdgeKind,
    from: &str,
    to: &str,
) -> serde_json::Map<String, serde_json::Value> {
    let found: Vec<_> = g
        .edges()
        .iter()
        .filter(|e| e.kind == kind && label(g, e.from) == from && label(g, e.to) == to)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {kind} edge {from} -> {to}, found {}: {:?}",
        found.len(),
        edges(g, kind)
    );
    found[0].attrs.to_map()
}
