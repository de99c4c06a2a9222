//! Half-yearly self-assessments and their mid-year review: the office's snapshot of each indicator,
//! sent again as often as it likes until the office above has marked it, and fixed from then on.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::plan::assessment::AssessmentStatus;
use udbhabon_domain::plan::score::Measure;

use crate::entity::{assessment_line, plan_assessment};
use crate::plan::progress::value_json;
use crate::{Db, DbError, Tx};

/// One indicator as the office assessed it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentLine {
    pub indicator_id: i32,
    /// The half-year's achievement, if anything was reported.
    pub achieved: Option<Measure>,
    /// Whether the entries behind it carry evidence.
    pub evidence: bool,
    pub self_marks: f64,
    /// The marks the office above gave, once it has reviewed.
    pub reviewed_marks: Option<f64>,
}

/// The office above's review of a self-assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentReview {
    pub score: f64,
    pub feedback: String,
    pub by: String,
    pub at: DateTime<Utc>,
    /// Whether it came by the mid-year review's due date.
    pub on_time: bool,
}

/// A plan's self-assessment, with its lines in indicator order.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    pub id: i32,
    pub plan_id: i32,
    pub status: AssessmentStatus,
    pub self_score: f64,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub on_time: bool,
    pub review: Option<AssessmentReview>,
    pub version: i32,
    pub lines: Vec<AssessmentLine>,
}

fn line_row(model: assessment_line::Model) -> Result<AssessmentLine, DbError> {
    Ok(AssessmentLine {
        achieved: model
            .achieved
            .as_deref()
            .map(|text| {
                serde_json::from_str(text).map_err(|error| {
                    DbError::Other(format!("assessment line #{}: {error}", model.id))
                })
            })
            .transpose()?,
        indicator_id: model.indicator_id,
        evidence: model.evidence,
        self_marks: model.self_marks,
        reviewed_marks: model.reviewed_marks,
    })
}

fn assessment_row(
    model: plan_assessment::Model,
    lines: Vec<assessment_line::Model>,
) -> Result<AssessmentRow, DbError> {
    let review = match (
        model.reviewed_score,
        model.reviewed_by,
        model.reviewed_at,
        model.review_on_time,
    ) {
        (Some(score), Some(by), Some(at), Some(on_time)) => Some(AssessmentReview {
            score,
            feedback: model.feedback,
            by,
            at,
            on_time,
        }),
        _ => None,
    };
    Ok(AssessmentRow {
        id: model.id,
        plan_id: model.plan_id,
        status: AssessmentStatus::from_code(&model.status)?,
        self_score: model.self_score,
        submitted_by: model.submitted_by,
        submitted_at: model.submitted_at,
        on_time: model.on_time,
        review,
        version: model.version,
        lines: lines.into_iter().map(line_row).collect::<Result<_, _>>()?,
    })
}

impl Db {
    /// The plan's self-assessment, if its office has sent one.
    pub async fn plan_assessment(&self, plan_id: i32) -> Result<Option<AssessmentRow>, DbError> {
        let Some(model) = plan_assessment::Entity::find()
            .filter(plan_assessment::Column::PlanId.eq(plan_id))
            .one(self.connection())
            .await?
        else {
            return Ok(None);
        };
        let lines = assessment_line::Entity::find()
            .filter(assessment_line::Column::AssessmentId.eq(model.id))
            .order_by_asc(assessment_line::Column::IndicatorId)
            .all(self.connection())
            .await?;
        assessment_row(model, lines).map(Some)
    }
}

