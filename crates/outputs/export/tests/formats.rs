//! Every export format on real graphs (built by the file source and the relations engine), read
//! back by a real parser where one exists: Graphviz for dot, an XML parser for GraphML, and small
//! readers of exactly the syntax the Mermaid and Cypher writers produce.

use kubegraph_export::{
    write_cypher, write_dot, write_graphml, write_json, write_mermaid, View, Writer,
};
use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_graph::{Edge, Graph, Node};
use kubegraph_model::EdgeKind;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

/// A user name with everything the formats must escape: quotes of both kinds, a backslash, a
/// newline, markup, an entity, Mermaid's `#` codes, a colon, a backtick, non-ASCII, and a
/// trailing backslash (which would swallow a closing quote).
const NASTY_USER: &str = "o'brien \"x\"\\y\nline2 é <b>&amp; #quot; style:a#1;b `t` end\\";
const NASTY_LABEL: &str = "o'brien \"x\"\\y";

fn nasty_yaml() -> String {
    let user = serde_json::to_string(NASTY_USER).unwrap();
    let label = serde_json::to_string(NASTY_LABEL).unwrap();
    format!(
        r#"
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: {label}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    owner: {label}
spec:
  selector: {{matchLabels: {{app: web}}}}
  template:
    metadata: {{labels: {{app: web}}}}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        envFrom:
        - secretRef: {{name: gone}}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
  labels: {{app: web}}
spec:
  nodeName: node-a
  containers:
  - name: app
    image: nginx:1.25
    volumeMounts: [{{name: data, mountPath: /data}}]
  volumes:
  - name: data
    persistentVolumeClaim: {{claimName: data}}
  - name: cfg
    configMap: {{name: cfg}}
---
apiVersion: v1
kind: Service
metadata: {{name: web, namespace: shop}}
spec: {{selector: {{app: web}}, ports: [{{port: 80}}]}}
---
apiVersion: v1
kind: Service
metadata: {{name: ext, namespace: shop}}
spec: {{type: ExternalName, externalName: "db.example.com"}}
---
apiVersion: v1
kind: ConfigMap
metadata: {{name: cfg, namespace: shop}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: "a\"b\\c ü"
  namespace: "ns \"q\" \\"
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {{name: weird}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}}
subjects:
- kind: User
  name: {user}
- kind: User
  name: "trail\\"
- kind: Group
  name: "system:masters"
"#
    )
}

fn graph_of(cluster: &str, yaml: &str) -> Graph {
    let loaded = load_bytes("test.yaml", yaml.as_bytes(), &LoadOptions::default());
    assert!(
        loaded.diagnostics.is_empty(),
        "test input does not load cleanly: {:?}",
        loaded.diagnostics
    );
    kubegraph_relations::graph_from_objects(cluster, loaded.objects).0
}

fn nasty() -> Graph {
    graph_of("test", &nasty_yaml())
}

fn bookinfo() -> Graph {
    let path = kubegraph_fixtures::path("istio-bookinfo/platform/kube/bookinfo.yaml");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    graph_of("bookinfo", std::str::from_utf8(&bytes).unwrap())
}

/// Two clusters, so that the drawn formats nest namespaces inside cluster boxes.
fn two_clusters() -> Graph {
    let mut graph = Graph::new();
    for name in ["east", "west \"2\""] {
        let c = graph.add_cluster(name);
        let loaded = load_bytes("t.yaml", nasty_yaml().as_bytes(), &LoadOptions::default());
        for o in loaded.objects {
            graph.insert_object(c, o);
        }
    }
    kubegraph_relations::build(&mut graph);
    graph
}

fn all_graphs() -> Vec<(&'static str, Graph)> {
    vec![
        ("nasty", nasty()),
        ("bookinfo", bookinfo()),
        ("two clusters", two_clusters()),
        ("empty", Graph::new()),
    ]
}

fn render(graph: &Graph, write: Writer) -> String {
    let mut out = Vec::new();
    write(&View::whole(graph), &mut out).unwrap();
    String::from_utf8(out).expect("exports are UTF-8")
}

fn is_namespace(n: &Node) -> bool {
    n.parent.is_none() && n.object.group.is_empty() && n.object.kind == "Namespace"
}

