//! From the source flags to a loaded landscape, saying on stderr what loading found.

use crate::SourceArgs;
use anyhow::bail;
use kubegraph_app::{Snapshot, Source};
use std::io::IsTerminal;

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

pub fn load(args: &SourceArgs) -> anyhow::Result<(Landscape, Source)> {
    let source = if args.demo {
        if !args.files.is_empty() {
            bail!("--demo and -f cannot be combined: choose one source");
        }
        Source::Demo
    } else if !args.files.is_empty() {
        if args.namespace.len() > 1 {
            bail!(
                "-n is given {} times: files take one default namespace",
                args.namespace.len()
            );
        }
        Source::Files {
            paths: args.files.clone(),
            default_namespace: args
                .namespace
                .first()
                .cloned()
                .unwrap_or_else(|| "default".into()),
            cluster: args.cluster.clone(),
        }
    } else if Source::kubeconfig_exists(args.live.kubeconfig.as_deref()) {
        Source::Live(args.live.options(&args.namespace))
    } else {
        if !args.quiet {
            eprintln!(
                "note: no kubeconfig (--kubeconfig, $KUBECONFIG, ~/.kube/config): showing the built-in demo landscape (--demo; -f PATH reads manifests)"
            );
        }
        Source::Demo
    };
    let live = matches!(source, Source::Live(_));
    let bars = crate::live::Progress::new(live && !args.quiet && std::io::stderr().is_terminal());
    let loaded =
        kubegraph_app::Landscape::load(&source, args.now.as_deref(), &mut |p| bars.show(p));
    bars.finish();
    let app = match loaded {
        Ok(app) => app,
        Err(kubegraph_app::Error::NothingLoaded { diagnostics }) => {
            if !args.quiet {
                for d in &diagnostics {
                    eprintln!("warning: {d}");
                }
            }
            return Err(kubegraph_app::Error::NothingLoaded { diagnostics }.into());
        }
        Err(e) => return Err(e.into()),
    };
    let snapshot = app.snapshot();
    if !args.quiet {
        for d in &snapshot.diagnostics {
            eprintln!("warning: {d}");
        }
        if snapshot.objects == 0 {
            if live {
                eprintln!("warning: the cluster holds no objects kubegraph could list");
            } else {
                eprintln!("warning: the input holds no Kubernetes objects");
            }
        }
    }
    Ok((
        Landscape {
            app,
            quiet: args.quiet,
        },
        source,
    ))
}
