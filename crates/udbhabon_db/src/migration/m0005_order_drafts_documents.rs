//! Drafts of office orders being composed, and issued documents: the bytes and SHA-256 of every
//! document as issued, which the database refuses to change or remove.

use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TeamOrderDraft::Table)
                    .col(pk_auto(TeamOrderDraft::Id))
                    .col(integer(TeamOrderDraft::TeamId))
                    .col(text(TeamOrderDraft::Content))
                    .col(integer(TeamOrderDraft::Version))
                    .col(string(TeamOrderDraft::UpdatedBy))
                    .col(timestamp_with_time_zone(TeamOrderDraft::UpdatedAt))
                    .col(integer_null(TeamOrderDraft::IssuedOrderId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_team_order_draft_team_id")
                            .from(TeamOrderDraft::Table, TeamOrderDraft::TeamId)
                            .to(Team::Table, Team::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_team_order_draft_issued_order_id")
                            .from(TeamOrderDraft::Table, TeamOrderDraft::IssuedOrderId)
                            .to(TeamOrder::Table, TeamOrder::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IssuedDocument::Table)
                    .col(pk_auto(IssuedDocument::Id))
                    .col(string(IssuedDocument::Kind))
                    .col(integer(IssuedDocument::RecordId))
                    .col(string(IssuedDocument::Lang))
                    .col(string(IssuedDocument::MediaType))
                    .col(string(IssuedDocument::Sha256))
                    .col(integer(IssuedDocument::Size))
                    .col(blob(IssuedDocument::Bytes))
                    .col(timestamp_with_time_zone(IssuedDocument::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_issued_document_record")
                    .table(IssuedDocument::Table)
                    .col(IssuedDocument::Kind)
                    .col(IssuedDocument::RecordId)
                    .col(IssuedDocument::Lang)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // An issued document is what was sent out: the database refuses to change or remove it, as it
        // does for the audit trail (see m0002 for the statements row triggers miss).
        let statements: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "CREATE FUNCTION issued_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN RAISE EXCEPTION 'issued documents cannot be changed'; END $$;",
                "CREATE TRIGGER issued_document_immutable BEFORE UPDATE OR DELETE ON issued_document \
                 FOR EACH ROW EXECUTE FUNCTION issued_document_immutable();",
                "CREATE TRIGGER issued_document_no_truncate BEFORE TRUNCATE ON issued_document \
                 FOR EACH STATEMENT EXECUTE FUNCTION issued_document_immutable();",
            ],
            _ => &[
                "CREATE TRIGGER issued_document_no_update BEFORE UPDATE ON issued_document \
                 BEGIN SELECT RAISE(ABORT, 'issued documents cannot be changed'); END;",
                "CREATE TRIGGER issued_document_no_delete BEFORE DELETE ON issued_document \
                 BEGIN SELECT RAISE(ABORT, 'issued documents cannot be changed'); END;",
                "CREATE TRIGGER issued_document_no_replace BEFORE INSERT ON issued_document \
                 WHEN EXISTS (SELECT 1 FROM issued_document WHERE id = NEW.id \
                 OR (kind = NEW.kind AND record_id = NEW.record_id AND lang = NEW.lang)) \
                 BEGIN SELECT RAISE(ABORT, 'issued documents cannot be changed'); END;",
            ],
        };
        let connection = manager.get_connection();
        for statement in statements {
            connection.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum TeamOrderDraft {
    Table,
    Id,
    TeamId,
    /// The draft as JSON (`udbhabon_domain::team::order::OrderDraft`): a working paper, not a record.
    Content,
    /// Counts saves, so that a second person saving an older copy is told instead of overwriting.
    Version,
    UpdatedBy,
    UpdatedAt,
    IssuedOrderId,
}

#[derive(Clone, Copy, DeriveIden)]
enum IssuedDocument {
    Table,
    Id,
    /// What the document is ("team_order", later "minutes", "report"), with the record's id.
    Kind,
    RecordId,
    Lang,
    MediaType,
    Sha256,
    Size,
    Bytes,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Team {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum TeamOrder {
    Table,
    Id,
}
