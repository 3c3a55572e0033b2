use crate::view::View;
use crate::{origin_str, ExportError};
use kubegraph_graph::{Edge, Graph, NodeId};
use serde_json::{json, Map, Value};
use std::io::Write;

/// One node as the JSON contract shapes it.
pub fn node_json(graph: &Graph, id: NodeId) -> Value {
    let n = graph.node(id);
    let o = &n.object;
    let mut m = Map::new();
    m.insert("id".into(), json!(graph.node_id_string(id)));
    m.insert("cluster".into(), json!(graph.cluster_name(n.cluster)));
    m.insert("group".into(), json!(o.group));
    m.insert("version".into(), json!(o.version));
    m.insert("kind".into(), json!(o.kind));
    m.insert("namespace".into(), json!(o.namespace));
    m.insert("name".into(), json!(o.name));
    m.insert("uid".into(), json!(o.uid));
    m.insert("missing".into(), json!(n.missing()));
    m.insert("origin".into(), json!(origin_str(n.origin)));
    m.insert(
        "labels".into(),
        o.labels().map_or_else(
            || json!({}),
            |l| serde_json::to_value(l).unwrap_or_default(),
        ),
    );
    if let Some(pod) = n.parent {
        m.insert("pod".into(), json!(graph.node_id_string(pod)));
    }
    Value::Object(m)
}

/// One edge as the JSON contract shapes it: `from`, `to`, `kind`, then its attributes.
pub fn edge_json(graph: &Graph, e: &Edge) -> Value {
    let mut m = Map::new();
    m.insert("from".into(), json!(graph.node_id_string(e.from)));
    m.insert("to".into(), json!(graph.node_id_string(e.to)));
    m.insert("kind".into(), json!(e.kind.as_str()));
    for (k, v) in &e.attrs {
        m.insert(k.to_string(), v.clone());
    }
    Value::Object(m)
}

/// Streams the document node by node so that a million-object graph never exists twice in
/// memory as JSON.
pub(crate) fn write(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    let graph = view.graph;
    out.write_all(b"{\"nodes\":[")?;
    for (i, id) in view.nodes().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &node_json(graph, id)).map_err(std::io::Error::from)?;
    }
    out.write_all(b"\n],\"edges\":[")?;
    for (i, (_, e)) in view.edges().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &edge_json(graph, e)).map_err(std::io::Error::from)?;
    }
    out.write_all(b"\n]}\n")?;
    Ok(())
}
