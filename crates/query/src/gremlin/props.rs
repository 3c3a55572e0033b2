//! Skydive property names and predicates, planned onto the search language's filters.
//!
//! A `Has(key, value|predicate, …)` step becomes the same [`Filter`] the search parser would
//! build (`Has('Type', 'pod', 'Name', 'x')` is `is(pod) and name = "x"`), so it is compiled and
//! checked by [`crate::eval::filter`], and a first `Has` right after `V()` narrows through
//! [`crate::QueryIndex`] like a search query's first part.
//!
//! | Skydive key | ours |
//! |---|---|
//! | `Type` | the kind, lower-case; values resolve like `is(...)` (`pod`, `pods`, `po`, `Pod`) |
//! | `Name`, `Namespace`, `Cluster`, `UID` | `name`, `namespace`, `cluster`, `uid` |
//! | `K8s.Labels.x`, `K8s.Annotations.x` | `labels.x`, `annotations.x` (`x` may hold dots) |
//! | `K8s.Extra.a.b` | the object's own path `a.b` |
//! | anything else | the object's path, split on `.` |

use std::borrow::Cow;

use kubegraph_graph::{Edge, Graph, NodeId};
use kubegraph_model::json::JsonContainerTrait;

use crate::eval::context::Ctx;
use crate::eval::value::{eq, order, values, Val};
use crate::gremlin::ast::{KeyValue, Literal, Match, PredOp};
use crate::syntax::ast::{Cmp, CmpOp, Filter, KindRef, Path, PathRoot, Segment, Spanned, Value};
use crate::syntax::diagnostic::{Diagnostic, Span};
use crate::syntax::suggest::resolve_kind;

/// What a Skydive key names on a node.
enum Prop {
    Type,
    Path(Path),
}

fn prop(key: &Spanned<String>) -> Prop {
    let k = key.node.as_str();
    let seg = |s: &str| {
        let node = match s.parse::<u64>() {
            Ok(i) => Segment::Index(i),
            Err(_) => Segment::Key(s.to_string()),
        };
        Spanned::new(node, key.span)
    };
    let key_seg = |s: &str| Spanned::new(Segment::Key(s.to_string()), key.span);
    let segments: Vec<Spanned<Segment>> = match k {
        "Type" => return Prop::Type,
        "Name" => vec![key_seg("name")],
        "Namespace" => vec![key_seg("namespace")],
        "Cluster" => vec![key_seg("cluster")],
        "UID" => vec![key_seg("uid")],
        _ => {
            if let Some(rest) = k.strip_prefix("K8s.Extra.") {
                rest.split('.').map(seg).collect()
            } else if let Some((map, rest)) = ["Labels", "Annotations"].iter().find_map(|m| {
                let rest = k.strip_prefix("K8s.")?.strip_prefix(m)?;
                Some((m.to_lowercase(), rest))
            }) {
                match rest.strip_prefix('.') {
                    Some(x) => vec![key_seg(&map), key_seg(x)],
                    None if rest.is_empty() => vec![key_seg(&map)],
                    None => k.split('.').map(seg).collect(),
                }
            } else {
                k.split('.').map(seg).collect()
            }
        }
    };
    Prop::Path(Path {
        root: PathRoot::Object,
        segments,
        span: key.span,
    })
}

fn value(l: &Literal) -> Value {
    match l {
        Literal::Str(s) => Value::Str(s.clone()),
        Literal::Int(i) => Value::Int(*i),
        Literal::Float(f) => Value::Float(*f),
        Literal::Bool(b) => Value::Bool(*b),
    }
}

