//! What every handler can reach: the application and the metrics recorder.

use metrics_exporter_prometheus::PrometheusHandle;
use udbhabon_core::App;

use crate::ops::metrics_handle;

/// Shared by every request; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub(crate) app: App,
    pub(crate) metrics: PrometheusHandle,
}

impl AppState {
    pub fn new(app: App) -> Self {
        Self {
            app,
            metrics: metrics_handle(),
        }
    }
}
