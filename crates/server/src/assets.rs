//! The web UI, embedded in the binary: `ui/dist` as built by `ui/build.mjs` (committed, and
//! checked against its sources in CI). No CDN, no web fonts: the page works with no network.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::Embed)]
#[folder = "ui/dist/"]
struct Dist;

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file(path: &str) -> Response {
    // Only names of embedded files are looked up: `..`, absolute paths and backslashes never
    // reach a file system.
    if path.split(['/', '\\']).any(|p| p == ".." || p == ".") || path.starts_with('/') {
        return crate::error::ApiError::not_found("no such asset").into_response();
    }
    match Dist::get(path) {
        Some(f) => (
            [
                (header::CONTENT_TYPE, content_type(path)),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            f.data.into_owned(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

/// `GET /`: the UI's page.
pub async fn index() -> Response {
    file("index.html")
}

/// `GET /assets/{path}`: its scripts, styles and pictures.
pub async fn asset(Path(path): Path<String>) -> Response {
    file(&path)
}
