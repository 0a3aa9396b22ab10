//! Deputies' inquiries and proposals to public councils join the engines' index, as petitions
//! did in migration 21: `inquiry_search` and `proposal_search` hold each one's title and text
//! folded to the Latin skeleton (`app::server::services::search::fold`), searched with an FTS5
//! index kept by triggers on SQLite and a GIN index on `to_tsvector('simple', folded)` on
//! PostgreSQL. Before, their words were matched in Rust over the newest thousand rows, so an
//! older one could not be found. The server fills the rows missing here at start.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The kinds indexed here: (kind, the table of its rows).
const KINDS: [(&str, &str); 2] = [("inquiry", "inquiries"), ("proposal", "proposals")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        for (kind, rows) in KINDS {
            db.execute_unprepared(&format!(
                "CREATE TABLE {kind}_search (\
                   {kind}_id INTEGER NOT NULL PRIMARY KEY REFERENCES {rows} (id) ON DELETE CASCADE, \
                   folded TEXT NOT NULL)"
            ))
            .await?;
            if postgres {
                db.execute_unprepared(&format!(
                    "CREATE INDEX idx_{kind}_search_fts ON {kind}_search \
                     USING GIN (to_tsvector('simple', folded))"
                ))
                .await?;
            } else {
                // One batch: the virtual table and its triggers on one connection.
                db.execute_unprepared(&format!(
                    "CREATE VIRTUAL TABLE {kind}_fts USING fts5(folded, content='{kind}_search', content_rowid='{kind}_id');\
                     CREATE TRIGGER {kind}_search_ai AFTER INSERT ON {kind}_search BEGIN \
                       INSERT INTO {kind}_fts (rowid, folded) VALUES (new.{kind}_id, new.folded); END;\
                     CREATE TRIGGER {kind}_search_ad AFTER DELETE ON {kind}_search BEGIN \
                       INSERT INTO {kind}_fts ({kind}_fts, rowid, folded) VALUES ('delete', old.{kind}_id, old.folded); END;\
                     CREATE TRIGGER {kind}_search_au AFTER UPDATE ON {kind}_search BEGIN \
                       INSERT INTO {kind}_fts ({kind}_fts, rowid, folded) VALUES ('delete', old.{kind}_id, old.folded); \
                       INSERT INTO {kind}_fts (rowid, folded) VALUES (new.{kind}_id, new.folded); END;"
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        for (kind, _) in KINDS {
            if !postgres {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER {kind}_search_ai; DROP TRIGGER {kind}_search_ad; \
                     DROP TRIGGER {kind}_search_au; DROP TABLE {kind}_fts;"
                ))
                .await?;
            }
            db.execute_unprepared(&format!("DROP TABLE {kind}_search"))
                .await?;
        }
        Ok(())
    }
}
