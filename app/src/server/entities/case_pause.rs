//! `case_pauses`: a body's request for clarification; the case's clock stands still from the
//! day it was asked to the day it was answered.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_pauses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: i32,
    pub asked_at: DateTimeUtc,
    pub asked_on: Date,
    pub asked_by_id: i32,
    #[sea_orm(column_type = "Text")]
    pub question: String,
    pub answered_at: Option<DateTimeUtc>,
    pub answered_on: Option<Date>,
    pub answered_by_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub reply: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
