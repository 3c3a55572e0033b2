//! What a user means by a TARGET: `kind/namespace/name`, `group/Kind/namespace/name`,
//! `namespace/name` (a pod, else the workload of that name), `kind/name` (cluster-scoped, or a
//! namespaced name that is unique), `name` (unique, or the one workload among its matches), an
//! export id (`demo/apps/Deployment/shop/web`), or a query (`is(pod) and health = error`). A
//! target that names nothing says what comes close.

use crate::landscape::Snapshot;
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_model::{fuzzy, kinds, Object, ObjectRef};
use kubegraph_query::Scope;
use std::fmt;

/// Why a target names no object, or more than one where one is needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetError {
    /// Nothing but spaces.
    Empty,
    /// `a//b`.
    EmptyPart {
        /// The target as typed.
        target: String,
    },
    /// More slashes than any form has.
    TooManyParts {
        /// The target as typed.
        target: String,
    },
    /// The kind is neither built in nor in the input.
    UnknownKind {
        /// The kind as typed.
        typed: String,
        /// The closest built-in kind, lower-case.
        suggestion: Option<String>,
    },
    /// No object has that name (in that namespace, of that kind).
    NotFound {
        /// The target as typed.
        target: String,
        /// The kind as typed, if any.
        kind: Option<String>,
        /// The namespace, if the target names one.
        namespace: Option<String>,
        /// The name.
        name: String,
        /// Objects with close names, as targets, closest first.
        suggestions: Vec<String>,
    },
    /// Several objects match a name that should name one.
    Ambiguous {
        /// The target as typed.
        target: String,
        /// Every match, as targets, sorted.
        matches: Vec<String>,
    },
    /// A query target that does not parse or cannot run: the query with a caret under the
    /// mistake.
    Query {
        /// The rendered diagnostic.
        rendered: String,
    },
    /// A query target that ends in a command printing text (`| count`).
    QueryPrintsText {
        /// The query.
        query: String,
    },
    /// A query target that selects nothing.
    QuerySelectsNothing {
        /// The query.
        query: String,
    },
    /// A view that takes one object was given a target selecting several.
    NotOne {
        /// The target as typed.
        target: String,
        /// How many it selects.
        count: usize,
        /// The first few, as targets.
        first: Vec<String>,
    },
}

impl std::error::Error for TargetError {}

const FORMS: &str = "kind/namespace/name, namespace/name for a pod, kind/name, or a query";

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::Empty => write!(f, "empty target\n  try: kind/namespace/name (deployment/shop/web), namespace/name for a pod, or a query"),
            TargetError::EmptyPart { target } => write!(f, "`{target}` is not a target: empty part between slashes\n  try: {FORMS}"),
            TargetError::TooManyParts { target } => write!(f, "`{target}` has too many parts\n  try: {FORMS}"),
            TargetError::UnknownKind { typed, suggestion } => match suggestion {
                Some(k) => write!(f, "unknown kind `{typed}`\n  did you mean {k}?"),
                None => write!(f, "unknown kind `{typed}`\n  try a kind such as pod, deployment (deploy), service (svc), pvc, node, ingress, or group/Kind for a custom resource"),
            },
            TargetError::NotFound { target, kind, namespace, name, suggestions } => {
                let what = kind.as_deref().unwrap_or("object");
                match namespace {
                    Some(ns) => write!(f, "no {what} {ns}/{name} in the input (`{target}`)")?,
                    None => write!(f, "no {what} named {name} in the input (`{target}`)")?,
                }
                if suggestions.is_empty() {
                    write!(f, "\n  try: kubegraph search 'is({}) | list namespace, name'", kind.as_deref().unwrap_or("all"))
                } else {
                    f.write_str("\n  did you mean:")?;
                    suggestions.iter().try_for_each(|s| write!(f, "\n    {s}"))
                }
            }
            TargetError::Ambiguous { target, matches } => {
                let shown = matches.iter().take(8).cloned().collect::<Vec<_>>().join("\n    ");
                write!(f, "`{target}` is ambiguous: {} objects match\n    {shown}", matches.len())?;
                if matches.len() > 8 {
                    write!(f, "\n    … and {} more", matches.len() - 8)?;
                }
                f.write_str("\n  name one as kind/namespace/name")
            }
            TargetError::Query { rendered } => f.write_str(rendered),
            TargetError::QueryPrintsText { query } => write!(f, "the query `{query}` prints text; a target query must select objects (drop `| count`, `| list`, …)"),
            TargetError::QuerySelectsNothing { query } => write!(f, "the query `{query}` selects nothing"),
            TargetError::NotOne { target, count, first } => write!(f, "`{target}` selects {count} objects; this view takes one: {}", first.join(", ")),
        }
    }
}

