//! Built-in kinds: group, scope, plural and short names, and the abstract categories queries use.
//!
//! Identity always includes the group (`batch/Job` is not `batch.volcano.sh/Job`). Legacy groups
//! that served the same resource under another name (`extensions/v1beta1 Deployment`) are mapped to
//! today's group by [`canonical_group`], so that a reference written against either resolves.

use std::fmt;

/// The group of kubegraph's own synthetic nodes (cluster, container, image, external host).
pub const SYNTHETIC_GROUP: &str = "kubegraph.dev";

/// A kind qualified by its API group (`""` for the core group).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKind {
    /// The API group, without version (`apps`, `batch.volcano.sh`; `""` for core).
    pub group: String,
    /// The kind as written in objects (`Deployment`).
    pub kind: String,
}

impl GroupKind {
    /// A kind of `group`.
    pub fn new(group: impl Into<String>, kind: impl Into<String>) -> Self {
        GroupKind {
            group: group.into(),
            kind: kind.into(),
        }
    }

    /// A kind of the core group (`Pod`, `Secret`).
    pub fn core(kind: &str) -> Self {
        GroupKind::new("", kind)
    }

    /// Whether this is `kind` of `group`.
    pub fn is(&self, group: &str, kind: &str) -> bool {
        self.group == group && self.kind == kind
    }
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.group.is_empty() {
            f.write_str(&self.kind)
        } else {
            write!(f, "{}/{}", self.group, self.kind)
        }
    }
}

/// What kubegraph knows about a built-in kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindInfo {
    /// Its API group (`""` for core).
    pub group: &'static str,
    /// Its kind (`Deployment`).
    pub kind: &'static str,
    /// The resource name the API serves it under (`deployments`).
    pub plural: &'static str,
    /// kubectl's short names (`deploy`).
    pub short: &'static [&'static str],
    /// Whether objects of the kind live in a namespace.
    pub namespaced: bool,
    /// Abstract kinds this one belongs to (`workload`, `controller`, `config`, ...).
    pub categories: &'static [&'static str],
}

macro_rules! kinds {
    ($( $group:literal $kind:literal $plural:literal [$($short:literal),*] $ns:ident [$($cat:literal),*]; )*) => {
        /// Every built-in kind kubegraph knows by name.
        pub static BUILTIN: &[KindInfo] = &[$(
            KindInfo {
                group: $group,
                kind: $kind,
                plural: $plural,
                short: &[$($short),*],
                namespaced: kinds!(@scope $ns),
                categories: &[$($cat),*],
            },
        )*];
    };
    (@scope ns) => { true };
    (@scope cluster) => { false };
}

