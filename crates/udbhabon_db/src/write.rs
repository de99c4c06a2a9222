//! Inserting records (used by the demo-data loader and imports); every insert goes through a `Tx`.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, EntityTrait};
use udbhabon_domain::meeting::decision::{Deadline, DecisionSerial, ResponsibleKind};
use udbhabon_domain::meeting::minutes::MinutesStage;
use udbhabon_domain::office::person::Charge;
use udbhabon_domain::office::{OfficeKind, UnitLevel};
use udbhabon_domain::team::TeamRole;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{
    decision, decision_responsible, designation, distribution_entry, distribution_list, meeting,
    meeting_attendance, office, person, post, posting, team, team_order, team_order_member,
    team_order_term, unit,
};
use crate::meeting::notice::{AgendaItem, Invitee};
use crate::meeting::{MeetingRecord, deadline_columns};
use crate::team::TeamOrderRecord;
use crate::{DbError, Tx};

#[derive(Debug, Clone)]
pub struct NewOffice {
    pub key: String,
    pub parent_id: Option<i32>,
    pub kind: OfficeKind,
    pub name: Bilingual,
    pub short_name_en: Option<String>,
    pub memo_code: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub district_code: Option<String>,
    pub position: i32,
}

#[derive(Debug, Clone)]
pub struct NewUnit {
    pub key: String,
    pub office_id: i32,
    pub parent_id: Option<i32>,
    pub level: UnitLevel,
    pub name: Bilingual,
    pub memo_code: Option<String>,
    pub position: i32,
}

#[derive(Debug, Clone)]
pub struct NewPost {
    pub key: String,
    pub office_id: i32,
    pub unit_id: Option<i32>,
    pub designation_id: i32,
    pub label: Option<Bilingual>,
}

#[derive(Debug, Clone)]
pub struct NewPerson {
    pub key: Option<String>,
    pub name: Bilingual,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewPosting {
    pub person_id: i32,
    pub post_id: i32,
    pub charge: Charge,
    pub held_from: NaiveDate,
    pub held_until: Option<NaiveDate>,
}

/// One recipient line of a distribution list.
#[derive(Debug, Clone)]
pub struct NewDistributionEntry {
    pub text: Bilingual,
    pub attention: Option<Bilingual>,
    pub office_id: Option<i32>,
    pub post_id: Option<i32>,
}

/// An office order to insert, with the posts it names and its lists.
#[derive(Debug, Clone)]
pub struct NewTeamOrder {
    pub record: TeamOrderRecord,
    /// The posts the order names, in order, with their roles.
    pub members: Vec<(i32, TeamRole)>,
    pub terms: Vec<Bilingual>,
    pub copies: Vec<NewDistributionEntry>,
}

/// A meeting to insert, with its attendance, decisions and distribution list.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub record: MeetingRecord,
    /// (person id, present)
    pub attendance: Vec<(i32, bool)>,
    pub invitees: Vec<Invitee>,
    pub agenda: Vec<AgendaItem>,
    pub decisions: Vec<NewDecision>,
    pub distribution: Vec<NewDistributionEntry>,
}

#[derive(Debug, Clone)]
pub struct NewDecision {
    pub serial: DecisionSerial,
    pub text: Bilingual,
    pub deadline: Deadline,
    pub responsible: Vec<NewResponsible>,
}

#[derive(Debug, Clone)]
pub struct NewResponsible {
    pub kind: ResponsibleKind,
    pub team_id: Option<i32>,
    pub unit_id: Option<i32>,
    pub office_id: Option<i32>,
    pub label: Bilingual,
}

fn count(value: usize) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

