//! Rules 18 (service account → secrets) and 28–29 (role bindings → roles and subjects) of
//! `docs/relations.md`.

use kubegraph_fixtures::{attrs, edges, fixture, graph};
use kubegraph_model::EdgeKind;
use serde_json::json;

// ---------------------------------------------------------------- rule 18

#[test]
fn service_account_uses_its_secrets_in_its_namespace() {
    let g = graph(
        r#"
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: ci}
secrets: [{name: builder-token}, {name: gone-token}]
imagePullSecrets: [{name: registry}, {name: gone-registry}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: plain, namespace: ci}
---
apiVersion: v1
kind: Secret
metadata: {name: builder-token, namespace: ci}
type: kubernetes.io/service-account-token
---
apiVersion: v1
kind: Secret
metadata: {name: registry, namespace: ci}
type: kubernetes.io/dockerconfigjson
---
apiVersion: v1
kind: Secret
metadata: {name: gone-registry, namespace: other}
type: kubernetes.io/dockerconfigjson
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "ServiceAccount:ci/builder -> Secret:ci/builder-token",
            "ServiceAccount:ci/builder -> Secret:ci/gone-registry (missing)",
            "ServiceAccount:ci/builder -> Secret:ci/gone-token (missing)",
            "ServiceAccount:ci/builder -> Secret:ci/registry",
        ]
    );
    // Token secrets are no longer created for service accounts: their absence is no error,
    // while a missing pull secret breaks every pod using the account.
    let optional =
        |to: &str| attrs(&g, EdgeKind::Uses, "ServiceAccount:ci/builder", to)["optional"].clone();
    assert_eq!(optional("Secret:ci/gone-token (missing)"), json!(true));
    assert_eq!(optional("Secret:ci/gone-registry (missing)"), json!(false));
}

#[test]
fn secret_named_twice_on_a_service_account_is_one_non_optional_edge() {
    let g = graph(
        r#"
apiVersion: v1
kind: ServiceAccount
metadata: {name: both, namespace: ci}
secrets: [{name: shared}]
imagePullSecrets: [{name: shared}]
---
apiVersion: v1
kind: Secret
metadata: {name: shared, namespace: ci}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        ["ServiceAccount:ci/both -> Secret:ci/shared"]
    );
    let a = attrs(
        &g,
        EdgeKind::Uses,
        "ServiceAccount:ci/both",
        "Secret:ci/shared",
    );
    assert_eq!(a["optional"], json!(false));
    assert_eq!(a["via"], json!(["secrets", "imagePullSecrets"]));
}

// ---------------------------------------------------------------- rules 28–29

#[test]
fn role_binding_binds_role_in_its_namespace_or_a_cluster_role() {
    let g = graph(
        r#"
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: team-a}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: writer, namespace: team-b}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: view}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: write, namespace: team-a}
# `writer` exists in team-b only: a RoleBinding's Role is always in the binding's namespace.
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: writer}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: view, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: view-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admin-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
---
# A ClusterRoleBinding naming a Role (which the API server rejects) draws no edge and is warned
# about: tests/peers.rs.
apiVersion: example.com/v1
kind: Role
metadata: {name: reader, namespace: team-c}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read, namespace: team-c}
# The `Role` in team-c is example.com's: the rbac Role is absent.
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:admin-all -> rbac.authorization.k8s.io/ClusterRole:cluster-admin (missing)",
            "rbac.authorization.k8s.io/ClusterRoleBinding:view-all -> rbac.authorization.k8s.io/ClusterRole:view",
            "rbac.authorization.k8s.io/RoleBinding:team-a/read -> rbac.authorization.k8s.io/Role:team-a/reader",
            "rbac.authorization.k8s.io/RoleBinding:team-a/view -> rbac.authorization.k8s.io/ClusterRole:view",
            "rbac.authorization.k8s.io/RoleBinding:team-a/write -> rbac.authorization.k8s.io/Role:team-a/writer (missing)",
            "rbac.authorization.k8s.io/RoleBinding:team-c/read -> rbac.authorization.k8s.io/Role:team-c/reader (missing)",
        ]
    );
    let a = attrs(
        &g,
        EdgeKind::Binds,
        "rbac.authorization.k8s.io/RoleBinding:team-a/read",
        "rbac.authorization.k8s.io/Role:team-a/reader",
    );
    assert_eq!(a["as"], json!("role"));
}

