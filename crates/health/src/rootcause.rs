//! Root cause: from a sick object, through what it depends on, down to the unhealthy objects
//! that have no unhealthy dependency of their own.
//!
//! "Depends" follows the edge table of `docs/relations.md` ([`dependencies`]): pods on
//! what they mount and use and the node they run on, services on their pods, ingresses on their
//! services, claims on their volume and class, webhooks and API services on their backing
//! service, and owners on their dependents (a Deployment is down because its pods are). The
//! walk only goes through unhealthy objects (`warning` or `error`), with one exception: an
//! owner whose own status looks fine still leads to its sick dependents.
//!
//! The result is a tree: each object appears once, under the first path that reaches it
//! (ownership first, then selectors, routes, backing services, volumes, references, the node);
//! later paths to it are listed as `also` so that no dependency is lost. Cycles (a service backs
//! a StatefulSet whose pods it selects) are cut where they close.

use crate::events::{self, LogicalEvent};
use crate::time::Timestamp;
use crate::{label, referrer_is_source, referrer_is_target, Coverage, Health, State};
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_model::json::{items, str_at, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{EdgeKind, Object};
use std::collections::{HashMap, HashSet};

/// How many warning events each step shows.
pub const EVENTS_PER_STEP: usize = 3;

/// One object on the causal tree.
#[derive(Clone, Debug)]
pub struct Step {
    /// The object.
    pub node: NodeId,
    /// How the parent depends on this object (`owns`, `uses`, `is provisioned by`, …); `None` for
    /// the target.
    pub via: Option<&'static str>,
    /// Its health.
    pub health: Health,
    /// Unhealthy, with no unhealthy dependency of its own.
    pub root_cause: bool,
    /// The newest warning events about it, of the last day.
    pub events: Vec<LogicalEvent>,
    /// The unhealthy objects it depends on, first reached through it.
    pub children: Vec<Step>,
    /// Unhealthy dependencies shown elsewhere in the tree, with how this object depends on them.
    pub also: Vec<(&'static str, NodeId)>,
}

/// A root cause and what to do about it.
#[derive(Clone, Debug)]
pub struct Cause {
    /// The object at fault.
    pub node: NodeId,
    /// Its health (what is wrong with it).
    pub health: Health,
    /// One line for a newcomer: what to create, change or look at.
    pub fix: String,
}

/// Why the target is unhealthy.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The causal tree, rooted at the target.
    pub tree: Step,
    /// In tree order, each once.
    pub causes: Vec<Cause>,
}

impl Explanation {
    /// The target is fine and nothing it depends on is not.
    pub fn healthy(&self) -> bool {
        self.tree.health.state < State::Warning && self.tree.children.is_empty()
    }
}

/// Walks from `target` in a partial input. `health` is [`crate::assess_at`]'s result for
/// `graph`; `now` its reference time, which decides which warning events are recent.
pub fn explain(
    graph: &Graph,
    health: &[Health],
    target: NodeId,
    now: Option<Timestamp>,
) -> Explanation {
    explain_with(graph, health, target, now, Coverage::Partial)
}

/// [`explain`] in an input of this [`Coverage`] (what [`crate::assess_with`] was given): in a
/// partial one, an absent object is a dependency only where the evidence blames it.
pub fn explain_with(
    graph: &Graph,
    health: &[Health],
    target: NodeId,
    now: Option<Timestamp>,
    coverage: Coverage,
) -> Explanation {
    let ctx = crate::Ctx {
        graph,
        now,
        has_pods: graph.nodes().any(|(_, n)| {
            n.origin == Origin::Source && n.object.kind == "Pod" && n.object.group.is_empty()
        }),
        coverage,
    };
    let mut walk = Walk {
        graph,
        health,
        now,
        shown: HashSet::new(),
        path: Vec::new(),
        sick: HashMap::new(),
        ctx: &ctx,
    };
    let tree = walk.step(target, None);
    let mut causes = Vec::new();
    collect(graph, &tree, &mut causes);
    Explanation { tree, causes }
}

fn collect(graph: &Graph, step: &Step, out: &mut Vec<Cause>) {
    if step.root_cause && !out.iter().any(|c| c.node == step.node) {
        out.push(Cause {
            node: step.node,
            health: step.health.clone(),
            fix: fix(graph, step.node, &step.health),
        });
    }
    for c in &step.children {
        collect(graph, c, out);
    }
}

struct Walk<'a> {
    graph: &'a Graph,
    health: &'a [Health],
    now: Option<Timestamp>,
    shown: HashSet<NodeId>,
    path: Vec<NodeId>,
    /// Memo of [`Walk::sick`].
    sick: HashMap<NodeId, bool>,
    /// What blaming an absent object takes ([`crate::implicates`]).
    ctx: &'a crate::Ctx<'a>,
}

