//! The parser returns (never panics, never hangs) on any input: every prefix and every
//! single-character deletion of every golden query, pathological nesting, and seeded random
//! strings over the language's own alphabet. Rendering the error must not panic either.

mod tables;

use kubegraph_query::parse;
use tables::{ERRORS, PARSE_TABLES};

fn exercise(q: &str) {
    if let Err(e) = parse(q) {
        let rendered = e.render(q);
        assert!(rendered.contains('^'), "{q:?}: {rendered}");
        assert!(
            e.span.start <= e.span.end && e.span.end <= q.len(),
            "{q:?}: {e:?}"
        );
    }
}

fn all_queries() -> Vec<&'static str> {
    let mut out: Vec<&str> = PARSE_TABLES
        .iter()
        .flat_map(|(_, t)| t.iter().map(|(q, _)| *q))
        .collect();
    out.extend(ERRORS.iter().map(|(q, _)| *q));
    out
}

#[test]
fn every_prefix_and_every_deletion() {
    let mut n = 0;
    for q in all_queries() {
        let bounds: Vec<usize> = q.char_indices().map(|(i, _)| i).chain([q.len()]).collect();
        for &end in &bounds {
            exercise(&q[..end]);
            n += 1;
        }
        for w in bounds.windows(2) {
            let mangled = format!("{}{}", &q[..w[0]], &q[w[1]..]);
            exercise(&mangled);
            n += 1;
        }
    }
    assert!(n > 10_000, "only {n} inputs");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [10, 100, 10_000] {
        exercise(&format!("{}a = 1{}", "(".repeat(depth), ")".repeat(depth)));
        exercise(&"not ".repeat(depth));
        exercise(&format!("{}a = 1", "not ".repeat(depth)));
        exercise(&"with(any, --> ".repeat(depth));
        exercise(&format!("G.V().Has('a', {})", "NE(".repeat(depth)));
        exercise(&"(".repeat(depth));
        exercise(&"[".repeat(depth));
    }
    assert!(parse(&format!("{}a = 1{}", "(".repeat(10), ")".repeat(10))).is_ok());
    assert!(parse(&format!("{}a = 1{}", "(".repeat(1000), ")".repeat(1000))).is_err());
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_token_soup() {
    const PIECES: &[&str] = &[
        "is(",
        "has(",
        "with(",
        ")",
        "(",
        "[",
        "]",
        "[*]",
        "[3]",
        ",",
        ".",
        ":",
        "|",
        "*",
        "/",
        "=",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "~",
        "!~",
        "!",
        "-",
        "--",
        "->",
        "<-",
        "-->",
        "<--",
        "<-->",
        "-owns->",
        "<-[1:]-",
        "-[0:]->",
        "-x,",
        "[1:",
        "and ",
        "or ",
        "not ",
        "in ",
        "all ",
        "none ",
        "missing ",
        "pod",
        "deploymnet",
        "name",
        "labels",
        "\"s\"",
        "'q'",
        "\"",
        "'",
        "\\",
        "\\u",
        "7d",
        "1Gi",
        "100m",
        "-5",
        "2024-01-01",
        "1.5",
        "#c\n",
        " ",
        "\t",
        "\n",
        "é",
        "🦀",
        "G.",
        "V()",
        ".Has(",
        "NE(",
        "Metadata(",
        "count",
        "list",
        "format",
        "aggregate(",
        "tag ",
        "update ",
        "limit ",
        "ancestors.",
        "\u{0}",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = 1 + rng.below(12);
        let q: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        exercise(&q);
    }
}

#[test]
fn random_bytes_as_text() {
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let len = rng.below(40);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0x7f) as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes));
    }
}
