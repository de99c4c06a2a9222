//! The RTI register: each application an office received, numbered in its fiscal year, with its answer,
//! appeal and complaint to the Information Commission as JSON once recorded.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RtiRequest::Table)
                    .col(pk_auto(RtiRequest::Id))
                    .col(integer(RtiRequest::OfficeId))
                    .col(integer(RtiRequest::FiscalYear))
                    .col(integer(RtiRequest::Serial))
                    .col(date(RtiRequest::ReceivedOn))
                    .col(text(RtiRequest::Request))
                    .col(text_null(RtiRequest::Answer))
                    .col(text_null(RtiRequest::Appeal))
                    .col(text_null(RtiRequest::Complaint))
                    .col(string(RtiRequest::UpdatedBy))
                    .col(timestamp_with_time_zone(RtiRequest::UpdatedAt))
                    .foreign_key(&mut fk(
                        RtiRequest::Table,
                        RtiRequest::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_rti_request_serial")
                    .table(RtiRequest::Table)
                    .col(RtiRequest::OfficeId)
                    .col(RtiRequest::FiscalYear)
                    .col(RtiRequest::Serial)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum RtiRequest {
    Table,
    Id,
    OfficeId,
    FiscalYear,
    Serial,
    ReceivedOn,
    Request,
    Answer,
    Appeal,
    Complaint,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
