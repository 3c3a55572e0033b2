//! The vocabulary every other kubegraph crate speaks.
//!
//! * [`Object`]: one Kubernetes object, its identity pulled out of `metadata` and the rest kept as
//!   schemaless JSON (custom resources are first-class).
//! * [`kinds`]: the built-in kinds with their group, scope, plural and short names.
//! * [`LabelSelector`]: Kubernetes label-selector semantics, exactly.
//! * [`EdgeKind`]: the closed set of relationship kinds (see `docs/relations.md`).
//! * [`Diagnostic`]: a warning about the input, with a location and a hint.

mod diag;
mod edge;
mod image;
pub mod json;
pub mod kinds;
mod object;
mod selector;

pub use diag::{Diagnostic, Location};
pub use edge::{Dependency, EdgeKind};
pub use image::normalize_image;
pub use kinds::{GroupKind, KindInfo};
pub use object::{split_api_version, Object, ObjectError, OwnerRef, REDACTED_ANNOTATIONS};
pub use selector::{scalar_string, LabelSelector, Requirement, SelectorError, SelectorOp};
