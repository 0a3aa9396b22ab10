//! `petition_adoptions`: a maslikhat deputy takes a citizens' petition up.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petition_adoptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub petition_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub deputy_id: i32,
    pub maslikhat_id: i32,
    pub adopted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
