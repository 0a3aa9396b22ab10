//! Citizens' proposals to a council and the secretary's desk. A proposal is public at once
//! and opens a case of kind `proposal` addressed to the council (its clock is the council's
//! deadline to respond). Others support it (one per person: a count, not a signature). From
//! the desk the secretary puts it on an agenda (`meetings::add_item`), merges a duplicate,
//! hides it with a public reason, declines it with a reason from the catalogue, or — on its
//! case's page, as any addressee does — asks for clarification or forwards it to the body.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use super::super::timeline::{self, Event, Subject};
use super::super::{ActionError, ServiceError, cases};
use super::{by_id, by_slug, require_secretary};
use crate::model::{ActorRole, CaseKind, DeskState, EventKind, ReasonScope};
use crate::server::entities::{
    proposal, proposal_decline, proposal_support, rejection_reason, territory,
};

/// The longest title.
pub const MAX_TITLE: usize = 200;
/// The longest text.
pub const MAX_TEXT: usize = 10_000;
/// The longest reason for hiding a proposal.
pub const MAX_REASON: usize = 2_000;

/// A proposal as its author types it.
#[derive(Clone, Debug, Default)]
pub struct ProposalForm {
    /// Title.
    pub title: String,
    /// Text.
    pub text: String,
    /// Topic key.
    pub topic: String,
    /// The KATO code of the territory it concerns, or empty.
    pub territory_kato: String,
}

/// A proposal by id.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<proposal::Model, ActionError> {
    proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)
}

/// The stored desk state.
///
/// # Errors
/// `Corrupt` for an unknown state.
pub fn desk_state(p: &proposal::Model) -> Result<DeskState, ServiceError> {
    DeskState::parse(&p.desk_state)
        .ok_or_else(|| ServiceError::Corrupt(format!("desk state {}", p.desk_state)))
}

