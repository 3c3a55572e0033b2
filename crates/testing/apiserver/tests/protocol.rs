//! The server's protocol, checked over real HTTP with a plain client.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::*;
use kubegraph_test_apiserver::{ApplyError, ResourceType, TestApiServer};
use serde_json::{json, Value};

#[tokio::test]
async fn requests_without_the_token_get_401() {
    let server = TestApiServer::start().await;
    for token in [None, Some("wrong-token")] {
        let response = request(&server, "/api/v1/pods", None, token).await;
        assert_eq!(response.status().as_u16(), 401);
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body,
            json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                   "message": "Unauthorized", "reason": "Unauthorized", "code": 401})
        );
    }
    let (code, _) = get(&server, "/api/v1/pods", None).await;
    assert_eq!(code, 200);
}

#[tokio::test]
async fn legacy_discovery_documents() {
    let server = TestApiServer::start().await;
    for health in ["/healthz", "/livez", "/readyz"] {
        let response = request(&server, health, None, Some(TestApiServer::TOKEN)).await;
        assert_eq!(
            (response.status().as_u16(), response.text().await.unwrap()),
            (200, "ok".to_string())
        );
    }
    let version = get_ok(&server, "/version").await;
    assert_eq!(
        (version["major"].as_str(), version["minor"].as_str()),
        (Some("1"), Some("31"))
    );

    let api = get_ok(&server, "/api").await;
    assert_eq!(api["kind"], "APIVersions");
    assert_eq!(api["versions"], json!(["v1"]));

    let core = get_ok(&server, "/api/v1").await;
    assert_eq!(
        (core["kind"].as_str(), core["groupVersion"].as_str()),
        (Some("APIResourceList"), Some("v1"))
    );
    let names: Vec<&str> = core["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let top: Vec<&str> = names.iter().copied().filter(|n| !n.contains('/')).collect();
    assert_eq!(
        top,
        vec![
            "namespaces",
            "pods",
            "services",
            "endpoints",
            "configmaps",
            "secrets",
            "serviceaccounts",
            "nodes",
            "persistentvolumes",
            "persistentvolumeclaims",
            "events",
            "replicationcontrollers"
        ]
    );
    // Subresources are listed, as the real server lists them, and clients must skip them.
    for sub in ["pods/status", "pods/log", "pods/eviction"] {
        assert!(names.contains(&sub), "{sub} missing from {names:?}");
    }
    let eviction = core["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "pods/eviction")
        .unwrap();
    assert_eq!(
        eviction,
        &json!({"name": "pods/eviction", "singularName": "", "namespaced": true,
        "group": "policy", "version": "v1", "kind": "Eviction", "verbs": ["create"]})
    );
    let namespaces = &core["resources"][0];
    assert_eq!(
        (
            namespaces["namespaced"].as_bool(),
            namespaces["kind"].as_str()
        ),
        (Some(false), Some("Namespace"))
    );
    assert_eq!(
        namespaces["verbs"],
        json!([
            "create",
            "delete",
            "deletecollection",
            "get",
            "list",
            "patch",
            "update",
            "watch"
        ])
    );

    let apis = get_ok(&server, "/apis").await;
    assert_eq!(apis["kind"], "APIGroupList");
    let groups: Vec<&str> = apis["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        vec![
            "apps",
            "batch",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "storage.k8s.io",
            "policy",
            "apiextensions.k8s.io",
            "events.k8s.io",
            "admissionregistration.k8s.io",
            "apiregistration.k8s.io",
            "autoscaling",
            "discovery.k8s.io"
        ]
    );
    assert_eq!(
        apis["groups"][0],
        json!({"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}],
               "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}})
    );
    let apps = get_ok(&server, "/apis/apps/v1").await;
    let apps_names: Vec<&str> = apps["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        apps_names,
        vec![
            "deployments",
            "deployments/scale",
            "deployments/status",
            "replicasets",
            "replicasets/scale",
            "replicasets/status",
            "statefulsets",
            "statefulsets/scale",
            "statefulsets/status",
            "daemonsets",
            "daemonsets/status"
        ]
    );
    assert_eq!(get_ok(&server, "/apis/apps").await["kind"], "APIGroup");

    for missing in [
        "/apis/nope.example.com",
        "/apis/apps/v2",
        "/api/v1/widgets",
        "/apis/apps/v1/pods",
    ] {
        let (code, body) = get(&server, missing, None).await;
        assert_eq!(
            (code, body["reason"].as_str()),
            (404, Some("NotFound")),
            "{missing}"
        );
    }
    let response = request(&server, "/nothing/here", None, Some(TestApiServer::TOKEN)).await;
    assert_eq!(response.status().as_u16(), 404);
}

#[tokio::test]
async fn aggregated_discovery_when_asked() {
    let server = TestApiServer::start().await;
    let response = request(
        &server,
        "/apis",
        Some(AGGREGATED),
        Some(TestApiServer::TOKEN),
    )
    .await;
    assert_eq!(
        response.headers()["content-type"],
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
    );
    let apis: Value = response.json().await.unwrap();
    assert_eq!(
        (apis["kind"].as_str(), apis["apiVersion"].as_str()),
        (
            Some("APIGroupDiscoveryList"),
            Some("apidiscovery.k8s.io/v2")
        )
    );
    let apps = &apis["items"][0];
    assert_eq!(apps["metadata"]["name"], "apps");
    let deployments = &apps["versions"][0]["resources"][0];
    assert_eq!(apps["versions"][0]["version"], "v1");
    assert_eq!(deployments["resource"], "deployments");
    assert_eq!(
        deployments["responseKind"],
        json!({"group": "apps", "version": "v1", "kind": "Deployment"})
    );
    assert_eq!(deployments["scope"], "Namespaced");
    assert_eq!(
        deployments["subresources"][0],
        json!({"subresource": "scale", "responseKind": {"group": "autoscaling", "version": "v1", "kind": "Scale"}, "verbs": ["get", "patch", "update"]})
    );
    assert!(apis["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["metadata"]["name"] != ""));

    let (_, core) = get(&server, "/api", Some(AGGREGATED)).await;
    assert_eq!(core["items"].as_array().unwrap().len(), 1);
    assert_eq!(core["items"][0]["metadata"]["name"], "");
    let core_resources: Vec<&str> = core["items"][0]["versions"][0]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["resource"].as_str().unwrap())
        .collect();
    assert_eq!(core_resources.len(), 12);
    assert_eq!(core_resources[1], "pods");

    // A plain JSON Accept gets the legacy document.
    let (_, legacy) = get(&server, "/apis", Some("application/json")).await;
    assert_eq!(legacy["kind"], "APIGroupList");
}

fn widget_type(version: &str) -> ResourceType {
    ResourceType {
        group: "example.com".into(),
        version: version.into(),
        kind: "Widget".into(),
        plural: "widgets".into(),
        namespaced: true,
        verbs: ["get", "list", "watch"]
            .iter()
            .map(|v| v.to_string())
            .collect(),
    }
}

fn group_names(apis: &Value) -> Vec<String> {
    apis["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_resource_added_later_appears_in_discovery() {
    let server = TestApiServer::start().await;
    assert!(!group_names(&get_ok(&server, "/apis").await).contains(&"example.com".to_string()));
    let (code, _) = get(&server, "/apis/example.com/v1/widgets", None).await;
    assert_eq!(code, 404);

    server.add_resource(widget_type("v1"));
    assert_eq!(
        group_names(&get_ok(&server, "/apis").await)
            .last()
            .map(String::as_str),
        Some("example.com")
    );
    let list = get_ok(&server, "/apis/example.com/v1").await;
    assert_eq!(
        list["resources"],
        json!([{"name": "widgets", "singularName": "widget", "namespaced": true, "kind": "Widget", "verbs": ["get", "list", "watch"]}])
    );
    server.apply(json!({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "namespace": "ns"}}));
    let widgets = get_ok(&server, "/apis/example.com/v1/widgets").await;
    assert_eq!(
        (widgets["kind"].as_str(), item_names(&widgets)),
        (Some("WidgetList"), vec!["ns/w".to_string()])
    );
}

#[tokio::test]
async fn applying_a_crd_serves_its_versions_and_deleting_it_stops() {
    let server = TestApiServer::start().await;
    server.apply(json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "gadgets.example.org"},
        "spec": {"group": "example.org", "scope": "Cluster",
                 "names": {"plural": "gadgets", "singular": "gadget", "kind": "Gadget", "shortNames": ["gd"]},
                 "versions": [{"name": "v1beta1", "served": true, "storage": false},
                              {"name": "v1", "served": true, "storage": true},
                              {"name": "v1alpha1", "served": false, "storage": false}]}
    }));
    let apis = get_ok(&server, "/apis").await;
    let group = apis["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "example.org")
        .expect("group served");
    assert_eq!(
        group,
        &json!({"name": "example.org",
                "versions": [{"groupVersion": "example.org/v1", "version": "v1"}, {"groupVersion": "example.org/v1beta1", "version": "v1beta1"}],
                "preferredVersion": {"groupVersion": "example.org/v1", "version": "v1"}})
    );
    let (code, _) = get(&server, "/apis/example.org/v1alpha1", None).await;
    assert_eq!(code, 404);
    let resources = get_ok(&server, "/apis/example.org/v1").await;
    assert_eq!(resources["resources"][0]["namespaced"], false);
    assert_eq!(resources["resources"][0]["shortNames"], json!(["gd"]));

    server.apply(json!({"apiVersion": "example.org/v1", "kind": "Gadget", "metadata": {"name": "g1", "namespace": "ignored"}}));
    // Served at every version, cluster-scoped (the namespace is dropped).
    let beta = get_ok(&server, "/apis/example.org/v1beta1/gadgets/g1").await;
    assert_eq!(beta["apiVersion"], "example.org/v1beta1");
    assert!(beta["metadata"].get("namespace").is_none());

    assert!(server.delete(
        "apiextensions.k8s.io/v1",
        "CustomResourceDefinition",
        None,
        "gadgets.example.org"
    ));
    assert!(!group_names(&get_ok(&server, "/apis").await).contains(&"example.org".to_string()));
    let (code, _) = get(&server, "/apis/example.org/v1/gadgets", None).await;
    assert_eq!(code, 404);
}

#[tokio::test]
async fn apply_stamps_metadata_and_rejects_unknown_kinds() {
    let server = TestApiServer::start().await;
    let rv1 = server.apply(pod("default", "web"));
    let first = get_ok(&server, "/api/v1/namespaces/default/pods/web").await;
    assert_eq!(
        (first["kind"].as_str(), first["apiVersion"].as_str()),
        (Some("Pod"), Some("v1"))
    );
    assert_eq!(
        first["metadata"]["resourceVersion"].as_str(),
        Some(rv1.as_str())
    );
    let uid = first["metadata"]["uid"].as_str().unwrap().to_string();
    let created = first["metadata"]["creationTimestamp"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(created.len(), "2024-01-01T00:00:00Z".len());

    let rv2 = server.apply(pod("default", "web"));
    assert_eq!(rv2.parse::<u64>().unwrap(), rv1.parse::<u64>().unwrap() + 1);
    let second = get_ok(&server, "/api/v1/namespaces/default/pods/web").await;
    assert_eq!(second["metadata"]["uid"].as_str(), Some(uid.as_str()));
    assert_eq!(
        second["metadata"]["creationTimestamp"].as_str(),
        Some(created.as_str())
    );
    assert_eq!(server.resource_version(), rv2);

    // No namespace: `default`, as kubectl does.
    server.apply(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}}));
    get_ok(&server, "/api/v1/namespaces/default/configmaps/cm").await;

    assert_eq!(
        server.try_apply(
            json!({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}})
        ),
        Err(ApplyError::UnknownKind {
            api_version: "example.com/v1".into(),
            kind: "Widget".into()
        })
    );
    assert_eq!(
        server.try_apply(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {}})),
        Err(ApplyError::MissingField("metadata.name"))
    );
    assert_eq!(
        server.try_apply(json!({"kind": "Pod"})),
        Err(ApplyError::MissingField("apiVersion"))
    );

    let (code, body) = get(&server, "/api/v1/namespaces/default/pods/nope", None).await;
    assert_eq!(code, 404);
    assert_eq!(body["message"], "pods \"nope\" not found");
    assert_eq!(body["details"], json!({"name": "nope", "kind": "pods"}));
    assert!(server.delete("v1", "Pod", Some("default"), "web"));
    assert!(!server.delete("v1", "Pod", Some("default"), "web"));
    let (code, _) = get(&server, "/api/v1/namespaces/default/pods/web", None).await;
    assert_eq!(code, 404);
}

