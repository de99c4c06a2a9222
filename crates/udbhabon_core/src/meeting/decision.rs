//! Following the decisions of minutes to closure: each responsible body reports work under way or done
//! with a note and evidence, the decision is done when every body has, the member secretary confirms
//! it (or sends it back, or drops it with the reason), and the tracker lists every decision of the
//! office's meetings with its status, overdue ones marked, and the share implemented on time.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::meeting::decision::DecisionUpdateRow;
use udbhabon_db::meeting::{DecisionRow, MeetingRow, ResponsibleRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::meeting::decision::{
    DecisionStatus, DecisionStep, ResponsibleKind, Standing, implemented_on_time,
};
use udbhabon_domain::plan::IndicatorFeed;
use udbhabon_domain::plan::score::{Calculation, Measure};
use udbhabon_domain::{ValidationErrors, Vocabulary};

use crate::account::{PeopleNames, SignedIn};
use crate::error::invalid;
use crate::files::{EVIDENCE, check_uploads, record_uploads};
use crate::{App, Error};

/// A decision with its meeting, its updates and where it stands today.
#[derive(Debug, Clone)]
pub struct TrackedDecision {
    pub decision: DecisionRow,
    pub meeting: MeetingRow,
    /// Oldest first.
    pub updates: Vec<DecisionUpdateRow>,
    pub status: DecisionStatus,
    /// The whole and each responsible body's own report.
    pub standing: Standing,
    pub overdue: bool,
    /// The next date it is due by, if its deadline has dates.
    pub next_due: Option<NaiveDate>,
    /// The day (in Dhaka) its last body reported it done, while it is done or closed.
    pub done_on: Option<NaiveDate>,
    /// The offices that carry it out (for subordinate offices, the office they are under).
    pub offices: Vec<(i32, bool)>,
}

impl TrackedDecision {
    fn new(
        decision: DecisionRow,
        meeting: MeetingRow,
        updates: Vec<DecisionUpdateRow>,
        (offices, bodies): (Vec<(i32, bool)>, Vec<i32>),
        today: NaiveDate,
    ) -> Self {
        // Replayed step by step to find when the whole turned done.
        let mut standing = Standing::new(bodies);
        let mut done_on = None;
        let mut last_reported_done = None;
        for update in &updates {
            let before = standing.status;
            standing.record(update.status, update.office_id);
            let day = bangla::dhaka::today_in_dhaka(update.at);
            if update.office_id.is_some() && update.status == DecisionStatus::Done {
                last_reported_done = Some(day);
            }
            if standing.status == DecisionStatus::Done && before != DecisionStatus::Done {
                done_on = Some(day);
            }
            // Confirmed under the earlier rule, when one body's report made it done: it was done on
            // the day of the last report before the confirmation.
            if standing.status == DecisionStatus::Closed && before != DecisionStatus::Done {
                done_on = last_reported_done.or(done_on);
            }
        }
        let status = standing.status;
        Self {
            overdue: status.is_overdue(decision.deadline, today),
            next_due: decision.deadline.next_due(today),
            done_on: done_on
                .filter(|_| matches!(status, DecisionStatus::Done | DecisionStatus::Closed)),
            decision,
            meeting,
            updates,
            status,
            standing,
            offices,
        }
    }

    /// The responsible body that `office` (with its ancestor path) reports for: the office itself when
    /// it is named, or, when the offices under a named office are meant, the one directly under it on
    /// the way to `office`.
    fn body_for(&self, office: &OfficeRow, path: &str) -> Option<i32> {
        self.offices.iter().find_map(|(id, below)| {
            if *below {
                let mut line = path
                    .split('/')
                    .filter_map(|part| part.parse::<i32>().ok())
                    .chain([office.id]);
                line.by_ref().find(|ancestor| ancestor == id)?;
                line.next()
            } else {
                (*id == office.id).then_some(*id)
            }
        })
    }
}

/// A decision's page: where it stands, who may take which step, and the names behind the updates.
#[derive(Debug, Clone)]
pub struct DecisionDetail {
    pub tracked: TrackedDecision,
    pub meeting_office: OfficeRow,
    /// The office the reader reports for, when the reader carries the decision out.
    pub reports_for: Option<OfficeRow>,
    /// Whether the reader confirms, sends back or drops it (the meeting office's team).
    pub may_close: bool,
    pub names: PeopleNames,
    /// The offices named in the updates and the responsible bodies, by id.
    pub offices: HashMap<i32, OfficeRow>,
}

/// What the tracker lists.
#[derive(Debug, Clone, Default)]
pub struct TrackerFilter {
    pub status: Option<DecisionStatus>,
    pub overdue_only: bool,
    /// The office whose meetings' decisions are listed (the reader's by default).
    pub held_by: Option<String>,
    /// An office that carries the decisions out.
    pub office: Option<String>,
    /// Decisions due from, to (dated deadlines only when either is given).
    pub due_from: Option<NaiveDate>,
    pub due_to: Option<NaiveDate>,
}

/// The decision tracker of an office's meetings.
#[derive(Debug, Clone)]
pub struct Tracker {
    pub office: OfficeRow,
    /// The decisions the filter lets through, by meeting (latest first) and serial.
    pub decisions: Vec<TrackedDecision>,
    /// The offices to filter by: the office and those directly under it.
    pub offices: Vec<OfficeRow>,
    /// Of all the office's decisions with a fixed deadline that are due or done: (on time, counted).
    pub on_time: (usize, usize),
    /// The same per meeting, by meeting id.
    pub on_time_by_meeting: HashMap<i32, (usize, usize)>,
}

/// A figure the system keeps, offered as an indicator's achievement for a quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedFigure {
    pub value: Measure,
    pub basis: FeedBasis,
}

