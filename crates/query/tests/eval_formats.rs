//! `format`, `dump` and `aggregate` (docs/query.md): golden rows with the exact output on real
//! fixtures and the demo, and the machine formats read back by real parsers (serde_json,
//! serde_yaml_ng, Graphviz `dot`).

mod common;
use common::*;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kubegraph_formats::{parse_query, Format};
use kubegraph_graph::Graph;
use kubegraph_query::{execute, parse, Ctx, GraphFacts, Output, QueryIndex};
use serde_json::Value;

struct Graphs(HashMap<String, Loaded>);

impl Graphs {
    fn new() -> Self {
        Graphs(HashMap::new())
    }

    /// The query's output as text (`-o` = `format`), or `error: …`.
    fn run(&mut self, source: &str, query: &str, format: Option<Format>) -> String {
        let (g, idx, facts) = self
            .0
            .entry(source.to_string())
            .or_insert_with(|| load_all(source));
        let ast = parse_query(query).unwrap_or_else(|e| panic!("{}", e.render(query)));
        let ctx = Ctx::new(g, idx, facts);
        match kubegraph_formats::query::run(&ctx, &ast, format) {
            Ok(answer) => {
                let mut out = Vec::new();
                answer.write(&ctx, &mut out).unwrap();
                String::from_utf8(out).unwrap()
            }
            Err(e) => format!("error: {e}"),
        }
    }

    fn text(&mut self, source: &str, query: &str) -> String {
        self.run(source, query, None)
    }
}