#[tokio::test]
async fn pagination_returns_every_object_once_while_objects_change() {
    let server = TestApiServer::start().await;
    let mut expected = BTreeSet::new();
    for ns in ["a", "b", "c"] {
        for i in 0..8 {
            let name = format!("pod-{i:02}");
            server.apply(pod(ns, &name));
            expected.insert(format!("{ns}/{name}"));
        }
    }
    server.apply(configmap("a", "unrelated"));
    let list_rv = server.resource_version();

    let first = get_ok(&server, "/api/v1/pods?limit=10").await;
    assert_eq!(first["kind"], "PodList");
    assert_eq!(
        first["metadata"]["resourceVersion"].as_str(),
        Some(list_rv.as_str())
    );
    assert_eq!(first["metadata"]["remainingItemCount"], 14);
    // Items of a typed list carry no kind or apiVersion.
    assert!(first["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i.get("kind").is_none() && i.get("apiVersion").is_none()));

    // Change the cluster between pages: delete objects not yet listed, add some that sort into
    // later pages, modify listed and unlisted ones.
    assert!(server.delete("v1", "Pod", Some("c"), "pod-05"));
    server.apply(pod("b", "pod-99"));
    server.apply(pod("c", "pod-00"));
    server.apply(pod("a", "pod-01"));
    server.apply(pod("d", "pod-00"));

    let mut seen = item_names(&first);
    let mut token = first["metadata"]["continue"].as_str().unwrap().to_string();
    let mut remaining = vec![];
    loop {
        let page = get_ok(&server, &format!("/api/v1/pods?limit=10&continue={token}")).await;
        assert_eq!(
            page["metadata"]["resourceVersion"].as_str(),
            Some(list_rv.as_str())
        );
        seen.extend(item_names(&page));
        remaining.push(page["metadata"]["remainingItemCount"].clone());
        // Every object shows its state at the list's revision.
        for item in page["items"].as_array().unwrap() {
            let rv: u64 = item["metadata"]["resourceVersion"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!(rv <= list_rv.parse::<u64>().unwrap());
        }
        match page["metadata"]["continue"].as_str() {
            Some(next) => token = next.to_string(),
            None => break,
        }
    }
    assert_eq!(remaining, vec![json!(4), Value::Null]);
    assert_eq!(seen.len(), 24, "every object once: {seen:?}");
    assert_eq!(seen.iter().cloned().collect::<BTreeSet<_>>(), expected);
    // Items come in key order (namespace, then name).
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);

    // A fresh list sees the changes.
    let now = get_ok(&server, "/api/v1/pods").await;
    let now_names = item_names(&now);
    assert_eq!(now_names.len(), 25);
    assert!(
        now_names.contains(&"d/pod-00".to_string()) && !now_names.contains(&"c/pod-05".to_string())
    );
    assert!(now["metadata"].get("continue").is_none());

    // Namespaced lists page within their namespace.
    let ns_page = get_ok(&server, "/api/v1/namespaces/b/pods?limit=5").await;
    assert_eq!(
        item_names(&ns_page),
        (0..5).map(|i| format!("b/pod-{i:02}")).collect::<Vec<_>>()
    );
    let token = ns_page["metadata"]["continue"].as_str().unwrap();
    let rest = get_ok(
        &server,
        &format!("/api/v1/namespaces/b/pods?limit=5&continue={token}"),
    )
    .await;
    assert_eq!(
        item_names(&rest),
        vec!["b/pod-05", "b/pod-06", "b/pod-07", "b/pod-99"]
    );
}

#[tokio::test]
async fn lists_honour_resource_version_and_selectors() {
    let server = TestApiServer::start().await;
    server.apply(pod("a", "one"));
    let rv_one = server.resource_version();
    server.apply(pod("a", "two"));
    server.apply(pod("b", "one"));

    let exact = get_ok(
        &server,
        &format!("/api/v1/pods?resourceVersion={rv_one}&resourceVersionMatch=Exact"),
    )
    .await;
    assert_eq!(item_names(&exact), vec!["a/one"]);
    assert_eq!(
        exact["metadata"]["resourceVersion"].as_str(),
        Some(rv_one.as_str())
    );
    let not_older = get_ok(
        &server,
        &format!("/api/v1/pods?resourceVersion={rv_one}&resourceVersionMatch=NotOlderThan"),
    )
    .await;
    assert_eq!(item_names(&not_older), vec!["a/one", "a/two", "b/one"]);
    let any = get_ok(&server, "/api/v1/pods?resourceVersion=0").await;
    assert_eq!(item_names(&any).len(), 3);

    let (code, body) = get(
        &server,
        "/api/v1/pods?resourceVersion=999&resourceVersionMatch=NotOlderThan",
        None,
    )
    .await;
    assert_eq!((code, body["reason"].as_str()), (504, Some("Timeout")));
    assert_eq!(
        body["message"],
        format!(
            "Too large resource version: 999, current: {}",
            server.resource_version()
        )
    );

    let by_name = get_ok(&server, "/api/v1/pods?fieldSelector=metadata.name%3Done").await;
    assert_eq!(item_names(&by_name), vec!["a/one", "b/one"]);
    let by_both = get_ok(
        &server,
        "/api/v1/pods?fieldSelector=metadata.name%3Done,metadata.namespace%3Db",
    )
    .await;
    assert_eq!(item_names(&by_both), vec!["b/one"]);
    let labelled = get_ok(&server, "/api/v1/pods?labelSelector=app%3Done").await;
    assert_eq!(item_names(&labelled), vec!["a/one", "b/one"]);
    let set = get_ok(
        &server,
        "/api/v1/pods?labelSelector=app%20in%20(two,three),app",
    )
    .await;
    assert_eq!(item_names(&set), vec!["a/two"]);
    let none = get_ok(&server, "/api/v1/pods?labelSelector=app%3Dnothing").await;
    assert!(item_names(&none).is_empty());
    // Filtered pages carry no remainingItemCount, as on the real server.
    let page = get_ok(&server, "/api/v1/pods?labelSelector=app&limit=1").await;
    assert_eq!(item_names(&page), vec!["a/one"]);
    assert!(page["metadata"].get("remainingItemCount").is_none());
    assert!(page["metadata"]["continue"].is_string());
    let (code, body) = get(&server, "/api/v1/pods?labelSelector=app%20in%20one", None).await;
    assert_eq!((code, body["reason"].as_str()), (400, Some("BadRequest")));

    let (code, body) = get(&server, "/api/v1/pods?limit=abc", None).await;
    assert_eq!((code, body["reason"].as_str()), (400, Some("BadRequest")));
}

#[tokio::test]
async fn watch_from_a_resource_version_gets_exactly_the_later_events_in_order() {
    let server = TestApiServer::start().await;
    server.apply(pod("default", "a"));
    server.apply(pod("default", "b"));
    let from = server.resource_version();
    let rv_c = server.apply(pod("default", "c"));
    server.apply(configmap("default", "not-a-pod"));
    server.apply(pod("other", "elsewhere"));
    let rv_a = server.apply(pod("default", "a"));
    assert!(server.delete("v1", "Pod", Some("default"), "b"));
    let rv_b = server.resource_version();

    let mut watch = Watch::open(
        &server,
        &format!("/api/v1/namespaces/default/pods?watch=1&resourceVersion={from}"),
        None,
    )
    .await;
    assert_eq!(watch.status, 200);
    let replayed = [
        watch.event().await,
        watch.event().await,
        watch.event().await,
    ];
    assert_eq!(
        replayed.iter().map(summary).collect::<Vec<_>>(),
        vec![
            ("ADDED".into(), "default/c".into(), rv_c),
            ("MODIFIED".into(), "default/a".into(), rv_a),
            ("DELETED".into(), "default/b".into(), rv_b),
        ]
    );
    // Watch events carry kind and apiVersion and the whole object.
    assert_eq!(
        (
            replayed[0]["object"]["kind"].as_str(),
            replayed[0]["object"]["apiVersion"].as_str()
        ),
        (Some("Pod"), Some("v1"))
    );
    assert_eq!(
        replayed[0]["object"]["spec"]["containers"][0]["image"],
        "nginx:1.27"
    );
    assert!(
        matches!(watch.next(Duration::from_millis(200)).await, Next::Silent),
        "no further events"
    );

    // Live events follow, only for this resource and namespace.
    server.apply(pod("other", "skipped"));
    server.apply(configmap("default", "skipped"));
    let rv_d = server.apply(pod("default", "d"));
    assert_eq!(
        summary(&watch.event().await),
        ("ADDED".into(), "default/d".into(), rv_d)
    );
    assert!(matches!(
        watch.next(Duration::from_millis(200)).await,
        Next::Silent
    ));

    // All namespaces, from the same revision: the other namespace's pods too.
    let mut all = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=true&resourceVersion={from}"),
        None,
    )
    .await;
    let mut names = Vec::new();
    for _ in 0..6 {
        names.push(summary(&all.event().await).1);
    }
    assert_eq!(
        names,
        vec![
            "default/c",
            "other/elsewhere",
            "default/a",
            "default/b",
            "other/skipped",
            "default/d"
        ]
    );
    assert!(matches!(
        all.next(Duration::from_millis(200)).await,
        Next::Silent
    ));
}

#[tokio::test]
async fn watch_without_resource_version_starts_with_the_current_objects() {
    let server = TestApiServer::start().await;
    server.apply(pod("ns", "x"));
    server.apply(pod("ns", "y"));
    server.delete("v1", "Pod", Some("ns"), "x");
    let mut watch = Watch::open(&server, "/api/v1/pods?watch=1", None).await;
    assert_eq!(summary(&watch.event().await).0, "ADDED");
    assert!(matches!(
        watch.next(Duration::from_millis(200)).await,
        Next::Silent
    ));

    // A single object by field selector, as kube-rs watches one object.
    let mut one = Watch::open(
        &server,
        "/api/v1/namespaces/ns/pods?watch=1&fieldSelector=metadata.name%3Dz&resourceVersion=0",
        None,
    )
    .await;
    server.apply(pod("ns", "y"));
    let rv = server.apply(pod("ns", "z"));
    assert_eq!(
        summary(&one.event().await),
        ("ADDED".into(), "ns/z".into(), rv.clone())
    );

    // The deprecated form: `?watch=1` on the object's own path.
    let mut by_path = Watch::open(
        &server,
        &format!("/api/v1/namespaces/ns/pods/z?watch=1&resourceVersion={rv}"),
        None,
    )
    .await;
    server.apply(pod("ns", "y"));
    let rv = server.apply(pod("ns", "z"));
    assert_eq!(
        summary(&by_path.event().await),
        ("MODIFIED".into(), "ns/z".into(), rv)
    );
}

#[tokio::test]
async fn bookmarks_arrive_with_the_current_revision() {
    let server = TestApiServer::start().await;
    server.set_bookmark_interval(Duration::from_millis(50));
    let from = server.apply(pod("default", "a"));
    let mut with = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion={from}"),
        None,
    )
    .await;
    let mut without = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=1&resourceVersion={from}"),
        None,
    )
    .await;
    wait_until(|| server.open_watches() == 2).await;
    // Changes to other types move the revision; the bookmark carries it.
    server.apply(configmap("default", "c"));
    let current = server.resource_version();
    let bookmark = loop {
        let event = with.event().await;
        assert_eq!(event["type"], "BOOKMARK");
        if event["object"]["metadata"]["resourceVersion"] == current.as_str() {
            break event;
        }
    };
    assert_eq!(
        bookmark["object"],
        json!({"kind": "Pod", "apiVersion": "v1", "metadata": {"resourceVersion": current}})
    );
    assert!(
        matches!(without.next(Duration::from_millis(300)).await, Next::Silent),
        "bookmarks only when asked"
    );
    let rv = server.apply(pod("default", "b"));
    assert_eq!(
        summary(&without.event().await),
        ("ADDED".into(), "default/b".into(), rv.clone())
    );
    assert_eq!(
        summary(&with.change().await),
        ("ADDED".into(), "default/b".into(), rv)
    );
}

