//! The award's rounds as stored: each confirmation with the ranking and rules it was made on, read
//! back whole, and the notice's memo number once issued.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::award::{AwardCategory, AwardRulesFile, RankedCategory};
use udbhabon_domain::office::memo::MemoNumber;

use crate::entity::award_round;
use crate::office::memo::stored_memo;
use crate::write::NewDistributionEntry;
use crate::{Db, DbError, Tx};

/// A winner the committee chose, and why when the ranking alone did not choose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Winner {
    pub office_id: i32,
    pub reason: String,
}

/// A round as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardRoundRow {
    pub id: i32,
    pub office_id: i32,
    /// The fiscal year's first calendar year.
    pub fiscal_year: i32,
    pub rules: AwardRulesFile,
    pub ranking: Vec<RankedCategory>,
    pub agency: Option<Winner>,
    pub field_office: Option<Winner>,
    pub confirmed_by_person_id: i32,
    pub confirmed_at: DateTime<Utc>,
    pub memo_number: Option<MemoNumber>,
    pub issued_on: Option<NaiveDate>,
    pub issuer_person_id: Option<i32>,
    pub issuer_post_id: Option<i32>,
    pub distribution_list_id: Option<i32>,
}

impl AwardRoundRow {
    /// The winner of one award, if the team chose one.
    pub fn winner(&self, category: AwardCategory) -> Option<&Winner> {
        match category {
            AwardCategory::Agency => self.agency.as_ref(),
            AwardCategory::FieldOffice => self.field_office.as_ref(),
        }
    }

    /// Each award the team gave and its winner, agency first.
    pub fn winners(&self) -> impl Iterator<Item = (AwardCategory, &Winner)> {
        AwardCategory::ALL
            .iter()
            .filter_map(|category| Some((*category, self.winner(*category)?)))
    }
}

/// The committee's confirmation of a year's winners, with what it was shown.
#[derive(Debug, Clone)]
pub struct AwardConfirmation {
    pub office_id: i32,
    pub fiscal_year: i32,
    pub rules: AwardRulesFile,
    pub ranking: Vec<RankedCategory>,
    pub agency: Option<Winner>,
    pub field_office: Option<Winner>,
    pub confirmed_by_person_id: i32,
}

/// The award notice as issued.
#[derive(Debug, Clone)]
pub struct AwardIssue {
    pub memo_number: MemoNumber,
    pub issued_on: NaiveDate,
    pub issuer_person_id: i32,
    pub issuer_post_id: Option<i32>,
    pub distribution: Vec<NewDistributionEntry>,
}

fn stored<T: serde::de::DeserializeOwned>(id: i32, what: &str, text: &str) -> Result<T, DbError> {
    serde_json::from_str(text)
        .map_err(|error| DbError::Other(format!("award round #{id}: stored {what}: {error}")))
}

fn json(value: &impl serde::Serialize) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|error| DbError::Other(error.to_string()))
}

fn winner(office_id: Option<i32>, reason: String) -> Option<Winner> {
    office_id.map(|office_id| Winner { office_id, reason })
}

impl TryFrom<award_round::Model> for AwardRoundRow {
    type Error = DbError;

    fn try_from(model: award_round::Model) -> Result<Self, DbError> {
        Ok(Self {
            rules: stored(model.id, "rules", &model.rules)?,
            ranking: stored(model.id, "ranking", &model.ranking)?,
            memo_number: model.memo_number.as_deref().map(stored_memo).transpose()?,
            agency: winner(model.agency_office_id, model.agency_reason),
            field_office: winner(model.field_office_id, model.field_office_reason),
            id: model.id,
            office_id: model.office_id,
            fiscal_year: model.fiscal_year,
            confirmed_by_person_id: model.confirmed_by_person_id,
            confirmed_at: model.confirmed_at,
            issued_on: model.issued_on,
            issuer_person_id: model.issuer_person_id,
            issuer_post_id: model.issuer_post_id,
            distribution_list_id: model.distribution_list_id,
        })
    }
}

impl Db {
    /// The round of an office's year, if its winners were confirmed.
    pub async fn award_round(
        &self,
        office_id: i32,
        fiscal_year: i32,
    ) -> Result<Option<AwardRoundRow>, DbError> {
        award_round::Entity::find()
            .filter(award_round::Column::OfficeId.eq(office_id))
            .filter(award_round::Column::FiscalYear.eq(fiscal_year))
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }

    /// The rounds whose notice was issued (by `office` alone, when given), the latest year first: the
    /// portal's roll of winners and an office's notice board.
    pub async fn issued_award_rounds(
        &self,
        office: Option<i32>,
        limit: u64,
    ) -> Result<Vec<AwardRoundRow>, DbError> {
        let mut query =
            award_round::Entity::find().filter(award_round::Column::IssuedOn.is_not_null());
        if let Some(office_id) = office {
            query = query.filter(award_round::Column::OfficeId.eq(office_id));
        }
        query
            .order_by_desc(award_round::Column::FiscalYear)
            .order_by_asc(award_round::Column::OfficeId)
            .limit(limit)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}

/// The round of an office's year under its row lock.
async fn locked_round(
    tx: &Tx,
    office_id: i32,
    fiscal_year: i32,
) -> Result<Option<award_round::Model>, DbError> {
    Ok(award_round::Entity::find()
        .filter(award_round::Column::OfficeId.eq(office_id))
        .filter(award_round::Column::FiscalYear.eq(fiscal_year))
        .lock_exclusive()
        .one(&tx.transaction)
        .await?)
}

fn already_issued(model: &award_round::Model) -> DbError {
    DbError::Conflict(format!(
        "the award notice of office #{} for {} is already issued",
        model.office_id, model.fiscal_year
    ))
}

impl Tx {
    /// Records the committee's winners for a year, replacing an earlier confirmation while the
    /// notice is not yet issued (a conflict after); returns the round's id.
    pub async fn confirm_award_round(
        &self,
        confirmation: AwardConfirmation,
    ) -> Result<i32, DbError> {
        let rules = json(&confirmation.rules)?;
        let ranking = json(&confirmation.ranking)?;
        let (agency_id, agency_reason) = confirmation
            .agency
            .map_or((None, String::new()), |w| (Some(w.office_id), w.reason));
        let (field_id, field_reason) = confirmation
            .field_office
            .map_or((None, String::new()), |w| (Some(w.office_id), w.reason));
        let at = self.author.at;
        let person = confirmation.confirmed_by_person_id;
        match locked_round(self, confirmation.office_id, confirmation.fiscal_year).await? {
            Some(model) if model.issued_on.is_some() => Err(already_issued(&model)),
            Some(model) => {
                let updated = self
                    .update_audited(model, |active: &mut award_round::ActiveModel| {
                        active.rules = Set(rules);
                        active.ranking = Set(ranking);
                        active.agency_office_id = Set(agency_id);
                        active.agency_reason = Set(agency_reason);
                        active.field_office_id = Set(field_id);
                        active.field_office_reason = Set(field_reason);
                        active.confirmed_by_person_id = Set(person);
                        active.confirmed_at = Set(at);
                    })
                    .await?;
                Ok(updated.id)
            }
            None => {
                let inserted = self
                    .insert_audited(award_round::ActiveModel {
                        office_id: Set(confirmation.office_id),
                        fiscal_year: Set(confirmation.fiscal_year),
                        rules: Set(rules),
                        ranking: Set(ranking),
                        agency_office_id: Set(agency_id),
                        agency_reason: Set(agency_reason),
                        field_office_id: Set(field_id),
                        field_office_reason: Set(field_reason),
                        confirmed_by_person_id: Set(person),
                        confirmed_at: Set(at),
                        memo_number: Set(None),
                        issued_on: Set(None),
                        issuer_person_id: Set(None),
                        issuer_post_id: Set(None),
                        distribution_list_id: Set(None),
                        ..Default::default()
                    })
                    .await?;
                Ok(inserted.id)
            }
        }
    }

    /// Issues a confirmed round's notice under its row lock: not found before a confirmation, a
    /// conflict once issued. Returns the round as issued.
    pub async fn issue_award_round(
        &self,
        office_id: i32,
        fiscal_year: i32,
        issue: AwardIssue,
    ) -> Result<AwardRoundRow, DbError> {
        let model = locked_round(self, office_id, fiscal_year)
            .await?
            .ok_or_else(|| {
                DbError::NotFound(format!(
                    "an award round of office #{office_id} for {fiscal_year}"
                ))
            })?;
        if model.issued_on.is_some() {
            return Err(already_issued(&model));
        }
        let list_id = self
            .insert_distribution("award_notice_distribution", issue.distribution)
            .await?;
        let memo = issue.memo_number.to_string();
        self.update_audited(model, |active: &mut award_round::ActiveModel| {
            active.memo_number = Set(Some(memo));
            active.issued_on = Set(Some(issue.issued_on));
            active.issuer_person_id = Set(Some(issue.issuer_person_id));
            active.issuer_post_id = Set(issue.issuer_post_id);
            active.distribution_list_id = Set(Some(list_id));
        })
        .await?
        .try_into()
    }
}
