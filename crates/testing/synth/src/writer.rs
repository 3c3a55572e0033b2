//! Streams a `List` the way `kubectl get -o json` prints it: 4-space indent, items written one
//! at a time straight into the output (the document is never held in memory).

use serde::Serialize;
use serde_json::ser::Formatter;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// serde_json's pretty formatter with a 4-space indent that starts at a given depth, so that an
/// item serialized alone lands at its place inside `items`.
struct Indented {
    depth: usize,
    has_value: bool,
}

const INDENT: &[u8] = b"    ";

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        w.write_all(INDENT)?;
    }
    Ok(())
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Counts what passes through.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The `List` being written.
pub(crate) struct ListWriter<W: Write> {
    out: Counting<io::BufWriter<W>>,
    items: usize,
    pub(crate) by_kind: BTreeMap<&'static str, usize>,
}

impl<W: Write> ListWriter<W> {
    pub(crate) fn begin(writer: W) -> io::Result<Self> {
        let mut out = Counting {
            inner: io::BufWriter::with_capacity(1 << 16, writer),
            bytes: 0,
        };
        out.write_all(b"{\n    \"apiVersion\": \"v1\",\n    \"items\": [")?;
        Ok(ListWriter {
            out,
            items: 0,
            by_kind: BTreeMap::new(),
        })
    }

    /// Writes one item; `kind` is only counted.
    pub(crate) fn item(&mut self, kind: &'static str, value: &Value) -> io::Result<()> {
        self.out
            .write_all(if self.items == 0 { b"\n" } else { b",\n" })?;
        indent(&mut self.out, 2)?;
        let mut ser = serde_json::Serializer::with_formatter(
            &mut self.out,
            Indented {
                depth: 2,
                has_value: false,
            },
        );
        value.serialize(&mut ser).map_err(io::Error::other)?;
        self.items += 1;
        *self.by_kind.entry(kind).or_default() += 1;
        Ok(())
    }

    /// Closes the list; returns the number of items and bytes written.
    pub(crate) fn finish(mut self) -> io::Result<(usize, u64, BTreeMap<&'static str, usize>)> {
        if self.items > 0 {
            self.out.write_all(b"\n    ")?;
        }
        self.out.write_all(
            b"],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n",
        )?;
        self.out.flush()?;
        Ok((self.items, self.out.bytes, self.by_kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_are_indented_like_kubectl() {
        let mut buf = Vec::new();
        let mut w = ListWriter::begin(&mut buf).unwrap();
        w.item(
            "Pod",
            &json!({"kind": "Pod", "metadata": {"name": "p", "labels": {}}, "list": [1, []]}),
        )
        .unwrap();
        w.item("Pod", &json!({"kind": "Pod"})).unwrap();
        w.finish().unwrap();
        let expected = r#"{
    "apiVersion": "v1",
    "items": [
        {
            "kind": "Pod",
            "list": [
                1,
                []
            ],
            "metadata": {
                "labels": {},
                "name": "p"
            }
        },
        {
            "kind": "Pod"
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
"#;
        assert_eq!(String::from_utf8(buf).unwrap(), expected);
    }

    #[test]
    fn an_empty_list_is_valid_json() {
        let mut buf = Vec::new();
        ListWriter::begin(&mut buf).unwrap().finish().unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["items"], json!([]));
    }
}
