//! `tag update KEY VALUE`, `tag delete KEY` and `clean`: the actions, as a dry run.
//!
//! kubegraph never changes a cluster unless actions are enabled, and it shows what an action
//! will do first (shared/spec/product.md). The query language's part is that plan: one line per
//! object, written as the `kubectl` command that does the same, so a user can read it, keep it,
//! or run it. Placeholders (objects that do not exist) and kubegraph's own nodes (cluster,
//! containers, images) are left out, with a count.

use std::fmt::Write as _;

use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};

use crate::ast::Command;

/// The plan of an action command over `nodes`, as text.
pub fn plan(graph: &Graph, nodes: &[NodeId], action: &Command) -> String {
    let (verb, what) = match action {
        Command::TagUpdate { key, value } => (
            "tag update",
            format!(
                "annotate --overwrite {{obj}} {}",
                shell_word(&format!("{}={}", key.node, value.node))
            ),
        ),
        Command::TagDelete { key } => (
            "tag delete",
            format!("annotate {{obj}} {}", shell_word(&format!("{}-", key.node))),
        ),
        _ => ("clean", "delete {obj}".to_string()),
    };
    let mut out = format!(
        "# dry run of `{verb}`: nothing was changed. kubegraph acts only on a live cluster with actions enabled; the same with kubectl:\n"
    );
    let mut skipped = 0;
    for &id in nodes {
        let n = graph.node(id);
        let o = &n.object;
        if n.missing() || o.group == SYNTHETIC_GROUP {
            skipped += 1;
            continue;
        }
        let resource = match kinds::builtin(&o.group, &o.kind) {
            Some(k) if o.group.is_empty() => k.plural.to_string(),
            Some(k) => format!("{}.{}", k.plural, o.group),
            None if o.group.is_empty() => o.kind.to_lowercase(),
            None => format!("{}.{}", o.kind.to_lowercase(), o.group),
        };
        let mut obj = String::new();
        if let Some(ns) = &o.namespace {
            let _ = write!(obj, "-n {} ", shell_word(ns));
        }
        obj.push_str(&shell_word(&format!("{resource}/{}", o.name)));
        let _ = writeln!(out, "kubectl {}", what.replace("{obj}", &obj));
    }
    if skipped > 0 {
        let _ = writeln!(
            out,
            "# {skipped} node{} left out: placeholders for missing objects and kubegraph's own nodes",
            if skipped == 1 { "" } else { "s" }
        );
    }
    out
}

/// A word as a POSIX shell reads it: bare when it holds only safe characters, else in single
/// quotes.
fn shell_word(s: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c);
    if !s.is_empty() && s.chars().all(safe) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
