use crate::Attrs;
use hashbrown::HashTable;
use kubegraph_model::json::{JsonValueMutTrait, JsonValueTrait, Path, Value};
use kubegraph_model::kinds::SYNTHETIC_GROUP;
use kubegraph_model::{EdgeKind, Object};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A node's index in its graph: stable while the node lives (see [`Graph`] on removal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// An edge's index in [`Graph::edges`]: stable only while no edge is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeId(pub u32);

/// A cluster's index in its graph, in the order clusters were added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId(pub u16);

/// Where a node came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An object read from the source.
    Source,
    /// Referenced by another object but absent from the source (`missing = true`).
    Placeholder,
    /// A namespace that objects live in but that the source does not declare.
    Implied,
    /// Made by kubegraph: the cluster, containers, images, external hosts, RBAC users and groups.
    Synthetic,
}

/// A node: an object, a placeholder for an absent one, or something kubegraph made.
#[derive(Clone, Debug)]
pub struct Node {
    /// The cluster it belongs to.
    pub cluster: ClusterId,
    /// The object. For placeholders and synthetic nodes `raw` holds only what the node was
    /// looked up or made by, so filters over them see exactly those fields. Shared, so that a
    /// live source can build a new graph per change without copying its objects.
    pub object: Arc<Object>,
    /// Where it came from.
    pub origin: Origin,
    /// A container's pod.
    pub parent: Option<NodeId>,
}

impl Node {
    /// Whether it is a placeholder: referenced, but not in the source.
    pub fn missing(&self) -> bool {
        self.origin == Origin::Placeholder
    }
}

/// A typed edge, `from` → `to` (direction as [`EdgeKind`] names it). One per `(from, to, kind)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The source node.
    pub from: NodeId,
    /// The target node.
    pub to: NodeId,
    /// What the relation is.
    pub kind: EdgeKind,
    /// What every reference along it said (`keys`, `mounts`, `optional`, ...), merged.
    pub attrs: Attrs,
}

/// Nodes, edges and the indexes that find them.
///
/// A graph is built, then read; a live source also patches one in place (nodes and edges
/// removed, objects replaced) and clones it to publish. Node ids are stable: a removed node
/// leaves a vacated slot, which the next inserted node reuses. So ids are not always
/// `0..node_count()`: per-node vectors are sized by [`Graph::node_bound`], and [`Graph::nodes`]
/// skips vacated slots. Edge ids are stable only while no edge is removed.
#[derive(Clone, Default)]
pub struct Graph {
    clusters: Vec<(String, NodeId)>,
    /// Indexed by [`NodeId`]; `None` for a slot vacated by [`Graph::remove_node`].
    nodes: Vec<Option<Node>>,
    /// Vacated slots, reused (last vacated first) by the next inserted node.
    free: Vec<NodeId>,
    /// Live nodes: `nodes.len() - free.len()`.
    live: usize,
    edges: Vec<Edge>,
    /// Out- and in-edges per node, made on first use after the last edge was added or removed
    /// (graphs are built, then read): two counting passes over the edges instead of a growing
    /// list per node.
    adjacency: std::sync::OnceLock<Adjacency>,
    /// Identity index over every node but containers, keyed by a hash of the borrowed identity.
    by_key: HashTable<NodeId>,
    /// Uid index, keyed by a hash of `(cluster, uid)` like `by_key`.
    by_uid: HashTable<NodeId>,
    edge_index: FxHashMap<(NodeId, NodeId, EdgeKind), EdgeId>,
}

/// The node in a slot that an index points at: indexes only ever point at live nodes.
fn indexed(nodes: &[Option<Node>], id: NodeId) -> &Node {
    nodes[id.0 as usize]
        .as_ref()
        .expect("an index points at a vacated node slot")
}

fn uid_hash(cluster: ClusterId, uid: &str) -> u64 {
    let mut h = FxHasher::default();
    (cluster, uid).hash(&mut h);
    h.finish()
}

/// The hash of an identity, as the identity index keys it (and as others may, to key what
/// they keep per identity alike).
pub fn identity_hash(
    cluster: ClusterId,
    group: &str,
    kind: &str,
    namespace: Option<&str>,
    name: &str,
) -> u64 {
    let mut h = FxHasher::default();
    (cluster, group, kind, namespace, name).hash(&mut h);
    h.finish()
}

impl Graph {
    /// An empty graph, without clusters.
    pub fn new() -> Self {
        Graph::default()
    }

    /// Adds a cluster and its synthetic node, or returns the one of that name.
    pub fn add_cluster(&mut self, name: &str) -> ClusterId {
        if let Some(i) = self.clusters.iter().position(|(n, _)| n == name) {
            return ClusterId(i as u16);
        }
        let id = ClusterId(self.clusters.len() as u16);
        self.clusters.push((name.to_string(), NodeId(u32::MAX)));
        let node = self.synthetic(id, SYNTHETIC_GROUP, "Cluster", None, name);
        self.clusters[id.0 as usize].1 = node;
        id
    }

