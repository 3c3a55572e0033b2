//! RBAC: the bootstrap ClusterRoles, ServiceAccounts, and each app namespace's Role and
//! RoleBindings.

use super::meta::{common_labels, helm_annotations, meta};
use super::{Renderer, R_OBJECT};
use crate::gen::{timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

impl<W: Write> Renderer<'_, W> {
    pub(super) fn cluster_roles(&mut self) -> io::Result<()> {
        let mut g = self.plan.cluster_gen();
        g.seed();
        g.seed();
        let verbs_read = json!(["get", "list", "watch"]);
        let verbs_write = json!([
            "create",
            "delete",
            "deletecollection",
            "patch",
            "update",
            "get",
            "list",
            "watch"
        ]);
        let roles = [
            (
                "cluster-admin",
                json!([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}, {"nonResourceURLs": ["*"], "verbs": ["*"]}]),
            ),
            (
                "admin",
                json!([{"apiGroups": ["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io"], "resources": ["*"], "verbs": verbs_write}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": verbs_write}]),
            ),
            (
                "edit",
                json!([{"apiGroups": [""], "resources": ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "secrets", "serviceaccounts", "services"], "verbs": verbs_write}, {"apiGroups": ["apps"], "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"], "verbs": verbs_write}, {"apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers"], "verbs": verbs_write}]),
            ),
            (
                "view",
                json!([{"apiGroups": [""], "resources": ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "services"], "verbs": verbs_read}, {"apiGroups": ["apps"], "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"], "verbs": verbs_read}]),
            ),
        ];
        for (name, rules) in roles {
            let v = json!({
                "aggregationRule": if name == "cluster-admin" { Value::Null } else { json!({"clusterRoleSelectors": [{"matchLabels": {format!("rbac.authorization.k8s.io/aggregate-to-{name}"): "true"}}]}) },
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "ClusterRole",
                "metadata": {
                    "annotations": {"rbac.authorization.kubernetes.io/autoupdate": "true"},
                    "creationTimestamp": timestamp(NOW - 420 * 86_400),
                    "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"},
                    "name": name,
                    "resourceVersion": g.resource_version(),
                    "uid": g.uid(),
                },
                "rules": rules,
            });
            let mut v = v;
            if v["aggregationRule"].is_null() {
                v.as_object_mut().map(|m| m.remove("aggregationRule"));
            }
            self.emit("ClusterRole", v)?;
        }
        Ok(())
    }
}

pub(super) fn service_account(plan: &Plan, ns: &Namespace, app: Option<&App>) -> Value {
    match app {
        None => {
            let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 3);
            json!({
                "apiVersion": "v1",
                "kind": "ServiceAccount",
                "metadata": meta("default", ns, &ns.default_sa_uid, ns.created, &mut g, Map::new(), Map::new()),
            })
        }
        Some(app) => {
            let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 3);
            let mut annotations = helm_annotations(ns, app);
            if !app.system {
                annotations.insert(
                    "eks.amazonaws.com/role-arn".into(),
                    json!(format!(
                        "arn:aws:iam::123456789012:role/{}-{}",
                        ns.name, app.name
                    )),
                );
            }
            json!({
                "apiVersion": "v1",
                "automountServiceAccountToken": true,
                "kind": "ServiceAccount",
                "metadata": meta(&app.name, ns, &app.uids[UID_SA], app.created, &mut g, common_labels(ns, app), annotations),
            })
        }
    }
}

pub(super) fn role(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 15);
    let uid = g.uid();
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "Role",
        "metadata": meta("config-reader", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "rules": [
            {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]},
            {"apiGroups": [""], "resourceNames": ["regcred"], "resources": ["secrets"], "verbs": ["get"]},
        ],
    })
}

pub(super) fn role_bindings(plan: &Plan, ns: &Namespace) -> Vec<Value> {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 16);
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    let rbac = "rbac.authorization.k8s.io";
    let edit_uid = g.uid();
    let edit = json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "RoleBinding",
        "metadata": meta(&format!("{}-developers", ns.team), ns, &edit_uid, ns.created, &mut g, labels.clone(), Map::new()),
        "roleRef": {"apiGroup": rbac, "kind": "ClusterRole", "name": "edit"},
        "subjects": [
            {"apiGroup": rbac, "kind": "Group", "name": format!("{}-developers", ns.team)},
            {"apiGroup": rbac, "kind": "User", "name": format!("{}-lead@example.com", ns.team)},
        ],
    });
    let mut subjects: Vec<Value> = ns
        .apps
        .iter()
        .filter(|a| a.own_sa)
        .map(|a| json!({"kind": "ServiceAccount", "name": a.name, "namespace": ns.name}))
        .collect();
    if subjects.is_empty() {
        subjects.push(json!({"kind": "ServiceAccount", "name": "default", "namespace": ns.name}));
    }
    let reader_uid = g.uid();
    let reader = json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "RoleBinding",
        "metadata": meta("config-reader", ns, &reader_uid, ns.created, &mut g, labels, Map::new()),
        "roleRef": {"apiGroup": rbac, "kind": "Role", "name": "config-reader"},
        "subjects": subjects,
    });
    vec![edit, reader]
}
