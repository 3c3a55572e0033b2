//! One-line golden tests for the evaluator over real fixtures and the built-in demo.
//!
//! Each row is (source, query, expected). Node results are compared as their labels
//! (`Kind:namespace/name`, `Kind:name` for cluster-scoped nodes) in result order, which is the
//! stable order (kind, namespace, name) unless the query sorts; text results (`count`, `list`)
//! are compared verbatim. Every expected answer was checked another way, said in its comment
//! ("py:" means a Python/PyYAML script over the fixture's YAML, "read:" means read by eye).
//! The queries under "docs" are the examples of docs/query.md, verbatim.

mod common;
use common::*;
use std::collections::HashMap;

use kubegraph_formats::parse_query;
use kubegraph_query::{execute, parse, Ctx, GraphFacts, Output, QueryIndex};

const KPROM: &str = "kube-prometheus";

fn run(graphs: &mut HashMap<String, Loaded>, source: &str, query: &str) -> String {
    let (g, idx, facts) = graphs
        .entry(source.to_string())
        .or_insert_with(|| load_all(source));
    let ast = match parse_query(query) {
        Ok(a) => a,
        Err(e) => return format!("parse error: {}", e.render(query)),
    };
    match print_query(g, idx, facts, &ast, None) {
        Ok(Printed::Nodes(ns)) => ns
            .iter()
            .map(|&id| label(g, id))
            .collect::<Vec<_>>()
            .join(" "),
        Ok(Printed::Text(t)) => t,
        Err(e) => format!("error: {e}"),
    }
}

fn check(name: &str, rows: &[(&str, &str, &str)]) {
    let mut graphs = HashMap::new();
    check_rows(name, rows, |source, query| run(&mut graphs, source, query));
}

