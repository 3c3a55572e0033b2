//! Reachability: which connections the policies allow between every pair of peers.
//!
//! Traffic from A to B needs A's egress **and** B's ingress. A side that no policy selects for
//! its direction is open; otherwise it admits the union of the rules of every policy selecting
//! it. Named ports resolve against the destination's container ports.
//!
//! The cost follows the number of distinct *classes* of workloads, not workloads: workloads with
//! the same namespace, labels and container ports are indistinguishable to every policy, so each
//! rule's peer set is computed once per class, egress rows once per distinct set of egress rules,
//! ingress columns once per distinct set of ingress rules (and ports, where rules name ports),
//! and connection sets are interned so that combining two is a table look-up.

use crate::ingress::{self, Route};
use crate::ip::{self, IpRange};
use crate::policy::{self, Direction, Namespaces, Peer, Policy, Rule};
use crate::ports::ConnSet;
use crate::workloads::{self, ContainerPort, Labels, Workload};
use crate::{NetpolError, Options};
use kubegraph_graph::{Graph, Origin};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// A class of interchangeable workloads.
#[derive(Debug)]
struct Class {
    namespace: String,
    labels: Labels,
    ports: Vec<ContainerPort>,
    /// Rule ids of every policy selecting the class for ingress; `None`: no policy does.
    ingress: Option<Vec<u32>>,
    egress: Option<Vec<u32>>,
}

/// One rule of one policy, with what it matches precomputed.
#[derive(Debug)]
struct FlatRule {
    policy: usize,
    direction: Direction,
    /// 0-based position in the policy's `ingress` or `egress` list.
    index: usize,
    /// Which classes the rule's peers match (every class when the rule has no peers).
    matches: Vec<bool>,
    /// The ports admitted regardless of the destination.
    fixed: ConnSet,
    has_named: bool,
}

/// An endpoint of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    /// A workload, by its index in [`Analysis::workloads`].
    Workload(usize),
    /// A piece of the address space outside the cluster (one of [`Analysis::externals`]).
    External(IpRange),
    /// The cluster's ingress controller, unknown to the input: reached traffic comes from an
    /// arbitrary in-cluster source.
    IngressController,
}

/// The analysed landscape: workloads, namespaces, policies, and what they allow.
pub struct Analysis {
    /// Every workload, in name order: what a pod stands for (its owner), or a template.
    pub workloads: Vec<Workload>,
    /// Every namespace declared or holding a workload, with its labels (the implicit
    /// `kubernetes.io/metadata.name` included).
    pub namespaces: BTreeMap<String, Labels>,
    /// Every NetworkPolicy, read.
    pub policies: Vec<Policy>,
    /// The pieces of the IPv4 space that every `ipBlock` (ingress and egress alike) splits it
    /// into: each is entirely inside or outside every block, so explanations are exact.
    pub externals: Vec<IpRange>,
    /// The sources outside the cluster that the listing names: the IPv4 space split at the
    /// `ipBlock`s of ingress rules only, as netpol-analyzer splits it.
    pub ingress_externals: Vec<IpRange>,
    /// The destinations outside the cluster that the listing names: the IPv4 space split at
    /// the `ipBlock`s of egress rules only.
    pub egress_externals: Vec<IpRange>,
    /// Ingress routes by workload; `None` when the input has no Ingress.
    pub routes: Option<BTreeMap<usize, Vec<Route>>>,
    /// Workloads that run in the host network, by id, sorted (analysed unless
    /// [`Options::exclude_host_network`]).
    pub host_network: Vec<String>,
    /// Finished pods left out by [`Options::exclude_finished`], by id, sorted.
    pub finished: Vec<String>,
    /// The options the analysis ran with.
    pub options: Options,
    /// What the analysis could not take into account (IPv6 `ipBlock`s, ...), one line each.
    pub warnings: Vec<String>,
    classes: Vec<Class>,
    class_of: Vec<usize>,
    rules: Vec<FlatRule>,
}

/// Every allowed connection, with peers in name order.
pub struct Connectivity {
    /// Endpoint names (`ns/name[Kind]`, `a.b.c.d-w.x.y.z[External]`, `{ingress-controller}`),
    /// sorted.
    pub endpoints: Vec<(String, Endpoint)>,
    /// Distinct connection sets; lines refer to them by index.
    pub conn_sets: Vec<ConnSet>,
    /// `(src, dst, conn set)`, sorted by source name then destination name.
    pub lines: Vec<(u32, u32, u32)>,
}

