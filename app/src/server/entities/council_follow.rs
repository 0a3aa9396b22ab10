//! `council_follows`: an account that hears a council's new agendas, minutes and
//! recommendations by mail; the token unsubscribes in one click from any of those mails.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "council_follows")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub council_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(unique)]
    pub token: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
