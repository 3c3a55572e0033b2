//! Health of every node: `ok`, `warning`, `error` or `unknown`, with a one-line reason in the
//! user's words ("container api waiting: CreateContainerConfigError: secret \"api-token\" not
//! found").
//!
//! [`assess`] makes one pass over the nodes. Each node is judged from its own `status` and from
//! the graph around it (what it references, what selects or routes to it), never from another
//! node's *computed* health: the rules are in `docs/health.md`, one line each.
//!
//! * Objects without a status (plain manifests) are `unknown`, unless a structural problem
//!   applies: a non-optional reference to an object that is not in the input is an `error` on
//!   the referrer, and the missing object (a placeholder) is an `error` too. When the referrer's
//!   own status is `ok` (a running, ready pod), the reference was satisfied when it started: the
//!   referrer is then a `warning` ("Running and ready, but uses Secret x, which does not exist"),
//!   so that partial dumps do not turn every healthy pod into an error.
//! * Time-dependent rules (a pod Pending for more than 5 minutes, an object stuck terminating)
//!   compare against a reference time ([`time::Now`]): `--now`, else the newest timestamp in
//!   the input, else the clock for live sources. Plain manifests have no time, and no such rule.
//! * Warning events about an object are evidence: a warning or error gains the newest warning
//!   event that says something the status does not ([`events`]).
//! * Owners do not take their health from their dependents here (a Deployment is judged by its
//!   own status); the root-cause walk ([`rootcause`]) goes from owners through their dependents.
//!
//! ```
//! use kubegraph_health::{assess, rootcause, State};
//!
//! let yaml = r#"
//! apiVersion: v1
//! kind: Pod
//! metadata: {name: api, namespace: shop, uid: u-1}
//! spec:
//!   containers:
//!   - name: api
//!     image: api:1
//!     env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: api-token, key: token}}}]
//! status:
//!   phase: Pending
//!   containerStatuses:
//!   - name: api
//!     image: api:1
//!     ready: false
//!     restartCount: 0
//!     state: {waiting: {reason: CreateContainerConfigError, message: 'secret "api-token" not found'}}
//! "#;
//! let loaded = kubegraph_files::load_bytes("shop.yaml", yaml.as_bytes(), &Default::default());
//! let (graph, _) = kubegraph_relations::graph_from_objects("prod", loaded.objects);
//! let (prod, _, _) = graph.clusters().next().unwrap();
//! let pod = graph.lookup(prod, "", "Pod", Some("shop"), "api").unwrap();
//!
//! let health = assess(&graph);
//! let of_pod = &health[pod.0 as usize];
//! assert_eq!(of_pod.state, State::Error);
//! assert_eq!(
//!     of_pod.reason,
//!     r#"container api waiting: CreateContainerConfigError: secret "api-token" not found"#
//! );
//! // Why: the secret it reads does not exist.
//! let why = rootcause::explain(&graph, &health, pod, None);
//! let causes: Vec<&str> = why.causes.iter().map(|c| c.health.reason.as_str()).collect();
//! assert_eq!(causes, ["Secret shop/api-token does not exist (referenced by Pod shop/api)"]);
//! ```

pub mod events;
mod kinds;
pub mod rootcause;
pub mod time;

use kubegraph_graph::{Edge, Graph, Node, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::{Dependency, EdgeKind, Object};

/// How a node is doing, worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Working as its status says it should.
    Ok,
    /// Nothing to judge by: a manifest without status, a kind without rules.
    Unknown,
    /// Degraded or at risk, but doing its job (not all replicas ready, pending for a while).
    Warning,
    /// Not doing its job (crash-looping, unschedulable, a required reference missing).
    Error,
}

