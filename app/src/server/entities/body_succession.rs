//! `body_successions`: the body that took over from a body that ended.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "body_successions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub body_id: i32,
    pub successor_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
