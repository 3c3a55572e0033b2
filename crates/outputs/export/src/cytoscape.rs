//! Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}`.

use crate::json::{edge_json, node_json};
use crate::view::View;
use serde_json::{json, Value};

pub(crate) fn elements(view: &View) -> Value {
    let graph = view.graph;
    let nodes: Vec<Value> = view
        .nodes()
        .map(|id| json!({ "data": node_json(graph, id) }))
        .collect();
    let edges: Vec<Value> = view
        .edges()
        .map(|(i, e)| {
            let mut data = edge_json(graph, e);
            if let Value::Object(m) = &mut data {
                m.insert("id".into(), json!(format!("e{i}")));
                m.insert("source".into(), json!(graph.node_id_string(e.from)));
                m.insert("target".into(), json!(graph.node_id_string(e.to)));
            }
            json!({ "data": data })
        })
        .collect();
    json!({ "elements": { "nodes": nodes, "edges": edges } })
}
