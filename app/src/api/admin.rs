//! Server functions of the administration (issue 17): thresholds, the holiday calendar and
//! platform settings, each change put on the record; the record for admins, and the public
//! rule-changes page. Every change checks the CSRF token and that the account holds the admin
//! role today.
// A server function's arguments are its form's fields.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CalendarYear, ChangeView, SettingView, ThresholdRow};

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;
    use crate::model::Role;
    use crate::server::{AppState, request::CurrentUser};

    /// The CSRF token, and an admin today; the state to work with.
    pub async fn admin(csrf: &str) -> Result<(AppState, CurrentUser), AppError> {
        let (state, _) = crate::api::acting::acting(csrf)?;
        let me = crate::server::request::require_role(&state.db, Role::Admin, None).await?;
        Ok((state, me))
    }

    /// Reading an admin page: an admin today.
    pub async fn admin_reading() -> Result<AppState, AppError> {
        let state = crate::server::app_state()?;
        crate::server::request::require_role(&state.db, Role::Admin, None).await?;
        Ok(state)
    }

    /// A share typed as a percentage (`2`, `0.5`, `2,5`: at most two decimals) in hundredths
    /// of a percent; empty is none.
    pub fn basis_points(text: &str) -> Result<Option<u32>, AppError> {
        let text = text.trim().replace(',', ".");
        if text.is_empty() {
            return Ok(None);
        }
        let bad = || AppError::Invalid {
            field: "percent".into(),
            reason: "threshold-percent-invalid".into(),
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.len() > 2 || !(fraction.is_empty() || digits(fraction)) {
            return Err(bad());
        }
        let whole: u32 = whole.parse().map_err(|_| bad())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        Ok(Some(whole * 100 + fraction))
    }

    /// A form's refusal of `field` with `key`.
    pub fn invalid(field: &str, key: &str) -> AppError {
        AppError::Invalid {
            field: field.into(),
            reason: key.into(),
        }
    }

    /// A date the form must have (`YYYY-MM-DD`).
    pub fn required_date(value: &str, field: &str) -> Result<chrono::NaiveDate, AppError> {
        crate::api::acting::form_date(value, field, "date-invalid")?
            .ok_or_else(|| invalid(field, "date-invalid"))
    }

    /// A whole number of signatures; empty is none.
    pub fn signatures(text: &str) -> Result<Option<u64>, AppError> {
        let text = text.trim().replace([' ', '\u{a0}'], "");
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| AppError::Invalid {
            field: "signatures".into(),
            reason: "threshold-signatures-range".into(),
        })
    }
}

/// The thresholds, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/thresholds")]
pub async fn admin_thresholds() -> Result<Vec<ThresholdRow>, AppError> {
    use crate::server::services::administration;
    let state = ssr::admin_reading().await?;
    Ok(administration::thresholds(&state.db).await?)
}

/// An admin changes a threshold: a fixed number of signatures or a share of the population,
/// and the identity grade a signature needs.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a rule out of range; `Refused` when
/// another admin changed it since the form was shown.
#[server(endpoint = "admin/thresholds/save")]
pub async fn save_threshold(
    csrf: String,
    lang: String,
    id: i32,
    version: i32,
    signatures: String,
    percent: String,
    grade: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::model::{IdentityGrade, ThresholdSetting};
    use crate::server::services::administration;
    let (state, me) = ssr::admin(&csrf).await?;
    let rule = ThresholdSetting {
        signatures: ssr::signatures(&signatures)?,
        basis_points: ssr::basis_points(&percent)?,
        grade: IdentityGrade::parse(grade.trim()).ok_or_else(|| AppError::Invalid {
            field: "grade".into(),
            reason: "threshold-grade-unknown".into(),
        })?,
    };
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            administration::set_threshold(txn, Some(me.id), id, version, rule, chrono::Utc::now())
                .await
        })
    })
    .await?;
    go_to(&lang, "/admin/thresholds", "threshold-saved");
    Ok(())
}

