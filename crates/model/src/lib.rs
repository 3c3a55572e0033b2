//! The vocabulary every other kubegraph crate speaks.
//!
//! * [`Object`]: one Kubernetes object, its identity pulled out of `metadata` and the rest kept as
//!   schemaless JSON (custom resources are first-class).
//! * [`kinds`]: the built-in kinds with their group, scope, plural and short names.
//! * [`LabelSelector`]: Kubernetes label-selector semantics, exactly.
//! * [`EdgeKind`]: the closed set of relationship kinds (see `docs/relations.md`).
//! * [`Diagnostic`]: a warning about the input, with a location and a hint.
//! * [`ObjectRef`]: one object named as people and tools name it (`Pod shop/web`,
//!   `pod/shop/web`, an export id), printed and read back.
//! * [`time::Timestamp`]: every time in kubegraph, on jiff; [`units`]: quantities and durations
//!   in text; [`fuzzy`]: the one "did you mean" matcher.
//! * [`validate`]: references the API server would reject (no edge is drawn for them; the
//!   loader warns about each at its file and line).
//!
//! ```
//! use kubegraph_model::json::{from_serde, JsonValueTrait};
//! use kubegraph_model::{LabelSelector, Object};
//! use serde_json::json;
//!
//! let deployment = Object::from_value(from_serde(&json!({
//!     "apiVersion": "extensions/v1beta1",
//!     "kind": "Deployment",
//!     "metadata": {"name": "web", "namespace": "shop"},
//!     "spec": {"selector": {
//!         "matchLabels": {"app": "web"},
//!         "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["db"]}],
//!     }},
//! })))?;
//! // A legacy group is today's: this is `apps/Deployment`, whatever it was written against.
//! assert_eq!(deployment.gk().to_string(), "apps/Deployment");
//!
//! let selector = LabelSelector::from_label_selector(deployment.at("spec.selector").unwrap())?;
//! let labels = |pairs: &[(&str, &str)]| {
//!     pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
//! };
//! assert!(selector.matches_map(&labels(&[("app", "web")])));
//! assert!(!selector.matches_map(&labels(&[("app", "web"), ("tier", "db")])));
//!
//! // A Secret's values never survive construction; its keys do.
//! let secret = Object::from_value(from_serde(&json!({
//!     "apiVersion": "v1", "kind": "Secret",
//!     "metadata": {"name": "db", "namespace": "shop"},
//!     "data": {"password": "aHVudGVyMg=="},
//! })))?;
//! assert!(secret.at("data.password").is_some_and(|v| v.is_null()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod builtin;
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
pub use selector::{
    scalar_string, LabelSelector, Requirement, SelectorError, SelectorOp, SelectorParseError,
};
