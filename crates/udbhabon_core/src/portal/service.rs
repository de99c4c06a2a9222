//! An office's digital service list: the services its focal point or member secretary enters, with the
//! steps a citizen takes, and beside them each service the innovation database records as delivered
//! digitally (a channel and an address) that the team put on the showcase, read from its record
//! rather than typed twice.

use udbhabon_db::DbError;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::portal::service::DigitalServiceRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::{InnovationKind, InnovationStage, ServiceChannel, Tcv};
use udbhabon_domain::portal::service::{DigitalServiceFields, check_digital_service};

use udbhabon_docs::table::{TableFormat, write_table};
use udbhabon_domain::Lang;
use udbhabon_i18n::t;

use crate::account::SignedIn;
use crate::error::invalid;
use crate::portal::charter::{fee_text, time_limit_text};
use crate::{App, Error};

/// A digitized service as its innovation record tells it.
#[derive(Debug, Clone)]
pub struct RecordedService {
    pub innovation_id: i32,
    pub name: Bilingual,
    pub channel: ServiceChannel,
    pub address: String,
    pub stage: InnovationStage,
    /// Its time, cost and visits before and after.
    pub tcv: Tcv,
}

/// An office's digital service list.
#[derive(Debug, Clone)]
pub struct ServiceList {
    pub office: OfficeRow,
    pub entered: Vec<DigitalServiceRow>,
    pub recorded: Vec<RecordedService>,
    /// Whether the reader keeps the list.
    pub can_edit: bool,
}

impl App {
    /// An office's digital services, for anyone.
    pub async fn service_list(
        &self,
        who: Option<&SignedIn>,
        office_key: &str,
    ) -> Result<ServiceList, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let can_edit = match who {
            Some(who) => self.may(who, Action::SubmitForOffice, office.id).await?,
            None => false,
        };
        let recorded = self
            .db
            .innovations(Some(&[office.id]), None)
            .await?
            .into_iter()
            // Only what the team chose to show the public, in service and not an idea still.
            .filter(|row| {
                row.showcased_at.is_some()
                    && !matches!(
                        row.record.stage,
                        InnovationStage::Dropped | InnovationStage::Idea
                    )
                    && row.record.kind != InnovationKind::Idea
            })
            .filter_map(|row| {
                Some(RecordedService {
                    innovation_id: row.id,
                    name: Bilingual::new(&row.record.title, &row.record.title_en),
                    channel: row.record.channel?,
                    address: row.record.service_link.clone()?,
                    stage: row.record.stage,
                    tcv: row.record.tcv,
                })
            })
            .collect();
        Ok(ServiceList {
            entered: self.db.digital_services(office.id).await?,
            recorded,
            can_edit,
            office,
        })
    }

    /// The list as a table for the office's website, in `lang`: each service's name, channel,
    /// address, steps, time, fee and whether it is fully online; the recorded ones after.
    pub async fn service_table(
        &self,
        office_key: &str,
        lang: Lang,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let list = self.service_list(None, office_key).await?;
        let yes_no = |yes: bool| t(lang, if yes { "answer-yes" } else { "answer-no" });
        let mut rows = vec![
            [
                "digital-service-name",
                "digital-service-channel",
                "digital-service-address",
                "digital-service-steps",
                "charter-column-time",
                "charter-column-fee",
                "digital-service-fully-online",
            ]
            .map(|key| t(lang, key))
            .to_vec(),
        ];
        rows.extend(list.entered.iter().map(|row| {
            let service = &row.service;
            vec![
                service.name.get(lang).to_owned(),
                t(lang, &service.channel.message_key()),
                service.address.clone(),
                service
                    .steps
                    .iter()
                    .map(|step| step.get(lang))
                    .collect::<Vec<_>>()
                    .join("\n"),
                time_limit_text(lang, service.time_limit),
                fee_text(lang, service.fee),
                yes_no(service.fully_online),
            ]
        }));
        rows.extend(list.recorded.iter().map(|recorded| {
            vec![
                recorded.name.get(lang).to_owned(),
                t(lang, &recorded.channel.message_key()),
                recorded.address.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        }));
        write_table(format, &t(lang, "digital-service-title-short"), &rows)
            .map_err(|error| Error::Internal(error.to_string()))
    }

    /// Adds a service to an office's list; returns its id.
    pub async fn add_digital_service(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &DigitalServiceFields,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        let service = check_digital_service(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_digital_service(office.id, &service).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Corrects a service of an office's list.
    pub async fn change_digital_service(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
        fields: &DigitalServiceFields,
    ) -> Result<(), Error> {
        self.service_of_office(who, office_key, id).await?;
        let service = check_digital_service(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_digital_service(id, &service).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a service off an office's list.
    pub async fn remove_digital_service(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<(), Error> {
        self.service_of_office(who, office_key, id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.delete_digital_service(id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks that `who` keeps the office's list and that the service is on it; another office's
    /// service, or one already taken off, is a refusal the page explains.
    async fn service_of_office(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        match self.db.digital_service(id).await {
            Ok(row) if row.office_id == office.id => Ok(()),
            Ok(_) | Err(DbError::NotFound(_)) => {
                Err(invalid("service", "error-digital-service-gone"))
            }
            Err(other) => Err(other.into()),
        }
    }
}
