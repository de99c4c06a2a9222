//! A signed-in officer's inbox, worked out from the records (so it needs no mail): the steps that wait
//! on the officer by their role (plans, minutes and charters to approve, minutes to comment on or issue,
//! decisions reported done to confirm, citizens' messages to answer), returns and reports due soon or
//! overdue, submissions sent back, submissions waiting for the officer's review, field offices'
//! submissions the officer's office gathers and must forward, the meeting decisions the officer's
//! offices carry out that are due or overdue, and the RTI clocks, software renewals and security
//! findings of the registers the officer keeps.

mod mail;

pub use mail::MailPreference;

use chrono::NaiveDate;
use udbhabon_db::collection::SubmissionRow;
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::account::access::{Action, Role};
use udbhabon_domain::collection::{Standing, SubmissionStatus, forward_due, standing};
use udbhabon_domain::meeting::decision::DecisionStatus;
use udbhabon_domain::meeting::minutes::MinutesStage;
use udbhabon_domain::portal::charter::CharterStatus;
use udbhabon_domain::register::renewal::RenewalStanding;

use crate::account::SignedIn;
use crate::register::rti::pending_title;
use crate::{App, Error};

/// How far ahead a deadline is worth a notification.
const AHEAD_DAYS: i64 = 7;

/// How far back a missed deadline is still a notification (older ones are on the board).
const BACK_DAYS: i64 = 31;

/// What a notification is about; the steps waiting on the reader come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoticeKind {
    /// A plan sent for the Chief Innovation Officer's approval.
    PlanToApprove,
    /// Minutes circulated, for the Chief Innovation Officer's approval.
    MinutesToApprove,
    /// A citizen charter sent for the Chief Innovation Officer's approval.
    CharterToApprove,
    /// Approved minutes, for the member secretary to issue.
    MinutesToIssue,
    /// A decision reported done, for the member secretary to confirm and close.
    DecisionToConfirm,
    /// Minutes circulated to the members, not yet commented on by the reader.
    MinutesToComment,
    /// Citizens' messages not yet answered.
    MessagesToAnswer,
    /// A return or report not sent by its deadline.
    Overdue,
    /// A return or report sent back with a comment.
    Returned,
    /// A meeting decision past its deadline.
    DecisionOverdue,
    /// An RTI application unanswered, or its appeal undecided, past the Act's limit.
    RtiOverdue,
    /// Something a system needs renewed has lapsed.
    RenewalLapsed,
    /// A finding of a system's test or audit still open past the day it was to be fixed by.
    FindingOverdue,
    /// A return or report due soon.
    Due,
    /// A meeting decision due soon.
    DecisionDue,
    /// An RTI application's answer, or its appeal's decision, due soon.
    RtiDue,
    /// Something a system needs renewed lapses within its lead time.
    RenewalDue,
    /// A finding of a system's test or audit to be fixed soon.
    FindingDue,
    /// Field offices' submissions the reader's office gathers, to be forwarded upward.
    ForwardDue,
    /// Submissions waiting for the reader's review.
    AwaitingReview,
}

impl NoticeKind {
    /// Every kind, in the inbox's order.
    pub const ALL: [NoticeKind; 20] = [
        Self::PlanToApprove,
        Self::MinutesToApprove,
        Self::CharterToApprove,
        Self::MinutesToIssue,
        Self::DecisionToConfirm,
        Self::MinutesToComment,
        Self::MessagesToAnswer,
        Self::Overdue,
        Self::Returned,
        Self::DecisionOverdue,
        Self::RtiOverdue,
        Self::RenewalLapsed,
        Self::FindingOverdue,
        Self::Due,
        Self::DecisionDue,
        Self::RtiDue,
        Self::RenewalDue,
        Self::FindingDue,
        Self::ForwardDue,
        Self::AwaitingReview,
    ];

    /// The kind's code, as stored and as the catalogues' `notice-` keys and the pages' classes name it.
    pub fn code(self) -> &'static str {
        match self {
            Self::PlanToApprove => "plan-to-approve",
            Self::MinutesToApprove => "minutes-to-approve",
            Self::CharterToApprove => "charter-to-approve",
            Self::MinutesToIssue => "minutes-to-issue",
            Self::DecisionToConfirm => "decision-to-confirm",
            Self::MinutesToComment => "minutes-to-comment",
            Self::MessagesToAnswer => "messages-to-answer",
            Self::Overdue => "overdue",
            Self::Returned => "returned",
            Self::DecisionOverdue => "decision-overdue",
            Self::RtiOverdue => "rti-overdue",
            Self::RenewalLapsed => "renewal-lapsed",
            Self::FindingOverdue => "finding-overdue",
            Self::Due => "due",
            Self::DecisionDue => "decision-due",
            Self::RtiDue => "rti-due",
            Self::RenewalDue => "renewal-due",
            Self::FindingDue => "finding-due",
            Self::ForwardDue => "forward-due",
            Self::AwaitingReview => "awaiting-review",
        }
    }

    /// Whether the step was handed to the reader by someone else's step (and so is mailed when it
    /// arrives); deadlines coming or passed are the reminders' to mail.
    pub fn is_handoff(self) -> bool {
        !matches!(
            self,
            Self::Overdue
                | Self::DecisionOverdue
                | Self::RtiOverdue
                | Self::RenewalLapsed
                | Self::FindingOverdue
                | Self::Due
                | Self::DecisionDue
                | Self::RtiDue
                | Self::RenewalDue
                | Self::FindingDue
                | Self::ForwardDue
        )
    }
}

