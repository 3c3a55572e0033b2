//! `networking.k8s.io/v1` NetworkPolicy, read from an object's raw spec into the rules the
//! analysis evaluates. Defaults are the API server's: `policyTypes` absent means Ingress, plus
//! Egress when the policy has at least one egress rule; `from`/`to` absent or empty means every
//! peer; `ports` absent or empty means every port of every protocol; a port's protocol is TCP
//! unless given.

use crate::ip::IpRange;
use crate::ports::{ConnSet, PortSet, Protocol};
use crate::PolicyError;
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::{LabelSelector, Object};

/// Which way a rule admits traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Traffic into the selected pods (`ingress` rules, `from` peers).
    Ingress,
    /// Traffic out of the selected pods (`egress` rules, `to` peers).
    Egress,
}

impl Direction {
    /// `ingress` or `egress`, as policies and explanations write them.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

/// A NetworkPolicy, read and defaulted.
#[derive(Clone, Debug)]
pub struct Policy {
    /// Its namespace: the only one whose pods it selects.
    pub namespace: String,
    /// Its name.
    pub name: String,
    /// `spec.podSelector`: the pods it applies to.
    pub pod_selector: LabelSelector,
    /// `None` when the policy does not apply to ingress (not in `policyTypes`); `Some(empty)`
    /// when it applies and admits nothing (`ingress: []` or no `ingress` at all).
    pub ingress: Option<Vec<Rule>>,
    /// The same for egress.
    pub egress: Option<Vec<Rule>>,
}

impl Policy {
    /// `namespace/name`, as the explanation names policies.
    pub fn id(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }

    /// Its rules for `direction`: `None` when it does not apply to that direction.
    pub fn rules(&self, direction: Direction) -> Option<&[Rule]> {
        match direction {
            Direction::Ingress => self.ingress.as_deref(),
            Direction::Egress => self.egress.as_deref(),
        }
    }
}

/// One entry of `ingress` or `egress`.
#[derive(Clone, Debug)]
pub struct Rule {
    /// `None`: every peer, in the cluster and outside it (`from`/`to` absent or empty).
    pub peers: Option<Vec<Peer>>,
    /// `None`: every port of every protocol.
    pub ports: Option<Vec<PortSpec>>,
}

/// One entry of `from` or `to`.
#[derive(Clone, Debug)]
pub enum Peer {
    /// Pods matching `pods` in the namespaces `namespaces` selects: `podSelector` and
    /// `namespaceSelector` in one peer are ANDed.
    Pods {
        /// Which namespaces.
        namespaces: Namespaces,
        /// Which pods in them (`{}` when the peer has no `podSelector`).
        pods: LabelSelector,
    },
    /// Addresses outside the cluster: `cidr` less every `except`.
    IpBlock {
        /// `ipBlock.cidr`.
        cidr: IpRange,
        /// `ipBlock.except`.
        except: Vec<IpRange>,
    },
    /// An IPv6 `ipBlock`: this analysis covers IPv4 only, so it matches nothing here.
    Ipv6Block(String),
}

/// The namespaces of a [`Peer::Pods`].
#[derive(Clone, Debug)]
pub enum Namespaces {
    /// No `namespaceSelector`: the policy's own namespace.
    Own(String),
    /// `namespaceSelector` (`{}` selects every namespace).
    Selected(LabelSelector),
}

/// One entry of a rule's `ports`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortSpec {
    /// `protocol` (TCP when absent).
    pub protocol: Protocol,
    /// `port` and `endPort`.
    pub port: PortRef,
}

/// Which ports of its protocol a [`PortSpec`] admits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortRef {
    /// No `port`: every port of the protocol.
    All,
    /// `port` with an optional `endPort`.
    Range(u16, u16),
    /// A named port, resolved against each destination's container ports.
    Named(String),
}

impl Rule {
    /// The ports this rule admits whatever the destination: every port without `ports`, else its
    /// numbered ports (named ones depend on the destination: see [`Rule::named_ports`]).
    pub fn fixed_ports(&self) -> ConnSet {
        let Some(specs) = &self.ports else {
            return ConnSet::all();
        };
        let mut c = ConnSet::none();
        for s in specs {
            match &s.port {
                PortRef::All => c.add(s.protocol, &PortSet::all()),
                PortRef::Range(a, b) => c.add(s.protocol, &PortSet::range(*a, *b)),
                PortRef::Named(_) => {}
            }
        }
        c
    }

