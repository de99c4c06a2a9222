//! The one-page profile of an innovation (উদ্ভাবন পরিচিতি) for the showcase: its view and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/sheet.typ");

/// Everything the profile prints, as localized strings; the caller formats dates and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InnovationSheetView {
    /// "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার".
    pub government: String,
    pub office: String,
    /// "উদ্ভাবন পরিচিতি".
    pub heading: String,
    pub title: String,
    /// Its kind and where it stands, e.g. "সেবা সহজিকরণ · সম্প্রসারিত".
    pub kind_and_stage: String,
    /// Label and text of each filled field: the service, problem, root cause, solution, dates, channel.
    pub facts: Vec<(String, String)>,
    /// "সময়, খরচ ও যাতায়াত (TCV)" and the column headings (measure, before, after, saving);
    /// no rows leaves the table out.
    pub tcv_heading: String,
    pub tcv_headings: [String; 4],
    pub tcv: Vec<[String; 4]>,
    /// "অন্য দপ্তরে অনুসরণ (২)" and the offices that replicated it.
    pub replications: (String, Vec<String>),
    /// The printing line: the day in both calendars and where the showcase is.
    pub footer: String,
}

/// Renders the profile as one A4 page.
pub fn render_innovation_sheet(
    fonts: &Fonts,
    language: Language,
    view: &InnovationSheetView,
) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/sheet.typ",
        TEMPLATE,
        language,
        vec![("sheet", input(view)?)],
    )
}
