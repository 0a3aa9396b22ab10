//! Server functions for roles: the roles page's list, granting and ending. An admin manages
//! every role; a council's secretary manages that council's members. Every call checks both the
//! role and the body through `roles::may_manage` (built on the one `roles::holds` check).

// A grant takes eight form fields; the generated server-function code carries them all.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::RolesPageData;

/// What the roles page shows the signed-in person: the grants they may see (all for an admin;
/// their councils' for a secretary), and whether they are an admin.
///
/// # Errors
/// `Forbidden` for a visitor or a person who manages no roles.
#[server(endpoint = "roles/list")]
pub async fn list_roles() -> Result<RolesPageData, AppError> {
    use crate::model::Role;
    use crate::server::{
        app_state, request,
        services::{bodies, roles, today},
    };
    let me = request::signed_in()?;
    let state = app_state()?;
    let day = today();
    if roles::holds(&state.db, me.id, Role::Admin, None, day).await? {
        return Ok(RolesPageData {
            is_admin: true,
            grants: roles::list(&state.db, None, None, day, true).await?,
            bodies: bodies::with_ids(&state.db, None).await?,
        });
    }
    let councils = roles::bodies_of(&state.db, me.id, Role::CouncilSecretary, day).await?;
    if councils.is_empty() {
        return request::forbid();
    }
    Ok(RolesPageData {
        is_admin: false,
        grants: roles::list(&state.db, None, Some(&councils), day, true).await?,
        bodies: bodies::with_ids(&state.db, Some(&councils)).await?,
    })
}

#[cfg(feature = "ssr")]
fn role_error(error: crate::server::services::roles::RoleError) -> AppError {
    use crate::server::services::roles::RoleError;
    match error {
        RoleError::Invalid { field, key } => AppError::Invalid {
            field: field.into(),
            reason: key.into(),
        },
        RoleError::Forbidden => AppError::Forbidden,
        RoleError::Service(e) => e.into(),
    }
}

#[cfg(feature = "ssr")]
fn parse_day(field: &str, text: &str) -> Result<Option<chrono::NaiveDate>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map(Some)
        .map_err(|_| AppError::Invalid {
            field: field.into(),
            reason: "date-invalid".into(),
        })
}

/// Grants a role from a date (default today) to an optional end date.
///
/// # Errors
/// `Forbidden` without the CSRF token, or when the signed-in person may not manage this role for
/// this body; `Invalid` for a bad field.
#[server(endpoint = "roles/grant")]
pub async fn grant_role(
    csrf: String,
    lang: String,
    email: String,
    role: String,
    body: String,
    for_email: Option<String>,
    starts_on: String,
    ends_on: String,
) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::server::entities::body as body_entity;
    use crate::server::{
        app_state, request,
        services::{roles, today},
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    let role = Role::parse(&role).ok_or_else(|| AppError::Invalid {
        field: "role".into(),
        reason: "role-unknown".into(),
    })?;
    // Who may act is decided on the body named in the form, before anything else is looked at.
    let body_id = if body.trim().is_empty() {
        None
    } else {
        body_entity::Entity::find()
            .filter(body_entity::Column::Slug.eq(body.trim()))
            .one(&state.db)
            .await
            .map_err(crate::server::services::ServiceError::from)?
            .map(|b| b.id)
    };
    if !roles::may_manage(&state.db, me.id, role, body_id, today()).await? {
        return request::forbid();
    }
    let form = roles::GrantForm {
        email,
        role,
        body_slug: body,
        for_email: for_email.unwrap_or_default(),
        starts_on: parse_day("starts_on", &starts_on)?.unwrap_or_else(today),
        ends_on: parse_day("ends_on", &ends_on)?,
    };
    roles::grant(&state.db, Some(me.id), form)
        .await
        .map_err(role_error)?;
    let locale = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
    leptos_axum::redirect(&format!("/{}/roles?done=role-granted", locale.code()));
    Ok(())
}

/// Ends a grant: `last_day` (default today) is the last day it is held.
///
/// # Errors
/// `Forbidden` without the CSRF token, or when the signed-in person may not manage the grant's
/// role for its body; `NotFound` for an unknown grant; `Invalid` for a bad date.
#[server(endpoint = "roles/end")]
pub async fn end_role(
    csrf: String,
    lang: String,
    grant: i32,
    last_day: String,
) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::server::{
        app_state, request,
        services::{roles, today},
    };
    request::check_csrf(&csrf)?;
    let me = request::signed_in()?;
    let state = app_state()?;
    let found = roles::find(&state.db, grant).await?;
    let role = Role::parse(&found.role).ok_or(AppError::Internal)?;
    if !roles::may_manage(&state.db, me.id, role, found.body_id, today()).await? {
        return request::forbid();
    }
    let last_day = parse_day("last_day", &last_day)?.unwrap_or_else(today);
    roles::end(&state.db, me.id, found, last_day)
        .await
        .map_err(role_error)?;
    let locale = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
    leptos_axum::redirect(&format!("/{}/roles?done=role-ended", locale.code()));
    Ok(())
}
