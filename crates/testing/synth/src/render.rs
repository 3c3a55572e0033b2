//! Models to objects, one kind at a time, in the order `kubectl get <kinds> -A -o json` lists
//! them. Field names, defaults and shapes follow what the API server returns (managed fields
//! excepted, as `kubectl get` hides them).

use crate::gen::{ipv4, timestamp, Gen, NOW};
use crate::model::*;
use crate::writer::ListWriter;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// Random-stream domains for rendering (model domains are below 10).
const R_OBJECT: u64 = 10;
const R_DIGEST: u64 = 11;
const R_CLUSTER_CA: u64 = 12;

const BETA_REGION: &str = "eu-west-1";
const API_ACCESS: &str = "kube-api-access";

/// The kinds written, in order. Cluster-scoped kinds first, like `kubectl get` with a list.
const KINDS: [&str; 22] = [
    "Namespace",
    "Node",
    "StorageClass",
    "PriorityClass",
    "ClusterRole",
    "PersistentVolume",
    "ServiceAccount",
    "ConfigMap",
    "Secret",
    "Service",
    "EndpointSlice",
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "Pod",
    "PersistentVolumeClaim",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
    "NetworkPolicy",
    "Role",
    "RoleBinding",
];

pub(crate) struct Renderer<'a, W: Write> {
    plan: &'a Plan,
    out: &'a mut ListWriter<W>,
    ca_pem: String,
}

impl<'a, W: Write> Renderer<'a, W> {
    pub(crate) fn new(plan: &'a Plan, out: &'a mut ListWriter<W>) -> Self {
        let mut g = Gen::new(plan.seed, R_CLUSTER_CA, 0);
        Renderer {
            plan,
            out,
            ca_pem: pem(&mut g, 1050),
        }
    }

    /// Writes the whole landscape. Each namespace's model is rebuilt for every kind, so memory
    /// stays at one namespace's model whatever the size.
    pub(crate) fn write_all(&mut self) -> io::Result<()> {
        let plan = self.plan;
        for kind in KINDS {
            match kind {
                "Node" => {
                    for i in 0..plan.nodes {
                        let v = self.node(i);
                        self.emit("Node", v)?;
                    }
                }
                "StorageClass" => self.storage_classes()?,
                "PriorityClass" => self.priority_classes()?,
                "ClusterRole" => self.cluster_roles()?,
                _ => {
                    for i in 0..plan.namespace_count() {
                        let ns = plan.namespace(i);
                        self.namespaced(kind, &ns)?;
                    }
                }
            }
        }
        // Events last: they are about everything else.
        for i in 0..plan.namespace_count() {
            let ns = plan.namespace(i);
            self.events(&ns)?;
        }
        Ok(())
    }

    fn emit(&mut self, kind: &'static str, mut v: Value) -> io::Result<()> {
        if !self.plan.full {
            crate::lean::lean(kind, &mut v);
        }
        self.out.item(kind, &v)
    }

