//! Rules 9 (StatefulSet claims), 36 (template images) and 39 (pod template references) of
//! `docs/relations.md`, and the controllers' own selectors.

use kubegraph_fixtures::{attrs, edges, fixture, graph};
use kubegraph_graph::Graph;
use kubegraph_model::EdgeKind;
use serde_json::{json, Value};

fn edge_attrs(g: &Graph, kind: EdgeKind, from: &str, to: &str) -> Value {
    Value::Object(attrs(g, kind, from, to))
}

/// The same pod template under every kind that has one, plus look-alikes from other groups.
const EVERY_WORKLOAD: &str = r#"
apiVersion: v1
kind: ConfigMap
metadata: {name: shared, namespace: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: w, namespace: shop}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec:
      containers:
      - name: app
        image: nginx
        envFrom: [{configMapRef: {name: shared}}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: w, namespace: shop}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: w, namespace: shop}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: w, namespace: shop}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: w, namespace: shop}
spec:
  template:
    metadata: {labels: {app: w}}
    spec: {restartPolicy: Never, containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: w, namespace: shop}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: w}}
        spec: {restartPolicy: Never, containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: w, namespace: shop}
spec:
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
# Same kind names in other groups: not workloads kubegraph knows, so no template references.
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: w, namespace: shop}
spec:
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
---
apiVersion: example.com/v1
kind: Deployment
metadata: {name: w, namespace: shop}
spec:
  selector: {matchLabels: {app: w}}
  template:
    metadata: {labels: {app: w}}
    spec: {containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: shared}}]}]}
"#;

#[test]
fn every_workload_kind_derives_its_template_references_and_images() {
    let g = graph(EVERY_WORKLOAD);
    let kinds = [
        "ReplicationController",
        "apps/DaemonSet",
        "apps/Deployment",
        "apps/ReplicaSet",
        "apps/StatefulSet",
        "batch/CronJob",
        "batch/Job",
    ];
    let uses: Vec<String> = kinds
        .iter()
        .map(|k| format!("{k}:shop/w -> ConfigMap:shop/shared"))
        .collect();
    assert_eq!(edges(&g, EdgeKind::Uses), uses);
    let runs: Vec<String> = kinds
        .iter()
        .map(|k| format!("{k}:shop/w -> Image:docker.io/library/nginx:latest"))
        .collect();
    assert_eq!(edges(&g, EdgeKind::Runs), runs);
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "batch/CronJob:shop/w",
            "ConfigMap:shop/shared"
        ),
        json!({"via": ["envFrom"], "containers": ["app"], "optional": false})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            "apps/Deployment:shop/w",
            "Image:docker.io/library/nginx:latest"
        ),
        json!({"containers": ["app"]})
    );
}

#[test]
fn template_references_cover_rules_9_to_17_without_live_defaults() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop, uid: live-deployment}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      imagePullSecrets: [{name: regcred}]
      priorityClassName: high
      runtimeClassName: gvisor
      initContainers:
      - name: migrate
        image: "ghcr.io/acme/migrate:2"
        env: [{name: DB, valueFrom: {secretKeyRef: {name: db, key: url}}}]
      containers:
      - name: api
        image: "ghcr.io/acme/api:2"
        volumeMounts: [{name: data, mountPath: /data}, {name: tls, mountPath: /tls, readOnly: true}]
        env: [{name: FLAG, valueFrom: {configMapKeyRef: {name: flags, key: beta, optional: true}}}]
      - name: proxy
        image: "ghcr.io/acme/api:2"
      volumes:
      - {name: data, persistentVolumeClaim: {claimName: api-data}}
      - name: tls
        projected: {sources: [{secret: {name: api-tls}}, {configMap: {name: ca}}]}
"#,
    );
    // No `serviceAccountName`: the template is not a pod, so no `default` account even though
    // the Deployment itself is live.
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "apps/Deployment:shop/api -> ConfigMap:shop/flags (missing)",
            "apps/Deployment:shop/api -> Secret:shop/db (missing)",
            "apps/Deployment:shop/api -> Secret:shop/regcred (missing)",
            "apps/Deployment:shop/api -> node.k8s.io/RuntimeClass:gvisor (missing)",
            "apps/Deployment:shop/api -> scheduling.k8s.io/PriorityClass:high (missing)",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "apps/Deployment:shop/api -> ConfigMap:shop/ca (missing)",
            "apps/Deployment:shop/api -> PersistentVolumeClaim:shop/api-data (missing)",
            "apps/Deployment:shop/api -> Secret:shop/api-tls (missing)",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "apps/Deployment:shop/api",
            "Secret:shop/api-tls (missing)"
        ),
        json!({
            "volumes": ["tls"],
            "mounts": [{"container": "api", "mount_path": "/tls", "read_only": true}],
            "optional": false,
        })
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "apps/Deployment:shop/api",
            "ConfigMap:shop/flags (missing)"
        ),
        json!({"via": ["env"], "containers": ["api"], "keys": ["beta"], "optional": true})
    );
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "apps/Deployment:shop/api -> Image:ghcr.io/acme/api:2",
            "apps/Deployment:shop/api -> Image:ghcr.io/acme/migrate:2",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Runs,
            "apps/Deployment:shop/api",
            "Image:ghcr.io/acme/api:2"
        ),
        json!({"containers": ["api", "proxy"]})
    );
    // Templates have no containers of their own: containers are pods' only.
    assert_eq!(
        g.nodes()
            .filter(|(_, n)| n.object.kind == "Container")
            .count(),
        0
    );
}

