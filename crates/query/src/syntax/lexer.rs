//! The lexer: query text → tokens with byte spans.
//!
//! Lexing is context free, with two deliberate exceptions that keep the parser simple:
//!
//! * A traversal arrow (`-->`, `<-owns,selects[1:3]-`, `<-[0:]->`) is one token with its
//!   structure (direction, edge-kind words with their spans, depth range) already taken apart.
//!   Arrows therefore cannot contain whitespace.
//! * Numbers are lexed as a raw run (`7d`, `1Gi`, `1.5`, `2024-01-01T10`) and classified by the
//!   parser, which knows whether it wants a value, an index or a count.
//!
//! Words may contain interior dashes (`kube-system`, `my-app`) when a letter or digit follows the
//! dash, so a traversal written right after a bare word needs a space before it (`x -owns->`).
//! `#` starts a comment that runs to the end of the line.

use crate::syntax::ast::{CmpOp, Depth, Direction};
use crate::syntax::diagnostic::{Diagnostic, ErrorKind, Span};

/// A token's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier or bare word; its text is the span's slice of the query.
    Word,
    /// A digit-led run (or `-` and a digit); its text is the span's slice of the query.
    Num,
    /// A quoted string, unescaped.
    Str(String),
    /// A comparison operator.
    Op(CmpOp),
    /// A traversal arrow (one token: `<-uses[1:]-`).
    Arrow(Arrow),
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `:`
    Colon,
    /// `|`
    Pipe,
    /// `*`
    Star,
    /// `/`
    Slash,
}

/// A traversal arrow, taken apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Which way.
    pub direction: Direction,
    /// The edge kinds as written, each with its span.
    pub edges: Vec<(String, Span)>,
    /// `[a:b]`, when written, with its span.
    pub depth: Option<(Depth, Span)>,
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Where.
    pub span: Span,
}

impl Token {
    /// How the token reads in an error message.
    pub fn describe(&self, src: &str) -> String {
        match &self.tok {
            Tok::Str(_) => format!("string {}", slice(src, self.span)),
            Tok::Arrow(_) => format!("traversal `{}`", slice(src, self.span)),
            _ => format!("`{}`", slice(src, self.span)),
        }
    }
}

pub(crate) fn slice(src: &str, span: Span) -> &str {
    src.get(span.start..span.end).unwrap_or("")
}

fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

