//! `/api/v1/…`: every answer of the application as JSON, each route described in the OpenAPI
//! document by the types it returns. Node ids are the ids of `export -o json`
//! (`demo/apps/Deployment/shop/web`), percent-encoded in paths.

use crate::error::{ApiError, ErrorBody};
use crate::state::{AppState, ClusterInfo, SourceInfo};
use axum::extract::{Path, Query, State};
use axum::Json;
use kubegraph_app::node::{self, NodeDetail};
use kubegraph_app::search::Found;
use kubegraph_app::stats::Stats;
use kubegraph_app::topology::{self, Grouping, SummaryMode, Topology};
use kubegraph_app::views::{ConfigView, Dep, NamespaceView, PodsView};
use kubegraph_app::why::Why;
use kubegraph_app::Snapshot;
use kubegraph_graph::NodeId;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

type Shared = State<Arc<AppState>>;

/// The routes of the API, with their OpenAPI descriptions.
pub fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(clusters))
        .routes(routes!(stats))
        .routes(routes!(search))
        .routes(routes!(graph))
        .routes(routes!(node_detail))
        .routes(routes!(why))
        .routes(routes!(show_deps))
        .routes(routes!(show_pods))
        .routes(routes!(show_config))
        .routes(routes!(show_namespace))
        .routes(routes!(impact))
        .routes(routes!(complete))
        .routes(routes!(reach))
        .routes(routes!(connectivity))
}

/// The longest query the API reads: a query is a line, not a document.
pub const MAX_QUERY: usize = 8 * 1024;

fn query_text(q: &str) -> Result<&str, ApiError> {
    if q.len() > MAX_QUERY {
        return Err(ApiError::bad_request(format!(
            "the query is {} bytes; queries are at most {MAX_QUERY}",
            q.len()
        )));
    }
    Ok(q)
}

/// A query's mistake as a 400 with the place and the caret.
fn bad_query(e: kubegraph_app::search::QueryError) -> ApiError {
    let mut err = ApiError::bad_request(e.message).at(e.span.0, e.span.1, e.rendered);
    if let Some(h) = e.hint {
        err = err.hint(h);
    }
    err
}

/// Runs a query; its mistakes are 400s with the place and the caret.
fn run(s: &Snapshot, q: &str) -> Result<Found, ApiError> {
    kubegraph_app::search::search(s, q).map_err(bad_query)
}

/// The node a path names.
fn find(s: &Snapshot, id: &str) -> Result<NodeId, ApiError> {
    node::by_id(&s.graph, id).ok_or_else(|| {
        ApiError::not_found(format!("no node `{id}` in the landscape")).hint(
            "ids are those of `export -o json` and of search results: cluster/group/Kind/namespace/name, `core` for the core group, `_` for no namespace",
        )
    })
}

/// What the server serves and each cluster's sync state.
#[derive(Serialize, ToSchema)]
pub struct Clusters {
    /// The source.
    pub source: SourceInfo,
    /// Each cluster.
    pub clusters: Vec<ClusterInfo>,
    /// The live store's version of the current snapshot (0 for files).
    pub version: u64,
    /// The sequence number of the last change batch (`GET /api/v1/events`).
    pub seq: u64,
    /// The reference time health is judged at.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub now: Option<kubegraph_health::time::Timestamp>,
}

/// The clusters and what is served.
#[utoipa::path(get, path = "/api/v1/clusters", tag = "landscape",
    responses((status = 200, body = Clusters)))]
async fn clusters(State(state): Shared) -> Json<Clusters> {
    let s = state.current();
    Json(Clusters {
        source: state.source.clone(),
        clusters: state.clusters.lock().expect("clusters").clone(),
        version: s.version,
        seq: state.feed.latest(),
        now: s.now(),
    })
}

/// Counts by kind, placeholders, edges and health.
#[utoipa::path(get, path = "/api/v1/stats", tag = "landscape",
    responses((status = 200, body = Stats)))]
async fn stats(State(state): Shared) -> Json<Stats> {
    Json(kubegraph_app::stats::stats(&state.current()))
}

/// A query (docs/query.md).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query: `is(pod) and health = error`, `G.V().Has('Kind', 'Pod')`, …
    pub q: String,
}

