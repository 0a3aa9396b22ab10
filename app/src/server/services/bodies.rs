//! State bodies: the bodies of a territory and one body's page.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{ServiceError, administration, territories, thresholds};
use crate::model::{BodyKind, BodyLevel, BodySummary, BodyView, Names};
use crate::server::entities::{body, territory};

/// A body as lists show it.
///
/// # Errors
/// `Corrupt` when the stored kind or level is not one the platform knows.
pub fn summary(model: &body::Model) -> Result<BodySummary, ServiceError> {
    Ok(BodySummary {
        slug: model.slug.clone(),
        kind: BodyKind::parse(&model.kind)
            .ok_or_else(|| ServiceError::Corrupt(format!("body kind {}", model.kind)))?,
        level: BodyLevel::parse(&model.level)
            .ok_or_else(|| ServiceError::Corrupt(format!("body level {}", model.level)))?,
        names: Names {
            kk: model.name_kk.clone(),
            ru: model.name_ru.clone(),
            en: model.name_en.clone(),
        },
    })
}

fn summaries(models: &[body::Model]) -> Result<Vec<BodySummary>, ServiceError> {
    models.iter().map(summary).collect()
}

/// The bodies in force that serve a territory, ordered by kind then id.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn of_territory(
    db: &impl ConnectionTrait,
    territory_id: i32,
) -> Result<Vec<BodySummary>, ServiceError> {
    let models = body::Entity::find()
        .filter(body::Column::TerritoryId.eq(territory_id))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    summaries(&models)
}

/// One body's page: the body, its parent, territory, public council, the bodies under it and the
/// petition threshold it implies.
///
/// # Errors
/// `NotFound` for an unknown slug; a database failure.
pub async fn body_view(db: &impl ConnectionTrait, slug: &str) -> Result<BodyView, ServiceError> {
    let model = body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let parent = match model.parent_id {
        Some(id) => body::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let territory = territory::Entity::find_by_id(model.territory_id)
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("body {} has no territory", model.slug)))?;
    let below = body::Entity::find()
        .filter(body::Column::ParentId.eq(model.id))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    let (councils, children): (Vec<_>, Vec<_>) = below
        .into_iter()
        .partition(|b| b.kind == BodyKind::PublicCouncil.as_str());
    Ok(BodyView {
        body: summary(&model)?,
        parent: parent.as_ref().map(summary).transpose()?,
        territory: territories::summary(&territory)?,
        council: councils.first().map(summary).transpose()?,
        children: summaries(&children)?,
        threshold: thresholds::for_body(db, &model).await?,
        former_names: administration::bodies::former_names(db, model.id).await?,
        ended_on: model.valid_to,
        successor: administration::bodies::successor(db, model.id)
            .await?
            .as_ref()
            .map(summary)
            .transpose()?,
    })
}

/// Bodies in force, ordered by id: all of them, or those with the given ids.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn with_ids(
    db: &impl ConnectionTrait,
    ids: Option<&[i32]>,
) -> Result<Vec<BodySummary>, ServiceError> {
    let mut query = body::Entity::find()
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id);
    if let Some(ids) = ids {
        query = query.filter(body::Column::Id.is_in(ids.iter().copied()));
    }
    summaries(&query.all(db).await?)
}
