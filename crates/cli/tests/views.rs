//! `kubegraph show`: the component views on the demo and a scenario, text and JSON.

use serde_json::Value;
use std::process::Output;

mod common;
use common::kubegraph;

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(&kubegraph(args))).expect("JSON")
}

fn scenario(name: &str) -> String {
    kubegraph_fixtures::workspace()
        .join("crates/health/tests/scenarios")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `kind namespace/name` of the rows of a JSON list.
fn names(rows: &Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}/{}",
                r["kind"].as_str().unwrap(),
                r["namespace"].as_str().unwrap_or("_"),
                r["name"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn pods_of_a_deployment_through_both_replicasets() {
    let v = json(&[
        "--demo",
        "show",
        "pods",
        "deploy/payments/payments-api",
        "-o",
        "json",
    ]);
    assert_eq!(v["of"]["id"], "demo/apps/Deployment/payments/payments-api");
    assert_eq!(
        names(&v["pods"]),
        [
            "Pod payments/payments-api-7c9d5f6b48-q8wzx",
            "Pod payments/payments-api-84f6d7c9b5-r8tkl",
            "Pod payments/payments-api-84f6d7c9b5-vz5mc",
        ]
    );
    let states: Vec<&str> = v["pods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["error", "ok", "ok"]);
    assert_eq!(
        v["pods"][0]["how"],
        "node ip-10-0-2-118.eu-west-1.compute.internal, 0/1 ready, 0 restarts"
    );
    // A service's pods come from its selector.
    let text = stdout(&kubegraph(&[
        "--demo",
        "show",
        "pods",
        "svc/shop/recommendations",
    ]));
    assert_eq!(
        text.lines().next().unwrap(),
        "Service shop/recommendations: 1 pod"
    );
    assert!(text.contains("shop/recommendations-8d7f6b5c4-n5zrb  node ip-10-0-1-37.eu-west-1.compute.internal, 0/1 ready, 287 restarts  error"));
}

#[test]
fn config_and_storage_of_a_pod() {
    let v = json(&[
        "--demo",
        "show",
        "config",
        "monitoring/grafana-59d8c7b6f4-7wq2s",
        "-o",
        "json",
    ]);
    let rows = v["config"].as_array().unwrap();
    let got: Vec<(String, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                format!(
                    "{} {}",
                    r["kind"].as_str().unwrap(),
                    r["name"].as_str().unwrap()
                ),
                r["how"].as_str().unwrap(),
                r["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("ConfigMap grafana-datasources".to_string(), "volume datasources at grafana:/etc/grafana/provisioning/datasources", "unknown"),
            ("ConfigMap kube-root-ca.crt".to_string(), "volume kube-api-access-jmj5c at grafana:/var/run/secrets/kubernetes.io/serviceaccount", "unknown"),
            ("Secret grafana-admin".to_string(), "env (admin-user, admin-password)", "unknown"),
            ("ServiceAccount grafana".to_string(), "serviceAccountName", "unknown"),
            ("PersistentVolumeClaim grafana-data".to_string(), "volume storage at grafana:/var/lib/grafana", "error"),
            ("StorageClass io2-fast".to_string(), "  class of claim grafana-data", "error"),
        ]
    );
    assert_eq!(rows[5]["missing"], true);
    assert_eq!(rows[5]["reason"], "does not exist");
    // Not a pod and no pod template: a clear message.
    let out = kubegraph(&["--demo", "show", "config", "svc/shop/cart"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no pod spec"));
}

#[test]
fn namespace_view() {
    let v = json(&["--demo", "show", "namespace", "shop", "-o", "json"]);
    assert_eq!(
        names(&v["workloads"]),
        [
            "Deployment shop/cart",
            "Deployment shop/recommendations",
            "Deployment shop/redis",
            "Deployment shop/storefront"
        ]
    );
    assert_eq!(
        names(&v["services"]),
        [
            "Ingress shop/shop",
            "Service shop/cart",
            "Service shop/catalog-legacy",
            "Service shop/recommendations",
            "Service shop/redis",
            "Service shop/storefront"
        ]
    );
    assert_eq!(v["pods"].as_array().unwrap().len(), 6);
    // Replica sets are under their deployments, not listed as workloads.
    assert!(!names(&v["workloads"])
        .iter()
        .any(|n| n.starts_with("ReplicaSet")));
    let text = stdout(&kubegraph(&["--demo", "show", "namespace", "shop"]));
    assert!(text.starts_with("workloads (4)\n"));
    assert!(
        text.contains("  Service  shop/catalog-legacy   warning  selector matches no pod\n"),
        "{text}"
    );
    let out = kubegraph(&["--demo", "show", "namespace", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("namespaces in the input: monitoring, payments, shop"));
}

#[test]
fn deep_dependencies() {
    let text = stdout(&kubegraph(&[
        "-q",
        "-f",
        &scenario("ingress-missing-configmap.yaml"),
        "show",
        "deps",
        "ingress/web/storefront",
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Ingress web/storefront  warning: backend Service web/storefront has no ready endpoint (0/2 endpoints ready)");
    assert!(
        lines.contains(
            &"├─ routes to Service web/storefront  error: no ready endpoint (0/2 endpoints ready)"
        ),
        "{text}"
    );
    assert!(
        lines.contains(&"└─ uses IngressClass nginx  unknown"),
        "{text}"
    );
    assert!(
        text.contains("uses ConfigMap web/storefront-settings (missing)  error: does not exist"),
        "{text}"
    );
    assert!(
        text.contains("mounts ConfigMap web/storefront-theme  unknown"),
        "{text}"
    );
    assert!(
        text.contains("runs on Node aks-nodepool1-31718369-vmss000002  ok: Ready"),
        "{text}"
    );
    // --depth 1 stops below the ingress's own dependencies.
    let v = json(&[
        "-q",
        "-f",
        &scenario("ingress-missing-configmap.yaml"),
        "show",
        "deps",
        "ingress/web/storefront",
        "--depth",
        "1",
        "-o",
        "json",
    ]);
    let kids = v[0]["children"].as_array().unwrap();
    let ids: Vec<&str> = kids.iter().map(|k| k["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "ingress-missing-configmap/core/Service/web/storefront",
            "ingress-missing-configmap/networking.k8s.io/IngressClass/_/nginx"
        ]
    );
    assert_eq!(kids[0]["note"], "depth limit: more below");
    assert!(kids[0]["children"].as_array().unwrap().is_empty());
}