impl Walk<'_> {
    fn state(&self, id: NodeId) -> State {
        self.health[id.0 as usize].state
    }

    /// Unhealthy itself, or an owner with an unhealthy dependent.
    fn sick(&mut self, id: NodeId) -> bool {
        if self.state(id) >= State::Warning {
            return true;
        }
        if let Some(&s) = self.sick.get(&id) {
            return s;
        }
        self.sick.insert(id, false); // cycle guard
        let owned: Vec<NodeId> = self
            .graph
            .out_edges(id)
            .filter(|e| e.kind == EdgeKind::Owns)
            .map(|e| e.to)
            .collect();
        let s = owned.into_iter().any(|d| self.sick(d));
        self.sick.insert(id, s);
        s
    }

    fn step(&mut self, id: NodeId, via: Option<&'static str>) -> Step {
        self.shown.insert(id);
        self.path.push(id);
        let mut children = Vec::new();
        let mut also = Vec::new();
        let mut sick_dependency = false;
        let me = &self.graph.node(id).object;
        let started = crate::started_pod(me);
        let admitted = crate::admitted_pod(me);
        // Through a healthy object (an owner whose dependents are sick, or a healthy target)
        // only ownership leads on: a service that is ok is not down because of its pods.
        let only_owned = self.state(id) < State::Warning;
        for (rel, dep) in dependencies(self.graph, id) {
            if only_owned && rel != "owns" {
                continue;
            }
            if self.path.contains(&dep) || !self.sick(dep) {
                continue;
            }
            let dep_node = self.graph.node(dep);
            // A pod whose status names its failure depends, for that failure, only on what the
            // failure is about.
            let concern = concerns(me, &dep_node.object);
            if concern == Concern::No {
                continue;
            }
            // What a started pod references was there when its containers were made: absent
            // now, it was deleted since or left out of a partial dump, and is not why the pod
            // fails, unless its status names it (deleted, then the container restarted).
            if started && dep_node.missing() && concern != Concern::Named {
                continue;
            }
            // A pod the API server holds was admitted, and admission checks that its service
            // account exists: absent from the input, it is a partial dump.
            if admitted && dep_node.missing() && dep_node.object.kind == "ServiceAccount" {
                continue;
            }
            // In a partial input, an absent object is to blame only on the evidence.
            if dep_node.missing() && !crate::implicates(self.ctx, id, dep, 0) {
                continue;
            }
            sick_dependency = true;
            if self.shown.contains(&dep) {
                also.push((rel, dep));
            } else {
                children.push(self.step(dep, Some(rel)));
            }
        }
        self.path.pop();
        let health = self.health[id.0 as usize].clone();
        let mut events = events::recent_warnings(self.graph, id, self.now);
        events.truncate(EVENTS_PER_STEP);
        Step {
            node: id,
            via,
            root_cause: health.state >= State::Warning && !sick_dependency,
            health,
            events,
            children,
            also,
        }
    }
}

