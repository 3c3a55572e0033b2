//! The search-language AST. Every node carries the [`Span`] of the query text it came from.
//!
//! `Display` renders a compact, stable S-expression without spans (see `print.rs`); the golden
//! tests compare against it.

use kubegraph_model::{EdgeKind, GroupKind};

pub use crate::error::Span;
use crate::gremlin::Gremlin;

/// A parsed query: the search language or the Gremlin subset.
#[derive(Clone, Debug, PartialEq)]
pub enum Ast {
    Search(Query),
    Gremlin(Gremlin),
}

/// A node with the span it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

/// `part (traversal part?)* (| command)*`.
///
/// Invariant: `parts.len() == traversals.len() + 1`; `traversals[i]` leads from `parts[i]` to
/// `parts[i + 1]`. Only `parts[0]` is sure to have a filter: a part left out after a traversal
/// (`<-[1:]-` at the end of a query) keeps everything the traversal reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub parts: Vec<Part>,
    pub traversals: Vec<Traversal>,
    pub commands: Vec<Spanned<Command>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// `None`: no filter, every node the traversal reached. The span is then empty.
    pub filter: Option<Spanned<Filter>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// Two or more operands; chains of the same connective are flattened.
    And(Vec<Spanned<Filter>>),
    Or(Vec<Spanned<Filter>>),
    Not(Box<Spanned<Filter>>),
    /// `is(k1, k2, …)`: the node's kind is any of these.
    Is(Vec<KindRef>),
    /// `has(path)`: the path exists (and is not null).
    Has(Path),
    /// `missing`: placeholder nodes.
    Missing,
    /// `all`: every node.
    All,
    /// `"checkout"`: free text over name, labels and annotations.
    Text(String),
    Cmp(Cmp),
    With(Box<With>),
}

/// `path [all|any|none] op value`. `in` / `not in` are operators whose value is a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Cmp {
    pub path: Path,
    /// How a path that yields several values (`[*]`) combines; `None` means any (the default).
    pub modifier: Option<Spanned<ArrayMod>>,
    pub op: Spanned<CmpOp>,
    pub value: Spanned<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `~`: regex match.
    Match,
    /// `!~`
    NotMatch,
    In,
    NotIn,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Match => "~",
            CmpOp::NotMatch => "!~",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArrayMod {
    Any,
    All,
    None,
}

impl ArrayMod {
    pub fn as_str(self) -> &'static str {
        match self {
            ArrayMod::Any => "any",
            ArrayMod::All => "all",
            ArrayMod::None => "none",
        }
    }
}

/// A literal. Bare words are strings (`health = error`), never paths.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A quoted string.
    Str(String),
    /// An unquoted word or run (`error`, `Running`, `nginx:1.25`, `10.0.0.1`).
    Word(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// `7d`, `12h`, `1h30m`, `45s`, `2w`.
    Duration {
        text: String,
        secs: f64,
    },
    /// A Kubernetes quantity with a suffix (`1Gi`, `500Mi`, `2k`, `3M`); unsuffixed quantities
    /// are plain numbers.
    Quantity {
        text: String,
        value: f64,
    },
    /// `100m` is 100 minutes or 100 milli-units (CPU); the evaluator decides by the field it is
    /// compared with (a quantity string or a time).
    DurationOrQuantity {
        text: String,
        secs: f64,
        value: f64,
    },
    /// An RFC 3339 date or date-time written bare (`2024-01-01`, `2024-01-01T10:00:00Z`).
    Timestamp(String),
    /// The right side of `in` / `not in`.
    List(Vec<Spanned<Value>>),
}

