//! Every rule of NetworkPolicy semantics, one small landscape each, with exact answers (what is
//! allowed, and that nothing else is).

mod common;

use common::*;
use kubegraph_netpol::Options;

/// Namespaces, then one bare pod per `(namespace, name, labels, ports)`.
fn landscape(
    namespaces: &[(&str, &str)],
    pods: &[(&str, &str, &str, &str)],
    policies: &str,
) -> String {
    let mut y = String::new();
    for (ns, labels) in namespaces {
        y += &format!(
            "---\n{{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {{\"name\": \"{ns}\", \"labels\": {{{labels}}}}}}}\n"
        );
    }
    for (ns, name, labels, ports) in pods {
        y += &format!(
            "---\n{{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {{\"name\": \"{name}\", \"namespace\": \"{ns}\", \"labels\": {{{labels}}}}}, \"spec\": {{\"containers\": [{{\"name\": \"c\", \"image\": \"x\", \"ports\": [{ports}]}}]}}}}\n"
        );
    }
    y + policies
}

fn conn(a: &kubegraph_netpol::Analysis, src: &str, dst: &str) -> String {
    allowed(a, src, dst).to_string()
}

#[test]
fn an_empty_pod_selector_selects_every_pod_of_its_namespace_only() {
    let a = analyse_yaml(&landscape(
        &[("a", ""), ("b", "")],
        &[("a", "p1", r#""x": "1""#, ""), ("a", "p2", "", ""), ("b", "p3", "", "")],
        "---\n{\"apiVersion\": \"networking.k8s.io/v1\", \"kind\": \"NetworkPolicy\", \"metadata\": {\"name\": \"deny\", \"namespace\": \"a\"}, \"spec\": {\"podSelector\": {}}}\n",
    ));
    assert_eq!(conn(&a, "b/p3", "a/p1"), "No Connections");
    assert_eq!(conn(&a, "b/p3", "a/p2"), "No Connections");
    assert_eq!(conn(&a, "a/p1", "a/p2"), "No Connections");
    // Not selected: open in both directions.
    assert_eq!(conn(&a, "a/p1", "b/p3"), "All Connections");
    assert_eq!(conn(&a, "0.0.0.0/0", "b/p3"), "All Connections");
}

const POLICY_HEAD: &str = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n";

#[test]
fn policy_types_default_from_the_rules_present() {
    let pods = [
        ("a", "src", r#""app": "src""#, ""),
        ("a", "dst", r#""app": "dst""#, ""),
    ];
    // Egress rules without policyTypes: an egress policy (and an ingress one, with no rules).
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: src}}}}\n  egress:\n  - ports: [{{port: 53, protocol: UDP}}]\n"
    )));
    assert_eq!(conn(&a, "a/src", "a/dst"), "UDP 53");
    assert_eq!(conn(&a, "a/dst", "a/src"), "No Connections");
    // `egress: []` without policyTypes: the API's defaulting counts rules, so egress stays open.
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: src}}}}\n  egress: []\n"
    )));
    assert_eq!(conn(&a, "a/src", "a/dst"), "All Connections");
    assert_eq!(conn(&a, "a/dst", "a/src"), "No Connections");
    // policyTypes [Egress] with ingress rules: the ingress rules are ignored, ingress stays open.
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: src}}}}\n  policyTypes: [Egress]\n  ingress:\n  - from: [{{podSelector: {{matchLabels: {{app: nobody}}}}}}]\n"
    )));
    assert_eq!(conn(&a, "a/dst", "a/src"), "All Connections");
    assert_eq!(conn(&a, "a/src", "a/dst"), "No Connections");
}

