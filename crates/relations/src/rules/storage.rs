//! Claims, volumes and classes (rules 19–20) and volume attachments (34).

use super::{core, str_at, str_ptr};
use crate::reference::{object, Reference, Target};
use kubegraph_model::{EdgeKind, Object};

/// The annotation that named a class before `storageClassName` existed.
const BETA_CLASS: &str = "volume.beta.kubernetes.io/storage-class";

fn class(name: &str) -> Target {
    object("storage.k8s.io", "StorageClass", None, name)
}

/// Rules 19–20 from the claim's side: `spec.volumeName` → its volume; `spec.storageClassName`
/// (or the beta annotation) → its class; an unset class means the cluster's default class, while
/// `""` explicitly means none.
pub(crate) fn pvc(o: &Object, _ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let Some(pv) = str_at(spec, "volumeName") {
        out.push(Reference::to(
            EdgeKind::Binds,
            core("PersistentVolume", None, pv),
        ));
    }
    match spec.get("storageClassName").and_then(|v| v.as_str()) {
        Some("") => {}
        Some(name) => out.push(Reference::from(EdgeKind::Provisions, class(name))),
        None => match o.annotation(BETA_CLASS) {
            Some("") => {}
            Some(name) => out.push(Reference::from(EdgeKind::Provisions, class(name))),
            None => out.push(Reference::from(
                EdgeKind::Provisions,
                Target::DefaultStorageClass,
            )),
        },
    }
}

/// Rules 19–20 from the volume's side: `spec.claimRef` (the same pvc → pv edge; a Released
/// volume's claim may be gone, which is no error) and its class.
pub(crate) fn pv(o: &Object, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let (Some(ns), Some(name)) = (
        str_ptr(spec, "/claimRef/namespace"),
        str_ptr(spec, "/claimRef/name"),
    ) {
        out.push(
            Reference::from(
                EdgeKind::Binds,
                core("PersistentVolumeClaim", Some(ns), name),
            )
            .skip_missing(),
        );
    }
    if let Some(name) = str_at(spec, "storageClassName")
        .or_else(|| o.annotation(BETA_CLASS).filter(|s| !s.is_empty()))
    {
        out.push(Reference::from(EdgeKind::Provisions, class(name)));
    }
}

/// Rule 34: `spec.source.persistentVolumeName` and `spec.nodeName`.
pub(crate) fn volume_attachment(o: &Object, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let Some(pv) = str_ptr(spec, "/source/persistentVolumeName") {
        out.push(Reference::to(
            EdgeKind::Attaches,
            core("PersistentVolume", None, pv),
        ));
    }
    if let Some(node) = str_at(spec, "nodeName") {
        out.push(Reference::to(EdgeKind::Attaches, core("Node", None, node)));
    }
}
