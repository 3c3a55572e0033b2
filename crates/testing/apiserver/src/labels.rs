//! Label selectors in their query-string form (`app=web,tier!=db,env in (a,b),!legacy`), as
//! `labelSelector` carries them.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Op {
    Exists,
    NotExists,
    In(Vec<String>),
    NotIn(Vec<String>),
    Greater(i64),
    Less(i64),
}

#[derive(Debug, Clone, PartialEq)]
struct Requirement {
    key: String,
    op: Op,
}

/// Every requirement must hold; the empty selector matches everything.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LabelSelector(Vec<Requirement>);

impl LabelSelector {
    pub(crate) fn parse(text: &str) -> Result<LabelSelector, String> {
        let mut requirements = Vec::new();
        for term in split_top_level(text) {
            let term = term.trim();
            if term.is_empty() {
                continue;
            }
            requirements.push(parse_requirement(term)?);
        }
        Ok(LabelSelector(requirements))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether an object's `metadata.labels` satisfy the selector.
    pub(crate) fn matches(&self, object: &Value) -> bool {
        if self.0.is_empty() {
            // Without touching the object: lists page through many.
            return true;
        }
        let labels = object["metadata"]["labels"].as_object();
        self.0.iter().all(|r| {
            let value = labels.and_then(|l| l.get(&r.key)).and_then(Value::as_str);
            match (&r.op, value) {
                (Op::Exists, v) => v.is_some(),
                (Op::NotExists, v) => v.is_none(),
                (Op::In(set), Some(v)) => set.iter().any(|s| s == v),
                (Op::In(_), None) => false,
                (Op::NotIn(set), Some(v)) => !set.iter().any(|s| s == v),
                (Op::NotIn(_), None) => true,
                (Op::Greater(n), Some(v)) => v.parse::<i64>().is_ok_and(|v| v > *n),
                (Op::Less(n), Some(v)) => v.parse::<i64>().is_ok_and(|v| v < *n),
                (Op::Greater(_) | Op::Less(_), None) => false,
            }
        })
    }
}

/// Splits at commas outside parentheses (`a in (x,y),b` is two terms).
fn split_top_level(text: &str) -> Vec<&str> {
    let mut terms = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                terms.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    terms.push(&text[start..]);
    terms
}

fn parse_requirement(term: &str) -> Result<Requirement, String> {
    let invalid = |why: &str| format!("unable to parse requirement: {term:?}: {why}");
    let requirement = |key: &str, op: Op| -> Result<Requirement, String> {
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(invalid("invalid label key"));
        }
        Ok(Requirement {
            key: key.to_string(),
            op,
        })
    };
    if let Some(key) = term.strip_prefix('!') {
        return requirement(key, Op::NotExists);
    }
    for (word, negated) in [(" notin ", true), (" in ", false)] {
        if let Some((key, set)) = term.split_once(word) {
            let set = set.trim();
            let inner = set
                .strip_prefix('(')
                .and_then(|s| s.strip_suffix(')'))
                .ok_or_else(|| invalid("a set must be in parentheses"))?;
            let values: Vec<String> = inner.split(',').map(|v| v.trim().to_string()).collect();
            let op = if negated {
                Op::NotIn(values)
            } else {
                Op::In(values)
            };
            return requirement(key, op);
        }
    }
    if let Some((key, value)) = term.split_once("!=") {
        return requirement(key, Op::NotIn(vec![value.trim().to_string()]));
    }
    if let Some((key, value)) = term.split_once("==").or_else(|| term.split_once('=')) {
        return requirement(key, Op::In(vec![value.trim().to_string()]));
    }
    for (symbol, greater) in [('>', true), ('<', false)] {
        if let Some((key, value)) = term.split_once(symbol) {
            let n = value
                .trim()
                .parse()
                .map_err(|_| invalid("for 'gt', 'lt' operators, the value must be an integer"))?;
            return requirement(key, if greater { Op::Greater(n) } else { Op::Less(n) });
        }
    }
    requirement(term, Op::Exists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn with_labels(labels: Value) -> Value {
        json!({"metadata": {"labels": labels}})
    }

    #[test]
    fn selectors_match_like_kubernetes() {
        let web = with_labels(json!({"app": "web", "tier": "front", "replicas": "3"}));
        let db = with_labels(json!({"app": "db"}));
        let none = json!({"metadata": {}});
        let cases = [
            ("", [true, true, true]),
            ("app=web", [true, false, false]),
            ("app==web", [true, false, false]),
            ("app!=web", [false, true, true]),
            ("app in (web, db)", [true, true, false]),
            ("app notin (web)", [false, true, true]),
            ("tier", [true, false, false]),
            ("!tier", [false, true, true]),
            ("app=web,tier=front", [true, false, false]),
            ("app in (web,db),!tier", [false, true, false]),
            ("replicas>2", [true, false, false]),
            ("replicas<2", [false, false, false]),
        ];
        for (text, expected) in cases {
            let selector = LabelSelector::parse(text).unwrap();
            let got = [
                selector.matches(&web),
                selector.matches(&db),
                selector.matches(&none),
            ];
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn bad_selectors_are_errors() {
        assert!(LabelSelector::parse("app in web").is_err());
        assert!(LabelSelector::parse("replicas>x").is_err());
        assert!(LabelSelector::parse("=web").is_err());
    }
}
