//! [`GraphFacts`]: the standard [`Facts`], computed from the graph on first use and kept.

use std::sync::OnceLock;

use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::time::Now;
use kubegraph_health::Health;

use crate::eval::context::Facts;
use crate::eval::reach::ReachIndex;
use crate::eval::units::creation_time;

/// Health, the reference time and the NetworkPolicy analysis of one graph, each computed on
/// first use (a query that does not read `health` does not assess the graph). For tests,
/// benchmarks and simple callers; an application may keep its own [`Facts`].
pub struct GraphFacts {
    now: Now,
    /// "Now" for `age` when given or read from the clock; else the newest creation time,
    /// found on first use.
    age_now: Option<f64>,
    newest: OnceLock<Option<f64>>,
    health: OnceLock<Vec<Health>>,
    reach: OnceLock<Result<ReachIndex, String>>,
}

impl GraphFacts {
    /// Facts judged against `now`: health's time-dependent rules use it as
    /// [`kubegraph_health::assess_at`] does, and `age` is measured against it. With
    /// [`Now::NewestInInput`] (a snapshot) `age` is measured against the newest
    /// `metadata.creationTimestamp` of the graph; the clock ([`Now::Clock`]) is read here, once.
    pub fn new(now: Now) -> Self {
        let age_now = match now {
            Now::NewestInInput => None,
            Now::At(t) => Some(t.as_second() as f64),
            Now::Clock => Some(kubegraph_model::time::Timestamp::now().as_second() as f64),
        };
        GraphFacts {
            now,
            age_now,
            newest: OnceLock::new(),
            health: OnceLock::new(),
            reach: OnceLock::new(),
        }
    }
}

impl Default for GraphFacts {
    /// Facts of a snapshot: [`Now::NewestInInput`].
    fn default() -> Self {
        GraphFacts::new(Now::NewestInInput)
    }
}

impl Facts for GraphFacts {
    fn health(&self, graph: &Graph, id: NodeId) -> &Health {
        &self
            .health
            .get_or_init(|| kubegraph_health::assess_at(graph, self.now))[id.0 as usize]
    }

    fn now(&self, graph: &Graph) -> Option<f64> {
        self.age_now.or_else(|| {
            *self.newest.get_or_init(|| {
                graph
                    .nodes()
                    .filter_map(|(_, n)| creation_time(&n.object.raw))
                    .reduce(f64::max)
            })
        })
    }

    fn reach(&self, graph: &Graph) -> Result<&ReachIndex, &str> {
        self.reach
            .get_or_init(|| ReachIndex::new(graph))
            .as_ref()
            .map_err(String::as_str)
    }
}
