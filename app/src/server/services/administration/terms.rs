//! Deadline terms as an admin keeps them (issue 17): the length of each clock (moderation,
//! initial support, the collection period, each kind of answer) per level, with its unit.
//!
//! What a change applies to: a clock keeps the term it started with. A case stores its term
//! when it is registered (`cases.term_amount`, `term_unit`), a petition the term of the clock it
//! is running (`petitions.clock_term_amount`, `clock_term_unit`, set as each clock starts), so a
//! new term applies to clocks started after it, and the public rule-changes page says so.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::{CHANGED, invalid, record};
use crate::model::{ChangeSubject, RecordedValue, TermRow, TermUnit};
use crate::server::entities::deadline_term;
use crate::server::services::{ActionError, ServiceError};

/// The longest term in days (two years).
pub const MAX_DAYS: u32 = 730;
/// The longest term in months.
pub const MAX_MONTHS: u32 = 24;

fn row(model: deadline_term::Model) -> Result<TermRow, ServiceError> {
    Ok(TermRow {
        id: model.id,
        unit: TermUnit::parse(&model.unit)
            .ok_or_else(|| ServiceError::Corrupt(format!("deadline unit {}", model.unit)))?,
        amount: u32::try_from(model.amount).unwrap_or(0),
        clock: model.clock,
        level: model.level,
        version: model.version,
    })
}

/// Every term, by clock and level.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn terms(db: &impl ConnectionTrait) -> Result<Vec<TermRow>, ServiceError> {
    use sea_orm::QueryOrder;
    deadline_term::Entity::find()
        .order_by_asc(deadline_term::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(row)
        .collect()
}

/// Changes a term. `version` is the one the admin's form showed. Public: citizens' clocks
/// started after it run by it.
///
/// # Errors
/// `Invalid` for an amount of zero or over the longest term of its unit; `NotFound` for no
/// such row; `Refused` when the row changed since the form was shown.
pub async fn set_term(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    id: i32,
    version: i32,
    amount: u32,
    unit: TermUnit,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let longest = if unit == TermUnit::Months {
        MAX_MONTHS
    } else {
        MAX_DAYS
    };
    if amount == 0 || amount > longest {
        return Err(invalid("amount", "term-amount-range"));
    }
    let current = deadline_term::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    if current.version != version {
        return Err(CHANGED);
    }
    let before = row(current.clone())?;
    if before.amount == amount && before.unit == unit {
        return Ok(());
    }
    let changed = deadline_term::Entity::update_many()
        .col_expr(
            deadline_term::Column::Amount,
            Expr::value(i32::try_from(amount).unwrap_or(i32::MAX)),
        )
        .col_expr(deadline_term::Column::Unit, Expr::value(unit.as_str()))
        .col_expr(deadline_term::Column::Version, Expr::value(version + 1))
        .filter(deadline_term::Column::Id.eq(id))
        .filter(deadline_term::Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(CHANGED);
    }
    record(
        db,
        actor,
        ChangeSubject::Term,
        true,
        &format!("{}/{}", current.clock, current.level),
        (
            Some(&RecordedValue::Term {
                amount: before.amount,
                unit: before.unit,
            }),
            Some(&RecordedValue::Term { amount, unit }),
        ),
        now,
    )
    .await?;
    Ok(())
}
