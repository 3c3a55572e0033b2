//! Times the phases of loading a dump separately, with the allocator the CLI uses:
//! `cargo run --release -p kubegraph-synth --example phases -- /tmp/synth-100000-lean.json`

use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_relations::graph_from_objects;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: phases DUMP.json");
    let t = Instant::now();
    let bytes = std::fs::read(&path).expect("readable dump");
    let read = t.elapsed();
    let t = Instant::now();
    let loaded = load_bytes(&path, &bytes, &LoadOptions::default());
    let load = t.elapsed();
    drop(bytes);
    let objects = loaded.objects.len();
    let t = Instant::now();
    let (graph, report) = graph_from_objects("synth", loaded.objects);
    let relate = t.elapsed();
    let t = Instant::now();
    let (nodes, edges) = (graph.node_count(), graph.edge_count());
    drop(graph);
    let free = t.elapsed();
    let total = read + load + relate;
    println!(
        "{objects} objects -> {nodes} nodes, {edges} edges, {} placeholders\nread {read:.2?}  parse+load {load:.2?}  relations {relate:.2?}  (total {total:.2?}, {:.0} objects/s)  drop {free:.2?}",
        report.placeholders,
        objects as f64 / total.as_secs_f64()
    );
}