#[tokio::test]
async fn send_initial_events_ends_with_an_annotated_bookmark() {
    let server = TestApiServer::start().await;
    server.apply(pod("default", "a"));
    let rv = server.apply(pod("default", "b"));
    let path = "/api/v1/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true";
    let mut watch = Watch::open(&server, path, None).await;
    assert_eq!(summary(&watch.event().await).1, "default/a");
    assert_eq!(summary(&watch.event().await).1, "default/b");
    let end = watch.event().await;
    assert_eq!(end["type"], "BOOKMARK");
    assert_eq!(
        end["object"]["metadata"],
        json!({"resourceVersion": rv, "annotations": {"k8s.io/initial-events-end": "true"}})
    );
    let (code, body) = get(&server, "/api/v1/pods?watch=1&sendInitialEvents=true", None).await;
    assert_eq!((code, body["reason"].as_str()), (422, Some("Invalid")));
}

#[tokio::test]
async fn compact_gives_410_to_old_watches_and_stale_continue_tokens() {
    let server = TestApiServer::start().await;
    for i in 0..5 {
        server.apply(pod("default", &format!("p{i}")));
    }
    let old = server.resource_version();
    let page = get_ok(&server, "/api/v1/pods?limit=2").await;
    let token = page["metadata"]["continue"].as_str().unwrap().to_string();
    server.apply(pod("default", "p9"));
    server.compact();
    let compacted: u64 = server.resource_version().parse().unwrap();
    assert_eq!(
        compacted,
        old.parse::<u64>().unwrap() + 2,
        "the compaction itself takes a revision"
    );

    // Watch: 200, one ERROR event with a 410 Expired Status, then the end of the stream.
    let mut watch = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=1&resourceVersion={old}"),
        None,
    )
    .await;
    assert_eq!(watch.status, 200);
    assert_eq!(
        watch.event().await,
        json!({"type": "ERROR", "object": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
               "message": format!("too old resource version: {old} ({compacted})"), "reason": "Expired", "code": 410}})
    );
    assert!(matches!(
        watch.next(Duration::from_secs(1)).await,
        Next::End
    ));
    assert_eq!(server.open_watches(), 0);

    // Continue token minted before the compaction.
    let (code, body) = get(
        &server,
        &format!("/api/v1/pods?limit=2&continue={token}"),
        None,
    )
    .await;
    assert_eq!(
        (code, body["reason"].as_str(), body["code"].as_u64()),
        (410, Some("Expired"), Some(410))
    );
    assert!(body["message"]
        .as_str()
        .unwrap()
        .starts_with("The provided continue parameter is too old"));

    // An exact list at an old revision.
    let (code, body) = get(
        &server,
        &format!("/api/v1/pods?resourceVersion={old}&resourceVersionMatch=Exact"),
        None,
    )
    .await;
    assert_eq!(
        (code, body["message"].as_str()),
        (
            410,
            Some(format!("too old resource version: {old} ({compacted})").as_str())
        )
    );

    // From the compacted revision on, all is served again.
    let fresh = get_ok(&server, "/api/v1/pods?limit=2").await;
    let token = fresh["metadata"]["continue"].as_str().unwrap();
    let rest = get_ok(&server, &format!("/api/v1/pods?limit=10&continue={token}")).await;
    assert_eq!(item_names(&fresh).len() + item_names(&rest).len(), 6);
    let mut current = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=1&resourceVersion={compacted}"),
        None,
    )
    .await;
    let rv = server.apply(pod("default", "after"));
    assert_eq!(
        summary(&current.event().await),
        ("ADDED".into(), "default/after".into(), rv)
    );
}

