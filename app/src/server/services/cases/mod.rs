//! The case core: the shared ending of everything a body must answer. Each domain keeps its
//! own table and lifecycle (a petition's filing, moderation and signatures stay in
//! `petitions`); a case begins when something is addressed to a body and must be answered.
//!
//! A case has a kind, an addressee body, a link to its origin, a number unique per body and
//! year, one clock from the deadline engine (term per kind and body level, moved on by
//! clarification pauses), states with checked moves ([`CaseState::may_become`]), an answer,
//! follow-ups, implementation updates, ratings and a public timeline. Every move is one
//! conditional `UPDATE … WHERE state = <expected>`: of two officials answering at once exactly
//! one wins, and only the winner writes its event, in the same transaction.
//!
//! A new kind plugs in by opening a case with [`open`] when its origin is sent, and by adding
//! its arm to [`origin`] (title, page, author, who is mailed, what the origin does when its
//! case is answered).

pub mod answering;
pub mod clock;
pub mod documents;
pub mod forwarding;
pub mod mailing;
pub mod origin;
pub mod responsiveness;
pub mod views;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, Statement,
    sea_query::{Expr, SimpleExpr},
};

use super::timeline::{self, Event, Subject};
use super::{ActionError, ServiceError, roles};
use crate::model::{CaseKind, CaseState, EventKind, Role};
use crate::server::db::placeholder;
use crate::server::entities::{body, case};

/// Loads a case.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<case::Model, ActionError> {
    case::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)
}

/// The stored state of a case.
///
/// # Errors
/// `Corrupt` for a state the platform does not know.
pub fn state_of(model: &case::Model) -> Result<CaseState, ServiceError> {
    CaseState::parse(&model.state)
        .ok_or_else(|| ServiceError::Corrupt(format!("case state {}", model.state)))
}

/// The stored kind of a case.
///
/// # Errors
/// `Corrupt` for a kind the platform does not know.
pub fn kind_of(model: &case::Model) -> Result<CaseKind, ServiceError> {
    CaseKind::parse(&model.kind)
        .ok_or_else(|| ServiceError::Corrupt(format!("case kind {}", model.kind)))
}

/// The live case of an origin (not forwarded away or withdrawn), if it has one.
///
/// # Errors
/// A database failure.
pub async fn of_origin(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    origin_id: i32,
) -> Result<Option<case::Model>, ServiceError> {
    Ok(case::Entity::find()
        .filter(case::Column::Kind.eq(kind.as_str()))
        .filter(case::Column::OriginId.eq(origin_id))
        .filter(
            case::Column::State
                .is_not_in([CaseState::Forwarded.as_str(), CaseState::Withdrawn.as_str()]),
        )
        .one(db)
        .await?)
}

/// Every case an origin has had, oldest first (forwarded ones included).
///
/// # Errors
/// A database failure.
pub async fn all_of_origin(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    origin_id: i32,
) -> Result<Vec<case::Model>, ServiceError> {
    use sea_orm::QueryOrder;
    Ok(case::Entity::find()
        .filter(case::Column::Kind.eq(kind.as_str()))
        .filter(case::Column::OriginId.eq(origin_id))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?)
}

/// The latest answered cases of `kind` (at most `limit`, the newest answer first), of the
/// origins `origins` when given: what the feeds list as "answered".
///
/// # Errors
/// A database failure.
pub async fn latest_answered(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    origins: Option<Vec<i32>>,
    limit: u64,
) -> Result<Vec<case::Model>, ServiceError> {
    use sea_orm::{QueryOrder, QuerySelect};
    let mut query = case::Entity::find()
        .filter(case::Column::Kind.eq(kind.as_str()))
        .filter(case::Column::AnsweredAt.is_not_null());
    if let Some(ids) = origins {
        query = query.filter(case::Column::OriginId.is_in(ids));
    }
    Ok(query
        .order_by_desc(case::Column::AnsweredAt)
        .limit(limit)
        .all(db)
        .await?)
}

