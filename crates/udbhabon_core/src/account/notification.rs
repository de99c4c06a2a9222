//! A signed-in officer's notifications, worked out from the records (so they need no mail): returns and
//! reports due soon or overdue, submissions sent back, submissions waiting for the officer's review,
//! field offices' submissions the officer's office gathers and must forward, and the meeting decisions
//! the officer's offices carry out that are due or overdue.

use chrono::NaiveDate;
use udbhabon_db::collection::SubmissionRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::{Standing, SubmissionStatus, forward_due, standing};

use crate::account::SignedIn;
use crate::{App, Error};

/// How far ahead a deadline is worth a notification.
const AHEAD_DAYS: i64 = 7;

/// How far back a missed deadline is still a notification (older ones are on the board).
const BACK_DAYS: i64 = 31;

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoticeKind {
    /// A return or report not sent by its deadline.
    Overdue,
    /// A return or report sent back with a comment.
    Returned,
    /// A meeting decision past its deadline.
    DecisionOverdue,
    /// A return or report due soon.
    Due,
    /// A meeting decision due soon.
    DecisionDue,
    /// Field offices' submissions the reader's office gathers, to be forwarded upward.
    ForwardDue,
    /// Submissions waiting for the reader's review.
    AwaitingReview,
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

impl App {
    /// The reader's notifications, the most pressing first.
    pub async fn notifications(&self, who: &SignedIn) -> Result<Vec<Notice>, Error> {
        let today = self.today();
        let within = |due: NaiveDate| (-BACK_DAYS..=AHEAD_DAYS).contains(&(due - today).num_days());
        let mut notices = Vec::new();
        for summary in self.collections_for(who).await? {
            let collection = &summary.collection;
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
        notices.sort_by_key(|notice| (notice.kind, notice.due_on));
        Ok(notices)
    }
}
