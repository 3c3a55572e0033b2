//! Finds the items of a large JSON list without parsing them, so that they can be parsed in
//! parallel and the input released batch by batch.
//!
//! A cluster dump is one `List` whose `items` hold every object. Parsed whole, it is one serial
//! parse that keeps the entire input alive until the end. The scanner below only tracks strings
//! and nesting (no JSON library offers item boundaries without building values), which is a
//! byte loop with `memchr` inside strings. It is lenient: anything it does not understand makes it
//! give up, and the caller parses the document whole, which also reports syntax errors properly.

use memchr::{memchr2, memchr3};
use std::ops::Range;

/// Where a document's items are.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split {
    /// The span of the `items` array (brackets included) when the document is an object; `None`
    /// when the document itself is the array.
    pub array: Option<Range<usize>>,
    /// Each item's span.
    pub items: Vec<Range<usize>>,
}

/// The items of a top-level array, or of the `items` array of a top-level object.
pub(crate) fn split(bytes: &[u8]) -> Option<Split> {
    let start = skip_ws(bytes, 0);
    match bytes.get(start)? {
        b'[' => {
            let (items, end) = elements(bytes, start)?;
            (skip_ws(bytes, end) == bytes.len()).then_some(Split { array: None, items })
        }
        b'{' => {
            let mut i = skip_ws(bytes, start + 1);
            let mut found = None;
            loop {
                if bytes.get(i)? == &b'}' {
                    i += 1;
                    break;
                }
                let key_end = skip_string(bytes, i)?;
                let key = &bytes[i..key_end];
                i = skip_ws(bytes, key_end);
                if bytes.get(i)? != &b':' {
                    return None;
                }
                i = skip_ws(bytes, i + 1);
                if key == b"\"items\"" && bytes.get(i)? == &b'[' {
                    let (items, end) = elements(bytes, i)?;
                    found = Some((i..end, items));
                    i = end;
                } else {
                    i = skip_value(bytes, i)?;
                }
                i = skip_ws(bytes, i);
                match bytes.get(i)? {
                    b',' => i = skip_ws(bytes, i + 1),
                    b'}' => {
                        i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
            if skip_ws(bytes, i) != bytes.len() {
                return None;
            }
            let (array, items) = found?;
            Some(Split {
                array: Some(array),
                items,
            })
        }
        _ => None,
    }
}

/// The values of a stream of concatenated JSON values (`kubectl get -w -o json`, `jq -c
/// '.items[]'`): at least two, separated by whitespace only.
pub(crate) fn split_stream(bytes: &[u8]) -> Option<Vec<Range<usize>>> {
    let mut values = Vec::new();
    let mut i = skip_ws(bytes, 0);
    while i < bytes.len() {
        if !matches!(bytes[i], b'{' | b'[') {
            return None;
        }
        let end = skip_value(bytes, i)?;
        values.push(i..end);
        i = skip_ws(bytes, end);
    }
    (values.len() > 1).then_some(values)
}

/// The elements of the array opening at `open`, and the index just past its `]`.
fn elements(bytes: &[u8], open: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let mut items = Vec::new();
    let mut i = skip_ws(bytes, open + 1);
    if bytes.get(i)? == &b']' {
        return Some((items, i + 1));
    }
    loop {
        let end = skip_value(bytes, i)?;
        items.push(i..end);
        i = skip_ws(bytes, end);
        match bytes.get(i)? {
            b',' => i = skip_ws(bytes, i + 1),
            b']' => return Some((items, i + 1)),
            _ => return None,
        }
    }
}

/// The index just past the value starting at `i`.
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => skip_string(bytes, i),
        &open @ (b'{' | b'[') => {
            // Only quotes and this container's own brackets matter: the other kind of bracket
            // cannot close it, and brackets inside strings are skipped with the string.
            let close = if open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut j = i;
            loop {
                j += memchr3(b'"', open, close, &bytes[j..])?;
                match bytes[j] {
                    b'"' => {
                        j = skip_string(bytes, j)?;
                        continue;
                    }
                    b if b == open => depth += 1,
                    _ => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                }
                j += 1;
            }
        }
        _ => {
            let len = bytes[i..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']') || is_json_ws(b))
                .unwrap_or(bytes.len() - i);
            (len > 0).then_some(i + len)
        }
    }
}

/// The index just past the string whose opening quote is at `i`.
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    if bytes.get(i)? != &b'"' {
        return None;
    }
    let mut j = i + 1;
    loop {
        let k = j + memchr2(b'"', b'\\', &bytes[j..])?;
        if bytes[k] == b'"' {
            return Some(k + 1);
        }
        j = k + 2;
        if j > bytes.len() {
            return None;
        }
    }
}

