//! Rules 9–17 and 36: what a pod spec references. Applied to pods and, by rule 39, to the pod
//! templates of workloads, so manifests show "deployment uses secret" before any pod exists.

use super::{core, items, str_at, str_ptr};
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::{to_serde, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, normalize_image, EdgeKind};
use serde_json::json;
use std::collections::BTreeMap;

/// All containers of a pod spec with their type, in spec order.
pub(crate) fn containers(spec: &Value) -> impl Iterator<Item = (&'static str, &Value)> {
    [
        ("containers", "container"),
        ("initContainers", "init"),
        ("ephemeralContainers", "ephemeral"),
    ]
    .into_iter()
    .flat_map(move |(field, ty)| items(spec, field).map(move |c| (ty, c)))
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

/// References of a pod's spec: rules 9–17 and its node (rule 4). `live` enables defaults the
/// API server applies to real pods only (`serviceAccountName: default`).
pub(crate) fn pod_spec(spec: &Value, ns: &str, live: bool, out: &mut Vec<Reference>) {
    spec_references(spec, ns, live, out);
    if let Some(node) = str_at(spec, "nodeName") {
        out.push(Reference::to(EdgeKind::RunsOn, core("Node", None, node)));
    }
}

/// Rule 39: a pod template's references are rules 9–17 only. Its `nodeName` pins the pods to
/// come but places nothing, and the API server defaults no service account on a template.
pub(crate) fn template_spec(spec: &Value, ns: &str, out: &mut Vec<Reference>) {
    spec_references(spec, ns, false, out);
}

fn spec_references(spec: &Value, ns: &str, live: bool, out: &mut Vec<Reference>) {
    volumes(spec, ns, out);
    env(spec, ns, out);
    for s in items(spec, "imagePullSecrets") {
        if let Some(name) = str_at(s, "name") {
            out.push(uses(
                core("Secret", Some(ns), name),
                "imagePullSecrets",
                false,
            ));
        }
    }
    let sa = str_at(spec, "serviceAccountName")
        .or_else(|| str_at(spec, "serviceAccount"))
        .or(live.then_some("default"));
    if let Some(sa) = sa {
        out.push(uses(
            core("ServiceAccount", Some(ns), sa),
            "serviceAccountName",
            false,
        ));
    }
    if let Some(pc) = str_at(spec, "priorityClassName") {
        out.push(uses(
            object("scheduling.k8s.io", "PriorityClass", None, pc),
            "priorityClassName",
            false,
        ));
    }
    if let Some(rc) = str_at(spec, "runtimeClassName") {
        out.push(uses(
            object("node.k8s.io", "RuntimeClass", None, rc),
            "runtimeClassName",
            false,
        ));
    }
}

fn uses(target: Target, via: &str, optional: bool) -> Reference {
    Reference::to(EdgeKind::Uses, target)
        .attr("via", json!([via]))
        .attr("optional", optional)
}

/// Rule 12: every container's mounts, by volume name, as recorded on `mounts` edges.
pub(crate) fn mounts_by_volume(spec: &Value) -> BTreeMap<&str, Vec<serde_json::Value>> {
    let mut mounts: BTreeMap<&str, Vec<serde_json::Value>> = BTreeMap::new();
    for (_, c) in containers(spec) {
        let container = str_at(c, "name").unwrap_or("");
        for m in items(c, "volumeMounts") {
            if let Some(volume) = str_at(m, "name") {
                mounts.entry(volume).or_default().push(json!({
                    "container": container,
                    "mount_path": m.get("mountPath").map(to_serde).unwrap_or_default(),
                    "read_only": m.get("readOnly").and_then(Value::as_bool).unwrap_or(false),
                }));
            }
        }
    }
    mounts
}

/// Rules 9–12: volumes, with every container mount of each volume recorded on the edge.
fn volumes(spec: &Value, ns: &str, out: &mut Vec<Reference>) {
    let mounts = mounts_by_volume(spec);
    for v in items(spec, "volumes") {
        let Some(volume) = str_at(v, "name") else {
            continue;
        };
        let mut targets: Vec<(Target, bool)> = Vec::new();
        if let Some(claim) = str_ptr(v, "/persistentVolumeClaim/claimName") {
            targets.push((core("PersistentVolumeClaim", Some(ns), claim), false));
        }
        if let Some(cm) = v.get("configMap") {
            if let Some(name) = str_at(cm, "name") {
                targets.push((core("ConfigMap", Some(ns), name), optional(cm)));
            }
        }
        if let Some(s) = v.get("secret") {
            if let Some(name) = str_at(s, "secretName") {
                targets.push((core("Secret", Some(ns), name), optional(s)));
            }
        }
        for source in v
            .ptr("/projected/sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            for (field, kind) in [("configMap", "ConfigMap"), ("secret", "Secret")] {
                if let Some(r) = source.get(field) {
                    if let Some(name) = str_at(r, "name") {
                        targets.push((core(kind, Some(ns), name), optional(r)));
                    }
                }
            }
        }
        let volume_mounts = mounts.get(volume).cloned().unwrap_or_default();
        for (target, optional) in targets {
            out.push(
                Reference::to(EdgeKind::Mounts, target)
                    .attr("volumes", json!([volume]))
                    .attr("mounts", serde_json::Value::Array(volume_mounts.clone()))
                    .attr("optional", optional),
            );
        }
    }
}

