//! The Gremlin AST, and its rendering as canonical Gremlin with pairs made explicit
//! (`G.V().Has(Type="pod").In()`), which the golden tests compare against.

use std::fmt::{self, Display, Formatter};

use crate::syntax::ast::{Order, Spanned};
use crate::syntax::diagnostic::Span;
use crate::syntax::print::join;

/// `G.source.step.step…`
#[derive(Clone, Debug, PartialEq)]
pub struct Gremlin {
    /// `V(…)` or `E(…)`.
    pub source: Spanned<Source>,
    /// The steps after it, in order.
    pub steps: Vec<Spanned<Step>>,
    /// The whole query.
    pub span: Span,
}

/// Where the stream starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// `V()`, or `V('id')`: one node by id.
    V(Option<Spanned<Literal>>),
    /// `E()` (edges have no ids: `E(id)` is an error at evaluation).
    E(Option<Spanned<Literal>>),
}

/// A literal argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// A string (quoted, or a bare word where a value is expected).
    Str(String),
    /// An integer.
    Int(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// `true`, `false`.
    Bool(bool),
}

/// What a key must match: a value (equality) or a predicate.
#[derive(Clone, Debug, PartialEq)]
pub enum Match {
    /// The value.
    Eq(Literal),
    /// A predicate and its arguments.
    Pred(PredOp, Vec<Spanned<Literal>>),
}

/// A Gremlin predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PredOp {
    /// `NE(v)`: not equal.
    Ne,
    /// `Regex(r)`: matches, unanchored.
    Regex,
    /// `Within(a, b, …)`: one of.
    Within,
    /// `Without(a, b, …)`: none of.
    Without,
    /// `Lt(v)`
    Lt,
    /// `Lte(v)`
    Lte,
    /// `Gt(v)`
    Gt,
    /// `Gte(v)`
    Gte,
    /// `Inside(a, b)`: a < x < b.
    Inside,
    /// `Between(a, b)`: a ≤ x < b.
    Between,
}

impl PredOp {
    /// Every predicate with its name as Skydive spells it.
    pub const ALL: [(&'static str, PredOp); 10] = [
        ("NE", PredOp::Ne),
        ("Regex", PredOp::Regex),
        ("Within", PredOp::Within),
        ("Without", PredOp::Without),
        ("Lt", PredOp::Lt),
        ("Lte", PredOp::Lte),
        ("Gt", PredOp::Gt),
        ("Gte", PredOp::Gte),
        ("Inside", PredOp::Inside),
        ("Between", PredOp::Between),
    ];

    /// The predicate's name.
    pub fn as_str(self) -> &'static str {
        PredOp::ALL
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("?", |(n, _)| n)
    }

    /// How many arguments: exactly `n`, or `None` for one or more.
    pub(crate) fn arity(self) -> Option<usize> {
        match self {
            PredOp::Within | PredOp::Without => None,
            PredOp::Inside | PredOp::Between => Some(2),
            _ => Some(1),
        }
    }
}

/// `key` alone (`Has('Name')`: the key exists) or `key, value|predicate`.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyValue {
    /// The Skydive property name, as written.
    pub key: Spanned<String>,
    /// What it must match; `None`: the key exists.
    pub value: Option<Spanned<Match>>,
}

/// A step after the source.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// `Has(k, v, …)`: every pair holds.
    Has(Vec<KeyValue>),
    /// `HasKey(k)`: the key exists.
    HasKey(Spanned<String>),
    /// `HasNot(k)`: the key does not exist.
    HasNot(Spanned<String>),
    /// `HasEither(k, v, …)`: some pair holds.
    HasEither(Vec<KeyValue>),
    /// Node steps with optional key/value filters (`Out('Name', 'intf1')` is `Out().Has(...)`).
    Out(Vec<KeyValue>),
    /// `In(…)`: one hop over incoming edges.
    In(Vec<KeyValue>),
    /// `Both(…)`: one hop either way.
    Both(Vec<KeyValue>),
    /// `OutE(…)`: the outgoing edges, filtered by the pairs.
    OutE(Vec<KeyValue>),
    /// `InE(…)`: the incoming edges.
    InE(Vec<KeyValue>),
    /// `BothE(…)`: the edges either way.
    BothE(Vec<KeyValue>),
    /// `OutV(…)`: the edges' sources.
    OutV(Vec<KeyValue>),
    /// `InV(…)`: the edges' targets.
    InV(Vec<KeyValue>),
    /// `Dedup([keys])`: drop repeats (of the keys' values, when given).
    Dedup(Vec<Spanned<String>>),
    /// `Count()`
    Count,
    /// `Limit(n)`
    Limit(u64),
    /// `Range(a, b)`: `a` inclusive, `b` exclusive.
    Range(u64, u64),
    /// `Sort([ASC|DESC,] [key])`
    Sort {
        /// `ASC` or `DESC`, when written.
        order: Option<Order>,
        /// The key, when written; without one the stable order.
        key: Option<Spanned<String>>,
    },
    /// `Values(keys…)`
    Values(Vec<Spanned<String>>),
    /// `ValueMap([keys…])`
    ValueMap(Vec<Spanned<String>>),
    /// `Keys()`
    Keys,
    /// Optional maximum depth.
    Descendants(Option<u64>),
    /// `Ascendants([depth])`: along incoming `owns` and `contains` edges.
    Ascendants(Option<u64>),
    /// `ShortestPathTo(Metadata(...)[, Metadata(...)])`: target node filter, edge filter.
    ShortestPathTo {
        /// What the target must be.
        to: Vec<KeyValue>,
        /// What the edges walked must be.
        via: Option<Vec<KeyValue>>,
    },
    /// `SubGraph()`
    SubGraph,
}

