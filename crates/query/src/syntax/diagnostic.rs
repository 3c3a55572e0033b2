//! Diagnostics: where (a byte span into the query), what went wrong there, and a suggestion
//! when the offending word is close to something the language knows. One type for parse
//! errors and for evaluation errors ([`ErrorKind::Eval`]), drawn under the query by
//! [`Diagnostic::render`].

use std::fmt;

/// A byte range into the query text. Every AST node and every error carries one, so a later
/// step (the planner, `explain`) can point back at the query the user typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// What went wrong. Each parse error knows what the parser expected at that place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// A token the grammar does not allow here.
    #[error("expected {expected}, found {found}")]
    Unexpected {
        /// What would have been accepted.
        expected: String,
        /// What was there, as the user wrote it.
        found: String,
    },
    /// `is(…)` of a word close to a known kind.
    #[error("unknown kind `{0}`")]
    UnknownKind(String),
    /// An arrow naming an edge kind that does not exist.
    #[error("unknown edge kind `{0}`")]
    UnknownEdgeKind(String),
    /// A word after `|` that is no command.
    #[error("unknown command `{0}`")]
    UnknownCommand(String),
    /// `format F` with a name the caller does not print.
    #[error("unknown format `{0}`")]
    UnknownFormat(String),
    /// A Gremlin step nobody knows.
    #[error("unknown Gremlin step `{0}`")]
    UnknownStep(String),
    /// A Skydive step with no meaning on an object graph.
    #[error("Gremlin step `{0}` is not supported by kubegraph")]
    UnsupportedStep(String),
    /// A Gremlin predicate nobody knows.
    #[error("unknown Gremlin predicate `{0}`")]
    UnknownPredicate(String),
    /// A number with a unit that is neither a duration's nor a quantity's.
    #[error("unknown unit in `{0}` (durations: w d h m s; quantities: n u m k M G T P E Ki Mi Gi Ti Pi Ei)")]
    UnknownUnit(String),
    /// A quote that is never closed.
    #[error("unterminated string")]
    UnterminatedString,
    /// A backslash escape strings do not have.
    #[error("invalid escape `{0}` in string")]
    InvalidEscape(String),
    /// A character no token starts with.
    #[error("unexpected character `{0}`")]
    UnexpectedChar(char),
    /// An arrow that does not parse.
    #[error("malformed traversal: {0}")]
    BadTraversal(String),
    /// A number out of range or of the wrong shape; the text says which.
    #[error("{0}")]
    BadNumber(String),
    /// Parentheses, `not` or `with` nested deeper than the parser allows.
    #[error("query nests deeper than {0} levels")]
    TooDeep(usize),
    /// A query that parsed but cannot run (a bad regex, a command after `count`, a format the
    /// result cannot print as, …); the text says why.
    #[error("{0}")]
    Eval(String),
    /// Not an error: a query that runs but likely does not say what was meant (a path on no
    /// object, a value a field cannot have); see [`crate::eval::lint`].
    #[error("{0}")]
    Warning(String),
}

