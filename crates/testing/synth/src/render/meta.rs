//! What every kind's metadata shares: `metadata` itself, owner references, and the labels and
//! annotations a Helm-installed app (or a system component) carries.

use super::R_DIGEST;
use crate::gen::{timestamp, Gen};
use crate::model::*;
use serde_json::{json, Map, Value};

pub(super) fn owner(api_version: &str, kind: &str, name: &str, uid: &str) -> Value {
    json!({
        "apiVersion": api_version,
        "blockOwnerDeletion": true,
        "controller": true,
        "kind": kind,
        "name": name,
        "uid": uid,
    })
}

fn version(app: &App) -> &str {
    app.image
        .rsplit_once(':')
        .map_or("latest", |(_, t)| t.split('-').next().unwrap_or(t))
}

pub(super) fn container_name(app: &App) -> String {
    if app.system || app.component.is_empty() {
        app.name.clone()
    } else {
        app.component.to_string()
    }
}

pub(super) fn port_name(app: &App) -> &'static str {
    match app.kind {
        Workload::StatefulSet => "tcp",
        _ if app.name == "coredns" => "dns",
        _ => "http",
    }
}

/// A DaemonSet's or StatefulSet's controller revision hash.
pub(super) fn revision_hash(app: &App) -> String {
    let mut g = Gen::new(0, R_DIGEST, app.seed);
    g.suffix(10)
}

pub(super) fn selector_labels(app: &App) -> Map<String, Value> {
    let mut m = Map::new();
    if app.system {
        m.insert("k8s-app".into(), json!(app.name));
    } else {
        m.insert("app.kubernetes.io/instance".into(), json!(app.name));
        m.insert("app.kubernetes.io/name".into(), json!(app.component));
    }
    m
}

pub(super) fn pod_labels(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = selector_labels(app);
    if !app.system {
        m.insert("app.kubernetes.io/part-of".into(), json!(ns.team));
        m.insert("app.kubernetes.io/version".into(), json!(version(app)));
    }
    m
}

pub(super) fn common_labels(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = pod_labels(ns, app);
    if app.system {
        m.insert("eks.amazonaws.com/component".into(), json!(app.name));
    } else {
        m.insert("app.kubernetes.io/managed-by".into(), json!("Helm"));
        m.insert(
            "helm.sh/chart".into(),
            json!(format!("{}-{}", app.component, version(app))),
        );
    }
    m
}

pub(super) fn helm_annotations(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = Map::new();
    if !app.system {
        m.insert("meta.helm.sh/release-name".into(), json!(app.name));
        m.insert("meta.helm.sh/release-namespace".into(), json!(ns.name));
    }
    m
}

/// Pod-template annotations of a revision: restarts (`kubectl rollout restart`) make revisions.
pub(super) fn template_annotations(app: &App, revision: usize) -> Map<String, Value> {
    let mut m = Map::new();
    if revision > 0 {
        m.insert(
            "kubectl.kubernetes.io/restartedAt".into(),
            json!(timestamp(app.revisions[revision].created)),
        );
    }
    if !app.system {
        m.insert("prometheus.io/port".into(), json!("9090"));
        m.insert("prometheus.io/scrape".into(), json!("true"));
    }
    m
}

pub(super) fn meta(
    name: &str,
    ns: &Namespace,
    uid: &str,
    created: i64,
    g: &mut Gen,
    labels: Map<String, Value>,
    annotations: Map<String, Value>,
) -> Value {
    json!({
        "annotations": annotations,
        "creationTimestamp": timestamp(created),
        "labels": labels,
        "name": name,
        "namespace": ns.name,
        "resourceVersion": g.resource_version(),
        "uid": uid,
    })
}
