//! Relations: every edge of `docs/relations.md`, derived from the objects in a
//! [`Graph`](kubegraph_graph::Graph).
//!
//! Each rule is a pure function from one object to the [`Reference`]s it makes
//! (see [`rules::references`]); [`build`] resolves them against the graph's identity index and a
//! label index over pods and pod templates, creating placeholders for absent targets. Keeping the
//! rules pure is what lets a live source [`extract`] an object once, when it changes, and
//! assemble each new graph with [`build_extracted`] from what it kept.
//!
//! Scoping, everywhere: a namespaced object's references stay in its namespace unless the field
//! names one; nothing crosses clusters; kinds are always qualified by group.
//!
//! ```
//! use kubegraph_files::{load_bytes, LoadOptions};
//! use kubegraph_model::EdgeKind;
//!
//! let yaml = "
//! apiVersion: apps/v1
//! kind: Deployment
//! metadata: {name: web, namespace: shop}
//! spec:
//!   selector: {matchLabels: {app: web}}
//!   template:
//!     metadata: {labels: {app: web}}
//!     spec:
//!       containers:
//!       - name: web
//!         image: nginx
//!         env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
//! ---
//! apiVersion: v1
//! kind: Service
//! metadata: {name: web, namespace: shop}
//! spec: {selector: {app: web}}
//! ";
//! let loaded = load_bytes("shop.yaml", yaml.as_bytes(), &LoadOptions::default());
//! let (graph, report) = kubegraph_relations::graph_from_objects("prod", loaded.objects);
//! // The secret is not in the input: a placeholder, so that the broken reference shows.
//! assert_eq!(report.placeholders, 1);
//! let mut edges: Vec<String> = graph
//!     .edges()
//!     .iter()
//!     .filter(|e| e.kind != EdgeKind::Contains)
//!     .map(|e| {
//!         let (from, to) = (graph.node_id_string(e.from), graph.node_id_string(e.to));
//!         format!("{from} -{}-> {to}", e.kind)
//!     })
//!     .collect();
//! edges.sort();
//! assert_eq!(
//!     edges,
//!     [
//!         // Rule 36: the image the template runs, normalised.
//!         "prod/apps/Deployment/shop/web -runs-> prod/kubegraph.dev/Image/_/docker.io/library/nginx:latest",
//!         // Rule 39: the template's references, before any pod exists.
//!         "prod/apps/Deployment/shop/web -uses-> prod/core/Secret/shop/db",
//!         // Rule 8: the service selects the deployment by its pod template's labels.
//!         "prod/core/Service/shop/web -selects-> prod/apps/Deployment/shop/web",
//!     ]
//! );
//! ```

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
