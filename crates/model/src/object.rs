use crate::json::{
    self, JsonContainerTrait, JsonValueMutTrait, JsonValueTrait, Object as Map, Path, Value,
};
use crate::kinds::{self, canonical_group, GroupKind};

/// Annotations removed from Secrets at load time because they carry the secret's data
/// (`kubectl apply` stores the whole applied object, values included, in this annotation).
pub const REDACTED_ANNOTATIONS: &[&str] = &["kubectl.kubernetes.io/last-applied-configuration"];

/// One Kubernetes object. Identity is pulled out of `metadata`; everything else stays in `raw`,
/// schemaless, so custom resources are as queryable as built-in kinds.
///
/// Two things never survive construction: a Secret's `data`/`stringData` values (the keys are
/// kept, values become `null`) and `metadata.managedFields` (server bookkeeping that triples the
/// size of live dumps and answers none of the questions kubegraph is for).
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// API group, canonical (see [`kinds::canonical_group`]); `""` for core.
    pub group: String,
    /// API version within the group (`v1`, `v1beta1`): the one the document was written in.
    pub version: String,
    /// The kind (`Deployment`).
    pub kind: String,
    /// `metadata.namespace`; `None` for cluster-scoped objects (the loader defaults namespaced
    /// kinds that have none).
    pub namespace: Option<String>,
    /// `metadata.name`, else `metadata.generateName` (an object the server has not named yet).
    pub name: String,
    /// `metadata.uid`: present on objects read from a cluster, absent on most manifests.
    pub uid: Option<String>,
    /// The whole document, less what construction removes (see above).
    pub raw: Value,
}

/// Why a document is not an object kubegraph can place in the graph.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ObjectError {
    /// The document is a scalar or an array, not a mapping.
    #[error("not a JSON/YAML object")]
    NotAnObject,
    /// No `kind`, or an empty one.
    #[error("object has no `kind`")]
    MissingKind,
    /// Neither `metadata.name` nor `metadata.generateName`.
    #[error("{kind} has no `metadata.name`")]
    MissingName {
        /// The kind of the nameless object.
        kind: String,
    },
}

/// An entry of `metadata.ownerReferences`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerRef {
    /// The owner's API group, canonical, from its `apiVersion`.
    pub group: String,
    /// The owner's kind.
    pub kind: String,
    /// The owner's name (in the dependent's namespace, or cluster-scoped).
    pub name: String,
    /// The owner's uid: what resolves the reference first when present.
    pub uid: Option<String>,
    /// `controller: true`: the owner is the dependent's managing controller.
    pub controller: bool,
    /// `blockOwnerDeletion: true`.
    pub block_owner_deletion: bool,
}

/// `apps/v1` → (`apps`, `v1`); `v1` → (``, `v1`).
pub fn split_api_version(api_version: &str) -> (&str, &str) {
    match api_version.rsplit_once('/') {
        Some((g, v)) => (g, v),
        None => ("", api_version),
    }
}

impl Object {
    /// Builds an object from a parsed document. `kind`/`apiVersion` may be supplied by the caller
    /// when the document lacks them (items of a typed `PodList`).
    pub fn from_value(mut raw: Value) -> Result<Object, ObjectError> {
        if !raw.is_object() {
            return Err(ObjectError::NotAnObject);
        }
        let kind = match raw.get("kind").and_then(|k| k.as_str()) {
            Some(k) if !k.is_empty() => k.to_string(),
            _ => return Err(ObjectError::MissingKind),
        };
        let api_version = raw.get("apiVersion").and_then(|v| v.as_str()).unwrap_or("");
        let (group, version) = split_api_version(api_version);
        let group = canonical_group(group, &kind).to_string();
        let version = version.to_string();

        // Reads first, writes only when needed: sonic-rs turns an object it is asked to mutate
        // from its compact parsed form into a map, which costs memory on every object.
        let (name, namespace, uid, managed) = match raw.get("metadata").and_then(|m| m.as_object())
        {
            Some(meta) => (
                str_field(meta, "name").or_else(|| str_field(meta, "generateName")),
                str_field(meta, "namespace"),
                str_field(meta, "uid"),
                meta.contains_key(&"managedFields"),
            ),
            None => (None, None, None, false),
        };
        if managed {
            if let Some(meta) = raw.get_mut("metadata").and_then(|m| m.as_object_mut()) {
                meta.remove(&"managedFields");
            }
        }
        let name = name.ok_or_else(|| ObjectError::MissingName { kind: kind.clone() })?;
        let mut obj = Object {
            group,
            version,
            kind,
            namespace,
            name,
            uid,
            raw,
        };
        if obj.group.is_empty() && obj.kind == "Secret" {
            redact_secret(&mut obj.raw);
        }
        Ok(obj)
    }

