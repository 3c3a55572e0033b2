//! The `kubegraph` binary against a test API server over real HTTP, with a kubeconfig in a
//! temporary directory: what it prints must equal what it prints for the same objects read
//! from a file.

mod common;

use common::{kubegraph_at_home as kubegraph, run_off_runtime as run, stdout_json};

use kubegraph_test_apiserver::TestApiServer;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

struct Fixture {
    server: TestApiServer,
    dir: tempfile::TempDir,
    kubeconfig: PathBuf,
}

async fn fixture(context: &str) -> Fixture {
    let server = TestApiServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, server.kubeconfig(context)).unwrap();
    Fixture {
        server,
        dir,
        kubeconfig,
    }
}

/// A deployment's pods on a node, a service, the config and secret they use.
fn shop() -> Vec<Value> {
    let pod = |name: &str| {
        json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": "shop", "labels": {"app": "web"}, "uid": format!("uid-{name}"),
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-1", "uid": "uid-rs", "controller": true}]},
            "spec": {"nodeName": "node-1", "containers": [{"name": "web", "image": "nginx:1.27",
                "envFrom": [{"configMapRef": {"name": "settings"}}, {"secretRef": {"name": "db"}}]}]},
            "status": {"phase": "Running"}})
    };
    vec![
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}),
        json!({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1"}}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"}, "data": {"a": "b"}}),
        json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "shop"}, "data": {"password": "aHVudGVyMg=="}}),
        json!({"apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": {"name": "web-1", "namespace": "shop", "uid": "uid-rs"},
            "spec": {"selector": {"matchLabels": {"app": "web"}},
                "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}),
        pod("web-1-a"),
        pod("web-1-b"),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"selector": {"app": "web"}}}),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_of_a_cluster_equal_stats_of_its_objects_in_a_file() {
    let f = fixture("prod").await;
    let objects = shop();
    for o in &objects {
        f.server.apply(o.clone());
    }
    let mut live = kubegraph(f.dir.path());
    live.args(["--kubeconfig"])
        .arg(&f.kubeconfig)
        .args(["stats", "-o", "json"]);
    let live = stdout_json(&run(live).await);

    let file = f.dir.path().join("shop.json");
    std::fs::write(&file, serde_json::to_vec(&objects).unwrap()).unwrap();
    let mut files = kubegraph(f.dir.path());
    files
        .arg("-f")
        .arg(&file)
        .args(["--cluster", "prod", "stats", "-o", "json"]);
    let files = stdout_json(&run(files).await);

    assert_eq!(live["clusters"], json!(["prod"]));
    assert_eq!(live["objects"], objects.len());
    for key in [
        "nodes",
        "edges",
        "objects_by_kind",
        "synthetic_by_kind",
        "placeholders_by_kind",
        "edges_by_kind",
    ] {
        assert_eq!(live[key], files[key], "{key}");
    }
    assert_eq!(live["edges_by_kind"]["owns"], 2);
    assert_eq!(live["edges_by_kind"]["runs_on"], 2);
    assert_eq!(live["warnings"], json!([]));

    // The text header says where the objects came from (it once said "from 0 files").
    let mut text = kubegraph(f.dir.path());
    text.arg("--kubeconfig").arg(&f.kubeconfig).arg("stats");
    let text = run(text).await;
    let first = String::from_utf8_lossy(&text.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with(&format!(
            "cluster prod: {} objects listed live; ",
            objects.len()
        )),
        "{first}"
    );

    // The secret's value is nowhere in an export.
    let mut export = kubegraph(f.dir.path());
    export
        .arg("--kubeconfig")
        .arg(&f.kubeconfig)
        .args(["export", "-o", "json"]);
    let out = run(export).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("\"db\"") && !text.contains("aHVudGVyMg"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kubeconfig_from_the_environment_and_kinds_narrow_it() {
    let f = fixture("prod").await;
    for o in shop() {
        f.server.apply(o);
    }
    // Two files in $KUBECONFIG, the first missing (skipped, as kubectl does).
    let mut c = kubegraph(f.dir.path());
    let paths = std::env::join_paths([f.dir.path().join("absent"), f.kubeconfig.clone()]).unwrap();
    c.env("KUBECONFIG", paths)
        .args(["--kinds", "pods,rs", "search", "is(workload) | count kind"]);
    let out = run(c).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Pod") && text.contains("ReplicaSet"),
        "{text}"
    );
    assert!(!text.contains("Service"), "{text}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forbidden_kind_is_one_warning_and_the_rest_is_read() {
    let f = fixture("prod").await;
    for o in shop() {
        f.server.apply(o);
    }
    f.server.forbid_everywhere("", "configmaps");
    let mut c = kubegraph(f.dir.path());
    c.arg("--kubeconfig")
        .arg(&f.kubeconfig)
        .args(["stats", "-o", "json"]);
    let out = run(c).await;
    let stats = stdout_json(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("warning: context prod: cannot list ConfigMap (configmaps): configmaps is forbidden: User \"test\" cannot list resource \"configmaps\""),
        "{stderr}"
    );
    assert_eq!(stats["objects_by_kind"].get("ConfigMap"), None);
    assert_eq!(stats["objects_by_kind"]["Pod"], 2);
    assert_eq!(stats["placeholders_by_kind"]["ConfigMap"], 1);
    assert_eq!(stats["warnings"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_kubeconfigs_and_dead_clusters_are_exit_2_with_the_cause() {
    let f = fixture("prod").await;
    let home = f.dir.path();

    let mut c = kubegraph(home);
    c.args(["--kubeconfig", "/nonexistent/kubeconfig", "stats"]);
    let out = run(c).await;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot read the kubeconfig /nonexistent/kubeconfig:"),
        "{stderr}"
    );

    let mut c = kubegraph(home);
    c.arg("--kubeconfig")
        .arg(&f.kubeconfig)
        .args(["--context", "staging", "stats"]);
    let out = run(c).await;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "error: no context named \"staging\" in the kubeconfig (contexts: prod)\n"
    );

    let dead = home.join("dead");
    std::fs::write(
        &dead,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: dead\n  cluster:\n    server: http://127.0.0.1:1\nusers:\n- name: dead\n  user:\n    token: x\ncontexts:\n- name: dead\n  context:\n    cluster: dead\n    user: dead\ncurrent-context: dead\n",
    )
    .unwrap();
    let mut c = kubegraph(home);
    c.arg("--kubeconfig").arg(&dead).args(["stats"]);
    let out = run(c).await;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "error: no cluster could be reached: context dead: cannot reach http://127.0.0.1:1/:"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Only `serve` falls back to the demo (see tests/serve.rs); every other command without a
/// source says how to give one and exits 2, rather than show the demo's failures as if real.
#[test]
fn no_kubeconfig_means_exit_2_and_how_to_give_a_source() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["stats"][..],
        &["search", "is(pod) and health = error | list name"],
    ] {
        let out = kubegraph(home.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: no source: no kubeconfig was found"),
            "{stderr}"
        );
        assert!(stderr.contains("kubegraph --demo stats"), "{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shell_keeps_watching() {
    let f = fixture("prod").await;
    for o in shop() {
        f.server.apply(o);
    }
    let mut child = kubegraph(f.dir.path())
        .arg("--kubeconfig")
        .arg(&f.kubeconfig)
        .arg("shell")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let ask = |stdin: &mut std::process::ChildStdin| -> String {
        stdin.write_all(b"is(configmap) | count\n").unwrap();
        stdin.flush().unwrap();
        rx.recv_timeout(Duration::from_secs(30)).expect("an answer")
    };
    let before = tokio::task::block_in_place(|| ask(&mut stdin));
    assert_eq!(before, "1");
    f.server.apply(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "later", "namespace": "shop"}}));
    assert!(f.server.delete("v1", "Pod", Some("shop"), "web-1-a"));
    // The watch delivers the change within moments; ask until it shows.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut after = before.clone();
    while after == before && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        after = tokio::task::block_in_place(|| ask(&mut stdin));
    }
    assert_eq!(after, "2");
    let pods = tokio::task::block_in_place(|| {
        stdin.write_all(b"is(pod) | list name\n").unwrap();
        let header = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        let row = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        (header, row)
    });
    assert_eq!(pods, ("name".to_string(), "web-1-b".to_string()));
    drop(stdin);
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn the_read_only_cluster_role_manifest_loads_and_binds() {
    let home = tempfile::tempdir().unwrap();
    let manifest =
        kubegraph_fixtures::workspace().join("deploy/kubegraph-readonly-clusterrole.yaml");
    let out = kubegraph(home.path())
        .arg("-f")
        .arg(&manifest)
        .args([
            "search",
            "is(clusterrolebinding) -binds-> | list kind, name",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // The binding grants the read-only role (not the no-secrets one) to kubegraph's account.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "kind            name\nClusterRole     kubegraph-readonly\nServiceAccount  kubegraph\n"
    );
    let stats = stdout_json(
        &kubegraph(home.path())
            .arg("-f")
            .arg(&manifest)
            .args(["stats", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        stats["objects_by_kind"],
        json!({"Namespace": 1, "ServiceAccount": 1,
            "rbac.authorization.k8s.io/ClusterRole": 2, "rbac.authorization.k8s.io/ClusterRoleBinding": 1})
    );
    assert_eq!(stats["placeholders_by_kind"], json!({}));
    // Read-only: no rule grants a verb other than get, list and watch.
    let text = std::fs::read_to_string(&manifest).unwrap();
    for line in text
        .lines()
        .filter(|l| l.trim_start().starts_with("verbs:"))
    {
        let verbs = line.split_once(':').unwrap().1.trim();
        assert!(
            verbs == r#"["get", "list", "watch"]"# || verbs == r#"["get"]"#,
            "{line}"
        );
    }
}

/// `-n` is a filter, repeatable as in kubectl, on files as on clusters.
#[test]
fn several_namespaces_filter_files_too() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("cm.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: d, namespace: c}\n",
    )
    .unwrap();
    let out = kubegraph(home.path())
        .arg("-f")
        .arg(&file)
        .args([
            "-n",
            "a",
            "-n",
            "b",
            "search",
            "is(configmap)",
            "-o",
            "name",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "configmap/c\n");
}

/// A server whose certificate the kubeconfig's CA did not sign: exit 2, the context, the
/// address, rustls's reason and where the trust comes from.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untrusted_server_certificate_is_named_with_a_hint() {
    let server = TestApiServer::start_tls().await;
    let other = TestApiServer::start_tls().await;
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    let foreign_ca = other.kubeconfig("x");
    let ca_line = |config: &str| {
        config
            .lines()
            .find(|l| l.contains("certificate-authority-data"))
            .unwrap()
            .to_string()
    };
    let mine = server.kubeconfig("prod");
    std::fs::write(
        &kubeconfig,
        mine.replace(&ca_line(&mine), &ca_line(&foreign_ca)),
    )
    .unwrap();
    let mut c = kubegraph(dir.path());
    c.arg("--kubeconfig")
        .arg(&kubeconfig)
        .args(["--timeout", "5s", "stats"]);
    let out = run(c).await;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("context prod: cannot reach https://127.0.0.1:"),
        "{stderr}"
    );
    assert!(stderr.contains("invalid peer certificate"), "{stderr}");
    assert!(stderr.contains("certificate-authority-data"), "{stderr}");
}