/// A signed-in citizen sends a proposal to the council `council_slug`. Returns the proposal
/// and its case.
///
/// # Errors
/// `NotFound` for an unknown council; `Invalid` for an empty or too long title or text, an
/// unknown topic or territory; `Refused` for a second copy of the author's proposal within a
/// minute.
pub async fn send(
    db: &impl ConnectionTrait,
    author: i32,
    council_slug: &str,
    form: &ProposalForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(i32, i32), ActionError> {
    let council = by_slug(db, council_slug).await?;
    let title = cases::checked_text(
        &form.title,
        "title",
        MAX_TITLE,
        "proposal-title-empty",
        "proposal-title-long",
    )?;
    let text = cases::checked_text(
        &form.text,
        "text",
        MAX_TEXT,
        "proposal-text-empty",
        "proposal-text-long",
    )?;
    let topic = super::super::topics::chosen(db, &form.topic).await?;
    let kato = form.territory_kato.trim();
    let territory_id = if kato.is_empty() {
        None
    } else {
        Some(
            territory::Entity::find()
                .filter(territory::Column::Kato.eq(kato))
                .one(db)
                .await?
                .ok_or(ActionError::Invalid {
                    field: "territory_kato",
                    key: "petition-territory-unknown",
                })?
                .id,
        )
    };
    // A double click or a resent form: the same proposal again within a minute is refused.
    let again = proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(author))
        .filter(proposal::Column::CouncilId.eq(council.id))
        .filter(proposal::Column::Title.eq(title.clone()))
        .filter(proposal::Column::CreatedAt.gt(now - Duration::minutes(1)))
        .one(db)
        .await?;
    if again.is_some() {
        return Err(ActionError::Refused("proposal-duplicate"));
    }
    let row = proposal::ActiveModel {
        council_id: Set(council.id),
        author_id: Set(author),
        title: Set(title),
        text: Set(text),
        territory_id: Set(territory_id),
        topic: Set(topic.as_str().into()),
        supporters: Set(0),
        desk_state: Set(DeskState::New.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::server::services::search::index_proposal(db, &row).await?;
    let case = cases::open(
        db,
        cases::Opening {
            kind: CaseKind::Proposal,
            origin_id: row.id,
            body_id: council.id,
            forwarded_from: None,
            on: today,
            term_days: None,
        },
        Some(Event::new(
            EventKind::Registered,
            ActorRole::Author,
            Some(author),
        )),
        now,
    )
    .await?;
    Ok((row.id, case.id))
}

/// A signed-in citizen supports a public proposal (once; a second time changes nothing).
/// Returns whether this support is new.
///
/// # Errors
/// `NotFound` for an unknown or hidden proposal; a database failure.
pub async fn support(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, ActionError> {
    let p = find(db, id).await?;
    if p.hidden_at.is_some() {
        return Err(ActionError::NotFound);
    }
    let inserted = proposal_support::Entity::insert(proposal_support::ActiveModel {
        proposal_id: Set(id),
        user_id: Set(user),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            proposal_support::Column::ProposalId,
            proposal_support::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    if inserted == 0 {
        return Ok(false);
    }
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::Supporters,
            Expr::col(proposal::Column::Supporters).add(1),
        )
        .filter(proposal::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(true)
}

/// Whether `user` supports proposal `id`.
///
/// # Errors
/// A database failure.
pub async fn supports(db: &impl ConnectionTrait, user: i32, id: i32) -> Result<bool, ServiceError> {
    Ok(proposal_support::Entity::find_by_id((id, user))
        .one(db)
        .await?
        .is_some())
}

/// The secretary hides a proposal from the public with a public reason.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty or too long reason; `Refused` when already hidden.
pub async fn hide(
    db: &impl ConnectionTrait,
    secretary: i32,
    id: i32,
    reason: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let p = find(db, id).await?;
    require_secretary(db, secretary, p.council_id, today).await?;
    let reason = cases::checked_text(
        reason,
        "reason",
        MAX_REASON,
        "hide-reason-empty",
        "hide-reason-long",
    )?;
    let changed = proposal::Entity::update_many()
        .col_expr(proposal::Column::HiddenReason, Expr::value(reason.clone()))
        .col_expr(proposal::Column::HiddenAt, Expr::value(now))
        .filter(proposal::Column::Id.eq(id))
        .filter(proposal::Column::HiddenAt.is_null())
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(ActionError::Refused("proposal-already-hidden"));
    }
    timeline::record(
        db,
        Subject::Proposal(id),
        Event::new(
            EventKind::Hidden,
            ActorRole::CouncilSecretary,
            Some(secretary),
        )
        .note(reason),
        now,
    )
    .await?;
    Ok(())
}

/// The secretary merges proposal `id` into `into` as its duplicate: both stay visible and
/// linked, the duplicate's case is withdrawn (the other one's answer answers both).
///
/// # Errors
/// `Forbidden`; `Invalid` for the same proposal, one of another council, or a merge that
/// would make a cycle; `Refused` when `id` is no longer new on the desk.
pub async fn merge(
    db: &impl ConnectionTrait,
    secretary: i32,
    id: i32,
    into: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let p = find(db, id).await?;
    require_secretary(db, secretary, p.council_id, today).await?;
    let invalid = |key| ActionError::Invalid { field: "into", key };
    if into == id {
        return Err(invalid("merge-self"));
    }
    let target = proposal::Entity::find_by_id(into)
        .filter(proposal::Column::CouncilId.eq(p.council_id))
        .one(db)
        .await?
        .ok_or(invalid("merge-target-unknown"))?;
    // Following the target's chain must never come back to `id`.
    let mut next = target.merged_into_id;
    let mut steps = 0;
    while let Some(step) = next {
        if step == id || steps > 1_000 {
            return Err(invalid("merge-cycle"));
        }
        steps += 1;
        next = proposal::Entity::find_by_id(step)
            .one(db)
            .await?
            .and_then(|q| q.merged_into_id);
    }
    let changed = proposal::Entity::update_many()
        .col_expr(
            proposal::Column::DeskState,
            Expr::value(DeskState::Merged.as_str()),
        )
        .col_expr(proposal::Column::MergedIntoId, Expr::value(into))
        .filter(proposal::Column::Id.eq(id))
        .filter(proposal::Column::DeskState.eq(DeskState::New.as_str()))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(ActionError::Refused("desk-item-handled"));
    }
    let note = format!("#{into} {}", target.title);
    timeline::record(
        db,
        Subject::Proposal(id),
        Event::new(
            EventKind::Merged,
            ActorRole::CouncilSecretary,
            Some(secretary),
        )
        .note(note.clone()),
        now,
    )
    .await?;
    if let Some(case) = cases::of_origin(db, CaseKind::Proposal, id).await? {
        cases::withdraw(
            db,
            case.id,
            Event::new(
                EventKind::Merged,
                ActorRole::CouncilSecretary,
                Some(secretary),
            )
            .note(note),
            now,
        )
        .await?;
    }
    Ok(())
}

/// The secretary declines a proposal with a reason from the catalogue (its `proposal` scope)
/// and an explanation to its author: the proposal's case at the council is answered
/// "declined" with the explanation, and the reason is kept beside the proposal.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown, retired or petition-only reason and for an empty or
/// over-long explanation; `Refused` when the proposal's case no longer awaits the council's
/// answer (answered, merged, forwarded).
pub async fn decline(
    db: &impl ConnectionTrait,
    secretary: i32,
    id: i32,
    reason_id: Option<i32>,
    explanation: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let p = find(db, id).await?;
    require_secretary(db, secretary, p.council_id, today).await?;
    let reason = match reason_id {
        Some(reason_id) => rejection_reason::Entity::find_by_id(reason_id)
            .one(db)
            .await?
            .filter(|r| r.active && r.scope == ReasonScope::Proposal.as_str()),
        None => None,
    }
    .ok_or(ActionError::Invalid {
        field: "reason",
        key: "decline-reason-unknown",
    })?;
    let text = cases::checked_text(
        explanation,
        "text",
        cases::answering::MAX_ANSWER,
        "answer-text-empty",
        "answer-text-long",
    )?;
    let case = cases::of_origin(db, CaseKind::Proposal, id)
        .await?
        .filter(|c| {
            c.body_id == p.council_id
                && cases::state_of(c).ok() == Some(crate::model::CaseState::AwaitingAnswer)
        })
        .ok_or(ActionError::Refused("desk-item-handled"))?;
    cases::answering::answer_case(
        db,
        (secretary, ActorRole::CouncilSecretary),
        &case,
        crate::model::AnswerDecision::Declined,
        &text,
        now,
        today,
    )
    .await?;
    proposal_decline::ActiveModel {
        proposal_id: Set(id),
        reason_id: Set(reason.id),
        declined_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// What the proposal does when its case is answered: declined on the desk, or decided.
///
/// # Errors
/// A database failure.
pub async fn answered(
    db: &impl ConnectionTrait,
    id: i32,
    decision: crate::model::AnswerDecision,
) -> Result<(), ServiceError> {
    use crate::model::AnswerDecision;
    let state = match decision {
        AnswerDecision::Declined | AnswerDecision::NotCompetent => DeskState::Declined,
        _ => DeskState::Decided,
    };
    leave_desk(db, id, state).await
}

/// What the proposal does when its case is forwarded to the council's body.
///
/// # Errors
/// A database failure.
pub async fn forwarded(db: &impl ConnectionTrait, id: i32) -> Result<(), ServiceError> {
    leave_desk(db, id, DeskState::Forwarded).await
}

/// The proposals still on an ended council's desk (new or on an agenda) move to its
/// successor, back to `new` (the successor puts them on its own agenda), each with `event` on
/// its timeline. Returns how many moved.
///
/// # Errors
/// A database failure.
pub async fn hand_over(
    db: &impl ConnectionTrait,
    from: i32,
    to: i32,
    event: impl Fn() -> Event,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    use sea_orm::{QueryOrder, QuerySelect};
    let ids = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::Id)
        .filter(proposal::Column::CouncilId.eq(from))
        .filter(
            proposal::Column::DeskState
                .is_in([DeskState::New.as_str(), DeskState::OnAgenda.as_str()]),
        )
        .order_by_asc(proposal::Column::Id)
        .into_tuple::<i32>()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::CouncilId, Expr::value(to))
        .col_expr(
            proposal::Column::DeskState,
            Expr::value(DeskState::New.as_str()),
        )
        .filter(proposal::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    for id in &ids {
        timeline::record(db, Subject::Proposal(*id), event(), now).await?;
    }
    Ok(u64::try_from(ids.len()).unwrap_or(u64::MAX))
}

/// Moves a proposal that is still new or on an agenda to `state`; one already settled stays
/// as it is.
async fn leave_desk(
    db: &impl ConnectionTrait,
    id: i32,
    state: DeskState,
) -> Result<(), ServiceError> {
    proposal::Entity::update_many()
        .col_expr(proposal::Column::DeskState, Expr::value(state.as_str()))
        .filter(proposal::Column::Id.eq(id))
        .filter(
            proposal::Column::DeskState
                .is_in([DeskState::New.as_str(), DeskState::OnAgenda.as_str()]),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The council a proposal was sent to.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn council_of(
    db: &impl ConnectionTrait,
    p: &proposal::Model,
) -> Result<crate::server::entities::body::Model, ServiceError> {
    by_id(db, p.council_id).await
}
