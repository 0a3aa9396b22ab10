//! `timeline_events`: the one public timeline of every subject (a petition, a case, and the
//! inquiries, recommendations and proposals to come), keyed by the subject's kind and id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "timeline_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub subject_kind: String,
    pub subject_id: i32,
    pub at: DateTimeUtc,
    pub kind: String,
    pub actor_role: String,
    pub actor_id: Option<i32>,
    pub reason_id: Option<i32>,
    /// The other body of a hand-over (forwarded to, received from).
    pub body_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
