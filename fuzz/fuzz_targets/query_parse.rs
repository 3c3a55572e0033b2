//! Any text as a query: parsing must never panic or hang, and every error must render (its span
//! inside the query, the caret drawn).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = kubegraph_query::parse(query) {
        let _ = e.render(query);
    }
});
