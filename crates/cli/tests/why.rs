//! `kubegraph why`, end to end: the demo's three broken things, the scenarios of
//! crates/health/tests/scenarios, the live fixture dumps (each "read:" comment says what the
//! file holds that the assertion relies on), and a live cluster (the test API server).

use serde_json::Value;
use std::process::{Command, Output};

mod common;
use common::kubegraph;

fn scenario(name: &str) -> String {
    kubegraph_fixtures::workspace()
        .join("crates/health/tests/scenarios")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// What `why` printed: it exits 0 when all is well, 1 when it found root causes, never 2 here.
fn stdout(out: &Output) -> String {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let found = text.contains("root cause") || text.contains("\"root_cause\": true");
    let expected = if found { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(expected),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The lines after `root cause(s):` naming objects, and the `fix:` lines.
fn causes_and_fixes(text: &str) -> (Vec<String>, Vec<String>) {
    let mut causes = Vec::new();
    let mut in_causes = false;
    for line in text.lines() {
        if line.starts_with("root cause") {
            in_causes = true;
            continue;
        }
        if in_causes && line.starts_with("  ") {
            // `  Kind ns/name: state: reason` → `Kind ns/name`
            causes.push(line.trim().split(": ").next().unwrap().to_string());
        } else {
            in_causes = false;
        }
    }
    let fixes = text
        .lines()
        .filter_map(|l| l.strip_prefix("fix: "))
        .map(str::to_string)
        .collect();
    (causes, fixes)
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("stdout is JSON")
}

#[test]
fn demo_missing_secret() {
    let out = stdout(&kubegraph(&[
        "--demo",
        "why",
        "deployment/payments/payments-api",
    ]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(causes, ["Secret payments/payments-api-token"]);
    assert_eq!(
        fixes,
        ["create Secret payments/payments-api-token with key token (needed by Deployment payments/payments-api and 2 more)"]
    );
    // The path: deployment → new replicaset → its pod → the secret; the old, healthy replicaset
    // and its pods are not on it.
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Deployment payments/payments-api  error: Progressing False"));
    assert!(lines[1]
        .starts_with("└─ owns ReplicaSet payments/payments-api-7c9d5f6b48  error: 0/1 ready"));
    assert!(lines[2].starts_with("   └─ owns Pod payments/payments-api-7c9d5f6b48-q8wzx  error: container payments-api waiting: CreateContainerConfigError"));
    assert!(lines[3].contains("event Failed ×204"));
    assert_eq!(
        lines[4],
        "      └─ uses Secret payments/payments-api-token  error: does not exist   ◀ root cause"
    );
    assert!(!out.contains("84f6d7c9b5"), "{out}");
    // One screen.
    assert!(lines.len() <= 24, "{}", lines.len());
}

#[test]
fn demo_missing_storage_class() {
    let out = stdout(&kubegraph(&["--demo", "why", "monitoring/grafana-data"]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(causes, ["StorageClass io2-fast"]);
    assert_eq!(
        fixes,
        ["create the StorageClass io2-fast, or set spec.storageClassName of PersistentVolumeClaim monitoring/grafana-data to a class that exists"]
    );
    assert!(out.starts_with(
        "PersistentVolumeClaim monitoring/grafana-data  error: Pending: ProvisioningFailed: storageclass.storage.k8s.io \"io2-fast\" not found\n"
    ));
    // From the ingress in front of grafana, the same cause through service, pod and claim.
    let out = stdout(&kubegraph(&["--demo", "why", "ingress/monitoring/grafana"]));
    let (causes, _) = causes_and_fixes(&out);
    assert_eq!(causes, ["StorageClass io2-fast"]);
    for step in [
        "routes to Service monitoring/grafana",
        "selects Pod monitoring/grafana-59d8c7b6f4-7wq2s",
        "mounts PersistentVolumeClaim monitoring/grafana-data",
        "is provisioned by StorageClass io2-fast",
    ] {
        assert!(out.contains(step), "{step} in {out}");
    }
}

#[test]
fn demo_crash_loop() {
    // `namespace/name` with no pod of that name: the workload of that name.
    let out = stdout(&kubegraph(&["--demo", "why", "shop/recommendations"]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(causes, ["Pod shop/recommendations-8d7f6b5c4-n5zrb"]);
    assert_eq!(
        fixes,
        ["container recommendations keeps crashing (last exit: code 1, Error): read its logs with kubectl logs -n shop recommendations-8d7f6b5c4-n5zrb -c recommendations --previous"]
    );
    assert!(out.starts_with("Deployment shop/recommendations  error:"));
    assert!(out.contains("event BackOff ×6412, last 4m ago"));
}

#[test]
fn demo_namespace_and_query_targets() {
    // A namespace: its unhealthy objects nothing else in it depends on, one cause.
    let out = stdout(&kubegraph(&["--demo", "why", "payments"]));
    assert!(out.starts_with("Namespace payments: 2 unhealthy objects at the top of its trouble\n"));
    let (causes, _) = causes_and_fixes(&out);
    assert_eq!(causes, ["Secret payments/payments-api-token"]);
    // A query: every error pod, each cause once.
    let out = stdout(&kubegraph(&["--demo", "why", "is(pod) and health = error"]));
    assert!(out.starts_with("3 objects match; 3 unhealthy\n"), "{out}");
    let (causes, _) = causes_and_fixes(&out);
    assert_eq!(
        causes,
        [
            "StorageClass io2-fast",
            "Secret payments/payments-api-token",
            "Pod shop/recommendations-8d7f6b5c4-n5zrb"
        ]
    );
}

#[test]
fn healthy_target_is_one_line() {
    let out = stdout(&kubegraph(&[
        "--demo",
        "why",
        "deploy/monitoring/prometheus",
    ]));
    assert_eq!(
        out,
        "Deployment monitoring/prometheus is healthy: 1/1 replicas available\n"
    );
    let out = stdout(&kubegraph(&[
        "--demo",
        "why",
        "node/ip-10-0-1-37.eu-west-1.compute.internal",
    ]));
    assert_eq!(
        out,
        "Node ip-10-0-1-37.eu-west-1.compute.internal is healthy: Ready\n"
    );
}

#[test]
fn json_output() {
    let v = json(&kubegraph(&[
        "--demo",
        "why",
        "pvc/monitoring/grafana-data",
        "-o",
        "json",
    ]));
    let e = &v["explanations"][0];
    assert_eq!(e["healthy"], false);
    assert_eq!(
        e["target"]["id"],
        "demo/core/PersistentVolumeClaim/monitoring/grafana-data"
    );
    assert_eq!(e["tree"]["state"], "error");
    assert_eq!(e["tree"]["events"][0]["reason"], "ProvisioningFailed");
    assert_eq!(e["tree"]["events"][0]["category"], "Alerts");
    assert_eq!(e["tree"]["events"][0]["count"], 27);
    let child = &e["tree"]["children"][0];
    assert_eq!(child["via"], "is provisioned by");
    assert_eq!(child["id"], "demo/storage.k8s.io/StorageClass/_/io2-fast");
    assert_eq!(child["missing"], true);
    assert_eq!(child["root_cause"], true);
    let causes = e["root_causes"].as_array().unwrap();
    assert_eq!(causes.len(), 1);
    assert_eq!(
        causes[0]["id"],
        "demo/storage.k8s.io/StorageClass/_/io2-fast"
    );
    assert!(causes[0]["fix"]
        .as_str()
        .unwrap()
        .starts_with("create the StorageClass io2-fast"));
    assert_eq!(v["now"], "2026-03-14T09:42:05Z");
}

#[test]
fn bad_targets_say_what_to_type() {
    let out = kubegraph(&["--demo", "why", "deploy/shop/recomendations"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no deploy shop/recomendations in the input"),
        "{err}"
    );
    assert!(
        err.contains("did you mean:\n    deployment/shop/recommendations"),
        "{err}"
    );

    // A name several objects have: the one workload among them (its tree is what is wrong)…
    let out = kubegraph(&["--demo", "why", "payments-api"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Deployment payments/payments-api  error: "),
        "{text}"
    );
    // …else every match, with how to name each.
    let out = kubegraph(&["--demo", "why", "default"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`default` is ambiguous"), "{err}");
    assert!(err.contains("name one as kind/namespace/name"), "{err}");

    let out = kubegraph(&["--demo", "why", "deploymnt/shop/web"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("unknown kind `deploymnt`\n  did you mean deployment?"));

    let out = kubegraph(&["--demo", "why", "is(pod) and name = nothing-like-this"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("selects nothing"));

    let out = kubegraph(&["--demo", "why", "is(pod) and"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());

    let out = kubegraph(&["--demo", "--now", "yesterday", "why", "shop/web"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`yesterday` is not an RFC 3339 time"));
}

#[test]
fn scenarios_through_the_binary() {
    let cases = [
        (
            "pod-missing-secret.yaml",
            "billing/invoice-api",
            "Secret billing/invoice-api-token",
        ),
        (
            "deployment-crashloop.yaml",
            "deploy/shop/cart",
            "Pod shop/cart-6d9f7b8c5-2xq9l",
        ),
        (
            "ingress-missing-configmap.yaml",
            "ingress/web/storefront",
            "ConfigMap web/storefront-settings",
        ),
        (
            "pvc-missing-storageclass.yaml",
            "data/postgres-0",
            "StorageClass ssd-premium",
        ),
        ("node-notready.yaml", "deploy/prod/orders", "Node worker-2"),
        (
            "webhook-service-without-endpoints.yaml",
            "validatingwebhookconfiguration/gatekeeper-validating-webhook-configuration",
            "Service gatekeeper-system/gatekeeper-webhook-service",
        ),
        (
            "apiservice-missing-service.yaml",
            "apiservice/v1beta1.metrics.k8s.io",
            "Service kube-system/metrics-server",
        ),
    ];
    for (file, target, cause) in cases {
        let out = stdout(&kubegraph(&["-q", "-f", &scenario(file), "why", target]));
        let (causes, fixes) = causes_and_fixes(&out);
        assert_eq!(
            causes.first().map(String::as_str),
            Some(cause),
            "{file}: {out}"
        );
        assert_eq!(fixes.len(), causes.len(), "{file}");
    }
    // --now moves the reference time: two minutes after it was made, the claim is only a
    // young Pending claim, judged by the class it names.
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        &scenario("pvc-missing-storageclass.yaml"),
        "--now",
        "2026-05-20T14:04:00Z",
        "why",
        "pvc/data/pgdata-postgres-0",
    ]));
    assert!(out.starts_with("PersistentVolumeClaim data/pgdata-postgres-0  error: is provisioned by StorageClass ssd-premium, which does not exist\n"), "{out}");
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        &scenario("pvc-missing-storageclass.yaml"),
        "why",
        "pvc/data/pgdata-postgres-0",
    ]));
    assert!(
        out.starts_with("PersistentVolumeClaim data/pgdata-postgres-0  error: Pending for 2h42m\n"),
        "{out}"
    );
}

// read: k9s-live-objects/render/testdata/ing.json: Ingress default/test-ingress, apiVersion
// networking.k8s.io/v1, but its backend is written with v1beta1's `serviceName: test` and
// `servicePort: 80`, fields v1 does not have (the API server would reject the object): it names
// no Service, as kube-score grades such an Ingress. No route, no missing Service to blame: the
// loader's warning says why.
#[test]
fn k9s_ingress_with_v1beta1_backend_fields_names_no_service() {
    let dir = kubegraph_fixtures::path("k9s-live-objects");
    let out = kubegraph(&[
        "-f",
        dir.to_str().unwrap(),
        "why",
        "ingress/default/test-ingress",
    ]);
    assert_eq!(
        stdout(&out),
        "Ingress default/test-ingress: health unknown (no status); nothing it depends on is unhealthy\n"
    );
    assert!(
        stderr(&out).contains("render/testdata/ing.json: Ingress default/test-ingress: spec.rules[0].http.paths[0].backend: `serviceName`/`servicePort` are fields of networking.k8s.io/v1beta1, which networking.k8s.io/v1 does not have"),
        "{}",
        stderr(&out)
    );
}

// read: k9s-live-objects/render/testdata/po.json: Pod default/nginx, phase Running, Ready True,
// container nginx running; it mounts claim `web` and token secret default-token-9ph8s, neither
// in the folder. The pod runs: what it mounts was there when it started, and a partial dump
// leaving it out is no problem. Nothing to fix.
#[test]
fn k9s_running_pod_in_a_partial_dump() {
    let dir = kubegraph_fixtures::path("k9s-live-objects");
    let out = kubegraph(&["-q", "-f", dir.to_str().unwrap(), "why", "default/nginx"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "Pod default/nginx is healthy: Running and ready\n"
    );
}

// read: openshift-insights-archive/config/pod/openshift-ingress/router-default-7bbdcfcf9b-7xdln.json:
// phase Pending, PodScheduled False, reason Unschedulable, message "0/2 nodes are available: 1
// node(s) didn't have free ports for the requested pod ports, 1 node(s) had taint
// {node-role.kubernetes.io/master: }, that the pod didn't tolerate."; it mounts secrets and a
// config map the archive does not hold. The scheduler reads none of those: the pod is the cause.
#[test]
fn openshift_unschedulable_router() {
    let dir = kubegraph_fixtures::path("openshift-insights-archive");
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        dir.to_str().unwrap(),
        "why",
        "openshift-ingress/router-default-7bbdcfcf9b-7xdln",
    ]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(
        causes,
        ["Pod openshift-ingress/router-default-7bbdcfcf9b-7xdln"]
    );
    assert_eq!(
        fixes,
        ["no node can take the pod: free capacity or relax its constraints (0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate.)"]
    );
    assert!(!out.contains("router-certs-default"), "{out}");
}

// read: openshift-insights-archive/config/pod/di-288312/vsystem-867f4b77cc-pqcns.json: init
// container vsystem-hana-init waiting in CrashLoopBackOff, lastState terminated with exit code 1,
// reason Error.
#[test]
fn openshift_crash_looping_init_container() {
    let dir = kubegraph_fixtures::path("openshift-insights-archive");
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        dir.to_str().unwrap(),
        "why",
        "di-288312/vsystem-867f4b77cc-pqcns",
    ]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(causes, ["Pod di-288312/vsystem-867f4b77cc-pqcns"]);
    assert_eq!(
        fixes,
        ["container vsystem-hana-init keeps crashing (last exit: code 1, Error): read its logs with kubectl logs -n di-288312 vsystem-867f4b77cc-pqcns -c vsystem-hana-init --previous"]
    );
}

// read: openshift-insights-archive/config/mutatingwebhookconfigurations/pod-identity-webhook.json:
// one webhook, clientConfig.service openshift-cloud-credential-operator/pod-identity-webhook;
// the archive holds no such service.
#[test]
fn openshift_webhook_without_its_service() {
    let dir = kubegraph_fixtures::path("openshift-insights-archive");
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        dir.to_str().unwrap(),
        "why",
        "mutatingwebhookconfiguration/pod-identity-webhook",
    ]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(
        causes,
        ["Service openshift-cloud-credential-operator/pod-identity-webhook"]
    );
    assert_eq!(
        fixes,
        ["create Service openshift-cloud-credential-operator/pod-identity-webhook (needed by MutatingWebhookConfiguration pod-identity-webhook)"]
    );
}

// read: kubectl-neat-live/pv1-raw.yaml (and its .json and neat twins): PersistentVolume pvc-54fad2fe-4d7b-11e9-9172-0800271788ca,
// storageClassName standard, phase Released; no StorageClass in the folder. The missing class
// is an error, the release a warning: the class is the cause named.
#[test]
fn neat_volume_without_its_class() {
    let dir = kubegraph_fixtures::path("kubectl-neat-live");
    let out = stdout(&kubegraph(&[
        "-q",
        "-f",
        dir.to_str().unwrap(),
        "why",
        "pv/pvc-54fad2fe-4d7b-11e9-9172-0800271788ca",
    ]));
    let (causes, fixes) = causes_and_fixes(&out);
    assert_eq!(causes, ["StorageClass standard"]);
    assert_eq!(
        fixes,
        ["create the StorageClass standard, or set spec.storageClassName of PersistentVolume pvc-54fad2fe-4d7b-11e9-9172-0800271788ca to a class that exists"]
    );
}

#[test]
fn event_category_is_queryable() {
    // read: the demo's seven events: four Warning (FailedScheduling, ProvisioningFailed, Failed,
    // BackOff), two ScalingReplicaSet and one Pulled, Normal.
    let out = stdout(&kubegraph(&[
        "--demo",
        "search",
        "is(event) and category = Alerts | count",
    ]));
    assert_eq!(out.trim(), "4");
    let out = stdout(&kubegraph(&[
        "--demo",
        "search",
        "is(event) and category = Activities | list reason",
    ]));
    let mut reasons: Vec<&str> = out.lines().skip(1).map(str::trim).collect();
    reasons.sort();
    assert_eq!(
        reasons,
        ["Pulled", "ScalingReplicaSet", "ScalingReplicaSet"]
    );
    // Not an event: `category` is the object's own field, which pods do not have.
    let out = stdout(&kubegraph(&[
        "--demo",
        "search",
        "is(pod) and category = Alerts | count",
    ]));
    assert_eq!(out.trim(), "0");
}

/// The same question against a live cluster (the test API server over real HTTP): the pod's
/// missing secret is the root cause, and time-dependent rules use the clock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn against_a_live_cluster() {
    use kubegraph_test_apiserver::TestApiServer;
    use serde_json::json;
    let server = TestApiServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(&kubeconfig, server.kubeconfig("prod")).unwrap();
    for o in [
        json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}}),
        json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "api", "namespace": "shop", "uid": "uid-api"},
            "spec": {"serviceAccountName": "default", "containers": [{"name": "api", "image": "api:1",
                "env": [{"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "api-token", "key": "token"}}}]}]},
            "status": {"phase": "Pending", "containerStatuses": [{"name": "api", "image": "api:1", "ready": false,
                "restartCount": 0, "state": {"waiting": {"reason": "CreateContainerConfigError",
                "message": "secret \"api-token\" not found"}}}]}}),
        // Made in 2020 and still Pending: against the clock, long past five minutes.
        json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "data", "namespace": "shop", "creationTimestamp": "2020-01-01T00:00:00Z"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}},
            "status": {"phase": "Pending"}}),
    ] {
        server.apply(o);
    }
    let run = |args: Vec<String>| {
        let home = dir.path().to_path_buf();
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_kubegraph"))
                .env("HOME", home)
                .env_remove("KUBECONFIG")
                .env_remove("KUBEGRAPH_LOG")
                .args(args)
                .output()
                .expect("binary runs")
        })
    };
    let k = kubeconfig.to_string_lossy().into_owned();
    let out = run(vec![
        "-q".into(),
        "--kubeconfig".into(),
        k.clone(),
        "why".into(),
        "shop/api".into(),
    ])
    .await
    .unwrap();
    let text = stdout(&out);
    let (causes, fixes) = causes_and_fixes(&text);
    assert_eq!(causes, ["Secret shop/api-token"], "{text}");
    assert_eq!(
        fixes,
        ["create Secret shop/api-token with key token (needed by Pod shop/api)"]
    );
    let out = run(vec![
        "-q".into(),
        "--kubeconfig".into(),
        k,
        "why".into(),
        "pvc/shop/data".into(),
    ])
    .await
    .unwrap();
    let text = stdout(&out);
    let days: u64 = text
        .strip_prefix("PersistentVolumeClaim shop/data  error: Pending for ")
        .and_then(|rest| rest.split('d').next())
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    // Since 2020-01-01 by the clock: more than six years (this was written in 2026).
    assert!(days > 6 * 365, "{text}");
}
