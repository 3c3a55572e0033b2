//! `reach` as text: per pair of source and destination, the verdict, the connections allowed,
//! which policies select each side and which of their rules admit the peer (docs/netpol.md).

use crate::Text;
use kubegraph_app::reach::{Pair, Reach, SideReport};
use std::io::Write;

/// Each pair, a blank line between them.
impl Text for Reach {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        for (i, p) in self.pairs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            print_pair(p, color, out)?;
        }
        Ok(())
    }
}

fn print_pair(p: &Pair, color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let verdict = match (p.allowed, color) {
        (true, true) => "\x1b[32mallowed\x1b[0m",
        (false, true) => "\x1b[31mblocked\x1b[0m",
        (true, false) => "allowed",
        (false, false) => "blocked",
    };
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
    out: &mut dyn Write,
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
