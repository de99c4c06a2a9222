//! The office order (অফিস আদেশ): its view structs and its PDF rendering.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/order.typ");

/// The header lines every government letter starts with, centred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letterhead {
    /// "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার".
    pub government: String,
    /// The ministry or division, e.g. "শ্রম ও কর্মসংস্থান মন্ত্রণালয়".
    pub ministry: String,
    /// The issuing unit, e.g. "আইসিটি সেল"; empty to leave the line out.
    pub unit: String,
    /// The office website, e.g. "www.mole.gov.bd"; empty to leave the line out.
    pub website: String,
}

/// A letter's number and date as printed under the letterhead: "নম্বর: …" on the left, "তারিখ:" with the
/// Bangla date over the Gregorian one on the right. Flattened into the views that carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MemoLine {
    /// "নম্বর".
    pub memo_label: String,
    /// The memo number; empty before the letter is issued.
    pub memo_number: String,
    /// "তারিখ".
    pub date_label: String,
    /// The Bangla date, e.g. "১২ মাঘ ১৪৩২ বঙ্গাব্দ".
    pub date_bangla: String,
    /// The Gregorian date, e.g. "২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ".
    pub date_gregorian: String,
}

/// One item of a numbered list: its number exactly as printed ("(১)", "১।", "(1)") and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberedItem {
    /// The printed number, with its brackets or full stop.
    pub number: String,
    /// The item's text.
    pub text: String,
}

/// One row of the member table: "০১. <post> -- <role>".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderMemberLine {
    /// The printed serial, e.g. "০১.".
    pub serial: String,
    /// The member's post and unit, e.g. "অতিরিক্ত সচিব (প্রশাসন)".
    pub post: String,
    /// The member's role in the team, e.g. "চিফ ইনোভেশন অফিসার".
    pub role: String,
}

/// A signature block, printed on the right below room for a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureBlock {
    /// The signing date as printed, e.g. "২৬-০১-২০২৬".
    pub date: String,
    /// The signer's name.
    pub name: String,
    /// The signer's designation.
    pub designation: String,
    /// A telephone number, if printed.
    pub phone: Option<String>,
    /// An e-mail address, if printed.
    pub email: Option<String>,
}

/// The copy (endorsement) block: its own memo number, the sentence, the recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyBlock {
    /// The endorsement number, e.g. "…১৭.৫/১ (২০)".
    pub memo_number: String,
    /// The endorsement's Bangla date, if printed (seed 000 prints none).
    pub date_upper: Option<String>,
    /// The endorsement's Gregorian date, printed under `date_upper`.
    pub date_lower: Option<String>,
    /// "অবগতি ও প্রয়োজনীয় … প্রেরণ করা হইল (জ্যেষ্ঠতার ক্রমানুসারে নয়):".
    pub intro: String,
    /// The recipients, numbered "১।", "২।", ….
    pub entries: Vec<NumberedItem>,
    /// The signature under the copy list.
    pub signature: SignatureBlock,
}

/// Everything an office order prints, as localized strings; the caller formats dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficeOrderView {
    /// The language the strings are in; picks the font order and the PDF's language tag.
    pub language: Language,
    /// The centred header lines.
    pub letterhead: Letterhead,
    /// "নম্বর".
    pub memo_label: String,
    /// The memo number, e.g. "৪০.০০.০০০০.০০০.০৩৬.৩২.০০০৬.১৭.৫".
    pub memo_number: String,
    /// "তারিখ".
    pub date_label: String,
    /// The Bangla date, e.g. "১২ মাঘ ১৪৩২ বঙ্গাব্দ".
    pub date_bangla: String,
    /// The Gregorian date, e.g. "২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ".
    pub date_gregorian: String,
    /// "অফিস আদেশ".
    pub title: String,
    /// The unnumbered first paragraph.
    pub preamble: String,
    /// The member table.
    pub members: Vec<OrderMemberLine>,
    /// "২। ইনোভেশন টিমের কার্যপরিধি:".
    pub terms_heading: String,
    /// The terms of reference, numbered "(১)" … "(২৪)".
    pub terms: Vec<NumberedItem>,
    /// The closing paragraph, "৩। যথাযথ কর্তৃপক্ষের …".
    pub closing: String,
    /// The issuing officer's signature.
    pub signature: SignatureBlock,
    /// The copy list, if the order is endorsed to others.
    pub copies: Option<CopyBlock>,
}

/// Renders an office order as an A4 PDF whose text layer extracts back as the strings given.
pub fn render_office_order(fonts: &Fonts, view: &OfficeOrderView) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/order.typ",
        TEMPLATE,
        view.language,
        vec![("order", input(view)?)],
    )
}
