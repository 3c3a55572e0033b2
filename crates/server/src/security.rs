//! Who may ask: the `Host` check (no DNS rebinding onto a loopback server), the token (bearer
//! header, or the session cookie a one-time login URL sets), and the headers every response
//! carries (a Content-Security-Policy with no inline script, no framing, no sniffing). There is
//! no CORS: a page of another origin can neither read an answer nor send the cookie.

use crate::error::ApiError;
use axum::extract::{Query, Request, State};
use axum::http::header::{self, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// The access rules of one server.
pub struct Guard {
    /// Required on every request but the probes and the login, when set.
    token: Option<String>,
    /// Host names (without port) a request may name; empty: any (a server off loopback, where
    /// the token is the protection).
    hosts: HashSet<String>,
    /// The code of the one-time login URL, until it is used.
    login_code: Mutex<Option<String>>,
    /// Session secrets handed out as cookies by the login URL.
    sessions: Mutex<HashSet<String>>,
}

/// The name of the session cookie.
pub const COOKIE: &str = "kubegraph_session";

/// 32 random bytes, hex: a token, a login code, a session.
pub fn secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Guard {
    /// Rules for a server on `listen`: a loopback server answers only requests naming a loopback
    /// host (or one of `extra_hosts`); any server with a token requires it.
    pub fn new(listen: SocketAddr, token: Option<String>, extra_hosts: &[String]) -> Guard {
        let mut hosts: HashSet<String> = extra_hosts.iter().map(|h| h.to_lowercase()).collect();
        if listen.ip().is_loopback() {
            hosts.extend(["localhost", "127.0.0.1", "[::1]"].map(String::from));
        } else if !extra_hosts.is_empty() {
            hosts.insert(listen.ip().to_string());
        }
        let login_code = token.as_ref().map(|_| secret());
        Guard {
            token,
            hosts,
            login_code: Mutex::new(login_code),
            sessions: Mutex::new(HashSet::new()),
        }
    }

    /// The one-time login path (`/login?code=…`), while it is unused.
    pub fn login_path(&self) -> Option<String> {
        let code = self.login_code.lock().expect("login code").clone()?;
        Some(format!("/login?code={code}"))
    }

    fn host_allowed(&self, host: Option<&str>) -> bool {
        if self.hosts.is_empty() {
            return true;
        }
        let Some(host) = host else { return false };
        let host = host.to_lowercase();
        // `127.0.0.1:7080`, `[::1]:7080`, `localhost`.
        let name = match host.rsplit_once(':') {
            Some((name, port)) if !name.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
                name.to_string()
            }
            _ => host,
        };
        self.hosts.contains(&name)
    }

    fn authorised(&self, req: &Request) -> bool {
        let Some(token) = &self.token else {
            return true;
        };
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if bearer.is_some_and(|b| constant_time_eq(b.trim(), token)) {
            return true;
        }
        let sessions = self.sessions.lock().expect("sessions");
        cookies(req).any(|(name, value)| {
            name == COOKIE && sessions.iter().any(|s| constant_time_eq(value, s))
        })
    }
}

fn cookies(req: &Request) -> impl Iterator<Item = (&str, &str)> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
}

/// Compares secrets without leaking where they differ through timing.
fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Paths any client may ask without the token: the probes, the login.
fn public(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/login")
}

/// The `Host` check and the token, before any route.
pub async fn guard(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()));
    if !guard.host_allowed(host) {
        return ApiError::forbidden(format!(
            "the Host {} is not this server's (a page of another site is asking, or the server needs --allow-host)",
            host.map_or_else(|| "(none)".to_string(), |h| format!("`{h}`"))
        ))
        .into_response();
    }
    if !public(req.uri().path()) && !guard.authorised(&req) {
        return ApiError::unauthorized().into_response();
    }
    next.run(req).await
}

/// The headers of every response.
pub async fn headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
             connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// `?code=` of the login URL.
#[derive(serde::Deserialize)]
pub struct Login {
    code: Option<String>,
}

/// `GET /login?code=…`: the one-time code for a session cookie, then the UI.
pub async fn login(State(guard): State<Arc<Guard>>, Query(login): Query<Login>) -> Response {
    let mut code = guard.login_code.lock().expect("login code");
    let valid = match (&*code, &login.code) {
        (Some(expected), Some(given)) => constant_time_eq(given, expected),
        _ => false,
    };
    if !valid {
        return ApiError::unauthorized_login().into_response();
    }
    *code = None;
    let session = secret();
    guard
        .sessions
        .lock()
        .expect("sessions")
        .insert(session.clone());
    let mut res = Redirect::to("/").into_response();
    let cookie = format!("{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/");
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("hex is a valid header value"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_servers_answer_loopback_hosts_only() {
        let g = Guard::new("127.0.0.1:7080".parse().unwrap(), None, &[]);
        for ok in ["127.0.0.1:7080", "localhost", "LOCALHOST:1", "[::1]:7080"] {
            assert!(g.host_allowed(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:7080",
            "127.0.0.1.nip.io",
            "",
            "localhost.evil.example",
        ] {
            assert!(!g.host_allowed(Some(bad)), "{bad}");
        }
        assert!(!g.host_allowed(None));
        let named = Guard::new(
            "127.0.0.1:7080".parse().unwrap(),
            None,
            &["kg.internal".into()],
        );
        assert!(named.host_allowed(Some("kg.internal:7080")));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
        assert_eq!(secret().len(), 64);
        assert_ne!(secret(), secret());
    }
}
