//! The topic catalogue as an admin keeps it (issue 17): add a topic, rename it, say whether it
//! is usually a local matter and which ministry answers for it nationally (the filing page's
//! suggestions follow), move it in the lists, retire it (no longer offered for new petitions,
//! proposals and inquiries; what was filed under it keeps it and its name). A topic is never
//! deleted: its code stays on what was filed. Every change is on the admin's record.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

use super::{CHANGED, check_names, invalid, record};
use crate::model::{BodyKind, ChangeSubject, Names, RecordedValue, TopicRow, TopicsAdmin};
use crate::server::entities::{body, topic};
use crate::server::services::{ActionError, ServiceError, bodies, topics};

/// The longest code.
pub const MAX_CODE: usize = 32;
/// The largest place in the lists.
pub const MAX_POSITION: i32 = 10_000;

/// What the admin types for a topic.
#[derive(Clone, Debug)]
pub struct TopicForm {
    /// Its name.
    pub names: Names,
    /// Usually a local matter.
    pub local: bool,
    /// The slug of the ministry that answers for it nationally (empty: none).
    pub ministry: String,
    /// Its place in the lists, as typed (empty: after the others, for a new topic).
    pub position: String,
    /// Offered for new filings.
    pub active: bool,
}

async fn ministry_slugs(
    db: &impl ConnectionTrait,
) -> Result<std::collections::HashMap<i32, String>, ServiceError> {
    Ok(body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::Ministry.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.slug))
        .collect())
}

fn row(model: &topic::Model, slugs: &std::collections::HashMap<i32, String>) -> TopicRow {
    TopicRow {
        code: model.code.clone(),
        names: topics::names(model),
        local: model.local,
        ministry: model.ministry_id.and_then(|id| slugs.get(&id).cloned()),
        position: model.position,
        active: model.active,
        version: model.version,
    }
}

fn recorded(row: &TopicRow) -> RecordedValue {
    RecordedValue::Topic {
        names: row.names.clone(),
        local: row.local,
        ministry: row.ministry.clone(),
        active: row.active,
    }
}

/// The topics page: every topic in list order, and the ministries in force to choose from.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn admin_view(db: &impl ConnectionTrait) -> Result<TopicsAdmin, ServiceError> {
    let slugs = ministry_slugs(db).await?;
    let rows = topics::all(db).await?;
    let mut ministries = Vec::new();
    for m in body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::Ministry.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::NameEn)
        .all(db)
        .await?
    {
        ministries.push(bodies::summary(&m)?);
    }
    Ok(TopicsAdmin {
        topics: rows.iter().map(|t| row(t, &slugs)).collect(),
        ministries,
    })
}

