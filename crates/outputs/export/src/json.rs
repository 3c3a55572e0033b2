use crate::view::View;
use crate::{origin_str, ExportError};
use kubegraph_graph::{Edge, Graph, NodeId, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait};
use kubegraph_model::Object;
use serde_json::{json, Map, Value};
use std::io::Write;

/// One node as the JSON contract shapes it.
pub fn node_json(graph: &Graph, id: NodeId) -> Value {
    let n = graph.node(id);
    let o = &n.object;
    let mut m = Map::new();
    m.insert("id".into(), json!(graph.node_id_string(id)));
    m.insert("cluster".into(), json!(graph.cluster_name(n.cluster)));
    m.insert("group".into(), json!(o.group));
    m.insert("version".into(), json!(o.version));
    m.insert("kind".into(), json!(o.kind));
    m.insert("namespace".into(), json!(o.namespace));
    m.insert("name".into(), json!(o.name));
    m.insert("uid".into(), json!(o.uid));
    m.insert("missing".into(), json!(n.missing()));
    m.insert("origin".into(), json!(origin_str(n.origin)));
    m.insert(
        "labels".into(),
        o.labels().map_or_else(
            || json!({}),
            |l| serde_json::to_value(l).unwrap_or_default(),
        ),
    );
    if let Some(pod) = n.parent {
        m.insert("pod".into(), json!(graph.node_id_string(pod)));
    }
    // Facts of the object as read; a placeholder, implied or synthetic node has none.
    let attrs = match n.origin {
        Origin::Source => node_attrs(o),
        _ => Map::new(),
    };
    if !attrs.is_empty() {
        m.insert("attrs".into(), Value::Object(attrs));
    }
    Value::Object(m)
}

/// The small facts of an object that a consumer needs to judge its relations without reading the
/// object again (the JSON contract's `attrs`; empty for kinds without any, and for placeholders):
/// * Service: `type` (`ClusterIP` when absent, as the API server defaults it), `headless`
///   (`clusterIP: None`);
/// * Pod: `phase` (when the status has one), `host_network` (when true); workloads with a pod
///   template: `host_network` (when the template's is true);
/// * ConfigMap: `keys` (of `data` and `binaryData`, sorted); Secret: `type` (`Opaque` when
///   absent) and `keys` (of `data` and `stringData`, sorted; never a value);
/// * PersistentVolumeClaim, PersistentVolume: `phase`;
/// * ClusterRole: `aggregated` (when it has an `aggregationRule`: its rules are the aggregation
///   controller's, from the roles it `aggregates`).
pub fn node_attrs(o: &Object) -> Map<String, Value> {
    let mut m = Map::new();
    let spec = o.spec();
    let str_of = |v: Option<&kubegraph_model::json::Value>| {
        v.and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let keys_of = |fields: &[&str]| {
        let mut keys: Vec<String> = fields
            .iter()
            .filter_map(|f| o.raw.get(*f).and_then(|d| d.as_object()))
            .flat_map(|d| d.iter().map(|(k, _)| k.to_string()))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let host_network = |spec: Option<&kubegraph_model::json::Value>| {
        spec.and_then(|s| s.get("hostNetwork"))
            .and_then(|h| h.as_bool())
            == Some(true)
    };
    match (o.group.as_str(), o.kind.as_str()) {
        ("", "Service") => {
            let ty = str_of(spec.and_then(|s| s.get("type")));
            m.insert("type".into(), json!(ty.as_deref().unwrap_or("ClusterIP")));
            let cluster_ip = str_of(spec.and_then(|s| s.get("clusterIP")));
            m.insert(
                "headless".into(),
                json!(cluster_ip.as_deref() == Some("None")),
            );
        }
        ("", "Pod") => {
            if let Some(phase) = str_of(o.at("status.phase")) {
                m.insert("phase".into(), json!(phase));
            }
            if host_network(spec) {
                m.insert("host_network".into(), json!(true));
            }
        }
        ("", "ConfigMap") => {
            m.insert("keys".into(), json!(keys_of(&["data", "binaryData"])));
        }
        ("", "Secret") => {
            let ty = str_of(o.raw.get("type"));
            m.insert("type".into(), json!(ty.as_deref().unwrap_or("Opaque")));
            m.insert("keys".into(), json!(keys_of(&["data", "stringData"])));
        }
        ("", "PersistentVolumeClaim" | "PersistentVolume") => {
            if let Some(phase) = str_of(o.at("status.phase")) {
                m.insert("phase".into(), json!(phase));
            }
        }
        ("rbac.authorization.k8s.io", "ClusterRole")
            if o.raw.get("aggregationRule").is_some_and(|r| !r.is_null()) =>
        {
            m.insert("aggregated".into(), json!(true));
        }
        ("apps", "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet")
        | ("batch", "Job")
        | ("", "ReplicationController")
            if host_network(o.at("spec.template.spec")) =>
        {
            m.insert("host_network".into(), json!(true));
        }
        ("batch", "CronJob") if host_network(o.at("spec.jobTemplate.spec.template.spec")) => {
            m.insert("host_network".into(), json!(true));
        }
        _ => {}
    }
    m
}

/// One edge as the JSON contract shapes it: `from`, `to`, `kind`, then its attributes.
pub fn edge_json(graph: &Graph, e: &Edge) -> Value {
    let mut m = Map::new();
    m.insert("from".into(), json!(graph.node_id_string(e.from)));
    m.insert("to".into(), json!(graph.node_id_string(e.to)));
    m.insert("kind".into(), json!(e.kind.as_str()));
    for (k, v) in &e.attrs {
        m.insert(k.to_string(), v.clone());
    }
    Value::Object(m)
}

/// Streams the document node by node so that a million-object graph never exists twice in
/// memory as JSON.
pub(crate) fn write(view: &View, out: &mut dyn Write) -> Result<(), ExportError> {
    let graph = view.graph;
    out.write_all(b"{\"nodes\":[")?;
    for (i, id) in view.nodes().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &node_json(graph, id)).map_err(std::io::Error::from)?;
    }
    out.write_all(b"\n],\"edges\":[")?;
    for (i, (_, e)) in view.edges().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut *out, &edge_json(graph, e)).map_err(std::io::Error::from)?;
    }
    out.write_all(b"\n]}\n")?;
    Ok(())
}
