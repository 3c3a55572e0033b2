//! `GET /api/v1/events`: the change feed as Server-Sent Events. Each event is one batch of
//! changes (`event: changes`), its id `EPOCH:SEQ`; a client that reconnects with
//! `Last-Event-ID` (browsers do it on their own) gets what it missed, or a `reset` when that is
//! no longer kept or it comes from an earlier life of the server. A comment every 15 s keeps
//! proxies from closing a quiet stream.

use crate::feed::Next;
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::stream::{self, Stream};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

/// How often a quiet stream says it is alive.
pub const HEARTBEAT: Duration = Duration::from_secs(15);

/// Where a client resumes: after `seq` of this server's life, or from now.
fn resume_point(state: &AppState, headers: &HeaderMap) -> Result<u64, ()> {
    let Some(id) = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
    else {
        return Ok(state.feed.latest());
    };
    match id.split_once(':') {
        Some((epoch, seq)) if epoch == state.epoch => seq.parse().map_err(|_| ()),
        _ => Err(()),
    }
}

/// The change feed as Server-Sent Events: `changes` (a batch: `{seq, version, at, changes:
/// [{type: node_added | node_changed | node_removed | health_changed | edge_added |
/// edge_removed, …}]}`) and `reset` (refetch everything: too much changed, or the client fell
/// too far behind).
#[utoipa::path(get, path = "/api/v1/events", tag = "live",
    params(("Last-Event-ID" = Option<String>, Header, description = "resume after this event")),
    responses((status = 200, description = "text/event-stream of `changes` and `reset` events", content_type = "text/event-stream", body = crate::feed::Batch)))]
pub async fn events(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    struct Reader {
        state: Arc<AppState>,
        after: u64,
        pending: std::collections::VecDeque<Event>,
        news: tokio::sync::watch::Receiver<u64>,
        stopping: tokio::sync::watch::Receiver<bool>,
    }
    let news = state.feed.subscribe();
    let stopping = state.stopping.clone();
    let mut pending = std::collections::VecDeque::new();
    let after = match resume_point(&state, &headers) {
        Ok(after) => after,
        Err(()) => {
            let latest = state.feed.latest();
            pending.push_back(reset(&state, latest));
            latest
        }
    };
    let reader = Reader {
        state,
        after,
        pending,
        news,
        stopping,
    };
    let stream = stream::unfold(reader, |mut r| async move {
        loop {
            if let Some(e) = r.pending.pop_front() {
                return Some((Ok(e), r));
            }
            if *r.stopping.borrow() {
                return None;
            }
            match r.state.feed.after(r.after) {
                Next::Reset(to) => {
                    r.after = to;
                    r.pending.push_back(reset(&r.state, to));
                }
                Next::Batches(batches) if !batches.is_empty() => {
                    for b in batches {
                        r.after = b.seq;
                        r.pending.push_back(if b.reset {
                            reset(&r.state, b.seq)
                        } else {
                            Event::default()
                                .event("changes")
                                .id(format!("{}:{}", r.state.epoch, b.seq))
                                .data(&b.json)
                        });
                    }
                }
                Next::Batches(_) => {
                    tokio::select! {
                        changed = r.news.changed() => if changed.is_err() { return None },
                        _ = r.stopping.changed() => {}
                    }
                }
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(HEARTBEAT).text("heartbeat"))
}

fn reset(state: &AppState, seq: u64) -> Event {
    Event::default()
        .event("reset")
        .id(format!("{}:{}", state.epoch, seq))
        .data(format!("{{\"seq\":{seq}}}"))
}
