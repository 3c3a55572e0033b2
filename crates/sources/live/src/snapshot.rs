//! From the store to a graph: every watched cluster becomes a cluster node, its objects are
//! inserted (shared with the store, not copied), and relations are resolved from what each
//! object's [`Extracted`] says, which was read out of it when its
//! watch reported it. So a new graph costs index lookups and insertions, never JSON work
//! (relations never cross clusters). Events are kept with bounded retention: the newest
//! `max_events` per cluster.

use crate::store::{Delta, Stored};
use kubegraph_graph::{ClusterId, Graph, NodeId};
use kubegraph_relations::{Extracted, Incremental};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A graph built from the store at one version of it.
pub struct Snapshot {
    /// Shared: a published graph is read by every query that asks for it, never copied.
    pub graph: Arc<Graph>,
    /// The store version the graph reflects.
    pub version: u64,
    /// Objects in the graph (after event retention).
    pub objects: usize,
}

/// Builds the graph of `clusters` (index, name) from their objects.
pub fn build_graph(
    clusters: &[(usize, String)],
    objects: Vec<(usize, Arc<Stored>)>,
    max_events: usize,
) -> (Graph, usize) {
    let started = std::time::Instant::now();
    let stored = retain_events(objects, max_events);
    let mut graph = Graph::new();
    // Objects, and about as many containers, images and placeholders again.
    graph.reserve_nodes(stored.len() * 3 / 2);
    let mut ids = Vec::new();
    for (i, name) in clusters {
        ids.push((*i, graph.add_cluster(name)));
    }
    // A later object of the same identity replaces an earlier one in place (as for files), and
    // so does its extraction. New nodes get increasing ids, so `extracted` stays sorted by node.
    let mut extracted: Vec<(NodeId, &Extracted)> = Vec::with_capacity(stored.len());
    for (cluster, s) in &stored {
        if let Some((_, id)) = ids.iter().find(|(i, _)| i == cluster) {
            let (node, replaced) = graph.insert_shared(*id, s.object.clone());
            match extracted.binary_search_by_key(&node, |(n, _)| *n) {
                Ok(i) => extracted[i].1 = &s.extracted,
                // At the end, unless an object took the identity of a node made before it.
                Err(at) => extracted.insert(at, (node, &s.extracted)),
            }
            debug_assert!(replaced || extracted.last().map(|(n, _)| *n) == Some(node));
        }
    }
    let count = graph.nodes().len() - ids.len();
    tracing::debug!(objects = count, elapsed = ?started.elapsed(), "objects inserted");
    kubegraph_relations::build_extracted(&mut graph, &extracted);
    graph.index_edges();
    tracing::debug!(objects = count, elapsed = ?started.elapsed(), "graph built");
    (graph, count)
}

/// One graph kept current from the store's changes ([`Delta`]s), equal at every step to the
/// one [`build_graph`] assembles from the same objects: what a running source publishes from.
///
/// One difference is left on purpose: if two watched resource types held an object of the same
/// identity, this graph would show the one changed last, an assembled one the later in store
/// order. Only preferred versions are watched, so no two types share a kind and group.
pub struct Maintained {
    graph: Incremental,
    /// Store cluster index → graph cluster.
    clusters: FxHashMap<usize, ClusterId>,
    /// Events per cluster: the newest `max_events` are in the graph, the rest wait.
    events: FxHashMap<usize, Retained>,
    max_events: usize,
    objects: usize,
    /// Changes of clusters not added yet (a watch may report before its cluster is marked as
    /// watched), applied when they are.
    pending: Vec<Delta>,
}

/// An event's place in retention: newest first, then by namespace and name (as
/// [`retain_events`] orders them), then group (core and `events.k8s.io` events may share names).
type EventKey = (std::cmp::Reverse<String>, Option<String>, String, String);

#[derive(Default)]
struct Retained {
    kept: BTreeMap<EventKey, Arc<Stored>>,
    waiting: BTreeMap<EventKey, Arc<Stored>>,
    /// The key of each event, by identity.
    keys: FxHashMap<(Option<String>, String, String), EventKey>,
}

fn event_key(s: &Stored) -> EventKey {
    (
        std::cmp::Reverse(s.event_time.clone().unwrap_or_default()),
        s.object.namespace.clone(),
        s.object.name.clone(),
        s.object.group.clone(),
    )
}

fn event_identity(s: &Stored) -> (Option<String>, String, String) {
    (
        s.object.namespace.clone(),
        s.object.name.clone(),
        s.object.group.clone(),
    )
}

