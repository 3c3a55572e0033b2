//! Health of every node: `ok`, `warning`, `error` or `unknown`, with a one-line reason in the
//! user's words ("container api waiting: CreateContainerConfigError: secret \"api-token\" not
//! found").
//!
//! [`assess`] makes one pass over the nodes. Each node is judged from its own `status` and from
//! the graph around it (what it references, what selects or routes to it), never from another
//! node's *computed* health: the rules are in `docs/health.md`, one line each, and follow the
//! "Health, per kind" table of `shared/spec/relations.md`.
//!
//! * Objects without a status (plain manifests) are `unknown`, unless a structural problem
//!   applies: a non-optional reference to an object that is not in the input is an `error` on
//!   the referrer, and the missing object (a placeholder) is an `error` too. When the referrer's
//!   own status is `ok` (a running, ready pod), the reference was satisfied when it started: the
//!   referrer is then a `warning` ("Running and ready, but uses Secret x, which does not exist"),
//!   so that partial dumps do not turn every healthy pod into an error.
//! * Nothing depends on the clock here (no "restarts growing", no "terminating past its grace
//!   period").
//! * Owners do not take their health from their dependents yet (a Deployment is judged by its own
//!   status, not by its pods'): that comes with the root-cause work, which walks "depends" edges.

mod kinds;

use kubegraph_graph::{Edge, Graph, Node, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::{EdgeKind, Object};

/// How a node is doing, worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Ok,
    Unknown,
    Warning,
    Error,
}

impl State {
    pub const ALL: [State; 4] = [State::Error, State::Warning, State::Unknown, State::Ok];

    /// The word queries compare against: `ok`, `warning`, `error`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Warning => "warning",
            State::Error => "error",
            State::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node's health: its state and why, in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub state: State,
    pub reason: String,
}

impl Health {
    pub fn new(state: State, reason: impl Into<String>) -> Self {
        Health {
            state,
            reason: reason.into(),
        }
    }
    pub fn ok(reason: impl Into<String>) -> Self {
        Health::new(State::Ok, reason)
    }
    pub fn warning(reason: impl Into<String>) -> Self {
        Health::new(State::Warning, reason)
    }
    pub fn error(reason: impl Into<String>) -> Self {
        Health::new(State::Error, reason)
    }
    pub fn unknown(reason: impl Into<String>) -> Self {
        Health::new(State::Unknown, reason)
    }
}

/// The health of every node, indexed by [`NodeId`].
pub fn assess(graph: &Graph) -> Vec<Health> {
    let ctx = Ctx {
        graph,
        has_pods: graph.nodes().any(|(_, n)| {
            n.origin == Origin::Source && n.object.kind == "Pod" && n.object.group.is_empty()
        }),
    };
    graph
        .nodes()
        .map(|(id, n)| assess_node(&ctx, id, n))
        .collect()
}

/// Counts per state, in the order error, warning, unknown, ok.
pub fn summary(health: &[Health]) -> [(State, usize); 4] {
    State::ALL.map(|s| (s, health.iter().filter(|h| h.state == s).count()))
}

pub(crate) struct Ctx<'g> {
    pub graph: &'g Graph,
    /// Whether the input holds any pod: without pods, "selects no pod" says nothing.
    pub has_pods: bool,
}

fn assess_node(ctx: &Ctx, id: NodeId, n: &Node) -> Health {
    match n.origin {
        Origin::Placeholder => return placeholder(ctx.graph, id, n),
        Origin::Implied => return Health::unknown("namespace implied by its objects"),
        Origin::Synthetic => {
            return Health::unknown(format!("no health rule for {}", n.object.kind));
        }
        Origin::Source => {}
    }
    let missing = missing_reference(ctx.graph, id);
    let judged = kinds::judge(ctx, id, &n.object);
    match (judged, missing) {
        // A status error says more than the missing object it usually comes from.
        (Some(h), _) if h.state == State::Error => h,
        // The status says the object runs fine, so what it references was there when it
        // started: deleted since, or (more often) left out of a partial dump.
        (Some(h), Some(m)) if h.state == State::Ok => {
            Health::warning(format!("{}, but {m}", h.reason))
        }
        (_, Some(m)) => Health::error(m),
        (Some(h), None) => h,
        (None, None) => {
            if kinds::has_rules(&n.object) {
                Health::unknown("no status")
            } else {
                Health::unknown(format!("no health rule for {}", n.object.kind))
            }
        }
    }
}

/// `Kind namespace/name`, or `Kind name` for cluster-scoped objects.
pub(crate) fn label(o: &Object) -> String {
    match &o.namespace {
        Some(ns) => format!("{} {ns}/{}", o.kind, o.name),
        None => format!("{} {}", o.kind, o.name),
    }
}

