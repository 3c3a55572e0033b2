//! Root cause on realistic dumps (`tests/scenarios/*.yaml`, shaped like `kubectl get -o yaml`
//! with status): each test names the exact root causes, the path to them, and what must not be
//! blamed.

use std::path::PathBuf;

use kubegraph_graph::{Graph, NodeId};
use kubegraph_health::rootcause::{explain, Explanation, Step};
use kubegraph_health::time::{Now, Timestamp};
use kubegraph_health::{assess_at, Health, State};

fn scenario(name: &str) -> Graph {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(name);
    let bytes = std::fs::read(&p).expect("scenario exists");
    let loaded = kubegraph_files::load_bytes(name, &bytes, &Default::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    kubegraph_relations::graph_from_objects("test", loaded.objects).0
}

fn label(g: &Graph, id: NodeId) -> String {
    let o = &g.node(id).object;
    match &o.namespace {
        Some(ns) => format!("{} {ns}/{}", o.kind, o.name),
        None => format!("{} {}", o.kind, o.name),
    }
}

fn find(g: &Graph, wanted: &str) -> NodeId {
    let hits: Vec<NodeId> = g
        .nodes()
        .filter(|(id, n)| n.parent.is_none() && label(g, *id) == wanted)
        .map(|(id, _)| id)
        .collect();
    assert_eq!(hits.len(), 1, "{wanted}");
    hits[0]
}

struct Why {
    g: Graph,
    health: Vec<Health>,
    e: Explanation,
}

fn why_at(name: &str, target: &str, now: Now) -> Why {
    let g = scenario(name);
    let health = assess_at(&g, now);
    let t = find(&g, target);
    let e = explain(&g, &health, t, now.resolve(&g));
    Why { g, health, e }
}

fn why(name: &str, target: &str) -> Why {
    why_at(name, target, Now::NewestInInput)
}

impl Why {
    fn causes(&self) -> Vec<String> {
        self.e
            .causes
            .iter()
            .map(|c| label(&self.g, c.node))
            .collect()
    }
    fn fixes(&self) -> Vec<String> {
        self.e.causes.iter().map(|c| c.fix.clone()).collect()
    }
    /// Every object on the tree, as `via label` lines in depth-first order, indented.
    fn tree(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(&self.e.tree, 0, &mut out);
        out
    }
    fn walk(&self, s: &Step, depth: usize, out: &mut Vec<String>) {
        let via = s.via.map(|v| format!("{v} ")).unwrap_or_default();
        let mark = if s.root_cause { " *" } else { "" };
        out.push(format!(
            "{}{via}{}{mark}",
            "  ".repeat(depth),
            label(&self.g, s.node)
        ));
        for c in &s.children {
            self.walk(c, depth + 1, out);
        }
    }
    fn state(&self, wanted: &str) -> (State, String) {
        let h = &self.health[find(&self.g, wanted).0 as usize];
        (h.state, h.reason.clone())
    }
}

#[test]
fn pod_with_a_missing_secret() {
    let w = why("pod-missing-secret.yaml", "Pod billing/invoice-api");
    assert_eq!(w.causes(), ["Secret billing/invoice-api-token"]);
    assert_eq!(
        w.tree(),
        [
            "Pod billing/invoice-api",
            "  uses Secret billing/invoice-api-token *"
        ]
    );
    assert_eq!(
        w.fixes(),
        ["create Secret billing/invoice-api-token with key token (needed by Pod billing/invoice-api)"]
    );
    assert_eq!(
        w.state("Pod billing/invoice-api"),
        (
            State::Error,
            "container api waiting: CreateContainerConfigError: secret \"invoice-api-token\" not found".into()
        )
    );
    // The same stored event in core/v1 and events.k8s.io/v1 is one logical event, counted once;
    // the Normal `Scheduled` event is not a warning.
    let ev = &w.e.tree.events;
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].reason.as_str(), ev[0].count), ("Failed", 77));
    assert_eq!(ev[0].events.len(), 2);
    assert_eq!(ev[0].category, kubegraph_health::events::Category::Alerts);
    assert_eq!(
        ev[0].first,
        Some(Timestamp::parse("2026-05-20T09:41:14Z").unwrap())
    );
    assert_eq!(
        ev[0].last,
        Some(Timestamp::parse("2026-05-20T09:58:51Z").unwrap())
    );
    // What exists is not blamed: the config map, the other secret, the node, the account.
    for fine in [
        "ConfigMap billing/invoice-api-config",
        "Secret billing/invoice-db",
        "ServiceAccount billing/invoice-api",
    ] {
        assert!(w.state(fine).0 < State::Warning, "{fine}");
    }
}

