//! Gremlin evaluation: a step list runs as the search evaluator's operations.
//!
//! * `Has`-like steps become search filters ([`crate::gremlin::props`]) compiled by
//!   [`crate::eval::filter`]; a first `Has` right after `V()` narrows through the
//!   [`crate::QueryIndex`] exactly like a search query's first part.
//! * `Out`/`In`/`Both`, `Descendants`/`Ascendants` are [`crate::eval::traverse`] walks.
//! * The stream is a Gremlin stream, not a set: `V()` yields every node in the stable order
//!   (kind, namespace, name); a node step yields, for each input in turn, its neighbours in the
//!   stable order, so duplicates stay until `Dedup()`.
//!
//! Results: nodes are [`Output::Nodes`], `Count()` is [`Output::Count`], `Values`/`ValueMap`
//! [`Output::Values`] (JSON values), `Keys()` [`Output::Keys`], and edge streams (`E()`,
//! `OutE()`, ...) [`Output::Edges`].

use std::cmp::Ordering;

use kubegraph_graph::{Edge, Graph, NodeId};
use rustc_hash::FxHashSet;

use crate::eval::commands::sort_stable;
use crate::eval::context::Ctx;
use crate::eval::filter::compile;
use crate::eval::traverse::walk;
use crate::gremlin::ast::{Gremlin, KeyValue, Literal, Source, Step};
use crate::gremlin::props::{
    edge_matches, has_not, node_keys, pairs_filter, prop_values, sort_value, value_map,
};
use crate::gremlin::walk::{hierarchy, shortest_path};
use crate::output::{EdgeRef, Json, Output};
use crate::syntax::ast::{Depth, Direction, Order, Spanned, Traversal};
use crate::syntax::diagnostic::{Diagnostic, Span};

/// What flows between steps.
enum Stream<'g> {
    Nodes(Vec<NodeId>),
    Edges(Vec<&'g Edge>),
    /// JSON texts (`Values`, `ValueMap`) or keys (`Keys`), in order.
    Lines(Vec<String>, Lines),
    Count(usize),
}

/// What a line stream holds.
#[derive(Clone, Copy, PartialEq)]
enum Lines {
    Json,
    Keys,
}

/// Runs a Gremlin query to its output.
pub fn run_gremlin(ctx: &Ctx, q: &Gremlin) -> Result<Output, Diagnostic> {
    let g = ctx.graph;
    let mut steps = q.steps.iter().peekable();
    let mut stream = match &q.source.node {
        Source::V(Some(id)) => Stream::Nodes(node_by_id(g, &id.node).into_iter().collect()),
        Source::V(None) => {
            // `V().Has(...)`: the index narrows, then the filter decides (a search first part).
            let first = match steps.peek().map(|s| &s.node) {
                Some(Step::Has(kvs)) => pairs_filter(kvs, false, steps.peek().unwrap().span)?,
                _ => None,
            };
            let mut nodes: Vec<NodeId> = match &first {
                Some(f) => {
                    steps.next();
                    let c = compile(f)?;
                    ctx.index
                        .candidates(g, &f.node)
                        .unwrap_or_else(|| g.nodes().map(|(id, _)| id).collect())
                        .into_iter()
                        .filter(|&id| c.matches(ctx, id))
                        .collect()
                }
                None => g.nodes().map(|(id, _)| id).collect(),
            };
            sort_stable(g, &mut nodes);
            Stream::Nodes(nodes)
        }
        Source::E(Some(_)) => {
            return Err(Diagnostic::eval(
                q.source.span,
                "`E(id)` is not supported: edges have no ids; use `E().Has('RelationType', …)`",
            ))
        }
        Source::E(None) => Stream::Edges(g.edges().iter().collect()),
    };
    for step in steps {
        stream = apply(ctx, stream, step)?;
    }
    Ok(match stream {
        Stream::Nodes(n) => Output::Nodes(n),
        Stream::Edges(es) => Output::Edges(
            es.iter()
                .map(|e| EdgeRef {
                    from: e.from,
                    to: e.to,
                    kind: e.kind,
                })
                .collect(),
        ),
        Stream::Lines(ls, Lines::Json) => Output::Values(ls.into_iter().map(Json::new).collect()),
        Stream::Lines(ls, Lines::Keys) => Output::Keys(ls),
        Stream::Count(n) => Output::Count(n),
    })
}

