//! `show` printed: StackState's component actions as views over the graph, each object with
//! its health (kubegraph_app::views); or the typed views as JSON.
//!
//! * `show deps TARGET [--depth N]`: everything TARGET depends on, as a tree ("Show dependencies
//!   (deep)": up to 6 levels);
//! * `show pods WORKLOAD`: the pods of a workload (through ownership) or of a service (selector);
//! * `show config POD`: the config maps, secrets, service account and volumes (claims, their
//!   volumes and classes) a pod uses, and how;
//! * `show namespace NS`: its workloads, services and ingresses, and pods.

use crate::Run;
use kubegraph_app::views::{self, Dep, Row, EXISTS};
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

pub fn run(run: &Run, args: &ShowArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::IMPACT, "show")?;
    let landscape = &run.landscape;
    let scope = run.scope();
    let color = run.color;
    let names = |rows: &[&Row], out: &mut dyn Write| -> std::io::Result<()> {
        for r in rows {
            if let Some(id) = kubegraph_app::node::by_id(&landscape.graph, &r.id) {
                writeln!(
                    out,
                    "{}",
                    kubegraph_formats::query::kubectl_name(&landscape.graph.node(id).object)
                )?;
            }
        }
        Ok(())
    };
    match &args.view {
        View::Deps { target, depth } => {
            let trees = views::deps(landscape, target, *depth, scope)?;
            match format {
                Format::Table => {
                    for (i, t) in trees.iter().enumerate() {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        print_deps(t, "", true, true, color, out)?;
                    }
                }
                Format::Name => {
                    let mut ids = Vec::new();
                    for t in &trees {
                        t.ids(&mut ids);
                    }
                    for id in ids {
                        if let Some(n) = kubegraph_app::node::by_id(&landscape.graph, &id) {
                            writeln!(
                                out,
                                "{}",
                                kubegraph_formats::query::kubectl_name(
                                    &landscape.graph.node(n).object
                                )
                            )?;
                        }
                    }
                }
                f => crate::structured(out, f, &trees)?,
            }
        }
        View::Pods { target } => {
            let view = views::pods(landscape, target, scope)?;
            match format {
                Format::Table => {
                    let n = view.pods.len();
                    writeln!(out, "{}: {n} pod{}", view.label, plural(n))?;
                    table(&view.pods, color, out)?;
                }
                Format::Name => names(&view.pods.iter().collect::<Vec<_>>(), out)?,
                f => crate::structured(out, f, &view)?,
            }
        }
        View::Config { target } => {
            let view = views::config(landscape, target, scope)?;
            match format {
                Format::Table => {
                    let n = view.config.len();
                    writeln!(out, "{}: {n} reference{}", view.label, plural(n))?;
                    table(&view.config, color, out)?;
                }
                Format::Name => names(&view.config.iter().collect::<Vec<_>>(), out)?,
                f => crate::structured(out, f, &view)?,
            }
        }
        View::Namespace { name } => {
            let view = views::namespace(landscape, name)?;
            match format {
                Format::Table => {
                    for (i, (title, rows)) in view.sections().into_iter().enumerate() {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        writeln!(out, "{title} ({})", rows.len())?;
                        table(rows, color, out)?;
                    }
                }
                Format::Name => {
                    let rows: Vec<&Row> = view
                        .sections()
                        .into_iter()
                        .flat_map(|(_, rows)| rows.iter())
                        .collect();
                    names(&rows, out)?
                }
                f => crate::structured(out, f, &view)?,
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

/// Columns kind, namespace/name, how (when any row has it), health, reason. An object with no
/// health rule that is there shows `-` and `exists`.
fn table(rows: &[Row], color: bool, out: &mut impl Write) -> std::io::Result<()> {
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
        let state = if r.reason == EXISTS {
            "-"
        } else {
            r.state.as_str()
        };
        writeln!(
            out,
            "  {:wk$}  {:wn$}  {how}{}  {}",
            r.kind,
            n,
            crate::paint::health(state, 7, color),
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
    color: bool,
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
    writeln!(
        out,
        "{branch}{via}{}  {}{reason}{note}",
        d.label,
        crate::paint::health(d.state.as_str(), 0, color)
    )?;
    for (i, c) in d.children.iter().enumerate() {
        print_deps(c, &child, i + 1 == d.children.len(), false, color, out)?;
    }
    Ok(())
}
