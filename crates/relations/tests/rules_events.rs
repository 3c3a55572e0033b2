//! Rule 37 of `docs/relations.md`: what an event is about.

use kubegraph_fixtures::{attrs, edges, fixture_with, graph, label};
use kubegraph_graph::Graph;
use kubegraph_model::EdgeKind;
use serde_json::json;

fn missing(g: &Graph) -> Vec<String> {
    g.nodes()
        .filter(|(_, n)| n.missing())
        .map(|(id, _)| label(g, id))
        .collect()
}

#[test]
fn core_event_is_about_its_involved_object_by_uid_first() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop, uid: pod-uid}
spec: {containers: [{name: c, image: nginx}], serviceAccountName: web}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web, namespace: shop}
---
apiVersion: v1
kind: Event
metadata: {name: web-1.1, namespace: shop}
# The name is stale (the dump renamed the pod); the uid still identifies it.
involvedObject: {apiVersion: v1, kind: Pod, namespace: shop, name: web-old, uid: pod-uid}
reason: Pulled
---
apiVersion: v1
kind: Event
metadata: {name: web-1.2, namespace: shop}
involvedObject: {apiVersion: v1, kind: Pod, namespace: shop, name: web-1}
reason: Started
---
apiVersion: v1
kind: Event
metadata: {name: web-1.3, namespace: shop}
# No namespace in the reference: the event's own.
involvedObject: {apiVersion: v1, kind: Pod, name: web-1}
reason: Killing
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::About),
        [
            "Event:shop/web-1.1 -> Pod:shop/web-1",
            "Event:shop/web-1.2 -> Pod:shop/web-1",
            "Event:shop/web-1.3 -> Pod:shop/web-1",
        ]
    );
    let a = attrs(&g, EdgeKind::About, "Event:shop/web-1.1", "Pod:shop/web-1");
    assert_eq!(a["field"], json!("involvedObject"));
}

#[test]
fn core_event_honours_group_namespace_and_scope() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: example.com/v1
kind: Deployment
metadata: {name: web, namespace: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: other}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Node
metadata: {name: node-a}
---
apiVersion: v1
kind: Event
metadata: {name: web.scaled, namespace: shop}
involvedObject: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: web}
---
apiVersion: v1
kind: Event
metadata: {name: web.synced, namespace: shop}
involvedObject: {apiVersion: example.com/v1, kind: Deployment, namespace: shop, name: web}
---
apiVersion: v1
kind: Event
metadata: {name: web.legacy, namespace: shop}
involvedObject: {apiVersion: extensions/v1beta1, kind: Deployment, namespace: shop, name: web}
---
apiVersion: v1
kind: Event
metadata: {name: api.scaled, namespace: shop}
# `api` exists in `other` only.
involvedObject: {apiVersion: apps/v1, kind: Deployment, namespace: shop, name: api}
---
apiVersion: v1
kind: Event
metadata: {name: node-a.rebooted, namespace: default}
# Node events live in `default` but are about the cluster-scoped node.
involvedObject: {kind: Node, name: node-a, uid: node-a}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::About),
        [
            "Event:default/node-a.rebooted -> Node:node-a",
            "Event:shop/web.legacy -> apps/Deployment:shop/web",
            "Event:shop/web.scaled -> apps/Deployment:shop/web",
            "Event:shop/web.synced -> example.com/Deployment:shop/web",
        ]
    );
    assert_eq!(missing(&g), Vec::<String>::new());
}

#[test]
fn core_event_about_a_cluster_scoped_custom_resource() {
    // The event sits in `default`, the ClusterIssuer in no namespace (its CRD says Cluster).
    let g = graph(
        r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: clusterissuers.cert-manager.io}
spec:
  group: cert-manager.io
  names: {kind: ClusterIssuer, plural: clusterissuers}
  scope: Cluster
  versions: [{name: v1, served: true, storage: true}]
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: {name: letsencrypt}
spec: {acme: {}}
---
apiVersion: v1
kind: Event
metadata: {name: letsencrypt.ready, namespace: default}
involvedObject: {apiVersion: cert-manager.io/v1, kind: ClusterIssuer, name: letsencrypt}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::About),
        ["Event:default/letsencrypt.ready -> cert-manager.io/ClusterIssuer:letsencrypt"]
    );
}

#[test]
fn event_about_a_recreated_object_is_not_about_its_successor() {
    // Same name, another uid: the event is about the deleted pod, which is not in the graph.
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: db-0, namespace: shop, uid: new-uid}
spec: {containers: [{name: c, image: postgres}], serviceAccountName: db}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: db, namespace: shop}
---
apiVersion: v1
kind: Event
metadata: {name: db-0.killing, namespace: shop}
involvedObject: {apiVersion: v1, kind: Pod, namespace: shop, name: db-0, uid: old-uid}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::About), Vec::<String>::new());
    assert_eq!(missing(&g), Vec::<String>::new());
}