/// `V('id')`: the node whose id (`cluster/group/Kind/namespace/name`, as `export` writes it)
/// or UID is the string; `V(n)` the node of id `n` (none for a removed node's vacated id).
fn node_by_id(g: &Graph, id: &Literal) -> Option<NodeId> {
    match id {
        Literal::Int(n) => u32::try_from(*n)
            .ok()
            .map(NodeId)
            .filter(|&id| g.get_node(id).is_some()),
        Literal::Str(s) => g
            .nodes()
            .map(|(id, _)| id)
            .find(|&id| g.node_id_string(id) == *s || g.node(id).object.uid.as_deref() == Some(s)),
        _ => None,
    }
}

fn step_name(s: &Step) -> &'static str {
    match s {
        Step::Has(_) => "Has",
        Step::HasKey(_) => "HasKey",
        Step::HasNot(_) => "HasNot",
        Step::HasEither(_) => "HasEither",
        Step::Out(_) => "Out",
        Step::In(_) => "In",
        Step::Both(_) => "Both",
        Step::OutE(_) => "OutE",
        Step::InE(_) => "InE",
        Step::BothE(_) => "BothE",
        Step::OutV(_) => "OutV",
        Step::InV(_) => "InV",
        Step::Dedup(_) => "Dedup",
        Step::Count => "Count",
        Step::Limit(_) => "Limit",
        Step::Range(..) => "Range",
        Step::Sort { .. } => "Sort",
        Step::Values(_) => "Values",
        Step::ValueMap(_) => "ValueMap",
        Step::Keys => "Keys",
        Step::Descendants(_) => "Descendants",
        Step::Ascendants(_) => "Ascendants",
        Step::ShortestPathTo { .. } => "ShortestPathTo",
        Step::SubGraph => "SubGraph",
    }
}

fn wrong_input(step: &Spanned<Step>, s: &Stream) -> Diagnostic {
    let what = match s {
        Stream::Nodes(_) => "nodes",
        Stream::Edges(_) => "edges",
        Stream::Lines(..) => "values",
        Stream::Count(_) => "a count",
    };
    Diagnostic::eval(
        step.span,
        format!(
            "`{}` cannot follow a step that yields {what}",
            step_name(&step.node)
        ),
    )
}

/// Keeps the nodes a set of key/value pairs (or one key) accepts.
fn filter_nodes(
    ctx: &Ctx,
    nodes: Vec<NodeId>,
    f: Option<Spanned<crate::syntax::ast::Filter>>,
) -> Result<Vec<NodeId>, Diagnostic> {
    let Some(f) = f else { return Ok(nodes) };
    let c = compile(&f)?;
    Ok(nodes.into_iter().filter(|&id| c.matches(ctx, id)).collect())
}

fn filter_edges<'g>(es: Vec<&'g Edge>, kvs: &[KeyValue]) -> Result<Vec<&'g Edge>, Diagnostic> {
    let mut out = Vec::new();
    for e in es {
        if edge_matches(e, kvs)? {
            out.push(e);
        }
    }
    Ok(out)
}

fn one_hop(dir: Direction, span: Span) -> Traversal {
    Traversal {
        direction: dir,
        edges: Vec::new(),
        depth: Depth::default(),
        reach: None,
        span,
    }
}

