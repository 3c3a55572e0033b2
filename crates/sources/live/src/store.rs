//! The objects of every watched resource type of every cluster, as the watches last reported
//! them, and how far each watch has come. The graph is built from this store (see
//! [`crate::snapshot`]); the store is what must always equal a fresh list.

use crate::convert::ObjectKey;
use crate::discovery::ResourceType;
use kubegraph_model::json::JsonValueTrait;
use kubegraph_model::Object;
use kubegraph_relations::Extracted;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An object as the store keeps it: parsed once, when its watch reports it, and shared with
/// every graph built while it is current; with what relation building reads out of it on its
/// own (its references and containers, extracted at the same time, outside the store's lock)
/// and what ordering and event retention need.
#[derive(Debug)]
pub struct Stored {
    /// The object.
    pub object: Arc<Object>,
    /// Its references and containers.
    pub extracted: Arc<Extracted>,
    /// For Events: when it last happened (RFC 3339 text, which sorts as time does).
    pub event_time: Option<String>,
}

impl Stored {
    /// `o`, with its relations extracted.
    pub fn new(o: Object) -> Stored {
        let event = o.kind == "Event" && (o.group.is_empty() || o.group == "events.k8s.io");
        Stored {
            event_time: event.then(|| event_time(&o).to_string()),
            extracted: Arc::new(kubegraph_relations::extract(&o)),
            object: Arc::new(o),
        }
    }

    /// `o`, a new version of `old`'s object: what cannot have changed is kept rather than
    /// extracted again (see [`kubegraph_relations::extract_after`]).
    pub fn after(o: Object, old: &Stored) -> Stored {
        let event = o.kind == "Event" && (o.group.is_empty() || o.group == "events.k8s.io");
        Stored {
            event_time: event.then(|| event_time(&o).to_string()),
            extracted: Arc::new(kubegraph_relations::extract_after(
                &o,
                &old.object,
                &old.extracted,
            )),
            object: Arc::new(o),
        }
    }

    /// The object's namespace.
    pub fn namespace(&self) -> Option<&str> {
        self.object.namespace.as_deref()
    }

    /// The object's name.
    pub fn name(&self) -> &str {
        &self.object.name
    }

    /// Whether it is an Event (of either API), kept with bounded retention.
    pub fn is_event(&self) -> bool {
        self.event_time.is_some()
    }

    /// `(namespace, name)`: its key within its watch.
    pub fn key(&self) -> ObjectKey {
        (self.object.namespace.clone(), self.object.name.clone())
    }

    /// The same version of the same object (a re-list brings back what did not change).
    fn same_version(&self, other: &Stored) -> bool {
        fn version(s: &Stored) -> Option<&str> {
            s.object
                .raw
                .get("metadata")
                .and_then(|m| m.get("resourceVersion"))
                .and_then(|v| v.as_str())
        }
        match (version(self), version(other)) {
            (Some(a), Some(b)) => a == b && self.object.uid == other.object.uid,
            _ => false,
        }
    }
}

/// A change to the store's objects, for whoever keeps a graph current (see
/// [`Store::track_changes`]).
#[derive(Clone, Debug)]
pub enum Delta {
    /// The object is new, or replaces the one of its identity.
    Upsert(usize, Arc<Stored>),
    /// The object (as it was last) is gone.
    Remove(usize, Arc<Stored>),
}

/// When an event last happened: the newest of the timestamps either API version writes.
fn event_time(o: &Object) -> &str {
    let raw = &o.raw;
    let candidates = [
        raw.get("lastTimestamp"),
        raw.get("deprecatedLastTimestamp"),
        raw.get("series").and_then(|s| s.get("lastObservedTime")),
        raw.get("eventTime"),
        raw.get("metadata").and_then(|m| m.get("creationTimestamp")),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .max()
        .unwrap_or("")
}

/// One watch: a resource type of a cluster, cluster-wide (`namespace: None`) or in one namespace
/// (when listing it cluster-wide is forbidden and `-n` names namespaces).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WatchKey {
    /// The cluster's index in the store.
    pub cluster: usize,
    /// The resource type watched.
    pub resource: ResourceType,
    /// The namespace watched, or `None` for all.
    pub namespace: Option<String>,
}

