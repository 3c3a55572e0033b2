//! Rules 1–4 and 38 of `docs/relations.md`: containment, ownership, placement.

use kubegraph_files::LoadOptions;
use kubegraph_fixtures::{attrs, edges, fixture, graph, label};
use kubegraph_graph::{Graph, Origin};
use kubegraph_model::EdgeKind;
use serde_json::json;

fn origin(g: &Graph, group: &str, kind: &str, ns: Option<&str>, name: &str) -> Origin {
    let cluster = g.clusters().next().expect("one cluster").0;
    let id = g
        .lookup(cluster, group, kind, ns, name)
        .unwrap_or_else(|| panic!("no node {group}/{kind} {ns:?}/{name}"));
    g.node(id).origin
}

#[test]
fn cluster_contains_namespaces_and_cluster_scoped_objects_namespaces_contain_the_rest() {
    let g = graph(
        r#"
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: example.com/disk
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
---
# No namespace: a manifest's namespaced object lands in `default`, which is implied.
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
---
# A namespace on a cluster-scoped object is ignored.
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high, namespace: shop}
value: 1000
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Contains),
        [
            "Cluster:test -> Namespace:default",
            "Cluster:test -> Namespace:shop",
            "Cluster:test -> Node:n1",
            "Cluster:test -> scheduling.k8s.io/PriorityClass:high",
            "Cluster:test -> storage.k8s.io/StorageClass:fast",
            "Namespace:default -> ConfigMap:default/cfg",
            "Namespace:shop -> ConfigMap:shop/cfg",
        ]
    );
    assert_eq!(
        origin(&g, "", "Namespace", None, "default"),
        Origin::Implied
    );
    assert_eq!(origin(&g, "", "Namespace", None, "shop"), Origin::Source);
}

#[test]
fn implied_namespaces_contain_placeholders_and_pods_contain_containers() {
    let g = graph(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ghost}
spec:
  containers: [{name: c, image: nginx}]
  volumes: [{name: s, secret: {secretName: gone}}]
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Contains),
        [
            "Cluster:test -> Image:docker.io/library/nginx:latest",
            "Cluster:test -> Namespace:ghost",
            "Namespace:ghost -> Pod:ghost/p",
            "Namespace:ghost -> Secret:ghost/gone (missing)",
            "Pod:ghost/p -> Container:ghost/p/c",
        ]
    );
    assert_eq!(origin(&g, "", "Namespace", None, "ghost"), Origin::Implied);
    assert_eq!(
        origin(&g, "", "Secret", Some("ghost"), "gone"),
        Origin::Placeholder
    );
}

#[test]
fn references_never_cross_clusters() {
    let load = |yaml: &str| {
        kubegraph_files::load_bytes("t.yaml", yaml.as_bytes(), &LoadOptions::default()).objects
    };
    let mut g = Graph::new();
    let a = g.add_cluster("a");
    let b = g.add_cluster("b");
    for o in load(
        r#"
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  nodeName: n1
  containers: [{name: c, image: nginx, envFrom: [{secretRef: {name: s}}]}]
"#,
    ) {
        g.insert_object(a, o);
    }
    for o in load(
        r#"
apiVersion: v1
kind: Secret
metadata: {name: s, namespace: shop}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
"#,
    ) {
        g.insert_object(b, o);
    }
    kubegraph_relations::build(&mut g);
    assert_eq!(
        edges(&g, EdgeKind::Uses),
        ["Pod:shop/p -> Secret:shop/s (missing)"]
    );
    assert_eq!(
        edges(&g, EdgeKind::RunsOn),
        ["Pod:shop/p -> Node:n1 (missing)"]
    );
    let missing_in = |c| {
        g.nodes()
            .filter(|(_, n)| n.missing() && n.cluster == c)
            .count()
    };
    assert_eq!((missing_in(a), missing_in(b)), (2, 0));
}

#[test]
fn owner_uid_wins_over_name_and_flags_become_attributes() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-1, namespace: shop, uid: rs-uid}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-old, namespace: shop, uid: rs-old}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1-abc
  namespace: shop
  uid: pod-uid
  ownerReferences:
  # The name points at web-old; the uid, which is what the garbage collector follows, at web-1.
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-old, uid: rs-uid, controller: true, blockOwnerDeletion: true}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        ["apps/ReplicaSet:shop/web-1 -> Pod:shop/web-1-abc"]
    );
    assert_eq!(
        serde_json::Value::Object(attrs(
            &g,
            EdgeKind::Owns,
            "apps/ReplicaSet:shop/web-1",
            "Pod:shop/web-1-abc"
        )),
        json!({"controller": true, "block_owner_deletion": true})
    );
}

