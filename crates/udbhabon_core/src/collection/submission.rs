//! Submissions: a respondent's page for a period with every version, the submission itself (a return's
//! counts checked, evidence checked by content, the time taken on the server and marked on time or
//! late), the asking office's acceptance or return, and the e-filing share the standing returns add up
//! to.

use chrono::NaiveDate;
use udbhabon_db::collection::{CollectionRow, NewSubmission, PeriodRow, SubmissionRow};
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::counts::{E_FILING, TypedCounts};
use udbhabon_domain::collection::{
    CollectionKind, Standing, SubmissionStatus, accepts, check_answers, standing,
};

use crate::account::{PeopleNames, SignedIn};
use crate::collection::{Respondent, closed_meanwhile, latest_versions, share_of};
use crate::error::invalid;
use crate::files::{EVIDENCE, check_uploads, record_uploads};
use crate::{App, Error};

/// One respondent's submissions for a period, for its page.
#[derive(Debug, Clone)]
pub struct SubmissionPage {
    pub collection: CollectionRow,
    pub period: PeriodRow,
    pub respondent: Respondent,
    /// Every version, oldest first.
    pub versions: Vec<SubmissionRow>,
    pub standing: Standing,
    /// Whether the reader may submit now (acts for the respondent and a submission is taken).
    pub may_submit: bool,
    /// Why a submission is not taken now, when the reader acts for the respondent.
    pub closed: Option<&'static str>,
    /// Whether the reader accepts or returns the latest version.
    pub may_review: bool,
    /// Whether the reader may see the asking office's board.
    pub reads_board: bool,
    pub names: PeopleNames,
}

/// A submission as typed: the counts (for a return), a note and the files.
#[derive(Debug, Clone, Default)]
pub struct SubmissionForm {
    pub counts: TypedCounts,
    /// The answers to the collection's own fields, by field key.
    pub answers: Vec<(String, String)>,
    pub note: String,
    pub files: Vec<(String, Vec<u8>)>,
}

impl App {
    /// One respondent's submissions for a period, for the asking office's readers and for those who
    /// submit for the respondent.
    pub async fn submission_page(
        &self,
        who: &SignedIn,
        key: &str,
        starts_on: NaiveDate,
        respondent_id: i32,
    ) -> Result<SubmissionPage, Error> {
        let (collection, periods) = self.collection_with_periods(key).await?;
        let period = periods
            .into_iter()
            .find(|period| period.period.starts_on == starts_on)
            .ok_or_else(|| Error::NotFound(format!("the period from {starts_on} of {key}")))?;
        let respondent = self
            .respondents(&[collection.id])
            .await?
            .into_iter()
            .find(|respondent| respondent.row.id == respondent_id)
            .ok_or_else(|| Error::NotFound(format!("respondent #{respondent_id} of {key}")))?;
        let units_held = self.units_held(who).await?;
        let acts = self.acts_for(who, &respondent.row, &units_held).await?;
        let may_review = self.reviews(who, &collection, &respondent).await?;
        let reads = self
            .may(who, Action::ViewOfficeRecords, collection.office_id)
            .await?;
        if !acts && !reads && !may_review {
            return Err(Error::Forbidden);
        }
        let versions: Vec<SubmissionRow> = self
            .db
            .submissions_in(&[period.id])
            .await?
            .into_iter()
            .filter(|submission| submission.respondent_id == respondent_id)
            .collect();
        let latest = versions.last().map(SubmissionRow::latest);
        let today = self.today();
        let taken = if collection.closed.is_some() {
            Err("error-collection-withdrawn")
        } else {
            accepts(latest, period.period.due_on, today, collection.late_allowed)
        };
        let labels: Vec<&str> = versions
            .iter()
            .flat_map(|version| {
                std::iter::once(version.by.as_str())
                    .chain(version.review.as_ref().map(|(by, _, _)| by.as_str()))
            })
            .collect();
        Ok(SubmissionPage {
            names: self.names_of(&labels).await?,
            standing: standing(latest, period.period.due_on, today),
            may_submit: acts && taken.is_ok(),
            reads_board: reads,
            closed: acts.then_some(taken.err()).flatten(),
            may_review: may_review
                && versions
                    .last()
                    .is_some_and(|version| version.status == SubmissionStatus::Submitted),
            collection,
            period,
            respondent,
            versions,
        })
    }

