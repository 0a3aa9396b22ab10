//! State bodies: the Government, ministries, akimats, maslikhats, public councils and
//! quasi-public entities. Each has a kind, a level, an optional parent body and a territory;
//! a public council's parent is the body it is attached to.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_territories::Territories;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Bodies {
    Table,
    Id,
    Slug,
    Kind,
    Level,
    ParentId,
    TerritoryId,
    NameKk,
    NameRu,
    NameEn,
    ValidFrom,
    ValidTo,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bodies::Table)
                    .if_not_exists()
                    .col(pk_auto(Bodies::Id))
                    .col(string_len_uniq(Bodies::Slug, 80))
                    .col(
                        string_len(Bodies::Kind, 24).check(Expr::col(Bodies::Kind).is_in([
                            "government",
                            "ministry",
                            "akimat",
                            "maslikhat",
                            "public_council",
                            "quasi_public",
                        ])),
                    )
                    .col(
                        string_len(Bodies::Level, 16).check(
                            Expr::col(Bodies::Level)
                                .is_in(["national", "regional", "district", "rural"]),
                        ),
                    )
                    .col(integer_null(Bodies::ParentId))
                    .col(integer(Bodies::TerritoryId))
                    .col(string_len(Bodies::NameKk, 300))
                    .col(string_len(Bodies::NameRu, 300))
                    .col(string_len(Bodies::NameEn, 300))
                    .col(date_null(Bodies::ValidFrom))
                    .col(date_null(Bodies::ValidTo))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bodies_parent")
                            .from(Bodies::Table, Bodies::ParentId)
                            .to(Bodies::Table, Bodies::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bodies_territory")
                            .from(Bodies::Table, Bodies::TerritoryId)
                            .to(Territories::Table, Territories::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_bodies_parent", Bodies::ParentId),
            ("idx_bodies_territory", Bodies::TerritoryId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Bodies::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Bodies::Table).to_owned())
            .await
    }
}