/// The edges dot and mermaid draw: all but the `contains` edges their boxes stand for.
fn drawn_edges(graph: &Graph) -> Vec<&Edge> {
    graph
        .edges()
        .iter()
        .filter(|e| {
            if e.kind != EdgeKind::Contains {
                return true;
            }
            let (from, to) = (graph.node(e.from), graph.node(e.to));
            let by_cluster = graph.cluster_node(from.cluster) == e.from;
            let by_namespace = is_namespace(from)
                && (to.object.namespace.as_deref() == Some(from.object.name.as_str()));
            !(by_cluster || by_namespace)
        })
        .collect()
}

fn namespaces(graph: &Graph) -> BTreeSet<(u16, String)> {
    graph
        .nodes()
        .filter_map(|(_, n)| {
            let ns = if is_namespace(n) {
                Some(n.object.name.clone())
            } else {
                n.object.namespace.clone()
            };
            ns.map(|ns| (n.cluster.0, ns))
        })
        .collect()
}

#[test]
fn the_test_graph_has_what_the_escaping_tests_need() {
    let g = nasty();
    let names: Vec<&str> = g.nodes().map(|(_, n)| n.object.name.as_str()).collect();
    assert!(names.contains(&NASTY_USER), "{names:?}");
    assert!(names.contains(&"trail\\"));
    assert!(g.nodes().any(|(_, n)| n.missing()), "a placeholder");
    assert!(g.nodes().any(|(_, n)| n.parent.is_some()), "a container");
    assert!(g.edges().iter().any(|e| !e.attrs.is_empty()), "edge attrs");
    let kinds: BTreeSet<EdgeKind> = g.edges().iter().map(|e| e.kind).collect();
    for k in [
        EdgeKind::Contains,
        EdgeKind::Selects,
        EdgeKind::Mounts,
        EdgeKind::Uses,
        EdgeKind::Binds,
        EdgeKind::RunsOn,
    ] {
        assert!(kinds.contains(&k), "{k} edge missing from {kinds:?}");
    }
}

