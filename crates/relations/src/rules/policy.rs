//! PodDisruptionBudgets (rules 7–8) and HorizontalPodAutoscalers (30).

use super::str_at;
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::JsonValueTrait;
use kubegraph_model::{kinds, EdgeKind, LabelSelector, Object};

/// Rules 7 and 8: a PDB's `spec.selector` → pods and workloads. A missing selector selects
/// nothing; an empty one selects every pod of the namespace in policy/v1 but nothing in
/// policy/v1beta1, where the API documented the opposite meaning.
pub(crate) fn pdb(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(raw) = o
        .spec()
        .and_then(|s| s.get("selector"))
        .filter(|s| !s.is_null())
    else {
        return;
    };
    let Ok(selector) = LabelSelector::from_label_selector(raw) else {
        return;
    };
    if selector.is_empty() && o.version == "v1beta1" {
        return;
    }
    out.push(Reference::to(
        EdgeKind::Selects,
        Target::Selector {
            namespace: ns.to_string(),
            selector,
            templates: true,
        },
    ));
}

/// Rule 30: `spec.scaleTargetRef.{apiVersion,kind,name}`, same namespace.
pub(crate) fn hpa(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(r) = o.spec().and_then(|s| s.get("scaleTargetRef")) else {
        return;
    };
    let (Some(kind), Some(name)) = (str_at(r, "kind"), str_at(r, "name")) else {
        return;
    };
    let (group, _) = kubegraph_model::split_api_version(str_at(r, "apiVersion").unwrap_or(""));
    let group = kinds::canonical_group(group, kind);
    let namespace = match kinds::builtin(group, kind) {
        Some(k) if !k.namespaced => None,
        _ => Some(ns),
    };
    out.push(Reference::to(
        EdgeKind::Scales,
        object(group, kind, namespace, name),
    ));
}