#[tokio::test]
async fn forbidden_resources_get_a_403_status() {
    let server = TestApiServer::start().await;
    server.forbid_cluster_scope("", "secrets");
    let (code, body) = get(&server, "/api/v1/secrets", None).await;
    assert_eq!(code, 403);
    assert_eq!(
        body,
        json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
               "message": "secrets is forbidden: User \"test\" cannot list resource \"secrets\" in API group \"\" at the cluster scope",
               "reason": "Forbidden", "details": {"kind": "secrets"}, "code": 403})
    );
    let (code, body) = get(&server, "/api/v1/secrets?watch=1", None).await;
    assert_eq!(code, 403);
    assert_eq!(body["message"], "secrets is forbidden: User \"test\" cannot watch resource \"secrets\" in API group \"\" at the cluster scope");
    // Per namespace it is allowed.
    let (code, _) = get(&server, "/api/v1/namespaces/default/secrets", None).await;
    assert_eq!(code, 200);

    server.forbid_everywhere("apps", "deployments");
    let (code, body) = get(&server, "/apis/apps/v1/namespaces/team/deployments", None).await;
    assert_eq!(code, 403);
    assert_eq!(body["message"], "deployments.apps is forbidden: User \"test\" cannot list resource \"deployments\" in API group \"apps\" in the namespace \"team\"");
    assert_eq!(
        body["details"],
        json!({"kind": "deployments", "group": "apps"})
    );
    // Other resources are untouched.
    let (code, _) = get(&server, "/apis/apps/v1/replicasets", None).await;
    assert_eq!(code, 200);
    server.allow("apps", "deployments");
    let (code, _) = get(&server, "/apis/apps/v1/deployments", None).await;
    assert_eq!(code, 200);
}

