//! One-line golden tests for Gremlin evaluation over real fixtures and the built-in demo.
//!
//! Each row is (source, query, expected). Node results are compared as their labels
//! (`Kind:namespace/name`, `Kind:name` for cluster-scoped nodes) in stream order; text results
//! (`Count`, `Values`, `ValueMap`, `Keys`, edges) verbatim. Every expected answer was checked
//! another way, said in its comment: "py:" a Python/PyYAML script over the fixture's YAML,
//! "read:" read by eye, "eq:" the equivalent search query's golden row in tests/eval.rs.
//! The rows under "docs" are the Gremlin examples of docs/query.md, verbatim.

mod common;
use common::*;
use std::collections::HashMap;

use kubegraph_query::parse;

type Graphs = HashMap<String, Loaded>;

/// The labels of a node result, or the text, or the error.
fn run(graphs: &mut Graphs, source: &str, query: &str) -> Result<Vec<String>, String> {
    let (g, idx, facts) = graphs
        .entry(source.to_string())
        .or_insert_with(|| load_all(source));
    let ast = parse(query).map_err(|e| format!("parse error: {}", e.render(query)))?;
    match print_query(g, idx, facts, &ast, None) {
        Ok(Printed::Nodes(ns)) => Ok(ns.iter().map(|&id| label(g, id)).collect()),
        Ok(Printed::Text(t)) => Err(t),
        Err(e) => Err(format!("error: {e}")),
    }
}

fn show(r: Result<Vec<String>, String>) -> String {
    match r {
        Ok(labels) => labels.join(" "),
        Err(text) => text,
    }
}

fn check(name: &str, rows: &[(&str, &str, &str)]) {
    let mut graphs = HashMap::new();
    check_rows(name, rows, |source, query| {
        show(run(&mut graphs, source, query))
    });
}

/// The Gremlin examples of docs/query.md, verbatim; the first is Skydive's own documentation's.
const DOCS: &[(&str, &str, &str)] = &[
    // eq: the fixture has no Pod (tests/eval.rs docs row `… <-uses[1:]- is(pod)` is empty too).
    (WP, "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').In().Has('Type', 'pod')", ""),
    // py: both Deployments read mysql-pass through secretKeyRef in their pod templates.
    (WP, "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').In().Has('Type', 'deployment')", "Deployment:default/wordpress Deployment:default/wordpress-mysql"),
    // py: bookinfo's Deployment labels version: v2 and v3 only on reviews-v2/-v3.
    (BOOKINFO, "G.V().Has('Type', 'deployment', 'K8s.Labels.version', Within('v2', 'v3')).Values('Name')", "\"reviews-v2\"\n\"reviews-v3\"\n"),
    // read: the reviews Service selects three Deployments; by name descending, the first two.
    (BOOKINFO, "G.V().Has('Type', 'service', 'Name', 'reviews').Out('Type', 'deployment').Sort(DESC, 'Name').Limit(2)", "Deployment:default/reviews-v3 Deployment:default/reviews-v2"),
];

