//! Resolution against the kept-current graph: only objects read from the source are found (a
//! fresh build resolves before it makes placeholders), and selectors read the label indexes.

use super::keys::{label_hash, labeled_hash, namespace_hash};
use super::Incremental;
use crate::build::Lookup;
use crate::selectable::{own_labels_match, selects};
use kubegraph_graph::{ClusterId, Graph, NodeId, Origin};
use kubegraph_model::LabelSelector;

impl Lookup for Incremental {
    fn graph(&self) -> &Graph {
        &self.graph
    }

    fn find(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<NodeId> {
        // A fresh build resolves before it makes placeholders: only objects can be found.
        self.graph
            .lookup(cluster, group, kind, namespace, name)
            .filter(|&id| self.graph.node(id).origin == Origin::Source)
    }

    fn find_uid(&self, cluster: ClusterId, uid: &str) -> Option<NodeId> {
        self.graph.lookup_uid(cluster, uid)
    }

    fn find_synthetic(&self, _: ClusterId, _: &str, _: &str, _: &str) -> Option<NodeId> {
        None // always made (or counted), so that it lives exactly while wanted
    }

    fn select(
        &self,
        cluster: ClusterId,
        namespace: &str,
        selector: &LabelSelector,
        templates: bool,
        found: &mut dyn FnMut(NodeId),
    ) {
        let candidates = match selector.required_pair() {
            Some((k, v)) => self
                .selectable_by_label
                .get(label_hash(cluster, namespace, k, v)),
            None => self.selectable.get(namespace_hash(cluster, namespace)),
        };
        for &id in candidates {
            let n = self.graph.node(id);
            if n.cluster == cluster
                && n.object.namespace.as_deref() == Some(namespace)
                && selects(&n.object, selector, templates)
            {
                found(id);
            }
        }
    }

    fn default_class(&self, cluster: ClusterId) -> Option<NodeId> {
        self.default_classes
            .get(&cluster)
            .and_then(|c| c.values().next().copied())
    }

    fn labeled(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        selector: &LabelSelector,
        found: &mut dyn FnMut(NodeId),
    ) {
        for &id in self.labeled.get(labeled_hash(cluster, group, kind)) {
            let n = self.graph.node(id);
            if n.cluster == cluster
                && n.origin == Origin::Source
                && n.object.is(group, kind)
                && own_labels_match(&n.object, selector)
            {
                found(id);
            }
        }
    }

    fn claims(&self, cluster: ClusterId, namespace: &str, found: &mut dyn FnMut(NodeId)) {
        for &id in self.claims.get(namespace_hash(cluster, namespace)) {
            let n = self.graph.node(id);
            if n.cluster == cluster && n.object.namespace.as_deref() == Some(namespace) {
                found(id);
            }
        }
    }
}
