//! The binary, end to end: real fixtures in, exit codes, messages and JSON out.

use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::{kubegraph, kubegraph_stdin, stdout_json};

#[test]
fn every_fixture_folder_loads_without_a_panic() {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(kubegraph_fixtures::root())
        .expect("shared/fixtures is beside the repository")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    assert!(
        folders.len() >= 16,
        "expected the 16 fixture folders, found {}",
        folders.len()
    );
    for folder in folders {
        let out = kubegraph(&["-q", "-f", folder.to_str().unwrap(), "stats", "-o", "json"]);
        let stats = stdout_json(&out);
        let objects = stats["objects"].as_u64().unwrap();
        assert!(objects > 0, "{}: no objects", folder.display());
        assert!(
            stats["edges"].as_u64().unwrap() >= objects,
            "{}: every object is contained",
            folder.display()
        );
    }
}

#[test]
fn bookinfo_export_has_the_service_to_deployment_edges() {
    let path = kubegraph_fixtures::path("istio-bookinfo/platform/kube/bookinfo.yaml");
    let doc = stdout_json(&kubegraph(&[
        "-f",
        path.to_str().unwrap(),
        "export",
        "-o",
        "json",
    ]));
    let nodes = doc["nodes"].as_array().unwrap();
    let edges = doc["edges"].as_array().unwrap();
    let mut selects: Vec<String> = edges
        .iter()
        .filter(|e| e["kind"] == "selects" && e["from"].as_str().unwrap().contains("/Service/"))
        .map(|e| {
            format!(
                "{} -> {}",
                e["from"].as_str().unwrap(),
                e["to"].as_str().unwrap()
            )
        })
        .collect();
    selects.sort();
    let c = "bookinfo";
    assert_eq!(
        selects,
        [
            format!("{c}/core/Service/default/details -> {c}/apps/Deployment/default/details-v1"),
            format!("{c}/core/Service/default/productpage -> {c}/apps/Deployment/default/productpage-v1"),
            format!("{c}/core/Service/default/ratings -> {c}/apps/Deployment/default/ratings-v1"),
            format!("{c}/core/Service/default/reviews -> {c}/apps/Deployment/default/reviews-v1"),
            format!("{c}/core/Service/default/reviews -> {c}/apps/Deployment/default/reviews-v2"),
            format!("{c}/core/Service/default/reviews -> {c}/apps/Deployment/default/reviews-v3"),
        ]
    );
    // The JSON contract: every node has these fields, `namespace` null when cluster-scoped.
    for n in nodes {
        for field in [
            "id",
            "cluster",
            "group",
            "version",
            "kind",
            "namespace",
            "name",
            "uid",
            "missing",
            "labels",
        ] {
            assert!(n.get(field).is_some(), "node lacks {field}: {n}");
        }
    }
    let cluster = nodes.iter().find(|n| n["kind"] == "Cluster").unwrap();
    assert_eq!(cluster["namespace"], Value::Null);
    // Every edge endpoint is a node.
    let ids: std::collections::HashSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    for e in edges {
        assert!(
            ids.contains(e["from"].as_str().unwrap()) && ids.contains(e["to"].as_str().unwrap()),
            "{e}"
        );
    }
}

#[test]
fn secret_values_never_reach_the_output() {
    let path = kubegraph_fixtures::path("kubectl-neat-live");
    let out = kubegraph(&["-q", "-f", path.to_str().unwrap(), "export", "-o", "json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(
        text.contains("/core/Secret/default/myreg"),
        "the secret itself is a node"
    );
    // The base64 of the docker config in secret1-raw.{json,yaml}.
    assert!(
        !text.contains("eyJhdXRocyI6"),
        "secret data leaked into the export"
    );
}

#[test]
fn broken_input_on_stdin_warns_with_a_location_and_loads_the_rest() {
    let input = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n";
    let out = kubegraph_stdin(&["-f", "-", "stats", "-o", "json"], input);
    let stats = stdout_json(&out);
    assert_eq!(stats["objects"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: <stdin>:9:1: invalid YAML")
            && stderr.contains("flow sequence at line 8 column 9"),
        "{stderr}"
    );
    assert!(stderr.contains("invalid YAML"), "{stderr}");
}

/// With no source at all, kubegraph falls back to the demo: see `tests/live.rs`.
#[test]
fn a_missing_path_is_exit_2_with_a_message() {
    let out = kubegraph(&["-f", "/nonexistent/manifests.yaml", "stats"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/nonexistent/manifests.yaml"), "{stderr}");
}

#[test]
fn default_namespace_flag_places_namespace_less_manifests() {
    let input = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
    let doc = stdout_json(&kubegraph_stdin(
        &[
            "-f",
            "-",
            "--default-namespace",
            "team-a",
            "export",
            "-o",
            "json",
        ],
        input,
    ));
    let cm = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "ConfigMap")
        .unwrap();
    assert_eq!(cm["namespace"], "team-a");
    assert_eq!(cm["cluster"], "files");
}

/// `-n` is kubectl's: a filter on what is shown, not a place to move objects to.
#[test]
fn namespace_flag_filters_and_does_not_move_objects() {
    let input = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
    let doc = stdout_json(&kubegraph_stdin(
        &["-f", "-", "-n", "team-a", "export", "-o", "json"],
        input,
    ));
    let kinds: Vec<&str> = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.contains(&"ConfigMap"), "{kinds:?}");
    let doc = stdout_json(&kubegraph_stdin(
        &["-f", "-", "-n", "default", "export", "-o", "json"],
        input,
    ));
    assert!(doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "ConfigMap" && n["namespace"] == "default"));
}

#[test]
fn demo_stats_runs() {
    let out = kubegraph(&["--demo", "stats"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("cluster demo:"), "{text}");
    assert!(text.contains("edges by kind"), "{text}");
    // What is missing is named, most referenced first.
    assert!(text.contains("placeholders (referenced but absent): 2\n  Secret payments/payments-api-token  (3 referrers)\n"), "{text}");
    let stats = stdout_json(&kubegraph(&["--demo", "stats", "-o", "json"]));
    assert_eq!(
        stats["missing"][0],
        serde_json::json!({"object": "Secret payments/payments-api-token", "referrers": 3})
    );
}

#[test]
fn input_where_nothing_loads_is_exit_2() {
    let out = kubegraph_stdin(
        &["-f", "-", "stats"],
        "kind: Pod\nmetadata: {name: [broken\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: <stdin>:"), "{stderr}");
    assert!(stderr.contains("error: nothing could be loaded: every document of the input was skipped (1 warning above)"), "{stderr}");
}

#[test]
fn a_missing_path_is_named_once() {
    let out = kubegraph(&["-f", "/nonexistent/dir", "stats"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn stats_summarises_health() {
    // read: the demo's errors are its three broken pods, their three ReplicaSets and three
    // Deployments, the Pending claim, two Services without ready endpoints and the two absent
    // objects (see crates/health/tests/kinds.rs, which lists them with their reasons).
    let out = kubegraph(&["--demo", "stats"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\nhealth: 159\n  error          14\n  warning         3\n  unknown       103\n  ok             39\n\nwarnings: 0\n"),
        "{text}"
    );
    let stats = stdout_json(&kubegraph(&["--demo", "stats", "-o", "json"]));
    assert_eq!(
        stats["health"],
        serde_json::json!({"error": 14, "warning": 3, "unknown": 103, "ok": 39})
    );
}
