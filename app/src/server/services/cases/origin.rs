//! What a case began as, by kind: the one place a new kind plugs into the case core (its
//! title and page, its author, who hears its news, and what the origin does when its case is
//! answered). Petitions, proposals to councils, councils' recommendations and deputies'
//! inquiries open cases.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};

use super::super::{ActionError, ServiceError};
use crate::model::{AnswerDecision, CaseKind};
use crate::server::entities::{agenda_item, case, inquiry, petition, proposal, recommendation};

/// The title of the origin.
///
/// # Errors
/// A database failure.
pub async fn title(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    origin_id: i32,
) -> Result<String, ServiceError> {
    match kind {
        CaseKind::Petition => Ok(petition::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|p| p.title)
            .unwrap_or_default()),
        CaseKind::Proposal => Ok(proposal::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|p| p.title)
            .unwrap_or_default()),
        CaseKind::Recommendation => Ok(titles(db, kind, &[origin_id])
            .await?
            .remove(&origin_id)
            .unwrap_or_default()),
        CaseKind::Inquiry => Ok(inquiry::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|i| i.title)
            .unwrap_or_default()),
    }
}

/// The titles of several origins of one kind, by id (one query per kind).
///
/// # Errors
/// A database failure.
pub async fn titles(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, String>, ServiceError> {
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    match kind {
        CaseKind::Petition => Ok(petition::Entity::find()
            .select_only()
            .column(petition::Column::Id)
            .column(petition::Column::Title)
            .filter(petition::Column::Id.is_in(ids.iter().copied()))
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()),
        CaseKind::Proposal => Ok(proposal::Entity::find()
            .select_only()
            .column(proposal::Column::Id)
            .column(proposal::Column::Title)
            .filter(proposal::Column::Id.is_in(ids.iter().copied()))
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()),
        CaseKind::Recommendation => {
            // A recommendation is known by the agenda item it was decided on.
            let recs = recommendation::Entity::find()
                .filter(recommendation::Column::Id.is_in(ids.iter().copied()))
                .all(db)
                .await?;
            let items: std::collections::HashMap<i32, String> = agenda_item::Entity::find()
                .select_only()
                .column(agenda_item::Column::Id)
                .column(agenda_item::Column::Title)
                .filter(agenda_item::Column::Id.is_in(recs.iter().map(|r| r.agenda_item_id)))
                .into_tuple::<(i32, String)>()
                .all(db)
                .await?
                .into_iter()
                .collect();
            Ok(recs
                .into_iter()
                .map(|r| {
                    let title = items.get(&r.agenda_item_id).cloned().unwrap_or_default();
                    (r.id, title)
                })
                .collect())
        }
        CaseKind::Inquiry => Ok(inquiry::Entity::find()
            .select_only()
            .column(inquiry::Column::Id)
            .column(inquiry::Column::Title)
            .filter(inquiry::Column::Id.is_in(ids.iter().copied()))
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()),
    }
}

/// The origin's page, without the language (`/petitions/7`).
pub fn path(kind: CaseKind, origin_id: i32) -> String {
    match kind {
        CaseKind::Petition => format!("/petitions/{origin_id}"),
        CaseKind::Inquiry => format!("/inquiries/{origin_id}"),
        CaseKind::Recommendation => format!("/recommendations/{origin_id}"),
        CaseKind::Proposal => format!("/proposals/{origin_id}"),
    }
}

/// The account that wrote the origin: the one asked for clarification.
///
/// # Errors
/// A database failure.
pub async fn author(
    db: &impl ConnectionTrait,
    kind: CaseKind,
    origin_id: i32,
) -> Result<Option<i32>, ServiceError> {
    match kind {
        CaseKind::Petition => Ok(petition::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|p| p.author_id)),
        CaseKind::Proposal => Ok(proposal::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|p| p.author_id)),
        // A council's decision has no single author to ask; the body asks on the case's page.
        CaseKind::Recommendation => Ok(None),
        // The deputy is asked, and answers for the office.
        CaseKind::Inquiry => Ok(inquiry::Entity::find_by_id(origin_id)
            .one(db)
            .await?
            .map(|i| i.deputy_id)),
    }
}

/// Who hears a case's news besides the author: a query over `users u` selecting the ids of
/// the followers of origin `$origin` (bound as the third placeholder), or `None`.
pub fn followers_sql(kind: CaseKind, origin: &str) -> Option<String> {
    match kind {
        CaseKind::Petition => Some(format!(
            "SELECT s.user_id FROM signatures s WHERE s.petition_id = {origin} AND s.notify_answer \
             AND s.withdrawn_at IS NULL AND s.invalidated_at IS NULL"
        )),
        CaseKind::Proposal => Some(format!(
            "SELECT s.user_id FROM proposal_supports s WHERE s.proposal_id = {origin}"
        )),
        _ => None,
    }
}

/// What the origin does when its case is answered: a petition becomes `answered`.
///
/// # Errors
/// `Refused` when the origin no longer waits for the answer; a database failure.
pub async fn answered(
    db: &impl ConnectionTrait,
    case: &case::Model,
    decision: AnswerDecision,
    text: &str,
    official: i32,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    match super::kind_of(case)? {
        CaseKind::Petition => {
            crate::server::services::petitions::answers::mark_answered(
                db,
                case.origin_id,
                decision,
                text,
                official,
                now,
            )
            .await
        }
        CaseKind::Proposal => Ok(crate::server::services::councils::proposals::answered(
            db,
            case.origin_id,
            decision,
        )
        .await?),
        // The deputy assesses the answer on the inquiry's page.
        CaseKind::Recommendation | CaseKind::Inquiry => Ok(()),
    }
}

/// What the origin does when its case is forwarded to another body: a proposal leaves the
/// council's desk.
///
/// # Errors
/// A database failure.
pub async fn forwarded(db: &impl ConnectionTrait, case: &case::Model) -> Result<(), ActionError> {
    if super::kind_of(case)? == CaseKind::Proposal {
        crate::server::services::councils::proposals::forwarded(db, case.origin_id).await?;
    }
    Ok(())
}

/// Whether the origin's author may still attach the origin's own documents: while its case
/// awaits the answer, and for an inquiry as long as the deputy has not closed it (photos of a
/// site visit come after the answer).
///
/// # Errors
/// A database failure; `Corrupt` for a state the platform does not know.
pub async fn takes_documents(
    db: &impl ConnectionTrait,
    case: &case::Model,
) -> Result<bool, ServiceError> {
    use crate::model::{CaseState, InquiryState};
    let state = super::state_of(case)?;
    if super::kind_of(case)? == CaseKind::Inquiry {
        let open = inquiry::Entity::find_by_id(case.origin_id)
            .one(db)
            .await?
            .is_some_and(|i| i.state == InquiryState::Sent.as_str());
        return Ok(open && !matches!(state, CaseState::Forwarded | CaseState::Withdrawn));
    }
    Ok(state == CaseState::AwaitingAnswer)
}
