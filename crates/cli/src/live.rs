//! The live source in the CLI: options, the initial sync (with a progress bar per cluster on a
//! terminal), and the session the shell keeps to see later changes.

use crate::source::Landscape;
use crate::SourceArgs;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use kubegraph_live::{
    ClusterProgress, ClusterState, ContextChoice, KindFilter, Live, LiveOptions, Snapshot,
};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Where to find clusters: kubeconfig and contexts; what to read from them.
#[derive(clap::Args, Clone, Debug)]
pub struct LiveArgs {
    /// The kubeconfig (default: $KUBECONFIG, its files merged as kubectl does, else
    /// ~/.kube/config). Used when neither -f nor --demo is given.
    #[arg(long, value_name = "PATH", global = true)]
    pub kubeconfig: Option<PathBuf>,
    /// A kubeconfig context to read (repeatable; default: the current context). Each context
    /// is its own cluster in the graph.
    #[arg(long = "context", value_name = "NAME", global = true)]
    pub contexts: Vec<String>,
    /// Read every context of the kubeconfig.
    #[arg(long, global = true, conflicts_with = "contexts")]
    pub all_contexts: bool,
    /// Only these resource types, comma-separated, as kubectl names them (`pods`, `po`, `Pod`,
    /// `deployments.apps`, `apps/Deployment`). Repeatable.
    #[arg(long, value_name = "KINDS", global = true)]
    pub kinds: Vec<String>,
    /// Not these resource types (same names as --kinds). Repeatable.
    #[arg(long, value_name = "KINDS", global = true)]
    pub exclude_kinds: Vec<String>,
    /// How long to wait to connect and for the initial list (`90s`, `2m`, `500ms`; a number
    /// is seconds). Kinds not listed by then are left out with a warning.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration, global = true)]
    pub timeout: Duration,
    /// Objects per list request (`limit`).
    #[arg(long, value_name = "N", default_value_t = 500, global = true)]
    pub page_size: u32,
    /// Events kept per cluster (the newest).
    #[arg(long, value_name = "N", default_value_t = 5000, global = true)]
    pub max_events: usize,
}

impl LiveArgs {
    fn options(&self, namespaces: &[String]) -> LiveOptions {
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

/// `30`, `30s`, `500ms`, `2m`, `1h`.
fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: f64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a duration (e.g. 30s, 2m, 500ms)"))?;
    let secs = match unit {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        _ => {
            return Err(format!(
                "unknown unit {unit:?} in {s:?} (use ms, s, m or h)"
            ))
        }
    };
    Duration::try_from_secs_f64(secs).map_err(|e| format!("{s:?}: {e}"))
}

/// A live source kept running after the initial sync, so the shell can show later changes.
pub struct LiveSession {
    // Dropped first: its tasks are aborted before the runtime shuts down.
    live: Live,
    /// The graph kept current in place, once the shell asks for it (one-shot commands never
    /// pay for keeping it).
    published: OnceLock<tokio::sync::watch::Receiver<Option<Arc<Snapshot>>>>,
    runtime: tokio::runtime::Runtime,
}

impl LiveSession {
    /// The store's version now: different from a graph's version when something changed.
    pub fn version(&self) -> u64 {
        self.live.version()
    }

    /// From now on, keeps a graph current in place as changes come (for the shell), so that
    /// [`LiveSession::landscape`] costs a copy rather than a build.
    pub fn keep_current(&self) {
        self.published.get_or_init(|| {
            let _guard = self.runtime.enter();
            self.live.publish(Duration::from_millis(50))
        });
    }

    /// The graph as it is now, with the warnings said since the last call: the kept-current
    /// one once it has caught up with the store (if [`LiveSession::keep_current`] was called
    /// and it catches up within a few seconds), else one built now.
    pub fn landscape(&self, now: Option<String>) -> Landscape {
        let _guard = self.runtime.enter();
        let wanted = self.live.version();
        let kept = self.published.get().and_then(|published| {
            let mut published = published.clone();
            self.runtime.block_on(async {
                let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
                loop {
                    let s = published.borrow_and_update().clone();
                    if let Some(s) = s.filter(|s| s.version >= wanted) {
                        return Some(s);
                    }
                    if tokio::time::timeout_at(deadline, published.changed())
                        .await
                        .is_err()
                    {
                        return None;
                    }
                }
            })
        });
        let snapshot = match kept {
            Some(s) => Snapshot {
                graph: s.graph.clone(),
                version: s.version,
                objects: s.objects,
            },
            None => self.live.snapshot(),
        };
        Landscape {
            graph: snapshot.graph,
            diagnostics: self.live.take_warnings(),
            files: 0,
            objects: snapshot.objects,
            now,
            live: None,
            version: snapshot.version,
            quiet: false,
        }
    }
}

/// Connects to the chosen contexts, lists everything, and builds the graph.
pub fn load(args: &SourceArgs) -> anyhow::Result<Landscape> {
    let options = args.live.options(&args.namespace);
    let timeout = args.live.timeout;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let live = runtime.block_on(Live::start(options))?;
    let progress = Progress::new(!args.quiet && std::io::stderr().is_terminal());
    let synced = runtime.block_on(async {
        let sync = live.sync(timeout);
        tokio::pin!(sync);
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tokio::select! {
                r = &mut sync => break r,
                _ = tick.tick() => progress.show(&live.progress()),
            }
        }
    });
    progress.finish(&live.progress());
    synced?;
    let session = LiveSession {
        live,
        published: OnceLock::new(),
        runtime,
    };
    let mut landscape = session.landscape(args.now.clone());
    if !args.quiet {
        for d in &landscape.diagnostics {
            eprintln!("warning: {d}");
        }
    }
    if landscape.objects == 0 && !args.quiet {
        eprintln!("warning: the cluster holds no objects kubegraph could list");
    }
    landscape.live = Some(session);
    landscape.quiet = args.quiet;
    Ok(landscape)
}

/// One bar per cluster: resource types listed of all, objects so far. Drawn only on a terminal.
struct Progress {
    bars: Option<(MultiProgress, std::cell::RefCell<Vec<ProgressBar>>)>,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        Progress {
            bars: enabled.then(|| (MultiProgress::new(), Default::default())),
        }
    }

    fn show(&self, clusters: &[ClusterProgress]) {
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

    fn finish(&self, clusters: &[ClusterProgress]) {
        self.show(clusters);
        if let Some((multi, bars)) = &self.bars {
            for bar in bars.borrow().iter() {
                bar.finish_and_clear();
            }
            let _ = multi.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("soon")
            .unwrap_err()
            .contains("not a duration"));
        assert!(parse_duration("3d").unwrap_err().contains("unknown unit"));
    }
}
