//! The Gremlin parser: tokens → [`Gremlin`]. The subset Skydive users know:
//! `G.V().Has('Type', 'secret').In()`.
//!
//! ```text
//! gremlin  = ("G" | "g") "." source { "." step }
//! source   = ("V" | "E") "(" [ literal ] ")"
//! step     = NAME "(" [ arg { ("," | ":") arg } ] ")"
//! arg      = string | number | true | false | WORD | NAME "(" [ arg { "," arg } ] ")"
//! ```
//!
//! Step and predicate names are matched case-insensitively, as Skydive does (`Ne('')` is `NE`).
//! Arguments are parsed generically first, then checked per step, so every step reports wrong
//! arguments the same way. Key/value lists accept `:` between key and value and bare words as
//! strings, because Skydive's own documentation writes `Has('Name': test, 'Type': 'netns')`.
//! Property names are kept as written; mapping Skydive names (`Type`, `K8s.Labels.x`) onto ours
//! is the planner's job.

use crate::gremlin::ast::{
    Gremlin, KeyValue, Literal, Match, PredOp, Source, Step, STEPS, UNSUPPORTED,
};
use crate::syntax::ast::{Order, Spanned};
use crate::syntax::diagnostic::{Diagnostic, ErrorKind, Span};
use crate::syntax::lexer::{slice, Tok, Token};
use crate::syntax::literal::classify;
use crate::syntax::parser::Cursor;
use crate::syntax::suggest::closest;

/// A generic argument, before the step says what it should be.
#[derive(Clone, Debug)]
enum Arg {
    Lit(Literal),
    Word(String),
    Call(String, Vec<Spanned<Arg>>),
}

/// The query is Gremlin: `G.` or `g.<Step>(`.
pub fn is_gremlin(src: &str, toks: &[Token]) -> bool {
    let text = |i: usize| toks.get(i).map(|t| slice(src, t.span));
    let word = |i: usize| toks.get(i).is_some_and(|t| t.tok == Tok::Word);
    let is = |i: usize, tok: Tok| toks.get(i).is_some_and(|t| t.tok == tok);
    word(0)
        && is(1, Tok::Dot)
        && (text(0) == Some("G") || (text(0) == Some("g") && word(2) && is(3, Tok::LParen)))
}

/// Parses a Gremlin query (one [`is_gremlin`] accepts).
pub fn parse_gremlin(src: &str, toks: Vec<Token>) -> Result<Gremlin, Diagnostic> {
    let mut c = Cursor::new(src, toks);
    let start = c.here();
    c.bump(); // G
    c.bump(); // .
    let Some(name_tok) = c.peek().cloned().filter(|t| t.tok == Tok::Word) else {
        return Err(c.expected("`V()` or `E()`"));
    };
    let name = c.text(&name_tok);
    let is_v = name.eq_ignore_ascii_case("v");
    if !is_v && !name.eq_ignore_ascii_case("e") {
        return Err(c.expected("`V()` or `E()`"));
    }
    c.bump();
    let args = call_args(&mut c)?;
    let id = match args.as_slice() {
        [] => None,
        [a] => Some(literal(a)?),
        [_, extra, ..] => return Err(Diagnostic::unexpected(extra.span, "`)`", "a second id")),
    };
    let source = Spanned::new(
        if is_v { Source::V(id) } else { Source::E(id) },
        c.since(name_tok.span),
    );
    let mut steps = Vec::new();
    while c.eat(&Tok::Dot).is_some() {
        steps.push(step(&mut c)?);
    }
    if !c.at_end() {
        return Err(c.expected("`.` and a step, or end of query"));
    }
    Ok(Gremlin {
        source,
        steps,
        span: c.since(start),
    })
}

