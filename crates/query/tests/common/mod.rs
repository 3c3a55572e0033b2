//! Shared by the evaluator test suites: load a fixture folder or the demo, label nodes.
#![allow(dead_code)]

use kubegraph_graph::{Graph, NodeId};
use std::path::PathBuf;

pub const DEMO: &str = "demo";
pub const WP: &str = "kubernetes-examples/web/mysql-wordpress-pd";
pub const BOOKINFO: &str = "istio-bookinfo/platform/kube/bookinfo.yaml";
pub const K9S: &str = "k9s-live-objects";

/// The demo (`"demo"`) or a path under `shared/fixtures`, related.
pub fn load(source: &str) -> Graph {
    let (cluster, loaded) = if source == DEMO {
        ("demo".to_string(), kubegraph_demo::load())
    } else {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures")
            .join(source);
        let loaded = kubegraph_files::load_paths(&[path], &kubegraph_files::LoadOptions::default())
            .expect("fixture loads");
        ("files".to_string(), loaded)
    };
    kubegraph_relations::graph_from_objects(&cluster, loaded.objects).0
}

/// `Kind:namespace/name`, or `Kind:name` for cluster-scoped nodes.
pub fn label(g: &Graph, id: NodeId) -> String {
    let o = &g.node(id).object;
    match &o.namespace {
        Some(ns) => format!("{}:{ns}/{}", o.kind, o.name),
        None => format!("{}:{}", o.kind, o.name),
    }
}

/// Runs golden rows `(source, query, want)`, comparing `run(source, query)` with `want`, and
/// reports every failing row at once.
pub fn check_rows(
    name: &str,
    rows: &[(&str, &str, &str)],
    mut run: impl FnMut(&str, &str) -> String,
) {
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(source, query, want)| {
            let got = run(source, query);
            (got != *want).then(|| format!("[{source}] {query}\n  want {want:?}\n  got  {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{name}: {} of {} rows failed:\n\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n\n")
    );
}
