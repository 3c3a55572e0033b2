//! A live graph is assembled from what each object's extraction said when its watch reported
//! it, not from extracting everything again. These tests drive the store with random watch
//! changes over real manifests (relabelled pods and templates, changed selectors and
//! references, deletions, re-additions, re-lists) and check after every step that the graph
//! equals the one built from scratch from the same objects: every node with its origin, every
//! edge with its attributes. No HTTP here (the end-to-end version is in `live.rs`), so many
//! more steps fit.

mod common;

use common::{shape_with_objects as shape, Shape};
use kubegraph_live::snapshot::{build_graph, Maintained};
use kubegraph_live::store::{prepare, Change, Reported, Store, Stored, WatchKey};
use kubegraph_live::ResourceType;
use kubegraph_model::json::{from_serde, to_serde};
use kubegraph_model::Object;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A small deterministic generator (the sequences must be the same on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn fixture(path: &str) -> Vec<Value> {
    let path = kubegraph_fixtures::path(path);
    let loaded = kubegraph_files::load_paths(&[path], &kubegraph_files::LoadOptions::default())
        .expect("fixture loads");
    assert!(loaded.objects.len() > 10, "fixture has objects");
    loaded.objects.iter().map(|o| to_serde(&o.raw)).collect()
}

fn object(v: &Value) -> Object {
    Object::from_value(from_serde(v)).unwrap()
}

fn watch_key(o: &Object) -> WatchKey {
    WatchKey {
        cluster: 0,
        resource: ResourceType {
            group: o.group.clone(),
            version: o.version.clone(),
            kind: o.kind.clone(),
            plural: format!("{}s", o.kind.to_lowercase()),
            singular: o.kind.to_lowercase(),
            short_names: Vec::new(),
            namespaced: o.namespace.is_some(),
        },
        namespace: None,
    }
}

/// The graph assembled from the store, the one kept current from the store's changes, and the
/// graph built from scratch from the same objects in the same order (order decides which
/// attribute value a merged edge keeps).
/// With `max_events` below the number of events, the scratch graph is not built (it keeps them
/// all); the other two must still agree.
fn all_three(
    store: &mut Store,
    maintained: &mut Maintained,
    max_events: usize,
) -> (Shape, Shape, Option<Shape>) {
    let objects = store.objects();
    let fresh: Vec<Object> = objects.iter().map(|(_, s)| (*s.object).clone()).collect();
    let (live, count) = build_graph(&[(0, "c".to_string())], objects, max_events);
    let scratch = (max_events == usize::MAX)
        .then(|| shape(&kubegraph_relations::graph_from_objects("c", fresh).0));
    maintained.apply(store.take_changes());
    assert_eq!(maintained.objects(), count);
    (shape(&live), shape(maintained.graph()), scratch)
}

/// Asserts that all three graphs of [`all_three`] are equal, naming the first difference.
fn same(store: &mut Store, maintained: &mut Maintained, max_events: usize, when: &str) {
    let (live, kept, scratch) = all_three(store, maintained, max_events);
    if let Some(scratch) = scratch {
        assert_eq!(live, scratch, "{when}: assembled");
    }
    let scratch = live;
    if kept != scratch {
        let nodes: Vec<_> = kept.0.symmetric_difference(&scratch.0).collect();
        let edges: Vec<_> = kept.1.symmetric_difference(&scratch.1).collect();
        panic!("{when}: kept current differs from scratch: nodes {nodes:#?}, edges {edges:#?}");
    }
}

/// Label values and names seen in the fixture, to draw changes from (so that a change often
/// makes a selector match something else, or a reference find another object).
struct Palette {
    labels: Vec<(String, String)>,
    names: Vec<String>,
}

fn palette(objects: &[Value]) -> Palette {
    let mut labels = BTreeSet::new();
    let mut names = BTreeSet::new();
    for o in objects {
        for l in [
            &o["metadata"]["labels"],
            &o["spec"]["template"]["metadata"]["labels"],
        ] {
            if let Some(m) = l.as_object() {
                for (k, v) in m {
                    if let Some(v) = v.as_str() {
                        labels.insert((k.clone(), v.to_string()));
                    }
                }
            }
        }
        if let Some(n) = o["metadata"]["name"].as_str() {
            names.insert(n.to_string());
        }
    }
    Palette {
        labels: labels.into_iter().collect(),
        names: names.into_iter().collect(),
    }
}

/// One random edit of `v`: a label of the object or of its pod template, a selector entry, a
/// config map or secret a pod template reads, or its owner reference.
fn edit(v: &mut Value, p: &Palette, rng: &mut Lcg) {
    // As an API server does on every change (a re-list skips objects whose version it holds).
    let version = v["metadata"]["resourceVersion"].as_str().unwrap_or("0");
    v["metadata"]["resourceVersion"] = json!(format!("{version}.{}", rng.below(1000)));
    let (k, val) = p.labels[rng.below(p.labels.len())].clone();
    match rng.below(7) {
        0 => {
            v["metadata"]["labels"][&k] = json!(val);
        }
        1 if v["spec"]["template"]["metadata"].is_object() => {
            v["spec"]["template"]["metadata"]["labels"][&k] = json!(val);
        }
        2 if v["spec"]["selector"].is_object() => {
            let selector = &mut v["spec"]["selector"];
            if selector["matchLabels"].is_object() {
                selector["matchLabels"][&k] = json!(val);
            } else {
                selector[&k] = json!(val);
            }
        }
        3 => {
            let name = p.names[rng.below(p.names.len())].clone();
            let service = v["kind"] == "Service";
            let spec = if v["spec"]["template"]["spec"].is_object() {
                &mut v["spec"]["template"]["spec"]
            } else {
                &mut v["spec"]
            };
            if spec.is_object() && !service {
                spec["volumes"] = json!([{"name": "edited", "configMap": {"name": name}},
                    {"name": "secret", "secret": {"secretName": name}}]);
            }
        }
        4 => {
            // A default StorageClass appears or stops being one.
            let a = "storageclass.kubernetes.io/is-default-class";
            let now = v["metadata"]["annotations"][a] == "true";
            v["metadata"]["annotations"][a] = json!(if now { "false" } else { "true" });
        }
        5 if v["kind"] == "Pod" => {
            // A status change (the containers stay, their status entries change), or a new
            // image (containers made again).
            let n = rng.below(3);
            if let Some(statuses) = v["status"]["containerStatuses"].as_array_mut() {
                for st in statuses {
                    st["imageID"] = json!(format!("docker-pullable://img@sha256:{n}"));
                    st["restartCount"] = json!(n);
                }
            }
            if rng.below(3) == 0 {
                if let Some(c) = v["spec"]["containers"].get_mut(0) {
                    c["image"] = json!(format!("example.com/img:{n}"));
                }
            }
        }
        5 => {
            // An event happens again (retention keeps the newest).
            v["lastTimestamp"] = json!(format!("2026-01-0{}T00:00:00Z", 1 + rng.below(9)));
        }
        _ => {
            // The owner's uid (found by identity then), whether it is the controller (an edge
            // attribute), or its name (another owner, missing: a placeholder).
            let what = rng.below(3);
            if let Some(owners) = v["metadata"]["ownerReferences"].as_array_mut() {
                for o in owners {
                    match what {
                        0 => o["uid"] = json!(format!("edited-{}", rng.below(3))),
                        1 => o["controller"] = json!(o["controller"] != true),
                        _ => o["name"] = json!(format!("edited-owner-{}", rng.below(2))),
                    }
                }
            }
        }
    }
}

/// Objects a fixture's StatefulSets would make: the claims of ordinals 0 to 2 of each of its
/// volume claim templates (and a claim with a leading zero, which is no ordinal); and two
/// StorageClasses to contend for the default.
fn companions(objects: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for o in objects.iter().filter(|o| o["kind"] == "StatefulSet") {
        let (sts, ns) = (&o["metadata"]["name"], &o["metadata"]["namespace"]);
        for t in o["spec"]["volumeClaimTemplates"]
            .as_array()
            .into_iter()
            .flatten()
        {
            for ordinal in ["0", "1", "2", "01"] {
                let name = format!(
                    "{}-{}-{ordinal}",
                    t["metadata"]["name"].as_str().unwrap_or(""),
                    sts.as_str().unwrap_or("")
                );
                out.push(json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                    "metadata": {"name": name, "namespace": ns}, "spec": {}}));
            }
        }
    }
    // Events about the first objects, more than retention keeps in one test.
    for (i, o) in objects.iter().take(8).enumerate() {
        let ns = o["metadata"]["namespace"].as_str().unwrap_or("default");
        out.push(json!({"apiVersion": "v1", "kind": "Event",
            "metadata": {"name": format!("event-{i}"), "namespace": ns},
            "involvedObject": {"apiVersion": o["apiVersion"], "kind": o["kind"],
                "name": o["metadata"]["name"], "namespace": ns},
            "reason": "Tested", "lastTimestamp": format!("2026-01-0{}T00:00:00Z", 1 + i % 9)}));
    }
    for name in ["aa-class", "zz-class"] {
        out.push(
            json!({"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": {"name": name, "annotations":
                {"storageclass.kubernetes.io/is-default-class": "true"}},
            "provisioner": "example.com/disk"}),
        );
    }
    out
}

