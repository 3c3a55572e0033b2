use crate::SourceArgs;
use anyhow::{bail, Context};
use kubegraph_files::{load_paths, LoadOptions, Loaded};
use kubegraph_graph::Graph;
use kubegraph_model::Diagnostic;
use kubegraph_relations::graph_from_objects;
use std::time::Instant;
use tracing::debug;

/// A loaded, related landscape and what loading it said.
pub struct Landscape {
    pub graph: Graph,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub objects: usize,
    /// `--now` as given (RFC 3339), for time-dependent health rules.
    pub now: Option<String>,
}

pub fn load(args: &SourceArgs) -> anyhow::Result<Landscape> {
    let (cluster, loaded) = if args.demo {
        if !args.files.is_empty() {
            bail!("--demo and -f cannot be combined: choose one source");
        }
        (kubegraph_demo::CLUSTER.to_string(), kubegraph_demo::load())
    } else if !args.files.is_empty() {
        let options = LoadOptions {
            default_namespace: args.namespace.clone().unwrap_or_else(|| "default".into()),
        };
        let started = Instant::now();
        let loaded = load_paths(&args.files, &options).context("cannot read the input")?;
        debug!(objects = loaded.objects.len(), files = loaded.files, elapsed = ?started.elapsed(), "loaded");
        (
            args.cluster.clone().unwrap_or_else(|| cluster_name(args)),
            loaded,
        )
    } else {
        bail!(
            "no source given\n  try: kubegraph --demo stats            (the built-in demo landscape)\n       kubegraph -f manifests/ stats       (files, directories, or - for stdin)"
        );
    };
    if !args.quiet {
        for d in &loaded.diagnostics {
            eprintln!("warning: {d}");
        }
    }
    if loaded.objects.is_empty() && !loaded.diagnostics.is_empty() {
        bail!(
            "nothing could be loaded: every document of the input was skipped ({} warning{} above)",
            loaded.diagnostics.len(),
            if loaded.diagnostics.len() == 1 {
                ""
            } else {
                "s"
            }
        );
    }
    if loaded.objects.is_empty() && !args.quiet {
        eprintln!("warning: the input holds no Kubernetes objects");
    }
    let Loaded {
        objects,
        diagnostics,
        files,
    } = loaded;
    let count = objects.len();
    let started = Instant::now();
    let (graph, _) = graph_from_objects(&cluster, objects);
    debug!(nodes = graph.node_count(), edges = graph.edge_count(), elapsed = ?started.elapsed(), "related");
    Ok(Landscape {
        graph,
        diagnostics,
        files,
        objects: count,
        now: args.now.clone(),
    })
}

/// One path names its cluster (`-f istio-bookinfo/` → `istio-bookinfo`); several are `files`.
fn cluster_name(args: &SourceArgs) -> String {
    match args.files.as_slice() {
        [one] if one.as_os_str() != "-" => one
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty() && s != ".")
            .unwrap_or_else(|| "files".into()),
        _ => "files".into(),
    }
}
