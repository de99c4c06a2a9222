//! The route table: every route with its access rule, and the router built from it, so no route can
//! exist without a rule.

use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{MethodRouter, get};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::state::AppState;
use crate::{assets, home, lang, meeting, office, ops, security, team};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without an account: published records, the language switch, assets, health.
    Public,
    /// Operators' endpoints (metrics); to be kept behind the deployment's proxy.
    Operations,
}

/// One route: method, path pattern and access rule.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

const fn public(path: &'static str) -> RouteSpec {
    RouteSpec {
        method: "GET",
        path,
        access: Access::Public,
    }
}

/// Every route udbhabon serves.
pub const ROUTES: &[RouteSpec] = &[
    public("/"),
    public("/offices"),
    public("/team"),
    public("/teams/{key}"),
    public("/teams/{key}/order.pdf"),
    public("/meetings"),
    public("/meetings/{key}"),
    public("/lang/{tag}"),
    public("/static/{file}"),
    public("/health"),
    RouteSpec {
        method: "GET",
        path: "/metrics",
        access: Access::Operations,
    },
];

fn handler(path: &str) -> MethodRouter<AppState> {
    match path {
        "/" => get(home::show),
        "/offices" => get(office::list),
        "/team" => get(team::home_team),
        "/teams/{key}" => get(team::show),
        "/teams/{key}/order.pdf" => get(team::order_pdf),
        "/meetings" => get(meeting::list),
        "/meetings/{key}" => get(meeting::show),
        "/lang/{tag}" => get(lang::switch),
        "/static/{file}" => get(assets::serve),
        "/health" => get(ops::health),
        "/metrics" => get(ops::metrics),
        other => panic!("route {other} is in the route table but has no handler"),
    }
}

/// Anything else: a not-found page in the reader's language.
async fn not_found(ReaderLang(lang): ReaderLang) -> PageError {
    PageError::new(lang, udbhabon_core::Error::NotFound("page".into()))
}

/// The whole application: routes from the table, then compression, request ids, tracing, limits and
/// security headers.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.iter().fold(Router::new(), |router, route| {
        router.route(route.path, handler(route.path))
    });
    let [csp, nosniff, referrer, frames] = security::headers();
    routes
        .fallback(not_found)
        .layer(middleware::from_fn(ops::observe))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                    let request_id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id)
                }))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
                .layer(RequestBodyLimitLayer::new(2 * 1024 * 1024))
                .layer(CompressionLayer::new())
                .layer(csp)
                .layer(nosniff)
                .layer(referrer)
                .layer(frames),
        )
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_in_the_table_has_a_handler_and_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for route in ROUTES {
            let _ = handler(route.path);
            assert!(
                seen.insert((route.method, route.path)),
                "{} {} is listed twice",
                route.method,
                route.path
            );
        }
    }
}
