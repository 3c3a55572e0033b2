//! Loading real manifests (the shared fixtures) into the server, and the binary serving them.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::*;
use kubegraph_test_apiserver::{manifests, TestApiServer};
use serde_json::Value;

fn fixtures(path: &str) -> PathBuf {
    kubegraph_fixtures::path(path)
}

#[tokio::test]
async fn kube_prometheus_crds_serve_their_custom_resources() {
    let read = manifests::read(&[fixtures("kube-prometheus/manifests")]).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    // The fixtures README counts 130: it could not parse the AlertmanagerConfig CRD, whose bare
    // `=` scalar PyYAML rejects and YAML readers like Go's (and serde_yaml_ng) read as "=".
    assert_eq!(read.objects.len(), 131);
    let service_monitors = read
        .objects
        .iter()
        .filter(|o| o["kind"] == "ServiceMonitor")
        .count();
    assert_eq!(service_monitors, 13);

    let server = TestApiServer::start().await;
    let warnings = server.load(read.objects);
    assert!(warnings.is_empty(), "{warnings:?}");

    let apis = get_ok(&server, "/apis").await;
    let monitoring = apis["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "monitoring.coreos.com")
        .expect("CRD group served");
    assert_eq!(monitoring["preferredVersion"]["version"], "v1");
    let versions: Vec<&str> = monitoring["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, vec!["v1", "v1alpha1"]);
    let alpha = get_ok(&server, "/apis/monitoring.coreos.com/v1alpha1").await;
    assert_eq!(alpha["resources"][0]["name"], "alertmanagerconfigs");
    let list = get_ok(&server, "/apis/monitoring.coreos.com/v1/servicemonitors").await;
    assert_eq!(list["kind"], "ServiceMonitorList");
    assert_eq!(item_names(&list).len(), service_monitors);
    // `monitoring` is defined by the manifests; `default` and `kube-system` are only used (by
    // the RoleBindingList and RoleList) and get created, as a cluster has them.
    let namespaces = get_ok(&server, "/api/v1/namespaces").await;
    assert_eq!(
        item_names(&namespaces),
        vec!["/default", "/kube-system", "/monitoring"]
    );
}

#[tokio::test]
async fn unknown_kinds_are_served_under_a_guessed_type_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("objects.yaml"),
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\n---\n\
         apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p, namespace: shop}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"kind\": ").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a manifest").unwrap();
    let read = manifests::read(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(read.objects.len(), 2);
    assert_eq!(read.warnings.len(), 1);
    assert!(
        read.warnings[0].contains("broken.json"),
        "{:?}",
        read.warnings
    );

    let server = TestApiServer::start().await;
    let warnings = server.load(read.objects);
    assert_eq!(
        warnings,
        vec!["no CustomResourceDefinition for VirtualService (networking.istio.io/v1): serving it as virtualservices (namespaced)"]
    );
    let list = get_ok(
        &server,
        "/apis/networking.istio.io/v1/namespaces/shop/virtualservices",
    )
    .await;
    assert_eq!(item_names(&list), vec!["shop/reviews"]);
    let pod = get_ok(&server, "/api/v1/namespaces/shop/pods/p").await;
    assert_eq!(pod["kind"], "Pod");

    let missing = manifests::read(&[dir.path().join("nope.yaml")]).unwrap_err();
    assert!(missing.to_string().contains("nope.yaml"), "{missing}");
}

