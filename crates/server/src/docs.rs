//! `/api/docs`: the OpenAPI document as a page people read: each route with its parameters and
//! responses, each schema with its fields. Rendered here, so the page needs no script.

use axum::response::Html;
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::{OpenApi, RefOr, Schema};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn schema_name(s: &RefOr<Schema>) -> String {
    match s {
        RefOr::Ref(r) => {
            let name = r.ref_location.rsplit('/').next().unwrap_or("");
            format!("<a href=\"#schema-{0}\">{0}</a>", esc(name))
        }
        RefOr::T(Schema::Array(a)) => match &a.items {
            utoipa::openapi::schema::ArrayItems::RefOrSchema(item) => {
                format!("array of {}", schema_name(item))
            }
            _ => "array".into(),
        },
        RefOr::T(Schema::Object(o)) => match &o.schema_type {
            t @ utoipa::openapi::schema::SchemaType::Type(_) => serde_json::to_value(t)
                .ok()
                .and_then(|v| v.as_str().map(esc))
                .unwrap_or_else(|| "value".into()),
            _ => "value".into(),
        },
        RefOr::T(_) => "value".into(),
    }
}

/// The page.
pub fn page(doc: &OpenApi) -> Html<String> {
    let mut h = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>kubegraph API</title>\
         <link rel=\"stylesheet\" href=\"/assets/docs.css\"></head><body><main>",
    );
    h.push_str(&format!(
        "<h1>{} API</h1><p>{}</p><p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI {}).</p>",
        esc(&doc.info.title),
        esc(doc.info.description.as_deref().unwrap_or("")),
        serde_json::to_value(&doc.openapi)
            .ok()
            .and_then(|v| v.as_str().map(esc))
            .unwrap_or_default(),
    ));
    h.push_str("<h2>Routes</h2>");
    for (path, item) in &doc.paths.paths {
        let Some(op) = &item.get else { continue };
        h.push_str(&format!("<section><h3><code>GET {}</code></h3>", esc(path)));
        if let Some(d) = op.description.as_ref().or(op.summary.as_ref()) {
            h.push_str(&format!("<p>{}</p>", esc(d)));
        }
        if let Some(params) = &op.parameters {
            h.push_str(
                "<table><tr><th>parameter</th><th>in</th><th>required</th><th>what</th></tr>",
            );
            for p in params {
                let place = match p.parameter_in {
                    ParameterIn::Path => "path",
                    ParameterIn::Query => "query",
                    ParameterIn::Header => "header",
                    ParameterIn::Cookie => "cookie",
                };
                h.push_str(&format!(
                    "<tr><td><code>{}</code></td><td>{place}</td><td>{}</td><td>{}</td></tr>",
                    esc(&p.name),
                    matches!(p.required, utoipa::openapi::Required::True),
                    esc(p.description.as_deref().unwrap_or(""))
                ));
            }
            h.push_str("</table>");
        }
        h.push_str("<ul>");
        for (status, r) in &op.responses.responses {
            let (desc, body) = match r {
                RefOr::T(r) => (
                    r.description.clone(),
                    r.content
                        .values()
                        .next()
                        .and_then(|c| c.schema.as_ref())
                        .map(schema_name)
                        .unwrap_or_default(),
                ),
                RefOr::Ref(_) => (String::new(), String::new()),
            };
            h.push_str(&format!(
                "<li><b>{}</b> {} {}</li>",
                esc(status),
                esc(&desc),
                body
            ));
        }
        h.push_str("</ul></section>");
    }
    if let Some(components) = &doc.components {
        h.push_str("<h2>Schemas</h2>");
        for (name, schema) in &components.schemas {
            h.push_str(&format!(
                "<section id=\"schema-{0}\"><h3>{0}</h3>",
                esc(name)
            ));
            if let RefOr::T(Schema::Object(o)) = schema {
                if let Some(d) = &o.description {
                    h.push_str(&format!("<p>{}</p>", esc(d)));
                }
                h.push_str("<table><tr><th>field</th><th>type</th><th>what</th></tr>");
                for (field, s) in &o.properties {
                    let what = match s {
                        RefOr::T(Schema::Object(f)) => f.description.clone().unwrap_or_default(),
                        _ => String::new(),
                    };
                    h.push_str(&format!(
                        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                        esc(field),
                        schema_name(s),
                        esc(&what)
                    ));
                }
                h.push_str("</table>");
            }
            h.push_str("</section>");
        }
    }
    h.push_str("</main></body></html>");
    Html(h)
}
