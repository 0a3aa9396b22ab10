//! Roles scoped to bodies, held from a date to an optional end date. [`holds`] is the one
//! question every server function asks before acting for a body: does this person hold role R
//! for body B today? Grants are never deleted; ending one sets its last day, so the table is the
//! history too.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::ServiceError;
use crate::model::{BodyKind, Names, Role, RoleGrantView};
use crate::server::entities::{body, role_grant, user};

/// Why a grant or an end was refused.
#[derive(Debug, thiserror::Error)]
pub enum RoleError {
    /// A field is wrong; `key` is the message's translation key.
    #[error("invalid {field}: {key}")]
    Invalid {
        /// The form field.
        field: &'static str,
        /// The translation key.
        key: &'static str,
    },
    /// The person acting may not manage this role for this body.
    #[error("forbidden")]
    Forbidden,
    /// A failure that is not the user's.
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<sea_orm::DbErr> for RoleError {
    fn from(error: sea_orm::DbErr) -> Self {
        RoleError::Service(ServiceError::Db(error))
    }
}

fn invalid(field: &'static str, key: &'static str) -> RoleError {
    RoleError::Invalid { field, key }
}

/// Grants held on `day`.
pub fn held_on(day: NaiveDate) -> Condition {
    Condition::all()
        .add(role_grant::Column::StartsOn.lte(day))
        .add(
            Condition::any()
                .add(role_grant::Column::EndsOn.is_null())
                .add(role_grant::Column::EndsOn.gte(day)),
        )
}

/// Whether `user_id` holds `role` for `body_id` (`None` for platform roles) on `day`.
///
/// # Errors
/// A database failure.
pub async fn holds(
    db: &impl ConnectionTrait,
    user_id: i32,
    role: Role,
    body_id: Option<i32>,
    day: NaiveDate,
) -> Result<bool, ServiceError> {
    let body = match body_id {
        Some(id) => role_grant::Column::BodyId.eq(id),
        None => role_grant::Column::BodyId.is_null(),
    };
    held_by(db, user_id, day, |grants| {
        grants
            .filter(role_grant::Column::Role.eq(role.as_str()))
            .filter(body)
    })
    .await
}

/// Whether `user_id` holds on `day` a grant that `which` selects.
async fn held_by(
    db: &impl ConnectionTrait,
    user_id: i32,
    day: NaiveDate,
    which: impl FnOnce(sea_orm::Select<role_grant::Entity>) -> sea_orm::Select<role_grant::Entity>,
) -> Result<bool, ServiceError> {
    Ok(which(
        role_grant::Entity::find()
            .filter(role_grant::Column::UserId.eq(user_id))
            .filter(held_on(day)),
    )
    .one(db)
    .await?
    .is_some())
}

/// Whether `user_id` holds any role at all on `day` (a citizen with none sees every page as
/// any other citizen does).
///
/// # Errors
/// A database failure.
pub async fn holds_any(
    db: &impl ConnectionTrait,
    user_id: i32,
    day: NaiveDate,
) -> Result<bool, ServiceError> {
    held_by(db, user_id, day, |grants| grants).await
}

/// Whether `actor_id` may grant or end `role` for `body_id`: an admin may manage every role;
/// a council's secretary may manage that council's members.
///
/// # Errors
/// A database failure.
pub async fn may_manage(
    db: &impl ConnectionTrait,
    actor_id: i32,
    role: Role,
    body_id: Option<i32>,
    day: NaiveDate,
) -> Result<bool, ServiceError> {
    if holds(db, actor_id, Role::Admin, None, day).await? {
        return Ok(true);
    }
    Ok(role == Role::CouncilMember
        && body_id.is_some()
        && holds(db, actor_id, Role::CouncilSecretary, body_id, day).await?)
}

/// A grant as asked for on the roles page.
#[derive(Clone, Debug)]
pub struct GrantForm {
    /// The email of the account that will hold the role.
    pub email: String,
    /// The role.
    pub role: Role,
    /// The body's slug (empty for platform roles).
    pub body_slug: String,
    /// For deputy's office staff: the email of the deputy they act for.
    pub for_email: String,
    /// First day held.
    pub starts_on: NaiveDate,
    /// Last day held, if known.
    pub ends_on: Option<NaiveDate>,
}

async fn account_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<user::Model>, ServiceError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?)
}

