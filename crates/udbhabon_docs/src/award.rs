//! The award notice (পুরস্কার বিজ্ঞপ্তি): a year's winners announced as a government letter, its view
//! and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::order::{Letterhead, MemoLine, NumberedItem, SignatureBlock};
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/award.typ");

/// One winner's row: serial, the award, the office (with the committee's reason, when it gave one)
/// and its marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwardWinnerLine {
    pub serial: String,
    pub category: String,
    pub office: String,
    /// Empty when the ranking alone chose the office.
    pub reason: String,
    pub marks: String,
}

/// Everything the notice prints, as localized strings; the caller formats dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwardNoticeView {
    pub language: Language,
    pub letterhead: Letterhead,
    #[serde(flatten)]
    pub memo_line: MemoLine,
    /// "বিজ্ঞপ্তি".
    pub title: String,
    /// "বিষয়" and the award and year.
    pub subject: (String, String),
    /// The announcing paragraph that leads to the table.
    pub body: String,
    /// The table's column headings.
    pub headings: [String; 4],
    pub winners: Vec<AwardWinnerLine>,
    /// The numbered paragraphs after the table ("২। …"), numbers included.
    pub paragraphs: Vec<String>,
    pub signature: SignatureBlock,
    /// "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :" and the recipients.
    pub distribution: (String, Vec<NumberedItem>),
}

/// Renders the notice as an A4 PDF.
pub fn render_award_notice(fonts: &Fonts, view: &AwardNoticeView) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/award.typ",
        TEMPLATE,
        view.language,
        vec![("award", input(view)?)],
    )
}
