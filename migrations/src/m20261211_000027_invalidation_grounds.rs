//! The grounds of an invalidation (issue 15): an admin who invalidates signatures names why from
//! a short catalogue, `fraud` (bought or forged signatures, bots), `duplicate` (the same person
//! twice) or `ineligible` (not entitled to sign this petition), besides the internal note. The
//! grounds are public: the signature log's revoke entries carry them, and the moderation record
//! shows them. Invalidations from before this migration have none (their revoke entries say
//! `invalidated`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "ALTER TABLE invalidations ADD COLUMN grounds VARCHAR(16) NULL \
                 CHECK (grounds IN ('fraud', 'duplicate', 'ineligible'))",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE invalidations DROP COLUMN grounds")
            .await?;
        Ok(())
    }
}
