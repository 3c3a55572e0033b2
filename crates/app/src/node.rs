//! One node in full: what a detail pane shows (identity, labels, age, health, events, every
//! edge in and out), and finding a node by its export id.

use crate::landscape::Snapshot;
use crate::NodeSummary;
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_health::events;
use kubegraph_health::time::{human, Timestamp};
use kubegraph_health::State;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path};
use kubegraph_model::ObjectRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// Events of one kind about one object, merged (kubegraph_health::events).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EventSummary {
    /// The event reason (`BackOff`).
    pub reason: String,
    /// The newest message.
    pub message: String,
    /// StackState's category (`Alerts`, `Activities`, `Changes`, `Others`).
    pub category: &'static str,
    /// How many times it happened.
    pub count: u64,
    /// When it first happened.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub first: Option<Timestamp>,
    /// When it last happened.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last: Option<Timestamp>,
    /// `Failed ×204, last 17s ago: Error: …` against the reference time.
    #[serde(skip)]
    pub summary: String,
}

impl EventSummary {
    pub(crate) fn of(e: &events::LogicalEvent, now: Option<Timestamp>) -> EventSummary {
        EventSummary {
            reason: e.reason.clone(),
            message: e.message.clone(),
            category: e.category.as_str(),
            count: e.count,
            first: e.first,
            last: e.last,
            summary: e.summary(now),
        }
    }
}

/// A node with everything known about it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NodeDetail {
    /// Id, kind, namespace, name, missing.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// `Pod shop/web`, with `(missing)` for placeholders.
    pub label: String,
    /// The cluster.
    pub cluster: String,
    /// The API group (`""` for core).
    pub group: String,
    /// The API version.
    pub version: String,
    /// `metadata.uid`.
    pub uid: Option<String>,
    /// `source`, `placeholder`, `implied` or `synthetic`.
    pub origin: &'static str,
    /// `metadata.labels`.
    pub labels: BTreeMap<String, String>,
    /// `metadata.annotations`.
    pub annotations: BTreeMap<String, String>,
    /// `metadata.creationTimestamp`.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub created: Option<Timestamp>,
    /// How long ago it was created, against the reference time (`3d4h`).
    pub age: Option<String>,
    /// Its health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why.
    pub reason: String,
    /// The object as loaded (a Secret's values are already `null`).
    #[schema(value_type = Object)]
    pub object: serde_json::Value,
    /// Events about it, newest first.
    pub events: Vec<EventSummary>,
    /// Edges from it.
    pub out_edges: Vec<EdgeDetail>,
    /// Edges to it.
    pub in_edges: Vec<EdgeDetail>,
}

/// An edge as seen from one end.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EdgeDetail {
    /// The edge kind (`owns`, `selects`, …).
    pub kind: &'static str,
    /// The node at the other end.
    pub other: NodeSummary,
    /// The other end's label.
    pub label: String,
    /// The other end's health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// The edge's attributes (`keys`, `via`, `controller`, …).
    #[schema(value_type = Object)]
    pub attrs: serde_json::Value,
}

/// The node with `id` (as `export -o json` writes it, containers included).
pub fn by_id(graph: &Graph, id: &str) -> Option<NodeId> {
    let parts: Vec<&str> = id.split('/').collect();
    let (object, container) = match parts.as_slice() {
        [_, _, _, _, _] => (id, None),
        [.., name] if parts.len() == 6 => (&id[..id.len() - name.len() - 1], Some(*name)),
        _ => return None,
    };
    let r: ObjectRef = object.parse().ok()?;
    let cluster = graph
        .clusters()
        .find(|(_, name, _)| Some(*name) == r.cluster.as_deref())?
        .0;
    let group = r.group.as_deref().unwrap_or("");
    match container {
        None => graph.lookup(cluster, group, &r.kind, r.namespace.as_deref(), &r.name),
        Some(c) => {
            let pod = graph.lookup(cluster, "", "Pod", r.namespace.as_deref(), &r.name)?;
            graph
                .out_edges(pod)
                .map(|e| e.to)
                .find(|&to| graph.node(to).parent == Some(pod) && graph.node(to).object.name == c)
        }
    }
}

/// Everything about `id`.
pub fn detail(snapshot: &Snapshot, id: NodeId) -> NodeDetail {
    let graph = &snapshot.graph;
    let n = graph.node(id);
    let o = &n.object;
    let now = snapshot.now();
    let strings = |key: &str| -> BTreeMap<String, String> {
        o.metadata()
            .and_then(|m| m.get(&key))
            .and_then(|v| v.as_object())
            .map(|m| {
                m.iter()
                    .map(|(k, v)| {
                        (
                            k.to_string(),
                            v.as_str().map_or_else(|| v.to_string(), str::to_string),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let created = o
        .raw
        .ptr("/metadata/creationTimestamp")
        .and_then(|v| v.as_str())
        .and_then(|t| Timestamp::parse(t).ok());
    let health = snapshot.health_of(id);
    let edge = |kind: kubegraph_model::EdgeKind, other: NodeId, attrs: &kubegraph_graph::Attrs| {
        EdgeDetail {
            kind: kind.as_str(),
            other: NodeSummary::of(graph, other),
            label: crate::label(graph, other),
            state: snapshot.health_of(other).state,
            attrs: serde_json::to_value(attrs).unwrap_or_default(),
        }
    };
    NodeDetail {
        node: NodeSummary::of(graph, id),
        label: crate::label(graph, id),
        cluster: graph.cluster_name(n.cluster).to_string(),
        group: o.group.clone(),
        version: o.version.clone(),
        uid: o.uid.clone(),
        origin: match n.origin {
            Origin::Source => "source",
            Origin::Placeholder => "placeholder",
            Origin::Implied => "implied",
            Origin::Synthetic => "synthetic",
        },
        labels: strings("labels"),
        annotations: strings("annotations"),
        created,
        age: created.zip(now).map(|(c, n)| human(n.since(c))),
        state: health.state,
        reason: health.reason.clone(),
        object: serde_json::from_str(&o.raw.to_string()).unwrap_or_default(),
        events: events::about(graph, id)
            .iter()
            .map(|e| EventSummary::of(e, now))
            .collect(),
        out_edges: graph
            .out_edges(id)
            .map(|e| edge(e.kind, e.to, &e.attrs))
            .collect(),
        in_edges: graph
            .in_edges(id)
            .map(|e| edge(e.kind, e.from, &e.attrs))
            .collect(),
    }
}
