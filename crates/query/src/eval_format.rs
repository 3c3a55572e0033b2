//! The commands that end a query and how its result is printed: `count`, `list`, `dump`,
//! `aggregate`, and `format`.
//!
//! `format F` may appear anywhere among the commands; the last one wins, and it wins over the
//! format the caller asks for (`search -o F`). What each result prints as:
//!
//! | result | table | json, ndjson | yaml | csv, markdown | dot, mermaid, graphml, cytoscape |
//! |---|---|---|---|---|---|
//! | nodes | kind, namespace, name | export's node objects | the full objects | kind, namespace, name | the nodes and the edges among them |
//! | `list` | the listed columns | objects keyed by column | a list of those | the listed columns | the listed nodes, as for nodes |
//! | `aggregate` | the groups and results | objects keyed by column | a list of those | the columns | an error |
//! | `dump` | YAML documents | the full objects | YAML documents | an error | an error |
//! | `count` | text | text (explicit `format` other than table: an error) | | | |
//!
//! Full objects are the objects as loaded: Secrets' `data`/`stringData` values are already
//! `null` and `metadata.managedFields` is gone (see `kubegraph_model::Object`).

use std::fmt::Write as _;

use kubegraph_graph::{Graph, NodeId};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value as J;

use crate::ast::{AggCall, Column, Command, Format, Path, Query, Span};
use crate::eval::{Ctx, EvalError};
use crate::eval_aggregate::aggregate;
use crate::eval_cmd::{count, list_rows, node_command, Rows};

/// The command a query ends in.
enum End<'q> {
    Count(Option<&'q Path>),
    List(&'q [Column]),
    Dump,
    Aggregate(&'q [Column], &'q [AggCall]),
}

impl End<'_> {
    fn name(&self) -> &'static str {
        match self {
            End::Count(_) => "count",
            End::List(_) => "list",
            End::Dump => "dump",
            End::Aggregate(..) => "aggregate",
        }
    }
}

/// Runs the commands on the selected nodes: the nodes after the paging commands, and the text
/// to print unless the result is plain nodes with no format asked for.
pub fn commands(
    ctx: &Ctx,
    q: &Query,
    mut nodes: Vec<NodeId>,
    default: Option<Format>,
) -> Result<(Vec<NodeId>, Option<String>), EvalError> {
    let mut explicit: Option<(Format, Span)> = None;
    let mut end: Option<(End, Span)> = None;
    for cmd in &q.commands {
        if let Command::Format(f) = &cmd.node {
            explicit = Some((*f, cmd.span));
            continue;
        }
        if let Some((e, _)) = &end {
            return Err(EvalError::new(
                cmd.span,
                format!("commands after `{}` are not implemented yet", e.name()),
            ));
        }
        match &cmd.node {
            Command::Count(path) => end = Some((End::Count(path.as_ref()), cmd.span)),
            Command::List(cols) => end = Some((End::List(cols), cmd.span)),
            Command::Dump => end = Some((End::Dump, cmd.span)),
            Command::Aggregate { groups, funcs } => {
                end = Some((End::Aggregate(groups, funcs), cmd.span))
            }
            other => nodes = node_command(ctx, nodes, other, cmd.span)?,
        }
    }
    let format = explicit.map(|(f, _)| f).or(default);
    let bad = |what: &str, at: Span| {
        let span = explicit.map_or(at, |(_, s)| s);
        EvalError::new(
            span,
            format!(
                "`{what}` cannot print as {}",
                format.map_or("table", Format::as_str)
            ),
        )
    };
    let text = match end {
        None => format.map(|f| render_nodes(ctx, &nodes, f)),
        Some((End::Count(path), at)) => {
            if explicit.is_some_and(|(f, _)| f != Format::Table) {
                return Err(bad("count", at));
            }
            Some(count(ctx, &nodes, path)?)
        }
        Some((End::List(cols), _)) => {
            let rows = list_rows(ctx, &nodes, cols)?;
            let f = format.unwrap_or(Format::Table);
            Some(if f.is_graph() {
                render_nodes(ctx, &nodes, f)
            } else {
                render_rows(&rows, f)
            })
        }
        Some((End::Aggregate(groups, funcs), at)) => {
            let rows = aggregate(ctx, &nodes, groups, funcs)?;
            let f = format.unwrap_or(Format::Table);
            if f.is_graph() {
                return Err(bad("aggregate", at));
            }
            Some(render_rows(&rows, f))
        }
        Some((End::Dump, at)) => match format.unwrap_or(Format::Yaml) {
            Format::Table | Format::Yaml => Some(dump_yaml(ctx.graph, &nodes)),
            Format::Json => Some(json_pretty(
                &nodes
                    .iter()
                    .map(|&id| full_object(ctx.graph, id))
                    .collect::<Vec<_>>(),
            )),
            Format::Ndjson => Some(
                nodes
                    .iter()
                    .map(|&id| full_object(ctx.graph, id).to_string() + "\n")
                    .collect(),
            ),
            _ => return Err(bad("dump", at)),
        },
    };
    Ok((nodes, text))
}

