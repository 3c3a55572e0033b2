//! Live: a change in the cluster (the test API server) reaches SSE clients as a batch of
//! changes; a client that lost its connection resumes with `Last-Event-ID`; a thousand clients
//! and a stalled one do not stop the others; watched files are reloaded; and no response of any
//! route holds a secret's value.

mod common;

use common::{demo_routes, load, serve_with, Served};
use kubegraph_app::Source;
use kubegraph_live::LiveOptions;
use kubegraph_server::Config;
use kubegraph_test_apiserver::TestApiServer;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

const SECRET_VALUE: &str = "hunter2-do-not-leak-7f3a";

struct Live {
    api: TestApiServer,
    served: Served,
    _dir: tempfile::TempDir,
}

fn pod(name: &str, app: &str) -> Value {
    json!({"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": name, "namespace": "shop", "labels": {"app": app}},
        "spec": {"containers": [{"name": "c", "image": "nginx", "envFrom": [{"secretRef": {"name": "creds"}}]}]},
        "status": {"phase": "Running"}})
}

async fn live() -> Live {
    let api = TestApiServer::start().await;
    api.apply(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}));
    api.apply(pod("web-1", "web"));
    api.apply(json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
        "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}));
    use base64_free::encode;
    api.apply(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds", "namespace": "shop",
        "annotations": {"kubectl.kubernetes.io/last-applied-configuration": format!("{{\"stringData\":{{\"password\":\"{SECRET_VALUE}\"}}}}")}},
        "data": {"password": encode(SECRET_VALUE)}, "stringData": {"other": SECRET_VALUE}}));
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(&kubeconfig, api.kubeconfig("test")).unwrap();
    let source = Source::Live(LiveOptions {
        kubeconfig: Some(kubeconfig),
        timeout: Duration::from_secs(10),
        ..LiveOptions::default()
    });
    let landscape = load(source.clone()).await;
    let served = serve_with(
        landscape,
        Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            source,
            ..Config::default()
        },
    )
    .await;
    Live {
        api,
        served,
        _dir: dir,
    }
}

/// Base64 without a dependency: the test only needs to know the encoded form of one value.
mod base64_free {
    pub fn encode(s: &str) -> String {
        const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let b = s.as_bytes();
        let mut out = String::new();
        for chunk in b.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, &x| acc << 8 | u32::from(x))
                << (8 * (3 - chunk.len()));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

/// An SSE connection read event by event.
struct Stream {
    lines: tokio::io::Lines<BufReader<tokio::net::TcpStream>>,
}

struct SseEvent {
    name: String,
    id: String,
    data: Value,
}

impl Stream {
    async fn open(addr: std::net::SocketAddr, last_event_id: Option<&str>) -> Stream {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let resume = last_event_id
            .map(|id| format!("Last-Event-ID: {id}\r\n"))
            .unwrap_or_default();
        s.write_all(format!("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n{resume}\r\n").as_bytes())
            .await
            .unwrap();
        let mut lines = BufReader::new(s).lines();
        // Headers.
        while let Some(l) = lines.next_line().await.unwrap() {
            if l.is_empty() {
                break;
            }
        }
        Stream { lines }
    }

