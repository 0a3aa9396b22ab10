//! `signatures`: one per person per petition. `counted` is what the counters hold for the row;
//! the table's triggers queue a row for the folding (`signature_fold_queue`) when it is added
//! and when it is withdrawn, restored or invalidated.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signatures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub petition_id: i32,
    pub user_id: i32,
    pub iin_hash: Option<String>,
    pub grade: String,
    pub region_id: i32,
    pub public_name: String,
    pub show_name: bool,
    pub notify_answer: bool,
    pub ip: String,
    pub email_domain: String,
    pub created_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub invalidated_at: Option<DateTimeUtc>,
    pub invalidation_id: Option<i32>,
    pub counted: i16,
    /// The signer's receipt secret (hex); the log holds only a commitment to it.
    pub receipt_secret: Option<String>,
    /// The index of the row's latest sign entry in the public log (none: never logged); it
    /// stands while the row is counted.
    pub log_index: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