/// A change a watch reports, in kube's watcher terms: a re-list is `Init`, `InitApply`...,
/// `InitDone`, and replaces the watch's objects only when done (a consistent snapshot swap:
/// objects deleted while the watch was away disappear then, and never half-way).
#[derive(Debug)]
pub enum Change {
    /// A re-list begins.
    Init,
    /// An object of the re-list.
    InitApply(Stored),
    /// The re-list is complete: its objects replace the watch's.
    InitDone,
    /// An object was added or changed.
    Apply(Stored),
    /// The object of this key was deleted.
    Delete(ObjectKey),
}

/// A change as a watch stream reports it, before its object is extracted (see [`prepare`]).
#[derive(Debug)]
pub enum Reported {
    /// [`Change::Init`].
    Init,
    /// [`Change::InitApply`], not yet extracted.
    InitApply(Object),
    /// [`Change::InitDone`].
    InitDone,
    /// [`Change::Apply`], not yet extracted.
    Apply(Object),
    /// [`Change::Delete`].
    Delete(ObjectKey),
}

/// From this many changes on, a batch is extracted on every core (and, by the watch, off the
/// runtime's threads); smaller ones cost less than handing them over.
pub const PARALLEL_BATCH: usize = 16;

/// Makes a batch of reported changes ready for the store: each object's relations are
/// extracted, on every core for a batch large enough to repay it (a re-list, a burst), so the
/// store's lock is never held for that work.
/// `previous` holds, for each change, the version of its object the store had before the
/// batch ([`Store::previous`]), so that what did not change need not be extracted again.
pub fn prepare(batch: Vec<Reported>, previous: Vec<Option<Arc<Stored>>>) -> Vec<Change> {
    use rayon::prelude::*;
    let stored = |o: Object, old: Option<Arc<Stored>>| match old {
        Some(old) => Stored::after(o, &old),
        None => Stored::new(o),
    };
    let one = |(r, old): (Reported, Option<Arc<Stored>>)| match r {
        Reported::Init => Change::Init,
        Reported::InitApply(o) => Change::InitApply(stored(o, old)),
        Reported::InitDone => Change::InitDone,
        Reported::Apply(o) => Change::Apply(stored(o, old)),
        Reported::Delete(k) => Change::Delete(k),
    };
    let mut previous = previous;
    previous.resize(batch.len(), None);
    let pairs: Vec<(Reported, Option<Arc<Stored>>)> = batch.into_iter().zip(previous).collect();
    if pairs.len() < PARALLEL_BATCH {
        pairs.into_iter().map(one).collect()
    } else {
        pairs.into_par_iter().map(one).collect()
    }
}

/// What a re-list changed: objects not listed again are gone, the others are new or replace
/// the old ones (unless the same version came back).
fn relisted(log: &mut Vec<Delta>, cluster: usize, before: Objects, after: &Objects) {
    for (key, old) in &before {
        if !after.contains_key(key) {
            log.push(Delta::Remove(cluster, old.clone()));
        }
    }
    for (key, new) in after {
        if !before.get(key).is_some_and(|old| old.same_version(new)) {
            log.push(Delta::Upsert(cluster, new.clone()));
        }
    }
}

/// How a watch stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchState {
    /// Listing for the first time.
    Listing,
    /// Listed at least once; watching (or re-listing, with the last list's objects kept).
    Synced,
    /// Forbidden or not served: skipped, with a warning.
    Skipped,
    /// Forbidden cluster-wide; watched namespace by namespace instead (other keys).
    Replaced,
}

/// A watch's objects, in (namespace, name) order: the order graphs are built in, kept as the
/// objects come rather than sorted for each graph.
type Objects = BTreeMap<ObjectKey, Arc<Stored>>;

#[derive(Debug)]
struct Slot {
    objects: Objects,
    /// The objects of a re-list in progress.
    relist: Option<Objects>,
    state: WatchState,
    /// The last error while listing, for the message if the list never completes.
    last_error: Option<String>,
}

/// How a cluster stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClusterState {
    /// Connecting and discovering.
    Connecting,
    /// Discovered; its watches run.
    Watching,
    /// Unreachable or misconfigured: the cause.
    Failed(String),
}