fn check(rows: &[(&str, &str, &str)]) {
    let mut graphs = Graphs::new();
    let mut failures = Vec::new();
    for (source, query, want) in rows {
        let got = graphs.text(source, query);
        if got != *want {
            failures.push(format!(
                "[{source}] {query}\n--- want\n{want}\n--- got\n{got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n\n")
    );
}

// Every expected output was read against the fixture's YAML ("read:").
#[rustfmt::skip]
const GOLDEN: &[(&str, &str, &str)] = &[
    // read: the two Services of wordpress; StorageClass-free, so no `-` cells.
    (WP, "is(service) | format table", "kind     namespace  name\nService  default    wordpress\nService  default    wordpress-mysql\n"),
    (WP, "is(service) | format csv", "kind,namespace,name\nService,default,wordpress\nService,default,wordpress-mysql\n"),
    (WP, "is(service) | format markdown", "| kind | namespace | name |\n| --- | --- | --- |\n| Service | default | wordpress |\n| Service | default | wordpress-mysql |\n"),
    (WP, "is(service) | list name, spec.ports[*].port as ports | format markdown", "| name | ports |\n| --- | --- |\n| wordpress | 80 |\n| wordpress-mysql | 3306 |\n"),
    (WP, "is(service) | list name, spec.ports[*].port as ports | format csv", "name,ports\nwordpress,80\nwordpress-mysql,3306\n"),
    (WP, "is(deployment) | list name, spec.template.spec.containers[*].image as image | format json",
        "[\n  {\n    \"name\": \"wordpress\",\n    \"image\": \"wordpress:6.2.1-apache\"\n  },\n  {\n    \"name\": \"wordpress-mysql\",\n    \"image\": \"mysql:8.0\"\n  }\n]\n"),
    (WP, "is(deployment) | list name, spec.template.spec.containers[*].image as image | format ndjson",
        "{\"name\":\"wordpress\",\"image\":\"wordpress:6.2.1-apache\"}\n{\"name\":\"wordpress-mysql\",\"image\":\"mysql:8.0\"}\n"),
    (WP, "is(deployment) | list name, spec.template.spec.containers[*].image as image | format yaml",
        "- name: wordpress\n  image: wordpress:6.2.1-apache\n- name: wordpress-mysql\n  image: mysql:8.0\n"),
    // read: wordpress-deployment.yaml: the Service is `type: LoadBalancer`, no clusterIP.
    (WP, "is(service) and name = wordpress | format ndjson",
        "{\"attrs\":{\"headless\":false,\"type\":\"LoadBalancer\"},\"cluster\":\"files\",\"group\":\"\",\"id\":\"files/core/Service/default/wordpress\",\"kind\":\"Service\",\"labels\":{\"app\":\"wordpress\"},\"missing\":false,\"name\":\"wordpress\",\"namespace\":\"default\",\"origin\":\"source\",\"uid\":null,\"version\":\"v1\"}\n"),
    // read: the placeholder Secret holds only what it was looked up by.
    (WP, "is(secret) | dump", "kind: Secret\nmetadata:\n  name: mysql-pass\n  namespace: default\n"),
    (WP, "is(secret) | dump | format json", "[\n  {\n    \"kind\": \"Secret\",\n    \"metadata\": {\n      \"name\": \"mysql-pass\",\n      \"namespace\": \"default\"\n    }\n  }\n]\n"),
    (WP, "is(secret) | format ndjson | dump", "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"mysql-pass\",\"namespace\":\"default\"}}\n"),
    (WP, "is(pvc) | format yaml",
        "- apiVersion: v1\n  kind: PersistentVolumeClaim\n  metadata:\n    labels:\n      app: wordpress\n    name: mysql-pv-claim\n    namespace: default\n  spec:\n    accessModes:\n    - ReadWriteOnce\n    resources:\n      requests:\n        storage: 20Gi\n- apiVersion: v1\n  kind: PersistentVolumeClaim\n  metadata:\n    labels:\n      app: wordpress\n    name: wp-pv-claim\n    namespace: default\n  spec:\n    accessModes:\n    - ReadWriteOnce\n    resources:\n      requests:\n        storage: 20Gi\n"),
    // read: two claims of 20Gi = 2 × 21474836480.
    (WP, "is(pvc) | aggregate(sum(spec.resources.requests.storage) as storage, count() as n)", "storage      n\n42949672960  2\n"),
    (WP, "is(pvc) | aggregate(sum(spec.resources.requests.storage) as storage, count() as n) | format json", "[\n  {\n    \"storage\": 42949672960,\n    \"n\": 2\n  }\n]\n"),
    // read: four PVs (two in local-volumes.yaml, two in gce-volumes.yaml), 20Gi each.
    (WP, "is(pv) | aggregate(kind: count() as n, sum(spec.capacity.storage) as s, min(spec.capacity.storage), max(spec.capacity.storage), avg(spec.capacity.storage))",
        "kind              n  s            min(spec.capacity.storage)  max(spec.capacity.storage)  avg(spec.capacity.storage)\nPersistentVolume  4  85899345920  21474836480                 21474836480                 21474836480\n"),
    // read: bookinfo's deployments: 6, all `replicas: 1`; reviews has v1, v2, v3.
    (BOOKINFO, "is(deployment) | aggregate(labels.app as app: count() as n, sum(spec.replicas) as replicas)",
        "app          n  replicas\ndetails      1  1\nproductpage  1  1\nratings      1  1\nreviews      3  3\n"),
    (BOOKINFO, "is(deployment) | aggregate(labels.app as app, labels.version as v: count() as n) | format csv",
        "app,v,n\ndetails,v1,1\nproductpage,v1,1\nratings,v1,1\nreviews,v1,1\nreviews,v2,1\nreviews,v3,1\n"),
    // A group path some nodes lack (the 4 ServiceAccounts): their cell is null, sorted last.
    (BOOKINFO, "is(service) or is(serviceaccount) | aggregate(labels.service as s: count() as n)",
        "s            n\ndetails      1\nproductpage  1\nratings      1\nreviews      1\n-            4\n"),
    // No groups: one row, also for no nodes; sum of nothing is null.
    (BOOKINFO, "is(pod) | aggregate(count() as n, sum(spec.replicas) as s)", "n  s\n0  -\n"),
    // read: demo pods: memory limits per namespace; cpu requests 50m…250m (py: sum and avg).
    (DEMO, "is(pod) | aggregate(namespace: count() as n, sum(spec.containers[*].resources.limits.memory) as mem, avg(spec.containers[*].resources.requests.cpu) as cpu)",
        "namespace   n  mem         cpu\nmonitoring  5  5234491392  0.15\npayments    5  6710886400  0.35\nshop        6  3019898880  0.158333333\n"),
    (DEMO, "missing | format csv", "kind,namespace,name\nSecret,payments,payments-api-token\nStorageClass,,io2-fast\n"),
    (DEMO, "missing | format markdown", "| kind | namespace | name |\n| --- | --- | --- |\n| Secret | payments | payments-api-token |\n| StorageClass | - | io2-fast |\n"),
    (DEMO, "is(node) | sort name desc | list name, status.nodeInfo.kubeletVersion as kubelet | format csv",
        "name,kubelet\nip-10-0-3-54.eu-west-1.compute.internal,v1.33.4-eks-113cf36\nip-10-0-2-118.eu-west-1.compute.internal,v1.33.4-eks-113cf36\nip-10-0-1-37.eu-west-1.compute.internal,v1.33.4-eks-113cf36\n"),
    // `format` anywhere among the commands; the last one wins.
    (DEMO, "missing | format json | head 1 | format csv", "kind,namespace,name\nSecret,payments,payments-api-token\n"),
    // Errors: formats a result cannot take.
    (DEMO, "is(pod) | count | format json", "{\n  \"count\": 16\n}\n"),
    (DEMO, "is(pod) | count | format csv", "error: `count` cannot print as csv"),
    (DEMO, "is(pod) | dump | format csv", "error: `dump` cannot print as csv"),
    (DEMO, "is(pod) | aggregate(count() as n) | format dot", "error: `aggregate` cannot print as dot"),
    (DEMO, "is(pod) | dump | head 1", "error: commands after `dump` are not implemented yet"),
    (DEMO, "is(pod) | count | format table", "16\n"),
];

#[test]
fn golden_outputs() {
    check(GOLDEN);
}

#[test]
fn cli_format_is_the_default_and_the_query_format_wins() {
    let mut g = Graphs::new();
    assert_eq!(
        g.run(DEMO, "missing", Some(Format::Csv)),
        "kind,namespace,name\nSecret,payments,payments-api-token\nStorageClass,,io2-fast\n"
    );
    assert_eq!(
        g.run(DEMO, "missing | format csv", Some(Format::Json)),
        g.run(DEMO, "missing", Some(Format::Csv))
    );
    // `count` prints text, or JSON and YAML when asked.
    assert_eq!(
        g.run(DEMO, "is(pod) | count", Some(Format::Json)),
        "{\n  \"count\": 16\n}\n"
    );
    assert_eq!(
        g.run(DEMO, "is(pod) | count", Some(Format::Yaml)),
        "count: 16\n"
    );
    assert_eq!(g.run(DEMO, "is(pod) | count", Some(Format::Csv)), "16\n");
    // `dump` defaults to YAML, `-o json` makes it JSON.
    let yaml = g.run(DEMO, "is(node) | dump", None);
    assert_eq!(g.run(DEMO, "is(node) | dump", Some(Format::Table)), yaml);
    assert!(yaml.starts_with("apiVersion: v1\n"));
    let json: Value =
        serde_json::from_str(&g.run(DEMO, "is(node) | dump", Some(Format::Json))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    // Without any format, node results stay nodes.
    let (graph, idx, facts) = &g.0[DEMO];
    let ast = parse("missing").unwrap();
    let ctx = Ctx::new(graph, idx, facts);
    assert!(matches!(execute(&ctx, &ast), Ok(Output::Nodes(n)) if n.len() == 2));
}

#[test]
fn json_ndjson_and_yaml_read_back() {
    let mut g = Graphs::new();
    let q = "is(pod) and namespace = shop";
    let json: Value = serde_json::from_str(&g.text(DEMO, &format!("{q} | format json"))).unwrap();
    let nodes = json.as_array().unwrap();
    assert_eq!(nodes.len(), 6);
    let ndjson = g.text(DEMO, &format!("{q} | format ndjson"));
    let lines: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, nodes);
    for n in nodes {
        assert_eq!(n["kind"], "Pod");
        assert_eq!(n["namespace"], "shop");
        assert!(n["id"].as_str().unwrap().starts_with("demo/core/Pod/shop/"));
    }
    // yaml: the full objects, the same as `dump` (as JSON) gives.
    let yaml: Vec<Value> =
        serde_yaml_ng::from_str(&g.text(DEMO, &format!("{q} | format yaml"))).unwrap();
    let dumped: Vec<Value> =
        serde_json::from_str(&g.text(DEMO, &format!("{q} | dump | format json"))).unwrap();
    assert_eq!(yaml.len(), 6);
    assert_eq!(yaml, dumped);
    for (obj, node) in yaml.iter().zip(nodes) {
        assert_eq!(obj["metadata"]["name"], node["name"]);
        assert!(obj["spec"]["containers"].is_array());
    }
    // dump: YAML documents separated by `---`, each the same object.
    let dump = g.text(DEMO, &format!("{q} | dump"));
    assert_eq!(dump.matches("\n---\n").count(), 5);
    let docs: Vec<Value> = serde_yaml_ng::Deserializer::from_str(&dump)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .collect();
    assert_eq!(docs, dumped);
    // aggregate and list as JSON and YAML.
    let agg = "is(pod) | aggregate(namespace as ns: count() as n)";
    let a: Value = serde_json::from_str(&g.run(DEMO, agg, Some(Format::Json))).unwrap();
    let y: Value = serde_yaml_ng::from_str(&g.run(DEMO, agg, Some(Format::Yaml))).unwrap();
    assert_eq!(a, y);
    assert_eq!(a[2], serde_json::json!({"ns": "shop", "n": 6}));
}

/// Every base64 value of the demo's Secrets, as its source YAML has them (in `data` and in
/// the `last-applied-configuration` annotation).
fn demo_secret_values() -> BTreeSet<String> {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../sources/demo/landscape/demo.yaml"),
    )
    .unwrap();
    let mut found = BTreeSet::new();
    fn walk(v: &Value, found: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                if m.get("kind") == Some(&Value::from("Secret")) {
                    for key in ["data", "stringData"] {
                        if let Some(Value::Object(d)) = m.get(key) {
                            found.extend(d.values().filter_map(|x| x.as_str()).map(String::from));
                        }
                    }
                    let applied = &m["metadata"]["annotations"]
                        ["kubectl.kubernetes.io/last-applied-configuration"];
                    if let Some(s) = applied.as_str() {
                        walk(&serde_json::from_str(s).unwrap(), found);
                    }
                }
                m.values().for_each(|x| walk(x, found));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, found)),
            _ => {}
        }
    }
    for doc in serde_yaml_ng::Deserializer::from_str(&text) {
        let v: Value = serde::Deserialize::deserialize(doc).unwrap();
        walk(&v, &mut found);
    }
    found
}

