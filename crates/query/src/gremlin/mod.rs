//! The Gremlin subset Skydive users know (`G.V().Has('Type', 'secret').In()`): its AST
//! ([`ast`]), parser ([`parser`], on the search language's lexer and cursor) and evaluator
//! ([`eval`], on the search evaluator's filters and walks, with Skydive's property names
//! mapped in [`props`] and the hierarchy and path walks in [`walk`]).

pub mod ast;
pub mod eval;
pub mod parser;
pub mod props;
pub mod walk;

pub use ast::*;
pub use eval::run_gremlin;
pub use parser::{is_gremlin, parse_gremlin};
