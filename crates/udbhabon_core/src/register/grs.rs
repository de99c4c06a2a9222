//! An office's grievance redress page, for those who read its records: the grievance and appeal
//! officers it names, the working days each has as its published citizen's charter states them (the
//! guideline's 30 and 20 until it publishes one), the monthly GRS returns it has sent through the
//! collections (also as a table), and those it asks of the offices below.

use udbhabon_db::collection::CollectionRow;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::counts::{Counts, GRS};
use udbhabon_domain::collection::{CollectionKind, Period, SubmissionStatus};
use udbhabon_domain::portal::charter::Grievance;

use crate::account::SignedIn;
use crate::collection::latest_versions;
use crate::register::officer::OfficerView;
use crate::{App, Error};

/// How many of its latest monthly returns the page shows.
const RETURNS_SHOWN: usize = 12;

/// One monthly GRS return an office sent, as it stands.
#[derive(Debug, Clone)]
pub struct GrsReturn {
    pub collection: CollectionRow,
    pub period: Period,
    pub status: SubmissionStatus,
    pub counts: Counts,
}

/// An office's grievance redress, as its page shows it.
#[derive(Debug, Clone)]
pub struct GrsRegister {
    pub office: OfficeRow,
    pub officers: Vec<OfficerView>,
    /// The posts the reader may name as officers, for those who run the team.
    pub posts: Option<Vec<(PostRow, Option<HolderRow>)>>,
    /// The working days of the grievance and the appeal officer.
    pub limits: Grievance,
    /// Whether the office has published a charter (which then states the limits).
    pub charter_published: bool,
    /// Its latest returns, the latest first.
    pub returns: Vec<GrsReturn>,
    /// The GRS returns it asks of others.
    pub asked: Vec<CollectionRow>,
}

impl App {
    /// An office's grievance redress page, for those who read its records.
    pub async fn grs_register(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<GrsRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let charter = self
            .db
            .published_charters(office.id)
            .await?
            .into_iter()
            .next();
        let posts = if self.may(who, Action::ManageTeam, office.id).await? {
            Some(self.officer_posts(&office).await?)
        } else {
            None
        };
        let (mut returns, asked) = self.grs_returns(&office).await?;
        returns.truncate(RETURNS_SHOWN);
        Ok(GrsRegister {
            officers: self.officers(&office).await?,
            posts,
            returns,
            asked,
            charter_published: charter.is_some(),
            limits: charter.map(|row| row.content.grievance).unwrap_or_default(),
            office,
        })
    }

    /// The GRS returns an office sent (as an office, not by a unit of it), the latest first, and the
    /// GRS return collections it asks.
    async fn grs_returns(
        &self,
        office: &OfficeRow,
    ) -> Result<(Vec<GrsReturn>, Vec<CollectionRow>), Error> {
        let collections: Vec<CollectionRow> = self
            .db
            .collections()
            .await?
            .into_iter()
            .filter(|collection| collection.kind == CollectionKind::GrsReturn)
            .collect();
        let ids: Vec<i32> = collections.iter().map(|collection| collection.id).collect();
        let asked: Vec<CollectionRow> = collections
            .iter()
            .filter(|collection| collection.office_id == office.id)
            .cloned()
            .collect();
        let own: Vec<i32> = self
            .db
            .respondents_of(&ids)
            .await?
            .into_iter()
            .filter(|respondent| respondent.office_id == office.id && respondent.unit_id.is_none())
            .map(|respondent| respondent.id)
            .collect();
        let periods = self.db.periods_of(&ids).await?;
        let period_ids: Vec<i32> = periods.iter().map(|period| period.id).collect();
        if own.is_empty() {
            return Ok((Vec::new(), asked));
        }
        let submissions = self.db.submissions_of(&period_ids, &own).await?;
        let mut returns: Vec<GrsReturn> = latest_versions(&submissions)
            .into_values()
            .filter_map(|submission| {
                let period = periods
                    .iter()
                    .find(|period| period.id == submission.period_id)?;
                let collection = collections
                    .iter()
                    .find(|collection| collection.id == period.collection_id)?;
                Some(GrsReturn {
                    collection: collection.clone(),
                    period: period.period,
                    status: submission.status,
                    counts: submission.counts.clone()?,
                })
            })
            .collect();
        returns.sort_by_key(|sent| std::cmp::Reverse(sent.period.starts_on));
        Ok((returns, asked))
    }

    /// Every GRS return an office sent, as a table for those who read its records: a row per month,
    /// the latest first, with the return's collection, its status and each count.
    pub async fn export_grs(
        &self,
        who: &SignedIn,
        office_key: &str,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let (returns, _) = self.grs_returns(&office).await?;
        let mut rows: Rows = vec![
            ["collection", "month", "status"]
                .into_iter()
                .chain(GRS.names.iter().copied())
                .map(str::to_owned)
                .collect(),
        ];
        for sent in &returns {
            rows.push(
                [
                    sent.collection.key.clone(),
                    sent.period.starts_on.format("%Y-%m").to_string(),
                    sent.status.code().to_owned(),
                ]
                .into_iter()
                .chain(
                    GRS.in_order(&sent.counts)
                        .map(|(_, count)| count.to_string()),
                )
                .collect(),
            );
        }
        write_table(format, "grs", &rows).map_err(|error| Error::Internal(error.to_string()))
    }
}