/// One notification: what, about which collection or decision, for whom, by when, and where to act.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The collection's title or the decision's text.
    pub title: Bilingual,
    /// The branch or office it concerns.
    pub concerns: Bilingual,
    pub due_on: Option<NaiveDate>,
    /// How many submissions wait, for a review notice.
    pub waiting: usize,
    pub link: String,
}

/// The offices whose registers the reader keeps: those where they are member secretary.
fn kept_registers(who: &SignedIn) -> Vec<i32> {
    who.grants
        .iter()
        .filter(|grant| grant.role == Role::MemberSecretary)
        .map(|grant| grant.office_id)
        .collect()
}

impl App {
    /// The reader's notifications, the most pressing first.
    pub async fn notifications(&self, who: &SignedIn) -> Result<Vec<Notice>, Error> {
        let today = self.today();
        let within = |due: NaiveDate| (-BACK_DAYS..=AHEAD_DAYS).contains(&(due - today).num_days());
        let mut notices = Vec::new();
        for summary in self.collections_for(who).await? {
            let collection = &summary.collection;
            // A closed collection waits on no one.
            if collection.closed.is_some() {
                continue;
            }
            let reviews = self
                .may(who, Action::ManageTeam, collection.office_id)
                .await?;
            if summary.mine.is_empty() && !reviews && summary.gathers.is_empty() {
                continue;
            }
            let all_periods = self.db.periods_of(&[collection.id]).await?;
            if let Some(days) = collection.forward_days
                && !summary.gathers.is_empty()
            {
                let forwarding: Vec<_> = all_periods
                    .iter()
                    .filter(|period| within(forward_due(period.period.due_on, days)))
                    .collect();
                let forwards = self
                    .db
                    .forwards_in(
                        &forwarding
                            .iter()
                            .map(|period| period.id)
                            .collect::<Vec<_>>(),
                    )
                    .await?;
                for period in forwarding {
                    for office in &summary.gathers {
                        if forwards
                            .iter()
                            .any(|f| f.period_id == period.id && f.office_id == office.id)
                        {
                            continue;
                        }
                        notices.push(Notice {
                            kind: NoticeKind::ForwardDue,
                            title: collection.title.clone(),
                            concerns: office.name.clone(),
                            due_on: Some(forward_due(period.period.due_on, days)),
                            waiting: 0,
                            link: format!(
                                "/collections/{}?period={}&office={}",
                                collection.key, period.period.starts_on, office.key
                            ),
                        });
                    }
                }
            }
            let periods: Vec<_> = all_periods
                .into_iter()
                .filter(|period| within(period.period.due_on))
                .collect();
            let submissions = self
                .db
                .submissions_in(&periods.iter().map(|period| period.id).collect::<Vec<_>>())
                .await?;
            let latest = |period_id: i32, respondent_id: i32| {
                submissions
                    .iter()
                    .filter(|s| s.period_id == period_id && s.respondent_id == respondent_id)
                    .max_by_key(|s| s.version)
            };
            for period in &periods {
                let due_on = period.period.due_on;
                for respondent in &summary.mine {
                    let kind = match standing(
                        latest(period.id, respondent.row.id).map(SubmissionRow::latest),
                        due_on,
                        today,
                    ) {
                        Standing::Missing => NoticeKind::Overdue,
                        Standing::Returned => NoticeKind::Returned,
                        Standing::Awaited => NoticeKind::Due,
                        Standing::OnTime | Standing::Late => continue,
                    };
                    notices.push(Notice {
                        kind,
                        title: collection.title.clone(),
                        concerns: respondent.name().clone(),
                        due_on: Some(due_on),
                        waiting: 0,
                        link: format!(
                            "/collections/{}/periods/{}/respondents/{}",
                            collection.key, period.period.starts_on, respondent.row.id
                        ),
                    });
                }
                let waiting = submissions
                    .iter()
                    .filter(|s| s.period_id == period.id)
                    .filter(|s| {
                        latest(period.id, s.respondent_id).map(|l| l.id) == Some(s.id)
                            && s.status == SubmissionStatus::Submitted
                    })
                    .count();
                if reviews && waiting > 0 {
                    notices.push(Notice {
                        kind: NoticeKind::AwaitingReview,
                        title: collection.title.clone(),
                        concerns: summary.office.name.clone(),
                        due_on: Some(due_on),
                        waiting,
                        link: format!(
                            "/collections/{}?period={}",
                            collection.key, period.period.starts_on
                        ),
                    });
                }
            }
        }
        for (tracked, office) in self.open_decisions_for(who).await? {
            let Some(due_on) = tracked.next_due.filter(|due| within(*due)) else {
                continue;
            };
            notices.push(Notice {
                kind: if tracked.overdue {
                    NoticeKind::DecisionOverdue
                } else {
                    NoticeKind::DecisionDue
                },
                title: tracked.decision.text.clone(),
                concerns: office.name.clone(),
                due_on: Some(due_on),
                waiting: 0,
                link: format!("/decisions/{}", tracked.decision.id),
            });
        }
        notices.extend(self.rti_clocks(who, today).await?);
        notices.extend(self.software_deadlines(who, today).await?);
        notices.extend(self.waiting_steps(who).await?);
        // One step reached through two roles (focal point and member secretary) is listed once.
        notices.sort_by(|a, b| (a.kind, a.due_on, &a.link).cmp(&(b.kind, b.due_on, &b.link)));
        notices.dedup_by(|a, b| a.kind == b.kind && a.link == b.link);
        Ok(notices)
    }

