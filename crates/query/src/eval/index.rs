//! [`QueryIndex`]: lookups built once per graph so that the first part of a query does not scan
//! every node's JSON.
//!
//! | filter | index |
//! |---|---|
//! | `is(k, …)` (kinds, categories, custom kinds) | kind index: `(group, kind)` → nodes |
//! | `namespace = x`, `namespace in [..]` | namespace index |
//! | `name = x`, `name in [..]` | name index |
//! | `labels.k = v`, `labels.k in [..]` | label index: `k` → `v` → nodes (built on first use) |
//! | `missing` | the placeholder list |
//! | `a and b` | the intersection of what the operands narrow to |
//! | `a or b` | the union, when every operand narrows |
//!
//! Any other filter leaves the candidates as they are; the whole filter is then checked on each
//! candidate, so an index only ever saves work, never decides an answer.
//!
//! Only indexes: health, the reference time and reachability are [`Facts`](crate::Facts).

use std::sync::OnceLock;

use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_model::json::JsonValueTrait;
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};
use rustc_hash::FxHashMap;

use crate::syntax::ast::{ArrayMod, CmpOp, Filter, KindSel, PathRoot, Segment, Value};

/// Per-graph lookups: nodes by kind, namespace, name and label, and the placeholders.
pub struct QueryIndex {
    by_kind: FxHashMap<(String, String), Vec<NodeId>>,
    by_namespace: FxHashMap<String, Vec<NodeId>>,
    by_name: FxHashMap<String, Vec<NodeId>>,
    placeholders: Vec<NodeId>,
    labels: OnceLock<LabelIndex>,
    /// A custom resource's names from its CustomResourceDefinition in the graph (its plural,
    /// singular, short names and kind, lower-case) → its (group, kind).
    crd_names: FxHashMap<String, Vec<(String, String)>>,
}

/// Label key → label value → nodes, sorted by id. Built on the first label filter: a one-shot
/// query without one does not pay for it, and a shell session pays once.
#[derive(Default)]
struct LabelIndex {
    by_key: FxHashMap<String, FxHashMap<String, Vec<NodeId>>>,
    /// Keys that some object gives a non-string value (`version: 2` in a hand-written
    /// manifest). `labels.version = 2` compares those as numbers, which a text index cannot
    /// answer, so such keys never narrow.
    not_text: rustc_hash::FxHashSet<String>,
}

impl LabelIndex {
    fn new(graph: &Graph) -> Self {
        let mut idx = LabelIndex::default();
        for (id, n) in graph.nodes() {
            let Some(labels) = n.object.labels() else {
                continue;
            };
            for (k, v) in labels.iter() {
                match v.as_str() {
                    Some(v) => {
                        let values = match idx.by_key.get_mut(k) {
                            Some(values) => values,
                            None => idx.by_key.entry(k.to_string()).or_default(),
                        };
                        match values.get_mut(v) {
                            Some(ids) => ids.push(id),
                            None => {
                                values.insert(v.to_string(), vec![id]);
                            }
                        }
                    }
                    None => {
                        idx.not_text.insert(k.to_string());
                    }
                }
            }
        }
        idx
    }
}

impl QueryIndex {
    /// Builds the indexes (the label index waits for the first label filter).
    pub fn new(graph: &Graph) -> Self {
        let mut idx = QueryIndex {
            by_kind: FxHashMap::default(),
            by_namespace: FxHashMap::default(),
            by_name: FxHashMap::default(),
            placeholders: Vec::new(),
            labels: OnceLock::new(),
            crd_names: FxHashMap::default(),
        };
        for (id, n) in graph.nodes() {
            let o = &n.object;
            idx.by_kind
                .entry((o.group.clone(), o.kind.clone()))
                .or_default()
                .push(id);
            if let Some(ns) = &o.namespace {
                idx.by_namespace.entry(ns.clone()).or_default().push(id);
            }
            idx.by_name.entry(o.name.clone()).or_default().push(id);
            if n.origin == Origin::Placeholder {
                idx.placeholders.push(id);
            }
            if n.origin == Origin::Source
                && o.is("apiextensions.k8s.io", "CustomResourceDefinition")
            {
                for (name, gk) in crd_names(o) {
                    let v = idx.crd_names.entry(name).or_default();
                    if !v.contains(&gk) {
                        v.push(gk);
                    }
                }
            }
        }
        idx
    }

    /// The (group, kind)s a custom kind written in a query names through the
    /// CustomResourceDefinitions of the graph: `servicemonitors`, `servicemonitor`, `smon`
    /// (plural, singular, short name), in `group` when one is written.
    pub fn custom_names(&self, group: Option<&str>, written: &str) -> Vec<(String, String)> {
        match self.crd_names.get(&written.to_lowercase()) {
            Some(gks) => gks
                .iter()
                .filter(|(g, _)| group.is_none_or(|want| want == g))
                .cloned()
                .collect(),
            None => Vec::new(),
        }
    }

    /// Every name the CRDs of the graph give their kinds (lower-case), for suggestions.
    pub fn custom_kind_names(&self) -> impl Iterator<Item = &str> {
        self.crd_names.keys().map(String::as_str)
    }

    /// Whether the graph holds a node of this (group, kind).
    pub fn has_kind(&self, group: &str, kind: &str) -> bool {
        self.by_kind
            .contains_key(&(group.to_string(), kind.to_string()))
    }