#[test]
fn owner_without_uid_resolves_by_group_kind_and_name_in_the_dependents_namespace() {
    let g = graph(
        r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: other}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-1
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]
---
# Same kind name, another group: must not resolve to apps/ReplicaSet shop/web-1.
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: shop
  ownerReferences: [{apiVersion: example.com/v1, kind: ReplicaSet, name: web-1}]
---
# A legacy group is the same kind: extensions/v1beta1 Deployment is apps/Deployment.
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: shop
  ownerReferences: [{apiVersion: extensions/v1beta1, kind: Deployment, name: web}]
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        [
            "apps/Deployment:shop/web -> ConfigMap:shop/c",
            "apps/Deployment:shop/web -> apps/ReplicaSet:shop/web-1",
            "example.com/ReplicaSet:shop/web-1 (missing) -> Pod:shop/p",
        ]
    );
    assert_eq!(
        serde_json::Value::Object(attrs(
            &g,
            EdgeKind::Owns,
            "apps/Deployment:shop/web",
            "apps/ReplicaSet:shop/web-1"
        )),
        json!({"controller": false, "block_owner_deletion": false})
    );
}

#[test]
fn cluster_scoped_and_custom_resource_owners() {
    let g = graph(
        r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: tenants.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Tenant, plural: tenants}
  versions: [{name: v1, served: true, storage: true}]
---
apiVersion: example.com/v1
kind: Tenant
metadata: {name: acme}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w, namespace: shop}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
---
# A mirror pod is owned by its node (cluster-scoped, known kind).
apiVersion: v1
kind: Pod
metadata:
  name: etcd-n1
  namespace: kube-system
  ownerReferences: [{apiVersion: v1, kind: Node, name: n1, controller: true}]
---
# A namespaced object owned by a cluster-scoped custom resource.
apiVersion: v1
kind: ConfigMap
metadata:
  name: quota
  namespace: shop
  ownerReferences: [{apiVersion: example.com/v1, kind: Tenant, name: acme}]
---
# A namespaced custom resource owner, and one that is absent.
apiVersion: v1
kind: Secret
metadata:
  name: w-creds
  namespace: shop
  ownerReferences:
  - {apiVersion: example.com/v1, kind: Widget, name: w}
  - {apiVersion: example.com/v1, kind: Widget, name: gone}
---
# A cluster-scoped dependent of a cluster-scoped custom resource.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: acme-admin
  ownerReferences: [{apiVersion: example.com/v1, kind: Tenant, name: acme}]
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        [
            "Node:n1 -> Pod:kube-system/etcd-n1",
            "example.com/Tenant:acme -> ConfigMap:shop/quota",
            "example.com/Tenant:acme -> rbac.authorization.k8s.io/ClusterRole:acme-admin",
            "example.com/Widget:shop/gone (missing) -> Secret:shop/w-creds",
            "example.com/Widget:shop/w -> Secret:shop/w-creds",
        ]
    );
}

#[test]
fn owner_uid_of_another_object_is_not_followed_by_name_or_across_namespaces() {
    let g = graph(
        r#"
# The ReplicaSet the pod names was deleted; a new one took its name (another uid).
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-1, namespace: shop, uid: new-uid}
---
apiVersion: v1
kind: Pod
metadata:
  name: orphan
  namespace: shop
  uid: p1
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: old-uid}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: api-1, namespace: other, uid: other-uid}
---
# An owner in another namespace is invalid: the uid does not reach it.
apiVersion: v1
kind: Pod
metadata:
  name: stray
  namespace: shop
  uid: p2
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-1, uid: other-uid}]
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        ["apps/ReplicaSet:shop/api-1 (missing) -> Pod:shop/stray"]
    );
}

