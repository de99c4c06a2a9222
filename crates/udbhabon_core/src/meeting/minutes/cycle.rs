//! Writing a meeting's minutes in the system and taking them through their cycle: the draft (opening,
//! each agenda item's discussion, decisions with their responsible bodies and deadlines, closing),
//! circulation to the members with their comments, the chief innovation officer's approval, and issue
//! under a memo number, after which nothing changes.

use std::collections::HashMap;

use bangla::grammar::genitive;
use udbhabon_db::meeting::MeetingRow;
use udbhabon_db::meeting::minutes::{CommentRow, MinutesIssue, MinutesText};
use udbhabon_db::write::{NewDecision, NewDistributionEntry, NewResponsible};
use udbhabon_docs::render_minutes;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::meeting::decision::{
    Deadline, DecisionSerial, DecisionStatus, ResponsibleKind,
};
use udbhabon_domain::meeting::minutes::{MinutesStage, MinutesStep};
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::t;

use crate::account::SignedIn;
use crate::error::invalid;
use crate::mail::{Attachment, Mail};
use crate::meeting::MeetingDetail;
use crate::meeting::decision::TrackedDecision;
use crate::meeting::minutes::{MINUTES_DOCUMENT, minutes_view};
use crate::meeting::notice::letter::invitee_label;
use crate::team::order::pdf::Document;
use crate::{App, Error};

/// The paragraph the opening is ("২।"); agenda items follow it, one paragraph each.
pub const OPENING_PARAGRAPH: u32 = 2;

/// The minutes form as typed: every value as text, decision rows as parallel lists in the order shown.
#[derive(Debug, Clone, Default)]
pub struct MinutesFields {
    pub opening_bn: String,
    pub opening_en: String,
    pub closing_bn: String,
    pub closing_en: String,
    pub discussions_bn: Vec<String>,
    pub discussions_en: Vec<String>,
    /// For each decision row, the agenda item it belongs to ("" for the opening paragraph).
    pub decision_items: Vec<String>,
    pub decisions_bn: Vec<String>,
    pub decisions_en: Vec<String>,
    /// The chosen responsible bodies of every row, as "row|choice".
    pub responsible: Vec<String>,
    /// For each row: by (a date), monthly (by a day), yearly, none.
    pub deadline_kinds: Vec<String>,
    pub deadline_dates: Vec<String>,
    pub deadline_days: Vec<String>,
}

/// A body a decision can name as carrying it out.
#[derive(Debug, Clone)]
pub struct ResponsibleChoice {
    /// "kind|id", as the form sends it.
    pub value: String,
    pub party: NewResponsible,
}

/// The previous meeting's decisions still open, with where each stands: the first agenda item.
#[derive(Debug, Clone)]
pub struct PreviousDecisions {
    pub meeting: MeetingRow,
    pub decisions: Vec<TrackedDecision>,
}

/// Minutes being written, with what the form offers and the members' comments.
#[derive(Debug, Clone)]
pub struct MinutesDraft {
    pub detail: MeetingDetail,
    pub responsible: Vec<ResponsibleChoice>,
    pub previous: Option<PreviousDecisions>,
    pub comments: Vec<CommentRow>,
}

fn responsible_value(party: &NewResponsible) -> String {
    let id = party
        .team_id
        .or(party.unit_id)
        .or(party.office_id)
        .unwrap_or_default();
    format!("{}|{id}", party.kind.code())
}

