//! A case may carry a term of its own in calendar days (`cases.term_days`), set when it opens:
//! a deputy's inquiry takes its maslikhat's term (the setting `inquiry_answer_days:<slug>`),
//! which the deadline sweep must keep rather than recompute from the body's level.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "ALTER TABLE cases ADD COLUMN term_days INTEGER NULL \
                 CHECK (term_days IS NULL OR term_days BETWEEN 1 AND 366)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE cases DROP COLUMN term_days")
            .await?;
        Ok(())
    }
}
