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
//! - Deadline terms kept with what runs by them: `cases.term_amount`/`term_unit` (the term a
//!   case's clock started with) and `petitions.clock_term_amount`/`clock_term_unit` (the term of
//!   the clock a petition is running), filled here from today's terms for what is already
//!   running; and `deadline_terms.version` for the admin's form. A later change of a term
//!   applies to clocks started after it.
//! - `petitions.support_needed`: the initial supporters a petition needs, kept when it is
//!   approved (filled here for those gathering support now), so the setting can change without
//!   moving a goalpost.
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

/// The `column` of today's term of the clock `clock` (an SQL expression) for the level of the
/// body `body_id` (an SQL expression), or the clock's `any` row.
fn term_of(column: &str, clock: &str, body_id: &str) -> String {
    format!(
        "(SELECT t.{column} FROM deadline_terms t WHERE t.clock = {clock} \
          AND (t.level = 'any' OR t.level = (SELECT b.level FROM bodies b WHERE b.id = {body_id})) \
          ORDER BY CASE WHEN t.level = 'any' THEN 1 ELSE 0 END LIMIT 1)"
    )
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
        let db = manager.get_connection();
        for sql in [
            "ALTER TABLE deadline_terms ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE cases ADD COLUMN term_amount INTEGER NULL",
            "ALTER TABLE cases ADD COLUMN term_unit VARCHAR(16) NULL",
            "ALTER TABLE petitions ADD COLUMN clock_term_amount INTEGER NULL",
            "ALTER TABLE petitions ADD COLUMN clock_term_unit VARCHAR(16) NULL",
            "ALTER TABLE petitions ADD COLUMN support_needed INTEGER NULL",
            "UPDATE petitions SET support_needed = COALESCE((SELECT CAST(value AS INTEGER) \
             FROM platform_settings WHERE key = 'initial_support_signatures'), 50) \
             WHERE status = 'gathering'",
            "UPDATE cases SET term_amount = term_days, term_unit = 'calendar_days' \
             WHERE term_days IS NOT NULL",
        ] {
            db.execute_unprepared(sql).await?;
        }
        let case_clock = "CASE cases.kind WHEN 'petition' THEN 'petition_answer' \
             WHEN 'inquiry' THEN 'inquiry_answer' WHEN 'recommendation' THEN 'recommendation_answer' \
             ELSE 'proposal_answer' END";
        db.execute_unprepared(&format!(
            "UPDATE cases SET term_amount = {}, term_unit = {} WHERE term_days IS NULL",
            term_of("amount", case_clock, "cases.body_id"),
            term_of("unit", case_clock, "cases.body_id"),
        ))
        .await?;
        let petition_clock = "CASE petitions.status WHEN 'moderation' THEN 'petition_moderation' \
             WHEN 'gathering' THEN 'initial_support' ELSE 'collection_period' END";
        db.execute_unprepared(&format!(
            "UPDATE petitions SET clock_term_amount = {}, clock_term_unit = {} \
             WHERE status IN ('moderation', 'gathering', 'open')",
            term_of("amount", petition_clock, "petitions.body_id"),
            term_of("unit", petition_clock, "petitions.body_id"),
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
        for sql in [
            "ALTER TABLE bodies DROP COLUMN minimum_members",
            "ALTER TABLE deadline_terms DROP COLUMN version",
            "ALTER TABLE cases DROP COLUMN term_amount",
            "ALTER TABLE cases DROP COLUMN term_unit",
            "ALTER TABLE petitions DROP COLUMN clock_term_amount",
            "ALTER TABLE petitions DROP COLUMN clock_term_unit",
            "ALTER TABLE petitions DROP COLUMN support_needed",
        ] {
            db.execute_unprepared(sql).await?;
        }
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
