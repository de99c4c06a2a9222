//! Correcting a collection while nobody has answered it, and closing one at any time with the reason:
//! a closed collection opens no more periods, takes no more submissions and reminds no one.

use udbhabon_db::collection::CollectionRow;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::{CollectionFields, FieldSpecFields};
use udbhabon_domain::{ValidationErrors, Vocabulary};

use crate::account::SignedIn;
use crate::collection::{CollectionFormChoices, field_offices_below};
use crate::error::invalid;
use crate::{App, Error};

/// A collection as its form shows it for correcting or closing.
#[derive(Debug, Clone)]
pub struct CollectionCorrection {
    pub collection: CollectionRow,
    pub form: CollectionFormChoices,
    pub fields: CollectionFields,
    /// The choices ticked: the form's values for whom it asks.
    pub chosen: Vec<String>,
    /// Why it cannot be corrected now (closed, or answered), as a message key.
    pub why_not: Option<&'static str>,
    /// Whether a period has opened yet.
    pub opened: bool,
}

/// A stored collection's fields as typed in its form.
fn typed(collection: &CollectionRow) -> CollectionFields {
    let cadence = collection.cadence;
    CollectionFields {
        key: collection.key.clone(),
        kind: collection.kind.code().to_owned(),
        title_bn: collection.title.bn.clone(),
        title_en: collection.title.en.clone(),
        instructions_bn: collection.instructions.bn.clone(),
        instructions_en: collection.instructions.en.clone(),
        recurrence: cadence.recurrence.code().to_owned(),
        opens_on: cadence.opens_on.to_string(),
        due_day: if cadence.due_day > 0 {
            cadence.due_day.to_string()
        } else {
            String::new()
        },
        due_on: cadence
            .due_on
            .map(|due| due.to_string())
            .unwrap_or_default(),
        late_allowed: collection.late_allowed,
        evidence_required: collection.evidence_required,
        forward_days: collection
            .forward_days
            .map(|days| days.to_string())
            .unwrap_or_default(),
        fields: collection
            .fields
            .iter()
            .map(|field| FieldSpecFields {
                label_bn: field.label.bn.clone(),
                label_en: field.label.en.clone(),
                kind: field.kind.code().to_owned(),
                required: field.required,
            })
            .collect(),
    }
}

impl App {
    /// Why a collection cannot be corrected now (closed, or answered), as a message key; `None` when it
    /// can.
    pub async fn why_not_correctable(
        &self,
        collection: &CollectionRow,
    ) -> Result<Option<&'static str>, Error> {
        Ok(if collection.closed.is_some() {
            Some("error-collection-withdrawn")
        } else if self.db.collection_answered(collection.id).await? {
            Some("error-collection-answered")
        } else {
            None
        })
    }

    /// A collection in its form for correcting, with why it cannot be corrected when it cannot, for
    /// whoever runs the asking office's collections.
    pub async fn collection_correction(
        &self,
        who: &SignedIn,
        key: &str,
    ) -> Result<CollectionCorrection, Error> {
        let (collection, periods) = self.collection_with_periods(key).await?;
        let office = self.db.office_by_id(collection.office_id).await?;
        let form = self.collection_choices(who, &office.key).await?;
        let why_not = self.why_not_correctable(&collection).await?;
        let asked: Vec<(i32, Option<i32>)> = self
            .db
            .respondents_of(&[collection.id])
            .await?
            .into_iter()
            .map(|row| (row.office_id, row.unit_id))
            .collect();
        // "Every field office under" an office was chosen when each of them is asked.
        let (under, paths) = self.offices_below(office.id).await?;
        let mut chosen = Vec::new();
        for choice in &form.choices {
            let (kind, id) = choice.value.split_once(':').unwrap_or_default();
            let id: i32 = id.parse().unwrap_or_default();
            let ticked = match kind {
                "unit" => asked.contains(&(office.id, Some(id))),
                "office" => asked.contains(&(id, None)),
                _ => {
                    let mut field = field_offices_below(&under, &paths, id).peekable();
                    field.peek().is_some() && field.all(|below| asked.contains(&(below.id, None)))
                }
            };
            if ticked {
                chosen.push(choice.value.clone());
            }
        }
        Ok(CollectionCorrection {
            fields: typed(&collection),
            collection,
            form,
            chosen,
            why_not,
            opened: !periods.is_empty(),
        })
    }

    /// Corrects a collection nobody has answered: its fields (its key stays), whom it asks and its
    /// periods, opened again by the corrected cadence. Nothing is kept when a field is refused or when
    /// someone answered meanwhile.
    pub async fn correct_collection(
        &self,
        who: &SignedIn,
        key: &str,
        fields: &CollectionFields,
        chosen: &[String],
    ) -> Result<CollectionRow, Error> {
        let correction = self.collection_correction(who, key).await?;
        if let Some(why) = correction.why_not {
            return Err(invalid("collection", why));
        }
        let fields = CollectionFields {
            key: key.to_owned(),
            ..fields.clone()
        };
        let (draft, respondents) = self
            .checked_collection(&correction.form, &fields, chosen)
            .await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx
            .correct_collection(correction.collection.id, draft, respondents)
            .await
        {
            Ok(()) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("collection", "error-collection-answered"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        self.open_collection_periods().await?;
        Ok(self.db.collection_by_key(key).await?)
    }

    /// Whether a collection has opened a period yet (a board to show).
    pub async fn collection_opened(&self, collection_id: i32) -> Result<bool, Error> {
        Ok(!self.db.periods_of(&[collection_id]).await?.is_empty())
    }

    /// Closes a collection with the reason, for whoever runs the asking office's collections: from
    /// today it opens no period, takes no submission and reminds no one. What came in stays.
    pub async fn close_collection(
        &self,
        who: &SignedIn,
        key: &str,
        reason: &str,
    ) -> Result<(), Error> {
        let collection = self.db.collection_by_key(key).await?;
        self.require(who, Action::ManageTeam, collection.office_id)
            .await?;
        let mut errors = ValidationErrors::new();
        if collection.closed.is_some() {
            errors.add("reason", "error-collection-withdrawn");
        }
        if reason.trim().is_empty() {
            errors.add("reason", "error-decision-reason");
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx
            .close_collection(collection.id, self.today(), reason.trim())
            .await
        {
            Ok(()) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("reason", "error-collection-withdrawn"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        Ok(())
    }
}
