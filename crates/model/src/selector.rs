//! Label selectors with Kubernetes semantics, exactly:
//! `matchLabels` AND `matchExpressions` (`In`, `NotIn`, `Exists`, `DoesNotExist`); an empty
//! selector selects everything; a missing selector is not a selector at all (callers decide what
//! "none" means, usually: selects nothing). `NotIn` and `DoesNotExist` match objects that lack the
//! key, as in `k8s.io/apimachinery/pkg/labels`.

use crate::json::{JsonContainerTrait, JsonValueTrait, Object as Map, Value};
use std::collections::BTreeMap;

/// The operator of a `matchExpressions` entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectorOp {
    /// The label is present with one of the values.
    In,
    /// The label is absent, or present with none of the values.
    NotIn,
    /// The label is present, whatever its value.
    Exists,
    /// The label is absent.
    DoesNotExist,
}

/// One condition of a selector: a `matchLabels` entry (`In` one value) or a `matchExpressions`
/// entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The label key.
    pub key: String,
    /// How the label is compared.
    pub op: SelectorOp,
    /// The values `In` and `NotIn` compare with (empty for `Exists` and `DoesNotExist`).
    pub values: Vec<String>,
}

/// A parsed label selector. `requirements` holds `matchLabels` as `In [value]` followed by
/// `matchExpressions`, all ANDed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LabelSelector {
    /// The conditions, all of which must hold; none selects everything.
    pub requirements: Vec<Requirement>,
}

/// Why a selector could not be read: such a selector selects nothing, and the caller says so.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SelectorError {
    /// The selector is not a mapping.
    #[error("selector is not an object")]
    NotAnObject,
    /// A `matchLabels` value (for this key) that is not text, a number or a boolean.
    #[error("matchLabels value for `{0}` is not a string")]
    BadLabelValue(String),
    /// The `matchExpressions` entry at this index has no `key`.
    #[error("matchExpressions entry {0} has no key")]
    MissingKey(usize),
    /// A `matchExpressions` entry with an operator Kubernetes does not have.
    #[error("matchExpressions entry {index} has unknown operator `{op}` (expected In, NotIn, Exists, DoesNotExist)")]
    BadOperator {
        /// The entry's index in `matchExpressions`.
        index: usize,
        /// The operator as written.
        op: String,
    },
}

/// A `-l` selector that does not parse: what is wrong, and how to write one.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid label selector {0}")]
pub struct SelectorParseError(pub String);

impl LabelSelector {
    /// Everything: the empty selector `{}`.
    pub fn everything() -> Self {
        LabelSelector::default()
    }

