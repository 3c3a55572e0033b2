//! What every request reads: the current snapshot (replaced whole when the landscape changes),
//! the change feed, and what the server serves. The landscape itself lives on one thread of its
//! own, which takes the changes of a live source (or of watched files) and publishes them.

use crate::feed::Feed;
use kubegraph_app::complete::Vocabulary;
use kubegraph_app::ClusterState;
use kubegraph_app::{Landscape, Snapshot, Source};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::sync::watch;
use utoipa::ToSchema;

/// Shared by every request.
pub struct AppState {
    /// The snapshot answers are computed from.
    pub snapshot: watch::Receiver<Arc<Snapshot>>,
    /// Each publication's changes.
    pub feed: Feed,
    /// Sync state per cluster, as of the last publication.
    pub clusters: Mutex<Vec<ClusterInfo>>,
    /// What is served.
    pub source: SourceInfo,
    /// This server's life, in event ids: a client of an earlier life resets.
    pub epoch: String,
    /// Set when the server stops: event streams end.
    pub stopping: watch::Receiver<bool>,
    /// What completion offers, for the snapshot it was collected from.
    pub vocabulary: Mutex<Option<(Arc<Snapshot>, Arc<Vocabulary>)>>,
}

impl AppState {
    /// The current snapshot.
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot.borrow().clone()
    }

    /// What completion offers on `snapshot`, collected once per snapshot.
    pub fn vocabulary(&self, snapshot: &Arc<Snapshot>) -> Arc<Vocabulary> {
        let mut cached = self.vocabulary.lock().expect("vocabulary");
        match &*cached {
            Some((s, v)) if Arc::ptr_eq(s, snapshot) => v.clone(),
            _ => {
                let v = Arc::new(Vocabulary::from_graph(&snapshot.graph));
                *cached = Some((snapshot.clone(), v.clone()));
                v
            }
        }
    }
}

/// What the server serves.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SourceInfo {
    /// `demo`, `files` or `live`.
    pub kind: &'static str,
    /// In words: `the built-in demo`, `3 paths`, `contexts prod, staging`.
    pub description: String,
    /// Whether changes are followed (a live source, or files with `--watch`).
    pub watching: bool,
}

/// A cluster and how far its sync is.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ClusterInfo {
    /// Its name in the graph.
    pub name: String,
    /// `loaded` (files), `connecting`, `watching` or `failed`.
    pub state: &'static str,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Objects listed.
    pub objects: usize,
    /// Resource types listed of those watched (live sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinds: Option<(usize, usize)>,
}

/// How the landscape thread follows changes.
pub enum Follow {
    /// Nothing changes (files without `--watch`, the demo).
    Nothing,
    /// A live source: publish when its store moved.
    Live,
    /// Files: reload when one changes.
    Files {
        /// What to reload.
        source: Source,
        /// `--now` as given.
        now: Option<String>,
    },
}

/// Starts the landscape thread: it owns `landscape` and publishes a new snapshot (with its
/// changes) to `tx` when the source changed, until `stop` is set.
pub fn follow(
    mut landscape: Landscape,
    how: Follow,
    tx: watch::Sender<Arc<Snapshot>>,
    state: Arc<AppState>,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<()> {
    std::thread::Builder::new()
        .name("landscape".into())
        .spawn(move || {
            let mut stamps = match &how {
                Follow::Files {
                    source: Source::Files { paths, .. },
                    ..
                } => mtimes(paths),
                _ => Vec::new(),
            };
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let fresh = match &how {
                    Follow::Nothing => continue,
                    Follow::Live => {
                        *state.clusters.lock().expect("clusters") = live_clusters(&landscape);
                        landscape.refresh().map(|(s, _)| s)
                    }
                    Follow::Files { source, now } => {
                        let Source::Files { paths, .. } = source else {
                            continue;
                        };
                        let stamped = mtimes(paths);
                        if stamped == stamps {
                            continue;
                        }
                        stamps = stamped;
                        match Landscape::load(source, now.as_deref(), &mut |_| {}) {
                            Ok(l) => {
                                landscape = l;
                                Some(landscape.snapshot().clone())
                            }
                            Err(e) => {
                                tracing::warn!(
                                    "reloading the files failed, keeping the last good load: {e}"
                                );
                                None
                            }
                        }
                    }
                };
                if let Some(fresh) = fresh {
                    publish(&tx, &state, fresh);
                }
            }
        })
        .expect("a thread for the landscape")
}

/// Publishes `fresh` and its changes from the current snapshot.
pub fn publish(tx: &watch::Sender<Arc<Snapshot>>, state: &AppState, fresh: Arc<Snapshot>) {
    // Health is assessed here, once, rather than by the first request that needs it.
    fresh.health();
    let before = tx.borrow().clone();
    let changes = kubegraph_app::changes::diff(&before, &fresh);
    let version = fresh.version;
    tx.send_replace(fresh);
    if !changes.is_empty() {
        state.feed.publish(version, changes);
    }
}

/// Sync state of each cluster of a landscape.
pub fn clusters_of(landscape: &Landscape) -> Vec<ClusterInfo> {
    if landscape.live().is_some() {
        return live_clusters(landscape);
    }
    let s = landscape.snapshot();
    s.graph
        .clusters()
        .map(|(_, name, _)| ClusterInfo {
            name: name.to_string(),
            state: "loaded",
            error: None,
            objects: s.objects,
            kinds: None,
        })
        .collect()
}

fn live_clusters(landscape: &Landscape) -> Vec<ClusterInfo> {
    let Some(live) = landscape.live() else {
        return Vec::new();
    };
    live.progress()
        .into_iter()
        .map(|c| ClusterInfo {
            name: c.name.clone(),
            state: match c.state {
                ClusterState::Connecting => "connecting",
                ClusterState::Watching => "watching",
                ClusterState::Failed(_) => "failed",
            },
            error: match &c.state {
                ClusterState::Failed(e) => Some(e.clone()),
                _ => None,
            },
            objects: c.objects,
            kinds: Some((c.settled, c.watches)),
        })
        .collect()
}

/// Modification times of every file under `paths` (polled: it works on every filesystem,
/// network mounts and bind mounts included, where change notification does not).
fn mtimes(paths: &[PathBuf]) -> Vec<(PathBuf, Option<SystemTime>)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    while let Some(p) = stack.pop() {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                if let Ok(entries) = std::fs::read_dir(&p) {
                    stack.extend(entries.flatten().map(|e| e.path()));
                }
            }
            Ok(m) => out.push((p, m.modified().ok())),
            Err(_) => out.push((p, None)),
        }
    }
    out.sort();
    out
}
