//! Rate limits: the sign-in form accepts a burst of attempts per address, then one every few seconds.
//! (Per account, repeated wrong passwords lock the account: see the domain's account rules.)

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;

use crate::error::PageError;
use crate::state::AppState;

/// Limits a route to `burst` requests at once per address, then one every `seconds` (by default ten,
/// then one every six seconds). The peer address is used, not forwarded headers, which a client could
/// forge; behind a proxy every reader shares the proxy's budget, so a deployment behind one should
/// limit at the proxy too.
pub(crate) fn per_address(
    route: MethodRouter<AppState>,
    (burst, seconds): (u32, u64),
) -> MethodRouter<AppState> {
    let config = GovernorConfigBuilder::default()
        .per_second(seconds)
        .burst_size(burst)
        .finish()
        .expect("a valid rate-limit configuration");
    route
        .layer(GovernorLayer::new(config))
        .layer(middleware::from_fn(explain_refusal))
}

/// Turns the limiter's bare refusal into a page in the reader's language.
async fn explain_refusal(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() == StatusCode::TOO_MANY_REQUESTS {
        tracing::warn!("sign-in attempts refused by the rate limit");
        return PageError::too_many().into_response();
    }
    response
}