/// Every cluster, every watch, and the objects each watch last reported (see the module
/// documentation).
#[derive(Debug, Default)]
pub struct Store {
    /// Bumped by every change to the objects (and to the set of watches).
    pub version: u64,
    clusters: Vec<(String, ClusterState)>,
    watches: BTreeMap<WatchKey, Slot>,
    /// The changes since they were last taken, once someone tracks them.
    changes: Option<Vec<Delta>>,
}

/// How far the initial sync of one cluster has come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterProgress {
    /// The cluster's context name.
    pub name: String,
    /// How it stands.
    pub state: ClusterState,
    /// Watches that have listed (or were skipped), of all.
    pub settled: usize,
    /// Its watches.
    pub watches: usize,
    /// The objects its watches hold (a re-list in progress included).
    pub objects: usize,
}

impl Store {
    /// Adds a cluster, connecting; returns its index.
    pub fn add_cluster(&mut self, name: &str) -> usize {
        self.clusters
            .push((name.to_string(), ClusterState::Connecting));
        self.clusters.len() - 1
    }

    /// Sets how a cluster stands.
    pub fn set_cluster_state(&mut self, cluster: usize, state: ClusterState) {
        self.clusters[cluster].1 = state;
        self.version += 1;
    }

    /// Every cluster: its index, name and state.
    pub fn cluster_names(&self) -> Vec<(usize, String, ClusterState)> {
        self.clusters
            .iter()
            .enumerate()
            .map(|(i, (n, s))| (i, n.clone(), s.clone()))
            .collect()
    }

    /// Starts recording changes (see [`Store::take_changes`]); the first ones taken are every
    /// object in the store now.
    pub fn track_changes(&mut self) {
        if self.changes.is_none() {
            let now = self
                .objects()
                .into_iter()
                .map(|(c, o)| Delta::Upsert(c, o))
                .collect();
            self.changes = Some(now);
        }
    }

