//! Open watch streams: who watches what, how events and bookmarks reach them, and the chunked
//! body each one is.
//!
//! Events are rendered and queued while the state lock is held, by the same code that stores
//! the change, so a watch sees changes in revision order and a bookmark never claims a revision
//! whose events are still to come.

use std::sync::{Arc, Weak};
use std::time::Duration;

use axum::body::Bytes;
use serde_json::json;
use tokio::sync::mpsc;

use crate::labels::LabelSelector;
use crate::registry::StoreKey;
use crate::render::{event_line, event_line_raw, View};
use crate::store::{Event, EventType, ObjectKey, Stored};
use crate::{Inner, State};

/// What a watch stream receives.
pub(crate) enum WatchMessage {
    /// One event, a full JSON line.
    Line(Bytes),
    /// Cut the connection; `after_flush` first lets what was queued reach the socket (hyper
    /// writes out its buffer only while the body has nothing new).
    Abort { after_flush: bool },
}

/// What one watch asked for.
pub(crate) struct Filter {
    pub(crate) store: StoreKey,
    pub(crate) namespace: Option<String>,
    /// From a `metadata.name=` field selector.
    pub(crate) name: Option<String>,
    pub(crate) labels: LabelSelector,
    pub(crate) view: View,
    pub(crate) bookmarks: bool,
}

impl Filter {
    /// Whether an object at `key` with this content is in the watch's selection.
    pub(crate) fn selects(&self, key: &ObjectKey, object: &Stored) -> bool {
        self.namespace.as_ref().is_none_or(|ns| *ns == key.0)
            && self.name.as_ref().is_none_or(|n| *n == key.1)
            && self.labels.matches(&object.value)
    }

    /// What this watch sees of a change, if anything: as in the real server's watch cache, an
    /// update that moves an object into the selection is `ADDED`, out of it `DELETED`.
    pub(crate) fn translate(&self, event: &Event) -> Option<EventType> {
        if event.store != self.store {
            return None;
        }
        let now = event.kind != EventType::Deleted && self.selects(&event.key, &event.object);
        let before = event
            .previous
            .as_ref()
            .is_some_and(|p| self.selects(&event.key, p));
        match (before, now) {
            (true, true) => Some(EventType::Modified),
            (false, true) => Some(EventType::Added),
            (true, false) => Some(EventType::Deleted),
            (false, false) => None,
        }
    }
}

struct Watcher {
    id: u64,
    filter: Filter,
    tx: mpsc::UnboundedSender<WatchMessage>,
}

#[derive(Default)]
pub(crate) struct Watchers {
    open: Vec<Watcher>,
    next_id: u64,
}

impl Watchers {
    pub(crate) fn add(&mut self, filter: Filter, tx: mpsc::UnboundedSender<WatchMessage>) -> u64 {
        self.next_id += 1;
        self.open.push(Watcher {
            id: self.next_id,
            filter,
            tx,
        });
        self.next_id
    }

    fn remove(&mut self, id: u64) {
        self.open.retain(|w| w.id != id);
    }

    pub(crate) fn len(&self) -> usize {
        self.open.len()
    }

    pub(crate) fn streams(&self) -> std::collections::BTreeSet<(StoreKey, Option<String>)> {
        self.open
            .iter()
            .map(|w| (w.filter.store.clone(), w.filter.namespace.clone()))
            .collect()
    }

    /// Cuts every open watch; with `mid_event`, after the first half of an event line, as a
    /// connection that breaks mid-chunk leaves the client with a truncated line.
    pub(crate) fn abort_all(&mut self, mid_event: Option<u64>) {
        for watcher in self.open.drain(..) {
            if let Some(rv) = mid_event {
                let line = bookmark_line(&watcher.filter.view, rv, false);
                let _ = watcher
                    .tx
                    .send(WatchMessage::Line(line.slice(..line.len() / 2)));
            }
            let _ = watcher.tx.send(WatchMessage::Abort {
                after_flush: mid_event.is_some(),
            });
        }
    }

