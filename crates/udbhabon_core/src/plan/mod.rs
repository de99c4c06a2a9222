//! Annual plans: loading a year's template from its data file, starting an office's plan from it, and
//! the plan as its table prints it, with the marks each indicator has earned.

pub mod assessment;
pub mod dashboard;
pub mod progress;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use udbhabon_db::Tx;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::progress::{EvidenceRow, ProgressRow};
use udbhabon_db::plan::{PlanRow, TargetRow, TemplateRow, TemplateTree};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::plan::progress::read_measure;
use udbhabon_domain::plan::score::{
    Calculation, Direction, IndicatorRule, Measure, MeasureUnit, ScoringRule, Targets,
};
use udbhabon_domain::plan::{
    ActivityContent, AreaContent, IndicatorContent, IndicatorFeed, PlanKind, QuarterDates,
    TemplateContent, check_template,
};
use udbhabon_domain::{Bilingual, Lang, Vocabulary};

use udbhabon_docs::plan::{
    PlanSheet, SheetActivity, SheetArea, SheetIndicator, plan_pdf, plan_xlsx,
};
use udbhabon_i18n::format;
use udbhabon_i18n::t;

use crate::account::SignedIn;
use crate::plan::progress::{indicator_year, office_rules};
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// A template data file (`data/templates/*.toml`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    key: String,
    kind: String,
    fiscal_year: String,
    title_bn: String,
    title_en: String,
    total_marks: f64,
    quarter_due: QuarterDates,
    mid_year_review_due: NaiveDate,
    self_assessment_due: NaiveDate,
    areas: Vec<AreaFile>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AreaFile {
    number: String,
    bn: String,
    en: String,
    marks: f64,
    activities: Vec<ActivityFile>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ActivityFile {
    number: String,
    bn: String,
    en: String,
    indicators: Vec<IndicatorFile>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    number: String,
    bn: String,
    en: String,
    unit: String,
    #[serde(default = "higher")]
    direction: String,
    rule: String,
    calculation: String,
    weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<toml::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bands: Option<[toml::Value; 5]>,
    #[serde(default)]
    evidence_bn: String,
    #[serde(default)]
    evidence_en: String,
    #[serde(default)]
    method_bn: String,
    #[serde(default)]
    method_en: String,
    /// A figure the system keeps that serves as the achievement, e.g. "decisions_on_time".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    feed: Option<String>,
}

fn higher() -> String {
    Direction::HigherIsBetter.code().to_owned()
}

/// A target as written in a data file, in the indicator's unit.
fn measure(unit: MeasureUnit, value: &toml::Value, used_by: &str) -> Result<Measure, Error> {
    let wrong = || {
        Error::DataFile(format!(
            "{used_by}: the target {value} is not in the unit {}",
            unit.code()
        ))
    };
    match (unit, value) {
        (MeasureUnit::Date, toml::Value::String(text)) => {
            text.parse().map(Measure::Date).map_err(|_| wrong())
        }
        (MeasureUnit::Number | MeasureUnit::Percent, toml::Value::Integer(number)) => {
            Ok(Measure::Number(*number as f64))
        }
        (MeasureUnit::Number | MeasureUnit::Percent, toml::Value::Float(number)) => {
            Ok(Measure::Number(*number))
        }
        _ => Err(wrong()),
    }
}

fn code<V: Vocabulary>(text: &str, used_by: &str) -> Result<V, Error> {
    V::from_code(text).map_err(|error| Error::DataFile(format!("{used_by}: {error}")))
}

fn indicator(file: &IndicatorFile) -> Result<IndicatorContent, Error> {
    let used_by = format!("indicator {}", file.number);
    let unit: MeasureUnit = code(&file.unit, &used_by)?;
    let targets = match (&file.target, &file.bands) {
        (Some(_), Some(_)) => {
            return Err(Error::DataFile(format!(
                "{used_by}: give either target or bands, not both"
            )));
        }
        (Some(target), None) => Some(Targets::Single(measure(unit, target, &used_by)?)),
        (None, Some(bands)) => {
            let mut values = [Measure::YesNo(false); 5];
            for (slot, band) in values.iter_mut().zip(bands) {
                *slot = measure(unit, band, &used_by)?;
            }
            Some(Targets::Bands(values))
        }
        (None, None) => None,
    };
    Ok(IndicatorContent {
        number: file.number.clone(),
        title: Bilingual::new(&file.bn, &file.en),
        rule: IndicatorRule {
            unit,
            direction: code::<Direction>(&file.direction, &used_by)?,
            rule: code::<ScoringRule>(&file.rule, &used_by)?,
            calculation: code::<Calculation>(&file.calculation, &used_by)?,
            weight: file.weight,
            targets,
        },
        evidence: Bilingual::new(&file.evidence_bn, &file.evidence_en),
        method: Bilingual::new(&file.method_bn, &file.method_en),
        feed: file
            .feed
            .as_deref()
            .map(|feed| code::<IndicatorFeed>(feed, &used_by))
            .transpose()?,
    })
}

/// A template read from its data file and checked: a file that cannot be read is a data-file error, a
/// template that breaks the rules is invalid with every problem named.
pub(crate) fn read_template(
    text: &str,
) -> Result<(String, PlanKind, bangla::FiscalYear, TemplateContent), Error> {
    let file: TemplateFile = toml::from_str(text)
        .map_err(|error| Error::DataFile(format!("the template file cannot be read: {error}")))?;
    let kind: PlanKind = code(&file.kind, "the template")?;
    let year = bangla::FiscalYear::parse(&file.fiscal_year).map_err(|error| {
        Error::DataFile(format!("fiscal_year \"{}\": {error}", file.fiscal_year))
    })?;
    let areas = file
        .areas
        .iter()
        .map(|area| {
            Ok(AreaContent {
                number: area.number.clone(),
                title: Bilingual::new(&area.bn, &area.en),
                marks: area.marks,
                activities: area
                    .activities
                    .iter()
                    .map(|activity| {
                        Ok(ActivityContent {
                            number: activity.number.clone(),
                            title: Bilingual::new(&activity.bn, &activity.en),
                            indicators: activity
                                .indicators
                                .iter()
                                .map(indicator)
                                .collect::<Result<_, Error>>()?,
                        })
                    })
                    .collect::<Result<_, Error>>()?,
            })
        })
        .collect::<Result<_, Error>>()?;
    let content = TemplateContent {
        title: Bilingual::new(&file.title_bn, &file.title_en),
        total_marks: file.total_marks,
        quarter_due: file.quarter_due,
        mid_year_review_due: file.mid_year_review_due,
        self_assessment_due: file.self_assessment_due,
        areas,
    };
    check_template(&content, (year.first_day(), year.last_day()))?;
    Ok((file.key, kind, year, content))
}

/// A target as a data file writes it: a number, or a date as "YYYY-MM-DD", moved `years` on.
fn file_value(value: &Measure, years: i32) -> toml::Value {
    match value {
        Measure::Number(number) if number.fract() == 0.0 => toml::Value::Integer(*number as i64),
        Measure::Number(number) => toml::Value::Float(*number),
        Measure::Date(date) => toml::Value::String(shifted(*date, years).to_string()),
        Measure::YesNo(yes) => toml::Value::Boolean(*yes),
    }
}

/// The same day `years` later (28 February for 29 February in a year without it).
pub(crate) fn shifted(date: NaiveDate, years: i32) -> NaiveDate {
    use chrono::Datelike;
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// A stored template written back as a data file for another year: the same areas, activities and
/// indicators, every date moved by the years between, to be edited and loaded as that year's template.
fn template_file(
    tree: &TemplateTree,
    key: &str,
    year: bangla::FiscalYear,
) -> Result<String, Error> {
    let template = &tree.template;
    let years = year.start_year() - template.fiscal_year;
    let retitle = |title: &str| {
        let from = bangla::FiscalYear::starting_in(template.fiscal_year).ok();
        match from {
            Some(from) => title
                .replace(&from.long_bn(), &year.long_bn())
                .replace(&from.long_en(), &year.long_en()),
            None => title.to_owned(),
        }
    };
    let file = TemplateFile {
        key: key.to_owned(),
        kind: template.kind.code().to_owned(),
        fiscal_year: year.short_en(),
        title_bn: retitle(&template.title.bn),
        title_en: retitle(&template.title.en),
        total_marks: template.total_marks,
        quarter_due: template.quarter_due.map(|due| shifted(due, years)),
        mid_year_review_due: shifted(template.mid_year_review_due, years),
        self_assessment_due: shifted(template.self_assessment_due, years),
        areas: tree
            .areas
            .iter()
            .map(|area| AreaFile {
                number: area.number.clone(),
                bn: area.title.bn.clone(),
                en: area.title.en.clone(),
                marks: area.marks,
                activities: area
                    .activities
                    .iter()
                    .map(|activity| ActivityFile {
                        number: activity.number.clone(),
                        bn: activity.title.bn.clone(),
                        en: activity.title.en.clone(),
                        indicators: activity
                            .indicators
                            .iter()
                            .map(|indicator| {
                                let rule = &indicator.rule;
                                let (target, bands) = match &rule.targets {
                                    Some(Targets::Single(value)) => {
                                        (Some(file_value(value, years)), None)
                                    }
                                    Some(Targets::Bands(values)) => {
                                        (None, Some(values.map(|value| file_value(&value, years))))
                                    }
                                    None => (None, None),
                                };
                                IndicatorFile {
                                    number: indicator.number.clone(),
                                    bn: indicator.title.bn.clone(),
                                    en: indicator.title.en.clone(),
                                    unit: rule.unit.code().to_owned(),
                                    direction: rule.direction.code().to_owned(),
                                    rule: rule.rule.code().to_owned(),
                                    calculation: rule.calculation.code().to_owned(),
                                    weight: rule.weight,
                                    target,
                                    bands,
                                    evidence_bn: indicator.evidence.bn.clone(),
                                    evidence_en: indicator.evidence.en.clone(),
                                    method_bn: indicator.method.bn.clone(),
                                    method_en: indicator.method.en.clone(),
                                    feed: indicator.feed.map(|feed| feed.code().to_owned()),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    toml::to_string_pretty(&file)
        .map_err(|error| Error::Internal(format!("writing the template: {error}")))
}

/// The templates shipped with udbhabon, as (file, text): the years domain.md describes.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[(
    "data/templates/egov-2022-23.toml",
    include_str!("../../../../data/templates/egov-2022-23.toml"),
)];

/// Reads, checks and inserts a template data file in `tx`; a key loaded before is refused.
pub(crate) async fn insert_template(tx: &Tx, text: &str) -> Result<TemplateTree, Error> {
    let (key, kind, year, content) = read_template(text)?;
    tx.insert_plan_template(&key, kind, year.start_year(), &content)
        .await
        .map_err(|error| match error {
            udbhabon_db::DbError::Conflict(_) => {
                Error::DataFile(format!("the template {key} is loaded already"))
            }
            other => other.into(),
        })
}

/// The text of the built-in template with this key.
pub(crate) fn builtin_template(key: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES
        .iter()
        .map(|(_, text)| *text)
        .find(|text| read_template(text).is_ok_and(|(found, ..)| found == key))
}

/// An indicator of a plan with the office's targets, its four quarters and what it has earned.
#[derive(Debug, Clone)]
pub struct PlanIndicatorLine {
    pub indicator: udbhabon_db::plan::IndicatorRow,
    /// The scoring set-up with the office's own targets.
    pub rule: IndicatorRule,
    pub target: Option<TargetRow>,
    /// Q1 to Q4.
    pub quarters: [Option<QuarterEntry>; 4],
    /// The year's achievement from the entries the office above accepted.
    pub achieved: Option<Measure>,
    /// Marks from the accepted entries.
    pub score: f64,
    /// Marks from every submitted entry.
    pub self_score: f64,
}

/// A quarter's entry with its evidence; each file says whether other entries use it too.
#[derive(Debug, Clone)]
pub struct QuarterEntry {
    pub entry: ProgressRow,
    pub evidence: Vec<(EvidenceRow, bool)>,
}

/// An office's plan as its table prints it, and what the reader may do with it.
#[derive(Debug, Clone)]
pub struct PlanOverview {
    pub plan: PlanRow,
    pub office: OfficeRow,
    pub tree: TemplateTree,
    /// Every indicator, by id, with the office's targets and marks.
    pub lines: HashMap<i32, PlanIndicatorLine>,
    pub score: f64,
    pub self_score: f64,
    /// Whether the reader reports this office's progress.
    pub may_report: bool,
    /// Whether the reader reviews this office's progress (from the office above).
    pub may_review: bool,
    /// Whether the reader approves and locks this office's plan.
    pub may_approve: bool,
    /// The versions the plan had before each revision, latest first.
    pub revisions: Vec<udbhabon_db::plan::revision::RevisionRow>,
    /// The meetings an approval can be recorded against (the office's and the office above's, the
    /// latest first), while the reader may approve the submitted plan.
    pub approval_meetings: Vec<udbhabon_db::meeting::MeetingRow>,
    /// The names of the people who revised the plan.
    pub names: crate::account::PeopleNames,
    /// The meeting the current version was approved at, if the approval named one.
    pub approved_at: Option<udbhabon_db::meeting::MeetingRow>,
}

impl App {
    /// Loads a template data file; returns its key. A file with any problem loads nothing.
    pub async fn load_plan_template(&self, text: &str, loaded_by: &str) -> Result<String, Error> {
        let (key, kind, year, content) = read_template(text)?;
        if self.db.plan_template_by_key(&key).await.is_ok() {
            return Err(Error::DataFile(format!(
                "the template {key} is loaded already"
            )));
        }
        let tx = self.db.begin(self.author(None, loaded_by)).await?;
        tx.insert_plan_template(&key, kind, year.start_year(), &content)
            .await?;
        tx.commit().await?;
        Ok(key)
    }

    /// A loaded template as a data file for the year `fiscal_year` under `new_key`: next year's
    /// template starts as a copy, is edited, and is loaded with `load_plan_template`.
    pub async fn copy_plan_template(
        &self,
        key: &str,
        new_key: &str,
        fiscal_year: &str,
    ) -> Result<String, Error> {
        let year = bangla::FiscalYear::parse(fiscal_year)
            .map_err(|error| Error::DataFile(format!("fiscal year \"{fiscal_year}\": {error}")))?;
        let template = self.db.plan_template_by_key(key).await?;
        let tree = self.db.template_tree(template.id).await?;
        template_file(&tree, new_key, year)
    }

    /// Starts an office's plan from a template, with the template's targets; returns its id. An office
    /// has one plan a year: a second start is refused.
    pub async fn start_plan(
        &self,
        who: Option<&SignedIn>,
        template_key: &str,
        office_key: &str,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        if let Some(who) = who {
            self.require(who, Action::SubmitForOffice, office.id)
                .await?;
        }
        let template = self
            .db
            .plan_template_by_key(template_key)
            .await
            .map_err(|_| {
                let mut errors = udbhabon_domain::ValidationErrors::new();
                errors.add("template", "error-plan-template-unknown");
                Error::Invalid(errors)
            })?;
        let tree = self.db.template_tree(template.id).await?;
        let tx = self.db.begin(self.author(who, "udbhabon")).await?;
        let id = tx
            .insert_plan(&tree, office.id)
            .await
            .map_err(|error| match error {
                udbhabon_db::DbError::Conflict(_) => {
                    let mut errors = udbhabon_domain::ValidationErrors::new();
                    errors.add("template", "error-plan-exists");
                    Error::Invalid(errors)
                }
                other => other.into(),
            })?;
        tx.commit().await?;
        Ok(id)
    }

    /// A plan with its office's targets, quarters and marks, for readers of the office's records.
    pub async fn plan_overview(&self, who: &SignedIn, plan_id: i32) -> Result<PlanOverview, Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::ViewOfficeRecords, plan.office_id)
            .await?;
        let office = self.db.office_by_id(plan.office_id).await?;
        let tree = self.db.template_tree(plan.template_id).await?;
        let mut targets = self.db.plan_targets(plan.id).await?;
        let rules = office_rules(&tree, &targets);
        let entries = self.db.progress_of_plan(plan.id).await?;
        let ids: Vec<i32> = entries.iter().map(|entry| entry.id).collect();
        let mut evidence = self.db.evidence_of_entries(&ids).await?;
        let file_ids: Vec<i32> = evidence.values().flatten().map(|file| file.id).collect();
        let uses = self.db.uses_of_evidence(&file_ids).await?;
        let mut lines = HashMap::new();
        let (mut score, mut self_score) = (0.0, 0.0);
        let indicators: HashMap<i32, &udbhabon_db::plan::IndicatorRow> = tree
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .map(|indicator| (indicator.id, indicator))
            .collect();
        for (indicator_id, rule) in rules {
            let Some(indicator) = indicators.get(&indicator_id) else {
                continue;
            };
            let (achieved, earned, assessed) = indicator_year(&rule, indicator_id, &entries);
            score += earned;
            self_score += assessed;
            let mut quarters: [Option<QuarterEntry>; 4] = Default::default();
            for entry in entries
                .iter()
                .filter(|entry| entry.indicator_id == indicator_id)
            {
                let files = evidence
                    .remove(&entry.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|file| {
                        let reused = uses.get(&file.id).is_some_and(|uses| uses.len() > 1);
                        (file, reused)
                    })
                    .collect();
                if let Some(slot) = quarters.get_mut(usize::from(entry.quarter).saturating_sub(1)) {
                    *slot = Some(QuarterEntry {
                        entry: entry.clone(),
                        evidence: files,
                    });
                }
            }
            lines.insert(
                indicator_id,
                PlanIndicatorLine {
                    indicator: (*indicator).clone(),
                    target: targets.remove(&indicator_id),
                    rule,
                    quarters,
                    achieved,
                    score: earned,
                    self_score: assessed,
                },
            );
        }
        let may_approve = self
            .may(who, Action::ApproveAndSign, plan.office_id)
            .await?;
        let approval_meetings = if may_approve
            && plan.status == udbhabon_domain::plan::progress::PlanStatus::Submitted
        {
            self.approval_meetings(&office).await?
        } else {
            Vec::new()
        };
        let revisions = self.db.plan_revisions(plan.id).await?;
        let revisers: Vec<&str> = revisions
            .iter()
            .map(|revision| revision.revised_by.as_str())
            .collect();
        let approved_at = match plan.approved_meeting_id {
            Some(id) => Some(self.db.meeting_by_id(id).await?),
            None => None,
        };
        Ok(PlanOverview {
            approved_at,
            names: self.names_of(&revisers).await?,
            revisions,
            may_report: self
                .may(who, Action::SubmitForOffice, plan.office_id)
                .await?,
            may_review: self
                .may(who, Action::ReviewSubmission, plan.office_id)
                .await?,
            may_approve,
            approval_meetings,
            plan,
            office,
            tree,
            lines,
            score,
            self_score,
        })
    }

    /// The plan as an earlier version had it: the office's targets then, with today's progress and
    /// marks against the current targets left as they are.
    pub async fn plan_version(
        &self,
        who: &SignedIn,
        plan_id: i32,
        version: i32,
    ) -> Result<(PlanOverview, udbhabon_db::plan::revision::RevisionRow), Error> {
        let mut overview = self.plan_overview(who, plan_id).await?;
        let (revision, mut targets) = self.db.plan_revision(plan_id, version).await?;
        for (indicator_id, line) in &mut overview.lines {
            let kept = targets.remove(indicator_id);
            line.rule.targets = kept
                .as_ref()
                .and_then(|target| target.targets.clone())
                .or_else(|| line.indicator.rule.targets.clone());
            line.target = kept;
        }
        Ok((overview, revision))
    }

    /// The meetings held by the office and by the office above, the latest first: a plan is approved
    /// at either one's coordination meeting, once it has met.
    pub(crate) async fn approval_meetings(
        &self,
        office: &OfficeRow,
    ) -> Result<Vec<udbhabon_db::meeting::MeetingRow>, Error> {
        let mut meetings = self.db.meetings_of_office(office.id).await?;
        if let Some(parent) = office.parent_id {
            meetings.extend(self.db.meetings_of_office(parent).await?);
        }
        let today = self.today();
        meetings.retain(|meeting| meeting.record.held_on <= today);
        meetings.sort_by_key(|meeting| std::cmp::Reverse(meeting.record.held_on));
        Ok(meetings)
    }

    /// An office's plans (the reader's office's when `office_key` is `None`), the latest year first, and
    /// the templates it could start a plan from when the reader reports for the office.
    pub async fn office_plans(
        &self,
        who: &SignedIn,
        office_key: Option<&str>,
    ) -> Result<OfficePlans, Error> {
        let office = self.office_for(Some(who), office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let templates = self.db.plan_templates().await?;
        let plans: Vec<(PlanRow, TemplateRow)> = self
            .db
            .plans_of_office(office.id)
            .await?
            .into_iter()
            .filter_map(|plan| {
                let template = templates
                    .iter()
                    .find(|template| template.id == plan.template_id)?;
                Some((plan, template.clone()))
            })
            .collect();
        let startable = if self.may(who, Action::SubmitForOffice, office.id).await? {
            templates
                .into_iter()
                .filter(|template| plans.iter().all(|(_, planned)| planned.id != template.id))
                .collect()
        } else {
            Vec::new()
        };
        Ok(OfficePlans {
            office,
            plans,
            startable,
        })
    }
}

/// An indicator's targets as typed: the five graded columns (only the first for a single target),
/// and the achievements of the two previous years.
#[derive(Debug, Clone, Default)]
pub struct TargetFields {
    pub indicator_id: i32,
    pub columns: [String; 5],
    pub previous_year: String,
    pub year_before: String,
}

impl App {
    /// Sets the office's targets of a draft plan, all or nothing: each value in its indicator's unit,
    /// graded targets in order.
    pub async fn save_targets(
        &self,
        who: &SignedIn,
        plan_id: i32,
        fields: &[TargetFields],
    ) -> Result<(), Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::SubmitForOffice, plan.office_id)
            .await?;
        if plan.status != udbhabon_domain::plan::progress::PlanStatus::Draft {
            let mut errors = udbhabon_domain::ValidationErrors::new();
            errors.add("targets", "error-plan-targets-fixed");
            return Err(errors.into());
        }
        let tree = self.db.template_tree(plan.template_id).await?;
        let rules: HashMap<i32, IndicatorRule> =
            self.plan_rules(&plan, &tree).await?.into_iter().collect();
        let mut errors = udbhabon_domain::ValidationErrors::new();
        let mut rows = Vec::new();
        for field in fields {
            let Some(rule) = rules.get(&field.indicator_id) else {
                continue;
            };
            let name = format!("target_{}", field.indicator_id);
            let read = |text: &str| read_measure(rule.unit, text);
            let targets = match &rule.targets {
                None => Ok(None),
                Some(Targets::Single(_)) => {
                    read(&field.columns[0]).map(|value| Some(Targets::Single(value)))
                }
                Some(Targets::Bands(_)) => field
                    .columns
                    .iter()
                    .map(|text| read(text))
                    .collect::<Result<Vec<_>, _>>()
                    .map(|values| {
                        let mut bands = [Measure::YesNo(false); 5];
                        bands.copy_from_slice(&values);
                        Some(Targets::Bands(bands))
                    }),
            };
            match targets {
                Err(key) => {
                    errors.add(name, key);
                }
                Ok(targets) => {
                    let checked = IndicatorRule {
                        targets: targets.clone(),
                        ..rule.clone()
                    };
                    if let Err(problems) = udbhabon_domain::plan::score::check_rule(&checked) {
                        for problem in problems.errors {
                            errors.add(name.clone(), problem.message_key);
                        }
                    } else {
                        rows.push(TargetRow {
                            indicator_id: field.indicator_id,
                            targets,
                            previous_year: field.previous_year.trim().to_owned(),
                            year_before: field.year_before.trim().to_owned(),
                        });
                    }
                }
            }
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        for row in &rows {
            tx.set_plan_target(plan.id, row).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

impl App {
    /// A plan with its targets and progress as an XLSX sheet in the Cabinet Division's layout.
    pub async fn plan_sheet(
        &self,
        who: &SignedIn,
        plan_id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let overview = self.plan_overview(who, plan_id).await?;
        let sheet = plan_sheet_view(&overview, lang)?;
        Ok(Document {
            file_name: plan_file_name(&overview, "xlsx"),
            bytes: plan_xlsx(&sheet).map_err(|error| Error::Internal(error.to_string()))?,
        })
    }

    /// The same table as a landscape PDF, its header rows repeated on every page.
    pub async fn plan_pdf(
        &self,
        who: &SignedIn,
        plan_id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let overview = self.plan_overview(who, plan_id).await?;
        let sheet = plan_sheet_view(&overview, lang)?;
        Ok(Document {
            file_name: plan_file_name(&overview, "pdf"),
            bytes: plan_pdf(self.fonts()?, document_language(lang), &sheet)
                .map_err(|error| Error::Internal(error.to_string()))?,
        })
    }
}

/// `plan-<office>-<template>.<extension>`.
fn plan_file_name(overview: &PlanOverview, extension: &str) -> String {
    format!(
        "plan-{}-{}.{extension}",
        overview.office.key, overview.tree.template.key
    )
}

/// The plan's table as its exports print it, in `lang`.
fn plan_sheet_view(overview: &PlanOverview, lang: Lang) -> Result<PlanSheet, Error> {
    let marks = |value: f64| format::marks(lang, value);
    let texts = |keys: &[&str]| keys.iter().map(|key| t(lang, key)).collect::<Vec<_>>();
    let array = |keys: &[&str]| -> [String; 5] {
        let mut out: [String; 5] = Default::default();
        for (slot, text) in out.iter_mut().zip(texts(keys)) {
            *slot = text;
        }
        out
    };
    let lead = texts(&[
        "plan-col-area",
        "plan-col-marks",
        "plan-col-activity",
        "plan-col-indicator",
        "plan-col-unit",
        "plan-col-weight",
        "plan-previous-year",
        "plan-year-before",
    ]);
    let sheet = PlanSheet {
        title: overview.tree.template.title.get(lang).to_owned(),
        office: overview.office.name.get(lang).to_owned(),
        lead_headings: lead
            .try_into()
            .map_err(|_| Error::Internal("headings".into()))?,
        targets_heading: t(lang, "plan-col-targets"),
        band_headings: array(&[
            "plan-band-100",
            "plan-band-90",
            "plan-band-80",
            "plan-band-70",
            "plan-band-60",
        ]),
        quarters_heading: t(lang, "plan-progress-heading"),
        quarter_headings: bangla::Quarter::ALL.map(|quarter| format::quarter(lang, quarter)),
        tail_headings: [t(lang, "plan-col-achieved"), t(lang, "plan-col-score")],
        areas: overview
            .tree
            .areas
            .iter()
            .map(|area| SheetArea {
                title: format!("[{}] {}", area.number, area.title.get(lang)),
                marks: marks(area.marks),
                activities: area
                    .activities
                    .iter()
                    .map(|activity| SheetActivity {
                        title: format!("[{}] {}", activity.number, activity.title.get(lang)),
                        indicators: activity
                            .indicators
                            .iter()
                            .filter_map(|indicator| overview.lines.get(&indicator.id))
                            .map(|line| {
                                let mut targets: [String; 5] = Default::default();
                                match &line.rule.targets {
                                    Some(Targets::Bands(bands)) => {
                                        for (slot, band) in targets.iter_mut().zip(bands) {
                                            *slot = format::measure(lang, band);
                                        }
                                    }
                                    Some(Targets::Single(target)) => {
                                        targets[0] = format::measure(lang, target)
                                    }
                                    None => targets[0] = t(lang, "plan-yes"),
                                }
                                SheetIndicator {
                                    title: format!(
                                        "[{}] {}",
                                        line.indicator.number,
                                        line.indicator.title.get(lang)
                                    ),
                                    unit: t(lang, &line.rule.unit.message_key()),
                                    weight: marks(line.rule.weight),
                                    previous: [
                                        line.target
                                            .as_ref()
                                            .map(|target| target.previous_year.clone())
                                            .unwrap_or_default(),
                                        line.target
                                            .as_ref()
                                            .map(|target| target.year_before.clone())
                                            .unwrap_or_default(),
                                    ],
                                    targets,
                                    quarters: line.quarters.each_ref().map(|quarter| {
                                        quarter
                                            .as_ref()
                                            .and_then(|quarter| quarter.entry.value.as_ref())
                                            .map(|value| format::measure(lang, value))
                                            .unwrap_or_default()
                                    }),
                                    achieved: line
                                        .achieved
                                        .as_ref()
                                        .map(|value| format::measure(lang, value))
                                        .unwrap_or_default(),
                                    score: marks(line.score),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        total: (t(lang, "plan-score"), marks(overview.score)),
    };
    Ok(sheet)
}

/// An office's plans and the templates it could plan from.
#[derive(Debug, Clone)]
pub struct OfficePlans {
    pub office: OfficeRow,
    pub plans: Vec<(PlanRow, TemplateRow)>,
    pub startable: Vec<TemplateRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = BUILTIN_TEMPLATES[0].1;

    #[test]
    fn the_2022_23_template_reads_and_its_marks_add_up_to_100() {
        let (key, kind, year, content) = read_template(TEMPLATE).unwrap();
        assert_eq!(
            (key.as_str(), kind, year.start_year()),
            ("egov-2022-23", PlanKind::EGovernance, 2022)
        );
        let weights: f64 = content
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .map(|indicator| indicator.rule.weight)
            .sum();
        assert_eq!(weights, 100.0);
        assert_eq!(content.areas.len(), 4);
    }

    #[test]
    fn a_template_copied_to_the_next_year_reads_back_with_every_date_a_year_on() {
        let (_, kind, year, content) = read_template(TEMPLATE).unwrap();
        let tree = TemplateTree {
            template: udbhabon_db::plan::TemplateRow {
                id: 1,
                key: "egov-2022-23".into(),
                kind,
                fiscal_year: year.start_year(),
                title: content.title.clone(),
                total_marks: content.total_marks,
                quarter_due: content.quarter_due,
                mid_year_review_due: content.mid_year_review_due,
                self_assessment_due: content.self_assessment_due,
            },
            areas: content
                .areas
                .iter()
                .map(|area| udbhabon_db::plan::AreaRow {
                    id: 0,
                    number: area.number.clone(),
                    title: area.title.clone(),
                    marks: area.marks,
                    activities: area
                        .activities
                        .iter()
                        .map(|activity| udbhabon_db::plan::ActivityRow {
                            id: 0,
                            number: activity.number.clone(),
                            title: activity.title.clone(),
                            indicators: activity
                                .indicators
                                .iter()
                                .map(|indicator| udbhabon_db::plan::IndicatorRow {
                                    id: 0,
                                    number: indicator.number.clone(),
                                    title: indicator.title.clone(),
                                    rule: indicator.rule.clone(),
                                    evidence: indicator.evidence.clone(),
                                    method: indicator.method.clone(),
                                    feed: indicator.feed,
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        };
        let next = bangla::FiscalYear::starting_in(2023).unwrap();
        let text = template_file(&tree, "egov-2023-24", next).unwrap();
        let (key, _, copied_year, copied) = read_template(&text).unwrap();
        assert_eq!((key.as_str(), copied_year), ("egov-2023-24", next));
        assert_eq!(copied.title.bn, "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২০২৪");
        assert_eq!(
            copied.quarter_due.of(bangla::Quarter::Q1),
            NaiveDate::from_ymd_opt(2023, 10, 15).unwrap()
        );
        let database = &copied.areas[2].activities[0].indicators[0];
        assert_eq!(
            database.rule.targets,
            Some(Targets::Bands(
                [
                    "2023-10-15",
                    "2023-10-31",
                    "2023-11-15",
                    "2023-11-30",
                    "2023-12-15"
                ]
                .map(|day| Measure::Date(day.parse().unwrap()))
            ))
        );
        assert_eq!(copied.areas.len(), content.areas.len());
    }

    #[test]
    fn a_template_file_with_wrong_weights_or_targets_names_each_problem() {
        let wrong = TEMPLATE.replacen("weight = 8", "weight = 9", 1).replacen(
            "bands = [80, 70, 60, 50, 40]",
            "bands = [80, 90, 60, 50, 40]",
            1,
        );
        let Err(Error::Invalid(errors)) = read_template(&wrong) else {
            panic!("the wrong template was accepted");
        };
        let problems: Vec<_> = errors
            .errors
            .iter()
            .map(|error| (error.field.as_str(), error.message_key))
            .collect();
        assert_eq!(
            problems,
            [
                ("area ১", "error-plan-area-weights"),
                ("indicator ২.১.১: targets", "error-plan-bands-order"),
            ]
        );
        assert_eq!(
            errors.errors[0].args,
            vec![
                ("weights", "26.00".to_owned()),
                ("marks", "25.00".to_owned())
            ]
        );
        let unit = TEMPLATE.replacen("target = 4", "target = \"four\"", 1);
        let Err(Error::DataFile(message)) = read_template(&unit) else {
            panic!("a target in the wrong unit was accepted");
        };
        assert!(message.contains("indicator ১.১.১"), "{message}");
    }
}
