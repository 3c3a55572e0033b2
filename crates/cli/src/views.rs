//! `show`: StackState's component actions as views over the graph, each object with
//! its health (kubegraph_app::views, printed by kubegraph_printer).
//!
//! * `show deps TARGET [--depth N]`: everything TARGET depends on, as a tree ("Show dependencies
//!   (deep)": up to 6 levels);
//! * `show pods WORKLOAD`: the pods of a workload (through ownership) or of a service (selector);
//! * `show config POD`: the config maps, secrets, service account and volumes (claims, their
//!   volumes and classes) a pod uses, and how;
//! * `show namespace NS`: its workloads, services and ingresses, and pods.

use crate::Run;
use kubegraph_app::views;
use kubegraph_formats::Format;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(subcommand)]
    pub view: View,
}

#[derive(clap::Subcommand, Debug)]
pub enum View {
    /// Everything TARGET depends on, as a tree (owners through their dependents).
    Deps {
        /// `kind/namespace/name`, `namespace/name` (a pod), `kind/name`, or a query.
        #[arg(value_name = "TARGET")]
        target: String,
        /// How many levels to follow.
        #[arg(long, default_value_t = 6)]
        depth: usize,
    },
    /// The pods of a workload (through ownership) or of a service (through its selector).
    Pods {
        #[arg(value_name = "WORKLOAD")]
        target: String,
    },
    /// The config maps, secrets, service account, volumes and claims a pod uses.
    Config {
        #[arg(value_name = "POD")]
        target: String,
    },
    /// The workloads, services and pods of a namespace, with their health.
    Namespace {
        #[arg(value_name = "NAMESPACE")]
        name: String,
    },
}

pub fn run(run: &Run, args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::IMPACT, "show")?;
    let (landscape, scope) = (&run.landscape, run.scope());
    match &args.view {
        View::Deps { target, depth } => {
            run.print(out, format, &views::deps(landscape, target, *depth, scope)?)?
        }
        View::Pods { target } => run.print(out, format, &views::pods(landscape, target, scope)?)?,
        View::Config { target } => {
            run.print(out, format, &views::config(landscape, target, scope)?)?
        }
        View::Namespace { name } => run.print(out, format, &views::namespace(landscape, name)?)?,
    }
    Ok(ExitCode::SUCCESS)
}
