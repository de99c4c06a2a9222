//! The invitation notice of a meeting (সভার নোটিশ): its view and its PDF.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::order::{Letterhead, MemoLine, NumberedItem, SignatureBlock};
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/notice.typ");

/// Everything a meeting notice prints, as localized strings; the caller formats dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeView {
    pub language: Language,
    pub letterhead: Letterhead,
    #[serde(flatten)]
    pub memo_line: MemoLine,
    /// "সভার নোটিশ".
    pub title: String,
    /// "বিষয়" and the meeting's title.
    pub subject: (String, String),
    /// The announcing paragraph.
    pub body: String,
    /// Date, time, place, online link and chair, label and value.
    pub fields: Vec<(String, String)>,
    /// "আলোচ্যসূচি" and the items, each with its presenter.
    pub agenda: (String, Vec<NumberedItem>),
    /// The closing request to attend.
    pub request: String,
    pub signature: SignatureBlock,
    /// "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :" and the invitees.
    pub distribution: (String, Vec<NumberedItem>),
}

/// Renders the notice as an A4 PDF.
pub fn render_notice(fonts: &Fonts, view: &NoticeView) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/notice.typ",
        TEMPLATE,
        view.language,
        vec![("notice", input(view)?)],
    )
}
