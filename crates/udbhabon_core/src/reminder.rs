//! The reminder job: open decisions of issued minutes, and collections not yet submitted, are mailed on
//! the configured days before their deadline and once it has passed to the accounts that act for the
//! responsible office or branch; a collection still missing some days later is escalated to the office
//! above; an office that gathers its field offices' submissions is reminded of the forward it owes; an
//! RTI application's answer, or its appeal's decision, what a system needs renewed and the findings of
//! its tests and audits are reminded to the member secretary who keeps the office's register.
//! Each reminder is recorded, and so sent, once.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::account::AccountRow;
use udbhabon_db::collection::SubmissionRow;
use udbhabon_db::reminder::NewReminder;
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Role;
use udbhabon_domain::collection::{SubmissionStatus, forward_due};
use udbhabon_domain::meeting::decision::{DecisionStatus, ResponsibleKind};
use udbhabon_domain::register::rti::RtiPending;
use udbhabon_domain::reminder::ReminderStep;
use udbhabon_i18n::{format, t_args};

use crate::collection::{REMINDER_SUBJECT, Respondent, gatherer};
use crate::mail::Mail;
use crate::meeting::decision::TrackedDecision;
use crate::register::rti::pending_title;
use crate::{App, Error};

/// The roles reminded for an office: those who report for it and its member secretary.
const REMINDED: [Role; 2] = [Role::FocalPoint, Role::MemberSecretary];

/// The roles told when an office or branch below misses a deadline: the office's innovation head and
/// its member secretary.
const ESCALATED: [Role; 2] = [Role::ChiefInnovationOfficer, Role::MemberSecretary];

/// The reminder subject of a gathering office's forward (the record is the period).
const FORWARD_SUBJECT: &str = "collection_forward";

/// How long after a deadline a period still missing is chased: older ones are on the board, not in
/// anyone's mail.
const CHASED_FOR_DAYS: i64 = 31;

/// The accounts reminded for each set of responsible offices (each with whether the offices under it
/// are meant), and whether the decision is a team's alone.
type Reminded = HashMap<(Vec<(i32, bool)>, bool), Vec<AccountRow>>;

/// A reminder about a record of a register, to its keepers: the record (subject, id, office), when it
/// is due and which step this is, its title and page, and the mail's message keys.
struct RegisterReminder {
    record: (&'static str, i32, i32),
    due: (NaiveDate, ReminderStep),
    title: udbhabon_domain::Bilingual,
    link: String,
    keys: (&'static str, &'static str),
}

/// What one run of the job did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReminderRun {
    /// Reminders mailed now.
    pub sent: usize,
    /// Reminders due now that had gone out before.
    pub already_sent: usize,
}

impl std::ops::AddAssign for ReminderRun {
    fn add_assign(&mut self, other: Self) {
        self.sent += other.sent;
        self.already_sent += other.already_sent;
    }
}

impl App {
    /// Runs every job due: opens the collections' new periods, then sends the decision, collection and
    /// forward reminders due today and mails the hand-offs waiting on each account.
    pub async fn run_jobs(&self) -> Result<ReminderRun, Error> {
        self.open_collection_periods().await?;
        let mut run = self.send_decision_reminders().await?;
        run += self.send_collection_reminders().await?;
        run += self.send_forward_reminders().await?;
        run += self.send_rti_reminders().await?;
        run += self.send_renewal_reminders().await?;
        run += self.send_finding_reminders().await?;
        run += self.send_notification_mails().await?;
        if run.sent > 0 {
            tracing::info!(sent = run.sent, "reminders sent");
        }
        Ok(run)
    }

    /// Records a reminder and mails it, unless it went out before. The record is committed before the
    /// mail, so that no write lock waits on a mail server; a mail that fails is forgotten again, to be
    /// tried on the next run.
    async fn deliver(
        &self,
        reminder: NewReminder,
        mail: Mail,
        run: &mut ReminderRun,
    ) -> Result<(), Error> {
        let author = || self.author(None, "udbhabon (reminders)");
        let tx = self.db.begin(author()).await?;
        if !tx.record_reminder(reminder.clone()).await? {
            run.already_sent += 1;
            return Ok(());
        }
        tx.commit().await?;
        if let Err(error) = self.mailer.send(mail).await {
            tracing::warn!(subject = %reminder.subject, record = reminder.record_id, account = reminder.account_id, %error, "a reminder was not mailed; it is tried again on the next run");
            let tx = self.db.begin(author()).await?;
            tx.forget_reminder(reminder).await?;
            tx.commit().await?;
            return Ok(());
        }
        run.sent += 1;
        Ok(())
    }