    fn namespaced(&mut self, kind: &'static str, ns: &Namespace) -> io::Result<()> {
        match kind {
            "Namespace" => {
                let v = namespace(self.plan, ns);
                self.emit(kind, v)?;
            }
            "PersistentVolume" => {
                for app in &ns.apps {
                    for (i, c) in app.claims.iter().enumerate() {
                        let v = self.persistent_volume(ns, app, i, c);
                        self.emit(kind, v)?;
                    }
                }
            }
            "ServiceAccount" => {
                let v = service_account(self.plan, ns, None);
                self.emit(kind, v)?;
                for app in ns.apps.iter().filter(|a| a.own_sa) {
                    let v = service_account(self.plan, ns, Some(app));
                    self.emit(kind, v)?;
                }
            }
            "ConfigMap" => {
                let v = self.root_ca(ns);
                self.emit(kind, v)?;
                for app in ns.apps.iter().filter(|a| a.config) {
                    let v = config_map(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "Secret" => {
                if let Some(uid) = &ns.regcred_uid {
                    let v = regcred(self.plan, ns, uid);
                    self.emit(kind, v)?;
                }
                for app in ns.apps.iter().filter(|a| a.secret) {
                    let v = secret(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "Service" => {
                if ns.name == "default" {
                    let v = kubernetes_service(self.plan, ns);
                    self.emit(kind, v)?;
                }
                for app in &ns.apps {
                    if let Some(svc) = &app.service {
                        let v = service(self.plan, ns, app, svc);
                        self.emit(kind, v)?;
                    }
                }
            }
            "EndpointSlice" => {
                if ns.name == "default" {
                    let v = kubernetes_slice(self.plan, ns);
                    self.emit(kind, v)?;
                }
                for app in &ns.apps {
                    if let Some(svc) = &app.service {
                        let v = self.endpoint_slice(ns, app, svc);
                        self.emit(kind, v)?;
                    }
                }
            }
            "Deployment" | "StatefulSet" | "DaemonSet" => {
                let want = match kind {
                    "Deployment" => Workload::Deployment,
                    "StatefulSet" => Workload::StatefulSet,
                    _ => Workload::DaemonSet,
                };
                for app in ns.apps.iter().filter(|a| a.kind == want) {
                    let v = workload(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "ReplicaSet" => {
                for app in &ns.apps {
                    for r in 0..app.revisions.len() {
                        let v = replica_set(self.plan, ns, app, r);
                        self.emit(kind, v)?;
                    }
                }
            }
            "Pod" => {
                for app in &ns.apps {
                    for (i, pod) in app.pods.iter().enumerate() {
                        let v = self.pod(ns, app, i, pod);
                        self.emit(kind, v)?;
                    }
                }
            }
            "PersistentVolumeClaim" => {
                for app in &ns.apps {
                    for (i, c) in app.claims.iter().enumerate() {
                        let v = self.claim(ns, app, i, c);
                        self.emit(kind, v)?;
                    }
                }
            }
            "HorizontalPodAutoscaler" => {
                for app in ns.apps.iter().filter(|a| a.hpa) {
                    let v = hpa(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "PodDisruptionBudget" => {
                for app in ns.apps.iter().filter(|a| a.pdb) {
                    let v = pdb(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "NetworkPolicy" => {
                if ns.default_deny {
                    let v = default_deny(self.plan, ns);
                    self.emit(kind, v)?;
                }
                for app in ns.apps.iter().filter(|a| a.netpol) {
                    let v = network_policy(self.plan, ns, app);
                    self.emit(kind, v)?;
                }
            }
            "Role" => {
                if ns.is_app() {
                    let v = role(self.plan, ns);
                    self.emit(kind, v)?;
                }
            }
            "RoleBinding" => {
                if ns.is_app() {
                    for v in role_bindings(self.plan, ns) {
                        self.emit(kind, v)?;
                    }
                }
            }
            other => unreachable!("no renderer for {other}"),
        }
        Ok(())
    }

    fn node(&self, i: usize) -> Value {
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

    fn storage_classes(&mut self) -> io::Result<()> {
        let mut g = self.plan.cluster_gen();
        for (name, ty, default) in [("gp3", "gp3", true), ("gp2", "gp2", false)] {
            let mut annotations = Map::new();
            if default {
                annotations.insert(
                    "storageclass.kubernetes.io/is-default-class".into(),
                    json!("true"),
                );
            }
            let v = json!({
                "allowVolumeExpansion": true,
                "apiVersion": "storage.k8s.io/v1",
                "kind": "StorageClass",
                "metadata": {
                    "annotations": annotations,
                    "creationTimestamp": timestamp(NOW - 420 * 86_400),
                    "labels": {"app.kubernetes.io/managed-by": "terraform"},
                    "name": name,
                    "resourceVersion": g.resource_version(),
                    "uid": g.uid(),
                },
                "parameters": {"encrypted": "true", "type": ty},
                "provisioner": "ebs.csi.aws.com",
                "reclaimPolicy": "Delete",
                "volumeBindingMode": "WaitForFirstConsumer",
            });
            self.emit("StorageClass", v)?;
        }
        Ok(())
    }

    fn priority_classes(&mut self) -> io::Result<()> {
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

    fn cluster_roles(&mut self) -> io::Result<()> {
        let mut g = self.plan.cluster_gen();
        g.seed();
        g.seed();
        let verbs_read = json!(["get", "list", "watch"]);
        let verbs_write = json!([
            "create",
            "delete",
            "deletecollection",
            "patch",
            "update",
            "get",
            "list",
            "watch"
        ]);
        let roles = [
            (
                "cluster-admin",
                json!([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}, {"nonResourceURLs": ["*"], "verbs": ["*"]}]),
            ),
            (
                "admin",
                json!([{"apiGroups": ["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io"], "resources": ["*"], "verbs": verbs_write}, {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": verbs_write}]),
            ),
            (
                "edit",
                json!([{"apiGroups": [""], "resources": ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "secrets", "serviceaccounts", "services"], "verbs": verbs_write}, {"apiGroups": ["apps"], "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"], "verbs": verbs_write}, {"apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers"], "verbs": verbs_write}]),
            ),
            (
                "view",
                json!([{"apiGroups": [""], "resources": ["configmaps", "endpoints", "persistentvolumeclaims", "pods", "services"], "verbs": verbs_read}, {"apiGroups": ["apps"], "resources": ["daemonsets", "deployments", "replicasets", "statefulsets"], "verbs": verbs_read}]),
            ),
        ];
        for (name, rules) in roles {
            let v = json!({
                "aggregationRule": if name == "cluster-admin" { Value::Null } else { json!({"clusterRoleSelectors": [{"matchLabels": {format!("rbac.authorization.k8s.io/aggregate-to-{name}"): "true"}}]}) },
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "ClusterRole",
                "metadata": {
                    "annotations": {"rbac.authorization.kubernetes.io/autoupdate": "true"},
                    "creationTimestamp": timestamp(NOW - 420 * 86_400),
                    "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"},
                    "name": name,
                    "resourceVersion": g.resource_version(),
                    "uid": g.uid(),
                },
                "rules": rules,
            });
            let mut v = v;
            if v["aggregationRule"].is_null() {
                v.as_object_mut().map(|m| m.remove("aggregationRule"));
            }
            self.emit("ClusterRole", v)?;
        }
        Ok(())
    }

    fn root_ca(&self, ns: &Namespace) -> Value {
        let mut g = Gen::new(self.plan.seed, R_OBJECT, ns.seed ^ 1);
        json!({
            "apiVersion": "v1",
            "data": {"ca.crt": self.ca_pem},
            "kind": "ConfigMap",
            "metadata": {
                "annotations": {"kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."},
                "creationTimestamp": timestamp(ns.created),
                "labels": {},
                "name": "kube-root-ca.crt",
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": ns.root_ca_uid,
            },
        })
    }

    fn endpoint_slice(&self, ns: &Namespace, app: &App, svc: &Service) -> Value {
        let plan = self.plan;
        let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 2);
        let endpoints: Vec<Value> = app
            .pods
            .iter()
            .filter_map(|pod| {
                let node = pod.node?;
                let (node_name, node_ip) = plan.node_addr(node);
                let ready = pod.state == PodState::Ready;
                let mut e = json!({
                    "addresses": [ipv4(pod_ip(app, pod, node_ip))],
                    "conditions": {"ready": ready, "serving": ready, "terminating": false},
                    "nodeName": node_name,
                    "targetRef": {"kind": "Pod", "name": pod.name, "namespace": ns.name, "uid": pod.uid},
                    "zone": ZONES[node % ZONES.len()],
                });
                if app.kind == Workload::StatefulSet {
                    e["hostname"] = json!(pod.name);
                }
                Some(e)
            })
            .collect();
        let mut labels = common_labels(ns, app);
        labels.insert(
            "endpointslice.kubernetes.io/managed-by".into(),
            json!("endpointslice-controller.k8s.io"),
        );
        labels.insert("kubernetes.io/service-name".into(), json!(svc.name));
        if svc.headless {
            labels.insert("service.kubernetes.io/headless".into(), json!(""));
        }
        json!({
            "addressType": "IPv4",
            "apiVersion": "discovery.k8s.io/v1",
            "endpoints": endpoints,
            "kind": "EndpointSlice",
            "metadata": {
                "annotations": {"endpoints.kubernetes.io/last-change-trigger-time": timestamp(NOW - g.range(60, 86_400) as i64)},
                "creationTimestamp": timestamp(svc.created),
                "generateName": format!("{}-", svc.name),
                "generation": g.range(1, 40),
                "labels": labels,
                "name": svc.slice_name,
                "namespace": ns.name,
                "ownerReferences": [owner("v1", "Service", &svc.name, &svc.uid)],
                "resourceVersion": g.resource_version(),
                "uid": svc.slice_uid,
            },
            "ports": [{"name": port_name(app), "port": app.port, "protocol": "TCP"}],
        })
    }

    fn pod(&self, ns: &Namespace, app: &App, index: usize, pod: &Pod) -> Value {
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

    fn claim(&self, ns: &Namespace, app: &App, index: usize, c: &Claim) -> Value {
        let plan = self.plan;
        let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ (0x100 + index as u64));
        let node = app.pods[index]
            .node
            .map(|n| plan.node_addr(n).0)
            .unwrap_or_default();
        let size = format!("{}Gi", c.size_gi);
        let mut spec = json!({
            "accessModes": ["ReadWriteOnce"],
            "resources": {"requests": {"storage": size}},
            "volumeMode": "Filesystem",
            "volumeName": c.volume,
        });
        if c.explicit_class {
            spec["storageClassName"] = json!("gp3");
        }
        json!({
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {
                "annotations": {
                    "pv.kubernetes.io/bind-completed": "yes",
                    "pv.kubernetes.io/bound-by-controller": "yes",
                    "volume.beta.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
                    "volume.kubernetes.io/selected-node": node,
                    "volume.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
                },
                "creationTimestamp": timestamp(c.created),
                "finalizers": ["kubernetes.io/pvc-protection"],
                "labels": selector_labels(app),
                "name": c.name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": c.uid,
            },
            "spec": spec,
            "status": {
                "accessModes": ["ReadWriteOnce"],
                "capacity": {"storage": size},
                "phase": "Bound",
            },
        })
    }

    fn persistent_volume(&self, ns: &Namespace, app: &App, index: usize, c: &Claim) -> Value {
        let plan = self.plan;
        let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ (0x200 + index as u64));
        let zone = app.pods[index]
            .node
            .map_or(ZONES[0], |n| ZONES[n % ZONES.len()]);
        let size = format!("{}Gi", c.size_gi);
        json!({
            "apiVersion": "v1",
            "kind": "PersistentVolume",
            "metadata": {
                "annotations": {
                    "pv.kubernetes.io/provisioned-by": "ebs.csi.aws.com",
                    "volume.kubernetes.io/provisioner-deletion-secret-name": "",
                    "volume.kubernetes.io/provisioner-deletion-secret-namespace": "",
                },
                "creationTimestamp": timestamp(c.created + 5),
                "finalizers": ["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"],
                "labels": {"topology.kubernetes.io/zone": zone},
                "name": c.volume,
                "resourceVersion": g.resource_version(),
                "uid": c.volume_uid,
            },
            "spec": {
                "accessModes": ["ReadWriteOnce"],
                "capacity": {"storage": size},
                "claimRef": {
                    "apiVersion": "v1",
                    "kind": "PersistentVolumeClaim",
                    "name": c.name,
                    "namespace": ns.name,
                    "resourceVersion": g.resource_version(),
                    "uid": c.uid,
                },
                "csi": {
                    "driver": "ebs.csi.aws.com",
                    "fsType": "ext4",
                    "volumeAttributes": {"storage.kubernetes.io/csiProvisionerIdentity": "1717000000000-8081-ebs.csi.aws.com"},
                    "volumeHandle": c.volume_handle,
                },
                "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [{"key": "topology.kubernetes.io/zone", "operator": "In", "values": [zone]}]}]}},
                "persistentVolumeReclaimPolicy": "Delete",
                "storageClassName": "gp3",
                "volumeMode": "Filesystem",
            },
            "status": {"lastPhaseTransitionTime": timestamp(c.created + 6), "phase": "Bound"},
        })
    }

    fn events(&mut self, ns: &Namespace) -> io::Result<()> {
        for e in &ns.events {
            let v = event(self.plan, ns, e);
            self.emit("Event", v)?;
        }
        Ok(())
    }
}

const ENVOY: &str = "docker.io/envoyproxy/envoy:v1.30.2";

/// A PEM block of `len` base64 characters in 64-column lines.
fn pem(g: &mut Gen, len: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::from("-----BEGIN CERTIFICATE-----\n");
    for i in 0..len {
        s.push(B64[g.below(64)] as char);
        if i % 64 == 63 {
            s.push('\n');
        }
    }
    s.push_str("=\n-----END CERTIFICATE-----\n");
    s
}

fn base64ish(g: &mut Gen, len: usize) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s: String = (0..len).map(|_| B64[g.below(64)] as char).collect();
    while s.len() & 3 != 0 {
        s.push('=');
    }
    s
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
fn pod_ip(app: &App, pod: &Pod, node_ip: [u8; 4]) -> [u8; 4] {
    if app.host_network {
        node_ip
    } else {
        pod.ip
    }
}

fn owner(api_version: &str, kind: &str, name: &str, uid: &str) -> Value {
    json!({
        "apiVersion": api_version,
        "blockOwnerDeletion": true,
        "controller": true,
        "kind": kind,
        "name": name,
        "uid": uid,
    })
}

fn cond(kind: &str, status: &str, at: &str) -> Value {
    json!({"lastProbeTime": null, "lastTransitionTime": at, "status": status, "type": kind})
}

fn version(app: &App) -> &str {
    app.image
        .rsplit_once(':')
        .map_or("latest", |(_, t)| t.split('-').next().unwrap_or(t))
}

fn container_name(app: &App) -> String {
    if app.system || app.component.is_empty() {
        app.name.clone()
    } else {
        app.component.to_string()
    }
}

fn port_name(app: &App) -> &'static str {
    match app.kind {
        Workload::StatefulSet => "tcp",
        _ if app.name == "coredns" => "dns",
        _ => "http",
    }
}

/// A DaemonSet's or StatefulSet's controller revision hash.
fn revision_hash(app: &App) -> String {
    let mut g = Gen::new(0, R_DIGEST, app.seed);
    g.suffix(10)
}

fn selector_labels(app: &App) -> Map<String, Value> {
    let mut m = Map::new();
    if app.system {
        m.insert("k8s-app".into(), json!(app.name));
    } else {
        m.insert("app.kubernetes.io/instance".into(), json!(app.name));
        m.insert("app.kubernetes.io/name".into(), json!(app.component));
    }
    m
}

fn pod_labels(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = selector_labels(app);
    if !app.system {
        m.insert("app.kubernetes.io/part-of".into(), json!(ns.team));
        m.insert("app.kubernetes.io/version".into(), json!(version(app)));
    }
    m
}

fn common_labels(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = pod_labels(ns, app);
    if app.system {
        m.insert("eks.amazonaws.com/component".into(), json!(app.name));
    } else {
        m.insert("app.kubernetes.io/managed-by".into(), json!("Helm"));
        m.insert(
            "helm.sh/chart".into(),
            json!(format!("{}-{}", app.component, version(app))),
        );
    }
    m
}

fn helm_annotations(ns: &Namespace, app: &App) -> Map<String, Value> {
    let mut m = Map::new();
    if !app.system {
        m.insert("meta.helm.sh/release-name".into(), json!(app.name));
        m.insert("meta.helm.sh/release-namespace".into(), json!(ns.name));
    }
    m
}

/// Pod-template annotations of a revision: restarts (`kubectl rollout restart`) make revisions.
fn template_annotations(app: &App, revision: usize) -> Map<String, Value> {
    let mut m = Map::new();
    if revision > 0 {
        m.insert(
            "kubectl.kubernetes.io/restartedAt".into(),
            json!(timestamp(app.revisions[revision].created)),
        );
    }
    if !app.system {
        m.insert("prometheus.io/port".into(), json!("9090"));
        m.insert("prometheus.io/scrape".into(), json!("true"));
    }
    m
}

fn meta(
    name: &str,
    ns: &Namespace,
    uid: &str,
    created: i64,
    g: &mut Gen,
    labels: Map<String, Value>,
    annotations: Map<String, Value>,
) -> Value {
    json!({
        "annotations": annotations,
        "creationTimestamp": timestamp(created),
        "labels": labels,
        "name": name,
        "namespace": ns.name,
        "resourceVersion": g.resource_version(),
        "uid": uid,
    })
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

/// The pod spec of a template (`pod` = None) or of a pod (with the API server's and admission's
/// additions: projected token volume, tolerations, priority, node).
fn pod_spec(ns: &Namespace, app: &App, pod: Option<&Pod>, g: &mut Gen) -> Map<String, Value> {
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

fn namespace(plan: &Plan, ns: &Namespace) -> Value {
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

fn service_account(plan: &Plan, ns: &Namespace, app: Option<&App>) -> Value {
    match app {
        None => {
            let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 3);
            json!({
                "apiVersion": "v1",
                "kind": "ServiceAccount",
                "metadata": meta("default", ns, &ns.default_sa_uid, ns.created, &mut g, Map::new(), Map::new()),
            })
        }
        Some(app) => {
            let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 3);
            let mut annotations = helm_annotations(ns, app);
            if !app.system {
                annotations.insert(
                    "eks.amazonaws.com/role-arn".into(),
                    json!(format!(
                        "arn:aws:iam::123456789012:role/{}-{}",
                        ns.name, app.name
                    )),
                );
            }
            json!({
                "apiVersion": "v1",
                "automountServiceAccountToken": true,
                "kind": "ServiceAccount",
                "metadata": meta(&app.name, ns, &app.uids[UID_SA], app.created, &mut g, common_labels(ns, app), annotations),
            })
        }
    }
}

fn config_map(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 4);
    let config = format!(
        "server:\n  port: {}\n  shutdownTimeout: 20s\nlogging:\n  level: info\n  format: json\nupstreams:\n  catalog: http://catalog-api.catalog-prod.svc:8080\n  identity: http://identity-api.identity-prod.svc:8080\ncache:\n  ttl: {}s\n",
        app.port,
        g.range(30, 600)
    );
    json!({
        "apiVersion": "v1",
        "data": {
            "app.yaml": config,
            "features": "new-checkout=false,fast-search=true,recommendations-v2=true",
        },
        "kind": "ConfigMap",
        "metadata": meta(&format!("{}-config", app.name), ns, &app.uids[UID_CONFIG], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
    })
}

fn secret(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 5);
    json!({
        "apiVersion": "v1",
        "data": {
            "password": base64ish(&mut g, 32),
            "username": base64ish(&mut g, 12),
        },
        "kind": "Secret",
        "metadata": meta(&format!("{}-secrets", app.name), ns, &app.uids[UID_SECRET], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "type": "Opaque",
    })
}

fn regcred(plan: &Plan, ns: &Namespace, uid: &str) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 6);
    json!({
        "apiVersion": "v1",
        "data": {".dockerconfigjson": base64ish(&mut g, 180)},
        "kind": "Secret",
        "metadata": meta("regcred", ns, uid, ns.created, &mut g, Map::new(), Map::new()),
        "type": "kubernetes.io/dockerconfigjson",
    })
}

fn kubernetes_service(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 7);
    let mut labels = Map::new();
    labels.insert("component".into(), json!("apiserver"));
    labels.insert("provider".into(), json!("kubernetes"));
    let uid = g.uid();
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("kubernetes", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "spec": {
            "clusterIP": "172.20.0.1",
            "clusterIPs": ["172.20.0.1"],
            "internalTrafficPolicy": "Cluster",
            "ipFamilies": ["IPv4"],
            "ipFamilyPolicy": "SingleStack",
            "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 443}],
            "sessionAffinity": "None",
            "type": "ClusterIP",
        },
        "status": {"loadBalancer": {}},
    })
}

fn kubernetes_slice(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 8);
    let mut labels = Map::new();
    labels.insert(
        "endpointslice.kubernetes.io/managed-by".into(),
        json!("endpointslicemirroring-controller.k8s.io"),
    );
    labels.insert("kubernetes.io/service-name".into(), json!("kubernetes"));
    let uid = g.uid();
    json!({
        "addressType": "IPv4",
        "apiVersion": "discovery.k8s.io/v1",
        "endpoints": [
            {"addresses": ["10.0.3.41"], "conditions": {"ready": true}},
            {"addresses": ["10.0.9.187"], "conditions": {"ready": true}},
        ],
        "kind": "EndpointSlice",
        "metadata": meta("kubernetes", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "ports": [{"name": "https", "port": 443, "protocol": "TCP"}],
    })
}

fn service(plan: &Plan, ns: &Namespace, app: &App, svc: &Service) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 9);
    let ip = if svc.headless {
        "None".to_string()
    } else {
        ipv4(svc.cluster_ip)
    };
    let port = port_name(app);
    let mut spec = json!({
        "clusterIP": ip,
        "clusterIPs": [ip],
        "internalTrafficPolicy": "Cluster",
        "ipFamilies": ["IPv4"],
        "ipFamilyPolicy": "SingleStack",
        "ports": [{"name": port, "port": if svc.headless { app.port } else { 80 }, "protocol": "TCP", "targetPort": port}],
        "selector": selector_labels(app),
        "sessionAffinity": "None",
        "type": "ClusterIP",
    });
    if svc.headless {
        spec["publishNotReadyAddresses"] = json!(true);
    }
    let mut labels = common_labels(ns, app);
    if app.system {
        labels.insert("kubernetes.io/cluster-service".into(), json!("true"));
        labels.insert("kubernetes.io/name".into(), json!("CoreDNS"));
    }
    let mut annotations = helm_annotations(ns, app);
    annotations.insert("prometheus.io/port".into(), json!("9153"));
    annotations.insert("prometheus.io/scrape".into(), json!("true"));
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta(&svc.name, ns, &svc.uid, svc.created, &mut g, labels, annotations),
        "spec": spec,
        "status": {"loadBalancer": {}},
    })
}

fn template(ns: &Namespace, app: &App, revision: usize, g: &mut Gen) -> Value {
    let mut labels = pod_labels(ns, app);
    match app.kind {
        Workload::Deployment => {
            if let Some(r) = app.revisions.get(revision) {
                labels.insert("pod-template-hash".into(), json!(r.hash));
            }
        }
        Workload::StatefulSet | Workload::DaemonSet => {}
    }
    json!({
        "metadata": {
            "annotations": template_annotations(app, revision),
            "creationTimestamp": null,
            "labels": labels,
        },
        "spec": pod_spec(ns, app, None, g),
    })
}

fn workload(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 10);
    let current = app.revisions.len().saturating_sub(1);
    let generation = 1 + g.range(0, 30);
    let ready = app
        .pods
        .iter()
        .filter(|p| p.state == PodState::Ready)
        .count();
    let replicas = app.replicas;
    let mut annotations = helm_annotations(ns, app);
    let mut t = template(ns, app, current, &mut g);
    // A Deployment's template has no pod-template-hash: the ReplicaSet adds it.
    if let Some(l) = t
        .pointer_mut("/metadata/labels")
        .and_then(Value::as_object_mut)
    {
        l.remove("pod-template-hash");
    }
    let selector = json!({"matchLabels": selector_labels(app)});
    let at = |s: i64| timestamp(app.created + s);
    let (api_kind, spec, status) = match app.kind {
        Workload::Deployment => {
            let number = app.revisions.last().map_or(1, |r| r.number);
            annotations.insert(
                "deployment.kubernetes.io/revision".into(),
                json!(number.to_string()),
            );
            let rev_name = app.revisions.last().map_or("", |r| r.name.as_str());
            let available = ready > 0 || replicas == 0;
            (
                "Deployment",
                json!({
                    "progressDeadlineSeconds": 600,
                    "replicas": replicas,
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}, "type": "RollingUpdate"},
                    "template": t,
                }),
                json!({
                    "availableReplicas": ready,
                    "conditions": [
                        {"lastTransitionTime": at(40), "lastUpdateTime": at(40), "message": if available { "Deployment has minimum availability." } else { "Deployment does not have minimum availability." }, "reason": if available { "MinimumReplicasAvailable" } else { "MinimumReplicasUnavailable" }, "status": if available { "True" } else { "False" }, "type": "Available"},
                        {"lastTransitionTime": at(10), "lastUpdateTime": at(60), "message": format!("ReplicaSet \"{rev_name}\" has successfully progressed."), "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"},
                    ],
                    "observedGeneration": generation,
                    "readyReplicas": ready,
                    "replicas": replicas,
                    "updatedReplicas": replicas,
                }),
            )
        }
        Workload::StatefulSet => {
            let svc = app.service.as_ref().map_or("", |s| s.name.as_str());
            let hash = format!("{}-{}", app.name, revision_hash(app));
            let mut claim_spec = json!({
                "accessModes": ["ReadWriteOnce"],
                "resources": {"requests": {"storage": format!("{}Gi", app.claims.first().map_or(10, |c| c.size_gi))}},
                "volumeMode": "Filesystem",
            });
            if app.claims.first().is_none_or(|c| c.explicit_class) {
                claim_spec["storageClassName"] = json!("gp3");
            }
            (
                "StatefulSet",
                json!({
                    "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
                    "podManagementPolicy": "OrderedReady",
                    "replicas": replicas,
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "serviceName": svc,
                    "template": t,
                    "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"},
                    "volumeClaimTemplates": [{
                        "apiVersion": "v1",
                        "kind": "PersistentVolumeClaim",
                        "metadata": {"creationTimestamp": null, "name": "data"},
                        "spec": claim_spec,
                        "status": {"phase": "Pending"},
                    }],
                }),
                json!({
                    "availableReplicas": ready,
                    "collisionCount": 0,
                    "currentReplicas": replicas,
                    "currentRevision": hash,
                    "observedGeneration": generation,
                    "readyReplicas": ready,
                    "replicas": replicas,
                    "updateRevision": hash,
                    "updatedReplicas": replicas,
                }),
            )
        }
        Workload::DaemonSet => {
            annotations.insert(
                "deprecated.daemonset.template.generation".into(),
                json!("1"),
            );
            (
                "DaemonSet",
                json!({
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "template": t,
                    "updateStrategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": "10%"}, "type": "RollingUpdate"},
                }),
                json!({
                    "currentNumberScheduled": replicas,
                    "desiredNumberScheduled": replicas,
                    "numberAvailable": ready,
                    "numberMisscheduled": 0,
                    "numberReady": ready,
                    "observedGeneration": 1,
                    "updatedNumberScheduled": replicas,
                }),
            )
        }
    };
    let mut metadata = meta(
        &app.name,
        ns,
        &app.uid,
        app.created,
        &mut g,
        common_labels(ns, app),
        annotations,
    );
    metadata["generation"] = json!(generation);
    json!({
        "apiVersion": "apps/v1",
        "kind": api_kind,
        "metadata": metadata,
        "spec": spec,
        "status": status,
    })
}

