//! The search-language AST. Every node carries the [`Span`] of the query text it came from.
//!
//! `Display` renders a compact, stable S-expression without spans (see `print.rs`); the golden
//! tests compare against it.

use kubegraph_model::{EdgeKind, GroupKind};

pub use crate::syntax::diagnostic::Span;

/// A node with the span it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    /// The node.
    pub node: T,
    /// Where in the query it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// `node` written at `span`.
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
    /// The filters, one before and one after each traversal.
    pub parts: Vec<Part>,
    /// The traversals between the parts.
    pub traversals: Vec<Traversal>,
    /// The commands after `|`, in order.
    pub commands: Vec<Spanned<Command>>,
    /// The whole query.
    pub span: Span,
}

impl Query {
    /// The query's own output format: the name of its last `| format F` (the last one wins),
    /// with the span of that name.
    pub fn format(&self) -> Option<&Spanned<String>> {
        self.commands.iter().rev().find_map(|c| match &c.node {
            Command::Format(name) => Some(name),
            _ => None,
        })
    }
}

/// A filter between traversals (or the first one).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// `None`: no filter, every node the traversal reached. The span is then empty.
    pub filter: Option<Spanned<Filter>>,
    /// The part as written.
    pub span: Span,
}

/// What a node must be to pass a part.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    /// Two or more operands; chains of the same connective are flattened.
    And(Vec<Spanned<Filter>>),
    /// Two or more operands, any of which may hold.
    Or(Vec<Spanned<Filter>>),
    /// `not f`.
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
    /// `path op value`.
    Cmp(Cmp),
    /// `with(quant, traversal part)`.
    With(Box<With>),
}

/// `path [all|any|none] op value`. `in` / `not in` are operators whose value is a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Cmp {
    /// The left side.
    pub path: Path,
    /// How a path that yields several values (`[*]`) combines; `None` means any (the default).
    pub modifier: Option<Spanned<ArrayMod>>,
    /// The operator.
    pub op: Spanned<CmpOp>,
    /// The right side.
    pub value: Spanned<Value>,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `=` (or `==`)
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `~`: regex match.
    Match,
    /// `!~`
    NotMatch,
    /// `in [..]`
    In,
    /// `not in [..]`
    NotIn,
}

impl CmpOp {
    /// The operator as written.
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

/// How the values of a path that yields several combine in a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArrayMod {
    /// Some value passes (the default).
    Any,
    /// Every value passes.
    All,
    /// No value passes.
    None,
}

impl ArrayMod {
    /// The modifier as written.
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
    /// An integer.
    Int(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// `true`, `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// `7d`, `12h`, `1h30m`, `45s`, `2w`.
    Duration {
        /// As written.
        text: String,
        /// In seconds.
        secs: f64,
    },
    /// A Kubernetes quantity with a suffix (`1Gi`, `500Mi`, `2k`, `3M`); unsuffixed quantities
    /// are plain numbers.
    Quantity {
        /// As written.
        text: String,
        /// The number it stands for (`1Ki` is 1024).
        value: f64,
    },
    /// `100m` is 100 minutes or 100 milli-units (CPU); the evaluator decides by the field it is
    /// compared with (a quantity string or a time).
    DurationOrQuantity {
        /// As written.
        text: String,
        /// As minutes, in seconds.
        secs: f64,
        /// As a quantity (milli-units).
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
    /// How many reached nodes it takes.
    pub quant: Spanned<WithQuant>,
    /// The walk from each node.
    pub traversal: Traversal,
    /// What the reached nodes must be, if anything.
    pub part: Option<Part>,
}

/// The quantifier of `with(…)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithQuant {
    /// At least one.
    Any,
    /// None.
    Empty,
    /// `count op N`.
    Count(CmpOp, u64),
}

/// An arrow: which edges, which way, how deep.
#[derive(Clone, Debug, PartialEq)]
pub struct Traversal {
    /// Which way edges are followed.
    pub direction: Direction,
    /// Empty: every edge kind.
    pub edges: Vec<Spanned<EdgeKind>>,
    /// How many hops.
    pub depth: Depth,
    /// `-can_reach->`: a computed edge, from NetworkPolicies rather than stored edges.
    pub reach: Option<Reach>,
    /// The arrow as written.
    pub span: Span,
}

/// `-can_reach->`, `-can_reach(80)->`, `-can_reach(53/UDP)->`: the workloads NetworkPolicies
/// let the start nodes connect to (docs/netpol.md), on any connection or on one port.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reach {
    /// `(port, protocol)`; the protocol is `TCP`, `UDP` or `SCTP` (TCP when not written).
    pub port: Option<(u16, String)>,
}

