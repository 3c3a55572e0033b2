//! References the API server would reject, found in one object on its own: fields of another
//! API version, a binding to a kind it may not bind. The relation rules draw no edge for them
//! (the API would not have the object so); the file loader reports each one as a warning at the
//! object's file and line, so that the user learns why the edge is missing.

use crate::json::{JsonContainerTrait, JsonValueTrait, Value};
use crate::Object;

/// One reference the API server would reject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field, e.g. `spec.rules[0].http.paths[0].backend`.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
    /// What kubegraph does about it, and what the user can do.
    pub hint: String,
}

/// Which Ingress backend fields an Ingress's API version has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngressApi {
    /// `networking.k8s.io/v1`: `spec.defaultBackend`, backends `service.name` and
    /// `service.port.number|name` (or `resource`).
    V1,
    /// `networking.k8s.io/v1beta1` and `extensions/v1beta1`: `spec.backend`, backends
    /// `serviceName` and `servicePort` (or `resource`).
    V1beta1,
    /// No (known) version: both forms are read.
    Either,
}

impl IngressApi {
    /// The API an Ingress object was written for.
    pub fn of(o: &Object) -> IngressApi {
        match o.version.as_str() {
            "v1" => IngressApi::V1,
            "v1beta1" => IngressApi::V1beta1,
            _ => IngressApi::Either,
        }
    }

    /// The field of `spec` that holds the default backend in this API.
    pub fn default_backend_fields(self) -> &'static [&'static str] {
        match self {
            IngressApi::V1 => &["defaultBackend"],
            IngressApi::V1beta1 => &["backend"],
            IngressApi::Either => &["defaultBackend", "backend"],
        }
    }

    /// Whether backends name their service as `service: {name, port}` in this API.
    pub fn has_service_field(self) -> bool {
        self != IngressApi::V1beta1
    }

    /// Whether backends name their service as `serviceName`/`servicePort` in this API.
    pub fn has_service_name_field(self) -> bool {
        self != IngressApi::V1
    }
}

/// Every reference of `o` that the API server would reject.
pub fn problems(o: &Object) -> Vec<Problem> {
    let mut out = Vec::new();
    match (o.group.as_str(), o.kind.as_str()) {
        ("networking.k8s.io", "Ingress") => ingress(o, &mut out),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => cluster_role_binding(o, &mut out),
        _ => {}
    }
    out
}

fn ingress(o: &Object, out: &mut Vec<Problem>) {
    let api = IngressApi::of(o);
    let version = match api {
        IngressApi::V1 => "networking.k8s.io/v1",
        IngressApi::V1beta1 => "v1beta1",
        IngressApi::Either => return,
    };
    let Some(spec) = o.spec() else { return };
    let mut backends: Vec<(String, &Value)> = Vec::new();
    for field in ["defaultBackend", "backend"] {
        if let Some(b) = spec.get(field) {
            if !api.default_backend_fields().contains(&field) {
                let (wrong, right) = match api {
                    IngressApi::V1 => ("a v1beta1 field", "spec.defaultBackend"),
                    _ => ("a networking.k8s.io/v1 field", "spec.backend"),
                };
                out.push(Problem {
                    path: format!("spec.{field}"),
                    message: format!("`{field}` is {wrong}, which {version} does not have"),
                    hint: format!(
                        "the API server rejects this Ingress, so kubegraph draws no route for this backend; write {right}"
                    ),
                });
                continue;
            }
            backends.push((format!("spec.{field}"), b));
        }
    }
    if let Some(rules) = spec.get("rules").and_then(|r| r.as_array()) {
        for (i, rule) in rules.iter().enumerate() {
            let Some(paths) = rule
                .get("http")
                .and_then(|h| h.get("paths"))
                .and_then(|p| p.as_array())
            else {
                continue;
            };
            for (j, p) in paths.iter().enumerate() {
                if let Some(b) = p.get("backend") {
                    backends.push((format!("spec.rules[{i}].http.paths[{j}].backend"), b));
                }
            }
        }
    }
    for (path, b) in backends {
        let old = ["serviceName", "servicePort"]
            .into_iter()
            .filter(|f| b.get(*f).is_some())
            .collect::<Vec<_>>();
        if !old.is_empty() && !api.has_service_name_field() {
            out.push(Problem {
                path,
                message: format!(
                    "`{}` {} networking.k8s.io/v1beta1, which networking.k8s.io/v1 does not have",
                    old.join("`/`"),
                    if old.len() == 1 { "is a field of" } else { "are fields of" }
                ),
                hint: "the API server rejects this Ingress, so kubegraph draws no route for this backend; write `service: {name: ..., port: {number: ...}}`".into(),
            });
        } else if b.get("service").is_some() && !api.has_service_field() {
            out.push(Problem {
                path,
                message: "`service` is a networking.k8s.io/v1 field, which v1beta1 does not have"
                    .into(),
                hint: "the API server does not keep it, so kubegraph draws no route for this backend; write `serviceName` and `servicePort`, or use networking.k8s.io/v1".into(),
            });
        }
    }
}