fn replica_set(plan: &Plan, ns: &Namespace, app: &App, r: usize) -> Value {
    let rev = &app.revisions[r];
    let mut g = Gen::new(plan.seed, R_OBJECT, rev.seed);
    let ready = if r + 1 == app.revisions.len() {
        app.pods
            .iter()
            .filter(|p| p.state == PodState::Ready)
            .count()
    } else {
        0
    };
    let mut labels = pod_labels(ns, app);
    labels.insert("pod-template-hash".into(), json!(rev.hash));
    let mut annotations = helm_annotations(ns, app);
    annotations.insert(
        "deployment.kubernetes.io/desired-replicas".into(),
        json!(app.replicas.to_string()),
    );
    annotations.insert(
        "deployment.kubernetes.io/max-replicas".into(),
        json!((app.replicas + app.replicas.div_ceil(4)).to_string()),
    );
    annotations.insert(
        "deployment.kubernetes.io/revision".into(),
        json!(rev.number.to_string()),
    );
    let mut selector = selector_labels(app);
    selector.insert("pod-template-hash".into(), json!(rev.hash));
    let mut metadata = meta(
        &rev.name,
        ns,
        &rev.uid,
        rev.created,
        &mut g,
        labels,
        annotations,
    );
    let generation = g.range(1, 6);
    metadata["generation"] = json!(generation);
    metadata["ownerReferences"] = json!([owner("apps/v1", "Deployment", &app.name, &app.uid)]);
    let status = if rev.replicas == 0 {
        json!({"observedGeneration": generation, "replicas": 0})
    } else {
        json!({
            "availableReplicas": ready,
            "fullyLabeledReplicas": rev.replicas,
            "observedGeneration": generation,
            "readyReplicas": ready,
            "replicas": rev.replicas,
        })
    };
    json!({
        "apiVersion": "apps/v1",
        "kind": "ReplicaSet",
        "metadata": metadata,
        "spec": {
            "replicas": rev.replicas,
            "selector": {"matchLabels": selector},
            "template": template(ns, app, r, &mut g),
        },
        "status": status,
    })
}

