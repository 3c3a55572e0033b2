//! Live clusters through kube-rs: every resource type of every chosen kubeconfig context,
//! listed then watched, kept in a [`Store`] that a graph is built from.
//!
//! * [`connect`]: the kubeconfig as kubectl reads it; one cluster per context.
//! * [`discovery`]: every group/version resource that supports list and watch, preferred
//!   versions, no subresources; re-run when a CustomResourceDefinition changes and periodically.
//! * `watch`: per resource type, kube's `watcher` (paginated list, watch from
//!   its resourceVersion with bookmarks, re-list on 410 Gone with a consistent snapshot swap,
//!   reconnect with backoff). Secrets through `metadata_watcher`: their data is never requested.
//!   A type the user may not list (403) or the server does not serve (404) is skipped with one
//!   warning; forbidden cluster-wide with namespaces given, it is watched namespace by namespace.
//! * [`snapshot`]: the graph, built from the store; relations derived as for files. A running
//!   source rebuilds it after changes, debounced ([`Live::publish`]).
//!
//! ```
//! use kubegraph_live::{Live, LiveOptions};
//! use kubegraph_model::EdgeKind;
//! use kubegraph_test_apiserver::TestApiServer;
//! use serde_json::json;
//! use std::time::Duration;
//!
//! #[tokio::main(flavor = "multi_thread", worker_threads = 2)]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // A server speaking the Kubernetes API on 127.0.0.1, holding one pod, and a kubeconfig
//!     // for it with one context.
//!     let server = TestApiServer::start().await;
//!     server.apply(json!({
//!         "apiVersion": "v1", "kind": "Pod",
//!         "metadata": {"name": "web-1", "namespace": "shop"},
//!         "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]},
//!     }));
//!     let dir = tempfile::tempdir()?;
//!     let kubeconfig = dir.path().join("config");
//!     std::fs::write(&kubeconfig, server.kubeconfig("prod"))?;
//!
//!     let options = LiveOptions { kubeconfig: Some(kubeconfig), ..LiveOptions::default() };
//!     let live = Live::start(options).await?;
//!     live.sync(Duration::from_secs(20)).await?;
//!     let graph = live.snapshot().graph;
//!     let (prod, name, _) = graph.clusters().next().unwrap();
//!     assert_eq!(name, "prod");
//!     let pod = graph.lookup(prod, "", "Pod", Some("shop"), "web-1").expect("listed");
//!     // Related as files are: the pod contains its container, which runs its image.
//!     let next = |from, kind| graph.out_edges(from).find(|e| e.kind == kind).unwrap().to;
//!     let container = next(pod, EdgeKind::Contains);
//!     assert_eq!(graph.node(container).object.name, "web");
//!     let image = next(container, EdgeKind::Runs);
//!     assert_eq!(graph.node(image).object.name, "docker.io/library/nginx:1.27");
//!     Ok(())
//! }
//! ```

pub mod connect;
pub mod convert;
pub mod discovery;
pub mod filter;
pub mod snapshot;
pub mod store;
mod watch;

pub use connect::{kubeconfig_source, ContextChoice, KubeconfigSource, Target};
pub use discovery::ResourceType;
pub use filter::{KindFilter, KindPatterns};
pub use snapshot::Snapshot;
pub use store::{ClusterProgress, ClusterState};

use kubegraph_model::Diagnostic;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use store::Store;
use tokio::sync::watch as channel;
use tokio::task::JoinHandle;

/// Why the live source cannot start.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// A kubeconfig file that cannot be read or parsed.
    #[error("cannot read the kubeconfig {path}: {cause}")]
    Kubeconfig {
        /// The file.
        path: String,
        /// Why.
        cause: String,
    },
    /// `--context` names a context the kubeconfig does not have.
    #[error("no context named {context:?} in the kubeconfig (contexts: {known})")]
    NoSuchContext {
        /// The context asked for.
        context: String,
        /// The contexts there are, comma-separated.
        known: String,
    },
    /// No `--context`, and no `current-context` to fall back on.
    #[error(
        "the kubeconfig has no current context (choose one with --context; contexts: {known})"
    )]
    NoCurrentContext {
        /// The contexts there are, comma-separated.
        known: String,
    },
    /// A kubeconfig without any context.
    #[error("the kubeconfig has no contexts")]
    NoContexts,
    /// A context kube cannot make a client for (a missing certificate file, a failing exec
    /// plugin): its cluster is marked failed, with a warning, and the others go on.
    #[error("context {context}: {cause}")]
    Context {
        /// The context.
        context: String,
        /// Why.
        cause: String,
    },
    /// Every cluster failed: what [`Live::sync`] returns then, instead of an empty graph.
    #[error("no cluster could be reached: {causes}")]
    Unreachable {
        /// Each cluster's cause, `; `-separated.
        causes: String,
    },
    /// Nowhere to read a kubeconfig from, and not in a pod.
    #[error(
        "no kubeconfig found (--kubeconfig, $KUBECONFIG, ~/.kube/config) and not running in a pod"
    )]
    NoKubeconfig,
}

