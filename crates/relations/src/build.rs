use crate::reference::{Missing, Reference, Target};
use crate::rules::references;
use crate::selectable::SelectableIndex;
use kubegraph_graph::{Attrs, ClusterId, Graph, NodeId, Origin};
use kubegraph_model::json::{to_serde, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, normalize_image, EdgeKind, Object};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// What relation building did, for `stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub placeholders: usize,
    pub implied_namespaces: usize,
    pub containers: usize,
}

/// Derives every edge for the objects in `graph`: containers and images, then every rule's
/// references (computed in parallel, resolved against the indexes, applied in one pass), then
/// `contains` for every node. Call once, after all objects are inserted.
pub fn build(graph: &mut Graph) -> BuildReport {
    let mut report = BuildReport::default();
    let sources: Vec<NodeId> = graph
        .nodes()
        .filter(|(_, n)| n.origin == Origin::Source)
        .map(|(id, _)| id)
        .collect();
    let started = std::time::Instant::now();
    report.containers = add_containers(graph, &sources);
    tracing::debug!(containers = report.containers, elapsed = ?started.elapsed(), "containers");

    let index = &SelectableIndex::new(graph);
    let lookups = &Lookups::new(graph);
    let resolved: Vec<Resolved> = sources
        .par_iter()
        .flat_map_iter(|&src| {
            let g: &Graph = graph;
            references(&g.node(src).object)
                .into_iter()
                .flat_map(move |r| resolve(g, index, lookups, src, r))
        })
        .collect();
    tracing::debug!(resolved = resolved.len(), elapsed = ?started.elapsed(), "references resolved");
    graph.reserve_edges(resolved.len() + graph.node_count());
    for r in resolved {
        match r {
            Resolved::Edge {
                from,
                to,
                kind,
                attrs,
            } => {
                graph.add_edge(from, to, kind, attrs);
            }
            Resolved::Create { src, reference } => {
                let before = graph.node_count();
                let target = create(graph, src, &reference.target);
                if graph.node_count() > before && graph.node(target).missing() {
                    report.placeholders += 1;
                }
                let (from, to) = if reference.reverse {
                    (target, src)
                } else {
                    (src, target)
                };
                graph.add_edge(from, to, reference.edge, reference.attrs);
            }
        }
    }
    tracing::debug!(edges = graph.edge_count(), elapsed = ?started.elapsed(), "edges added");
    report.implied_namespaces = add_contains(graph);
    tracing::debug!(elapsed = ?started.elapsed(), "containment added");
    report
}

enum Resolved {
    Edge {
        from: NodeId,
        to: NodeId,
        kind: EdgeKind,
        attrs: Attrs,
    },
    /// The target must be made (placeholder or synthetic node) before the edge can be added.
    Create {
        src: NodeId,
        reference: Box<Reference>,
    },
}

/// Per-cluster facts the rules need beyond identity: the default storage class and the claims
/// per namespace (for StatefulSet ordinals).
struct Lookups {
    default_class: FxHashMap<ClusterId, NodeId>,
    claims: FxHashMap<(ClusterId, String), Vec<NodeId>>,
}

impl Lookups {
    fn new(graph: &Graph) -> Self {
        let mut default_class = FxHashMap::default();
        let mut claims: FxHashMap<(ClusterId, String), Vec<NodeId>> = FxHashMap::default();
        for (id, n) in graph.nodes() {
            let o = &n.object;
            if o.is("storage.k8s.io", "StorageClass") {
                let default = [
                    "storageclass.kubernetes.io/is-default-class",
                    "storageclass.beta.kubernetes.io/is-default-class",
                ]
                .iter()
                .any(|a| o.annotation(a) == Some("true"));
                if default {
                    default_class.entry(n.cluster).or_insert(id);
                }
            } else if o.is("", "PersistentVolumeClaim") && n.origin == Origin::Source {
                if let Some(ns) = &o.namespace {
                    claims.entry((n.cluster, ns.clone())).or_default().push(id);
                }
            }
        }
        Lookups {
            default_class,
            claims,
        }
    }
}