/// The deadline terms, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/terms")]
pub async fn admin_terms() -> Result<Vec<crate::model::TermRow>, AppError> {
    use crate::server::services::administration::terms;
    let state = ssr::admin_reading().await?;
    Ok(terms::terms(&state.db).await?)
}

/// An admin changes a deadline term: clocks started after it run by it.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an amount out of range or an unknown
/// unit; `Refused` when another admin changed it since the form was shown.
#[server(endpoint = "admin/terms/save")]
pub async fn save_term(
    csrf: String,
    lang: String,
    id: i32,
    version: i32,
    amount: String,
    unit: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::model::TermUnit;
    use crate::server::services::administration::terms;
    let (state, me) = ssr::admin(&csrf).await?;
    let amount: u32 = amount
        .trim()
        .parse()
        .map_err(|_| ssr::invalid("amount", "term-amount-range"))?;
    let unit =
        TermUnit::parse(unit.trim()).ok_or_else(|| ssr::invalid("unit", "term-unit-unknown"))?;
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            terms::set_term(
                txn,
                Some(me.id),
                id,
                version,
                amount,
                unit,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(&lang, "/admin/terms", "term-saved");
    Ok(())
}

/// A year of the holiday calendar, for the admin's page (`None`: this year).
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound` for a year out of range.
#[server(endpoint = "admin/calendar")]
pub async fn admin_calendar(year: Option<i32>) -> Result<CalendarYear, AppError> {
    use crate::server::services::{administration, today};
    use chrono::Datelike;
    let state = ssr::admin_reading().await?;
    let year = year.unwrap_or_else(|| today().year());
    Ok(administration::calendar_year(&state.db, year).await?)
}

/// Brings the running clocks up to date with the calendar at once (the periodic sweep would,
/// within its period): a case due on a day that became a holiday is due on the next working day.
#[cfg(feature = "ssr")]
async fn clocks_follow(state: &crate::server::AppState) {
    use crate::server::services::{petitions::sweep, today};
    if let Err(error) = sweep::sweep(&state.db, chrono::Utc::now(), today()).await {
        tracing::error!(%error, "the deadline sweep after a calendar change failed");
    }
}

/// An admin adds a day to the holiday calendar: a holiday, a transferred day off, or a working
/// Saturday or Sunday.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a day outside the year shown, a kind
/// that does not fit the day, a day the calendar has, or an empty name.
#[server(endpoint = "admin/calendar/add")]
pub async fn add_calendar_day(
    csrf: String,
    lang: String,
    year: i32,
    day: String,
    kind: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::model::{CalendarDayView, DayKind, Names};
    use crate::server::services::administration;
    let (state, me) = ssr::admin(&csrf).await?;
    let day = ssr::required_date(&day, "day")?;
    let kind = DayKind::parse(kind.trim()).ok_or_else(|| AppError::Invalid {
        field: "kind".into(),
        reason: "calendar-kind-unknown".into(),
    })?;
    let entry = CalendarDayView {
        day,
        kind,
        names: Names {
            kk: name_kk,
            ru: name_ru,
            en: name_en,
        },
    };
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            administration::add_day(txn, Some(me.id), year, entry, chrono::Utc::now()).await
        })
    })
    .await?;
    clocks_follow(&state).await;
    go_to(
        &lang,
        &format!("/admin/calendar/{year}"),
        "calendar-day-added",
    );
    Ok(())
}

/// An admin removes a day from the holiday calendar.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Refused` when the day is no longer there.
#[server(endpoint = "admin/calendar/remove")]
pub async fn remove_calendar_day(csrf: String, lang: String, day: String) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration;
    use chrono::Datelike;
    let (state, me) = ssr::admin(&csrf).await?;
    let day = ssr::required_date(&day, "day")?;
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            administration::remove_day(txn, Some(me.id), day, chrono::Utc::now()).await
        })
    })
    .await?;
    clocks_follow(&state).await;
    go_to(
        &lang,
        &format!("/admin/calendar/{}", day.year()),
        "calendar-day-removed",
    );
    Ok(())
}

