//! Administration without SQL (issue 17): the rules an admin changes through pages (petition
//! thresholds, the holiday calendar, platform settings). Each change is checked, applied and
//! put on the record (`admin_changes`) in the caller's transaction, so a change without its
//! record, or a record without its change, cannot exist. Two admins editing the same item: the
//! second save carries a stale version and is refused (optimistic locking), nothing lost.
//!
//! What a change applies to: a petition stores the threshold it opened with, so a new threshold
//! applies to petitions opened after it; the holiday calendar applies to every clock still
//! running (the caller runs the deadline sweep after the transaction, so due days move at once).
//! The command-line fixtures (`server set-threshold`, `server set-setting`) call these same
//! functions, with no actor.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

pub mod bodies;
pub mod imports;
pub mod terms;
pub mod territories;
pub mod topics;

use super::{ActionError, ServiceError};
use crate::model::{
    BodyKind, BodyLevel, CalendarDayView, CalendarYear, ChangeSubject, ChangeView, DayKind,
    IdentityGrade, Names, RecordedValue, SettingRule, SettingView, ThresholdRow, ThresholdSetting,
};
use crate::server::entities::{admin_change, calendar_day, platform_setting, threshold, user};

/// The most signatures a fixed threshold may ask for (the column is a 32-bit integer).
pub const MAX_SIGNATURES: u64 = 10_000_000;
/// The longest name of a calendar day, per language.
pub const MAX_NAME: usize = 200;
/// How many changes one page of the record shows.
pub const PAGE: u64 = 100;

const CHANGED: ActionError = ActionError::Refused("admin-changed-meanwhile");

fn invalid(field: &'static str, key: &'static str) -> ActionError {
    ActionError::Invalid { field, key }
}

/// A stamp of what an admin edits on an item, from its parts: a form sends back the one it
/// showed, and a save that finds another is told the item changed meanwhile.
pub fn stamp_of(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hex::encode(&hash.finalize()[..12])
}

/// Checks and trims a name in three languages.
///
/// # Errors
/// `Invalid` on the first empty or too long name.
pub fn check_names(names: Names) -> Result<Names, ActionError> {
    let names = Names {
        kk: names.kk.trim().to_owned(),
        ru: names.ru.trim().to_owned(),
        en: names.en.trim().to_owned(),
    };
    for (field, name) in [
        ("name_kk", &names.kk),
        ("name_ru", &names.ru),
        ("name_en", &names.en),
    ] {
        if name.is_empty() {
            return Err(invalid(field, "admin-name-empty"));
        }
        if name.chars().count() > MAX_NAME {
            return Err(invalid(field, "admin-name-too-long"));
        }
    }
    Ok(names)
}

/// The dates a name replaced on `from` was in use: from the day after the last former name
/// ended (else the item's own start, if known) until the day before `from`.
///
/// # Errors
/// `Invalid` on `from` (with `key`) for a day before that span began, or more than a year
/// ahead.
pub fn replaced_name_dates(
    last_former_end: Option<NaiveDate>,
    start: Option<NaiveDate>,
    from: NaiveDate,
    key: &'static str,
) -> Result<(Option<NaiveDate>, NaiveDate), ActionError> {
    let since = last_former_end.and_then(|end| end.succ_opt()).or(start);
    let until = from.pred_opt().ok_or_else(|| invalid("from", key))?;
    if since.is_some_and(|s| until < s) || from > super::today() + chrono::Days::new(366) {
        return Err(invalid("from", key));
    }
    Ok((since, until))
}