    /// Sends the decision reminders due today. Safe to run as often as wanted: a reminder already
    /// recorded is not sent again.
    pub async fn send_decision_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let meetings = self.db.issued_meetings().await?;
        let ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
        let decisions = self.db.decisions_of_meetings(&ids).await?;
        let mut run = ReminderRun::default();
        let mut acting: Reminded = HashMap::new();
        for tracked in self.tracked(decisions, &meetings).await? {
            if !matches!(
                tracked.status,
                DecisionStatus::NotStarted | DecisionStatus::InProgress
            ) {
                continue;
            }
            let Some(due_on) = tracked.next_due else {
                continue;
            };
            // An overdue decision is one whose fixed date has passed; a monthly one is never overdue,
            // it is due again.
            let step = if tracked.overdue {
                ReminderStep::Overdue
            } else {
                match self.reminders.step(due_on, today) {
                    Some(step @ ReminderStep::Before(_)) => step,
                    _ => continue,
                }
            };
            // A team's decision is its member secretary's to report; any other body's, its focal
            // points' too. Decisions share their responsible bodies: each set's accounts are looked
            // up once a run.
            let team_only = tracked
                .decision
                .responsible
                .iter()
                .all(|party| party.kind == ResponsibleKind::Team);
            // Only the bodies that have not reported it done are reminded.
            let owing: Vec<(i32, bool)> = if tracked.standing.done_of_bodies().1 == 0 {
                tracked.offices.clone()
            } else {
                tracked
                    .standing
                    .bodies()
                    .filter(|(_, status)| *status != DecisionStatus::Done)
                    .map(|(body, _)| (body, false))
                    .collect()
            };
            let key = (owing, team_only);
            let accounts = match acting.get(&key) {
                Some(accounts) => accounts,
                None => {
                    let roles: &[Role] = if team_only {
                        &[Role::MemberSecretary]
                    } else {
                        &REMINDED
                    };
                    let found = self.acting_for(&key.0, roles).await?;
                    acting.entry(key).or_insert(found)
                }
            };
            for account in accounts {
                let reminder = NewReminder {
                    subject: "decision".into(),
                    record_id: tracked.decision.id,
                    due_on,
                    step: step.code(),
                    account_id: account.id,
                };
                let mail = self.decision_mail(&tracked, step, due_on, account);
                self.deliver(reminder, mail, &mut run).await?;
            }
        }
        Ok(run)
    }

    /// The accounts holding these roles on the responsible offices (each with whether the offices
    /// under it are meant).
    async fn acting_for(
        &self,
        responsible: &[(i32, bool)],
        roles: &[Role],
    ) -> Result<Vec<AccountRow>, Error> {
        let mut offices = Vec::new();
        for (office_id, below) in responsible {
            if *below {
                offices.extend(
                    self.db
                        .office_children(&[Some(*office_id)])
                        .await?
                        .into_iter()
                        .map(|office| office.id),
                );
            } else {
                offices.push(*office_id);
            }
        }
        Ok(self.db.accounts_acting_for(&offices, roles).await?)
    }

    /// Sends the collection reminders due today: before the deadline and once it has passed to those
    /// who submit for each respondent that has not (or whose submission was returned), and after the
    /// configured days to the office above it. Safe to run as often as wanted.
    pub async fn send_collection_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let collections = self.open_collections().await?;
        let ids: Vec<i32> = collections.iter().map(|collection| collection.id).collect();
        let periods: Vec<_> = self
            .db
            .periods_of(&ids)
            .await?
            .into_iter()
            .filter(|period| (today - period.period.due_on).num_days() <= CHASED_FOR_DAYS)
            .filter(|period| self.reminders.step(period.period.due_on, today).is_some())
            .collect();
        let mut run = ReminderRun::default();
        if periods.is_empty() {
            return Ok(run);
        }
        let respondents = self.respondents(&ids).await?;
        let submissions = self
            .db
            .submissions_in(&periods.iter().map(|period| period.id).collect::<Vec<_>>())
            .await?;
        let answered = |period_id: i32, respondent_id: i32| {
            submissions
                .iter()
                .filter(|s| s.period_id == period_id && s.respondent_id == respondent_id)
                .max_by_key(|s| s.version)
                .is_some_and(|s: &SubmissionRow| s.status != SubmissionStatus::Returned)
        };
        for period in &periods {
            let Some(collection) = collections.iter().find(|c| c.id == period.collection_id) else {
                continue;
            };
            let due_on = period.period.due_on;
            for respondent in respondents
                .iter()
                .filter(|respondent| respondent.row.collection_id == collection.id)
                .filter(|respondent| !answered(period.id, respondent.row.id))
            {
                let mut steps: Vec<(ReminderStep, Vec<AccountRow>)> = Vec::new();
                if let Some(step) = self.reminders.step(due_on, today) {
                    steps.push((step, self.respondent_accounts(respondent).await?));
                }
                if self.reminders.escalates(due_on, today) {
                    steps.push((ReminderStep::Escalated, self.heads_above(respondent).await?));
                }
                for (step, accounts) in steps {
                    for account in accounts {
                        let reminder = NewReminder {
                            subject: REMINDER_SUBJECT.into(),
                            record_id: respondent.row.id,
                            due_on,
                            step: step.code(),
                            account_id: account.id,
                        };
                        let link = if step == ReminderStep::Escalated {
                            format!(
                                "{}/collections/{}?period={}",
                                self.public_url, collection.key, period.period.starts_on
                            )
                        } else {
                            format!(
                                "{}/collections/{}/periods/{}/respondents/{}",
                                self.public_url,
                                collection.key,
                                period.period.starts_on,
                                respondent.row.id
                            )
                        };
                        let mail = self.collection_mail(
                            (&collection.title, period.period.starts_on, due_on),
                            respondent,
                            step,
                            &link,
                            &account,
                        );
                        self.deliver(reminder, mail, &mut run).await?;
                    }
                }
            }
        }
        Ok(run)
    }

    /// Reminds each gathering office's member secretary of the forward it owes: on the configured
    /// days before its own deadline and once that has passed, until it has forwarded; each once.
    pub async fn send_forward_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let collections: Vec<_> = self
            .open_collections()
            .await?
            .into_iter()
            .filter(|collection| collection.forward_days.is_some())
            .collect();
        let mut run = ReminderRun::default();
        if collections.is_empty() {
            return Ok(run);
        }
        let ids: Vec<i32> = collections.iter().map(|collection| collection.id).collect();
        let respondents = self.respondents(&ids).await?;
        let periods = self.db.periods_of(&ids).await?;
        let forwards = self
            .db
            .forwards_in(&periods.iter().map(|period| period.id).collect::<Vec<_>>())
            .await?;
        for period in &periods {
            let Some(collection) = collections.iter().find(|c| c.id == period.collection_id) else {
                continue;
            };
            let Some(days) = collection.forward_days else {
                continue;
            };
            let due_on = forward_due(period.period.due_on, days);
            let Some(step) = self
                .reminders
                .step(due_on, today)
                .filter(|_| (today - due_on).num_days() <= CHASED_FOR_DAYS)
            else {
                continue;
            };
            let mut gatherers: Vec<i32> = respondents
                .iter()
                .filter(|respondent| respondent.row.collection_id == collection.id)
                .filter_map(|respondent| gatherer(collection, respondent))
                .collect();
            gatherers.sort_unstable();
            gatherers.dedup();
            for office_id in gatherers {
                if forwards
                    .iter()
                    .any(|forward| forward.period_id == period.id && forward.office_id == office_id)
                {
                    continue;
                }
                let office = self.db.office_by_id(office_id).await?;
                let link = format!(
                    "{}/collections/{}?period={}&office={}",
                    self.public_url, collection.key, period.period.starts_on, office.key
                );
                let keys = if step == ReminderStep::Overdue {
                    ("forward-overdue-subject", "forward-overdue-body")
                } else {
                    ("forward-reminder-subject", "forward-reminder-body")
                };
                let args = |lang: Lang| {
                    vec![
                        ("collection", collection.title.get(lang).to_owned()),
                        ("period", format::month_year(lang, period.period.starts_on)),
                        ("office_of", of(lang, &office.name)),
                        ("date", format::date(lang, due_on)),
                        ("link", link.clone()),
                    ]
                };
                for account in self
                    .db
                    .accounts_acting_for(&[office_id], &[Role::MemberSecretary])
                    .await?
                {
                    let reminder = NewReminder {
                        subject: FORWARD_SUBJECT.into(),
                        record_id: period.id,
                        due_on,
                        step: step.code(),
                        account_id: account.id,
                    };
                    let mail = self.account_mail(&account, keys, args);
                    self.deliver(reminder, mail, &mut run).await?;
                }
            }
        }
        Ok(run)
    }

    /// Who submits for a respondent: for a unit, the people posted in it; for an office, its focal
    /// points and member secretary.
    async fn respondent_accounts(&self, respondent: &Respondent) -> Result<Vec<AccountRow>, Error> {
        Ok(match respondent.row.unit_id {
            Some(unit) => self
                .db
                .accounts_posted_in(&[unit], self.today())
                .await?
                .into_iter()
                .map(|(_, account)| account)
                .collect(),
            None => {
                self.db
                    .accounts_acting_for(&[respondent.row.office_id], &REMINDED)
                    .await?
            }
        })
    }

    /// The office above a respondent (a branch's own office, an office's parent), as its innovation
    /// head and member secretary.
    async fn heads_above(&self, respondent: &Respondent) -> Result<Vec<AccountRow>, Error> {
        let above = match respondent.row.unit_id {
            Some(_) => Some(respondent.office.id),
            None => respondent.office.parent_id,
        };
        Ok(match above {
            Some(office) => self.db.accounts_acting_for(&[office], &ESCALATED).await?,
            None => Vec::new(),
        })
    }

    /// Sends the RTI reminders due today to each office's member secretary, who keeps its register:
    /// before an unanswered application's limit or an appeal's and once it has passed. Safe to run as
    /// often as wanted.
    pub async fn send_rti_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let mut run = ReminderRun::default();
        for (row, pending) in self.open_rti(None).await? {
            let due_on = pending.due_on();
            let step = match self.reminders.step(due_on, today) {
                Some(ReminderStep::Overdue) if (today - due_on).num_days() <= CHASED_FOR_DAYS => {
                    ReminderStep::Overdue
                }
                Some(step @ ReminderStep::Before(_)) => step,
                _ => continue,
            };
            let subject = match pending {
                RtiPending::Answer(_) => "rti_answer",
                RtiPending::AppealDecision(_) => "rti_appeal",
            };
            let keys = if step == ReminderStep::Overdue {
                ("rti-reminder-overdue-subject", "rti-reminder-overdue-body")
            } else {
                ("rti-reminder-due-subject", "rti-reminder-due-body")
            };
            let reminded = RegisterReminder {
                record: (subject, row.id, row.office_id),
                due: (due_on, step),
                title: pending_title(&row, pending),
                link: format!("{}/rti/{}", self.public_url, row.id),
                keys,
            };
            self.remind_keepers(reminded, &mut run).await?;
        }
        Ok(run)
    }

    /// Sends the renewal reminders due today to the member secretary of each system's office, who
    /// keeps its software register: at the renewal's lead time, the day before it lapses and once it
    /// has. Safe to run as often as wanted; a renewal renewed to a new date is reminded anew.
    pub async fn send_renewal_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let mut run = ReminderRun::default();
        for (row, title) in self.renewals_to_watch(None, Some(CHASED_FOR_DAYS)).await? {
            let due_on = row.renewal.expires_on;
            let Some(step) = row.renewal.schedule().step(due_on, today) else {
                continue;
            };
            let keys = if step == ReminderStep::Overdue {
                (
                    "renewal-reminder-lapsed-subject",
                    "renewal-reminder-lapsed-body",
                )
            } else {
                ("renewal-reminder-due-subject", "renewal-reminder-due-body")
            };
            let reminded = RegisterReminder {
                record: ("renewal", row.id, row.office_id),
                due: (due_on, step),
                title,
                link: format!("{}/software/{}", self.public_url, row.software_id),
                keys,
            };
            self.remind_keepers(reminded, &mut run).await?;
        }
        Ok(run)
    }

    /// Sends the reminders of open findings of the systems' tests and audits to the member secretary of
    /// each system's office: on the configured days before the day each is to be fixed by, and once it
    /// has passed. Safe to run as often as wanted.
    pub async fn send_finding_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let ahead = self
            .reminders
            .days_before
            .iter()
            .copied()
            .max()
            .unwrap_or(0);
        let mut run = ReminderRun::default();
        for (row, title, software_id) in self.findings_to_watch(None, i64::from(ahead)).await? {
            let due_on = row.finding.due_on;
            let step = match self.reminders.step(due_on, today) {
                Some(ReminderStep::Overdue) if (today - due_on).num_days() <= CHASED_FOR_DAYS => {
                    ReminderStep::Overdue
                }
                Some(step @ ReminderStep::Before(_)) => step,
                _ => continue,
            };
            let keys = if step == ReminderStep::Overdue {
                (
                    "finding-reminder-overdue-subject",
                    "finding-reminder-overdue-body",
                )
            } else {
                ("finding-reminder-due-subject", "finding-reminder-due-body")
            };
            let reminded = RegisterReminder {
                record: ("finding", row.id, row.office_id),
                due: (due_on, step),
                title,
                link: format!("{}/software/{software_id}", self.public_url),
                keys,
            };
            self.remind_keepers(reminded, &mut run).await?;
        }
        Ok(run)
    }

    /// Mails a reminder about a record of a register to the member secretaries of its office.
    async fn remind_keepers(
        &self,
        reminded: RegisterReminder,
        run: &mut ReminderRun,
    ) -> Result<(), Error> {
        let (subject, record_id, office_id) = reminded.record;
        let (due_on, step) = reminded.due;
        let accounts = self
            .db
            .accounts_acting_for(&[office_id], &[Role::MemberSecretary])
            .await?;
        for account in &accounts {
            let reminder = NewReminder {
                subject: subject.into(),
                record_id,
                due_on,
                step: step.code(),
                account_id: account.id,
            };
            let args = |lang: Lang| {
                vec![
                    ("title", reminded.title.get(lang).to_owned()),
                    ("date", format::date(lang, due_on)),
                    ("link", reminded.link.clone()),
                ]
            };
            let mail = self.account_mail(account, reminded.keys, args);
            self.deliver(reminder, mail, run).await?;
        }
        Ok(())
    }

    /// The reminder of one decision, with its page's address.
    fn decision_mail(
        &self,
        tracked: &TrackedDecision,
        step: ReminderStep,
        due_on: NaiveDate,
        to: &AccountRow,
    ) -> Mail {
        let decision = &tracked.decision;
        let (subject_key, body_key) = if step == ReminderStep::Overdue {
            ("reminder-overdue-subject", "reminder-overdue-body")
        } else {
            ("reminder-due-subject", "reminder-due-body")
        };
        let args = |lang: Lang| {
            vec![
                ("serial", format::digits(lang, &decision.serial.to_string())),
                ("date", format::date(lang, due_on)),
                ("text", decision.text.get(lang).to_owned()),
                ("meeting", tracked.meeting.record.title.get(lang).to_owned()),
                (
                    "link",
                    format!("{}/decisions/{}", self.public_url, decision.id),
                ),
            ]
        };
        self.account_mail(to, (subject_key, body_key), args)
    }

    /// The reminder of one respondent's submission for a period, or its escalation.
    fn collection_mail(
        &self,
        (title, starts_on, due_on): (&udbhabon_domain::Bilingual, NaiveDate, NaiveDate),
        respondent: &Respondent,
        step: ReminderStep,
        link: &str,
        to: &AccountRow,
    ) -> Mail {
        let keys = match step {
            ReminderStep::Before(_) => ("collection-due-subject", "collection-due-body"),
            ReminderStep::Overdue => ("collection-overdue-subject", "collection-overdue-body"),
            ReminderStep::Escalated => {
                ("collection-escalated-subject", "collection-escalated-body")
            }
        };
        let args = |lang: Lang| {
            vec![
                ("collection", title.get(lang).to_owned()),
                ("period", format::month_year(lang, starts_on)),
                ("respondent", respondent.name().get(lang).to_owned()),
                ("respondent_of", of(lang, respondent.name())),
                ("date", format::date(lang, due_on)),
                ("link", link.to_owned()),
            ]
        };
        self.account_mail(to, keys, args)
    }

    /// A mail in the language the account chose.
    fn account_mail(
        &self,
        to: &AccountRow,
        (subject_key, body_key): (&str, &str),
        args: impl Fn(Lang) -> Vec<(&'static str, String)>,
    ) -> Mail {
        let lang = to.mail_lang;
        Mail {
            at: self.now(),
            to: to.email.clone(),
            subject: t_args(lang, subject_key, &args(lang)),
            body: t_args(lang, body_key, &args(lang)),
            attachments: Vec::new(),
        }
    }
}

/// A name as the owner of what follows: the Bengali genitive ("প্রশাসন অধিশাখার"), the English name.
fn of(lang: Lang, name: &udbhabon_domain::Bilingual) -> String {
    match lang {
        Lang::Bn => bangla::grammar::genitive(&name.bn),
        Lang::En => name.en.clone(),
    }
}