fn hpa(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 11);
    let min = app.replicas.max(1);
    let current = g.range(20, 95);
    let at = timestamp(NOW - g.range(600, 30 * 86_400) as i64);
    json!({
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": meta(&app.name, ns, &app.uids[UID_HPA], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {
            "maxReplicas": min * 3,
            "metrics": [{"resource": {"name": "cpu", "target": {"averageUtilization": 70, "type": "Utilization"}}, "type": "Resource"}],
            "minReplicas": min,
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": app.name},
        },
        "status": {
            "conditions": [
                {"lastTransitionTime": at, "message": "recommended size matches current size", "reason": "ReadyForNewScale", "status": "True", "type": "AbleToScale"},
                {"lastTransitionTime": at, "message": "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", "reason": "ValidMetricFound", "status": "True", "type": "ScalingActive"},
                {"lastTransitionTime": at, "message": "the desired count is within the acceptable range", "reason": "DesiredWithinRange", "status": "False", "type": "ScalingLimited"},
            ],
            "currentMetrics": [{"resource": {"current": {"averageUtilization": current, "averageValue": format!("{}m", current * u64::from(app.cpu_m) / 100)}, "name": "cpu"}, "type": "Resource"}],
            "currentReplicas": app.replicas,
            "desiredReplicas": app.replicas,
            "lastScaleTime": at,
        },
    })
}