/// An admin fills a year of the calendar from the year before (its fixed-date holidays).
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` when there is nothing to copy.
#[server(endpoint = "admin/calendar/fill")]
pub async fn fill_calendar_year(csrf: String, lang: String, year: i32) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration;
    let (state, me) = ssr::admin(&csrf).await?;
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            administration::fill_from_previous(txn, Some(me.id), year, chrono::Utc::now()).await
        })
    })
    .await?;
    clocks_follow(&state).await;
    go_to(&lang, &format!("/admin/calendar/{year}"), "calendar-filled");
    Ok(())
}

/// The platform settings an admin may change, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/settings")]
pub async fn admin_settings() -> Result<Vec<SettingView>, AppError> {
    use crate::server::services::administration;
    let state = ssr::admin_reading().await?;
    Ok(administration::settings(&state.db).await?)
}

/// An admin changes a platform setting.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound` for a setting that cannot be changed;
/// `Invalid` for a value out of its range; `Refused` when another admin changed it since.
#[server(endpoint = "admin/settings/save")]
pub async fn save_setting(
    csrf: String,
    lang: String,
    key: String,
    version: i32,
    value: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration;
    let (state, me) = ssr::admin(&csrf).await?;
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            administration::set_setting(
                txn,
                Some(me.id),
                &key,
                Some(version),
                &value,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(&lang, "/admin/settings", "setting-saved");
    Ok(())
}

/// Every change on the record, newest first, with who made it (admins only).
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/changes")]
pub async fn admin_changes(before: Option<i64>) -> Result<Vec<ChangeView>, AppError> {
    use crate::server::services::administration;
    let state = ssr::admin_reading().await?;
    Ok(administration::changes(&state.db, false, before).await?)
}

/// The changes citizens are affected by (thresholds, the holiday calendar, public settings),
/// newest first, for everyone.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "rules/changes")]
pub async fn rule_changes(before: Option<i64>) -> Result<Vec<ChangeView>, AppError> {
    use crate::server::{app_state, services::administration};
    Ok(administration::changes(&app_state()?.db, true, before).await?)
}

/// Every territorial unit, for the admin's list.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/territories")]
pub async fn admin_territories() -> Result<Vec<crate::model::TerritoryRow>, AppError> {
    use crate::server::services::administration::territories;
    let state = ssr::admin_reading().await?;
    Ok(territories::list(&state.db).await?)
}

/// One unit, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound` for an unknown code.
#[server(endpoint = "admin/territory")]
pub async fn admin_territory(kato: String) -> Result<crate::model::TerritoryAdmin, AppError> {
    use crate::server::services::administration::territories;
    let state = ssr::admin_reading().await?;
    Ok(territories::territory(&state.db, &kato).await?)
}

/// An admin adds a territorial unit.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a bad or taken code, an unknown parent,
/// an unknown kind, a bad date or an empty name.
#[server(endpoint = "admin/territories/add")]
pub async fn add_territory(
    csrf: String,
    lang: String,
    kato: String,
    kind: String,
    parent: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, form_date, go_to};
    use crate::model::{Names, TerritoryKind};
    use crate::server::services::administration::territories;
    let (state, me) = ssr::admin(&csrf).await?;
    let kind = TerritoryKind::parse(kind.trim()).ok_or_else(|| AppError::Invalid {
        field: "kind".into(),
        reason: "territory-kind-unknown".into(),
    })?;
    let valid_from = form_date(&valid_from, "valid_from", "date-invalid")?;
    let names = Names {
        kk: name_kk,
        ru: name_ru,
        en: name_en,
    };
    let code = kato.trim().to_owned();
    let to = code.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            territories::add(
                txn,
                Some(me.id),
                &code,
                kind,
                Some(parent.as_str()),
                names,
                valid_from,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(
        &lang,
        &format!("/admin/territories/{to}"),
        "territory-added",
    );
    Ok(())
}

/// An admin renames a unit from a date on; its old names are kept with their dates.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an empty or unchanged name or a bad
/// date; `Refused` when another admin changed the unit since the form was shown.
#[server(endpoint = "admin/territories/rename")]
pub async fn rename_territory(
    csrf: String,
    lang: String,
    kato: String,
    stamp: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    from: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::model::Names;
    use crate::server::services::administration::territories;
    let (state, me) = ssr::admin(&csrf).await?;
    let from = ssr::required_date(&from, "from")?;
    let names = Names {
        kk: name_kk,
        ru: name_ru,
        en: name_en,
    };
    let code = kato.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            territories::rename(
                txn,
                Some(me.id),
                &code,
                &stamp,
                names,
                from,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(
        &lang,
        &format!("/admin/territories/{kato}"),
        "territory-renamed",
    );
    Ok(())
}

/// An admin sets the dates a unit is in force.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a bad date or an end before the start;
/// `Refused` when another admin changed the unit meanwhile.
#[server(endpoint = "admin/territories/validity")]
pub async fn territory_validity(
    csrf: String,
    lang: String,
    kato: String,
    stamp: String,
    valid_from: String,
    valid_to: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, form_date, go_to};
    use crate::server::services::administration::territories;
    let (state, me) = ssr::admin(&csrf).await?;
    let from = form_date(&valid_from, "valid_from", "date-invalid")?;
    let to = form_date(&valid_to, "valid_to", "date-invalid")?;
    let code = kato.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            territories::set_validity(
                txn,
                Some(me.id),
                &code,
                &stamp,
                from,
                to,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(
        &lang,
        &format!("/admin/territories/{kato}"),
        "territory-dates-saved",
    );
    Ok(())
}

/// An admin sets a unit's population for a year.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a year, a count or a source out of
/// range.
#[server(endpoint = "admin/territories/population")]
pub async fn territory_population(
    csrf: String,
    lang: String,
    kato: String,
    year: i32,
    count: String,
    source: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::territories;
    let (state, me) = ssr::admin(&csrf).await?;
    let count: u64 = count
        .trim()
        .replace([' ', '\u{a0}', ','], "")
        .parse()
        .map_err(|_| AppError::Invalid {
            field: "count".into(),
            reason: "population-count-range".into(),
        })?;
    let code = kato.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            territories::set_population(
                txn,
                Some(me.id),
                &code,
                year,
                count,
                &source,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(
        &lang,
        &format!("/admin/territories/{kato}"),
        "population-saved",
    );
    Ok(())
}

/// Every body, for the admin's list.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/bodies")]
pub async fn admin_bodies() -> Result<Vec<crate::model::BodyRow>, AppError> {
    use crate::server::services::administration::bodies;
    let state = ssr::admin_reading().await?;
    Ok(bodies::list(&state.db).await?)
}

/// One body, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound` for an unknown slug.
#[server(endpoint = "admin/body")]
pub async fn admin_body(slug: String) -> Result<crate::model::BodyAdmin, AppError> {
    use crate::server::services::administration::bodies;
    let state = ssr::admin_reading().await?;
    Ok(bodies::body(&state.db, &slug).await?)
}

/// An admin adds a body (a ministry, an akimat or its department, a maslikhat, a public
/// council).
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a bad or taken slug, an unknown kind,
/// level, territory or parent, a bad date or an empty name.
#[server(endpoint = "admin/bodies/add")]
pub async fn add_body(
    csrf: String,
    lang: String,
    slug: String,
    kind: String,
    level: String,
    parent: String,
    territory: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, form_date, go_to};
    use crate::model::{BodyKind, BodyLevel, Names};
    use crate::server::services::administration::bodies;
    let (state, me) = ssr::admin(&csrf).await?;
    let new = bodies::NewBody {
        slug: slug.trim().to_owned(),
        kind: BodyKind::parse(kind.trim())
            .ok_or_else(|| ssr::invalid("kind", "body-kind-unknown"))?,
        level: BodyLevel::parse(level.trim())
            .ok_or_else(|| ssr::invalid("level", "body-level-unknown"))?,
        parent: Some(parent),
        territory,
        names: Names {
            kk: name_kk,
            ru: name_ru,
            en: name_en,
        },
        valid_from: form_date(&valid_from, "valid_from", "date-invalid")?,
    };
    let to = new.slug.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move { bodies::add(txn, Some(me.id), new, chrono::Utc::now()).await })
    })
    .await?;
    go_to(&lang, &format!("/admin/bodies/{to}"), "body-added");
    Ok(())
}

