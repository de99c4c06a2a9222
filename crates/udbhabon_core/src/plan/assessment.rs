//! The half-yearly self-assessment: after the second quarter the office sends its own marks for the
//! half-year, the office above reviews them by the mid-year due date with its marks and feedback, and
//! the report prints as a PDF.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::plan::assessment::{AssessmentLine, AssessmentRow};
use udbhabon_docs::{SelfAssessmentLine, SelfAssessmentView, render_self_assessment};
use udbhabon_domain::Lang;
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::plan::assessment::{
    AssessmentStatus, HALF_YEAR_QUARTERS, half_year_achievement, read_reviewed_marks,
};
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus, on_time};
use udbhabon_domain::plan::score::{Targets, indicator_score};
use udbhabon_i18n::{format, t};

use crate::account::{PeopleNames, SignedIn};
use crate::error::invalid;
use crate::plan::PlanOverview;
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// A plan's self-assessment as its page shows it.
#[derive(Debug, Clone)]
pub struct AssessmentOverview {
    pub plan: PlanOverview,
    /// What the office has sent, if anything.
    pub sent: Option<AssessmentRow>,
    /// What the office would send now, from its first two quarters' submitted entries.
    pub current: Vec<AssessmentLine>,
    /// The first day the half-year can be assessed: the day after it ends.
    pub opens_on: NaiveDate,
    /// Whether the reader may send (or send again) the office's self-assessment now.
    pub may_submit: bool,
    /// Whether the reader may review what was sent.
    pub may_review: bool,
    /// The names of who sent and who reviewed it.
    pub names: PeopleNames,
}

impl AssessmentOverview {
    /// The lines the page and the report show: what was sent, or what would be sent.
    pub fn lines(&self) -> &[AssessmentLine] {
        self.sent
            .as_ref()
            .map_or(&self.current[..], |sent| &sent.lines[..])
    }
}