fn pdb(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 12);
    let healthy = app
        .pods
        .iter()
        .filter(|p| p.state == PodState::Ready)
        .count();
    let desired = app.replicas.saturating_sub(1);
    json!({
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": meta(&app.name, ns, &app.uids[UID_PDB], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": selector_labels(app)}},
        "status": {
            "conditions": [{"lastTransitionTime": timestamp(NOW - g.range(600, 86_400) as i64), "message": "", "observedGeneration": 1, "reason": "SufficientPods", "status": if healthy > desired { "True" } else { "False" }, "type": "DisruptionAllowed"}],
            "currentHealthy": healthy,
            "desiredHealthy": desired,
            "disruptionsAllowed": healthy.saturating_sub(desired),
            "expectedPods": app.replicas,
            "observedGeneration": 1,
        },
    })
}

fn default_deny(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 13);
    let uid = g.uid();
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": meta("default-deny-ingress", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "spec": {"podSelector": {}, "policyTypes": ["Ingress"]},
    })
}

fn network_policy(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 14);
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": meta(&format!("{}-allow", app.name), ns, &app.uids[UID_NETPOL], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {
            "ingress": [{
                "from": [
                    {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}},
                    {"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": ns.team}}},
                ],
                "ports": [{"port": app.port, "protocol": "TCP"}],
            }],
            "podSelector": {"matchLabels": selector_labels(app)},
            "policyTypes": ["Ingress"],
        },
    })
}

