//! Events as evidence: what an object went through, deduplicated and categorised.
//!
//! The cluster reports a repeating occurrence once, with a count (core/v1 `count`, or `series`
//! in both APIs); a dump may still hold it several times (both API versions of the same stored
//! event, or an old and a new series). Events about the same object with the same reason and
//! message are one [`LogicalEvent`] here, with the summed count and the first and last time.
//!
//! Categories follow StackState's Kubernetes event mapper: a Warning is an Alert whatever its
//! reason; a Normal event is categorised by reason ([`category_of_reason`]); unknown reasons
//! are Others.

use crate::time::{self, Timestamp};
use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::json::{str_at, JsonValueTrait, Path, Value};
use kubegraph_model::{EdgeKind, Object};
use std::collections::BTreeMap;

/// StackState's event categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Something is wrong: every Warning, and Normal events whose reason says a failure.
    Alerts,
    /// What controllers and the kubelet do as they work (scheduled, pulled, started, scaled).
    Activities,
    /// The object's desired state changed (created, updated, deleted, applied).
    Changes,
    /// Reasons the mapping does not know.
    Others,
}

impl Category {
    /// The name queries compare against and output prints (`Alerts`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Alerts => "Alerts",
            Category::Activities => "Activities",
            Category::Changes => "Changes",
            Category::Others => "Others",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the object is an event (core/v1 or events.k8s.io/v1).
pub fn is_event(o: &Object) -> bool {
    o.kind == "Event" && (o.group.is_empty() || o.group == "events.k8s.io")
}

/// The category of an event object: Alerts for warnings, else by reason.
pub fn category(o: &Object) -> Category {
    if is_warning(&o.raw) {
        return Category::Alerts;
    }
    category_of_reason(str_at(&o.raw, "reason").unwrap_or(""))
}

fn is_warning(raw: &Value) -> bool {
    str_at(raw, "type").is_some_and(|t| t.eq_ignore_ascii_case("warning"))
}

/// The category of a Normal event's reason. The table is StackState's
/// (`stackstate-agent`, `kubernetes_event_mapper.go`, `DefaultEventCategoriesMap`), extended with
/// reasons it does not list (marked below): kubegraph's decision, by what the reason reports.
pub fn category_of_reason(reason: &str) -> Category {
    use Category::*;
    match reason {
        // StackState's table.
        "BackOff"
        | "NotTriggerScaleUp"
        | "FailedComputeMetricsReplicas"
        | "FailedRescale"
        | "NodeNotSchedulable"
        | "DetectedUnhealthy"
        | "ConnectivityRestored"
        | "BuildFailed"
        | "NeedsReinstall"
        | "NodeHasInsufficientMemory" => Alerts,
        "SandboxChanged"
        | "AddedInterface"
        | "DeploymentCreated"
        | "ResourceUpdated"
        | "Updated"
        | "Deleted"
        | "DeletingLoadBalancer"
        | "CreatedSCCRanges"
        | "UpdatedLoadBalancer"
        | "RELOAD" => Changes,
        "DesiredReplicasComputed"
        | "WaitForFirstConsumer"
        | "Pending"
        | "Inject"
        | "JobAlreadyActive"
        | "InstallWaiting" => Others,
        "Created"
        | "ExceededGracePeriod"
        | "Killing"
        | "Preempting"
        | "Started"
        | "Pulling"
        | "Pulled"
        | "NodeReady"
        | "NodeNotReady"
        | "NodeSchedulable"
        | "Starting"
        | "VolumeResizeSuccessful"
        | "FileSystemResizeSuccessful"
        | "SuccessfulAttachVolume"
        | "SuccessfulMountVolume"
        | "Rebooted"
        | "ContainerGCFailed"
        | "ImageGCFailed"
        | "NodeAllocatableEnforced"
        | "Completed"
        | "NoPods"
        | "SawCompletedJob"
        | "ScalingReplicaSet"
        | "Scheduled"
        | "SuccessfulCreate"
        | "SuccessfulDelete"
        | "SuccessfulRescale"
        | "EnsuringLoadBalancer"
        | "BuildStarted"
        | "ScaleDown"
        | "BuildCompleted"
        | "OperationStarted"
        | "OperationCompleted"
        | "Running"
        | "ProvisioningSucceeded"
        | "Succeeded"
        | "DeletingNode"
        | "RemovingNode"
        | "ReplicationControllerScaled"
        | "AllRequirementsMet"
        | "InstallSucceeded"
        | "TriggeredScaleUp"
        | "EvictedByVPA"
        | "ScaleUp"
        | "ScaledUpGroup"
        | "ScaleDownEmpty"
        | "CREATE"
        | "Provisioning"
        | "ExternalProvisioning"
        | "Resizing" => Activities,
        // Not in StackState's table: kubegraph's decisions.
        // Lifecycle steps a controller or the kubelet reports as it works.
        "SuccessfulCreatePod"
        | "SuccessfulDeletePod"
        | "SuccessfulUpdate"
        | "Sync"
        | "Synced"
        | "LeaderElection"
        | "RegisteredNode"
        | "RemovingNodeFromService"
        | "NodeHasSufficientMemory"
        | "NodeHasNoDiskPressure"
        | "NodeHasSufficientPID"
        | "EnsuredLoadBalancer"
        | "SuccessfulDetachVolume"
        | "SuccessfulUnMountVolume"
        | "Evicted"
        | "Preempted"
        | "TaintManagerEviction"
        | "Scaled" => Activities,
        // Something about the object's desired state changed.
        "Update"
        | "Create"
        | "Delete"
        | "Applied"
        | "ConfigChanged"
        | "UpdatedScheduledReplicas" => Changes,
        // Normal events whose reasons say a failure (some controllers emit them as Normal).
        "Failed"
        | "FailedCreate"
        | "FailedDelete"
        | "FailedScheduling"
        | "FailedMount"
        | "FailedAttachVolume"
        | "FailedSync"
        | "ProvisioningFailed"
        | "Unhealthy"
        | "NodeHasDiskPressure"
        | "NodeHasInsufficientPID"
        | "OOMKilling"
        | "FailedGetScale"
        | "FailedKillPod"
        | "InvalidDiskCapacity" => Alerts,
        _ => Others,
    }
}

/// One logical event: every stored occurrence of the same reason and message about one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogicalEvent {
    /// The object it is about.
    pub about: NodeId,
    /// A `Warning` event (else `Normal`).
    pub warning: bool,
    /// Its category (see the module documentation).
    pub category: Category,
    /// The event's `reason` (`BackOff`, `FailedScheduling`).
    pub reason: String,
    /// The event's message (`note` in events.k8s.io/v1).
    pub message: String,
    /// How many times it happened (the sum over distinct stored events).
    pub count: u64,
    /// When it first happened, when any stored event says.
    pub first: Option<Timestamp>,
    /// When it last happened, when any stored event says.
    pub last: Option<Timestamp>,
    /// The event nodes it merges.
    pub events: Vec<NodeId>,
}

