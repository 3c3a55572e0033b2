use super::*;

fn load(text: &str) -> Loaded {
    load_bytes("test.yaml", text.as_bytes(), &LoadOptions::default())
}

fn names(l: &Loaded) -> Vec<String> {
    l.objects
        .iter()
        .map(|o| {
            format!(
                "{}/{}/{}",
                o.kind,
                o.namespace.as_deref().unwrap_or("-"),
                o.name
            )
        })
        .collect()
}

#[test]
fn multi_document_yaml_with_a_broken_document_keeps_the_rest() {
    let l = load(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: Pod\nmetadata:\n  name: [oops\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n",
    );
    assert_eq!(names(&l), ["ConfigMap/default/a", "Secret/default/b"]);
    assert_eq!(l.diagnostics.len(), 1);
    let d = &l.diagnostics[0];
    let loc = d.location.as_ref().unwrap();
    assert_eq!(loc.file, "test.yaml");
    assert_eq!(loc.line, Some(8), "{d}");
    assert!(d.message.starts_with("invalid YAML"), "{d}");
    assert!(d.hint.is_some());
}

#[test]
fn yaml_1_1_bare_equals_loads_as_a_string() {
    let l =
        load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  op: =\n  port: 80\n");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.objects[0].raw["data"]["op"], "=");
}

#[test]
fn yaml_integer_keys_load() {
    let l = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  80: http\n");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.objects[0].raw["data"]["80"], "http");
}

#[test]
fn typed_lists_give_their_items_a_kind() {
    let json = r#"{"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"1"},
        "items":[{"metadata":{"name":"p1","namespace":"x"}},{"metadata":{"name":"p2","namespace":"y"}}]}"#;
    let l = load_bytes("pods.json", json.as_bytes(), &LoadOptions::default());
    assert_eq!(names(&l), ["Pod/x/p1", "Pod/y/p2"]);
    assert_eq!(l.objects[0].version, "v1");
}

#[test]
fn generic_lists_and_top_level_arrays_expand() {
    let json = r#"[{"apiVersion":"v1","kind":"List","items":[
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"}},
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}]},
        {"apiVersion":"v1","kind":"NamespaceList","items":[{"metadata":{"name":"n"}}]}]"#;
    let l = load_bytes("a.json", json.as_bytes(), &LoadOptions::default());
    assert_eq!(
        names(&l),
        ["Service/default/s", "Deployment/default/d", "Namespace/-/n"]
    );
}

#[test]
fn kindless_objects_use_their_self_link() {
    let json = r#"{"metadata":{"name":"etcd-0","namespace":"openshift-etcd","selfLink":"/api/v1/namespaces/openshift-etcd/pods/etcd-0"}}"#;
    let l = load_bytes("pod.json", json.as_bytes(), &LoadOptions::default());
    assert_eq!(names(&l), ["Pod/openshift-etcd/etcd-0"]);
    let l = load_bytes(
        "x.json",
        br#"{"metadata":{"name":"mystery"}}"#,
        &LoadOptions::default(),
    );
    assert!(l.objects.is_empty());
    assert!(
        l.diagnostics[0].message.contains("no `kind`"),
        "{:?}",
        l.diagnostics
    );
}

#[test]
fn broken_json_names_line_and_column() {
    let l = load_bytes(
        "a.json",
        b"{\"kind\": \"Pod\",\n \"metadata\": {\"name\": }}",
        &LoadOptions::default(),
    );
    assert!(l.objects.is_empty());
    let loc = l.diagnostics[0].location.as_ref().unwrap();
    assert_eq!(
        (loc.line, loc.column),
        (Some(2), Some(23)),
        "{}",
        l.diagnostics[0]
    );
}

#[test]
fn concatenated_json_values_all_load() {
    let l = load_bytes(
        "w.json",
        br#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"}}"#,
        &LoadOptions::default(),
    );
    assert_eq!(names(&l), ["Pod/default/a", "Pod/default/b"]);
}

#[test]
fn namespaces_default_for_namespaced_kinds_only() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r, namespace: ignored}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: gadgets.example.com}\nspec: {group: example.com, scope: Namespaced, names: {kind: Gadget, plural: gadgets}}\n";
    let l = load_bytes(
        "a.yaml",
        text.as_bytes(),
        &LoadOptions {
            default_namespace: "team".into(),
        },
    );
    let n = names(&l);
    assert!(n.contains(&"Pod/team/p".to_string()), "{n:?}");
    assert!(n.contains(&"ClusterRole/-/r".to_string()), "{n:?}");
    // An unknown kind with no CRD in the input keeps what the document says.
    assert!(n.contains(&"Widget/-/w".to_string()), "{n:?}");
    // A CRD in the input says Gadget is namespaced.
    assert!(n.contains(&"Gadget/team/g".to_string()), "{n:?}");
    assert_eq!(l.objects[0].raw["metadata"]["namespace"], "team");
}

