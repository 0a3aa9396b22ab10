//! What the case pages read: the officials' inbox (every case addressed to their bodies, all
//! kinds together, overdue first then by due day), a body's cases, and one case's public page.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::super::timeline::{self, Subject};
use super::super::{ActionError, ServiceError, bodies};
use super::{answering, clock, find, kind_of, origin, state_of};
use crate::model::{
    AnswerDecision, BodyChoice, CaseActions, CaseKind, CaseState, CaseSummary, CaseUpdateView,
    CaseView, Names, PauseView, Progress, case_number,
};
use crate::server::entities::{body, case, case_pause, case_update, user};

/// The most cases a list shows at once.
pub const LIST_LIMIT: u64 = 500;

fn names(b: &body::Model) -> Names {
    Names {
        kk: b.name_kk.clone(),
        ru: b.name_ru.clone(),
        en: b.name_en.clone(),
    }
}

/// Summaries of `rows`, with their titles read once per kind and whether each is paused.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn summaries(
    db: &impl ConnectionTrait,
    rows: Vec<case::Model>,
    today: NaiveDate,
) -> Result<Vec<CaseSummary>, ServiceError> {
    let mut titles: HashMap<(CaseKind, i32), String> = HashMap::new();
    for kind in CaseKind::ALL {
        let ids: Vec<i32> = rows
            .iter()
            .filter(|c| c.kind == kind.as_str())
            .map(|c| c.origin_id)
            .collect();
        if !ids.is_empty() {
            for (id, title) in origin::titles(db, *kind, &ids).await? {
                titles.insert((*kind, id), title);
            }
        }
    }
    let body_ids: Vec<i32> = rows.iter().map(|c| c.body_id).collect();
    let body_names: HashMap<i32, Names> = body::Entity::find()
        .filter(body::Column::Id.is_in(body_ids))
        .all(db)
        .await?
        .iter()
        .map(|b| (b.id, names(b)))
        .collect();
    let waiting: Vec<i32> = rows
        .iter()
        .filter(|c| c.state == CaseState::AwaitingAnswer.as_str())
        .map(|c| c.id)
        .collect();
    let paused: Vec<i32> = if waiting.is_empty() {
        Vec::new()
    } else {
        case_pause::Entity::find()
            .select_only()
            .column(case_pause::Column::CaseId)
            .filter(case_pause::Column::CaseId.is_in(waiting))
            .filter(case_pause::Column::AnsweredAt.is_null())
            .into_tuple::<i32>()
            .all(db)
            .await?
    };
    rows.into_iter()
        .map(|c| {
            let kind = kind_of(&c)?;
            Ok(CaseSummary {
                id: c.id,
                kind,
                number: case_number(c.year, c.seq),
                title: titles
                    .get(&(kind, c.origin_id))
                    .cloned()
                    .unwrap_or_default(),
                body: body_names.get(&c.body_id).cloned().unwrap_or(Names {
                    kk: String::new(),
                    ru: String::new(),
                    en: String::new(),
                }),
                state: state_of(&c)?,
                registered_on: c.registered_on,
                due_on: c.due_on,
                clock: clock::clock_name(&c, paused.contains(&c.id), today),
            })
        })
        .collect()
}

/// What an inbox is narrowed to.
#[derive(Clone, Copy, Debug, Default)]
pub struct InboxFilter {
    /// One kind only.
    pub kind: Option<CaseKind>,
    /// One state only (`None`: every state).
    pub state: Option<CaseState>,
}

/// The cases addressed to any of `bodies`: waiting ones first, the earliest due (the most
/// overdue) first, then the others, the latest first.
///
/// # Errors
/// A database failure.
pub async fn inbox(
    db: &impl ConnectionTrait,
    bodies: &[i32],
    filter: InboxFilter,
    today: NaiveDate,
) -> Result<Vec<CaseSummary>, ServiceError> {
    let mut query = case::Entity::find().filter(case::Column::BodyId.is_in(bodies.iter().copied()));
    if let Some(kind) = filter.kind {
        query = query.filter(case::Column::Kind.eq(kind.as_str()));
    }
    if let Some(state) = filter.state {
        query = query.filter(case::Column::State.eq(state.as_str()));
    }
    let mut rows = query
        .order_by_asc(sea_orm::sea_query::Expr::cust(
            "CASE WHEN state = 'awaiting_answer' THEN 0 ELSE 1 END",
        ))
        .order_by_asc(case::Column::DueOn)
        .order_by_asc(case::Column::Id)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    // Waiting cases by due day; the rest after them, the latest change first.
    rows.sort_by(|a, b| {
        let waiting = |c: &case::Model| c.state != CaseState::AwaitingAnswer.as_str();
        waiting(a).cmp(&waiting(b)).then_with(|| {
            if waiting(a) {
                b.updated_at.cmp(&a.updated_at)
            } else {
                a.due_on.cmp(&b.due_on)
            }
        })
    });
    summaries(db, rows, today).await
}

