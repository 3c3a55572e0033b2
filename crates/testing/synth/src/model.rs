//! The shape of the synthetic cluster: how many of everything, and per namespace, every
//! workload with its revisions, pods, service, claims and events. Models hold names, uids and
//! the choices made; [`crate::render`] turns them into objects.
//!
//! A namespace's model is a pure function of `(seed, namespace index)`: it is built again for
//! every kind written, instead of being kept.

use crate::gen::{Gen, NOW};
use std::collections::HashSet;

const DAY: u64 = 86_400;

/// Random-stream domains (see [`Gen::new`]).
const NAMESPACE: u64 = 1;
const NODE: u64 = 2;
const CLUSTER: u64 = 3;

/// Namespaces every cluster has; app namespaces follow.
pub(crate) const SYSTEM_NAMESPACES: [&str; 4] =
    ["kube-system", "default", "kube-public", "kube-node-lease"];

pub(crate) const REGISTRY: &str = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
pub(crate) const EKS_REGISTRY: &str = "602401143452.dkr.ecr.eu-west-1.amazonaws.com";
pub(crate) const ZONES: [&str; 3] = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

const TEAMS: [&str; 30] = [
    "payments",
    "checkout",
    "catalog",
    "search",
    "identity",
    "orders",
    "inventory",
    "shipping",
    "notifications",
    "analytics",
    "platform",
    "data",
    "ml",
    "media",
    "ads",
    "growth",
    "billing",
    "support",
    "risk",
    "fraud",
    "loyalty",
    "pricing",
    "reviews",
    "recommendations",
    "messaging",
    "geo",
    "partners",
    "reporting",
    "compliance",
    "storefront",
];
const ENVS: [&str; 6] = ["prod", "staging", "dev", "qa", "perf", "sandbox"];
const COMPONENTS: [&str; 30] = [
    "api",
    "web",
    "worker",
    "gateway",
    "consumer",
    "scheduler",
    "sync",
    "processor",
    "indexer",
    "frontend",
    "backend",
    "cache",
    "router",
    "exporter",
    "notifier",
    "importer",
    "resolver",
    "validator",
    "aggregator",
    "auth",
    "session",
    "ledger",
    "quote",
    "cart",
    "feed",
    "admin",
    "reporter",
    "renderer",
    "uploader",
    "mailer",
];
/// Stateful components: name, image, container port.
pub(crate) const STATEFUL: [(&str, &str, u16); 8] = [
    (
        "postgres",
        "docker.io/bitnami/postgresql:16.3.0-debian-12-r14",
        5432,
    ),
    ("redis", "docker.io/bitnami/redis:7.2.5-debian-12-r0", 6379),
    ("kafka", "docker.io/bitnami/kafka:3.7.0-debian-12-r7", 9092),
    (
        "rabbitmq",
        "docker.io/bitnami/rabbitmq:3.13.3-debian-12-r1",
        5672,
    ),
    (
        "elasticsearch",
        "docker.elastic.co/elasticsearch/elasticsearch:8.14.1",
        9200,
    ),
    (
        "mongodb",
        "docker.io/bitnami/mongodb:7.0.11-debian-12-r0",
        27017,
    ),
    (
        "zookeeper",
        "docker.io/bitnami/zookeeper:3.9.2-debian-12-r8",
        2181,
    ),
    ("nats", "docker.io/library/nats:2.10.16-alpine", 4222),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Workload {
    Deployment,
    StatefulSet,
    DaemonSet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PodState {
    Ready,
    /// Running, but a container keeps crashing (not ready, restarts, `CrashLoopBackOff`).
    CrashLoop,
    /// Unschedulable: no node, no IP.
    Pending,
}

/// Sizes of the landscape for a pod count.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub seed: u64,
    /// Every field a live object has (`Detail::Full`), or the lean subset.
    pub full: bool,
    pub nodes: usize,
    /// DaemonSets in kube-system (0–3), one pod per node each.
    pub daemonsets: usize,
    /// Replicas of coredns and of the CSI controller.
    pub system_replicas: [usize; 2],
    pub app_namespaces: usize,
    pub app_pods: usize,
}

impl Plan {
    pub(crate) fn new(pods: usize, seed: u64, full: bool) -> Plan {
        let nodes = (pods / 30).max(1);
        let daemonsets = (pods / (nodes * 4)).min(3);
        let mut left = pods - daemonsets * nodes;
        let coredns = left.min(2);
        left -= coredns;
        let csi = left.min(2);
        left -= csi;
        let namespaces = (pods / 200).max(SYSTEM_NAMESPACES.len() + 1);
        Plan {
            seed,
            full,
            nodes,
            daemonsets,
            system_replicas: [coredns, csi],
            app_namespaces: namespaces - SYSTEM_NAMESPACES.len(),
            app_pods: left,
        }
    }

    pub(crate) fn namespace_count(&self) -> usize {
        SYSTEM_NAMESPACES.len() + self.app_namespaces
    }

    fn pods_in_app_namespace(&self, j: usize) -> usize {
        let n = self.app_namespaces;
        self.app_pods / n + usize::from(j < self.app_pods % n)
    }

    pub(crate) fn namespace_name(&self, index: usize) -> String {
        if let Some(s) = SYSTEM_NAMESPACES.get(index) {
            return s.to_string();
        }
        let j = index - SYSTEM_NAMESPACES.len();
        let base = format!(
            "{}-{}",
            TEAMS[j % TEAMS.len()],
            ENVS[(j / TEAMS.len()) % ENVS.len()]
        );
        match j / (TEAMS.len() * ENVS.len()) {
            0 => base,
            k => format!("{base}-{k}"),
        }
    }

    /// A node's name and IP: functions of its index alone (pods need them, often).
    pub(crate) fn node_addr(&self, i: usize) -> (String, [u8; 4]) {
        let ip = [
            10,
            (i / 60_000) as u8,
            (16 + (i / 250) % 240) as u8,
            (4 + i % 250) as u8,
        ];
        let name = format!(
            "ip-{}-{}-{}-{}.eu-west-1.compute.internal",
            ip[0], ip[1], ip[2], ip[3]
        );
        (name, ip)
    }

    pub(crate) fn node(&self, i: usize) -> Node {
        let mut g = Gen::new(self.seed, NODE, i as u64);
        let (name, ip) = self.node_addr(i);
        Node {
            name,
            ip,
            zone: ZONES[i % ZONES.len()],
            uid: g.uid(),
            created: NOW - g.range(DAY, 60 * DAY) as i64,
            seed: g.seed(),
        }
    }

    /// Cluster-wide objects' uids and times, drawn from one stream.
    pub(crate) fn cluster_gen(&self) -> Gen {
        Gen::new(self.seed, CLUSTER, 0)
    }

    pub(crate) fn namespace(&self, index: usize) -> Namespace {
        let mut g = Gen::new(self.seed, NAMESPACE, index as u64);
        let name = self.namespace_name(index);
        let system = index < SYSTEM_NAMESPACES.len();
        let created = if system {
            NOW - 420 * DAY as i64
        } else {
            NOW - g.range(20 * DAY, 400 * DAY) as i64
        };
        let mut ns = Namespace {
            team: name.split('-').next().unwrap_or("app").to_string(),
            name,
            uid: g.uid(),
            created,
            seed: g.seed(),
            apps: Vec::new(),
            events: Vec::new(),
            default_deny: !system && g.chance(0.5),
            root_ca_uid: g.uid(),
            default_sa_uid: g.uid(),
            regcred_uid: (!system).then(|| g.uid()),
        };
        match index {
            0 => self.kube_system(&mut ns, &mut g),
            1..=3 => {}
            _ => {
                let pods = self.pods_in_app_namespace(index - SYSTEM_NAMESPACES.len());
                self.fill_app_namespace(&mut ns, &mut g, pods);
            }
        }
        ns
    }

    fn kube_system(&self, ns: &mut Namespace, g: &mut Gen) {
        let daemons: [(&str, String, bool); 3] = [
            (
                "kube-proxy",
                format!("{EKS_REGISTRY}/eks/kube-proxy:v1.30.0-minimal-eksbuild.3"),
                true,
            ),
            (
                "aws-node",
                format!("{EKS_REGISTRY}/amazon-k8s-cni:v1.18.2-eksbuild.1"),
                true,
            ),
            (
                "ebs-csi-node",
                "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.31.0".to_string(),
                false,
            ),
        ];
        for (name, image, host_network) in daemons.into_iter().take(self.daemonsets) {
            let mut app = App::new(g, Workload::DaemonSet, name, image, 8080, ns.created);
            app.system = true;
            app.host_network = host_network;
            app.own_sa = true;
            app.priority_class = Some("system-node-critical");
            app.replicas = self.nodes;
            let created = app.created;
            for node in 0..self.nodes {
                let pod_name = format!("{name}-{}", g.suffix(5));
                app.pods
                    .push(Pod::new(g, pod_name, Some(node), created, 0, 0.0));
            }
            ns.apps.push(app);
        }
        let deployments: [(&str, String, u16); 2] = [
            (
                "coredns",
                format!("{EKS_REGISTRY}/eks/coredns:v1.11.1-eksbuild.9"),
                53,
            ),
            (
                "ebs-csi-controller",
                "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.31.0".to_string(),
                9808,
            ),
        ];
        for ((name, image, port), replicas) in deployments.into_iter().zip(self.system_replicas) {
            let mut app = App::new(g, Workload::Deployment, name, image, port, ns.created);
            app.system = true;
            app.own_sa = true;
            app.priority_class = Some("system-cluster-critical");
            app.config = name == "coredns";
            app.pdb = true;
            if name == "coredns" {
                app.service = Some(Service::new(g, "kube-dns", false, app.created));
            }
            self.deployment_pods(&mut app, g, replicas, 0.0);
            ns.apps.push(app);
        }
    }

    fn fill_app_namespace(&self, ns: &mut Namespace, g: &mut Gen, mut pods: usize) {
        let mut used = HashSet::new();
        let mut unique = |base: String| {
            let mut name = base.clone();
            let mut k = 2;
            while !used.insert(name.clone()) {
                name = format!("{base}-{k}");
                k += 1;
            }
            name
        };
        while pods > 0 {
            let stateful = pods >= 3 && g.chance(0.05);
            let created = ns.created + g.range(0, (NOW - ns.created) as u64 - DAY) as i64;
            if stateful {
                let (component, image, port) = *g.pick(&STATEFUL);
                let name = unique(format!("{}-{component}", ns.team));
                let mut app = App::new(
                    g,
                    Workload::StatefulSet,
                    &name,
                    image.to_string(),
                    port,
                    created,
                );
                app.component = component;
                app.secret = g.chance(0.7);
                app.config = g.chance(0.5);
                app.own_sa = g.chance(0.5);
                app.pdb = true;
                app.netpol = g.chance(0.5);
                app.service = Some(Service::new(g, &format!("{name}-headless"), true, created));
                let replicas = 3.min(pods);
                app.replicas = replicas;
                let size_gi = *g.pick(&[8, 10, 20, 50, 100]);
                let explicit_class = g.chance(0.85);
                for ordinal in 0..replicas {
                    let node = Some(g.below(self.nodes));
                    let pod = Pod::new(g, format!("{name}-{ordinal}"), node, created, 0, 0.01);
                    app.pods.push(pod);
                    app.claims.push(Claim::new(
                        g,
                        &name,
                        ordinal,
                        created,
                        size_gi,
                        explicit_class,
                    ));
                }
                pods -= replicas;
                ns.apps.push(app);
                continue;
            }
            let component = *g.pick(&COMPONENTS);
            let name = unique(format!("{}-{component}", ns.team));
            let image = format!(
                "{REGISTRY}/{}/{component}:1.{}.{}",
                ns.team,
                g.range(0, 40),
                g.range(0, 20)
            );
            let port = *g.pick(&[8080, 8080, 8000, 3000, 9000, 5000]);
            let mut app = App::new(g, Workload::Deployment, &name, image, port, created);
            app.component = component;
            app.config = g.chance(0.8);
            app.secret = g.chance(0.6);
            app.own_sa = g.chance(0.4);
            app.sidecar = g.chance(0.2);
            app.init = g.chance(0.15);
            app.priority_class = g.chance(0.1).then_some("high-priority");
            if g.chance(0.9) {
                app.service = Some(Service::new(g, &name, false, created));
            }
            app.netpol = g.chance(0.1);
            let replicas = match g.below(100) {
                0..=24 => 1,
                25..=49 => 2,
                50..=69 => 3,
                70..=89 => g.range(4, 6) as usize,
                _ => g.range(7, 12) as usize,
            }
            .min(pods);
            app.hpa = replicas >= 2 && g.chance(0.3);
            app.pdb = replicas >= 2 && g.chance(0.3);
            self.deployment_pods(&mut app, g, replicas, 0.02);
            pods -= replicas;
            ns.apps.push(app);
        }
        self.events(ns, g);
    }

    /// A Deployment's revisions (current last, older ones scaled to zero) and current pods.
    fn deployment_pods(&self, app: &mut App, g: &mut Gen, replicas: usize, unhealthy: f64) {
        app.replicas = replicas;
        let revisions = 1 + usize::from(g.chance(0.4)) + usize::from(g.chance(0.15));
        let first = 1 + g.below(6) as u32;
        let span = (NOW - app.created).max(DAY as i64);
        for r in 0..revisions {
            let created = app.created + span * r as i64 / revisions as i64;
            let hash = g.suffix(10);
            app.revisions.push(Revision {
                name: format!("{}-{hash}", app.name),
                uid: g.uid(),
                hash,
                created,
                number: first + r as u32,
                replicas: if r + 1 == revisions { replicas } else { 0 },
                seed: g.seed(),
            });
        }
        let current = app.revisions.last().expect("one revision at least");
        let (hash, created, rev) = (current.hash.clone(), current.created, revisions - 1);
        for _ in 0..replicas {
            let name = format!("{}-{hash}-{}", app.name, g.suffix(5));
            let node = Some(g.below(self.nodes));
            app.pods
                .push(Pod::new(g, name, node, created, rev, unhealthy));
        }
    }

    /// Events about some pods (scheduling and start-up, or back-off for crashing ones), about
    /// deployments that scaled, and about pods already gone (which resolve to nothing).
    fn events(&self, ns: &mut Namespace, g: &mut Gen) {
        let mut events = Vec::new();
        for (a, app) in ns.apps.iter().enumerate() {
            for (p, pod) in app.pods.iter().enumerate() {
                let reasons: &[Reason] = match pod.state {
                    PodState::CrashLoop => &[Reason::Unhealthy, Reason::BackOff],
                    PodState::Pending => &[Reason::FailedScheduling],
                    PodState::Ready if g.chance(0.05) => &[
                        Reason::Scheduled,
                        Reason::Pulled,
                        Reason::Created,
                        Reason::Started,
                    ],
                    PodState::Ready => &[],
                };
                for &reason in reasons {
                    events.push(Event::new(g, About::Pod(a, p), reason, pod.created));
                }
            }
            if app.kind == Workload::Deployment && app.revisions.len() > 1 && g.chance(0.3) {
                let t = app.revisions.last().map_or(NOW, |r| r.created);
                events.push(Event::new(
                    g,
                    About::Workload(a),
                    Reason::ScalingReplicaSet,
                    t,
                ));
                let gone = format!("{}-{}-{}", app.name, app.revisions[0].hash, g.suffix(5));
                let uid = g.uid();
                events.push(Event::new(g, About::GonePod(gone, uid), Reason::Killing, t));
            }
        }
        ns.events = events;
    }
}

pub(crate) struct Node {
    pub name: String,
    pub ip: [u8; 4],
    pub zone: &'static str,
    pub uid: String,
    pub created: i64,
    pub seed: u64,
}

pub(crate) struct Namespace {
    pub name: String,
    /// The first word of the name: labels, image paths, group names.
    pub team: String,
    pub uid: String,
    pub created: i64,
    pub seed: u64,
    pub apps: Vec<App>,
    pub events: Vec<Event>,
    /// A deny-all NetworkPolicy selecting every pod of the namespace.
    pub default_deny: bool,
    pub root_ca_uid: String,
    pub default_sa_uid: String,
    /// App namespaces have an image pull secret `regcred` that every pod uses.
    pub regcred_uid: Option<String>,
}

impl Namespace {
    pub(crate) fn is_app(&self) -> bool {
        self.regcred_uid.is_some()
    }
}

pub(crate) const UID_SA: usize = 0;
pub(crate) const UID_CONFIG: usize = 1;
pub(crate) const UID_SECRET: usize = 2;
pub(crate) const UID_HPA: usize = 3;
pub(crate) const UID_PDB: usize = 4;
pub(crate) const UID_NETPOL: usize = 5;

pub(crate) struct App {
    pub kind: Workload,
    pub name: String,
    pub uid: String,
    pub created: i64,
    pub seed: u64,
    pub component: &'static str,
    pub image: String,
    pub port: u16,
    /// kube-system add-on (labelled `k8s-app`, tolerates everything).
    pub system: bool,
    pub host_network: bool,
    /// A ConfigMap `<app>-config` (env, envFrom and a volume).
    pub config: bool,
    /// A Secret `<app>-secrets` (env and a volume).
    pub secret: bool,
    /// A ServiceAccount named after the app; otherwise `default`.
    pub own_sa: bool,
    pub sidecar: bool,
    pub init: bool,
    pub priority_class: Option<&'static str>,
    pub cpu_m: u32,
    pub memory_mi: u32,
    pub replicas: usize,
    /// ReplicaSets of a Deployment, oldest first; the last is current.
    pub revisions: Vec<Revision>,
    pub pods: Vec<Pod>,
    pub service: Option<Service>,
    pub hpa: bool,
    pub pdb: bool,
    pub netpol: bool,
    /// A StatefulSet's claims, one per pod, each bound to a volume.
    pub claims: Vec<Claim>,
    /// Uids of the app's own objects, drawn up front: see the `UID_*` indexes.
    pub uids: [String; 6],
}

impl App {
    fn new(g: &mut Gen, kind: Workload, name: &str, image: String, port: u16, created: i64) -> App {
        App {
            kind,
            name: name.to_string(),
            uid: g.uid(),
            created,
            seed: g.seed(),
            component: "",
            image,
            port,
            system: false,
            host_network: false,
            config: false,
            secret: false,
            own_sa: false,
            sidecar: false,
            init: false,
            priority_class: None,
            cpu_m: *g.pick(&[50, 100, 100, 200, 250, 500, 1000]),
            memory_mi: *g.pick(&[64, 128, 256, 256, 512, 1024, 2048]),
            replicas: 0,
            revisions: Vec::new(),
            pods: Vec::new(),
            service: None,
            hpa: false,
            pdb: false,
            netpol: false,
            claims: Vec::new(),
            uids: std::array::from_fn(|_| g.uid()),
        }
    }

    pub(crate) fn sa_name(&self) -> &str {
        if self.own_sa {
            &self.name
        } else {
            "default"
        }
    }
}

pub(crate) struct Revision {
    pub name: String,
    pub uid: String,
    pub hash: String,
    pub created: i64,
    pub number: u32,
    pub replicas: usize,
    pub seed: u64,
}

pub(crate) struct Pod {
    pub name: String,
    pub uid: String,
    pub node: Option<usize>,
    pub ip: [u8; 4],
    pub created: i64,
    pub state: PodState,
    pub restarts: u32,
    /// Index of the Deployment revision the pod belongs to.
    pub revision: usize,
    pub seed: u64,
}

impl Pod {
    fn new(
        g: &mut Gen,
        name: String,
        node: Option<usize>,
        not_before: i64,
        revision: usize,
        unhealthy: f64,
    ) -> Pod {
        let state = if unhealthy > 0.0 && g.chance(unhealthy) {
            if g.chance(0.25) {
                PodState::Pending
            } else {
                PodState::CrashLoop
            }
        } else {
            PodState::Ready
        };
        let created = not_before + g.range(0, (NOW - not_before).max(60) as u64 - 30) as i64;
        Pod {
            name,
            uid: g.uid(),
            node: node.filter(|_| state != PodState::Pending),
            ip: [10, 64 + g.byte() % 64, g.byte(), 1 + g.byte() % 254],
            created,
            state,
            restarts: match state {
                PodState::CrashLoop => g.range(5, 400) as u32,
                PodState::Pending => 0,
                PodState::Ready => [0, 0, 0, 0, 0, 1, 2][g.below(7)],
            },
            revision,
            seed: g.seed(),
        }
    }
}

pub(crate) struct Service {
    pub name: String,
    pub uid: String,
    pub created: i64,
    pub headless: bool,
    pub cluster_ip: [u8; 4],
    pub slice_name: String,
    pub slice_uid: String,
}

impl Service {
    fn new(g: &mut Gen, name: &str, headless: bool, created: i64) -> Service {
        Service {
            name: name.to_string(),
            uid: g.uid(),
            created,
            headless,
            cluster_ip: [172, 20, g.byte(), 1 + g.byte() % 254],
            slice_name: format!("{name}-{}", g.suffix(5)),
            slice_uid: g.uid(),
        }
    }
}

pub(crate) struct Claim {
    /// `<template>-<statefulset>-<ordinal>`.
    pub name: String,
    pub uid: String,
    /// `pvc-<claim uid>`, as dynamic provisioning names volumes.
    pub volume: String,
    pub volume_uid: String,
    pub size_gi: u32,
    /// `storageClassName: gp3`; otherwise unset and the default class applies.
    pub explicit_class: bool,
    pub created: i64,
    pub volume_handle: String,
}

impl Claim {
    fn new(
        g: &mut Gen,
        sts: &str,
        ordinal: usize,
        created: i64,
        size_gi: u32,
        explicit_class: bool,
    ) -> Claim {
        let uid = g.uid();
        Claim {
            name: format!("data-{sts}-{ordinal}"),
            volume: format!("pvc-{uid}"),
            uid,
            volume_uid: g.uid(),
            size_gi,
            explicit_class,
            created,
            volume_handle: format!("vol-0{}", g.hex(16)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    Scheduled,
    Pulled,
    Created,
    Started,
    Unhealthy,
    BackOff,
    FailedScheduling,
    ScalingReplicaSet,
    Killing,
}

pub(crate) enum About {
    /// `(app, pod)` indexes in the namespace.
    Pod(usize, usize),
    Workload(usize),
    /// A pod that no longer exists: its name and uid.
    GonePod(String, String),
}

pub(crate) struct Event {
    pub about: About,
    pub reason: Reason,
    pub suffix: String,
    pub uid: String,
    pub first: i64,
    pub count: u32,
    pub seed: u64,
}

impl Event {
    fn new(g: &mut Gen, about: About, reason: Reason, after: i64) -> Event {
        let first = after + g.range(0, 600) as i64;
        Event {
            about,
            reason,
            suffix: g.hex(16),
            uid: g.uid(),
            first: first.min(NOW - 1),
            count: match reason {
                Reason::BackOff | Reason::Unhealthy => g.range(3, 900) as u32,
                _ => 1,
            },
            seed: g.seed(),
        }
    }
}
