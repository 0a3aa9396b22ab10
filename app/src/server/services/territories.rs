//! Territorial units: the list of regions and one region with its bodies.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{ServiceError, bodies};
use crate::model::{Names, PopulationFigure, RegionView, TerritoryKind, TerritorySummary};
use crate::server::entities::{population, territory};

/// The kinds of unit that count as regions: oblasts and cities of republican significance.
const REGION_KINDS: [&str; 2] = ["oblast", "city"];

/// A unit as lists show it.
///
/// # Errors
/// `Corrupt` when the stored kind is not one the platform knows.
pub fn summary(model: &territory::Model) -> Result<TerritorySummary, ServiceError> {
    Ok(TerritorySummary {
        kato: model.kato.clone(),
        kind: TerritoryKind::parse(&model.kind)
            .ok_or_else(|| ServiceError::Corrupt(format!("territory kind {}", model.kind)))?,
        names: Names {
            kk: model.name_kk.clone(),
            ru: model.name_ru.clone(),
            en: model.name_en.clone(),
        },
        // A language without its own name falls back to the English transliteration.
        centre: model.centre_en.as_ref().map(|en| Names {
            kk: model.centre_kk.clone().unwrap_or_else(|| en.clone()),
            ru: model.centre_ru.clone().unwrap_or_else(|| en.clone()),
            en: en.clone(),
        }),
    })
}

/// The regions in force today, ordered by KATO code.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn list_regions(
    db: &impl ConnectionTrait,
) -> Result<Vec<TerritorySummary>, ServiceError> {
    territory::Entity::find()
        .filter(territory::Column::Kind.is_in(REGION_KINDS))
        .filter(territory::Column::ValidTo.is_null())
        .order_by_asc(territory::Column::Kato)
        .all(db)
        .await?
        .iter()
        .map(summary)
        .collect()
}

/// The latest population figure of a unit.
///
/// # Errors
/// A database failure.
pub async fn latest_population(
    db: &impl ConnectionTrait,
    territory_id: i32,
) -> Result<Option<PopulationFigure>, ServiceError> {
    Ok(population::Entity::find()
        .filter(population::Column::TerritoryId.eq(territory_id))
        .order_by_desc(population::Column::Year)
        .one(db)
        .await?
        .map(|p| PopulationFigure {
            year: p.year,
            count: u64::try_from(p.population).unwrap_or(0),
        }))
}

/// One region's page: the region, its population and its bodies.
///
/// # Errors
/// `NotFound` for a code that is not a region; a database failure.
pub async fn region_view(
    db: &impl ConnectionTrait,
    kato: &str,
) -> Result<RegionView, ServiceError> {
    let region = territory::Entity::find()
        .filter(territory::Column::Kato.eq(kato))
        .filter(territory::Column::Kind.is_in(REGION_KINDS))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(RegionView {
        region: summary(&region)?,
        valid_from: region.valid_from,
        population: latest_population(db, region.id).await?,
        bodies: bodies::of_territory(db, region.id).await?,
        former_names: super::administration::territories::former_names(db, region.id).await?,
    })
}

/// The territories at and below `root` (its ids).
///
/// # Errors
/// A database failure.
pub async fn tree(
    db: &impl ConnectionTrait,
    root: i32,
) -> Result<std::collections::HashSet<i32>, ServiceError> {
    let mut all = std::collections::HashSet::from([root]);
    let mut frontier = vec![root];
    while !frontier.is_empty() {
        let next: Vec<i32> = territory::Entity::find()
            .filter(territory::Column::ParentId.is_in(frontier))
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.id)
            .filter(|id| all.insert(*id))
            .collect();
        frontier = next;
    }
    Ok(all)
}

/// The region (oblast or city of republican significance) with this KATO code, in force.
///
/// # Errors
/// A database failure.
pub async fn region(
    db: &impl ConnectionTrait,
    kato: &str,
) -> Result<Option<territory::Model>, ServiceError> {
    Ok(territory::Entity::find()
        .filter(territory::Column::Kato.eq(kato))
        .filter(territory::Column::Kind.is_in(REGION_KINDS))
        .filter(territory::Column::ValidTo.is_null())
        .one(db)
        .await?)
}
