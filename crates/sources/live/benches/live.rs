//! The live source over a synthetic landscape (kubegraph-synth) served by the test API server:
//!
//! * `sync`: start, discover, list every type (pages of 500) and watch, until synced: objects/s
//!   from the server over HTTP into the store.
//! * `snapshot`: the graph built from the store (relations included): objects/s.
//! * `events-http`: watch events end to end: modifications applied on the server, streamed,
//!   parsed and applied to the store; events/s.
//! * `events-apply-pods`, `events-apply-mixed`: the client's share, with relation
//!   maintenance: watch events parsed, each object's references and containers extracted, and
//!   applied to the store in batches of 1024; events/s. Over the landscape's pods (the kind
//!   with the most to extract), and over every kind in the landscape's proportions.
//! * `events-parse-pods`, `events-parse-mixed`: the watch stream's share alone: event lines
//!   parsed into objects, on one thread; events/s.
//! * `events-maintain-pods`, `events-maintain-mixed`: the same, and the graph kept current
//!   in place from the store's changes (every relation maintained): events/s. The store
//!   holds the whole landscape, so selectors, owners and references have their real fan-out.
//! * `latency`: from one change on the server to a published graph holding it, with the
//!   rebuild debounced at 100 ms.
//!
//! `cargo bench -p kubegraph-live` (objects: `KUBEGRAPH_BENCH_OBJECTS`, default 10000).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kubegraph_live::convert::{from_raw, RawObject};
use kubegraph_live::snapshot::Maintained;
use kubegraph_live::store::{prepare, Reported, Store, WatchKey};
use kubegraph_live::{Live, LiveOptions, ResourceType};
use kubegraph_test_apiserver::TestApiServer;
use serde_json::{json, Value};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

// As the CLI: kubegraph allocates many small strings and maps; mimalloc is what it runs with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Setup {
    rt: tokio::runtime::Runtime,
    server: TestApiServer,
    _dir: tempfile::TempDir,
    options: LiveOptions,
    objects: usize,
    /// Pods of the landscape, and a sample of every kind in its proportions, for the
    /// event-apply benches.
    pods: Vec<Value>,
    sample: Vec<Value>,
    /// Every object served, for a store that holds the whole landscape.
    all: Vec<Value>,
}

fn setup(objects: usize) -> Setup {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(TestApiServer::start());
    let bytes = kubegraph_synth::generate_vec(kubegraph_synth::pods_for_objects(objects));
    let list: Value = serde_json::from_slice(&bytes).unwrap();
    let mut served = 0;
    for item in list["items"].as_array().unwrap() {
        if server.try_apply(item.clone()).is_ok() {
            served += 1;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(&kubeconfig, server.kubeconfig("bench")).unwrap();
    eprintln!(
        "serving {served} objects ({:.1} MB as a dump)",
        bytes.len() as f64 / 1e6
    );
    let pods = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["kind"] == "Pod")
        .take(5000)
        .cloned()
        .collect();
    let items = list["items"].as_array().unwrap();
    let step = (items.len() / 5000).max(1);
    let sample = items.iter().step_by(step).cloned().collect();
    let all = items.clone();
    Setup {
        rt,
        server,
        _dir: dir,
        options: options(&kubeconfig),
        objects: served,
        pods,
        sample,
        all,
    }
}

fn options(kubeconfig: &Path) -> LiveOptions {
    LiveOptions {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        timeout: Duration::from_secs(60),
        ..LiveOptions::default()
    }
}

async fn synced(options: &LiveOptions) -> Live {
    let live = Live::start(options.clone()).await.unwrap();
    live.sync(Duration::from_secs(120)).await.unwrap();
    live
}

fn config_map(name: &str, generation: usize) -> Value {
    json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": "default", "labels": {"generation": generation.to_string()}},
        "data": {"key": "value"}})
}

