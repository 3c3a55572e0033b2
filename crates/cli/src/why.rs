//! `why TARGET`: the causal tree from an unhealthy object down to its root causes, and what to
//! fix (printed by kubegraph_printer).

use crate::Run;
use kubegraph_app::why::why_in;
use kubegraph_formats::Format;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph why`.
#[derive(clap::Args, Debug)]
pub struct WhyArgs {
    /// What to explain: `kind/namespace/name`, `namespace/name` (a pod), `kind/name` (a
    /// cluster-scoped object, or a unique name), a namespace, or a query (`is(pod) and health
    /// = error`).
    #[arg(value_name = "TARGET")]
    pub target: String,
}

/// Exit 1 when something the target names is unhealthy (the answer has root causes), 0 when
/// all is well.
pub fn run(run: &Run, args: &WhyArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::REPORT, "why")?;
    let report = why_in(&run.landscape, &args.target, run.scope())?;
    let sick_any = report.explanations.iter().any(|e| !e.healthy);
    let code = if sick_any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    run.print(out, format, &report)?;
    Ok(code)
}