#[tokio::test]
async fn metadata_only_responses_hold_no_data_or_spec() {
    let server = TestApiServer::start().await;
    let secret = json!({"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
        "metadata": {"name": "db", "namespace": "default", "labels": {"app": "db"}},
        "data": {"password": "c2VjcmV0LXZhbHVl"}});
    server.apply(secret);
    let response = request(
        &server,
        "/api/v1/secrets",
        Some(METADATA_LIST),
        Some(TestApiServer::TOKEN),
    )
    .await;
    let text = response.text().await.unwrap();
    assert!(
        !text.contains("c2VjcmV0LXZhbHVl")
            && !text.contains("\"data\"")
            && !text.contains("Opaque"),
        "{text}"
    );
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (list["kind"].as_str(), list["apiVersion"].as_str()),
        (Some("PartialObjectMetadataList"), Some("meta.k8s.io/v1"))
    );
    let item = &list["items"][0];
    assert_eq!(
        item.as_object().unwrap().keys().collect::<Vec<_>>(),
        vec!["apiVersion", "kind", "metadata"]
    );
    assert_eq!(
        (item["kind"].as_str(), item["apiVersion"].as_str()),
        (Some("PartialObjectMetadata"), Some("meta.k8s.io/v1"))
    );
    assert_eq!(item["metadata"]["labels"], json!({"app": "db"}));

    let (_, one) = get(
        &server,
        "/api/v1/namespaces/default/secrets/db",
        Some(METADATA),
    )
    .await;
    assert_eq!(
        one.as_object().unwrap().keys().collect::<Vec<_>>(),
        vec!["apiVersion", "kind", "metadata"]
    );

    let mut watch = Watch::open(
        &server,
        "/api/v1/secrets?watch=1&allowWatchBookmarks=true&resourceVersion=0",
        Some(METADATA),
    )
    .await;
    let added = watch.event().await;
    assert_eq!(
        added["object"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        vec!["apiVersion", "kind", "metadata"]
    );
    server.set_bookmark_interval(Duration::from_millis(20));
    let bookmark = watch.event().await;
    assert_eq!(bookmark["object"]["kind"], "PartialObjectMetadata");

    // The single-object form on a list is refused, as the real server refuses it.
    let (code, body) = get(&server, "/api/v1/secrets", Some(METADATA)).await;
    assert_eq!(
        (code, body["reason"].as_str()),
        (406, Some("NotAcceptable"))
    );

    // Pods too: no spec.
    server.apply(pod("default", "p"));
    let (_, pods) = get(&server, "/api/v1/pods", Some(METADATA_LIST)).await;
    assert!(pods["items"][0].get("spec").is_none());
    let recorded: Vec<Option<String>> = server
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/secrets")
        .map(|r| r.accept.clone())
        .collect();
    assert_eq!(
        recorded,
        vec![
            Some(METADATA_LIST.to_string()),
            Some(METADATA.to_string()),
            Some(METADATA.to_string())
        ]
    );
}