    /// Its group and kind.
    pub fn gk(&self) -> GroupKind {
        GroupKind::new(self.group.clone(), self.kind.clone())
    }

    /// Whether it is `kind` of `group` (`o.is("apps", "Deployment")`).
    pub fn is(&self, group: &str, kind: &str) -> bool {
        self.group == group && self.kind == kind
    }

    /// Sets the namespace, keeping `raw.metadata.namespace` in step.
    pub fn set_namespace(&mut self, namespace: Option<String>) {
        if let Some(meta) = self.raw.get_mut("metadata").and_then(|m| m.as_object_mut()) {
            match &namespace {
                Some(ns) => meta.insert(&"namespace", ns.as_str()),
                None => meta.remove(&"namespace"),
            };
        }
        self.namespace = namespace;
    }

    /// `metadata`, when it is a mapping.
    pub fn metadata(&self) -> Option<&Map> {
        self.raw.get("metadata").and_then(|m| m.as_object())
    }

    /// `metadata.labels`, when present.
    pub fn labels(&self) -> Option<&Map> {
        self.metadata()?.get(&"labels")?.as_object()
    }

    /// The label `key`, when present and a string.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels()?.get(&key)?.as_str()
    }

    /// The annotation `key`, when present and a string.
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.metadata()?.get(&"annotations")?.get(key)?.as_str()
    }

    /// `spec`, when present.
    pub fn spec(&self) -> Option<&Value> {
        self.raw.get("spec")
    }

    /// A value at a dotted path of plain keys (`spec.template.spec`).
    pub fn at(&self, path: &str) -> Option<&Value> {
        path.split('.').try_fold(&self.raw, |v, key| v.get(key))
    }

    /// True when the object came from a running cluster (it has a uid or a status), as opposed
    /// to a manifest. Some defaults (a pod's `default` service account) only hold for live objects.
    pub fn is_live(&self) -> bool {
        self.uid.is_some() || self.raw.get("status").is_some_and(|s| !s.is_null())
    }

    /// `metadata.ownerReferences`, each with at least a kind and a name (others are skipped).
    pub fn owner_refs(&self) -> Vec<OwnerRef> {
        let refs = self
            .metadata()
            .and_then(|m| m.get(&"ownerReferences"))
            .and_then(|r| r.as_array());
        let Some(refs) = refs else { return Vec::new() };
        refs.iter()
            .filter_map(|r| {
                let [kind, name, api_version, uid, controller, block] = json::fields(
                    r,
                    [
                        "kind",
                        "name",
                        "apiVersion",
                        "uid",
                        "controller",
                        "blockOwnerDeletion",
                    ],
                );
                let kind = kind?.as_str()?.to_string();
                let name = name?.as_str()?.to_string();
                let (group, _) =
                    split_api_version(api_version.and_then(|v| v.as_str()).unwrap_or(""));
                Some(OwnerRef {
                    group: canonical_group(group, &kind).to_string(),
                    kind,
                    name,
                    uid: uid.and_then(Value::as_str).map(str::to_string),
                    controller: controller.and_then(|v| v.as_bool()).unwrap_or(false),
                    block_owner_deletion: block.and_then(|v| v.as_bool()).unwrap_or(false),
                })
            })
            .collect()
    }

    /// Whether objects of this kind live in a namespace, for built-in kinds.
    pub fn builtin_namespaced(&self) -> Option<bool> {
        kinds::builtin(&self.group, &self.kind).map(|k| k.namespaced)
    }
}

