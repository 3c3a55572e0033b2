use kubegraph_graph::{ClusterId, Graph, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Object as Map, Path, Value};
use kubegraph_model::{LabelSelector, Object};
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// The pod template of a workload: `spec.template` for Deployment, ReplicaSet, StatefulSet,
/// DaemonSet, Job and ReplicationController; `spec.jobTemplate.spec.template` for CronJob.
/// Kinds are matched with their group: `batch.volcano.sh/Job` has no pod template here.
pub fn pod_template(o: &Object) -> Option<&Value> {
    let spec = o.spec()?;
    let template = match (o.group.as_str(), o.kind.as_str()) {
        ("apps", "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet")
        | ("batch", "Job")
        | ("", "ReplicationController") => spec.get("template"),
        ("batch", "CronJob") => spec.ptr("/jobTemplate/spec/template"),
        _ => None,
    }?;
    template.is_object().then_some(template)
}

/// The labels a selector is matched against: a pod's own, or a workload's pod template's.
fn selectable_labels(o: &Object) -> Option<Option<&Map>> {
    if o.is("", "Pod") {
        return Some(o.labels());
    }
    let template = pod_template(o)?;
    Some(template.ptr("/metadata/labels").and_then(|l| l.as_object()))
}

/// A label value as text. The API server only accepts strings, but manifests often write
/// `version: 1`; selectors read such values as text (see `LabelSelector::from_map`), so labels
/// must too, or a selector and a label written the same way would not match.
fn label_text(v: &Value) -> Option<Cow<'_, str>> {
    match v.as_str() {
        Some(s) => Some(Cow::Borrowed(s)),
        None => kubegraph_model::scalar_string(v).map(Cow::Owned),
    }
}

/// An object as selectors see it: whether it is a pod, and its labels (or its template's) as
/// text.
#[derive(PartialEq)]
pub(crate) struct Selectable<'o> {
    pod: bool,
    pub labels: Vec<(&'o str, Cow<'o, str>)>,
}

impl<'o> Selectable<'o> {
    /// `None` when selectors do not consider `o`.
    pub fn of(o: &'o Object) -> Option<Self> {
        o.namespace.as_ref()?;
        let labels = selectable_labels(o)?;
        Some(Selectable {
            pod: o.is("", "Pod"),
            labels: labels
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|(k, v)| Some((k, label_text(v)?)))
                .collect(),
        })
    }

    /// Whether `selector` (of a reference that takes workloads too when `templates`) selects
    /// it, as [`SelectableIndex::select`] would, namespace aside.
    pub fn selected_by(&self, selector: &LabelSelector, templates: bool) -> bool {
        (templates || self.pod)
            && selector.matches(|k| {
                self.labels
                    .iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.as_ref())
            })
    }
}

/// Whether `selector` selects `o` by its own labels (read as text, as selectors read them).
pub(crate) fn own_labels_match(o: &Object, selector: &LabelSelector) -> bool {
    let labels: Vec<(&str, Cow<'_, str>)> = o
        .labels()
        .into_iter()
        .flat_map(|l| l.iter())
        .filter_map(|(k, v)| Some((k, label_text(v)?)))
        .collect();
    selector.matches(|k| {
        labels
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.as_ref())
    })
}

/// [`Selectable::selected_by`] for an object.
pub(crate) fn selects(o: &Object, selector: &LabelSelector, templates: bool) -> bool {
    Selectable::of(o).is_some_and(|s| s.selected_by(selector, templates))
}

/// Pods and workloads (by template) per namespace, with an index by `key=value` label so that a
/// selector with a `matchLabels` entry only looks at the objects carrying it.
/// The index borrows the graph: labels are read out of each object once, when the index is
/// built, instead of once per selector that considers the object.
#[derive(Default)]
pub struct SelectableIndex<'g> {
    entries: Vec<Entry<'g>>,
    /// Entry positions per namespace, and per `key=value` label (hashed with cluster and
    /// namespace; a collision only costs a full match).
    by_namespace: FxHashMap<(ClusterId, &'g str), Vec<u32>>,
    by_label: FxHashMap<u64, Vec<u32>>,
}

/// A pod or a workload's pod template, as selectors see it.
struct Entry<'g> {
    id: NodeId,
    cluster: ClusterId,
    namespace: &'g str,
    pod: bool,
    labels: Box<[(&'g str, Cow<'g, str>)]>,
}

fn label_hash(cluster: ClusterId, namespace: &str, key: &str, value: &str) -> u64 {
    let mut h = FxHasher::default();
    (cluster, namespace, key, value).hash(&mut h);
    h.finish()
}

impl<'g> SelectableIndex<'g> {
    /// Indexes the pods and pod templates of `graph`'s source objects.
    pub fn new(graph: &'g Graph) -> Self {
        let mut index = SelectableIndex::default();
        for (id, node) in graph.nodes() {
            if node.origin != Origin::Source {
                continue;
            }
            let o = &node.object;
            let (Some(ns), Some(labels)) = (&o.namespace, selectable_labels(o)) else {
                continue;
            };
            let labels: Box<[_]> = labels
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|(k, v)| Some((k, label_text(v)?)))
                .collect();
            let at = index.entries.len() as u32;
            index
                .by_namespace
                .entry((node.cluster, ns.as_str()))
                .or_default()
                .push(at);
            for (k, v) in labels.iter() {
                index
                    .by_label
                    .entry(label_hash(node.cluster, ns, k, v))
                    .or_default()
                    .push(at);
            }
            let pod = o.is("", "Pod");
            index.entries.push(Entry {
                id,
                cluster: node.cluster,
                namespace: ns,
                pod,
                labels,
            });
        }
        index
    }

    /// The pods (and workloads, when `templates`) in `namespace` that `selector` selects,
    /// in node order.
    pub fn select<'s>(
        &'s self,
        cluster: ClusterId,
        namespace: &'s str,
        selector: &'s LabelSelector,
        templates: bool,
    ) -> impl Iterator<Item = NodeId> + 's {
        let candidates: &[u32] = match selector.required_pair() {
            Some((k, v)) => self.by_label.get(&label_hash(cluster, namespace, k, v)),
            None => self.by_namespace.get(&(cluster, namespace)),
        }
        .map_or(&[], Vec::as_slice);
        candidates
            .iter()
            .map(|&at| &self.entries[at as usize])
            .filter_map(move |e| {
                let selected = e.cluster == cluster
                    && e.namespace == namespace
                    && (templates || e.pod)
                    && selector.matches(|k| {
                        e.labels
                            .iter()
                            .find(|(key, _)| *key == k)
                            .map(|(_, v)| v.as_ref())
                    });
                selected.then_some(e.id)
            })
    }
}
