//! The graph writers of `kubegraph-export`, by [`Format`]: `export -o F` for the whole graph,
//! and the graph formats of query results for a subset.

use std::io::{self, Write};

use kubegraph_export::{ExportError, View};
use kubegraph_graph::Graph;

use crate::Format;

/// Writes the whole graph in `format` (one of [`Format::EXPORT`]).
pub fn export(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    write_view(&View::whole(graph), format, out)
}

/// Writes the nodes and the edges among them in `format` (one of [`Format::EXPORT`]): what
/// `export -n NS` writes.
pub fn export_nodes(
    graph: &Graph,
    nodes: &[kubegraph_graph::NodeId],
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_view(&View::subset(graph, nodes), format, out)
}

/// Writes a view in a graph format (json, dot, mermaid, graphml, cypher, cytoscape); any other
/// format is an [`io::ErrorKind::InvalidInput`] error.
pub fn write_view(view: &View, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let result = match format {
        Format::Yaml => {
            // The JSON contract, as YAML: the same document.
            let mut json = Vec::new();
            kubegraph_export::write_json(view, &mut json).map_err(|e| match e {
                ExportError::Io(io) => io,
                other => io::Error::other(other),
            })?;
            let value: serde_json::Value =
                serde_json::from_slice(&json).map_err(io::Error::other)?;
            return serde_yaml_ng::to_writer(&mut *out, &value).map_err(io::Error::other);
        }
        Format::Name => {
            for id in view.nodes() {
                writeln!(
                    out,
                    "{}",
                    crate::query::kubectl_name(&view.graph.node(id).object)
                )?;
            }
            return Ok(());
        }
        Format::Json => kubegraph_export::write_json(view, out),
        Format::Dot => kubegraph_export::write_dot(view, out),
        Format::Mermaid => kubegraph_export::write_mermaid(view, out),
        Format::Graphml => kubegraph_export::write_graphml(view, out),
        Format::Cypher => kubegraph_export::write_cypher(view, out),
        Format::Cytoscape => {
            serde_json::to_writer_pretty(&mut *out, &kubegraph_export::cytoscape(view))?;
            return out.write_all(b"\n");
        }
        f => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("a graph cannot be written as {f}"),
            ))
        }
    };
    result.map_err(|e| match e {
        ExportError::Io(io) => io,
        other => io::Error::other(other),
    })
}
