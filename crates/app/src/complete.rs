//! Completion of queries (the shell's Tab, the web UI's search box): a pure function of the
//! line, the cursor and a [`Vocabulary`] collected once from the graph, so it is unit-tested
//! without a terminal or a browser.
//!
//! What is completed depends on where the cursor is:
//!
//! * inside `is(…)`, after `(` or `,`: kinds (lower-case names, plurals, short names, categories,
//!   custom kinds seen in the graph);
//! * inside an arrow (`-own`, `<-uses,sel`): edge kinds;
//! * right after `|`: commands; after `| format `: format names; after `| count `, `| list `,
//!   `| sort `: paths;
//! * after `namespace =` / `kind =`: the graph's namespaces / kinds;
//! * elsewhere in a filter: keywords (`is(`, `has(`, `with(`, `and`, …) and paths that exist in
//!   the data (`spec`, `labels.app`, `status.phase`, …);
//! * at the start of the line, also the front end's own words ([`Vocabulary::builtins`]: the
//!   shell's `help`, `exit`, …).

use kubegraph_formats::Format;
use kubegraph_graph::Graph;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::kinds::BUILTIN;
use kubegraph_model::EdgeKind;
use kubegraph_query::syntax::suggest::{snake, ABSTRACT_KINDS};
use kubegraph_query::{COMMANDS, COMPUTED_PATHS};
use std::collections::BTreeSet;

/// At most this many data paths are collected from the graph.
pub const MAX_PATHS: usize = 4000;
/// At most this many namespaces and custom kinds each.
const MAX_NAMES: usize = 1000;

/// Words a filter can start with (besides paths).
const KEYWORDS: [&str; 8] = ["is(", "has(", "with(", "not", "and", "or", "missing", "all"];

/// Everything completion can offer, collected once.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// `is(…)` words, sorted, lower-case.
    pub kinds: Vec<String>,
    /// `kubernetes_<snake>` names, offered only when the word starts with `kubernetes_`.
    pub resoto_kinds: Vec<String>,
    /// Edge kinds, for arrows.
    pub edges: Vec<String>,
    /// Commands after `|`.
    pub commands: Vec<String>,
    /// Format names after `| format`.
    pub formats: Vec<String>,
    /// Paths: the base ones and those seen in the data.
    pub paths: Vec<String>,
    /// The graph's namespaces, after `namespace =`.
    pub namespaces: Vec<String>,
    /// Kind names as `kind = …` compares them (`Pod`, `ServiceMonitor`).
    pub kind_values: Vec<String>,
    /// The front end's own words, offered at the start of a line (the shell's `help`, …).
    pub builtins: Vec<String>,
}

impl Vocabulary {
    /// What the language knows without a graph.
    pub fn builtin() -> Vocabulary {
        let mut kinds = BTreeSet::new();
        let mut resoto = BTreeSet::new();
        let mut kind_values = BTreeSet::new();
        for k in BUILTIN {
            kinds.insert(k.kind.to_lowercase());
            kinds.insert(k.plural.to_string());
            kinds.extend(k.short.iter().map(|s| s.to_string()));
            resoto.insert(format!("kubernetes_{}", snake(k.kind)));
            kind_values.insert(k.kind.to_string());
        }
        kinds.extend(ABSTRACT_KINDS.iter().map(|s| s.to_string()));
        Vocabulary {
            kinds: kinds.into_iter().collect(),
            resoto_kinds: resoto.into_iter().collect(),
            // `can_reach` is computed (NetworkPolicies), not an EdgeKind, but typed the same way.
            edges: EdgeKind::ALL
                .iter()
                .map(|e| e.as_str().to_string())
                .chain(["can_reach".to_string()])
                .collect(),
            // `tag` and `clean` act on live clusters: not offered.
            commands: COMMANDS
                .iter()
                .filter(|c| !matches!(**c, "tag" | "clean"))
                .map(|s| s.to_string())
                .collect(),
            formats: Format::SEARCH
                .iter()
                .map(|f| f.name().to_string())
                .collect(),
            paths: COMPUTED_PATHS.iter().map(|s| s.to_string()).collect(),
            namespaces: Vec::new(),
            kind_values: kind_values.into_iter().collect(),
            builtins: Vec::new(),
        }
    }

