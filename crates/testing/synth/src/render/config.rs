//! ConfigMaps and Secrets: the root CA bundle of every namespace, each app's config and secret,
//! and the registry credentials of app namespaces.

use super::meta::{common_labels, helm_annotations, meta};
use super::{Renderer, R_OBJECT};
use crate::gen::{timestamp, Gen};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::Write;

impl<W: Write> Renderer<'_, W> {
    pub(super) fn root_ca(&self, ns: &Namespace) -> Value {
        let mut g = Gen::new(self.plan.seed, R_OBJECT, ns.seed ^ 1);
        json!({
            "apiVersion": "v1",
            "data": {"ca.crt": self.ca_pem},
            "kind": "ConfigMap",
            "metadata": {
                "annotations": {"kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."},
                "creationTimestamp": timestamp(ns.created),
                "labels": {},
                "name": "kube-root-ca.crt",
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": ns.root_ca_uid,
            },
        })
    }
}

pub(super) fn config_map(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 4);
    let config = format!(
        "server:\n  port: {}\n  shutdownTimeout: 20s\nlogging:\n  level: info\n  format: json\nupstreams:\n  catalog: http://catalog-api.catalog-prod.svc:8080\n  identity: http://identity-api.identity-prod.svc:8080\ncache:\n  ttl: {}s\n",
        app.port,
        g.range(30, 600)
    );
    json!({
        "apiVersion": "v1",
        "data": {
            "app.yaml": config,
            "features": "new-checkout=false,fast-search=true,recommendations-v2=true",
        },
        "kind": "ConfigMap",
        "metadata": meta(&format!("{}-config", app.name), ns, &app.uids[UID_CONFIG], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
    })
}

pub(super) fn secret(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 5);
    json!({
        "apiVersion": "v1",
        "data": {
            "password": base64ish(&mut g, 32),
            "username": base64ish(&mut g, 12),
        },
        "kind": "Secret",
        "metadata": meta(&format!("{}-secrets", app.name), ns, &app.uids[UID_SECRET], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "type": "Opaque",
    })
}

pub(super) fn regcred(plan: &Plan, ns: &Namespace, uid: &str) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 6);
    json!({
        "apiVersion": "v1",
        "data": {".dockerconfigjson": base64ish(&mut g, 180)},
        "kind": "Secret",
        "metadata": meta("regcred", ns, uid, ns.created, &mut g, Map::new(), Map::new()),
        "type": "kubernetes.io/dockerconfigjson",
    })
}

/// A PEM block of `len` base64 characters in 64-column lines.
pub(super) fn pem(g: &mut Gen, len: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::from("-----BEGIN CERTIFICATE-----\n");
    for i in 0..len {
        s.push(B64[g.below(64)] as char);
        if i % 64 == 63 {
            s.push('\n');
        }
    }
    s.push_str("=\n-----END CERTIFICATE-----\n");
    s
}

fn base64ish(g: &mut Gen, len: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s: String = (0..len).map(|_| B64[g.below(64)] as char).collect();
    while s.len() & 3 != 0 {
        s.push('=');
    }
    s
}
