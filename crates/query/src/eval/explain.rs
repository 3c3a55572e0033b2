//! `explain`: the plan of a search query, run step by step, instead of its result.
//!
//! One row per step, in the order the evaluator runs them:
//!
//! | step | index | estimated | actual |
//! |---|---|---|---|
//! | `filter F` (first part) | the index that narrowed it (`kind index (Pod)`, `namespace index`, `name index`, `label index (labels.app)`, `placeholders`, joined by `and`/`or`), or `scan` | the candidates (the graph's size for a scan) | the nodes that pass |
//! | `traverse DIR (EDGES) depth D` | `-` | `-` | the nodes reached |
//! | `filter F` (a later part) | `reached` | the nodes reached | the nodes that pass |
//! | `order` | `kind, namespace, name` | the nodes | the nodes (duplicates dropped) |
//! | a command (`sort …`, `head 2`, `count`, …) | `-` | the nodes coming in | the nodes going out (a final `count`, `list`, `dump` or `aggregate` runs, and its input is its count) |
//!
//! plus the wall time of each step (`µs`, `ms` or `s`; `-` for `format`, which only picks the
//! output). After the table comes a line `path `p` is on no object` for every path of the query
//! (filters, `with(…)` parts, `sort`, `list`, `count`, `aggregate`) that no object of the graph
//! has. The check walks the graph and stops at the first object having the path, so only a
//! path that really is nowhere costs a pass over the graph; `ancestors.K.p` / `descendants.K.p`
//! look at the objects of kind K.
//!
//! The result is an [`Output::Plan`]; the caller prints it (the [`Shape::Plan`] it is told
//! about, with the span of `explain`, lets it refuse a format first).

use std::time::Instant;

use kubegraph_graph::NodeId;

use crate::eval::commands::{accept_all, finish, node_command, sort_stable, Accept, Shape};
use crate::eval::context::Ctx;
use crate::eval::filter::{compile, compile_part};
use crate::eval::lint::missing_paths;
use crate::output::{Output, Plan, PlanStep as Step};
use crate::syntax::ast::{Command, Direction, Filter, Query};
use crate::syntax::diagnostic::Diagnostic;
use crate::syntax::print::path_text;

