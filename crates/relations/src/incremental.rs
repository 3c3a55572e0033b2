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

use crate::build::{is_default_class, resolve, Lookup, Made, Resolved};
use crate::reference::Target;
use crate::selectable::{selects, Selectable};
use crate::Extracted;
use kubegraph_graph::{Attrs, ClusterId, Graph, NodeId, Origin};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, EdgeKind, LabelSelector, Object};
use rustc_hash::{FxHashMap, FxHasher};
use smallvec::SmallVec;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
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

/// Node ids per key hash.
#[derive(Default)]
struct Dependents(FxHashMap<u64, Vec<NodeId>>);

impl Dependents {
    fn add(&mut self, key: u64, id: NodeId) {
        self.0.entry(key).or_default().push(id);
    }

    fn remove(&mut self, key: u64, id: NodeId) {
        if let std::collections::hash_map::Entry::Occupied(mut e) = self.0.entry(key) {
            let ids = e.get_mut();
            if let Some(i) = ids.iter().position(|&x| x == id) {
                ids.swap_remove(i);
            }
            if ids.is_empty() {
                e.remove();
            }
        }
    }

    fn get(&self, key: u64) -> &[NodeId] {
        self.0.get(&key).map_or(&[], Vec::as_slice)
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

fn identity_hash(
    cluster: ClusterId,
    group: &str,
    kind: &str,
    namespace: Option<&str>,
    name: &str,
) -> u64 {
    hash_of((cluster, group, kind, namespace, name))
}

fn uid_hash(cluster: ClusterId, uid: &str) -> u64 {
    hash_of((cluster, "uid", uid))
}

fn namespace_hash(cluster: ClusterId, namespace: &str) -> u64 {
    hash_of((cluster, namespace))
}

fn label_hash(cluster: ClusterId, namespace: &str, key: &str, value: &str) -> u64 {
    hash_of((cluster, namespace, key, value))
}

/// Where a selector is registered (see `Incremental::by_selector`).
fn selector_hash(cluster: ClusterId, namespace: &str, selector: &LabelSelector) -> u64 {
    match selector.required_pair() {
        Some((k, v)) => label_hash(cluster, namespace, k, v),
        None => namespace_hash(cluster, namespace),
    }
}

fn cluster_hash(cluster: ClusterId) -> u64 {
    hash_of(cluster)
}

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

    fn claims(&self, cluster: ClusterId, namespace: &str, found: &mut dyn FnMut(NodeId)) {
        for &id in self.claims.get(namespace_hash(cluster, namespace)) {
            let n = self.graph.node(id);
            if n.cluster == cluster && n.object.namespace.as_deref() == Some(namespace) {
                found(id);
            }
        }
    }
}

/// What an object's kind registers it in, before and after a change.
#[derive(Default)]
struct KindChange {
    /// A pod or workload before or after: selectors in its namespace must look at it again.
    selectable: bool,
    /// A claim appeared or went: ordinals in its namespace resolve again.
    claims: bool,
    /// The cluster's default StorageClass changed: those who want it resolve again.
    default_class: bool,
}

impl Incremental {
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
    /// it; relations follow.
    pub fn upsert(&mut self, cluster: ClusterId, object: Arc<Object>, extracted: Arc<Extracted>) {
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
        let kind;
        match self.meta[id.0 as usize].source.take() {
            // Most changes are to status or labels: the same references resolve the same way
            // (resolution depends on the objects referred to, not on the referrer), so what
            // they made stays; only containers are brought up to date.
            Some(mut source) if source.extracted.references == extracted.references => {
                kind = self.index_kind(id, cluster, old.as_deref(), Some(&o));
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
                kind = self.index_kind(id, cluster, old.as_deref(), Some(&o));
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
        let appeared_or_changed_uid = old.as_ref().is_none_or(|old| old.uid != o.uid);
        self.follow(
            id,
            cluster,
            &o,
            old.as_deref(),
            appeared_or_changed_uid,
            kind,
        );
        self.settle();
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
        let change = self.index_kind(id, cluster, Some(&old), None);
        // No longer found by lookups, by identity or uid; whether it stays (as a placeholder
        // or an implied namespace) is settled once its dependents have resolved again.
        self.graph.demote(id, Origin::Placeholder);
        self.follow(id, cluster, &old, Some(&old), true, change);
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
        presence_or_uid: bool,
        change: KindChange,
    ) {
        let namespace = now.namespace.as_deref();
        let mut again: Vec<NodeId> = Vec::new();
        if presence_or_uid {
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
        again.sort_unstable();
        again.dedup();
        for r in again {
            if r != id {
                self.resolve_again(r);
            }
        }
        if let (true, Some(ns)) = (change.selectable, namespace) {
            let current = self
                .graph
                .get_node(id)
                .filter(|n| n.origin == Origin::Source)
                .map(|n| n.object.clone());
            self.select_again(id, cluster, ns, old, current.as_deref());
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
        for r in &extracted.references {
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
    ) -> KindChange {
        let mut change = KindChange::default();
        let o = new.or(old).expect("a change has a before or an after");
        let namespace = o.namespace.as_deref();
        let (before, after) = (old.and_then(Selectable::of), new.and_then(Selectable::of));
        change.selectable = before.is_some() || after.is_some();
        if let (Some(ns), true) = (namespace, change.selectable) {
            if before.is_some() != after.is_some() {
                let key = namespace_hash(cluster, ns);
                update(&mut self.selectable, key, id, after.is_some());
            }
            let (b, a) = (before.as_ref(), after.as_ref());
            if b.map(|s| &s.labels) != a.map(|s| &s.labels) {
                for (s, add) in [(&before, false), (&after, true)] {
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

    /// Makes the containers of a pod: contained by it, each running its image.
    fn add_containers(&mut self, pod: NodeId, cluster: ClusterId, extracted: &Extracted) {
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

    /// Removes everything a source made: its references' contributions and its containers.
    fn forget(&mut self, id: NodeId, source: Source) {
        for c in source.contributed {
            self.withdraw(id, c);
        }
        self.remove_containers(id, source.containers);
    }

    fn remove_containers(&mut self, pod: NodeId, containers: Vec<(NodeId, Option<NodeId>)>) {
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
    fn update_containers(
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

    /// Matches the selectors over `namespace` that could select `x`, before (`old`) or now
    /// (`now`), against it alone, adding and withdrawing the edges that changed.
    fn select_again(
        &mut self,
        x: NodeId,
        cluster: ClusterId,
        namespace: &str,
        old: Option<&Object>,
        now: Option<&Object>,
    ) {
        let now = now.and_then(Selectable::of);
        let mut referrers = self
            .by_selector
            .get(namespace_hash(cluster, namespace))
            .to_vec();
        let before = old.and_then(Selectable::of);
        for labels in [&before, &now].into_iter().flatten() {
            for (k, v) in &labels.labels {
                let key = label_hash(cluster, namespace, k, v);
                referrers.extend_from_slice(self.by_selector.get(key));
            }
        }
        referrers.sort_unstable();
        referrers.dedup();
        for r in referrers {
            let Some(extracted) = self.meta[r.0 as usize]
                .source
                .as_ref()
                .map(|s| s.extracted.clone())
            else {
                continue;
            };
            if self.graph.node(r).cluster != cluster {
                continue;
            }
            for (i, reference) in extracted.references.iter().enumerate() {
                let Target::Selector {
                    namespace: ns,
                    selector,
                    templates,
                } = &reference.target
                else {
                    continue;
                };
                if ns != namespace {
                    continue;
                }
                let want = now
                    .as_ref()
                    .is_some_and(|l| l.selected_by(selector, *templates));
                let key = if reference.reverse {
                    (x, r, reference.edge)
                } else {
                    (r, x, reference.edge)
                };
                let i = i as u32;
                let have = self
                    .contributions
                    .get(&key)
                    .is_some_and(|c| c.contains(&(r, i)));
                if want && !have {
                    self.contribute(r, key, i, None);
                } else if !want && have {
                    let source = self.meta[r.0 as usize].source.as_mut().expect("checked");
                    let at = source
                        .contributed
                        .iter()
                        .position(|c| c.key == key && c.index == i)
                        .expect("a contribution is listed by its source");
                    let c = source.contributed.swap_remove(at);
                    self.withdraw(r, c);
                }
            }
        }
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

fn update(deps: &mut Dependents, key: u64, id: NodeId, add: bool) {
    if add {
        deps.add(key, id);
    } else {
        deps.remove(key, id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubegraph_model::json::from_serde;
    use serde_json::json;

    fn object(v: serde_json::Value) -> Arc<Object> {
        Arc::new(Object::from_value(from_serde(&v)).unwrap())
    }

    fn upsert(g: &mut Incremental, c: ClusterId, v: serde_json::Value) {
        let o = object(v);
        let e = Arc::new(crate::extract(&o));
        g.upsert(c, o, e);
    }

    fn pod(labels: serde_json::Value) -> serde_json::Value {
        json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p", "namespace": "shop", "labels": labels},
            "spec": {"containers": [{"name": "c", "image": "web:1",
                "env": [{"name": "PW", "valueFrom": {"secretKeyRef": {"name": "db", "key": "pw"}}}],
                "envFrom": [{"secretRef": {"name": "db"}}]}],
                "volumes": [{"name": "v", "secret": {"secretName": "db"}}]}})
    }

    fn find(g: &Incremental, c: ClusterId, kind: &str, ns: Option<&str>, name: &str) -> NodeId {
        g.graph().lookup(c, "", kind, ns, name).expect("present")
    }

    #[test]
    fn a_deleted_object_still_referenced_is_a_placeholder_with_the_same_id() {
        let mut g = Incremental::new();
        let c = g.add_cluster("c");
        upsert(&mut g, c, pod(json!({"app": "web"})));
        let secret = json!({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "db", "namespace": "shop", "uid": "s1"}});
        upsert(&mut g, c, secret.clone());
        let s = find(&g, c, "Secret", Some("shop"), "db");
        assert_eq!(g.graph().node(s).origin, Origin::Source);
        // Two references make one edge, their attributes merged as a fresh build merges them.
        let p = find(&g, c, "Pod", Some("shop"), "p");
        let attrs = |g: &Graph, p, s| {
            let e = g
                .edge_id(p, s, EdgeKind::Uses)
                .expect("the pod uses the secret");
            serde_json::to_string(&g.edge(e).attrs).unwrap()
        };
        let objects = g
            .graph()
            .nodes()
            .filter(|(_, n)| n.origin == Origin::Source);
        let objects: Vec<Object> = objects.map(|(_, n)| (*n.object).clone()).collect();
        let (fresh, _) = crate::graph_from_objects("c", objects);
        let (fp, fs) = (
            fresh.lookup(c, "", "Pod", Some("shop"), "p").unwrap(),
            fresh.lookup(c, "", "Secret", Some("shop"), "db").unwrap(),
        );
        assert_eq!(attrs(g.graph(), p, s), attrs(&fresh, fp, fs));
        let merged = attrs(g.graph(), p, s);
        assert!(
            merged.contains("envFrom") && merged.contains("\"pw\""),
            "{merged}"
        );

        assert!(g.remove(c, "", "Secret", Some("shop"), "db"));
        assert_eq!(find(&g, c, "Secret", Some("shop"), "db"), s);
        assert_eq!(g.graph().node(s).origin, Origin::Placeholder);
        assert_eq!(g.graph().lookup_uid(c, "s1"), None);
        assert!(g.graph().edge_id(p, s, EdgeKind::Uses).is_some());

        upsert(&mut g, c, secret);
        assert_eq!(
            g.graph()
                .node(find(&g, c, "Secret", Some("shop"), "db"))
                .origin,
            Origin::Source
        );
        assert_eq!(find(&g, c, "Secret", Some("shop"), "db"), s);
    }

    #[test]
    fn what_nothing_wants_goes_and_an_undeclared_namespace_goes_with_its_last_object() {
        let mut g = Incremental::new();
        let c = g.add_cluster("c");
        upsert(&mut g, c, pod(json!({"app": "web"})));
        let ns = find(&g, c, "Namespace", None, "shop");
        assert_eq!(g.graph().node(ns).origin, Origin::Implied);
        let images = |g: &Incremental| {
            g.graph()
                .nodes()
                .filter(|(_, n)| n.object.kind == "Image")
                .count()
        };
        assert_eq!(images(&g), 1);
        assert!(g.remove(c, "", "Pod", Some("shop"), "p"));
        // Only the cluster node is left: no placeholder, image, container or namespace.
        assert_eq!(g.graph().node_count(), 1);
        assert_eq!(g.graph().edge_count(), 0);
        assert!(!g.remove(c, "", "Pod", Some("shop"), "p"));
    }

    #[test]
    fn a_relabelled_pod_leaves_one_service_and_joins_another() {
        let mut g = Incremental::new();
        let c = g.add_cluster("c");
        for (name, app) in [("web", "web"), ("api", "api")] {
            upsert(
                &mut g,
                c,
                json!({"apiVersion": "v1", "kind": "Service",
                "metadata": {"name": name, "namespace": "shop"},
                "spec": {"selector": {"app": app}}}),
            );
        }
        upsert(&mut g, c, pod(json!({"app": "web"})));
        let (web, api) = (
            find(&g, c, "Service", Some("shop"), "web"),
            find(&g, c, "Service", Some("shop"), "api"),
        );
        let p = find(&g, c, "Pod", Some("shop"), "p");
        let selects = |g: &Incremental, s| g.graph().edge_id(s, p, EdgeKind::Selects).is_some();
        assert!(selects(&g, web) && !selects(&g, api));
        upsert(&mut g, c, pod(json!({"app": "api"})));
        assert!(!selects(&g, web) && selects(&g, api));
    }
}
