//! Rules 19–20 (claims, volumes, classes) and 34 (volume attachments) of
//! `docs/relations.md`.

use kubegraph_fixtures::{edges, fixture, graph, label};
use kubegraph_model::EdgeKind;

// ---------------------------------------------------------------- rule 19: pvc ↔ pv

#[test]
fn pvc_and_pv_make_one_binds_edge_from_either_side() {
    let g = graph(
        r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: both-sides, namespace: shop}
spec: {volumeName: pv-both, storageClassName: ""}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-both}
spec:
  capacity: {storage: 1Gi}
  claimRef: {namespace: shop, name: both-sides}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: claim-only, namespace: shop}
spec: {volumeName: pv-absent, storageClassName: ""}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
spec: {storageClassName: ""}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-prebound}
spec:
  capacity: {storage: 1Gi}
  claimRef: {namespace: shop, name: data}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-other-ns}
spec:
  capacity: {storage: 1Gi}
  # `data` exists in shop, not in other: the claimRef's namespace is honoured.
  claimRef: {namespace: other, name: data}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-free}
spec: {capacity: {storage: 1Gi}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "PersistentVolumeClaim:shop/both-sides -> PersistentVolume:pv-both",
            "PersistentVolumeClaim:shop/claim-only -> PersistentVolume:pv-absent (missing)",
            "PersistentVolumeClaim:shop/data -> PersistentVolume:pv-prebound",
        ]
    );
    // A claimRef to an absent claim makes no placeholder (a volume can outlive its claim).
    assert_eq!(
        g.nodes()
            .filter(|(_, n)| n.missing())
            .map(|(id, _)| label(&g, id))
            .collect::<Vec<_>>(),
        ["PersistentVolume:pv-absent (missing)"]
    );
}

#[test]
fn released_or_stale_claim_ref_does_not_bind_a_new_claim_of_the_same_name() {
    let g = graph(
        r#"
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-released, uid: pv-1}
spec:
  capacity: {storage: 1Gi}
  storageClassName: ""
  claimRef: {namespace: shop, name: data, uid: old-claim}
status: {phase: Released}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-bound, uid: pv-2}
spec:
  capacity: {storage: 1Gi}
  storageClassName: ""
  claimRef: {namespace: shop, name: logs, uid: logs-claim}
status: {phase: Bound}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-stale, uid: pv-3}
spec:
  capacity: {storage: 1Gi}
  storageClassName: ""
  # Not yet marked Released, but the claimRef's uid is not the current cache claim's.
  claimRef: {namespace: shop, name: cache, uid: old-cache}
status: {phase: Bound}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache, namespace: shop, uid: new-cache}
spec: {storageClassName: ""}
status: {phase: Pending}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-by-uid, uid: pv-4}
spec:
  capacity: {storage: 1Gi}
  storageClassName: ""
  claimRef: {namespace: shop, name: tmp, uid: tmp-claim}
status: {phase: Bound}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: tmp, namespace: shop, uid: tmp-claim}
spec: {storageClassName: ""}
status: {phase: Bound}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop, uid: new-claim}
spec: {storageClassName: ""}
status: {phase: Pending}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: logs, namespace: shop, uid: logs-claim}
spec: {storageClassName: "", volumeName: pv-bound}
status: {phase: Bound}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        [
            "PersistentVolumeClaim:shop/logs -> PersistentVolume:pv-bound",
            "PersistentVolumeClaim:shop/tmp -> PersistentVolume:pv-by-uid",
        ]
    );
}

// ---------------------------------------------------------------- rule 20: storage classes

const CLASSES: &str = r#"
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/gce-pd
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: "false"}
provisioner: kubernetes.io/gce-pd
"#;

