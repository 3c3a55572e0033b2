//! One function per family of rules; [`references`] dispatches on group and kind.
//! Row numbers refer to the rules table of `docs/relations.md`.

mod events;
mod network;
mod pod;
mod policy;
pub(crate) use pod::{ContainerSpec, PodSpec};
mod rbac;
mod storage;
mod workload;

use crate::reference::{object, Reference, Target};
use kubegraph_model::json::{JsonValueTrait, Path, Value};
use kubegraph_model::{kinds, EdgeKind, Object};

/// Every reference `o` makes, except its containers (made by the builder with the pod).
pub fn references(o: &Object) -> Vec<Reference> {
    let mut out = Vec::new();
    owners(o, &mut out);
    let ns = o.namespace.as_deref().unwrap_or("default");
    match (o.group.as_str(), o.kind.as_str()) {
        ("", "Pod") => {
            if let Some(spec) = o.spec() {
                let spec = PodSpec::read(spec);
                pod::pod_spec(&spec, ns, o.is_live(), &mut out);
                pod::ephemeral_claims(&spec, ns, &o.name, &mut out);
            }
        }
        ("", "Service") => network::service(o, ns, &mut out),
        ("", "Endpoints") => network::endpoints(o, ns, &mut out),
        ("discovery.k8s.io", "EndpointSlice") => network::endpoint_slice(o, ns, &mut out),
        ("networking.k8s.io", "Ingress") => network::ingress(o, ns, &mut out),
        ("networking.k8s.io", "NetworkPolicy") => network::network_policy(o, ns, &mut out),
        ("gateway.networking.k8s.io", "Gateway") => network::gateway(o, &mut out),
        (
            "gateway.networking.k8s.io",
            "HTTPRoute" | "GRPCRoute" | "TCPRoute" | "TLSRoute" | "UDPRoute",
        ) => network::route(o, ns, &mut out),
        ("policy", "PodDisruptionBudget") => policy::pdb(o, ns, &mut out),
        ("autoscaling", "HorizontalPodAutoscaler") => policy::hpa(o, ns, &mut out),
        ("", "ServiceAccount") => rbac::service_account(o, ns, &mut out),
        ("rbac.authorization.k8s.io", "RoleBinding" | "ClusterRoleBinding") => {
            rbac::binding(o, &mut out)
        }
        ("rbac.authorization.k8s.io", "ClusterRole") => rbac::cluster_role(o, &mut out),
        ("", "PersistentVolumeClaim") => storage::pvc(o, ns, &mut out),
        ("", "PersistentVolume") => storage::pv(o, &mut out),
        ("storage.k8s.io", "VolumeAttachment") => storage::volume_attachment(o, &mut out),
        (
            "admissionregistration.k8s.io",
            "ValidatingWebhookConfiguration" | "MutatingWebhookConfiguration",
        ) => network::webhook_configuration(o, &mut out),
        ("apiregistration.k8s.io", "APIService") => network::api_service(o, &mut out),
        ("", "Event") => events::core_event(o, ns, &mut out),
        ("events.k8s.io", "Event") => events::events_v1(o, ns, &mut out),
        _ => {}
    }
    if crate::pod_template(o).is_some() {
        workload::workload(o, ns, &mut out);
    }
    out
}

/// Rule 3: `metadata.ownerReferences[]`, owner → dependent.
fn owners(o: &Object, out: &mut Vec<Reference>) {
    for r in o.owner_refs() {
        let namespace = match kinds::builtin(&r.group, &r.kind) {
            Some(k) if !k.namespaced => None,
            _ => o.namespace.clone(),
        };
        let target = Target::Owner {
            uid: r.uid,
            group: r.group,
            kind: r.kind,
            namespace,
            name: r.name,
        };
        out.push(
            Reference::from(EdgeKind::Owns, target)
                .attr("controller", r.controller)
                .attr("block_owner_deletion", r.block_owner_deletion),
        );
    }
}

/// An `ObjectReference` (`kind`, `apiVersion`, `namespace`, `name`, `uid`) as an owner-style
/// target: uid first, then identity. The namespace defaults to the referrer's for namespaced kinds.
pub(crate) fn object_ref(r: &Value, default_ns: &str) -> Option<Target> {
    let kind = str_at(r, "kind")?.to_string();
    let name = str_at(r, "name")?.to_string();
    let (group, _) = kubegraph_model::split_api_version(str_at(r, "apiVersion").unwrap_or(""));
    let group = kinds::canonical_group(group, &kind).to_string();
    let namespace = match kinds::builtin(&group, &kind) {
        Some(k) if !k.namespaced => None,
        _ => Some(str_at(r, "namespace").unwrap_or(default_ns).to_string()),
    };
    Some(Target::Owner {
        uid: str_at(r, "uid").map(str::to_string),
        group,
        kind,
        namespace,
        name,
    })
}

pub(crate) use kubegraph_model::json::{items, str_at};

/// A non-empty string at a JSON pointer.
pub(crate) fn str_ptr<'a>(v: &'a Value, ptr: &str) -> Option<&'a str> {
    v.ptr(ptr)
        .and_then(|s| s.as_str())
        .filter(|s| !s.is_empty())
}

pub(crate) fn core(kind: &str, namespace: Option<&str>, name: &str) -> Target {
    object("", kind, namespace, name)
}
