//! Smoke tests on real manifests: flows checked by reading each fixture's policies.

mod common;

use common::*;
use kubegraph_netpol::Analysis;

#[test]
fn microservices_demo_online_boutique() {
    let a = analyse_path(&kubegraph_fixtures::path("microservices-demo"));
    let text = listing(&a);
    // deny-all + one policy per service: frontend admits everything (`ingress: [{}]`).
    assert_eq!(
        line(
            &text,
            "0.0.0.0-255.255.255.255[External]",
            "default/frontend[Deployment]"
        ),
        Some("All Connections")
    );
    // cartservice admits frontend and checkoutservice on 7070 (two peers of one rule: OR).
    assert_eq!(
        line(
            &text,
            "default/frontend[Deployment]",
            "default/cartservice[Deployment]"
        ),
        Some("TCP 7070")
    );
    assert_eq!(
        line(
            &text,
            "default/checkoutservice[Deployment]",
            "default/cartservice[Deployment]"
        ),
        Some("TCP 7070")
    );
    assert_eq!(
        line(
            &text,
            "default/adservice[Deployment]",
            "default/cartservice[Deployment]"
        ),
        None
    );
    // redis-cart only from cartservice on 6379.
    assert_eq!(
        line(
            &text,
            "default/cartservice[Deployment]",
            "default/redis-cart[Deployment]"
        ),
        Some("TCP 6379")
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("=> default/redis-cart[Deployment]"))
            .count(),
        1
    );
    // Nothing outside reaches anything but the frontend.
    assert_eq!(text.lines().filter(|l| l.starts_with("0.0.0.0")).count(), 1);
    assert_eq!(text.lines().count(), 39);
    assert_eq!(a.workloads.len(), 12);
}

#[test]
fn argo_cd_install() {
    let a = analyse_path(&kubegraph_fixtures::path("argo-cd/install.yaml"));
    let text = listing(&a);
    let dex = "default/argocd-dex-server[Deployment]";
    let server = "default/argocd-server[Deployment]";
    let repo = "default/argocd-repo-server[Deployment]";
    let redis = "default/argocd-redis[Deployment]";
    // dex: 5556-5557 from argocd-server, 5558 from any namespace: the rules add up.
    assert_eq!(line(&text, server, dex), Some("TCP 5556-5558"));
    assert_eq!(line(&text, repo, dex), Some("TCP 5558"));
    // repo-server: 8081 from four named peers, 8084 (no protocol: TCP) from anywhere in-cluster.
    assert_eq!(line(&text, server, repo), Some("TCP 8081,8084"));
    assert_eq!(line(&text, dex, repo), Some("TCP 8084"));
    // redis only from server, repo-server and the application controller.
    assert_eq!(line(&text, server, redis), Some("TCP 6379"));
    assert_eq!(line(&text, repo, redis), Some("TCP 6379"));
    assert_eq!(line(&text, dex, redis), None);
    assert_eq!(
        text.lines()
            .filter(|l| l.contains(&format!("=> {redis}")))
            .count(),
        3
    );
    // reach explains the refusal.
    let e = a.explain(
        &a.resolve("default/argocd-dex-server").unwrap()[0],
        &a.resolve("default/argocd-redis").unwrap()[0],
    );
    assert!(e.allowed.is_empty());
    match e.ingress {
        kubegraph_netpol::Side::Selected {
            policies,
            admitting,
        } => {
            assert_eq!(policies, ["default/argocd-redis-network-policy"]);
            assert!(admitting.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn kube_prometheus_with_the_pods_its_operator_would_create() {
    // Prometheus runs from a custom resource: its pods are not in the manifests. Add one pod with
    // the labels the operator gives them, and read grafana's and blackbox-exporter's policies.
    let graph = kubegraph_fixtures::fixture_with(
        &["kube-prometheus"],
        r#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "prometheus-k8s-0", "namespace": "monitoring",
             "labels": {"app.kubernetes.io/name": "prometheus", "app.kubernetes.io/component": "prometheus"}},
             "spec": {"containers": [{"name": "prometheus", "image": "x", "ports": [{"name": "web", "containerPort": 9090}]}]}}"#,
    );
    let a = Analysis::from_graph(&graph).unwrap();
    let text = listing(&a);
    let prom = "monitoring/prometheus-k8s-0[Pod]";
    assert_eq!(
        line(&text, prom, "monitoring/grafana[Deployment]"),
        Some("TCP 3000")
    );
    assert_eq!(
        line(&text, prom, "monitoring/blackbox-exporter[Deployment]"),
        Some("TCP 9115,19115")
    );
    assert_eq!(
        line(
            &text,
            "monitoring/grafana[Deployment]",
            "monitoring/blackbox-exporter[Deployment]"
        ),
        None
    );
    // prometheus-adapter admits everything (`ingress: [{}]`).
    assert_eq!(
        line(
            &text,
            "0.0.0.0-255.255.255.255[External]",
            "monitoring/prometheus-adapter[Deployment]"
        ),
        Some("All Connections")
    );
    // node-exporter runs in the host network: analysed, as netpol-analyzer does, and named in a
    // note; left out on request.
    assert_eq!(a.host_network, ["monitoring/node-exporter[DaemonSet]"]);
    assert!(text.contains("monitoring/node-exporter[DaemonSet]"));
    assert!(a.notes()[0].contains("monitoring/node-exporter[DaemonSet]"));
    let options = kubegraph_netpol::Options {
        exclude_host_network: true,
        ..Default::default()
    };
    let without = listing(&Analysis::from_graph_with(&graph, options).unwrap());
    assert!(!without.contains("node-exporter"));
    assert_eq!(
        without.lines().count(),
        text.lines()
            .filter(|l| !l.contains("node-exporter"))
            .count()
    );
}

/// Class 1 of issue 17 where every pod is host-network: the bank demo's live pod list
/// (IBM/network-config-analyzer's, in the fixtures), three DaemonSets' pods, all
/// `hostNetwork: true`. Analysed as ordinary pods by default, as netpol-analyzer does (no
/// policy: everything open); nothing at all when left out.
#[test]
fn a_live_pod_list_of_host_network_pods_only() {
    let paths = [
        fixtures().join("nca-live-podlists/bank_pod_list.json"),
        fixtures().join("nca-live-podlists/bank_ns_list.json"),
    ];
    let graph = kubegraph_fixtures::graph_from_paths(&paths);
    let a = Analysis::from_graph(&graph).unwrap();
    let names: Vec<String> = a.workloads.iter().map(|w| w.id()).collect();
    assert_eq!(
        names,
        [
            "demo/account-command[DaemonSet]",
            "demo/account-query[DaemonSet]",
            "demo/bank-ui[DaemonSet]"
        ]
    );
    assert_eq!(a.host_network, names);
    // From outside, to outside, and each to the two others: all open.
    let text = listing(&a);
    assert_eq!(text.lines().count(), 3 + 3 * 3);
    assert!(text.lines().all(|l| l.ends_with(" : All Connections")));
    let options = kubegraph_netpol::Options {
        exclude_host_network: true,
        ..Default::default()
    };
    let without = Analysis::from_graph_with(&graph, options).unwrap();
    assert!(without.workloads.is_empty());
    assert_eq!(listing(&without), "");
}