/// Puts a change on the record.
///
/// # Errors
/// A database failure.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    subject: ChangeSubject,
    public: bool,
    item: &str,
    change: (Option<&RecordedValue>, Option<&RecordedValue>),
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let json = |v: Option<&RecordedValue>| {
        v.map(serde_json::to_string)
            .transpose()
            .map_err(|e| ServiceError::Corrupt(format!("recorded value: {e}")))
    };
    admin_change::ActiveModel {
        actor_id: Set(actor),
        changed_at: Set(now),
        subject: Set(subject.as_str().into()),
        item: Set(item.into()),
        old_value: Set(json(change.0)?),
        new_value: Set(json(change.1)?),
        public: Set(public),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The record, newest first: every change for an admin (with who made it), or only the public
/// ones (without names) for the rule-changes page. `before`: the id to page back from.
///
/// # Errors
/// A database failure, or a recorded value that does not parse.
pub async fn changes(
    db: &impl ConnectionTrait,
    public_only: bool,
    before: Option<i64>,
) -> Result<Vec<ChangeView>, ServiceError> {
    let mut query = admin_change::Entity::find();
    if public_only {
        query = query.filter(admin_change::Column::Public.eq(true));
    }
    if let Some(before) = before {
        query = query.filter(admin_change::Column::Id.lt(before));
    }
    let rows = query
        .order_by_desc(admin_change::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    let mut names = std::collections::HashMap::new();
    if !public_only {
        let ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
        for (id, name) in user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::DisplayName)
            .filter(user::Column::Id.is_in(ids))
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
        {
            names.insert(id, name);
        }
    }
    let parse = |text: Option<String>| -> Result<Option<RecordedValue>, ServiceError> {
        text.map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|e| ServiceError::Corrupt(format!("recorded value: {e}")))
    };
    rows.into_iter()
        .map(|r| {
            Ok(ChangeView {
                id: r.id,
                changed_at: r.changed_at,
                actor: r.actor_id.and_then(|id| names.get(&id).cloned()),
                subject: ChangeSubject::parse(&r.subject)
                    .ok_or_else(|| ServiceError::Corrupt(format!("subject {}", r.subject)))?,
                item: r.item,
                old: parse(r.old_value)?,
                new: parse(r.new_value)?,
            })
        })
        .collect()
}

fn threshold_row(model: threshold::Model) -> Result<ThresholdRow, ServiceError> {
    let corrupt = || ServiceError::Corrupt(format!("threshold {}", model.id));
    Ok(ThresholdRow {
        id: model.id,
        body_kind: BodyKind::parse(&model.body_kind).ok_or_else(corrupt)?,
        level: BodyLevel::parse(&model.level).ok_or_else(corrupt)?,
        rule: ThresholdSetting {
            signatures: model.signatures.and_then(|n| u64::try_from(n).ok()),
            basis_points: model
                .percent_basis_points
                .and_then(|n| u32::try_from(n).ok()),
            grade: IdentityGrade::parse(&model.required_grade).ok_or_else(corrupt)?,
        },
        version: model.version,
    })
}

/// Every threshold, by kind and level.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn thresholds(db: &impl ConnectionTrait) -> Result<Vec<ThresholdRow>, ServiceError> {
    let mut rows = threshold::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(threshold_row)
        .collect::<Result<Vec<_>, _>>()?;
    let order = |r: &ThresholdRow| {
        (
            BodyLevel::ALL.iter().position(|l| *l == r.level),
            BodyKind::ALL.iter().position(|k| *k == r.body_kind),
        )
    };
    rows.sort_by_key(order);
    Ok(rows)
}

/// Checks a threshold's rule: exactly one of a fixed count (1 to [`MAX_SIGNATURES`]) and a
/// share (0.01% to 100%).
///
/// # Errors
/// `Invalid` on `signatures` or `percent`.
pub fn check_threshold(rule: &ThresholdSetting) -> Result<(), ActionError> {
    match (rule.signatures, rule.basis_points) {
        (Some(_), Some(_)) | (None, None) => Err(invalid("signatures", "threshold-one-rule")),
        (Some(n), None) if n == 0 || n > MAX_SIGNATURES => {
            Err(invalid("signatures", "threshold-signatures-range"))
        }
        (None, Some(bp)) if bp == 0 || bp > 10_000 => {
            Err(invalid("percent", "threshold-percent-range"))
        }
        _ => Ok(()),
    }
}