/// Runs `q` step by step, to its plan.
pub fn explain(ctx: &Ctx, q: &Query, accept: Accept) -> Result<Output, Diagnostic> {
    let mut steps = Vec::new();
    let first = &q.parts[0];
    let t = Instant::now();
    let (mut current, index, estimated) = match &first.filter {
        Some(f) => {
            let compiled = compile(f)?;
            let candidates = ctx.index.candidates(ctx.graph, &f.node);
            let index = describe(ctx, &f.node).unwrap_or_else(|| "scan".to_string());
            let candidates =
                candidates.unwrap_or_else(|| ctx.graph.nodes().map(|(id, _)| id).collect());
            let n = candidates.len();
            let kept: Vec<NodeId> = candidates
                .into_iter()
                .filter(|&id| compiled.matches(ctx, id))
                .collect();
            (kept, index, n)
        }
        None => {
            let all: Vec<NodeId> = ctx.graph.nodes().map(|(id, _)| id).collect();
            let n = all.len();
            (all, "scan".to_string(), n)
        }
    };
    if ctx.scope.is_some() {
        current.retain(|&id| ctx.in_scope(id));
    }
    steps.push(Step {
        step: format!("filter {first}"),
        index,
        estimated: Some(estimated),
        actual: current.len(),
        time: Some(t.elapsed()),
    });
    for (tr, part) in q.traversals.iter().zip(&q.parts[1..]) {
        let filter = compile_part(part)?;
        let t = Instant::now();
        let reached = crate::eval::traverse::traverse(ctx, &current, tr);
        let dir = match tr.direction {
            Direction::Out => "out",
            Direction::In => "in",
            Direction::Both => "both",
        };
        let edges = if tr.edges.is_empty() {
            "all edges".to_string()
        } else {
            let names: Vec<&str> = tr.edges.iter().map(|e| e.node.as_str()).collect();
            names.join(",")
        };
        steps.push(Step {
            step: format!("traverse {dir} ({edges}) depth {}", tr.depth),
            index: "-".to_string(),
            estimated: None,
            actual: reached.len(),
            time: Some(t.elapsed()),
        });
        current = match filter {
            Some(f) => {
                let t = Instant::now();
                let n = reached.len();
                let kept: Vec<NodeId> = reached
                    .into_iter()
                    .filter(|&id| f.matches(ctx, id))
                    .collect();
                steps.push(Step {
                    step: format!("filter {part}"),
                    index: "reached".to_string(),
                    estimated: Some(n),
                    actual: kept.len(),
                    time: Some(t.elapsed()),
                });
                kept
            }
            None => reached,
        };
    }
    let t = Instant::now();
    let n = current.len();
    if ctx.scope.is_some() {
        current.retain(|&id| ctx.in_scope(id));
    }
    sort_stable(ctx.graph, &mut current);
    current.dedup();
    steps.push(Step {
        step: "order".to_string(),
        index: "kind, namespace, name".to_string(),
        estimated: Some(n),
        actual: current.len(),
        time: Some(t.elapsed()),
    });

    let mut end: Option<&'static str> = None;
    for cmd in &q.commands {
        let label = command_label(&cmd.node);
        let n = current.len();
        match &cmd.node {
            Command::Explain => continue,
            Command::Format(_) => {
                steps.push(Step {
                    step: label,
                    index: "-".to_string(),
                    estimated: Some(n),
                    actual: n,
                    time: None,
                });
                continue;
            }
            _ => {}
        }
        if let Some(e) = end {
            return Err(Diagnostic::eval(
                cmd.span,
                format!("commands after `{e}` are not implemented yet"),
            ));
        }
        let t = Instant::now();
        let terminal = match &cmd.node {
            Command::Count(_) => Some("count"),
            Command::List(_) => Some("list"),
            Command::Dump => Some("dump"),
            Command::Aggregate { .. } => Some("aggregate"),
            // Actions are a dry run: planning them changes nothing, so it is timed too.
            Command::TagUpdate { .. } | Command::TagDelete { .. } => Some("tag"),
            Command::Clean => Some("clean"),
            _ => None,
        };
        match terminal {
            Some(name) => {
                let single = Query {
                    parts: Vec::new(),
                    traversals: Vec::new(),
                    commands: vec![cmd.clone()],
                    span: q.span,
                };
                finish(ctx, &single, current.clone(), &accept_all)?;
                end = Some(name);
            }
            None => current = node_command(ctx, current, &cmd.node, cmd.span)?,
        }
        steps.push(Step {
            step: label,
            index: "-".to_string(),
            estimated: Some(n),
            actual: current.len(),
            time: Some(t.elapsed()),
        });
    }

    let explain_span = q
        .commands
        .iter()
        .find(|c| c.node == Command::Explain)
        .map_or(q.span, |c| c.span);
    accept(Shape::Plan, explain_span)?;
    Ok(Output::Plan(Plan {
        steps,
        missing_paths: missing_paths(ctx, q)
            .into_iter()
            .map(|(_, text)| text)
            .collect(),
    }))
}

/// A command as written, without the S-expression's outer parentheses.
fn command_label(c: &Command) -> String {
    let s = c.to_string();
    match s.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => s,
    }
}

/// Which indexes narrow the first part's filter, as [`crate::QueryIndex::candidates`] uses
/// them; `None` when none does (a scan).
fn describe(ctx: &Ctx, f: &Filter) -> Option<String> {
    ctx.index.candidates(ctx.graph, f)?;
    Some(match f {
        Filter::Is(kinds) => {
            let names: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
            format!("kind index ({})", names.join(", "))
        }
        Filter::Missing => "placeholders".to_string(),
        Filter::Cmp(c) if c.path.segments.len() == 2 => {
            format!("label index ({})", path_text(&c.path))
        }
        Filter::Cmp(c) => format!("{} index", path_text(&c.path)),
        Filter::And(fs) => fs
            .iter()
            .filter_map(|f| describe(ctx, &f.node))
            .collect::<Vec<_>>()
            .join(" and "),
        Filter::Or(fs) => {
            let parts: Vec<String> = fs.iter().filter_map(|f| describe(ctx, &f.node)).collect();
            format!("({})", parts.join(" or "))
        }
        _ => return None,
    })
}
