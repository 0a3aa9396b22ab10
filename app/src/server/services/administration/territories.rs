//! Territories as an admin keeps them (issue 17): add a unit, rename it (the old names kept with
//! their dates, shown on its page), set its validity dates, and its population per year (the
//! percentage thresholds follow the latest figure). Each change is on the record.
//!
//! Two admins editing one unit: the form carries a stamp of the unit as it showed it, and the
//! save locks the row and compares (on SQLite the write lock the transaction takes does the
//! locking), so the second is told it changed meanwhile.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, sea_query::Expr,
};

use super::{CHANGED, MAX_NAME, check_names, invalid, record, replaced_name_dates, stamp_of};
use crate::model::{
    ChangeSubject, FormerName, Names, PopulationRow, RecordedValue, TerritoryAdmin, TerritoryKind,
    TerritoryRow,
};
use crate::server::entities::{population, territory, territory_name};
use crate::server::services::{ActionError, ServiceError, territories::summary, today};

/// The most residents a unit may be given.
pub const MAX_POPULATION: u64 = 100_000_000;

/// A stamp of what an admin edits on a unit (its names, dates and parent): a form sends back
/// the one it showed.
pub fn stamp(model: &territory::Model) -> String {
    stamp_of(&[
        &model.name_kk,
        &model.name_ru,
        &model.name_en,
        &model.valid_from.map(|d| d.to_string()).unwrap_or_default(),
        &model.valid_to.map(|d| d.to_string()).unwrap_or_default(),
        &model.parent_id.map(|d| d.to_string()).unwrap_or_default(),
    ])
}

fn names_of(model: &territory::Model) -> Names {
    Names {
        kk: model.name_kk.clone(),
        ru: model.name_ru.clone(),
        en: model.name_en.clone(),
    }
}

fn as_recorded(model: &territory::Model) -> RecordedValue {
    RecordedValue::Territory {
        names: names_of(model),
        valid_from: model.valid_from,
        valid_to: model.valid_to,
    }
}

async fn by_kato(
    db: &impl ConnectionTrait,
    kato: &str,
    lock: bool,
) -> Result<territory::Model, ActionError> {
    let mut query = territory::Entity::find().filter(territory::Column::Kato.eq(kato));
    if lock {
        query = query.lock_exclusive();
    }
    query.one(db).await?.ok_or(ActionError::NotFound)
}

/// The unit's former names, oldest first.
///
/// # Errors
/// A database failure.
pub async fn former_names(
    db: &impl ConnectionTrait,
    territory_id: i32,
) -> Result<Vec<FormerName>, ServiceError> {
    Ok(territory_name::Entity::find()
        .filter(territory_name::Column::TerritoryId.eq(territory_id))
        .order_by_asc(territory_name::Column::ValidTo)
        .all(db)
        .await?
        .into_iter()
        .map(|n| FormerName {
            names: Names {
                kk: n.name_kk,
                ru: n.name_ru,
                en: n.name_en,
            },
            valid_from: n.valid_from,
            valid_to: n.valid_to,
        })
        .collect())
}

/// Every unit, by KATO code, for the admin's list.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<TerritoryRow>, ServiceError> {
    let all = territory::Entity::find()
        .order_by_asc(territory::Column::Kato)
        .all(db)
        .await?;
    let katos: std::collections::HashMap<i32, String> =
        all.iter().map(|t| (t.id, t.kato.clone())).collect();
    all.iter()
        .map(|t| {
            Ok(TerritoryRow {
                territory: summary(t)?,
                parent: t.parent_id.and_then(|p| katos.get(&p).cloned()),
                valid_to: t.valid_to,
            })
        })
        .collect()
}

