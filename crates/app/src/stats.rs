//! `stats`: what a landscape holds, by kind, what it misses, and how healthy it is.

use crate::landscape::{Origin as SourceOrigin, Snapshot};
use kubegraph_graph::Origin;
use kubegraph_health::State;
use kubegraph_model::{EdgeKind, ObjectRef};
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts of a snapshot.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Stats {
    /// Cluster names, in graph order.
    pub clusters: Vec<String>,
    /// Files read (0 for live sources).
    pub files: usize,
    /// Objects in the input.
    pub objects: usize,
    /// Nodes of the graph: objects, synthetic nodes and placeholders.
    pub nodes: usize,
    /// Edges of the graph.
    pub edges: usize,
    /// Objects by (group-qualified) kind.
    pub objects_by_kind: BTreeMap<String, usize>,
    /// Nodes kubegraph made (containers, images, implied namespaces, …) by kind.
    pub synthetic_by_kind: BTreeMap<String, usize>,
    /// Placeholders by kind.
    pub placeholders_by_kind: BTreeMap<String, usize>,
    /// Each placeholder with how many objects reference it, most referenced first.
    pub missing: Vec<Missing>,
    /// Edges by kind.
    pub edges_by_kind: BTreeMap<&'static str, usize>,
    /// Nodes by health, worst first, zeros included.
    #[serde(serialize_with = "health_map")]
    #[schema(value_type = std::collections::BTreeMap<String, usize>)]
    pub health: Vec<(State, usize)>,
    /// Warnings about the input.
    pub warnings: Vec<String>,
    /// Where the objects came from.
    #[serde(skip)]
    pub origin: SourceOrigin,
}

/// A referenced object that is absent.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Missing {
    /// `storage.k8s.io/StorageClass io2-fast`.
    pub object: String,
    /// Edges to or from it other than containment.
    pub referrers: usize,
}

fn health_map<S: serde::Serializer>(health: &[(State, usize)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(health.iter().map(|(state, n)| (state.as_str(), n)))
}

/// Counts everything in `snapshot`; health against its reference time.
pub fn stats(snapshot: &Snapshot) -> Stats {
    let graph = &snapshot.graph;
    let mut objects = BTreeMap::new();
    let mut synthetic = BTreeMap::new();
    let mut placeholders = BTreeMap::new();
    for (_, n) in graph.nodes() {
        let bucket = match n.origin {
            Origin::Source => &mut objects,
            Origin::Placeholder => &mut placeholders,
            Origin::Implied | Origin::Synthetic => &mut synthetic,
        };
        let name = match n.origin {
            Origin::Implied => "Namespace (implied)".to_string(),
            _ => n.object.gk().to_string(),
        };
        *bucket.entry(name).or_default() += 1;
    }
    let mut edges = BTreeMap::new();
    for e in graph.edges() {
        *edges.entry(e.kind.as_str()).or_default() += 1;
    }
    Stats {
        clusters: graph
            .clusters()
            .map(|(_, name, _)| name.to_string())
            .collect(),
        files: match snapshot.origin {
            SourceOrigin::Files(n) => n,
            SourceOrigin::Live => 0,
        },
        objects: snapshot.objects,
        nodes: graph.node_count(),
        edges: graph.edge_count(),
        objects_by_kind: objects,
        synthetic_by_kind: synthetic,
        placeholders_by_kind: placeholders,
        missing: missing_objects(snapshot),
        edges_by_kind: edges,
        health: kubegraph_health::summary(graph, snapshot.health()).to_vec(),
        warnings: snapshot.diagnostics.iter().map(|d| d.to_string()).collect(),
        origin: snapshot.origin,
    }
}

/// Each placeholder as `Kind namespace/name` with how many objects reference it, most referenced
/// first: what is missing matters more than how many kinds of things are.
fn missing_objects(snapshot: &Snapshot) -> Vec<Missing> {
    let graph = &snapshot.graph;
    let mut missing: Vec<Missing> = graph
        .nodes()
        .filter(|(_, n)| n.missing())
        .map(|(id, n)| {
            let referrers = graph
                .in_edges(id)
                .chain(graph.out_edges(id))
                .filter(|e| e.kind != EdgeKind::Contains)
                .count();
            Missing {
                object: format!("{:#}", ObjectRef::of(&n.object)),
                referrers,
            }
        })
        .collect();
    missing.sort_by(|a, b| {
        b.referrers
            .cmp(&a.referrers)
            .then_with(|| a.object.cmp(&b.object))
    });
    missing
}
