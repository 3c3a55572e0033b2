//! The vocabulary every other kubegraph crate speaks.
//!
//! * [`Object`]: one Kubernetes object, its identity pulled out of `metadata` and the rest kept as
//!   schemaless JSON (custom resources are first-class).
//! * [`kinds`]: the built-in kinds with their group, scope, plural and short names.
//! * [`LabelSelector`]: Kubernetes label-selector semantics, exactly.
//! * [`EdgeKind`]: the closed set of relationship kinds (see `shared/spec/relations.md`).
//! * [`Diagnostic`]: a warning about the input, with a location and a hint.
//! * [`ObjectRef`]: one object named as people and tools name it (`Pod shop/web`,
//!   `pod/shop/web`, an export id), printed and read back.
//! * [`time::Timestamp`]: every time in kubegraph, on jiff; [`units`]: quantities and durations
//!   in text; [`fuzzy`]: the one "did you mean" matcher.
//! * [`validate`]: references the API server would reject (no edge is drawn for them; the
//!   loader warns about each at its file and line).

mod diag;
mod edge;
pub mod fuzzy;
mod image;
pub mod json;
pub mod kinds;
mod object;
mod reference;
mod selector;
pub mod time;
pub mod units;
pub mod validate;

pub use diag::{Diagnostic, Location};
pub use edge::{Dependency, EdgeKind};
pub use image::normalize_image;
pub use kinds::{GroupKind, KindInfo};
pub use object::{split_api_version, Object, ObjectError, OwnerRef, REDACTED_ANNOTATIONS};
pub use reference::{ObjectRef, RefError};
pub use selector::{scalar_string, LabelSelector, Requirement, SelectorError, SelectorOp};
