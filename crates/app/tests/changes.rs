//! What changed between two snapshots: exactly the nodes, edges and health that differ.

use kubegraph_app::changes::{diff, Change};
use kubegraph_app::Landscape;
use kubegraph_health::time::Now;

const POD: &str = r#"
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, labels: {app: LABEL}, resourceVersion: "VERSION"}
spec: {containers: [{name: c, image: nginx}]}
status:
  phase: Running
  conditions: [{type: Ready, status: "True"}]
  containerStatuses: [{name: c, ready: true, restartCount: 0, state: {running: {}}}]
"#;

const SERVICE: &str = r#"
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, resourceVersion: "1"}
spec: {selector: {app: web}, ports: [{port: 80}]}
"#;

fn config_map(name: &str) -> String {
    format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}, namespace: shop, resourceVersion: \"1\"}}\n")
}

fn landscape(docs: &[String]) -> Landscape {
    let text = docs.join("\n---\n");
    let loaded = kubegraph_files::load_bytes("t.yaml", text.as_bytes(), &Default::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let objects = loaded.objects.len();
    let (graph, _) = kubegraph_relations::graph_from_objects("c", loaded.objects);
    Landscape::from_graph(graph, objects, Now::NewestInInput)
}

fn pod(label: &str, version: &str) -> String {
    POD.replace("LABEL", label).replace("VERSION", version)
}

#[test]
fn a_relabelled_pod_a_removed_and_an_added_object() {
    let before = landscape(&[SERVICE.into(), pod("web", "1"), config_map("old")]);
    let after = landscape(&[SERVICE.into(), pod("other", "2"), config_map("new")]);
    let changes = diff(before.snapshot(), after.snapshot());
    let summary: Vec<String> = changes
        .iter()
        .map(|c| match c {
            Change::NodeAdded(n) => format!("+ {} {}", n.id, n.state),
            Change::NodeChanged(n) => format!("~ {} {}", n.id, n.state),
            Change::NodeRemoved(n) => format!("- {}", n.id),
            Change::HealthChanged(n) => format!("! {} {}: {}", n.id, n.state, n.reason),
            Change::EdgeAdded(e) => format!("+ {} -{}-> {}", e.from, e.kind, e.to),
            Change::EdgeRemoved(e) => format!("- {} -{}-> {}", e.from, e.kind, e.to),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "- c/core/Namespace/_/shop -contains-> c/core/ConfigMap/shop/old",
            "- c/core/Service/shop/web -selects-> c/core/Pod/shop/web-1",
            "- c/core/ConfigMap/shop/old",
            "+ c/core/ConfigMap/shop/new unknown",
            "~ c/core/Pod/shop/web-1 ok",
            "! c/core/Service/shop/web warning: selector matches no pod",
            "+ c/core/Namespace/_/shop -contains-> c/core/ConfigMap/shop/new",
        ]
    );
    assert!(diff(after.snapshot(), after.snapshot()).is_empty());
    let json = serde_json::to_value(&changes[3]).unwrap();
    assert_eq!(json["type"], "node_added");
    assert_eq!(json["name"], "new");
}
