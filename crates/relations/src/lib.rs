//! Relations: every edge of `docs/relations.md`, derived from the objects in a [`Graph`].
//!
//! Each rule is a pure function from one object to the [`Reference`]s it makes
//! (see [`rules::references`]); [`build`] resolves them against the graph's identity index and a
//! label index over pods and pod templates, creating placeholders for absent targets. Keeping the
//! rules pure is what lets a live source [`extract`] an object once, when it changes, and
//! assemble each new graph with [`build_extracted`] from what it kept.
//!
//! Scoping, everywhere: a namespaced object's references stay in its namespace unless the field
//! names one; nothing crosses clusters; kinds are always qualified by group.

mod build;
mod incremental;
mod reference;
pub mod rules;
mod selectable;

pub use build::{
    build, build_extracted, extract, extract_after, BuildReport, Container, Extracted,
};
pub use incremental::Incremental;
pub use reference::{Missing, Reference, Target};
pub use selectable::{pod_template, SelectableIndex};

/// Builds a graph of one cluster from objects: inserts them (a later duplicate replaces an
/// earlier one) and derives every relation.
pub fn graph_from_objects(
    cluster: &str,
    objects: impl IntoIterator<Item = kubegraph_model::Object>,
) -> (kubegraph_graph::Graph, BuildReport) {
    let mut graph = kubegraph_graph::Graph::new();
    let c = graph.add_cluster(cluster);
    for o in objects {
        graph.insert_object(c, o);
    }
    let report = build(&mut graph);
    (graph, report)
}
