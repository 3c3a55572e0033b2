//! The running part: one supervisor task per cluster (discovery, then a watch per resource
//! type, re-discovery), one task per watch, and the debounced graph rebuilder.

use crate::convert::{from_metadata, from_raw, key_of_meta, RawObject};
use crate::discovery::{discover, error_chain, short_error, ResourceType};
use crate::snapshot::Maintained;
use crate::store::{prepare, ClusterState, Reported, WatchKey, WatchState, PARALLEL_BATCH};
use crate::{build_snapshot, Shared, Snapshot, Target};
use futures::stream::{BoxStream, StreamExt};
use kube::api::{Api, DynamicObject};
use kube::core::{ApiResource, PartialObjectMeta};
use kube::runtime::watcher::{self, watcher, Event};
use kube::runtime::WatchStreamExt;
use kube::Client;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{watch as channel, Notify};
use tokio::task::JoinHandle;

/// What one cluster's tasks share.
struct ClusterCtx {
    shared: Arc<Shared>,
    index: usize,
    name: String,
    client: Client,
    /// Poked when a CustomResourceDefinition changes: discovery runs again.
    rediscover: Notify,
    /// The watches cannot reach the server (said once per outage).
    lost: AtomicBool,
}

/// A task that is aborted when this handle is dropped: stopping a cluster's supervisor stops
/// its watches with it.
struct Task(JoinHandle<()>);

impl Drop for Task {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Why a cluster could not be read at all, as a user can act on it: the server refused the
/// credentials, the exec plugin that makes them failed (with what it said), the kubeconfig's
/// settings could not make a client, or the server could not be reached (with what to check when its certificate was refused: rustls names the check
/// that failed, `UnknownIssuer` or `NotValidForName`, not where the trust comes from).
fn connect_error(url: &str, plugin: Option<&Plugin>, e: &kube::Error, stage: Stage) -> String {
    if let kube::Error::Api(status) = e {
        if status.code == 401 {
            return format!(
                "{url} refused the credentials of the context's user (401 Unauthorized): log in \
                 again, or check its token, client certificate or exec plugin"
            );
        }
    }
    let (plugin, stderr_shown) = match plugin {
        Some(p) => (p.command.as_str(), p.stderr_shown),
        None => ("?", false),
    };
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        match s.downcast_ref::<kube::client::AuthError>() {
            Some(kube::client::AuthError::AuthExecRun { out, .. }) => {
                // What a plugin says is on stderr (or, from some, stdout); its command line
                // and environment, which kube's message repeats, add nothing and may be long.
                let said = [&out.stderr, &out.stdout]
                    .into_iter()
                    .map(|b| String::from_utf8_lossy(b).trim().to_string())
                    .find(|t| !t.is_empty())
                    .unwrap_or_else(|| match stderr_shown {
                        true => "(what it said is above)".into(),
                        false => "(it printed nothing)".into(),
                    });
                return format!("the exec plugin `{plugin}` failed ({}): {said}", out.status);
            }
            Some(kube::client::AuthError::AuthExecStart(io)) => {
                return format!(
                    "cannot run the exec plugin `{plugin}`: {io} (is it installed and on PATH?)"
                );
            }
            Some(other) => return format!("the context's user: {}", error_chain(other)),
            None => source = s.source(),
        }
    }
    let cause = short_error(e);
    if stage == Stage::Client {
        return format!("the kubeconfig's settings for it are unusable: {cause}");
    }
    let hint = if cause.contains("invalid peer certificate") {
        " (the server's certificate is not trusted by the kubeconfig: check the cluster's \
         certificate-authority-data or certificate-authority, and that the server address is \
         one the certificate names)"
    } else {
        ""
    };
    format!("cannot reach {url}: {cause}{hint}")
}

/// Where connecting failed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Making the client, before anything is sent: the kubeconfig's settings are wrong (a
    /// certificate file that cannot be read, CA data that is not a certificate), or the exec
    /// plugin, which kube runs here for the first token, failed.
    Client,
    /// The first request.
    Request,
}

/// A context's exec plugin, for messages about it.
struct Plugin {
    command: String,
    /// Unless its `interactiveMode` is `Never`, kube lets the plugin write to kubegraph's own
    /// stderr (to ask for a login): then what it said is on the terminal already, not in the
    /// error.
    stderr_shown: bool,
}

