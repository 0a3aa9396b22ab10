//! Bodies as an admin keeps them (issue 17): add a body, rename it (the old names kept with
//! their dates, shown on its public page), move it under another parent, set a public
//! council's own minimum of voting members, and end it with a successor.
//!
//! Ending a body hands over what still awaits it, in the caller's transaction:
//! - each case awaiting its answer ends `forwarded` with a `body_ended` event naming the
//!   successor, and the successor opens a case for the same origin with the same registration
//!   day, pauses and due days (a reorganisation gives the state no extra time), its timeline
//!   opening with `received_from_predecessor`;
//! - petitions addressed to it that are not yet answered, inquiries not yet closed and (for a
//!   council) proposals still on its desk are re-addressed to the successor, with a
//!   `body_ended` event where they have a timeline;
//! - its officials' roles end on the same day;
//! - the topics a ministry answered for name the successor instead.
//!
//! The bodies under it must be moved or ended first: an admin decides where a council or a
//! department goes, the platform does not guess.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

use super::{CHANGED, check_names, invalid, record, replaced_name_dates, stamp_of};
use crate::model::{
    ActorRole, BodyAdmin, BodyKind, BodyLevel, BodyRow, CaseKind, CaseState, ChangeSubject,
    EventKind, FormerName, InquiryState, Names, PetitionStatus, RecordedValue,
};
use crate::server::entities::{
    body, body_name, body_succession, case, case_pause, inquiry, petition, role_grant, territory,
};
use crate::server::services::cases::{Opening, open, transition};
use crate::server::services::timeline::{self, Event, Subject};
use crate::server::services::{
    ActionError, ServiceError, bodies::summary, councils, territories, today,
};

/// The most voting members a council's own minimum may ask for.
pub const MAX_MINIMUM: u32 = 100;
/// The longest slug.
pub const MAX_SLUG: usize = 80;

/// Petitions still coming to a body: they follow it to a successor.
const PETITIONS_OPEN: [PetitionStatus; 5] = [
    PetitionStatus::Draft,
    PetitionStatus::Moderation,
    PetitionStatus::Gathering,
    PetitionStatus::Open,
    PetitionStatus::UnderConsideration,
];

/// A stamp of what an admin edits on a body: a form sends back the one it showed.
pub fn stamp(model: &body::Model) -> String {
    stamp_of(&[
        &model.name_kk,
        &model.name_ru,
        &model.name_en,
        &model.parent_id.map(|d| d.to_string()).unwrap_or_default(),
        &model.valid_from.map(|d| d.to_string()).unwrap_or_default(),
        &model.valid_to.map(|d| d.to_string()).unwrap_or_default(),
        &model
            .minimum_members
            .map(|d| d.to_string())
            .unwrap_or_default(),
    ])
}

fn names_of(model: &body::Model) -> Names {
    Names {
        kk: model.name_kk.clone(),
        ru: model.name_ru.clone(),
        en: model.name_en.clone(),
    }
}

async fn slug_of(
    db: &impl ConnectionTrait,
    id: Option<i32>,
) -> Result<Option<String>, ServiceError> {
    Ok(match id {
        Some(id) => body::Entity::find_by_id(id).one(db).await?.map(|b| b.slug),
        None => None,
    })
}

async fn as_recorded(
    db: &impl ConnectionTrait,
    model: &body::Model,
) -> Result<RecordedValue, ServiceError> {
    let successor = body_succession::Entity::find_by_id(model.id)
        .one(db)
        .await?
        .map(|s| s.successor_id);
    Ok(RecordedValue::Body {
        names: names_of(model),
        parent: slug_of(db, model.parent_id).await?,
        valid_to: model.valid_to,
        successor: slug_of(db, successor).await?,
        minimum_members: model.minimum_members.and_then(|m| u32::try_from(m).ok()),
    })
}