/// The latest cases of one body.
///
/// # Errors
/// A database failure.
pub async fn of_body(
    db: &impl ConnectionTrait,
    body_id: i32,
    today: NaiveDate,
) -> Result<Vec<CaseSummary>, ServiceError> {
    let rows = case::Entity::find()
        .filter(case::Column::BodyId.eq(body_id))
        .order_by_desc(case::Column::Id)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    summaries(db, rows, today).await
}

/// One case's public page, as `viewer` may act on it.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn view(
    db: &impl ConnectionTrait,
    case_id: i32,
    viewer: Option<i32>,
    today: NaiveDate,
) -> Result<CaseView, ActionError> {
    let c = find(db, case_id).await?;
    let kind = kind_of(&c)?;
    let addressee = body::Entity::find_by_id(c.body_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let pause_rows = clock::pauses(db, case_id).await?;
    let forwarded_from = match c.forwarded_from_id {
        Some(from) => {
            let before = find(db, from).await?;
            body::Entity::find_by_id(before.body_id)
                .one(db)
                .await?
                .map(|b| (from, names(&b)))
        }
        None => None,
    };
    let forwarded_to = match case::Entity::find()
        .filter(case::Column::ForwardedFromId.eq(case_id))
        .one(db)
        .await?
    {
        Some(next) => body::Entity::find_by_id(next.body_id)
            .one(db)
            .await?
            .map(|b| (next.id, names(&b))),
        None => None,
    };
    let (average_rating, ratings) = answering::rating(db, case_id).await?;
    let updates = case_update::Entity::find()
        .filter(case_update::Column::CaseId.eq(case_id))
        .order_by_asc(case_update::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| CaseUpdateView {
            id: u.id,
            progress: u.progress.as_deref().and_then(Progress::parse),
            on_date: u.on_date,
            text: u.text,
            at: u.at,
        })
        .collect();
    let state = state_of(&c)?;
    let mut viewer_actions = CaseActions::default();
    if let Some(v) = viewer {
        viewer_actions.is_official = super::answers_for(db, v, c.body_id, today).await?.is_some();
        viewer_actions.is_author = origin::author(db, kind, c.origin_id).await? == Some(v);
        viewer_actions.can_attach_origin =
            viewer_actions.is_author && origin::takes_documents(db, &c).await?;
        let verified = user::Entity::find_by_id(v)
            .one(db)
            .await?
            .is_some_and(|u| u.deleted_at.is_none() && u.email_verified_at.is_some());
        viewer_actions.can_rate = verified && state.is_answered();
        viewer_actions.my_rating = answering::my_rating(db, case_id, v).await?;
    }
    let forward_to = if viewer_actions.is_official && state == CaseState::AwaitingAnswer {
        body::Entity::find()
            .filter(body::Column::ValidTo.is_null())
            .filter(body::Column::Id.ne(c.body_id))
            .order_by_asc(body::Column::Id)
            .all(db)
            .await?
            .iter()
            .map(|b| BodyChoice {
                slug: b.slug.clone(),
                names: names(b),
            })
            .collect()
    } else {
        Vec::new()
    };
    let summary = summaries(db, vec![c.clone()], today)
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(CaseView {
        summary,
        body: bodies::summary(&addressee)?,
        origin_path: origin::path(kind, c.origin_id),
        forwarded_from,
        forwarded_to,
        decision: c.decision.as_deref().and_then(AnswerDecision::parse),
        answer: c.answer_text.clone(),
        answered_at: c.answered_at,
        average_rating,
        ratings,
        pauses: pause_rows
            .into_iter()
            .map(|p| PauseView {
                id: p.id,
                question: p.question,
                asked_on: p.asked_on,
                reply: p.reply,
                answered_on: p.answered_on,
            })
            .collect(),
        updates,
        documents: super::documents::of_case(db, case_id).await?,
        timeline: timeline::entries(db, &[Subject::Case(case_id)]).await?,
        viewer: viewer_actions,
        forward_to,
    })
}

/// Where a case is, for a link from its origin's page: its id, number and body.
///
/// # Errors
/// A database failure.
pub async fn link(
    db: &impl ConnectionTrait,
    c: &case::Model,
) -> Result<Option<crate::model::CaseLink>, ServiceError> {
    Ok(links(db, std::slice::from_ref(c)).await?.remove(&c.id))
}

/// The links of several cases, by case id, in one read of their bodies.
///
/// # Errors
/// A database failure.
pub async fn links(
    db: &impl ConnectionTrait,
    cases: &[case::Model],
) -> Result<HashMap<i32, crate::model::CaseLink>, ServiceError> {
    let bodies: HashMap<i32, body::Model> = body::Entity::find()
        .filter(body::Column::Id.is_in(cases.iter().map(|c| c.body_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    Ok(cases
        .iter()
        .filter_map(|c| {
            let b = bodies.get(&c.body_id)?;
            Some((
                c.id,
                crate::model::CaseLink {
                    id: c.id,
                    number: crate::model::case_number(c.year, c.seq),
                    body: names(b),
                },
            ))
        })
        .collect())
}
