//! Collections: an office asks offices and branches for returns or reports by a deadline, whom it asks
//! (chosen from its units and the offices below it), the periods a collection opens by itself, and who
//! answers or runs each one.

pub mod board;
pub mod correction;
pub mod forward;
pub mod submission;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use udbhabon_db::collection::{
    CollectionRow, NewCollection, PeriodRow, RespondentRow, SubmissionRow,
};
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::counts::CountSet;
use udbhabon_domain::collection::{
    CollectionDraft, CollectionFields, SubmissionStatus, check_collection, standing,
};
use udbhabon_domain::office::UnitLevel;
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::t_args;

use crate::account::SignedIn;
use crate::collection::board::Tally;
use crate::error::invalid;
use crate::{App, Error};

/// The reminder subject a collection's reminders are recorded under (the record is the respondent).
pub(crate) const REMINDER_SUBJECT: &str = "collection";

/// An office, or a unit of one, that a collection asks, with its names.
#[derive(Debug, Clone)]
pub struct Respondent {
    pub row: RespondentRow,
    pub office: OfficeRow,
    pub unit: Option<UnitRow>,
    /// The office's ancestors as stored ("/1/4/").
    pub path: String,
}

impl Respondent {
    /// "প্রশাসন অধিশাখা" for a branch, the office's name for an office.
    pub fn name(&self) -> &Bilingual {
        self.unit
            .as_ref()
            .map_or(&self.office.name, |unit| &unit.name)
    }
}

/// A collection in the list, with the period now running and its tally.
#[derive(Debug, Clone)]
pub struct CollectionSummary {
    pub collection: CollectionRow,
    pub office: OfficeRow,
    pub current: Option<PeriodRow>,
    pub tally: Tally,
    /// Whether the reader may see the board (reads the asking office's records).
    pub may_view_board: bool,
    /// Whether the reader runs the asking office's collections (corrects and closes this one).
    pub may_manage: bool,
    /// The respondents the reader answers for: a unit they are posted in, an office they hold a
    /// submitting role on.
    pub mine: Vec<Respondent>,
    /// The offices the reader runs that gather their field offices' submissions for this collection.
    pub gathers: Vec<OfficeRow>,
}

/// Something a respondent of the form can be: a unit, an office, or every field office below one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondentChoice {
    /// "unit:7", "office:3", "field:3".
    pub value: String,
    pub label: Bilingual,
}

/// What the collection form offers: the units of the office and the offices below it.
#[derive(Debug, Clone)]
pub struct CollectionFormChoices {
    pub office: OfficeRow,
    pub choices: Vec<RespondentChoice>,
}

/// Units that answer collections: branches, sections and cells (not wings or a head's office).
fn answers_collections(unit: &UnitRow) -> bool {
    matches!(
        unit.level,
        UnitLevel::Branch | UnitLevel::Section | UnitLevel::Cell
    )
}

/// The field offices among `under` (with their stored paths) that sit below an office.
pub(crate) fn field_offices_below<'a>(
    under: &'a [OfficeRow],
    paths: &'a HashMap<i32, String>,
    office_id: i32,
) -> impl Iterator<Item = &'a OfficeRow> + 'a {
    let below = format!("/{office_id}/");
    under.iter().filter(move |office| {
        office.kind.is_field_office()
            && paths
                .get(&office.id)
                .is_some_and(|path| path.contains(&below))
    })
}

/// Whether the reader answers for a respondent in person: posted in its unit, or holding a submitting
/// role on its office itself (not one that merely covers it from above).
fn answers_for(who: &SignedIn, respondent: &RespondentRow, units_held: &[i32]) -> bool {
    match respondent.unit_id {
        Some(unit) => units_held.contains(&unit),
        None => who.grants.iter().any(|grant| {
            grant.office_id == respondent.office_id && grant.role.permits(Action::SubmitForOffice)
        }),
    }
}

/// The office that gathers a respondent's submissions for the asking office: for a collection whose
/// offices gather, the office directly under the asking one that the respondent's office sits below;
/// `None` for that office itself, a unit of the asking office, or when nobody gathers.
pub(crate) fn gatherer(collection: &CollectionRow, respondent: &Respondent) -> Option<i32> {
    collection.forward_days?;
    let ancestors: Vec<i32> = respondent
        .path
        .split('/')
        .filter_map(|id| id.parse().ok())
        .collect();
    let at = ancestors
        .iter()
        .position(|id| *id == collection.office_id)?;
    ancestors.get(at + 1).copied()
}