    /// The built-in vocabulary plus what the graph holds: top-level keys of the objects, the
    /// first-level keys of `metadata`, `spec` and `status`, label and annotation keys, namespaces
    /// and custom kinds. Bounded by [`MAX_PATHS`] and a cap on names.
    pub fn from_graph(graph: &Graph) -> Vocabulary {
        let mut v = Vocabulary::builtin();
        let mut paths: BTreeSet<String> = v.paths.iter().cloned().collect();
        let mut kinds: BTreeSet<String> = v.kinds.iter().cloned().collect();
        let mut kind_values: BTreeSet<String> = v.kind_values.iter().cloned().collect();
        let mut namespaces = BTreeSet::new();
        let mut custom = 0;
        for (_, node) in graph.nodes() {
            let o = &node.object;
            if let Some(ns) = &o.namespace {
                if namespaces.len() < MAX_NAMES {
                    namespaces.insert(ns.clone());
                }
            }
            if custom < MAX_NAMES && kind_values.insert(o.kind.clone()) {
                kinds.insert(o.kind.to_lowercase());
                custom += 1;
            }
            if paths.len() >= MAX_PATHS {
                continue;
            }
            let Some(top) = o.raw.as_object() else {
                continue;
            };
            for (key, value) in top.iter() {
                add_path(&mut paths, &[key]);
                if matches!(key, "metadata" | "spec" | "status") {
                    add_children(&mut paths, key, value);
                }
            }
            if let Some(meta) = top.get(&"metadata") {
                for sub in ["labels", "annotations"] {
                    if let Some(m) = meta.get(sub) {
                        add_children(&mut paths, sub, m);
                    }
                }
            }
        }
        v.paths = paths.into_iter().collect();
        v.kinds = kinds.into_iter().collect();
        v.kind_values = kind_values.into_iter().collect();
        v.namespaces = namespaces.into_iter().collect();
        v
    }
}

/// Adds `prefix.<key>` for each key of an object value, within the cap.
fn add_children(paths: &mut BTreeSet<String>, prefix: &str, value: &Value) {
    if let Some(obj) = value.as_object() {
        for (key, _) in obj.iter() {
            add_path(paths, &[prefix, key]);
        }
    }
}

fn add_path(paths: &mut BTreeSet<String>, keys: &[&str]) {
    if paths.len() >= MAX_PATHS {
        return;
    }
    let parts: Vec<String> = keys.iter().map(|k| path_key(k)).collect();
    paths.insert(parts.join("."));
}