/// The process's resident memory now, in MB (Linux; 0 elsewhere).
fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Waits until the store holds `count` objects.
async fn until_count(live: &Live, count: usize) {
    let mut rx = live.subscribe();
    while live.object_count() != count {
        let _ = tokio::time::timeout(Duration::from_millis(50), rx.changed()).await;
    }
}

fn benches(c: &mut Criterion) {
    // `KUBEGRAPH_LOG=kubegraph_live=debug` shows each rebuild's phases.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("KUBEGRAPH_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    let wanted: usize = std::env::var("KUBEGRAPH_BENCH_OBJECTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let s = setup(wanted);
    let mut group = c.benchmark_group(format!("live-{}k", wanted / 1000));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(15));

    group.throughput(Throughput::Elements(s.objects as u64));
    group.bench_function("sync", |b| {
        b.iter(|| {
            s.rt.block_on(async { black_box(synced(&s.options).await.object_count()) })
        })
    });
    let live = s.rt.block_on(synced(&s.options));
    assert_eq!(live.object_count(), s.objects);
    group.bench_function("snapshot", |b| {
        b.iter(|| black_box(s.rt.block_on(async { live.snapshot().graph.edge_count() })))
    });

    // Watch events over HTTP: N modifications, then a new object that marks the end (the
    // config map watch delivers in order), then its deletion to return to the start.
    const EVENTS: usize = 5000;
    for i in 0..100 {
        s.server.apply(config_map(&format!("bench-{i}"), 0));
    }
    let base = s.objects + 100;
    s.rt.block_on(until_count(&live, base));
    group.throughput(Throughput::Elements(EVENTS as u64));
    let mut generation = 0;
    group.bench_function("events-http", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                for i in 0..EVENTS - 1 {
                    generation += 1;
                    s.server
                        .apply(config_map(&format!("bench-{}", i % 100), generation));
                }
                s.server.apply(config_map("bench-end", 0));
                s.rt.block_on(until_count(&live, base + 1));
                total += started.elapsed();
                s.server
                    .delete("v1", "ConfigMap", Some("default"), "bench-end");
                s.rt.block_on(until_count(&live, base));
            }
            total
        })
    });

    // The client's share, with relation maintenance: watch-event JSON (`type` first, as the
    // API server writes it) parsed as kube parses it, each object's references and containers
    // extracted (`store::prepare`, in parallel within a batch, as the watch task does), and
    // the batch applied to the store, in batches of 1024. Streams: the landscape's pods (the
    // first 5000), relabelled (the kind with the most to extract; a new label makes selectors
    // look at the pod again); the same pods with only a status change; and every kind of the
    // landscape in its own proportions, each relabelled.
    // A third stream changes only pods' status (a container's restart count), as most changes
    // to a running cluster's pods do.
    #[derive(Clone, Copy, PartialEq)]
    enum Edit {
        Relabel,
        Status,
    }
    let event_lines = |objects: &[(ResourceType, Value)], edit: Edit| -> Vec<(usize, String)> {
        (0..EVENTS)
            .map(|i| {
                let at = i % objects.len();
                let mut o = objects[at].1.clone();
                match edit {
                    Edit::Relabel => o["metadata"]["labels"]["generation"] = json!(i.to_string()),
                    Edit::Status => {
                        if let Some(c) = o["status"]["containerStatuses"].get_mut(0) {
                            c["restartCount"] = json!(i);
                        }
                    }
                }
                o["metadata"]["resourceVersion"] = json!((1_000_000 + i).to_string());
                (at, format!("{{\"type\":\"MODIFIED\",\"object\":{o}}}"))
            })
            .collect()
    };
    let typed = |o: &Value| {
        let (group, version) = match o["apiVersion"].as_str().unwrap().split_once('/') {
            Some((g, v)) => (g.to_string(), v.to_string()),
            None => (String::new(), o["apiVersion"].as_str().unwrap().to_string()),
        };
        let kind = o["kind"].as_str().unwrap().to_string();
        let rt = ResourceType {
            group,
            version,
            plural: format!("{}s", kind.to_lowercase()),
            singular: kind.to_lowercase(),
            kind,
            short_names: Vec::new(),
            namespaced: o["metadata"]["namespace"].is_string(),
        };
        (rt, o.clone())
    };
    let pods: Vec<(ResourceType, Value)> = s.pods.iter().map(typed).collect();
    let mixed: Vec<(ResourceType, Value)> = s.sample.iter().map(typed).collect();
    // The whole landscape in a store, as a synced source has it, and the graph kept current
    // from it (building it object by object is timed once).
    let watch_key = |rt: &ResourceType| WatchKey {
        cluster: 0,
        resource: rt.clone(),
        namespace: None,
    };
    let mut store = Store::default();
    store.add_cluster("bench");
    let mut by_type: std::collections::BTreeMap<WatchKey, Vec<Reported>> = Default::default();
    for v in &s.all {
        let (rt, v) = typed(v);
        let o = kubegraph_model::Object::from_value(kubegraph_model::json::from_serde(&v)).unwrap();
        by_type
            .entry(watch_key(&rt))
            .or_default()
            .push(Reported::InitApply(o));
    }
    for (key, mut batch) in by_type {
        store.register(key.clone());
        batch.insert(0, Reported::Init);
        batch.push(Reported::InitDone);
        store.apply(&key, prepare(batch, Vec::new()));
    }
    for (_, objects) in [("", &pods), ("", &mixed)] {
        for (rt, _) in objects.iter() {
            store.register(watch_key(rt));
        }
    }
    store.track_changes();
    let mut maintained = Maintained::new(usize::MAX);
    maintained.add_clusters(&[(0, "bench".to_string())]);
    let rss_before = resident_mb();
    let started = Instant::now();
    maintained.apply(store.take_changes());
    let took = started.elapsed();
    eprintln!(
        "graph kept current: resident memory {rss_before:.0} MB before, {:.0} MB after (objects shared with the store)",
        resident_mb()
    );
    eprintln!(
        "graph kept current: built object by object in {took:?} ({:.0} objects/s), {} nodes, {} edges",
        maintained.objects() as f64 / took.as_secs_f64(),
        maintained.graph().node_count(),
        maintained.graph().edge_count()
    );
    let started = Instant::now();
    let copy = maintained.graph().clone();
    copy.index_edges();
    eprintln!(
        "graph kept current: copied for publishing in {:?}",
        started.elapsed()
    );
    drop(copy);
    // Store only; then the graph kept current after each batch, on the same thread; then the
    // graph kept current on a thread of its own while events keep coming (as the watch tasks
    // and the publishing task of a running source are): events/s until the last is in the graph.
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Store,
        Sequential,
        Pipelined,
    }
    // The watch stream's own share: event lines parsed as kube parses them, into objects.
    for (name, objects) in [("events-parse-pods", &pods), ("events-parse-mixed", &mixed)] {
        let lines = event_lines(objects, Edit::Relabel);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut parsed = 0;
                for (at, line) in &lines {
                    let e: kube::core::WatchEvent<RawObject> = serde_json::from_str(line).unwrap();
                    if let kube::core::WatchEvent::Modified(o) = e {
                        parsed += usize::from(from_raw(o, &objects[*at].0).is_some());
                    }
                }
                black_box(parsed)
            })
        });
    }
    let store = std::sync::Mutex::new(store);
    for (name, objects, mode, edit) in [
        ("events-apply-pods", &pods, Mode::Store, Edit::Relabel),
        ("events-apply-mixed", &mixed, Mode::Store, Edit::Relabel),
        (
            "events-maintain-pods",
            &pods,
            Mode::Sequential,
            Edit::Relabel,
        ),
        (
            "events-maintain-mixed",
            &mixed,
            Mode::Sequential,
            Edit::Relabel,
        ),
        (
            "events-pipelined-pods",
            &pods,
            Mode::Pipelined,
            Edit::Relabel,
        ),
        (
            "events-pipelined-pods-status",
            &pods,
            Mode::Pipelined,
            Edit::Status,
        ),
        (
            "events-pipelined-mixed",
            &mixed,
            Mode::Pipelined,
            Edit::Relabel,
        ),
    ] {
        let lines = event_lines(objects, edit);
        let keys: Vec<WatchKey> = objects.iter().map(|(rt, _)| watch_key(rt)).collect();
        // What a watch task does with a batch of event lines.
        let watch = |chunk: &[(usize, String)]| {
            // One watch per resource type: a batch is one type's events.
            let mut per_type: std::collections::BTreeMap<&WatchKey, Vec<Reported>> =
                Default::default();
            for (at, line) in chunk {
                let e: kube::core::WatchEvent<RawObject> = serde_json::from_str(line).unwrap();
                if let kube::core::WatchEvent::Modified(o) = e {
                    let rt = &objects[*at].0;
                    if let Some(o) = from_raw(o, rt) {
                        per_type
                            .entry(&keys[*at])
                            .or_default()
                            .push(Reported::Apply(o));
                    }
                }
            }
            for (key, batch) in per_type {
                let previous = store.lock().unwrap().previous(key, &batch);
                let prepared = prepare(batch, previous);
                store.lock().unwrap().apply(key, prepared);
            }
        };
        group.bench_function(name, |b| {
            b.iter(|| match mode {
                Mode::Store | Mode::Sequential => {
                    for chunk in lines.chunks(1024) {
                        watch(chunk);
                        let changes = store.lock().unwrap().take_changes();
                        if mode == Mode::Sequential {
                            maintained.apply(changes);
                        }
                    }
                }
                Mode::Pipelined => {
                    let done = std::sync::atomic::AtomicBool::new(false);
                    let maintained = &mut maintained;
                    std::thread::scope(|scope| {
                        let publisher = scope.spawn(|| loop {
                            let finished = done.load(std::sync::atomic::Ordering::Acquire);
                            let changes = store.lock().unwrap().take_changes();
                            if !changes.is_empty() {
                                maintained.apply(changes);
                            } else if finished {
                                break;
                            } else {
                                std::thread::sleep(Duration::from_micros(200));
                            }
                        });
                        for chunk in lines.chunks(1024) {
                            watch(chunk);
                        }
                        done.store(true, std::sync::atomic::Ordering::Release);
                        publisher.join().unwrap();
                    });
                }
            })
        });
    }

    // Latency: one change on the server to a published graph that holds it.
    let live = live;
    let mut graphs = live.publish(Duration::from_millis(100));
    // The first graph is built object by object from the whole store: timed apart, so that the
    // samples are changes to a running source.
    let started = Instant::now();
    s.rt.block_on(async {
        while graphs.borrow_and_update().is_none() {
            graphs.changed().await.unwrap();
        }
    });
    eprintln!("first published graph after {:?}", started.elapsed());
    let mut latencies = Vec::new();
    group.throughput(Throughput::Elements(1));
    let mut n = 0;
    group.bench_function("latency", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let name = format!("latency-{n}");
                let started = Instant::now();
                s.server.apply(config_map(&name, n));
                s.rt.block_on(async {
                    loop {
                        let found = graphs.borrow_and_update().as_ref().is_some_and(|snap| {
                            let g = &snap.graph;
                            g.clusters().next().is_some_and(|(c, _, _)| {
                                g.lookup(c, "", "ConfigMap", Some("default"), &name)
                                    .is_some()
                            })
                        });
                        if found {
                            break;
                        }
                        graphs.changed().await.unwrap();
                    }
                });
                let took = started.elapsed();
                latencies.push(took);
                total += took;
            }
            total
        })
    });
    group.finish();
    latencies.sort();
    if !latencies.is_empty() {
        let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
        eprintln!(
            "event -> queryable latency over {} changes: median {:?}, p95 {:?}, max {:?}",
            latencies.len(),
            at(0.5),
            at(0.95),
            latencies[latencies.len() - 1]
        );
    }
}

criterion_group!(live, benches);
criterion_main!(live);