/// The ministry `slug` names (a ministry in force), or none for an empty slug.
async fn ministry_of(db: &impl ConnectionTrait, slug: &str) -> Result<Option<i32>, ActionError> {
    let slug = slug.trim();
    if slug.is_empty() {
        return Ok(None);
    }
    body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .filter(body::Column::Kind.eq(BodyKind::Ministry.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .map(|b| Some(b.id))
        .ok_or_else(|| invalid("ministry", "admin-topic-ministry-unknown"))
}

fn position_of(typed: &str) -> Result<Option<i32>, ActionError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed
        .parse::<i32>()
        .ok()
        .filter(|p| (0..=MAX_POSITION).contains(p))
        .map(Some)
        .ok_or_else(|| invalid("position", "admin-topic-position-range"))
}

/// Checks a new topic's code: 2 to 32 lowercase Latin letters, digits and hyphens, starting
/// with a letter (it goes into addresses and open data).
fn checked_code(code: &str) -> Result<String, ActionError> {
    let code = code.trim();
    let good = (2..=MAX_CODE).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if good {
        Ok(code.to_owned())
    } else {
        Err(invalid("code", "admin-topic-code-invalid"))
    }
}

/// Adds a topic, offered at once.
///
/// # Errors
/// `Invalid` for a bad or taken code, an empty or too long name, an unknown ministry or a
/// place out of range.
pub async fn add(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    code: &str,
    form: TopicForm,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let code = checked_code(code)?;
    let names = check_names(form.names)?;
    let ministry_id = ministry_of(db, &form.ministry).await?;
    let position = match position_of(&form.position)? {
        Some(p) => p,
        None => {
            let last = topic::Entity::find()
                .order_by_desc(topic::Column::Position)
                .one(db)
                .await?
                .map_or(0, |t| t.position);
            (last + 10).min(MAX_POSITION)
        }
    };
    if topic::Entity::find_by_id(code.clone()).count(db).await? > 0 {
        return Err(invalid("code", "admin-topic-code-taken"));
    }
    let added = topic::ActiveModel {
        code: Set(code.clone()),
        name_kk: Set(names.kk),
        name_ru: Set(names.ru),
        name_en: Set(names.en),
        local: Set(form.local),
        ministry_id: Set(ministry_id),
        position: Set(position),
        active: Set(true),
        version: Set(0),
    }
    .insert(db)
    .await?;
    let after = row(&added, &ministry_slugs(db).await?);
    record(
        db,
        actor,
        ChangeSubject::Topic,
        false,
        &code,
        (None, Some(&recorded(&after))),
        now,
    )
    .await?;
    Ok(())
}

/// Changes a topic. `version` is the one the admin's form showed.
///
/// # Errors
/// `NotFound` for no such topic; `Invalid` for an empty or too long name, an unknown ministry,
/// a place out of range, or retiring the last topic offered; `Refused` when the topic changed
/// since the form was shown.
pub async fn save(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    code: &str,
    version: i32,
    form: TopicForm,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let current = topics::find(db, code).await?.ok_or(ActionError::NotFound)?;
    if current.version != version {
        return Err(CHANGED);
    }
    let names = check_names(form.names)?;
    let ministry_id = ministry_of(db, &form.ministry).await?;
    let position = position_of(&form.position)?.unwrap_or(current.position);
    if current.active && !form.active {
        // The rows offered, locked on PostgreSQL (SQLite writes one at a time): two admins
        // retiring the last two at once cannot leave none.
        let offered = topic::Entity::find()
            .filter(topic::Column::Active.eq(true))
            .lock_exclusive()
            .all(db)
            .await?;
        if offered.len() <= 1 {
            return Err(invalid("active", "admin-topic-last"));
        }
    }
    let slugs = ministry_slugs(db).await?;
    let before = row(&current, &slugs);
    let changed = topic::Entity::update_many()
        .col_expr(topic::Column::NameKk, Expr::value(names.kk.clone()))
        .col_expr(topic::Column::NameRu, Expr::value(names.ru.clone()))
        .col_expr(topic::Column::NameEn, Expr::value(names.en.clone()))
        .col_expr(topic::Column::Local, Expr::value(form.local))
        .col_expr(topic::Column::MinistryId, Expr::value(ministry_id))
        .col_expr(topic::Column::Position, Expr::value(position))
        .col_expr(topic::Column::Active, Expr::value(form.active))
        .col_expr(topic::Column::Version, Expr::value(version + 1))
        .filter(topic::Column::Code.eq(current.code.clone()))
        .filter(topic::Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(CHANGED);
    }
    let after = TopicRow {
        names,
        local: form.local,
        ministry: ministry_id.and_then(|id| slugs.get(&id).cloned()),
        position,
        active: form.active,
        version: version + 1,
        code: current.code.clone(),
    };
    if recorded(&before) != recorded(&after) || before.position != after.position {
        record(
            db,
            actor,
            ChangeSubject::Topic,
            false,
            &current.code,
            (Some(&recorded(&before)), Some(&recorded(&after))),
            now,
        )
        .await?;
    }
    Ok(())
}