/// Generic ephemeral volumes make a claim named `<pod>-<volume>` (pods only).
pub(crate) fn ephemeral_claims(spec: &Value, ns: &str, pod: &str, out: &mut Vec<Reference>) {
    // Few pods have ephemeral volumes: the mounts are only gathered for those that do.
    let ephemeral = |v: &Value| v.ptr("/ephemeral/volumeClaimTemplate").is_some();
    if !items(spec, "volumes").any(ephemeral) {
        return;
    }
    let mounts = mounts_by_volume(spec);
    for v in items(spec, "volumes") {
        if let (Some(volume), Some(_)) =
            (str_at(v, "name"), v.ptr("/ephemeral/volumeClaimTemplate"))
        {
            let claim = format!("{pod}-{volume}");
            out.push(
                Reference::to(
                    EdgeKind::Mounts,
                    core("PersistentVolumeClaim", Some(ns), &claim),
                )
                .attr("volumes", json!([volume]))
                .attr(
                    "mounts",
                    serde_json::Value::Array(mounts.get(volume).cloned().unwrap_or_default()),
                )
                .attr("optional", false)
                .skip_missing(),
            );
        }
    }
}

/// Rules 13–14: `env[].valueFrom.{configMapKeyRef,secretKeyRef}` and
/// `envFrom[].{configMapRef,secretRef}` of every container.
fn env(spec: &Value, ns: &str, out: &mut Vec<Reference>) {
    for (_, c) in containers(spec) {
        let container = str_at(c, "name").unwrap_or("");
        for e in items(c, "env") {
            for (field, kind) in [("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")] {
                let Some(r) = e.get("valueFrom").and_then(|vf| vf.get(field)) else {
                    continue;
                };
                let Some(name) = str_at(r, "name") else {
                    continue;
                };
                let key = r.get("key").map(to_serde).unwrap_or_default();
                out.push(
                    uses(core(kind, Some(ns), name), "env", optional(r))
                        .attr("containers", json!([container]))
                        .attr("keys", json!([key])),
                );
            }
        }
        for e in items(c, "envFrom") {
            for (field, kind) in [("configMapRef", "ConfigMap"), ("secretRef", "Secret")] {
                let Some(r) = e.get(field) else { continue };
                let Some(name) = str_at(r, "name") else {
                    continue;
                };
                out.push(
                    uses(core(kind, Some(ns), name), "envFrom", optional(r))
                        .attr("containers", json!([container])),
                );
            }
        }
    }
}

/// Rule 36 for templates: workload → image, straight from the template's containers.
pub(crate) fn template_images(spec: &Value, out: &mut Vec<Reference>) {
    for (_, c) in containers(spec) {
        if let Some(image) = str_at(c, "image") {
            let container = str_at(c, "name").unwrap_or("");
            out.push(
                Reference::to(
                    EdgeKind::Runs,
                    Target::Synthetic {
                        group: SYNTHETIC_GROUP,
                        kind: "Image",
                        name: normalize_image(image),
                    },
                )
                .attr("containers", json!([container])),
            );
        }
    }
}