impl State {
    /// Every state, worst first (the order `stats` counts them in).
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

/// As the word [`State::as_str`] gives: `"error"`.
impl serde::Serialize for State {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
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
    /// How it is doing.
    pub state: State,
    /// Why, in the user's words (`container api waiting: CrashLoopBackOff: ...`).
    pub reason: String,
}

impl Health {
    /// This state, for this reason.
    pub fn new(state: State, reason: impl Into<String>) -> Self {
        Health {
            state,
            reason: reason.into(),
        }
    }
    /// [`State::Ok`], for this reason.
    pub fn ok(reason: impl Into<String>) -> Self {
        Health::new(State::Ok, reason)
    }
    /// [`State::Warning`], for this reason.
    pub fn warning(reason: impl Into<String>) -> Self {
        Health::new(State::Warning, reason)
    }
    /// [`State::Error`], for this reason.
    pub fn error(reason: impl Into<String>) -> Self {
        Health::new(State::Error, reason)
    }
    /// [`State::Unknown`], for this reason.
    pub fn unknown(reason: impl Into<String>) -> Self {
        Health::new(State::Unknown, reason)
    }
    /// What [`assess`] puts in the slot of a node removed from the graph: `unknown`, with no
    /// reason. No live node has it.
    pub fn vacated() -> Self {
        Health::new(State::Unknown, String::new())
    }
}

/// How much of its cluster an input holds, which decides what an absent reference means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Coverage {
    /// Manifests, a dump, an archive (file sources, the demo): an object that is not in the
    /// input may well exist. An absent reference is blamed only on the evidence: the
    /// referrer is a manifest (it has no status: the set needs the object), or the referrer's
    /// own status or warning events name it or the failure they describe is about it (a
    /// claim pending on its class, an unschedulable pod on its claims, an image pull on its
    /// pull secrets). Otherwise the object is `unknown`, "not in the input".
    #[default]
    Partial,
    /// Every object of the listed kinds (a live cluster): an absent reference is absent.
    Complete,
}

/// The health of every node, indexed by [`NodeId`] (so [`Graph::node_bound`] long), with the
/// newest timestamp in the input as the reference time (see [`assess_at`]).
pub fn assess(graph: &Graph) -> Vec<Health> {
    assess_at(graph, time::Now::NewestInInput)
}

/// The health of every node of a partial input ([`Coverage::Partial`]), indexed by
/// [`NodeId`]; time-dependent rules compare against `now` (`Now::At` for `--now`).
///
/// The vector is [`Graph::node_bound`] long: a slot a removed node vacated holds
/// [`Health::vacated`], which [`summary`] does not count.
pub fn assess_at(graph: &Graph, now: time::Now) -> Vec<Health> {
    assess_with(graph, now, Coverage::Partial)
}

/// [`assess_at`], for an input of this [`Coverage`] (`Complete` for live sources, with
/// `Now::Clock`).
pub fn assess_with(graph: &Graph, now: time::Now, coverage: Coverage) -> Vec<Health> {
    let ctx = Ctx {
        graph,
        now: now.resolve(graph),
        has_pods: graph.nodes().any(|(_, n)| {
            n.origin == Origin::Source && n.object.kind == "Pod" && n.object.group.is_empty()
        }),
        coverage,
    };
    let bound = graph.node_bound();
    if graph.node_count() == bound {
        return graph
            .nodes()
            .map(|(id, n)| assess_node(&ctx, id, n))
            .collect();
    }
    let mut health = Vec::with_capacity(bound);
    for (id, n) in graph.nodes() {
        health.resize_with(id.0 as usize, Health::vacated);
        health.push(assess_node(&ctx, id, n));
    }
    health.resize_with(bound, Health::vacated);
    health
}

/// Counts per state of the graph's nodes, in the order error, warning, unknown, ok. `health` is
/// what [`assess`] made of `graph`; vacated slots are not counted.
pub fn summary(graph: &Graph, health: &[Health]) -> [(State, usize); 4] {
    let mut counts = State::ALL.map(|s| (s, 0));
    for (id, _) in graph.nodes() {
        let state = health[id.0 as usize].state;
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == state) {
            c.1 += 1;
        }
    }
    counts
}

pub(crate) struct Ctx<'g> {
    pub graph: &'g Graph,
    /// Whether the input holds any pod: without pods, "selects no pod" says nothing.
    pub has_pods: bool,
    /// The reference time of time-dependent rules; `None` when the input has no time.
    pub now: Option<time::Timestamp>,
    /// What an absent reference means.
    pub coverage: Coverage,
}

fn assess_node(ctx: &Ctx, id: NodeId, n: &Node) -> Health {
    let h = assess_status(ctx, id, n);
    if h.state < State::Warning || n.origin != Origin::Source {
        return h;
    }
    with_evidence(ctx, id, h)
}

/// Appends the newest warning event about the node that says something its reason does not
/// (`Pending for 12m; event FailedScheduling ×5: 0/3 nodes are available: …`).
fn with_evidence(ctx: &Ctx, id: NodeId, h: Health) -> Health {
    let found = events::recent_warnings(ctx.graph, id, ctx.now)
        .into_iter()
        .find(|e| {
            let message = e.message.trim_start_matches("Error: ");
            !h.reason.contains(&e.reason) && (message.is_empty() || !h.reason.contains(message))
        });
    match found {
        Some(e) => Health::new(h.state, format!("{}; event {}", h.reason, e.summary(None))),
        None => h,
    }
}

