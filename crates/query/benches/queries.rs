//! Search queries over synthetic landscapes of about 100k and 300k objects: ten representative
//! queries (filters, indexes, regexes, one-hop and unbounded traversals, `with`, `count`), each
//! measured as parse + evaluate with the graph and its [`QueryIndex`] built once outside the
//! loop, and the [`QueryIndex`] build itself.
//!
//! `cargo bench -p kubegraph-query --bench queries` (both sizes), or
//! `cargo bench -p kubegraph-query --bench queries -- 100k` (the smaller only).
//!
//! The names in the queries exist in every landscape of at least ~100k objects (the generator is
//! deterministic); each query's result size is printed to stderr before it is measured, and a
//! query that finds nothing fails the run.

use criterion::{criterion_group, criterion_main, Criterion};
use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_graph::Graph;
use kubegraph_query::{execute, parse, Ctx, GraphFacts, Output, QueryIndex};
use kubegraph_relations::graph_from_objects;
use std::cell::OnceCell;
use std::hint::black_box;
use std::time::Duration;

/// (benchmark id, query).
const QUERIES: [(&str, &str); 10] = [
    // The synthetic pods carry `app.kubernetes.io/name` (the component), not `app`.
    (
        "01-kind-label",
        r#"is(pod) and labels."app.kubernetes.io/name" = web"#,
    ),
    ("02-name-regex", r#"is(pod) and name ~ "^ads-web-""#),
    (
        "03-one-hop",
        "is(service) and name = ads-web -selects-> is(pod)",
    ),
    ("04-unbounded", "is(namespace) and name = ads-prod -[1:]->"),
    (
        "05-with-empty",
        "is(deployment) and with(empty, <-selects- is(poddisruptionbudget))",
    ),
    ("06-count-node", "is(pod) | count ancestors.node.name"),
    ("07-count-namespace", "is(pod) | count namespace"),
    ("08-namespace-index", "is(pod) and namespace = ads-prod"),
    (
        "09-configmap-users",
        "is(configmap) <-mounts,uses- is(pod) | count",
    ),
    ("10-phase", "is(pod) and status.phase != Running"),
];

fn run(l: &Landscape, query: &str) -> Output {
    let ast = parse(query).expect("query parses");
    execute(&Ctx::new(&l.graph, &l.index, &l.facts), &ast).expect("query runs")
}

/// A one-line description of a result, for the log.
fn describe(out: &Output) -> String {
    match out {
        Output::Nodes(ns) => format!("{} nodes", ns.len()),
        Output::Count(n) => format!("count {n}"),
        Output::CountBy(c) => format!(
            "{} values, total matched: {}, total unmatched: {}",
            c.values.len(),
            c.matched,
            c.unmatched
        ),
        other => format!("{other:?}"),
    }
}

fn is_empty(out: &Output) -> bool {
    match out {
        Output::Nodes(ns) => ns.is_empty(),
        Output::Count(n) => *n == 0,
        Output::CountBy(c) => c.matched == 0,
        _ => false,
    }
}

/// A landscape's graph, index and facts, built on first use so that a filtered run
/// (`-- 100k`) does not generate the sizes it skips. The facts (health, the clock) are kept
/// across iterations, as a shell session keeps them.
struct Landscape {
    graph: Graph,
    index: QueryIndex,
    facts: GraphFacts,
}

fn landscape(label: &str, objects: usize) -> Landscape {
    let pods = kubegraph_synth::pods_for_objects(objects);
    let bytes = kubegraph_synth::generate_vec(pods);
    let loaded = load_bytes("synth.json", &bytes, &LoadOptions::default());
    assert!(loaded.diagnostics.is_empty());
    let n = loaded.objects.len();
    drop(bytes);
    let (graph, _) = graph_from_objects("synth", loaded.objects);
    let l = Landscape {
        index: QueryIndex::new(&graph),
        graph,
        facts: GraphFacts::default(),
    };
    eprintln!(
        "\n{label}: {pods} pods, {n} objects, {} graph nodes",
        l.graph.nodes().count()
    );
    for (id, q) in QUERIES {
        let out = run(&l, q);
        eprintln!("  {id}: {q}  →  {}", describe(&out));
        assert!(!is_empty(&out), "{id} finds nothing at {label}: {q}");
    }
    l
}

fn bench_size(c: &mut Criterion, label: &str, objects: usize, samples: usize) {
    let cell: OnceCell<Landscape> = OnceCell::new();
    let get = || cell.get_or_init(|| landscape(label, objects));

    let mut group = c.benchmark_group(format!("query-{label}"));
    group.sample_size(samples);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if samples > 10 { 4 } else { 3 }));

    group.bench_function("index-build", |b| {
        let l = get();
        b.iter(|| black_box(QueryIndex::new(black_box(&l.graph))))
    });
    for (id, q) in QUERIES {
        group.bench_function(id, |b| {
            let l = get();
            b.iter(|| black_box(run(l, black_box(q))))
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_size(c, "100k", 100_000, 20);
    bench_size(c, "300k", 300_000, 10);
}

criterion_group!(queries, benches);
criterion_main!(queries);
