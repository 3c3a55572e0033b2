//! Objects every cluster has, though no manifest and few dumps hold them: made by the API
//! server, the controller manager or admission when the cluster starts or a namespace is made.
//! A reference to one of them that is not in the input is not a missing object.
//!
//! Where each comes from (kubernetes/kubernetes, v1.30–v1.37):
//!
//! * ClusterRoles and ClusterRoleBindings `cluster-admin`, `admin`, `edit`, `view` and
//!   `system:*`: `plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go` (`ClusterRoles`,
//!   `ClusterRoleBindings`) and `controller_policy.go` (`system:controller:*`), reconciled by the
//!   API server at start (`pkg/registry/rbac/rest/storage_rbac.go`).
//! * Roles and RoleBindings in `kube-system` and `kube-public`:
//!   `bootstrappolicy/namespace_policy.go` (`extension-apiserver-authentication-reader`,
//!   `system::leader-locking-kube-controller-manager`, `system::leader-locking-kube-scheduler`,
//!   `system:controller:bootstrap-signer`, `system:controller:cloud-provider`,
//!   `system:controller:token-cleaner`, and the bindings `system::extension-apiserver-authentication-reader`, …).
//! * ConfigMap `kube-root-ca.crt` in every namespace: the root-ca-cert-publisher controller
//!   (`pkg/controller/certificates/rootcacertpublisher`).
//! * ConfigMap `kube-system/extension-apiserver-authentication`: the API server's cluster
//!   authentication trust controller (`pkg/controlplane/controller/clusterauthenticationtrust`).
//! * ServiceAccount `default` in every namespace: the service account controller
//!   (`pkg/controller/serviceaccount/serviceaccounts_controller.go`).
//! * Namespaces `default`, `kube-system`, `kube-public`, `kube-node-lease`: the API server's
//!   system namespaces controller (`pkg/controlplane/controller/systemnamespaces`).
//! * Service `default/kubernetes`: the API server's kubernetes service controller
//!   (`pkg/controlplane/controller/kubernetesservice`).
//! * PriorityClasses `system-cluster-critical`, `system-node-critical`:
//!   `pkg/apis/scheduling/types.go` (`SystemPriorityClasses`), made by the API server at start.
//! * FlowSchemas and PriorityLevelConfigurations of API Priority and Fairness (`exempt`,
//!   `catch-all`, `system-*`, `workload-*`, `global-default`, `leader-election`, …):
//!   `staging/src/k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap/default.go`.
//!
//! ```
//! use kubegraph_model::builtin::every_cluster_has;
//!
//! assert!(every_cluster_has("rbac.authorization.k8s.io", "ClusterRole", None, "system:auth-delegator").is_some());
//! assert!(every_cluster_has("", "ServiceAccount", Some("shop"), "default").is_some());
//! assert!(every_cluster_has("", "ServiceAccount", Some("shop"), "web").is_none());
//! assert!(every_cluster_has("", "Secret", Some("shop"), "kube-root-ca.crt").is_none());
//! ```

const RBAC: &str = "rbac.authorization.k8s.io";

/// The bootstrap roles of `namespace_policy.go`, by namespace.
const NAMESPACE_ROLES: &[(&str, &str)] = &[
    ("kube-system", "extension-apiserver-authentication-reader"),
    (
        "kube-system",
        "system::leader-locking-kube-controller-manager",
    ),
    ("kube-system", "system::leader-locking-kube-scheduler"),
    ("kube-system", "system:controller:bootstrap-signer"),
    ("kube-system", "system:controller:cloud-provider"),
    ("kube-system", "system:controller:token-cleaner"),
    ("kube-public", "system:controller:bootstrap-signer"),
];

/// The bootstrap role bindings of `namespace_policy.go`, by namespace.
const NAMESPACE_ROLE_BINDINGS: &[(&str, &str)] = &[
    (
        "kube-system",
        "system::extension-apiserver-authentication-reader",
    ),
    (
        "kube-system",
        "system::leader-locking-kube-controller-manager",
    ),
    ("kube-system", "system::leader-locking-kube-scheduler"),
    ("kube-system", "system:controller:bootstrap-signer"),
    ("kube-system", "system:controller:cloud-provider"),
    ("kube-system", "system:controller:token-cleaner"),
    ("kube-public", "system:controller:bootstrap-signer"),
];

/// API Priority and Fairness's mandatory and suggested objects (`bootstrap/default.go`).
const FLOW_SCHEMAS: &[&str] = &[
    "exempt",
    "catch-all",
    "probes",
    "system-leader-election",
    "endpoint-controller",
    "workload-leader-election",
    "system-node-high",
    "system-nodes",
    "kube-controller-manager",
    "kube-scheduler",
    "kube-system-service-accounts",
    "service-accounts",
    "global-default",
];

const PRIORITY_LEVELS: &[&str] = &[
    "exempt",
    "catch-all",
    "system",
    "node-high",
    "leader-election",
    "workload-high",
    "workload-low",
    "global-default",
];

/// Who makes the object, when every cluster has it (`None` when it is an ordinary object).
pub fn every_cluster_has(
    group: &str,
    kind: &str,
    namespace: Option<&str>,
    name: &str,
) -> Option<&'static str> {
    let bootstrap_rbac = "the API server's bootstrap RBAC policy";
    match (group, kind, namespace) {
        (RBAC, "ClusterRole" | "ClusterRoleBinding", None)
            if name.starts_with("system:")
                || name == "cluster-admin"
                || (kind == "ClusterRole" && matches!(name, "admin" | "edit" | "view")) =>
        {
            Some(bootstrap_rbac)
        }
        (RBAC, "Role", Some(ns)) if NAMESPACE_ROLES.contains(&(ns, name)) => Some(bootstrap_rbac),
        (RBAC, "RoleBinding", Some(ns)) if NAMESPACE_ROLE_BINDINGS.contains(&(ns, name)) => {
            Some(bootstrap_rbac)
        }
        ("", "ConfigMap", Some(_)) if name == "kube-root-ca.crt" => {
            Some("the root CA publisher, in every namespace")
        }
        ("", "ConfigMap", Some("kube-system")) if name == "extension-apiserver-authentication" => {
            Some("the API server")
        }
        ("", "ServiceAccount", Some(_)) if name == "default" => {
            Some("the service account controller, in every namespace")
        }
        ("", "Namespace", None)
            if matches!(
                name,
                "default" | "kube-system" | "kube-public" | "kube-node-lease"
            ) =>
        {
            Some("the API server")
        }
        ("", "Service", Some("default")) if name == "kubernetes" => Some("the API server"),
        ("scheduling.k8s.io", "PriorityClass", None)
            if matches!(name, "system-cluster-critical" | "system-node-critical") =>
        {
            Some("the API server")
        }
        ("flowcontrol.apiserver.k8s.io", "FlowSchema", None) if FLOW_SCHEMAS.contains(&name) => {
            Some("API Priority and Fairness")
        }
        ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration", None)
            if PRIORITY_LEVELS.contains(&name) =>
        {
            Some("API Priority and Fairness")
        }
        _ => None,
    }
}
