//! `bodies`: the Government, ministries, akimats, maslikhats, public councils.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bodies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: String,
    pub level: String,
    pub parent_id: Option<i32>,
    pub territory_id: i32,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// A public council's own minimum of voting members (none: the platform setting).
    pub minimum_members: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