fn unsigned(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// An office's row below the parent whose ancestor path is `parent_path` (unused at the top).
fn office_row(new: NewOffice, parent_path: &str) -> office::ActiveModel {
    let path = match new.parent_id {
        Some(parent_id) => format!("{parent_path}{parent_id}/"),
        None => "/".to_owned(),
    };
    office::ActiveModel {
        key: Set(new.key),
        parent_id: Set(new.parent_id),
        kind: Set(new.kind.code().to_owned()),
        name_bn: Set(new.name.bn),
        name_en: Set(new.name.en),
        short_name_en: Set(new.short_name_en),
        memo_code: Set(new.memo_code),
        website: Set(new.website),
        email: Set(new.email),
        phone: Set(new.phone),
        path: Set(path),
        position: Set(new.position),
        district_code: Set(new.district_code),
        ..Default::default()
    }
}

impl Tx {
    /// Inserts an office below its parent, recording the ancestor path.
    pub async fn insert_office(&self, new: NewOffice) -> Result<i32, DbError> {
        let parent_path = match new.parent_id {
            Some(parent_id) => {
                office::Entity::find_by_id(parent_id)
                    .one(&self.transaction)
                    .await?
                    .ok_or_else(|| DbError::NotFound(format!("parent office #{parent_id}")))?
                    .path
            }
            None => String::new(),
        };
        Ok(self.insert_office_below(new, &parent_path).await?.0)
    }

    /// Inserts offices in order, each below the office its parent key names (one recorded before, or
    /// one earlier in the list). They go in a few hundred to a statement (a new batch starts where an
    /// office's parent is in the batch not yet written), and the recorded offices' keys and paths are
    /// read once for the whole list: 50,000 offices hold the write lock for about a second. Returns
    /// how many were inserted.
    pub async fn insert_office_tree(
        &self,
        offices: Vec<(NewOffice, Option<String>)>,
    ) -> Result<usize, DbError> {
        const BATCH: usize = 400;
        let mut placed: HashMap<String, (i32, String)> = office::Entity::find()
            .all(&self.transaction)
            .await?
            .into_iter()
            .map(|model| (model.key, (model.id, model.path)))
            .collect();
        let count = offices.len();
        let mut batch = Vec::with_capacity(BATCH);
        for (mut new, parent_key) in offices {
            let parent = match parent_key {
                Some(key) => {
                    if !placed.contains_key(&key) {
                        self.insert_office_batch(std::mem::take(&mut batch), &mut placed)
                            .await?;
                    }
                    let (id, path) = placed
                        .get(&key)
                        .cloned()
                        .ok_or_else(|| DbError::NotFound(format!("parent office {key}")))?;
                    new.parent_id = Some(id);
                    Some(path)
                }
                None => None,
            };
            batch.push((
                new.key.clone(),
                office_row(new, parent.as_deref().unwrap_or_default()),
            ));
            if batch.len() == BATCH {
                self.insert_office_batch(std::mem::take(&mut batch), &mut placed)
                    .await?;
            }
        }
        self.insert_office_batch(batch, &mut placed).await?;
        Ok(count)
    }

    /// Inserts a batch of offices in one statement, reads their ids back by key, and records each in
    /// the audit trail and in `placed`.
    async fn insert_office_batch(
        &self,
        batch: Vec<(String, office::ActiveModel)>,
        placed: &mut HashMap<String, (i32, String)>,
    ) -> Result<(), DbError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        if batch.is_empty() {
            return Ok(());
        }
        let (keys, rows): (Vec<String>, Vec<office::ActiveModel>) = batch.into_iter().unzip();
        office::Entity::insert_many(rows)
            .exec_without_returning(&self.transaction)
            .await?;
        let mut inserted: HashMap<String, office::Model> = office::Entity::find()
            .filter(office::Column::Key.is_in(keys.iter().cloned()))
            .all(&self.transaction)
            .await?
            .into_iter()
            .map(|model| (model.key.clone(), model))
            .collect();
        for key in keys {
            let model = inserted
                .remove(&key)
                .ok_or_else(|| DbError::NotFound(format!("the office {key} just inserted")))?;
            placed.insert(key, (model.id, model.path.clone()));
            self.record_created(&model).await?;
        }
        Ok(())
    }

    async fn insert_office_below(
        &self,
        new: NewOffice,
        parent_path: &str,
    ) -> Result<(i32, String), DbError> {
        let row = office_row(new, parent_path);
        let model = self.insert_audited(row).await?;
        Ok((model.id, model.path))
    }

    pub async fn insert_unit(&self, new: NewUnit) -> Result<i32, DbError> {
        let row = unit::ActiveModel {
            key: Set(new.key),
            office_id: Set(new.office_id),
            parent_id: Set(new.parent_id),
            level: Set(new.level.code().to_owned()),
            name_bn: Set(new.name.bn),
            name_en: Set(new.name.en),
            memo_code: Set(new.memo_code),
            position: Set(new.position),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn insert_designation(&self, key: &str, name: Bilingual) -> Result<i32, DbError> {
        let row = designation::ActiveModel {
            key: Set(key.to_owned()),
            name_bn: Set(name.bn),
            name_en: Set(name.en),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn insert_post(&self, new: NewPost) -> Result<i32, DbError> {
        let (label_bn, label_en) = match new.label {
            Some(label) => (Some(label.bn), Some(label.en)),
            None => (None, None),
        };
        let row = post::ActiveModel {
            key: Set(new.key),
            office_id: Set(new.office_id),
            unit_id: Set(new.unit_id),
            designation_id: Set(new.designation_id),
            label_bn: Set(label_bn),
            label_en: Set(label_en),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn insert_person(&self, new: NewPerson) -> Result<i32, DbError> {
        let search_key = udbhabon_domain::text::search_key(&new.name);
        let row = person::ActiveModel {
            search_key: Set(search_key),
            key: Set(new.key),
            name_bn: Set(new.name.bn),
            name_en: Set(new.name.en),
            email: Set(new.email),
            phone: Set(new.phone),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn insert_posting(&self, new: NewPosting) -> Result<i32, DbError> {
        let row = posting::ActiveModel {
            person_id: Set(new.person_id),
            post_id: Set(new.post_id),
            charge: Set(new.charge.code().to_owned()),
            held_from: Set(new.held_from),
            held_until: Set(new.held_until),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn insert_team(
        &self,
        key: &str,
        office_id: i32,
        name: Bilingual,
    ) -> Result<i32, DbError> {
        let row = team::ActiveModel {
            key: Set(key.to_owned()),
            office_id: Set(office_id),
            name_bn: Set(name.bn),
            name_en: Set(name.en),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub(crate) async fn insert_distribution(
        &self,
        purpose: &str,
        entries: Vec<NewDistributionEntry>,
    ) -> Result<i32, DbError> {
        let list = self
            .insert_audited(distribution_list::ActiveModel {
                purpose: Set(purpose.to_owned()),
                ..Default::default()
            })
            .await?;
        let rows: Vec<_> = entries
            .into_iter()
            .enumerate()
            .map(|(index, entry)| {
                let (attention_bn, attention_en) = match entry.attention {
                    Some(attention) => (Some(attention.bn), Some(attention.en)),
                    None => (None, None),
                };
                distribution_entry::ActiveModel {
                    list_id: Set(list.id),
                    position: Set(count(index + 1)),
                    text_bn: Set(entry.text.bn),
                    text_en: Set(entry.text.en),
                    office_id: Set(entry.office_id),
                    post_id: Set(entry.post_id),
                    attention_bn: Set(attention_bn),
                    attention_en: Set(attention_en),
                    ..Default::default()
                }
            })
            .collect();
        for row in rows {
            self.insert_audited(row).await?;
        }
        Ok(list.id)
    }

    /// Inserts an office order with its members, terms of reference and copy list.
    pub async fn insert_team_order(&self, new: NewTeamOrder) -> Result<i32, DbError> {
        let copies_list_id = self.insert_distribution("order_copies", new.copies).await?;
        let record = new.record;
        let order = self
            .insert_audited(team_order::ActiveModel {
                team_id: Set(record.team_id),
                issuing_unit_id: Set(record.issuing_unit_id),
                memo_number: Set(record.memo_number.to_string()),
                issued_on: Set(record.issued_on),
                effective_from: Set(record.effective_from),
                cites_memo: Set(record.cites_memo.map(|memo| memo.to_string())),
                cites_date: Set(record.cites_date),
                preamble_bn: Set(record.preamble.bn),
                preamble_en: Set(record.preamble.en),
                terms_heading_bn: Set(record.terms_heading.bn),
                terms_heading_en: Set(record.terms_heading.en),
                closing_bn: Set(record.closing.bn),
                closing_en: Set(record.closing.en),
                signatory_person_id: Set(record.signatory_person_id),
                signatory_post_id: Set(record.signatory_post_id),
                signed_on: Set(record.signed_on),
                endorsement: Set(unsigned(record.endorsement)),
                copies_intro_bn: Set(record.copies_intro.bn),
                copies_intro_en: Set(record.copies_intro.en),
                copies_list_id: Set(copies_list_id),
                ..Default::default()
            })
            .await?;
        let members: Vec<_> = new
            .members
            .into_iter()
            .enumerate()
            .map(|(index, (post_id, role))| team_order_member::ActiveModel {
                order_id: Set(order.id),
                position: Set(count(index + 1)),
                post_id: Set(post_id),
                role: Set(role.code().to_owned()),
                ..Default::default()
            })
            .collect();
        for row in members {
            self.insert_audited(row).await?;
        }
        let terms: Vec<_> = new
            .terms
            .into_iter()
            .enumerate()
            .map(|(index, text)| team_order_term::ActiveModel {
                order_id: Set(order.id),
                position: Set(count(index + 1)),
                text_bn: Set(text.bn),
                text_en: Set(text.en),
                ..Default::default()
            })
            .collect();
        for row in terms {
            self.insert_audited(row).await?;
        }
        Ok(order.id)
    }

    /// Inserts a meeting with its attendance, decisions and distribution list.
    pub async fn insert_meeting(&self, new: NewMeeting) -> Result<i32, DbError> {
        let distribution_list_id = if new.distribution.is_empty() {
            None
        } else {
            Some(
                self.insert_distribution("minutes_distribution", new.distribution)
                    .await?,
            )
        };
        let record = new.record;
        let meeting = self
            .insert_audited(meeting::ActiveModel {
                key: Set(record.key),
                office_id: Set(record.office_id),
                team_id: Set(record.team_id),
                kind: Set(record.kind.code().to_owned()),
                plan_fiscal_year: Set(record.plan_fiscal_year),
                sequence: Set(record.sequence.map(unsigned)),
                title_bn: Set(record.title.bn),
                title_en: Set(record.title.en),
                held_on: Set(record.held_on),
                starts_at: Set(record.starts_at),
                place_bn: Set(record.place.bn),
                place_en: Set(record.place.en),
                chair_person_id: Set(record.chair_person_id),
                chair_designation_id: Set(record.chair_designation_id),
                member_secretary_person_id: Set(record.member_secretary_person_id),
                member_secretary_post_id: Set(record.member_secretary_post_id),
                opening_bn: Set(record.opening.bn),
                opening_en: Set(record.opening.en),
                closing_bn: Set(record.closing.bn),
                closing_en: Set(record.closing.en),
                memo_number: Set(record.memo_number.map(|memo| memo.to_string())),
                issued_on: Set(record.issued_on),
                issuer_person_id: Set(record.issuer_person_id),
                issuer_post_id: Set(record.issuer_post_id),
                distribution_list_id: Set(distribution_list_id),
                online_link: Set(record.online_link),
                notice_memo: Set(record.notice_memo.map(|memo| memo.to_string())),
                notice_sent_on: Set(record.notice_sent_on),
                minutes_stage: Set(record
                    .minutes_stage
                    .filter(|stage| *stage != MinutesStage::Issued)
                    .map(|stage| stage.code().to_owned())),
                circulated_on: Set(record.circulated_on),
                approved_on: Set(record.approved_on),
                approved_by: Set(record.approved_by),
                ..Default::default()
            })
            .await?;
        for (person_id, present) in new.attendance {
            self.insert_audited(meeting_attendance::ActiveModel {
                meeting_id: Set(meeting.id),
                person_id: Set(person_id),
                present: Set(present),
                invited: Set(true),
                ..Default::default()
            })
            .await?;
        }
        self.insert_invitees(meeting.id, &new.invitees).await?;
        self.insert_agenda(meeting.id, &new.agenda).await?;
        for new_decision in new.decisions {
            self.insert_decision(meeting.id, new_decision).await?;
        }
        Ok(meeting.id)
    }

    /// Inserts a decision of a meeting's minutes with the bodies that carry it out.
    pub(crate) async fn insert_decision(
        &self,
        meeting_id: i32,
        new_decision: NewDecision,
    ) -> Result<(), DbError> {
        let (deadline_on, recurrence, day_of_month) = deadline_columns(new_decision.deadline);
        let decision = self
            .insert_audited(decision::ActiveModel {
                meeting_id: Set(meeting_id),
                paragraph: Set(unsigned(new_decision.serial.paragraph)),
                item: Set(unsigned(new_decision.serial.item)),
                text_bn: Set(new_decision.text.bn),
                text_en: Set(new_decision.text.en),
                deadline_on: Set(deadline_on),
                recurrence: Set(recurrence),
                day_of_month: Set(day_of_month),
                ..Default::default()
            })
            .await?;
        for (index, responsible) in new_decision.responsible.into_iter().enumerate() {
            self.insert_audited(decision_responsible::ActiveModel {
                decision_id: Set(decision.id),
                position: Set(count(index + 1)),
                kind: Set(responsible.kind.code().to_owned()),
                team_id: Set(responsible.team_id),
                unit_id: Set(responsible.unit_id),
                office_id: Set(responsible.office_id),
                label_bn: Set(responsible.label.bn),
                label_en: Set(responsible.label.en),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }
}
