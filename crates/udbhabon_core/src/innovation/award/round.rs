//! The award team's decision and its notice: the chief innovation officer confirms a year's winners
//! from the ranking, with a reason wherever the ranking alone did not choose them; the member
//! secretary then issues the award notice under the next memo number of a file, and the notice is
//! public from then on.

use std::collections::HashMap;

use bangla::FiscalYear;
use udbhabon_db::document::sha256_hex;
use udbhabon_db::innovation::award::{AwardConfirmation, AwardIssue, AwardRoundRow, Winner};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::memo::MemoFileRow;
use udbhabon_db::office::person::PersonRow;
use udbhabon_db::write::NewDistributionEntry;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::award::{
    AwardCategory, AwardRulesFile, RankedCategory, reason_needed,
};
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Lang, ValidationErrors};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::innovation::award::AwardRanking;
use crate::innovation::award::notice::{NoticeFacts, render_award_notice};
use crate::team::order::pdf::Document;
use crate::{App, Error};

/// The kind under which issued award notices' PDFs are stored.
pub(crate) const AWARD_NOTICE_DOCUMENT: &str = "award_notice";

/// How many issued rounds the portal lists.
const ROLL_LENGTH: u64 = 20;

/// The team's choice in one award, as the form sends it: an office id, and why.
#[derive(Debug, Clone, Default)]
pub struct WinnerChoice {
    pub office_id: String,
    pub reason: String,
}

/// The team's choice of a year's winners, with the fingerprint of the ranking it was made on.
#[derive(Debug, Clone, Default)]
pub struct AwardChoice {
    pub ranking: String,
    pub agency: WinnerChoice,
    pub field_office: WinnerChoice,
}

/// Where a year's round stands, for the ranking page.
#[derive(Debug, Clone)]
pub struct AwardRoundState {
    pub round: Option<AwardRoundRow>,
    /// Who confirmed the winners.
    pub confirmed_by: Option<PersonRow>,
    /// The winning offices, by id.
    pub winners: HashMap<i32, OfficeRow>,
    /// Whether the year is over, so that its winners may be chosen.
    pub year_over: bool,
    /// Whether the reader may confirm (or, before the notice, confirm again).
    pub may_confirm: bool,
    /// Whether the reader may issue the notice; the files to take its number from.
    pub may_issue: bool,
    pub memo_files: Vec<MemoFileRow>,
    /// The fingerprint of the ranking shown, which a confirmation must carry.
    pub fingerprint: String,
}

/// A year's winners as the portal lists them, with their notice.
#[derive(Debug, Clone)]
pub struct IssuedAward {
    pub office: OfficeRow,
    pub year: FiscalYear,
    pub winners: Vec<(AwardCategory, OfficeRow)>,
    pub memo_number: MemoNumber,
}

/// The ranking as kept with a decision: each award's candidates in order, with their arithmetic.
fn snapshot(ranking: &AwardRanking) -> Vec<RankedCategory> {
    ranking
        .categories
        .iter()
        .map(|(category, candidates)| RankedCategory {
            category: *category,
            ranked: candidates
                .iter()
                .map(|candidate| candidate.ranked.clone())
                .collect(),
        })
        .collect()
}

/// A short digest of a ranking, so a confirmation is refused when the ranking changed after the
/// page that made it was shown.
fn fingerprint(snapshot: &[RankedCategory]) -> Result<String, Error> {
    let json = serde_json::to_vec(snapshot).map_err(|error| Error::Internal(error.to_string()))?;
    Ok(sha256_hex(&json)[..16].to_owned())
}

/// The form's fields for an award: the winner, and the reason.
pub fn award_fields(category: AwardCategory) -> (&'static str, &'static str) {
    match category {
        AwardCategory::Agency => ("agency", "agency_reason"),
        AwardCategory::FieldOffice => ("field_office", "field_office_reason"),
    }
}

/// The winner chosen in one award, checked against its ranking.
fn chosen(
    category: &RankedCategory,
    choice: &WinnerChoice,
    errors: &mut ValidationErrors,
) -> Option<Winner> {
    let (field, reason_field) = award_fields(category.category);
    let text = bangla::to_ascii_digits(choice.office_id.trim());
    if text.is_empty() {
        if !category.ranked.is_empty() {
            errors.add(field, "error-award-winner-required");
        }
        return None;
    }
    let reason = choice.reason.trim();
    let office_id = text.parse::<i32>().ok();
    match office_id.and_then(|id| reason_needed(&category.ranked, id).map(|needed| (id, needed))) {
        None => {
            errors.add(field, "error-award-winner");
            None
        }
        Some((_, true)) if reason.is_empty() => {
            errors.add(reason_field, "error-award-reason");
            None
        }
        Some((office_id, _)) => Some(Winner {
            office_id,
            reason: reason.to_owned(),
        }),
    }
}

