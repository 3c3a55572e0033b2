//! `impact TARGET`: what breaks if TARGET is deleted (kubegraph_app::impact), by kind, each
//! dependent with the edge that makes it depend and the health it would fall to.

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

pub fn run(run: &Run, args: &ImpactArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::IMPACT, "impact")?;
    let answer = impact(&run.landscape, &args.target, run.scope())?;
    let code = if args.exit_code && answer.total > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    run.print(out, format, &answer)?;
    Ok(code)
}
