//! kubectl as the judge of what kubegraph shows (tests/kubectl.rs on the test server and a
//! real cluster, tests/control_plane.rs on the real control plane): every object `kubectl get
//! <every listable and watchable type> -A` lists is a node and nothing else is (Events aside);
//! each owner reference is an `owns` edge, each pod's node a `runs_on` edge; no secret value.

use super::{kubegraph_at_home as kubegraph, run_off_runtime as run, stdout_json};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Where the cluster is, and how to run kubectl and kubegraph against it.
pub struct Cluster<'a> {
    pub kubeconfig: &'a Path,
    /// `--context`, or the kubeconfig's current context.
    pub context: Option<String>,
    /// The cluster's name in kubegraph's graph: the context's name.
    pub name: String,
    pub home: &'a Path,
}

impl Cluster<'_> {
    fn kubectl(&self, args: &[&str]) -> Command {
        let mut c = Command::new("kubectl");
        c.arg("--kubeconfig").arg(self.kubeconfig);
        if let Some(context) = &self.context {
            c.args(["--context", context]);
        }
        c.args(args).env_remove("KUBECONFIG");
        c
    }

    fn kubegraph(&self, args: &[&str]) -> Command {
        let mut c = kubegraph(self.home);
        c.arg("--kubeconfig").arg(self.kubeconfig);
        if let Some(context) = &self.context {
            c.args(["--context", context]);
        }
        c.args(args);
        c
    }
}

/// One object as kubectl lists it, under its identity in kubegraph's graph
/// (`cluster/group/Kind/namespace/name`, `core` for the core group, `_` when cluster-scoped).
type Listing = BTreeMap<String, Value>;

/// The id kubegraph's export gives an object (README, "The graph").
fn identity(cluster: &str, group: &str, kind: &str, namespace: &str, name: &str) -> String {
    let group = if group.is_empty() { "core" } else { group };
    let namespace = if namespace.is_empty() { "_" } else { namespace };
    format!("{cluster}/{group}/{kind}/{namespace}/{name}")
}

fn identity_of(cluster: &str, o: &Value) -> String {
    let api_version = o["apiVersion"].as_str().unwrap_or("");
    identity(
        cluster,
        api_version.split_once('/').map_or("", |(group, _)| group),
        o["kind"].as_str().unwrap_or(""),
        o["metadata"]["namespace"].as_str().unwrap_or(""),
        o["metadata"]["name"].as_str().unwrap_or(""),
    )
}

fn is_event(identity: &str) -> bool {
    identity.contains("/core/Event/") || identity.contains("/events.k8s.io/Event/")
}

