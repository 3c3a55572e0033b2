//! One-line golden tests, jaq-style: each table row is a query and its expected rendering.
//! A failing run lists every row that differs, not just the first.

mod tables;

use kubegraph_query::parse;
use tables::*;

fn check(name: &str, table: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (query, want) in table {
        match parse(query) {
            Ok(ast) => {
                let got = ast.to_string();
                if got != *want {
                    failures.push(format!("{query}\n  want {want}\n  got  {got}"));
                }
            }
            Err(e) => failures.push(format!("{query}\n  want {want}\n{}", e.render(query))),
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {} rows failed:\n\n{}",
        failures.len(),
        table.len(),
        failures.join("\n\n")
    );
}

#[test]
fn spec_examples() {
    check("spec_examples", SPEC_EXAMPLES);
}

#[test]
fn kinds() {
    check("kinds", KINDS);
}

#[test]
fn comparisons() {
    check("comparisons", COMPARISONS);
}

#[test]
fn paths() {
    check("paths", PATHS);
}

#[test]
fn boolean() {
    check("boolean", BOOLEAN);
}

#[test]
fn with() {
    check("with", WITH);
}

#[test]
fn traversals() {
    check("traversals", TRAVERSALS);
}

#[test]
fn commands() {
    check("commands", COMMANDS);
}

#[test]
fn gremlin() {
    check("gremlin", GREMLIN);
}

#[test]
fn errors() {
    let mut failures = Vec::new();
    for (query, want) in ERRORS {
        // The search command's formats: `| format F` names one of them.
        match kubegraph_formats::parse_query(query) {
            Ok(ast) => failures.push(format!("{query}\n  parsed as {ast}")),
            Err(e) => {
                let got = e.render(query);
                if got != *want {
                    failures.push(format!("{query}\n--- want\n{want}\n--- got\n{got}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "errors: {} of {} rows failed:\n\n{}",
        failures.len(),
        ERRORS.len(),
        failures.join("\n\n")
    );
}

/// The example from the brief, spelled out: the caret sits under the word, the suggestion follows.
#[test]
fn the_kind_typo_example() {
    let q = r#"is(deploymnet) and name = "web""#;
    let e = parse(q).unwrap_err();
    assert_eq!(e.span.start, 3);
    assert_eq!(e.span.end, 13);
    assert_eq!(e.suggestion.as_deref(), Some("deployment"));
    assert_eq!(e.expected(), "a kind");
    assert_eq!(
        e.render(q),
        "is(deploymnet) and name = \"web\"\n   ^^^^^^^^^^ unknown kind `deploymnet`; did you mean `deployment`?"
    );
}
