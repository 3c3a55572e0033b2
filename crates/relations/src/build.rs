use crate::reference::{Missing, Reference, Target};
use crate::rules::{references, ContainerSpec};
use crate::selectable::{own_labels_match, SelectableIndex};
use kubegraph_graph::{container_object, Attrs, ClusterId, Graph, NodeId, Origin};
use kubegraph_model::json::{to_serde, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{kinds::SYNTHETIC_GROUP, normalize_image, EdgeKind, LabelSelector, Object};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// What relation building did, for `stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    /// Placeholder nodes made for absent targets.
    pub placeholders: usize,
    /// Namespaces objects live in that the input does not declare.
    pub implied_namespaces: usize,
    /// Container nodes made (regular, init and ephemeral).
    pub containers: usize,
}

/// What relation building reads out of one object on its own: the references its fields make
/// and, for a pod, its container nodes. Independent of every other object, so a live source
/// extracts each object once, when a watch reports it, and keeps the result until the object
/// changes; only resolving (cheap lookups in indexes) is left for each graph.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Shared: a pod changed in its status or labels keeps the references it had (see
    /// [`extract_after`]).
    pub references: Arc<[Reference]>,
    /// A pod's containers, in spec order (none for other kinds).
    pub containers: Vec<Container>,
}

/// A pod's container (rule 5), and the image it runs (rule 36).
#[derive(Debug)]
pub struct Container {
    /// The container node's object: its spec, with its status entry under `status`.
    pub object: Arc<Object>,
    /// Its image, normalised (`nginx` → `docker.io/library/nginx:latest`); `None` without one.
    pub image: Option<String>,
    /// The `imageID` its status reports, for the `runs` edge.
    pub image_id: Option<serde_json::Value>,
}

/// Reads `o`'s references and containers.
pub fn extract(o: &Object) -> Extracted {
    Extracted {
        references: references(o).into(),
        containers: containers(o),
    }
}

/// Reads `o`'s references and containers, where `old` is the same object before a change and
/// `before` what was extracted from it: its references are kept when they cannot differ. That
/// is known for pods, the objects that change most and take longest to extract: a pod's
/// references read only its spec, its `ownerReferences`, its identity and whether it is live
/// (rules 3, 4, 9–17, 36), and most changes to a pod are to its status or labels. Containers
/// are read again (they carry the status).
pub fn extract_after(o: &Object, old: &Object, before: &Extracted) -> Extracted {
    let references = if same_pod_references(o, old) {
        before.references.clone()
    } else {
        references(o).into()
    };
    Extracted {
        references,
        containers: containers(o),
    }
}

fn same_pod_references(o: &Object, old: &Object) -> bool {
    fn owners(o: &Object) -> Option<&Value> {
        o.metadata().and_then(|m| m.get(&"ownerReferences"))
    }
    o.is("", "Pod")
        && old.is("", "Pod")
        && o.name == old.name
        && o.namespace == old.namespace
        && o.uid == old.uid
        && o.is_live() == old.is_live()
        && o.spec() == old.spec()
        && owners(o) == owners(old)
}

/// Derives every edge for the objects in `graph`: containers and images, then every rule's
/// references (computed in parallel, resolved against the indexes, applied in one pass), then
/// `contains` for every node. Call once, after all objects are inserted.
///
/// Each object's references are resolved as soon as they are computed and then dropped, so
/// that the references of every object never exist at once: on a 100k-pod dump they were about
/// 0.5 GB of peak memory, each page of it zeroed by the kernel on first touch
/// (docs/benchmarks.md). [`build_extracted`] makes the same graph from kept [`Extracted`]s.
pub fn build(graph: &mut Graph) -> BuildReport {
    let started = std::time::Instant::now();
    let sources = sources(graph);
    let pods: Vec<(NodeId, Vec<Container>)> = sources
        .par_iter()
        .filter_map(|&id| {
            let c = containers(&graph.node(id).object);
            (!c.is_empty()).then_some((id, c))
        })
        .collect();
    let report = BuildReport {
        containers: add_containers(graph, pods.iter().map(|(id, c)| (*id, c.as_slice()))),
        ..BuildReport::default()
    };
    drop(pods);
    tracing::debug!(containers = report.containers, elapsed = ?started.elapsed(), "containers");
    let (index, lookups) = rayon::join(|| SelectableIndex::new(graph), || Lookups::new(graph));
    let scratch = &Scratch {
        graph,
        index,
        lookups,
    };
    let resolved: Vec<Vec<Resolved<'static>>> =
        in_order(sources.par_iter().fold(Vec::new, |mut out, &src| {
            let references = references(&scratch.graph.node(src).object);
            let mut here = Vec::with_capacity(references.len());
            for r in &references {
                resolve(scratch, src, r, &mut here);
            }
            out.extend(here.into_iter().map(Resolved::into_owned));
            out
        }));
    finish(graph, resolved, report, started)
}

