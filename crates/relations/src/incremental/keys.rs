//! What the kept-current graph registers dependents under: hashes of identities, uids,
//! namespaces, labels and clusters, and the lists of nodes per hash.

use kubegraph_graph::{ClusterId, NodeId};
use kubegraph_model::LabelSelector;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// Node ids per key hash.
#[derive(Default)]
pub(super) struct Dependents(FxHashMap<u64, Vec<NodeId>>);

impl Dependents {
    pub fn add(&mut self, key: u64, id: NodeId) {
        self.0.entry(key).or_default().push(id);
    }

    pub fn remove(&mut self, key: u64, id: NodeId) {
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

    pub fn get(&self, key: u64) -> &[NodeId] {
        self.0.get(&key).map_or(&[], Vec::as_slice)
    }
}

pub(super) fn hash_of(value: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

pub(super) use kubegraph_graph::identity_hash;

pub(super) fn uid_hash(cluster: ClusterId, uid: &str) -> u64 {
    hash_of((cluster, "uid", uid))
}

pub(super) fn namespace_hash(cluster: ClusterId, namespace: &str) -> u64 {
    hash_of((cluster, namespace))
}

pub(super) fn label_hash(cluster: ClusterId, namespace: &str, key: &str, value: &str) -> u64 {
    hash_of((cluster, namespace, key, value))
}

/// Where a selector is registered (see `Incremental::by_selector`).
pub(super) fn selector_hash(cluster: ClusterId, namespace: &str, selector: &LabelSelector) -> u64 {
    match selector.required_pair() {
        Some((k, v)) => label_hash(cluster, namespace, k, v),
        None => namespace_hash(cluster, namespace),
    }
}

/// Where the objects of a kind that labeled targets select from are indexed, and where the
/// sources with such a target are registered.
pub(super) fn labeled_hash(cluster: ClusterId, group: &str, kind: &str) -> u64 {
    hash_of((cluster, "labeled", group, kind))
}

pub(super) fn cluster_hash(cluster: ClusterId) -> u64 {
    hash_of(cluster)
}

/// Adds `id` under `key`, or removes it.
pub(super) fn update(deps: &mut Dependents, key: u64, id: NodeId, add: bool) {
    if add {
        deps.add(key, id);
    } else {
        deps.remove(key, id);
    }
}
