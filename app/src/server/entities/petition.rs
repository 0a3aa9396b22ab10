//! `petitions`: a petition and the timestamps of its lifecycle.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "petitions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub author_id: i32,
    pub body_id: i32,
    pub territory_id: i32,
    pub topic: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub status: String,
    pub hidden: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub prohibited_confirmed_at: Option<DateTimeUtc>,
    pub submitted_at: Option<DateTimeUtc>,
    pub moderation_started_on: Option<Date>,
    pub claimed_by_id: Option<i32>,
    pub claim_expires_at: Option<DateTimeUtc>,
    pub moderation_overdue_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub return_note: Option<String>,
    pub approved_at: Option<DateTimeUtc>,
    pub support_started_on: Option<Date>,
    pub opened_at: Option<DateTimeUtc>,
    pub collection_started_on: Option<Date>,
    /// The term the running clock (moderation, initial support, collection) started with.
    pub clock_term_amount: Option<i32>,
    pub clock_term_unit: Option<String>,
    /// The initial supporters it needs, kept when it was approved.
    pub support_needed: Option<i32>,
    pub threshold: Option<i64>,
    pub required_grade: Option<String>,
    pub threshold_reached_at: Option<DateTimeUtc>,
    #[sea_orm(unique)]
    pub registration_number: Option<String>,
    pub registered_on: Option<Date>,
    pub answer_overdue_at: Option<DateTimeUtc>,
    pub answer_very_overdue_at: Option<DateTimeUtc>,
    pub answered_at: Option<DateTimeUtc>,
    pub answer_decision: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub answer_text: Option<String>,
    pub answered_by_id: Option<i32>,
    pub closed_at: Option<DateTimeUtc>,
    pub closed_reason: Option<String>,
    pub rejected_at: Option<DateTimeUtc>,
    pub rejection_reason_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub rejection_note: Option<String>,
    pub answer_mail_after: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
