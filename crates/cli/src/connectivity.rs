//! `connectivity` and `reach`: NetworkPolicy reachability (issue 6, docs/netpol.md).

use crate::source::Landscape;
use anyhow::Context;
use kubegraph_netpol::output::{self, Format};
use kubegraph_netpol::{Analysis, Explanation, Options, Protocol, Side};
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
    fn options(&self) -> Options {
        Options {
            exclude_host_network: self.exclude_host_network,
            exclude_finished: self.exclude_finished_pods,
        }
    }
}

/// Arguments of `kubegraph connectivity`.
#[derive(clap::Args, Debug)]
pub struct ConnectivityArgs {
    /// Output format: `txt` is netpol-analyzer's `list` output, line for line.
    #[arg(short = 'o', long = "output", default_value = "txt", value_parser = Format::NAMES)]
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

fn analyse(landscape: &Landscape, peers: &PeerArgs) -> anyhow::Result<Analysis> {
    let analysis = Analysis::from_graph_with(&landscape.graph, peers.options())
        .context("the NetworkPolicies cannot be analysed")?;
    if landscape.quiet {
        return Ok(analysis);
    }
    for w in analysis.warnings.iter().chain(&analysis.notes()) {
        eprintln!("warning: {w}");
    }
    Ok(analysis)
}

pub fn connectivity(
    landscape: &Landscape,
    args: &ConnectivityArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format =
        Format::parse(&args.output).with_context(|| format!("unknown format `{}`", args.output))?;
    let analysis = analyse(landscape, &args.peers)?;
    let listing = analysis.connectivity();
    output::write(&listing, format, out)?;
    Ok(ExitCode::SUCCESS)
}

/// `80`, `80/TCP`, `udp/53` → (protocol, port).
fn parse_port(text: &str) -> anyhow::Result<(Protocol, u16)> {
    let bad = || {
        anyhow::anyhow!("--port `{text}`: write a port number with an optional protocol, e.g. 80, 80/TCP, 53/UDP")
    };
    let (a, b) = match text.split_once('/') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (text.trim(), None),
    };
    let (port, protocol) = match (a.parse::<u16>(), b) {
        (Ok(p), None) => (p, "TCP"),
        (Ok(p), Some(proto)) => (p, proto),
        (Err(_), Some(num)) => (num.parse::<u16>().map_err(|_| bad())?, a),
        (Err(_), None) => return Err(bad()),
    };
    if port == 0 {
        return Err(bad());
    }
    let protocol = Protocol::parse(protocol).ok_or_else(bad)?;
    Ok((protocol, port))
}

/// Exit 0 when every (source, destination) pair is allowed (on `--port`, or on some port),
/// 1 when any is blocked.
pub fn reach(
    landscape: &Landscape,
    args: &ReachArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let port = args.port.as_deref().map(parse_port).transpose()?;
    let analysis = analyse(landscape, &args.peers)?;
    let sources = resolve(&analysis, &args.src)?;
    let destinations = resolve(&analysis, &args.dst)?;
    let mut all_allowed = true;
    let mut first = true;
    for s in &sources {
        for d in &destinations {
            if s == d {
                continue;
            }
            if !first {
                writeln!(out)?;
            }
            first = false;
            let e = analysis.explain(s, d);
            all_allowed &= print_explanation(&e, port, out)?;
        }
    }
    if first {
        anyhow::bail!("`{}` and `{}` name the same peer", args.src, args.dst);
    }
    Ok(if all_allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints one explanation; returns whether the connection is allowed.
fn print_explanation(
    e: &Explanation,
    port: Option<(Protocol, u16)>,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let (allowed, what) = match port {
        Some((p, n)) => (e.allowed.contains(p, n), format!("{p} {n}")),
        None => (!e.allowed.is_empty(), "any port".to_string()),
    };
    writeln!(
        out,
        "{} => {} on {what}: {}",
        e.src,
        e.dst,
        if allowed { "allowed" } else { "blocked" }
    )?;
    writeln!(out, "  allowed connections: {}", e.allowed)?;
    side(
        out,
        &format!("egress of {}", e.src),
        &e.egress,
        "egress",
        port,
    )?;
    side(
        out,
        &format!("ingress of {}", e.dst),
        &e.ingress,
        "ingress",
        port,
    )?;
    if !e.routes.is_empty() || e.src == kubegraph_netpol::INGRESS_CONTROLLER {
        if e.routes.is_empty() {
            writeln!(out, "  routes: no Ingress routes to {}", e.dst)?;
        }
        for r in &e.routes {
            writeln!(out, "  routed by {}: {}", r.via, r.conns)?;
        }
    }
    Ok(allowed)
}

fn side(
    out: &mut impl Write,
    title: &str,
    s: &Side,
    direction: &str,
    port: Option<(Protocol, u16)>,
) -> anyhow::Result<()> {
    match s {
        Side::Outside(why) => writeln!(out, "  {title}: no policy applies ({why})")?,
        Side::Open => writeln!(
            out,
            "  {title}: no policy selects it for {direction} (default allow)"
        )?,
        Side::Selected {
            policies,
            admitting,
        } => {
            writeln!(
                out,
                "  {title}: selected for {direction} by {}",
                policies.join(", ")
            )?;
            let relevant: Vec<_> = admitting
                .iter()
                .filter(|a| port.is_none_or(|(p, n)| a.conns.contains(p, n)))
                .collect();
            if relevant.is_empty() {
                let on = port
                    .map(|(p, n)| format!(" on {p} {n}"))
                    .unwrap_or_default();
                writeln!(out, "    no rule admits this peer{on}")?;
                // Rules that admit the peer on other ports say why a port is refused.
                if port.is_some() {
                    for a in admitting {
                        writeln!(
                            out,
                            "    ({} {direction} rule #{} admits only {})",
                            a.policy, a.rule, a.conns
                        )?;
                    }
                }
            }
            for a in relevant {
                writeln!(
                    out,
                    "    admitted by {} {direction} rule #{}: {}",
                    a.policy, a.rule, a.conns
                )?;
            }
        }
    }
    Ok(())
}

/// A peer as typed; when nothing has that name, the workloads of the same name in other
/// namespaces (the usual slip) or of a similar name are suggested.
fn resolve(analysis: &Analysis, text: &str) -> anyhow::Result<Vec<kubegraph_netpol::Endpoint>> {
    analysis.resolve(text).map_err(|e| {
        let name = text.rsplit('/').next().unwrap_or(text);
        let name = name.split('[').next().unwrap_or(name);
        let mut close: Vec<String> = analysis
            .workloads
            .iter()
            .filter(|w| !name.is_empty() && (w.name == name || w.name.contains(name)))
            .map(|w| w.id())
            .collect();
        close.sort();
        close.truncate(5);
        match close.is_empty() {
            true => anyhow::Error::from(e),
            false => anyhow::anyhow!("{e}\n  did you mean: {}", close.join(", ")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse_in_either_order() {
        assert_eq!(parse_port("80").unwrap(), (Protocol::Tcp, 80));
        assert_eq!(parse_port("53/UDP").unwrap(), (Protocol::Udp, 53));
        assert_eq!(parse_port("udp/53").unwrap(), (Protocol::Udp, 53));
        assert_eq!(parse_port("5000/tcp").unwrap(), (Protocol::Tcp, 5000));
        assert!(parse_port("http").is_err());
        assert!(parse_port("80/ICMP").is_err());
        assert!(parse_port("0").is_err());
    }
}
