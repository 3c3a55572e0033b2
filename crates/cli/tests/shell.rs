//! `kubegraph shell` with stdin piped: no prompt, no history, one query per line, the same output
//! as `kubegraph search`, errors as caret messages on stderr, exit 0 at end of input.

mod common;

use std::process::{Command, Output};

fn shell(args: &[&str], input: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_kubegraph"));
    command
        .args(args)
        .arg("shell")
        // Piped mode never touches the history; point it somewhere harmless all the same.
        .env("XDG_STATE_HOME", dir.path());
    let out = common::output_with_stdin(command, input);
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "piped mode wrote history"
    );
    out
}

fn search(query: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubegraph"))
        .args(["--demo", "search", query])
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn piped_queries_run_in_order_and_errors_do_not_stop_the_shell() {
    let out = shell(
        &["--demo"],
        "is(pod) | count namespace\nis(deploymnet)\nmissing\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "\
shop: 6
monitoring: 5
payments: 5
total matched: 16
total unmatched: 0
kind          namespace  name
Secret        payments   payments-api-token
StorageClass  -          io2-fast
"
    );
    assert_eq!(
        text(&out.stderr),
        "\
is(deploymnet)
   ^^^^^^^^^^ unknown kind `deploymnet`; did you mean `deployment`?
"
    );
}

#[test]
fn output_is_the_output_of_search() {
    let queries = [
        "is(pod) and namespace = shop",
        "is(pod) | count ancestors.node.name",
        "is(node) | sort name desc | list name, status.nodeInfo.kubeletVersion as kubelet",
        "is(pod) and name = nothing-has-this-name",
    ];
    let out = shell(&["--demo"], &queries.join("\n"));
    assert_eq!(out.status.code(), Some(0));
    let expected: String = queries.iter().map(|q| text(&search(q).stdout)).collect();
    assert_eq!(text(&out.stdout), expected);
}

#[test]
fn built_ins_blank_lines_comments_and_exit() {
    let out = shell(
        &["--demo"],
        "\n   \n# a comment\nhelp\n:stats\nis(pod) | count\nexit\nis(pod) | count\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Each line is a search query"),
        "{stdout}"
    );
    assert!(stdout.contains("docs/query.md"));
    assert!(stdout.contains("cluster demo: 126 objects from 1 file; 159 nodes, 560 edges"));
    // `exit` stops before the last query: one count only.
    assert!(stdout.ends_with("warnings: 0\n16\n"), "{stdout}");
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn every_help_example_runs_on_the_demo() {
    let help = text(&shell(&["--demo"], "help\n").stdout);
    let examples: Vec<&str> = help
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.split(" # ").next().unwrap().trim())
        .collect();
    assert!((13..=18).contains(&examples.len()), "{examples:?}");
    for q in examples {
        if ["why ", "show ", "impact "]
            .iter()
            .any(|c| q.starts_with(c))
        {
            // A command: as the shell runs it.
            let out = shell(&["--demo"], &format!("{q}\n"));
            assert_eq!(text(&out.stderr), "", "{q}");
            assert!(!out.stdout.is_empty(), "{q}");
            continue;
        }
        let out = search(q);
        assert_eq!(out.status.code(), Some(0), "{q}: {}", text(&out.stderr));
        assert!(!out.stdout.is_empty(), "{q}");
    }
}

#[test]
fn empty_input_exits_zero_silently() {
    let out = shell(&["--demo"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}
