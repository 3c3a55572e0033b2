//! The peers of the analysis: workloads, read from the graph's objects.
//!
//! A pod stands for its controlling owner, as netpol-analyzer shows a live cluster: a
//! Deployment's pods appear as their ReplicaSet, a DaemonSet's as the DaemonSet, a bare pod as
//! itself. Workload objects whose pods are not in the input (plain manifests) stand for the pods
//! their template would make. A workload whose pods, or whose owner, are in the input is not
//! counted twice.

use crate::ports::Protocol;
use crate::Options;
use kubegraph_graph::{Graph, Node, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Value};
use kubegraph_model::{kinds, scalar_string, split_api_version, Object};
use std::collections::{BTreeMap, BTreeSet};

/// Labels, sorted by key.
pub type Labels = BTreeMap<String, String>;

/// The label every namespace carries implicitly (Kubernetes 1.21+), so selectors can name it.
pub const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// Kinds whose pod template makes pods, with where the template sits.
const TEMPLATES: &[(&str, &str, &str)] = &[
    ("apps", "Deployment", "spec.template"),
    ("apps", "StatefulSet", "spec.template"),
    ("apps", "DaemonSet", "spec.template"),
    ("apps", "ReplicaSet", "spec.template"),
    ("batch", "Job", "spec.template"),
    ("batch", "CronJob", "spec.jobTemplate.spec.template"),
    ("", "ReplicationController", "spec.template"),
];

/// A container port a workload declares: what named ports in policies resolve to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContainerPort {
    /// Its `name`, if any.
    pub name: Option<String>,
    /// `containerPort`.
    pub port: u16,
    /// `protocol` (TCP when absent).
    pub protocol: Protocol,
}

/// A peer of the analysis: the controlling owner a pod stands for (a Deployment's pods appear as
/// their ReplicaSet), a pod without owner, or a workload whose pods are not in the input (its
/// template stands for them).
#[derive(Clone, Debug)]
pub struct Workload {
    /// Its namespace.
    pub namespace: String,
    /// Its name.
    pub name: String,
    /// Its kind (`Deployment`, `Pod`, ...).
    pub kind: String,
    /// The pod labels policies select it by (its template's, or its pods').
    pub labels: Labels,
    /// Its containers' declared ports.
    pub ports: Vec<ContainerPort>,
    /// Names of the input's pods this workload stands for (empty for a template).
    pub pods: Vec<String>,
    /// The IPs of those pods (`status.podIP`, `status.podIPs`) with the pod's name; none for a
    /// pod in the host network (its IP is its node's) or one that finished (its IP is free
    /// for another pod).
    pub ips: Vec<(String, String)>,
    /// The owners of its controlling owner, as (kind, name): the Deployment of a ReplicaSet,
    /// the CronJob of a Job. A user names the workload by them (`shop/web` for the pods of
    /// Deployment web's ReplicaSets).
    pub owned_by: Vec<(String, String)>,
}

impl Workload {
    /// `namespace/name[Kind]`, netpol-analyzer's peer notation.
    pub fn id(&self) -> String {
        format!("{}/{}[{}]", self.namespace, self.name, self.kind)
    }
}

/// What the graph holds for the analysis, before policies.
#[derive(Debug, Default)]
pub struct Inventory {
    pub workloads: Vec<Workload>,
    /// Every namespace that is declared or holds a workload, with its labels (implicit name
    /// label included).
    pub namespaces: BTreeMap<String, Labels>,
    /// Workloads that run in the host network (`spec.hostNetwork: true`, in a pod or a
    /// template), by id, sorted: analysed as ordinary pods unless
    /// [`Options::exclude_host_network`] leaves them out.
    pub host_network: Vec<String>,
    /// Pods whose phase is `Succeeded` or `Failed`, left out by [`Options::exclude_finished`]
    /// (`namespace/pod[Pod]`, sorted); empty when they are analysed.
    pub finished: Vec<String>,
    pub warnings: Vec<String>,
}

/// The controlling owner of a pod, as netpol-analyzer takes it: the first owner reference with
/// `controller: true`. A Node owner (a static pod's mirror) is no owner: the pod stands for
/// itself. A reference without a `kind` (which the API server would reject, but hand-written
/// lists have) still groups the pods under its name, as netpol-analyzer does, written
/// `namespace/name[Pod]`. Returns `(group, kind, name)`.
fn controller_owner(o: &Object) -> Option<(String, String, String)> {
    let refs = o.metadata()?.get(&"ownerReferences")?.as_array()?;
    let r = refs
        .iter()
        .find(|r| r.get("controller").and_then(|c| c.as_bool()) == Some(true))?;
    let name = r
        .get("name")
        .and_then(|n| n.as_str())
        .filter(|n| !n.is_empty())?;
    match r
        .get("kind")
        .and_then(|k| k.as_str())
        .filter(|k| !k.is_empty())
    {
        Some("Node") => None,
        Some(kind) => {
            let api_version = r.get("apiVersion").and_then(|v| v.as_str()).unwrap_or("");
            let (group, _) = split_api_version(api_version);
            Some((
                kinds::canonical_group(group, kind).to_string(),
                kind.to_string(),
                name.to_string(),
            ))
        }
        None => Some((String::new(), "Pod".to_string(), name.to_string())),
    }
}

