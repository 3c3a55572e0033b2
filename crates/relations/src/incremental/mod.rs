//! One graph kept current object by object, for a live source: a change costs work in
//! proportion to what it touches, not to the cluster.
//!
//! The graph must always equal the one [`crate::build_extracted`] makes from the same objects,
//! node for node and edge for edge, attributes included. What that takes, beyond resolving the
//! changed object's own references again:
//!
//! * **Who looked.** Each source object's references are registered under what their
//!   resolution depends on: the identity or uid they name, the namespace whose pods a selector
//!   reads, the namespace whose claims a StatefulSet's ordinals read, the cluster's default
//!   StorageClass. When an object appears, goes, or changes uid, the objects that looked for it
//!   resolve again; when a pod's (or template's) labels change, each selector in its namespace
//!   is matched against that one object. Keys are hashes: a collision costs a needless
//!   re-resolution, never a wrong edge.
//! * **Who contributed.** Several references can make the same edge (a pod using a secret
//!   through a volume and an env var); the edge lives while any does, and its attributes are
//!   their merge in the order a fresh build adds them (source order, then reference order).
//! * **What was made.** Placeholders and synthetic nodes (images, users) live while some
//!   reference or container wants them; namespaces nobody declares while they contain
//!   something. A deleted object that is still referenced becomes a placeholder, keeping its id
//!   and edges, and a placeholder whose object appears becomes it.
//!
//! Node ids are stable (vacated slots are reused); edge ids are not.

mod containers;
mod keys;
mod lookup;
mod select;
#[cfg(test)]
mod tests;

use crate::build::{is_default_class, is_labeled_kind, resolve, Made, Resolved};
use crate::reference::Target;
use crate::selectable::Selectable;
use crate::Extracted;
use keys::{
    cluster_hash, identity_hash, label_hash, labeled_hash, namespace_hash, selector_hash, uid_hash,
    update, Dependents,
};
use kubegraph_graph::{Attrs, ClusterId, Graph, NodeId, Origin};
use kubegraph_model::{EdgeKind, Object};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::collections::BTreeMap;
use std::sync::Arc;

type EdgeKey = (NodeId, NodeId, EdgeKind);

/// A graph and what keeping it current needs. See the module documentation.
#[derive(Default)]
pub struct Incremental {
    graph: Graph,
    /// Per node slot.
    meta: Vec<Meta>,
    /// Per edge made by references: which `(source, reference index)` made it.
    contributions: FxHashMap<EdgeKey, SmallVec<[(NodeId, u32); 1]>>,
    /// Sources with a reference to an identity (`Object`, `Owner`), per identity hash.
    by_identity: Dependents,
    /// Sources with an `Owner` reference naming a uid, per `(cluster, uid)` hash.
    by_uid: Dependents,
    /// Sources with a selector over a namespace: per `(cluster, namespace, key, value)` hash
    /// for a selector that requires that label (most do), else per `(cluster, namespace)`.
    /// A changed pod is only matched against the selectors that could select it.
    by_selector: Dependents,
    /// Sources with ordinal claims in a namespace, per `(cluster, namespace)` hash.
    by_ordinal: Dependents,
    /// Sources that want their cluster's default StorageClass, per cluster.
    by_default_class: Dependents,
    /// Sources with a labeled target (ClusterRole aggregation), per `(cluster, group, kind)`.
    by_labeled: Dependents,
    /// What labeled targets select from: objects of [`crate::build::LABELED_KINDS`], per
    /// `(cluster, group, kind)`.
    labeled: Dependents,
    /// What selectors select from: pods and workloads with templates, per `(cluster, namespace)`
    /// and per `(cluster, namespace, key, value)` of each label (so that a selector requiring
    /// a label only looks at what carries it, as the fresh build's index does).
    selectable: Dependents,
    selectable_by_label: Dependents,
    /// PersistentVolumeClaims, per `(cluster, namespace)`.
    claims: Dependents,
    /// StorageClasses annotated as default, per cluster, by name: the first is the default
    /// (a fresh build takes the first in source order, which is by name).
    default_classes: FxHashMap<ClusterId, BTreeMap<String, NodeId>>,
    /// Made nodes whose reason to exist may have gone.
    unsettled: Vec<NodeId>,
}