    /// Every cluster: its id, name and synthetic node, in the order they were added.
    pub fn clusters(&self) -> impl Iterator<Item = (ClusterId, &str, NodeId)> {
        self.clusters
            .iter()
            .enumerate()
            .map(|(i, (n, id))| (ClusterId(i as u16), n.as_str(), *id))
    }

    /// The name of a cluster (a kubeconfig context, or what the files were called).
    pub fn cluster_name(&self, id: ClusterId) -> &str {
        &self.clusters[id.0 as usize].0
    }

    /// The synthetic `kubegraph.dev/Cluster` node of a cluster.
    pub fn cluster_node(&self, id: ClusterId) -> NodeId {
        self.clusters[id.0 as usize].1
    }

    /// The node of this id. Panics if its slot was vacated by [`Graph::remove_node`] (see
    /// [`Graph::get_node`]) or is beyond [`Graph::node_bound`].
    #[track_caller]
    pub fn node(&self, id: NodeId) -> &Node {
        match self.nodes.get(id.0 as usize) {
            Some(Some(n)) => n,
            Some(None) => panic!("node {} was removed from the graph", id.0),
            None => panic!(
                "node {} is not in the graph (it has {} node slots)",
                id.0,
                self.nodes.len()
            ),
        }
    }

    /// The node of this id, or `None` if its slot is vacated or beyond [`Graph::node_bound`].
    pub fn get_node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// The number of live nodes.
    pub fn node_count(&self) -> usize {
        self.live
    }

    /// One past the highest node slot, live or vacated: every [`NodeId`] of the graph is below
    /// it, so it is the length of a vector indexed by `NodeId`. Equal to
    /// [`Graph::node_count`] for a graph that never had a node removed.
    pub fn node_bound(&self) -> usize {
        self.nodes.len()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The live nodes, in id order (vacated slots skipped).
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = (NodeId, &Node)> {
        Nodes {
            slots: self.nodes.iter().enumerate(),
            left: self.live,
        }
    }

    /// The edge of this id. Panics if there is none.
    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.edges[id.0 as usize]
    }

    /// Every edge, indexed by [`EdgeId`].
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// Makes the per-node edge lists now rather than on the first traversal (a live source
    /// does it before publishing a graph, so readers never pay for it).
    pub fn index_edges(&self) {
        self.adjacency();
    }

    fn adjacency(&self) -> &Adjacency {
        self.adjacency
            .get_or_init(|| Adjacency::new(self.node_bound(), &self.edges))
    }

    /// The edges from a node. The first traversal after edges changed makes the per-node lists.
    pub fn out_edges(&self, id: NodeId) -> impl Iterator<Item = &Edge> {
        self.adjacency()
            .outgoing(id)
            .iter()
            .map(|e| &self.edges[e.0 as usize])
    }

    /// The edges to a node (see [`Graph::out_edges`]).
    pub fn in_edges(&self, id: NodeId) -> impl Iterator<Item = &Edge> {
        self.adjacency()
            .incoming(id)
            .iter()
            .map(|e| &self.edges[e.0 as usize])
    }

