//! How fast the test server fills, lists and streams, so benchmarks of clients built on it know
//! what part of their time is the server's.
//!
//! `cargo run --release -p kubegraph-test-apiserver --example rates [-- OBJECTS EVENTS]`

use std::time::Instant;

use futures::StreamExt;
use kubegraph_test_apiserver::TestApiServer;
use serde_json::{json, Value};

fn pod(i: usize) -> Value {
    json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": format!("pod-{i:06}"), "namespace": format!("ns-{}", i % 50),
                     "labels": {"app": format!("app-{}", i % 500)},
                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": format!("rs-{}", i % 500), "uid": "u", "controller": true}]},
        "spec": {"nodeName": format!("node-{}", i % 20), "serviceAccountName": "default",
                 "containers": [{"name": "main", "image": "registry.example.com/app:1.0",
                                 "env": [{"name": "A", "valueFrom": {"configMapKeyRef": {"name": "cm", "key": "a"}}}]}]},
        "status": {"phase": "Running", "podIP": "10.0.0.1"},
    })
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("counts are numbers"));
    let objects = args.next().unwrap_or(50_000);
    let events = args.next().unwrap_or(50_000);
    let server = TestApiServer::start().await;
    let client = reqwest::Client::new();

    let start = Instant::now();
    for i in 0..objects {
        server.apply(pod(i));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "apply: {objects} pods in {secs:.2}s = {:.0}/s",
        objects as f64 / secs
    );

    let start = Instant::now();
    let mut listed = 0;
    let mut token: Option<String> = None;
    loop {
        let mut url = format!("{}/api/v1/pods?limit=500", server.url());
        if let Some(t) = &token {
            url.push_str(&format!("&continue={t}"));
        }
        let page: Value = client
            .get(url)
            .bearer_auth(TestApiServer::TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        listed += page["items"].as_array().unwrap().len();
        match page["metadata"]["continue"].as_str() {
            Some(t) => token = Some(t.to_string()),
            None => break,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(listed, objects);
    println!(
        "paged list (limit=500): {listed} pods in {secs:.2}s = {:.0}/s",
        listed as f64 / secs
    );

    let rv = server.resource_version();
    let response = client
        .get(format!(
            "{}/api/v1/pods?watch=1&resourceVersion={rv}",
            server.url()
        ))
        .bearer_auth(TestApiServer::TOKEN)
        .send()
        .await
        .unwrap();
    while server.open_watches() == 0 {
        tokio::task::yield_now().await;
    }
    let start = Instant::now();
    let producer = {
        let server = server.clone();
        tokio::task::spawn_blocking(move || {
            for i in 0..events {
                server.apply(pod(i % objects.max(1)));
            }
        })
    };
    let mut stream = response.bytes_stream();
    let mut received = 0;
    while received < events {
        let chunk = stream.next().await.unwrap().unwrap();
        received += chunk.iter().filter(|&&b| b == b'\n').count();
    }
    producer.await.unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "watch: {events} events applied and received in {secs:.2}s = {:.0}/s",
        events as f64 / secs
    );
}