fn optional(e: &Edge) -> bool {
    e.attrs.get("optional").and_then(|v| v.as_bool()) == Some(true)
}

/// How the referrer relates to what it references, as the reason says it.
fn verb(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::RunsOn => "runs on",
        EdgeKind::Routes => "routes to",
        EdgeKind::Provisions => "is provisioned by",
        EdgeKind::Backs => "is backed by",
        other => other.as_str(),
    }
}

/// Edge kinds whose source depends on their target (the "depends" column of the edge table).
fn referrer_is_source(kind: EdgeKind) -> bool {
    matches!(
        kind,
        EdgeKind::RunsOn
            | EdgeKind::Selects
            | EdgeKind::Mounts
            | EdgeKind::Uses
            | EdgeKind::Binds
            | EdgeKind::Routes
    )
}

/// Edge kinds whose target depends on their source ("rev"), ownership left out.
fn referrer_is_target(kind: EdgeKind) -> bool {
    matches!(kind, EdgeKind::Provisions | EdgeKind::Backs)
}

/// The references that make the referrer depend on the other end: edges whose "depends" column
/// points from the referrer to the referenced node. Ownership is left out: an owner is not what
/// its dependents need to run. Yields `(edge, referrer, referenced)`.
fn references(graph: &Graph, id: NodeId) -> impl Iterator<Item = (&Edge, NodeId, NodeId)> {
    let out = graph
        .out_edges(id)
        .filter(|e| referrer_is_source(e.kind))
        .map(|e| (e, e.from, e.to));
    let inc = graph
        .in_edges(id)
        .filter(|e| referrer_is_target(e.kind))
        .map(|e| (e, e.to, e.from));
    out.chain(inc)
}

/// The referrers of a placeholder, by the same edges as [`references`], seen from the other end.
fn referrers(graph: &Graph, id: NodeId) -> impl Iterator<Item = (&Edge, NodeId)> {
    let inc = graph
        .in_edges(id)
        .filter(|e| referrer_is_source(e.kind))
        .map(|e| (e, e.from));
    let out = graph
        .out_edges(id)
        .filter(|e| referrer_is_target(e.kind))
        .map(|e| (e, e.to));
    inc.chain(out)
}

/// "uses Secret payments/payments-api-token, which does not exist", for the first non-optional
/// reference to a placeholder (and how many more there are).
fn missing_reference(graph: &Graph, id: NodeId) -> Option<String> {
    let mut missing: Vec<String> = references(graph, id)
        .filter(|(e, _, to)| graph.node(*to).missing() && !optional(e))
        .map(|(e, _, to)| {
            format!(
                "{} {}, which does not exist",
                verb(e.kind),
                label(&graph.node(to).object)
            )
        })
        .collect();
    missing.sort();
    missing.dedup();
    let first = missing.first()?.clone();
    Some(match missing.len() {
        1 => first,
        n => format!("{first} (and {} more missing)", n - 1),
    })
}

/// How many referrers a placeholder's reason names before summarising the rest.
const REFERRERS_SHOWN: usize = 3;

fn placeholder(graph: &Graph, id: NodeId, n: &Node) -> Health {
    let mut required = Vec::new();
    let mut optional_only = Vec::new();
    for (e, from) in referrers(graph, id) {
        let who = label(&graph.node(from).object);
        if optional(e) {
            optional_only.push(who);
        } else {
            required.push(who);
        }
    }
    required.sort();
    required.dedup();
    optional_only.sort();
    optional_only.dedup();
    optional_only.retain(|o| !required.contains(o));
    let what = label(&n.object);
    if !required.is_empty() {
        return Health::error(format!(
            "{what} does not exist (referenced by {})",
            names(&required)
        ));
    }
    if !optional_only.is_empty() {
        return Health::warning(format!(
            "{what} does not exist (referenced optionally by {})",
            names(&optional_only)
        ));
    }
    Health::unknown(format!("{what} is not in the input"))
}

fn names(list: &[String]) -> String {
    let shown = list[..list.len().min(REFERRERS_SHOWN)].join(", ");
    match list.len() {
        n if n > REFERRERS_SHOWN => format!("{shown} and {} more", n - REFERRERS_SHOWN),
        _ => shown,
    }
}

/// `status`, when it says anything (manifests have none, or `status: {}`).
pub(crate) fn status(o: &Object) -> Option<&Value> {
    o.raw
        .get("status")
        .filter(|s| s.as_object().is_some_and(|m| !m.is_empty()))
}
