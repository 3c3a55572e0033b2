//! A Kubernetes API server for tests, speaking the real protocol over real HTTP.
//!
//! [`TestApiServer::start`] binds `127.0.0.1:0` (plain HTTP, no TLS) and serves, on the current
//! tokio runtime, what kube-rs's client, discovery and `kube::runtime::watcher` need; tests then
//! change the cluster ([`apply`](TestApiServer::apply), [`delete`](TestApiServer::delete)) and
//! break it ([`compact`](TestApiServer::compact), [`drop_watches`](TestApiServer::drop_watches),
//! [`forbid_cluster_scope`](TestApiServer::forbid_cluster_scope)) while a client runs against it.
//!
//! ```
//! use kubegraph_test_apiserver::TestApiServer;
//! use serde_json::{json, Value};
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let server = TestApiServer::start().await;
//!     let version = server.apply(json!({
//!         "apiVersion": "v1", "kind": "ConfigMap",
//!         "metadata": {"name": "settings", "namespace": "shop"},
//!         "data": {"mode": "fast"},
//!     }));
//!     let url = format!("{}/api/v1/namespaces/shop/configmaps", server.url());
//!     let list: Value = reqwest::Client::new()
//!         .get(&url)
//!         .bearer_auth(TestApiServer::TOKEN)
//!         .send()
//!         .await?
//!         .json()
//!         .await?;
//!     assert_eq!(list["kind"], "ConfigMapList");
//!     assert_eq!(list["items"][0]["metadata"]["resourceVersion"], version.as_str());
//!     // Without the token, 401, as from a real server.
//!     assert_eq!(reqwest::get(&url).await?.status(), 401);
//!     Ok(())
//! }
//! ```
//!
//! # Faithful
//!
//! - Authentication: every request needs `Authorization: Bearer` [`TestApiServer::TOKEN`],
//!   otherwise 401 with an `Unauthorized` `Status`; over https, a connection whose client
//!   certificate the server's CA signed needs no token
//!   ([`client_certificate`](TestApiServer::client_certificate)).
//! - Discovery: `/version`, `/api`, `/api/v1`, `/apis`, `/apis/{group}`, `/apis/{group}/{version}`
//!   (legacy documents, subresources listed as `pods/log`-style entries), and aggregated discovery
//!   (`apidiscovery.k8s.io/v2` and `v2beta1` `APIGroupDiscoveryList`) on `/api` and `/apis` when the
//!   `Accept` header asks for it. Types added later ([`TestApiServer::add_resource`], or applying
//!   a `CustomResourceDefinition`) show up in discovery from then on.
//! - Storage as in etcd: one global revision counter; each write is a new `resourceVersion`; old
//!   revisions are kept until [`TestApiServer::compact`], which moves the revision on by one (the
//!   compactor's own write) and forgets everything before it.
//! - Label selectors (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`, `>`, `<`) on lists and
//!   watches; a watch sees an update that moves an object into or out of its selection as
//!   `ADDED` or `DELETED`, as from the real server's watch cache.
//! - Lists: `limit`/`continue` paging from a consistent snapshot at the list's revision (objects
//!   changed between pages do not move, appear twice or vanish), `remainingItemCount`,
//!   `resourceVersion` with `resourceVersionMatch` (`NotOlderThan`, `Exact`; a limited list with a
//!   revision and no match is `Exact`, as the real server treats it), 410 `Expired` for compacted
//!   revisions and stale continue tokens, 504 for a revision not reached yet. Items carry no
//!   `kind`/`apiVersion`, like a typed list from the real server.
//! - Watches: `watch=1|true`, newline-delimited JSON events in a chunked body, from a
//!   `resourceVersion` (exactly the later events, in order), or from none/`0` (synthetic `ADDED`
//!   for the current objects first), `allowWatchBookmarks` (periodic `BOOKMARK`s, every second
//!   unless [`TestApiServer::set_bookmark_interval`] says otherwise), `timeoutSeconds`,
//!   `sendInitialEvents=true` (initial `ADDED`s then a bookmark annotated
//!   `k8s.io/initial-events-end`), and a compacted revision answered with an `ERROR` event whose
//!   object is a 410 `Expired` `Status`, after which the stream ends.
//! - Metadata only: `Accept: ...;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1` on a list and
//!   `as=PartialObjectMetadata` on a get or watch answer `PartialObjectMetadata(List)` documents
//!   holding `metadata` only; asking for the wrong one of the two is 406 as on the real server.
//! - Errors are `Status` objects with the real server's reasons and messages (403 `Forbidden`
//!   naming verb, resource, group and scope; 404 `NotFound`; 405; 406; 410 `Expired`; and the
//!   404/429/500/503 of a failing backend, see [`TestApiServer::fail_resource`]).
//! - Every request is recorded ([`TestApiServer::requests`]) with its `Accept` header, so a test
//!   can prove what a client asked for (for example that secrets were only listed as metadata).
//!
//! # Not faithful
//!
//! - Read-only over HTTP: only `GET` is served (other methods get 405); objects are changed
//!   through the library API. No admission, defaulting, validation or conversion: an object is
//!   stored as applied and served at any version of its type with `apiVersion` rewritten.
//! - Field selectors other than `metadata.name` and `metadata.namespace` are ignored (the real
//!   server rejects most others); `resourceVersion` on a get is ignored.
//! - Every apply is a new revision, even when nothing changed (the real server skips no-op
//!   updates). Deleting a namespace does not delete what is in it; deleting a CRD does drop its
//!   objects and ends their watches, without `DELETED` events.
//! - `core/v1` and `events.k8s.io/v1` events are separate stores (the real server shares one).
//! - One user, `test`; permissions are only what the `forbid_*` methods deny.
//! - No protobuf, no `Table` output, no `/openapi`, no `/healthz`.