#[test]
fn no_secret_value_in_dump_output() {
    let secrets = demo_secret_values();
    assert!(secrets.len() >= 6, "{secrets:?}");
    assert!(secrets.contains("ZGVtby1vbmx5LXJlZGlzLXBhc3N3b3Jk"));
    let mut g = Graphs::new();
    for (query, format) in [
        ("is(secret) | dump", None),
        ("is(secret) | dump", Some(Format::Json)),
        ("is(secret) | dump", Some(Format::Ndjson)),
        ("is(secret) | format yaml", None),
        ("all | dump", None),
    ] {
        let out = g.run(DEMO, query, format);
        assert!(
            out.contains("kind: Secret") || out.contains("\"Secret\""),
            "{query}"
        );
        for s in &secrets {
            assert!(!out.contains(s.as_str()), "{query} {format:?} leaks {s}");
        }
    }
    // The keys survive, the values are null.
    let dump = g.text(DEMO, "is(secret) and name = redis-auth | dump");
    assert!(dump.contains("data:\n  password: null\n"), "{dump}");
}

/// A graph with one ConfigMap whose name and label need CSV and Markdown quoting.
fn awkward() -> Graph {
    let yaml = r#"{"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "a,b \"c\"", "namespace": "ns",
                     "labels": {"note": "line1\nline2", "pipe": "x|y", "plain": "ok"}}}"#;
    let raw: kubegraph_model::json::Value = sonic_rs::from_str(yaml).unwrap();
    let obj = kubegraph_model::Object::from_value(raw).unwrap();
    kubegraph_relations::graph_from_objects("c", vec![obj]).0
}

