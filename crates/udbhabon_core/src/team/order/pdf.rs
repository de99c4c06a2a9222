//! The office order as a PDF laid out like the government's printed order: rendered once, when it is
//! issued, and served from the stored bytes ever after.

use bangla::{BanglaDate, format as bf};
use chrono::NaiveDate;
use udbhabon_db::DbError;
use udbhabon_db::team::{TeamOrderRow, TeamRow};
use udbhabon_docs::{
    CopyBlock, Fonts, Language, Letterhead, MemoLine, NumberedItem, OfficeOrderView,
    OrderMemberLine, SignatureBlock, render_office_order,
};
use udbhabon_domain::Lang;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_i18n::format::digits;
use udbhabon_i18n::t;

use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{PersonRow, PostRow};

use crate::team::OrderDetail;
use crate::{App, Error};

/// The kind under which office orders' PDFs are stored.
pub(crate) const ORDER_DOCUMENT: &str = "team_order";

/// A document and the name to save it under.
#[derive(Debug, Clone)]
pub struct Document {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl App {
    /// The PDF of the order in force today for team `key`, in `lang`.
    pub async fn team_order_pdf(&self, key: &str, lang: Lang) -> Result<Document, Error> {
        let team = self.db.team_by_key(key).await?;
        let Some(order) = self.db.order_in_force(team.id, self.today()).await? else {
            return Err(Error::NotFound(format!(
                "an office order in force for team {key}"
            )));
        };
        self.issued_order_pdf(&team, order, lang).await
    }

    /// The PDF of an office order, current or superseded, in `lang`: orders are published documents.
    pub async fn order_pdf(&self, order_id: i32, lang: Lang) -> Result<Document, Error> {
        let order = self.db.team_order(order_id).await?;
        let team = self.db.team_by_id(order.record.team_id).await?;
        self.issued_order_pdf(&team, order, lang).await
    }

    async fn issued_order_pdf(
        &self,
        team: &TeamRow,
        order: TeamOrderRow,
        lang: Lang,
    ) -> Result<Document, Error> {
        let file_name = format!(
            "office-order-{}-{}.pdf",
            team.key,
            order.record.issued_on.format("%Y-%m-%d")
        );
        if let Some(stored) = self
            .db
            .issued_document(ORDER_DOCUMENT, order.id, lang)
            .await?
        {
            return Ok(Document {
                file_name,
                bytes: stored.bytes,
            });
        }
        // An order entered from paper, before the system issued orders, has no stored PDF: it is
        // typeset once, with the holders as they were when it was signed, and kept from then on, so
        // that every later copy is the same document.
        let office = self.db.office_by_id(team.office_id).await?;
        let order_id = order.id;
        let signed_on = order.record.signed_on;
        let detail = self.order_detail(order, signed_on).await?;
        let bytes = render_view(
            self.fonts()?,
            &office_order_view(&office, &detail, lang, false),
        )?;
        Ok(Document {
            file_name,
            bytes: self
                .keep_first_copy(ORDER_DOCUMENT, order_id, lang, bytes)
                .await?,
        })
    }

    /// Stores the first copy of a document recorded from paper, typeset now, so that every later
    /// copy is the same document; when another request stored one first, that one is returned.
    pub(crate) async fn keep_first_copy(
        &self,
        kind: &str,
        id: i32,
        lang: Lang,
        bytes: Vec<u8>,
    ) -> Result<Vec<u8>, Error> {
        let tx = self
            .db
            .begin(self.author(None, "udbhabon (first copy of a recorded document)"))
            .await?;
        let stored = match tx
            .store_issued_document(kind, id, lang, "application/pdf", bytes.clone())
            .await
        {
            Ok(_) => tx.commit().await.map(|()| bytes),
            // Another request stored it first; serve that one.
            Err(DbError::Conflict(_) | DbError::Other(_)) => {
                drop(tx);
                match self.db.issued_document(kind, id, lang).await? {
                    Some(stored) => Ok(stored.bytes),
                    None => Ok(bytes),
                }
            }
            Err(other) => Err(other),
        }?;
        Ok(stored)
    }
}

/// The document language for the reader's language.
pub(crate) fn document_language(lang: Lang) -> Language {
    match lang {
        Lang::Bn => Language::Bengali,
        Lang::En => Language::English,
    }
}

/// Typesets an office order.
pub(crate) fn render_view(fonts: &Fonts, view: &OfficeOrderView) -> Result<Vec<u8>, Error> {
    render_office_order(fonts, view).map_err(|error| Error::Internal(error.to_string()))
}

/// "(১)" in Bengali, "(1)" in English.
fn bracketed(lang: Lang, number: usize) -> String {
    digits(lang, &format!("({number})"))
}

/// "১।" in Bengali, "1." in English: the way each language numbers paragraphs and list entries.
pub(crate) fn full_stop(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Bn => digits(lang, &format!("{number}।")),
        Lang::En => format!("{number}."),
    }
}

