//! https: a certificate authority and a serving certificate for `127.0.0.1` and `localhost`,
//! made when the server starts, and a listener that completes the TLS handshake before axum
//! sees the connection. Clients trust the CA through the kubeconfig's
//! `certificate-authority-data`, as they trust a real cluster's.
//!
//! Like the real server (`--client-ca-file`), it also asks for a client certificate and takes
//! one the CA signed as authentication: a client certificate and key for that are made at
//! start too (kubeadm's and kind's admin kubeconfigs authenticate this way). A client without
//! one is still served and must send the token.

use std::net::SocketAddr;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// What a TLS server needs: the rustls configuration, and the CA (PEM) for kubeconfigs.
pub(crate) struct Tls {
    pub(crate) config: Arc<rustls::ServerConfig>,
    pub(crate) ca_pem: String,
    pub(crate) client: ClientCertificate,
}

/// A client certificate the server's CA signed, and its key (PEM both).
#[derive(Clone, Debug)]
pub struct ClientCertificate {
    /// The certificate, PEM.
    pub certificate_pem: String,
    /// Its private key, PEM.
    pub key_pem: String,
}

impl ClientCertificate {
    /// The kubeconfig `user` that authenticates with it (`client-certificate-data`,
    /// `client-key-data`).
    pub fn kubeconfig_user(&self) -> serde_json::Value {
        use base64::Engine as _;
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        serde_json::json!({
            "client-certificate-data": b64(&self.certificate_pem),
            "client-key-data": b64(&self.key_pem),
        })
    }
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
        let client_key = KeyPair::generate().map_err(error)?;
        let mut client = CertificateParams::new(Vec::<String>::new()).map_err(error)?;
        // The API server's user name is the common name, its groups the organizations.
        client
            .distinguished_name
            .push(DnType::CommonName, "kubegraph-test-user");
        client
            .distinguished_name
            .push(DnType::OrganizationName, "kubegraph-readers");
        client.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let client = client.signed_by(&client_key, &ca, &ca_key).map_err(error)?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = rustls::RootCertStore::empty();
        roots.add(ca.der().clone()).map_err(|e| e.to_string())?;
        let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
            roots.into(),
            provider.clone(),
        )
        .allow_unauthenticated()
        .build()
        .map_err(|e| e.to_string())?;
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_client_cert_verifier(verifier)
            .with_single_cert(vec![cert.der().clone()], key_der)
            .map_err(|e| e.to_string())?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
            ca_pem: ca.pem(),
            client: ClientCertificate {
                certificate_pem: client.pem(),
                key_pem: client_key.serialize_pem(),
            },
        })
    }
}

/// Accepts TCP connections and completes their handshake; connections that fail it (a client
/// that does not trust the CA) are dropped, as a real server drops them.
pub(crate) struct TlsListener {
    pub(crate) tcp: TcpListener,
    pub(crate) acceptor: TlsAcceptor,
}

/// Who is at the other end of a TLS connection: its address, and whether it showed a client
/// certificate the CA signed (the handshake fails for one it did not sign).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Peer {
    #[allow(dead_code)] // for debugging: a request's recorded peer
    pub(crate) addr: SocketAddr,
    pub(crate) certified: bool,
}

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, TlsListener>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, TlsListener>) -> Peer {
        *stream.remote_addr()
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = Peer;

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
                let certified = stream.get_ref().1.peer_certificates().is_some();
                return (stream, Peer { addr, certified });
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(Peer {
            addr: self.tcp.local_addr()?,
            certified: false,
        })
    }
}