    /// Whether it has no condition, and so selects everything.
    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }

    /// A plain `key: value` map (Service and ReplicationController `spec.selector`).
    pub fn from_map(map: &Map) -> Result<Self, SelectorError> {
        let mut requirements = Vec::with_capacity(map.len());
        for (k, v) in map {
            requirements.push(Requirement {
                key: k.to_string(),
                op: SelectorOp::In,
                values: vec![
                    scalar_string(v).ok_or_else(|| SelectorError::BadLabelValue(k.to_string()))?
                ],
            });
        }
        Ok(LabelSelector { requirements })
    }

    /// A full `LabelSelector` (`matchLabels` + `matchExpressions`).
    pub fn from_label_selector(value: &Value) -> Result<Self, SelectorError> {
        let obj = value.as_object().ok_or(SelectorError::NotAnObject)?;
        let mut sel = match obj.get(&"matchLabels").and_then(|m| m.as_object()) {
            Some(m) => LabelSelector::from_map(m)?,
            None => LabelSelector::default(),
        };
        if let Some(exprs) = obj.get(&"matchExpressions").and_then(|e| e.as_array()) {
            for (index, e) in exprs.iter().enumerate() {
                let key = e
                    .get("key")
                    .and_then(|k| k.as_str())
                    .ok_or(SelectorError::MissingKey(index))?
                    .to_string();
                let op_text = e.get("operator").and_then(|o| o.as_str()).unwrap_or("");
                let op = match op_text {
                    "In" => SelectorOp::In,
                    "NotIn" => SelectorOp::NotIn,
                    "Exists" => SelectorOp::Exists,
                    "DoesNotExist" => SelectorOp::DoesNotExist,
                    other => {
                        return Err(SelectorError::BadOperator {
                            index,
                            op: other.to_string(),
                        })
                    }
                };
                let values = match e.get("values").and_then(|v| v.as_array()) {
                    Some(vs) => vs.iter().filter_map(scalar_string).collect(),
                    None => Vec::new(),
                };
                sel.requirements.push(Requirement { key, op, values });
            }
        }
        Ok(sel)
    }

    /// A selector as `kubectl -l` takes it: requirements separated by commas, each `key=value`
    /// (or `==`), `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key` (present) or `!key`
    /// (absent). An empty text selects everything.
    ///
    /// ```
    /// use kubegraph_model::LabelSelector;
    /// use std::collections::BTreeMap;
    ///
    /// let s = LabelSelector::parse("app=web, tier in (front,back),!canary").unwrap();
    /// let labels = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
    ///     pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    /// };
    /// assert!(s.matches_map(&labels(&[("app", "web"), ("tier", "front")])));
    /// assert!(!s.matches_map(&labels(&[("app", "web"), ("tier", "front"), ("canary", "1")])));
    /// assert!(!s.matches_map(&labels(&[("app", "db"), ("tier", "front")])));
    /// assert!(LabelSelector::parse("app in (web").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, SelectorParseError> {
        let bad = |why: &str| SelectorParseError(format!("`{text}`: {why}"));
        let mut requirements = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            // One requirement: up to the next comma outside parentheses.
            let mut depth = 0;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        ',' if depth == 0 => return true,
                        _ => {}
                    }
                    false
                })
                .map_or(rest.len(), |(i, _)| i);
            let part = rest[..end].trim();
            rest = rest[end..].trim_start_matches(',').trim_start();
            if part.is_empty() {
                return Err(bad("an empty requirement between commas"));
            }
            let key_ok = |k: &str| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
            };
            let values = |list: &str| -> Result<Vec<String>, SelectorParseError> {
                let inner = list
                    .trim()
                    .strip_prefix('(')
                    .and_then(|l| l.strip_suffix(')'))
                    .ok_or_else(|| bad("a set is written `(a,b)`"))?;
                Ok(inner
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect())
            };
            let req = if let Some(k) = part.strip_prefix('!') {
                let k = k.trim();
                if !key_ok(k) {
                    return Err(bad("`!` takes a label key"));
                }
                Requirement {
                    key: k.to_string(),
                    op: SelectorOp::DoesNotExist,
                    values: Vec::new(),
                }
            } else if let Some((k, v)) = part.split_once("!=") {
                Requirement {
                    key: k.trim().to_string(),
                    op: SelectorOp::NotIn,
                    values: vec![v.trim().to_string()],
                }
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                Requirement {
                    key: k.trim().to_string(),
                    op: SelectorOp::In,
                    values: vec![v.trim().to_string()],
                }
            } else if let Some((k, v)) = part.split_once(" notin ") {
                Requirement {
                    key: k.trim().to_string(),
                    op: SelectorOp::NotIn,
                    values: values(v)?,
                }
            } else if let Some((k, v)) = part.split_once(" in ") {
                Requirement {
                    key: k.trim().to_string(),
                    op: SelectorOp::In,
                    values: values(v)?,
                }
            } else if key_ok(part) {
                Requirement {
                    key: part.to_string(),
                    op: SelectorOp::Exists,
                    values: Vec::new(),
                }
            } else {
                return Err(bad(&format!(
                    "cannot read `{part}` (write key=value, key!=value, key in (a,b), key notin (a,b), key or !key)"
                )));
            };
            if !key_ok(&req.key) {
                return Err(bad(&format!("`{}` is not a label key", req.key)));
            }
            requirements.push(req);
        }
        Ok(LabelSelector { requirements })
    }

    /// Does this selector select an object with these labels?
    pub fn matches<'a, F>(&self, label: F) -> bool
    where
        F: Fn(&str) -> Option<&'a str>,
    {
        self.requirements.iter().all(|r| {
            let v = label(&r.key);
            match r.op {
                SelectorOp::In => v.is_some_and(|v| r.values.iter().any(|x| x == v)),
                SelectorOp::NotIn => v.is_none_or(|v| !r.values.iter().any(|x| x == v)),
                SelectorOp::Exists => v.is_some(),
                SelectorOp::DoesNotExist => v.is_none(),
            }
        })
    }

    /// Convenience for tests and callers holding a map.
    pub fn matches_map(&self, labels: &BTreeMap<String, String>) -> bool {
        self.matches(|k| labels.get(k).map(String::as_str))
    }

    /// A `key = value` pair every selected object must carry, if there is one: the hook for a
    /// label index to narrow candidates before the full match.
    pub fn required_pair(&self) -> Option<(&str, &str)> {
        self.requirements
            .iter()
            .find_map(|r| match (r.op, r.values.as_slice()) {
                (SelectorOp::In, [v]) => Some((r.key.as_str(), v.as_str())),
                _ => None,
            })
    }
}

