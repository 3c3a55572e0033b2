//! Deployments, StatefulSets and DaemonSets, the ReplicaSets of each Deployment revision, and what
//! scales or protects them: HorizontalPodAutoscalers and PodDisruptionBudgets.

use super::meta::{
    common_labels, helm_annotations, meta, owner, pod_labels, revision_hash, selector_labels,
    template_annotations,
};
use super::pod_spec::pod_spec;
use super::R_OBJECT;
use crate::gen::{timestamp, Gen, NOW};
use crate::model::*;
use serde_json::{json, Value};

fn template(ns: &Namespace, app: &App, revision: usize, g: &mut Gen) -> Value {
    let mut labels = pod_labels(ns, app);
    match app.kind {
        Workload::Deployment => {
            if let Some(r) = app.revisions.get(revision) {
                labels.insert("pod-template-hash".into(), json!(r.hash));
            }
        }
        Workload::StatefulSet | Workload::DaemonSet => {}
    }
    json!({
        "metadata": {
            "annotations": template_annotations(app, revision),
            "creationTimestamp": null,
            "labels": labels,
        },
        "spec": pod_spec(ns, app, None, g),
    })
}

pub(super) fn workload(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 10);
    let current = app.revisions.len().saturating_sub(1);
    let generation = 1 + g.range(0, 30);
    let ready = app
        .pods
        .iter()
        .filter(|p| p.state == PodState::Ready)
        .count();
    let replicas = app.replicas;
    let mut annotations = helm_annotations(ns, app);
    let mut t = template(ns, app, current, &mut g);
    // A Deployment's template has no pod-template-hash: the ReplicaSet adds it.
    if let Some(l) = t
        .pointer_mut("/metadata/labels")
        .and_then(Value::as_object_mut)
    {
        l.remove("pod-template-hash");
    }
    let selector = json!({"matchLabels": selector_labels(app)});
    let at = |s: i64| timestamp(app.created + s);
    let (api_kind, spec, status) = match app.kind {
        Workload::Deployment => {
            let number = app.revisions.last().map_or(1, |r| r.number);
            annotations.insert(
                "deployment.kubernetes.io/revision".into(),
                json!(number.to_string()),
            );
            let rev_name = app.revisions.last().map_or("", |r| r.name.as_str());
            let available = ready > 0 || replicas == 0;
            (
                "Deployment",
                json!({
                    "progressDeadlineSeconds": 600,
                    "replicas": replicas,
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}, "type": "RollingUpdate"},
                    "template": t,
                }),
                json!({
                    "availableReplicas": ready,
                    "conditions": [
                        {"lastTransitionTime": at(40), "lastUpdateTime": at(40), "message": if available { "Deployment has minimum availability." } else { "Deployment does not have minimum availability." }, "reason": if available { "MinimumReplicasAvailable" } else { "MinimumReplicasUnavailable" }, "status": if available { "True" } else { "False" }, "type": "Available"},
                        {"lastTransitionTime": at(10), "lastUpdateTime": at(60), "message": format!("ReplicaSet \"{rev_name}\" has successfully progressed."), "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"},
                    ],
                    "observedGeneration": generation,
                    "readyReplicas": ready,
                    "replicas": replicas,
                    "updatedReplicas": replicas,
                }),
            )
        }
        Workload::StatefulSet => {
            let svc = app.service.as_ref().map_or("", |s| s.name.as_str());
            let hash = format!("{}-{}", app.name, revision_hash(app));
            let mut claim_spec = json!({
                "accessModes": ["ReadWriteOnce"],
                "resources": {"requests": {"storage": format!("{}Gi", app.claims.first().map_or(10, |c| c.size_gi))}},
                "volumeMode": "Filesystem",
            });
            if app.claims.first().is_none_or(|c| c.explicit_class) {
                claim_spec["storageClassName"] = json!("gp3");
            }
            (
                "StatefulSet",
                json!({
                    "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Retain"},
                    "podManagementPolicy": "OrderedReady",
                    "replicas": replicas,
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "serviceName": svc,
                    "template": t,
                    "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"},
                    "volumeClaimTemplates": [{
                        "apiVersion": "v1",
                        "kind": "PersistentVolumeClaim",
                        "metadata": {"creationTimestamp": null, "name": "data"},
                        "spec": claim_spec,
                        "status": {"phase": "Pending"},
                    }],
                }),
                json!({
                    "availableReplicas": ready,
                    "collisionCount": 0,
                    "currentReplicas": replicas,
                    "currentRevision": hash,
                    "observedGeneration": generation,
                    "readyReplicas": ready,
                    "replicas": replicas,
                    "updateRevision": hash,
                    "updatedReplicas": replicas,
                }),
            )
        }
        Workload::DaemonSet => {
            annotations.insert(
                "deprecated.daemonset.template.generation".into(),
                json!("1"),
            );
            (
                "DaemonSet",
                json!({
                    "revisionHistoryLimit": 10,
                    "selector": selector,
                    "template": t,
                    "updateStrategy": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": "10%"}, "type": "RollingUpdate"},
                }),
                json!({
                    "currentNumberScheduled": replicas,
                    "desiredNumberScheduled": replicas,
                    "numberAvailable": ready,
                    "numberMisscheduled": 0,
                    "numberReady": ready,
                    "observedGeneration": 1,
                    "updatedNumberScheduled": replicas,
                }),
            )
        }
    };
    let mut metadata = meta(
        &app.name,
        ns,
        &app.uid,
        app.created,
        &mut g,
        common_labels(ns, app),
        annotations,
    );
    metadata["generation"] = json!(generation);
    json!({
        "apiVersion": "apps/v1",
        "kind": api_kind,
        "metadata": metadata,
        "spec": spec,
        "status": status,
    })
}