    /// The named ports of this rule, with their protocols.
    pub fn named_ports(&self) -> impl Iterator<Item = (Protocol, &str)> {
        self.ports.iter().flatten().filter_map(|s| match &s.port {
            PortRef::Named(n) => Some((s.protocol, n.as_str())),
            _ => None,
        })
    }

    /// Whether this rule admits addresses of `range` (one piece of the split address space:
    /// entirely inside or outside every CIDR and `except`).
    pub fn admits_external(&self, range: &IpRange) -> bool {
        match &self.peers {
            None => true,
            Some(peers) => peers.iter().any(|p| match p {
                Peer::IpBlock { cidr, except } => {
                    cidr.contains(range) && !except.iter().any(|e| e.overlaps(range))
                }
                _ => false,
            }),
        }
    }
}

/// Reads a NetworkPolicy object. Anything the API server would reject is an error naming the
/// policy and the field, because an analysis that guesses would answer wrongly.
pub fn parse(o: &Object) -> Result<Policy, PolicyError> {
    let namespace = o.namespace.clone().unwrap_or_else(|| "default".into());
    let id = format!("{namespace}/{}", o.name);
    let err = |path: String, message: String| PolicyError {
        policy: id.clone(),
        path,
        message,
    };
    let empty = Value::new_object();
    let spec = o.spec().filter(|s| s.is_object()).unwrap_or(&empty);
    let pod_selector = match spec.get("podSelector").filter(|v| !v.is_null()) {
        Some(v) => LabelSelector::from_label_selector(v)
            .map_err(|e| err("spec.podSelector".into(), e.to_string()))?,
        None => LabelSelector::everything(),
    };
    let ingress_rules = rules(spec, "ingress", &namespace, &err)?;
    let egress_rules = rules(spec, "egress", &namespace, &err)?;
    let (has_ingress, has_egress) = match spec.get("policyTypes").and_then(|t| t.as_array()) {
        Some(types) if !types.is_empty() => {
            let mut seen = (false, false);
            for (i, t) in types.iter().enumerate() {
                match t.as_str() {
                    Some("Ingress") => seen.0 = true,
                    Some("Egress") => seen.1 = true,
                    _ => {
                        return Err(err(
                            format!("spec.policyTypes[{i}]"),
                            format!("`{}` is not Ingress or Egress", t),
                        ))
                    }
                }
            }
            seen
        }
        _ => (true, !egress_rules.is_empty()),
    };
    Ok(Policy {
        namespace: namespace.clone(),
        name: o.name.clone(),
        pod_selector,
        ingress: has_ingress.then_some(ingress_rules),
        egress: has_egress.then_some(egress_rules),
    })
}