/// [`build`] with each source node's [`Extracted`] given (every node of origin `Source`, in
/// node order, as [`build`] would extract them).
pub fn build_extracted(graph: &mut Graph, extracted: &[(NodeId, &Extracted)]) -> BuildReport {
    let mut report = BuildReport::default();
    let started = std::time::Instant::now();
    report.containers = add_containers(
        graph,
        extracted
            .iter()
            .map(|(id, e)| (*id, e.containers.as_slice())),
    );
    tracing::debug!(containers = report.containers, elapsed = ?started.elapsed(), "containers");

    let (index, lookups) = rayon::join(|| SelectableIndex::new(graph), || Lookups::new(graph));
    let scratch = &Scratch {
        graph,
        index,
        lookups,
    };
    let resolved: Vec<Vec<Resolved>> =
        in_order(extracted.par_iter().fold(Vec::new, |mut out, &(src, e)| {
            for r in e.references.iter() {
                resolve(scratch, src, r, &mut out);
            }
            out
        }));
    finish(graph, resolved, report, started)
}

/// The end of both builds: the resolved references become edges in one pass, then every node
/// is contained.
fn finish(
    graph: &mut Graph,
    resolved: Vec<Vec<Resolved>>,
    mut report: BuildReport,
    started: std::time::Instant,
) -> BuildReport {
    tracing::debug!(resolved = resolved.iter().map(Vec::len).sum::<usize>(), elapsed = ?started.elapsed(), "references resolved");
    apply(graph, resolved, &mut report);
    tracing::debug!(edges = graph.edge_count(), elapsed = ?started.elapsed(), "edges added");
    report.implied_namespaces = add_contains(graph);
    tracing::debug!(elapsed = ?started.elapsed(), "containment added");
    report
}

/// Per thread into one vector (no vector per reference), kept in order (the order edges are
/// added in decides which attribute value a merged edge keeps) and not joined: joining copied
/// every resolved reference again into fresh memory.
fn in_order<T: Send>(parts: impl ParallelIterator<Item = Vec<T>>) -> Vec<Vec<T>> {
    parts.collect()
}

/// Adds resolved references as edges, in order, making the targets that must be made first.
fn apply(graph: &mut Graph, resolved: Vec<Vec<Resolved>>, report: &mut BuildReport) {
    let count: usize = resolved.iter().map(Vec::len).sum();
    graph.reserve_edges(count + graph.node_count());
    for r in resolved.into_iter().flatten() {
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
                graph.add_edge(from, to, reference.edge, reference.attrs.clone());
            }
        }
    }
}

/// The nodes read from the source, in node order.
fn sources(graph: &Graph) -> Vec<NodeId> {
    graph
        .nodes()
        .filter(|(_, n)| n.origin == Origin::Source)
        .map(|(id, _)| id)
        .collect()
}

pub(crate) enum Resolved<'r> {
    Edge {
        from: NodeId,
        to: NodeId,
        kind: EdgeKind,
        attrs: Attrs,
    },
    /// The target must be made (placeholder or synthetic node) before the edge can be added.
    Create { src: NodeId, reference: Kept<'r> },
}

