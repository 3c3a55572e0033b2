//! RBAC (rules 28–29) and service accounts (18).

use super::{core, items, str_at};
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::JsonValueTrait;
use kubegraph_model::{EdgeKind, LabelSelector, Object};
use serde_json::json;

const RBAC: &str = "rbac.authorization.k8s.io";

/// Rule 18: `secrets[].name` (token secrets, optional: clusters no longer create them) and
/// `imagePullSecrets[].name`.
pub(crate) fn service_account(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    for (field, optional) in [("secrets", true), ("imagePullSecrets", false)] {
        for s in items(&o.raw, field) {
            if let Some(name) = str_at(s, "name") {
                out.push(
                    Reference::to(EdgeKind::Uses, core("Secret", Some(ns), name))
                        .attr("via", json!([field]))
                        .attr("optional", optional),
                );
            }
        }
    }
}

/// Rules 28–29: `roleRef` (a RoleBinding may name a ClusterRole) and `subjects[]`
/// (service accounts default to the binding's namespace; users and groups become nodes).
pub(crate) fn binding(o: &Object, out: &mut Vec<Reference>) {
    let ns = o.namespace.as_deref();
    if let Some(r) = o.raw.get("roleRef") {
        let target = match (str_at(r, "kind"), str_at(r, "name")) {
            (Some("ClusterRole"), Some(name)) => Some(object(RBAC, "ClusterRole", None, name)),
            (Some("Role"), Some(name)) if ns.is_some() => Some(object(RBAC, "Role", ns, name)),
            _ => None,
        };
        if let Some(t) = target {
            out.push(Reference::to(EdgeKind::Binds, t).attr("as", "role"));
        }
    }
    for s in items(&o.raw, "subjects") {
        let Some(name) = str_at(s, "name") else {
            continue;
        };
        let target = match str_at(s, "kind") {
            Some("ServiceAccount") => match str_at(s, "namespace").or(ns) {
                Some(sa_ns) => core("ServiceAccount", Some(sa_ns), name),
                None => continue,
            },
            Some("User") => Target::Synthetic {
                group: RBAC,
                kind: "User",
                name: name.to_string(),
            },
            Some("Group") => Target::Synthetic {
                group: RBAC,
                kind: "Group",
                name: name.to_string(),
            },
            _ => continue,
        };
        out.push(
            Reference::to(EdgeKind::Binds, target)
                .attr("as", "subject")
                .attr("optional", true),
        );
    }
}

/// ClusterRole aggregation: `aggregationRule.clusterRoleSelectors[]` select ClusterRoles by
/// their labels, and the controller copies their rules into this one. Each selected ClusterRole
/// (never this one itself) is an `aggregates` edge; an empty selector selects every ClusterRole,
/// as the controller reads it. A selector the API server would reject selects nothing.
pub(crate) fn cluster_role(o: &Object, out: &mut Vec<Reference>) {
    let Some(rule) = o.raw.get("aggregationRule") else {
        return;
    };
    for s in items(rule, "clusterRoleSelectors") {
        if let Ok(selector) = LabelSelector::from_label_selector(s) {
            out.push(Reference::to(
                EdgeKind::Aggregates,
                Target::Labeled {
                    group: RBAC,
                    kind: "ClusterRole",
                    selector,
                },
            ));
        }
    }
}