/// What a fed figure rests on, for the sentence that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedBasis {
    /// Of the decisions counted, how many were implemented on time.
    Decisions { on_time: usize, counted: usize },
    /// How many monthly e-filing returns the share is taken over.
    EFilingReturns { returns: usize },
    /// The trainings counted, and the people who attended them.
    Trainings { held: usize, attended: usize },
}

/// The ids of the bodies that carry a decision out.
fn bodies(standing: &Standing) -> Vec<i32> {
    standing.bodies().map(|(body, _)| body).collect()
}

/// The tracker's rows (headings first) as a CSV or XLSX file.
pub fn tracker_file(format: TableFormat, rows: &Rows) -> Result<Vec<u8>, Error> {
    write_table(format, "decisions", rows).map_err(|error| Error::Internal(error.to_string()))
}

impl App {
    /// The offices that carry a decision out, as (office, whether the offices under it are meant).
    /// Teams and units are looked up once per page: `known` keeps the office of each one seen, keyed
    /// by (is a team, id).
    async fn responsible_offices(
        &self,
        responsible: &[ResponsibleRow],
        known: &mut HashMap<(bool, i32), i32>,
    ) -> Result<Vec<(i32, bool)>, Error> {
        let mut offices = Vec::new();
        for party in responsible {
            let office = match (party.kind, party.team_id, party.unit_id) {
                (ResponsibleKind::Team, Some(team), _) => match known.get(&(true, team)) {
                    Some(office) => Some(*office),
                    None => Some(self.db.team_by_id(team).await?.office_id),
                }
                .inspect(|office| {
                    known.insert((true, team), *office);
                })
                .map(|office| (office, false)),
                (ResponsibleKind::Unit, _, Some(unit)) => match known.get(&(false, unit)) {
                    Some(office) => Some(*office),
                    None => Some(self.db.unit_by_id(unit).await?.office_id),
                }
                .inspect(|office| {
                    known.insert((false, unit), *office);
                })
                .map(|office| (office, false)),
                (ResponsibleKind::Office | ResponsibleKind::AllUnits, ..) => {
                    party.office_id.map(|office| (office, false))
                }
                (ResponsibleKind::SubordinateOffices, ..) => {
                    party.office_id.map(|office| (office, true))
                }
                (ResponsibleKind::Team | ResponsibleKind::Unit, ..) => None,
            };
            offices.extend(office);
        }
        Ok(offices)
    }

