//! The commands of the first slice: `count`, `list`, `sort`, `limit`, `head`, `tail`, `uniq`.
//! (`format` and `dump` are in `eval_format`, `aggregate` in `eval_aggregate`.)

use std::cmp::Ordering;
use std::collections::BTreeMap;

use kubegraph_graph::NodeId;
use rustc_hash::FxHashSet;

use crate::ast::{Column, Command, Order, Path, PathRoot, Segment, Span};
use crate::eval::{Ctx, EvalError};
use crate::eval_filter::check_path;
use crate::eval_value::{values, Val};

/// Commands that reorder or page the node set.
pub fn node_command(
    ctx: &Ctx,
    mut nodes: Vec<NodeId>,
    cmd: &Command,
    span: Span,
) -> Result<Vec<NodeId>, EvalError> {
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
            keyed.sort_by(|(a, _), (b, _)| {
                for ((x, y), k) in a.iter().zip(b).zip(keys) {
                    // Nodes without the value go last in either order.
                    let o = match (x, y) {
                        (Some(x), Some(y)) => {
                            let o = x.sort_cmp(y);
                            if k.order == Order::Desc {
                                o.reverse()
                            } else {
                                o
                            }
                        }
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            });
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
        _ => return Err(EvalError::new(span, "this command is not implemented yet")),
    }
    Ok(nodes)
}

/// `count`: the number; `count path`: `value: n` lines by count (desc) then value, and the
/// totals of nodes with and without the path.
pub fn count(ctx: &Ctx, nodes: &[NodeId], path: Option<&Path>) -> Result<String, EvalError> {
    let Some(path) = path else {
        return Ok(format!("{}\n", nodes.len()));
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
    let mut out = String::new();
    for (v, n) in rows {
        out.push_str(&format!("{v}: {n}\n"));
    }
    out.push_str(&format!(
        "total matched: {matched}\ntotal unmatched: {unmatched}\n"
    ));
    Ok(out)
}

/// `list`: a table with a header line, columns separated by two spaces. No columns: kind,
/// namespace, name. A cell with several values joins them with `,`; an absent one is `-`.
pub fn list(ctx: &Ctx, nodes: &[NodeId], cols: &[Column]) -> Result<String, EvalError> {
    Ok(list_rows(ctx, nodes, cols)?.table())
}

/// A header and rows of cells: `null` (absent), a string, an array of strings (several
/// values) or a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<serde_json::Value>>,
}

impl Rows {
    /// A cell as a table shows it: `-` when absent, several values joined with `,`.
    pub fn text(cell: &serde_json::Value) -> String {
        use serde_json::Value as J;
        match cell {
            J::Null => "-".to_string(),
            J::String(s) => s.clone(),
            J::Array(a) => a.iter().map(Rows::text).collect::<Vec<_>>().join(","),
            J::Number(n) => match n.as_f64() {
                Some(f) => crate::eval_value::fmt_num(f),
                None => n.to_string(),
            },
            other => other.to_string(),
        }
    }

    /// The rows as [`table`] lays them out, header first.
    pub fn table(&self) -> String {
        let mut all = vec![self.header.clone()];
        all.extend(self.rows.iter().map(|r| r.iter().map(Rows::text).collect()));
        table(&all)
    }
}

/// The cells of `list`.
pub fn list_rows(ctx: &Ctx, nodes: &[NodeId], cols: &[Column]) -> Result<Rows, EvalError> {
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
                    segments: vec![crate::ast::Spanned::new(
                        Segment::Key(k.to_string()),
                        Span::new(0, 0),
                    )],
                    span: Span::new(0, 0),
                },
                alias: None,
            })
            .collect();
        &default
    } else {
        cols
    };
    let header = cols
        .iter()
        .map(|c| match &c.alias {
            Some(a) => a.node.clone(),
            None => path_text(&c.path),
        })
        .collect();
    let mut rows = Vec::with_capacity(nodes.len());
    for &id in nodes {
        rows.push(
            cols.iter()
                .map(|c| {
                    let mut cells: Vec<serde_json::Value> = values(ctx, id, &c.path)
                        .iter()
                        .filter_map(|v| v.text().map(|t| serde_json::Value::from(t.into_owned())))
                        .collect();
                    match cells.len() {
                        0 => serde_json::Value::Null,
                        1 => cells.pop().unwrap_or_default(),
                        _ => serde_json::Value::Array(cells),
                    }
                })
                .collect(),
        );
    }
    Ok(Rows { header, rows })
}

/// Left-aligned columns, two spaces apart, no trailing spaces.
pub fn table(rows: &[Vec<String>]) -> String {
    let ncols = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..ncols)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < ncols {
                line.push_str(&" ".repeat(widths[i] - cell.chars().count()));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A path as the user would write it, for column headers.
pub fn path_text(p: &Path) -> String {
    let mut s = match &p.root {
        PathRoot::Object => String::new(),
        PathRoot::Ancestors(k) => format!("ancestors.{}.", k.written),
        PathRoot::Descendants(k) => format!("descendants.{}.", k.written),
    };
    for (i, seg) in p.segments.iter().enumerate() {
        match &seg.node {
            Segment::Key(k) => {
                if i > 0 {
                    s.push('.');
                }
                if k.contains(['.', '/', ' ']) {
                    s.push_str(&format!("{k:?}"));
                } else {
                    s.push_str(k);
                }
            }
            Segment::Index(n) => s.push_str(&format!("[{n}]")),
            Segment::Wildcard => s.push_str("[*]"),
        }
    }
    s
}