#[tokio::test]
async fn dropped_watches_end_the_stream() {
    let server = TestApiServer::start().await;
    let mut pods = Watch::open(&server, "/api/v1/pods?watch=1", None).await;
    let mut deployments = Watch::open(
        &server,
        "/apis/apps/v1/namespaces/x/deployments?watch=1&resourceVersion=0",
        None,
    )
    .await;
    wait_until(|| server.open_watches() == 2).await;
    server.drop_watches();
    assert_eq!(server.open_watches(), 0);
    for watch in [&mut pods, &mut deployments] {
        match watch.next(Duration::from_secs(2)).await {
            Next::Broken => {}
            other => panic!("expected a broken connection, got {other:?}"),
        }
    }
    // Cut mid-event: half a line arrives, then the connection breaks.
    let mut cut = Watch::open(&server, "/api/v1/pods?watch=1", None).await;
    wait_until(|| server.open_watches() == 1).await;
    server.drop_watches_mid_event();
    assert!(matches!(
        cut.next(Duration::from_secs(2)).await,
        Next::Broken
    ));
    assert!(
        cut.pending().starts_with(b"{\"type\":\"BOOKMARK\""),
        "{:?}",
        String::from_utf8_lossy(cut.pending())
    );
    assert!(!cut.pending().contains(&b'\n'));
    assert_eq!(server.open_watches(), 0);
    // New watches work after the drop.
    let mut again = Watch::open(&server, "/api/v1/pods?watch=1", None).await;
    wait_until(|| server.open_watches() == 1).await;
    let rv = server.apply(pod("default", "p"));
    assert_eq!(
        summary(&again.event().await),
        ("ADDED".into(), "default/p".into(), rv)
    );
}

