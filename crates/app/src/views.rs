//! `show`: StackState's component actions as views over the graph, each object with its health.
//!
//! * [`deps`]: everything a target depends on, as a tree ("Show dependencies (deep)");
//! * [`pods`]: the pods of a workload (through ownership) or of a service (its selector);
//! * [`config`]: the config maps, secrets, service account and volumes (claims, their volumes
//!   and classes) a pod uses, and how;
//! * [`namespace`]: its workloads, services and ingresses, and pods.

use crate::error::{Error, Result};
use crate::landscape::Snapshot;
use crate::target::{resolve_one_with, resolve_with, Options};
use kubegraph_graph::{Edge, Graph, NodeId};
use kubegraph_health::rootcause::dependencies;
use kubegraph_health::{Health, State};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path};
use kubegraph_model::{EdgeKind, Object};
use kubegraph_query::Scope;
use serde::Serialize;
use std::collections::HashSet;

/// The reason of a row for an object that is in the input and has no health rule (a config
/// map, a service account): it exists, which is what a view of references needs to say.
pub const EXISTS: &str = "exists";

/// One line of a view: the object, how it relates, its health.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Row {
    /// The node's id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its name.
    pub name: String,
    /// How it relates to the view's object (`env (token)`, `node n1, 1/1 ready, 0 restarts`).
    pub how: String,
    /// Its health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why (`exists` for kinds without health rules, `does not exist` for placeholders).
    pub reason: String,
    /// Referenced but absent.
    pub missing: bool,
}

/// A tree of dependencies.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Dep {
    /// The node's id.
    pub id: String,
    /// `Pod shop/web`, `Secret shop/token (missing)`.
    pub label: String,
    /// How the parent depends on it.
    pub via: Option<&'static str>,
    /// Its health.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why.
    pub reason: String,
    /// Cut by the depth limit with dependencies left.
    pub note: Option<&'static str>,
    /// Dependencies expanded elsewhere in the tree (ids).
    pub also: Vec<String>,
    /// What it depends on.
    #[schema(no_recursion)]
    pub children: Vec<Dep>,
}

impl Dep {
    /// The ids of the tree, itself first, each once.
    pub fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        if !out.contains(&self.id.as_str()) {
            out.push(&self.id);
        }
        for c in &self.children {
            c.ids(out);
        }
    }
}

/// `show pods`: a workload or service and its pods.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PodsView {
    /// The workload or service.
    pub of: Row,
    /// `Deployment shop/web`.
    #[serde(skip)]
    pub label: String,
    /// Its pods, by label.
    pub pods: Vec<Row>,
}

/// `show config`: a pod or workload and what its pod spec references.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ConfigView {
    /// The pod or workload.
    pub of: Row,
    /// `Pod shop/web-1`.
    #[serde(skip)]
    pub label: String,
    /// Config maps, secrets, the service account, claims with their volumes and classes.
    pub config: Vec<Row>,
}

/// `show namespace`: three sections of rows.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NamespaceView {
    /// The namespace.
    pub namespace: String,
    /// Workloads not owned by another workload.
    pub workloads: Vec<Row>,
    /// Services and ingresses.
    pub services: Vec<Row>,
    /// Pods.
    pub pods: Vec<Row>,
}

impl NamespaceView {
    /// The sections with their titles, in the order they print.
    pub fn sections(&self) -> [(&'static str, &[Row]); 3] {
        [
            ("workloads", &self.workloads),
            ("services", &self.services),
            ("pods", &self.pods),
        ]
    }
}

fn options(scope: Option<&Scope>) -> Options<'_> {
    Options {
        scope,
        prefer_namespace: false,
    }
}

/// Everything each object `target` names depends on, `depth` levels deep; the target read in
/// `scope` (`-n`, `-l`).
pub fn deps(
    snapshot: &Snapshot,
    target: &str,
    depth: usize,
    scope: Option<&Scope>,
) -> Result<Vec<Dep>> {
    let v = Views::of(snapshot);
    let mut trees = Vec::new();
    for t in resolve_with(snapshot, target, options(scope))? {
        let mut shown = HashSet::new();
        trees.push(v.deps(t, None, depth, &mut shown, &mut vec![t]));
    }
    Ok(trees)
}

/// The pods of a workload (through ownership) or of a service (through its selector).
pub fn pods(snapshot: &Snapshot, target: &str, scope: Option<&Scope>) -> Result<PodsView> {
    let v = Views::of(snapshot);
    let id = resolve_one_with(snapshot, target, options(scope))?;
    Ok(PodsView {
        of: v.make_row(id, String::new()),
        label: snapshot.label(id),
        pods: v.pods(id).into_iter().map(|p| v.pod_row(p)).collect(),
    })
}

