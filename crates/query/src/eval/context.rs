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

/// What evaluation needs: the graph, its indexes and its facts, and what the caller shows of
/// the graph ([`Scope`]).
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The graph queried.
    pub graph: &'a Graph,
    /// Its indexes, built from it.
    pub index: &'a QueryIndex,
    /// Facts about it.
    pub facts: &'a dyn Facts,
    /// What results may hold (`-n`, `-l`); `None`: everything.
    pub scope: Option<&'a Scope>,
}

impl<'a> Ctx<'a> {
    /// A context over `graph`; `index` and `facts` must be of that graph.
    pub fn new(graph: &'a Graph, index: &'a QueryIndex, facts: &'a dyn Facts) -> Self {
        Ctx {
            graph,
            index,
            facts,
            scope: None,
        }
    }

    /// The same context, its results kept to `scope`.
    pub fn scoped(self, scope: &'a Scope) -> Self {
        Ctx {
            scope: (!scope.is_everything()).then_some(scope),
            ..self
        }
    }

    /// Whether a node is in the caller's scope.
    pub fn in_scope(&self, id: NodeId) -> bool {
        self.scope.is_none_or(|s| s.contains(self.graph, id))
    }
}

/// What a front end shows of a graph, as kubectl's `-n` and `-l` say it: objects of these
/// namespaces (cluster-scoped objects whatever the namespaces, as kubectl lists cluster-scoped
/// kinds whatever `-n` says) whose labels match the selector. The query runs on the whole graph
/// (a traversal may pass through other namespaces); its start set and its results are kept to
/// the scope.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// `-n`: empty for all namespaces.
    pub namespaces: Vec<String>,
    /// `-l`: `None` for every object.
    pub selector: Option<kubegraph_model::LabelSelector>,
}

impl Scope {
    /// No namespace and no selector: every node.
    pub fn is_everything(&self) -> bool {
        self.namespaces.is_empty() && self.selector.is_none()
    }

    /// Whether the node is in scope.
    pub fn contains(&self, graph: &Graph, id: NodeId) -> bool {
        let o = &graph.node(id).object;
        let ns_ok = self.namespaces.is_empty()
            || o.namespace
                .as_ref()
                .is_none_or(|ns| self.namespaces.iter().any(|n| n == ns));
        ns_ok
            && self.selector.as_ref().is_none_or(|s| {
                let labels = o.labels();
                s.matches(|k| {
                    use kubegraph_model::json::JsonValueTrait;
                    labels.and_then(|m| m.get(&k)).and_then(|v| v.as_str())
                })
            })
    }
}
