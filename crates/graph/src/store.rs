use crate::Attrs;
use hashbrown::HashTable;
use kubegraph_model::json::{JsonValueMutTrait, JsonValueTrait, Path, Value};
use kubegraph_model::kinds::SYNTHETIC_GROUP;
use kubegraph_model::{EdgeKind, Object};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeId(pub u32);

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

#[derive(Clone, Debug)]
pub struct Node {
    pub cluster: ClusterId,
    /// The object. For placeholders and synthetic nodes `raw` holds only what the node was
    /// looked up or made by, so filters over them see exactly those fields. Shared, so that a
    /// live source can build a new graph per change without copying its objects.
    pub object: Arc<Object>,
    pub origin: Origin,
    /// A container's pod.
    pub parent: Option<NodeId>,
}

impl Node {
    pub fn missing(&self) -> bool {
        self.origin == Origin::Placeholder
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: NodeId,
    pub to: NodeId,
    pub kind: EdgeKind,
    pub attrs: Attrs,
}

/// Nodes, edges and the indexes that find them.
#[derive(Default)]
pub struct Graph {
    clusters: Vec<(String, NodeId)>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    /// Out- and in-edges per node, made on first use after the last edge was added (graphs are
    /// built, then read): two counting passes over the edges instead of a growing list per node.
    adjacency: std::sync::OnceLock<Adjacency>,
    /// Identity index over every node but containers, keyed by a hash of the borrowed identity.
    by_key: HashTable<NodeId>,
    /// Uid index, keyed by a hash of `(cluster, uid)` like `by_key`.
    by_uid: HashTable<NodeId>,
    edge_index: FxHashMap<(NodeId, NodeId, EdgeKind), EdgeId>,
}

fn uid_hash(cluster: ClusterId, uid: &str) -> u64 {
    let mut h = FxHasher::default();
    (cluster, uid).hash(&mut h);
    h.finish()
}

fn key_hash(
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

    pub fn clusters(&self) -> impl Iterator<Item = (ClusterId, &str, NodeId)> {
        self.clusters
            .iter()
            .enumerate()
            .map(|(i, (n, id))| (ClusterId(i as u16), n.as_str(), *id))
    }

    pub fn cluster_name(&self, id: ClusterId) -> &str {
        &self.clusters[id.0 as usize].0
    }

    pub fn cluster_node(&self, id: ClusterId) -> NodeId {
        self.clusters[id.0 as usize].1
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    pub fn nodes(&self) -> impl ExactSizeIterator<Item = (NodeId, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (NodeId(i as u32), n))
    }

    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.edges[id.0 as usize]
    }

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
            .get_or_init(|| Adjacency::new(self.nodes.len(), &self.edges))
    }

    pub fn out_edges(&self, id: NodeId) -> impl Iterator<Item = &Edge> {
        self.adjacency()
            .outgoing(id)
            .iter()
            .map(|e| &self.edges[e.0 as usize])
    }

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
        let hash = key_hash(cluster, group, kind, namespace, name);
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
            .find(hash, |id| {
                let n = &self.nodes[id.0 as usize];
                let o = &n.object;
                n.cluster == cluster
                    && o.name == name
                    && o.kind == kind
                    && o.group == group
                    && o.namespace.as_deref() == namespace
            })
            .copied()
    }

    pub fn lookup_uid(&self, cluster: ClusterId, uid: &str) -> Option<NodeId> {
        self.by_uid
            .find(uid_hash(cluster, uid), |id| {
                let n = &self.nodes[id.0 as usize];
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
            let old = std::mem::replace(&mut self.nodes[id.0 as usize], node);
            if old.object.uid != self.nodes[id.0 as usize].object.uid {
                if let Some(uid) = &old.object.uid {
                    if let Ok(entry) = self
                        .by_uid
                        .find_entry(uid_hash(old.cluster, uid), |&i| i == id)
                    {
                        entry.remove();
                    }
                }
                self.index_uid(id);
            }
            return (id, true);
        }
        let id = self.push(node);
        let nodes = &self.nodes;
        self.by_key
            .insert_unique(hash, id, |i| node_key_hash(&nodes[i.0 as usize]));
        self.index_uid(id);
        (id, false)
    }

    fn index_uid(&mut self, id: NodeId) {
        let nodes = &self.nodes;
        let n = &nodes[id.0 as usize];
        if let Some(uid) = &n.object.uid {
            self.by_uid
                .insert_unique(uid_hash(n.cluster, uid), id, |i| {
                    let n = &nodes[i.0 as usize];
                    uid_hash(n.cluster, n.object.uid.as_deref().unwrap_or(""))
                });
        }
    }

    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(node);
        self.adjacency.take();
        id
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
            cluster: self.nodes[pod.0 as usize].cluster,
            object,
            origin: Origin::Synthetic,
            parent: Some(pod),
        };
        self.push(node)
    }

    /// Makes room for `additional` more nodes (and their identity and uid entries), so that a
    /// graph built from a known number of objects does not rehash its indexes as it grows.
    pub fn reserve_nodes(&mut self, additional: usize) {
        self.nodes.reserve(additional);
        let nodes = &self.nodes;
        self.by_key
            .reserve(additional, |i| node_key_hash(&nodes[i.0 as usize]));
        self.by_uid.reserve(additional, |i| {
            let n = &nodes[i.0 as usize];
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

    /// A stable, readable identifier: `cluster/group/Kind/namespace/name`, with `core` for the
    /// core group and `_` for cluster-scoped objects; containers append their name to their pod's.
    pub fn node_id_string(&self, id: NodeId) -> String {
        let n = &self.nodes[id.0 as usize];
        let o = &n.object;
        let group = if o.group.is_empty() { "core" } else { &o.group };
        let ns = o.namespace.as_deref().unwrap_or("_");
        let cluster = self.cluster_name(n.cluster);
        match n.parent {
            Some(pod) => format!(
                "{cluster}/{group}/{}/{ns}/{}/{}",
                o.kind, self.nodes[pod.0 as usize].object.name, o.name
            ),
            None => format!("{cluster}/{group}/{}/{ns}/{}", o.kind, o.name),
        }
    }
}

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
/// the order they were added.
#[derive(Debug, Default)]
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
    key_hash(
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
}