/// Changes a threshold. `version` is the one the admin's form showed.
///
/// # Errors
/// `Invalid` for a rule out of range; `NotFound` for no such row; `Refused` when the row
/// changed since the form was shown.
pub async fn set_threshold(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    id: i32,
    version: i32,
    rule: ThresholdSetting,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    check_threshold(&rule)?;
    let current = threshold::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    if current.version != version {
        return Err(CHANGED);
    }
    let before = threshold_row(current)?;
    if before.rule == rule {
        return Ok(());
    }
    let to_i32 =
        |n: u64| i32::try_from(n).map_err(|_| invalid("signatures", "threshold-signatures-range"));
    let changed = threshold::Entity::update_many()
        .col_expr(
            threshold::Column::Signatures,
            Expr::value(rule.signatures.map(to_i32).transpose()?),
        )
        .col_expr(
            threshold::Column::PercentBasisPoints,
            Expr::value(
                rule.basis_points
                    .map(|bp| i32::try_from(bp).unwrap_or(i32::MAX)),
            ),
        )
        .col_expr(
            threshold::Column::RequiredGrade,
            Expr::value(rule.grade.as_str()),
        )
        .col_expr(threshold::Column::Version, Expr::value(version + 1))
        .filter(threshold::Column::Id.eq(id))
        .filter(threshold::Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(CHANGED);
    }
    record(
        db,
        actor,
        ChangeSubject::Threshold,
        true,
        &format!("{}/{}", before.body_kind.as_str(), before.level.as_str()),
        (
            Some(&RecordedValue::Threshold(before.rule)),
            Some(&RecordedValue::Threshold(rule)),
        ),
        now,
    )
    .await?;
    Ok(())
}

/// Changes the threshold of a body kind and level, whatever its version (the command line).
///
/// # Errors
/// As [`set_threshold`]; `NotFound` when no threshold is set for that kind and level.
pub async fn set_threshold_of(
    db: &impl ConnectionTrait,
    kind: BodyKind,
    level: BodyLevel,
    rule: ThresholdSetting,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let row = threshold::Entity::find()
        .filter(threshold::Column::BodyKind.eq(kind.as_str()))
        .filter(threshold::Column::Level.eq(level.as_str()))
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    set_threshold(db, None, row.id, row.version, rule, now).await
}

