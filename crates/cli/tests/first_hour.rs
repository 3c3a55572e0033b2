//! What a new user hits in the first hour (an SRE who lives in kubectl, k9s and jq): each test is
//! one reported problem, run as the command was written, from the fixtures folder, through a
//! shell, asserting what kubegraph does now. Quietly wrong or empty answers first, then
//! kubectl's habits, then polish.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `line` run by `sh` in `dir`, with this build's `kubegraph` first on PATH and no kubeconfig.
fn sh_in(dir: &Path, line: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_kubegraph")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home = tempfile::tempdir().unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", home.path())
        .env_remove("KUBECONFIG")
        .env_remove("KUBERNETES_SERVICE_HOST")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

/// `line` run from the fixtures folder.
fn sh(line: &str) -> Output {
    sh_in(&kubegraph_fixtures::root(), line)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// 1. A typo in a field, a value or a custom kind.

#[test]
fn a_typo_in_a_field_a_value_or_a_custom_kind_is_said_with_a_caret_and_a_suggestion() {
    let out = sh("kubegraph --demo search 'is(pod) and stauts.phase = Running'");
    assert_eq!(code(&out), 0, "a warning, not an error");
    let err = stderr(&out);
    assert!(
        err.contains("warning: is(pod) and stauts.phase = Running\n                     ^^^^^^^^^^^^ path `stauts.phase` is on no object; did you mean `status.phase`?"),
        "{err}"
    );
    let out = sh("kubegraph --demo search 'is(pod) and health = eror'");
    assert!(
        stderr(&out).contains(
            "`eror` is not a value of health (ok, warning, error, unknown); did you mean `error`?"
        ),
        "{}",
        stderr(&out)
    );
    // Plural and short names of kinds from the input's CRDs, as built-in ones.
    let plural = sh("kubegraph -q -f kube-prometheus/ search 'is(servicemonitors) | count'");
    let kind = sh("kubegraph -q -f kube-prometheus/ search 'is(ServiceMonitor) | count'");
    assert_eq!(stdout(&plural), "13\n", "{}", stderr(&plural));
    assert_eq!(stdout(&plural), stdout(&kind));
}

// 2. No kubeconfig.

#[test]
fn no_kubeconfig_is_exit_2_with_how_to_give_a_source_not_the_demo() {
    let out =
        sh("HOME=/tmp/x KUBECONFIG= kubegraph search 'is(pod) and health = error | list name'");
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "", "none of the demo's broken pods");
    let err = stderr(&out);
    assert!(
        err.starts_with("error: no source: no kubeconfig was found"),
        "{err}"
    );
    assert!(err.contains("kubegraph --demo stats"), "{err}");
}

// 3. Absent is not broken.

#[test]
fn absent_objects_are_not_root_causes_where_the_evidence_says_all_is_well() {
    let out = sh("kubegraph -q -f openshift-insights-archive/ why di-288312");
    assert_eq!(
        code(&out),
        1,
        "the namespace has real trouble: {}",
        stderr(&out)
    );
    let text = stdout(&out);
    let causes: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("root cause"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(!causes.is_empty(), "{text}");
    // What the evidence supports: failed, pending and crash-looping pods; no Node the pods
    // were scheduled on, and nothing to create.
    for c in &causes {
        assert!(c.starts_with("  Pod di-288312/"), "{c}");
    }
    assert!(!text.contains("fix: create"), "{text}");
    // Built-in RBAC objects every cluster has are not errors.
    let out = sh("kubegraph -q -f kube-prometheus/ search 'health = error | list kind, name'");
    assert_eq!(stdout(&out), "kind  name\n", "{}", stdout(&out));
}

// 4. A pod's IP.

#[test]
fn reach_with_a_pod_ip_is_that_pod() {
    let scenario = "network-policy-recipes/expected/scenarios/r09.yaml";
    let by_ip = sh(&format!(
        "kubegraph -f {scenario} reach default/client-mon 10.244.0.36"
    ));
    assert!(
        stderr(&by_ip).contains("note: 10.244.0.36 is the IP of pod default/apiserver: analysed as default/apiserver[Pod]"),
        "{}",
        stderr(&by_ip)
    );
    assert!(stdout(&by_ip).starts_with("default/client-mon[Pod] => default/apiserver[Pod]"));
    // On port 8000, blocked by IP as by name.
    let ip = sh(&format!(
        "kubegraph -q -f {scenario} reach default/client-mon 10.244.0.36 --port 8000"
    ));
    let name = sh(&format!(
        "kubegraph -q -f {scenario} reach default/client-mon default/apiserver --port 8000"
    ));
    assert_eq!(code(&ip), 1);
    assert_eq!(code(&name), 1);
    assert_eq!(stdout(&ip), stdout(&name));
}

#[test]
fn reach_names_a_deployment_as_kubectl_does() {
    // The pods stand for their ReplicaSet (netpol-analyzer's notation); the Deployment's name
    // names them.
    let out = sh("kubegraph -q --demo reach shop/storefront payments/payments-api --port 8080");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let verdicts: Vec<&str> = text.lines().filter(|l| l.contains(" => ")).collect();
    assert_eq!(
        verdicts,
        [
            "shop/storefront-6d9c7b8f4d[ReplicaSet] => payments/payments-api-7c9d5f6b48[ReplicaSet] on TCP 8080: allowed",
            "shop/storefront-6d9c7b8f4d[ReplicaSet] => payments/payments-api-84f6d7c9b5[ReplicaSet] on TCP 8080: allowed",
        ]
    );
}

// 5. `show config` of objects that exist.

#[test]
fn show_config_says_exists_for_objects_that_are_there() {
    let out = sh("kubegraph --demo show config shop/cart-7f8b6c5d9-h2vtn");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("in the input"), "{text}");
    assert!(
        text.contains("Secret          shop/redis-auth        env (password)"),
        "{text}"
    );
    for row in text.lines().skip(1) {
        assert!(row.ends_with("-        exists"), "{row}");
    }
}