#[test]
fn empty_ingress_list_and_missing_ingress_both_deny_everything() {
    let pods = [
        ("a", "web", r#""app": "web""#, r#"{"containerPort": 80}"#),
        ("a", "client", "", ""),
    ];
    for spec in [
        "  podSelector: {matchLabels: {app: web}}\n  ingress: []\n",
        "  podSelector: {matchLabels: {app: web}}\n",
        "  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n",
    ] {
        let a = analyse_yaml(&landscape(
            &[("a", "")],
            &pods,
            &format!("{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n{spec}"),
        ));
        assert_eq!(conn(&a, "a/client", "a/web"), "No Connections", "{spec}");
        assert_eq!(conn(&a, "203.0.113.1", "a/web"), "No Connections", "{spec}");
        assert_eq!(conn(&a, "a/web", "a/client"), "All Connections", "{spec}");
    }
    // `- {}`: every source, every port, in and outside the cluster.
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - {{}}\n"
    )));
    assert_eq!(conn(&a, "a/client", "a/web"), "All Connections");
    assert_eq!(conn(&a, "203.0.113.1", "a/web"), "All Connections");
}

#[test]
fn traffic_needs_egress_and_ingress_and_policies_add_up() {
    let pods = [
        (
            "a",
            "web",
            r#""app": "web""#,
            r#"{"containerPort": 80}, {"containerPort": 443}"#,
        ),
        ("a", "client", r#""app": "client""#, ""),
    ];
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: web-80, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - ports: [{{port: 80}}]\n\
         {POLICY_HEAD}metadata: {{name: web-443, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - ports: [{{port: 443}}, {{port: 8443}}]\n\
         {POLICY_HEAD}metadata: {{name: client-out, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: client}}}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{{port: 443}}, {{port: 9000}}]\n"
    )));
    // Ingress admits 80, 443, 8443 (union of two policies); egress sends 443, 9000: 443 passes.
    assert_eq!(conn(&a, "a/client", "a/web"), "TCP 443");
    assert_eq!(conn(&a, "203.0.113.1", "a/web"), "TCP 80,443,8443");
    assert_eq!(conn(&a, "a/client", "203.0.113.1"), "TCP 443,9000");
    let e = a.explain(
        &a.resolve("a/client").unwrap()[0],
        &a.resolve("a/web").unwrap()[0],
    );
    match &e.ingress {
        kubegraph_netpol::Side::Selected {
            policies,
            admitting,
        } => {
            assert_eq!(policies, &["a/web-443", "a/web-80"]);
            let rules: Vec<(String, usize, String)> = admitting
                .iter()
                .map(|x| (x.policy.clone(), x.rule, x.conns.to_string()))
                .collect();
            assert_eq!(
                rules,
                [
                    ("a/web-443".to_string(), 1, "TCP 443,8443".to_string()),
                    ("a/web-80".to_string(), 1, "TCP 80".to_string())
                ]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn selectors_in_one_peer_are_anded_in_two_peers_ored() {
    let namespaces = [("team", r#""team": "ops""#), ("other", "")];
    let pods = [
        ("other", "web", r#""app": "web""#, ""),
        ("team", "mon", r#""role": "mon""#, ""),
        ("team", "plain", "", ""),
        ("other", "mon", r#""role": "mon""#, ""),
    ];
    let and = analyse_yaml(&landscape(&namespaces, &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: other}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - from:\n    - namespaceSelector: {{matchLabels: {{team: ops}}}}\n      podSelector: {{matchLabels: {{role: mon}}}}\n"
    )));
    assert_eq!(conn(&and, "team/mon", "other/web"), "All Connections");
    assert_eq!(conn(&and, "team/plain", "other/web"), "No Connections");
    assert_eq!(conn(&and, "other/mon", "other/web"), "No Connections");
    let or = analyse_yaml(&landscape(&namespaces, &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: other}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - from:\n    - namespaceSelector: {{matchLabels: {{team: ops}}}}\n    - podSelector: {{matchLabels: {{role: mon}}}}\n"
    )));
    assert_eq!(conn(&or, "team/mon", "other/web"), "All Connections");
    assert_eq!(conn(&or, "team/plain", "other/web"), "All Connections");
    // The podSelector alone means the policy's own namespace.
    assert_eq!(conn(&or, "other/mon", "other/web"), "All Connections");
    assert_eq!(conn(&or, "203.0.113.1", "other/web"), "No Connections");
}

#[test]
fn namespace_selectors_all_namespaces_and_the_implicit_name_label() {
    let namespaces = [("a", ""), ("b", ""), ("c", "")];
    let pods = [
        ("a", "web", r#""app": "web""#, ""),
        ("b", "x", "", ""),
        ("c", "y", "", ""),
    ];
    let all = analyse_yaml(&landscape(&namespaces, &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{}}\n  ingress:\n  - from: [{{namespaceSelector: {{}}}}]\n"
    )));
    assert_eq!(conn(&all, "b/x", "a/web"), "All Connections");
    assert_eq!(conn(&all, "c/y", "a/web"), "All Connections");
    assert_eq!(conn(&all, "0.0.0.0/0", "a/web"), "No Connections");
    let by_name = analyse_yaml(&landscape(&namespaces, &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{}}\n  ingress:\n  - from: [{{namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: b}}}}}}]\n"
    )));
    assert_eq!(conn(&by_name, "b/x", "a/web"), "All Connections");
    assert_eq!(conn(&by_name, "c/y", "a/web"), "No Connections");
}

