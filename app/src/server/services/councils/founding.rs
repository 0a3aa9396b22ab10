//! Admins found a public council for a body that has none (a ministry, an akimat, a
//! quasi-public entity): a body of kind `public_council` under it, at its level and territory,
//! slug `council-{body}`. Its secretary and members are then granted on the roles page and kept
//! by the secretary; the seed founds one for every ministry and regional akimat.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::super::{ActionError, ServiceError, bodies, cases::checked_text, roles};
use crate::model::{BodyKind, BodySummary, Role};
use crate::server::entities::body;

/// The longest name of a council.
pub const MAX_NAME: usize = 300;

/// What the admin types.
#[derive(Clone, Debug, Default)]
pub struct CouncilForm {
    /// The slug of the body it advises.
    pub body: String,
    /// Its name in Kazakh.
    pub name_kk: String,
    /// In Russian.
    pub name_ru: String,
    /// In English.
    pub name_en: String,
}

/// Whether a body of `kind` may have a public council.
fn may_have_council(kind: &str) -> bool {
    [BodyKind::Ministry, BodyKind::Akimat, BodyKind::QuasiPublic]
        .iter()
        .any(|k| k.as_str() == kind)
}

/// The bodies in force that may have a council and have none yet, by name.
///
/// # Errors
/// A database failure.
pub async fn bodies_without_council(
    db: &impl ConnectionTrait,
) -> Result<Vec<BodySummary>, ServiceError> {
    let all = body::Entity::find()
        .filter(body::Column::ValidTo.is_null())
        .all(db)
        .await?;
    let advised: std::collections::HashSet<i32> = all
        .iter()
        .filter(|b| b.kind == BodyKind::PublicCouncil.as_str())
        .filter_map(|b| b.parent_id)
        .collect();
    let mut open: Vec<body::Model> = all
        .into_iter()
        .filter(|b| may_have_council(&b.kind) && !advised.contains(&b.id))
        .collect();
    open.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    open.iter().map(bodies::summary).collect()
}

/// An admin founds a council for the body `form.body`. Returns the council's slug.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an unknown body, one that may have no
/// council, or an empty or over-long name; `Refused` when the body has a council already.
pub async fn create(
    db: &impl ConnectionTrait,
    admin: i32,
    form: &CouncilForm,
    today: NaiveDate,
) -> Result<String, ActionError> {
    if !roles::holds(db, admin, Role::Admin, None, today).await? {
        return Err(ActionError::Forbidden);
    }
    let parent = body::Entity::find()
        .filter(body::Column::Slug.eq(form.body.trim()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .filter(|b| may_have_council(&b.kind))
        .ok_or(ActionError::Invalid {
            field: "body",
            key: "council-body-unknown",
        })?;
    let name = |text: &str, field| {
        checked_text(
            text,
            field,
            MAX_NAME,
            "council-name-empty",
            "council-name-long",
        )
    };
    let (kk, ru, en) = (
        name(&form.name_kk, "name_kk")?,
        name(&form.name_ru, "name_ru")?,
        name(&form.name_en, "name_en")?,
    );
    let exists = body::Entity::find()
        .filter(body::Column::ParentId.eq(parent.id))
        .filter(body::Column::Kind.eq(BodyKind::PublicCouncil.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .is_some();
    let slug = format!("council-{}", parent.slug);
    let taken = body::Entity::find()
        .filter(body::Column::Slug.eq(&slug))
        .one(db)
        .await?
        .is_some();
    if exists || taken {
        return Err(ActionError::Refused("council-exists"));
    }
    body::ActiveModel {
        slug: Set(slug.clone()),
        kind: Set(BodyKind::PublicCouncil.as_str().into()),
        level: Set(parent.level),
        parent_id: Set(Some(parent.id)),
        territory_id: Set(parent.territory_id),
        name_kk: Set(kk),
        name_ru: Set(ru),
        name_en: Set(en),
        valid_from: Set(Some(today)),
        valid_to: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(slug)
}