    /// The next event (heartbeats and chunk sizes skipped), within `wait`.
    async fn next(&mut self, wait: Duration) -> Option<SseEvent> {
        tokio::time::timeout(wait, async {
            let (mut name, mut id, mut data) = (String::new(), String::new(), String::new());
            while let Some(l) = self.lines.next_line().await.unwrap() {
                if let Some(v) = l
                    .strip_prefix("event: ")
                    .or_else(|| l.strip_prefix("event:"))
                {
                    name = v.to_string();
                } else if let Some(v) = l.strip_prefix("id: ").or_else(|| l.strip_prefix("id:")) {
                    id = v.to_string();
                } else if let Some(v) = l.strip_prefix("data: ").or_else(|| l.strip_prefix("data:"))
                {
                    data.push_str(v);
                } else if l.is_empty() && !name.is_empty() {
                    return Some(SseEvent {
                        name,
                        id,
                        data: serde_json::from_str(&data).unwrap_or(Value::Null),
                    });
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
    }
}

fn changed_ids(e: &SseEvent) -> Vec<(String, String)> {
    e.data["changes"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|c| {
                    (
                        c["type"].as_str().unwrap_or("").to_string(),
                        c["id"]
                            .as_str()
                            .or(c["from"].as_str())
                            .unwrap_or("")
                            .to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cluster_change_arrives_as_changes_and_a_lost_client_resumes() {
    let l = live().await;
    let mut stream = Stream::open(l.served.addr, None).await;
    l.api.apply(pod("web-2", "web"));
    let e = stream
        .next(Duration::from_secs(10))
        .await
        .expect("a changes event");
    assert_eq!(e.name, "changes");
    let ids = changed_ids(&e);
    assert!(
        ids.contains(&("node_added".into(), "test/core/Pod/shop/web-2".into())),
        "{ids:?}"
    );
    assert!(
        ids.iter()
            .any(|(t, from)| t == "edge_added" && from == "test/core/Service/shop/web"),
        "{ids:?}"
    );
    let seen = e.id.clone();
    let (epoch, seq) = seen.split_once(':').unwrap();
    // The client loses its connection; meanwhile the pod is relabelled.
    drop(stream);
    l.api.apply(pod("web-2", "other"));
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut resumed = Stream::open(l.served.addr, Some(&seen)).await;
    let missed = resumed
        .next(Duration::from_secs(10))
        .await
        .expect("the missed batch");
    assert_eq!(missed.name, "changes");
    assert_eq!(
        missed.id,
        format!("{epoch}:{}", seq.parse::<u64>().unwrap() + 1)
    );
    let ids = changed_ids(&missed);
    assert!(
        ids.contains(&("node_changed".into(), "test/core/Pod/shop/web-2".into())),
        "{ids:?}"
    );
    assert!(
        ids.iter()
            .any(|(t, from)| t == "edge_removed" && from == "test/core/Service/shop/web"),
        "{ids:?}"
    );
    // The watch between kubegraph and the cluster drops: the live source watches again, and the
    // next change still arrives on the same stream.
    l.api.drop_watches();
    tokio::time::sleep(Duration::from_millis(500)).await;
    l.api.apply(pod("web-3", "web"));
    let mut after_drop = None;
    while let Some(e) = resumed.next(Duration::from_secs(15)).await {
        if changed_ids(&e).contains(&("node_added".into(), "test/core/Pod/shop/web-3".into())) {
            after_drop = Some(e);
            break;
        }
    }
    assert!(
        after_drop.is_some(),
        "a change after the watch dropped arrived"
    );
    // A client of an earlier life of the server is told to start over.
    let mut stale = Stream::open(l.served.addr, Some("0:3")).await;
    let reset = stale.next(Duration::from_secs(5)).await.expect("a reset");
    assert_eq!(reset.name, "reset");
    l.served.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_clients_and_a_stalled_one_do_not_stop_the_others() {
    let l = live().await;
    let mut idle = Vec::new();
    for _ in 0..1000 {
        let mut s = tokio::net::TcpStream::connect(l.served.addr).await.unwrap();
        s.write_all(b"GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .unwrap();
        idle.push(s);
    }
    // A client that never reads: its socket buffers fill while changes flow.
    let mut stalled = tokio::net::TcpStream::connect(l.served.addr).await.unwrap();
    stalled
        .write_all(b"GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    for i in 0..300 {
        l.api.apply(json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": format!("filler-{i}"), "namespace": "shop"},
            "data": {"blob": "x".repeat(4000)}}));
        if i % 50 == 0 {
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
    let mut fresh = Stream::open(l.served.addr, None).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    l.api.apply(pod("web-9", "web"));
    let mut got = false;
    while let Some(e) = fresh.next(Duration::from_secs(10)).await {
        if changed_ids(&e).contains(&("node_added".into(), "test/core/Pod/shop/web-9".into())) {
            got = true;
            break;
        }
    }
    assert!(
        got,
        "a fresh client got the change while 1001 others were connected"
    );
    drop(idle);
    drop(stalled);
    l.served.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_response_of_any_route_holds_a_secret_value() {
    let l = live().await;
    let encoded = base64_free::encode(SECRET_VALUE);
    let doc: Value = reqwest::get(l.served.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let secret = "test%2Fcore%2FSecret%2Fshop%2Fcreds";
    let mut routes: Vec<String> = demo_routes(&doc)
        .into_iter()
        .map(|r| {
            r.replace("demo%2Fapps%2FDeployment%2Fpayments%2Fpayments-api", secret)
                .replace("payments", "shop")
        })
        .collect();
    routes.extend(
        [
            "/api/v1/search?q=is(secret)%20%7C%20dump",
            "/api/v1/search?q=all",
            "/api/v1/nodes/test%2Fcore%2FPod%2Fshop%2Fweb-1",
            "/api/v1/show/config/test%2Fcore%2FPod%2Fshop%2Fweb-1",
            "/api/v1/graph?summary=never",
            "/",
        ]
        .map(String::from),
    );
    for route in &routes {
        if route.starts_with("/api/v1/events") {
            continue;
        }
        let body = reqwest::get(l.served.url(route))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !body.contains(SECRET_VALUE) && !body.contains(&encoded),
            "{route} leaks the secret: {body}"
        );
    }
    let detail: Value = reqwest::get(l.served.url(&format!("/api/v1/nodes/{secret}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        detail["kind"], "Secret",
        "the secret is there to be looked at: {detail}"
    );
    // The feed too: a change to the secret carries no value.
    let mut stream = Stream::open(l.served.addr, None).await;
    l.api.apply(json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds", "namespace": "shop", "labels": {"rotated": "yes"}},
        "data": {"password": base64_free::encode(&format!("{SECRET_VALUE}-2"))}}));
    let e = stream
        .next(Duration::from_secs(10))
        .await
        .expect("a change");
    let text = e.data.to_string();
    assert!(
        !text.contains(SECRET_VALUE) && !text.contains(&encoded[..12]),
        "{text}"
    );
    l.served.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn watched_files_are_reloaded_and_their_changes_pushed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one, namespace: default}\n",
    )
    .unwrap();
    let source = Source::Files {
        paths: vec![dir.path().to_path_buf()],
        default_namespace: "default".into(),
        cluster: Some("files".into()),
    };
    let landscape = load(source.clone()).await;
    let served = serve_with(
        landscape,
        Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            source,
            watch: true,
            ..Config::default()
        },
    )
    .await;
    let mut stream = Stream::open(served.addr, None).await;
    // Some file systems keep whole-second modification times.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, namespace: default}\n",
    )
    .unwrap();
    let e = stream
        .next(Duration::from_secs(10))
        .await
        .expect("a change");
    let ids = changed_ids(&e);
    assert!(
        ids.contains(&(
            "node_removed".into(),
            "files/core/ConfigMap/default/one".into()
        )),
        "{ids:?}"
    );
    assert!(
        ids.contains(&(
            "node_added".into(),
            "files/core/ConfigMap/default/two".into()
        )),
        "{ids:?}"
    );
    served.stop().await;
}
