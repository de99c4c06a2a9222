//! Loading a demo-data file in one transaction: every key resolved, every value checked, all or nothing.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use toml::value::Datetime;
use udbhabon_db::Tx;
use udbhabon_db::account::NewAccount;
use udbhabon_db::collection::NewCollection;
use udbhabon_db::meeting::MeetingRecord;
use udbhabon_db::meeting::notice::{AgendaItem, Invitee};
use udbhabon_db::office::memo::NewMemoFile;
use udbhabon_db::register::rti::RtiStep;
use udbhabon_db::team::TeamOrderRecord;
use udbhabon_db::write::{
    NewDecision, NewDistributionEntry, NewMeeting, NewOffice, NewPerson, NewPost, NewPosting,
    NewResponsible, NewTeamOrder, NewUnit,
};
use udbhabon_domain::account::{Email, validate_new_password};
use udbhabon_domain::collection::{CollectionFields, check_collection};
use udbhabon_domain::innovation::{
    InnovationFields, InnovationStage, InnovationStep, StepDraft, Tcv, check_innovation,
};
use udbhabon_domain::meeting::decision::{Deadline, ResponsibleKind};
use udbhabon_domain::office::memo::{FileNumber, MemoNumber};
use udbhabon_domain::register::budget::{
    BudgetLineFields, SpendingFields, check_budget_line, check_spending,
};
use udbhabon_domain::register::certification::{
    CertificationFields, ClosureFields, FindingFields, check_certification, check_closure,
    check_finding,
};
use udbhabon_domain::register::officer::Officer;
use udbhabon_domain::register::project::{
    MilestoneFields, ProjectFields, check_milestone, check_project,
};
use udbhabon_domain::register::renewal::{RenewalFields, check_renewal};
use udbhabon_domain::register::rti::{
    RtiAnswerFields, RtiAppealFields, RtiRequestFields, check_answer, check_appeal, check_request,
};
use udbhabon_domain::register::software::{
    HandoverFields, SoftwareFields, check_handover, check_software,
};
use udbhabon_domain::training::certificate::Certificate;
use udbhabon_domain::training::tutorial::{TutorialFields, check_tutorial};
use udbhabon_domain::training::{TrainingFields, check_training};
use udbhabon_domain::{Bilingual, ValidationErrors, Vocabulary};

use super::DEMO_FILE;
use super::file::{
    BudgetEntry, DecisionEntry, DemoFile, MeetingEntry, ProjectEntry, RecipientEntry, Recurrence,
    RtiEntry, SoftwareEntry, TeamOrderEntry, TermsEntry, TrainingEntry, TutorialEntry,
};
use crate::holiday::fixed_holidays;
use crate::plan::{builtin_template, insert_template};
use crate::secret::hash_password;
use crate::team::order::OrderTemplate;
use crate::{App, Error};

/// The setting that records which demo data is in the database.
const MARKER: &str = "demo_data";

/// What loading did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded {
        offices: usize,
        meetings: usize,
        accounts: usize,
    },
    AlreadyLoaded,
}

/// Loads the demo data shipped in the binary, unless it is there already.
pub async fn load_demo(app: &App) -> Result<DemoOutcome, Error> {
    load_demo_file(app, DEMO_FILE, "data/demo/mole.toml").await
}

