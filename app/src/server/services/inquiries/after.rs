//! What a deputy does once the body has answered: marks the answer satisfactory or not,
//! follows it up with a new inquiry to the same body, refers it to another body (a new
//! inquiry and case there), records a site visit, a hearing at a session or a referral to the
//! prosecutor's office, and closes the inquiry with an outcome. Each is on the inquiry's public
//! timeline; each is the deputy's alone, while in office.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};

use super::super::timeline::{self, Event, Subject};
use super::super::{ActionError, cases};
use super::{MAX_TEXT, MAX_TITLE, as_deputy, register, state_of};
use crate::model::{
    ActorRole, Assessment, BodyKind, CaseKind, EventKind, InquiryLink, InquiryState, Outcome,
    StepKind,
};
use crate::server::entities::{body, inquiry, inquiry_step};

/// The longest closing note.
pub const MAX_NOTE: usize = 4_000;

/// The inquiry, if `user` is its deputy and it is sent and answered.
async fn answered(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    today: NaiveDate,
) -> Result<inquiry::Model, ActionError> {
    let found = as_deputy(db, user, id, today).await?;
    if state_of(&found)? != InquiryState::Sent {
        return Err(ActionError::Refused("inquiry-not-open"));
    }
    let case = cases::of_origin(db, CaseKind::Inquiry, id).await?;
    match case {
        Some(c) if cases::state_of(&c)?.is_answered() => Ok(found),
        _ => Err(ActionError::Refused("inquiry-not-answered")),
    }
}

fn event(kind: EventKind, deputy: i32) -> Event {
    Event::new(kind, ActorRole::Deputy, Some(deputy))
}

/// The deputy marks the answer satisfactory or not (once).
///
/// # Errors
/// `Forbidden`, `NotFound`; `Refused` before the answer, once closed or already assessed.
pub async fn assess(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    assessment: Assessment,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    answered(db, user, id, today).await?;
    let done = inquiry::Entity::update_many()
        .col_expr(
            inquiry::Column::Assessment,
            Expr::value(assessment.as_str()),
        )
        .col_expr(inquiry::Column::UpdatedAt, Expr::value(now))
        .filter(inquiry::Column::Id.eq(id))
        .filter(inquiry::Column::Assessment.is_null())
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Err(ActionError::Refused("inquiry-already-assessed"));
    }
    let kind = match assessment {
        Assessment::Satisfactory => EventKind::AnswerSatisfactory,
        Assessment::Unsatisfactory => EventKind::AnswerUnsatisfactory,
    };
    timeline::record(db, Subject::Inquiry(id), event(kind, user), now).await?;
    Ok(())
}

/// A step after the answer as the deputy records it.
#[derive(Clone, Debug)]
pub struct Step {
    /// What it was.
    pub kind: StepKind,
    /// When.
    pub on: NaiveDate,
    /// Findings or outcome.
    pub text: String,
}

/// A new inquiry continuing an answered one.
#[derive(Clone, Debug)]
pub struct Continuation {
    /// A follow-up or a referral.
    pub link: InquiryLink,
    /// The referral's body (its slug); ignored for a follow-up.
    pub to: String,
    /// Its subject.
    pub title: String,
    /// Its text.
    pub text: String,
}