/// A key as a path writes it: bare when the lexer reads it as one word, else quoted.
fn path_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key.starts_with(|c: char| c.is_alphanumeric() || c == '_')
        && key.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if bare {
        key.to_string()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where the word under the cursor starts: a run of word characters, `.`, `/`, `"` and `:`,
/// and `-` between word characters (`kube-system`), so that in `-own` the word is `own`.
pub fn word_start(line: &str, cursor: usize) -> usize {
    let cursor = cursor.min(line.len());
    if !line.is_char_boundary(cursor) {
        return cursor;
    }
    let before = &line[..cursor];
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    let mut i = chars.len();
    while i > 0 {
        let c = chars[i - 1].1;
        let part = is_word(c)
            || matches!(c, '.' | '/' | '"' | ':')
            || (c == '-' && i >= 2 && is_word(chars[i - 2].1) && i < chars.len());
        if !part {
            break;
        }
        i -= 1;
    }
    chars.get(i).map_or(before.len(), |&(at, _)| at)
}

/// The candidates for the word under the cursor, each replacing it whole (from
/// [`word_start`] to the cursor). Sorted, without duplicates.
pub fn complete(line: &str, cursor: usize, vocab: &Vocabulary) -> Vec<String> {
    let mut words: Vec<String> = completions(line, cursor, vocab)
        .items
        .into_iter()
        .map(|i| i.text)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// What may replace the query from `from` to `to` (bytes).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Completion {
    /// Where the word under the cursor starts.
    pub from: usize,
    /// The cursor.
    pub to: usize,
    /// The candidates, sorted.
    pub items: Vec<Item>,
}

/// One candidate.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, utoipa::ToSchema)]
pub struct Item {
    /// What to put in place of the word.
    pub text: String,
    /// What it is: `kind`, `edge`, `command`, `format`, `path`, `value`, `keyword` or `builtin`.
    pub kind: &'static str,
}

/// [`complete`], with what each candidate is and where it goes.
pub fn completions(line: &str, cursor: usize, vocab: &Vocabulary) -> Completion {
    let cursor = cursor.min(line.len());
    if !line.is_char_boundary(cursor) {
        return Completion {
            from: cursor,
            to: cursor,
            items: Vec::new(),
        };
    }
    let start = word_start(line, cursor);
    let word = &line[start..cursor];
    let before = &line[..start];
    let mut out: BTreeSet<Item> = BTreeSet::new();
    let mut offer = |what: &'static str, words: &mut dyn Iterator<Item = &str>| {
        // Quotes do not count: `labels.app` leads to `labels."app.kubernetes.io/name"`.
        let w = word.replace('"', "").to_lowercase();
        for c in words {
            if c.replace('"', "").to_lowercase().starts_with(&w) {
                out.insert(Item {
                    text: c.to_string(),
                    kind: what,
                });
            }
        }
    };
    let code = strip_strings(before);
    match context(&code) {
        Ctx::Kind => {
            offer("kind", &mut vocab.kinds.iter().map(String::as_str));
            if word.starts_with("kubernetes_") {
                offer("kind", &mut vocab.resoto_kinds.iter().map(String::as_str));
            }
        }
        Ctx::Edge => offer("edge", &mut vocab.edges.iter().map(String::as_str)),
        Ctx::Command => offer("command", &mut vocab.commands.iter().map(String::as_str)),
        Ctx::Format => offer("format", &mut vocab.formats.iter().map(String::as_str)),
        Ctx::Path => offer("path", &mut vocab.paths.iter().map(String::as_str)),
        Ctx::Quantifier => offer("keyword", &mut ["any", "empty", "count"].into_iter()),
        Ctx::Value(path) => match path.as_str() {
            "namespace" => offer("value", &mut vocab.namespaces.iter().map(String::as_str)),
            "kind" => offer("value", &mut vocab.kind_values.iter().map(String::as_str)),
            _ => {}
        },
        Ctx::Filter => {
            if !word.contains('.') {
                offer("keyword", &mut KEYWORDS.into_iter());
            }
            offer("path", &mut vocab.paths.iter().map(String::as_str));
            if code.trim().is_empty() {
                offer("builtin", &mut vocab.builtins.iter().map(String::as_str));
            }
        }
        Ctx::Nothing => {}
    }
    let mut items: Vec<Item> = out.into_iter().collect();
    items.sort_by(|a, b| a.text.cmp(&b.text).then(a.kind.cmp(b.kind)));
    Completion {
        from: start,
        to: cursor,
        items,
    }
}

/// What the text before the word says the word is.
#[derive(Debug, PartialEq)]
enum Ctx {
    Kind,
    Edge,
    Command,
    Format,
    Path,
    Quantifier,
    /// A comparison's value, after the path it compares.
    Value(String),
    Filter,
    Nothing,
}

/// The text with the contents of quoted strings blanked (kept the same length), so that `|`,
/// `(` and `-` inside strings do not count.
fn strip_strings(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in s.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                    out.push(c);
                    continue;
                }
                out.extend(std::iter::repeat_n('x', c.len_utf8()));
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

