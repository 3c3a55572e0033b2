//! Every output format kubegraph prints, in one place: the only [`Format`] enum (each command
//! accepts its own list of names: [`Format::SEARCH`], [`Format::EXPORT`],
//! [`Format::CONNECTIVITY`]), the one table writer ([`table`]: aligned text, CSV, Markdown),
//! query results ([`query`]), connectivity listings ([`connectivity`]), and the dispatch to the
//! graph writers of `kubegraph-export` ([`mod@export`]).
//!
//! ```
//! use kubegraph_formats::{parse_query, print, Format};
//! use kubegraph_query::{Ctx, GraphFacts, QueryIndex};
//!
//! let yaml = r#"
//! apiVersion: v1
//! kind: Service
//! metadata: {name: web, namespace: shop}
//! ---
//! apiVersion: v1
//! kind: ConfigMap
//! metadata: {name: "web, v2", namespace: shop}
//! "#;
//! let loaded = kubegraph_files::load_bytes("shop.yaml", yaml.as_bytes(), &Default::default());
//! let (graph, _) = kubegraph_relations::graph_from_objects("demo", loaded.objects);
//! let index = QueryIndex::new(&graph);
//! let facts = GraphFacts::default();
//! let ctx = Ctx::new(&graph, &index, &facts);
//!
//! // What `kubegraph search QUERY [-o F]` prints: a table by default.
//! let text = |query: &str, format: Option<Format>| {
//!     let ast = parse_query(query).map_err(|e| e.render(query))?;
//!     let mut out = Vec::new();
//!     print(&ctx, &ast, format, &mut out).unwrap().map_err(|e| e.render(query))?;
//!     Ok::<_, String>(String::from_utf8(out).unwrap())
//! };
//! assert_eq!(
//!     text("namespace = shop", None).unwrap(),
//!     "kind       namespace  name\nConfigMap  shop       web, v2\nService    shop       web\n"
//! );
//! // `-o csv`, and the query's own `| format` winning over it.
//! assert_eq!(
//!     text("namespace = shop | list name", Some(Format::Csv)).unwrap(),
//!     "name\n\"web, v2\"\nweb\n"
//! );
//! assert_eq!(
//!     text("namespace = shop | list name | format json", Some(Format::Csv)).unwrap(),
//!     "[\n  {\n    \"name\": \"web, v2\"\n  },\n  {\n    \"name\": \"web\"\n  }\n]\n"
//! );
//! // A format name the search command does not print, and a result a format cannot print.
//! assert_eq!(
//!     text("all | format jsno", None).unwrap_err(),
//!     "all | format jsno\n             ^^^^ unknown format `jsno`; did you mean `json`?"
//! );
//! assert_eq!(
//!     text("all | count | format csv", None).unwrap_err(),
//!     "all | count | format csv\n              ^^^^^^^^^^ `count` cannot print as csv"
//! );
//! ```

pub mod connectivity;
pub mod export;
pub mod query;
pub mod table;

use std::fmt;
use std::str::FromStr;

pub use export::export;
pub use query::{choose, parse_query, print, print_styled, run, write, Answer, Choice, Style};

/// An output format. Every command takes `-o` with the same names ([`Format::parse`]: a
/// canonical name or an alias, [`Format::NAMES`]); which formats a command prints is its own
/// list ([`Format::SEARCH`], [`Format::EXPORT`], [`Format::CONNECTIVITY`], [`Format::REPORT`],
/// [`Format::IMPACT`]). A format's canonical name is [`Format::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The command's text for people: an aligned table (`search`), a summary (`stats`), a
    /// tree (`why`), netpol-analyzer's `src => dst : conns` lines (`connectivity`).
    Table,
    /// The table with more columns (health, age, reason), as `kubectl get -o wide`.
    Wide,
    /// `kind/name` (`deployment.apps/web`), one per line, as `kubectl get -o name`.
    Name,
    /// JSON.
    Json,
    /// One JSON value per line.
    Ndjson,
    /// YAML.
    Yaml,
    /// CSV (RFC 4180).
    Csv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
    /// Graphviz dot.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// GraphML.
    Graphml,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// A `cypher-shell` script for Neo4j.
    Cypher,
}

