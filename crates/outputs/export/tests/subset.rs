//! Subset views and `cytoscape`: a subset of every node is the whole export, and a real
//! subset keeps its nodes and only the edges among them.

use kubegraph_export::{
    cytoscape, write_cypher, write_dot, write_graphml, write_json, write_mermaid, View, Writer,
};
use kubegraph_graph::{Graph, NodeId};
use serde_json::Value;
use std::collections::BTreeSet;

fn bookinfo() -> Graph {
    let path = kubegraph_fixtures::path("istio-bookinfo/platform/kube/bookinfo.yaml");
    let loaded = kubegraph_files::load_paths(&[path], &kubegraph_files::LoadOptions::default())
        .expect("fixture loads");
    kubegraph_relations::graph_from_objects("bookinfo", loaded.objects).0
}

fn render(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut buf = Vec::new();
    f(&mut buf);
    String::from_utf8(buf).unwrap()
}

#[test]
fn a_subset_of_every_node_is_the_whole_export() {
    let g = bookinfo();
    // Reversed and duplicated: the subset is a set in node order.
    let mut all: Vec<NodeId> = g.nodes().map(|(id, _)| id).collect();
    all.reverse();
    all.push(all[0]);
    let writers: [(&str, Writer); 5] = [
        ("json", write_json),
        ("dot", write_dot),
        ("mermaid", write_mermaid),
        ("graphml", write_graphml),
        ("cypher", write_cypher),
    ];
    for (name, write) in writers {
        let whole = render(|b| write(&View::whole(&g), b).unwrap());
        let subset = render(|b| write(&View::subset(&g, &all), b).unwrap());
        assert_eq!(whole, subset, "{name}");
    }
}

#[test]
fn a_subset_keeps_its_nodes_and_the_edges_among_them() {
    let g = bookinfo();
    let picked: Vec<NodeId> = g
        .nodes()
        .filter(|(_, n)| n.object.namespace.is_some() && n.object.name.starts_with("reviews"))
        .map(|(id, _)| id)
        .collect();
    assert!(picked.len() > 3);
    let ids: BTreeSet<String> = picked.iter().map(|&id| g.node_id_string(id)).collect();
    let among: usize = g
        .edges()
        .iter()
        .filter(|e| {
            ids.contains(&g.node_id_string(e.from)) && ids.contains(&g.node_id_string(e.to))
        })
        .count();
    assert!(among > 0);

    let json: Value = serde_json::from_str(&render(|b| {
        write_json(&View::subset(&g, &picked), b).unwrap()
    }))
    .unwrap();
    let got: BTreeSet<String> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, ids);
    assert_eq!(json["edges"].as_array().unwrap().len(), among);

    let cy = cytoscape(&View::subset(&g, &picked));
    assert_eq!(cy["elements"]["nodes"].as_array().unwrap().len(), ids.len());
    let edges = cy["elements"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), among);
    for e in edges {
        assert!(ids.contains(e["data"]["source"].as_str().unwrap()));
        assert!(ids.contains(e["data"]["target"].as_str().unwrap()));
    }

    let cypher = render(|b| write_cypher(&View::subset(&g, &picked), b).unwrap());
    assert!(cypher.starts_with(&format!(
        "// kubegraph export: {} nodes, {among} relationships.",
        ids.len()
    )));
    let graphml = render(|b| write_graphml(&View::subset(&g, &picked), b).unwrap());
    assert!(roxmltree::Document::parse(&graphml).is_ok());
    assert_eq!(graphml.matches("<node id=").count(), ids.len());
}