/// Loads a demo-data file's text (`source` names it in messages), unless a file of the same version
/// was loaded before. Nothing is written when anything in the file is wrong.
pub async fn load_demo_file(app: &App, text: &str, source: &str) -> Result<DemoOutcome, Error> {
    let file: DemoFile = toml::from_str(text).map_err(|error| {
        Error::DataFile(format!(
            "the demo data file {source} cannot be read: {error}"
        ))
    })?;
    let marker = format!("{source}@{}", file.version);
    if app.db.setting(MARKER).await?.as_deref() == Some(marker.as_str()) {
        return Ok(DemoOutcome::AlreadyLoaded);
    }
    let tx = app
        .db
        .begin(app.author(None, &format!("udbhabon demo ({source})")))
        .await?;
    let outcome = insert(&tx, &file, app.now()).await.map_err(|error| match error {
        Error::Conflict(detail) => Error::DataFile(format!(
            "the demo data in {source} clashes with records already in the database ({detail}); load it into an empty database"
        )),
        Error::DataFile(problem) => Error::DataFile(format!("the demo data file {source} is not valid: {problem}")),
        other => other,
    })?;
    tx.set_setting(MARKER, &marker).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Ids of the records inserted so far, by their keys in the file.
#[derive(Default)]
struct Keys {
    ids: HashMap<(&'static str, String), i32>,
}

impl Keys {
    fn add(&mut self, kind: &'static str, key: &str, id: i32) {
        self.ids.insert((kind, key.to_owned()), id);
    }

    fn get(&self, kind: &'static str, key: &str, used_by: &str) -> Result<i32, Error> {
        self.ids
            .get(&(kind, key.to_owned()))
            .copied()
            .ok_or_else(|| {
                Error::DataFile(format!(
                    "{used_by} refers to {kind} \"{key}\", which is not defined above it"
                ))
            })
    }

    /// The id of a record by key, when there is one.
    fn find(&self, kind: &'static str, key: &str) -> Option<i32> {
        self.ids.get(&(kind, key.to_owned())).copied()
    }

    fn get_opt(
        &self,
        kind: &'static str,
        key: Option<&str>,
        used_by: &str,
    ) -> Result<Option<i32>, Error> {
        key.map(|key| self.get(kind, key, used_by)).transpose()
    }
}

fn date(value: &Datetime, field: &str) -> Result<NaiveDate, Error> {
    match value.date {
        Some(date) if value.time.is_none() => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| Error::DataFile(format!("{field}: {value} is not a date"))),
        _ => Err(Error::DataFile(format!(
            "{field}: {value} must be a plain date such as 2026-01-26"
        ))),
    }
}

fn memo(text: &str, field: &str) -> Result<MemoNumber, Error> {
    text.parse().map_err(|error| {
        Error::DataFile(format!("{field}: \"{text}\" is not a memo number: {error}"))
    })
}

fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

async fn insert(tx: &Tx, file: &DemoFile, now: DateTime<Utc>) -> Result<DemoOutcome, Error> {
    let mut keys = Keys::default();
    for entry in &file.designations {
        let id = tx
            .insert_designation(&entry.key, Bilingual::new(&entry.bn, &entry.en))
            .await?;
        keys.add("designation", &entry.key, id);
    }
    for (index, entry) in file.offices.iter().enumerate() {
        let used_by = format!("office \"{}\"", entry.key);
        let id = tx
            .insert_office(NewOffice {
                key: entry.key.clone(),
                parent_id: keys.get_opt("office", entry.parent.as_deref(), &used_by)?,
                kind: entry.kind,
                name: Bilingual::new(&entry.bn, &entry.en),
                short_name_en: entry.short_en.clone(),
                memo_code: entry.memo_code.clone(),
                website: entry.website.clone(),
                email: entry.email.clone(),
                phone: entry.phone.clone(),
                district_code: match &entry.district {
                    Some(code) => Some(
                        udbhabon_domain::office::geo::district_by_code(code)
                            .ok_or_else(|| {
                                Error::DataFile(format!(
                                    "{used_by}: no district has the code {code}"
                                ))
                            })?
                            .code
                            .to_owned(),
                    ),
                    None => None,
                },
                position: position(index),
            })
            .await?;
        keys.add("office", &entry.key, id);
    }
    keys.get("office", &file.top_office, "top_office")?;
    tx.set_setting(crate::office::TOP_OFFICE, &file.top_office)
        .await?;
    for (index, entry) in file.units.iter().enumerate() {
        let used_by = format!("unit \"{}\"", entry.key);
        let id = tx
            .insert_unit(NewUnit {
                key: entry.key.clone(),
                office_id: keys.get("office", &entry.office, &used_by)?,
                parent_id: keys.get_opt("unit", entry.parent.as_deref(), &used_by)?,
                level: entry.level,
                name: Bilingual::new(&entry.bn, &entry.en),
                memo_code: entry.code.clone(),
                position: position(index),
            })
            .await?;
        keys.add("unit", &entry.key, id);
    }
    for entry in &file.posts {
        let used_by = format!("post \"{}\"", entry.key);
        let label = match (&entry.label_bn, &entry.label_en) {
            (Some(bn), en) => Some(Bilingual::new(bn, en.clone().unwrap_or_default())),
            (None, Some(_)) => {
                return Err(Error::DataFile(format!(
                    "{used_by} has label_en without label_bn"
                )));
            }
            (None, None) => None,
        };
        let id = tx
            .insert_post(NewPost {
                key: entry.key.clone(),
                office_id: keys.get("office", &entry.office, &used_by)?,
                unit_id: keys.get_opt("unit", entry.unit.as_deref(), &used_by)?,
                designation_id: keys.get("designation", &entry.designation, &used_by)?,
                label,
            })
            .await?;
        keys.add("post", &entry.key, id);
    }
    for entry in &file.people {
        let id = tx
            .insert_person(NewPerson {
                key: Some(entry.key.clone()),
                name: Bilingual::new(&entry.bn, &entry.en),
                email: entry.email.clone(),
                phone: entry.phone.clone(),
            })
            .await?;
        keys.add("person", &entry.key, id);
    }
    for entry in &file.postings {
        let used_by = format!("the posting of \"{}\"", entry.person);
        tx.insert_posting(NewPosting {
            person_id: keys.get("person", &entry.person, &used_by)?,
            post_id: keys.get("post", &entry.post, &used_by)?,
            charge: entry.charge,
            held_from: date(&entry.on, &used_by)?,
            held_until: entry
                .until
                .as_ref()
                .map(|until| date(until, &used_by))
                .transpose()?,
        })
        .await?;
    }
    for entry in &file.memo_files {
        let used_by = format!("memo file \"{}\"", entry.key);
        let file_number: FileNumber = entry.file_number.parse().map_err(|error| {
            Error::DataFile(format!(
                "{used_by}: \"{}\" is not a file number: {error}",
                entry.file_number
            ))
        })?;
        let id = tx
            .insert_memo_file(NewMemoFile {
                office_id: keys.get("office", &entry.office, &used_by)?,
                unit_id: keys.get_opt("unit", entry.unit.as_deref(), &used_by)?,
                file_number: file_number.clone(),
                subject: Bilingual::new(&entry.subject_bn, &entry.subject_en),
                next_letter: entry.next_letter,
            })
            .await?;
        keys.add("memo file", &file_number.to_string(), id);
    }
    for entry in &file.teams {
        let used_by = format!("team \"{}\"", entry.key);
        let office_id = keys.get("office", &entry.office, &used_by)?;
        let id = tx
            .insert_team(&entry.key, office_id, Bilingual::new(&entry.bn, &entry.en))
            .await?;
        keys.add("team", &entry.key, id);
    }
    for entry in &file.team_orders {
        let order = team_order(entry, &keys)?;
        let record = &order.record;
        // The order's number and its copy batch enter the register of their file, when the file is known.
        if let Some(file_id) = keys.find("memo file", &record.memo_number.file().to_string()) {
            let purpose = Bilingual::new(
                "অফিস আদেশ: ইনোভেশন টিম পুনর্গঠন",
                "Office order: innovation team reconstituted",
            );
            tx.record_memo_number(file_id, &record.memo_number, record.issued_on, purpose)
                .await?;
            let copies = u32::try_from(order.copies.len()).unwrap_or(u32::MAX);
            let copy_purpose = Bilingual::new("অফিস আদেশের অনুলিপি", "Copies of the office order");
            tx.record_memo_number(
                file_id,
                &record.memo_number.endorsed(record.endorsement, copies),
                record.issued_on,
                copy_purpose,
            )
            .await?;
        }
        tx.insert_team_order(order).await?;
    }
    for entry in &file.meetings {
        let meeting = meeting(entry, &keys)?;
        let record = &meeting.record;
        if let (Some(memo), Some(issued_on)) = (&record.memo_number, record.issued_on)
            && let Some(file_id) = keys.find("memo file", &memo.file().to_string())
        {
            let purpose = Bilingual::new("সভার কার্যবিবরণী", "Minutes of the meeting");
            tx.record_memo_number(file_id, memo, issued_on, purpose)
                .await?;
        }
        tx.insert_meeting(meeting).await?;
    }
    for entry in &file.accounts {
        let used_by = format!("the account {}", entry.email);
        let email = Email::parse(&entry.email, "email")
            .map_err(|_| Error::DataFile(format!("{used_by}: not an email address")))?;
        validate_new_password(&entry.password, &email, "password").map_err(|_| {
            Error::DataFile(format!(
                "{used_by}: the password is too short or is the email"
            ))
        })?;
        let account_id = tx
            .insert_account(NewAccount {
                person_id: keys.get("person", &entry.person, &used_by)?,
                email: email.as_str().to_owned(),
                password_hash: hash_password(&entry.password)?,
                at: now,
            })
            .await?;
        for grant in &entry.roles {
            tx.grant_role(
                account_id,
                grant.role,
                keys.get("office", &grant.office, &used_by)?,
            )
            .await?;
        }
    }
    let mut templates = HashMap::new();
    for entry in &file.plans {
        let used_by = format!("the plan {} of {}", entry.template, entry.office);
        if !templates.contains_key(&entry.template) {
            let text = builtin_template(&entry.template).ok_or_else(|| {
                Error::DataFile(format!("{used_by}: no built-in template has this key"))
            })?;
            templates.insert(entry.template.clone(), insert_template(tx, text).await?);
        }
        tx.insert_plan(
            &templates[&entry.template],
            keys.get("office", &entry.office, &used_by)?,
        )
        .await?;
    }
    for entry in &file.collections {
        let used_by = format!("the collection {}", entry.key);
        let fields = CollectionFields {
            key: entry.key.clone(),
            kind: entry.kind.clone(),
            title_bn: entry.bn.clone(),
            title_en: entry.en.clone(),
            instructions_bn: entry.instructions_bn.clone(),
            instructions_en: entry.instructions_en.clone(),
            recurrence: entry.recurrence.clone(),
            opens_on: date(&entry.opens, "opens")?.to_string(),
            due_day: entry.due_day.to_string(),
            due_on: String::new(),
            late_allowed: entry.late_allowed,
            evidence_required: entry.evidence_required,
            forward_days: String::new(),
            fields: Vec::new(),
        };
        let draft = check_collection(&fields)
            .map_err(|errors| Error::DataFile(format!("{used_by}: {errors:?}")))?;
        let office_id = keys.get("office", &entry.office, &used_by)?;
        let mut respondents = Vec::new();
        for unit in &entry.units {
            respondents.push((office_id, Some(keys.get("unit", unit, &used_by)?)));
        }
        tx.insert_collection(NewCollection {
            office_id,
            draft,
            respondents,
        })
        .await?;
    }
    // Each innovation's id and stage by title, for the entries that replicate it.
    let mut recorded: HashMap<String, (i32, InnovationStage)> = HashMap::new();
    for entry in &file.innovations {
        let used_by = format!("the innovation \"{}\"", entry.title);
        let fields = InnovationFields {
            kind: entry.kind.clone(),
            stage: entry.stage.clone(),
            title: entry.title.clone(),
            title_en: entry.title_en.clone(),
            service: entry.service.clone(),
            problem: entry.problem.clone(),
            root_cause: entry.root_cause.clone(),
            solution: entry.solution.clone(),
            started_on: entry.started_on.clone(),
            completed_on: entry.completed_on.clone(),
            service_link: entry.service_link.clone(),
            channel: entry.channel.clone(),
            tcv: tcv_fields(&entry.tcv, &used_by)?,
            ..InnovationFields::default()
        };
        let draft = check_innovation(&fields)
            .map_err(|errors| Error::DataFile(format!("{used_by}: {errors:?}")))?;
        let office_id = keys.get("office", &entry.office, &used_by)?;
        let original = match &entry.replicates {
            Some(title) => Some((
                title,
                *recorded.get(title).ok_or_else(|| {
                    Error::DataFile(format!("{used_by}: no earlier innovation \"{title}\""))
                })?,
            )),
            None => None,
        };
        let started_on = draft.started_on;
        let stage = draft.stage;
        let id = tx
            .insert_innovation(office_id, draft, original.map(|(_, (id, _))| id))
            .await?;
        // As the replication form does: the original is marked replicated with a dated step.
        if let Some((title, (original_id, original_stage))) = original {
            let replicated = original_stage
                .after(InnovationStep::Replicate)
                .map_err(|_| {
                    Error::DataFile(format!("{used_by}: its original is not evaluated"))
                })?;
            let office_name = file
                .offices
                .iter()
                .find(|office| office.key == entry.office)
                .map_or_else(|| entry.office.clone(), |office| office.bn.clone());
            let step = StepDraft {
                step: InnovationStep::Replicate,
                stage_after: replicated,
                note: office_name,
                place: entry.office.clone(),
                from: started_on,
                to: None,
                links: Vec::new(),
            };
            tx.add_innovation_step(original_id, original_stage, step)
                .await?;
            recorded.insert(title.clone(), (original_id, replicated));
        }
        if entry.showcased {
            tx.set_showcased(id, true).await?;
        }
        recorded.entry(entry.title.clone()).or_insert((id, stage));
    }
    for entry in &file.trainings {
        training(tx, file, entry, &keys).await?;
    }
    for year in &file.holiday_years {
        for holiday in fixed_holidays(*year) {
            tx.insert_holiday(&holiday).await?;
        }
    }
    for entry in &file.rti_requests {
        rti_request(tx, entry, &keys).await?;
    }
    for entry in &file.officers {
        let used_by = format!("officer {} of {}", entry.role.code(), entry.office);
        let officer = Officer {
            role: entry.role,
            post_id: keys.get("post", &entry.post, &used_by)?,
        };
        tx.set_officer(keys.get("office", &entry.office, &used_by)?, officer)
            .await?;
    }
    for entry in &file.software {
        software(tx, entry, &keys).await?;
    }
    for entry in &file.projects {
        project(tx, entry, &keys).await?;
    }
    for entry in &file.budget {
        budget_line(tx, entry, &keys).await?;
    }
    for entry in &file.tutorials {
        tutorial(tx, entry, &keys).await?;
    }
    Ok(DemoOutcome::Loaded {
        offices: file.offices.len(),
        meetings: file.meetings.len(),
        accounts: file.accounts.len(),
    })
}

/// Registers a system of an office with its source-code handover, its renewals and its tests and
/// audits with their findings, each checked as its form checks it.
async fn software(tx: &Tx, entry: &SoftwareEntry, keys: &Keys) -> Result<(), Error> {
    let used_by = format!("the software {}", entry.name_bn);
    let invalid = |errors: ValidationErrors| Error::DataFile(format!("{used_by}: {errors:?}"));
    let software = check_software(&SoftwareFields {
        name_bn: entry.name_bn.clone(),
        name_en: entry.name_en.clone(),
        purpose: entry.purpose.clone(),
        owner: entry.owner.clone(),
        vendor: entry.vendor.clone(),
        hosting: entry.hosting.clone(),
        url: entry.url.clone(),
        users: entry.users.clone(),
        personal_data: entry.personal_data.then(|| "1".to_owned()),
        data_class: entry.data_class.clone(),
    })
    .map_err(invalid)?;
    let office_id = keys.get("office", &entry.office, &used_by)?;
    let id = tx.insert_software(office_id, &software).await?;
    if let Some(handover) = &entry.handover {
        let fields = HandoverFields {
            custody: handover.custody.clone(),
            handed_over_on: date(&handover.handed_over_on, &used_by)?.to_string(),
            location: handover.location.clone(),
            version: handover.version.clone(),
            verified_by: handover.verified_by.clone(),
            verified_on: handover
                .verified_on
                .as_ref()
                .map(|day| date(day, &used_by).map(|day| day.to_string()))
                .transpose()?
                .unwrap_or_default(),
        };
        let handover = check_handover(&fields, NaiveDate::MAX).map_err(invalid)?;
        tx.update_software(id, (None, Some(&handover))).await?;
    }
    for renewal in &entry.renewals {
        let renewal = check_renewal(&RenewalFields {
            kind: renewal.kind.clone(),
            subject: renewal.subject.clone(),
            expires_on: date(&renewal.expires_on, &used_by)?.to_string(),
            remind_days: renewal
                .remind_days
                .map(|days| days.to_string())
                .unwrap_or_default(),
        })
        .map_err(invalid)?;
        tx.insert_renewal((id, office_id), &renewal).await?;
    }
    for entry in &entry.certifications {
        let certification = check_certification(
            &CertificationFields {
                kind: entry.kind.clone(),
                tester: entry.tester.clone(),
                tested_on: date(&entry.tested_on, &used_by)?.to_string(),
                version: entry.version.clone(),
                result: entry.result.clone(),
                note: entry.note.clone(),
            },
            NaiveDate::MAX,
        )
        .map_err(invalid)?;
        let certification_id = tx.insert_certification(id, (&certification, None)).await?;
        for finding in &entry.findings {
            let fields = FindingFields {
                text: finding.text.clone(),
                severity: finding.severity.clone(),
                due_on: date(&finding.due_on, &used_by)?.to_string(),
            };
            let checked = check_finding(&fields, certification.tested_on).map_err(invalid)?;
            let finding_id = tx
                .insert_finding((certification_id, office_id), &checked)
                .await?;
            if let Some((closed_on, note)) = &finding.closed {
                let fields = ClosureFields {
                    closed_on: date(closed_on, &used_by)?.to_string(),
                    note: note.clone(),
                };
                let closure = check_closure(&fields, (certification.tested_on, NaiveDate::MAX))
                    .map_err(invalid)?;
                tx.close_finding(finding_id, &closure).await?;
            }
        }
    }
    Ok(())
}

/// Registers an ICT project of an office with its milestones, each checked as its form checks it.
async fn project(tx: &Tx, entry: &ProjectEntry, keys: &Keys) -> Result<(), Error> {
    let used_by = format!("the project {}", entry.name_bn);
    let invalid = |errors: ValidationErrors| Error::DataFile(format!("{used_by}: {errors:?}"));
    let project = check_project(&ProjectFields {
        name_bn: entry.name_bn.clone(),
        name_en: entry.name_en.clone(),
        kind: entry.kind.clone(),
        director: entry.director.clone(),
        cost: entry.cost.to_string(),
        funds: entry.funds.clone(),
        starts_on: date(&entry.starts_on, &used_by)?.to_string(),
        ends_on: date(&entry.ends_on, &used_by)?.to_string(),
        vendor: entry.vendor.clone(),
        physical_progress: entry.physical_progress.to_string(),
        spent: entry.spent.to_string(),
        risks: entry.risks.clone(),
    })
    .map_err(invalid)?;
    let id = tx
        .insert_project(keys.get("office", &entry.office, &used_by)?, &project)
        .await?;
    for milestone in &entry.milestones {
        let fields = MilestoneFields {
            title: milestone.title.clone(),
            planned_on: date(&milestone.planned_on, &used_by)?.to_string(),
            reached_on: milestone
                .reached_on
                .as_ref()
                .map(|day| date(day, &used_by).map(|day| day.to_string()))
                .transpose()?
                .unwrap_or_default(),
        };
        let milestone = check_milestone(&fields, &project, NaiveDate::MAX).map_err(invalid)?;
        tx.insert_milestone(id, &milestone).await?;
    }
    Ok(())
}

/// Adds an ICT budget line of an office with its spending month by month, each checked as its form
/// checks it.
async fn budget_line(tx: &Tx, entry: &BudgetEntry, keys: &Keys) -> Result<(), Error> {
    let used_by = format!("the budget line {} of {}", entry.code, entry.year);
    let invalid = |errors: ValidationErrors| Error::DataFile(format!("{used_by}: {errors:?}"));
    let line = check_budget_line(&BudgetLineFields {
        year: entry.year.clone(),
        kind: entry.kind.clone(),
        code: entry.code.clone(),
        head_bn: entry.head_bn.clone(),
        head_en: entry.head_en.clone(),
        allocation: entry.allocation.to_string(),
        revised: entry.revised.map(|sum| sum.to_string()).unwrap_or_default(),
    })
    .map_err(invalid)?;
    if entry.spent.len() > line.months().len() {
        return Err(Error::DataFile(format!(
            "{used_by}: a fiscal year has twelve months"
        )));
    }
    let id = tx
        .insert_budget_line(keys.get("office", &entry.office, &used_by)?, &line)
        .await?;
    for (month, amount) in line.months().iter().zip(&entry.spent) {
        let fields = SpendingFields {
            month: month.to_string(),
            amount: amount.to_string(),
        };
        let spending = check_spending(&fields, &line, NaiveDate::MAX).map_err(invalid)?;
        tx.record_spending(id, spending).await?;
    }
    Ok(())
}

/// Adds a video tutorial to an office's library, checked as its form checks it.
async fn tutorial(tx: &Tx, entry: &TutorialEntry, keys: &Keys) -> Result<(), Error> {
    let used_by = format!("the tutorial {}", entry.title_bn);
    let tutorial = check_tutorial(&TutorialFields {
        title_bn: entry.title_bn.clone(),
        title_en: entry.title_en.clone(),
        topic: entry.topic.clone(),
        minutes: entry.minutes.to_string(),
        link: entry.link.clone(),
        description: entry.description.clone(),
        chapters: entry.chapters.clone(),
        course: String::new(),
    })
    .map_err(|errors| Error::DataFile(format!("{used_by}: {errors:?}")))?;
    tx.insert_tutorial(keys.get("office", &entry.office, &used_by)?, &tutorial)
        .await?;
    Ok(())
}

/// Enters an application in an office's RTI register with its answer and appeal, each checked as its
/// form checks it; the demo's records carry their own dates, whatever the day it is loaded (tests load
/// it on days long before them).
async fn rti_request(tx: &Tx, entry: &RtiEntry, keys: &Keys) -> Result<(), Error> {
    let today = NaiveDate::MAX;
    let used_by = format!("the RTI application of {}", entry.applicant);
    let invalid = |errors: ValidationErrors| Error::DataFile(format!("{used_by}: {errors:?}"));
    let request = check_request(
        &RtiRequestFields {
            received_on: date(&entry.received_on, &used_by)?.to_string(),
            channel: entry.channel.clone(),
            applicant: entry.applicant.clone(),
            contact: entry.contact.clone(),
            information: entry.information.clone(),
            involves_others: entry.involves_others,
            life_liberty: false,
        },
        today,
    )
    .map_err(invalid)?;
    let year = bangla::FiscalYear::of(request.received_on)
        .map_err(|error| Error::DataFile(format!("{used_by}: {error}")))?;
    let office_id = keys.get("office", &entry.office, &used_by)?;
    let (id, _) = tx
        .insert_rti_request(office_id, year.start_year(), &request)
        .await?;
    if let Some(answer) = &entry.answer {
        let fields = RtiAnswerFields {
            answered_on: date(&answer.answered_on, &used_by)?.to_string(),
            outcome: answer.outcome.clone(),
            section: answer.section.clone(),
            note: answer.note.clone(),
            fee: answer.fee.to_string(),
        };
        let answer = check_answer(&fields, request.received_on, today).map_err(invalid)?;
        tx.record_rti_step(id, &RtiStep::Answer(answer)).await?;
    }
    if let Some(appeal) = &entry.appeal {
        let fields = RtiAppealFields {
            filed_on: date(&appeal.filed_on, &used_by)?.to_string(),
            decided_on: appeal
                .decided_on
                .as_ref()
                .map(|decided| date(decided, &used_by).map(|day| day.to_string()))
                .transpose()?
                .unwrap_or_default(),
            outcome: appeal.outcome.clone(),
            note: String::new(),
        };
        let appeal = check_appeal(&fields, request.received_on, today).map_err(invalid)?;
        tx.record_rti_step(id, &RtiStep::Appeal(appeal)).await?;
    }
    Ok(())
}

/// Inserts a training checked as its form checks it, with its participants, their attendance and
/// their certificates.
async fn training(
    tx: &Tx,
    file: &DemoFile,
    entry: &TrainingEntry,
    keys: &Keys,
) -> Result<(), Error> {
    let used_by = format!("the training \"{}\"", entry.title_bn);
    let mut fields = TrainingFields {
        title: Bilingual::new(&entry.title_bn, &entry.title_en),
        topic: entry.topic.clone(),
        audience: entry.audience.clone(),
        mode: entry.mode.clone(),
        venue: Bilingual::new(&entry.venue_bn, &entry.venue_en),
        provider: entry.provider.clone(),
        trainers: entry.trainers.join("\n"),
        guest_trainers: entry.guest_trainers.join("\n"),
        ..TrainingFields::default()
    };
    for session in &entry.sessions {
        fields
            .session_on
            .push(date(&session.on, &used_by)?.to_string());
        fields.session_from.push(session.from.clone());
        fields.session_until.push(session.until.clone());
        fields.session_subject.push(session.subject.clone());
    }
    let checked = check_training(&fields)
        .map_err(|errors| Error::DataFile(format!("{used_by}: {errors:?}")))?;
    let year = bangla::FiscalYear::of(checked.starts_on())
        .map_err(|error| Error::DataFile(format!("{used_by}: {error}")))?;
    let office_id = keys.get("office", &entry.office, &used_by)?;
    let id = tx
        .insert_training(office_id, year.start_year(), None, &checked)
        .await?;
    for participant in &entry.participants {
        let person = keys.get("person", &participant.person, &used_by)?;
        let office = keys.get("office", &participant.office, &used_by)?;
        let row = tx.insert_participant(id, person, office).await?;
        let attended: Vec<usize> = participant
            .attended
            .iter()
            .map(|number| {
                number
                    .checked_sub(1)
                    .filter(|index| *index < checked.sessions.len())
                    .ok_or_else(|| Error::DataFile(format!("{used_by}: no session {number}")))
            })
            .collect::<Result<_, _>>()?;
        tx.set_attended(row, &attended).await?;
        if let Some(code) = &participant.certificate {
            let issued_on = entry.certified_on.as_ref().ok_or_else(|| {
                Error::DataFile(format!("{used_by}: certificates without certified_on"))
            })?;
            let name = |kind: &str, key: &str| -> Result<Bilingual, Error> {
                let found = match kind {
                    "office" => file
                        .offices
                        .iter()
                        .find(|office| office.key == key)
                        .map(|office| Bilingual::new(&office.bn, &office.en)),
                    _ => file
                        .people
                        .iter()
                        .find(|person| person.key == key)
                        .map(|person| Bilingual::new(&person.bn, &person.en)),
                };
                found.ok_or_else(|| Error::DataFile(format!("{used_by}: no {kind} \"{key}\"")))
            };
            let certificate = Certificate {
                name: name("person", &participant.person)?,
                office: name("office", &participant.office)?,
                organiser: name("office", &entry.office)?,
                title: checked.title.clone(),
                first_day: checked.starts_on(),
                last_day: checked.ends_on(),
                minutes: attended
                    .iter()
                    .map(|index| checked.sessions[*index].minutes())
                    .sum(),
            };
            tx.insert_certificate(id, row, code, date(issued_on, &used_by)?, &certificate)
                .await?;
        }
    }
    Ok(())
}

fn recipients(
    entries: &[RecipientEntry],
    keys: &Keys,
    used_by: &str,
) -> Result<Vec<NewDistributionEntry>, Error> {
    entries
        .iter()
        .map(|entry| {
            Ok(NewDistributionEntry {
                text: Bilingual::new(&entry.bn, &entry.en),
                attention: entry
                    .attention_bn
                    .as_ref()
                    .map(|bn| Bilingual::new(bn, entry.attention_en.clone().unwrap_or_default())),
                office_id: keys.get_opt("office", entry.office.as_deref(), used_by)?,
                post_id: keys.get_opt("post", entry.post.as_deref(), used_by)?,
            })
        })
        .collect()
}

fn team_order(entry: &TeamOrderEntry, keys: &Keys) -> Result<NewTeamOrder, Error> {
    let used_by = format!("the office order {}", entry.memo);
    Ok(NewTeamOrder {
        record: TeamOrderRecord {
            team_id: keys.get("team", &entry.team, &used_by)?,
            issuing_unit_id: keys.get_opt("unit", entry.issuing_unit.as_deref(), &used_by)?,
            memo_number: memo(&entry.memo, &used_by)?,
            issued_on: date(&entry.issued_on, &used_by)?,
            effective_from: date(&entry.effective_from, &used_by)?,
            cites_memo: entry
                .cites_memo
                .as_deref()
                .map(|text| memo(text, &used_by))
                .transpose()?,
            cites_date: entry
                .cites_date
                .as_ref()
                .map(|value| date(value, &used_by))
                .transpose()?,
            preamble: Bilingual::new(&entry.preamble_bn, &entry.preamble_en),
            terms_heading: Bilingual::new(&entry.terms_heading_bn, &entry.terms_heading_en),
            closing: Bilingual::new(&entry.closing_bn, &entry.closing_en),
            signatory_person_id: keys.get("person", &entry.signatory_person, &used_by)?,
            signatory_post_id: keys.get("post", &entry.signatory_post, &used_by)?,
            signed_on: date(&entry.signed_on, &used_by)?,
            endorsement: entry.endorsement,
            copies_intro: Bilingual::new(&entry.copies_intro_bn, &entry.copies_intro_en),
        },
        members: entry
            .members
            .iter()
            .map(|member| Ok((keys.get("post", &member.post, &used_by)?, member.role)))
            .collect::<Result<_, Error>>()?,
        terms: match &entry.terms {
            TermsEntry::Listed(terms) => terms
                .iter()
                .map(|term| Bilingual::new(&term.bn, &term.en))
                .collect(),
            TermsEntry::Named(name) if name == "template" => OrderTemplate::builtin().terms.clone(),
            TermsEntry::Named(name) => {
                return Err(Error::DataFile(format!(
                    "{used_by}: terms must be a list or \"template\", not \"{name}\""
                )));
            }
        },
        copies: recipients(&entry.copies, keys, &used_by)?,
    })
}

fn meeting(entry: &MeetingEntry, keys: &Keys) -> Result<NewMeeting, Error> {
    let used_by = format!("meeting \"{}\"", entry.key);
    let starts_at = entry
        .starts_at
        .as_deref()
        .map(|text| {
            NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| {
                Error::DataFile(format!(
                    "{used_by}: starts_at \"{text}\" must be a time such as 11:00"
                ))
            })
        })
        .transpose()?;
    Ok(NewMeeting {
        record: MeetingRecord {
            key: entry.key.clone(),
            office_id: keys.get("office", &entry.office, &used_by)?,
            team_id: keys.get_opt("team", entry.team.as_deref(), &used_by)?,
            kind: entry.kind,
            plan_fiscal_year: entry.plan_fiscal_year,
            sequence: entry.sequence,
            title: Bilingual::new(&entry.title_bn, &entry.title_en),
            held_on: date(&entry.held_on, &used_by)?,
            starts_at,
            place: Bilingual::new(&entry.place_bn, &entry.place_en),
            chair_person_id: keys.get_opt("person", entry.chair_person.as_deref(), &used_by)?,
            chair_designation_id: keys.get_opt(
                "designation",
                entry.chair_designation.as_deref(),
                &used_by,
            )?,
            member_secretary_person_id: keys.get_opt(
                "person",
                entry.member_secretary_person.as_deref(),
                &used_by,
            )?,
            member_secretary_post_id: keys.get_opt(
                "post",
                entry.member_secretary_post.as_deref(),
                &used_by,
            )?,
            opening: Bilingual::new(&entry.opening_bn, &entry.opening_en),
            closing: Bilingual::new(&entry.closing_bn, &entry.closing_en),
            memo_number: entry
                .memo
                .as_deref()
                .map(|text| memo(text, &used_by))
                .transpose()?,
            issued_on: entry
                .issued_on
                .as_ref()
                .map(|value| date(value, &used_by))
                .transpose()?,
            issuer_person_id: keys.get_opt("person", entry.issuer_person.as_deref(), &used_by)?,
            issuer_post_id: keys.get_opt("post", entry.issuer_post.as_deref(), &used_by)?,
            online_link: entry.online_link.clone(),
            notice_memo: None,
            notice_sent_on: None,
            minutes_stage: None,
            circulated_on: None,
            approved_on: None,
            approved_by: None,
        },
        invitees: entry
            .invitees
            .iter()
            .map(|invitee| match (&invitee.post, &invitee.person) {
                (Some(post), None) => Ok(Invitee::Post(keys.get("post", post, &used_by)?)),
                (None, Some(person)) => Ok(Invitee::Person(keys.get("person", person, &used_by)?)),
                _ => Err(Error::DataFile(format!(
                    "{used_by}: an invitee names either a post or a person"
                ))),
            })
            .collect::<Result<_, Error>>()?,
        agenda: entry
            .agenda
            .iter()
            .map(|item| {
                Ok(AgendaItem {
                    title: Bilingual::new(&item.title_bn, &item.title_en),
                    presenter_post_id: keys.get_opt(
                        "post",
                        item.presenter_post.as_deref(),
                        &used_by,
                    )?,
                    discussion: Bilingual::default(),
                })
            })
            .collect::<Result<_, Error>>()?,
        attendance: entry
            .attendance
            .iter()
            .map(|attendance| {
                Ok((
                    keys.get("person", &attendance.person, &used_by)?,
                    attendance.present,
                ))
            })
            .collect::<Result<_, Error>>()?,
        decisions: entry
            .decisions
            .iter()
            .map(|decision| self::decision(decision, keys, &used_by))
            .collect::<Result<_, _>>()?,
        distribution: recipients(&entry.distribution, keys, &used_by)?,
    })
}