fn rules(
    spec: &Value,
    field: &str,
    namespace: &str,
    err: &impl Fn(String, String) -> PolicyError,
) -> Result<Vec<Rule>, PolicyError> {
    let Some(list) = spec.get(field).filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let Some(list) = list.as_array() else {
        return Err(err(format!("spec.{field}"), "is not a list".into()));
    };
    let peer_field = if field == "ingress" { "from" } else { "to" };
    let mut out = Vec::with_capacity(list.len());
    for (i, rule) in list.iter().enumerate() {
        let at = format!("spec.{field}[{i}]");
        if !rule.is_object() {
            return Err(err(at, "is not an object".into()));
        }
        let peers = match rule.get(peer_field).and_then(|p| p.as_array()) {
            Some(ps) if !ps.is_empty() => Some(
                ps.iter()
                    .enumerate()
                    .map(|(j, p)| peer(p, namespace, &format!("{at}.{peer_field}[{j}]"), err))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            _ => None,
        };
        let ports = match rule.get("ports").and_then(|p| p.as_array()) {
            Some(ps) if !ps.is_empty() => Some(
                ps.iter()
                    .enumerate()
                    .map(|(j, p)| port(p, &format!("{at}.ports[{j}]"), err))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            _ => None,
        };
        out.push(Rule { peers, ports });
    }
    Ok(out)
}

fn peer(
    p: &Value,
    namespace: &str,
    at: &str,
    err: &impl Fn(String, String) -> PolicyError,
) -> Result<Peer, PolicyError> {
    let field = |k: &str| p.get(k).filter(|v| !v.is_null());
    let selector = |k: &str, v: &Value| {
        LabelSelector::from_label_selector(v).map_err(|e| err(format!("{at}.{k}"), e.to_string()))
    };
    match (
        field("podSelector"),
        field("namespaceSelector"),
        field("ipBlock"),
    ) {
        (None, None, Some(block)) => {
            let cidr = block
                .get("cidr")
                .and_then(|c| c.as_str())
                .ok_or_else(|| err(format!("{at}.ipBlock.cidr"), "is missing".into()))?;
            if IpRange::is_ipv6(cidr) {
                return Ok(Peer::Ipv6Block(cidr.to_string()));
            }
            let cidr_range =
                IpRange::parse_cidr(cidr).map_err(|m| err(format!("{at}.ipBlock.cidr"), m))?;
            let mut except = Vec::new();
            if let Some(list) = block.get("except").and_then(|e| e.as_array()) {
                for (k, e) in list.iter().enumerate() {
                    let path = format!("{at}.ipBlock.except[{k}]");
                    let text = e
                        .as_str()
                        .ok_or_else(|| err(path.clone(), "is not a string".into()))?;
                    if IpRange::is_ipv6(text) {
                        continue;
                    }
                    let r = IpRange::parse_cidr(text).map_err(|m| err(path.clone(), m))?;
                    if !cidr_range.contains(&r) {
                        return Err(err(
                            path,
                            format!("`{text}` is not inside the cidr `{cidr}`"),
                        ));
                    }
                    except.push(r);
                }
            }
            Ok(Peer::IpBlock {
                cidr: cidr_range,
                except,
            })
        }
        (_, _, Some(_)) => Err(err(
            at.to_string(),
            "ipBlock cannot be combined with podSelector or namespaceSelector".into(),
        )),
        (None, None, None) => Err(err(
            at.to_string(),
            "an empty peer: give podSelector, namespaceSelector or ipBlock".into(),
        )),
        (pods, namespaces, None) => Ok(Peer::Pods {
            namespaces: match namespaces {
                Some(v) => Namespaces::Selected(selector("namespaceSelector", v)?),
                None => Namespaces::Own(namespace.to_string()),
            },
            pods: match pods {
                Some(v) => selector("podSelector", v)?,
                None => LabelSelector::everything(),
            },
        }),
    }
}

fn port(
    p: &Value,
    at: &str,
    err: &impl Fn(String, String) -> PolicyError,
) -> Result<PortSpec, PolicyError> {
    let protocol = match p.get("protocol").filter(|v| !v.is_null()) {
        None => Protocol::Tcp,
        Some(v) => v.as_str().and_then(Protocol::parse).ok_or_else(|| {
            err(
                format!("{at}.protocol"),
                format!("`{v}` is not TCP, UDP or SCTP"),
            )
        })?,
    };
    let end = match p.get("endPort").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => Some(number(v).ok_or_else(|| {
            err(
                format!("{at}.endPort"),
                format!("`{v}` is not a port number (1–65535)"),
            )
        })?),
    };
    let port = match p.get("port").filter(|v| !v.is_null()) {
        None if end.is_some() => {
            return Err(err(
                format!("{at}.endPort"),
                "endPort needs a port to start from".into(),
            ))
        }
        None => PortRef::All,
        Some(v) => match (number(v), v.as_str()) {
            (Some(n), _) => {
                let last = end.unwrap_or(n);
                if last < n {
                    return Err(err(
                        format!("{at}.endPort"),
                        format!("endPort {last} is below port {n}"),
                    ));
                }
                PortRef::Range(n, last)
            }
            (None, Some(name)) if !name.is_empty() => {
                if end.is_some() {
                    return Err(err(
                        format!("{at}.endPort"),
                        "endPort cannot be used with a named port".into(),
                    ));
                }
                PortRef::Named(name.to_string())
            }
            _ => {
                return Err(err(
                    format!("{at}.port"),
                    format!("`{v}` is not a port number or name"),
                ))
            }
        },
    };
    Ok(PortSpec { protocol, port })
}

/// A port number 1–65535, written as a number or as digits in a string (YAML writes both).
fn number(v: &Value) -> Option<u16> {
    let n = match v.as_u64() {
        Some(n) => n,
        None => v.as_str()?.trim().parse::<u64>().ok()?,
    };
    u16::try_from(n).ok().filter(|n| *n >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sonic_rs::json;

    fn policy(spec: Value) -> Result<Policy, PolicyError> {
        let o = Object::from_value(json!({
            "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "p", "namespace": "ns"}, "spec": spec
        }))
        .unwrap();
        parse(&o)
    }

    #[test]
    fn policy_types_default_from_the_rules() {
        let p = policy(json!({"podSelector": {}})).unwrap();
        assert_eq!(p.ingress.as_ref().map(Vec::len), Some(0));
        assert!(p.egress.is_none());
        let p = policy(json!({"podSelector": {}, "egress": [{}]})).unwrap();
        assert!(p.ingress.as_ref().is_some_and(Vec::is_empty));
        assert_eq!(p.egress.as_ref().map(Vec::len), Some(1));
        // `egress: []` without policyTypes does not make an egress policy (the API's defaulting
        // looks at the number of rules).
        let p = policy(json!({"podSelector": {}, "egress": []})).unwrap();
        assert!(p.egress.is_none());
        let p =
            policy(json!({"podSelector": {}, "policyTypes": ["Egress"], "ingress": [{}]})).unwrap();
        assert!(p.ingress.is_none());
        assert!(p.egress.as_ref().is_some_and(Vec::is_empty));
    }

    #[test]
    fn peers_and_ports_are_read_exactly() {
        let p = policy(json!({"podSelector": {}, "ingress": [{
            "from": [
                {"podSelector": {"matchLabels": {"a": "b"}}},
                {"namespaceSelector": {}, "podSelector": {"matchLabels": {"c": "d"}}},
                {"ipBlock": {"cidr": "10.0.0.0/8", "except": ["10.1.0.0/16"]}}
            ],
            "ports": [{"port": 80}, {"port": "http", "protocol": "UDP"}, {"port": 1000, "endPort": 2000}, {"protocol": "SCTP"}]
        }]}))
        .unwrap();
        let rule = &p.ingress.unwrap()[0];
        let peers = rule.peers.as_ref().unwrap();
        assert!(
            matches!(&peers[0], Peer::Pods { namespaces: Namespaces::Own(ns), .. } if ns == "ns")
        );
        assert!(
            matches!(&peers[1], Peer::Pods { namespaces: Namespaces::Selected(s), pods } if s.is_empty() && !pods.is_empty())
        );
        assert!(matches!(&peers[2], Peer::IpBlock { except, .. } if except.len() == 1));
        assert_eq!(
            rule.ports.as_ref().unwrap()[1],
            PortSpec {
                protocol: Protocol::Udp,
                port: PortRef::Named("http".into())
            }
        );
        assert_eq!(
            rule.fixed_ports().to_string(),
            "SCTP 1-65535,TCP 80,1000-2000"
        );
    }

    #[test]
    fn invalid_policies_name_the_field() {
        let e = policy(json!({"ingress": [{"from": [{}]}]})).unwrap_err();
        assert_eq!(e.path, "spec.ingress[0].from[0]");
        assert_eq!(e.policy, "ns/p");
        let e = policy(json!({"egress": [{"ports": [{"port": 90, "endPort": 80}]}]})).unwrap_err();
        assert_eq!(e.path, "spec.egress[0].ports[0].endPort");
        let e = policy(json!({"egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8", "except": ["11.0.0.0/16"]}}]}]}))
            .unwrap_err();
        assert!(e.message.contains("not inside"), "{e}");
        let e = policy(json!({"ingress": [{"ports": [{"endPort": 80}]}]})).unwrap_err();
        assert_eq!(e.path, "spec.ingress[0].ports[0].endPort");
        let e =
            policy(json!({"ingress": [{"ports": [{"port": "http", "endPort": 80}]}]})).unwrap_err();
        assert_eq!(e.message, "endPort cannot be used with a named port");
        let e = policy(json!({"ingress": [{"ports": [{"port": 70000}]}]})).unwrap_err();
        assert_eq!(e.path, "spec.ingress[0].ports[0].port");
        let e = policy(json!({"ingress": [{"ports": [{"port": 80, "protocol": "ICMP"}]}]}))
            .unwrap_err();
        assert_eq!(e.path, "spec.ingress[0].ports[0].protocol");
    }
}
