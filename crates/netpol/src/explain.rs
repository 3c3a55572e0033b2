//! Why one peer can or cannot reach another: which policies select each side, which rules admit
//! the traffic, or that nothing does.

use crate::analysis::{external_name, Analysis, Endpoint, INGRESS_CONTROLLER};
use crate::ingress::Route;
use crate::ip::IpRange;
use crate::policy::Direction;
use crate::ports::ConnSet;
use crate::NetpolError;
use std::collections::BTreeSet;

/// A rule that admits the traffic, and on which ports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admit {
    /// `namespace/name`.
    pub policy: String,
    /// 1-based position in the policy's `ingress` or `egress` list.
    pub rule: usize,
    /// What the rule admits between the two peers.
    pub conns: ConnSet,
}

/// One side of a connection: the source's egress or the destination's ingress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    /// No policy governs this side (an address outside the cluster, or the ingress controller's
    /// own egress, which the input does not describe).
    Outside(&'static str),
    /// No policy selects the workload for this direction: everything is allowed.
    Open,
    /// Policies select the workload; only what `admitting` rules allow passes.
    Selected {
        /// The selecting policies, `namespace/name`.
        policies: Vec<String>,
        /// The rules among theirs that admit the other peer.
        admitting: Vec<Admit>,
    },
}

impl Side {
    /// What this side lets through.
    pub fn conns(&self) -> ConnSet {
        match self {
            Side::Outside(_) | Side::Open => ConnSet::all(),
            Side::Selected { admitting, .. } => {
                let mut c = ConnSet::none();
                for a in admitting {
                    c.union(&a.conns);
                }
                c
            }
        }
    }
}

/// Why one peer can or cannot reach another: each side's policies and the rules that admit.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The source, named as listings name it (`namespace/name[Kind]`, `...[External]`).
    pub src: String,
    /// The destination, likewise.
    pub dst: String,
    /// What passes: egress ∩ ingress (∩ the routed ports, from the ingress controller).
    pub allowed: ConnSet,
    /// The source's egress.
    pub egress: Side,
    /// The destination's ingress.
    pub ingress: Side,
    /// From the ingress controller: the Ingress routes to the destination.
    pub routes: Vec<Route>,
}