/// The first day of the fiscal year starting in July of `start_year`.
fn half_year_start(start_year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(start_year, 7, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of its first half-year, 31 December.
fn half_year_end(start_year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(start_year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Each indicator's half-year from the entries the office has sent (accepted ones included), in
/// template order.
fn half_year_lines(plan: &PlanOverview) -> Vec<AssessmentLine> {
    plan.tree
        .areas
        .iter()
        .flat_map(|area| &area.activities)
        .flat_map(|activity| &activity.indicators)
        .filter_map(|indicator| plan.lines.get(&indicator.id))
        .map(|line| {
            let sent: Vec<_> = line.quarters[..HALF_YEAR_QUARTERS]
                .iter()
                .map(|quarter| {
                    quarter.as_ref().filter(|quarter| {
                        matches!(
                            quarter.entry.status,
                            EntryStatus::Submitted | EntryStatus::Accepted
                        )
                    })
                })
                .collect();
            let mut values = [None; 4];
            for (slot, quarter) in values.iter_mut().zip(&sent) {
                *slot = quarter.and_then(|quarter| quarter.entry.value);
            }
            let achieved = half_year_achievement(line.rule.calculation, &values);
            AssessmentLine {
                indicator_id: line.indicator.id,
                self_marks: indicator_score(&line.rule, achieved.as_ref()),
                achieved,
                evidence: sent
                    .iter()
                    .flatten()
                    .any(|quarter| !quarter.evidence.is_empty()),
                reviewed_marks: None,
            }
        })
        .collect()
}

impl App {
    /// The plan's self-assessment, sent or not yet, for readers of the office's records.
    pub async fn self_assessment(
        &self,
        who: &SignedIn,
        plan_id: i32,
    ) -> Result<AssessmentOverview, Error> {
        let plan = self.plan_overview(who, plan_id).await?;
        let sent = self.db.plan_assessment(plan_id).await?;
        let opens_on = half_year_end(plan.tree.template.fiscal_year) + chrono::Days::new(1);
        let reviewed = sent
            .as_ref()
            .is_some_and(|sent| sent.status == AssessmentStatus::Reviewed);
        let labels: Vec<&str> = sent
            .iter()
            .flat_map(|sent| {
                std::iter::once(sent.submitted_by.as_str())
                    .chain(sent.review.as_ref().map(|review| review.by.as_str()))
            })
            .collect();
        Ok(AssessmentOverview {
            names: self.names_of(&labels).await?,
            current: half_year_lines(&plan),
            may_submit: plan.may_report
                && plan.plan.status == PlanStatus::Approved
                && self.today() >= opens_on
                && !reviewed,
            may_review: plan.may_review && sent.is_some() && !reviewed,
            opens_on,
            sent,
            plan,
        })
    }

    /// The office sends its self-assessment of the first half-year (again, if it was not yet
    /// reviewed): its marks from the first two quarters' sent entries, dated by the server.
    pub async fn submit_self_assessment(&self, who: &SignedIn, plan_id: i32) -> Result<(), Error> {
        let overview = self.self_assessment(who, plan_id).await?;
        if !overview.plan.may_report {
            return Err(Error::Forbidden);
        }
        if overview.plan.plan.status != PlanStatus::Approved {
            return Err(invalid("plan", "error-assessment-plan-not-approved"));
        }
        if overview
            .sent
            .as_ref()
            .is_some_and(|sent| sent.status == AssessmentStatus::Reviewed)
        {
            return Err(invalid("plan", "error-assessment-reviewed"));
        }
        if self.today() < overview.opens_on {
            return Err(invalid("plan", "error-assessment-too-early"));
        }
        if overview.current.iter().all(|line| line.achieved.is_none()) {
            return Err(invalid("plan", "error-assessment-nothing-sent"));
        }
        let due = overview.plan.tree.template.self_assessment_due;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.submit_assessment(plan_id, &overview.current, on_time(self.today(), due))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The office above reviews a sent self-assessment: marks per indicator (0 to its weight) and its
    /// feedback, over the version it read. Any wrong mark refuses the whole review.
    pub async fn review_self_assessment(
        &self,
        who: &SignedIn,
        plan_id: i32,
        seen_version: i32,
        marks: &HashMap<i32, String>,
        feedback: &str,
    ) -> Result<(), Error> {
        let overview = self.self_assessment(who, plan_id).await?;
        if !overview.plan.may_review {
            return Err(Error::Forbidden);
        }
        let Some(sent) = &overview.sent else {
            return Err(invalid("plan", "error-assessment-not-sent"));
        };
        if sent.status == AssessmentStatus::Reviewed {
            return Err(invalid("plan", "error-assessment-reviewed"));
        }
        let mut errors = ValidationErrors::new();
        let mut given = HashMap::new();
        for line in &sent.lines {
            let Some(plan_line) = overview.plan.lines.get(&line.indicator_id) else {
                continue;
            };
            let field = format!("marks_{}", line.indicator_id);
            let typed = marks.get(&line.indicator_id).map_or("", String::as_str);
            match read_reviewed_marks(typed, plan_line.rule.weight) {
                Ok(value) => {
                    given.insert(line.indicator_id, value);
                }
                Err(key) => {
                    errors.add(field, key);
                }
            }
        }
        if feedback.trim().is_empty() {
            errors.add("feedback", "error-assessment-feedback");
        }
        errors.into_result(())?;
        let due = overview.plan.tree.template.mid_year_review_due;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.review_assessment(
            plan_id,
            seen_version,
            &given,
            feedback.trim(),
            on_time(self.today(), due),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The self-assessment report as a PDF, once the office has sent it.
    pub async fn self_assessment_pdf(
        &self,
        who: &SignedIn,
        plan_id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let overview = self.self_assessment(who, plan_id).await?;
        if overview.sent.is_none() {
            return Err(Error::NotFound(format!(
                "the self-assessment of plan #{plan_id}"
            )));
        }
        let view = overview.report(lang);
        Ok(Document {
            file_name: format!(
                "self-assessment-{}-{}.pdf",
                overview.plan.office.key, overview.plan.tree.template.key
            ),
            bytes: render_self_assessment(self.fonts()?, document_language(lang), &view)
                .map_err(|error| Error::Internal(error.to_string()))?,
        })
    }
}

/// "sent on <date>" facts: the day in both calendars, and late when it was.
fn dated(lang: Lang, at: chrono::DateTime<chrono::Utc>, in_time: bool) -> String {
    let day = format::date_both(lang, bangla::dhaka::today_in_dhaka(at));
    if in_time {
        day
    } else {
        format!("{day} ({})", t(lang, "progress-late"))
    }
}

impl AssessmentOverview {
    /// The report as it prints: what was sent, or before that what would be sent, with the dates and
    /// who sent and reviewed it. Lines are in template order.
    pub fn report(&self, lang: Lang) -> SelfAssessmentView {
        report_view(self, lang)
    }
}

fn report_view(overview: &AssessmentOverview, lang: Lang) -> SelfAssessmentView {
    let sent = overview.sent.as_ref();
    let plan = &overview.plan;
    let template = &plan.tree.template;
    let marks = |value: f64| format::marks(lang, value);
    let mut facts = Vec::new();
    if let Some(sent) = sent {
        facts.push((
            t(lang, "assessment-sent-on"),
            dated(lang, sent.submitted_at, sent.on_time),
        ));
        facts.push((
            t(lang, "assessment-sent-by"),
            overview.names.of(&sent.submitted_by, lang),
        ));
    }
    facts.push((
        t(lang, "assessment-due"),
        format::date_both(lang, template.self_assessment_due),
    ));
    match sent.and_then(|sent| sent.review.as_ref()) {
        Some(review) => {
            facts.push((
                t(lang, "assessment-reviewed-on"),
                dated(lang, review.at, review.on_time),
            ));
            facts.push((
                t(lang, "assessment-reviewed-by"),
                overview.names.of(&review.by, lang),
            ));
        }
        None => facts.push((
            t(lang, "assessment-review-due"),
            format::date_both(lang, template.mid_year_review_due),
        )),
    }
    let self_score = overview.lines().iter().map(|line| line.self_marks).sum();
    let rows = overview
        .lines()
        .iter()
        .filter_map(|line| Some((line, plan.lines.get(&line.indicator_id)?)))
        .map(|(line, plan_line)| SelfAssessmentLine {
            indicator: format!(
                "[{}] {}",
                plan_line.indicator.number,
                plan_line.indicator.title.get(lang)
            ),
            unit: t(lang, &plan_line.rule.unit.message_key()),
            weight: marks(plan_line.rule.weight),
            target: match &plan_line.rule.targets {
                Some(Targets::Bands(bands)) => format::measure(lang, &bands[0]),
                Some(Targets::Single(target)) => format::measure(lang, target),
                None => t(lang, "plan-yes"),
            },
            achieved: line
                .achieved
                .as_ref()
                .map(|value| format::measure(lang, value))
                .unwrap_or_default(),
            evidence: t(lang, if line.evidence { "plan-yes" } else { "plan-no" }),
            self_marks: marks(line.self_marks),
            reviewed_marks: line.reviewed_marks.map(marks).unwrap_or_default(),
        })
        .collect();
    let weights: f64 = plan.lines.values().map(|line| line.rule.weight).sum();
    let review = sent.and_then(|sent| sent.review.as_ref());
    SelfAssessmentView {
        government: t(lang, "government"),
        office: plan.office.name.get(lang).to_owned(),
        title: t(lang, "assessment-title"),
        plan_title: plan.tree.template.title.get(lang).to_owned(),
        period: format!(
            "{} – {}",
            format::date(lang, half_year_start(template.fiscal_year)),
            format::date(lang, half_year_end(template.fiscal_year))
        ),
        facts,
        headings: [
            "plan-col-indicator",
            "plan-col-unit",
            "plan-col-weight",
            "assessment-col-target",
            "assessment-col-achieved",
            "assessment-col-evidence",
            "assessment-col-self",
            "assessment-col-reviewed",
        ]
        .map(|key| t(lang, key)),
        rows,
        total: [
            t(lang, "plan-score"),
            marks(weights),
            marks(self_score),
            review.map(|review| marks(review.score)).unwrap_or_default(),
        ],
        feedback: (
            t(lang, "assessment-feedback"),
            review
                .map(|review| review.feedback.clone())
                .unwrap_or_default(),
        ),
    }
}