#[test]
fn ip_blocks_match_outside_addresses_minus_excepts_never_pods() {
    // The pod's IP is inside the CIDR; ipBlock still does not match it (pod IPs are the
    // cluster's, and policies select pods by labels).
    let y = landscape(&[("a", "")], &[("a", "web", r#""app": "web""#, ""), ("a", "client", "", "")], &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: web}}}}\n  ingress:\n  - from: [{{ipBlock: {{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}}}]\n    ports: [{{port: 80}}]\n"
    ))
    .replace("\"name\": \"client\", \"namespace\": \"a\", \"labels\": {}}, \"spec\"", "\"name\": \"client\", \"namespace\": \"a\", \"labels\": {}}, \"status\": {\"podIP\": \"10.2.3.4\"}, \"spec\"");
    let a = analyse_yaml(&y);
    assert_eq!(conn(&a, "a/client", "a/web"), "No Connections");
    // The pod's own IP is the pod (as `kubectl get pods -o wide` shows it), not an outside
    // address; another address of the block is.
    assert_eq!(conn(&a, "10.2.3.4", "a/web"), "No Connections");
    assert_eq!(conn(&a, "10.2.3.5", "a/web"), "TCP 80");
    assert_eq!(conn(&a, "10.1.2.3", "a/web"), "No Connections");
    assert_eq!(conn(&a, "11.0.0.1", "a/web"), "No Connections");
    let text = listing(&a);
    let into_web: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with("=> a/web[Pod] : TCP 80"))
        .collect();
    assert_eq!(
        into_web,
        [
            "10.0.0.0-10.0.255.255[External] => a/web[Pod] : TCP 80",
            "10.2.0.0-10.255.255.255[External] => a/web[Pod] : TCP 80",
        ]
    );
    // The other pieces reach only the unprotected client.
    for piece in [
        "0.0.0.0-9.255.255.255",
        "10.1.0.0-10.1.255.255",
        "11.0.0.0-255.255.255.255",
    ] {
        assert_eq!(
            line(&text, &format!("{piece}[External]"), "a/web[Pod]"),
            None
        );
        assert_eq!(
            line(&text, &format!("{piece}[External]"), "a/client[Pod]"),
            Some("All Connections")
        );
    }
}

