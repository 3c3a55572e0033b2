//! The resource types the server serves, and the discovery documents describing them.
//!
//! Built-in types carry the short names and subresources of a real 1.31 server, because clients
//! must cope with them (kube-rs's discovery skips `pods/status`-style entries; a client that does
//! not would try to list `pods/log`).

use serde_json::{json, Value};

use crate::ResourceType;

/// Where objects of a type are stored: one store per `(group, plural)`, whatever the version
/// they are served in (a CRD serving `v1beta1` and `v1` has one set of objects).
pub(crate) type StoreKey = (String, String);

/// A subresource as discovery shows it (`pods/log`, `deployments/scale`).
struct Subresource {
    name: &'static str,
    /// `group/version/kind` of what the subresource returns; `None` means the parent's kind.
    kind: Option<(&'static str, &'static str, &'static str)>,
    verbs: &'static [&'static str],
}

const STATUS: Subresource = Subresource {
    name: "status",
    kind: None,
    verbs: &["get", "patch", "update"],
};
const SCALE: Subresource = Subresource {
    name: "scale",
    kind: Some(("autoscaling", "v1", "Scale")),
    verbs: &["get", "patch", "update"],
};

const ALL_VERBS: &[&str] = &[
    "create",
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "update",
    "watch",
];

/// A built-in type: `(group, version, kind, plural, namespaced, short names, subresources)`.
type Builtin = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
    &'static [Subresource],
);

const POD_SUBRESOURCES: &[Subresource] = &[
    Subresource {
        name: "attach",
        kind: Some(("", "v1", "PodAttachOptions")),
        verbs: &["create", "get"],
    },
    Subresource {
        name: "binding",
        kind: Some(("", "v1", "Binding")),
        verbs: &["create"],
    },
    Subresource {
        name: "ephemeralcontainers",
        kind: None,
        verbs: &["get", "patch", "update"],
    },
    Subresource {
        name: "eviction",
        kind: Some(("policy", "v1", "Eviction")),
        verbs: &["create"],
    },
    Subresource {
        name: "exec",
        kind: Some(("", "v1", "PodExecOptions")),
        verbs: &["create", "get"],
    },
    Subresource {
        name: "log",
        kind: None,
        verbs: &["get"],
    },
    Subresource {
        name: "portforward",
        kind: Some(("", "v1", "PodPortForwardOptions")),
        verbs: &["create", "get"],
    },
    Subresource {
        name: "proxy",
        kind: Some(("", "v1", "PodProxyOptions")),
        verbs: &["create", "delete", "get", "patch", "update"],
    },
    STATUS,
];

