//! Where a landscape comes from: files, the demo or live clusters, and loading each into
//! objects related as a graph.

use crate::error::{Error, Result};
use kubegraph_files::{load_paths, LoadOptions, Loaded};
use kubegraph_graph::Graph;
use kubegraph_model::Diagnostic;
use kubegraph_relations::graph_from_objects;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tracing::debug;

/// What to load.
#[derive(Clone, Debug)]
pub enum Source {
    /// Manifests and dumps: files, directories (recursive), `-` for stdin.
    Files {
        /// The paths as given.
        paths: Vec<PathBuf>,
        /// The namespace of namespaced objects that have none.
        default_namespace: String,
        /// The cluster node's name; default: the single path's file name, else `files`.
        cluster: Option<String>,
    },
    /// The built-in demo landscape.
    Demo,
    /// Live clusters from a kubeconfig.
    Live(kubegraph_live::LiveOptions),
}

impl Source {
    /// Live clusters, when a kubeconfig can be found (`explicit`, else `$KUBECONFIG`, else
    /// `~/.kube/config`, else in-cluster): what kubectl would read.
    pub fn kubeconfig_exists(explicit: Option<&std::path::Path>) -> bool {
        kubegraph_live::kubeconfig_source(explicit).is_some()
    }

    /// What a server on this source serves, in a person's words: the demo, the paths (and
    /// whether they are reloaded), or the live clusters of `graph` (watched).
    pub fn describe(&self, graph: &Graph, watch: bool) -> String {
        match self {
            Source::Demo => "the built-in demo landscape".to_string(),
            Source::Files { paths, .. } => {
                let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                let reload = if watch {
                    " (reloaded when they change)"
                } else {
                    ""
                };
                format!("{}{reload}", paths.join(", "))
            }
            Source::Live(_) => {
                let clusters: Vec<&str> = graph.clusters().map(|(_, n, _)| n).collect();
                let s = if clusters.len() == 1 { "" } else { "s" };
                format!("live cluster{s} {} (watching)", clusters.join(", "))
            }
        }
    }
}

/// Objects read from files or the demo, before they are related.
pub(crate) struct Read {
    pub cluster: String,
    pub loaded: Loaded,
    /// Where objects without a namespace went.
    pub default_namespace: String,
}

/// Reads a file source or the demo.
pub(crate) fn read(source: &Source) -> Result<Read> {
    match source {
        Source::Demo => Ok(Read {
            cluster: kubegraph_demo::CLUSTER.to_string(),
            loaded: kubegraph_demo::load(),
            default_namespace: "default".to_string(),
        }),
        Source::Files {
            paths,
            default_namespace,
            cluster,
        } => {
            let options = LoadOptions {
                default_namespace: default_namespace.clone(),
            };
            let started = Instant::now();
            let loaded = load_paths(paths, &options).map_err(Error::Unreadable)?;
            debug!(objects = loaded.objects.len(), files = loaded.files, elapsed = ?started.elapsed(), "loaded");
            Ok(Read {
                cluster: cluster.clone().unwrap_or_else(|| cluster_name(paths)),
                loaded,
                default_namespace: default_namespace.clone(),
            })
        }
        Source::Live(_) => unreachable!("live sources are started, not read"),
    }
}

/// Relates what was read: the graph, the warnings, how many files and objects.
pub(crate) fn relate(read: Read) -> Result<(Graph, Vec<Diagnostic>, usize, usize)> {
    let Read {
        cluster,
        loaded,
        default_namespace,
    } = read;
    let default_namespace = default_namespace.as_str();
    if loaded.objects.is_empty() && !loaded.diagnostics.is_empty() {
        return Err(Error::NothingLoaded {
            diagnostics: loaded.diagnostics,
        });
    }
    let Loaded {
        objects,
        mut diagnostics,
        files,
        defaulted,
    } = loaded;
    let count = objects.len();
    let started = Instant::now();
    let (graph, _) = graph_from_objects(&cluster, objects);
    debug!(nodes = graph.node_count(), edges = graph.edge_count(), elapsed = ?started.elapsed(), "related");
    diagnostics.extend(namespace_hint(&graph, &defaulted, default_namespace));
    Ok((graph, diagnostics, files, count))
}

