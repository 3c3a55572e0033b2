//! What a writer writes: the whole graph, or a subset of its nodes with the edges among them.

use kubegraph_graph::{Edge, Graph, NodeId};

/// What a writer writes: the whole graph, or a subset of its nodes and the edges among them.
pub struct View<'g> {
    /// The graph.
    pub graph: &'g Graph,
    /// `None`: every node; otherwise the subset in node order, and membership by node index.
    subset: Option<(Vec<NodeId>, Vec<bool>)>,
}

impl<'g> View<'g> {
    /// Every node and edge.
    pub fn whole(graph: &'g Graph) -> Self {
        View {
            graph,
            subset: None,
        }
    }

    /// `nodes` in node order, duplicates dropped; edges are those with both ends in the set.
    pub fn subset(graph: &'g Graph, nodes: &[NodeId]) -> Self {
        let mut ids = nodes.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut member = vec![false; graph.node_bound()];
        for id in &ids {
            member[id.0 as usize] = true;
        }
        View {
            graph,
            subset: Some((ids, member)),
        }
    }

    /// The nodes, in node order.
    pub fn nodes(&self) -> Box<dyn Iterator<Item = NodeId> + '_> {
        match &self.subset {
            None => Box::new(self.graph.nodes().map(|(id, _)| id)),
            Some((ids, _)) => Box::new(ids.iter().copied()),
        }
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        match &self.subset {
            None => self.graph.node_count(),
            Some((ids, _)) => ids.len(),
        }
    }

    /// The edges with their index in the whole graph.
    pub fn edges(&self) -> Box<dyn Iterator<Item = (usize, &'g Edge)> + '_> {
        let all = self.graph.edges().iter().enumerate();
        match &self.subset {
            None => Box::new(all),
            Some((_, member)) => {
                Box::new(all.filter(|(_, e)| member[e.from.0 as usize] && member[e.to.0 as usize]))
            }
        }
    }

    /// How many edges.
    pub fn edge_count(&self) -> usize {
        match &self.subset {
            None => self.graph.edge_count(),
            Some(_) => self.edges().count(),
        }
    }
}
