//! A real Kubernetes control plane for tests: etcd, kube-apiserver, kube-controller-manager,
//! kube-scheduler and a kubelet's part for three Nodes, on loopback, from the Go program beside
//! this crate (`main.go`, README.md). [`ControlPlane::start`] builds it (once per machine and
//! source change: `go build`'s cache, under a file lock so parallel test binaries build it
//! once), starts it in a temporary directory and hands back its admin kubeconfig.
//!
//! Without `go` on `PATH` tests cannot have one: [`ControlPlane::start`] says why on stderr and
//! returns `None`, so the test can return early, unless `KUBEGRAPH_REQUIRE_CONTROL_PLANE` is
//! set (`.ci/run` sets it), when it panics.
//!
//! ```
//! use kubegraph_test_control_plane::ControlPlane;
//!
//! let Some(cluster) = ControlPlane::shared() else { return };
//! let config = std::fs::read_to_string(cluster.kubeconfig()).unwrap();
//! assert!(config.contains("https://127.0.0.1:"), "an admin kubeconfig for loopback: {config}");
//! // The real API server answers kubectl with the three nodes the kubelet's part registers.
//! let nodes = std::process::Command::new("kubectl")
//!     .arg("--kubeconfig").arg(cluster.kubeconfig())
//!     .args(["get", "nodes", "-o", "name"])
//!     .output();
//! if let Ok(out) = nodes {
//!     assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
//! }
//! ```

mod proxy;

