//! `-can_reach->`: a computed edge. Which workloads a node's workload may open connections to
//! under the NetworkPolicies of the graph (kubegraph-netpol), on any connection or on one port.
//!
//! The analysis is one of the [`Facts`](crate::Facts) (run once, on first use). Its peers are
//! workloads (`namespace/name[Kind]`: a pod stands for its controlling owner, as
//! `kubegraph connectivity` lists them); here a workload is the graph nodes that stand for it:
//! its own node, its pods, and the owners of its node (a Deployment for a live dump's
//! ReplicaSet). External address ranges and the ingress controller are not nodes of the graph,
//! so they are not reached here (`kubegraph connectivity` lists them).

use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::{kinds, EdgeKind};
use kubegraph_netpol::{Analysis, ConnSet, Endpoint, Protocol};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::syntax::ast::{Direction, Reach};

/// The allowed connections between workloads, mapped onto graph nodes.
pub struct ReachIndex {
    /// A node → the workloads it stands for.
    of_node: FxHashMap<NodeId, Vec<u32>>,
    /// A workload → its nodes.
    nodes: Vec<Vec<NodeId>>,
    /// A workload → `(destination workload, connection set)`.
    out: Vec<Vec<(u32, u32)>>,
    /// A workload → `(source workload, connection set)`.
    inc: Vec<Vec<(u32, u32)>>,
    conns: Vec<ConnSet>,
}

impl ReachIndex {
    /// Analyses the NetworkPolicies of `graph` and maps the workloads onto its nodes; `Err`
    /// says why a policy cannot be analysed (one the API server would reject).
    pub fn new(graph: &Graph) -> Result<ReachIndex, String> {
        let analysis = Analysis::from_graph(graph).map_err(|e| e.to_string())?;
        let n = analysis.workloads.len();
        let mut index = ReachIndex {
            of_node: FxHashMap::default(),
            nodes: vec![Vec::new(); n],
            out: vec![Vec::new(); n],
            inc: vec![Vec::new(); n],
            conns: Vec::new(),
        };
        let clusters: Vec<_> = graph.clusters().map(|(c, _, _)| c).collect();
        for (w, wl) in analysis.workloads.iter().enumerate() {
            let group = kinds::BUILTIN
                .iter()
                .find(|k| k.kind == wl.kind && matches!(k.group, "" | "apps" | "batch"))
                .map_or("", |k| k.group);
            let mut mine = Vec::new();
            for &c in &clusters {
                if let Some(id) = graph.lookup(c, group, &wl.kind, Some(&wl.namespace), &wl.name) {
                    mine.push(id);
                    mine.extend(
                        graph
                            .in_edges(id)
                            .filter(|e| e.kind == EdgeKind::Owns)
                            .map(|e| e.from),
                    );
                }
                for pod in &wl.pods {
                    mine.extend(graph.lookup(c, "", "Pod", Some(&wl.namespace), pod));
                }
            }
            mine.sort_unstable();
            mine.dedup();
            for &id in &mine {
                index.of_node.entry(id).or_default().push(w as u32);
            }
            index.nodes[w] = mine;
        }
        let conn = analysis.connectivity();
        index.conns = conn.conn_sets.clone();
        for &(s, d, c) in &conn.lines {
            if let (Endpoint::Workload(s), Endpoint::Workload(d)) =
                (conn.endpoints[s as usize].1, conn.endpoints[d as usize].1)
            {
                index.out[s].push((d as u32, c));
                index.inc[d].push((s as u32, c));
            }
        }
        Ok(index)
    }

    /// The nodes the start nodes' workloads reach (or are reached from), unordered.
    pub fn walk(&self, start: &[NodeId], direction: Direction, reach: &Reach) -> Vec<NodeId> {
        let port = reach
            .port
            .as_ref()
            .map(|(p, proto)| (*p, Protocol::parse(proto).unwrap_or(Protocol::Tcp)));
        let admits = |c: u32| match port {
            Some((p, proto)) => self.conns[c as usize].contains(proto, p),
            None => !self.conns[c as usize].is_empty(),
        };
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        for w in start.iter().filter_map(|id| self.of_node.get(id)).flatten() {
            let mut add = |list: &[(u32, u32)]| {
                for &(other, c) in list {
                    if admits(c) {
                        for &id in &self.nodes[other as usize] {
                            if seen.insert(id) {
                                out.push(id);
                            }
                        }
                    }
                }
            };
            if matches!(direction, Direction::Out | Direction::Both) {
                add(&self.out[*w as usize]);
            }
            if matches!(direction, Direction::In | Direction::Both) {
                add(&self.inc[*w as usize]);
            }
        }
        out
    }
}
