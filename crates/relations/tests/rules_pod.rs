//! Rules 5, 9–17 and 36 of `docs/relations.md`: what a pod contains, mounts, uses and runs.

use kubegraph_fixtures::{attrs, edges, fixture, graph, label};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::json::to_serde;
use kubegraph_model::EdgeKind;
use serde_json::{json, Value};

fn edge_attrs(g: &Graph, kind: EdgeKind, from: &str, to: &str) -> Value {
    Value::Object(attrs(g, kind, from, to))
}

/// The container node labelled `label` (`Container:ns/pod/name`).
fn container(g: &Graph, want: &str) -> NodeId {
    g.nodes()
        .map(|(id, _)| id)
        .find(|&id| label(g, id) == want)
        .unwrap_or_else(|| panic!("no node {want}"))
}

fn missing_labels(g: &Graph) -> Vec<String> {
    let mut v: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.missing())
        .map(|(id, _)| label(g, id))
        .collect();
    v.sort();
    v
}

#[test]
fn pod_contains_containers_init_and_ephemeral_with_their_status() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop, uid: p-uid}
spec:
  serviceAccountName: app
  initContainers:
  - {name: setup, image: busybox}
  containers:
  - name: app
    image: nginx:1.25
    ports: [{containerPort: 80}]
    resources: {limits: {cpu: 100m}}
  - {name: sidecar, image: "docker.io/library/nginx:1.25"}
  ephemeralContainers:
  - {name: debug, image: "busybox:1.36"}
status:
  phase: Running
  initContainerStatuses:
  - {name: setup, imageID: "docker.io/library/busybox@sha256:aaa", state: {terminated: {exitCode: 0}}}
  containerStatuses:
  - {name: sidecar, imageID: "", state: {waiting: {reason: CrashLoopBackOff}}}
  - {name: app, imageID: "docker.io/library/nginx@sha256:bbb", ready: true, state: {running: {}}}
  ephemeralContainerStatuses:
  - {name: debug, state: {running: {}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Contains),
        [
            "Cluster:test -> Image:docker.io/library/busybox:1.36",
            "Cluster:test -> Image:docker.io/library/busybox:latest",
            "Cluster:test -> Image:docker.io/library/nginx:1.25",
            "Cluster:test -> Namespace:shop",
            "Namespace:shop -> Pod:shop/p",
            "Namespace:shop -> ServiceAccount:shop/app (missing)",
            "Pod:shop/p -> Container:shop/p/app",
            "Pod:shop/p -> Container:shop/p/debug",
            "Pod:shop/p -> Container:shop/p/setup",
            "Pod:shop/p -> Container:shop/p/sidecar",
        ]
    );
    let raw = |name: &str| {
        to_serde(
            &g.node(container(&g, &format!("Container:shop/p/{name}")))
                .object
                .raw,
        )
    };
    let app = raw("app");
    assert_eq!(app["type"], "container");
    assert_eq!(app["image"], "nginx:1.25");
    assert_eq!(app["ports"], json!([{"containerPort": 80}]));
    assert_eq!(app["resources"], json!({"limits": {"cpu": "100m"}}));
    assert_eq!(
        app["status"]["imageID"],
        "docker.io/library/nginx@sha256:bbb"
    );
    assert_eq!(app["status"]["ready"], true);
    assert_eq!(raw("setup")["type"], "init");
    assert_eq!(raw("setup")["status"]["state"]["terminated"]["exitCode"], 0);
    assert_eq!(raw("debug")["type"], "ephemeral");
    assert_eq!(raw("debug")["status"]["state"], json!({"running": {}}));
    assert_eq!(
        raw("sidecar")["status"]["state"]["waiting"]["reason"],
        "CrashLoopBackOff"
    );

    // Rule 36: `nginx:1.25` and `docker.io/library/nginx:1.25` are one image.
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "Container:shop/p/app -> Image:docker.io/library/nginx:1.25",
            "Container:shop/p/debug -> Image:docker.io/library/busybox:1.36",
            "Container:shop/p/setup -> Image:docker.io/library/busybox:latest",
            "Container:shop/p/sidecar -> Image:docker.io/library/nginx:1.25",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            "Container:shop/p/app",
            "Image:docker.io/library/nginx:1.25"
        ),
        json!({"image_id": "docker.io/library/nginx@sha256:bbb"})
    );
    // An empty imageID (a container that never started) is no attribute.
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            "Container:shop/p/sidecar",
            "Image:docker.io/library/nginx:1.25"
        ),
        json!({})
    );
}