/// Label values are strings, but YAML manifests often write `version: 1` or `enabled: true`; the
/// API server would reject those, yet the user's intent is clear, so they compare as text.
pub fn scalar_string(v: &Value) -> Option<String> {
    if let Some(s) = v.as_str() {
        Some(s.to_string())
    } else if v.is_number() || v.is_boolean() {
        Some(v.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sonic_rs::json;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn empty_selects_everything() {
        let sel = LabelSelector::from_label_selector(&json!({})).unwrap();
        assert!(sel.matches_map(&labels(&[])));
        assert!(sel.matches_map(&labels(&[("a", "b")])));
    }

    #[test]
    fn match_labels_and_expressions_are_anded() {
        let sel = LabelSelector::from_label_selector(&json!({
            "matchLabels": {"app": "web"},
            "matchExpressions": [
                {"key": "tier", "operator": "In", "values": ["front", "edge"]},
                {"key": "canary", "operator": "DoesNotExist"},
                {"key": "env", "operator": "NotIn", "values": ["dev"]},
            ]
        }))
        .unwrap();
        assert!(sel.matches_map(&labels(&[("app", "web"), ("tier", "edge")])));
        assert!(sel.matches_map(&labels(&[
            ("app", "web"),
            ("tier", "front"),
            ("env", "prod")
        ])));
        assert!(!sel.matches_map(&labels(&[("app", "web"), ("tier", "back")])));
        assert!(!sel.matches_map(&labels(&[
            ("app", "web"),
            ("tier", "front"),
            ("canary", "1")
        ])));
        assert!(!sel.matches_map(&labels(&[
            ("app", "web"),
            ("tier", "front"),
            ("env", "dev")
        ])));
        assert!(!sel.matches_map(&labels(&[("tier", "front")])));
    }

    #[test]
    fn exists_and_numeric_values() {
        let sel = LabelSelector::from_label_selector(&json!({
            "matchLabels": {"version": 1},
            "matchExpressions": [{"key": "team", "operator": "Exists"}]
        }))
        .unwrap();
        assert!(sel.matches_map(&labels(&[("version", "1"), ("team", "x")])));
        assert!(!sel.matches_map(&labels(&[("version", "1")])));
        assert_eq!(sel.required_pair(), Some(("version", "1")));
    }

    #[test]
    fn bad_operator_is_an_error() {
        let err = LabelSelector::from_label_selector(&json!({
            "matchExpressions": [{"key": "a", "operator": "Equals", "values": ["b"]}]
        }))
        .unwrap_err();
        assert_eq!(
            err,
            SelectorError::BadOperator {
                index: 0,
                op: "Equals".into()
            }
        );
    }
}
