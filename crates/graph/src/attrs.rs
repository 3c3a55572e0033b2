use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::sync::Arc;

/// An edge's attributes: a handful at most, named from a closed set (`controller`, `mounts`,
/// `optional`, ...). Millions of edges carry them, so they are a short shared list of pairs
/// rather than a map whose smallest allocation is a dozen slots; none when empty. Shared
/// because one reference's attributes go on every edge it resolves to (a selector's on each
/// pod), once per graph built: a clone is a count, not a copy. Changed in place while unshared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attrs(Option<Arc<Vec<(&'static str, Value)>>>);

static NULL: Value = Value::Null;

impl Attrs {
    /// No attributes (and no allocation).
    pub fn new() -> Self {
        Attrs::default()
    }

    /// Sets `key` (replacing an earlier value).
    pub fn insert(&mut self, key: &'static str, value: Value) {
        let pairs = Arc::make_mut(self.0.get_or_insert_with(Default::default));
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => pairs.push((key, value)),
        }
    }

    fn pairs(&self) -> &[(&'static str, Value)] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The value of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.pairs().iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Every attribute, in the order first set.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &Value)> {
        self.pairs().iter().map(|(k, v)| (*k, v))
    }

    /// How many attributes are set.
    pub fn len(&self) -> usize {
        self.pairs().len()
    }

    /// Whether none is set.
    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }

    /// A copy as a JSON object, for output and tests.
    pub fn to_map(&self) -> Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    /// Merges a second reference's attributes along the same edge: arrays are unioned,
    /// `optional` holds only if both references are optional, other values keep the first.
    pub fn merge(&mut self, other: Attrs) {
        if other.is_empty() {
            return;
        }
        let pairs = Arc::make_mut(self.0.get_or_insert_with(Default::default));
        for (key, value) in other.pairs().iter().cloned() {
            match (pairs.iter_mut().find(|(k, _)| *k == key), value) {
                (None, v) => pairs.push((key, v)),
                (Some((_, Value::Array(a))), Value::Array(b)) => {
                    for x in b {
                        if !a.contains(&x) {
                            a.push(x);
                        }
                    }
                }
                (Some((_, Value::Bool(a))), Value::Bool(b)) if key == "optional" => *a = *a && b,
                (Some(_), _) => {}
            }
        }
    }
}

impl std::ops::Index<&str> for Attrs {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl<'a> IntoIterator for &'a Attrs {
    type Item = (&'static str, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (&'static str, Value)>,
        fn(&'a (&'static str, Value)) -> (&'static str, &'a Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.pairs().iter().map(|(k, v)| (*k, v))
    }
}

impl Serialize for Attrs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merging_unions_lists_and_ands_optional() {
        let mut a = Attrs::new();
        a.insert("containers", json!(["a"]));
        a.insert("optional", json!(true));
        let mut b = Attrs::new();
        b.insert("containers", json!(["b", "a"]));
        b.insert("optional", json!(false));
        b.insert("keys", json!(["k"]));
        a.merge(b);
        assert_eq!(a["containers"], json!(["a", "b"]));
        assert_eq!(a["optional"], json!(false));
        assert_eq!(a["keys"], json!(["k"]));
        assert_eq!(a["absent"], Value::Null);
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            json!({"containers": ["a", "b"], "optional": false, "keys": ["k"]})
        );
    }
}
