use crate::SourceArgs;
use anyhow::{bail, Context};
use kubegraph_files::{load_paths, LoadOptions, Loaded};
use kubegraph_graph::Graph;
use kubegraph_model::Diagnostic;
use kubegraph_relations::graph_from_objects;
use std::sync::Arc;
use std::time::Instant;
use tracing::debug;

/// A loaded, related landscape and what loading it said.
pub struct Landscape {
    /// Shared with the live source's published graph, when there is one (no copy per query).
    pub graph: Arc<Graph>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub objects: usize,
    /// `--now` as given (RFC 3339), for time-dependent health rules.
    pub now: Option<String>,
    /// A live source still watching (for the shell), and the store version `graph` reflects.
    pub live: Option<crate::live::LiveSession>,
    pub version: u64,
    /// `-q`: commands print no warnings either.
    pub quiet: bool,
}

pub fn load(args: &SourceArgs) -> anyhow::Result<Landscape> {
    let demo = || (kubegraph_demo::CLUSTER.to_string(), kubegraph_demo::load());
    let (cluster, loaded) = if args.demo {
        if !args.files.is_empty() {
            bail!("--demo and -f cannot be combined: choose one source");
        }
        demo()
    } else if !args.files.is_empty() {
        if args.namespace.len() > 1 {
            bail!(
                "-n is given {} times: files take one default namespace",
                args.namespace.len()
            );
        }
        let options = LoadOptions {
            default_namespace: args
                .namespace
                .first()
                .cloned()
                .unwrap_or_else(|| "default".into()),
        };
        let started = Instant::now();
        let loaded = load_paths(&args.files, &options).context("cannot read the input")?;
        debug!(objects = loaded.objects.len(), files = loaded.files, elapsed = ?started.elapsed(), "loaded");
        (
            args.cluster.clone().unwrap_or_else(|| cluster_name(args)),
            loaded,
        )
    } else if kubegraph_live::kubeconfig_source(args.live.kubeconfig.as_deref()).is_some() {
        return crate::live::load(args);
    } else {
        if !args.quiet {
            eprintln!(
                "note: no kubeconfig (--kubeconfig, $KUBECONFIG, ~/.kube/config): showing the built-in demo landscape (--demo; -f PATH reads manifests)"
            );
        }
        demo()
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
        graph: Arc::new(graph),
        diagnostics,
        files,
        objects: count,
        now: args.now.clone(),
        live: None,
        version: 0,
        quiet: args.quiet,
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
