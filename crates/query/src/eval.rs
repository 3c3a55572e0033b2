//! The search evaluator: parts, traversals and the commands of the first slice.
//!
//! ```text
//! filter (indexed) → traversal → filter → … → sort/limit/head/tail/uniq
//!   → count | list | dump | aggregate, printed as `format` says (`eval_format`)
//! ```
//!
//! * The first part narrows with [`QueryIndex`] (kinds, namespaces, names, placeholders) and then
//!   checks the whole filter on each candidate; later parts filter what the traversal reached.
//! * Every part's result is a set in a stable order: kind, namespace, name (then group, cluster,
//!   node id), until `sort` reorders it.
//! * `health` and `health.reason` come from kubegraph-health, assessed once per index.
//! * The commands `tag` and `clean` are errors naming what is not implemented yet, with their
//!   span.
//! * A query with `| explain` prints its plan instead of its result (`eval_explain`).

use kubegraph_graph::{Graph, NodeId};

use crate::ast::{Ast, Command, Format, Query, Span};
use crate::error::{Error, ErrorKind};
use crate::eval_cmd::list;
use crate::eval_filter::{compile, compile_part, Compiled};
pub use crate::eval_index::QueryIndex;

/// The search language's query, as [`crate::parse`] returns it in [`Ast::Search`].
pub type SearchQuery = Query;

/// What evaluation needs: the graph and its indexes.
pub struct Ctx<'g> {
    pub graph: &'g Graph,
    pub index: &'g QueryIndex,
}

/// A query that parsed but cannot run, with the span of the construct at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct EvalError {
    pub span: Span,
    pub message: String,
}

impl EvalError {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        EvalError {
            span,
            message: message.into(),
        }
    }

    /// The query line with carets under the span and the message, like [`Error::render`].
    pub fn render(&self, query: &str) -> String {
        // `BadNumber` displays its text verbatim: reuse the parser's caret drawing.
        Error::new(self.span, ErrorKind::BadNumber(self.message.clone())).render(query)
    }
}

/// What a query produces.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// Nodes, in result order.
    Nodes(Vec<NodeId>),
    /// A command's text (`count`, `list`), lines ending in `\n`.
    Text(String),
}

/// The nodes a query selects: its parts and traversals, then `sort`, `limit`, `head`, `tail`
/// and `uniq`. The nodes that flow into `count` or `list` when the query ends in one.
pub fn evaluate(graph: &Graph, query: &SearchQuery) -> Result<Vec<NodeId>, EvalError> {
    let index = QueryIndex::new(graph);
    let ctx = Ctx {
        graph,
        index: &index,
    };
    Ok(run(&ctx, query, None)?.0)
}

/// Runs a parsed query (either language) to its output.
pub fn execute(graph: &Graph, index: &QueryIndex, ast: &Ast) -> Result<Output, EvalError> {
    execute_with(graph, index, ast, None)
}

/// [`execute`], printing the result in `format` (`search -o`) when the query has no
/// `| format` of its own (which wins). With `format` `None` and no `| format`, node results
/// stay [`Output::Nodes`]; everything else is [`Output::Text`] (see `eval_format`).
pub fn execute_with(
    graph: &Graph,
    index: &QueryIndex,
    ast: &Ast,
    format: Option<Format>,
) -> Result<Output, EvalError> {
    match ast {
        Ast::Search(q) => {
            let ctx = Ctx { graph, index };
            let (nodes, rendered) = run(&ctx, q, format)?;
            Ok(match rendered {
                Some(r) => Output::Text(r.into_text(&ctx, &nodes)),
                None => Output::Nodes(nodes),
            })
        }
        Ast::Gremlin(g) => crate::gremlin_eval::run_gremlin(&Ctx { graph, index }, g),
    }
}

