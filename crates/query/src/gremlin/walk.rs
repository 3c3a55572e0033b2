//! Walks behind `Descendants`, `Ascendants` and `ShortestPathTo`.

use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::EdgeKind;

use crate::eval::commands::sort_stable;
use crate::eval::traverse::walk;
use crate::gremlin::ast::KeyValue;
use crate::gremlin::props::edge_matches;
use crate::syntax::ast::{Depth, Direction, Spanned, Traversal};
use crate::syntax::diagnostic::{Diagnostic, Span};

/// `Descendants`: nodes reached along outgoing `owns`/`contains` edges; `Ascendants`: along
/// incoming ones. Depth `None` is unbounded; the start nodes are not included unless another
/// start node reaches them. The union over all start nodes, in the stable order.
pub fn hierarchy(
    g: &Graph,
    start: &[NodeId],
    down: bool,
    depth: Option<u64>,
    span: Span,
) -> Vec<NodeId> {
    let t = Traversal {
        direction: if down { Direction::Out } else { Direction::In },
        edges: [EdgeKind::Owns, EdgeKind::Contains]
            .into_iter()
            .map(|k| Spanned::new(k, span))
            .collect(),
        depth: Depth {
            min: 1,
            max: depth.map(|d| d.min(u32::MAX as u64) as u32),
        },
        reach: None,
        span,
    };
    let mut out: Vec<NodeId> = Vec::new();
    if depth == Some(0) {
        return out;
    }
    for &id in start {
        out.extend(walk(g, &[id], &t));
    }
    sort_stable(g, &mut out);
    out.dedup();
    out
}

/// Breadth-first over every edge in both directions (only the edges `via` accepts, when given)
/// from `from` to the nearest node `is_target` accepts; the path's nodes, start first. Ties go
/// to the neighbour first in the stable order. Empty when no target is reachable.
pub fn shortest_path(
    g: &Graph,
    from: NodeId,
    is_target: impl Fn(NodeId) -> bool,
    via: Option<&[KeyValue]>,
) -> Result<Vec<NodeId>, Diagnostic> {
    let mut prev: rustc_hash::FxHashMap<NodeId, NodeId> = Default::default();
    prev.insert(from, from);
    let mut queue = std::collections::VecDeque::from([from]);
    while let Some(id) = queue.pop_front() {
        if is_target(id) {
            let mut path = vec![id];
            let mut cur = id;
            while cur != from {
                cur = prev[&cur];
                path.push(cur);
            }
            path.reverse();
            return Ok(path);
        }
        let mut next = Vec::new();
        for e in g.out_edges(id).chain(g.in_edges(id)) {
            let ok = match via {
                None => true,
                Some(kvs) => edge_matches(e, kvs)?,
            };
            if ok {
                next.push(if e.from == id { e.to } else { e.from });
            }
        }
        sort_stable(g, &mut next);
        for n in next {
            if let std::collections::hash_map::Entry::Vacant(v) = prev.entry(n) {
                v.insert(id);
                queue.push_back(n);
            }
        }
    }
    Ok(Vec::new())
}
