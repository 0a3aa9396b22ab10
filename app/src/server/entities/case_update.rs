//! `case_updates`: what a body says after its answer: follow-up answers and implementation
//! updates (planned, in progress, done, not done, with a date).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: i32,
    pub kind: String,
    pub progress: Option<String>,
    pub on_date: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub at: DateTimeUtc,
    pub author_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
