//! The public signature log (`app::server::services::signature_log`): an append-only Merkle
//! tree (RFC 6962 hashing, the c2sp.org/tlog-tiles stored-hash layout) of sign, revoke and
//! tally entries, with its signed checkpoints.
//!
//! - `signatures.receipt_secret`: the 32 random bytes (hex) of the signer's receipt; the log
//!   holds only a commitment to them. Rows signed before this change get theirs when logged.
//! - `signatures.log_index`: the index of the row's latest sign entry (none: never logged); it
//!   stands while the row is `counted`, and a revoke entry cancels it when the row stops
//!   counting.
//! - `log_entries`: one row per leaf, in log order, with its canonical bytes.
//! - `log_hashes`: every stored hash of the tree (tlog numbering), so roots and proofs are read,
//!   never recomputed from the leaves.
//! - `log_checkpoints`: each signed tree head, kept, so any two can be proved consistent.
//!
//! Signatures already counted are marked for folding, so the log takes them in batches.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let (bytes, time) = if manager.get_database_backend() == DbBackend::Postgres {
            ("BYTEA", "TIMESTAMP WITH TIME ZONE")
        } else {
            ("BLOB", "timestamp_with_timezone_text")
        };
        db.execute_unprepared("ALTER TABLE signatures ADD COLUMN receipt_secret VARCHAR(64) NULL")
            .await?;
        db.execute_unprepared("ALTER TABLE signatures ADD COLUMN log_index BIGINT NULL")
            .await?;
        db.execute_unprepared(&format!(
            "CREATE TABLE log_entries (\
               idx BIGINT NOT NULL PRIMARY KEY CHECK (idx >= 0), \
               kind VARCHAR(8) NOT NULL CHECK (kind IN ('sign', 'revoke', 'tally')), \
               petition_id INTEGER NOT NULL, \
               revokes BIGINT NULL REFERENCES log_entries (idx), \
               data TEXT NOT NULL, \
               created_at {time} NOT NULL, \
               CHECK ((kind = 'revoke') = (revokes IS NOT NULL)))"
        ))
        .await?;
        db.execute_unprepared(
            "CREATE INDEX idx_log_entries_petition ON log_entries (petition_id, idx)",
        )
        .await?;
        // A sign entry is cancelled at most once.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX idx_log_entries_revokes ON log_entries (revokes) WHERE revokes IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(&format!(
            "CREATE TABLE log_hashes (idx BIGINT NOT NULL PRIMARY KEY CHECK (idx >= 0), hash {bytes} NOT NULL)"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE TABLE log_checkpoints (\
               size BIGINT NOT NULL PRIMARY KEY CHECK (size > 0), \
               root {bytes} NOT NULL, \
               note TEXT NOT NULL, \
               created_at {time} NOT NULL)"
        ))
        .await?;
        db.execute_unprepared("UPDATE signatures SET dirty = TRUE WHERE counted = 1")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP TABLE log_checkpoints").await?;
        db.execute_unprepared("DROP TABLE log_hashes").await?;
        db.execute_unprepared("DROP TABLE log_entries").await?;
        db.execute_unprepared("ALTER TABLE signatures DROP COLUMN log_index")
            .await?;
        db.execute_unprepared("ALTER TABLE signatures DROP COLUMN receipt_secret")
            .await?;
        Ok(())
    }
}