#[tokio::test]
async fn watch_timeout_ends_the_stream_cleanly() {
    let server = TestApiServer::start().await;
    let started = std::time::Instant::now();
    let mut watch = Watch::open(&server, "/api/v1/pods?watch=1&timeoutSeconds=1", None).await;
    assert!(matches!(
        watch.next(Duration::from_secs(3)).await,
        Next::End
    ));
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
    wait_until(|| server.open_watches() == 0).await;
}

#[tokio::test]
async fn kubeconfig_points_at_the_server_with_the_token() {
    let server = TestApiServer::start().await;
    let config: Value = serde_yaml_ng::from_str(&server.kubeconfig("test-ctx")).unwrap();
    assert_eq!(config["current-context"], "test-ctx");
    assert_eq!(
        config["clusters"][0],
        json!({"name": "test-ctx", "cluster": {"server": server.url()}})
    );
    assert_eq!(
        config["users"][0],
        json!({"name": "test-ctx", "user": {"token": TestApiServer::TOKEN}})
    );
    assert_eq!(
        config["contexts"][0],
        json!({"name": "test-ctx", "context": {"cluster": "test-ctx", "user": "test-ctx"}})
    );
    let token = config["users"][0]["user"]["token"].as_str().unwrap();
    let response = reqwest::Client::new()
        .get(format!(
            "{}/version",
            config["clusters"][0]["cluster"]["server"].as_str().unwrap()
        ))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    // Names that YAML would misread stay strings.
    let odd: Value = serde_yaml_ng::from_str(&server.kubeconfig("yes: no")).unwrap();
    assert_eq!(odd["current-context"], "yes: no");
}

#[tokio::test]
async fn requests_are_recorded_in_order() {
    let server = TestApiServer::start().await;
    get(
        &server,
        "/api/v1/namespaces/default/configmaps?limit=5",
        Some("application/json"),
    )
    .await;
    request(&server, "/apis", None, None).await;
    let recorded = server.requests();
    assert_eq!(recorded.len(), 2);
    assert_eq!(
        (
            recorded[0].method.as_str(),
            recorded[0].path.as_str(),
            recorded[0].query.as_str(),
            recorded[0].accept.as_deref()
        ),
        (
            "GET",
            "/api/v1/namespaces/default/configmaps",
            "limit=5",
            Some("application/json")
        )
    );
    assert_eq!(
        (
            recorded[1].path.as_str(),
            recorded[1].query.as_str(),
            recorded[1].accept.as_deref()
        ),
        ("/apis", "", Some("*/*")),
        "reqwest sends Accept: */* by default"
    );
}

#[tokio::test]
async fn writes_over_http_are_refused() {
    let server = TestApiServer::start().await;
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/namespaces/default/pods", server.url()))
        .bearer_auth(TestApiServer::TOKEN)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["reason"], "MethodNotAllowed");
}

