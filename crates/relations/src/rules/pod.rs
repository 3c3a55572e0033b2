//! Rules 9–17 and 36: what a pod spec references. Applied to pods and, by rule 39, to the pod
//! templates of workloads, so manifests show "deployment uses secret" before any pod exists.

use super::{core, str_at};
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::{elements, fields, non_empty, to_serde, JsonValueTrait, Value};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, normalize_image, EdgeKind};
use serde_json::json;
use smallvec::SmallVec;
use std::collections::BTreeMap;

/// The fields of a pod spec that rules 9–17 and 36 read, found in one pass over the spec and
/// one over each container (see [`fields`]): a spec is read for a dozen keys, most of them
/// absent, and each container for half a dozen.
pub(crate) struct PodSpec<'a> {
    /// Every container with its type, in spec order: `containers`, `initContainers`,
    /// `ephemeralContainers`.
    pub containers: SmallVec<[ContainerSpec<'a>; 4]>,
    volumes: Option<&'a Value>,
    image_pull_secrets: Option<&'a Value>,
    service_account_name: Option<&'a str>,
    service_account: Option<&'a str>,
    priority_class_name: Option<&'a str>,
    runtime_class_name: Option<&'a str>,
    node_name: Option<&'a str>,
}

pub(crate) struct ContainerSpec<'a> {
    /// `container`, `init` or `ephemeral`.
    pub ty: &'static str,
    pub name: Option<&'a Value>,
    pub image: Option<&'a Value>,
    pub image_pull_policy: Option<&'a Value>,
    pub ports: Option<&'a Value>,
    pub resources: Option<&'a Value>,
    env: Option<&'a Value>,
    env_from: Option<&'a Value>,
    volume_mounts: Option<&'a Value>,
}

impl<'a> PodSpec<'a> {
    pub fn read(spec: &'a Value) -> Self {
        let [containers, init, ephemeral, volumes, pull, sa_name, sa, priority, runtime, node] =
            fields(
                spec,
                [
                    "containers",
                    "initContainers",
                    "ephemeralContainers",
                    "volumes",
                    "imagePullSecrets",
                    "serviceAccountName",
                    "serviceAccount",
                    "priorityClassName",
                    "runtimeClassName",
                    "nodeName",
                ],
            );
        let containers = [
            (containers, "container"),
            (init, "init"),
            (ephemeral, "ephemeral"),
        ]
        .into_iter()
        .flat_map(|(list, ty)| elements(list).map(move |c| ContainerSpec::read(ty, c)))
        .collect();
        PodSpec {
            containers,
            volumes,
            image_pull_secrets: pull,
            service_account_name: non_empty(sa_name),
            service_account: non_empty(sa),
            priority_class_name: non_empty(priority),
            runtime_class_name: non_empty(runtime),
            node_name: non_empty(node),
        }
    }

    fn volumes(&self) -> impl Iterator<Item = &'a Value> {
        elements(self.volumes)
    }

    /// Rule 12: every container's mounts of `volume`, as recorded on `mounts` edges.
    fn mounts(&self, volume: &str) -> Vec<serde_json::Value> {
        let mut mounts = Vec::new();
        for c in &self.containers {
            for m in elements(c.volume_mounts) {
                let [name, path, read_only] = fields(m, ["name", "mountPath", "readOnly"]);
                if non_empty(name) == Some(volume) {
                    mounts.push(json!({
                        "container": c.name(),
                        "mount_path": path.map(to_serde).unwrap_or_default(),
                        "read_only": read_only.and_then(Value::as_bool).unwrap_or(false),
                    }));
                }
            }
        }
        mounts
    }
}

impl<'a> ContainerSpec<'a> {
    fn read(ty: &'static str, c: &'a Value) -> Self {
        let [name, image, image_pull_policy, ports, resources, env, env_from, volume_mounts] =
            fields(
                c,
                [
                    "name",
                    "image",
                    "imagePullPolicy",
                    "ports",
                    "resources",
                    "env",
                    "envFrom",
                    "volumeMounts",
                ],
            );
        ContainerSpec {
            ty,
            name,
            image,
            image_pull_policy,
            ports,
            resources,
            env,
            env_from,
            volume_mounts,
        }
    }

    /// The name as edges record it (`""` when absent).
    fn name(&self) -> &'a str {
        non_empty(self.name).unwrap_or("")
    }
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

