//! Warnings about a query that runs but likely does not say what its author meant: a typo in a
//! field, a value or a kind gives no error, only an empty answer. [`lint`] finds them, each a
//! [`Diagnostic`] ([`ErrorKind::Warning`]) with the span of the word and a suggestion:
//!
//! * a **path on no object** (in filters, `with(…)`, `sort`, `list`, `count`, `aggregate`):
//!   ``path `stauts.phase` is on no object; did you mean `status.phase`?``, the suggestion
//!   being the closest key found where the path stops existing (top-level keys and the paths
//!   kubegraph computes, the keys under the prefix that exists, label and annotation keys);
//! * a **value a field cannot have**, for the fields whose values are a known set (`health`:
//!   ok, warning, error, unknown; `status.phase`: the phases of pods, claims, volumes and
//!   namespaces, and any other the input holds; an event's `category`; `missing`; a
//!   condition's `status`): `` `eror` is not a value of health (ok, warning, error, unknown);
//!   did you mean `error`? ``. Case counts, as in the comparison: `running` suggests `Running`;
//! * when the query selects nothing, a **value no object has** for `path = v` or
//!   `path in [..]` (`namespace = shpo`: did you mean `shop`?), among the values the input
//!   holds at that path;
//! * a **custom kind no object has** (`is(servicemonitorz)`), with the closest kind or name
//!   (kinds of the graph, plural, singular and short names from its CRDs).
//!
//! Gremlin queries are not checked.

use kubegraph_model::fuzzy::closest;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value as Json};

use crate::eval::context::Ctx;
use crate::eval::value::{on_some_object, values, Val};
use crate::syntax::ast::{
    CmpOp, Command, Filter, KindRef, KindSel, Path, PathRoot, Query, Segment, Spanned, Value,
};
use crate::syntax::diagnostic::{Diagnostic, ErrorKind};
use crate::syntax::print::path_text;

/// The paths kubegraph computes for every node, besides the object's own fields.
pub const COMPUTED_PATHS: [&str; 12] = [
    "name",
    "namespace",
    "kind",
    "group",
    "cluster",
    "uid",
    "missing",
    "age",
    "labels",
    "annotations",
    "health",
    "category",
];

/// Fields whose values are a known set, and that set.
const ENUMS: [(&str, &[&str]); 6] = [
    ("health", &["ok", "warning", "error", "unknown"]),
    (
        "status.phase",
        &[
            "Pending",
            "Running",
            "Succeeded",
            "Failed",
            "Unknown",
            "Bound",
            "Lost",
            "Available",
            "Released",
            "Active",
            "Terminating",
        ],
    ),
    ("category", &["Alerts", "Activities", "Changes", "Others"]),
    ("missing", &["true", "false"]),
    ("status.conditions[*].status", &["True", "False", "Unknown"]),
    ("spec.restartPolicy", &["Always", "OnFailure", "Never"]),
];

/// The warnings about the search `q` run on `ctx`; `empty`: whether it selected nothing (the
/// check of values against the input's runs only then).
pub fn lint(ctx: &Ctx, q: &Query, empty: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut paths: Vec<&Path> = Vec::new();
    let mut cmps = Vec::new();
    let mut kinds = Vec::new();
    for part in &q.parts {
        if let Some(f) = &part.filter {
            walk(f, &mut paths, &mut cmps, &mut kinds);
        }
    }
    command_paths(q, &mut paths);
    let missing = on_no_object(ctx, paths);
    for (p, text) in &missing {
        out.push(
            Diagnostic::new(
                p.span,
                ErrorKind::Warning(format!("path `{text}` is on no object")),
            )
            .with_suggestion(suggest_path(ctx, p)),
        );
    }
    let missing: Vec<String> = missing.into_iter().map(|(_, text)| text).collect();
    for c in cmps {
        let text = path_text(&c.path);
        if missing.contains(&text) {
            continue;
        }
        out.extend(check_values(
            ctx, &c.path, &text, c.op.node, &c.value, empty,
        ));
    }
    for k in kinds {
        if let Some(d) = check_kind(ctx, k) {
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// The paths of `q` (its filters, then its commands) that no object has, each once, in query
/// order, with their text: what `explain` lists and the warnings name.
pub(crate) fn missing_paths<'q>(ctx: &Ctx, q: &'q Query) -> Vec<(&'q Path, String)> {
    let (mut paths, mut cmps, mut kinds) = (Vec::new(), Vec::new(), Vec::new());
    for part in &q.parts {
        if let Some(f) = &part.filter {
            walk(f, &mut paths, &mut cmps, &mut kinds);
        }
    }
    command_paths(q, &mut paths);
    on_no_object(ctx, paths)
}

/// Of `paths`, each once, those on no object.
fn on_no_object<'q>(ctx: &Ctx, paths: Vec<&'q Path>) -> Vec<(&'q Path, String)> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for p in paths {
        let text = path_text(p);
        if seen.contains(&text) {
            continue;
        }
        seen.push(text.clone());
        if !on_some_object(ctx, p) {
            out.push((p, text));
        }
    }
    out
}

