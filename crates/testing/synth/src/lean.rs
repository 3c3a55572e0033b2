//! The lean detail level: the same objects, identities and relations as the full one, with the
//! fields nothing refers to removed (API-server defaults, redundant status, bookkeeping
//! annotations). Pretty-printed, a live pod is 10–15 KB; the lean one keeps what makes it a pod
//! (containers with image, resources, probe, env references and mounts; node; volumes; status
//! with conditions, IPs and container statuses) in about 5 KB.

use serde_json::Value;

/// Keys removed wherever they appear, sorted (binary search).
const DROP: &[&str] = &[
    "accessModes",
    "allocatable",
    "app.kubernetes.io/managed-by",
    "app.kubernetes.io/part-of",
    "app.kubernetes.io/version",
    "clusterIPs",
    "collisionCount",
    "containerID",
    "currentMetrics",
    "daemonEndpoints",
    "defaultMode",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
    "dnsPolicy",
    "eks.amazonaws.com/role-arn",
    "enableServiceLinks",
    "endpoints.kubernetes.io/last-change-trigger-time",
    "eventTime",
    "failureThreshold",
    "finalizers",
    "fsType",
    "fullyLabeledReplicas",
    "generation",
    "helm.sh/chart",
    "hostIPs",
    "imageID",
    "imagePullPolicy",
    "images",
    "initialDelaySeconds",
    "internalTrafficPolicy",
    "ipFamilies",
    "ipFamilyPolicy",
    "kubectl.kubernetes.io/default-container",
    "lastHeartbeatTime",
    "lastPhaseTransitionTime",
    "lastProbeTime",
    "lastState",
    "limits",
    "livenessProbe",
    "meta.helm.sh/release-name",
    "meta.helm.sh/release-namespace",
    "nodeAffinity",
    "nodeInfo",
    "observedGeneration",
    "persistentVolumeClaimRetentionPolicy",
    "podIPs",
    "podManagementPolicy",
    "preemptionPolicy",
    "priority",
    "progressDeadlineSeconds",
    "prometheus.io/port",
    "prometheus.io/scrape",
    "qosClass",
    "readOnly",
    "reportingComponent",
    "reportingInstance",
    "restartPolicy",
    "revisionHistoryLimit",
    "schedulerName",
    "scheme",
    "securityContext",
    "serviceAccount",
    "serving",
    "sessionAffinity",
    "started",
    "strategy",
    "successThreshold",
    "terminating",
    "terminationGracePeriodSeconds",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "timeoutSeconds",
    "tolerations",
    "updateStrategy",
    "updatedReplicas",
    "volumeAttributes",
    "volumeMode",
    "zone",
];

/// Conditions kept (by type) where an object has a list of them.
const KEEP_CONDITIONS: &[&str] = &["Ready", "PodScheduled", "DisruptionAllowed"];

pub(crate) fn lean(kind: &str, v: &mut Value) {
    strip(v);
    let spec = match kind {
        "Pod" => v.get_mut("spec"),
        "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" => {
            v.pointer_mut("/spec/template/spec")
        }
        _ => None,
    };
    {
        if let Some(spec) = spec {
            // The projected service-account token volume and its mounts.
            if let Some(Value::Array(vols)) = spec.get_mut("volumes") {
                vols.retain(|vol| vol.get("projected").is_none());
            }
            for field in ["containers", "initContainers"] {
                if let Some(Value::Array(cs)) = spec.get_mut(field) {
                    for c in cs {
                        if let Some(m) = c.as_object_mut() {
                            m.remove("ports");
                        }
                        if let Some(Value::Array(m)) = c.get_mut("volumeMounts") {
                            m.retain(|m| {
                                !m.get("name")
                                    .and_then(Value::as_str)
                                    .is_some_and(|n| n.starts_with("kube-api-access"))
                            });
                        }
                    }
                }
            }
        }
    }
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, _| DROP.binary_search(&k.as_str()).is_err());
            if let Some(Value::Array(env)) = m.get_mut("env") {
                // Only the environment that refers to other objects.
                env.retain(|e| {
                    e.get("valueFrom")
                        .is_some_and(|vf| vf.get("fieldRef").is_none())
                });
            }
            if let Some(Value::Array(conds)) = m.get_mut("conditions") {
                conds.retain(|c| {
                    c.get("type")
                        .and_then(Value::as_str)
                        .is_none_or(|t| KEEP_CONDITIONS.contains(&t))
                });
            }
            for (_, child) in m.iter_mut() {
                strip(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Keys the minimal level removes as well, sorted: none is read by a relation (references go
/// through names, selectors, owners, volumes, env and the node), and the health rules that read
/// them fall back to what is left.
const MINIMAL_DROP: &[&str] = &[
    "args",
    "blockOwnerDeletion",
    "command",
    "firstTimestamp",
    "generateName",
    "hostIP",
    "kubectl.kubernetes.io/restartedAt",
    "lastTransitionTime",
    "mountPath",
    "readinessProbe",
    "resources",
    "startTime",
    "startedAt",
];

/// Cuts a lean object down to the minimal level.
pub(crate) fn minimal(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, _| MINIMAL_DROP.binary_search(&k.as_str()).is_err());
            // A container's status repeats the image of its spec.
            if let Some(Value::Array(statuses)) = m.get_mut("containerStatuses") {
                for s in statuses.iter_mut().filter_map(Value::as_object_mut) {
                    s.remove("image");
                }
            }
            m.values_mut().for_each(minimal);
            // An emptied annotation map is not written, as the API server omits it.
            if m.get("annotations")
                .and_then(Value::as_object)
                .is_some_and(|a| a.is_empty())
            {
                m.remove("annotations");
            }
        }
        Value::Array(items) => items.iter_mut().for_each(minimal),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn drop_lists_are_sorted() {
        for list in [super::DROP, super::MINIMAL_DROP] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "keep {list:?} sorted");
        }
    }
}
