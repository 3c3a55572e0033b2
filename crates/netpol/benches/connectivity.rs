//! Full connectivity over a synthetic landscape of 5,000 pods and 500 NetworkPolicies.
//!
//! `cargo bench -p kubegraph-netpol --bench connectivity`
//!
//! The landscape is generated here, deterministically: 50 namespaces (labelled `team` and
//! `env`), 1,000 ReplicaSets of 5 pods each (20 per namespace: front, back and db tiers, named
//! and numbered ports), and 10 policies per namespace: a default deny for ingress, one for
//! egress, DNS egress to kube-system, tier-to-tier allows on named ports, a cross-namespace
//! allow (namespaceSelector AND podSelector), and ipBlock egress with `except`s. Measured:
//! reading the policies and workloads from the graph, and computing every allowed connection
//! (`analyse+connectivity`), then also writing the txt listing (`+txt`); once with default-deny
//! policies (about 31k connections) and once with the namespace-wide denies turned into allows
//! (`mostly-open`, about a million connections, to measure the listing itself).

use criterion::{criterion_group, criterion_main, Criterion};
use kubegraph_graph::Graph;
use kubegraph_model::Object;
use kubegraph_netpol::{output, Analysis};
use sonic_rs::json;
use std::hint::black_box;
use std::time::Duration;

const NAMESPACES: usize = 50;
const WORKLOADS_PER_NS: usize = 20;
const REPLICAS: usize = 5;

fn obj(v: sonic_rs::Value) -> Object {
    Object::from_value(v).expect("generated objects are valid")
}

/// `open`: the two namespace-wide deny policies become allow-alls, so that nearly every pair of
/// the 1,000 workloads is connected and the listing runs to about a million lines.
fn landscape(open: bool) -> Graph {
    let mut g = Graph::new();
    let c = g.add_cluster("bench");
    let tiers = ["front", "back", "db"];
    for n in 0..NAMESPACES {
        let ns = format!("ns-{n:02}");
        g.insert_object(
            c,
            obj(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns,
                "labels": {"team": format!("t{}", n % 5), "env": if n % 2 == 0 { "prod" } else { "dev" }}}})),
        );
        for w in 0..WORKLOADS_PER_NS {
            let tier = tiers[w % 3];
            let rs = format!("app-{w:02}-5d8f7c");
            let ports = if tier == "db" {
                json!([{"name": "pg", "containerPort": 5432}])
            } else {
                json!([{"name": "http", "containerPort": 8080 + (w % 4) as u64}, {"name": "metrics", "containerPort": 9090}])
            };
            for r in 0..REPLICAS {
                g.insert_object(
                    c,
                    obj(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {
                        "name": format!("{rs}-{r}"), "namespace": ns,
                        "labels": {"app": format!("app-{w:02}"), "tier": tier, "pod-template-hash": "5d8f7c"},
                        "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": rs, "controller": true}]},
                        "spec": {"containers": [{"name": "c", "image": "x", "ports": ports.clone()}]},
                        "status": {"phase": "Running", "podIP": format!("10.{n}.{w}.{r}")}})),
                );
            }
        }
        let (deny_in, deny_out) = if open {
            (
                json!({"podSelector": {}, "ingress": [{"from": [{"namespaceSelector": {}}]}]}),
                json!({"podSelector": {}, "policyTypes": ["Egress"], "egress": [{}]}),
            )
        } else {
            (
                json!({"podSelector": {}, "policyTypes": ["Ingress"]}),
                json!({"podSelector": {}, "policyTypes": ["Egress"]}),
            )
        };
        let policies = [
            deny_in,
            deny_out,
            json!({"podSelector": {}, "egress": [{"to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}}}],
                "ports": [{"port": 53, "protocol": "UDP"}, {"port": 53}]}]}),
            json!({"podSelector": {"matchLabels": {"tier": "back"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"tier": "front"}}}], "ports": [{"port": "http"}]}]}),
            json!({"podSelector": {"matchLabels": {"tier": "db"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"tier": "back"}}}], "ports": [{"port": "pg"}]}]}),
            json!({"podSelector": {"matchLabels": {"tier": "front"}}, "ingress": [{"from": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": [format!("10.{n}.0.0/16")]}}], "ports": [{"port": 8080, "endPort": 8083}]}]}),
            json!({"podSelector": {"matchLabels": {"tier": "front"}}, "egress": [{"to": [{"podSelector": {"matchLabels": {"tier": "back"}}}], "ports": [{"port": "http"}]}]}),
            json!({"podSelector": {"matchLabels": {"tier": "back"}}, "egress": [{"to": [{"podSelector": {"matchLabels": {"tier": "db"}}}]}, {"to": [{"ipBlock": {"cidr": format!("172.{}.0.0/16", 16 + n % 16)}}], "ports": [{"port": 443}]}]}),
            json!({"podSelector": {}, "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"team": format!("t{}", n % 5)}},
                "podSelector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front", "back"]}]}}], "ports": [{"port": "metrics"}]}]}),
            json!({"podSelector": {"matchLabels": {"app": format!("app-{:02}", n % WORKLOADS_PER_NS)}}, "egress": [{"to": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"tier": "front"}}}]}]}),
        ];
        for (i, spec) in policies.into_iter().enumerate() {
            g.insert_object(
                c,
                obj(
                    json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                    "metadata": {"name": format!("p{i}"), "namespace": ns}, "spec": spec}),
                ),
            );
        }
    }
    g
}

fn bench(c: &mut Criterion) {
    for (name, open) in [("default-deny", false), ("mostly-open", true)] {
        let graph = landscape(open);
        let a = Analysis::from_graph(&graph).unwrap();
        let listing = a.connectivity();
        eprintln!(
            "{name}: 5k pods / 500 policies: {} workloads, {} classes, {} policies, {} external ranges, {} connections",
            a.workloads.len(),
            a.class_count(),
            a.policies.len(),
            a.externals.len(),
            listing.lines.len()
        );
        assert_eq!(a.workloads.len(), NAMESPACES * WORKLOADS_PER_NS);
        assert_eq!(a.policies.len(), 500);
        let mut group = c.benchmark_group(format!("connectivity-5k-pods-500-policies-{name}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
        group.bench_function("analyse+connectivity", |b| {
            b.iter(|| {
                let a = Analysis::from_graph(black_box(&graph)).unwrap();
                black_box(a.connectivity().lines.len())
            })
        });
        group.bench_function("analyse+connectivity+txt", |b| {
            b.iter(|| {
                let a = Analysis::from_graph(black_box(&graph)).unwrap();
                let mut out = Vec::with_capacity(64 << 20);
                output::write_txt(&a.connectivity(), &mut out).unwrap();
                black_box(out.len())
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
