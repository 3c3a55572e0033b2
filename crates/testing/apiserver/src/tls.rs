//! https: a certificate authority and a serving certificate for `127.0.0.1` and `localhost`,
//! made when the server starts, and a listener that completes the TLS handshake before axum
//! sees the connection. Clients trust the CA through the kubeconfig's
//! `certificate-authority-data`, as they trust a real cluster's.

use std::net::SocketAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// What a TLS server needs: the rustls configuration, and the CA (PEM) for kubeconfigs.
pub(crate) struct Tls {
    pub(crate) config: Arc<rustls::ServerConfig>,
    pub(crate) ca_pem: String,
}

impl Tls {
    pub(crate) fn generate() -> Result<Tls, String> {
        let error = |e: rcgen::Error| format!("cannot make a certificate: {e}");
        let ca_key = KeyPair::generate().map_err(error)?;
        let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(error)?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "kubegraph-test-apiserver-ca");
        let ca = ca.self_signed(&ca_key).map_err(error)?;
        let key = KeyPair::generate().map_err(error)?;
        let mut serving =
            CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
                .map_err(error)?;
        serving
            .distinguished_name
            .push(DnType::CommonName, "kubegraph-test-apiserver");
        let cert = serving.signed_by(&key, &ca, &ca_key).map_err(error)?;
        let key_der = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der())
            .map_err(|e| format!("cannot read the key: {e}"))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone()], key_der)
            .map_err(|e| e.to_string())?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
            ca_pem: ca.pem(),
        })
    }
}

/// Accepts TCP connections and completes their handshake; connections that fail it (a client
/// that does not trust the CA) are dropped, as a real server drops them.
pub(crate) struct TlsListener {
    pub(crate) tcp: TcpListener,
    pub(crate) acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((tcp, addr)) = self.tcp.accept().await else {
                continue;
            };
            // See `http::serve`: without it a response in pieces waits for a delayed ACK.
            let _ = tcp.set_nodelay(true);
            // Handshakes are done one at a time here; one that stalls must not stop the rest.
            let handshake = self.acceptor.accept(tcp);
            if let Ok(Ok(stream)) =
                tokio::time::timeout(std::time::Duration::from_secs(5), handshake).await
            {
                return (stream, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}
