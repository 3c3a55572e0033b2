//! The graph store.
//!
//! Every object is a [`Node`]; so are the things objects imply (their cluster, an undeclared
//! namespace, containers, images, RBAC users) and the things they reference but that are absent
//! (placeholders, `missing = true`). Edges are typed ([`EdgeKind`]) and unique per
//! `(from, to, kind)`: a second reference along the same edge merges its attributes into the first,
//! so "pod uses secret" is one edge even when three containers read three keys.
//!
//! Lookups by identity (`cluster / group / kind / namespace / name`) and by uid are hash lookups
//! that allocate nothing, which is what makes relation building linear in the size of the input.

mod attrs;
mod store;

pub use attrs::Attrs;

pub use store::{
    container_object, identity_hash, ClusterId, Edge, EdgeId, Graph, Node, NodeId, Origin,
};
