//! Meeting minutes (সভার কার্যবিবরণী): the view the page and the PDF share, and the PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/minutes.typ");

/// One decision of the decisions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesDecision {
    /// "২.১".
    pub serial: String,
    pub text: String,
    /// The bodies that carry it out, one per line.
    pub responsible: Vec<String>,
    /// The deadline as a field ("৩০ সেপ্টেম্বর ২০২২-এর মধ্যে"); the page shows it, the printed
    /// minutes keep it inside the decision's text as the original does.
    pub deadline: String,
    /// The deadline printed under the decision's text, when it has a date the text does not name.
    pub unnamed_deadline: Option<String>,
}

/// One of the previous meeting's open decisions and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviousDecisionLine {
    pub serial: String,
    pub text: String,
    pub status: String,
}

/// One agenda item's paragraph: its heading, the previous meeting's decisions (the first item), what
/// was discussed, and the decisions taken on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesItem {
    /// "৩। আলোচ্যসূচি ১: …".
    pub heading: String,
    pub previous: Vec<PreviousDecisionLine>,
    pub discussion: String,
    pub decisions: Vec<MinutesDecision>,
}

/// Everything the minutes print, as localized strings; the caller formats dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesView {
    pub language: Language,
    /// "… সংক্রান্ত ১ম সভার কার্যবিবরণী".
    pub title: String,
    /// The field block, label and value: chair, date, time, place, attendance.
    pub fields: Vec<(String, String)>,
    /// "২। সভাপতি … সিদ্ধান্ত গৃহীত হয়।".
    pub opening: String,
    /// The decisions table's headings: serial, decision, who carries it out.
    pub headings: [String; 3],
    /// The decisions of the opening paragraph (minutes without an agenda put them all here).
    pub decisions: Vec<MinutesDecision>,
    /// The agenda items, each a paragraph.
    pub items: Vec<MinutesItem>,
    /// The previous decisions table's headings: serial, decision, where it stands.
    pub previous_headings: [String; 3],
    /// "৩। পরিশেষে …" (numbered after the agenda items).
    pub closing: String,
    /// The chair's name and designation.
    pub chair_signature: Vec<String>,
    /// "স্মারক নম্বর" and the number, when issued.
    pub memo: Option<(String, String)>,
    /// "তারিখ" and the Bangla date over the Gregorian one, when issued.
    pub issued: Option<(String, Vec<String>)>,
    /// "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :" and the numbered entries ("১) …").
    pub distribution: (String, Vec<String>),
    /// The member secretary's name and designation.
    pub issuer_signature: Vec<String>,
    /// "পরিশিষ্ট-ক", its heading, its column headings, and each invitee with present or absent.
    pub appendix: (String, String, [String; 3], Vec<(String, String)>),
    /// Printed at the head of every page of a preview, which is not the issued document.
    pub draft_mark: Option<String>,
}

/// Renders the minutes as an A4 PDF, the attendance appendix on a page of its own.
pub fn render_minutes(fonts: &Fonts, view: &MinutesView) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/minutes.typ",
        TEMPLATE,
        view.language,
        vec![("minutes", input(view)?)],
    )
}
