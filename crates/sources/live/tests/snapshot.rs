//! A live graph is assembled from what each object's extraction said when its watch reported
//! it, not from extracting everything again. These tests drive the store with random watch
//! changes over real manifests (relabelled pods and templates, changed selectors and
//! references, deletions, re-additions, re-lists) and check after every step that the graph
//! equals the one built from scratch from the same objects: every node with its origin, every
//! edge with its attributes. No HTTP here (the end-to-end version is in `live.rs`), so many
//! more steps fit.

mod common;

use common::{shape, Shape};
use kubegraph_live::snapshot::build_graph;
use kubegraph_live::store::{Change, Store, Stored, WatchKey};
use kubegraph_live::ResourceType;
use kubegraph_model::json::{from_serde, to_serde};
use kubegraph_model::Object;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

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
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/fixtures")
        .join(path);
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

/// The live graph of the store, and the graph built from scratch from the same objects in the
/// same order (order decides which attribute value a merged edge keeps).
fn both(store: &Store) -> (Shape, Shape) {
    let objects = store.objects();
    let fresh: Vec<Object> = objects.iter().map(|(_, s)| (*s.object).clone()).collect();
    let (live, _) = build_graph(&[(0, "c".to_string())], objects, usize::MAX);
    let (scratch, _) = kubegraph_relations::graph_from_objects("c", fresh);
    (shape(&live), shape(&scratch))
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
/// config map or secret a pod template reads, or the owner's uid.
fn edit(v: &mut Value, p: &Palette, rng: &mut Lcg) {
    let (k, val) = p.labels[rng.below(p.labels.len())].clone();
    match rng.below(5) {
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
        _ => {
            if let Some(owners) = v["metadata"]["ownerReferences"].as_array_mut() {
                for o in owners {
                    o["uid"] = json!(format!("edited-{}", rng.below(3)));
                }
            }
        }
    }
}

/// Runs `steps` random watch changes over the fixture, checking the graph after each batch.
fn converges(path: &str, steps: usize, seed: u64) {
    let all = fixture(path);
    let palette = palette(&all);
    let mut rng = Lcg(seed);
    let mut store = Store::default();
    store.add_cluster("c");
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
    let (live, scratch) = both(&store);
    assert_eq!(live, scratch, "{path}: after the initial list");
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
            (_, Some(v)) => {
                let mut v = v.clone();
                edit(&mut v, &palette, &mut rng);
                current[i] = Some(v.clone());
                Change::Apply(Stored::new(object(&v)))
            }
        };
        store.apply(&key, vec![change]);
        if step % 7 == 6 || step == steps - 1 {
            let (live, scratch) = both(&store);
            assert_eq!(live, scratch, "{path}: after step {step}");
        }
    }
    // A re-list that drops what was deleted meanwhile and brings back the rest unedited.
    let key = watch_key(&object(&all[0]));
    let mut changes = vec![Change::Init];
    for v in &all {
        let o = object(v);
        if watch_key(&o) == key && rng.below(2) == 0 {
            changes.push(Change::InitApply(Stored::new(o)));
        }
    }
    changes.push(Change::InitDone);
    store.apply(&key, changes);
    let (live, scratch) = both(&store);
    assert_eq!(live, scratch, "{path}: after a re-list");
}

#[test]
fn microservices_demo_under_random_changes() {
    converges("microservices-demo", 120, 1);
}

#[test]
fn live_dump_with_owners_and_status_under_random_changes() {
    converges("k9s-live-objects", 120, 2);
}

#[test]
fn kube_prometheus_under_random_changes() {
    converges("kube-prometheus", 60, 3);
}

#[test]
fn bookinfo_under_random_changes() {
    converges("istio-bookinfo/platform/kube/bookinfo.yaml", 120, 4);
}
