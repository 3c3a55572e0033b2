//! `kubegraph`: a thin binary over the library crates. Parses the command line, loads the
//! source, runs the command, and turns errors into messages and exit codes: 0 success, 1 the
//! command found what it was asked to check for (`why` found root causes, `reach` is blocked,
//! `search --exit-code` or `impact --exit-code` found something), 2 bad input (docs/cli.md).

mod connectivity;
mod impact;
mod live;
mod search;
mod serve;
mod shell;
mod source;
mod views;
mod why;

use clap::{Args, CommandFactory, Parser, Subcommand};
use kubegraph_app::Scope;
use kubegraph_formats::Format;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// `0.1.0 (abc1234)`: the version and the commit it was built from.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("KUBEGRAPH_COMMIT"),
    ")"
);

#[derive(Parser)]
#[command(
    name = "kubegraph",
    version = VERSION,
    about = "See a Kubernetes landscape as a graph",
    long_about = "See a Kubernetes landscape as a graph: relations, health, root causes, NetworkPolicy reachability, queries.\n\nSource: -f PATH (files, directories, - for stdin), --demo, or the cluster your kubeconfig points at. Exit codes: 0 success, 1 the command found what it checks for, 2 bad input (docs/cli.md).",
    max_term_width = 100
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// The options every command takes, before or after its name.
#[derive(Args, Clone, Debug)]
pub(crate) struct GlobalArgs {
    #[command(flatten)]
    pub(crate) source: SourceArgs,
    /// Show only objects of this namespace (repeatable; cluster-scoped objects are shown
    /// whatever it says, as kubectl lists them). With one namespace, targets without one
    /// (`deploy/web`, `web`) are looked up in it. Live clusters: also the namespaces to list
    /// kinds in one by one when listing them cluster-wide is forbidden.
    #[arg(
        short = 'n',
        long = "namespace",
        value_name = "NAMESPACE",
        global = true,
        help_heading = "Output"
    )]
    pub(crate) namespace: Vec<String>,
    /// Every namespace (the default).
    #[arg(
        short = 'A',
        long = "all-namespaces",
        global = true,
        conflicts_with = "namespace",
        help_heading = "Output"
    )]
    pub(crate) all_namespaces: bool,
    /// Show only objects whose labels match, as `kubectl -l` (`app=web,tier!=db`, `env in
    /// (a,b)`, `!canary`).
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        global = true,
        help_heading = "Output"
    )]
    pub(crate) selector: Option<String>,
    /// Output format: table (text, txt), wide, name, json, yaml, ndjson, csv, markdown (md),
    /// dot, mermaid, graphml, cytoscape, cypher; each command prints the ones that fit it.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FORMAT",
        global = true,
        help_heading = "Output"
    )]
    pub(crate) output: Option<String>,
    /// Tables and CSV without their header line.
    #[arg(long, global = true, help_heading = "Output")]
    pub(crate) no_headers: bool,
    /// Do not print warnings (about the input and about queries).
    #[arg(short = 'q', long, global = true, help_heading = "Output")]
    pub(crate) quiet: bool,
}

