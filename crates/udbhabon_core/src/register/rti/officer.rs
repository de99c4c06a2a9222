//! An office's RTI officers: named by those who keep its register, from the posts of the office and of
//! the office above (the appellate authority is often there), and shown to anyone with whoever holds
//! each post today.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::rti::officer::{RtiOfficerFields, RtiOfficerRole, check_officer};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// An RTI officer as shown: the role, the post and whoever holds it today.
#[derive(Debug, Clone)]
pub struct RtiOfficerView {
    pub role: RtiOfficerRole,
    pub post: PostRow,
    pub holder: Option<HolderRow>,
}

impl App {
    /// An office's RTI officers, for anyone: the Act has them published.
    pub async fn rti_officers(&self, office: &OfficeRow) -> Result<Vec<RtiOfficerView>, Error> {
        let officers = self.db.rti_officers(office.id).await?;
        if officers.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = officers.iter().map(|officer| officer.post_id).collect();
        let posts = self.db.posts(&ids).await?;
        let mut holders = self.db.holders_on(&ids, self.today()).await?;
        Ok(officers
            .iter()
            .filter_map(|officer| {
                Some(RtiOfficerView {
                    role: officer.role,
                    post: posts.get(&officer.post_id)?.clone(),
                    holder: holders.remove(&officer.post_id),
                })
            })
            .collect())
    }

    /// The posts an office may name as its RTI officers: its own and those of the office above.
    pub async fn rti_officer_posts(
        &self,
        office: &OfficeRow,
    ) -> Result<Vec<(PostRow, Option<HolderRow>)>, Error> {
        let offices: Vec<i32> = std::iter::once(office.id).chain(office.parent_id).collect();
        self.posts_held(&offices).await
    }

    /// Names the post that holds a role at an office, replacing the one named before.
    pub async fn set_rti_officer(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &RtiOfficerFields,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let officer = check_officer(fields)?;
        let offered = self.rti_officer_posts(&office).await?;
        if !offered.iter().any(|(post, _)| post.id == officer.post_id) {
            return Err(invalid("post", "error-rti-officer-post"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_rti_officer(office.id, officer).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a role off an office.
    pub async fn remove_rti_officer(
        &self,
        who: &SignedIn,
        office_key: &str,
        role: &str,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let role = RtiOfficerRole::from_code(role.trim())
            .map_err(|_| invalid("role", "error-required"))?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.remove_rti_officer(office.id, role).await?;
        tx.commit().await?;
        Ok(())
    }
}