const BUILTINS: &[Builtin] = &[
    (
        "",
        "v1",
        "Namespace",
        "namespaces",
        false,
        &["ns"],
        &[
            Subresource {
                name: "finalize",
                kind: None,
                verbs: &["update"],
            },
            STATUS,
        ],
    ),
    ("", "v1", "Pod", "pods", true, &["po"], POD_SUBRESOURCES),
    (
        "",
        "v1",
        "Service",
        "services",
        true,
        &["svc"],
        &[
            Subresource {
                name: "proxy",
                kind: Some(("", "v1", "ServiceProxyOptions")),
                verbs: &["create", "delete", "get", "patch", "update"],
            },
            STATUS,
        ],
    ),
    ("", "v1", "Endpoints", "endpoints", true, &["ep"], &[]),
    ("", "v1", "ConfigMap", "configmaps", true, &["cm"], &[]),
    ("", "v1", "Secret", "secrets", true, &[], &[]),
    (
        "",
        "v1",
        "ServiceAccount",
        "serviceaccounts",
        true,
        &["sa"],
        &[Subresource {
            name: "token",
            kind: Some(("authentication.k8s.io", "v1", "TokenRequest")),
            verbs: &["create"],
        }],
    ),
    (
        "",
        "v1",
        "Node",
        "nodes",
        false,
        &["no"],
        &[
            Subresource {
                name: "proxy",
                kind: Some(("", "v1", "NodeProxyOptions")),
                verbs: &["create", "delete", "get", "patch", "update"],
            },
            STATUS,
        ],
    ),
    (
        "",
        "v1",
        "PersistentVolume",
        "persistentvolumes",
        false,
        &["pv"],
        &[STATUS],
    ),
    (
        "",
        "v1",
        "PersistentVolumeClaim",
        "persistentvolumeclaims",
        true,
        &["pvc"],
        &[STATUS],
    ),
    ("", "v1", "Event", "events", true, &["ev"], &[]),
    (
        "",
        "v1",
        "ReplicationController",
        "replicationcontrollers",
        true,
        &["rc"],
        &[SCALE, STATUS],
    ),
    (
        "apps",
        "v1",
        "Deployment",
        "deployments",
        true,
        &["deploy"],
        &[SCALE, STATUS],
    ),
    (
        "apps",
        "v1",
        "ReplicaSet",
        "replicasets",
        true,
        &["rs"],
        &[SCALE, STATUS],
    ),
    (
        "apps",
        "v1",
        "StatefulSet",
        "statefulsets",
        true,
        &["sts"],
        &[SCALE, STATUS],
    ),
    (
        "apps",
        "v1",
        "DaemonSet",
        "daemonsets",
        true,
        &["ds"],
        &[STATUS],
    ),
    ("batch", "v1", "Job", "jobs", true, &[], &[STATUS]),
    (
        "batch",
        "v1",
        "CronJob",
        "cronjobs",
        true,
        &["cj"],
        &[STATUS],
    ),
    (
        "networking.k8s.io",
        "v1",
        "Ingress",
        "ingresses",
        true,
        &["ing"],
        &[STATUS],
    ),
    (
        "networking.k8s.io",
        "v1",
        "NetworkPolicy",
        "networkpolicies",
        true,
        &["netpol"],
        &[],
    ),
    (
        "networking.k8s.io",
        "v1",
        "IngressClass",
        "ingressclasses",
        false,
        &[],
        &[],
    ),
    (
        "rbac.authorization.k8s.io",
        "v1",
        "Role",
        "roles",
        true,
        &[],
        &[],
    ),
    (
        "rbac.authorization.k8s.io",
        "v1",
        "RoleBinding",
        "rolebindings",
        true,
        &[],
        &[],
    ),
    (
        "rbac.authorization.k8s.io",
        "v1",
        "ClusterRole",
        "clusterroles",
        false,
        &[],
        &[],
    ),
    (
        "rbac.authorization.k8s.io",
        "v1",
        "ClusterRoleBinding",
        "clusterrolebindings",
        false,
        &[],
        &[],
    ),
    (
        "storage.k8s.io",
        "v1",
        "StorageClass",
        "storageclasses",
        false,
        &["sc"],
        &[],
    ),
    (
        "policy",
        "v1",
        "PodDisruptionBudget",
        "poddisruptionbudgets",
        true,
        &["pdb"],
        &[STATUS],
    ),
    (
        "apiextensions.k8s.io",
        "v1",
        "CustomResourceDefinition",
        "customresourcedefinitions",
        false,
        &["crd", "crds"],
        &[STATUS],
    ),
    ("events.k8s.io", "v1", "Event", "events", true, &["ev"], &[]),
    (
        "admissionregistration.k8s.io",
        "v1",
        "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations",
        false,
        &[],
        &[],
    ),
    (
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        false,
        &[],
        &[],
    ),
    (
        "apiregistration.k8s.io",
        "v1",
        "APIService",
        "apiservices",
        false,
        &[],
        &[STATUS],
    ),
    (
        "autoscaling",
        "v2",
        "HorizontalPodAutoscaler",
        "horizontalpodautoscalers",
        true,
        &["hpa"],
        &[STATUS],
    ),
    (
        "discovery.k8s.io",
        "v1",
        "EndpointSlice",
        "endpointslices",
        true,
        &[],
        &[],
    ),
];

/// A subresource as `(name, (group, version, kind) it returns, verbs)`.
type ServedSubresource = (String, (String, String, String), Vec<String>);

/// The types being served, in registration order (which is also discovery order).
#[derive(Default)]
pub(crate) struct Registry {
    types: Vec<Served>,
}

/// One served `group/version/plural`.
pub(crate) struct Served {
    pub(crate) resource: ResourceType,
    short_names: Vec<String>,
    categories: Vec<String>,
    subresources: Vec<ServedSubresource>,
    /// The CustomResourceDefinition that registered it, if any (removed with it).
    pub(crate) crd: Option<String>,
}

impl Registry {
    pub(crate) fn with_builtins() -> Registry {
        let mut registry = Registry::default();
        for &(group, version, kind, plural, namespaced, short, subs) in BUILTINS {
            let resource = ResourceType {
                group: group.into(),
                version: version.into(),
                kind: kind.into(),
                plural: plural.into(),
                namespaced,
                verbs: ALL_VERBS.iter().map(|v| v.to_string()).collect(),
            };
            let subresources = subs
                .iter()
                .map(|s| {
                    let (g, v, k) = s.kind.unwrap_or((group, version, kind));
                    (
                        s.name.to_string(),
                        (g.to_string(), v.to_string(), k.to_string()),
                        s.verbs.iter().map(|v| v.to_string()).collect(),
                    )
                })
                .collect();
            let categories = match plural {
                "pods"
                | "services"
                | "deployments"
                | "replicasets"
                | "statefulsets"
                | "daemonsets"
                | "jobs"
                | "cronjobs"
                | "replicationcontrollers"
                | "horizontalpodautoscalers" => vec!["all".to_string()],
                _ => Vec::new(),
            };
            registry.types.push(Served {
                resource,
                short_names: short.iter().map(|s| s.to_string()).collect(),
                categories,
                subresources,
                crd: None,
            });
        }
        registry
    }

