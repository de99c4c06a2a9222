//! Security headers on every response: a content security policy with no inline script, no framing
//! (except the sections offices embed in their own websites), no MIME sniffing, and a conservative
//! referrer policy.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy of every page but an embeddable section, which may be framed by any site.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const FRAMABLE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors *";

/// The layer that forbids framing, unless the response was made framable.
type FramingLayer = SetResponseHeaderLayer<fn(&Response) -> Option<HeaderValue>>;

/// The layers that set the headers, outermost first; a header the handler set is kept.
pub(crate) fn headers() -> ([SetResponseHeaderLayer<HeaderValue>; 3], FramingLayer) {
    let header_layer = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    (
        [
            header_layer(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            header_layer(header::REFERRER_POLICY, "same-origin"),
        ],
        SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, deny_framing),
    )
}

/// `DENY`, except for a response made framable (old browsers know no other way to allow it; new
/// ones obey the policy's `frame-ancestors`).
fn deny_framing(response: &Response) -> Option<HeaderValue> {
    let framable = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .is_some_and(|policy| policy == FRAMABLE_POLICY);
    (!framable).then_some(HeaderValue::from_static("DENY"))
}

/// Lets any site frame `response`: an embeddable section, which holds no form and nothing private.
pub(crate) fn framable(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(FRAMABLE_POLICY),
    );
    response
}
