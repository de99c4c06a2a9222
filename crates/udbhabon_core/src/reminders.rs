//! The reminder job: the open decisions of issued minutes due within three days, within a day, or past
//! their date are mailed to the accounts that act for their responsible offices, each reminder once.

use std::collections::HashMap;

use udbhabon_db::account::AccountRow;
use udbhabon_db::reminder::NewReminder;
use udbhabon_domain::Lang;
use udbhabon_domain::access::Role;
use udbhabon_domain::decision::DecisionStatus;
use udbhabon_i18n::{format, t_args};

use crate::follow_up::TrackedDecision;
use crate::mail::Mail;
use crate::{App, Error};

/// The roles reminded for an office: those who report for it and its member secretary.
const REMINDED: [Role; 2] = [Role::FocalPoint, Role::MemberSecretary];

/// What one run of the job did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReminderRun {
    /// Reminders mailed now.
    pub sent: usize,
    /// Reminders due now that had gone out before.
    pub already_sent: usize,
}

/// When in a deadline's life a reminder goes: three days before, the day before (or on the day), or
/// once it has passed; `None` when nothing is due now.
fn step(tracked: &TrackedDecision, today: chrono::NaiveDate) -> Option<&'static str> {
    if !matches!(
        tracked.status,
        DecisionStatus::NotStarted | DecisionStatus::InProgress
    ) {
        return None;
    }
    if tracked.overdue {
        return Some("overdue");
    }
    match (tracked.next_due? - today).num_days() {
        0..=1 => Some("before_1"),
        2..=3 => Some("before_3"),
        _ => None,
    }
}

impl App {
    /// Sends the decision reminders due today. Safe to run as often as wanted: a reminder already
    /// recorded is not sent again.
    pub async fn send_decision_reminders(&self) -> Result<ReminderRun, Error> {
        let today = self.today();
        let meetings = self.db.issued_meetings().await?;
        let ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
        let decisions = self.db.decisions_of_meetings(&ids).await?;
        let mut run = ReminderRun::default();
        let mut acting: HashMap<Vec<(i32, bool)>, Vec<AccountRow>> = HashMap::new();
        for tracked in self.tracked(decisions, &meetings).await? {
            let (Some(step), Some(due_on)) = (step(&tracked, today), tracked.next_due) else {
                continue;
            };
            // Decisions share their responsible bodies: each set's accounts are looked up once a run.
            let accounts = match acting.get(&tracked.offices) {
                Some(accounts) => accounts,
                None => {
                    let found = self.acting_for(&tracked.offices).await?;
                    acting.entry(tracked.offices.clone()).or_insert(found)
                }
            };
            for account in accounts {
                let tx = self
                    .db
                    .begin(self.author(None, "udbhabon (reminders)"))
                    .await?;
                let reminder = NewReminder {
                    subject: "decision".into(),
                    record_id: tracked.decision.id,
                    due_on,
                    step: step.into(),
                    account_id: account.id,
                };
                let recorded = tx.record_reminder(reminder.clone()).await?;
                if !recorded {
                    run.already_sent += 1;
                    continue;
                }
                // Recorded and committed before the mail, so that no write lock waits on a mail
                // server; a mail that fails is forgotten again, to be tried on the next run.
                tx.commit().await?;
                let mail = self.reminder_mail(&tracked, step, due_on, &account.email);
                if let Err(error) = self.mailer.send(mail).await {
                    tracing::warn!(decision = tracked.decision.id, to = %account.email, %error, "a reminder was not mailed; it is tried again on the next run");
                    let tx = self
                        .db
                        .begin(self.author(None, "udbhabon (reminders)"))
                        .await?;
                    tx.forget_reminder(reminder).await?;
                    tx.commit().await?;
                    continue;
                }
                run.sent += 1;
            }
        }
        if run.sent > 0 {
            tracing::info!(sent = run.sent, "decision reminders sent");
        }
        Ok(run)
    }

    /// The accounts reminded for these responsible offices (each with whether the offices under it
    /// are meant).
    async fn acting_for(&self, responsible: &[(i32, bool)]) -> Result<Vec<AccountRow>, Error> {
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
        Ok(self.db.accounts_acting_for(&offices, &REMINDED).await?)
    }

    /// The reminder of one decision, in Bengali and then in English, with its page's address.
    fn reminder_mail(
        &self,
        tracked: &TrackedDecision,
        step: &str,
        due_on: chrono::NaiveDate,
        to: &str,
    ) -> Mail {
        let decision = &tracked.decision;
        let (subject_key, body_key) = if step == "overdue" {
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
        Mail {
            at: self.now(),
            to: to.to_owned(),
            subject: t_args(Lang::Bn, subject_key, &args(Lang::Bn)),
            body: Lang::ALL
                .into_iter()
                .map(|lang| t_args(lang, body_key, &args(lang)))
                .collect::<Vec<_>>()
                .join("\n\n----\n\n"),
            attachments: Vec::new(),
        }
    }
}
