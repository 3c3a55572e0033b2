//! `kubegraph-synth`: writes a synthetic `kubectl get -A -o json` dump.

use anyhow::Context;
use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "kubegraph-synth",
    about = "Write a deterministic synthetic cluster dump (kubectl get -A -o json shape)"
)]
struct Args {
    /// Number of pods; the dump has about three objects per pod.
    #[arg(long, default_value_t = 1000)]
    pods: usize,
    /// Seed of the random choices; the same seed and pod count give the same bytes.
    #[arg(long, default_value_t = kubegraph_synth::DEFAULT_SEED)]
    seed: u64,
    /// How much of each object is written: `lean` (the fields that matter, ~3.6 KB per object
    /// pretty, 1.4 KB on one line), `full` (everything a live cluster returns, ~7.7 KB per
    /// object) or `minimal` (what relations read, ~900 bytes per object on one line). Same
    /// objects either way.
    #[arg(long, default_value = "lean", value_parser = ["lean", "full", "minimal"])]
    detail: String,
    /// How the list is written: `pretty` (`kubectl get -o json`, 4-space indent), `one-line`
    /// (`kubectl get --raw`, `jq -c`) or `yaml` (`kubectl get -o yaml`).
    #[arg(long, default_value = "pretty", value_parser = ["pretty", "one-line", "yaml"])]
    format: String,
    /// Output file (`-` for stdout).
    #[arg(short = 'o', long = "output", default_value = "-")]
    output: PathBuf,
    /// Do not print the summary on stderr.
    #[arg(short = 'q', long)]
    quiet: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let config = kubegraph_synth::Config {
        pods: args.pods,
        seed: args.seed,
        detail: match args.detail.as_str() {
            "full" => kubegraph_synth::Detail::Full,
            "minimal" => kubegraph_synth::Detail::Minimal,
            _ => kubegraph_synth::Detail::Lean,
        },
        format: match args.format.as_str() {
            "one-line" => kubegraph_synth::Format::OneLine,
            "yaml" => kubegraph_synth::Format::Yaml,
            _ => kubegraph_synth::Format::Pretty,
        },
    };
    let start = Instant::now();
    let summary = if args.output.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        let s = kubegraph_synth::generate_with(&config, &mut lock)?;
        lock.flush()?;
        s
    } else {
        let file = std::fs::File::create(&args.output)
            .with_context(|| format!("cannot create {}", args.output.display()))?;
        kubegraph_synth::generate_with(&config, file)
            .with_context(|| format!("cannot write {}", args.output.display()))?
    };
    if !args.quiet {
        eprintln!(
            "{} objects, {:.1} MB, {} namespaces, {} nodes in {:.2?}",
            summary.objects,
            summary.bytes as f64 / 1e6,
            summary.namespaces,
            summary.nodes,
            start.elapsed()
        );
        for (kind, n) in &summary.by_kind {
            eprintln!("  {kind:<24} {n:>9}");
        }
    }
    Ok(())
}