    /// Every (group, kind) of the graph.
    pub fn kinds(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_kind.keys().map(|(g, k)| (g.as_str(), k.as_str()))
    }

    /// Every node of a kind selector, sorted by id.
    pub fn kind_nodes(&self, sel: &KindSel) -> Option<Vec<NodeId>> {
        let mut out: Vec<NodeId> = Vec::new();
        let mut add = |ids: &Vec<NodeId>| out.extend_from_slice(ids);
        match sel {
            KindSel::Builtin(gks) => {
                for gk in gks {
                    if let Some(ids) = self.by_kind.get(&(gk.group.clone(), gk.kind.clone())) {
                        add(ids);
                    }
                }
            }
            KindSel::Abstract(cat) if cat == "kubernetes_resource" => {
                for ((g, _), ids) in &self.by_kind {
                    if g != SYNTHETIC_GROUP {
                        add(ids);
                    }
                }
            }
            KindSel::Abstract(cat) => {
                for ((g, k), ids) in &self.by_kind {
                    if kinds::builtin(g, k).is_some_and(|i| i.categories.contains(&cat.as_str())) {
                        add(ids);
                    }
                }
            }
            KindSel::Custom { group, kind } => {
                let named = self.custom_names(group.as_deref(), kind);
                for ((g, k), ids) in &self.by_kind {
                    let hit = match group {
                        Some(group) => g == group && k == kind,
                        None => k.eq_ignore_ascii_case(kind),
                    };
                    if hit || named.iter().any(|(ng, nk)| ng == g && nk == k) {
                        add(ids);
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// The nodes a filter can only match among, sorted by id; `None` when the filter does not
    /// narrow (every node is a candidate).
    pub fn candidates(&self, graph: &Graph, f: &Filter) -> Option<Vec<NodeId>> {
        match f {
            Filter::Is(kinds) => {
                let mut out = Vec::new();
                for k in kinds {
                    out.extend(self.kind_nodes(&k.kind)?);
                }
                out.sort_unstable();
                out.dedup();
                Some(out)
            }
            Filter::Missing => Some(self.placeholders.clone()),
            Filter::Cmp(c) => {
                if c.path.root != PathRoot::Object
                    || matches!(
                        c.modifier.as_ref().map(|m| m.node),
                        Some(ArrayMod::All | ArrayMod::None)
                    )
                {
                    return None;
                }
                let map = match &c.path.segments[..] {
                    [one] => match &one.node {
                        Segment::Key(k) if k == "namespace" => &self.by_namespace,
                        Segment::Key(k) if k == "name" => &self.by_name,
                        _ => return None,
                    },
                    [first, key] => match (&first.node, &key.node) {
                        (Segment::Key(l), Segment::Key(k)) if l == "labels" => {
                            let labels = self.labels.get_or_init(|| LabelIndex::new(graph));
                            if labels.not_text.contains(k) {
                                return None;
                            }
                            match labels.by_key.get(k) {
                                Some(values) => values,
                                None => return Some(Vec::new()),
                            }
                        }
                        _ => return None,
                    },
                    _ => return None,
                };
                let words: Vec<&str> = match (c.op.node, &c.value.node) {
                    (CmpOp::Eq, v) => vec![text(v)?],
                    (CmpOp::In, Value::List(vs)) => {
                        vs.iter().map(|v| text(&v.node)).collect::<Option<_>>()?
                    }
                    _ => return None,
                };
                let mut out: Vec<NodeId> = words
                    .iter()
                    .filter_map(|w| map.get(*w))
                    .flatten()
                    .copied()
                    .collect();
                out.sort_unstable();
                out.dedup();
                Some(out)
            }
            Filter::And(fs) => fs
                .iter()
                .filter_map(|f| self.candidates(graph, &f.node))
                .reduce(|a, b| intersect(&a, &b)),
            Filter::Or(fs) => {
                let mut out = Vec::new();
                for f in fs {
                    out.extend(self.candidates(graph, &f.node)?);
                }
                out.sort_unstable();
                out.dedup();
                Some(out)
            }
            _ => None,
        }
    }
}

fn text(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) | Value::Word(s) => Some(s),
        _ => None,
    }
}

fn intersect(a: &[NodeId], b: &[NodeId]) -> Vec<NodeId> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The names a CustomResourceDefinition gives its kind (`spec.names`: plural, singular, short
/// names, kind; lower-case), with its (group, kind).
fn crd_names(crd: &kubegraph_model::Object) -> Vec<(String, (String, String))> {
    use kubegraph_model::json::{JsonContainerTrait, Path};
    let (Some(group), Some(names)) = (
        crd.raw.ptr("/spec/group").and_then(|g| g.as_str()),
        crd.raw.ptr("/spec/names"),
    ) else {
        return Vec::new();
    };
    let Some(kind) = names.get("kind").and_then(|k| k.as_str()) else {
        return Vec::new();
    };
    let gk = (group.to_string(), kind.to_string());
    let mut out = vec![(kind.to_lowercase(), gk.clone())];
    for key in ["plural", "singular"] {
        if let Some(n) = names.get(key).and_then(|v| v.as_str()) {
            out.push((n.to_lowercase(), gk.clone()));
        }
    }
    if let Some(short) = names.get("shortNames").and_then(|v| v.as_array()) {
        for s in short.iter().filter_map(|s| s.as_str()) {
            out.push((s.to_lowercase(), gk.clone()));
        }
    }
    out
}