/// Every object of every type kubectl finds listable and watchable. A type kubectl may not
/// list is left out and named in the second value (kubegraph skips it too, with a warning).
async fn kubectl_lists(cluster: &Cluster<'_>) -> (Listing, Vec<String>) {
    let out = run(cluster.kubectl(&["api-resources", "--verbs=list,watch", "-o", "name"])).await;
    assert!(
        out.status.success(),
        "kubectl api-resources: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resources: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut listing = Listing::new();
    let mut refused = Vec::new();
    for r in &resources {
        let out = run(cluster.kubectl(&["get", r, "-A", "-o", "json", "--chunk-size=7"])).await;
        if !out.status.success() {
            refused.push(format!(
                "{r}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            continue;
        }
        let list: Value = serde_json::from_slice(&out.stdout).unwrap();
        for o in list["items"].as_array().into_iter().flatten() {
            listing.insert(identity_of(&cluster.name, o), o.clone());
        }
    }
    (listing, refused)
}

/// What one check found; empty lists when kubegraph agrees with kubectl.
#[derive(Debug, Default)]
pub struct Differences {
    pub listed: usize,
    /// Listed by kubectl both times, absent from kubegraph.
    pub missing: Vec<String>,
    /// In kubegraph, listed by kubectl neither time.
    pub extra: Vec<String>,
    /// `owner -> dependent` and `pod -> node` edges kubectl's objects imply, absent from
    /// kubegraph's graph.
    pub missing_edges: Vec<String>,
    pub owns_checked: usize,
    pub runs_on_checked: usize,
    /// Secrets kubegraph holds with a value in `data` or `stringData`.
    pub secrets_with_values: Vec<String>,
    pub secrets_checked: usize,
}

pub async fn compare(cluster: &Cluster<'_>, strict: bool) -> Differences {
    let (before, refused) = kubectl_lists(cluster).await;
    if strict {
        assert!(refused.is_empty(), "{refused:#?}");
    } else if !refused.is_empty() {
        eprintln!(
            "kubectl may not list these (left out):\n  {}",
            refused.join("\n  ")
        );
    }
    let export = stdout_json(&run(cluster.kubegraph(&["export", "-o", "json"])).await);
    let secrets =
        stdout_json(&run(cluster.kubegraph(&["search", "is(Secret) | dump", "-o", "json"])).await);
    let after = match strict {
        true => before.clone(),
        false => kubectl_lists(cluster).await.0,
    };

    let shown: BTreeSet<String> = export["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["origin"] == "source")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .filter(|i| !is_event(i))
        .collect();
    let mut d = Differences {
        listed: before.len(),
        ..Differences::default()
    };
    d.missing = before
        .keys()
        .filter(|i| after.contains_key(*i) && !is_event(i) && !shown.contains(*i))
        .cloned()
        .collect();
    d.extra = shown
        .iter()
        .filter(|i| !before.contains_key(*i) && !after.contains_key(*i))
        .cloned()
        .collect();

    missing_edges(cluster, &export, &before, &after, &mut d);
    secrets_with_values(cluster, &secrets, &mut d);
    d
}

/// The `owns` and `runs_on` edges kubectl's objects imply, for the objects kubegraph saw as
/// kubectl saw them (the same resourceVersion before and after).
fn missing_edges(
    cluster: &Cluster<'_>,
    export: &Value,
    before: &Listing,
    after: &Listing,
    d: &mut Differences,
) {
    let edges: BTreeSet<(String, String, String)> = export["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("from"), s("kind"), s("to"))
        })
        .collect();
    let unchanged: Vec<(&String, &Value)> = before
        .iter()
        .filter(|(i, o)| {
            after.get(*i).is_some_and(|a| {
                a["metadata"]["resourceVersion"] == o["metadata"]["resourceVersion"]
            })
        })
        .collect();
    let by_uid: BTreeMap<&str, (&String, &Value)> = unchanged
        .iter()
        .filter_map(|(i, o)| Some((o["metadata"]["uid"].as_str()?, (*i, *o))))
        .collect();
    let expect = |from: &str, kind: &str, to: &str, d: &mut Differences| {
        if !edges.contains(&(from.to_string(), kind.to_string(), to.to_string())) {
            d.missing_edges.push(format!("{from} -{kind}-> {to}"));
        }
    };
    for (id, o) in &unchanged {
        let namespace = o["metadata"]["namespace"].as_str().unwrap_or("");
        for r in o["metadata"]["ownerReferences"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let Some((owner_id, owner)) = r["uid"].as_str().and_then(|u| by_uid.get(u)) else {
                continue;
            };
            let owner_namespace = owner["metadata"]["namespace"].as_str().unwrap_or("");
            // The garbage collector's rule: a namespaced dependent's owner is in its namespace
            // or cluster-scoped; of the same kind the reference names.
            if owner["kind"] != r["kind"]
                || !(owner_namespace.is_empty() || owner_namespace == namespace)
            {
                continue;
            }
            d.owns_checked += 1;
            expect(owner_id, "owns", id, d);
        }
        if o["kind"] == "Pod" && o["apiVersion"] == "v1" {
            if let Some(node) = o["spec"]["nodeName"].as_str() {
                let node_id = identity(&cluster.name, "", "Node", "", node);
                if after.contains_key(&node_id) {
                    d.runs_on_checked += 1;
                    expect(id, "runs_on", &node_id, d);
                }
            }
        }
    }
}

/// Secrets kubegraph holds with a value in `data` or `stringData` (a file's keys are kept with
/// null values; a live secret has neither).
fn secrets_with_values(cluster: &Cluster<'_>, secrets: &Value, d: &mut Differences) {
    for s in secrets.as_array().unwrap() {
        d.secrets_checked += 1;
        let has_value = ["data", "stringData"].iter().any(|field| {
            s[field]
                .as_object()
                .is_some_and(|m| m.values().any(|v| !v.is_null()))
        });
        if has_value {
            d.secrets_with_values.push(identity_of(&cluster.name, s));
        }
    }
}

pub fn assert_agree(d: &Differences) {
    assert!(
        d.missing.is_empty(),
        "listed by kubectl, absent from kubegraph: {:#?}",
        d.missing
    );
    assert!(
        d.extra.is_empty(),
        "in kubegraph, not listed by kubectl: {:#?}",
        d.extra
    );
    assert!(
        d.missing_edges.is_empty(),
        "edges missing from kubegraph: {:#?}",
        d.missing_edges
    );
    assert!(
        d.secrets_with_values.is_empty(),
        "secrets with values in kubegraph: {:#?}",
        d.secrets_with_values
    );
}

pub fn kubectl_is_there() {
    let which = Command::new("kubectl")
        .args(["version", "--client"])
        .output();
    assert!(
        which.is_ok_and(|o| o.status.success()),
        "kubectl is needed (apt-get install kubernetes-client; .ci/run does it)"
    );
}
