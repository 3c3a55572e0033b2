//! `kubegraph search QUERY`: parse, evaluate, print. Nodes print as a table (kind, namespace,
//! name) or, with `-o json`, as a JSON array of node objects shaped like `export -o json`'s.

use crate::source::Landscape;
use kubegraph_query::{execute, nodes_table, parse, Output, QueryIndex};
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    landscape: &Landscape,
    query: &str,
    json: bool,
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
    let index = QueryIndex::new(graph);
    match execute(graph, &index, &ast) {
        Err(e) => {
            eprintln!("{}", e.render(query));
            Ok(ExitCode::from(2))
        }
        Ok(Output::Text(text)) => {
            out.write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(Output::Nodes(nodes)) => {
            if json {
                let arr: Vec<serde_json::Value> = nodes
                    .iter()
                    .map(|&id| kubegraph_export::node_json(graph, id))
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &arr)?;
                writeln!(out)?;
            } else {
                out.write_all(nodes_table(graph, &index, &nodes).as_bytes())?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
