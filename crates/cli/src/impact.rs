//! `impact TARGET` printed: what breaks if TARGET is deleted (kubegraph_app::impact), by kind,
//! each dependent with the edge that makes it depend and the health it would fall to.

use crate::Run;
use kubegraph_app::impact::impact;
use kubegraph_formats::Format;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph impact`.
#[derive(clap::Args, Debug)]
pub struct ImpactArgs {
    /// The object to delete: `kind/namespace/name`, `namespace/name` (a pod), `kind/name`, or
    /// a query selecting one object.
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// Exit 1 when something depends on TARGET, 0 when nothing does.
    #[arg(long)]
    pub exit_code: bool,
}

pub fn run(run: &Run, args: &ImpactArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::IMPACT, "impact")?;
    let answer = impact(&run.landscape, &args.target, run.scope())?;
    let code = if args.exit_code && answer.total > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match format {
        Format::Table => {}
        Format::Name => {
            for g in &answer.groups {
                for i in &g.items {
                    if let Some(id) = kubegraph_app::node::by_id(&run.landscape.graph, &i.node.id) {
                        let o = &run.landscape.graph.node(id).object;
                        writeln!(out, "{}", kubegraph_formats::query::kubectl_name(o))?;
                    }
                }
            }
            return Ok(code);
        }
        f => {
            crate::structured(out, f, &answer)?;
            return Ok(code);
        }
    }
    if answer.total == 0 {
        writeln!(out, "{}: nothing depends on it", answer.label)?;
        return Ok(code);
    }
    writeln!(
        out,
        "{}: {} object{} depend{} on it",
        answer.label,
        answer.total,
        if answer.total == 1 { "" } else { "s" },
        if answer.total == 1 { "s" } else { "" }
    )?;
    for g in &answer.groups {
        writeln!(out, "\n{} ({})", g.kind, g.items.len())?;
        let name = |i: &kubegraph_app::impact::ImpactItem| match &i.node.namespace {
            Some(ns) => format!("{ns}/{}", i.node.name),
            None => i.node.name.clone(),
        };
        let wn = g.items.iter().map(|i| name(i).len()).max().unwrap_or(0);
        for i in &g.items {
            writeln!(
                out,
                "  {:wn$}  {}  {} {}  (now {})",
                name(i),
                crate::paint::health(i.falls_to.as_str(), 7, run.color),
                i.via,
                i.on,
                i.now
            )?;
        }
    }
    Ok(code)
}
