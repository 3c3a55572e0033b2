//! Object storage with history, like etcd: one global revision counter, every write a new
//! revision, and old revisions kept until [`Store::compact`] so that a list can be paged from a
//! consistent snapshot and a watch can resume from any revision not yet compacted.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use serde_json::{json, Value};

use crate::registry::StoreKey;

/// `(namespace, name)`; the namespace is empty for cluster-scoped objects. Ordered the way etcd
/// orders keys, which is the order lists return items in.
pub(crate) type ObjectKey = (String, String);

/// One revision of one object; `None` is the tombstone a delete leaves.
struct Revision {
    rv: u64,
    object: Option<Arc<Stored>>,
}

/// The revisions of one key. The latest is kept inline in the map's node, so that a list,
/// which usually reads it, does not chase a pointer per key (that cache miss dominated paging
/// through tens of thousands of objects).
struct History {
    latest: Revision,
    /// Older revisions, oldest first, until compaction.
    older: Vec<Revision>,
}

impl History {
    fn at(&self, rv: u64) -> Option<&Arc<Stored>> {
        if self.latest.rv <= rv {
            return self.latest.object.as_ref();
        }
        let i = self.older.partition_point(|r| r.rv <= rv);
        self.older[..i].last()?.object.as_ref()
    }

    fn push(&mut self, revision: Revision) {
        let previous = std::mem::replace(&mut self.latest, revision);
        self.older.push(previous);
    }

    /// Forgets revisions older than `floor` that a read at `floor` or later cannot see. Returns
    /// whether anything is left.
    fn compact(&mut self, floor: u64) -> bool {
        if self.latest.rv <= floor {
            self.older.clear();
            return self.latest.object.is_some();
        }
        let visible = self.older.partition_point(|r| r.rv <= floor);
        // Keep the newest revision at or before the floor (what a read at the floor sees),
        // unless it is a tombstone, which reads the same as nothing.
        let keep_from = visible.saturating_sub(1);
        self.older.drain(..keep_from);
        if self
            .older
            .first()
            .is_some_and(|r| r.rv <= floor && r.object.is_none())
        {
            self.older.remove(0);
        }
        true
    }
}

/// A stored object, with its JSON serialized once, on first use, for every list page and watch
/// event that carries it (serializing on each request would make the server, not the client
/// under test, the bottleneck of a benchmark).
pub(crate) struct Stored {
    pub(crate) value: Value,
    /// The object without `kind` and `apiVersion`: a list item, and the body of every view.
    item: OnceLock<Bytes>,
    /// Its `metadata` alone.
    metadata: OnceLock<Bytes>,
}

impl Stored {
    pub(crate) fn new(value: Value) -> Stored {
        Stored {
            value,
            item: OnceLock::new(),
            metadata: OnceLock::new(),
        }
    }

    pub(crate) fn item_json(&self) -> &Bytes {
        self.item.get_or_init(|| {
            let json = match self.value.as_object() {
                Some(fields) => serde_json::to_vec(&WithoutTypeMeta(fields)),
                None => serde_json::to_vec(&self.value),
            };
            Bytes::from(json.expect("JSON values serialize"))
        })
    }

    pub(crate) fn metadata_json(&self) -> &Bytes {
        self.metadata.get_or_init(|| {
            Bytes::from(serde_json::to_vec(&self.value["metadata"]).expect("JSON values serialize"))
        })
    }
}

/// An object's fields but `kind` and `apiVersion`, serialized without copying the object.
struct WithoutTypeMeta<'a>(&'a serde_json::Map<String, Value>);

impl serde::Serialize for WithoutTypeMeta<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (key, value) in self.0 {
            if key != "kind" && key != "apiVersion" {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EventType {
    Added,
    Modified,
    Deleted,
}

impl EventType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventType::Added => "ADDED",
            EventType::Modified => "MODIFIED",
            EventType::Deleted => "DELETED",
        }
    }
}