/// An admin renames a body from a date on; its old names are kept with their dates.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an empty or unchanged name or a bad
/// date; `Refused` when another admin changed the body since the form was shown.
#[server(endpoint = "admin/bodies/rename")]
pub async fn rename_body(
    csrf: String,
    lang: String,
    slug: String,
    stamp: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    from: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::model::Names;
    use crate::server::services::administration::bodies;
    let (state, me) = ssr::admin(&csrf).await?;
    let from = ssr::required_date(&from, "from")?;
    let names = Names {
        kk: name_kk,
        ru: name_ru,
        en: name_en,
    };
    let key = slug.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            bodies::rename(
                txn,
                Some(me.id),
                &key,
                &stamp,
                names,
                from,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    go_to(&lang, &format!("/admin/bodies/{slug}"), "body-renamed");
    Ok(())
}

/// An admin moves a body under another parent.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an unknown parent or one under the body
/// itself; `Refused` when another admin changed the body meanwhile.
#[server(endpoint = "admin/bodies/move")]
pub async fn move_body(
    csrf: String,
    lang: String,
    slug: String,
    stamp: String,
    parent: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::bodies;
    let (state, me) = ssr::admin(&csrf).await?;
    let key = slug.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            bodies::move_to(txn, Some(me.id), &key, &stamp, &parent, chrono::Utc::now()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/admin/bodies/{slug}"), "body-moved");
    Ok(())
}

/// An admin sets a public council's own minimum of voting members (empty: the platform
/// setting).
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a number out of range or a body that is
/// not a council; `Refused` when another admin changed it meanwhile.
#[server(endpoint = "admin/bodies/minimum")]
pub async fn council_minimum(
    csrf: String,
    lang: String,
    slug: String,
    stamp: String,
    minimum: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::bodies;
    let (state, me) = ssr::admin(&csrf).await?;
    let minimum = match minimum.trim() {
        "" => None,
        text => Some(
            text.parse::<u32>()
                .map_err(|_| ssr::invalid("minimum", "council-minimum-range"))?,
        ),
    };
    let key = slug.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            bodies::set_minimum(txn, Some(me.id), &key, &stamp, minimum, chrono::Utc::now()).await
        })
    })
    .await?;
    go_to(
        &lang,
        &format!("/admin/bodies/{slug}"),
        "council-minimum-saved",
    );
    Ok(())
}