/// A query's result.
#[derive(Serialize, ToSchema)]
pub struct SearchResult {
    /// The query as given.
    pub query: String,
    /// The nodes it selects, in result order (for queries that end in nodes).
    pub nodes: Vec<kubegraph_app::NodeSummary>,
    /// What a command at its end printed (`count`, `list`, `aggregate`, `explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What the query likely did not mean: a path on no object, a value its field cannot
    /// have, a kind nothing is of; each with the query and a caret under the word.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Runs a query. A query that does not parse or cannot run is a 400 with the place of the
/// mistake and a hint.
#[utoipa::path(get, path = "/api/v1/search", tag = "query", params(SearchParams),
    responses((status = 200, body = SearchResult), (status = 400, body = ErrorBody)))]
async fn search(
    State(state): Shared,
    Query(p): Query<SearchParams>,
) -> Result<Json<SearchResult>, ApiError> {
    let s = state.current();
    let q = query_text(&p.q)?;
    let (output, warnings) = kubegraph_app::search::search_checked(&s, q).map_err(bad_query)?;
    let warnings = warnings.into_iter().map(|w| w.rendered).collect();
    Ok(Json(match output {
        Found::Nodes(nodes) => SearchResult {
            query: q.to_string(),
            nodes: nodes
                .into_iter()
                .map(|n| kubegraph_app::NodeSummary::of(&s.graph, n))
                .collect(),
            text: None,
            warnings,
        },
        Found::Text(text) => SearchResult {
            query: q.to_string(),
            nodes: Vec::new(),
            text: Some(text),
            warnings,
        },
    }))
}

/// What to draw.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GraphParams {
    /// A query selecting what to draw; default: the workloads, services, ingresses, pods,
    /// config and storage of all namespaces.
    pub q: Option<String>,
    /// `namespace` (default), `cluster`, `node` or `app`.
    pub group: Option<String>,
    /// Collapse owner chains into their top owner (default true).
    pub collapse: Option<bool>,
    /// Ids of owners to draw expanded, comma-separated.
    pub expand: Option<String>,
    /// Only unhealthy objects and the paths to their root causes.
    pub problems: Option<bool>,
    /// `auto` (default: boxes only beyond `limit` nodes), `always` or `never`.
    pub summary: Option<String>,
    /// The most nodes drawn (default 5000).
    pub limit: Option<usize>,
}

/// The nodes and edges of a selection for drawing: grouped in boxes, owner chains collapsed,
/// laid out.
#[utoipa::path(get, path = "/api/v1/graph", tag = "query", params(GraphParams),
    responses((status = 200, body = Topology), (status = 400, body = ErrorBody)))]
async fn graph(
    State(state): Shared,
    Query(p): Query<GraphParams>,
) -> Result<Json<Topology>, ApiError> {
    let s = state.current();
    let selection = match p.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        None => topology::default_selection(&s.graph),
        Some(q) => match run(&s, query_text(q)?)? {
            Found::Nodes(n) => n,
            Found::Text(_) => {
                return Err(ApiError::bad_request(
                    "this query prints text; a picture needs a query that selects objects",
                )
                .hint("drop `| count`, `| list`, … from the end"))
            }
        },
    };
    let grouping: Grouping = match &p.group {
        Some(g) => g.parse().map_err(ApiError::bad_request)?,
        None => Grouping::default(),
    };
    let summary = match p.summary.as_deref() {
        None | Some("auto") => SummaryMode::Auto,
        Some("always") => SummaryMode::Always,
        Some("never") => SummaryMode::Never,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "unknown summary `{other}` (use auto, always or never)"
            )))
        }
    };
    let mut expand = std::collections::HashSet::new();
    for id in p
        .expand
        .iter()
        .flat_map(|e| e.split(','))
        .filter(|e| !e.is_empty())
    {
        expand.insert(find(&s, id)?);
    }
    let request = topology::Request {
        grouping,
        collapse: p.collapse.unwrap_or(true),
        expand,
        problems: p.problems.unwrap_or(false),
        summary,
        limit: p.limit.unwrap_or(topology::DEFAULT_LIMIT).max(1),
    };
    Ok(Json(tokio::task::block_in_place(|| {
        topology::topology(&s, &selection, &request)
    })))
}

/// A node in full, with its object as YAML.
#[derive(Serialize, ToSchema)]
pub struct NodeResponse {
    /// Everything known about it.
    #[serde(flatten)]
    pub detail: NodeDetail,
    /// The object as YAML (a Secret's values are `null`: kubegraph never holds them).
    pub yaml: String,
}