#[derive(Args, Clone, Debug)]
pub(crate) struct SourceArgs {
    /// Manifests or `kubectl get -o json|yaml` dumps: a file, a directory (recursive), or `-` for
    /// stdin. Repeatable.
    #[arg(
        short = 'f',
        long = "file",
        value_name = "PATH",
        global = true,
        help_heading = "Source"
    )]
    pub(crate) files: Vec<PathBuf>,
    /// Use the built-in demo landscape (no cluster needed).
    #[arg(long, global = true, help_heading = "Source")]
    pub(crate) demo: bool,
    /// Files: the namespace objects of namespaced kinds without one go to (as `kubectl apply
    /// -n` would put them), default `default`.
    #[arg(
        long,
        value_name = "NAMESPACE",
        global = true,
        default_value = "default",
        help_heading = "Source"
    )]
    pub(crate) default_namespace: String,
    /// Name of the cluster node for file sources (default: the single path's file name, else `files`).
    #[arg(long, value_name = "NAME", global = true, help_heading = "Source")]
    pub(crate) cluster: Option<String>,
    /// Fail (exit 2) when part of the input cannot be read and is skipped.
    #[arg(long, global = true, help_heading = "Source")]
    pub(crate) strict: bool,
    /// The time that time-dependent health rules compare against (RFC 3339, e.g.
    /// `2026-11-29T12:00:00Z`); default: the newest timestamp in a file source, the clock for a
    /// live one.
    #[arg(long, value_name = "TIME", global = true, help_heading = "Source")]
    pub(crate) now: Option<String>,
    #[command(flatten)]
    pub(crate) live: live::LiveArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Objects and edges by kind, placeholders, health, warnings. -o table|json|yaml.
    Stats,
    /// The whole graph (of -n, -l: their objects and the edges among them). -o
    /// json (default)|yaml|name|dot|mermaid|graphml|cytoscape|cypher.
    Export,
    /// Run a query (docs/query.md). -o table|wide|name|json|yaml|ndjson|csv|markdown|dot|
    /// mermaid|graphml|cytoscape; a `| format F` in the query wins.
    Search(search::SearchArgs),
    /// Objects of a type, as `kubectl get`: `get pods`, `get deploy,svc`, `get deploy web`,
    /// `get deploy/web`, `get all`. -o as search (wide: health, age, reason).
    Get(search::GetArgs),
    /// An interactive shell: each line is a query, or a command (`why`, `show`, `impact`);
    /// Tab completes, `help` shows examples. Reads lines from stdin when it is not a terminal.
    Shell,
    /// Every connection NetworkPolicies allow between workloads (netpol-analyzer's `list`
    /// format). -o table (txt)|json|yaml|csv|md|dot.
    Connectivity(connectivity::ConnectivityArgs),
    /// Can SRC reach DST, and which policy decides. Exit 1 when blocked. -o table|json|yaml.
    Reach(connectivity::ReachArgs),
    /// Why TARGET is unhealthy: the causal tree down to the root causes. Exit 1 when it has
    /// some. -o table|json|yaml.
    Why(why::WhyArgs),
    /// Component views: dependencies, pods of a workload, config and storage of a pod, a
    /// namespace. -o table|json|yaml.
    Show(views::ShowArgs),
    /// What breaks if TARGET is deleted: everything that depends on it, by kind, with the
    /// edge that makes it depend and the health it would fall to. -o table|json|yaml|name.
    Impact(impact::ImpactArgs),
    /// The web UI and the HTTP API (docs at /api/docs), with live updates; until Ctrl-C.
    /// Without a source, the built-in demo.
    Serve(serve::ServeArgs),
    /// A completion script for your shell: `kubegraph completion bash > /etc/bash_completion.d/kubegraph`.
    Completion {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// The manual page (roff): `kubegraph man > kubegraph.1; man ./kubegraph.1`.
    Man,
}

// kubegraph allocates millions of small strings and maps while loading; mimalloc is markedly
// faster than glibc's allocator at that and returns less fragmented memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A failure with its exit code: 2 for bad input (the default of every other error).
#[derive(Debug)]
pub(crate) struct Exit(pub u8);

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

