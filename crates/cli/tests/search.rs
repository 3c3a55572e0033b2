//! `kubegraph search`, end to end.

use serde_json::Value;

mod common;
use common::kubegraph;

#[test]
fn a_search_on_the_demo_prints_a_table_and_counts() {
    let out = kubegraph(&["--demo", "search", "missing"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "kind          namespace  name\nSecret        payments   payments-api-token\nStorageClass  -          io2-fast\n"
    );
    let out = kubegraph(&["--demo", "search", "is(pod) | count"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "16\n");
}

#[test]
fn a_parse_error_exits_2_with_a_caret() {
    let out = kubegraph(&["--demo", "search", "is(deploymnet)"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "is(deploymnet)\n   ^^^^^^^^^^ unknown kind `deploymnet`; did you mean `deployment`?\n"
    );
    let out = kubegraph(&["--demo", "search", "is(pod) and health.x = error"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("^^^^^^^^ health has only `reason` (`health`, `health.reason`)"));
}

#[test]
fn json_output_has_the_export_node_shape() {
    let out = kubegraph(&["--demo", "search", "missing", "-o", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().expect("an array");
    assert_eq!(arr.len(), 2);
    let export = kubegraph(&["--demo", "export", "-o", "json"]);
    let all: Value = serde_json::from_slice(&export.stdout).unwrap();
    let nodes = all["nodes"].as_array().unwrap();
    for n in arr {
        assert_eq!(n["missing"], Value::Bool(true));
        let same = nodes
            .iter()
            .find(|e| e["id"] == n["id"])
            .expect("same id in export");
        assert_eq!(same, n);
    }
}

#[test]
fn output_formats_from_the_command_line() {
    // `-o csv` on nodes.
    let out = kubegraph(&["--demo", "search", "missing", "-o", "csv"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "kind,namespace,name\nSecret,payments,payments-api-token\nStorageClass,,io2-fast\n"
    );
    // `| format` in the query wins over `-o`.
    let out = kubegraph(&[
        "--demo",
        "search",
        "missing | format markdown",
        "-o",
        "json",
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "| kind | namespace | name |\n| --- | --- | --- |\n| Secret | payments | payments-api-token |\n| StorageClass | - | io2-fast |\n"
    );
    // ndjson: one node object per line, shaped like the JSON array's.
    let nd = kubegraph(&["--demo", "search", "missing", "-o", "ndjson"]);
    let arr = kubegraph(&["--demo", "search", "missing", "-o", "json"]);
    let lines: Vec<Value> = String::from_utf8(nd.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let all: Value = serde_json::from_slice(&arr.stdout).unwrap();
    assert_eq!(Value::Array(lines), all);
    // `list` with `-o csv`: the listed columns.
    let out = kubegraph(&[
        "--demo",
        "search",
        "is(node) | list name, status.nodeInfo.kubeletVersion as kubelet",
        "-o",
        "csv",
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "name,kubelet\nip-10-0-1-37.eu-west-1.compute.internal,v1.33.4-eks-113cf36\nip-10-0-2-118.eu-west-1.compute.internal,v1.33.4-eks-113cf36\nip-10-0-3-54.eu-west-1.compute.internal,v1.33.4-eks-113cf36\n"
    );
    // Graph formats.
    let out = kubegraph(&[
        "--demo",
        "search",
        "is(deployment) and name = cart -[0:1]->",
        "-o",
        "cytoscape",
    ]);
    assert!(out.status.success());
    let cy: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!cy["elements"]["nodes"].as_array().unwrap().is_empty());
    assert!(!cy["elements"]["edges"].as_array().unwrap().is_empty());
    let out = kubegraph(&[
        "--demo",
        "search",
        "is(deployment) and name = cart -[0:1]->",
        "-o",
        "dot",
    ]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("digraph kubegraph {\n"));
    // An unknown format is a usage error.
    let out = kubegraph(&["--demo", "search", "missing", "-o", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dump_and_aggregate_from_the_command_line() {
    let out = kubegraph(&["--demo", "search", "is(secret) | dump"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("apiVersion: v1\n"));
    assert!(text.contains("\n---\n"));
    for leaked in [
        "ZGVtby1vbmx5LXNlc3Npb24ta2V5LTAwMDE=",
        "ZGVtby1vbmx5LXJlZGlzLXBhc3N3b3Jk",
        "ZGVtby1vbmx5LWRiLXBhc3N3b3Jk",
        "ZGVtby1vbmx5LWdyYWZhbmEtcGFzc3dvcmQ=",
    ] {
        assert!(!text.contains(leaked), "{leaked}");
    }
    let out = kubegraph(&["--demo", "search", "is(secret) | dump", "-o", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().all(|s| s["kind"] == "Secret"));

    let q = "is(pod) | aggregate(namespace: count() as n, sum(spec.containers[*].resources.limits.memory) as mem)";
    let out = kubegraph(&["--demo", "search", q]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "namespace   n  mem\nmonitoring  5  5234491392\npayments    5  6710886400\nshop        6  3019898880\n"
    );
    let out = kubegraph(&["--demo", "search", q, "-o", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([
            {"namespace": "monitoring", "n": 5, "mem": 5234491392u64},
            {"namespace": "payments", "n": 5, "mem": 6710886400u64},
            {"namespace": "shop", "n": 6, "mem": 3019898880u64}
        ])
    );
}

/// `--now` moves the clock of `age` and of time-dependent health rules; without it a file
/// source is judged at its newest timestamp.
#[test]
fn now_sets_the_clock_of_age_and_health() {
    let count = |args: &[&str]| {
        let out = kubegraph(args);
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // py: the demo's pods were created between 2026-03-10 and 2026-03-14T09:36:02Z; 14 are
    // older than a day at the newest creation time, all 16 by 2026-03-20.
    assert_eq!(
        count(&["--demo", "search", "is(pod) and age > 1d | count"]),
        "14\n"
    );
    assert_eq!(
        count(&[
            "--demo",
            "--now",
            "2026-03-20T00:00:00Z",
            "search",
            "is(pod) and age > 1d | count"
        ]),
        "16\n"
    );
    let out = kubegraph(&["--demo", "--now", "yesterday", "search", "is(pod)"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("`yesterday` is not an RFC 3339 time"));
}
