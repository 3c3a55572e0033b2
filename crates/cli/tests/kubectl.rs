//! kubegraph against kubectl, a real Kubernetes client, on the same cluster: every object that
//! `kubectl get <every listable and watchable type> -A` shows, kubegraph shows, and nothing
//! else; each controller owner kubectl's objects name owns them in kubegraph's graph, each pod
//! runs on the node it names; no secret value anywhere.
//!
//! On the test API server over https this runs in every test run. Against a real cluster, for
//! whoever has one (no machine that builds kubegraph can reach one):
//!
//! ```text
//! KUBEGRAPH_CHECK_KUBECONFIG=~/.kube/config [KUBEGRAPH_CHECK_CONTEXT=name] \
//!   cargo test -p kubegraph --test kubectl -- --ignored --nocapture
//! ```
//!
//! A real cluster changes while it is read, so there kubectl lists twice, before and after
//! kubegraph reads it: an object is expected in kubegraph when it is in both listings, allowed
//! when in either, and its relations are checked when its resourceVersion is the same in both.
//! Events are left out of the comparison: kubegraph keeps a bounded number of them by design.

mod common;

use common::{kubegraph_at_home as kubegraph, run_off_runtime as run, stdout_json};
use kubegraph_test_apiserver::TestApiServer;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the cluster is, and how to run kubectl and kubegraph against it.
struct Cluster<'a> {
    kubeconfig: &'a Path,
    /// `--context`, or the kubeconfig's current context.
    context: Option<String>,
    /// The cluster's name in kubegraph's graph: the context's name.
    name: String,
    home: &'a Path,
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
struct Differences {
    listed: usize,
    /// Listed by kubectl both times, absent from kubegraph.
    missing: Vec<String>,
    /// In kubegraph, listed by kubectl neither time.
    extra: Vec<String>,
    /// `owner -> dependent` and `pod -> node` edges kubectl's objects imply, absent from
    /// kubegraph's graph.
    missing_edges: Vec<String>,
    owns_checked: usize,
    runs_on_checked: usize,
    /// Secrets kubegraph holds with a value in `data` or `stringData`.
    secrets_with_values: Vec<String>,
    secrets_checked: usize,
}

async fn compare(cluster: &Cluster<'_>, strict: bool) -> Differences {
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

fn assert_agree(d: &Differences) {
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

fn kubectl_is_there() {
    let which = Command::new("kubectl")
        .args(["version", "--client"])
        .output();
    assert!(
        which.is_ok_and(|o| o.status.success()),
        "kubectl is needed (apt-get install kubernetes-client; .ci/run does it)"
    );
}

/// The check on the test server, over https: kube-prometheus (its CRDs, custom resources and
/// secrets with values) and the demo landscape (a live dump's owners, nodes and statuses).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubegraph_shows_every_object_kubectl_lists() {
    kubectl_is_there();
    let server = TestApiServer::start_tls().await;
    let paths = [
        kubegraph_fixtures::path("kube-prometheus/manifests"),
        kubegraph_fixtures::workspace().join("crates/sources/demo/landscape"),
    ];
    let read = kubegraph_test_apiserver::manifests::read(&paths).unwrap();
    kubegraph_test_apiserver::manifests::Synced::default().sync(&server, read.objects);
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, server.kubeconfig("tls")).unwrap();
    let cluster = Cluster {
        kubeconfig: &kubeconfig,
        context: None,
        name: "tls".into(),
        home: dir.path(),
    };
    let d = compare(&cluster, true).await;
    eprintln!("{d:?}");
    assert!(d.listed > 200, "{} objects listed", d.listed);
    assert!(d.owns_checked > 20, "{d:?}");
    assert!(d.runs_on_checked > 10, "{d:?}");
    assert!(d.secrets_checked > 5, "{d:?}");
    assert_agree(&d);
}

/// The check against a real cluster (see the module's comment); ignored unless asked for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a real cluster: KUBEGRAPH_CHECK_KUBECONFIG"]
async fn against_a_real_cluster() {
    kubectl_is_there();
    let kubeconfig = PathBuf::from(
        std::env::var_os("KUBEGRAPH_CHECK_KUBECONFIG")
            .expect("KUBEGRAPH_CHECK_KUBECONFIG: the kubeconfig of the cluster to check"),
    );
    let context = std::env::var("KUBEGRAPH_CHECK_CONTEXT").ok();
    let dir = tempfile::tempdir().unwrap();
    let name = match &context {
        Some(c) => c.clone(),
        None => {
            let out = Command::new("kubectl")
                .arg("--kubeconfig")
                .arg(&kubeconfig)
                .args(["config", "current-context"])
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        }
    };
    let cluster = Cluster {
        kubeconfig: &kubeconfig,
        context,
        name,
        home: dir.path(),
    };
    let d = compare(&cluster, false).await;
    eprintln!(
        "{} objects listed by kubectl; checked {} ownerships, {} pods on nodes, {} secrets",
        d.listed, d.owns_checked, d.runs_on_checked, d.secrets_checked
    );
    assert_agree(&d);
}
