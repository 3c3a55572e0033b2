//! Queries (docs/query.md) against a snapshot: health and age judged at its reference time.

use crate::landscape::Snapshot;
use kubegraph_graph::NodeId;
use kubegraph_query::Output;

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

/// Runs `query` on `snapshot`.
pub fn search(snapshot: &Snapshot, query: &str) -> Result<Found, QueryError> {
    let error = |e: kubegraph_query::Diagnostic| QueryError {
        message: e.kind.to_string(),
        hint: e.suggestion.as_ref().map(|s| format!("did you mean {s}?")),
        span: (e.span.start, e.span.end),
        rendered: e.render(query),
    };
    let ast = kubegraph_formats::parse_query(query).map_err(error)?;
    match kubegraph_formats::run(&snapshot.query(), &ast, None).map_err(error)? {
        kubegraph_formats::Answer {
            output: Output::Nodes(n),
            format: None,
        } => Ok(Found::Nodes(n)),
        answer => {
            let mut text = Vec::new();
            answer
                .write(&snapshot.graph, &mut text)
                .expect("writing to memory cannot fail");
            Ok(Found::Text(String::from_utf8_lossy(&text).into_owned()))
        }
    }
}
