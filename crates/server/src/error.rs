//! Every error of the API has one JSON shape, with a message a person can act on:
//!
//! ```json
//! {"error": {"status": 400, "message": "…", "hint": "…", "span": {"start": 12, "end": 13},
//!            "rendered": "is(pod) and (\n             ^ expected a filter"}}
//! ```

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// What went wrong, and what to do.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status.
    pub status: u16,
    /// What went wrong and what to do, in words.
    pub message: String,
    /// A suggestion, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Where in the query the mistake is (bytes), for a query that does not parse or run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The query with a caret under the mistake, as the CLI prints it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rendered: Option<String>,
}

/// A byte range of the query.
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    detail: ErrorDetail,
}

impl ApiError {
    /// An error with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                status: status.as_u16(),
                message: message.into(),
                hint: None,
                span: None,
                rendered: None,
            },
        }
    }

    /// 400: the request is wrong.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: nothing by that name.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 403: not this server's business.
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, message)
    }

    /// 401: the token is missing or wrong.
    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this server needs its token: send `Authorization: Bearer TOKEN`, or open the login URL it printed at start",
        )
    }

    /// 401 for a login URL that was used already or is wrong.
    pub fn unauthorized_login() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this login URL is wrong or was used already: each works once; restart the server for a new one, or send `Authorization: Bearer TOKEN`",
        )
    }

    /// With a suggestion.
    pub fn hint(mut self, hint: impl Into<String>) -> ApiError {
        self.detail.hint = Some(hint.into());
        self
    }

    /// With the place in the query and the caret drawing.
    pub fn at(mut self, start: usize, end: usize, rendered: String) -> ApiError {
        self.detail.span = Some(Span { start, end });
        self.detail.rendered = Some(rendered);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(ErrorBody { error: self.detail })).into_response()
    }
}

impl From<kubegraph_app::Error> for ApiError {
    fn from(e: kubegraph_app::Error) -> ApiError {
        use kubegraph_app::target::TargetError;
        match &e {
            kubegraph_app::Error::Target(
                TargetError::NotFound { .. } | TargetError::QuerySelectsNothing { .. },
            ) => ApiError::not_found(e.to_string()),
            _ => ApiError::bad_request(e.to_string()),
        }
    }
}

impl From<kubegraph_app::target::TargetError> for ApiError {
    fn from(e: kubegraph_app::target::TargetError) -> ApiError {
        kubegraph_app::Error::from(e).into()
    }
}
