use std::fmt;
use std::str::FromStr;

/// The closed set of relationship kinds. Direction is always source → target as named in
/// `docs/relations.md`; [`EdgeKind::depends`] says which end depends on the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Cluster → namespace and cluster-scoped nodes; namespace → namespaced nodes; pod →
    /// container.
    Contains,
    /// Owner → dependent (`metadata.ownerReferences`).
    Owns,
    /// Pod → the node it is scheduled on (`spec.nodeName`).
    RunsOn,
    /// Service or PDB → the pods and workloads its selector matches; workload → its pods.
    Selects,
    /// Pod or workload template → the claims, config maps and secrets its volumes name.
    Mounts,
    /// A reference that is not a volume: env and envFrom, image pull secrets, service account,
    /// priority and runtime class; service account → secret; ingress → TLS secret and class;
    /// gateway → gateway class.
    Uses,
    /// Claim → volume; role binding → role and → subjects.
    Binds,
    /// Storage class → the claims and volumes of that class.
    Provisions,
    /// Traffic: ingress and route → service, route → gateway, service → endpoints, slices and
    /// external host, endpoints → pods.
    Routes,
    /// Service → what it serves as a backend: webhook configurations, API services, the
    /// StatefulSet it governs.
    Backs,
    /// Horizontal pod autoscaler → its scale target.
    Scales,
    /// NetworkPolicy → the pods and workloads it selects.
    AppliesTo,
    /// VolumeAttachment → its volume and node.
    Attaches,
    /// Container or workload → the image it runs.
    Runs,
    /// Event → the object it is about.
    About,
    /// An aggregated ClusterRole → each ClusterRole its `aggregationRule` selects by label.
    Aggregates,
}

/// Which end of an edge depends on the other for its health.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dependency {
    /// Neither end's health follows from the other.
    None,
    /// The source depends on the target (a pod on its secret).
    SourceOnTarget,
    /// The target depends on the source (a webhook configuration on its service).
    TargetOnSource,
}

impl EdgeKind {
    /// Every edge kind, in declaration order (the order listings and statistics use).
    pub const ALL: [EdgeKind; 16] = [
        EdgeKind::Contains,
        EdgeKind::Owns,
        EdgeKind::RunsOn,
        EdgeKind::Selects,
        EdgeKind::Mounts,
        EdgeKind::Uses,
        EdgeKind::Binds,
        EdgeKind::Provisions,
        EdgeKind::Routes,
        EdgeKind::Backs,
        EdgeKind::Scales,
        EdgeKind::AppliesTo,
        EdgeKind::Attaches,
        EdgeKind::Runs,
        EdgeKind::About,
        EdgeKind::Aggregates,
    ];

    /// The name users write and machine output carries (`runs_on`, `applies_to`): what
    /// [`Display`](fmt::Display) prints and [`FromStr`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Contains => "contains",
            EdgeKind::Owns => "owns",
            EdgeKind::RunsOn => "runs_on",
            EdgeKind::Selects => "selects",
            EdgeKind::Mounts => "mounts",
            EdgeKind::Uses => "uses",
            EdgeKind::Binds => "binds",
            EdgeKind::Provisions => "provisions",
            EdgeKind::Routes => "routes",
            EdgeKind::Backs => "backs",
            EdgeKind::Scales => "scales",
            EdgeKind::AppliesTo => "applies_to",
            EdgeKind::Attaches => "attaches",
            EdgeKind::Runs => "runs",
            EdgeKind::About => "about",
            EdgeKind::Aggregates => "aggregates",
        }
    }

    /// The "depends" column of the edge-kind table. `owns` is reversed because an owner's
    /// health comes from its dependents; `provisions` and `backs` because the class or service is
    /// what the other end needs. Optional references (`uses` with `optional: true`) are decided
    /// per edge, not here.
    pub fn depends(self) -> Dependency {
        match self {
            EdgeKind::RunsOn
            | EdgeKind::Selects
            | EdgeKind::Mounts
            | EdgeKind::Uses
            | EdgeKind::Binds
            | EdgeKind::Routes
            | EdgeKind::Aggregates => Dependency::SourceOnTarget,
            EdgeKind::Owns | EdgeKind::Provisions | EdgeKind::Backs => Dependency::TargetOnSource,
            EdgeKind::Contains
            | EdgeKind::Scales
            | EdgeKind::AppliesTo
            | EdgeKind::Attaches
            | EdgeKind::Runs
            | EdgeKind::About => Dependency::None,
        }
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EdgeKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EdgeKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown edge kind `{s}`"))
    }
}
