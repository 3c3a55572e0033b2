//! [`Landscape`]: a loaded, related source and the reference time it is judged at; [`Snapshot`]:
//! one consistent picture of it, which every answer reads.

use crate::error::Result;
use crate::live::{LiveSession, SyncProgress};
use crate::source::{self, Source};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::time::{Now, Timestamp};
use kubegraph_health::Health;
use kubegraph_model::Diagnostic;
use std::sync::{Arc, OnceLock};

/// A source, loaded and related: a file set or the demo (one snapshot for good) or live
/// clusters (a session that keeps watching, and a new snapshot when something changed).
pub struct Landscape {
    current: Arc<Snapshot>,
    /// How the reference time is chosen: `--now`, else the newest timestamp in a file source,
    /// else the clock for a live one.
    clock: Now,
    /// A live source still watching; `None` for files and the demo.
    live: Option<LiveSession>,
}

/// How the objects of a snapshot were found, for saying so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Read from this many files (the demo is one).
    Files(usize),
    /// Listed from live clusters.
    Live,
}

/// One consistent picture of a landscape: the graph, what loading it said, and the reference
/// time of its health, each computed once, when first asked for.
pub struct Snapshot {
    /// The graph; shared with the live source's published graph, when there is one.
    pub graph: Arc<Graph>,
    /// Warnings about the input, in the order they were said.
    pub diagnostics: Vec<Diagnostic>,
    /// Objects in the input (synthetic and placeholder nodes not counted).
    pub objects: usize,
    /// Where the objects came from.
    pub origin: Origin,
    /// The live store's version this graph reflects (0 for files).
    pub version: u64,
    clock: Now,
    now: OnceLock<Option<Timestamp>>,
    health: OnceLock<Vec<Health>>,
    /// The query language's indexes and what `age` is measured against, made on first query.
    index: OnceLock<kubegraph_query::QueryIndex>,
    age_now: OnceLock<Option<f64>>,
    reach: OnceLock<Result<kubegraph_query::ReachIndex, String>>,
}

impl Landscape {
    /// Loads `source` and relates it. `now` is `--now` (RFC 3339), if given. A live source
    /// syncs first, calling `progress` every 100 ms while it does.
    pub fn load(
        source: &Source,
        now: Option<&str>,
        progress: &mut dyn FnMut(&SyncProgress),
    ) -> Result<Landscape> {
        crate::memory::no_huge_pages();
        let given = Now::from_option(now)?;
        if let Source::Live(options) = source {
            let clock = match given {
                Now::NewestInInput => Now::Clock,
                given => given,
            };
            let live = LiveSession::start(options.clone(), progress)?;
            let current = Arc::new(live.snapshot(clock, Vec::new()));
            return Ok(Landscape {
                current,
                clock,
                live: Some(live),
            });
        }
        let (graph, diagnostics, files, objects) = source::relate(source::read(source)?)?;
        Ok(Landscape {
            current: Arc::new(Snapshot::new(
                Arc::new(graph),
                diagnostics,
                objects,
                Origin::Files(files),
                0,
                given,
            )),
            clock: given,
            live: None,
        })
    }

    /// A landscape of a graph built elsewhere (tests, benchmarks, other front ends' sources).
    pub fn from_graph(graph: Graph, objects: usize, now: Now) -> Landscape {
        Landscape {
            current: Arc::new(Snapshot::new(
                Arc::new(graph),
                Vec::new(),
                objects,
                Origin::Files(0),
                0,
                now,
            )),
            clock: now,
            live: None,
        }
    }

    /// The picture as of the last [`Landscape::refresh`] (or the load).
    pub fn snapshot(&self) -> &Arc<Snapshot> {
        &self.current
    }

    /// The live session, for front ends that keep watching.
    pub fn live(&self) -> Option<&LiveSession> {
        self.live.as_ref()
    }

