//! The HTTP side: authentication, recording, routing of Kubernetes paths, discovery, get, list
//! and watch.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State as AxumState};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::accept::{self, Aggregated, Representation};
use crate::labels::LabelSelector;
use crate::registry::store_key;
use crate::render::{event_line, event_line_raw, View};
use crate::status;
use crate::store::ObjectKey;
use crate::watch::{self, Filter, WatchMessage};
use crate::{Forbidden, Inner, RecordedRequest, ResourceType, State, TestApiServer};

type Failure = (u16, Value);

pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    inner: Arc<Inner>,
    tls: Option<Arc<rustls::ServerConfig>>,
) {
    use axum::serve::ListenerExt as _;
    let router = axum::Router::new()
        .fallback(handle)
        .with_state(inner)
        .layer(tower_http::compression::CompressionLayer::new().compress_when(LargeBody));
    let served = match tls {
        Some(config) => {
            let listener = crate::tls::TlsListener {
                tcp: listener,
                acceptor: tokio_rustls::TlsAcceptor::from(config),
            };
            let service = router.into_make_service_with_connect_info::<crate::tls::Peer>();
            axum::serve(listener, service).await
        }
        None => {
            // Without TCP_NODELAY a response written in several pieces waits for the client's
            // delayed ACK (40 ms on Linux) on every request: a paged list would crawl.
            let listener = listener.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            axum::serve(listener, router).await
        }
    };
    if let Err(e) = served {
        eprintln!("test API server stopped: {e}");
    }
}

/// The API server compresses a response when the client accepts gzip and the body is larger
/// than 128 KiB (`defaultGzipThresholdBytes` in the apiserver's `responsewriters`); watch
/// streams, whose size is not known, never.
#[derive(Clone, Copy)]
struct LargeBody;

impl tower_http::compression::Predicate for LargeBody {
    fn should_compress<B: http_body::Body>(&self, response: &axum::http::Response<B>) -> bool {
        response
            .body()
            .size_hint()
            .exact()
            .is_some_and(|n| n > 128 * 1024)
    }
}

