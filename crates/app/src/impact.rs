//! `impact`: what breaks if an object is deleted. Everything that depends on it, through the
//! dependency edges only (the "depends" column of docs/relations.md: mounts, uses, selects,
//! routes, binds, runs on, is provisioned by, is backed by, aggregates; and ownership, as the
//! garbage collector follows it), never through containment, events or endpoint objects.
//!
//! Each dependent comes with the edge that makes it depend, the object it depends on through
//! that edge, and the health it would fall to:
//!
//! * **deleted**: owned by a deleted object, the garbage collector deletes it too;
//! * **error**: it references a deleted or broken object (a pod or a workload template that
//!   mounts or uses it, a binding of a deleted role, a claim of a deleted class, an ingress of
//!   a deleted service); a selector or an owner all of whose pods break (a service with no
//!   endpoint left, a ReplicaSet with no pod);
//! * **warning**: a selector or an owner some of whose pods break, or that depends on a
//!   degraded object.
//!
//! Optional references (`optional: true`) are left out: nothing depends on them.

use crate::error::Result;
use crate::landscape::Snapshot;
use crate::target::{resolve_one_with, Options};
use crate::NodeSummary;
use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::State;
use kubegraph_model::{Dependency, EdgeKind};
use kubegraph_query::Scope;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// What deleting an object would break.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Impact {
    /// The object deleted.
    pub target: NodeSummary,
    /// `Deployment shop/web`.
    pub label: String,
    /// How many objects depend on it, directly or through others.
    pub total: usize,
    /// The dependents by kind (`apps/Deployment`), kinds in name order.
    pub groups: Vec<ImpactGroup>,
}

/// The dependents of one kind.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImpactGroup {
    /// The kind, qualified by its group (`apps/Deployment`, `Pod`).
    pub kind: String,
    /// Each dependent, nearest first, then by name.
    pub items: Vec<ImpactItem>,
}

/// One object that depends on the deleted one.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImpactItem {
    /// The dependent.
    pub node: NodeSummary,
    /// `Pod shop/web-1`.
    pub label: String,
    /// How it depends (`uses`, `mounts`, `selects`, `routes to`, `owned by`, …).
    pub via: &'static str,
    /// What it depends on through that edge: the deleted object, or a dependent of it.
    pub on: String,
    /// The id of that object.
    pub on_id: String,
    /// Edges between it and the deleted object (1: it references the object itself).
    pub depth: usize,
    /// The health it would fall to.
    pub falls_to: Fall,
    /// Its health now.
    #[schema(value_type = String, example = "ok")]
    pub now: State,
}

/// The health a dependent would fall to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Fall {
    /// Degraded: some of what it needs would be gone.
    Warning,
    /// Broken: what it needs would be gone.
    Error,
    /// Deleted with its owner by the garbage collector.
    Deleted,
}

impl Fall {
    /// `warning`, `error`, `deleted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Fall::Warning => "warning",
            Fall::Error => "error",
            Fall::Deleted => "deleted",
        }
    }
}

impl std::fmt::Display for Fall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What deleting `target` (one object; see [`crate::target`]) would break.
pub fn impact(snapshot: &Snapshot, target: &str, scope: Option<&Scope>) -> Result<Impact> {
    let options = Options {
        scope,
        prefer_namespace: false,
    };
    let id = resolve_one_with(snapshot, target, options)?;
    Ok(impact_of(snapshot, id))
}

/// Endpoints and EndpointSlices follow their service's pods: they are bookkeeping, not
/// dependents.
fn is_endpoints(graph: &Graph, id: NodeId) -> bool {
    let o = &graph.node(id).object;
    (o.kind == "Endpoints" && o.group.is_empty())
        || (o.kind == "EndpointSlice" && o.group == "discovery.k8s.io")
}

/// How a dependent says it depends on the other end.
fn phrase(kind: EdgeKind, reversed: bool) -> &'static str {
    match (kind, reversed) {
        (EdgeKind::Owns, false) => "owned by",
        (EdgeKind::Owns, true) => "owns",
        (EdgeKind::RunsOn, _) => "runs on",
        (EdgeKind::Routes, _) => "routes to",
        (EdgeKind::Provisions, _) => "is provisioned by",
        (EdgeKind::Backs, _) => "is backed by",
        (k, _) => k.as_str(),
    }
}

struct Hit {
    fall: Fall,
    via: &'static str,
    on: NodeId,
    depth: usize,
}