fn walk<'q>(
    f: &'q Spanned<Filter>,
    paths: &mut Vec<&'q Path>,
    cmps: &mut Vec<&'q crate::syntax::ast::Cmp>,
    kinds: &mut Vec<&'q KindRef>,
) {
    match &f.node {
        Filter::And(fs) | Filter::Or(fs) => fs.iter().for_each(|f| walk(f, paths, cmps, kinds)),
        Filter::Not(x) => walk(x, paths, cmps, kinds),
        Filter::Has(p) => paths.push(p),
        Filter::Cmp(c) => {
            paths.push(&c.path);
            cmps.push(c);
        }
        Filter::With(w) => {
            if let Some(f) = w.part.as_ref().and_then(|p| p.filter.as_ref()) {
                walk(f, paths, cmps, kinds);
            }
        }
        Filter::Is(ks) => kinds.extend(ks.iter()),
        Filter::Missing | Filter::All | Filter::Text(_) => {}
    }
}

fn command_paths<'q>(q: &'q Query, paths: &mut Vec<&'q Path>) {
    for c in &q.commands {
        match &c.node {
            Command::Count(Some(p)) => paths.push(p),
            Command::List(cols) => paths.extend(cols.iter().map(|c| &c.path)),
            Command::Sort(keys) => {
                // A sort after `list` may name a column by its alias.
                let aliases: Vec<&str> = q
                    .commands
                    .iter()
                    .filter_map(|c| match &c.node {
                        Command::List(cols) => Some(cols),
                        _ => None,
                    })
                    .flatten()
                    .filter_map(|c| c.alias.as_ref().map(|a| a.node.as_str()))
                    .collect();
                paths.extend(
                    keys.iter()
                        .map(|k| &k.path)
                        .filter(|p| !aliases.contains(&path_text(p).as_str())),
                );
            }
            Command::Aggregate { groups, funcs } => {
                paths.extend(groups.iter().map(|c| &c.path));
                paths.extend(funcs.iter().filter_map(|f| f.path.as_ref()));
            }
            _ => {}
        }
    }
}

/// The path with its first missing key replaced by the closest key found at that place.
fn suggest_path(ctx: &Ctx, p: &Path) -> Option<String> {
    if p.root != PathRoot::Object {
        return None;
    }
    // The longest prefix some object has.
    let mut have = 0;
    for n in 1..=p.segments.len() {
        let prefix = Path {
            root: PathRoot::Object,
            segments: p.segments[..n].to_vec(),
            span: p.span,
        };
        if on_some_object(ctx, &prefix) {
            have = n;
        } else {
            break;
        }
    }
    let Segment::Key(wrong) = &p.segments.get(have)?.node else {
        return None;
    };
    let mut keys: Vec<String> = Vec::new();
    let mut add = |v: &Json| {
        let mut objects: Vec<&Json> = Vec::new();
        match v.as_array() {
            Some(a) => objects.extend(a.iter()),
            None => objects.push(v),
        }
        for o in objects {
            if let Some(m) = o.as_object() {
                for (k, _) in m.iter() {
                    if !keys.iter().any(|x| x == k) {
                        keys.push(k.to_string());
                    }
                }
            }
        }
    };
    match p.segments[..have]
        .iter()
        .map(|s| &s.node)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => {
            for (_, n) in ctx.graph.nodes().take(100_000) {
                add(&n.object.raw);
            }
        }
        [Segment::Key(k)] if k == "labels" || k == "annotations" => {
            for (_, n) in ctx.graph.nodes() {
                if let Some(m) = n.object.raw.get("metadata").and_then(|m| m.get(k.as_str())) {
                    add(m);
                }
            }
        }
        _ => {
            let prefix = Path {
                root: PathRoot::Object,
                segments: p.segments[..have].to_vec(),
                span: p.span,
            };
            for (id, _) in ctx.graph.nodes() {
                for v in values(ctx, id, &prefix) {
                    if let Val::Complex(j) = v {
                        add(j);
                    }
                }
            }
        }
    }
    if have == 0 {
        keys.extend(COMPUTED_PATHS.iter().map(|s| s.to_string()));
    }
    let best = closest(wrong, keys.iter().map(String::as_str))?;
    let mut fixed = p.clone();
    fixed.segments[have].node = Segment::Key(best);
    Some(path_text(&fixed))
}

