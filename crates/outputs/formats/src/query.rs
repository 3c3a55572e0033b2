//! Query results ([`kubegraph_query::Output`]) in every format `search -o` and `| format F`
//! take.
//!
//! `format F` may appear anywhere among a query's commands; the last one wins, and it wins over
//! the format the caller asks for (`search -o F`). What each result prints as:
//!
//! | result | table | json, ndjson | yaml | csv, markdown | dot, mermaid, graphml, cytoscape |
//! |---|---|---|---|---|---|
//! | nodes | kind, namespace, name | export's node objects | the full objects | kind, namespace, name | the nodes and the edges among them |
//! | `list` | the listed columns | objects keyed by column | a list of those | the listed columns | the listed nodes, as for nodes |
//! | `aggregate` | the groups and results | objects keyed by column | a list of those | the columns | an error |
//! | `dump` | YAML documents | the full objects | YAML documents | an error | an error |
//! | `explain` | the steps, then the missing paths | rows, `time_us` | rows | rows | an error |
//! | `count`, actions | text | text (explicit `format` other than table: an error) | | | |
//!
//! Gremlin's counts, values, keys and edges print as text whatever the format. Full objects
//! are the objects as loaded: Secrets' `data`/`stringData` values are already `null` and
//! `metadata.managedFields` is gone (see `kubegraph_model::Object`).
//!
//! Node results and `dump` are written node by node in json, ndjson, yaml and the graph
//! formats, so that printing a million nodes does not first build them as one string; tables
//! need every row for their widths.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::time::Duration;

use kubegraph_export::View;
use kubegraph_graph::{Graph, NodeId};
use kubegraph_query::output::number_text;
use kubegraph_query::syntax::suggest::closest;
use kubegraph_query::{
    execute_with, Action, ActionPlan, Ast, Cell, Command, Ctx, Diagnostic, ErrorKind, Options,
    Output, Plan, Shape, Span,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::table::{self, Layout, Rule};
use crate::Format;

/// Parses a query with the search command's format names: `| format F` with any other name is
/// an error at the name, with a suggestion, as every other parse error.
pub fn parse_query(query: &str) -> Result<Ast, Diagnostic> {
    let names: Vec<&str> = Format::SEARCH.iter().map(|f| f.name()).collect();
    let aliases: Vec<&str> = Format::ALIASES
        .iter()
        .filter(|(_, f)| Format::SEARCH.contains(f))
        .map(|(n, _)| *n)
        .collect();
    kubegraph_query::parse_with(
        query,
        &Options {
            formats: Some(&names),
            aliases: &aliases,
        },
    )
}

/// The format a query's result prints in: the query's last `| format F` (with its span), else
/// the caller's default (`search -o F`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The query's own, and where its `format F` command is written.
    pub explicit: Option<(Format, Span)>,
    /// The caller's.
    pub default: Option<Format>,
}

/// The format choice of a parsed query. Every `| format F` must name a search format (a query
/// parsed with [`parse_query`] does); `Err` is the error [`parse_query`] would have given.
pub fn choose(ast: &Ast, default: Option<Format>) -> Result<Choice, Diagnostic> {
    let mut explicit = None;
    if let Ast::Search(q) = ast {
        for c in &q.commands {
            if let Command::Format(name) = &c.node {
                match Format::lookup(&Format::SEARCH, &name.node) {
                    Some(f) => explicit = Some((f, c.span)),
                    None => {
                        return Err(Diagnostic::new(
                            name.span,
                            ErrorKind::UnknownFormat(name.node.clone()),
                        )
                        .with_suggestion(closest(
                            &name.node,
                            Format::SEARCH.iter().map(|f| f.name()),
                        )))
                    }
                }
            }
        }
    }
    Ok(Choice { explicit, default })
}

impl Choice {
    /// The format asked for, the query's winning over the caller's.
    pub fn format(&self) -> Option<Format> {
        self.explicit.map(|(f, _)| f).or(self.default)
    }

