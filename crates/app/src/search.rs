//! Queries (docs/query.md) against a snapshot: health and age judged at its reference time.

use crate::landscape::Snapshot;
use kubegraph_graph::NodeId;
use kubegraph_health::time::Now;
use kubegraph_query::{execute, parse, Output, QueryIndex};

/// What a query found.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The nodes it selects, in result order.
    Nodes(Vec<NodeId>),
    /// What a command at its end printed (`count`, `list`, …).
    Text(String),
}

/// A query that does not parse or cannot run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong.
    pub message: String,
    /// A suggestion (`did you mean …`).
    pub hint: Option<String>,
    /// Where (bytes of the query).
    pub span: (usize, usize),
    /// The query with a caret under the mistake.
    pub rendered: String,
}

/// The query index of a snapshot, judging health and `age` against its reference time
/// (`--now`, the clock for a live source, else the snapshot's newest timestamp, which is the
/// index's own default).
pub fn index(snapshot: &Snapshot) -> QueryIndex {
    let clock = snapshot.clock();
    let index = QueryIndex::new(&snapshot.graph).with_health_now(clock);
    match (clock, snapshot.now()) {
        (Now::NewestInInput, _) | (_, None) => index,
        (_, Some(t)) => index.with_now(t.as_second() as f64),
    }
}

/// Runs `query` on `snapshot`.
pub fn search(snapshot: &Snapshot, query: &str) -> Result<Found, QueryError> {
    let ast = parse(query).map_err(|e| QueryError {
        message: e.kind.to_string(),
        hint: e.suggestion.as_ref().map(|s| format!("did you mean {s}?")),
        span: (e.span.start, e.span.end),
        rendered: e.render(query),
    })?;
    let index = index(snapshot);
    match execute(&snapshot.graph, &index, &ast) {
        Ok(Output::Nodes(n)) => Ok(Found::Nodes(n)),
        Ok(Output::Text(t)) => Ok(Found::Text(t)),
        Err(e) => Err(QueryError {
            message: e.message.clone(),
            hint: None,
            span: (e.span.start, e.span.end),
            rendered: e.render(query),
        }),
    }
}
