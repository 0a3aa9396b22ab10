//! A region's administrative centre gets its Kazakh and Russian names: Kazakh and Russian pages
//! showed the English transliteration ("Semey", "Oskemen").

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Territories {
    Table,
    CentreKk,
    CentreRu,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one change per ALTER TABLE.
        for column in [Territories::CentreKk, Territories::CentreRu] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Territories::Table)
                        .add_column(string_len_null(column, 200))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Territories::CentreRu, Territories::CentreKk] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Territories::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
