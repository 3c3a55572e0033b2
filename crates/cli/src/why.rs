//! `why`: root cause of an unhealthy object (work in progress, issue 5).

use crate::source::Landscape;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph why`.
#[derive(clap::Args, Debug)]
pub struct WhyArgs {}

pub fn run(
    _landscape: &Landscape,
    _args: &WhyArgs,
    _out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("why: not built yet")
}
