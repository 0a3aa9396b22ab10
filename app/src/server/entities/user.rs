//! `users`: accounts.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub region_id: i32,
    pub password_hash: String,
    pub email_verified_at: Option<DateTimeUtc>,
    #[sea_orm(unique)]
    pub iin_hash: Option<String>,
    pub birth_date: Option<Date>,
    pub sex: Option<String>,
    pub iin_checked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub language: String,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