fn decision(entry: &DecisionEntry, keys: &Keys, meeting: &str) -> Result<NewDecision, Error> {
    let used_by = format!("decision {} of {meeting}", entry.serial);
    let deadline = match (entry.recurrence, &entry.deadline, entry.day_of_month) {
        (None, Some(value), None) => Deadline::By(date(value, &used_by)?),
        (None, None, None) => Deadline::Unspecified,
        (Some(Recurrence::Monthly), None, Some(day @ 1..=31)) => Deadline::MonthlyBy(day),
        (Some(Recurrence::Yearly), None, None) => Deadline::Yearly,
        _ => {
            return Err(Error::DataFile(format!(
                "{used_by}: give either a deadline date, or recurrence = \"monthly\" with day_of_month 1–31, or recurrence = \"yearly\""
            )));
        }
    };
    let responsible = entry
        .responsible
        .iter()
        .map(|party| {
            let (team_id, unit_id, office_id) = match party.kind {
                ResponsibleKind::Team => (
                    Some(keys.get("team", &party.reference, &used_by)?),
                    None,
                    None,
                ),
                ResponsibleKind::Unit => (
                    None,
                    Some(keys.get("unit", &party.reference, &used_by)?),
                    None,
                ),
                ResponsibleKind::Office
                | ResponsibleKind::AllUnits
                | ResponsibleKind::SubordinateOffices => (
                    None,
                    None,
                    Some(keys.get("office", &party.reference, &used_by)?),
                ),
            };
            Ok(NewResponsible {
                kind: party.kind,
                team_id,
                unit_id,
                office_id,
                label: Bilingual::new(&party.bn, &party.en),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(NewDecision {
        serial: entry
            .serial
            .parse()
            .map_err(|error| Error::DataFile(format!("{used_by}: {error}")))?,
        text: Bilingual::new(&entry.text_bn, &entry.text_en),
        deadline,
        responsible,
    })
}

/// A demo innovation's TCV figures in the form's order; a measure the form does not have is an error.
fn tcv_fields(
    figures: &std::collections::BTreeMap<String, [String; 2]>,
    used_by: &str,
) -> Result<[(String, String); 4], Error> {
    if let Some(unknown) = figures
        .keys()
        .find(|measure| !Tcv::MEASURES.contains(&measure.as_str()))
    {
        return Err(Error::DataFile(format!(
            "{used_by}: no TCV measure \"{unknown}\""
        )));
    }
    Ok(Tcv::MEASURES.map(|measure| {
        figures
            .get(measure)
            .map(|[before, after]| (before.clone(), after.clone()))
            .unwrap_or_default()
    }))
}
