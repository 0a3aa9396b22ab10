//! `topics`: the admin-kept catalogue of what petitions, proposals and inquiries are about.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "topics")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    /// Usually a matter for the territory's akimat and maslikhat.
    pub local: bool,
    /// The ministry that answers for it nationally.
    pub ministry_id: Option<i32>,
    /// Its place in the lists (smallest first).
    pub position: i32,
    /// Offered for new petitions, proposals and inquiries.
    pub active: bool,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
