//! `cases`: something addressed to one body that it must answer (a registered petition today;
//! inquiries, recommendations and proposals next), with its number, clock and answer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: String,
    pub origin_id: i32,
    pub body_id: i32,
    pub forwarded_from_id: Option<i32>,
    pub year: i32,
    pub seq: i32,
    pub registered_on: Date,
    pub registered_at: DateTimeUtc,
    pub state: String,
    pub due_on: Date,
    pub very_due_on: Date,
    pub decision: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub answer_text: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    pub answered_on: Option<Date>,
    pub answered_by_id: Option<i32>,
    /// Working days from registration to the answer, pauses left out.
    pub answer_days: Option<i32>,
    pub overdue_at: Option<DateTimeUtc>,
    pub very_overdue_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// A term of its own in calendar days (an inquiry's maslikhat's), instead of its kind's.
    pub term_days: Option<i32>,
    /// The term its clock started with (amount and unit), kept so a later change of the
    /// deadline terms leaves it alone.
    pub term_amount: Option<i32>,
    pub term_unit: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::body::Entity",
        from = "Column::BodyId",
        to = "super::body::Column::Id"
    )]
    Body,
}

impl Related<super::body::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Body.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