/// Objects without a namespace went to the default one, while the input refers to objects of
/// the same kinds and names in another namespace (an install manifest meant for
/// `kubectl apply -n argocd`): says so, and which namespace to give instead.
fn namespace_hint(
    graph: &Graph,
    defaulted: &[(String, String, String)],
    default_namespace: &str,
) -> Option<Diagnostic> {
    if defaulted.is_empty() {
        return None;
    }
    let wanted: std::collections::HashSet<(&str, &str, &str)> = defaulted
        .iter()
        .map(|(g, k, n)| (g.as_str(), k.as_str(), n.as_str()))
        .collect();
    // Namespace → (how many defaulted objects are referred to there, one such reference).
    let mut elsewhere: std::collections::BTreeMap<String, (usize, String)> = Default::default();
    for (id, n) in graph.nodes() {
        let o = &n.object;
        let Some(ns) = o.namespace.as_deref() else {
            continue;
        };
        if !n.missing()
            || ns == default_namespace
            || !wanted.contains(&(o.group.as_str(), o.kind.as_str(), o.name.as_str()))
        {
            continue;
        }
        let referrer = graph
            .in_edges(id)
            .find(|e| e.kind != kubegraph_model::EdgeKind::Contains)
            .map(|e| crate::plain_label(graph, e.from))
            .unwrap_or_else(|| "an object".to_string());
        let entry = elsewhere
            .entry(ns.to_string())
            .or_insert((0, format!("{referrer} names {} {ns}/{}", o.kind, o.name)));
        entry.0 += 1;
    }
    let (ns, (n, example)) = elsewhere.into_iter().max_by_key(|(_, (n, _))| *n)?;
    Some(
        Diagnostic::new(format!(
            "{} object{} without a namespace went to `{default_namespace}`, but the input refers to {n} of them in `{ns}` ({example})",
            defaulted.len(),
            if defaulted.len() == 1 { "" } else { "s" },
        ))
        .hint(format!(
            "if the manifests are meant for `kubectl apply -n {ns}`, give --default-namespace {ns}"
        )),
    )
}

/// One path names its cluster (`-f istio-bookinfo/` → `istio-bookinfo`, `dump.json.gz` →
/// `dump`); several are `files`.
fn cluster_name(paths: &[PathBuf]) -> String {
    let stem = |p: &Path| {
        let name = p.file_name()?.to_str()?;
        let name = name.strip_suffix(".gz").unwrap_or(name);
        Some(Path::new(name).file_stem()?.to_string_lossy().into_owned())
    };
    match paths {
        [one] if one.as_os_str() != "-" => stem(one)
            .filter(|s| !s.is_empty() && s != ".")
            .unwrap_or_else(|| "files".into()),
        _ => "files".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_describes_what_is_served() {
        let graph = Graph::default();
        assert_eq!(
            Source::Demo.describe(&graph, false),
            "the built-in demo landscape"
        );
        let files = Source::Files {
            paths: vec!["a.yaml".into(), "dump/".into()],
            default_namespace: "default".into(),
            cluster: None,
        };
        assert_eq!(files.describe(&graph, false), "a.yaml, dump/");
        assert_eq!(
            files.describe(&graph, true),
            "a.yaml, dump/ (reloaded when they change)"
        );
    }

    #[test]
    fn one_path_names_the_cluster_compressed_or_not() {
        let name = |p: &str| cluster_name(&[PathBuf::from(p)]);
        assert_eq!(name("istio-bookinfo/"), "istio-bookinfo");
        assert_eq!(name("dumps/prod.json"), "prod");
        assert_eq!(name("dumps/prod.json.gz"), "prod");
        assert_eq!(name("prod.yaml.gz"), "prod");
        assert_eq!(name("-"), "files");
        assert_eq!(
            cluster_name(&[PathBuf::from("a"), PathBuf::from("b")]),
            "files"
        );
    }
}