/// What `id` depends on for its health, with how it is phrased from `id`'s side, in the order
/// the walk visits them: dependents it owns, selected pods, routes, backing services, volumes,
/// references, the class that provisions it, the node it runs on. Each dependency once.
pub fn dependencies(graph: &Graph, id: NodeId) -> Vec<(&'static str, NodeId)> {
    let me = &graph.node(id).object;
    let selects_pods = graph
        .out_edges(id)
        .any(|e| e.kind == EdgeKind::Selects && is_pod(&graph.node(e.to).object));
    let mut deps: Vec<(u8, &'static str, NodeId)> = Vec::new();
    for e in graph.out_edges(id) {
        let to = &graph.node(e.to).object;
        // A service's health already reads its endpoints (it owns its slices and routes to
        // them); its pods are the dependency.
        if me.kind == "Service" && matches!(to.kind.as_str(), "Endpoints" | "EndpointSlice") {
            continue;
        }
        let keep = match e.kind {
            // An owner's health comes from its dependents (`owns` in docs/relations.md).
            EdgeKind::Owns => true,
            _ if !referrer_is_source(e.kind) => false,
            _ if e.attrs.get("optional").and_then(|v| v.as_bool()) == Some(true) => false,
            // A binding does not need its subjects, only its role.
            EdgeKind::Binds => !matches!(to.kind.as_str(), "ServiceAccount" | "User" | "Group"),
            // A selector matching a workload's template stands for its pods, when there are none.
            EdgeKind::Selects => is_pod(to) || !selects_pods,
            _ => true,
        };
        if keep {
            deps.push((order(e.kind), relation(e.kind), e.to));
        }
    }
    for e in graph.in_edges(id) {
        if referrer_is_target(e.kind) {
            deps.push((order(e.kind), relation_rev(e.kind), e.from));
        }
    }
    deps.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| label(&graph.node(a.2).object).cmp(&label(&graph.node(b.2).object)))
    });
    let mut seen = HashSet::new();
    deps.into_iter()
        .filter(|d| seen.insert(d.2))
        .map(|(_, rel, n)| (rel, n))
        .collect()
}

/// Whether `dep` can be behind what the pod's status says is wrong. The scheduler does not read
/// secrets: an Unschedulable pod is down because of its claims, or of itself; a container that
/// cannot pull its image, because of its pull secrets; a config error names the object it
/// misses. Other pods (and other kinds) depend on everything.
fn concerns(pod: &Object, dep: &Object) -> Concern {
    let yes = |b: bool| if b { Concern::Yes } else { Concern::No };
    if !is_pod(pod) {
        return Concern::Yes;
    }
    let Some(st) = crate::status(pod) else {
        return Concern::Yes;
    };
    let unschedulable = items(st, "conditions").any(|c| {
        str_at(c, "type") == Some("PodScheduled") && str_at(c, "reason") == Some("Unschedulable")
    });
    if unschedulable {
        return yes(dep.kind == "PersistentVolumeClaim");
    }
    let waiting: Vec<(&str, &str)> = items(st, "initContainerStatuses")
        .chain(items(st, "containerStatuses"))
        .filter_map(|c| {
            let w = c.ptr("/state/waiting")?;
            Some((str_at(w, "reason")?, str_at(w, "message").unwrap_or("")))
        })
        .collect();
    let config: Vec<&str> = waiting
        .iter()
        .filter(|(r, _)| matches!(*r, "CreateContainerConfigError" | "CreateContainerError"))
        .map(|(_, m)| *m)
        .collect();
    if !config.is_empty() {
        // `secret "api-token" not found`, `configmap "x" not found`, `couldn't find key k in
        // ConfigMap ns/x`: the object named, when one is; else any config object.
        let named = |d: &Object| {
            config.iter().any(|m| {
                m.contains(&format!("\"{}\"", d.name)) || m.contains(&format!("/{}", d.name))
            })
        };
        let is_config = matches!(dep.kind.as_str(), "Secret" | "ConfigMap");
        let any_named = config.iter().any(|m| m.contains('"') || m.contains('/'));
        return match (is_config, named(dep), any_named) {
            (true, true, _) => Concern::Named,
            (true, false, false) => Concern::Yes,
            _ => Concern::No,
        };
    }
    let pulling = waiting
        .iter()
        .any(|(r, _)| matches!(*r, "ImagePullBackOff" | "ErrImagePull"));
    if pulling {
        return yes(matches!(dep.kind.as_str(), "Secret" | "ServiceAccount"));
    }
    Concern::Yes
}

/// Whether a dependency can be behind a pod's failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Concern {
    No,
    Yes,
    /// The pod's status names it.
    Named,
}