    /// Ends (cleanly) the watches of a store that stopped being served.
    pub(crate) fn end_store(&mut self, store: &StoreKey) {
        self.open.retain(|w| w.filter.store != *store);
    }
}

/// A `BOOKMARK` event at revision `rv`, in the form the watch asked for.
pub(crate) fn bookmark_line(view: &View, rv: u64, initial_events_end: bool) -> Bytes {
    let (kind, api_version) = view.type_meta();
    let mut metadata = json!({"resourceVersion": rv.to_string()});
    if initial_events_end {
        metadata["annotations"] = json!({"k8s.io/initial-events-end": "true"});
    }
    event_line(
        "BOOKMARK",
        &json!({"kind": kind, "apiVersion": api_version, "metadata": metadata}),
    )
}

/// Sends a stored change to every watch it matches. A watch whose client went away is
/// dropped here.
pub(crate) fn dispatch(state: &mut State, event: &Event) {
    state.watchers.open.retain(|w| {
        let Some(kind) = w.filter.translate(event) else {
            return true;
        };
        let line = event_line_raw(kind.as_str(), |out| {
            w.filter.view.object_json(&event.object, out)
        });
        w.tx.send(WatchMessage::Line(line)).is_ok()
    });
}

/// Sends every bookmarking watch a `BOOKMARK` at the current revision, every
/// `bookmark_interval_ms`, for as long as the server exists.
pub(crate) async fn send_bookmarks(inner: Weak<Inner>) {
    loop {
        let interval = match inner.upgrade() {
            Some(inner) => inner
                .bookmark_interval_ms
                .load(std::sync::atomic::Ordering::Relaxed),
            None => return,
        };
        tokio::time::sleep(Duration::from_millis(interval)).await;
        let Some(inner) = inner.upgrade() else { return };
        let mut state = inner.lock();
        let rv = state.store.rv;
        state.watchers.open.retain(|w| {
            !w.filter.bookmarks
                || w.tx
                    .send(WatchMessage::Line(bookmark_line(&w.filter.view, rv, false)))
                    .is_ok()
        });
    }
}

/// Deregisters its watch when the response body is dropped (client gone, timeout reached).
struct Registration {
    inner: Weak<Inner>,
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.upgrade() {
            inner.lock().watchers.remove(self.id);
        }
    }
}

/// The body of a watch response: queued lines until the channel closes, the timeout passes, or
/// an abort, which ends the body with an error so hyper cuts the connection.
pub(crate) fn body(
    inner: &Arc<Inner>,
    id: Option<u64>,
    rx: mpsc::UnboundedReceiver<WatchMessage>,
    timeout: Option<Duration>,
) -> axum::body::Body {
    struct Open {
        rx: mpsc::UnboundedReceiver<WatchMessage>,
        deadline: Option<tokio::time::Instant>,
        _registration: Option<Registration>,
    }
    let open = Open {
        rx,
        deadline: timeout.map(|t| tokio::time::Instant::now() + t),
        _registration: id.map(|id| Registration {
            inner: Arc::downgrade(inner),
            id,
        }),
    };
    let stream = futures::stream::unfold(Some(open), |open| async move {
        let mut open = open?;
        let message = match open.deadline {
            Some(deadline) => tokio::select! {
                m = open.rx.recv() => m,
                _ = tokio::time::sleep_until(deadline) => None,
            },
            None => open.rx.recv().await,
        };
        if let WatchMessage::Abort { after_flush: true } = message.as_ref()? {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        match message? {
            WatchMessage::Line(line) => Some((Ok(line), Some(open))),
            WatchMessage::Abort { .. } => Some((
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionAborted,
                    "watch dropped by the test API server",
                )),
                None,
            )),
        }
    });
    axum::body::Body::from_stream(stream)
}
