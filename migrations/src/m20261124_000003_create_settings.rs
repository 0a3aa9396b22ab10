//! Admin-editable configuration, kept as data: population per territory, petition thresholds
//! per addressee kind and level, deadline terms, the holiday calendar with transferred days off,
//! and single-valued platform settings.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_territories::Territories;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Populations {
    Table,
    Id,
    TerritoryId,
    Year,
    Population,
    Source,
}

#[derive(DeriveIden)]
enum Thresholds {
    Table,
    Id,
    BodyKind,
    Level,
    Signatures,
    PercentBasisPoints,
    RequiredGrade,
}

#[derive(DeriveIden)]
enum DeadlineTerms {
    Table,
    Id,
    Clock,
    Level,
    Amount,
    Unit,
}

#[derive(DeriveIden)]
enum CalendarDays {
    Table,
    Id,
    Day,
    Kind,
    NameKk,
    NameRu,
    NameEn,
}

#[derive(DeriveIden)]
enum PlatformSettings {
    Table,
    Key,
    Value,
}

const LEVELS: [&str; 5] = ["any", "national", "regional", "district", "rural"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Populations::Table)
                    .if_not_exists()
                    .col(pk_auto(Populations::Id))
                    .col(integer(Populations::TerritoryId))
                    .col(integer(Populations::Year).check(Expr::col(Populations::Year).gte(1990)))
                    .col(
                        big_integer(Populations::Population)
                            .check(Expr::col(Populations::Population).gte(0)),
                    )
                    .col(string_len(Populations::Source, 300))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_populations_territory")
                            .from(Populations::Table, Populations::TerritoryId)
                            .to(Territories::Table, Territories::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("uq_populations_territory_year")
                            .col(Populations::TerritoryId)
                            .col(Populations::Year)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        // A threshold is either a fixed number of signatures or a share of the population of the
        // addressee's territory, never both.
        manager
            .create_table(
                Table::create()
                    .table(Thresholds::Table)
                    .if_not_exists()
                    .col(pk_auto(Thresholds::Id))
                    .col(string_len(Thresholds::BodyKind, 24))
                    .col(
                        string_len(Thresholds::Level, 16)
                            .check(Expr::col(Thresholds::Level).is_in(LEVELS)),
                    )
                    .col(integer_null(Thresholds::Signatures))
                    .col(integer_null(Thresholds::PercentBasisPoints))
                    .col(string_len(Thresholds::RequiredGrade, 24).check(
                        Expr::col(Thresholds::RequiredGrade).is_in([
                            "email_verified",
                            "iin_checked",
                            "digital_signature",
                        ]),
                    ))
                    .check(
                        Condition::any()
                            .add(
                                Condition::all()
                                    .add(Expr::col(Thresholds::Signatures).gt(0))
                                    .add(Expr::col(Thresholds::PercentBasisPoints).is_null()),
                            )
                            .add(
                                Condition::all()
                                    .add(Expr::col(Thresholds::Signatures).is_null())
                                    .add(Expr::col(Thresholds::PercentBasisPoints).gt(0))
                                    .add(Expr::col(Thresholds::PercentBasisPoints).lte(10_000)),
                            ),
                    )
                    .index(
                        Index::create()
                            .name("uq_thresholds_kind_level")
                            .col(Thresholds::BodyKind)
                            .col(Thresholds::Level)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DeadlineTerms::Table)
                    .if_not_exists()
                    .col(pk_auto(DeadlineTerms::Id))
                    .col(string_len(DeadlineTerms::Clock, 40))
                    .col(
                        string_len(DeadlineTerms::Level, 16)
                            .check(Expr::col(DeadlineTerms::Level).is_in(LEVELS)),
                    )
                    .col(
                        integer(DeadlineTerms::Amount)
                            .check(Expr::col(DeadlineTerms::Amount).gt(0)),
                    )
                    .col(string_len(DeadlineTerms::Unit, 16).check(
                        Expr::col(DeadlineTerms::Unit).is_in([
                            "working_days",
                            "calendar_days",
                            "months",
                        ]),
                    ))
                    .index(
                        Index::create()
                            .name("uq_deadline_terms_clock_level")
                            .col(DeadlineTerms::Clock)
                            .col(DeadlineTerms::Level)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CalendarDays::Table)
                    .if_not_exists()
                    .col(pk_auto(CalendarDays::Id))
                    .col(date_uniq(CalendarDays::Day))
                    .col(string_len(CalendarDays::Kind, 24).check(
                        Expr::col(CalendarDays::Kind).is_in([
                            "holiday",
                            "transferred_day_off",
                            "working_day",
                        ]),
                    ))
                    .col(string_len(CalendarDays::NameKk, 200))
                    .col(string_len(CalendarDays::NameRu, 200))
                    .col(string_len(CalendarDays::NameEn, 200))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlatformSettings::Table)
                    .if_not_exists()
                    .col(string_len(PlatformSettings::Key, 64).primary_key())
                    .col(string_len(PlatformSettings::Value, 500))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PlatformSettings::Table.into_iden(),
            CalendarDays::Table.into_iden(),
            DeadlineTerms::Table.into_iden(),
            Thresholds::Table.into_iden(),
            Populations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
