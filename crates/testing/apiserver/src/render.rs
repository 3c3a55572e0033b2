//! How a stored object is shown: at the version it was asked for, whole or metadata only.
//!
//! Views are assembled from JSON each stored object serialized once ([`Stored`]), so a list
//! page or a watch event costs a few copies, not a serialization.

use axum::body::Bytes;
use serde_json::Value;

use crate::registry::group_version;
use crate::store::Stored;
use crate::ResourceType;

pub(crate) const META_API_VERSION: &str = "meta.k8s.io/v1";

/// The representation a request asked for.
#[derive(Clone)]
pub(crate) struct View {
    api_version: String,
    kind: String,
    pub(crate) metadata_only: bool,
}

impl View {
    pub(crate) fn new(resource: &ResourceType, metadata_only: bool) -> View {
        View {
            api_version: group_version(&resource.group, &resource.version),
            kind: resource.kind.clone(),
            metadata_only,
        }
    }

    /// `(kind, apiVersion)` of single objects in this view.
    pub(crate) fn type_meta(&self) -> (&str, &str) {
        if self.metadata_only {
            ("PartialObjectMetadata", META_API_VERSION)
        } else {
            (&self.kind, &self.api_version)
        }
    }

    /// `(kind, apiVersion)` of a list in this view.
    pub(crate) fn list_type_meta(&self) -> (String, &str) {
        if self.metadata_only {
            ("PartialObjectMetadataList".to_string(), META_API_VERSION)
        } else {
            (format!("{}List", self.kind), &self.api_version)
        }
    }

    /// `{"kind":..,"apiVersion":..` without the closing brace.
    fn open_object(&self, out: &mut Vec<u8>) {
        let (kind, api_version) = self.type_meta();
        out.extend_from_slice(b"{\"kind\":");
        out.extend_from_slice(&serde_json::to_vec(kind).expect("strings serialize"));
        out.extend_from_slice(b",\"apiVersion\":");
        out.extend_from_slice(&serde_json::to_vec(api_version).expect("strings serialize"));
    }

    /// A single object (get, watch event), `kind` and `apiVersion` first.
    pub(crate) fn object_json(&self, stored: &Stored, out: &mut Vec<u8>) {
        self.open_object(out);
        if self.metadata_only {
            out.extend_from_slice(b",\"metadata\":");
            out.extend_from_slice(stored.metadata_json());
            out.push(b'}');
            return;
        }
        // The item is `{...}`: splice its fields after the type fields.
        let item = stored.item_json();
        if item.len() > 2 {
            out.push(b',');
        }
        out.extend_from_slice(&item[1..]);
    }

    /// A list item: like the real server's typed lists, items carry no `kind`/`apiVersion`;
    /// metadata-only items do (they are `PartialObjectMetadata` objects).
    pub(crate) fn list_item_json(&self, stored: &Stored, out: &mut Vec<u8>) {
        if self.metadata_only {
            self.object_json(stored, out);
        } else {
            out.extend_from_slice(stored.item_json());
        }
    }

    /// A single object as a JSON value (for tests of the views).
    #[cfg(test)]
    fn object(&self, stored: &Stored) -> Value {
        let mut out = Vec::new();
        self.object_json(stored, &mut out);
        serde_json::from_slice(&out).expect("views are JSON")
    }
}

/// A watch event line, `{"type":..,"object":..}` and a newline, around an object's JSON.
pub(crate) fn event_line_raw(event_type: &str, object_json: impl FnOnce(&mut Vec<u8>)) -> Bytes {
    let mut line = Vec::with_capacity(256);
    line.extend_from_slice(b"{\"type\":\"");
    line.extend_from_slice(event_type.as_bytes());
    line.extend_from_slice(b"\",\"object\":");
    object_json(&mut line);
    line.extend_from_slice(b"}\n");
    Bytes::from(line)
}

/// A watch event line around a JSON value (bookmarks, errors).
pub(crate) fn event_line(event_type: &str, object: &Value) -> Bytes {
    event_line_raw(event_type, |out| {
        out.extend_from_slice(&serde_json::to_vec(object).expect("JSON values serialize"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pods() -> ResourceType {
        ResourceType {
            group: String::new(),
            version: "v1".into(),
            kind: "Pod".into(),
            plural: "pods".into(),
            namespaced: true,
            verbs: vec![],
        }
    }

    #[test]
    fn views_of_a_stored_object() {
        let stored = Stored::new(json!({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p"}, "spec": {"x": 1}}));
        let full = View::new(&pods(), false);
        assert_eq!(
            full.object(&stored),
            json!({"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "p"}, "spec": {"x": 1}})
        );
        let mut item = Vec::new();
        full.list_item_json(&stored, &mut item);
        assert_eq!(
            serde_json::from_slice::<Value>(&item).unwrap(),
            json!({"metadata": {"name": "p"}, "spec": {"x": 1}})
        );
        let meta = View::new(&pods(), true);
        assert_eq!(
            meta.object(&stored),
            json!({"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": {"name": "p"}})
        );
        // An object with nothing but its type still renders as valid JSON.
        let bare = Stored::new(json!({"apiVersion": "v1", "kind": "Pod"}));
        assert_eq!(
            full.object(&bare),
            json!({"kind": "Pod", "apiVersion": "v1"})
        );
        let line = event_line_raw("ADDED", |out| full.object_json(&stored, out));
        assert_eq!(
            serde_json::from_slice::<Value>(&line).unwrap()["object"]["spec"],
            json!({"x": 1})
        );
        assert_eq!(line.last(), Some(&b'\n'));
    }
}
