//! `connectivity` and `reach` printed: NetworkPolicy reachability (kubegraph_app::reach,
//! docs/netpol.md).

use crate::source::Landscape;
use anyhow::Context;
use kubegraph_app::reach::{self, Pair, ReachError, SideReport};
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

/// Arguments of `kubegraph connectivity`.
#[derive(clap::Args, Debug)]
pub struct ConnectivityArgs {
    /// Output format: `txt` is netpol-analyzer's `list` output, line for line.
    #[arg(short = 'o', long = "output", default_value = "txt", value_parser = Format::names(&Format::CONNECTIVITY))]
    pub output: String,
    #[command(flatten)]
    pub peers: PeerArgs,
}

/// Arguments of `kubegraph reach`.
#[derive(clap::Args, Debug)]
pub struct ReachArgs {
    /// The source: `namespace/name`, `namespace/name[Kind]` (a workload or a pod of one), an
    /// IPv4 address or CIDR, or `{ingress-controller}`.
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
    landscape: &Landscape,
    args: &ConnectivityArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format = Format::lookup(&Format::CONNECTIVITY, &args.output)
        .with_context(|| format!("unknown format `{}`", args.output))?;
    let (listing, warnings) = reach::connectivity(landscape, args.peers.options())?;
    warn(landscape, &warnings);
    kubegraph_formats::connectivity::write(&listing, format, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Exit 0 when every (source, destination) pair is allowed (on `--port`, or on some port),
/// 1 when any is blocked.
pub fn reach(
    landscape: &Landscape,
    args: &ReachArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    // The analysis's warnings come before a peer's error, as they always have.
    if let Some(p) = &args.port {
        reach::parse_port(p).map_err(|e| anyhow::anyhow!("--port {e}"))?;
    }
    let answer = match reach::reach(
        landscape,
        &args.src,
        &args.dst,
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
    for (i, p) in answer.pairs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_pair(p, out)?;
    }
    Ok(if answer.allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_pair(p: &Pair, out: &mut impl Write) -> std::io::Result<()> {
    let verdict = if p.allowed { "allowed" } else { "blocked" };
    writeln!(out, "{} => {} on {}: {verdict}", p.src, p.dst, p.on)?;
    writeln!(out, "  allowed connections: {}", p.connections)?;
    side(
        out,
        &format!("egress of {}", p.src),
        &p.egress,
        "egress",
        &p.on,
    )?;
    side(
        out,
        &format!("ingress of {}", p.dst),
        &p.ingress,
        "ingress",
        &p.on,
    )?;
    if let Some(routes) = &p.routes {
        if routes.is_empty() {
            writeln!(out, "  routes: no Ingress routes to {}", p.dst)?;
        }
        for r in routes {
            writeln!(out, "  routed by {}: {}", r.via, r.connections)?;
        }
    }
    Ok(())
}

fn side(
    out: &mut impl Write,
    title: &str,
    s: &SideReport,
    direction: &str,
    on: &str,
) -> std::io::Result<()> {
    match s {
        SideReport::Outside { why } => writeln!(out, "  {title}: no policy applies ({why})"),
        SideReport::Open => writeln!(
            out,
            "  {title}: no policy selects it for {direction} (default allow)"
        ),
        SideReport::Selected {
            policies,
            admitted,
            elsewhere,
        } => {
            writeln!(
                out,
                "  {title}: selected for {direction} by {}",
                policies.join(", ")
            )?;
            if admitted.is_empty() {
                let on = if on == "any port" {
                    String::new()
                } else {
                    format!(" on {on}")
                };
                writeln!(out, "    no rule admits this peer{on}")?;
                // Rules that admit the peer on other ports say why a port is refused.
                for a in elsewhere {
                    writeln!(
                        out,
                        "    ({} {direction} rule #{} admits only {})",
                        a.policy, a.rule, a.connections
                    )?;
                }
            }
            for a in admitted {
                writeln!(
                    out,
                    "    admitted by {} {direction} rule #{}: {}",
                    a.policy, a.rule, a.connections
                )?;
            }
            Ok(())
        }
    }
}
