//! Discovery: every resource type the server offers that can be listed and watched, in the
//! group's preferred version (or, for a resource only another version serves, the first version
//! that has it, as kubectl does), without subresources (`pods/log`, `deployments/scale`).

use futures::future::join_all;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{APIGroup, APIResourceList};
use kube::core::ApiResource;
use kube::Client;
use std::fmt;

/// A resource type to list and watch.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceType {
    /// `""` for the core group.
    pub group: String,
    /// The version listed and watched: the group's preferred one when it serves the resource.
    pub version: String,
    /// The kind of its objects.
    pub kind: String,
    /// The resource name in URLs: `pods`, `deployments`.
    pub plural: String,
    /// `pod`, `deployment` (what `--kinds` also accepts).
    pub singular: String,
    /// `po`, `deploy` (what `--kinds` also accepts).
    pub short_names: Vec<String>,
    /// Whether its objects live in namespaces.
    pub namespaced: bool,
}

impl ResourceType {
    /// `v1`, `apps/v1`: as objects write it.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }

    /// The resource as kube's dynamic API takes it.
    pub fn api_resource(&self) -> ApiResource {
        ApiResource {
            group: self.group.clone(),
            version: self.version.clone(),
            api_version: self.api_version(),
            kind: self.kind.clone(),
            plural: self.plural.clone(),
        }
    }

    /// Core Secrets: listed and watched as metadata only.
    pub fn is_secret(&self) -> bool {
        self.group.is_empty() && self.kind == "Secret"
    }

    /// Core and `events.k8s.io` Events: kept with bounded retention.
    pub fn is_event(&self) -> bool {
        self.kind == "Event" && (self.group.is_empty() || self.group == "events.k8s.io")
    }

    /// CustomResourceDefinitions: a change to one re-runs discovery.
    pub fn is_crd(&self) -> bool {
        self.group == "apiextensions.k8s.io" && self.kind == "CustomResourceDefinition"
    }
}

/// As kubectl names resource types: `pods`, `deployments.apps`.
impl fmt::Display for ResourceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.group.is_empty() {
            f.write_str(&self.plural)
        } else {
            write!(f, "{}.{}", self.plural, self.group)
        }
    }
}

/// What discovery found: the resource types, and the groups it could not read (name, cause) (an aggregated
/// API whose backing service is down answers 503; the rest of the cluster is still usable).
#[derive(Debug, Default)]
pub struct Discovered {
    /// The resource types to list and watch.
    pub resources: Vec<ResourceType>,
    /// The groups that could not be read, each with why.
    pub failed_groups: Vec<(String, String)>,
}

/// Core `v1` Events and `events.k8s.io` Events are one stored object served through two APIs:
/// watching both would make every event two nodes. Core wins, as `kubectl get events` reads
/// it; `events.k8s.io` is kept only when core Events are not wanted (or not served).
pub fn drop_duplicate_events(wanted: &mut Vec<ResourceType>) {
    if wanted.iter().any(|r| r.is_event() && r.group.is_empty()) {
        wanted.retain(|r| !(r.is_event() && r.group == "events.k8s.io"));
    }
}

/// Runs discovery. Failing to read the core group or the group list fails the whole discovery
/// (the server is unreachable or refuses us); a failing group is only noted.
pub async fn discover(client: &Client) -> Result<Discovered, kube::Error> {
    let core_versions = client.list_core_api_versions().await?;
    let groups = client.list_api_groups().await?;
    let mut out = Discovered::default();

    // The core group: its (only) version, `v1`.
    let core = core_versions
        .versions
        .first()
        .cloned()
        .unwrap_or_else(|| "v1".into());
    let list = client.list_core_api_resources(&core).await?;
    add_version(&mut out.resources, "", &core, &list);

    // Every version of every group at once; per group, the preferred version first.
    let ordered: Vec<(String, Vec<String>)> = groups.groups.iter().map(versions_in_order).collect();
    let requests = ordered.iter().flat_map(|(group, versions)| {
        versions.iter().map(move |v| async move {
            let gv = format!("{group}/{v}");
            (group, v, client.list_api_group_resources(&gv).await)
        })
    });
    let answers = join_all(requests).await;
    for (group, v, answer) in answers {
        match answer {
            Ok(list) => add_version(&mut out.resources, group, v, &list),
            Err(e) => {
                if !out.failed_groups.iter().any(|(g, _)| g == group) {
                    out.failed_groups
                        .push((group.clone(), format!("{v}: {}", short_error(&e))));
                }
            }
        }
    }
    out.resources.sort();
    Ok(out)
}

