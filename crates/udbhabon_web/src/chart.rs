//! Charts drawn on the server as SVG from one description, so pages need no script and Bengali labels
//! are shaped by the reader's browser.

use std::fmt::Write;

/// A bar chart: one bar per label, its height the value, its caption printed above it.
#[derive(Debug, Clone)]
pub(crate) struct BarChart {
    /// Read by screen readers.
    pub(crate) title: String,
    /// (label under the bar, value, caption above the bar)
    pub(crate) bars: Vec<(String, f64, String)>,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl BarChart {
    /// The chart as an inline SVG element that scales to its container.
    pub(crate) fn svg(&self) -> String {
        const BAR: f64 = 40.0;
        const GAP: f64 = 12.0;
        const HEIGHT: f64 = 160.0;
        const TOP: f64 = 24.0;
        const LABELS: f64 = 28.0;
        let width = (BAR + GAP) * self.bars.len().max(1) as f64 + GAP;
        let highest = self
            .bars
            .iter()
            .map(|(_, value, _)| *value)
            .fold(0.0, f64::max)
            .max(1.0);
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg class="chart" viewBox="0 0 {width} {total}" role="img" aria-label="{title}" xmlns="http://www.w3.org/2000/svg"><title>{title}</title>"#,
            total = TOP + HEIGHT + LABELS,
            title = escape(&self.title),
        );
        for (index, (label, value, caption)) in self.bars.iter().enumerate() {
            let x = GAP + index as f64 * (BAR + GAP);
            let height = HEIGHT * value / highest;
            let y = TOP + HEIGHT - height;
            let middle = x + BAR / 2.0;
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y}" width="{BAR}" height="{height}" class="bar"/><text x="{middle}" y="{caption_y}" text-anchor="middle" class="caption">{caption}</text><text x="{middle}" y="{label_y}" text-anchor="middle" class="label">{label}</text>"#,
                caption_y = y - 6.0,
                label_y = TOP + HEIGHT + 18.0,
                caption = escape(caption),
                label = escape(label),
            );
        }
        svg.push_str("</svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_highest_and_text_is_escaped() {
        let chart = BarChart {
            title: "নম্বর <বণ্টন>".into(),
            bars: vec![
                ("০–৫০".into(), 2.0, "২".into()),
                ("৫০–১০০".into(), 4.0, "৪".into()),
            ],
        };
        let svg = chart.svg();
        assert!(svg.contains(r#"aria-label="নম্বর &lt;বণ্টন&gt;""#), "{svg}");
        assert!(
            svg.contains(r#"height="80""#) && svg.contains(r#"height="160""#),
            "{svg}"
        );
        assert_eq!(svg.matches("<rect").count(), 2);
    }
}
