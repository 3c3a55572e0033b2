//! Object data: compact JSON values.
//!
//! Objects are kept whole (custom resources are as queryable as built-in kinds), so their
//! representation decides kubegraph's memory and much of its load time. sonic-rs keeps a value in
//! 16 bytes with keys and strings in a per-document arena: on a 373 MB cluster dump it parsed in
//! 0.41 s into +626 MB, where `serde_json::Value` took 1.09 s and +1512 MB. `serde_json` stays
//! the format for edge attributes and machine output, where values are small.
//!
//! One property to respect: an object that is mutated leaves its compact parsed form for a map
//! (sorted, with the `sort_keys` feature, so output stays deterministic). Mutate objects only when
//! something really changes.

pub use sonic_rs::{Array, JsonContainerTrait, JsonValueMutTrait, JsonValueTrait, Object, Value};

/// JSON-pointer-style access with a plain string (`"/spec/template/spec"`, `"/items/0"`),
/// as `serde_json::Value::pointer` offers; sonic-rs takes pre-split pointers.
pub trait Path {
    /// The value at `pointer` (`/`-separated keys, numbers index arrays), if there is one.
    fn ptr(&self, pointer: &str) -> Option<&Value>;
    /// [`Path::ptr`], mutably.
    fn ptr_mut(&mut self, pointer: &str) -> Option<&mut Value>;
}

impl Path for Value {
    fn ptr(&self, pointer: &str) -> Option<&Value> {
        let mut v = self;
        for token in tokens(pointer) {
            v = step(v, token)?;
        }
        Some(v)
    }

    fn ptr_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        let mut v = self;
        for token in tokens(pointer) {
            v = if v.is_array() {
                let i: usize = token.parse().ok()?;
                v.get_mut(i)?
            } else {
                v.get_mut(token)?
            };
        }
        Some(v)
    }
}

fn tokens(pointer: &str) -> impl Iterator<Item = &str> {
    pointer
        .strip_prefix('/')
        .into_iter()
        .flat_map(|p| p.split('/'))
}

fn step<'v>(v: &'v Value, token: &str) -> Option<&'v Value> {
    if v.is_array() {
        v.get(token.parse::<usize>().ok()?)
    } else {
        v.get(token)
    }
}

/// Several keys of an object, found in one pass over its entries (`None` for each key absent,
/// and for all when `v` is not an object; the first of duplicate keys wins, as with `get`).
/// sonic-rs finds a key by scanning the object, so reading a dozen keys one by one, most of
/// them absent as in a pod spec, scans it a dozen times: that was a third of extracting a pod.
pub fn fields<'v, const N: usize>(v: &'v Value, keys: [&str; N]) -> [Option<&'v Value>; N] {
    let mut found = [None; N];
    if let Some(object) = v.as_object() {
        for (key, value) in object.iter() {
            if let Some(i) = keys.iter().position(|k| *k == key) {
                found[i].get_or_insert(value);
            }
        }
    }
    found
}

/// A non-empty string, from a value that may be absent.
pub fn non_empty(v: Option<&Value>) -> Option<&str> {
    v.and_then(|s| s.as_str()).filter(|s| !s.is_empty())
}

/// The elements of an array, from a value that may be absent (none when it is not an array).
pub fn elements(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    v.and_then(|a| a.as_array())
        .into_iter()
        .flat_map(|a| a.iter())
}

/// A non-empty string at a key.
pub fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(|s| s.as_str())
        .filter(|s| !s.is_empty())
}

/// The elements of an array at a key (none when absent or not an array).
pub fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key)
        .and_then(|a| a.as_array())
        .into_iter()
        .flat_map(|a| a.iter())
}

/// The same value as a `serde_json::Value`, for edge attributes and output.
pub fn to_serde(v: &Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// A `serde_json::Value` (YAML documents arrive as one) as object data.
pub fn from_serde(v: &serde_json::Value) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::new(),
        J::Bool(b) => Value::from(*b),
        J::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::from(u)
            } else if let Some(i) = n.as_i64() {
                Value::from(i)
            } else {
                n.as_f64().and_then(Value::new_f64).unwrap_or_default()
            }
        }
        J::String(s) => Value::from(s.as_str()),
        J::Array(a) => {
            let mut out = Value::new_array_with(a.len());
            if let Some(arr) = out.as_array_mut() {
                for x in a {
                    arr.push(from_serde(x));
                }
            }
            out
        }
        J::Object(m) => {
            let mut out = Value::new_object();
            if let Some(obj) = out.as_object_mut() {
                for (k, x) in m {
                    obj.insert(k.as_str(), from_serde(x));
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_walk_objects_and_arrays() {
        let mut v: Value =
            sonic_rs::from_str(r#"{"a":{"b":[{"c":1},{"c":"x"}]},"e/f":2}"#).unwrap();
        assert_eq!(v.ptr("/a/b/1/c").and_then(|x| x.as_str()), Some("x"));
        assert_eq!(v.ptr("/a/b/0/c").and_then(|x| x.as_u64()), Some(1));
        assert!(v.ptr("/a/b/2").is_none());
        assert!(v.ptr("/a/x").is_none());
        assert!(v.ptr("").is_some());
        *v.ptr_mut("/a/b/0/c").unwrap() = Value::from("y");
        assert_eq!(v.ptr("/a/b/0/c").and_then(|x| x.as_str()), Some("y"));
    }

    #[test]
    fn fields_reads_keys_in_one_pass_as_get_would() {
        let v: Value = sonic_rs::from_str(r#"{"b":1,"a":"x","b":2,"c":null}"#).unwrap();
        let [a, b, c, d] = fields(&v, ["a", "b", "c", "d"]);
        assert_eq!(a.and_then(|x| x.as_str()), Some("x"));
        // The first of duplicate keys, as `get` returns.
        assert_eq!(
            b.and_then(|x| x.as_u64()),
            v.get("b").and_then(|x| x.as_u64())
        );
        assert_eq!(b.and_then(|x| x.as_u64()), Some(1));
        assert!(c.is_some_and(|x| x.is_null()));
        assert!(d.is_none());
        let array: Value = sonic_rs::from_str("[1]").unwrap();
        assert_eq!(fields(&array, ["0"]), [None]);
        assert_eq!(non_empty(v.get("a")), Some("x"));
        let empty: Value = sonic_rs::from_str(r#"{"s":""}"#).unwrap();
        assert_eq!(non_empty(empty.get("s")), None);
        assert_eq!(
            elements(sonic_rs::from_str::<Value>("[1,2]").ok().as_ref()).count(),
            2
        );
        assert_eq!(elements(v.get("a")).count(), 0);
    }

    #[test]
    fn conversion_is_deterministic() {
        let s: serde_json::Value =
            serde_json::from_str(r#"{"b":1,"a":{"z":1,"y":2},"c":[3]}"#).unwrap();
        let text = sonic_rs::to_string(&from_serde(&s)).unwrap();
        for _ in 0..20 {
            assert_eq!(sonic_rs::to_string(&from_serde(&s)).unwrap(), text);
        }
        assert_eq!(text, r#"{"a":{"y":2,"z":1},"b":1,"c":[3]}"#);
    }

    #[test]
    fn serde_round_trip() {
        let s = serde_json::json!({"k": [1, "two", null, true, {"x": 1.5}]});
        assert_eq!(to_serde(&from_serde(&s)), s);
    }
}
