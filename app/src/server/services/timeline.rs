//! The one public timeline of every subject: a petition's filing, moderation and signatures,
//! a case's registration, clock, answer and what followed, and next the inquiries,
//! recommendations and proposals. Events are keyed by the subject's kind and id; a page shows
//! the events of several subjects together (a petition with its cases).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    sea_query::Condition,
};

use super::ServiceError;
use crate::model::{ActorRole, EventKind, Names, TimelineEntry};
use crate::server::entities::{body, rejection_reason, timeline_event};

/// Whose timeline an event is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A petition (filing, moderation, signatures).
    Petition(i32),
    /// A case (registration, the body's clock and answer).
    Case(i32),
    /// A citizen's proposal to a public council (the secretary's desk).
    Proposal(i32),
    /// A deputy's inquiry (what the deputy did after the answer).
    Inquiry(i32),
}

impl Subject {
    fn parts(self) -> (&'static str, i32) {
        match self {
            Subject::Petition(id) => ("petition", id),
            Subject::Case(id) => ("case", id),
            Subject::Proposal(id) => ("proposal", id),
            Subject::Inquiry(id) => ("inquiry", id),
        }
    }
}

/// An entry for a public timeline.
#[derive(Clone, Debug)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// In what role.
    pub role: ActorRole,
    /// Who acted (kept for the record; the timeline shows the role).
    pub actor: Option<i32>,
    /// The catalogue reason.
    pub reason: Option<i32>,
    /// The other body of a hand-over.
    pub body: Option<i32>,
    /// A note.
    pub note: Option<String>,
}

impl Event {
    /// An event by `actor` in `role`.
    pub fn new(kind: EventKind, role: ActorRole, actor: Option<i32>) -> Event {
        Event {
            kind,
            role,
            actor,
            reason: None,
            body: None,
            note: None,
        }
    }

    /// An event of the platform itself (deadlines, counts).
    pub fn system(kind: EventKind) -> Event {
        Event::new(kind, ActorRole::System, None)
    }

    /// With a note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Event {
        self.note = Some(note.into());
        self
    }

    /// With a catalogue reason.
    #[must_use]
    pub fn reason(mut self, reason: i32) -> Event {
        self.reason = Some(reason);
        self
    }

    /// Naming the other body of a hand-over.
    #[must_use]
    pub fn body(mut self, body: i32) -> Event {
        self.body = Some(body);
        self
    }
}

/// Writes an entry on a subject's public timeline.
///
/// # Errors
/// A database failure.
pub async fn record(
    db: &impl ConnectionTrait,
    subject: Subject,
    event: Event,
    at: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let (kind, id) = subject.parts();
    timeline_event::ActiveModel {
        subject_kind: Set(kind.into()),
        subject_id: Set(id),
        at: Set(at),
        kind: Set(event.kind.as_str().into()),
        actor_role: Set(event.role.as_str().into()),
        actor_id: Set(event.actor),
        reason_id: Set(event.reason),
        body_id: Set(event.body),
        note: Set(event.note),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The raw events of the given subjects, in the order they happened.
///
/// # Errors
/// A database failure.
pub async fn events(
    db: &impl ConnectionTrait,
    subjects: &[Subject],
) -> Result<Vec<timeline_event::Model>, ServiceError> {
    if subjects.is_empty() {
        return Ok(Vec::new());
    }
    let mut any = Condition::any();
    for subject in subjects {
        let (kind, id) = subject.parts();
        any = any.add(
            Condition::all()
                .add(timeline_event::Column::SubjectKind.eq(kind))
                .add(timeline_event::Column::SubjectId.eq(id)),
        );
    }
    Ok(timeline_event::Entity::find()
        .filter(any)
        .order_by_asc(timeline_event::Column::Id)
        .all(db)
        .await?)
}

/// The public timeline of the given subjects together, oldest first.
///
/// # Errors
/// A database failure.
pub async fn entries(
    db: &impl ConnectionTrait,
    subjects: &[Subject],
) -> Result<Vec<TimelineEntry>, ServiceError> {
    let rows = events(db, subjects).await?;
    let mut out = Vec::with_capacity(rows.len());
    for e in rows {
        let (Some(kind), Some(role)) = (EventKind::parse(&e.kind), ActorRole::parse(&e.actor_role))
        else {
            continue;
        };
        let reason = match e.reason_id {
            Some(id) => rejection_reason::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|r| Names {
                    kk: r.name_kk,
                    ru: r.name_ru,
                    en: r.name_en,
                }),
            None => None,
        };
        let other = match e.body_id {
            Some(id) => body::Entity::find_by_id(id).one(db).await?.map(|b| Names {
                kk: b.name_kk,
                ru: b.name_ru,
                en: b.name_en,
            }),
            None => None,
        };
        out.push(TimelineEntry {
            at: e.at,
            kind,
            role,
            reason,
            body: other,
            note: e.note,
        });
    }
    Ok(out)
}