    /// The bodies that report on a decision carried out by `offices`: each named office, and each office
    /// directly under one whose subordinate offices are meant. `children` keeps those read per page.
    async fn bodies(
        &self,
        offices: &[(i32, bool)],
        children: &mut HashMap<i32, Vec<i32>>,
    ) -> Result<Vec<i32>, Error> {
        let mut bodies = Vec::new();
        for (office, below) in offices {
            if !below {
                bodies.push(*office);
                continue;
            }
            if !children.contains_key(office) {
                let under = self.db.office_children(&[Some(*office)]).await?;
                children.insert(*office, under.iter().map(|child| child.id).collect());
            }
            bodies.extend(children.get(office).into_iter().flatten());
        }
        Ok(bodies)
    }

    /// Each decision with its meeting, updates and status. Only decisions of issued minutes count: a
    /// draft's decisions are nobody's to carry out yet.
    pub(crate) async fn tracked(
        &self,
        decisions: Vec<DecisionRow>,
        meetings: &[MeetingRow],
    ) -> Result<Vec<TrackedDecision>, Error> {
        let ids: Vec<i32> = decisions.iter().map(|decision| decision.id).collect();
        let mut updates = self.db.decision_updates(&ids).await?;
        let today = self.today();
        let mut known = HashMap::new();
        let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
        let mut tracked = Vec::new();
        for decision in decisions {
            let Some(meeting) = meetings.iter().find(|meeting| {
                meeting.id == decision.meeting_id && meeting.record.issued_on.is_some()
            }) else {
                continue;
            };
            let offices = self
                .responsible_offices(&decision.responsible, &mut known)
                .await?;
            let bodies = self.bodies(&offices, &mut children).await?;
            let decision_updates = updates.remove(&decision.id).unwrap_or_default();
            tracked.push(TrackedDecision::new(
                decision,
                meeting.clone(),
                decision_updates,
                (offices, bodies),
                today,
            ));
        }
        Ok(tracked)
    }

    /// The offices the reader holds roles on, with their ancestor paths.
    async fn held_offices(&self, who: &SignedIn) -> Result<Vec<(OfficeRow, String)>, Error> {
        let ids: Vec<i32> = who.grants.iter().map(|grant| grant.office_id).collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        Ok(who
            .grants
            .iter()
            .filter_map(|grant| {
                let office = offices.get(&grant.office_id)?;
                Some((office.clone(), grant.office_path.clone()))
            })
            .collect())
    }

    /// The body the reader reports a decision's progress for: one of its responsible offices (or the
    /// one directly under a named office whose subordinate offices are meant, on the way to the
    /// reader's office) where the reader submits for the office.
    async fn reporting_office(
        &self,
        who: &SignedIn,
        held: &[(OfficeRow, String)],
        tracked: &TrackedDecision,
    ) -> Result<Option<OfficeRow>, Error> {
        for (office, path) in held {
            let Some(body) = tracked.body_for(office, path) else {
                continue;
            };
            if self.may(who, Action::SubmitForOffice, office.id).await? {
                return Ok(Some(if body == office.id {
                    office.clone()
                } else {
                    self.db.office_by_id(body).await?
                }));
            }
        }
        Ok(None)
    }

