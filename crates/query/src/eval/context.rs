//! What evaluation reads: the graph, its indexes ([`QueryIndex`]) and the facts the application
//! knows about it ([`Facts`]: health, the reference time, NetworkPolicy reachability), which
//! the query language uses but does not own.

use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::Health;

use crate::eval::index::QueryIndex;
use crate::eval::reach::ReachIndex;

/// Facts about a graph that queries read and the application provides (and may share between
/// queries, a shell session, an API): every method takes the graph the facts are about, and must
/// be given the same graph each time. [`crate::GraphFacts`] computes them from the graph on first
/// use.
pub trait Facts: Sync {
    /// A node's health (`health`, `health.reason`).
    fn health(&self, graph: &Graph, id: NodeId) -> &Health;

    /// The time `age` is measured against, in seconds since the Unix epoch; `None` when there
    /// is none (a graph without timestamps).
    fn now(&self, graph: &Graph) -> Option<f64>;

    /// The NetworkPolicy analysis behind `-can_reach->`, or why the policies cannot be
    /// analysed.
    fn reach(&self, graph: &Graph) -> Result<&ReachIndex, &str>;
}

/// What evaluation needs: the graph, its indexes and its facts.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The graph queried.
    pub graph: &'a Graph,
    /// Its indexes, built from it.
    pub index: &'a QueryIndex,
    /// Facts about it.
    pub facts: &'a dyn Facts,
}

impl<'a> Ctx<'a> {
    /// A context over `graph`; `index` and `facts` must be of that graph.
    pub fn new(graph: &'a Graph, index: &'a QueryIndex, facts: &'a dyn Facts) -> Self {
        Ctx {
            graph,
            index,
            facts,
        }
    }
}
