//! The office order of a team as a PDF, laid out like the government's printed order.

use bangla::{BanglaDate, format as bf};
use udbhabon_docs::{
    CopyBlock, Language, Letterhead, NumberedItem, OfficeOrderView, OrderMemberLine,
    SignatureBlock, render_office_order,
};
use udbhabon_domain::Lang;
use udbhabon_i18n::format::digits;
use udbhabon_i18n::t;

use udbhabon_db::office::OfficeRow;

use crate::team::OrderDetail;
use crate::{App, Error};

/// A rendered document and the name to save it under.
#[derive(Debug, Clone)]
pub struct Document {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl App {
    /// The PDF of the order in force for team `key` on the day it was issued, in `lang`.
    pub async fn team_order_pdf(&self, key: &str, lang: Lang) -> Result<Document, Error> {
        let team = self.db.team_by_key(key).await?;
        let office = self.db.office_by_id(team.office_id).await?;
        let Some(order) = self.db.order_in_force(team.id, self.today()).await? else {
            return Err(Error::NotFound(format!(
                "an office order in force for team {key}"
            )));
        };
        // Holders are printed as they were when the order was signed, not as they are today.
        let signed_on = order.record.signed_on;
        let issued_on = order.record.issued_on;
        let at_issue = self.order_detail(order, signed_on).await?;
        let view = office_order_view(&office, &at_issue, lang);
        let bytes = render_office_order(self.fonts()?, &view)
            .map_err(|error| Error::Internal(error.to_string()))?;
        Ok(Document {
            file_name: format!("office-order-{}-{}.pdf", key, issued_on.format("%Y-%m-%d")),
            bytes,
        })
    }
}

/// "(১)" in Bengali, "(1)" in English.
fn bracketed(lang: Lang, number: usize) -> String {
    digits(lang, &format!("({number})"))
}

/// "১।" in Bengali, "1." in English: the way each language numbers paragraphs and list entries.
fn full_stop(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Bn => digits(lang, &format!("{number}।")),
        Lang::En => format!("{number}."),
    }
}

/// Builds what the PDF prints from the stored order, every string in `lang`.
fn office_order_view(office: &OfficeRow, order: &OrderDetail, lang: Lang) -> OfficeOrderView {
    let record = &order.order.record;
    let (date_bangla, date_gregorian) = match (lang, BanglaDate::from_gregorian(record.issued_on)) {
        (Lang::Bn, Ok(bangla_date)) => (
            bf::bangla_date_long_bn_with_era(bangla_date),
            bf::gregorian_date_long_bn_with_era(record.issued_on),
        ),
        (Lang::En, Ok(bangla_date)) => (
            bf::bangla_date_long_en_with_era(bangla_date),
            bf::gregorian_date_long_en(record.issued_on),
        ),
        (_, Err(_)) => (
            String::new(),
            udbhabon_i18n::format::date(lang, record.issued_on),
        ),
    };
    let signature = SignatureBlock {
        date: udbhabon_i18n::format::date_short(lang, record.signed_on),
        name: order.signatory.name.get(lang).to_owned(),
        designation: order.signatory_post.designation.get(lang).to_owned(),
        phone: order
            .signatory
            .phone
            .as_deref()
            .map(|phone| digits(lang, phone)),
        email: order.signatory.email.clone(),
    };
    let memo_number = |memo: &udbhabon_domain::memo::MemoNumber| match lang {
        Lang::Bn => memo.to_bengali(),
        Lang::En => memo.to_string(),
    };
    let copies = (!order.copies.is_empty()).then(|| CopyBlock {
        memo_number: memo_number(&record.memo_number.endorsed(
            record.endorsement,
            u32::try_from(order.copies.len()).unwrap_or(u32::MAX),
        )),
        date_upper: None,
        date_lower: None,
        intro: record.copies_intro.get(lang).to_owned(),
        entries: order
            .copies
            .iter()
            .enumerate()
            .map(|(index, copy)| NumberedItem {
                number: full_stop(lang, index + 1),
                text: copy.text.get(lang).to_owned(),
            })
            .collect(),
        signature: SignatureBlock {
            phone: None,
            email: None,
            ..signature.clone()
        },
    });
    OfficeOrderView {
        language: match lang {
            Lang::Bn => Language::Bengali,
            Lang::En => Language::English,
        },
        letterhead: Letterhead {
            government: t(lang, "government"),
            ministry: office.name.get(lang).to_owned(),
            unit: order
                .issuing_unit
                .as_ref()
                .map(|unit| unit.name.get(lang).to_owned())
                .unwrap_or_default(),
            website: office.website.clone().unwrap_or_default(),
        },
        memo_label: t(lang, "doc-memo-label"),
        memo_number: memo_number(&record.memo_number),
        date_label: t(lang, "doc-date-label"),
        date_bangla,
        date_gregorian,
        title: t(lang, "doc-office-order-title"),
        preamble: record.preamble.get(lang).to_owned(),
        members: order
            .members
            .iter()
            .map(|member| OrderMemberLine {
                serial: digits(lang, &format!("{:02}.", member.serial)),
                post: member.post.label.get(lang).to_owned(),
                role: t(lang, &member.role.message_key()),
            })
            .collect(),
        terms_heading: format!("{} {}", full_stop(lang, 2), record.terms_heading.get(lang)),
        terms: order
            .terms
            .iter()
            .enumerate()
            .map(|(index, term)| NumberedItem {
                number: bracketed(lang, index + 1),
                text: term.get(lang).to_owned(),
            })
            .collect(),
        closing: format!("{} {}", full_stop(lang, 3), record.closing.get(lang)),
        signature,
        copies,
    }
}