/// One unit as the admin edits it.
///
/// # Errors
/// `NotFound` for an unknown code; a database failure.
pub async fn territory(
    db: &impl ConnectionTrait,
    kato: &str,
) -> Result<TerritoryAdmin, ServiceError> {
    let model = territory::Entity::find()
        .filter(territory::Column::Kato.eq(kato))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let parent = match model.parent_id {
        Some(id) => territory::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| summary(&p))
            .transpose()?,
        None => None,
    };
    let children = territory::Entity::find()
        .filter(territory::Column::ParentId.eq(model.id))
        .order_by_asc(territory::Column::Kato)
        .all(db)
        .await?
        .iter()
        .map(summary)
        .collect::<Result<Vec<_>, _>>()?;
    let populations = population::Entity::find()
        .filter(population::Column::TerritoryId.eq(model.id))
        .order_by_desc(population::Column::Year)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PopulationRow {
            year: p.year,
            count: u64::try_from(p.population).unwrap_or(0),
            source: p.source,
        })
        .collect();
    Ok(TerritoryAdmin {
        territory: summary(&model)?,
        parent,
        valid_from: model.valid_from,
        valid_to: model.valid_to,
        stamp: stamp(&model),
        former_names: former_names(db, model.id).await?,
        populations,
        children,
    })
}

/// A new unit under `parent` (none only for the country).
///
/// # Errors
/// `Invalid` for a KATO code that is not 2 to 12 digits or is taken, an unknown parent, a
/// missing parent, or a name empty or too long.
#[allow(clippy::too_many_arguments)]
pub async fn add(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kato: &str,
    kind: TerritoryKind,
    parent: Option<&str>,
    names: Names,
    valid_from: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let kato = kato.trim();
    if !(2..=12).contains(&kato.len()) || !kato.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("kato", "territory-kato-invalid"));
    }
    let names = check_names(names)?;
    let parent_id = match parent.map(str::trim).filter(|p| !p.is_empty()) {
        Some(code) => Some(
            by_kato(db, code, false)
                .await
                .map_err(|_| invalid("parent", "territory-parent-unknown"))?
                .id,
        ),
        None if kind == TerritoryKind::Country => None,
        None => return Err(invalid("parent", "territory-parent-unknown")),
    };
    if territory::Entity::find()
        .filter(territory::Column::Kato.eq(kato))
        .one(db)
        .await?
        .is_some()
    {
        return Err(invalid("kato", "territory-kato-taken"));
    }
    let inserted = territory::ActiveModel {
        kato: Set(kato.to_owned()),
        kind: Set(kind.as_str().into()),
        parent_id: Set(parent_id),
        name_kk: Set(names.kk.clone()),
        name_ru: Set(names.ru.clone()),
        name_en: Set(names.en.clone()),
        code_checked: Set(false),
        valid_from: Set(valid_from),
        valid_to: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    let model = match inserted {
        Ok(model) => model,
        Err(e) => {
            return Err(match e.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                    invalid("kato", "territory-kato-taken")
                }
                _ => e.into(),
            });
        }
    };
    record(
        db,
        actor,
        ChangeSubject::Territory,
        false,
        kato,
        (None, Some(&as_recorded(&model))),
        now,
    )
    .await?;
    Ok(())
}

/// Renames a unit from `from` on: its names until the day before are kept as a former name.
///
/// # Errors
/// `Invalid` for a name empty, too long or unchanged, or a date not after the last renaming
/// (or before the unit existed); `Refused` when the unit changed since the form was shown.
pub async fn rename(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kato: &str,
    seen: &str,
    names: Names,
    from: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let names = check_names(names)?;
    let current = by_kato(db, kato, true).await?;
    if stamp(&current) != seen {
        return Err(CHANGED);
    }
    if names == names_of(&current) {
        return Err(invalid("name_kk", "territory-name-same"));
    }
    let former = former_names(db, current.id).await?;
    let (since, until) = replaced_name_dates(
        former.last().map(|f| f.valid_to),
        current.valid_from,
        from,
        "territory-rename-date",
    )?;
    territory_name::ActiveModel {
        territory_id: Set(current.id),
        name_kk: Set(current.name_kk.clone()),
        name_ru: Set(current.name_ru.clone()),
        name_en: Set(current.name_en.clone()),
        valid_from: Set(since),
        valid_to: Set(until),
        ..Default::default()
    }
    .insert(db)
    .await?;
    territory::Entity::update_many()
        .col_expr(territory::Column::NameKk, Expr::value(names.kk.clone()))
        .col_expr(territory::Column::NameRu, Expr::value(names.ru.clone()))
        .col_expr(territory::Column::NameEn, Expr::value(names.en.clone()))
        .filter(territory::Column::Id.eq(current.id))
        .exec(db)
        .await?;
    let after = territory::Model {
        name_kk: names.kk,
        name_ru: names.ru,
        name_en: names.en,
        ..current.clone()
    };
    record(
        db,
        actor,
        ChangeSubject::Territory,
        false,
        kato,
        (Some(&as_recorded(&current)), Some(&as_recorded(&after))),
        now,
    )
    .await?;
    Ok(())
}