/// JSON's whitespace: space, tab, line feed, carriage return. (`u8::is_ascii_whitespace` also
/// accepts form feed, which JSON does not; the fuzzer found the scanner accepting `[\x0c]`.)
fn is_json_ws(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_json_ws(&bytes[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(bytes: &'a [u8], s: &Split) -> Vec<&'a str> {
        s.items
            .iter()
            .map(|r| std::str::from_utf8(&bytes[r.clone()]).unwrap())
            .collect()
    }

    #[test]
    fn finds_list_items_between_other_keys() {
        let doc = br#"{"apiVersion": "v1", "items": [ {"a": "x,}]\"y"}, [1, {"b": 2}] , "s", 3.5e1, null ],
            "kind": "List", "metadata": {"items": [9]}}"#;
        let s = split(doc).unwrap();
        assert_eq!(
            texts(doc, &s),
            [
                r#"{"a": "x,}]\"y"}"#,
                r#"[1, {"b": 2}]"#,
                r#""s""#,
                "3.5e1",
                "null"
            ]
        );
        let array = s.array.unwrap();
        assert_eq!(&doc[array.start..array.start + 1], b"[");
        assert_eq!(&doc[array.end - 1..array.end], b"]");
    }

    #[test]
    fn top_level_arrays_and_empty_lists() {
        let doc = b" [ {\"k\": 1} ,{} ] \n";
        assert_eq!(texts(doc, &split(doc).unwrap()), ["{\"k\": 1}", "{}"]);
        let doc = br#"{"kind": "List", "items": []}"#;
        assert_eq!(split(doc).unwrap().items.len(), 0);
    }

    #[test]
    fn streams_of_values() {
        let doc = b"{\"a\": \"}{\"}\n[1, 2] {}\n";
        let values = split_stream(doc).unwrap();
        let texts: Vec<_> = values.iter().map(|r| &doc[r.clone()]).collect();
        assert_eq!(texts, [&b"{\"a\": \"}{\"}"[..], b"[1, 2]", b"{}"]);
        for doc in [&b"{}"[..], b"{} 3", b"{} {", b"{}, {}", b""] {
            assert_eq!(split_stream(doc), None, "{}", String::from_utf8_lossy(doc));
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_understand() {
        for doc in [
            &br#"{"kind": "Pod"}"#[..],
            br#"{"items": [1, 2}"#,
            br#"{"items": [1] "#,
            br#"{"items": "not an array"}"#,
            br#"{"items": [1]} trailing"#,
            br#"{"items": ["unterminated]}"#,
            b"",
            b"42",
        ] {
            assert_eq!(split(doc), None, "{}", String::from_utf8_lossy(doc));
        }
    }
}

/// Appends `src` to `dst` without the whitespace between tokens. The JSON parser keeps a copy of
/// its input as the backing store of its strings, and indented dumps (`kubectl get -o json`) are
/// close to half indentation; removing it before parsing halves that copy.
///
/// Returns how deep arrays and objects nest in `src` (see [`MAX_DEPTH`]).
pub(crate) fn minify_into(dst: &mut Vec<u8>, src: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if b == b'"' {
            let end = skip_string(src, i).unwrap_or(src.len());
            dst.extend_from_slice(&src[i..end]);
            i = end;
        } else {
            match b {
                b'[' | b'{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if !is_json_ws(&b) {
                dst.push(b);
            }
            i += 1;
        }
    }
    deepest
}

/// How deep arrays and objects may nest in a value given to sonic-rs, whose parser recurses
/// once per level without a limit (a value nested 100k deep overflows any thread's stack and
/// aborts the process). serde's parsers stop at the same depth.
pub(crate) const MAX_DEPTH: usize = 128;

/// The offset of the first bracket in `bytes` that opens a level past [`MAX_DEPTH`].
pub(crate) fn too_deep(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // An unterminated string: the parser reports it.
            b'"' => {
                i = skip_string(bytes, i)?;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod minify_tests {
    use super::minify_into;

    #[test]
    fn keeps_strings_whole_and_drops_the_rest_of_the_whitespace() {
        let mut out = Vec::new();
        minify_into(
            &mut out,
            b"{\n    \"a b\": [ 1 ,\t\"x \\\" y\" ],\r\n \"c\" : null }",
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a b":[1,"x \" y"],"c":null}"#
        );
        let mut out = Vec::new();
        minify_into(&mut out, b"\"unterminated  ");
        assert_eq!(out, b"\"unterminated  ");
    }
}
