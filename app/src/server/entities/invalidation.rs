//! `invalidations`: an admin's bulk invalidation of signatures by condition.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invalidations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub created_by_id: i32,
    pub created_at: DateTimeUtc,
    pub petition_id: i32,
    pub ip: Option<String>,
    pub email_domain: Option<String>,
    pub from_at: Option<DateTimeUtc>,
    pub to_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub signatures: i64,
    /// `fraud`, `duplicate` or `ineligible` (none before the grounds were recorded).
    pub grounds: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
