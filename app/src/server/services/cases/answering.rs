//! What a body does with a case, and what follows: the answer (on time or late), requests for
//! clarification and their replies (the clock stands still meanwhile), follow-up answers,
//! implementation updates, and citizens' 1–5 ratings of the answer.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, OnConflict},
};

use super::super::timeline::{self, Event, Subject};
use super::super::{ActionError, ServiceError};
use super::{
    as_official, checked_text, clock, find, kind_of, mailing, origin, state_of, transition,
};
use crate::model::{ActorRole, AnswerDecision, CaseState, EventKind, Progress};
use crate::server::entities::{case, case_pause, case_rating, case_update, user};

/// The longest answer, follow-up or update.
pub const MAX_ANSWER: usize = 20_000;
/// The longest question or reply.
pub const MAX_CLARIFICATION: usize = 4_000;

/// An official answers a case of their body. It counts as late when given after the due day
/// (pauses included). The origin follows (a petition becomes `answered`) and the news is
/// queued for mailing in the same transaction.
///
/// # Errors
/// `Forbidden` for anyone but an official of the case's body today; `Invalid` for an empty or
/// over-long text; `Refused` when the case awaits no answer (another official answered first).
pub async fn answer(
    db: &impl ConnectionTrait,
    official: i32,
    case_id: i32,
    decision: AnswerDecision,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<case::Model, ActionError> {
    let text = checked_text(
        text,
        "text",
        MAX_ANSWER,
        "answer-text-empty",
        "answer-text-long",
    )?;
    let (case, role) = as_official(db, official, case_id, today).await?;
    answer_case(db, (official, role), &case, decision, &text, now, today).await?;
    find(db, case_id).await
}

/// The answer itself, once the official and the text are checked.
pub(crate) async fn answer_case(
    db: &impl ConnectionTrait,
    (official, role): (i32, ActorRole),
    case: &case::Model,
    decision: AnswerDecision,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    if state_of(case)? != CaseState::AwaitingAnswer {
        return Err(ActionError::Refused("answer-not-awaited"));
    }
    let level = clock::level_of(db, case.body_id).await?;
    let clocks = clock::CaseClocks::load(db).await?;
    let clock = clock::refresh(db, &clocks, case, &level, today).await?;
    let due = clock.due;
    let days = clocks.answer_days(case.registered_on, today, &clock.pauses);
    let to = if today > due {
        CaseState::AnsweredLate
    } else {
        CaseState::Answered
    };
    let moved = transition(
        db,
        case.id,
        CaseState::AwaitingAnswer,
        to,
        vec![
            (case::Column::Decision, Expr::value(decision.as_str())),
            (case::Column::AnswerText, Expr::value(text)),
            (case::Column::AnsweredAt, Expr::value(now)),
            (case::Column::AnsweredOn, Expr::value(today)),
            (case::Column::AnsweredById, Expr::value(official)),
            (case::Column::AnswerDays, Expr::value(days)),
        ],
        now,
    )
    .await?;
    if !moved {
        return Err(ActionError::Refused("answer-not-awaited"));
    }
    // A question still open stays on the record, unanswered: the body answered without it.
    origin::answered(db, case, decision, text, official, now).await?;
    timeline::record(
        db,
        Subject::Case(case.id),
        Event::new(EventKind::Answered, role, Some(official)),
        now,
    )
    .await?;
    mailing::queue(db, case.id, mailing::News::Answered, now).await?;
    Ok(())
}

/// An official asks the author for clarification: the clock stands still from the next day
/// until the reply. One question at a time.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty or over-long question; `Refused` when the case awaits
/// no answer or a question is already open.
pub async fn ask_clarification(
    db: &impl ConnectionTrait,
    official: i32,
    case_id: i32,
    question: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let question = checked_text(
        question,
        "question",
        MAX_CLARIFICATION,
        "clarification-empty",
        "clarification-long",
    )?;
    let (case, role) = as_official(db, official, case_id, today).await?;
    if state_of(&case)? != CaseState::AwaitingAnswer {
        return Err(ActionError::Refused("case-not-awaiting"));
    }
    if clock::is_paused(&clock::pauses(db, case_id).await?) {
        return Err(ActionError::Refused("clarification-open"));
    }
    // The partial unique index (one open question per case) settles a race.
    let inserted = case_pause::Entity::insert(case_pause::ActiveModel {
        case_id: Set(case_id),
        asked_at: Set(now),
        asked_on: Set(today),
        asked_by_id: Set(official),
        question: Set(question.clone()),
        ..Default::default()
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await?;
    if matches!(inserted, sea_orm::TryInsertResult::Conflicted) {
        return Err(ActionError::Refused("clarification-open"));
    }
    timeline::record(
        db,
        Subject::Case(case_id),
        Event::new(EventKind::ClarificationAsked, role, Some(official)).note(question),
        now,
    )
    .await?;
    mailing::queue(db, case_id, mailing::News::Clarification, now).await?;
    Ok(())
}

/// The author replies to the open question: the clock runs again, its due day moved on by the
/// days it stood still.
///
/// # Errors
/// `Forbidden` for anyone but the origin's author; `Invalid` for an empty or over-long reply;
/// `Refused` when no question is open.
pub async fn give_clarification(
    db: &impl ConnectionTrait,
    author: i32,
    case_id: i32,
    reply: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let reply = checked_text(
        reply,
        "reply",
        MAX_CLARIFICATION,
        "clarification-empty",
        "clarification-long",
    )?;
    let case = find(db, case_id).await?;
    let kind = kind_of(&case)?;
    if origin::author(db, kind, case.origin_id).await? != Some(author) {
        return Err(ActionError::Forbidden);
    }
    if state_of(&case)? != CaseState::AwaitingAnswer {
        return Err(ActionError::Refused("clarification-none-open"));
    }
    let replied = case_pause::Entity::update_many()
        .col_expr(case_pause::Column::AnsweredAt, Expr::value(now))
        .col_expr(case_pause::Column::AnsweredOn, Expr::value(today))
        .col_expr(case_pause::Column::AnsweredById, Expr::value(author))
        .col_expr(case_pause::Column::Reply, Expr::value(reply.clone()))
        .filter(case_pause::Column::CaseId.eq(case_id))
        .filter(case_pause::Column::AnsweredAt.is_null())
        .exec(db)
        .await?
        .rows_affected;
    if replied != 1 {
        return Err(ActionError::Refused("clarification-none-open"));
    }
    let level = clock::level_of(db, case.body_id).await?;
    clock::refresh(
        db,
        &clock::CaseClocks::load(db).await?,
        &case,
        &level,
        today,
    )
    .await?;
    timeline::record(
        db,
        Subject::Case(case_id),
        Event::new(
            EventKind::ClarificationGiven,
            ActorRole::Author,
            Some(author),
        )
        .note(reply),
        now,
    )
    .await?;
    Ok(())
}

/// What an official posts after the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Followup {
    /// A further answer.
    Answer,
    /// How far the body has come, as of a date.
    Implementation(Progress, NaiveDate),
}

/// An official posts a follow-up answer or an implementation update to an answered case; the
/// author and the followers who asked are mailed.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty or over-long text; `Refused` before the answer.
pub async fn follow_up(
    db: &impl ConnectionTrait,
    official: i32,
    case_id: i32,
    what: Followup,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let text = checked_text(
        text,
        "text",
        MAX_ANSWER,
        "answer-text-empty",
        "answer-text-long",
    )?;
    let (case, role) = as_official(db, official, case_id, today).await?;
    if !state_of(&case)?.is_answered() {
        return Err(ActionError::Refused("case-not-answered"));
    }
    let (kind, progress, on_date, event) = match what {
        Followup::Answer => ("follow_up", None, None, EventKind::FollowUp),
        Followup::Implementation(progress, on) => (
            "implementation",
            Some(progress.as_str().to_owned()),
            Some(on),
            EventKind::ImplementationUpdate,
        ),
    };
    case_update::ActiveModel {
        case_id: Set(case_id),
        kind: Set(kind.into()),
        progress: Set(progress.clone()),
        on_date: Set(on_date),
        text: Set(text),
        at: Set(now),
        author_id: Set(official),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut event = Event::new(event, role, Some(official));
    if let Some(p) = progress {
        event = event.note(p);
    }
    timeline::record(db, Subject::Case(case_id), event, now).await?;
    mailing::queue(db, case_id, mailing::News::Updated, now).await?;
    Ok(())
}

/// Rates a case's answer 1–5; rating again replaces one's rating.
///
/// # Errors
/// `Invalid` outside 1–5; `Refused` before the answer or for an unverified account.
pub async fn rate(
    db: &impl ConnectionTrait,
    user_id: i32,
    case_id: i32,
    rating: i32,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let rating = i16::try_from(rating)
        .ok()
        .filter(|r| (1..=5).contains(r))
        .ok_or(ActionError::Invalid {
            field: "rating",
            key: "rating-invalid",
        })?;
    let case = find(db, case_id).await?;
    if !state_of(&case)?.is_answered() {
        return Err(ActionError::Refused("rating-no-answer"));
    }
    let rater = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(ActionError::Forbidden)?;
    if rater.email_verified_at.is_none() {
        return Err(ActionError::Refused("sign-verify-first"));
    }
    case_rating::Entity::insert(case_rating::ActiveModel {
        case_id: Set(case_id),
        user_id: Set(user_id),
        rating: Set(rating),
        rated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([case_rating::Column::CaseId, case_rating::Column::UserId])
            .update_columns([case_rating::Column::Rating, case_rating::Column::RatedAt])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The average rating of a case's answer and how many rated it.
///
/// # Errors
/// A database failure.
pub async fn rating(
    db: &impl ConnectionTrait,
    case_id: i32,
) -> Result<(Option<f64>, u64), ServiceError> {
    let ratings = case_rating::Entity::find()
        .filter(case_rating::Column::CaseId.eq(case_id))
        .all(db)
        .await?;
    if ratings.is_empty() {
        return Ok((None, 0));
    }
    let sum: i64 = ratings.iter().map(|r| i64::from(r.rating)).sum();
    let n = ratings.len();
    #[allow(clippy::cast_precision_loss)]
    let average = sum as f64 / n as f64;
    Ok((Some(average), n as u64))
}

/// The viewer's own rating of a case's answer.
///
/// # Errors
/// A database failure.
pub async fn my_rating(
    db: &impl ConnectionTrait,
    case_id: i32,
    user_id: i32,
) -> Result<Option<u8>, ServiceError> {
    Ok(case_rating::Entity::find()
        .filter(case_rating::Column::CaseId.eq(case_id))
        .filter(case_rating::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .and_then(|r| u8::try_from(r.rating).ok()))
}
