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

use common::kubectl_check::{assert_agree, compare, kubectl_is_there, Cluster};
use kubegraph_test_apiserver::TestApiServer;
use std::path::PathBuf;
use std::process::Command;

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