/// References of a pod's spec: rules 9–17 and its node (rule 4). `live` enables defaults the
/// API server applies to real pods only (`serviceAccountName: default`).
pub(crate) fn pod_spec(spec: &PodSpec, ns: &str, live: bool, out: &mut Vec<Reference>) {
    spec_references(spec, ns, live, out);
    if let Some(node) = spec.node_name {
        out.push(Reference::to(EdgeKind::RunsOn, core("Node", None, node)));
    }
}

/// Rule 39: a pod template's references are rules 9–17 only. Its `nodeName` pins the pods to
/// come but places nothing, and the API server defaults no service account on a template.
pub(crate) fn template_spec(spec: &PodSpec, ns: &str, out: &mut Vec<Reference>) {
    spec_references(spec, ns, false, out);
}

fn spec_references(spec: &PodSpec, ns: &str, live: bool, out: &mut Vec<Reference>) {
    volumes(spec, ns, out);
    env(spec, ns, out);
    for s in elements(spec.image_pull_secrets) {
        if let Some(name) = str_at(s, "name") {
            out.push(uses(
                core("Secret", Some(ns), name),
                "imagePullSecrets",
                false,
            ));
        }
    }
    let sa = spec
        .service_account_name
        .or(spec.service_account)
        .or(live.then_some("default"));
    if let Some(sa) = sa {
        out.push(uses(
            core("ServiceAccount", Some(ns), sa),
            "serviceAccountName",
            false,
        ));
    }
    if let Some(pc) = spec.priority_class_name {
        out.push(uses(
            object("scheduling.k8s.io", "PriorityClass", None, pc),
            "priorityClassName",
            false,
        ));
    }
    if let Some(rc) = spec.runtime_class_name {
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

/// Rule 12: every container's mounts of each of `volumes`, as recorded on `mounts` edges.
pub(crate) fn mounts_by_volume<'a>(
    spec: &PodSpec,
    volumes: impl Iterator<Item = &'a str>,
) -> BTreeMap<&'a str, Vec<serde_json::Value>> {
    volumes.map(|v| (v, spec.mounts(v))).collect()
}

/// Rules 9–12: volumes, with every container mount of each volume recorded on the edge. A
/// ConfigMap or Secret volume (or projected source) with `items` projects only those keys: the
/// edge records them as `keys`, unless another volume of the same spec mounts the whole object
/// (no `items`), in which case it records none (every key is used). The edge from a spec to an
/// object is made by that spec's volumes only, so this decides its `keys` entirely.
fn volumes(spec: &PodSpec, ns: &str, out: &mut Vec<Reference>) {
    // (volume, target, optional, projected keys; None: the whole object).
    let mut refs: Vec<(&str, Target, bool, Option<Vec<serde_json::Value>>)> = Vec::new();
    for v in spec.volumes() {
        let [name, claim, config_map, secret, projected] = fields(
            v,
            [
                "name",
                "persistentVolumeClaim",
                "configMap",
                "secret",
                "projected",
            ],
        );
        let Some(volume) = non_empty(name) else {
            continue;
        };
        if let Some(claim) = claim.and_then(|c| str_at(c, "claimName")) {
            refs.push((
                volume,
                core("PersistentVolumeClaim", Some(ns), claim),
                false,
                None,
            ));
        }
        if let Some(cm) = config_map {
            if let Some(name) = str_at(cm, "name") {
                refs.push((
                    volume,
                    core("ConfigMap", Some(ns), name),
                    optional(cm),
                    item_keys(cm),
                ));
            }
        }
        if let Some(s) = secret {
            if let Some(name) = str_at(s, "secretName") {
                refs.push((
                    volume,
                    core("Secret", Some(ns), name),
                    optional(s),
                    item_keys(s),
                ));
            }
        }
        for source in elements(projected.and_then(|p| p.get("sources"))) {
            let [config_map, secret] = fields(source, ["configMap", "secret"]);
            for (r, kind) in [(config_map, "ConfigMap"), (secret, "Secret")] {
                let Some(r) = r else { continue };
                if let Some(name) = str_at(r, "name") {
                    refs.push((
                        volume,
                        core(kind, Some(ns), name),
                        optional(r),
                        item_keys(r),
                    ));
                }
            }
        }
    }
    // Objects some volume mounts whole: their edge records no keys.
    let whole: SmallVec<[&Target; 4]> = refs
        .iter()
        .filter(|(_, t, _, keys)| keys.is_none() && !is_claim(t))
        .map(|(_, t, _, _)| t)
        .collect();
    let mut mounts: BTreeMap<&str, serde_json::Value> = BTreeMap::new();
    for (volume, target, optional, keys) in &refs {
        // Mounts are gathered only for volumes that reference something.
        let volume_mounts = mounts
            .entry(volume)
            .or_insert_with(|| serde_json::Value::Array(spec.mounts(volume)))
            .clone();
        let mut r = Reference::to(EdgeKind::Mounts, target.clone())
            .attr("volumes", json!([volume]))
            .attr("mounts", volume_mounts)
            .attr("optional", *optional);
        if let Some(keys) = keys.as_ref().filter(|_| !whole.contains(&target)) {
            r = r.attr("keys", serde_json::Value::Array(keys.clone()));
        }
        out.push(r);
    }
}

