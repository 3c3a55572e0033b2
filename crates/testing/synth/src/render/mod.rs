//! Models to objects, one kind at a time, in the order `kubectl get <kinds> -A -o json` lists
//! them. Field names, defaults and shapes follow what the API server returns (managed fields
//! excepted, as `kubectl get` hides them).
//!
//! This module walks the kinds ([`Renderer::write_all`]); each family of kinds is written by a
//! module of its own: [`cluster`] (Nodes, Namespaces, PriorityClasses), [`storage`],
//! [`rbac`] (ClusterRoles, ServiceAccounts, Roles, RoleBindings), [`config`] (ConfigMaps,
//! Secrets), [`network`] (Services, EndpointSlices, NetworkPolicies), [`workloads`] (with their
//! ReplicaSets, autoscalers and disruption budgets), [`pods`] and [`events`]. [`pod_spec`] is the
//! pod spec that workload templates and pods share, and [`meta`] the metadata, labels and
//! annotations every kind shares.

use crate::gen::Gen;
use crate::model::*;
use crate::writer::ListWriter;
use cluster::namespace;
use config::{config_map, pem, regcred, secret};
use network::{default_deny, kubernetes_service, kubernetes_slice, network_policy, service};
use rbac::{role, role_bindings, service_account};
use serde_json::Value;
use std::io::{self, Write};
use workloads::{hpa, pdb, replica_set, workload};

mod cluster;
mod config;
mod events;
mod meta;
mod network;
mod pod_spec;
mod pods;
mod rbac;
mod storage;
mod workloads;

/// Random-stream domains for rendering (model domains are below 10).
const R_OBJECT: u64 = 10;
const R_DIGEST: u64 = 11;
const R_CLUSTER_CA: u64 = 12;

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
        if self.out.minimal {
            crate::lean::minimal(&mut v);
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
}
