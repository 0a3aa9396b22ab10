//! Petition thresholds: how many signatures a petition to a body needs, from the admin-editable
//! table and, for percentage thresholds, the population of the body's territory.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{ServiceError, territories};
use crate::model::{IdentityGrade, ThresholdRule, ThresholdView};
use crate::server::entities::{body, threshold};

/// The signatures a share of a population comes to, rounded up: 1% of 1,250 people is 13.
pub fn share_of(population: u64, basis_points: u32) -> u64 {
    (population * u64::from(basis_points)).div_ceil(10_000)
}

/// The threshold for petitions addressed to `body`, or `None` when no threshold is set for its
/// kind and level (petitions cannot be addressed to it) or a percentage threshold has no
/// population figure to work from.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn for_body(
    db: &impl ConnectionTrait,
    body: &body::Model,
) -> Result<Option<ThresholdView>, ServiceError> {
    let Some(row) = threshold::Entity::find()
        .filter(threshold::Column::BodyKind.eq(&body.kind))
        .filter(threshold::Column::Level.eq(&body.level))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let required_grade = IdentityGrade::parse(&row.required_grade)
        .ok_or_else(|| ServiceError::Corrupt(format!("grade {}", row.required_grade)))?;
    let view = match (row.signatures, row.percent_basis_points) {
        (Some(count), None) => Some(ThresholdView {
            signatures: u64::try_from(count).unwrap_or(0),
            rule: ThresholdRule::Fixed,
            required_grade,
        }),
        (None, Some(bp)) => {
            let basis_points = u32::try_from(bp).unwrap_or(0);
            territories::latest_population(db, body.territory_id)
                .await?
                .map(|figure| ThresholdView {
                    signatures: share_of(figure.count, basis_points),
                    rule: ThresholdRule::PercentOfPopulation {
                        basis_points,
                        population: figure.count,
                        year: figure.year,
                    },
                    required_grade,
                })
        }
        _ => return Err(ServiceError::Corrupt(format!("threshold {}", row.id))),
    };
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::share_of;

    #[test]
    fn a_share_of_the_population_is_rounded_up() {
        assert_eq!(share_of(1_250, 100), 13);
        assert_eq!(share_of(1_000_000, 200), 20_000);
        assert_eq!(share_of(0, 100), 0);
    }
}