impl Tx {
    /// Records the office's self-assessment at the server's time, or replaces the one it sent before;
    /// one the office above has reviewed is a conflict.
    pub async fn submit_assessment(
        &self,
        plan_id: i32,
        lines: &[AssessmentLine],
        on_time: bool,
    ) -> Result<(), DbError> {
        // The plan's lock orders two senders, and a sender against a reviewer.
        self.plan_for_update(plan_id).await?;
        let current = plan_assessment::Entity::find()
            .filter(plan_assessment::Column::PlanId.eq(plan_id))
            .one(&self.transaction)
            .await?;
        let self_score = lines.iter().map(|line| line.self_marks).sum();
        let (label, at) = (self.author.label.clone(), self.author.at);
        let assessment = match current {
            Some(current) if current.status == AssessmentStatus::Reviewed.code() => {
                return Err(DbError::Conflict(format!(
                    "the self-assessment of plan #{plan_id} is reviewed already"
                )));
            }
            Some(current) => {
                let version = current.version + 1;
                self.update_audited(current, |active: &mut plan_assessment::ActiveModel| {
                    active.self_score = Set(self_score);
                    active.submitted_by = Set(label);
                    active.submitted_at = Set(at);
                    active.on_time = Set(on_time);
                    active.version = Set(version);
                })
                .await?
            }
            None => {
                self.insert_audited(plan_assessment::ActiveModel {
                    plan_id: Set(plan_id),
                    status: Set(AssessmentStatus::Submitted.code().to_owned()),
                    self_score: Set(self_score),
                    submitted_by: Set(label),
                    submitted_at: Set(at),
                    on_time: Set(on_time),
                    reviewed_score: Set(None),
                    feedback: Set(String::new()),
                    reviewed_by: Set(None),
                    reviewed_at: Set(None),
                    review_on_time: Set(None),
                    version: Set(1),
                    ..Default::default()
                })
                .await?
            }
        };
        let mut earlier: HashMap<i32, assessment_line::Model> = assessment_line::Entity::find()
            .filter(assessment_line::Column::AssessmentId.eq(assessment.id))
            .all(&self.transaction)
            .await?
            .into_iter()
            .map(|line| (line.indicator_id, line))
            .collect();
        for line in lines {
            let achieved = line.achieved.as_ref().map(value_json).transpose()?;
            match earlier.remove(&line.indicator_id) {
                Some(before) => {
                    self.update_audited(before, |active: &mut assessment_line::ActiveModel| {
                        active.achieved = Set(achieved);
                        active.evidence = Set(line.evidence);
                        active.self_marks = Set(line.self_marks);
                    })
                    .await?;
                }
                None => {
                    self.insert_audited(assessment_line::ActiveModel {
                        assessment_id: Set(assessment.id),
                        indicator_id: Set(line.indicator_id),
                        achieved: Set(achieved),
                        evidence: Set(line.evidence),
                        self_marks: Set(line.self_marks),
                        reviewed_marks: Set(None),
                        ..Default::default()
                    })
                    .await?;
                }
            }
        }
        Ok(())
    }

    /// Records the office above's marks per indicator and its feedback, over the version of the
    /// self-assessment the reviewer read; a newer one, or one reviewed already, is a conflict.
    pub async fn review_assessment(
        &self,
        plan_id: i32,
        seen_version: i32,
        marks: &HashMap<i32, f64>,
        feedback: &str,
        on_time: bool,
    ) -> Result<(), DbError> {
        self.plan_for_update(plan_id).await?;
        let current = plan_assessment::Entity::find()
            .filter(plan_assessment::Column::PlanId.eq(plan_id))
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("the self-assessment of plan #{plan_id}")))?;
        if current.status == AssessmentStatus::Reviewed.code() || current.version != seen_version {
            return Err(DbError::Conflict(format!(
                "the self-assessment of plan #{plan_id} changed since it was read"
            )));
        }
        let lines = assessment_line::Entity::find()
            .filter(assessment_line::Column::AssessmentId.eq(current.id))
            .all(&self.transaction)
            .await?;
        let mut total = 0.0;
        for line in lines {
            let given = marks.get(&line.indicator_id).copied().ok_or_else(|| {
                DbError::Other(format!("no marks for indicator #{}", line.indicator_id))
            })?;
            total += given;
            self.update_audited(line, |active: &mut assessment_line::ActiveModel| {
                active.reviewed_marks = Set(Some(given));
            })
            .await?;
        }
        let (label, at) = (self.author.label.clone(), self.author.at);
        let feedback = feedback.to_owned();
        self.update_audited(current, |active: &mut plan_assessment::ActiveModel| {
            active.status = Set(AssessmentStatus::Reviewed.code().to_owned());
            active.reviewed_score = Set(Some(total));
            active.feedback = Set(feedback);
            active.reviewed_by = Set(Some(label));
            active.reviewed_at = Set(Some(at));
            active.review_on_time = Set(Some(on_time));
        })
        .await?;
        Ok(())
    }
}