/// [`execute_with`], writing the result to `out` as it is rendered: node results and `dump`
/// in json, ndjson, yaml or a graph format stream node by node instead of being built as one
/// string, so printing a million nodes does not double the memory. Node results without a
/// format print as the default table. Returns `Ok(Err(e))` for a query error (nothing written),
/// `Err` for a write error.
pub fn print(
    graph: &Graph,
    index: &QueryIndex,
    ast: &Ast,
    format: Option<Format>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Result<(), EvalError>> {
    let ctx = Ctx { graph, index };
    match ast {
        Ast::Search(q) => {
            let (nodes, rendered) = match run(&ctx, q, format) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let rendered = rendered.unwrap_or(crate::eval_format::Rendered::Nodes(Format::Table));
            crate::eval_format::write_rendered(&ctx, &nodes, &rendered, out)?;
        }
        Ast::Gremlin(g) => match crate::gremlin_eval::run_gremlin(&ctx, g) {
            Ok(Output::Text(t)) => out.write_all(t.as_bytes())?,
            Ok(Output::Nodes(nodes)) => {
                let f = crate::eval_format::Rendered::Nodes(format.unwrap_or(Format::Table));
                crate::eval_format::write_rendered(&ctx, &nodes, &f, out)?;
            }
            Err(e) => return Ok(Err(e)),
        },
    }
    Ok(Ok(()))
}

/// The nodes before any text command, and what to print when it is not plain nodes.
fn run(
    ctx: &Ctx,
    q: &Query,
    format: Option<Format>,
) -> Result<(Vec<NodeId>, Option<crate::eval_format::Rendered>), EvalError> {
    crate::eval_reach::prepare(ctx, q)?;
    if q.commands.iter().any(|c| c.node == Command::Explain) {
        return Ok((
            Vec::new(),
            Some(crate::eval_format::Rendered::Text(
                crate::eval_explain::explain(ctx, q, format)?,
            )),
        ));
    }
    let nodes = select(ctx, q)?;
    crate::eval_format::commands(ctx, q, nodes, format)
}

/// Parts and traversals: the node set the commands start from.
fn select(ctx: &Ctx, q: &Query) -> Result<Vec<NodeId>, EvalError> {
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
    for (t, part) in q.traversals.iter().zip(&q.parts[1..]) {
        let filter = compile_part(part)?;
        let reached = crate::eval_reach::traverse(ctx, &current, t);
        current = match filter {
            Some(f) => keep_matching(ctx, reached, &f),
            None => reached,
        };
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
    if filter.uses_health() {
        // Computed once, here: a OnceLock must not be initialised from inside the parallel
        // filter, where a work-stealing thread could re-enter it.
        ctx.index.health(ctx.graph, ids[0]);
    }
    ids.into_par_iter()
        .with_min_len(1024)
        .filter(|&id| filter.matches(ctx, id))
        .collect()
}

/// Sorts into the result order: kind, namespace, name, then group, cluster and id.
pub fn sort_stable(g: &Graph, nodes: &mut [NodeId]) {
    nodes.sort_by(|&a, &b| {
        let (na, nb) = (g.node(a), g.node(b));
        let (oa, ob) = (&na.object, &nb.object);
        (&oa.kind, &oa.namespace, &oa.name, &oa.group, na.cluster, a).cmp(&(
            &ob.kind,
            &ob.namespace,
            &ob.name,
            &ob.group,
            nb.cluster,
            b,
        ))
    });
}

/// The default `list` table (kind, namespace, name) of a node set.
pub fn nodes_table(graph: &Graph, index: &QueryIndex, nodes: &[NodeId]) -> String {
    let ctx = Ctx { graph, index };
    list(&ctx, nodes, &[]).unwrap_or_default()
}

/// Nodes printed in `format`, as a search query's node result prints with `-o format`: for
/// callers holding [`Output::Nodes`] (e.g. of a Gremlin query).
pub fn format_nodes(graph: &Graph, index: &QueryIndex, nodes: &[NodeId], format: Format) -> String {
    let ctx = Ctx { graph, index };
    crate::eval_format::render_nodes(&ctx, nodes, format)
}
