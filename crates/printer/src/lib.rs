//! The application's typed answers ([`kubegraph_app`]) printed for people: the `why` tree,
//! `impact`, the `show` views, `stats` and `reach`, with health in colour on a terminal; or,
//! for `-o json|yaml`, the answer itself ([`structured`]). The CLI and its shell print through
//! it, as ripgrep prints through grep-printer: the binary parses arguments and picks a printer.
//!
//! ```
//! use kubegraph_app::{why, Landscape, Source};
//! use kubegraph_formats::Format;
//!
//! let landscape = Landscape::load(&Source::Demo, None, &mut |_| {})?;
//! let snapshot = landscape.snapshot();
//! let report = why::why(snapshot, "deploy/payments/payments-api")?;
//! let mut text = Vec::new();
//! kubegraph_printer::print(&mut text, &snapshot.graph, Format::Table, &report, false)?;
//! let text = String::from_utf8(text).unwrap();
//! assert!(text.starts_with("Deployment payments/payments-api  error: "));
//! assert!(text.contains("root cause:\n  Secret payments/payments-api-token: error: "));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod paint;
mod reach;
mod stats;
mod views;
mod why;

use kubegraph_formats::Format;
use kubegraph_graph::Graph;
use std::io::Write;

/// An answer people can read as text.
pub trait Text {
    /// The answer for people, health in colour when `color`.
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()>;

    /// The ids of the nodes the answer lists, for `-o name` (none: `-o name` prints nothing).
    fn nodes(&self) -> Vec<&str> {
        Vec::new()
    }
}

/// `answer` in `format`: `Table` its text, `Name` its nodes as kubectl names them (the objects
/// of `graph`), anything else [`structured`].
pub fn print<T: Text + serde::Serialize>(
    out: &mut dyn Write,
    graph: &Graph,
    format: Format,
    answer: &T,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Table => answer.text(out, color),
        Format::Name => names(out, graph, answer.nodes()),
        f => structured(out, f, answer),
    }
}

/// A typed answer as JSON, pretty and with sorted keys (through `serde_json::Value`), ending in
/// a newline; or as YAML (`format` is `Yaml`), the same keys in the same order.
pub fn structured(
    out: &mut dyn Write,
    format: Format,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    let value = serde_json::to_value(value).map_err(std::io::Error::other)?;
    if format == Format::Yaml {
        return serde_yaml_ng::to_writer(&mut *out, &value).map_err(std::io::Error::other);
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// `-o name`: the nodes with these ids as kubectl names them (`deployment.apps/web`), one a
/// line; ids the graph does not hold are left out.
pub fn names<'a>(
    out: &mut dyn Write,
    graph: &Graph,
    ids: impl IntoIterator<Item = &'a str>,
) -> std::io::Result<()> {
    for id in ids {
        if let Some(n) = kubegraph_app::node::by_id(graph, id) {
            let name = kubegraph_formats::query::kubectl_name(&graph.node(n).object);
            writeln!(out, "{name}")?;
        }
    }
    Ok(())
}

/// A tree line's branch and the prefix of its children's lines: nothing at the top, `└─ ` for
/// the last child, `├─ ` for the others.
fn branch(prefix: &str, last: bool, top: bool) -> (String, String) {
    if top {
        (String::new(), String::new())
    } else if last {
        (format!("{prefix}└─ "), format!("{prefix}   "))
    } else {
        (format!("{prefix}├─ "), format!("{prefix}│  "))
    }
}

/// `""` for one, `"s"` for any other count.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubegraph_app::{views, Landscape, Source};

    fn printed(format: Format, answer: &(impl Text + serde::Serialize), graph: &Graph) -> String {
        let mut out = Vec::new();
        print(&mut out, graph, format, answer, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_answer_as_text_names_json_and_yaml() {
        let landscape = Landscape::load(&Source::Demo, None, &mut |_| {}).unwrap();
        let snapshot = landscape.snapshot();
        let graph = &snapshot.graph;
        let pods = views::pods(snapshot, "deploy/shop/cart", None).unwrap();
        let text = printed(Format::Table, &pods, graph);
        assert!(
            text.starts_with("Deployment shop/cart: 2 pods\n  Pod  "),
            "{text}"
        );
        assert_eq!(
            printed(Format::Name, &pods, graph),
            "pod/cart-7f8b6c5d9-h2vtn\npod/cart-7f8b6c5d9-q9dxw\n"
        );
        // JSON and YAML are the answer itself, the same keys in the same order.
        let json: serde_json::Value =
            serde_json::from_str(&printed(Format::Json, &pods, graph)).unwrap();
        let yaml: serde_json::Value =
            serde_yaml_ng::from_str(&printed(Format::Yaml, &pods, graph)).unwrap();
        assert_eq!(json, serde_json::to_value(&pods).unwrap());
        assert_eq!(json, yaml);
    }
}
