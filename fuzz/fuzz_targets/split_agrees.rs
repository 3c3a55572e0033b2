//! The list splitter and the minifier are hand-written: for any bytes, loading JSON through them
//! must give exactly what parsing the document whole gives, and never accept what the whole
//! parse rejects.
#![no_main]

use kubegraph_files::{load_bytes, load_json_split, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let first = data.iter().find(|b| !b.is_ascii_whitespace());
    if !matches!(first, Some(b'{' | b'[')) {
        return;
    }
    let options = LoadOptions::default();
    let whole = load_bytes("fuzz.json", data, &options);
    let split = load_json_split("fuzz.json", data, &options);
    let text = |l: &kubegraph_files::Loaded| -> Vec<String> {
        l.objects
            .iter()
            .map(|o| sonic_rs::to_string(&o.raw).unwrap())
            .collect()
    };
    if whole.diagnostics.is_empty() {
        assert!(
            split.diagnostics.is_empty(),
            "split path rejected what parses whole: {:?}",
            split.diagnostics
        );
        assert_eq!(text(&whole), text(&split));
    } else if split.diagnostics.is_empty() {
        // The whole parse rejected the document: the split path must say so too (it may say it
        // about one item and load the others, but never silently).
        panic!(
            "split path accepted a document the whole parse rejects: {:?}",
            whole.diagnostics
        );
    }
});