/// An admin ends a body on a day; what awaits it moves to the successor chosen.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an unknown successor, one of another
/// kind, a day in the future, or bodies still under it; `Refused` when another admin changed
/// the body meanwhile.
#[server(endpoint = "admin/bodies/end")]
pub async fn end_body(
    csrf: String,
    lang: String,
    slug: String,
    stamp: String,
    successor: String,
    on: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::bodies;
    let (state, me) = ssr::admin(&csrf).await?;
    let on = ssr::required_date(&on, "on")?;
    let key = slug.clone();
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            bodies::end(
                txn,
                Some(me.id),
                &key,
                &stamp,
                &successor,
                on,
                chrono::Utc::now(),
            )
            .await
            .map(|_| ())
        })
    })
    .await?;
    go_to(&lang, &format!("/admin/bodies/{slug}"), "body-ended");
    Ok(())
}

/// The latest CSV uploads, for the import page.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/imports/recent")]
pub async fn admin_imports() -> Result<Vec<crate::model::ImportView>, AppError> {
    use crate::server::services::administration::imports;
    let state = ssr::admin_reading().await?;
    Ok(imports::recent(&state.db).await?)
}

/// One upload with its dry run.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound`.
#[server(endpoint = "admin/imports/one")]
pub async fn admin_import(id: i32) -> Result<crate::model::ImportView, AppError> {
    use crate::server::services::administration::imports;
    let state = ssr::admin_reading().await?;
    Ok(imports::find(&state.db, id).await?)
}