/// Connects, discovers, starts a watch per wanted resource type, and re-discovers when a CRD
/// changes or `rediscover_every` has passed.
pub(crate) async fn run_cluster(shared: Arc<Shared>, index: usize, target: Target) {
    let name = target.name.clone();
    let url = target.config.cluster_url.to_string();
    let plugin = target.config.auth_info.exec.as_ref().map(|exec| Plugin {
        command: exec.command.clone().unwrap_or_default(),
        stderr_shown: exec.interactive_mode != Some(kube::config::ExecInteractiveMode::Never),
    });
    let fail = |cause: String| {
        shared.update(|s| s.set_cluster_state(index, ClusterState::Failed(cause.clone())));
        shared.push_warning(&name, cause, None, true);
    };
    let client = match Client::try_from(target.config) {
        Ok(c) => c,
        Err(e) => return fail(connect_error(&url, plugin.as_ref(), &e, Stage::Client)),
    };
    let timeout = shared.options.timeout;
    let first = match tokio::time::timeout(timeout, discover(&client)).await {
        Err(_) => {
            return fail(format!(
                "cannot reach {url}: no answer within {}s",
                timeout.as_secs_f32()
            ))
        }
        Ok(Err(e)) => return fail(connect_error(&url, plugin.as_ref(), &e, Stage::Request)),
        Ok(Ok(d)) => d,
    };
    let ctx = Arc::new(ClusterCtx {
        shared: shared.clone(),
        index,
        name: name.clone(),
        client,
        rediscover: Notify::new(),
        lost: AtomicBool::new(false),
    });
    for (group, cause) in &first.failed_groups {
        shared.warn(
            &name,
            format!("cannot discover the resources of API group {group}: {cause}; its kinds are left out"),
            None,
        );
    }
    let kinds = &shared.options.kinds;
    for p in kinds
        .include
        .unmatched(&first.resources)
        .into_iter()
        .chain(kinds.exclude.unmatched(&first.resources))
    {
        shared.warn(
            &name,
            format!("no resource type the server serves is named {p:?}"),
            Some("names as kubectl takes them: pods, deployments.apps, apps/Deployment"),
        );
    }
    let mut running: BTreeMap<ResourceType, Task> = BTreeMap::new();
    reconcile(&ctx, &mut running, first.resources);
    shared.update(|s| s.set_cluster_state(index, ClusterState::Watching));

    let mut every = tokio::time::interval(shared.options.rediscover_every);
    every.tick().await;
    loop {
        tokio::select! {
            _ = ctx.rediscover.notified() => {
                // A CRD just created is served a moment later: look now and again shortly.
                for pause in [Duration::from_millis(100), Duration::from_millis(1500)] {
                    tokio::time::sleep(pause).await;
                    rediscover(&ctx, &mut running).await;
                }
            }
            _ = every.tick() => rediscover(&ctx, &mut running).await,
        }
    }
}

async fn rediscover(ctx: &Arc<ClusterCtx>, running: &mut BTreeMap<ResourceType, Task>) {
    match tokio::time::timeout(ctx.shared.options.timeout, discover(&ctx.client)).await {
        Ok(Ok(mut d)) => {
            // A group that failed to answer this time (an aggregated API's service restarting)
            // keeps the watches it has: only a group that answers without a type drops it.
            for r in running.keys() {
                if d.failed_groups.iter().any(|(g, _)| *g == r.group) && !d.resources.contains(r) {
                    d.resources.push(r.clone());
                }
            }
            reconcile(ctx, running, d.resources)
        }
        Ok(Err(e)) => {
            tracing::debug!(cluster = %ctx.name, error = %short_error(&e), "re-discovery failed")
        }
        Err(_) => tracing::debug!(cluster = %ctx.name, "re-discovery timed out"),
    }
}

