//! Reading meetings, their attendance, and the decisions of their minutes with who carries them out.

pub mod change;
pub mod decision;
pub mod minutes;
pub mod notice;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::meeting::MeetingKind;
use udbhabon_domain::meeting::decision::{Deadline, DecisionSerial, ResponsibleKind};
use udbhabon_domain::meeting::minutes::MinutesStage;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{decision as decision_row, decision_responsible, meeting, meeting_attendance};
use crate::office::memo::stored_memo;
use crate::office::rows;
use crate::{Db, DbError};

/// What a meeting records: when and where, who chaired, and the fixed parts of its minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub key: String,
    pub office_id: i32,
    pub team_id: Option<i32>,
    pub kind: MeetingKind,
    /// The starting year of the fiscal year whose plan the meeting reviews.
    pub plan_fiscal_year: Option<i32>,
    /// The meeting's ordinal in its series ("১ম সভা").
    pub sequence: Option<u32>,
    pub title: Bilingual,
    pub held_on: NaiveDate,
    pub starts_at: Option<NaiveTime>,
    pub place: Bilingual,
    pub chair_person_id: Option<i32>,
    pub chair_designation_id: Option<i32>,
    pub member_secretary_person_id: Option<i32>,
    pub member_secretary_post_id: Option<i32>,
    pub opening: Bilingual,
    pub closing: Bilingual,
    pub memo_number: Option<MemoNumber>,
    pub issued_on: Option<NaiveDate>,
    pub issuer_person_id: Option<i32>,
    pub issuer_post_id: Option<i32>,
    /// Where to join an online meeting; empty when it is held in a room only.
    pub online_link: String,
    /// The memo number of the invitation notice, once sent.
    pub notice_memo: Option<MemoNumber>,
    pub notice_sent_on: Option<NaiveDate>,
    /// Where the minutes stand; `None` until someone writes them. Issued minutes read `Issued`.
    pub minutes_stage: Option<MinutesStage>,
    pub circulated_on: Option<NaiveDate>,
    pub approved_on: Option<NaiveDate>,
    /// Who approved the minutes (the account's label).
    pub approved_by: Option<String>,
}

/// A stored meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRow {
    pub id: i32,
    pub record: MeetingRecord,
    pub distribution_list_id: Option<i32>,
    /// The day its cancellation notice was issued, when it was called off.
    pub cancelled_on: Option<NaiveDate>,
}

/// Whether one person attended, and whether they had been invited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceRow {
    pub person_id: i32,
    pub present: bool,
    pub invited: bool,
}

/// A decision of the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    pub id: i32,
    pub meeting_id: i32,
    pub serial: DecisionSerial,
    pub text: Bilingual,
    pub deadline: Deadline,
    pub responsible: Vec<ResponsibleRow>,
}

/// A body that carries out a decision, as the minutes name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponsibleRow {
    pub kind: ResponsibleKind,
    pub team_id: Option<i32>,
    pub unit_id: Option<i32>,
    pub office_id: Option<i32>,
    pub label: Bilingual,
}

impl TryFrom<meeting::Model> for MeetingRow {
    type Error = DbError;

    fn try_from(model: meeting::Model) -> Result<Self, DbError> {
        let record = MeetingRecord {
            kind: MeetingKind::from_code(&model.kind)?,
            sequence: model
                .sequence
                .and_then(|sequence| u32::try_from(sequence).ok()),
            title: Bilingual::new(model.title_bn, model.title_en),
            place: Bilingual::new(model.place_bn, model.place_en),
            opening: Bilingual::new(model.opening_bn, model.opening_en),
            closing: Bilingual::new(model.closing_bn, model.closing_en),
            memo_number: model.memo_number.as_deref().map(stored_memo).transpose()?,
            notice_memo: model.notice_memo.as_deref().map(stored_memo).transpose()?,
            notice_sent_on: model.notice_sent_on,
            online_link: model.online_link,
            minutes_stage: match (model.issued_on, model.minutes_stage.as_deref()) {
                (Some(_), _) => Some(MinutesStage::Issued),
                (None, Some(code)) => Some(MinutesStage::from_code(code)?),
                (None, None) => None,
            },
            circulated_on: model.circulated_on,
            approved_on: model.approved_on,
            approved_by: model.approved_by,
            key: model.key,
            office_id: model.office_id,
            team_id: model.team_id,
            plan_fiscal_year: model.plan_fiscal_year,
            held_on: model.held_on,
            starts_at: model.starts_at,
            chair_person_id: model.chair_person_id,
            chair_designation_id: model.chair_designation_id,
            member_secretary_person_id: model.member_secretary_person_id,
            member_secretary_post_id: model.member_secretary_post_id,
            issued_on: model.issued_on,
            issuer_person_id: model.issuer_person_id,
            issuer_post_id: model.issuer_post_id,
        };
        Ok(Self {
            id: model.id,
            record,
            distribution_list_id: model.distribution_list_id,
            cancelled_on: model.cancelled_on,
        })
    }
}