    /// The node with this identity (containers excepted: they are reached through their pod).
    pub fn lookup(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<NodeId> {
        let hash = identity_hash(cluster, group, kind, namespace, name);
        self.lookup_hashed(hash, cluster, group, kind, namespace, name)
    }

    fn lookup_hashed(
        &self,
        hash: u64,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<NodeId> {
        self.by_key
            .find(hash, |&id| {
                let n = indexed(&self.nodes, id);
                let o = &n.object;
                n.cluster == cluster
                    && o.name == name
                    && o.kind == kind
                    && o.group == group
                    && o.namespace.as_deref() == namespace
            })
            .copied()
    }

    /// The node of the object with this uid in `cluster`.
    pub fn lookup_uid(&self, cluster: ClusterId, uid: &str) -> Option<NodeId> {
        self.by_uid
            .find(uid_hash(cluster, uid), |&id| {
                let n = indexed(&self.nodes, id);
                n.cluster == cluster && n.object.uid.as_deref() == Some(uid)
            })
            .copied()
    }

    /// Inserts an object read from a source. If a node with the same identity exists, it is
    /// replaced in place (keeping its id and edges) and `true` is returned.
    pub fn insert_object(&mut self, cluster: ClusterId, object: Object) -> (NodeId, bool) {
        self.insert_shared(cluster, Arc::new(object))
    }

    /// [`Graph::insert_object`] for an object shared with its source.
    pub fn insert_shared(&mut self, cluster: ClusterId, object: Arc<Object>) -> (NodeId, bool) {
        self.insert(Node {
            cluster,
            object,
            origin: Origin::Source,
            parent: None,
        })
    }

    fn insert(&mut self, node: Node) -> (NodeId, bool) {
        let o = &node.object;
        // Hashed once, for the lookup and the insertion both.
        let hash = node_key_hash(&node);
        let existing = self.lookup_hashed(
            hash,
            node.cluster,
            &o.group,
            &o.kind,
            o.namespace.as_deref(),
            &o.name,
        );
        if let Some(id) = existing {
            let slot = self.nodes[id.0 as usize]
                .as_mut()
                .expect("the identity index points at a vacated node slot");
            let old = std::mem::replace(slot, node);
            self.reindex_uid(id, old.cluster, old.object.uid.as_deref());
            return (id, true);
        }
        let id = self.push(node);
        let nodes = &self.nodes;
        self.by_key
            .insert_unique(hash, id, |&i| node_key_hash(indexed(nodes, i)));
        self.index_uid(id);
        (id, false)
    }

    /// Replaces the object (and origin) of node `id`, keeping its id, its edges and its parent.
    /// The object must have the node's identity (group, kind, namespace and name; the cluster
    /// is the node's); the uid index follows a changed uid.
    pub fn replace_node(&mut self, id: NodeId, object: Arc<Object>, origin: Origin) {
        let Some(n) = self.nodes.get_mut(id.0 as usize).and_then(Option::as_mut) else {
            panic!("replace_node: node {} is not in the graph", id.0);
        };
        debug_assert!(
            n.object.group == object.group
                && n.object.kind == object.kind
                && n.object.namespace == object.namespace
                && n.object.name == object.name,
            "replace_node: {}/{}/{:?}/{} is not the identity of node {} ({}/{}/{:?}/{})",
            object.group,
            object.kind,
            object.namespace,
            object.name,
            id.0,
            n.object.group,
            n.object.kind,
            n.object.namespace,
            n.object.name,
        );
        let cluster = n.cluster;
        let container = n.parent.is_some();
        let old = std::mem::replace(&mut n.object, object);
        n.origin = origin;
        // Containers are in neither index.
        if !container {
            self.reindex_uid(id, cluster, old.uid.as_deref());
        }
    }

    /// Turns node `id` into a placeholder (`Origin::Placeholder`) or an implied namespace
    /// (`Origin::Implied`): its object becomes the bare one such a node is made with, so it is
    /// no longer found by uid, and filters see only its identity. Its id and edges stay.
    pub fn demote(&mut self, id: NodeId, origin: Origin) {
        let o = &self.node(id).object;
        let object = match origin {
            Origin::Implied => bare_object("", "v1", "Namespace", None, &o.name),
            Origin::Placeholder => {
                bare_object(&o.group, "", &o.kind, o.namespace.as_deref(), &o.name)
            }
            Origin::Source | Origin::Synthetic => {
                panic!("demote: a node is demoted to a placeholder or implied namespace")
            }
        };
        self.replace_node(id, Arc::new(object), origin);
    }

    /// Moves node `id` in the uid index from its old uid (in its old cluster) to its current
    /// one, if the uid changed.
    fn reindex_uid(&mut self, id: NodeId, old_cluster: ClusterId, old_uid: Option<&str>) {
        let n = indexed(&self.nodes, id);
        if n.cluster == old_cluster && n.object.uid.as_deref() == old_uid {
            return;
        }
        if let Some(uid) = old_uid {
            if let Ok(entry) = self
                .by_uid
                .find_entry(uid_hash(old_cluster, uid), |&i| i == id)
            {
                entry.remove();
            }
        }
        self.index_uid(id);
    }

    fn index_uid(&mut self, id: NodeId) {
        let nodes = &self.nodes;
        let n = indexed(nodes, id);
        if let Some(uid) = &n.object.uid {
            self.by_uid
                .insert_unique(uid_hash(n.cluster, uid), id, |&i| {
                    let n = indexed(nodes, i);
                    uid_hash(n.cluster, n.object.uid.as_deref().unwrap_or(""))
                });
        }
    }

    /// Puts a node in the last vacated slot, or in a new one.
    fn push(&mut self, node: Node) -> NodeId {
        let id = match self.free.pop() {
            Some(id) => {
                debug_assert!(self.nodes[id.0 as usize].is_none());
                self.nodes[id.0 as usize] = Some(node);
                id
            }
            None => {
                let id = NodeId(self.nodes.len() as u32);
                self.nodes.push(Some(node));
                id
            }
        };
        self.live += 1;
        self.adjacency.take();
        id
    }

    /// Removes node `id` and returns it: it leaves the identity and uid indexes and its slot is
    /// vacated, to be reused by the next inserted node. Other ids do not change.
    ///
    /// The caller must first remove every edge to and from the node (and the node's containers,
    /// if it is a pod): an edge left behind would attach to whatever node reuses the slot. A
    /// cluster's node cannot be removed. Panics if the slot is already vacated.
    pub fn remove_node(&mut self, id: NodeId) -> Node {
        let Some(node) = self.nodes.get_mut(id.0 as usize).and_then(Option::take) else {
            panic!("remove_node: node {} is not in the graph", id.0);
        };
        debug_assert!(
            self.clusters.iter().all(|&(_, n)| n != id),
            "remove_node: node {} is a cluster's node",
            id.0
        );
        // Containers are in neither index; the entries are matched by id, so nothing is read
        // from the vacated slot.
        if node.parent.is_none() {
            if let Ok(entry) = self.by_key.find_entry(node_key_hash(&node), |&i| i == id) {
                entry.remove();
            }
            if let Some(uid) = &node.object.uid {
                if let Ok(entry) = self
                    .by_uid
                    .find_entry(uid_hash(node.cluster, uid), |&i| i == id)
                {
                    entry.remove();
                }
            }
        }
        self.free.push(id);
        self.live -= 1;
        self.adjacency.take();
        node
    }

    /// The node for an absent object that something references: found or made, `missing = true`.
    /// Its `raw` holds only the fields it was looked up by.
    pub fn placeholder(
        &mut self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> NodeId {
        if let Some(id) = self.lookup(cluster, group, kind, namespace, name) {
            return id;
        }
        let object = bare_object(group, "", kind, namespace, name);
        self.insert(Node {
            cluster,
            object: Arc::new(object),
            origin: Origin::Placeholder,
            parent: None,
        })
        .0
    }

    /// A namespace that objects live in but the source does not declare.
    pub fn implied_namespace(&mut self, cluster: ClusterId, name: &str) -> NodeId {
        if let Some(id) = self.lookup(cluster, "", "Namespace", None, name) {
            return id;
        }
        let object = bare_object("", "v1", "Namespace", None, name);
        self.insert(Node {
            cluster,
            object: Arc::new(object),
            origin: Origin::Implied,
            parent: None,
        })
        .0
    }

    /// A node kubegraph makes (image, external host, RBAC user or group): found or made.
    pub fn synthetic(
        &mut self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> NodeId {
        if let Some(id) = self.lookup(cluster, group, kind, namespace, name) {
            return id;
        }
        let object = bare_object(group, "", kind, namespace, name);
        self.insert(Node {
            cluster,
            object: Arc::new(object),
            origin: Origin::Synthetic,
            parent: None,
        })
        .0
    }

    /// A container of a pod, its object made by [`container_object`] (and shared: a live
    /// source keeps each pod's containers between graphs). Containers are not in the identity
    /// index: their name is only unique within the pod.
    pub fn add_container(&mut self, pod: NodeId, object: Arc<Object>) -> NodeId {
        let node = Node {
            cluster: self.node(pod).cluster,
            object,
            origin: Origin::Synthetic,
            parent: Some(pod),
        };
        self.push(node)
    }

    /// Makes room for `additional` more nodes (and their identity and uid entries), so that a
    /// graph built from a known number of objects does not rehash its indexes as it grows.
    pub fn reserve_nodes(&mut self, additional: usize) {
        self.nodes
            .reserve(additional.saturating_sub(self.free.len()));
        let nodes = &self.nodes;
        self.by_key
            .reserve(additional, |&i| node_key_hash(indexed(nodes, i)));
        self.by_uid.reserve(additional, |&i| {
            let n = indexed(nodes, i);
            uid_hash(n.cluster, n.object.uid.as_deref().unwrap_or(""))
        });
    }

    /// Makes room for `additional` more edges, so that adding millions of them does not rehash
    /// and copy the edge index and list as they grow.
    pub fn reserve_edges(&mut self, additional: usize) {
        self.edges.reserve(additional);
        self.edge_index.reserve(additional);
    }

    /// Adds an edge, or merges `attrs` into the existing edge of the same `(from, to, kind)`:
    /// arrays are unioned, `optional` holds only if every reference was optional, and other
    /// values keep the first one seen.
    pub fn add_edge(&mut self, from: NodeId, to: NodeId, kind: EdgeKind, attrs: Attrs) -> EdgeId {
        let id = EdgeId(self.edges.len() as u32);
        match self.edge_index.entry((from, to, kind)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let id = *e.get();
                self.edges[id.0 as usize].attrs.merge(attrs);
                return id;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
        }
        self.edges.push(Edge {
            from,
            to,
            kind,
            attrs,
        });
        self.adjacency.take();
        id
    }

    /// The id of the edge `(from, to, kind)`, if there is one.
    pub fn edge_id(&self, from: NodeId, to: NodeId, kind: EdgeKind) -> Option<EdgeId> {
        self.edge_index.get(&(from, to, kind)).copied()
    }

    /// Replaces the attributes of an edge (where [`Graph::add_edge`] would merge them).
    pub fn set_edge_attrs(&mut self, id: EdgeId, attrs: Attrs) {
        self.edges[id.0 as usize].attrs = attrs;
    }

    /// Removes the edge `(from, to, kind)` and returns it, or `None` if there is none. The last
    /// edge moves into its place, so [`Graph::edges`] stays dense: that edge's id changes (and
    /// with it its place in the per-node edge lists), every other edge keeps its id.
    pub fn remove_edge(&mut self, from: NodeId, to: NodeId, kind: EdgeKind) -> Option<Edge> {
        let id = self.edge_index.remove(&(from, to, kind))?;
        let edge = self.edges.swap_remove(id.0 as usize);
        if let Some(moved) = self.edges.get(id.0 as usize) {
            *self
                .edge_index
                .get_mut(&(moved.from, moved.to, moved.kind))
                .expect("every edge is in the edge index") = id;
        }
        self.adjacency.take();
        Some(edge)
    }

    /// A stable, readable identifier: `cluster/group/Kind/namespace/name`, with `core` for the
    /// core group and `_` for cluster-scoped objects; containers append their name to their pod's.
    pub fn node_id_string(&self, id: NodeId) -> String {
        let n = self.node(id);
        let o = &n.object;
        let group = if o.group.is_empty() { "core" } else { &o.group };
        let ns = o.namespace.as_deref().unwrap_or("_");
        let cluster = self.cluster_name(n.cluster);
        match n.parent {
            Some(pod) => format!(
                "{cluster}/{group}/{}/{ns}/{}/{}",
                o.kind,
                self.node(pod).object.name,
                o.name
            ),
            None => format!("{cluster}/{group}/{}/{ns}/{}", o.kind, o.name),
        }
    }
}

/// [`Graph::nodes`]: the live nodes, in id order.
struct Nodes<'g> {
    slots: std::iter::Enumerate<std::slice::Iter<'g, Option<Node>>>,
    /// Live nodes not yet returned.
    left: usize,
}

impl<'g> Iterator for Nodes<'g> {
    type Item = (NodeId, &'g Node);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        for (i, slot) in self.slots.by_ref() {
            if let Some(n) = slot {
                self.left -= 1;
                return Some((NodeId(i as u32), n));
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Nodes<'_> {}

impl std::iter::FusedIterator for Nodes<'_> {}

/// The object of a container node: `raw` is the whole node object (`metadata.name` is the
/// container's name), in its pod's namespace.
pub fn container_object(namespace: Option<String>, raw: Value) -> Object {
    let name = raw
        .ptr("/metadata/name")
        .and_then(|n| n.as_str())
        .unwrap_or("")
        .to_string();
    Object {
        group: SYNTHETIC_GROUP.into(),
        version: "v1".into(),
        kind: "Container".into(),
        namespace,
        name,
        uid: None,
        raw,
    }
}

/// Edges per node in compressed rows: node `i`'s edges are `ids[start[i]..start[i + 1]]`, in
/// the order they are in [`Graph::edges`]. Sized by [`Graph::node_bound`]: a vacated slot has
/// no edges.
#[derive(Clone, Debug, Default)]
struct Adjacency {
    out_start: Vec<u32>,
    out: Vec<EdgeId>,
    in_start: Vec<u32>,
    inc: Vec<EdgeId>,
}

impl Adjacency {
    fn new(nodes: usize, edges: &[Edge]) -> Self {
        let rows = |end: fn(&Edge) -> NodeId| {
            let mut start = vec![0u32; nodes + 1];
            for e in edges {
                start[end(e).0 as usize + 1] += 1;
            }
            for i in 0..nodes {
                start[i + 1] += start[i];
            }
            let mut next = start.clone();
            let mut ids = vec![EdgeId(0); edges.len()];
            for (i, e) in edges.iter().enumerate() {
                let at = &mut next[end(e).0 as usize];
                ids[*at as usize] = EdgeId(i as u32);
                *at += 1;
            }
            (start, ids)
        };
        let (out_start, out) = rows(|e| e.from);
        let (in_start, inc) = rows(|e| e.to);
        Adjacency {
            out_start,
            out,
            in_start,
            inc,
        }
    }

    fn outgoing(&self, id: NodeId) -> &[EdgeId] {
        let i = id.0 as usize;
        &self.out[self.out_start[i] as usize..self.out_start[i + 1] as usize]
    }

    fn incoming(&self, id: NodeId) -> &[EdgeId] {
        let i = id.0 as usize;
        &self.inc[self.in_start[i] as usize..self.in_start[i + 1] as usize]
    }
}

fn node_key_hash(n: &Node) -> u64 {
    let o = &n.object;
    identity_hash(
        n.cluster,
        &o.group,
        &o.kind,
        o.namespace.as_deref(),
        &o.name,
    )
}

fn bare_object(
    group: &str,
    version: &str,
    kind: &str,
    namespace: Option<&str>,
    name: &str,
) -> Object {
    let api_version = match (group, version) {
        ("", v) => v.to_string(),
        (g, "") => g.to_string(),
        (g, v) => format!("{g}/{v}"),
    };
    let mut raw = sonic_rs::json!({"kind": kind, "metadata": {"name": name}});
    if let Some(m) = raw.as_object_mut() {
        if !api_version.is_empty() {
            m.insert(&"apiVersion", api_version.as_str());
        }
    }
    if let (Some(ns), Some(meta)) = (
        namespace,
        raw.get_mut("metadata").and_then(|m| m.as_object_mut()),
    ) {
        meta.insert(&"namespace", ns);
    }
    Object {
        group: group.into(),
        version: version.into(),
        kind: kind.into(),
        namespace: namespace.map(str::to_string),
        name: name.into(),
        uid: None,
        raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(kind: &str, ns: Option<&str>, name: &str) -> Object {
        bare_object("", "v1", kind, ns, name)
    }

    #[test]
    fn identity_lookup_respects_every_part() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let c2 = g.add_cluster("b");
        let (s, replaced) = g.insert_object(c, obj("Secret", Some("x"), "db"));
        assert!(!replaced);
        assert_eq!(g.lookup(c, "", "Secret", Some("x"), "db"), Some(s));
        assert_eq!(g.lookup(c, "", "Secret", Some("y"), "db"), None);
        assert_eq!(g.lookup(c2, "", "Secret", Some("x"), "db"), None);
        assert_eq!(g.lookup(c, "other.io", "Secret", Some("x"), "db"), None);
        assert_eq!(g.lookup(c, "", "ConfigMap", Some("x"), "db"), None);
        let (again, replaced) = g.insert_object(c, obj("Secret", Some("x"), "db"));
        assert_eq!((again, replaced), (s, true));
    }

    #[test]
    fn edges_are_unique_and_merge_attributes() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let (p, _) = g.insert_object(c, obj("Pod", Some("x"), "p"));
        let (s, _) = g.insert_object(c, obj("Secret", Some("x"), "s"));
        let mut a1 = Attrs::new();
        a1.insert("containers", json!(["a"]));
        a1.insert("optional", json!(true));
        let mut a2 = Attrs::new();
        a2.insert("containers", json!(["b", "a"]));
        a2.insert("optional", json!(false));
        let e1 = g.add_edge(p, s, EdgeKind::Uses, a1);
        let e2 = g.add_edge(p, s, EdgeKind::Uses, a2);
        assert_eq!(e1, e2);
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edge(e1).attrs["containers"], json!(["a", "b"]));
        assert_eq!(g.edge(e1).attrs["optional"], json!(false));
        assert_eq!(g.out_edges(p).count(), 1);
        assert_eq!(g.in_edges(s).count(), 1);
    }

    #[test]
    fn placeholders_are_found_not_duplicated() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let p1 = g.placeholder(c, "", "Secret", Some("x"), "gone");
        let p2 = g.placeholder(c, "", "Secret", Some("x"), "gone");
        assert_eq!(p1, p2);
        assert!(g.node(p1).missing());
        assert_eq!(g.node_id_string(p1), "a/core/Secret/x/gone");
    }

    #[test]
    fn uids_follow_replacements() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let mut first = obj("Pod", Some("x"), "p");
        first.uid = Some("u1".into());
        let (id, _) = g.insert_object(c, first);
        assert_eq!(g.lookup_uid(c, "u1"), Some(id));
        let mut second = obj("Pod", Some("x"), "p");
        second.uid = Some("u2".into());
        g.insert_object(c, second);
        assert_eq!(g.lookup_uid(c, "u1"), None);
        assert_eq!(g.lookup_uid(c, "u2"), Some(id));
        let other = g.add_cluster("b");
        assert_eq!(g.lookup_uid(other, "u2"), None);
    }

    fn with_uid(kind: &str, ns: Option<&str>, name: &str, uid: &str) -> Object {
        let mut o = obj(kind, ns, name);
        o.uid = Some(uid.into());
        o
    }

    fn ids(g: &Graph) -> Vec<NodeId> {
        g.nodes().map(|(id, _)| id).collect()
    }

    fn ends(edges: impl Iterator<Item = impl std::borrow::Borrow<Edge>>) -> Vec<(NodeId, NodeId)> {
        edges.map(|e| (e.borrow().from, e.borrow().to)).collect()
    }

    #[test]
    fn removed_slots_are_vacated_then_reused() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let (a, _) = g.insert_object(c, with_uid("Pod", Some("x"), "a", "ua"));
        let (b, _) = g.insert_object(c, with_uid("Pod", Some("x"), "b", "ub"));
        let (d, _) = g.insert_object(c, obj("Secret", Some("x"), "d"));
        assert_eq!((g.node_count(), g.node_bound()), (4, 4));

        let removed = g.remove_node(b);
        assert_eq!(removed.object.name, "b");
        assert_eq!((g.node_count(), g.node_bound()), (3, 4));
        assert!(g.get_node(b).is_none());
        assert_eq!(g.get_node(a).map(|n| n.object.name.as_str()), Some("a"));
        assert!(g.get_node(NodeId(99)).is_none());
        assert_eq!(g.lookup(c, "", "Pod", Some("x"), "b"), None);
        assert_eq!(g.lookup_uid(c, "ub"), None);
        assert_eq!(g.lookup(c, "", "Pod", Some("x"), "a"), Some(a));
        assert_eq!(g.lookup_uid(c, "ua"), Some(a));
        assert_eq!(g.lookup(c, "", "Secret", Some("x"), "d"), Some(d));
        // Every kind of node reuses vacated slots, the last vacated first.
        g.remove_node(a);
        let p = g.placeholder(c, "", "Secret", Some("x"), "gone");
        assert_eq!(p, a);
        assert!(g.node(p).missing());
        let (e, replaced) = g.insert_object(c, with_uid("Pod", Some("x"), "e", "ue"));
        assert_eq!((e, replaced), (b, false));
        assert_eq!(g.lookup_uid(c, "ue"), Some(e));
        assert_eq!(g.lookup(c, "", "Pod", Some("x"), "e"), Some(e));
        assert_eq!(g.node_id_string(e), "a/core/Pod/x/e");
        assert_eq!((g.node_count(), g.node_bound()), (4, 4));
        // With no vacated slot left, a new one is made.
        let s = g.synthetic(c, SYNTHETIC_GROUP, "Image", None, "nginx");
        assert_eq!(s, NodeId(4));
        g.remove_node(d);
        let raw = sonic_rs::json!({"metadata": {"name": "app"}});
        let k = g.add_container(e, Arc::new(container_object(Some("x".into()), raw)));
        assert_eq!(k, d);
        assert_eq!(g.node(k).parent, Some(e));
        assert_eq!(g.node_id_string(k), "a/kubegraph.dev/Container/x/e/app");
        // Containers are in no index, and their removal leaves the indexes alone.
        g.remove_node(k);
        assert_eq!(g.lookup(c, "", "Pod", Some("x"), "e"), Some(e));
        let n = g.implied_namespace(c, "x");
        assert_eq!(n, d);
        assert_eq!(g.lookup(c, "", "Namespace", None, "x"), Some(n));
    }

    #[test]
    #[should_panic(expected = "node 1 was removed")]
    fn a_vacated_node_is_not_a_node() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let (a, _) = g.insert_object(c, obj("Pod", Some("x"), "a"));
        g.remove_node(a);
        g.node(a);
    }

