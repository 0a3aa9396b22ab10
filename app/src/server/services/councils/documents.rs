//! A meeting's documents: the materials for its agenda (until the meeting is closed) and the
//! signed minutes (from the meeting's day on, also after closing, since a signed copy often
//! comes later). The secretary attaches them; the same types, sizes and checks as a case's
//! documents, the bytes in the same store. A draft meeting's documents are the council's:
//! only its members and secretary can open them; once the agenda is published they are public.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use super::super::cases::documents::{DocumentStore, Upload, store_all};
use super::super::{ActionError, ServiceError};
use super::meetings;
use super::{is_member, require_secretary};
use crate::model::{DocumentView, MeetingState};
use crate::server::entities::meeting_document;

/// What a meeting's document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Material for the agenda.
    Material,
    /// The signed minutes.
    Minutes,
}

impl Kind {
    /// `material` or `minutes`.
    pub fn parse(text: &str) -> Option<Kind> {
        match text {
            "material" => Some(Kind::Material),
            "minutes" => Some(Kind::Minutes),
            _ => None,
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Material => "material",
            Kind::Minutes => "minutes",
        }
    }
}

/// The secretary attaches files to a meeting. Returns how many were attached.
///
/// # Errors
/// `NotFound`; `Forbidden` for anyone but the council's secretary; `Refused` for materials of a
/// closed meeting and for minutes of a draft meeting or before its day; `Invalid` for files
/// that fail the document checks, none at all, or more than 5 of a kind.
#[allow(clippy::too_many_arguments)]
pub async fn attach(
    db: &impl ConnectionTrait,
    store: &DocumentStore,
    secretary: i32,
    meeting_id: i32,
    kind: Kind,
    uploads: Vec<Upload>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ActionError> {
    let m = meetings::find(db, meeting_id).await?;
    require_secretary(db, secretary, m.council_id, today).await?;
    let state = meetings::state_of(&m)?;
    match kind {
        Kind::Material if state == MeetingState::Closed => {
            return Err(ActionError::Refused("meeting-closed"));
        }
        Kind::Minutes if state == MeetingState::Draft => {
            return Err(ActionError::Refused("meeting-not-published"));
        }
        Kind::Minutes if m.meets_on > today => {
            return Err(ActionError::Refused("meeting-not-yet"));
        }
        _ => {}
    }
    let existing = meeting_document::Entity::find()
        .filter(meeting_document::Column::MeetingId.eq(meeting_id))
        .filter(meeting_document::Column::Kind.eq(kind.as_str()))
        .count(db)
        .await?;
    let stored = store_all(store, uploads, existing).await?;
    let attached = stored.len();
    for file in stored {
        meeting_document::ActiveModel {
            meeting_id: Set(meeting_id),
            kind: Set(kind.as_str().into()),
            name: Set(file.name),
            content_type: Set(file.kind.content_type().into()),
            size: Set(file.size),
            sha256: Set(file.sha256),
            uploaded_by_id: Set(secretary),
            uploaded_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(attached)
}

/// A meeting's documents, oldest first (the caller decides who may see the meeting).
///
/// # Errors
/// A database failure.
pub async fn of_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<Vec<DocumentView>, ServiceError> {
    Ok(meeting_document::Entity::find()
        .filter(meeting_document::Column::MeetingId.eq(meeting_id))
        .order_by_asc(meeting_document::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|d| DocumentView {
            id: d.id,
            href: format!("/meeting-documents/{}", d.id),
            item: d.kind,
            name: d.name,
            content_type: d.content_type,
            size: u64::try_from(d.size).unwrap_or(0),
        })
        .collect())
}

/// A meeting document's record and bytes, for `viewer`: a draft meeting's only for the
/// council's members and secretary.
///
/// # Errors
/// `NotFound`, also for a draft meeting's document asked by anyone else; the store failed.
pub async fn fetch(
    db: &impl ConnectionTrait,
    store: &DocumentStore,
    id: i32,
    viewer: Option<i32>,
    today: NaiveDate,
) -> Result<(meeting_document::Model, Vec<u8>), ServiceError> {
    let row = meeting_document::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let m = meetings::find(db, row.meeting_id)
        .await
        .map_err(|_| ServiceError::NotFound)?;
    if meetings::state_of(&m)? == MeetingState::Draft {
        let member = match viewer {
            Some(v) => is_member(db, v, m.council_id, today).await?,
            None => false,
        };
        if !member {
            return Err(ServiceError::NotFound);
        }
    }
    let bytes = store.get(&row.sha256).await?;
    Ok((row, bytes))
}
