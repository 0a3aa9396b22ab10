//! Forwarding: a body that is not competent hands the case to another body with a public
//! reason. The case there is a new one (numbered by that body, its clock started again on the
//! day of the hand-over); the old one ends `forwarded`, and both timelines show the hand-over.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::super::ActionError;
use super::super::timeline::{self, Event, Subject};
use super::{Opening, as_official, checked_text, kind_of, open, state_of, transition};
use crate::model::{CaseState, EventKind};
use crate::server::entities::{body, case};

/// The longest reason for a hand-over.
pub const MAX_REASON: usize = 2_000;

/// An official forwards a case of their body to the body `to` (a slug). Returns the new case.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty reason, an unknown body or the same body; `Refused`
/// when the case awaits no answer (answered, forwarded or closed meanwhile).
pub async fn forward(
    db: &impl ConnectionTrait,
    official: i32,
    case_id: i32,
    to: &str,
    reason: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<case::Model, ActionError> {
    let (case, role) = as_official(db, official, case_id, today).await?;
    let reason = checked_text(
        reason,
        "reason",
        MAX_REASON,
        "forward-reason-empty",
        "forward-reason-long",
    )?;
    let target = body::Entity::find()
        .filter(body::Column::Slug.eq(to.trim()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .ok_or(ActionError::Invalid {
            field: "to",
            key: "forward-body-unknown",
        })?;
    if target.id == case.body_id {
        return Err(ActionError::Invalid {
            field: "to",
            key: "forward-same-body",
        });
    }
    if state_of(&case)? != CaseState::AwaitingAnswer
        || !transition(
            db,
            case_id,
            CaseState::AwaitingAnswer,
            CaseState::Forwarded,
            vec![(case::Column::ClosedAt, Expr::value(now))],
            now,
        )
        .await?
    {
        return Err(ActionError::Refused("case-not-awaiting"));
    }
    super::origin::forwarded(db, &case).await?;
    timeline::record(
        db,
        Subject::Case(case_id),
        Event::new(EventKind::Forwarded, role, Some(official))
            .body(target.id)
            .note(reason.clone()),
        now,
    )
    .await?;
    let new = open(
        db,
        Opening {
            kind: kind_of(&case)?,
            origin_id: case.origin_id,
            body_id: target.id,
            forwarded_from: Some(case_id),
            on: today,
            term_days: case.term_days,
        },
        Some(
            Event::new(EventKind::ReceivedByForwarding, role, Some(official))
                .body(case.body_id)
                .note(reason),
        ),
        now,
    )
    .await?;
    Ok(new)
}
