//! `show`: StackState-style component views (work in progress, issue 5).

use crate::source::Landscape;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {}

pub fn run(
    _landscape: &Landscape,
    _args: &ShowArgs,
    _out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("show: not built yet")
}
