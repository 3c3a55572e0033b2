//! The pod spec, as a workload's template has it and as a pod has it once the API server and
//! admission have added to it (token volume, tolerations, priority).

use super::meta::{container_name, port_name};
use crate::gen::Gen;
use crate::model::*;
use serde_json::{json, Map, Value};

pub(super) const ENVOY: &str = "docker.io/envoyproxy/envoy:v1.30.2";

const API_ACCESS: &str = "kube-api-access";

/// The pod spec of a template (`pod` = None) or of a pod (with the API server's and admission's
/// additions: projected token volume, tolerations, priority, node).
pub(super) fn pod_spec(
    ns: &Namespace,
    app: &App,
    pod: Option<&Pod>,
    g: &mut Gen,
) -> Map<String, Value> {
    let name = container_name(app);
    let mut mounts = Vec::new();
    let mut volumes = Vec::new();
    if app.config {
        mounts.push(json!({"mountPath": "/etc/app", "name": "config", "readOnly": true}));
        volumes.push(json!({"configMap": {"defaultMode": 420, "name": format!("{}-config", app.name)}, "name": "config"}));
    }
    if app.secret {
        mounts.push(json!({"mountPath": "/etc/secrets", "name": "secrets", "readOnly": true}));
        volumes.push(json!({"name": "secrets", "secret": {"defaultMode": 420, "secretName": format!("{}-secrets", app.name)}}));
    }
    match app.kind {
        Workload::StatefulSet => {
            mounts.push(json!({"mountPath": "/data", "name": "data"}));
            if let Some(pod) = pod {
                let index = app
                    .pods
                    .iter()
                    .position(|p| p.name == pod.name)
                    .unwrap_or(0);
                volumes.push(json!({"name": "data", "persistentVolumeClaim": {"claimName": app.claims[index].name}}));
            }
        }
        _ if !app.system => {
            mounts.push(json!({"mountPath": "/tmp", "name": "tmp"}));
            volumes.push(json!({"emptyDir": {}, "name": "tmp"}));
        }
        _ => {}
    }
    let token_volume = pod.map(|_| format!("{API_ACCESS}-{}", g.suffix(5)));
    if let Some(v) = &token_volume {
        mounts.push(json!({"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": v, "readOnly": true}));
        volumes.push(json!({
            "name": v,
            "projected": {
                "defaultMode": 420,
                "sources": [
                    {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                    {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
                    {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}, "path": "namespace"}]}},
                ],
            },
        }));
    }
    let mut env = vec![
        field_env("POD_NAME", "metadata.name"),
        field_env("POD_NAMESPACE", "metadata.namespace"),
    ];
    if !app.system {
        env.push(json!({"name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://otel-collector.observability.svc:4317"}));
        env.push(json!({"name": "OTEL_SERVICE_NAME", "value": app.name}));
    }
    if app.secret {
        env.push(json!({"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": format!("{}-secrets", app.name)}}}));
    }
    if app.config {
        env.push(json!({"name": "FEATURE_FLAGS", "valueFrom": {"configMapKeyRef": {"key": "features", "name": format!("{}-config", app.name), "optional": true}}}));
    }
    let port = port_name(app);
    let mut main = json!({
        "env": env,
        "image": app.image,
        "imagePullPolicy": "IfNotPresent",
        "name": name,
        "ports": [{"containerPort": app.port, "name": port, "protocol": "TCP"}],
        "resources": resources(app.cpu_m, app.memory_mi),
        "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}, "readOnlyRootFilesystem": true, "runAsNonRoot": true},
        "terminationMessagePath": "/dev/termination-log",
        "terminationMessagePolicy": "File",
        "volumeMounts": mounts,
    });
    if app.kind != Workload::StatefulSet && !app.system {
        main["livenessProbe"] = probe("/healthz", port, 10);
        main["readinessProbe"] = probe("/ready", port, 5);
    }
    if app.config && !app.system {
        main["envFrom"] = json!([{"configMapRef": {"name": format!("{}-config", app.name)}}]);
    }
    let mut containers = vec![main];
    if app.sidecar {
        let mut sidecar_mounts = vec![];
        if let Some(v) = &token_volume {
            sidecar_mounts.push(json!({"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": v, "readOnly": true}));
        }
        containers.push(json!({
            "args": ["--config-path", "/etc/envoy/envoy.yaml", "--log-level", "warn"],
            "image": ENVOY,
            "imagePullPolicy": "IfNotPresent",
            "name": "envoy",
            "ports": [{"containerPort": 9901, "name": "envoy-admin", "protocol": "TCP"}],
            "resources": resources(50, 128),
            "terminationMessagePath": "/dev/termination-log",
            "terminationMessagePolicy": "File",
            "volumeMounts": sidecar_mounts,
        }));
    }
    let mut spec = Map::new();
    spec.insert("containers".into(), Value::Array(containers));
    spec.insert("dnsPolicy".into(), json!("ClusterFirst"));
    if app.system {
        spec.insert("hostNetwork".into(), json!(app.host_network));
    }
    if ns.is_app() {
        spec.insert("imagePullSecrets".into(), json!([{"name": "regcred"}]));
    }
    if app.init {
        spec.insert(
            "initContainers".into(),
            json!([{
                "command": ["/app/migrate", "up"],
                "envFrom": if app.secret { json!([{"secretRef": {"name": format!("{}-secrets", app.name)}}]) } else { json!([]) },
                "image": app.image,
                "imagePullPolicy": "IfNotPresent",
                "name": "migrate",
                "resources": resources(100, 128),
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
            }]),
        );
    }
    if let Some(pc) = app.priority_class {
        spec.insert("priorityClassName".into(), json!(pc));
    }
    spec.insert("restartPolicy".into(), json!("Always"));
    spec.insert("schedulerName".into(), json!("default-scheduler"));
    spec.insert(
        "securityContext".into(),
        if app.system {
            json!({})
        } else {
            json!({"fsGroup": 1000, "runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}})
        },
    );
    spec.insert("serviceAccount".into(), json!(app.sa_name()));
    spec.insert("serviceAccountName".into(), json!(app.sa_name()));
    spec.insert(
        "terminationGracePeriodSeconds".into(),
        json!(if app.kind == Workload::StatefulSet {
            120
        } else {
            30
        }),
    );
    if app.kind == Workload::StatefulSet {
        if let Some(svc) = &app.service {
            spec.insert("subdomain".into(), json!(svc.name));
        }
    }
    if app.system {
        spec.insert("tolerations".into(), json!([{"operator": "Exists"}]));
    }
    spec.insert("volumes".into(), Value::Array(volumes));
    if let Some(pod) = pod {
        spec.insert("enableServiceLinks".into(), json!(true));
        spec.insert("preemptionPolicy".into(), json!("PreemptLowerPriority"));
        let priority = match app.priority_class {
            Some("system-node-critical") => 2_000_001_000,
            Some("system-cluster-critical") => 2_000_000_000,
            Some(_) => 1_000_000,
            None => 0,
        };
        spec.insert("priority".into(), json!(priority));
        if app.kind == Workload::StatefulSet {
            spec.insert("hostname".into(), json!(pod.name));
        }
        if !app.system {
            spec.insert(
                "tolerations".into(),
                json!([
                    {"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
                    {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300},
                ]),
            );
        }
    }
    spec
}

fn probe(path: &str, port: &str, period: u32) -> Value {
    json!({
        "failureThreshold": 3,
        "httpGet": {"path": path, "port": port, "scheme": "HTTP"},
        "initialDelaySeconds": 10,
        "periodSeconds": period,
        "successThreshold": 1,
        "timeoutSeconds": 1,
    })
}

fn resources(cpu_m: u32, memory_mi: u32) -> Value {
    json!({
        "limits": {"memory": format!("{memory_mi}Mi")},
        "requests": {"cpu": format!("{cpu_m}m"), "memory": format!("{memory_mi}Mi")},
    })
}

fn field_env(name: &str, path: &str) -> Value {
    json!({"name": name, "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": path}}})
}
