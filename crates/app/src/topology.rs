//! What a picture of the landscape draws: the nodes of a selection grouped in boxes (cluster →
//! namespace, or node, or app label), owner chains collapsed into one node with a count badge
//! (`Deployment web ▸ 3/3 pods`), edges merged between what is drawn, health on every node and
//! box (a box takes its worst member), optionally only the sick objects and the paths to their
//! root causes, and positions: a layered layout inside each box (ingresses, services,
//! workloads, pods, config, storage from left to right) and boxes packed in rows.
//!
//! Everything here is deterministic: the same snapshot and request give the same picture, so
//! it is tested here and a browser only draws it. Beyond [`Request::limit`] drawn nodes the
//! picture is a summary: the boxes with their counts and health, to drill into.

use crate::landscape::Snapshot;
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_health::rootcause;
use kubegraph_health::State;
use kubegraph_model::{EdgeKind, Object};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How to group what is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// Cluster → namespace (cluster-scoped objects in their cluster's own box).
    #[default]
    Namespace,
    /// Cluster only.
    Cluster,
    /// The node pods run on (owner chains are not collapsed: a workload's pods spread).
    Node,
    /// The `app.kubernetes.io/name`, `app` or `k8s-app` label.
    App,
}

impl std::str::FromStr for Grouping {
    type Err = String;
    fn from_str(s: &str) -> Result<Grouping, String> {
        match s {
            "namespace" => Ok(Grouping::Namespace),
            "cluster" => Ok(Grouping::Cluster),
            "node" => Ok(Grouping::Node),
            "app" => Ok(Grouping::App),
            _ => Err(format!(
                "unknown grouping `{s}` (use namespace, cluster, node or app)"
            )),
        }
    }
}

/// When to draw boxes only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SummaryMode {
    /// When more than [`Request::limit`] nodes would be drawn.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never (the limit still cuts).
    Never,
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct Request {
    /// How to group.
    pub grouping: Grouping,
    /// Collapse owner chains into their top owner.
    pub collapse: bool,
    /// Owners whose owned objects are drawn one by one.
    pub expand: HashSet<NodeId>,
    /// Only unhealthy objects and the paths to their root causes.
    pub problems: bool,
    /// When to draw a summary.
    pub summary: SummaryMode,
    /// The most nodes drawn.
    pub limit: usize,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            grouping: Grouping::Namespace,
            collapse: true,
            expand: HashSet::new(),
            problems: false,
            summary: SummaryMode::Auto,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// How many nodes a picture draws before it becomes a summary: WebGL draws far more, but a
/// person reads a few thousand at most.
pub const DEFAULT_LIMIT: usize = 5000;

/// A picture to draw.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Topology {
    /// Nodes, in box order then tier then label.
    pub nodes: Vec<DrawNode>,
    /// Edges between drawn nodes, merged by kind.
    pub edges: Vec<DrawEdge>,
    /// Boxes, parents before children.
    pub boxes: Vec<DrawBox>,
    /// Only boxes are drawn: the selection is larger than the limit.
    pub summary: bool,
    /// Objects selected before collapsing.
    pub selected: usize,
    /// Edge kinds drawn, with how many edges each.
    pub legend: BTreeMap<&'static str, usize>,
}

/// A drawn node: an object, or an owner standing for its owned objects.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DrawNode {
    /// The node's id (as `export -o json` writes it).
    pub id: String,
    /// Its name.
    pub label: String,
    /// Its kind.
    pub kind: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its health, or the worst of its members' when collapsed.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Why.
    pub reason: String,
    /// The box it is drawn in.
    #[serde(rename = "box")]
    pub in_box: String,
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
    /// Objects it stands for besides itself (collapsed owned objects).
    pub members: usize,
    /// The ids of those objects, in id order: what a front end maps a search hit, a `why`
    /// step or a live change on a collapsed object to.
    pub member_ids: Vec<String>,
    /// `3/3 pods`: ready pods of all pods it stands for.
    pub badge: Option<String>,
    /// It owns objects that [`Request::expand`] would draw one by one.
    pub expandable: bool,
    /// Referenced but absent.
    pub missing: bool,
    /// Unhealthy with no unhealthy dependency (with [`Request::problems`]).
    pub root_cause: bool,
    /// Its column in the layout.
    #[serde(skip)]
    tier: u8,
}

