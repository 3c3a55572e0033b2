//! Services, their EndpointSlices (the `kubernetes` service's too) and NetworkPolicies.

use super::meta::{common_labels, helm_annotations, meta, owner, port_name, selector_labels};
use super::pods::pod_ip;
use super::{Renderer, R_OBJECT};
use crate::gen::{ipv4, timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::Write;

impl<W: Write> Renderer<'_, W> {
    pub(super) fn endpoint_slice(&self, ns: &Namespace, app: &App, svc: &Service) -> Value {
        let plan = self.plan;
        let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 2);
        let endpoints: Vec<Value> = app
            .pods
            .iter()
            .filter_map(|pod| {
                let node = pod.node?;
                let (node_name, node_ip) = plan.node_addr(node);
                let ready = pod.state == PodState::Ready;
                let mut e = json!({
                    "addresses": [ipv4(pod_ip(app, pod, node_ip))],
                    "conditions": {"ready": ready, "serving": ready, "terminating": false},
                    "nodeName": node_name,
                    "targetRef": {"kind": "Pod", "name": pod.name, "namespace": ns.name, "uid": pod.uid},
                    "zone": ZONES[node % ZONES.len()],
                });
                if app.kind == Workload::StatefulSet {
                    e["hostname"] = json!(pod.name);
                }
                Some(e)
            })
            .collect();
        let mut labels = common_labels(ns, app);
        labels.insert(
            "endpointslice.kubernetes.io/managed-by".into(),
            json!("endpointslice-controller.k8s.io"),
        );
        labels.insert("kubernetes.io/service-name".into(), json!(svc.name));
        if svc.headless {
            labels.insert("service.kubernetes.io/headless".into(), json!(""));
        }
        json!({
            "addressType": "IPv4",
            "apiVersion": "discovery.k8s.io/v1",
            "endpoints": endpoints,
            "kind": "EndpointSlice",
            "metadata": {
                "annotations": {"endpoints.kubernetes.io/last-change-trigger-time": timestamp(NOW - g.range(60, 86_400) as i64)},
                "creationTimestamp": timestamp(svc.created),
                "generateName": format!("{}-", svc.name),
                "generation": g.range(1, 40),
                "labels": labels,
                "name": svc.slice_name,
                "namespace": ns.name,
                "ownerReferences": [owner("v1", "Service", &svc.name, &svc.uid)],
                "resourceVersion": g.resource_version(),
                "uid": svc.slice_uid,
            },
            "ports": [{"name": port_name(app), "port": app.port, "protocol": "TCP"}],
        })
    }
}

pub(super) fn kubernetes_service(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 7);
    let mut labels = Map::new();
    labels.insert("component".into(), json!("apiserver"));
    labels.insert("provider".into(), json!("kubernetes"));
    let uid = g.uid();
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("kubernetes", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "spec": {
            "clusterIP": "172.20.0.1",
            "clusterIPs": ["172.20.0.1"],
            "internalTrafficPolicy": "Cluster",
            "ipFamilies": ["IPv4"],
            "ipFamilyPolicy": "SingleStack",
            "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 443}],
            "sessionAffinity": "None",
            "type": "ClusterIP",
        },
        "status": {"loadBalancer": {}},
    })
}

pub(super) fn kubernetes_slice(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 8);
    let mut labels = Map::new();
    labels.insert(
        "endpointslice.kubernetes.io/managed-by".into(),
        json!("endpointslicemirroring-controller.k8s.io"),
    );
    labels.insert("kubernetes.io/service-name".into(), json!("kubernetes"));
    let uid = g.uid();
    json!({
        "addressType": "IPv4",
        "apiVersion": "discovery.k8s.io/v1",
        "endpoints": [
            {"addresses": ["10.0.3.41"], "conditions": {"ready": true}},
            {"addresses": ["10.0.9.187"], "conditions": {"ready": true}},
        ],
        "kind": "EndpointSlice",
        "metadata": meta("kubernetes", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "ports": [{"name": "https", "port": 443, "protocol": "TCP"}],
    })
}

pub(super) fn service(plan: &Plan, ns: &Namespace, app: &App, svc: &Service) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 9);
    let ip = if svc.headless {
        "None".to_string()
    } else {
        ipv4(svc.cluster_ip)
    };
    let port = port_name(app);
    let mut spec = json!({
        "clusterIP": ip,
        "clusterIPs": [ip],
        "internalTrafficPolicy": "Cluster",
        "ipFamilies": ["IPv4"],
        "ipFamilyPolicy": "SingleStack",
        "ports": [{"name": port, "port": if svc.headless { app.port } else { 80 }, "protocol": "TCP", "targetPort": port}],
        "selector": selector_labels(app),
        "sessionAffinity": "None",
        "type": "ClusterIP",
    });
    if svc.headless {
        spec["publishNotReadyAddresses"] = json!(true);
    }
    let mut labels = common_labels(ns, app);
    if app.system {
        labels.insert("kubernetes.io/cluster-service".into(), json!("true"));
        labels.insert("kubernetes.io/name".into(), json!("CoreDNS"));
    }
    let mut annotations = helm_annotations(ns, app);
    annotations.insert("prometheus.io/port".into(), json!("9153"));
    annotations.insert("prometheus.io/scrape".into(), json!("true"));
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta(&svc.name, ns, &svc.uid, svc.created, &mut g, labels, annotations),
        "spec": spec,
        "status": {"loadBalancer": {}},
    })
}

pub(super) fn default_deny(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 13);
    let uid = g.uid();
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": meta("default-deny-ingress", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "spec": {"podSelector": {}, "policyTypes": ["Ingress"]},
    })
}

pub(super) fn network_policy(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 14);
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": meta(&format!("{}-allow", app.name), ns, &app.uids[UID_NETPOL], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {
            "ingress": [{
                "from": [
                    {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}},
                    {"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": ns.team}}},
                ],
                "ports": [{"port": app.port, "protocol": "TCP"}],
            }],
            "podSelector": {"matchLabels": selector_labels(app)},
            "policyTypes": ["Ingress"],
        },
    })
}