#[test]
fn storage_class_provisions_claims_and_volumes() {
    let g = graph(&format!(
        "{CLASSES}\n---\n{}",
        r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: named, namespace: shop}
spec: {storageClassName: fast}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: unset, namespace: shop}
spec: {resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: explicit-null, namespace: shop}
spec: {storageClassName: null}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: no-class, namespace: shop}
spec: {storageClassName: ""}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: absent-class, namespace: shop}
spec: {storageClassName: gold}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-fast}
spec: {capacity: {storage: 1Gi}, storageClassName: fast}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-classless}
spec: {capacity: {storage: 1Gi}}
"#
    ));
    // An unset class on a claim is the default class; on a volume it is none. `""` is none.
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        [
            "storage.k8s.io/StorageClass:fast -> PersistentVolume:pv-fast",
            "storage.k8s.io/StorageClass:fast -> PersistentVolumeClaim:shop/named",
            "storage.k8s.io/StorageClass:gold (missing) -> PersistentVolumeClaim:shop/absent-class",
            "storage.k8s.io/StorageClass:standard -> PersistentVolumeClaim:shop/explicit-null",
            "storage.k8s.io/StorageClass:standard -> PersistentVolumeClaim:shop/unset",
        ]
    );
}

#[test]
fn unset_class_without_a_default_class_provisions_nothing() {
    let g = graph(
        r#"
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: kubernetes.io/gce-pd
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: unset, namespace: shop}
spec: {resources: {requests: {storage: 1Gi}}}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::Provisions), Vec::<String>::new());
    assert!(!g.nodes().any(|(_, n)| n.missing()));
}

#[test]
fn beta_default_class_annotation_is_honoured() {
    let g = graph(
        r#"
apiVersion: storage.k8s.io/v1beta1
kind: StorageClass
metadata:
  name: legacy-default
  annotations: {storageclass.beta.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/aws-ebs
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: unset, namespace: shop}
spec: {resources: {requests: {storage: 1Gi}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        ["storage.k8s.io/StorageClass:legacy-default -> PersistentVolumeClaim:shop/unset"]
    );
}

#[test]
fn beta_class_annotation_names_the_class_and_wins_over_the_field() {
    // Kubernetes reads the annotation first (GetPersistentVolumeClaimClass /
    // GetPersistentVolumeClass), for claims and volumes alike.
    let g = graph(&format!(
        "{CLASSES}\n---\n{}",
        r#"
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: annotated
  namespace: shop
  annotations: {volume.beta.kubernetes.io/storage-class: fast}
spec: {resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: both
  namespace: shop
  annotations: {volume.beta.kubernetes.io/storage-class: fast}
spec: {storageClassName: standard}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: annotated-none
  namespace: shop
  annotations: {volume.beta.kubernetes.io/storage-class: ""}
spec: {storageClassName: standard}
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-annotated
  annotations: {volume.beta.kubernetes.io/storage-class: fast}
spec: {capacity: {storage: 1Gi}, storageClassName: standard}
"#
    ));
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        [
            "storage.k8s.io/StorageClass:fast -> PersistentVolume:pv-annotated",
            "storage.k8s.io/StorageClass:fast -> PersistentVolumeClaim:shop/annotated",
            "storage.k8s.io/StorageClass:fast -> PersistentVolumeClaim:shop/both",
        ]
    );
}

#[test]
fn storage_class_in_another_group_is_not_a_storage_class() {
    let g = graph(
        r#"
apiVersion: example.com/v1
kind: StorageClass
metadata:
  name: fast
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: named, namespace: shop}
spec: {storageClassName: fast}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: unset, namespace: shop}
spec: {resources: {requests: {storage: 1Gi}}}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        ["storage.k8s.io/StorageClass:fast (missing) -> PersistentVolumeClaim:shop/named"]
    );
}

// ---------------------------------------------------------------- fixtures

