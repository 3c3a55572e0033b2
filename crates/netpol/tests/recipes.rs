//! The 37 expectations of `shared/fixtures/network-policy-recipes/expected/EXPECTED.tsv`, read
//! from the file: each row's scenario is analysed, and the row's verdict must come out of both
//! `explain` (the `reach` path) and the full listing (the `connectivity` path).

mod common;

use common::*;
use kubegraph_netpol::{Endpoint, Protocol};
use std::collections::BTreeMap;

struct Row {
    line: usize,
    scenario: String,
    src: String,
    dst: String,
    protocol: Protocol,
    port: u16,
    allowed: bool,
}

fn rows() -> Vec<Row> {
    let dir = kubegraph_fixtures::path("network-policy-recipes/expected");
    let text = std::fs::read_to_string(dir.join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("header");
    let cols: Vec<&str> = header.split('\t').collect();
    let col = |name: &str| cols.iter().position(|c| *c == name).unwrap();
    let (scenario, src, dst, port, expected) = (
        col("scenario"),
        col("src"),
        col("dst"),
        col("port"),
        col("expected"),
    );
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            // `TCP/5000 (svc 5001)`: the pod port is the policy's business.
            let port = f[port].split_whitespace().next().unwrap();
            let (protocol, number) = port.split_once('/').unwrap();
            let peer = |s: &str| s.trim_end_matches(" (external)").to_string();
            Row {
                line: i + 1,
                scenario: f[scenario].to_string(),
                src: peer(f[src]),
                dst: peer(f[dst]),
                protocol: Protocol::parse(protocol).unwrap(),
                port: number.parse().unwrap(),
                allowed: match f[expected] {
                    "allowed" => true,
                    "blocked" => false,
                    other => panic!("line {}: expected `{other}`", i + 1),
                },
            }
        })
        .collect()
}

#[test]
fn all_37_recipe_expectations_hold() {
    let rows = rows();
    assert_eq!(rows.len(), 37, "EXPECTED.tsv rows");
    let dir = kubegraph_fixtures::path("network-policy-recipes/expected/scenarios");
    let mut analyses = BTreeMap::new();
    let mut failures = Vec::new();
    for row in &rows {
        let a = analyses
            .entry(row.scenario.clone())
            .or_insert_with(|| analyse_path(&dir.join(format!("{}.yaml", row.scenario))));
        let listing = listing(a);
        let sources = a.resolve(&row.src).unwrap();
        let destinations = a.resolve(&row.dst).unwrap();
        assert!(
            !sources.is_empty() && !destinations.is_empty(),
            "line {}",
            row.line
        );
        for s in &sources {
            for d in &destinations {
                let e = a.explain(s, d);
                let by_explain = e.allowed.contains(row.protocol, row.port);
                let by_listing = line(&listing, &e.src, &e.dst).is_some_and(|conn| {
                    a.connectivity()
                        .conn_sets
                        .iter()
                        .find(|c| c.to_string() == conn)
                        .is_some_and(|c| c.contains(row.protocol, row.port))
                });
                if by_explain != row.allowed || by_listing != row.allowed {
                    failures.push(format!(
                        "line {} ({}): {} => {} {} {}: expected {}, explain says {}, listing says {}",
                        row.line,
                        row.scenario,
                        e.src,
                        e.dst,
                        row.protocol,
                        row.port,
                        row.allowed,
                        by_explain,
                        by_listing
                    ));
                }
                // External sources resolve to pieces of the address space, never to workloads.
                if row.src.starts_with(|c: char| c.is_ascii_digit()) {
                    assert!(matches!(s, Endpoint::External(_)), "line {}", row.line);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
