//! Traversals (`-->`, `<-kind[1:3]-`, `<-[0:]->`, and the computed `-can_reach->`) and the
//! nearest-ancestor lookup behind `ancestors.<kind>.<path>`.
//!
//! A traversal is a breadth-first walk from the whole start set at once: a node's depth is its
//! shortest distance from any start node, each node is visited once (cycles end the walk), and
//! the result is the nodes whose depth lies in the range. `[0:]` therefore includes the start
//! set and `[1:]` never does.

use crate::eval::index::QueryIndex;
use std::collections::VecDeque;

use kubegraph_graph::{Graph, Node, NodeId};
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};
use kubegraph_model::EdgeKind;
use rustc_hash::FxHashSet;

use crate::eval::context::Ctx;
use crate::syntax::ast::{Direction, Filter, KindSel, Query, Span, Spanned, Traversal};
use crate::syntax::diagnostic::Diagnostic;

/// Whether a node is of a kind selector (`is(...)` for one kind).
pub fn kind_matches(index: &QueryIndex, node: &Node, sel: &KindSel) -> bool {
    let o = &node.object;
    if let KindSel::Custom { group, kind } = sel {
        // A custom resource's plural, singular or short name, from its CRD in the input.
        if index
            .custom_names(group.as_deref(), kind)
            .iter()
            .any(|(g, k)| *g == o.group && *k == o.kind)
        {
            return true;
        }
    }
    match sel {
        KindSel::Builtin(gks) => gks.iter().any(|gk| gk.is(&o.group, &o.kind)),
        KindSel::Abstract(cat) if cat == "kubernetes_resource" => o.group != SYNTHETIC_GROUP,
        KindSel::Abstract(cat) => {
            kinds::builtin(&o.group, &o.kind).is_some_and(|k| k.categories.contains(&cat.as_str()))
        }
        KindSel::Custom {
            group: Some(g),
            kind,
        } => o.group == *g && o.kind == *kind,
        KindSel::Custom { group: None, kind } => o.kind.eq_ignore_ascii_case(kind),
    }
}

/// Calls `f` with every neighbour of `id` one hop away.
fn neighbours(
    g: &Graph,
    id: NodeId,
    dir: Direction,
    edges: &[EdgeKind],
    mut f: impl FnMut(NodeId),
) {
    let ok = |k: EdgeKind| edges.is_empty() || edges.contains(&k);
    if matches!(dir, Direction::Out | Direction::Both) {
        g.out_edges(id).filter(|e| ok(e.kind)).for_each(|e| f(e.to));
    }
    if matches!(dir, Direction::In | Direction::Both) {
        g.in_edges(id)
            .filter(|e| ok(e.kind))
            .for_each(|e| f(e.from));
    }
}

/// The nodes a traversal over stored edges reaches from `start`, each once, in no particular
/// order.
pub fn walk(g: &Graph, start: &[NodeId], t: &Traversal) -> Vec<NodeId> {
    let edges: Vec<EdgeKind> = t.edges.iter().map(|e| e.node).collect();
    let mut seen: FxHashSet<NodeId> = start.iter().copied().collect();
    let mut frontier: Vec<NodeId> = seen.iter().copied().collect();
    let mut out = Vec::new();
    let mut depth = 0u32;
    loop {
        if depth >= t.depth.min {
            out.extend_from_slice(&frontier);
        }
        if frontier.is_empty() || t.depth.max.is_some_and(|m| depth >= m) {
            break;
        }
        let mut next = Vec::new();
        for &id in &frontier {
            neighbours(g, id, t.direction, &edges, |n| {
                if seen.insert(n) {
                    next.push(n);
                }
            });
        }
        frontier = next;
        depth += 1;
    }
    out
}

/// The nearest node of a kind along incoming edges (`ancestors`) or outgoing edges
/// (`descendants`), breadth-first, ties broken by edge order. `runs_on` counts the other way:
/// a node hosts its pods the way a namespace contains them, so `ancestors.node.name` of a pod is
/// the node it runs on and a node's descendants include its pods.
pub fn nearest(ctx: &Ctx, start: NodeId, sel: &KindSel, ancestors: bool) -> Option<NodeId> {
    let g = ctx.graph;
    let mut seen = FxHashSet::default();
    seen.insert(start);
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        let up = g
            .in_edges(id)
            .filter(|e| (e.kind != EdgeKind::RunsOn) == ancestors)
            .map(|e| e.from);
        let down = g
            .out_edges(id)
            .filter(|e| (e.kind == EdgeKind::RunsOn) == ancestors)
            .map(|e| e.to);
        let next: Vec<NodeId> = if ancestors {
            down.chain(up).collect()
        } else {
            up.chain(down).collect()
        };
        for n in next {
            if seen.insert(n) {
                if kind_matches(ctx.index, g.node(n), sel) {
                    return Some(n);
                }
                queue.push_back(n);
            }
        }
    }
    None
}

/// Runs the analysis before evaluation when the query has a `can_reach` traversal anywhere,
/// so that a policy the API server would reject is an error at the traversal, and so that
/// filters (which cannot fail) find it ready.
pub fn prepare(ctx: &Ctx, q: &Query) -> Result<(), Diagnostic> {
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
        Some(&span) => {
            ctx.facts.reach(ctx.graph).map(|_| ()).map_err(|e| {
                Diagnostic::eval(span, format!("cannot evaluate NetworkPolicies: {e}"))
            })
        }
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
/// [`walk`] gives for stored edges.
pub fn traverse(ctx: &Ctx, start: &[NodeId], t: &Traversal) -> Vec<NodeId> {
    match &t.reach {
        None => walk(ctx.graph, start, t),
        // `prepare` ran the analysis; had it failed, evaluation would have stopped there.
        Some(r) => match ctx.facts.reach(ctx.graph) {
            Ok(index) => index.walk(start, t.direction, r),
            Err(_) => Vec::new(),
        },
    }
}