/// Starts watches for wanted resource types not yet watched and stops those no longer served
/// (forgetting their objects).
fn reconcile(
    ctx: &Arc<ClusterCtx>,
    running: &mut BTreeMap<ResourceType, Task>,
    resources: Vec<ResourceType>,
) {
    let mut wanted: Vec<ResourceType> = resources
        .into_iter()
        .filter(|r| ctx.shared.options.kinds.wants(r))
        .collect();
    crate::discovery::drop_duplicate_events(&mut wanted);
    let gone: Vec<ResourceType> = running
        .keys()
        .filter(|r| !wanted.contains(r))
        .cloned()
        .collect();
    for r in gone {
        running.remove(&r);
        ctx.shared.update(|s| {
            for k in s.keys_of(ctx.index) {
                if k.resource == r {
                    s.remove(&k);
                }
            }
        });
        tracing::debug!(cluster = %ctx.name, resource = %r, "no longer served");
    }
    for r in wanted {
        if running.contains_key(&r) {
            continue;
        }
        let key = WatchKey {
            cluster: ctx.index,
            resource: r.clone(),
            namespace: None,
        };
        ctx.shared.update(|s| s.register(key));
        let task = tokio::spawn(watch_resource(ctx.clone(), r.clone()));
        running.insert(r, Task(task));
    }
}

/// Why a watch stopped: the server refused it for good (403 Forbidden, 404 Not Found).
struct Refused {
    code: u16,
    message: String,
}

/// Watches one resource type cluster-wide; if that is forbidden and namespaces are given,
/// in each of them instead.
async fn watch_resource(ctx: Arc<ClusterCtx>, rt: ResourceType) {
    let key = WatchKey {
        cluster: ctx.index,
        resource: rt.clone(),
        namespace: None,
    };
    let refused = watch_one(&ctx, &key).await;
    let namespaces = &ctx.shared.options.namespaces;
    if refused.code == 403 && rt.namespaced && !namespaces.is_empty() {
        let keys: Vec<WatchKey> = namespaces
            .iter()
            .map(|ns| WatchKey {
                namespace: Some(ns.clone()),
                ..key.clone()
            })
            .collect();
        ctx.shared.update(|s| {
            for k in &keys {
                s.register(k.clone());
            }
            s.set_state(&key, WatchState::Replaced);
        });
        tracing::debug!(cluster = %ctx.name, resource = %rt, "forbidden cluster-wide; per namespace");
        let per_namespace = keys.iter().map(|k| {
            let ctx = &ctx;
            async move {
                let refused = watch_one(ctx, k).await;
                skip(ctx, k, &refused);
            }
        });
        futures::future::join_all(per_namespace).await;
    } else {
        skip(&ctx, &key, &refused);
    }
}

/// One warning for a refused watch, and the watch marked skipped. A type that disappears
/// after it was listed (a CRD deleted) is not worth a warning: re-discovery will drop it.
fn skip(ctx: &ClusterCtx, key: &WatchKey, refused: &Refused) {
    let was_synced = ctx.shared.update(|s| {
        let synced = s.state(key) == Some(WatchState::Synced);
        s.set_state(key, WatchState::Skipped);
        synced
    });
    let rt = &key.resource;
    let scope = match &key.namespace {
        Some(ns) => format!(" in namespace {ns}"),
        None => String::new(),
    };
    if refused.code == 404 && was_synced {
        ctx.rediscover.notify_one();
        return;
    }
    let hint = (refused.code == 403 && rt.namespaced && key.namespace.is_none())
        .then_some("-n NAMESPACE (repeatable) lists it namespace by namespace");
    ctx.shared.warn(
        &ctx.name,
        format!(
            "cannot list {} ({rt}){scope}: {}; skipped",
            rt.kind, refused.message
        ),
        hint,
    );
}