fn apply<'g>(
    ctx: &Ctx<'g>,
    stream: Stream<'g>,
    step: &Spanned<Step>,
) -> Result<Stream<'g>, Diagnostic> {
    let g = ctx.graph;
    let span = step.span;
    Ok(match (stream, &step.node) {
        (Stream::Count(_), _) => {
            return Err(Diagnostic::eval(
                span,
                format!("`{}` cannot follow `Count()`", step_name(&step.node)),
            ))
        }
        // Filters.
        (Stream::Nodes(n), Step::Has(kvs)) => {
            Stream::Nodes(filter_nodes(ctx, n, pairs_filter(kvs, false, span)?)?)
        }
        (Stream::Nodes(n), Step::HasEither(kvs)) => {
            Stream::Nodes(filter_nodes(ctx, n, pairs_filter(kvs, true, span)?)?)
        }
        (Stream::Nodes(n), Step::HasKey(k)) => {
            let kv = [KeyValue {
                key: k.clone(),
                value: None,
            }];
            Stream::Nodes(filter_nodes(ctx, n, pairs_filter(&kv, false, span)?)?)
        }
        (Stream::Nodes(n), Step::HasNot(k)) => {
            Stream::Nodes(filter_nodes(ctx, n, Some(has_not(k)?))?)
        }
        (Stream::Edges(es), Step::Has(kvs)) => Stream::Edges(filter_edges(es, kvs)?),
        (Stream::Edges(es), Step::HasKey(k)) => {
            let kv = [KeyValue {
                key: k.clone(),
                value: None,
            }];
            Stream::Edges(filter_edges(es, &kv)?)
        }
        // Node steps.
        (Stream::Nodes(n), Step::Out(kvs) | Step::In(kvs) | Step::Both(kvs)) => {
            let dir = match step.node {
                Step::Out(_) => Direction::Out,
                Step::In(_) => Direction::In,
                _ => Direction::Both,
            };
            let t = one_hop(dir, span);
            let mut out = Vec::new();
            for id in n {
                let mut reached = walk(g, &[id], &t);
                sort_stable(g, &mut reached);
                out.extend(reached);
            }
            Stream::Nodes(filter_nodes(ctx, out, pairs_filter(kvs, false, span)?)?)
        }
        (Stream::Nodes(n), Step::OutE(kvs) | Step::InE(kvs) | Step::BothE(kvs)) => {
            let (out_e, in_e) = match step.node {
                Step::OutE(_) => (true, false),
                Step::InE(_) => (false, true),
                _ => (true, true),
            };
            let mut es = Vec::new();
            for id in n {
                if out_e {
                    es.extend(g.out_edges(id));
                }
                if in_e {
                    es.extend(g.in_edges(id));
                }
            }
            Stream::Edges(filter_edges(es, kvs)?)
        }
        (Stream::Edges(es), Step::OutV(kvs) | Step::InV(kvs)) => {
            let out_v = matches!(step.node, Step::OutV(_));
            let n = es
                .iter()
                .map(|e| if out_v { e.from } else { e.to })
                .collect();
            Stream::Nodes(filter_nodes(ctx, n, pairs_filter(kvs, false, span)?)?)
        }
        (Stream::Nodes(n), Step::Descendants(d) | Step::Ascendants(d)) => {
            let down = matches!(step.node, Step::Descendants(_));
            Stream::Nodes(hierarchy(g, &n, down, *d, span))
        }
        (Stream::Nodes(n), Step::ShortestPathTo { to, via }) => {
            let f = pairs_filter(to, false, span)?;
            let c = f.as_ref().map(compile).transpose()?;
            let mut out = Vec::new();
            for id in n {
                let is_target = |t: NodeId| c.as_ref().is_none_or(|c| c.matches(ctx, t));
                out.extend(shortest_path(g, id, is_target, via.as_deref())?);
            }
            Stream::Nodes(out)
        }
        (Stream::Nodes(mut n), Step::SubGraph) => {
            sort_stable(g, &mut n);
            n.dedup();
            Stream::Nodes(n)
        }
        // Projections.
        (Stream::Nodes(n), Step::Values(keys)) => {
            if keys.is_empty() {
                return Err(Diagnostic::eval(span, "`Values` needs one or more keys"));
            }
            let mut out = Vec::new();
            for &id in &n {
                for k in keys {
                    out.extend(prop_values(ctx, id, k));
                }
            }
            Stream::Lines(out, Lines::Json)
        }
        (Stream::Nodes(n), Step::ValueMap(keys)) => Stream::Lines(
            n.iter().map(|&id| value_map(ctx, id, keys)).collect(),
            Lines::Json,
        ),
        (Stream::Nodes(n), Step::Keys) => {
            let mut keys: Vec<String> = n.iter().flat_map(|&id| node_keys(g, id)).collect();
            keys.sort();
            keys.dedup();
            Stream::Lines(keys, Lines::Keys)
        }
        // Stream steps, for every kind of stream.
        (s, Step::Count) => Stream::Count(match &s {
            Stream::Nodes(n) => n.len(),
            Stream::Edges(e) => e.len(),
            Stream::Lines(l, _) => l.len(),
            Stream::Count(_) => 1,
        }),
        (s, Step::Limit(k)) => window(s, 0, *k),
        (s, Step::Range(a, b)) => window(s, *a, b.saturating_sub(*a)),
        (Stream::Nodes(n), Step::Dedup(keys)) => {
            let mut seen = FxHashSet::default();
            Stream::Nodes(
                n.into_iter()
                    .filter(|&id| {
                        if keys.is_empty() {
                            seen.insert(vec![id.0.to_string()])
                        } else {
                            let vals = keys.iter().flat_map(|k| prop_values(ctx, id, k));
                            seen.insert(vals.collect())
                        }
                    })
                    .collect(),
            )
        }
        (Stream::Edges(es), Step::Dedup(keys)) if keys.is_empty() => {
            let mut seen = FxHashSet::default();
            Stream::Edges(
                es.into_iter()
                    .filter(|e| seen.insert((e.from, e.to, e.kind)))
                    .collect(),
            )
        }
        (Stream::Lines(ls, kind), Step::Dedup(keys)) if keys.is_empty() => {
            let mut seen = FxHashSet::default();
            Stream::Lines(
                ls.into_iter().filter(|l| seen.insert(l.clone())).collect(),
                kind,
            )
        }
        (Stream::Nodes(mut n), Step::Sort { order, key }) => {
            match key {
                None => sort_stable(g, &mut n),
                Some(k) => {
                    let mut keyed: Vec<_> =
                        n.iter().map(|&id| (sort_value(ctx, id, k), id)).collect();
                    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
                        (Some(a), Some(b)) => {
                            let o = a.sort_cmp(b);
                            if *order == Some(Order::Desc) {
                                o.reverse()
                            } else {
                                o
                            }
                        }
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    });
                    n = keyed.into_iter().map(|(_, id)| id).collect();
                }
            }
            if key.is_none() && *order == Some(Order::Desc) {
                n.reverse();
            }
            Stream::Nodes(n)
        }
        (Stream::Lines(mut ls, kind), Step::Sort { order, key: None }) => {
            ls.sort();
            if *order == Some(Order::Desc) {
                ls.reverse();
            }
            Stream::Lines(ls, kind)
        }
        (s, _) => return Err(wrong_input(step, &s)),
    })
}

fn window(s: Stream, skip: u64, take: u64) -> Stream {
    let cut = |len: usize| {
        let a = (skip as usize).min(len);
        (a, (a + take as usize).min(len))
    };
    match s {
        Stream::Nodes(n) => {
            let (a, b) = cut(n.len());
            Stream::Nodes(n[a..b].to_vec())
        }
        Stream::Edges(e) => {
            let (a, b) = cut(e.len());
            Stream::Edges(e[a..b].to_vec())
        }
        Stream::Lines(l, kind) => {
            let (a, b) = cut(l.len());
            Stream::Lines(l[a..b].to_vec(), kind)
        }
        c @ Stream::Count(_) => c,
    }
}
