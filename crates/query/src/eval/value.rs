//! Path values and comparisons.
//!
//! A path yields zero or more values (`[*]` fans out). A comparison is checked on each value and
//! combined by the modifier: `any` (default) some value passes, `all` every value passes, `none`
//! no value passes. A path that yields nothing is compared as one `null`, so `x = null` and
//! `x != "a"` hold for objects without `x`, and `x = "a"`, `x > 1` do not.
//!
//! `health` is computed, not read from the object: the state (`ok`, `warning`, `error`,
//! `unknown`), and `health.reason` its one-line reason.

use std::borrow::Cow;
use std::cmp::Ordering;

use kubegraph_graph::NodeId;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value as Json};

use crate::eval::context::Ctx;
use crate::eval::traverse::nearest;
use crate::eval::units::{creation_time, parse_duration, parse_quantity, parse_timestamp};
use crate::output::number_text;
use crate::syntax::ast::{Path, PathRoot, Segment, Value};

/// One value a path yields.
#[derive(Clone, Debug, PartialEq)]
pub enum Val<'a> {
    /// Absent or `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(Cow<'a, str>),
    /// A time span in seconds (`age`).
    Secs(f64),
    /// An object or array.
    Complex(&'a Json),
}

impl Val<'_> {
    fn from_json(v: &Json) -> Val<'_> {
        if let Some(s) = v.as_str() {
            Val::Str(Cow::Borrowed(s))
        } else if let Some(b) = v.as_bool() {
            Val::Bool(b)
        } else if let Some(n) = v.as_f64() {
            Val::Num(n)
        } else if v.is_null() {
            Val::Null
        } else {
            Val::Complex(v)
        }
    }

    /// The value as text for regexes, grouping and tables; `None` for null.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Val::Null => None,
            Val::Bool(b) => Some(Cow::Owned(b.to_string())),
            Val::Num(n) | Val::Secs(n) => Some(Cow::Owned(number_text(*n))),
            Val::Str(s) => Some(Cow::Borrowed(s)),
            Val::Complex(v) => Some(Cow::Owned(sonic_rs::to_string(v).unwrap_or_default())),
        }
    }

    /// Ordering for `sort`: numbers numerically, everything else as text.
    pub fn sort_cmp(&self, other: &Val) -> Ordering {
        match (self.number(), other.number()) {
            (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
            _ => self.text().cmp(&other.text()),
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Val::Num(n) | Val::Secs(n) => Some(*n),
            _ => None,
        }
    }
}

/// The values of a path on a node.
pub fn values<'g>(ctx: &Ctx<'g>, id: NodeId, path: &Path) -> Vec<Val<'g>> {
    let id = match &path.root {
        PathRoot::Object => id,
        PathRoot::Ancestors(k) => match nearest(ctx, id, &k.kind, true) {
            Some(a) => a,
            None => return Vec::new(),
        },
        PathRoot::Descendants(k) => match nearest(ctx, id, &k.kind, false) {
            Some(d) => d,
            None => return Vec::new(),
        },
    };
    let node = ctx.graph.node(id);
    let o = &node.object;
    let segs = &path.segments;
    let first = match segs.first().map(|s| &s.node) {
        Some(Segment::Key(k)) => k.as_str(),
        _ => "",
    };
    if first == "health" {
        let h = ctx.facts.health(ctx.graph, id);
        return match segs.get(1).map(|s| &s.node) {
            None => vec![Val::Str(Cow::Borrowed(h.state.as_str()))],
            Some(Segment::Key(k)) if k == "reason" && segs.len() == 2 => {
                vec![Val::Str(Cow::Borrowed(h.reason.as_str()))]
            }
            Some(_) => Vec::new(),
        };
    }
    if segs.len() == 1 {
        let special = match first {
            "name" => Some(Val::Str(Cow::Borrowed(o.name.as_str()))),
            "namespace" => o.namespace.as_deref().map(|n| Val::Str(Cow::Borrowed(n))),
            "kind" => Some(Val::Str(Cow::Borrowed(o.kind.as_str()))),
            "group" => Some(Val::Str(Cow::Borrowed(o.group.as_str()))),
            "cluster" => Some(Val::Str(Cow::Borrowed(
                ctx.graph.cluster_name(node.cluster),
            ))),
            "uid" => o.uid.as_deref().map(|u| Val::Str(Cow::Borrowed(u))),
            "missing" => Some(Val::Bool(node.missing())),
            // An event's StackState category (Alerts, Activities, Changes, Others).
            "category" if kubegraph_health::events::is_event(o) => Some(Val::Str(Cow::Borrowed(
                kubegraph_health::events::category(o).as_str(),
            ))),
            "age" => match (ctx.facts.now(ctx.graph), creation_time(&o.raw)) {
                (Some(now), Some(t)) => Some(Val::Secs(now - t)),
                _ => None,
            },
            _ => None,
        };
        if special.is_some() || matches!(first, "namespace" | "uid" | "age") {
            return special.into_iter().collect();
        }
    }
    let (start, rest) = match first {
        "labels" | "annotations" => match o.raw.get("metadata").and_then(|m| m.get(first)) {
            Some(v) => (v, &segs[1..]),
            None => return Vec::new(),
        },
        _ => (&o.raw, &segs[..]),
    };
    let mut cur: Vec<&'g Json> = vec![start];
    for seg in rest {
        let mut next = Vec::new();
        for v in cur {
            match &seg.node {
                Segment::Key(k) => next.extend(v.get(k.as_str())),
                Segment::Index(i) => {
                    if let Some(a) = v.as_array() {
                        next.extend(a.get(*i as usize));
                    }
                }
                Segment::Wildcard => {
                    if let Some(a) = v.as_array() {
                        next.extend(a.iter());
                    } else if let Some(m) = v.as_object() {
                        next.extend(m.iter().map(|(_, x)| x));
                    }
                }
            }
        }
        cur = next;
    }
    cur.into_iter().map(Val::from_json).collect()
}

