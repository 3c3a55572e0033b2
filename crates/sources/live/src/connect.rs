//! Which clusters to watch: the kubeconfig read as kubectl reads it (`--kubeconfig`, else
//! `$KUBECONFIG` with its files merged, else `~/.kube/config`), one target per chosen context;
//! in a pod with no kubeconfig, the in-cluster service account.

use crate::LiveError;
use kube::config::{KubeConfigOptions, Kubeconfig};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One cluster to connect to: a kubeconfig context (or the in-cluster account).
#[derive(Clone)]
pub struct Target {
    /// The context's name: the name of the cluster node in the graph.
    pub name: String,
    /// The client configuration kube made from the context.
    pub config: kube::Config,
}

/// The name of the cluster node when kubegraph runs in a pod without a kubeconfig.
pub const IN_CLUSTER: &str = "in-cluster";

/// Where the kubeconfig comes from, as kubectl decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KubeconfigSource {
    /// `--kubeconfig PATH`.
    Explicit(PathBuf),
    /// `$KUBECONFIG`: several files, merged (the first to set a value wins).
    Env(Vec<PathBuf>),
    /// `~/.kube/config`.
    Home(PathBuf),
    /// No kubeconfig, but the service account of the pod kubegraph runs in.
    InCluster,
}

/// Where kubegraph would read a kubeconfig from, or `None` when there is none at all (no
/// `--kubeconfig`, no `$KUBECONFIG`, no `~/.kube/config`, not in a pod): then the caller can
/// fall back to something else.
pub fn kubeconfig_source(explicit: Option<&Path>) -> Option<KubeconfigSource> {
    if let Some(p) = explicit {
        return Some(KubeconfigSource::Explicit(p.to_path_buf()));
    }
    if let Some(value) = std::env::var_os("KUBECONFIG") {
        let paths: Vec<PathBuf> = std::env::split_paths(&value)
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if !paths.is_empty() {
            return Some(KubeconfigSource::Env(paths));
        }
    }
    if let Some(home) = std::env::home_dir() {
        let path = home.join(".kube").join("config");
        if path.is_file() {
            return Some(KubeconfigSource::Home(path));
        }
    }
    let in_cluster = std::env::var_os("KUBERNETES_SERVICE_HOST").is_some()
        && Path::new("/var/run/secrets/kubernetes.io/serviceaccount/token").is_file();
    in_cluster.then_some(KubeconfigSource::InCluster)
}

/// Reads the kubeconfig. `$KUBECONFIG` files that do not exist are skipped, as kubectl does;
/// an explicit path that does not exist is an error.
fn read(source: &KubeconfigSource) -> Result<Kubeconfig, LiveError> {
    let read_one = |p: &Path| {
        Kubeconfig::read_from(p).map_err(|e| LiveError::Kubeconfig {
            path: p.display().to_string(),
            cause: e.to_string(),
        })
    };
    match source {
        KubeconfigSource::Explicit(p) | KubeconfigSource::Home(p) => read_one(p),
        KubeconfigSource::Env(paths) => {
            let mut merged = Kubeconfig::default();
            for p in paths.iter().filter(|p| p.exists()) {
                merged = merged
                    .merge(read_one(p)?)
                    .map_err(|e| LiveError::Kubeconfig {
                        path: p.display().to_string(),
                        cause: e.to_string(),
                    })?;
            }
            Ok(merged)
        }
        KubeconfigSource::InCluster => Ok(Kubeconfig::default()),
    }
}

/// Which contexts to watch.
#[derive(Clone, Debug, Default)]
pub struct ContextChoice {
    /// `--context NAME` (repeatable); empty means the current context.
    pub names: Vec<String>,
    /// `--all-contexts`.
    pub all: bool,
}

/// The targets for a choice of contexts. A context that cannot be turned into a client
/// configuration (its cluster or user is missing, a certificate file cannot be read) is an
/// `Err` in its slot naming the context, so that the others still go on.
pub async fn targets(
    source: &KubeconfigSource,
    choice: &ContextChoice,
    timeout: Duration,
) -> Result<Vec<Result<Target, LiveError>>, LiveError> {
    if *source == KubeconfigSource::InCluster {
        let config = kube::Config::incluster().map_err(|e| LiveError::Context {
            context: IN_CLUSTER.into(),
            cause: e.to_string(),
        })?;
        return Ok(vec![Ok(Target {
            name: IN_CLUSTER.into(),
            config: tune(config, timeout),
        })]);
    }
    let kubeconfig = read(source)?;
    let known: Vec<&str> = kubeconfig
        .contexts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let names: Vec<String> = if choice.all {
        known.iter().map(|s| s.to_string()).collect()
    } else if !choice.names.is_empty() {
        for n in &choice.names {
            if !known.contains(&n.as_str()) {
                return Err(LiveError::NoSuchContext {
                    context: n.clone(),
                    known: known.join(", "),
                });
            }
        }
        let mut names = choice.names.clone();
        names.dedup();
        names
    } else {
        match &kubeconfig.current_context {
            Some(c) if !c.is_empty() && !known.contains(&c.as_str()) => {
                return Err(LiveError::NoSuchContext {
                    context: c.clone(),
                    known: known.join(", "),
                })
            }
            Some(c) if !c.is_empty() => vec![c.clone()],
            _ if known.len() == 1 => vec![known[0].to_string()],
            _ => {
                return Err(LiveError::NoCurrentContext {
                    known: known.join(", "),
                })
            }
        }
    };
    if names.is_empty() {
        return Err(LiveError::NoContexts);
    }
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let options = KubeConfigOptions {
            context: Some(name.clone()),
            ..Default::default()
        };
        let config = kube::Config::from_custom_kubeconfig(kubeconfig.clone(), &options)
            .await
            .map(|c| Target {
                name: name.clone(),
                config: tune(c, timeout),
            })
            .map_err(|e| LiveError::Context {
                context: name,
                cause: e.to_string(),
            });
        out.push(config);
    }
    Ok(out)
}

/// Connection timeouts from `--timeout`; a watch stream is long-lived, so no read timeout
/// (kube's watcher reconnects a stream that goes idle past its server-side timeout).
fn tune(mut config: kube::Config, timeout: Duration) -> kube::Config {
    config.connect_timeout = Some(timeout);
    config.read_timeout = None;
    config
}