/// What deleting the node `target` would break.
pub fn impact_of(snapshot: &Snapshot, target: NodeId) -> Impact {
    let graph = &snapshot.graph;
    let mut hit: HashMap<NodeId, Hit> = HashMap::new();
    let mut queue = VecDeque::from([(target, Fall::Deleted, 0usize)]);
    // Dependents whose fall is decided by how many of their pods break (selectors, owners).
    let aggregate = |graph: &Graph, hit: &HashMap<NodeId, Hit>, d: NodeId, kind: EdgeKind| {
        let members: Vec<NodeId> = graph
            .out_edges(d)
            .filter(|e| e.kind == kind)
            .map(|e| e.to)
            .filter(|&m| !is_endpoints(graph, m))
            .collect();
        let broken = members
            .iter()
            .filter(|m| **m == target || hit.get(m).is_some_and(|h| h.fall >= Fall::Error))
            .count();
        if !members.is_empty() && broken == members.len() {
            Fall::Error
        } else {
            Fall::Warning
        }
    };
    while let Some((n, fall, depth)) = queue.pop_front() {
        let mut next: Vec<(NodeId, Fall, &'static str)> = Vec::new();
        for e in graph.out_edges(n) {
            match e.kind {
                // What a deleted owner owns is deleted with it.
                EdgeKind::Owns if fall == Fall::Deleted => {
                    next.push((e.to, Fall::Deleted, phrase(EdgeKind::Owns, false)))
                }
                // The other end needs this one (a webhook its service, a claim its class).
                k if k != EdgeKind::Owns && k.depends() == Dependency::TargetOnSource => {
                    next.push((e.to, fall.min(Fall::Error), phrase(k, true)))
                }
                _ => {}
            }
        }
        for e in graph.in_edges(n) {
            if e.kind.depends() != Dependency::SourceOnTarget
                || e.attrs.get("optional").and_then(|v| v.as_bool()) == Some(true)
            {
                continue;
            }
            let d = e.from;
            let f = match e.kind {
                EdgeKind::Selects => aggregate(graph, &hit, d, EdgeKind::Selects),
                EdgeKind::Aggregates => Fall::Warning,
                _ if fall == Fall::Warning => Fall::Warning,
                _ => Fall::Error,
            };
            next.push((d, f, phrase(e.kind, false)));
        }
        // An owner of something broken or deleted: its replicas are down (a deleted pod is
        // made again, so only a broken one counts).
        if fall == Fall::Error || fall == Fall::Warning {
            for e in graph.in_edges(n).filter(|e| e.kind == EdgeKind::Owns) {
                let f = if fall == Fall::Error {
                    aggregate(graph, &hit, e.from, EdgeKind::Owns)
                } else {
                    Fall::Warning
                };
                next.push((e.from, f, phrase(EdgeKind::Owns, true)));
            }
        }
        for (d, f, via) in next {
            if d == target || is_endpoints(graph, d) || graph.node(d).parent.is_some() {
                continue;
            }
            let worse = hit.get(&d).is_none_or(|h| f > h.fall);
            if worse {
                let first = hit.get(&d).map(|h| (h.via, h.on, h.depth));
                let (via, on, dep) = first.unwrap_or((via, n, depth + 1));
                hit.insert(
                    d,
                    Hit {
                        fall: f,
                        via,
                        on,
                        depth: dep,
                    },
                );
                queue.push_back((d, f, depth + 1));
            }
        }
    }
    let mut groups: BTreeMap<String, Vec<ImpactItem>> = BTreeMap::new();
    for (id, h) in &hit {
        let kind = graph.node(*id).object.gk().to_string();
        groups.entry(kind).or_default().push(ImpactItem {
            node: NodeSummary::of(graph, *id),
            label: snapshot.label(*id),
            via: h.via,
            on: snapshot.label(h.on),
            on_id: graph.node_id_string(h.on),
            depth: h.depth,
            falls_to: h.fall,
            now: snapshot.health_of(*id).state,
        });
    }
    let groups: Vec<ImpactGroup> = groups
        .into_iter()
        .map(|(kind, mut items)| {
            items.sort_by(|a, b| a.depth.cmp(&b.depth).then_with(|| a.label.cmp(&b.label)));
            ImpactGroup { kind, items }
        })
        .collect();
    Impact {
        target: NodeSummary::of(graph, target),
        label: snapshot.label(target),
        total: hit.len(),
        groups,
    }
}
