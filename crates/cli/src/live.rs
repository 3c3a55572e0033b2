//! The live source's flags, and a progress bar per cluster on a terminal while it syncs.

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use kubegraph_live::{ClusterProgress, ClusterState, ContextChoice, KindFilter, LiveOptions};
use std::path::PathBuf;
use std::time::Duration;

/// Where to find clusters: kubeconfig and contexts; what to read from them.
#[derive(clap::Args, Clone, Debug)]
pub struct LiveArgs {
    /// The kubeconfig (default: $KUBECONFIG, its files merged as kubectl does, else
    /// ~/.kube/config). Used when neither -f nor --demo is given.
    #[arg(
        long,
        value_name = "PATH",
        global = true,
        help_heading = "Live cluster"
    )]
    pub kubeconfig: Option<PathBuf>,
    /// A kubeconfig context to read (repeatable; default: the current context). Each context
    /// is its own cluster in the graph.
    #[arg(
        long = "context",
        value_name = "NAME",
        global = true,
        help_heading = "Live cluster"
    )]
    pub contexts: Vec<String>,
    /// Read every context of the kubeconfig.
    #[arg(
        long,
        global = true,
        conflicts_with = "contexts",
        help_heading = "Live cluster"
    )]
    pub all_contexts: bool,
    /// Only these resource types, comma-separated, as kubectl names them (`pods`, `po`, `Pod`,
    /// `deployments.apps`, `apps/Deployment`). Repeatable.
    #[arg(
        long,
        value_name = "KINDS",
        global = true,
        help_heading = "Live cluster"
    )]
    pub kinds: Vec<String>,
    /// Not these resource types (same names as --kinds). Repeatable.
    #[arg(
        long,
        value_name = "KINDS",
        global = true,
        help_heading = "Live cluster"
    )]
    pub exclude_kinds: Vec<String>,
    /// How long to wait to connect and for the initial list (`90s`, `2m`, `500ms`; a number
    /// is seconds). Kinds not listed by then are left out with a warning.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = kubegraph_model::units::parse_timeout, global = true, help_heading = "Live cluster")]
    pub timeout: Duration,
    /// Objects per list request (`limit`).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 500,
        global = true,
        help_heading = "Live cluster"
    )]
    pub page_size: u32,
    /// Events kept per cluster (the newest).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 5000,
        global = true,
        help_heading = "Live cluster"
    )]
    pub max_events: usize,
}

impl LiveArgs {
    pub fn options(&self, namespaces: &[String]) -> LiveOptions {
        LiveOptions {
            kubeconfig: self.kubeconfig.clone(),
            contexts: ContextChoice {
                names: self.contexts.clone(),
                all: self.all_contexts,
            },
            kinds: KindFilter::new(&self.kinds, &self.exclude_kinds),
            namespaces: namespaces.to_vec(),
            timeout: self.timeout,
            page_size: self.page_size.max(1),
            max_events: self.max_events,
            ..LiveOptions::default()
        }
    }
}

/// One bar per cluster: resource types listed of all, objects so far. Drawn only on a terminal.
pub struct Progress {
    bars: Option<(MultiProgress, std::cell::RefCell<Vec<ProgressBar>>)>,
}

impl Progress {
    pub fn new(enabled: bool) -> Progress {
        Progress {
            bars: enabled.then(|| (MultiProgress::new(), Default::default())),
        }
    }

    pub fn show(&self, clusters: &[ClusterProgress]) {
        let Some((multi, bars)) = &self.bars else {
            return;
        };
        let mut bars = bars.borrow_mut();
        while bars.len() < clusters.len() {
            let style =
                ProgressStyle::with_template("{prefix:.bold} [{bar:30}] {pos}/{len} kinds  {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            let bar = multi.add(ProgressBar::new(0).with_style(style));
            bar.set_prefix(clusters[bars.len()].name.clone());
            bars.push(bar);
        }
        for (bar, c) in bars.iter().zip(clusters) {
            // Nothing to count while connecting: an empty bar, not a full one.
            bar.set_length(c.watches.max(1) as u64);
            bar.set_position(c.settled as u64);
            bar.set_message(match &c.state {
                ClusterState::Connecting => "connecting".to_string(),
                ClusterState::Watching => format!("{} objects", c.objects),
                ClusterState::Failed(_) => "unreachable".to_string(),
            });
        }
    }

    pub fn finish(&self) {
        if let Some((multi, bars)) = &self.bars {
            for bar in bars.borrow().iter() {
                bar.finish_and_clear();
            }
            let _ = multi.clear();
        }
    }
}