/// How many times a stored event happened: `series.count`, `count`, `deprecatedCount`, else 1.
fn occurrences(raw: &Value) -> u64 {
    ["/series/count", "/count", "/deprecatedCount"]
        .iter()
        .filter_map(|p| raw.ptr(p).and_then(|v| v.as_u64()))
        .find(|n| *n > 0)
        .unwrap_or(1)
}

fn first_time(raw: &Value) -> Option<Timestamp> {
    [
        "/firstTimestamp",
        "/deprecatedFirstTimestamp",
        "/eventTime",
        "/metadata/creationTimestamp",
    ]
    .iter()
    .find_map(|p| time::at(raw, p))
}

fn last_time(raw: &Value) -> Option<Timestamp> {
    [
        "/series/lastObservedTime",
        "/lastTimestamp",
        "/deprecatedLastTimestamp",
        "/eventTime",
        "/metadata/creationTimestamp",
    ]
    .iter()
    .find_map(|p| time::at(raw, p))
}

/// The logical events about `id` (through `about` edges), newest first.
pub fn about(graph: &Graph, id: NodeId) -> Vec<LogicalEvent> {
    let mut groups: BTreeMap<(String, String), LogicalEvent> = BTreeMap::new();
    // The same stored event read through both APIs (or listed twice) counts once: by uid, else
    // by name.
    let mut seen: std::collections::BTreeSet<(String, String, String)> = Default::default();
    let mut evs: Vec<NodeId> = graph
        .in_edges(id)
        .filter(|e| e.kind == EdgeKind::About)
        .map(|e| e.from)
        .filter(|&from| is_event(&graph.node(from).object))
        .collect();
    evs.sort();
    evs.dedup();
    for ev in evs {
        let o = &graph.node(ev).object;
        let raw = &o.raw;
        let reason = str_at(raw, "reason").unwrap_or("").to_string();
        let message = str_at(raw, "message")
            .or_else(|| str_at(raw, "note"))
            .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let key = (reason.clone(), message.clone());
        let identity = o.uid.clone().unwrap_or_else(|| o.name.clone());
        let g = groups.entry(key.clone()).or_insert_with(|| LogicalEvent {
            about: id,
            warning: false,
            category: Category::Others,
            reason,
            message,
            count: 0,
            first: None,
            last: None,
            events: Vec::new(),
        });
        g.events.push(ev);
        g.warning |= is_warning(raw);
        g.category = g.category.min(category(o));
        if seen.insert((key.0.clone(), key.1.clone(), identity)) {
            g.count += occurrences(raw);
        }
        if let Some(t) = first_time(raw) {
            g.first = Some(g.first.map_or(t, |f| f.min(t)));
        }
        if let Some(t) = last_time(raw) {
            g.last = Some(g.last.map_or(t, |l| l.max(t)));
        }
    }
    let mut out: Vec<LogicalEvent> = groups.into_values().collect();
    out.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.reason.cmp(&b.reason)));
    out
}