#[test]
fn named_ports_resolve_per_destination_and_end_port_ranges() {
    // Two workloads behind one Service name their port `http` differently.
    let pods = [
        (
            "a",
            "v1",
            r#""app": "api", "v": "1""#,
            r#"{"name": "http", "containerPort": 8080}"#,
        ),
        (
            "a",
            "v2",
            r#""app": "api", "v": "2""#,
            r#"{"name": "http", "containerPort": 9090}, {"name": "dns", "containerPort": 53, "protocol": "UDP"}"#,
        ),
        ("a", "client", "", ""),
    ];
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{matchLabels: {{app: api}}}}\n  ingress:\n  - ports: [{{port: http}}, {{port: dns, protocol: UDP}}, {{port: dns}}, {{port: 30000, endPort: 30010, protocol: SCTP}}]\n"
    )));
    assert_eq!(conn(&a, "a/client", "a/v1"), "SCTP 30000-30010,TCP 8080");
    // `dns` is a UDP port: the TCP `dns` entry matches nothing.
    assert_eq!(
        conn(&a, "a/client", "a/v2"),
        "SCTP 30000-30010,TCP 9090,UDP 53"
    );
    // Egress with a named port: resolved against the destination, and nothing outside.
    let a = analyse_yaml(&landscape(&[("a", "")], &pods, &format!(
        "{POLICY_HEAD}metadata: {{name: p, namespace: a}}\nspec:\n  podSelector: {{}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{{port: http}}, {{port: 1, endPort: 1024}}]\n"
    )));
    assert_eq!(conn(&a, "a/client", "a/v1"), "TCP 1-1024,8080");
    assert_eq!(conn(&a, "a/client", "a/v2"), "TCP 1-1024,9090");
    assert_eq!(conn(&a, "a/client", "203.0.113.1"), "TCP 1-1024");
}

#[test]
fn workloads_are_owners_templates_or_bare_pods_and_never_reach_themselves() {
    let y = r#"
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {hostNetwork: true, containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: db-7d9f-abcde
  namespace: shop
  labels: {app: db}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: db-7d9f, controller: true, uid: u1}]
spec: {containers: [{name: c, image: x}]}
status: {phase: Running, podIP: 10.0.0.5}
---
apiVersion: v1
kind: Pod
metadata:
  name: db-7d9f-fghij
  namespace: shop
  labels: {app: db}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: db-7d9f, controller: true, uid: u1}]
spec: {containers: [{name: c, image: x}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: db-7d9f, namespace: shop, uid: u1}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: done, namespace: shop}
spec: {containers: [{name: c, image: x}]}
status: {phase: Succeeded}
"#;
    // By default, as netpol-analyzer: the host-network DaemonSet and the finished pod are peers.
    let a = analyse_yaml(y);
    let names: Vec<String> = a.workloads.iter().map(|w| w.id()).collect();
    assert_eq!(
        names,
        [
            "shop/agent[DaemonSet]",
            "shop/db-7d9f[ReplicaSet]",
            "shop/done[Pod]",
            "shop/web[Deployment]"
        ]
    );
    assert_eq!(a.host_network, ["shop/agent[DaemonSet]"]);
    assert!(a.finished.is_empty());
    // Left out on request.
    let a = analyse_yaml_with(
        y,
        Options {
            exclude_host_network: true,
            exclude_finished: true,
        },
    );
    let names: Vec<String> = a.workloads.iter().map(|w| w.id()).collect();
    assert_eq!(names, ["shop/db-7d9f[ReplicaSet]", "shop/web[Deployment]"]);
    assert_eq!(a.workloads[0].pods, ["db-7d9f-abcde", "db-7d9f-fghij"]);
    assert_eq!(a.host_network, ["shop/agent[DaemonSet]"]);
    assert_eq!(a.finished, ["shop/done[Pod]"]);
    assert_eq!(
        listing(&a),
        "0.0.0.0-255.255.255.255[External] => shop/db-7d9f[ReplicaSet] : All Connections\n\
         0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections\n\
         shop/db-7d9f[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
         shop/db-7d9f[ReplicaSet] => shop/web[Deployment] : All Connections\n\
         shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n\
         shop/web[Deployment] => shop/db-7d9f[ReplicaSet] : All Connections\n"
    );
    // A pod name resolves to its workload.
    assert_eq!(
        a.endpoint_name(&a.resolve("shop/db-7d9f-fghij").unwrap()[0]),
        "shop/db-7d9f[ReplicaSet]"
    );
}

