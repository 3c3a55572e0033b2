//! From the store to a graph: every watched cluster becomes a cluster node, its objects are
//! inserted (shared with the store, not copied), and relations are resolved from what each
//! object's [`Extracted`](kubegraph_relations::Extracted) says, which was read out of it when its
//! watch reported it. So a new graph costs index lookups and insertions, never JSON work
//! (relations never cross clusters). Events are kept with bounded retention: the newest
//! `max_events` per cluster.

use crate::store::Stored;
use kubegraph_graph::{Graph, NodeId};
use kubegraph_relations::Extracted;
use std::sync::Arc;

/// A graph built from the store at one version of it.
pub struct Snapshot {
    pub graph: Graph,
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
