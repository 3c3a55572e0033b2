//! `kubegraph [SOURCE] shell`: an interactive shell over a loaded graph. Each line is a search
//! query, run like `kubegraph search` (same output, same caret errors, same warnings), against
//! a snapshot's query context (indexes and facts) built once per snapshot; or one of the
//! commands `why TARGET`, `show deps|pods|config|namespace TARGET`, `impact TARGET`. Line
//! editing, history and Tab completion come from `rustyline`; when stdin is not a terminal,
//! lines are read from it without prompt or history, which makes the shell scriptable.

use kubegraph_app::complete::{complete, word_start, Vocabulary};

/// The shell's own words, offered at the start of a line.
const BUILTINS: [&str; 7] = ["help", "exit", "quit", ":stats", "why", "show", "impact"];

use crate::Run;
use kubegraph_formats::Style;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const PROMPT: &str = "kubegraph> ";

/// The `help` built-in: the language by example (each runs on `--demo`).
pub const HELP: &str = "\
Each line is a search query: filter nodes, follow edges, pipe into commands.

  is(pod) and namespace = shop                                    # pods of a namespace
  is(pod) | count namespace                                       # pods per namespace
  is(pod) | count ancestors.node.name                             # pods per node
  missing                                                         # referenced but absent objects
  missing <-uses[1:]- is(pod)                                     # pods that use them
  is(pod) and status.phase != Running | list name, status.phase   # a table of chosen columns
  is(pod) and labels.app ~ \"^pay\"                                 # regex on a label
  is(pod) and age > 1d | count                                    # durations, quantities, dates
  is(service) and name = storefront -selects->                    # follow one edge kind out
  is(secret) <-uses[1:]- is(pod) | count                          # pods using secrets, via containers
  is(deployment) and not with(any, <-selects- is(pdb))            # deployments no PDB protects
  is(workload) and namespace = payments | count kind              # categories: workload, config, ...
  is(deployment) | sort spec.replicas desc | head 3               # sort and page
  is(node) | list name, status.nodeInfo.kubeletVersion as kubelet # named columns

Commands, as on the command line:

  why deploy/payments/payments-api                                # the causal tree to the root causes
  show deps svc/shop/recommendations --depth 2                    # also: show pods|config|namespace
  impact configmap/shop/cart-config                               # what breaks if it is deleted

Tab completes kinds in is(...), edge kinds in arrows (-own -> owns), commands after |,
formats after `| format`, paths seen in the data (labels.<Tab>) and namespaces after `namespace =`.
Built-ins: help, :stats, exit (or quit, or Ctrl-D).
The whole language: docs/query.md.
";

