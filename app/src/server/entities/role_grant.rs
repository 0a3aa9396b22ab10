//! `role_grants`: who holds which role, for which body, from when to when (and the history).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_grants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub role: String,
    pub body_id: Option<i32>,
    pub for_user_id: Option<i32>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub granted_by_id: Option<i32>,
    pub granted_at: DateTimeUtc,
    pub ended_by_id: Option<i32>,
    pub ended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
