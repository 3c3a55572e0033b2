//! Shared by the test suites: analyse inputs, and read the analysis as netpol-analyzer prints it.
#![allow(dead_code)]

use kubegraph_files::{load_bytes, LoadOptions};
use kubegraph_netpol::{output, Analysis, ConnSet, Options};
use std::path::{Path, PathBuf};

/// The shared fixtures folder.
pub fn fixtures() -> PathBuf {
    kubegraph_fixtures::root()
}

/// A path (file or folder) analysed, after the relations crate builds its graph as the CLI does.
pub fn analyse_path(path: &Path) -> Analysis {
    Analysis::from_graph(&kubegraph_fixtures::graph_from_paths(&[path.to_path_buf()]))
        .expect("policies are valid")
}

/// YAML text analysed.
pub fn analyse_yaml(yaml: &str) -> Analysis {
    analyse_yaml_with(yaml, Options::default())
}

/// YAML text analysed with options.
pub fn analyse_yaml_with(yaml: &str, options: Options) -> Analysis {
    Analysis::from_graph_with(&kubegraph_fixtures::graph(yaml), options)
        .expect("policies are valid")
}

/// YAML text analysed, with the loader's warnings (the input may be invalid on purpose).
pub fn analyse_yaml_warned(yaml: &str) -> (Analysis, Vec<String>) {
    let loaded = load_bytes("test.yaml", yaml.as_bytes(), &LoadOptions::default());
    let warnings = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    let (graph, _) = kubegraph_relations::graph_from_objects("test", loaded.objects);
    (
        Analysis::from_graph(&graph).expect("policies are valid"),
        warnings,
    )
}

/// The txt listing.
pub fn listing(a: &Analysis) -> String {
    let mut out = Vec::new();
    output::write_txt(&a.connectivity(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// What `src` may send to `dst` (both as `resolve` accepts them; each must name one peer).
pub fn allowed(a: &Analysis, src: &str, dst: &str) -> ConnSet {
    let s = a.resolve(src).unwrap();
    let d = a.resolve(dst).unwrap();
    assert_eq!((s.len(), d.len()), (1, 1), "{src} => {dst}");
    a.explain(&s[0], &d[0]).allowed
}

/// The connection string of the listing's line `src => dst`, or `None` when it has none.
pub fn line<'a>(listing: &'a str, src: &str, dst: &str) -> Option<&'a str> {
    let prefix = format!("{src} => {dst} : ");
    listing
        .lines()
        .find_map(|l| l.strip_prefix(prefix.as_str()))
}