#[tokio::test]
async fn failing_resources_answer_with_the_real_status() {
    let server = TestApiServer::start().await;
    server.fail_resource("apps", "daemonsets", 503);
    server.fail_resource("", "endpoints", 404);
    let (code, body) = get(&server, "/apis/apps/v1/daemonsets", None).await;
    assert_eq!(
        (code, body["reason"].as_str(), body["message"].as_str()),
        (
            503,
            Some("ServiceUnavailable"),
            Some("the server is currently unable to handle the request")
        )
    );
    let (code, _) = get(
        &server,
        "/apis/apps/v1/namespaces/x/daemonsets?watch=1",
        None,
    )
    .await;
    assert_eq!(code, 503);
    let (code, body) = get(&server, "/api/v1/endpoints", None).await;
    assert_eq!(
        (code, body["message"].as_str()),
        (
            404,
            Some("the server could not find the requested resource")
        )
    );
    // Discovery still offers them, as when a backend is down.
    let apps = get_ok(&server, "/apis/apps/v1").await;
    assert!(apps["resources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "daemonsets"));
    // Neighbours are unaffected; `allow` restores.
    let (code, _) = get(&server, "/apis/apps/v1/deployments", None).await;
    assert_eq!(code, 200);
    server.allow("apps", "daemonsets");
    let (code, _) = get(&server, "/apis/apps/v1/daemonsets", None).await;
    assert_eq!(code, 200);
}

#[tokio::test]
async fn one_kubeconfig_for_several_servers() {
    let (a, b) = (TestApiServer::start().await, TestApiServer::start().await);
    assert_ne!(a.url(), b.url());
    let text = TestApiServer::kubeconfig_for(&[("east", &a), ("west", &b)], "west");
    let config: Value = serde_yaml_ng::from_str(&text).unwrap();
    assert_eq!(config["current-context"], "west");
    assert_eq!(
        config["clusters"],
        json!([{"name": "east", "cluster": {"server": a.url()}}, {"name": "west", "cluster": {"server": b.url()}}])
    );
    assert_eq!(
        config["contexts"],
        json!([{"name": "east", "context": {"cluster": "east", "user": "east"}},
               {"name": "west", "context": {"cluster": "west", "user": "west"}}])
    );
    // Each server has its own objects.
    a.apply(pod("default", "only-in-east"));
    assert_eq!(
        item_names(&get_ok(&a, "/api/v1/pods").await),
        vec!["default/only-in-east"]
    );
    assert!(item_names(&get_ok(&b, "/api/v1/pods").await).is_empty());
}

fn tiered(name: &str, tier: &str) -> Value {
    let mut object = pod("default", name);
    object["metadata"]["labels"]["tier"] = json!(tier);
    object
}

#[tokio::test]
async fn label_selected_watches_see_objects_enter_and_leave() {
    let server = TestApiServer::start().await;
    // Revision "0" means "any" to a watch, not "from the beginning": start from a real one.
    let from = server.apply(configmap("default", "first"));
    let mut live = Watch::open(
        &server,
        "/api/v1/pods?watch=1&labelSelector=tier%3Dweb",
        None,
    )
    .await;
    wait_until(|| server.open_watches() == 1).await;
    server.apply(tiered("p", "db"));
    let entered = server.apply(tiered("p", "web"));
    let changed = server.apply(tiered("p", "web"));
    let left = server.apply(tiered("p", "db"));
    server.delete("v1", "Pod", Some("default"), "p");
    let back = server.apply(tiered("p", "web"));
    let gone = {
        server.delete("v1", "Pod", Some("default"), "p");
        server.resource_version()
    };
    let expected = vec![
        ("ADDED".to_string(), "default/p".to_string(), entered),
        ("MODIFIED".into(), "default/p".into(), changed),
        ("DELETED".into(), "default/p".into(), left),
        ("ADDED".into(), "default/p".into(), back),
        ("DELETED".into(), "default/p".into(), gone),
    ];
    let mut seen = Vec::new();
    for _ in 0..expected.len() {
        seen.push(summary(&live.event().await));
    }
    assert_eq!(seen, expected);
    assert!(matches!(
        live.next(Duration::from_millis(200)).await,
        Next::Silent
    ));
    // A replay from before the changes tells the same story.
    let mut replay = Watch::open(
        &server,
        &format!("/api/v1/pods?watch=1&labelSelector=tier%3Dweb&resourceVersion={from}"),
        None,
    )
    .await;
    let mut replayed = Vec::new();
    for _ in 0..expected.len() {
        replayed.push(summary(&replay.event().await));
    }
    assert_eq!(replayed, expected);
}

/// Lists over 128 KiB are gzipped for a client that accepts it, as the API server does; small
/// lists, clients that do not ask, and watch streams are not.
#[tokio::test]
async fn large_lists_are_gzipped_when_asked_and_watches_never() {
    let server = TestApiServer::start().await;
    server.apply(configmap("small", "one"));
    for i in 0..400 {
        let mut cm = configmap("big", &format!("cm-{i}"));
        cm["data"]["key"] = json!("x".repeat(512));
        server.apply(cm);
    }
    let fetch = |path: &'static str, gzip: bool| {
        let mut request = reqwest::Client::new()
            .get(format!("{}{path}", server.url()))
            .bearer_auth(TestApiServer::TOKEN);
        if gzip {
            request = request.header("Accept-Encoding", "gzip");
        }
        request.send()
    };
    let encoding = |r: &reqwest::Response| {
        r.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let big = fetch("/api/v1/namespaces/big/configmaps", true)
        .await
        .unwrap();
    assert_eq!(encoding(&big).as_deref(), Some("gzip"));
    let compressed = big.bytes().await.unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&compressed[..]),
        &mut text,
    )
    .unwrap();
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 400);
    assert!(
        compressed.len() * 10 < text.len(),
        "compressed {} of {}",
        compressed.len(),
        text.len()
    );

    let plain = fetch("/api/v1/namespaces/big/configmaps", false)
        .await
        .unwrap();
    assert_eq!(encoding(&plain), None);
    let small = fetch("/api/v1/namespaces/small/configmaps", true)
        .await
        .unwrap();
    assert_eq!(encoding(&small), None);
    let watch = fetch("/api/v1/namespaces/big/configmaps?watch=true", true)
        .await
        .unwrap();
    assert_eq!(watch.status().as_u16(), 200);
    assert_eq!(encoding(&watch), None);
}
