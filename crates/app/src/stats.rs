//! `stats`: what a landscape holds, by kind, what it misses, and how healthy it is.

use crate::landscape::{Origin as SourceOrigin, Snapshot};
use kubegraph_graph::{NodeId, Origin};
use kubegraph_health::State;
use kubegraph_model::{EdgeKind, ObjectRef};
use kubegraph_query::Scope;
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
    stats_in(snapshot, None)
}

/// [`stats`] of what `scope` shows (`-n`, `-l`): its nodes, the edges from them.
pub fn stats_in(snapshot: &Snapshot, scope: Option<&Scope>) -> Stats {
    let graph = &snapshot.graph;
    let shown = |id: NodeId| scope.is_none_or(|s| s.contains(graph, id));
    let mut objects = BTreeMap::new();
    let mut synthetic = BTreeMap::new();
    let mut placeholders = BTreeMap::new();
    let mut in_input = 0;
    let mut nodes = 0;
    for (id, n) in graph.nodes() {
        if !shown(id) {
            continue;
        }
        nodes += 1;
        if n.origin == Origin::Source {
            in_input += 1;
        }
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
    let mut edge_count = 0;
    for e in graph.edges() {
        if shown(e.from) {
            *edges.entry(e.kind.as_str()).or_default() += 1;
            edge_count += 1;
        }
    }
    let scoped = scope.is_some();
    let health = if scoped {
        let mut counts = State::ALL.map(|s| (s, 0));
        for (id, _) in graph.nodes().filter(|(id, _)| shown(*id)) {
            let state = snapshot.health_of(id).state;
            if let Some(c) = counts.iter_mut().find(|(s, _)| *s == state) {
                c.1 += 1;
            }
        }
        counts.to_vec()
    } else {
        kubegraph_health::summary(graph, snapshot.health()).to_vec()
    };
    Stats {
        clusters: graph
            .clusters()
            .map(|(_, name, _)| name.to_string())
            .collect(),
        files: match snapshot.origin {
            SourceOrigin::Files(n) => n,
            SourceOrigin::Live => 0,
        },
        objects: if scoped { in_input } else { snapshot.objects },
        nodes: if scoped { nodes } else { graph.node_count() },
        edges: if scoped {
            edge_count
        } else {
            graph.edge_count()
        },
        objects_by_kind: objects,
        synthetic_by_kind: synthetic,
        placeholders_by_kind: placeholders,
        missing: missing_objects(snapshot, &shown),
        edges_by_kind: edges,
        health,
        warnings: snapshot.diagnostics.iter().map(|d| d.to_string()).collect(),
        origin: snapshot.origin,
    }
}

/// Each placeholder as `Kind namespace/name` with how many objects reference it, most referenced
/// first: what is missing matters more than how many kinds of things are.
fn missing_objects(snapshot: &Snapshot, shown: &dyn Fn(NodeId) -> bool) -> Vec<Missing> {
    let graph = &snapshot.graph;
    let mut missing: Vec<Missing> = graph
        .nodes()
        .filter(|(id, n)| n.missing() && shown(*id))
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