/// Which way a traversal follows edges.
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
    /// The fewest hops.
    pub min: u32,
    /// The most hops; `None`: no limit.
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

/// A path into a node's object (`spec.containers[*].image`), or into its nearest ancestor's or
/// descendant's of a kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// Whose object the path reads.
    pub root: PathRoot,
    /// The keys and indexes, in order.
    pub segments: Vec<Spanned<Segment>>,
    /// The path as written.
    pub span: Span,
}

/// Whose object a path reads.
#[derive(Clone, Debug, PartialEq)]
pub enum PathRoot {
    /// The node's own object.
    Object,
    /// `ancestors.<kind>.…`: the nearest node of that kind along incoming edges.
    Ancestors(KindRef),
    /// `descendants.<kind>.…`: the nearest node of that kind along outgoing edges.
    Descendants(KindRef),
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// `.key`
    Key(String),
    /// `[n]`
    Index(u64),
    /// `[*]`
    Wildcard,
}

/// A kind as written, and what it resolved to against the built-in kinds table.
#[derive(Clone, Debug, PartialEq)]
pub struct KindRef {
    /// As the user wrote it.
    pub written: String,
    /// What it resolved to.
    pub kind: KindSel,
    /// Where.
    pub span: Span,
}

/// The kinds a kind reference selects.
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
    Custom {
        /// The group, when written (`batch.volcano.sh`).
        group: Option<String>,
        /// The kind.
        kind: String,
    },
}

/// A command after `|`.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `count [path]`
    Count(Option<Path>),
    /// `list [columns]`; no columns: kind, namespace, name.
    List(Vec<Column>),
    /// `dump`: the full objects.
    Dump,
    /// `format F`: the name as written, checked by the caller against the formats it prints
    /// (see [`crate::syntax::Options`]).
    Format(Spanned<String>),
    /// `sort path [asc|desc], …`
    Sort(Vec<SortKey>),
    /// `limit n`, `limit offset, n`
    Limit {
        /// How many to skip.
        offset: Option<u64>,
        /// How many to keep.
        count: u64,
    },
    /// `head n`
    Head(u64),
    /// `tail n`
    Tail(u64),
    /// `uniq`
    Uniq,
    /// `aggregate(groups: funcs)`
    Aggregate {
        /// What the rows are grouped by.
        groups: Vec<Column>,
        /// What is computed per group.
        funcs: Vec<AggCall>,
    },
    /// `explain`: the plan instead of the result.
    Explain,
    /// `tag update KEY VALUE`
    TagUpdate {
        /// The annotation's key.
        key: Spanned<String>,
        /// Its value.
        value: Spanned<String>,
    },
    /// `tag delete KEY`
    TagDelete {
        /// The annotation's key.
        key: Spanned<String>,
    },
    /// `clean`: delete the objects.
    Clean,
}

/// `path [as name]`
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The values of the column.
    pub path: Path,
    /// Its header, when not the path as written.
    pub alias: Option<Spanned<String>>,
}

/// `path [asc|desc]`
#[derive(Clone, Debug, PartialEq)]
pub struct SortKey {
    /// What to sort by.
    pub path: Path,
    /// Which way.
    pub order: Order,
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// `count() as n`, `sum(path)`, ...
#[derive(Clone, Debug, PartialEq)]
pub struct AggCall {
    /// The function.
    pub func: Spanned<AggFunc>,
    /// Its argument (`count()` has none).
    pub path: Option<Path>,
    /// The column's name, when not the call as written.
    pub alias: Option<Spanned<String>>,
    /// The call as written.
    pub span: Span,
}

/// An aggregate function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggFunc {
    /// `count()`, `count(path)`
    Count,
    /// `sum(path)`
    Sum,
    /// `min(path)`
    Min,
    /// `max(path)`
    Max,
    /// `avg(path)`
    Avg,
}

impl AggFunc {
    /// Every function with its name.
    pub const ALL: [(&'static str, AggFunc); 5] = [
        ("count", AggFunc::Count),
        ("sum", AggFunc::Sum),
        ("min", AggFunc::Min),
        ("max", AggFunc::Max),
        ("avg", AggFunc::Avg),
    ];

    /// The function's name.
    pub fn as_str(self) -> &'static str {
        AggFunc::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
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
