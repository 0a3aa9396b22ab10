//! The signatures from each address, tallied per minute on PostgreSQL (issue 16). The signature
//! writer checks the per-address limit against `rate_limits` rows `sign:ip:<address>` there (one
//! row a minute, the window its first second) instead of counting the address's signature rows,
//! which PostgreSQL cannot count from the index alone during a surge. The tally starts with the
//! last hour's signatures, so the limit holds across the upgrade. SQLite counts the rows in its
//! index and has nothing to do here.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO rate_limits (bucket, window_start, hits) \
                 SELECT 'sign:ip:' || ip, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 60) * 60 AS BIGINT), COUNT(*) \
                 FROM signatures WHERE ip IS NOT NULL AND created_at > NOW() - INTERVAL '1 hour' \
                 GROUP BY 1, 2 \
                 ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + excluded.hits",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM rate_limits WHERE bucket LIKE 'sign:ip:%'")
            .await?;
        Ok(())
    }
}