#[test]
fn manifest_pod_containers_have_no_status() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers: [{name: app, image: "registry.local:5000/team/app@sha256:ccc"}]
"#,
    );
    let app = &to_serde(&g.node(container(&g, "Container:shop/p/app")).object.raw);
    assert_eq!(app["status"], Value::Null);
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        ["Container:shop/p/app -> Image:registry.local:5000/team/app@sha256:ccc"]
    );
}

#[test]
fn image_references_are_normalised() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
  - {name: a, image: nginx}
  - {name: b, image: "nginx:latest"}
  - {name: c, image: "docker.io/library/nginx:latest"}
  - {name: d, image: "index.docker.io/library/nginx"}
  - {name: e, image: bitnami/redis}
  - {name: f, image: "localhost:5000/app"}
  - {name: g, image: "gcr.io/google-samples/cart:v1"}
  - {name: h, image: "redis:7@sha256:abc"}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "Container:shop/p/a -> Image:docker.io/library/nginx:latest",
            "Container:shop/p/b -> Image:docker.io/library/nginx:latest",
            "Container:shop/p/c -> Image:docker.io/library/nginx:latest",
            "Container:shop/p/d -> Image:docker.io/library/nginx:latest",
            "Container:shop/p/e -> Image:docker.io/bitnami/redis:latest",
            "Container:shop/p/f -> Image:localhost:5000/app:latest",
            "Container:shop/p/g -> Image:gcr.io/google-samples/cart:v1",
            "Container:shop/p/h -> Image:docker.io/library/redis:7@sha256:abc",
        ]
    );
    let images = g.nodes().filter(|(_, n)| n.object.kind == "Image").count();
    assert_eq!(images, 5);
}

#[test]
fn volumes_mount_claims_configmaps_and_secrets_with_per_container_mounts() {
    let g = graph(
        r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: proj-sec, namespace: shop}
---
# Same names elsewhere: another namespace, another kind. Neither may be picked.
apiVersion: v1
kind: Secret
metadata: {name: sec, namespace: other}
---
apiVersion: v1
kind: Secret
metadata: {name: data, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: proj-cm, namespace: other}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  initContainers:
  - name: init
    image: busybox
    volumeMounts: [{name: config, mountPath: /init}]
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - {name: data, mountPath: /data}
    - {name: config, mountPath: /etc/cfg, readOnly: true}
    - {name: all-in-one, mountPath: /projected}
  - name: sidecar
    image: busybox
    volumeMounts:
    - {name: data, mountPath: /backup, readOnly: true}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: data}}
  - {name: config, configMap: {name: cfg}}
  - {name: creds, secret: {secretName: sec, optional: true}}
  - name: all-in-one
    projected:
      sources:
      - configMap: {name: proj-cm}
      - secret: {name: proj-sec, optional: true}
      - serviceAccountToken: {path: token}
      - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
  - {name: scratch, emptyDir: {}}
  - {name: host, hostPath: {path: /var/log}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "Pod:shop/p -> ConfigMap:shop/cfg",
            "Pod:shop/p -> ConfigMap:shop/proj-cm (missing)",
            "Pod:shop/p -> PersistentVolumeClaim:shop/data",
            "Pod:shop/p -> Secret:shop/proj-sec",
            "Pod:shop/p -> Secret:shop/sec (missing)",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:shop/p",
            "PersistentVolumeClaim:shop/data"
        ),
        json!({
            "volumes": ["data"],
            "mounts": [
                {"container": "app", "mount_path": "/data", "read_only": false},
                {"container": "sidecar", "mount_path": "/backup", "read_only": true},
            ],
            "optional": false,
        })
    );
    assert_eq!(
        edge_attrs(&g, EdgeKind::Mounts, "Pod:shop/p", "ConfigMap:shop/cfg"),
        json!({
            "volumes": ["config"],
            "mounts": [
                {"container": "app", "mount_path": "/etc/cfg", "read_only": true},
                {"container": "init", "mount_path": "/init", "read_only": false},
            ],
            "optional": false,
        })
    );
    // Declared but mounted by no container: still a reference, with no mounts.
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:shop/p",
            "Secret:shop/sec (missing)"
        ),
        json!({"volumes": ["creds"], "mounts": [], "optional": true})
    );
    assert_eq!(
        edge_attrs(&g, EdgeKind::Mounts, "Pod:shop/p", "Secret:shop/proj-sec"),
        json!({
            "volumes": ["all-in-one"],
            "mounts": [{"container": "app", "mount_path": "/projected", "read_only": false}],
            "optional": true,
        })
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:shop/p",
            "ConfigMap:shop/proj-cm (missing)"
        )["optional"],
        false
    );
    assert_eq!(
        missing_labels(&g),
        [
            "ConfigMap:shop/proj-cm (missing)",
            "Secret:shop/sec (missing)"
        ]
    );
}

