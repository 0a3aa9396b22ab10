//! `council_mailings`: a council's news (an agenda or minutes published, a recommendation
//! made) being mailed to its followers, a chunk at a time; `after_user_id` is the cursor and
//! `subject_id` the meeting or recommendation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council_mailings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub council_id: i32,
    pub news: String,
    pub subject_id: i32,
    pub after_user_id: i32,
    pub created_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
