//! The commands: `sort`, `limit`, `head`, `tail`, `uniq` reorder and page the node set; `count`,
//! `list`, `dump`, `aggregate` (in `aggregate.rs`) and the actions (in `actions.rs`) end the
//! query with a typed [`Output`]. `format` only names how the caller prints it.
//!
//! [`finish`] runs a query's commands in order. A command after one that ends the query is an
//! error naming the command; whether the result can print in the format asked for is the
//! caller's to say, through the [`Accept`] hook, at the point where it is known.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use kubegraph_graph::{Graph, NodeId};
use rustc_hash::FxHashSet;

use crate::eval::aggregate::aggregate;
use crate::eval::context::Ctx;
use crate::eval::filter::check_path;
use crate::eval::value::{values, Val};
use crate::output::{Cell, CountBy, Output, Rows, ValueCount};
use crate::syntax::ast::{
    Column, Command, Order, Path, PathRoot, Query, Segment, SortKey, Span, Spanned,
};
use crate::syntax::diagnostic::Diagnostic;
use crate::syntax::print::path_text;

/// What a search query's result is, told to the caller before it is final, at the point where
/// the evaluator knows it: a caller printing in a format refuses there (with the span given)
/// what that format cannot print, so the error is the one the query's order calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// [`Output::Nodes`].
    Nodes,
    /// [`Output::Count`] or [`Output::CountBy`].
    Count,
    /// [`Output::Rows`].
    Rows,
    /// [`Output::Groups`].
    Groups,
    /// [`Output::Objects`].
    Objects,
    /// [`Output::Actions`] of `tag update` or `tag delete`.
    Tag,
    /// [`Output::Actions`] of `clean`.
    Clean,
    /// [`Output::Plan`].
    Plan,
}

impl Shape {
    /// The command that makes it (`count`, `list`, …); `None` for plain nodes.
    pub fn command(self) -> Option<&'static str> {
        Some(match self {
            Shape::Nodes => return None,
            Shape::Count => "count",
            Shape::Rows => "list",
            Shape::Groups => "aggregate",
            Shape::Objects => "dump",
            Shape::Tag => "tag",
            Shape::Clean => "clean",
            Shape::Plan => "explain",
        })
    }
}

/// The caller's say on a result's [`Shape`]: `Err` stops the query with that diagnostic. The
/// span is the command's that makes the result (the whole query for plain nodes).
pub type Accept<'a> = &'a dyn Fn(Shape, Span) -> Result<(), Diagnostic>;

/// An [`Accept`] that takes every result.
pub fn accept_all(_: Shape, _: Span) -> Result<(), Diagnostic> {
    Ok(())
}

/// The command a query ends in, with its span.
pub struct End<'q>(EndCmd<'q>, Span);

enum EndCmd<'q> {
    Count(Option<&'q Path>),
    /// `list`, and the commands after it that reorder or page its rows.
    List(&'q [Column], Vec<&'q Command>),
    Dump,
    Aggregate(&'q [Column], &'q [crate::syntax::ast::AggCall]),
    Action(&'q Command),
}

impl EndCmd<'_> {
    fn name(&self) -> &'static str {
        match self {
            EndCmd::Count(_) => "count",
            EndCmd::List(..) => "list",
            EndCmd::Dump => "dump",
            EndCmd::Aggregate(..) => "aggregate",
            EndCmd::Action(Command::Clean) => "clean",
            EndCmd::Action(_) => "tag",
        }
    }
}

/// Runs the commands of `q` on the selected nodes, in order, to the query's output.
pub fn finish(
    ctx: &Ctx,
    q: &Query,
    nodes: Vec<NodeId>,
    accept: Accept,
) -> Result<Output, Diagnostic> {
    let (nodes, end) = page(ctx, q, nodes)?;
    end_with(ctx, q, nodes, end, accept)
}

/// The commands up to the one that ends the query: the nodes that flow into it, and it. A
/// command after it is an error.
pub fn page<'q>(
    ctx: &Ctx,
    q: &'q Query,
    mut nodes: Vec<NodeId>,
) -> Result<(Vec<NodeId>, Option<End<'q>>), Diagnostic> {
    let mut end: Option<End> = None;
    for cmd in &q.commands {
        if let Command::Format(_) = &cmd.node {
            continue;
        }
        if let Some(End(EndCmd::List(_, after), _)) = &mut end {
            // `list … | sort … | head 3 | uniq`: the rows are sorted, paged, deduplicated.
            if matches!(
                cmd.node,
                Command::Sort(_)
                    | Command::Head(_)
                    | Command::Tail(_)
                    | Command::Limit { .. }
                    | Command::Uniq
            ) {
                if let Command::Sort(keys) = &cmd.node {
                    for k in keys {
                        check_path(&k.path)?;
                    }
                }
                after.push(&cmd.node);
                continue;
            }
        }
        if let Some(End(e, _)) = &end {
            return Err(Diagnostic::eval(
                cmd.span,
                format!("commands after `{}` are not implemented yet", e.name()),
            ));
        }
        let at = cmd.span;
        match &cmd.node {
            Command::Count(path) => end = Some(End(EndCmd::Count(path.as_ref()), at)),
            Command::List(cols) => end = Some(End(EndCmd::List(cols, Vec::new()), at)),
            Command::Dump => end = Some(End(EndCmd::Dump, at)),
            Command::Aggregate { groups, funcs } => {
                end = Some(End(EndCmd::Aggregate(groups, funcs), at))
            }
            a @ (Command::TagUpdate { .. } | Command::TagDelete { .. } | Command::Clean) => {
                end = Some(End(EndCmd::Action(a), at))
            }
            other => nodes = node_command(ctx, nodes, other, cmd.span)?,
        }
    }
    Ok((nodes, end))
}