/// Grants a role. `actor_id` is who grants it (`None` for the first admin, from the command
/// line); the caller has checked [`may_manage`].
///
/// # Errors
/// `Invalid` for an unknown account or body, a body of the wrong kind, staff without a deputy,
/// dates out of order or a role already held then; a database failure.
pub async fn grant(
    db: &impl ConnectionTrait,
    actor_id: Option<i32>,
    form: GrantForm,
) -> Result<role_grant::Model, RoleError> {
    let holder = account_by_email(db, &form.email)
        .await?
        .ok_or_else(|| invalid("email", "role-user-unknown"))?;
    let slug = form.body_slug.trim();
    let body_id = if form.role.is_platform() {
        if !slug.is_empty() {
            return Err(invalid("body", "role-body-not-allowed"));
        }
        None
    } else {
        if slug.is_empty() {
            return Err(invalid("body", "role-body-required"));
        }
        let found = body::Entity::find()
            .filter(body::Column::Slug.eq(slug))
            .one(db)
            .await?
            .ok_or_else(|| invalid("body", "role-body-unknown"))?;
        let fits = BodyKind::parse(&found.kind).is_some_and(|kind| form.role.fits(kind));
        if !fits {
            return Err(invalid("body", "role-body-wrong-kind"));
        }
        Some(found.id)
    };
    if form.ends_on.is_some_and(|end| end < form.starts_on) {
        return Err(invalid("ends_on", "role-dates-order"));
    }
    let for_user_id = if form.role == Role::DeputyStaff {
        let deputy = account_by_email(db, &form.for_email)
            .await?
            .ok_or_else(|| invalid("for_email", "role-deputy-unknown"))?;
        if !holds(db, deputy.id, Role::Deputy, body_id, form.starts_on).await? {
            return Err(invalid("for_email", "role-deputy-unknown"));
        }
        Some(deputy.id)
    } else {
        None
    };
    // The same role for the same body (and deputy) must not overlap an existing grant.
    let same = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(holder.id))
        .filter(role_grant::Column::Role.eq(form.role.as_str()))
        .filter(match body_id {
            Some(id) => role_grant::Column::BodyId.eq(id),
            None => role_grant::Column::BodyId.is_null(),
        })
        .all(db)
        .await?;
    let overlaps = same.iter().any(|g| {
        g.for_user_id == for_user_id
            && g.ends_on.is_none_or(|end| end >= form.starts_on)
            && form.ends_on.is_none_or(|end| end >= g.starts_on)
    });
    if overlaps {
        return Err(invalid("email", "role-already-held"));
    }
    Ok(role_grant::ActiveModel {
        user_id: Set(holder.id),
        role: Set(form.role.as_str().into()),
        body_id: Set(body_id),
        for_user_id: Set(for_user_id),
        starts_on: Set(form.starts_on),
        ends_on: Set(form.ends_on),
        granted_by_id: Set(actor_id),
        granted_at: Set(Utc::now()),
        ended_by_id: Set(None),
        ended_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The grant with this id (to check who may end it).
///
/// # Errors
/// `NotFound`, or a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<role_grant::Model, ServiceError> {
    role_grant::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Ends a grant: `last_day` is the last day it is held (today ends it from tomorrow). A grant
/// that already ends earlier keeps its earlier end.
///
/// # Errors
/// `Invalid` when the last day is before the first; a database failure.
pub async fn end(
    db: &impl ConnectionTrait,
    actor_id: i32,
    grant: role_grant::Model,
    last_day: NaiveDate,
) -> Result<role_grant::Model, RoleError> {
    if last_day < grant.starts_on {
        return Err(invalid("ends_on", "role-dates-order"));
    }
    if grant.ends_on.is_some_and(|end| end <= last_day) {
        return Ok(grant);
    }
    let mut update: role_grant::ActiveModel = grant.into();
    update.ends_on = Set(Some(last_day));
    update.ended_by_id = Set(Some(actor_id));
    update.ended_at = Set(Some(Utc::now()));
    Ok(update.update(db).await?)
}

/// Grants, newest first, as pages show them; `today` decides which are current.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn list(
    db: &impl ConnectionTrait,
    holder: Option<i32>,
    bodies: Option<&[i32]>,
    today: NaiveDate,
    with_emails: bool,
) -> Result<Vec<RoleGrantView>, ServiceError> {
    let mut query = role_grant::Entity::find()
        .order_by_desc(role_grant::Column::GrantedAt)
        .order_by_desc(role_grant::Column::Id);
    if let Some(id) = holder {
        query = query.filter(role_grant::Column::UserId.eq(id));
    }
    if let Some(ids) = bodies {
        query = query.filter(role_grant::Column::BodyId.is_in(ids.iter().copied()));
    }
    let grants = query.all(db).await?;
    let mut people: Vec<i32> = grants
        .iter()
        .flat_map(|g| {
            [
                Some(g.user_id),
                g.for_user_id,
                g.granted_by_id,
                g.ended_by_id,
            ]
        })
        .flatten()
        .collect();
    people.sort_unstable();
    people.dedup();
    let people: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let body_ids: Vec<i32> = grants.iter().filter_map(|g| g.body_id).collect();
    let bodies: HashMap<i32, body::Model> = body::Entity::find()
        .filter(body::Column::Id.is_in(body_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let name = |id: Option<i32>| {
        id.and_then(|id| people.get(&id))
            .map(|u| u.display_name.clone())
    };
    grants
        .into_iter()
        .map(|g| {
            let role = Role::parse(&g.role)
                .ok_or_else(|| ServiceError::Corrupt(format!("role {}", g.role)))?;
            let holder = people.get(&g.user_id);
            Ok(RoleGrantView {
                id: g.id,
                holder: holder.map(|u| u.display_name.clone()).unwrap_or_default(),
                holder_email: if with_emails {
                    holder.map(|u| u.email.clone()).unwrap_or_default()
                } else {
                    String::new()
                },
                role,
                body: g.body_id.and_then(|id| bodies.get(&id)).map(|b| {
                    (
                        b.slug.clone(),
                        Names {
                            kk: b.name_kk.clone(),
                            ru: b.name_ru.clone(),
                            en: b.name_en.clone(),
                        },
                    )
                }),
                for_person: name(g.for_user_id),
                current: g.starts_on <= today && g.ends_on.is_none_or(|end| end >= today),
                starts_on: g.starts_on,
                ends_on: g.ends_on,
                granted_by: name(g.granted_by_id),
                ended_by: name(g.ended_by_id),
            })
        })
        .collect()
}

/// The bodies for which `user_id` holds `role` on `day`.
///
/// # Errors
/// A database failure.
pub async fn bodies_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    role: Role,
    day: NaiveDate,
) -> Result<Vec<i32>, ServiceError> {
    Ok(role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .filter(held_on(day))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| g.body_id)
        .collect())
}
