//! Quarterly progress against a plan: saving and submitting an achievement with its evidence (the time
//! of submission is the server's, and on time or late is decided then), the office above accepting or
//! returning it, the plan's steps from draft to locked, and the scores kept on the plan for roll-ups.

use std::collections::HashMap;

use bangla::Quarter;
use chrono::NaiveDate;
use udbhabon_db::Tx;
use udbhabon_db::plan::progress::{EntryValues, EvidenceRow, ProgressRow};
use udbhabon_db::plan::{PlanRow, TargetRow, TemplateTree};
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus, PlanStep, on_time, read_measure};
use udbhabon_domain::plan::score::{
    IndicatorRule, Measure, annual_achievement, check_value, indicator_score,
};

use crate::account::SignedIn;
use crate::files::{EVIDENCE, check_uploads, record_uploads};
use crate::{App, Error};

/// A quarter's entry as typed, with the files chosen to go with it.
#[derive(Debug, Clone, Default)]
pub struct ProgressForm {
    pub value: String,
    pub comment: String,
    /// (file name, bytes) of each file uploaded with the form.
    pub files: Vec<(String, Vec<u8>)>,
    /// The entry's version the form was opened at; `None` for a first entry.
    pub seen_version: Option<i32>,
    /// Send it to the office above now, rather than keep it as a draft.
    pub submit: bool,
}

/// Why a save was refused, with what the form shows again.
#[derive(Debug)]
pub enum ProgressRefusal {
    Invalid(ValidationErrors),
    /// Someone saved the entry after the form was opened: here is the newer one.
    Stale(Box<ProgressRow>),
    Failed(Error),
}

impl From<Error> for ProgressRefusal {
    fn from(error: Error) -> Self {
        match error {
            Error::Invalid(errors) => Self::Invalid(errors),
            other => Self::Failed(other),
        }
    }
}

impl From<udbhabon_db::DbError> for ProgressRefusal {
    fn from(error: udbhabon_db::DbError) -> Self {
        Self::Failed(error.into())
    }
}

fn invalid(field: &str, key: &'static str) -> ValidationErrors {
    let mut errors = ValidationErrors::new();
    errors.add(field, key);
    errors
}

/// One indicator's year from its entries: the achievement and marks from the accepted entries (the
/// reviewed score) and the marks from every submitted one (the self-assessment), the quarters made
/// into the year by the indicator's calculation method.
pub(crate) fn indicator_year(
    rule: &IndicatorRule,
    indicator_id: i32,
    entries: &[ProgressRow],
) -> (Option<Measure>, f64, f64) {
    let year = |counts: &dyn Fn(EntryStatus) -> bool| {
        let mut values: [Option<Measure>; 4] = [None; 4];
        for entry in entries
            .iter()
            .filter(|entry| entry.indicator_id == indicator_id && counts(entry.status))
        {
            if let Some(slot) = values.get_mut(usize::from(entry.quarter).saturating_sub(1)) {
                *slot = entry.value;
            }
        }
        annual_achievement(rule.calculation, &values)
    };
    let accepted = year(&|status| status == EntryStatus::Accepted);
    let submitted =
        year(&|status| matches!(status, EntryStatus::Accepted | EntryStatus::Submitted));
    (
        accepted,
        indicator_score(rule, accepted.as_ref()),
        indicator_score(rule, submitted.as_ref()),
    )
}

/// The plan's (reviewed, self-assessed) marks from its entries.
pub(crate) fn plan_scores(rules: &[(i32, IndicatorRule)], entries: &[ProgressRow]) -> (f64, f64) {
    rules
        .iter()
        .fold((0.0, 0.0), |(reviewed, assessed), (id, rule)| {
            let (_, score, self_score) = indicator_year(rule, *id, entries);
            (reviewed + score, assessed + self_score)
        })
}

/// Every indicator of a plan with the office's own targets (the template's where it set none), in
/// template order.
pub(crate) fn office_rules(
    tree: &TemplateTree,
    targets: &HashMap<i32, TargetRow>,
) -> Vec<(i32, IndicatorRule)> {
    tree.areas
        .iter()
        .flat_map(|area| &area.activities)
        .flat_map(|activity| &activity.indicators)
        .map(|indicator| {
            (
                indicator.id,
                IndicatorRule {
                    targets: targets
                        .get(&indicator.id)
                        .and_then(|target| target.targets.clone())
                        .or_else(|| indicator.rule.targets.clone()),
                    ..indicator.rule.clone()
                },
            )
        })
        .collect()
}