pub use proxy::RecordingProxy;
use serde_json::Value;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};
use std::sync::{mpsc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long a start may take before the test fails (ready takes about 10 s on two idle cores).
const START_WITHIN: Duration = Duration::from_secs(240);

/// A running control plane; stopped when dropped (and when the test process ends: it quits
/// when its stdin closes).
pub struct ControlPlane {
    child: Child,
    io: Mutex<(ChildStdin, mpsc::Receiver<String>)>,
    kubeconfig: PathBuf,
    server: String,
    dir: PathBuf,
    _tempdir: Option<tempfile::TempDir>,
    started_in: Duration,
}

/// The Go module's folder.
fn module_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `$CARGO_TARGET_DIR` (relative to the workspace), else the workspace's `target`.
fn target_dir() -> PathBuf {
    let workspace = module_dir().join("../../..");
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
}

/// Where the control plane's binary is built.
pub fn binary_path() -> PathBuf {
    target_dir().join("control-plane/kubegraph-control-plane")
}

fn required() -> bool {
    std::env::var_os("KUBEGRAPH_REQUIRE_CONTROL_PLANE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Builds the binary (a no-op when `go build` finds it current) once per test process.
/// `Err` says why there is none.
pub fn build() -> Result<PathBuf, String> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT.get_or_init(build_now).clone()
}

fn build_now() -> Result<PathBuf, String> {
    if Command::new("go").arg("version").output().is_err() {
        return Err(
            "`go` is not on PATH (the control plane is a Go program; .ci/run needs Go)".into(),
        );
    }
    let bin = binary_path();
    let dir = bin.parent().unwrap();
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Test binaries run in parallel under `cargo test`: one builds, the others wait for it.
    let lock = File::create(dir.join("build.lock")).map_err(|e| e.to_string())?;
    lock.lock().map_err(|e| e.to_string())?;
    let started = Instant::now();
    let out = Command::new("go")
        .args(["build", "-buildvcs=false", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(module_dir())
        .output()
        .map_err(|e| format!("go build: {e}"))?;
    drop(lock);
    if !out.status.success() {
        return Err(format!(
            "go build failed in {}:\n{}",
            module_dir().display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    eprintln!(
        "control plane built (or found current) in {:.1}s: {}",
        started.elapsed().as_secs_f64(),
        bin.display()
    );
    Ok(bin)
}

/// Reads the child's stdout on a thread, so that a wait for a line can time out.
fn lines(stdout: ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    line.split_whitespace()
        .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
}

impl ControlPlane {
    /// Builds and starts a control plane of its own, and waits until it is ready (every Node
    /// Ready, pods can be created). `None` (with the reason on stderr) when Go is absent and
    /// not required.
    pub fn start() -> Option<ControlPlane> {
        let bin = match build() {
            Ok(bin) => bin,
            Err(why) if !required() => {
                eprintln!("skipped: no real control plane: {why}");
                return None;
            }
            Err(why) => {
                panic!("no real control plane (KUBEGRAPH_REQUIRE_CONTROL_PLANE is set): {why}")
            }
        };
        Some(Self::start_binary(&bin))
    }

    /// One control plane for the whole test binary, started by the first test that asks.
    /// Tests sharing it keep to namespaces of their own.
    pub fn shared() -> Option<&'static ControlPlane> {
        static SHARED: OnceLock<Option<ControlPlane>> = OnceLock::new();
        SHARED.get_or_init(ControlPlane::start).as_ref()
    }

    fn start_binary(bin: &Path) -> ControlPlane {
        let keep = std::env::var_os("KUBEGRAPH_KEEP_CONTROL_PLANE").is_some();
        let tempdir = tempfile::Builder::new()
            .prefix("kubegraph-control-plane-")
            .tempdir()
            .unwrap();
        let dir = tempdir.path().to_path_buf();
        let stderr = File::create(dir.join("stderr.log")).unwrap();
        let started = Instant::now();
        let mut command = Command::new(bin);
        command.arg("up").arg("--dir").arg(&dir);
        if !keep {
            command.arg("--remove-dir");
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
        let stdin = child.stdin.take().unwrap();
        let rx = lines(child.stdout.take().unwrap());
        let ready = match rx.recv_timeout(START_WITHIN) {
            Ok(line) if line.starts_with("ready ") => line,
            other => {
                let _ = child.kill();
                let log = std::fs::read_to_string(dir.join("stderr.log")).unwrap_or_default();
                // Kept for a look: the components' logs are there.
                let dir = tempdir.keep();
                panic!(
                    "the control plane did not start ({other:?}); logs in {}:\n{log}",
                    dir.display()
                );
            }
        };
        let started_in = started.elapsed();
        eprintln!(
            "control plane ready in {:.1}s: {ready}",
            started_in.as_secs_f64()
        );
        let (tempdir, dir) = if keep {
            let dir = tempdir.keep();
            (None, dir)
        } else {
            (Some(tempdir), dir)
        };
        ControlPlane {
            child,
            io: Mutex::new((stdin, rx)),
            kubeconfig: PathBuf::from(field(&ready, "kubeconfig").unwrap()),
            server: field(&ready, "server").unwrap().to_string(),
            dir,
            _tempdir: tempdir,
            started_in,
        }
    }

    /// The admin kubeconfig (a client certificate in `system:masters`).
    pub fn kubeconfig(&self) -> &Path {
        &self.kubeconfig
    }

    /// `https://127.0.0.1:PORT`.
    pub fn server(&self) -> &str {
        &self.server
    }

    /// Keys, kubeconfigs, every component's log, the audit log, etcd's data.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// From start to ready.
    pub fn started_in(&self) -> Duration {
        self.started_in
    }

    /// Sends one command and returns its answer (after "ok").
    fn command(&self, command: &str) -> String {
        let mut io = self.io.lock().unwrap_or_else(|e| e.into_inner());
        writeln!(io.0, "{command}").expect("control plane's stdin");
        io.0.flush().unwrap();
        match io.1.recv_timeout(START_WITHIN) {
            Ok(answer) if answer.starts_with("ok") => answer,
            other => panic!(
                "control plane: {command}: {other:?} (logs in {})",
                self.dir.display()
            ),
        }
    }

    /// Stops kube-apiserver (SIGTERM, as a supervisor does) and starts it again on the same
    /// port and etcd; returns when it is ready. Watches are cut; the controllers reconnect.
    pub fn restart_apiserver(&self) {
        self.command("restart-apiserver");
    }

    /// Compacts etcd's history to its current revision (what the API server's compactor does
    /// every 5 minutes); returns that revision.
    pub fn compact_etcd(&self) -> u64 {
        let answer = self.command("compact");
        field(&answer, "revision").unwrap().parse().unwrap()
    }

    /// The API server's audit log so far: one event a request (`--audit-policy-file`:
    /// Secrets at RequestResponse, everything else at Metadata).
    pub fn audit_log(&self) -> Vec<Value> {
        let text = std::fs::read_to_string(self.dir.join("audit.log")).unwrap_or_default();
        text.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    /// kubectl with the admin kubeconfig.
    pub fn kubectl(&self) -> Command {
        let mut c = Command::new("kubectl");
        c.arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .env_remove("KUBECONFIG");
        c
    }

    /// Runs kubectl with these arguments and `input` on stdin; panics unless it succeeds.
    pub fn kubectl_ok(&self, args: &[&str], input: Option<&str>) -> String {
        let out = run(self.kubectl().args(args), input);
        assert!(
            out.status.success(),
            "kubectl {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `kubectl apply -f -` of these manifests (YAML or JSON).
    pub fn apply(&self, manifests: &str) {
        self.kubectl_ok(&["apply", "-f", "-"], Some(manifests));
    }

    /// Creates a namespace and waits until pods can be made in it (the service account
    /// controller has made its `default` ServiceAccount).
    pub fn namespace(&self, name: &str) {
        self.kubectl_ok(&["create", "namespace", name], None);
        self.wait_for(&format!("serviceaccount default in {name}"), || {
            self.kubectl()
                .args(["get", "serviceaccount", "default", "-n", name])
                .output()
                .is_ok_and(|o| o.status.success())
        });
    }

    /// Polls `done` (every 200 ms, for up to 2 minutes); panics naming `what` if it never holds.
    pub fn wait_for(&self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !done() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Creates (or with `update`, relabels) ConfigMaps `PREFIX-FROM` .. `PREFIX-(FROM+COUNT-1)` in
    /// `namespace` through the API, 32 requests in flight; returns the API's rate (per second).
    pub fn load(
        &self,
        namespace: &str,
        prefix: &str,
        from: usize,
        count: usize,
        update: bool,
    ) -> f64 {
        let mut c = Command::new(build().expect("built"));
        c.arg("load")
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .args(["--namespace", namespace, "--prefix", prefix])
            .args(["--from", &from.to_string(), "--count", &count.to_string()]);
        if update {
            c.arg("--update");
        }
        let out = run(&mut c, None);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "load: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        field(stdout.trim(), "per_second").unwrap().parse().unwrap()
    }

    /// A token for a ServiceAccount (`kubectl create token`).
    pub fn token(&self, namespace: &str, service_account: &str) -> String {
        self.kubectl_ok(
            &[
                "create",
                "token",
                service_account,
                "-n",
                namespace,
                "--duration=2h",
            ],
            None,
        )
        .trim()
        .to_string()
    }

    /// A proxy that records every byte the API server sends its clients (src/proxy.rs), and a
    /// kubeconfig through it with a bearer token (plain HTTP to the proxy on 127.0.0.1).
    pub fn recording_proxy(&self, context: &str, token: &str) -> (RecordingProxy, String) {
        let upstream = self.server.trim_start_matches("https://").parse().unwrap();
        let proxy = RecordingProxy::start(upstream, &self.dir.join("ca.crt"));
        let kubeconfig = format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: {context}\n  cluster:\n    server: {}\nusers:\n- name: {context}\n  user:\n    token: {token}\ncontexts:\n- name: {context}\n  context:\n    cluster: {context}\n    user: {context}\ncurrent-context: {context}\n",
            proxy.url()
        );
        (proxy, kubeconfig)
    }

    /// A kubeconfig for this cluster with a bearer token, its one context named `context`.
    pub fn kubeconfig_with_token(&self, context: &str, token: &str) -> String {
        let ca = std::fs::read(self.dir.join("ca.crt")).unwrap();
        let ca = base64(&ca);
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: {context}\n  cluster:\n    server: {}\n    certificate-authority-data: {ca}\nusers:\n- name: {context}\n  user:\n    token: {token}\ncontexts:\n- name: {context}\n  context:\n    cluster: {context}\n    user: {context}\ncurrent-context: {context}\n",
            self.server
        )
    }
}

/// Standard base64, for a kubeconfig's `-data` fields (no dependency for 20 lines).
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Runs a command, with `input` on stdin when given.
pub fn run(command: &mut Command, input: Option<&str>) -> Output {
    command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("command runs");
    if let Some(input) = input {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

impl Drop for ControlPlane {
    fn drop(&mut self) {
        let asked = {
            let mut io = self.io.lock().unwrap_or_else(|e| e.into_inner());
            writeln!(io.0, "quit").is_ok()
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while asked && Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads_as_the_standard_says() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
