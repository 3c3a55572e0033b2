//! From the source flags to a loaded landscape, saying on stderr what loading found.
//!
//! The source is `-f PATH`, `--demo`, or the cluster the kubeconfig points at. With none of
//! them and no kubeconfig, only `serve` shows the demo (and says so); every other command says
//! how to give a source and exits 2: a fake landscape read as a real one would be a quietly
//! wrong answer.

use crate::{Exit, GlobalArgs};
use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use kubegraph_app::{Snapshot, Source};
use std::io::IsTerminal;
use std::time::Duration;

/// The landscape a command runs on, and whether to keep quiet about warnings.
pub struct Landscape {
    app: kubegraph_app::Landscape,
    /// `-q`: commands print no warnings either.
    pub quiet: bool,
}

/// Commands read the current snapshot: `landscape.graph`, `landscape.health()`, ...
impl std::ops::Deref for Landscape {
    type Target = Snapshot;
    fn deref(&self) -> &Snapshot {
        self.app.snapshot()
    }
}

impl Landscape {
    /// The application's landscape (the live session, refreshing).
    pub fn app(&self) -> &kubegraph_app::Landscape {
        &self.app
    }

    /// The application's landscape, for a front end that takes it over (`serve`).
    pub fn into_app(self) -> kubegraph_app::Landscape {
        self.app
    }

    /// The application's landscape, to refresh it.
    pub fn app_mut(&mut self) -> &mut kubegraph_app::Landscape {
        &mut self.app
    }
}

/// How to give a source, for the message of a command that has none.
const NO_SOURCE: &str = "no source: no kubeconfig was found ($KUBECONFIG, ~/.kube/config, --kubeconfig) and neither -f nor --demo was given
  kubegraph -f manifests/ stats                     # files, directories (recursive)
  kubectl get all -A -o yaml | kubegraph -f - stats # a dump on stdin
  kubegraph --kubeconfig ~/.kube/prod stats         # a cluster
  kubegraph --demo stats                            # the built-in demo";

/// Input files at least this large get a spinner on a terminal while they load.
const SPINNER_BYTES: u64 = 8 << 20;

pub fn load(args: &GlobalArgs, serving: bool) -> anyhow::Result<(Landscape, Source)> {
    let src = &args.source;
    let quiet = args.quiet;
    let source = if src.demo {
        if !src.files.is_empty() {
            bail!("--demo and -f cannot be combined: choose one source");
        }
        Source::Demo
    } else if !src.files.is_empty() {
        Source::Files {
            paths: src.files.clone(),
            default_namespace: src.default_namespace.clone(),
            cluster: src.cluster.clone(),
        }
    } else if Source::kubeconfig_exists(src.live.kubeconfig.as_deref()) {
        Source::Live(src.live.options(&args.namespace))
    } else if serving {
        if !quiet {
            eprintln!(
                "note: no kubeconfig (--kubeconfig, $KUBECONFIG, ~/.kube/config): serving the built-in demo landscape (--demo; -f PATH reads manifests)"
            );
        }
        Source::Demo
    } else {
        bail!("{NO_SOURCE}");
    };
    let live = matches!(source, Source::Live(_));
    let terminal = !quiet && std::io::stderr().is_terminal();
    let bars = crate::live::Progress::new(live && terminal);
    let spinner = match &source {
        Source::Files { paths, .. } if terminal => file_spinner(paths),
        _ => None,
    };
    let loaded = kubegraph_app::Landscape::load(&source, src.now.as_deref(), &mut |p| bars.show(p));
    bars.finish();
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let app = match loaded {
        Ok(app) => app,
        Err(kubegraph_app::Error::NothingLoaded { diagnostics }) => {
            if !quiet {
                for d in &diagnostics {
                    eprintln!("warning: {d}");
                }
            }
            return Err(kubegraph_app::Error::NothingLoaded { diagnostics }.into());
        }
        Err(e) => return Err(e.into()),
    };
    let snapshot = app.snapshot();
    if !quiet {
        for d in &snapshot.diagnostics {
            eprintln!("warning: {d}");
        }
    }
    let skipped = snapshot.diagnostics.iter().filter(|d| d.skipped).count();
    if src.strict && skipped > 0 {
        eprintln!(
            "error: --strict: {skipped} part{} of the input could not be read and {} skipped{}",
            if skipped == 1 { "" } else { "s" },
            if skipped == 1 { "was" } else { "were" },
            if quiet {
                " (run without -q to see why)"
            } else {
                " (warnings above)"
            }
        );
        return Err(Exit(2).into());
    }
    if snapshot.objects == 0 {
        if live {
            if !quiet {
                eprintln!("warning: the cluster holds no objects kubegraph could list");
            }
        } else if !serving {
            let stdin = src.files.iter().any(|p| p.as_os_str() == "-");
            if stdin {
                bail!("the input holds no Kubernetes objects: stdin was empty or held none (did the command before the pipe fail? `kubectl get … -o yaml | kubegraph -f - …`)");
            }
            bail!("the input holds no Kubernetes objects");
        } else if !quiet {
            eprintln!("warning: the input holds no Kubernetes objects");
        }
    }
    Ok((Landscape { app, quiet }, source))
}

/// A spinner for a large file source: what is read, how much, how long so far.
fn file_spinner(paths: &[std::path::PathBuf]) -> Option<ProgressBar> {
    let bytes: u64 = paths.iter().map(|p| size(p)).sum();
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if bytes < SPINNER_BYTES && !stdin {
        return None;
    }
    let what = if stdin {
        "stdin".to_string()
    } else {
        format!("{} MB", bytes >> 20)
    };
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} loading {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(what);
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

/// The bytes of a file, or of the files of a directory (what `-f` reads of it).
fn size(path: &std::path::Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
            .unwrap_or(0),
        _ => 0,
    }
}
