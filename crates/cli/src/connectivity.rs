//! `connectivity` and `reach` printed: NetworkPolicy reachability (kubegraph_app::reach,
//! docs/netpol.md).

use crate::source::Landscape;
use crate::Run;
use kubegraph_app::reach::{self, ReachError};
use kubegraph_formats::Format;
use std::io::Write;
use std::process::ExitCode;

/// What to leave out of the analysis (by default nothing, as netpol-analyzer).
#[derive(clap::Args, Debug, Default)]
pub struct PeerArgs {
    /// Leave out workloads that run in the host network (`hostNetwork: true`).
    #[arg(long)]
    pub exclude_host_network: bool,
    /// Leave out pods whose phase is Succeeded or Failed.
    #[arg(long)]
    pub exclude_finished_pods: bool,
}

impl PeerArgs {
    fn options(&self) -> reach::Options {
        reach::Options {
            exclude_host_network: self.exclude_host_network,
            exclude_finished: self.exclude_finished_pods,
        }
    }
}

/// Arguments of `kubegraph connectivity` (`-o txt`, the default, is netpol-analyzer's `list`
/// output, line for line).
#[derive(clap::Args, Debug)]
pub struct ConnectivityArgs {
    #[command(flatten)]
    pub peers: PeerArgs,
}

/// Arguments of `kubegraph reach`.
#[derive(clap::Args, Debug)]
pub struct ReachArgs {
    /// The source: `namespace/name`, `namespace/name[Kind]` (a workload or a pod of one),
    /// `name` (in the namespace of -n, or unique), a pod's IP (that pod), another IPv4 address
    /// or CIDR, or `{ingress-controller}`.
    pub src: String,
    /// The destination, written like the source.
    pub dst: String,
    /// Only this port: `80`, `80/TCP`, `53/UDP` (protocol defaults to TCP).
    #[arg(long, value_name = "PORT[/PROTOCOL]")]
    pub port: Option<String>,
    #[command(flatten)]
    pub peers: PeerArgs,
}

fn warn(landscape: &Landscape, warnings: &[String]) {
    if !landscape.quiet {
        for w in warnings {
            eprintln!("warning: {w}");
        }
    }
}

pub fn connectivity(
    run: &Run,
    args: &ConnectivityArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::CONNECTIVITY, "connectivity")?;
    let landscape = &run.landscape;
    let (listing, warnings) =
        reach::connectivity_in(landscape, args.peers.options(), &run.scope.namespaces)?;
    warn(landscape, &warnings);
    kubegraph_formats::connectivity::write(&listing, format, out)?;
    Ok(ExitCode::SUCCESS)
}

/// A peer without a namespace (`web`) in the one namespace of `-n`.
fn in_namespace(run: &Run, peer: &str) -> String {
    let bare = !peer.contains('/')
        && !peer.starts_with('{')
        && !peer.starts_with(|c: char| c.is_ascii_digit());
    match run.scope.namespaces.as_slice() {
        [ns] if bare => format!("{ns}/{peer}"),
        _ => peer.to_string(),
    }
}

/// Exit 0 when every (source, destination) pair is allowed (on `--port`, or on some port),
/// 1 when any is blocked.
pub fn reach(run: &Run, args: &ReachArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = run.format(&Format::REPORT, "reach")?;
    let landscape = &run.landscape;
    // The analysis's warnings come before a peer's error, as they always have.
    if let Some(p) = &args.port {
        reach::parse_port(p).map_err(|e| anyhow::anyhow!("--port {e}"))?;
    }
    let answer = match reach::reach(
        landscape,
        &in_namespace(run, &args.src),
        &in_namespace(run, &args.dst),
        args.port.as_deref(),
        args.peers.options(),
    ) {
        Ok(r) => r,
        Err(e @ (ReachError::Peer { .. } | ReachError::Same(..))) => {
            warn(
                landscape,
                &reach::analyse(landscape, args.peers.options())?.warnings,
            );
            return Err(e.into());
        }
        Err(e) => return Err(e.into()),
    };
    warn(landscape, &answer.warnings);
    if !landscape.quiet {
        for n in &answer.notes {
            eprintln!("note: {n}");
        }
    }
    let code = if answer.allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    run.print(out, format, &answer)?;
    Ok(code)
}
