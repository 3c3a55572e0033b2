//! The live source against the real control plane (kube-apiserver v1.37 with its watch cache,
//! etcd; crates/testing/control-plane) next to the test API server, on the same objects:
//! N ConfigMaps created through the API (pods would need more nodes than three fake kubelets
//! hold), the rest of the cluster as the control plane made it.
//!
//! * initial sync: start, discover, list every type (pages of 500) and watch, until synced;
//!   objects/s (best and worst of three);
//! * watch: 10k ConfigMaps more created while synced; events/s from the first create to the
//!   store holding the last, and the API's own rate (the real server's writes are the limit).
//!
//! `cargo run --release -p kubegraph-live --example control_plane_bench -- 10000 50000`

use kubegraph_live::{Live, LiveOptions};
use kubegraph_test_apiserver::TestApiServer;
use kubegraph_test_control_plane::ControlPlane;
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WATCHED: usize = 10_000;

fn options(kubeconfig: &Path) -> LiveOptions {
    LiveOptions {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        timeout: Duration::from_secs(300),
        ..LiveOptions::default()
    }
}

/// Three initial syncs: (objects, best seconds, worst seconds).
async fn syncs(kubeconfig: &Path) -> (usize, f64, f64) {
    let mut times = Vec::new();
    let mut objects = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let live = Live::start(options(kubeconfig)).await.unwrap();
        live.sync(Duration::from_secs(300)).await.unwrap();
        times.push(started.elapsed().as_secs_f64());
        objects = live.object_count();
    }
    times.sort_by(f64::total_cmp);
    (objects, times[0], times[2])
}

/// Waits until the store holds `want` objects; the seconds since `started`.
async fn until_count(live: &Live, want: usize, started: Instant) -> f64 {
    while live.object_count() < want {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    started.elapsed().as_secs_f64()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    };
    let cp = tokio::task::spawn_blocking(|| ControlPlane::start().expect("go is needed"))
        .await
        .unwrap();
    println!(
        "control plane ready in {:.1}s",
        cp.started_in().as_secs_f64()
    );
    let cp = std::sync::Arc::new(cp);
    {
        let cp = cp.clone();
        tokio::task::spawn_blocking(move || cp.namespace("bench"))
            .await
            .unwrap();
    }
    let mut made = 0;
    println!("| objects | server | initial sync (best–worst of 3) | objects/s | watch: 10k creates | events/s | API writes/s |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let rate = {
            let cp = cp.clone();
            let more = n.saturating_sub(made);
            tokio::task::spawn_blocking(move || cp.load("bench", "cm", made, more, false))
                .await
                .unwrap()
        };
        // The watch step adds its 10k: they count towards the next size.
        made = n.max(made) + WATCHED;
        eprintln!("{n} ConfigMaps made ({rate:.0}/s through the API)");
        let (objects, best, worst) = syncs(cp.kubeconfig()).await;

        // The same objects on the test API server (https, as the real one).
        let listed: Value = {
            let cp = cp.clone();
            tokio::task::spawn_blocking(move || {
                serde_json::from_str(&cp.kubectl_ok(&["get", "--raw", "/api/v1/configmaps"], None))
                    .unwrap()
            })
            .await
            .unwrap()
        };
        // Watch: 10k more while synced.
        let live = Live::start(options(cp.kubeconfig())).await.unwrap();
        live.sync(Duration::from_secs(300)).await.unwrap();
        let before = live.object_count();
        let started = Instant::now();
        let api = {
            let cp = cp.clone();
            tokio::task::spawn_blocking(move || {
                cp.load("bench", &format!("w{n}"), 0, WATCHED, false)
            })
            .await
            .unwrap()
        };
        let seconds = until_count(&live, before + WATCHED, started).await;
        drop(live);
        println!(
            "| {objects} | kube-apiserver | {best:.2}–{worst:.2} s | {:.0} | {seconds:.2} s | {:.0} | {api:.0} |",
            objects as f64 / best,
            WATCHED as f64 / seconds
        );
        let server = TestApiServer::start_tls().await;
        for item in listed["items"].as_array().unwrap() {
            let mut o = item.clone();
            o["apiVersion"] = "v1".into();
            o["kind"] = "ConfigMap".into();
            server.apply(o);
        }
        let dir = tempfile::tempdir().unwrap();
        let kubeconfig = dir.path().join("kubeconfig");
        std::fs::write(&kubeconfig, server.kubeconfig("test")).unwrap();
        let (objects, best, worst) = syncs(&kubeconfig).await;
        let live = Live::start(options(&kubeconfig)).await.unwrap();
        live.sync(Duration::from_secs(300)).await.unwrap();
        let before = live.object_count();
        let template = listed["items"][0].clone();
        let started = Instant::now();
        for i in 0..WATCHED {
            let mut o = template.clone();
            o["apiVersion"] = "v1".into();
            o["kind"] = "ConfigMap".into();
            o["metadata"]["name"] = format!("w-{i}").into();
            o["metadata"]["uid"] = Value::Null;
            server.apply(o);
        }
        let api = WATCHED as f64 / started.elapsed().as_secs_f64();
        let seconds = until_count(&live, before + WATCHED, started).await;
        println!(
            "| {objects} | test API server | {best:.2}–{worst:.2} s | {:.0} | {seconds:.2} s | {:.0} | {api:.0} |",
            objects as f64 / best,
            WATCHED as f64 / seconds
        );
    }
}
