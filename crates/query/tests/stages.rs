//! The crate's shape, read from its source: the stages import only earlier stages
//! (`syntax` ← `output` ← `eval` ← `gremlin` ← the crate root), and no module imports one that
//! (directly or through others) imports it back. A `crate::…` or `super::…` path anywhere in
//! the code (comments and unit tests aside) counts as an import of the module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Stages in order; a module may import only its own stage and earlier ones.
const STAGES: [&str; 4] = ["syntax", "output", "eval", "gremlin"];

fn stage(module: &[String]) -> usize {
    module
        .first()
        .and_then(|m| STAGES.iter().position(|s| s == m))
        .unwrap_or(STAGES.len())
}

/// Every source file with its module path (`src/eval/filter.rs` → `eval::filter`).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let mut module = prefix.to_vec();
            if path.is_dir() {
                module.push(name);
                walk(&path, &module, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if name != "mod" && name != "lib" {
                    module.push(name);
                }
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The code of a file without its comments (line comments and doc comments) and without its
/// unit tests (whose `super` is the file itself; they may use anything).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("source is readable");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of a use tree starting at `s` (after `crate::`): `a::b`, `a::{b, c::d}`, ….
fn use_tree(s: &[char], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix;
    loop {
        while s.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if s.get(i) == Some(&'{') {
            i += 1;
            loop {
                i = use_tree(s, i, path.clone(), out);
                while s.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    i += 1;
                }
                match s.get(i) {
                    Some('}') => return i + 1,
                    None => return i,
                    _ => {}
                }
            }
        }
        let start = i;
        while s.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
            i += 1;
        }
        if i == start {
            out.push(path);
            return i;
        }
        path.push(s[start..i].iter().collect());
        if s.get(i) == Some(&':') && s.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// The module a path names: its longest prefix that is a module.
fn target(mods: &BTreeMap<Vec<String>, PathBuf>, path: &[String]) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| mods.contains_key(p))
        .unwrap_or_default()
}

/// Module → the modules it imports.
fn imports() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mods = modules();
    let mut graph = BTreeMap::new();
    for (module, path) in &mods {
        let text: Vec<char> = code(path).chars().collect();
        let is_dir_module = path.file_stem().is_some_and(|s| s == "mod" || s == "lib");
        let mut found = BTreeSet::new();
        let mut i = 0;
        while i < text.len() {
            let word = |w: &str| text[i..].starts_with(&w.chars().collect::<Vec<_>>());
            let boundary = i == 0
                || !(text[i - 1].is_alphanumeric() || text[i - 1] == '_' || text[i - 1] == ':');
            // A `mod.rs` (or the root) names its children relatively: `mod x;`, `x::y`.
            let child = is_dir_module && boundary && {
                let rest: String = text[i..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '_')
                    .collect();
                let mut m = module.clone();
                m.push(rest.clone());
                !rest.is_empty()
                    && mods.contains_key(&m)
                    && (text[i + rest.len()..].starts_with(&[':', ':'])
                        || text[..i]
                            .iter()
                            .collect::<String>()
                            .trim_end()
                            .ends_with("mod"))
            };
            let base: Option<(usize, Vec<String>)> = if child {
                Some((0, module.clone()))
            } else if boundary && word("crate::") {
                Some((7, Vec::new()))
            } else if boundary && word("super::") {
                // `super` of `a::b` (a file) is `a`; of `a` (a `mod.rs`) it is the root.
                let mut parent = module.clone();
                parent.pop();
                if is_dir_module {
                    parent.pop();
                }
                Some((7, parent))
            } else {
                None
            };
            match base {
                Some((skip, prefix)) => {
                    let mut paths = Vec::new();
                    i = use_tree(&text, i + skip, prefix, &mut paths);
                    for p in paths {
                        let t = target(&mods, &p);
                        if &t != module {
                            found.insert(t);
                        }
                    }
                }
                None => i += 1,
            }
        }
        graph.insert(module.clone(), found);
    }
    graph
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

#[test]
fn stages_import_only_earlier_stages() {
    let graph = imports();
    assert!(graph.len() > 20, "read the source tree: {:?}", graph.keys());
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        for to in tos {
            if stage(to) > stage(from) {
                wrong.push(format!("{} imports {}", name(from), name(to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "later stages imported:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_imports_itself_back() {
    let graph = imports();
    // Depth-first search for a cycle; each found is reported as its path.
    fn visit(
        m: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|s| s == m) {
            let mut cycle: Vec<String> = stack[at..].iter().map(|s| name(s)).collect();
            cycle.push(name(m));
            cycles.push(cycle.join(" → "));
            return;
        }
        if !done.insert(m.clone()) {
            return;
        }
        stack.push(m.clone());
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, stack, done, cycles);
        }
        stack.pop();
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reader_sees_imports() {
    // (`mod x;` and `x::y` in a `mod.rs` count as the parent importing its child.)
    // The checks above are only as good as the reading: a few imports known to exist.
    let graph = imports();
    let m = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert!(graph[&m("eval::filter")].contains(&m("eval::context")));
    assert!(graph[&m("gremlin::eval")].contains(&m("eval::commands")));
    assert!(graph[&m("gremlin::parser")].contains(&m("syntax::parser")));
    assert!(graph[&Vec::new()].contains(&m("gremlin")));
    assert!(graph[&m("eval")].contains(&m("eval::explain")));
}