#[test]
fn duplicates_last_wins_with_a_warning() {
    let l = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: '1'}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: '2'}\n");
    assert_eq!(l.objects.len(), 1);
    assert_eq!(l.objects[0].raw["data"]["v"], "2");
    assert_eq!(l.diagnostics.len(), 1);
    assert!(
        l.diagnostics[0].to_string().contains("test.yaml:1"),
        "{}",
        l.diagnostics[0]
    );
    assert_eq!(l.diagnostics[0].location.as_ref().unwrap().line, Some(6));
}

#[test]
fn scalars_and_non_utf8_are_diagnosed() {
    let l = load("just a string\n");
    assert!(l.objects.is_empty());
    assert!(
        l.diagnostics[0].message.contains("found a string"),
        "{:?}",
        l.diagnostics
    );
    let l = load_bytes("bin.yaml", b"\xff\xfe", &LoadOptions::default());
    assert!(l.diagnostics[0].message.contains("UTF-8"));
}

#[test]
fn directories_are_walked_recursively_and_missing_paths_fail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub/.hidden")).unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sub/b.json"),
        r#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("sub/notes.txt"), "kind: ConfigMap").unwrap();
    std::fs::write(
        dir.path().join("sub/.hidden/c.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
    )
    .unwrap();
    let l = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(names(&l), ["ConfigMap/default/a", "ConfigMap/default/b"]);
    assert_eq!(l.files, 2);
    let err = load_paths(&[dir.path().join("nope")], &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("nope"));
}

#[test]
fn kindless_objects_take_their_kind_from_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, body: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    };
    write(
        "config/pod/team-a/web-1.json",
        r#"{"metadata":{"name":"web-1","namespace":"team-a"}}"#,
    );
    write(
        "clusterroles/admin.json",
        r#"{"metadata":{"name":"admin"}}"#,
    );
    write(
        "namespaces/team-a/widgets/w.json",
        r#"{"metadata":{"name":"w"}}"#,
    );
    let l = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(names(&l), ["ClusterRole/-/admin", "Pod/team-a/web-1"]);
    assert_eq!(l.objects[0].group, "rbac.authorization.k8s.io");
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    assert!(l.diagnostics[0].to_string().contains("widgets/w.json"));
}

#[test]
fn yaml_error_context_positions_count_from_the_file_start() {
    let l = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n");
    assert_eq!(l.objects.len(), 1);
    let d = l.diagnostics[0].to_string();
    assert!(d.starts_with("test.yaml:9:1: invalid YAML: did not find expected ',' or ']', while parsing a flow sequence at line 8 column 9"), "{d}");
}