/// Steps kubegraph accepts, as Skydive spells them.
pub const STEPS: [&str; 26] = [
    "V",
    "E",
    "Has",
    "HasKey",
    "HasNot",
    "HasEither",
    "Out",
    "In",
    "Both",
    "OutE",
    "InE",
    "BothE",
    "OutV",
    "InV",
    "Dedup",
    "Count",
    "Limit",
    "Range",
    "Sort",
    "Values",
    "ValueMap",
    "Keys",
    "Descendants",
    "Ascendants",
    "ShortestPathTo",
    "SubGraph",
];

/// Skydive steps with no meaning on a Kubernetes object graph.
pub(crate) const UNSUPPORTED: [&str; 12] = [
    "Flows",
    "GraphPath",
    "At",
    "Context",
    "Metrics",
    "Sockets",
    "As",
    "Select",
    "Aggregates",
    "Sum",
    "Capture",
    "Nodes",
];

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write!(f, "{s:?}"),
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Float(x) => write!(f, "{x:?}"),
            Literal::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl Display for KeyValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key.node)?;
        match &self.value {
            None => Ok(()),
            Some(v) => match &v.node {
                Match::Eq(l) => write!(f, "={l}"),
                Match::Pred(op, args) => {
                    write!(f, "={}(", op.as_str())?;
                    let nodes: Vec<_> = args.iter().map(|a| &a.node).collect();
                    join(f, &nodes, ", ")?;
                    f.write_str(")")
                }
            },
        }
    }
}

fn keys(f: &mut Formatter<'_>, name: &str, keys: &[Spanned<String>]) -> fmt::Result {
    let quoted: Vec<String> = keys.iter().map(|k| format!("{:?}", k.node)).collect();
    write!(f, "{name}({})", quoted.join(", "))
}

impl Display for Gremlin {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (name, id) = match &self.source.node {
            Source::V(id) => ("V", id),
            Source::E(id) => ("E", id),
        };
        match id {
            Some(id) => write!(f, "G.{name}({})", id.node)?,
            None => write!(f, "G.{name}()")?,
        }
        for s in &self.steps {
            write!(f, ".{}", s.node)?;
        }
        Ok(())
    }
}

impl Display for Step {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let pairs = |f: &mut Formatter<'_>, name: &str, kvs: &[KeyValue]| {
            write!(f, "{name}(")?;
            join(f, kvs, ", ")?;
            f.write_str(")")
        };
        match self {
            Step::Has(kv) => pairs(f, "Has", kv),
            Step::HasEither(kv) => pairs(f, "HasEither", kv),
            Step::HasKey(k) => write!(f, "HasKey({:?})", k.node),
            Step::HasNot(k) => write!(f, "HasNot({:?})", k.node),
            Step::Out(kv) => pairs(f, "Out", kv),
            Step::In(kv) => pairs(f, "In", kv),
            Step::Both(kv) => pairs(f, "Both", kv),
            Step::OutE(kv) => pairs(f, "OutE", kv),
            Step::InE(kv) => pairs(f, "InE", kv),
            Step::BothE(kv) => pairs(f, "BothE", kv),
            Step::OutV(kv) => pairs(f, "OutV", kv),
            Step::InV(kv) => pairs(f, "InV", kv),
            Step::Dedup(k) => keys(f, "Dedup", k),
            Step::Values(k) => keys(f, "Values", k),
            Step::ValueMap(k) => keys(f, "ValueMap", k),
            Step::Count => f.write_str("Count()"),
            Step::Keys => f.write_str("Keys()"),
            Step::SubGraph => f.write_str("SubGraph()"),
            Step::Limit(n) => write!(f, "Limit({n})"),
            Step::Range(a, b) => write!(f, "Range({a}, {b})"),
            Step::Descendants(d) | Step::Ascendants(d) => {
                let name = if matches!(self, Step::Descendants(_)) {
                    "Descendants"
                } else {
                    "Ascendants"
                };
                match d {
                    Some(d) => write!(f, "{name}({d})"),
                    None => write!(f, "{name}()"),
                }
            }
            Step::Sort { order, key } => {
                let mut args = Vec::new();
                match order {
                    Some(Order::Asc) => args.push("ASC".to_string()),
                    Some(Order::Desc) => args.push("DESC".to_string()),
                    None => {}
                }
                if let Some(k) = key {
                    args.push(format!("{:?}", k.node));
                }
                write!(f, "Sort({})", args.join(", "))
            }
            Step::ShortestPathTo { to, via } => {
                f.write_str("ShortestPathTo(")?;
                pairs(f, "Metadata", to)?;
                if let Some(via) = via {
                    f.write_str(", ")?;
                    pairs(f, "Metadata", via)?;
                }
                f.write_str(")")
            }
        }
    }
}