kinds! {
    "" "Pod" "pods" ["po"] ns ["workload"];
    "" "Service" "services" ["svc"] ns ["network"];
    "" "Endpoints" "endpoints" ["ep"] ns ["network"];
    "" "ConfigMap" "configmaps" ["cm"] ns ["config"];
    "" "Secret" "secrets" [] ns ["config"];
    "" "ServiceAccount" "serviceaccounts" ["sa"] ns ["rbac"];
    "" "Namespace" "namespaces" ["ns"] cluster [];
    "" "Node" "nodes" ["no"] cluster [];
    "" "PersistentVolume" "persistentvolumes" ["pv"] cluster ["volume"];
    "" "PersistentVolumeClaim" "persistentvolumeclaims" ["pvc"] ns ["volume"];
    "" "Event" "events" ["ev"] ns [];
    "" "ReplicationController" "replicationcontrollers" ["rc"] ns ["workload", "controller"];
    "" "PodTemplate" "podtemplates" [] ns [];
    "" "LimitRange" "limitranges" ["limits"] ns [];
    "" "ResourceQuota" "resourcequotas" ["quota"] ns [];
    "" "ComponentStatus" "componentstatuses" ["cs"] cluster [];
    "apps" "Deployment" "deployments" ["deploy"] ns ["workload", "controller"];
    "apps" "ReplicaSet" "replicasets" ["rs"] ns ["workload", "controller"];
    "apps" "StatefulSet" "statefulsets" ["sts"] ns ["workload", "controller"];
    "apps" "DaemonSet" "daemonsets" ["ds"] ns ["workload", "controller"];
    "apps" "ControllerRevision" "controllerrevisions" [] ns [];
    "batch" "Job" "jobs" [] ns ["workload", "controller"];
    "batch" "CronJob" "cronjobs" ["cj"] ns ["workload", "controller"];
    "autoscaling" "HorizontalPodAutoscaler" "horizontalpodautoscalers" ["hpa"] ns [];
    "policy" "PodDisruptionBudget" "poddisruptionbudgets" ["pdb"] ns [];
    "policy" "PodSecurityPolicy" "podsecuritypolicies" ["psp"] cluster [];
    "networking.k8s.io" "Ingress" "ingresses" ["ing"] ns ["network"];
    "networking.k8s.io" "IngressClass" "ingressclasses" [] cluster ["network"];
    "networking.k8s.io" "NetworkPolicy" "networkpolicies" ["netpol"] ns ["network"];
    "networking.k8s.io" "IPAddress" "ipaddresses" ["ip"] cluster ["network"];
    "networking.k8s.io" "ServiceCIDR" "servicecidrs" [] cluster ["network"];
    "discovery.k8s.io" "EndpointSlice" "endpointslices" [] ns ["network"];
    "rbac.authorization.k8s.io" "Role" "roles" [] ns ["rbac"];
    "rbac.authorization.k8s.io" "ClusterRole" "clusterroles" [] cluster ["rbac"];
    "rbac.authorization.k8s.io" "RoleBinding" "rolebindings" [] ns ["rbac"];
    "rbac.authorization.k8s.io" "ClusterRoleBinding" "clusterrolebindings" [] cluster ["rbac"];
    "rbac.authorization.k8s.io" "User" "users" [] cluster ["rbac"];
    "rbac.authorization.k8s.io" "Group" "groups" [] cluster ["rbac"];
    "storage.k8s.io" "StorageClass" "storageclasses" ["sc"] cluster ["volume"];
    "storage.k8s.io" "VolumeAttachment" "volumeattachments" [] cluster ["volume"];
    "storage.k8s.io" "CSIDriver" "csidrivers" [] cluster ["volume"];
    "storage.k8s.io" "CSINode" "csinodes" [] cluster ["volume"];
    "storage.k8s.io" "CSIStorageCapacity" "csistoragecapacities" [] ns ["volume"];
    "storage.k8s.io" "VolumeAttributesClass" "volumeattributesclasses" ["vac"] cluster ["volume"];
    "scheduling.k8s.io" "PriorityClass" "priorityclasses" ["pc"] cluster [];
    "node.k8s.io" "RuntimeClass" "runtimeclasses" [] cluster [];
    "admissionregistration.k8s.io" "ValidatingWebhookConfiguration" "validatingwebhookconfigurations" [] cluster [];
    "admissionregistration.k8s.io" "MutatingWebhookConfiguration" "mutatingwebhookconfigurations" [] cluster [];
    "admissionregistration.k8s.io" "ValidatingAdmissionPolicy" "validatingadmissionpolicies" [] cluster [];
    "admissionregistration.k8s.io" "ValidatingAdmissionPolicyBinding" "validatingadmissionpolicybindings" [] cluster [];
    "apiregistration.k8s.io" "APIService" "apiservices" [] cluster [];
    "apiextensions.k8s.io" "CustomResourceDefinition" "customresourcedefinitions" ["crd", "crds"] cluster [];
    "coordination.k8s.io" "Lease" "leases" [] ns [];
    "events.k8s.io" "Event" "events" ["ev"] ns [];
    "certificates.k8s.io" "CertificateSigningRequest" "certificatesigningrequests" ["csr"] cluster [];
    "flowcontrol.apiserver.k8s.io" "FlowSchema" "flowschemas" [] cluster [];
    "flowcontrol.apiserver.k8s.io" "PriorityLevelConfiguration" "prioritylevelconfigurations" [] cluster [];
    "gateway.networking.k8s.io" "GatewayClass" "gatewayclasses" ["gc"] cluster ["network"];
    "gateway.networking.k8s.io" "Gateway" "gateways" ["gtw"] ns ["network"];
    "gateway.networking.k8s.io" "HTTPRoute" "httproutes" [] ns ["network"];
    "gateway.networking.k8s.io" "GRPCRoute" "grpcroutes" [] ns ["network"];
    "gateway.networking.k8s.io" "TCPRoute" "tcproutes" [] ns ["network"];
    "gateway.networking.k8s.io" "TLSRoute" "tlsroutes" [] ns ["network"];
    "gateway.networking.k8s.io" "UDPRoute" "udproutes" [] ns ["network"];
    "gateway.networking.k8s.io" "ReferenceGrant" "referencegrants" ["refgrant"] ns ["network"];
    "kubegraph.dev" "Cluster" "clusters" [] cluster [];
    "kubegraph.dev" "Container" "containers" [] ns [];
    "kubegraph.dev" "Image" "images" [] cluster [];
    "kubegraph.dev" "ExternalHost" "externalhosts" [] cluster ["network"];
}

