//! YAML on every core: the documents of a stream are parsed in parallel, and a large `List`
//! (`kubectl get -A -o yaml`, one document of hundreds of MB) is split into its items.
//!
//! libyaml parses one document serially and, through serde, holds every event of it before
//! building a value: a 400 MB list took 50 s and 8 GB whole. kubectl writes a list's items as
//! a block sequence under `items:`, each item starting with `- ` at the sequence's column and
//! every other line of it indented further (a block scalar's content is indented past its key,
//! so no content line can sit at that column). Cutting at those lines gives runs of items that
//! are YAML sequences on their own. Anything the cutter does not recognise (tabs, `items:` not
//! followed by a block sequence) leaves the document to be parsed whole.

use crate::documents::Document;
use crate::{expand, location, parse_yaml_document, Located};
use kubegraph_model::json::{JsonValueTrait, Value};
use kubegraph_model::Diagnostic;
use rayon::prelude::*;
use std::ops::Range;

/// A run of items parsed at once covers about this much text.
const BATCH_BYTES: usize = 1 << 20;

/// Parses every document of `text`, in parallel, keeping the stream's order.
pub(crate) fn parse(name: &str, text: &str, out: &mut Vec<Located>, diags: &mut Vec<Diagnostic>) {
    let docs = crate::split_yaml_documents(text);
    let parsed: Vec<(Vec<Located>, Vec<Diagnostic>)> = docs
        .par_iter()
        .with_min_len(16)
        .map(|doc| {
            let (mut o, mut d) = (Vec::new(), Vec::new());
            if doc.text.len() < crate::SPLIT_MIN_BYTES || !parse_list(name, doc, &mut o, &mut d) {
                parse_yaml_document(name, doc, &mut o, &mut d);
            }
            (o, d)
        })
        .collect();
    for (o, d) in parsed {
        out.extend(o);
        diags.extend(d);
    }
}

/// Where a list document's items are.
#[derive(Debug, PartialEq, Eq)]
struct Items {
    /// The document with its items taken out (`items: []`), to read the list's own fields.
    header: String,
    /// Each item's text, from its `- ` line (indentation included) to the next item.
    items: Vec<Range<usize>>,
    /// The line of each item's start, counted from the document's first line (0-based).
    lines: Vec<usize>,
}

/// The items of a document whose top level has `items:` followed by a block sequence.
fn split(text: &str) -> Option<Items> {
    let mut offset = 0;
    let mut key: Option<(usize, usize)> = None; // (start, end) of the `items:` line
    let mut seq_indent = None;
    let mut items = Vec::new();
    let mut lines = Vec::new();
    let mut end = None;
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        if key.is_none() {
            if bare.trim_end() == "items:" {
                key = Some((start, offset));
            }
            continue;
        }
        let content = bare.trim_start_matches(' ');
        if content.starts_with('\t') {
            return None;
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = bare.len() - content.len();
        let dash = content == "-" || content.starts_with("- ");
        let k = *seq_indent.get_or_insert(indent);
        if indent == k && dash {
            items.push(start..start);
            lines.push(line_no);
        } else if indent < k || (indent == k && !dash) || items.is_empty() {
            end = Some(start);
            break;
        }
    }
    let (key_start, key_end) = key?;
    let end = end.unwrap_or(text.len());
    if items.is_empty() {
        return None;
    }
    for i in 0..items.len() {
        items[i].end = items.get(i + 1).map_or(end, |next| next.start);
    }
    let header = format!("{}items: []\n{}", &text[..key_start], &text[end..]);
    debug_assert!(key_end <= items[0].start);
    Some(Items {
        header,
        items,
        lines,
    })
}

/// Parses a large list document item by item on every core. `false` (having done nothing)
/// when it is not a list the cutter understands.
fn parse_list(
    name: &str,
    doc: &Document,
    out: &mut Vec<Located>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(split) = split(doc.text) else {
        return false;
    };
    let Ok(header) = serde_yaml_ng::from_str::<serde_json::Value>(&split.header) else {
        return false;
    };
    let header = kubegraph_model::json::from_serde(&header);
    if !expand::is_list(&header) {
        return false;
    }
    let kind = header.get("kind").and_then(|k| k.as_str()).unwrap_or("");
    let header = expand::ListHeader::new(kind, header.get("apiVersion").and_then(|v| v.as_str()));
    let batches = crate::batches(&split.items, BATCH_BYTES);
    let parsed: Vec<Vec<Result<Value, Diagnostic>>> = batches
        .par_iter()
        .map(|b| parse_batch(name, doc, &split, b.clone()))
        .collect();
    let loc = location(name, Some((doc.first_line, 1)));
    for value in parsed.into_iter().flatten() {
        match value {
            Ok(v) => expand::expand_item(&header, v, &loc, out, diags),
            Err(d) => diags.push(d),
        }
    }
    true
}