fn role(plan: &Plan, ns: &Namespace) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 15);
    let uid = g.uid();
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "Role",
        "metadata": meta("config-reader", ns, &uid, ns.created, &mut g, labels, Map::new()),
        "rules": [
            {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]},
            {"apiGroups": [""], "resourceNames": ["regcred"], "resources": ["secrets"], "verbs": ["get"]},
        ],
    })
}

fn role_bindings(plan: &Plan, ns: &Namespace) -> Vec<Value> {
    let mut g = Gen::new(plan.seed, R_OBJECT, ns.seed ^ 16);
    let mut labels = Map::new();
    labels.insert("app.kubernetes.io/managed-by".into(), json!("argocd"));
    let rbac = "rbac.authorization.k8s.io";
    let edit_uid = g.uid();
    let edit = json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "RoleBinding",
        "metadata": meta(&format!("{}-developers", ns.team), ns, &edit_uid, ns.created, &mut g, labels.clone(), Map::new()),
        "roleRef": {"apiGroup": rbac, "kind": "ClusterRole", "name": "edit"},
        "subjects": [
            {"apiGroup": rbac, "kind": "Group", "name": format!("{}-developers", ns.team)},
            {"apiGroup": rbac, "kind": "User", "name": format!("{}-lead@example.com", ns.team)},
        ],
    });
    let mut subjects: Vec<Value> = ns
        .apps
        .iter()
        .filter(|a| a.own_sa)
        .map(|a| json!({"kind": "ServiceAccount", "name": a.name, "namespace": ns.name}))
        .collect();
    if subjects.is_empty() {
        subjects.push(json!({"kind": "ServiceAccount", "name": "default", "namespace": ns.name}));
    }
    let reader_uid = g.uid();
    let reader = json!({
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "RoleBinding",
        "metadata": meta("config-reader", ns, &reader_uid, ns.created, &mut g, labels, Map::new()),
        "roleRef": {"apiGroup": rbac, "kind": "Role", "name": "config-reader"},
        "subjects": subjects,
    });
    vec![edit, reader]
}