    /// Adds or replaces (same group, version and plural) a served type.
    pub(crate) fn add(
        &mut self,
        resource: ResourceType,
        short_names: Vec<String>,
        crd: Option<String>,
    ) {
        let served = Served {
            resource,
            short_names,
            categories: Vec::new(),
            subresources: Vec::new(),
            crd,
        };
        match self.types.iter_mut().find(|t| {
            t.resource.group == served.resource.group
                && t.resource.version == served.resource.version
                && t.resource.plural == served.resource.plural
        }) {
            Some(existing) => *existing = served,
            None => self.types.push(served),
        }
    }

    /// Removes every type a CRD registered; returns their store keys.
    pub(crate) fn remove_crd(&mut self, crd_name: &str) -> Vec<StoreKey> {
        let mut removed = Vec::new();
        self.types.retain(|t| {
            if t.crd.as_deref() == Some(crd_name) {
                removed.push(store_key(&t.resource));
                false
            } else {
                true
            }
        });
        removed.dedup();
        removed
    }

    pub(crate) fn find(&self, group: &str, version: &str, plural: &str) -> Option<&ResourceType> {
        self.types
            .iter()
            .map(|t| &t.resource)
            .find(|r| r.group == group && r.version == version && r.plural == plural)
    }

    /// The type an object with this `apiVersion` and `kind` belongs to.
    pub(crate) fn find_kind(
        &self,
        group: &str,
        version: &str,
        kind: &str,
    ) -> Option<&ResourceType> {
        let mut same_group = self
            .types
            .iter()
            .map(|t| &t.resource)
            .filter(|r| r.group == group && r.kind == kind);
        let first = same_group.next()?;
        // An object applied at one version of a multi-version type is the same object.
        Some(
            std::iter::once(first)
                .chain(same_group)
                .find(|r| r.version == version)
                .unwrap_or(first),
        )
    }

    pub(crate) fn has_group_version(&self, group: &str, version: &str) -> bool {
        self.types
            .iter()
            .any(|t| t.resource.group == group && t.resource.version == version)
    }

    /// Groups in discovery order, each with its versions, preferred first.
    fn groups(&self) -> Vec<(String, Vec<String>)> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for t in &self.types {
            let r = &t.resource;
            match groups.iter_mut().find(|(g, _)| *g == r.group) {
                Some((_, versions)) => {
                    if !versions.contains(&r.version) {
                        versions.push(r.version.clone());
                    }
                }
                None => groups.push((r.group.clone(), vec![r.version.clone()])),
            }
        }
        for (_, versions) in &mut groups {
            versions.sort_by_key(|v| std::cmp::Reverse(version_priority(v)));
        }
        groups
    }

    /// `GET /api` (legacy): the core group's versions.
    pub(crate) fn api_versions(&self, server_address: &str) -> Value {
        let versions: Vec<String> = self
            .groups()
            .into_iter()
            .find(|(g, _)| g.is_empty())
            .map(|(_, v)| v)
            .unwrap_or_default();
        json!({
            "kind": "APIVersions",
            "versions": versions,
            "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": server_address}],
        })
    }

    /// `GET /apis` (legacy): every named group.
    pub(crate) fn api_group_list(&self) -> Value {
        let groups: Vec<Value> = self
            .groups()
            .into_iter()
            .filter(|(g, _)| !g.is_empty())
            .map(|(g, versions)| api_group(&g, &versions))
            .collect();
        json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
    }

    /// `GET /apis/{group}`.
    pub(crate) fn api_group(&self, group: &str) -> Option<Value> {
        let (name, versions) = self
            .groups()
            .into_iter()
            .find(|(g, _)| g == group && !g.is_empty())?;
        let mut doc = api_group(&name, &versions);
        doc["kind"] = json!("APIGroup");
        doc["apiVersion"] = json!("v1");
        Some(doc)
    }

    /// `GET /api/v1` or `/apis/{group}/{version}`: the resources of one group version,
    /// subresources included as `plural/sub` entries the way the real server lists them.
    pub(crate) fn api_resource_list(&self, group: &str, version: &str) -> Option<Value> {
        if !self.has_group_version(group, version) {
            return None;
        }
        let mut resources = Vec::new();
        for t in self
            .types
            .iter()
            .filter(|t| t.resource.group == group && t.resource.version == version)
        {
            let r = &t.resource;
            let mut entry = json!({
                "name": r.plural,
                "singularName": r.kind.to_lowercase(),
                "namespaced": r.namespaced,
                "kind": r.kind,
                "verbs": r.verbs,
            });
            if !t.short_names.is_empty() {
                entry["shortNames"] = json!(t.short_names);
            }
            if !t.categories.is_empty() {
                entry["categories"] = json!(t.categories);
            }
            resources.push(entry);
            for (name, (g, v, k), verbs) in &t.subresources {
                let mut sub = json!({
                    "name": format!("{}/{}", r.plural, name),
                    "singularName": "",
                    "namespaced": r.namespaced,
                    "kind": k,
                    "verbs": verbs,
                });
                if g != group || v != version {
                    sub["group"] = json!(g);
                    sub["version"] = json!(v);
                }
                resources.push(sub);
            }
        }
        let group_version = group_version(group, version);
        Some(json!({
            "kind": "APIResourceList",
            "apiVersion": "v1",
            "groupVersion": group_version,
            "resources": resources,
        }))
    }

    /// Aggregated discovery (`apidiscovery.k8s.io/{v2,v2beta1}` `APIGroupDiscoveryList`): the
    /// core group for `/api` (`core = true`), every named group for `/apis`.
    pub(crate) fn aggregated(&self, core: bool, api_version: &str) -> Value {
        let items: Vec<Value> = self
            .groups()
            .into_iter()
            .filter(|(g, _)| g.is_empty() == core)
            .map(|(group, versions)| {
                let versions: Vec<Value> = versions
                    .iter()
                    .map(|version| {
                        let resources: Vec<Value> = self
                            .types
                            .iter()
                            .filter(|t| t.resource.group == group && &t.resource.version == version)
                            .map(aggregated_resource)
                            .collect();
                        json!({"version": version, "resources": resources, "freshness": "Current"})
                    })
                    .collect();
                json!({"metadata": {"name": group}, "versions": versions})
            })
            .collect();
        json!({
            "kind": "APIGroupDiscoveryList",
            "apiVersion": api_version,
            "metadata": {},
            "items": items,
        })
    }
}

