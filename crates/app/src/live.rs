//! A live source kept running after its initial sync, so that front ends that stay (the shell,
//! a server) see later changes.

use crate::error::{Error, Result};
use crate::landscape::{Origin, Snapshot};
use kubegraph_health::time::Now;
use kubegraph_live::{ClusterProgress, Live, LiveOptions, Snapshot as Published};
use kubegraph_model::Diagnostic;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Per cluster, how far the initial sync is: what a progress bar draws.
pub type SyncProgress = [ClusterProgress];

/// Live clusters being watched.
pub struct LiveSession {
    // Dropped first: its tasks are aborted before the runtime shuts down.
    live: Live,
    /// The graph kept current in place, once asked for (one-shot commands never pay for
    /// keeping it).
    published: OnceLock<tokio::sync::watch::Receiver<Option<Arc<Published>>>>,
    runtime: tokio::runtime::Runtime,
}

impl LiveSession {
    /// Connects to the chosen contexts and lists everything, calling `progress` every 100 ms.
    pub(crate) fn start(
        options: LiveOptions,
        progress: &mut dyn FnMut(&SyncProgress),
    ) -> Result<LiveSession> {
        let timeout = options.timeout;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(Error::Runtime)?;
        let live = runtime.block_on(Live::start(options))?;
        let synced = runtime.block_on(async {
            let sync = live.sync(timeout);
            tokio::pin!(sync);
            let mut tick = tokio::time::interval(Duration::from_millis(100));
            loop {
                tokio::select! {
                    r = &mut sync => break r,
                    _ = tick.tick() => progress(&live.progress()),
                }
            }
        });
        progress(&live.progress());
        synced?;
        Ok(LiveSession {
            live,
            published: OnceLock::new(),
            runtime,
        })
    }

    /// Per cluster, the sync state now.
    pub fn progress(&self) -> Vec<ClusterProgress> {
        self.live.progress()
    }

    /// The store's version now: different from a snapshot's version when something changed.
    pub fn version(&self) -> u64 {
        self.live.version()
    }

    /// From now on, keeps a graph current in place as changes come, so that a snapshot costs
    /// a copy rather than a build.
    pub fn keep_current(&self) {
        self.published.get_or_init(|| {
            let _guard = self.runtime.enter();
            self.live.publish(Duration::from_millis(50))
        });
    }

    /// The graph as it is now, with the warnings said since the last call: the kept-current
    /// one once it has caught up with the store (if [`LiveSession::keep_current`] was called
    /// and it catches up within a few seconds), else one built now.
    pub(crate) fn snapshot(&self, clock: Now, mut diagnostics: Vec<Diagnostic>) -> Snapshot {
        let _guard = self.runtime.enter();
        let wanted = self.live.version();
        let kept = self.published.get().and_then(|published| {
            let mut published = published.clone();
            self.runtime.block_on(async {
                let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
                loop {
                    let s = published.borrow_and_update().clone();
                    if let Some(s) = s.filter(|s| s.version >= wanted) {
                        return Some(s);
                    }
                    if tokio::time::timeout_at(deadline, published.changed())
                        .await
                        .is_err()
                    {
                        return None;
                    }
                }
            })
        });
        let (graph, version, objects) = match kept {
            Some(s) => (s.graph.clone(), s.version, s.objects),
            None => {
                let s = self.live.snapshot();
                (s.graph, s.version, s.objects)
            }
        };
        diagnostics.extend(self.live.take_warnings());
        Snapshot::new(graph, diagnostics, objects, Origin::Live, version, clock)
    }
}
