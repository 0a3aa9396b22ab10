//! A petition's signatures in the order they came (issue 16): the page's "recent signers" read
//! the newest ten of a petition, and with only the (petition, account) key to go by, both
//! databases read every signature of the petition and sorted them, on every page built (about
//! 60 ms at 100,000 signatures). With `(petition_id, id)` they read the newest rows and stop.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX idx_signatures_petition_order ON signatures (petition_id, id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX idx_signatures_petition_order")
            .await?;
        Ok(())
    }
}
