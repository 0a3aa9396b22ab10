//! `deadline_terms`: the length of each clock (moderation, initial support, answers, …).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deadline_terms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub clock: String,
    pub level: String,
    pub amount: i32,
    pub unit: String,
    /// Optimistic locking for the admin's form.
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