/// Lists then watches one resource type (in one namespace or all) until the server refuses it
/// for good; everything else (410 Gone, dropped connections, timeouts) kube's watcher handles
/// by re-listing or resuming, with backoff.
async fn watch_one(ctx: &ClusterCtx, key: &WatchKey) -> Refused {
    let rt = &key.resource;
    let ar = rt.api_resource();
    let config = watcher::Config::default().page_size(ctx.shared.options.page_size);
    let stream: BoxStream<'static, Result<Option<Reported>, watcher::Error>> = if rt.is_secret() {
        let rt = rt.clone();
        // `Api<PartialObjectMeta<_>>` asks for `PartialObjectMetadata` in every list and watch.
        let api: Api<PartialObjectMeta<DynamicObject>> = api_for(ctx, key, &ar);
        watcher(api, config)
            .default_backoff()
            .map(move |r| {
                r.map(|e| change(e, |m| from_metadata(m, &rt), |m| key_of_meta(&m.metadata)))
            })
            .boxed()
    } else {
        let rt = rt.clone();
        let api: Api<RawObject> = api_for(ctx, key, &ar);
        watcher(api, config)
            .default_backoff()
            .map(move |r| r.map(|e| change(e, |d| from_raw(d, &rt), |d| key_of_meta(d.metadata()))))
            .boxed()
    };
    let mut batches = stream.ready_chunks(1024);
    while let Some(batch) = batches.next().await {
        let mut changes = Vec::with_capacity(batch.len());
        let mut refused = None;
        let mut error = None;
        for item in batch {
            match item {
                Ok(Some(c)) => changes.push(c),
                Ok(None) => {}
                Err(e) => match refusal(&e) {
                    // Refused after it had listed: an API server restarting answers 403 until
                    // its RBAC caches are filled (and 404 for custom resources until its CRD
                    // handler is), so this is retried with the watcher's backoff, the objects
                    // last seen kept meanwhile. A type that is really gone is dropped by the
                    // re-discovery a 404 asks for; a permission really revoked leaves the last
                    // state seen.
                    Some(r) if ctx.shared.store().state(key) == Some(WatchState::Synced) => {
                        tracing::debug!(cluster = %ctx.name, resource = %rt, code = r.code, message = %r.message, "refused after listing; retrying");
                        if r.code == 404 {
                            ctx.rediscover.notify_one();
                        }
                        error = Some(r.message);
                    }
                    Some(r) => {
                        refused = Some(r);
                        break;
                    }
                    None => {
                        tracing::debug!(cluster = %ctx.name, resource = %rt, error = %e, "watch error; retrying");
                        let message = watch_error(&e);
                        if is_connection_error(&e) {
                            connection_lost(ctx, key, &message);
                        }
                        error = Some(message);
                    }
                },
            }
        }
        if !changes.is_empty() {
            ctx.lost.store(false, Ordering::Relaxed);
        }
        let crd_changed = rt.is_crd()
            && changes
                .iter()
                .any(|c| matches!(c, Reported::Apply(_) | Reported::Delete(_)));
        // Extraction is CPU work: off the runtime's threads, in parallel for a large batch;
        // what an object's previous version had and cannot have changed is kept.
        let previous = ctx.shared.store().previous(key, &changes);
        let changes = match changes.len() {
            n if n < PARALLEL_BATCH => prepare(changes, previous),
            _ => match tokio::task::spawn_blocking(move || prepare(changes, previous)).await {
                Ok(changes) => changes,
                Err(_) => {
                    return Refused {
                        code: 500,
                        message: "extracting a batch of objects panicked".into(),
                    }
                }
            },
        };
        if !changes.is_empty() || error.is_some() {
            ctx.shared.update(|s| {
                if let Some(e) = error {
                    s.set_error(key, e);
                }
                s.apply(key, changes)
            });
        }
        if crd_changed {
            ctx.rediscover.notify_one();
        }
        if let Some(r) = refused {
            return r;
        }
    }
    // kube's watcher never ends; if it did, the type is as good as not served.
    Refused {
        code: 404,
        message: "the watch ended".into(),
    }
}

fn api_for<K>(ctx: &ClusterCtx, key: &WatchKey, ar: &ApiResource) -> Api<K>
where
    K: kube::Resource<DynamicType = ApiResource, Scope = kube::core::DynamicResourceScope>,
{
    match &key.namespace {
        Some(ns) => Api::namespaced_with(ctx.client.clone(), ns, ar),
        None => Api::all_with(ctx.client.clone(), ar),
    }
}

/// The server stopped answering after the watch had listed: one warning per outage, for the
/// whole cluster (its other watches fail alike). The graph keeps the last state seen meanwhile.
fn connection_lost(ctx: &ClusterCtx, key: &WatchKey, message: &str) {
    let synced = ctx.shared.store().state(key) == Some(WatchState::Synced);
    if synced && !ctx.lost.swap(true, Ordering::Relaxed) {
        ctx.shared.warn(
            &ctx.name,
            format!(
                "lost the connection ({message}); showing the last state seen while reconnecting"
            ),
            None,
        );
    }
}

