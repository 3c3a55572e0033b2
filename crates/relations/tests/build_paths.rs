//! `build` (references resolved as they are computed, then dropped) and `build_extracted`
//! (references kept, as the live source keeps them) make the same graph: the same nodes in the
//! same order, the same edges in the same order with the same attributes, the same report.

use kubegraph_files::{load_paths, LoadOptions};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_relations::{build, build_extracted, extract, Extracted};

fn inserted(objects: &[kubegraph_model::Object]) -> Graph {
    let mut graph = Graph::new();
    let c = graph.add_cluster("test");
    for o in objects {
        graph.insert_object(c, o.clone());
    }
    graph
}

fn picture(g: &Graph) -> (Vec<String>, Vec<String>) {
    let nodes = g
        .nodes()
        .map(|(id, n)| format!("{id:?} {} {:?}", kubegraph_fixtures::label(g, id), n.origin))
        .collect();
    let edges = g
        .edges()
        .iter()
        .map(|e| {
            format!(
                "{} -{:?}-> {} {}",
                kubegraph_fixtures::label(g, e.from),
                e.kind,
                kubegraph_fixtures::label(g, e.to),
                serde_json::Value::Object(e.attrs.to_map())
            )
        })
        .collect();
    (nodes, edges)
}

#[test]
fn both_builds_make_the_same_graph_on_every_fixture_folder() {
    let root = kubegraph_fixtures::root();
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut edges = 0;
    for folder in &folders {
        let loaded = load_paths(std::slice::from_ref(folder), &LoadOptions::default()).unwrap();
        let mut direct = inserted(&loaded.objects);
        let direct_report = build(&mut direct);
        let mut kept = inserted(&loaded.objects);
        let extracted: Vec<(NodeId, Extracted)> = kept
            .nodes()
            .filter(|(_, n)| n.origin == kubegraph_graph::Origin::Source)
            .map(|(id, n)| (id, extract(&n.object)))
            .collect();
        let by_ref: Vec<(NodeId, &Extracted)> = extracted.iter().map(|(id, e)| (*id, e)).collect();
        let kept_report = build_extracted(&mut kept, &by_ref);
        assert_eq!(direct_report, kept_report, "{}", folder.display());
        let (a, b) = (picture(&direct), picture(&kept));
        assert_eq!(a.0, b.0, "nodes of {}", folder.display());
        assert_eq!(a.1, b.1, "edges of {}", folder.display());
        edges += a.1.len();
    }
    assert!(
        folders.len() >= 10 && edges > 1000,
        "{} folders, {edges} edges",
        folders.len()
    );
}
