//! The per-kind rules. Each returns `None` when the object has nothing to judge by (no status),
//! so that the caller can say `unknown`, or report a missing reference instead.

use kubegraph_graph::NodeId;
use kubegraph_model::json::{items, str_at, JsonContainerTrait, JsonValueTrait, Path, Value};
use kubegraph_model::{EdgeKind, Object};

use crate::time::{self, human, Timestamp};
use crate::{label, status, Ctx, Health};

/// Waiting reasons that mean a container cannot start.
const WAITING_ERRORS: &[&str] = &[
    "CrashLoopBackOff",
    "ImagePullBackOff",
    "ErrImagePull",
    "CreateContainerConfigError",
    "CreateContainerError",
    "InvalidImageName",
];

/// Whether kubegraph has health rules for this kind.
pub fn has_rules(o: &Object) -> bool {
    matches!(
        (o.group.as_str(), o.kind.as_str()),
        (
            "",
            "Pod" | "Node" | "PersistentVolumeClaim" | "PersistentVolume" | "Service"
        ) | (
            "apps",
            "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet"
        ) | ("batch", "Job")
            | ("networking.k8s.io" | "extensions", "Ingress")
            | ("apiregistration.k8s.io", "APIService")
            | (
                "admissionregistration.k8s.io",
                "ValidatingWebhookConfiguration" | "MutatingWebhookConfiguration"
            )
    )
}

pub fn judge(ctx: &Ctx, id: NodeId, o: &Object) -> Option<Health> {
    match (o.group.as_str(), o.kind.as_str()) {
        ("", "Pod") => pod(ctx, o),
        ("", "Node") => node(o),
        ("", "PersistentVolumeClaim") => pvc(ctx, id, o),
        ("", "PersistentVolume") => pv(o),
        ("", "Service") => service(ctx, id, o),
        ("apps", "Deployment") => deployment(o),
        ("apps", "ReplicaSet" | "StatefulSet" | "DaemonSet") => replicas(o),
        ("batch", "Job") => job(o),
        ("networking.k8s.io" | "extensions", "Ingress") => ingress(ctx, id),
        ("apiregistration.k8s.io", "APIService") => apiservice(ctx, id, o),
        (
            "admissionregistration.k8s.io",
            "ValidatingWebhookConfiguration" | "MutatingWebhookConfiguration",
        ) => webhooks(ctx, id, o),
        _ => None,
    }
}

fn condition<'a>(status: &'a Value, ty: &str) -> Option<&'a Value> {
    items(status, "conditions").find(|c| str_at(c, "type") == Some(ty))
}

fn cond_status<'a>(status: &'a Value, ty: &str) -> Option<&'a str> {
    condition(status, ty).and_then(|c| str_at(c, "status"))
}

