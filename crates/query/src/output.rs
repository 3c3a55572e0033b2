//! What a query produces: typed results, never text. Rendering them as a table, CSV,
//! Markdown, JSON, YAML or a graph format is the caller's (kubegraph's formats crate).
//!
//! Every type serializes (serde) for APIs: node ids as their number, edge kinds as their name,
//! cells as JSON values, times in microseconds.

use std::time::Duration;

use kubegraph_graph::NodeId;
use kubegraph_model::EdgeKind;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

/// The result of a query.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// Nodes, in result order (a query without a terminal command, or a Gremlin node stream).
    Nodes(#[serde(serialize_with = "node_ids")] Vec<NodeId>),
    /// `count`, or Gremlin's `Count()`: how many.
    Count(usize),
    /// `count path`: how many nodes have each value.
    CountBy(CountBy),
    /// `list`: a row per node, a column per path.
    Rows(Rows),
    /// `aggregate`: a row per group.
    Groups(Groups),
    /// `dump`: the full objects of these nodes.
    Objects(#[serde(serialize_with = "node_ids")] Vec<NodeId>),
    /// `tag update`, `tag delete`, `clean`: what the action would change (a dry run).
    Actions(ActionPlan),
    /// `explain`: the plan, step by step.
    Plan(Plan),
    /// Gremlin's `Values` and `ValueMap`: JSON values, in stream order.
    Values(Vec<Json>),
    /// Gremlin's `Keys`: property names.
    Keys(Vec<String>),
    /// Gremlin's edge streams (`E()`, `OutE()`, …), in stream order.
    Edges(Vec<EdgeRef>),
}

impl Output {
    /// Whether the query found nothing: no node, a count of 0, no row, no group with a
    /// non-zero count, no target, a plan whose last step keeps nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Output::Nodes(n) | Output::Objects(n) => n.is_empty(),
            Output::Count(n) => *n == 0,
            Output::CountBy(c) => c.matched == 0,
            Output::Rows(r) => r.rows.is_empty(),
            Output::Groups(g) => g
                .rows
                .iter()
                .all(|r| r.iter().all(|c| matches!(c, Cell::Null | Cell::Int(0)))),
            Output::Actions(a) => a.targets.is_empty(),
            Output::Plan(p) => p.steps.last().is_none_or(|s| s.actual == 0),
            Output::Values(v) => v.is_empty(),
            Output::Keys(k) => k.is_empty(),
            Output::Edges(e) => e.is_empty(),
        }
    }
}

/// `count path`: the values of the path with how many nodes have each, by count (most first)
/// then value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountBy {
    /// Each value and its count.
    pub values: Vec<ValueCount>,
    /// Nodes with the path.
    pub matched: usize,
    /// Nodes without it.
    pub unmatched: usize,
}

/// One value of `count path` and how many nodes have it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueCount {
    /// The value, as text.
    pub value: String,
    /// How many nodes have it.
    pub count: usize,
}

/// One value of a table: absent, a text, several texts, or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value (`-` in a table, empty in CSV, `null` in JSON).
    Null,
    /// One value, as text.
    Text(String),
    /// Several values, as text.
    List(Vec<String>),
    /// An integer (counts, integral sums).
    Int(i64),
    /// A number with a fraction, rounded to 9 decimals.
    Float(f64),
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_unit(),
            Cell::Text(t) => s.serialize_str(t),
            Cell::List(l) => s.collect_seq(l),
            Cell::Int(i) => s.serialize_i64(*i),
            Cell::Float(f) => s.serialize_f64(*f),
        }
    }
}

/// `list`: named columns, a row of cells per node, and the nodes (graph formats draw them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rows {
    /// The headers: an alias, else the path as written.
    pub columns: Vec<String>,
    /// One row per node, a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The listed nodes, in row order.
    #[serde(serialize_with = "node_ids")]
    pub nodes: Vec<NodeId>,
}

