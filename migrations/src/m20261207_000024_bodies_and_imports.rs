//! Bodies as an admin keeps them (issue 17).
//!
//! - `body_names`: the names a body had, with the dates they were in use (a ministry renamed
//!   keeps its history, as a territory does in `territory_names`).
//! - `body_successions`: the body that took over from a body that ended (its open cases and
//!   petitions moved there). One successor per ended body, never itself.
//! - `bodies.minimum_members`: a public council's own minimum of voting members, where its
//!   regulation sets one (none: the platform setting).
//! - `admin_imports`: a CSV file an admin uploaded (territories, bodies or populations), kept
//!   with the report of its dry run (what each row would change, or why the file is refused);
//!   applying it later checks it again against the tables as they are then.
//! - Two timeline events: `body_ended` on what moved (the successor named) and
//!   `received_from_predecessor` on the case the successor opened for it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{date, date_null, integer, pk_auto, string_len};

use crate::m20261203_000019_create_inquiries::{EVENTS_ADDED, EVENTS_BEFORE, in_list, set_events};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Bodies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum BodyNames {
    Table,
    Id,
    BodyId,
    NameKk,
    NameRu,
    NameEn,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum BodySuccessions {
    Table,
    BodyId,
    SuccessorId,
}

/// The events this migration adds.
const EVENTS_NEW: [&str; 2] = ["body_ended", "received_from_predecessor"];

fn events(with_new: bool) -> Vec<&'static str> {
    let mut all: Vec<&str> = EVENTS_BEFORE.iter().chain(&EVENTS_ADDED).copied().collect();
    if with_new {
        all.extend(EVENTS_NEW);
    }
    all
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BodyNames::Table)
                    .if_not_exists()
                    .col(pk_auto(BodyNames::Id))
                    .col(integer(BodyNames::BodyId))
                    .col(string_len(BodyNames::NameKk, 300))
                    .col(string_len(BodyNames::NameRu, 300))
                    .col(string_len(BodyNames::NameEn, 300))
                    .col(date_null(BodyNames::ValidFrom))
                    .col(date(BodyNames::ValidTo))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_body_names_body")
                            .from(BodyNames::Table, BodyNames::BodyId)
                            .to(Bodies::Table, Bodies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_body_names_body")
                    .table(BodyNames::Table)
                    .col(BodyNames::BodyId)
                    .col(BodyNames::ValidTo)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BodySuccessions::Table)
                    .if_not_exists()
                    .col(integer(BodySuccessions::BodyId).primary_key())
                    .col(integer(BodySuccessions::SuccessorId))
                    .check(
                        Expr::col(BodySuccessions::BodyId)
                            .ne(Expr::col(BodySuccessions::SuccessorId)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_body_successions_body")
                            .from(BodySuccessions::Table, BodySuccessions::BodyId)
                            .to(Bodies::Table, Bodies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_body_successions_successor")
                            .from(BodySuccessions::Table, BodySuccessions::SuccessorId)
                            .to(Bodies::Table, Bodies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE bodies ADD COLUMN minimum_members INTEGER NULL")
            .await?;
        let (id, time) =
            if manager.get_database_backend() == sea_orm_migration::sea_orm::DbBackend::Postgres {
                ("SERIAL PRIMARY KEY", "TIMESTAMP WITH TIME ZONE")
            } else {
                (
                    "INTEGER PRIMARY KEY AUTOINCREMENT",
                    "timestamp_with_timezone_text",
                )
            };
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "CREATE TABLE admin_imports (\
                   id {id}, \
                   kind VARCHAR(16) NOT NULL CHECK (kind IN ('territories', 'bodies', 'populations')), \
                   actor_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL, \
                   created_at {time} NOT NULL, \
                   file_name VARCHAR(200) NOT NULL, \
                   content TEXT NOT NULL, \
                   report TEXT NOT NULL, \
                   ok BOOLEAN NOT NULL, \
                   applied_at {time} NULL, \
                   CHECK (ok OR applied_at IS NULL))"
            ))
            .await?;
        set_events(manager, &events(true)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "DELETE FROM timeline_events WHERE kind IN ({})",
            in_list(&EVENTS_NEW)
        ))
        .await?;
        set_events(manager, &events(false)).await?;
        db.execute_unprepared("ALTER TABLE bodies DROP COLUMN minimum_members")
            .await?;
        db.execute_unprepared("DROP TABLE admin_imports").await?;
        for table in [
            BodySuccessions::Table.into_iden(),
            BodyNames::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
