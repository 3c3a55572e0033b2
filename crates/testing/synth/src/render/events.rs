//! Events: about pods (scheduling, pulls, starts, probe failures, back-offs), about Deployments
//! (scaling), and about pods already gone.

use super::meta::container_name;
use super::{Renderer, R_OBJECT};
use crate::gen::{timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Value};
use std::io::{self, Write};

impl<W: Write> Renderer<'_, W> {
    pub(super) fn events(&mut self, ns: &Namespace) -> io::Result<()> {
        for e in &ns.events {
            let v = event(self.plan, ns, e);
            self.emit("Event", v)?;
        }
        Ok(())
    }
}

fn event(plan: &Plan, ns: &Namespace, e: &Event) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, e.seed);
    let (involved, object_name, host, container) = match &e.about {
        About::Pod(a, p) => {
            let app = &ns.apps[*a];
            let pod = &app.pods[*p];
            let host = pod.node.map(|n| plan.node_addr(n).0);
            let mut r = json!({
                "apiVersion": "v1",
                "kind": "Pod",
                "name": pod.name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": pod.uid,
            });
            let container = container_name(app);
            if !matches!(e.reason, Reason::Scheduled | Reason::FailedScheduling) {
                r["fieldPath"] = json!(format!("spec.containers{{{container}}}"));
            }
            (
                r,
                pod.name.clone(),
                host,
                Some((container, app.image.clone())),
            )
        }
        About::Workload(a) => {
            let app = &ns.apps[*a];
            let r = json!({
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "name": app.name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": app.uid,
            });
            let rs = app
                .revisions
                .last()
                .map_or(String::new(), |r| r.name.clone());
            (r, app.name.clone(), None, Some((rs, String::new())))
        }
        About::GonePod(name, uid) => {
            let r = json!({
                "apiVersion": "v1",
                "fieldPath": "spec.containers{app}",
                "kind": "Pod",
                "name": name,
                "namespace": ns.name,
                "resourceVersion": g.resource_version(),
                "uid": uid,
            });
            (r, name.clone(), None, None)
        }
    };
    let (container, image) = container.unwrap_or_default();
    let (ty, component, message) = match e.reason {
        Reason::Scheduled => (
            "Normal",
            "default-scheduler",
            format!(
                "Successfully assigned {}/{object_name} to {}",
                ns.name,
                host.clone().unwrap_or_default()
            ),
        ),
        Reason::Pulled => (
            "Normal",
            "kubelet",
            format!("Container image \"{image}\" already present on machine"),
        ),
        Reason::Created => (
            "Normal",
            "kubelet",
            format!("Created container {container}"),
        ),
        Reason::Started => (
            "Normal",
            "kubelet",
            format!("Started container {container}"),
        ),
        Reason::Unhealthy => (
            "Warning",
            "kubelet",
            "Readiness probe failed: HTTP probe failed with statuscode: 503".to_string(),
        ),
        Reason::BackOff => (
            "Warning",
            "kubelet",
            "Back-off restarting failed container".to_string(),
        ),
        Reason::FailedScheduling => (
            "Warning",
            "default-scheduler",
            format!(
                "0/{} nodes are available: {} Insufficient memory.",
                plan.nodes, plan.nodes
            ),
        ),
        Reason::ScalingReplicaSet => (
            "Normal",
            "deployment-controller",
            format!("Scaled up replica set {container} to 1"),
        ),
        Reason::Killing => ("Normal", "kubelet", "Stopping container app".to_string()),
    };
    let last = (e.first + i64::from(e.count - 1) * 300).min(NOW - 1);
    let mut source = json!({"component": component});
    if component == "kubelet" {
        if let Some(h) = &host {
            source["host"] = json!(h);
        }
    }
    json!({
        "apiVersion": "v1",
        "count": e.count,
        "eventTime": null,
        "firstTimestamp": timestamp(e.first),
        "involvedObject": involved,
        "kind": "Event",
        "lastTimestamp": timestamp(last),
        "message": message,
        "metadata": {
            "creationTimestamp": timestamp(e.first),
            "name": format!("{object_name}.{}", e.suffix),
            "namespace": ns.name,
            "resourceVersion": g.resource_version(),
            "uid": e.uid,
        },
        "reason": format!("{:?}", e.reason),
        "reportingComponent": component,
        "reportingInstance": if component == "kubelet" { host.unwrap_or_default() } else { String::new() },
        "source": source,
        "type": ty,
    })
}
