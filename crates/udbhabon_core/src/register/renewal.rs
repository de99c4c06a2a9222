//! The renewals of a system in the software register, kept by those who run its office's team: each
//! added with its lapse date and lead time, renewed to a later date, or taken off; and those within
//! their lead time or lapsed, for the inbox and the reminder job.

use chrono::Duration;
use udbhabon_db::register::renewal::RenewalRow;
use udbhabon_domain::register::renewal::{
    MOST_REMIND_DAYS, RenewalFields, RenewalStanding, check_renewal, check_renewed,
};
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::{t, t_args};

use crate::account::SignedIn;
use crate::{App, Error};

/// A renewal as the inbox and the reminders name it: what, and of which system.
pub(crate) fn renewal_title(row: &RenewalRow, system: &Bilingual) -> Bilingual {
    let title = |lang: Lang| {
        t_args(
            lang,
            "renewal-title",
            &[
                ("kind", t(lang, &row.renewal.kind.message_key())),
                ("subject", row.renewal.subject.clone()),
                ("system", system.get(lang).to_owned()),
            ],
        )
    };
    Bilingual::new(title(Lang::Bn), title(Lang::En))
}

impl App {
    /// Adds a renewal to a system.
    pub async fn add_renewal(
        &self,
        who: &SignedIn,
        software_id: i32,
        fields: &RenewalFields,
    ) -> Result<(), Error> {
        let system = self.managed_software(who, software_id).await?;
        let renewal = check_renewal(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_renewal((system.id, system.office_id), &renewal)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that a system's renewal was renewed, to the later date it now lapses on.
    pub async fn renew(
        &self,
        who: &SignedIn,
        (software_id, id): (i32, i32),
        expires_on: &str,
    ) -> Result<(), Error> {
        let row = self.managed_renewal(who, (software_id, id)).await?;
        let renewed = check_renewed(&row.renewal, expires_on)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.renew(id, renewed.expires_on).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a renewal off its system.
    pub async fn remove_renewal(
        &self,
        who: &SignedIn,
        (software_id, id): (i32, i32),
    ) -> Result<(), Error> {
        self.managed_renewal(who, (software_id, id)).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.remove_renewal(id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A renewal of a system whose register the reader keeps.
    async fn managed_renewal(
        &self,
        who: &SignedIn,
        (software_id, id): (i32, i32),
    ) -> Result<RenewalRow, Error> {
        self.managed_software(who, software_id).await?;
        let row = self.db.renewal(id).await?;
        if row.software_id != software_id {
            return Err(Error::NotFound(format!(
                "renewal #{id} of software #{software_id}"
            )));
        }
        Ok(row)
    }

    /// The renewals of these offices (or of every office) within their lead time, or lapsed — within
    /// `back_days`, when given — each with its title.
    pub(crate) async fn renewals_to_watch(
        &self,
        offices: Option<&[i32]>,
        back_days: Option<i64>,
    ) -> Result<Vec<(RenewalRow, Bilingual)>, Error> {
        let today = self.today();
        let span = (
            back_days.map(|days| today - Duration::days(days)),
            today + Duration::days(i64::from(MOST_REMIND_DAYS)),
        );
        let mut rows = self.db.renewals_lapsing(span, offices).await?;
        rows.retain(|row| row.renewal.standing(today) != RenewalStanding::Current);
        let ids: Vec<i32> = rows.iter().map(|row| row.software_id).collect();
        let names = self.software_names(&ids).await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let title = renewal_title(&row, names.get(&row.software_id)?);
                Some((row, title))
            })
            .collect())
    }
}
