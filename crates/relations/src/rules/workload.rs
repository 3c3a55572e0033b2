//! Workloads: their pod templates (rule 39), images (36), controller selectors, and
//! StatefulSet claims and services (9, 27).

use super::{core, items, pod, str_at, str_ptr};
use crate::pod_template;
use crate::reference::{Reference, Target};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{EdgeKind, LabelSelector, Object};
use serde_json::json;

/// A workload with a pod template: the template's references (rule 39), its images (36), the
/// pods its selector selects, and for StatefulSets the claims and governing service.
pub(crate) fn workload(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(template) = pod_template(o) else {
        return;
    };
    if let Some(spec) = template.get("spec") {
        let spec = pod::PodSpec::read(spec);
        pod::template_spec(&spec, ns, out);
        pod::template_images(&spec, out);
    }
    if let Some(selector) = controller_selector(o, template) {
        out.push(Reference::to(
            EdgeKind::Selects,
            Target::Selector {
                namespace: ns.to_string(),
                selector,
                templates: false,
            },
        ));
    }
    if o.is("apps", "StatefulSet") {
        stateful_set(o, ns, out);
    }
}

/// A controller's own pod selector. A ReplicationController without one (or with an empty one)
/// defaults to its template's labels, as do the workloads of `extensions/v1beta1` and
/// `apps/v1beta1`, which the API server defaulted the same way; later versions require a
/// selector and reject an empty one, and a CronJob has none (its Jobs own the pods), so those
/// select nothing rather than every pod of the namespace.
fn controller_selector(o: &Object, template: &Value) -> Option<LabelSelector> {
    let selector = o.spec()?.get("selector").filter(|s| !s.is_null());
    let from_template = || {
        template
            .ptr("/metadata/labels")
            .and_then(|l| l.as_object())
            .filter(|m| !m.is_empty())
            .and_then(|m| LabelSelector::from_map(m).ok())
    };
    match (o.kind.as_str(), selector) {
        ("ReplicationController", Some(s)) if s.as_object().is_some_and(|m| !m.is_empty()) => {
            s.as_object().and_then(|m| LabelSelector::from_map(m).ok())
        }
        ("ReplicationController", _) => from_template(),
        (_, Some(s)) => LabelSelector::from_label_selector(s)
            .ok()
            .filter(|s| !s.is_empty()),
        (_, None) if o.group == "apps" && o.version == "v1beta1" => from_template(),
        (_, None) => None,
    }
}

/// Rules 9 and 27: `volumeClaimTemplates` → the claims `<template>-<sts>-<ordinal>` that exist,
/// and `spec.serviceName` → the governing service (service backs statefulset).
fn stateful_set(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    let claims =
        || items(spec, "volumeClaimTemplates").filter_map(|t| str_ptr(t, "/metadata/name"));
    let mounts = pod_template(o)
        .and_then(|t| t.get("spec"))
        .map(|s| pod::mounts_by_volume(&pod::PodSpec::read(s), claims()))
        .unwrap_or_default();
    for t in items(spec, "volumeClaimTemplates") {
        if let Some(name) = str_ptr(t, "/metadata/name") {
            out.push(
                Reference::to(
                    EdgeKind::Mounts,
                    Target::Ordinal {
                        group: "",
                        kind: "PersistentVolumeClaim",
                        namespace: ns.to_string(),
                        prefix: format!("{name}-{}-", o.name),
                    },
                )
                .attr("volumes", json!([name]))
                .attr(
                    "mounts",
                    serde_json::Value::Array(mounts.get(name).cloned().unwrap_or_default()),
                )
                .attr("optional", false),
            );
        }
    }
    if let Some(svc) = str_at(spec, "serviceName") {
        out.push(
            Reference::from(EdgeKind::Backs, core("Service", Some(ns), svc)).attr("optional", true),
        );
    }
}
