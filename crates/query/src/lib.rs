//! kubegraph's query language (`docs/query.md`): text → tokens → a
//! spanned AST → a typed [`Output`]. Built like jaq's: a hand-written lexer, a recursive-descent
//! parser, a byte span on every node so that every error (of parsing or of evaluation) points
//! back at the query, and an evaluator over kubegraph's graph.
//!
//! ```
//! use kubegraph_query::{execute, parse, Ctx, GraphFacts, Output, QueryIndex};
//!
//! // A small graph: a deployment's pod, a service selecting it, and a pod nothing owns.
//! let yaml = r#"
//! apiVersion: apps/v1
//! kind: Deployment
//! metadata: {name: web, namespace: shop, uid: d1}
//! spec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}}}
//! ---
//! apiVersion: v1
//! kind: Pod
//! metadata:
//!   name: web-1
//!   namespace: shop
//!   labels: {app: web}
//!   ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
//! ---
//! apiVersion: v1
//! kind: Service
//! metadata: {name: web, namespace: shop}
//! spec: {selector: {app: web}}
//! ---
//! apiVersion: v1
//! kind: Pod
//! metadata: {name: debug, namespace: shop}
//! "#;
//! let loaded = kubegraph_files::load_bytes("shop.yaml", yaml.as_bytes(), &Default::default());
//! let (graph, _) = kubegraph_relations::graph_from_objects("demo", loaded.objects);
//!
//! // What a query reads: the graph, its indexes, and the facts about it (health, the clock,
//! // NetworkPolicy reachability), here computed from the graph on first use.
//! let index = QueryIndex::new(&graph);
//! let facts = GraphFacts::default();
//! let ctx = Ctx::new(&graph, &index, &facts);
//!
//! // Nodes: the pods the deployment owns.
//! let ast = parse("is(deployment) and name = web -owns-> is(pod)").unwrap();
//! let Ok(Output::Nodes(pods)) = execute(&ctx, &ast) else { panic!() };
//! let names: Vec<&str> = pods.iter().map(|&id| graph.node(id).object.name.as_str()).collect();
//! assert_eq!(names, ["web-1"]);
//!
//! // A count by value, typed: no text to parse back.
//! let ast = parse("is(pod) | count labels.app").unwrap();
//! let Ok(Output::CountBy(by_app)) = execute(&ctx, &ast) else { panic!() };
//! assert_eq!((by_app.values[0].value.as_str(), by_app.values[0].count), ("web", 1));
//! assert_eq!((by_app.matched, by_app.unmatched), (1, 1));
//!
//! // Gremlin runs on the same evaluator.
//! let ast = parse("G.V().Has('Type', 'service').Out('Type', 'pod').Count()").unwrap();
//! assert_eq!(execute(&ctx, &ast), Ok(Output::Count(1)));
//!
//! // Errors, of parsing or of evaluation, are one spanned type drawn under the query.
//! let q = "is(deploymnet)";
//! assert_eq!(
//!     parse(q).unwrap_err().render(q),
//!     "is(deploymnet)\n   ^^^^^^^^^^ unknown kind `deploymnet`; did you mean `deployment`?"
//! );
//! let q = "is(pod) | count | head 1";
//! let e = execute(&ctx, &parse(q).unwrap()).unwrap_err();
//! assert_eq!(e.to_string(), "commands after `count` are not implemented yet");
//! ```
//!
//! The crate is in stages, each importing only earlier ones: [`syntax`] (lexer, parser, AST,
//! literals, suggestions, diagnostics), [`output`] (typed results), [`eval`] (the search
//! evaluator: filters, traversals, commands, indexes, facts), [`gremlin`] (its parser on the
//! lexer, its evaluator on the search evaluator's operations). This module holds what spans
//! both languages: [`Ast`], [`parse`] and [`execute`].
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
//!            | "format" FORMAT                        (* a word: the formats the caller prints,
//!                                                        see [`syntax::Options`] *)
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
//! rules in [`syntax::suggest`]: `group/Kind` is a custom resource, a bare word close to a known kind is
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
//! Every error is a [`Diagnostic`] with a span, what was expected, and a suggestion when the
//! word is close to a known kind, edge kind, command, format, keyword or Gremlin step;
//! evaluation errors are the same type ([`ErrorKind::Eval`]). [`Diagnostic::render`] draws a
//! caret line under the query. Parsing never panics and never recurses deeper than
//! [`syntax::parser::MAX_DEPTH`].

pub mod eval;
pub mod gremlin;
pub mod output;
pub mod syntax;

use std::fmt;

pub use eval::{
    accept_all, evaluate, Accept, Ctx, Facts, GraphFacts, QueryIndex, ReachIndex, Scope, Shape,
    COMPUTED_PATHS,
};
pub use gremlin::Gremlin;
pub use output::*;
pub use syntax::ast::*;
pub use syntax::{Diagnostic, ErrorKind, Options, Span};

/// A parsed query: the search language or the Gremlin subset.
#[derive(Clone, Debug, PartialEq)]
pub enum Ast {
    /// The search language.
    Search(Query),
    /// A Gremlin traversal (`G.V()…`).
    Gremlin(Gremlin),
}

impl fmt::Display for Ast {
    /// The compact rendering of `syntax::print` (search) and `gremlin::ast` (Gremlin).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ast::Search(q) => q.fmt(f),
            Ast::Gremlin(g) => g.fmt(f),
        }
    }
}

/// What `ast` likely did not mean, run on `ctx` (a path on no object, a value its field cannot
/// have, a kind nothing is of), each with its place and a suggestion; `empty`: whether it found
/// nothing. Gremlin traversals get none.
pub fn lint(ctx: &Ctx, ast: &Ast, empty: bool) -> Vec<Diagnostic> {
    match ast {
        Ast::Search(q) => eval::lint(ctx, q, empty),
        Ast::Gremlin(_) => Vec::new(),
    }
}

/// Parses a query: Gremlin when it starts with `G.`, the search language otherwise. Any word
/// is taken as a `| format` name; see [`parse_with`].
pub fn parse(query: &str) -> Result<Ast, Diagnostic> {
    parse_with(query, &Options::default())
}

/// [`parse`], with the caller's vocabulary (the format names it prints).
pub fn parse_with(query: &str, options: &Options) -> Result<Ast, Diagnostic> {
    let toks = syntax::lexer::lex(query)?;
    if gremlin::is_gremlin(query, &toks) {
        gremlin::parse_gremlin(query, toks).map(Ast::Gremlin)
    } else {
        syntax::parser::parse_search(query, toks, options).map(Ast::Search)
    }
}

/// Runs a parsed query (either language) to its output.
pub fn execute(ctx: &Ctx, ast: &Ast) -> Result<Output, Diagnostic> {
    execute_with(ctx, ast, &accept_all)
}

/// [`execute`], telling `accept` what a search query's result is as soon as that is known, so
/// that a caller printing in a format can refuse a result it cannot print where the evaluator
/// would stop anyway (see [`Shape`]). Gremlin results are not told.
pub fn execute_with(ctx: &Ctx, ast: &Ast, accept: Accept) -> Result<Output, Diagnostic> {
    match ast {
        Ast::Search(q) => eval::run(ctx, q, accept),
        Ast::Gremlin(g) => gremlin::run_gremlin(ctx, g),
    }
}
