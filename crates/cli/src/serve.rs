//! `serve`: the HTTP API and the web UI (kubegraph_server), until Ctrl-C.

use crate::source::Landscape;
use anyhow::Context;
use kubegraph_app::Source;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `kubegraph serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Where to listen. Off loopback a token is required (--token-file or --generate-token).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7080")]
    pub listen: SocketAddr,
    /// Open the UI in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Reload file sources when their files change.
    #[arg(long)]
    pub watch: bool,
    /// A file holding the token every request must carry (`Authorization: Bearer TOKEN`).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Make a token and print it.
    #[arg(long, conflicts_with = "token_file")]
    pub generate_token: bool,
    /// A host name requests may name besides loopback's (behind a proxy). Repeatable.
    #[arg(long, value_name = "HOST")]
    pub allow_host: Vec<String>,
}

pub fn run(
    landscape: Landscape,
    source: Source,
    now: Option<String>,
    args: &ServeArgs,
) -> anyhow::Result<ExitCode> {
    let token = match (&args.token_file, args.generate_token) {
        (Some(path), _) => {
            let t = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the token file {}", path.display()))?;
            let t = t.trim().to_string();
            anyhow::ensure!(!t.is_empty(), "the token file {} is empty", path.display());
            Some(t)
        }
        (None, true) => Some(kubegraph_server::secret()),
        (None, false) => None,
    };
    let what = source.describe(&landscape.graph, args.watch);
    let config = kubegraph_server::Config {
        listen: args.listen,
        token: token.clone(),
        allowed_hosts: args.allow_host.clone(),
        source,
        watch: args.watch,
        now,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let server = kubegraph_server::Server::bind(landscape.into_app(), config).await?;
        let addr = server.local_addr();
        let host = if addr.ip().is_unspecified() {
            format!("localhost:{}", addr.port())
        } else {
            addr.to_string()
        };
        let url = match server.login_path() {
            Some(login) => format!("http://{host}{login}"),
            None => format!("http://{host}/"),
        };
        eprintln!("kubegraph: serving {what}");
        eprintln!("  open {url}");
        if args.generate_token {
            if let Some(t) = &token {
                eprintln!("  token: {t} (send `Authorization: Bearer {t}`; the login URL above works once)");
            }
        }
        eprintln!("  API: http://{host}/api/docs   Ctrl-C stops");
        if args.open {
            open_browser(&url);
        }
        server
            .run(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        eprintln!("kubegraph: stopped");
        anyhow::Ok(ExitCode::SUCCESS)
    })
}

/// The desktop's way to open a URL; failing to is said, not fatal.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("warning: cannot open a browser ({opener}: {e}); open the URL above");
    }
}
