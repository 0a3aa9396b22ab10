//! The folding queue out of the signature row (issue 16). Until now a signature row was its own
//! entry in the queue (`dirty`, read through the partial index `idx_signatures_dirty`), so the
//! fold's rewrite of the row (`counted`, `log_index`) changed an indexed column: on PostgreSQL
//! that update could never be heap-only, and every one of the table's indexes took each
//! signature a second time.
//!
//! - `signature_fold_queue`: the ids of the signature rows whose state the counters have not
//!   caught up with. The fold reads it in id order and deletes what it folded. A row from before
//!   the public log (queued by migration 22) also names its petition there, whose tally waits
//!   for it, so that wait is found without reading the signature rows.
//! - Triggers fill it, so no writer can forget to: a new signature row, a change to a row's
//!   `withdrawn_at` or `invalidated_at` (a withdrawal, a restore, an invalidation). A deleted
//!   row leaves the queue.
//! - `signatures.dirty` and its index are dropped; rows that were dirty are queued first.
//! - On PostgreSQL `signatures` fills its pages half (`fillfactor = 50`), so the fold's update
//!   of a row finds room on the row's own page and stays heap-only.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What changes a signature's state for the counters, compared so that NULL equals NULL.
const CHANGED_PG: &str = "OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at \
                          OR OLD.invalidated_at IS DISTINCT FROM NEW.invalidated_at";
const CHANGED_SQLITE: &str =
    "OLD.withdrawn_at IS NOT NEW.withdrawn_at OR OLD.invalidated_at IS NOT NEW.invalidated_at";

/// A row counted before the public log existed and not logged yet (migration 22 queued them all)
/// names its petition, whose tally waits until the last of them is logged.
const BEFORE_LOG: &str = "petition_before_log INTEGER NULL";

/// The rows that were waiting, with the petition of each that was counted before the log.
const QUEUE_DIRTY: &str = "INSERT INTO signature_fold_queue (signature_id, petition_before_log) \
     SELECT id, CASE WHEN counted = 1 AND log_index IS NULL THEN petition_id END FROM signatures WHERE dirty";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        let statements: Vec<String> = if postgres {
            vec![
                format!("CREATE TABLE signature_fold_queue (signature_id BIGINT NOT NULL PRIMARY KEY, {BEFORE_LOG})"),
                QUEUE_DIRTY.into(),
                "DROP INDEX idx_signatures_dirty".into(),
                "ALTER TABLE signatures DROP COLUMN dirty".into(),
                "ALTER TABLE signatures SET (fillfactor = 50)".into(),
                // One statement's new rows, queued at the statement's end in one insert.
                "CREATE FUNCTION signatures_queue_added() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   INSERT INTO signature_fold_queue (signature_id) SELECT id FROM added ON CONFLICT DO NOTHING; \
                   RETURN NULL; \
                 END $$"
                    .into(),
                "CREATE TRIGGER signatures_queue_added AFTER INSERT ON signatures \
                 REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION signatures_queue_added()"
                    .into(),
                "CREATE FUNCTION signatures_queue_changed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   INSERT INTO signature_fold_queue (signature_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; \
                   RETURN NULL; \
                 END $$"
                    .into(),
                format!(
                    "CREATE TRIGGER signatures_queue_changed AFTER UPDATE OF withdrawn_at, invalidated_at ON signatures \
                     FOR EACH ROW WHEN ({CHANGED_PG}) EXECUTE FUNCTION signatures_queue_changed()"
                ),
                "CREATE FUNCTION signatures_queue_removed() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   DELETE FROM signature_fold_queue WHERE signature_id = OLD.id; \
                   RETURN NULL; \
                 END $$"
                    .into(),
                "CREATE TRIGGER signatures_queue_removed AFTER DELETE ON signatures \
                 FOR EACH ROW EXECUTE FUNCTION signatures_queue_removed()"
                    .into(),
            ]
        } else {
            vec![
                format!(
                    "CREATE TABLE signature_fold_queue (signature_id INTEGER NOT NULL PRIMARY KEY, {BEFORE_LOG})"
                ),
                QUEUE_DIRTY.into(),
                "DROP INDEX idx_signatures_dirty".into(),
                "ALTER TABLE signatures DROP COLUMN dirty".into(),
                "CREATE TRIGGER signatures_queue_added AFTER INSERT ON signatures BEGIN \
                 INSERT OR IGNORE INTO signature_fold_queue (signature_id) VALUES (NEW.id); END"
                    .into(),
                format!(
                    "CREATE TRIGGER signatures_queue_changed AFTER UPDATE OF withdrawn_at, invalidated_at ON signatures \
                     WHEN {CHANGED_SQLITE} BEGIN \
                     INSERT OR IGNORE INTO signature_fold_queue (signature_id) VALUES (NEW.id); END"
                ),
                "CREATE TRIGGER signatures_queue_removed AFTER DELETE ON signatures BEGIN \
                 DELETE FROM signature_fold_queue WHERE signature_id = OLD.id; END"
                    .into(),
            ]
        };
        for statement in statements {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        let mut statements = vec![
            "DROP TRIGGER signatures_queue_added ON signatures",
            "DROP TRIGGER signatures_queue_changed ON signatures",
            "DROP TRIGGER signatures_queue_removed ON signatures",
            "DROP FUNCTION signatures_queue_added()",
            "DROP FUNCTION signatures_queue_changed()",
            "DROP FUNCTION signatures_queue_removed()",
            "ALTER TABLE signatures RESET (fillfactor)",
        ];
        if !postgres {
            statements = vec![
                "DROP TRIGGER signatures_queue_added",
                "DROP TRIGGER signatures_queue_changed",
                "DROP TRIGGER signatures_queue_removed",
            ];
        }
        for statement in statements {
            db.execute_unprepared(statement).await?;
        }
        for statement in [
            "ALTER TABLE signatures ADD COLUMN dirty BOOLEAN NOT NULL DEFAULT TRUE",
            "UPDATE signatures SET dirty = (id IN (SELECT signature_id FROM signature_fold_queue))",
            "CREATE INDEX idx_signatures_dirty ON signatures (id) WHERE dirty",
            "DROP TABLE signature_fold_queue",
        ] {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
