//! `kubegraph serve`: the HTTP API, live updates and the web UI, on the application library.
//!
//! * `/api/v1/…`: every answer of [`kubegraph_app`] as JSON, described by an OpenAPI 3 document
//!   generated from the Rust types (`/api/v1/openapi.json`, readable at `/api/docs`);
//! * `/api/v1/events`: the change feed as Server-Sent Events;
//! * `/`: the web UI, embedded in the binary;
//! * `/healthz`, `/readyz`: probes.
//!
//! A server binds to loopback unless told otherwise, answers only requests that name it
//! (`Host`), and off loopback requires a token on every request but the probes. Actions that
//! change a cluster do not exist yet.
//!
//! ```
//! # #[tokio::main(flavor = "multi_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use kubegraph_app::{Landscape, Source};
//! use kubegraph_server::{Config, Server};
//!
//! let landscape = Landscape::load(&Source::Demo, None, &mut |_| {})?;
//! let config = Config { listen: "127.0.0.1:0".parse()?, ..Config::default() };
//! let server = Server::bind(landscape, config).await?;
//! let url = format!("http://{}/api/v1/stats", server.local_addr());
//! tokio::spawn(server.run(std::future::pending()));
//! let stats: serde_json::Value = reqwest::get(&url).await?.json().await?;
//! assert_eq!(stats["objects"], 126);
//! # Ok(())
//! # }
//! ```

mod api;
mod assets;
mod docs;
mod error;
mod events;
mod feed;
mod security;
mod state;

pub use error::{ApiError, ErrorBody};
pub use security::secret;

use axum::routing::get;
use axum::Router;
use kubegraph_app::{Landscape, Source};
use state::{AppState, Follow, SourceInfo};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use utoipa::OpenApi;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (default `127.0.0.1:7080`).
    pub listen: SocketAddr,
    /// The token every request but the probes must carry; required off loopback.
    pub token: Option<String>,
    /// Host names besides loopback's that requests may name (a server behind a proxy).
    pub allowed_hosts: Vec<String>,
    /// What the landscape was loaded from, to say so and to reload it.
    pub source: Source,
    /// Reload a file source when its files change (a live source always follows its clusters).
    pub watch: bool,
    /// `--now` as given, for reloads.
    pub now: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 7080)),
            token: None,
            allowed_hosts: Vec::new(),
            source: Source::Demo,
            watch: false,
            now: None,
        }
    }
}

/// Why a server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Off loopback without a token anyone on the network could read the landscape.
    #[error("listening on {0} (not loopback) needs a token: --token-file FILE, or --generate-token to make one and print it")]
    TokenRequired(SocketAddr),
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// The OpenAPI document's frame; the routes add their paths.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "kubegraph",
        description = "A Kubernetes landscape as a graph: objects, relations, health, root causes, queries. Node ids are those of `kubegraph export -o json` (`cluster/group/Kind/namespace/name`), percent-encoded in paths. Every error is `{\"error\": {\"status\", \"message\", \"hint\"?, \"span\"?, \"rendered\"?}}`."
    ),
    tags(
        (name = "landscape", description = "What is served"),
        (name = "query", description = "The query language and pictures of its results"),
        (name = "nodes", description = "One object: detail, why, component views"),
        (name = "network", description = "NetworkPolicy reachability"),
        (name = "live", description = "Changes as they happen"),
    )
)]
struct ApiDoc;

/// The OpenAPI document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router_and_doc().1
}

fn router_and_doc() -> (Router<Arc<AppState>>, utoipa::openapi::OpenApi) {
    let (router, doc) = utoipa_axum::router::OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(api::routes())
        .routes(utoipa_axum::routes!(events::events))
        .split_for_parts();
    (router, doc)
}

/// A bound server, ready to run.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    stop: Arc<AtomicBool>,
    stopping: tokio::sync::watch::Sender<bool>,
    follower: std::thread::JoinHandle<()>,
    guard: Arc<security::Guard>,
}

