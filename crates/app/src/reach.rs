//! NetworkPolicy reachability (docs/netpol.md): every connection the policies allow
//! ([`connectivity`]), and whether one peer can reach another and which rules decide
//! ([`reach`]).

pub use kubegraph_netpol::Options;

use crate::landscape::Snapshot;
use kubegraph_netpol::{Analysis, Connectivity, Endpoint, Explanation, Protocol, Side};
use serde::Serialize;

/// Why reachability could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum ReachError {
    /// The policies of the input cannot be analysed.
    #[error("the NetworkPolicies cannot be analysed")]
    Analysis(#[source] kubegraph_netpol::NetpolError),
    /// A peer names nothing (with close names, when there are some).
    #[error("{message}")]
    Peer {
        /// What is wrong, and what comes close.
        message: String,
    },
    /// A port that is not `80`, `80/TCP` or `53/UDP`.
    #[error("`{0}`: write a port number with an optional protocol, e.g. 80, 80/TCP, 53/UDP")]
    Port(String),
    /// Source and destination are the same peer.
    #[error("`{0}` and `{1}` name the same peer")]
    Same(String, String),
}

/// The policies analysed, and what the analysis said about the input.
pub struct Analysed {
    /// The analysis.
    pub analysis: Analysis,
    /// Warnings to show (policies that select nothing, workloads left out, …).
    pub warnings: Vec<String>,
}

/// Analyses the snapshot's NetworkPolicies (`options`: what to leave out).
pub fn analyse(snapshot: &Snapshot, options: Options) -> Result<Analysed, ReachError> {
    let analysis =
        Analysis::from_graph_with(&snapshot.graph, options).map_err(ReachError::Analysis)?;
    let warnings = analysis
        .warnings
        .iter()
        .cloned()
        .chain(analysis.notes())
        .collect();
    Ok(Analysed { analysis, warnings })
}

/// Every connection the policies allow, as netpol-analyzer lists them.
pub fn connectivity(
    snapshot: &Snapshot,
    options: Options,
) -> Result<(Connectivity, Vec<String>), ReachError> {
    let a = analyse(snapshot, options)?;
    Ok((a.analysis.connectivity(), a.warnings))
}

/// [`connectivity`], keeping the connections from or to a workload of one of `namespaces`
/// (`-n`; empty: all).
pub fn connectivity_in(
    snapshot: &Snapshot,
    options: Options,
    namespaces: &[String],
) -> Result<(Connectivity, Vec<String>), ReachError> {
    let (mut c, warnings) = connectivity(snapshot, options)?;
    if !namespaces.is_empty() {
        let keep: Vec<bool> = c
            .endpoints
            .iter()
            .map(|(name, _)| {
                name.split_once('/')
                    .is_some_and(|(ns, _)| namespaces.iter().any(|n| n == ns))
            })
            .collect();
        c.lines
            .retain(|&(s, d, _)| keep[s as usize] || keep[d as usize]);
    }
    Ok((c, warnings))
}

/// Whether `src` reaches `dst`, for each pair of endpoints they name.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Reach {
    /// Each (source, destination) pair.
    pub pairs: Vec<Pair>,
    /// Every pair is allowed.
    pub allowed: bool,
    /// What the analysis said about the input.
    pub warnings: Vec<String>,
    /// How a peer was read, when it could be misread (`10.244.0.36 is the IP of pod
    /// default/apiserver`).
    pub notes: Vec<String>,
}

/// One source and destination.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Pair {
    /// The source, as listings name it (`namespace/name[Kind]`).
    pub src: String,
    /// The destination.
    pub dst: String,
    /// The port asked about (`TCP 80`), or `any port`.
    pub on: String,
    /// Allowed on that port (or on some port).
    pub allowed: bool,
    /// Every connection allowed between them (`TCP 80,UDP 53`, `All connections`).
    pub connections: String,
    /// The source's egress.
    pub egress: SideReport,
    /// The destination's ingress.
    pub ingress: SideReport,
    /// From the ingress controller: the Ingress routes to the destination (`None` otherwise).
    pub routes: Option<Vec<RouteReport>>,
}

/// One side of a connection.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SideReport {
    /// No policy applies (an external address, the ingress controller's own egress).
    Outside {
        /// Why.
        why: String,
    },
    /// No policy selects it for this direction: all is allowed.
    Open,
    /// Policies select it.
    Selected {
        /// The selecting policies.
        policies: Vec<String>,
        /// The rules that admit the other peer on the port asked about.
        admitted: Vec<RuleReport>,
        /// With a port asked about and no rule admitting it: the rules that admit the peer on
        /// other ports.
        elsewhere: Vec<RuleReport>,
    },
}

/// A rule that admits a peer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RuleReport {
    /// Its policy.
    pub policy: String,
    /// Its number among the policy's rules of that direction (from 1).
    pub rule: usize,
    /// What it admits.
    pub connections: String,
}

/// An Ingress route.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RouteReport {
    /// `namespace/ingress → service:port`.
    pub via: String,
    /// What it routes.
    pub connections: String,
}

