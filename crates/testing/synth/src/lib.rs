//! Synthetic landscapes for benchmarks and scale tests: a deterministic generator of documents
//! shaped like `kubectl get -A -o json` of a real cluster (a `List`, pretty-printed with a
//! 4-space indent, objects with uids, resource versions, timestamps, labels and annotations,
//! realistic specs and statuses), parameterised by the number of pods.
//!
//! The cluster, for `n` pods: about `n / 200` namespaces and `n / 30` nodes; three DaemonSets in
//! `kube-system` with a pod per node; coredns and a CSI controller; app namespaces filled with
//! Deployments (with current and older ReplicaSets, owner references by uid) and some
//! StatefulSets (claims `data-<sts>-<n>` bound to volumes of the default StorageClass); Services
//! and EndpointSlices over the pods; ConfigMaps and Secrets used through env, envFrom and
//! volumes; ServiceAccounts, NetworkPolicies, PodDisruptionBudgets, HorizontalPodAutoscalers,
//! Roles and RoleBindings; Events about some pods, deployments and pods already gone. About three
//! objects per pod (3.3), about 3.6 KB per pretty-printed object in the lean detail and about
//! 7.7 KB in the full one (what a live cluster returns).
//!
//! Every reference resolves (no placeholders in kubegraph) except Events about pods that are gone,
//! which kubegraph skips. The same `(pods, seed)` always gives the same bytes, and the document
//! is streamed: memory stays at one namespace's model whatever the size.
//!
//! ```
//! use kubegraph_synth::{generate_with, Config, Detail, Format};
//!
//! let config = Config { pods: 50, seed: 7, detail: Detail::Lean, format: Format::Pretty };
//! let mut dump = Vec::new();
//! let summary = generate_with(&config, &mut dump)?;
//! assert_eq!(summary.by_kind["Pod"], 50);
//! assert_eq!(summary.bytes, dump.len() as u64);
//! // The same configuration, the same bytes.
//! let mut again = Vec::new();
//! generate_with(&config, &mut again)?;
//! assert!(dump == again);
//!
//! // kubegraph reads it without a warning, and every reference resolves.
//! let loaded = kubegraph_files::load_bytes("synth.json", &dump, &Default::default());
//! assert!(loaded.diagnostics.is_empty());
//! assert_eq!(loaded.objects.len(), summary.objects);
//! let (_, report) = kubegraph_relations::graph_from_objects("synth", loaded.objects);
//! assert_eq!(report.placeholders, 0);
//! # Ok::<(), std::io::Error>(())
//! ```

mod gen;
mod lean;
mod model;
mod render;
mod writer;

use std::collections::BTreeMap;
use std::io::{self, Write};

pub use writer::Format;

/// The seed used unless one is given.
pub const DEFAULT_SEED: u64 = 0x6b75_6265_6772_6170;

/// How much of a live object's content is written. Both levels have the same objects,
/// identities and references (the same graph); they differ in bytes per object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    /// Fields something refers to, plus the essentials of spec and status (a pod keeps its
    /// containers' image, resources, probe, env references and mounts, its node, volumes,
    /// conditions, IPs and container statuses): about 3.6 KB per object, pods about 5.4 KB.
    #[default]
    Lean,
    /// Everything a live cluster returns (API-server defaults, full statuses, node images,
    /// bookkeeping annotations), managed fields excepted: about 7.7 KB per object, pods
    /// about 14 KB.
    Full,
    /// The lean objects without what no relation reads (probes, resources, arguments,
    /// timestamps of conditions and states, host IPs, restart annotations): about 900 bytes per
    /// object on one line, the size of the objects of a small API-server dump. The same
    /// objects and references as the other levels.
    Minimal,
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct Config {
    /// Exactly this many Pods are generated.
    pub pods: usize,
    /// The seed of every random choice: the same `(pods, seed, detail)` gives the same bytes.
    pub seed: u64,
    /// How much of each object is written.
    pub detail: Detail,
    /// How the list is written: pretty JSON, one-line JSON or YAML.
    pub format: Format,
}

impl Config {
    /// `pods` pods with the default seed, in the lean detail.
    pub fn new(pods: usize) -> Self {
        Config {
            pods,
            seed: DEFAULT_SEED,
            detail: Detail::Lean,
            format: Format::Pretty,
        }
    }
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Objects written (the items of the list).
    pub objects: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Namespaces in the landscape.
    pub namespaces: usize,
    /// Nodes in the landscape.
    pub nodes: usize,
    /// Objects written per kind.
    pub by_kind: BTreeMap<&'static str, usize>,
}

/// Writes the landscape for `pods` pods (default seed) to `writer`.
pub fn generate<W: Write>(pods: usize, writer: W) -> io::Result<Summary> {
    generate_with(&Config::new(pods), writer)
}

/// Writes the landscape described by `config` to `writer`, streaming (the writer is buffered
/// internally).
pub fn generate_with<W: Write>(config: &Config, writer: W) -> io::Result<Summary> {
    let plan = model::Plan::new(config.pods, config.seed, config.detail == Detail::Full);
    let minimal = config.detail == Detail::Minimal;
    let mut out = writer::ListWriter::begin(writer, config.format, minimal)?;
    render::Renderer::new(&plan, &mut out).write_all()?;
    let (objects, bytes, by_kind) = out.finish()?;
    Ok(Summary {
        objects,
        bytes,
        namespaces: plan.namespace_count(),
        nodes: plan.nodes,
        by_kind,
    })
}

/// The landscape for `pods` pods (default seed), in memory: for tests and benchmarks.
pub fn generate_vec(pods: usize) -> Vec<u8> {
    let mut buf = Vec::new();
    generate(pods, &mut buf).expect("writing to memory cannot fail");
    buf
}

/// About how many pods make a landscape of `objects` objects (the inverse of the generator's
/// objects-per-pod ratio, measured).
pub fn pods_for_objects(objects: usize) -> usize {
    (objects as f64 / OBJECTS_PER_POD).round().max(1.0) as usize
}

/// Objects per pod, measured on large landscapes.
pub const OBJECTS_PER_POD: f64 = 3.3;
