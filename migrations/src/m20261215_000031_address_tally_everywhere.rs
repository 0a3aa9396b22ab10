//! The signatures from each address tallied on SQLite too, and the address index dropped
//! (issue 16). Migration 29 moved PostgreSQL's per-address signing limit from counting the
//! address's signature rows to a tally per minute in `rate_limits` (`sign:ip:<address>`). SQLite
//! went on counting the rows in `idx_signatures_ip`: every new signature took a place at random
//! in that index, and the writer's statement stepped through each address's last hour of entries
//! for every row (by hand, on the migrated schema, 8 rows a statement: the writer's statement
//! ran 40–50 % faster with the tally than with the count).
//!
//! - SQLite: a trigger adds each new signature to its address's tally in the same statement (SQLite
//!   has no data-modifying `WITH`, in which PostgreSQL's writer does the same), and the tally
//!   starts with the last hour's signatures, so the limit holds across the upgrade.
//! - Both: `idx_signatures_ip` is dropped. Nothing reads signatures by address any more except
//!   an administrator's invalidation by condition, which reads one petition's rows.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            for statement in [
                "INSERT INTO rate_limits (bucket, window_start, hits) \
                 SELECT 'sign:ip:' || ip, CAST(strftime('%s', created_at) AS INTEGER) / 60 * 60, COUNT(*) \
                 FROM signatures \
                 WHERE CAST(strftime('%s', created_at) AS INTEGER) > CAST(strftime('%s', 'now') AS INTEGER) - 3600 \
                 GROUP BY 1, 2 \
                 ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + excluded.hits",
                "CREATE TRIGGER signatures_address_tally AFTER INSERT ON signatures BEGIN \
                 INSERT INTO rate_limits (bucket, window_start, hits) \
                 VALUES ('sign:ip:' || NEW.ip, CAST(strftime('%s', NEW.created_at) AS INTEGER) / 60 * 60, 1) \
                 ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1; END",
            ] {
                db.execute_unprepared(statement).await?;
            }
        }
        db.execute_unprepared("DROP INDEX idx_signatures_ip")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("CREATE INDEX idx_signatures_ip ON signatures (ip, created_at)")
            .await?;
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            db.execute_unprepared("DROP TRIGGER signatures_address_tally")
                .await?;
            db.execute_unprepared("DELETE FROM rate_limits WHERE bucket LIKE 'sign:ip:%'")
                .await?;
        }
        Ok(())
    }
}