/// Splits the query into tokens. The first malformed token is an error.
pub fn lex(src: &str) -> Result<Vec<Token>, Diagnostic> {
    let mut lx = Lexer { src, pos: 0 };
    let mut out = Vec::new();
    while let Some(tok) = lx.next_token()? {
        out.push(tok);
    }
    Ok(out)
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.pos)
    }

    /// The span of the character at the cursor (empty at the end of the query).
    fn here(&self) -> Span {
        Span::new(self.pos, self.pos + self.peek().map_or(0, char::len_utf8))
    }

    fn next_token(&mut self) -> Result<Option<Token>, Diagnostic> {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('#') => {
                    let end = self
                        .rest()
                        .find('\n')
                        .map_or(self.src.len(), |i| self.pos + i);
                    self.pos = end;
                }
                _ => break,
            }
        }
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let simple = |tok| Some((tok, c.len_utf8()));
        let fixed = match c {
            '(' => simple(Tok::LParen),
            ')' => simple(Tok::RParen),
            '[' => simple(Tok::LBracket),
            ']' => simple(Tok::RBracket),
            ',' => simple(Tok::Comma),
            '.' => simple(Tok::Dot),
            ':' => simple(Tok::Colon),
            '|' => simple(Tok::Pipe),
            '*' => simple(Tok::Star),
            '/' => simple(Tok::Slash),
            '~' => simple(Tok::Op(CmpOp::Match)),
            '=' if self.rest().starts_with("==") => Some((Tok::Op(CmpOp::Eq), 2)),
            '=' => simple(Tok::Op(CmpOp::Eq)),
            '!' if self.rest().starts_with("!=") => Some((Tok::Op(CmpOp::Ne), 2)),
            '!' if self.rest().starts_with("!~") => Some((Tok::Op(CmpOp::NotMatch), 2)),
            '>' if self.rest().starts_with(">=") => Some((Tok::Op(CmpOp::Ge), 2)),
            '>' => simple(Tok::Op(CmpOp::Gt)),
            '<' if self.rest().starts_with("<-")
                && !self.peek_at(2).is_some_and(|c| c.is_ascii_digit()) =>
            {
                return self.arrow(true).map(Some);
            }
            '<' if self.rest().starts_with("<=") => Some((Tok::Op(CmpOp::Le), 2)),
            '<' => simple(Tok::Op(CmpOp::Lt)),
            _ => None,
        };
        if let Some((tok, len)) = fixed {
            self.pos += len;
            return Ok(Some(Token {
                tok,
                span: self.span_from(start),
            }));
        }
        let tok = match c {
            '"' | '\'' => self.string(c)?,
            '-' if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => {
                self.bump();
                self.run(true);
                Tok::Num
            }
            '-' => return self.arrow(false).map(Some),
            c if c.is_ascii_digit() => {
                self.run(true);
                Tok::Num
            }
            c if is_word_start(c) => {
                self.run(false);
                Tok::Word
            }
            c => {
                return Err(Diagnostic::new(self.here(), ErrorKind::UnexpectedChar(c)));
            }
        };
        Ok(Some(Token {
            tok,
            span: self.span_from(start),
        }))
    }

    /// A word or number run: word characters, plus `.` inside numbers (`1.5`, `2024-01-01T10`)
    /// and `-`/`+` when a letter or digit follows (`kube-system`, `1e-3`, `00+02`).
    fn run(&mut self, numeric: bool) {
        while let Some(c) = self.peek() {
            let next_is_word = self.peek_at(1).is_some_and(is_word_char);
            let keep = is_word_char(c)
                || (c == '-' && next_is_word)
                || (numeric && c == '+' && next_is_word)
                || (numeric && c == '.' && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()));
            if !keep {
                break;
            }
            self.bump();
        }
    }

    fn string(&mut self, quote: char) -> Result<Tok, Diagnostic> {
        let start = self.pos;
        self.bump();
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(Diagnostic::new(
                    self.span_from(start),
                    ErrorKind::UnterminatedString,
                ));
            };
            match c {
                c if c == quote => return Ok(Tok::Str(out)),
                '\\' => {
                    let esc_start = self.pos - 1;
                    match self.bump() {
                        Some('\\') => out.push('\\'),
                        Some('"') => out.push('"'),
                        Some('\'') => out.push('\''),
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some('r') => out.push('\r'),
                        Some('u') => out.push(self.unicode_escape(esc_start)?),
                        // Anything else keeps its backslash, so regexes (`"^a\.b"`, `"\d+"`)
                        // need no double escaping.
                        Some(other) => {
                            out.push('\\');
                            out.push(other);
                        }
                        None => {
                            return Err(Diagnostic::new(
                                self.span_from(start),
                                ErrorKind::UnterminatedString,
                            ))
                        }
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn unicode_escape(&mut self, esc_start: usize) -> Result<char, Diagnostic> {
        let hex: String = self.rest().chars().take(4).collect();
        let valid = hex.len() == 4 && hex.chars().all(|c| c.is_ascii_hexdigit());
        let ch = valid
            .then(|| u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32))
            .flatten();
        match ch {
            Some(ch) => {
                self.pos += 4;
                Ok(ch)
            }
            None => {
                let end = self.pos + hex.chars().take_while(char::is_ascii_hexdigit).count();
                Err(Diagnostic::new(
                    Span::new(esc_start, end),
                    ErrorKind::InvalidEscape(self.src[esc_start..end].to_string()),
                ))
            }
        }
    }

    /// `("<-" | "-") [edge {"," edge}] ["[" n [":" [m]] "]"] ("->" | "-")`
    fn arrow(&mut self, in_open: bool) -> Result<Token, Diagnostic> {
        let start = self.pos;
        self.pos += if in_open { 2 } else { 1 };
        let mut edges = Vec::new();
        if self.peek().is_some_and(is_word_start) {
            loop {
                let s = self.pos;
                while self.peek().is_some_and(is_word_char) {
                    self.bump();
                }
                // `can_reach(80/TCP)`: a computed edge's argument, kept with its name.
                if self.peek() == Some('(') {
                    while self.peek().is_some_and(|c| c != ')' && !c.is_whitespace()) {
                        self.bump();
                    }
                    if self.peek() != Some(')') {
                        return Err(self.bad_arrow("expected `)` to close the edge's argument"));
                    }
                    self.bump();
                }
                edges.push((self.src[s..self.pos].to_string(), self.span_from(s)));
                if self.peek() != Some(',') {
                    break;
                }
                self.bump();
                if !self.peek().is_some_and(is_word_start) {
                    return Err(self.bad_arrow("expected an edge kind after `,`"));
                }
            }
        }
        let depth = if self.peek() == Some('[') {
            Some(self.depth()?)
        } else {
            None
        };
        let out_close = if self.rest().starts_with("->") {
            self.pos += 2;
            true
        } else if self.peek() == Some('-') {
            self.bump();
            false
        } else {
            let what = if depth.is_some() {
                "expected `->` or `-` to close the traversal"
            } else {
                "expected an edge kind, `[depth]`, `->` or `-` (no spaces inside a traversal)"
            };
            return Err(self.bad_arrow(what));
        };
        let direction = match (in_open, out_close) {
            (false, true) => Direction::Out,
            (true, false) => Direction::In,
            (true, true) => Direction::Both,
            (false, false) => return Err(Diagnostic::new(
                self.span_from(start),
                ErrorKind::BadTraversal(
                    "a traversal needs a direction: `-…->` (out), `<-…-` (in) or `<-…->` (both)"
                        .into(),
                ),
            )),
        };
        Ok(Token {
            tok: Tok::Arrow(Arrow {
                direction,
                edges,
                depth,
            }),
            span: self.span_from(start),
        })
    }

    fn bad_arrow(&self, what: &str) -> Diagnostic {
        Diagnostic::new(self.here(), ErrorKind::BadTraversal(what.into()))
    }

    fn depth(&mut self) -> Result<(Depth, Span), Diagnostic> {
        let start = self.pos;
        self.bump(); // '['
        let min = self.depth_number("expected a depth (`[2]`, `[1:3]`, `[0:]`)")?;
        let max = if self.peek() == Some(':') {
            self.bump();
            if self.peek() == Some(']') {
                None
            } else {
                Some(self.depth_number("expected a maximum depth or `]`")?)
            }
        } else {
            Some(min)
        };
        if self.peek() != Some(']') {
            return Err(self.bad_arrow("expected `]` to close the depth"));
        }
        self.bump();
        let span = self.span_from(start);
        if let Some(max) = max {
            if max < min {
                return Err(Diagnostic::new(
                    span,
                    ErrorKind::BadTraversal(format!(
                        "the maximum depth {max} is below the minimum {min}"
                    )),
                ));
            }
        }
        Ok((Depth { min, max }, span))
    }

    fn depth_number(&mut self, what: &str) -> Result<u32, Diagnostic> {
        let s = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
        if s == self.pos {
            return Err(self.bad_arrow(what));
        }
        self.src[s..self.pos].parse().map_err(|_| {
            Diagnostic::new(
                self.span_from(s),
                ErrorKind::BadNumber(format!("depth `{}` is too large", &self.src[s..self.pos])),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        lex(src)
            .unwrap()
            .into_iter()
            .map(|t| match t.tok {
                Tok::Word => format!("w:{}", slice(src, t.span)),
                Tok::Num => format!("n:{}", slice(src, t.span)),
                Tok::Str(s) => format!("s:{s}"),
                Tok::Op(op) => format!("op:{}", op.as_str()),
                Tok::Arrow(a) => {
                    let edges: Vec<_> = a.edges.iter().map(|e| e.0.as_str()).collect();
                    let depth = a.depth.map(|d| d.0.to_string()).unwrap_or_default();
                    format!("arrow:{:?}:{}:{depth}", a.direction, edges.join(","))
                }
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn words_numbers_and_operators() {
        assert_eq!(
            kinds("name == kube-system and age>=7d x!~1Gi y!=-5 z<3 # comment"),
            [
                "w:name",
                "op:=",
                "w:kube-system",
                "w:and",
                "w:age",
                "op:>=",
                "n:7d",
                "w:x",
                "op:!~",
                "n:1Gi",
                "w:y",
                "op:!=",
                "n:-5",
                "w:z",
                "op:<",
                "n:3"
            ]
        );
    }

    #[test]
    fn paths_and_quoted_segments() {
        assert_eq!(
            kinds(r#"annotations."kubernetes.io/ingress.class" spec.c[*].x[3]"#),
            [
                "w:annotations",
                "Dot",
                "s:kubernetes.io/ingress.class",
                "w:spec",
                "Dot",
                "w:c",
                "LBracket",
                "Star",
                "RBracket",
                "Dot",
                "w:x",
                "LBracket",
                "n:3",
                "RBracket"
            ]
        );
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            kinds(r#""a\"b" 'c\'d' "\u00e9\n" "^a\.b""#),
            ["s:a\"b", "s:c'd", "s:é\n", "s:^a\\.b"]
        );
        assert_eq!(
            lex("\"abc").unwrap_err().kind,
            ErrorKind::UnterminatedString
        );
        assert_eq!(
            lex(r#""\u12""#).unwrap_err().kind,
            ErrorKind::InvalidEscape("\\u12".into())
        );
    }

    #[test]
    fn arrows() {
        assert_eq!(
            kinds("--> <-- <--> -owns-> <-mounts- -owns,selects[1:3]-> -[2]-> -[0:]-> <-[0:]-> <-[1:]- <-uses[1:]-"),
            [
                "arrow:Out::",
                "arrow:In::",
                "arrow:Both::",
                "arrow:Out:owns:",
                "arrow:In:mounts:",
                "arrow:Out:owns,selects:1..3",
                "arrow:Out::2",
                "arrow:Out::0..",
                "arrow:Both::0..",
                "arrow:In::1..",
                "arrow:In:uses:1.."
            ]
        );
    }

    #[test]
    fn malformed_arrows() {
        for (src, at) in [
            ("-- x", 0),
            ("-owns x", 5),
            ("-[3:1]->", 1),
            ("-[x]->", 2),
            ("-a,->", 3),
        ] {
            let e = lex(src).unwrap_err();
            assert!(matches!(e.kind, ErrorKind::BadTraversal(_)), "{src}: {e:?}");
            assert_eq!(e.span.start, at, "{src}");
        }
        assert!(matches!(
            lex("-[99999999999]->").unwrap_err().kind,
            ErrorKind::BadNumber(_)
        ));
    }

    #[test]
    fn less_than_a_negative_number_is_not_an_arrow() {
        assert_eq!(kinds("x <-5"), ["w:x", "op:<", "n:-5"]);
        assert_eq!(
            kinds("2024-01-01T10:00"),
            ["n:2024-01-01T10", "Colon", "n:00"]
        );
    }
}