/// Runs the shell until `exit`, `quit` or end of input. Query errors are printed and the shell
/// goes on; the exit code is 0 unless reading the input fails. On a live source the cluster is
/// still watched: each line runs against the graph as it is then.
pub fn run(run: &mut Run, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if let Some(live) = run.landscape.app().live() {
        live.keep_current();
    }
    let mut session = Session { run };
    if std::io::stdin().is_terminal() {
        interactive(&mut session, out)?;
    } else {
        for line in std::io::stdin().lock().lines() {
            if session.line(&line?, out)? == Flow::Exit {
                break;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

struct Session<'a> {
    run: &'a mut Run,
}

#[derive(PartialEq)]
enum Flow {
    Continue,
    Exit,
}

impl Session<'_> {
    fn landscape(&self) -> &crate::source::Landscape {
        &self.run.landscape
    }

    /// On a live source, takes the cluster's changes since the graph was built: a new graph
    /// and index when anything changed, and the warnings said meanwhile (`:stats` counts every
    /// warning of the session).
    fn refresh(&mut self) {
        let Some((_, said)) = self.run.landscape.app_mut().refresh() else {
            return;
        };
        for d in &said {
            eprintln!("warning: {d}");
        }
    }

    /// Runs one line: a built-in or a query.
    fn line(&mut self, line: &str, out: &mut dyn Write) -> anyhow::Result<Flow> {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            self.refresh();
        }
        match line {
            "" => {}
            _ if line.starts_with('#') => {}
            "exit" | "quit" | ":q" | ":quit" | ":exit" => return Ok(Flow::Exit),
            "help" | ":help" | "?" => out.write_all(HELP.as_bytes())?,
            ":stats" => {
                let stats = kubegraph_app::stats::stats_in(&self.run.landscape, self.run.scope());
                self.run
                    .print(out, kubegraph_formats::Format::Table, &stats)?
            }
            line => {
                if let Err(e) = self.command(line, out) {
                    out.flush()?;
                    eprintln!("error: {e:#}");
                }
            }
        }
        out.flush()?;
        Ok(Flow::Continue)
    }

    /// `why …`, `show …`, `impact …` as on the command line; anything else is a query.
    fn command(&self, line: &str, out: &mut dyn Write) -> anyhow::Result<()> {
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        let run: &Run = self.run;
        let mut out = out;
        match word {
            "why" | "impact" | "show" if rest.is_empty() => anyhow::bail!(
                "`{word}` takes a target: `why deploy/shop/web`, `show pods deploy/shop/web`, `impact configmap/shop/config`"
            ),
            "why" => {
                let args = crate::why::WhyArgs {
                    target: rest.to_string(),
                };
                crate::why::run(run, &args, &mut out)?;
            }
            "impact" => {
                let args = crate::impact::ImpactArgs {
                    target: rest.to_string(),
                    exit_code: false,
                };
                crate::impact::run(run, &args, &mut out)?;
            }
            "show" => {
                let (view, target) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let mut target = target.trim().to_string();
                let mut depth = 6;
                if let Some((t, d)) = target.rsplit_once("--depth") {
                    depth = d.trim().parse().map_err(|_| {
                        anyhow::anyhow!("--depth takes a number of levels, not `{}`", d.trim())
                    })?;
                    target = t.trim().to_string();
                }
                use crate::views::View;
                let view = match view {
                    "deps" => View::Deps { target, depth },
                    "pods" => View::Pods { target },
                    "config" => View::Config { target },
                    "namespace" => View::Namespace { name: target },
                    other => anyhow::bail!(
                        "unknown view `{other}`: show deps|pods|config|namespace TARGET"
                    ),
                };
                crate::views::run(run, &crate::views::ShowArgs { view }, &mut out)?;
            }
            _ => {
                crate::search::search(run, line, None, Style::default(), out)?;
            }
        }
        Ok(())
    }
}

fn interactive(session: &mut Session, out: &mut dyn Write) -> anyhow::Result<()> {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(true)
        .history_ignore_dups(true)?
        .max_history_size(1000)?
        .build();
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::with_config(config)?;
    editor.set_helper(Some(ShellHelper {
        vocab: Vocabulary {
            builtins: BUILTINS.map(String::from).to_vec(),
            ..Vocabulary::from_graph(&session.landscape().graph)
        },
    }));
    let history = history_path();
    match &history {
        Some(path) if path.exists() => {
            if let Err(e) = editor.load_history(path) {
                eprintln!(
                    "warning: cannot read the shell history {}: {e}",
                    path.display()
                );
            }
        }
        Some(_) => {}
        None => eprintln!("warning: no shell history: neither XDG_STATE_HOME nor HOME is set"),
    }
    writeln!(
        out,
        "kubegraph shell: {} nodes, {} edges. `help` for examples, Tab to complete, Ctrl-D to leave.",
        session.landscape().graph.node_count(),
        session.landscape().graph.edge_count()
    )?;
    out.flush()?;
    loop {
        match editor.readline(PROMPT) {
            Ok(line) => {
                if session.line(&line, out)? == Flow::Exit {
                    break;
                }
            }
            // Ctrl-C drops the line being edited, as in a shell.
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                save_history(&mut editor, history.as_ref());
                return Err(e.into());
            }
        }
    }
    save_history(&mut editor, history.as_ref());
    Ok(())
}

fn save_history(editor: &mut Editor<ShellHelper, DefaultHistory>, path: Option<&PathBuf>) {
    let Some(path) = path else { return };
    if editor.history().is_empty() {
        return;
    }
    let result = match path.parent() {
        Some(dir) => std::fs::create_dir_all(dir).map_err(ReadlineError::from),
        None => Ok(()),
    }
    .and_then(|()| editor.save_history(path));
    if let Err(e) = result {
        eprintln!(
            "warning: cannot write the shell history {}: {e}",
            path.display()
        );
    }
}

/// `$XDG_STATE_HOME/kubegraph/history`, else `~/.local/state/kubegraph/history`.
fn history_path() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let state = absolute("XDG_STATE_HOME")
        .or_else(|| absolute("HOME").map(|home| home.join(".local").join("state")))?;
    Some(state.join("kubegraph").join("history"))
}

/// rustyline's hooks: completion only.
struct ShellHelper {
    vocab: Vocabulary,
}

impl Completer for ShellHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok((word_start(line, pos), complete(line, pos, &self.vocab)))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}