fn day_view(model: calendar_day::Model) -> Result<CalendarDayView, ServiceError> {
    Ok(CalendarDayView {
        day: model.day,
        kind: DayKind::parse(&model.kind)
            .ok_or_else(|| ServiceError::Corrupt(format!("calendar day {}", model.day)))?,
        names: Names {
            kk: model.name_kk,
            ru: model.name_ru,
            en: model.name_en,
        },
    })
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The years the calendar may be edited for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// One year of the holiday calendar.
///
/// # Errors
/// `NotFound` for a year outside [`YEARS`]; a database failure.
pub async fn calendar_year(
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<CalendarYear, ServiceError> {
    let of = |year: i32| {
        let (first, last) = year_bounds(year)?;
        YEARS.contains(&year).then_some((first, last))
    };
    let (first, last) = of(year).ok_or(ServiceError::NotFound)?;
    let days = calendar_day::Entity::find()
        .filter(calendar_day::Column::Day.between(first, last))
        .order_by_asc(calendar_day::Column::Day)
        .all(db)
        .await?
        .into_iter()
        .map(day_view)
        .collect::<Result<Vec<_>, _>>()?;
    let previous_has_days = match of(year - 1) {
        Some((first, last)) => {
            calendar_day::Entity::find()
                .filter(calendar_day::Column::Day.between(first, last))
                .count(db)
                .await?
                > 0
        }
        None => false,
    };
    Ok(CalendarYear {
        year,
        days,
        previous_has_days,
    })
}

/// Checks a calendar day before it is added to `year`'s page.
///
/// # Errors
/// `Invalid` for a day outside the year, a working day that is not a Saturday or Sunday, a
/// day off that already is one, or a name empty or too long.
pub fn check_day(year: i32, day: &CalendarDayView) -> Result<(), ActionError> {
    if day.day.year() != year || !YEARS.contains(&year) {
        return Err(invalid("day", "calendar-day-outside-year"));
    }
    let weekend = matches!(day.day.weekday(), Weekday::Sat | Weekday::Sun);
    match day.kind {
        DayKind::WorkingDay if !weekend => {
            return Err(invalid("kind", "calendar-working-day-weekday"));
        }
        DayKind::TransferredDayOff if weekend => {
            return Err(invalid("kind", "calendar-transferred-weekend"));
        }
        _ => {}
    }
    for (field, name) in [
        ("name_kk", &day.names.kk),
        ("name_ru", &day.names.ru),
        ("name_en", &day.names.en),
    ] {
        if name.trim().is_empty() {
            return Err(invalid(field, "admin-name-empty"));
        }
        if name.chars().count() > MAX_NAME {
            return Err(invalid(field, "admin-name-too-long"));
        }
    }
    Ok(())
}

/// Adds a day to the holiday calendar of `year`.
///
/// # Errors
/// As [`check_day`]; `Invalid` on `day` when the calendar has that day already.
pub async fn add_day(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    year: i32,
    day: CalendarDayView,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let day = CalendarDayView {
        names: Names {
            kk: day.names.kk.trim().to_owned(),
            ru: day.names.ru.trim().to_owned(),
            en: day.names.en.trim().to_owned(),
        },
        ..day
    };
    check_day(year, &day)?;
    let taken = calendar_day::Entity::find()
        .filter(calendar_day::Column::Day.eq(day.day))
        .count(db)
        .await?
        > 0;
    if taken {
        return Err(invalid("day", "calendar-day-taken"));
    }
    let inserted = calendar_day::ActiveModel {
        day: Set(day.day),
        kind: Set(day.kind.as_str().into()),
        name_kk: Set(day.names.kk.clone()),
        name_ru: Set(day.names.ru.clone()),
        name_en: Set(day.names.en.clone()),
        ..Default::default()
    }
    .insert(db)
    .await;
    if let Err(e) = inserted {
        // Another admin added the same day between the check and the insert (PostgreSQL).
        return Err(match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                invalid("day", "calendar-day-taken")
            }
            _ => e.into(),
        });
    }
    record(
        db,
        actor,
        ChangeSubject::CalendarDay,
        true,
        &day.day.to_string(),
        (
            None,
            Some(&RecordedValue::CalendarDay {
                kind: day.kind,
                names: day.names,
            }),
        ),
        now,
    )
    .await?;
    Ok(())
}

/// Removes a day from the holiday calendar.
///
/// # Errors
/// `Refused` when the day is not (or no longer) in the calendar.
pub async fn remove_day(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let Some(current) = calendar_day::Entity::find()
        .filter(calendar_day::Column::Day.eq(day))
        .one(db)
        .await?
    else {
        return Err(CHANGED);
    };
    let removed = calendar_day::Entity::delete_many()
        .filter(calendar_day::Column::Id.eq(current.id))
        .exec(db)
        .await?
        .rows_affected;
    if removed != 1 {
        return Err(CHANGED);
    }
    let before = day_view(current)?;
    record(
        db,
        actor,
        ChangeSubject::CalendarDay,
        true,
        &day.to_string(),
        (
            Some(&RecordedValue::CalendarDay {
                kind: before.kind,
                names: before.names,
            }),
            None,
        ),
        now,
    )
    .await?;
    Ok(())
}