    /// The open decisions the reader's offices carry out, from the meetings of the reader's offices and
    /// of the offices above them: for the home page, overdue ones first, then by the next date due.
    pub async fn open_decisions_for(
        &self,
        who: &SignedIn,
    ) -> Result<Vec<(TrackedDecision, OfficeRow)>, Error> {
        let held = self.held_offices(who).await?;
        let mut meetings = Vec::new();
        // Decisions reach an office from its own meetings and from those of the offices above it.
        let mut office_ids: Vec<i32> = held
            .iter()
            .flat_map(|(office, path)| {
                path.split('/')
                    .filter_map(|id| id.parse().ok())
                    .chain([office.id])
            })
            .collect();
        office_ids.sort_unstable();
        office_ids.dedup();
        for office_id in office_ids {
            meetings.extend(self.db.meetings_of_office(office_id).await?);
        }
        let meeting_ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
        let decisions = self.db.decisions_of_meetings(&meeting_ids).await?;
        let mut open = Vec::new();
        for tracked in self.tracked(decisions, &meetings).await? {
            if !matches!(
                tracked.status,
                DecisionStatus::NotStarted | DecisionStatus::InProgress
            ) {
                continue;
            }
            // Open for the reader while the body it reports for has not reported it done.
            if let Some(office) = self.reporting_office(who, &held, &tracked).await?
                && tracked.standing.of(office.id) != DecisionStatus::Done
            {
                open.push((tracked, office));
            }
        }
        open.sort_by_key(|(tracked, _)| {
            (
                !tracked.overdue,
                tracked.next_due.is_none(),
                tracked.next_due,
            )
        });
        Ok(open)
    }

    /// A decision with its updates, for readers of the meeting office's records and for the bodies
    /// that carry it out.
    pub async fn decision_detail(
        &self,
        who: &SignedIn,
        decision_id: i32,
    ) -> Result<DecisionDetail, Error> {
        let decision = self.db.decision(decision_id).await?;
        let meeting = self.db.meeting_by_id(decision.meeting_id).await?;
        let meeting_office = self.db.office_by_id(meeting.record.office_id).await?;
        let tracked = self
            .tracked(vec![decision], std::slice::from_ref(&meeting))
            .await?
            .pop()
            .ok_or_else(|| Error::NotFound(format!("decision #{decision_id}")))?;
        let held = self.held_offices(who).await?;
        let reports_for = self.reporting_office(who, &held, &tracked).await?;
        if reports_for.is_none()
            && !self
                .may(who, Action::ViewOfficeRecords, meeting_office.id)
                .await?
        {
            return Err(Error::Forbidden);
        }
        let labels: Vec<&str> = tracked
            .updates
            .iter()
            .map(|update| update.by.as_str())
            .collect();
        let office_ids: Vec<i32> = tracked
            .updates
            .iter()
            .filter_map(|update| update.office_id)
            .chain(tracked.standing.bodies().map(|(body, _)| body))
            .collect();
        Ok(DecisionDetail {
            names: self.names_of(&labels).await?,
            offices: self.db.offices_by_ids(&office_ids).await?,
            may_close: self.may(who, Action::ManageTeam, meeting_office.id).await?,
            reports_for,
            meeting_office,
            tracked,
        })
    }

