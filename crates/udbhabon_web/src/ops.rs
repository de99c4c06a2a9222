//! Operations endpoints and per-request plumbing: health, Prometheus metrics, request ids and logs.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::state::AppState;

/// What an error page may say of the request it answers.
#[derive(Debug, Clone)]
struct Served {
    /// The id the request-id middleware gave it, for the reader to quote.
    id: String,
    /// The page on this site the request came from (path and query), for trying again.
    referer: Option<String>,
}

tokio::task_local! {
    static SERVED: Served;
}

impl Served {
    fn of(headers: &HeaderMap) -> Self {
        let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        Self {
            id: header("x-request-id").unwrap_or("-").to_owned(),
            referer: header("referer")
                .zip(header("host"))
                .and_then(|(referer, host)| same_site_path(referer, host)),
        }
    }
}

/// The id of the request being served, as the request-id middleware set it.
pub(crate) fn current_request_id() -> String {
    SERVED
        .try_with(|served| served.id.clone())
        .unwrap_or_else(|_| "-".to_owned())
}

/// The page on this site that sent the request being served, if the browser said.
pub(crate) fn current_referer() -> Option<String> {
    SERVED
        .try_with(|served| served.referer.clone())
        .ok()
        .flatten()
}

/// The path and query of `referer` when it is a page of the site at `host`.
fn same_site_path(referer: &str, host: &str) -> Option<String> {
    let uri: Uri = referer.parse().ok()?;
    let path = uri.path_and_query()?.as_str();
    (uri.authority()?.as_str() == host && crate::lang::is_local_path(path)).then(|| path.to_owned())
}

/// The process-wide Prometheus recorder, installed on first use.
pub(crate) fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (a host program's); then ours only renders.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

/// `GET /health`: 200 when the database answers, 503 otherwise.
pub(crate) async fn health(State(state): State<AppState>) -> Response {
    match state.app.health().await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

/// `GET /metrics`: Prometheus text format, for the operators' scraper only: it must send the configured
/// bearer token. Without a configured token the endpoint is not there (404); a wrong token is 401.
pub(crate) async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(expected) = &state.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let sent = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !udbhabon_core::secret::same_secret(expected, sent) {
        return (
            StatusCode::UNAUTHORIZED,
            [(axum::http::header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// Counts and times every request by route and status, and makes its id available to error pages.
pub(crate) async fn observe(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let served = Served::of(request.headers());
    let response = SERVED.scope(served, next.run(request)).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}
