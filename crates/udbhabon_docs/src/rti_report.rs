//! The yearly report of an office's RTI register (তথ্য অধিকার বিষয়ক বার্ষিক প্রতিবেদন): its view and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/rti_report.typ");

/// Everything the report prints, as localized strings; the caller formats dates and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RtiReportView {
    /// "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার".
    pub government: String,
    pub office: String,
    /// "তথ্য অধিকার বিষয়ক বার্ষিক প্রতিবেদন".
    pub title: String,
    /// The fiscal year and its first and last days.
    pub period: String,
    /// Label and text of each officer the office names under the Act: its designated officer, the
    /// alternate and the appellate authority, each with the post and who holds it.
    pub officers: Vec<(String, String)>,
    /// "বছরের হিসাব" and each figure's label and value.
    pub figures_heading: String,
    pub figures: Vec<(String, String)>,
    /// "আবেদনের তালিকা" and the columns: number, received, information asked, due, answered,
    /// outcome; the applicants are not named.
    pub register_heading: String,
    pub headings: [String; 6],
    pub rows: Vec<[String; 6]>,
    /// What the register says when the year has no application.
    pub empty: String,
    /// The printing line: the day in both calendars.
    pub footer: String,
}

/// Renders the report as an A4 PDF.
pub fn render_rti_report(
    fonts: &Fonts,
    language: Language,
    view: &RtiReportView,
) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/rti_report.typ",
        TEMPLATE,
        language,
        vec![("report", input(view)?)],
    )
}