/// The preferred version first, then the others as the server lists them (newest first).
fn versions_in_order(g: &APIGroup) -> (String, Vec<String>) {
    let preferred = g.preferred_version.as_ref().map(|p| p.version.clone());
    let mut versions: Vec<String> = preferred.iter().cloned().collect();
    for v in &g.versions {
        if !versions.contains(&v.version) {
            versions.push(v.version.clone());
        }
    }
    (g.name.clone(), versions)
}

/// Adds the listable, watchable resources of one group version that an earlier (more
/// preferred) version of the group has not already given.
fn add_version(out: &mut Vec<ResourceType>, group: &str, version: &str, list: &APIResourceList) {
    for r in &list.resources {
        if r.name.contains('/') {
            continue; // a subresource: pods/log, deployments/scale
        }
        let verbs = |v: &str| r.verbs.iter().any(|x| x == v);
        if !(verbs("list") && verbs("watch")) {
            continue;
        }
        // A resource may declare its own group/version (rare: served under another group).
        let group = r.group.as_deref().unwrap_or(group);
        let version = r.version.as_deref().unwrap_or(version);
        if out.iter().any(|x| x.group == group && x.plural == r.name) {
            continue;
        }
        out.push(ResourceType {
            group: group.to_string(),
            version: version.to_string(),
            kind: r.kind.clone(),
            plural: r.name.clone(),
            singular: if r.singular_name.is_empty() {
                r.kind.to_ascii_lowercase()
            } else {
                r.singular_name.clone()
            },
            short_names: r.short_names.clone().unwrap_or_default(),
            namespaced: r.namespaced,
        });
    }
}

/// A kube error in a few words: the server's message for API errors, else the error's chain.
pub fn short_error(e: &kube::Error) -> String {
    match e {
        kube::Error::Api(status) => {
            if status.message.is_empty() {
                format!("{} {}", status.code, status.reason)
            } else {
                status.message.clone()
            }
        }
        other => error_chain(other),
    }
}

/// An error and its sources, each said once (kube's messages often repeat their source's).
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let message = s.to_string();
        if !text.contains(&message) {
            text.push_str(": ");
            text.push_str(&message);
        }
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(group: &str, kind: &str, plural: &str) -> ResourceType {
        ResourceType {
            group: group.into(),
            version: "v1".into(),
            kind: kind.into(),
            plural: plural.into(),
            singular: kind.to_lowercase(),
            short_names: Vec::new(),
            namespaced: true,
        }
    }

    #[test]
    fn events_are_watched_once_through_core_when_both_apis_serve_them() {
        let core = rt("", "Event", "events");
        let v1 = rt("events.k8s.io", "Event", "events");
        let pods = rt("", "Pod", "pods");
        let mut both = vec![core.clone(), v1.clone(), pods.clone()];
        drop_duplicate_events(&mut both);
        assert_eq!(both, [core, pods.clone()]);
        // Core Events excluded (`--exclude-kinds events`): events.k8s.io stays.
        let mut only_v1 = vec![v1.clone(), pods.clone()];
        drop_duplicate_events(&mut only_v1);
        assert_eq!(only_v1, [v1, pods]);
    }
}