/// Two sides brought to one domain.
enum Pair<'a> {
    Num(f64, f64),
    Str(&'a str, &'a str),
    Bool(bool, bool),
}

fn pair<'a>(v: &'a Val, lit: &'a Value) -> Option<Pair<'a>> {
    use Pair as P;
    Some(match (v, lit) {
        (Val::Null, _) | (_, Value::Null) | (_, Value::List(_)) => return None,
        (Val::Num(x) | Val::Secs(x), Value::Int(n)) => P::Num(*x, *n as f64),
        (Val::Num(x) | Val::Secs(x), Value::Float(n)) => P::Num(*x, *n),
        (Val::Str(s), Value::Int(n)) => P::Num(parse_quantity(s)?, *n as f64),
        (Val::Str(s), Value::Float(n)) => P::Num(parse_quantity(s)?, *n),
        (Val::Str(s), Value::Str(t) | Value::Word(t)) => P::Str(s, t),
        (Val::Num(x) | Val::Secs(x), Value::Str(t) | Value::Word(t)) => {
            P::Num(*x, t.trim().parse().ok()?)
        }
        (Val::Bool(b), Value::Str(t) | Value::Word(t)) => P::Bool(*b, t.parse().ok()?),
        (Val::Bool(b), Value::Bool(c)) => P::Bool(*b, *c),
        (Val::Str(s), Value::Bool(c)) => P::Bool(s.parse().ok()?, *c),
        (Val::Num(x) | Val::Secs(x), Value::Duration { secs, .. }) => P::Num(*x, *secs),
        (Val::Str(s), Value::Duration { secs, .. }) => P::Num(parse_duration(s)?, *secs),
        (Val::Num(x), Value::Quantity { value, .. }) => P::Num(*x, *value),
        (Val::Str(s), Value::Quantity { value, .. }) => P::Num(parse_quantity(s)?, *value),
        (Val::Secs(x), Value::DurationOrQuantity { secs, .. }) => P::Num(*x, *secs),
        (Val::Num(x), Value::DurationOrQuantity { value, .. }) => P::Num(*x, *value),
        (Val::Str(s), Value::DurationOrQuantity { secs, value, .. }) => match parse_quantity(s) {
            Some(q) => P::Num(q, *value),
            None => P::Num(parse_duration(s)?, *secs),
        },
        (Val::Str(s), Value::Timestamp(t)) => P::Num(parse_timestamp(s)?, parse_timestamp(t)?),
        _ => return None,
    })
}

/// `v = lit`.
pub fn eq(v: &Val, lit: &Value) -> bool {
    if matches!(lit, Value::Null) {
        return matches!(v, Val::Null);
    }
    match pair(v, lit) {
        Some(Pair::Num(a, b)) => a == b,
        Some(Pair::Str(a, b)) => a == b,
        Some(Pair::Bool(a, b)) => a == b,
        None => false,
    }
}

/// `v <op> lit` for the ordering operators: `None` when the sides do not compare.
pub fn order(v: &Val, lit: &Value) -> Option<Ordering> {
    match pair(v, lit)? {
        Pair::Num(a, b) => a.partial_cmp(&b),
        Pair::Str(a, b) => Some(a.cmp(b)),
        Pair::Bool(a, b) => Some(a.cmp(&b)),
    }
}

/// Whether any object has the path (a value, even `null`); stops at the first that does.
pub(crate) fn on_some_object(ctx: &Ctx, p: &Path) -> bool {
    let has = |id: NodeId, p: &Path| !values(ctx, id, p).is_empty();
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
