//! The citizen charter (সিটিজেন চার্টার) as offices hang it at the front desk: its view and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/charter.typ");

/// Everything the charter prints, as localized strings; the caller formats dates, fees and limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CharterView {
    pub government: String,
    pub office: String,
    /// "সিটিজেন চার্টার".
    pub heading: String,
    /// The edition and its publication date.
    pub edition: String,
    /// (heading, text) of the vision and of the mission.
    pub vision: (String, String),
    pub mission: (String, String),
    /// "২. প্রতিশ্রুত সেবাসমূহ".
    pub services_heading: String,
    /// The seven column headings of the prescribed form.
    pub columns: [String; 7],
    /// Each heading with services under it ("২.১ নাগরিক সেবা") and its rows of seven cells.
    pub groups: Vec<ServiceGroup>,
    pub grievance_heading: String,
    /// Serial, when to contact, whom, their contact, time limit.
    pub grievance_columns: [String; 5],
    pub grievance: Vec<[String; 5]>,
    pub expectations_heading: String,
    /// Each numbered, "১) …".
    pub expectations: Vec<String>,
    pub footer: String,
}

/// The services under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceGroup {
    pub heading: String,
    pub rows: Vec<[String; 7]>,
}

/// Renders the charter on landscape A4 pages.
pub fn render_charter(
    fonts: &Fonts,
    language: Language,
    view: &CharterView,
) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/charter.typ",
        TEMPLATE,
        language,
        vec![("charter", input(view)?)],
    )
}
