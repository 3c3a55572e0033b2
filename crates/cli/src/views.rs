//! `show` printed: StackState's component actions as views over the graph, each object with
//! its health (kubegraph_app::views); or the typed views as JSON.
//!
//! * `show deps TARGET [--depth 6]`: everything TARGET depends on, as a tree ("Show dependencies
//!   (deep)": up to 6 levels);
//! * `show pods WORKLOAD`: the pods of a workload (through ownership) or of a service (selector);
//! * `show config POD`: the config maps, secrets, service account and volumes (claims, their
//!   volumes and classes) a pod uses, and how;
//! * `show namespace NS`: its workloads, services and ingresses, and pods.

use crate::source::Landscape;
use kubegraph_app::views::{self, Dep, Row};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(subcommand)]
    pub view: View,
    /// Output format.
    #[arg(short = 'o', long = "output", default_value = "text", value_parser = ["text", "json"], global = true)]
    pub output: String,
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

pub fn run(
    landscape: &Landscape,
    args: &ShowArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let as_json = args.output == "json";
    match &args.view {
        View::Deps { target, depth } => {
            let trees = views::deps(landscape, target, *depth)?;
            if as_json {
                crate::json(out, &trees)?;
            } else {
                for (i, t) in trees.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    print_deps(t, "", true, true, out)?;
                }
            }
        }
        View::Pods { target } => {
            let view = views::pods(landscape, target)?;
            if as_json {
                crate::json(out, &view)?;
            } else {
                let n = view.pods.len();
                writeln!(out, "{}: {n} pod{}", view.label, plural(n))?;
                table(&view.pods, out)?;
            }
        }
        View::Config { target } => {
            let view = views::config(landscape, target)?;
            if as_json {
                crate::json(out, &view)?;
            } else {
                let n = view.config.len();
                writeln!(out, "{}: {n} reference{}", view.label, plural(n))?;
                table(&view.config, out)?;
            }
        }
        View::Namespace { name } => {
            let view = views::namespace(landscape, name)?;
            if as_json {
                crate::json(out, &view)?;
            } else {
                for (i, (title, rows)) in view.sections().into_iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "{title} ({})", rows.len())?;
                    table(rows, out)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Columns kind, namespace/name, how (when any row has it), health, reason.
fn table(rows: &[Row], out: &mut impl Write) -> std::io::Result<()> {
    let show_how = rows.iter().any(|r| !r.how.is_empty());
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let n = match &r.namespace {
                Some(ns) => format!("{ns}/{}", r.name),
                None => r.name.clone(),
            };
            if r.missing {
                format!("{n} (missing)")
            } else {
                n
            }
        })
        .collect();
    let wk = rows.iter().map(|r| r.kind.len()).max().unwrap_or(0).max(4);
    let wn = names.iter().map(|n| n.len()).max().unwrap_or(0).max(4);
    let wh = rows.iter().map(|r| r.how.len()).max().unwrap_or(0).max(3);
    for (r, n) in rows.iter().zip(&names) {
        let how = if show_how {
            format!("{:wh$}  ", r.how)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:wk$}  {:wn$}  {how}{:7}  {}",
            r.kind,
            n,
            r.state.as_str(),
            r.reason
        )?;
    }
    Ok(())
}

fn print_deps(
    d: &Dep,
    prefix: &str,
    last: bool,
    top: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (branch, child) = if top {
        (String::new(), String::new())
    } else if last {
        (format!("{prefix}└─ "), format!("{prefix}   "))
    } else {
        (format!("{prefix}├─ "), format!("{prefix}│  "))
    };
    let via = d.via.map(|v| format!("{v} ")).unwrap_or_default();
    let mut notes: Vec<String> = d.note.iter().map(|n| n.to_string()).collect();
    if !d.also.is_empty() {
        notes.push(format!("{} more shown elsewhere", d.also.len()));
    }
    let note = if notes.is_empty() {
        String::new()
    } else {
        format!("  ({})", notes.join("; "))
    };
    // "no health rule for ConfigMap" says nothing a reader needs in a tree of dependencies.
    let reason = if d.reason.starts_with("no health rule") {
        String::new()
    } else {
        format!(": {}", d.reason)
    };
    writeln!(out, "{branch}{via}{}  {}{reason}{note}", d.label, d.state)?;
    for (i, c) in d.children.iter().enumerate() {
        print_deps(c, &child, i + 1 == d.children.len(), false, out)?;
    }
    Ok(())
}