impl std::error::Error for Exit {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Log lines are for people on a terminal; into a pipe or a file they carry no colour codes.
    let ansi = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KUBEGRAPH_LOG")
                // kube logs a 403 or a refused connection on every retry; the live source says
                // each once, as a warning naming the context and kind (KUBEGRAPH_LOG shows them).
                .unwrap_or_else(|_| {
                    tracing_subscriber::EnvFilter::new("warn,kube_runtime=off,kube_client=off")
                }),
        )
        .with_ansi(ansi)
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
            if let Some(Exit(code)) = e.downcast_ref::<Exit>() {
                return ExitCode::from(*code);
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// What every command runs with: the landscape, what to show of it, how to print.
pub(crate) struct Run {
    pub landscape: source::Landscape,
    /// `-n`, `-l`.
    pub scope: Scope,
    /// `-o` as given.
    pub output: Option<String>,
    /// `--no-headers`.
    pub no_headers: bool,
    /// Health in colour (stdout is a terminal, no `NO_COLOR`).
    pub color: bool,
}

impl Run {
    /// The `-o` format, one of `list`; the command's text (`table`) when not given.
    pub fn format(&self, list: &[Format], command: &str) -> anyhow::Result<Format> {
        match &self.output {
            None => Ok(Format::Table),
            Some(name) => Ok(Format::parse_for(list, name, command)?),
        }
    }

    /// `answer` in `format` (kubegraph_printer::print), health in colour on a terminal.
    pub fn print<T>(&self, out: &mut dyn Write, format: Format, answer: &T) -> std::io::Result<()>
    where
        T: kubegraph_printer::Text + serde::Serialize,
    {
        kubegraph_printer::print(out, &self.landscape.graph, format, answer, self.color)
    }

    /// The scope when it narrows anything.
    pub fn scope(&self) -> Option<&Scope> {
        (!self.scope.is_everything()).then_some(&self.scope)
    }
}

fn scope(args: &GlobalArgs) -> anyhow::Result<Scope> {
    let selector = args
        .selector
        .as_deref()
        .map(kubegraph_model::LabelSelector::parse)
        .transpose()?;
    Ok(Scope {
        namespaces: args.namespace.clone(),
        selector,
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    match &cli.command {
        Command::Completion { shell } => {
            // clap_complete panics on a write error; a closed pipe is the reader's choice.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "kubegraph", &mut script);
            stdout.lock().write_all(&script)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Man => {
            let mut out = stdout.lock();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let scope = scope(&cli.global)?;
    // The format is checked before the (maybe long) load.
    let checked = |list: &[Format], name: &str| -> anyhow::Result<()> {
        if let Some(o) = &cli.global.output {
            Format::parse_for(list, o, name)?;
        }
        Ok(())
    };
    match &cli.command {
        Command::Stats => checked(&Format::REPORT, "stats")?,
        Command::Export => checked(&Format::EXPORT, "export")?,
        Command::Search(_) | Command::Get(_) => checked(&Format::SEARCH, "search")?,
        Command::Connectivity(_) => checked(&Format::CONNECTIVITY, "connectivity")?,
        Command::Reach(_) | Command::Why(_) => checked(&Format::REPORT, "this command")?,
        Command::Show(_) | Command::Impact(_) => checked(&Format::IMPACT, "this command")?,
        _ => {}
    }
    let serving = matches!(cli.command, Command::Serve(_));
    let (landscape, source) = source::load(&cli.global, serving)?;
    if let Command::Serve(args) = &cli.command {
        return serve::run(landscape, source, cli.global.source.now.clone(), args);
    }
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut run = Run {
        landscape,
        scope,
        output: cli.global.output.clone(),
        no_headers: cli.global.no_headers,
        color,
    };
    let mut out = BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Search(args) => search::run(&run, &args, &mut out)?,
        Command::Get(args) => search::run(&run, &args.query(), &mut out)?,
        Command::Shell => shell::run(&mut run, &mut out)?,
        Command::Connectivity(args) => connectivity::connectivity(&run, &args, &mut out)?,
        Command::Reach(args) => connectivity::reach(&run, &args, &mut out)?,
        Command::Why(args) => why::run(&run, &args, &mut out)?,
        Command::Show(args) => views::run(&run, &args, &mut out)?,
        Command::Impact(args) => impact::run(&run, &args, &mut out)?,
        Command::Stats => {
            let format = run.format(&Format::REPORT, "stats")?;
            let stats = kubegraph_app::stats::stats_in(&run.landscape, run.scope());
            run.print(&mut out, format, &stats)?;
            ExitCode::SUCCESS
        }
        Command::Export => {
            let format = match &run.output {
                None => Format::Json,
                Some(_) => run.format(&Format::EXPORT, "export")?,
            };
            match run.scope() {
                None => kubegraph_formats::export(&run.landscape.graph, format, &mut out)?,
                Some(s) => {
                    let graph = &run.landscape.graph;
                    let nodes: Vec<_> = graph
                        .nodes()
                        .map(|(id, _)| id)
                        .filter(|&id| s.contains(graph, id))
                        .collect();
                    kubegraph_formats::export::export_nodes(graph, &nodes, format, &mut out)?
                }
            }
            ExitCode::SUCCESS
        }
        Command::Serve(_) | Command::Completion { .. } | Command::Man => {
            unreachable!("handled above")
        }
    };
    out.flush()?;
    // The process ends here: freeing a million-object graph piece by piece would only delay it.
    std::mem::forget(run);
    Ok(code)
}