/// What to watch and how.
#[derive(Clone, Debug)]
pub struct LiveOptions {
    /// `--kubeconfig`; else `$KUBECONFIG`, `~/.kube/config`, in-cluster.
    pub kubeconfig: Option<PathBuf>,
    /// Which contexts: the current one, named ones, or all.
    pub contexts: ContextChoice,
    /// Which resource types (`--kinds`, `--exclude-kinds`).
    pub kinds: KindFilter,
    /// Namespaces to watch one by one for resource types forbidden cluster-wide (`-n`).
    pub namespaces: Vec<String>,
    /// For connecting and for discovery; a one-shot sync's limit is the caller's.
    pub timeout: Duration,
    /// Objects per list page (`limit`).
    pub page_size: u32,
    /// Events kept per cluster, newest first.
    pub max_events: usize,
    /// Discovery is re-run this often (and soon after a CustomResourceDefinition changes).
    pub rediscover_every: Duration,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            kubeconfig: None,
            contexts: ContextChoice::default(),
            kinds: KindFilter::default(),
            namespaces: Vec::new(),
            timeout: Duration::from_secs(30),
            page_size: 500,
            max_events: 5000,
            rediscover_every: Duration::from_secs(60),
        }
    }
}

/// A warning, and whether it says that a whole cluster could not be reached.
struct Warning {
    diagnostic: Diagnostic,
    cluster_failed: bool,
}

pub(crate) struct Shared {
    store: Mutex<Store>,
    /// The store's version, for those who wait for changes.
    version: channel::Sender<u64>,
    warnings: Mutex<Vec<Warning>>,
    options: LiveOptions,
}

impl Shared {
    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves a store that is still consistent per operation.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the store, then tells the waiters its new version.
    fn update<T>(&self, f: impl FnOnce(&mut Store) -> T) -> T {
        let (out, version) = {
            let mut s = self.store();
            let out = f(&mut s);
            (out, s.version)
        };
        self.version.send_if_modified(|v| {
            if version > *v {
                *v = version;
                true
            } else {
                false
            }
        });
        out
    }

    fn warn(&self, context: &str, message: String, hint: Option<&str>) {
        self.push_warning(context, message, hint, false);
    }

    fn push_warning(&self, context: &str, message: String, hint: Option<&str>, failed: bool) {
        let mut d = Diagnostic::new(format!("context {context}: {message}"));
        if let Some(h) = hint {
            d = d.hint(h);
        }
        tracing::debug!(%d, "live warning");
        self.warnings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Warning {
                diagnostic: d,
                cluster_failed: failed,
            });
    }
}

/// A running live source: watches keep the store current until it is dropped.
pub struct Live {
    shared: Arc<Shared>,
    tasks: Mutex<Vec<JoinHandle<()>>>,
    /// The runtime the watches run on, for tasks started later from outside it.
    runtime: tokio::runtime::Handle,
}

impl Drop for Live {
    fn drop(&mut self) {
        for t in self
            .tasks
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            t.abort();
        }
    }
}

impl Live {
    /// Reads the kubeconfig and starts connecting to every chosen context; returns at once
    /// (see [`Live::sync`]). Must be called within a tokio runtime.
    pub async fn start(options: LiveOptions) -> Result<Live, LiveError> {
        let source =
            kubeconfig_source(options.kubeconfig.as_deref()).ok_or(LiveError::NoKubeconfig)?;
        let targets = connect::targets(&source, &options.contexts, options.timeout).await?;
        let (version, _) = channel::channel(0);
        let shared = Arc::new(Shared {
            store: Mutex::new(Store::default()),
            version,
            warnings: Mutex::new(Vec::new()),
            options,
        });
        let mut tasks = Vec::new();
        for target in targets {
            match target {
                Ok(t) => {
                    let index = shared.update(|s| s.add_cluster(&t.name));
                    tasks.push(tokio::spawn(watch::run_cluster(shared.clone(), index, t)));
                }
                Err(LiveError::Context { context, cause }) => {
                    let index = shared.update(|s| s.add_cluster(&context));
                    shared.update(|s| {
                        s.set_cluster_state(index, ClusterState::Failed(cause.clone()))
                    });
                    shared.push_warning(&context, cause, None, true);
                }
                Err(other) => return Err(other),
            }
        }
        Ok(Live {
            shared,
            tasks: Mutex::new(tasks),
            runtime: tokio::runtime::Handle::current(),
        })
    }

