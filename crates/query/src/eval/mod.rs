//! The search evaluator: parts, traversals and commands, to a typed [`Output`].
//!
//! ```text
//! filter (indexed) → traversal → filter → … → sort/limit/head/tail/uniq
//!   → count | list | dump | aggregate | tag | clean      (commands.rs, aggregate.rs, actions.rs)
//! ```
//!
//! * The first part narrows with [`QueryIndex`] (kinds, namespaces, names, labels, placeholders)
//!   and then checks the whole filter on each candidate; later parts filter what the traversal
//!   reached.
//! * Every part's result is a set in a stable order: kind, namespace, name (then group, cluster,
//!   node id), until `sort` reorders it.
//! * `health`, `age` and `-can_reach->` read the [`Facts`] the caller gives ([`GraphFacts`]
//!   computes them from the graph).
//! * A query with `| explain` gives its plan instead of its result (`explain.rs`).
//!
//! The shared types live in `context.rs` (what evaluation reads) and `commands.rs` ([`Shape`],
//! [`Accept`]); this module only runs the stages in order.

pub mod actions;
pub mod aggregate;
pub mod commands;
pub mod context;
pub mod explain;
pub mod facts;
pub mod filter;
pub mod index;
pub mod lint;
pub mod reach;
pub mod traverse;
pub mod units;
pub mod value;

use kubegraph_graph::{Graph, NodeId};

pub use commands::{accept_all, sort_stable, Accept, Shape};
pub use context::{Ctx, Facts, Scope};
pub use facts::GraphFacts;
pub use index::QueryIndex;
pub use lint::{lint, COMPUTED_PATHS};
pub use reach::ReachIndex;

use crate::output::Output;
use crate::syntax::ast::{Command, Query};
use crate::syntax::diagnostic::Diagnostic;
use filter::{compile, compile_part, Compiled};

/// Runs a search query to its output, telling `accept` what the result is as soon as that is
/// known (see [`Shape`]).
pub fn run(ctx: &Ctx, q: &Query, accept: Accept) -> Result<Output, Diagnostic> {
    traverse::prepare(ctx, q)?;
    if q.commands.iter().any(|c| c.node == Command::Explain) {
        return explain::explain(ctx, q, accept);
    }
    let nodes = select(ctx, q)?;
    commands::finish(ctx, q, nodes, accept)
}

/// The nodes a query selects: its parts and traversals, then `sort`, `limit`, `head`, `tail`
/// and `uniq`. The nodes that flow into `count` or `list` when the query ends in one. Builds
/// the indexes and facts it needs (a snapshot's: [`GraphFacts::default`]).
pub fn evaluate(graph: &Graph, query: &Query) -> Result<Vec<NodeId>, Diagnostic> {
    let index = QueryIndex::new(graph);
    let facts = GraphFacts::default();
    let ctx = Ctx::new(graph, &index, &facts);
    traverse::prepare(&ctx, query)?;
    if query.commands.iter().any(|c| c.node == Command::Explain) {
        explain::explain(&ctx, query, &accept_all)?;
        return Ok(Vec::new());
    }
    let (nodes, end) = commands::page(&ctx, query, select(&ctx, query)?)?;
    // The command that ends the query runs too: its errors are the query's.
    commands::end_with(&ctx, query, nodes.clone(), end, &accept_all)?;
    Ok(nodes)
}

/// Parts and traversals: the node set the commands start from.
fn select(ctx: &Ctx, q: &Query) -> Result<Vec<NodeId>, Diagnostic> {
    let first = &q.parts[0];
    let mut current: Vec<NodeId> = match &first.filter {
        Some(f) => {
            let compiled = compile(f)?;
            let candidates = ctx
                .index
                .candidates(ctx.graph, &f.node)
                .unwrap_or_else(|| ctx.graph.nodes().map(|(id, _)| id).collect());
            keep_matching(ctx, candidates, &compiled)
        }
        None => ctx.graph.nodes().map(|(id, _)| id).collect(),
    };
    if ctx.scope.is_some() {
        current.retain(|&id| ctx.in_scope(id));
    }
    for (t, part) in q.traversals.iter().zip(&q.parts[1..]) {
        let filter = compile_part(part)?;
        let reached = traverse::traverse(ctx, &current, t);
        current = match filter {
            Some(f) => keep_matching(ctx, reached, &f),
            None => reached,
        };
    }
    if ctx.scope.is_some() {
        current.retain(|&id| ctx.in_scope(id));
    }
    sort_stable(ctx.graph, &mut current);
    current.dedup();
    Ok(current)
}

/// The nodes of `ids` that pass `filter`, in their order. A filter that reads each node's
/// JSON costs about a microsecond per node, mostly cache misses; above a few thousand
/// candidates the work is split across cores.
fn keep_matching(ctx: &Ctx, ids: Vec<NodeId>, filter: &Compiled) -> Vec<NodeId> {
    use rayon::prelude::*;
    if ids.len() < 4096 {
        return ids
            .into_iter()
            .filter(|&id| filter.matches(ctx, id))
            .collect();
    }
    // Facts computed on first use are computed here, once: a OnceLock must not be initialised
    // from inside the parallel filter, where a work-stealing thread could re-enter it.
    if filter.uses("health") {
        ctx.facts.health(ctx.graph, ids[0]);
    }
    if filter.uses("age") {
        ctx.facts.now(ctx.graph);
    }
    ids.into_par_iter()
        .with_min_len(1024)
        .filter(|&id| filter.matches(ctx, id))
        .collect()
}
