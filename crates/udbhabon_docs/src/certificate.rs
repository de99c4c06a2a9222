//! The training certificate (প্রশিক্ষণ সনদ): a landscape page naming the participant, the training,
//! its dates and hours, with the code and address anyone uses to check it.

use serde::Serialize;

use crate::error::DocsError;
use crate::fonts::Fonts;
use crate::render::{Language, input, render_pdf};

const TEMPLATE: &str = include_str!("../templates/certificate.typ");

/// Everything the certificate prints, as localized strings; the caller formats dates and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateView {
    pub language: Language,
    /// "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার".
    pub government: String,
    /// The office that held the training.
    pub organiser: String,
    /// "প্রশিক্ষণ সনদ".
    pub title: String,
    /// "এই মর্মে প্রত্যয়ন করা যাচ্ছে যে", before the name.
    pub preamble: String,
    /// The participant's name, printed large.
    pub name: String,
    /// The sentence that certifies, around the name.
    pub body: String,
    /// "যাচাই কোড: …" and where to check it.
    pub check: String,
    /// "ইস্যুর তারিখ: …" in both calendars.
    pub issued: String,
    /// The words under the signature line ("আয়োজক দপ্তরের পক্ষে").
    pub signature: String,
}

/// Renders the certificate as an A4 landscape PDF.
pub fn render_certificate(fonts: &Fonts, view: &CertificateView) -> Result<Vec<u8>, DocsError> {
    render_pdf(
        fonts,
        "/certificate.typ",
        TEMPLATE,
        view.language,
        vec![("certificate", input(view)?)],
    )
}