#[test]
fn deployment_with_crash_looping_pods() {
    let w = why("deployment-crashloop.yaml", "Deployment shop/cart");
    assert_eq!(
        w.causes(),
        [
            "Pod shop/cart-6d9f7b8c5-2xq9l",
            "Pod shop/cart-6d9f7b8c5-h7vzp"
        ]
    );
    assert_eq!(
        w.tree(),
        [
            "Deployment shop/cart",
            "  owns ReplicaSet shop/cart-6d9f7b8c5",
            "    owns Pod shop/cart-6d9f7b8c5-2xq9l *",
            "    owns Pod shop/cart-6d9f7b8c5-h7vzp *",
        ]
    );
    assert_eq!(
        w.fixes()[0],
        "container cart keeps crashing (last exit: code 1, Error): read its logs with kubectl logs -n shop cart-6d9f7b8c5-2xq9l -c cart --previous"
    );
    // The default service account is not in this namespaced dump: the pods were admitted, so it
    // exists, and it is neither an error nor a cause.
    assert_eq!(w.state("ServiceAccount shop/default").0, State::Unknown);
    // The service in front of the pods leads to the same causes.
    let s = why("deployment-crashloop.yaml", "Service shop/cart");
    assert_eq!(s.causes(), w.causes());
    let ev = &w.e.tree.children[0].children[0].events;
    assert_eq!(ev[0].summary(None), format!("BackOff ×151: Back-off restarting failed container cart in pod cart-6d9f7b8c5-2xq9l_shop(4e5f6a7b-4444-4c8d-9e0f-1a2b3c4d5e14)"));
}

#[test]
fn ingress_to_service_to_pods_to_missing_config_map() {
    let w = why("ingress-missing-configmap.yaml", "Ingress web/storefront");
    assert_eq!(w.causes(), ["ConfigMap web/storefront-settings"]);
    assert_eq!(
        w.tree(),
        [
            "Ingress web/storefront",
            "  routes to Service web/storefront",
            "    selects Pod web/storefront-5c7d9f8b6-4kq2m",
            "      uses ConfigMap web/storefront-settings *",
            "    selects Pod web/storefront-5c7d9f8b6-wm8zt",
        ]
    );
    assert_eq!(
        w.fixes(),
        ["create ConfigMap web/storefront-settings (needed by Deployment web/storefront and 3 more)"]
    );
    // The mounted theme config map and the ingress class exist and are not blamed.
    assert!(!w.causes().iter().any(|c| c.contains("storefront-theme")));
    assert_eq!(
        w.state("Ingress web/storefront"),
        (
            State::Warning,
            "backend Service web/storefront has no ready endpoint (0/2 endpoints ready)".into()
        )
    );
}

