//! Pods: spec, scheduling, conditions and container statuses (ready, crash-looping, restarted, or
//! pending when no node has room).

use super::meta::{container_name, owner, pod_labels, revision_hash, template_annotations};
use super::pod_spec::{pod_spec, ENVOY};
use super::{Renderer, R_DIGEST, R_OBJECT};
use crate::gen::{ipv4, timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::Write;

impl<W: Write> Renderer<'_, W> {
    pub(super) fn pod(&self, ns: &Namespace, app: &App, index: usize, pod: &Pod) -> Value {
        let plan = self.plan;
        let mut g = Gen::new(plan.seed, R_OBJECT, pod.seed);
        let node = pod.node.map(|n| (plan.node_addr(n), n));
        let (owner_ref, generate_name, extra_labels) = match app.kind {
            Workload::Deployment => {
                let rev = &app.revisions[pod.revision];
                (
                    owner("apps/v1", "ReplicaSet", &rev.name, &rev.uid),
                    format!("{}-", rev.name),
                    vec![("pod-template-hash", rev.hash.clone())],
                )
            }
            Workload::StatefulSet => (
                owner("apps/v1", "StatefulSet", &app.name, &app.uid),
                format!("{}-", app.name),
                vec![
                    ("apps.kubernetes.io/pod-index", index.to_string()),
                    (
                        "controller-revision-hash",
                        format!("{}-{}", app.name, revision_hash(app)),
                    ),
                    ("statefulset.kubernetes.io/pod-name", pod.name.clone()),
                ],
            ),
            Workload::DaemonSet => (
                owner("apps/v1", "DaemonSet", &app.name, &app.uid),
                format!("{}-", app.name),
                vec![
                    ("controller-revision-hash", revision_hash(app)),
                    ("pod-template-generation", "1".to_string()),
                ],
            ),
        };
        let mut labels = pod_labels(ns, app);
        for (k, v) in extra_labels {
            labels.insert(k.into(), json!(v));
        }
        let mut annotations = template_annotations(app, pod.revision);
        if !app.system {
            annotations.insert(
                "kubectl.kubernetes.io/default-container".into(),
                json!(container_name(app)),
            );
        }
        let mut spec = pod_spec(ns, app, Some(pod), &mut g);
        let mut status = Map::new();
        let started = pod.created + g.range(2, 40) as i64;
        match node {
            Some(((node_name, node_ip), _)) => {
                spec.insert("nodeName".into(), json!(node_name));
                let ip = ipv4(pod_ip(app, pod, node_ip));
                let ready = pod.state == PodState::Ready;
                let ready_s = if ready { "True" } else { "False" };
                let t = |s: i64| timestamp(started + s);
                let mut conditions = vec![
                    cond("PodReadyToStartContainers", "True", &t(3)),
                    cond("Initialized", "True", &t(if app.init { 8 } else { 0 })),
                    cond("Ready", ready_s, &t(20)),
                    cond("ContainersReady", ready_s, &t(20)),
                    cond("PodScheduled", "True", &t(0)),
                ];
                if !ready {
                    for c in &mut conditions[2..4] {
                        c["message"] = json!(format!(
                            "containers with unready status: [{}]",
                            container_name(app)
                        ));
                        c["reason"] = json!("ContainersNotReady");
                    }
                }
                status.insert("conditions".into(), Value::Array(conditions));
                let mut statuses = vec![container_status(
                    plan,
                    &ns.name,
                    &mut g,
                    &container_name(app),
                    &app.image,
                    pod,
                    started,
                )];
                if app.sidecar {
                    let mut s =
                        container_status(plan, &ns.name, &mut g, "envoy", ENVOY, pod, started);
                    s["ready"] = json!(true);
                    s["restartCount"] = json!(0);
                    s["lastState"] = json!({});
                    s["state"] = json!({"running": {"startedAt": timestamp(started + 4)}});
                    statuses.push(s);
                }
                status.insert("containerStatuses".into(), Value::Array(statuses));
                status.insert("hostIP".into(), json!(ipv4(node_ip)));
                status.insert("hostIPs".into(), json!([{"ip": ipv4(node_ip)}]));
                if app.init {
                    status.insert(
                        "initContainerStatuses".into(),
                        json!([{
                            "containerID": format!("containerd://{}", g.hex(64)),
                            "image": app.image,
                            "imageID": digest(plan, &app.image),
                            "lastState": {},
                            "name": "migrate",
                            "ready": true,
                            "restartCount": 0,
                            "started": false,
                            "state": {"terminated": {
                                "containerID": format!("containerd://{}", g.hex(64)),
                                "exitCode": 0,
                                "finishedAt": timestamp(started + 7),
                                "reason": "Completed",
                                "startedAt": timestamp(started + 2),
                            }},
                        }]),
                    );
                }
                status.insert("phase".into(), json!("Running"));
                status.insert("podIP".into(), json!(ip));
                status.insert("podIPs".into(), json!([{"ip": ip}]));
                status.insert("qosClass".into(), json!("Burstable"));
                status.insert("startTime".into(), json!(timestamp(started)));
            }
            None => {
                status.insert(
                    "conditions".into(),
                    json!([{
                        "lastProbeTime": null,
                        "lastTransitionTime": timestamp(pod.created),
                        "message": format!("0/{} nodes are available: {} Insufficient memory. preemption: 0/{} nodes are available: {} No preemption victims found for incoming pod.", plan.nodes, plan.nodes, plan.nodes, plan.nodes),
                        "reason": "Unschedulable",
                        "status": "False",
                        "type": "PodScheduled",
                    }]),
                );
                status.insert("phase".into(), json!("Pending"));
                status.insert("qosClass".into(), json!("Burstable"));
            }
        }
        json!({
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {
                "annotations": annotations,
                "creationTimestamp": timestamp(pod.created),
                "generateName": generate_name,
                "labels": labels,
                "name": pod.name,
                "namespace": ns.name,
                "ownerReferences": [owner_ref],
                "resourceVersion": g.resource_version(),
                "uid": pod.uid,
            },
            "spec": spec,
            "status": status,
        })
    }
}

