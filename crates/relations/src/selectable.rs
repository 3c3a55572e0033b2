use kubegraph_graph::{ClusterId, Graph, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Object as Map, Path, Value};
use kubegraph_model::{LabelSelector, Object};
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::collections::BTreeMap;
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

/// Pods and workloads (by template) per namespace, with an index by `key=value` label so that a
/// selector with a `matchLabels` entry only looks at the objects carrying it.
#[derive(Default)]
pub struct SelectableIndex {
    by_namespace: FxHashMap<(ClusterId, String), Vec<NodeId>>,
    by_label: FxHashMap<u64, Vec<NodeId>>,
}

fn label_hash(cluster: ClusterId, namespace: &str, key: &str, value: &str) -> u64 {
    let mut h = FxHasher::default();
    (cluster, namespace, key, value).hash(&mut h);
    h.finish()
}

impl SelectableIndex {
    pub fn new(graph: &Graph) -> Self {
        let mut index = SelectableIndex::default();
        for (id, node) in graph.nodes() {
            if node.origin != Origin::Source {
                continue;
            }
            let o = &node.object;
            let (Some(ns), Some(labels)) = (&o.namespace, selectable_labels(o)) else {
                continue;
            };
            index
                .by_namespace
                .entry((node.cluster, ns.clone()))
                .or_default()
                .push(id);
            for (k, v) in labels.into_iter().flatten() {
                if let Some(v) = label_text(v) {
                    index
                        .by_label
                        .entry(label_hash(node.cluster, ns, k, &v))
                        .or_default()
                        .push(id);
                }
            }
        }
        index
    }

    /// The pods (and workloads, when `templates`) in `namespace` that `selector` selects,
    /// in node order.
    pub fn select<'g>(
        &'g self,
        graph: &'g Graph,
        cluster: ClusterId,
        namespace: &'g str,
        selector: &'g LabelSelector,
        templates: bool,
    ) -> impl Iterator<Item = NodeId> + 'g {
        let candidates: &[NodeId] = match selector.required_pair() {
            Some((k, v)) => self.by_label.get(&label_hash(cluster, namespace, k, v)),
            None => self.by_namespace.get(&(cluster, namespace.to_string())),
        }
        .map_or(&[], Vec::as_slice);
        candidates.iter().copied().filter(move |&id| {
            let node = graph.node(id);
            let o = &node.object;
            if node.cluster != cluster || o.namespace.as_deref() != Some(namespace) {
                return false;
            }
            if !templates && !o.is("", "Pod") {
                return false;
            }
            let labels = selectable_labels(o).flatten();
            if labels.is_none_or(|l| l.iter().all(|(_, v)| v.is_str())) {
                selector.matches(|k| labels.and_then(|l| l.get(&k)).and_then(|v| v.as_str()))
            } else {
                let text: BTreeMap<String, String> = labels
                    .into_iter()
                    .flat_map(|l| l.iter())
                    .filter_map(|(k, v)| Some((k.to_string(), label_text(v)?.into_owned())))
                    .collect();
                selector.matches_map(&text)
            }
        })
    }
}
