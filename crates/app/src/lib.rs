//! kubegraph as an application: the one place a front end (the CLI, the HTTP server) talks to.
//!
//! A [`Landscape`] is a source loaded and related: files, the demo or live clusters (which keep
//! watching). Its [`Snapshot`] is one consistent picture: the graph, the warnings loading it
//! said, the reference time, and health assessed once. Every answer is a typed, `Serialize`
//! result computed from a snapshot; front ends only render them:
//!
//! * [`target::resolve`]: what a TARGET names (`deploy/shop/web`, `shop/web`, a query), with
//!   suggestions when it names nothing;
//! * [`why::why`]: the causal tree down to the root causes and what to fix;
//! * [`views`]: dependencies, pods, config and storage, a namespace;
//! * [`stats::stats`]: counts by kind, placeholders, health;
//! * [`impact::impact`]: what breaks if an object is deleted.
//!
//! ```
//! use kubegraph_app::{why, Landscape, Source};
//!
//! let landscape = Landscape::load(&Source::Demo, None, &mut |_| {})?;
//! let snapshot = landscape.snapshot();
//! let report = why::why(snapshot, "deploy/payments/payments-api")?;
//! let tree = &report.explanations[0];
//! assert!(!tree.healthy);
//! let causes: Vec<String> = tree.root_causes.iter().map(|c| c.plain_label.clone()).collect();
//! assert_eq!(causes, ["Secret payments/payments-api-token"]);
//! assert!(tree.root_causes[0].fix.starts_with("create Secret payments/payments-api-token"));
//! # Ok::<(), kubegraph_app::Error>(())
//! ```

pub mod changes;
pub mod complete;
mod error;
pub mod impact;
mod landscape;
mod live;
mod memory;
pub mod node;
pub mod reach;
pub mod search;
mod source;
pub mod stats;
pub mod target;
pub mod topology;
pub mod views;
pub mod why;

pub use error::{Error, Result};
pub use kubegraph_live::{ClusterProgress, ClusterState, LiveOptions};
pub use kubegraph_query::Scope;
pub use landscape::{Landscape, Origin, Snapshot};
pub use live::{LiveSession, SyncProgress};
pub use source::Source;

use kubegraph_graph::{Graph, NodeId, Origin as NodeOrigin};
use kubegraph_model::ObjectRef;
use serde::Serialize;

/// A node as answers name it: its id, kind, namespace and name, and whether it is absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct NodeSummary {
    /// The id `export -o json` gives it.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its name.
    pub name: String,
    /// Referenced but absent (a placeholder).
    pub missing: bool,
    /// The node in the snapshot's graph.
    #[serde(skip)]
    pub node: NodeId,
}

impl NodeSummary {
    /// `Pod shop/web-1`, `StorageClass io2-fast (missing)`, as [`label`] names it.
    pub fn label(&self) -> String {
        let missing = if self.missing { " (missing)" } else { "" };
        match &self.namespace {
            Some(ns) => format!("{} {ns}/{}{missing}", self.kind, self.name),
            None => format!("{} {}{missing}", self.kind, self.name),
        }
    }

    /// The summary of `id`.
    pub fn of(graph: &Graph, id: NodeId) -> NodeSummary {
        let n = graph.node(id);
        NodeSummary {
            id: graph.node_id_string(id),
            kind: n.object.kind.clone(),
            namespace: n.object.namespace.clone(),
            name: n.object.name.clone(),
            missing: n.missing(),
            node: id,
        }
    }
}

/// `Pod shop/web-1`, `StorageClass io2-fast (missing)`: how every answer names a node.
pub fn label(graph: &Graph, id: NodeId) -> String {
    let n = graph.node(id);
    let base = plain_label(graph, id);
    if n.origin == NodeOrigin::Placeholder {
        format!("{base} (missing)")
    } else {
        base
    }
}

/// `Pod shop/web-1`, `StorageClass io2-fast`.
pub fn plain_label(graph: &Graph, id: NodeId) -> String {
    ObjectRef::of(&graph.node(id).object).to_string()
}