#[test]
fn one_object_through_two_volumes_is_one_edge_optional_only_if_both_are() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]
  volumes:
  - {name: a, secret: {secretName: tls, optional: true}}
  - name: b
    projected: {sources: [{secret: {name: tls}}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        ["Pod:shop/p -> Secret:shop/tls (missing)"]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:shop/p",
            "Secret:shop/tls (missing)"
        ),
        json!({
            "volumes": ["a", "b"],
            "mounts": [
                {"container": "app", "mount_path": "/a", "read_only": false},
                {"container": "app", "mount_path": "/b", "read_only": false},
            ],
            "optional": false,
        })
    );
}

#[test]
fn env_and_env_from_use_configmaps_and_secrets_with_containers_and_keys() {
    let g = graph(
        r#"
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: other}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
  - name: app
    image: nginx
    env:
    - {name: PLAIN, value: "1"}
    - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: LOG, valueFrom: {configMapKeyRef: {name: settings, key: log_level}}}
    - {name: PASS, valueFrom: {secretKeyRef: {name: db, key: password}}}
    - {name: FLAG, valueFrom: {configMapKeyRef: {name: flags, key: beta, optional: true}}}
    envFrom:
    - configMapRef: {name: settings}
    - {prefix: X_, secretRef: {name: extra, optional: true}}
  initContainers:
  - name: migrate
    image: busybox
    env:
    - {name: USER, valueFrom: {secretKeyRef: {name: db, key: user}}}
  ephemeralContainers:
  - name: debug
    image: busybox
    envFrom: [{configMapRef: {name: settings}}]
    env:
    - {name: TOKEN, valueFrom: {secretKeyRef: {name: api-token, key: token}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "Pod:shop/p -> ConfigMap:shop/flags (missing)",
            "Pod:shop/p -> ConfigMap:shop/settings",
            "Pod:shop/p -> Secret:shop/api-token (missing)",
            "Pod:shop/p -> Secret:shop/db",
            "Pod:shop/p -> Secret:shop/extra (missing)",
        ]
    );
    assert_eq!(
        edge_attrs(&g, EdgeKind::Uses, "Pod:shop/p", "ConfigMap:shop/settings"),
        json!({
            "via": ["env", "envFrom"],
            "containers": ["app", "debug"],
            "keys": ["log_level"],
            "optional": false,
        })
    );
    assert_eq!(
        edge_attrs(&g, EdgeKind::Uses, "Pod:shop/p", "Secret:shop/db"),
        json!({
            "via": ["env"],
            "containers": ["app", "migrate"],
            "keys": ["password", "user"],
            "optional": false,
        })
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "Pod:shop/p",
            "ConfigMap:shop/flags (missing)"
        ),
        json!({"via": ["env"], "containers": ["app"], "keys": ["beta"], "optional": true})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "Pod:shop/p",
            "Secret:shop/extra (missing)"
        ),
        json!({"via": ["envFrom"], "containers": ["app"], "optional": true})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "Pod:shop/p",
            "Secret:shop/api-token (missing)"
        ),
        json!({"via": ["env"], "containers": ["debug"], "keys": ["token"], "optional": false})
    );
}