    /// Submits for a respondent: the counts checked (for a return), the evidence checked by
    /// content, the time taken on the server and marked on time or late; nothing is kept when any of
    /// it is refused.
    pub async fn submit_to_collection(
        &self,
        who: &SignedIn,
        key: &str,
        starts_on: NaiveDate,
        respondent_id: i32,
        form: SubmissionForm,
    ) -> Result<SubmissionPage, Error> {
        let page = self
            .submission_page(who, key, starts_on, respondent_id)
            .await?;
        // The page already decided whether the reader acts for the respondent: it may submit, or is told
        // why a submission is not taken now.
        if !page.may_submit && page.closed.is_none() {
            return Err(Error::Forbidden);
        }
        let mut errors = ValidationErrors::new();
        if let Some(reason) = page.closed {
            errors.add("submission", reason);
        }
        let counts = match page.collection.kind.counts() {
            Some(asked) => match asked.check(&form.counts) {
                Ok(counts) => Some(counts),
                Err(problems) => {
                    errors.errors.extend(problems.errors);
                    None
                }
            },
            None => {
                // A report's text is its note, unless the collection asks its own fields.
                if form.note.trim().is_empty() && page.collection.fields.is_empty() {
                    errors.add("note", "error-submission-note");
                }
                None
            }
        };
        let answers =
            check_answers(&page.collection.fields, &form.answers).unwrap_or_else(|problems| {
                errors.errors.extend(problems.errors);
                Vec::new()
            });
        let uploads = check_uploads(EVIDENCE, form.files, "files", &mut errors);
        if page.collection.evidence_required && uploads.is_empty() && errors.is_empty() {
            errors.add("files", "error-submission-evidence");
        }
        errors.into_result(())?;
        let stored = self.files.keep(uploads).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        closed_meanwhile(tx.refuse_if_closed(page.collection.id).await, "submission")?;
        let latest = tx
            .latest_submission_locked(page.period.id, respondent_id)
            .await?;
        let late = accepts(
            latest.map(|(_, latest)| latest),
            page.period.period.due_on,
            self.today(),
            page.collection.late_allowed,
        )
        .map_err(|reason| invalid("submission", reason))?;
        let file_ids = record_uploads(&tx, &stored).await?;
        tx.insert_submission(
            NewSubmission {
                period_id: page.period.id,
                respondent_id,
                counts,
                answers,
                note: form.note.trim().to_owned(),
                late,
            },
            latest.map_or(1, |(version, _)| version + 1),
            &file_ids,
        )
        .await?;
        tx.commit().await?;
        self.submission_page(who, key, starts_on, respondent_id)
            .await
    }

    /// The asking office accepts the latest submission, or returns it with a comment (required).
    pub async fn review_collection_submission(
        &self,
        who: &SignedIn,
        key: &str,
        starts_on: NaiveDate,
        respondent_id: i32,
        accept: bool,
        comment: &str,
    ) -> Result<SubmissionPage, Error> {
        let page = self
            .submission_page(who, key, starts_on, respondent_id)
            .await?;
        if !self
            .reviews(who, &page.collection, &page.respondent)
            .await?
        {
            return Err(Error::Forbidden);
        }
        let Some(latest) = page.versions.last().filter(|_| page.may_review) else {
            return Err(invalid("review", "error-submission-nothing-to-review"));
        };
        if !accept && comment.trim().is_empty() {
            return Err(invalid("comment", "error-submission-return-comment"));
        }
        let status = if accept {
            SubmissionStatus::Accepted
        } else {
            SubmissionStatus::Returned
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx
            .review_submission(latest.id, status, comment.trim())
            .await
        {
            Ok(()) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("review", "error-submission-reviewed"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        self.submission_page(who, key, starts_on, respondent_id)
            .await
    }

    /// An evidence file of a respondent's submissions, for those who may see the submission.
    pub async fn submission_evidence(
        &self,
        who: &SignedIn,
        key: &str,
        starts_on: NaiveDate,
        respondent_id: i32,
        file_id: i32,
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let page = self
            .submission_page(who, key, starts_on, respondent_id)
            .await?;
        let file = page
            .versions
            .iter()
            .flat_map(|version| &version.evidence)
            .find(|file| file.id == file_id)
            .cloned()
            .ok_or_else(|| Error::NotFound(format!("evidence #{file_id} of {key}")))?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }

    /// The e-filing share of an office's returns for the periods that start between two days (and
    /// have been submitted by `as_of`), with how many returns it rests on; `None` without any.
    pub(crate) async fn e_filing_figure(
        &self,
        office_id: i32,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Option<(f64, usize)>, Error> {
        let collections: Vec<i32> = self
            .db
            .collections()
            .await?
            .into_iter()
            .filter(|collection| {
                collection.office_id == office_id
                    && collection.kind == CollectionKind::EFilingReturn
            })
            .map(|collection| collection.id)
            .collect();
        if collections.is_empty() {
            return Ok(None);
        }
        let periods: Vec<i32> = self
            .db
            .periods_of(&collections)
            .await?
            .into_iter()
            .filter(|period| (from..=to).contains(&period.period.starts_on))
            .map(|period| period.id)
            .collect();
        let submissions = self.db.submissions_in(&periods).await?;
        let latest = latest_versions(&submissions);
        let standing: Vec<&SubmissionRow> = latest
            .values()
            .copied()
            .filter(|submission| submission.status != SubmissionStatus::Returned)
            .collect();
        Ok(share_of(&E_FILING, standing.iter().copied()).map(|share| (share, standing.len())))
    }
}