/// Kills the child on drop, so a failing assertion leaves no server behind.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_binary_serves_manifests_and_writes_a_kubeconfig() {
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    let child = Command::new(env!("CARGO_BIN_EXE_kubegraph-test-apiserver"))
        .arg("--kubeconfig-out")
        .arg(&kubeconfig)
        .args(["--context", "demo"])
        .arg(fixtures("microservices-demo"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        line.trim().to_string()
    })
    .await
    .unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");

    let config: Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(&kubeconfig).unwrap()).unwrap();
    assert_eq!(config["current-context"], "demo");
    assert_eq!(
        config["clusters"][0]["cluster"]["server"].as_str(),
        Some(url.as_str())
    );

    let client = reqwest::Client::new();
    let deployments: Value = client
        .get(format!("{url}/apis/apps/v1/deployments"))
        .bearer_auth(TestApiServer::TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(deployments["items"].as_array().unwrap().len(), 12);
    // The manifests name no namespace: their objects are in `default`, which exists.
    let namespaces: Value = client
        .get(format!("{url}/api/v1/namespaces"))
        .bearer_auth(TestApiServer::TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(item_names(&namespaces), vec!["/default"]);
    let unauthorized = client.get(format!("{url}/apis")).send().await.unwrap();
    assert_eq!(unauthorized.status().as_u16(), 401);
}

#[tokio::test]
async fn synced_files_apply_only_changes_and_delete_what_disappeared() {
    let server = TestApiServer::start().await;
    let mut synced = manifests::Synced::default();
    let objects = vec![pod("a", "one"), pod("a", "two"), configmap("b", "cm")];
    let report = synced.sync(&server, objects.clone());
    assert_eq!((report.applied, report.deleted), (3, 0));
    let rv = server.resource_version();

    // Same files: nothing to do, no new revision.
    let report = synced.sync(&server, objects.clone());
    assert_eq!((report.applied, report.deleted), (0, 0));
    assert_eq!(server.resource_version(), rv);

    let mut changed = pod("a", "one");
    changed["metadata"]["labels"]["version"] = "2".into();
    let report = synced.sync(&server, vec![changed, configmap("b", "cm")]);
    assert_eq!((report.applied, report.deleted), (1, 1));
    assert_eq!(
        item_names(&get_ok(&server, "/api/v1/pods").await),
        vec!["a/one"]
    );
    let one = get_ok(&server, "/api/v1/namespaces/a/pods/one").await;
    assert_eq!(one["metadata"]["labels"]["version"], "2");
}

#[tokio::test]
async fn the_binary_with_watch_applies_file_edits() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.yaml");
    let write = |names: &[&str]| {
        let docs: Vec<String> = names
            .iter()
            .map(|n| format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {n}, namespace: app}}\ndata: {{k: v}}\n"))
            .collect();
        std::fs::write(&file, docs.join("---\n")).unwrap();
    };
    write(&["keep", "drop"]);
    let child = Command::new(env!("CARGO_BIN_EXE_kubegraph-test-apiserver"))
        .arg("--watch")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut running = Running(child);
    let stdout = running.0.stdout.take().unwrap();
    let url = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        line.trim().to_string()
    })
    .await
    .unwrap();
    let client = reqwest::Client::new();
    let list: Value = client
        .get(format!("{url}/api/v1/namespaces/app/configmaps"))
        .bearer_auth(TestApiServer::TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(item_names(&list), vec!["app/drop", "app/keep"]);
    let rv = list["metadata"]["resourceVersion"]
        .as_str()
        .unwrap()
        .to_string();
    let response = client
        .get(format!(
            "{url}/api/v1/namespaces/app/configmaps?watch=1&resourceVersion={rv}"
        ))
        .bearer_auth(TestApiServer::TOKEN)
        .send()
        .await
        .unwrap();
    // Make sure the edit lands in a later second than the first write (mtime resolution).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    write(&["keep", "new"]);
    let body = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        use futures::StreamExt;
        let mut stream = response.bytes_stream();
        let mut text = String::new();
        while text.lines().count() < 2 {
            text.push_str(&String::from_utf8_lossy(
                &stream.next().await.unwrap().unwrap(),
            ));
        }
        text
    })
    .await
    .expect("the edit shows up as watch events");
    let events: Vec<(String, String)> = body
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["object"]["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        events,
        vec![
            ("ADDED".to_string(), "new".to_string()),
            ("DELETED".to_string(), "drop".to_string())
        ]
    );
}
