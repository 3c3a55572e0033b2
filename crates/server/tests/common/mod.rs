//! A server under test: started in-process on 127.0.0.1:0, stopped when dropped.

#![allow(dead_code)] // each test crate uses part of it

use kubegraph_app::{Landscape, Source};
use kubegraph_server::{Config, Server};
use std::net::SocketAddr;

pub struct Served {
    pub addr: SocketAddr,
    pub login: Option<String>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Served {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Stops the server and waits until it has (open event streams end).
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(d) = self.done.take() {
            d.await.expect("server task").expect("server ran");
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// Loads `source` off the runtime (a live source runs a runtime of its own).
pub async fn load(source: Source) -> Landscape {
    tokio::task::spawn_blocking(move || {
        Landscape::load(&source, None, &mut |_| {}).expect("the landscape loads")
    })
    .await
    .unwrap()
}

pub async fn serve_with(landscape: Landscape, config: Config) -> Served {
    let server = Server::bind(landscape, config).await.expect("binds");
    let addr = server.local_addr();
    let login = server.login_path();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let done = tokio::spawn(server.run(async {
        let _ = rx.await;
    }));
    Served {
        addr,
        login,
        stop: Some(tx),
        done: Some(done),
    }
}

pub async fn serve(source: Source) -> Served {
    let landscape = load(source.clone()).await;
    serve_with(
        landscape,
        Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            source,
            ..Config::default()
        },
    )
    .await
}

/// A request written by hand (paths as given, headers as given), and the whole response.
pub async fn raw(addr: SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// The status code of a raw response.
pub fn status(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Every GET route of the OpenAPI document with its parameters filled from the demo.
pub fn demo_routes(doc: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for path in doc["paths"].as_object().expect("paths").keys() {
        let id = "demo%2Fapps%2FDeployment%2Fpayments%2Fpayments-api";
        let p = path.replace("{id}", id).replace("{name}", "payments");
        let p = match path.as_str() {
            "/api/v1/search" => format!("{p}?q=is(pod)"),
            "/api/v1/reach" => format!("{p}?src=demo%2Fapps%2FDeployment%2Fshop%2Fstorefront&dst=demo%2Fapps%2FDeployment%2Fshop%2Fcart&port=8080"),
            "/api/v1/complete" => format!("{p}?q=is(po&pos=5"),
            _ => p,
        };
        out.push(p);
    }
    out
}