/// How a user would name the node as a target: `deployment/shop/web`.
pub fn spelled(graph: &Graph, id: NodeId) -> String {
    ObjectRef::of(&graph.node(id).object).spelled()
}

/// How a front end reads a target besides its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// `-n`, `-l`: a query target's results are kept to it, and with one namespace a target
    /// without one (`deploy/web`, `web`) is looked up in it first, as kubectl does.
    pub scope: Option<&'a Scope>,
    /// A bare name that is a namespace's names the namespace (`why default`: the
    /// command documents namespaces as targets), whatever else has that name.
    pub prefer_namespace: bool,
}

/// The objects `target` names (see the module documentation for the forms), a query target
/// run on the snapshot (its health and reference time).
pub fn resolve(snapshot: &Snapshot, target: &str) -> Result<Vec<NodeId>, TargetError> {
    resolve_with(snapshot, target, Options::default())
}

/// [`resolve`], with the front end's [`Options`].
pub fn resolve_with(
    snapshot: &Snapshot,
    target: &str,
    options: Options,
) -> Result<Vec<NodeId>, TargetError> {
    let graph: &Graph = &snapshot.graph;
    let target = target.trim();
    if target.is_empty() {
        return Err(TargetError::Empty);
    }
    if target.starts_with("is(") || target.contains(char::is_whitespace) || target.starts_with("G.")
    {
        return query(snapshot, options.scope, target);
    }
    let only_ns = options.scope.and_then(|s| match s.namespaces.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    });
    if options.prefer_namespace && !target.contains('/') {
        let ns = graph
            .nodes()
            .find(|(_, n)| n.object.is("", "Namespace") && n.object.name == target);
        if let Some((id, _)) = ns {
            return Ok(vec![id]);
        }
    }
    let parts: Vec<&str> = target.split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(TargetError::EmptyPart {
            target: target.into(),
        });
    }
    let (kind, ns, name) = match parts.as_slice() {
        [_, _, _, _, _] => return by_id(graph, target),
        [g, k, ns, name] => (Some(format!("{g}/{k}")), Some(*ns), *name),
        [k, ns, name] => (Some(k.to_string()), Some(*ns), *name),
        [a, name] if is_kind(graph, a) => (Some(a.to_string()), None, *name),
        [ns, name] => (Some("pod".to_string()), Some(*ns), *name),
        [name] => (None, None, *name),
        _ => {
            return Err(TargetError::TooManyParts {
                target: target.into(),
            })
        }
    };
    let kind_filter = kind
        .as_deref()
        .map(|k| KindFilter::new(graph, k))
        .transpose()?;
    let named = |kind: Option<&KindFilter>, ns: Option<&str>| -> Vec<NodeId> {
        graph
            .nodes()
            .filter(|(_, n)| n.parent.is_none() && n.object.name == name)
            .filter(|(_, n)| ns.is_none() || n.object.namespace.as_deref() == ns)
            .filter(|(_, n)| kind.is_none_or(|k| k.matches(&n.object)))
            .map(|(id, _)| id)
            .collect()
    };
    let mut matches = named(kind_filter.as_ref(), ns);
    // `-n shop why deploy/web`: the one namespace given, when the target names none; a
    // cluster-scoped object of that name still answers.
    let ns = match (ns, only_ns) {
        (None, Some(scope_ns)) => {
            matches.retain(|&id| {
                graph
                    .node(id)
                    .object
                    .namespace
                    .as_deref()
                    .is_none_or(|n| n == scope_ns)
            });
            Some(scope_ns)
        }
        _ => ns,
    };
    if matches.len() > 1 && kind.is_none() {
        // `payments-api` naming a Deployment, its Service, its ServiceAccount, …: the
        // workload, as `namespace/name` picks it (its tree holds the rest).
        let workloads: Vec<NodeId> = matches
            .iter()
            .copied()
            .filter(|&id| is_workload(&graph.node(id).object))
            .collect();
        if workloads.len() == 1 {
            matches = workloads;
        }
    }
    if matches.is_empty() && parts.len() == 2 && kind.as_deref() == Some("pod") {
        // `shop/recommendations` with no such pod: the object of that name in the namespace,
        // the workload when several share it (its tree holds the pods and their service).
        let any = named(None, ns);
        let workloads: Vec<NodeId> = any
            .iter()
            .copied()
            .filter(|&id| is_workload(&graph.node(id).object))
            .collect();
        matches = if workloads.len() == 1 { workloads } else { any };
    }
    match matches.len() {
        1 => Ok(matches),
        0 => Err(TargetError::NotFound {
            target: target.into(),
            kind: kind_filter.as_ref().map(|k| k.typed.clone()),
            namespace: ns.map(str::to_string),
            name: name.into(),
            suggestions: near(graph, kind_filter.as_ref(), ns, name),
        }),
        _ => {
            let mut names: Vec<String> = matches.iter().map(|&m| spelled(graph, m)).collect();
            names.sort();
            Err(TargetError::Ambiguous {
                target: target.into(),
                matches: names,
            })
        }
    }
}

