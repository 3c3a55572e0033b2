//! Services and endpoints (rules 6, 8, 23–26), ingresses (21–22), network policies (31),
//! Gateway API (35), webhooks (32) and API services (33).

use super::{core, items, str_at, str_ptr};
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::{to_serde, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::validate::IngressApi;
use kubegraph_model::{kinds, kinds::SYNTHETIC_GROUP, EdgeKind, LabelSelector, Object};
use serde_json::{json, Map};

/// Rules 6, 8, 23, 26. A Service selects with a plain map; no selector, or an empty one (which
/// the API server stores as none), selects nothing.
pub(crate) fn service(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let Some(map) = spec.get("selector").and_then(|s| s.as_object()) {
        if let (false, Ok(selector)) = (map.is_empty(), LabelSelector::from_map(map)) {
            out.push(Reference::to(
                EdgeKind::Selects,
                Target::Selector {
                    namespace: ns.to_string(),
                    selector,
                    templates: true,
                },
            ));
        }
    }
    if str_at(spec, "type") == Some("ExternalName") {
        if let Some(host) = str_at(spec, "externalName") {
            let host = host.trim_end_matches('.').to_ascii_lowercase();
            out.push(Reference::to(
                EdgeKind::Routes,
                Target::Synthetic {
                    group: SYNTHETIC_GROUP,
                    kind: "ExternalHost",
                    name: host,
                },
            ));
        }
    }
    out.push(Reference::to(EdgeKind::Routes, core("Endpoints", Some(ns), &o.name)).skip_missing());
}

/// Rule 25: `subsets[].addresses[].targetRef` (ready) and `notReadyAddresses` (not ready).
pub(crate) fn endpoints(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    for subset in items(&o.raw, "subsets") {
        for (field, ready) in [("addresses", true), ("notReadyAddresses", false)] {
            for address in items(subset, field) {
                if let Some(t) = address
                    .get("targetRef")
                    .and_then(|r| super::object_ref(r, ns))
                {
                    out.push(
                        Reference::to(EdgeKind::Routes, t)
                            .attr("ready", ready)
                            .skip_missing(),
                    );
                }
            }
        }
    }
}

/// Rules 24–25: the `kubernetes.io/service-name` label (service routes to slice) and
/// `endpoints[].targetRef` with readiness from `conditions.ready` (absent means ready).
pub(crate) fn endpoint_slice(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    if let Some(svc) = o
        .label("kubernetes.io/service-name")
        .filter(|s| !s.is_empty())
    {
        out.push(Reference::from(EdgeKind::Routes, core("Service", Some(ns), svc)).skip_missing());
    }
    for e in items(&o.raw, "endpoints") {
        if let Some(t) = e.get("targetRef").and_then(|r| super::object_ref(r, ns)) {
            let ready = e
                .ptr("/conditions/ready")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            out.push(
                Reference::to(EdgeKind::Routes, t)
                    .attr("ready", ready)
                    .skip_missing(),
            );
        }
    }
}

/// Rules 21–22 for networking.k8s.io/v1 and the v1beta1 shapes (`serviceName`/`servicePort`,
/// `spec.backend`).
pub(crate) fn ingress(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    // Only the fields of the Ingress's own API version: the API server rejects the others, so
    // no route is drawn for them (the loader warns, see `kubegraph_model::validate`).
    let api = IngressApi::of(o);
    for field in api.default_backend_fields() {
        if let Some(b) = spec.get(*field) {
            backend(b, api, ns, None, None, out);
        }
    }
    for rule in items(spec, "rules") {
        let host = str_at(rule, "host");
        for path in rule
            .ptr("/http/paths")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(b) = path.get("backend") {
                backend(b, api, ns, host, str_at(path, "path"), out);
            }
        }
    }
    for tls in items(spec, "tls") {
        if let Some(secret) = str_at(tls, "secretName") {
            out.push(
                Reference::to(EdgeKind::Uses, core("Secret", Some(ns), secret))
                    .attr("via", json!(["tls"]))
                    .attr("optional", false),
            );
        }
    }
    let class = |name: &str| object("networking.k8s.io", "IngressClass", None, name);
    if let Some(name) = str_at(spec, "ingressClassName") {
        out.push(
            Reference::to(EdgeKind::Uses, class(name))
                .attr("via", json!(["ingressClassName"]))
                .attr("optional", false),
        );
    } else if let Some(name) = o
        .annotation("kubernetes.io/ingress.class")
        .filter(|s| !s.is_empty())
    {
        // The annotation predates IngressClass objects; controllers still honour it without one.
        out.push(
            Reference::to(EdgeKind::Uses, class(name))
                .attr("via", json!(["annotation"]))
                .attr("optional", true),
        );
    }
}

fn backend(
    b: &Value,
    api: IngressApi,
    ns: &str,
    host: Option<&str>,
    path: Option<&str>,
    out: &mut Vec<Reference>,
) {
    let (service, port) = match b.get("service").filter(|_| api.has_service_field()) {
        Some(svc) => {
            let port = svc
                .ptr("/port/number")
                .or_else(|| svc.ptr("/port/name"))
                .map(to_serde);
            (str_at(svc, "name"), port)
        }
        None if api.has_service_name_field() => {
            (str_at(b, "serviceName"), b.get("servicePort").map(to_serde))
        }
        None => (None, None),
    };
    let mut route = Map::new();
    route.insert("host".into(), json!(host));
    route.insert("path".into(), json!(path));
    route.insert("port".into(), port.unwrap_or_default());
    if let Some(svc) = service {
        out.push(
            Reference::to(EdgeKind::Routes, core("Service", Some(ns), svc))
                .attr("paths", json!([route])),
        );
    } else if let Some(r) = b.get("resource") {
        if let (Some(kind), Some(name)) = (str_at(r, "kind"), str_at(r, "name")) {
            let group = str_at(r, "apiGroup").unwrap_or("");
            out.push(
                Reference::to(EdgeKind::Routes, object(group, kind, Some(ns), name))
                    .attr("paths", json!([route])),
            );
        }
    }
}