mod accept;
mod http;
mod labels;
pub mod manifests;
mod registry;
mod render;
mod status;
mod store;
mod tls;
mod watch;

pub use tls::ClientCertificate;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::{json, Value};

use registry::{store_key, Registry};
use store::{ObjectKey, Store};
use watch::Watchers;

/// A resource type the server serves, as discovery describes it.
#[derive(Clone, Debug)]
pub struct ResourceType {
    /// Its API group (`""` for core).
    pub group: String,
    /// The version served.
    pub version: String,
    /// The kind of its objects.
    pub kind: String,
    /// The resource name in URLs (`pods`).
    pub plural: String,
    /// Whether its objects live in namespaces.
    pub namespaced: bool,
    /// The verbs discovery lists for it (`get`, `list`, `watch`, ...); only reads are served.
    pub verbs: Vec<String>,
}

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// `GET`, ...
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The raw query string, without the `?` (empty when there was none).
    pub query: String,
    /// The `Accept` header (what a metadata-only request is told by).
    pub accept: Option<String>,
    /// The `Accept-Encoding` header (whether the client asked for gzip).
    pub accept_encoding: Option<String>,
}

/// Why [`TestApiServer::try_apply`] refused an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The object lacks a field every Kubernetes object has.
    MissingField(&'static str),
    /// No served type has this `apiVersion` and `kind`.
    UnknownKind {
        /// The object's `apiVersion`.
        api_version: String,
        /// The object's `kind`.
        kind: String,
    },
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::MissingField(field) => write!(f, "object has no {field}"),
            ApplyError::UnknownKind { api_version, kind } => write!(
                f,
                "no resource type for apiVersion {api_version:?} kind {kind:?} is served \
                 (register it with add_resource or apply its CustomResourceDefinition first)"
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

/// How a resource is denied (see [`TestApiServer::forbid_cluster_scope`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Forbidden {
    ClusterScope,
    Everywhere,
}

/// Everything behind the lock: the types, the objects and their history, the open watches.
pub(crate) struct State {
    pub(crate) registry: Registry,
    pub(crate) store: Store,
    pub(crate) watchers: Watchers,
    pub(crate) forbidden: Vec<((String, String), Forbidden)>,
    /// Resources answering every request with an error code (see `fail_resource`).
    pub(crate) failing: Vec<((String, String), u16)>,
    pub(crate) requests: Vec<RecordedRequest>,
}

impl State {
    pub(crate) fn failing(&self, group: &str, plural: &str) -> Option<u16> {
        self.failing
            .iter()
            .find(|((g, p), _)| g == group && p == plural)
            .map(|(_, code)| *code)
    }

    pub(crate) fn forbidden(&self, group: &str, plural: &str) -> Option<Forbidden> {
        self.forbidden
            .iter()
            .find(|((g, p), _)| g == group && p == plural)
            .map(|(_, how)| *how)
    }
}

pub(crate) struct Inner {
    pub(crate) state: Mutex<State>,
    pub(crate) addr: SocketAddr,
    pub(crate) bookmark_interval_ms: AtomicU64,
    /// The CA (PEM) clients must trust, when serving https.
    pub(crate) ca_pem: Option<String>,
    /// A client certificate the CA signed, when serving TLS.
    pub(crate) client: Option<ClientCertificate>,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves consistent data (every mutation is completed
        // before anything can panic), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running test API server. Cheap to clone; every clone talks to the same server.
#[derive(Clone)]
pub struct TestApiServer {
    inner: Arc<Inner>,
}

impl TestApiServer {
    /// The bearer token every request must carry.
    pub const TOKEN: &'static str = "kubegraph-test-token";

    /// Binds `127.0.0.1:0` and serves on a task of the current tokio runtime, with the built-in
    /// types registered and no objects.
    ///
    /// # Panics
    /// When no loopback port can be bound (nothing a test could recover from).
    pub async fn start() -> TestApiServer {
        TestApiServer::start_on(0)
            .await
            .unwrap_or_else(|e| panic!("test API server: cannot bind 127.0.0.1: {e}"))
    }

    /// Like [`start`](Self::start), on a chosen port (0 for any).
    pub async fn start_on(port: u16) -> std::io::Result<TestApiServer> {
        TestApiServer::start_with(port, false).await
    }

    /// Like [`start`](Self::start), over https, as a real API server serves: a CA and a
    /// certificate for `127.0.0.1` are made at start, and [`kubeconfig`](Self::kubeconfig)
    /// carries the CA. Clients that send a token only over TLS (kubectl) need it.
    pub async fn start_tls() -> TestApiServer {
        TestApiServer::start_with(0, true)
            .await
            .unwrap_or_else(|e| panic!("test API server: cannot start with TLS: {e}"))
    }

    /// On a chosen port (0 for any), over https when `tls`.
    pub async fn start_with(port: u16, tls: bool) -> std::io::Result<TestApiServer> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let tls = match tls {
            true => Some(tls::Tls::generate().map_err(std::io::Error::other)?),
            false => None,
        };
        let inner = Arc::new(Inner {
            state: Mutex::new(State {
                registry: Registry::with_builtins(),
                store: Store::default(),
                watchers: Watchers::default(),
                forbidden: Vec::new(),
                failing: Vec::new(),
                requests: Vec::new(),
            }),
            addr,
            bookmark_interval_ms: AtomicU64::new(1000),
            ca_pem: tls.as_ref().map(|t| t.ca_pem.clone()),
            client: tls.as_ref().map(|t| t.client.clone()),
        });
        tokio::spawn(http::serve(listener, inner.clone(), tls.map(|t| t.config)));
        tokio::spawn(watch::send_bookmarks(Arc::downgrade(&inner)));
        Ok(TestApiServer { inner })
    }

    /// `http://127.0.0.1:PORT`, or `https://` when serving TLS.
    pub fn url(&self) -> String {
        let scheme = if self.inner.ca_pem.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.inner.addr)
    }

    /// The CA (PEM) that signed the serving certificate, when serving TLS.
    pub fn ca_pem(&self) -> Option<&str> {
        self.inner.ca_pem.as_deref()
    }

    /// A client certificate this server takes as authentication (no token needed), when
    /// serving TLS.
    pub fn client_certificate(&self) -> Option<&ClientCertificate> {
        self.inner.client.as_ref()
    }

    /// A kubeconfig (YAML) with one cluster, one user (the token) and one context, all named
    /// `context`, which is also the current context.
    pub fn kubeconfig(&self, context: &str) -> String {
        TestApiServer::kubeconfig_for(&[(context, self)], context)
    }

    /// One kubeconfig for several servers (one cluster, user and context per entry, all named
    /// by the entry's name), with `current` as the current context: for multi-cluster tests
    /// (`--context a --context b`, `--all-contexts`).
    pub fn kubeconfig_for(contexts: &[(&str, &TestApiServer)], current: &str) -> String {
        let with_token: Vec<(&str, &TestApiServer, Value)> = contexts
            .iter()
            .map(|(name, server)| (*name, *server, json!({"token": Self::TOKEN})))
            .collect();
        TestApiServer::kubeconfig_with(&with_token, current)
    }

    /// One kubeconfig for several servers, each entry with its own kubeconfig `user` object
    /// (`exec`, `tokenFile`, `client-certificate-data`, ...): to test how a client
    /// authenticates.
    pub fn kubeconfig_with(contexts: &[(&str, &TestApiServer, Value)], current: &str) -> String {
        let clusters: Vec<Value> = contexts
            .iter()
            .map(|(name, server, _)| {
                let mut cluster = json!({"server": server.url()});
                if let Some(ca) = server.ca_pem() {
                    use base64::Engine as _;
                    cluster["certificate-authority-data"] =
                        json!(base64::engine::general_purpose::STANDARD.encode(ca));
                }
                json!({"name": name, "cluster": cluster})
            })
            .collect();
        let users: Vec<Value> = contexts
            .iter()
            .map(|(name, _, user)| json!({"name": name, "user": user}))
            .collect();
        let named: Vec<Value> = contexts
            .iter()
            .map(|(name, _, _)| json!({"name": name, "context": {"cluster": name, "user": name}}))
            .collect();
        let config = json!({
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": clusters,
            "users": users,
            "contexts": named,
            "current-context": current,
            "preferences": {},
        });
        serde_yaml_ng::to_string(&config).expect("JSON values serialize as YAML")
    }

    /// From now on, lists, watches and gets of this resource answer `code` with the `Status`
    /// the real server sends for it: 404 (a type discovery shows but the server does not
    /// serve), 429, 500, 503 (an aggregated API whose backend is down). [`allow`](Self::allow)
    /// undoes it.
    pub fn fail_resource(&self, group: &str, plural: &str, code: u16) {
        let mut state = self.inner.lock();
        let key = (group.to_string(), plural.to_string());
        state.failing.retain(|(k, _)| *k != key);
        state.failing.push((key, code));
    }

    /// Serves another resource type from now on (it appears in discovery at once). Replaces a
    /// type with the same group, version and plural.
    pub fn add_resource(&self, r: ResourceType) {
        self.inner.lock().registry.add(r, Vec::new(), None);
    }

    /// Creates or replaces an object and returns its new `resourceVersion`.
    ///
    /// # Panics
    /// When the object is not one the server can store: see [`try_apply`](Self::try_apply) for
    /// the reasons (a test applying a wrong object has a bug worth stopping at).
    pub fn apply(&self, obj: Value) -> String {
        self.try_apply(obj)
            .unwrap_or_else(|e| panic!("test API server: cannot apply object: {e}"))
    }

    /// Creates or replaces an object (JSON with `apiVersion`, `kind`, `metadata.name` and, for
    /// a namespaced kind, `metadata.namespace`, which defaults to `default` like kubectl's).
    /// Stamps a new `metadata.resourceVersion`, keeps or makes `uid` and `creationTimestamp`,
    /// and sends `ADDED` or `MODIFIED` to matching watches. Applying a
    /// `CustomResourceDefinition` also serves every version it marks `served`.
    pub fn try_apply(&self, mut obj: Value) -> Result<String, ApplyError> {
        let api_version = obj["apiVersion"]
            .as_str()
            .ok_or(ApplyError::MissingField("apiVersion"))?
            .to_string();
        let kind = obj["kind"]
            .as_str()
            .ok_or(ApplyError::MissingField("kind"))?
            .to_string();
        let name = obj["metadata"]["name"]
            .as_str()
            .filter(|n| !n.is_empty())
            .ok_or(ApplyError::MissingField("metadata.name"))?
            .to_string();
        let (group, version) = split_api_version(&api_version);
        let mut state = self.inner.lock();
        let resource = state
            .registry
            .find_kind(group, version, &kind)
            .ok_or_else(|| ApplyError::UnknownKind {
                api_version: api_version.clone(),
                kind: kind.clone(),
            })?
            .clone();
        let namespace = if resource.namespaced {
            let ns = obj["metadata"]["namespace"]
                .as_str()
                .filter(|ns| !ns.is_empty())
                .unwrap_or("default")
                .to_string();
            obj["metadata"]["namespace"] = Value::String(ns.clone());
            ns
        } else {
            if let Some(meta) = obj["metadata"].as_object_mut() {
                meta.remove("namespace");
            }
            String::new()
        };
        if is_crd(&resource) {
            register_crd(&mut state.registry, &obj);
        }
        let event = state
            .store
            .put(store_key(&resource), (namespace, name), obj);
        let rv = event.rv.to_string();
        watch::dispatch(&mut state, &event);
        Ok(rv)
    }

    /// Deletes an object; sends `DELETED` with its final state (stamped with a new
    /// `resourceVersion`) to matching watches. Returns whether it existed. Deleting a
    /// `CustomResourceDefinition` stops serving its types and drops their objects.
    pub fn delete(
        &self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> bool {
        let (group, version) = split_api_version(api_version);
        let mut state = self.inner.lock();
        let Some(resource) = state.registry.find_kind(group, version, kind).cloned() else {
            return false;
        };
        let namespace = if resource.namespaced {
            namespace.unwrap_or("default").to_string()
        } else {
            String::new()
        };
        let key: ObjectKey = (namespace, name.to_string());
        let Some(event) = state.store.delete(store_key(&resource), key) else {
            return false;
        };
        watch::dispatch(&mut state, &event);
        if is_crd(&resource) {
            for store in state.registry.remove_crd(name) {
                state.store.drop_store(&store);
                state.watchers.end_store(&store);
            }
        }
        true
    }

    /// Lists and watches of this resource across all namespaces get 403 `Forbidden` (a real
    /// `Status`); per namespace they are still allowed. For a cluster-scoped resource this
    /// forbids every list and watch.
    pub fn forbid_cluster_scope(&self, group: &str, plural: &str) {
        self.forbid(group, plural, Forbidden::ClusterScope);
    }

    /// Lists and watches of this resource get 403 `Forbidden` everywhere, per namespace too.
    pub fn forbid_everywhere(&self, group: &str, plural: &str) {
        self.forbid(group, plural, Forbidden::Everywhere);
    }

    fn forbid(&self, group: &str, plural: &str, how: Forbidden) {
        let mut state = self.inner.lock();
        let key = (group.to_string(), plural.to_string());
        state.forbidden.retain(|(k, _)| *k != key);
        state.forbidden.push((key, how));
    }

    /// Serves a resource normally again after a `forbid_*` or `fail_resource`.
    pub fn allow(&self, group: &str, plural: &str) {
        let mut state = self.inner.lock();
        state
            .forbidden
            .retain(|((g, p), _)| !(g == group && p == plural));
        state
            .failing
            .retain(|((g, p), _)| !(g == group && p == plural));
    }

    /// Forgets history, as the API server's periodic etcd compaction does: the revision moves on
    /// by one, and from then on watches and exact lists asking for an older `resourceVersion`,
    /// and continue tokens minted before, get 410 Gone (a watch as an `ERROR` event holding a
    /// 410 `Expired` `Status`, then the end of the stream). Open watches go on, as they do on
    /// etcd; use [`drop_watches`](Self::drop_watches) to make clients come back with their old
    /// revision.
    pub fn compact(&self) {
        self.inner.lock().store.compact();
    }

    /// Ends every open watch stream abruptly: the connection is cut mid-body, without the end
    /// of the chunked encoding, as when a connection drops.
    pub fn drop_watches(&self) {
        self.inner.lock().watchers.abort_all(None);
    }

    /// Like [`drop_watches`](Self::drop_watches), but each stream is cut in the middle of an
    /// event: the client receives half a JSON line, then the connection breaks.
    pub fn drop_watches_mid_event(&self) {
        let mut state = self.inner.lock();
        let rv = state.store.rv;
        state.watchers.abort_all(Some(rv));
    }

    /// Every request so far, in the order they arrived.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// How many watch streams are open now. A stream whose client went away counts until the
    /// server notices, when it next writes to it (a bookmark or an event).
    pub fn open_watches(&self) -> usize {
        self.inner.lock().watchers.len()
    }

    /// What is watched now: `(group, resource, namespace)` of every open watch stream, once each
    /// (`None` for a watch across namespaces).
    pub fn watched(&self) -> std::collections::BTreeSet<(String, String, Option<String>)> {
        self.inner
            .lock()
            .watchers
            .streams()
            .into_iter()
            .map(|((group, resource), ns)| (group, resource, ns))
            .collect()
    }

    /// The latest `resourceVersion` handed out.
    pub fn resource_version(&self) -> String {
        self.inner.lock().store.rv.to_string()
    }

    /// How often watches that asked for bookmarks get one (default one second).
    pub fn set_bookmark_interval(&self, interval: Duration) {
        let ms = u64::try_from(interval.as_millis())
            .unwrap_or(u64::MAX)
            .max(1);
        self.inner.bookmark_interval_ms.store(ms, Ordering::Relaxed);
    }
}

pub(crate) fn split_api_version(api_version: &str) -> (&str, &str) {
    match api_version.split_once('/') {
        Some((group, version)) => (group, version),
        None => ("", api_version),
    }
}

fn is_crd(r: &ResourceType) -> bool {
    r.group == "apiextensions.k8s.io" && r.plural == "customresourcedefinitions"
}

/// Serves the versions a CRD marks `served`, as the real server starts doing once the CRD is
/// established. A CRD missing the fields this needs registers nothing (the real server would
/// have rejected it).
fn register_crd(registry: &mut Registry, crd: &Value) {
    let Some(crd_name) = crd["metadata"]["name"].as_str() else {
        return;
    };
    let spec = &crd["spec"];
    let names = &spec["names"];
    let (Some(group), Some(plural), Some(kind)) = (
        spec["group"].as_str(),
        names["plural"].as_str(),
        names["kind"].as_str(),
    ) else {
        return;
    };
    let namespaced = spec["scope"].as_str() != Some("Cluster");
    let short_names: Vec<String> = names["shortNames"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    // A re-applied CRD may have stopped serving a version: start from nothing.
    registry.remove_crd(crd_name);
    for version in spec["versions"].as_array().into_iter().flatten() {
        let (Some(name), true) = (
            version["name"].as_str(),
            version["served"].as_bool().unwrap_or(false),
        ) else {
            continue;
        };
        registry.add(
            ResourceType {
                group: group.to_string(),
                version: name.to_string(),
                kind: kind.to_string(),
                plural: plural.to_string(),
                namespaced,
                verbs: [
                    "delete",
                    "deletecollection",
                    "get",
                    "list",
                    "patch",
                    "create",
                    "update",
                    "watch",
                ]
                .iter()
                .map(|v| v.to_string())
                .collect(),
            },
            short_names.clone(),
            Some(crd_name.to_string()),
        );
    }
}
