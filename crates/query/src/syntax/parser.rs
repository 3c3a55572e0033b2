//! The search-language parser: tokens → [`Query`]. Recursive descent, one token of lookahead
//! (two for `not in`), nesting bounded by [`MAX_DEPTH`] so no input can overflow the stack.
//!
//! Keywords are contextual: `missing`, `all`, `search` and the words `is`/`has`/`with` (when not
//! followed by `(`) are keywords only where a path could not continue, so `missing = true` still
//! compares a field named `missing`.

use kubegraph_model::EdgeKind;

use crate::syntax::ast::*;
use crate::syntax::diagnostic::{Diagnostic, ErrorKind, Span};
use crate::syntax::lexer::{slice, Arrow, Tok, Token};
use crate::syntax::literal::classify;
use crate::syntax::suggest::{closest, resolve_kind};

/// How deep parentheses, `not` and `with` may nest.
pub const MAX_DEPTH: usize = 64;

/// What the caller's side of the language is: the output formats `| format F` may name. The
/// query language does not print, so it does not know them; a caller that prints passes its
/// names, and a name it does not print is then a parse error at the name, with a suggestion.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The format names, in the order an error lists them; `None` takes any word.
    pub formats: Option<&'a [&'a str]>,
    /// Other names of the same formats, accepted but not listed (`txt`, `md`).
    pub aliases: &'a [&'a str],
}

const CONNECTIVES: [&str; 2] = ["and", "or"];
const AFTER_PART: &str = "`and`, `or`, a traversal, `|` or end of query";
const OPERATORS: &str = "a comparison operator (=, !=, <, <=, >, >=, ~, !~, in, not in)";

/// A cursor over the tokens, shared by the search and Gremlin parsers.
pub(crate) struct Cursor<'a> {
    pub src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// End of the last consumed token, for spans of constructs.
    last_end: usize,
    depth: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str, toks: Vec<Token>) -> Self {
        Cursor {
            src,
            toks,
            pos: 0,
            last_end: 0,
            depth: 0,
        }
    }

    pub fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }

    pub fn peek_at(&self, n: usize) -> Option<&Token> {
        self.toks.get(self.pos + n)
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    pub fn bump(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned()?;
        self.pos += 1;
        self.last_end = t.span.end;
        Some(t)
    }

    pub fn last_end(&self) -> usize {
        self.last_end
    }

    pub fn text(&self, t: &Token) -> &'a str {
        slice(self.src, t.span)
    }

    /// The span of the current token, or an empty span right after the last one at the end.
    pub fn here(&self) -> Span {
        match self.peek() {
            Some(t) => t.span,
            None => {
                let end = self.toks.last().map_or(0, |t| t.span.end);
                Span::new(end, end)
            }
        }
    }

    pub fn found(&self) -> String {
        match self.peek() {
            Some(t) => t.describe(self.src),
            None => "end of query".into(),
        }
    }

    pub fn expected(&self, what: &str) -> Diagnostic {
        Diagnostic::unexpected(self.here(), what, self.found())
    }

    /// The current token is the word `w`.
    pub fn is_word(&self, w: &str) -> bool {
        self.word_at(0) == Some(w)
    }

    pub fn word_at(&self, n: usize) -> Option<&'a str> {
        let t = self.peek_at(n)?;
        (t.tok == Tok::Word).then(|| self.text(t))
    }

    pub fn is(&self, tok: &Tok) -> bool {
        self.peek().is_some_and(|t| &t.tok == tok)
    }

    pub fn is_at(&self, n: usize, tok: &Tok) -> bool {
        self.peek_at(n).is_some_and(|t| &t.tok == tok)
    }

    pub fn eat(&mut self, tok: &Tok) -> Option<Span> {
        if self.is(tok) {
            self.bump().map(|t| t.span)
        } else {
            None
        }
    }

    pub fn eat_word(&mut self, w: &str) -> Option<Span> {
        if self.is_word(w) {
            self.bump().map(|t| t.span)
        } else {
            None
        }
    }

    pub fn expect(&mut self, tok: &Tok, what: &str) -> Result<Span, Diagnostic> {
        self.eat(tok).ok_or_else(|| self.expected(what))
    }

    /// Token `n` ahead starts right where the one before it ends (no whitespace between); for
    /// `n == 0` the one before is the last consumed token.
    pub fn adjacent(&self, n: usize) -> bool {
        let prev_end = match n.checked_sub(1) {
            Some(p) => self.peek_at(p).map(|t| t.span.end),
            None => (self.pos > 0).then_some(self.last_end),
        };
        match (prev_end, self.peek_at(n)) {
            (Some(end), Some(b)) => end == b.span.start,
            _ => false,
        }
    }

    pub fn enter(&mut self) -> Result<(), Diagnostic> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Diagnostic::new(self.here(), ErrorKind::TooDeep(MAX_DEPTH)));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// From `start` to the end of the last consumed token.
    pub fn since(&self, start: Span) -> Span {
        Span::new(start.start, self.last_end.max(start.start))
    }

    /// A run of adjacent tokens of the given kinds, as written: `batch.volcano.sh/Job`,
    /// `nginx:1.25`, `10.0.0.1`. The first token must be a word or number.
    pub fn glued(&mut self, extra: &[Tok]) -> Option<(&'a str, Span)> {
        let first = self.peek()?;
        if !matches!(first.tok, Tok::Word | Tok::Num) {
            return None;
        }
        let start = first.span.start;
        self.bump();
        while let Some(t) = self.peek() {
            let gluable = matches!(t.tok, Tok::Word | Tok::Num) || extra.contains(&t.tok);
            if !gluable || t.span.start != self.last_end {
                break;
            }
            self.bump();
        }
        let span = Span::new(start, self.last_end);
        Some((slice(self.src, span), span))
    }

    pub fn uint(&mut self, what: &str) -> Result<(u64, Span), Diagnostic> {
        match self.peek() {
            Some(t) if t.tok == Tok::Num => {
                let t = t.clone();
                let text = self.text(&t);
                let n = text.parse::<u64>().map_err(|_| {
                    Diagnostic::new(
                        t.span,
                        ErrorKind::BadNumber(format!("expected {what}, found `{text}`")),
                    )
                })?;
                self.bump();
                Ok((n, t.span))
            }
            _ => Err(self.expected(what)),
        }
    }
}

