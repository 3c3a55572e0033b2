//! StorageClasses, and the PersistentVolumeClaims of StatefulSets with the volumes bound to them.

use super::meta::selector_labels;
use super::{Renderer, R_OBJECT};
use crate::gen::{timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Map, Value};
use std::io::{self, Write};

impl<W: Write> Renderer<'_, W> {
    pub(super) fn storage_classes(&mut self) -> io::Result<()> {
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

    pub(super) fn claim(&self, ns: &Namespace, app: &App, index: usize, c: &Claim) -> Value {
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

    pub(super) fn persistent_volume(
        &self,
        ns: &Namespace,
        app: &App,
        index: usize,
        c: &Claim,
    ) -> Value {
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
}
