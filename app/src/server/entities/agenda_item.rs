//! `agenda_items`: one item of a meeting's agenda, optionally about a proposal or a petition,
//! with its decision and votes once decided.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub position: i32,
    pub title: String,
    pub proposal_id: Option<i32>,
    pub petition_id: Option<i32>,
    pub outcome: String,
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstained: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub decision: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