#[test]
fn every_format_is_deterministic() {
    for format in [
        write_json as Writer,
        write_dot,
        write_mermaid,
        write_graphml,
        write_cypher,
    ] {
        for (name, graph) in all_graphs() {
            let again = match name {
                "nasty" => nasty(),
                "bookinfo" => bookinfo(),
                "two clusters" => two_clusters(),
                _ => Graph::new(),
            };
            assert_eq!(
                render(&graph, format),
                render(&again, format),
                "{format:?} of {name} differs between two builds of the same input"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

#[test]
fn json_stays_parseable_and_shaped() {
    for (name, graph) in all_graphs() {
        let v: Value = serde_json::from_str(&render(&graph, write_json)).unwrap();
        let nodes = v["nodes"].as_array().unwrap();
        let edges = v["edges"].as_array().unwrap();
        assert_eq!(nodes.len(), graph.node_count(), "{name}");
        assert_eq!(edges.len(), graph.edge_count(), "{name}");
        let base = [
            "id",
            "cluster",
            "group",
            "version",
            "kind",
            "namespace",
            "name",
            "uid",
            "missing",
            "origin",
            "labels",
        ];
        for ((id, n), j) in graph.nodes().zip(nodes) {
            let keys: BTreeSet<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
            let mut want: BTreeSet<&str> = base.into_iter().collect();
            if n.parent.is_some() {
                want.insert("pod");
            }
            if n.origin == kubegraph_graph::Origin::Source
                && !kubegraph_export::node_attrs(&n.object).is_empty()
            {
                want.insert("attrs");
            }
            assert_eq!(keys, want, "{name}");
            assert_eq!(j["id"], graph.node_id_string(id));
            assert_eq!(j["name"], n.object.name.as_str());
        }
        for (e, j) in graph.edges().iter().zip(edges) {
            assert_eq!(j["from"], graph.node_id_string(e.from));
            assert_eq!(j["to"], graph.node_id_string(e.to));
            assert_eq!(j["kind"], e.kind.as_str());
            for (k, v) in &e.attrs {
                assert_eq!(&j[k], v);
            }
        }
    }
}

/// The node facts of the JSON contract (`attrs`), exactly, and none on placeholders.
#[test]
fn json_nodes_carry_the_facts_relations_are_judged_by() {
    let yaml = r#"
apiVersion: v1
kind: Service
metadata: {name: plain, namespace: a}
spec: {selector: {app: x}}
---
apiVersion: v1
kind: Service
metadata: {name: headless, namespace: a}
spec: {clusterIP: None, selector: {app: x}}
---
apiVersion: v1
kind: Service
metadata: {name: np, namespace: a}
spec: {type: NodePort, selector: {app: x}}
---
apiVersion: v1
kind: Secret
metadata: {name: tls, namespace: a}
type: kubernetes.io/tls
data: {tls.key: c2VjcmV0, tls.crt: Y2VydA==}
---
apiVersion: v1
kind: Secret
metadata: {name: opaque, namespace: a}
stringData: {b: x}
data: {a: eA==}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a}
data: {z: "1", y: "2"}
binaryData: {bin: AA==}
---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: a}
spec:
  hostNetwork: true
  containers: [{name: c, image: x}]
  volumes: [{name: v, persistentVolumeClaim: {claimName: gone}}]
status: {phase: Running}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds, namespace: a}
spec:
  selector: {matchLabels: {app: ds}}
  template:
    metadata: {labels: {app: ds}}
    spec: {hostNetwork: true, containers: [{name: c, image: x}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: agg}
aggregationRule: {clusterRoleSelectors: [{matchLabels: {a: b}}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: plain}
rules: []
"#;
    let loaded = load_bytes("facts.yaml", yaml.as_bytes(), &LoadOptions::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let graph = kubegraph_relations::graph_from_objects("c", loaded.objects).0;
    let v: Value = serde_json::from_str(&render(&graph, write_json)).unwrap();
    let attrs: BTreeMap<String, Value> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n.get("attrs").is_some())
        .map(|n| {
            (
                format!(
                    "{} {}",
                    n["kind"].as_str().unwrap(),
                    n["name"].as_str().unwrap()
                ),
                n["attrs"].clone(),
            )
        })
        .collect();
    let want: BTreeMap<String, Value> = [
        ("ClusterRole agg", serde_json::json!({"aggregated": true})),
        (
            "ConfigMap cm",
            serde_json::json!({"keys": ["bin", "y", "z"]}),
        ),
        ("DaemonSet ds", serde_json::json!({"host_network": true})),
        (
            "Pod agent",
            serde_json::json!({"phase": "Running", "host_network": true}),
        ),
        (
            "Secret opaque",
            serde_json::json!({"type": "Opaque", "keys": ["a", "b"]}),
        ),
        (
            "Secret tls",
            serde_json::json!({"type": "kubernetes.io/tls", "keys": ["tls.crt", "tls.key"]}),
        ),
        (
            "Service headless",
            serde_json::json!({"type": "ClusterIP", "headless": true}),
        ),
        (
            "Service np",
            serde_json::json!({"type": "NodePort", "headless": false}),
        ),
        (
            "Service plain",
            serde_json::json!({"type": "ClusterIP", "headless": false}),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    // The missing claim, the implied namespace, the cluster, containers and images: no attrs.
    assert_eq!(attrs, want);
}

// ---------------------------------------------------------------------------------------------
// dot

/// Runs Graphviz on `dot` and returns the SVG. Graphviz is the only judge of DOT that counts,
/// so a machine without it fails here rather than passing unchecked.
fn graphviz_svg(dot: &str) -> String {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => panic!(
            "cannot run Graphviz `dot` ({e}): install graphviz (apt-get install -y graphviz) \
             to run the dot export tests"
        ),
    };
    let mut stdin = child.stdin.take().unwrap();
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "dot -Tsvg failed ({}): {stderr}\n--- input ---\n{dot}",
        output.status
    );
    assert!(
        !stderr.contains("Error") && !stderr.contains("syntax"),
        "dot complained: {stderr}"
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Graphviz's SVG carries a DOCTYPE, which the XML parser refuses unless told.
fn parse_svg(svg: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(svg, opts).expect("Graphviz writes valid SVG")
}

fn svg_groups<'a>(svg: &'a roxmltree::Document, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    svg.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))
        .collect()
}

#[test]
fn dot_renders_with_graphviz_and_keeps_every_node_and_drawn_edge() {
    for (name, graph) in all_graphs() {
        let dot = render(&graph, write_dot);
        assert!(dot.starts_with("digraph kubegraph {\n"), "{name}");
        let svg = graphviz_svg(&dot);
        let doc = parse_svg(&svg);
        assert_eq!(
            svg_groups(&doc, "node").len(),
            graph.node_count(),
            "{name}: nodes"
        );
        assert_eq!(
            svg_groups(&doc, "edge").len(),
            drawn_edges(&graph).len(),
            "{name}: edges"
        );
        let clusters = graph.clusters().count();
        let boxes = namespaces(&graph).len() + if clusters > 1 { clusters } else { 0 };
        assert_eq!(svg_groups(&doc, "cluster").len(), boxes, "{name}: boxes");
    }
}

#[test]
fn dot_shows_names_exactly_as_written() {
    let graph = nasty();
    let svg = graphviz_svg(&render(&graph, write_dot));
    let doc = parse_svg(&svg);
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    // Graphviz draws each line of a label as its own <text>.
    for line in NASTY_USER.lines() {
        assert!(
            texts.contains(&line),
            "{line:?} not drawn; texts: {texts:?}"
        );
    }
    assert!(texts.contains(&"trail\\"), "{texts:?}");
    assert!(texts.contains(&"a\"b\\c ü"), "{texts:?}");
    assert!(
        texts.contains(&"ns \"q\" \\"),
        "namespace box label: {texts:?}"
    );
    assert!(texts.contains(&"apps/Deployment"), "group shown: {texts:?}");
    assert!(texts.contains(&"Pod"), "core kind bare: {texts:?}");
    assert!(
        texts.contains(&"Container"),
        "synthetic kind bare: {texts:?}"
    );
    assert!(texts.contains(&"User"), "RBAC user bare: {texts:?}");
}

#[test]
fn dot_marks_placeholders_and_labels_edges() {
    let graph = nasty();
    let dot = render(&graph, write_dot);
    let gone = dot
        .lines()
        .find(|l| l.contains("/Secret/shop/gone\""))
        .expect("the missing secret is drawn");
    assert!(
        gone.contains("dashed") && gone.contains("#dc2626"),
        "{gone}"
    );
    for e in drawn_edges(&graph) {
        assert!(dot.contains(&format!("[label=\"{}\"];", e.kind)));
    }
    assert!(
        !dot.contains("subgraph cluster_c0 {"),
        "one cluster needs no cluster box"
    );
    let two = render(&two_clusters(), write_dot);
    assert!(two.contains("  subgraph cluster_c0 {\n    label=\"east\";"));
    assert!(two.contains("  subgraph cluster_c1 {\n    label=\"west \\\"2\\\"\";"));
    assert!(two.contains("    subgraph cluster_c1_ns0 {"));
}

// ---------------------------------------------------------------------------------------------
// Mermaid

fn mermaid_decode(s: &str) -> String {
    assert!(!s.contains('"'), "raw quote in label {s:?}");
    let s = s.replace("<br/>", "\n");
    assert!(!s.contains('<') && !s.contains('>'), "raw markup in {s:?}");
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').expect("entity ends with ;") + i;
        let code = &rest[i + 1..end];
        let c = match code {
            "quot" => '"',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            n => char::from_u32(n.parse().unwrap_or_else(|_| panic!("bad code {n:?}"))).unwrap(),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

struct Mermaid {
    nodes: BTreeMap<u32, (String, bool)>,
    edges: Vec<(u32, String, u32)>,
    subgraph_titles: Vec<String>,
}

/// Reads back the subset of Mermaid the writer emits, failing on any other line.
fn read_mermaid(text: &str) -> Mermaid {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut m = Mermaid {
        nodes: BTreeMap::new(),
        edges: Vec::new(),
        subgraph_titles: Vec::new(),
    };
    let mut depth = 0usize;
    for line in lines {
        let l = line.trim_start();
        if l.starts_with("classDef missing ") {
            continue;
        } else if let Some(rest) = l.strip_prefix("subgraph ") {
            let (_, title) = rest.split_once("[\"").unwrap();
            let title = title.strip_suffix("\"]").unwrap();
            m.subgraph_titles.push(mermaid_decode(title));
            depth += 1;
        } else if l == "end" {
            depth = depth.checked_sub(1).expect("end without subgraph");
        } else if let Some((from, rest)) = l.split_once(" -->|") {
            let (kind, to) = rest.split_once("| ").unwrap();
            let id = |s: &str| s.strip_prefix('n').unwrap().parse::<u32>().unwrap();
            m.edges.push((id(from), kind.to_string(), id(to)));
        } else {
            let (id, rest) = l.split_once("[\"").unwrap_or_else(|| panic!("{line}"));
            let (label, class) = rest.rsplit_once("\"]").unwrap();
            assert!(class.is_empty() || class == ":::missing", "{line}");
            let id: u32 = id.strip_prefix('n').unwrap().parse().unwrap();
            let dup = m
                .nodes
                .insert(id, (mermaid_decode(label), class == ":::missing"));
            assert!(dup.is_none(), "node n{id} defined twice");
        }
    }
    assert_eq!(depth, 0, "unbalanced subgraphs");
    m
}

#[test]
fn mermaid_has_every_node_once_and_every_drawn_edge() {
    for (name, graph) in all_graphs() {
        let m = read_mermaid(&render(&graph, write_mermaid));
        assert_eq!(m.nodes.len(), graph.node_count(), "{name}");
        for (id, n) in graph.nodes() {
            let (label, missing) = &m.nodes[&id.0];
            let (kind, shown) = label.split_once('\n').unwrap();
            assert_eq!(shown, n.object.name, "{name}");
            assert!(kind.ends_with(&n.object.kind), "{name}: {kind}");
            assert_eq!(*missing, n.missing(), "{name}");
        }
        let want: Vec<(u32, String, u32)> = drawn_edges(&graph)
            .into_iter()
            .map(|e| (e.from.0, e.kind.to_string(), e.to.0))
            .collect();
        assert_eq!(m.edges, want, "{name}");
        let unique: BTreeSet<_> = m.edges.iter().collect();
        assert_eq!(unique.len(), m.edges.len(), "{name}: an edge twice");
        let clusters = graph.clusters().count();
        let boxes = namespaces(&graph).len() + if clusters > 1 { clusters } else { 0 };
        assert_eq!(m.subgraph_titles.len(), boxes, "{name}");
    }
}

/// Whether Mermaid's pre-pass (`/style.*:\S*#.*;/` and the same with `classDef`, applied per
/// line before parsing) would match `line` and strip a `;` from it.
fn style_pass_would_touch(line: &str) -> bool {
    let b = line.as_bytes();
    ["style", "classDef"].iter().any(|word| {
        line.match_indices(word).any(|(p, _)| {
            (p + word.len()..b.len()).any(|q| {
                b[q] == b':'
                    && (q + 1..b.len())
                        .take_while(|&r| !b[r].is_ascii_whitespace())
                        .any(|r| b[r] == b'#' && b[r + 1..].contains(&b';'))
            })
        })
    })
}

#[test]
fn mermaid_escapes_names() {
    let graph = nasty();
    let text = render(&graph, write_mermaid);
    assert!(text.contains("#quot;x#quot;#92;y<br/>line2"), "{text}");
    assert!(text.contains("style#58;a#35;1;b"), "{text}");
    assert!(text.contains("nginx:1.25"), "colons stay where harmless");
    for line in text.lines() {
        assert!(!style_pass_would_touch(line), "{line}");
    }
    assert!(style_pass_would_touch("n1[\"style:a#35;\"]"));
    let m = read_mermaid(&text);
    assert!(m.subgraph_titles.contains(&"ns \"q\" \\".to_string()));
    assert!(m
        .nodes
        .values()
        .any(|(l, _)| l == &format!("User\n{NASTY_USER}")));
    assert!(text.contains("classDef missing "));
}

// ---------------------------------------------------------------------------------------------
// GraphML

#[test]
fn graphml_parses_and_round_trips_every_field() {
    for (name, graph) in all_graphs() {
        let xml = render(&graph, write_graphml);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ns = "http://graphml.graphdrawing.org/xmlns";
        let root = doc.root_element();
        assert!(root.has_tag_name((ns, "graphml")));
        let keys: BTreeMap<&str, (&str, &str)> = root
            .children()
            .filter(|n| n.has_tag_name((ns, "key")))
            .map(|k| {
                (
                    k.attribute("id").unwrap(),
                    (
                        k.attribute("for").unwrap(),
                        k.attribute("attr.name").unwrap(),
                    ),
                )
            })
            .collect();
        for attr in [
            "id",
            "cluster",
            "group",
            "version",
            "kind",
            "namespace",
            "name",
            "uid",
            "missing",
            "origin",
            "labels",
        ] {
            assert!(keys.values().any(|k| *k == ("node", attr)), "key {attr}");
        }
        assert!(keys.values().any(|k| *k == ("edge", "kind")));
        assert!(keys.values().any(|k| *k == ("edge", "attrs")));

        let g = root
            .children()
            .find(|n| n.has_tag_name((ns, "graph")))
            .unwrap();
        assert_eq!(g.attribute("edgedefault"), Some("directed"));
        let data = |n: roxmltree::Node| -> BTreeMap<String, String> {
            n.children()
                .filter(|d| d.has_tag_name((ns, "data")))
                .map(|d| {
                    let key = d.attribute("key").unwrap();
                    (keys[key].1.to_string(), d.text().unwrap_or("").to_string())
                })
                .collect()
        };
        let xml_nodes: Vec<_> = g
            .children()
            .filter(|n| n.has_tag_name((ns, "node")))
            .collect();
        assert_eq!(xml_nodes.len(), graph.node_count(), "{name}: nodes");
        let mut by_xml_id = BTreeMap::new();
        for ((id, n), x) in graph.nodes().zip(&xml_nodes) {
            let d = data(*x);
            assert_eq!(d["id"], graph.node_id_string(id));
            assert_eq!(d["name"], n.object.name);
            assert_eq!(d["kind"], n.object.kind);
            assert_eq!(d.get("namespace"), n.object.namespace.as_ref());
            assert_eq!(d["missing"], n.missing().to_string());
            let labels: Value = serde_json::from_str(&d["labels"]).unwrap();
            let want = n
                .object
                .labels()
                .map_or(Value::Object(Default::default()), |l| {
                    serde_json::to_value(l).unwrap()
                });
            assert_eq!(labels, want);
            by_xml_id.insert(x.attribute("id").unwrap(), id);
        }
        let xml_edges: Vec<_> = g
            .children()
            .filter(|n| n.has_tag_name((ns, "edge")))
            .collect();
        assert_eq!(xml_edges.len(), graph.edge_count(), "{name}: edges");
        for (e, x) in graph.edges().iter().zip(&xml_edges) {
            assert_eq!(by_xml_id[x.attribute("source").unwrap()], e.from);
            assert_eq!(by_xml_id[x.attribute("target").unwrap()], e.to);
            let d = data(*x);
            assert_eq!(d["kind"], e.kind.as_str());
            let attrs: Value = serde_json::from_str(&d["attrs"]).unwrap();
            assert_eq!(attrs, Value::Object(e.attrs.to_map()));
        }
    }
}

#[test]
fn graphml_keeps_the_nasty_name_and_label() {
    let xml = render(&nasty(), write_graphml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&NASTY_USER));
    let owner = texts
        .iter()
        .filter_map(|t| serde_json::from_str::<Value>(t).ok())
        .any(|v| v.get("owner").and_then(Value::as_str) == Some(NASTY_LABEL));
    assert!(owner, "label value survives as JSON text");
}

// ---------------------------------------------------------------------------------------------
// Cypher

#[derive(Debug, PartialEq)]
enum Lit {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Lit>),
    Map(BTreeMap<String, Lit>),
}

impl Lit {
    fn map(&self) -> &BTreeMap<String, Lit> {
        match self {
            Lit::Map(m) => m,
            other => panic!("not a map: {other:?}"),
        }
    }
    fn str(&self) -> &str {
        match self {
            Lit::Str(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }
}

/// A reader of Cypher literals as the openCypher grammar defines them (the subset the writer
/// uses): single-quoted strings with backslash escapes, integers, floats, booleans, lists, and
/// maps with plain or backtick-quoted keys.
struct LitReader<'a> {
    s: &'a [u8],
    i: usize,
}

impl LitReader<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, c: u8) {
        assert!(
            self.eat(c),
            "expected {:?} at {}: {:?}",
            c as char,
            self.i,
            String::from_utf8_lossy(&self.s[self.i..(self.i + 40).min(self.s.len())])
        );
    }
    fn value(&mut self) -> Lit {
        self.ws();
        match self.s[self.i] {
            b'\'' => Lit::Str(self.string()),
            b'[' => {
                self.i += 1;
                let mut v = Vec::new();
                if !self.eat(b']') {
                    loop {
                        v.push(self.value());
                        if self.eat(b']') {
                            break;
                        }
                        self.expect(b',');
                    }
                }
                Lit::List(v)
            }
            b'{' => {
                self.i += 1;
                let mut m = BTreeMap::new();
                if !self.eat(b'}') {
                    loop {
                        let k = self.key();
                        self.expect(b':');
                        let v = self.value();
                        assert!(m.insert(k.clone(), v).is_none(), "key {k} twice");
                        if self.eat(b'}') {
                            break;
                        }
                        self.expect(b',');
                    }
                }
                Lit::Map(m)
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && (self.s[self.i].is_ascii_alphanumeric() || b"-+.".contains(&self.s[self.i]))
                {
                    self.i += 1;
                }
                let w = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                match w {
                    "true" => Lit::Bool(true),
                    "false" => Lit::Bool(false),
                    w if w.contains(['.', 'e', 'E']) => Lit::Float(w.parse().unwrap()),
                    w => Lit::Int(w.parse().unwrap_or_else(|_| panic!("literal {w:?}"))),
                }
            }
        }
    }
    fn key(&mut self) -> String {
        self.ws();
        if self.s[self.i] == b'`' {
            let mut k = Vec::new();
            self.i += 1;
            loop {
                if self.s[self.i] == b'`' {
                    if self.s.get(self.i + 1) == Some(&b'`') {
                        k.push(b'`');
                        self.i += 2;
                        continue;
                    }
                    self.i += 1;
                    break;
                }
                k.push(self.s[self.i]);
                self.i += 1;
            }
            String::from_utf8(k).unwrap()
        } else {
            let start = self.i;
            while self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_' {
                self.i += 1;
            }
            String::from_utf8(self.s[start..self.i].to_vec()).unwrap()
        }
    }
    fn string(&mut self) -> String {
        assert_eq!(self.s[self.i], b'\'');
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.s[self.i];
            assert!(
                c != b'\n' && c != b'\r',
                "raw line break in a string literal"
            );
            self.i += 1;
            match c {
                b'\'' => break,
                b'\\' => {
                    let e = self.s[self.i];
                    self.i += 1;
                    match e {
                        b'\\' => out.push(b'\\'),
                        b'\'' => out.push(b'\''),
                        b'"' => out.push(b'"'),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
                            self.i += 4;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap();
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        other => panic!("unknown escape \\{}", other as char),
                    }
                }
                c => out.push(c),
            }
        }
        String::from_utf8(out).unwrap()
    }
}

