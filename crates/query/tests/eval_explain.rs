//! `explain` (docs/query.md): golden rows with the exact plan on the demo and real fixtures.
//!
//! Each row is (source, query, expected). Timings vary from run to run, so every time cell
//! (`123µs`, `1.5ms`, `2.00s` at the end of a table line, `"time_us": 123` in JSON) is masked
//! as `T` before comparing; everything else, including the column layout, is compared
//! verbatim. Counts were checked another way, said in each comment.

mod common;
use common::*;
use std::collections::HashMap;

use kubegraph_formats::{parse_query, Format};

/// Replaces the time at the end of each table line, and each JSON `time_us`, with `T`.
fn mask(text: &str) -> String {
    let is_time = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && ["µs", "ms", "s"].iter().any(|u| {
                w.strip_suffix(u)
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || c == '.'))
            })
    };
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if let Some(n) = t
                .strip_prefix("\"time_us\": ")
                .or_else(|| t.strip_prefix("time_us: "))
            {
                if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                    return format!("{}T", &l[..l.len() - n.len()]);
                }
            }
            match l.rsplit_once(' ') {
                Some((head, last)) if is_time(last) => format!("{head} T"),
                _ => l.to_string(),
            }
        })
        .map(|l| l + "\n")
        .collect()
}

fn run(
    graphs: &mut HashMap<String, Loaded>,
    source: &str,
    query: &str,
    format: Option<Format>,
) -> String {
    let (g, idx, facts) = graphs
        .entry(source.to_string())
        .or_insert_with(|| load_all(source));
    let ast = match parse_query(query) {
        Ok(a) => a,
        Err(e) => return format!("parse error: {}", e.render(query)),
    };
    match print_query(g, idx, facts, &ast, format) {
        Ok(Printed::Text(t)) => mask(&t),
        Ok(Printed::Nodes(ns)) => format!("nodes: {}", ns.len()),
        Err(e) => format!("error: {e}"),
    }
}