    /// The steps of the approval cycles that wait on the reader, by the roles they hold on their own
    /// offices (not on every office below: an agency's plan waits on the agency's officer).
    async fn waiting_steps(&self, who: &SignedIn) -> Result<Vec<Notice>, Error> {
        let ids: Vec<i32> = who.grants.iter().map(|grant| grant.office_id).collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        let mut notices = Vec::new();
        for grant in &who.grants {
            let Some(office) = offices.get(&grant.office_id) else {
                continue;
            };
            let step = |kind, title: Bilingual, link: String| Notice {
                kind,
                title,
                concerns: office.name.clone(),
                due_on: None,
                waiting: 0,
                link,
            };
            match grant.role {
                Role::ChiefInnovationOfficer => {
                    // An office's plan waits on its own Chief Innovation Officer or, as the demo's
                    // agencies', on the one of the office directly above.
                    let mut planners = self.db.office_children(&[Some(office.id)]).await?;
                    planners.push(office.clone());
                    let ids: Vec<i32> = planners.iter().map(|planner| planner.id).collect();
                    let templates = self.db.plan_templates().await?;
                    for plan in self.db.submitted_plans(&ids).await? {
                        let template = templates.iter().find(|t| t.id == plan.template_id);
                        let planner = planners.iter().find(|p| p.id == plan.office_id);
                        let (Some(template), Some(planner)) = (template, planner) else {
                            continue;
                        };
                        let link = format!("/plans/{}", plan.id);
                        notices.push(Notice {
                            concerns: planner.name.clone(),
                            ..step(NoticeKind::PlanToApprove, template.title.clone(), link)
                        });
                    }
                    for meeting in self.meetings_at(office, MinutesStage::Circulated).await? {
                        let link = format!("/meetings/{}", meeting.record.key);
                        notices.push(step(
                            NoticeKind::MinutesToApprove,
                            meeting.record.title,
                            link,
                        ));
                    }
                    if let Some(charter) = self.db.open_charter(office.id).await?
                        && charter.status == CharterStatus::Submitted
                    {
                        let link = format!("/offices/{}/charter/draft", office.key);
                        notices.push(step(
                            NoticeKind::CharterToApprove,
                            office.name.clone(),
                            link,
                        ));
                    }
                }
                Role::MemberSecretary => {
                    let meetings = self.db.meetings_of_office(office.id).await?;
                    for meeting in meetings
                        .iter()
                        .filter(|m| m.record.minutes_stage == Some(MinutesStage::Approved))
                    {
                        let link = format!("/meetings/{}", meeting.record.key);
                        let title = meeting.record.title.clone();
                        notices.push(step(NoticeKind::MinutesToIssue, title, link));
                    }
                    let ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
                    let decisions = self.db.decisions_of_meetings(&ids).await?;
                    for tracked in self.tracked(decisions, &meetings).await? {
                        if tracked.status == DecisionStatus::Done {
                            let link = format!("/decisions/{}", tracked.decision.id);
                            let title = tracked.decision.text.clone();
                            notices.push(step(NoticeKind::DecisionToConfirm, title, link));
                        }
                    }
                    notices.extend(self.messages_to_answer(office).await?);
                }
                Role::TeamMember => {
                    for meeting in self.meetings_at(office, MinutesStage::Circulated).await? {
                        let comments = self.db.minutes_comments(meeting.id).await?;
                        if comments.iter().all(|c| c.person_id != Some(who.person_id)) {
                            let link = format!("/meetings/{}", meeting.record.key);
                            let title = meeting.record.title;
                            notices.push(step(NoticeKind::MinutesToComment, title, link));
                        }
                    }
                }
                Role::FocalPoint => notices.extend(self.messages_to_answer(office).await?),
                Role::SystemAdministrator | Role::Reviewer | Role::Viewer => {}
            }
        }
        Ok(notices)
    }

