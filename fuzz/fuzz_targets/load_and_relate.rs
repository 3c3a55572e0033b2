//! Any bytes, as YAML or JSON: loading must never panic or hang, and whatever loads must relate.
#![no_main]

use kubegraph_files::{load_bytes, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes("fuzz.yaml", data, &LoadOptions::default());
    for d in &loaded.diagnostics {
        let _ = d.to_string();
    }
    let _ = kubegraph_relations::graph_from_objects("fuzz", loaded.objects);
});