#[test]
fn runs_on_for_pods_only() {
    let g = graph(
        r#"
apiVersion: v1
kind: Node
metadata: {name: n1}
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: shop}
spec: {nodeName: n1, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: shop}
spec: {nodeName: n2, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pending, namespace: shop}
spec: {containers: [{name: c, image: nginx}]}
---
# A template's nodeName pins pods to come; the Deployment itself runs nowhere.
apiVersion: apps/v1
kind: Deployment
metadata: {name: pinned, namespace: shop}
spec:
  selector: {matchLabels: {app: pinned}}
  template:
    metadata: {labels: {app: pinned}}
    spec: {nodeName: n3, containers: [{name: c, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::RunsOn),
        ["Pod:shop/a -> Node:n1", "Pod:shop/b -> Node:n2 (missing)"]
    );
    let nodes: Vec<_> = g
        .nodes()
        .filter(|(_, n)| n.object.kind == "Node")
        .map(|(id, _)| label(&g, id))
        .collect();
    assert_eq!(nodes, ["Node:n1", "Node:n2 (missing)"]);
}

#[test]
fn cronjob_owns_job_owns_pod_and_the_cronjob_selects_nothing() {
    let g = graph(
        r#"
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: nightly, namespace: ops, uid: cj-uid}
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: nightly}}
        spec: {restartPolicy: Never, containers: [{name: run, image: busybox}]}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: nightly-1
  namespace: ops
  uid: job-uid
  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: cj-uid, controller: true}]
spec:
  selector: {matchLabels: {controller-uid: job-uid}}
  template:
    metadata: {labels: {app: nightly, controller-uid: job-uid}}
    spec: {restartPolicy: Never, containers: [{name: run, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: nightly-1-abc
  namespace: ops
  uid: pod-uid
  labels: {app: nightly, controller-uid: job-uid}
  ownerReferences: [{apiVersion: batch/v1, kind: Job, name: nightly-1, uid: job-uid, controller: true}]
spec: {serviceAccountName: runner, restartPolicy: Never, containers: [{name: run, image: busybox}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        [
            "batch/CronJob:ops/nightly -> batch/Job:ops/nightly-1",
            "batch/Job:ops/nightly-1 -> Pod:ops/nightly-1-abc",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        ["batch/Job:ops/nightly-1 -> Pod:ops/nightly-1-abc"]
    );
}

#[test]
fn fixture_k9s_render_owners_resolve_by_uid() {
    // Deployment icx-db (uid 6f6143bc...) owns ReplicaSet icx-db-7d4b578979, whose apiVersion the
    // capture wrote as networking.k8s.io/v1; the Job hello-1567179180 is owned by CronJob hello
    // (uid 7f0b856c..., batch/v1beta1); pod nginx-7fb78fb6d8-2w75j names a ReplicaSet absent here.
    let g = fixture(&[
        "k9s-live-objects/render/testdata/dp.json",
        "k9s-live-objects/render/testdata/rs.json",
        "k9s-live-objects/render/testdata/cj.json",
        "k9s-live-objects/render/testdata/job.json",
        "k9s-live-objects/render/testdata/p1.json",
    ]);
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        [
            "apps/Deployment:icx/icx-db -> networking.k8s.io/ReplicaSet:icx/icx-db-7d4b578979",
            "apps/ReplicaSet:default/nginx-7fb78fb6d8 (missing) -> Pod:default/nginx-7fb78fb6d8-2w75j",
            "batch/CronJob:default/hello -> batch/Job:default/hello-1567179180",
        ]
    );
    assert_eq!(
        serde_json::Value::Object(attrs(
            &g,
            EdgeKind::Owns,
            "batch/CronJob:default/hello",
            "batch/Job:default/hello-1567179180"
        )),
        json!({"controller": true, "block_owner_deletion": true})
    );
}

#[test]
fn fixture_k9s_xray_owners_that_are_absent_become_placeholders() {
    // rs.json: ReplicaSet nginx-pv-6476d7d5c8 is owned by Deployment nginx-pv (uid 68aa70ff...),
    // which is not captured; dp.json is Deployment nginx (uid a2baf77e...), not its owner.
    // cilium.json: the pod's ReplicaSet cilium-operator-55658fb5c4 is not captured either.
    let g = fixture(&["k9s-live-objects/xray/testdata"]);
    assert_eq!(
        edges(&g, EdgeKind::Owns),
        [
            "apps/Deployment:default/nginx-pv (missing) -> apps/ReplicaSet:default/nginx-pv-6476d7d5c8",
            "apps/ReplicaSet:kube-system/cilium-operator-55658fb5c4 (missing) -> Pod:kube-system/cilium-operator-55658fb5c4-rxtnl",
        ]
    );
    assert_eq!(
        edges(&g, EdgeKind::RunsOn),
        [
            "Pod:default/hurry-up-and-wait -> Node:minikube (missing)",
            "Pod:default/nginx -> Node:minikube (missing)",
            "Pod:kube-system/cilium-operator-55658fb5c4-rxtnl -> Node:minikube (missing)",
        ]
    );
}