#[test]
fn fixture_kubernetes_examples_claims_volumes_and_classes() {
    let g = fixture(&[
        "kubernetes-examples/_archived/volumes/portworx/portworx-volume-pv.yaml",
        "kubernetes-examples/_archived/volumes/portworx/portworx-volume-pvc.yaml",
        "kubernetes-examples/_archived/volumes/portworx/portworx-volume-pvcsc.yaml",
        "kubernetes-examples/_archived/volumes/portworx/portworx-volume-sc-high.yaml",
        "kubernetes-examples/_archived/volumes/nfs/nfs-pv.yaml",
        "kubernetes-examples/_archived/volumes/nfs/nfs-pvc.yaml",
        "kubernetes-examples/_archived/volumes/azure_file/azure-pvc.yaml",
        "kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-hdd/pvc-on-managed-hdd.yaml",
        "kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-hdd/storageclass-managed-hdd.yaml",
        // The only default class among the fixtures (beta annotation; its stray namespace is
        // dropped because StorageClass is cluster-scoped).
        "skydive/k8s/storageclass.yaml",
    ]);
    // nfs-pvc names its volume and `storageClassName: ""`; azure-pvc opts out of dynamic
    // provisioning with the beta annotation set to ""; pvc0001 has no class at all and so gets
    // the default class; the PVs have no class.
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        ["PersistentVolumeClaim:default/nfs -> PersistentVolume:nfs"]
    );
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        [
            "storage.k8s.io/StorageClass:managedhdd -> PersistentVolumeClaim:default/dd-managed-hdd-5g",
            "storage.k8s.io/StorageClass:portworx-io-priority-high -> PersistentVolumeClaim:default/pvcsc001",
            "storage.k8s.io/StorageClass:skydive-test-storageclass -> PersistentVolumeClaim:default/pvc0001",
        ]
    );
    assert!(!g.nodes().any(|(_, n)| n.missing()));
}

#[test]
fn fixture_k9s_live_claim_volumes_and_default_class() {
    // Unrelated live singletons: the PVs' claims (www-nginx-sts-1/-2) were not captured, so no
    // binds edge and no placeholder claim; the captured claim (www-nginx-sts-0) names a volume
    // that was not captured, which is a placeholder. All name the class `standard`, present
    // (and default, by the beta annotation).
    let g = fixture(&[
        "k9s-live-objects/render/testdata/pv.json",
        "k9s-live-objects/render/testdata/pv_terminating.json",
        "k9s-live-objects/render/testdata/pvc.json",
        "k9s-live-objects/render/testdata/sc.json",
    ]);
    assert_eq!(
        edges(&g, EdgeKind::Binds),
        ["PersistentVolumeClaim:default/www-nginx-sts-0 -> PersistentVolume:pvc-fbabd470-8725-11e9-a8e8-42010a80015b (missing)"]
    );
    assert_eq!(
        edges(&g, EdgeKind::Provisions),
        [
            "storage.k8s.io/StorageClass:standard -> PersistentVolume:pvc-07aa4e2c-8726-11e9-a8e8-42010a80015b",
            "storage.k8s.io/StorageClass:standard -> PersistentVolume:pvc-a4d86f51-916c-476b-83af-b551c91a8ac0",
            "storage.k8s.io/StorageClass:standard -> PersistentVolumeClaim:default/www-nginx-sts-0",
        ]
    );
}

// ---------------------------------------------------------------- rule 34: volume attachments

#[test]
fn volume_attachment_attaches_volume_and_node() {
    let g = graph(
        r#"
apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata: {name: csi-1}
spec:
  attacher: ebs.csi.aws.com
  nodeName: node-a
  source: {persistentVolumeName: pv-1}
---
apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata: {name: csi-2}
spec:
  attacher: ebs.csi.aws.com
  nodeName: node-gone
  source: {persistentVolumeName: pv-gone}
---
apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata: {name: csi-inline}
spec:
  attacher: ebs.csi.aws.com
  nodeName: node-a
  source: {inlineVolumeSpec: {csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec: {capacity: {storage: 1Gi}}
---
apiVersion: v1
kind: Node
metadata: {name: node-a}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Attaches),
        [
            "storage.k8s.io/VolumeAttachment:csi-1 -> Node:node-a",
            "storage.k8s.io/VolumeAttachment:csi-1 -> PersistentVolume:pv-1",
            "storage.k8s.io/VolumeAttachment:csi-2 -> Node:node-gone (missing)",
            "storage.k8s.io/VolumeAttachment:csi-2 -> PersistentVolume:pv-gone (missing)",
            "storage.k8s.io/VolumeAttachment:csi-inline -> Node:node-a",
        ]
    );
}
