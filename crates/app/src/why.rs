//! `why`: from a sick object through what it depends on down to the root causes, with each
//! step's reason and recent warning events, and what to fix (kubegraph_health::rootcause).

use crate::error::Result;
use crate::landscape::Snapshot;
use crate::node::EventSummary;
use crate::NodeSummary;
use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::rootcause::{self, Explanation};
use kubegraph_health::time::Timestamp;
use kubegraph_health::{Health, State};
use kubegraph_query::Scope as ShowScope;
use serde::Serialize;

/// What `why TARGET` found.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Why {
    /// The reference time events and time rules were judged at.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub now: Option<Timestamp>,
    /// One per object the target names (for a namespace: its unhealthy objects nothing else
    /// unhealthy in it depends on), in target order.
    pub explanations: Vec<WhyTree>,
    /// What the target was, for saying so.
    #[serde(skip)]
    pub scope: Scope,
}

/// What a `why` target turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Objects named directly (or by a query).
    Objects,
    /// A namespace, explained by the objects at the top of its trouble.
    Namespace(String),
}

/// Why one object is unhealthy (or that it is not).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct WhyTree {
    /// The object explained.
    pub target: NodeSummary,
    /// It is fine, and nothing it depends on is not.
    pub healthy: bool,
    /// The causal tree from the target down.
    pub tree: WhyStep,
    /// The root causes, in tree order, each once.
    pub root_causes: Vec<RootCause>,
}

/// One object of the causal tree.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct WhyStep {
    /// The object.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// `Pod shop/web` (no "(missing)": the tree says that with its reason).
    #[serde(skip)]
    pub plain_label: String,
    /// How the parent depends on it (`owns`, `uses`, …); `None` for the target.
    pub via: Option<&'static str>,
    /// Its health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why it has that health.
    pub reason: String,
    /// Unhealthy, with no unhealthy dependency of its own.
    pub root_cause: bool,
    /// The newest warning events about it, of the last day.
    pub events: Vec<EventSummary>,
    /// Unhealthy dependencies shown elsewhere in the tree.
    pub also: Vec<Also>,
    /// What it depends on that is unhealthy.
    #[schema(no_recursion)]
    pub children: Vec<WhyStep>,
}

/// A dependency shown elsewhere in the tree.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Also {
    /// How the object depends on it.
    pub via: &'static str,
    /// Its id.
    pub id: String,
    /// `Secret shop/token`.
    #[serde(skip)]
    pub label: String,
    /// Its node, to tell whether it is shown under the object itself.
    #[serde(skip)]
    pub node: NodeId,
}

/// A root cause and what to do about it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RootCause {
    /// The object.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// `Secret payments/token` (no "(missing)").
    #[serde(skip)]
    pub plain_label: String,
    /// Its health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why.
    pub reason: String,
    /// One line for a newcomer: what to create, change or look at.
    pub fix: String,
}

/// Explains `target` (see [`crate::target`] for the forms; a namespace is explained by its
/// unhealthy objects at the top of its trouble; a bare name that is a namespace's names it).
pub fn why(snapshot: &Snapshot, target: &str) -> Result<Why> {
    why_in(snapshot, target, None)
}

/// [`why`], the target read in `scope` (`-n`, `-l`; see [`crate::target::Options`]).
pub fn why_in(snapshot: &Snapshot, target: &str, scope: Option<&ShowScope>) -> Result<Why> {
    let graph = &snapshot.graph;
    let health = snapshot.health();
    let now = snapshot.now();
    let options = crate::target::Options {
        scope,
        prefer_namespace: true,
    };
    let mut targets = crate::target::resolve_with(snapshot, target, options)?;
    let mut scope = Scope::Objects;
    if let [one] = targets.as_slice() {
        let o = &graph.node(*one).object;
        if o.kind == "Namespace" && o.group.is_empty() {
            let ns = o.name.clone();
            targets = sick_tops(graph, health, &ns);
            scope = Scope::Namespace(ns);
        }
    }
    let started = std::time::Instant::now();
    let explanations: Vec<WhyTree> = targets
        .iter()
        .map(|&t| {
            let e = rootcause::explain_with(graph, health, t, now, snapshot.coverage());
            tree(graph, &e, now)
        })
        .collect();
    tracing::debug!(targets = targets.len(), elapsed = ?started.elapsed(), "causes walked");
    Ok(Why {
        now,
        explanations,
        scope,
    })
}

/// The unhealthy objects of a namespace that nothing unhealthy in it depends on: where its
/// trouble shows first (a deployment, not its pods; an ingress, not its service).
fn sick_tops(graph: &Graph, health: &[Health], ns: &str) -> Vec<NodeId> {
    let sick: Vec<NodeId> = graph
        .nodes()
        .filter(|(id, n)| {
            n.parent.is_none()
                && n.object.namespace.as_deref() == Some(ns)
                && n.object.kind != "Event"
                && health[id.0 as usize].state >= State::Warning
        })
        .map(|(id, _)| id)
        .collect();
    let below: std::collections::HashSet<NodeId> = sick
        .iter()
        .flat_map(|&s| {
            rootcause::dependencies(graph, s)
                .into_iter()
                .map(|(_, d)| d)
        })
        .collect();
    sick.into_iter().filter(|s| !below.contains(s)).collect()
}

fn tree(graph: &Graph, e: &Explanation, now: Option<Timestamp>) -> WhyTree {
    WhyTree {
        target: NodeSummary::of(graph, e.tree.node),
        healthy: e.healthy(),
        tree: step(graph, &e.tree, now),
        root_causes: e
            .causes
            .iter()
            .map(|c| RootCause {
                node: NodeSummary::of(graph, c.node),
                plain_label: crate::plain_label(graph, c.node),
                state: c.health.state,
                reason: c.health.reason.clone(),
                fix: c.fix.clone(),
            })
            .collect(),
    }
}

fn step(graph: &Graph, s: &rootcause::Step, now: Option<Timestamp>) -> WhyStep {
    WhyStep {
        node: NodeSummary::of(graph, s.node),
        plain_label: crate::plain_label(graph, s.node),
        via: s.via,
        state: s.health.state,
        reason: s.health.reason.clone(),
        root_cause: s.root_cause,
        events: s.events.iter().map(|e| EventSummary::of(e, now)).collect(),
        also: s
            .also
            .iter()
            .map(|&(via, n)| Also {
                via,
                id: graph.node_id_string(n),
                label: crate::plain_label(graph, n),
                node: n,
            })
            .collect(),
        children: s.children.iter().map(|c| step(graph, c, now)).collect(),
    }
}

impl WhyStep {
    /// Every node of this step's subtree, itself first.
    pub fn subtree(&self) -> Vec<NodeId> {
        let mut out = vec![self.node.node];
        for c in &self.children {
            out.extend(c.subtree());
        }
        out
    }
}
