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
//! The query's last `| format F`, else `search -o F`, picks the output: a table by default;
//! json, ndjson, yaml, csv and markdown print the same rows (`time_us` in microseconds instead
//! of `time`), with a row per missing path whose `step` is the note and other cells `null`.
//! Graph formats are an error.

use std::time::{Duration, Instant};

use kubegraph_graph::NodeId;
use serde_json::Value as J;

use crate::ast::{Command, Direction, Filter, Format, Path, PathRoot, Query, Span, Spanned};
use crate::eval::{sort_stable, Ctx, EvalError};
use crate::eval_cmd::{node_command, path_text, Rows};
use crate::eval_filter::{compile, compile_part};

struct Step {
    step: String,
    index: String,
    estimated: Option<usize>,
    actual: usize,
    time: Option<Duration>,
}

/// Runs `q` step by step and prints its plan in the query's format (else `default`).
pub fn explain(ctx: &Ctx, q: &Query, default: Option<Format>) -> Result<String, EvalError> {
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
        let reached = crate::eval_reach::traverse(ctx, &current, tr);
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
    sort_stable(ctx.graph, &mut current);
    current.dedup();
    steps.push(Step {
        step: "order".to_string(),
        index: "kind, namespace, name".to_string(),
        estimated: Some(n),
        actual: current.len(),
        time: Some(t.elapsed()),
    });

    let mut explicit: Option<(Format, Span)> = None;
    let mut end: Option<&'static str> = None;
    for cmd in &q.commands {
        let label = command_label(&cmd.node);
        let n = current.len();
        match &cmd.node {
            Command::Explain => continue,
            Command::Format(f) => {
                explicit = Some((*f, cmd.span));
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
            return Err(EvalError::new(
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
                crate::eval_format::commands(ctx, &single, current.clone(), None)?;
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

    let notes: Vec<String> = missing_paths(ctx, q)
        .into_iter()
        .map(|p| format!("path `{p}` is on no object"))
        .collect();

    let format = explicit.map(|(f, _)| f).or(default);
    match format {
        None | Some(Format::Table) => {
            let rows = Rows {
                header: ["step", "index", "estimated", "actual", "time"]
                    .map(String::from)
                    .to_vec(),
                rows: steps
                    .iter()
                    .map(|s| {
                        vec![
                            J::from(s.step.clone()),
                            J::from(s.index.clone()),
                            s.estimated.map_or(J::Null, J::from),
                            J::from(s.actual),
                            s.time.map_or(J::Null, |d| J::from(duration_text(d))),
                        ]
                    })
                    .collect(),
            };
            let mut out = rows.table();
            for n in notes {
                out.push_str(&n);
                out.push('\n');
            }
            Ok(out)
        }
        Some(f) if f.is_graph() => {
            let span = explicit.map_or_else(
                || {
                    q.commands
                        .iter()
                        .find(|c| c.node == Command::Explain)
                        .map_or(q.span, |c| c.span)
                },
                |(_, s)| s,
            );
            Err(EvalError::new(
                span,
                format!("`explain` cannot print as {}", f.as_str()),
            ))
        }
        Some(f) => {
            let mut rows = Rows {
                header: ["step", "index", "estimated", "actual", "time_us"]
                    .map(String::from)
                    .to_vec(),
                rows: steps
                    .iter()
                    .map(|s| {
                        vec![
                            J::from(s.step.clone()),
                            J::from(s.index.clone()),
                            s.estimated.map_or(J::Null, J::from),
                            J::from(s.actual),
                            s.time.map_or(J::Null, |d| J::from(d.as_micros() as u64)),
                        ]
                    })
                    .collect(),
            };
            for n in notes {
                rows.rows
                    .push(vec![J::from(n), J::Null, J::Null, J::Null, J::Null]);
            }
            Ok(crate::eval_format::render_rows(&rows, f))
        }
    }
}

/// `12µs`, `3.4ms`, `1.25s`.
fn duration_text(d: Duration) -> String {
    let us = d.as_micros();
    if us < 1000 {
        format!("{us}µs")
    } else if us < 1_000_000 {
        format!("{:.1}ms", us as f64 / 1000.0)
    } else {
        format!("{:.2}s", d.as_secs_f64())
    }
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

/// The paths of the query that no object has, each once, in query order.
fn missing_paths(ctx: &Ctx, q: &Query) -> Vec<String> {
    let mut paths: Vec<&Path> = Vec::new();
    for part in &q.parts {
        if let Some(f) = &part.filter {
            filter_paths(f, &mut paths);
        }
    }
    for c in &q.commands {
        match &c.node {
            Command::Count(Some(p)) => paths.push(p),
            Command::List(cols) => paths.extend(cols.iter().map(|c| &c.path)),
            Command::Sort(keys) => paths.extend(keys.iter().map(|k| &k.path)),
            Command::Aggregate { groups, funcs } => {
                paths.extend(groups.iter().map(|c| &c.path));
                paths.extend(funcs.iter().filter_map(|f| f.path.as_ref()));
            }
            _ => {}
        }
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for p in paths {
        let text = path_text(p);
        if seen.contains(&text) {
            continue;
        }
        seen.push(text.clone());
        if !on_some_object(ctx, p) {
            out.push(text);
        }
    }
    out
}

fn filter_paths<'q>(f: &'q Spanned<Filter>, out: &mut Vec<&'q Path>) {
    match &f.node {
        Filter::And(fs) | Filter::Or(fs) => fs.iter().for_each(|f| filter_paths(f, out)),
        Filter::Not(x) => filter_paths(x, out),
        Filter::Has(p) => out.push(p),
        Filter::Cmp(c) => out.push(&c.path),
        Filter::With(w) => {
            if let Some(f) = w.part.as_ref().and_then(|p| p.filter.as_ref()) {
                filter_paths(f, out);
            }
        }
        Filter::Is(_) | Filter::Missing | Filter::All | Filter::Text(_) => {}
    }
}

/// Whether any object has the path (a value, even `null`); stops at the first that does.
fn on_some_object(ctx: &Ctx, p: &Path) -> bool {
    let has = |id: NodeId, p: &Path| !crate::eval_value::values(ctx, id, p).is_empty();
    match &p.root {
        PathRoot::Object => ctx.graph.nodes().any(|(id, _)| has(id, p)),
        PathRoot::Ancestors(k) | PathRoot::Descendants(k) => {
            let own = Path {
                root: PathRoot::Object,
                segments: p.segments.clone(),
                span: p.span,
            };
            ctx.index
                .kind_nodes(&k.kind)
                .unwrap_or_default()
                .into_iter()
                .any(|id| has(id, &own))
        }
    }
}