/// A letter's date as printed beside its memo number: the Bangla date over the Gregorian one.
pub(crate) fn letter_dates(lang: Lang, date: NaiveDate) -> (String, String) {
    match (lang, BanglaDate::from_gregorian(date)) {
        (Lang::Bn, Ok(bangla_date)) => (
            bf::bangla_date_long_bn_with_era(bangla_date),
            bf::gregorian_date_long_bn_with_era(date),
        ),
        (Lang::En, Ok(bangla_date)) => (
            bf::bangla_date_long_en_with_era(bangla_date),
            bf::gregorian_date_long_en(date),
        ),
        (_, Err(_)) => (String::new(), udbhabon_i18n::format::date(lang, date)),
    }
}

/// A letter's number and date as printed; a letter not yet issued has neither.
pub(crate) fn memo_line(
    lang: Lang,
    memo: Option<&MemoNumber>,
    date: Option<NaiveDate>,
) -> MemoLine {
    let (date_bangla, date_gregorian) = date
        .map(|date| letter_dates(lang, date))
        .unwrap_or_default();
    MemoLine {
        memo_label: t(lang, "doc-memo-label"),
        memo_number: memo.map(|memo| memo.printed(lang)).unwrap_or_default(),
        date_label: t(lang, "doc-date-label"),
        date_bangla,
        date_gregorian,
    }
}

/// The letterhead of a letter an office issues: the government, the office, its website.
pub(crate) fn office_letterhead(lang: Lang, office: &OfficeRow) -> Letterhead {
    Letterhead {
        government: t(lang, "government"),
        ministry: office.name.get(lang).to_owned(),
        unit: String::new(),
        website: office.website.clone().unwrap_or_default(),
    }
}

/// The signature of a letter signed on `date` (if issued) by a person in a post, as far as known.
pub(crate) fn signature_of(
    lang: Lang,
    date: Option<NaiveDate>,
    person: Option<&PersonRow>,
    post: Option<&PostRow>,
) -> SignatureBlock {
    SignatureBlock {
        date: date
            .map(|date| udbhabon_i18n::format::date_short(lang, date))
            .unwrap_or_default(),
        name: person
            .map(|person| person.name.get(lang).to_owned())
            .unwrap_or_default(),
        designation: post
            .map(|post| post.label.get(lang).to_owned())
            .unwrap_or_default(),
        phone: person
            .and_then(|person| person.phone.as_deref())
            .map(|phone| digits(lang, phone)),
        email: person.and_then(|person| person.email.clone()),
    }
}

/// Builds what the PDF prints from an order, every string in `lang`; a draft's number and title say
/// that it is a draft.
pub(crate) fn office_order_view(
    office: &OfficeRow,
    order: &OrderDetail,
    lang: Lang,
    draft: bool,
) -> OfficeOrderView {
    let record = &order.order.record;
    let (date_bangla, date_gregorian) = letter_dates(lang, record.issued_on);
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
    let memo_number = |memo: &udbhabon_domain::office::memo::MemoNumber| {
        let printed = memo.printed(lang);
        if draft {
            format!("{printed} ({})", t(lang, "doc-draft"))
        } else {
            printed
        }
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
        language: document_language(lang),
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
        title: if draft {
            format!(
                "{} ({})",
                t(lang, "doc-office-order-title"),
                t(lang, "doc-draft")
            )
        } else {
            t(lang, "doc-office-order-title")
        },
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