    /// Waits until every cluster has connected (or failed) and every watch has listed (or been
    /// skipped), at most `timeout`. Watches still listing then are named in warnings, and the
    /// graph will have what was listed. An error only when no cluster could be reached.
    pub async fn sync(&self, timeout: Duration) -> Result<(), LiveError> {
        let mut rx = self.shared.version.subscribe();
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            rx.borrow_and_update();
            if self.shared.store().settled() {
                break;
            }
            if tokio::time::timeout_at(deadline, rx.changed())
                .await
                .is_err()
            {
                self.report_unsettled(timeout);
                break;
            }
        }
        let clusters = self.shared.store().cluster_names();
        if !clusters.is_empty()
            && clusters
                .iter()
                .all(|(_, _, s)| matches!(s, ClusterState::Failed(_)))
        {
            let causes = clusters
                .iter()
                .filter_map(|(_, name, s)| match s {
                    ClusterState::Failed(cause) => Some(format!("context {name}: {cause}")),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("; ");
            // Said in the error: not again as warnings.
            self.shared
                .warnings
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .retain(|w| !w.cluster_failed);
            return Err(LiveError::Unreachable { causes });
        }
        Ok(())
    }

    fn report_unsettled(&self, timeout: Duration) {
        let (names, unsettled) = {
            let s = self.shared.store();
            (s.cluster_names(), s.unsettled())
        };
        for (i, name, state) in names {
            if state == ClusterState::Connecting {
                self.shared.push_warning(
                    &name,
                    format!("no answer within {}s; left out", timeout.as_secs_f32()),
                    None,
                    true,
                );
                continue;
            }
            let mine: Vec<&(usize, String, Option<String>)> =
                unsettled.iter().filter(|(c, _, _)| *c == i).collect();
            if mine.is_empty() {
                continue;
            }
            let what: Vec<String> = mine
                .iter()
                .map(|(_, w, e)| match e {
                    Some(e) => format!("{w} ({e})"),
                    None => w.clone(),
                })
                .collect();
            self.shared.warn(
                &name,
                format!(
                    "not listed within {}s, left out: {}",
                    timeout.as_secs_f32(),
                    what.join(", ")
                ),
                Some("a longer --timeout"),
            );
        }
    }

    /// Builds the graph from the store as it is now.
    pub fn snapshot(&self) -> Snapshot {
        build_snapshot(&self.shared)
    }

    /// The store's version: it changes with every change to the objects.
    pub fn version(&self) -> u64 {
        self.shared.store().version
    }

    /// A receiver of the store's version, to wait for changes.
    pub fn subscribe(&self) -> channel::Receiver<u64> {
        self.shared.version.subscribe()
    }

    /// Warnings said since the last call.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        std::mem::take(
            &mut *self
                .shared
                .warnings
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        )
        .into_iter()
        .map(|w| w.diagnostic)
        .collect()
    }

    /// How far each cluster's initial sync has come.
    pub fn progress(&self) -> Vec<ClusterProgress> {
        self.shared.store().progress()
    }

    /// Objects in the store now.
    pub fn object_count(&self) -> usize {
        self.shared.store().object_count()
    }

    /// Keeps a graph current: after changes, rebuilds it at most once per `debounce` (and never
    /// more often than building takes), and publishes each build. The receiver starts with `None`.
    pub fn publish(&self, debounce: Duration) -> channel::Receiver<Option<Arc<Snapshot>>> {
        let (tx, rx) = channel::channel(None);
        let shared = self.shared.clone();
        let task = self
            .runtime
            .spawn(watch::rebuild_loop(shared, tx, debounce));
        self.tasks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(task);
        rx
    }
}

/// Brings a kept-current graph up to the store's changes, and copies it for publishing (readers
/// hold the copy while the next changes are applied to the original).
pub(crate) fn catch_up(shared: &Shared, maintained: &mut snapshot::Maintained) -> Snapshot {
    let started = std::time::Instant::now();
    let (clusters, changes, version) = {
        let mut s = shared.store();
        (watching(&s), s.take_changes(), s.version)
    };
    let count = changes.len();
    maintained.add_clusters(&clusters);
    maintained.apply(changes);
    let applied = started.elapsed();
    let graph = maintained.graph().clone();
    graph.index_edges();
    tracing::debug!(changes = count, ?applied, elapsed = ?started.elapsed(), "graph caught up");
    Snapshot {
        graph: Arc::new(graph),
        version,
        objects: maintained.objects(),
    }
}

/// The clusters being watched: (index, name).
fn watching(s: &Store) -> Vec<(usize, String)> {
    s.cluster_names()
        .into_iter()
        .filter(|(_, _, st)| *st == ClusterState::Watching)
        .map(|(i, n, _)| (i, n))
        .collect()
}

/// The graph of the watched clusters, from the store as it is now: the store is read under its
/// lock (cheap: objects are shared), the graph built outside it.
pub(crate) fn build_snapshot(shared: &Shared) -> Snapshot {
    let (clusters, objects, version) = {
        let s = shared.store();
        (watching(&s), s.objects(), s.version)
    };
    let (graph, objects) = snapshot::build_graph(&clusters, objects, shared.options.max_events);
    Snapshot {
        graph: Arc::new(graph),
        version,
        objects,
    }
}