fn check(name: &str, rows: &[(&str, &str, Option<Format>, &str)]) {
    let mut graphs = HashMap::new();
    let mut failures = Vec::new();
    for (source, query, format, want) in rows {
        let got = run(&mut graphs, source, query, *format);
        if got != *want {
            failures.push(format!(
                "[{source}] {query}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {} rows failed:\n\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n\n")
    );
}

#[rustfmt::skip]
const PLANS: &[(&str, &str, Option<Format>, &str)] = &[
    // docs: an example of docs/query.md, verbatim. read: the demo has 6 pods in shop (tests/eval.rs docs row).
    (DEMO, "is(pod) and namespace = shop | explain", None,
     "step                                      index                                 estimated  actual  time\n\
      filter (and (is Pod) (= namespace shop))  kind index (Pod) and namespace index  6          6       T\n\
      order                                     kind, namespace, name                 6          6       T\n"),
    // read: 16 pods in the demo, 6 in shop; they reach 16 nodes over one outgoing hop, 3 of them
    // ConfigMaps (cart-config, kube-root-ca.crt, storefront-config); head 2 keeps 2.
    (DEMO, "is(pod) and namespace = shop --> is(configmap) | sort name desc | head 2 | explain", None,
     "step                                      index                                 estimated  actual  time\n\
      filter (and (is Pod) (= namespace shop))  kind index (Pod) and namespace index  6          6       T\n\
      traverse out (all edges) depth 1          -                                     -          16      T\n\
      filter (is ConfigMap)                     reached                               16         3       T\n\
      order                                     kind, namespace, name                 3          3       T\n\
      sort name desc                            -                                     3          3       T\n\
      head 2                                    -                                     3          2       T\n"),
    // read: stats lists exactly the two placeholders.
    (DEMO, "missing | explain", None,
     "step            index                  estimated  actual  time\n\
      filter missing  placeholders           2          2       T\n\
      order           kind, namespace, name  2          2       T\n"),
    // docs: an example of docs/query.md, verbatim. read: free text has no index: every one of the demo's 159 nodes is a candidate.
    (DEMO, "\"cart\" | list name, labels.nope | explain", None,
     "step                   index                  estimated  actual  time\n\
      filter (text \"cart\")   scan                   159        12      T\n\
      order                  kind, namespace, name  12         12      T\n\
      list name labels.nope  -                      12         12      T\n\
      path `labels.nope` is on no object\n"),
    // read: 7 deployments in the demo; the misspelt path is on none, so nothing passes.
    (DEMO, "is(deployment) and spec.replicsa > 1 <-[1:]- | count | explain", None,
     "step                                                   index                         estimated  actual  time\n\
      filter (and (is apps/Deployment) (> spec.replicsa 1))  kind index (apps/Deployment)  7          0       T\n\
      traverse in (all edges) depth 1..                      -                             -          0       T\n\
      order                                                  kind, namespace, name         0          0       T\n\
      count                                                  -                             0          0       T\n\
      path `spec.replicsa` is on no object\n"),
    // py: one Secret mysql-pass; both Deployments use it through their pod templates (tests/eval.rs docs row).
    (WP, "is(secret) and name = \"mysql-pass\" <-uses[1:]- is(deployment) | explain", None,
     "step                                            index                               estimated  actual  time\n\
      filter (and (is Secret) (= name \"mysql-pass\"))  kind index (Secret) and name index  1          1       T\n\
      traverse in (uses) depth 1..                    -                                   -          2       T\n\
      filter (is apps/Deployment)                     reached                             2          2       T\n\
      order                                           kind, namespace, name               2          2       T\n"),
    // py: bookinfo.yaml has 14 objects in namespace default (no namespace field: default); none has metadata.lables.
    (BOOKINFO, "namespace in [default] and metadata.lables.app = x | explain", None,
     "step                                                             index                  estimated  actual  time\n\
      filter (and (in namespace [default]) (= metadata.lables.app x))  namespace index        14         0       T\n\
      order                                                            kind, namespace, name  0          0       T\n\
      path `metadata.lables.app` is on no object\n"),
];

#[rustfmt::skip]
const FORMATS: &[(&str, &str, Option<Format>, &str)] = &[
    // `search -o json`: the same steps as a JSON array; a missing path is a row of its own.
    (DEMO, "is(pod) and spec.replicsa = 1 | explain", Some(Format::Json),
     "[\n  {\n    \"step\": \"filter (and (is Pod) (= spec.replicsa 1))\",\n    \"index\": \"kind index (Pod)\",\n    \"estimated\": 16,\n    \"actual\": 0,\n    \"time_us\": T\n  },\n  {\n    \"step\": \"order\",\n    \"index\": \"kind, namespace, name\",\n    \"estimated\": 0,\n    \"actual\": 0,\n    \"time_us\": T\n  },\n  {\n    \"step\": \"path `spec.replicsa` is on no object\",\n    \"index\": null,\n    \"estimated\": null,\n    \"actual\": null,\n    \"time_us\": null\n  }\n]\n"),
    // `| format` wins over `-o`; format itself takes no time.
    (DEMO, "is(pod) | format yaml | explain", Some(Format::Json),
     "- step: filter (is Pod)\n  index: kind index (Pod)\n  estimated: 16\n  actual: 16\n  time_us: T\n- step: order\n  index: kind, namespace, name\n  estimated: 16\n  actual: 16\n  time_us: T\n- step: format yaml\n  index: '-'\n  estimated: 16\n  actual: 16\n  time_us: null\n"),
    (DEMO, "is(pod) | explain | format dot", None, "error: `explain` cannot print as dot"),
    (DEMO, "is(pod) | count | head 1 | explain", None, "error: commands after `count` are not implemented yet"),
    (DEMO, "is(pod) | tag delete owner | head 1 | explain", None, "error: commands after `tag` are not implemented yet"),
    (DEMO, "is(pod) and health.x = error | explain", None, "error: health has only `reason` (`health`, `health.reason`)"),
];

#[test]
fn plans() {
    check("plans", PLANS);
}

#[test]
fn formats() {
    check("formats", FORMATS);
}

#[test]
fn the_mask_only_touches_times() {
    assert_eq!(
        mask("a  12µs\nb  1.5ms\nc  2.00s\nd  -\ne  12\n"),
        "a  T\nb  T\nc  T\nd  -\ne  12\n"
    );
}
