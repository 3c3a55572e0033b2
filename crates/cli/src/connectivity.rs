//! `connectivity` and `reach`: NetworkPolicy reachability (work in progress, issue 6).

use crate::source::Landscape;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph connectivity`.
#[derive(clap::Args, Debug)]
pub struct ConnectivityArgs {}

/// Arguments of `kubegraph reach`.
#[derive(clap::Args, Debug)]
pub struct ReachArgs {}

pub fn connectivity(
    _landscape: &Landscape,
    _args: &ConnectivityArgs,
    _out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("connectivity: not built yet")
}

pub fn reach(
    _landscape: &Landscape,
    _args: &ReachArgs,
    _out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("reach: not built yet")
}
