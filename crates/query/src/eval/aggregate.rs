//! `aggregate(group, …: count() as n, sum(path) as s, min(path), max(path), avg(path))`.
//!
//! * Nodes are grouped by the text of each group path's values. A node with several values of a
//!   path is in each of their groups (as in `count path`); a node with none is in the group
//!   whose cell is `null` (shown `-`). Rows are sorted by the group cells, `null` last.
//! * `count()` counts the group's nodes; `count(path)` the (non-null) values of the path.
//! * `sum`, `min`, `max`, `avg` take every value of the path on every node of the group
//!   (`[*]` fans out) that is a number: JSON numbers, ages, and strings that parse as numbers or
//!   Kubernetes quantities (`"512Mi"` is 536870912, `"100m"` is 0.1). Other values are skipped;
//!   with none the cell is `null`. `avg` divides by the number of numbers.
//! * Without group paths there is exactly one row, also for no nodes.

use std::collections::BTreeMap;

use kubegraph_graph::NodeId;

use crate::eval::context::Ctx;
use crate::eval::filter::check_path;
use crate::eval::units::parse_quantity;
use crate::eval::value::{values, Val};
use crate::output::{Cell, Groups};
use crate::syntax::ast::{AggCall, AggFunc, Column};
use crate::syntax::diagnostic::Diagnostic;
use crate::syntax::print::path_text;

#[derive(Clone, Copy, Default)]
struct Acc {
    nodes: u64,
    count: u64,
    numbers: u64,
    sum: f64,
    min: Option<f64>,
    max: Option<f64>,
}

fn number(v: &Val) -> Option<f64> {
    match v {
        Val::Num(n) | Val::Secs(n) => Some(*n),
        Val::Str(s) => parse_quantity(s),
        _ => None,
    }
}

/// A float rounded to 9 decimals so that `0.1 + 0.2` shows as `0.3`; integral values become
/// integers, and what is not finite is null.
fn num(x: f64) -> Cell {
    let r = (x * 1e9).round() / 1e9;
    let r = if r.is_finite() { r } else { x };
    if r.fract() == 0.0 && r.abs() < 9e15 {
        Cell::Int(r as i64)
    } else if r.is_finite() {
        Cell::Float(r)
    } else {
        Cell::Null
    }
}

/// `aggregate(groups: funcs)` over `nodes`: a row per group.
pub fn aggregate(
    ctx: &Ctx,
    nodes: &[NodeId],
    groups: &[Column],
    funcs: &[AggCall],
) -> Result<Groups, Diagnostic> {
    for g in groups {
        check_path(&g.path)?;
    }
    for f in funcs {
        if let Some(p) = &f.path {
            check_path(p)?;
        } else if f.func.node != AggFunc::Count {
            return Err(Diagnostic::eval(
                f.span,
                format!("`{}()` needs a path", f.func.node.as_str()),
            ));
        }
    }
    let mut columns: Vec<String> = groups
        .iter()
        .map(|c| match &c.alias {
            Some(a) => a.node.clone(),
            None => path_text(&c.path),
        })
        .collect();
    columns.extend(funcs.iter().map(|f| match &f.alias {
        Some(a) => a.node.clone(),
        None => format!(
            "{}({})",
            f.func.node.as_str(),
            f.path.as_ref().map(path_text).unwrap_or_default()
        ),
    }));

    // Group key: per group path, (absent, text); `true` sorts the absent ones last.
    type Key = Vec<(bool, String)>;
    let mut table: BTreeMap<Key, Vec<Acc>> = BTreeMap::new();
    if groups.is_empty() {
        table.insert(Vec::new(), vec![Acc::default(); funcs.len()]);
    }
    for &id in nodes {
        let mut keys: Vec<Key> = vec![Vec::new()];
        for g in groups {
            let mut texts: Vec<String> = values(ctx, id, &g.path)
                .iter()
                .filter_map(|v| v.text().map(|t| t.into_owned()))
                .collect();
            texts.sort();
            texts.dedup();
            let cells: Vec<(bool, String)> = if texts.is_empty() {
                vec![(true, String::new())]
            } else {
                texts.into_iter().map(|t| (false, t)).collect()
            };
            keys = keys
                .into_iter()
                .flat_map(|k| {
                    cells.iter().map(move |c| {
                        let mut k = k.clone();
                        k.push(c.clone());
                        k
                    })
                })
                .collect();
        }
        let per_func: Vec<(u64, Vec<f64>)> = funcs
            .iter()
            .map(|f| match &f.path {
                None => (0, Vec::new()),
                Some(p) => {
                    let vals = values(ctx, id, p);
                    let count = vals.iter().filter(|v| **v != Val::Null).count() as u64;
                    (count, vals.iter().filter_map(number).collect())
                }
            })
            .collect();
        for k in keys {
            let accs = table
                .entry(k)
                .or_insert_with(|| vec![Acc::default(); funcs.len()]);
            for (acc, (count, nums)) in accs.iter_mut().zip(&per_func) {
                acc.nodes += 1;
                acc.count += count;
                for &x in nums {
                    acc.numbers += 1;
                    acc.sum += x;
                    acc.min = Some(acc.min.map_or(x, |m| m.min(x)));
                    acc.max = Some(acc.max.map_or(x, |m| m.max(x)));
                }
            }
        }
    }
    let rows = table
        .into_iter()
        .map(|(key, accs)| {
            let mut row: Vec<Cell> = key
                .into_iter()
                .map(|(absent, t)| if absent { Cell::Null } else { Cell::Text(t) })
                .collect();
            for (acc, f) in accs.iter().zip(funcs) {
                let has = acc.numbers > 0;
                row.push(match f.func.node {
                    AggFunc::Count if f.path.is_none() => Cell::Int(acc.nodes as i64),
                    AggFunc::Count => Cell::Int(acc.count as i64),
                    AggFunc::Sum if has => num(acc.sum),
                    AggFunc::Min => acc.min.map_or(Cell::Null, num),
                    AggFunc::Max => acc.max.map_or(Cell::Null, num),
                    AggFunc::Avg if has => num(acc.sum / acc.numbers as f64),
                    _ => Cell::Null,
                });
            }
            row
        })
        .collect();
    Ok(Groups { columns, rows })
}
