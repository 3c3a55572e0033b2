//! The cluster-scoped objects a cluster starts with: Nodes, Namespaces and PriorityClasses.

use super::{Renderer, R_OBJECT};
use crate::gen::{ipv4, timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

const BETA_REGION: &str = "eu-west-1";

impl<W: Write> Renderer<'_, W> {
    pub(super) fn node(&self, i: usize) -> Value {
        let plan = self.plan;
        let n = plan.node(i);
        let mut g = Gen::new(plan.seed, R_OBJECT, n.seed);
        let instance = format!("i-0{}", g.hex(16));
        let itype = *g.pick(&["m6i.2xlarge", "m6i.4xlarge", "c6i.4xlarge", "r6i.2xlarge"]);
        let ip = ipv4(n.ip);
        let created = timestamp(n.created);
        let heartbeat = timestamp(NOW - g.range(5, 50) as i64);
        let condition = |kind: &str, status: &str, reason: &str, message: &str| {
            json!({
                "lastHeartbeatTime": heartbeat,
                "lastTransitionTime": created,
                "message": message,
                "reason": reason,
                "status": status,
                "type": kind,
            })
        };
        let images: Vec<Value> = [
            format!("{EKS_REGISTRY}/amazon-k8s-cni"),
            format!("{EKS_REGISTRY}/eks/kube-proxy"),
            "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver".to_string(),
            format!("{EKS_REGISTRY}/eks/pause"),
            "docker.io/envoyproxy/envoy".to_string(),
        ]
        .iter()
        .map(|repo| {
            json!({
                "names": [format!("{repo}@sha256:{}", g.hex(64)), format!("{repo}:v{}.{}.{}", g.range(1, 3), g.range(0, 30), g.range(0, 9))],
                "sizeBytes": g.range(300_000, 90_000_000),
            })
        })
        .collect();
        json!({
            "apiVersion": "v1",
            "kind": "Node",
            "metadata": {
                "annotations": {
                    "alpha.kubernetes.io/provided-node-ip": ip,
                    "csi.volume.kubernetes.io/nodeid": format!("{{\"ebs.csi.aws.com\":\"{instance}\"}}"),
                    "node.alpha.kubernetes.io/ttl": "0",
                    "volumes.kubernetes.io/controller-managed-attach-detach": "true",
                },
                "creationTimestamp": created,
                "labels": {
                    "beta.kubernetes.io/arch": "amd64",
                    "beta.kubernetes.io/instance-type": itype,
                    "beta.kubernetes.io/os": "linux",
                    "eks.amazonaws.com/capacityType": "ON_DEMAND",
                    "eks.amazonaws.com/nodegroup": "general",
                    "failure-domain.beta.kubernetes.io/region": BETA_REGION,
                    "failure-domain.beta.kubernetes.io/zone": n.zone,
                    "kubernetes.io/arch": "amd64",
                    "kubernetes.io/hostname": n.name,
                    "kubernetes.io/os": "linux",
                    "node.kubernetes.io/instance-type": itype,
                    "topology.ebs.csi.aws.com/zone": n.zone,
                    "topology.kubernetes.io/region": BETA_REGION,
                    "topology.kubernetes.io/zone": n.zone,
                },
                "name": n.name,
                "resourceVersion": g.resource_version(),
                "uid": n.uid,
            },
            "spec": {
                "providerID": format!("aws:///{}/{instance}", n.zone),
            },
            "status": {
                "addresses": [
                    {"address": ip, "type": "InternalIP"},
                    {"address": n.name, "type": "InternalDNS"},
                    {"address": n.name, "type": "Hostname"},
                ],
                "allocatable": {"cpu": "7910m", "ephemeral-storage": "95551679124", "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": "31482144Ki", "pods": "110"},
                "capacity": {"cpu": "8", "ephemeral-storage": "104845292Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": "32221472Ki", "pods": "110"},
                "conditions": [
                    condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                    condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                    condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                    condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
                ],
                "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                "images": images,
                "nodeInfo": {
                    "architecture": "amd64",
                    "bootID": g.uid(),
                    "containerRuntimeVersion": "containerd://1.7.11",
                    "kernelVersion": "5.10.217-205.860.amzn2.x86_64",
                    "kubeProxyVersion": "v1.30.0-eks-036c24b",
                    "kubeletVersion": "v1.30.0-eks-036c24b",
                    "machineID": g.hex(32),
                    "operatingSystem": "linux",
                    "osImage": "Amazon Linux 2",
                    "systemUUID": format!("ec2{}", &g.uid()[3..]),
                },
            },
        })
    }

    pub(super) fn priority_classes(&mut self) -> io::Result<()> {
        let mut g = self.plan.cluster_gen();
        g.seed();
        let classes = [
            (
                "high-priority",
                1_000_000,
                "Latency-sensitive workloads; may preempt batch pods.",
            ),
            (
                "system-cluster-critical",
                2_000_000_000,
                "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.",
            ),
            (
                "system-node-critical",
                2_000_001_000,
                "Used for system critical pods that must not be moved from their current node.",
            ),
        ];
        for (name, value, description) in classes {
            let v = json!({
                "apiVersion": "scheduling.k8s.io/v1",
                "description": description,
                "kind": "PriorityClass",
                "metadata": {
                    "annotations": {},
                    "creationTimestamp": timestamp(NOW - 420 * 86_400),
                    "labels": if name.starts_with("system-") { json!({}) } else { json!({"app.kubernetes.io/managed-by": "terraform"}) },
                    "name": name,
                    "resourceVersion": g.resource_version(),
                    "uid": g.uid(),
                },
                "preemptionPolicy": "PreemptLowerPriority",
                "value": value,
            });
            self.emit("PriorityClass", v)?;
        }
        Ok(())
    }
}

pub(super) fn namespace(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed);
    let mut labels = Map::new();
    labels.insert("kubernetes.io/metadata.name".into(), json!(ns.name));
    let mut annotations = Map::new();
    if ns.is_app() {
        let env = ns.name.split('-').nth(1).unwrap_or("prod");
        labels.insert("environment".into(), json!(env));
        labels.insert(
            "pod-security.kubernetes.io/enforce".into(),
            json!("baseline"),
        );
        labels.insert("team".into(), json!(ns.team));
        annotations.insert(
            "owner".into(),
            json!(format!("{}-team@example.com", ns.team)),
        );
    }
    json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "annotations": annotations,
            "creationTimestamp": timestamp(ns.created),
            "labels": labels,
            "name": ns.name,
            "resourceVersion": g.resource_version(),
            "uid": ns.uid,
        },
        "spec": {"finalizers": ["kubernetes"]},
        "status": {"phase": "Active"},
    })
}