    /// Whether a result of this shape can print in the format asked for: `count` and the
    /// actions print text (an explicit format other than `table` is an error), `aggregate` and
    /// `explain` no graph, `dump` only YAML or JSON. The error points at the query's `format`,
    /// else at the command (`at`).
    pub fn accept(&self, shape: Shape, at: Span) -> Result<(), Diagnostic> {
        let format = self.format();
        let bad = || {
            let what = shape.command().unwrap_or("nodes");
            Diagnostic::eval(
                self.explicit.map_or(at, |(_, s)| s),
                format!(
                    "`{what}` cannot print as {}",
                    format.map_or("table", Format::name)
                ),
            )
        };
        let ok = match shape {
            Shape::Nodes | Shape::Rows => true,
            Shape::Count | Shape::Tag | Shape::Clean => !self.explicit.is_some_and(|(f, _)| {
                !matches!(
                    f,
                    Format::Table | Format::Json | Format::Yaml | Format::Ndjson
                )
            }),
            Shape::Groups => {
                let f = format.unwrap_or(Format::Table);
                !f.is_graph() && f != Format::Name
            }
            Shape::Objects => matches!(
                format.unwrap_or(Format::Yaml),
                Format::Table | Format::Yaml | Format::Json | Format::Ndjson | Format::Name
            ),
            Shape::Plan => !format.is_some_and(Format::is_graph),
        };
        if ok {
            Ok(())
        } else {
            Err(bad())
        }
    }
}

/// A query's output and the format it prints in.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The result.
    pub output: Output,
    /// The format asked for (the query's, else the caller's); `None`: the result's own default.
    pub format: Option<Format>,
}

impl Answer {
    /// Writes the answer as [`write()`] does.
    pub fn write(&self, ctx: &Ctx, out: &mut dyn Write) -> io::Result<()> {
        write(ctx, &self.output, self.format, Style::default(), out)
    }

    /// Writes the answer as [`write()`] does, in `style`.
    pub fn write_styled(&self, ctx: &Ctx, style: Style, out: &mut dyn Write) -> io::Result<()> {
        write(ctx, &self.output, self.format, style, out)
    }
}

/// How tables print: with a header line (the default) or without (`--no-headers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Tables and CSV start with their header line.
    pub headers: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style { headers: true }
    }
}

/// Runs a query to its [`Answer`], refusing a result the chosen format cannot print where the
/// evaluator knows it (see [`Choice::accept`]).
pub fn run(ctx: &Ctx, ast: &Ast, default: Option<Format>) -> Result<Answer, Diagnostic> {
    let choice = choose(ast, default)?;
    let output = execute_with(ctx, ast, &|shape, at| choice.accept(shape, at))?;
    Ok(Answer {
        output,
        format: choice.format(),
    })
}

/// [`run`], writing the result to `out`: `Ok(Err(e))` for a query error (nothing written),
/// `Err` for a write error.
pub fn print(
    ctx: &Ctx,
    ast: &Ast,
    default: Option<Format>,
    out: &mut dyn Write,
) -> io::Result<Result<(), Diagnostic>> {
    print_styled(ctx, ast, default, Style::default(), out)
}

