//! Line-for-line compatibility with np-guard/netpol-analyzer's `list` output, on cases copied
//! from its repository (`tests/data/netpol-analyzer/`, see the NOTICE there).
//!
//! Where a stored expectation comes from an older netpol-analyzer release, the one difference
//! of notation is undone before comparing, and named here:
//! * releases before the `[External]` suffix wrote external ranges as bare `a.b.c.d-w.x.y.z`;
//! * an older release listed two assumed ingress controllers, `{ingress-nginx}` and
//!   `{openshift-ingress-operator}`, where current ones write one `{ingress-controller}`.

mod common;

use common::*;
use std::path::PathBuf;

fn case(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/netpol-analyzer")
        .join(name)
}

/// The connectivity list of an expected-output file: its lines up to the first blank one
/// (exposure outputs continue with their own section after it).
fn expected(name: &str, file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(case(name).join(file)).unwrap();
    text.lines()
        .take_while(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn ours(name: &str) -> Vec<String> {
    listing(&analyse_path(&case(name)))
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn exposure_case_two_policies_match_expressions_and_denied_egress() {
    let name = "exposure_test_with_multiple_policies_2";
    assert_eq!(ours(name), expected(name, "expected_exposure_output.txt"));
}

#[test]
fn exposure_case_pod_selector_in_any_namespace() {
    let name = "exposure_test_conn_with_pod_selector_in_any_ns";
    assert_eq!(ours(name), expected(name, "expected_exposure_output.txt"));
}

#[test]
fn exposure_case_egress_named_ports_to_the_whole_cluster() {
    let name = "exposure_test_egress_to_entire_cluster_with_named_ports";
    assert_eq!(ours(name), expected(name, "expected_exposure_output.txt"));
}

#[test]
fn ingress_with_two_rules_to_one_service() {
    let name = "one_ingress_multiple_ports";
    let got: Vec<String> = ours(name)
        .into_iter()
        .map(|l| l.replace("[External]", ""))
        .collect();
    assert_eq!(got, expected(name, "expected_connlist_output.txt"));
}

#[test]
fn live_pod_list_as_replica_sets_with_an_ingress() {
    let name = "k8s_ingress_test";
    let got: Vec<String> = ours(name)
        .into_iter()
        .map(|l| l.replace("[External]", ""))
        .collect();
    let want: Vec<String> = expected(name, "expected_connlist_output.txt")
        .into_iter()
        .filter(|l| !l.starts_with("{openshift-ingress-operator}"))
        .map(|l| l.replace("{ingress-nginx}", "{ingress-controller}"))
        .collect();
    assert_eq!(want.len(), 43);
    assert_eq!(got, want);
}
