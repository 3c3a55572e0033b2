//! Filters, compiled once per query (regexes, `health` paths) and then tested node by node.

use kubegraph_graph::NodeId;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait};
use regex::Regex;

use crate::eval::context::Ctx;
use crate::eval::traverse::{kind_matches, traverse};
use crate::eval::value::{eq, order, values, Val};
use crate::syntax::ast::{
    ArrayMod, CmpOp, Filter, KindRef, Part, Path, PathRoot, Segment, Spanned, Traversal, Value,
    WithQuant,
};
use crate::syntax::diagnostic::Diagnostic;

/// A filter ready to run.
pub enum Compiled<'q> {
    /// Every operand holds.
    And(Vec<Compiled<'q>>),
    /// Some operand holds.
    Or(Vec<Compiled<'q>>),
    /// The operand does not hold.
    Not(Box<Compiled<'q>>),
    /// The node is of one of the kinds.
    Is(&'q [KindRef]),
    /// The path has a non-null value.
    Has(&'q Path),
    /// The node is a placeholder.
    Missing,
    /// Every node.
    All,
    /// Free text, lower-case.
    Text(String),
    /// A comparison, its regex compiled.
    Cmp {
        /// The left side.
        path: &'q Path,
        /// How several values combine.
        modifier: ArrayMod,
        /// The operator.
        op: CmpOp,
        /// The right side.
        value: &'q Value,
        /// For `~` and `!~`.
        regex: Option<Regex>,
    },
    /// `with(…)`.
    With {
        /// How many reached nodes it takes.
        quant: WithQuant,
        /// The walk.
        traversal: &'q Traversal,
        /// What the reached nodes must be.
        part: Option<Box<Compiled<'q>>>,
    },
}

/// `health` is computed: it has the state itself and `health.reason`, nothing else.
pub fn check_path(path: &Path) -> Result<(), Diagnostic> {
    if path.root == PathRoot::Object
        && matches!(path.segments.first().map(|s| &s.node), Some(Segment::Key(k)) if k == "health")
    {
        if let Some(extra) = path.segments.get(1) {
            let reason = matches!(&extra.node, Segment::Key(k) if k == "reason");
            if !reason || path.segments.len() > 2 {
                return Err(Diagnostic::eval(
                    path.span,
                    "health has only `reason` (`health`, `health.reason`)",
                ));
            }
        }
    }
    Ok(())
}

/// A part's filter, compiled; `None` when the part has none.
pub fn compile_part(part: &Part) -> Result<Option<Compiled<'_>>, Diagnostic> {
    part.filter.as_ref().map(compile).transpose()
}

/// Compiles a filter: checks its paths, compiles its regexes.
pub fn compile(f: &Spanned<Filter>) -> Result<Compiled<'_>, Diagnostic> {
    Ok(match &f.node {
        Filter::And(fs) => Compiled::And(fs.iter().map(compile).collect::<Result<_, _>>()?),
        Filter::Or(fs) => Compiled::Or(fs.iter().map(compile).collect::<Result<_, _>>()?),
        Filter::Not(x) => Compiled::Not(Box::new(compile(x)?)),
        Filter::Is(k) => Compiled::Is(k),
        Filter::Has(p) => {
            check_path(p)?;
            Compiled::Has(p)
        }
        Filter::Missing => Compiled::Missing,
        Filter::All => Compiled::All,
        Filter::Text(t) => Compiled::Text(t.to_lowercase()),
        Filter::Cmp(c) => {
            check_path(&c.path)?;
            let regex = match c.op.node {
                CmpOp::Match | CmpOp::NotMatch => Some(regex(&c.value)?),
                _ => None,
            };
            Compiled::Cmp {
                path: &c.path,
                modifier: c.modifier.as_ref().map_or(ArrayMod::Any, |m| m.node),
                op: c.op.node,
                value: &c.value.node,
                regex,
            }
        }
        Filter::With(w) => Compiled::With {
            quant: w.quant.node,
            traversal: &w.traversal,
            part: w
                .part
                .as_ref()
                .map(compile_part)
                .transpose()?
                .flatten()
                .map(Box::new),
        },
    })
}

fn regex(v: &Spanned<Value>) -> Result<Regex, Diagnostic> {
    let text = match &v.node {
        Value::Str(s) | Value::Word(s) | Value::Timestamp(s) => s.clone(),
        Value::Duration { text, .. }
        | Value::Quantity { text, .. }
        | Value::DurationOrQuantity { text, .. } => text.clone(),
        Value::Int(n) => n.to_string(),
        Value::Float(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null | Value::List(_) => {
            return Err(Diagnostic::eval(v.span, "a regex must be a string"))
        }
    };
    Regex::new(&text).map_err(|e| Diagnostic::eval(v.span, format!("invalid regex: {e}")))
}

impl Compiled<'_> {
    /// Whether node `id` passes.
    pub fn matches(&self, ctx: &Ctx, id: NodeId) -> bool {
        match self {
            Compiled::And(fs) => fs.iter().all(|f| f.matches(ctx, id)),
            Compiled::Or(fs) => fs.iter().any(|f| f.matches(ctx, id)),
            Compiled::Not(f) => !f.matches(ctx, id),
            Compiled::Is(kinds) => {
                let n = ctx.graph.node(id);
                kinds.iter().any(|k| kind_matches(ctx.index, n, &k.kind))
            }
            Compiled::Has(p) => values(ctx, id, p).iter().any(|v| *v != Val::Null),
            Compiled::Missing => ctx.graph.node(id).missing(),
            Compiled::All => true,
            Compiled::Text(t) => text_matches(ctx, id, t),
            Compiled::Cmp {
                path,
                modifier,
                op,
                value,
                regex,
            } => {
                let mut vals = values(ctx, id, path);
                if vals.is_empty() {
                    vals.push(Val::Null);
                }
                let test = |v: &Val| check(v, *op, value, regex.as_ref());
                match modifier {
                    ArrayMod::Any => vals.iter().any(test),
                    ArrayMod::All => vals.iter().all(test),
                    ArrayMod::None => !vals.iter().any(test),
                }
            }
            Compiled::With {
                quant,
                traversal,
                part,
            } => {
                let reached = traverse(ctx, &[id], traversal);
                let n = reached
                    .into_iter()
                    .filter(|&r| part.as_ref().is_none_or(|p| p.matches(ctx, r)))
                    .count() as u64;
                match quant {
                    WithQuant::Any => n > 0,
                    WithQuant::Empty => n == 0,
                    WithQuant::Count(op, k) => check_count(n, *op, *k),
                }
            }
        }
    }
}

fn check_count(n: u64, op: CmpOp, k: u64) -> bool {
    match op {
        CmpOp::Eq => n == k,
        CmpOp::Ne => n != k,
        CmpOp::Lt => n < k,
        CmpOp::Le => n <= k,
        CmpOp::Gt => n > k,
        CmpOp::Ge => n >= k,
        _ => false,
    }
}

fn check(v: &Val, op: CmpOp, lit: &Value, regex: Option<&Regex>) -> bool {
    use std::cmp::Ordering::*;
    let in_list = || match lit {
        Value::List(items) => items.iter().any(|i| eq(v, &i.node)),
        other => eq(v, other),
    };
    let re = || regex.is_some_and(|r| v.text().is_some_and(|t| r.is_match(&t)));
    match op {
        CmpOp::Eq => eq(v, lit),
        CmpOp::Ne => !eq(v, lit),
        CmpOp::Lt => order(v, lit) == Some(Less),
        CmpOp::Le => matches!(order(v, lit), Some(Less | Equal)),
        CmpOp::Gt => order(v, lit) == Some(Greater),
        CmpOp::Ge => matches!(order(v, lit), Some(Greater | Equal)),
        CmpOp::Match => re(),
        CmpOp::NotMatch => !re(),
        CmpOp::In => in_list(),
        CmpOp::NotIn => !in_list(),
    }
}

/// Free text: the name, a label or an annotation (key or value) contains it, case-insensitively.
fn text_matches(ctx: &Ctx, id: NodeId, t: &str) -> bool {
    let o = &ctx.graph.node(id).object;
    if o.name.to_lowercase().contains(t) {
        return true;
    }
    let Some(meta) = o.metadata() else {
        return false;
    };
    ["labels", "annotations"].iter().any(|k| {
        meta.get(k).and_then(|m| m.as_object()).is_some_and(|m| {
            m.iter().any(|(key, val)| {
                key.to_lowercase().contains(t)
                    || val.as_str().is_some_and(|s| s.to_lowercase().contains(t))
            })
        })
    })
}

impl Compiled<'_> {
    /// Whether evaluating reads the computed path `name` of the node itself (`health`, `age`:
    /// facts computed on first use).
    pub fn uses(&self, name: &str) -> bool {
        let is = |p: &Path| {
            p.root == PathRoot::Object
                && matches!(p.segments.first().map(|s| &s.node), Some(Segment::Key(k)) if k == name)
        };
        match self {
            Compiled::And(fs) | Compiled::Or(fs) => fs.iter().any(|f| f.uses(name)),
            Compiled::Not(f) => f.uses(name),
            Compiled::Has(p) | Compiled::Cmp { path: p, .. } => is(p),
            Compiled::With { part, .. } => part.as_ref().is_some_and(|f| f.uses(name)),
            _ => false,
        }
    }
}