fn assess_status(ctx: &Ctx, id: NodeId, n: &Node) -> Health {
    match n.origin {
        Origin::Placeholder => return placeholder(ctx, id, n),
        Origin::Implied => return Health::unknown("namespace implied by its objects"),
        Origin::Synthetic => {
            return Health::unknown(format!("no health rule for {}", n.object.kind));
        }
        Origin::Source => {}
    }
    let missing = missing_reference(ctx, id);
    let judged = match (
        kinds::judge(ctx, id, &n.object),
        kinds::stuck_terminating(ctx, &n.object),
    ) {
        // Stuck deleting says more than a status that still looks fine.
        (Some(h), Some(t)) if h.state < State::Warning => Some(t),
        (None, Some(t)) => Some(t),
        (judged, _) => judged,
    };
    match (judged, missing) {
        // A status error says more than the missing object it usually comes from.
        (Some(h), _) if h.state == State::Error => h,
        // The status says the object runs fine, so what it references was there when it
        // started: deleted since, or (more often) left out of a partial dump.
        // So do a started pod's containers, whatever their state now.
        (Some(h), Some(m)) if h.state == State::Ok || started_pod(&n.object) => {
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
pub(crate) fn referrer_is_source(kind: EdgeKind) -> bool {
    kind.depends() == Dependency::SourceOnTarget
}

/// Edge kinds whose target depends on their source ("rev"), ownership left out: the walk
/// takes an owner's health from its dependents, which is the other way round.
pub(crate) fn referrer_is_target(kind: EdgeKind) -> bool {
    kind != EdgeKind::Owns && kind.depends() == Dependency::TargetOnSource
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
fn missing_reference(ctx: &Ctx, id: NodeId) -> Option<String> {
    let graph = ctx.graph;
    let admitted = admitted_pod(&graph.node(id).object);
    let admitted = |to: NodeId| admitted && graph.node(to).object.kind == "ServiceAccount";
    let mut missing: Vec<String> = references(graph, id)
        .filter(|(e, _, to)| graph.node(*to).missing() && !optional(e))
        .filter(|(_, _, to)| !(admitted(*to) || exists_in_cluster(graph, *to)))
        .filter(|(_, from, to)| implicates(ctx, *from, *to, 0))
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

fn placeholder(ctx: &Ctx, id: NodeId, n: &Node) -> Health {
    let graph = ctx.graph;
    let what = label(&n.object);
    if exists_in_cluster(graph, id) {
        let o = &n.object;
        return Health::unknown(
            match kubegraph_model::builtin::every_cluster_has(
                &o.group,
                &o.kind,
                o.namespace.as_deref(),
                &o.name,
            ) {
                Some(maker) => {
                    format!("{what} is not in the input; every cluster has it (made by {maker})")
                }
                None if o.kind == "ServiceAccount" => format!(
                    "{what} is not in the input; pods that use it were admitted, so it exists"
                ),
                None => format!("{what} is not in the input; Kubernetes makes it, so it exists"),
            },
        );
    }
    let mut required = Vec::new();
    let mut optional_only = Vec::new();
    let mut unblamed = Vec::new();
    for (e, from) in referrers(graph, id) {
        let who = label(&graph.node(from).object);
        if !implicates(ctx, from, id, 0) {
            unblamed.push(who);
        } else if optional(e) {
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
    unblamed.sort();
    unblamed.dedup();
    if !unblamed.is_empty() {
        // A partial input: its referrers' status says nothing against it.
        return Health::unknown(format!(
            "{what} is not in the input (referenced by {}, whose status does not say it is missing)",
            names(&unblamed)
        ));
    }
    Health::unknown(format!("{what} is not in the input"))
}

/// How deep [`implicates`] follows owners to the dependents that carry the evidence.
const EVIDENCE_DEPTH: usize = 3;

/// Whether the absent `placeholder` is to blame for `referrer`, on the evidence. A complete
/// input blames every absent reference; a partial one (see [`Coverage::Partial`]) only what
/// the referrer's manifest needs (it has no status) or what its status and events name or are
/// about. An owner with dependents in the input that reference the same object defers to
/// them: they carry the evidence.
pub(crate) fn implicates(ctx: &Ctx, referrer: NodeId, placeholder: NodeId, depth: usize) -> bool {
    let graph = ctx.graph;
    if ctx.coverage == Coverage::Complete {
        return true;
    }
    let r = graph.node(referrer);
    let dep = &graph.node(placeholder).object;
    if r.origin != Origin::Source {
        return true;
    }
    let o = &r.object;
    let Some(st) = status(o) else {
        // A manifest: the set needs the object.
        return true;
    };
    if names_it(graph, referrer, st, dep) {
        return true;
    }
    if o.kind == "Pod" && o.group.is_empty() {
        use kubegraph_model::json::{items, str_at, Path};
        let unschedulable = items(st, "conditions").any(|c| {
            str_at(c, "type") == Some("PodScheduled")
                && str_at(c, "reason") == Some("Unschedulable")
        });
        let pulling = items(st, "initContainerStatuses")
            .chain(items(st, "containerStatuses"))
            .any(|c| {
                matches!(
                    c.ptr("/state/waiting/reason").and_then(|r| r.as_str()),
                    Some("ImagePullBackOff" | "ErrImagePull")
                )
            });
        return (unschedulable && dep.kind == "PersistentVolumeClaim")
            || (pulling && dep.kind == "Secret");
    }
    if o.kind == "PersistentVolumeClaim" && o.group.is_empty() {
        // A claim that waits for its volume is about its class; a bound one is not.
        return dep.kind == "StorageClass"
            && st.get("phase").and_then(|p| p.as_str()) == Some("Pending");
    }
    // An owner whose dependents in the input reference the same object: theirs is the word.
    let dependents: Vec<NodeId> = graph
        .out_edges(referrer)
        .filter(|e| e.kind == EdgeKind::Owns)
        .map(|e| e.to)
        .filter(|&d| {
            graph.node(d).origin == Origin::Source
                && references(graph, d).any(|(_, _, to)| to == placeholder)
        })
        .collect();
    if !dependents.is_empty() && depth < EVIDENCE_DEPTH {
        return dependents
            .into_iter()
            .any(|d| implicates(ctx, d, placeholder, depth + 1));
    }
    // No dependents to ask: the object's own status, when it is not fine, is the evidence.
    kinds::judge(ctx, referrer, o).is_some_and(|h| h.state >= State::Warning)
}

/// Whether the object's status messages or its warning events name `dep`:
/// `secret "api-token" not found`, `storageclass.storage.k8s.io "io2-fast" not found`,
/// `couldn't find key k in ConfigMap shop/config`.
fn names_it(graph: &Graph, id: NodeId, status: &Value, dep: &Object) -> bool {
    let quoted = format!("\"{}\"", dep.name);
    let slashed = format!("/{}", dep.name);
    let says = |text: &str| text.contains(&quoted) || text.contains(&slashed);
    let mut texts: Vec<String> = Vec::new();
    collect_strings(status, &mut texts);
    texts.iter().any(|t| says(t))
        || events::about(graph, id)
            .iter()
            .filter(|e| e.warning)
            .any(|e| says(&e.message))
}

/// Every string value under `v`.
fn collect_strings(v: &Value, out: &mut Vec<String>) {
    if let Some(s) = v.as_str() {
        out.push(s.to_string());
    } else if let Some(a) = v.as_array() {
        a.iter().for_each(|x| collect_strings(x, out));
    } else if let Some(m) = v.as_object() {
        m.iter().for_each(|(_, x)| collect_strings(x, out));
    }
}

fn names(list: &[String]) -> String {
    let shown = list[..list.len().min(REFERRERS_SHOWN)].join(", ");
    match list.len() {
        n if n > REFERRERS_SHOWN => format!("{shown} and {} more", n - REFERRERS_SHOWN),
        _ => shown,
    }
}

/// A placeholder for an object that exists in the cluster even though the input does not hold
/// it: a service account an admitted pod uses, or an object Kubernetes makes itself.
fn exists_in_cluster(graph: &Graph, placeholder: NodeId) -> bool {
    let n = graph.node(placeholder);
    let o = &n.object;
    if !n.missing() {
        return false;
    }
    // Made by Kubernetes itself: kubegraph_model::builtin's table.
    if kubegraph_model::builtin::every_cluster_has(
        &o.group,
        &o.kind,
        o.namespace.as_deref(),
        &o.name,
    )
    .is_some()
    {
        return true;
    }
    match (o.group.as_str(), o.kind.as_str()) {
        ("", "ServiceAccount") => {
            referrers(graph, placeholder).any(|(_, from)| admitted_pod(&graph.node(from).object))
        }
        _ => false,
    }
}

/// A pod the API server holds (it has a status): admission checked that its service account
/// exists, so a missing one is a partial dump, not a problem.
pub(crate) fn admitted_pod(o: &Object) -> bool {
    o.kind == "Pod" && o.group.is_empty() && status(o).is_some()
}

/// A pod some container of which was created (a container id, restarts, a running or terminated
/// state): what it references was there when its containers were made.
pub(crate) fn started_pod(o: &Object) -> bool {
    if !(o.kind == "Pod" && o.group.is_empty()) {
        return false;
    }
    let Some(st) = status(o) else {
        return false;
    };
    use kubegraph_model::json::{items, str_at, Path};
    items(st, "containerStatuses")
        .chain(items(st, "initContainerStatuses"))
        .any(|c| {
            str_at(c, "containerID").is_some()
                || c.get("restartCount").and_then(|r| r.as_i64()).unwrap_or(0) > 0
                || c.ptr("/state/running").is_some()
                || c.ptr("/state/terminated").is_some()
        })
}

/// `status`, when it says anything (manifests have none, or `status: {}`).
pub(crate) fn status(o: &Object) -> Option<&Value> {
    o.raw
        .get("status")
        .filter(|s| s.as_object().is_some_and(|m| !m.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubegraph_graph::{Attrs, ClusterId};
    use std::sync::Arc;

    fn object(json: &str) -> Object {
        let loaded = kubegraph_files::load_bytes("t.json", json.as_bytes(), &Default::default());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.objects.into_iter().next().expect("one object")
    }

    const POD: &str = r#"{"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "web", "namespace": "x", "uid": "p1"},
        "spec": {"containers": [{"name": "web", "image": "nginx"}]},
        "status": {"phase": "Pending"}}"#;

    fn configmap(name: &str) -> Object {
        object(&format!(
            r#"{{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {{"name": "{name}", "namespace": "x"}}}}"#
        ))
    }

    /// Health of a complete input (a live cluster's): the absent secret is absent.
    fn complete(g: &Graph) -> Vec<Health> {
        assess_with(g, time::Now::NewestInInput, Coverage::Complete)
    }

    /// A pod that uses a secret absent from the input.
    fn pod_and_secret(g: &mut Graph, c: ClusterId) -> (NodeId, NodeId) {
        let (pod, _) = g.insert_shared(c, Arc::new(object(POD)));
        let secret = g.placeholder(c, "", "Secret", Some("x"), "token");
        g.add_edge(pod, secret, EdgeKind::Uses, Attrs::new());
        (pod, secret)
    }

    #[test]
    fn vacated_slots_have_a_filler_and_are_not_counted() {
        // Slots: cluster, ConfigMap a, pod, secret, ConfigMap b; then a and b are removed, a
        // hole in the middle and one at the end.
        let mut g = Graph::new();
        let c = g.add_cluster("test");
        let (a, _) = g.insert_object(c, configmap("a"));
        let (pod, secret) = pod_and_secret(&mut g, c);
        let (b, _) = g.insert_object(c, configmap("b"));
        g.remove_node(a);
        g.remove_node(b);
        assert_eq!((g.node_count(), g.node_bound()), (3, 5));

        let mut fresh = Graph::new();
        let fc = fresh.add_cluster("test");
        let (fresh_pod, fresh_secret) = pod_and_secret(&mut fresh, fc);
        let expected = complete(&fresh);

        let h = complete(&g);
        assert_eq!(h.len(), g.node_bound());
        assert_eq!(h[a.0 as usize], Health::vacated());
        assert_eq!(h[b.0 as usize], Health::vacated());
        assert_eq!(h[pod.0 as usize], expected[fresh_pod.0 as usize]);
        assert_eq!(h[secret.0 as usize], expected[fresh_secret.0 as usize]);
        assert_eq!(h[secret.0 as usize].state, State::Error);
        assert_eq!(
            h[g.cluster_node(c).0 as usize],
            expected[fresh.cluster_node(fc).0 as usize]
        );
        assert_eq!(summary(&g, &h), summary(&fresh, &expected));
        let total: usize = summary(&g, &h).iter().map(|(_, n)| n).sum();
        assert_eq!(total, g.node_count());

        // A reused slot is assessed again.
        let (d, _) = g.insert_object(c, configmap("d"));
        assert_eq!(d, b, "the last vacated slot is reused first");
        let h = complete(&g);
        assert_eq!(h.len(), 5);
        assert_eq!(h[a.0 as usize], Health::vacated());
        assert_eq!(h[d.0 as usize].reason, "no health rule for ConfigMap");
    }
}