/// A drawn edge.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DrawEdge {
    /// `from|kind|to`.
    pub id: String,
    /// The drawn node it leaves.
    pub from: String,
    /// The drawn node it reaches.
    pub to: String,
    /// The edge kind.
    pub kind: &'static str,
    /// How many graph edges it stands for.
    pub count: usize,
}

/// A box: a cluster, namespace, node or app.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DrawBox {
    /// `cluster/namespace`-style id.
    pub id: String,
    /// What it is called.
    pub label: String,
    /// `cluster`, `namespace`, `cluster-scoped`, `node` or `app`.
    pub kind: &'static str,
    /// The box it sits in.
    pub parent: Option<String>,
    /// The worst state of what is in it.
    #[schema(value_type = String, example = "error")]
    pub state: State,
    /// Objects in it by state (every selected object, collapsed ones included).
    pub counts: StateCounts,
    /// Position and size.
    pub x: f64,
    /// Position and size.
    pub y: f64,
    /// Position and size.
    pub w: f64,
    /// Position and size.
    pub h: f64,
}

/// Objects by health state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StateCounts {
    /// `ok`.
    pub ok: usize,
    /// `unknown`.
    pub unknown: usize,
    /// `warning`.
    pub warning: usize,
    /// `error`.
    pub error: usize,
}

impl StateCounts {
    fn add(&mut self, s: State) {
        match s {
            State::Ok => self.ok += 1,
            State::Unknown => self.unknown += 1,
            State::Warning => self.warning += 1,
            State::Error => self.error += 1,
        }
    }

    fn add_all(&mut self, other: StateCounts) {
        self.ok += other.ok;
        self.unknown += other.unknown;
        self.warning += other.warning;
        self.error += other.error;
    }

    fn worst(&self) -> State {
        if self.error > 0 {
            State::Error
        } else if self.warning > 0 {
            State::Warning
        } else if self.unknown > 0 && self.ok == 0 {
            State::Unknown
        } else {
            State::Ok
        }
    }

    /// All objects counted.
    pub fn total(&self) -> usize {
        self.ok + self.unknown + self.warning + self.error
    }
}

/// What a picture shows when nobody asked for anything: the workloads, services, ingresses,
/// pods, config and storage of all namespaces. The objects Kubernetes puts in every namespace
/// (the `kube-root-ca.crt` config map every pod mounts, the `default` service account) are left
/// out: drawn, they would join every workload to two nodes per namespace and say nothing.
pub fn default_selection(graph: &Graph) -> Vec<NodeId> {
    graph
        .nodes()
        .filter(|(_, n)| n.parent.is_none() && n.origin != Origin::Synthetic)
        .filter(|(_, n)| tier(&n.object) < OTHER_TIER)
        .filter(|(_, n)| {
            let o = &n.object;
            !(o.group.is_empty()
                && ((o.kind == "ConfigMap" && o.name == "kube-root-ca.crt")
                    || (o.kind == "ServiceAccount" && o.name == "default")))
        })
        .map(|(id, _)| id)
        .collect()
}

/// Columns of the layout inside a box, left to right: traffic flows in from the left.
fn tier(o: &Object) -> u8 {
    match (o.group.as_str(), o.kind.as_str()) {
        ("networking.k8s.io", "Ingress") | ("gateway.networking.k8s.io", _) => 0,
        ("", "Service") => 1,
        ("apps", "Deployment" | "StatefulSet" | "DaemonSet")
        | ("batch", "CronJob")
        | ("", "ReplicationController") => 2,
        ("apps", "ReplicaSet") | ("batch", "Job") => 3,
        ("", "Pod") => 4,
        ("", "ConfigMap" | "Secret" | "ServiceAccount") => 5,
        ("", "PersistentVolumeClaim") => 6,
        ("", "PersistentVolume") | ("storage.k8s.io", "StorageClass") => 7,
        _ => OTHER_TIER,
    }
}

const OTHER_TIER: u8 = 8;

fn is_owner_kind(o: &Object) -> bool {
    matches!(
        (o.group.as_str(), o.kind.as_str()),
        (
            "apps",
            "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet"
        ) | ("batch", "Job" | "CronJob")
            | ("", "ReplicationController")
    )
}

