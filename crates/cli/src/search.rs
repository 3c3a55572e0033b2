//! `kubegraph search QUERY`: parse, evaluate, print. Nodes print as a table (kind, namespace,
//! name) or in the `-o` format (`json`: an array of node objects shaped like `export -o json`'s;
//! see docs/query.md for the others). A `| format F` in the query wins over `-o`.

use crate::source::Landscape;
use kubegraph_formats::{parse_query, print, Format};
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    landscape: &Landscape,
    query: &str,
    format: Option<Format>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let ast = match parse_query(query) {
        Ok(ast) => ast,
        Err(e) => {
            eprintln!("{}", e.render(query));
            return Ok(ExitCode::from(2));
        }
    };
    // Health and `age` judge against the snapshot's reference time (`--now`, the clock for a
    // live source, else its newest timestamp). Results stream to `out` as they are rendered
    // (a large dump never sits in memory as text).
    match print(&landscape.query(), &ast, format, out)? {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("{}", e.render(query));
            Ok(ExitCode::from(2))
        }
    }
}