    /// The changes recorded since the last call, in order.
    pub fn take_changes(&mut self) -> Vec<Delta> {
        self.changes
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Starts tracking a watch (a no-op if it is tracked).
    pub fn register(&mut self, key: WatchKey) {
        self.watches.entry(key).or_insert_with(|| Slot {
            objects: Objects::new(),
            relist: None,
            state: WatchState::Listing,
            last_error: None,
        });
    }

    /// Stops tracking a watch and forgets its objects (its resource type is no longer served).
    pub fn remove(&mut self, key: &WatchKey) {
        if let Some(slot) = self.watches.remove(key) {
            if let Some(changes) = &mut self.changes {
                changes.extend(
                    slot.objects
                        .into_values()
                        .map(|o| Delta::Remove(key.cluster, o)),
                );
            }
            self.version += 1;
        }
    }

    /// Sets how a watch stands; a watch skipped or replaced forgets its objects.
    pub fn set_state(&mut self, key: &WatchKey, state: WatchState) {
        if let Some(slot) = self.watches.get_mut(key) {
            slot.state = state;
            if matches!(state, WatchState::Skipped | WatchState::Replaced) {
                let gone = std::mem::take(&mut slot.objects);
                if let Some(changes) = &mut self.changes {
                    changes.extend(gone.into_values().map(|o| Delta::Remove(key.cluster, o)));
                }
                slot.relist = None;
            }
            self.version += 1;
        }
    }

    /// How a watch stands, if it is tracked.
    pub fn state(&self, key: &WatchKey) -> Option<WatchState> {
        self.watches.get(key).map(|s| s.state)
    }

    /// Records a watch's last error while listing (for the message if it never lists).
    pub fn set_error(&mut self, key: &WatchKey, error: String) {
        if let Some(slot) = self.watches.get_mut(key) {
            slot.last_error = Some(error);
        }
    }

    /// For each reported change, the version of its object this watch holds now (`None` for
    /// a deletion or an object it does not hold), for [`prepare`].
    pub fn previous(&self, key: &WatchKey, batch: &[Reported]) -> Vec<Option<Arc<Stored>>> {
        let Some(slot) = self.watches.get(key) else {
            return Vec::new();
        };
        batch
            .iter()
            .map(|r| match r {
                Reported::Apply(o) | Reported::InitApply(o) => slot
                    .objects
                    .get(&(o.namespace.clone(), o.name.clone()))
                    .cloned(),
                _ => None,
            })
            .collect()
    }

    /// Applies a watch's changes, in order. Returns whether any object changed.
    pub fn apply(&mut self, key: &WatchKey, changes: Vec<Change>) -> bool {
        let Some(slot) = self.watches.get_mut(key) else {
            return false; // the watch was stopped meanwhile
        };
        let mut changed = false;
        let log = &mut self.changes;
        let cluster = key.cluster;
        for change in changes {
            match change {
                Change::Init => slot.relist = Some(Objects::new()),
                Change::InitApply(o) => {
                    let key = o.key();
                    slot.relist
                        .get_or_insert_with(Objects::new)
                        .insert(key, Arc::new(o));
                }
                Change::InitDone => {
                    let listed = slot.relist.take().unwrap_or_default();
                    let before = std::mem::replace(&mut slot.objects, listed);
                    if let Some(log) = log {
                        relisted(log, cluster, before, &slot.objects);
                    }
                    if slot.state == WatchState::Listing {
                        slot.state = WatchState::Synced;
                    }
                    slot.last_error = None;
                    changed = true;
                }
                Change::Apply(o) => {
                    let key = o.key();
                    let o = Arc::new(o);
                    if let Some(log) = log {
                        log.push(Delta::Upsert(cluster, o.clone()));
                    }
                    slot.objects.insert(key, o);
                    changed = true;
                }
                Change::Delete(k) => {
                    if let Some(gone) = slot.objects.remove(&k) {
                        if let Some(log) = log {
                            log.push(Delta::Remove(cluster, gone));
                        }
                        changed = true;
                    }
                }
            }
        }
        if changed {
            self.version += 1;
        }
        changed
    }

    /// True when every connecting cluster has connected or failed and every watch has listed
    /// or been skipped: the moment a one-shot command can build its graph.
    pub fn settled(&self) -> bool {
        self.clusters
            .iter()
            .all(|(_, s)| *s != ClusterState::Connecting)
            && self
                .watches
                .values()
                .all(|s| s.state != WatchState::Listing)
    }

    /// How far each cluster's initial sync has come, in cluster order.
    pub fn progress(&self) -> Vec<ClusterProgress> {
        let mut out: Vec<ClusterProgress> = self
            .clusters
            .iter()
            .map(|(name, state)| ClusterProgress {
                name: name.clone(),
                state: state.clone(),
                settled: 0,
                watches: 0,
                objects: 0,
            })
            .collect();
        for (k, s) in &self.watches {
            let p = &mut out[k.cluster];
            p.watches += 1;
            if s.state != WatchState::Listing {
                p.settled += 1;
            }
            p.objects += s.objects.len() + s.relist.as_ref().map_or(0, |r| r.len());
        }
        out
    }

    /// The watches still listing for the first time, with their last error, per cluster.
    pub fn unsettled(&self) -> Vec<(usize, String, Option<String>)> {
        self.watches
            .iter()
            .filter(|(_, s)| s.state == WatchState::Listing)
            .map(|(k, s)| {
                let what = match &k.namespace {
                    Some(ns) => format!("{} in {ns}", k.resource),
                    None => k.resource.to_string(),
                };
                (k.cluster, what, s.last_error.clone())
            })
            .collect()
    }

    /// The watches of a cluster.
    pub fn keys_of(&self, cluster: usize) -> Vec<WatchKey> {
        self.watches
            .keys()
            .filter(|k| k.cluster == cluster)
            .cloned()
            .collect()
    }

    /// Every object of the clusters that are watched, in a fixed order (cluster, resource type,
    /// namespace, name), with its cluster's index.
    pub fn objects(&self) -> Vec<(usize, Arc<Stored>)> {
        let mut out = Vec::with_capacity(self.watches.values().map(|s| s.objects.len()).sum());
        for (k, slot) in &self.watches {
            out.extend(slot.objects.values().map(|o| (k.cluster, o.clone())));
        }
        out
    }

    /// How many objects the watches hold.
    pub fn object_count(&self) -> usize {
        self.watches.values().map(|s| s.objects.len()).sum()
    }
}
