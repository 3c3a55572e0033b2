//! The search language's front end: text → tokens ([`lexer`]) → a spanned AST ([`ast`]) by
//! recursive descent ([`parser`]), with bare values classified ([`literal`]), kinds resolved and
//! typos caught ([`suggest`]), and every error a [`Diagnostic`]. [`mod@print`] renders the AST.
//!
//! This stage imports nothing of the later ones (evaluation, Gremlin): the Gremlin parser
//! builds on it, not the other way round.

pub mod ast;
pub mod diagnostic;
pub mod lexer;
pub mod literal;
pub mod parser;
pub mod print;
pub mod suggest;

pub use diagnostic::{Diagnostic, ErrorKind, Span};
pub use parser::Options;
