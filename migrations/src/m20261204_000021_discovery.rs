//! Finding petitions and seeing their signatures over time.
//!
//! - `petition_search`: one row per petition with its title, summary and (unless moderation hid
//!   it) text folded to one Latin skeleton (`app::server::services::search::fold`), so Kazakh in
//!   Cyrillic or Latin script, Russian and English spellings meet. Each database searches it
//!   with its own full-text machinery: an FTS5 index kept by triggers on SQLite, a GIN index on
//!   `to_tsvector('simple', folded)` on PostgreSQL. The server fills rows missing here at start.
//! - `petition_hour_counts`: signatures counted per petition and hour (hours since the epoch,
//!   UTC), folded with the other counters; the chart of signatures over time and "trending"
//!   (the last 24 hours) read it. Filled here from the signatures already counted.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The hour (since the epoch, UTC) of `signatures.created_at`, as each database computes it.
fn hour_of_created_at(backend: DbBackend) -> &'static str {
    if backend == DbBackend::Postgres {
        "CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT)"
    } else {
        "(CAST(strftime('%s', created_at) AS INTEGER) / 3600)"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let postgres = backend == DbBackend::Postgres;
        db.execute_unprepared(
            "CREATE TABLE petition_search (\
               petition_id INTEGER NOT NULL PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE, \
               folded TEXT NOT NULL)",
        )
        .await?;
        if postgres {
            db.execute_unprepared(
                "CREATE INDEX idx_petition_search_fts ON petition_search \
                 USING GIN (to_tsvector('simple', folded))",
            )
            .await?;
        } else {
            // One batch: the virtual table and its triggers on one connection.
            db.execute_unprepared(
                "CREATE VIRTUAL TABLE petition_fts USING fts5(folded, content='petition_search', content_rowid='petition_id');\
                 CREATE TRIGGER petition_search_ai AFTER INSERT ON petition_search BEGIN \
                   INSERT INTO petition_fts (rowid, folded) VALUES (new.petition_id, new.folded); END;\
                 CREATE TRIGGER petition_search_ad AFTER DELETE ON petition_search BEGIN \
                   INSERT INTO petition_fts (petition_fts, rowid, folded) VALUES ('delete', old.petition_id, old.folded); END;\
                 CREATE TRIGGER petition_search_au AFTER UPDATE ON petition_search BEGIN \
                   INSERT INTO petition_fts (petition_fts, rowid, folded) VALUES ('delete', old.petition_id, old.folded); \
                   INSERT INTO petition_fts (rowid, folded) VALUES (new.petition_id, new.folded); END;",
            )
            .await?;
        }
        db.execute_unprepared(
            "CREATE TABLE petition_hour_counts (\
               petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE, \
               hour BIGINT NOT NULL, \
               count BIGINT NOT NULL DEFAULT 0 CHECK (count >= 0), \
               PRIMARY KEY (petition_id, hour))",
        )
        .await?;
        db.execute_unprepared("CREATE INDEX idx_petition_hour_counts_hour ON petition_hour_counts (hour, petition_id)")
            .await?;
        let hour = hour_of_created_at(backend);
        db.execute_unprepared(&format!(
            "INSERT INTO petition_hour_counts (petition_id, hour, count) \
             SELECT petition_id, {hour}, COUNT(*) FROM signatures WHERE counted = 1 GROUP BY petition_id, {hour}"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() != DbBackend::Postgres {
            db.execute_unprepared(
                "DROP TRIGGER petition_search_ai; DROP TRIGGER petition_search_ad; \
                 DROP TRIGGER petition_search_au; DROP TABLE petition_fts;",
            )
            .await?;
        }
        db.execute_unprepared("DROP TABLE petition_hour_counts; DROP TABLE petition_search;")
            .await?;
        Ok(())
    }
}