impl Connectivity {
    /// The lines as text triples, in order.
    pub fn rows(&self) -> impl Iterator<Item = (&str, &str, &ConnSet)> {
        self.lines.iter().map(|&(s, d, c)| {
            (
                self.endpoints[s as usize].0.as_str(),
                self.endpoints[d as usize].0.as_str(),
                &self.conn_sets[c as usize],
            )
        })
    }
}

/// Name of the ingress-controller peer, as netpol-analyzer writes it.
pub const INGRESS_CONTROLLER: &str = "{ingress-controller}";

impl Analysis {
    /// Reads workloads, namespaces, policies and ingresses from the graph, with netpol-analyzer's
    /// semantics ([`Options::default`]). A policy the API server would reject is an error.
    pub fn from_graph(graph: &Graph) -> Result<Analysis, NetpolError> {
        Analysis::from_graph_with(graph, Options::default())
    }

    /// [`Analysis::from_graph`] with options: what to leave out.
    pub fn from_graph_with(graph: &Graph, options: Options) -> Result<Analysis, NetpolError> {
        let inv = workloads::inventory(graph, &options);
        let mut policies = Vec::new();
        let mut errors = Vec::new();
        for (_, node) in graph.nodes() {
            let o = &node.object;
            if node.origin == Origin::Source
                && o.kind == "NetworkPolicy"
                && (o.group == "networking.k8s.io" || o.group == "extensions")
            {
                match policy::parse(o) {
                    Ok(p) => policies.push(p),
                    Err(e) => errors.push(e),
                }
            }
        }
        if !errors.is_empty() {
            return Err(NetpolError::Policies(errors));
        }
        policies.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
        let routes = ingress::routes(graph, &inv.workloads);
        let mut a = Analysis::new(
            inv.workloads,
            inv.namespaces,
            policies,
            routes,
            inv.host_network,
            inv.warnings,
        );
        a.finished = inv.finished;
        a.options = options;
        Ok(a)
    }

