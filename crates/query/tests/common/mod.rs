//! Shared by the evaluator test suites: load a fixture folder or the demo, label nodes.
#![allow(dead_code)]

use kubegraph_graph::{Graph, NodeId};

pub const DEMO: &str = "demo";
pub const WP: &str = "kubernetes-examples/web/mysql-wordpress-pd";
pub const BOOKINFO: &str = "istio-bookinfo/platform/kube/bookinfo.yaml";
pub const K9S: &str = "k9s-live-objects";

/// The demo (`"demo"`) or a path under the shared fixtures (kubegraph_fixtures), related.
pub fn load(source: &str) -> Graph {
    let (cluster, loaded) = if source == DEMO {
        ("demo".to_string(), kubegraph_demo::load())
    } else {
        let path = kubegraph_fixtures::path(source);
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

/// A query's result as the search command prints it: the nodes, when a search query has no
/// terminal command and no format (so rows compare labels), else the printed text.
pub enum Printed {
    Nodes(Vec<NodeId>),
    Text(String),
}

/// Runs `ast` as `kubegraph search` does with `-o format`, to [`Printed`].
pub fn print_query(
    g: &Graph,
    index: &kubegraph_query::QueryIndex,
    facts: &kubegraph_query::GraphFacts,
    ast: &kubegraph_query::Ast,
    format: Option<kubegraph_formats::Format>,
) -> Result<Printed, kubegraph_query::Diagnostic> {
    let ctx = kubegraph_query::Ctx::new(g, index, facts);
    Ok(match kubegraph_formats::query::run(&ctx, ast, format)? {
        kubegraph_formats::Answer {
            output: kubegraph_query::Output::Nodes(ns),
            format: None,
        } => Printed::Nodes(ns),
        answer => {
            let mut out = Vec::new();
            answer.write(&ctx, &mut out).expect("writes to memory");
            Printed::Text(String::from_utf8(out).expect("UTF-8"))
        }
    })
}

/// A graph with its indexes and facts, built once per source.
pub type Loaded = (
    Graph,
    kubegraph_query::QueryIndex,
    kubegraph_query::GraphFacts,
);

/// [`load`], with its indexes and facts.
pub fn load_all(source: &str) -> Loaded {
    let g = load(source);
    let idx = kubegraph_query::QueryIndex::new(&g);
    (g, idx, kubegraph_query::GraphFacts::default())
}
