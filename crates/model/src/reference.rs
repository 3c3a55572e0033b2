//! [`ObjectRef`]: one object named the ways people and tools name it.
//!
//! | form | example | where |
//! |---|---|---|
//! | label ([`Display`](std::fmt::Display)) | `Pod shop/web`, `StorageClass fast` | every message, tree and table |
//! | qualified label (`{:#}`) | `storage.k8s.io/StorageClass fast` | where kinds of two groups meet |
//! | target ([`ObjectRef::spelled`]) | `pod/shop/web`, `storageclass/fast` | what to type to name it |
//! | id ([`ObjectRef::id`]) | `demo/core/Pod/shop/web`, `demo/storage.k8s.io/StorageClass/_/fast` | `export -o json`, the API |
//!
//! [`ObjectRef::from_str`](std::str::FromStr) reads all of them back.

use crate::kinds::GroupKind;
use crate::Object;
use std::fmt;

/// A reference to one object: its kind (with the group when known), namespace and name, and the
/// cluster when it came from an id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectRef {
    /// The cluster, when the reference names one (ids do).
    pub cluster: Option<String>,
    /// The API group (`""` for core), when the reference names one.
    pub group: Option<String>,
    /// The kind as written: `Pod` in a label or id, `pod` or `deploy` in a typed target.
    pub kind: String,
    /// The namespace; `None` for cluster-scoped objects.
    pub namespace: Option<String>,
    /// The object's name.
    pub name: String,
}

/// Why a text names no object.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RefError {
    /// Nothing but spaces.
    #[error("empty reference")]
    Empty,
    /// `a//b`.
    #[error("`{0}` has an empty part between slashes")]
    EmptyPart(String),
    /// A bare name, with no kind.
    #[error("`{0}` names no kind (write kind/namespace/name or kind/name)")]
    NoKind(String),
    /// More parts than any form has.
    #[error("`{0}` has too many parts")]
    TooManyParts(String),
}

impl ObjectRef {
    /// The reference of a loaded object (group known, no cluster).
    pub fn of(o: &Object) -> ObjectRef {
        ObjectRef {
            cluster: None,
            group: Some(o.group.clone()),
            kind: o.kind.clone(),
            namespace: o.namespace.clone(),
            name: o.name.clone(),
        }
    }

    /// How a user names it as a target: `deployment/shop/web`, `node/ip-10-0-1-7`.
    pub fn spelled(&self) -> String {
        let kind = self.kind.to_lowercase();
        match &self.namespace {
            Some(ns) => format!("{kind}/{ns}/{}", self.name),
            None => format!("{kind}/{}", self.name),
        }
    }

    /// The id `export -o json` gives it in `cluster`: `cluster/group/Kind/namespace/name`, with
    /// `core` for the core group and `_` for no namespace.
    pub fn id(&self, cluster: &str) -> String {
        let group = match self.group.as_deref() {
            None | Some("") => "core",
            Some(g) => g,
        };
        let ns = self.namespace.as_deref().unwrap_or("_");
        format!("{cluster}/{group}/{}/{ns}/{}", self.kind, self.name)
    }

    /// Group and kind, when the group is known.
    pub fn group_kind(&self) -> Option<GroupKind> {
        self.group
            .as_ref()
            .map(|g| GroupKind::new(g.clone(), self.kind.clone()))
    }
}

impl fmt::Display for ObjectRef {
    /// `Pod shop/web`; with `{:#}`, the group too (`apps/Deployment shop/web`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.group, f.alternate()) {
            (Some(g), true) if !g.is_empty() => write!(f, "{g}/{}", self.kind)?,
            _ => f.write_str(&self.kind)?,
        }
        match &self.namespace {
            Some(ns) => write!(f, " {ns}/{}", self.name),
            None => write!(f, " {}", self.name),
        }
    }
}

impl std::str::FromStr for ObjectRef {
    type Err = RefError;