#[test]
fn binding_subjects_service_accounts_users_and_groups() {
    let g = graph(
        r#"
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployers, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: ServiceAccount, name: deployer}
- {kind: ServiceAccount, name: ci, namespace: tools}
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice@example.com}
- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:serviceaccounts:team-a"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: auditors}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice@example.com}
- {kind: ServiceAccount, name: auditor, namespace: audit}
# A ServiceAccount subject of a ClusterRoleBinding must name its namespace: no edge without one.
- {kind: ServiceAccount, name: nowhere}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: edit}
rules: []
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: deployer, namespace: team-a}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci, namespace: team-a}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: auditor, namespace: audit}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:auditors -> ServiceAccount:audit/auditor",
            "rbac.authorization.k8s.io/ClusterRoleBinding:auditors -> rbac.authorization.k8s.io/ClusterRole:edit",
            "rbac.authorization.k8s.io/ClusterRoleBinding:auditors -> rbac.authorization.k8s.io/User:alice@example.com",
            "rbac.authorization.k8s.io/RoleBinding:team-a/deployers -> ServiceAccount:team-a/deployer",
            "rbac.authorization.k8s.io/RoleBinding:team-a/deployers -> ServiceAccount:tools/ci (missing)",
            "rbac.authorization.k8s.io/RoleBinding:team-a/deployers -> rbac.authorization.k8s.io/ClusterRole:edit",
            "rbac.authorization.k8s.io/RoleBinding:team-a/deployers -> rbac.authorization.k8s.io/Group:system:serviceaccounts:team-a",
            "rbac.authorization.k8s.io/RoleBinding:team-a/deployers -> rbac.authorization.k8s.io/User:alice@example.com",
        ]
    );
    // Users and groups are synthetic nodes (they exist outside the API), shared by bindings.
    let users: Vec<_> = g
        .nodes()
        .filter(|(_, n)| n.object.is("rbac.authorization.k8s.io", "User"))
        .map(|(_, n)| (n.object.name.clone(), n.missing()))
        .collect();
    assert_eq!(users, [("alice@example.com".to_string(), false)]);
    let a = attrs(
        &g,
        EdgeKind::Binds,
        "rbac.authorization.k8s.io/RoleBinding:team-a/deployers",
        "ServiceAccount:tools/ci (missing)",
    );
    assert_eq!(a["as"], json!("subject"));
    assert_eq!(a["optional"], json!(true));
}

// ---------------------------------------------------------------- fixtures

#[test]
fn fixture_k9s_live_rbac_objects() {
    let g = fixture(&[
        "k9s-live-objects/render/testdata/sa.json",
        "k9s-live-objects/render/testdata/rb.json",
        "k9s-live-objects/render/testdata/crb.json",
        "k9s-live-objects/render/testdata/ro.json",
        "k9s-live-objects/render/testdata/cr.json",
    ]);
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "ServiceAccount:default/blee -> Secret:default/blee (missing)",
            "ServiceAccount:default/blee -> Secret:default/blee-token-k42bt (missing)",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:blee -> rbac.authorization.k8s.io/ClusterRole:blee",
            "rbac.authorization.k8s.io/ClusterRoleBinding:blee -> rbac.authorization.k8s.io/User:fernand",
            "rbac.authorization.k8s.io/RoleBinding:default/blee -> ServiceAccount:default/fernand (missing)",
            "rbac.authorization.k8s.io/RoleBinding:default/blee -> rbac.authorization.k8s.io/Role:default/blee",
        ]
    );
}

#[test]
fn fixture_kube_prometheus_bindings() {
    // RoleBindings in default and kube-system bind the monitoring namespace's service account
    // (explicit subject namespace) to the Role of the binding's own namespace; the two built-in
    // roles the stack relies on are not in the manifests, so they are placeholders.
    let g = fixture(&["kube-prometheus/manifests"]);
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:blackbox-exporter -> ServiceAccount:monitoring/blackbox-exporter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:blackbox-exporter -> rbac.authorization.k8s.io/ClusterRole:blackbox-exporter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:kube-state-metrics -> ServiceAccount:monitoring/kube-state-metrics",
            "rbac.authorization.k8s.io/ClusterRoleBinding:kube-state-metrics -> rbac.authorization.k8s.io/ClusterRole:kube-state-metrics",
            "rbac.authorization.k8s.io/ClusterRoleBinding:node-exporter -> ServiceAccount:monitoring/node-exporter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:node-exporter -> rbac.authorization.k8s.io/ClusterRole:node-exporter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-adapter -> ServiceAccount:monitoring/prometheus-adapter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-adapter -> rbac.authorization.k8s.io/ClusterRole:prometheus-adapter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-k8s -> ServiceAccount:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-k8s -> rbac.authorization.k8s.io/ClusterRole:prometheus-k8s",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-operator -> ServiceAccount:monitoring/prometheus-operator",
            "rbac.authorization.k8s.io/ClusterRoleBinding:prometheus-operator -> rbac.authorization.k8s.io/ClusterRole:prometheus-operator",
            "rbac.authorization.k8s.io/ClusterRoleBinding:resource-metrics:system:auth-delegator -> ServiceAccount:monitoring/prometheus-adapter",
            "rbac.authorization.k8s.io/ClusterRoleBinding:resource-metrics:system:auth-delegator -> rbac.authorization.k8s.io/ClusterRole:system:auth-delegator (missing)",
            "rbac.authorization.k8s.io/RoleBinding:default/prometheus-k8s -> ServiceAccount:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:default/prometheus-k8s -> rbac.authorization.k8s.io/Role:default/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/prometheus-k8s -> ServiceAccount:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/prometheus-k8s -> rbac.authorization.k8s.io/Role:kube-system/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/resource-metrics-auth-reader -> ServiceAccount:monitoring/prometheus-adapter",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/resource-metrics-auth-reader -> rbac.authorization.k8s.io/Role:kube-system/extension-apiserver-authentication-reader (missing)",
            "rbac.authorization.k8s.io/RoleBinding:monitoring/prometheus-k8s -> ServiceAccount:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:monitoring/prometheus-k8s -> rbac.authorization.k8s.io/Role:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:monitoring/prometheus-k8s-config -> ServiceAccount:monitoring/prometheus-k8s",
            "rbac.authorization.k8s.io/RoleBinding:monitoring/prometheus-k8s-config -> rbac.authorization.k8s.io/Role:monitoring/prometheus-k8s-config",
        ]
    );
}