/// Reads the deadline columns back into a `Deadline`.
fn deadline(model: &decision_row::Model) -> Result<Deadline, DbError> {
    match (
        model.recurrence.as_deref(),
        model.deadline_on,
        model.day_of_month,
    ) {
        (Some("monthly"), _, Some(day)) => Ok(Deadline::MonthlyBy(
            u32::try_from(day).map_err(|_| DbError::Other("bad day".into()))?,
        )),
        (Some("yearly"), _, _) => Ok(Deadline::Yearly),
        (None, Some(date), _) => Ok(Deadline::By(date)),
        (None, None, _) => Ok(Deadline::Unspecified),
        (Some(other), _, _) => Err(DbError::Other(format!(
            "decision #{} has an unknown recurrence \"{other}\"",
            model.id
        ))),
    }
}

/// The deadline columns (date, recurrence, day of month) that store a `Deadline`.
pub(crate) fn deadline_columns(
    deadline: Deadline,
) -> (Option<NaiveDate>, Option<String>, Option<i32>) {
    match deadline {
        Deadline::By(date) => (Some(date), None, None),
        Deadline::MonthlyBy(day) => (None, Some("monthly".into()), i32::try_from(day).ok()),
        Deadline::Yearly => (None, Some("yearly".into()), None),
        Deadline::Unspecified => (None, None, None),
    }
}

impl Db {
    pub async fn meeting_by_id(&self, id: i32) -> Result<MeetingRow, DbError> {
        meeting::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting #{id}")))?
            .try_into()
    }

    pub async fn meeting_by_key(&self, key: &str) -> Result<MeetingRow, DbError> {
        meeting::Entity::find()
            .filter(meeting::Column::Key.eq(key))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting {key}")))?
            .try_into()
    }

    /// The meetings of an office, the latest first.
    pub async fn meetings_of_office(&self, office_id: i32) -> Result<Vec<MeetingRow>, DbError> {
        let models = meeting::Entity::find()
            .filter(meeting::Column::OfficeId.eq(office_id))
            .order_by_desc(meeting::Column::HeldOn)
            .order_by_desc(meeting::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    pub async fn attendance(&self, meeting_id: i32) -> Result<Vec<AttendanceRow>, DbError> {
        let models = meeting_attendance::Entity::find()
            .filter(meeting_attendance::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_attendance::Column::Id)
            .all(self.connection())
            .await?;
        Ok(models
            .into_iter()
            .map(|model| AttendanceRow {
                person_id: model.person_id,
                present: model.present,
                invited: model.invited,
            })
            .collect())
    }

    /// The decisions of a meeting in serial order, each with its responsible bodies (two queries).
    pub async fn decisions_of_meeting(&self, meeting_id: i32) -> Result<Vec<DecisionRow>, DbError> {
        self.decisions_where(decision_row::Column::MeetingId.eq(meeting_id))
            .await
    }

    /// The decisions of these meetings, by meeting and serial.
    pub async fn decisions_of_meetings(
        &self,
        meeting_ids: &[i32],
    ) -> Result<Vec<DecisionRow>, DbError> {
        self.decisions_where(decision_row::Column::MeetingId.is_in(meeting_ids.iter().copied()))
            .await
    }

    /// One decision with its responsible bodies.
    pub async fn decision(&self, id: i32) -> Result<DecisionRow, DbError> {
        self.decisions_where(decision_row::Column::Id.eq(id))
            .await?
            .pop()
            .ok_or_else(|| DbError::NotFound(format!("decision #{id}")))
    }

    async fn decisions_where(
        &self,
        condition: impl sea_orm::sea_query::IntoCondition,
    ) -> Result<Vec<DecisionRow>, DbError> {
        let decisions = decision_row::Entity::find()
            .filter(condition)
            .order_by_asc(decision_row::Column::MeetingId)
            .order_by_asc(decision_row::Column::Paragraph)
            .order_by_asc(decision_row::Column::Item)
            .all(self.connection())
            .await?;
        let mut responsible: HashMap<i32, Vec<ResponsibleRow>> = HashMap::new();
        let responsible_models = decision_responsible::Entity::find()
            .filter(
                decision_responsible::Column::DecisionId
                    .is_in(decisions.iter().map(|decision| decision.id)),
            )
            .order_by_asc(decision_responsible::Column::Position)
            .all(self.connection())
            .await?;
        for model in responsible_models {
            responsible
                .entry(model.decision_id)
                .or_default()
                .push(ResponsibleRow {
                    kind: ResponsibleKind::from_code(&model.kind)?,
                    team_id: model.team_id,
                    unit_id: model.unit_id,
                    office_id: model.office_id,
                    label: Bilingual::new(model.label_bn, model.label_en),
                });
        }
        decisions
            .into_iter()
            .map(|model| {
                let serial = DecisionSerial {
                    paragraph: u32::try_from(model.paragraph)
                        .map_err(|_| DbError::Other("bad paragraph".into()))?,
                    item: u32::try_from(model.item)
                        .map_err(|_| DbError::Other("bad item".into()))?,
                };
                Ok(DecisionRow {
                    id: model.id,
                    meeting_id: model.meeting_id,
                    serial,
                    deadline: deadline(&model)?,
                    responsible: responsible.remove(&model.id).unwrap_or_default(),
                    text: Bilingual::new(model.text_bn, model.text_en),
                })
            })
            .collect()
    }
}