/// The examples docs/query.md shows, verbatim.
const DOCS: &[(&str, &str, &str)] = &[
    // py: the fixture has no Pod; both Deployments read mysql-pass through secretKeyRef in their templates.
    (WP, "is(secret) and name = \"mysql-pass\" <-uses[1:]- is(pod)", ""),
    (WP, "is(secret) and name = \"mysql-pass\" <-uses[1:]- is(deployment)", "Deployment:default/wordpress Deployment:default/wordpress-mysql"),
    // py: PDBs select app=storefront (shop) and app=payments-api (payments); the other 5 deployments have none.
    (DEMO, "is(deployment) and not with(any, <-selects- is(pdb))", "Deployment:monitoring/grafana Deployment:monitoring/prometheus Deployment:shop/cart Deployment:shop/recommendations Deployment:shop/redis"),
    // py: pods without metadata.ownerReferences, deduplicated by name: nginx, sleep, hurry-up-and-wait.
    (K9S, "is(pod) and with(empty, <-owns-)", "Pod:default/hurry-up-and-wait Pod:default/nginx Pod:default/sleep"),
    // py: Counter of spec.nodeName over the demo's 16 pods; one (grafana, Unschedulable) has none.
    (DEMO, "is(pod) | count ancestors.node.name", "ip-10-0-2-118.eu-west-1.compute.internal: 6\nip-10-0-3-54.eu-west-1.compute.internal: 5\nip-10-0-1-37.eu-west-1.compute.internal: 4\ntotal matched: 15\ntotal unmatched: 1\n"),
    // py: spec.nodeName of the 5 distinct pods of k9s-live-objects.
    (K9S, "is(pod) | count ancestors.node.name", "minikube: 3\ngke-k9s-default-pool-0fa2fb89-lbtf: 1\nkind-control-plane: 1\ntotal matched: 5\ntotal unmatched: 0\n"),
    // py: the 6 pods of namespace shop in demo.yaml.
    (DEMO, "is(pod) and namespace = shop", "Pod:shop/cart-7f8b6c5d9-h2vtn Pod:shop/cart-7f8b6c5d9-q9dxw Pod:shop/recommendations-8d7f6b5c4-n5zrb Pod:shop/redis-5c4d8f9b7-tw6fj Pod:shop/storefront-6d9c7b8f4d-m4q9z Pod:shop/storefront-6d9c7b8f4d-x7k2p"),
    // read: stats lists exactly these two placeholders.
    (DEMO, "missing", "Secret:payments/payments-api-token StorageClass:io2-fast"),
    // py: Counter of kinds in namespace payments restricted to the workload category.
    (DEMO, "is(workload) and namespace = payments | count kind", "Pod: 5\nReplicaSet: 2\nDeployment: 1\nStatefulSet: 1\ntotal matched: 9\ntotal unmatched: 0\n"),
    // py: pods with a container memory limit above 256Mi (parsed as Kubernetes quantities).
    (DEMO, "is(pod) and spec.containers[*].resources.limits.memory > 256Mi | count", "11\n"),
    // py: now = newest creationTimestamp (2026-03-14T09:36:02Z); 14 pods are older than a day.
    (DEMO, "is(pod) and age > 1d | count", "14\n"),
    // read: the three nodes' status.nodeInfo.kubeletVersion, names sorted descending.
    (DEMO, "is(node) | sort name desc | list name, status.nodeInfo.kubeletVersion as kubelet", "name                                      kubelet\nip-10-0-3-54.eu-west-1.compute.internal   v1.33.4-eks-113cf36\nip-10-0-2-118.eu-west-1.compute.internal  v1.33.4-eks-113cf36\nip-10-0-1-37.eu-west-1.compute.internal   v1.33.4-eks-113cf36\n"),
    // read: the three broken pods of demo.yaml, their waiting / PodScheduled messages verbatim.
    (DEMO, "is(pod) and health = error | list name, namespace, health.reason", "name                             namespace   health.reason\ngrafana-59d8c7b6f4-7wq2s         monitoring  Unschedulable: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.\npayments-api-7c9d5f6b48-q8wzx    payments    container payments-api waiting: CreateContainerConfigError: secret \"payments-api-token\" not found\nrecommendations-8d7f6b5c4-n5zrb  shop        container recommendations waiting: CrashLoopBackOff: back-off 5m0s restarting failed container=recommendations pod=recommendations-8d7f6b5c4-n5zrb_shop(d22089f3-2dbe-54d2-aa3f-248f66750428)\n"),
    // py: the reviews service selects app=reviews, the three reviews deployments' template labels.
    (BOOKINFO, "is(service) and name = reviews -selects-> is(deployment)", "Deployment:default/reviews-v1 Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
];

/// The examples at the top of the spec (docs/query.md), on the demo where the
/// spec's names (`node-a`, `data-db-0`, `resoto`) are placeholders for real ones.
const SPEC_SHAPE: &[(&str, &str, &str)] = &[
    // py: pods of namespace shop whose metadata.labels.app starts with "cart".
    (DEMO, "is(pod) and namespace = \"shop\" and labels.app ~ \"^cart\"", "Pod:shop/cart-7f8b6c5d9-h2vtn Pod:shop/cart-7f8b6c5d9-q9dxw"),
    // py: Counter of metadata.namespace over pods with spec.nodeName = ip-10-0-2-118...
    (DEMO, "is(node) and name = \"ip-10-0-2-118.eu-west-1.compute.internal\" <-runs_on- is(pod) | count namespace", "monitoring: 2\npayments: 2\nshop: 2\ntotal matched: 6\ntotal unmatched: 0\n"),
    // read: the edges into the claim in `export -o json`: mounts from grafana's Deployment,
    // ReplicaSet and Pod, about from its ProvisioningFailed Event, contains from the namespace,
    // provisions from the (missing) class.
    (DEMO, "is(pvc) and name = \"grafana-data\" <-[1]-", "Deployment:monitoring/grafana Event:monitoring/grafana-data.fe545836850809ab Namespace:monitoring Pod:monitoring/grafana-59d8c7b6f4-7wq2s ReplicaSet:monitoring/grafana-59d8c7b6f4 StorageClass:io2-fast"),
    // read: one hop further: the Service selecting grafana's pods, the Ingress routing to it,
    // the Event about the pod, and the cluster containing the namespace.
    (DEMO, "is(pvc) and name = \"grafana-data\" <-[1:]- | count kind", "Event: 2\nCluster: 1\nDeployment: 1\nIngress: 1\nNamespace: 1\nPod: 1\nReplicaSet: 1\nService: 1\nStorageClass: 1\ntotal matched: 10\ntotal unmatched: 0\n"),
    // read: every node hangs off the cluster node, so the component is the whole graph
    // (stats: 159 nodes).
    (DEMO, "is(service) and namespace = \"shop\" <-[0:]-> | count", "159\n"),
];

/// Filters: kinds, comparisons, values, paths, modifiers, has, missing, free text, booleans.
const FILTERS: &[(&str, &str, &str)] = &[
    // py: kinds of the kube-prometheus manifests: 13 ServiceMonitor, 1 Prometheus, 8 PrometheusRule.
    (KPROM, "is(ServiceMonitor) | count", "13\n"),
    (KPROM, "is(monitoring.coreos.com/Prometheus)", "Prometheus:monitoring/k8s"),
    // read: the CRD's `spec.names.singular` is `prometheus`, its plural `prometheuses`.
    (KPROM, "is(monitoring.coreos.com/prometheus)", "Prometheus:monitoring/k8s"),
    (KPROM, "is(monitoring.coreos.com/Prometheuses)", "Prometheus:monitoring/k8s"),
    (KPROM, "is(servicemonitors) | count", "13\n"),
    (KPROM, "is(monitoring.coreos.com/smon) | count", "13\n"),
    (KPROM, "is(prom)", "Prometheus:monitoring/k8s"),
    (KPROM, "is(prometheusrule) | count namespace", "monitoring: 8\ntotal matched: 8\ntotal unmatched: 0\n"),
    // read: bookinfo.yaml's services labelled app=reviews.
    (BOOKINFO, "is(service) and labels.app ~ \"^rev\"", "Service:default/reviews"),
    // py: deployments labelled version v2, v3 (the other four are v1).
    (BOOKINFO, "is(deployment) and labels.version != v1", "Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
    (BOOKINFO, "is(deployment) and labels.version not in [v1, v2]", "Deployment:default/reviews-v3"),
    (BOOKINFO, "is(deployment) and labels.version in [v2, v3] and name !~ v2", "Deployment:default/reviews-v3"),
    // py: every bookinfo deployment's first container exposes 9080.
    (BOOKINFO, "is(deployment) and spec.template.spec.containers[0].ports[*].containerPort = 9080 | count", "6\n"),
    (BOOKINFO, "is(deployment) and spec.template.spec.containers[*].ports[*].containerPort all = 9080 | count", "6\n"),
    (BOOKINFO, "is(deployment) and spec.template.spec.containers[*].ports[*].containerPort none = 9080 | count", "0\n"),
    (BOOKINFO, "is(deployment) and spec.template.spec.containers[*].image all ~ \"^docker.io/\" | count", "0\n"),
    (BOOKINFO, "is(deployment) and spec.template.spec.containers[*].image all ~ \"examples-bookinfo\" | count", "6\n"),
    // py: replicas: every bookinfo deployment has spec.replicas 1.
    (BOOKINFO, "is(deployment) and spec.replicas >= 1 and spec.replicas <= 1 and spec.replicas < 2 and spec.replicas > 0 | count", "6\n"),
    (BOOKINFO, "is(deployment) and spec.replicas = \"1\" and spec.replicas != 2 | count", "6\n"),
    // py: demo pods whose status.phase is not Running: grafana (Pending) and payments-api's new pod.
    (DEMO, "is(pod) and status.phase != Running", "Pod:monitoring/grafana-59d8c7b6f4-7wq2s Pod:payments/payments-api-7c9d5f6b48-q8wzx"),
    (DEMO, "is(pod) and namespace in [payments, monitoring] | count namespace", "monitoring: 5\npayments: 5\ntotal matched: 10\ntotal unmatched: 0\n"),
    (DEMO, "is(deployment) and spec.replicas >= 2", "Deployment:payments/payments-api Deployment:shop/cart Deployment:shop/storefront"),
    (DEMO, "is(pod) and spec.containers[*].resources.limits.memory <= 256Mi and has(spec.containers[*].resources.limits.memory) | count", "5\n"),
    (DEMO, "is(pod) and age < 1d | count", "2\n"),
    (DEMO, "is(pod) and metadata.creationTimestamp > 2026-03-14 | count", "2\n"),
    // placeholders see only the fields they were looked up by (kind, apiVersion, name, namespace).
    (DEMO, "missing and has(labels)", ""),
    (DEMO, "missing and has(spec)", ""),
    (DEMO, "missing and name = \"io2-fast\"", "StorageClass:io2-fast"),
    (DEMO, "missing and namespace = payments", "Secret:payments/payments-api-token"),
    (DEMO, "missing and metadata.name ~ token", "Secret:payments/payments-api-token"),
    (DEMO, "is(secret) and missing = true", "Secret:payments/payments-api-token"),
    (DEMO, "missing and uid = null and cluster = demo | count", "2\n"),
    // read: demo node names; kind/cluster paths.
    (DEMO, "is(node) and kind = Node and not name ~ \"-1-\" | count", "2\n"),
    (DEMO, "is(node) and (name ~ \"-1-\" or name ~ \"-3-\")", "Node:ip-10-0-1-37.eu-west-1.compute.internal Node:ip-10-0-3-54.eu-west-1.compute.internal"),
    // read: free text is case-insensitive and matches names: the deployment and its image node.
    (BOOKINFO, "\"REVIEWS-V3\"", "Deployment:default/reviews-v3 Image:registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3"),
    // read: controller category = Deployment, ReplicaSet, StatefulSet, ... ; bookinfo has 6 deployments only.
    (BOOKINFO, "is(controller) | count kind", "Deployment: 6\ntotal matched: 6\ntotal unmatched: 0\n"),
    (BOOKINFO, "is(kubernetes_resource) and is(config) | count", "0\n"),
    // read: bookinfo.yaml has no annotations; an absent path compares as null.
    (BOOKINFO, "is(service) and annotations.\"kubernetes.io/ingress.class\" = null | count", "4\n"),
    (BOOKINFO, "is(service) and has(annotations.\"kubernetes.io/ingress.class\")", ""),
    // read: demo.yaml's three broken things (see its header): payments-api's new pod waits in
    // CreateContainerConfigError, grafana's pod is Unschedulable (its claim is Pending),
    // recommendations crash-loops; every other pod is Running with Ready True.
    (DEMO, "is(pod) and health = error", "Pod:monitoring/grafana-59d8c7b6f4-7wq2s Pod:payments/payments-api-7c9d5f6b48-q8wzx Pod:shop/recommendations-8d7f6b5c4-n5zrb"),
    (DEMO, "is(pod) and health != ok | count", "3\n"),
    (DEMO, "is(pod) and health = ok | count", "13\n"),
    (DEMO, "is(pod, pvc) and health in [error, warning] | count kind", "Pod: 3\nPersistentVolumeClaim: 1\ntotal matched: 4\ntotal unmatched: 0\n"),
    // read: the claim grafana-data is Pending with a ProvisioningFailed event (io2-fast not found).
    (DEMO, "is(pvc) and health = error | list name, health.reason", "name          health.reason\ngrafana-data  Pending: ProvisioningFailed: storageclass.storage.k8s.io \"io2-fast\" not found\n"),
    (DEMO, "missing and health = error | list kind, name, health.reason", "kind          name                health.reason\nSecret        payments-api-token  Secret payments/payments-api-token does not exist (referenced by Deployment payments/payments-api, Pod payments/payments-api-7c9d5f6b48-q8wzx, ReplicaSet payments/payments-api-7c9d5f6b48)\nStorageClass  io2-fast            StorageClass io2-fast does not exist (referenced by PersistentVolumeClaim monitoring/grafana-data)\n"),
    (DEMO, "is(service) and health.reason ~ \"no pod\"", "Service:shop/catalog-legacy"),
    (DEMO, "is(deployment) | count health", "ok: 4\nerror: 3\ntotal matched: 7\ntotal unmatched: 0\n"),
    (BOOKINFO, "is(deployment) and health = unknown and health.reason = \"no status\" | count", "6\n"),
    (BOOKINFO, "is(pod) and health.phase = error", "error: health has only `reason` (`health`, `health.reason`)"),
    (BOOKINFO, "name ~ \"(\"", "error: invalid regex: regex parse error:\n    (\n    ^\nerror: unclosed group"),
];

/// Traversals: directions, edge kinds, depth ranges, sets, with(), ancestors/descendants.
const TRAVERSALS: &[(&str, &str, &str)] = &[
    // py: the six deployments each name one of four service accounts.
    (BOOKINFO, "is(serviceaccount) <-uses- is(deployment) | count", "6\n"),
    (BOOKINFO, "is(deployment) -uses-> is(serviceaccount)", "ServiceAccount:default/bookinfo-details ServiceAccount:default/bookinfo-productpage ServiceAccount:default/bookinfo-ratings ServiceAccount:default/bookinfo-reviews"),
    // sets: three reviews deployments reach one service account once.
    (BOOKINFO, "is(deployment) and name ~ reviews -uses-> | count", "1\n"),
    // [0:] includes the start set, [1:] does not.
    (BOOKINFO, "is(service) and name = reviews -[0:]-> is(deployment, service)", "Deployment:default/reviews-v1 Deployment:default/reviews-v2 Deployment:default/reviews-v3 Service:default/reviews"),
    (BOOKINFO, "is(service) and name = reviews -[1:]-> is(deployment, service)", "Deployment:default/reviews-v1 Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
    (BOOKINFO, "is(service) and name = reviews -[1:]->", "Deployment:default/reviews-v1 Deployment:default/reviews-v2 Deployment:default/reviews-v3 Image:registry.istio.io/release/examples-bookinfo-reviews-v1:1.20.3 Image:registry.istio.io/release/examples-bookinfo-reviews-v2:1.20.3 Image:registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3 ServiceAccount:default/bookinfo-reviews"),
    // exactly two hops: service → deployments → images and service account.
    (BOOKINFO, "is(service) and name = reviews -[2]-> | count kind", "Image: 3\nServiceAccount: 1\ntotal matched: 4\ntotal unmatched: 0\n"),
    (BOOKINFO, "is(service) and name = reviews -[1:1]-> | count", "3\n"),
    (BOOKINFO, "is(service) and name = reviews -[0]->", "Service:default/reviews"),
    // both directions: the reviews service account ← three deployments; the namespace contains it.
    (BOOKINFO, "is(serviceaccount) and name = bookinfo-reviews <--> | count kind", "Deployment: 3\nNamespace: 1\ntotal matched: 4\ntotal unmatched: 0\n"),
    (BOOKINFO, "is(serviceaccount) and name = bookinfo-reviews <-contains,uses- | count", "4\n"),
    // cycles: the whole component from one service is finite and holds the cluster once.
    (BOOKINFO, "is(service) and name = reviews <-[0:]-> is(kubegraph.dev/Cluster) | count", "1\n"),
    // with count: deployments with at least two outgoing uses/runs edges (service account + image).
    (BOOKINFO, "is(deployment) and with(count >= 2, -uses,runs->) | count", "6\n"),
    (BOOKINFO, "is(deployment) and with(count = 1, -uses-> is(serviceaccount)) | count", "6\n"),
    (BOOKINFO, "is(service) and with(empty, -selects->) | count", "0\n"),
    // descendants: the nearest image below a deployment.
    (BOOKINFO, "is(deployment) and name = ratings-v1 | list name, descendants.image.name as image", "name        image\nratings-v1  registry.istio.io/release/examples-bookinfo-ratings-v1:1.20.3\n"),
    (DEMO, "is(pod) | count ancestors.namespace.name", "shop: 6\nmonitoring: 5\npayments: 5\ntotal matched: 16\ntotal unmatched: 0\n"),
];

/// Commands: count, list, sort, head, tail, limit, uniq, and the not-yet ones.
const COMMANDS: &[(&str, &str, &str)] = &[
    (DEMO, "is(pod) | count", "16\n"),
    (BOOKINFO, "is(deployment) | head 2", "Deployment:default/details-v1 Deployment:default/productpage-v1"),
    (BOOKINFO, "is(deployment) | tail 2", "Deployment:default/reviews-v2 Deployment:default/reviews-v3"),
    (BOOKINFO, "is(deployment) | limit 1, 2", "Deployment:default/productpage-v1 Deployment:default/ratings-v1"),
    (BOOKINFO, "is(deployment) | limit 1", "Deployment:default/details-v1"),
    (BOOKINFO, "is(deployment) | sort name desc | head 1", "Deployment:default/reviews-v3"),
    (BOOKINFO, "is(deployment) | sort labels.version desc, name asc | uniq | head 3", "Deployment:default/reviews-v3 Deployment:default/reviews-v2 Deployment:default/details-v1"),
    (BOOKINFO, "is(service) | list", "kind     namespace  name\nService  default    details\nService  default    productpage\nService  default    ratings\nService  default    reviews\n"),
    (BOOKINFO, "is(service) and name = details | list name, spec.ports[*].port as port, labels.missing", "name     port  labels.missing\ndetails  9080  -\n"),
    (BOOKINFO, "is(deployment) | count labels.version", "v1: 4\nv2: 1\nv3: 1\ntotal matched: 6\ntotal unmatched: 0\n"),
    (BOOKINFO, "is(deployment, service) | count labels.version", "v1: 4\nv2: 1\nv3: 1\ntotal matched: 6\ntotal unmatched: 4\n"),
    (BOOKINFO, "is(pod) | explain | format dot", "error: `explain` cannot print as dot"),
    // Actions are a dry run: the plan as kubectl commands, placeholders and kubegraph's own
    // nodes left out (read: bookinfo's services; the deployments' images are Image nodes).
    (BOOKINFO, "is(service) and name ~ \"^r\" | clean", "# dry run of `clean`: nothing was changed. kubegraph acts only on a live cluster with actions enabled; the same with kubectl:\nkubectl delete -n default services/ratings\nkubectl delete -n default services/reviews\n"),
    (BOOKINFO, "is(deployment, image) and name ~ details | tag update owner \"team a\"", "# dry run of `tag update`: nothing was changed. kubegraph acts only on a live cluster with actions enabled; the same with kubectl:\nkubectl annotate --overwrite -n default deployments.apps/details-v1 'owner=team a'\n# 1 node left out: placeholders for missing objects and kubegraph's own nodes\n"),
    (KPROM, "is(prometheus) | tag delete team", "# dry run of `tag delete`: nothing was changed. kubegraph acts only on a live cluster with actions enabled; the same with kubectl:\nkubectl annotate -n monitoring prometheus.monitoring.coreos.com/k8s team-\n"),
    (BOOKINFO, "is(pod) | clean | format json", "{\n  \"action\": \"clean\",\n  \"left_out\": 0,\n  \"targets\": []\n}\n"),
    (BOOKINFO, "is(pod) | clean | format csv", "error: `clean` cannot print as csv"),
    (BOOKINFO, "is(pod) | aggregate(count() as n)", "n\n0\n"),
    (BOOKINFO, "is(pod) | count | head 1", "error: commands after `count` are not implemented yet"),
    // py: bookinfo.yaml has no pods (Gremlin evaluation is tested in tests/gremlin_eval.rs).
    (BOOKINFO, "G.V().Has('Type', 'pod')", ""),
];

#[test]
fn docs_examples() {
    check("docs", DOCS);
}

#[test]
fn spec_shape_examples() {
    check("spec shape", SPEC_SHAPE);
}

#[test]
fn filters() {
    check("filters", FILTERS);
}

#[test]
fn traversals() {
    check("traversals", TRAVERSALS);
}

#[test]
fn commands() {
    check("commands", COMMANDS);
}

#[test]
fn evaluate_returns_the_nodes_before_count() {
    let g = load(BOOKINFO);
    let Ok(kubegraph_query::Ast::Search(q)) = parse("is(service) | count") else {
        panic!("parses")
    };
    assert_eq!(kubegraph_query::evaluate(&g, &q).unwrap().len(), 4);
}

#[test]
fn the_index_narrows_kind_and_namespace_filters() {
    let g = load(DEMO);
    let idx = QueryIndex::new(&g);
    let Ok(kubegraph_query::Ast::Search(q)) = parse("is(pod) and namespace = shop") else {
        panic!("parses")
    };
    let f = &q.parts[0].filter.as_ref().unwrap().node;
    // Only the 6 shop pods are candidates: no other node's JSON is read.
    assert_eq!(idx.candidates(&g, f).map(|c| c.len()), Some(6));
    let Ok(kubegraph_query::Ast::Search(q)) = parse("spec.replicas = 2") else {
        panic!("parses")
    };
    assert_eq!(
        idx.candidates(&g, &q.parts[0].filter.as_ref().unwrap().node),
        None
    );
}

/// The label index narrows `labels.k = v` to exactly the nodes carrying that label, so the
/// filter then reads no other node's JSON; the answer is the same as a scan's.
#[test]
fn the_label_index_narrows_label_filters_to_the_matches() {
    let g = load(DEMO);
    let idx = QueryIndex::new(&g);
    let first = |q: &str| {
        let Ok(kubegraph_query::Ast::Search(q)) = parse(q) else {
            panic!("parses")
        };
        idx.candidates(&g, &q.parts[0].filter.as_ref().unwrap().node)
            .map(|c| c.iter().map(|&id| label(&g, id)).collect::<Vec<_>>())
    };
    // py: objects of demo.yaml whose metadata.labels.app is "cart" (selectors and templates
    // do not count).
    let cart = [
        "ConfigMap:shop/cart-config",
        "Deployment:shop/cart",
        "EndpointSlice:shop/cart-t4nnr",
        "Endpoints:shop/cart",
        "Pod:shop/cart-7f8b6c5d9-h2vtn",
        "Pod:shop/cart-7f8b6c5d9-q9dxw",
        "ReplicaSet:shop/cart-7f8b6c5d9",
        "Service:shop/cart",
    ];
    let mut got = first("labels.app = cart").expect("narrows");
    got.sort();
    assert_eq!(got, cart);
    let mut got = first("labels.app in [cart, nope]").expect("narrows");
    got.sort();
    assert_eq!(got, cart);
    assert_eq!(first("labels.nope = cart"), Some(Vec::new()));
    // Not narrowed: regexes, inequalities, `all`, deeper paths.
    assert_eq!(first("labels.app ~ cart"), None);
    assert_eq!(first("labels.app != cart"), None);
    assert_eq!(first("metadata.labels.app = cart"), None);
}

/// A label written as a number in a hand-written manifest compares as a number
/// (`labels.version = 2.0` matches `version: 2`), which a text index cannot answer: such a key
/// is never narrowed, and the scan finds it.
#[test]
fn a_label_key_with_a_non_text_value_is_not_narrowed() {
    let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x, labels: {version: 2}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x, labels: {version: \"2\"}}\n";
    let loaded = kubegraph_files::load_bytes("t.yaml", yaml.as_bytes(), &Default::default());
    let (g, _) = kubegraph_relations::graph_from_objects("t", loaded.objects);
    let idx = QueryIndex::new(&g);
    let Ok(ast) = parse("labels.version = 2.0") else {
        panic!("parses")
    };
    let facts = GraphFacts::default();
    let Ok(Output::Nodes(ns)) = execute(&Ctx::new(&g, &idx, &facts), &ast) else {
        panic!("nodes")
    };
    let names: Vec<String> = ns.iter().map(|&id| label(&g, id)).collect();
    assert_eq!(names, ["ConfigMap:x/a", "ConfigMap:x/b"]);
}
