use crate::Located;
use kubegraph_model::{kinds, Diagnostic, Location, Object, ObjectError};
use serde_json::Value;

/// Turns one parsed document into objects: arrays and `List`s are expanded, missing kinds are
/// inferred where the input says what they are, and anything else that is not an object becomes
/// a diagnostic.
pub(crate) fn expand(
    value: Value,
    loc: &Location,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    match value {
        Value::Array(items) => {
            for item in items {
                expand(item, loc, out, diags);
            }
        }
        Value::Object(mut map) => {
            let kind = map
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let is_list = kind.ends_with("List")
                && matches!(map.get("items"), Some(Value::Array(_)))
                && map.get("metadata").and_then(|m| m.get("name")).is_none();
            if is_list {
                let Some(Value::Array(items)) = map.remove("items") else {
                    unreachable!()
                };
                let item_kind = kind.strip_suffix("List").filter(|k| !k.is_empty());
                let api_version = map.get("apiVersion").cloned();
                for mut item in items {
                    if let Some(obj) = item.as_object_mut() {
                        if !obj.contains_key("kind") {
                            if let Some(k) = item_kind {
                                obj.insert("kind".into(), Value::String(k.to_string()));
                                if let (false, Some(av)) =
                                    (obj.contains_key("apiVersion"), &api_version)
                                {
                                    obj.insert("apiVersion".into(), av.clone());
                                }
                            }
                        }
                    }
                    expand(item, loc, out, diags);
                }
                return;
            }
            let mut value = Value::Object(map);
            if kind.is_empty() {
                infer_kind_from_self_link(&mut value);
            }
            if value.get("kind").is_none() {
                infer_kind_from_path(&mut value, &loc.file);
            }
            match Object::from_value(value) {
                Ok(object) => out.push(Located {
                    object,
                    location: loc.clone(),
                }),
                Err(ObjectError::MissingKind) => diags.push(
                    Diagnostic::new("object has no `kind` and nothing says what it is; skipped")
                        .at(loc.clone())
                        .hint("add `apiVersion` and `kind`, or wrap typed items in a `<Kind>List`"),
                ),
                Err(e) => diags.push(Diagnostic::new(format!("{e}; skipped")).at(loc.clone())),
            }
        }
        Value::Null => {}
        other => diags.push(
            Diagnostic::new(format!(
                "expected a Kubernetes object, found {}; skipped",
                type_name(&other)
            ))
            .at(loc.clone()),
        ),
    }
}

/// client-go serializes typed objects without `kind`/`apiVersion`; their `selfLink`
/// (`/api/v1/namespaces/x/pods/y`) still names the resource.
fn infer_kind_from_self_link(value: &mut Value) {
    let Some(link) = value.pointer("/metadata/selfLink").and_then(Value::as_str) else {
        return;
    };
    let Some((info, version)) = kinds::from_api_path(link) else {
        return;
    };
    let api_version = if info.group.is_empty() {
        version
    } else {
        format!("{}/{}", info.group, version)
    };
    if let Some(m) = value.as_object_mut() {
        m.insert("kind".into(), Value::String(info.kind.to_string()));
        m.entry("apiVersion").or_insert(Value::String(api_version));
    }
}

/// Dumps of typed objects are often laid out by resource (`pods/<name>.json`,
/// `config/pod/<namespace>/<name>.json`, `clusterroles/admin.json`): the file's parent or
/// grandparent folder, when it is a built-in kind's plural or lower-case name, says what the
/// object is. Only those two folders are looked at, so `namespaces/<ns>/widgets/x.json` is not
/// mistaken for a Namespace.
fn infer_kind_from_path(value: &mut Value, file: &str) {
    let mut dirs = std::path::Path::new(file).ancestors().skip(1);
    let found = dirs.by_ref().take(2).find_map(|dir| {
        let name = dir.file_name()?.to_str()?;
        kinds::BUILTIN.iter().find(|k| {
            k.group != kinds::SYNTHETIC_GROUP
                && (k.plural == name || k.kind.to_ascii_lowercase() == name)
        })
    });
    let Some(info) = found else { return };
    let version = if info.group.is_empty() {
        "v1".to_string()
    } else {
        format!("{}/v1", info.group)
    };
    if let Some(m) = value.as_object_mut() {
        m.insert("kind".into(), Value::String(info.kind.to_string()));
        m.entry("apiVersion").or_insert(Value::String(version));
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
