//! The front end of kubegraph's query language (`shared/spec/query.md`): text → tokens → a
//! spanned AST. Built like jaq's: a hand-written lexer, a recursive-descent parser, and a byte
//! span on every node, so later steps (planner, evaluator, `explain`) can point back at the
//! query. [`eval`] runs search queries over a graph (see `docs/query.md` for what works).
//!
//! Two languages share the entry point [`parse`]:
//!
//! * the **search language**, in the shape of Resoto's: filter nodes, traverse edges, filter
//!   again, pipe into commands;
//! * the **Gremlin subset** Skydive users know, for queries starting with `G.`.
//!
//! # Search grammar
//!
//! ```text
//! query      = ["search"] part { traversal [part] } { "|" command }
//! part       = or
//! or         = and { "or" and }
//! and        = not { "and" not }                      (* precedence: not > and > or *)
//! not        = "not" not | primary
//! primary    = "(" or ")"
//!            | "is" "(" kind { "," kind } ")"
//!            | "has" "(" path ")"
//!            | "with" "(" quant "," traversal [part] ")"
//!            | "missing" | "all"
//!            | STRING                                 (* free text *)
//!            | path [ "all" | "any" | "none" ] ( op value | ["not"] "in" list )
//! quant      = "any" | "empty" | "count" op UINT
//! op         = "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~"
//! value      = STRING | bare                          (* bare: see below *)
//! list       = "[" [ value { "," value } ] "]"
//! kind       = STRING | bare                          (* pod, Pod, pods, po, apps/Deployment,
//!                                                        workload, kubernetes_pod, … *)
//! path       = [ ("ancestors" | "descendants") "." (WORD | STRING) "." ] key
//!              { "." key | "[" "*" "]" | "[" UINT "]" }   (* no spaces inside a path *)
//! key        = WORD | STRING | NUMBER
//! traversal  = ARROW
//! ARROW      = ("<-" | "-") [ EDGE { "," EDGE } ] [ "[" UINT [ ":" [UINT] ] "]" ] ("->" | "-")
//!                                                     (* one token, no spaces; `-…->` out,
//!                                                        `<-…-` in, `<-…->` both; default
//!                                                        depth [1], `[n]` = [n:n] *)
//! command    = "count" [path]
//!            | "list" [ column { "," column } ]
//!            | "dump" | "uniq" | "explain" | "clean"
//!            | "format" FORMAT                        (* table json ndjson yaml csv markdown
//!                                                        dot mermaid graphml cytoscape *)
//!            | "sort" path ["asc" | "desc"] { "," path ["asc" | "desc"] }
//!            | "limit" UINT [ "," UINT ]              (* `limit n` or `limit offset, n` *)
//!            | "head" UINT | "tail" UINT
//!            | "aggregate" "(" [ column { "," column } ":" ] agg { "," agg } ")"
//!            | "tag" "update" tagword tagword | "tag" "delete" tagword
//! column     = path [ "as" (WORD | STRING) ]
//! agg        = ("count" | "sum" | "min" | "max" | "avg") "(" [path] ")" [ "as" (WORD | STRING) ]
//! tagword    = STRING | bare
//! ```
//!
//! A **bare** run is adjacent words, numbers, `.`, `/` and `:` written without spaces
//! (`error`, `nginx:1.25`, `10.0.0.1`, `7d`, `2024-01-01T10:00:00Z`). Its whole text decides
//! what it is: `true`/`false`/`null`, an integer or float, a timestamp (`YYYY-MM-DD…`), a
//! duration (`7d`, `12h`, `1h30m`; units w d h m s), a quantity (`1Gi`, `500Mi`, `2k`), `100m`
//! (minutes or milli-units, see [`Value::DurationOrQuantity`]), or else a word. A bare word is a
//! string, never a path: `health = error` compares `health` with the string `"error"`. A
//! number with an unknown unit (`7days`) is an error; quote it to mean the string.
//!
//! `health` and `missing`: `health = error|warning|ok|unknown` is an ordinary comparison on the
//! path `health` (the evaluator computes it). `missing` alone is the placeholder filter; followed
//! by an operator or path syntax (`missing = true`) it is a path, like every contextual keyword.
//!
//! Kinds are resolved against kubegraph-model's table while parsing; unknown ones follow the
//! rules in [`suggest`]: `group/Kind` is a custom resource, a bare word close to a known kind is
//! an error with a suggestion, a bare word close to nothing is a custom kind by name.
//!
//! `#` starts a comment to the end of the line. Strings are `"…"` or `'…'` with `\\ \" \' \n
//! \t \r \uXXXX`; any other backslash is kept, so regexes need no double escaping.
//!
//! # Gremlin grammar
//!
//! See [`gremlin`]: `G.V()` or `G.E()` followed by `.Step(args)` for the steps in
//! [`gremlin::STEPS`] and the predicates in [`gremlin::PredOp`].
//!
//! # Errors
//!
//! Every error is an [`Error`] with a span, what was expected, and a suggestion when the word
//! is close to a known kind, edge kind, command, format, keyword or Gremlin step.
//! [`Error::render`] draws a caret line under the query. Parsing never panics and never
//! recurses deeper than [`parser::MAX_DEPTH`].

pub mod ast;
pub mod error;
pub mod eval;
mod eval_actions;
mod eval_aggregate;
mod eval_cmd;
mod eval_explain;
mod eval_filter;
mod eval_format;
pub mod eval_index;
mod eval_reach;
mod eval_traverse;
mod eval_units;
mod eval_value;
pub mod gremlin;
mod gremlin_eval;
mod gremlin_props;
mod gremlin_walk;
pub mod lexer;
mod literal;
pub mod parser;
mod print;
pub mod suggest;

pub use ast::*;
pub use error::{Error, ErrorKind, Span};
pub use eval::{
    evaluate, execute, execute_with, format_nodes, nodes_table, print, EvalError, Output,
    QueryIndex, SearchQuery,
};

/// Parses a query: Gremlin when it starts with `G.`, the search language otherwise.
pub fn parse(query: &str) -> Result<Ast, Error> {
    let toks = lexer::lex(query)?;
    if gremlin::is_gremlin(query, &toks) {
        gremlin::parse_gremlin(query, toks).map(Ast::Gremlin)
    } else {
        parser::parse_search(query, toks).map(Ast::Search)
    }
}
