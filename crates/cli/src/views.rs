//! `show`: StackState's component actions as views over the graph, each object with its health.
//!
//! * `show deps TARGET [--depth 6]`: everything TARGET depends on, as a tree ("Show dependencies
//!   (deep)": up to 6 levels);
//! * `show pods WORKLOAD`: the pods of a workload (through ownership) or of a service (selector);
//! * `show config POD`: the config maps, secrets, service account and volumes (claims, their
//!   volumes and classes) a pod uses, and how;
//! * `show namespace NS`: its workloads, services and ingresses, and pods.

use crate::source::Landscape;
use crate::why::{assess, label, resolve};
use anyhow::bail;
use kubegraph_graph::{Edge, Graph, NodeId};
use kubegraph_health::rootcause::dependencies;
use kubegraph_health::{Health, State};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path};
use kubegraph_model::{EdgeKind, Object};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(subcommand)]
    pub view: View,
    /// Output format.
    #[arg(short = 'o', long = "output", default_value = "text", value_parser = ["text", "json"], global = true)]
    pub output: String,
}

#[derive(clap::Subcommand, Debug)]
pub enum View {
    /// Everything TARGET depends on, as a tree (owners through their dependents).
    Deps {
        /// `kind/namespace/name`, `namespace/name` (a pod), `kind/name`, or a query.
        #[arg(value_name = "TARGET")]
        target: String,
        /// How many levels to follow.
        #[arg(long, default_value_t = 6)]
        depth: usize,
    },
    /// The pods of a workload (through ownership) or of a service (through its selector).
    Pods {
        #[arg(value_name = "WORKLOAD")]
        target: String,
    },
    /// The config maps, secrets, service account, volumes and claims a pod uses.
    Config {
        #[arg(value_name = "POD")]
        target: String,
    },
    /// The workloads, services and pods of a namespace, with their health.
    Namespace {
        #[arg(value_name = "NAMESPACE")]
        name: String,
    },
}