pub(super) fn replica_set(plan: &Plan, ns: &Namespace, app: &App, r: usize) -> Value {
    let rev = &app.revisions[r];
    let mut g = Gen::new(plan.seed, R_OBJECT, rev.seed);
    let ready = if r + 1 == app.revisions.len() {
        app.pods
            .iter()
            .filter(|p| p.state == PodState::Ready)
            .count()
    } else {
        0
    };
    let mut labels = pod_labels(ns, app);
    labels.insert("pod-template-hash".into(), json!(rev.hash));
    let mut annotations = helm_annotations(ns, app);
    annotations.insert(
        "deployment.kubernetes.io/desired-replicas".into(),
        json!(app.replicas.to_string()),
    );
    annotations.insert(
        "deployment.kubernetes.io/max-replicas".into(),
        json!((app.replicas + app.replicas.div_ceil(4)).to_string()),
    );
    annotations.insert(
        "deployment.kubernetes.io/revision".into(),
        json!(rev.number.to_string()),
    );
    let mut selector = selector_labels(app);
    selector.insert("pod-template-hash".into(), json!(rev.hash));
    let mut metadata = meta(
        &rev.name,
        ns,
        &rev.uid,
        rev.created,
        &mut g,
        labels,
        annotations,
    );
    let generation = g.range(1, 6);
    metadata["generation"] = json!(generation);
    metadata["ownerReferences"] = json!([owner("apps/v1", "Deployment", &app.name, &app.uid)]);
    let status = if rev.replicas == 0 {
        json!({"observedGeneration": generation, "replicas": 0})
    } else {
        json!({
            "availableReplicas": ready,
            "fullyLabeledReplicas": rev.replicas,
            "observedGeneration": generation,
            "readyReplicas": ready,
            "replicas": rev.replicas,
        })
    };
    json!({
        "apiVersion": "apps/v1",
        "kind": "ReplicaSet",
        "metadata": metadata,
        "spec": {
            "replicas": rev.replicas,
            "selector": {"matchLabels": selector},
            "template": template(ns, app, r, &mut g),
        },
        "status": status,
    })
}

pub(super) fn hpa(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 11);
    let min = app.replicas.max(1);
    let current = g.range(20, 95);
    let at = timestamp(NOW - g.range(600, 30 * 86_400) as i64);
    json!({
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": meta(&app.name, ns, &app.uids[UID_HPA], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {
            "maxReplicas": min * 3,
            "metrics": [{"resource": {"name": "cpu", "target": {"averageUtilization": 70, "type": "Utilization"}}, "type": "Resource"}],
            "minReplicas": min,
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": app.name},
        },
        "status": {
            "conditions": [
                {"lastTransitionTime": at, "message": "recommended size matches current size", "reason": "ReadyForNewScale", "status": "True", "type": "AbleToScale"},
                {"lastTransitionTime": at, "message": "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", "reason": "ValidMetricFound", "status": "True", "type": "ScalingActive"},
                {"lastTransitionTime": at, "message": "the desired count is within the acceptable range", "reason": "DesiredWithinRange", "status": "False", "type": "ScalingLimited"},
            ],
            "currentMetrics": [{"resource": {"current": {"averageUtilization": current, "averageValue": format!("{}m", current * u64::from(app.cpu_m) / 100)}, "name": "cpu"}, "type": "Resource"}],
            "currentReplicas": app.replicas,
            "desiredReplicas": app.replicas,
            "lastScaleTime": at,
        },
    })
}

pub(super) fn pdb(plan: &Plan, ns: &Namespace, app: &App) -> Value {
    let mut g = Gen::new(plan.seed, R_OBJECT, app.seed ^ 12);
    let healthy = app
        .pods
        .iter()
        .filter(|p| p.state == PodState::Ready)
        .count();
    let desired = app.replicas.saturating_sub(1);
    json!({
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": meta(&app.name, ns, &app.uids[UID_PDB], app.created, &mut g, common_labels(ns, app), helm_annotations(ns, app)),
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": selector_labels(app)}},
        "status": {
            "conditions": [{"lastTransitionTime": timestamp(NOW - g.range(600, 86_400) as i64), "message": "", "observedGeneration": 1, "reason": "SufficientPods", "status": if healthy > desired { "True" } else { "False" }, "type": "DisruptionAllowed"}],
            "currentHealthy": healthy,
            "desiredHealthy": desired,
            "disruptionsAllowed": healthy.saturating_sub(desired),
            "expectedPods": app.replicas,
            "observedGeneration": 1,
        },
    })
}