pub fn inventory(graph: &Graph, options: &Options) -> Inventory {
    let mut inv = Inventory::default();
    // Owners (namespace, kind, name) represented by pods, and the owners of those owners.
    let mut covered: BTreeSet<(String, String, String)> = BTreeSet::new();
    // (namespace, kind, name) → workload index.
    let mut by_owner: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut pods: Vec<&Node> = graph
        .nodes()
        .map(|(_, n)| n)
        .filter(|n| n.origin == Origin::Source && n.object.is("", "Pod"))
        .collect();
    pods.sort_by(|a, b| {
        (&a.object.namespace, &a.object.name).cmp(&(&b.object.namespace, &b.object.name))
    });
    for node in pods {
        let o = &node.object;
        let ns = o.namespace.clone().unwrap_or_else(|| "default".into());
        let phase = o.at("status.phase").and_then(|p| p.as_str());
        let finished = matches!(phase, Some("Succeeded" | "Failed"));
        let Some(spec) = o.spec() else { continue };
        let owner = controller_owner(o);
        let (kind, name) = match &owner {
            Some((_, kind, name)) => (kind.clone(), name.clone()),
            None => ("Pod".to_string(), o.name.clone()),
        };
        let mut owned_by = Vec::new();
        if let Some((group, kind, name)) = &owner {
            covered.insert((ns.clone(), kind.clone(), name.clone()));
            // The owner's owner (a ReplicaSet's Deployment, a Job's CronJob) is covered too.
            if let Some(id) = graph.lookup(node.cluster, group, kind, Some(&ns), name) {
                for up in graph.node(id).object.owner_refs() {
                    covered.insert((ns.clone(), up.kind.clone(), up.name.clone()));
                    owned_by.push((up.kind, up.name));
                }
            }
        }
        if finished && options.exclude_finished {
            inv.finished.push(format!("{ns}/{}[Pod]", o.name));
            continue;
        }
        if spec.get("hostNetwork").and_then(|h| h.as_bool()) == Some(true) {
            inv.host_network.push(format!("{ns}/{name}[{kind}]"));
            if options.exclude_host_network {
                continue;
            }
        }
        let labels = labels_of(o.metadata().and_then(|m| m.get(&"labels")));
        let ports = container_ports(spec);
        let key = (ns.clone(), kind.clone(), name.clone());
        let host = spec.get("hostNetwork").and_then(|h| h.as_bool()) == Some(true);
        let ips: Vec<(String, String)> = if host || finished {
            Vec::new()
        } else {
            pod_ips(o)
                .into_iter()
                .map(|ip| (o.name.clone(), ip))
                .collect()
        };
        match by_owner.get(&key) {
            Some(&i) => {
                let w = &mut inv.workloads[i];
                if !same_but_per_pod(&w.labels, &labels) {
                    inv.warnings.push(format!(
                        "pods of {} carry different labels ({} and {}): the analysis uses those of {}",
                        w.id(),
                        w.pods[0],
                        o.name,
                        w.pods[0]
                    ));
                }
                w.pods.push(o.name.clone());
                w.ips.extend(ips);
            }
            None => {
                by_owner.insert(key, inv.workloads.len());
                inv.workloads.push(Workload {
                    namespace: ns,
                    name,
                    kind,
                    labels,
                    ports,
                    pods: vec![o.name.clone()],
                    ips,
                    owned_by,
                });
            }
        }
    }
    for (_, node) in graph.nodes() {
        if node.origin != Origin::Source {
            continue;
        }
        let o = &node.object;
        if o.is("", "Namespace") {
            let labels = labels_of(o.metadata().and_then(|m| m.get(&"labels")));
            inv.namespaces.insert(o.name.clone(), labels);
            continue;
        }
        let Some(&(_, _, path)) = TEMPLATES
            .iter()
            .find(|(g, k, _)| o.group == *g && o.kind == *k)
        else {
            continue;
        };
        let ns = o.namespace.clone().unwrap_or_else(|| "default".into());
        if covered.contains(&(ns.clone(), o.kind.clone(), o.name.clone())) {
            continue;
        }
        // A ReplicaSet or Job whose controlling owner is in the input is represented by it.
        let owned = o.owner_refs().into_iter().any(|r| {
            r.controller
                && graph
                    .lookup(node.cluster, &r.group, &r.kind, Some(&ns), &r.name)
                    .is_some_and(|id| graph.node(id).origin == Origin::Source)
        });
        if owned {
            continue;
        }
        let Some(template) = o.at(path) else { continue };
        let spec = template.get("spec");
        if spec
            .and_then(|s| s.get("hostNetwork"))
            .and_then(|h| h.as_bool())
            == Some(true)
        {
            inv.host_network
                .push(format!("{ns}/{}[{}]", o.name, o.kind));
            if options.exclude_host_network {
                continue;
            }
        }
        inv.workloads.push(Workload {
            namespace: ns,
            name: o.name.clone(),
            kind: o.kind.clone(),
            labels: labels_of(template.get("metadata").and_then(|m| m.get("labels"))),
            ports: spec.map(container_ports).unwrap_or_default(),
            pods: Vec::new(),
            ips: Vec::new(),
            owned_by: Vec::new(),
        });
    }
    // Namespaces every workload lives in, declared or not, with the implicit name label.
    for w in &inv.workloads {
        inv.namespaces.entry(w.namespace.clone()).or_default();
    }
    for (name, labels) in inv.namespaces.iter_mut() {
        labels
            .entry(NAMESPACE_NAME_LABEL.to_string())
            .or_insert_with(|| name.clone());
    }
    inv.workloads.sort_by_key(|w| w.id());
    inv.host_network.sort();
    inv.host_network.dedup();
    inv.finished.sort();
    inv
}