fn is_pod(o: &Object) -> bool {
    o.kind == "Pod" && o.group.is_empty()
}

/// Draws `selection` (containers stand for their pods; namespaces and clusters are boxes).
pub fn topology(snapshot: &Snapshot, selection: &[NodeId], request: &Request) -> Topology {
    let graph = &snapshot.graph;
    let health = snapshot.health();
    let state = |id: NodeId| health[id.0 as usize].state;

    // What is selected: objects, not containers (their pods), boxes or events.
    let mut selected: Vec<NodeId> = selection
        .iter()
        .map(|&id| graph.node(id).parent.unwrap_or(id))
        .filter(|&id| {
            let o = &graph.node(id).object;
            let n = graph.node(id);
            let is_box = (o.kind == "Namespace" && o.group.is_empty())
                || (n.origin == Origin::Synthetic && o.kind == "Cluster");
            !is_box && o.kind != "Event"
        })
        .collect();
    selected.sort();
    selected.dedup();

    let mut root_causes = HashSet::new();
    if request.problems {
        let mut keep: HashSet<NodeId> = HashSet::new();
        let now = snapshot.now();
        for &id in &selected {
            if state(id) < State::Warning {
                continue;
            }
            let e = rootcause::explain(graph, health, id, now);
            let mut stack = vec![&e.tree];
            while let Some(s) = stack.pop() {
                keep.insert(graph.node(s.node).parent.unwrap_or(s.node));
                stack.extend(s.children.iter());
            }
            root_causes.extend(e.causes.iter().map(|c| c.node));
        }
        selected = keep.into_iter().collect();
        selected.sort();
    }
    // Per node id, dense: a graph of 500k nodes is looked up millions of times here.
    let mut in_selection = vec![false; graph.node_bound()];
    for &id in &selected {
        in_selection[id.0 as usize] = true;
    }
    let selected_ = |id: NodeId| in_selection[id.0 as usize];

    // Owner chains: each object stands for itself, or for its top owner in the selection.
    let collapse = request.collapse && request.grouping != Grouping::Node;
    let owner_of = |id: NodeId| -> Option<NodeId> {
        graph
            .in_edges(id)
            .find(|e| {
                e.kind == EdgeKind::Owns
                    && selected_(e.from)
                    && is_owner_kind(&graph.node(e.from).object)
            })
            .map(|e| e.from)
    };
    const NONE: u32 = u32::MAX;
    let mut rep = vec![NONE; graph.node_bound()];
    let rep_of = |rep: &[u32], id: NodeId| -> Option<NodeId> {
        let r = rep[id.0 as usize];
        (r != NONE).then_some(NodeId(r))
    };
    for &id in &selected {
        let mut r = id;
        if collapse {
            let mut seen = vec![id];
            while let Some(o) = owner_of(r) {
                if request.expand.contains(&o) || seen.contains(&o) {
                    break;
                }
                seen.push(o);
                r = o;
            }
        }
        rep[id.0 as usize] = r.0;
    }

    // Drawn nodes and what each stands for.
    let mut members: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for &id in &selected {
        members
            .entry(NodeId(rep[id.0 as usize]))
            .or_default()
            .push(id);
    }

    // Boxes: counts of every selected object, by the box of what it is drawn as. Box paths are
    // interned: each drawn node's is computed once, and few distinct ones exist.
    let mut paths: Vec<Vec<BoxKey>> = Vec::new();
    let mut place_index: rustc_hash::FxHashMap<Place, usize> = Default::default();
    let mut counts: Vec<StateCounts> = Vec::new();
    let mut box_of_rep: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
    for (&r, ms) in &members {
        let place = place_of(graph, r, request.grouping);
        let b = *place_index.entry(place).or_insert_with(|| {
            paths.push(path_of(graph, place));
            counts.push(StateCounts::default());
            paths.len() - 1
        });
        box_of_rep.insert(r, b);
        for &m in ms {
            counts[b].add(state(m));
        }
    }
    let box_counts: BTreeMap<Vec<BoxKey>, StateCounts> =
        paths.iter().cloned().zip(counts.iter().copied()).collect();
    let box_names: Vec<String> = paths.iter().map(|p| box_id(p)).collect();

    let summary = match request.summary {
        SummaryMode::Always => true,
        SummaryMode::Never => false,
        SummaryMode::Auto => members.len() > request.limit,
    };

    let mut nodes: Vec<DrawNode> = Vec::new();
    let mut drawn = vec![false; graph.node_bound()];
    if !summary {
        for (&r, ms) in members.iter().take(request.limit) {
            drawn[r.0 as usize] = true;
            let n = graph.node(r);
            let worst = ms.iter().copied().max_by_key(|&m| (state(m), m == r));
            let (st, reason) = match worst {
                Some(w) if state(w) > state(r) => (
                    state(w),
                    format!(
                        "{}: {}",
                        crate::plain_label(graph, w),
                        health[w.0 as usize].reason
                    ),
                ),
                _ => (state(r), health[r.0 as usize].reason.clone()),
            };
            let pods: Vec<NodeId> = ms
                .iter()
                .copied()
                .filter(|&m| m != r && is_pod(&graph.node(m).object))
                .collect();
            let badge = (!pods.is_empty()).then(|| {
                let ready = pods.iter().filter(|&&p| state(p) == State::Ok).count();
                format!(
                    "{ready}/{} pod{}",
                    pods.len(),
                    if pods.len() == 1 { "" } else { "s" }
                )
            });
            let expandable = collapse
                && graph.out_edges(r).any(|e| {
                    e.kind == EdgeKind::Owns && selected_(e.to) && rep[e.to.0 as usize] != e.to.0
                });
            nodes.push(DrawNode {
                id: graph.node_id_string(r),
                label: n.object.name.clone(),
                kind: n.object.kind.clone(),
                namespace: n.object.namespace.clone(),
                state: st,
                reason,
                in_box: box_names[box_of_rep[&r]].clone(),
                x: 0.0,
                y: 0.0,
                members: ms.len() - 1,
                member_ids: {
                    let mut ids: Vec<String> = ms
                        .iter()
                        .filter(|&&m| m != r)
                        .map(|&m| graph.node_id_string(m))
                        .collect();
                    ids.sort();
                    ids
                },
                badge,
                expandable,
                missing: n.missing(),
                root_cause: ms.iter().any(|m| root_causes.contains(m)),
                tier: tier(&n.object),
            });
        }
    }

    // Edges between drawn nodes, from every selected object and its containers.
    let mut merged: rustc_hash::FxHashMap<(NodeId, EdgeKind, NodeId), usize> = Default::default();
    if !summary {
        let drawn_as = |id: NodeId| -> Option<NodeId> {
            let id = graph.node(id).parent.unwrap_or(id);
            rep_of(&rep, id).filter(|r| drawn[r.0 as usize])
        };
        for &id in &selected {
            let Some(from) = drawn_as(id) else { continue };
            let containers = graph
                .out_edges(id)
                .filter(|e| graph.node(e.to).parent == Some(id))
                .map(|e| e.to);
            for source in std::iter::once(id).chain(containers.collect::<Vec<_>>()) {
                for e in graph.out_edges(source) {
                    if matches!(
                        e.kind,
                        EdgeKind::Contains | EdgeKind::About | EdgeKind::Runs
                    ) {
                        continue;
                    }
                    if let Some(to) = drawn_as(e.to) {
                        if to != from {
                            *merged.entry((from, e.kind, to)).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    let mut legend = BTreeMap::new();
    let mut merged: Vec<((NodeId, EdgeKind, NodeId), usize)> = merged.into_iter().collect();
    merged.sort_unstable_by_key(|&(key, _)| key);
    let edges: Vec<DrawEdge> = merged
        .into_iter()
        .map(|((from, kind, to), count)| {
            *legend.entry(kind.as_str()).or_default() += 1;
            let (from, to) = (graph.node_id_string(from), graph.node_id_string(to));
            DrawEdge {
                id: format!("{from}|{}|{to}", kind.as_str()),
                from,
                to,
                kind: kind.as_str(),
                count,
            }
        })
        .collect();

    let mut boxes = make_boxes(&box_counts);
    layout(&mut nodes, &mut boxes, summary);
    Topology {
        nodes,
        edges,
        boxes,
        summary,
        selected: selected.len(),
        legend,
    }
}

/// One level of a box path: its kind and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct BoxKey {
    kind: &'static str,
    name: String,
}

fn box_id(path: &[BoxKey]) -> String {
    path.iter()
        .map(|k| format!("{}:{}", k.kind, k.name))
        .collect::<Vec<_>>()
        .join("/")
}

/// The boxes `id` sits in, outermost first.
/// Where a node is drawn, borrowed from the graph (cheap to hash while counting hundreds of
/// thousands of objects): its cluster, and its inner box's kind and name (`""` for none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Place<'g> {
    cluster: kubegraph_graph::ClusterId,
    kind: &'static str,
    name: &'g str,
}

fn place_of(graph: &Graph, id: NodeId, grouping: Grouping) -> Place<'_> {
    let n = graph.node(id);
    let (kind, name) = match grouping {
        Grouping::Cluster => ("", ""),
        Grouping::Namespace => match &n.object.namespace {
            Some(ns) => ("namespace", ns.as_str()),
            None => ("cluster-scoped", "cluster-scoped"),
        },
        // The node a pod runs on, through its `runs_on` edge (its `spec.nodeName`).
        Grouping::Node => match graph
            .out_edges(id)
            .find(|e| e.kind == EdgeKind::RunsOn)
            .filter(|_| is_pod(&n.object))
        {
            Some(e) => ("node", graph.node(e.to).object.name.as_str()),
            None => ("cluster-scoped", "not on a node"),
        },
        Grouping::App => ("app", app_label(&n.object).unwrap_or("(no app label)")),
    };
    Place {
        cluster: n.cluster,
        kind,
        name,
    }
}

fn path_of(graph: &Graph, p: Place<'_>) -> Vec<BoxKey> {
    let cluster = BoxKey {
        kind: "cluster",
        name: graph.cluster_name(p.cluster).to_string(),
    };
    let inner = (!p.kind.is_empty()).then(|| BoxKey {
        kind: p.kind,
        name: p.name.to_string(),
    });
    std::iter::once(cluster).chain(inner).collect()
}

/// `app.kubernetes.io/name`, else `app`, else `k8s-app`.
fn app_label(o: &Object) -> Option<&str> {
    ["app.kubernetes.io/name", "app", "k8s-app"]
        .iter()
        .find_map(|k| o.label(k))
}

fn make_boxes(counts: &BTreeMap<Vec<BoxKey>, StateCounts>) -> Vec<DrawBox> {
    let mut all: BTreeMap<Vec<BoxKey>, StateCounts> = BTreeMap::new();
    for (path, c) in counts {
        for depth in 1..=path.len() {
            all.entry(path[..depth].to_vec()).or_default().add_all(*c);
        }
    }
    all.into_iter()
        .map(|(path, counts)| {
            let last = path.last().expect("box paths are never empty");
            DrawBox {
                id: box_id(&path),
                label: last.name.clone(),
                kind: last.kind,
                parent: (path.len() > 1).then(|| box_id(&path[..path.len() - 1])),
                state: counts.worst(),
                counts,
                x: 0.0,
                y: 0.0,
                w: 0.0,
                h: 0.0,
            }
        })
        .collect()
}

/// Distances of the layout, in graph units. A column is about five rows wide: room for a label
/// of some 24 characters right of each node, and for a badge under it, when rows are two and a
/// half lines of text apart.
const COLUMN: f64 = 28.0;
const ROW: f64 = 5.0;
const PAD: f64 = 4.0;
const GAP: f64 = 6.0;
/// Rows in a column before it wraps into another.
const MAX_ROWS: usize = 25;

/// Lays out nodes in their boxes (columns by tier) and packs boxes into rows inside their
/// parents; a summary's leaf boxes get a size by how many objects they hold.
fn layout(nodes: &mut [DrawNode], boxes: &mut [DrawBox], summary: bool) {
    // Nodes of each leaf box, by tier, then label.
    let mut by_box: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        by_box.entry(n.in_box.clone()).or_default().push(i);
    }
    let mut sizes: HashMap<String, (f64, f64)> = HashMap::new();
    for (b, idx) in by_box.iter_mut() {
        idx.sort_by(|&a, &c| {
            (nodes[a].tier, &nodes[a].label, &nodes[a].id).cmp(&(
                nodes[c].tier,
                &nodes[c].label,
                &nodes[c].id,
            ))
        });
        // Columns of MAX_ROWS nodes; a box of more than about a hundred nodes gets taller
        // columns instead, so that it stays about square rather than a strip thousands of
        // columns wide (the unscheduled objects of a 10k-node landscape by node).
        let max_rows = MAX_ROWS.max((idx.len() as f64 * COLUMN / ROW).sqrt().ceil() as usize);
        let mut col = 0usize;
        let mut row = 0usize;
        let mut last_tier = None;
        let mut rows = 0usize;
        for &i in idx.iter() {
            let t = nodes[i].tier;
            if last_tier.is_some_and(|l| l != t) || row == max_rows {
                col += 1;
                row = 0;
            }
            last_tier = Some(t);
            nodes[i].x = PAD + col as f64 * COLUMN;
            nodes[i].y = PAD + row as f64 * ROW;
            row += 1;
            rows = rows.max(row);
        }
        sizes.insert(
            b.clone(),
            (
                PAD + (col + 1) as f64 * COLUMN,
                // Half a row under the last one: room for a badge.
                2.0 * PAD + rows.saturating_sub(1) as f64 * ROW + ROW / 2.0,
            ),
        );
    }
    if summary {
        for b in boxes.iter() {
            let side = 10.0 + (b.counts.total() as f64).sqrt() * 2.0;
            sizes.entry(b.id.clone()).or_insert((side, side));
        }
    }
    // Children of each box, packed into shelves; parents sized around them.
    let mut children: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for (i, b) in boxes.iter().enumerate() {
        children.entry(b.parent.clone()).or_default().push(i);
    }
    fn pack(
        parent: Option<String>,
        boxes: &mut [DrawBox],
        children: &BTreeMap<Option<String>, Vec<usize>>,
        sizes: &mut HashMap<String, (f64, f64)>,
    ) -> (f64, f64) {
        let Some(kids) = children.get(&parent).cloned() else {
            return parent
                .as_ref()
                .and_then(|p| sizes.get(p).copied())
                .unwrap_or((COLUMN, ROW));
        };
        let mut dims: Vec<(usize, f64, f64)> = kids
            .iter()
            .map(|&k| {
                let (w, h) = pack(Some(boxes[k].id.clone()), boxes, children, sizes);
                (k, w, h)
            })
            .collect();
        // Largest first, in shelves about as wide as the whole is tall.
        dims.sort_by(|a, b| (b.2 * b.1).total_cmp(&(a.2 * a.1)).then(a.0.cmp(&b.0)));
        let area: f64 = dims.iter().map(|d| (d.1 + GAP) * (d.2 + GAP)).sum();
        let widest = dims.iter().map(|d| d.1).fold(0.0, f64::max);
        let target = area.sqrt().max(widest) * 1.3;
        let (mut x, mut y, mut shelf, mut width) = (PAD, PAD, 0.0f64, 0.0f64);
        for (k, w, h) in dims {
            if x > PAD && x + w > target {
                x = PAD;
                y += shelf + GAP;
                shelf = 0.0;
            }
            boxes[k].x = x;
            boxes[k].y = y;
            boxes[k].w = w;
            boxes[k].h = h;
            x += w + GAP;
            shelf = shelf.max(h);
            width = width.max(x);
        }
        let (w, h) = (width + PAD - GAP, y + shelf + PAD);
        if let Some(p) = &parent {
            sizes.insert(p.clone(), (w, h));
        }
        (w, h)
    }
    pack(None, boxes, &children, &mut sizes);
    // Positions are relative to the parent: make them absolute, parents first.
    let index: HashMap<String, usize> = boxes
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.clone(), i))
        .collect();
    for i in 0..boxes.len() {
        if let Some(p) = boxes[i].parent.clone() {
            let (px, py) = (boxes[index[&p]].x, boxes[index[&p]].y);
            boxes[i].x += px;
            boxes[i].y += py;
        }
    }
    for n in nodes.iter_mut() {
        if let Some(&b) = index.get(&n.in_box) {
            n.x += boxes[b].x;
            n.y += boxes[b].y;
        }
    }
}
