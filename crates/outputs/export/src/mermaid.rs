//! Mermaid `flowchart LR`: nodes `n0`, `n1`, ... (their index in the graph), a `subgraph` per
//! namespace (inside one per cluster when there are several), edges `-->|kind|`, and the
//! placeholders in class `missing`.

use crate::display_kind;
use crate::nest::Nesting;
use crate::view::View;
use kubegraph_graph::{Graph, NodeId};
use std::io::{self, Write};

pub(crate) fn write(view: &View, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let nesting = Nesting::new(view);
    out.write_all(
        b"flowchart LR\n  \
          classDef missing fill:#fef2f2,stroke:#dc2626,stroke-width:2px,stroke-dasharray:5 3,color:#dc2626\n",
    )?;
    let boxed = nesting.clusters.len() > 1;
    for (ci, c) in nesting.clusters.iter().enumerate() {
        let indent = if boxed {
            writeln!(out, "  subgraph c{ci}[\"{}\"]", text(c.name, risky(c.name)))?;
            "    "
        } else {
            "  "
        };
        for &id in &c.top {
            node(graph, id, indent, out)?;
        }
        for (ni, (ns, ids)) in c.namespaces.iter().enumerate() {
            writeln!(
                out,
                "{indent}subgraph c{ci}ns{ni}[\"{}\"]",
                text(ns, risky(ns))
            )?;
            for &id in ids {
                node(graph, id, &format!("{indent}  "), out)?;
            }
            writeln!(out, "{indent}end")?;
        }
        if boxed {
            writeln!(out, "  end")?;
        }
    }
    for (_, e) in view.edges() {
        if Nesting::drawn(graph, e) {
            writeln!(out, "  n{} -->|{}| n{}", e.from.0, e.kind.as_str(), e.to.0)?;
        }
    }
    Ok(())
}

fn node(graph: &Graph, id: NodeId, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let n = graph.node(id);
    let class = if n.missing() { ":::missing" } else { "" };
    let kind = display_kind(n);
    let colons = risky(&kind) || risky(&n.object.name);
    writeln!(
        out,
        "{indent}n{}[\"{}<br/>{}\"]{class}",
        id.0,
        text(&kind, colons),
        text(&n.object.name, colons)
    )
}

/// Whether a line holding `s` could match Mermaid's pre-pass that strips the `;` after
/// `style...:...#...` or `classDef...:...#...` on a line, which would break an encoded character
/// (`#35;`). Such lines get their colons encoded too; others keep them readable
/// (`nginx:1.25`, `system:masters`).
fn risky(s: &str) -> bool {
    s.contains("style") || s.contains("classDef")
}

/// Text for inside a quoted Mermaid label. Mermaid decodes `#name;` and `#decimal;` before it
/// parses, so `#` itself must be encoded; `"` would end the string; `<`, `>` and `&` would be HTML
/// in the rendered label; a backslash or backtick can start an escape or a markdown string.
/// `:` is encoded when `colons` says so (see [`risky`]).
pub(crate) fn text(s: &str, colons: bool) -> String {
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => t.push_str("#quot;"),
            '#' => t.push_str("#35;"),
            '&' => t.push_str("#amp;"),
            '<' => t.push_str("#lt;"),
            '>' => t.push_str("#gt;"),
            '\\' => t.push_str("#92;"),
            '`' => t.push_str("#96;"),
            ':' if colons => t.push_str("#58;"),
            '\n' => t.push_str("<br/>"),
            '\t' => t.push(' '),
            c if c.is_control() => t.push('\u{fffd}'),
            c => t.push(c),
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_encodes_everything_mermaid_would_read() {
        assert_eq!(
            text("o'brien \"x\"\\y\nz", false),
            "o'brien #quot;x#quot;#92;y<br/>z"
        );
        assert_eq!(text("#quot;", false), "#35;quot;");
        assert_eq!(text("<b>&", false), "#lt;b#gt;#amp;");
        assert_eq!(text("system:node", false), "system:node");
        assert_eq!(text("ü", false), "ü");
    }

    #[test]
    fn colons_are_encoded_only_where_the_style_pass_could_match() {
        assert!(risky("lifestyle:x") && risky("a classDef"));
        assert!(!risky("Style"));
        assert_eq!(text("style:a#1;b", true), "style#58;a#35;1;b");
    }
}