#[test]
fn controllers_select_their_pods_in_their_namespace() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: fe, namespace: shop}
spec:
  selector:
    matchLabels: {app: web}
    matchExpressions:
    - {key: tier, operator: In, values: [fe, edge]}
    - {key: env, operator: NotIn, values: [dev]}
    - {key: canary, operator: DoesNotExist}
  template: {metadata: {labels: {app: web, tier: fe}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  selector: {matchExpressions: [{key: role, operator: Exists}]}
  template: {metadata: {labels: {role: db}}, spec: {containers: [{name: c, image: postgres}]}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c, image: agent}]}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-a, namespace: shop, labels: {app: web, tier: fe}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-dev, namespace: shop, labels: {app: web, tier: fe, env: dev}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-canary, namespace: shop, labels: {app: web, tier: fe, canary: "true"}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: shop, labels: {role: primary}}
spec: {containers: [{name: c, image: postgres}]}
---
apiVersion: v1
kind: Pod
metadata: {name: unrelated, namespace: shop, labels: {app: other}}
spec: {containers: [{name: c, image: nginx}]}
---
# Same labels, another namespace.
apiVersion: v1
kind: Pod
metadata: {name: web-a, namespace: other, labels: {app: web, tier: fe, role: x}}
spec: {containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "apps/Deployment:shop/web -> Pod:shop/web-a",
            "apps/Deployment:shop/web -> Pod:shop/web-canary",
            "apps/Deployment:shop/web -> Pod:shop/web-dev",
            "apps/ReplicaSet:shop/fe -> Pod:shop/web-a",
            "apps/StatefulSet:shop/db -> Pod:shop/db-0",
        ]
    );
}

#[test]
fn missing_and_empty_controller_selectors_and_their_defaults() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: shop, labels: {app: a, tier: fe}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: shop, labels: {app: b}}
spec: {containers: [{name: c, image: nginx}]}
---
# ReplicationController without a selector: defaults to the template labels.
apiVersion: v1
kind: ReplicationController
metadata: {name: rc-none, namespace: shop}
spec:
  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}
---
# An empty map is defaulted the same way.
apiVersion: v1
kind: ReplicationController
metadata: {name: rc-empty, namespace: shop}
spec:
  selector: {}
  template: {metadata: {labels: {app: b}}, spec: {containers: [{name: c, image: nginx}]}}
---
# An explicit map wins over the template.
apiVersion: v1
kind: ReplicationController
metadata: {name: rc-set, namespace: shop}
spec:
  selector: {tier: fe}
  template: {metadata: {labels: {tier: fe, app: b}}, spec: {containers: [{name: c, image: nginx}]}}
---
# extensions/v1beta1 defaulted a missing selector to the template labels too.
apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: legacy, namespace: shop}
spec:
  template: {metadata: {labels: {app: b}}, spec: {containers: [{name: c, image: nginx}]}}
---
# apps/v1beta2 and apps/v1 did not: no selector, no pods.
apiVersion: apps/v1beta2
kind: Deployment
metadata: {name: beta2, namespace: shop}
spec:
  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: none, namespace: shop}
spec:
  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}
---
# An empty selector is rejected by the API server for controllers; it must not claim every pod.
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: empty, namespace: shop}
spec:
  selector: {}
  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}
---
# A Job in a manifest has no selector yet (the API server generates one).
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: shop}
spec:
  template: {metadata: {labels: {app: a}}, spec: {restartPolicy: Never, containers: [{name: c, image: nginx}]}}
---
# A CronJob has no selector of its own, in any version: its Jobs own the pods.
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: cron, namespace: shop}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template: {metadata: {labels: {app: a}}, spec: {restartPolicy: Never, containers: [{name: c, image: nginx}]}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "ReplicationController:shop/rc-empty -> Pod:shop/b",
            "ReplicationController:shop/rc-none -> Pod:shop/a",
            "ReplicationController:shop/rc-set -> Pod:shop/a",
            "apps/Deployment:shop/legacy -> Pod:shop/b",
        ]
    );
}