/// An image's digest, the same wherever the image runs.
fn digest(plan: &Plan, image: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in image.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let repo = image.rsplit_once(':').map_or(image, |(r, _)| r);
    format!("{repo}@sha256:{}", Gen::new(plan.seed, R_DIGEST, h).hex(64))
}

/// Host-network pods have their node's IP.
pub(super) fn pod_ip(app: &App, pod: &Pod, node_ip: [u8; 4]) -> [u8; 4] {
    if app.host_network {
        node_ip
    } else {
        pod.ip
    }
}

fn cond(kind: &str, status: &str, at: &str) -> Value {
    json!({"lastProbeTime": null, "lastTransitionTime": at, "status": status, "type": kind})
}

fn container_status(
    plan: &Plan,
    ns: &str,
    g: &mut Gen,
    name: &str,
    image: &str,
    pod: &Pod,
    started: i64,
) -> Value {
    let ready = pod.state == PodState::Ready;
    let id = format!("containerd://{}", g.hex(64));
    let last_state = if pod.restarts > 0 {
        json!({"terminated": {
            "containerID": format!("containerd://{}", g.hex(64)),
            "exitCode": if ready { 137 } else { 1 },
            "finishedAt": timestamp(NOW - g.range(60, 86_400) as i64),
            "reason": if ready { "OOMKilled" } else { "Error" },
            "startedAt": timestamp(started + 5),
        }})
    } else {
        json!({})
    };
    let state = if ready {
        json!({"running": {"startedAt": timestamp(started + 5)}})
    } else {
        json!({"waiting": {
            "message": format!("back-off 5m0s restarting failed container={name} pod={}_{ns}({})", pod.name, pod.uid),
            "reason": "CrashLoopBackOff",
        }})
    };
    json!({
        "containerID": id,
        "image": image,
        "imageID": digest(plan, image),
        "lastState": last_state,
        "name": name,
        "ready": ready,
        "restartCount": pod.restarts,
        "started": ready,
        "state": state,
    })
}