#[test]
fn pull_secrets_service_accounts_priority_and_runtime_classes() {
    let g = graph(
        r#"
apiVersion: v1
kind: Secret
metadata: {name: regcred, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: other}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
---
apiVersion: v1
kind: Pod
metadata: {name: full, namespace: shop}
spec:
  imagePullSecrets: [{name: regcred}, {name: gone-cred}]
  serviceAccountName: builder
  priorityClassName: high
  runtimeClassName: gvisor
  containers: [{name: c, image: nginx}]
---
# The deprecated field still names the account.
apiVersion: v1
kind: Pod
metadata: {name: legacy, namespace: shop}
spec:
  serviceAccount: legacy-sa
  containers: [{name: c, image: nginx}]
---
# A manifest without serviceAccountName: the API server has not defaulted it, so no edge.
apiVersion: v1
kind: Pod
metadata: {name: manifest, namespace: shop}
spec:
  containers: [{name: c, image: nginx}]
---
# Live pods without one run as `default` of their namespace.
apiVersion: v1
kind: Pod
metadata: {name: live, namespace: shop, uid: u1}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: live, namespace: other}
spec:
  containers: [{name: c, image: nginx}]
status: {phase: Pending}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "Pod:other/live -> ServiceAccount:other/default (missing)",
            "Pod:shop/full -> Secret:shop/gone-cred (missing)",
            "Pod:shop/full -> Secret:shop/regcred",
            "Pod:shop/full -> ServiceAccount:shop/builder (missing)",
            "Pod:shop/full -> node.k8s.io/RuntimeClass:gvisor (missing)",
            "Pod:shop/full -> scheduling.k8s.io/PriorityClass:high",
            "Pod:shop/legacy -> ServiceAccount:shop/legacy-sa (missing)",
            "Pod:shop/live -> ServiceAccount:shop/default",
        ]
    );
    assert_eq!(
        edge_attrs(&g, EdgeKind::Uses, "Pod:shop/full", "Secret:shop/regcred"),
        json!({"via": ["imagePullSecrets"], "optional": false})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "Pod:shop/full",
            "scheduling.k8s.io/PriorityClass:high"
        ),
        json!({"via": ["priorityClassName"], "optional": false})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "Pod:shop/live",
            "ServiceAccount:shop/default"
        ),
        json!({"via": ["serviceAccountName"], "optional": false})
    );
}

#[test]
fn absent_targets_that_are_normal_make_no_placeholders() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
  - name: app
    image: nginx
    env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
    volumeMounts: [{name: scratch, mountPath: /scratch}]
  volumes:
  - {name: scratch, emptyDir: {}}
  # A generic ephemeral volume's claim (p-cache) is made with the pod; a manifest has none yet.
  - name: cache
    ephemeral:
      volumeClaimTemplate:
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
"#,
    );
    assert_eq!(missing_labels(&g), Vec::<String>::new());
    assert_eq!(edges(&g, EdgeKind::Mounts), Vec::<String>::new());
    assert_eq!(edges(&g, EdgeKind::Uses), Vec::<String>::new());
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        ["Container:shop/p/app -> Image:docker.io/library/nginx:latest"]
    );
}

#[test]
fn generic_ephemeral_volume_mounts_its_claim_when_it_exists() {
    let g = graph(
        r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: p-cache, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: p-cache, namespace: other}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers:
  - {name: app, image: nginx, volumeMounts: [{name: cache, mountPath: /cache}]}
  volumes:
  - name: cache
    ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        ["Pod:shop/p -> PersistentVolumeClaim:shop/p-cache"]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:shop/p",
            "PersistentVolumeClaim:shop/p-cache"
        ),
        json!({
            "volumes": ["cache"],
            "mounts": [{"container": "app", "mount_path": "/cache", "read_only": false}],
            "optional": false,
        })
    );
}

