//! `kubegraph search QUERY`: parse, evaluate, print. Nodes print as a table (kind, namespace,
//! name) or in the `-o` format (`json`: an array of node objects shaped like `export -o json`'s;
//! see docs/query.md for the others). A `| format F` in the query wins over `-o`. A query that
//! runs but probably does not say what was meant (a path on no object, a value its field cannot
//! have, a kind nothing is of) gets a warning with a caret and a suggestion.

use crate::Run;
use kubegraph_formats::{parse_query, run as run_query, Format, Style};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kubegraph search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// The query, e.g. `is(pod) and namespace = shop | count ancestors.node.name`.
    pub query: String,
    /// Exit 1 when the query finds something (a node, a row, a count above 0), 0 when it
    /// finds nothing: `kubegraph search --exit-code 'health = error' && echo all healthy`.
    #[arg(long)]
    pub exit_code: bool,
}

/// Arguments of `kubegraph get`, kubectl's.
#[derive(clap::Args, Debug)]
pub struct GetArgs {
    /// TYPE[,TYPE…] or TYPE/NAME: `pods`, `deploy,svc`, `deploy/web`, `all`.
    #[arg(value_name = "TYPE[/NAME]")]
    pub resources: String,
    /// Names of objects of TYPE, or more TYPE/NAME.
    pub names: Vec<String>,
}

impl GetArgs {
    /// The query it stands for (kubegraph_app::search::kubectl_get).
    pub fn query(&self) -> SearchArgs {
        SearchArgs {
            query: kubegraph_app::search::kubectl_get(&self.resources, &self.names),
            exit_code: false,
        }
    }
}

pub fn run(run: &Run, args: &SearchArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format = match &run.output {
        None => None,
        Some(_) => Some(run.format(&Format::SEARCH, "search")?),
    };
    let query = &args.query;
    let style = Style {
        headers: !run.no_headers,
    };
    match search(run, query, format, style, out)? {
        Some(found) if args.exit_code && found => Ok(ExitCode::from(1)),
        Some(_) => Ok(ExitCode::SUCCESS),
        None => Ok(ExitCode::from(2)),
    }
}

/// Runs one query and prints it, with its warnings; `Some(found something)`, or `None` when
/// it does not parse or cannot run (the caret message is printed). Shared with the shell.
pub fn search(
    run: &Run,
    query: &str,
    format: Option<Format>,
    style: Style,
    out: &mut dyn Write,
) -> anyhow::Result<Option<bool>> {
    let ast = match parse_query(query) {
        Ok(ast) => ast,
        Err(e) => {
            out.flush()?;
            eprintln!("{}", e.render(query));
            if let Some(h) = hint(query) {
                eprintln!("{h}");
            }
            return Ok(None);
        }
    };
    // Health and `age` judge against the snapshot's reference time (`--now`, the clock for a
    // live source, else its newest timestamp). Results stream to `out` as they are rendered
    // (a large dump never sits in memory as text).
    let ctx = run.landscape.query().scoped(&run.scope);
    let answer = match run_query(&ctx, &ast, format) {
        Ok(a) => a,
        Err(e) => {
            out.flush()?;
            eprintln!("{}", e.render(query));
            return Ok(None);
        }
    };
    let empty = answer.output.is_empty();
    answer.write_styled(&ctx, style, out)?;
    if !run.landscape.quiet {
        let warnings = kubegraph_query::lint(&ctx, &ast, empty);
        if !warnings.is_empty() {
            out.flush()?;
        }
        for w in warnings {
            eprintln!("{}", warning(&w.render(query)));
        }
    }
    Ok(Some(!empty))
}

/// What to try when a query that does not parse is a bare kind (`pods`): `is(pod)`.
pub fn hint(query: &str) -> Option<String> {
    let word = query.trim();
    if word.is_empty() || word.contains(char::is_whitespace) {
        return None;
    }
    let k = kubegraph_model::kinds::lookup(word).into_iter().next()?;
    Some(format!(
        "  hint: to select objects of a kind, write `is({})`",
        k.kind.to_lowercase()
    ))
}

/// `warning: ` before the first line of a rendered diagnostic, as many spaces before the
/// others, so the caret stays under the word.
pub fn warning(rendered: &str) -> String {
    let mut out = String::new();
    for (i, line) in rendered.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str("         ");
        } else {
            out.push_str("warning: ");
        }
        out.push_str(line);
    }
    out
}