fn cluster_role_binding(o: &Object, out: &mut Vec<Problem>) {
    let Some(r) = o.raw.get("roleRef") else {
        return;
    };
    if r.get("kind").and_then(|k| k.as_str()) == Some("Role") {
        let name = r.get("name").and_then(|n| n.as_str()).unwrap_or("");
        out.push(Problem {
            path: "roleRef".into(),
            message: format!(
                "a ClusterRoleBinding can only bind a ClusterRole, not Role `{name}`"
            ),
            hint: "the API server rejects this binding, so kubegraph draws no edge to the role; bind a ClusterRole, or use a RoleBinding in the Role's namespace".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sonic_rs::json;

    fn object(v: sonic_rs::Value) -> Object {
        Object::from_value(v).unwrap()
    }

    #[test]
    fn a_v1_ingress_with_v1beta1_backend_fields_is_a_problem_at_the_backend() {
        let o = object(
            json!({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": {"name": "whatever"},
            "spec": {"backend": {"serviceName": "x", "servicePort": 80},
                     "rules": [{"http": {"paths": [
                         {"path": "/", "backend": {"service": {"name": "ok", "port": {"number": 80}}}},
                         {"path": "/", "backend": {"serviceName": "abc", "servicePort": "def"}}]}}]}}),
        );
        let p = problems(&o);
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["spec.backend", "spec.rules[0].http.paths[1].backend"]
        );
        assert_eq!(
            p[1].message,
            "`serviceName`/`servicePort` are fields of networking.k8s.io/v1beta1, which networking.k8s.io/v1 does not have"
        );
        assert_eq!(IngressApi::of(&o), IngressApi::V1);
    }

    #[test]
    fn v1beta1_ingresses_keep_their_own_fields_and_crbs_bind_cluster_roles() {
        let o = object(
            json!({"apiVersion": "extensions/v1beta1", "kind": "Ingress",
            "metadata": {"name": "old"},
            "spec": {"backend": {"serviceName": "x", "servicePort": 80}}}),
        );
        assert_eq!(problems(&o), []);
        let o = object(
            json!({"apiVersion": "networking.k8s.io/v1beta1", "kind": "Ingress",
            "metadata": {"name": "mixed"},
            "spec": {"backend": {"service": {"name": "x", "port": {"number": 80}}}}}),
        );
        assert_eq!(problems(&o)[0].path, "spec.backend");
        let crb = |kind: &str| {
            object(
                json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": {"name": "b"}, "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": kind, "name": "r"}}),
            )
        };
        assert_eq!(problems(&crb("ClusterRole")), []);
        let p = problems(&crb("Role"));
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message,
            "a ClusterRoleBinding can only bind a ClusterRole, not Role `r`"
        );
    }
}