#[test]
fn label_values_written_as_numbers_match_as_text() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: v1, namespace: shop, labels: {app: api, version: 1}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: v2, namespace: shop, labels: {app: api, version: "2"}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: api-1, namespace: shop}
spec:
  selector: {matchLabels: {version: "1"}}
  template: {metadata: {labels: {version: "1"}}, spec: {containers: [{name: c, image: nginx}]}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: api-2, namespace: shop}
spec:
  selector: {matchLabels: {app: api}, matchExpressions: [{key: version, operator: In, values: [2]}]}
  template: {metadata: {labels: {app: api, version: "2"}}, spec: {containers: [{name: c, image: nginx}]}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "apps/ReplicaSet:shop/api-1 -> Pod:shop/v1",
            "apps/ReplicaSet:shop/api-2 -> Pod:shop/v2",
        ]
    );
}

#[test]
fn statefulset_claim_templates_mount_the_existing_ordinal_claims() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  serviceName: web
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}, {name: logs, mountPath: /logs}]
  volumeClaimTemplates:
  - metadata: {name: www}
  - metadata: {name: logs}
  - metadata: {name: cache}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {clusterIP: None, selector: {app: web}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-0, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-1, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-10, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: logs-web-0, namespace: shop}
---
# Not ordinals of this StatefulSet: a leading zero, a non-number, another set's claim, another
# namespace.
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-01, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-x, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-2-0, namespace: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: www-web-0, namespace: other}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "apps/StatefulSet:shop/web -> PersistentVolumeClaim:shop/logs-web-0",
            "apps/StatefulSet:shop/web -> PersistentVolumeClaim:shop/www-web-0",
            "apps/StatefulSet:shop/web -> PersistentVolumeClaim:shop/www-web-1",
            "apps/StatefulSet:shop/web -> PersistentVolumeClaim:shop/www-web-10",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "apps/StatefulSet:shop/web",
            "PersistentVolumeClaim:shop/www-web-1"
        ),
        json!({
            "volumes": ["www"],
            "mounts": [{"container": "nginx", "mount_path": "/usr/share/nginx/html", "read_only": false}],
            "optional": false,
        })
    );
    // Claims that do not exist yet are normal (replicas not created): no placeholders.
    assert_eq!(g.nodes().filter(|(_, n)| n.missing()).count(), 0);
}

#[test]
fn fixture_wordpress_deployments_use_the_mysql_secret_and_mount_their_claims() {
    // wordpress-deployment.yaml and mysql-deployment.yaml: each Deployment reads Secret
    // mysql-pass (key `password`; mysql twice) via secretKeyRef and mounts its own PVC; the
    // Secret itself is created by kustomize and is not in the files.
    let g = fixture(&[
        "kubernetes-examples/web/mysql-wordpress-pd/wordpress-deployment.yaml",
        "kubernetes-examples/web/mysql-wordpress-pd/mysql-deployment.yaml",
    ]);
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        [
            "apps/Deployment:default/wordpress -> Secret:default/mysql-pass (missing)",
            "apps/Deployment:default/wordpress-mysql -> Secret:default/mysql-pass (missing)",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "apps/Deployment:default/wordpress",
            "Secret:default/mysql-pass (missing)"
        ),
        json!({"via": ["env"], "containers": ["wordpress"], "keys": ["password"], "optional": false})
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "apps/Deployment:default/wordpress-mysql",
            "Secret:default/mysql-pass (missing)"
        ),
        json!({"via": ["env"], "containers": ["mysql"], "keys": ["password"], "optional": false})
    );
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        [
            "apps/Deployment:default/wordpress -> PersistentVolumeClaim:default/wp-pv-claim",
            "apps/Deployment:default/wordpress-mysql -> PersistentVolumeClaim:default/mysql-pv-claim",
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "apps/Deployment:default/wordpress",
            "PersistentVolumeClaim:default/wp-pv-claim"
        ),
        json!({
            "volumes": ["wordpress-persistent-storage"],
            "mounts": [{"container": "wordpress", "mount_path": "/var/www/html", "read_only": false}],
            "optional": false,
        })
    );
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "apps/Deployment:default/wordpress -> Image:docker.io/library/wordpress:6.2.1-apache",
            "apps/Deployment:default/wordpress-mysql -> Image:docker.io/library/mysql:8.0",
        ]
    );
    // Services select the Deployments by template (rule 8); with no pods the Deployments'
    // own selectors select nothing.
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        [
            "Service:default/wordpress -> apps/Deployment:default/wordpress",
            "Service:default/wordpress-mysql -> apps/Deployment:default/wordpress-mysql",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Contains),
        [
            "Cluster:test -> Image:docker.io/library/mysql:8.0",
            "Cluster:test -> Image:docker.io/library/wordpress:6.2.1-apache",
            "Cluster:test -> Namespace:default",
            "Namespace:default -> PersistentVolumeClaim:default/mysql-pv-claim",
            "Namespace:default -> PersistentVolumeClaim:default/wp-pv-claim",
            "Namespace:default -> Secret:default/mysql-pass (missing)",
            "Namespace:default -> Service:default/wordpress",
            "Namespace:default -> Service:default/wordpress-mysql",
            "Namespace:default -> apps/Deployment:default/wordpress",
            "Namespace:default -> apps/Deployment:default/wordpress-mysql",
        ]
    );
}

