//! `stats` as text: a summary for people.

use crate::{paint, plural, Text};
use kubegraph_app::stats::Stats;
use kubegraph_app::Origin;
use std::collections::BTreeMap;
use std::io::Write;

/// How many absent objects `stats` names before summarising the rest.
const MISSING_SHOWN: usize = 20;

/// Counts by kind, placeholders, edges by kind, health and warnings, for people.
impl Text for Stats {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        let s = self;
        let origin = match s.origin {
            Origin::Live => "listed live".to_string(),
            Origin::Files(n) => format!("from {n} file{}", plural(n)),
        };
        writeln!(
            out,
            "cluster {}: {} objects {origin}; {} nodes, {} edges",
            s.clusters.join(", "),
            s.objects,
            s.nodes,
            s.edges
        )?;
        section(out, "objects by kind", &s.objects_by_kind)?;
        section(out, "made by kubegraph", &s.synthetic_by_kind)?;
        let total: usize = s.placeholders_by_kind.values().sum();
        writeln!(out, "\nplaceholders (referenced but absent): {total}")?;
        for m in s.missing.iter().take(MISSING_SHOWN) {
            let plural = if m.referrers == 1 { "" } else { "s" };
            writeln!(out, "  {}  ({} referrer{plural})", m.object, m.referrers)?;
        }
        if s.missing.len() > MISSING_SHOWN {
            writeln!(
                out,
                "  ... and {} more (export -o json lists them all)",
                s.missing.len() - MISSING_SHOWN
            )?;
        }
        let edges: BTreeMap<String, usize> = s
            .edges_by_kind
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        section(out, "edges by kind", &edges)?;
        // One line per state, always in this order (worst first), zeros included.
        writeln!(out, "\nhealth: {}", s.nodes)?;
        for (state, n) in &s.health {
            writeln!(out, "  {}  {n:>7}", paint::health(state.as_str(), 8, color))?;
        }
        writeln!(out, "\nwarnings: {}", s.warnings.len())
    }
}

fn section(
    out: &mut dyn Write,
    title: &str,
    counts: &BTreeMap<String, usize>,
) -> std::io::Result<()> {
    let total: usize = counts.values().sum();
    writeln!(out, "\n{title}: {total}")?;
    let width = counts.keys().map(String::len).max().unwrap_or(0);
    let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (k, v) in rows {
        writeln!(out, "  {k:<width$}  {v:>7}")?;
    }
    Ok(())
}