fn str_field(meta: &Map, key: &str) -> Option<String> {
    meta.get(&key)
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn redact_secret(raw: &mut Value) {
    for field in ["data", "stringData"] {
        let Some(v) = raw.get_mut(field) else {
            continue;
        };
        match v.as_object_mut() {
            Some(m) => {
                for (_, value) in m.iter_mut() {
                    *value = Value::new();
                }
            }
            None => *v = Value::new(),
        }
    }
    if let Some(ann) = raw
        .ptr_mut("/metadata/annotations")
        .and_then(|a| a.as_object_mut())
    {
        for key in REDACTED_ANNOTATIONS {
            ann.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sonic_rs::json;

    #[test]
    fn identity_comes_from_metadata() {
        let o = Object::from_value(json!({
            "apiVersion": "extensions/v1beta1", "kind": "Deployment",
            "metadata": {"name": "web", "namespace": "shop", "uid": "u1", "managedFields": [{}]}
        }))
        .unwrap();
        assert_eq!((o.group.as_str(), o.version.as_str()), ("apps", "v1beta1"));
        assert_eq!(o.namespace.as_deref(), Some("shop"));
        assert_eq!(o.uid.as_deref(), Some("u1"));
        assert!(o.raw.ptr("/metadata/managedFields").is_none());
    }

    #[test]
    fn secret_values_never_survive() {
        let o = Object::from_value(json!({
            "apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "s", "annotations": {
                "kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"password\":\"aHVudGVyMg==\"}}",
                "team": "db"}},
            "data": {"password": "aHVudGVyMg=="},
            "stringData": {"token": "hunter2"}
        }))
        .unwrap();
        let text = o.raw.to_string();
        assert!(
            !text.contains("aHVudGVyMg") && !text.contains("hunter2"),
            "{text}"
        );
        assert_eq!(o.raw["data"], json!({"password": null}));
        assert_eq!(o.raw["stringData"], json!({"token": null}));
        assert_eq!(o.annotation("team"), Some("db"));
    }

    #[test]
    fn a_secret_like_kind_in_another_group_is_not_a_secret() {
        let o = Object::from_value(json!({
            "apiVersion": "bitnami.com/v1alpha1", "kind": "Secret",
            "metadata": {"name": "s"}, "data": {"k": "v"}
        }))
        .unwrap();
        assert_eq!(o.raw["data"]["k"], "v");
    }

    #[test]
    fn missing_kind_and_name_are_errors() {
        assert_eq!(
            Object::from_value(json!({"metadata": {"name": "x"}})),
            Err(ObjectError::MissingKind)
        );
        assert_eq!(
            Object::from_value(json!({"kind": "Pod", "metadata": {}})),
            Err(ObjectError::MissingName { kind: "Pod".into() })
        );
        assert_eq!(
            Object::from_value(json!([1])),
            Err(ObjectError::NotAnObject)
        );
    }

    #[test]
    fn owner_refs_carry_group_and_flags() {
        let o = Object::from_value(json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p", "ownerReferences": [
                {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs", "uid": "u", "controller": true}
            ]}
        }))
        .unwrap();
        let refs = o.owner_refs();
        assert_eq!(refs.len(), 1);
        assert_eq!(
            (refs[0].group.as_str(), refs[0].kind.as_str()),
            ("apps", "ReplicaSet")
        );
        assert!(refs[0].controller && !refs[0].block_owner_deletion);
    }
}
