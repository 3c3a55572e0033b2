//! Plain-HTTP helpers: the tests speak to the server exactly as a client would, over a socket.

#![allow(dead_code)]

use std::time::Duration;

use futures::StreamExt;
use kubegraph_test_apiserver::TestApiServer;
use serde_json::{json, Value};

pub const METADATA_LIST: &str = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
pub const METADATA: &str = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";
/// What kube-rs sends for aggregated discovery.
pub const AGGREGATED: &str = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

/// `GET` with the token (and an `Accept` header when given): status code and JSON body.
pub async fn get(server: &TestApiServer, path: &str, accept: Option<&str>) -> (u16, Value) {
    let response = request(server, path, accept, Some(TestApiServer::TOKEN)).await;
    let code = response.status().as_u16();
    let body = response.bytes().await.expect("body");
    let value = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "{path}: body is not JSON ({e}): {}",
            String::from_utf8_lossy(&body)
        )
    });
    (code, value)
}

/// `GET` expected to succeed: the JSON body.
pub async fn get_ok(server: &TestApiServer, path: &str) -> Value {
    let (code, body) = get(server, path, None).await;
    assert_eq!(code, 200, "{path}: {body}");
    body
}

pub async fn request(
    server: &TestApiServer,
    path: &str,
    accept: Option<&str>,
    token: Option<&str>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", server.url()));
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request reaches the server")
}

/// An open watch: reads newline-delimited events off the chunked body.
pub struct Watch {
    stream: futures::stream::BoxStream<'static, reqwest::Result<bytes::Bytes>>,
    buffer: Vec<u8>,
    pub status: u16,
}

/// How a read from a watch ended.
#[derive(Debug)]
pub enum Next {
    Event(Value),
    /// The body ended cleanly.
    End,
    /// The connection broke mid-body.
    Broken,
    /// Nothing arrived in time.
    Silent,
}

impl Watch {
    pub async fn open(server: &TestApiServer, path: &str, accept: Option<&str>) -> Watch {
        let response = request(server, path, accept, Some(TestApiServer::TOKEN)).await;
        Watch::of(response)
    }

    /// Opens a watch that may be cut before its response begins (as
    /// [`TestApiServer::drop_watches`] does to a watch it catches that early): `None` then.
    pub async fn try_open(server: &TestApiServer, path: &str) -> Option<Watch> {
        let request = reqwest::Client::new()
            .get(format!("{}{path}", server.url()))
            .bearer_auth(TestApiServer::TOKEN);
        request.send().await.ok().map(Watch::of)
    }

    fn of(response: reqwest::Response) -> Watch {
        let status = response.status().as_u16();
        Watch {
            stream: response.bytes_stream().boxed(),
            buffer: Vec::new(),
            status,
        }
    }

    pub async fn next(&mut self, wait: Duration) -> Next {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.buffer.drain(..=end).collect();
                let event = serde_json::from_slice(&line[..line.len() - 1]).unwrap_or_else(|e| {
                    panic!(
                        "watch line is not JSON ({e}): {}",
                        String::from_utf8_lossy(&line)
                    )
                });
                return Next::Event(event);
            }
            match tokio::time::timeout_at(deadline, self.stream.next()).await {
                Err(_) => return Next::Silent,
                Ok(None) if self.buffer.is_empty() => return Next::End,
                // The body ended inside a line: as good as a broken connection.
                Ok(None) => return Next::Broken,
                Ok(Some(Err(_))) => return Next::Broken,
                Ok(Some(Ok(chunk))) => self.buffer.extend_from_slice(&chunk),
            }
        }
    }

    /// Bytes received after the last complete line.
    pub fn pending(&self) -> &[u8] {
        &self.buffer
    }

    /// The next event, which must come within two seconds.
    pub async fn event(&mut self) -> Value {
        match self.next(Duration::from_secs(2)).await {
            Next::Event(event) => event,
            other => panic!("expected a watch event, got {other:?}"),
        }
    }

    /// The next event that is not a bookmark.
    pub async fn change(&mut self) -> Value {
        loop {
            let event = self.event().await;
            if event["type"] != "BOOKMARK" {
                return event;
            }
        }
    }
}

pub fn pod(ns: &str, name: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "namespace": ns, "labels": {"app": name}},
        "spec": {"containers": [{"name": "main", "image": "nginx:1.27"}]},
    })
}

pub fn configmap(ns: &str, name: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": ns},
        "data": {"key": "value"},
    })
}

/// `(type, namespace/name, resourceVersion)` of a watch event, for exact comparisons.
pub fn summary(event: &Value) -> (String, String, String) {
    let meta = &event["object"]["metadata"];
    (
        event["type"].as_str().unwrap_or("").to_string(),
        format!(
            "{}/{}",
            meta["namespace"].as_str().unwrap_or(""),
            meta["name"].as_str().unwrap_or("")
        ),
        meta["resourceVersion"].as_str().unwrap_or("").to_string(),
    )
}

/// Names of list items as `namespace/name`.
pub fn item_names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            format!(
                "{}/{}",
                i["metadata"]["namespace"].as_str().unwrap_or(""),
                i["metadata"]["name"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Waits until `cond` holds (tests wait for watch registration this way), at most two seconds.
pub async fn wait_until(mut cond: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !cond() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not reached in 2s"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
