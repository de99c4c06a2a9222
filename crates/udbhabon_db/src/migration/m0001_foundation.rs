//! The foundation schema: offices and units, designations, people and postings, innovation teams with
//! their office orders, distribution lists, and meetings with attendance and decisions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    /// Run in a transaction on SQLite too, so a failed start leaves no half-made schema.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Setting {
    Table,
    Key,
    Value,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
    Key,
    ParentId,
    Kind,
    NameBn,
    NameEn,
    ShortNameEn,
    MemoCode,
    Website,
    Path,
    Position,
}

#[derive(Clone, Copy, DeriveIden)]
enum Unit {
    Table,
    Id,
    Key,
    OfficeId,
    ParentId,
    Level,
    NameBn,
    NameEn,
    MemoCode,
    Position,
}

#[derive(Clone, Copy, DeriveIden)]
enum Designation {
    Table,
    Id,
    Key,
    NameBn,
    NameEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Post {
    Table,
    Id,
    Key,
    OfficeId,
    UnitId,
    DesignationId,
    LabelBn,
    LabelEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
    Key,
    NameBn,
    NameEn,
    Email,
    Phone,
}

#[derive(Clone, Copy, DeriveIden)]
enum Posting {
    Table,
    Id,
    PersonId,
    PostId,
    Charge,
    HeldFrom,
    HeldUntil,
}

#[derive(Clone, Copy, DeriveIden)]
enum Team {
    Table,
    Id,
    Key,
    OfficeId,
    NameBn,
    NameEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum DistributionList {
    Table,
    Id,
    Purpose,
}

#[derive(Clone, Copy, DeriveIden)]
enum DistributionEntry {
    Table,
    Id,
    ListId,
    Position,
    TextBn,
    TextEn,
    OfficeId,
    PostId,
    AttentionBn,
    AttentionEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum TeamOrder {
    Table,
    Id,
    TeamId,
    IssuingUnitId,
    MemoNumber,
    IssuedOn,
    EffectiveFrom,
    CitesMemo,
    CitesDate,
    PreambleBn,
    PreambleEn,
    TermsHeadingBn,
    TermsHeadingEn,
    ClosingBn,
    ClosingEn,
    SignatoryPersonId,
    SignatoryPostId,
    SignedOn,
    Endorsement,
    CopiesIntroBn,
    CopiesIntroEn,
    CopiesListId,
}

#[derive(Clone, Copy, DeriveIden)]
enum TeamOrderMember {
    Table,
    Id,
    OrderId,
    Position,
    PostId,
    Role,
}

#[derive(Clone, Copy, DeriveIden)]
enum TeamOrderTerm {
    Table,
    Id,
    OrderId,
    Position,
    TextBn,
    TextEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    Id,
    Key,
    OfficeId,
    TeamId,
    Kind,
    PlanFiscalYear,
    Sequence,
    TitleBn,
    TitleEn,
    HeldOn,
    StartsAt,
    PlaceBn,
    PlaceEn,
    ChairPersonId,
    ChairDesignationId,
    MemberSecretaryPersonId,
    MemberSecretaryPostId,
    OpeningBn,
    OpeningEn,
    ClosingBn,
    ClosingEn,
    MemoNumber,
    IssuedOn,
    IssuerPersonId,
    IssuerPostId,
    DistributionListId,
}

#[derive(Clone, Copy, DeriveIden)]
enum MeetingAttendance {
    Table,
    Id,
    MeetingId,
    PersonId,
    Present,
}

#[derive(Clone, Copy, DeriveIden)]
enum Decision {
    Table,
    Id,
    MeetingId,
    Paragraph,
    Item,
    TextBn,
    TextEn,
    DeadlineOn,
    Recurrence,
    DayOfMonth,
}

#[derive(Clone, Copy, DeriveIden)]
enum DecisionResponsible {
    Table,
    Id,
    DecisionId,
    Position,
    Kind,
    TeamId,
    UnitId,
    OfficeId,
    LabelBn,
    LabelEn,
}

/// A foreign key named after its table and column, so backend error messages say which link failed.
pub(super) fn fk(
    from: impl IntoIden + Clone + 'static,
    column: impl IntoIden + Clone + 'static,
    to: impl IntoIden + Clone + 'static,
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
        .to_owned()
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table(Setting::Table)
            .col(string(Setting::Key).primary_key())
            .col(text(Setting::Value))
            .to_owned(),
        Table::create()
            .table(Office::Table)
            .col(pk_auto(Office::Id))
            .col(string_uniq(Office::Key))
            .col(integer_null(Office::ParentId))
            .col(string(Office::Kind))
            .col(text(Office::NameBn))
            .col(text(Office::NameEn))
            .col(string_null(Office::ShortNameEn))
            .col(string_null(Office::MemoCode))
            .col(string_null(Office::Website))
            .col(string(Office::Path))
            .col(integer(Office::Position))
            .foreign_key(&mut fk(
                Office::Table,
                Office::ParentId,
                Office::Table,
                Office::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Unit::Table)
            .col(pk_auto(Unit::Id))
            .col(string_uniq(Unit::Key))
            .col(integer(Unit::OfficeId))
            .col(integer_null(Unit::ParentId))
            .col(string(Unit::Level))
            .col(text(Unit::NameBn))
            .col(text(Unit::NameEn))
            .col(string_null(Unit::MemoCode))
            .col(integer(Unit::Position))
            .foreign_key(&mut fk(
                Unit::Table,
                Unit::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .foreign_key(&mut fk(Unit::Table, Unit::ParentId, Unit::Table, Unit::Id))
            .to_owned(),
        Table::create()
            .table(Designation::Table)
            .col(pk_auto(Designation::Id))
            .col(string_uniq(Designation::Key))
            .col(text(Designation::NameBn))
            .col(text(Designation::NameEn))
            .to_owned(),
        Table::create()
            .table(Post::Table)
            .col(pk_auto(Post::Id))
            .col(string_uniq(Post::Key))
            .col(integer(Post::OfficeId))
            .col(integer_null(Post::UnitId))
            .col(integer(Post::DesignationId))
            .col(text_null(Post::LabelBn))
            .col(text_null(Post::LabelEn))
            .foreign_key(&mut fk(
                Post::Table,
                Post::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .foreign_key(&mut fk(Post::Table, Post::UnitId, Unit::Table, Unit::Id))
            .foreign_key(&mut fk(
                Post::Table,
                Post::DesignationId,
                Designation::Table,
                Designation::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Person::Table)
            .col(pk_auto(Person::Id))
            .col(string_null(Person::Key).unique_key())
            .col(text(Person::NameBn))
            .col(text(Person::NameEn))
            .col(string_null(Person::Email))
            .col(string_null(Person::Phone))
            .to_owned(),
        Table::create()
            .table(Posting::Table)
            .col(pk_auto(Posting::Id))
            .col(integer(Posting::PersonId))
            .col(integer(Posting::PostId))
            .col(string(Posting::Charge))
            .col(date(Posting::HeldFrom))
            .col(date_null(Posting::HeldUntil))
            .foreign_key(&mut fk(
                Posting::Table,
                Posting::PersonId,
                Person::Table,
                Person::Id,
            ))
            .foreign_key(&mut fk(
                Posting::Table,
                Posting::PostId,
                Post::Table,
                Post::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Team::Table)
            .col(pk_auto(Team::Id))
            .col(string_uniq(Team::Key))
            .col(integer(Team::OfficeId))
            .col(text(Team::NameBn))
            .col(text(Team::NameEn))
            .foreign_key(&mut fk(
                Team::Table,
                Team::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .to_owned(),
        Table::create()
            .table(DistributionList::Table)
            .col(pk_auto(DistributionList::Id))
            .col(string(DistributionList::Purpose))
            .to_owned(),
        Table::create()
            .table(DistributionEntry::Table)
            .col(pk_auto(DistributionEntry::Id))
            .col(integer(DistributionEntry::ListId))
            .col(integer(DistributionEntry::Position))
            .col(text(DistributionEntry::TextBn))
            .col(text(DistributionEntry::TextEn))
            .col(integer_null(DistributionEntry::OfficeId))
            .col(integer_null(DistributionEntry::PostId))
            .col(text_null(DistributionEntry::AttentionBn))
            .col(text_null(DistributionEntry::AttentionEn))
            .foreign_key(&mut fk(
                DistributionEntry::Table,
                DistributionEntry::ListId,
                DistributionList::Table,
                DistributionList::Id,
            ))
            .foreign_key(&mut fk(
                DistributionEntry::Table,
                DistributionEntry::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .foreign_key(&mut fk(
                DistributionEntry::Table,
                DistributionEntry::PostId,
                Post::Table,
                Post::Id,
            ))
            .to_owned(),
        Table::create()
            .table(TeamOrder::Table)
            .col(pk_auto(TeamOrder::Id))
            .col(integer(TeamOrder::TeamId))
            .col(integer_null(TeamOrder::IssuingUnitId))
            .col(string_uniq(TeamOrder::MemoNumber))
            .col(date(TeamOrder::IssuedOn))
            .col(date(TeamOrder::EffectiveFrom))
            .col(string_null(TeamOrder::CitesMemo))
            .col(date_null(TeamOrder::CitesDate))
            .col(text(TeamOrder::PreambleBn))
            .col(text(TeamOrder::PreambleEn))
            .col(text(TeamOrder::TermsHeadingBn))
            .col(text(TeamOrder::TermsHeadingEn))
            .col(text(TeamOrder::ClosingBn))
            .col(text(TeamOrder::ClosingEn))
            .col(integer(TeamOrder::SignatoryPersonId))
            .col(integer(TeamOrder::SignatoryPostId))
            .col(date(TeamOrder::SignedOn))
            .col(integer(TeamOrder::Endorsement))
            .col(text(TeamOrder::CopiesIntroBn))
            .col(text(TeamOrder::CopiesIntroEn))
            .col(integer(TeamOrder::CopiesListId))
            .foreign_key(&mut fk(
                TeamOrder::Table,
                TeamOrder::TeamId,
                Team::Table,
                Team::Id,
            ))
            .foreign_key(&mut fk(
                TeamOrder::Table,
                TeamOrder::IssuingUnitId,
                Unit::Table,
                Unit::Id,
            ))
            .foreign_key(&mut fk(
                TeamOrder::Table,
                TeamOrder::SignatoryPersonId,
                Person::Table,
                Person::Id,
            ))
            .foreign_key(&mut fk(
                TeamOrder::Table,
                TeamOrder::SignatoryPostId,
                Post::Table,
                Post::Id,
            ))
            .foreign_key(&mut fk(
                TeamOrder::Table,
                TeamOrder::CopiesListId,
                DistributionList::Table,
                DistributionList::Id,
            ))
            .to_owned(),
        Table::create()
            .table(TeamOrderMember::Table)
            .col(pk_auto(TeamOrderMember::Id))
            .col(integer(TeamOrderMember::OrderId))
            .col(integer(TeamOrderMember::Position))
            .col(integer(TeamOrderMember::PostId))
            .col(string(TeamOrderMember::Role))
            .foreign_key(&mut fk(
                TeamOrderMember::Table,
                TeamOrderMember::OrderId,
                TeamOrder::Table,
                TeamOrder::Id,
            ))
            .foreign_key(&mut fk(
                TeamOrderMember::Table,
                TeamOrderMember::PostId,
                Post::Table,
                Post::Id,
            ))
            .to_owned(),
        Table::create()
            .table(TeamOrderTerm::Table)
            .col(pk_auto(TeamOrderTerm::Id))
            .col(integer(TeamOrderTerm::OrderId))
            .col(integer(TeamOrderTerm::Position))
            .col(text(TeamOrderTerm::TextBn))
            .col(text(TeamOrderTerm::TextEn))
            .foreign_key(&mut fk(
                TeamOrderTerm::Table,
                TeamOrderTerm::OrderId,
                TeamOrder::Table,
                TeamOrder::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Meeting::Table)
            .col(pk_auto(Meeting::Id))
            .col(string_uniq(Meeting::Key))
            .col(integer(Meeting::OfficeId))
            .col(integer_null(Meeting::TeamId))
            .col(string(Meeting::Kind))
            .col(integer_null(Meeting::PlanFiscalYear))
            .col(integer_null(Meeting::Sequence))
            .col(text(Meeting::TitleBn))
            .col(text(Meeting::TitleEn))
            .col(date(Meeting::HeldOn))
            .col(time_null(Meeting::StartsAt))
            .col(text(Meeting::PlaceBn))
            .col(text(Meeting::PlaceEn))
            .col(integer_null(Meeting::ChairPersonId))
            .col(integer_null(Meeting::ChairDesignationId))
            .col(integer_null(Meeting::MemberSecretaryPersonId))
            .col(integer_null(Meeting::MemberSecretaryPostId))
            .col(text(Meeting::OpeningBn))
            .col(text(Meeting::OpeningEn))
            .col(text(Meeting::ClosingBn))
            .col(text(Meeting::ClosingEn))
            .col(string_null(Meeting::MemoNumber).unique_key())
            .col(date_null(Meeting::IssuedOn))
            .col(integer_null(Meeting::IssuerPersonId))
            .col(integer_null(Meeting::IssuerPostId))
            .col(integer_null(Meeting::DistributionListId))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::TeamId,
                Team::Table,
                Team::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::ChairPersonId,
                Person::Table,
                Person::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::ChairDesignationId,
                Designation::Table,
                Designation::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::MemberSecretaryPersonId,
                Person::Table,
                Person::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::MemberSecretaryPostId,
                Post::Table,
                Post::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::IssuerPersonId,
                Person::Table,
                Person::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::IssuerPostId,
                Post::Table,
                Post::Id,
            ))
            .foreign_key(&mut fk(
                Meeting::Table,
                Meeting::DistributionListId,
                DistributionList::Table,
                DistributionList::Id,
            ))
            .to_owned(),
        Table::create()
            .table(MeetingAttendance::Table)
            .col(pk_auto(MeetingAttendance::Id))
            .col(integer(MeetingAttendance::MeetingId))
            .col(integer(MeetingAttendance::PersonId))
            .col(boolean(MeetingAttendance::Present))
            .foreign_key(&mut fk(
                MeetingAttendance::Table,
                MeetingAttendance::MeetingId,
                Meeting::Table,
                Meeting::Id,
            ))
            .foreign_key(&mut fk(
                MeetingAttendance::Table,
                MeetingAttendance::PersonId,
                Person::Table,
                Person::Id,
            ))
            .to_owned(),
        Table::create()
            .table(Decision::Table)
            .col(pk_auto(Decision::Id))
            .col(integer(Decision::MeetingId))
            .col(integer(Decision::Paragraph))
            .col(integer(Decision::Item))
            .col(text(Decision::TextBn))
            .col(text(Decision::TextEn))
            .col(date_null(Decision::DeadlineOn))
            .col(string_null(Decision::Recurrence))
            .col(integer_null(Decision::DayOfMonth))
            .foreign_key(&mut fk(
                Decision::Table,
                Decision::MeetingId,
                Meeting::Table,
                Meeting::Id,
            ))
            .to_owned(),
        Table::create()
            .table(DecisionResponsible::Table)
            .col(pk_auto(DecisionResponsible::Id))
            .col(integer(DecisionResponsible::DecisionId))
            .col(integer(DecisionResponsible::Position))
            .col(string(DecisionResponsible::Kind))
            .col(integer_null(DecisionResponsible::TeamId))
            .col(integer_null(DecisionResponsible::UnitId))
            .col(integer_null(DecisionResponsible::OfficeId))
            .col(text(DecisionResponsible::LabelBn))
            .col(text(DecisionResponsible::LabelEn))
            .foreign_key(&mut fk(
                DecisionResponsible::Table,
                DecisionResponsible::DecisionId,
                Decision::Table,
                Decision::Id,
            ))
            .foreign_key(&mut fk(
                DecisionResponsible::Table,
                DecisionResponsible::TeamId,
                Team::Table,
                Team::Id,
            ))
            .foreign_key(&mut fk(
                DecisionResponsible::Table,
                DecisionResponsible::UnitId,
                Unit::Table,
                Unit::Id,
            ))
            .foreign_key(&mut fk(
                DecisionResponsible::Table,
                DecisionResponsible::OfficeId,
                Office::Table,
                Office::Id,
            ))
            .to_owned(),
    ]
}

fn indexes() -> Vec<IndexCreateStatement> {
    let index = |name: &str, table: DynIden, columns: Vec<DynIden>| {
        let mut statement = Index::create().name(name).table(table).to_owned();
        for column in columns {
            statement.col(column);
        }
        statement
    };
    vec![
        index(
            "ix_office_parent",
            Office::Table.into_iden(),
            vec![Office::ParentId.into_iden()],
        ),
        index(
            "ix_office_path",
            Office::Table.into_iden(),
            vec![Office::Path.into_iden()],
        ),
        index(
            "ix_unit_office",
            Unit::Table.into_iden(),
            vec![Unit::OfficeId.into_iden()],
        ),
        index(
            "ix_post_office",
            Post::Table.into_iden(),
            vec![Post::OfficeId.into_iden()],
        ),
        index(
            "ix_posting_post_from",
            Posting::Table.into_iden(),
            vec![Posting::PostId.into_iden(), Posting::HeldFrom.into_iden()],
        ),
        index(
            "ix_posting_person",
            Posting::Table.into_iden(),
            vec![Posting::PersonId.into_iden()],
        ),
        index(
            "ix_team_office",
            Team::Table.into_iden(),
            vec![Team::OfficeId.into_iden()],
        ),
        index(
            "ix_team_order_team_effective",
            TeamOrder::Table.into_iden(),
            vec![
                TeamOrder::TeamId.into_iden(),
                TeamOrder::EffectiveFrom.into_iden(),
            ],
        ),
        index(
            "ix_team_order_member_order",
            TeamOrderMember::Table.into_iden(),
            vec![TeamOrderMember::OrderId.into_iden()],
        ),
        index(
            "ix_team_order_term_order",
            TeamOrderTerm::Table.into_iden(),
            vec![TeamOrderTerm::OrderId.into_iden()],
        ),
        index(
            "ix_distribution_entry_list",
            DistributionEntry::Table.into_iden(),
            vec![DistributionEntry::ListId.into_iden()],
        ),
        index(
            "ix_meeting_office_held",
            Meeting::Table.into_iden(),
            vec![Meeting::OfficeId.into_iden(), Meeting::HeldOn.into_iden()],
        ),
        index(
            "ix_meeting_attendance_meeting",
            MeetingAttendance::Table.into_iden(),
            vec![MeetingAttendance::MeetingId.into_iden()],
        ),
        index(
            "ix_decision_meeting",
            Decision::Table.into_iden(),
            vec![Decision::MeetingId.into_iden()],
        ),
        index(
            "ix_decision_responsible_decision",
            DecisionResponsible::Table.into_iden(),
            vec![DecisionResponsible::DecisionId.into_iden()],
        ),
    ]
}
