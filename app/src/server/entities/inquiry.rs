//! `inquiries`: a maslikhat deputy's formal inquiry to an akimat or one of its departments,
//! drafted by the deputy or the deputy's staff and sent by the deputy (then a case of kind
//! `inquiry`), with what the deputy made of the answer and how it ended.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub maslikhat_id: i32,
    /// The deputy: the author, whoever prepared it.
    pub deputy_id: i32,
    pub prepared_by_id: i32,
    pub sent_by_id: Option<i32>,
    /// The addressee.
    pub body_id: i32,
    pub topic: String,
    pub territory_id: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    /// Seen only by the deputy's office.
    #[sea_orm(column_type = "Text", nullable)]
    pub private_note: Option<String>,
    pub petition_id: Option<i32>,
    /// The inquiry this one follows up or refers on.
    pub follows_id: Option<i32>,
    /// `follow_up` or `referral` when it continues another.
    pub link: Option<String>,
    pub state: String,
    pub assessment: Option<String>,
    pub outcome: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub outcome_note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    pub sent_on: Option<Date>,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::body::Entity",
        from = "Column::BodyId",
        to = "super::body::Column::Id"
    )]
    Addressee,
}

impl Related<super::body::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Addressee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
