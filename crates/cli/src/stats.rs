use crate::source::Landscape;
use kubegraph_graph::Origin;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;

/// Counts by kind of objects, synthetic nodes, placeholders and edges.
struct Counts {
    objects: BTreeMap<String, usize>,
    synthetic: BTreeMap<String, usize>,
    placeholders: BTreeMap<String, usize>,
    edges: BTreeMap<&'static str, usize>,
}

fn count(l: &Landscape) -> Counts {
    let mut c = Counts {
        objects: BTreeMap::new(),
        synthetic: BTreeMap::new(),
        placeholders: BTreeMap::new(),
        edges: BTreeMap::new(),
    };
    for (_, n) in l.graph.nodes() {
        let bucket = match n.origin {
            Origin::Source => &mut c.objects,
            Origin::Placeholder => &mut c.placeholders,
            Origin::Implied | Origin::Synthetic => &mut c.synthetic,
        };
        let name = match n.origin {
            Origin::Implied => "Namespace (implied)".to_string(),
            _ => n.object.gk().to_string(),
        };
        *bucket.entry(name).or_default() += 1;
    }
    for e in l.graph.edges() {
        *c.edges.entry(e.kind.as_str()).or_default() += 1;
    }
    c
}

pub fn print(l: &Landscape, as_json: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let c = count(l);
    let clusters: Vec<&str> = l.graph.clusters().map(|(_, name, _)| name).collect();
    // The same reference time as `why` and `show`: --now, the clock when live, else the newest
    // timestamp in the input.
    let (health, _) = crate::why::assess(l).map_err(std::io::Error::other)?;
    let health = kubegraph_health::summary(&l.graph, &health);
    if as_json {
        let health: serde_json::Map<String, serde_json::Value> = health
            .iter()
            .map(|(state, n)| (state.as_str().to_string(), json!(n)))
            .collect();
        let doc = json!({
            "clusters": clusters,
            "files": l.files,
            "objects": l.objects,
            "nodes": l.graph.node_count(),
            "edges": l.graph.edge_count(),
            "objects_by_kind": c.objects,
            "synthetic_by_kind": c.synthetic,
            "placeholders_by_kind": c.placeholders,
            "missing": missing_objects(l)
                .into_iter()
                .map(|(object, referrers)| json!({"object": object, "referrers": referrers}))
                .collect::<Vec<_>>(),
            "edges_by_kind": c.edges,
            "health": health,
            "warnings": l.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        return writeln!(out);
    }
    // A live landscape (also the shell's fresh snapshots of one) has a store version.
    let origin = if l.live.is_some() || l.version > 0 {
        "listed live".to_string()
    } else {
        format!(
            "from {} file{}",
            l.files,
            if l.files == 1 { "" } else { "s" }
        )
    };
    writeln!(
        out,
        "cluster {}: {} objects {origin}; {} nodes, {} edges",
        clusters.join(", "),
        l.objects,
        l.graph.node_count(),
        l.graph.edge_count()
    )?;
    section(out, "objects by kind", &c.objects)?;
    section(out, "made by kubegraph", &c.synthetic)?;
    let total: usize = c.placeholders.values().sum();
    writeln!(out, "\nplaceholders (referenced but absent): {total}")?;
    let missing = missing_objects(l);
    for (name, referrers) in missing.iter().take(MISSING_SHOWN) {
        let s = if *referrers == 1 { "" } else { "s" };
        writeln!(out, "  {name}  ({referrers} referrer{s})")?;
    }
    if missing.len() > MISSING_SHOWN {
        writeln!(
            out,
            "  ... and {} more (export -o json lists them all)",
            missing.len() - MISSING_SHOWN
        )?;
    }
    let edges: BTreeMap<String, usize> = c.edges.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    section(out, "edges by kind", &edges)?;
    // One line per state, always in this order (worst first), zeros included.
    writeln!(out, "\nhealth: {}", l.graph.node_count())?;
    for (state, n) in health {
        writeln!(out, "  {:<8}  {n:>7}", state.as_str())?;
    }
    writeln!(out, "\nwarnings: {}", l.diagnostics.len())
}

/// How many absent objects `stats` names before summarising the rest.
const MISSING_SHOWN: usize = 20;

/// Each placeholder as `Kind namespace/name` with how many objects reference it, most referenced
/// first: what is missing matters more than how many kinds of things are.
fn missing_objects(l: &Landscape) -> Vec<(String, usize)> {
    let mut missing: Vec<(String, usize)> = l
        .graph
        .nodes()
        .filter(|(_, n)| n.missing())
        .map(|(id, n)| {
            let o = &n.object;
            let name = match &o.namespace {
                Some(ns) => format!("{} {ns}/{}", o.gk(), o.name),
                None => format!("{} {}", o.gk(), o.name),
            };
            let referrers = l
                .graph
                .in_edges(id)
                .filter(|e| e.kind != kubegraph_model::EdgeKind::Contains)
                .count()
                + l.graph
                    .out_edges(id)
                    .filter(|e| e.kind != kubegraph_model::EdgeKind::Contains)
                    .count();
            (name, referrers)
        })
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    missing
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
