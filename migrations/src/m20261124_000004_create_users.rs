//! Accounts. The email is kept lower-cased and unique; the password only as an argon2id hash;
//! the IIN never in clear — only a keyed hash (HMAC with a server secret), unique so one person
//! has one IIN-checked account.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_territories::Territories;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    RegionId,
    PasswordHash,
    EmailVerifiedAt,
    IinHash,
    BirthDate,
    Sex,
    IinCheckedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .if_not_exists()
                    .col(pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 100))
                    .col(integer(Users::RegionId))
                    .col(string_len(Users::PasswordHash, 200))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(string_len_null(Users::IinHash, 64).unique_key())
                    .col(date_null(Users::BirthDate))
                    .col(
                        string_len_null(Users::Sex, 8)
                            .check(Expr::col(Users::Sex).is_in(["male", "female"])),
                    )
                    .col(timestamp_with_time_zone_null(Users::IinCheckedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_users_region")
                            .from(Users::Table, Users::RegionId)
                            .to(Territories::Table, Territories::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}