fn context(before: &str) -> Ctx {
    if let Some(bar) = before.rfind('|') {
        let after = &before[bar + 1..];
        let tokens: Vec<&str> = after.split_whitespace().collect();
        return match tokens.as_slice() {
            [] => Ctx::Command,
            ["format"] => Ctx::Format,
            ["count" | "list" | "sort", ..] => Ctx::Path,
            _ => Ctx::Nothing,
        };
    }
    // Inside an arrow: `-`, `<-`, then edge kinds separated by `,`.
    let edge_run = before.trim_end_matches(|c: char| is_word(c) || c == ',');
    if let Some(rest) = edge_run.strip_suffix('-') {
        let prev = rest.chars().next_back();
        if !prev.is_some_and(is_word) {
            return Ctx::Edge;
        }
    }
    // The innermost open parenthesis, and the word before it.
    let mut depth = 0usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let head = before[..i].trim_end();
                let name = &head[head
                    .rfind(|c: char| !is_word(c))
                    .map_or(0, |p| p + c_len(head, p))..];
                let inside = &before[i + 1..];
                match name {
                    "is" => return Ctx::Kind,
                    "has" => return Ctx::Path,
                    "with" if !inside.contains(',') => return Ctx::Quantifier,
                    _ => break,
                }
            }
            _ => {}
        }
    }
    // After a comparison operator: a value.
    let trimmed = before.trim_end();
    let ops = ["==", "!=", "<=", ">=", "!~", "=", "<", ">", "~"];
    if let Some(op) = ops.iter().find(|op| trimmed.ends_with(**op)) {
        let lhs = trimmed[..trimmed.len() - op.len()].trim_end();
        let path = lhs
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        return Ctx::Value(path.to_string());
    }
    Ctx::Filter
}