    /// A responsible body reports a decision under way or done, with a note (required) and evidence
    /// files; nothing is kept when a file or the step is refused.
    pub async fn report_on_decision(
        &self,
        who: &SignedIn,
        decision_id: i32,
        status: &str,
        note: &str,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<DecisionStatus, Error> {
        let detail = self.decision_detail(who, decision_id).await?;
        let Some(office) = detail.reports_for else {
            return Err(Error::Forbidden);
        };
        // A responsible body reports work under way or done, nothing else.
        let step = match DecisionStatus::from_code(status.trim()) {
            Ok(DecisionStatus::InProgress) => DecisionStep::Progress,
            Ok(DecisionStatus::Done) => DecisionStep::Done,
            _ => return Err(invalid("status", "error-decision-report-status")),
        };
        let mut errors = ValidationErrors::new();
        if let Err(key) = detail.tracked.standing.clone().take(step, Some(office.id)) {
            errors.add("status", key);
        }
        if note.trim().is_empty() {
            errors.add("note", "error-decision-note");
        }
        let uploads = check_uploads(EVIDENCE, files, "files", &mut errors);
        errors.into_result(())?;
        let stored = self.files.keep(uploads).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let file_ids = record_uploads(&tx, &stored).await?;
        let status = tx
            .add_decision_update(
                decision_id,
                step,
                note.trim(),
                Some(office.id),
                &bodies(&detail.tracked.standing),
                &file_ids,
            )
            .await?;
        tx.commit().await?;
        Ok(status)
    }

    /// The member secretary confirms a decision reported done, sends it back as still under way, or
    /// drops it; sending back and dropping need the reason.
    pub async fn close_decision(
        &self,
        who: &SignedIn,
        decision_id: i32,
        step: &str,
        note: &str,
    ) -> Result<DecisionStatus, Error> {
        let detail = self.decision_detail(who, decision_id).await?;
        if !detail.may_close {
            return Err(Error::Forbidden);
        }
        let step = match step {
            "confirm" => DecisionStep::Confirm,
            "send_back" => DecisionStep::SendBack,
            "drop" => DecisionStep::Drop,
            _ => return Err(invalid("step", "error-decision-step")),
        };
        detail
            .tracked
            .standing
            .clone()
            .take(step, None)
            .map_err(|key| invalid("step", key))?;
        if step != DecisionStep::Confirm && note.trim().is_empty() {
            return Err(invalid("note", "error-decision-reason"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let status = tx
            .add_decision_update(
                decision_id,
                step,
                note.trim(),
                None,
                &bodies(&detail.tracked.standing),
                &[],
            )
            .await?;
        tx.commit().await?;
        Ok(status)
    }

    /// An evidence file of a decision's updates, for the decision's readers.
    pub async fn decision_evidence(
        &self,
        who: &SignedIn,
        decision_id: i32,
        file_id: i32,
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let detail = self.decision_detail(who, decision_id).await?;
        let file = detail
            .tracked
            .updates
            .iter()
            .flat_map(|update| &update.evidence)
            .find(|file| file.id == file_id)
            .cloned()
            .ok_or_else(|| {
                Error::NotFound(format!("evidence #{file_id} of decision #{decision_id}"))
            })?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }

    /// For an indicator fed by a figure the system keeps, that figure as of the quarter's last day (or
    /// today, if earlier): the share of the plan office's meeting decisions of the year implemented on
    /// time, or the share of e-filing of its branches' monthly returns for the quarter's months. `None`
    /// for other indicators, or when there is nothing to count yet.
    pub async fn indicator_feed(
        &self,
        who: &SignedIn,
        plan_id: i32,
        indicator_id: i32,
        quarter: bangla::Quarter,
    ) -> Result<Option<FeedFigure>, Error> {
        let plan = self.db.plan(plan_id).await?;
        self.require(who, Action::ViewOfficeRecords, plan.office_id)
            .await?;
        let tree = self.db.template_tree(plan.template_id).await?;
        let indicator = tree
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .find(|indicator| indicator.id == indicator_id);
        let Some((feed, calculation)) =
            indicator.and_then(|indicator| Some((indicator.feed?, indicator.rule.calculation)))
        else {
            return Ok(None);
        };
        let year = bangla::FiscalYear::starting_in(tree.template.fiscal_year)
            .map_err(|error| Error::Internal(error.to_string()))?;
        let as_of = year.quarter_last_day(quarter).min(self.today());
        match feed {
            IndicatorFeed::DecisionsOnTime => {
                self.decisions_feed(plan.office_id, year, as_of).await
            }
            IndicatorFeed::EFilingShare => Ok(self
                .e_filing_figure(plan.office_id, (year.quarter_first_day(quarter), as_of))
                .await?
                .map(|(share, returns)| FeedFigure {
                    // One decimal, as the returns' figures allow.
                    value: Measure::Number((share * 10.0).round() / 10.0),
                    basis: FeedBasis::EFilingReturns { returns },
                })),
            // Quarters that are added up count the quarter's trainings; the others the year's so far.
            IndicatorFeed::TrainingsHeld => {
                let from = match calculation {
                    Calculation::Sum => year.quarter_first_day(quarter),
                    _ => year.first_day(),
                };
                self.trainings_feed(plan.office_id, year, (from, as_of))
                    .await
            }
        }
    }

    /// The share of the office's meeting decisions of the year implemented on time as of a day.
    async fn decisions_feed(
        &self,
        office_id: i32,
        year: bangla::FiscalYear,
        as_of: NaiveDate,
    ) -> Result<Option<FeedFigure>, Error> {
        let meetings: Vec<MeetingRow> = self
            .db
            .meetings_of_office(office_id)
            .await?
            .into_iter()
            .filter(|meeting| (year.first_day()..=as_of).contains(&meeting.record.held_on))
            .collect();
        let ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
        let decisions = self.db.decisions_of_meetings(&ids).await?;
        let tracked = self.tracked(decisions, &meetings).await?;
        let (on_time, counted) = implemented_on_time(
            tracked
                .iter()
                .map(|tracked| (tracked.decision.deadline, tracked.status, tracked.done_on)),
            as_of,
        );
        let count = |value: usize| f64::from(u32::try_from(value).unwrap_or(u32::MAX));
        Ok((counted > 0).then(|| FeedFigure {
            // A whole percentage, as the tracker shows it.
            value: Measure::Number((count(on_time) * 100.0 / count(counted)).round()),
            basis: FeedBasis::Decisions { on_time, counted },
        }))
    }

    /// The decisions of an office's meetings with where each stands, filtered.
    pub async fn decision_tracker(
        &self,
        who: &SignedIn,
        filter: &TrackerFilter,
    ) -> Result<Tracker, Error> {
        let office = self
            .office_for(Some(who), filter.held_by.as_deref())
            .await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let meetings = self.db.meetings_of_office(office.id).await?;
        let meeting_ids: Vec<i32> = meetings.iter().map(|meeting| meeting.id).collect();
        let decisions = self.db.decisions_of_meetings(&meeting_ids).await?;
        let all = self.tracked(decisions, &meetings).await?;
        let today = self.today();
        let share = |decisions: &mut dyn Iterator<Item = &TrackedDecision>| {
            implemented_on_time(
                decisions
                    .map(|tracked| (tracked.decision.deadline, tracked.status, tracked.done_on)),
                today,
            )
        };
        let on_time = share(&mut all.iter());
        let on_time_by_meeting = meetings
            .iter()
            .map(|meeting| {
                (
                    meeting.id,
                    share(
                        &mut all
                            .iter()
                            .filter(|tracked| tracked.meeting.id == meeting.id),
                    ),
                )
            })
            .collect();
        let mut offices = vec![office.clone()];
        offices.extend(self.db.office_children(&[Some(office.id)]).await?);
        let chosen = match &filter.office {
            Some(key) => {
                let chosen = self.db.office_by_key(key).await?;
                let path = self.db.office_path(chosen.id).await?;
                Some((chosen, path))
            }
            None => None,
        };
        let mut decisions: Vec<TrackedDecision> = all
            .into_iter()
            .filter(|tracked| filter.status.is_none_or(|status| tracked.status == status))
            .filter(|tracked| !filter.overdue_only || tracked.overdue)
            .filter(|tracked| {
                chosen
                    .as_ref()
                    .is_none_or(|(office, path)| tracked.body_for(office, path).is_some())
            })
            .filter(|tracked| {
                if filter.due_from.is_none() && filter.due_to.is_none() {
                    return true;
                }
                tracked.next_due.is_some_and(|due| {
                    filter.due_from.is_none_or(|from| due >= from)
                        && filter.due_to.is_none_or(|to| due <= to)
                })
            })
            .collect();
        decisions.sort_by(|a, b| {
            b.meeting
                .record
                .held_on
                .cmp(&a.meeting.record.held_on)
                .then(a.decision.serial.cmp(&b.decision.serial))
        });
        Ok(Tracker {
            office,
            decisions,
            offices,
            on_time,
            on_time_by_meeting,
        })
    }
}