#[test]
fn fixture_nca_bookinfo_pods_containers_status_and_references() {
    // bookinfo_pods_list.json: a `kubectl get pods -o json` List of 6 pods in `default`, each
    // with init container istio-init, an app container and istio-proxy (both istio images
    // docker.io/istio/proxyv2:1.10.3), volumes: configMap istio-ca-root-cert, the service
    // account token secret, emptyDirs and a downwardAPI volume.
    let g = fixture(&["nca-live-podlists/bookinfo_pods_list.json"]);
    // (pod, app container, app image tag, service account, token secret)
    let pods = [
        (
            "details-v1-5f449bdbb9-m45kh",
            "details",
            "examples-bookinfo-details-v1",
            "bookinfo-details",
            "bookinfo-details-token-l2xcx",
        ),
        (
            "productpage-v1-6f9df695b7-fc9m2",
            "productpage",
            "examples-bookinfo-productpage-v1",
            "bookinfo-productpage",
            "bookinfo-productpage-token-mvkvx",
        ),
        (
            "ratings-v1-857bb87c57-n9t4t",
            "ratings",
            "examples-bookinfo-ratings-v1",
            "bookinfo-ratings",
            "bookinfo-ratings-token-wqg76",
        ),
        (
            "reviews-v1-68f9c47f69-tmdw8",
            "reviews",
            "examples-bookinfo-reviews-v1",
            "bookinfo-reviews",
            "bookinfo-reviews-token-dcntb",
        ),
        (
            "reviews-v2-5d56c488f5-xp7fd",
            "reviews",
            "examples-bookinfo-reviews-v2",
            "bookinfo-reviews",
            "bookinfo-reviews-token-dcntb",
        ),
        (
            "reviews-v3-869ff44845-kl65v",
            "reviews",
            "examples-bookinfo-reviews-v3",
            "bookinfo-reviews",
            "bookinfo-reviews-token-dcntb",
        ),
    ];
    let proxy = "Image:docker.io/istio/proxyv2:1.10.3";
    let mut runs = Vec::new();
    let mut mounts = Vec::new();
    let mut uses = Vec::new();
    for (pod, app, image, sa, token) in pods {
        runs.push(format!(
            "Container:default/{pod}/{app} -> Image:docker.io/istio/{image}:1.16.2"
        ));
        runs.push(format!("Container:default/{pod}/istio-init -> {proxy}"));
        runs.push(format!("Container:default/{pod}/istio-proxy -> {proxy}"));
        mounts.push(format!(
            "Pod:default/{pod} -> ConfigMap:default/istio-ca-root-cert (missing)"
        ));
        mounts.push(format!(
            "Pod:default/{pod} -> Secret:default/{token} (missing)"
        ));
        uses.push(format!(
            "Pod:default/{pod} -> ServiceAccount:default/{sa} (missing)"
        ));
    }
    for v in [&mut runs, &mut mounts, &mut uses] {
        v.sort();
    }
    assert_eq!(edges(&g, EdgeKind::Runs), runs);
    assert_eq!(edges(&g, EdgeKind::Mounts), mounts);
    assert_eq!(edges(&g, EdgeKind::Uses), uses);
    assert_eq!(edges(&g, EdgeKind::RunsOn).len(), 6);
    assert!(edges(&g, EdgeKind::RunsOn)
        .iter()
        .all(|e| e.ends_with("-> Node:istio-testing-control-plane (missing)")));

    let details = "details-v1-5f449bdbb9-m45kh";
    let pod_contains: Vec<String> = edges(&g, EdgeKind::Contains)
        .into_iter()
        .filter(|e| e.starts_with(&format!("Pod:default/{details} ")))
        .collect();
    assert_eq!(
        pod_contains,
        [
            format!("Pod:default/{details} -> Container:default/{details}/details"),
            format!("Pod:default/{details} -> Container:default/{details}/istio-init"),
            format!("Pod:default/{details} -> Container:default/{details}/istio-proxy"),
        ]
    );
    let init = &to_serde(
        &g.node(container(
            &g,
            &format!("Container:default/{details}/istio-init"),
        ))
        .object
        .raw,
    );
    assert_eq!(init["type"], "init");
    assert_eq!(init["status"]["state"]["terminated"]["reason"], "Completed");
    let app = &to_serde(
        &g.node(container(
            &g,
            &format!("Container:default/{details}/details"),
        ))
        .object
        .raw,
    );
    assert_eq!(app["type"], "container");
    assert!(app["status"]["state"]["running"].is_object());
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            &format!("Container:default/{details}/details"),
            "Image:docker.io/istio/examples-bookinfo-details-v1:1.16.2"
        ),
        json!({"image_id": "docker.io/istio/examples-bookinfo-details-v1@sha256:18e54f81689035019e1ac78f6d2e6483fcf1d94072d047315ab193cb2ab89ae5"})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            &format!("Pod:default/{details}"),
            "ConfigMap:default/istio-ca-root-cert (missing)"
        ),
        json!({
            "volumes": ["istiod-ca-cert"],
            "mounts": [{"container": "istio-proxy", "mount_path": "/var/run/secrets/istio", "read_only": false}],
            "optional": false,
        })
    );
}

