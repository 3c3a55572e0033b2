//! `kubegraph search QUERY`: parse, evaluate, print. Nodes print as a table (kind, namespace,
//! name) or in the `-o` format (`json`: an array of node objects shaped like `export -o json`'s;
//! see docs/query.md for the others). A `| format F` in the query wins over `-o`.

use crate::source::Landscape;
use kubegraph_query::{parse, print, Format, QueryIndex};
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    landscape: &Landscape,
    query: &str,
    format: Option<Format>,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let ast = match parse(query) {
        Ok(ast) => ast,
        Err(e) => {
            eprintln!("{}", e.render(query));
            return Ok(ExitCode::from(2));
        }
    };
    let graph = &landscape.graph;
    // Health and `age` judge against `--now`, the clock for a live source, else the snapshot's
    // newest timestamp (the index's default).
    let now = crate::why::reference_time(landscape)?;
    let mut index = QueryIndex::new(graph).with_health_now(now);
    if !matches!(now, kubegraph_health::time::Now::NewestInInput) {
        if let Some(t) = now.resolve(graph) {
            index = index.with_now(t.as_second() as f64);
        }
    }
    // Results stream to `out` as they are rendered (a large dump never sits in memory as text).
    match print(graph, &index, &ast, format, out)? {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("{}", e.render(query));
            Ok(ExitCode::from(2))
        }
    }
}