/// A change, as watches see it. `object` carries its new `resourceVersion` (for a delete, the
/// final state of the object stamped with the delete's revision).
#[derive(Clone)]
pub(crate) struct Event {
    pub(crate) rv: u64,
    pub(crate) store: StoreKey,
    pub(crate) key: ObjectKey,
    pub(crate) kind: EventType,
    pub(crate) object: Arc<Stored>,
    /// The object before the change (none for a creation): a watch with a label selector turns
    /// a change that moves an object in or out of its selection into `ADDED` or `DELETED`.
    pub(crate) previous: Option<Arc<Stored>>,
}

#[derive(Default)]
pub(crate) struct Store {
    /// The latest revision handed out (etcd's "current revision").
    pub(crate) rv: u64,
    /// Revisions before this one are forgotten; 0 while nothing was compacted.
    pub(crate) compacted: u64,
    objects: HashMap<StoreKey, BTreeMap<ObjectKey, History>>,
    /// Every event after `compacted`, in revision order.
    log: Vec<Event>,
    uids: u64,
}

impl Store {
    /// Writes `object` (whose `metadata` the caller made an object) as the newest revision of
    /// its key: stamps `resourceVersion`, and keeps the stored `uid` and `creationTimestamp` (or
    /// makes them when absent), as an update on a real server does.
    pub(crate) fn put(&mut self, store: StoreKey, key: ObjectKey, mut object: Value) -> Event {
        self.rv += 1;
        let rv = self.rv;
        let objects = self.objects.entry(store.clone()).or_default();
        let previous = objects.get(&key).and_then(|h| h.latest.object.clone());
        let meta = object["metadata"]
            .as_object_mut()
            .expect("caller checked metadata");
        meta.insert("resourceVersion".into(), json!(rv.to_string()));
        for field in ["uid", "creationTimestamp"] {
            let kept = previous
                .as_ref()
                .and_then(|p| p.value["metadata"].get(field))
                .cloned();
            match kept {
                Some(value) => {
                    meta.insert(field.into(), value);
                }
                None if !meta.contains_key(field) => {
                    let value = if field == "uid" {
                        self.uids += 1;
                        json!(format!("00000000-0000-4000-8000-{:012x}", self.uids))
                    } else {
                        json!(now_rfc3339())
                    };
                    meta.insert(field.into(), value);
                }
                None => {}
            }
        }
        let object = Arc::new(Stored::new(object));
        let revision = Revision {
            rv,
            object: Some(object.clone()),
        };
        match objects.get_mut(&key) {
            Some(history) => history.push(revision),
            None => {
                objects.insert(
                    key.clone(),
                    History {
                        latest: revision,
                        older: Vec::new(),
                    },
                );
            }
        }
        let kind = if previous.is_some() {
            EventType::Modified
        } else {
            EventType::Added
        };
        self.log(Event {
            rv,
            store,
            key,
            kind,
            object,
            previous,
        })
    }

    /// Deletes the object at `key`, if it exists now.
    pub(crate) fn delete(&mut self, store: StoreKey, key: ObjectKey) -> Option<Event> {
        let history = self.objects.get_mut(&store)?.get_mut(&key)?;
        let previous = history.latest.object.clone()?;
        let mut last = previous.value.clone();
        self.rv += 1;
        let rv = self.rv;
        last["metadata"]["resourceVersion"] = json!(rv.to_string());
        history.push(Revision { rv, object: None });
        Some(self.log(Event {
            rv,
            store,
            key,
            kind: EventType::Deleted,
            object: Arc::new(Stored::new(last)),
            previous: Some(previous),
        }))
    }

    fn log(&mut self, event: Event) -> Event {
        self.log.push(event.clone());
        event
    }

    /// Drops every object of a store at once (a CRD deleted), leaving no events: watches of it
    /// are ended by the caller, as the real server ends them.
    pub(crate) fn drop_store(&mut self, store: &StoreKey) {
        self.objects.remove(store);
        self.log.retain(|e| &e.store != store);
    }

