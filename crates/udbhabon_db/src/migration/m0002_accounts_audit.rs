//! Accounts, server-side sessions, role grants on offices, password resets, the append-only,
//! hash-chained audit trail with its head row, and a folded search key on people.

use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

/// The hash the first audit entry chains from.
pub(crate) const GENESIS_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .add_column(string(Person::SearchKey).default(""))
                    .to_owned(),
            )
            .await?;
        for index in indexes() {
            manager.create_index(index).await?;
        }
        let head = Query::insert()
            .into_table(AuditHead::Table)
            .columns([AuditHead::Id, AuditHead::LastHash])
            .values_panic([1.into(), GENESIS_HASH.into()])
            .to_owned();
        manager.exec_stmt(head).await?;
        // Entries can be added, never changed or removed: the database itself refuses. Row triggers
        // miss two statements: PostgreSQL's TRUNCATE (a statement trigger catches it) and SQLite's
        // REPLACE, which deletes the old row without firing delete triggers (an insert trigger that
        // refuses an existing id catches it).
        let statements: &[&str] = match manager.get_database_backend() {
            DbBackend::Postgres => &[
                "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;",
                "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry \
                 FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();",
                "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry \
                 FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();",
            ],
            _ => &[
                "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry \
                 BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
                "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry \
                 BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
                "CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry \
                 WHEN EXISTS (SELECT 1 FROM audit_entry WHERE id = NEW.id) \
                 BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
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
enum Account {
    Table,
    Id,
    PersonId,
    Email,
    PasswordHash,
    FailedLogins,
    LockedUntil,
    Active,
    CreatedAt,
    PasswordChangedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Session {
    Table,
    TokenHash,
    AccountId,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
    UserAgent,
    Address,
}

#[derive(Clone, Copy, DeriveIden)]
enum RoleGrant {
    Table,
    Id,
    AccountId,
    Role,
    OfficeId,
    GrantedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum PasswordReset {
    Table,
    TokenHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    At,
    AccountId,
    Actor,
    Action,
    Entity,
    EntityId,
    Before,
    After,
    PrevHash,
    Hash,
}

#[derive(Clone, Copy, DeriveIden)]
enum AuditHead {
    Table,
    Id,
    LastHash,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
    SearchKey,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

fn fk(
    from: impl IntoIden + Clone + 'static,
    column: impl IntoIden + Clone + 'static,
    to: impl IntoIden + 'static,
    to_id: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    let name = format!(
        "fk_{}_{}",
        from.clone().into_iden(),
        column.clone().into_iden()
    );
    ForeignKey::create()
        .name(name)
        .from(from, column)
        .to(to, to_id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table(Account::Table)
            .col(pk_auto(Account::Id))
            .col(integer_uniq(Account::PersonId))
            .col(string_uniq(Account::Email))
            .col(text(Account::PasswordHash))
            .col(integer(Account::FailedLogins).default(0))
            .col(timestamp_with_time_zone_null(Account::LockedUntil))
            .col(boolean(Account::Active).default(true))
            .col(timestamp_with_time_zone(Account::CreatedAt))
            .col(timestamp_with_time_zone(Account::PasswordChangedAt))
            .foreign_key(&mut fk(
                Account::Table,
                Account::PersonId,
                Person::Table,
                Person::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Session::Table)
            .col(string(Session::TokenHash).primary_key())
            .col(integer(Session::AccountId))
            .col(string(Session::CsrfToken))
            .col(timestamp_with_time_zone(Session::CreatedAt))
            .col(timestamp_with_time_zone(Session::LastSeenAt))
            .col(text_null(Session::UserAgent))
            .col(string_null(Session::Address))
            .foreign_key(&mut fk(
                Session::Table,
                Session::AccountId,
                Account::Table,
                Account::Id,
            ))
            .to_owned(),
        Table::create()
            .table(RoleGrant::Table)
            .col(pk_auto(RoleGrant::Id))
            .col(integer(RoleGrant::AccountId))
            .col(string(RoleGrant::Role))
            .col(integer(RoleGrant::OfficeId))
            .col(timestamp_with_time_zone(RoleGrant::GrantedAt))
            .foreign_key(&mut fk(
                RoleGrant::Table,
                RoleGrant::AccountId,
                Account::Table,
                Account::Id,
            ))
            .foreign_key(&mut fk(
                RoleGrant::Table,
                RoleGrant::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .to_owned(),
        Table::create()
            .table(PasswordReset::Table)
            .col(string(PasswordReset::TokenHash).primary_key())
            .col(integer(PasswordReset::AccountId))
            .col(timestamp_with_time_zone(PasswordReset::CreatedAt))
            .col(timestamp_with_time_zone(PasswordReset::ExpiresAt))
            .col(timestamp_with_time_zone_null(PasswordReset::UsedAt))
            .foreign_key(&mut fk(
                PasswordReset::Table,
                PasswordReset::AccountId,
                Account::Table,
                Account::Id,
            ))
            .to_owned(),
        Table::create()
            .table(AuditEntry::Table)
            .col(pk_auto(AuditEntry::Id))
            .col(string(AuditEntry::At))
            .col(integer_null(AuditEntry::AccountId))
            .col(text(AuditEntry::Actor))
            .col(string(AuditEntry::Action))
            .col(string(AuditEntry::Entity))
            .col(string(AuditEntry::EntityId))
            .col(text_null(AuditEntry::Before))
            .col(text_null(AuditEntry::After))
            .col(string(AuditEntry::PrevHash))
            .col(string_uniq(AuditEntry::Hash))
            .to_owned(),
        Table::create()
            .table(AuditHead::Table)
            .col(integer(AuditHead::Id).primary_key())
            .col(string(AuditHead::LastHash))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        Index::create()
            .name("ix_session_account")
            .table(Session::Table)
            .col(Session::AccountId)
            .to_owned(),
        Index::create()
            .name("ux_role_grant")
            .table(RoleGrant::Table)
            .col(RoleGrant::AccountId)
            .col(RoleGrant::Role)
            .col(RoleGrant::OfficeId)
            .unique()
            .to_owned(),
        Index::create()
            .name("ix_person_search_key")
            .table(Person::Table)
            .col(Person::SearchKey)
            .to_owned(),
        Index::create()
            .name("ix_audit_entry_record")
            .table(AuditEntry::Table)
            .col(AuditEntry::Entity)
            .col(AuditEntry::EntityId)
            .to_owned(),
    ]
}