    #[test]
    fn nodes_skip_vacated_slots_and_know_their_size() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let made: Vec<NodeId> = (0..6)
            .map(|i| {
                g.insert_object(c, obj("Pod", Some("x"), &format!("p{i}")))
                    .0
            })
            .collect();
        g.remove_node(made[0]);
        g.remove_node(made[3]);
        g.remove_node(made[5]);
        {
            let mut it = g.nodes();
            assert_eq!(it.len(), 4);
            it.next();
            assert_eq!(it.len(), 3);
            assert_eq!(it.size_hint(), (3, Some(3)));
            assert_eq!(it.by_ref().count(), 3);
            assert_eq!(it.len(), 0);
            assert!(it.next().is_none());
        }
        assert_eq!(
            ids(&g),
            [NodeId(0), made[1], made[2], made[4]],
            "live nodes, in id order"
        );
        assert_eq!(g.nodes().len(), g.node_count());
        assert_eq!(g.node_bound(), 7);
        // The edge lists are sized by the bound: the last slot has none.
        g.add_edge(made[1], made[4], EdgeKind::Uses, Attrs::new());
        assert_eq!(g.out_edges(made[5]).count(), 0);
        assert_eq!(g.in_edges(made[4]).count(), 1);
        // All but the cluster's node.
        g.remove_edge(made[1], made[4], EdgeKind::Uses);
        for id in [made[1], made[2], made[4]] {
            g.remove_node(id);
        }
        assert_eq!(ids(&g), [NodeId(0)]);
        assert_eq!(g.nodes().len(), 1);
        assert_eq!((g.node_count(), g.node_bound()), (1, 7));
    }

    #[test]
    fn replace_node_keeps_id_and_edges_and_follows_the_uid() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let (p, _) = g.insert_object(c, with_uid("Pod", Some("x"), "p", "u1"));
        let s = g.placeholder(c, "", "Secret", Some("x"), "s");
        g.add_edge(p, s, EdgeKind::Uses, Attrs::new());
        g.replace_node(
            p,
            Arc::new(with_uid("Pod", Some("x"), "p", "u2")),
            Origin::Source,
        );
        assert_eq!(g.lookup_uid(c, "u1"), None);
        assert_eq!(g.lookup_uid(c, "u2"), Some(p));
        assert_eq!(g.lookup(c, "", "Pod", Some("x"), "p"), Some(p));
        assert_eq!(g.node(p).object.uid.as_deref(), Some("u2"));
        assert_eq!(ends(g.out_edges(p)), [(p, s)]);
        // A placeholder becomes the object it stood for.
        g.replace_node(
            s,
            Arc::new(with_uid("Secret", Some("x"), "s", "us")),
            Origin::Source,
        );
        assert!(!g.node(s).missing());
        assert_eq!(g.lookup_uid(c, "us"), Some(s));
        assert_eq!(ends(g.in_edges(s)), [(p, s)]);
        // And back, losing its uid.
        g.replace_node(
            s,
            Arc::new(obj("Secret", Some("x"), "s")),
            Origin::Placeholder,
        );
        assert_eq!(g.lookup_uid(c, "us"), None);
        assert!(g.node(s).missing());
    }

    #[test]
    fn remove_edge_keeps_the_edge_index_right() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let n: Vec<NodeId> = (0..4)
            .map(|i| {
                g.insert_object(c, obj("Pod", Some("x"), &format!("p{i}")))
                    .0
            })
            .collect();
        let mut attrs = Attrs::new();
        attrs.insert("containers", json!(["a"]));
        // Five edges: 0->1, 0->2, 1->2, 2->3, 3->0.
        let pairs = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 0)];
        for (f, t) in pairs {
            g.add_edge(n[f], n[t], EdgeKind::Uses, attrs.clone());
        }
        let check = |g: &Graph, left: &[(usize, usize)]| {
            assert_eq!(g.edge_count(), left.len());
            for (i, e) in g.edges().iter().enumerate() {
                assert_eq!(g.edge_id(e.from, e.to, e.kind), Some(EdgeId(i as u32)));
                assert_eq!(g.edge(EdgeId(i as u32)), e);
            }
            for (f, t) in pairs {
                let present = left.contains(&(f, t));
                assert_eq!(g.edge_id(n[f], n[t], EdgeKind::Uses).is_some(), present);
            }
            for (i, &id) in n.iter().enumerate() {
                let mut out = ends(g.out_edges(id));
                out.sort();
                let mut want: Vec<_> = left
                    .iter()
                    .filter(|p| p.0 == i)
                    .map(|&(f, t)| (n[f], n[t]))
                    .collect();
                want.sort();
                assert_eq!(out, want, "out of {i}");
                let mut inc = ends(g.in_edges(id));
                inc.sort();
                let mut want: Vec<_> = left
                    .iter()
                    .filter(|p| p.1 == i)
                    .map(|&(f, t)| (n[f], n[t]))
                    .collect();
                want.sort();
                assert_eq!(inc, want, "in of {i}");
            }
        };
        g.index_edges();
        check(&g, &pairs);
        // The middle one: the last moves into its place.
        let e = g.remove_edge(n[1], n[2], EdgeKind::Uses).unwrap();
        assert_eq!((e.from, e.to), (n[1], n[2]));
        assert_eq!(g.edge_id(n[3], n[0], EdgeKind::Uses), Some(EdgeId(2)));
        check(&g, &[(0, 1), (0, 2), (2, 3), (3, 0)]);
        // The first.
        assert!(g.remove_edge(n[0], n[1], EdgeKind::Uses).is_some());
        check(&g, &[(0, 2), (2, 3), (3, 0)]);
        // The last: nothing moves.
        let last = g.edges().last().map(|e| (e.from, e.to)).unwrap();
        assert!(g.remove_edge(last.0, last.1, EdgeKind::Uses).is_some());
        let left: Vec<(usize, usize)> = [(0, 2), (2, 3), (3, 0)]
            .into_iter()
            .filter(|&(f, t)| (n[f], n[t]) != last)
            .collect();
        check(&g, &left);
        // Absent edges, and other kinds between the same nodes.
        assert!(g.remove_edge(n[1], n[2], EdgeKind::Uses).is_none());
        assert!(g.remove_edge(n[0], n[2], EdgeKind::Owns).is_none());
        check(&g, &left);
        // Removed edges come back as new ones, and merge as before.
        let back = g.add_edge(n[1], n[2], EdgeKind::Uses, attrs.clone());
        assert_eq!(back, EdgeId(left.len() as u32));
        let mut more = Attrs::new();
        more.insert("containers", json!(["b"]));
        assert_eq!(g.add_edge(n[1], n[2], EdgeKind::Uses, more), back);
        assert_eq!(g.edge(back).attrs["containers"], json!(["a", "b"]));
        let mut all = left.clone();
        all.push((1, 2));
        check(&g, &all);
        // set_edge_attrs replaces rather than merges.
        g.set_edge_attrs(back, Attrs::new());
        assert!(g.edge(back).attrs.get("containers").is_none());
        // Down to none.
        for (f, t) in all {
            assert!(g.remove_edge(n[f], n[t], EdgeKind::Uses).is_some());
        }
        check(&g, &[]);
    }

    #[test]
    fn clones_are_independent() {
        let mut g = Graph::new();
        let c = g.add_cluster("a");
        let (p, _) = g.insert_object(c, with_uid("Pod", Some("x"), "p", "up"));
        let (s, _) = g.insert_object(c, obj("Secret", Some("x"), "s"));
        g.add_edge(p, s, EdgeKind::Uses, Attrs::new());
        g.index_edges();
        let published = g.clone();

        g.remove_edge(p, s, EdgeKind::Uses);
        g.remove_node(s);
        g.replace_node(
            p,
            Arc::new(with_uid("Pod", Some("x"), "p", "up2")),
            Origin::Source,
        );
        let (t, _) = g.insert_object(c, obj("ConfigMap", Some("x"), "t"));
        assert_eq!(t, s, "the vacated slot is reused");
        g.add_edge(p, t, EdgeKind::Uses, Attrs::new());

        // The clone is as it was.
        assert_eq!((published.node_count(), published.edge_count()), (3, 1));
        assert_eq!(published.node(s).object.kind, "Secret");
        assert_eq!(published.lookup(c, "", "Secret", Some("x"), "s"), Some(s));
        assert_eq!(published.lookup(c, "", "ConfigMap", Some("x"), "t"), None);
        assert_eq!(published.lookup_uid(c, "up"), Some(p));
        assert_eq!(published.lookup_uid(c, "up2"), None);
        assert_eq!(ends(published.out_edges(p)), [(p, s)]);
        assert_eq!(published.edge_id(p, s, EdgeKind::Uses), Some(EdgeId(0)));
        // And the original moved on.
        assert_eq!(g.node(t).object.kind, "ConfigMap");
        assert_eq!(g.lookup(c, "", "Secret", Some("x"), "s"), None);
        assert_eq!(g.lookup_uid(c, "up2"), Some(p));
        assert_eq!(ends(g.out_edges(p)), [(p, t)]);
        assert_eq!(ends(g.in_edges(t)), [(p, t)]);
    }
}
