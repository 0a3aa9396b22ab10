//! `thresholds`: signatures a petition needs, per addressee kind and level.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "thresholds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub body_kind: String,
    pub level: String,
    pub signatures: Option<i32>,
    pub percent_basis_points: Option<i32>,
    pub required_grade: String,
    /// Optimistic locking: raised by every admin edit.
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
