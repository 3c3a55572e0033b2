//! The graph writers: JSON, Graphviz dot, Mermaid, GraphML, Cypher and Cytoscape.js, each of a
//! [`View`]: the whole graph, or a subset of its nodes with the edges among them. Which writer
//! a command's `-o` names is kubegraph's formats crate's business; this crate has no format
//! enum.
//!
//! ```
//! use kubegraph_export::{write_dot, write_json, View};
//!
//! let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n";
//! let loaded = kubegraph_files::load_bytes("web.yaml", yaml.as_bytes(), &Default::default());
//! let (graph, _) = kubegraph_relations::graph_from_objects("demo", loaded.objects);
//!
//! let mut out = Vec::new();
//! write_json(&View::whole(&graph), &mut out).unwrap();
//! let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! let ids: Vec<&str> = json["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
//! assert_eq!(ids, ["demo/kubegraph.dev/Cluster/_/demo", "demo/core/Service/shop/web", "demo/core/Namespace/_/shop"]);
//!
//! // A subset: the service alone, boxed in its namespace.
//! let web: Vec<_> = graph.nodes().filter(|(_, n)| n.object.kind == "Service").map(|(id, _)| id).collect();
//! let mut out = Vec::new();
//! write_dot(&View::subset(&graph, &web), &mut out).unwrap();
//! let dot = String::from_utf8(out).unwrap();
//! assert!(dot.starts_with("digraph kubegraph {") && dot.contains("web"));
//! ```
//!
//! The JSON form is a contract other tools (and kubegraph's own tests) rely on:
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
//! * `cytoscape` ([`cytoscape`]) is Cytoscape.js elements JSON.
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

use kubegraph_graph::{Node, Origin};
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};
use std::borrow::Cow;
use std::io::Write;

pub use json::{edge_json, node_attrs, node_json};
pub use view::View;

/// Why a writer failed.
// Non-exhaustive so that a failure other than I/O can be added later without breaking callers
// that already handle the rest with a catch-all arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The output could not be written.
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
}

/// A graph writer: what every `write_*` function of this crate is.
pub type Writer = fn(&View, &mut dyn Write) -> Result<(), ExportError>;

/// The JSON contract (see the crate documentation), streamed node by node.
pub fn write_json(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    json::write(view, out)
}

/// Graphviz dot, namespaces (and clusters, when several) as boxes.
pub fn write_dot(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    Ok(dot::write(view, out)?)
}

/// A Mermaid flowchart, namespaces (and clusters, when several) as subgraphs.
pub fn write_mermaid(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    Ok(mermaid::write(view, out)?)
}

/// GraphML with every field of the JSON form.
pub fn write_graphml(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    Ok(graphml::write(view, out)?)
}

/// A `cypher-shell` script that loads the view into Neo4j in batches.
pub fn write_cypher(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    Ok(cypher::write(view, out)?)
}

/// The view as Cytoscape.js elements JSON:
/// `{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`. A node's `data` is
/// [`node_json`] (its `id` is the kubegraph id); an edge's is [`edge_json`] with `source` and
/// `target` (the node ids) and an `id` of `e<index>`.
pub fn cytoscape(view: &View) -> serde_json::Value {
    cytoscape::elements(view)
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