/// The built-in kind with this exact group and kind.
pub fn builtin(group: &str, kind: &str) -> Option<&'static KindInfo> {
    BUILTIN.iter().find(|k| k.group == group && k.kind == kind)
}

/// Maps groups that once served a resource under another name to the group that serves it now,
/// so identity does not depend on which API version a manifest was written against.
pub fn canonical_group<'a>(group: &'a str, kind: &str) -> &'a str {
    match (group, kind) {
        ("extensions", "Deployment" | "ReplicaSet" | "DaemonSet") => "apps",
        ("extensions", "Ingress" | "NetworkPolicy") => "networking.k8s.io",
        ("extensions", "PodSecurityPolicy") => "policy",
        _ => group,
    }
}

/// All built-in kinds a user-typed name may mean: `Kind`, lower-case kind, plural, short name,
/// or `group/Kind`. Several can match (`events` is both core and `events.k8s.io`).
pub fn lookup(name: &str) -> Vec<&'static KindInfo> {
    if let Some((group, kind)) = name.rsplit_once('/') {
        let group = if group == "core" { "" } else { group };
        return BUILTIN
            .iter()
            .filter(|k| k.group == group && k.kind.eq_ignore_ascii_case(kind))
            .collect();
    }
    let lower = name.to_ascii_lowercase();
    BUILTIN
        .iter()
        .filter(|k| {
            k.kind.eq_ignore_ascii_case(&lower)
                || k.plural == lower
                || k.short.contains(&lower.as_str())
        })
        .collect()
}

/// The kind a `selfLink` or API path names (`/api/v1/namespaces/x/pods/y` → Pod), for objects
/// serialized without `kind` (client-go typed objects in some dumps).
pub fn from_api_path(path: &str) -> Option<(&'static KindInfo, String)> {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let (group, version, rest) = match *segs.first()? {
        "api" => ("", *segs.get(1)?, &segs[2..]),
        "apis" => (*segs.get(1)?, *segs.get(2)?, &segs[3..]),
        _ => return None,
    };
    let rest = match rest {
        ["namespaces", _ns, rest @ ..] if !rest.is_empty() => rest,
        other => other,
    };
    let plural = rest.first()?;
    let info = BUILTIN
        .iter()
        .find(|k| k.group == group && k.plural == *plural)?;
    Some((info, version.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_accepts_every_spelling() {
        for name in ["Pod", "pod", "pods", "po", "core/Pod"] {
            let found = lookup(name);
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].kind, "Pod");
        }
        assert_eq!(lookup("deploy")[0].group, "apps");
        assert_eq!(lookup("events").len(), 2);
        assert!(lookup("batch.volcano.sh/Job").is_empty());
        assert_eq!(lookup("batch/Job")[0].kind, "Job");
    }

    #[test]
    fn legacy_groups_are_canonical() {
        assert_eq!(canonical_group("extensions", "Deployment"), "apps");
        assert_eq!(
            canonical_group("extensions", "Ingress"),
            "networking.k8s.io"
        );
        assert_eq!(
            canonical_group("batch.volcano.sh", "Job"),
            "batch.volcano.sh"
        );
    }

    #[test]
    fn api_paths_name_kinds() {
        let (k, v) = from_api_path("/api/v1/namespaces/openshift-etcd/pods/etcd-0").unwrap();
        assert_eq!((k.kind, v.as_str()), ("Pod", "v1"));
        let (k, _) = from_api_path("/apis/apps/v1/namespaces/a/deployments/b").unwrap();
        assert_eq!(k.kind, "Deployment");
        let (k, _) = from_api_path("/api/v1/nodes/node-1").unwrap();
        assert_eq!(k.kind, "Node");
        assert!(from_api_path("/apis/example.com/v1/widgets/x").is_none());
    }
}
