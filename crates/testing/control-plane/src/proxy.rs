//! A recording proxy between a client and the API server: the client speaks plain HTTP to
//! 127.0.0.1, the proxy relays each connection over TLS to the API server and keeps every
//! byte the server sent back, so a test can say what crossed the wire (watch streams
//! included, which the audit log does not hold). It runs on a thread and runtime of its own.

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsConnector;

/// A plain-HTTP proxy in front of the API server that keeps every byte the server sent back, so
/// a test can search what crossed the wire.
pub struct RecordingProxy {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<u8>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl RecordingProxy {
    /// Relays to `upstream` (`127.0.0.1:PORT`, https), trusting the CA in `ca_file`.
    pub fn start(upstream: SocketAddr, ca_file: &Path) -> RecordingProxy {
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(ca_file).expect("the CA file") {
            roots.add(cert.expect("a CA certificate")).unwrap();
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let connector = TlsConnector::from(Arc::new(config));
        let received = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let sink = received.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let accept = async {
                    loop {
                        let Ok((client, _)) = listener.accept().await else {
                            continue;
                        };
                        let (connector, sink) = (connector.clone(), sink.clone());
                        tokio::spawn(async move {
                            let _ = relay(client, upstream, connector, sink).await;
                        });
                    }
                };
                tokio::select! {
                    _ = accept => {}
                    _ = stopped => {}
                }
            });
        });
        RecordingProxy {
            addr: addr_rx.recv().unwrap(),
            received,
            stop: Some(stop),
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every byte the API server has sent through the proxy so far, connections in the
    /// order they were relayed, interleaved as they arrived.
    pub fn received(&self) -> Vec<u8> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn relay(
    client: TcpStream,
    upstream: SocketAddr,
    connector: TlsConnector,
    sink: Arc<Mutex<Vec<u8>>>,
) -> std::io::Result<()> {
    let server = TcpStream::connect(upstream).await?;
    let name = ServerName::IpAddress(upstream.ip().into());
    let server = connector.connect(name, server).await?;
    let (mut client_read, mut client_write) = tokio::io::split(client);
    let (mut server_read, mut server_write) = tokio::io::split(server);
    let up = async {
        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
        let _ = server_write.shutdown().await;
    };
    let down = async {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match server_read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    sink.lock().unwrap().extend_from_slice(&buf[..n]);
                    if client_write.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                }
            }
        }
        let _ = client_write.shutdown().await;
    };
    tokio::join!(up, down);
    Ok(())
}