impl App {
    /// Where the year's round stands and what the reader may do with it.
    pub async fn award_round_state(
        &self,
        who: &SignedIn,
        ranking: &AwardRanking,
    ) -> Result<AwardRoundState, Error> {
        let office_id = ranking.office.id;
        let round = self
            .db
            .award_round(office_id, ranking.year.start_year())
            .await?;
        let issued = round
            .as_ref()
            .is_some_and(|round| round.issued_on.is_some());
        let year_over = ranking.year.last_day() < self.today();
        let may_confirm =
            year_over && !issued && self.may(who, Action::ApproveAndSign, office_id).await?;
        let may_issue =
            round.is_some() && !issued && self.may(who, Action::ManageTeam, office_id).await?;
        let winner_ids: Vec<i32> = round
            .iter()
            .flat_map(|round| round.winners().map(|(_, winner)| winner.office_id))
            .collect();
        let confirmed_by = match &round {
            Some(round) => self
                .db
                .people(&[round.confirmed_by_person_id])
                .await?
                .remove(&round.confirmed_by_person_id),
            None => None,
        };
        Ok(AwardRoundState {
            winners: self.db.offices_by_ids(&winner_ids).await?,
            memo_files: if may_issue {
                self.db.memo_files(office_id).await?
            } else {
                Vec::new()
            },
            fingerprint: fingerprint(&snapshot(ranking))?,
            round,
            confirmed_by,
            year_over,
            may_confirm,
            may_issue,
        })
    }

