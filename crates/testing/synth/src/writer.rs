//! Streams a `List` the way kubectl prints it: `-o json` (4-space indent), `get --raw` (one
//! line) or `-o yaml`, items written one at a time straight into the output (the document is
//! never held in memory).

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
    format: Format,
    items: usize,
    /// Objects are cut down to [`crate::Detail::Minimal`] before they are written.
    pub(crate) minimal: bool,
    pub(crate) by_kind: BTreeMap<&'static str, usize>,
}

impl<W: Write> ListWriter<W> {
    pub(crate) fn begin(writer: W, format: Format, minimal: bool) -> io::Result<Self> {
        let mut out = Counting {
            inner: io::BufWriter::with_capacity(1 << 16, writer),
            bytes: 0,
        };
        out.write_all(match format {
            Format::Pretty => b"{\n    \"apiVersion\": \"v1\",\n    \"items\": [",
            Format::OneLine => b"{\"apiVersion\":\"v1\",\"items\":[",
            Format::Yaml => b"apiVersion: v1\nitems:\n",
        })?;
        Ok(ListWriter {
            out,
            format,
            items: 0,
            minimal,
            by_kind: BTreeMap::new(),
        })
    }

    /// Writes one item; `kind` is only counted.
    pub(crate) fn item(&mut self, kind: &'static str, value: &Value) -> io::Result<()> {
        match self.format {
            Format::Pretty => {
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
            }
            Format::OneLine => {
                if self.items > 0 {
                    self.out.write_all(b",")?;
                }
                serde_json::to_writer(&mut self.out, value).map_err(io::Error::other)?;
            }
            Format::Yaml => {
                // A sequence item under `items:` at column 0, as kubectl writes it: the first
                // line after `- `, the others indented by two (block scalars included, whose
                // indentation is relative).
                let text = serde_yaml_ng::to_string(value).map_err(io::Error::other)?;
                for (i, line) in text.lines().enumerate() {
                    let prefix: &[u8] = match (i, line.is_empty()) {
                        (0, _) => b"- ",
                        (_, true) => b"",
                        _ => b"  ",
                    };
                    self.out.write_all(prefix)?;
                    self.out.write_all(line.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
            }
        }
        self.items += 1;
        *self.by_kind.entry(kind).or_default() += 1;
        Ok(())
    }

    /// Closes the list; returns the number of items and bytes written.
    pub(crate) fn finish(mut self) -> io::Result<(usize, u64, BTreeMap<&'static str, usize>)> {
        match self.format {
            Format::Pretty => {
                if self.items > 0 {
                    self.out.write_all(b"\n    ")?;
                }
                self.out.write_all(
                    b"],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n",
                )?;
            }
            Format::OneLine => self
                .out
                .write_all(b"],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}\n")?,
            Format::Yaml => {
                if self.items == 0 {
                    // `items:` alone would be null.
                    self.out.write_all(b"  []\n")?;
                }
                self.out
                    .write_all(b"kind: List\nmetadata:\n  resourceVersion: \"\"\n")?
            }
        }
        self.out.flush()?;
        Ok((self.items, self.out.bytes, self.by_kind))
    }
}

/// How the list is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// `kubectl get -o json`: pretty, 4-space indent.
    #[default]
    Pretty,
    /// `kubectl get --raw` (what the API server sends), `jq -c`: one line.
    OneLine,
    /// `kubectl get -o yaml`: a `List` whose items are a block sequence at column 0.
    Yaml,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_are_indented_like_kubectl() {
        let mut buf = Vec::new();
        let mut w = ListWriter::begin(&mut buf, Format::Pretty, false).unwrap();
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
        ListWriter::begin(&mut buf, Format::Pretty, false)
            .unwrap()
            .finish()
            .unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["items"], json!([]));
        for format in [Format::OneLine, Format::Yaml] {
            let mut buf = Vec::new();
            ListWriter::begin(&mut buf, format, false)
                .unwrap()
                .finish()
                .unwrap();
            let v: Value = serde_yaml_ng::from_slice(&buf).unwrap();
            assert_eq!(v["items"], json!([]), "{format:?}");
        }
    }

    #[test]
    fn every_format_holds_the_same_items() {
        let items = [
            json!({"kind": "ConfigMap", "data": {"ca.crt": "-----BEGIN-----\nAAA\n-----END-----\n"}}),
            json!({"kind": "Pod", "metadata": {"name": "p", "labels": {}}, "list": [1, []]}),
        ];
        let mut lists = Vec::new();
        for format in [Format::Pretty, Format::OneLine, Format::Yaml] {
            let mut buf = Vec::new();
            let mut w = ListWriter::begin(&mut buf, format, false).unwrap();
            for item in &items {
                w.item("x", item).unwrap();
            }
            w.finish().unwrap();
            if format == Format::OneLine {
                assert_eq!(buf.iter().filter(|&&b| b == b'\n').count(), 1);
            }
            let v: Value = serde_yaml_ng::from_slice(&buf).unwrap();
            lists.push(v);
        }
        assert_eq!(lists[0]["items"], json!(items));
        assert_eq!(lists[0], lists[1]);
        assert_eq!(lists[0], lists[2]);
    }
}
