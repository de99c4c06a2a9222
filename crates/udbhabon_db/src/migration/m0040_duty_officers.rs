//! The RTI officers become the officers of every duty the team coordinates: the table is renamed, its
//! roles say their duty ("rti_designated"), and grievance redress names its officers in it too.

use sea_orm_migration::prelude::*;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .rename_table(
                Table::rename()
                    .table(RtiOfficer::Table, DutyOfficer::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE duty_officer SET role = 'rti_' || role")
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ux_rti_officer_role")
                    .table(DutyOfficer::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_duty_officer_role")
                    .table(DutyOfficer::Table)
                    .col(DutyOfficer::OfficeId)
                    .col(DutyOfficer::Role)
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
enum RtiOfficer {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum DutyOfficer {
    Table,
    OfficeId,
    Role,
}
