//! The web UI in a real browser: `kubegraph serve` started as a user starts it, and the
//! playwright-core scripts of `crates/server/ui/tests/` driving Debian's headless Chromium
//! against it. Each script prints `ok - …` / `FAIL - …` lines and exits non-zero on a failure.
//!
//! Without Chromium, node or the UI's node_modules (`npm ci` in crates/server/ui) these tests
//! say why and pass, unless `KUBEGRAPH_REQUIRE_BROWSER` is set (CI sets it).

use kubegraph_test_apiserver::TestApiServer;
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn ui_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../server/ui")
}

fn chromium() -> PathBuf {
    std::env::var_os("KUBEGRAPH_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Whether the browser tests can run here; says why not.
fn browser_available() -> bool {
    let mut missing = Vec::new();
    if !chromium().exists() {
        missing.push(format!(
            "{} (apt-get install chromium)",
            chromium().display()
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node (apt-get install nodejs npm)".into());
    }
    if !ui_dir().join("node_modules/playwright-core").exists() {
        missing.push("crates/server/ui/node_modules (npm ci in crates/server/ui)".into());
    }
    if missing.is_empty() {
        return true;
    }
    let why = format!("browser tests skipped: missing {}", missing.join(", "));
    if std::env::var_os("KUBEGRAPH_REQUIRE_BROWSER").is_some() {
        panic!("{why} (KUBEGRAPH_REQUIRE_BROWSER is set)");
    }
    eprintln!("{why}");
    false
}

/// A running `kubegraph … serve` and the URL it prints.
struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str], home: &std::path::Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(args)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("HOME", home)
        .env_remove("KUBECONFIG")
        .env_remove("KUBERNETES_SERVICE_HOST")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kubegraph runs");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(url) = line.trim().strip_prefix("open ") {
                let _ = tx.send(url.to_string());
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("kubegraph serve prints the URL to open");
    Served { child, url }
}

/// Runs a test script to its end (at most `limit`), echoing its lines; its output.
fn script(name: &str, args: &[&str], limit: Duration) -> (bool, String) {
    let mut child = Command::new("node")
        .arg(ui_dir().join("tests").join(name))
        .args(args)
        .current_dir(ui_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            println!("{text}");
            return (status.success(), text);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{name} ran longer than {limit:?}:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_demo_in_a_browser() {
    if !browser_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let served = serve(&["--demo"], home.path());
    let (ok, out) = script("demo.mjs", &[&served.url], Duration::from_secs(300));
    assert!(ok, "the browser checks failed:\n{out}");
    assert!(out.contains(", 0 failed"), "{out}");
    for expected in [
        "ok - the demo loads with no console error",
        "ok - clicking the crash-looping pod shows its reason",
        "ok - highlight marks exactly the broken pods",
        "ok - why draws a segment of the path into the secret",
        "ok - a bad query shows the query with a caret",
        "ok - the canvas shows health colours",
    ] {
        assert!(out.contains(expected), "no `{expected}` in:\n{out}");
    }
}

/// 160 services selecting the same 100 pods: 16,000 edges between 260 nodes, a picture over
/// the 15,000 edges above which the UI keeps edges out of its renderer (docs/serve.md).
#[test]
fn a_picture_of_many_edges_draws_the_selections() {
    if !browser_available() {
        return;
    }
    let mut items =
        vec![json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "big"}})];
    for i in 0..100 {
        items.push(json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": format!("pod-{i}"), "namespace": "big", "labels": {"app": "big"}, "uid": format!("uid-{i}")},
            "spec": {"nodeName": "node-1", "containers": [{"name": "c", "image": "nginx:1.27"}]},
            "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}],
                "containerStatuses": [{"name": "c", "ready": true, "restartCount": 0, "image": "nginx:1.27", "state": {"running": {}}}]}}));
    }
    for i in 0..160 {
        items.push(json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": format!("svc-{i}"), "namespace": "big"},
            "spec": {"selector": {"app": "big"}, "ports": [{"port": 80}]}}));
    }
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("big.json");
    std::fs::write(
        &file,
        json!({"apiVersion": "v1", "kind": "List", "items": items}).to_string(),
    )
    .unwrap();
    let served = serve(&["-f", file.to_str().unwrap()], home.path());
    let (ok, out) = script(
        "sparse.mjs",
        &[&served.url, "big/core/Service/big/svc-7"],
        Duration::from_secs(300),
    );
    assert!(ok, "the browser checks failed:\n{out}");
    for expected in [
        "ok - a picture of more than 15,000 edges keeps them out of the renderer",
        "ok - the selected service's edges are drawn",
        "ok - draw all edges hands every edge to the renderer",
        "ok - no console error",
    ] {
        assert!(out.contains(expected), "no `{expected}` in:\n{out}");
    }
}

fn shop() -> Vec<serde_json::Value> {
    vec![
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}),
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"}, "data": {"a": "b"}}),
        json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "web-1", "namespace": "shop", "labels": {"app": "web"}, "uid": "uid-web-1"},
            "spec": {"nodeName": "node-1", "containers": [{"name": "web", "image": "nginx:1.27",
                "envFrom": [{"configMapRef": {"name": "settings"}}]}]},
            "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}],
                "containerStatuses": [{"name": "web", "ready": true, "restartCount": 0, "image": "nginx:1.27", "state": {"running": {}}}]}}),
        json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_in_the_cluster_appears_in_the_browser_without_a_reload() {
    if !browser_available() {
        return;
    }
    let server = TestApiServer::start().await;
    for o in shop() {
        server.apply(o);
    }
    let home = tempfile::tempdir().unwrap();
    let kubeconfig = home.path().join("kubeconfig");
    std::fs::write(&kubeconfig, server.kubeconfig("prod")).unwrap();
    let kc = kubeconfig.to_str().unwrap().to_string();
    let home_path = home.path().to_path_buf();
    let served = tokio::task::spawn_blocking(move || serve(&["--kubeconfig", &kc], &home_path))
        .await
        .unwrap();

    let mut child = Command::new("node")
        .arg(ui_dir().join("tests/live.mjs"))
        .args([&served.url, "prod/core/Service/shop/checkout"])
        .current_dir(ui_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut output = Vec::new();
    let wait_for = |what: &str, output: &mut Vec<String>| loop {
        let line = rx
            .recv_timeout(Duration::from_secs(90))
            .unwrap_or_else(|_| {
                panic!("no `{what}` from live.mjs; it said:\n{}", output.join("\n"))
            });
        output.push(line.clone());
        if line == what {
            return;
        }
    };
    wait_for("READY", &mut output);
    server.apply(json!({"apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "checkout", "namespace": "shop"},
        "spec": {"selector": {"app": "checkout"}, "ports": [{"port": 8080}]}}));
    writeln!(stdin, "add").unwrap();
    wait_for("SHOWN", &mut output);
    server.delete("v1", "Service", Some("shop"), "checkout");
    writeln!(stdin, "remove").unwrap();
    wait_for("SHOWN", &mut output);
    drop(stdin);
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(5)) {
        output.push(line);
    }
    let out = output.join("\n");
    assert!(status.success(), "live.mjs failed:\n{out}");
    assert!(out.contains(", 0 failed"), "{out}");
    assert!(
        out.contains("ok - the new object appears without a reload"),
        "{out}"
    );
    drop(served);
}