// 6. -n, -A and --default-namespace.

#[test]
fn namespace_is_a_filter_and_default_namespace_places_manifests() {
    // -n on the demo shows that namespace's objects (and cluster-scoped ones, as kubectl).
    let out = sh("kubegraph --demo -n shop search 'is(pod) | count namespace' -o json");
    let counts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(counts["values"][0]["value"], "shop");
    assert_eq!(counts["values"].as_array().unwrap().len(), 1);
    // On files, -n does not move namespace-less manifests; --default-namespace does.
    let bookinfo = "istio-bookinfo/platform/kube/bookinfo.yaml";
    let moved = sh(&format!(
        "kubegraph -q -f {bookinfo} --default-namespace shop search 'is(service) | count namespace'"
    ));
    assert!(stdout(&moved).contains("shop"), "{}", stdout(&moved));
    let filtered = sh(&format!(
        "kubegraph -q -f {bookinfo} -n shop search 'is(service) | count'"
    ));
    assert_eq!(stdout(&filtered), "0\n");
    // An install manifest meant for `kubectl apply -n argocd` says so.
    let out = sh("kubegraph -f argo-cd/install.yaml stats");
    assert!(
        stderr(&out).contains("objects without a namespace went to `default`, but the input refers to 3 of them in `argocd`"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("give --default-namespace argocd"));
}

// 7. One -o.

#[test]
fn one_output_flag_with_the_same_names_for_every_command() {
    for cmd in [
        "stats",
        "why deploy/payments/payments-api",
        "show pods deploy/payments/payments-api",
        "impact configmap/shop/cart-config",
        "connectivity",
        "reach shop/storefront payments/payments-api",
        "search 'is(pod) | count namespace'",
    ] {
        // Before the subcommand too, as kubectl takes it.
        let yaml = sh(&format!("kubegraph -q --demo -o yaml {cmd}"));
        assert_ne!(code(&yaml), 2, "{cmd}: {}", stderr(&yaml));
        serde_yaml_ng::from_slice::<serde_yaml_ng::Value>(&yaml.stdout)
            .unwrap_or_else(|e| panic!("{cmd} -o yaml: {e}"));
        let json = sh(&format!("kubegraph -q --demo {cmd} -o json"));
        serde_json::from_slice::<serde_json::Value>(&json.stdout)
            .unwrap_or_else(|e| panic!("{cmd} -o json: {e}"));
    }
    let wide = sh("kubegraph --demo search 'is(deployment)' -o wide");
    assert!(stdout(&wide)
        .starts_with("kind        namespace   name             health  age     reason\n"));
    let names = sh("kubegraph --demo -l app=cart search 'is(pod)' -o name");
    assert_eq!(
        stdout(&names),
        "pod/cart-7f8b6c5d9-h2vtn\npod/cart-7f8b6c5d9-q9dxw\n"
    );
    let bare = sh("kubegraph --demo -l app=cart search 'is(pod)' --no-headers");
    assert_eq!(
        stdout(&bare),
        "Pod  shop  cart-7f8b6c5d9-h2vtn\nPod  shop  cart-7f8b6c5d9-q9dxw\n"
    );
    // A name that fits no command says which ones fit.
    let bad = sh("kubegraph --demo why deploy/payments/payments-api -o dot");
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("table"), "{}", stderr(&bad));
}