/// A node's object as loaded (secret values already `null`).
pub fn full_object(graph: &Graph, id: NodeId) -> J {
    serde_json::to_value(&graph.node(id).object.raw).unwrap_or(J::Null)
}

/// `dump`: one YAML document per node, separated by `---` lines.
fn dump_yaml(graph: &Graph, nodes: &[NodeId]) -> String {
    let mut out = String::new();
    for (i, &id) in nodes.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&yaml(&graph.node(id).object.raw));
    }
    out
}

fn yaml<T: Serialize + ?Sized>(v: &T) -> String {
    serde_yaml_ng::to_string(v).unwrap_or_default()
}

fn json_pretty<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Nodes in `format` (see the module table). `table` is kind, namespace, name.
pub fn render_nodes(ctx: &Ctx, nodes: &[NodeId], format: Format) -> String {
    let graph = ctx.graph;
    let export = |f: kubegraph_export::Format| {
        let mut buf = Vec::new();
        // Writing to memory cannot fail.
        let _ = kubegraph_export::export_subset(graph, nodes, f, &mut buf);
        String::from_utf8(buf).unwrap_or_default()
    };
    let node_objects = || -> Vec<J> {
        nodes
            .iter()
            .map(|&id| kubegraph_export::node_json(graph, id))
            .collect()
    };
    match format {
        Format::Json => json_pretty(&node_objects()),
        Format::Ndjson => node_objects()
            .iter()
            .map(|v| v.to_string() + "\n")
            .collect(),
        Format::Yaml => yaml(
            &nodes
                .iter()
                .map(|&id| &graph.node(id).object.raw)
                .collect::<Vec<_>>(),
        ),
        Format::Dot => export(kubegraph_export::Format::Dot),
        Format::Mermaid => export(kubegraph_export::Format::Mermaid),
        Format::Graphml => export(kubegraph_export::Format::Graphml),
        Format::Cytoscape => json_pretty(&kubegraph_export::cytoscape(graph, nodes)),
        Format::Table | Format::Csv | Format::Markdown => {
            let rows = list_rows(ctx, nodes, &[]).unwrap_or(Rows {
                header: Vec::new(),
                rows: Vec::new(),
            });
            render_rows(&rows, format)
        }
    }
}

/// One row as a JSON/YAML map in column order.
struct RowMap<'a>(&'a [String], &'a [J]);

impl Serialize for RowMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Rows (`list`, `aggregate`, or nodes' default columns) in a tabular format; graph formats
/// are the caller's business.
pub fn render_rows(rows: &Rows, format: Format) -> String {
    let maps = || -> Vec<RowMap> { rows.rows.iter().map(|r| RowMap(&rows.header, r)).collect() };
    match format {
        Format::Json => json_pretty(&maps()),
        Format::Ndjson => maps()
            .iter()
            .map(|m| serde_json::to_string(m).unwrap_or_default() + "\n")
            .collect(),
        Format::Yaml => yaml(&maps()),
        Format::Csv => {
            let mut out = String::new();
            csv_line(&mut out, rows.header.iter().map(String::as_str));
            for r in &rows.rows {
                let cells: Vec<String> = r
                    .iter()
                    .map(|c| match c {
                        J::Null => String::new(),
                        c => Rows::text(c),
                    })
                    .collect();
                csv_line(&mut out, cells.iter().map(String::as_str));
            }
            out
        }
        Format::Markdown => {
            let mut out = String::new();
            md_line(&mut out, rows.header.iter().map(String::as_str));
            md_line(&mut out, rows.header.iter().map(|_| "---"));
            for r in &rows.rows {
                let cells: Vec<String> = r.iter().map(Rows::text).collect();
                md_line(&mut out, cells.iter().map(String::as_str));
            }
            out
        }
        _ => rows.table(),
    }
}

/// RFC 4180: a field with a comma, a quote, a line break or surrounding spaces is quoted, with
/// quotes doubled. Lines end in `\n`.
fn csv_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
            let _ = write!(out, "\"{}\"", c.replace('"', "\"\""));
        } else {
            out.push_str(c);
        }
    }
    out.push('\n');
}

/// A GitHub-flavoured Markdown table row; `|` is escaped and line breaks become `<br>`.
fn md_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for c in cells {
        let c = c
            .replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace("\r\n", "<br>")
            .replace('\n', "<br>");
        let _ = write!(out, " {c} |");
    }
    out.push('\n');
}