/// A pod's IPs: `status.podIP` and every `status.podIPs[].ip`, once each.
fn pod_ips(o: &Object) -> Vec<String> {
    let mut ips: Vec<String> = Vec::new();
    if let Some(ip) = o.at("status.podIP").and_then(|v| v.as_str()) {
        ips.push(ip.to_string());
    }
    if let Some(list) = o.at("status.podIPs").and_then(|v| v.as_array()) {
        for ip in list
            .iter()
            .filter_map(|i| i.get("ip").and_then(|v| v.as_str()))
        {
            if !ips.iter().any(|x| x == ip) {
                ips.push(ip.to_string());
            }
        }
    }
    ips
}

/// Labels the controller sets differently on each pod of a workload (a StatefulSet's pod name and
/// index, an indexed Job's completion index): pods that differ only there are alike.
const PER_POD_LABELS: &[&str] = &[
    "statefulset.kubernetes.io/pod-name",
    "apps.kubernetes.io/pod-index",
    "batch.kubernetes.io/job-completion-index",
];

fn same_but_per_pod(a: &Labels, b: &Labels) -> bool {
    let rest = |l: &Labels| {
        l.iter()
            .filter(|(k, _)| !PER_POD_LABELS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    rest(a) == rest(b)
}

fn labels_of(v: Option<&Value>) -> Labels {
    let mut out = Labels::new();
    if let Some(m) = v.and_then(|m| m.as_object()) {
        for (k, v) in m.iter() {
            if let Some(v) = scalar_string(v) {
                out.insert(k.to_string(), v);
            }
        }
    }
    out
}

/// The ports of a pod spec's containers, and of its sidecar init containers
/// (`restartPolicy: Always`), which run alongside them.
fn container_ports(spec: &Value) -> Vec<ContainerPort> {
    let mut out = Vec::new();
    let containers = spec
        .get("containers")
        .and_then(|c| c.as_array())
        .into_iter()
        .flat_map(|a| a.iter());
    let sidecars = spec
        .get("initContainers")
        .and_then(|c| c.as_array())
        .into_iter()
        .flat_map(|a| a.iter())
        .filter(|c| c.get("restartPolicy").and_then(|r| r.as_str()) == Some("Always"));
    for c in containers.chain(sidecars) {
        let Some(ports) = c.get("ports").and_then(|p| p.as_array()) else {
            continue;
        };
        for p in ports.iter() {
            let Some(port) = p
                .get("containerPort")
                .and_then(|n| n.as_u64())
                .and_then(|n| u16::try_from(n).ok())
                .filter(|n| *n > 0)
            else {
                continue;
            };
            let protocol = p
                .get("protocol")
                .and_then(|v| v.as_str())
                .and_then(Protocol::parse)
                .unwrap_or(Protocol::Tcp);
            let name = p
                .get("name")
                .and_then(|v| v.as_str())
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            out.push(ContainerPort {
                name,
                port,
                protocol,
            });
        }
    }
    out.sort();
    out.dedup();
    out
}