/// Runs the command that ends the query (none: the nodes are the output).
pub fn end_with(
    ctx: &Ctx,
    q: &Query,
    nodes: Vec<NodeId>,
    end: Option<End>,
    accept: Accept,
) -> Result<Output, Diagnostic> {
    Ok(match end {
        None => {
            accept(Shape::Nodes, q.span)?;
            Output::Nodes(nodes)
        }
        Some(End(EndCmd::Count(path), at)) => {
            accept(Shape::Count, at)?;
            count(ctx, &nodes, path)?
        }
        Some(End(EndCmd::List(cols, after), at)) => {
            let mut rows = list_rows(ctx, nodes, cols)?;
            for c in after {
                rows = rows_command(ctx, rows, cols, c);
            }
            accept(Shape::Rows, at)?;
            Output::Rows(rows)
        }
        Some(End(EndCmd::Aggregate(groups, funcs), at)) => {
            let groups = aggregate(ctx, &nodes, groups, funcs)?;
            accept(Shape::Groups, at)?;
            Output::Groups(groups)
        }
        Some(End(EndCmd::Action(a), at)) => {
            let shape = match a {
                Command::Clean => Shape::Clean,
                _ => Shape::Tag,
            };
            accept(shape, at)?;
            Output::Actions(crate::eval::actions::plan(ctx.graph, &nodes, a))
        }
        Some(End(EndCmd::Dump, at)) => {
            accept(Shape::Objects, at)?;
            Output::Objects(nodes)
        }
    })
}

/// Commands that reorder or page the node set.
pub fn node_command(
    ctx: &Ctx,
    mut nodes: Vec<NodeId>,
    cmd: &Command,
    span: Span,
) -> Result<Vec<NodeId>, Diagnostic> {
    match cmd {
        Command::Sort(keys) => {
            for k in keys {
                check_path(&k.path)?;
            }
            let mut keyed: Vec<(Vec<Option<Val>>, NodeId)> = nodes
                .iter()
                .map(|&id| {
                    let key = keys
                        .iter()
                        .map(|k| {
                            values(ctx, id, &k.path)
                                .into_iter()
                                .find(|v| *v != Val::Null)
                        })
                        .collect();
                    (key, id)
                })
                .collect();
            keyed.sort_by(|(a, _), (b, _)| by_keys(a, b, keys));
            nodes = keyed.into_iter().map(|(_, id)| id).collect();
        }
        Command::Limit { offset, count } => {
            let off = offset.unwrap_or(0) as usize;
            nodes = nodes.into_iter().skip(off).take(*count as usize).collect();
        }
        Command::Head(n) => nodes.truncate(*n as usize),
        Command::Tail(n) => {
            let skip = nodes.len().saturating_sub(*n as usize);
            nodes.drain(..skip);
        }
        Command::Uniq => {
            let mut seen = FxHashSet::default();
            nodes.retain(|id| seen.insert(*id));
        }
        _ => {
            return Err(Diagnostic::eval(
                span,
                "this command is not implemented yet",
            ))
        }
    }
    Ok(nodes)
}

