//! `kubegraph-test-apiserver`: serves manifests as a Kubernetes API server until killed, for
//! trying kubegraph's live mode by hand and for documentation examples.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use kubegraph_test_apiserver::{manifests, TestApiServer};

/// Serve manifests (files, directories, kubectl dumps) over the Kubernetes API on 127.0.0.1.
#[derive(Parser)]
#[command(name = "kubegraph-test-apiserver", version)]
struct Args {
    /// Port to listen on (default: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Write a kubeconfig for the server (token and all) to this file.
    #[arg(long, value_name = "FILE")]
    kubeconfig_out: Option<PathBuf>,
    /// Name of the context (and cluster and user) in the kubeconfig.
    #[arg(long, default_value = "kubegraph-test")]
    context: String,
    /// Milliseconds between watch bookmarks.
    #[arg(long, default_value_t = 1000)]
    bookmark_interval_ms: u64,
    /// Re-read the paths every second and apply what changed (deleting what disappeared), so
    /// that a running kubegraph sees an edit to a file as a change in the cluster.
    #[arg(long)]
    watch: bool,
    /// Serve https with a certificate made at start (its CA goes into the kubeconfig), as a
    /// real API server does; kubectl sends its token only over https.
    #[arg(long)]
    tls: bool,
    /// Manifests to serve: YAML or JSON files, directories (recursively), List dumps.
    paths: Vec<PathBuf>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let read = manifests::read(&args.paths)?;
    for warning in &read.warnings {
        eprintln!("warning: {warning}");
    }
    let server = TestApiServer::start_with(args.port, args.tls)
        .await
        .with_context(|| format!("cannot listen on 127.0.0.1:{}", args.port))?;
    server.set_bookmark_interval(std::time::Duration::from_millis(args.bookmark_interval_ms));
    let count = read.objects.len();
    let mut synced = manifests::Synced::default();
    for warning in synced.sync(&server, read.objects).warnings {
        eprintln!("warning: {warning}");
    }
    if let Some(path) = &args.kubeconfig_out {
        std::fs::write(path, server.kubeconfig(&args.context))
            .with_context(|| format!("cannot write the kubeconfig to {}", path.display()))?;
        eprintln!(
            "kubeconfig (context {:?}) written to {}",
            args.context,
            path.display()
        );
    }
    eprintln!("serving {count} objects; token: {}", TestApiServer::TOKEN);
    // The URL alone on stdout, so scripts can read it.
    println!("{}", server.url());
    if args.watch {
        tokio::select! {
            result = follow(&server, &args.paths, synced) => result?,
            result = tokio::signal::ctrl_c() => result.context("waiting for Ctrl-C")?,
        }
    } else {
        tokio::signal::ctrl_c()
            .await
            .context("waiting for Ctrl-C")?;
    }
    Ok(())
}

/// Applies file edits as they happen (checked every second).
async fn follow(
    server: &TestApiServer,
    paths: &[PathBuf],
    mut synced: manifests::Synced,
) -> anyhow::Result<()> {
    let mut seen = manifests::fingerprint(paths)?;
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let now = match manifests::fingerprint(paths) {
            Ok(now) => now,
            Err(e) => {
                eprintln!("warning: {e}");
                continue;
            }
        };
        if now == seen {
            continue;
        }
        seen = now;
        let read = match manifests::read(paths) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("warning: {e}");
                continue;
            }
        };
        if !read.warnings.is_empty() {
            // Half-saved or broken files would otherwise delete what they hold: wait for a
            // readable version.
            for warning in &read.warnings {
                eprintln!("warning: {warning} (changes not applied until the files read cleanly)");
            }
            continue;
        }
        let report = synced.sync(server, read.objects);
        for warning in &report.warnings {
            eprintln!("warning: {warning}");
        }
        eprintln!(
            "files changed: {} objects applied, {} deleted (resourceVersion {})",
            report.applied,
            report.deleted,
            server.resource_version()
        );
    }
}