impl Maintained {
    /// An empty graph, keeping at most `max_events` events per cluster.
    pub fn new(max_events: usize) -> Self {
        Maintained {
            graph: Incremental::new(),
            clusters: FxHashMap::default(),
            events: FxHashMap::default(),
            max_events,
            objects: 0,
            pending: Vec::new(),
        }
    }

    /// The graph as it stands.
    pub fn graph(&self) -> &Graph {
        self.graph.graph()
    }

    /// Objects in the graph (after event retention).
    pub fn objects(&self) -> usize {
        self.objects
    }

    /// Adds the clusters (index, name) not in the graph yet, in order.
    pub fn add_clusters(&mut self, clusters: &[(usize, String)]) {
        let mut added = false;
        for (i, name) in clusters {
            if !self.clusters.contains_key(i) {
                let id = self.graph.add_cluster(name);
                self.clusters.insert(*i, id);
                added = true;
            }
        }
        if added && !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.apply(pending);
        }
    }

    /// Applies the store's changes, in order. Changes of clusters not added yet wait until
    /// they are (a graph only has the clusters being watched).
    pub fn apply(&mut self, mut deltas: Vec<Delta>) {
        let known = |d: &Delta| match d {
            Delta::Upsert(c, _) | Delta::Remove(c, _) => self.clusters.contains_key(c),
        };
        if !deltas.iter().all(known) {
            let (now, later): (Vec<Delta>, Vec<Delta>) = deltas.into_iter().partition(known);
            self.pending.extend(later);
            deltas = now;
        }
        // Only additions (the first catch-up, a re-list): in an order where what is referred to
        // comes before what refers to it, so that fewer objects resolve twice (once to a
        // placeholder, again when their target arrives). The order of distinct objects does
        // not change the graph, and a stable sort keeps one object's versions in order.
        if deltas.len() > 64 && deltas.iter().all(|d| matches!(d, Delta::Upsert(..))) {
            deltas.sort_by_key(|d| match d {
                Delta::Upsert(_, s) | Delta::Remove(_, s) => referral_rank(&s.object),
            });
        }
        for delta in deltas {
            match delta {
                Delta::Upsert(c, s) if s.is_event() => self.event(c, Some(s), None),
                Delta::Remove(c, s) if s.is_event() => self.event(c, None, Some(s)),
                Delta::Upsert(c, s) => self.upsert(c, &s),
                Delta::Remove(c, s) => self.remove(c, &s),
            }
        }
    }

    fn upsert(&mut self, cluster: usize, s: &Stored) {
        let Some(&id) = self.clusters.get(&cluster) else {
            return;
        };
        let new = self.graph.upsert(id, s.object.clone(), s.extracted.clone());
        self.objects += usize::from(new);
    }

    fn remove(&mut self, cluster: usize, s: &Stored) {
        let Some(&id) = self.clusters.get(&cluster) else {
            return;
        };
        let o = &s.object;
        if self
            .graph
            .remove(id, &o.group, &o.kind, o.namespace.as_deref(), &o.name)
        {
            self.objects -= 1;
        }
    }

    /// An event appeared, changed or went: the graph keeps the newest `max_events`.
    fn event(&mut self, cluster: usize, new: Option<Arc<Stored>>, old: Option<Arc<Stored>>) {
        if !self.clusters.contains_key(&cluster) {
            return;
        }
        let max = self.max_events;
        let identity = event_identity(new.as_deref().or(old.as_deref()).expect("a change"));
        let r = self.events.entry(cluster).or_default();
        // The events whose place may change: compared before and after.
        let mut touched: Vec<Arc<Stored>> = Vec::new();
        if let Some(key) = r.keys.remove(&identity) {
            if let Some(gone) = r.kept.remove(&key) {
                touched.push(gone);
                if let Some((k, next)) = r.waiting.pop_first() {
                    touched.push(next.clone());
                    r.kept.insert(k, next);
                }
            } else {
                r.waiting.remove(&key);
            }
        }
        if let Some(s) = new {
            let key = event_key(&s);
            r.keys.insert(identity.clone(), key.clone());
            touched.push(s.clone());
            r.kept.insert(key, s);
            if r.kept.len() > max {
                let (k, worst) = r.kept.pop_last().expect("over the limit");
                touched.push(worst.clone());
                r.waiting.insert(k, worst);
            }
        }
        let in_graph = |r: &Retained, s: &Stored| {
            r.kept
                .get(&event_key(s))
                .is_some_and(|kept| std::ptr::eq(&**kept, s))
        };
        let (stay, leave): (Vec<_>, Vec<_>) = touched.into_iter().partition(|s| in_graph(r, s));
        for s in leave {
            // Unless its identity stays with another version.
            if !stay.iter().any(|k| event_identity(k) == event_identity(&s)) {
                self.remove(cluster, &s);
            }
        }
        for s in stay {
            self.upsert(cluster, &s);
        }
    }
}