/// Recomputes and stores the plan's scores from its entries as `tx` sees them.
async fn rescore(tx: &Tx, plan_id: i32, rules: &[(i32, IndicatorRule)]) -> Result<(), Error> {
    let entries = tx.progress_of_plan(plan_id).await?;
    let (reviewed, assessed) = plan_scores(rules, &entries);
    tx.set_plan_scores(plan_id, reviewed, assessed).await?;
    Ok(())
}

impl App {
    /// The plan's indicators with the office's targets (one query for the targets).
    pub(crate) async fn plan_rules(
        &self,
        plan: &PlanRow,
        tree: &TemplateTree,
    ) -> Result<Vec<(i32, IndicatorRule)>, Error> {
        Ok(office_rules(tree, &self.db.plan_targets(plan.id).await?))
    }

    /// Saves a quarter's achievement for an indicator, with any evidence files, and submits it when
    /// asked. Nothing is saved when the value, a file or the plan's state is wrong, or when someone
    /// saved the entry since the form was opened.
    pub async fn save_progress(
        &self,
        who: &SignedIn,
        plan_id: i32,
        indicator_id: i32,
        quarter: Quarter,
        form: ProgressForm,
    ) -> Result<ProgressRow, ProgressRefusal> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::SubmitForOffice, plan.office_id)
            .await?;
        match plan.status {
            PlanStatus::Locked => {
                return Err(ProgressRefusal::Invalid(invalid(
                    "value",
                    "error-plan-locked",
                )));
            }
            status if !status.takes_progress() => {
                return Err(ProgressRefusal::Invalid(invalid(
                    "value",
                    "error-plan-not-approved",
                )));
            }
            _ => {}
        }
        let tree = self.db.template_tree(plan.template_id).await?;
        let rules = self.plan_rules(&plan, &tree).await?;
        let rule = rules
            .iter()
            .find_map(|(id, rule)| (*id == indicator_id).then(|| rule.clone()))
            .ok_or_else(|| {
                Error::NotFound(format!("indicator #{indicator_id} of plan #{plan_id}"))
            })?;
        let year = bangla::FiscalYear::starting_in(tree.template.fiscal_year)
            .map_err(|error| Error::Internal(error.to_string()))?;
        let mut errors = ValidationErrors::new();
        let value = match read_measure(rule.unit, &form.value) {
            Ok(value) => match check_value(
                rule.unit,
                &value,
                (year.first_day(), year.last_day()),
                "value",
            ) {
                Ok(()) => Some(value),
                Err(problem) => {
                    errors.errors.push(problem);
                    None
                }
            },
            Err(key) => {
                errors.add("value", key);
                None
            }
        };
        let uploads = check_uploads(EVIDENCE, form.files, "files", &mut errors);
        let (Some(value), true) = (value, errors.is_empty()) else {
            return Err(ProgressRefusal::Invalid(errors));
        };
        let stored = self.files.keep(uploads).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let values = EntryValues {
            plan_id,
            indicator_id,
            quarter: quarter.number(),
            value,
            comment: form.comment.trim().to_owned(),
        };
        let entry = match tx.save_progress(&values, form.seen_version).await {
            Ok(entry) => entry,
            Err(udbhabon_db::DbError::Conflict(_)) => {
                drop(tx);
                let newer = self
                    .db
                    .progress_entry(plan_id, indicator_id, quarter.number())
                    .await?
                    .ok_or_else(|| Error::Internal("a conflicting entry vanished".into()))?;
                return Err(ProgressRefusal::Stale(Box::new(newer)));
            }
            Err(other) => return Err(other.into()),
        };
        for file_id in record_uploads(&tx, &stored).await? {
            tx.attach_evidence(entry.id, file_id).await?;
        }
        if form.submit {
            let due = tree.template.quarter_due.of(quarter);
            tx.submit_progress(entry.id, on_time(self.today(), due))
                .await?;
            rescore(&tx, plan.id, &rules).await?;
        }
        tx.commit().await?;
        Ok(self
            .db
            .progress_entry(plan_id, indicator_id, quarter.number())
            .await?
            .unwrap_or(entry))
    }

    /// The office above accepts a submitted entry, or returns it with a comment (a comment is required
    /// to return one); the plan's scores follow.
    pub async fn review_progress(
        &self,
        who: &SignedIn,
        plan_id: i32,
        indicator_id: i32,
        quarter: Quarter,
        accept: bool,
        comment: &str,
    ) -> Result<(), Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::ReviewSubmission, plan.office_id)
            .await?;
        let Some(entry) = self
            .db
            .progress_entry(plan_id, indicator_id, quarter.number())
            .await?
            .filter(|entry| entry.status == EntryStatus::Submitted)
        else {
            return Err(invalid("review", "error-progress-not-submitted").into());
        };
        if !accept && comment.trim().is_empty() {
            return Err(invalid("comment", "error-progress-return-comment").into());
        }
        let tree = self.db.template_tree(plan.template_id).await?;
        let rules = self.plan_rules(&plan, &tree).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let outcome = if accept {
            EntryStatus::Accepted
        } else {
            EntryStatus::Returned
        };
        tx.review_progress(entry.id, outcome, comment.trim())
            .await?;
        rescore(&tx, plan.id, &rules).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The office sends its draft plan for approval.
    pub async fn submit_plan(&self, who: &SignedIn, plan_id: i32) -> Result<PlanStatus, Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::SubmitForOffice, plan.office_id)
            .await?;
        self.take_step(who, &plan, PlanStep::Submit, None, "").await
    }

    /// The office's approver decides on its plan: `approve` (at the monthly coordination meeting, on
    /// a date not after today), `return` it for correction, `revise` an approved plan (with the reason;
    /// the approved version is kept), or `lock` the year.
    pub async fn decide_plan(
        &self,
        who: &SignedIn,
        plan_id: i32,
        decision: &str,
        approved: Option<(Option<&str>, NaiveDate)>,
        reason: &str,
    ) -> Result<PlanStatus, Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::ApproveAndSign, plan.office_id)
            .await?;
        let step = match decision {
            "approve" => PlanStep::Approve,
            "return" => PlanStep::ReturnToDraft,
            "revise" => PlanStep::Revise,
            "lock" => PlanStep::Lock,
            _ => return Err(invalid("decision", "error-plan-step").into()),
        };
        let approval = match (step, approved) {
            (PlanStep::Approve, Some((meeting, on))) if on <= self.today() => {
                let meeting = match meeting {
                    Some(key) => {
                        let office = self.db.office_by_id(plan.office_id).await?;
                        let choices = self.approval_meetings(&office).await?;
                        match choices.iter().find(|meeting| meeting.record.key == key) {
                            Some(meeting) => Some(meeting.id),
                            None => {
                                return Err(invalid("meeting", "error-plan-meeting-unknown").into());
                            }
                        }
                    }
                    None => None,
                };
                Some((meeting, on))
            }
            (PlanStep::Approve, Some(_)) => {
                return Err(invalid("approved_on", "error-plan-approved-future").into());
            }
            (PlanStep::Approve, None) => {
                return Err(invalid("approved_on", "error-required").into());
            }
            _ => None,
        };
        self.take_step(who, &plan, step, approval, reason.trim())
            .await
    }

    /// Takes the step if the plan's status allows it; a revision needs its reason and keeps the
    /// approved version.
    async fn take_step(
        &self,
        who: &SignedIn,
        plan: &PlanRow,
        step: PlanStep,
        approval: Option<(Option<i32>, NaiveDate)>,
        reason: &str,
    ) -> Result<PlanStatus, Error> {
        let next = plan
            .status
            .after(step)
            .map_err(|key| Error::Invalid(invalid("status", key)))?;
        if step == PlanStep::Revise && reason.is_empty() {
            return Err(invalid("reason", "error-plan-revise-reason").into());
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        if step == PlanStep::Revise {
            tx.revise_plan(plan.id, reason).await?;
        } else {
            tx.set_plan_status(plan.id, next, approval).await?;
        }
        tx.commit().await?;
        Ok(next)
    }

    /// Refuses, before an upload is read, a reader who does not report the plan's office's progress.
    pub async fn require_reporter(&self, who: &SignedIn, plan_id: i32) -> Result<(), Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::SubmitForOffice, plan.office_id)
            .await
    }

    /// An evidence file and its bytes, for readers of the office's records.
    pub async fn evidence(
        &self,
        who: &SignedIn,
        plan_id: i32,
        file_id: i32,
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::ViewOfficeRecords, plan.office_id)
            .await?;
        let uses = self.db.uses_of_evidence(&[file_id]).await?;
        if !uses
            .get(&file_id)
            .is_some_and(|uses| uses.iter().any(|(_, plan, ..)| *plan == plan_id))
        {
            return Err(Error::NotFound(format!(
                "evidence #{file_id} of plan #{plan_id}"
            )));
        }
        let file = self.db.evidence_file(file_id).await?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }
}
