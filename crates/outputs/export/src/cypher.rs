//! A Cypher script for `cypher-shell` (Neo4j 4.4 and later): a uniqueness constraint on
//! `:K8s(id)`, then nodes and relationships in `UNWIND` batches of literal rows.
//!
//! Labels and relationship types cannot be parameters, so rows are grouped by kind label (nodes)
//! and by edge kind (relationships), one statement per batch of each. `MERGE` on the constrained
//! id makes a second run of the same script update rather than duplicate.

use crate::origin_str;
use crate::view::View;
use kubegraph_graph::{Edge, Graph, NodeId};
use kubegraph_model::EdgeKind;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Rows per statement: large enough that a million nodes is a few thousand statements, small
/// enough that one statement's transaction stays modest.
pub(crate) const BATCH: usize = 500;

pub(crate) fn write(view: &View, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    writeln!(
        out,
        "// kubegraph export: {} nodes, {} relationships. Load with: cypher-shell -f FILE",
        view.node_count(),
        view.edge_count()
    )?;
    out.write_all(
        b"CREATE CONSTRAINT kubegraph_k8s_id IF NOT EXISTS FOR (n:K8s) REQUIRE n.id IS UNIQUE;\n",
    )?;

    let mut by_label: BTreeMap<String, Vec<NodeId>> = BTreeMap::new();
    for id in view.nodes() {
        let n = graph.node(id);
        by_label.entry(label(&n.object.kind)).or_default().push(id);
    }
    let mut row = String::new();
    for (label, ids) in &by_label {
        for batch in ids.chunks(BATCH) {
            out.write_all(b"UNWIND [\n")?;
            for (i, &id) in batch.iter().enumerate() {
                row.clear();
                if i > 0 {
                    row.push_str(",\n");
                }
                node_row(graph, id, &mut row);
                out.write_all(row.as_bytes())?;
            }
            writeln!(
                out,
                "\n] AS row\nMERGE (n:K8s {{id: row.id}})\nSET n = row, n:`{label}`;"
            )?;
        }
    }

    let mut by_kind: BTreeMap<EdgeKind, Vec<&Edge>> = BTreeMap::new();
    for (_, e) in view.edges() {
        by_kind.entry(e.kind).or_default().push(e);
    }
    for (kind, edges) in &by_kind {
        let ty = kind.as_str().to_ascii_uppercase();
        for batch in edges.chunks(BATCH) {
            out.write_all(b"UNWIND [\n")?;
            for (i, e) in batch.iter().enumerate() {
                row.clear();
                if i > 0 {
                    row.push_str(",\n");
                }
                edge_row(graph, e, &mut row);
                out.write_all(row.as_bytes())?;
            }
            writeln!(
                out,
                "\n] AS row\nMATCH (a:K8s {{id: row.from}})\nMATCH (b:K8s {{id: row.to}})\n\
                 MERGE (a)-[r:`{ty}`]->(b)\nSET r = row.props;"
            )?;
        }
    }
    Ok(())
}

fn node_row(graph: &Graph, id: NodeId, row: &mut String) {
    let n = graph.node(id);
    let o = &n.object;
    row.push_str("{id: ");
    string(row, &graph.node_id_string(id));
    row.push_str(", cluster: ");
    string(row, graph.cluster_name(n.cluster));
    row.push_str(", group: ");
    string(row, &o.group);
    row.push_str(", version: ");
    string(row, &o.version);
    row.push_str(", kind: ");
    string(row, &o.kind);
    // An absent property is how Neo4j says null; a null in the map would be dropped anyway.
    if let Some(ns) = &o.namespace {
        row.push_str(", namespace: ");
        string(row, ns);
    }
    row.push_str(", name: ");
    string(row, &o.name);
    if let Some(uid) = &o.uid {
        row.push_str(", uid: ");
        string(row, uid);
    }
    row.push_str(if n.missing() {
        ", missing: true"
    } else {
        ", missing: false"
    });
    row.push_str(", origin: ");
    string(row, origin_str(n.origin));
    if let Some(labels) = o.labels().filter(|l| !l.is_empty()) {
        row.push_str(", labels: ");
        string(row, &serde_json::to_string(labels).unwrap_or_default());
    }
    if let Some(pod) = n.parent {
        row.push_str(", pod: ");
        string(row, &graph.node_id_string(pod));
    }
    row.push('}');
}

fn edge_row(graph: &Graph, e: &Edge, row: &mut String) {
    row.push_str("{from: ");
    string(row, &graph.node_id_string(e.from));
    row.push_str(", to: ");
    string(row, &graph.node_id_string(e.to));
    row.push_str(", props: {");
    let mut first = true;
    for (k, v) in &e.attrs {
        if v.is_null() {
            continue;
        }
        if !first {
            row.push_str(", ");
        }
        first = false;
        // Every key is quoted: attribute names come from data and may be keywords or contain
        // characters an identifier cannot.
        row.push('`');
        row.push_str(&k.replace('`', "``"));
        row.push_str("`: ");
        scalar(row, v);
    }
    row.push_str("}}");
}

/// A property value: strings, booleans and numbers as themselves; lists and maps (which Neo4j
/// cannot store as such) as their JSON text.
fn scalar(row: &mut String, v: &Value) {
    match v {
        Value::Bool(b) => row.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let _ = write!(row, "{i}");
            } else if n.is_u64() {
                // Beyond Cypher's 64-bit signed integers: kept exact as text.
                string(row, &n.to_string());
            } else {
                let _ = write!(row, "{}", n);
            }
        }
        Value::String(s) => string(row, s),
        Value::Null => row.push_str("null"),
        Value::Array(_) | Value::Object(_) => string(row, &v.to_string()),
    }
}

/// A single-quoted Cypher string literal. Control characters are escaped so that no literal
/// spans lines (cypher-shell reads `:commands` at line starts).
pub(crate) fn string(row: &mut String, s: &str) {
    row.push('\'');
    for c in s.chars() {
        match c {
            '\\' => row.push_str("\\\\"),
            '\'' => row.push_str("\\'"),
            '\n' => row.push_str("\\n"),
            '\r' => row.push_str("\\r"),
            '\t' => row.push_str("\\t"),
            '\u{8}' => row.push_str("\\b"),
            '\u{c}' => row.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(row, "\\u{:04X}", c as u32);
            }
            c => row.push(c),
        }
    }
    row.push('\'');
}

/// A kind as a node label: only ASCII letters, digits and `_`, not starting with a digit. It is
/// backtick-quoted where used, so a kind that is a keyword stays a label.
pub(crate) fn label(kind: &str) -> String {
    let mut l: String = kind
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if l.is_empty() || l.starts_with(|c: char| c.is_ascii_digit()) {
        l.insert(0, '_');
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        let mut r = String::new();
        string(&mut r, s);
        r
    }

    #[test]
    fn string_literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(lit(r#"o'brien "x"\y"#), r#"'o\'brien "x"\\y'"#);
        assert_eq!(lit("a\nb\u{1}"), r"'a\nb\u0001'");
        assert_eq!(lit("é"), "'é'");
    }

    #[test]
    fn labels_are_identifiers() {
        assert_eq!(label("Deployment"), "Deployment");
        assert_eq!(label("my-kind.v2"), "my_kind_v2");
        assert_eq!(label("3D"), "_3D");
        assert_eq!(label(""), "_");
    }
}