/// The reference of a target to create: borrowed from kept references, or owned (boxed, so
/// that the millions of [`Resolved::Edge`]s beside it stay small) where references are
/// dropped once resolved.
pub(crate) enum Kept<'r> {
    Borrowed(&'r Reference),
    Owned(Box<Reference>),
}

impl std::ops::Deref for Kept<'_> {
    type Target = Reference;
    fn deref(&self) -> &Reference {
        match self {
            Kept::Borrowed(r) => r,
            Kept::Owned(r) => r,
        }
    }
}

impl Resolved<'_> {
    fn into_owned(self) -> Resolved<'static> {
        match self {
            Resolved::Edge {
                from,
                to,
                kind,
                attrs,
            } => Resolved::Edge {
                from,
                to,
                kind,
                attrs,
            },
            Resolved::Create { src, reference } => Resolved::Create {
                src,
                reference: match reference {
                    Kept::Borrowed(r) => Kept::Owned(Box::new(r.clone())),
                    Kept::Owned(r) => Kept::Owned(r),
                },
            },
        }
    }
}

/// A StorageClass annotated as the cluster's default.
pub(crate) fn is_default_class(o: &Object) -> bool {
    o.is("storage.k8s.io", "StorageClass")
        && [
            "storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class",
        ]
        .iter()
        .any(|a| o.annotation(a) == Some("true"))
}

/// The kinds a [`Target::Labeled`] selects from: ClusterRoles (aggregation).
pub(crate) const LABELED_KINDS: &[(&str, &str)] = &[("rbac.authorization.k8s.io", "ClusterRole")];

/// Whether `o` is of a kind [`Target::Labeled`] selects from.
pub(crate) fn is_labeled_kind(o: &Object) -> bool {
    LABELED_KINDS.iter().any(|(g, k)| o.is(g, k))
}

/// Per-cluster facts the rules need beyond identity: the default storage class, the claims
/// per namespace (for StatefulSet ordinals) and the objects labeled targets select from.
struct Lookups {
    default_class: FxHashMap<ClusterId, NodeId>,
    claims: FxHashMap<(ClusterId, String), Vec<NodeId>>,
    labeled: FxHashMap<(ClusterId, &'static str, &'static str), Vec<NodeId>>,
}

impl Lookups {
    fn new(graph: &Graph) -> Self {
        let mut default_class = FxHashMap::default();
        let mut claims: FxHashMap<(ClusterId, String), Vec<NodeId>> = FxHashMap::default();
        let mut labeled: FxHashMap<(ClusterId, &'static str, &'static str), Vec<NodeId>> =
            FxHashMap::default();
        for (id, n) in graph.nodes() {
            let o = &n.object;
            if n.origin == Origin::Source {
                if let Some(&(g, k)) = LABELED_KINDS.iter().find(|(g, k)| o.is(g, k)) {
                    labeled.entry((n.cluster, g, k)).or_default().push(id);
                }
            }
            if is_default_class(o) {
                default_class.entry(n.cluster).or_insert(id);
            } else if o.is("", "PersistentVolumeClaim") && n.origin == Origin::Source {
                if let Some(ns) = &o.namespace {
                    claims.entry((n.cluster, ns.clone())).or_default().push(id);
                }
            }
        }
        Lookups {
            default_class,
            claims,
            labeled,
        }
    }
}

