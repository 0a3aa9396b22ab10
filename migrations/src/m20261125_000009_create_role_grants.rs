//! Roles, each held by an account from a date to an optional end date. Platform roles
//! (moderator, admin) have no body; every other role is scoped to one body, and deputy's office
//! staff act for one deputy. A grant is never deleted: ending it sets `ends_on`, so the table is
//! also the history of who held what, granted and ended by whom.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000002_create_bodies::Bodies;
use crate::m20261124_000004_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    UserId,
    Role,
    BodyId,
    ForUserId,
    StartsOn,
    EndsOn,
    GrantedById,
    GrantedAt,
    EndedById,
    EndedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let fk = |name: &str, col: RoleGrants| {
            ForeignKey::create()
                .name(name)
                .from(RoleGrants::Table, col)
                .to(Users::Table, Users::Id)
                .on_delete(ForeignKeyAction::Restrict)
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .if_not_exists()
                    .col(pk_auto(RoleGrants::Id))
                    .col(integer(RoleGrants::UserId))
                    .col(
                        string_len(RoleGrants::Role, 24).check(Expr::col(RoleGrants::Role).is_in(
                            [
                                "moderator",
                                "council_secretary",
                                "council_member",
                                "deputy",
                                "deputy_staff",
                                "official",
                                "admin",
                            ],
                        )),
                    )
                    .col(integer_null(RoleGrants::BodyId))
                    .col(integer_null(RoleGrants::ForUserId))
                    .col(date(RoleGrants::StartsOn))
                    .col(date_null(RoleGrants::EndsOn))
                    .col(integer_null(RoleGrants::GrantedById))
                    .col(timestamp_with_time_zone(RoleGrants::GrantedAt))
                    .col(integer_null(RoleGrants::EndedById))
                    .col(timestamp_with_time_zone_null(RoleGrants::EndedAt))
                    // Platform roles have no body; every other role has one.
                    .check(Expr::cust(
                        "(role IN ('moderator', 'admin')) = (body_id IS NULL)",
                    ))
                    // Only deputy's office staff act for somebody.
                    .check(Expr::cust(
                        "(role = 'deputy_staff') = (for_user_id IS NOT NULL)",
                    ))
                    .check(Expr::cust("ends_on IS NULL OR ends_on >= starts_on"))
                    .foreign_key(&mut fk("fk_role_grants_user", RoleGrants::UserId))
                    .foreign_key(&mut fk("fk_role_grants_for_user", RoleGrants::ForUserId))
                    .foreign_key(&mut fk(
                        "fk_role_grants_granted_by",
                        RoleGrants::GrantedById,
                    ))
                    .foreign_key(&mut fk("fk_role_grants_ended_by", RoleGrants::EndedById))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_role_grants_body")
                            .from(RoleGrants::Table, RoleGrants::BodyId)
                            .to(Bodies::Table, Bodies::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "idx_role_grants_user",
                [RoleGrants::UserId, RoleGrants::Role],
            ),
            (
                "idx_role_grants_body",
                [RoleGrants::BodyId, RoleGrants::Role],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(RoleGrants::Table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RoleGrants::Table).to_owned())
            .await
    }
}
