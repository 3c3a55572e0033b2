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
pub use query::{choose, parse_query, print, run, write, Answer, Choice};

/// An output format. Which names a command accepts is its own list ([`Format::SEARCH`],
/// [`Format::EXPORT`], [`Format::CONNECTIVITY`]); a format's canonical name is [`Format::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// An aligned text table (`search`'s default).
    Table,
    /// Plain text lines (`connectivity -o txt`: netpol-analyzer's `src => dst : conns`).
    Text,
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
    /// What `search -o` and the query's `| format F` accept.
    pub const SEARCH: [(&'static str, Format); 10] = [
        ("table", Format::Table),
        ("json", Format::Json),
        ("ndjson", Format::Ndjson),
        ("yaml", Format::Yaml),
        ("csv", Format::Csv),
        ("markdown", Format::Markdown),
        ("dot", Format::Dot),
        ("mermaid", Format::Mermaid),
        ("graphml", Format::Graphml),
        ("cytoscape", Format::Cytoscape),
    ];

    /// What `export -o` accepts.
    pub const EXPORT: [(&'static str, Format); 5] = [
        ("json", Format::Json),
        ("dot", Format::Dot),
        ("mermaid", Format::Mermaid),
        ("graphml", Format::Graphml),
        ("cypher", Format::Cypher),
    ];

    /// What `connectivity -o` accepts (netpol-analyzer's names).
    pub const CONNECTIVITY: [(&'static str, Format); 5] = [
        ("txt", Format::Text),
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("md", Format::Markdown),
        ("dot", Format::Dot),
    ];

    /// Every format with its canonical name.
    pub const ALL: [(&'static str, Format); 12] = [
        ("table", Format::Table),
        ("text", Format::Text),
        ("json", Format::Json),
        ("ndjson", Format::Ndjson),
        ("yaml", Format::Yaml),
        ("csv", Format::Csv),
        ("markdown", Format::Markdown),
        ("dot", Format::Dot),
        ("mermaid", Format::Mermaid),
        ("graphml", Format::Graphml),
        ("cytoscape", Format::Cytoscape),
        ("cypher", Format::Cypher),
    ];

    /// The format a command's list names `name`.
    pub fn lookup(list: &[(&str, Format)], name: &str) -> Option<Format> {
        list.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    /// The names of a command's list, in order.
    pub fn names<const N: usize>(list: &[(&'static str, Format); N]) -> [&'static str; N] {
        list.map(|(n, _)| n)
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

/// A name no command accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format `{}`", self.0)
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// A canonical name, or another name a command accepts (`txt`, `md`).
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        [
            &Format::ALL[..],
            &Format::SEARCH,
            &Format::EXPORT,
            &Format::CONNECTIVITY,
        ]
        .into_iter()
        .find_map(|list| Format::lookup(list, s))
        .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}
