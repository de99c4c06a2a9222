//! The half-yearly self-assessment report (অর্ধবার্ষিক স্ব-মূল্যায়ন প্রতিবেদন): its view and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/assessment.typ");

/// Everything the report prints, as localized strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfAssessmentView {
    /// "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার".
    pub government: String,
    /// The office the plan is of.
    pub office: String,
    /// "অর্ধবার্ষিক স্ব-মূল্যায়ন প্রতিবেদন".
    pub title: String,
    /// The plan's title, with its year.
    pub plan_title: String,
    /// The half-year covered, e.g. "১ জুলাই ২০২২ – ৩১ ডিসেম্বর ২০২২".
    pub period: String,
    /// Label and value lines under the title: sent on, by, on time; reviewed on, by.
    pub facts: Vec<(String, String)>,
    /// Indicator, unit, weight, target, achievement, evidence, the office's marks, the reviewer's.
    pub headings: [String; 8],
    pub rows: Vec<SelfAssessmentLine>,
    /// The total line: its label, the weights, the office's marks, the reviewer's.
    pub total: [String; 4],
    /// "ঊর্ধ্বতন অফিসের ফলাবর্তক" and its text; an empty text leaves the section out.
    pub feedback: (String, String),
}

/// One indicator's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfAssessmentLine {
    pub indicator: String,
    pub unit: String,
    pub weight: String,
    pub target: String,
    pub achieved: String,
    pub evidence: String,
    pub self_marks: String,
    pub reviewed_marks: String,
}

/// Renders the self-assessment report as an A4 PDF.
pub fn render_self_assessment(
    fonts: &Fonts,
    language: Language,
    view: &SelfAssessmentView,
) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/assessment.typ",
        TEMPLATE,
        language,
        vec![("report", input(view)?)],
    )
}
