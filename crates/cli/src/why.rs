//! `why TARGET`: the causal tree from an unhealthy object down to its root causes, and what to
//! fix (kubegraph_health::rootcause). Also home of target resolution, which `show` shares.

use crate::source::Landscape;
use anyhow::bail;
use kubegraph_graph::{Graph, NodeId, Origin};
use kubegraph_health::rootcause::{self, Explanation, Step};
use kubegraph_health::time::{Now, Timestamp};
use kubegraph_health::{Health, State};
use kubegraph_model::kinds;
use kubegraph_model::Object;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph why`.
#[derive(clap::Args, Debug)]
pub struct WhyArgs {
    /// What to explain: `kind/namespace/name`, `namespace/name` (a pod), `kind/name` (a
    /// cluster-scoped object, or a unique name), or a query (`is(pod) and health = error`).
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// Output format.
    #[arg(short = 'o', long = "output", default_value = "text", value_parser = ["text", "json"])]
    pub output: String,
}

/// How many characters of a reason the tree shows (the root-cause lines show all of it).
const REASON_WIDTH: usize = 150;

pub fn run(
    landscape: &Landscape,
    args: &WhyArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let graph = &landscape.graph;
    let started = std::time::Instant::now();
    let (health, now) = assess(landscape)?;
    tracing::debug!(elapsed = ?started.elapsed(), "health assessed");
    let mut targets = resolve(graph, &args.target)?;
    let mut header = None;
    if let [one] = targets.as_slice() {
        let o = &graph.node(*one).object;
        if o.kind == "Namespace" && o.group.is_empty() {
            // A namespace is explained by its unhealthy objects nothing else in it depends on.
            let ns = o.name.clone();
            targets = sick_tops(graph, &health, &ns);
            if targets.is_empty() && args.output == "text" {
                writeln!(out, "Namespace {ns}: nothing in it is unhealthy")?;
                return Ok(ExitCode::SUCCESS);
            }
            header = Some(format!(
                "Namespace {ns}: {} unhealthy object{} at the top of its trouble",
                targets.len(),
                if targets.len() == 1 { "" } else { "s" }
            ));
        }
    }
    let started = std::time::Instant::now();
    let explanations: Vec<Explanation> = targets
        .iter()
        .map(|&t| rootcause::explain(graph, &health, t, now))
        .collect();
    tracing::debug!(targets = targets.len(), elapsed = ?started.elapsed(), "causes walked");
    if args.output == "json" {
        let doc = json!({
            "now": now.map(|t| t.rfc3339()),
            "explanations": explanations.iter().map(|e| explanation_json(graph, e)).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if explanations.len() == 1 && explanations[0].healthy() {
        healthy_line(graph, &explanations[0], out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let sick: Vec<&Explanation> = explanations.iter().filter(|e| !e.healthy()).collect();
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
        print_tree(graph, &e.tree, now, "", true, true, out)?;
    }
    print_causes(graph, &sick, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The unhealthy objects of a namespace that nothing unhealthy in it depends on: where its
/// trouble shows first (a deployment, not its pods; an ingress, not its service).
fn sick_tops(graph: &Graph, health: &[Health], ns: &str) -> Vec<NodeId> {
    let sick: Vec<NodeId> = graph
        .nodes()
        .filter(|(id, n)| {
            n.parent.is_none()
                && n.object.namespace.as_deref() == Some(ns)
                && n.object.kind != "Event"
                && health[id.0 as usize].state >= State::Warning
        })
        .map(|(id, _)| id)
        .collect();
    let below: std::collections::HashSet<NodeId> = sick
        .iter()
        .flat_map(|&s| {
            rootcause::dependencies(graph, s)
                .into_iter()
                .map(|(_, d)| d)
        })
        .collect();
    sick.into_iter().filter(|s| !below.contains(s)).collect()
}

/// The reference time of time-dependent health rules: `--now`, else the clock for a live
/// source, else the newest timestamp in the input.
pub fn reference_time(landscape: &Landscape) -> anyhow::Result<Now> {
    Ok(match Now::from_option(landscape.now.as_deref())? {
        Now::NewestInInput if landscape.live.is_some() => Now::Clock,
        given => given,
    })
}

/// Health of every node against `--now`, else the clock for a live source, else the newest
/// timestamp in the input.
pub fn assess(landscape: &Landscape) -> anyhow::Result<(Vec<Health>, Option<Timestamp>)> {
    let now = reference_time(landscape)?;
    Ok((
        kubegraph_health::assess_at(&landscape.graph, now),
        now.resolve(&landscape.graph),
    ))
}

fn healthy_line(graph: &Graph, e: &Explanation, out: &mut impl Write) -> anyhow::Result<()> {
    let what = label(graph, e.tree.node);
    let h = &e.tree.health;
    match h.state {
        State::Ok => writeln!(out, "{what} is healthy: {}", h.reason)?,
        _ => writeln!(
            out,
            "{what}: health unknown ({}); nothing it depends on is unhealthy",
            h.reason
        )?,
    }
    Ok(())
}

/// `Pod shop/web-1`, `StorageClass io2-fast (missing)`.
pub fn label(graph: &Graph, id: NodeId) -> String {
    let n = graph.node(id);
    let o = &n.object;
    let base = match &o.namespace {
        Some(ns) => format!("{} {ns}/{}", o.kind, o.name),
        None => format!("{} {}", o.kind, o.name),
    };
    if n.origin == Origin::Placeholder {
        format!("{base} (missing)")
    } else {
        base
    }
}

fn subtree(step: &Step, out: &mut Vec<NodeId>) {
    out.push(step.node);
    for c in &step.children {
        subtree(c, out);
    }
}

/// `Pod shop/web-1`, `StorageClass io2-fast`.
fn plain_label(o: &Object) -> String {
    match &o.namespace {
        Some(ns) => format!("{} {ns}/{}", o.kind, o.name),
        None => format!("{} {}", o.kind, o.name),
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
    graph: &Graph,
    step: &Step,
    now: Option<Timestamp>,
    prefix: &str,
    last: bool,
    top: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (branch, child_prefix) = if top {
        (String::new(), String::new())
    } else if last {
        (format!("{prefix}└─ "), format!("{prefix}   "))
    } else {
        (format!("{prefix}├─ "), format!("{prefix}│  "))
    };
    let via = step.via.map(|v| format!("{v} ")).unwrap_or_default();
    let mark = if step.root_cause {
        "   ◀ root cause"
    } else {
        ""
    };
    let node = graph.node(step.node);
    // A missing object's reason names it and its referrers, which the tree already shows.
    let (what, reason) = if node.missing() {
        (
            plain_label(&node.object),
            short_missing(&step.health.reason),
        )
    } else {
        (label(graph, step.node), step.health.reason.as_str())
    };
    writeln!(
        out,
        "{branch}{via}{what}  {}: {}{mark}",
        step.health.state,
        clip(reason, REASON_WIDTH)
    )?;
    let more = !step.children.is_empty();
    let bar = if more { "│ " } else { "  " };
    for ev in &step.events {
        writeln!(
            out,
            "{child_prefix}{bar} event {}",
            clip(&ev.summary(now), REASON_WIDTH)
        )?;
    }
    // Dependencies shown elsewhere: those under this object's own branches go without saying.
    let mut below = Vec::new();
    for c in &step.children {
        subtree(c, &mut below);
    }
    let also: Vec<String> = step
        .also
        .iter()
        .filter(|(_, n)| !below.contains(n))
        .map(|(rel, n)| format!("{rel} {}", plain_label(&graph.node(*n).object)))
        .collect();
    if !also.is_empty() {
        writeln!(
            out,
            "{child_prefix}{bar} also {} (shown above)",
            also.join(", ")
        )?;
    }
    for (i, c) in step.children.iter().enumerate() {
        print_tree(
            graph,
            c,
            now,
            &child_prefix,
            i + 1 == step.children.len(),
            false,
            out,
        )?;
    }
    Ok(())
}

fn print_causes(graph: &Graph, sick: &[&Explanation], out: &mut impl Write) -> std::io::Result<()> {
    let mut seen = Vec::new();
    let causes: Vec<_> = sick
        .iter()
        .flat_map(|e| e.causes.iter())
        .filter(|c| {
            let new = !seen.contains(&c.node);
            seen.push(c.node);
            new
        })
        .collect();
    if causes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let s = if causes.len() == 1 { "" } else { "s" };
    writeln!(out, "root cause{s}:")?;
    for c in &causes {
        let name = plain_label(&graph.node(c.node).object);
        let reason = c.health.reason.strip_prefix(&name).map(str::trim_start);
        writeln!(
            out,
            "  {name}: {}: {}",
            c.health.state,
            reason.unwrap_or(&c.health.reason)
        )?;
    }
    for c in &causes {
        writeln!(out, "fix: {}", c.fix)?;
    }
    Ok(())
}

fn node_json(graph: &Graph, id: NodeId) -> Value {
    let n = graph.node(id);
    let o = &n.object;
    json!({
        "id": graph.node_id_string(id),
        "kind": o.kind,
        "namespace": o.namespace,
        "name": o.name,
        "missing": n.missing(),
    })
}

fn step_json(graph: &Graph, s: &Step) -> Value {
    let mut v = node_json(graph, s.node);
    let m = v.as_object_mut().expect("node_json is an object");
    m.insert("via".into(), json!(s.via));
    m.insert("state".into(), json!(s.health.state.as_str()));
    m.insert("reason".into(), json!(s.health.reason));
    m.insert("root_cause".into(), json!(s.root_cause));
    m.insert(
        "events".into(),
        s.events
            .iter()
            .map(|e| {
                json!({
                    "reason": e.reason,
                    "message": e.message,
                    "category": e.category.as_str(),
                    "count": e.count,
                    "first": e.first.map(|t| t.rfc3339()),
                    "last": e.last.map(|t| t.rfc3339()),
                })
            })
            .collect(),
    );
    m.insert(
        "also".into(),
        s.also
            .iter()
            .map(|(rel, n)| json!({"via": rel, "id": graph.node_id_string(*n)}))
            .collect(),
    );
    m.insert(
        "children".into(),
        s.children.iter().map(|c| step_json(graph, c)).collect(),
    );
    v
}

fn explanation_json(graph: &Graph, e: &Explanation) -> Value {
    json!({
        "target": node_json(graph, e.tree.node),
        "healthy": e.healthy(),
        "tree": step_json(graph, &e.tree),
        "root_causes": e.causes.iter().map(|c| {
            let mut v = node_json(graph, c.node);
            let m = v.as_object_mut().expect("node_json is an object");
            m.insert("state".into(), json!(c.health.state.as_str()));
            m.insert("reason".into(), json!(c.health.reason));
            m.insert("fix".into(), json!(c.fix));
            v
        }).collect::<Vec<_>>(),
    })
}

// --- target resolution, shared with `show` ---

/// The objects a TARGET names: `kind/namespace/name`, `group/Kind/namespace/name`,
/// `namespace/name` (a pod), `kind/name` (cluster-scoped, or a namespaced name that is unique),
/// `name` (unique), or a query when it starts with `is(` or holds a space.
pub fn resolve(graph: &Graph, target: &str) -> anyhow::Result<Vec<NodeId>> {
    let target = target.trim();
    if target.is_empty() {
        bail!("empty target\n  try: kind/namespace/name (deployment/shop/web), namespace/name for a pod, or a query");
    }
    if target.starts_with("is(") || target.contains(char::is_whitespace) || target.starts_with("G.")
    {
        return query(graph, target);
    }
    let parts: Vec<&str> = target.split('/').collect();
    if parts.iter().any(|p| p.is_empty()) {
        bail!("`{target}` is not a target: empty part between slashes\n  try: kind/namespace/name, namespace/name for a pod, kind/name, or a query");
    }
    let (kind, ns, name) = match parts.as_slice() {
        [g, k, ns, name] => (Some(format!("{g}/{k}")), Some(*ns), *name),
        [k, ns, name] => (Some(k.to_string()), Some(*ns), *name),
        [a, name] if is_kind(graph, a) => (Some(a.to_string()), None, *name),
        [ns, name] => (Some("pod".to_string()), Some(*ns), *name),
        [name] => (None, None, *name),
        _ => bail!("`{target}` has too many parts\n  try: kind/namespace/name, namespace/name for a pod, kind/name, or a query"),
    };
    let kind_filter = kind
        .as_deref()
        .map(|k| KindFilter::new(graph, k))
        .transpose()?;
    let named = |kind: Option<&KindFilter>| -> Vec<NodeId> {
        graph
            .nodes()
            .filter(|(_, n)| n.parent.is_none() && n.object.name == name)
            .filter(|(_, n)| ns.is_none() || n.object.namespace.as_deref() == ns)
            .filter(|(_, n)| kind.is_none_or(|k| k.matches(&n.object)))
            .map(|(id, _)| id)
            .collect()
    };
    let mut matches = named(kind_filter.as_ref());
    if matches.is_empty() && parts.len() == 2 && kind.as_deref() == Some("pod") {
        // `shop/recommendations` with no such pod: the object of that name in the namespace,
        // the workload when several share it (its tree holds the pods and their service).
        let any = named(None);
        let workloads: Vec<NodeId> = any
            .iter()
            .copied()
            .filter(|&id| is_workload(&graph.node(id).object))
            .collect();
        matches = if workloads.len() == 1 { workloads } else { any };
    }
    match matches.len() {
        1 => Ok(matches),
        0 => bail!(
            "{}",
            not_found(graph, target, kind_filter.as_ref(), ns, name)
        ),
        n => {
            let mut names: Vec<String> = matches.iter().map(|&m| spelled(graph, m)).collect();
            names.sort();
            let shown = names
                .iter()
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n    ");
            bail!(
                "`{target}` is ambiguous: {n} objects match\n    {shown}{}\n  name one as kind/namespace/name",
                if n > 8 { format!("\n    … and {} more", n - 8) } else { String::new() }
            )
        }
    }
}

/// How a user would name the node as a target: `deployment/shop/web`.
pub fn spelled(graph: &Graph, id: NodeId) -> String {
    let o = &graph.node(id).object;
    let kind = o.kind.to_lowercase();
    match &o.namespace {
        Some(ns) => format!("{kind}/{ns}/{}", o.name),
        None => format!("{kind}/{}", o.name),
    }
}

fn is_workload(o: &Object) -> bool {
    matches!(
        (o.group.as_str(), o.kind.as_str()),
        ("apps", "Deployment" | "StatefulSet" | "DaemonSet")
            | ("batch", "Job" | "CronJob")
            | ("", "ReplicationController")
    )
}

fn is_kind(graph: &Graph, word: &str) -> bool {
    !kinds::lookup(word).is_empty()
        || graph
            .nodes()
            .any(|(_, n)| n.object.kind.eq_ignore_ascii_case(word))
}

/// The kinds a typed name means: built-in names (`deploy`, `pvc`, `apps/Deployment`), else any
/// kind in the graph with that name (custom resources).
struct KindFilter {
    kinds: Vec<(String, String)>,
    typed: String,
}

impl KindFilter {
    fn new(graph: &Graph, typed: &str) -> anyhow::Result<KindFilter> {
        let mut kinds: Vec<(String, String)> = kinds::lookup(typed)
            .into_iter()
            .map(|k| (k.group.to_string(), k.kind.to_string()))
            .collect();
        if kinds.is_empty() {
            let (group, kind) = match typed.rsplit_once('/') {
                Some((g, k)) => (Some(g), k),
                None => (None, typed),
            };
            let mut custom: Vec<(String, String)> = graph
                .nodes()
                .map(|(_, n)| &n.object)
                .filter(|o| o.kind.eq_ignore_ascii_case(kind) && group.is_none_or(|g| g == o.group))
                .map(|o| (o.group.clone(), o.kind.clone()))
                .collect();
            custom.sort();
            custom.dedup();
            kinds = custom;
        }
        if kinds.is_empty() {
            let lower = typed.to_ascii_lowercase();
            let mut near: Vec<(usize, &str)> = kubegraph_model::kinds::BUILTIN
                .iter()
                .map(|k| (distance(&lower, &k.kind.to_ascii_lowercase()), k.kind))
                .filter(|(d, _)| *d <= 2)
                .collect();
            near.sort();
            let hint = match near.first() {
                Some((_, k)) => format!("did you mean {}?", k.to_ascii_lowercase()),
                None => "try a kind such as pod, deployment (deploy), service (svc), pvc, node, ingress, or group/Kind for a custom resource".to_string(),
            };
            bail!("unknown kind `{typed}`\n  {hint}");
        }
        Ok(KindFilter {
            kinds,
            typed: typed.to_string(),
        })
    }

    fn matches(&self, o: &Object) -> bool {
        self.kinds
            .iter()
            .any(|(g, k)| *g == o.group && *k == o.kind)
    }
}

fn not_found(
    graph: &Graph,
    target: &str,
    kind: Option<&KindFilter>,
    ns: Option<&str>,
    name: &str,
) -> String {
    let what = kind.map(|k| k.typed.as_str()).unwrap_or("object");
    let mut near: Vec<(usize, String)> = graph
        .nodes()
        .filter(|(_, n)| n.parent.is_none() && n.origin != Origin::Synthetic)
        .filter(|(_, n)| kind.is_none_or(|k| k.matches(&n.object)))
        .filter_map(|(id, n)| {
            let o = &n.object;
            let d = distance(&o.name, name);
            let close = o.name.contains(name)
                || (o.name.len() > 3 && name.contains(o.name.as_str()))
                || d <= (name.len() / 4).clamp(1, 3);
            let same_ns = ns.is_none() || o.namespace.as_deref() == ns;
            close.then(|| (d + if same_ns { 0 } else { 2 }, spelled(graph, id)))
        })
        .collect();
    near.sort();
    near.dedup();
    let mut msg = match ns {
        Some(ns) => format!("no {what} {ns}/{name} in the input (`{target}`)"),
        None => format!("no {what} named {name} in the input (`{target}`)"),
    };
    if near.is_empty() {
        msg.push_str(&format!(
            "\n  try: kubegraph search 'is({}) | list namespace, name'",
            kind.map(|k| k.typed.as_str()).unwrap_or("all")
        ));
    } else {
        msg.push_str("\n  did you mean:");
        for (_, s) in near.iter().take(5) {
            msg.push_str(&format!("\n    {s}"));
        }
    }
    msg
}

/// Levenshtein distance, for suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn query(graph: &Graph, text: &str) -> anyhow::Result<Vec<NodeId>> {
    let ast =
        kubegraph_formats::parse_query(text).map_err(|e| anyhow::anyhow!("{}", e.render(text)))?;
    let index = kubegraph_query::QueryIndex::new(graph);
    let facts = kubegraph_query::GraphFacts::default();
    let ctx = kubegraph_query::Ctx::new(graph, &index, &facts);
    match kubegraph_formats::query::run(&ctx, &ast, None) {
        Err(e) => bail!("{}", e.render(text)),
        Ok(kubegraph_formats::Answer {
            output: kubegraph_query::Output::Nodes(nodes),
            format: None,
        }) => match nodes.is_empty() {
            true => bail!("the query `{text}` selects nothing"),
            false => Ok(nodes),
        },
        Ok(_) => {
            bail!("the query `{text}` prints text; a target query must select objects (drop `| count`, `| list`, …)")
        }
    }
}
