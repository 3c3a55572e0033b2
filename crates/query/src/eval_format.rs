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
    Action(&'q Command),
}

impl End<'_> {
    fn name(&self) -> &'static str {
        match self {
            End::Count(_) => "count",
            End::List(_) => "list",
            End::Dump => "dump",
            End::Aggregate(..) => "aggregate",
            End::Action(Command::Clean) => "clean",
            End::Action(_) => "tag",
        }
    }
}

/// What a query prints, decided before anything is rendered: a command's text, or the nodes
/// in a format (their objects for `dump`), which [`write_rendered`] writes node by node so that
/// a large result streams instead of sitting in memory as one string.
pub enum Rendered {
    Text(String),
    Nodes(Format),
    Dump(Format),
}

impl Rendered {
    /// Renders into a string (for callers that want text: tests, the shell).
    pub fn into_text(self, ctx: &Ctx, nodes: &[NodeId]) -> String {
        match self {
            Rendered::Text(t) => t,
            other => {
                let mut buf = Vec::new();
                // Writing to memory cannot fail.
                let _ = write_rendered(ctx, nodes, &other, &mut buf);
                String::from_utf8(buf).unwrap_or_default()
            }
        }
    }
}

/// Writes what [`commands`] decided, streaming node formats and `dump`.
pub fn write_rendered(
    ctx: &Ctx,
    nodes: &[NodeId],
    r: &Rendered,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match r {
        Rendered::Text(t) => out.write_all(t.as_bytes()),
        Rendered::Nodes(f) => write_nodes(ctx, nodes, *f, out),
        Rendered::Dump(f) => write_dump(ctx.graph, nodes, *f, out),
    }
}

/// Runs the commands on the selected nodes: the nodes after the paging commands, and what to
/// print unless the result is plain nodes with no format asked for.
pub fn commands(
    ctx: &Ctx,
    q: &Query,
    mut nodes: Vec<NodeId>,
    default: Option<Format>,
) -> Result<(Vec<NodeId>, Option<Rendered>), EvalError> {
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
            a @ (Command::TagUpdate { .. } | Command::TagDelete { .. } | Command::Clean) => {
                end = Some((End::Action(a), cmd.span))
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
    let rendered = match end {
        None => format.map(Rendered::Nodes),
        Some((End::Count(path), at)) => {
            if explicit.is_some_and(|(f, _)| f != Format::Table) {
                return Err(bad("count", at));
            }
            Some(Rendered::Text(count(ctx, &nodes, path)?))
        }
        Some((End::List(cols), _)) => {
            let rows = list_rows(ctx, &nodes, cols)?;
            let f = format.unwrap_or(Format::Table);
            Some(if f.is_graph() {
                Rendered::Nodes(f)
            } else {
                Rendered::Text(render_rows(&rows, f))
            })
        }
        Some((End::Aggregate(groups, funcs), at)) => {
            let rows = aggregate(ctx, &nodes, groups, funcs)?;
            let f = format.unwrap_or(Format::Table);
            if f.is_graph() {
                return Err(bad("aggregate", at));
            }
            Some(Rendered::Text(render_rows(&rows, f)))
        }
        Some((End::Action(a), at)) => {
            if explicit.is_some_and(|(f, _)| f != Format::Table) {
                return Err(bad(End::Action(a).name(), at));
            }
            Some(Rendered::Text(crate::eval_actions::plan(
                ctx.graph, &nodes, a,
            )))
        }
        Some((End::Dump, at)) => match format.unwrap_or(Format::Yaml) {
            f @ (Format::Table | Format::Yaml | Format::Json | Format::Ndjson) => {
                Some(Rendered::Dump(f))
            }
            _ => return Err(bad("dump", at)),
        },
    };
    Ok((nodes, rendered))
}

/// `dump`: the full objects; YAML documents separated by `---` lines, a JSON array, or one
/// JSON object per line.
fn write_dump(
    graph: &Graph,
    nodes: &[NodeId],
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &Lazy::new(nodes.iter().map(|&id| full_object(graph, id))),
            )?;
            out.write_all(b"\n")
        }
        Format::Ndjson => {
            for &id in nodes {
                serde_json::to_writer(&mut *out, &full_object(graph, id))?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        _ => {
            for (i, &id) in nodes.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"---\n")?;
                }
                out.write_all(yaml(&graph.node(id).object.raw).as_bytes())?;
            }
            Ok(())
        }
    }
}

/// A sequence serialized from an iterator as it is consumed: serde_json and serde_yaml_ng
/// write each element before the next is made, so a million-node array never exists at once.
struct Lazy<I>(std::cell::RefCell<Option<I>>);

impl<I> Lazy<I> {
    fn new(items: I) -> Self {
        Lazy(std::cell::RefCell::new(Some(items)))
    }
}

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Lazy<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.borrow_mut().take() {
            Some(items) => s.collect_seq(items),
            None => s.collect_seq(std::iter::empty::<T>()),
        }
    }
}

/// A node's object as loaded (secret values already `null`).
pub fn full_object(graph: &Graph, id: NodeId) -> J {
    serde_json::to_value(&graph.node(id).object.raw).unwrap_or(J::Null)
}

fn yaml<T: Serialize + ?Sized>(v: &T) -> String {
    serde_yaml_ng::to_string(v).unwrap_or_default()
}

fn json_pretty<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Nodes in `format` (see the module table). `table` is kind, namespace, name.
pub fn render_nodes(ctx: &Ctx, nodes: &[NodeId], format: Format) -> String {
    Rendered::Nodes(format).into_text(ctx, nodes)
}

/// Nodes in `format`, written node by node where the format allows (json, ndjson, yaml, and
/// the graph formats); tables need every row for their widths.
fn write_nodes(
    ctx: &Ctx,
    nodes: &[NodeId],
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let graph = ctx.graph;
    let export = |f: kubegraph_export::Format, out: &mut dyn std::io::Write| {
        kubegraph_export::export_subset(graph, nodes, f, out).map_err(|e| match e {
            kubegraph_export::ExportError::Io(io) => io,
            other => std::io::Error::other(other),
        })
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &Lazy::new(
                    nodes
                        .iter()
                        .map(|&id| kubegraph_export::node_json(graph, id)),
                ),
            )?;
            out.write_all(b"\n")
        }
        Format::Ndjson => {
            for &id in nodes {
                serde_json::to_writer(&mut *out, &kubegraph_export::node_json(graph, id))?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Yaml => serde_yaml_ng::to_writer(
            &mut *out,
            &Lazy::new(nodes.iter().map(|&id| &graph.node(id).object.raw)),
        )
        .map_err(std::io::Error::other),
        Format::Dot => export(kubegraph_export::Format::Dot, out),
        Format::Mermaid => export(kubegraph_export::Format::Mermaid, out),
        Format::Graphml => export(kubegraph_export::Format::Graphml, out),
        Format::Cytoscape => {
            serde_json::to_writer_pretty(&mut *out, &kubegraph_export::cytoscape(graph, nodes))?;
            out.write_all(b"\n")
        }
        Format::Table | Format::Csv | Format::Markdown => {
            let rows = list_rows(ctx, nodes, &[]).unwrap_or(Rows {
                header: Vec::new(),
                rows: Vec::new(),
            });
            out.write_all(render_rows(&rows, format).as_bytes())
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
