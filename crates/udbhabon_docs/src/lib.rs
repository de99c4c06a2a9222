//! Official documents (office orders, notices, minutes, plans and their self-assessments, innovation
//! profiles, award notices, the yearly RTI report) typeset as PDF with typst, fed by view structs; tables read from and
//! written to CSV and XLSX; calendars as ICS.
//!
//! Fonts come from a folder the caller names ([`Fonts::load`]); views carry strings that are
//! already localized; the PDF's text layer extracts back to those strings (see `text_layer`).

mod assessment;
mod award;
pub mod calendar;
mod certificate;
mod charter;
mod error;
mod fonts;
mod minutes;
mod notice;
mod order;
pub mod plan;
mod render;
mod rti_report;
mod sheet;
pub mod table;
mod text_layer;
mod world;

pub use assessment::{SelfAssessmentLine, SelfAssessmentView, render_self_assessment};
pub use award::{AwardNoticeView, AwardWinnerLine, render_award_notice};
pub use certificate::{CertificateView, render_certificate};
pub use charter::{CharterView, ServiceGroup, render_charter};
pub use error::DocsError;
pub use fonts::Fonts;
pub use minutes::{
    MinutesDecision, MinutesItem, MinutesView, PreviousDecisionLine, render_minutes,
};
pub use notice::{NoticeView, render_notice};
pub use order::{
    CopyBlock, Letterhead, MemoLine, NumberedItem, OfficeOrderView, OrderMemberLine,
    SignatureBlock, render_office_order,
};
pub use render::Language;
pub use rti_report::{RtiReportView, render_rti_report};
pub use sheet::{InnovationSheetView, render_innovation_sheet};