fn c_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let mut v = Vocabulary::builtin();
        v.paths.extend(
            [
                "spec",
                "status",
                "status.phase",
                "labels.app",
                "labels.\"app.kubernetes.io/name\"",
                "labels.pod-template-hash",
            ]
            .map(String::from),
        );
        v.paths.sort();
        v.namespaces = vec!["payments".into(), "shop".into()];
        v.builtins = ["help", "exit", "quit", ":stats"]
            .map(String::from)
            .to_vec();
        v
    }

    fn at_end(line: &str) -> Vec<String> {
        complete(line, line.len(), &vocab())
    }

    #[test]
    fn kinds_inside_is() {
        let c = at_end("is(dep");
        assert_eq!(c, ["deploy", "deployment", "deployments"]);
        assert_eq!(word_start("is(dep", 6), 3);
        assert!(at_end("is(pod, sec").contains(&"secret".to_string()));
        assert_eq!(at_end("is(pod,pv"), ["pv", "pvc"]);
        assert!(at_end("is(work").contains(&"workload".to_string()));
        assert_eq!(
            at_end("is(kubernetes_po"),
            [
                "kubernetes_pod",
                "kubernetes_pod_disruption_budget",
                "kubernetes_pod_security_policy",
                "kubernetes_pod_template"
            ]
        );
        // Nested in a larger filter.
        assert!(at_end("namespace = shop and (is(po").contains(&"pods".to_string()));
        // After the parenthesis closed, back to filters.
        assert!(!at_end("is(pod) and na").contains(&"nodes".to_string()));
    }

    #[test]
    fn custom_kinds_from_the_graph_are_offered() {
        let mut v = vocab();
        v.kinds.push("servicemonitor".into());
        assert_eq!(complete("is(servicem", 11, &v), ["servicemonitor"]);
    }

    #[test]
    fn edge_kinds_inside_arrows() {
        assert_eq!(at_end("is(deployment) -own"), ["owns"]);
        assert_eq!(word_start("is(deployment) -own", 19), 16);
        assert_eq!(at_end("is(secret) <-us"), ["uses"]);
        assert_eq!(at_end("is(pod) -owns,sel"), ["selects"]);
        assert_eq!(at_end("is(pod) -r"), ["routes", "runs", "runs_on"]);
        assert_eq!(at_end("is(pod) -").len(), EdgeKind::ALL.len() + 1);
        assert_eq!(at_end("is(pod) -can"), ["can_reach"]);
        assert!(at_end("is(deployment) and not with(any, <-sel").contains(&"selects".to_string()));
        // A hyphen inside a word is not an arrow.
        assert!(!at_end("namespace = kube-sy").contains(&"scales".to_string()));
    }

    /// What `|` is followed by: every command but `tag` and `clean`.
    const PIPE_COMMANDS: [&str; 11] = [
        "count",
        "list",
        "dump",
        "format",
        "sort",
        "limit",
        "head",
        "tail",
        "uniq",
        "aggregate",
        "explain",
    ];

    #[test]
    fn commands_after_pipe() {
        assert_eq!(at_end("is(pod) | co"), ["count"]);
        assert_eq!(
            at_end("is(pod) |"),
            PIPE_COMMANDS
                .map(String::from)
                .into_iter()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        );
        assert_eq!(at_end("is(pod) | count | l"), ["limit", "list"]);
        assert_eq!(at_end("is(pod) | format m"), ["markdown", "mermaid"]);
        assert_eq!(at_end("is(pod) | count status.ph"), ["status.phase"]);
        assert_eq!(at_end("is(pod) | head 3 x"), Vec::<String>::new());
        // `|` inside a string is not a pipe.
        assert!(at_end("name ~ \"a|b\" and is(po").contains(&"pod".to_string()));
    }

    #[test]
    fn paths_and_keywords_in_filters() {
        assert_eq!(
            at_end("is(pod) and labels."),
            [
                "labels.\"app.kubernetes.io/name\"",
                "labels.app",
                "labels.pod-template-hash"
            ]
        );
        assert_eq!(
            at_end("is(pod) and labels.ap"),
            ["labels.\"app.kubernetes.io/name\"", "labels.app"]
        );
        assert_eq!(at_end("has(sta"), ["status", "status.phase"]);
        assert_eq!(at_end("i"), ["is("]);
        // Computed paths complete as the object's own do (`health = error` is a query).
        assert_eq!(at_end("he"), ["health", "help"]);
        assert_eq!(at_end("is(event) and categ"), ["category"]);
        assert_eq!(at_end(":"), [":stats"]);
        assert_eq!(at_end("is(pod) an"), ["and", "annotations"]);
        assert_eq!(at_end("with(a"), ["any"]);
    }

    #[test]
    fn values_after_operators() {
        assert_eq!(at_end("is(pod) and namespace = sh"), ["shop"]);
        assert_eq!(at_end("namespace=pay"), ["payments"]);
        assert_eq!(at_end("kind = Deplo"), ["Deployment"]);
        assert_eq!(at_end("name = x"), Vec::<String>::new());
    }

    #[test]
    fn cursor_in_the_middle_and_odd_input() {
        // Completes the word before the cursor, whatever follows.
        assert_eq!(complete("is(dep) | count", 6, &vocab()).len(), 3);
        assert!(complete("", 0, &vocab()).len() > 10);
        // Not a character boundary: nothing, no panic.
        assert!(complete("é(", 1, &vocab()).is_empty());
        // A cursor past the end is the end.
        assert_eq!(complete("is(po", 100, &vocab()), at_end("is(po"));
    }

    #[test]
    fn keys_that_need_quotes_are_quoted() {
        assert_eq!(path_key("app"), "app");
        assert_eq!(path_key("pod-template-hash"), "pod-template-hash");
        assert_eq!(
            path_key("app.kubernetes.io/name"),
            "\"app.kubernetes.io/name\""
        );
        assert_eq!(path_key("-x"), "\"-x\"");
    }
}