/// The text values of a comparison (`in` lists: each), with their spans.
fn texts(v: &Spanned<Value>) -> Vec<(&str, crate::syntax::ast::Span)> {
    match &v.node {
        Value::Str(s) | Value::Word(s) => vec![(s.as_str(), v.span)],
        Value::Bool(b) => vec![(if *b { "true" } else { "false" }, v.span)],
        Value::List(vs) => vs.iter().flat_map(texts).collect(),
        _ => Vec::new(),
    }
}

fn check_values(
    ctx: &Ctx,
    path: &Path,
    text: &str,
    op: CmpOp,
    value: &Spanned<Value>,
    empty: bool,
) -> Vec<Diagnostic> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne | CmpOp::In | CmpOp::NotIn)
        || path.root != PathRoot::Object
    {
        return Vec::new();
    }
    let words = texts(value);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some((_, known)) = ENUMS.iter().find(|(p, _)| *p == text) {
        // The fixed set, and what the input holds besides (a custom resource's phases).
        let mut allowed: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        if text != "health" && text != "missing" {
            for v in distinct_values(ctx, path, 1000) {
                if !allowed.contains(&v) {
                    allowed.push(v);
                }
            }
        }
        for (w, span) in words {
            if allowed.iter().any(|a| a == w) {
                continue;
            }
            let near = allowed
                .iter()
                .find(|a| a.eq_ignore_ascii_case(w))
                .cloned()
                .or_else(|| closest(w, allowed.iter().map(String::as_str)));
            let shown: Vec<&str> = known.to_vec();
            out.push(
                Diagnostic::new(
                    span,
                    ErrorKind::Warning(format!(
                        "`{w}` is not a value of {text} ({})",
                        shown.join(", ")
                    )),
                )
                .with_suggestion(near),
            );
        }
        return out;
    }
    if !empty || !matches!(op, CmpOp::Eq | CmpOp::In) {
        return out;
    }
    let present = distinct_values(ctx, path, 100_000);
    if present.is_empty() {
        return out;
    }
    for (w, span) in words {
        if present.iter().any(|p| p == w) {
            continue;
        }
        let near = present
            .iter()
            .find(|a| a.eq_ignore_ascii_case(w))
            .cloned()
            .or_else(|| closest(w, present.iter().map(String::as_str)));
        out.push(
            Diagnostic::new(
                span,
                ErrorKind::Warning(format!("no object has {text} = `{w}`")),
            )
            .with_suggestion(near),
        );
    }
    out
}

/// The distinct text values of a path across the graph, at most `limit` of them.
fn distinct_values(ctx: &Ctx, path: &Path, limit: usize) -> Vec<String> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for (id, _) in ctx.graph.nodes() {
        for v in values(ctx, id, path) {
            if let Val::Str(_) | Val::Bool(_) | Val::Num(_) = v {
                if let Some(t) = v.text() {
                    if seen.insert(t.to_string()) {
                        out.push(t.into_owned());
                        if out.len() >= limit {
                            return out;
                        }
                    }
                }
            }
        }
    }
    out
}

fn check_kind(ctx: &Ctx, k: &KindRef) -> Option<Diagnostic> {
    let KindSel::Custom { group, kind } = &k.kind else {
        return None;
    };
    if !ctx.index.kind_nodes(&k.kind).unwrap_or_default().is_empty() {
        return None;
    }
    let mut names: Vec<String> = ctx
        .index
        .kinds()
        .filter(|(g, _)| group.as_deref().is_none_or(|want| want == *g))
        .map(|(_, k)| k.to_string())
        .collect();
    names.extend(ctx.index.custom_kind_names().map(str::to_string));
    let near = closest(kind, names.iter().map(String::as_str));
    Some(
        Diagnostic::new(
            k.span,
            ErrorKind::Warning(format!("no object of kind `{}` in the input", k.written)),
        )
        .with_suggestion(near),
    )
}
