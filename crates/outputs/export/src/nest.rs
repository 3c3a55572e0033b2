//! Where the drawn formats (dot, mermaid) put each node: in its cluster, and inside that in its
//! namespace. The nesting says what the `contains` edges of cluster and namespace nodes say, so
//! those edges are left out of the drawing; [`Nesting::drawn`] decides which.

use crate::view::View;
use kubegraph_graph::{Edge, Graph, Node, NodeId};
use kubegraph_model::EdgeKind;
use std::collections::BTreeMap;

pub(crate) struct Nesting<'g> {
    pub clusters: Vec<ClusterBox<'g>>,
}

pub(crate) struct ClusterBox<'g> {
    pub name: &'g str,
    /// Nodes of no namespace (the cluster node, cluster-scoped objects), in node order.
    pub top: Vec<NodeId>,
    /// Namespaces by name, each with its nodes in node order; a namespace's own node is inside.
    pub namespaces: Vec<(&'g str, Vec<NodeId>)>,
}

fn is_namespace(n: &Node) -> bool {
    n.parent.is_none() && n.object.group.is_empty() && n.object.kind == "Namespace"
}

/// The namespace box a node is drawn in.
fn home(n: &Node) -> Option<&str> {
    if is_namespace(n) {
        Some(&n.object.name)
    } else {
        n.object.namespace.as_deref()
    }
}

impl<'g> Nesting<'g> {
    pub fn new(view: &View<'g>) -> Self {
        let graph = view.graph;
        let count = graph.clusters().count();
        let mut top: Vec<Vec<NodeId>> = vec![Vec::new(); count];
        let mut namespaces: Vec<BTreeMap<&'g str, Vec<NodeId>>> = vec![BTreeMap::new(); count];
        for id in view.nodes() {
            let n = graph.node(id);
            let c = n.cluster.0 as usize;
            match home(n) {
                Some(ns) => namespaces[c].entry(ns).or_default().push(id),
                None => top[c].push(id),
            }
        }
        let clusters = graph
            .clusters()
            .zip(top.into_iter().zip(namespaces))
            // A cluster with nothing to draw (only in a subset: a whole graph has each
            // cluster's own node) gets no box.
            .filter(|(_, (top, namespaces))| !top.is_empty() || !namespaces.is_empty())
            .map(|((_, name, _), (top, namespaces))| ClusterBox {
                name,
                top,
                namespaces: namespaces.into_iter().collect(),
            })
            .collect();
        Nesting { clusters }
    }

    /// Whether the drawing shows `e` as an edge: everything but the `contains` edges that the
    /// boxes already express (cluster → its own objects, namespace → the objects inside it).
    /// A pod's containers are in the same namespace box as the pod, so pod → container stays.
    pub fn drawn(graph: &Graph, e: &Edge) -> bool {
        if e.kind != EdgeKind::Contains || e.from == e.to {
            return true;
        }
        let (from, to) = (graph.node(e.from), graph.node(e.to));
        if from.cluster != to.cluster {
            return true;
        }
        if graph.cluster_node(from.cluster) == e.from {
            return false;
        }
        !(is_namespace(from) && home(to) == Some(from.object.name.as_str()))
    }
}