    /// The object at `key` as of `rv`.
    pub(crate) fn get(&self, store: &StoreKey, key: &ObjectKey, rv: u64) -> Option<Arc<Stored>> {
        let history = self.objects.get(store)?.get(key)?;
        history.at(rv).cloned()
    }

    /// Objects of `store` as of `rv`, in key order, after `start_after` (exclusive), limited to
    /// `namespace` when given.
    pub(crate) fn snapshot<'a>(
        &'a self,
        store: &StoreKey,
        namespace: Option<&'a str>,
        rv: u64,
        start_after: Option<&ObjectKey>,
    ) -> impl Iterator<Item = (&'a ObjectKey, &'a Arc<Stored>)> + 'a {
        use std::ops::Bound;
        let lower = match (start_after, namespace) {
            (Some(key), _) => Bound::Excluded(key.clone()),
            (None, Some(ns)) => Bound::Included((ns.to_string(), String::new())),
            (None, None) => Bound::Unbounded,
        };
        self.objects
            .get(store)
            .into_iter()
            .flat_map(move |objects| objects.range((lower.clone(), Bound::Unbounded)))
            .take_while(move |(key, _)| namespace.is_none_or(|ns| key.0 == ns))
            .filter_map(move |(key, history)| history.at(rv).map(|object| (key, object)))
    }

    /// Events after revision `rv`, oldest first.
    pub(crate) fn events_after(&self, rv: u64) -> &[Event] {
        let start = self.log.partition_point(|e| e.rv <= rv);
        &self.log[start..]
    }

    /// Forgets history as the API server's compactor does: it first writes its own key (so the
    /// revision moves on by one, with no event), then compacts etcd at that revision. Anything
    /// asking for an older revision afterwards gets 410 Gone.
    pub(crate) fn compact(&mut self) {
        self.rv += 1;
        self.compacted = self.rv;
        let keep_from = self.compacted;
        for objects in self.objects.values_mut() {
            objects.retain(|_, history| history.compact(keep_from));
        }
        self.log.retain(|e| e.rv > keep_from);
    }
}

/// The current time as Kubernetes writes timestamps (`2024-05-01T12:00:00Z`).
pub(crate) fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    // Whole seconds, as the API server writes them.
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(ns: &str, name: &str) -> ObjectKey {
        (ns.into(), name.into())
    }

    fn pods() -> StoreKey {
        (String::new(), "pods".into())
    }

    #[test]
    fn now_is_written_as_kubernetes_writes_timestamps() {
        let now = now_rfc3339();
        assert_eq!(now.len(), "2024-01-01T00:00:00Z".len(), "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }

    #[test]
    fn snapshots_see_the_past_until_compacted() {
        let mut store = Store::default();
        store.put(pods(), key("a", "p1"), json!({"metadata": {"name": "p1"}}));
        store.put(pods(), key("b", "p2"), json!({"metadata": {"name": "p2"}}));
        let rv = store.rv;
        store.delete(pods(), key("a", "p1")).unwrap();
        store.put(pods(), key("a", "p0"), json!({"metadata": {"name": "p0"}}));
        let names = |store: &Store, ns: Option<&str>, rv: u64| -> Vec<String> {
            store
                .snapshot(&pods(), ns, rv, None)
                .map(|(k, _)| k.1.clone())
                .collect()
        };
        assert_eq!(names(&store, None, rv), vec!["p1", "p2"]);
        assert_eq!(names(&store, None, store.rv), vec!["p0", "p2"]);
        assert_eq!(names(&store, Some("a"), store.rv), vec!["p0"]);
        assert_eq!(store.events_after(rv).len(), 2);
        store.compact();
        assert_eq!(store.compacted, 5);
        assert_eq!(names(&store, None, store.rv), vec!["p0", "p2"]);
        assert!(store.events_after(rv).is_empty());
    }
}
