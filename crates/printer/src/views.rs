//! `show` and `impact` as text: trees of dependencies, tables of objects with their health
//! (kind, namespace/name, how it is used, health, reason), and what a deletion breaks by kind.

use crate::{paint, plural, Text};
use kubegraph_app::impact::{Impact, ImpactItem};
use kubegraph_app::views::{ConfigView, Dep, NamespaceView, PodsView, Row, EXISTS};
use std::io::Write;

/// `show deps`: a tree per target.
impl Text for Vec<Dep> {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        for (i, t) in self.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            print_deps(t, "", true, true, color, out)?;
        }
        Ok(())
    }

    fn nodes(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        for t in self {
            t.ids(&mut ids);
        }
        ids
    }
}

impl Text for PodsView {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        let n = self.pods.len();
        writeln!(out, "{}: {n} pod{}", self.label, plural(n))?;
        table(&self.pods, color, out)
    }

    fn nodes(&self) -> Vec<&str> {
        self.pods.iter().map(|r| r.id.as_str()).collect()
    }
}

impl Text for ConfigView {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        let n = self.config.len();
        writeln!(out, "{}: {n} reference{}", self.label, plural(n))?;
        table(&self.config, color, out)
    }

    fn nodes(&self) -> Vec<&str> {
        self.config.iter().map(|r| r.id.as_str()).collect()
    }
}

impl Text for NamespaceView {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        for (i, (title, rows)) in self.sections().into_iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{title} ({})", rows.len())?;
            table(rows, color, out)?;
        }
        Ok(())
    }

    fn nodes(&self) -> Vec<&str> {
        let sections = self.sections();
        sections
            .into_iter()
            .flat_map(|(_, rows)| rows.iter().map(|r| r.id.as_str()))
            .collect()
    }
}

/// What depends on the deleted object, by kind, each with the edge that makes it depend and
/// the health it would fall to.
impl Text for Impact {
    fn text(&self, out: &mut dyn Write, color: bool) -> std::io::Result<()> {
        if self.total == 0 {
            writeln!(out, "{}: nothing depends on it", self.label)?;
            return Ok(());
        }
        writeln!(
            out,
            "{}: {} object{} depend{} on it",
            self.label,
            self.total,
            plural(self.total),
            if self.total == 1 { "s" } else { "" }
        )?;
        for g in &self.groups {
            writeln!(out, "\n{} ({})", g.kind, g.items.len())?;
            let name = |i: &ImpactItem| match &i.node.namespace {
                Some(ns) => format!("{ns}/{}", i.node.name),
                None => i.node.name.clone(),
            };
            let wn = g.items.iter().map(|i| name(i).len()).max().unwrap_or(0);
            for i in &g.items {
                writeln!(
                    out,
                    "  {:wn$}  {}  {} {}  (now {})",
                    name(i),
                    paint::health(i.falls_to.as_str(), 7, color),
                    i.via,
                    i.on,
                    i.now
                )?;
            }
        }
        Ok(())
    }

    fn nodes(&self) -> Vec<&str> {
        let items = self.groups.iter().flat_map(|g| &g.items);
        items.map(|i| i.node.id.as_str()).collect()
    }
}

/// Columns kind, namespace/name, how (when any row has it), health, reason. An object with no
/// health rule that is there shows `-` and `exists`.
fn table(rows: &[Row], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let show_how = rows.iter().any(|r| !r.how.is_empty());
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let n = match &r.namespace {
                Some(ns) => format!("{ns}/{}", r.name),
                None => r.name.clone(),
            };
            if r.missing {
                format!("{n} (missing)")
            } else {
                n
            }
        })
        .collect();
    let wk = rows.iter().map(|r| r.kind.len()).max().unwrap_or(0).max(4);
    let wn = names.iter().map(|n| n.len()).max().unwrap_or(0).max(4);
    let wh = rows.iter().map(|r| r.how.len()).max().unwrap_or(0).max(3);
    for (r, n) in rows.iter().zip(&names) {
        let how = if show_how {
            format!("{:wh$}  ", r.how)
        } else {
            String::new()
        };
        let state = if r.reason == EXISTS {
            "-"
        } else {
            r.state.as_str()
        };
        writeln!(
            out,
            "  {:wk$}  {:wn$}  {how}{}  {}",
            r.kind,
            n,
            paint::health(state, 7, color),
            r.reason
        )?;
    }
    Ok(())
}

fn print_deps(
    d: &Dep,
    prefix: &str,
    last: bool,
    top: bool,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (branch, child) = crate::branch(prefix, last, top);
    let via = d.via.map(|v| format!("{v} ")).unwrap_or_default();
    let mut notes: Vec<String> = d.note.iter().map(|n| n.to_string()).collect();
    if !d.also.is_empty() {
        notes.push(format!("{} more shown elsewhere", d.also.len()));
    }
    let note = if notes.is_empty() {
        String::new()
    } else {
        format!("  ({})", notes.join("; "))
    };
    // "no health rule for ConfigMap" says nothing a reader needs in a tree of dependencies.
    let reason = if d.reason.starts_with("no health rule") {
        String::new()
    } else {
        format!(": {}", d.reason)
    };
    writeln!(
        out,
        "{branch}{via}{}  {}{reason}{note}",
        d.label,
        paint::health(d.state.as_str(), 0, color)
    )?;
    for (i, c) in d.children.iter().enumerate() {
        print_deps(c, &child, i + 1 == d.children.len(), false, color, out)?;
    }
    Ok(())
}