/// A collection closed while a step on it was being taken, told against `field`.
pub(crate) fn closed_meanwhile(
    checked: Result<(), udbhabon_db::DbError>,
    field: &str,
) -> Result<(), Error> {
    match checked {
        Err(udbhabon_db::DbError::Conflict(_)) => Err(invalid(field, "error-collection-withdrawn")),
        other => Ok(other?),
    }
}

/// The period a collection is on today: the earliest still to fall due, or else the latest (periods
/// oldest first).
pub(crate) fn current_period(periods: &[PeriodRow], today: NaiveDate) -> Option<PeriodRow> {
    periods
        .iter()
        .find(|period| period.period.due_on >= today)
        .or(periods.last())
        .copied()
}

/// The latest version of each respondent's submission, keyed by (period, respondent).
pub(crate) fn latest_versions(
    submissions: &[SubmissionRow],
) -> HashMap<(i32, i32), &SubmissionRow> {
    let mut latest: HashMap<(i32, i32), &SubmissionRow> = HashMap::new();
    for submission in submissions {
        let key = (submission.period_id, submission.respondent_id);
        if latest
            .get(&key)
            .is_none_or(|seen| seen.version < submission.version)
        {
            latest.insert(key, submission);
        }
    }
    latest
}

/// The share a kind of return counts, over the returns that stand (not returned).
pub(crate) fn share_of<'a>(
    asked: &CountSet,
    returns: impl IntoIterator<Item = &'a SubmissionRow>,
) -> Option<f64> {
    asked.share(
        returns
            .into_iter()
            .filter(|submission| submission.status != SubmissionStatus::Returned)
            .filter_map(|submission| submission.counts.as_ref()),
    )
}

impl App {
    /// Opens the periods every collection still open has begun by today; safe to run as often as
    /// wanted.
    pub async fn open_collection_periods(&self) -> Result<usize, Error> {
        let today = self.today();
        let collections = self.open_collections().await?;
        let ids: Vec<i32> = collections.iter().map(|collection| collection.id).collect();
        let open: HashSet<(i32, NaiveDate)> = self
            .db
            .periods_of(&ids)
            .await?
            .into_iter()
            .map(|period| (period.collection_id, period.period.starts_on))
            .collect();
        let mut opened = 0;
        for collection in &collections {
            let due: Vec<_> = collection
                .cadence
                .periods_until(today)
                .into_iter()
                .filter(|period| !open.contains(&(collection.id, period.starts_on)))
                .collect();
            if due.is_empty() {
                continue;
            }
            let tx = self
                .db
                .begin(self.author(None, "udbhabon (collections)"))
                .await?;
            for period in due {
                if tx.open_period(collection.id, period).await? {
                    opened += 1;
                }
            }
            tx.commit().await?;
        }
        Ok(opened)
    }

    /// The collections not closed, newest first.
    pub(crate) async fn open_collections(&self) -> Result<Vec<CollectionRow>, Error> {
        let mut collections = self.db.collections().await?;
        collections.retain(|collection| collection.closed.is_none());
        Ok(collections)
    }

    /// The respondents of these collections with their offices and units.
    pub(crate) async fn respondents(
        &self,
        collection_ids: &[i32],
    ) -> Result<Vec<Respondent>, Error> {
        let rows = self.db.respondents_of(collection_ids).await?;
        let office_ids: Vec<i32> = rows.iter().map(|row| row.office_id).collect();
        let offices = self.db.offices_by_ids(&office_ids).await?;
        let paths = self.db.office_paths(&office_ids).await?;
        let units: HashMap<i32, UnitRow> = self
            .db
            .units_of_offices(&office_ids)
            .await?
            .into_iter()
            .map(|unit| (unit.id, unit))
            .collect();
        rows.into_iter()
            .map(|row| {
                let office = offices
                    .get(&row.office_id)
                    .cloned()
                    .ok_or_else(|| Error::Internal(format!("office #{}", row.office_id)))?;
                Ok(Respondent {
                    unit: row.unit_id.and_then(|id| units.get(&id).cloned()),
                    path: paths.get(&row.office_id).cloned().unwrap_or_default(),
                    office,
                    row,
                })
            })
            .collect()
    }

    /// Whether the reader submits for a respondent: for an office, who submits for it; for a unit, who
    /// holds a post in it and submits for its office, or who runs the office's team.
    pub(crate) async fn acts_for(
        &self,
        who: &SignedIn,
        respondent: &RespondentRow,
        units_held: &[i32],
    ) -> Result<bool, Error> {
        Ok(match respondent.unit_id {
            None => {
                self.may(who, Action::SubmitForOffice, respondent.office_id)
                    .await?
            }
            Some(unit) => {
                self.may(who, Action::ManageTeam, respondent.office_id)
                    .await?
                    || (units_held.contains(&unit)
                        && self
                            .may(who, Action::SubmitForOffice, respondent.office_id)
                            .await?)
            }
        })
    }