    /// What a user should know about the peers the analysis took or left out, one line each:
    /// host-network workloads (analysed, or left out), finished pods left out. Empty when there
    /// is nothing to say.
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.host_network.is_empty() {
            out.push(if self.options.exclude_host_network {
                format!(
                    "left out host-network workloads (NetworkPolicies do not apply to them): {}",
                    self.host_network.join(", ")
                )
            } else {
                format!(
                    "host-network workloads are analysed as ordinary pods, as netpol-analyzer does, though CNI plugins generally do not enforce NetworkPolicies on host traffic (--exclude-host-network leaves them out): {}",
                    self.host_network.join(", ")
                )
            });
        }
        if !self.finished.is_empty() {
            out.push(format!(
                "left out finished pods (phase Succeeded or Failed): {}",
                self.finished.join(", ")
            ));
        }
        out
    }

    fn new(
        workloads: Vec<Workload>,
        namespaces: BTreeMap<String, Labels>,
        policies: Vec<Policy>,
        routes: Option<BTreeMap<usize, Vec<Route>>>,
        host_network: Vec<String>,
        mut warnings: Vec<String>,
    ) -> Analysis {
        // Classes of workloads.
        let mut class_index: FxHashMap<(&str, &Labels, &[ContainerPort]), usize> =
            FxHashMap::default();
        let mut classes = Vec::new();
        let mut class_of = Vec::with_capacity(workloads.len());
        for w in &workloads {
            let key = (w.namespace.as_str(), &w.labels, w.ports.as_slice());
            let id = *class_index.entry(key).or_insert_with(|| {
                classes.push(Class {
                    namespace: w.namespace.clone(),
                    labels: w.labels.clone(),
                    ports: w.ports.clone(),
                    ingress: None,
                    egress: None,
                });
                classes.len() - 1
            });
            class_of.push(id);
        }
        drop(class_index);

        // Rules, and which classes each selects and matches.
        let empty = Labels::new();
        let mut rules = Vec::new();
        // Every `ipBlock` CIDR and `except`, per direction.
        let mut ingress_ranges = Vec::new();
        let mut egress_ranges = Vec::new();
        for (pi, p) in policies.iter().enumerate() {
            let selected: Vec<usize> = classes
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.namespace == p.namespace && p.pod_selector.matches_map(&c.labels)
                })
                .map(|(i, _)| i)
                .collect();
            for direction in [Direction::Ingress, Direction::Egress] {
                let Some(list) = p.rules(direction) else {
                    continue;
                };
                let first = rules.len() as u32;
                for (index, rule) in list.iter().enumerate() {
                    let matches = classes
                        .iter()
                        .map(|c| {
                            rule_matches_pod(rule, &c.namespace, &c.labels, &namespaces, &empty)
                        })
                        .collect();
                    for peer in rule.peers.iter().flatten() {
                        match peer {
                            Peer::IpBlock { cidr, except } => {
                                let ranges = match direction {
                                    Direction::Ingress => &mut ingress_ranges,
                                    Direction::Egress => &mut egress_ranges,
                                };
                                ranges.push(*cidr);
                                ranges.extend(except.iter().copied());
                            }
                            Peer::Ipv6Block(cidr) => warnings.push(format!(
                                "NetworkPolicy {}: IPv6 ipBlock {cidr} is outside this IPv4 analysis and matches nothing",
                                p.id()
                            )),
                            Peer::Pods { .. } => {}
                        }
                    }
                    rules.push(FlatRule {
                        policy: pi,
                        direction,
                        index,
                        matches,
                        fixed: rule.fixed_ports(),
                        has_named: rule.named_ports().next().is_some(),
                    });
                }
                let ids: Vec<u32> = (first..rules.len() as u32).collect();
                for &c in &selected {
                    let slot = match direction {
                        Direction::Ingress => &mut classes[c].ingress,
                        Direction::Egress => &mut classes[c].egress,
                    };
                    slot.get_or_insert_with(Vec::new).extend_from_slice(&ids);
                }
            }
        }
        let all_ranges: Vec<IpRange> = ingress_ranges
            .iter()
            .chain(&egress_ranges)
            .copied()
            .collect();
        Analysis {
            workloads,
            namespaces,
            policies,
            externals: ip::split(&all_ranges),
            ingress_externals: ip::split(&ingress_ranges),
            egress_externals: ip::split(&egress_ranges),
            routes,
            host_network,
            finished: Vec::new(),
            options: Options::default(),
            warnings,
            classes,
            class_of,
            rules,
        }
    }

    /// Number of distinct workload classes (namespace, labels, ports).
    pub fn class_count(&self) -> usize {
        self.classes.len()
    }

    fn rule(&self, id: u32) -> (&FlatRule, &Rule) {
        let f = &self.rules[id as usize];
        let r = &self.policies[f.policy]
            .rules(f.direction)
            .expect("flat rules come from present directions")[f.index];
        (f, r)
    }

    /// The ports a rule admits to a destination with these container ports.
    fn rule_ports(&self, id: u32, dst_ports: Option<&[ContainerPort]>) -> ConnSet {
        let (f, r) = self.rule(id);
        if !f.has_named {
            return f.fixed.clone();
        }
        let mut c = f.fixed.clone();
        if let Some(ports) = dst_ports {
            for (protocol, name) in r.named_ports() {
                for p in ports {
                    if p.protocol == protocol && p.name.as_deref() == Some(name) {
                        c.add(protocol, &crate::ports::PortSet::range(p.port, p.port));
                    }
                }
            }
        }
        c
    }

    /// What a workload class admits or sends to `other` on one side: the union of the rules
    /// that match `other`.
    fn side(
        &self,
        rules: &Option<Vec<u32>>,
        matches: impl Fn(u32) -> bool,
        dst_ports: Option<&[ContainerPort]>,
    ) -> ConnSet {
        let Some(rules) = rules else {
            return ConnSet::all();
        };
        let mut c = ConnSet::none();
        for &id in rules {
            if matches(id) {
                c.union(&self.rule_ports(id, dst_ports));
                if c.is_all() {
                    break;
                }
            }
        }
        c
    }

    /// Every allowed connection between workloads, external address ranges and (when the input
    /// has Ingress objects) the ingress controller. A workload never appears reaching itself.
    pub fn connectivity(&self) -> Connectivity {
        let n = self.classes.len();
        let mut sets = Interner::default();

        // Egress rows: one per distinct egress rule set, one entry per destination class.
        let mut egress_row_of: Vec<usize> = Vec::with_capacity(n);
        let mut egress_rows: Vec<Vec<u32>> = Vec::new();
        let mut seen: FxHashMap<&Option<Vec<u32>>, usize> = FxHashMap::default();
        for c in &self.classes {
            let row = *seen.entry(&c.egress).or_insert_with(|| {
                let row = (0..n)
                    .map(|d| {
                        let dst = &self.classes[d];
                        sets.id(self.side(
                            &c.egress,
                            |id| self.rules[id as usize].matches[d],
                            Some(&dst.ports),
                        ))
                    })
                    .collect();
                egress_rows.push(row);
                egress_rows.len() - 1
            });
            egress_row_of.push(row);
        }
        // Ingress columns: one per distinct (ingress rule set, ports where they matter), one
        // entry per source class.
        let mut ingress_col_of: Vec<usize> = Vec::with_capacity(n);
        let mut ingress_cols: Vec<Vec<u32>> = Vec::new();
        let mut seen: FxHashMap<(&Option<Vec<u32>>, &[ContainerPort]), usize> =
            FxHashMap::default();
        for c in &self.classes {
            let named = c
                .ingress
                .iter()
                .flatten()
                .any(|&id| self.rules[id as usize].has_named);
            let ports: &[ContainerPort] = if named { &c.ports } else { &[] };
            let col = *seen.entry((&c.ingress, ports)).or_insert_with(|| {
                let col = (0..n)
                    .map(|s| {
                        sets.id(self.side(
                            &c.ingress,
                            |id| self.rules[id as usize].matches[s],
                            Some(&c.ports),
                        ))
                    })
                    .collect();
                ingress_cols.push(col);
                ingress_cols.len() - 1
            });
            ingress_col_of.push(col);
        }
        // Class pairs.
        let mut pair = vec![0u32; n * n];
        for s in 0..n {
            let row = &egress_rows[egress_row_of[s]];
            for d in 0..n {
                let col = &ingress_cols[ingress_col_of[d]];
                pair[s * n + d] = sets.intersect(row[d], col[s]);
            }
        }
        // External pieces: into every class (its ingress, from the pieces ingress rules split the
        // space into) and out of every class (its egress, to the pieces of egress rules).
        let ext_in: Vec<Vec<u32>> = self
            .ingress_externals
            .iter()
            .map(|x| {
                self.classes
                    .iter()
                    .map(|c| {
                        sets.id(self.side(
                            &c.ingress,
                            |id| self.rule(id).1.admits_external(x),
                            Some(&c.ports),
                        ))
                    })
                    .collect()
            })
            .collect();
        let ext_out: Vec<Vec<u32>> = self
            .egress_externals
            .iter()
            .map(|x| {
                self.classes
                    .iter()
                    .map(|c| {
                        sets.id(self.side(&c.egress, |id| self.rule(id).1.admits_external(x), None))
                    })
                    .collect()
            })
            .collect();
        // The ingress controller: routed ports the destination admits from any in-cluster pod.
        let ic: Vec<u32> = match &self.routes {
            None => Vec::new(),
            Some(routes) => (0..self.workloads.len())
                .map(|w| match routes.get(&w) {
                    None => 0,
                    Some(rs) => {
                        let mut routed = ConnSet::none();
                        for r in rs {
                            routed.union(&r.conns);
                        }
                        let admitted = self.admitted_from_anywhere_in_cluster(w);
                        sets.id(routed.intersection(&admitted))
                    }
                })
                .collect(),
        };

        // Endpoints in name order, then every ordered pair.
        let mut endpoints: Vec<(String, Endpoint)> = self
            .workloads
            .iter()
            .enumerate()
            .map(|(i, w)| (w.id(), Endpoint::Workload(i)))
            .collect();
        // An external piece is one endpoint even when both directions name it.
        let mut pieces: Vec<IpRange> = self
            .ingress_externals
            .iter()
            .chain(&self.egress_externals)
            .copied()
            .collect();
        pieces.sort_unstable();
        pieces.dedup();
        endpoints.extend(
            pieces
                .iter()
                .map(|x| (external_name(x), Endpoint::External(*x))),
        );
        if self.routes.is_some() {
            endpoints.push((INGRESS_CONTROLLER.to_string(), Endpoint::IngressController));
        }
        endpoints.sort_by(|a, b| a.0.cmp(&b.0));
        let mut lines = Vec::new();
        for (si, (_, src)) in endpoints.iter().enumerate() {
            for (di, (_, dst)) in endpoints.iter().enumerate() {
                let id = match (*src, *dst) {
                    (Endpoint::Workload(a), Endpoint::Workload(b)) if a != b => {
                        pair[self.class_of[a] * n + self.class_of[b]]
                    }
                    (Endpoint::External(x), Endpoint::Workload(b)) => {
                        match self.ingress_externals.binary_search(&x) {
                            Ok(i) => ext_in[i][self.class_of[b]],
                            Err(_) => 0,
                        }
                    }
                    (Endpoint::Workload(a), Endpoint::External(x)) => {
                        match self.egress_externals.binary_search(&x) {
                            Ok(i) => ext_out[i][self.class_of[a]],
                            Err(_) => 0,
                        }
                    }
                    (Endpoint::IngressController, Endpoint::Workload(b)) => ic[b],
                    _ => 0,
                };
                if id != 0 {
                    lines.push((si as u32, di as u32, id));
                }
            }
        }
        Connectivity {
            endpoints,
            conn_sets: sets.sets,
            lines,
        }
    }

    /// What a workload's ingress admits from an arbitrary pod in an arbitrary other namespace,
    /// neither with labels: the ingress controller netpol-analyzer assumes.
    fn admitted_from_anywhere_in_cluster(&self, w: usize) -> ConnSet {
        let c = &self.classes[self.class_of[w]];
        self.side(
            &c.ingress,
            |id| self.rule_matches_anywhere(id),
            Some(&c.ports),
        )
    }

    /// The class data of a workload, for explanations.
    pub(crate) fn workload_side(&self, w: usize, direction: Direction) -> Option<&[u32]> {
        let c = &self.classes[self.class_of[w]];
        match direction {
            Direction::Ingress => c.ingress.as_deref(),
            Direction::Egress => c.egress.as_deref(),
        }
    }

    /// Whether rule `id` matches workload `w` as a peer.
    pub(crate) fn rule_matches_workload(&self, id: u32, w: usize) -> bool {
        self.rules[id as usize].matches[self.class_of[w]]
    }

    /// `(policy, 1-based rule number, the rule)` of a rule id.
    pub(crate) fn rule_info(&self, id: u32) -> (&Policy, usize, &Rule) {
        let (f, r) = self.rule(id);
        (&self.policies[f.policy], f.index + 1, r)
    }

    pub(crate) fn rule_ports_to(&self, id: u32, dst: &Endpoint) -> ConnSet {
        match dst {
            Endpoint::Workload(w) => self.rule_ports(id, Some(&self.workloads[*w].ports)),
            _ => self.rule_ports(id, None),
        }
    }

    /// Whether rule `id` admits the ingress controller (an arbitrary unlabelled pod of an
    /// arbitrary unlabelled namespace) as a source.
    pub(crate) fn rule_matches_anywhere(&self, id: u32) -> bool {
        let empty = Labels::new();
        match &self.rule(id).1.peers {
            None => true,
            Some(peers) => peers.iter().any(|p| match p {
                Peer::Pods {
                    namespaces: Namespaces::Selected(ns),
                    pods,
                } => ns.matches_map(&empty) && pods.matches_map(&empty),
                _ => false,
            }),
        }
    }

    pub(crate) fn ingress_controller_routes(&self, w: usize) -> &[Route] {
        self.routes
            .as_ref()
            .and_then(|r| r.get(&w))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// `a.b.c.d-w.x.y.z[External]`.
pub fn external_name(x: &IpRange) -> String {
    format!("{x}[External]")
}

/// Whether a rule's peers match a pod with these labels in this namespace.
fn rule_matches_pod(
    rule: &Rule,
    namespace: &str,
    labels: &Labels,
    namespaces: &BTreeMap<String, Labels>,
    empty: &Labels,
) -> bool {
    let Some(peers) = &rule.peers else {
        return true;
    };
    peers.iter().any(|p| match p {
        Peer::Pods {
            namespaces: ns,
            pods,
        } => {
            let ns_ok = match ns {
                Namespaces::Own(own) => own == namespace,
                Namespaces::Selected(sel) => {
                    sel.matches_map(namespaces.get(namespace).unwrap_or(empty))
                }
            };
            ns_ok && pods.matches_map(labels)
        }
        Peer::IpBlock { .. } | Peer::Ipv6Block(_) => false,
    })
}

/// Connection sets by id: 0 is none, 1 is all.
struct Interner {
    sets: Vec<ConnSet>,
    index: FxHashMap<ConnSet, u32>,
    intersections: FxHashMap<(u32, u32), u32>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut i = Interner {
            sets: Vec::new(),
            index: FxHashMap::default(),
            intersections: FxHashMap::default(),
        };
        i.id(ConnSet::none());
        i.id(ConnSet::all());
        i
    }
}

impl Interner {
    fn id(&mut self, c: ConnSet) -> u32 {
        if let Some(&id) = self.index.get(&c) {
            return id;
        }
        let id = self.sets.len() as u32;
        self.sets.push(c.clone());
        self.index.insert(c, id);
        id
    }

    fn intersect(&mut self, a: u32, b: u32) -> u32 {
        match (a, b) {
            (0, _) | (_, 0) => 0,
            (1, x) | (x, 1) => x,
            _ if a == b => a,
            _ => {
                let key = (a.min(b), a.max(b));
                if let Some(&id) = self.intersections.get(&key) {
                    return id;
                }
                let c = self.sets[a as usize].intersection(&self.sets[b as usize]);
                let id = self.id(c);
                self.intersections.insert(key, id);
                id
            }
        }
    }
}