/// A run of items as one sequence, rewritten as JSON text and parsed by sonic-rs: faster than
/// building serde_json values and converting them, and the values land in one compact arena
/// per batch, as JSON input's do.
fn transcode(text: &str) -> Option<Vec<Value>> {
    let mut json = Vec::with_capacity(text.len());
    let de = serde_yaml_ng::Deserializer::from_str(text);
    serde_transcode::transcode(de, &mut serde_json::Serializer::new(&mut json)).ok()?;
    Some(
        sonic_rs::from_slice::<Value>(&json)
            .ok()?
            .into_array()?
            .into_iter()
            .collect(),
    )
}

/// A run of items as one sequence; if it does not parse, each item alone, so that only the
/// broken ones are lost, each located.
fn parse_batch(
    name: &str,
    doc: &Document,
    split: &Items,
    batch: Range<usize>,
) -> Vec<Result<Value, Diagnostic>> {
    let span = split.items[batch.start].start..split.items[batch.end - 1].end;
    if let Some(values) = transcode(&doc.text[span]) {
        return values.into_iter().map(Ok).collect();
    }
    batch
        .map(|i| {
            let text = &doc.text[split.items[i].clone()];
            let first_line = doc.first_line + split.lines[i];
            match serde_yaml_ng::from_str::<Vec<serde_json::Value>>(text) {
                Ok(mut v) if v.len() == 1 => Ok(kubegraph_model::json::from_serde(&v.remove(0))),
                Ok(_) => Err(Diagnostic::new("invalid YAML in a list item: not one item")
                    .at(location(name, Some((first_line, 1))))
                    .hint("this item is skipped; the other items still load")
                    .skipped()),
                Err(e) => {
                    Err(
                        crate::yaml_error(name, &e, first_line, "invalid YAML in a list item")
                            .hint("this item is skipped; the other items still load"),
                    )
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, s: &Items) -> Vec<&'a str> {
        s.items.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn cuts_kubectl_lists_at_their_items() {
        let text = "apiVersion: v1\nitems:\n- kind: A\n  data:\n    x: |\n      - not an item\n\n# note\n- kind: B\nkind: List\nmetadata:\n  resourceVersion: \"\"\n";
        let s = split(text).unwrap();
        assert_eq!(
            texts(text, &s),
            [
                "- kind: A\n  data:\n    x: |\n      - not an item\n\n# note\n",
                "- kind: B\n"
            ]
        );
        assert_eq!(s.lines, [2, 8]);
        assert_eq!(
            s.header,
            "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n"
        );
    }

    #[test]
    fn indented_sequences_and_what_is_not_a_list() {
        let text = "items:\n  - a: 1\n    b: 2\n  - c: 3\nkind: List\n";
        assert_eq!(
            texts(text, &split(text).unwrap()),
            ["  - a: 1\n    b: 2\n", "  - c: 3\n"]
        );
        for text in [
            "kind: Pod\n",
            "items:\n  a: 1\n",
            "items:\n\t- a\n",
            "items: []\n",
        ] {
            assert_eq!(split(text), None, "{text}");
        }
    }

    #[test]
    fn a_broken_item_is_located_and_the_others_load() {
        let mut text = String::from("apiVersion: v1\nitems:\n");
        for i in 0..2000 {
            text.push_str(&format!(
                "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c{i}\n    namespace: x\n"
            ));
            if i == 1000 {
                text.push_str("  data: {broken: [\n");
            }
        }
        text.push_str("kind: List\n");
        let doc = Document {
            text: &text,
            first_line: 3,
        };
        let (mut out, mut diags) = (Vec::new(), Vec::new());
        assert!(parse_list("big.yaml", &doc, &mut out, &mut diags));
        assert_eq!(out.len(), 1999);
        assert_eq!(diags.len(), 1, "{diags:?}");
        // Item 1000 starts at the text's line 2 + 1000 * 5 (from 0), the text at line 3: 5005;
        // its broken line is its sixth.
        let line = diags[0].location.as_ref().unwrap().line.unwrap();
        assert!((5005..=5012).contains(&line), "{}", diags[0]);
        assert!(
            diags[0].message.starts_with("invalid YAML in a list item"),
            "{}",
            diags[0]
        );
    }
}
