//! `inquiry_cosigners`: the deputies who join another deputy's inquiry (a joint inquiry).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry_cosigners")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub inquiry_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub deputy_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
