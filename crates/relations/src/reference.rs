use kubegraph_graph::Attrs;
use kubegraph_model::{EdgeKind, LabelSelector};
use serde_json::Value;

/// What an object points at, before it is resolved to a node.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// One object by identity. `namespace` is already scoped by the rule (`None` for
    /// cluster-scoped kinds).
    Object {
        /// The target's group.
        group: String,
        /// The target's kind.
        kind: String,
        /// The target's namespace (`None`: cluster-scoped).
        namespace: Option<String>,
        /// The target's name.
        name: String,
    },
    /// An owner: by uid when present, else by identity in the dependent's namespace, else
    /// cluster-scoped (owners of unknown kinds may be either).
    Owner {
        /// The owner's uid, when the reference gives one.
        uid: Option<String>,
        /// The owner's group.
        group: String,
        /// The owner's kind.
        kind: String,
        /// The dependent's namespace (`None` for a cluster-scoped dependent).
        namespace: Option<String>,
        /// The owner's name.
        name: String,
    },
    /// Pods (and, with `templates`, workloads by their pod template labels) in a namespace.
    Selector {
        /// The namespace selected in.
        namespace: String,
        /// What labels must hold.
        selector: LabelSelector,
        /// Whether workloads match by their pod template labels too.
        templates: bool,
    },
    /// A node kubegraph makes on demand: image, external host, RBAC user or group.
    Synthetic {
        /// The node's group (`kubegraph.dev`, `rbac.authorization.k8s.io`).
        group: &'static str,
        /// The node's kind (`Image`, `ExternalHost`, `User`, `Group`).
        kind: &'static str,
        /// Its name: the normalised image, the host, the user or group name.
        name: String,
    },
    /// The cluster's default StorageClass (annotated `is-default-class: "true"`), if any.
    DefaultStorageClass,
    /// Every cluster-scoped object of one kind (read from the source) whose own labels
    /// `selector` selects, except the referrer: the ClusterRoles an `aggregationRule` selects.
    Labeled {
        /// The targets' group.
        group: &'static str,
        /// The targets' kind.
        kind: &'static str,
        /// What their labels must match.
        selector: LabelSelector,
    },
    /// Existing objects whose name is `prefix` followed by an ordinal (a StatefulSet's claims).
    Ordinal {
        /// The targets' group.
        group: &'static str,
        /// The targets' kind.
        kind: &'static str,
        /// The targets' namespace.
        namespace: String,
        /// The name before the ordinal (`data-web-` for `data-web-0`, `data-web-1`, ...).
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

/// One reference an object's fields make: an edge of some kind to a target yet to be resolved.
/// Rules produce them from one object alone; building resolves them against the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// The edge it makes.
    pub edge: EdgeKind,
    /// The edge runs target → source (`owns`, `backs`, `provisions` are found on the dependent).
    pub reverse: bool,
    /// What it points at.
    pub target: Target,
    /// The attributes of the edge (merged with other references along the same edge).
    pub attrs: Attrs,
    /// What to do when the target is absent.
    pub missing: Missing,
}

impl Reference {
    /// An edge from the referring object to `target`, made a placeholder when absent.
    pub fn to(edge: EdgeKind, target: Target) -> Self {
        Reference {
            edge,
            reverse: false,
            target,
            attrs: Attrs::new(),
            missing: Missing::Placeholder,
        }
    }

    /// An edge from `target` to the referring object (a StatefulSet names its service; the
    /// service backs it).
    pub fn from(edge: EdgeKind, target: Target) -> Self {
        Reference {
            reverse: true,
            ..Reference::to(edge, target)
        }
    }

    /// The same reference with the attribute `key` set.
    pub fn attr(mut self, key: &'static str, value: impl Into<Value>) -> Self {
        self.attrs.insert(key, value.into());
        self
    }

    /// The same reference, making no edge (and no placeholder) when the target is absent.
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