/// What resolving a reference looks things up in: a graph being built from scratch (where
/// only source nodes, containers' images and clusters exist yet), or a graph kept current
/// (where placeholders exist too, and must not be found).
pub(crate) trait Lookup {
    fn graph(&self) -> &Graph;
    /// The object read from the source with this identity.
    fn find(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<NodeId>;
    fn find_uid(&self, cluster: ClusterId, uid: &str) -> Option<NodeId>;
    /// An existing synthetic node; `None` makes the caller create (or count) it.
    fn find_synthetic(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        name: &str,
    ) -> Option<NodeId>;
    /// The pods (and workloads, with `templates`) in `namespace` that `selector` selects.
    fn select(
        &self,
        cluster: ClusterId,
        namespace: &str,
        selector: &LabelSelector,
        templates: bool,
        found: &mut dyn FnMut(NodeId),
    );
    fn default_class(&self, cluster: ClusterId) -> Option<NodeId>;
    /// The cluster-scoped objects of `group`/`kind` read from the source whose own labels
    /// `selector` selects (only kinds in [`LABELED_KINDS`]).
    fn labeled(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        selector: &LabelSelector,
        found: &mut dyn FnMut(NodeId),
    );
    /// The claims (PersistentVolumeClaims read from the source) in `namespace`.
    fn claims(&self, cluster: ClusterId, namespace: &str, found: &mut dyn FnMut(NodeId));
}

/// A graph built from scratch, with the indexes made for it.
struct Scratch<'g> {
    graph: &'g Graph,
    index: SelectableIndex<'g>,
    lookups: Lookups,
}

impl Lookup for Scratch<'_> {
    fn graph(&self) -> &Graph {
        self.graph
    }

    fn find(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        namespace: Option<&str>,
        name: &str,
    ) -> Option<NodeId> {
        self.graph.lookup(cluster, group, kind, namespace, name)
    }

    fn find_uid(&self, cluster: ClusterId, uid: &str) -> Option<NodeId> {
        self.graph.lookup_uid(cluster, uid)
    }

    fn find_synthetic(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        name: &str,
    ) -> Option<NodeId> {
        self.graph.lookup(cluster, group, kind, None, name)
    }

    fn select(
        &self,
        cluster: ClusterId,
        namespace: &str,
        selector: &LabelSelector,
        templates: bool,
        found: &mut dyn FnMut(NodeId),
    ) {
        self.index
            .select(cluster, namespace, selector, templates)
            .for_each(found);
    }

    fn default_class(&self, cluster: ClusterId) -> Option<NodeId> {
        self.lookups.default_class.get(&cluster).copied()
    }

    fn labeled(
        &self,
        cluster: ClusterId,
        group: &str,
        kind: &str,
        selector: &LabelSelector,
        found: &mut dyn FnMut(NodeId),
    ) {
        let Some(&(g, k)) = LABELED_KINDS
            .iter()
            .find(|(g, k)| *g == group && *k == kind)
        else {
            return;
        };
        for &id in self
            .lookups
            .labeled
            .get(&(cluster, g, k))
            .into_iter()
            .flatten()
        {
            if own_labels_match(&self.graph.node(id).object, selector) {
                found(id);
            }
        }
    }

    fn claims(&self, cluster: ClusterId, namespace: &str, found: &mut dyn FnMut(NodeId)) {
        if let Some(claims) = self.lookups.claims.get(&(cluster, namespace.to_string())) {
            claims.iter().copied().for_each(found);
        }
    }
}

