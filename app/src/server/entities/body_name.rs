//! `body_names`: a body's former names, each with the dates it was in use.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "body_names")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub body_id: i32,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub valid_from: Option<Date>,
    pub valid_to: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