struct CypherScript {
    /// (label, rows) per node statement.
    node_batches: Vec<(String, Vec<Lit>)>,
    /// (relationship type, rows) per relationship statement.
    edge_batches: Vec<(String, Vec<Lit>)>,
}

/// Splits the script into its statements and reads the UNWIND lists, checking that every
/// statement is one of the three shapes the writer promises.
fn read_cypher(script: &str) -> CypherScript {
    let mut lines = script.lines().peekable();
    assert!(lines.next().unwrap().starts_with("// kubegraph export: "));
    assert_eq!(
        lines.next(),
        Some(
            "CREATE CONSTRAINT kubegraph_k8s_id IF NOT EXISTS FOR (n:K8s) REQUIRE n.id IS UNIQUE;"
        )
    );
    let rest: Vec<&str> = lines.collect();
    let rest = rest.join("\n");
    let mut s = CypherScript {
        node_batches: Vec::new(),
        edge_batches: Vec::new(),
    };
    let mut r = LitReader {
        s: rest.as_bytes(),
        i: 0,
    };
    loop {
        r.ws();
        if r.i == r.s.len() {
            break;
        }
        assert!(rest[r.i..].starts_with("UNWIND "), "{}", &rest[r.i..]);
        r.i += "UNWIND ".len();
        let Lit::List(rows) = r.value() else {
            panic!("UNWIND of a non-list")
        };
        let tail = &rest[r.i..];
        let end = tail.find(";\n").map_or(tail.len() - 1, |e| e) + 1;
        let stmt = &tail[..end];
        r.i += end;
        if let Some(l) = stmt.strip_prefix(" AS row\nMERGE (n:K8s {id: row.id})\nSET n = row, n:`")
        {
            let label = l.strip_suffix("`;").unwrap();
            s.node_batches.push((label.to_string(), rows));
        } else if let Some(t) = stmt.strip_prefix(
            " AS row\nMATCH (a:K8s {id: row.from})\nMATCH (b:K8s {id: row.to})\nMERGE (a)-[r:`",
        ) {
            let ty = t.strip_suffix("`]->(b)\nSET r = row.props;").unwrap();
            s.edge_batches.push((ty.to_string(), rows));
        } else {
            panic!("unexpected statement: {stmt}");
        }
    }
    s
}