/// A command after `list`, on its rows: `sort` by a column (named by its alias or path as
/// written) or by any path of the listed nodes, `head`, `tail`, `limit`, and `uniq` (rows
/// with the same cells once, the first kept).
fn rows_command(ctx: &Ctx, rows: Rows, cols: &[Column], cmd: &Command) -> Rows {
    let Rows {
        columns,
        rows,
        nodes,
    } = rows;
    let mut pairs: Vec<(Vec<Cell>, NodeId)> = rows.into_iter().zip(nodes).collect();
    match cmd {
        Command::Sort(keys) => {
            // Each key: a column's index, or a path to read from the node.
            let column_of = |p: &Path| {
                let text = path_text(p);
                columns.iter().position(|c| *c == text).or_else(|| {
                    cols.iter()
                        .position(|c| path_text(&c.path) == text && c.alias.is_none())
                })
            };
            let key_of = |cells: &[Cell], id: NodeId, p: &Path| -> Option<Val<'static>> {
                match column_of(p) {
                    Some(i) => match &cells[i] {
                        Cell::Null => None,
                        Cell::Int(n) => Some(Val::Num(*n as f64)),
                        Cell::Float(f) => Some(Val::Num(*f)),
                        c => {
                            let t = match c {
                                Cell::Text(t) => t.clone(),
                                Cell::List(l) => l.join(","),
                                _ => String::new(),
                            };
                            Some(match t.parse::<f64>() {
                                Ok(n) => Val::Num(n),
                                Err(_) => Val::Str(std::borrow::Cow::Owned(t)),
                            })
                        }
                    },
                    None => values(ctx, id, p)
                        .into_iter()
                        .find(|v| *v != Val::Null)
                        .and_then(|v| v.text().map(|t| Val::Str(t.into_owned().into()))),
                }
            };
            let mut keyed: Vec<(RowKey, (Vec<Cell>, NodeId))> = pairs
                .into_iter()
                .map(|(cells, id)| {
                    let k = keys.iter().map(|k| key_of(&cells, id, &k.path)).collect();
                    (k, (cells, id))
                })
                .collect();
            keyed.sort_by(|(a, _), (b, _)| by_keys(a, b, keys));
            pairs = keyed.into_iter().map(|(_, p)| p).collect();
        }
        Command::Limit { offset, count } => {
            let off = offset.unwrap_or(0) as usize;
            pairs = pairs.into_iter().skip(off).take(*count as usize).collect();
        }
        Command::Head(n) => pairs.truncate(*n as usize),
        Command::Tail(n) => {
            let skip = pairs.len().saturating_sub(*n as usize);
            pairs.drain(..skip);
        }
        Command::Uniq => {
            let mut seen = FxHashSet::default();
            pairs.retain(|(cells, _)| seen.insert(format!("{cells:?}")));
        }
        _ => {}
    }
    let (rows, nodes) = pairs.into_iter().unzip();
    Rows {
        columns,
        rows,
        nodes,
    }
}

/// `| sort` of two nodes' or rows' key values: key by key, each in its order; a missing value
/// goes last in either order.
fn by_keys(a: &[Option<Val>], b: &[Option<Val>], keys: &[SortKey]) -> Ordering {
    for ((x, y), k) in a.iter().zip(b).zip(keys) {
        let o = match (x, y) {
            (Some(x), Some(y)) if k.order == Order::Desc => x.sort_cmp(y).reverse(),
            (Some(x), Some(y)) => x.sort_cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// `count`: the number; `count path`: the values by count (most first) then value, and the
/// numbers of nodes with and without the path.
pub fn count(ctx: &Ctx, nodes: &[NodeId], path: Option<&Path>) -> Result<Output, Diagnostic> {
    let Some(path) = path else {
        return Ok(Output::Count(nodes.len()));
    };
    check_path(path)?;
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    let (mut matched, mut unmatched) = (0, 0);
    for &id in nodes {
        let mut texts: Vec<String> = values(ctx, id, path)
            .iter()
            .filter_map(|v| v.text().map(|t| t.into_owned()))
            .collect();
        texts.sort();
        texts.dedup();
        if texts.is_empty() {
            unmatched += 1;
            continue;
        }
        matched += 1;
        for t in texts {
            *groups.entry(t).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, usize)> = groups.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Output::CountBy(CountBy {
        values: rows
            .into_iter()
            .map(|(value, count)| ValueCount { value, count })
            .collect(),
        matched,
        unmatched,
    }))
}

/// `list`: a row per node. No columns: kind, namespace, name. A cell with several values is a
/// list, an absent one null.
pub fn list_rows(ctx: &Ctx, nodes: Vec<NodeId>, cols: &[Column]) -> Result<Rows, Diagnostic> {
    for c in cols {
        check_path(&c.path)?;
    }
    let default: Vec<Column>;
    let cols = if cols.is_empty() {
        default = ["kind", "namespace", "name"]
            .iter()
            .map(|k| Column {
                path: Path {
                    root: PathRoot::Object,
                    segments: vec![Spanned::new(Segment::Key(k.to_string()), Span::new(0, 0))],
                    span: Span::new(0, 0),
                },
                alias: None,
            })
            .collect();
        &default
    } else {
        cols
    };
    let columns = cols
        .iter()
        .map(|c| match &c.alias {
            Some(a) => a.node.clone(),
            None => path_text(&c.path),
        })
        .collect();
    let mut rows = Vec::with_capacity(nodes.len());
    for &id in &nodes {
        rows.push(
            cols.iter()
                .map(|c| {
                    let mut cells: Vec<String> = values(ctx, id, &c.path)
                        .iter()
                        .filter_map(|v| v.text().map(|t| t.into_owned()))
                        .collect();
                    match cells.len() {
                        0 => Cell::Null,
                        1 => Cell::Text(cells.pop().unwrap_or_default()),
                        _ => Cell::List(cells),
                    }
                })
                .collect(),
        );
    }
    Ok(Rows {
        columns,
        rows,
        nodes,
    })
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

/// A listed row's sort key: one value per `sort` key, none when the row has no value there.
type RowKey = Vec<Option<Val<'static>>>;