/// Parses a search-language query (not Gremlin; see [`crate::parse`]).
pub(crate) fn parse_search(
    src: &str,
    toks: Vec<Token>,
    options: &Options,
) -> Result<Query, Diagnostic> {
    let mut p = Parser {
        c: Cursor::new(src, toks),
        formats: options.formats,
        aliases: options.aliases,
    };
    p.query()
}

struct Parser<'a> {
    c: Cursor<'a>,
    formats: Option<&'a [&'a str]>,
    aliases: &'a [&'a str],
}

const VALUE_GLUE: [Tok; 3] = [Tok::Dot, Tok::Slash, Tok::Colon];

impl Parser<'_> {
    fn query(&mut self) -> Result<Query, Diagnostic> {
        let start = self.c.here().start;
        if self.c.is_word("search") && !self.continues_path(1) && self.c.peek_at(1).is_some() {
            self.c.bump();
        }
        let mut parts = vec![self.part()?];
        let mut traversals = Vec::new();
        while let Some(Token {
            tok: Tok::Arrow(_), ..
        }) = self.c.peek()
        {
            traversals.push(self.traversal()?);
            let part = if self.at_part_start() {
                self.part()?
            } else {
                let at = self.c.last_end();
                Part {
                    filter: None,
                    span: Span::new(at, at),
                }
            };
            parts.push(part);
        }
        if !self.c.at_end() && !self.c.is(&Tok::Pipe) {
            return Err(self.after_filter(AFTER_PART));
        }
        let mut commands = Vec::new();
        while self.c.eat(&Tok::Pipe).is_some() {
            commands.push(self.command()?);
            if !self.c.at_end() && !self.c.is(&Tok::Pipe) {
                return Err(self.c.expected("`|` or end of query"));
            }
        }
        Ok(Query {
            parts,
            traversals,
            commands,
            span: Span::new(start, self.c.last_end()),
        })
    }

    /// An error where a connective was expected, suggesting `and`/`or` for near misses (`AND`).
    fn after_filter(&self, expected: &str) -> Diagnostic {
        let sugg = self
            .c
            .word_at(0)
            .and_then(|w| closest(w, CONNECTIVES))
            .filter(|s| self.c.word_at(0) != Some(s.as_str()));
        self.c.expected(expected).with_suggestion(sugg)
    }

    fn at_part_start(&self) -> bool {
        self.c
            .peek()
            .is_some_and(|t| !matches!(t.tok, Tok::Pipe | Tok::Arrow(_) | Tok::RParen))
    }

    fn part(&mut self) -> Result<Part, Diagnostic> {
        let filter = self.or()?;
        Ok(Part {
            span: filter.span,
            filter: Some(filter),
        })
    }

    fn or(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        self.chain("or", Self::and, Filter::Or)
    }

    fn and(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        self.chain("and", Self::not, Filter::And)
    }

    fn chain(
        &mut self,
        kw: &str,
        operand: fn(&mut Self) -> Result<Spanned<Filter>, Diagnostic>,
        make: fn(Vec<Spanned<Filter>>) -> Filter,
    ) -> Result<Spanned<Filter>, Diagnostic> {
        let first = operand(self)?;
        if !self.c.is_word(kw) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.c.eat_word(kw).is_some() {
            items.push(operand(self)?);
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(Spanned::new(make(items), span))
    }

    fn not(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        if !self.c.is_word("not") || self.continues_path(1) {
            return self.primary();
        }
        let kw = self.c.bump().map(|t| t.span).unwrap_or_default();
        self.c.enter()?;
        let inner = self.not()?;
        self.c.leave();
        let span = kw.to(inner.span);
        Ok(Spanned::new(Filter::Not(Box::new(inner)), span))
    }

    /// Token `n` ahead would continue a path or comparison, so a keyword before it is a field.
    fn continues_path(&self, n: usize) -> bool {
        let Some(t) = self.c.peek_at(n) else {
            return false;
        };
        match t.tok {
            Tok::Dot | Tok::LBracket => self.c.adjacent(n),
            Tok::Op(_) => true,
            Tok::Word => {
                matches!(self.c.text(t), "in" | "all" | "any" | "none")
                    || (self.c.text(t) == "not" && self.c.word_at(n + 1) == Some("in"))
            }
            _ => false,
        }
    }

    fn primary(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        let Some(t) = self.c.peek().cloned() else {
            return Err(self.c.expected("a filter"));
        };
        match &t.tok {
            Tok::LParen => {
                self.c.bump();
                self.c.enter()?;
                let inner = self.or()?;
                self.c.leave();
                if self.c.eat(&Tok::RParen).is_none() {
                    return Err(self.after_filter("`and`, `or` or `)`"));
                }
                Ok(Spanned::new(inner.node, self.c.since(t.span)))
            }
            Tok::Str(s) => {
                self.c.bump();
                Ok(Spanned::new(Filter::Text(s.clone()), t.span))
            }
            Tok::Word => {
                let w = self.c.text(&t);
                let call = self.c.is_at(1, &Tok::LParen);
                match w {
                    "is" if call => self.is_filter(),
                    "has" if call => self.has_filter(),
                    "with" if call => self.with_filter(),
                    "and" | "or" if !self.continues_path(1) => Err(self.c.expected("a filter")),
                    "missing" | "all" if !self.continues_path(1) => {
                        self.c.bump();
                        let f = if w == "missing" {
                            Filter::Missing
                        } else {
                            Filter::All
                        };
                        Ok(Spanned::new(f, t.span))
                    }
                    _ => self.comparison(),
                }
            }
            _ => Err(self.c.expected("a filter")),
        }
    }

    fn is_filter(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        let start = self.c.bump().map(|t| t.span).unwrap_or_default();
        self.c.bump(); // (
        let mut kinds = vec![self.kind()?];
        while self.c.eat(&Tok::Comma).is_some() {
            kinds.push(self.kind()?);
        }
        self.c.expect(&Tok::RParen, "`,` or `)`")?;
        Ok(Spanned::new(Filter::Is(kinds), self.c.since(start)))
    }

    fn kind(&mut self) -> Result<KindRef, Diagnostic> {
        let (written, span) = match self.c.peek() {
            Some(Token {
                tok: Tok::Str(s),
                span,
            }) => {
                let r = (s.clone(), *span);
                self.c.bump();
                r
            }
            _ => match self.c.glued(&[Tok::Dot, Tok::Slash]) {
                Some((w, span)) => (w.to_string(), span),
                None => return Err(self.c.expected("a kind")),
            },
        };
        match resolve_kind(&written) {
            Ok(kind) => Ok(KindRef {
                written,
                kind,
                span,
            }),
            Err(sugg) => {
                Err(Diagnostic::new(span, ErrorKind::UnknownKind(written)).with_suggestion(sugg))
            }
        }
    }

    fn has_filter(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        let start = self.c.bump().map(|t| t.span).unwrap_or_default();
        self.c.bump(); // (
        let path = self.path()?;
        self.c.expect(&Tok::RParen, "`)`")?;
        Ok(Spanned::new(Filter::Has(path), self.c.since(start)))
    }

    fn with_filter(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        let start = self.c.bump().map(|t| t.span).unwrap_or_default();
        self.c.bump(); // (
        self.c.enter()?;
        let quant = self.with_quant()?;
        self.c.expect(&Tok::Comma, "`,` and a traversal")?;
        if !matches!(
            self.c.peek(),
            Some(Token {
                tok: Tok::Arrow(_),
                ..
            })
        ) {
            return Err(self
                .c
                .expected("a traversal (`-->`, `<-owns-`, `<-[1:]-`, ...)"));
        }
        let traversal = self.traversal()?;
        let part = if self.at_part_start() {
            Some(self.part()?)
        } else {
            None
        };
        if self.c.eat(&Tok::RParen).is_none() {
            let what = if part.is_some() {
                "`and`, `or` or `)`"
            } else {
                "a filter or `)`"
            };
            return Err(self.after_filter(what));
        }
        self.c.leave();
        let with = With {
            quant,
            traversal,
            part,
        };
        Ok(Spanned::new(
            Filter::With(Box::new(with)),
            self.c.since(start),
        ))
    }

    fn with_quant(&mut self) -> Result<Spanned<WithQuant>, Diagnostic> {
        const WHAT: &str = "`any`, `empty` or `count <op> N`";
        let here = self.c.here();
        let quant = match self.c.word_at(0) {
            Some("any") => WithQuant::Any,
            Some("empty") => WithQuant::Empty,
            Some("count") => {
                self.c.bump();
                let op = match self.c.peek() {
                    Some(Token {
                        tok: Tok::Op(op), ..
                    }) if !matches!(op, CmpOp::Match | CmpOp::NotMatch) => *op,
                    _ => return Err(self.c.expected("a comparison (=, !=, <, <=, >, >=)")),
                };
                self.c.bump();
                let (n, _) = self.c.uint("a whole number")?;
                return Ok(Spanned::new(WithQuant::Count(op, n), self.c.since(here)));
            }
            w => {
                let sugg = w.and_then(|w| closest(w, ["any", "empty", "count"]));
                return Err(self.c.expected(WHAT).with_suggestion(sugg));
            }
        };
        self.c.bump();
        Ok(Spanned::new(quant, here))
    }

    fn traversal(&mut self) -> Result<Traversal, Diagnostic> {
        let Some(Token {
            tok:
                Tok::Arrow(Arrow {
                    direction,
                    edges,
                    depth,
                }),
            span,
        }) = self.c.bump()
        else {
            return Err(self.c.expected("a traversal"));
        };
        let mut kinds = Vec::new();
        let mut reach = None;
        let several = edges.len() > 1;
        for (name, espan) in edges {
            if name == "can_reach" || name.starts_with("can_reach(") {
                let bad = |why: &str| Diagnostic::new(espan, ErrorKind::BadTraversal(why.into()));
                if several {
                    return Err(bad("`can_reach` is computed from NetworkPolicies and cannot be combined with other edge kinds"));
                }
                if depth.is_some_and(|(d, _)| d != Depth::default()) {
                    return Err(bad("`can_reach` is one hop: no depth"));
                }
                reach = Some(parse_reach(&name).map_err(|why| bad(&why))?);
                continue;
            }
            match name.parse::<EdgeKind>() {
                Ok(k) => kinds.push(Spanned::new(k, espan)),
                Err(_) => {
                    let sugg = closest(&name, EdgeKind::ALL.iter().map(|k| k.as_str()));
                    return Err(Diagnostic::new(espan, ErrorKind::UnknownEdgeKind(name))
                        .with_suggestion(sugg));
                }
            }
        }
        Ok(Traversal {
            direction,
            edges: kinds,
            depth: depth.map(|d| d.0).unwrap_or_default(),
            reach,
            span,
        })
    }

    fn comparison(&mut self) -> Result<Spanned<Filter>, Diagnostic> {
        let path = self.path()?;
        let modifier = match self.c.word_at(0) {
            Some(m @ ("all" | "any" | "none")) => {
                let m = match m {
                    "all" => ArrayMod::All,
                    "none" => ArrayMod::None,
                    _ => ArrayMod::Any,
                };
                let span = self.c.bump().map(|t| t.span).unwrap_or_default();
                Some(Spanned::new(m, span))
            }
            _ => None,
        };
        let op_start = self.c.here();
        let op = match self.c.peek().map(|t| &t.tok) {
            Some(Tok::Op(op)) => {
                let op = *op;
                self.c.bump();
                op
            }
            Some(Tok::Word) if self.c.is_word("in") => {
                self.c.bump();
                CmpOp::In
            }
            Some(Tok::Word) if self.c.is_word("not") && self.c.word_at(1) == Some("in") => {
                self.c.bump();
                self.c.bump();
                CmpOp::NotIn
            }
            _ => return Err(self.c.expected(OPERATORS)),
        };
        let op = Spanned::new(op, self.c.since(op_start));
        let value = if matches!(op.node, CmpOp::In | CmpOp::NotIn) {
            self.list()?
        } else {
            self.value()?
        };
        let span = path.span.to(value.span);
        Ok(Spanned::new(
            Filter::Cmp(Cmp {
                path,
                modifier,
                op,
                value,
            }),
            span,
        ))
    }

    fn value(&mut self) -> Result<Spanned<Value>, Diagnostic> {
        if let Some(Token {
            tok: Tok::Str(s),
            span,
        }) = self.c.peek()
        {
            let v = Spanned::new(Value::Str(s.clone()), *span);
            self.c.bump();
            return Ok(v);
        }
        let what =
            "a value (a string, word, number, duration, quantity, timestamp, true, false or null)";
        let Some((text, span)) = self.c.glued(&VALUE_GLUE) else {
            return Err(self.c.expected(what));
        };
        classify(text)
            .map(|v| Spanned::new(v, span))
            .map_err(|k| Diagnostic::new(span, k))
    }

    fn list(&mut self) -> Result<Spanned<Value>, Diagnostic> {
        let start = self.c.expect(&Tok::LBracket, "`[` and a list of values")?;
        let mut items = Vec::new();
        if self.c.eat(&Tok::RBracket).is_none() {
            loop {
                items.push(self.value()?);
                if self.c.eat(&Tok::Comma).is_none() {
                    break;
                }
            }
            self.c.expect(&Tok::RBracket, "`,` or `]`")?;
        }
        Ok(Spanned::new(Value::List(items), self.c.since(start)))
    }

    /// `[ancestors|descendants . kind .] seg { .seg | [*] | [n] }`, segments written without
    /// spaces between them.
    fn path(&mut self) -> Result<Path, Diagnostic> {
        let Some(first) = self.c.peek().cloned().filter(|t| t.tok == Tok::Word) else {
            return Err(self
                .c
                .expected("a path (`name`, `labels.app`, `spec.containers[*].image`)"));
        };
        let first_text = self.c.text(&first);
        self.c.bump();
        let mut segments = Vec::new();
        let root = if matches!(first_text, "ancestors" | "descendants")
            && self.c.is(&Tok::Dot)
            && self.c.adjacent(0)
        {
            self.c.bump();
            let kind = self.kind_segment()?;
            if !(self.c.is(&Tok::Dot) && self.c.adjacent(0)) {
                return Err(self.c.expected("`.` and a path after the kind"));
            }
            self.c.bump();
            segments.push(self.key_segment()?);
            if first_text == "ancestors" {
                PathRoot::Ancestors(kind)
            } else {
                PathRoot::Descendants(kind)
            }
        } else {
            segments.push(Spanned::new(
                Segment::Key(first_text.to_string()),
                first.span,
            ));
            PathRoot::Object
        };
        loop {
            if !self.c.adjacent(0) {
                break;
            }
            if self.c.is(&Tok::Dot) {
                self.c.bump();
                segments.push(self.key_segment()?);
            } else if self.c.is(&Tok::LBracket) {
                let open = self.c.bump().map(|t| t.span).unwrap_or_default();
                let seg = if self.c.eat(&Tok::Star).is_some() {
                    Segment::Wildcard
                } else {
                    Segment::Index(self.c.uint("`*` or an index")?.0)
                };
                self.c.expect(&Tok::RBracket, "`]`")?;
                segments.push(Spanned::new(seg, self.c.since(open)));
            } else {
                break;
            }
        }
        Ok(Path {
            root,
            segments,
            span: self.c.since(first.span),
        })
    }

    fn key_segment(&mut self) -> Result<Spanned<Segment>, Diagnostic> {
        let t = self.c.peek().cloned();
        match t {
            Some(t) if self.c.adjacent(0) => {
                let key = match &t.tok {
                    Tok::Word | Tok::Num => self.c.text(&t).to_string(),
                    Tok::Str(s) => s.clone(),
                    _ => return Err(self.c.expected("a field name or a quoted key")),
                };
                self.c.bump();
                Ok(Spanned::new(Segment::Key(key), t.span))
            }
            _ => Err(self.c.expected("a field name or a quoted key")),
        }
    }

    fn kind_segment(&mut self) -> Result<KindRef, Diagnostic> {
        let t = self.c.peek().cloned();
        let (written, span) = match t {
            Some(Token {
                tok: Tok::Word,
                span,
            }) => (slice(self.c.src, span).to_string(), span),
            Some(Token {
                tok: Tok::Str(s),
                span,
            }) => (s, span),
            _ => return Err(self.c.expected("a kind (`ancestors.node.name`)")),
        };
        self.c.bump();
        match resolve_kind(&written) {
            Ok(kind) => Ok(KindRef {
                written,
                kind,
                span,
            }),
            Err(sugg) => {
                Err(Diagnostic::new(span, ErrorKind::UnknownKind(written)).with_suggestion(sugg))
            }
        }
    }

    fn at_command_end(&self) -> bool {
        self.c.at_end() || self.c.is(&Tok::Pipe)
    }

    fn command(&mut self) -> Result<Spanned<Command>, Diagnostic> {
        let Some(t) = self.c.peek().cloned().filter(|t| t.tok == Tok::Word) else {
            return Err(self
                .c
                .expected("a command (count, list, dump, format, sort, ...)"));
        };
        let name = self.c.text(&t);
        let cmd = match name {
            "count" | "list" | "dump" | "format" | "sort" | "limit" | "head" | "tail" | "uniq"
            | "aggregate" | "explain" | "tag" | "clean" => {
                self.c.bump();
                match name {
                    "count" => Command::Count(if self.at_command_end() {
                        None
                    } else {
                        Some(self.path()?)
                    }),
                    "list" => Command::List(if self.at_command_end() {
                        Vec::new()
                    } else {
                        self.columns()?
                    }),
                    "dump" => Command::Dump,
                    "uniq" => Command::Uniq,
                    "explain" => Command::Explain,
                    "clean" => Command::Clean,
                    "format" => Command::Format(self.format()?),
                    "sort" => Command::Sort(self.sort_keys()?),
                    "limit" => {
                        let (first, _) = self.c.uint("a number of results")?;
                        if self.c.eat(&Tok::Comma).is_some() {
                            let (count, _) = self.c.uint("a number of results")?;
                            Command::Limit {
                                offset: Some(first),
                                count,
                            }
                        } else {
                            Command::Limit {
                                offset: None,
                                count: first,
                            }
                        }
                    }
                    "head" => Command::Head(self.c.uint("a number of results")?.0),
                    "tail" => Command::Tail(self.c.uint("a number of results")?.0),
                    "aggregate" => self.aggregate()?,
                    _ => self.tag()?,
                }
            }
            _ => {
                let sugg = closest(name, COMMANDS);
                return Err(
                    Diagnostic::new(t.span, ErrorKind::UnknownCommand(name.to_string()))
                        .with_suggestion(sugg),
                );
            }
        };
        Ok(Spanned::new(cmd, self.c.since(t.span)))
    }

    fn format(&mut self) -> Result<Spanned<String>, Diagnostic> {
        let Some(t) = self.c.peek().cloned().filter(|t| t.tok == Tok::Word) else {
            return Err(self.c.expected(&match self.formats {
                Some(names) => format!("an output format ({})", names.join(", ")),
                None => "an output format".to_string(),
            }));
        };
        let name = self.c.text(&t);
        match self.formats {
            Some(names) if !names.contains(&name) && !self.aliases.contains(&name) => Err(
                Diagnostic::new(t.span, ErrorKind::UnknownFormat(name.to_string()))
                    .with_suggestion(closest(name, names.iter().copied())),
            ),
            _ => {
                self.c.bump();
                Ok(Spanned::new(name.to_string(), t.span))
            }
        }
    }

    fn columns(&mut self) -> Result<Vec<Column>, Diagnostic> {
        let mut cols = vec![self.column()?];
        while self.c.eat(&Tok::Comma).is_some() {
            cols.push(self.column()?);
        }
        Ok(cols)
    }

    fn column(&mut self) -> Result<Column, Diagnostic> {
        let path = self.path()?;
        let alias = self.alias()?;
        Ok(Column { path, alias })
    }

    fn alias(&mut self) -> Result<Option<Spanned<String>>, Diagnostic> {
        if self.c.eat_word("as").is_none() {
            return Ok(None);
        }
        match self.c.peek().cloned() {
            Some(t @ Token { tok: Tok::Word, .. }) => {
                self.c.bump();
                Ok(Some(Spanned::new(self.c.text(&t).to_string(), t.span)))
            }
            Some(Token {
                tok: Tok::Str(s),
                span,
            }) => {
                self.c.bump();
                Ok(Some(Spanned::new(s, span)))
            }
            _ => Err(self.c.expected("a column name after `as`")),
        }
    }

    fn sort_keys(&mut self) -> Result<Vec<SortKey>, Diagnostic> {
        let mut keys = Vec::new();
        loop {
            let path = self.path()?;
            let order = if self.c.eat_word("desc").is_some() {
                Order::Desc
            } else {
                self.c.eat_word("asc");
                Order::Asc
            };
            keys.push(SortKey { path, order });
            if self.c.eat(&Tok::Comma).is_none() {
                return Ok(keys);
            }
        }
    }

    /// `aggregate([group {, group} :] func {, func})`
    fn aggregate(&mut self) -> Result<Command, Diagnostic> {
        self.c.expect(&Tok::LParen, "`(`")?;
        let is_func = |p: &Self| {
            p.c.word_at(0)
                .is_some_and(|w| AggFunc::ALL.iter().any(|(n, _)| *n == w))
                && p.c.is_at(1, &Tok::LParen)
        };
        let mut groups = Vec::new();
        if !is_func(self) {
            groups = self.columns()?;
            self.c.expect(
                &Tok::Colon,
                "`,` or `:` between the grouping paths and the functions",
            )?;
        }
        let mut funcs = vec![self.agg_call()?];
        while self.c.eat(&Tok::Comma).is_some() {
            funcs.push(self.agg_call()?);
        }
        self.c.expect(&Tok::RParen, "`,` or `)`")?;
        Ok(Command::Aggregate { groups, funcs })
    }

    fn agg_call(&mut self) -> Result<AggCall, Diagnostic> {
        const WHAT: &str = "an aggregate function (count, sum, min, max, avg)";
        let t = self.c.peek().cloned();
        let found = t
            .as_ref()
            .filter(|t| t.tok == Tok::Word)
            .map(|t| self.c.text(t));
        let Some((_, func)) = found.and_then(|w| AggFunc::ALL.iter().find(|(n, _)| *n == w)) else {
            let sugg = found.and_then(|w| closest(w, AggFunc::ALL.map(|(n, _)| n)));
            return Err(self.c.expected(WHAT).with_suggestion(sugg));
        };
        let fspan = self.c.bump().map(|t| t.span).unwrap_or_default();
        self.c.expect(&Tok::LParen, "`(`")?;
        let path = if *func == AggFunc::Count && self.c.is(&Tok::RParen) {
            None
        } else {
            Some(self.path()?)
        };
        self.c.expect(&Tok::RParen, "`)`")?;
        let alias = self.alias()?;
        Ok(AggCall {
            func: Spanned::new(*func, fspan),
            path,
            alias,
            span: self.c.since(fspan),
        })
    }

    fn tag(&mut self) -> Result<Command, Diagnostic> {
        let action = self.c.word_at(0);
        match action {
            Some("update") => {
                self.c.bump();
                let key = self.tag_word("an annotation key")?;
                let value = self.tag_word("an annotation value")?;
                Ok(Command::TagUpdate { key, value })
            }
            Some("delete") => {
                self.c.bump();
                let key = self.tag_word("an annotation key")?;
                Ok(Command::TagDelete { key })
            }
            _ => {
                let sugg = action.and_then(|w| closest(w, ["update", "delete"]));
                Err(self
                    .c
                    .expected("`update` or `delete`")
                    .with_suggestion(sugg))
            }
        }
    }

    fn tag_word(&mut self, what: &str) -> Result<Spanned<String>, Diagnostic> {
        if let Some(Token {
            tok: Tok::Str(s),
            span,
        }) = self.c.peek()
        {
            let v = Spanned::new(s.clone(), *span);
            self.c.bump();
            return Ok(v);
        }
        match self.c.glued(&VALUE_GLUE) {
            Some((text, span)) => Ok(Spanned::new(text.to_string(), span)),
            None => Err(self.c.expected(what)),
        }
    }
}

/// `can_reach`, `can_reach(80)`, `can_reach(80/TCP)`, `can_reach(53/udp)`.
fn parse_reach(name: &str) -> Result<Reach, String> {
    let Some(arg) = name
        .strip_prefix("can_reach(")
        .and_then(|a| a.strip_suffix(')'))
    else {
        return Ok(Reach { port: None });
    };
    let hint = "expected `can_reach(PORT)` or `can_reach(PORT/PROTOCOL)`, e.g. `can_reach(53/UDP)`";
    let (port, proto) = arg.split_once('/').unwrap_or((arg, "TCP"));
    let port: u16 = match port.parse() {
        Ok(p) if p > 0 => p,
        _ => return Err(format!("`{port}` is not a port number (1-65535); {hint}")),
    };
    let proto = proto.to_ascii_uppercase();
    if !matches!(proto.as_str(), "TCP" | "UDP" | "SCTP") {
        return Err(format!(
            "`{proto}` is not a protocol (TCP, UDP or SCTP); {hint}"
        ));
    }
    Ok(Reach {
        port: Some((port, proto)),
    })
}