/// A spanned error: of parsing or of evaluation. [`Diagnostic::render`] draws it under the
/// query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostic {
    /// Where in the query.
    pub span: Span,
    /// What went wrong.
    pub kind: ErrorKind,
    /// A close known word (`deployment` for `deploymnet`), when there is one.
    pub suggestion: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// A diagnostic without a suggestion.
    pub fn new(span: Span, kind: ErrorKind) -> Self {
        Diagnostic {
            span,
            kind,
            suggestion: None,
        }
    }

    /// A query that parsed but cannot run, with the span of the construct at fault.
    pub fn eval(span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(span, ErrorKind::Eval(message.into()))
    }

    /// `expected …, found …`.
    pub fn unexpected(span: Span, expected: impl Into<String>, found: impl Into<String>) -> Self {
        Diagnostic::new(
            span,
            ErrorKind::Unexpected {
                expected: expected.into(),
                found: found.into(),
            },
        )
    }

    /// The same, suggesting a close known word.
    pub fn with_suggestion(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// What the parser would have accepted at the span (for an evaluation error: a query that
    /// can run).
    pub fn expected(&self) -> &str {
        match &self.kind {
            ErrorKind::Unexpected { expected, .. } => expected,
            ErrorKind::UnknownKind(_) => "a kind",
            ErrorKind::UnknownEdgeKind(_) => "an edge kind",
            ErrorKind::UnknownCommand(_) => "a command",
            ErrorKind::UnknownFormat(_) => "an output format",
            ErrorKind::UnknownStep(_) | ErrorKind::UnsupportedStep(_) => "a Gremlin step",
            ErrorKind::UnknownPredicate(_) => "a Gremlin predicate",
            ErrorKind::UnknownUnit(_) => "a number with a known unit",
            ErrorKind::UnterminatedString => "a closing quote",
            ErrorKind::InvalidEscape(_) => "an escape (\\\\ \\\" \\' \\n \\t \\r \\/ \\uXXXX)",
            ErrorKind::UnexpectedChar(_) => "a token",
            ErrorKind::BadTraversal(_) => "a traversal (`-->`, `<--`, `<-->`, `-kind[1:2]->`)",
            ErrorKind::BadNumber(_) => "a number",
            ErrorKind::TooDeep(_) => "less nesting",
            ErrorKind::Eval(_) => "a query that can run",
            ErrorKind::Warning(_) => "a query that means what it says",
        }
    }

    /// The query line holding the error, with carets under the span and the message after them.
    /// Multi-line queries get a `line N, column M:` header so the line can be found.
    pub fn render(&self, query: &str) -> String {
        let start = floor_char_boundary(query, self.span.start.min(query.len()));
        let end = floor_char_boundary(query, self.span.end.clamp(start, query.len()));
        let line_start = query[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = query[start..].find('\n').map_or(query.len(), |i| start + i);
        let line = &query[line_start..line_end];
        // Tabs stay tabs in the padding so the caret lines up however the terminal expands them.
        let pad: String = query[line_start..start]
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = query[start..end.min(line_end).max(start)]
            .chars()
            .count()
            .max(1);
        let mut out = String::new();
        if query.contains('\n') {
            let line_no = query[..start].matches('\n').count() + 1;
            let col = query[line_start..start].chars().count() + 1;
            out.push_str(&format!("line {line_no}, column {col}:\n"));
        }
        out.push_str(line);
        out.push('\n');
        out.push_str(&pad);
        out.push_str(&"^".repeat(width));
        out.push(' ');
        out.push_str(&self.to_string());
        out
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_points_at_the_span() {
        let q = "is(deploymnet) and name = \"web\"";
        let e = Diagnostic::new(
            Span::new(3, 13),
            ErrorKind::UnknownKind("deploymnet".into()),
        )
        .with_suggestion(Some("deployment".into()));
        assert_eq!(
            e.render(q),
            "is(deploymnet) and name = \"web\"\n   ^^^^^^^^^^ unknown kind `deploymnet`; did you mean `deployment`?"
        );
    }

    #[test]
    fn render_at_end_of_query_and_on_later_lines() {
        let e = Diagnostic::unexpected(Span::new(3, 3), "a kind", "end of query");
        assert_eq!(
            e.render("is("),
            "is(\n   ^ expected a kind, found end of query"
        );
        let e = Diagnostic::unexpected(Span::new(8, 9), "a filter", "`)`");
        assert_eq!(
            e.render("is(pod)\n)"),
            "line 2, column 1:\n)\n^ expected a filter, found `)`"
        );
    }

    #[test]
    fn render_survives_spans_out_of_range_or_inside_a_char() {
        let e = Diagnostic::unexpected(Span::new(1, 99), "x", "y");
        assert!(e.render("é").ends_with("expected x, found y"));
        let e = Diagnostic::unexpected(Span::new(50, 40), "x", "y");
        assert!(e.render("ab").contains('^'));
    }
}
