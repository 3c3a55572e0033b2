//! The API over real HTTP on the demo and on fixtures: every route of the OpenAPI document
//! answers with JSON of its documented shape; errors have one shape; the document is valid
//! OpenAPI by a real validator.

mod common;

use common::{demo_routes, serve};
use kubegraph_app::Source;
use serde_json::Value;

async fn get(url: &str) -> (u16, Value) {
    let r = reqwest::get(url).await.expect("answers");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_of_the_openapi_document_answers_on_the_demo() {
    let s = serve(Source::Demo).await;
    let (status, doc) = get(&s.url("/api/v1/openapi.json")).await;
    assert_eq!(status, 200);
    let routes = demo_routes(&doc);
    assert!(routes.len() >= 11, "{routes:?}");
    for route in routes {
        if route.starts_with("/api/v1/events") {
            // A stream: its headers say so; the feed has its own tests.
            let r = reqwest::get(s.url(&route)).await.unwrap();
            assert_eq!(r.status(), 200);
            assert_eq!(r.headers()["content-type"], "text/event-stream");
            continue;
        }
        let (status, body) = get(&s.url(&route)).await;
        assert_eq!(status, 200, "{route}: {body}");
        assert!(body.is_object() || body.is_array(), "{route}: {body}");
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_are_the_applications() {
    let s = serve(Source::Demo).await;
    let (_, stats) = get(&s.url("/api/v1/stats")).await;
    assert_eq!(
        (
            stats["objects"].as_u64(),
            stats["nodes"].as_u64(),
            stats["edges"].as_u64()
        ),
        (Some(126), Some(159), Some(560))
    );
    let (_, found) = get(&s.url("/api/v1/search?q=is(pod)%20and%20health%20%3D%20error")).await;
    let mut names: Vec<&str> = found["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "grafana-59d8c7b6f4-7wq2s",
            "payments-api-7c9d5f6b48-q8wzx",
            "recommendations-8d7f6b5c4-n5zrb"
        ]
    );
    let (_, why) =
        get(&s.url("/api/v1/why/demo%2Fapps%2FDeployment%2Fpayments%2Fpayments-api")).await;
    let causes: Vec<&str> = why["explanations"][0]["root_causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(causes, ["demo/core/Secret/payments/payments-api-token"]);
    let (_, node) =
        get(&s.url("/api/v1/nodes/demo%2Fcore%2FPod%2Fshop%2Frecommendations-8d7f6b5c4-n5zrb"))
            .await;
    assert_eq!(node["state"], "error");
    assert!(
        node["reason"]
            .as_str()
            .unwrap()
            .contains("CrashLoopBackOff"),
        "{}",
        node["reason"]
    );
    assert!(node["yaml"]
        .as_str()
        .unwrap()
        .starts_with("apiVersion: v1\n"));
    let kinds: std::collections::BTreeSet<&str> = node["out_edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains("runs_on") && kinds.contains("contains"),
        "{kinds:?}"
    );
    let (_, done) = get(&s.url("/api/v1/complete?q=is(dep&pos=6")).await;
    assert_eq!(
        (done["from"].as_u64(), done["to"].as_u64()),
        (Some(3), Some(6))
    );
    let words: Vec<(&str, &str)> = done["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["text"].as_str().unwrap(), i["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        words,
        [
            ("deploy", "kind"),
            ("deployment", "kind"),
            ("deployments", "kind")
        ]
    );
    let (_, ns) = get(&s.url("/api/v1/complete?q=namespace%20%3D%20pay")).await;
    assert_eq!(ns["items"][0]["text"], "payments");
    let (status, reach) = get(&s.url("/api/v1/reach?src=demo%2Fapps%2FDeployment%2Fshop%2Fstorefront&dst=demo%2Fapps%2FDeployment%2Fshop%2Fcart")).await;
    assert_eq!(status, 200, "{reach}");
    assert_eq!(reach["pairs"].as_array().unwrap().len(), 1);
    assert!(
        reach["pairs"][0]["src"]
            .as_str()
            .unwrap()
            .starts_with("shop/storefront"),
        "{reach}"
    );
    let (status, bad_port) = get(&s.url("/api/v1/reach?src=shop/x&dst=shop/y&port=http")).await;
    assert_eq!(status, 400);
    assert!(bad_port["error"]["message"]
        .as_str()
        .unwrap()
        .contains("write a port number"));
    let (_, graph) = get(&s.url("/api/v1/graph?problems=true")).await;
    assert!(graph["nodes"].as_array().unwrap().iter().any(|n| n["id"]
        == "demo/core/Secret/payments/payments-api-token"
        && n["root_cause"] == true));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_have_one_shape_with_the_place_and_a_hint() {
    let s = serve(Source::Demo).await;
    let (status, bad) = get(&s.url("/api/v1/search?q=is(pod)%20and%20(")).await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["status"], 400);
    assert_eq!(
        bad["error"]["message"],
        "expected a filter, found end of query"
    );
    assert_eq!(bad["error"]["span"]["start"], 13);
    assert_eq!(
        bad["error"]["rendered"],
        "is(pod) and (\n             ^ expected a filter, found end of query"
    );
    let (status, typo) = get(&s.url("/api/v1/search?q=is(deploymnet)")).await;
    assert_eq!(status, 400);
    assert!(
        typo["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("deployment"),
        "{typo}"
    );
    let (status, missing) = get(&s.url("/api/v1/nodes/demo%2Fcore%2FPod%2Fshop%2Fnope")).await;
    assert_eq!(status, 404);
    assert!(missing["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("cluster/group/Kind/namespace/name"));
    let (status, route) = get(&s.url("/api/v2/nothing")).await;
    assert_eq!(status, 404);
    assert!(route["error"]["message"]
        .as_str()
        .unwrap()
        .contains("/api/docs"));
    let (status, grouping) = get(&s.url("/api/v1/graph?group=planet")).await;
    assert_eq!(status, 400);
    assert_eq!(
        grouping["error"]["message"],
        "unknown grouping `planet` (use namespace, cluster, node or app)"
    );
    let (status, view) =
        get(&s.url("/api/v1/show/config/demo%2Fcore%2FService%2Fshop%2Fcart")).await;
    assert_eq!(status, 400);
    assert!(view["error"]["message"]
        .as_str()
        .unwrap()
        .contains("has no pod spec"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn fixtures_are_served_as_the_cli_reads_them() {
    let fixtures = kubegraph_fixtures::path("microservices-demo");
    let s = serve(Source::Files {
        paths: vec![fixtures],
        default_namespace: "default".into(),
        cluster: None,
    })
    .await;
    let (_, clusters) = get(&s.url("/api/v1/clusters")).await;
    assert_eq!(clusters["source"]["kind"], "files");
    assert_eq!(clusters["clusters"][0]["name"], "microservices-demo");
    let (_, graph) = get(&s.url("/api/v1/graph")).await;
    let deployments = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "Deployment")
        .count();
    assert_eq!(deployments, 12);
    s.stop().await;
}

/// The document checked by `openapi-spec-validator` (PyPI), when it is installed; `.ci/run`
/// installs it and sets KUBEGRAPH_REQUIRE_VALIDATOR.
#[test]
fn the_openapi_document_is_valid_openapi() {
    let doc = serde_json::to_string_pretty(&kubegraph_server::openapi()).unwrap();
    let dir = std::env::temp_dir().join(format!("kubegraph-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("openapi.json");
    std::fs::write(&file, &doc).unwrap();
    let run = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output();
    let required = std::env::var_os("KUBEGRAPH_REQUIRE_VALIDATOR").is_some();
    match run {
        Ok(o) if String::from_utf8_lossy(&o.stderr).contains("No module named") && !required => {
            eprintln!("skipped: openapi-spec-validator is not installed (pip install openapi-spec-validator)");
        }
        Ok(o) => assert!(
            o.status.success(),
            "openapi-spec-validator: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) if !required => eprintln!("skipped: no python3 ({e})"),
        Err(e) => panic!("python3: {e}"),
    }
    let v: Value = serde_json::from_str(&doc).unwrap();
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    assert!(v["components"]["schemas"]["Topology"].is_object());
}
