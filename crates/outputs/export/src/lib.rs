//! Whole-graph exports. The JSON form is a contract other tools (and kubegraph's own tests)
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

mod json;

use kubegraph_graph::Graph;
use std::io::Write;
use std::str::FromStr;

pub use json::{edge_json, node_json};

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

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
    #[error("format `{0}` is not implemented yet")]
    Unsupported(&'static str),
}

/// Writes the whole graph in `format`.
pub fn export(graph: &Graph, format: Format, out: &mut dyn Write) -> Result<(), ExportError> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Dot => Err(ExportError::Unsupported("dot")),
        Format::Mermaid => Err(ExportError::Unsupported("mermaid")),
        Format::Graphml => Err(ExportError::Unsupported("graphml")),
        Format::Cypher => Err(ExportError::Unsupported("cypher")),
    }
}