#[test]
fn pending_pod_to_pending_claim_to_missing_storage_class() {
    let w = why("pvc-missing-storageclass.yaml", "Pod data/postgres-0");
    assert_eq!(w.causes(), ["StorageClass ssd-premium"]);
    assert_eq!(
        w.tree(),
        [
            "Pod data/postgres-0",
            "  mounts PersistentVolumeClaim data/pgdata-postgres-0",
            "    is provisioned by StorageClass ssd-premium *",
        ]
    );
    assert_eq!(
        w.fixes(),
        ["create the StorageClass ssd-premium, or set spec.storageClassName of PersistentVolumeClaim data/pgdata-postgres-0 to a class that exists"]
    );
    // No ProvisioningFailed event is left: the claim is an error because it has been Pending
    // for longer than 5 minutes before the dump's newest timestamp (16:44:10).
    assert_eq!(
        w.state("PersistentVolumeClaim data/pgdata-postgres-0"),
        (State::Error, "Pending for 2h42m".into())
    );
    // The bound claim of another app, and the class that exists, are fine.
    assert_eq!(
        w.state("PersistentVolumeClaim data/redis-data-redis-0").0,
        State::Ok
    );
    assert_eq!(w.state("StorageClass gp3").0, State::Unknown);
    // The StatefulSet reaches the same cause through its pod.
    let s = why("pvc-missing-storageclass.yaml", "StatefulSet data/postgres");
    assert_eq!(s.causes(), ["StorageClass ssd-premium"]);
}

#[test]
fn pending_claim_is_a_warning_within_five_minutes_of_now() {
    let now = Now::At(Timestamp::parse("2026-05-20T14:04:30Z").unwrap());
    let w = why_at("pvc-missing-storageclass.yaml", "Pod data/postgres-0", now);
    // Two and a half minutes after it was made, a Pending claim is still young: it is judged by
    // the missing class it names instead.
    assert_eq!(
        w.state("PersistentVolumeClaim data/pgdata-postgres-0"),
        (
            State::Error,
            "is provisioned by StorageClass ssd-premium, which does not exist".into()
        )
    );
    assert_eq!(w.causes(), ["StorageClass ssd-premium"]);
}

#[test]
fn pods_on_a_not_ready_node() {
    let w = why("node-notready.yaml", "Deployment prod/orders");
    assert_eq!(w.causes(), ["Node worker-2"]);
    assert_eq!(
        w.tree(),
        [
            "Deployment prod/orders",
            "  owns ReplicaSet prod/orders-66b8c9d7f4",
            "    owns Pod prod/orders-66b8c9d7f4-kx7mb",
            "      runs on Node worker-2 *",
            "    owns Pod prod/orders-66b8c9d7f4-zr5pd",
        ]
    );
    assert_eq!(
        w.fixes(),
        ["node worker-2 is Ready Unknown: check its kubelet, network and resources (kubectl describe node worker-2)"]
    );
    // The pod on the healthy node is not on the tree, and neither is its node.
    assert!(!w
        .tree()
        .iter()
        .any(|l| l.contains("9tqwz") || l.contains("worker-1")));
    assert_eq!(
        w.state("Pod prod/orders-66b8c9d7f4-kx7mb"),
        (State::Warning, "Running but not ready: NodeNotReady".into())
    );
}

#[test]
fn webhook_whose_service_has_no_endpoints() {
    let w = why(
        "webhook-service-without-endpoints.yaml",
        "ValidatingWebhookConfiguration gatekeeper-validating-webhook-configuration",
    );
    assert_eq!(
        w.causes(),
        ["Service gatekeeper-system/gatekeeper-webhook-service"]
    );
    assert_eq!(
        w.tree(),
        [
            "ValidatingWebhookConfiguration gatekeeper-validating-webhook-configuration",
            "  is backed by Service gatekeeper-system/gatekeeper-webhook-service *",
        ]
    );
    assert_eq!(
        w.state("ValidatingWebhookConfiguration gatekeeper-validating-webhook-configuration"),
        (
            State::Error,
            "webhook validation.gatekeeper.sh calls Service gatekeeper-system/gatekeeper-webhook-service: selector matches no pod (failurePolicy Fail: matching requests are rejected)".into()
        )
    );
    assert_eq!(
        w.fixes(),
        ["Service gatekeeper-system/gatekeeper-webhook-service selects no pod: Deployment gatekeeper-system/gatekeeper-controller-manager has 0 replicas; scale it up"]
    );
    // The audit deployment and its running pod are not blamed.
    assert!(!w.tree().iter().any(|l| l.contains("audit")));
}