fn resolve(
    graph: &Graph,
    index: &SelectableIndex<'_>,
    lookups: &Lookups,
    src: NodeId,
    r: Reference,
) -> Vec<Resolved> {
    let cluster = graph.node(src).cluster;
    let edge = |to: NodeId, r: &Reference| {
        let (from, to) = if r.reverse { (to, src) } else { (src, to) };
        Resolved::Edge {
            from,
            to,
            kind: r.edge,
            attrs: r.attrs.clone(),
        }
    };
    let found = match &r.target {
        Target::Object {
            group,
            kind,
            namespace,
            name,
        } => graph.lookup(cluster, group, kind, namespace.as_deref(), name),
        Target::Owner {
            uid,
            group,
            kind,
            namespace,
            name,
        } => match resolve_owner(graph, cluster, uid.as_deref(), group, kind, namespace, name) {
            Ok(found) => found,
            Err(StaleUid) => return Vec::new(),
        },
        Target::Synthetic { group, kind, name } => graph.lookup(cluster, group, kind, None, name),
        Target::DefaultStorageClass => match lookups.default_class.get(&cluster) {
            Some(&class) => return vec![edge(class, &r)],
            None => return Vec::new(),
        },
        Target::Selector {
            namespace,
            selector,
            templates,
        } => {
            return index
                .select(cluster, namespace, selector, *templates)
                .map(|to| edge(to, &r))
                .collect();
        }
        Target::Ordinal {
            namespace, prefix, ..
        } => {
            let claims = lookups
                .claims
                .get(&(cluster, namespace.clone()))
                .map_or(&[][..], Vec::as_slice);
            return claims
                .iter()
                .filter(|&&c| {
                    let name = &graph.node(c).object.name;
                    name.strip_prefix(prefix.as_str()).is_some_and(is_ordinal)
                })
                .map(|&c| edge(c, &r))
                .collect();
        }
    };
    match found {
        Some(to) if to != src => vec![edge(to, &r)],
        Some(_) => Vec::new(),
        None if matches!(r.target, Target::Synthetic { .. })
            || r.missing == Missing::Placeholder =>
        {
            vec![Resolved::Create {
                src,
                reference: Box::new(r),
            }]
        }
        None => Vec::new(),
    }
}

/// The name was found, but it belongs to another object than the uid the reference names: the
/// referenced object is gone and its name was reused. A placeholder cannot stand in for it (it
/// would have the same identity as the live object), so there is no edge.
struct StaleUid;

/// Uid first: the object with that uid, provided it lives in the referrer's namespace or is
/// cluster-scoped (an owner in another namespace is invalid and the garbage collector ignores
/// it). Else by identity in `namespace`, and for kinds kubegraph does not know, cluster-scoped.
fn resolve_owner(
    graph: &Graph,
    cluster: ClusterId,
    uid: Option<&str>,
    group: &str,
    kind: &str,
    namespace: &Option<String>,
    name: &str,
) -> Result<Option<NodeId>, StaleUid> {
    if let Some(id) = uid.and_then(|u| graph.lookup_uid(cluster, u)) {
        let found = graph.node(id).object.namespace.as_ref();
        if found.is_none() || found == namespace.as_ref() {
            return Ok(Some(id));
        }
    }
    let by_name = graph
        .lookup(cluster, group, kind, namespace.as_deref(), name)
        .or_else(|| {
            namespace
                .as_ref()
                .and_then(|_| graph.lookup(cluster, group, kind, None, name))
        });
    match (by_name, uid) {
        (Some(id), Some(uid)) => match graph.node(id).object.uid.as_deref() {
            Some(other) if other != uid => Err(StaleUid),
            _ => Ok(Some(id)),
        },
        (found, _) => Ok(found),
    }
}

/// A StatefulSet ordinal as the controller writes it: decimal, no leading zero.
fn is_ordinal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

fn create(graph: &mut Graph, src: NodeId, target: &Target) -> NodeId {
    let cluster = graph.node(src).cluster;
    match target {
        Target::Object {
            group,
            kind,
            namespace,
            name,
        }
        | Target::Owner {
            group,
            kind,
            namespace,
            name,
            ..
        } => graph.placeholder(cluster, group, kind, namespace.as_deref(), name),
        Target::Synthetic { group, kind, name } => {
            graph.synthetic(cluster, group, kind, None, name)
        }
        Target::Selector { .. } | Target::DefaultStorageClass | Target::Ordinal { .. } => {
            unreachable!("only single-object targets are created")
        }
    }
}

