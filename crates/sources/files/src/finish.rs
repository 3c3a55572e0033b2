use crate::{LoadOptions, Loaded, Located};
use kubegraph_model::json::{JsonValueTrait, Path};
use kubegraph_model::{kinds, validate, Diagnostic, GroupKind, Object};
use rustc_hash::FxHashMap as HashMap;

/// Settles what needs the whole input: which kinds are namespaced (built-in knowledge plus the
/// `scope` of CustomResourceDefinitions in the input), default namespaces, and duplicates
/// (the last one read wins, with a warning naming both places). Then warns, at its place, about
/// every reference an object makes that the API server would reject ([`validate::problems`]).
pub(crate) fn finish(
    located: Vec<Located>,
    options: &LoadOptions,
    mut diagnostics: Vec<Diagnostic>,
) -> Loaded {
    let crd_scopes = crd_scopes(&located);
    let mut defaulted = Vec::new();
    let mut index: HashMap<(String, String, Option<String>, String), usize> = HashMap::default();
    let mut kept: Vec<Option<Located>> = Vec::with_capacity(located.len());
    for mut item in located {
        let namespaced = kinds::builtin(&item.object.group, &item.object.kind)
            .map(|k| k.namespaced)
            .or_else(|| crd_scopes.get(&item.object.gk()).copied());
        match namespaced {
            Some(true) if item.object.namespace.is_none() => {
                item.object
                    .set_namespace(Some(options.default_namespace.clone()));
                defaulted.push((
                    item.object.group.clone(),
                    item.object.kind.clone(),
                    item.object.name.clone(),
                ));
            }
            // The API server ignores a namespace on a cluster-scoped object; so do we.
            Some(false) if item.object.namespace.is_some() => item.object.set_namespace(None),
            _ => {}
        }
        let o = &item.object;
        let key = (
            o.group.clone(),
            o.kind.clone(),
            o.namespace.clone(),
            o.name.clone(),
        );
        if let Some(&previous) = index.get(&key) {
            let old = kept[previous].take().expect("indexed entries are present");
            diagnostics.push(
                Diagnostic::new(format!(
                    "{} {} appears again; this one replaces the one at {}",
                    o.gk(),
                    qualified(o),
                    old.location
                ))
                .at(item.location.clone()),
            );
        }
        index.insert(key, kept.len());
        kept.push(Some(item));
    }
    let objects = kept
        .into_iter()
        .flatten()
        .map(|l| {
            for p in validate::problems(&l.object) {
                diagnostics.push(
                    Diagnostic::new(format!(
                        "{} {}: {}: {}",
                        l.object.kind,
                        qualified(&l.object),
                        p.path,
                        p.message
                    ))
                    .at(l.location.clone())
                    .hint(p.hint),
                );
            }
            l.object
        })
        .collect();
    Loaded {
        objects,
        diagnostics,
        files: 0,
        defaulted,
    }
}

fn qualified(o: &Object) -> String {
    match &o.namespace {
        Some(ns) => format!("{ns}/{}", o.name),
        None => o.name.clone(),
    }
}

fn crd_scopes(located: &[Located]) -> HashMap<GroupKind, bool> {
    located
        .iter()
        .filter(|l| {
            l.object
                .is("apiextensions.k8s.io", "CustomResourceDefinition")
        })
        .filter_map(|l| {
            let spec = l.object.spec()?;
            let group = spec.get("group")?.as_str()?;
            let kind = spec.ptr("/names/kind")?.as_str()?;
            let namespaced = spec.get("scope").and_then(|s| s.as_str()) != Some("Cluster");
            Some((GroupKind::new(group, kind), namespaced))
        })
        .collect()
}
