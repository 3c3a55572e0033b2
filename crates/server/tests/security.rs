//! Who may ask: a token off loopback, the token on every route, the Host check, the login URL,
//! assets that stay in their folder, and queries too large or too deep refused.

mod common;

use common::{demo_routes, load, raw, serve, serve_with, status};
use kubegraph_app::Source;
use kubegraph_server::{Config, ServeError, Server};

const TOKEN: &str = "test-token-0123456789";

#[tokio::test(flavor = "multi_thread")]
async fn a_non_loopback_bind_without_a_token_does_not_start() {
    let landscape = load(Source::Demo).await;
    let r = Server::bind(
        landscape,
        Config {
            listen: "0.0.0.0:0".parse().unwrap(),
            ..Config::default()
        },
    )
    .await;
    let Err(e) = r else {
        panic!("a server off loopback without a token started")
    };
    assert!(matches!(e, ServeError::TokenRequired(_)));
    assert!(e.to_string().contains("--token-file"), "{e}");
}

async fn with_token() -> common::Served {
    let landscape = load(Source::Demo).await;
    serve_with(
        landscape,
        Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            token: Some(TOKEN.into()),
            ..Config::default()
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_needs_the_token_but_the_probes() {
    let s = with_token().await;
    let client = reqwest::Client::new();
    let doc: serde_json::Value = client
        .get(s.url("/api/v1/openapi.json"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut routes = demo_routes(&doc);
    routes.extend(
        [
            "/",
            "/assets/index.html",
            "/api/docs",
            "/api/v1/openapi.json",
            "/nothing",
        ]
        .map(String::from),
    );
    for route in &routes {
        let r = client.get(s.url(route)).send().await.unwrap();
        assert_eq!(r.status(), 401, "{route} without the token");
        let body: serde_json::Value = r.json().await.unwrap();
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Bearer"),
            "{body}"
        );
        let wrong = client
            .get(s.url(route))
            .bearer_auth("nope")
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), 401, "{route} with a wrong token");
        let right = client
            .get(s.url(route))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        assert_ne!(right.status(), 401, "{route} with the token");
    }
    for probe in ["/healthz", "/readyz"] {
        assert_eq!(
            client.get(s.url(probe)).send().await.unwrap().status(),
            200,
            "{probe}"
        );
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_login_url_works_once_and_sets_a_strict_http_only_cookie() {
    let s = with_token().await;
    let login = s
        .login
        .clone()
        .expect("a login URL when a token is required");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = client.get(s.url(&login)).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let session = cookie.split(';').next().unwrap().to_string();
    let ok = client
        .get(s.url("/api/v1/stats"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "the cookie opens the API");
    let again = client.get(s.url(&login)).send().await.unwrap();
    assert_eq!(again.status(), 401, "a login URL works once");
    let forged = client
        .get(s.url("/api/v1/stats"))
        .header("cookie", "kubegraph_session=0000")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_foreign_host_is_refused_on_loopback() {
    let s = serve(Source::Demo).await;
    let ask = |host: &str| {
        format!("GET /api/v1/stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
    };
    for foreign in ["evil.example", "evil.example:7080", "127.0.0.1.nip.io"] {
        let r = raw(s.addr, &ask(foreign)).await;
        assert_eq!(status(&r), 403, "{foreign}: {r}");
        assert!(r.contains("is not this server's"), "{r}");
    }
    for own in [
        format!("127.0.0.1:{}", s.addr.port()),
        format!("localhost:{}", s.addr.port()),
    ] {
        assert_eq!(status(&raw(s.addr, &ask(&own)).await), 200, "{own}");
    }
    // No CORS: a cross-origin page gets no permission to read.
    let r = raw(s.addr, "GET /api/v1/stats HTTP/1.1\r\nHost: localhost\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n").await;
    assert!(
        !r.to_lowercase().contains("access-control-allow-origin"),
        "{r}"
    );
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn assets_stay_in_their_folder() {
    let s = serve(Source::Demo).await;
    for path in [
        "/assets/../../Cargo.toml",
        "/assets/../../../../etc/passwd",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/..\\..\\Cargo.toml",
        "/assets//etc/passwd",
    ] {
        let r = raw(
            s.addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert_ne!(status(&r), 200, "{path}: {r}");
        assert!(
            !r.contains("[workspace]") && !r.contains("root:x:0"),
            "{path} left the assets"
        );
    }
    let ok = raw(
        s.addr,
        "GET /assets/index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status(&ok), 200);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn huge_and_deep_queries_are_refused() {
    let s = serve(Source::Demo).await;
    let huge = "a".repeat(1 << 20);
    let started = std::time::Instant::now();
    let r = raw(
        s.addr,
        &format!(
            "GET /api/v1/search?q={huge} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    let code = status(&r);
    assert!(
        (400..500).contains(&code),
        "a 1 MB query: {}",
        &r[..r.len().min(300)]
    );
    eprintln!("1 MB query refused with {code} in {:?}", started.elapsed());
    let long = "a".repeat(20_000);
    let r = reqwest::get(s.url(&format!("/api/v1/search?q={long}")))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at most"),
        "{body}"
    );
    let deep = format!("{}all{}", "(".repeat(3000), ")".repeat(3000));
    let started = std::time::Instant::now();
    let r = reqwest::get(s.url(&format!("/api/v1/search?q={deep}")))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nests deeper"),
        "{body}"
    );
    eprintln!(
        "a query 3000 levels deep refused in {:?}",
        started.elapsed()
    );
    s.stop().await;
}