fn step(c: &mut Cursor) -> Result<Spanned<Step>, Diagnostic> {
    let Some(t) = c.peek().cloned().filter(|t| t.tok == Tok::Word) else {
        return Err(c.expected("a Gremlin step (Has, Out, In, Count, ...)"));
    };
    let written = c.text(&t);
    let Some(name) = STEPS.iter().find(|s| s.eq_ignore_ascii_case(written)) else {
        if UNSUPPORTED.iter().any(|s| s.eq_ignore_ascii_case(written)) {
            return Err(Diagnostic::new(
                t.span,
                ErrorKind::UnsupportedStep(written.into()),
            ));
        }
        return Err(
            Diagnostic::new(t.span, ErrorKind::UnknownStep(written.into()))
                .with_suggestion(closest(written, STEPS)),
        );
    };
    c.bump();
    let args = call_args(c)?;
    let call_span = c.since(t.span);
    let step = match *name {
        "V" | "E" => {
            return Err(Diagnostic::unexpected(
                t.span,
                "a step after the source",
                format!("`{written}` (only right after `G.`)"),
            ))
        }
        "Has" => {
            if args.is_empty() {
                return Err(Diagnostic::unexpected(
                    call_span,
                    "a key, or key/value pairs",
                    "no arguments",
                ));
            }
            Step::Has(pairs(&args, true)?)
        }
        "HasEither" => {
            if args.is_empty() {
                return Err(Diagnostic::unexpected(
                    call_span,
                    "key/value pairs",
                    "no arguments",
                ));
            }
            Step::HasEither(pairs(&args, false)?)
        }
        "HasKey" => Step::HasKey(one_key(&args, call_span)?),
        "HasNot" => Step::HasNot(one_key(&args, call_span)?),
        "Out" => Step::Out(pairs(&args, false)?),
        "In" => Step::In(pairs(&args, false)?),
        "Both" => Step::Both(pairs(&args, false)?),
        "OutE" => Step::OutE(pairs(&args, false)?),
        "InE" => Step::InE(pairs(&args, false)?),
        "BothE" => Step::BothE(pairs(&args, false)?),
        "OutV" => Step::OutV(pairs(&args, false)?),
        "InV" => Step::InV(pairs(&args, false)?),
        "Dedup" => Step::Dedup(keys(&args)?),
        "Values" => Step::Values(keys(&args)?),
        "ValueMap" => Step::ValueMap(keys(&args)?),
        "Count" => no_args(&args, Step::Count)?,
        "Keys" => no_args(&args, Step::Keys)?,
        "SubGraph" => no_args(&args, Step::SubGraph)?,
        "Limit" => match args.as_slice() {
            [n] => Step::Limit(uint(n)?),
            _ => return Err(arity(call_span, "one number", args.len())),
        },
        "Range" => match args.as_slice() {
            [a, b] => Step::Range(uint(a)?, uint(b)?),
            _ => return Err(arity(call_span, "two numbers", args.len())),
        },
        "Descendants" | "Ascendants" => {
            let depth = match args.as_slice() {
                [] => None,
                [n] => Some(uint(n)?),
                _ => return Err(arity(call_span, "at most one depth", args.len())),
            };
            if *name == "Descendants" {
                Step::Descendants(depth)
            } else {
                Step::Ascendants(depth)
            }
        }
        "Sort" => sort(&args, call_span)?,
        _ => {
            let metadata = |a: &Spanned<Arg>| match &a.node {
                Arg::Call(n, inner) if n.eq_ignore_ascii_case("metadata") => pairs(inner, false),
                _ => Err(Diagnostic::unexpected(
                    a.span,
                    "`Metadata(key, value, ...)`",
                    describe(&a.node),
                )),
            };
            match args.as_slice() {
                [to] => Step::ShortestPathTo {
                    to: metadata(to)?,
                    via: None,
                },
                [to, via] => Step::ShortestPathTo {
                    to: metadata(to)?,
                    via: Some(metadata(via)?),
                },
                _ => {
                    return Err(arity(
                        call_span,
                        "`Metadata(...)` and an optional edge `Metadata(...)`",
                        args.len(),
                    ))
                }
            }
        }
    };
    Ok(Spanned::new(step, call_span))
}