    /// Whether the reader accepts or returns a respondent's submissions: who runs the asking office's
    /// collections, who runs the office that gathers them, or a reviewer of the office above a
    /// respondent office.
    pub(crate) async fn reviews(
        &self,
        who: &SignedIn,
        collection: &CollectionRow,
        respondent: &Respondent,
    ) -> Result<bool, Error> {
        if self
            .may(who, Action::ManageTeam, collection.office_id)
            .await?
        {
            return Ok(true);
        }
        if let Some(office) = gatherer(collection, respondent)
            && self.may(who, Action::ManageTeam, office).await?
        {
            return Ok(true);
        }
        let office = respondent.row.office_id;
        Ok(office != collection.office_id
            && self.may(who, Action::ReviewSubmission, office).await?)
    }

    /// The units the reader holds a post in today.
    pub(crate) async fn units_held(&self, who: &SignedIn) -> Result<Vec<i32>, Error> {
        Ok(self
            .db
            .units_held_on(&[who.person_id], self.today())
            .await?
            .into_iter()
            .map(|(_, unit)| unit)
            .collect())
    }

    /// The collections the reader runs, reads, or answers, each with the period now running.
    pub async fn collections_for(&self, who: &SignedIn) -> Result<Vec<CollectionSummary>, Error> {
        self.open_collection_periods().await?;
        let today = self.today();
        let collections = self.db.collections().await?;
        let ids: Vec<i32> = collections.iter().map(|collection| collection.id).collect();
        let respondents = self.respondents(&ids).await?;
        let periods = self.db.periods_of(&ids).await?;
        let units_held = self.units_held(who).await?;
        let offices = self
            .db
            .offices_by_ids(&collections.iter().map(|c| c.office_id).collect::<Vec<_>>())
            .await?;
        let current: HashMap<i32, PeriodRow> = ids
            .iter()
            .filter_map(|id| {
                let own: Vec<PeriodRow> = periods
                    .iter()
                    .filter(|period| period.collection_id == *id)
                    .copied()
                    .collect();
                Some((*id, current_period(&own, today)?))
            })
            .collect();
        let current_ids: Vec<i32> = current.values().map(|period| period.id).collect();
        let submissions = self.db.submissions_in(&current_ids).await?;
        let latest = latest_versions(&submissions);
        let mut list = Vec::new();
        for collection in collections {
            let may_view_board = self
                .may(who, Action::ViewOfficeRecords, collection.office_id)
                .await?;
            let may_manage = self
                .may(who, Action::ManageTeam, collection.office_id)
                .await?;
            let mut tally = Tally::default();
            let period = current.get(&collection.id).copied();
            let mut mine = Vec::new();
            let mut gathering = Vec::new();
            for respondent in respondents
                .iter()
                .filter(|respondent| respondent.row.collection_id == collection.id)
            {
                if answers_for(who, &respondent.row, &units_held) {
                    mine.push(respondent.clone());
                }
                if let Some(office) = gatherer(&collection, respondent)
                    && !gathering.contains(&office)
                {
                    gathering.push(office);
                }
                if let Some(period) = period {
                    let latest = latest
                        .get(&(period.id, respondent.row.id))
                        .map(|submission| submission.latest());
                    tally.add(standing(latest, period.period.due_on, today));
                }
            }
            let mut gathers = Vec::new();
            for office in gathering {
                if self.may(who, Action::ManageTeam, office).await? {
                    gathers.push(self.db.office_by_id(office).await?);
                }
            }
            if !may_view_board && mine.is_empty() && gathers.is_empty() {
                continue;
            }
            let office = offices
                .get(&collection.office_id)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("office #{}", collection.office_id)))?;
            list.push(CollectionSummary {
                collection,
                office,
                current: period,
                tally,
                may_manage,
                may_view_board,
                mine,
                gathers,
            });
        }
        Ok(list)
    }

    /// The offices the reader runs collections for (those of its grants that manage the team).
    pub async fn offices_managed_by(&self, who: &SignedIn) -> Result<Vec<OfficeRow>, Error> {
        let ids: Vec<i32> = who
            .grants
            .iter()
            .filter(|grant| grant.role.permits(Action::ManageTeam))
            .map(|grant| grant.office_id)
            .collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        Ok(ids
            .iter()
            .filter_map(|id| offices.get(id).cloned())
            .collect())
    }

    /// What the new-collection form offers for an office: its branches, sections and cells, the
    /// offices directly below it, and "every field office under" each of those that has some.
    pub async fn collection_choices(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<CollectionFormChoices, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let mut choices: Vec<RespondentChoice> = self
            .db
            .units_of_office(office.id)
            .await?
            .into_iter()
            .filter(answers_collections)
            .map(|unit| RespondentChoice {
                value: format!("unit:{}", unit.id),
                label: unit.name,
            })
            .collect();
        let children = self.db.office_children(&[Some(office.id)]).await?;
        let (under, paths) = self.offices_below(office.id).await?;
        for child in children {
            choices.push(RespondentChoice {
                value: format!("office:{}", child.id),
                label: child.name.clone(),
            });
            if field_offices_below(&under, &paths, child.id)
                .next()
                .is_some()
            {
                choices.push(RespondentChoice {
                    value: format!("field:{}", child.id),
                    label: Bilingual::new(
                        t_args(
                            Lang::Bn,
                            "collection-every-field-office",
                            &[("office", bangla::grammar::genitive(&child.name.bn))],
                        ),
                        t_args(
                            Lang::En,
                            "collection-every-field-office",
                            &[("office", child.name.en.clone())],
                        ),
                    ),
                });
            }
        }
        Ok(CollectionFormChoices { office, choices })
    }

    /// Records a new collection of an office, asking the respondents chosen (each once); its first
    /// periods open at once when they have begun.
    pub async fn create_collection(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &CollectionFields,
        chosen: &[String],
    ) -> Result<CollectionRow, Error> {
        let form = self.collection_choices(who, office_key).await?;
        let (draft, respondents) = self.checked_collection(&form, fields, chosen).await?;
        let key = draft.key.clone();
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx
            .insert_collection(NewCollection {
                office_id: form.office.id,
                draft,
                respondents,
            })
            .await
        {
            Ok(_) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("key", "error-key-taken"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        self.open_collection_periods().await?;
        Ok(self.db.collection_by_key(&key).await?)
    }

    /// A collection's fields checked, with whom it asks resolved from the choices ticked (each once);
    /// every problem is named against its field.
    pub(crate) async fn checked_collection(
        &self,
        form: &CollectionFormChoices,
        fields: &CollectionFields,
        chosen: &[String],
    ) -> Result<(CollectionDraft, Vec<(i32, Option<i32>)>), Error> {
        let draft = check_collection(fields);
        let mut errors = draft.clone().err().unwrap_or_default();
        let offered: HashSet<&str> = form
            .choices
            .iter()
            .map(|choice| choice.value.as_str())
            .collect();
        let mut respondents: Vec<(i32, Option<i32>)> = Vec::new();
        let (under, paths) = self.offices_below(form.office.id).await?;
        for value in chosen {
            if !offered.contains(value.as_str()) {
                errors.add("respondents", "error-collection-respondent");
                continue;
            }
            let (kind, id) = value.split_once(':').unwrap_or_default();
            let id: i32 = id.parse().unwrap_or_default();
            match kind {
                "unit" => respondents.push((form.office.id, Some(id))),
                "office" => respondents.push((id, None)),
                _ => respondents.extend(
                    field_offices_below(&under, &paths, id).map(|office| (office.id, None)),
                ),
            }
        }
        let mut seen = HashSet::new();
        respondents.retain(|respondent| seen.insert(*respondent));
        if respondents.is_empty() && chosen.is_empty() {
            errors.add("respondents", "error-collection-no-respondents");
        }
        match draft {
            Ok(draft) if errors.is_empty() => Ok((draft, respondents)),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// The offices below an office with their stored paths.
    pub(crate) async fn offices_below(
        &self,
        office_id: i32,
    ) -> Result<(Vec<OfficeRow>, HashMap<i32, String>), Error> {
        let under = self.db.offices_under(office_id).await?;
        let paths = self
            .db
            .office_paths(&under.iter().map(|office| office.id).collect::<Vec<_>>())
            .await?;
        Ok((under, paths))
    }

    /// A collection and its periods (opened as of today), for readers of the asking office's records or
    /// those who answer it.
    pub(crate) async fn collection_with_periods(
        &self,
        key: &str,
    ) -> Result<(CollectionRow, Vec<PeriodRow>), Error> {
        self.open_collection_periods().await?;
        let collection = self.db.collection_by_key(key).await?;
        let periods = self.db.periods_of(&[collection.id]).await?;
        Ok((collection, periods))
    }
}