    /// The RTI clocks running out or run out at the offices whose register the reader keeps as member
    /// secretary.
    async fn rti_clocks(&self, who: &SignedIn, today: NaiveDate) -> Result<Vec<Notice>, Error> {
        let kept = kept_registers(who);
        if kept.is_empty() {
            return Ok(Vec::new());
        }
        let offices = self.db.offices_by_ids(&kept).await?;
        let mut notices = Vec::new();
        for (row, pending) in self.open_rti(Some(&kept)).await? {
            let due_on = pending.due_on();
            let days_left = (due_on - today).num_days();
            if !(-BACK_DAYS..=AHEAD_DAYS).contains(&days_left) {
                continue;
            }
            let Some(office) = offices.get(&row.office_id) else {
                continue;
            };
            notices.push(Notice {
                kind: if days_left < 0 {
                    NoticeKind::RtiOverdue
                } else {
                    NoticeKind::RtiDue
                },
                title: pending_title(&row, pending),
                concerns: office.name.clone(),
                due_on: Some(due_on),
                waiting: 0,
                link: format!("/rti/{}", row.id),
            });
        }
        Ok(notices)
    }

    /// What the systems of the offices whose software register the reader keeps as member secretary
    /// need renewed within its lead time, or lapsed; and their findings to be fixed soon, or overdue.
    async fn software_deadlines(
        &self,
        who: &SignedIn,
        today: NaiveDate,
    ) -> Result<Vec<Notice>, Error> {
        let kept = kept_registers(who);
        if kept.is_empty() {
            return Ok(Vec::new());
        }
        let offices = self.db.offices_by_ids(&kept).await?;
        // Each links to its own line of its system's page: several of one system are listed apart.
        let notice = |office_id: i32, kind, title, due_on, link: String| {
            offices.get(&office_id).map(|office| Notice {
                kind,
                title,
                concerns: office.name.clone(),
                due_on: Some(due_on),
                waiting: 0,
                link,
            })
        };
        let mut notices = Vec::new();
        // A lapsed renewal stays until it is renewed or taken off, a finding until it is closed.
        for (row, title) in self.renewals_to_watch(Some(&kept), None).await? {
            let kind = if row.renewal.standing(today) == RenewalStanding::Lapsed {
                NoticeKind::RenewalLapsed
            } else {
                NoticeKind::RenewalDue
            };
            let due_on = row.renewal.expires_on;
            let link = format!("/software/{}#renewal-{}", row.software_id, row.id);
            notices.extend(notice(row.office_id, kind, title, due_on, link));
        }
        for (row, title, software_id) in self.findings_to_watch(Some(&kept), AHEAD_DAYS).await? {
            let kind = if row.finding.due_on < today {
                NoticeKind::FindingOverdue
            } else {
                NoticeKind::FindingDue
            };
            let due_on = row.finding.due_on;
            let link = format!("/software/{software_id}#finding-{}", row.id);
            notices.extend(notice(row.office_id, kind, title, due_on, link));
        }
        Ok(notices)
    }

    /// The office's meetings whose minutes stand at `stage`.
    async fn meetings_at(
        &self,
        office: &OfficeRow,
        stage: MinutesStage,
    ) -> Result<Vec<udbhabon_db::meeting::MeetingRow>, Error> {
        let mut meetings = self.db.meetings_of_office(office.id).await?;
        meetings.retain(|meeting| meeting.record.minutes_stage == Some(stage));
        Ok(meetings)
    }

    /// The office's citizens' messages not yet answered, as one step.
    async fn messages_to_answer(&self, office: &OfficeRow) -> Result<Option<Notice>, Error> {
        let unanswered = self
            .db
            .feedback_of_office(office.id, 200)
            .await?
            .iter()
            .filter(|message| message.answered_at.is_none())
            .count();
        Ok((unanswered > 0).then(|| Notice {
            kind: NoticeKind::MessagesToAnswer,
            title: office.name.clone(),
            concerns: office.name.clone(),
            due_on: None,
            waiting: unanswered,
            link: format!("/offices/{}/feedback/inbox", office.key),
        }))
    }
}