/// The warning events about `id`, newest first.
pub fn warnings(graph: &Graph, id: NodeId) -> Vec<LogicalEvent> {
    about(graph, id).into_iter().filter(|e| e.warning).collect()
}

/// How old an event may be and still say something about the object's state now: a day. The
/// API server keeps events an hour by default, so a dump's are recent; older ones come from
/// exporters and archives.
pub const RECENT_SECS: i64 = 24 * 3600;

/// The warning events about `id` seen within [`RECENT_SECS`] of `now` (all of them when there is
/// no `now`, or an event has no time), newest first.
pub fn recent_warnings(graph: &Graph, id: NodeId, now: Option<Timestamp>) -> Vec<LogicalEvent> {
    warnings(graph, id)
        .into_iter()
        .filter(|e| match (e.last, now) {
            (Some(last), Some(now)) => now.since(last) <= RECENT_SECS,
            _ => true,
        })
        .collect()
}

impl LogicalEvent {
    /// `BackOff ×288, last 5m ago: Back-off restarting failed container …`
    pub fn summary(&self, now: Option<Timestamp>) -> String {
        let mut s = self.reason.clone();
        if self.count > 1 {
            s.push_str(&format!(" ×{}", self.count));
        }
        match (self.last, now) {
            (Some(l), Some(n)) if n == l => s.push_str(", last just now"),
            (Some(l), Some(n)) if n > l => {
                s.push_str(&format!(", last {} ago", time::human(n.since(l))))
            }
            (Some(l), Some(_)) => s.push_str(&format!(", last {l}")),
            _ => {}
        }
        if !self.message.is_empty() {
            s.push_str(": ");
            s.push_str(&self.message);
        }
        s
    }
}
