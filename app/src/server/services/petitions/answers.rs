//! A registered petition's answer phase, on the case core (`services::cases`): the petition
//! officials' inbox, publishing the answer (the petition becomes `answered`; the author and the
//! signers who asked are mailed), and citizens' 1–5 ratings of it. The clock, the answer, the
//! ratings and the timeline events live on the petition's case.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr,
};

use super::{PetitionError, counting::transition};
use crate::model::{
    ActorRole, AnswerDecision, CaseKind, CaseState, Clock, PetitionStatus, PetitionSummary,
};
use crate::server::entities::{case, petition};
use crate::server::services::cases::{self, answering, clock, mailing, views};
use crate::server::services::{ServiceError, accounts::PublicUrl, day_of};

/// Petitions awaiting an answer from any of `bodies`, the most overdue first.
///
/// # Errors
/// A database failure.
pub async fn inbox(
    db: &impl ConnectionTrait,
    bodies: &[i32],
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let filter = views::InboxFilter {
        kind: Some(CaseKind::Petition),
        state: Some(CaseState::AwaitingAnswer),
    };
    let waiting = case::Entity::find()
        .filter(case::Column::BodyId.is_in(bodies.iter().copied()))
        .filter(case::Column::Kind.eq(CaseKind::Petition.as_str()))
        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for summary in views::inbox(db, bodies, filter, today).await? {
        let Some(c) = waiting.iter().find(|c| c.id == summary.id) else {
            continue;
        };
        let Some(p) = petition::Entity::find_by_id(c.origin_id).one(db).await? else {
            continue;
        };
        let counts = super::counting::counts(db, p.id).await?;
        out.push(PetitionSummary {
            id: p.id,
            title: p.title.clone(),
            status: PetitionStatus::UnderConsideration,
            body: summary.body.clone(),
            count: counts.email_verified,
            threshold: p.threshold.and_then(|t| u64::try_from(t).ok()),
            clock: Some(Clock {
                name: "answer".into(),
                due: summary.due_on,
                state: summary.clock.clone(),
            }),
            claimed_by: None,
            submitted_at: p.submitted_at,
            recent: 0,
        });
    }
    Ok(out)
}

/// Publishes the body's answer to a petition under consideration, through its case. The mail
/// to the author and every signer who asked is queued afterwards by [`queue_answer_mail`].
/// The caller has checked that `official` answers for the case's body.
///
/// # Errors
/// `Invalid` for an empty or over-long text; `Refused` when the petition awaits no answer.
pub async fn publish(
    db: &impl ConnectionTrait,
    official: i32,
    petition_id: i32,
    decision: AnswerDecision,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let text = cases::checked_text(
        text,
        "text",
        answering::MAX_ANSWER,
        "answer-text-empty",
        "answer-text-long",
    )?;
    let case = cases::of_origin(db, CaseKind::Petition, petition_id)
        .await?
        .ok_or(PetitionError::Refused("answer-not-awaited"))?;
    answering::answer_case(
        db,
        (official, ActorRole::Official),
        &case,
        decision,
        &text,
        now,
        day_of(now),
    )
    .await
}

/// The petition's side of its case being answered: `under_consideration` → `answered`, with
/// the answer's columns the petitions table requires of an answered petition (the case holds
/// the answer; a "not competent" decision, which that table's check predates, is recorded
/// there as declined).
///
/// # Errors
/// `Refused` when the petition is not under consideration; a database failure.
pub async fn mark_answered(
    db: &impl ConnectionTrait,
    petition_id: i32,
    decision: AnswerDecision,
    text: &str,
    official: i32,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let stored = match decision {
        AnswerDecision::NotCompetent => AnswerDecision::Declined,
        other => other,
    };
    let moved = transition(
        db,
        petition_id,
        PetitionStatus::UnderConsideration,
        PetitionStatus::Answered,
        vec![
            (petition::Column::AnsweredAt, Expr::value(now)),
            (
                petition::Column::AnswerDecision,
                Expr::value(stored.as_str()),
            ),
            (petition::Column::AnswerText, Expr::value(text)),
            (petition::Column::AnsweredById, Expr::value(official)),
        ],
    )
    .await?;
    if moved {
        Ok(())
    } else {
        Err(PetitionError::Refused("answer-not-awaited"))
    }
}

/// Queues the mail of a petition's answer (and any other news of its case still unmailed), a
/// chunk of recipients per transaction. Returns the mails queued.
///
/// # Errors
/// A database failure (the chunks before it stay queued; the sweep resumes the rest).
pub async fn queue_answer_mail(
    db: &DatabaseConnection,
    petition_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let mut queued = 0;
    for c in cases::all_of_origin(db, CaseKind::Petition, petition_id).await? {
        queued += mailing::send_case(db, c.id, public_url, now).await?;
    }
    Ok(queued)
}

/// Queues whatever case news is left unmailed (after a crash between a change and its mail).
///
/// # Errors
/// A database failure.
pub async fn queue_pending_answer_mail(
    db: &DatabaseConnection,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    mailing::send_pending(db, public_url, now).await
}

/// Rates an answered petition's answer 1–5; rating again replaces one's rating.
///
/// # Errors
/// `Invalid` for a rating outside 1–5; `Refused` when there is no answer yet or the account
/// is not verified.
pub async fn rate(
    db: &impl ConnectionTrait,
    user_id: i32,
    petition_id: i32,
    rating: i32,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let p = super::find(db, petition_id).await?;
    if p.status != PetitionStatus::Answered.as_str() {
        if !(1..=5).contains(&rating) {
            return Err(PetitionError::Invalid {
                field: "rating",
                key: "rating-invalid",
            });
        }
        return Err(PetitionError::Refused("rating-no-answer"));
    }
    let case = answered_case(db, petition_id)
        .await?
        .ok_or(PetitionError::Refused("rating-no-answer"))?;
    answering::rate(db, user_id, case.id, rating, now).await
}

/// The case that answered a petition, if one did.
///
/// # Errors
/// A database failure.
pub async fn answered_case(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<Option<case::Model>, ServiceError> {
    Ok(cases::all_of_origin(db, CaseKind::Petition, petition_id)
        .await?
        .into_iter()
        .rev()
        .find(|c| c.answered_at.is_some()))
}

/// Where a petition's answer clock stands: its live case's due day and state.
///
/// # Errors
/// A database failure.
pub async fn answer_clock(
    db: &impl ConnectionTrait,
    petition_id: i32,
    today: NaiveDate,
) -> Result<Option<Clock>, ServiceError> {
    let Some(c) = cases::of_origin(db, CaseKind::Petition, petition_id).await? else {
        return Ok(None);
    };
    if c.state != CaseState::AwaitingAnswer.as_str() {
        return Ok(None);
    }
    let paused = clock::is_paused(&clock::pauses(db, c.id).await?);
    Ok(Some(Clock {
        name: "answer".into(),
        due: c.due_on,
        state: clock::clock_name(&c, paused, today),
    }))
}
