use kubegraph_graph::Attrs;
use kubegraph_model::{EdgeKind, LabelSelector};
use serde_json::Value;

/// What an object points at, before it is resolved to a node.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// One object by identity. `namespace` is already scoped by the rule (`None` for
    /// cluster-scoped kinds).
    Object {
        group: String,
        kind: String,
        namespace: Option<String>,
        name: String,
    },
    /// An owner: by uid when present, else by identity in the dependent's namespace, else
    /// cluster-scoped (owners of unknown kinds may be either).
    Owner {
        uid: Option<String>,
        group: String,
        kind: String,
        namespace: Option<String>,
        name: String,
    },
    /// Pods (and, with `templates`, workloads by their pod template labels) in a namespace.
    Selector {
        namespace: String,
        selector: LabelSelector,
        templates: bool,
    },
    /// A node kubegraph makes on demand: image, external host, RBAC user or group.
    Synthetic {
        group: &'static str,
        kind: &'static str,
        name: String,
    },
    /// The cluster's default StorageClass (annotated `is-default-class: "true"`), if any.
    DefaultStorageClass,
    /// Every cluster-scoped object of one kind (read from the source) whose own labels
    /// `selector` selects, except the referrer: the ClusterRoles an `aggregationRule` selects.
    Labeled {
        group: &'static str,
        kind: &'static str,
        selector: LabelSelector,
    },
    /// Existing objects whose name is `prefix` followed by an ordinal (a StatefulSet's claims).
    Ordinal {
        group: &'static str,
        kind: &'static str,
        namespace: String,
        prefix: String,
    },
}

/// What to do when an [`Target::Object`] or [`Target::Owner`] is not in the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Make a placeholder node (`missing = true`): the absence is worth seeing.
    Placeholder,
    /// Make no edge: absence is normal (an Endpoints object a manifest set does not have).
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub edge: EdgeKind,
    /// The edge runs target → source (`owns`, `backs`, `provisions` are found on the dependent).
    pub reverse: bool,
    pub target: Target,
    pub attrs: Attrs,
    pub missing: Missing,
}

impl Reference {
    pub fn to(edge: EdgeKind, target: Target) -> Self {
        Reference {
            edge,
            reverse: false,
            target,
            attrs: Attrs::new(),
            missing: Missing::Placeholder,
        }
    }

    pub fn from(edge: EdgeKind, target: Target) -> Self {
        Reference {
            reverse: true,
            ..Reference::to(edge, target)
        }
    }

    pub fn attr(mut self, key: &'static str, value: impl Into<Value>) -> Self {
        self.attrs.insert(key, value.into());
        self
    }

    pub fn skip_missing(mut self) -> Self {
        self.missing = Missing::Skip;
        self
    }
}

/// Shorthand for a [`Target::Object`].
pub fn object(group: &str, kind: &str, namespace: Option<&str>, name: &str) -> Target {
    Target::Object {
        group: group.to_string(),
        kind: kind.to_string(),
        namespace: namespace.map(str::to_string),
        name: name.to_string(),
    }
}
