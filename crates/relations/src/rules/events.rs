//! Events (rule 37): what an event is about.

use super::object_ref;
use crate::reference::Reference;
use kubegraph_model::json::JsonValueTrait;
use kubegraph_model::{EdgeKind, Object};

/// Rule 37: core/v1 `involvedObject`, and `related`: the events.k8s.io/v1 fields are the same
/// stored event read through core/v1 (`regarding` is `involvedObject` there), so an event relates
/// to the same objects whichever API version it was dumped with.
pub(crate) fn core_event(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    for field in ["involvedObject", "related"] {
        if let Some(t) = o.raw.get(field).and_then(|r| object_ref(r, ns)) {
            out.push(
                Reference::to(EdgeKind::About, t)
                    .attr("field", field)
                    .skip_missing(),
            );
        }
    }
}

/// Rule 37: events.k8s.io/v1 `regarding` and `related`.
pub(crate) fn events_v1(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    for field in ["regarding", "related"] {
        if let Some(t) = o.raw.get(field).and_then(|r| object_ref(r, ns)) {
            out.push(
                Reference::to(EdgeKind::About, t)
                    .attr("field", field)
                    .skip_missing(),
            );
        }
    }
}