#[test]
fn the_ingress_controller_reaches_routed_ports_that_admit_any_in_cluster_source() {
    let y = r#"
apiVersion: v1
kind: Pod
metadata: {name: front, namespace: web, labels: {app: front}}
spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: admin, namespace: web, labels: {app: admin}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 9000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: front, namespace: web}
spec: {selector: {app: front}, ports: [{name: web, port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: admin, namespace: web}
spec: {selector: {app: admin}, ports: [{port: 9000}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site, namespace: web}
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: front, port: {name: web}}}}
      - {path: /admin, pathType: Prefix, backend: {service: {name: admin, port: {number: 9000}}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: admin-local, namespace: web}
spec:
  podSelector: {matchLabels: {app: admin}}
  ingress:
  - from: [{podSelector: {}}]
"#;
    let a = analyse_yaml(y);
    let text = listing(&a);
    assert_eq!(
        line(&text, "{ingress-controller}", "web/front[Pod]"),
        Some("TCP 8080")
    );
    // admin admits only its own namespace's pods: not an arbitrary in-cluster source.
    assert_eq!(line(&text, "{ingress-controller}", "web/admin[Pod]"), None);
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("{ingress-controller}"))
            .count(),
        1
    );
    assert_eq!(conn(&a, "{ingress-controller}", "web/front"), "TCP 8080");
}

#[test]
fn pods_of_one_owner_with_different_labels_are_reported() {
    let y = r#"
apiVersion: v1
kind: Pod
metadata:
  name: api-1
  namespace: a
  labels: {app: api, canary: "true"}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api, controller: true}]
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: api-0
  namespace: a
  labels: {app: api}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api, controller: true}]
spec: {containers: [{name: c, image: x}]}
"#;
    let a = analyse_yaml(y);
    assert_eq!(a.workloads.len(), 1);
    assert_eq!(a.workloads[0].pods, ["api-0", "api-1"]);
    assert_eq!(
        a.warnings,
        ["pods of a/api[ReplicaSet] carry different labels (api-0 and api-1): the analysis uses those of api-0"]
    );
}

#[test]
fn peers_are_named_by_address_range_or_workload_even_with_digit_namespaces() {
    let a = analyse_yaml(&landscape(&[("1st", "")], &[("1st", "web", "", "")], ""));
    assert_eq!(
        a.endpoint_name(&a.resolve("1st/web").unwrap()[0]),
        "1st/web[Pod]"
    );
    assert_eq!(
        a.endpoint_name(&a.resolve("0.0.0.0-255.255.255.255[External]").unwrap()[0]),
        "0.0.0.0-255.255.255.255[External]"
    );
    let err = a.resolve("1st/nope").unwrap_err().to_string();
    assert!(
        err.starts_with("`1st/nope`: no workload or pod of that name"),
        "{err}"
    );
}

