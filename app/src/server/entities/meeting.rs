//! `meetings`: a public council's meeting: when and where, its state (draft, published,
//! closed) and its minutes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub council_id: i32,
    pub starts_at: DateTimeUtc,
    /// The day of the meeting in Kazakhstan.
    pub meets_on: Date,
    pub format: String,
    pub place: String,
    pub online_url: String,
    pub state: String,
    pub published_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub minutes: Option<String>,
    pub minutes_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