/// What a pod (or a workload's pod template) references, and how.
pub fn config(snapshot: &Snapshot, target: &str, scope: Option<&Scope>) -> Result<ConfigView> {
    let v = Views::of(snapshot);
    let graph = &snapshot.graph;
    let id = resolve_one_with(snapshot, target, options(scope))?;
    let o = &graph.node(id).object;
    if !(o.kind == "Pod" && o.group.is_empty()) && o.raw.ptr("/spec/template/spec").is_none() {
        return Err(Error::View(format!(
            "{} has no pod spec: `show config` takes a pod or a workload (try `show pods {target}` first)",
            snapshot.label(id)
        )));
    }
    Ok(ConfigView {
        of: v.make_row(id, String::new()),
        label: snapshot.label(id),
        config: v.config(id),
    })
}

/// The workloads, services and pods of a namespace.
pub fn namespace(snapshot: &Snapshot, ns: &str) -> Result<NamespaceView> {
    Views::of(snapshot).namespace(ns)
}

struct Views<'a> {
    graph: &'a Graph,
    health: &'a [Health],
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl<'a> Views<'a> {
    fn of(snapshot: &'a Snapshot) -> Views<'a> {
        Views {
            graph: &snapshot.graph,
            health: snapshot.health(),
        }
    }

    fn health(&self, id: NodeId) -> &Health {
        &self.health[id.0 as usize]
    }

    fn label(&self, id: NodeId) -> String {
        crate::label(self.graph, id)
    }

    fn make_row(&self, id: NodeId, how: String) -> Row {
        let n = self.graph.node(id);
        let h = self.health(id);
        Row {
            id: self.graph.node_id_string(id),
            kind: n.object.kind.clone(),
            namespace: n.object.namespace.clone(),
            name: n.object.name.clone(),
            how,
            state: h.state,
            // A config map has no health of its own: that it is there is what a view needs.
            reason: if h.reason.starts_with("no health rule") {
                EXISTS.to_string()
            } else if n.missing() && h.reason.contains("does not exist") {
                "does not exist".to_string()
            } else {
                h.reason.clone()
            },
            missing: n.missing(),
        }
    }

    fn deps(
        &self,
        id: NodeId,
        via: Option<&'static str>,
        depth: usize,
        shown: &mut HashSet<NodeId>,
        path: &mut Vec<NodeId>,
    ) -> Dep {
        shown.insert(id);
        let h = self.health(id);
        let missing = self.graph.node(id).missing();
        let mut d = Dep {
            label: self.label(id),
            via,
            state: h.state,
            reason: if missing && h.reason.contains("does not exist") {
                "does not exist".to_string()
            } else {
                h.reason.clone()
            },
            children: Vec::new(),
            note: None,
            id: self.graph.node_id_string(id),
            also: Vec::new(),
        };
        let next = dependencies(self.graph, id);
        if depth == 0 {
            if !next.is_empty() {
                d.note = Some("depth limit: more below");
            }
            return d;
        }
        for (rel, dep) in next {
            if path.contains(&dep) {
                continue;
            }
            if shown.contains(&dep) {
                d.also.push(self.graph.node_id_string(dep));
                continue;
            }
            path.push(dep);
            d.children
                .push(self.deps(dep, Some(rel), depth - 1, shown, path));
            path.pop();
        }
        d
    }

    /// Pods reached through ownership (deployment → replicaset → pod, cronjob → job → pod);
    /// for a service, the pods its selector matches.
    fn pods(&self, id: NodeId) -> Vec<NodeId> {
        let is_pod = |n: NodeId| {
            let o = &self.graph.node(n).object;
            o.kind == "Pod" && o.group.is_empty()
        };
        let mut found = Vec::new();
        let mut seen = HashSet::from([id]);
        let mut stack = vec![id];
        let service = self.graph.node(id).object.kind == "Service";
        while let Some(n) = stack.pop() {
            for e in self.graph.out_edges(n) {
                let follow = e.kind == EdgeKind::Owns || (service && e.kind == EdgeKind::Selects);
                if follow && seen.insert(e.to) {
                    if is_pod(e.to) {
                        found.push(e.to);
                    } else if e.kind == EdgeKind::Owns {
                        stack.push(e.to);
                    }
                }
            }
        }
        found.sort_by_key(|&p| self.label(p));
        found
    }

    /// `node ip-10-0-1-37, 1/1 ready, 3 restarts`
    fn pod_row(&self, id: NodeId) -> Row {
        let o = &self.graph.node(id).object;
        let node = o.raw.ptr("/spec/nodeName").and_then(|v| v.as_str());
        let statuses: Vec<_> = o
            .raw
            .ptr("/status/containerStatuses")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let ready = statuses
            .iter()
            .filter(|c| c.get("ready").and_then(|r| r.as_bool()) == Some(true))
            .count();
        let restarts: i64 = statuses
            .iter()
            .filter_map(|c| c.get("restartCount").and_then(|r| r.as_i64()))
            .sum();
        let mut how = Vec::new();
        if let Some(n) = node {
            how.push(format!("node {n}"));
        }
        if !statuses.is_empty() {
            how.push(format!("{ready}/{} ready", statuses.len()));
            how.push(format!("{restarts} restart{}", plural(restarts as usize)));
        }
        self.make_row(id, how.join(", "))
    }

    /// What a pod (or a workload's template) references, and how; claims bring their volume and
    /// class.
    fn config(&self, id: NodeId) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut edges: Vec<&Edge> = self
            .graph
            .out_edges(id)
            .filter(|e| matches!(e.kind, EdgeKind::Mounts | EdgeKind::Uses))
            .collect();
        edges.sort_by_key(|e| (kind_order(&self.graph.node(e.to).object), self.label(e.to)));
        for e in edges {
            rows.push(self.make_row(e.to, how(e)));
            let to = &self.graph.node(e.to).object;
            if to.kind == "PersistentVolumeClaim" {
                for e2 in self
                    .graph
                    .out_edges(e.to)
                    .filter(|e| e.kind == EdgeKind::Binds)
                {
                    rows.push(self.make_row(e2.to, format!("  volume of claim {}", to.name)));
                }
                for e2 in self
                    .graph
                    .in_edges(e.to)
                    .filter(|e| e.kind == EdgeKind::Provisions)
                {
                    rows.push(self.make_row(e2.from, format!("  class of claim {}", to.name)));
                }
            }
        }
        rows
    }

    /// Workloads not owned by another workload, services and ingresses, pods.
    fn namespace(&self, ns: &str) -> Result<NamespaceView> {
        let in_ns: Vec<NodeId> = self
            .graph
            .nodes()
            .filter(|(_, n)| n.parent.is_none() && n.object.namespace.as_deref() == Some(ns))
            .map(|(id, _)| id)
            .collect();
        if in_ns.is_empty() {
            let mut known: Vec<&str> = self
                .graph
                .nodes()
                .filter_map(|(_, n)| n.object.namespace.as_deref())
                .collect();
            known.sort();
            known.dedup();
            return Err(Error::View(format!(
                "no objects in namespace {ns}\n  namespaces in the input: {}",
                known.join(", ")
            )));
        }
        let workload = |o: &Object| {
            matches!(
                (o.group.as_str(), o.kind.as_str()),
                (
                    "apps",
                    "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet"
                ) | ("batch", "Job" | "CronJob")
                    | ("", "ReplicationController")
            )
        };
        let owned_by_workload = |id: NodeId| {
            self.graph
                .in_edges(id)
                .any(|e| e.kind == EdgeKind::Owns && workload(&self.graph.node(e.from).object))
        };
        let mut view = NamespaceView {
            namespace: ns.to_string(),
            workloads: Vec::new(),
            services: Vec::new(),
            pods: Vec::new(),
        };
        let mut sorted = in_ns;
        sorted.sort_by_key(|&id| self.label(id));
        for id in sorted {
            let o = &self.graph.node(id).object;
            if workload(o) && !owned_by_workload(id) {
                view.workloads.push(self.make_row(id, String::new()));
            } else if (o.kind == "Service" && o.group.is_empty()) || o.kind == "Ingress" {
                view.services.push(self.make_row(id, String::new()));
            } else if o.kind == "Pod" && o.group.is_empty() {
                view.pods.push(self.pod_row(id));
            }
        }
        Ok(view)
    }
}