#[test]
fn events_about_absent_objects_make_no_placeholders() {
    let g = graph(
        r#"
apiVersion: v1
kind: Event
metadata: {name: gone.1, namespace: shop}
involvedObject: {apiVersion: v1, kind: Pod, namespace: shop, name: gone, uid: gone-uid}
---
apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: gone.2, namespace: shop}
eventTime: "2024-01-01T00:00:00.000000Z"
reportingController: kubelet
reportingInstance: node-a
action: Pulling
reason: Pulling
regarding: {apiVersion: v1, kind: Pod, namespace: shop, name: gone}
related: {apiVersion: v1, kind: Node, name: node-a}
"#,
    );
    assert_eq!(edges(&g, EdgeKind::About), Vec::<String>::new());
    assert_eq!(missing(&g), Vec::<String>::new());
}

#[test]
fn events_v1_are_about_regarding_and_related() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: shop}
spec: {nodeName: node-a, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Node
metadata: {name: node-a}
---
apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: web-1.scheduled, namespace: shop}
eventTime: "2024-01-01T00:00:00.000000Z"
reportingController: default-scheduler
reportingInstance: scheduler-1
action: Binding
reason: Scheduled
regarding: {apiVersion: v1, kind: Pod, namespace: shop, name: web-1}
related: {apiVersion: v1, kind: Node, name: node-a}
---
apiVersion: events.k8s.io/v1
kind: Event
metadata: {name: web-1.preempted, namespace: shop}
eventTime: "2024-01-01T00:00:00.000000Z"
reportingController: default-scheduler
reportingInstance: scheduler-1
action: Preempting
reason: Preempted
regarding: {apiVersion: v1, kind: Pod, namespace: shop, name: web-1}
related: {apiVersion: v1, kind: Pod, namespace: shop, name: preemptor}
---
apiVersion: v1
kind: Event
metadata: {name: web-1.core-view, namespace: shop}
# The same kind of event read through core/v1: `related` is there too.
involvedObject: {apiVersion: v1, kind: Pod, namespace: shop, name: web-1}
related: {apiVersion: v1, kind: Node, name: node-a}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::About),
        [
            "Event:shop/web-1.core-view -> Node:node-a",
            "Event:shop/web-1.core-view -> Pod:shop/web-1",
            "events.k8s.io/Event:shop/web-1.preempted -> Pod:shop/web-1",
            "events.k8s.io/Event:shop/web-1.scheduled -> Node:node-a",
            "events.k8s.io/Event:shop/web-1.scheduled -> Pod:shop/web-1",
        ]
    );
    let field = |from: &str, to: &str| attrs(&g, EdgeKind::About, from, to)["field"].clone();
    assert_eq!(
        field("events.k8s.io/Event:shop/web-1.scheduled", "Node:node-a"),
        json!("related")
    );
    assert_eq!(
        field("events.k8s.io/Event:shop/web-1.scheduled", "Pod:shop/web-1"),
        json!("regarding")
    );
    assert_eq!(
        field("Event:shop/web-1.core-view", "Node:node-a"),
        json!("related")
    );
    assert_eq!(missing(&g), Vec::<String>::new());
}

#[test]
fn fixture_k9s_event_about_an_uncaptured_pod() {
    let g = fixture_with(&["k9s-live-objects/render/testdata/ev.json"], "");
    assert_eq!(
        g.nodes()
            .filter(|(_, n)| n.object.is("", "Event"))
            .map(|(id, _)| label(&g, id))
            .collect::<Vec<_>>(),
        ["Event:default/hello-1567197780-mn4mv.15bfce150bd764dd"]
    );
    assert_eq!(edges(&g, EdgeKind::About), Vec::<String>::new());
    assert_eq!(missing(&g), Vec::<String>::new());
}

#[test]
fn fixture_k9s_event_finds_its_pod_by_uid_not_by_a_namesake() {
    // The event's involvedObject: Pod default/hello-1567197780-mn4mv, uid c31fdeb8-....
    let pod = |name: &str, uid: &str| {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: {name}, namespace: default, uid: {uid}}}\n\
             spec: {{serviceAccountName: sa, containers: [{{name: c1, image: blang/busybox-bash}}]}}\n\
             ---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: sa, namespace: default}}\n"
        )
    };
    let ev = "k9s-live-objects/render/testdata/ev.json";
    let same = fixture_with(
        &[ev],
        &pod(
            "hello-1567197780-mn4mv",
            "c31fdeb8-cb66-11e9-990f-42010a800218",
        ),
    );
    assert_eq!(
        edges(&same, EdgeKind::About),
        ["Event:default/hello-1567197780-mn4mv.15bfce150bd764dd -> Pod:default/hello-1567197780-mn4mv"]
    );
    let namesake = fixture_with(&[ev], &pod("hello-1567197780-mn4mv", "another-uid"));
    assert_eq!(edges(&namesake, EdgeKind::About), Vec::<String>::new());
    assert_eq!(missing(&namesake), Vec::<String>::new());
}
