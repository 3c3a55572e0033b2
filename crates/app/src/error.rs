//! What can go wrong between a front end's request and a typed answer.

use kubegraph_model::Diagnostic;

/// Why loading a landscape or answering about it failed. Every message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path could not be read.
    #[error("cannot read the input")]
    Unreadable(#[source] kubegraph_files::LoadError),
    /// Every document of the input was skipped; the warnings say why.
    #[error(
        "nothing could be loaded: every document of the input was skipped ({} warning{} above)",
        .diagnostics.len(),
        if .diagnostics.len() == 1 { "" } else { "s" }
    )]
    NothingLoaded {
        /// Why each document was skipped.
        diagnostics: Vec<Diagnostic>,
    },
    /// Connecting to or listing the clusters failed.
    #[error(transparent)]
    Live(#[from] kubegraph_live::LiveError),
    /// The runtime the live source needs could not start.
    #[error("cannot start the runtime for the live source")]
    Runtime(#[source] std::io::Error),
    /// `--now` is not a time.
    #[error(transparent)]
    Time(#[from] kubegraph_health::time::TimeError),
    /// A target names nothing, or too much.
    #[error(transparent)]
    Target(#[from] crate::target::TargetError),
    /// A view was asked of an object it does not apply to, or of a namespace with nothing in it.
    #[error("{0}")]
    View(String),
}

/// The application's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