fn aggregated_resource(t: &Served) -> Value {
    let r = &t.resource;
    let subresources: Vec<Value> = t
        .subresources
        .iter()
        .map(|(name, (g, v, k), verbs)| {
            json!({
                "subresource": name,
                "responseKind": {"group": g, "version": v, "kind": k},
                "verbs": verbs,
            })
        })
        .collect();
    let mut entry = json!({
        "resource": r.plural,
        "responseKind": {"group": r.group, "version": r.version, "kind": r.kind},
        "scope": if r.namespaced { "Namespaced" } else { "Cluster" },
        "singularResource": r.kind.to_lowercase(),
        "verbs": r.verbs,
    });
    if !t.short_names.is_empty() {
        entry["shortNames"] = json!(t.short_names);
    }
    if !t.categories.is_empty() {
        entry["categories"] = json!(t.categories);
    }
    if !subresources.is_empty() {
        entry["subresources"] = json!(subresources);
    }
    entry
}

fn api_group(name: &str, versions: &[String]) -> Value {
    let entries: Vec<Value> = versions
        .iter()
        .map(|v| json!({"groupVersion": group_version(name, v), "version": v}))
        .collect();
    let preferred = entries.first().cloned().unwrap_or(Value::Null);
    json!({"name": name, "versions": entries, "preferredVersion": preferred})
}

pub(crate) fn group_version(group: &str, version: &str) -> String {
    if group.is_empty() {
        version.to_string()
    } else {
        format!("{group}/{version}")
    }
}

pub(crate) fn store_key(r: &ResourceType) -> StoreKey {
    (r.group.clone(), r.plural.clone())
}

/// Kubernetes version priority: GA before beta before alpha, higher numbers first; versions
/// that do not follow the `vN[alpha|betaM]` pattern come last.
pub(crate) fn version_priority(version: &str) -> (u8, u64, u64) {
    let Some(rest) = version.strip_prefix('v') else {
        return (0, 0, 0);
    };
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    let Ok(major) = rest[..digits].parse::<u64>() else {
        return (0, 0, 0);
    };
    let suffix = &rest[digits..];
    let (stability, minor) = if suffix.is_empty() {
        (3, 0)
    } else if let Some(n) = suffix.strip_prefix("beta") {
        (2, n.parse().unwrap_or(u64::MAX))
    } else if let Some(n) = suffix.strip_prefix("alpha") {
        (1, n.parse().unwrap_or(u64::MAX))
    } else {
        return (0, 0, 0);
    };
    if minor == u64::MAX {
        return (0, 0, 0);
    }
    (stability, major, minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_priority_orders_like_kubernetes() {
        let mut versions = vec![
            "v1alpha1", "v2beta1", "foo", "v1", "v1beta2", "v2", "v1beta1",
        ];
        versions.sort_by_key(|v| std::cmp::Reverse(version_priority(v)));
        assert_eq!(
            versions,
            vec!["v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v1alpha1", "foo"]
        );
    }
}
