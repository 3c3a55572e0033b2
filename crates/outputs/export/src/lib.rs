//! Whole-graph exports, and the same formats for a subset of nodes ([`export_subset`]). The JSON form is a contract other tools (and kubegraph's own tests)
//! rely on:
//!
//! ```text
//! {"nodes": [{"id", "cluster", "group", "version", "kind", "namespace", "name", "uid",
//!             "missing", "origin", "labels", ...}],
//!  "edges": [{"from", "to", "kind", ...attributes}]}
//! ```
//!
//! `namespace` and `uid` are `null` when absent; ids are `cluster/group/Kind/namespace/name`
//! with `core` for the core group and `_` for cluster-scoped objects.
//!
//! The other formats are for looking at the graph or loading it elsewhere:
//!
//! * `dot` (Graphviz) and `mermaid` draw namespaces (and clusters, when there are several) as
//!   nested boxes, so the `contains` edges those boxes already say are not drawn.
//! * `graphml` keeps every node and edge with all of the JSON fields (labels and edge attributes
//!   as JSON text), for Gephi, yEd, networkx and the like.
//! * `cytoscape` ([`cytoscape`], for a node subset only) is Cytoscape.js elements JSON.
//! * `cypher` is a script for `cypher-shell` that loads the graph into Neo4j in batches.
//!
//! Every format is deterministic: the same graph gives the same bytes.

mod cypher;
mod cytoscape;
mod dot;
mod graphml;
mod json;
mod mermaid;
mod nest;
mod view;

use kubegraph_graph::{Graph, Node, NodeId, Origin};
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};
use std::borrow::Cow;
use std::io::Write;
use std::str::FromStr;
use view::View;

pub use json::{edge_json, node_attrs, node_json};

/// The formats `export -o` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Dot,
    Mermaid,
    Graphml,
    Cypher,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["json", "dot", "mermaid", "graphml", "cypher"];
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "json" => Ok(Format::Json),
            "dot" => Ok(Format::Dot),
            "mermaid" => Ok(Format::Mermaid),
            "graphml" => Ok(Format::Graphml),
            "cypher" => Ok(Format::Cypher),
            other => Err(format!(
                "unknown format `{other}` (expected one of: {})",
                Format::NAMES.join(", ")
            )),
        }
    }
}

// Non-exhaustive so that a failure other than I/O can be added later without breaking callers
// that already handle the rest with a catch-all arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes the whole graph in `format`.
pub fn export(graph: &Graph, format: Format, out: &mut dyn Write) -> Result<(), ExportError> {
    match format {
        Format::Json => json::write(&View::whole(graph), out),
        Format::Dot => Ok(dot::write(&View::whole(graph), out)?),
        Format::Mermaid => Ok(mermaid::write(&View::whole(graph), out)?),
        Format::Graphml => Ok(graphml::write(&View::whole(graph), out)?),
        Format::Cypher => Ok(cypher::write(&View::whole(graph), out)?),
    }
}

/// Writes the nodes `nodes` (in node order, duplicates dropped) and the edges among them in
/// `format`, exactly as [`export`] writes a whole graph that held only those. Drawings box the
/// namespaces and clusters of the nodes given.
pub fn export_subset(
    graph: &Graph,
    nodes: &[NodeId],
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let view = View::subset(graph, nodes);
    match format {
        Format::Json => json::write(&view, out),
        Format::Dot => Ok(dot::write(&view, out)?),
        Format::Mermaid => Ok(mermaid::write(&view, out)?),
        Format::Graphml => Ok(graphml::write(&view, out)?),
        Format::Cypher => Ok(cypher::write(&view, out)?),
    }
}

/// The nodes `nodes` and the edges among them as Cytoscape.js elements JSON:
/// `{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`. A node's `data` is
/// [`node_json`] (its `id` is the kubegraph id); an edge's is [`edge_json`] with `source` and
/// `target` (the node ids) and an `id` of `e<index>`.
pub fn cytoscape(graph: &Graph, nodes: &[NodeId]) -> serde_json::Value {
    cytoscape::elements(&View::subset(graph, nodes))
}

pub(crate) fn origin_str(origin: Origin) -> &'static str {
    match origin {
        Origin::Source => "source",
        Origin::Placeholder => "placeholder",
        Origin::Implied => "implied",
        Origin::Synthetic => "synthetic",
    }
}

/// What a drawing styles a node by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Workload,
    Network,
    Config,
    Storage,
    Rbac,
    Synthetic,
    Namespace,
    Other,
}

pub(crate) fn family(node: &Node) -> Family {
    let o = &node.object;
    if o.group == SYNTHETIC_GROUP {
        return Family::Synthetic;
    }
    if o.group.is_empty() && o.kind == "Namespace" {
        return Family::Namespace;
    }
    let Some(info) = kinds::builtin(&o.group, &o.kind) else {
        return Family::Other;
    };
    // A kind can be in several categories (`workload` and `controller`); the first of this list
    // that matches decides.
    for (category, family) in [
        ("workload", Family::Workload),
        ("network", Family::Network),
        ("config", Family::Config),
        ("volume", Family::Storage),
        ("rbac", Family::Rbac),
    ] {
        if info.categories.contains(&category) {
            return family;
        }
    }
    Family::Other
}

/// The kind as a drawing names it: qualified by its group unless that is the core group or the
/// node is kubegraph's own (cluster, container, image, external host, RBAC user and group),
/// where the group is noise.
pub(crate) fn display_kind(node: &Node) -> Cow<'_, str> {
    let o = &node.object;
    if o.group.is_empty() || o.group == SYNTHETIC_GROUP || node.origin == Origin::Synthetic {
        Cow::Borrowed(&o.kind)
    } else {
        Cow::Owned(format!("{}/{}", o.group, o.kind))
    }
}