fn kind_order(o: &Object) -> u8 {
    match o.kind.as_str() {
        "ConfigMap" => 0,
        "Secret" => 1,
        "ServiceAccount" => 2,
        "PersistentVolumeClaim" => 3,
        _ => 4,
    }
}

/// How a pod refers to the object: `env (token)`, `volume config at /etc/app`, `serviceAccountName`.
fn how(e: &Edge) -> String {
    let list = |key: &str| -> Vec<String> {
        e.attrs
            .get(key)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    match e.kind {
        EdgeKind::Mounts => {
            let volumes = list("volumes").join(", ");
            let paths: Vec<String> = e
                .attrs
                .get("mounts")
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|m| {
                            let p = m.get("mount_path")?.as_str()?;
                            let c = m.get("container").and_then(|c| c.as_str()).unwrap_or("?");
                            Some(format!("{c}:{p}"))
                        })
                        .collect()
                })
                .unwrap_or_default();
            match paths.as_slice() {
                [] => format!("volume {volumes}"),
                p => format!("volume {volumes} at {}", p.join(", ")),
            }
        }
        _ => {
            let via = list("via").join(", ");
            let keys = list("keys");
            let optional = e.attrs.get("optional").and_then(|v| v.as_bool()) == Some(true);
            let mut s = if keys.is_empty() {
                via
            } else {
                format!("{via} ({})", keys.join(", "))
            };
            if optional {
                s.push_str(", optional");
            }
            s
        }
    }
}