fn arity(span: Span, expected: &str, found: usize) -> Diagnostic {
    let found = match found {
        0 => "no arguments".to_string(),
        1 => "1 argument".to_string(),
        n => format!("{n} arguments"),
    };
    Diagnostic::unexpected(span, expected, found)
}

fn no_args(args: &[Spanned<Arg>], step: Step) -> Result<Step, Diagnostic> {
    match args.first() {
        None => Ok(step),
        Some(a) => Err(Diagnostic::unexpected(a.span, "`)`", "an argument")),
    }
}

/// `"(" [arg {("," | ":") arg}] ")"`
fn call_args(c: &mut Cursor) -> Result<Vec<Spanned<Arg>>, Diagnostic> {
    c.expect(&Tok::LParen, "`(`")?;
    let mut args = Vec::new();
    if c.eat(&Tok::RParen).is_some() {
        return Ok(args);
    }
    c.enter()?;
    loop {
        args.push(arg(c)?);
        if c.eat(&Tok::Comma).is_none() && c.eat(&Tok::Colon).is_none() {
            break;
        }
    }
    c.expect(&Tok::RParen, "`,` or `)`")?;
    c.leave();
    Ok(args)
}

fn arg(c: &mut Cursor) -> Result<Spanned<Arg>, Diagnostic> {
    let Some(t) = c.peek().cloned() else {
        return Err(c.expected("an argument"));
    };
    let node = match &t.tok {
        Tok::Str(s) => {
            c.bump();
            Arg::Lit(Literal::Str(s.clone()))
        }
        Tok::Num => {
            c.bump();
            let text = c.text(&t);
            match classify(text) {
                Ok(crate::syntax::ast::Value::Int(i)) => Arg::Lit(Literal::Int(i)),
                Ok(crate::syntax::ast::Value::Float(f)) => Arg::Lit(Literal::Float(f)),
                _ => {
                    return Err(Diagnostic::unexpected(
                        t.span,
                        "a number",
                        format!("`{text}`"),
                    ));
                }
            }
        }
        Tok::Word => {
            c.bump();
            let w = c.text(&t);
            if c.is(&Tok::LParen) {
                Arg::Call(w.to_string(), call_args(c)?)
            } else {
                match w {
                    "true" => Arg::Lit(Literal::Bool(true)),
                    "false" => Arg::Lit(Literal::Bool(false)),
                    _ => Arg::Word(w.to_string()),
                }
            }
        }
        _ => return Err(c.expected("an argument (a quoted string, a number or a predicate)")),
    };
    Ok(Spanned::new(node, c.since(t.span)))
}

fn describe(a: &Arg) -> &'static str {
    match a {
        Arg::Lit(Literal::Str(_)) => "a string",
        Arg::Lit(Literal::Int(_) | Literal::Float(_)) => "a number",
        Arg::Lit(Literal::Bool(_)) => "a boolean",
        Arg::Word(_) => "a word",
        Arg::Call(..) => "a call",
    }
}

fn literal(a: &Spanned<Arg>) -> Result<Spanned<Literal>, Diagnostic> {
    match &a.node {
        Arg::Lit(l) => Ok(Spanned::new(l.clone(), a.span)),
        Arg::Word(w) => Ok(Spanned::new(Literal::Str(w.clone()), a.span)),
        Arg::Call(..) => Err(Diagnostic::unexpected(a.span, "a value", describe(&a.node))),
    }
}

fn key(a: &Spanned<Arg>) -> Result<Spanned<String>, Diagnostic> {
    match &a.node {
        Arg::Lit(Literal::Str(s)) | Arg::Word(s) => Ok(Spanned::new(s.clone(), a.span)),
        _ => Err(Diagnostic::unexpected(
            a.span,
            "a key (a quoted string)",
            describe(&a.node),
        )),
    }
}

fn keys(args: &[Spanned<Arg>]) -> Result<Vec<Spanned<String>>, Diagnostic> {
    args.iter().map(key).collect()
}