/// An admin applies an upload whose dry run was clean.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Refused` when it was applied already, was refused,
/// or no longer passes against the tables as they are now.
#[server(endpoint = "admin/imports/apply")]
pub async fn apply_import(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::imports;
    let (state, me) = ssr::admin(&csrf).await?;
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move { imports::apply(txn, Some(me.id), id, chrono::Utc::now()).await })
    })
    .await?;
    go_to(&lang, &format!("/admin/imports/{id}"), "import-applied");
    Ok(())
}

/// The topic catalogue, for the admin's page.
///
/// # Errors
/// `Forbidden` for anyone but an admin.
#[server(endpoint = "admin/topics")]
pub async fn admin_topics() -> Result<crate::model::TopicsAdmin, AppError> {
    use crate::server::services::administration::topics;
    let state = ssr::admin_reading().await?;
    Ok(topics::admin_view(&state.db).await?)
}

#[cfg(feature = "ssr")]
fn topic_form(
    names: (String, String, String),
    local: Option<&str>,
    ministry: String,
    position: String,
    active: bool,
) -> crate::server::services::administration::topics::TopicForm {
    crate::server::services::administration::topics::TopicForm {
        names: crate::model::Names {
            kk: names.0,
            ru: names.1,
            en: names.2,
        },
        local: local.is_some(),
        ministry,
        position,
        active,
    }
}

/// An admin adds a topic; it is offered for new petitions, proposals and inquiries at once.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a bad or taken code, an empty name, an
/// unknown ministry or a place out of range.
#[server(endpoint = "admin/topics/add")]
pub async fn add_topic(
    csrf: String,
    lang: String,
    code: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    #[server(default)] local: Option<String>,
    #[server(default)] ministry: String,
    #[server(default)] position: String,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::topics;
    let (state, me) = ssr::admin(&csrf).await?;
    let form = topic_form(
        (name_kk, name_ru, name_en),
        local.as_deref(),
        ministry,
        position,
        true,
    );
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(
            async move { topics::add(txn, Some(me.id), &code, form, chrono::Utc::now()).await },
        )
    })
    .await?;
    go_to(&lang, "/admin/topics", "topic-added");
    Ok(())
}

/// An admin changes a topic: its name, whether it is local, its ministry, its place, whether
/// it is still offered.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `NotFound` for an unknown topic; `Invalid` for an
/// empty name, an unknown ministry, a place out of range or retiring the last topic offered;
/// `Refused` when another admin changed it since the form was shown.
#[server(endpoint = "admin/topics/save")]
pub async fn save_topic(
    csrf: String,
    lang: String,
    code: String,
    version: i32,
    name_kk: String,
    name_ru: String,
    name_en: String,
    #[server(default)] local: Option<String>,
    #[server(default)] ministry: String,
    #[server(default)] position: String,
    #[server(default)] active: Option<String>,
) -> Result<(), AppError> {
    use crate::api::acting::{action_error, go_to};
    use crate::server::services::administration::topics;
    let (state, me) = ssr::admin(&csrf).await?;
    let form = topic_form(
        (name_kk, name_ru, name_en),
        local.as_deref(),
        ministry,
        position,
        active.is_some(),
    );
    crate::server::in_transaction(&state, action_error, move |txn| {
        Box::pin(async move {
            topics::save(txn, Some(me.id), &code, version, form, chrono::Utc::now()).await
        })
    })
    .await?;
    go_to(&lang, "/admin/topics", "topic-saved");
    Ok(())
}
