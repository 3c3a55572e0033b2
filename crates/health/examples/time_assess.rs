//! Times the health pass on a dump: `cargo run --release -p kubegraph-health --example
//! time_assess -- dump.json` (three runs: the reference time alone, then all of `assess_at`).
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: time_assess DUMP");
        std::process::exit(2);
    };
    let loaded = match kubegraph_files::load_paths(&[path.into()], &Default::default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot read the input: {e}");
            std::process::exit(2);
        }
    };
    let (g, _) = kubegraph_relations::graph_from_objects("c", loaded.objects);
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let now = kubegraph_health::time::newest(&g);
        let newest = started.elapsed();
        let h = kubegraph_health::assess_at(&g, kubegraph_health::time::Now::NewestInInput);
        println!(
            "{} nodes: newest timestamp {} in {newest:?}; newest + assess_at in {:?}",
            h.len(),
            now.map(|t| t.rfc3339()).unwrap_or_else(|| "none".into()),
            started.elapsed()
        );
    }
}
