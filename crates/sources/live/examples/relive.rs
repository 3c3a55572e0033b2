//! Starts, syncs and drops a live source against the test API server again and again, printing
//! the process's resident memory: a dropped source must give its memory back.
//! `cargo run --release -p kubegraph-live --example relive -- 10000`

use kubegraph_live::{Live, LiveOptions};
use kubegraph_test_apiserver::TestApiServer;
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let objects: usize = std::env::args()
        .nth(1)
        .map_or(10_000, |n| n.parse().expect("a number of objects"));
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(TestApiServer::start());
    let bytes = kubegraph_synth::generate_vec(kubegraph_synth::pods_for_objects(objects));
    let list: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    for item in list["items"].as_array().unwrap() {
        let _ = server.try_apply(item.clone());
    }
    drop(list);
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(&kubeconfig, server.kubeconfig("relive")).unwrap();
    let options = LiveOptions {
        kubeconfig: Some(kubeconfig),
        ..LiveOptions::default()
    };
    println!("served: {:.0} MB resident", resident_mb());
    for round in 1..=8 {
        rt.block_on(async {
            let live = Live::start(options.clone()).await.unwrap();
            live.sync(Duration::from_secs(120)).await.unwrap();
            let synced = resident_mb();
            drop(live);
            tokio::time::sleep(Duration::from_secs(2)).await;
            println!(
                "round {round}: {synced:.0} MB synced, {:.0} MB after drop, {} watches open",
                resident_mb(),
                server.open_watches()
            );
        });
    }
}