impl Server {
    /// Binds `config.listen` and starts following the landscape's changes.
    pub async fn bind(landscape: Landscape, config: Config) -> Result<Server, ServeError> {
        if !config.listen.ip().is_loopback() && config.token.is_none() {
            return Err(ServeError::TokenRequired(config.listen));
        }
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.listen,
                source,
            })?;
        let listen = listener.local_addr().map_err(|source| ServeError::Bind {
            addr: config.listen,
            source,
        })?;
        let guard = Arc::new(security::Guard::new(
            listen,
            config.token.clone(),
            &config.allowed_hosts,
        ));
        let live = landscape.live().is_some();
        if let Some(l) = landscape.live() {
            l.keep_current();
        }
        let source = describe(&landscape, &config.source, config.watch);
        let first = landscape.snapshot().clone();
        first.health();
        let (tx, rx) = tokio::sync::watch::channel(first);
        let (stopping, stopping_rx) = tokio::sync::watch::channel(false);
        let state = Arc::new(AppState {
            snapshot: rx,
            feed: feed::Feed::default(),
            clusters: std::sync::Mutex::new(state::clusters_of(&landscape)),
            source,
            epoch: format!("{:x}", kubegraph_health::time::Timestamp::now().as_second()),
            stopping: stopping_rx,
            vocabulary: std::sync::Mutex::new(None),
        });
        let follow = match (live, config.watch, &config.source) {
            (true, _, _) => Follow::Live,
            (false, true, Source::Files { .. }) => Follow::Files {
                source: config.source.clone(),
                now: config.now.clone(),
            },
            _ => Follow::Nothing,
        };
        let stop = Arc::new(AtomicBool::new(false));
        let follower = state::follow(landscape, follow, tx, state.clone(), stop.clone());
        let (api, doc) = router_and_doc();
        let doc = Arc::new(doc);
        let router = Router::new()
            .route("/healthz", get(|| async { "ok\n" }))
            .route("/readyz", get(|| async { "ready\n" }))
            .route("/", get(assets::index))
            .route("/assets/{*path}", get(assets::asset))
            .route(
                "/api/v1/openapi.json",
                get({
                    let doc = doc.clone();
                    move || async move { axum::Json((*doc).clone()) }
                }),
            )
            .route(
                "/api/docs",
                get({
                    let doc = doc.clone();
                    move || async move { docs::page(&doc) }
                }),
            )
            .merge(api)
            .with_state(state)
            .fallback(|| async {
                ApiError::not_found("no such route: the API is under /api/v1 (see /api/docs)")
            })
            .route("/login", get(security::login).with_state(guard.clone()))
            .layer(axum::middleware::from_fn_with_state(
                guard.clone(),
                security::guard,
            ))
            .layer(axum::middleware::from_fn(security::headers));
        Ok(Server {
            listener,
            router,
            stop,
            stopping,
            follower,
            guard,
        })
    }

    /// Where it listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The one-time login path, when a token is required.
    pub fn login_path(&self) -> Option<String> {
        self.guard.login_path()
    }

    /// Serves until `shutdown` completes; then ends every event stream, stops following the
    /// landscape and returns once open requests are answered.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let stopping = self.stopping;
        let served = axum::serve(self.listener, self.router).with_graceful_shutdown(async move {
            shutdown.await;
            stopping.send_replace(true);
        });
        let result = served.await;
        self.stop.store(true, Ordering::Relaxed);
        let _ = tokio::task::spawn_blocking(move || self.follower.join()).await;
        result
    }
}

fn describe(landscape: &Landscape, source: &Source, watch: bool) -> SourceInfo {
    let s = landscape.snapshot();
    let clusters: Vec<&str> = s.graph.clusters().map(|(_, n, _)| n).collect();
    match source {
        Source::Demo => SourceInfo {
            kind: "demo",
            description: "the built-in demo landscape".into(),
            watching: false,
        },
        Source::Files { paths, .. } => SourceInfo {
            kind: "files",
            description: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            watching: watch,
        },
        Source::Live(_) => SourceInfo {
            kind: "live",
            description: format!(
                "live cluster{} {}",
                if clusters.len() == 1 { "" } else { "s" },
                clusters.join(", ")
            ),
            watching: true,
        },
    }
}
