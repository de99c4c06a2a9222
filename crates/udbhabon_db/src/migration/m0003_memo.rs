//! Memo files (নথি) with the next letter serial of each, and the register of every memo number issued.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MemoFile::Table)
                    .col(pk_auto(MemoFile::Id))
                    .col(integer(MemoFile::OfficeId))
                    .col(integer_null(MemoFile::UnitId))
                    .col(string_uniq(MemoFile::FileNumber))
                    .col(text(MemoFile::SubjectBn))
                    .col(text(MemoFile::SubjectEn))
                    .col(integer(MemoFile::NextLetter))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memo_file_office_id")
                            .from(MemoFile::Table, MemoFile::OfficeId)
                            .to(Office::Table, Office::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memo_file_unit_id")
                            .from(MemoFile::Table, MemoFile::UnitId)
                            .to(Unit::Table, Unit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MemoRegister::Table)
                    .col(pk_auto(MemoRegister::Id))
                    .col(integer(MemoRegister::MemoFileId))
                    .col(integer(MemoRegister::Letter))
                    .col(integer(MemoRegister::Endorsement).default(0))
                    .col(integer_null(MemoRegister::Copies))
                    .col(string_uniq(MemoRegister::MemoNumber))
                    .col(date(MemoRegister::IssuedOn))
                    .col(text(MemoRegister::PurposeBn))
                    .col(text(MemoRegister::PurposeEn))
                    .col(string(MemoRegister::IssuedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memo_register_memo_file_id")
                            .from(MemoRegister::Table, MemoRegister::MemoFileId)
                            .to(MemoFile::Table, MemoFile::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_memo_register_letter")
                    .table(MemoRegister::Table)
                    .col(MemoRegister::MemoFileId)
                    .col(MemoRegister::Letter)
                    .col(MemoRegister::Endorsement)
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
enum MemoFile {
    Table,
    Id,
    OfficeId,
    UnitId,
    FileNumber,
    SubjectBn,
    SubjectEn,
    NextLetter,
}

#[derive(Clone, Copy, DeriveIden)]
enum MemoRegister {
    Table,
    Id,
    MemoFileId,
    Letter,
    /// 0 for the letter itself, n for its n-th copy batch ("/n").
    Endorsement,
    Copies,
    MemoNumber,
    IssuedOn,
    PurposeBn,
    PurposeEn,
    IssuedBy,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Unit {
    Table,
    Id,
}