#[test]
fn stateful_set_pods_differing_only_in_their_pod_name_label_are_alike() {
    let pod = |i: u32| {
        format!(
            "---\n{{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {{\"name\": \"db-{i}\", \"namespace\": \"a\",
              \"labels\": {{\"app\": \"db\", \"statefulset.kubernetes.io/pod-name\": \"db-{i}\", \"apps.kubernetes.io/pod-index\": \"{i}\"}},
              \"ownerReferences\": [{{\"apiVersion\": \"apps/v1\", \"kind\": \"StatefulSet\", \"name\": \"db\", \"controller\": true}}]}},
              \"spec\": {{\"containers\": [{{\"name\": \"c\", \"image\": \"x\"}}]}}}}\n"
        )
    };
    let a = analyse_yaml(&format!("{}{}", pod(0), pod(1)));
    assert_eq!(a.workloads.len(), 1);
    assert_eq!(a.workloads[0].id(), "a/db[StatefulSet]");
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_host_network_workload_is_named_as_such_when_asked_for() {
    let y = "apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: a}\nspec: {hostNetwork: true, containers: [{name: c, image: x}]}\n";
    // Analysed by default.
    let a = analyse_yaml(y);
    assert_eq!(a.resolve("a/agent").unwrap().len(), 1);
    assert_eq!(a.notes().len(), 1);
    assert!(
        a.notes()[0].contains("analysed as ordinary pods"),
        "{:?}",
        a.notes()
    );
    // Left out: said so rather than "not found".
    let a = analyse_yaml_with(
        y,
        Options {
            exclude_host_network: true,
            ..Options::default()
        },
    );
    assert!(a.workloads.is_empty());
    let err = a.resolve("a/agent").unwrap_err().to_string();
    assert_eq!(
        err,
        "`a/agent`: a/agent[Pod] runs in the host network: NetworkPolicies do not apply to it, and --exclude-host-network leaves it out"
    );
}

#[test]
fn an_ingress_routes_only_through_the_backend_fields_of_its_own_api_version() {
    let workload = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: kibana, namespace: t}\nspec:\n  selector: {matchLabels: {app: kibana}}\n  template:\n    metadata: {labels: {app: kibana}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 5601}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: app-service, namespace: t}\nspec: {selector: {app: kibana}, ports: [{name: http, port: 5601}]}\n---\n";
    let ingress = |api: &str, backend: &str| {
        format!("{workload}apiVersion: networking.k8s.io/{api}\nkind: Ingress\nmetadata: {{name: i, namespace: t}}\nspec:\n  rules: [{{http: {{paths: [{{path: /, backend: {backend}}}]}}}}]\n")
    };
    // v1 with v1's fields, v1beta1 with its own: routed.
    for (api, backend) in [
        ("v1", "{service: {name: app-service, port: {number: 5601}}}"),
        ("v1beta1", "{serviceName: app-service, servicePort: http}"),
    ] {
        let (a, warnings) = analyse_yaml_warned(&ingress(api, backend));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            line(&listing(&a), "{ingress-controller}", "t/kibana[Deployment]"),
            Some("TCP 5601"),
            "{api}"
        );
    }
    // v1 with v1beta1's fields (kube-score's ingress_issue363): the API server rejects it, so
    // nothing is routed, and the loader says why.
    let (a, warnings) = analyse_yaml_warned(&ingress(
        "v1",
        "{serviceName: app-service, servicePort: http}",
    ));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        line(&listing(&a), "{ingress-controller}", "t/kibana[Deployment]"),
        None
    );
}

#[test]
fn a_deployment_names_the_replica_sets_its_pods_stand_for() {
    let pod = |rs: &str, pod: &str| {
        format!(
            "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {pod}\n  namespace: shop\n  labels: {{app: web}}\n  ownerReferences: [{{apiVersion: apps/v1, kind: ReplicaSet, name: {rs}, controller: true}}]\nspec: {{containers: [{{name: c, image: x}}]}}\n"
        )
    };
    let rs = |rs: &str| {
        format!(
            "---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: {rs}\n  namespace: shop\n  ownerReferences: [{{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}}]\nspec: {{selector: {{matchLabels: {{app: web}}}}, template: {{metadata: {{labels: {{app: web}}}}}}}}\n"
        )
    };
    let deployment = "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}}}\n";
    let y = format!(
        "{deployment}{}{}{}{}",
        rs("web-1"),
        rs("web-2"),
        pod("web-1", "web-1-a"),
        pod("web-2", "web-2-a")
    );
    let a = analyse_yaml(&y);
    let names = |text: &str| -> Vec<String> {
        let found = a.resolve(text).unwrap();
        found.iter().map(|e| a.endpoint_name(e)).collect()
    };
    // Both rollouts' ReplicaSets, by the Deployment's name, with or without its kind.
    let both = ["shop/web-1[ReplicaSet]", "shop/web-2[ReplicaSet]"];
    assert_eq!(names("shop/web"), both);
    assert_eq!(names("shop/web[Deployment]"), both);
    // A ReplicaSet by its own name is itself; a pod's name is its ReplicaSet.
    assert_eq!(names("shop/web-2"), ["shop/web-2[ReplicaSet]"]);
    assert_eq!(names("shop/web-1-a"), ["shop/web-1[ReplicaSet]"]);
    // Not a Pod named web, nor a StatefulSet.
    assert!(a.resolve("shop/web[Pod]").is_err());
    assert!(a.resolve("shop/web[StatefulSet]").is_err());
}