    /// The chief innovation officer confirms the year's winners, one per award, from the ranking as
    /// it stands; a winner the ranking did not put first alone needs the team's reason. The
    /// ranking and the rules are kept with the decision. Confirming again replaces the decision
    /// until the notice is issued.
    pub async fn confirm_award(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
        choice: &AwardChoice,
    ) -> Result<(), Error> {
        let ranking = self.award_ranking(who, office_key, year).await?;
        let office_id = ranking.office.id;
        self.require(who, Action::ApproveAndSign, office_id).await?;
        if year.last_day() >= self.today() {
            return Err(invalid("decision", "error-award-year-open"));
        }
        if self
            .db
            .award_round(office_id, year.start_year())
            .await?
            .is_some_and(|round| round.issued_on.is_some())
        {
            return Err(invalid("decision", "error-award-issued"));
        }
        let kept = snapshot(&ranking);
        if choice.ranking.trim() != fingerprint(&kept)? {
            return Err(invalid("decision", "error-award-ranking-changed"));
        }
        if kept.iter().all(|category| category.ranked.is_empty()) {
            return Err(invalid("decision", "error-award-no-candidates"));
        }
        let mut errors = ValidationErrors::new();
        let mut winners = HashMap::new();
        for category in &kept {
            let choice = match category.category {
                AwardCategory::Agency => &choice.agency,
                AwardCategory::FieldOffice => &choice.field_office,
            };
            if let Some(winner) = chosen(category, choice, &mut errors) {
                winners.insert(category.category, winner);
            }
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.confirm_award_round(AwardConfirmation {
            office_id,
            fiscal_year: year.start_year(),
            rules: AwardRulesFile::from(ranking.rules),
            ranking: kept,
            agency: winners.remove(&AwardCategory::Agency),
            field_office: winners.remove(&AwardCategory::FieldOffice),
            confirmed_by_person_id: who.person_id,
        })
        .await?;
        tx.commit().await?;
        tracing::info!(office = %office_key, year = %year.short_en(), "award winners confirmed");
        Ok(())
    }

    /// The member secretary issues the confirmed year's award notice: its number is taken from the
    /// file, the winners and the office copy make the distribution, and the PDF is stored in both
    /// languages, all in one transaction, so that a failure uses no number.
    pub async fn issue_award_notice(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
        memo_file: &str,
    ) -> Result<MemoNumber, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let round = self
            .db
            .award_round(office.id, year.start_year())
            .await?
            .ok_or_else(|| invalid("decision", "error-award-not-confirmed"))?;
        if round.issued_on.is_some() {
            return Err(invalid("decision", "error-award-issued"));
        }
        let file = self.office_memo_file(office.id, memo_file).await?;
        let winner_ids: Vec<i32> = round
            .winners()
            .map(|(_, winner)| winner.office_id)
            .collect();
        let offices = self.db.offices_by_ids(&winner_ids).await?;
        let distribution: Vec<NewDistributionEntry> = winner_ids
            .iter()
            .filter_map(|id| offices.get(id))
            .map(|winner| NewDistributionEntry {
                text: winner.name.clone(),
                attention: None,
                office_id: Some(winner.id),
                post_id: None,
            })
            .chain(std::iter::once(NewDistributionEntry {
                text: Bilingual::new("অফিস কপি/গার্ড ফাইল", "Office copy/guard file"),
                attention: None,
                office_id: None,
                post_id: None,
            }))
            .collect();
        let today = self.today();
        let issuer_post_id = self.post_held_in(who.person_id, office.id).await?;
        let issuer = self
            .db
            .people(&[who.person_id])
            .await?
            .remove(&who.person_id);
        let issuer_post = match issuer_post_id {
            Some(id) => self.db.posts(&[id]).await?.remove(&id),
            None => None,
        };
        let fonts = self.fonts()?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let purpose = Bilingual::new(
            format!(
                "উদ্ভাবন পুরস্কার বিজ্ঞপ্তি {}",
                bangla::to_bengali_digits(&year.short_en())
            ),
            format!("Innovation award notice {}", year.short_en()),
        );
        let memo = tx.take_memo_number(file.id, today, purpose).await?;
        let issued = tx
            .issue_award_round(
                office.id,
                year.start_year(),
                AwardIssue {
                    memo_number: memo.clone(),
                    issued_on: today,
                    issuer_person_id: who.person_id,
                    issuer_post_id,
                    distribution: distribution.clone(),
                },
            )
            .await?;
        let facts = NoticeFacts {
            office: &office,
            year,
            round: &issued,
            offices: &offices,
            issuer: issuer.as_ref(),
            issuer_post: issuer_post.as_ref(),
            distribution: &distribution,
        };
        for lang in Lang::ALL {
            let bytes = render_award_notice(fonts, &facts, lang)?;
            tx.store_issued_document(
                AWARD_NOTICE_DOCUMENT,
                issued.id,
                lang,
                "application/pdf",
                bytes,
            )
            .await?;
        }
        tx.commit().await?;
        tracing::info!(office = %office_key, year = %year.short_en(), memo = %memo, "award notice issued");
        Ok(memo)
    }

    /// An issued award notice in `lang`, as stored when it was issued: public, like the portal.
    pub async fn award_notice_pdf(
        &self,
        office_key: &str,
        year: FiscalYear,
        lang: Lang,
    ) -> Result<Document, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let missing = || {
            Error::NotFound(format!(
                "the award notice of {office_key} for {}",
                year.short_en()
            ))
        };
        let round = self
            .db
            .award_round(office.id, year.start_year())
            .await?
            .filter(|round| round.issued_on.is_some())
            .ok_or_else(missing)?;
        let stored = self
            .db
            .issued_document(AWARD_NOTICE_DOCUMENT, round.id, lang)
            .await?
            .ok_or_else(missing)?;
        Ok(Document {
            file_name: format!("award-notice-{office_key}-{}.pdf", year.short_en()),
            bytes: stored.bytes,
        })
    }

    /// The years' winners whose notices are issued, the latest first: public.
    pub async fn issued_awards(&self) -> Result<Vec<IssuedAward>, Error> {
        let rounds = self.db.issued_award_rounds(None, ROLL_LENGTH).await?;
        let ids: Vec<i32> = rounds
            .iter()
            .flat_map(|round| {
                std::iter::once(round.office_id)
                    .chain(round.winners().map(|(_, winner)| winner.office_id))
            })
            .collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        Ok(rounds
            .into_iter()
            .filter_map(|round| {
                let winners = round
                    .winners()
                    .filter_map(|(category, winner)| {
                        Some((category, offices.get(&winner.office_id)?.clone()))
                    })
                    .collect();
                Some(IssuedAward {
                    office: offices.get(&round.office_id)?.clone(),
                    year: FiscalYear::starting_in(round.fiscal_year).ok()?,
                    memo_number: round.memo_number?,
                    winners,
                })
            })
            .collect())
    }
}
