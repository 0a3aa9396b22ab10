//! `council_members`: one membership of a public council (a person, their position, voting
//! right and term, optionally their account). Former members keep their rows.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub council_id: i32,
    pub full_name: String,
    pub position: String,
    pub organisation: String,
    pub voting: bool,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