/// The one object `target` names, for views that take one.
pub fn resolve_one(snapshot: &Snapshot, target: &str) -> Result<NodeId, TargetError> {
    resolve_one_with(snapshot, target, Options::default())
}

/// [`resolve_one`], with the front end's [`Options`].
pub fn resolve_one_with(
    snapshot: &Snapshot,
    target: &str,
    options: Options,
) -> Result<NodeId, TargetError> {
    let graph: &Graph = &snapshot.graph;
    let found = resolve_with(snapshot, target, options)?;
    match found.as_slice() {
        [one] => Ok(*one),
        many => Err(TargetError::NotOne {
            target: target.into(),
            count: many.len(),
            first: many.iter().take(5).map(|&n| spelled(graph, n)).collect(),
        }),
    }
}

/// An export id: `cluster/group/Kind/namespace/name`.
fn by_id(graph: &Graph, target: &str) -> Result<Vec<NodeId>, TargetError> {
    match crate::node::by_id(graph, target) {
        Some(id) => Ok(vec![id]),
        None => {
            let wanted: Option<ObjectRef> = target.parse().ok();
            Err(TargetError::NotFound {
                target: target.into(),
                kind: wanted.as_ref().map(|r| r.kind.to_lowercase()),
                namespace: wanted.as_ref().and_then(|r| r.namespace.clone()),
                name: wanted.map(|r| r.name).unwrap_or_default(),
                suggestions: Vec::new(),
            })
        }
    }
}

fn is_workload(o: &Object) -> bool {
    matches!(
        (o.group.as_str(), o.kind.as_str()),
        ("apps", "Deployment" | "StatefulSet" | "DaemonSet")
            | ("batch", "Job" | "CronJob")
            | ("", "ReplicationController")
    )
}

fn is_kind(graph: &Graph, word: &str) -> bool {
    !kinds::lookup(word).is_empty()
        || graph
            .nodes()
            .any(|(_, n)| n.object.kind.eq_ignore_ascii_case(word))
        || !crd_kinds(graph, None, word).is_empty()
}

