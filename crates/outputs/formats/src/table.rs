//! The table writer: a header and rows of text cells as an aligned text table, CSV or
//! Markdown. Every table kubegraph prints goes through [`write()`].
//!
//! * **Text**: left-aligned columns two spaces apart, widths in characters, no trailing spaces.
//! * **CSV** (RFC 4180): a field holding a comma, a quote, a line break or surrounding spaces is
//!   quoted, quotes doubled; lines end in `\n`.
//! * **Markdown** (GitHub-flavoured): `| a | b |` rows, `|` and `\` escaped, line breaks as
//!   `<br>`; the rule under the header is `| --- |` per column ([`Rule::Short`]) or as wide as
//!   each header ([`Rule::Wide`], netpol-analyzer's `|-----|`).
//!
//! CSV and Markdown rows are written as they come (a listing of millions of lines is never
//! held); the text table needs every row for its widths.
//!
//! ```
//! use kubegraph_formats::table::{write, Layout, Rule};
//!
//! let rows = || vec![vec!["web".to_string(), "shop".to_string()], vec!["a, b".to_string(), "-".to_string()]];
//! let text = |layout| {
//!     let mut out = Vec::new();
//!     write(&mut out, layout, &["name", "namespace"], rows()).unwrap();
//!     String::from_utf8(out).unwrap()
//! };
//! assert_eq!(text(Layout::Text), "name  namespace\nweb   shop\na, b  -\n");
//! assert_eq!(text(Layout::Csv), "name,namespace\nweb,shop\n\"a, b\",-\n");
//! assert_eq!(text(Layout::Markdown(Rule::Short)), "| name | namespace |\n| --- | --- |\n| web | shop |\n| a, b | - |\n");
//! assert_eq!(text(Layout::Markdown(Rule::Wide)), "| name | namespace |\n|------|-----------|\n| web | shop |\n| a, b | - |\n");
//! ```

use std::borrow::Cow;
use std::io::{self, Write};

/// How a table is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Aligned columns.
    Text,
    /// Comma-separated values.
    Csv,
    /// A Markdown table with this rule under the header.
    Markdown(Rule),
}

/// The rule under a Markdown table's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `| --- | --- |`
    Short,
    /// `|------|-----|`: as wide as each header cell and its padding.
    Wide,
}

/// Writes `header` and `rows` in `layout`.
pub fn write<R, C>(
    out: &mut dyn Write,
    layout: Layout,
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> io::Result<()>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    write_with(out, layout, header, rows, true)
}

/// [`write()`], with the header line or without it (`--no-headers`, for text and CSV; a
/// Markdown table always has its header).
pub fn write_with<R, C>(
    out: &mut dyn Write,
    layout: Layout,
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
    headers: bool,
) -> io::Result<()>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    match layout {
        Layout::Text => {
            let mut all: Vec<Vec<String>> = Vec::new();
            if headers {
                all.push(header.iter().map(|h| h.to_string()).collect());
            }
            all.extend(
                rows.into_iter()
                    .map(|r| r.into_iter().map(|c| c.as_ref().to_string()).collect()),
            );
            text(out, &all)
        }
        Layout::Csv => {
            if headers {
                csv_line(out, header.iter().copied())?;
            }
            for r in rows {
                let cells: Vec<C> = r.into_iter().collect();
                csv_line(out, cells.iter().map(AsRef::as_ref))?;
            }
            Ok(())
        }
        Layout::Markdown(rule) => {
            md_line(out, header.iter().copied())?;
            match rule {
                Rule::Short => md_line(out, header.iter().map(|_| "---"))?,
                Rule::Wide => {
                    out.write_all(b"|")?;
                    for h in header {
                        write!(out, "{}|", "-".repeat(h.chars().count() + 2))?;
                    }
                    out.write_all(b"\n")?;
                }
            }
            for r in rows {
                let cells: Vec<C> = r.into_iter().collect();
                md_line(out, cells.iter().map(AsRef::as_ref))?;
            }
            Ok(())
        }
    }
}

/// Left-aligned columns, two spaces apart, no trailing spaces; the first row is the header.
fn text(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let ncols = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..ncols)
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut line = String::new();
    for r in rows {
        line.clear();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < ncols {
                let pad = widths
                    .get(i)
                    .map_or(0, |w| w.saturating_sub(cell.chars().count()));
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A CSV field: quoted when it holds a comma, a quote, a line break or surrounding spaces, with
/// quotes doubled.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

fn csv_line<'a>(out: &mut dyn Write, cells: impl Iterator<Item = &'a str>) -> io::Result<()> {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(csv_field(c).as_bytes())?;
    }
    out.write_all(b"\n")
}

/// A Markdown cell: `\` and `|` escaped, line breaks as `<br>`.
pub fn md_cell(s: &str) -> Cow<'_, str> {
    if s.contains(['\\', '|', '\n']) {
        Cow::Owned(
            s.replace('\\', "\\\\")
                .replace('|', "\\|")
                .replace("\r\n", "<br>")
                .replace('\n', "<br>"),
        )
    } else {
        Cow::Borrowed(s)
    }
}

fn md_line<'a>(out: &mut dyn Write, cells: impl Iterator<Item = &'a str>) -> io::Result<()> {
    out.write_all(b"|")?;
    for c in cells {
        write!(out, " {} |", md_cell(c))?;
    }
    out.write_all(b"\n")
}
