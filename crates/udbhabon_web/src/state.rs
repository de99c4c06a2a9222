//! What every handler can reach: the application, the metrics recorder and the pages kept.

use metrics_exporter_prometheus::PrometheusHandle;
use udbhabon_core::App;

use crate::cache::Pages;
use crate::ops::metrics_handle;

/// Shared by every request; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(crate) app: App,
    pub(crate) metrics: PrometheusHandle,
    /// Whether cookies get the `Secure` flag: true when the site's public address is https.
    pub(crate) secure_cookies: bool,
    /// Sign-in attempts one address may make at once, and the seconds until one more is allowed.
    pub(crate) sign_in_limit: (u32, u64),
    /// The bearer token that opens `/metrics`; without one, `/metrics` answers to nobody.
    pub(crate) metrics_token: Option<String>,
    pub(crate) pages: Pages,
}

impl AppState {
    /// `public_url` is the address readers use (`https://…` behind TLS); it decides the cookies' `Secure` flag.
    pub fn new(app: App, public_url: &str) -> Self {
        Self {
            app,
            metrics: metrics_handle(),
            secure_cookies: public_url.starts_with("https://"),
            sign_in_limit: (10, 6),
            metrics_token: None,
            pages: Pages::default(),
        }
    }

    /// Opens `/metrics` to requests that carry `Authorization: Bearer TOKEN`; an empty token keeps it
    /// closed.
    pub fn with_metrics_token(mut self, token: &str) -> Self {
        self.metrics_token = Some(token.trim().to_owned()).filter(|token| !token.is_empty());
        self
    }

    /// Changes the sign-in rate limit: `burst` attempts at once per address, then one every `seconds`.
    pub fn with_sign_in_limit(mut self, burst: u32, seconds: u64) -> Self {
        self.sign_in_limit = (burst.max(1), seconds.max(1));
        self
    }
}
