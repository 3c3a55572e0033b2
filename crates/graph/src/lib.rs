//! The graph store.
//!
//! Every object is a [`Node`]; so are the things objects imply (their cluster, an undeclared
//! namespace, containers, images, RBAC users) and the things they reference but that are absent
//! (placeholders, `missing = true`). Edges are typed ([`EdgeKind`](kubegraph_model::EdgeKind))
//! and unique per `(from, to, kind)`: a second reference along the same edge merges its
//! attributes into the first, so "pod uses secret" is one edge even when three containers read
//! three keys.
//!
//! Lookups by identity (`cluster / group / kind / namespace / name`) and by uid are hash lookups
//! that allocate nothing, which is what makes relation building linear in the size of the input.
//!
//! ```
//! use kubegraph_graph::{Attrs, Graph};
//! use kubegraph_model::json::from_serde;
//! use kubegraph_model::{EdgeKind, Object};
//! use serde_json::json;
//!
//! let mut graph = Graph::new();
//! let prod = graph.add_cluster("prod");
//! let pod = Object::from_value(from_serde(&json!({
//!     "apiVersion": "v1", "kind": "Pod",
//!     "metadata": {"name": "web-1", "namespace": "shop", "uid": "u-1"},
//! })))?;
//! let (pod, _) = graph.insert_object(prod, pod);
//! // The pod reads two keys of a secret that is not there: one placeholder, one edge.
//! let secret = graph.placeholder(prod, "", "Secret", Some("shop"), "db");
//! for key in ["user", "password"] {
//!     let mut attrs = Attrs::new();
//!     attrs.insert("keys", json!([key]));
//!     graph.add_edge(pod, secret, EdgeKind::Uses, attrs);
//! }
//! assert!(graph.node(secret).missing());
//! assert_eq!(graph.edge_count(), 1);
//! assert_eq!(graph.edges()[0].attrs.get("keys"), Some(&json!(["user", "password"])));
//!
//! assert_eq!(graph.lookup(prod, "", "Pod", Some("shop"), "web-1"), Some(pod));
//! assert_eq!(graph.lookup_uid(prod, "u-1"), Some(pod));
//! assert_eq!(graph.node_id_string(pod), "prod/core/Pod/shop/web-1");
//! # Ok::<(), kubegraph_model::ObjectError>(())
//! ```

mod attrs;
mod store;

pub use attrs::Attrs;

pub use store::{
    container_object, identity_hash, ClusterId, Edge, EdgeId, Graph, Node, NodeId, Origin,
};
