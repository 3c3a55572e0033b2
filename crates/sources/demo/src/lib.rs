//! The landscape `--demo` shows: written for kubegraph, shaped like a `kubectl get -A -o yaml`
//! dump of a small cluster, with a few things broken on purpose.
//!
//! Three namespaces (`shop`, `payments`, `monitoring`) on three nodes. Broken on purpose:
//!
//! 1. `payments/payments-api`: the new release reads Secret `payments-api-token`, which does not
//!    exist; its pod waits in `CreateContainerConfigError` and the rollout stalls.
//! 2. `monitoring/grafana-data`: a claim for StorageClass `io2-fast`, which does not exist; the
//!    claim stays Pending and the grafana pod is Unschedulable.
//! 3. `shop/recommendations`: a crash-looping pod; the Deployment has no available replica.
//!
//! And `shop/catalog-legacy` is a Service whose selector matches no pod.
//!
//! ```
//! let loaded = kubegraph_demo::load();
//! assert!(loaded.diagnostics.is_empty());
//! let has = |kind: &str, namespace: &str, name: &str| {
//!     loaded.objects.iter().any(|o| {
//!         o.kind == kind && o.namespace.as_deref() == Some(namespace) && o.name == name
//!     })
//! };
//! assert!(has("Deployment", "payments", "payments-api"));
//! // The Secret its new release reads is not in the landscape...
//! assert!(!has("Secret", "payments", "payments-api-token"));
//! // ...so, related, it is a placeholder node, which the release's pod uses.
//! let graph = kubegraph_fixtures::demo();
//! let token = "Secret:payments/payments-api-token (missing)";
//! assert!(graph.node(kubegraph_fixtures::node(&graph, token)).missing());
//! let uses = kubegraph_fixtures::edges(&graph, kubegraph_model::EdgeKind::Uses);
//! let pod = "Pod:payments/payments-api-7c9d5f6b48-q8wzx";
//! assert!(uses.contains(&format!("{pod} -> {token}")));
//! ```

use kubegraph_files::{load_bytes, LoadOptions, Loaded};

/// The cluster name demo objects live in.
pub const CLUSTER: &str = "demo";

const LANDSCAPE: &str = include_str!("../landscape/demo.yaml");

/// The demo's objects.
pub fn load() -> Loaded {
    load_bytes("<demo>", LANDSCAPE.as_bytes(), &LoadOptions::default())
}

/// The demo's source text, as embedded (`landscape/demo.yaml`).
pub fn source() -> &'static str {
    LANDSCAPE
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_loads_without_warnings() {
        let loaded = super::load();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        assert!(
            (80..=150).contains(&loaded.objects.len()),
            "{} objects",
            loaded.objects.len()
        );
    }
}
