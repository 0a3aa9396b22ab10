//! A maslikhat deputy adopts a citizens' petition: the petition shows who took it up, and
//! the inquiries based on it tell the rest of the story on its timeline.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::OnConflict,
};

use super::super::timeline::{self, Event, Subject};
use super::super::{ActionError, ServiceError, roles};
use crate::model::{ActorRole, DeputyRef, EventKind, PetitionStatus, Role};
use crate::server::entities::{petition, petition_adoption, user};

/// A deputy in office adopts a public petition. Returns whether this call adopted it (a
/// second time changes nothing).
///
/// # Errors
/// `Forbidden` for anybody but a deputy in office; `NotFound` for a petition nobody may see.
pub async fn adopt(
    db: &impl ConnectionTrait,
    deputy: i32,
    petition_id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, ActionError> {
    let Some(maslikhat) = roles::bodies_of(db, deputy, Role::Deputy, today)
        .await?
        .into_iter()
        .next()
    else {
        return Err(ActionError::Forbidden);
    };
    let found = petition::Entity::find_by_id(petition_id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    match PetitionStatus::parse(&found.status) {
        Some(s) if s.is_public() && s != PetitionStatus::Rejected => {}
        _ => return Err(ActionError::NotFound),
    }
    let inserted = petition_adoption::Entity::insert(petition_adoption::ActiveModel {
        petition_id: sea_orm::Set(petition_id),
        deputy_id: sea_orm::Set(deputy),
        maslikhat_id: sea_orm::Set(maslikhat),
        adopted_at: sea_orm::Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            petition_adoption::Column::PetitionId,
            petition_adoption::Column::DeputyId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    if inserted == 0 {
        return Ok(false);
    }
    let name = user::Entity::find_by_id(deputy)
        .one(db)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    timeline::record(
        db,
        Subject::Petition(petition_id),
        Event::new(EventKind::Adopted, ActorRole::Deputy, Some(deputy))
            .note(name)
            .body(maslikhat),
        now,
    )
    .await?;
    Ok(true)
}

/// The deputies who adopted a petition, first first.
///
/// # Errors
/// A database failure.
pub async fn adopted_by(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<Vec<DeputyRef>, ServiceError> {
    let rows = petition_adoption::Entity::find()
        .filter(petition_adoption::Column::PetitionId.eq(petition_id))
        .order_by_asc(petition_adoption::Column::AdoptedAt)
        .all(db)
        .await?;
    let names = super::views::names_of(db, rows.iter().map(|r| r.deputy_id)).await?;
    Ok(rows
        .iter()
        .map(|r| DeputyRef {
            id: r.deputy_id,
            name: names.get(&r.deputy_id).cloned().unwrap_or_default(),
        })
        .collect())
}