fn lit_text(l: &Literal) -> String {
    match l {
        Literal::Str(s) => s.clone(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(f) => f.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

fn kind_ref(l: &Spanned<Literal>) -> Result<KindRef, Diagnostic> {
    let written = lit_text(&l.node);
    let kind = resolve_kind(&written).map_err(|s| {
        let hint = s
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        Diagnostic::eval(l.span, format!("unknown Type `{written}`{hint}"))
    })?;
    Ok(KindRef {
        written,
        kind,
        span: l.span,
    })
}

fn sp(f: Filter, span: Span) -> Spanned<Filter> {
    Spanned::new(f, span)
}

fn cmp(path: &Path, op: CmpOp, v: Value, span: Span) -> Spanned<Filter> {
    sp(
        Filter::Cmp(Cmp {
            path: path.clone(),
            modifier: None,
            op: Spanned::new(op, span),
            value: Spanned::new(v, span),
        }),
        span,
    )
}

fn list(lits: &[Spanned<Literal>]) -> Value {
    Value::List(
        lits.iter()
            .map(|l| Spanned::new(value(&l.node), l.span))
            .collect(),
    )
}

/// One key/value pair as a search filter.
fn pair_filter(kv: &KeyValue) -> Result<Spanned<Filter>, Diagnostic> {
    let span = match &kv.value {
        Some(v) => Span::new(kv.key.span.start, v.span.end),
        None => kv.key.span,
    };
    let prop = prop(&kv.key);
    let Some(m) = &kv.value else {
        return Ok(match prop {
            Prop::Type => sp(Filter::All, span),
            Prop::Path(p) => sp(Filter::Has(p), span),
        });
    };
    let not = |f: Spanned<Filter>| sp(Filter::Not(Box::new(f)), span);
    if let Prop::Type = prop {
        let kind_path = Path {
            root: PathRoot::Object,
            segments: vec![Spanned::new(Segment::Key("kind".into()), kv.key.span)],
            span: kv.key.span,
        };
        let is = |lits: &[Spanned<Literal>]| -> Result<Spanned<Filter>, Diagnostic> {
            let refs = lits.iter().map(kind_ref).collect::<Result<_, _>>()?;
            Ok(sp(Filter::Is(refs), span))
        };
        return match &m.node {
            Match::Eq(l) => is(&[Spanned::new(l.clone(), m.span)]),
            Match::Pred(PredOp::Ne, a) => Ok(not(is(a)?)),
            Match::Pred(PredOp::Within, a) => is(a),
            Match::Pred(PredOp::Without, a) => Ok(not(is(a)?)),
            Match::Pred(PredOp::Regex, a) => {
                let re = format!("(?i){}", lit_text(&a[0].node));
                Ok(cmp(&kind_path, CmpOp::Match, Value::Str(re), span))
            }
            Match::Pred(op, a) => pred_filter(&kind_path, *op, a, span),
        };
    }
    let Prop::Path(path) = prop else {
        unreachable!()
    };
    match &m.node {
        Match::Eq(l) => Ok(cmp(&path, CmpOp::Eq, value(l), span)),
        Match::Pred(op, a) => pred_filter(&path, *op, a, span),
    }
}

fn pred_filter(
    path: &Path,
    op: PredOp,
    a: &[Spanned<Literal>],
    span: Span,
) -> Result<Spanned<Filter>, Diagnostic> {
    let one = |op: CmpOp| cmp(path, op, value(&a[0].node), span);
    let two = |lo: CmpOp, hi: CmpOp| {
        sp(
            Filter::And(vec![
                cmp(path, lo, value(&a[0].node), span),
                cmp(path, hi, value(&a[1].node), span),
            ]),
            span,
        )
    };
    Ok(match op {
        PredOp::Ne => one(CmpOp::Ne),
        PredOp::Regex => cmp(path, CmpOp::Match, Value::Str(lit_text(&a[0].node)), span),
        PredOp::Within => cmp(path, CmpOp::In, list(a), span),
        PredOp::Without => cmp(path, CmpOp::NotIn, list(a), span),
        PredOp::Lt => one(CmpOp::Lt),
        PredOp::Lte => one(CmpOp::Le),
        PredOp::Gt => one(CmpOp::Gt),
        PredOp::Gte => one(CmpOp::Ge),
        PredOp::Inside => two(CmpOp::Gt, CmpOp::Lt),
        PredOp::Between => two(CmpOp::Ge, CmpOp::Lt),
    })
}

/// `Has(k1, v1, k2, v2)`: all pairs (`and`); `HasEither`: any pair (`or`). `None`: no pairs.
pub fn pairs_filter(
    kvs: &[KeyValue],
    either: bool,
    span: Span,
) -> Result<Option<Spanned<Filter>>, Diagnostic> {
    let mut fs = kvs.iter().map(pair_filter).collect::<Result<Vec<_>, _>>()?;
    Ok(match fs.len() {
        0 => None,
        1 => fs.pop(),
        _ if either => Some(sp(Filter::Or(fs), span)),
        _ => Some(sp(Filter::And(fs), span)),
    })
}

/// A key that must not exist: `HasNot(key)`.
pub fn has_not(key: &Spanned<String>) -> Result<Spanned<Filter>, Diagnostic> {
    let has = pair_filter(&KeyValue {
        key: key.clone(),
        value: None,
    })?;
    Ok(sp(Filter::Not(Box::new(has)), key.span))
}

/// A value as one line of JSON.
fn json(v: &Val) -> String {
    match v {
        Val::Null => "null".into(),
        Val::Bool(b) => b.to_string(),
        Val::Str(s) => sonic_rs::to_string(s.as_ref()).unwrap_or_default(),
        Val::Num(_) | Val::Secs(_) => v.text().map(Cow::into_owned).unwrap_or_default(),
        Val::Complex(j) => sonic_rs::to_string(j).unwrap_or_default(),
    }
}

/// The values of a Skydive key on a node, as JSON texts (`Type` is the lower-case kind).
pub fn prop_values(ctx: &Ctx, id: NodeId, key: &Spanned<String>) -> Vec<String> {
    match prop(key) {
        Prop::Type => {
            let kind = ctx.graph.node(id).object.kind.to_lowercase();
            vec![json(&Val::Str(Cow::Owned(kind)))]
        }
        Prop::Path(p) => values(ctx, id, &p)
            .iter()
            .filter(|v| **v != Val::Null)
            .map(json)
            .collect(),
    }
}

/// The first value of a key, for `Sort` and `Dedup`.
pub fn sort_value<'g>(ctx: &Ctx<'g>, id: NodeId, key: &Spanned<String>) -> Option<Val<'g>> {
    match prop(key) {
        Prop::Type => Some(Val::Str(Cow::Owned(
            ctx.graph.node(id).object.kind.to_lowercase(),
        ))),
        Prop::Path(p) => values(ctx, id, &p).into_iter().find(|v| *v != Val::Null),
    }
}

/// The Skydive keys a node has: `Cluster`, `Name`, `Namespace`, `Type`, `UID`,
/// `K8s.Labels.<x>` per label and `K8s.Extra.<field>` per top-level field of the object other
/// than `apiVersion`, `kind` and `metadata`.
pub fn node_keys(g: &Graph, id: NodeId) -> Vec<String> {
    let o = &g.node(id).object;
    let mut keys: Vec<String> = vec!["Cluster".into(), "Name".into()];
    if o.namespace.is_some() {
        keys.push("Namespace".into());
    }
    keys.push("Type".into());
    if o.uid.is_some() {
        keys.push("UID".into());
    }
    if let Some(labels) = o
        .metadata()
        .and_then(|m| m.get(&"labels"))
        .and_then(|l| l.as_object())
    {
        keys.extend(labels.iter().map(|(k, _)| format!("K8s.Labels.{k}")));
    }
    if let Some(obj) = o.raw.as_object() {
        keys.extend(
            obj.iter()
                .map(|(k, _)| k)
                .filter(|k| !matches!(*k, "apiVersion" | "kind" | "metadata"))
                .map(|k| format!("K8s.Extra.{k}")),
        );
    }
    keys
}

/// Whether an edge passes `OutE(key, value, …)`-style pairs: `RelationType` (or `Type`) is the
/// edge kind (`owns`, `uses`, ...); any other key is one of the edge's attributes.
pub fn edge_matches(e: &Edge, kvs: &[KeyValue]) -> Result<bool, Diagnostic> {
    for kv in kvs {
        let v: Option<Val> = match kv.key.node.as_str() {
            "RelationType" | "Type" => Some(Val::Str(Cow::Borrowed(e.kind.as_str()))),
            k => e.attrs.get(k).and_then(|a| {
                if let Some(s) = a.as_str() {
                    Some(Val::Str(Cow::Owned(s.to_string())))
                } else if let Some(b) = a.as_bool() {
                    Some(Val::Bool(b))
                } else if let Some(n) = a.as_f64() {
                    Some(Val::Num(n))
                } else if a.is_null() {
                    None
                } else {
                    Some(Val::Str(Cow::Owned(a.to_string())))
                }
            }),
        };
        let ok = match &kv.value {
            None => v.is_some(),
            Some(m) => {
                let v = v.unwrap_or(Val::Null);
                match &m.node {
                    Match::Eq(l) => eq(&v, &value(l)),
                    Match::Pred(op, a) => pred_holds(&v, *op, a)?,
                }
            }
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

fn pred_holds(v: &Val, op: PredOp, a: &[Spanned<Literal>]) -> Result<bool, Diagnostic> {
    use std::cmp::Ordering::*;
    let ord = |i: usize| order(v, &value(&a[i].node));
    let any_eq = || a.iter().any(|l| eq(v, &value(&l.node)));
    Ok(match op {
        PredOp::Ne => !eq(v, &value(&a[0].node)),
        PredOp::Regex => {
            let re = regex::Regex::new(&lit_text(&a[0].node))
                .map_err(|e| Diagnostic::eval(a[0].span, format!("invalid regex: {e}")))?;
            v.text().is_some_and(|t| re.is_match(&t))
        }
        PredOp::Within => any_eq(),
        PredOp::Without => !any_eq(),
        PredOp::Lt => ord(0) == Some(Less),
        PredOp::Lte => matches!(ord(0), Some(Less | Equal)),
        PredOp::Gt => ord(0) == Some(Greater),
        PredOp::Gte => matches!(ord(0), Some(Greater | Equal)),
        PredOp::Inside => ord(0) == Some(Greater) && ord(1) == Some(Less),
        PredOp::Between => matches!(ord(0), Some(Greater | Equal)) && ord(1) == Some(Less),
    })
}

/// `{"Name":"x","Type":"pod"}`: the keys asked for (all of [`node_keys`] when none), each with
/// its value, or an array when the key yields several; keys without a value are left out.
pub fn value_map(ctx: &Ctx, id: NodeId, keys: &[Spanned<String>]) -> String {
    let all: Vec<Spanned<String>>;
    let keys = if keys.is_empty() {
        all = node_keys(ctx.graph, id)
            .into_iter()
            .map(|k| Spanned::new(k, Span::new(0, 0)))
            .collect();
        &all[..]
    } else {
        keys
    };
    let fields: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            let vs = prop_values(ctx, id, k);
            let v = match vs.len() {
                0 => return None,
                1 => vs.into_iter().next().unwrap_or_default(),
                _ => format!("[{}]", vs.join(",")),
            };
            Some(format!(
                "{}:{v}",
                sonic_rs::to_string(&k.node).unwrap_or_default()
            ))
        })
        .collect();
    format!("{{{}}}", fields.join(","))
}