#[test]
fn csv_and_markdown_quote_what_needs_it() {
    let g = awkward();
    let idx = QueryIndex::new(&g);
    let facts = GraphFacts::default();
    let run = |q: &str| match print_query(&g, &idx, &facts, &parse(q).unwrap(), None) {
        Ok(Printed::Text(t)) => t,
        Ok(Printed::Nodes(ns)) => panic!("nodes {ns:?}"),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        run("is(configmap) | format csv"),
        "kind,namespace,name\nConfigMap,ns,\"a,b \"\"c\"\"\"\n"
    );
    assert_eq!(
        run("is(configmap) | list name, labels.note, labels.pipe, labels.plain | format csv"),
        "name,labels.note,labels.pipe,labels.plain\n\"a,b \"\"c\"\"\",\"line1\nline2\",x|y,ok\n"
    );
    assert_eq!(
        run("is(configmap) | list name, labels.note, labels.pipe | format markdown"),
        "| name | labels.note | labels.pipe |\n| --- | --- | --- |\n| a,b \"c\" | line1<br>line2 | x\\|y |\n"
    );
    // JSON keeps the name exactly.
    let v: Value = serde_json::from_str(&run("is(configmap) | format json")).unwrap();
    assert_eq!(v[0]["name"], "a,b \"c\"");
}