/// Sources, Has with pairs and predicates, HasKey/HasNot/HasEither.
const FILTERS: &[(&str, &str, &str)] = &[
    // py: 10 YAML objects + the mysql-pass placeholder + namespace default + cluster + 2 images.
    (WP, "G.V().Count()", "15\n"),
    // read: the 8 Type values of the 15 nodes above, deduplicated in the stable order.
    (WP, "G.V().Values('Type').Dedup()", "\"cluster\"\n\"deployment\"\n\"image\"\n\"namespace\"\n\"persistentvolume\"\n\"persistentvolumeclaim\"\n\"secret\"\n\"service\"\n"),
    // py: deployment labels app=wordpress; neither sets spec.replicas (left out of the map).
    (WP, "G.V().Has('Type', 'deployment').ValueMap('Name', 'K8s.Labels.app', 'K8s.Extra.spec.replicas')", "{\"Name\":\"wordpress\",\"K8s.Labels.app\":\"wordpress\"}\n{\"Name\":\"wordpress-mysql\",\"K8s.Labels.app\":\"wordpress\"}\n"),
    // py: wordpress has labels {app}, top-level fields apiVersion, kind, metadata, spec; no uid.
    (WP, "G.V().Has('Type', 'deployment', 'Name', 'wordpress').Keys()", "Cluster\nK8s.Extra.spec\nK8s.Labels.app\nName\nNamespace\nType\n"),
    // py: versions of bookinfo's deployments: four v1, one v2, one v3.
    (BOOKINFO, "G.V().Has('Type', 'deployment', 'K8s.Labels.version', NE('v1'))", "Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
    (BOOKINFO, "G.V().Has('Type', 'deployment', 'K8s.Labels.version', Without('v1', 'v2'))", "Deployment:default/reviews-v3"),
    (BOOKINFO, "G.V().Has('Type', 'deployment', 'Name', Regex('^rev'))", "Deployment:default/reviews-v1 Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
    // py: 4 Services + 4 ServiceAccounts; kinds by short name.
    (BOOKINFO, "G.V().Has('Type', Within('svc', 'sa')).Count()", "8\n"),
    (BOOKINFO, "G.V().Has('Type', 'services').HasEither('Name', 'reviews', 'Name', 'ratings')", "Service:default/ratings Service:default/reviews"),
    // py: every deployment has replicas 1; every service's first port is 9080.
    (BOOKINFO, "G.V().Has('Type', 'deployment').Has('K8s.Extra.spec.replicas', Gte(1)).Count()", "6\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').Has('K8s.Extra.spec.ports.0.port', Inside(9000, 9100)).Count()", "4\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').Has('K8s.Extra.spec.ports.0.port', Between(9080, 9081)).Count()", "4\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').Has('K8s.Extra.spec.ports.0.port', Between(9079, 9080)).Count()", "0\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').Has('K8s.Extra.spec.ports.0.port', Lt(9080)).Count()", "0\n"),
    // py: every service is labelled service=<name>.
    (BOOKINFO, "G.V().Has('Type', 'service').HasKey('K8s.Labels.service').Count()", "4\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').HasNot('K8s.Labels.service').Count()", "0\n"),
    // py: the 5 distinct pods of k9s-live-objects (see tests/eval.rs), by name.
    (K9S, "G.V().Has('Type', 'pod').Count()", "5\n"),
    // errors name the step or value, with its span (rendered by the CLI).
    (BOOKINFO, "G.V().Has('Type', 'pdo')", "error: unknown Type `pdo`; did you mean `pod`?"),
    (BOOKINFO, "G.V().Count().Limit(1)", "error: `Limit` cannot follow `Count()`"),
    (BOOKINFO, "G.E().Values('Name')", "error: `Values` cannot follow a step that yields edges"),
    (BOOKINFO, "G.E('x')", "error: `E(id)` is not supported: edges have no ids; use `E().Has('RelationType', …)`"),
];

/// Node and edge steps, hierarchy, paths, stream steps.
const STEPS: &[(&str, &str, &str)] = &[
    // read: mysql-pass is used by the two deployments and contained by namespace default.
    (WP, "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').In()", "Deployment:default/wordpress Deployment:default/wordpress-mysql Namespace:default"),
    (WP, "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').InE()", "Deployment:default/wordpress-mysql -uses-> Secret:default/mysql-pass\nDeployment:default/wordpress -uses-> Secret:default/mysql-pass\nNamespace:default -contains-> Secret:default/mysql-pass\n"),
    (WP, "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').InE('RelationType', 'uses').OutV().Values('Name')", "\"wordpress-mysql\"\n\"wordpress\"\n"),
    // read: each deployment → its PVC, image and the secret (3 each); the secret is shared.
    (WP, "G.V().Has('Type', 'deployment').Out().Count()", "6\n"),
    (WP, "G.V().Has('Type', 'deployment').Out().Dedup().Count()", "5\n"),
    // py: 6 selects edges, one per deployment; the reviews service has three.
    (BOOKINFO, "G.E().Has('RelationType', 'selects').Count()", "6\n"),
    (BOOKINFO, "G.V().Has('Type', 'service').InE().Dedup().Count()", "4\n"),
    (BOOKINFO, "G.V().Has('Type', 'deployment').Range(1, 3)", "Deployment:default/productpage-v1 Deployment:default/ratings-v1"),
    // read: reviews → reviews-v1 (first in the stable order) → its service account; the
    // namespace contains the service directly.
    (BOOKINFO, "G.V().Has('Type', 'service', 'Name', 'reviews').ShortestPathTo(Metadata('Type', 'serviceaccount'))", "Service:default/reviews Deployment:default/reviews-v1 ServiceAccount:default/bookinfo-reviews"),
    (BOOKINFO, "G.V().Has('Type', 'service', 'Name', 'reviews').ShortestPathTo(Metadata('Type', 'namespace'))", "Service:default/reviews Namespace:default"),
    // read: along contains edges only the path goes through the namespace, whose first service
    // account in the stable order is bookinfo-details.
    (BOOKINFO, "G.V().Has('Type', 'service', 'Name', 'reviews').ShortestPathTo(Metadata('Type', 'serviceaccount'), Metadata('RelationType', 'contains'))", "Service:default/reviews Namespace:default ServiceAccount:default/bookinfo-details"),
    // read: namespace default contains the deployments, services and service accounts.
    (BOOKINFO, "G.V().Has('Type', 'namespace').Descendants(1).Values('Type').Dedup()", "\"deployment\"\n\"service\"\n\"serviceaccount\"\n"),
    (BOOKINFO, "G.V().Has('Type', 'serviceaccount', 'Name', 'bookinfo-reviews').Ascendants()", "Cluster:files Namespace:default"),
    // py: demo.yaml: storefront owns 2 ReplicaSets; the current one owns 2 pods of one container each.
    (DEMO, "G.V().Has('Type', 'deployment', 'Name', 'storefront').Descendants()", "Container:shop/storefront Container:shop/storefront Pod:shop/storefront-6d9c7b8f4d-m4q9z Pod:shop/storefront-6d9c7b8f4d-x7k2p ReplicaSet:shop/storefront-5b7f9c6d8 ReplicaSet:shop/storefront-6d9c7b8f4d"),
    (DEMO, "G.V().Has('Type', 'pod', 'Namespace', 'shop').Limit(1).Ascendants(1)", "Namespace:shop ReplicaSet:shop/cart-7f8b6c5d9"),
    (DEMO, "G.V().Has('Type', 'pod', 'Namespace', 'shop').Limit(1).Ascendants()", "Cluster:demo Deployment:shop/cart Namespace:shop ReplicaSet:shop/cart-7f8b6c5d9"),
    (DEMO, "G.V().Has('Type', 'deployment', 'Namespace', 'shop').SubGraph()", "Deployment:shop/cart Deployment:shop/recommendations Deployment:shop/redis Deployment:shop/storefront"),
];

/// A Gremlin query and its search-language counterpart select the same nodes (as sets).
const EQUIVALENT: &[(&str, &str, &str)] = &[
    (
        WP,
        "G.V().Has('Type', 'secret', 'Name', 'mysql-pass').In().Has('Type', 'deployment')",
        "is(secret) and name = \"mysql-pass\" <-uses- is(deployment)",
    ),
    (
        BOOKINFO,
        "G.V().Has('Type', 'service', 'Name', 'reviews').Out().Has('Type', 'deployment')",
        "is(service) and name = reviews -selects-> is(deployment)",
    ),
    (
        BOOKINFO,
        "G.V().Has('Type', 'deployment', 'K8s.Labels.version', Without('v1', 'v2'))",
        "is(deployment) and labels.version not in [v1, v2]",
    ),
    (
        BOOKINFO,
        "G.V().Has('Type', 'deployment').Out('Type', 'serviceaccount').Dedup()",
        "is(deployment) -uses-> is(serviceaccount)",
    ),
    (
        DEMO,
        "G.V().Has('Type', 'pod', 'Namespace', 'shop')",
        "is(pod) and namespace = shop",
    ),
    (
        DEMO,
        "G.V().Has('Type', 'deployment').Out('Type', 'replicaset').Out('Type', 'pod')",
        "is(deployment) -owns-> is(replicaset) -owns-> is(pod)",
    ),
    (
        DEMO,
        "G.V().Has('Type', 'pod').Has('K8s.Extra.status.phase', NE('Running'))",
        "is(pod) and status.phase != Running",
    ),
    (
        DEMO,
        "G.V().Has('Type', 'deployment', 'K8s.Extra.spec.replicas', Gte(2))",
        "is(deployment) and spec.replicas >= 2",
    ),
    (
        K9S,
        "G.V().Has('Type', 'pod').Out('Type', 'node').Dedup()",
        "is(pod) -runs_on-> is(node)",
    ),
    (
        DEMO,
        "G.V().Has('Type', 'namespace', 'Name', 'payments').Descendants()",
        "is(namespace) and name = payments -owns,contains[1:]->",
    ),
];

#[test]
fn docs() {
    check("docs", DOCS);
}

#[test]
fn filters() {
    check("filters", FILTERS);
}

#[test]
fn steps() {
    check("steps", STEPS);
}

#[test]
fn equivalent_to_search() {
    let mut graphs = HashMap::new();
    let mut failures = Vec::new();
    for (source, gremlin, search) in EQUIVALENT {
        let set = |r: Result<Vec<String>, String>| {
            r.map(|mut v| {
                v.sort();
                v.dedup();
                v
            })
        };
        let g = set(run(&mut graphs, source, gremlin));
        let s = set(run(&mut graphs, source, search));
        if g != s || g.as_ref().is_ok_and(|v| v.is_empty()) {
            failures.push(format!("[{source}]\n  {gremlin}: {g:?}\n  {search}: {s:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
