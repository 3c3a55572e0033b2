//! Load and relation building over synthetic landscapes of about 10k and 100k objects:
//! (a) parse and load (`kubegraph_files::load_bytes`), (b) relation building
//! (`kubegraph_relations::graph_from_objects`), (c) both, and (d) extraction alone (each
//! object's references and containers, one thread: what a live source does per watch event).
//! Throughput is in objects.
//!
//! `cargo bench -p kubegraph-synth` (all), or `cargo bench -p kubegraph-synth -- 10k` (small only).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_relations::graph_from_objects;
use std::hint::black_box;
use std::time::Duration;

fn bench_size(c: &mut Criterion, label: &str, objects: usize, samples: usize) {
    let pods = kubegraph_synth::pods_for_objects(objects);
    let bytes = kubegraph_synth::generate_vec(pods);
    let options = LoadOptions::default();
    let loaded = load_bytes("synth.json", &bytes, &options);
    assert!(loaded.diagnostics.is_empty());
    let n = loaded.objects.len() as u64;
    eprintln!(
        "{label}: {pods} pods, {n} objects, {:.1} MB",
        bytes.len() as f64 / 1e6
    );

    let mut group = c.benchmark_group(format!("synth-{label}"));
    group.throughput(Throughput::Elements(n));
    group.sample_size(samples);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if samples > 10 { 10 } else { 20 }));

    group.bench_function("load", |b| {
        b.iter(|| black_box(load_bytes("synth.json", black_box(&bytes), &options)))
    });
    group.bench_function("relations", |b| {
        b.iter_batched(
            || loaded.objects.clone(),
            |objects| black_box(graph_from_objects("synth", objects)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for o in &loaded.objects {
                black_box(kubegraph_relations::extract(o));
            }
        })
    });
    let pods: Vec<_> = loaded.objects.iter().filter(|o| o.kind == "Pod").collect();
    group.throughput(Throughput::Elements(pods.len() as u64));
    group.bench_function("extract-pods", |b| {
        b.iter(|| {
            for o in &pods {
                black_box(kubegraph_relations::extract(o));
            }
        })
    });
    group.throughput(Throughput::Elements(n));
    group.bench_function("load+relations", |b| {
        b.iter(|| {
            let l = load_bytes("synth.json", black_box(&bytes), &options);
            black_box(graph_from_objects("synth", l.objects))
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_size(c, "10k", 10_000, 20);
    bench_size(c, "100k", 100_000, 10);
}

criterion_group!(load, benches);
criterion_main!(load);
