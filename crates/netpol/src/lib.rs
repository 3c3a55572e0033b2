//! NetworkPolicy reachability: who can reach whom, on which ports, and which policy decides.
//!
//! [`Analysis::from_graph`] reads workloads, namespaces, `networking.k8s.io/v1` NetworkPolicies
//! and Ingresses from a graph's objects (computing from their specs, never from the graph's
//! `selects` edges), then
//! * [`Analysis::connectivity`] lists every allowed connection between workloads, external IPv4
//!   ranges and the ingress controller, written by [`output::write_txt`] as netpol-analyzer's
//!   `list` command writes it (the other formats are kubegraph's formats crate's);
//! * [`Analysis::explain`] says why one peer can or cannot reach another.
//!
//! The semantics, and the decisions where Kubernetes leaves room, are in `docs/netpol.md`.
//!
//! ```
//! use kubegraph_netpol::{output, Analysis, Protocol};
//!
//! // Any related graph will do: from files, the demo, a live cluster.
//! let graph = kubegraph_fixtures::graph(
//!     "
//! apiVersion: v1
//! kind: Pod
//! metadata: {name: web, namespace: shop, labels: {app: web}}
//! spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
//! ---
//! apiVersion: v1
//! kind: Pod
//! metadata: {name: client, namespace: shop, labels: {app: client}}
//! spec: {containers: [{name: client, image: curl}]}
//! ---
//! apiVersion: networking.k8s.io/v1
//! kind: NetworkPolicy
//! metadata: {name: web, namespace: shop}
//! spec:
//!   podSelector: {matchLabels: {app: web}}
//!   ingress: [{from: [{podSelector: {matchLabels: {app: client}}}], ports: [{port: 80}]}]
//! ",
//! );
//! let analysis = Analysis::from_graph(&graph)?;
//! let client = &analysis.resolve("shop/client")?[0];
//! let web = &analysis.resolve("shop/web")?[0];
//! let why = analysis.explain(client, web);
//! assert!(why.allowed.contains(Protocol::Tcp, 80));
//! assert!(!why.allowed.contains(Protocol::Tcp, 443));
//! assert_eq!(why.allowed.to_string(), "TCP 80");
//!
//! let mut listing = Vec::new();
//! output::write_txt(&analysis.connectivity(), &mut listing)?;
//! let listing = String::from_utf8(listing)?;
//! assert!(listing.contains("shop/client[Pod] => shop/web[Pod] : TCP 80\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod analysis;
mod explain;
mod ingress;
pub mod ip;
pub mod output;
pub mod policy;
pub mod ports;
mod workloads;

pub use analysis::{external_name, Analysis, Connectivity, Endpoint, INGRESS_CONTROLLER};
pub use explain::{Admit, Explanation, Side};
pub use ingress::Route;
pub use policy::Direction;
pub use ports::{ConnSet, PortSet, Protocol};
pub use workloads::{ContainerPort, Labels, Workload, NAMESPACE_NAME_LABEL};

/// Where kubegraph can depart from netpol-analyzer's semantics. The default (every field
/// `false`) is netpol-analyzer's: host-network pods and finished pods are analysed like any
/// other, so that the two tools' listings compare line for line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Leave out workloads that run in the host network (`spec.hostNetwork: true`, in a pod or
    /// a template): they share their node's network namespace, and CNI plugins generally do not
    /// enforce NetworkPolicies on host traffic.
    pub exclude_host_network: bool,
    /// Leave out pods whose phase is `Succeeded` or `Failed` (a Job's completed pods): they no
    /// longer run, so nothing can connect to or from them.
    pub exclude_finished: bool,
}

/// A NetworkPolicy the API server would reject.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("NetworkPolicy {policy}: {path}: {message}")]
pub struct PolicyError {
    /// `namespace/name`.
    pub policy: String,
    /// The field, e.g. `spec.ingress[0].from[1]`.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

/// Why an analysis or a question to it failed.
#[derive(Debug, thiserror::Error)]
pub enum NetpolError {
    /// Policies the API server would reject: the analysis would not be the cluster's.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Policies(Vec<PolicyError>),
    /// A peer, as the user wrote it, that names nothing analysed.
    #[error("`{text}`: {why}")]
    Endpoint {
        /// The text given.
        text: String,
        /// Why it does not resolve.
        why: String,
    },
}
