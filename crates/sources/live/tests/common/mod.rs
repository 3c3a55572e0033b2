//! Shared by the live source's test suites: what must be equal between two graphs.

use kubegraph_graph::Graph;
use std::collections::BTreeSet;

pub type Shape = (
    BTreeSet<(String, String, String)>,
    BTreeSet<(String, String, String, String)>,
);

/// Node identities with their origin, and edges `(from, kind, to, attributes)`: attributes
/// too, so that edges merged from several references must merge alike.
#[allow(dead_code)] // each test crate uses one of the two
pub fn shape(g: &Graph) -> Shape {
    shape_of(g, false)
}

/// [`shape`] with every node's object (its raw JSON) too: for graphs made from the very same
/// objects (a server adds uids and versions to what it serves, so not for those).
#[allow(dead_code)] // each test crate uses one of the two
pub fn shape_with_objects(g: &Graph) -> Shape {
    shape_of(g, true)
}

fn shape_of(g: &Graph, objects: bool) -> Shape {
    let nodes = g
        .nodes()
        .map(|(id, n)| {
            (
                g.node_id_string(id),
                format!("{:?}", n.origin),
                if objects {
                    sonic_rs::to_string(&n.object.raw).unwrap()
                } else {
                    String::new()
                },
            )
        })
        .collect();
    let edges = g
        .edges()
        .iter()
        .map(|e| {
            (
                g.node_id_string(e.from),
                e.kind.as_str().to_string(),
                g.node_id_string(e.to),
                serde_json::to_string(&e.attrs).unwrap(),
            )
        })
        .collect();
    (nodes, edges)
}