/// Rule 5 and 36: a node per container of every pod (spec + its status entry), contained by the
/// pod, running its image.
fn add_containers(graph: &mut Graph, sources: &[NodeId]) -> usize {
    // Container objects are written in parallel; nodes and edges are added in one pass after.
    let made: Vec<(NodeId, Vec<Value>)> = sources
        .par_iter()
        .filter_map(|&pod| {
            let o = &graph.node(pod).object;
            if !o.is("", "Pod") {
                return None;
            }
            let raws = crate::rules::containers_of(o.spec()?)
                .filter_map(|(ty, c)| {
                    let name = c.get("name").and_then(Value::as_str)?;
                    let status_field = match ty {
                        "init" => "initContainerStatuses",
                        "ephemeral" => "ephemeralContainerStatuses",
                        _ => "containerStatuses",
                    };
                    let status = o
                        .raw
                        .get("status")
                        .and_then(|s| s.get(status_field))
                        .and_then(Value::as_array)
                        .and_then(|a| {
                            a.iter()
                                .find(|s| s.get("name").and_then(Value::as_str) == Some(name))
                        });
                    Some(container_raw(o, c, ty, status))
                })
                .collect();
            Some((pod, raws))
        })
        .collect();
    let mut count = 0;
    for (pod, raws) in made {
        for raw in raws {
            let image = raw
                .get("image")
                .and_then(Value::as_str)
                .map(normalize_image);
            let image_id = raw.ptr("/status/imageID").map(to_serde);
            let container = graph.add_container(pod, raw);
            graph.add_edge(pod, container, EdgeKind::Contains, Attrs::new());
            count += 1;
            if let Some(image) = image.filter(|i| !i.is_empty()) {
                let cluster = graph.node(pod).cluster;
                let img = graph.synthetic(cluster, SYNTHETIC_GROUP, "Image", None, &image);
                let mut attrs = Attrs::new();
                if let Some(id) = image_id.filter(|v| v.as_str().is_some_and(|s| !s.is_empty())) {
                    attrs.insert("image_id", id);
                }
                graph.add_edge(container, img, EdgeKind::Runs, attrs);
            }
        }
    }
    count
}

/// What a container node carries (rule 5): its name, type, image, ports and resources, and its
/// status entry. The rest of the spec (env, probes, mounts) stays on the pod, where the
/// references it makes are drawn; copying it would double the memory pods take. The object is
/// written as JSON and parsed, which keeps it in the parser's compact form (values copied or
/// built field by field become maps).
fn container_raw(pod: &Object, spec: &Value, ty: &str, status: Option<&Value>) -> Value {
    use std::fmt::Write;
    let text = |v: &str| sonic_rs::to_string(v).unwrap_or_default();
    let mut doc = format!(
        r#"{{"apiVersion":"{SYNTHETIC_GROUP}/v1","kind":"Container","metadata":{{"name":{},"namespace":{}}},"pod":{},"type":"{ty}""#,
        text(spec.get("name").and_then(|n| n.as_str()).unwrap_or("")),
        pod.namespace.as_deref().map_or("null".to_string(), text),
        text(&pod.name),
    );
    for key in ["name", "image", "imagePullPolicy", "ports", "resources"] {
        if let Some(v) = spec.get(key) {
            let _ = write!(
                doc,
                r#","{key}":{}"#,
                sonic_rs::to_string(v).unwrap_or_default()
            );
        }
    }
    let status = status.map_or("null".to_string(), |s| {
        sonic_rs::to_string(s).unwrap_or_default()
    });
    let _ = write!(doc, r#","status":{status}}}"#);
    sonic_rs::from_str(&doc).unwrap_or_default()
}

/// Rules 1–2: cluster → namespaces and cluster-scoped nodes; namespace → namespaced nodes
/// (placeholders included), with namespaces implied where the source does not declare them.
fn add_contains(graph: &mut Graph) -> usize {
    let mut implied = 0;
    let n = graph.node_count();
    for i in 0..n {
        let node = graph.node(NodeId(i as u32));
        if let (None, Some(ns)) = (node.parent, node.object.namespace.clone()) {
            let cluster = node.cluster;
            if graph.lookup(cluster, "", "Namespace", None, &ns).is_none() {
                graph.implied_namespace(cluster, &ns);
                implied += 1;
            }
        }
    }
    let cluster_nodes: Vec<NodeId> = graph.clusters().map(|(_, _, id)| id).collect();
    for i in 0..graph.node_count() {
        let id = NodeId(i as u32);
        let node = graph.node(id);
        if node.parent.is_some() || cluster_nodes.contains(&id) {
            continue;
        }
        let cluster = node.cluster;
        let parent = match node.object.namespace.clone() {
            Some(ns) => graph
                .lookup(cluster, "", "Namespace", None, &ns)
                .expect("namespaces were implied above"),
            None => graph.cluster_node(cluster),
        };
        graph.add_edge(parent, id, EdgeKind::Contains, Attrs::new());
    }
    implied
}