#[test]
fn apiservice_whose_service_is_missing() {
    let w = why(
        "apiservice-missing-service.yaml",
        "APIService v1beta1.metrics.k8s.io",
    );
    assert_eq!(w.causes(), ["Service kube-system/metrics-server"]);
    assert_eq!(
        w.tree(),
        [
            "APIService v1beta1.metrics.k8s.io",
            "  is backed by Service kube-system/metrics-server *",
        ]
    );
    assert!(w.g.node(w.e.causes[0].node).missing());
    assert_eq!(
        w.fixes(),
        ["create Service kube-system/metrics-server (needed by APIService v1beta1.metrics.k8s.io)"]
    );
    // The local APIService and DNS are healthy; a healthy target says so.
    let ok = why("apiservice-missing-service.yaml", "APIService v1.apps");
    assert!(ok.e.healthy());
    assert!(ok.causes().is_empty());
    let dns = why(
        "apiservice-missing-service.yaml",
        "Service kube-system/kube-dns",
    );
    assert!(dns.e.healthy());
}

#[test]
fn cycles_end() {
    // The StatefulSet is backed by its headless service, which selects the StatefulSet's pod:
    // service → pod ← statefulset → service. The walk ends and blames the class once.
    let w = why("pvc-missing-storageclass.yaml", "Service data/postgres");
    assert_eq!(w.causes(), ["StorageClass ssd-premium"]);
}

#[test]
fn demo_broken_things() {
    let loaded = kubegraph_demo::load();
    let (g, _) = kubegraph_relations::graph_from_objects("demo", loaded.objects);
    let health = assess_at(&g, Now::NewestInInput);
    let cases = [
        (
            "Deployment payments/payments-api",
            "Secret payments/payments-api-token",
        ),
        (
            "Deployment shop/recommendations",
            "Pod shop/recommendations-8d7f6b5c4-n5zrb",
        ),
        ("Deployment monitoring/grafana", "StorageClass io2-fast"),
        ("Ingress monitoring/grafana", "StorageClass io2-fast"),
        (
            "Service payments/payments-api",
            "Secret payments/payments-api-token",
        ),
    ];
    for (target, cause) in cases {
        let e = explain(&g, &health, find(&g, target), None);
        let causes: Vec<String> = e.causes.iter().map(|c| label(&g, c.node)).collect();
        assert_eq!(causes, [cause], "{target}");
    }
}

#[test]
fn a_restarted_pod_is_down_because_of_the_secret_its_status_names() {
    // The pod ran (3 restarts), then its secret was deleted: at the next restart the kubelet
    // cannot build the container's environment. The status names the secret, so it is the
    // cause even though the pod had started; the other absent secret (a partial dump) is not.
    let text = "apiVersion: v1
kind: Pod
metadata: {name: api, namespace: default, uid: p1, creationTimestamp: '2026-05-20T10:00:00Z'}
spec:
  containers:
  - name: api
    image: api:1
    env:
    - {name: TOKEN, valueFrom: {secretKeyRef: {name: api-token, key: token}}}
    - {name: OTHER, valueFrom: {secretKeyRef: {name: other, key: k}}}
status:
  phase: Running
  conditions: [{type: Ready, status: 'False', reason: ContainersNotReady}]
  containerStatuses:
  - name: api
    image: api:1
    ready: false
    restartCount: 3
    lastState: {terminated: {exitCode: 0, reason: Completed, finishedAt: '2026-05-20T10:30:00Z'}}
    state: {waiting: {reason: CreateContainerConfigError, message: 'secret \"api-token\" not found'}}
";
    let loaded = kubegraph_files::load_bytes("t.yaml", text.as_bytes(), &Default::default());
    let g = kubegraph_relations::graph_from_objects("t", loaded.objects).0;
    let health = assess_at(&g, Now::NewestInInput);
    let e = explain(&g, &health, find(&g, "Pod default/api"), None);
    let causes: Vec<String> = e.causes.iter().map(|c| label(&g, c.node)).collect();
    assert_eq!(causes, ["Secret default/api-token"]);
}