/// Where an object comes in a batch of additions: namespaces, then cluster-scoped objects
/// (nodes, classes, volumes, cluster roles), then what workloads refer to (config, secrets,
/// accounts, claims, services), then workloads, then what they own, then pods.
fn referral_rank(o: &kubegraph_model::Object) -> u8 {
    match (o.group.as_str(), o.kind.as_str(), o.namespace.is_some()) {
        ("", "Namespace", _) => 0,
        (_, _, false) => 1,
        (
            "",
            "ConfigMap" | "Secret" | "ServiceAccount" | "PersistentVolumeClaim" | "Service",
            _,
        ) => 2,
        ("apps", "ReplicaSet", _) | ("batch", "Job", _) => 4,
        ("", "Pod", _) => 5,
        _ => 3,
    }
}

/// Keeps every object but Events, and of Events the newest `max` per cluster (ties broken by
/// namespace and name, so the choice is the same for the same objects).
fn retain_events(objects: Vec<(usize, Arc<Stored>)>, max: usize) -> Vec<(usize, Arc<Stored>)> {
    let mut per_cluster: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (c, o) in &objects {
        if o.is_event() {
            *per_cluster.entry(*c).or_default() += 1;
        }
    }
    if per_cluster.values().all(|&n| n <= max) {
        return objects;
    }
    let (mut events, mut rest): (Vec<_>, Vec<_>) =
        objects.into_iter().partition(|(_, o)| o.is_event());
    events.sort_by(|(ca, a), (cb, b)| {
        ca.cmp(cb)
            .then_with(|| b.event_time.cmp(&a.event_time))
            .then_with(|| (a.namespace(), a.name()).cmp(&(b.namespace(), b.name())))
    });
    let mut kept: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for (c, o) in events {
        let n = kept.entry(c).or_default();
        if *n < max {
            *n += 1;
            rest.push((c, o));
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubegraph_model::Object;

    fn stored(v: sonic_rs::Value) -> Arc<Stored> {
        Arc::new(Stored::new(Object::from_value(v).unwrap()))
    }

    fn event(name: &str, last: &str) -> Arc<Stored> {
        stored(sonic_rs::json!({
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"name": name, "namespace": "a", "creationTimestamp": "2020-01-01T00:00:00Z"},
            "lastTimestamp": last,
        }))
    }

    #[test]
    fn changes_reported_before_their_cluster_is_watched_wait_for_it() {
        let pod = |name: &str| {
            stored(sonic_rs::json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": name, "namespace": "a"}}))
        };
        let mut m = Maintained::new(10);
        m.add_clusters(&[(0, "first".to_string())]);
        m.apply(vec![
            Delta::Upsert(1, pod("early")),
            Delta::Upsert(0, pod("p")),
            Delta::Upsert(1, pod("gone")),
            Delta::Remove(1, pod("gone")),
        ]);
        assert_eq!(m.objects(), 1);
        m.add_clusters(&[(0, "first".to_string()), (1, "second".to_string())]);
        assert_eq!(m.objects(), 2);
        let g = m.graph();
        let second = g.clusters().find(|(_, n, _)| *n == "second").unwrap().0;
        assert!(g.lookup(second, "", "Pod", Some("a"), "early").is_some());
        assert!(g.lookup(second, "", "Pod", Some("a"), "gone").is_none());
    }

    #[test]
    fn the_newest_events_are_kept_per_cluster() {
        let pod = stored(
            sonic_rs::json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "a"}}),
        );
        let objects = vec![
            (0, event("old", "2026-01-01T00:00:00Z")),
            (0, event("new", "2026-01-03T00:00:00Z")),
            (0, event("mid", "2026-01-02T00:00:00Z")),
            (1, event("other", "2020-01-01T00:00:00Z")),
            (0, pod),
        ];
        let kept = retain_events(objects, 2);
        let mut names: Vec<(usize, &str)> = kept.iter().map(|(c, o)| (*c, o.name())).collect();
        names.sort();
        assert_eq!(names, vec![(0, "mid"), (0, "new"), (0, "p"), (1, "other")]);
    }
}