#[test]
fn cypher_creates_every_node_and_relationship_once() {
    for (name, graph) in all_graphs() {
        let script = read_cypher(&render(&graph, write_cypher));
        let mut seen = BTreeMap::new();
        for (label, rows) in &script.node_batches {
            assert!(!rows.is_empty() && rows.len() <= 500);
            for row in rows {
                let m = row.map();
                let id = m["id"].str().to_string();
                assert!(
                    seen.insert(id.clone(), (label.clone(), m)).is_none(),
                    "{id} twice"
                );
            }
        }
        assert_eq!(seen.len(), graph.node_count(), "{name}");
        for (id, n) in graph.nodes() {
            let (label, m) = &seen[&graph.node_id_string(id)];
            let o = &n.object;
            assert_eq!(
                label,
                &o.kind.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
            );
            assert_eq!(m["name"].str(), o.name);
            assert_eq!(m["kind"].str(), o.kind);
            assert_eq!(m["group"].str(), o.group);
            assert_eq!(m["cluster"].str(), graph.cluster_name(n.cluster));
            assert_eq!(m.get("namespace").map(Lit::str), o.namespace.as_deref());
            assert_eq!(m["missing"], Lit::Bool(n.missing()));
        }
        let mut rels = Vec::new();
        for (ty, rows) in &script.edge_batches {
            assert!(!rows.is_empty() && rows.len() <= 500);
            for row in rows {
                let m = row.map();
                rels.push((
                    m["from"].str().to_string(),
                    ty.clone(),
                    m["to"].str().to_string(),
                    m["props"].map(),
                ));
            }
        }
        assert_eq!(rels.len(), graph.edge_count(), "{name}");
        let by_key: BTreeMap<_, _> = rels
            .iter()
            .map(|(f, t, to, p)| ((f.clone(), t.clone(), to.clone()), *p))
            .collect();
        assert_eq!(by_key.len(), rels.len(), "{name}: a relationship twice");
        for e in graph.edges() {
            let key = (
                graph.node_id_string(e.from),
                e.kind.as_str().to_uppercase(),
                graph.node_id_string(e.to),
            );
            let props = by_key
                .get(&key)
                .unwrap_or_else(|| panic!("{key:?} missing"));
            assert_eq!(props.len(), e.attrs.len());
            for (k, v) in &e.attrs {
                match (v, &props[k]) {
                    (Value::String(a), Lit::Str(b)) => assert_eq!(a, b),
                    (Value::Bool(a), Lit::Bool(b)) => assert_eq!(a, b),
                    (Value::Number(a), Lit::Int(b)) => assert_eq!(a.as_i64(), Some(*b)),
                    (v @ (Value::Array(_) | Value::Object(_)), Lit::Str(b)) => {
                        assert_eq!(&serde_json::from_str::<Value>(b).unwrap(), v)
                    }
                    (a, b) => panic!("attr {k}: {a:?} written as {b:?}"),
                }
            }
        }
    }
}

