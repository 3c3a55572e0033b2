//! What the end-to-end tests of the binary share: running it, with or without stdin, in a clean
//! environment or off the async runtime. Fixtures are found by `kubegraph_fixtures`.
// Each test file uses its own subset.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn kubegraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(args)
        .output()
        .expect("binary runs")
}

pub fn kubegraph_stdin(args: &[&str], input: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kubegraph"));
    command.args(args);
    output_with_stdin(command, input)
}

/// Runs `command` with `input` on its stdin and its output captured.
pub fn output_with_stdin(mut command: Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The binary with a clean environment: no kubeconfig but the one given, no home to find one in.
pub fn kubegraph_at_home(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kubegraph"));
    c.env("HOME", home)
        .env_remove("KUBECONFIG")
        .env_remove("KUBERNETES_SERVICE_HOST")
        .env_remove("KUBEGRAPH_LOG");
    c
}

/// Runs the binary off the async runtime, so the server keeps answering meanwhile.
pub async fn run_off_runtime(mut command: Command) -> Output {
    tokio::task::spawn_blocking(move || command.output().expect("binary runs"))
        .await
        .unwrap()
}

pub fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}
