//! Maslikhat deputies' inquiries: `inquiries` (drafted by a deputy or the deputy's staff, sent
//! by the deputy; a sent inquiry is a case of kind `inquiry` addressed to an akimat or one of
//! its departments; `follows_id` links a follow-up or a referral to the inquiry it continues),
//! `inquiry_cosigners` (deputies who join a joint inquiry), `inquiry_steps` (what the deputy did
//! after the answer: a site visit, a hearing at a session, a referral to the prosecutor's
//! office), `petition_adoptions` (a deputy takes a petition up) and `deputy_profiles` (the
//! electoral district and topics on a deputy's page). The public timeline gains the events of
//! this lifecycle: its check on `kind` is rebuilt (PostgreSQL alters the constraint; SQLite,
//! which cannot, copies the table).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Inquiries {
    Table,
    Id,
    MaslikhatId,
    DeputyId,
    PreparedById,
    SentById,
    BodyId,
    Topic,
    TerritoryId,
    Title,
    Text,
    PrivateNote,
    PetitionId,
    FollowsId,
    Link,
    State,
    Assessment,
    Outcome,
    OutcomeNote,
    CreatedAt,
    UpdatedAt,
    SentAt,
    SentOn,
    ClosedAt,
}

#[derive(DeriveIden)]
enum InquiryCosigners {
    Table,
    InquiryId,
    DeputyId,
}