#[test]
fn fixture_k9s_xray_pods() {
    // po.json: pod nginx mounts claim `web` and secret default-token-9ph8s, runs nginx:alpine.
    // init.json: pod hurry-up-and-wait has init container init-sleep (terminated, Completed).
    // cilium.json: every configMapKeyRef / secretKeyRef of the operator is `optional: true`.
    let g = fixture(&[
        "k9s-live-objects/xray/testdata/po.json",
        "k9s-live-objects/xray/testdata/init.json",
        "k9s-live-objects/xray/testdata/cilium.json",
    ]);
    let cilium = "Pod:kube-system/cilium-operator-55658fb5c4-rxtnl";
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "Pod:default/hurry-up-and-wait -> Secret:default/default-token-rr22g (missing)",
            "Pod:default/nginx -> PersistentVolumeClaim:default/web (missing)",
            "Pod:default/nginx -> Secret:default/default-token-9ph8s (missing)",
            &format!("{cilium} -> Secret:kube-system/cilium-operator-token-r9t5t (missing)"),
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "Pod:default/hurry-up-and-wait -> ServiceAccount:default/default (missing)",
            "Pod:default/nginx -> ServiceAccount:default/default (missing)",
            &format!("{cilium} -> ConfigMap:kube-system/cilium-config (missing)"),
            &format!("{cilium} -> Secret:kube-system/cilium-aws (missing)"),
            &format!("{cilium} -> ServiceAccount:kube-system/cilium-operator (missing)"),
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            cilium,
            "ConfigMap:kube-system/cilium-config (missing)"
        ),
        json!({
            "via": ["env"],
            "containers": ["cilium-operator"],
            "keys": ["debug", "cluster-name", "cluster-id", "ipam", "disable-endpoint-crd",
                     "kvstore", "kvstore-opt", "identity-allocation-mode"],
            "optional": true,
        })
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            cilium,
            "Secret:kube-system/cilium-aws (missing)"
        ),
        json!({
            "via": ["env"],
            "containers": ["cilium-operator"],
            "keys": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"],
            "optional": true,
        })
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "Pod:default/nginx",
            "PersistentVolumeClaim:default/web (missing)"
        ),
        json!({
            "volumes": ["index"],
            "mounts": [{"container": "nginx", "mount_path": "/usr/share/nginx/html", "read_only": false}],
            "optional": false,
        })
    );
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "Container:default/hurry-up-and-wait/busy -> Image:docker.io/library/busybox:latest",
            "Container:default/hurry-up-and-wait/init-sleep -> Image:docker.io/library/busybox:latest",
            "Container:default/nginx/nginx -> Image:docker.io/library/nginx:alpine",
            "Container:kube-system/cilium-operator-55658fb5c4-rxtnl/cilium-operator -> Image:docker.io/cilium/operator:v1.6.5",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            "Container:default/nginx/nginx",
            "Image:docker.io/library/nginx:alpine"
        ),
        json!({"image_id": "docker-pullable://nginx@sha256:482ead44b2203fa32b3390abdaf97cbdc8ad15c07fb03a3e68d7c35a19ad7595"})
    );
    let init = &to_serde(
        &g.node(container(
            &g,
            "Container:default/hurry-up-and-wait/init-sleep",
        ))
        .object
        .raw,
    );
    assert_eq!(init["type"], "init");
    assert_eq!(init["status"]["state"]["terminated"]["reason"], "Completed");
}
