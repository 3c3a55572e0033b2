//! `kubegraph search`, end to end.

use serde_json::Value;
use std::process::{Command, Output};

fn kubegraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(args)
        .output()
        .expect("binary runs")
}

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
    let out = kubegraph(&["--demo", "search", "is(pod) and health = error"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("^^^^^^ health is computed by a later version"));
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