/// `with(any|empty|count <op> N, <traversal> [<part>])`.
#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub quant: Spanned<WithQuant>,
    pub traversal: Traversal,
    pub part: Option<Part>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithQuant {
    Any,
    Empty,
    Count(CmpOp, u64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Traversal {
    pub direction: Direction,
    /// Empty: every edge kind.
    pub edges: Vec<Spanned<EdgeKind>>,
    pub depth: Depth,
    /// `-can_reach->`: a computed edge, from NetworkPolicies rather than stored edges.
    pub reach: Option<Reach>,
    pub span: Span,
}

/// `-can_reach->`, `-can_reach(80)->`, `-can_reach(53/UDP)->`: the workloads NetworkPolicies
/// let the start nodes connect to (docs/netpol.md), on any connection or on one port.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reach {
    /// `(port, protocol)`; the protocol is `TCP`, `UDP` or `SCTP` (TCP when not written).
    pub port: Option<(u16, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// `-->`: along outgoing edges.
    Out,
    /// `<--`: along incoming edges.
    In,
    /// `<-->`
    Both,
}

/// How many hops: `min..=max`, `max: None` unbounded. Without brackets, exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Depth {
    pub min: u32,
    pub max: Option<u32>,
}

impl Default for Depth {
    fn default() -> Self {
        Depth {
            min: 1,
            max: Some(1),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub root: PathRoot,
    pub segments: Vec<Spanned<Segment>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PathRoot {
    /// The node's own object.
    Object,
    /// `ancestors.<kind>.…`: the nearest node of that kind along incoming edges.
    Ancestors(KindRef),
    /// `descendants.<kind>.…`: the nearest node of that kind along outgoing edges.
    Descendants(KindRef),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(u64),
    /// `[*]`
    Wildcard,
}

/// A kind as written, and what it resolved to against the built-in kinds table.
#[derive(Clone, Debug, PartialEq)]
pub struct KindRef {
    pub written: String,
    pub kind: KindSel,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindSel {
    /// One or more built-in kinds (`events` is core and `events.k8s.io`).
    Builtin(Vec<GroupKind>),
    /// A category: `workload`, `controller`, `volume`, `config`, `rbac`, `network`, or
    /// `kubernetes_resource` (every kind).
    Abstract(String),
    /// A kind the table does not know: a custom resource. With a group it matches exactly
    /// (`batch.volcano.sh/Job`); without one it matches that kind name in any group,
    /// case-insensitively.
    Custom { group: Option<String>, kind: String },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Count(Option<Path>),
    /// No columns: the default ones (kind, namespace, name, health, age).
    List(Vec<Column>),
    Dump,
    Format(Format),
    Sort(Vec<SortKey>),
    Limit {
        offset: Option<u64>,
        count: u64,
    },
    Head(u64),
    Tail(u64),
    Uniq,
    Aggregate {
        groups: Vec<Column>,
        funcs: Vec<AggCall>,
    },
    Explain,
    TagUpdate {
        key: Spanned<String>,
        value: Spanned<String>,
    },
    TagDelete {
        key: Spanned<String>,
    },
    Clean,
}

/// `path [as name]`
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub path: Path,
    pub alias: Option<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SortKey {
    pub path: Path,
    pub order: Order,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Asc,
    Desc,
}

/// `count() as n`, `sum(path)`, ...
#[derive(Clone, Debug, PartialEq)]
pub struct AggCall {
    pub func: Spanned<AggFunc>,
    pub path: Option<Path>,
    pub alias: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggFunc {
    Count,
    Sum,
    Min,
    Max,
    Avg,
}

impl AggFunc {
    pub const ALL: [(&'static str, AggFunc); 5] = [
        ("count", AggFunc::Count),
        ("sum", AggFunc::Sum),
        ("min", AggFunc::Min),
        ("max", AggFunc::Max),
        ("avg", AggFunc::Avg),
    ];

    pub fn as_str(self) -> &'static str {
        AggFunc::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Ndjson,
    Yaml,
    Csv,
    Markdown,
    Dot,
    Mermaid,
    Graphml,
    Cytoscape,
}

impl Format {
    pub const ALL: [(&'static str, Format); 10] = [
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

    pub fn as_str(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }

    /// Graph formats carry the edges between result nodes.
    pub fn is_graph(self) -> bool {
        matches!(
            self,
            Format::Dot | Format::Mermaid | Format::Graphml | Format::Cytoscape
        )
    }
}

/// Command names, for suggestions.
pub const COMMANDS: [&str; 13] = [
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
    "tag",
    "clean",
];
