//! Kind resolution and "did you mean" suggestions.
//!
//! Kinds are resolved against kubegraph-model's built-in table at parse time, so a typo is caught
//! where it was typed. The rule for words the table does not know:
//!
//! * `group/Kind` is always accepted as a custom resource (`batch.volcano.sh/Job`), unless the
//!   group is a built-in one: built-in groups hold no custom kinds, so `apps/Deploymnet` is an
//!   error with a suggestion.
//! * A bare word close to a known name (`deploymnet`, `Deploymnet`, `pdo`) is an error with the
//!   suggestion; one close to nothing (`VirtualService`, `Certificate`) is a custom kind matched
//!   by name in any group. Words of one or two letters are never "close": short names of custom
//!   resources would otherwise collide with `po`, `ns`, `cm`.
//! * `kubernetes_<snake>` (Resoto's names) must name a built-in kind; there are no custom ones.

use kubegraph_model::kinds::{self, BUILTIN};
use kubegraph_model::GroupKind;

/// The candidate closest to a word, if within the typo threshold: kubegraph's one fuzzy
/// matcher ([`kubegraph_model::fuzzy::closest`]).
pub use kubegraph_model::fuzzy::closest;

use crate::syntax::ast::KindSel;

/// Categories `is(...)` accepts besides concrete kinds.
pub const ABSTRACT_KINDS: [&str; 7] = [
    "workload",
    "controller",
    "volume",
    "config",
    "rbac",
    "network",
    "kubernetes_resource",
];

/// `HTTPRoute` → `http_route`, `PersistentVolumeClaim` → `persistent_volume_claim`.
pub fn snake(kind: &str) -> String {
    let chars: Vec<char> = kind.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Every name `is(...)` accepts for built-in kinds, lower-case, likeliest first.
fn kind_candidates() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in BUILTIN {
        out.push(k.kind.to_lowercase());
        out.push(k.plural.to_string());
        out.extend(k.short.iter().map(|s| s.to_string()));
    }
    out.extend(ABSTRACT_KINDS.iter().map(|s| s.to_string()));
    out.extend(
        BUILTIN
            .iter()
            .map(|k| format!("kubernetes_{}", snake(k.kind))),
    );
    out
}

/// Writes a suggested kind in the user's style: `Deployment` for `Deploymnet`.
fn styled(written: &str, suggestion: String) -> String {
    if written.chars().next().is_some_and(char::is_uppercase) {
        if let Some(k) = BUILTIN
            .iter()
            .find(|k| k.kind.eq_ignore_ascii_case(&suggestion))
        {
            return k.kind.to_string();
        }
    }
    suggestion
}

fn builtin(found: Vec<&'static kinds::KindInfo>) -> KindSel {
    let mut gks: Vec<GroupKind> = found
        .into_iter()
        .map(|k| GroupKind::new(k.group, k.kind))
        .collect();
    gks.dedup();
    KindSel::Builtin(gks)
}

/// Resolves a kind as written. `Err` carries a suggestion, when there is one, for an unknown
/// kind that is not accepted as a custom resource.
pub fn resolve_kind(written: &str) -> Result<KindSel, Option<String>> {
    if let Some((group, kind)) = written.rsplit_once('/') {
        if group.is_empty() || kind.is_empty() {
            return Err(None);
        }
        let found = kinds::lookup(written);
        if !found.is_empty() {
            return Ok(builtin(found));
        }
        let g = if group == "core" { "" } else { group };
        if BUILTIN.iter().any(|k| k.group == g) {
            let in_group: Vec<&str> = BUILTIN
                .iter()
                .filter(|k| k.group == g)
                .map(|k| k.kind)
                .collect();
            return Err(closest(kind, in_group).map(|k| format!("{group}/{k}")));
        }
        return Ok(KindSel::Custom {
            group: Some(group.to_string()),
            kind: kind.to_string(),
        });
    }
    let lower = written.to_lowercase();
    if let Some(a) = ABSTRACT_KINDS.iter().find(|a| **a == lower) {
        return Ok(KindSel::Abstract(a.to_string()));
    }
    if let Some(rest) = lower.strip_prefix("kubernetes_") {
        let found: Vec<_> = BUILTIN.iter().filter(|k| snake(k.kind) == rest).collect();
        if !found.is_empty() {
            return Ok(builtin(found));
        }
        let cands = kind_candidates();
        return Err(closest(written, cands.iter().map(String::as_str)));
    }
    let found = kinds::lookup(written);
    if !found.is_empty() {
        return Ok(builtin(found));
    }
    let cands = kind_candidates();
    match closest(written, cands.iter().map(String::as_str)) {
        Some(s) => Err(Some(styled(written, s))),
        None => Ok(KindSel::Custom {
            group: None,
            kind: written.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_handles_acronyms() {
        assert_eq!(snake("Pod"), "pod");
        assert_eq!(snake("PersistentVolumeClaim"), "persistent_volume_claim");
        assert_eq!(snake("HTTPRoute"), "http_route");
        assert_eq!(snake("CSIStorageCapacity"), "csi_storage_capacity");
        assert_eq!(snake("IPAddress"), "ip_address");
        assert_eq!(snake("APIService"), "api_service");
    }

    #[test]
    fn kinds_resolve() {
        let gk = |g: &str, k: &str| KindSel::Builtin(vec![GroupKind::new(g, k)]);
        assert_eq!(resolve_kind("pod"), Ok(gk("", "Pod")));
        assert_eq!(resolve_kind("Deployment"), Ok(gk("apps", "Deployment")));
        assert_eq!(
            resolve_kind("kubernetes_stateful_set"),
            Ok(gk("apps", "StatefulSet"))
        );
        assert_eq!(
            resolve_kind("workload"),
            Ok(KindSel::Abstract("workload".into()))
        );
        assert_eq!(
            resolve_kind("batch.volcano.sh/Job"),
            Ok(KindSel::Custom {
                group: Some("batch.volcano.sh".into()),
                kind: "Job".into()
            })
        );
        assert_eq!(
            resolve_kind("VirtualService"),
            Ok(KindSel::Custom {
                group: None,
                kind: "VirtualService".into()
            })
        );
    }

    #[test]
    fn typos_are_errors_with_suggestions() {
        assert_eq!(resolve_kind("deploymnet"), Err(Some("deployment".into())));
        assert_eq!(resolve_kind("Deploymnet"), Err(Some("Deployment".into())));
        assert_eq!(
            resolve_kind("statefulsets2"),
            Err(Some("statefulsets".into()))
        );
        assert_eq!(
            resolve_kind("apps/Deploymnet"),
            Err(Some("apps/Deployment".into()))
        );
        assert_eq!(
            resolve_kind("kubernetes_podd"),
            Err(Some("kubernetes_pod".into()))
        );
        assert_eq!(resolve_kind("apps/"), Err(None));
    }

    #[test]
    fn closest_respects_the_threshold() {
        assert_eq!(closest("own", ["owns", "uses"]), Some("owns".into()));
        assert_eq!(closest("xyzzy", ["owns", "uses"]), None);
        assert_eq!(closest("ab", ["abc"]), None);
        assert_eq!(closest("nod", ["pod", "node"]), Some("node".into()));
    }
}
