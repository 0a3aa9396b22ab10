//! `territories`: KATO units.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "territories")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub kato: String,
    pub kind: String,
    pub parent_id: Option<i32>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub centre_en: Option<String>,
    pub code_checked: bool,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub centre_kk: Option<String>,
    pub centre_ru: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
