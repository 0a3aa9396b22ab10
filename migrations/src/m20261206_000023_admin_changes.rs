//! Administration without SQL (issue 17): every change an admin makes is on the record.
//!
//! - `admin_changes`: who changed what, when, from which value to which (canonical JSON of the
//!   item before and after; none for an addition or a removal). `public` marks the changes
//!   citizens are affected by (thresholds, deadline terms, the holiday calendar, prohibited
//!   topics), listed on the public rule-changes page.
//! - `version` on `thresholds` and `platform_settings`: optimistic locking. A form carries the
//!   version it showed; a save that finds another one is told the item changed meanwhile.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let (id, time) = if manager.get_database_backend() == DbBackend::Postgres {
            ("BIGSERIAL PRIMARY KEY", "TIMESTAMP WITH TIME ZONE")
        } else {
            (
                "INTEGER PRIMARY KEY AUTOINCREMENT",
                "timestamp_with_timezone_text",
            )
        };
        db.execute_unprepared(&format!(
            "CREATE TABLE admin_changes (\
               id {id}, \
               actor_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL, \
               changed_at {time} NOT NULL, \
               subject VARCHAR(32) NOT NULL, \
               item VARCHAR(200) NOT NULL, \
               old_value TEXT NULL, \
               new_value TEXT NULL, \
               public BOOLEAN NOT NULL, \
               CHECK (old_value IS NOT NULL OR new_value IS NOT NULL))"
        ))
        .await?;
        db.execute_unprepared(
            "CREATE INDEX idx_admin_changes_public ON admin_changes (public, changed_at)",
        )
        .await?;
        db.execute_unprepared(
            "CREATE INDEX idx_admin_changes_subject ON admin_changes (subject, item, changed_at)",
        )
        .await?;
        for table in ["thresholds", "platform_settings"] {
            db.execute_unprepared(&format!(
                "ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in ["thresholds", "platform_settings"] {
            db.execute_unprepared(&format!("ALTER TABLE {table} DROP COLUMN version"))
                .await?;
        }
        db.execute_unprepared("DROP TABLE admin_changes").await?;
        Ok(())
    }
}