/// `80`, `80/TCP`, `udp/53` → (protocol, port).
pub fn parse_port(text: &str) -> Result<(Protocol, u16), ReachError> {
    let bad = || ReachError::Port(text.to_string());
    let (a, b) = match text.split_once('/') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (text.trim(), None),
    };
    let (port, protocol) = match (a.parse::<u16>(), b) {
        (Ok(p), None) => (p, "TCP"),
        (Ok(p), Some(proto)) => (p, proto),
        (Err(_), Some(num)) => (num.parse::<u16>().map_err(|_| bad())?, a),
        (Err(_), None) => return Err(bad()),
    };
    if port == 0 {
        return Err(bad());
    }
    let protocol = Protocol::parse(protocol).ok_or_else(bad)?;
    Ok((protocol, port))
}

/// Can `src` reach `dst` (on `port`, or on some port), and which policies decide.
pub fn reach(
    snapshot: &Snapshot,
    src: &str,
    dst: &str,
    port: Option<&str>,
    options: Options,
) -> Result<Reach, ReachError> {
    let port = port.map(parse_port).transpose()?;
    let a = analyse(snapshot, options)?;
    let sources = resolve(&a.analysis, src)?;
    let destinations = resolve(&a.analysis, dst)?;
    let mut pairs = Vec::new();
    for s in &sources {
        for d in &destinations {
            if s != d {
                pairs.push(pair(&a.analysis.explain(s, d), port));
            }
        }
    }
    if pairs.is_empty() {
        return Err(ReachError::Same(src.into(), dst.into()));
    }
    let notes = [src, dst]
        .iter()
        .filter_map(|p| {
            let (w, pod) = a.analysis.pod_with_ip(p)?;
            Some(format!(
                "{p} is the IP of pod {pod}: analysed as {}",
                a.analysis.workloads[w].id()
            ))
        })
        .collect();
    Ok(Reach {
        allowed: pairs.iter().all(|p| p.allowed),
        pairs,
        warnings: a.warnings,
        notes,
    })
}

fn pair(e: &Explanation, port: Option<(Protocol, u16)>) -> Pair {
    let (allowed, on) = match port {
        Some((p, n)) => (e.allowed.contains(p, n), format!("{p} {n}")),
        None => (!e.allowed.is_empty(), "any port".to_string()),
    };
    let shown = !e.routes.is_empty() || e.src == kubegraph_netpol::INGRESS_CONTROLLER;
    Pair {
        src: e.src.clone(),
        dst: e.dst.clone(),
        on,
        allowed,
        connections: e.allowed.to_string(),
        egress: side(&e.egress, port),
        ingress: side(&e.ingress, port),
        routes: shown.then(|| {
            e.routes
                .iter()
                .map(|r| RouteReport {
                    via: r.via.clone(),
                    connections: r.conns.to_string(),
                })
                .collect()
        }),
    }
}

fn side(s: &Side, port: Option<(Protocol, u16)>) -> SideReport {
    match s {
        Side::Outside(why) => SideReport::Outside {
            why: why.to_string(),
        },
        Side::Open => SideReport::Open,
        Side::Selected {
            policies,
            admitting,
        } => {
            let rule = |a: &kubegraph_netpol::Admit| RuleReport {
                policy: a.policy.clone(),
                rule: a.rule,
                connections: a.conns.to_string(),
            };
            let admitted: Vec<RuleReport> = admitting
                .iter()
                .filter(|a| port.is_none_or(|(p, n)| a.conns.contains(p, n)))
                .map(rule)
                .collect();
            let elsewhere = if admitted.is_empty() && port.is_some() {
                admitting.iter().map(rule).collect()
            } else {
                Vec::new()
            };
            SideReport::Selected {
                policies: policies.clone(),
                admitted,
                elsewhere,
            }
        }
    }
}

/// A peer as typed; when nothing has that name, the workloads of the same name in other
/// namespaces (the usual slip) or of a similar name are suggested.
fn resolve(analysis: &Analysis, text: &str) -> Result<Vec<Endpoint>, ReachError> {
    analysis.resolve(text).map_err(|e| {
        let name = text.rsplit('/').next().unwrap_or(text);
        let name = name.split('[').next().unwrap_or(name);
        let mut close: Vec<String> = analysis
            .workloads
            .iter()
            .filter(|w| !name.is_empty() && (w.name == name || w.name.contains(name)))
            .map(|w| w.id())
            .collect();
        close.sort();
        close.truncate(5);
        ReachError::Peer {
            message: match close.is_empty() {
                true => e.to_string(),
                false => format!("{e}\n  did you mean: {}", close.join(", ")),
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse_in_either_order() {
        assert_eq!(parse_port("80").unwrap(), (Protocol::Tcp, 80));
        assert_eq!(parse_port("53/UDP").unwrap(), (Protocol::Udp, 53));
        assert_eq!(parse_port("udp/53").unwrap(), (Protocol::Udp, 53));
        assert_eq!(parse_port("5000/tcp").unwrap(), (Protocol::Tcp, 5000));
        assert!(parse_port("http").is_err());
        assert!(parse_port("80/ICMP").is_err());
        assert!(parse_port("0").is_err());
    }
}
