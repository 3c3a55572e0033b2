//! `why TARGET` as text: the causal tree from an unhealthy object down to its root causes, and
//! what to fix.

use crate::{paint, plural, Text};
use kubegraph_app::why::{Scope, Why, WhyStep, WhyTree};
use kubegraph_health::State;
use std::io::Write;

/// How many characters of a reason the tree shows (the root-cause lines show all of it).
const REASON_WIDTH: usize = 150;

/// The trees of the unhealthy objects explained (one line for a healthy one), then the root
/// causes and their fixes.
impl Text for Why {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        let report = self;
        let explanations = &report.explanations;
        let mut header = None;
        if let Scope::Namespace(ns) = &report.scope {
            if explanations.is_empty() {
                writeln!(out, "Namespace {ns}: nothing in it is unhealthy")?;
                return Ok(());
            }
            header = Some(format!(
                "Namespace {ns}: {} unhealthy object{} at the top of its trouble",
                explanations.len(),
                plural(explanations.len())
            ));
        }
        if let [one] = explanations.as_slice() {
            if one.healthy {
                healthy_line(one, out)?;
                return Ok(());
            }
        }
        let sick: Vec<&WhyTree> = explanations.iter().filter(|e| !e.healthy).collect();
        let header = header.or_else(|| {
            (explanations.len() > 1).then(|| {
                format!(
                    "{} objects match; {} unhealthy",
                    explanations.len(),
                    sick.len()
                )
            })
        });
        if let Some(h) = &header {
            writeln!(out, "{h}")?;
        }
        for (i, e) in sick.iter().enumerate() {
            if i > 0 || header.is_some() {
                writeln!(out)?;
            }
            print_tree(&e.tree, "", true, true, color, out)?;
        }
        print_causes(&sick, color, out)
    }
}

fn healthy_line(e: &WhyTree, out: &mut dyn Write) -> std::io::Result<()> {
    let what = e.target.label();
    match e.tree.state {
        State::Ok => writeln!(out, "{what} is healthy: {}", e.tree.reason),
        _ => writeln!(
            out,
            "{what}: health unknown ({}); nothing it depends on is unhealthy",
            e.tree.reason
        ),
    }
}

/// "does not exist" out of "Secret x does not exist (referenced by …)".
fn short_missing(reason: &str) -> &str {
    if reason.contains("referenced optionally") {
        "does not exist (referenced optionally)"
    } else if reason.contains("does not exist") {
        "does not exist"
    } else {
        reason
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut t: String = s.chars().take(width - 1).collect();
    t.push('…');
    t
}

fn print_tree(
    step: &WhyStep,
    prefix: &str,
    last: bool,
    top: bool,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (branch, child_prefix) = crate::branch(prefix, last, top);
    let via = step.via.map(|v| format!("{v} ")).unwrap_or_default();
    let mark = if step.root_cause {
        "   ◀ root cause"
    } else {
        ""
    };
    // A missing object's reason names it and its referrers, which the tree already shows.
    let (what, reason) = if step.node.missing {
        (step.plain_label.clone(), short_missing(&step.reason))
    } else {
        (step.node.label(), step.reason.as_str())
    };
    writeln!(
        out,
        "{branch}{via}{what}  {}: {}{mark}",
        paint::health(step.state.as_str(), 0, color),
        clip(reason, REASON_WIDTH)
    )?;
    let bar = if step.children.is_empty() {
        "  "
    } else {
        "│ "
    };
    for ev in &step.events {
        writeln!(
            out,
            "{child_prefix}{bar} event {}",
            clip(&ev.summary, REASON_WIDTH)
        )?;
    }
    // Dependencies shown elsewhere: those under this object's own branches go without saying.
    let below: Vec<_> = step.children.iter().flat_map(WhyStep::subtree).collect();
    let also: Vec<String> = step
        .also
        .iter()
        .filter(|a| !below.contains(&a.node))
        .map(|a| format!("{} {}", a.via, a.label))
        .collect();
    if !also.is_empty() {
        writeln!(
            out,
            "{child_prefix}{bar} also {} (shown above)",
            also.join(", ")
        )?;
    }
    for (i, c) in step.children.iter().enumerate() {
        let last = i + 1 == step.children.len();
        print_tree(c, &child_prefix, last, false, color, out)?;
    }
    Ok(())
}

fn print_causes(sick: &[&WhyTree], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let mut seen = Vec::new();
    let causes: Vec<_> = sick
        .iter()
        .flat_map(|e| e.root_causes.iter())
        .filter(|c| {
            let new = !seen.contains(&c.node.node);
            seen.push(c.node.node);
            new
        })
        .collect();
    if causes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "root cause{}:", plural(causes.len()))?;
    for c in &causes {
        let name = &c.plain_label;
        let reason = c.reason.strip_prefix(name.as_str()).map(str::trim_start);
        writeln!(
            out,
            "  {name}: {}: {}",
            paint::health(c.state.as_str(), 0, color),
            reason.unwrap_or(&c.reason)
        )?;
    }
    for c in &causes {
        writeln!(out, "fix: {}", c.fix)?;
    }
    Ok(())
}
