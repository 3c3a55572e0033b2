//! `kubegraph connectivity` and `kubegraph reach`, end to end: the binary on the recipe
//! scenarios and fixtures, every output format, exit codes and messages.

use std::process::Output;

mod common;
use common::{kubegraph, kubegraph_stdin};

fn scenario(name: &str) -> String {
    kubegraph_fixtures::path("network-policy-recipes/expected/scenarios")
        .join(format!("{name}.yaml"))
        .to_string_lossy()
        .into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn connectivity_txt_lists_every_allowed_connection_sorted() {
    let out = kubegraph(&["-q", "-f", &scenario("r09"), "connectivity"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "0.0.0.0-255.255.255.255[External] => default/client-mon[Pod] : All Connections\n\
         0.0.0.0-255.255.255.255[External] => default/client[Pod] : All Connections\n\
         default/apiserver[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
         default/apiserver[Pod] => default/client-mon[Pod] : All Connections\n\
         default/apiserver[Pod] => default/client[Pod] : All Connections\n\
         default/client-mon[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
         default/client-mon[Pod] => default/apiserver[Pod] : TCP 5000\n\
         default/client-mon[Pod] => default/client[Pod] : All Connections\n\
         default/client[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
         default/client[Pod] => default/client-mon[Pod] : All Connections\n"
    );
}

#[test]
fn connectivity_in_json_csv_md_and_dot() {
    let file = scenario("r11b");
    let txt = stdout(&kubegraph(&[
        "-q",
        "-f",
        &file,
        "connectivity",
        "-o",
        "txt",
    ]));
    let json = kubegraph(&["-q", "-f", &file, "connectivity", "-o", "json"]);
    assert!(json.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), txt.lines().count());
    let dns = rows
        .iter()
        .find(|r| r["src"] == "default/test[Pod]" && r["dst"] == "kube-system/coredns[Pod]")
        .expect("test reaches coredns");
    assert_eq!(dns["conn"], "TCP 53,UDP 53");
    assert!(!rows
        .iter()
        .any(|r| r["src"] == "default/test[Pod]" && r["dst"] == "default/web[Pod]"));

    let csv = stdout(&kubegraph(&[
        "-q",
        "-f",
        &file,
        "connectivity",
        "-o",
        "csv",
    ]));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("src,dst,conn"));
    assert!(
        csv.contains("default/test[Pod],kube-system/coredns[Pod],\"TCP 53,UDP 53\"\n"),
        "{csv}"
    );
    assert_eq!(lines.count(), rows.len());

    let md = stdout(&kubegraph(&["-q", "-f", &file, "connectivity", "-o", "md"]));
    assert!(md.starts_with("| src | dst | conn |\n|-----|-----|------|\n"));
    assert!(md.contains("| default/test[Pod] | kube-system/coredns[Pod] | TCP 53,UDP 53 |\n"));

    let dot = stdout(&kubegraph(&[
        "-q",
        "-f",
        &file,
        "connectivity",
        "-o",
        "dot",
    ]));
    assert!(dot.starts_with("digraph {\n") && dot.ends_with("}\n"));
    assert!(dot.contains(
        "\"default/test[Pod]\" -> \"kube-system/coredns[Pod]\" [label=\"TCP 53,UDP 53\""
    ));
    assert!(dot.contains("subgraph \"cluster_kube-system\""));

    // YAML as every command with JSON has it: the same rows.
    let yaml = stdout(&kubegraph(&[
        "-q",
        "-f",
        &file,
        "connectivity",
        "-o",
        "yaml",
    ]));
    let from_yaml: serde_json::Value = serde_yaml_ng::from_str(&yaml).unwrap();
    assert_eq!(from_yaml.as_array().unwrap(), rows);
    // A format connectivity does not print, named as such.
    let bad = kubegraph(&["-q", "-f", &file, "connectivity", "-o", "graphml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains(
        "`connectivity` does not print graphml; it prints table, json, yaml, csv, markdown, dot"
    ));
}

#[test]
fn reach_allowed_names_the_rule_and_exits_zero() {
    let out = kubegraph(&[
        "-q",
        "-f",
        &scenario("r09"),
        "reach",
        "default/client-mon",
        "default/apiserver",
        "--port",
        "5000/TCP",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "default/client-mon[Pod] => default/apiserver[Pod] on TCP 5000: allowed\n\
         \x20 allowed connections: TCP 5000\n\
         \x20 egress of default/client-mon[Pod]: no policy selects it for egress (default allow)\n\
         \x20 ingress of default/apiserver[Pod]: selected for ingress by default/api-allow-5000\n\
         \x20   admitted by default/api-allow-5000 ingress rule #1: TCP 5000\n"
    );
}

#[test]
fn reach_blocked_says_nothing_admits_and_exits_one() {
    // The service port 8001 targets pod port 8000, which the policy does not admit.
    let out = kubegraph(&[
        "-q",
        "-f",
        &scenario("r09"),
        "reach",
        "default/client-mon",
        "default/apiserver",
        "--port",
        "8000",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "default/client-mon[Pod] => default/apiserver[Pod] on TCP 8000: blocked\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("    no rule admits this peer on TCP 8000\n"),
        "{text}"
    );
    assert!(
        text.contains("(default/api-allow-5000 ingress rule #1 admits only TCP 5000)"),
        "{text}"
    );

    // Egress denial (r12: the namespace's pods may send nothing).
    let out = kubegraph(&[
        "-q",
        "-f",
        &scenario("r12"),
        "reach",
        "default/client",
        "default/web",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("on any port: blocked"), "{text}");
    assert!(
        text.contains(
            "ingress of default/web[Pod]: no policy selects it for ingress (default allow)"
        ),
        "{text}"
    );
    assert!(
        text.contains("egress of default/client[Pod]: selected for egress by"),
        "{text}"
    );
}

#[test]
fn reach_from_an_external_address() {
    let out = kubegraph(&[
        "-q",
        "-f",
        &scenario("r08"),
        "reach",
        "203.0.113.10",
        "default/web",
        "--port",
        "80",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "0.0.0.0-255.255.255.255[External] => default/web[Pod] on TCP 80: allowed\n"
        ),
        "{text}"
    );
    assert!(text.contains("egress of 0.0.0.0-255.255.255.255[External]: no policy applies (an address outside the cluster)"));
}

#[test]
fn bad_input_gives_clear_messages() {
    let file = scenario("r09");
    let out = kubegraph(&[
        "-q",
        "-f",
        &file,
        "reach",
        "default/nobody",
        "default/apiserver",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`default/nobody`: no workload or pod of that name"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("did you mean"),
        "nothing is close to `nobody`"
    );
    // The same name in another namespace is the usual slip: it is suggested.
    let out = kubegraph(&[
        "-q",
        "-f",
        &file,
        "reach",
        "other/apiserver",
        "default/client",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("\n  did you mean: default/apiserver[Pod]\n"),
        "{}",
        stderr(&out)
    );
    let out = kubegraph(&[
        "-q",
        "-f",
        &file,
        "reach",
        "default/client",
        "default/apiserver",
        "--port",
        "http",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--port `http`"), "{}", stderr(&out));

    let invalid = r#"
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: broken, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]
"#;
    let out = kubegraph_stdin(&["-q", "-f", "-", "connectivity"], invalid);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "NetworkPolicy shop/broken: spec.ingress[0].from[0]: ipBlock cannot be combined"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn host_network_workloads_are_analysed_with_a_note_or_left_out_on_request() {
    let kp = kubegraph_fixtures::path("kube-prometheus");
    let kp = kp.to_str().unwrap();
    // By default, as netpol-analyzer: analysed, and named in a note.
    let out = kubegraph(&["-f", kp, "connectivity"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("host-network workloads are analysed as ordinary pods, as netpol-analyzer does, though CNI plugins generally do not enforce NetworkPolicies on host traffic (--exclude-host-network leaves them out): monitoring/node-exporter[DaemonSet]"), "{}", stderr(&out));
    assert!(stdout(&out).contains("monitoring/node-exporter[DaemonSet]"));
    // Left out on request, and said so.
    let out = kubegraph(&["-f", kp, "connectivity", "--exclude-host-network"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("left out host-network workloads (NetworkPolicies do not apply to them): monitoring/node-exporter[DaemonSet]"));
    // `-q` silences the command's warnings too, not only the loader's.
    let quiet = kubegraph(&["-q", "-f", kp, "connectivity", "--exclude-host-network"]);
    assert_eq!(stderr(&quiet), "");
    assert_eq!(stdout(&quiet), stdout(&out));
    let out = quiet;
    assert!(!stdout(&out).contains("node-exporter"));
    assert!(stdout(&out).contains("0.0.0.0-255.255.255.255[External] => monitoring/prometheus-adapter[Deployment] : All Connections\n"));
    // `reach` takes the same option.
    let reach = kubegraph(&[
        "-q",
        "-f",
        kp,
        "reach",
        "monitoring/node-exporter",
        "monitoring/grafana",
        "--exclude-host-network",
    ]);
    assert_eq!(reach.status.code(), Some(2), "{}", stderr(&reach));
    assert!(
        stderr(&reach).contains("--exclude-host-network leaves it out"),
        "{}",
        stderr(&reach)
    );
}