/// Resolves one of `src`'s references into edges, or into targets to create first.
pub(crate) fn resolve<'r>(
    l: &impl Lookup,
    src: NodeId,
    r: &'r Reference,
    out: &mut Vec<Resolved<'r>>,
) {
    let graph = l.graph();
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
        } => l.find(cluster, group, kind, namespace.as_deref(), name),
        Target::Owner {
            uid,
            group,
            kind,
            namespace,
            name,
        } => match resolve_owner(l, cluster, uid.as_deref(), group, kind, namespace, name) {
            Ok(found) => found,
            Err(StaleUid) => return,
        },
        Target::Synthetic { group, kind, name } => l.find_synthetic(cluster, group, kind, name),
        Target::DefaultStorageClass => match l.default_class(cluster) {
            Some(class) => return out.push(edge(class, r)),
            None => return,
        },
        Target::Selector {
            namespace,
            selector,
            templates,
        } => {
            return l.select(cluster, namespace, selector, *templates, &mut |to| {
                out.push(edge(to, r))
            });
        }
        Target::Labeled {
            group,
            kind,
            selector,
        } => {
            return l.labeled(cluster, group, kind, selector, &mut |to| {
                if to != src {
                    out.push(edge(to, r))
                }
            });
        }
        Target::Ordinal {
            namespace, prefix, ..
        } => {
            return l.claims(cluster, namespace, &mut |c| {
                let name = &graph.node(c).object.name;
                if name.strip_prefix(prefix.as_str()).is_some_and(is_ordinal) {
                    out.push(edge(c, r))
                }
            });
        }
    };
    match found {
        Some(to) if to != src => out.push(edge(to, r)),
        Some(_) => {}
        None if matches!(r.target, Target::Synthetic { .. })
            || r.missing == Missing::Placeholder =>
        {
            out.push(Resolved::Create {
                src,
                reference: Kept::Borrowed(r),
            })
        }
        None => {}
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
    l: &impl Lookup,
    cluster: ClusterId,
    uid: Option<&str>,
    group: &str,
    kind: &str,
    namespace: &Option<String>,
    name: &str,
) -> Result<Option<NodeId>, StaleUid> {
    let graph = l.graph();
    if let Some(id) = uid.and_then(|u| l.find_uid(cluster, u)) {
        let found = graph.node(id).object.namespace.as_ref();
        if found.is_none() || found == namespace.as_ref() {
            return Ok(Some(id));
        }
    }
    let by_name = l
        .find(cluster, group, kind, namespace.as_deref(), name)
        .or_else(|| {
            namespace
                .as_ref()
                .and_then(|_| l.find(cluster, group, kind, None, name))
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
    let made = Made::of(target);
    if made.synthetic {
        graph.synthetic(cluster, made.group, made.kind, None, made.name)
    } else {
        graph.placeholder(cluster, made.group, made.kind, made.namespace, made.name)
    }
}

/// The node a reference makes when its target is absent: a placeholder with the target's
/// identity, or a synthetic node (always cluster-scoped).
pub(crate) struct Made<'t> {
    pub group: &'t str,
    pub kind: &'t str,
    pub namespace: Option<&'t str>,
    pub name: &'t str,
    pub synthetic: bool,
}

impl<'t> Made<'t> {
    pub fn of(target: &'t Target) -> Made<'t> {
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
            } => Made {
                group,
                kind,
                namespace: namespace.as_deref(),
                name,
                synthetic: false,
            },
            Target::Synthetic { group, kind, name } => Made {
                group,
                kind,
                namespace: None,
                name,
                synthetic: true,
            },
            Target::Selector { .. }
            | Target::DefaultStorageClass
            | Target::Ordinal { .. }
            | Target::Labeled { .. } => {
                unreachable!("only single-object targets are created")
            }
        }
    }
}

/// Rule 5 and 36: a node per container of a pod (spec + its status entry), and the image it runs.
fn containers(o: &Object) -> Vec<Container> {
    if !o.is("", "Pod") {
        return Vec::new();
    }
    let Some(spec) = o.spec() else {
        return Vec::new();
    };
    let spec = crate::rules::PodSpec::read(spec);
    let status = o.raw.get("status");
    spec.containers
        .iter()
        .filter_map(|c| {
            let name = c.name.and_then(Value::as_str)?;
            let status_field = match c.ty {
                "init" => "initContainerStatuses",
                "ephemeral" => "ephemeralContainerStatuses",
                _ => "containerStatuses",
            };
            let status = status
                .and_then(|s| s.get(status_field))
                .and_then(Value::as_array)
                .and_then(|a| {
                    a.iter()
                        .find(|s| s.get("name").and_then(Value::as_str) == Some(name))
                });
            let raw = container_raw(o, c, status);
            let image = raw
                .get("image")
                .and_then(Value::as_str)
                .map(normalize_image)
                .filter(|i| !i.is_empty());
            let image_id = raw
                .ptr("/status/imageID")
                .map(to_serde)
                .filter(|v| v.as_str().is_some_and(|s| !s.is_empty()));
            Some(Container {
                object: Arc::new(container_object(o.namespace.clone(), raw)),
                image,
                image_id,
            })
        })
        .collect()
}