    /// For a live source, a new snapshot when the clusters changed since the current one (with
    /// the warnings said since, which are also added to the snapshot's own); `None` when nothing
    /// changed or the source is files.
    pub fn refresh(&mut self) -> Option<(Arc<Snapshot>, Vec<Diagnostic>)> {
        let live = self.live.as_ref()?;
        if live.version() == self.current.version {
            return None;
        }
        let mut diagnostics = self.current.diagnostics.clone();
        let fresh = live.snapshot(self.clock, Vec::new());
        let said = fresh.diagnostics.clone();
        diagnostics.extend(fresh.diagnostics.iter().cloned());
        let fresh = Snapshot {
            diagnostics,
            ..fresh
        };
        self.current = Arc::new(fresh);
        Some((self.current.clone(), said))
    }
}

impl Snapshot {
    pub(crate) fn new(
        graph: Arc<Graph>,
        diagnostics: Vec<Diagnostic>,
        objects: usize,
        origin: Origin,
        version: u64,
        clock: Now,
    ) -> Snapshot {
        Snapshot {
            graph,
            diagnostics,
            objects,
            origin,
            version,
            clock,
            now: OnceLock::new(),
            health: OnceLock::new(),
            index: OnceLock::new(),
            age_now: OnceLock::new(),
            reach: OnceLock::new(),
        }
    }

    /// What a query runs against: the graph, its indexes, and this snapshot's health, reference
    /// time and NetworkPolicy analysis (each computed once per snapshot).
    pub fn query(&self) -> kubegraph_query::Ctx<'_> {
        let index = self
            .index
            .get_or_init(|| kubegraph_query::QueryIndex::new(&self.graph));
        kubegraph_query::Ctx::new(&self.graph, index, self)
    }

    /// How the reference time is chosen (`--now`, the newest timestamp, the clock).
    pub fn clock(&self) -> Now {
        self.clock
    }

    /// The time time-dependent health rules compare against, resolved once per snapshot;
    /// `None` for manifests without a single timestamp.
    pub fn now(&self) -> Option<Timestamp> {
        *self.now.get_or_init(|| self.clock.resolve(&self.graph))
    }

    /// Health of every node, by node id, assessed once per snapshot.
    pub fn health(&self) -> &[Health] {
        self.health.get_or_init(|| {
            let started = std::time::Instant::now();
            let at = match self.now() {
                Some(t) => Now::At(t),
                None => Now::NewestInInput,
            };
            let health = kubegraph_health::assess_with(&self.graph, at, self.coverage());
            tracing::debug!(elapsed = ?started.elapsed(), "health assessed");
            health
        })
    }

    /// How much of its clusters the snapshot holds: a live source lists every object of the
    /// kinds it reads; files may hold any part.
    pub fn coverage(&self) -> kubegraph_health::Coverage {
        match self.origin {
            Origin::Live => kubegraph_health::Coverage::Complete,
            Origin::Files(_) => kubegraph_health::Coverage::Partial,
        }
    }

    /// Health of one node.
    pub fn health_of(&self, id: NodeId) -> &Health {
        &self.health()[id.0 as usize]
    }

    /// `Pod shop/web-1`, `StorageClass io2-fast (missing)`: how every answer names a node.
    pub fn label(&self, id: NodeId) -> String {
        crate::label(&self.graph, id)
    }
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("nodes", &self.graph.node_count())
            .field("edges", &self.graph.edge_count())
            .field("objects", &self.objects)
            .field("origin", &self.origin)
            .field("version", &self.version)
            .finish()
    }
}

/// Queries read health, the reference time and reachability from the snapshot.
impl kubegraph_query::Facts for Snapshot {
    fn health(&self, _graph: &Graph, id: NodeId) -> &Health {
        self.health_of(id)
    }

    /// `age` is measured against `--now` or the clock when they decide, else against the
    /// newest creation time in the input.
    fn now(&self, graph: &Graph) -> Option<f64> {
        *self.age_now.get_or_init(|| match (self.clock, self.now()) {
            (Now::NewestInInput, _) | (_, None) => graph
                .nodes()
                .filter_map(|(_, n)| kubegraph_query::eval::units::creation_time(&n.object.raw))
                .reduce(f64::max),
            (_, Some(t)) => Some(t.as_second() as f64),
        })
    }

    fn reach(&self, graph: &Graph) -> Result<&kubegraph_query::ReachIndex, &str> {
        self.reach
            .get_or_init(|| kubegraph_query::ReachIndex::new(graph))
            .as_ref()
            .map_err(String::as_str)
    }
}
