//! `--kinds` / `--exclude-kinds`: which discovered resource types to watch, named as kubectl
//! names them.

use crate::discovery::ResourceType;

/// A set of kind patterns. Each pattern is a name, optionally with a group: `pods`, `pod`, `Pod`,
/// `po` (plural, singular, kind or short name, any case), `deployments.apps`, `apps/Deployment`,
/// `core/Pod` or `pods.core` for the core group. A name without a group matches in every group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindPatterns(Vec<Pattern>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Pattern {
    name: String,
    group: Option<String>,
}

impl KindPatterns {
    /// Parses comma-separated lists (`pods,deployments.apps`); empty items are ignored.
    pub fn parse<S: AsRef<str>>(lists: &[S]) -> KindPatterns {
        let mut out = Vec::new();
        for list in lists {
            for item in list.as_ref().split(',') {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                let (name, group) = if let Some((g, n)) = item.split_once('/') {
                    (n, Some(g))
                } else if let Some((n, g)) = item.split_once('.') {
                    (n, Some(g))
                } else {
                    (item, None)
                };
                let group = group.map(|g| {
                    if g.eq_ignore_ascii_case("core") {
                        String::new()
                    } else {
                        g.to_ascii_lowercase()
                    }
                });
                out.push(Pattern {
                    name: name.to_ascii_lowercase(),
                    group,
                });
            }
        }
        KindPatterns(out)
    }

    /// Whether there is no pattern.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether some pattern names `r`: by plural, singular, kind or short name, in its group
    /// when the pattern gives one.
    pub fn matches(&self, r: &ResourceType) -> bool {
        self.0.iter().any(|p| {
            p.group.as_deref().is_none_or(|g| g == r.group)
                && (p.name == r.plural
                    || p.name == r.singular
                    || r.kind.eq_ignore_ascii_case(&p.name)
                    || r.short_names.contains(&p.name))
        })
    }

    /// The patterns that match none of `resources`: probably typos, worth a warning.
    pub fn unmatched(&self, resources: &[ResourceType]) -> Vec<String> {
        self.0
            .iter()
            .filter(|p| {
                !resources
                    .iter()
                    .any(|r| KindPatterns(vec![(*p).clone()]).matches(r))
            })
            .map(|p| match &p.group {
                Some(g) if g.is_empty() => format!("core/{}", p.name),
                Some(g) => format!("{g}/{}", p.name),
                None => p.name.clone(),
            })
            .collect()
    }
}

/// Which resource types to watch: those `include` names (all when empty) and `exclude` does not.
#[derive(Clone, Debug, Default)]
pub struct KindFilter {
    /// `--kinds`.
    pub include: KindPatterns,
    /// `--exclude-kinds`.
    pub exclude: KindPatterns,
}

impl KindFilter {
    /// Parses both lists of patterns (see [`KindPatterns::parse`]).
    pub fn new<S: AsRef<str>>(include: &[S], exclude: &[S]) -> KindFilter {
        KindFilter {
            include: KindPatterns::parse(include),
            exclude: KindPatterns::parse(exclude),
        }
    }

    /// Whether `r` is to be watched.
    pub fn wants(&self, r: &ResourceType) -> bool {
        (self.include.is_empty() || self.include.matches(r)) && !self.exclude.matches(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(group: &str, kind: &str, plural: &str, short: &[&str]) -> ResourceType {
        ResourceType {
            group: group.into(),
            version: "v1".into(),
            kind: kind.into(),
            plural: plural.into(),
            singular: kind.to_ascii_lowercase(),
            short_names: short.iter().map(|s| s.to_string()).collect(),
            namespaced: true,
        }
    }

    #[test]
    fn names_match_as_kubectl_names_them() {
        let pod = rt("", "Pod", "pods", &["po"]);
        let deploy = rt("apps", "Deployment", "deployments", &["deploy"]);
        let ing = rt("networking.k8s.io", "Ingress", "ingresses", &["ing"]);
        for (pattern, pod_m, deploy_m, ing_m) in [
            ("pods", true, false, false),
            ("Pod", true, false, false),
            ("po", true, false, false),
            ("core/Pod", true, false, false),
            ("pods.core", true, false, false),
            ("apps/Pod", false, false, false),
            ("deployments.apps", false, true, false),
            ("apps/deployment", false, true, false),
            ("deploy", false, true, false),
            ("ingresses.networking.k8s.io", false, false, true),
            ("ing,po", true, false, true),
        ] {
            let p = KindPatterns::parse(&[pattern]);
            assert_eq!(
                (p.matches(&pod), p.matches(&deploy), p.matches(&ing)),
                (pod_m, deploy_m, ing_m),
                "{pattern}"
            );
        }
    }

    #[test]
    fn exclude_wins_and_empty_include_means_all() {
        let pod = rt("", "Pod", "pods", &["po"]);
        let ev = rt("events.k8s.io", "Event", "events", &["ev"]);
        let f = KindFilter::new::<&str>(&[], &["events"]);
        assert!(f.wants(&pod) && !f.wants(&ev));
        let f = KindFilter::new(&["pods,events"], &["events.events.k8s.io"]);
        assert!(f.wants(&pod) && !f.wants(&ev));
        assert_eq!(
            KindPatterns::parse(&["pods,nosuch"]).unmatched(&[pod]),
            vec!["nosuch".to_string()]
        );
    }
}