#[test]
fn fixture_ingress_nginx_bindings() {
    let g = fixture(&["ingress-nginx/cloud/deploy.yaml"]);
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:ingress-nginx -> ServiceAccount:ingress-nginx/ingress-nginx",
            "rbac.authorization.k8s.io/ClusterRoleBinding:ingress-nginx -> rbac.authorization.k8s.io/ClusterRole:ingress-nginx",
            "rbac.authorization.k8s.io/ClusterRoleBinding:ingress-nginx-admission -> ServiceAccount:ingress-nginx/ingress-nginx-admission",
            "rbac.authorization.k8s.io/ClusterRoleBinding:ingress-nginx-admission -> rbac.authorization.k8s.io/ClusterRole:ingress-nginx-admission",
            "rbac.authorization.k8s.io/RoleBinding:ingress-nginx/ingress-nginx -> ServiceAccount:ingress-nginx/ingress-nginx",
            "rbac.authorization.k8s.io/RoleBinding:ingress-nginx/ingress-nginx -> rbac.authorization.k8s.io/Role:ingress-nginx/ingress-nginx",
            "rbac.authorization.k8s.io/RoleBinding:ingress-nginx/ingress-nginx-admission -> ServiceAccount:ingress-nginx/ingress-nginx-admission",
            "rbac.authorization.k8s.io/RoleBinding:ingress-nginx/ingress-nginx-admission -> rbac.authorization.k8s.io/Role:ingress-nginx/ingress-nginx-admission",
        ]
    );
}

#[test]
fn fixture_cert_manager_bindings_across_namespaces() {
    // The leader-election RoleBindings live in kube-system: their Role is kube-system's, their
    // subject is the cert-manager namespace's service account.
    let g = fixture(&["cert-manager/cert-manager.yaml"]);
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-cainjector -> ServiceAccount:cert-manager/cert-manager-cainjector",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-cainjector -> rbac.authorization.k8s.io/ClusterRole:cert-manager-cainjector",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-approve:cert-manager-io -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-approve:cert-manager-io -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-approve:cert-manager-io",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-certificates -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-certificates -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-certificates",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-certificatesigningrequests -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-certificatesigningrequests -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-certificatesigningrequests",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-clusterissuers -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-clusterissuers -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-clusterissuers",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-ingress-shim -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-ingress-shim -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-ingress-shim",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-issuers -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-issuers -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-issuers",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-orders -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-controller-orders -> rbac.authorization.k8s.io/ClusterRole:cert-manager-controller-orders",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-dns01-controller-challenges -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-dns01-controller-challenges -> rbac.authorization.k8s.io/ClusterRole:cert-manager-dns01-controller-challenges",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-http01-controller-challenges -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-http01-controller-challenges -> rbac.authorization.k8s.io/ClusterRole:cert-manager-http01-controller-challenges",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-webhook:subjectaccessreviews -> ServiceAccount:cert-manager/cert-manager-webhook",
            "rbac.authorization.k8s.io/ClusterRoleBinding:cert-manager-webhook:subjectaccessreviews -> rbac.authorization.k8s.io/ClusterRole:cert-manager-webhook:subjectaccessreviews",
            "rbac.authorization.k8s.io/RoleBinding:cert-manager/cert-manager-cert-manager-tokenrequest -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/RoleBinding:cert-manager/cert-manager-cert-manager-tokenrequest -> rbac.authorization.k8s.io/Role:cert-manager/cert-manager-tokenrequest",
            "rbac.authorization.k8s.io/RoleBinding:cert-manager/cert-manager-webhook:dynamic-serving -> ServiceAccount:cert-manager/cert-manager-webhook",
            "rbac.authorization.k8s.io/RoleBinding:cert-manager/cert-manager-webhook:dynamic-serving -> rbac.authorization.k8s.io/Role:cert-manager/cert-manager-webhook:dynamic-serving",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/cert-manager-cainjector:leaderelection -> ServiceAccount:cert-manager/cert-manager-cainjector",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/cert-manager-cainjector:leaderelection -> rbac.authorization.k8s.io/Role:kube-system/cert-manager-cainjector:leaderelection",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/cert-manager:leaderelection -> ServiceAccount:cert-manager/cert-manager",
            "rbac.authorization.k8s.io/RoleBinding:kube-system/cert-manager:leaderelection -> rbac.authorization.k8s.io/Role:kube-system/cert-manager:leaderelection",
        ]
    );
}