/// Sets the dates a unit is valid from and to (to: abolished; it leaves the lists).
///
/// # Errors
/// `Invalid` when the end is before the start; `Refused` when the unit changed meanwhile.
pub async fn set_validity(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kato: &str,
    seen: &str,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && to < from
    {
        return Err(invalid("valid_to", "territory-validity-order"));
    }
    let current = by_kato(db, kato, true).await?;
    if stamp(&current) != seen {
        return Err(CHANGED);
    }
    if (current.valid_from, current.valid_to) == (valid_from, valid_to) {
        return Ok(());
    }
    territory::Entity::update_many()
        .col_expr(territory::Column::ValidFrom, Expr::value(valid_from))
        .col_expr(territory::Column::ValidTo, Expr::value(valid_to))
        .filter(territory::Column::Id.eq(current.id))
        .exec(db)
        .await?;
    let after = territory::Model {
        valid_from,
        valid_to,
        ..current.clone()
    };
    record(
        db,
        actor,
        ChangeSubject::Territory,
        false,
        kato,
        (Some(&as_recorded(&current)), Some(&as_recorded(&after))),
        now,
    )
    .await?;
    Ok(())
}

/// Sets a unit's population for a year (adds the year, or corrects its figure). Public: the
/// percentage thresholds of petitions approved after it follow the latest figure.
///
/// # Errors
/// `Invalid` for a year outside 1990 to next year, a count of zero or over
/// [`MAX_POPULATION`], or an empty source.
pub async fn set_population(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    kato: &str,
    year: i32,
    count: u64,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    if !(1990..=today().year() + 1).contains(&year) {
        return Err(invalid("year", "population-year-range"));
    }
    if count == 0 || count > MAX_POPULATION {
        return Err(invalid("count", "population-count-range"));
    }
    let source = source.trim();
    if source.is_empty() || source.chars().count() > MAX_NAME {
        return Err(invalid("source", "population-source-empty"));
    }
    let unit = by_kato(db, kato, true).await?;
    let existing = population::Entity::find()
        .filter(population::Column::TerritoryId.eq(unit.id))
        .filter(population::Column::Year.eq(year))
        .one(db)
        .await?;
    let residents = i64::try_from(count).map_err(|_| invalid("count", "population-count-range"))?;
    let before = existing.as_ref().map(|p| RecordedValue::Population {
        count: u64::try_from(p.population).unwrap_or(0),
        source: p.source.clone(),
    });
    match existing {
        Some(row) => {
            if row.population == residents && row.source == source {
                return Ok(());
            }
            population::Entity::update_many()
                .col_expr(population::Column::Population, Expr::value(residents))
                .col_expr(population::Column::Source, Expr::value(source))
                .filter(population::Column::Id.eq(row.id))
                .exec(db)
                .await?;
        }
        None => {
            population::ActiveModel {
                territory_id: Set(unit.id),
                year: Set(year),
                population: Set(residents),
                source: Set(source.to_owned()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    record(
        db,
        actor,
        ChangeSubject::Population,
        true,
        &format!("{kato}/{year}"),
        (
            before.as_ref(),
            Some(&RecordedValue::Population {
                count,
                source: source.to_owned(),
            }),
        ),
        now,
    )
    .await?;
    Ok(())
}