fn event(plan: &Plan, ns: &Namespace, e: &Event) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, e.seed);
    let (involved, object_name, host, container) = match &e.about {
        About::Pod(a, p) => {
            let app = &ns.apps[*a];
            let pod = &app.pods[*p];
            let host = pod.node.map(|n| plan.node_addr(n).0);
            let mut r = json!({
                "apiVersion": "v1",
                "kind": "Pod",
                "name": pod.name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": pod.uid,
            });
            let container = container_name(app);
            if !matches!(e.reason, Reason::Scheduled | Reason::FailedScheduling) {
                r["fieldPath"] = json!(format!("spec.containers{{{container}}}"));
            }
            (
                r,
                pod.name.clone(),
                host,
                Some((container, app.image.clone())),
            )
        }
        About::Workload(a) => {
            let app = &ns.apps[*a];
            let r = json!({
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "name": app.name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": app.uid,
            });
            let rs = app
                .revisions
                .last()
                .map_or(String::new(), |r| r.name.clone());
            (r, app.name.clone(), None, Some((rs, String::new())))
        }
        About::GonePod(name, uid) => {
            let r = json!({
                "apiVersion": "v1",
                "fieldPath": "spec.containers{app}",
                "kind": "Pod",
                "name": name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": uid,
            });
            (r, name.clone(), None, None)
        }
    };
    let (container, image) = container.unwrap_or_default();
    let (ty, component, message) = match e.reason {
        Reason::Scheduled => (
            "Normal",
            "default-scheduler",
            format!(
                "Successfully assigned {}/{object_name} to {}",
                ns.name,
                host.clone().unwrap_or_default()
            ),
        ),
        Reason::Pulled => (
            "Normal",
            "kubelet",
            format!("Container image \"{image}\" already present on machine"),
        ),
        Reason::Created => (
            "Normal",
            "kubelet",
            format!("Created container {container}"),
        ),
        Reason::Started => (
            "Normal",
            "kubelet",
            format!("Started container {container}"),
        ),
        Reason::Unhealthy => (
            "Warning",
            "kubelet",
            "Readiness probe failed: HTTP probe failed with statuscode: 503".to_string(),
        ),
        Reason::BackOff => (
            "Warning",
            "kubelet",
            "Back-off restarting failed container".to_string(),
        ),
        Reason::FailedScheduling => (
            "Warning",
            "default-scheduler",
            format!(
                "0/{} nodes are available: {} Insufficient memory.",
                plan.nodes, plan.nodes
            ),
        ),
        Reason::ScalingReplicaSet => (
            "Normal",
            "deployment-controller",
            format!("Scaled up replica set {container} to 1"),
        ),
        Reason::Killing => ("Normal", "kubelet", "Stopping container app".to_string()),
    };
    let last = (e.first + i64::from(e.count - 1) * 300).min(NOW - 1);
    let mut source = json!({"component": component});
    if component == "kubelet" {
        if let Some(h) = &host {
            source["host"] = json!(h);
        }
    }
    json!({
        "apiVersion": "v1",
        "count": e.count,
        "eventTime": null,
        "firstTimestamp": timestamp(e.first),
        "involvedObject": involved,
        "kind": "Event",
        "lastTimestamp": timestamp(last),
        "message": message,
        "metadata": {
            "creationTimestamp": timestamp(e.first),
            "name": format!("{object_name}.{}", e.suffix),
            "namespace": ns.name,
            "resourceVersion": g.resource_version(),
            "uid": e.uid,
        },
        "reason": format!("{:?}", e.reason),
        "reportingComponent": component,
        "reportingInstance": if component == "kubelet" { host.unwrap_or_default() } else { String::new() },
        "source": source,
        "type": ty,
    })
}
