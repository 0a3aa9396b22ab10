//! `inquiry_steps`: what a deputy did after an answer — a site visit, a hearing at a session,
//! a referral to the prosecutor's office — with its date and what came of it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub inquiry_id: i32,
    pub kind: String,
    pub on_date: Date,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub created_by_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
