//! GraphML, written as a stream (no document tree) so that a large graph costs no more memory
//! than its biggest node. XML ids are `n<index>` and `e<index>` because GraphML ids must be
//! NMTOKENs, which kubegraph's `/`-separated ids are not; the kubegraph id is the `id` attribute.

use crate::origin_str;
use crate::view::View;
use std::io::{self, Write};

/// `(key id, for, attr.name, attr.type)`. Key ids are prefixed because a node's `kind` and an
/// edge's `kind` are different keys and GraphML key ids share one namespace.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_id", "node", "id", "string"),
    ("n_cluster", "node", "cluster", "string"),
    ("n_group", "node", "group", "string"),
    ("n_version", "node", "version", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_namespace", "node", "namespace", "string"),
    ("n_name", "node", "name", "string"),
    ("n_uid", "node", "uid", "string"),
    ("n_missing", "node", "missing", "boolean"),
    ("n_origin", "node", "origin", "string"),
    ("n_labels", "node", "labels", "string"),
    ("n_pod", "node", "pod", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_attrs", "edge", "attrs", "string"),
];

pub(crate) fn write(view: &View, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
          xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
          http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    for (id, for_, name, ty) in KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    out.write_all(b"  <graph id=\"kubegraph\" edgedefault=\"directed\">\n")?;
    let mut buf = String::new();
    for id in view.nodes() {
        let n = graph.node(id);
        let o = &n.object;
        buf.clear();
        buf.push_str(&format!("    <node id=\"n{}\">", id.0));
        data(&mut buf, "n_id", &graph.node_id_string(id));
        data(&mut buf, "n_cluster", graph.cluster_name(n.cluster));
        data(&mut buf, "n_group", &o.group);
        data(&mut buf, "n_version", &o.version);
        data(&mut buf, "n_kind", &o.kind);
        if let Some(ns) = &o.namespace {
            data(&mut buf, "n_namespace", ns);
        }
        data(&mut buf, "n_name", &o.name);
        if let Some(uid) = &o.uid {
            data(&mut buf, "n_uid", uid);
        }
        data(
            &mut buf,
            "n_missing",
            if n.missing() { "true" } else { "false" },
        );
        data(&mut buf, "n_origin", origin_str(n.origin));
        let labels = o.labels().map_or_else(
            || "{}".to_string(),
            |l| serde_json::to_string(l).unwrap_or_default(),
        );
        data(&mut buf, "n_labels", &labels);
        if let Some(pod) = n.parent {
            data(&mut buf, "n_pod", &graph.node_id_string(pod));
        }
        buf.push_str("</node>\n");
        out.write_all(buf.as_bytes())?;
    }
    for (i, e) in view.edges() {
        buf.clear();
        buf.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\">",
            e.from.0, e.to.0
        ));
        data(&mut buf, "e_kind", e.kind.as_str());
        let attrs = serde_json::to_string(&e.attrs).map_err(io::Error::from)?;
        data(&mut buf, "e_attrs", &attrs);
        buf.push_str("</edge>\n");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"  </graph>\n</graphml>\n")
}

fn data(buf: &mut String, key: &str, value: &str) {
    buf.push_str("<data key=\"");
    buf.push_str(key);
    buf.push_str("\">");
    escape_into(buf, value);
    buf.push_str("</data>");
}

/// XML text escaping. Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF)
/// are replaced by U+FFFD, because not even a character reference may name them; a carriage
/// return is written as a reference so that the parser's line-end normalisation keeps it.
pub(crate) fn escape_into(buf: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&apos;"),
            '\r' => buf.push_str("&#13;"),
            '\n' | '\t' => buf.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => buf.push('\u{fffd}'),
            c => buf.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut b = String::new();
        escape_into(&mut b, s);
        b
    }

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(esc("a\r\nb\u{1}"), "a&#13;\nb\u{fffd}");
        assert_eq!(esc("é\\"), "é\\");
    }
}