fn one_key(args: &[Spanned<Arg>], span: Span) -> Result<Spanned<String>, Diagnostic> {
    match args {
        [a] => key(a),
        _ => Err(arity(span, "one key", args.len())),
    }
}

fn uint(a: &Spanned<Arg>) -> Result<u64, Diagnostic> {
    match a.node {
        Arg::Lit(Literal::Int(i)) if i >= 0 => Ok(i as u64),
        _ => Err(Diagnostic::unexpected(
            a.span,
            "a whole number",
            describe(&a.node),
        )),
    }
}

fn sort(args: &[Spanned<Arg>], span: Span) -> Result<Step, Diagnostic> {
    let order = |a: &Spanned<Arg>| match &a.node {
        Arg::Word(w) if w.eq_ignore_ascii_case("asc") => Some(Order::Asc),
        Arg::Word(w) if w.eq_ignore_ascii_case("desc") => Some(Order::Desc),
        _ => None,
    };
    match args {
        [] => Ok(Step::Sort {
            order: None,
            key: None,
        }),
        [a] => Ok(match order(a) {
            Some(o) => Step::Sort {
                order: Some(o),
                key: None,
            },
            None => Step::Sort {
                order: None,
                key: Some(key(a)?),
            },
        }),
        [o, k] => match order(o) {
            Some(o) => Ok(Step::Sort {
                order: Some(o),
                key: Some(key(k)?),
            }),
            None => Err(Diagnostic::unexpected(
                o.span,
                "`ASC` or `DESC`",
                describe(&o.node),
            )),
        },
        _ => Err(arity(
            span,
            "an optional order and an optional key",
            args.len(),
        )),
    }
}

/// Key/value pairs; with `single_key`, one argument alone is a key that must exist.
fn pairs(args: &[Spanned<Arg>], single_key: bool) -> Result<Vec<KeyValue>, Diagnostic> {
    if single_key && args.len() == 1 {
        return Ok(vec![KeyValue {
            key: key(&args[0])?,
            value: None,
        }]);
    }
    if args.len() % 2 == 1 {
        let last = &args[args.len() - 1];
        return Err(Diagnostic::unexpected(
            Span::new(last.span.end, last.span.end),
            "a value after the key",
            "`)`",
        ));
    }
    args.chunks(2)
        .map(|kv| {
            Ok(KeyValue {
                key: key(&kv[0])?,
                value: Some(matcher(&kv[1])?),
            })
        })
        .collect()
}

fn matcher(a: &Spanned<Arg>) -> Result<Spanned<Match>, Diagnostic> {
    let Arg::Call(name, inner) = &a.node else {
        return Ok(Spanned::new(Match::Eq(literal(a)?.node), a.span));
    };
    let Some((_, op)) = PredOp::ALL
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
    else {
        let name_span = Span::new(a.span.start, a.span.start + name.len());
        return Err(
            Diagnostic::new(name_span, ErrorKind::UnknownPredicate(name.clone()))
                .with_suggestion(closest(name, PredOp::ALL.map(|(n, _)| n))),
        );
    };
    let ok = match op.arity() {
        Some(n) => inner.len() == n,
        None => !inner.is_empty(),
    };
    if !ok {
        let expected = match op.arity() {
            Some(1) => "one value".to_string(),
            Some(n) => format!("{n} values"),
            None => "one or more values".to_string(),
        };
        return Err(Diagnostic::unexpected(
            a.span,
            format!("{expected} for `{}`", op.as_str()),
            match inner.len() {
                1 => "1 argument".to_string(),
                n => format!("{n} arguments"),
            },
        ));
    }
    let lits = inner.iter().map(literal).collect::<Result<Vec<_>, _>>()?;
    if *op == PredOp::Regex && !matches!(lits[0].node, Literal::Str(_)) {
        return Err(Diagnostic::unexpected(
            lits[0].span,
            "a regex string",
            "a number or boolean",
        ));
    }
    Ok(Spanned::new(Match::Pred(*op, lits), a.span))
}
