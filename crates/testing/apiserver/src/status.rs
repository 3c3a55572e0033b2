//! `Status` bodies, with the messages and reasons the real API server uses, so clients'
//! error handling is exercised on what they will meet.

use serde_json::{json, Value};

pub(crate) fn status(code: u16, reason: &str, message: &str, details: Option<Value>) -> Value {
    let mut status = json!({
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
        "reason": reason,
        "code": code,
    });
    if let Some(details) = details {
        status["details"] = details;
    }
    status
}

/// `pods` for the core group, `deployments.apps` otherwise: how messages name a resource.
pub(crate) fn qualified(group: &str, plural: &str) -> String {
    if group.is_empty() {
        plural.to_string()
    } else {
        format!("{plural}.{group}")
    }
}

fn details(group: &str, plural: &str, name: Option<&str>) -> Value {
    let mut details = json!({"kind": plural});
    if !group.is_empty() {
        details["group"] = json!(group);
    }
    if let Some(name) = name {
        details["name"] = json!(name);
    }
    details
}

pub(crate) fn unauthorized() -> Value {
    status(401, "Unauthorized", "Unauthorized", None)
}

pub(crate) fn forbidden(verb: &str, group: &str, plural: &str, namespace: Option<&str>) -> Value {
    let scope = match namespace {
        Some(ns) => format!("in the namespace \"{ns}\""),
        None => "at the cluster scope".to_string(),
    };
    let message = format!(
        "{} is forbidden: User \"test\" cannot {verb} resource \"{plural}\" in API group \"{group}\" {scope}",
        qualified(group, plural)
    );
    status(
        403,
        "Forbidden",
        &message,
        Some(details(group, plural, None)),
    )
}

pub(crate) fn not_found(group: &str, plural: &str, name: &str) -> Value {
    let message = format!("{} \"{name}\" not found", qualified(group, plural));
    status(
        404,
        "NotFound",
        &message,
        Some(details(group, plural, Some(name))),
    )
}

pub(crate) fn no_such_resource() -> Value {
    status(
        404,
        "NotFound",
        "the server could not find the requested resource",
        Some(json!({})),
    )
}

pub(crate) fn method_not_allowed() -> Value {
    status(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        Some(json!({})),
    )
}

pub(crate) fn bad_request(message: &str) -> Value {
    status(400, "BadRequest", message, None)
}

pub(crate) fn not_acceptable(message: &str) -> Value {
    status(406, "NotAcceptable", message, None)
}

/// A watch or an exact list from a revision that was compacted away.
pub(crate) fn too_old(rv: u64, oldest: u64) -> Value {
    status(
        410,
        "Expired",
        &format!("too old resource version: {rv} ({oldest})"),
        None,
    )
}

/// A continue token minted before the last compaction.
pub(crate) fn continue_expired() -> Value {
    status(
        410,
        "Expired",
        "The provided continue parameter is too old to display a consistent list result. You can \
         start a new list without the continue parameter, or use the continue token in this \
         response to retrieve the remainder of the results. Continuing with the provided token \
         results in an inconsistent list - objects that were created, modified, or deleted \
         between the time the first chunk was returned and now may show up in the list.",
        None,
    )
}

/// A list asking for a revision the server has not reached (the real server first waits three
/// seconds for it; this one answers at once).
pub(crate) fn too_large(rv: u64, current: u64) -> Value {
    status(
        504,
        "Timeout",
        &format!("Too large resource version: {rv}, current: {current}"),
        Some(json!({
            "causes": [{"reason": "ResourceVersionTooLarge", "message": "Too large resource version"}],
            "retryAfterSeconds": 1,
        })),
    )
}

/// What the real server answers with `code` when something behind it fails.
pub(crate) fn failure(code: u16) -> Value {
    match code {
        404 => no_such_resource(),
        429 => status(
            429,
            "TooManyRequests",
            "the server has received too many requests and has asked us to try again later",
            Some(json!({"retryAfterSeconds": 1})),
        ),
        500 => status(
            500,
            "InternalError",
            "an error on the server (\"\") has prevented the request from succeeding",
            Some(json!({"causes": [{"reason": "UnexpectedServerResponse"}]})),
        ),
        503 => status(
            503,
            "ServiceUnavailable",
            "the server is currently unable to handle the request",
            Some(json!({"causes": [{"reason": "UnexpectedServerResponse"}]})),
        ),
        _ => status(
            code,
            "",
            &format!("the server responded with the status code {code}"),
            None,
        ),
    }
}