async fn by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
    lock: bool,
) -> Result<body::Model, ActionError> {
    let mut query = body::Entity::find().filter(body::Column::Slug.eq(slug.trim()));
    if lock {
        query = query.lock_exclusive();
    }
    query.one(db).await?.ok_or(ActionError::NotFound)
}

/// A body in force, named in a form's `field`.
async fn in_force(
    db: &impl ConnectionTrait,
    slug: &str,
    field: &'static str,
    key: &'static str,
) -> Result<body::Model, ActionError> {
    body::Entity::find()
        .filter(body::Column::Slug.eq(slug.trim()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .ok_or_else(|| invalid(field, key))
}

/// The body's former names, oldest first.
///
/// # Errors
/// A database failure.
pub async fn former_names(
    db: &impl ConnectionTrait,
    body_id: i32,
) -> Result<Vec<FormerName>, ServiceError> {
    Ok(body_name::Entity::find()
        .filter(body_name::Column::BodyId.eq(body_id))
        .order_by_asc(body_name::Column::ValidTo)
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

/// The body that took over from an ended one.
///
/// # Errors
/// A database failure.
pub async fn successor(
    db: &impl ConnectionTrait,
    body_id: i32,
) -> Result<Option<body::Model>, ServiceError> {
    Ok(
        match body_succession::Entity::find_by_id(body_id).one(db).await? {
            Some(s) => body::Entity::find_by_id(s.successor_id).one(db).await?,
            None => None,
        },
    )
}

/// Every body, in force first, then by id, for the admin's list.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<BodyRow>, ServiceError> {
    let all = body::Entity::find()
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    let places: std::collections::HashMap<i32, territory::Model> = territory::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let slugs: std::collections::HashMap<i32, String> =
        all.iter().map(|b| (b.id, b.slug.clone())).collect();
    let mut rows = all
        .iter()
        .map(|b| {
            let place = places.get(&b.territory_id).ok_or_else(|| {
                ServiceError::Corrupt(format!("body {} has no territory", b.slug))
            })?;
            Ok(BodyRow {
                body: summary(b)?,
                parent: b.parent_id.and_then(|p| slugs.get(&p).cloned()),
                territory: territories::summary(place)?,
                valid_to: b.valid_to,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    rows.sort_by_key(|r| r.valid_to.is_some());
    Ok(rows)
}

/// One body as the admin edits it.
///
/// # Errors
/// `NotFound` for an unknown slug; a database failure.
pub async fn body(db: &impl ConnectionTrait, slug: &str) -> Result<BodyAdmin, ServiceError> {
    let model = body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let parent = match model.parent_id {
        Some(id) => body::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let place = territory::Entity::find_by_id(model.territory_id)
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::Corrupt(format!("body {} has no territory", model.slug)))?;
    let children = body::Entity::find()
        .filter(body::Column::ParentId.eq(model.id))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(summary)
        .collect::<Result<Vec<_>, _>>()?;
    let open_cases = case::Entity::find()
        .filter(case::Column::BodyId.eq(model.id))
        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
        .count(db)
        .await?;
    let open_petitions = petition::Entity::find()
        .filter(petition::Column::BodyId.eq(model.id))
        .filter(petition::Column::Status.is_in(PETITIONS_OPEN.iter().map(|s| s.as_str())))
        .count(db)
        .await?;
    Ok(BodyAdmin {
        body: summary(&model)?,
        parent: parent.as_ref().map(summary).transpose()?,
        territory: territories::summary(&place)?,
        valid_from: model.valid_from,
        valid_to: model.valid_to,
        successor: successor(db, model.id)
            .await?
            .as_ref()
            .map(summary)
            .transpose()?,
        stamp: stamp(&model),
        former_names: former_names(db, model.id).await?,
        children,
        open_cases,
        open_petitions,
        minimum_members: model.minimum_members.and_then(|m| u32::try_from(m).ok()),
        default_minimum: councils::settings(db).await?.minimum_members,
    })
}

/// Whether a slug is lowercase Latin letters and digits in words joined by hyphens.
pub fn slug_ok(slug: &str) -> bool {
    (2..=MAX_SLUG).contains(&slug.len())
        && slug.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// What a new body is.
#[derive(Clone, Debug)]
pub struct NewBody {
    /// Its address on the site.
    pub slug: String,
    /// What it is.
    pub kind: BodyKind,
    /// Its level.
    pub level: BodyLevel,
    /// The slug of the body above it (a public council: the body it is attached to).
    pub parent: Option<String>,
    /// The KATO code of the territory it serves.
    pub territory: String,
    /// Its names.
    pub names: Names,
    /// In force from.
    pub valid_from: Option<NaiveDate>,
}

/// A new body.
///
/// # Errors
/// `Invalid` for a slug that is malformed or taken, a name empty or too long, an unknown
/// territory, an unknown or ended parent, or a missing parent (only the Government has none,
/// and a public council is always attached to a body).
pub async fn add(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    new: NewBody,
    now: DateTime<Utc>,
) -> Result<body::Model, ActionError> {
    let slug = new.slug.trim().to_owned();
    if !slug_ok(&slug) {
        return Err(invalid("slug", "body-slug-invalid"));
    }
    let names = check_names(new.names)?;
    let place = territory::Entity::find()
        .filter(territory::Column::Kato.eq(new.territory.trim()))
        .one(db)
        .await?
        .ok_or_else(|| invalid("territory", "body-territory-unknown"))?;
    let parent_id = match new
        .parent
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(in_force(db, p, "parent", "body-parent-unknown").await?.id),
        None if new.kind == BodyKind::Government => None,
        None => return Err(invalid("parent", "body-parent-unknown")),
    };
    if body::Entity::find()
        .filter(body::Column::Slug.eq(&slug))
        .one(db)
        .await?
        .is_some()
    {
        return Err(invalid("slug", "body-slug-taken"));
    }
    let inserted = body::ActiveModel {
        slug: Set(slug.clone()),
        kind: Set(new.kind.as_str().into()),
        level: Set(new.level.as_str().into()),
        parent_id: Set(parent_id),
        territory_id: Set(place.id),
        name_kk: Set(names.kk),
        name_ru: Set(names.ru),
        name_en: Set(names.en),
        valid_from: Set(new.valid_from),
        valid_to: Set(None),
        minimum_members: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    let model = match inserted {
        Ok(model) => model,
        Err(e) => {
            return Err(match e.sql_err() {
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                    invalid("slug", "body-slug-taken")
                }
                _ => e.into(),
            });
        }
    };
    let after = as_recorded(db, &model).await?;
    record(
        db,
        actor,
        ChangeSubject::Body,
        false,
        &slug,
        (None, Some(&after)),
        now,
    )
    .await?;
    Ok(model)
}

/// Applies `update` to a body whose form showed `seen`, and records it (public when citizens
/// are affected). The body is locked for the change.
async fn change<C, F>(
    db: &C,
    actor: Option<i32>,
    slug: &str,
    seen: &str,
    public: bool,
    update: F,
    now: DateTime<Utc>,
) -> Result<(), ActionError>
where
    C: ConnectionTrait,
    F: AsyncFnOnce(&C, &body::Model) -> Result<bool, ActionError>,
{
    let current = by_slug(db, slug, true).await?;
    if stamp(&current) != seen {
        return Err(CHANGED);
    }
    let before = as_recorded(db, &current).await?;
    if !update(db, &current).await? {
        return Ok(());
    }
    let changed = body::Entity::find_by_id(current.id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let after = as_recorded(db, &changed).await?;
    record(
        db,
        actor,
        ChangeSubject::Body,
        public,
        &current.slug,
        (Some(&before), Some(&after)),
        now,
    )
    .await?;
    Ok(())
}

/// Renames a body from `from` on: its names until the day before are kept as a former name.
///
/// # Errors
/// `Invalid` for a name empty, too long or unchanged, or a date not after the last renaming;
/// `Refused` when the body changed since the form was shown.
pub async fn rename(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    slug: &str,
    seen: &str,
    names: Names,
    from: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let names = check_names(names)?;
    change(
        db,
        actor,
        slug,
        seen,
        true,
        async |db, current| {
            if names == names_of(current) {
                return Err(invalid("name_kk", "body-name-same"));
            }
            let former = former_names(db, current.id).await?;
            let (since, until) = replaced_name_dates(
                former.last().map(|f| f.valid_to),
                current.valid_from,
                from,
                "body-rename-date",
            )?;
            body_name::ActiveModel {
                body_id: Set(current.id),
                name_kk: Set(current.name_kk.clone()),
                name_ru: Set(current.name_ru.clone()),
                name_en: Set(current.name_en.clone()),
                valid_from: Set(since),
                valid_to: Set(until),
                ..Default::default()
            }
            .insert(db)
            .await?;
            body::Entity::update_many()
                .col_expr(body::Column::NameKk, Expr::value(names.kk))
                .col_expr(body::Column::NameRu, Expr::value(names.ru))
                .col_expr(body::Column::NameEn, Expr::value(names.en))
                .filter(body::Column::Id.eq(current.id))
                .exec(db)
                .await?;
            Ok(true)
        },
        now,
    )
    .await
}

/// Moves a body under another parent.
///
/// # Errors
/// `Invalid` for an unknown or ended parent, the body itself or a body under it (it would be
/// its own ancestor), or no parent for anything but the Government; `Refused` when the body
/// changed since the form was shown.
pub async fn move_to(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    slug: &str,
    seen: &str,
    parent: &str,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let parent = parent.trim();
    change(
        db,
        actor,
        slug,
        seen,
        false,
        async |db, current| {
            let parent_id = if parent.is_empty() {
                if current.kind != BodyKind::Government.as_str() {
                    return Err(invalid("parent", "body-parent-unknown"));
                }
                None
            } else {
                let target = in_force(db, parent, "parent", "body-parent-unknown").await?;
                // Walk up from the new parent: meeting the body itself means a cycle.
                let mut up = Some(target.id);
                let mut steps = 0;
                while let Some(id) = up {
                    if id == current.id {
                        return Err(invalid("parent", "body-parent-cycle"));
                    }
                    steps += 1;
                    if steps > 64 {
                        return Err(ActionError::Service(ServiceError::Corrupt(
                            "body parents form a loop".into(),
                        )));
                    }
                    up = body::Entity::find_by_id(id)
                        .one(db)
                        .await?
                        .and_then(|b| b.parent_id);
                }
                Some(target.id)
            };
            if parent_id == current.parent_id {
                return Ok(false);
            }
            body::Entity::update_many()
                .col_expr(body::Column::ParentId, Expr::value(parent_id))
                .filter(body::Column::Id.eq(current.id))
                .exec(db)
                .await?;
            Ok(true)
        },
        now,
    )
    .await
}

/// Sets a public council's own minimum of voting members (none: the platform setting).
///
/// # Errors
/// `Invalid` for a body that is not a public council or a minimum outside 1 to
/// [`MAX_MINIMUM`]; `Refused` when the body changed since the form was shown.
pub async fn set_minimum(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    slug: &str,
    seen: &str,
    minimum: Option<u32>,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    if minimum.is_some_and(|m| m == 0 || m > MAX_MINIMUM) {
        return Err(invalid("minimum", "council-minimum-range"));
    }
    change(
        db,
        actor,
        slug,
        seen,
        false,
        async |db, current| {
            if current.kind != BodyKind::PublicCouncil.as_str() {
                return Err(invalid("minimum", "body-not-council"));
            }
            let value = minimum.map(|m| i32::try_from(m).unwrap_or(i32::MAX));
            if value == current.minimum_members {
                return Ok(false);
            }
            body::Entity::update_many()
                .col_expr(body::Column::MinimumMembers, Expr::value(value))
                .filter(body::Column::Id.eq(current.id))
                .exec(db)
                .await?;
            Ok(true)
        },
        now,
    )
    .await
}

/// What ending a body moved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Handover {
    /// Cases the successor opened.
    pub cases: u64,
    /// Petitions re-addressed.
    pub petitions: u64,
    /// Inquiries re-addressed.
    pub inquiries: u64,
    /// Proposals moved to the successor council.
    pub proposals: u64,
    /// Roles ended.
    pub roles: u64,
    /// Topics whose ministry is now the successor.
    pub topics: u64,
}

/// Ends a body on `on` (today or earlier) and hands what awaits it to `successor` (see the
/// module's text). Public: citizens' cases move.
///
/// # Errors
/// `Invalid` for an unknown or ended successor, the body itself, a successor of another kind,
/// a day in the future or before the body began, or bodies in force still under it; `Refused`
/// when the body changed since the form was shown (or has already ended).
pub async fn end(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    slug: &str,
    seen: &str,
    successor_slug: &str,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Handover, ActionError> {
    let mut moved = Handover::default();
    change(
        db,
        actor,
        slug,
        seen,
        true,
        async |db, current| {
            if current.valid_to.is_some() {
                return Err(ActionError::Refused("body-ended-already"));
            }
            let next = in_force(db, successor_slug, "successor", "body-successor-unknown").await?;
            if next.id == current.id {
                return Err(invalid("successor", "body-successor-self"));
            }
            if next.kind != current.kind {
                return Err(invalid("successor", "body-successor-kind"));
            }
            if on > today() || current.valid_from.is_some_and(|from| on < from) {
                return Err(invalid("on", "body-end-date"));
            }
            if body::Entity::find()
                .filter(body::Column::ParentId.eq(current.id))
                .filter(body::Column::ValidTo.is_null())
                .count(db)
                .await?
                > 0
            {
                return Err(invalid("successor", "body-has-children"));
            }
            body::Entity::update_many()
                .col_expr(body::Column::ValidTo, Expr::value(on))
                .filter(body::Column::Id.eq(current.id))
                .exec(db)
                .await?;
            body_succession::ActiveModel {
                body_id: Set(current.id),
                successor_id: Set(next.id),
            }
            .insert(db)
            .await?;
            moved = hand_over(db, actor, current, &next, on, now).await?;
            Ok(true)
        },
        now,
    )
    .await?;
    Ok(moved)
}

/// Re-addresses the rows `ids` of `E` (by its `(id, body)` columns) to the body `to.0`, each
/// with the event `to.2` on the timeline of `to.1` of its id. Returns how many moved.
async fn readdress<E: EntityTrait>(
    db: &impl ConnectionTrait,
    ids: &[i32],
    (id, body): (E::Column, E::Column),
    to: (i32, fn(i32) -> Subject, &impl Fn() -> Event),
    now: DateTime<Utc>,
) -> Result<u64, ActionError> {
    let (body_id, subject, event) = to;
    if !ids.is_empty() {
        E::update_many()
            .col_expr(body, Expr::value(body_id))
            .filter(id.is_in(ids.iter().copied()))
            .exec(db)
            .await?;
    }
    for id in ids {
        timeline::record(db, subject(*id), event(), now).await?;
    }
    Ok(u64::try_from(ids.len()).unwrap_or(u64::MAX))
}

/// Hands what awaits `from` to `to` (see the module's text).
async fn hand_over(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    from: &body::Model,
    to: &body::Model,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Handover, ActionError> {
    let mut moved = Handover::default();
    let ended = || Event::new(EventKind::BodyEnded, ActorRole::Admin, actor).body(to.id);
    let cases = case::Entity::find()
        .filter(case::Column::BodyId.eq(from.id))
        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?;
    for old in cases {
        if !transition(
            db,
            old.id,
            CaseState::AwaitingAnswer,
            CaseState::Forwarded,
            vec![(case::Column::ClosedAt, Expr::value(now))],
            now,
        )
        .await?
        {
            continue;
        }
        timeline::record(db, Subject::Case(old.id), ended(), now).await?;
        let kind = CaseKind::parse(&old.kind)
            .ok_or_else(|| ServiceError::Corrupt(format!("case kind {}", old.kind)))?;
        let new = open(
            db,
            Opening {
                kind,
                origin_id: old.origin_id,
                body_id: to.id,
                forwarded_from: Some(old.id),
                on: old.registered_on,
                term_days: old.term_days,
            },
            Some(
                Event::new(EventKind::ReceivedFromPredecessor, ActorRole::Admin, actor)
                    .body(from.id),
            ),
            now,
        )
        .await?;
        // The clock runs on: the same pauses, term, due days and overdue marks.
        for pause in case_pause::Entity::find()
            .filter(case_pause::Column::CaseId.eq(old.id))
            .all(db)
            .await?
        {
            let mut copy: case_pause::ActiveModel = pause.into();
            copy = copy.reset_all();
            copy.id = sea_orm::ActiveValue::NotSet;
            copy.case_id = Set(new.id);
            copy.insert(db).await?;
        }
        case::Entity::update_many()
            .col_expr(case::Column::DueOn, Expr::value(old.due_on))
            .col_expr(case::Column::VeryDueOn, Expr::value(old.very_due_on))
            .col_expr(case::Column::OverdueAt, Expr::value(old.overdue_at))
            .col_expr(
                case::Column::VeryOverdueAt,
                Expr::value(old.very_overdue_at),
            )
            .col_expr(case::Column::TermAmount, Expr::value(old.term_amount))
            .col_expr(case::Column::TermUnit, Expr::value(old.term_unit.clone()))
            .filter(case::Column::Id.eq(new.id))
            .exec(db)
            .await?;
        moved.cases += 1;
    }
    let petitions = petition::Entity::find()
        .select_only()
        .column(petition::Column::Id)
        .filter(petition::Column::BodyId.eq(from.id))
        .filter(petition::Column::Status.is_in(PETITIONS_OPEN.iter().map(|s| s.as_str())))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    moved.petitions = readdress::<petition::Entity>(
        db,
        &petitions,
        (petition::Column::Id, petition::Column::BodyId),
        (to.id, Subject::Petition, &ended),
        now,
    )
    .await?;
    let inquiries = inquiry::Entity::find()
        .select_only()
        .column(inquiry::Column::Id)
        .filter(inquiry::Column::BodyId.eq(from.id))
        .filter(inquiry::Column::State.ne(InquiryState::Closed.as_str()))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    moved.inquiries = readdress::<inquiry::Entity>(
        db,
        &inquiries,
        (inquiry::Column::Id, inquiry::Column::BodyId),
        (to.id, Subject::Inquiry, &ended),
        now,
    )
    .await?;
    if from.kind == BodyKind::PublicCouncil.as_str() {
        moved.proposals = councils::proposals::hand_over(db, from.id, to.id, ended, now).await?;
    }
    moved.roles = role_grant::Entity::update_many()
        .col_expr(role_grant::Column::EndsOn, Expr::value(on))
        .col_expr(role_grant::Column::EndedById, Expr::value(actor))
        .col_expr(role_grant::Column::EndedAt, Expr::value(now))
        .filter(role_grant::Column::BodyId.eq(from.id))
        .filter(role_grant::Column::StartsOn.lte(on))
        .filter(
            sea_orm::Condition::any()
                .add(role_grant::Column::EndsOn.is_null())
                .add(role_grant::Column::EndsOn.gt(on)),
        )
        .exec(db)
        .await?
        .rows_affected;
    moved.topics = crate::server::services::topics::follow_successor(db, from.id, to.id).await?;
    Ok(moved)
}
