//! Scheduling a meeting: the form and what it offers to choose from, saving it, the invitation notice
//! (memo number, PDF, mail with a calendar invitation to each invitee) and attendance marked against
//! the invitation.

pub mod letter;

use std::collections::{HashMap, HashSet};

use bangla::FiscalYear;
use chrono::NaiveDate;
use udbhabon_db::meeting::notice::{AgendaItem, Invitee};
use udbhabon_db::meeting::{AttendanceRow, MeetingRecord, MeetingRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::memo::MemoFileRow;
use udbhabon_db::office::person::{HolderRow, PersonRow, PostRow};
use udbhabon_db::team::TeamRow;
use udbhabon_db::write::NewMeeting;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::meeting::{MeetingKind, ordinal_bn, ordinal_en};
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::team::TeamRole;
use udbhabon_domain::{Bilingual, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::format;

use crate::account::SignedIn;
use crate::error::invalid;
use crate::mail::{Attachment, Mail};
use crate::meeting::MeetingDetail;
use crate::meeting::notice::letter::{NOTICE_DOCUMENT, render_notice};
use crate::{App, Error};

/// How many people the form's list of names suggests; anyone else is invited by typing their name.
pub(crate) const PEOPLE_OFFERED: u64 = 1000;

/// How many people of one name a typed name is told apart among (more are as ambiguous as two).
const PEOPLE_OF_A_NAME: u64 = 10;

/// The schedule form as typed: every value as text, rows as parallel lists in the order shown.
#[derive(Debug, Clone, Default)]
pub struct ScheduleFields {
    pub kind: String,
    pub title_bn: String,
    pub title_en: String,
    pub held_on: String,
    pub starts_at: String,
    pub place_bn: String,
    pub place_en: String,
    pub online_link: String,
    pub sequence: String,
    pub chair_post: String,
    pub invitee_posts: Vec<String>,
    pub invitee_people: Vec<String>,
    pub agenda_bn: Vec<String>,
    pub agenda_en: Vec<String>,
    pub agenda_presenters: Vec<String>,
}

/// What the schedule form offers: the office's posts for the chair and presenters, every post and
/// person to invite, and the memo files the notice can be numbered from.
#[derive(Debug, Clone)]
pub struct ScheduleChoices {
    pub office: OfficeRow,
    pub team: Option<TeamRow>,
    pub office_posts: Vec<PostRow>,
    /// Every post with its office and today's holder.
    pub posts: Vec<(PostRow, OfficeRow, Option<HolderRow>)>,
    pub people: Vec<PersonRow>,
    pub memo_files: Vec<MemoFileRow>,
}

/// One invitee as the notice and the attendance sheet show it: a post with whoever holds it on the
/// meeting day (perhaps nobody), or a person by name.
#[derive(Debug, Clone)]
pub struct InviteeDetail {
    pub invitee: Invitee,
    pub post: Option<PostRow>,
    pub office: Option<OfficeRow>,
    pub person: Option<PersonRow>,
}

/// What a reader may do with a meeting: manage its schedule, notice, attendance and minutes (with the
/// memo files they can be numbered from), read the office's records (the notice, the online link, the
/// comments), approve minutes, and comment on circulated minutes.
#[derive(Debug, Clone, Default)]
pub struct MeetingActions {
    pub manage: bool,
    pub read_records: bool,
    pub approve: bool,
    pub comment: bool,
    pub memo_files: Vec<MemoFileRow>,
}

/// The attendance sheet: each invitee and whether they came, and those who came uninvited.
#[derive(Debug, Clone)]
pub struct AttendanceSheet {
    pub detail: MeetingDetail,
    /// People who may be added as present without an invitation.
    pub people: Vec<PersonRow>,
}

fn trimmed(text: &str) -> String {
    text.trim().to_owned()
}

/// An id chosen in a form, in either script.
pub(crate) fn id_of(text: &str) -> Option<i32> {
    bangla::to_ascii_digits(text.trim()).parse().ok()
}

/// The id a typed person ends in, as the form's list of names suggests each ("নাম (#১২)").
fn suggested_id(text: &str) -> Option<i32> {
    let (_, id) = text.trim().strip_suffix(')')?.rsplit_once("(#")?;
    id_of(id)
}

/// The meeting's key: the office's key, the date and a serial for a second meeting the same day.
fn meeting_key(office: &OfficeRow, held_on: NaiveDate, serial: usize) -> String {
    let base = format!("{}-{}", office.key, held_on.format("%Y-%m-%d"));
    if serial == 0 {
        base
    } else {
        format!("{base}-{}", serial + 1)
    }
}

impl App {
    /// What the schedule form of an office's meetings offers, for those who manage its team.
    pub async fn schedule_choices(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<ScheduleChoices, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.choices_for(who, office).await
    }

    /// The choices of the office's form: invitees come from the office, the office above it and the
    /// offices under it (their posts, or any person by name).
    async fn choices_for(
        &self,
        who: &SignedIn,
        office: OfficeRow,
    ) -> Result<ScheduleChoices, Error> {
        self.require(who, Action::ManageTeam, office.id).await?;
        let team = self.db.teams_of_office(office.id).await?.into_iter().next();
        let office_post_ids = self.db.post_ids_of_office(office.id).await?;
        let all_post_ids = self.related_post_ids(&office).await?;
        let mut posts = self.db.posts(&all_post_ids).await?;
        let holders = self.db.holders_on(&all_post_ids, self.today()).await?;
        let offices = self.db.offices_of_posts(&posts).await?;
        let office_posts = office_post_ids
            .iter()
            .filter_map(|id| posts.get(id).cloned())
            .collect();
        let posts = all_post_ids
            .iter()
            .filter_map(|id| {
                let post = posts.remove(id)?;
                let office = offices.get(&post.office_id)?.clone();
                Some((post, office, holders.get(id).cloned()))
            })
            .collect();
        Ok(ScheduleChoices {
            memo_files: self.db.memo_files(office.id).await?,
            people: self.db.search_people("", PEOPLE_OFFERED).await?,
            office_posts,
            posts,
            team,
            office,
        })
    }

    /// The form of a new meeting of a kind, chaired by the team's lead and inviting its members: a
    /// quarterly review with the agenda the terms of reference give it, numbered in the year's series;
    /// a monthly coordination meeting of the month with the office's ICT projects on its agenda; any
    /// other kind with the previous decisions and any other business.
    pub async fn new_meeting_fields(
        &self,
        choices: &ScheduleChoices,
        kind: MeetingKind,
    ) -> Result<ScheduleFields, Error> {
        let mut fields = ScheduleFields {
            kind: kind.code().to_owned(),
            ..ScheduleFields::default()
        };
        let office = &choices.office;
        match kind {
            MeetingKind::QuarterlyReview => self.name_review(office, &mut fields).await?,
            MeetingKind::MonthlyCoordination => {
                let month = self.today();
                fields.title_bn = format!(
                    "{} {} মাসের সমন্বয় সভা",
                    bangla::grammar::genitive(&office.name.bn),
                    format::month_year(Lang::Bn, month)
                );
                fields.title_en = format!(
                    "Monthly coordination meeting of the {}, {}",
                    office.name.en,
                    format::month_year(Lang::En, month)
                );
            }
            MeetingKind::Workshop | MeetingKind::Other => {}
        }
        let mut secretary = String::new();
        if let Some(team) = &choices.team {
            let overview = self.team(&team.key, self.today()).await?;
            if let Some(order) = &overview.order {
                fields.invitee_posts = order
                    .members
                    .iter()
                    .map(|member| member.post.id.to_string())
                    .collect();
            }
            if let Some(lead) = overview.member_in(TeamRole::ChiefInnovationOfficer) {
                fields.chair_post = lead.post.id.to_string();
            }
            if let Some(member) = overview.member_in(TeamRole::MemberSecretary) {
                secretary = member.post.id.to_string();
            }
        }
        let mut agenda = vec![(
            Bilingual::new(
                "পূর্ববর্তী সভার সিদ্ধান্ত বাস্তবায়নের অগ্রগতি",
                "Progress on the decisions of the previous meeting",
            ),
            secretary.clone(),
        )];
        match kind {
            MeetingKind::QuarterlyReview => agenda.push((
                Bilingual::new(
                    "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনার ত্রৈমাসিক অগ্রগতি পর্যালোচনা",
                    "Review of the quarter's progress on the e-Governance and Innovation Action Plan",
                ),
                secretary.clone(),
            )),
            MeetingKind::MonthlyCoordination => {
                if let Some(projects) = self.projects_agenda_item(office).await? {
                    agenda.push((projects, secretary.clone()));
                }
                if let Some(budget) = self.budget_agenda_item(office).await? {
                    agenda.push((budget, secretary.clone()));
                }
            }
            MeetingKind::Workshop | MeetingKind::Other => {}
        }
        agenda.push((Bilingual::new("বিবিধ", "Any other business"), String::new()));
        for (title, presenter) in agenda {
            fields.agenda_bn.push(title.bn);
            fields.agenda_en.push(title.en);
            fields.agenda_presenters.push(presenter);
        }
        Ok(fields)
    }

    /// Numbers and names a new quarterly review: the next in the year's series, past the highest
    /// ordinal used or the count held.
    async fn name_review(
        &self,
        office: &OfficeRow,
        fields: &mut ScheduleFields,
    ) -> Result<(), Error> {
        let Ok(year) = FiscalYear::of(self.today()) else {
            return Ok(());
        };
        let reviews: Vec<MeetingRow> = self
            .db
            .meetings_of_office(office.id)
            .await?
            .into_iter()
            .filter(|meeting| {
                meeting.record.kind == MeetingKind::QuarterlyReview
                    && meeting.record.plan_fiscal_year == Some(year.start_year())
            })
            .collect();
        let highest = reviews
            .iter()
            .filter_map(|meeting| meeting.record.sequence)
            .max()
            .unwrap_or(0);
        let sequence = highest.max(u32::try_from(reviews.len()).unwrap_or(u32::MAX)) + 1;
        fields.sequence = sequence.to_string();
        fields.title_bn = format!(
            "{} ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা {}-এর বাস্তবায়ন অগ্রগতি পর্যালোচনা সংক্রান্ত {} সভা",
            bangla::grammar::genitive(&office.name.bn),
            year.long_bn(),
            ordinal_bn(sequence)
        );
        fields.title_en = format!(
            "{} meeting on reviewing the implementation progress of the e-Governance and Innovation Action Plan {} of the {}",
            ordinal_en(sequence),
            year.long_en(),
            office.name.en
        );
        Ok(())
    }

    /// The person a typed row names: a name as the form's list suggests it ("নাম (#১২)"), an id, or a
    /// name (in either language) that one person alone has; `None` when it names no one, or several.
    /// Any person may be invited by name, not only the first of the list the form suggests.
    pub(crate) async fn person_typed(&self, text: &str) -> Result<Option<i32>, Error> {
        let text = text.trim();
        if let Some(id) = suggested_id(text).or_else(|| id_of(text)) {
            return Ok(self.db.people(&[id]).await?.contains_key(&id).then_some(id));
        }
        let named: Vec<i32> = self
            .db
            .search_people(text, PEOPLE_OF_A_NAME)
            .await?
            .into_iter()
            .filter(|person| {
                person.name.bn.trim() == text || person.name.en.trim().eq_ignore_ascii_case(text)
            })
            .map(|person| person.id)
            .collect();
        Ok(match named.as_slice() {
            [only] => Some(*only),
            _ => None,
        })
    }

    /// Schedules a meeting of the office; returns its key. Nothing is saved unless all of it is right.
    pub async fn schedule_meeting(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &ScheduleFields,
    ) -> Result<String, Error> {
        let choices = self.schedule_choices(who, office_key).await?;
        let schedule = self.read_schedule(&choices, fields).await?;
        let existing: HashSet<String> = self
            .db
            .meetings_of_office(choices.office.id)
            .await?
            .into_iter()
            .map(|meeting| meeting.record.key)
            .collect();
        let key = (0..)
            .map(|serial| meeting_key(&choices.office, schedule.record.held_on, serial))
            .find(|key| !existing.contains(key))
            .unwrap_or_default();
        let record = MeetingRecord {
            key: key.clone(),
            ..schedule.record
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_meeting(NewMeeting {
            record,
            attendance: Vec::new(),
            invitees: schedule.invitees,
            agenda: schedule.agenda,
            decisions: Vec::new(),
            distribution: Vec::new(),
        })
        .await?;
        tx.commit().await?;
        tracing::info!(meeting = %key, "meeting scheduled");
        Ok(key)
    }

    /// Changes a meeting's schedule until its notice is sent.
    pub async fn reschedule_meeting(
        &self,
        who: &SignedIn,
        key: &str,
        fields: &ScheduleFields,
    ) -> Result<(), Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        let office = self.db.office_by_id(meeting.record.office_id).await?;
        let choices = self.choices_for(who, office).await?;
        let schedule = self.read_schedule(&choices, fields).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_meeting(meeting.id).await?;
        refuse_after_notice(&locked)?;
        tx.update_meeting_schedule(
            meeting.id,
            &schedule.record,
            &schedule.invitees,
            &schedule.agenda,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads the form against the choices it offered; every problem is named at once.
    async fn read_schedule(
        &self,
        choices: &ScheduleChoices,
        fields: &ScheduleFields,
    ) -> Result<NewSchedule, Error> {
        let mut errors = ValidationErrors::new();
        let kind = MeetingKind::from_code(fields.kind.trim()).ok();
        if kind.is_none() {
            errors.add("kind", "error-required");
        }
        if fields.title_bn.trim().is_empty() {
            errors.add("title_bn", "error-required");
        }
        let held_on = match bangla::parse_date(fields.held_on.trim()) {
            Ok(date) => Some(date),
            Err(_) if fields.held_on.trim().is_empty() => {
                errors.add("held_on", "error-required");
                None
            }
            Err(_) => {
                errors.add("held_on", "error-bad-date");
                None
            }
        };
        let starts_at = match bangla::parse_time(fields.starts_at.trim()) {
            Ok(time) => Some(time),
            Err(_) => {
                errors.add("starts_at", "error-meeting-bad-time");
                None
            }
        };
        let link = fields.online_link.trim();
        if !(link.is_empty() || is_web_address(link)) {
            errors.add("online_link", "error-meeting-bad-link");
        }
        if fields.place_bn.trim().is_empty() && link.is_empty() {
            errors.add("place_bn", "error-meeting-no-place");
        }
        let sequence = match fields.sequence.trim() {
            "" => None,
            text => match bangla::digits::parse_u32(text) {
                Ok(number) if number > 0 => Some(number),
                _ => {
                    errors.add("sequence", "error-meeting-bad-sequence");
                    None
                }
            },
        };
        let office_posts: HashMap<i32, &PostRow> = choices
            .office_posts
            .iter()
            .map(|post| (post.id, post))
            .collect();
        let known_posts: HashSet<i32> = choices.posts.iter().map(|(post, ..)| post.id).collect();
        let chair_post = id_of(&fields.chair_post).and_then(|id| office_posts.get(&id).copied());
        if chair_post.is_none() {
            errors.add("chair_post", "error-meeting-chair");
        }
        let mut invitees = Vec::new();
        for text in &fields.invitee_posts {
            match id_of(text) {
                Some(id) if known_posts.contains(&id) => invitees.push(Invitee::Post(id)),
                _ if text.trim().is_empty() => {}
                _ => {
                    errors.add("invitee_posts", "error-order-unknown-choice");
                }
            }
        }
        for text in fields
            .invitee_people
            .iter()
            .filter(|text| !text.trim().is_empty())
        {
            match self.person_typed(text).await? {
                Some(id) => invitees.push(Invitee::Person(id)),
                None => {
                    errors.add("invitee_people", "error-person-unknown");
                }
            }
        }
        let mut seen = HashSet::new();
        invitees.retain(|invitee| seen.insert(*invitee));
        if invitees.is_empty() {
            errors.add("invitee_posts", "error-meeting-no-invitees");
        }
        let mut agenda = Vec::new();
        for (index, title_bn) in fields.agenda_bn.iter().enumerate() {
            let title_en = fields.agenda_en.get(index).map_or("", String::as_str);
            let presenter = fields
                .agenda_presenters
                .get(index)
                .map_or("", String::as_str);
            if title_bn.trim().is_empty() {
                if !title_en.trim().is_empty() {
                    errors.add(format!("agenda_bn_{index}"), "error-required");
                }
                continue;
            }
            let presenter_post_id = match presenter.trim() {
                "" => None,
                text => match id_of(text).filter(|id| known_posts.contains(id)) {
                    Some(id) => Some(id),
                    None => {
                        errors.add(
                            format!("agenda_presenter_{index}"),
                            "error-order-unknown-choice",
                        );
                        None
                    }
                },
            };
            agenda.push(AgendaItem {
                title: Bilingual::new(trimmed(title_bn), trimmed(title_en)),
                presenter_post_id,
                discussion: Bilingual::default(),
            });
        }
        if agenda.is_empty() {
            errors.add("agenda_bn_0", "error-meeting-no-agenda");
        }
        let (Some(kind), Some(held_on), Some(starts_at), Some(chair_post)) =
            (kind, held_on, starts_at, chair_post)
        else {
            return Err(Error::Invalid(errors));
        };
        let chair = self.db.holders_on(&[chair_post.id], held_on).await?;
        let Some(chair) = chair.get(&chair_post.id) else {
            errors.add("chair_post", "error-meeting-chair-vacant");
            return Err(Error::Invalid(errors));
        };
        errors.into_result(())?;
        let team = choices.team.as_ref();
        let secretary = match team {
            Some(team) => self
                .team(&team.key, held_on)
                .await?
                .member_in(TeamRole::MemberSecretary)
                .map(|member| {
                    (
                        member.post.id,
                        member.holder.as_ref().map(|holder| holder.person.id),
                    )
                }),
            None => None,
        };
        let record = MeetingRecord {
            key: String::new(),
            office_id: choices.office.id,
            team_id: team.map(|team| team.id),
            kind,
            plan_fiscal_year: (kind == MeetingKind::QuarterlyReview)
                .then(|| FiscalYear::of(held_on).ok().map(FiscalYear::start_year))
                .flatten(),
            sequence,
            title: Bilingual::new(trimmed(&fields.title_bn), trimmed(&fields.title_en)),
            held_on,
            starts_at: Some(starts_at),
            place: Bilingual::new(trimmed(&fields.place_bn), trimmed(&fields.place_en)),
            chair_person_id: Some(chair.person.id),
            chair_designation_id: Some(chair_post.designation_id),
            member_secretary_person_id: secretary.and_then(|(_, person)| person),
            member_secretary_post_id: secretary.map(|(post, _)| post),
            opening: Bilingual::default(),
            closing: Bilingual::default(),
            memo_number: None,
            issued_on: None,
            issuer_person_id: None,
            issuer_post_id: None,
            online_link: link.to_owned(),
            notice_memo: None,
            notice_sent_on: None,
            minutes_stage: None,
            circulated_on: None,
            approved_on: None,
            approved_by: None,
        };
        Ok(NewSchedule {
            record,
            invitees,
            agenda,
        })
    }

    /// Sends the invitation notice: takes its memo number from the file, stores its PDF in both
    /// languages, and mails each invitee with an address the notice and a calendar invitation. The
    /// number is used and the notice kept only if all of that succeeds.
    pub async fn send_meeting_notice(
        &self,
        who: &SignedIn,
        key: &str,
        memo_file: &str,
    ) -> Result<MemoNumber, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        self.require(who, Action::ManageTeam, meeting.record.office_id)
            .await?;
        refuse_after_notice(&meeting)?;
        let file = self
            .office_memo_file(meeting.record.office_id, memo_file)
            .await?;
        let fonts = self.fonts()?;
        let today = self.today();
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_meeting(meeting.id).await?;
        refuse_after_notice(&locked)?;
        let purpose = Bilingual::new(
            format!("সভার নোটিশ: {}", meeting.record.title.bn),
            format!("Meeting notice: {}", meeting.record.title.en),
        );
        let memo = tx.take_memo_number(file.id, today, purpose).await?;
        tx.record_meeting_notice(meeting.id, &memo, today).await?;
        let mut detail = self.meeting(key).await?;
        detail.meeting.record.notice_memo = Some(memo.clone());
        detail.meeting.record.notice_sent_on = Some(today);
        let mut pdfs = HashMap::new();
        for lang in Lang::ALL {
            let bytes = render_notice(fonts, &detail, lang)?;
            tx.store_issued_document(
                NOTICE_DOCUMENT,
                meeting.id,
                lang,
                "application/pdf",
                bytes.clone(),
            )
            .await?;
            pdfs.insert(lang, bytes);
        }
        let invitation = self.meeting_invitation(&detail);
        let mut mails = Vec::new();
        for address in self.invitee_addresses(&detail).await? {
            let lang = Lang::Bn;
            mails.push(Mail {
                at: self.now(),
                to: address,
                subject: udbhabon_i18n::t_args(
                    lang,
                    "meeting-notice-mail-subject",
                    &[("title", detail.meeting.record.title.get(lang).to_owned())],
                ),
                body: crate::meeting::notice::letter::mail_body(&detail),
                attachments: vec![
                    Attachment::pdf(
                        format!("notice-{key}.pdf"),
                        pdfs.get(&lang).cloned().unwrap_or_default(),
                    ),
                    Attachment::calendar("invitation.ics", "REQUEST", &invitation),
                ],
            });
        }
        tx.commit().await?;
        self.mail_letters(mails, key, "a meeting notice").await;
        tracing::info!(meeting = %key, memo = %memo, "meeting notice sent");
        Ok(memo)
    }

    /// The mail addresses of the invitees: a person's own, else their account's; each once.
    pub(crate) async fn invitee_addresses(
        &self,
        detail: &MeetingDetail,
    ) -> Result<Vec<String>, Error> {
        let mut addresses: Vec<String> = self
            .invitee_reach(detail)
            .await?
            .into_iter()
            .flatten()
            .collect();
        addresses.sort();
        addresses.dedup();
        Ok(addresses)
    }

    /// Each invitee's mail address, in the invitees' order; `None` for one that mail cannot reach (a
    /// post nobody holds, or a person with no address of their own or of an account), whom the
    /// notice reaches only on paper.
    pub async fn invitee_reach(
        &self,
        detail: &MeetingDetail,
    ) -> Result<Vec<Option<String>>, Error> {
        let people: Vec<Option<&PersonRow>> = detail
            .invitees
            .iter()
            .map(|invitee| invitee.person.as_ref())
            .collect();
        self.addresses_of(&people).await
    }

    /// A meeting with its schedule form's choices, for changing it.
    pub async fn meeting_schedule(
        &self,
        who: &SignedIn,
        key: &str,
    ) -> Result<(MeetingDetail, ScheduleChoices), Error> {
        let detail = self.meeting(key).await?;
        let mut choices = self.choices_for(who, detail.office.clone()).await?;
        // The people invited by name are named on the form even when the list does not suggest them.
        for person in detail
            .invitees
            .iter()
            .filter_map(|invitee| invitee.person.as_ref())
        {
            if !choices.people.iter().any(|known| known.id == person.id) {
                choices.people.push(person.clone());
            }
        }
        Ok((detail, choices))
    }

    /// What the reader may do with a meeting of this office.
    pub async fn meeting_actions(
        &self,
        who: Option<&SignedIn>,
        office_id: i32,
    ) -> Result<MeetingActions, Error> {
        let Some(who) = who else {
            return Ok(MeetingActions::default());
        };
        let manage = self.may(who, Action::ManageTeam, office_id).await?;
        Ok(MeetingActions {
            manage,
            read_records: self.may(who, Action::ViewOfficeRecords, office_id).await?,
            approve: self.may(who, Action::ApproveAndSign, office_id).await?,
            comment: self.may(who, Action::CommentAsMember, office_id).await?,
            memo_files: if manage {
                self.db.memo_files(office_id).await?
            } else {
                Vec::new()
            },
        })
    }

    /// The attendance sheet of a meeting, for those who manage its team.
    pub async fn attendance_sheet(
        &self,
        who: &SignedIn,
        key: &str,
    ) -> Result<AttendanceSheet, Error> {
        let detail = self.meeting(key).await?;
        self.require(who, Action::ManageTeam, detail.meeting.record.office_id)
            .await?;
        Ok(AttendanceSheet {
            people: self.db.search_people("", PEOPLE_OFFERED).await?,
            detail,
        })
    }

    /// Records who was present: `present` among the invitees, and `uninvited` people who came without
    /// an invitation (kept, and marked as such). Refused once the minutes are issued.
    pub async fn record_attendance(
        &self,
        who: &SignedIn,
        key: &str,
        present: &[String],
        uninvited: &[String],
    ) -> Result<(), Error> {
        let sheet = self.attendance_sheet(who, key).await?;
        let detail = &sheet.detail;
        if detail.meeting.record.issued_on.is_some() {
            return Err(invalid("present", "error-meeting-issued"));
        }
        if detail.meeting.cancelled_on.is_some() {
            return Err(invalid("present", "error-meeting-cancelled"));
        }
        if detail.meeting.record.held_on > self.today() {
            return Err(invalid("present", "error-meeting-not-yet-held"));
        }
        let invited: Vec<i32> = detail
            .invitees
            .iter()
            .filter_map(|invitee| invitee.person.as_ref().map(|person| person.id))
            .collect();
        let mut errors = ValidationErrors::new();
        // Those recorded before as coming uninvited stay on the record while they stay ticked.
        let came_uninvited: Vec<i32> = detail
            .attendance
            .iter()
            .filter(|attendee| !attendee.invited && !invited.contains(&attendee.person.id))
            .map(|attendee| attendee.person.id)
            .collect();
        let present: HashSet<i32> = present
            .iter()
            .filter(|text| !text.trim().is_empty())
            .filter_map(|text| match id_of(text) {
                Some(id) if invited.contains(&id) || came_uninvited.contains(&id) => Some(id),
                _ => {
                    errors.add("present", "error-order-unknown-choice");
                    None
                }
            })
            .collect();
        let mut rows: Vec<AttendanceRow> = invited
            .iter()
            .map(|&person_id| AttendanceRow {
                person_id,
                present: present.contains(&person_id),
                invited: true,
            })
            .collect();
        rows.extend(
            came_uninvited
                .iter()
                .filter(|id| present.contains(id))
                .map(|&person_id| AttendanceRow {
                    person_id,
                    present: true,
                    invited: false,
                }),
        );
        for text in uninvited.iter().filter(|text| !text.trim().is_empty()) {
            match self.person_typed(text).await? {
                Some(id) => {
                    if !rows.iter().any(|row| row.person_id == id) {
                        rows.push(AttendanceRow {
                            person_id: id,
                            present: true,
                            invited: false,
                        });
                    }
                }
                None => {
                    errors.add("uninvited", "error-person-unknown");
                }
            }
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_meeting(detail.meeting.id).await?;
        if locked.record.issued_on.is_some() {
            return Err(invalid("present", "error-meeting-issued"));
        }
        tx.record_attendance(detail.meeting.id, &rows).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A stored meeting's schedule as the form shows it: the chair's post is the office's post of the
/// chair's designation that the chair holds, or any of that designation.
pub fn schedule_fields(detail: &MeetingDetail, choices: &ScheduleChoices) -> ScheduleFields {
    let record = &detail.meeting.record;
    let of_designation = |(post, _, _): &&(PostRow, OfficeRow, Option<HolderRow>)| {
        post.office_id == record.office_id
            && Some(post.designation_id) == record.chair_designation_id
    };
    let chair_post = choices
        .posts
        .iter()
        .filter(of_designation)
        .find(|(_, _, holder)| {
            holder.as_ref().map(|holder| holder.person.id) == record.chair_person_id
        })
        .or_else(|| choices.posts.iter().find(of_designation))
        .map(|(post, _, _)| post.id.to_string())
        .unwrap_or_default();
    let mut fields = ScheduleFields {
        kind: record.kind.code().to_owned(),
        title_bn: record.title.bn.clone(),
        title_en: record.title.en.clone(),
        held_on: record.held_on.format("%Y-%m-%d").to_string(),
        starts_at: record
            .starts_at
            .map(|time| time.format("%H:%M").to_string())
            .unwrap_or_default(),
        place_bn: record.place.bn.clone(),
        place_en: record.place.en.clone(),
        online_link: record.online_link.clone(),
        sequence: record.sequence.map(|n| n.to_string()).unwrap_or_default(),
        chair_post,
        ..ScheduleFields::default()
    };
    for invitee in &detail.invitees {
        match invitee.invitee {
            Invitee::Post(id) => fields.invitee_posts.push(id.to_string()),
            Invitee::Person(id) => fields.invitee_people.push(id.to_string()),
        }
    }
    for (item, _) in &detail.agenda {
        fields.agenda_bn.push(item.title.bn.clone());
        fields.agenda_en.push(item.title.en.clone());
        fields.agenda_presenters.push(
            item.presenter_post_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        );
    }
    fields
}

/// A meeting's schedule read from the form.
struct NewSchedule {
    record: MeetingRecord,
    invitees: Vec<Invitee>,
    agenda: Vec<AgendaItem>,
}

/// Whether `link` can be opened in a browser: an http(s) address with a host and no spaces.
fn is_web_address(link: &str) -> bool {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

/// A sent notice fixes the schedule: what was sent is what invitees hold.
fn refuse_after_notice(meeting: &MeetingRow) -> Result<(), Error> {
    if meeting.record.issued_on.is_some() {
        return Err(invalid("memo_file", "error-meeting-issued"));
    }
    if meeting.record.notice_memo.is_some() {
        return Err(invalid("memo_file", "error-meeting-notice-sent"));
    }
    Ok(())
}