/// [`print`], in `style`.
pub fn print_styled(
    ctx: &Ctx,
    ast: &Ast,
    default: Option<Format>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<Result<(), Diagnostic>> {
    match run(ctx, ast, default) {
        Ok(answer) => answer.write_styled(ctx, style, out).map(Ok),
        Err(e) => Ok(Err(e)),
    }
}

/// Writes a result in `format` (see the module table); `None` is the result's own default:
/// a table, YAML for `dump`. A result the format cannot print (which [`Choice::accept`]
/// refuses first) is an [`io::ErrorKind::InvalidInput`] error. `ctx` gives the facts `-o wide`
/// shows (health, age).
pub fn write(
    ctx: &Ctx,
    output: &Output,
    format: Option<Format>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let graph = ctx.graph;
    let serialized = |v: &dyn erased::Ser, f: Format, out: &mut dyn Write| -> io::Result<()> {
        match f {
            Format::Yaml => out.write_all(v.yaml().as_bytes()),
            Format::Ndjson => {
                out.write_all(v.json(false).as_bytes())?;
                out.write_all(b"\n")
            }
            _ => {
                out.write_all(v.json(true).as_bytes())?;
                out.write_all(b"\n")
            }
        }
    };
    let structured =
        |f: Option<Format>| f.filter(|f| matches!(f, Format::Json | Format::Yaml | Format::Ndjson));
    let cannot = |what: &str, f: Format| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{what}` cannot print as {f}"),
        )
    };
    match output {
        Output::Nodes(nodes) => {
            write_nodes(ctx, nodes, format.unwrap_or(Format::Table), style, out)
        }
        Output::Objects(nodes) => match format.unwrap_or(Format::Yaml) {
            Format::Name => write_names(graph, nodes, out),
            f @ (Format::Table | Format::Yaml | Format::Json | Format::Ndjson) => {
                write_objects(graph, nodes, f, out)
            }
            f => Err(cannot("dump", f)),
        },
        Output::Rows(rows) => match format.unwrap_or(Format::Table) {
            Format::Name => write_names(graph, &rows.nodes, out),
            f if f.is_graph() => write_nodes(ctx, &rows.nodes, f, style, out),
            f => write_rows(&rows.columns, &rows.rows, f, style, out),
        },
        Output::Groups(groups) => match format.unwrap_or(Format::Table) {
            f if f.is_graph() || f == Format::Name => Err(cannot("aggregate", f)),
            f => write_rows(&groups.columns, &groups.rows, f, style, out),
        },
        Output::Plan(plan) => write_plan(plan, format, style, out),
        Output::Count(n) => match structured(format) {
            Some(f) => serialized(&serde_json::json!({ "count": n }), f, out),
            None => writeln!(out, "{n}"),
        },
        Output::CountBy(c) if structured(format).is_some() => {
            serialized(c, structured(format).unwrap_or(Format::Json), out)
        }
        Output::Actions(plan) if structured(format).is_some() => {
            serialized(plan, structured(format).unwrap_or(Format::Json), out)
        }
        Output::CountBy(c) => {
            for v in &c.values {
                writeln!(out, "{}: {}", v.value, v.count)?;
            }
            writeln!(out, "total matched: {}", c.matched)?;
            writeln!(out, "total unmatched: {}", c.unmatched)
        }
        Output::Actions(plan) => out.write_all(actions_text(plan).as_bytes()),
        Output::Values(values) => {
            for v in values {
                writeln!(out, "{}", v.as_str())?;
            }
            Ok(())
        }
        Output::Keys(keys) => {
            for k in keys {
                writeln!(out, "{k}")?;
            }
            Ok(())
        }
        Output::Edges(edges) => {
            for e in edges {
                writeln!(
                    out,
                    "{} -{}-> {}",
                    label(graph, e.from),
                    e.kind.as_str(),
                    label(graph, e.to)
                )?;
            }
            Ok(())
        }
    }
}

/// `Kind:namespace/name`, or `Kind:name` for cluster-scoped nodes.
fn label(g: &Graph, id: NodeId) -> String {
    let o = &g.node(id).object;
    match &o.namespace {
        Some(ns) => format!("{}:{ns}/{}", o.kind, o.name),
        None => format!("{}:{}", o.kind, o.name),
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
fn full_object(graph: &Graph, id: NodeId) -> serde_json::Value {
    serde_json::to_value(&graph.node(id).object.raw).unwrap_or(serde_json::Value::Null)
}

fn yaml<T: Serialize + ?Sized>(v: &T) -> String {
    serde_yaml_ng::to_string(v).unwrap_or_default()
}

/// `dump`: the full objects; YAML documents separated by `---` lines, a JSON array, or one
/// JSON object per line.
fn write_objects(
    graph: &Graph,
    nodes: &[NodeId],
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
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

/// Nodes in `format`, written node by node where the format allows (json, ndjson, yaml, and
/// the graph formats); tables (kind, namespace, name) need every row for their widths.
fn write_nodes(
    ctx: &Ctx,
    nodes: &[NodeId],
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let graph = ctx.graph;
    match format {
        Format::Name => write_names(graph, nodes, out),
        Format::Wide => {
            let now = ctx.facts.now(graph);
            let rows: Vec<Vec<Cell>> = nodes
                .iter()
                .map(|&id| {
                    let o = &graph.node(id).object;
                    let h = ctx.facts.health(graph, id);
                    let age = now
                        .zip(kubegraph_query::eval::units::creation_time(&o.raw))
                        .map(|(now, t)| kubegraph_model::time::human((now - t) as i64));
                    vec![
                        Cell::Text(o.kind.clone()),
                        o.namespace.clone().map_or(Cell::Null, Cell::Text),
                        Cell::Text(o.name.clone()),
                        Cell::Text(h.state.as_str().to_string()),
                        age.map_or(Cell::Null, Cell::Text),
                        Cell::Text(h.reason.clone()),
                    ]
                })
                .collect();
            let columns =
                ["kind", "namespace", "name", "health", "age", "reason"].map(String::from);
            write_rows(&columns, &rows, Format::Table, style, out)
        }
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
        .map_err(io::Error::other),
        Format::Cytoscape => {
            serde_json::to_writer_pretty(
                &mut *out,
                &kubegraph_export::cytoscape(&View::subset(graph, nodes)),
            )?;
            out.write_all(b"\n")
        }
        f @ (Format::Dot | Format::Mermaid | Format::Graphml | Format::Cypher) => {
            crate::export::write_view(&View::subset(graph, nodes), f, out)
        }
        Format::Table | Format::Csv | Format::Markdown => {
            let rows: Vec<Vec<Cell>> = nodes
                .iter()
                .map(|&id| {
                    let o = &graph.node(id).object;
                    vec![
                        Cell::Text(o.kind.clone()),
                        o.namespace.clone().map_or(Cell::Null, Cell::Text),
                        Cell::Text(o.name.clone()),
                    ]
                })
                .collect();
            let columns = ["kind", "namespace", "name"].map(String::from);
            write_rows(&columns, &rows, format, style, out)
        }
    }
}

/// `kind.group/name` per line, as `kubectl get -o name` writes them (`pod/web-1`,
/// `deployment.apps/web`).
fn write_names(graph: &Graph, nodes: &[NodeId], out: &mut dyn Write) -> io::Result<()> {
    for &id in nodes {
        writeln!(out, "{}", kubectl_name(&graph.node(id).object))?;
    }
    Ok(())
}

/// `pod/web-1`, `deployment.apps/web`: an object as `kubectl get -o name` names it.
pub fn kubectl_name(o: &kubegraph_model::Object) -> String {
    let kind = o.kind.to_lowercase();
    if o.group.is_empty() {
        format!("{kind}/{}", o.name)
    } else {
        format!("{kind}.{}/{}", o.group, o.name)
    }
}

/// Serializing a typed answer as JSON or YAML, for [`write()`].
mod erased {
    /// A value that can be written as JSON (pretty or not) or YAML.
    pub trait Ser {
        fn json(&self, pretty: bool) -> String;
        fn yaml(&self) -> String;
    }

    impl<T: serde::Serialize> Ser for T {
        fn json(&self, pretty: bool) -> String {
            let v = serde_json::to_value(self).unwrap_or_default();
            if pretty {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            } else {
                serde_json::to_string(&v).unwrap_or_default()
            }
        }
        fn yaml(&self) -> String {
            serde_yaml_ng::to_string(self).unwrap_or_default()
        }
    }
}

/// One row as a JSON/YAML map in column order.
struct RowMap<'a>(&'a [String], &'a [Cell]);

impl Serialize for RowMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A cell as a table shows it: `-` when absent, several values joined with `,`.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Null => "-".to_string(),
        Cell::Text(s) => s.clone(),
        Cell::List(l) => l.join(","),
        Cell::Int(i) => number_text(*i as f64),
        Cell::Float(f) => number_text(*f),
    }
}

/// Rows (`list`, `aggregate`, `explain`, or nodes' default columns) in a tabular format: a
/// table, CSV or Markdown through the table writer, or maps in JSON, NDJSON or YAML. Graph
/// formats are the caller's business (a table is written).
fn write_rows(
    columns: &[String],
    rows: &[Vec<Cell>],
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let maps = || -> Vec<RowMap> { rows.iter().map(|r| RowMap(columns, r)).collect() };
    let header: Vec<&str> = columns.iter().map(String::as_str).collect();
    let texts = |absent: &'static str| {
        rows.iter().map(move |r| {
            r.iter()
                .map(|c| match c {
                    Cell::Null => absent.to_string(),
                    c => cell_text(c),
                })
                .collect::<Vec<String>>()
        })
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &maps())?;
            out.write_all(b"\n")
        }
        Format::Ndjson => {
            for m in maps() {
                serde_json::to_writer(&mut *out, &m)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Yaml => out.write_all(yaml(&maps()).as_bytes()),
        Format::Csv => table::write_with(out, Layout::Csv, &header, texts(""), style.headers),
        Format::Markdown => table::write(out, Layout::Markdown(Rule::Short), &header, texts("-")),
        _ => table::write_with(out, Layout::Text, &header, texts("-"), style.headers),
    }
}

/// `explain`: a table of the steps (times as `12µs`, `3.4ms`, `1.25s`) then a line per missing
/// path; in other formats the same rows with `time_us`, and a row per missing path whose
/// `step` is the note.
fn write_plan(
    plan: &Plan,
    format: Option<Format>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let note = |p: &String| format!("path `{p}` is on no object");
    let opt = |n: Option<usize>| n.map_or(Cell::Null, |n| Cell::Int(n as i64));
    match format {
        None | Some(Format::Table | Format::Wide | Format::Name) => {
            let columns = ["step", "index", "estimated", "actual", "time"].map(String::from);
            let rows: Vec<Vec<Cell>> = plan
                .steps
                .iter()
                .map(|s| {
                    vec![
                        Cell::Text(s.step.clone()),
                        Cell::Text(s.index.clone()),
                        opt(s.estimated),
                        Cell::Int(s.actual as i64),
                        s.time.map_or(Cell::Null, |d| Cell::Text(duration_text(d))),
                    ]
                })
                .collect();
            write_rows(&columns, &rows, Format::Table, style, out)?;
            for p in &plan.missing_paths {
                writeln!(out, "{}", note(p))?;
            }
            Ok(())
        }
        Some(f) if f.is_graph() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`explain` cannot print as {f}"),
        )),
        Some(f) => {
            let columns = ["step", "index", "estimated", "actual", "time_us"].map(String::from);
            let mut rows: Vec<Vec<Cell>> = plan
                .steps
                .iter()
                .map(|s| {
                    vec![
                        Cell::Text(s.step.clone()),
                        Cell::Text(s.index.clone()),
                        opt(s.estimated),
                        Cell::Int(s.actual as i64),
                        s.time
                            .map_or(Cell::Null, |d| Cell::Int(d.as_micros() as u64 as i64)),
                    ]
                })
                .collect();
            for p in &plan.missing_paths {
                rows.push(vec![
                    Cell::Text(note(p)),
                    Cell::Null,
                    Cell::Null,
                    Cell::Null,
                    Cell::Null,
                ]);
            }
            write_rows(&columns, &rows, f, style, out)
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

/// The plan of an action as the `kubectl` commands that do the same, one per object, words
/// quoted for the shell, and a count of the nodes left out.
fn actions_text(plan: &ActionPlan) -> String {
    let what = match &plan.action {
        Action::TagUpdate { key, value } => format!(
            "annotate --overwrite {{obj}} {}",
            shell_word(&format!("{key}={value}"))
        ),
        Action::TagDelete { key } => {
            format!("annotate {{obj}} {}", shell_word(&format!("{key}-")))
        }
        Action::Clean => "delete {obj}".to_string(),
    };
    let mut out = format!(
        "# dry run of `{}`: nothing was changed. kubegraph acts only on a live cluster with actions enabled; the same with kubectl:\n",
        plan.action.verb()
    );
    for t in &plan.targets {
        let mut obj = String::new();
        if let Some(ns) = &t.namespace {
            let _ = write!(obj, "-n {} ", shell_word(ns));
        }
        obj.push_str(&shell_word(&format!("{}/{}", t.resource, t.name)));
        let _ = writeln!(out, "kubectl {}", what.replace("{obj}", &obj));
    }
    if plan.left_out > 0 {
        let _ = writeln!(
            out,
            "# {} node{} left out: placeholders for missing objects and kubegraph's own nodes",
            plan.left_out,
            if plan.left_out == 1 { "" } else { "s" }
        );
    }
    out
}

/// A word as a POSIX shell reads it: bare when it holds only safe characters, else in single
/// quotes.
fn shell_word(s: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c);
    if !s.is_empty() && s.chars().all(safe) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
