//! Councils as pages show them: the list with each council's health, one council's page, a
//! meeting's page, a proposal's page, a recommendation, and the secretary's desk.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::super::timeline::{self, Subject};
use super::super::{ActionError, ServiceError, bodies, cases, roles, search};
use super::{by_id, by_slug, health, is_secretary, meetings, members, proposals};
use crate::model::{
    AgendaItemView, AgendaOutcome, AnswerDecision, BodyKind, BodySummary, CaseKind, CaseState,
    CommentView, CouncilActions, CouncilSummary, CouncilView, DeskState, DeskView, MeetingFormat,
    MeetingSummary, MeetingView, Names, PetitionStatus, Progress, ProposalSummary, ProposalView,
    RecommendationStatus, RecommendationView, Role,
};
use crate::server::entities::{
    agenda_comment, agenda_item, body, case, case_update, meeting, meeting_attendance, petition,
    proposal, proposal_decline, recommendation, rejection_reason, territory, user,
};

async fn actions(
    db: &impl ConnectionTrait,
    viewer: Option<i32>,
    council_id: i32,
    today: NaiveDate,
) -> Result<CouncilActions, ServiceError> {
    Ok(match viewer {
        Some(v) => {
            let is_secretary = is_secretary(db, v, council_id, today).await?;
            CouncilActions {
                is_secretary,
                is_member: is_secretary
                    || roles::holds(db, v, Role::CouncilMember, Some(council_id), today).await?,
                signed_in: true,
                follows: super::following::follows(db, v, council_id).await?,
            }
        }
        None => CouncilActions::default(),
    })
}