fn is_pod(o: &Object) -> bool {
    o.kind == "Pod" && o.group.is_empty()
}

fn order(kind: EdgeKind) -> u8 {
    match kind {
        EdgeKind::Owns => 0,
        EdgeKind::Selects => 1,
        EdgeKind::Routes => 2,
        EdgeKind::Backs => 3,
        EdgeKind::Mounts => 4,
        EdgeKind::Uses => 5,
        EdgeKind::Binds => 6,
        EdgeKind::Provisions => 7,
        EdgeKind::RunsOn => 8,
        _ => 9,
    }
}

/// The edge as the dependent says it: "uses", "runs on".
fn relation(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::RunsOn => "runs on",
        EdgeKind::Routes => "routes to",
        other => other.as_str(),
    }
}

/// The reversed edge as the dependent says it.
fn relation_rev(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Provisions => "is provisioned by",
        EdgeKind::Backs => "is backed by",
        other => other.as_str(),
    }
}

/// `-n ns ` for namespaced objects.
fn ns_flag(o: &Object) -> String {
    o.namespace
        .as_deref()
        .map(|n| format!("-n {n} "))
        .unwrap_or_default()
}

fn describe(o: &Object) -> String {
    let kind = if o.group.is_empty() {
        o.kind.to_lowercase()
    } else {
        format!("{}.{}", o.kind.to_lowercase(), o.group)
    };
    format!("kubectl describe {kind} {}{}", ns_flag(o), o.name)
}

/// What to do about a root cause, in one line.
pub fn fix(graph: &Graph, id: NodeId, h: &Health) -> String {
    let n = graph.node(id);
    let o = &n.object;
    if n.origin == Origin::Placeholder {
        return fix_missing(graph, id, o);
    }
    match (o.group.as_str(), o.kind.as_str()) {
        ("", "Pod") => fix_pod(o, h),
        ("", "Node") => format!(
            "node {} is {}: check its kubelet, network and resources ({})",
            o.name,
            h.reason.split(':').next().unwrap_or("unhealthy"),
            describe(o)
        ),
        ("", "PersistentVolumeClaim") => format!(
            "the claim gets no volume: check its storageClassName and the class's provisioner ({})",
            describe(o)
        ),
        ("", "Service") if h.reason.starts_with("selector matches no pod") => {
            let selector = selector(&o.raw);
            if let Some(w) = scaled_to_zero(graph, id) {
                return format!(
                    "Service {} selects no pod: {} has 0 replicas; scale it up",
                    label(o).trim_start_matches("Service "),
                    label(w)
                );
            }
            format!(
                "Service {} selects no pod ({selector}): start the pods it expects, or fix its selector",
                label(o).trim_start_matches("Service ")
            )
        }
        ("", "Service") => format!(
            "the pods behind Service {} are not ready: kubectl get pods {}-l {}",
            label(o).trim_start_matches("Service "),
            ns_flag(o),
            selector(&o.raw)
        ),
        _ if h.reason.starts_with("Terminating") => format!(
            "it is stuck deleting: see what holds it (finalizers, the node) with {}",
            describe(o)
        ),
        _ => format!("{}: {}", h.reason, describe(o)),
    }
}

/// A workload the service selects (by its pod template) that is scaled to zero.
fn scaled_to_zero(graph: &Graph, service: NodeId) -> Option<&Object> {
    graph
        .out_edges(service)
        .filter(|e| e.kind == EdgeKind::Selects)
        .map(|e| &*graph.node(e.to).object)
        .find(|w| w.raw.ptr("/spec/replicas").and_then(|r| r.as_i64()) == Some(0))
}

/// A service's selector as `kubectl -l` takes it.
fn selector(raw: &Value) -> String {
    raw.ptr("/spec/selector")
        .and_then(|s| s.as_object())
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default()
}

