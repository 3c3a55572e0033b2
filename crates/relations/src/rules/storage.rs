//! Claims, volumes and classes (rules 19–20) and volume attachments (34).

use super::{core, str_at, str_ptr};
use crate::reference::{object, Reference, Target};
use kubegraph_model::json::{JsonValueTrait, Path, Value};
use kubegraph_model::{EdgeKind, Object};

/// The annotation that named a class before `storageClassName` existed.
const BETA_CLASS: &str = "volume.beta.kubernetes.io/storage-class";

fn class(name: &str) -> Target {
    object("storage.k8s.io", "StorageClass", None, name)
}

/// Rules 19–20 from the claim's side: `spec.volumeName` → its volume; the class → the claim.
pub(crate) fn pvc(o: &Object, _ns: &str, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    if let Some(pv) = str_at(spec, "volumeName") {
        out.push(Reference::to(
            EdgeKind::Binds,
            core("PersistentVolume", None, pv),
        ));
    }
    match storage_class(o, spec) {
        Some("") => {}
        Some(name) => out.push(Reference::from(EdgeKind::Provisions, class(name))),
        None => out.push(Reference::from(
            EdgeKind::Provisions,
            Target::DefaultStorageClass,
        )),
    }
}

/// Rules 19–20 from the volume's side: `spec.claimRef` (the same pvc → pv edge) and its class.
/// The claimRef's uid, when set, must be the claim's: a claim of that name with another uid was
/// made after the bound one was deleted. A Released volume's claim was deleted by definition, so
/// its claimRef makes no edge even without a uid.
pub(crate) fn pv(o: &Object, out: &mut Vec<Reference>) {
    let Some(spec) = o.spec() else { return };
    let released = o.raw.ptr("/status/phase").and_then(|p| p.as_str()) == Some("Released");
    if let (false, Some(ns), Some(name)) = (
        released,
        str_ptr(spec, "/claimRef/namespace"),
        str_ptr(spec, "/claimRef/name"),
    ) {
        let claim = Target::Owner {
            uid: str_ptr(spec, "/claimRef/uid").map(str::to_string),
            group: String::new(),
            kind: "PersistentVolumeClaim".to_string(),
            namespace: Some(ns.to_string()),
            name: name.to_string(),
        };
        out.push(Reference::from(EdgeKind::Binds, claim).skip_missing());
    }
    if let Some(name) = storage_class(o, spec).filter(|s| !s.is_empty()) {
        out.push(Reference::from(EdgeKind::Provisions, class(name)));
    }
}

/// The class of a claim or volume as Kubernetes reads it (`GetPersistentVolumeClaimClass`,
/// `GetPersistentVolumeClass`): the beta annotation wins over `spec.storageClassName`, because
/// objects written before the field existed kept the annotation as the truth. `None` is unset
/// (a claim then gets the default class); `Some("")` explicitly means no class.
fn storage_class<'a>(o: &'a Object, spec: &'a Value) -> Option<&'a str> {
    o.annotation(BETA_CLASS)
        .or_else(|| spec.get("storageClassName").and_then(|v| v.as_str()))
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