/// Adds the extracted containers: contained by their pod, running their image.
fn add_containers<'c>(
    graph: &mut Graph,
    pods: impl Iterator<Item = (NodeId, &'c [Container])>,
) -> usize {
    let mut count = 0;
    for (pod, containers) in pods {
        for c in containers {
            let container = graph.add_container(pod, c.object.clone());
            graph.add_edge(pod, container, EdgeKind::Contains, Attrs::new());
            count += 1;
            if let Some(image) = &c.image {
                let cluster = graph.node(pod).cluster;
                let img = graph.synthetic(cluster, SYNTHETIC_GROUP, "Image", None, image);
                let mut attrs = Attrs::new();
                if let Some(id) = &c.image_id {
                    attrs.insert("image_id", id.clone());
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
fn container_raw(pod: &Object, c: &ContainerSpec, status: Option<&Value>) -> Value {
    use std::io::Write;
    // Every value written straight into the one buffer (no string per value).
    fn json(doc: &mut Vec<u8>, v: &impl serde::Serialize) {
        let _ = sonic_rs::to_writer(doc, v);
    }
    let mut doc: Vec<u8> = Vec::with_capacity(512);
    let _ = write!(
        doc,
        r#"{{"apiVersion":"{SYNTHETIC_GROUP}/v1","kind":"Container","metadata":{{"name":"#
    );
    json(&mut doc, &c.name.and_then(|n| n.as_str()).unwrap_or(""));
    doc.extend_from_slice(br#","namespace":"#);
    json(&mut doc, &pod.namespace);
    doc.extend_from_slice(br#"},"pod":"#);
    json(&mut doc, &pod.name);
    let _ = write!(doc, r#","type":"{}""#, c.ty);
    let fields = [
        ("name", c.name),
        ("image", c.image),
        ("imagePullPolicy", c.image_pull_policy),
        ("ports", c.ports),
        ("resources", c.resources),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            let _ = write!(doc, r#","{key}":"#);
            json(&mut doc, v);
        }
    }
    doc.extend_from_slice(br#","status":"#);
    json(&mut doc, &status);
    doc.push(b'}');
    sonic_rs::from_slice(&doc).unwrap_or_default()
}

/// Rules 1–2: cluster → namespaces and cluster-scoped nodes; namespace → namespaced nodes
/// (placeholders included), with namespaces implied where the source does not declare them.
fn add_contains(graph: &mut Graph) -> usize {
    let namespace_of =
        |graph: &Graph, cluster, ns: &str| graph.lookup(cluster, "", "Namespace", None, ns);
    let mut missing: Vec<(ClusterId, String)> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<(ClusterId, &str)> = Default::default();
    for (_, node) in graph.nodes() {
        if let (None, Some(ns)) = (node.parent, node.object.namespace.as_deref()) {
            if seen.insert((node.cluster, ns)) && namespace_of(graph, node.cluster, ns).is_none() {
                missing.push((node.cluster, ns.to_string()));
            }
        }
    }
    for (cluster, ns) in &missing {
        graph.implied_namespace(*cluster, ns);
    }
    let cluster_nodes: Vec<NodeId> = graph.clusters().map(|(_, _, id)| id).collect();
    let g: &Graph = graph;
    let contains: Vec<(NodeId, NodeId)> = (0..g.node_bound() as u32)
        .into_par_iter()
        .map(NodeId)
        .filter_map(|id| {
            let node = g.get_node(id)?;
            if node.parent.is_some() || cluster_nodes.contains(&id) {
                return None;
            }
            let parent = match node.object.namespace.as_deref() {
                Some(ns) => {
                    namespace_of(g, node.cluster, ns).expect("namespaces were implied above")
                }
                None => g.cluster_node(node.cluster),
            };
            Some((parent, id))
        })
        .collect();
    for (parent, id) in contains {
        graph.add_edge(parent, id, EdgeKind::Contains, Attrs::new());
    }
    missing.len()
}
