//! `-can_reach->`, the computed edge of NetworkPolicy reachability, checked against the
//! recipes' expectations (shared/fixtures/network-policy-recipes/expected/EXPECTED.tsv: what the
//! recipes observed with wget/nc), row by row: no answer is written here.

mod common;

use common::{print_query, Printed};
use kubegraph_graph::Graph;
use kubegraph_query::{parse, GraphFacts, QueryIndex};

const RECIPES: &str = "network-policy-recipes/expected";

fn load(scenario: &str) -> Graph {
    let path = kubegraph_fixtures::path(RECIPES)
        .join("scenarios")
        .join(format!("{scenario}.yaml"));
    let loaded = kubegraph_files::load_paths(&[path], &Default::default()).expect("scenario loads");
    kubegraph_relations::graph_from_objects(scenario, loaded.objects).0
}

fn run(g: &Graph, query: &str) -> Result<String, String> {
    let idx = QueryIndex::new(g);
    let facts = GraphFacts::default();
    let ast = parse(query).map_err(|e| e.render(query))?;
    match print_query(g, &idx, &facts, &ast, None) {
        Ok(Printed::Text(t)) => Ok(t),
        Ok(Printed::Nodes(ns)) => Ok(ns
            .iter()
            .map(|&id| {
                let o = &g.node(id).object;
                format!("{}/{}", o.namespace.as_deref().unwrap_or("_"), o.name)
            })
            .collect::<Vec<_>>()
            .join(" ")),
        Err(e) => Err(e.render(query)),
    }
}

/// Every pod-to-pod row of EXPECTED.tsv, both ways round: `SRC -can_reach(PORT/PROTO)-> DST`
/// and `DST <-can_reach(PORT/PROTO)- SRC` find the pair exactly when the row says allowed.
#[test]
fn can_reach_agrees_with_every_recipe_expectation_between_pods() {
    let tsv = std::fs::read_to_string(kubegraph_fixtures::path(RECIPES).join("EXPECTED.tsv"))
        .expect("EXPECTED.tsv");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (scenario, src, dst, port, expected) = (f[0], f[2], f[4], f[5], f[6]);
        if src.contains("external") || dst.contains("external") {
            continue; // external addresses are not nodes; `connectivity` covers them
        }
        let (proto, port) = port.split(' ').next().unwrap().split_once('/').unwrap();
        let (sns, sname) = src.split_once('/').unwrap();
        let (dns, dname) = dst.split_once('/').unwrap();
        let g = load(scenario);
        let forward = format!(
            "is(pod) and namespace = {sns} and name = {sname} -can_reach({port}/{proto})-> is(pod) and namespace = {dns} and name = {dname} | count"
        );
        let backward = format!(
            "is(pod) and namespace = {dns} and name = {dname} <-can_reach({port}/{proto})- is(pod) and namespace = {sns} and name = {sname} | count"
        );
        let want = if expected == "allowed" { "1\n" } else { "0\n" };
        for q in [forward, backward] {
            match run(&g, &q) {
                Ok(got) if got == want => {}
                other => failures.push(format!("{scenario}: {q}\n  want {want:?} got {other:?}")),
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 32, "pod-to-pod rows of EXPECTED.tsv");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// r09 (allow only port 5000 from `role=monitoring`): the exact sets, with and without a port,
/// in each direction, and inside `with(…)`.
#[test]
fn can_reach_sets_on_the_port_recipe() {
    let g = load("r09");
    let q = |s: &str| run(&g, s).unwrap();
    // read: client and client-mon reach each other (no policy selects them); apiserver admits
    // only client-mon, on TCP 5000.
    assert_eq!(
        q("is(pod) and name = client -can_reach->"),
        "default/client-mon"
    );
    assert_eq!(
        q("is(pod) and name = client-mon -can_reach->"),
        "default/apiserver default/client"
    );
    assert_eq!(
        q("is(pod) and name = client-mon -can_reach(5000)-> is(pod)"),
        "default/apiserver default/client"
    );
    assert_eq!(
        q("is(pod) and name = client-mon -can_reach(5001)-> is(pod)"),
        "default/client"
    );
    assert_eq!(
        q("is(pod) and name = client-mon -can_reach(5000/UDP)-> is(pod)"),
        "default/client"
    );
    assert_eq!(
        q("is(pod) and name = apiserver <-can_reach-"),
        "default/client-mon"
    );
    assert_eq!(
        q("is(pod) and name = apiserver <-can_reach->"),
        "default/client default/client-mon"
    );
    assert_eq!(
        q("is(pod) and with(count = 1, <-can_reach-)"),
        "default/apiserver"
    );
    // A workload never reaches itself.
    assert_eq!(
        q("is(pod) and name = client -can_reach-> is(pod) and name = client"),
        ""
    );
}

#[test]
fn can_reach_errors_point_at_the_traversal() {
    let g = load("r09");
    for (query, want) in [
        ("is(pod) -can_reach(x)->", "`x` is not a port number"),
        ("is(pod) -can_reach(80/ICMP)->", "`ICMP` is not a protocol"),
        (
            "is(pod) -can_reach,owns->",
            "cannot be combined with other edge kinds",
        ),
        ("is(pod) -can_reach[1:]->", "one hop"),
        ("is(pod) -can_reach(80->", "expected `)`"),
    ] {
        let err = run(&g, query).expect_err(query);
        assert!(err.contains(want), "{query}: {err}");
        assert!(err.contains('^'), "{query}: no caret in {err}");
    }
}
