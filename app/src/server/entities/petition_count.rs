//! `petition_counts`: folded signature counts per petition and identity grade.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petition_counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub petition_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub grade: String,
    pub count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