async fn handle(AxumState(inner): AxumState<Arc<Inner>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let accept = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let accept_encoding = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    inner.lock().requests.push(RecordedRequest {
        method: request.method().to_string(),
        path: path.clone(),
        query: query.clone(),
        accept: accept.clone(),
        accept_encoding,
    });
    let expected = format!("Bearer {}", TestApiServer::TOKEN);
    let certified = request
        .extensions()
        .get::<axum::extract::ConnectInfo<crate::tls::Peer>>()
        .is_some_and(|peer| peer.0.certified);
    let authorized = certified
        || request
            .headers()
            .get(header::AUTHORIZATION)
            .is_some_and(|v| v.as_bytes() == expected.as_bytes());
    if !authorized {
        return json_response(401, &status::unauthorized());
    }
    let params = Params::parse(&query);
    let accept = accept.as_deref();
    match route(&inner, request.method(), &path, &params, accept) {
        Ok(Reply::Json(value)) => json_response(200, &value),
        Ok(Reply::Raw(bytes)) => {
            let mut response = Response::new(Body::from(bytes));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Ok(Reply::Discovery(value, content_type)) => {
            let mut response = json_response(200, &value);
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            response
        }
        Ok(Reply::Stream(body)) => {
            let mut response = Response::new(body);
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Ok(Reply::Text(code, text)) => (
            StatusCode::from_u16(code).unwrap_or(StatusCode::NOT_FOUND),
            text,
        )
            .into_response(),
        Err((code, body)) => json_response(code, &body),
    }
}

fn json_response(code: u16, value: &Value) -> Response {
    let body = serde_json::to_vec(value).expect("JSON values serialize");
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

enum Reply {
    Json(Value),
    /// JSON already serialized.
    Raw(Vec<u8>),
    Discovery(Value, &'static str),
    Stream(Body),
    Text(u16, &'static str),
}

/// Query parameters that matter to the protocol.
#[derive(Default)]
struct Params {
    watch: bool,
    limit: Option<u64>,
    continue_token: Option<String>,
    resource_version: Option<String>,
    resource_version_match: Option<String>,
    field_selector: Option<String>,
    labels: LabelSelector,
    allow_bookmarks: bool,
    timeout_seconds: Option<u64>,
    send_initial_events: bool,
    bad: Option<String>,
}

impl Params {
    fn parse(query: &str) -> Params {
        let mut params = Params::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            match &*key {
                "watch" => params.watch = params.flag("watch", &value),
                "allowWatchBookmarks" => {
                    params.allow_bookmarks = params.flag("allowWatchBookmarks", &value)
                }
                "sendInitialEvents" => {
                    params.send_initial_events = params.flag("sendInitialEvents", &value)
                }
                "limit" => params.limit = params.number("limit", &value),
                "timeoutSeconds" => {
                    params.timeout_seconds = params.number("timeoutSeconds", &value)
                }
                "continue" if !value.is_empty() => params.continue_token = Some(value),
                "resourceVersion" if !value.is_empty() => params.resource_version = Some(value),
                "resourceVersionMatch" if !value.is_empty() => {
                    params.resource_version_match = Some(value)
                }
                "fieldSelector" if !value.is_empty() => params.field_selector = Some(value),
                "labelSelector" => match LabelSelector::parse(&value) {
                    Ok(labels) => params.labels = labels,
                    Err(e) => params.bad = Some(e),
                },
                _ => {}
            }
        }
        params
    }

    /// Go's `strconv.ParseBool`, which the real server uses.
    fn flag(&mut self, key: &str, value: &str) -> bool {
        match value {
            "1" | "t" | "T" | "true" | "TRUE" | "True" => true,
            "0" | "f" | "F" | "false" | "FALSE" | "False" | "" => false,
            _ => {
                self.bad = Some(format!("{key}: invalid value {value:?}"));
                false
            }
        }
    }

    fn number(&mut self, key: &str, value: &str) -> Option<u64> {
        match value.parse() {
            Ok(n) => Some(n),
            Err(_) => {
                self.bad = Some(format!("{key}: invalid value {value:?}"));
                None
            }
        }
    }

    /// `metadata.name` and `metadata.namespace` equalities of the field selector.
    fn field(&self, field: &str) -> Option<String> {
        let selector = self.field_selector.as_deref()?;
        selector.split(',').find_map(|term| {
            let (key, value) = term.split_once("==").or_else(|| term.split_once('='))?;
            (key.trim() == field && !key.ends_with('!')).then(|| value.trim().to_string())
        })
    }
}

fn route(
    inner: &Arc<Inner>,
    method: &Method,
    path: &str,
    params: &Params,
    accept: Option<&str>,
) -> Result<Reply, Failure> {
    let segments: Vec<&str> = path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let state = inner.lock();
    let (group, version, rest) = match segments.as_slice() {
        [] => {
            return Ok(Reply::Json(
                json!({"paths": ["/api", "/api/v1", "/apis", "/version"]}),
            ))
        }
        ["version"] => return Ok(Reply::Json(version_info())),
        ["healthz" | "livez" | "readyz"] => return Ok(Reply::Text(200, "ok")),
        ["api"] => {
            return Ok(match accept::aggregated(accept) {
                Some(aggregated) => discovery_reply(
                    state.registry.aggregated(true, aggregated.api_version()),
                    aggregated,
                ),
                None => Reply::Json(state.registry.api_versions(&inner.addr.to_string())),
            })
        }
        ["apis"] => {
            return Ok(match accept::aggregated(accept) {
                Some(aggregated) => discovery_reply(
                    state.registry.aggregated(false, aggregated.api_version()),
                    aggregated,
                ),
                None => Reply::Json(state.registry.api_group_list()),
            })
        }
        ["apis", group] => {
            return state
                .registry
                .api_group(group)
                .map(Reply::Json)
                .ok_or_else(|| (404, status::no_such_resource()))
        }
        ["api", version, rest @ ..] => ("", *version, rest),
        ["apis", group, version, rest @ ..] => (*group, *version, rest),
        _ => return Ok(Reply::Text(404, "404 page not found\n")),
    };
    if rest.is_empty() {
        return state
            .registry
            .api_resource_list(group, version)
            .map(Reply::Json)
            .ok_or_else(|| (404, status::no_such_resource()));
    }
    if !state.registry.has_group_version(group, version) {
        return Err((404, status::no_such_resource()));
    }
    let find = |plural: &str| state.registry.find(group, version, plural).cloned();
    let namespaced_resource = |plural: &str| find(plural).filter(|r| r.namespaced);
    // Which resource, in which namespace, which object: the path shapes the real server has.
    let (resource, namespace, name) = match rest {
        ["namespaces", ns, plural] if namespaced_resource(plural).is_some() => {
            (namespaced_resource(plural), Some(*ns), None)
        }
        ["namespaces", ns, plural, name] if namespaced_resource(plural).is_some() => {
            (namespaced_resource(plural), Some(*ns), Some(*name))
        }
        ["namespaces", ns, plural, name, subresource] if namespaced_resource(plural).is_some() => {
            return subresource_get(
                &state,
                method,
                &namespaced_resource(plural).expect("checked"),
                Some(ns),
                name,
                subresource,
                accept,
            );
        }
        [plural] => (find(plural), None, None),
        [plural, name] => (find(plural).filter(|r| !r.namespaced), None, Some(*name)),
        [plural, name, subresource] => {
            let resource = find(plural)
                .filter(|r| !r.namespaced)
                .ok_or_else(|| (404, status::no_such_resource()))?;
            return subresource_get(&state, method, &resource, None, name, subresource, accept);
        }
        _ => (None, None, None),
    };
    let resource = resource.ok_or_else(|| (404, status::no_such_resource()))?;
    if method != Method::GET {
        return Err((405, status::method_not_allowed()));
    }
    if let Some(bad) = &params.bad {
        return Err((400, status::bad_request(bad)));
    }
    // `?watch=1` on a single object is the deprecated form of a watch with a name selector,
    // which the real server still serves.
    let verb = match (name, params.watch) {
        (_, true) => "watch",
        (Some(_), false) => "get",
        (None, false) => "list",
    };
    if !resource.verbs.iter().any(|v| v == verb) {
        return Err((405, status::method_not_allowed()));
    }
    if let Some(code) = state.failing(&resource.group, &resource.plural) {
        return Err((code, status::failure(code)));
    }
    if verb != "get" {
        let denied = matches!(
            (
                state.forbidden(&resource.group, &resource.plural),
                namespace
            ),
            (Some(Forbidden::Everywhere), _) | (Some(Forbidden::ClusterScope), None)
        );
        if denied {
            return Err((
                403,
                status::forbidden(verb, &resource.group, &resource.plural, namespace),
            ));
        }
    }
    match name {
        _ if params.watch => {
            let view = View::new(
                &resource,
                accept::watch(accept)? == Representation::Metadata,
            );
            drop(state);
            start_watch(inner, &resource, namespace, name, params, view).map(Reply::Stream)
        }
        Some(name) => {
            let view = View::new(
                &resource,
                accept::single(accept)? == Representation::Metadata,
            );
            get(&state, &resource, namespace, name, &view).map(Reply::Raw)
        }
        None => {
            let view = View::new(&resource, accept::list(accept)? == Representation::Metadata);
            list(&state, &resource, namespace, params, &view).map(Reply::Raw)
        }
    }
}

fn discovery_reply(document: Value, aggregated: Aggregated) -> Reply {
    Reply::Discovery(document, aggregated.content_type())
}

fn version_info() -> Value {
    json!({
        "major": "1",
        "minor": "31",
        "gitVersion": "v1.31.0",
        "gitCommit": "9edcffcde5595e8a5b1a35f88c421764e575afce",
        "gitTreeState": "clean",
        "buildDate": "2024-08-13T07:28:49Z",
        "goVersion": "go1.22.5",
        "compiler": "gc",
        "platform": "linux/amd64",
    })
}

fn object_key(resource: &ResourceType, namespace: Option<&str>, name: &str) -> ObjectKey {
    let ns = if resource.namespaced {
        namespace.unwrap_or("")
    } else {
        ""
    };
    (ns.to_string(), name.to_string())
}

fn get(
    state: &State,
    resource: &ResourceType,
    namespace: Option<&str>,
    name: &str,
    view: &View,
) -> Result<Vec<u8>, Failure> {
    let object = state
        .store
        .get(
            &store_key(resource),
            &object_key(resource, namespace, name),
            state.store.rv,
        )
        .ok_or_else(|| {
            (
                404,
                status::not_found(&resource.group, &resource.plural, name),
            )
        })?;
    let mut out = Vec::new();
    view.object_json(&object, &mut out);
    Ok(out)
}

/// `GET .../{name}/status` returns the object, as on the real server; other subresources
/// (logs, exec, proxies, scale) are not served.
fn subresource_get(
    state: &State,
    method: &Method,
    resource: &ResourceType,
    namespace: Option<&str>,
    name: &str,
    subresource: &str,
    accept: Option<&str>,
) -> Result<Reply, Failure> {
    if subresource != "status" {
        return Err((404, status::no_such_resource()));
    }
    if method != Method::GET {
        return Err((405, status::method_not_allowed()));
    }
    let view = View::new(
        resource,
        accept::single(accept)? == Representation::Metadata,
    );
    get(state, resource, namespace, name, &view).map(Reply::Raw)
}

/// What a continue token holds, in the real server's encoding: base64 of
/// `{"v":"meta.k8s.io/v1","rv":N,"start":"<key after the last item>"}`.
fn encode_continue(rv: u64, last: &ObjectKey) -> String {
    let start = if last.0.is_empty() {
        format!("{}\u{0}", last.1)
    } else {
        format!("{}/{}\u{0}", last.0, last.1)
    };
    let token = json!({"v": "meta.k8s.io/v1", "rv": rv, "start": start});
    base64::engine::general_purpose::STANDARD.encode(token.to_string())
}

/// The revision and the last key of the previous page.
fn decode_continue(token: &str) -> Option<(u64, ObjectKey)> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(token)
        .ok()?;
    let token: Value = serde_json::from_slice(&bytes).ok()?;
    if token["v"] != "meta.k8s.io/v1" {
        return None;
    }
    let rv = token["rv"].as_u64()?;
    let start = token["start"].as_str()?.strip_suffix('\u{0}')?;
    let key = match start.split_once('/') {
        Some((ns, name)) => (ns.to_string(), name.to_string()),
        None => (String::new(), start.to_string()),
    };
    Some((rv, key))
}

fn parse_rv(rv: &str) -> Result<u64, Failure> {
    rv.parse().map_err(|_| {
        (
            400,
            status::bad_request(&format!("invalid resource version: {rv:?}")),
        )
    })
}

fn list(
    state: &State,
    resource: &ResourceType,
    namespace: Option<&str>,
    params: &Params,
    view: &View,
) -> Result<Vec<u8>, Failure> {
    let store = &state.store;
    let limit = params.limit.filter(|&l| l > 0);
    let (rv, start_after) = match &params.continue_token {
        Some(token) => {
            if params.resource_version.is_some() {
                return Err((
                    400,
                    status::bad_request(
                        "specifying resource version is not allowed when using continue",
                    ),
                ));
            }
            let (rv, last) = decode_continue(token)
                .ok_or_else(|| (400, status::bad_request("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")))?;
            if rv < store.compacted {
                return Err((410, status::continue_expired()));
            }
            if rv > store.rv {
                return Err((
                    400,
                    status::bad_request(
                        "continue key is not valid: resource version is in the future",
                    ),
                ));
            }
            (rv, Some(last))
        }
        None => match params.resource_version.as_deref() {
            None | Some("0") => (store.rv, None),
            Some(asked) => {
                let asked = parse_rv(asked)?;
                let exact = match params.resource_version_match.as_deref() {
                    Some("Exact") => true,
                    Some("NotOlderThan") => false,
                    Some(other) => {
                        return Err((400, status::bad_request(&format!("resourceVersionMatch: Unsupported value: {other:?}: supported values: \"Exact\", \"NotOlderThan\""))))
                    }
                    // A paged list from a revision is an exact read (legacy semantics).
                    None => limit.is_some(),
                };
                if asked > store.rv {
                    return Err((504, status::too_large(asked, store.rv)));
                }
                if exact && asked < store.compacted {
                    return Err((410, status::too_old(asked, store.compacted)));
                }
                (if exact { asked } else { store.rv }, None)
            }
        },
    };
    let name = params.field("metadata.name");
    let namespace_field = params.field("metadata.namespace");
    let matching = store
        .snapshot(&store_key(resource), namespace, rv, start_after.as_ref())
        .filter(|(key, _)| name.as_ref().is_none_or(|n| *n == key.1))
        .filter(|(key, _)| namespace_field.as_ref().is_none_or(|ns| *ns == key.0))
        .filter(|(_, object)| params.labels.matches(&object.value));
    let mut items = Vec::new();
    let mut count = 0u64;
    let mut last = None;
    let mut remaining = 0u64;
    for (key, object) in matching {
        if limit.is_some_and(|l| count >= l) {
            remaining += 1;
            continue;
        }
        if count > 0 {
            items.push(b',');
        }
        view.list_item_json(object, &mut items);
        count += 1;
        last = Some(key.clone());
    }
    let mut metadata = json!({"resourceVersion": rv.to_string()});
    if remaining > 0 {
        let last = last.expect("a full page has a last item");
        metadata["continue"] = json!(encode_continue(rv, &last));
        // The real server counts only unfiltered lists (it cannot know how many of the rest
        // a selector keeps without reading them).
        if params.labels.is_empty() && params.field_selector.is_none() {
            metadata["remainingItemCount"] = json!(remaining);
        }
    }
    let (kind, api_version) = view.list_type_meta();
    let head = json!({"kind": kind, "apiVersion": api_version, "metadata": metadata});
    // `{"kind":..,"apiVersion":..,"metadata":..,"items":[...]}` around the items' JSON.
    let mut out = serde_json::to_vec(&head).expect("JSON values serialize");
    out.pop();
    out.reserve(items.len() + 12);
    out.extend_from_slice(b",\"items\":[");
    out.extend_from_slice(&items);
    out.extend_from_slice(b"]}");
    Ok(out)
}

fn start_watch(
    inner: &Arc<Inner>,
    resource: &ResourceType,
    namespace: Option<&str>,
    name: Option<&str>,
    params: &Params,
    view: View,
) -> Result<Body, Failure> {
    let (tx, rx) = mpsc::unbounded_channel();
    let timeout = params.timeout_seconds.map(Duration::from_secs);
    let mut state = inner.lock();
    let store = &state.store;
    let filter = Filter {
        store: store_key(resource),
        namespace: namespace
            .map(String::from)
            .or_else(|| params.field("metadata.namespace")),
        name: name
            .map(String::from)
            .or_else(|| params.field("metadata.name")),
        labels: params.labels.clone(),
        view,
        bookmarks: params.allow_bookmarks,
    };
    let from = match params.resource_version.as_deref() {
        None | Some("0") => None,
        Some(rv) => Some(parse_rv(rv)?),
    };
    if params.send_initial_events {
        if params.resource_version_match.as_deref() != Some("NotOlderThan")
            || !params.allow_bookmarks
        {
            return Err((422, status::status(422, "Invalid", "sendInitialEvents requires resourceVersionMatch=NotOlderThan and allowWatchBookmarks=true", None)));
        }
    } else if params.resource_version_match.is_some() {
        return Err((
            422,
            status::status(
                422,
                "Invalid",
                "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided",
                None,
            ),
        ));
    }
    match from {
        Some(rv) if rv < store.compacted && !params.send_initial_events => {
            // As the real server: 200, then one ERROR event, then the end of the stream.
            let _ = tx.send(WatchMessage::Line(event_line(
                "ERROR",
                &status::too_old(rv, store.compacted),
            )));
            drop(tx);
            return Ok(watch::body(inner, None, rx, timeout));
        }
        Some(rv) if !params.send_initial_events => {
            for event in store.events_after(rv) {
                let Some(kind) = filter.translate(event) else {
                    continue;
                };
                let line = event_line_raw(kind.as_str(), |out| {
                    filter.view.object_json(&event.object, out)
                });
                let _ = tx.send(WatchMessage::Line(line));
            }
        }
        _ => {
            // No revision (or sendInitialEvents): the current objects as ADDED events first.
            let current = store.rv;
            let snapshot =
                store.snapshot(&filter.store, filter.namespace.as_deref(), current, None);
            for (key, object) in snapshot {
                if filter.selects(key, object) {
                    let line = event_line_raw("ADDED", |out| filter.view.object_json(object, out));
                    let _ = tx.send(WatchMessage::Line(line));
                }
            }
            if params.send_initial_events {
                let _ = tx.send(WatchMessage::Line(watch::bookmark_line(
                    &filter.view,
                    current,
                    true,
                )));
            }
        }
    }
    let id = state.watchers.add(filter, tx);
    drop(state);
    Ok(watch::body(inner, Some(id), rx, timeout))
}