impl Format {
    /// Every format with its canonical name, in the order help texts list them.
    pub const ALL: [(&'static str, Format); 13] = [
        ("table", Format::Table),
        ("wide", Format::Wide),
        ("name", Format::Name),
        ("json", Format::Json),
        ("yaml", Format::Yaml),
        ("ndjson", Format::Ndjson),
        ("csv", Format::Csv),
        ("markdown", Format::Markdown),
        ("dot", Format::Dot),
        ("mermaid", Format::Mermaid),
        ("graphml", Format::Graphml),
        ("cytoscape", Format::Cytoscape),
        ("cypher", Format::Cypher),
    ];

    /// Other names every command accepts for the same formats: `text` and `txt` (the text for
    /// people; netpol-analyzer's `txt`), `md` (netpol-analyzer's), `yml`, `jsonl`, `graphviz`.
    pub const ALIASES: [(&'static str, Format); 6] = [
        ("text", Format::Table),
        ("txt", Format::Table),
        ("yml", Format::Yaml),
        ("jsonl", Format::Ndjson),
        ("md", Format::Markdown),
        ("graphviz", Format::Dot),
    ];

    /// What `search -o` and the query's `| format F` print.
    pub const SEARCH: [Format; 12] = [
        Format::Table,
        Format::Wide,
        Format::Name,
        Format::Json,
        Format::Yaml,
        Format::Ndjson,
        Format::Csv,
        Format::Markdown,
        Format::Dot,
        Format::Mermaid,
        Format::Graphml,
        Format::Cytoscape,
    ];

    /// What `export -o` writes: the whole graph.
    pub const EXPORT: [Format; 8] = [
        Format::Json,
        Format::Yaml,
        Format::Name,
        Format::Dot,
        Format::Mermaid,
        Format::Graphml,
        Format::Cytoscape,
        Format::Cypher,
    ];

    /// What `connectivity -o` writes (netpol-analyzer's formats, and YAML).
    pub const CONNECTIVITY: [Format; 6] = [
        Format::Table,
        Format::Json,
        Format::Yaml,
        Format::Csv,
        Format::Markdown,
        Format::Dot,
    ];

    /// What the typed reports print (`stats`, `why`, `show`, `reach`): text, JSON, YAML.
    pub const REPORT: [Format; 3] = [Format::Table, Format::Json, Format::Yaml];

    /// What `impact` and `show pods` print: the reports' formats and `name`.
    pub const IMPACT: [Format; 4] = [Format::Table, Format::Json, Format::Yaml, Format::Name];

    /// Every name and alias, canonical names first.
    pub fn names_and_aliases() -> impl Iterator<Item = (&'static str, Format)> {
        Format::ALL.into_iter().chain(Format::ALIASES)
    }

    /// The names a command's list accepts, canonical then aliases (for `| format F` and
    /// completion).
    pub fn accepted(list: &[Format]) -> Vec<&'static str> {
        Format::names_and_aliases()
            .filter(|(_, f)| list.contains(f))
            .map(|(n, _)| n)
            .collect()
    }

    /// The format a name or alias means, if the command's `list` prints it.
    pub fn lookup(list: &[Format], name: &str) -> Option<Format> {
        name.parse::<Format>().ok().filter(|f| list.contains(f))
    }

    /// The format `name` means for a command printing `list`, or why not: an unknown name (with
    /// the closest one), or a format this command does not print (with those it does).
    pub fn parse_for(list: &[Format], name: &str, command: &str) -> Result<Format, UnknownFormat> {
        let canonical: Vec<&str> = list.iter().map(|f| f.name()).collect();
        match name.parse::<Format>() {
            Ok(f) if list.contains(&f) => Ok(f),
            Ok(f) => Err(UnknownFormat {
                name: name.to_string(),
                message: format!(
                    "`{command}` does not print {}; it prints {}",
                    f.name(),
                    canonical.join(", ")
                ),
            }),
            Err(_) => {
                let near = kubegraph_model::fuzzy::closest(name, Format::accepted(list));
                Err(UnknownFormat {
                    name: name.to_string(),
                    message: match near {
                        Some(n) => format!(
                            "unknown format `{name}`; did you mean `{n}`? (`{command}` prints {})",
                            canonical.join(", ")
                        ),
                        None => format!(
                            "unknown format `{name}` (`{command}` prints {})",
                            canonical.join(", ")
                        ),
                    },
                })
            }
        }
    }

    /// The canonical name (`markdown`, `table`).
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }

    /// Graph formats draw nodes and the edges among them.
    pub fn is_graph(self) -> bool {
        matches!(
            self,
            Format::Dot | Format::Mermaid | Format::Graphml | Format::Cytoscape | Format::Cypher
        )
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name a command does not take: unknown, or not one it prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat {
    /// The name as given.
    pub name: String,
    /// What is wrong and what the command prints.
    pub message: String,
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// A canonical name or an alias (`txt`, `md`, `yml`), case-insensitively.
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        let lower = s.to_ascii_lowercase();
        Format::names_and_aliases()
            .find(|(n, _)| *n == lower)
            .map(|(_, f)| f)
            .ok_or_else(|| UnknownFormat {
                name: s.to_string(),
                message: format!("unknown format `{s}`"),
            })
    }
}
