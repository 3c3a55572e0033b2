//! Graphviz `dot`: a digraph with a box per namespace (inside a box per cluster when there are
//! several), nodes labelled `Kind\nname` and styled by kind family, placeholders dashed red, and
//! edges labelled with their kind.

use crate::nest::Nesting;
use crate::view::View;
use crate::{display_kind, family, Family};
use kubegraph_graph::{Graph, NodeId};
use std::io::{self, Write};

pub(crate) fn write(view: &View, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let nesting = Nesting::new(view);
    out.write_all(
        b"digraph kubegraph {\n  \
          graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=11];\n  \
          node [fontname=\"Helvetica\", fontsize=10, shape=box, style=filled, fillcolor=\"#ffffff\"];\n  \
          edge [fontname=\"Helvetica\", fontsize=8, color=\"#64748b\", fontcolor=\"#475569\"];\n",
    )?;
    let boxed = nesting.clusters.len() > 1;
    for (ci, c) in nesting.clusters.iter().enumerate() {
        let indent = if boxed {
            writeln!(out, "  subgraph cluster_c{ci} {{")?;
            writeln!(
                out,
                "    label={}; style=\"bold,rounded\"; color=\"#475569\";",
                label(c.name)
            )?;
            "    "
        } else {
            "  "
        };
        for &id in &c.top {
            node(graph, id, indent, out)?;
        }
        for (ni, (ns, ids)) in c.namespaces.iter().enumerate() {
            writeln!(out, "{indent}subgraph cluster_c{ci}_ns{ni} {{")?;
            writeln!(
                out,
                "{indent}  label={}; style=rounded; color=\"#94a3b8\";",
                label(ns)
            )?;
            for &id in ids {
                node(graph, id, &format!("{indent}  "), out)?;
            }
            writeln!(out, "{indent}}}")?;
        }
        if boxed {
            writeln!(out, "  }}")?;
        }
    }
    for (_, e) in view.edges() {
        if Nesting::drawn(graph, e) {
            writeln!(
                out,
                "  {} -> {} [label=\"{}\"];",
                id(&graph.node_id_string(e.from)),
                id(&graph.node_id_string(e.to)),
                e.kind.as_str()
            )?;
        }
    }
    out.write_all(b"}\n")
}

fn node(graph: &Graph, id_: NodeId, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let n = graph.node(id_);
    let fam = family(n);
    let (shape, fill) = match fam {
        Family::Workload => ("box", "#dbeafe"),
        Family::Network => ("ellipse", "#dcfce7"),
        Family::Config => ("note", "#fef9c3"),
        Family::Storage => ("cylinder", "#ffedd5"),
        Family::Rbac => ("hexagon", "#f3e8ff"),
        Family::Synthetic => ("box", "#f1f5f9"),
        Family::Namespace => ("tab", "#ffffff"),
        Family::Other => ("box", "#ffffff"),
    };
    let rounded = if fam == Family::Synthetic {
        "rounded,"
    } else {
        ""
    };
    let text = format!("{}\n{}", display_kind(n), n.object.name);
    write!(
        out,
        "{indent}{} [label={}, shape={shape}",
        id(&graph.node_id_string(id_)),
        label(&text)
    )?;
    if n.missing() {
        writeln!(
            out,
            ", style=\"{rounded}filled,dashed\", fillcolor=\"#fef2f2\", color=\"#dc2626\", fontcolor=\"#dc2626\"];"
        )
    } else {
        writeln!(out, ", style=\"{rounded}filled\", fillcolor=\"{fill}\"];")
    }
}

/// A quoted DOT identifier. Inside quotes only `\"` is an escape for an id (Graphviz keeps `\\`
/// as two characters), so doubling backslashes keeps a trailing one from swallowing the closing
/// quote and keeps distinct names distinct. Line breaks and other control characters are spelled
/// out so that the id stays on one line.
pub(crate) fn id(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => q.push_str("\\r"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() => q.push_str(&format!("\\x{:02x}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// A quoted DOT label (an escString): `\n` is a line break, `\\` a backslash and `\"` a quote;
/// every other backslash sequence (`\N`, `\G`, `\l`, ...) would be substituted, so no lone
/// backslash may remain. Graphviz also decodes HTML entities in plain labels, so `&` is written
/// as `&amp;` to show a name like `a&lt;b` as typed.
pub(crate) fn label(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '&' => q.push_str("&amp;"),
            '\t' => q.push(' '),
            c if c.is_control() => q.push('\u{fffd}'),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_escape_quotes_and_backslashes() {
        assert_eq!(id(r#"a"b\"#), r#""a\"b\\""#);
        assert_eq!(id("x\ny"), r#""x\ny""#);
        assert_eq!(id("é/ü"), "\"é/ü\"");
    }

    #[test]
    fn labels_leave_no_backslash_sequence_or_entity() {
        assert_eq!(label("Kind\nname"), r#""Kind\nname""#);
        assert_eq!(label(r"\N\G"), r#""\\N\\G""#);
        assert_eq!(label("a&lt;b"), r#""a&amp;lt;b""#);
        assert_eq!(label("o'brien \"x\""), r#""o'brien \"x\"""#);
        assert_eq!(label("bell\u{7}"), "\"bell\u{fffd}\"");
    }
}
