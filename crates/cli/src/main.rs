//! `kubegraph`: a thin binary over the library crates. Parses the command line, loads the
//! source, runs the command, and turns errors into messages and exit codes
//! (0 success, 2 bad input).

mod connectivity;
mod live;
mod search;
mod serve;
mod shell;
mod source;
mod stats;
mod views;
mod why;

use clap::{Args, Parser, Subcommand};
use kubegraph_formats::Format;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kubegraph",
    version,
    about = "See a Kubernetes landscape as a graph",
    max_term_width = 100
)]
struct Cli {
    #[command(flatten)]
    source: SourceArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Debug)]
pub(crate) struct SourceArgs {
    /// Manifests or `kubectl get -o json|yaml` dumps: a file, a directory (recursive), or `-` for
    /// stdin. Repeatable.
    #[arg(short = 'f', long = "file", value_name = "PATH", global = true)]
    pub(crate) files: Vec<PathBuf>,
    /// Use the built-in demo landscape (no cluster needed).
    #[arg(long, global = true)]
    pub(crate) demo: bool,
    /// Files: the namespace for objects of namespaced kinds that have none. Live clusters: a
    /// namespace to list kinds in one by one when listing them cluster-wide is forbidden
    /// (repeatable).
    #[arg(
        short = 'n',
        long = "namespace",
        value_name = "NAMESPACE",
        global = true
    )]
    pub(crate) namespace: Vec<String>,
    /// Name of the cluster node for file sources (default: the single path's file name, else `files`).
    #[arg(long, value_name = "NAME", global = true)]
    pub(crate) cluster: Option<String>,
    /// Do not print warnings about the input.
    #[arg(short = 'q', long, global = true)]
    pub(crate) quiet: bool,
    /// The time that time-dependent health rules compare against (RFC 3339, e.g.
    /// `2026-11-29T12:00:00Z`); default: the newest timestamp in a file source, the clock for a
    /// live one.
    #[arg(long, value_name = "TIME", global = true)]
    pub(crate) now: Option<String>,
    #[command(flatten)]
    pub(crate) live: live::LiveArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Objects and edges by kind, placeholders, warnings.
    Stats {
        /// Output format.
        #[arg(short = 'o', long = "output", default_value = "text", value_parser = ["text", "json"])]
        output: String,
    },
    /// The whole graph.
    Export {
        /// Output format.
        #[arg(short = 'o', long = "output", value_name = "FORMAT", value_parser = Format::names(&Format::EXPORT))]
        output: String,
    },
    /// Run a query (docs/query.md): nodes, `list`, `aggregate` and `dump` in any `-o` format;
    /// `count` as text.
    Search {
        /// The query, e.g. `is(pod) and namespace = shop | count ancestors.node.name`.
        query: String,
        /// Output format (default table; `dump`: yaml). A `| format F` in the query wins.
        #[arg(short = 'o', long = "output", value_name = "FORMAT", value_parser = Format::names(&Format::SEARCH))]
        output: Option<String>,
    },
    /// An interactive shell: each line is a search query; Tab completes, `help` shows examples.
    /// Reads queries from stdin when it is not a terminal.
    Shell,
    /// Every connection NetworkPolicies allow between workloads (netpol-analyzer's `list` format).
    Connectivity(connectivity::ConnectivityArgs),
    /// Can SRC reach DST, and which policy decides.
    Reach(connectivity::ReachArgs),
    /// Why TARGET is unhealthy: the causal tree down to the root causes.
    Why(why::WhyArgs),
    /// Component views: dependencies, pods of a workload, config and storage of a pod, a namespace.
    Show(views::ShowArgs),
    /// The web UI and the HTTP API (docs at /api/docs), with live updates; until Ctrl-C.
    Serve(serve::ServeArgs),
}

// kubegraph allocates millions of small strings and maps while loading; mimalloc is markedly
// faster than glibc's allocator at that and returns less fragmented memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KUBEGRAPH_LOG")
                // kube logs a 403 or a refused connection on every retry; the live source says
                // each once, as a warning naming the context and kind (KUBEGRAPH_LOG shows them).
                .unwrap_or_else(|_| {
                    tracing_subscriber::EnvFilter::new("warn,kube_runtime=off,kube_client=off")
                }),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`kubegraph export -o json | head`) is the reader's choice, not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (mut landscape, source) = source::load(&cli.source)?;
    if let Command::Serve(args) = &cli.command {
        return serve::run(landscape, source, cli.source.now.clone(), args);
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut code = ExitCode::SUCCESS;
    match cli.command {
        Command::Search { query, output } => {
            let format = output.and_then(|o| Format::lookup(&Format::SEARCH, &o));
            code = search::run(&landscape, &query, format, &mut out)?;
        }
        Command::Shell => code = shell::run(&mut landscape, &mut out)?,
        Command::Connectivity(args) => {
            code = connectivity::connectivity(&landscape, &args, &mut out)?
        }
        Command::Reach(args) => code = connectivity::reach(&landscape, &args, &mut out)?,
        Command::Why(args) => code = why::run(&landscape, &args, &mut out)?,
        Command::Show(args) => code = views::run(&landscape, &args, &mut out)?,
        Command::Serve(_) => unreachable!("served above"),
        Command::Stats { output } => stats::print(&landscape, output == "json", &mut out)?,
        Command::Export { output } => {
            let format = Format::lookup(&Format::EXPORT, &output).ok_or_else(|| {
                anyhow::anyhow!(
                    "unknown format `{output}` (expected one of: {})",
                    Format::names(&Format::EXPORT).join(", ")
                )
            })?;
            kubegraph_formats::export(&landscape.graph, format, &mut out)?;
        }
    }
    out.flush()?;
    // The process ends here: freeing a million-object graph piece by piece would only delay it.
    std::mem::forget(landscape);
    Ok(code)
}

/// A typed answer as JSON, pretty and with sorted keys (through `serde_json::Value`), ending in
/// a newline.
fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    let value = serde_json::to_value(value).map_err(std::io::Error::other)?;
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