fn is_claim(t: &Target) -> bool {
    matches!(t, Target::Object { kind, .. } if kind == "PersistentVolumeClaim")
}

/// The keys a ConfigMap or Secret volume source projects (`items[].key`); `None` when it has no
/// `items` (or an empty list): every key, as files named after them.
fn item_keys(source: &Value) -> Option<Vec<serde_json::Value>> {
    let mut keys: Vec<serde_json::Value> = Vec::new();
    for k in elements(source.get("items")).filter_map(|i| non_empty(i.get("key"))) {
        let k = json!(k);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    (!keys.is_empty()).then_some(keys)
}

/// Generic ephemeral volumes make a claim named `<pod>-<volume>` (pods only).
pub(crate) fn ephemeral_claims(spec: &PodSpec, ns: &str, pod: &str, out: &mut Vec<Reference>) {
    for v in spec.volumes() {
        let [name, ephemeral] = fields(v, ["name", "ephemeral"]);
        let template = ephemeral.and_then(|e| e.get("volumeClaimTemplate"));
        if let (Some(volume), Some(_)) = (non_empty(name), template) {
            let claim = format!("{pod}-{volume}");
            out.push(
                Reference::to(
                    EdgeKind::Mounts,
                    core("PersistentVolumeClaim", Some(ns), &claim),
                )
                .attr("volumes", json!([volume]))
                .attr("mounts", serde_json::Value::Array(spec.mounts(volume)))
                .attr("optional", false)
                .skip_missing(),
            );
        }
    }
}

/// Rules 13–14: `env[].valueFrom.{configMapKeyRef,secretKeyRef}` and
/// `envFrom[].{configMapRef,secretRef}` of every container.
fn env(spec: &PodSpec, ns: &str, out: &mut Vec<Reference>) {
    for c in &spec.containers {
        let container = c.name();
        for e in elements(c.env) {
            let Some(value_from) = e.get("valueFrom") else {
                continue;
            };
            let refs = fields(value_from, ["configMapKeyRef", "secretKeyRef"]);
            for (r, kind) in refs.into_iter().zip(["ConfigMap", "Secret"]) {
                let Some(r) = r else { continue };
                let [name, key] = fields(r, ["name", "key"]);
                let Some(name) = non_empty(name) else {
                    continue;
                };
                let key = key.map(to_serde).unwrap_or_default();
                out.push(
                    uses(core(kind, Some(ns), name), "env", optional(r))
                        .attr("containers", json!([container]))
                        .attr("keys", json!([key])),
                );
            }
        }
        for e in elements(c.env_from) {
            let refs = fields(e, ["configMapRef", "secretRef"]);
            for (r, kind) in refs.into_iter().zip(["ConfigMap", "Secret"]) {
                let Some(r) = r else { continue };
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
pub(crate) fn template_images(spec: &PodSpec, out: &mut Vec<Reference>) {
    for c in &spec.containers {
        if let Some(image) = non_empty(c.image) {
            out.push(
                Reference::to(
                    EdgeKind::Runs,
                    Target::Synthetic {
                        group: SYNTHETIC_GROUP,
                        kind: "Image",
                        name: normalize_image(image),
                    },
                )
                .attr("containers", json!([c.name()])),
            );
        }
    }
}