#[derive(DeriveIden)]
enum InquirySteps {
    Table,
    Id,
    InquiryId,
    Kind,
    OnDate,
    Text,
    CreatedById,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PetitionAdoptions {
    Table,
    PetitionId,
    DeputyId,
    MaslikhatId,
    AdoptedAt,
}

#[derive(DeriveIden)]
enum DeputyProfiles {
    Table,
    UserId,
    District,
    Topics,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Territories {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Petitions {
    Table,
    Id,
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

/// Every event the timeline knew before this migration.
pub(crate) const EVENTS_BEFORE: [&str; 29] = [
    "submitted",
    "returned",
    "approved",
    "rejected",
    "moderation_overdue",
    "support_reached",
    "lapsed",
    "threshold_reached",
    "registered",
    "threshold_lost",
    "answer_overdue",
    "answer_very_overdue",
    "answered",
    "expired",
    "withdrawn",
    "signatures_invalidated",
    "claimed",
    "clarification_asked",
    "clarification_given",
    "forwarded",
    "received_by_forwarding",
    "follow_up",
    "implementation_update",
    "closed",
    "put_on_agenda",
    "merged",
    "hidden",
    "decided",
    "recommended",
];

/// The events of an inquiry's lifecycle and of a petition a deputy adopts.
pub(crate) const EVENTS_ADDED: [&str; 11] = [
    "sent",
    "adopted",
    "answer_satisfactory",
    "answer_unsatisfactory",
    "follow_up_inquiry",
    "site_visit",
    "referred",
    "hearing",
    "closed_resolved",
    "closed_partly",
    "closed_not_resolved",
];

pub(crate) fn in_list(events: &[&str]) -> String {
    events
        .iter()
        .map(|e| format!("'{e}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sets the list of events `timeline_events.kind` may hold.
pub(crate) async fn set_events(manager: &SchemaManager<'_>, events: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let list = in_list(events);
    if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "ALTER TABLE timeline_events DROP CONSTRAINT timeline_events_kind_check, \
             ADD CONSTRAINT timeline_events_kind_check CHECK (kind IN ({list}))"
        ))
        .await?;
        return Ok(());
    }
    // SQLite cannot change a check: the table is copied into one with the new check. Its
    // statement is the stored one with the list replaced, so every other column stays as is.
    let row = db
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Sqlite,
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'timeline_events'",
        ))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| DbErr::Migration("timeline_events is missing".into()))?;
    let sql: String = row.try_get("", "sql")?;
    let start = sql
        .find("CHECK (\"kind\" IN (")
        .ok_or_else(|| DbErr::Migration("timeline_events has no check on kind".into()))?;
    let open = start + "CHECK (\"kind\" IN (".len();
    let close = open
        + sql[open..]
            .find(')')
            .ok_or_else(|| DbErr::Migration("timeline_events' check is cut".into()))?;
    let create = format!("{}{list}{}", &sql[..open], &sql[close..]).replacen(
        "\"timeline_events\"",
        "\"timeline_events_next\"",
        1,
    );
    // One batch, so one pooled connection runs it all: another connection's cached schema
    // would still see the old table when the new one takes its name.
    db.execute_unprepared(&format!(
        "{create}; \
         INSERT INTO timeline_events_next SELECT * FROM timeline_events; \
         DROP TABLE timeline_events; \
         ALTER TABLE timeline_events_next RENAME TO timeline_events; \
         CREATE INDEX idx_timeline_events_subject ON timeline_events (subject_kind, subject_id, id)"
    ))
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    #[allow(clippy::too_many_lines)]
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Inquiries::Table)
                    .if_not_exists()
                    .col(pk_auto(Inquiries::Id))
                    .col(integer(Inquiries::MaslikhatId))
                    .col(integer(Inquiries::DeputyId))
                    .col(integer(Inquiries::PreparedById))
                    .col(integer_null(Inquiries::SentById))
                    .col(integer(Inquiries::BodyId))
                    .col(string_len(Inquiries::Topic, 32))
                    .col(integer_null(Inquiries::TerritoryId))
                    .col(string_len(Inquiries::Title, 300))
                    .col(text(Inquiries::Text))
                    .col(text_null(Inquiries::PrivateNote))
                    .col(integer_null(Inquiries::PetitionId))
                    .col(integer_null(Inquiries::FollowsId))
                    .col(
                        string_len_null(Inquiries::Link, 16)
                            .check(Expr::col(Inquiries::Link).is_in(["follow_up", "referral"])),
                    )
                    .col(
                        string_len(Inquiries::State, 16)
                            .check(Expr::col(Inquiries::State).is_in(["draft", "sent", "closed"])),
                    )
                    .col(string_len_null(Inquiries::Assessment, 16).check(
                        Expr::col(Inquiries::Assessment).is_in(["satisfactory", "unsatisfactory"]),
                    ))
                    .col(string_len_null(Inquiries::Outcome, 16).check(
                        Expr::col(Inquiries::Outcome).is_in(["resolved", "partly", "not_resolved"]),
                    ))
                    .col(text_null(Inquiries::OutcomeNote))
                    .col(timestamp_with_time_zone(Inquiries::CreatedAt))
                    .col(timestamp_with_time_zone(Inquiries::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Inquiries::SentAt))
                    .col(date_null(Inquiries::SentOn))
                    .col(timestamp_with_time_zone_null(Inquiries::ClosedAt))
                    // A sent inquiry has its day; a closed one its outcome; a link its parent.
                    .check(
                        Expr::col(Inquiries::State)
                            .eq("draft")
                            .or(Expr::col(Inquiries::SentOn).is_not_null()),
                    )
                    .check(
                        Expr::col(Inquiries::State)
                            .ne("closed")
                            .or(Expr::col(Inquiries::Outcome).is_not_null()),
                    )
                    .check(
                        Expr::col(Inquiries::Link)
                            .is_null()
                            .eq(Expr::col(Inquiries::FollowsId).is_null()),
                    )
                    .foreign_key(&mut fk(
                        "fk_inquiries_maslikhat",
                        (Inquiries::Table, Inquiries::MaslikhatId),
                        (Bodies::Table, Bodies::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_body",
                        (Inquiries::Table, Inquiries::BodyId),
                        (Bodies::Table, Bodies::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_deputy",
                        (Inquiries::Table, Inquiries::DeputyId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_prepared_by",
                        (Inquiries::Table, Inquiries::PreparedById),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_sent_by",
                        (Inquiries::Table, Inquiries::SentById),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_territory",
                        (Inquiries::Table, Inquiries::TerritoryId),
                        (Territories::Table, Territories::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_petition",
                        (Inquiries::Table, Inquiries::PetitionId),
                        (Petitions::Table, Petitions::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiries_follows",
                        (Inquiries::Table, Inquiries::FollowsId),
                        (Inquiries::Table, Inquiries::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_inquiries_maslikhat", Inquiries::MaslikhatId),
            ("idx_inquiries_deputy", Inquiries::DeputyId),
            ("idx_inquiries_body", Inquiries::BodyId),
            ("idx_inquiries_petition", Inquiries::PetitionId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Inquiries::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(InquiryCosigners::Table)
                    .if_not_exists()
                    .col(integer(InquiryCosigners::InquiryId))
                    .col(integer(InquiryCosigners::DeputyId))
                    .primary_key(
                        Index::create()
                            .col(InquiryCosigners::InquiryId)
                            .col(InquiryCosigners::DeputyId),
                    )
                    .foreign_key(&mut fk(
                        "fk_inquiry_cosigners_inquiry",
                        (InquiryCosigners::Table, InquiryCosigners::InquiryId),
                        (Inquiries::Table, Inquiries::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiry_cosigners_deputy",
                        (InquiryCosigners::Table, InquiryCosigners::DeputyId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InquirySteps::Table)
                    .if_not_exists()
                    .col(pk_auto(InquirySteps::Id))
                    .col(integer(InquirySteps::InquiryId))
                    .col(string_len(InquirySteps::Kind, 16).check(
                        Expr::col(InquirySteps::Kind).is_in(["site_visit", "hearing", "referral"]),
                    ))
                    .col(date(InquirySteps::OnDate))
                    .col(text(InquirySteps::Text))
                    .col(integer(InquirySteps::CreatedById))
                    .col(timestamp_with_time_zone(InquirySteps::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_inquiry_steps_inquiry",
                        (InquirySteps::Table, InquirySteps::InquiryId),
                        (Inquiries::Table, Inquiries::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_inquiry_steps_created_by",
                        (InquirySteps::Table, InquirySteps::CreatedById),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PetitionAdoptions::Table)
                    .if_not_exists()
                    .col(integer(PetitionAdoptions::PetitionId))
                    .col(integer(PetitionAdoptions::DeputyId))
                    .col(integer(PetitionAdoptions::MaslikhatId))
                    .col(timestamp_with_time_zone(PetitionAdoptions::AdoptedAt))
                    .primary_key(
                        Index::create()
                            .col(PetitionAdoptions::PetitionId)
                            .col(PetitionAdoptions::DeputyId),
                    )
                    .foreign_key(&mut fk(
                        "fk_petition_adoptions_petition",
                        (PetitionAdoptions::Table, PetitionAdoptions::PetitionId),
                        (Petitions::Table, Petitions::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_petition_adoptions_deputy",
                        (PetitionAdoptions::Table, PetitionAdoptions::DeputyId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_petition_adoptions_maslikhat",
                        (PetitionAdoptions::Table, PetitionAdoptions::MaslikhatId),
                        (Bodies::Table, Bodies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeputyProfiles::Table)
                    .if_not_exists()
                    .col(integer(DeputyProfiles::UserId).primary_key())
                    .col(string_len(DeputyProfiles::District, 200))
                    .col(string_len(DeputyProfiles::Topics, 400))
                    .col(timestamp_with_time_zone(DeputyProfiles::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_deputy_profiles_user",
                        (DeputyProfiles::Table, DeputyProfiles::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let all: Vec<&str> = EVENTS_BEFORE.iter().chain(&EVENTS_ADDED).copied().collect();
        set_events(manager, &all).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let added = in_list(&EVENTS_ADDED);
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "DELETE FROM timeline_events WHERE kind IN ({added})"
            ))
            .await?;
        set_events(manager, &EVENTS_BEFORE).await?;
        for table in [
            DeputyProfiles::Table.into_iden(),
            PetitionAdoptions::Table.into_iden(),
            InquirySteps::Table.into_iden(),
            InquiryCosigners::Table.into_iden(),
            Inquiries::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
