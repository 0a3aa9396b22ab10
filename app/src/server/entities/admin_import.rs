//! `admin_imports`: a CSV file an admin uploaded, with the report of its dry run.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "admin_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: String,
    pub actor_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub file_name: String,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    /// JSON of `model::ImportReport`.
    #[sea_orm(column_type = "Text")]
    pub report: String,
    pub ok: bool,
    pub applied_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