/// Everything about one node: identity, labels, annotations, age, health and reason, events,
/// every edge in and out with its attributes, and the object as JSON and YAML.
#[utoipa::path(get, path = "/api/v1/nodes/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded")),
    responses((status = 200, body = NodeResponse), (status = 404, body = ErrorBody)))]
async fn node_detail(
    State(state): Shared,
    Path(id): Path<String>,
) -> Result<Json<NodeResponse>, ApiError> {
    let s = state.current();
    let n = find(&s, &id)?;
    let detail = node::detail(&s, n);
    let yaml = serde_yaml_ng::to_string(&detail.object).unwrap_or_default();
    Ok(Json(NodeResponse { detail, yaml }))
}

/// The causal tree from a node down to its root causes, and what to fix.
#[utoipa::path(get, path = "/api/v1/why/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded")),
    responses((status = 200, body = Why), (status = 404, body = ErrorBody)))]
async fn why(State(state): Shared, Path(id): Path<String>) -> Result<Json<Why>, ApiError> {
    let s = state.current();
    find(&s, &id)?;
    Ok(Json(kubegraph_app::why::why(&s, &id)?))
}

/// How deep `show deps` goes.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepsParams {
    /// Levels to follow (default 6).
    pub depth: Option<usize>,
}

/// Everything a node depends on, as a tree.
#[utoipa::path(get, path = "/api/v1/show/deps/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded"), DepsParams),
    responses((status = 200, body = Vec<Dep>), (status = 404, body = ErrorBody)))]
async fn show_deps(
    State(state): Shared,
    Path(id): Path<String>,
    Query(p): Query<DepsParams>,
) -> Result<Json<Vec<Dep>>, ApiError> {
    let s = state.current();
    find(&s, &id)?;
    Ok(Json(kubegraph_app::views::deps(
        &s,
        &id,
        p.depth.unwrap_or(6).min(32),
        None,
    )?))
}

/// The pods of a workload (through ownership) or of a service (its selector).
#[utoipa::path(get, path = "/api/v1/show/pods/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded")),
    responses((status = 200, body = PodsView), (status = 404, body = ErrorBody)))]
async fn show_pods(
    State(state): Shared,
    Path(id): Path<String>,
) -> Result<Json<PodsView>, ApiError> {
    let s = state.current();
    find(&s, &id)?;
    Ok(Json(kubegraph_app::views::pods(&s, &id, None)?))
}

/// The config maps, secrets, service account, claims, volumes and classes a pod (or a
/// workload's pod template) uses, and how.
#[utoipa::path(get, path = "/api/v1/show/config/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded")),
    responses((status = 200, body = ConfigView), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn show_config(
    State(state): Shared,
    Path(id): Path<String>,
) -> Result<Json<ConfigView>, ApiError> {
    let s = state.current();
    find(&s, &id)?;
    Ok(Json(kubegraph_app::views::config(&s, &id, None)?))
}

/// A namespace's workloads, services and ingresses, and pods.
#[utoipa::path(get, path = "/api/v1/show/namespace/{name}", tag = "nodes",
    params(("name" = String, Path, description = "the namespace")),
    responses((status = 200, body = NamespaceView), (status = 400, body = ErrorBody)))]
async fn show_namespace(
    State(state): Shared,
    Path(name): Path<String>,
) -> Result<Json<NamespaceView>, ApiError> {
    Ok(Json(kubegraph_app::views::namespace(
        &state.current(),
        &name,
    )?))
}

/// What breaks if a node is deleted: everything that depends on it (through dependency edges:
/// not containment, events or endpoints), by kind, each with the edge that makes it depend and
/// the health it would fall to.
#[utoipa::path(get, path = "/api/v1/impact/{id}", tag = "nodes",
    params(("id" = String, Path, description = "the node's id, percent-encoded")),
    responses((status = 200, body = kubegraph_app::impact::Impact), (status = 404, body = ErrorBody)))]
async fn impact(
    State(state): Shared,
    Path(id): Path<String>,
) -> Result<Json<kubegraph_app::impact::Impact>, ApiError> {
    let s = state.current();
    let n = find(&s, &id)?;
    Ok(Json(kubegraph_app::impact::impact_of(&s, n)))
}