/// `aggregate`: the group columns then the function columns, a row per group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Groups {
    /// The headers: an alias, else the path or call as written.
    pub columns: Vec<String>,
    /// One row per group, sorted by the group cells (absent last).
    pub rows: Vec<Vec<Cell>>,
}

/// What an action does to each object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// `tag update KEY VALUE`: set an annotation.
    TagUpdate {
        /// The annotation's key.
        key: String,
        /// Its value.
        value: String,
    },
    /// `tag delete KEY`: remove an annotation.
    TagDelete {
        /// The annotation's key.
        key: String,
    },
    /// `clean`: delete the object.
    Clean,
}

impl Action {
    /// The command as the query names it: `tag update`, `tag delete`, `clean`.
    pub fn verb(&self) -> &'static str {
        match self {
            Action::TagUpdate { .. } => "tag update",
            Action::TagDelete { .. } => "tag delete",
            Action::Clean => "clean",
        }
    }
}

/// A dry run of an action: the objects it would change. Placeholders (objects that do not
/// exist) and kubegraph's own nodes are left out, counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionPlan {
    /// What is done to each target.
    pub action: Action,
    /// The objects, in result order.
    pub targets: Vec<Target>,
    /// How many nodes were left out.
    pub left_out: usize,
}

/// An object an action would change, named as the Kubernetes API does.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    /// The node.
    #[serde(serialize_with = "node_id")]
    pub node: NodeId,
    /// Its namespace, for namespaced objects.
    pub namespace: Option<String>,
    /// The resource, qualified by its group: `deployments.apps`, `configmaps`.
    pub resource: String,
    /// The object's name.
    pub name: String,
}

/// `explain`: each step the evaluator ran, and the paths of the query no object has.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// The steps, in the order they ran.
    pub steps: Vec<PlanStep>,
    /// Paths of the query (as written) that are on no object of the graph: typos, most likely.
    pub missing_paths: Vec<String>,
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStep {
    /// What ran: `filter (is Pod)`, `traverse out (uses) depth 1`, `order`, `sort name asc`, ….
    pub step: String,
    /// What narrowed it: the indexes used, `scan`, `reached`, or `-`.
    pub index: String,
    /// What the step started from, when it says (the candidates, the nodes coming in).
    pub estimated: Option<usize>,
    /// What it left.
    pub actual: usize,
    /// Its wall time; `None` for a step that does no work (`format`).
    pub time: Option<Duration>,
}

impl Serialize for PlanStep {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PlanStep", 5)?;
        st.serialize_field("step", &self.step)?;
        st.serialize_field("index", &self.index)?;
        st.serialize_field("estimated", &self.estimated)?;
        st.serialize_field("actual", &self.actual)?;
        st.serialize_field("time_us", &self.time.map(|d| d.as_micros() as u64))?;
        st.end()
    }
}

/// An edge of a Gremlin edge stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeRef {
    /// Where it starts.
    pub from: NodeId,
    /// Where it ends.
    pub to: NodeId,
    /// What it is.
    pub kind: EdgeKind,
}

impl Serialize for EdgeRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("from", &self.from.0)?;
        m.serialize_entry("to", &self.to.0)?;
        m.serialize_entry("kind", self.kind.as_str())?;
        m.end()
    }
}

/// One JSON value, kept as the exact text Gremlin's `Values`/`ValueMap` give it (object keys in
/// the object's order); serializes as that JSON value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Json(String);

impl Json {
    /// Wraps text that is one JSON value.
    pub(crate) fn new(text: String) -> Json {
        Json(text)
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match serde_json::value::RawValue::from_string(self.0.clone()) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_str(&self.0),
        }
    }
}

/// A number as the query language writes it in text (grouping, tables): integral values
/// without a fraction (`3`, not `3.0`), others as Rust prints them (`0.15`).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

fn node_ids<S: Serializer>(ids: &[NodeId], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(|id| id.0))
}

fn node_id<S: Serializer>(id: &NodeId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(id.0)
}
