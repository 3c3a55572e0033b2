//! Ingress objects: the `{ingress-controller}` peer reaches the workloads behind the Services an
//! Ingress routes to, on the ports the Service targets.

use crate::ports::{ConnSet, PortSet, Protocol};
use crate::workloads::Workload;
use kubegraph_graph::{Graph, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::validate::IngressApi;
use kubegraph_model::{LabelSelector, Object};
use std::collections::BTreeMap;

/// What an Ingress routes to one workload.
#[derive(Clone, Debug)]
pub struct Route {
    /// `namespace/ingress → service:port`.
    pub via: String,
    /// The ports it routes to: the service port's target ports on the workload.
    pub conns: ConnSet,
}

/// A backend's service port: a number or a name.
enum ServicePort {
    Number(u16),
    Name(String),
}

/// Every workload an Ingress in the graph routes to, by workload index; `None` when the input
/// has no Ingress at all (then no `{ingress-controller}` peer exists).
pub fn routes(graph: &Graph, workloads: &[Workload]) -> Option<BTreeMap<usize, Vec<Route>>> {
    let mut services: BTreeMap<(String, String), &Object> = BTreeMap::new();
    let mut ingresses = Vec::new();
    for (_, node) in graph.nodes() {
        if node.origin != Origin::Source {
            continue;
        }
        let o = &node.object;
        let ns = o.namespace.clone().unwrap_or_else(|| "default".into());
        if o.is("", "Service") {
            services.insert((ns, o.name.clone()), o);
        } else if o.kind == "Ingress" && (o.group == "networking.k8s.io" || o.group == "extensions")
        {
            ingresses.push(o);
        }
    }
    if ingresses.is_empty() {
        return None;
    }
    ingresses.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    let mut out: BTreeMap<usize, Vec<Route>> = BTreeMap::new();
    for ing in ingresses {
        let ns = ing.namespace.clone().unwrap_or_else(|| "default".into());
        for (service, port) in backends(ing) {
            let Some(svc) = services.get(&(ns.clone(), service.clone())) else {
                continue;
            };
            let Some(selector) = svc
                .spec()
                .and_then(|s| s.get("selector"))
                .and_then(|s| s.as_object())
                .filter(|m| !m.is_empty())
                .and_then(|m| LabelSelector::from_map(m).ok())
            else {
                continue;
            };
            let Some(target) = service_port(svc, &port) else {
                continue;
            };
            let port_text = match &port {
                ServicePort::Number(n) => n.to_string(),
                ServicePort::Name(n) => n.clone(),
            };
            for (i, w) in workloads.iter().enumerate() {
                if w.namespace != ns || !selector.matches_map(&w.labels) {
                    continue;
                }
                let (protocol, number) = match &target {
                    (p, TargetPort::Number(n)) => (*p, Some(*n)),
                    (p, TargetPort::Name(name)) => (
                        *p,
                        w.ports
                            .iter()
                            .find(|c| c.name.as_deref() == Some(name) && c.protocol == *p)
                            .map(|c| c.port),
                    ),
                };
                let Some(number) = number else { continue };
                out.entry(i).or_default().push(Route {
                    via: format!("Ingress {ns}/{} → Service {service}:{port_text}", ing.name),
                    conns: ConnSet::of(protocol, PortSet::range(number, number)),
                });
            }
        }
    }
    Some(out)
}

enum TargetPort {
    Number(u16),
    Name(String),
}

/// The target of a Service's port named or numbered `port`: its protocol and `targetPort`
/// (which defaults to the port itself).
fn service_port(svc: &Object, port: &ServicePort) -> Option<(Protocol, TargetPort)> {
    let ports = svc.spec()?.get("ports")?.as_array()?;
    let sp = ports.iter().find(|p| match port {
        ServicePort::Number(n) => p.get("port").and_then(|v| v.as_u64()) == Some(u64::from(*n)),
        ServicePort::Name(name) => p.get("name").and_then(|v| v.as_str()) == Some(name),
    })?;
    let protocol = sp
        .get("protocol")
        .and_then(|v| v.as_str())
        .and_then(Protocol::parse)
        .unwrap_or(Protocol::Tcp);
    let own = sp
        .get("port")
        .and_then(|v| v.as_u64())
        .and_then(|n| u16::try_from(n).ok())?;
    let target = match sp.get("targetPort").filter(|v| !v.is_null()) {
        None => TargetPort::Number(own),
        Some(v) => match (v.as_u64(), v.as_str()) {
            (Some(n), _) => TargetPort::Number(u16::try_from(n).ok()?),
            (None, Some(s)) => match s.parse::<u16>() {
                Ok(n) => TargetPort::Number(n),
                Err(_) => TargetPort::Name(s.to_string()),
            },
            _ => return None,
        },
    };
    Some((protocol, target))
}

/// `(service, port)` of every backend: the default backend and every rule path, in the form of
/// the Ingress's own API version: v1 `spec.defaultBackend` and `service.name`,
/// `service.port.number|name`; v1beta1 `spec.backend` and `serviceName`, `servicePort`. The
/// API server rejects the other version's fields, so they route nothing (the loader warns).
fn backends(ing: &Object) -> Vec<(String, ServicePort)> {
    let mut out = Vec::new();
    let Some(spec) = ing.spec() else { return out };
    let api = IngressApi::of(ing);
    let mut push = |b: &Value| {
        if let Some(svc) = b.get("service").filter(|_| api.has_service_field()) {
            let Some(name) = svc.get("name").and_then(|n| n.as_str()) else {
                return;
            };
            let port = svc.get("port");
            let port = match (
                port.and_then(|p| p.get("number")).and_then(|n| n.as_u64()),
                port.and_then(|p| p.get("name")).and_then(|n| n.as_str()),
            ) {
                (Some(n), _) => match u16::try_from(n) {
                    Ok(n) => ServicePort::Number(n),
                    Err(_) => return,
                },
                (None, Some(s)) => ServicePort::Name(s.to_string()),
                _ => return,
            };
            out.push((name.to_string(), port));
        } else if let Some(name) = b
            .get("serviceName")
            .and_then(|n| n.as_str())
            .filter(|_| api.has_service_name_field())
        {
            let p = b.get("servicePort");
            let port = match (p.and_then(|v| v.as_u64()), p.and_then(|v| v.as_str())) {
                (Some(n), _) => match u16::try_from(n) {
                    Ok(n) => ServicePort::Number(n),
                    Err(_) => return,
                },
                (None, Some(s)) => ServicePort::Name(s.to_string()),
                _ => return,
            };
            out.push((name.to_string(), port));
        }
    };
    for key in api.default_backend_fields() {
        if let Some(b) = spec.get(*key) {
            push(b);
        }
    }
    if let Some(rules) = spec.get("rules").and_then(|r| r.as_array()) {
        for rule in rules.iter() {
            let Some(paths) = rule
                .get("http")
                .and_then(|h| h.get("paths"))
                .and_then(|p| p.as_array())
            else {
                continue;
            };
            for p in paths.iter() {
                if let Some(b) = p.get("backend") {
                    push(b);
                }
            }
        }
    }
    out
}
