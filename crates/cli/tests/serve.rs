//! `kubegraph serve` as a process: the demo when there is no source (and it says so), a clean
//! stop on Ctrl-C (SIGINT), no start off loopback without a token, a generated token printed.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Starts `kubegraph ARGS serve …` with no kubeconfig and reads stderr until the URL is printed.
fn start(args: &[&str]) -> (Child, Vec<String>, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(args)
        .env("HOME", home.path())
        .env_remove("KUBECONFIG")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if err.read_line(&mut line).unwrap() == 0 {
            break;
        }
        lines.push(line.trim_end().to_string());
        if line.contains("Ctrl-C stops") {
            break;
        }
    }
    // The rest of stderr, read in the background so the process never blocks on it.
    std::thread::spawn(move || for _ in err.lines() {});
    (child, lines, home)
}

fn url(lines: &[String]) -> String {
    lines
        .iter()
        .find_map(|l| l.trim().strip_prefix("open ").map(str::to_string))
        .unwrap_or_else(|| panic!("no URL in {lines:?}"))
}

#[test]
fn with_no_source_it_serves_the_demo_says_so_and_stops_cleanly_on_ctrl_c() {
    let (mut child, lines, _home) = start(&["serve", "--listen", "127.0.0.1:0"]);
    let text = lines.join("\n");
    assert!(text.contains("no kubeconfig"), "{text}");
    assert!(
        text.contains("serving the built-in demo landscape"),
        "{text}"
    );
    let url = url(&lines);
    let stats = Command::new("curl")
        .args(["-s", &format!("{url}api/v1/stats")])
        .output();
    if let Ok(out) = stats {
        let body = String::from_utf8_lossy(&out.stdout);
        assert!(body.contains("\"objects\":126"), "{body}");
    }
    // Ctrl-C: SIGINT, as a terminal sends it.
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still running 20 s after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn off_loopback_it_needs_a_token_and_prints_one_it_makes() {
    let out = Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(["--demo", "serve", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a token") && err.contains("--generate-token"),
        "{err}"
    );

    let (mut child, lines, _home) = start(&[
        "--demo",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--generate-token",
    ]);
    let text = lines.join("\n");
    let login = url(&lines);
    assert!(login.contains("/login?code="), "{text}");
    let token = lines
        .iter()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or_else(|| panic!("no token in {text}"))
        .to_string();
    assert_eq!(token.len(), 64);
    let base = login.split("/login").next().unwrap();
    let code = |auth: Option<&str>| -> String {
        let mut c = Command::new("curl");
        c.args(["-s", "-o", "/dev/null", "-w", "%{http_code}"]);
        if let Some(a) = auth {
            c.args(["-H", a]);
        }
        c.arg(format!("{base}/api/v1/stats"));
        c.output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    if Command::new("curl").arg("--version").output().is_ok() {
        assert_eq!(code(None), "401");
        assert_eq!(code(Some(&format!("Authorization: Bearer {token}"))), "200");
    }
    let _ = child.kill();
    let _ = child.wait();
}
