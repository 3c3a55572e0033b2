//! A first check that relations are derived at all: a service selects the deployment of its
//! namespace by its pod template, and not the one of another namespace.

use kubegraph_fixtures::{edges, graph};
use kubegraph_model::EdgeKind;

#[test]
fn service_selects_deployment_template_not_other_namespace() {
    let g = graph(
        r#"
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: other}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
"#,
    );
    assert_eq!(
        edges(&g, EdgeKind::Selects),
        ["Service:shop/web -> apps/Deployment:shop/web"]
    );
}
