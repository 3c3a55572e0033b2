//! The landscape `--demo` shows: written for kubegraph, shaped like a `kubectl get -o yaml`
//! dump of a small cluster, with a few things broken on purpose.

use kubegraph_files::{load_bytes, LoadOptions, Loaded};

/// The cluster name demo objects live in.
pub const CLUSTER: &str = "demo";

const LANDSCAPE: &str = include_str!("../landscape/demo.yaml");

/// The demo's objects.
pub fn load() -> Loaded {
    load_bytes("<demo>", LANDSCAPE.as_bytes(), &LoadOptions::default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_loads_without_warnings() {
        let loaded = super::load();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert!(!loaded.objects.is_empty());
    }
}