/// Runs `steps` random watch changes over the fixture, checking the graph after each batch.
fn converges(path: &str, steps: usize, seed: u64) {
    converges_keeping(path, steps, seed, usize::MAX)
}

/// [`converges`] with at most `max_events` Events in the graph.
///
/// `KUBEGRAPH_SOAK=N` runs N times the steps, each N-th run with other seeds (for a deeper run
/// by hand: `KUBEGRAPH_SOAK=20 cargo nextest run -p kubegraph-live --test snapshot`).
fn converges_keeping(path: &str, steps: usize, seed: u64, max_events: usize) {
    let soak: u64 = std::env::var("KUBEGRAPH_SOAK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for round in 0..soak {
        converges_once(path, steps, seed + 1000 * round, max_events);
    }
}

fn converges_once(path: &str, steps: usize, seed: u64, max_events: usize) {
    let mut all = fixture(path);
    all.extend(companions(&all));
    let palette = palette(&all);
    let mut rng = Lcg(seed);
    let mut store = Store::default();
    store.add_cluster("c");
    store.track_changes();
    let mut maintained = Maintained::new(max_events);
    maintained.add_clusters(&[(0, "c".to_string())]);
    // Everything listed first, as an initial sync does.
    let mut by_watch: BTreeMap<WatchKey, Vec<Stored>> = BTreeMap::new();
    for v in &all {
        let o = object(v);
        by_watch
            .entry(watch_key(&o))
            .or_default()
            .push(Stored::new(o));
    }
    for (key, objects) in by_watch {
        store.register(key.clone());
        let mut changes = vec![Change::Init];
        changes.extend(objects.into_iter().map(Change::InitApply));
        changes.push(Change::InitDone);
        store.apply(&key, changes);
    }
    same(
        &mut store,
        &mut maintained,
        max_events,
        &format!("{path}: after the initial list"),
    );
    let mut current: Vec<Option<Value>> = all.iter().cloned().map(Some).collect();
    for step in 0..steps {
        let i = rng.below(all.len());
        let key = watch_key(&object(&all[i]));
        let change = match (rng.below(6), &current[i]) {
            (0, Some(v)) => {
                let o = object(v);
                let k = (o.namespace.clone(), o.name.clone());
                current[i] = None;
                Change::Delete(k)
            }
            (_, None) => {
                current[i] = Some(all[i].clone());
                Change::Apply(Stored::new(object(&all[i])))
            }
            // As a watch does: what the edit cannot have changed is kept from the version the
            // store holds (`Stored::after`), so keeping too much shows as a wrong graph.
            (_, Some(v)) => {
                let mut v = v.clone();
                edit(&mut v, &palette, &mut rng);
                current[i] = Some(v.clone());
                let o = object(&v);
                let previous = store.previous(&key, &[Reported::Apply(o.clone())]);
                match previous.into_iter().next().flatten() {
                    Some(old) => Change::Apply(Stored::after(o, &old)),
                    None => Change::Apply(Stored::new(o)),
                }
            }
        };
        store.apply(&key, vec![change]);
        if step % 3 == 2 || step == steps - 1 {
            same(
                &mut store,
                &mut maintained,
                max_events,
                &format!("{path}: after step {step}"),
            );
        }
    }
    // A re-list that drops what was deleted meanwhile and brings back the rest unedited.
    let key = watch_key(&object(&all[0]));
    let mut relist = vec![Reported::Init];
    for v in &all {
        let o = object(v);
        if watch_key(&o) == key && rng.below(2) == 0 {
            relist.push(Reported::InitApply(o));
        }
    }
    relist.push(Reported::InitDone);
    let previous = store.previous(&key, &relist);
    store.apply(&key, prepare(relist, previous));
    same(
        &mut store,
        &mut maintained,
        max_events,
        &format!("{path}: after a re-list"),
    );
}

#[test]
fn microservices_demo_under_random_changes() {
    converges("microservices-demo", 300, 1);
}

#[test]
fn live_dump_with_owners_and_status_under_random_changes() {
    converges("k9s-live-objects", 300, 2);
}

#[test]
fn live_dump_keeping_few_events_under_random_changes() {
    converges_keeping("k9s-live-objects", 200, 5, 2);
}

#[test]
fn kube_prometheus_under_random_changes() {
    converges("kube-prometheus", 60, 3);
}

#[test]
fn bookinfo_under_random_changes() {
    converges("istio-bookinfo/platform/kube/bookinfo.yaml", 300, 4);
}
