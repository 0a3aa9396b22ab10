//! Territorial units (KATO): regions now, districts and villages below them later. Units carry
//! validity dates because territory changes (three regions were created in 2022); a rename keeps
//! the old names in `territory_names`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Territories {
    Table,
    Id,
    Kato,
    Kind,
    ParentId,
    NameKk,
    NameRu,
    NameEn,
    CentreEn,
    CodeChecked,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum TerritoryNames {
    Table,
    Id,
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
                    .table(Territories::Table)
                    .if_not_exists()
                    .col(pk_auto(Territories::Id))
                    .col(string_len_uniq(Territories::Kato, 12))
                    .col(string_len(Territories::Kind, 24).check(
                        Expr::col(Territories::Kind).is_in([
                            "country",
                            "oblast",
                            "city",
                            "district",
                            "regional_city",
                            "rural_district",
                            "village",
                        ]),
                    ))
                    .col(integer_null(Territories::ParentId))
                    .col(string_len(Territories::NameKk, 200))
                    .col(string_len(Territories::NameRu, 200))
                    .col(string_len(Territories::NameEn, 200))
                    .col(string_len_null(Territories::CentreEn, 200))
                    .col(boolean(Territories::CodeChecked).default(false))
                    .col(date_null(Territories::ValidFrom))
                    .col(date_null(Territories::ValidTo))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_territories_parent")
                            .from(Territories::Table, Territories::ParentId)
                            .to(Territories::Table, Territories::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_territories_parent")
                    .table(Territories::Table)
                    .col(Territories::ParentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TerritoryNames::Table)
                    .if_not_exists()
                    .col(pk_auto(TerritoryNames::Id))
                    .col(integer(TerritoryNames::TerritoryId))
                    .col(string_len(TerritoryNames::NameKk, 200))
                    .col(string_len(TerritoryNames::NameRu, 200))
                    .col(string_len(TerritoryNames::NameEn, 200))
                    .col(date_null(TerritoryNames::ValidFrom))
                    .col(date(TerritoryNames::ValidTo))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_territory_names_territory")
                            .from(TerritoryNames::Table, TerritoryNames::TerritoryId)
                            .to(Territories::Table, Territories::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TerritoryNames::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Territories::Table).to_owned())
            .await
    }
}