// 8. Exit codes.

#[test]
fn exit_codes_say_what_was_found_for_scripts() {
    let scenario = "network-policy-recipes/expected/scenarios/r09.yaml";
    for (line, want) in [
        ("kubegraph -q --demo why deploy/payments/payments-api", 1),
        ("kubegraph -q --demo why deploy/monitoring/prometheus", 0),
        (
            &format!(
                "kubegraph -q -f {scenario} reach default/client-mon default/apiserver --port 8000"
            ) as &str,
            1,
        ),
        ("kubegraph -q --demo search --exit-code 'health = error'", 1),
        (
            "kubegraph -q --demo search --exit-code 'name = nothing-here'",
            0,
        ),
        (
            "kubegraph -q --demo impact --exit-code configmap/shop/cart-config",
            1,
        ),
        ("kubegraph --demo search 'is(pod' ", 2),
        // A failed `kubectl get` before the pipe: nothing on stdin.
        ("true | kubegraph -f - stats", 2),
    ] {
        let out = sh(line);
        assert_eq!(code(&out), want, "{line}: {}", stderr(&out));
    }
    let empty = sh("true | kubegraph -f - stats");
    assert!(stderr(&empty).contains("stdin was empty or held none"));
    // --strict fails a run that skipped a broken document; without it the rest loads.
    let input = "printf 'kind: ConfigMap\\napiVersion: v1\\nmetadata: {name: a}\\n---\\nfoo: [\\n'";
    let strict = sh(&format!("{input} | kubegraph -f - --strict stats"));
    assert_eq!(code(&strict), 2);
    assert!(stderr(&strict)
        .contains("error: --strict: 1 part of the input could not be read and was skipped"));
    let lenient = sh(&format!("{input} | kubegraph -q -f - stats"));
    assert_eq!(code(&lenient), 0);
}

// 9. What breaks if I delete X?

#[test]
fn impact_is_what_depends_on_it_not_what_contains_or_reports_on_it() {
    let out = sh("kubegraph --demo impact configmap/shop/cart-config -o json");
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut kinds: Vec<(String, usize)> = answer["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let kind = g["kind"].as_str().unwrap().to_string();
            (kind, g["items"].as_array().unwrap().len())
        })
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            ("Pod".to_string(), 3),
            ("Service".to_string(), 2),
            ("apps/Deployment".to_string(), 2),
            ("apps/ReplicaSet".to_string(), 2),
            ("networking.k8s.io/Ingress".to_string(), 1),
        ]
    );
    assert_eq!(answer["total"], 10);
    // The text names the edge that makes each depend, and what each would fall to.
    let text = stdout(&sh("kubegraph --demo impact configmap/shop/cart-config"));
    assert!(text.starts_with("ConfigMap shop/cart-config: 10 objects depend on it\n"));
    assert!(
        text.contains("  shop/cart             error    uses ConfigMap shop/cart-config  (now ok)")
    );
    for never in [
        "Cluster",
        "Namespace",
        "Event",
        "EndpointSlice",
        "Endpoints",
    ] {
        assert!(!text.contains(&format!("\n{never} (")), "{never}: {text}");
    }
}

// 10. Polish.

#[test]
fn completion_man_and_version() {
    let bash = sh("kubegraph completion bash");
    assert!(
        stdout(&bash).contains("complete -F _kubegraph"),
        "{}",
        stdout(&bash)
    );
    // Read in part (`| head`): no panic for the closed pipe.
    let head = sh("kubegraph completion bash | head -1; kubegraph man | head -1");
    assert!(!stderr(&head).contains("panicked"), "{}", stderr(&head));
    let man = sh("kubegraph man");
    assert!(stdout(&man).contains(".TH kubegraph 1"), "{}", stdout(&man));
    let version = stdout(&sh("kubegraph --version"));
    // `kubegraph 0.1.0 (abc123456789)`, or `(unknown)` outside a git checkout.
    let commit = version
        .trim()
        .rsplit_once(" (")
        .unwrap()
        .1
        .trim_end_matches(')');
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.bytes().all(|b| b.is_ascii_hexdigit())),
        "{version}"
    );
}

