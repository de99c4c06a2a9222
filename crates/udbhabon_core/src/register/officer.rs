//! The officers an office names for RTI and grievance redress: named by those who run its team, from
//! the posts of the office and of the office above (the appellate officers are often there), and shown
//! to anyone with whoever holds each post today.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::officer::{Duty, OfficerFields, OfficerRole, check_officer};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// An officer as shown: the role, the post and whoever holds it today.
#[derive(Debug, Clone)]
pub struct OfficerView {
    pub role: OfficerRole,
    pub post: PostRow,
    pub holder: Option<HolderRow>,
}

impl App {
    /// An office's officers of every duty, for anyone: the Act and the guideline have them published.
    pub async fn officers(&self, office: &OfficeRow) -> Result<Vec<OfficerView>, Error> {
        let officers = self.db.officers(office.id).await?;
        if officers.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = officers.iter().map(|officer| officer.post_id).collect();
        let posts = self.db.posts(&ids).await?;
        let mut holders = self.db.holders_on(&ids, self.today()).await?;
        Ok(officers
            .iter()
            .filter_map(|officer| {
                Some(OfficerView {
                    role: officer.role,
                    post: posts.get(&officer.post_id)?.clone(),
                    holder: holders.remove(&officer.post_id),
                })
            })
            .collect())
    }

    /// The posts an office may name as its officers: its own and those of the office above.
    pub async fn officer_posts(
        &self,
        office: &OfficeRow,
    ) -> Result<Vec<(PostRow, Option<HolderRow>)>, Error> {
        let offices: Vec<i32> = std::iter::once(office.id).chain(office.parent_id).collect();
        self.posts_held(&offices).await
    }

    /// Names the post that holds a role of `duty` at an office, replacing the one named before.
    pub async fn set_officer(
        &self,
        who: &SignedIn,
        (office_key, duty): (&str, Duty),
        fields: &OfficerFields,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let officer = check_officer(duty, fields)?;
        let offered = self.officer_posts(&office).await?;
        if !offered.iter().any(|(post, _)| post.id == officer.post_id) {
            return Err(invalid("post", "error-officer-post"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_officer(office.id, officer).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a role of `duty` off an office.
    pub async fn remove_officer(
        &self,
        who: &SignedIn,
        (office_key, duty): (&str, Duty),
        role: &str,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let role = OfficerRole::from_code(role.trim())
            .ok()
            .filter(|role| role.duty() == duty)
            .ok_or_else(|| invalid("role", "error-required"))?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.remove_officer(office.id, role).await?;
        tx.commit().await?;
        Ok(())
    }
}