/// The deputy records a site visit, a hearing at a session or a referral to the prosecutor's
/// office, with its date (not before the inquiry was sent, at most a year ahead) and what came
/// of it.
///
/// # Errors
/// `Forbidden`, `NotFound`; `Refused` before the answer or once closed; `Invalid` for an empty
/// or too long text or a date out of range.
pub async fn add_step(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    step: &Step,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let (kind, on) = (step.kind, step.on);
    let found = answered(db, user, id, today).await?;
    let text = cases::checked_text(
        &step.text,
        "text",
        MAX_TEXT,
        "inquiry-step-empty",
        "inquiry-step-long",
    )?;
    let earliest = found.sent_on.unwrap_or(today);
    if on < earliest || on > today + Duration::days(365) {
        return Err(ActionError::Invalid {
            field: "on",
            key: "inquiry-step-date",
        });
    }
    inquiry_step::ActiveModel {
        inquiry_id: Set(id),
        kind: Set(kind.as_str().into()),
        on_date: Set(on),
        text: Set(text.clone()),
        created_by_id: Set(user),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let kind = match kind {
        StepKind::SiteVisit => EventKind::SiteVisit,
        StepKind::Hearing => EventKind::Hearing,
        StepKind::Referral => EventKind::Referred,
    };
    let note = format!("{}: {text}", on.format("%Y-%m-%d"));
    timeline::record(db, Subject::Inquiry(id), event(kind, user).note(note), now).await?;
    Ok(())
}

/// The deputy continues an answered inquiry with a new one, sent at once: a follow-up to the
/// same body, or a referral to another body on the platform (any in force but a maslikhat or
/// a public council). Returns the new inquiry's id.
///
/// # Errors
/// `Forbidden`, `NotFound`; `Refused` before the answer or once closed; `Invalid` for an empty
/// or too long title or text, or a referral without a known body.
pub async fn continue_with(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    next: &Continuation,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ActionError> {
    let (link, to, title, text) = (
        next.link,
        next.to.as_str(),
        next.title.as_str(),
        next.text.as_str(),
    );
    let first = answered(db, user, id, today).await?;
    let title = cases::checked_text(
        title,
        "title",
        MAX_TITLE,
        "inquiry-title-empty",
        "inquiry-title-long",
    )?;
    let text = cases::checked_text(
        text,
        "text",
        MAX_TEXT,
        "inquiry-text-empty",
        "inquiry-text-long",
    )?;
    let addressee = match link {
        InquiryLink::FollowUp => first.body_id,
        InquiryLink::Referral => {
            let unknown = || ActionError::Invalid {
                field: "to",
                key: "inquiry-addressee-unknown",
            };
            let b = body::Entity::find()
                .filter(body::Column::Slug.eq(to.trim()))
                .filter(body::Column::ValidTo.is_null())
                .one(db)
                .await?
                .ok_or_else(unknown)?;
            if b.kind == BodyKind::Maslikhat.as_str()
                || b.kind == BodyKind::PublicCouncil.as_str()
                || b.id == first.body_id
            {
                return Err(unknown());
            }
            b.id
        }
    };
    let next = inquiry::ActiveModel {
        maslikhat_id: Set(first.maslikhat_id),
        deputy_id: Set(first.deputy_id),
        prepared_by_id: Set(user),
        sent_by_id: Set(Some(user)),
        body_id: Set(addressee),
        topic: Set(first.topic.clone()),
        territory_id: Set(first.territory_id),
        title: Set(title),
        text: Set(text),
        petition_id: Set(first.petition_id),
        follows_id: Set(Some(first.id)),
        link: Set(Some(link.as_str().into())),
        state: Set(InquiryState::Sent.as_str().into()),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(Some(now)),
        sent_on: Set(Some(today)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::server::services::search::index_inquiry(db, &next).await?;
    register(
        db,
        (next.id, first.maslikhat_id),
        addressee,
        user,
        now,
        today,
    )
    .await?;
    let mut parent_event = match link {
        InquiryLink::FollowUp => event(EventKind::FollowUpInquiry, user),
        InquiryLink::Referral => event(EventKind::Referred, user).body(addressee),
    };
    parent_event = parent_event.note(format!("#{}", next.id));
    timeline::record(db, Subject::Inquiry(id), parent_event, now).await?;
    Ok(next.id)
}

/// The deputy closes an answered inquiry with an outcome and a note.
///
/// # Errors
/// `Forbidden`, `NotFound`; `Refused` before the answer or once closed; `Invalid` for a note
/// over the limit.
pub async fn close(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    outcome: Outcome,
    note: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    answered(db, user, id, today).await?;
    let note = note.trim();
    if note.chars().count() > MAX_NOTE {
        return Err(ActionError::Invalid {
            field: "note",
            key: "inquiry-note-long",
        });
    }
    let note = (!note.is_empty()).then(|| note.to_owned());
    let moved = super::transition(
        db,
        id,
        (InquiryState::Sent, InquiryState::Closed),
        vec![
            (inquiry::Column::Outcome, Expr::value(outcome.as_str())),
            (inquiry::Column::OutcomeNote, Expr::value(note.clone())),
            (inquiry::Column::ClosedAt, Expr::value(now)),
        ],
        now,
    )
    .await?;
    if !moved {
        return Err(ActionError::Refused("inquiry-not-open"));
    }
    let kind = match outcome {
        Outcome::Resolved => EventKind::ClosedResolved,
        Outcome::Partly => EventKind::ClosedPartly,
        Outcome::NotResolved => EventKind::ClosedNotResolved,
    };
    let mut e = event(kind, user);
    if let Some(note) = note {
        e = e.note(note);
    }
    timeline::record(db, Subject::Inquiry(id), e, now).await?;
    Ok(())
}