impl App {
    /// The bodies of this office a decision can name: its team, the office, all its units, each unit,
    /// the offices under it together, and each of them.
    async fn responsible_choices(
        &self,
        detail: &MeetingDetail,
    ) -> Result<Vec<ResponsibleChoice>, Error> {
        let office = &detail.office;
        let mut parties = Vec::new();
        for team in self.db.teams_of_office(office.id).await? {
            parties.push(NewResponsible {
                kind: ResponsibleKind::Team,
                team_id: Some(team.id),
                unit_id: None,
                office_id: None,
                label: Bilingual::new(
                    format!("{} {}", genitive(&office.name.bn), team.name.bn),
                    format!("The {} of the {}", team.name.en, office.name.en),
                ),
            });
        }
        let party = |kind, office_id, label: Bilingual| NewResponsible {
            kind,
            team_id: None,
            unit_id: None,
            office_id: Some(office_id),
            label,
        };
        parties.push(party(
            ResponsibleKind::Office,
            office.id,
            office.name.clone(),
        ));
        parties.push(party(
            ResponsibleKind::AllUnits,
            office.id,
            Bilingual::new(
                format!("{} সকল অনুবিভাগ/অধিশাখা/শাখা", genitive(&office.name.bn)),
                format!("All wings, branches and sections of the {}", office.name.en),
            ),
        ));
        for unit in self.db.units_of_office(office.id).await? {
            parties.push(NewResponsible {
                kind: ResponsibleKind::Unit,
                team_id: None,
                unit_id: Some(unit.id),
                office_id: None,
                label: unit.name,
            });
        }
        let children = self.db.office_children(&[Some(office.id)]).await?;
        if !children.is_empty() {
            parties.push(party(
                ResponsibleKind::SubordinateOffices,
                office.id,
                Bilingual::new(
                    format!("{} আওতাধীন সকল দপ্তর/সংস্থা", genitive(&office.name.bn)),
                    format!("All offices under the {}", office.name.en),
                ),
            ));
        }
        for child in children {
            parties.push(party(ResponsibleKind::Office, child.id, child.name));
        }
        Ok(parties
            .into_iter()
            .map(|party| ResponsibleChoice {
                value: responsible_value(&party),
                party,
            })
            .collect())
    }

    /// The latest issued minutes of the office before this meeting, with their decisions still open.
    pub async fn previous_decisions(
        &self,
        detail: &MeetingDetail,
    ) -> Result<Option<PreviousDecisions>, Error> {
        let record = &detail.meeting.record;
        let Some(previous) = self
            .db
            .meetings_of_office(record.office_id)
            .await?
            .into_iter()
            .find(|meeting| {
                meeting.id != detail.meeting.id
                    && meeting.record.issued_on.is_some()
                    && meeting.record.held_on < record.held_on
            })
        else {
            return Ok(None);
        };
        let decisions = self.db.decisions_of_meeting(previous.id).await?;
        let decisions = self
            .tracked(decisions, std::slice::from_ref(&previous))
            .await?
            .into_iter()
            .filter(|tracked| {
                !matches!(
                    tracked.status,
                    DecisionStatus::Closed | DecisionStatus::Dropped
                )
            })
            .collect();
        Ok(Some(PreviousDecisions {
            meeting: previous,
            decisions,
        }))
    }

    /// The minutes of a meeting being written, for those who manage its team.
    pub async fn minutes_draft(&self, who: &SignedIn, key: &str) -> Result<MinutesDraft, Error> {
        let detail = self.meeting(key).await?;
        self.require(who, Action::ManageTeam, detail.meeting.record.office_id)
            .await?;
        self.draft_of(detail).await
    }

    async fn draft_of(&self, detail: MeetingDetail) -> Result<MinutesDraft, Error> {
        Ok(MinutesDraft {
            responsible: self.responsible_choices(&detail).await?,
            previous: self.previous_decisions(&detail).await?,
            comments: self.db.minutes_comments(detail.meeting.id).await?,
            detail,
        })
    }

