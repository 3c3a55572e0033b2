use crate::Located;
use kubegraph_model::json::{JsonValueMutTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{kinds, Diagnostic, Location, Object, ObjectError};

/// Turns one parsed document into objects: arrays and `List`s are expanded, missing kinds are
/// inferred where the input says what they are, and anything else that is not an object becomes
/// a diagnostic.
pub(crate) fn expand(
    mut value: Value,
    loc: &Location,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    if value.is_array() {
        for item in value.into_array().into_iter().flatten() {
            expand(item, loc, out, diags);
        }
        return;
    }
    if value.is_null() {
        return;
    }
    if !value.is_object() {
        let mut d = Diagnostic::new(format!(
            "expected a Kubernetes object, found {}; skipped",
            type_name(&value)
        ));
        if value.as_str().is_some_and(is_kubectl_table) {
            d = d.hint("this is the table `kubectl get` prints; ask it for YAML or JSON: `kubectl get ... -o yaml | kubegraph -f - ...`");
        }
        diags.push(d.at(loc.clone()).skipped());
        return;
    }
    let kind = value
        .get("kind")
        .and_then(|k| k.as_str())
        .unwrap_or("")
        .to_string();
    if is_list(&value) {
        let items = value
            .get_mut("items")
            .map(Value::take)
            .and_then(Value::into_array);
        let header = ListHeader::new(&kind, value.get("apiVersion").and_then(|v| v.as_str()));
        for item in items.into_iter().flatten() {
            expand_item(&header, item, loc, out, diags);
        }
        return;
    }
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
                .hint("add `apiVersion` and `kind`, or wrap typed items in a `<Kind>List`")
                .skipped(),
        ),
        Err(e) => diags.push(
            Diagnostic::new(format!("{e}; skipped"))
                .at(loc.clone())
                .skipped(),
        ),
    }
}

/// `NAME  READY  STATUS ...` (or `NAMESPACE  NAME ...`): a `kubectl get` table, which YAML
/// reads as one string.
fn is_kubectl_table(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next();
    matches!(first, Some("NAME" | "NAMESPACE"))
        && words
            .next()
            .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

/// A `List` or `*List` (`PodList`): a `kind` ending in `List`, an `items` array, and no name of
/// its own (a custom kind may end in `List` too).
pub(crate) fn is_list(value: &Value) -> bool {
    let kind = value.get("kind").and_then(|k| k.as_str()).unwrap_or("");
    kind.ends_with("List")
        && value.get("items").is_some_and(|i| i.is_array())
        && value.ptr("/metadata/name").is_none()
}

/// What a list says about its items: a typed list's item kind, and its `apiVersion`.
pub(crate) struct ListHeader {
    item_kind: Option<String>,
    api_version: Option<String>,
}

impl ListHeader {
    pub(crate) fn new(list_kind: &str, api_version: Option<&str>) -> Self {
        let item_kind = list_kind
            .strip_suffix("List")
            .filter(|k| !k.is_empty())
            .map(str::to_string);
        ListHeader {
            item_kind,
            api_version: api_version.map(str::to_string),
        }
    }
}

/// One item of a list: items of a typed list (`PodList`) may lack `kind` and `apiVersion`.
pub(crate) fn expand_item(
    header: &ListHeader,
    mut item: Value,
    loc: &Location,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) {
    // Asking for a mutable object converts it out of its compact form: only when it lacks a kind.
    let needs_kind = item.is_object() && item.get("kind").is_none();
    if let (true, Some(kind), Some(obj)) = (needs_kind, &header.item_kind, item.as_object_mut()) {
        obj.insert(&"kind", kind.as_str());
        if let (false, Some(av)) = (obj.contains_key(&"apiVersion"), &header.api_version) {
            obj.insert(&"apiVersion", av.as_str());
        }
    }
    expand(item, loc, out, diags);
}

/// client-go serializes typed objects without `kind`/`apiVersion`; their `selfLink`
/// (`/api/v1/namespaces/x/pods/y`) still names the resource.
fn infer_kind_from_self_link(value: &mut Value) {
    let Some(link) = value.ptr("/metadata/selfLink").and_then(|l| l.as_str()) else {
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
    set_kind(value, info.kind, &api_version);
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
    set_kind(value, info.kind, &version);
}

fn set_kind(value: &mut Value, kind: &str, api_version: &str) {
    if let Some(m) = value.as_object_mut() {
        m.insert(&"kind", kind);
        if !m.contains_key(&"apiVersion") {
            m.insert(&"apiVersion", api_version);
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    if v.is_boolean() {
        "a boolean"
    } else if v.is_number() {
        "a number"
    } else if v.is_str() {
        "a string"
    } else {
        "a value"
    }
}