/// `reason: message`, `reason` or `message`, whichever the value has.
fn because(v: &Value) -> Option<String> {
    match (str_at(v, "reason"), str_at(v, "message")) {
        (Some(r), Some(m)) => Some(format!("{r}: {}", one_line(m))),
        (Some(r), None) => Some(r.to_string()),
        (None, Some(m)) => Some(one_line(m)),
        (None, None) => None,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn with(prefix: &str, v: Option<&Value>) -> String {
    match v.and_then(because) {
        Some(b) => format!("{prefix}: {b}"),
        None => prefix.to_string(),
    }
}

fn num(v: &Value, pointer: &str) -> Option<i64> {
    v.ptr(pointer).and_then(|n| n.as_i64())
}

/// How long a pod or claim may stay Pending before it is an error rather than a warning: long
/// enough for an image pull or a volume provisioning, short enough to flag what is stuck.
pub const PENDING_GRACE_SECS: i64 = 5 * 60;

/// For how long the object has been in its current phase: since `since` (or its creation).
fn pending_for(ctx: &Ctx, o: &Object, since: Option<Timestamp>) -> Option<i64> {
    let start = since.or_else(|| time::at(&o.raw, "/metadata/creationTimestamp"))?;
    Some(ctx.now?.since(start)).filter(|s| *s >= 0)
}

/// Pending for longer than [`PENDING_GRACE_SECS`] is an error, shorter a warning; without a
/// time, a warning.
fn pending(what: &str, age: Option<i64>) -> Health {
    match age {
        Some(s) if s > PENDING_GRACE_SECS => Health::error(format!("{what} for {}", human(s))),
        Some(s) => Health::warning(format!("{what} for {}", human(s))),
        None => Health::warning(what),
    }
}

/// An object being deleted past its deadline (`metadata.deletionTimestamp` is when the grace
/// period ends): a finalizer or an unreachable kubelet holds it.
pub fn stuck_terminating(ctx: &Ctx, o: &Object) -> Option<Health> {
    let deadline = time::at(&o.raw, "/metadata/deletionTimestamp")?;
    let late = ctx.now?.since(deadline);
    if late <= 0 {
        return None;
    }
    let finalizers: Vec<&str> = items(o.raw.get("metadata")?, "finalizers")
        .filter_map(|f| f.as_str())
        .collect();
    Some(Health::warning(match finalizers.as_slice() {
        [] => format!("Terminating, {} past its grace period", human(late)),
        f => format!(
            "Terminating, {} past its grace period (finalizers: {})",
            human(late),
            f.join(", ")
        ),
    }))
}

fn pod(ctx: &Ctx, o: &Object) -> Option<Health> {
    let st = status(o)?;
    let phase = str_at(st, "phase").unwrap_or("");
    if phase == "Failed" {
        return Some(Health::error(with("phase Failed", Some(st))));
    }
    if phase == "Succeeded" {
        return Some(Health::ok("Succeeded"));
    }
    for (field, what) in [
        ("initContainerStatuses", "init container"),
        ("containerStatuses", "container"),
        ("ephemeralContainerStatuses", "ephemeral container"),
    ] {
        for c in items(st, field) {
            let Some(waiting) = c.ptr("/state/waiting") else {
                continue;
            };
            let reason = str_at(waiting, "reason").unwrap_or("");
            if WAITING_ERRORS.contains(&reason) {
                let name = str_at(c, "name").unwrap_or("?");
                return Some(Health::error(with(
                    &format!("{what} {name} waiting"),
                    Some(waiting),
                )));
            }
        }
    }
    if let Some(c) = condition(st, "PodScheduled") {
        if str_at(c, "status") == Some("False") && str_at(c, "reason") == Some("Unschedulable") {
            let msg = str_at(c, "message").map(one_line);
            return Some(Health::error(match msg {
                Some(m) => format!("Unschedulable: {m}"),
                None => "Unschedulable".to_string(),
            }));
        }
    }
    if phase == "Pending" {
        return Some(pending("Pending", pending_for(ctx, o, None)));
    }
    if phase == "Running" {
        return Some(match condition(st, "Ready") {
            Some(c) if str_at(c, "status") == Some("True") => Health::ok("Running and ready"),
            Some(c) => Health::warning(with("Running but not ready", Some(c))),
            None => Health::warning("Running but not ready"),
        });
    }
    match phase {
        "" => None,
        other => Some(Health::unknown(format!("phase {other}"))),
    }
}

fn node(o: &Object) -> Option<Health> {
    let st = status(o)?;
    match condition(st, "Ready") {
        Some(c) if str_at(c, "status") == Some("True") => {}
        Some(c) => {
            let s = str_at(c, "status").unwrap_or("Unknown");
            return Some(Health::error(with(&format!("Ready {s}"), Some(c))));
        }
        None => return None,
    }
    for ty in ["MemoryPressure", "DiskPressure", "PIDPressure"] {
        if let Some(c) = condition(st, ty) {
            if str_at(c, "status") == Some("True") {
                return Some(Health::warning(with(ty, Some(c))));
            }
        }
    }
    if o.raw.ptr("/spec/unschedulable").and_then(|v| v.as_bool()) == Some(true) {
        return Some(Health::warning("cordoned (spec.unschedulable)"));
    }
    Some(Health::ok("Ready"))
}

fn deployment(o: &Object) -> Option<Health> {
    let st = status(o)?;
    if let Some(c) = condition(st, "Available") {
        if str_at(c, "status") == Some("False") {
            return Some(Health::error(with("Available False", Some(c))));
        }
    }
    if let Some(c) = condition(st, "Progressing") {
        if str_at(c, "status") == Some("False")
            && str_at(c, "reason") == Some("ProgressDeadlineExceeded")
        {
            return Some(Health::error(with("Progressing False", Some(c))));
        }
    }
    let desired = num(&o.raw, "/spec/replicas").unwrap_or(1);
    let available = num(st, "/availableReplicas").unwrap_or(0);
    let text = format!("{available}/{desired} replicas available");
    Some(if available < desired {
        Health::warning(text)
    } else {
        Health::ok(text)
    })
}

/// ReplicaSet, StatefulSet, DaemonSet: ready of desired.
fn replicas(o: &Object) -> Option<Health> {
    let st = status(o)?;
    let (desired, ready) = if o.kind == "DaemonSet" {
        (
            num(st, "/desiredNumberScheduled").unwrap_or(0),
            num(st, "/numberReady").unwrap_or(0),
        )
    } else {
        (
            num(&o.raw, "/spec/replicas").unwrap_or(1),
            num(st, "/readyReplicas").unwrap_or(0),
        )
    };
    let text = format!("{ready}/{desired} ready");
    Some(if desired > 0 && ready == 0 {
        Health::error(text)
    } else if ready < desired {
        Health::warning(text)
    } else {
        Health::ok(text)
    })
}

fn job(o: &Object) -> Option<Health> {
    let st = status(o)?;
    if let Some(c) = condition(st, "Failed") {
        if str_at(c, "status") == Some("True") {
            return Some(Health::error(with("Failed", Some(c))));
        }
    }
    if cond_status(st, "Complete") == Some("True") {
        return Some(Health::ok("Complete"));
    }
    let active = num(st, "/active").unwrap_or(0);
    Some(Health::ok(format!("running ({active} active)")))
}

fn pvc(ctx: &Ctx, id: NodeId, o: &Object) -> Option<Health> {
    let st = status(o)?;
    match str_at(st, "phase") {
        Some("Lost") => Some(Health::error(
            match o.raw.ptr("/spec/volumeName").and_then(|v| v.as_str()) {
                Some(v) if !v.is_empty() => format!("Lost: volume {v} is gone"),
                _ => "Lost".to_string(),
            },
        )),
        Some("Pending") => {
            let failed = ctx
                .graph
                .in_edges(id)
                .filter(|e| e.kind == EdgeKind::About)
                .map(|e| &ctx.graph.node(e.from).object)
                .find(|ev| {
                    ev.kind == "Event" && str_at(&ev.raw, "reason") == Some("ProvisioningFailed")
                });
            if let Some(ev) = failed {
                return Some(Health::error(with("Pending", Some(&ev.raw))));
            }
            if waits_for_first_consumer(ctx, id) {
                return Some(Health::ok(
                    "Pending: waiting for a pod to use it (volumeBindingMode WaitForFirstConsumer)",
                ));
            }
            Some(pending("Pending", pending_for(ctx, o, None)))
        }
        Some("Bound") => Some(Health::ok(
            match o.raw.ptr("/spec/volumeName").and_then(|v| v.as_str()) {
                Some(v) if !v.is_empty() => format!("Bound to {v}"),
                _ => "Bound".to_string(),
            },
        )),
        Some(other) => Some(Health::unknown(format!("phase {other}"))),
        None => None,
    }
}

/// Whether the claim's StorageClass binds late: such a claim stays Pending, rightly, until a pod
/// uses it.
fn waits_for_first_consumer(ctx: &Ctx, id: NodeId) -> bool {
    ctx.graph
        .in_edges(id)
        .filter(|e| e.kind == EdgeKind::Provisions)
        .any(|e| {
            str_at(&ctx.graph.node(e.from).object.raw, "volumeBindingMode")
                == Some("WaitForFirstConsumer")
        })
}

fn pv(o: &Object) -> Option<Health> {
    let st = status(o)?;
    let claim = match (
        o.raw
            .ptr("/spec/claimRef/namespace")
            .and_then(|v| v.as_str()),
        o.raw.ptr("/spec/claimRef/name").and_then(|v| v.as_str()),
    ) {
        (Some(ns), Some(n)) => Some(format!("{ns}/{n}")),
        (None, Some(n)) => Some(n.to_string()),
        _ => None,
    };
    match str_at(st, "phase") {
        Some("Failed") => Some(Health::error(with("Failed", Some(st)))),
        Some("Released") => Some(Health::warning(match claim {
            Some(c) => format!("Released: claim {c} was deleted"),
            None => "Released".to_string(),
        })),
        Some("Bound") => Some(Health::ok(match claim {
            Some(c) => format!("Bound to {c}"),
            None => "Bound".to_string(),
        })),
        Some("Available") => Some(Health::ok("Available")),
        Some(other) => Some(Health::unknown(format!("phase {other}"))),
        None => None,
    }
}

/// Ready and total endpoints of the service, from its EndpointSlices, else its Endpoints; `None`
/// when the input has neither for it.
fn endpoint_counts(ctx: &Ctx, id: NodeId) -> Option<(usize, usize)> {
    let (mut slices, mut endpoints) = (None, None);
    for e in ctx
        .graph
        .out_edges(id)
        .filter(|e| e.kind == EdgeKind::Routes)
    {
        let n = ctx.graph.node(e.to);
        if n.missing() {
            continue;
        }
        let o = &n.object;
        match (o.group.as_str(), o.kind.as_str()) {
            ("", "Endpoints") => {
                let (ready, total) = endpoints.get_or_insert((0, 0));
                for s in items(&o.raw, "subsets") {
                    let r = items(s, "addresses").count();
                    *ready += r;
                    *total += r + items(s, "notReadyAddresses").count();
                }
            }
            ("discovery.k8s.io", "EndpointSlice") => {
                let (ready, total) = slices.get_or_insert((0, 0));
                for ep in items(&o.raw, "endpoints") {
                    *total += 1;
                    // A nil `ready` is to be read as ready (discovery.k8s.io/v1).
                    if ep.ptr("/conditions/ready").and_then(|v| v.as_bool()) != Some(false) {
                        *ready += 1;
                    }
                }
            }
            _ => {}
        }
    }
    slices.or(endpoints)
}

/// Error with no ready endpoint, warning with some not ready, else ok.
fn readiness(ready: usize, total: usize, what: &str) -> Health {
    let text = format!("{ready}/{total} {what} ready");
    if ready == 0 {
        Health::error(format!("no ready endpoint ({text})"))
    } else if ready < total {
        Health::warning(text)
    } else {
        Health::ok(text)
    }
}

fn pod_ready(o: &Object) -> bool {
    status(o).and_then(|s| cond_status(s, "Ready")) == Some("True")
}

fn service(ctx: &Ctx, id: NodeId, o: &Object) -> Option<Health> {
    if str_at(o.raw.get("spec")?, "type") == Some("ExternalName") {
        return Some(Health::ok("ExternalName"));
    }
    let selector = o
        .raw
        .ptr("/spec/selector")
        .and_then(|s| s.as_object())
        .filter(|m| !m.is_empty());
    if selector.is_none() {
        return Some(Health::unknown(
            "no selector: its endpoints are managed elsewhere",
        ));
    }
    let pods: Vec<&Object> = ctx
        .graph
        .out_edges(id)
        .filter(|e| e.kind == EdgeKind::Selects)
        .map(|e| &*ctx.graph.node(e.to).object)
        .filter(|p| p.kind == "Pod" && p.group.is_empty())
        .collect();
    if pods.is_empty() {
        return ctx
            .has_pods
            .then(|| Health::warning("selector matches no pod"));
    }
    if let Some((ready, total)) = endpoint_counts(ctx, id) {
        return Some(readiness(ready, total, "endpoints"));
    }
    let ready = pods.iter().filter(|p| pod_ready(p)).count();
    Some(readiness(ready, pods.len(), "selected pods"))
}

/// An ingress is judged by its backends: a missing one is a missing reference (the caller's
/// rule); one without a ready endpoint is a warning.
fn ingress(ctx: &Ctx, id: NodeId) -> Option<Health> {
    let (mut backends, mut ready) = (0, 0);
    for e in ctx
        .graph
        .out_edges(id)
        .filter(|e| e.kind == EdgeKind::Routes)
    {
        let n = ctx.graph.node(e.to);
        if n.missing() || n.object.kind != "Service" {
            continue;
        }
        backends += 1;
        match service(ctx, e.to, &n.object) {
            Some(h) if h.state == crate::State::Error => {
                return Some(Health::warning(format!(
                    "backend {} has {}",
                    label(&n.object),
                    h.reason
                )));
            }
            Some(h) if h.state == crate::State::Ok => ready += 1,
            _ => {}
        }
    }
    let s = if backends == 1 { "" } else { "s" };
    match backends {
        0 => None,
        n if ready == n => Some(Health::ok(format!(
            "{n} backend service{s}, with ready endpoints"
        ))),
        n => Some(Health::ok(format!("{n} backend service{s}, all present"))),
    }
}

fn apiservice(ctx: &Ctx, id: NodeId, o: &Object) -> Option<Health> {
    if let Some(c) = status(o).and_then(|st| condition(st, "Available")) {
        return Some(match str_at(c, "status") {
            Some("True") => Health::ok("Available"),
            _ => Health::error(with("Available False", Some(c))),
        });
    }
    // No status (a manifest): judged by its backing service, as the aggregator would.
    let (svc, h) = backing_services(ctx, id).find(|(_, h)| h.state >= crate::State::Warning)?;
    Some(Health::error(format!(
        "backing {} has {}",
        label(svc),
        h.reason
    )))
}

/// The services backing a webhook configuration or an APIService, with their health.
fn backing_services<'g>(
    ctx: &'g Ctx,
    id: NodeId,
) -> impl Iterator<Item = (&'g Object, Health)> + 'g {
    ctx.graph
        .in_edges(id)
        .filter(|e| e.kind == EdgeKind::Backs)
        .filter_map(|e| {
            let n = ctx.graph.node(e.from);
            if n.missing() || n.object.kind != "Service" {
                return None;
            }
            Some((&*n.object, service(ctx, e.from, &n.object)?))
        })
}

/// A webhook configuration is down when a webhook's service has no ready endpoint: requests it
/// matches are rejected (failurePolicy Fail, the v1 default) or let through unchecked (Ignore).
/// A missing service is the missing-reference rule's.
fn webhooks(ctx: &Ctx, id: NodeId, o: &Object) -> Option<Health> {
    let default_policy = if o.version == "v1beta1" {
        "Ignore"
    } else {
        "Fail"
    };
    let mut worst: Option<Health> = None;
    let mut total = 0;
    for wh in items(&o.raw, "webhooks") {
        total += 1;
        let Some(svc) = wh.ptr("/clientConfig/service") else {
            continue;
        };
        let (ns, name) = (str_at(svc, "namespace"), str_at(svc, "name"));
        let Some((svc, h)) = backing_services(ctx, id)
            .find(|(s, _)| s.namespace.as_deref() == ns && Some(s.name.as_str()) == name)
        else {
            continue;
        };
        if h.state < crate::State::Warning {
            continue;
        }
        let policy = str_at(wh, "failurePolicy").unwrap_or(default_policy);
        let webhook = str_at(wh, "name").unwrap_or("?");
        let text = format!(
            "webhook {webhook} calls {}: {} (failurePolicy {policy}: {})",
            label(svc),
            h.reason,
            if policy == "Ignore" {
                "requests pass unchecked"
            } else {
                "matching requests are rejected"
            }
        );
        let found = if policy == "Ignore" {
            Health::warning(text)
        } else {
            Health::error(text)
        };
        if worst.as_ref().is_none_or(|w| found.state > w.state) {
            worst = Some(found);
        }
    }
    match worst {
        Some(w) => Some(w),
        None if total > 0 => Some(Health::ok(format!(
            "{total} webhook{}, backends ready or not in the input",
            if total == 1 { "" } else { "s" }
        ))),
        None => None,
    }
}
