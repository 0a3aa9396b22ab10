//! `proposals`: a citizen's proposal to a public council, public unless its secretary hid it
//! with a reason; answered through a case of kind `proposal` addressed to the council.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub council_id: i32,
    pub author_id: i32,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub territory_id: Option<i32>,
    pub topic: String,
    pub supporters: i32,
    pub desk_state: String,
    pub merged_into_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub hidden_reason: Option<String>,
    pub hidden_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