#[test]
fn health_in_colour_on_a_terminal_unless_no_color() {
    // `script` (util-linux) gives the command a terminal.
    let on_terminal = |env: &str| {
        let out = sh(&format!(
            "{env} script -qec 'kubegraph --demo stats' /dev/null"
        ));
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
    };
    let coloured = on_terminal("");
    assert!(coloured.contains("\x1b[31merror\x1b[0m"), "{coloured}");
    assert!(!on_terminal("NO_COLOR=1").contains('\x1b'));
}

#[test]
fn no_colour_into_a_pipe_or_with_no_color() {
    // Colour needs a terminal; these all go to a pipe, the logging too.
    for line in [
        "kubegraph --demo why deploy/payments/payments-api",
        "kubegraph --demo stats",
        "NO_COLOR=1 kubegraph --demo impact configmap/shop/cart-config",
        "KUBEGRAPH_LOG=debug kubegraph --demo stats",
    ] {
        let out = sh(line);
        assert!(!out.stdout.contains(&0x1b), "{line}: ANSI codes on stdout");
        assert!(!out.stderr.contains(&0x1b), "{line}: ANSI codes on stderr");
    }
}

#[test]
fn the_shell_runs_why_show_and_impact_and_hints_is_pod_for_pods() {
    let out = sh("printf 'pods\\nwhy deploy/payments/payments-api\\nshow pods deploy/payments/payments-api\\nimpact secret/payments/payments-api-token\\n' | kubegraph --demo shell");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("hint: to select objects of a kind, write `is(pod)`"),
        "{}",
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(
        text.contains("root cause:\n  Secret payments/payments-api-token: error: "),
        "{text}"
    );
    assert!(
        text.contains("Deployment payments/payments-api: 3 pods\n"),
        "{text}"
    );
    assert!(
        text.contains("Secret payments/payments-api-token (missing): 5 objects depend on it\n"),
        "{text}"
    );
}

#[test]
fn kubectl_get_is_a_query_of_that_type() {
    let get = sh("kubegraph --demo get pods -n shop");
    let search = sh("kubegraph --demo search 'is(pod)' -n shop");
    assert_eq!(code(&get), 0, "{}", stderr(&get));
    assert_eq!(stdout(&get), stdout(&search));
    assert_eq!(stdout(&get).lines().count(), 7, "a header and six pods");
    let out = sh("kubegraph --demo get deploy/cart svc/storefront -o name");
    assert_eq!(stdout(&out), "deployment.apps/cart\nservice/storefront\n");
}

#[test]
fn why_default_picks_the_namespace() {
    // `default` is a namespace and a ServiceAccount of it: why takes the namespace, as its
    // help says a namespace is a target.
    let out = sh("kubegraph -q -f k9s-live-objects why default");
    assert!(
        stdout(&out).starts_with("Namespace default: "),
        "{}",
        stdout(&out)
    );
    // Where no namespace has that name, the matches are listed with how to name each.
    let out = sh("kubegraph --demo why default");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains(
            "`default` is ambiguous: 3 objects match\n    serviceaccount/monitoring/default\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_piped_kubectl_table_gets_the_hint_to_ask_for_yaml() {
    let out = sh("printf 'NAME    READY   STATUS    RESTARTS   AGE\\nweb-1   1/1     Running   0          3d\\n' | kubegraph -f - stats");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("(hint: this is the table `kubectl get` prints; ask it for YAML or JSON: `kubectl get ... -o yaml | kubegraph -f - ...`)"),
        "{}",
        stderr(&out)
    );
}

/// Every `kubegraph` line of the README's and docs/cli.md's `sh` blocks that reads the demo or
/// a file of the repository runs as written, from the repository's root.
#[test]
fn readme_examples_run_as_they_are_written() {
    let mut ran = 0;
    for doc in ["README.md", "docs/cli.md"] {
        let text = std::fs::read_to_string(repo().join(doc)).unwrap();
        let mut in_sh = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_sh = line == "```sh";
                continue;
            }
            let command = line.split(" # ").next().unwrap().trim();
            let local = command.contains("--demo") || command.contains("-f crates/");
            let needs = ["serve", "jq", "dot ", "kubectl"];
            if !in_sh || !command.starts_with("kubegraph ") || !local {
                continue;
            }
            if needs.iter().any(|n| command.contains(n)) {
                continue;
            }
            let out = sh_in(&repo(), command);
            assert!(
                matches!(code(&out), 0 | 1) && !stderr(&out).contains("error:"),
                "{doc}: `{command}` exit {}: {}",
                code(&out),
                stderr(&out)
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} examples found");
}
