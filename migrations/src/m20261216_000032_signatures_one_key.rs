//! One key for a signer's signatures (issue 16). `signatures` kept two orders of its rows besides
//! its own: the unique key (petition, account), which refuses a second signature, and the index
//! (account, time), which counted an account's signatures of the last hour for its limit. Each
//! took a place at random for every new signature, in the writer's one statement at a time.
//!
//! One unique key on (account, petition) serves both: it refuses the same second signature, and
//! an account's last hour is read from its few rows. A petition's rows are found through
//! `idx_signatures_petition_order` (petition, id) and `uq_signatures_petition_iin` as before. The
//! writer's statement, alone on a copy of the migrated schema, took 20 % less a row (51.7 →
//! 41.5 µs, `docs/benchmarks.md`).
//!
//! - PostgreSQL: the constraint is swapped and the index dropped.
//! - SQLite cannot drop a constraint from a table: the table is copied into one whose stored
//!   statement has the new key instead of the old, and its indexes and triggers, read from the
//!   schema, are made again on it; the id sequence goes on where it was. Nothing refers to
//!   `signatures` by a foreign key, and it runs in the migration's transaction.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The old key, as SQLite stores it in the table's statement.
const PETITION_USER: &str =
    "CONSTRAINT \"uq_signatures_petition_user\" UNIQUE (\"petition_id\", \"user_id\")";
/// The new key.
const USER_PETITION: &str =
    "CONSTRAINT \"uq_signatures_user_petition\" UNIQUE (\"user_id\", \"petition_id\")";
/// The index the new key replaces, as migration 11 made it.
const USER_TIME: &str =
    "CREATE INDEX \"idx_signatures_user\" ON \"signatures\" (\"user_id\", \"created_at\")";

async fn strings<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    column: &str,
) -> Result<Vec<String>, DbErr> {
    db.query_all_raw(Statement::from_string(DatabaseBackend::Sqlite, sql))
        .await?
        .iter()
        .map(|row| row.try_get::<String>("", column))
        .collect()
}

/// Copies SQLite's `signatures` into a table whose statement has `to` instead of `from`, with
/// every index and trigger of the old table but `skip_index`, and the same id sequence.
async fn rebuild_sqlite<C: ConnectionTrait>(
    db: &C,
    from: &str,
    to: &str,
    skip_index: &str,
) -> Result<(), DbErr> {
    let table = strings(
        db,
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'signatures'",
        "sql",
    )
    .await?
    .pop()
    .ok_or_else(|| DbErr::Migration("signatures is missing".into()))?;
    if !table.contains(from) {
        return Err(DbErr::Migration(format!("signatures has no {from}")));
    }
    let create = table
        .replacen(from, to, 1)
        .replacen("\"signatures\"", "\"signatures_next\"", 1);
    // Indexes and triggers of the table (a key's own index has no statement).
    let kept: Vec<String> = db
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'signatures' \
             AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        ))
        .await?
        .iter()
        .map(|row| {
            Ok((
                row.try_get::<String>("", "name")?,
                row.try_get::<String>("", "sql")?,
            ))
        })
        .collect::<Result<Vec<_>, DbErr>>()?
        .into_iter()
        .filter(|(name, _)| name != skip_index)
        .map(|(_, sql)| sql)
        .collect();
    let sequence: Option<i64> = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "SELECT seq FROM sqlite_sequence WHERE name = 'signatures'",
        ))
        .await?
        .map(|row| row.try_get("", "seq"))
        .transpose()?;
    for statement in [
        create,
        "INSERT INTO signatures_next SELECT * FROM signatures".into(),
        "DROP TABLE signatures".into(),
        "ALTER TABLE signatures_next RENAME TO signatures".into(),
    ]
    .into_iter()
    .chain(kept)
    {
        db.execute_unprepared(&statement).await?;
    }
    if let Some(seq) = sequence {
        db.execute_unprepared(&format!(
            "UPDATE sqlite_sequence SET seq = MAX(seq, {seq}) WHERE name = 'signatures'"
        ))
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// On SQLite the copy and the swap are one transaction, on one connection: another pooled
    /// connection's cached schema would still see the old table.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            for statement in [
                "ALTER TABLE signatures DROP CONSTRAINT uq_signatures_petition_user",
                "ALTER TABLE signatures ADD CONSTRAINT uq_signatures_user_petition UNIQUE (user_id, petition_id)",
                "DROP INDEX idx_signatures_user",
            ] {
                db.execute_unprepared(statement).await?;
            }
            return Ok(());
        }
        rebuild_sqlite(db, PETITION_USER, USER_PETITION, "idx_signatures_user").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            for statement in [
                "ALTER TABLE signatures DROP CONSTRAINT uq_signatures_user_petition",
                "ALTER TABLE signatures ADD CONSTRAINT uq_signatures_petition_user UNIQUE (petition_id, user_id)",
                "CREATE INDEX idx_signatures_user ON signatures (user_id, created_at)",
            ] {
                db.execute_unprepared(statement).await?;
            }
            return Ok(());
        }
        rebuild_sqlite(db, USER_PETITION, PETITION_USER, "").await?;
        db.execute_unprepared(USER_TIME).await?;
        Ok(())
    }
}
