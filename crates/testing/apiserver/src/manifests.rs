//! Reading manifests and dumps from disk, and loading them into a server the way a cluster
//! would hold them (for the binary, and for tests that start from real files).
//!
//! Accepts files and directories (recursively: `.yaml`, `.yml`, `.json`), multi-document YAML,
//! JSON (one value or several concatenated), and `List`/`*List` documents whose items may lack
//! `kind`/`apiVersion` (a typed `kubectl get -o json` dump).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::{ApplyError, ResourceType, TestApiServer};

/// Why manifests could not be read: a path that cannot be read at all.
#[derive(Debug)]
pub enum ManifestError {
    /// A file or folder that cannot be read.
    Unreadable {
        /// Which.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::Unreadable { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for ManifestError {}

/// What reading produced: objects in file order, and one warning per document that could not
/// be read (the rest still loads).
#[derive(Debug, Default)]
pub struct Manifests {
    /// The objects, list items expanded, in file order.
    pub objects: Vec<Value>,
    /// One line per document that could not be read, naming its file.
    pub warnings: Vec<String>,
}

/// Reads every path. Only a path that cannot be read at all is an error.
pub fn read(paths: &[PathBuf]) -> Result<Manifests, ManifestError> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    let mut manifests = Manifests::default();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|error| ManifestError::Unreadable {
            path: file.clone(),
            error,
        })?;
        let name = file.display().to_string();
        let is_json = file.extension().is_some_and(|e| e == "json");
        let documents = if is_json {
            json_documents(&name, &text, &mut manifests.warnings)
        } else {
            yaml_documents(&name, &text, &mut manifests.warnings)
        };
        for document in documents {
            expand(document, &mut manifests.objects);
        }
    }
    Ok(manifests)
}

/// What the files under `paths` look like now (name, size, modification time), to notice an
/// edit without reading everything again.
pub fn fingerprint(
    paths: &[PathBuf],
) -> Result<Vec<(PathBuf, u64, Option<std::time::SystemTime>)>, ManifestError> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    Ok(files
        .into_iter()
        .map(|file| {
            let meta = std::fs::metadata(&file).ok();
            let size = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            (file, size, modified)
        })
        .collect())
}

/// Objects loaded into a server from files, kept in step with the files: each
/// [`sync`](Synced::sync) applies what is new or changed and deletes what disappeared.
#[derive(Default)]
pub struct Synced {
    /// `(apiVersion, kind, namespace, name)` → the object as last applied.
    applied: std::collections::BTreeMap<(String, String, String, String), Value>,
}

/// What a [`Synced::sync`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Objects new or changed since the last sync, and so applied.
    pub applied: usize,
    /// Objects deleted: applied before, absent now.
    pub deleted: usize,
    /// What [`TestApiServer::load`] said: objects skipped, types guessed.
    pub warnings: Vec<String>,
}

impl Synced {
    /// Makes the server hold `objects`: applies those new or changed since the last sync and
    /// deletes those that were applied then and are not among them.
    pub fn sync(&mut self, server: &TestApiServer, objects: Vec<Value>) -> SyncReport {
        let identity = |o: &Value| {
            let field = |v: &Value| v.as_str().unwrap_or("").to_string();
            (
                field(&o["apiVersion"]),
                field(&o["kind"]),
                field(&o["metadata"]["namespace"]),
                field(&o["metadata"]["name"]),
            )
        };
        let mut now = std::collections::BTreeMap::new();
        for object in objects {
            now.insert(identity(&object), object);
        }
        let changed: Vec<Value> = now
            .iter()
            .filter(|(id, object)| self.applied.get(*id) != Some(*object))
            .map(|(_, object)| object.clone())
            .collect();
        let mut report = SyncReport {
            applied: changed.len(),
            ..SyncReport::default()
        };
        report.warnings = server.load(changed);
        for (api_version, kind, namespace, name) in
            self.applied.keys().filter(|id| !now.contains_key(*id))
        {
            let namespace = (!namespace.is_empty()).then_some(namespace.as_str());
            if server.delete(api_version, kind, namespace, name) {
                report.deleted += 1;
            }
        }
        self.applied = now;
        report
    }
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), ManifestError> {
    let unreadable = |error| ManifestError::Unreadable {
        path: path.to_path_buf(),
        error,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(unreadable)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let manifest = entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"));
        if entry.is_dir() || manifest {
            collect(&entry, files)?;
        }
    }
    Ok(())
}

fn yaml_documents(name: &str, text: &str, warnings: &mut Vec<String>) -> Vec<Value> {
    use serde::Deserialize;
    let mut documents = Vec::new();
    for (i, document) in serde_yaml_ng::Deserializer::from_str(text).enumerate() {
        match Value::deserialize(document) {
            Ok(Value::Null) => {}
            Ok(value) => documents.push(value),
            Err(e) => {
                warnings.push(format!("{name}: document {}: {e}", i + 1));
                // The YAML stream cannot be resumed after a syntax error.
                break;
            }
        }
    }
    documents
}

