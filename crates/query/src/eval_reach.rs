//! `-can_reach->`: a computed edge. Which workloads a node's workload may open connections to
//! under the NetworkPolicies of the graph (kubegraph-netpol), on any connection or on one port.
//!
//! The analysis runs once per [`QueryIndex`](crate::QueryIndex), on first use. Its peers are
//! workloads (`namespace/name[Kind]`: a pod stands for its controlling owner, as
//! `kubegraph connectivity` lists them); here a workload is the graph nodes that stand for it:
//! its own node, its pods, and the owners of its node (a Deployment for a live dump's
//! ReplicaSet). External address ranges and the ingress controller are not nodes of the graph,
//! so they are not reached here (`kubegraph connectivity` lists them).

use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::{kinds, EdgeKind};
use kubegraph_netpol::{Analysis, ConnSet, Endpoint, Protocol};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::ast::{Direction, Filter, Query, Reach, Span, Spanned, Traversal};
use crate::eval::{Ctx, EvalError};

/// The allowed connections between workloads, mapped onto graph nodes.
pub struct ReachIndex {
    /// A node → the workloads it stands for.
    of_node: FxHashMap<NodeId, Vec<u32>>,
    /// A workload → its nodes.
    nodes: Vec<Vec<NodeId>>,
    /// A workload → `(destination workload, connection set)`.
    out: Vec<Vec<(u32, u32)>>,
    /// A workload → `(source workload, connection set)`.
    inc: Vec<Vec<(u32, u32)>>,
    conns: Vec<ConnSet>,
}

impl ReachIndex {
    pub fn new(graph: &Graph) -> Result<ReachIndex, String> {
        let analysis = Analysis::from_graph(graph).map_err(|e| e.to_string())?;
        let n = analysis.workloads.len();
        let mut index = ReachIndex {
            of_node: FxHashMap::default(),
            nodes: vec![Vec::new(); n],
            out: vec![Vec::new(); n],
            inc: vec![Vec::new(); n],
            conns: Vec::new(),
        };
        let clusters: Vec<_> = graph.clusters().map(|(c, _, _)| c).collect();
        for (w, wl) in analysis.workloads.iter().enumerate() {
            let group = kinds::BUILTIN
                .iter()
                .find(|k| k.kind == wl.kind && matches!(k.group, "" | "apps" | "batch"))
                .map_or("", |k| k.group);
            let mut mine = Vec::new();
            for &c in &clusters {
                if let Some(id) = graph.lookup(c, group, &wl.kind, Some(&wl.namespace), &wl.name) {
                    mine.push(id);
                    mine.extend(
                        graph
                            .in_edges(id)
                            .filter(|e| e.kind == EdgeKind::Owns)
                            .map(|e| e.from),
                    );
                }
                for pod in &wl.pods {
                    mine.extend(graph.lookup(c, "", "Pod", Some(&wl.namespace), pod));
                }
            }
            mine.sort_unstable();
            mine.dedup();
            for &id in &mine {
                index.of_node.entry(id).or_default().push(w as u32);
            }
            index.nodes[w] = mine;
        }
        let conn = analysis.connectivity();
        index.conns = conn.conn_sets.clone();
        for &(s, d, c) in &conn.lines {
            if let (Endpoint::Workload(s), Endpoint::Workload(d)) =
                (conn.endpoints[s as usize].1, conn.endpoints[d as usize].1)
            {
                index.out[s].push((d as u32, c));
                index.inc[d].push((s as u32, c));
            }
        }
        Ok(index)
    }

    /// The nodes the start nodes' workloads reach (or are reached from), unordered.
    pub fn walk(&self, start: &[NodeId], direction: Direction, reach: &Reach) -> Vec<NodeId> {
        let port = reach
            .port
            .as_ref()
            .map(|(p, proto)| (*p, Protocol::parse(proto).unwrap_or(Protocol::Tcp)));
        let admits = |c: u32| match port {
            Some((p, proto)) => self.conns[c as usize].contains(proto, p),
            None => !self.conns[c as usize].is_empty(),
        };
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        for w in start.iter().filter_map(|id| self.of_node.get(id)).flatten() {
            let mut add = |list: &[(u32, u32)]| {
                for &(other, c) in list {
                    if admits(c) {
                        for &id in &self.nodes[other as usize] {
                            if seen.insert(id) {
                                out.push(id);
                            }
                        }
                    }
                }
            };
            if matches!(direction, Direction::Out | Direction::Both) {
                add(&self.out[*w as usize]);
            }
            if matches!(direction, Direction::In | Direction::Both) {
                add(&self.inc[*w as usize]);
            }
        }
        out
    }
}

/// Runs the analysis before evaluation when the query has a `can_reach` traversal anywhere,
/// so that a policy the API server would reject is an error at the traversal, and so that
/// filters (which cannot fail) find it ready.
pub fn prepare(ctx: &Ctx, q: &Query) -> Result<(), EvalError> {
    let mut spans = Vec::new();
    for t in &q.traversals {
        if t.reach.is_some() {
            spans.push(t.span);
        }
    }
    for p in &q.parts {
        if let Some(f) = &p.filter {
            reach_in_filter(f, &mut spans);
        }
    }
    match spans.first() {
        Some(&span) => ctx
            .index
            .reach(ctx.graph)
            .map(|_| ())
            .map_err(|e| EvalError::new(span, format!("cannot evaluate NetworkPolicies: {e}"))),
        None => Ok(()),
    }
}

fn reach_in_filter(f: &Spanned<Filter>, spans: &mut Vec<Span>) {
    match &f.node {
        Filter::And(fs) | Filter::Or(fs) => fs.iter().for_each(|f| reach_in_filter(f, spans)),
        Filter::Not(f) => reach_in_filter(f, spans),
        Filter::With(w) => {
            if w.traversal.reach.is_some() {
                spans.push(w.traversal.span);
            }
            if let Some(f) = w.part.as_ref().and_then(|p| p.filter.as_ref()) {
                reach_in_filter(f, spans);
            }
        }
        _ => {}
    }
}

/// A traversal, stored edges or computed: the reached nodes, in the order
/// [`crate::eval_traverse::traverse`] gives for stored edges.
pub fn traverse(ctx: &Ctx, start: &[NodeId], t: &Traversal) -> Vec<NodeId> {
    match &t.reach {
        None => crate::eval_traverse::traverse(ctx.graph, start, t),
        // `prepare` ran the analysis; had it failed, evaluation would have stopped there.
        Some(r) => match ctx.index.reach(ctx.graph) {
            Ok(index) => index.walk(start, t.direction, r),
            Err(_) => Vec::new(),
        },
    }
}
