//! What changed between two snapshots of a landscape, as a front end that shows it live needs
//! it: nodes added, changed and removed (with their health), edges added and removed, health
//! changed. Nodes and edges are matched by their export ids, so the answer does not depend on
//! how either graph numbered its nodes.

use crate::landscape::Snapshot;
use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::State;
use kubegraph_model::json::{JsonValueTrait, Path};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// One change.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// A node appeared.
    NodeAdded(NodeState),
    /// A node's object changed (its health may have too).
    NodeChanged(NodeState),
    /// A node is gone.
    NodeRemoved(NodeState),
    /// Only a node's health changed (a dependency broke or recovered).
    HealthChanged(NodeState),
    /// An edge appeared.
    EdgeAdded(EdgeRef),
    /// An edge is gone.
    EdgeRemoved(EdgeRef),
}

/// A node and its health, as of the change.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct NodeState {
    /// Its export id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its name.
    pub name: String,
    /// Referenced but absent.
    pub missing: bool,
    /// Its health (for a removed node: the last known).
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why.
    pub reason: String,
}

/// An edge by its ends' ids.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
pub struct EdgeRef {
    /// The id of the node it leaves.
    pub from: String,
    /// The id of the node it reaches.
    pub to: String,
    /// Its kind.
    pub kind: &'static str,
}

fn node_state(s: &Snapshot, id: NodeId) -> NodeState {
    let n = s.graph.node(id);
    let h = s.health_of(id);
    NodeState {
        id: s.graph.node_id_string(id),
        kind: n.object.kind.clone(),
        namespace: n.object.namespace.clone(),
        name: n.object.name.clone(),
        missing: n.missing(),
        state: h.state,
        reason: h.reason.clone(),
    }
}

fn ids(g: &Graph) -> HashMap<String, NodeId> {
    g.nodes()
        .map(|(id, _)| (g.node_id_string(id), id))
        .collect()
}

/// Whether a node's object is another version: same shared object, or same resourceVersion
/// and origin, is unchanged.
fn changed(old: &Graph, a: NodeId, new: &Graph, b: NodeId) -> bool {
    let (x, y) = (old.node(a), new.node(b));
    if Arc::ptr_eq(&x.object, &y.object) {
        return x.origin != y.origin;
    }
    let version = |o: &kubegraph_model::Object| {
        o.raw
            .ptr("/metadata/resourceVersion")
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    match (version(&x.object), version(&y.object)) {
        (Some(v), Some(w)) => v != w || x.origin != y.origin,
        _ => x.object != y.object || x.origin != y.origin,
    }
}

/// Everything that differs from `old` to `new`: removals first, then additions and changes,
/// each in id order.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let (before, after) = (ids(&old.graph), ids(&new.graph));
    let mut out = Vec::new();
    let mut sorted = |mut v: Vec<Change>| {
        v.sort_by(|a, b| key(a).cmp(&key(b)));
        out.extend(v);
    };
    let edge_set = |s: &Snapshot| -> HashSet<EdgeRef> {
        s.graph
            .edges()
            .iter()
            .map(|e| EdgeRef {
                from: s.graph.node_id_string(e.from),
                to: s.graph.node_id_string(e.to),
                kind: e.kind.as_str(),
            })
            .collect()
    };
    let (old_edges, new_edges) = (edge_set(old), edge_set(new));
    sorted(
        old_edges
            .difference(&new_edges)
            .cloned()
            .map(Change::EdgeRemoved)
            .collect(),
    );
    sorted(
        before
            .iter()
            .filter(|(id, _)| !after.contains_key(*id))
            .map(|(_, &n)| Change::NodeRemoved(node_state(old, n)))
            .collect(),
    );
    let mut nodes = Vec::new();
    for (id, &b) in &after {
        match before.get(id) {
            None => nodes.push(Change::NodeAdded(node_state(new, b))),
            Some(&a) => {
                let (ha, hb) = (old.health_of(a), new.health_of(b));
                if changed(&old.graph, a, &new.graph, b) {
                    nodes.push(Change::NodeChanged(node_state(new, b)));
                } else if ha.state != hb.state || ha.reason != hb.reason {
                    nodes.push(Change::HealthChanged(node_state(new, b)));
                }
            }
        }
    }
    sorted(nodes);
    sorted(
        new_edges
            .difference(&old_edges)
            .cloned()
            .map(Change::EdgeAdded)
            .collect(),
    );
    out
}

fn key(c: &Change) -> (String, &'static str, String) {
    match c {
        Change::NodeAdded(n)
        | Change::NodeChanged(n)
        | Change::NodeRemoved(n)
        | Change::HealthChanged(n) => (n.id.clone(), "", String::new()),
        Change::EdgeAdded(e) | Change::EdgeRemoved(e) => (e.from.clone(), e.kind, e.to.clone()),
    }
}