fn json_documents(name: &str, text: &str, warnings: &mut Vec<String>) -> Vec<Value> {
    let mut documents = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match value {
            Ok(Value::Array(items)) => documents.extend(items),
            Ok(value) => documents.push(value),
            Err(e) => {
                warnings.push(format!("{name}: {e}"));
                break;
            }
        }
    }
    documents
}

/// A `List` becomes its items, which get the kind and apiVersion the list implies when they
/// lack them.
fn expand(document: Value, out: &mut Vec<Value>) {
    let kind = document["kind"].as_str().unwrap_or("");
    let Some(item_kind) = kind.strip_suffix("List") else {
        out.push(document);
        return;
    };
    let Some(items) = document["items"].as_array() else {
        out.push(document);
        return;
    };
    let api_version = document["apiVersion"].clone();
    for item in items {
        let mut item = item.clone();
        if item_kind.is_empty() {
            expand(item, out);
            continue;
        }
        if item.get("kind").is_none() {
            item["kind"] = json!(item_kind);
        }
        if item.get("apiVersion").is_none() {
            item["apiVersion"] = api_version.clone();
        }
        out.push(item);
    }
}

impl TestApiServer {
    /// Loads objects as a cluster would hold them: CustomResourceDefinitions first (so their
    /// custom resources can be stored), a type guessed from the object for a kind still unknown
    /// (with a warning), and a `Namespace` for every namespace used but not defined. Returns
    /// one warning per object skipped or type guessed.
    pub fn load(&self, objects: Vec<Value>) -> Vec<String> {
        let mut warnings = Vec::new();
        let (crds, rest): (Vec<Value>, Vec<Value>) = objects
            .into_iter()
            .partition(|o| o["kind"] == "CustomResourceDefinition");
        let mut namespaces = std::collections::BTreeSet::new();
        for object in crds.into_iter().chain(rest) {
            let mut attempt = self.try_apply(object.clone());
            if let Err(ApplyError::UnknownKind { api_version, kind }) = &attempt {
                let guessed = guess_type(api_version, kind, &object);
                warnings.push(format!(
                    "no CustomResourceDefinition for {kind} ({api_version}): serving it as {} ({})",
                    guessed.plural,
                    if guessed.namespaced {
                        "namespaced"
                    } else {
                        "cluster-scoped"
                    }
                ));
                self.add_resource(guessed);
                attempt = self.try_apply(object.clone());
            }
            match attempt {
                Ok(_) => {
                    if let Some(ns) = self.stored_namespace(&object) {
                        namespaces.insert(ns);
                    }
                }
                Err(e) => warnings.push(format!(
                    "skipped {} {}: {e}",
                    object["kind"].as_str().unwrap_or("object"),
                    object["metadata"]["name"].as_str().unwrap_or("(no name)")
                )),
            }
        }
        let defined = self.names_of("", "namespaces");
        for ns in namespaces.difference(&defined) {
            self.apply(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}));
        }
        warnings
    }

    /// The namespace an applied object was stored in (`default` when it named none), or `None`
    /// for a cluster-scoped kind.
    fn stored_namespace(&self, object: &Value) -> Option<String> {
        let (group, version) = crate::split_api_version(object["apiVersion"].as_str()?);
        let state = self.inner.lock();
        let resource = state
            .registry
            .find_kind(group, version, object["kind"].as_str()?)?;
        if !resource.namespaced {
            return None;
        }
        let ns = object["metadata"]["namespace"]
            .as_str()
            .filter(|ns| !ns.is_empty());
        Some(ns.unwrap_or("default").to_string())
    }

    fn names_of(&self, group: &str, plural: &str) -> std::collections::BTreeSet<String> {
        let state = self.inner.lock();
        let rv = state.store.rv;
        state
            .store
            .snapshot(&(group.to_string(), plural.to_string()), None, rv, None)
            .map(|(key, _)| key.1.clone())
            .collect()
    }
}

/// A served type for a kind nobody defined: the plural English would give, namespaced when
/// the object names a namespace.
fn guess_type(api_version: &str, kind: &str, object: &Value) -> ResourceType {
    let (group, version) = crate::split_api_version(api_version);
    let lower = kind.to_lowercase();
    let plural = if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        format!("{lower}es")
    } else if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    };
    ResourceType {
        group: group.to_string(),
        version: version.to_string(),
        kind: kind.to_string(),
        plural,
        namespaced: object["metadata"]["namespace"].is_string(),
        verbs: ["get", "list", "watch"]
            .iter()
            .map(|v| v.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_expand_with_implied_kinds() {
        let mut out = Vec::new();
        expand(
            json!({"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "a"}}]}),
            &mut out,
        );
        expand(
            json!({"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}}]}),
            &mut out,
        );
        assert_eq!(
            out,
            vec![
                json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}),
                json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}}),
            ]
        );
    }

    #[test]
    fn guessed_plurals() {
        let plural = |kind: &str| guess_type("x/v1", kind, &json!({})).plural;
        assert_eq!(
            [
                plural("Gateway"),
                plural("Policy"),
                plural("Ingress"),
                plural("Mesh"),
                plural("Widget")
            ],
            ["gateways", "policies", "ingresses", "meshes", "widgets"]
        );
    }
}
