//! Extracts every pod of a synthetic landscape once, on one thread: a steady workload for
//! counting instructions (`valgrind --tool=callgrind`), which repeat where timings do not.
//! `cargo build --release -p kubegraph-synth --example extract && valgrind --tool=callgrind
//! --collect-atstart=no --toggle-collect='*extract_all*' target/release/examples/extract 3000`

use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_model::Object;
use std::hint::black_box;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn extract_all(pods: &[&Object]) -> usize {
    let mut references = 0;
    for o in pods {
        let extracted = black_box(kubegraph_relations::extract(o));
        references += extracted.references.len() + extracted.containers.len();
    }
    references
}

fn main() {
    let pods: usize = std::env::args()
        .nth(1)
        .map_or(3000, |n| n.parse().expect("a number of pods"));
    let bytes = kubegraph_synth::generate_vec(pods);
    let loaded = load_bytes("synth.json", &bytes, &LoadOptions::default());
    let pods: Vec<&Object> = loaded.objects.iter().filter(|o| o.kind == "Pod").collect();
    let started = std::time::Instant::now();
    let made = extract_all(&pods);
    println!(
        "{} pods: {made} references and containers in {:?}",
        pods.len(),
        started.elapsed()
    );
}
