//! Queries (docs/query.md) against a snapshot: health and age judged at its reference time.

use crate::landscape::Snapshot;
use kubegraph_graph::NodeId;
use kubegraph_query::Output;

/// What a query found.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The nodes it selects, in result order.
    Nodes(Vec<NodeId>),
    /// What a command at its end printed (`count`, `list`, …).
    Text(String),
}

/// A query that does not parse or cannot run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong.
    pub message: String,
    /// A suggestion (`did you mean …`).
    pub hint: Option<String>,
    /// Where (bytes of the query).
    pub span: (usize, usize),
    /// The query with a caret under the mistake.
    pub rendered: String,
}

fn query_error(query: &str, e: &kubegraph_query::Diagnostic) -> QueryError {
    QueryError {
        message: e.kind.to_string(),
        hint: e.suggestion.as_ref().map(|s| format!("did you mean {s}?")),
        span: (e.span.start, e.span.end),
        rendered: e.render(query),
    }
}

/// The kinds `kubectl get all` lists.
const KUBECTL_ALL: &str =
    "pod, service, daemonset, deployment, replicaset, statefulset, job, cronjob, replicationcontroller, horizontalpodautoscaler";

/// `kubectl get`'s arguments as a query: `pods` → `is(pods)`, `pods,svc` → `is(pods, svc)`,
/// `deploy web api` → `is(deploy) and name in ["web", "api"]`, `deploy/web svc/web` → either,
/// `all` → what `kubectl get all` lists. Kind names are the query's (built-in short names,
/// plurals, and those a CRD in the input declares).
pub fn kubectl_get(resources: &str, names: &[String]) -> String {
    let quoted = |n: &str| format!("{n:?}");
    let kinds = |list: &str| {
        let words: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            ["all"] => format!("is({KUBECTL_ALL})"),
            _ => format!("is({})", words.join(", ")),
        }
    };
    // `deploy/web svc/api`: each names one object.
    if resources.contains('/') {
        let one = |r: &str| match r.split_once('/') {
            Some((kind, name)) => format!("({} and name = {})", kinds(kind), quoted(name)),
            None => kinds(r),
        };
        let all = std::iter::once(resources).chain(names.iter().map(String::as_str));
        return all.map(one).collect::<Vec<_>>().join(" or ");
    }
    match names {
        [] => kinds(resources),
        [one] => format!("{} and name = {}", kinds(resources), quoted(one)),
        many => {
            let list: Vec<String> = many.iter().map(|n| quoted(n)).collect();
            format!("{} and name in [{}]", kinds(resources), list.join(", "))
        }
    }
}

/// Runs `query` on `snapshot`.
pub fn search(snapshot: &Snapshot, query: &str) -> Result<Found, QueryError> {
    Ok(search_checked(snapshot, query)?.0)
}

/// Runs `query` on `snapshot`, with the warnings about it: a path on no object, a value its
/// field cannot have, a value no object has when nothing is found, a kind nothing is of
/// ([`kubegraph_query::lint`]); each says where, with a suggestion.
pub fn search_checked(
    snapshot: &Snapshot,
    query: &str,
) -> Result<(Found, Vec<QueryError>), QueryError> {
    let error = |e: kubegraph_query::Diagnostic| query_error(query, &e);
    let ast = kubegraph_formats::parse_query(query).map_err(error)?;
    let ctx = snapshot.query();
    let answer = kubegraph_formats::run(&ctx, &ast, None).map_err(error)?;
    let warnings = kubegraph_query::lint(&ctx, &ast, answer.output.is_empty())
        .iter()
        .map(|d| query_error(query, d))
        .collect();
    let found = match answer {
        kubegraph_formats::Answer {
            output: Output::Nodes(n),
            format: None,
        } => Found::Nodes(n),
        answer => {
            let mut text = Vec::new();
            answer
                .write(&ctx, &mut text)
                .expect("writing to memory cannot fail");
            Found::Text(String::from_utf8_lossy(&text).into_owned())
        }
    };
    Ok((found, warnings))
}

#[cfg(test)]
mod tests {
    use super::kubectl_get;

    fn get(resources: &str, names: &[&str]) -> String {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        kubectl_get(resources, &names)
    }

    #[test]
    fn kubectl_get_arguments_read_as_queries() {
        assert_eq!(get("pods", &[]), "is(pods)");
        assert_eq!(get("pods,svc", &[]), "is(pods, svc)");
        assert_eq!(get("deploy", &["web"]), r#"is(deploy) and name = "web""#);
        assert_eq!(
            get("deploy", &["web", "api"]),
            r#"is(deploy) and name in ["web", "api"]"#
        );
        assert_eq!(
            get("deploy/web", &["svc/web"]),
            r#"(is(deploy) and name = "web") or (is(svc) and name = "web")"#
        );
        assert!(get("all", &[]).starts_with("is(pod, service, daemonset, deployment,"));
    }
}