pub fn run(
    landscape: &Landscape,
    args: &ShowArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let graph = &landscape.graph;
    let (health, _) = assess(landscape)?;
    let v = Views {
        graph,
        health: &health,
    };
    let as_json = args.output == "json";
    let doc = match &args.view {
        View::Deps { target, depth } => {
            let mut trees = Vec::new();
            for t in resolve(graph, target)? {
                let mut shown = HashSet::new();
                trees.push(v.deps(t, None, *depth, &mut shown, &mut vec![t]));
            }
            if !as_json {
                for (i, t) in trees.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    print_deps(t, "", true, true, out)?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            json!(trees.iter().map(dep_json).collect::<Vec<_>>())
        }
        View::Pods { target } => {
            let id = single(graph, target)?;
            let pods = v.pods(id);
            if !as_json {
                writeln!(
                    out,
                    "{}: {} pod{}",
                    label(graph, id),
                    pods.len(),
                    plural(pods.len())
                )?;
                table(&pods.iter().map(|&p| v.pod_row(p)).collect::<Vec<_>>(), out)?;
                return Ok(ExitCode::SUCCESS);
            }
            json!({"of": v.row(id, ""), "pods": pods.iter().map(|&p| row_json(&v.pod_row(p))).collect::<Vec<_>>()})
        }
        View::Config { target } => {
            let id = single(graph, target)?;
            let o = &graph.node(id).object;
            if !(o.kind == "Pod" && o.group.is_empty())
                && o.raw.ptr("/spec/template/spec").is_none()
            {
                bail!(
                    "{} has no pod spec: `show config` takes a pod or a workload (try `show pods {target}` first)",
                    label(graph, id)
                );
            }
            let rows = v.config(id);
            if !as_json {
                writeln!(
                    out,
                    "{}: {} reference{}",
                    label(graph, id),
                    rows.len(),
                    plural(rows.len())
                )?;
                table(&rows, out)?;
                return Ok(ExitCode::SUCCESS);
            }
            json!({"of": v.row(id, ""), "config": rows.iter().map(row_json).collect::<Vec<_>>()})
        }
        View::Namespace { name } => {
            let sections = v.namespace(name)?;
            if !as_json {
                let mut first = true;
                for (title, rows) in &sections {
                    if !first {
                        writeln!(out)?;
                    }
                    first = false;
                    writeln!(out, "{title} ({})", rows.len())?;
                    table(rows, out)?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let mut m = serde_json::Map::new();
            m.insert("namespace".into(), json!(name));
            for (title, rows) in &sections {
                m.insert(
                    title.to_string(),
                    json!(rows.iter().map(row_json).collect::<Vec<_>>()),
                );
            }
            Value::Object(m)
        }
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn single(graph: &Graph, target: &str) -> anyhow::Result<NodeId> {
    let found = resolve(graph, target)?;
    match found.as_slice() {
        [one] => Ok(*one),
        many => bail!(
            "`{target}` selects {} objects; this view takes one: {}",
            many.len(),
            many.iter()
                .take(5)
                .map(|&n| crate::why::spelled(graph, n))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

struct Views<'a> {
    graph: &'a Graph,
    health: &'a [Health],
}

/// One line of a view: the object, how it relates, its health.
struct Row {
    id: String,
    kind: String,
    namespace: Option<String>,
    name: String,
    how: String,
    state: State,
    reason: String,
    missing: bool,
}

fn row_json(r: &Row) -> Value {
    json!({
        "id": r.id, "kind": r.kind, "namespace": r.namespace, "name": r.name,
        "how": r.how, "state": r.state.as_str(), "reason": r.reason, "missing": r.missing,
    })
}

/// Columns kind, namespace/name, how (when any row has it), health, reason.
fn table(rows: &[Row], out: &mut impl Write) -> std::io::Result<()> {
    let show_how = rows.iter().any(|r| !r.how.is_empty());
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let n = match &r.namespace {
                Some(ns) => format!("{ns}/{}", r.name),
                None => r.name.clone(),
            };
            if r.missing {
                format!("{n} (missing)")
            } else {
                n
            }
        })
        .collect();
    let wk = rows.iter().map(|r| r.kind.len()).max().unwrap_or(0).max(4);
    let wn = names.iter().map(|n| n.len()).max().unwrap_or(0).max(4);
    let wh = rows.iter().map(|r| r.how.len()).max().unwrap_or(0).max(3);
    for (r, n) in rows.iter().zip(&names) {
        let how = if show_how {
            format!("{:wh$}  ", r.how)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:wk$}  {:wn$}  {how}{:7}  {}",
            r.kind,
            n,
            r.state.as_str(),
            r.reason
        )?;
    }
    Ok(())
}

/// A tree of dependencies.
struct Dep {
    label: String,
    via: Option<&'static str>,
    state: State,
    reason: String,
    children: Vec<Dep>,
    /// Cut by the depth limit with dependencies left.
    note: Option<&'static str>,
    node_id: String,
    /// Dependencies expanded elsewhere in the tree (ids).
    also: Vec<String>,
}

fn dep_json(d: &Dep) -> Value {
    json!({
        "id": d.node_id, "label": d.label, "via": d.via, "state": d.state.as_str(), "reason": d.reason,
        "note": d.note, "also": d.also, "children": d.children.iter().map(dep_json).collect::<Vec<_>>(),
    })
}

fn print_deps(
    d: &Dep,
    prefix: &str,
    last: bool,
    top: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (branch, child) = if top {
        (String::new(), String::new())
    } else if last {
        (format!("{prefix}└─ "), format!("{prefix}   "))
    } else {
        (format!("{prefix}├─ "), format!("{prefix}│  "))
    };
    let via = d.via.map(|v| format!("{v} ")).unwrap_or_default();
    let mut notes: Vec<String> = d.note.iter().map(|n| n.to_string()).collect();
    if !d.also.is_empty() {
        notes.push(format!("{} more shown elsewhere", d.also.len()));
    }
    let note = if notes.is_empty() {
        String::new()
    } else {
        format!("  ({})", notes.join("; "))
    };
    // "no health rule for ConfigMap" says nothing a reader needs in a tree of dependencies.
    let reason = if d.reason.starts_with("no health rule") {
        String::new()
    } else {
        format!(": {}", d.reason)
    };
    writeln!(out, "{branch}{via}{}  {}{reason}{note}", d.label, d.state)?;
    for (i, c) in d.children.iter().enumerate() {
        print_deps(c, &child, i + 1 == d.children.len(), false, out)?;
    }
    Ok(())
}

impl Views<'_> {
    fn health(&self, id: NodeId) -> &Health {
        &self.health[id.0 as usize]
    }

    fn row(&self, id: NodeId, how: &str) -> Value {
        row_json(&self.make_row(id, how.to_string()))
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
                "in the input".to_string()
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
            label: label(self.graph, id),
            via,
            state: h.state,
            reason: if missing && h.reason.contains("does not exist") {
                "does not exist".to_string()
            } else {
                h.reason.clone()
            },
            children: Vec::new(),
            note: None,
            node_id: self.graph.node_id_string(id),
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
        found.sort_by_key(|&p| label(self.graph, p));
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
        edges.sort_by_key(|e| {
            (
                kind_order(&self.graph.node(e.to).object),
                label(self.graph, e.to),
            )
        });
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
    fn namespace(&self, ns: &str) -> anyhow::Result<Vec<(&'static str, Vec<Row>)>> {
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
            bail!(
                "no objects in namespace {ns}\n  namespaces in the input: {}",
                known.join(", ")
            );
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
        let mut sections: Vec<(&'static str, Vec<Row>)> = vec![
            ("workloads", vec![]),
            ("services", vec![]),
            ("pods", vec![]),
        ];
        let mut sorted = in_ns;
        sorted.sort_by_key(|&id| label(self.graph, id));
        for id in sorted {
            let o = &self.graph.node(id).object;
            if workload(o) && !owned_by_workload(id) {
                sections[0].1.push(self.make_row(id, String::new()));
            } else if (o.kind == "Service" && o.group.is_empty()) || o.kind == "Ingress" {
                sections[1].1.push(self.make_row(id, String::new()));
            } else if o.kind == "Pod" && o.group.is_empty() {
                sections[2].1.push(self.pod_row(id));
            }
        }
        Ok(sections)
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
