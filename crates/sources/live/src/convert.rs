//! Server objects into kubegraph objects. Items of a list carry no `kind`/`apiVersion` (the
//! list does), so both are set from the resource type; `metadata.managedFields` is dropped
//! (by [`Object::from_value`]), so it never reaches the graph.

use crate::discovery::ResourceType;
use kube::core::{
    ApiResource, DynamicObject, DynamicResourceScope, ObjectMeta, PartialObjectMeta, TypeMeta,
};
use kubegraph_model::json::{JsonValueMutTrait, JsonValueTrait};
use kubegraph_model::Object;
use std::borrow::Cow;

/// An object as the server sent it: its JSON as a value (no typed round trip, which would drop
/// unknown fields and rewrite others), and the metadata kube's watcher reads (name, namespace,
/// resourceVersion).
#[derive(Clone, Debug)]
pub struct RawObject {
    metadata: ObjectMeta,
    value: sonic_rs::Value,
}

/// serde_json's name for a raw value: asked for a newtype struct of this name, its deserializer
/// hands over the value's text unparsed, as a one-entry map under this key. serde_json's own
/// `RawValue` works this way; it is spelled out here because `RawValue` cannot fall back to
/// anything else when the text is gone (a watch event whose `object` came before its `type`,
/// which serde buffers), and this can.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// An object's JSON text: borrowed from the input when serde_json has it whole (the usual
/// case), else written out from what serde buffered.
struct JsonText;

impl<'de> serde::de::Visitor<'de> for JsonText {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        match map.next_key::<Cow<'de, str>>()? {
            Some(key) if key == RAW_VALUE_TOKEN => map.next_value::<Borrowed<'de>>().map(|b| b.0),
            _ => Err(A::Error::custom("expected serde_json's raw value")),
        }
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        use serde::de::Error;
        let mut json = Vec::with_capacity(4096);
        serde_transcode::transcode(d, &mut serde_json::Serializer::new(&mut json))
            .map_err(D::Error::custom)?;
        String::from_utf8(json)
            .map(Cow::Owned)
            .map_err(D::Error::custom)
    }
}

/// A string, borrowed when the deserializer can lend it (`Cow<str>` alone always copies).
struct Borrowed<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Borrowed<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Borrowed<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Borrowed(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Borrowed(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Borrowed(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::Deserialize<'de> for RawObject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // The object's text, unparsed (serde_json only finds where it ends), then parsed once,
        // by sonic-rs.
        let json = d.deserialize_newtype_struct(RAW_VALUE_TOKEN, JsonText)?;
        let value: sonic_rs::Value = sonic_rs::from_str(&json).map_err(D::Error::custom)?;
        let meta = value.get("metadata");
        let text = |key: &str| {
            meta.and_then(|m| m.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let metadata = ObjectMeta {
            name: text("name"),
            generate_name: text("generateName"),
            namespace: text("namespace"),
            resource_version: text("resourceVersion"),
            uid: text("uid"),
            ..ObjectMeta::default()
        };
        Ok(RawObject { metadata, value })
    }
}

impl kube::Resource for RawObject {
    type DynamicType = ApiResource;
    type Scope = DynamicResourceScope;

    fn kind(dt: &ApiResource) -> Cow<'_, str> {
        dt.kind.as_str().into()
    }
    fn group(dt: &ApiResource) -> Cow<'_, str> {
        dt.group.as_str().into()
    }
    fn version(dt: &ApiResource) -> Cow<'_, str> {
        dt.version.as_str().into()
    }
    fn api_version(dt: &ApiResource) -> Cow<'_, str> {
        dt.api_version.as_str().into()
    }
    fn plural(dt: &ApiResource) -> Cow<'_, str> {
        dt.plural.as_str().into()
    }
    fn meta(&self) -> &ObjectMeta {
        &self.metadata
    }
    fn meta_mut(&mut self) -> &mut ObjectMeta {
        &mut self.metadata
    }
}

impl RawObject {
    /// The metadata kube read from it.
    pub fn metadata(&self) -> &ObjectMeta {
        &self.metadata
    }
}

/// A full object of any kind, with `kind` and `apiVersion` from the resource type when the
/// server left them out (list items).
pub fn from_raw(o: RawObject, rt: &ResourceType) -> Option<Object> {
    let mut value = o.value;
    let obj = value.as_object_mut()?;
    if !obj.contains_key(&"kind") {
        obj.insert(&"kind", rt.kind.as_str());
    }
    if !obj.contains_key(&"apiVersion") {
        obj.insert(&"apiVersion", rt.api_version().as_str());
    }
    Object::from_value(value).ok()
}

/// A Secret (or anything watched as metadata only): `apiVersion`, `kind` and `metadata`.
pub fn from_metadata(mut m: PartialObjectMeta<DynamicObject>, rt: &ResourceType) -> Option<Object> {
    m.types = Some(type_meta(rt));
    m.metadata.managed_fields = None;
    let raw: sonic_rs::Value = sonic_rs::from_slice(&serde_json::to_vec(&m).ok()?).ok()?;
    Object::from_value(raw).ok()
}

fn type_meta(rt: &ResourceType) -> TypeMeta {
    TypeMeta {
        api_version: rt.api_version(),
        kind: rt.kind.clone(),
    }
}

/// The identity of an object within its resource type.
pub type ObjectKey = (Option<String>, String);

/// The identity of a deleted object as the watch reports it.
pub fn key_of_meta(meta: &kube::core::ObjectMeta) -> Option<ObjectKey> {
    let name = meta.name.clone().or_else(|| meta.generate_name.clone())?;
    Some((meta.namespace.clone().filter(|n| !n.is_empty()), name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pods() -> ResourceType {
        ResourceType {
            group: String::new(),
            version: "v1".into(),
            kind: "Pod".into(),
            plural: "pods".into(),
            singular: "pod".into(),
            short_names: vec!["po".into()],
            namespaced: true,
        }
    }

    #[test]
    fn list_items_get_kind_and_api_version_and_keep_every_field() {
        let text = r#"{"metadata":{"name":"p","namespace":"a","resourceVersion":"7","ownerReferences":[{"kind":"ReplicaSet","name":"r","apiVersion":"apps/v1"}],"managedFields":[{"manager":"x"}],"futureField":1},"spec":{"x":[1,2]}}"#;
        let raw: RawObject = serde_json::from_str(text).unwrap();
        assert_eq!(raw.metadata().resource_version.as_deref(), Some("7"));
        let o = from_raw(raw, &pods()).unwrap();
        assert_eq!(
            (o.kind.as_str(), o.version.as_str(), o.name.as_str()),
            ("Pod", "v1", "p")
        );
        assert_eq!(o.namespace.as_deref(), Some("a"));
        let back = o.raw.to_string();
        assert!(back.contains(r#""futureField":1"#), "{back}");
        assert!(!back.contains("managedFields"), "{back}");
        assert!(
            !back.contains(r#""uid""#),
            "an owner reference gains no uid: {back}"
        );
    }

    #[test]
    fn a_watch_event_with_its_object_first_still_reads() {
        let line = r#"{"object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","resourceVersion":"9"}},"type":"ADDED"}"#;
        let e: kube::core::WatchEvent<RawObject> = serde_json::from_str(line).unwrap();
        let kube::core::WatchEvent::Added(raw) = e else {
            panic!("not an ADDED event")
        };
        assert_eq!(raw.metadata().resource_version.as_deref(), Some("9"));
        let o = from_raw(raw, &pods()).unwrap();
        assert_eq!(
            o.raw.to_string(),
            r#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","resourceVersion":"9"}}"#
        );
    }
}