/// Runs Graphviz on `dot` and returns the SVG, failing on any complaint.
fn graphviz_svg(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run Graphviz `dot`: install graphviz (apt-get install -y graphviz)");
    let input = dot.to_string();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot -Tsvg failed: {stderr}\n{dot}");
    assert!(stderr.trim().is_empty(), "dot complained: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn graph_formats_hold_the_result_nodes_and_the_edges_among_them() {
    let mut g = Graphs::new();
    let q = "is(deployment) and namespace = shop <-[0:1]->";
    let nodes: Value = serde_json::from_str(&g.text(DEMO, &format!("{q} | format json"))).unwrap();
    let ids: BTreeSet<&str> = nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() > 10);

    // cytoscape: every node once, edges only among them, and every such edge of the export.
    let cy: Value =
        serde_json::from_str(&g.text(DEMO, &format!("{q} | format cytoscape"))).unwrap();
    let cy_nodes: BTreeSet<&str> = cy["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(cy_nodes, ids);
    let (graph, _, _) = &g.0[DEMO];
    let mut want_edges = BTreeSet::new();
    for e in graph.edges() {
        let (f, t) = (graph.node_id_string(e.from), graph.node_id_string(e.to));
        if ids.contains(f.as_str()) && ids.contains(t.as_str()) {
            want_edges.insert((f, t, e.kind.as_str().to_string()));
        }
    }
    let cy_edges: BTreeSet<(String, String, String)> = cy["elements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let d = &e["data"];
            assert_eq!(d["source"], d["from"]);
            assert_eq!(d["target"], d["to"]);
            assert!(d["id"].as_str().unwrap().starts_with('e'));
            (
                d["source"].as_str().unwrap().to_string(),
                d["target"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(!want_edges.is_empty());
    assert_eq!(cy_edges, want_edges);

    // dot: Graphviz renders it; every node is there, and the drawn edges only among them.
    let dot = g.text(DEMO, &format!("{q} | format dot"));
    assert!(dot.starts_with("digraph kubegraph {\n"));
    let svg = graphviz_svg(&dot);
    assert_eq!(svg.matches("class=\"node\"").count(), ids.len());
    let drawn = dot.lines().filter(|l| l.contains(" -> ")).count();
    assert!(drawn > 0 && drawn <= want_edges.len());
    for l in dot.lines().filter(|l| l.contains(" -> ")) {
        let from = l.trim().split(" -> ").next().unwrap().trim_matches('"');
        assert!(ids.contains(from), "{l}");
    }

    // mermaid and graphml: one node line per node.
    let mermaid = g.text(DEMO, &format!("{q} | format mermaid"));
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert_eq!(
        mermaid.matches("[\"").count() - mermaid.matches("subgraph").count(),
        ids.len()
    );
    let graphml = g.text(DEMO, &format!("{q} | format graphml"));
    assert_eq!(graphml.matches("<node id=").count(), ids.len());
    assert_eq!(graphml.matches("<edge id=").count(), want_edges.len());

    // `list` then a graph format draws the listed nodes.
    assert_eq!(g.text(DEMO, &format!("{q} | list name | format dot")), dot);
}