/// Fills `year` from the year before: each of its public holidays on the same date (a
/// movable feast, a transferred day off or a working Saturday is a decision of that year and
/// is not copied; the admin adds them). Days the year has already are kept. Returns how many
/// days were added.
///
/// # Errors
/// `Invalid` on `year` outside [`YEARS`] or when the year before has no holidays.
pub async fn fill_from_previous(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    year: i32,
    now: DateTime<Utc>,
) -> Result<usize, ActionError> {
    if !YEARS.contains(&year) || !YEARS.contains(&(year - 1)) {
        return Err(invalid("year", "calendar-day-outside-year"));
    }
    let previous = calendar_year(db, year - 1).await?;
    let fixed: Vec<_> = previous
        .days
        .into_iter()
        .filter(|d| d.kind == DayKind::Holiday && !is_movable(&d.names))
        .collect();
    if fixed.is_empty() {
        return Err(invalid("year", "calendar-nothing-to-copy"));
    }
    let mut added = 0;
    for day in fixed {
        let Some(same) = NaiveDate::from_ymd_opt(year, day.day.month(), day.day.day()) else {
            continue;
        };
        match add_day(db, actor, year, CalendarDayView { day: same, ..day }, now).await {
            Ok(()) => added += 1,
            Err(ActionError::Invalid {
                key: "calendar-day-taken",
                ..
            }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(added)
}

/// Kurban Ait moves with the lunar calendar: its date is never the year before's.
fn is_movable(names: &Names) -> bool {
    names.en.to_lowercase().contains("kurban")
}

/// Every setting an admin may change, by key.
///
/// # Errors
/// A database failure.
pub async fn settings(db: &impl ConnectionTrait) -> Result<Vec<SettingView>, ServiceError> {
    Ok(platform_setting::Entity::find()
        .order_by_asc(platform_setting::Column::Key)
        .all(db)
        .await?
        .into_iter()
        .filter(|s| SettingRule::of(&s.key).is_some())
        .map(|s| SettingView {
            key: s.key,
            value: s.value,
            version: s.version,
        })
        .collect())
}

/// Changes a platform setting. `version` is the one the admin's form showed (`None`: whatever
/// it is, for the command line).
///
/// # Errors
/// `NotFound` for a setting an admin may not change or that does not exist; `Invalid` on
/// `value` for a value that is not a whole number in the setting's range (or a quorum over
/// one); `Refused` when it changed since the form was shown.
pub async fn set_setting(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    key: &str,
    version: Option<i32>,
    value: &str,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let rule = SettingRule::of(key).ok_or(ActionError::NotFound)?;
    let number: u64 = value
        .trim()
        .parse()
        .map_err(|_| invalid("value", "setting-not-a-number"))?;
    if number < rule.min || number > rule.max {
        return Err(invalid("value", "setting-out-of-range"));
    }
    let current = platform_setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let version = version.unwrap_or(current.version);
    if current.version != version {
        return Err(CHANGED);
    }
    let setting = |key: &'static str| super::petitions::setting_u64(db, key);
    let over_one = match key {
        "council_quorum_numerator" => {
            number > setting("council_quorum_denominator").await?.unwrap_or(0)
        }
        "council_quorum_denominator" => {
            number < setting("council_quorum_numerator").await?.unwrap_or(0)
        }
        _ => false,
    };
    if over_one {
        return Err(invalid("value", "setting-quorum-over-one"));
    }
    let value = number.to_string();
    if value == current.value {
        return Ok(());
    }
    let changed = platform_setting::Entity::update_many()
        .col_expr(platform_setting::Column::Value, Expr::value(value.clone()))
        .col_expr(platform_setting::Column::Version, Expr::value(version + 1))
        .filter(platform_setting::Column::Key.eq(key))
        .filter(platform_setting::Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(CHANGED);
    }
    record(
        db,
        actor,
        ChangeSubject::Setting,
        rule.public,
        key,
        (
            Some(&RecordedValue::Setting {
                value: current.value,
            }),
            Some(&RecordedValue::Setting { value }),
        ),
        now,
    )
    .await?;
    Ok(())
}