    /// The comments on a meeting's minutes, for readers of its office's records.
    pub async fn minutes_comments(
        &self,
        who: Option<&SignedIn>,
        detail: &MeetingDetail,
    ) -> Result<Vec<CommentRow>, Error> {
        match who {
            Some(who)
                if self
                    .may(
                        who,
                        Action::ViewOfficeRecords,
                        detail.meeting.record.office_id,
                    )
                    .await? =>
            {
                Ok(self.db.minutes_comments(detail.meeting.id).await?)
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Saves the minutes as written; nothing is saved unless all of it is right. Minutes are written
    /// once the meeting has been held, while they are a draft.
    pub async fn save_minutes(
        &self,
        who: &SignedIn,
        key: &str,
        fields: &MinutesFields,
    ) -> Result<(), Error> {
        let draft = self.minutes_draft(who, key).await?;
        let meeting = &draft.detail.meeting;
        if meeting.record.held_on > self.today() {
            return Err(invalid("opening_bn", "error-minutes-not-yet-held"));
        }
        step_allowed(MinutesStep::Save, meeting)?;
        let text = read_minutes(&draft, fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        step_allowed(MinutesStep::Save, &tx.lock_meeting(meeting.id).await?)?;
        tx.save_minutes(meeting.id, text).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends the minutes round the members for comments, withdraws them to change them, or approves
    /// them (the chief innovation officer). Members with an address are told by mail when minutes are
    /// circulated.
    pub async fn minutes_step(
        &self,
        who: &SignedIn,
        key: &str,
        step: MinutesStep,
    ) -> Result<(), Error> {
        let detail = self.meeting(key).await?;
        let meeting = &detail.meeting;
        let action = match step {
            MinutesStep::Approve => Action::ApproveAndSign,
            _ => Action::ManageTeam,
        };
        self.require(who, action, meeting.record.office_id).await?;
        if step == MinutesStep::Issue || step == MinutesStep::Save {
            return Err(Error::Internal(format!("{step:?} has its own use case")));
        }
        if step == MinutesStep::Circulate && meeting.record.opening.bn.trim().is_empty() {
            return Err(invalid("opening_bn", "error-minutes-empty"));
        }
        let next = step_allowed(step, meeting)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        step_allowed(step, &tx.lock_meeting(meeting.id).await?)?;
        tx.set_minutes_stage(meeting.id, next, self.today(), &who.email)
            .await?;
        tx.commit().await?;
        if step == MinutesStep::Circulate {
            let link = format!("{}/meetings/{key}", self.public_url);
            for address in self.invitee_addresses(&detail).await? {
                let mail = Mail {
                    at: self.now(),
                    to: address.clone(),
                    subject: udbhabon_i18n::t_args(
                        Lang::Bn,
                        "minutes-circulated-subject",
                        &[("title", meeting.record.title.bn.clone())],
                    ),
                    body: Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            udbhabon_i18n::t_args(
                                lang,
                                "minutes-circulated-body",
                                &[
                                    ("title", meeting.record.title.get(lang).to_owned()),
                                    ("link", link.clone()),
                                ],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n\n----\n\n"),
                    attachments: Vec::new(),
                };
                if let Err(error) = self.mailer.send(mail).await {
                    tracing::warn!(meeting = %key, to = %address, %error, "a circulation notice was not mailed");
                }
            }
        }
        Ok(())
    }

    /// Keeps a member's comment on circulated minutes.
    pub async fn comment_on_minutes(
        &self,
        who: &SignedIn,
        key: &str,
        body: &str,
    ) -> Result<(), Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        self.require(who, Action::CommentAsMember, meeting.record.office_id)
            .await?;
        if meeting.record.minutes_stage != Some(MinutesStage::Circulated) {
            return Err(invalid("comment", "error-minutes-not-circulated"));
        }
        if body.trim().is_empty() {
            return Err(invalid("comment", "error-required"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_meeting(meeting.id).await?;
        if locked.record.minutes_stage != Some(MinutesStage::Circulated) {
            return Err(invalid("comment", "error-minutes-not-circulated"));
        }
        tx.add_minutes_comment(meeting.id, Some(who.person_id), body.trim())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The minutes as they will be issued, in `lang`, marked on every page as a preview: for readers
    /// of the office's records while they are written, circulated or approved. Only the memo number
    /// and the day of issue are left for the issue to fill.
    pub async fn minutes_preview(
        &self,
        who: &SignedIn,
        key: &str,
        lang: Lang,
    ) -> Result<Document, Error> {
        let mut detail = self.meeting(key).await?;
        let record = &detail.meeting.record;
        self.require(who, Action::ViewOfficeRecords, record.office_id)
            .await?;
        if record.issued_on.is_some() || record.minutes_stage.is_none() {
            return Err(Error::NotFound(format!("minutes of {key} to preview")));
        }
        let previous = self.previous_decisions(&detail).await?;
        detail.issuer.clone_from(&detail.member_secretary);
        detail.issuer_post.clone_from(&detail.member_secretary_post);
        detail.distribution = distribution_rows(issue_distribution(&detail));
        let mut view = minutes_view(&detail, previous.as_ref(), lang);
        view.draft_mark = Some(t(lang, "minutes-preview-mark"));
        let bytes = render_minutes(self.fonts()?, &view)
            .map_err(|error| Error::Internal(error.to_string()))?;
        Ok(Document {
            file_name: format!("minutes-{key}-preview.pdf"),
            bytes,
        })
    }

    /// Issues approved minutes: takes their memo number from the file, records the member secretary's
    /// signature and the distribution (the invitees), and stores the PDF in both languages. The
    /// number is used only if all of that succeeds; the minutes are fixed from then on.
    pub async fn issue_minutes(
        &self,
        who: &SignedIn,
        key: &str,
        memo_file: &str,
    ) -> Result<MemoNumber, Error> {
        let mut detail = self.meeting(key).await?;
        let meeting_id = detail.meeting.id;
        let office_id = detail.meeting.record.office_id;
        self.require(who, Action::ManageTeam, office_id).await?;
        let stage = detail.meeting.record.minutes_stage;
        if stage != Some(MinutesStage::Approved) {
            return Err(invalid(
                "memo_file",
                if stage == Some(MinutesStage::Issued) {
                    "error-meeting-issued"
                } else {
                    "error-minutes-not-approved"
                },
            ));
        }
        // The attendance appendix is part of the minutes.
        if !detail.attendance.iter().any(|attendee| attendee.present) {
            return Err(invalid("memo_file", "error-minutes-no-attendance"));
        }
        let file = self.office_memo_file(office_id, memo_file).await?;
        let previous = self.previous_decisions(&detail).await?;
        let fonts = self.fonts()?;
        let today = self.today();
        let issuer_post_id = self.post_held_in(who.person_id, office_id).await?;
        let distribution = issue_distribution(&detail);
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        if tx.lock_meeting(meeting_id).await?.record.minutes_stage != Some(MinutesStage::Approved) {
            return Err(invalid("memo_file", "error-minutes-not-approved"));
        }
        let purpose = Bilingual::new(
            format!("সভার কার্যবিবরণী: {}", detail.meeting.record.title.bn),
            format!("Minutes: {}", detail.meeting.record.title.en),
        );
        let memo = tx.take_memo_number(file.id, today, purpose).await?;
        let issuer_post_id = issuer_post_id.or(detail.meeting.record.member_secretary_post_id);
        tx.issue_minutes(
            meeting_id,
            MinutesIssue {
                memo_number: memo.clone(),
                issued_on: today,
                issuer_person_id: who.person_id,
                issuer_post_id,
                distribution: distribution.clone(),
            },
        )
        .await?;
        // What the PDF prints is the record as just issued.
        let record = &mut detail.meeting.record;
        record.memo_number = Some(memo.clone());
        record.issued_on = Some(today);
        record.minutes_stage = Some(MinutesStage::Issued);
        let people = self.db.people(&[who.person_id]).await?;
        detail.issuer = people.get(&who.person_id).cloned();
        detail.issuer_post = match issuer_post_id {
            Some(id) => self.db.posts(&[id]).await?.remove(&id),
            None => None,
        };
        detail.distribution = distribution_rows(distribution);
        let mut attachments = Vec::new();
        for lang in Lang::ALL {
            let view = minutes_view(&detail, previous.as_ref(), lang);
            let bytes =
                render_minutes(fonts, &view).map_err(|error| Error::Internal(error.to_string()))?;
            attachments.push(Attachment::pdf(
                format!("minutes-{key}-{}.pdf", lang.tag()),
                bytes.clone(),
            ));
            tx.store_issued_document(MINUTES_DOCUMENT, meeting_id, lang, "application/pdf", bytes)
                .await?;
        }
        tx.commit().await?;
        tracing::info!(meeting = %key, memo = %memo, "minutes issued");
        // The distribution is the invitees (and the office copy): each with an address gets the
        // minutes as issued. Mail goes after the commit, and a refused message only is logged: the
        // minutes stay issued and can be printed and carried.
        let title = &detail.meeting.record.title;
        for address in self.invitee_addresses(&detail).await? {
            let mail = Mail {
                at: self.now(),
                to: address.clone(),
                subject: udbhabon_i18n::t_args(
                    Lang::Bn,
                    "minutes-issued-subject",
                    &[("title", title.bn.clone())],
                ),
                body: Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        udbhabon_i18n::t_args(
                            lang,
                            "minutes-issued-body",
                            &[
                                ("title", title.get(lang).to_owned()),
                                (
                                    "memo",
                                    udbhabon_i18n::format::digits(lang, &memo.to_string()),
                                ),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n----\n\n"),
                attachments: attachments.clone(),
            };
            if let Err(error) = self.mailer.send(mail).await {
                tracing::warn!(meeting = %key, to = %address, %error, "issued minutes were not mailed");
            }
        }
        Ok(memo)
    }

    /// A post the person holds today in the office, if any: the one they sign in.
    pub(crate) async fn post_held_in(
        &self,
        person_id: i32,
        office_id: i32,
    ) -> Result<Option<i32>, Error> {
        let today = self.today();
        let held: Vec<i32> = self
            .db
            .postings_of(&[person_id])
            .await?
            .into_iter()
            .filter(|posting| posting.is_held_on(today))
            .map(|posting| posting.post_id)
            .collect();
        let posts = self.db.posts(&held).await?;
        Ok(held.into_iter().find(|id| {
            posts
                .get(id)
                .is_some_and(|post| post.office_id == office_id)
        }))
    }
}

/// The distribution minutes are issued to: the invitees, then the office copy, as the seed's ends.
fn issue_distribution(detail: &MeetingDetail) -> Vec<NewDistributionEntry> {
    detail
        .invitees
        .iter()
        .map(|invitee| NewDistributionEntry {
            text: Bilingual::new(
                invitee_label(invitee, Lang::Bn),
                invitee_label(invitee, Lang::En),
            ),
            attention: None,
            office_id: invitee.office.as_ref().map(|office| office.id),
            post_id: invitee.post.as_ref().map(|post| post.id),
        })
        .chain(std::iter::once(NewDistributionEntry {
            text: Bilingual::new("অফিস কপি/গার্ড ফাইল", "Office copy/guard file"),
            attention: None,
            office_id: None,
            post_id: None,
        }))
        .collect()
}

/// The distribution as the minutes print it.
fn distribution_rows(
    entries: Vec<NewDistributionEntry>,
) -> Vec<udbhabon_db::distribution::DistributionEntryRow> {
    entries
        .into_iter()
        .map(|entry| udbhabon_db::distribution::DistributionEntryRow {
            text: entry.text,
            attention: entry.attention,
            office_id: entry.office_id,
            post_id: entry.post_id,
        })
        .collect()
}

/// The stage `step` leads to, or the refusal that says why it cannot be taken now.
fn step_allowed(step: MinutesStep, meeting: &MeetingRow) -> Result<MinutesStage, Error> {
    // A meeting called off has no minutes.
    if meeting.cancelled_on.is_some() {
        return Err(invalid("stage", "error-meeting-cancelled"));
    }
    let stage = meeting.record.minutes_stage;
    step.from(stage).ok_or_else(|| {
        invalid(
            "stage",
            match stage {
                Some(MinutesStage::Issued) => "error-meeting-issued",
                _ => "error-minutes-step",
            },
        )
    })
}

/// The stored minutes as the form shows them.
pub fn minutes_fields(draft: &MinutesDraft) -> MinutesFields {
    let detail = &draft.detail;
    let record = &detail.meeting.record;
    let mut fields = MinutesFields {
        opening_bn: record.opening.bn.clone(),
        opening_en: record.opening.en.clone(),
        closing_bn: record.closing.bn.clone(),
        closing_en: record.closing.en.clone(),
        ..MinutesFields::default()
    };
    for (item, _) in &detail.agenda {
        fields.discussions_bn.push(item.discussion.bn.clone());
        fields.discussions_en.push(item.discussion.en.clone());
    }
    for (row, decision) in detail.decisions.iter().enumerate() {
        fields.decision_items.push(
            decision
                .serial
                .paragraph
                .checked_sub(OPENING_PARAGRAPH + 1)
                .map(|index| index.to_string())
                .unwrap_or_default(),
        );
        fields.decisions_bn.push(decision.text.bn.clone());
        fields.decisions_en.push(decision.text.en.clone());
        for party in &decision.responsible {
            let id = party
                .team_id
                .or(party.unit_id)
                .or(party.office_id)
                .unwrap_or_default();
            fields
                .responsible
                .push(format!("{row}|{}|{id}", party.kind.code()));
        }
        let (kind, date, day) = match decision.deadline {
            Deadline::By(date) => ("by", date.format("%Y-%m-%d").to_string(), String::new()),
            Deadline::MonthlyBy(day) => ("monthly", String::new(), day.to_string()),
            Deadline::Yearly => ("yearly", String::new(), String::new()),
            Deadline::Unspecified => ("none", String::new(), String::new()),
        };
        fields.deadline_kinds.push(kind.to_owned());
        fields.deadline_dates.push(date);
        fields.deadline_days.push(day);
    }
    fields
}

fn cell(list: &[String], index: usize) -> &str {
    list.get(index).map_or("", |text| text.trim())
}

/// Reads the minutes form against the meeting and the bodies it offered; every problem at once.
fn read_minutes(draft: &MinutesDraft, fields: &MinutesFields) -> Result<MinutesText, Error> {
    let detail = &draft.detail;
    let held_on = detail.meeting.record.held_on;
    let agenda_len = detail.agenda.len();
    let mut errors = ValidationErrors::new();
    let choices: HashMap<&str, &NewResponsible> = draft
        .responsible
        .iter()
        .map(|choice| (choice.value.as_str(), &choice.party))
        .collect();
    let mut chosen: HashMap<usize, Vec<NewResponsible>> = HashMap::new();
    for value in &fields.responsible {
        let Some((row, choice)) = value.split_once('|') else {
            continue;
        };
        match (row.parse::<usize>(), choices.get(choice)) {
            (Ok(row), Some(party)) => chosen.entry(row).or_default().push((*party).clone()),
            _ => {
                errors.add("responsible", "error-order-unknown-choice");
            }
        }
    }
    let mut items_in: HashMap<u32, u32> = HashMap::new();
    let mut decisions = Vec::new();
    for row in 0..fields.decisions_bn.len().max(fields.decisions_en.len()) {
        let (text_bn, text_en) = (
            cell(&fields.decisions_bn, row),
            cell(&fields.decisions_en, row),
        );
        if text_bn.is_empty() {
            if !text_en.is_empty() {
                errors.add(format!("decision_bn_{row}"), "error-required");
            }
            continue;
        }
        let paragraph = match cell(&fields.decision_items, row) {
            "" => Some(OPENING_PARAGRAPH),
            index => index
                .parse::<usize>()
                .ok()
                .filter(|index| *index < agenda_len)
                .and_then(|index| u32::try_from(index).ok())
                .map(|index| OPENING_PARAGRAPH + 1 + index),
        };
        let Some(paragraph) = paragraph else {
            errors.add(format!("decision_item_{row}"), "error-order-unknown-choice");
            continue;
        };
        let responsible = chosen.remove(&row).unwrap_or_default();
        if responsible.is_empty() {
            errors.add(
                format!("decision_responsible_{row}"),
                "error-decision-no-responsible",
            );
        }
        let deadline = match cell(&fields.deadline_kinds, row) {
            "by" => match bangla::parse_date(cell(&fields.deadline_dates, row)) {
                Ok(date) if date < held_on => {
                    errors.add(
                        format!("decision_deadline_{row}"),
                        "error-decision-deadline-before-meeting",
                    );
                    None
                }
                Ok(date) => Some(Deadline::By(date)),
                Err(_) => {
                    errors.add(format!("decision_deadline_{row}"), "error-bad-date");
                    None
                }
            },
            "monthly" => match bangla::digits::parse_u32(cell(&fields.deadline_days, row)) {
                Ok(day @ 1..=31) => Some(Deadline::MonthlyBy(day)),
                _ => {
                    errors.add(format!("decision_deadline_{row}"), "error-decision-bad-day");
                    None
                }
            },
            "yearly" => Some(Deadline::Yearly),
            _ => Some(Deadline::Unspecified),
        };
        let item = items_in.entry(paragraph).or_insert(0);
        *item += 1;
        if let Some(deadline) = deadline {
            decisions.push(NewDecision {
                serial: DecisionSerial {
                    paragraph,
                    item: *item,
                },
                text: Bilingual::new(text_bn, text_en),
                deadline,
                responsible,
            });
        }
    }
    errors.into_result(())?;
    decisions.sort_by_key(|decision| decision.serial);
    Ok(MinutesText {
        opening: Bilingual::new(fields.opening_bn.trim(), fields.opening_en.trim()),
        discussions: (0..agenda_len)
            .map(|index| {
                Bilingual::new(
                    cell(&fields.discussions_bn, index),
                    cell(&fields.discussions_en, index),
                )
            })
            .collect(),
        decisions,
        closing: Bilingual::new(fields.closing_bn.trim(), fields.closing_en.trim()),
    })
}