/// The next number of `body_id` in `year`: one atomic upsert on the body's counter, so two
/// processes registering at once never share a number.
async fn next_number(
    db: &impl ConnectionTrait,
    body_id: i32,
    year: i32,
) -> Result<i32, ServiceError> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "INSERT INTO case_numbers (body_id, year, last) VALUES ({}, {}, 1) \
                 ON CONFLICT (body_id, year) DO UPDATE SET last = case_numbers.last + 1 RETURNING last",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [body_id.into(), year.into()],
        ))
        .await?
        .ok_or_else(|| ServiceError::Corrupt("no case number returned".into()))?;
    Ok(row.try_get("", "last")?)
}

/// What opens a case.
#[derive(Clone, Copy, Debug)]
pub struct Opening {
    /// What it began as.
    pub kind: CaseKind,
    /// The origin's id in its own table.
    pub origin_id: i32,
    /// The addressee.
    pub body_id: i32,
    /// The case it was forwarded from, if any.
    pub forwarded_from: Option<i32>,
    /// Day 0 of the clock: the day it was sent.
    pub on: NaiveDate,
    /// A term of its own in calendar days, instead of its kind's (an inquiry's maslikhat's).
    pub term_days: Option<i32>,
}

/// Opens a case: numbered by its body for the year, its clock started, `registered` on its
/// timeline (with `event` instead, when given).
///
/// # Errors
/// A database failure; `Refused` when the origin already has a live case.
pub async fn open(
    db: &impl ConnectionTrait,
    opening: Opening,
    event: Option<Event>,
    now: DateTime<Utc>,
) -> Result<case::Model, ActionError> {
    if of_origin(db, opening.kind, opening.origin_id)
        .await?
        .is_some()
    {
        return Err(ActionError::Refused("case-already-open"));
    }
    let addressee = body::Entity::find_by_id(opening.body_id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let clocks = clock::CaseClocks::load(db).await?;
    let term = clocks.opening_term(opening.kind, &addressee.level, opening.term_days)?;
    let (due, very_due) = clocks.due_days(term, opening.on, &[]);
    let year = opening.on.year();
    let seq = next_number(db, opening.body_id, year).await?;
    let model = case::ActiveModel {
        kind: Set(opening.kind.as_str().into()),
        origin_id: Set(opening.origin_id),
        body_id: Set(opening.body_id),
        forwarded_from_id: Set(opening.forwarded_from),
        year: Set(year),
        seq: Set(seq),
        registered_on: Set(opening.on),
        registered_at: Set(now),
        state: Set(CaseState::AwaitingAnswer.as_str().into()),
        due_on: Set(due),
        very_due_on: Set(very_due),
        updated_at: Set(now),
        term_days: Set(opening.term_days),
        term_amount: Set(Some(i32::try_from(term.amount).unwrap_or(i32::MAX))),
        term_unit: Set(Some(term.unit.as_str().into())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let event = event.unwrap_or_else(|| Event::system(EventKind::Registered));
    timeline::record(db, Subject::Case(model.id), event, now).await?;
    Ok(model)
}

/// Moves a case from `from` to `to` if it is still in `from`, setting `columns` with it.
/// Returns whether this call made the move (of two racing calls, one does).
///
/// # Errors
/// `Corrupt` for a move the state table forbids (a bug); a database failure.
pub async fn transition(
    db: &impl ConnectionTrait,
    case_id: i32,
    from: CaseState,
    to: CaseState,
    columns: Vec<(case::Column, SimpleExpr)>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    if !from.may_become(to) {
        return Err(ServiceError::Corrupt(format!(
            "case move {} → {}",
            from.as_str(),
            to.as_str()
        )));
    }
    let mut update = case::Entity::update_many()
        .col_expr(case::Column::State, Expr::value(to.as_str()))
        .col_expr(case::Column::UpdatedAt, Expr::value(now));
    for (column, value) in columns {
        update = update.col_expr(column, value);
    }
    Ok(update
        .filter(case::Column::Id.eq(case_id))
        .filter(case::Column::State.eq(from.as_str()))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// The role in which `user_id` answers for body `body_id` on `today`: its official, or for a
/// public council (whose cases are citizens' proposals) its secretary; `None` for anyone else.
///
/// # Errors
/// A database failure.
pub async fn answers_for(
    db: &impl ConnectionTrait,
    user_id: i32,
    body_id: i32,
    today: NaiveDate,
) -> Result<Option<crate::model::ActorRole>, ServiceError> {
    use crate::model::ActorRole;
    if roles::holds(db, user_id, Role::Official, Some(body_id), today).await? {
        return Ok(Some(ActorRole::Official));
    }
    let council = crate::server::entities::body::Entity::find_by_id(body_id)
        .one(db)
        .await?
        .is_some_and(|b| b.kind == crate::model::BodyKind::PublicCouncil.as_str());
    Ok(
        (council
            && roles::holds(db, user_id, Role::CouncilSecretary, Some(body_id), today).await?)
            .then_some(ActorRole::CouncilSecretary),
    )
}

/// The case and the role its acting user answers it in, if `user_id` answers for its body on
/// `today` ([`answers_for`]); `Forbidden` otherwise.
///
/// # Errors
/// `NotFound`, `Forbidden`; a database failure.
pub async fn as_official(
    db: &impl ConnectionTrait,
    user_id: i32,
    case_id: i32,
    today: NaiveDate,
) -> Result<(case::Model, crate::model::ActorRole), ActionError> {
    let case = find(db, case_id).await?;
    match answers_for(db, user_id, case.body_id, today).await? {
        Some(role) => Ok((case, role)),
        None => Err(ActionError::Forbidden),
    }
}

/// Withdraws a case awaiting its answer (its origin no longer asks: a petition whose
/// signatures fell under the threshold, an inquiry its deputy took back).
///
/// # Errors
/// `Refused` when the case awaits no answer; a database failure.
pub async fn withdraw(
    db: &impl ConnectionTrait,
    case_id: i32,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    if !transition(
        db,
        case_id,
        CaseState::AwaitingAnswer,
        CaseState::Withdrawn,
        vec![(case::Column::ClosedAt, Expr::value(now))],
        now,
    )
    .await?
    {
        return Err(ActionError::Refused("case-not-awaiting"));
    }
    timeline::record(db, Subject::Case(case_id), event, now).await?;
    Ok(())
}

/// Closes an answered case (nothing more will follow), by an official of its body.
///
/// # Errors
/// `Forbidden`, `NotFound`; `Refused` when the case is not answered.
pub async fn close(
    db: &impl ConnectionTrait,
    official: i32,
    case_id: i32,
    note: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let (case, role) = as_official(db, official, case_id, today).await?;
    let from = state_of(&case)?;
    if !from.may_become(CaseState::Closed)
        || !transition(
            db,
            case_id,
            from,
            CaseState::Closed,
            vec![(case::Column::ClosedAt, Expr::value(now))],
            now,
        )
        .await?
    {
        return Err(ActionError::Refused("case-not-answered"));
    }
    let mut event = Event::new(EventKind::Closed, role, Some(official));
    let note = note.trim();
    if !note.is_empty() {
        event = event.note(note);
    }
    timeline::record(db, Subject::Case(case_id), event, now).await?;
    Ok(())
}

/// A text a person wrote for a case: trimmed, not empty, at most `max` characters.
///
/// # Errors
/// `Invalid` on `field` with `empty` or `long`.
pub fn checked_text(
    text: &str,
    field: &'static str,
    max: usize,
    empty: &'static str,
    long: &'static str,
) -> Result<String, ActionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ActionError::Invalid { field, key: empty });
    }
    if text.chars().count() > max {
        return Err(ActionError::Invalid { field, key: long });
    }
    Ok(text.to_owned())
}