impl Analysis {
    /// The endpoints a user's text names: `ns/name[Kind]`, `ns/name` or `name` (a workload, a
    /// pod of one, or the owner of workloads: a Deployment names each of its ReplicaSets
    /// with pods), an IPv4 address or CIDR (every external piece it overlaps), or
    /// `{ingress-controller}`.
    pub fn resolve(&self, text: &str) -> Result<Vec<Endpoint>, NetpolError> {
        let text = text.trim();
        let not_found = |why: String| NetpolError::Endpoint {
            text: text.to_string(),
            why,
        };
        if text == INGRESS_CONTROLLER {
            return if self.routes.is_some() {
                Ok(vec![Endpoint::IngressController])
            } else {
                Err(not_found("the input has no Ingress objects".into()))
            };
        }
        if let Some((w, _)) = self.pod_with_ip(text) {
            return Ok(vec![Endpoint::Workload(w)]);
        }
        if let Some(range) = address_range(text) {
            return Ok(self
                .externals
                .iter()
                .filter(|x| x.overlaps(&range))
                .map(|x| Endpoint::External(*x))
                .collect());
        }
        let (ns, rest) = match text.split_once('/') {
            Some((ns, rest)) => (Some(ns), rest),
            None => (None, text),
        };
        let (name, kind) = match rest.strip_suffix(']').and_then(|r| r.split_once('[')) {
            Some((n, k)) => (n, Some(k)),
            None => (rest, None),
        };
        let in_ns = |w: &crate::Workload| ns.is_none_or(|ns| w.namespace == ns);
        let mut found: Vec<usize> = self
            .workloads
            .iter()
            .enumerate()
            .filter(|(_, w)| in_ns(w) && w.name == name && kind.is_none_or(|k| w.kind == k))
            .map(|(i, _)| i)
            .collect();
        if found.is_empty() && kind.is_none_or(|k| k == "Pod") {
            found = self
                .workloads
                .iter()
                .enumerate()
                .filter(|(_, w)| in_ns(w) && w.pods.iter().any(|p| p == name))
                .map(|(i, _)| i)
                .collect();
        }
        // `shop/web` for Deployment web: the workloads its pods stand for (its ReplicaSets).
        if found.is_empty() && kind != Some("Pod") {
            found = self
                .workloads
                .iter()
                .enumerate()
                .filter(|(_, w)| {
                    in_ns(w)
                        && w.owned_by
                            .iter()
                            .any(|(k, n)| n == name && kind.is_none_or(|want| want == k))
                })
                .map(|(i, _)| i)
                .collect();
            if found.len() > 1 {
                return Ok(found.into_iter().map(Endpoint::Workload).collect());
            }
        }
        // Host-network workloads left out of the analysis: say so rather than "not found".
        let excluded = self.options.exclude_host_network;
        let host_network = self.host_network.iter().filter(|_| excluded).find(|id| {
            let Some((path, k)) = id.strip_suffix(']').and_then(|i| i.split_once('[')) else {
                return false;
            };
            let (hns, hname) = path.split_once('/').unwrap_or(("", path));
            ns.is_none_or(|ns| ns == hns) && hname == name && kind.is_none_or(|want| want == k)
        });
        match found.as_slice() {
            [one] => Ok(vec![Endpoint::Workload(*one)]),
            [] if host_network.is_some() => Err(not_found(format!(
                "{} runs in the host network: NetworkPolicies do not apply to it, and --exclude-host-network leaves it out",
                host_network.map(String::as_str).unwrap_or_default()
            ))),
            [] => Err(not_found(
                "no workload or pod of that name (write namespace/name, namespace/name[Kind], an IPv4 address or CIDR, or {ingress-controller})".into(),
            )),
            many => Err(not_found(format!(
                "ambiguous: {}",
                many.iter()
                    .map(|&i| self.workloads[i].id())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The workload (by index) and pod whose IP `text` is (`10.244.0.36`, as `kubectl get pods
    /// -o wide` shows it), when exactly one pod of the input has it.
    pub fn pod_with_ip(&self, text: &str) -> Option<(usize, String)> {
        let ip = text.trim().strip_suffix("/32").unwrap_or(text.trim());
        if ip.parse::<std::net::IpAddr>().is_err() {
            return None;
        }
        let mut found = self.workloads.iter().enumerate().flat_map(|(i, w)| {
            w.ips
                .iter()
                .filter(|(_, a)| a == ip)
                .map(move |(pod, _)| (i, format!("{}/{pod}", w.namespace)))
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The peer notation of an endpoint.
    pub fn endpoint_name(&self, e: &Endpoint) -> String {
        match e {
            Endpoint::Workload(w) => self.workloads[*w].id(),
            Endpoint::External(x) => external_name(x),
            Endpoint::IngressController => INGRESS_CONTROLLER.to_string(),
        }
    }

    /// Why `src` can or cannot reach `dst`.
    pub fn explain(&self, src: &Endpoint, dst: &Endpoint) -> Explanation {
        let egress = match src {
            Endpoint::External(_) => Side::Outside("an address outside the cluster"),
            Endpoint::IngressController => {
                Side::Outside("the ingress controller is not in the input")
            }
            Endpoint::Workload(w) => self.explain_side(
                *w,
                Direction::Egress,
                |id| match dst {
                    Endpoint::Workload(d) => self.rule_matches_workload(id, *d),
                    Endpoint::External(x) => self.rule_info(id).2.admits_external(x),
                    Endpoint::IngressController => false,
                },
                dst,
            ),
        };
        let ingress = match dst {
            Endpoint::External(_) => Side::Outside("an address outside the cluster"),
            Endpoint::IngressController => {
                Side::Outside("the ingress controller is not in the input")
            }
            Endpoint::Workload(w) => self.explain_side(
                *w,
                Direction::Ingress,
                |id| match src {
                    Endpoint::Workload(s) => self.rule_matches_workload(id, *s),
                    Endpoint::External(x) => self.rule_info(id).2.admits_external(x),
                    Endpoint::IngressController => self.rule_matches_anywhere(id),
                },
                dst,
            ),
        };
        let mut allowed = egress.conns().intersection(&ingress.conns());
        let mut routes = Vec::new();
        match (src, dst) {
            (Endpoint::IngressController, Endpoint::Workload(w)) => {
                routes = self.ingress_controller_routes(*w).to_vec();
                let mut routed = ConnSet::none();
                for r in &routes {
                    routed.union(&r.conns);
                }
                allowed = allowed.intersection(&routed);
            }
            (Endpoint::IngressController, _) => allowed = ConnSet::none(),
            // Outside the cluster on both ends, or a workload to itself: not a connection the
            // policies decide.
            (Endpoint::External(_), Endpoint::External(_) | Endpoint::IngressController) => {
                allowed = ConnSet::none()
            }
            _ => {}
        }
        Explanation {
            src: self.endpoint_name(src),
            dst: self.endpoint_name(dst),
            allowed,
            egress,
            ingress,
            routes,
        }
    }

    fn explain_side(
        &self,
        w: usize,
        direction: Direction,
        matches: impl Fn(u32) -> bool,
        dst: &Endpoint,
    ) -> Side {
        let Some(rules) = self.workload_side(w, direction) else {
            return Side::Open;
        };
        let workload = &self.workloads[w];
        let policies: BTreeSet<String> = self
            .policies
            .iter()
            .filter(|p| {
                p.namespace == workload.namespace
                    && p.rules(direction).is_some()
                    && p.pod_selector.matches_map(&workload.labels)
            })
            .map(|p| p.id())
            .collect();
        let admitting = rules
            .iter()
            .filter(|&&id| matches(id))
            .filter_map(|&id| {
                let conns = self.rule_ports_to(id, dst);
                let (p, rule, _) = self.rule_info(id);
                (!conns.is_empty()).then(|| Admit {
                    policy: p.id(),
                    rule,
                    conns,
                })
            })
            .collect();
        Side::Selected {
            policies: policies.into_iter().collect(),
            admitting,
        }
    }
}

/// `10.1.2.3`, `10.0.0.0/8`, `10.0.0.0-10.255.255.255`, each optionally followed by
/// `[External]`; `None` for anything else (a workload name).
fn address_range(text: &str) -> Option<IpRange> {
    let bare = text.strip_suffix("[External]").unwrap_or(text);
    match bare.split_once('-') {
        Some((a, b)) if !a.contains('/') && !b.contains('/') => {
            let a = IpRange::parse_cidr(a).ok()?;
            let b = IpRange::parse_cidr(b).ok()?;
            (a.first <= b.last).then_some(IpRange {
                first: a.first,
                last: b.last,
            })
        }
        _ => IpRange::parse_cidr(bare).ok(),
    }
}