/// Rules 8 and 31: `spec.podSelector` (required; empty selects every pod of the namespace) →
/// pods and workloads, with the effective policy types: `spec.policyTypes` when given, else
/// Ingress, plus Egress when the policy has egress rules (the API server's defaulting).
pub(crate) fn network_policy(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let spec = o.spec();
    let selector = match spec
        .and_then(|s| s.get("podSelector"))
        .filter(|s| !s.is_null())
    {
        Some(s) => match LabelSelector::from_label_selector(s) {
            Ok(sel) => sel,
            Err(_) => return,
        },
        None => LabelSelector::everything(),
    };
    let declared: Vec<serde_json::Value> = spec
        .and_then(|s| s.get("policyTypes"))
        .and_then(|t| t.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str())
                .map(|t| json!(t))
                .collect()
        })
        .unwrap_or_default();
    let types = if declared.is_empty() {
        let has_egress = spec
            .and_then(|s| s.get("egress"))
            .and_then(|e| e.as_array())
            .is_some_and(|a| !a.is_empty());
        if has_egress {
            json!(["Ingress", "Egress"])
        } else {
            json!(["Ingress"])
        }
    } else {
        serde_json::Value::Array(declared)
    };
    out.push(
        Reference::to(
            EdgeKind::AppliesTo,
            Target::Selector {
                namespace: ns.to_string(),
                selector,
                templates: true,
            },
        )
        .attr("policy_types", types),
    );
}

/// Rule 35: Gateway → GatewayClass.
pub(crate) fn gateway(o: &Object, out: &mut Vec<Reference>) {
    if let Some(class) = o.spec().and_then(|s| str_at(s, "gatewayClassName")) {
        out.push(Reference::to(
            EdgeKind::Uses,
            object("gateway.networking.k8s.io", "GatewayClass", None, class),
        ));
    }
}

/// Rule 35: routes → their parent gateways (`parentRefs`) and backends (`rules[].backendRefs`),
/// with each reference's own `group`, `kind` and `namespace` honoured.
pub(crate) fn route(o: &Object, ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    for p in items(spec, "parentRefs") {
        if let Some(t) = typed_ref(p, ns, "gateway.networking.k8s.io", "Gateway") {
            out.push(Reference::to(EdgeKind::Routes, t));
        }
    }
    for rule in items(spec, "rules") {
        for b in items(rule, "backendRefs") {
            if let Some(t) = typed_ref(b, ns, "", "Service") {
                let r = Reference::to(EdgeKind::Routes, t);
                out.push(match b.get("port") {
                    Some(port) => r.attr("ports", json!([port])),
                    None => r,
                });
            }
        }
    }
}

/// A Gateway API reference: `group` and `kind` default as the API says; `namespace` defaults to
/// the route's own.
fn typed_ref(r: &Value, ns: &str, default_group: &str, default_kind: &str) -> Option<Target> {
    let name = str_at(r, "name")?;
    let group = r
        .get("group")
        .and_then(Value::as_str)
        .unwrap_or(default_group);
    let group = if group == "core" { "" } else { group };
    let kind = str_at(r, "kind").unwrap_or(default_kind);
    let namespace = match kinds::builtin(group, kind) {
        Some(k) if !k.namespaced => None,
        _ => Some(str_at(r, "namespace").unwrap_or(ns)),
    };
    Some(object(group, kind, namespace, name))
}

/// Rule 32: `webhooks[].clientConfig.service.{namespace,name}`; service backs the configuration.
/// An unset `failurePolicy` is `Fail` in admissionregistration v1 but was `Ignore` in v1beta1.
pub(crate) fn webhook_configuration(o: &Object, out: &mut Vec<Reference>) {
    let default_policy = if o.version == "v1beta1" {
        "Ignore"
    } else {
        "Fail"
    };
    for w in items(&o.raw, "webhooks") {
        let Some(svc) = w.ptr("/clientConfig/service") else {
            continue;
        };
        let (Some(ns), Some(name)) = (str_at(svc, "namespace"), str_at(svc, "name")) else {
            continue;
        };
        let hook = json!({
            "name": w.get("name").map(to_serde).unwrap_or_default(),
            "failure_policy": str_at(w, "failurePolicy").unwrap_or(default_policy),
        });
        out.push(
            Reference::from(EdgeKind::Backs, core("Service", Some(ns), name))
                .attr("webhooks", json!([hook])),
        );
    }
}

/// Rule 33: `spec.service.{namespace,name}`; local API services have none.
pub(crate) fn api_service(o: &Object, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let (Some(ns), Some(name)) = (
        str_ptr(spec, "/service/namespace"),
        str_ptr(spec, "/service/name"),
    ) {
        out.push(Reference::from(
            EdgeKind::Backs,
            core("Service", Some(ns), name),
        ));
    }
}
