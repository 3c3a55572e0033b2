//! A pod's container nodes and the images they run, kept with the pod.

use super::Incremental;
use crate::Extracted;
use kubegraph_graph::{Attrs, ClusterId, NodeId, Origin};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, EdgeKind};

impl Incremental {
    /// Makes the containers of a pod: contained by it, each running its image.
    pub(super) fn add_containers(
        &mut self,
        pod: NodeId,
        cluster: ClusterId,
        extracted: &Extracted,
    ) {
        let mut made = Vec::with_capacity(extracted.containers.len());
        for c in &extracted.containers {
            let container = self.graph.add_container(pod, c.object.clone());
            self.reset_meta(container);
            self.graph
                .add_edge(pod, container, EdgeKind::Contains, Attrs::new());
            let image = c.image.as_ref().map(|image| {
                let img = self.make_synthetic(cluster, SYNTHETIC_GROUP, "Image", image);
                let mut attrs = Attrs::new();
                if let Some(id) = &c.image_id {
                    attrs.insert("image_id", id.clone());
                }
                self.graph.add_edge(container, img, EdgeKind::Runs, attrs);
                self.meta[img.0 as usize].wanted += 1;
                img
            });
            made.push((container, image));
        }
        if let Some(s) = self.meta[pod.0 as usize].source.as_mut() {
            s.containers = made;
        }
    }

    pub(super) fn remove_containers(
        &mut self,
        pod: NodeId,
        containers: Vec<(NodeId, Option<NodeId>)>,
    ) {
        for (container, image) in containers {
            self.graph.remove_edge(pod, container, EdgeKind::Contains);
            if let Some(img) = image {
                self.graph.remove_edge(container, img, EdgeKind::Runs);
                self.unwant(img);
            }
            self.graph.remove_node(container);
            self.reset_meta(container);
        }
    }

    /// Brings a pod's containers from `before` to `after`: in place when the same containers
    /// run the same images (a status change), else made again.
    pub(super) fn update_containers(
        &mut self,
        pod: NodeId,
        cluster: ClusterId,
        before: &Extracted,
        made: Vec<(NodeId, Option<NodeId>)>,
        after: &Extracted,
    ) {
        let same = before.containers.len() == after.containers.len()
            && before
                .containers
                .iter()
                .zip(&after.containers)
                .all(|(b, a)| b.object.name == a.object.name && b.image == a.image);
        if !same {
            self.remove_containers(pod, made);
            return self.add_containers(pod, cluster, after);
        }
        for ((b, a), &(container, image)) in
            before.containers.iter().zip(&after.containers).zip(&made)
        {
            self.graph
                .replace_node(container, a.object.clone(), Origin::Synthetic);
            if let (Some(img), true) = (image, b.image_id != a.image_id) {
                let mut attrs = Attrs::new();
                if let Some(id) = &a.image_id {
                    attrs.insert("image_id", id.clone());
                }
                if let Some(edge) = self.graph.edge_id(container, img, EdgeKind::Runs) {
                    self.graph.set_edge_attrs(edge, attrs);
                }
            }
        }
        if let Some(s) = self.meta[pod.0 as usize].source.as_mut() {
            s.containers = made;
        }
    }
}
