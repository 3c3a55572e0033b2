/// One YAML document of a multi-document file, with the line it starts on (1-based).
#[derive(Debug, PartialEq, Eq)]
pub struct Document<'a> {
    pub text: &'a str,
    pub first_line: usize,
}

/// Splits a YAML stream at its document markers (`---` and `...` at the start of a line).
///
/// libyaml-based parsers stop at the first error in a stream, which would lose every document
/// after a broken one. Markers are only markers at column 0, where no block scalar can put them,
/// so splitting first and parsing each document alone keeps the rest of the file, and keeps line
/// numbers exact. Content after `--- ` on the marker line belongs to the new document.
pub fn split_yaml_documents(text: &str) -> Vec<Document<'_>> {
    let mut docs = Vec::new();
    let mut start = 0usize;
    let mut start_line = 1usize;
    let mut offset = 0usize;
    for (line_no, line) in (1usize..).zip(text.split_inclusive('\n')) {
        let bare = line.trim_end_matches(['\n', '\r']);
        let is_start = bare == "---" || bare.starts_with("--- ") || bare.starts_with("---\t");
        let is_end = bare == "...";
        if is_start || is_end {
            push(&mut docs, &text[start..offset], start_line);
            if is_start && bare.len() > 3 {
                // `--- {inline: doc}`: keep the content, blank out the marker.
                start = offset + 3;
            } else {
                start = offset + line.len();
            }
            start_line = if is_start && bare.len() > 3 {
                line_no
            } else {
                line_no + 1
            };
        }
        offset += line.len();
    }
    push(&mut docs, &text[start..], start_line);
    docs
}

fn push<'a>(docs: &mut Vec<Document<'a>>, text: &'a str, first_line: usize) {
    let has_content = text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && !t.starts_with('%')
    });
    if has_content {
        docs.push(Document { text, first_line });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_markers_and_keeps_lines() {
        let text = "a: 1\n---\n# only a comment\n---\nb: 2\nc: |\n  ---\n  not a marker\n...\n--- {d: 3}\n";
        let docs = split_yaml_documents(text);
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert_eq!(
            docs[0],
            Document {
                text: "a: 1\n",
                first_line: 1
            }
        );
        assert_eq!(docs[1].first_line, 5);
        assert!(docs[1].text.contains("not a marker"));
        assert_eq!(docs[2].text.trim(), "{d: 3}");
        assert_eq!(docs[2].first_line, 10);
    }

    #[test]
    fn crlf_and_no_markers() {
        let docs = split_yaml_documents("a: 1\r\n---\r\nb: 2\r\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].first_line, 3);
        assert_eq!(split_yaml_documents("").len(), 0);
    }
}