#[derive(Default)]
struct Meta {
    source: Option<Source>,
    /// References that resolved to this node by making it, and containers running it (images).
    wanted: u32,
    /// Nodes it contains (namespaces, clusters).
    children: u32,
    synthetic: bool,
    cluster: bool,
}

/// What a source object made.
struct Source {
    extracted: Arc<Extracted>,
    contributed: Vec<Contributed>,
    /// Its containers, and the image each runs.
    containers: Vec<(NodeId, Option<NodeId>)>,
}

#[derive(Clone, Copy)]
struct Contributed {
    key: EdgeKey,
    index: u32,
    /// The target made for this reference (a placeholder or synthetic node).
    made: Option<NodeId>,
}

/// Whether two extractions made the same references: at once when the later kept the
/// earlier's ([`crate::extract_after`]), else element by element.
fn same_references(a: &Extracted, b: &Extracted) -> bool {
    Arc::ptr_eq(&a.references, &b.references) || a.references == b.references
}

/// An object as selectors see it before and after a change (`None`: absent, or not selectable).
struct Seen<'o> {
    before: Option<Selectable<'o>>,
    after: Option<Selectable<'o>>,
}

/// What an object's kind registers it in, before and after a change.
#[derive(Default)]
struct KindChange {
    /// It appeared, went or changed uid: those who refer to it resolve again.
    presence_or_uid: bool,
    /// A pod or workload before or after: selectors in its namespace must look at it again.
    selectable: bool,
    /// A claim appeared or went: ordinals in its namespace resolve again.
    claims: bool,
    /// The cluster's default StorageClass changed: those who want it resolve again.
    default_class: bool,
    /// An object labeled targets select from appeared, went, or changed labels: the sources
    /// with a labeled target over its kind resolve again.
    labeled: bool,
}

impl Incremental {
    /// No cluster and no object yet.
    pub fn new() -> Self {
        Incremental::default()
    }

    /// The graph as it stands.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Adds a cluster (its node), or returns the one of that name.
    pub fn add_cluster(&mut self, name: &str) -> ClusterId {
        let id = self.graph.add_cluster(name);
        let node = self.graph.cluster_node(id);
        self.meta_mut(node).cluster = true;
        id
    }

    /// Adds an object, or replaces the object of the same identity, with what was extracted from
    /// it; relations follow. Returns whether it is new (no object had its identity).
    pub fn upsert(
        &mut self,
        cluster: ClusterId,
        object: Arc<Object>,
        extracted: Arc<Extracted>,
    ) -> bool {
        let o = object.clone();
        let namespace = o.namespace.as_deref();
        let existing = self
            .graph
            .lookup(cluster, &o.group, &o.kind, namespace, &o.name);
        let (id, old) = match existing {
            Some(id) => {
                let node = self.graph.node(id);
                let old = (node.origin == Origin::Source).then(|| node.object.clone());
                self.graph.replace_node(id, object, Origin::Source);
                (id, old)
            }
            None => {
                let (id, _) = self.graph.insert_shared(cluster, object);
                self.reset_meta(id);
                self.contain(id);
                (id, None)
            }
        };
        // What selectors see of it, before and after: read once for the indexes and the
        // selectors that must look at it again.
        let seen = Seen {
            before: old.as_deref().and_then(Selectable::of),
            after: Selectable::of(&o),
        };
        let kind;
        match self.meta[id.0 as usize].source.take() {
            // Most changes are to status or labels: the same references resolve the same way
            // (resolution depends on the objects referred to, not on the referrer), so what
            // they made stays; only containers are brought up to date.
            Some(mut source) if same_references(&source.extracted, &extracted) => {
                kind = self.index_kind(id, cluster, old.as_deref(), Some(&o), &seen);
                let before = std::mem::replace(&mut source.extracted, extracted.clone());
                let containers = std::mem::take(&mut source.containers);
                self.meta[id.0 as usize].source = Some(source);
                self.update_containers(id, cluster, &before, containers, &extracted);
            }
            previous => {
                if let Some(source) = previous {
                    self.register(id, cluster, &source.extracted, false);
                    self.forget(id, source);
                }
                kind = self.index_kind(id, cluster, old.as_deref(), Some(&o), &seen);
                self.meta[id.0 as usize].source = Some(Source {
                    extracted: extracted.clone(),
                    contributed: Vec::new(),
                    containers: Vec::new(),
                });
                self.register(id, cluster, &extracted, true);
                self.add_containers(id, cluster, &extracted);
                self.resolve_source(id);
            }
        }
        let kind = KindChange {
            presence_or_uid: old.as_ref().is_none_or(|old| old.uid != o.uid),
            ..kind
        };
        self.follow(id, cluster, &o, old.as_deref(), kind, &seen);
        self.settle();
        old.is_none()
    }

