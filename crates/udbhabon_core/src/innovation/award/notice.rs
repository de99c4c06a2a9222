//! What the award notice prints: the letter announcing a year's winners with their marks, the
//! criteria and weights they were ranked by (as kept with the decision), the issuer's signature and
//! the distribution.

use std::collections::HashMap;

use bangla::FiscalYear;
use udbhabon_db::innovation::award::{AwardRoundRow, Winner};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{PersonRow, PostRow};
use udbhabon_db::write::NewDistributionEntry;
use udbhabon_docs::{AwardNoticeView, AwardWinnerLine, Fonts, NumberedItem};
use udbhabon_domain::Lang;
use udbhabon_i18n::{format, t, t_args};

use crate::Error;
use crate::innovation::award::{award_name, criterion_label, figure};
use crate::team::order::pdf::{
    document_language, full_stop, memo_line, office_letterhead, signature_of,
};

/// What the notice is printed from.
pub(crate) struct NoticeFacts<'a> {
    pub office: &'a OfficeRow,
    pub year: FiscalYear,
    /// The round as issued: its number, date and distribution entries come from here.
    pub round: &'a AwardRoundRow,
    /// The winning offices, by id.
    pub offices: &'a HashMap<i32, OfficeRow>,
    pub issuer: Option<&'a PersonRow>,
    pub issuer_post: Option<&'a PostRow>,
    /// The recipients, as stored with the round.
    pub distribution: &'a [NewDistributionEntry],
}

fn winner_lines(facts: &NoticeFacts<'_>, lang: Lang) -> Vec<AwardWinnerLine> {
    let round = facts.round;
    round
        .winners()
        .enumerate()
        .map(|(index, (category, Winner { office_id, reason }))| {
            let total = round
                .ranking
                .iter()
                .filter(|ranked| ranked.category == category)
                .flat_map(|ranked| &ranked.ranked)
                .find(|ranked| ranked.office_id == *office_id)
                .map_or(0.0, |ranked| ranked.total);
            AwardWinnerLine {
                serial: full_stop(lang, index + 1),
                category: award_name(lang, category),
                office: facts
                    .offices
                    .get(office_id)
                    .map(|office| office.name.get(lang).to_owned())
                    .unwrap_or_default(),
                reason: if reason.is_empty() {
                    String::new()
                } else {
                    t_args(lang, "award-notice-reason", &[("reason", reason.clone())])
                },
                marks: format::marks(lang, total),
            }
        })
        .collect()
}

/// What the notice prints in `lang`.
pub(crate) fn award_notice_view(facts: &NoticeFacts<'_>, lang: Lang) -> AwardNoticeView {
    let round = facts.round;
    let year = format::digits(lang, &facts.year.short_en());
    let office = facts.office.name.get(lang).to_owned();
    let criteria = round
        .rules
        .criteria
        .iter()
        .map(|entry| {
            format!(
                "{} {}",
                criterion_label(lang, &entry.criterion),
                figure(lang, entry.weight)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let ties = round
        .rules
        .tie_breaks
        .iter()
        .map(|code| criterion_label(lang, code))
        .collect::<Vec<_>>()
        .join(" → ");
    let distribution = facts
        .distribution
        .iter()
        .enumerate()
        .map(|(index, entry)| NumberedItem {
            number: format::digits(lang, &format!("{})", index + 1)),
            text: entry.text.get(lang).to_owned(),
        })
        .collect();
    AwardNoticeView {
        language: document_language(lang),
        letterhead: office_letterhead(lang, facts.office),
        memo_line: memo_line(lang, round.memo_number.as_ref(), round.issued_on),
        title: t(lang, "award-notice-title"),
        subject: (
            t(lang, "doc-notice-subject"),
            t_args(lang, "award-notice-subject", &[("year", year.clone())]),
        ),
        body: t_args(
            lang,
            "award-notice-body",
            &[("office", office), ("year", year)],
        ),
        headings: [
            t(lang, "award-notice-serial"),
            t(lang, "award-notice-category"),
            t(lang, "award-notice-office"),
            t(lang, "award-notice-marks"),
        ],
        winners: winner_lines(facts, lang),
        paragraphs: vec![
            format!(
                "{} {}",
                full_stop(lang, 2),
                t_args(
                    lang,
                    "award-notice-criteria",
                    &[("criteria", criteria), ("ties", ties)]
                )
            ),
            format!(
                "{} {}",
                full_stop(lang, 3),
                t(lang, "award-notice-authority")
            ),
        ],
        signature: signature_of(lang, round.issued_on, facts.issuer, facts.issuer_post),
        distribution: (
            format!("{} :", t(lang, "meeting-distribution-heading")),
            distribution,
        ),
    }
}

/// Typesets the notice in `lang`.
pub(crate) fn render_award_notice(
    fonts: &Fonts,
    facts: &NoticeFacts<'_>,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    udbhabon_docs::render_award_notice(fonts, &award_notice_view(facts, lang))
        .map_err(|error| Error::Internal(error.to_string()))
}