    /// Reads a label (`Pod shop/web`, `apps/Deployment shop/web`, `StorageClass fast`), a target
    /// (`pod/shop/web`, `apps/Deployment/shop/web`, `node/n1`) or an id
    /// (`demo/core/Pod/shop/web`, `demo/core/Node/_/n1`).
    fn from_str(s: &str) -> Result<ObjectRef, RefError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(RefError::Empty);
        }
        let parts = |text: &str| -> Result<Vec<String>, RefError> {
            let parts: Vec<String> = text.split('/').map(str::to_string).collect();
            if parts.iter().any(String::is_empty) {
                return Err(RefError::EmptyPart(s.to_string()));
            }
            Ok(parts)
        };
        if let Some((kind, rest)) = s.split_once(char::is_whitespace) {
            let kind = parts(kind)?;
            let (group, kind) = match kind.as_slice() {
                [k] => (None, k.clone()),
                [g, k] => (Some(g.clone()), k.clone()),
                _ => return Err(RefError::TooManyParts(s.to_string())),
            };
            let (namespace, name) = match parts(rest.trim())?.as_slice() {
                [name] => (None, name.clone()),
                [ns, name] => (Some(ns.clone()), name.clone()),
                _ => return Err(RefError::TooManyParts(s.to_string())),
            };
            return Ok(ObjectRef {
                cluster: None,
                group,
                kind,
                namespace,
                name,
            });
        }
        let r = |cluster: Option<&String>,
                 group: Option<&String>,
                 kind: &String,
                 ns: Option<&String>,
                 name: &String| ObjectRef {
            cluster: cluster.cloned(),
            group: group.cloned(),
            kind: kind.clone(),
            namespace: ns.cloned(),
            name: name.clone(),
        };
        match parts(s)?.as_slice() {
            [_] => Err(RefError::NoKind(s.to_string())),
            [kind, name] => Ok(r(None, None, kind, None, name)),
            [kind, ns, name] => Ok(r(None, None, kind, Some(ns), name)),
            [group, kind, ns, name] => Ok(r(None, Some(group), kind, Some(ns), name)),
            [cluster, group, kind, ns, name] => {
                let core = String::new();
                let group = if group == "core" { &core } else { group };
                let ns = (ns != "_").then_some(ns);
                Ok(r(Some(cluster), Some(group), kind, ns, name))
            }
            _ => Err(RefError::TooManyParts(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod() -> ObjectRef {
        ObjectRef {
            cluster: None,
            group: Some(String::new()),
            kind: "Pod".into(),
            namespace: Some("shop".into()),
            name: "web".into(),
        }
    }

    #[test]
    fn prints_each_form() {
        let p = pod();
        assert_eq!(p.to_string(), "Pod shop/web");
        assert_eq!(p.spelled(), "pod/shop/web");
        assert_eq!(p.id("demo"), "demo/core/Pod/shop/web");
        let sc = ObjectRef {
            group: Some("storage.k8s.io".into()),
            kind: "StorageClass".into(),
            namespace: None,
            name: "fast".into(),
            cluster: None,
        };
        assert_eq!(sc.to_string(), "StorageClass fast");
        assert_eq!(format!("{sc:#}"), "storage.k8s.io/StorageClass fast");
        assert_eq!(format!("{:#}", pod()), "Pod shop/web");
        assert_eq!(sc.id("c"), "c/storage.k8s.io/StorageClass/_/fast");
    }

    #[test]
    fn reads_each_form_back() {
        let label: ObjectRef = "Pod shop/web".parse().unwrap();
        assert_eq!(
            (
                label.kind.as_str(),
                label.namespace.as_deref(),
                label.name.as_str()
            ),
            ("Pod", Some("shop"), "web")
        );
        assert_eq!(label.group, None);
        let target: ObjectRef = "pod/shop/web".parse().unwrap();
        assert_eq!(target.spelled(), "pod/shop/web");
        let id: ObjectRef = "demo/core/Pod/shop/web".parse().unwrap();
        assert_eq!(
            id,
            ObjectRef {
                cluster: Some("demo".into()),
                ..pod()
            }
        );
        let cluster_scoped: ObjectRef = "demo/storage.k8s.io/StorageClass/_/fast".parse().unwrap();
        assert_eq!(cluster_scoped.namespace, None);
        assert_eq!(
            cluster_scoped.id("demo"),
            "demo/storage.k8s.io/StorageClass/_/fast"
        );
        let grouped: ObjectRef = "apps/Deployment shop/web".parse().unwrap();
        assert_eq!(format!("{grouped:#}"), "apps/Deployment shop/web");
        let node: ObjectRef = "node/n1".parse().unwrap();
        assert_eq!(
            (node.kind.as_str(), node.namespace, node.name.as_str()),
            ("node", None, "n1")
        );
        let four: ObjectRef = "apps/Deployment/shop/web".parse().unwrap();
        assert_eq!(four.group.as_deref(), Some("apps"));
    }

    #[test]
    fn refuses_what_names_nothing() {
        assert_eq!("".parse::<ObjectRef>(), Err(RefError::Empty));
        assert!(matches!(
            "web".parse::<ObjectRef>(),
            Err(RefError::NoKind(_))
        ));
        assert!(matches!(
            "pod//web".parse::<ObjectRef>(),
            Err(RefError::EmptyPart(_))
        ));
        assert!(matches!(
            "a/b/c/d/e/f".parse::<ObjectRef>(),
            Err(RefError::TooManyParts(_))
        ));
    }
}