/// Every council in force with its body and health, by name.
///
/// # Errors
/// A database failure.
pub async fn list(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<CouncilSummary>, ServiceError> {
    let councils = body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::PublicCouncil.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    let parents: HashMap<i32, body::Model> = body::Entity::find()
        .filter(body::Column::Id.is_in(councils.iter().filter_map(|c| c.parent_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let ids: Vec<i32> = councils.iter().map(|c| c.id).collect();
    let mut healths = health::of_councils(db, &ids, today).await?;
    councils
        .iter()
        .map(|c| {
            Ok(CouncilSummary {
                council: bodies::summary(c)?,
                body: c
                    .parent_id
                    .and_then(|p| parents.get(&p))
                    .map(bodies::summary)
                    .transpose()?,
                health: healths.remove(&c.id).unwrap_or_else(no_health),
            })
        })
        .collect()
}

fn no_health() -> crate::model::CouncilHealth {
    crate::model::CouncilHealth {
        last_meeting: None,
        meetings_last_year: 0,
        voting_members: 0,
        minimum_members: 0,
        vacancies: 0,
        overdue_proposals: 0,
        overdue_recommendations: 0,
        dormant_months: None,
    }
}

fn meeting_summary(m: &meeting::Model, items: u32) -> Result<MeetingSummary, ServiceError> {
    Ok(MeetingSummary {
        id: m.id,
        starts_at: m.starts_at,
        format: MeetingFormat::parse(&m.format)
            .ok_or_else(|| ServiceError::Corrupt(format!("meeting format {}", m.format)))?,
        place: m.place.clone(),
        state: meetings::state_of(m)?,
        items,
    })
}

async fn proposal_summaries(
    db: &impl ConnectionTrait,
    rows: Vec<proposal::Model>,
) -> Result<Vec<ProposalSummary>, ServiceError> {
    let live: HashMap<i32, case::Model> = case::Entity::find()
        .filter(case::Column::Kind.eq(CaseKind::Proposal.as_str()))
        .filter(case::Column::OriginId.is_in(rows.iter().map(|p| p.id)))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.origin_id, c))
        .collect();
    rows.into_iter()
        .map(|p| {
            let case = live.get(&p.id);
            Ok(ProposalSummary {
                id: p.id,
                title: p.title.clone(),
                created_at: p.created_at,
                supporters: u32::try_from(p.supporters).unwrap_or(0),
                desk_state: proposals::desk_state(&p)?,
                case_state: case.and_then(|c| CaseState::parse(&c.state)),
                due_on: case.map(|c| c.due_on),
                hidden: p.hidden_at.is_some(),
            })
        })
        .collect()
}

/// How a recommendation fared, from its case and the body's latest implementation report.
fn recommendation_status(
    c: Option<&case::Model>,
    progress: Option<Progress>,
    today: NaiveDate,
) -> RecommendationStatus {
    let Some(c) = c else {
        return RecommendationStatus::AwaitingAnswer;
    };
    match CaseState::parse(&c.state) {
        Some(CaseState::AwaitingAnswer) if c.due_on < today => RecommendationStatus::Overdue,
        Some(CaseState::AwaitingAnswer) | None => RecommendationStatus::AwaitingAnswer,
        Some(_) => match c.decision.as_deref().and_then(AnswerDecision::parse) {
            Some(AnswerDecision::Declined | AnswerDecision::NotCompetent) => {
                RecommendationStatus::Declined
            }
            _ => match progress {
                Some(Progress::Done) => RecommendationStatus::Implemented,
                Some(Progress::NotDone) => RecommendationStatus::NotImplemented,
                _ => RecommendationStatus::Accepted,
            },
        },
    }
}

async fn recommendation_views(
    db: &impl ConnectionTrait,
    rows: Vec<recommendation::Model>,
    today: NaiveDate,
) -> Result<Vec<RecommendationView>, ServiceError> {
    let items: HashMap<i32, agenda_item::Model> = agenda_item::Entity::find()
        .filter(agenda_item::Column::Id.is_in(rows.iter().map(|r| r.agenda_item_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    // Each recommendation's latest case (one per origin unless forwarded), its latest
    // progress report and its link, in three reads for the whole list.
    let mut latest: HashMap<i32, case::Model> = HashMap::new();
    for c in case::Entity::find()
        .filter(case::Column::Kind.eq(CaseKind::Recommendation.as_str()))
        .filter(case::Column::OriginId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?
    {
        latest.insert(c.origin_id, c);
    }
    let mut progress_of: HashMap<i32, Progress> = HashMap::new();
    for u in case_update::Entity::find()
        .filter(case_update::Column::CaseId.is_in(latest.values().map(|c| c.id)))
        .filter(case_update::Column::Progress.is_not_null())
        .order_by_asc(case_update::Column::Id)
        .all(db)
        .await?
    {
        if let Some(p) = u.progress.as_deref().and_then(Progress::parse) {
            progress_of.insert(u.case_id, p);
        }
    }
    let cases_now: Vec<case::Model> = latest.values().cloned().collect();
    let mut links = cases::views::links(db, &cases_now).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let case = latest.get(&r.id);
        let progress = case.and_then(|c| progress_of.get(&c.id).copied());
        let item = items.get(&r.agenda_item_id);
        out.push(RecommendationView {
            id: r.id,
            text: r.text.clone(),
            meeting_id: item.map_or(0, |i| i.meeting_id),
            item_title: item.map(|i| i.title.clone()).unwrap_or_default(),
            status: recommendation_status(case, progress, today),
            case: case.and_then(|c| links.remove(&c.id)),
            due_on: case
                .filter(|c| c.state == CaseState::AwaitingAnswer.as_str())
                .map(|c| c.due_on),
            progress,
        });
    }
    Ok(out)
}

/// One council's page, its proposals only those with every one of `words` when given.
///
/// # Errors
/// `NotFound` for an unknown council; a database failure.
pub async fn council(
    db: &impl ConnectionTrait,
    slug: &str,
    viewer: Option<i32>,
    today: NaiveDate,
    words: Option<&str>,
) -> Result<CouncilView, ServiceError> {
    let c = by_slug(db, slug).await?;
    let viewer = actions(db, viewer, c.id, today).await?;
    let parent = match c.parent_id {
        Some(id) => body::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let (current, former): (Vec<_>, Vec<_>) = members::all(db, c.id)
        .await?
        .into_iter()
        .partition(|m| members::serves_on(m, today));
    let meeting_rows = meetings::of_council(db, c.id, viewer.is_member).await?;
    let counts = item_counts(db, &meeting_rows).await?;
    let meetings = meeting_rows
        .iter()
        .map(|m| meeting_summary(m, counts.get(&m.id).copied().unwrap_or(0)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut query = proposal::Entity::find()
        .filter(proposal::Column::CouncilId.eq(c.id))
        .order_by_desc(proposal::Column::Id);
    if !viewer.is_member {
        query = query.filter(proposal::Column::HiddenAt.is_null());
    }
    let rows = with_words(db, query, words).all(db).await?;
    let proposals = proposal_summaries(db, rows).await?;
    let recs = recommendation::Entity::find()
        .filter(recommendation::Column::CouncilId.eq(c.id))
        .order_by_desc(recommendation::Column::Id)
        .all(db)
        .await?;
    let recommendations = recommendation_views(db, recs, today).await?;
    let health = health::of_councils(db, &[c.id], today)
        .await?
        .remove(&c.id)
        .unwrap_or_else(no_health);
    Ok(CouncilView {
        council: bodies::summary(&c)?,
        body: parent.as_ref().map(bodies::summary).transpose()?,
        members: current
            .iter()
            .map(members::view)
            .collect::<Result<_, _>>()?,
        former: former.iter().map(members::view).collect::<Result<_, _>>()?,
        meetings,
        proposals,
        recommendations,
        health,
        viewer,
    })
}

async fn item_counts(
    db: &impl ConnectionTrait,
    meetings: &[meeting::Model],
) -> Result<HashMap<i32, u32>, ServiceError> {
    let mut counts = HashMap::new();
    for item in agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.is_in(meetings.iter().map(|m| m.id)))
        .all(db)
        .await?
    {
        *counts.entry(item.meeting_id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// A meeting's page: public once published; drafts for the council only.
///
/// # Errors
/// `NotFound` for an unknown meeting or a draft the viewer may not see.
pub async fn meeting(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<i32>,
    today: NaiveDate,
) -> Result<MeetingView, ActionError> {
    let m = meetings::find(db, id).await?;
    let council = by_id(db, m.council_id).await?;
    let viewer = actions(db, viewer, council.id, today).await?;
    if m.state == crate::model::MeetingState::Draft.as_str() && !viewer.is_member {
        return Err(ActionError::NotFound);
    }
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(db)
        .await?;
    let recs: HashMap<i32, recommendation::Model> = recommendation::Entity::find()
        .filter(recommendation::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.agenda_item_id, r))
        .collect();
    let count = |n: Option<i32>| n.and_then(|v| u32::try_from(v).ok());
    let mut comments = if viewer.is_member {
        comments_of(db, &items).await?
    } else {
        HashMap::new()
    };
    let item_views = items
        .iter()
        .map(|i| {
            Ok(AgendaItemView {
                id: i.id,
                position: i.position,
                title: i.title.clone(),
                proposal_id: i.proposal_id,
                petition_id: i.petition_id,
                outcome: AgendaOutcome::parse(&i.outcome)
                    .ok_or_else(|| ServiceError::Corrupt(format!("outcome {}", i.outcome)))?,
                votes: match (
                    count(i.votes_for),
                    count(i.votes_against),
                    count(i.votes_abstained),
                ) {
                    (Some(a), Some(b), Some(c)) => Some((a, b, c)),
                    _ => None,
                },
                decision: i.decision.clone(),
                recommendation: recs.get(&i.id).map(|r| (r.id, r.text.clone())),
                comments: comments.remove(&i.id).unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let present: Vec<i32> = meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.eq(id))
        .all(db)
        .await?
        .iter()
        .map(|a| a.member_id)
        .collect();
    let roll = members::voting_on(db, council.id, m.meets_on)
        .await?
        .iter()
        .map(|v| Ok((members::view(v)?, present.contains(&v.id))))
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let (present_count, quorum) = meetings::presence(db, &m).await?;
    let n = u32::try_from(items.len()).unwrap_or(0);
    Ok(MeetingView {
        meeting: meeting_summary(&m, n)?,
        council: bodies::summary(&council)?,
        online_url: m.online_url.clone(),
        items: item_views,
        roll,
        present: present_count,
        quorum,
        minutes: m.minutes.clone(),
        documents: super::documents::of_meeting(db, id).await?,
        earliest_publishable: meetings::earliest_publishable(db, today).await?,
        viewer,
    })
}

/// The internal comments on `items`, by item, oldest first.
async fn comments_of(
    db: &impl ConnectionTrait,
    items: &[agenda_item::Model],
) -> Result<HashMap<i32, Vec<CommentView>>, ServiceError> {
    let rows = agenda_comment::Entity::find()
        .filter(agenda_comment::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
        .order_by_asc(agenda_comment::Column::Id)
        .all(db)
        .await?;
    let authors: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.author_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut out: HashMap<i32, Vec<CommentView>> = HashMap::new();
    for r in rows {
        out.entry(r.agenda_item_id).or_default().push(CommentView {
            author: authors.get(&r.author_id).cloned().unwrap_or_default(),
            at: r.created_at,
            text: r.text,
        });
    }
    Ok(out)
}

/// A proposal's page: public unless hidden (then for its author and the council only).
///
/// # Errors
/// `NotFound` for an unknown proposal or a hidden one the viewer may not see.
pub async fn proposal(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<i32>,
    today: NaiveDate,
) -> Result<ProposalView, ActionError> {
    let p = proposals::find(db, id).await?;
    let council = by_id(db, p.council_id).await?;
    let actions = actions(db, viewer, council.id, today).await?;
    let is_author = viewer == Some(p.author_id);
    if p.hidden_at.is_some() && !is_author && !actions.is_member {
        return Err(ActionError::NotFound);
    }
    let territory = match p.territory_id {
        Some(t) => territory::Entity::find_by_id(t)
            .one(db)
            .await?
            .map(|t| Names {
                kk: t.name_kk,
                ru: t.name_ru,
                en: t.name_en,
            }),
        None => None,
    };
    let merged_into = match p.merged_into_id {
        Some(into) => proposal::Entity::find_by_id(into)
            .one(db)
            .await?
            .map(|q| (q.id, q.title)),
        None => None,
    };
    let duplicates = proposal::Entity::find()
        .filter(proposal::Column::MergedIntoId.eq(id))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|q| (q.id, q.title))
        .collect();
    let own_cases = cases::all_of_origin(db, CaseKind::Proposal, id).await?;
    let mut subjects = vec![Subject::Proposal(id)];
    subjects.extend(own_cases.iter().map(|c| Subject::Case(c.id)));
    let timeline = timeline::entries(db, &subjects).await?;
    let case = match own_cases.last() {
        Some(c) => cases::views::link(db, c).await?,
        None => None,
    };
    let answer = own_cases
        .iter()
        .rev()
        .find(|c| c.body_id == council.id)
        .and_then(|c| {
            let decision = c.decision.as_deref().and_then(AnswerDecision::parse)?;
            Some((decision, c.answer_text.clone()?))
        });
    let mut documents = Vec::new();
    for c in &own_cases {
        documents.extend(
            cases::documents::of_case(db, c.id)
                .await?
                .into_iter()
                .filter(|d| d.item == "origin"),
        );
    }
    let supported = match viewer {
        Some(v) => proposals::supports(db, v, id).await?,
        None => false,
    };
    let declined_for = match proposal_decline::Entity::find_by_id(id).one(db).await? {
        Some(d) => rejection_reason::Entity::find_by_id(d.reason_id)
            .one(db)
            .await?
            .map(|r| Names {
                kk: r.name_kk,
                ru: r.name_ru,
                en: r.name_en,
            }),
        None => None,
    };
    let summary = proposal_summaries(db, vec![p.clone()])
        .await?
        .pop()
        .ok_or(ActionError::NotFound)?;
    Ok(ProposalView {
        summary,
        council: bodies::summary(&council)?,
        text: p.text,
        topic: super::super::topics::view_of(db, &p.topic).await?,
        territory,
        hidden_reason: p.hidden_reason,
        declined_for,
        answer,
        merged_into,
        duplicates,
        case,
        documents,
        timeline,
        is_author,
        supported,
        viewer: actions,
    })
}

/// One recommendation with how it fared, and its council.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn recommendation(
    db: &impl ConnectionTrait,
    id: i32,
    today: NaiveDate,
) -> Result<(RecommendationView, crate::model::BodySummary), ActionError> {
    let r = recommendation::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let council = by_id(db, r.council_id).await?;
    let view = recommendation_views(db, vec![r], today)
        .await?
        .pop()
        .ok_or(ActionError::NotFound)?;
    Ok((view, bodies::summary(&council)?))
}

/// The secretary's desk: new proposals, petitions to the council's body under consideration,
/// other cases forwarded to the council, and the meetings whose agenda can take them. Members
/// read it; the secretary acts on it.
///
/// # Errors
/// `Forbidden` for anyone not on the council; `NotFound` for an unknown council.
pub async fn desk(
    db: &impl ConnectionTrait,
    slug: &str,
    secretary: i32,
    today: NaiveDate,
) -> Result<DeskView, ActionError> {
    let c = by_slug(db, slug).await?;
    let viewer = actions(db, Some(secretary), c.id, today).await?;
    if !viewer.is_member {
        return Err(ActionError::Forbidden);
    }
    let rows = proposal::Entity::find()
        .filter(proposal::Column::CouncilId.eq(c.id))
        .filter(proposal::Column::DeskState.eq(DeskState::New.as_str()))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?;
    let petitions = match c.parent_id {
        Some(body_id) => petition::Entity::find()
            .filter(petition::Column::BodyId.eq(body_id))
            .filter(petition::Column::Status.eq(PetitionStatus::UnderConsideration.as_str()))
            .order_by_asc(petition::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect(),
        None => Vec::new(),
    };
    let open_meetings = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.eq(c.id))
        .filter(meeting::Column::State.ne(crate::model::MeetingState::Closed.as_str()))
        .order_by_asc(meeting::Column::StartsAt)
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.starts_at))
        .collect();
    let waiting = case::Entity::find()
        .filter(case::Column::BodyId.eq(c.id))
        .filter(case::Column::Kind.ne(CaseKind::Proposal.as_str()))
        .filter(case::Column::State.eq(CaseState::AwaitingAnswer.as_str()))
        .order_by_asc(case::Column::DueOn)
        .all(db)
        .await?;
    let forwarded = cases::views::summaries(db, waiting, today)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    let decline_reasons = super::super::petitions::moderation::reasons(
        db,
        Some(crate::model::ReasonScope::Proposal),
        false,
    )
    .await?
    .into_iter()
    .map(|r| (r.id, r.names))
    .collect();
    Ok(DeskView {
        council: bodies::summary(&c)?,
        proposals: proposal_summaries(db, rows).await?,
        petitions,
        open_meetings,
        forwarded,
        decline_reasons,
        viewer,
    })
}

/// The most proposals [`public_proposals`] returns.
pub const PUBLIC_PROPOSALS: u64 = 1_000;

/// The id of the council a filter's `slug` names, `None` for none (an unknown slug, or one with
/// control characters, which PostgreSQL would refuse as a NUL).
async fn council_named(db: &impl ConnectionTrait, slug: &str) -> Result<Option<i32>, ServiceError> {
    if slug.chars().any(char::is_control) {
        return Ok(None);
    }
    match by_slug(db, slug).await {
        Ok(c) => Ok(Some(c.id)),
        Err(ServiceError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `query` narrowed to the proposals with every one of `words` (title and text, through the
/// engines' index), when words are given.
fn with_words(
    db: &impl ConnectionTrait,
    query: sea_orm::Select<proposal::Entity>,
    words: Option<&str>,
) -> sea_orm::Select<proposal::Entity> {
    match words {
        Some(words) => query.filter(search::matching(
            db.get_database_backend(),
            search::Indexed::Proposal,
            &search::terms(words),
        )),
        None => query,
    }
}

/// Proposals to public councils that are not hidden, newest first (at most
/// [`PUBLIC_PROPOSALS`]), each with its council and its topic's code; of one council (slug)
/// when given, and with every one of `words` when given. `None` for an unknown council.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn public_proposals(
    db: &impl ConnectionTrait,
    council: Option<&str>,
    words: Option<&str>,
) -> Result<Option<Vec<(BodySummary, ProposalSummary, String)>>, ServiceError> {
    use sea_orm::QuerySelect;
    let mut query = proposal::Entity::find()
        .filter(proposal::Column::HiddenAt.is_null())
        .order_by_desc(proposal::Column::Id)
        .limit(PUBLIC_PROPOSALS);
    if let Some(slug) = council {
        let Some(id) = council_named(db, slug).await? else {
            return Ok(None);
        };
        query = query.filter(proposal::Column::CouncilId.eq(id));
    }
    let rows = with_words(db, query, words).all(db).await?;
    let councils: HashMap<i32, BodySummary> = body::Entity::find()
        .filter(body::Column::Id.is_in(rows.iter().map(|p| p.council_id)))
        .all(db)
        .await?
        .iter()
        .map(|b| Ok((b.id, bodies::summary(b)?)))
        .collect::<Result<_, ServiceError>>()?;
    let keys: Vec<(i32, String)> = rows
        .iter()
        .map(|p| (p.council_id, p.topic.clone()))
        .collect();
    let summaries = proposal_summaries(db, rows).await?;
    Ok(Some(
        keys.into_iter()
            .zip(summaries)
            .filter_map(|((council, topic), s)| {
                councils.get(&council).map(|c| (c.clone(), s, topic))
            })
            .collect(),
    ))
}

/// The proposals feed: proposals received, answered by their council or declined (the latest
/// `limit`, newest first), for every council or one (slug; an unknown one has none). Hidden
/// proposals are never in it.
///
/// # Errors
/// A database failure.
pub async fn proposal_feed(
    db: &impl ConnectionTrait,
    council: Option<&str>,
    limit: u64,
) -> Result<Vec<crate::server::services::petitions::discovery::FeedEntry>, ServiceError> {
    use crate::server::services::petitions::discovery::{self, FeedEntry};
    use sea_orm::QuerySelect;
    let council = match council {
        None => None,
        Some(slug) => match council_named(db, slug).await? {
            Some(id) => Some(id),
            None => return Ok(Vec::new()),
        },
    };
    let public = || {
        let query = proposal::Entity::find().filter(proposal::Column::HiddenAt.is_null());
        match council {
            Some(id) => query.filter(proposal::Column::CouncilId.eq(id)),
            None => query,
        }
    };
    let entry = |p: &proposal::Model, event: &'static str, at| {
        FeedEntry::excerpt(p.id, &p.title, &p.text, event, at)
    };
    let mut entries: Vec<FeedEntry> = public()
        .order_by_desc(proposal::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?
        .iter()
        .map(|p| entry(p, "received", p.created_at))
        .collect();
    let origins = match council {
        Some(_) => Some(
            public()
                .select_only()
                .column(proposal::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?,
        ),
        None => None,
    };
    // A decline answers the proposal's case too: one entry, named for what the answer was.
    let answered = cases::latest_answered(db, CaseKind::Proposal, origins, limit).await?;
    let by_id: HashMap<i32, proposal::Model> = public()
        .filter(proposal::Column::Id.is_in(answered.iter().map(|c| c.origin_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    for c in &answered {
        if let (Some(p), Some(at)) = (by_id.get(&c.origin_id), c.answered_at) {
            let declined = c.decision.as_deref() == Some(AnswerDecision::Declined.as_str());
            entries.push(entry(p, if declined { "declined" } else { "answered" }, at));
        }
    }
    Ok(discovery::newest(entries, limit))
}