/// A list big enough to be split into items and parsed in parallel batches.
fn big_list(items: usize, broken: Option<usize>) -> Vec<u8> {
    let mut doc = String::from("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
    for i in 0..items {
        if i > 0 {
            doc.push_str(",\n");
        }
        if Some(i) == broken {
            doc.push_str("        {\"metadata\": {\"name\": }}");
            continue;
        }
        // No `kind`: a typed list gives it; padding makes the document cross the split threshold.
        doc.push_str(&format!(
            "        {{\"metadata\": {{\"name\": \"cm-{i}\", \"namespace\": \"ns-{}\"}}, \"data\": {{\"pad\": \"{}\"}}}}",
            i % 7,
            "x".repeat(200)
        ));
    }
    doc.push_str("\n    ],\n    \"kind\": \"ConfigMapList\",\n    \"metadata\": {}\n}\n");
    doc.into_bytes()
}

#[test]
fn large_lists_parse_item_by_item_in_order() {
    let doc = big_list(30_000, None);
    assert!(doc.len() > 4 << 20, "the document must take the split path");
    let l = load_bytes("big.json", &doc, &LoadOptions::default());
    assert!(l.diagnostics.is_empty(), "{:?}", &l.diagnostics[..1]);
    assert_eq!(l.objects.len(), 30_000);
    assert_eq!(l.objects[0].kind, "ConfigMap");
    assert_eq!(l.objects[29_999].name, "cm-29999");
    assert_eq!(l.objects[29_999].namespace.as_deref(), Some("ns-4"));
}

#[test]
fn a_broken_item_of_a_large_list_is_skipped_with_its_line() {
    let doc = big_list(30_000, Some(20_000));
    let l = load_bytes("big.json", &doc, &LoadOptions::default());
    assert_eq!(l.objects.len(), 29_999);
    assert_eq!(l.diagnostics.len(), 1);
    let loc = l.diagnostics[0].location.as_ref().unwrap();
    // Three header lines, then one item per line.
    assert_eq!(loc.line, Some(20_004), "{}", l.diagnostics[0]);
    assert_eq!(loc.column, Some(31), "{}", l.diagnostics[0]);
}

#[test]
fn the_split_path_never_accepts_what_json_rejects() {
    // Form feed is whitespace to `u8::is_ascii_whitespace` but not to JSON; the split_agrees
    // fuzz target found the scanner accepting `[\x0c]`.
    for doc in [
        &b"[\x0c]"[..],
        b"{\"kind\": \"List\", \"items\": [\x0c{}]}",
        b"[{} \x0c]",
    ] {
        let whole = load_bytes("f.json", doc, &LoadOptions::default());
        let split = load_json_split("f.json", doc, &LoadOptions::default());
        assert!(
            !whole.diagnostics.is_empty(),
            "{}",
            String::from_utf8_lossy(doc)
        );
        assert!(
            !split.diagnostics.is_empty(),
            "{}",
            String::from_utf8_lossy(doc)
        );
    }
}

/// A ConfigMap whose `data` holds `depth` nested block mappings, as YAML.
fn deep_yaml(name: &str, depth: usize) -> String {
    let mut s = format!("- apiVersion: v1\n  kind: ConfigMap\n  metadata: {{name: {name}, namespace: x}}\n  deep:\n");
    for level in 0..depth {
        s.push_str(&" ".repeat(4 + 2 * level));
        s.push_str("k:\n");
    }
    s.push_str(&" ".repeat(4 + 2 * depth));
    s.push_str("v\n");
    s
}

/// Deeply nested input is read on the loader's worker threads (a document, a large list's
/// items, a JSON batch): it must load or be a located warning, never overflow a thread's stack
/// (which aborts the process; debug builds use far more stack per level).
#[test]
fn deeply_nested_input_loads_or_warns_and_never_overflows_a_stack() {
    // A large YAML list, so that its items are parsed in parallel, with one item nested as
    // deep as serde's limit allows and one nested far deeper.
    let mut yaml = String::from("apiVersion: v1\nkind: List\nitems:\n");
    yaml.push_str(&deep_yaml("deep", 120));
    for i in 0.. {
        if yaml.len() > SPLIT_MIN_BYTES + 1000 {
            break;
        }
        yaml.push_str(&format!(
            "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {{name: f{i}, namespace: x}}\n  data: {{a: b}}\n"
        ));
    }
    yaml.push_str(&deep_yaml("deeper", 300));
    let l = load_bytes("deep.yaml", yaml.as_bytes(), &LoadOptions::default());
    assert!(
        names(&l).contains(&"ConfigMap/x/deep".to_string()),
        "{:?}",
        l.diagnostics
    );
    assert!(!names(&l).contains(&"ConfigMap/x/deeper".to_string()));
    assert_eq!(
        l.diagnostics.len(),
        1,
        "{:?}",
        &l.diagnostics[..3.min(l.diagnostics.len())]
    );
    let d = &l.diagnostics[0];
    assert!(d.message.contains("recursion limit"), "{d}");
    assert!(d.location.as_ref().unwrap().line.is_some(), "{d}");

    // The same as JSON: a list large enough to be split, and a stream of values.
    let deep_json = |name: &str, depth: usize| {
        format!(
            r#"{{"apiVersion":"v1","kind":"ConfigMap","metadata":{{"name":"{name}","namespace":"x"}},"deep":{}1{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let mut items = vec![deep_json("deep", 120)];
    for i in 0.. {
        if items.iter().map(String::len).sum::<usize>() > SPLIT_MIN_BYTES + 1000 {
            break;
        }
        items.push(format!(
            r#"{{"apiVersion":"v1","kind":"ConfigMap","metadata":{{"name":"f{i}","namespace":"x"}},"data":{{"a":"b"}}}}"#
        ));
    }
    items.push(deep_json("deeper", 100_000));
    let list = format!(
        r#"{{"apiVersion":"v1","kind":"List","items":[{}]}}"#,
        items.join(",")
    );
    for (what, text) in [("list", list), ("stream", items.join("\n"))] {
        let l = load_bytes("deep.json", text.as_bytes(), &LoadOptions::default());
        let few = &l.diagnostics[..3.min(l.diagnostics.len())];
        assert!(
            names(&l).contains(&"ConfigMap/x/deep".to_string()),
            "{what}: {few:?}"
        );
        assert!(
            !names(&l).contains(&"ConfigMap/x/deeper".to_string()),
            "{what}"
        );
        let few = &l.diagnostics[..3.min(l.diagnostics.len())];
        assert_eq!(l.diagnostics.len(), 1, "{what}: {few:?}");
        let loc = l.diagnostics[0].location.as_ref().unwrap();
        assert!(loc.line.is_some(), "{what}: {few:?}");
    }
}