#[test]
fn cypher_escapes_strings() {
    let text = render(&nasty(), write_cypher);
    assert!(
        text.contains(r#"name: 'o\'brien "x"\\y\nline2 é <b>&amp; #quot; style:a#1;b `t` end\\'"#)
    );
    let script = read_cypher(&text);
    let names: Vec<String> = script
        .node_batches
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.map()["name"].str().to_string()))
        .collect();
    assert!(names.contains(&NASTY_USER.to_string()));
    let labels: Vec<&str> = script
        .node_batches
        .iter()
        .flat_map(|(_, rows)| rows.iter().filter_map(|r| r.map().get("labels")))
        .map(Lit::str)
        .collect();
    assert!(labels
        .iter()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .any(|v| v.get("owner").and_then(Value::as_str) == Some(NASTY_LABEL)));
    let types: BTreeSet<&str> = script
        .edge_batches
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    for t in ["CONTAINS", "RUNS_ON", "BINDS", "USES", "MOUNTS", "SELECTS"] {
        assert!(types.contains(t), "{t} in {types:?}");
    }
}

#[test]
fn cypher_batches_large_kinds() {
    let mut yaml = String::new();
    for i in 0..1203 {
        yaml.push_str(&format!(
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}, namespace: big}}\n"
        ));
    }
    let graph = graph_of("big", &yaml);
    let script = read_cypher(&render(&graph, write_cypher));
    let sizes: Vec<usize> = script
        .node_batches
        .iter()
        .filter(|(l, _)| l == "ConfigMap")
        .map(|(_, r)| r.len())
        .collect();
    assert_eq!(sizes, [500, 500, 203]);
    let contains: Vec<usize> = script
        .edge_batches
        .iter()
        .filter(|(t, _)| t == "CONTAINS")
        .map(|(_, r)| r.len())
        .collect();
    // 1203 config maps plus the namespace itself under the cluster.
    assert_eq!(contains, [500, 500, 204]);
}
