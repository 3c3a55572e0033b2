//! Every shape a dump comes in, through the binary: a list on one line (`kubectl get --raw`),
//! pretty (`kubectl get -o json`), as YAML (`kubectl get -o yaml`), a JSON array, concatenated
//! values, multi-document YAML, and gzip of each; large enough that the parallel split runs.
//! All give the same graph; a broken item in the middle of a big list is a located warning and
//! the rest loads.

use flate2::{write::GzEncoder, Compression};
use kubegraph_synth::{generate_with, Config, Detail, Format};
use std::io::Write;
use std::path::{Path, PathBuf};

mod common;
use common::{kubegraph, kubegraph_stdin};

/// 1200 pods: about 4000 objects, 5.5 MB on one line, past the 4 MB at which lists are split.
const PODS: usize = 1200;

fn synth(format: Format) -> Vec<u8> {
    let config = Config {
        format,
        detail: Detail::Lean,
        ..Config::new(PODS)
    };
    let mut out = Vec::new();
    generate_with(&config, &mut out).unwrap();
    out
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The export of the graph read from `path`, and the warnings.
fn export(path: &Path) -> (String, String) {
    let out = kubegraph(&[
        "--cluster",
        "c",
        "-f",
        path.to_str().unwrap(),
        "export",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}: {out:?}", path.display());
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_shape_gives_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let one_line = synth(Format::OneLine);
    assert!(one_line.len() > 4 << 20, "{} bytes", one_line.len());
    let list: serde_json::Value = serde_json::from_slice(&one_line).unwrap();
    let items = list["items"].as_array().unwrap();
    let array = serde_json::to_vec(items).unwrap();
    let mut stream = Vec::new();
    let mut multi_doc = String::new();
    for item in items {
        serde_json::to_writer(&mut stream, item).unwrap();
        stream.push(b'\n');
        multi_doc.push_str("---\n");
        multi_doc.push_str(&serde_yaml_ng::to_string(item).unwrap());
    }
    let yaml = synth(Format::Yaml);
    let shapes = [
        write(dir.path(), "one-line.json", &one_line),
        write(dir.path(), "pretty.json", &synth(Format::Pretty)),
        write(dir.path(), "list.yaml", &yaml),
        write(dir.path(), "array.json", &array),
        write(dir.path(), "stream.json", &stream),
        write(dir.path(), "multi.yaml", multi_doc.as_bytes()),
        write(dir.path(), "one-line.json.gz", &gz(&one_line)),
        write(dir.path(), "list.yaml.gz", &gz(&yaml)),
        write(dir.path(), "stream.json.gz", &gz(&stream)),
    ];
    let (first, warnings) = export(&shapes[0]);
    assert_eq!(warnings, "");
    let graph: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert!(
        graph["nodes"].as_array().unwrap().len() > items.len(),
        "every object is a node, and the cluster and namespaces too"
    );
    for shape in &shapes[1..] {
        let (other, warnings) = export(shape);
        assert_eq!(warnings, "", "{}", shape.display());
        assert!(other == first, "{} gives another graph", shape.display());
    }
    // A folder takes the compressed files too; stdin takes gzip as well.
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "dump.yaml.gz", &gz(&yaml));
    let out = kubegraph(&["-f", folder.path().to_str().unwrap(), "stats", "-o", "json"]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["objects"].as_u64().unwrap() as usize, items.len());
}

#[test]
fn gzip_on_stdin_and_broken_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let doc = b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n";
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kubegraph"));
    command.args(["-f", "-", "search", "is(configmap)", "-o", "json"]);
    let packed = gz(doc);
    let out = {
        use std::process::Stdio;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&packed).unwrap();
        child.wait_with_output().unwrap()
    };
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found[0]["name"], "a", "{out:?}");
    let mut broken = gz(&[b' '; 100_000]);
    broken.truncate(broken.len() / 2);
    let good = write(dir.path(), "good.yaml", doc);
    let bad = write(dir.path(), "bad.json.gz", &broken);
    let out = kubegraph(&[
        "-f",
        good.to_str().unwrap(),
        "-f",
        bad.to_str().unwrap(),
        "stats",
        "-o",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.json.gz: cannot read: invalid gzip data"),
        "{stderr}"
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["objects"], 1);
}

#[test]
fn a_broken_item_in_the_middle_of_a_big_list_is_located_and_the_rest_loads() {
    let one_line = synth(Format::OneLine);
    let list: serde_json::Value = serde_json::from_slice(&one_line).unwrap();
    let total = list["items"].as_array().unwrap().len();
    // Pretty, so that the item has a line of its own; its `kind` loses its closing quote.
    let mut pretty = String::from_utf8(synth(Format::Pretty)).unwrap();
    let at = pretty.len() / 2 + pretty[pretty.len() / 2..].find("\"kind\": \"").unwrap();
    let line = pretty[..at].matches('\n').count() + 1;
    pretty.replace_range(at..at + 9, "\"kind\": \"\n");
    let out = kubegraph_stdin(&["-f", "-", "stats", "-o", "json"], &pretty);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("<stdin>:{line}:"))
            && stderr.contains("invalid JSON in a list item"),
        "line {line}: {stderr}"
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["objects"].as_u64().unwrap() as usize, total - 1);
}