/// A query being typed, and where the cursor is.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompleteParams {
    /// The query so far.
    pub q: String,
    /// The cursor, in bytes (default: the end).
    pub pos: Option<usize>,
}

/// What the shell's Tab would offer at the cursor: kinds in `is(…)`, edge kinds in arrows,
/// commands after `|`, formats, paths seen in the data, namespaces after `namespace =`.
#[utoipa::path(get, path = "/api/v1/complete", tag = "query", params(CompleteParams),
    responses((status = 200, body = kubegraph_app::complete::Completion), (status = 400, body = ErrorBody)))]
async fn complete(
    State(state): Shared,
    Query(p): Query<CompleteParams>,
) -> Result<Json<kubegraph_app::complete::Completion>, ApiError> {
    let q = query_text(&p.q)?;
    let s = state.current();
    let vocabulary = state.vocabulary(&s);
    let pos = p.pos.unwrap_or(q.len());
    Ok(Json(kubegraph_app::complete::completions(
        q,
        pos,
        &vocabulary,
    )))
}

/// Two peers and a port.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReachParams {
    /// The source: `namespace/name`, `namespace/name[Kind]`, an IPv4 address or CIDR, or
    /// `{ingress-controller}`; or a node id (its workload is the peer).
    pub src: String,
    /// The destination, written like the source.
    pub dst: String,
    /// Only this port: `80`, `80/TCP`, `53/UDP`.
    pub port: Option<String>,
    /// Leave out workloads in the host network.
    pub exclude_host_network: Option<bool>,
    /// Leave out pods whose phase is Succeeded or Failed.
    pub exclude_finished_pods: Option<bool>,
}

/// A peer as `reach` takes it. A node id names a pod: itself, or the first pod of a workload
/// or a service (NetworkPolicies select pods; a pod stands for the workload that runs it).
fn peer(s: &Snapshot, text: &str) -> String {
    let Some(id) = node::by_id(&s.graph, text) else {
        return text.to_string();
    };
    let o = &s.graph.node(id).object;
    let pod = (!(o.kind == "Pod" && o.group.is_empty()))
        .then(|| kubegraph_app::views::pods(s, text, None).ok())
        .flatten()
        .and_then(|v| v.pods.into_iter().next());
    match pod {
        Some(p) => format!("{}/{}", p.namespace.unwrap_or_default(), p.name),
        None => match &o.namespace {
            Some(ns) => format!("{ns}/{}", o.name),
            None => o.name.clone(),
        },
    }
}

fn reach_error(e: kubegraph_app::reach::ReachError) -> ApiError {
    use kubegraph_app::reach::ReachError;
    match &e {
        ReachError::Peer { .. } => ApiError::not_found(e.to_string()),
        ReachError::Analysis(cause) => ApiError::bad_request(format!("{e}: {cause}")),
        _ => ApiError::bad_request(e.to_string()),
    }
}

/// Whether the source can reach the destination under the NetworkPolicies, on the port or on
/// some port, and which policies and rules decide.
#[utoipa::path(get, path = "/api/v1/reach", tag = "network", params(ReachParams),
    responses((status = 200, body = kubegraph_app::reach::Reach), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn reach(
    State(state): Shared,
    Query(p): Query<ReachParams>,
) -> Result<Json<kubegraph_app::reach::Reach>, ApiError> {
    let s = state.current();
    let (src, dst) = (peer(&s, &p.src), peer(&s, &p.dst));
    let options = kubegraph_app::reach::Options {
        exclude_host_network: p.exclude_host_network.unwrap_or(false),
        exclude_finished: p.exclude_finished_pods.unwrap_or(false),
    };
    kubegraph_app::reach::reach(&s, &src, &dst, p.port.as_deref(), options)
        .map(Json)
        .map_err(reach_error)
}

/// Every connection the NetworkPolicies allow, as `connectivity -o json` writes it
/// (netpol-analyzer's `list` in JSON).
#[utoipa::path(get, path = "/api/v1/connectivity", tag = "network",
    responses((status = 200, body = Object, content_type = "application/json"), (status = 400, body = ErrorBody)))]
async fn connectivity(State(state): Shared) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let s = state.current();
    let (listing, _) =
        kubegraph_app::reach::connectivity(&s, Default::default()).map_err(reach_error)?;
    let mut body = Vec::new();
    kubegraph_formats::connectivity::write(&listing, kubegraph_formats::Format::Json, &mut body)
        .map_err(|e| ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}