/// The (group, kind)s the CustomResourceDefinitions of the graph give a name (plural,
/// singular, short name or kind, case-insensitively), in `group` when given.
fn crd_kinds(graph: &Graph, group: Option<&str>, word: &str) -> Vec<(String, String)> {
    use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path};
    let lower = word.to_lowercase();
    let mut out = Vec::new();
    for (_, n) in graph.nodes() {
        let o = &n.object;
        if n.origin != Origin::Source || !o.is("apiextensions.k8s.io", "CustomResourceDefinition") {
            continue;
        }
        let (Some(g), Some(names)) = (
            o.raw.ptr("/spec/group").and_then(|g| g.as_str()),
            o.raw.ptr("/spec/names"),
        ) else {
            continue;
        };
        let Some(kind) = names.get("kind").and_then(|k| k.as_str()) else {
            continue;
        };
        if group.is_some_and(|want| want != g) {
            continue;
        }
        let mut all: Vec<String> = vec![kind.to_lowercase()];
        for key in ["plural", "singular"] {
            all.extend(
                names
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_lowercase),
            );
        }
        if let Some(short) = names.get("shortNames").and_then(|v| v.as_array()) {
            all.extend(
                short
                    .iter()
                    .filter_map(|s| s.as_str())
                    .map(str::to_lowercase),
            );
        }
        if all.contains(&lower) {
            out.push((g.to_string(), kind.to_string()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The kinds a typed name means: built-in names (`deploy`, `pvc`, `apps/Deployment`), else any
/// kind in the graph with that name (custom resources).
struct KindFilter {
    kinds: Vec<(String, String)>,
    typed: String,
}

impl KindFilter {
    fn new(graph: &Graph, typed: &str) -> Result<KindFilter, TargetError> {
        let mut kinds: Vec<(String, String)> = kinds::lookup(typed)
            .into_iter()
            .map(|k| (k.group.to_string(), k.kind.to_string()))
            .collect();
        if kinds.is_empty() {
            let (group, kind) = match typed.rsplit_once('/') {
                Some((g, k)) => (Some(g), k),
                None => (None, typed),
            };
            let mut custom: Vec<(String, String)> = graph
                .nodes()
                .map(|(_, n)| &n.object)
                .filter(|o| o.kind.eq_ignore_ascii_case(kind) && group.is_none_or(|g| g == o.group))
                .map(|o| (o.group.clone(), o.kind.clone()))
                .collect();
            custom.extend(crd_kinds(graph, group, kind));
            custom.sort();
            custom.dedup();
            kinds = custom;
        }
        if kinds.is_empty() {
            let mut near: Vec<(usize, &str)> = kinds::BUILTIN
                .iter()
                .map(|k| (fuzzy::distance(typed, k.kind), k.kind))
                .filter(|(d, _)| *d <= 2)
                .collect();
            near.sort();
            return Err(TargetError::UnknownKind {
                typed: typed.into(),
                suggestion: near.first().map(|(_, k)| k.to_ascii_lowercase()),
            });
        }
        Ok(KindFilter {
            kinds,
            typed: typed.to_string(),
        })
    }

    fn matches(&self, o: &Object) -> bool {
        self.kinds
            .iter()
            .any(|(g, k)| *g == o.group && *k == o.kind)
    }
}

/// Objects whose names come close to `name`, as targets, closest first (same namespace first).
fn near(graph: &Graph, kind: Option<&KindFilter>, ns: Option<&str>, name: &str) -> Vec<String> {
    let mut near: Vec<(usize, String)> = graph
        .nodes()
        .filter(|(_, n)| n.parent.is_none() && n.origin != Origin::Synthetic)
        .filter(|(_, n)| kind.is_none_or(|k| k.matches(&n.object)))
        .filter_map(|(id, n)| {
            let o = &n.object;
            let d = fuzzy::distance(&o.name, name);
            let close = o.name.contains(name)
                || (o.name.len() > 3 && name.contains(o.name.as_str()))
                || d <= (name.len() / 4).clamp(1, 3);
            let same_ns = ns.is_none() || o.namespace.as_deref() == ns;
            close.then(|| (d + if same_ns { 0 } else { 2 }, spelled(graph, id)))
        })
        .collect();
    near.sort();
    near.dedup();
    near.into_iter().take(5).map(|(_, s)| s).collect()
}

/// A query target, run on the snapshot: its health and reference time (`--now`, the clock of a
/// live source), as `search` runs it.
fn query(
    snapshot: &Snapshot,
    scope: Option<&Scope>,
    text: &str,
) -> Result<Vec<NodeId>, TargetError> {
    let ast = kubegraph_formats::parse_query(text).map_err(|e| TargetError::Query {
        rendered: e.render(text),
    })?;
    let ctx = match scope {
        Some(s) => snapshot.query().scoped(s),
        None => snapshot.query(),
    };
    match kubegraph_formats::run(&ctx, &ast, None) {
        Err(e) => Err(TargetError::Query {
            rendered: e.render(text),
        }),
        Ok(kubegraph_formats::Answer {
            output: kubegraph_query::Output::Nodes(nodes),
            format: None,
        }) => match nodes.is_empty() {
            true => Err(TargetError::QuerySelectsNothing { query: text.into() }),
            false => Ok(nodes),
        },
        Ok(_) => Err(TargetError::QueryPrintsText { query: text.into() }),
    }
}