fn fix_missing(graph: &Graph, id: NodeId, o: &Object) -> String {
    let what = label(o);
    let mut referrers: Vec<String> = graph
        .in_edges(id)
        .filter(|e| referrer_is_source(e.kind))
        .map(|e| label(&graph.node(e.from).object))
        .chain(
            graph
                .out_edges(id)
                .filter(|e| referrer_is_target(e.kind))
                .map(|e| label(&graph.node(e.to).object)),
        )
        .collect();
    referrers.sort();
    referrers.dedup();
    // The keys the referrers read (`uses` edges record them), so the new object has them.
    let mut keys: Vec<String> = graph
        .in_edges(id)
        .filter(|e| e.kind == EdgeKind::Uses)
        .filter_map(|e| e.attrs.get("keys").and_then(|k| k.as_array()))
        .flat_map(|a| a.iter().filter_map(|k| k.as_str().map(str::to_string)))
        .collect();
    keys.sort();
    keys.dedup();
    let with = match keys.len() {
        0 => String::new(),
        1 => format!(" with key {}", keys[0]),
        _ => format!(" with keys {}", keys.join(", ")),
    };
    let by = match referrers.len() {
        0 => String::new(),
        1 => format!(" (needed by {})", referrers[0]),
        n => format!(" (needed by {} and {} more)", referrers[0], n - 1),
    };
    if o.kind == "StorageClass" {
        let claims: Vec<String> = graph
            .out_edges(id)
            .filter(|e| e.kind == EdgeKind::Provisions)
            .map(|e| label(&graph.node(e.to).object))
            .collect();
        if let Some(claim) = claims.first() {
            return format!(
                "create the StorageClass {}, or set spec.storageClassName of {claim} to a class that exists",
                o.name
            );
        }
    }
    format!("create {what}{with}{by}")
}

fn fix_pod(o: &Object, h: &Health) -> String {
    let pod = format!("{}{}", ns_flag(o), o.name);
    let st = o.raw.get("status");
    let statuses = || {
        st.into_iter().flat_map(|s| {
            items(s, "initContainerStatuses")
                .chain(items(s, "containerStatuses"))
                .chain(items(s, "ephemeralContainerStatuses"))
        })
    };
    for c in statuses() {
        let name = str_at(c, "name").unwrap_or("?");
        let Some(reason) = c.ptr("/state/waiting/reason").and_then(|r| r.as_str()) else {
            continue;
        };
        let image = str_at(c, "image").unwrap_or("?");
        let message = c
            .ptr("/state/waiting/message")
            .and_then(|m| m.as_str())
            .unwrap_or("");
        match reason {
            "CrashLoopBackOff" => {
                let last = c.ptr("/lastState/terminated");
                let code = last.and_then(|t| t.get("exitCode")).and_then(|v| v.as_i64());
                let why = last.and_then(|t| str_at(t, "reason"));
                if why == Some("OOMKilled") {
                    return format!(
                        "container {name} runs out of memory (OOMKilled): raise its memory limit, or look at kubectl logs {pod} -c {name} --previous"
                    );
                }
                let exit = match (code, why) {
                    (Some(c), Some(r)) => format!(" (last exit: code {c}, {r})"),
                    (Some(c), None) => format!(" (last exit: code {c})"),
                    _ => String::new(),
                };
                return format!(
                    "container {name} keeps crashing{exit}: read its logs with kubectl logs {pod} -c {name} --previous"
                );
            }
            "ImagePullBackOff" | "ErrImagePull" => {
                return format!(
                    "image {image} cannot be pulled: check that it exists and that the pod has the pull secret it needs"
                )
            }
            "InvalidImageName" => return format!("fix the image reference {image} of container {name}"),
            "CreateContainerConfigError" | "CreateContainerError" => {
                return format!("fix what container {name} references: {message}")
            }
            _ => {}
        }
    }
    if let Some(m) = h.reason.strip_prefix("Unschedulable: ") {
        return format!(
            "no node can take the pod: free capacity or relax its constraints ({})",
            m.split("; event").next().unwrap_or(m)
        );
    }
    if let Some((_, missing)) = h.reason.split_once(", but ") {
        return format!(
            "the pod runs, but {missing}: if it was deleted, recreate it before the pod restarts; if the input just left it out, nothing is wrong"
        );
    }
    if h.reason.starts_with("Running but not ready") {
        return format!("a container fails its readiness probe: kubectl describe pod {pod}");
    }
    format!("{}: kubectl describe pod {pod}", h.reason)
}
