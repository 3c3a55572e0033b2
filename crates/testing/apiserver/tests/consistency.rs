//! A client that lists then watches (as kube-rs's watcher does) keeps an exact copy of the
//! server's objects through random changes, compactions and dropped connections: the server's
//! pages, replays, bookmarks and 410s are consistent with each other.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use kubegraph_test_apiserver::TestApiServer;
use serde_json::Value;

/// `namespace/name` → resourceVersion.
type Copy = BTreeMap<String, String>;

#[derive(Default)]
struct Mirror {
    objects: Copy,
    /// The revision the copy is known to be current at.
    rv: u64,
    relists: usize,
    rewatches: usize,
}

fn key(object: &Value) -> String {
    format!(
        "{}/{}",
        object["metadata"]["namespace"].as_str().unwrap_or(""),
        object["metadata"]["name"].as_str().unwrap_or("")
    )
}

fn rv_of(object: &Value) -> String {
    object["metadata"]["resourceVersion"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Pages through `/api/v1/pods` three at a time; `None` when a page was refused (410).
async fn list(server: &TestApiServer) -> Option<(Copy, u64)> {
    let mut objects = Copy::new();
    let mut path = "/api/v1/pods?limit=3".to_string();
    loop {
        let (code, page) = get(server, &path, None).await;
        if code == 410 {
            return None;
        }
        assert_eq!(code, 200, "{page}");
        for item in page["items"].as_array().unwrap() {
            assert!(
                objects.insert(key(item), rv_of(item)).is_none(),
                "an object twice in one list"
            );
        }
        match page["metadata"]["continue"].as_str() {
            Some(token) => path = format!("/api/v1/pods?limit=3&continue={token}"),
            None => {
                let rv = page["metadata"]["resourceVersion"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                return Some((objects, rv));
            }
        }
    }
}

async fn reflect(server: TestApiServer, mirror: Arc<Mutex<Mirror>>) {
    'relist: loop {
        let Some((objects, rv)) = list(&server).await else {
            mirror.lock().unwrap().relists += 1;
            continue;
        };
        {
            let mut m = mirror.lock().unwrap();
            m.objects = objects;
            m.rv = rv;
            m.relists += 1;
        }
        loop {
            let from = mirror.lock().unwrap().rv;
            let path =
                format!("/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion={from}");
            // A watch cut before its response began is a broken watch like any other.
            let Some(mut watch) = Watch::try_open(&server, &path).await else {
                mirror.lock().unwrap().rewatches += 1;
                continue;
            };
            loop {
                match watch.next(Duration::from_secs(5)).await {
                    Next::Event(event) => {
                        let object = &event["object"];
                        let mut m = mirror.lock().unwrap();
                        match event["type"].as_str().unwrap() {
                            "ADDED" | "MODIFIED" => {
                                m.objects.insert(key(object), rv_of(object));
                            }
                            "DELETED" => {
                                assert!(
                                    m.objects.remove(&key(object)).is_some(),
                                    "DELETED for an unknown object"
                                );
                            }
                            "BOOKMARK" => {}
                            "ERROR" => {
                                assert_eq!(object["code"], 410, "{event}");
                                continue 'relist;
                            }
                            other => panic!("unexpected event type {other}"),
                        }
                        let rv: u64 = rv_of(object).parse().unwrap();
                        assert!(rv >= m.rv, "revisions never go back: {rv} after {}", m.rv);
                        m.rv = rv;
                    }
                    Next::End | Next::Broken | Next::Silent => {
                        mirror.lock().unwrap().rewatches += 1;
                        break;
                    }
                }
            }
        }
    }
}

/// xorshift64: a fixed, dependency-free sequence of "random" operations.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_watch_client_stays_exact_through_changes_compactions_and_drops() {
    let server = TestApiServer::start().await;
    server.set_bookmark_interval(Duration::from_millis(20));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..12 {
        server.apply(pod(&format!("ns-{}", i % 3), &format!("p{i}")));
    }
    let mirror = Arc::new(Mutex::new(Mirror::default()));
    let client = tokio::spawn(reflect(server.clone(), mirror.clone()));

    let (mut compactions, mut drops) = (0, 0);
    for _ in 0..400 {
        let ns = format!("ns-{}", rng.next(3));
        let name = format!("p{}", rng.next(20));
        match rng.next(100) {
            0..=59 => {
                let mut object = pod(&ns, &name);
                object["metadata"]["labels"]["generation"] = rng.next(1000).to_string().into();
                server.apply(object);
            }
            60..=84 => {
                server.delete("v1", "Pod", Some(&ns), &name);
            }
            85..=89 => {
                // Compacting then cutting the connections sends the client back with a
                // revision that is (usually) gone: 410, re-list.
                server.compact();
                server.drop_watches();
                compactions += 1;
            }
            90..=94 => {
                server.drop_watches();
                drops += 1;
            }
            _ => tokio::time::sleep(Duration::from_millis(15)).await,
        }
        if rng.next(4) == 0 {
            tokio::task::yield_now().await;
        }
    }
    // Once the cluster is quiet, the copy catches up (bookmarks carry the revision) and must
    // equal a fresh list.
    let (fresh, fresh_rv) = list(&server).await.expect("a fresh list");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        {
            let m = mirror.lock().unwrap();
            if m.rv >= fresh_rv {
                assert_eq!(m.objects, fresh, "the copy differs from a fresh list");
                assert!(
                    m.relists >= 2 && m.rewatches >= 1,
                    "relists {} rewatches {}",
                    m.relists,
                    m.rewatches
                );
                break;
            }
        }
        assert!(
            !client.is_finished(),
            "the client stopped (an assertion in it failed)"
        );
        assert!(
            tokio::time::Instant::now() < deadline,
            "the client never caught up"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        compactions >= 5 && drops >= 5,
        "the sequence exercised compaction ({compactions}) and drops ({drops})"
    );
    assert!(!fresh.is_empty());
    client.abort();
}