/// Not an answer from the server (which has its own handling) but no answer at all.
fn is_connection_error(e: &watcher::Error) -> bool {
    match e {
        watcher::Error::InitialListFailed(k)
        | watcher::Error::WatchStartFailed(k)
        | watcher::Error::WatchFailed(k) => !matches!(k, kube::Error::Api(_)),
        _ => false,
    }
}

/// A watcher event as a store change; objects that cannot be read (no name) are left out.
fn change<K>(
    e: Event<K>,
    convert: impl Fn(K) -> Option<kubegraph_model::Object>,
    key: impl Fn(&K) -> Option<crate::convert::ObjectKey>,
) -> Option<Reported> {
    match e {
        Event::Init => Some(Reported::Init),
        Event::InitApply(o) => convert(o).map(Reported::InitApply),
        Event::InitDone => Some(Reported::InitDone),
        Event::Apply(o) => convert(o).map(Reported::Apply),
        Event::Delete(o) => key(&o).map(Reported::Delete),
    }
}

/// A 403 or 404 from the server: not going to get better by retrying.
fn refusal(e: &watcher::Error) -> Option<Refused> {
    let status = match e {
        watcher::Error::InitialListFailed(kube::Error::Api(s))
        | watcher::Error::WatchStartFailed(kube::Error::Api(s))
        | watcher::Error::WatchFailed(kube::Error::Api(s)) => s.as_ref(),
        watcher::Error::WatchError(s) => s.as_ref(),
        _ => return None,
    };
    matches!(status.code, 403 | 404).then(|| Refused {
        code: status.code,
        message: if status.message.is_empty() {
            format!("{} {}", status.code, status.reason)
        } else {
            status.message.clone()
        },
    })
}

fn watch_error(e: &watcher::Error) -> String {
    match e {
        watcher::Error::InitialListFailed(k)
        | watcher::Error::WatchStartFailed(k)
        | watcher::Error::WatchFailed(k) => short_error(k),
        other => other.to_string(),
    }
}

/// Rebuilds the graph after changes: at once after a quiet spell; while changes keep coming,
/// a build starts no sooner than `debounce` after the previous one started, nor sooner than a
/// quarter of a build time after it ended (so that however busy the cluster, rebuilding leaves
/// a fifth of the time to everything else).
pub(crate) async fn rebuild_loop(
    shared: Arc<Shared>,
    tx: channel::Sender<Option<Arc<Snapshot>>>,
    debounce: Duration,
) {
    let mut rx = shared.version.subscribe();
    shared.store().track_changes();
    let mut maintained = Some(Maintained::new(shared.options.max_events));
    let mut built: Option<u64> = None;
    loop {
        let current = *rx.borrow_and_update();
        if built != Some(current) {
            let started = Instant::now();
            let s = shared.clone();
            let kept = maintained.take();
            let done = tokio::task::spawn_blocking(move || match kept {
                Some(mut m) => {
                    let snapshot = crate::catch_up(&s, &mut m);
                    (Some(m), snapshot)
                }
                None => {
                    drop(s.store().take_changes()); // not kept any more: not to pile up
                    (None, build_snapshot(&s))
                }
            })
            .await;
            let snapshot = match done {
                Ok((m, snapshot)) => {
                    maintained = m;
                    snapshot
                }
                Err(e) if e.is_panic() => {
                    // A bug in keeping the graph current must not end publishing: from now on
                    // each graph is assembled from the store, as one-shot commands do.
                    tracing::error!("keeping the graph current failed, assembling instead: {e}");
                    continue;
                }
                Err(_) => return,
            };
            built = Some(snapshot.version);
            tracing::debug!(version = snapshot.version, objects = snapshot.objects, elapsed = ?started.elapsed(), "graph published");
            // The graph it replaces is freed off the runtime's threads: that is a walk over
            // every node and edge.
            let replaced = tx.send_replace(Some(Arc::new(snapshot)));
            tokio::task::spawn_blocking(move || drop(replaced));
            let took = started.elapsed();
            tokio::time::sleep(debounce.saturating_sub(took).max(took / 4)).await;
            continue;
        }
        if rx.changed().await.is_err() {
            return;
        }
    }
}