    /// Removes the object of this identity, if there is one; what still refers to it keeps a
    /// placeholder. Returns whether there was one.
    pub fn remove(
        &mut self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> bool {
        let Some(id) = self.graph.lookup(cluster, group, kind, namespace, name) else {
            return false;
        };
        if self.graph.node(id).origin != Origin::Source {
            return false;
        }
        let old = self.graph.node(id).object.clone();
        if let Some(source) = self.meta[id.0 as usize].source.take() {
            self.register(id, cluster, &source.extracted, false);
            self.forget(id, source);
        }
        let seen = Seen {
            before: Selectable::of(&old),
            after: None,
        };
        let change = self.index_kind(id, cluster, Some(&old), None, &seen);
        // No longer found by lookups, by identity or uid; whether it stays (as a placeholder
        // or an implied namespace) is settled once its dependents have resolved again.
        self.graph.demote(id, Origin::Placeholder);
        let change = KindChange {
            presence_or_uid: true,
            ..change
        };
        self.follow(id, cluster, &old, Some(&old), change, &seen);
        self.unsettled.push(id);
        self.settle();
        true
    }

    /// After `id` changed: those whose resolution depended on it resolve again.
    fn follow(
        &mut self,
        id: NodeId,
        cluster: ClusterId,
        now: &Object,
        old: Option<&Object>,
        change: KindChange,
        seen: &Seen,
    ) {
        let namespace = now.namespace.as_deref();
        let mut again: Vec<NodeId> = Vec::new();
        if change.presence_or_uid {
            let identity = identity_hash(cluster, &now.group, &now.kind, namespace, &now.name);
            again.extend_from_slice(self.by_identity.get(identity));
            for uid in [old.and_then(|o| o.uid.as_deref()), now.uid.as_deref()]
                .into_iter()
                .flatten()
            {
                again.extend_from_slice(self.by_uid.get(uid_hash(cluster, uid)));
            }
        }
        if let (true, Some(ns)) = (change.claims, namespace) {
            again.extend_from_slice(self.by_ordinal.get(namespace_hash(cluster, ns)));
        }
        if change.default_class {
            again.extend_from_slice(self.by_default_class.get(cluster_hash(cluster)));
        }
        if change.labeled {
            let key = labeled_hash(cluster, &now.group, &now.kind);
            again.extend_from_slice(self.by_labeled.get(key));
        }
        again.sort_unstable();
        again.dedup();
        for r in again {
            if r != id {
                self.resolve_again(r);
            }
        }
        // Selectors match labels only (a pod's or a template's), within the namespace: when
        // those are what they were, as for most status changes, no selection changes.
        if let (true, Some(ns)) = (change.selectable, namespace) {
            if seen.before != seen.after {
                self.select_again(id, cluster, ns, seen);
            }
        }
    }

    fn meta_mut(&mut self, id: NodeId) -> &mut Meta {
        let i = id.0 as usize;
        if self.meta.len() <= i {
            self.meta.resize_with(i + 1, Meta::default);
        }
        &mut self.meta[i]
    }

    fn reset_meta(&mut self, id: NodeId) {
        *self.meta_mut(id) = Meta::default();
    }

    /// Adds the `contains` edge of a node just made: from its namespace (made, implied, if
    /// absent) or its cluster.
    fn contain(&mut self, id: NodeId) {
        let n = self.graph.node(id);
        let cluster = n.cluster;
        let parent = match n.object.namespace.clone() {
            Some(ns) => match self.graph.lookup(cluster, "", "Namespace", None, &ns) {
                Some(parent) => parent,
                None => {
                    let parent = self.graph.implied_namespace(cluster, &ns);
                    self.reset_meta(parent);
                    self.contain(parent);
                    parent
                }
            },
            None => self.graph.cluster_node(cluster),
        };
        self.graph
            .add_edge(parent, id, EdgeKind::Contains, Attrs::new());
        self.meta_mut(parent).children += 1;
    }

    /// Registers (or unregisters) `id` under what its references' resolution depends on.
    fn register(&mut self, id: NodeId, cluster: ClusterId, extracted: &Extracted, add: bool) {
        for r in extracted.references.iter() {
            let (deps, key) = match &r.target {
                Target::Object {
                    group,
                    kind,
                    namespace,
                    name,
                } => (
                    &mut self.by_identity,
                    identity_hash(cluster, group, kind, namespace.as_deref(), name),
                ),
                Target::Owner {
                    uid,
                    group,
                    kind,
                    namespace,
                    name,
                } => {
                    if let Some(uid) = uid {
                        update(&mut self.by_uid, uid_hash(cluster, uid), id, add);
                    }
                    if namespace.is_some() {
                        let key = identity_hash(cluster, group, kind, None, name);
                        update(&mut self.by_identity, key, id, add);
                    }
                    (
                        &mut self.by_identity,
                        identity_hash(cluster, group, kind, namespace.as_deref(), name),
                    )
                }
                Target::Selector {
                    namespace,
                    selector,
                    ..
                } => (
                    &mut self.by_selector,
                    selector_hash(cluster, namespace, selector),
                ),
                Target::Ordinal { namespace, .. } => {
                    (&mut self.by_ordinal, namespace_hash(cluster, namespace))
                }
                Target::DefaultStorageClass => (&mut self.by_default_class, cluster_hash(cluster)),
                Target::Labeled { group, kind, .. } => {
                    (&mut self.by_labeled, labeled_hash(cluster, group, kind))
                }
                Target::Synthetic { .. } => continue,
            };
            update(deps, key, id, add);
        }
    }

    /// Updates the per-kind indexes for a change of `id` from `old` to `new` (either absent).
    fn index_kind(
        &mut self,
        id: NodeId,
        cluster: ClusterId,
        old: Option<&Object>,
        new: Option<&Object>,
        seen: &Seen,
    ) -> KindChange {
        let mut change = KindChange::default();
        let o = new.or(old).expect("a change has a before or an after");
        let namespace = o.namespace.as_deref();
        let (before, after) = (&seen.before, &seen.after);
        change.selectable = before.is_some() || after.is_some();
        if let (Some(ns), true) = (namespace, change.selectable) {
            if before.is_some() != after.is_some() {
                let key = namespace_hash(cluster, ns);
                update(&mut self.selectable, key, id, after.is_some());
            }
            let (b, a) = (before.as_ref(), after.as_ref());
            if b.map(|s| &s.labels) != a.map(|s| &s.labels) {
                for (s, add) in [(before, false), (after, true)] {
                    for (k, v) in s.iter().flat_map(|s| &s.labels) {
                        let key = label_hash(cluster, ns, k, v);
                        update(&mut self.selectable_by_label, key, id, add);
                    }
                }
            }
        }
        let claim = |o: Option<&Object>| o.is_some_and(|o| o.is("", "PersistentVolumeClaim"));
        if let (Some(ns), true) = (namespace, claim(old) != claim(new)) {
            update(
                &mut self.claims,
                namespace_hash(cluster, ns),
                id,
                claim(new),
            );
            change.claims = true;
        }
        let (was, is) = (
            old.is_some_and(is_labeled_kind),
            new.is_some_and(is_labeled_kind),
        );
        if was != is {
            update(
                &mut self.labeled,
                labeled_hash(cluster, &o.group, &o.kind),
                id,
                is,
            );
        }
        change.labeled = was != is || (is && old.map(|o| o.labels()) != new.map(|o| o.labels()));
        let (was, is) = (
            old.is_some_and(is_default_class),
            new.is_some_and(is_default_class),
        );
        if was != is {
            let classes = self.default_classes.entry(cluster).or_default();
            let before = classes.values().next().copied();
            if is {
                classes.insert(o.name.clone(), id);
            } else {
                classes.remove(&o.name);
            }
            change.default_class = classes.values().next().copied() != before;
        }
        change
    }

    /// Removes everything a source made: its references' contributions and its containers.
    fn forget(&mut self, id: NodeId, source: Source) {
        for c in source.contributed {
            self.withdraw(id, c);
        }
        self.remove_containers(id, source.containers);
    }

    /// Resolves every reference of source `id`.
    fn resolve_source(&mut self, id: NodeId) {
        let Some(extracted) = self.meta[id.0 as usize]
            .source
            .as_ref()
            .map(|s| s.extracted.clone())
        else {
            return;
        };
        let cluster = self.graph.node(id).cluster;
        let mut out = Vec::new();
        for (i, r) in extracted.references.iter().enumerate() {
            resolve(&*self, id, r, &mut out);
            for resolved in out.drain(..) {
                match resolved {
                    Resolved::Edge { from, to, kind, .. } => {
                        self.contribute(id, (from, to, kind), i as u32, None)
                    }
                    Resolved::Create { src, reference } => {
                        let target = self.make(cluster, &reference.target);
                        let (from, to) = if reference.reverse {
                            (target, src)
                        } else {
                            (src, target)
                        };
                        self.contribute(id, (from, to, reference.edge), i as u32, Some(target));
                    }
                }
            }
        }
    }

    /// Withdraws everything source `r` resolved, and resolves it again.
    fn resolve_again(&mut self, r: NodeId) {
        let Some(source) = self.meta[r.0 as usize].source.as_mut() else {
            return;
        };
        let contributed = std::mem::take(&mut source.contributed);
        for c in contributed {
            self.withdraw(r, c);
        }
        self.resolve_source(r);
    }

    /// Source `src`'s reference `index` makes edge `key`.
    fn contribute(&mut self, src: NodeId, key: EdgeKey, index: u32, made: Option<NodeId>) {
        let by = self.contributions.entry(key).or_default();
        by.push((src, index));
        if by.len() == 1 {
            let attrs = self.attrs_of(src, index);
            self.graph.add_edge(key.0, key.1, key.2, attrs);
        } else {
            self.merge_attrs(key);
        }
        if let Some(t) = made {
            self.meta[t.0 as usize].wanted += 1;
        }
        if let Some(s) = self.meta[src.0 as usize].source.as_mut() {
            s.contributed.push(Contributed { key, index, made });
        }
    }

    /// Undoes one [`Incremental::contribute`] (already taken off its source's list).
    fn withdraw(&mut self, src: NodeId, c: Contributed) {
        let Some(by) = self.contributions.get_mut(&c.key) else {
            return;
        };
        if let Some(at) = by.iter().position(|&x| x == (src, c.index)) {
            by.swap_remove(at);
        }
        if by.is_empty() {
            self.contributions.remove(&c.key);
            self.graph.remove_edge(c.key.0, c.key.1, c.key.2);
        } else {
            self.merge_attrs(c.key);
        }
        if let Some(t) = c.made {
            self.unwant(t);
        }
    }

    fn attrs_of(&self, src: NodeId, index: u32) -> Attrs {
        self.meta[src.0 as usize]
            .source
            .as_ref()
            .map(|s| s.extracted.references[index as usize].attrs.clone())
            .unwrap_or_default()
    }

    /// An edge's attributes from all its contributions, merged in the order a fresh build adds
    /// them: by source (cluster, group, version, kind, namespace, name: the store's order),
    /// then by reference.
    fn merge_attrs(&mut self, key: EdgeKey) {
        let Some(by) = self.contributions.get(&key) else {
            return;
        };
        let mut by: SmallVec<[(NodeId, u32); 4]> = by.iter().copied().collect();
        by.sort_by(|a, b| {
            let order = |id: NodeId| {
                let n = self.graph.node(id);
                let o = &n.object;
                (
                    n.cluster,
                    o.group.as_str(),
                    o.version.as_str(),
                    o.kind.as_str(),
                    o.namespace.as_deref(),
                    o.name.as_str(),
                )
            };
            order(a.0).cmp(&order(b.0)).then(a.1.cmp(&b.1))
        });
        let mut attrs = self.attrs_of(by[0].0, by[0].1);
        for &(src, index) in &by[1..] {
            attrs.merge(self.attrs_of(src, index));
        }
        if let Some(edge) = self.graph.edge_id(key.0, key.1, key.2) {
            self.graph.set_edge_attrs(edge, attrs);
        }
    }

    /// The node a reference makes: a placeholder of its target, or a synthetic node.
    fn make(&mut self, cluster: ClusterId, target: &Target) -> NodeId {
        let made = Made::of(target);
        if made.synthetic {
            return self.make_synthetic(cluster, made.group, made.kind, made.name);
        }
        match self
            .graph
            .lookup(cluster, made.group, made.kind, made.namespace, made.name)
        {
            Some(id) => {
                if self.graph.node(id).origin == Origin::Implied {
                    self.graph.demote(id, Origin::Placeholder);
                }
                id
            }
            None => {
                let id = self.graph.placeholder(
                    cluster,
                    made.group,
                    made.kind,
                    made.namespace,
                    made.name,
                );
                self.reset_meta(id);
                self.contain(id);
                id
            }
        }
    }

    fn make_synthetic(
        &mut self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        name: &str,
    ) -> NodeId {
        if let Some(id) = self.graph.lookup(cluster, group, kind, None, name) {
            return id;
        }
        let id = self.graph.synthetic(cluster, group, kind, None, name);
        self.reset_meta(id);
        self.meta[id.0 as usize].synthetic = true;
        self.contain(id);
        id
    }

    fn unwant(&mut self, id: NodeId) {
        let m = &mut self.meta[id.0 as usize];
        m.wanted -= 1;
        if m.wanted == 0 {
            self.unsettled.push(id);
        }
    }

    /// Decides what each made node whose reason to exist may have gone is now: still wanted
    /// (a placeholder), only containing (an implied namespace), or gone.
    fn settle(&mut self) {
        while let Some(id) = self.unsettled.pop() {
            let Some(node) = self.graph.get_node(id) else {
                continue;
            };
            let m = &self.meta[id.0 as usize];
            if node.origin == Origin::Source || m.cluster || node.parent.is_some() {
                continue;
            }
            if m.wanted > 0 {
                if !m.synthetic && node.origin != Origin::Placeholder {
                    self.graph.demote(id, Origin::Placeholder);
                }
            } else if m.children > 0 {
                if node.origin != Origin::Implied {
                    self.graph.demote(id, Origin::Implied);
                }
            } else {
                let parent = match node.object.namespace.as_deref() {
                    Some(ns) => self
                        .graph
                        .lookup(node.cluster, "", "Namespace", None, ns)
                        .expect("a namespaced node's namespace exists while it does"),
                    None => self.graph.cluster_node(node.cluster),
                };
                self.graph.remove_edge(parent, id, EdgeKind::Contains);
                self.graph.remove_node(id);
                self.reset_meta(id);
                let p = &mut self.meta[parent.0 as usize];
                p.children -= 1;
                if p.children == 0 {
                    self.unsettled.push(parent);
                }
            }
        }
    }
}