#[test]
fn fixture_k9s_xray_workload_templates() {
    // dp.json: Deployment nginx reads ConfigMap busy (keys fred, props). rs.json: ReplicaSet
    // nginx-pv-6476d7d5c8 reads busy too, mounts claim `web` and runs as ServiceAccount zorg
    // (sa.json, present). ds.json mounts only hostPaths. sts.json has no claim templates.
    let g = fixture(&["k9s-live-objects/xray/testdata"]);
    let rs = "apps/ReplicaSet:default/nginx-pv-6476d7d5c8";
    let uses: Vec<String> = edges(&g, EdgeKind::Uses)
        .into_iter()
        .filter(|e| e.starts_with("apps/"))
        .collect();
    assert_eq!(
        uses,
        [
            "apps/Deployment:default/nginx -> ConfigMap:default/busy (missing)".to_string(),
            format!("{rs} -> ConfigMap:default/busy (missing)"),
            format!("{rs} -> ServiceAccount:default/zorg"),
        ]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Uses,
            "apps/Deployment:default/nginx",
            "ConfigMap:default/busy (missing)"
        ),
        json!({"via": ["env"], "containers": ["nginx"], "keys": ["fred", "props"], "optional": false})
    );
    let mounts: Vec<String> = edges(&g, EdgeKind::Mounts)
        .into_iter()
        .filter(|e| e.starts_with("apps/"))
        .collect();
    assert_eq!(
        mounts,
        [format!(
            "{rs} -> PersistentVolumeClaim:default/web (missing)"
        )]
    );
    let runs: Vec<String> = edges(&g, EdgeKind::Runs)
        .into_iter()
        .filter(|e| e.starts_with("apps/"))
        .collect();
    assert_eq!(
        runs,
        [
            "apps/DaemonSet:default/fluentd-elasticsearch -> Image:docker.io/library/fluentd:latest",
            "apps/Deployment:default/nginx -> Image:k8s.gcr.io/nginx-slim:0.8",
            "apps/ReplicaSet:default/nginx-pv-6476d7d5c8 -> Image:k8s.gcr.io/nginx-slim:0.8",
            "apps/StatefulSet:default/nginx-sts -> Image:k8s.gcr.io/nginx-slim:0.8",
        ]
    );
    // No pod carries the controllers' labels; Service nginx selects Deployment nginx's template.
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        ["Service:default/nginx -> apps/Deployment:default/nginx"]
    );
}

#[test]
fn fixture_k9s_render_statefulset_claim_and_cronjob_template() {
    // sts.json: StatefulSet nginx-sts has claim template `www`; pvc.json is www-nginx-sts-0.
    // cj.json: batch/v1beta1 CronJob hello runs blang/busybox-bash; job.json is its Job.
    let g = fixture(&[
        "k9s-live-objects/render/testdata/sts.json",
        "k9s-live-objects/render/testdata/pvc.json",
        "k9s-live-objects/render/testdata/cj.json",
        "k9s-live-objects/render/testdata/job.json",
    ]);
    assert_eq!(
        edges(&g, EdgeKind::Mounts),
        ["apps/StatefulSet:default/nginx-sts -> PersistentVolumeClaim:default/www-nginx-sts-0"]
    );
    assert_eq!(
        edge_attrs(
            &g,
            EdgeKind::Mounts,
            "apps/StatefulSet:default/nginx-sts",
            "PersistentVolumeClaim:default/www-nginx-sts-0"
        ),
        json!({
            "volumes": ["www"],
            "mounts": [{"container": "nginx", "mount_path": "/usr/share/nginx/html", "read_only": false}],
            "optional": false,
        })
    );
    assert_eq!(
        edges(&g, EdgeKind::Runs),
        [
            "apps/StatefulSet:default/nginx-sts -> Image:k8s.gcr.io/nginx-slim:0.8",
            "batch/CronJob:default/hello -> Image:docker.io/blang/busybox-bash:latest",
            "batch/Job:default/hello-1567179180 -> Image:docker.io/blang/busybox-bash:latest",
        ]
    );
    assert_eq!(edges(&g, EdgeKind::Selects), Vec::<String>::new());
}
