//! Live cluster source options (work in progress, issue 4).

/// Where to find clusters: kubeconfig and contexts.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct LiveArgs {}
