//! The change feed behind `GET /api/v1/events`: each published snapshot's changes are one batch
//! with a sequence number, kept in a bounded log that every client reads at its own pace. A
//! client that asks to resume (`Last-Event-ID`) from a batch the log no longer holds, or that
//! falls that far behind, gets a `reset` and refetches; a slow client holds up no one, since
//! nothing is written per client but what its own connection takes.

use kubegraph_app::changes::Change;
use kubegraph_health::time::Timestamp;
use serde::Serialize;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use tokio::sync::watch;
use utoipa::ToSchema;

/// How many batches the log keeps.
pub const LOG_BATCHES: usize = 1024;

/// A batch larger than this is sent as a `reset`: refetching is cheaper than applying it.
pub const MAX_CHANGES: usize = 5000;

/// One published snapshot's changes.
#[derive(Debug, Serialize, ToSchema)]
pub struct Batch {
    /// Its sequence number: one more than the batch before.
    pub seq: u64,
    /// The live store's version the new snapshot reflects.
    pub version: u64,
    /// When it was published.
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    /// What changed; empty for a reset.
    #[schema(value_type = Vec<Object>)]
    pub changes: Vec<Change>,
    /// Too much changed to send: refetch.
    pub reset: bool,
    /// The batch as JSON, made once however many clients read it.
    #[serde(skip)]
    pub json: String,
}

/// The log and its latest sequence number.
pub struct Feed {
    log: Mutex<VecDeque<Arc<Batch>>>,
    latest: watch::Sender<u64>,
}

/// What a reader gets next.
pub enum Next {
    /// Batches after the one it had, in order.
    Batches(Vec<Arc<Batch>>),
    /// It is too far behind: a reset to this sequence number.
    Reset(u64),
}

impl Default for Feed {
    fn default() -> Feed {
        Feed {
            log: Mutex::new(VecDeque::new()),
            latest: watch::channel(0).0,
        }
    }
}

impl Feed {
    /// Appends a batch of changes (a reset when there are too many).
    pub fn publish(&self, version: u64, changes: Vec<Change>) -> u64 {
        let mut log = self.log.lock().expect("feed log");
        let seq = *self.latest.borrow() + 1;
        let reset = changes.len() > MAX_CHANGES;
        let mut batch = Batch {
            seq,
            version,
            at: Timestamp::now(),
            changes: if reset { Vec::new() } else { changes },
            reset,
            json: String::new(),
        };
        batch.json = serde_json::to_string(&batch).expect("a batch serializes");
        log.push_back(Arc::new(batch));
        while log.len() > LOG_BATCHES {
            log.pop_front();
        }
        self.latest.send_replace(seq);
        seq
    }

    /// The latest sequence number (0 before the first batch).
    pub fn latest(&self) -> u64 {
        *self.latest.borrow()
    }

    /// Wakes when a batch is published.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.latest.subscribe()
    }

    /// What follows batch `after`.
    pub fn after(&self, after: u64) -> Next {
        let log = self.log.lock().expect("feed log");
        let latest = *self.latest.borrow();
        if after >= latest {
            return Next::Batches(Vec::new());
        }
        match log.front() {
            Some(first) if first.seq <= after + 1 => {
                Next::Batches(log.iter().filter(|b| b.seq > after).cloned().collect())
            }
            _ => Next::Reset(latest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seqs(n: Next) -> Result<Vec<u64>, u64> {
        match n {
            Next::Batches(b) => Ok(b.iter().map(|b| b.seq).collect()),
            Next::Reset(to) => Err(to),
        }
    }

    #[test]
    fn readers_resume_while_the_log_holds_their_place_and_reset_after() {
        let feed = Feed::default();
        assert_eq!(seqs(feed.after(0)), Ok(vec![]));
        for v in 1..=3 {
            feed.publish(v, Vec::new());
        }
        assert_eq!(seqs(feed.after(0)), Ok(vec![1, 2, 3]));
        assert_eq!(seqs(feed.after(2)), Ok(vec![3]));
        assert_eq!(seqs(feed.after(3)), Ok(vec![]));
        for v in 4..=(LOG_BATCHES as u64 + 10) {
            feed.publish(v, Vec::new());
        }
        assert_eq!(seqs(feed.after(5)), Err(LOG_BATCHES as u64 + 10));
        assert_eq!(
            seqs(feed.after(LOG_BATCHES as u64 + 8)),
            Ok(vec![LOG_BATCHES as u64 + 9, LOG_BATCHES as u64 + 10])
        );
        // A client from another server's life (a higher number) just waits for news.
        assert_eq!(seqs(feed.after(1 << 40)), Ok(vec![]));
    }
}
