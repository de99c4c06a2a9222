//! Minutes written in the system: saving the draft (opening, each agenda item's discussion, the
//! decisions, the closing), its stages, the members' comments, and issuing it.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::meeting::minutes::MinutesStage;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{agenda_item, decision, decision_responsible, meeting, minutes_comment};
use crate::write::{NewDecision, NewDistributionEntry};
use crate::{Db, DbError, Tx};

/// A member's comment on circulated minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRow {
    pub id: i32,
    pub person_id: Option<i32>,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// What the minutes say, as written.
#[derive(Debug, Clone)]
pub struct MinutesText {
    pub opening: Bilingual,
    /// Each agenda item's discussion, in agenda order.
    pub discussions: Vec<Bilingual>,
    pub decisions: Vec<NewDecision>,
    pub closing: Bilingual,
}

/// What issuing records: the number, the day, who signs for the team, and whom the minutes go to.
#[derive(Debug, Clone)]
pub struct MinutesIssue {
    pub memo_number: MemoNumber,
    pub issued_on: NaiveDate,
    pub issuer_person_id: i32,
    pub issuer_post_id: Option<i32>,
    pub distribution: Vec<NewDistributionEntry>,
}

async fn meeting_model(tx: &Tx, id: i32) -> Result<meeting::Model, DbError> {
    meeting::Entity::find_by_id(id)
        .one(&tx.transaction)
        .await?
        .ok_or_else(|| DbError::NotFound(format!("meeting #{id}")))
}

impl Db {
    /// The comments on a meeting's minutes, oldest first.
    pub async fn minutes_comments(&self, meeting_id: i32) -> Result<Vec<CommentRow>, DbError> {
        let models = minutes_comment::Entity::find()
            .filter(minutes_comment::Column::MeetingId.eq(meeting_id))
            .order_by_asc(minutes_comment::Column::Id)
            .all(self.connection())
            .await?;
        Ok(models
            .into_iter()
            .map(|model| CommentRow {
                id: model.id,
                person_id: model.person_id,
                author: model.author,
                body: model.body,
                created_at: model.created_at,
            })
            .collect())
    }
}

impl Tx {
    /// Saves the minutes' text over what was there: the paragraphs, each agenda item's discussion,
    /// and the decisions (replaced whole: a draft's decisions have no follow-up yet). The minutes
    /// become a draft.
    pub async fn save_minutes(&self, meeting_id: i32, text: MinutesText) -> Result<(), DbError> {
        let current = meeting_model(self, meeting_id).await?;
        let (opening, closing) = (text.opening, text.closing);
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            active.opening_bn = Set(opening.bn);
            active.opening_en = Set(opening.en);
            active.closing_bn = Set(closing.bn);
            active.closing_en = Set(closing.en);
            active.minutes_stage = Set(Some(MinutesStage::Draft.code().to_owned()));
        })
        .await?;
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .order_by_asc(agenda_item::Column::Position)
            .all(&self.transaction)
            .await?;
        for (item, discussion) in items.into_iter().zip(text.discussions) {
            if item.discussion_bn == discussion.bn && item.discussion_en == discussion.en {
                continue;
            }
            self.update_audited(item, |active: &mut agenda_item::ActiveModel| {
                active.discussion_bn = Set(discussion.bn);
                active.discussion_en = Set(discussion.en);
            })
            .await?;
        }
        let decisions = decision::Entity::find()
            .filter(decision::Column::MeetingId.eq(meeting_id))
            .all(&self.transaction)
            .await?;
        for model in decisions {
            for responsible in decision_responsible::Entity::find()
                .filter(decision_responsible::Column::DecisionId.eq(model.id))
                .all(&self.transaction)
                .await?
            {
                self.delete_audited::<decision_responsible::ActiveModel>(responsible)
                    .await?;
            }
            self.delete_audited::<decision::ActiveModel>(model).await?;
        }
        for new_decision in text.decisions {
            self.insert_decision(meeting_id, new_decision).await?;
        }
        Ok(())
    }

    /// Moves the minutes to `stage`, recording the day it was circulated or approved and by whom.
    pub async fn set_minutes_stage(
        &self,
        meeting_id: i32,
        stage: MinutesStage,
        on: NaiveDate,
        by: &str,
    ) -> Result<(), DbError> {
        let current = meeting_model(self, meeting_id).await?;
        let by = by.to_owned();
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            active.minutes_stage = Set(Some(stage.code().to_owned()));
            match stage {
                MinutesStage::Circulated => active.circulated_on = Set(Some(on)),
                MinutesStage::Approved => {
                    active.approved_on = Set(Some(on));
                    active.approved_by = Set(Some(by));
                }
                MinutesStage::Draft => {
                    active.approved_on = Set(None);
                    active.approved_by = Set(None);
                }
                MinutesStage::Issued => {}
            }
        })
        .await?;
        Ok(())
    }

    /// Keeps a member's comment on the minutes.
    pub async fn add_minutes_comment(
        &self,
        meeting_id: i32,
        person_id: Option<i32>,
        body: &str,
    ) -> Result<(), DbError> {
        self.insert_audited(minutes_comment::ActiveModel {
            meeting_id: Set(meeting_id),
            person_id: Set(person_id),
            author: Set(self.author.label.clone()),
            body: Set(body.to_owned()),
            created_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        Ok(())
    }

    /// Issues the minutes: their number, day, signatory and distribution list; from now on they are
    /// fixed.
    pub async fn issue_minutes(&self, meeting_id: i32, issue: MinutesIssue) -> Result<(), DbError> {
        let current = meeting_model(self, meeting_id).await?;
        if current.issued_on.is_some() {
            return Err(DbError::Conflict(format!(
                "the minutes of meeting #{meeting_id} are already issued"
            )));
        }
        let list_id = if issue.distribution.is_empty() {
            None
        } else {
            Some(
                self.insert_distribution("minutes_distribution", issue.distribution)
                    .await?,
            )
        };
        let memo = issue.memo_number.to_string();
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            active.memo_number = Set(Some(memo));
            active.issued_on = Set(Some(issue.issued_on));
            active.issuer_person_id = Set(Some(issue.issuer_person_id));
            active.issuer_post_id = Set(issue.issuer_post_id);
            active.distribution_list_id = Set(list_id);
            active.minutes_stage = Set(Some(MinutesStage::Issued.code().to_owned()));
        })
        .await?;
        Ok(())
    }
}
