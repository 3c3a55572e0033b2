//! NetworkPolicy reachability: who can reach whom, on which ports, and which policy decides.
//!
//! [`Analysis::from_graph`] reads workloads, namespaces, `networking.k8s.io/v1` NetworkPolicies
//! and Ingresses from a graph's objects (computing from their specs, never from the graph's
//! `selects` edges), then
//! * [`Analysis::connectivity`] lists every allowed connection between workloads, external IPv4
//!   ranges and the ingress controller, written by [`output::write`] in netpol-analyzer's
//!   formats (`txt` line-for-line compatible with its `list` command);
//! * [`Analysis::explain`] says why one peer can or cannot reach another.
//!
//! The semantics, and the decisions where Kubernetes leaves room, are in `docs/netpol.md`.

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
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum NetpolError {
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Policies(Vec<PolicyError>),
    #[error("`{text}`: {why}")]
    Endpoint { text: String, why: String },
}
