//! Meetings: the secretary plans one (a draft only the council sees), orders its agenda (items
//! may take up a proposal from the desk or a petition to the council's body), publishes the
//! agenda at least the notice period before the day, records who came, decides each item by a
//! vote when a quorum of voting members is present (a decision may recommend something to the
//! body: a case of kind `recommendation` with its clock), writes the minutes and closes the
//! meeting once every item is decided or deferred.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

use super::super::timeline::{self, Event, Subject};
use super::super::{ActionError, ServiceError, cases, deadlines};
use super::{by_id, by_slug, following, members, proposals, require_secretary, settings};
use crate::model::{
    ActorRole, AgendaOutcome, AnswerDecision, CaseKind, CaseState, DeskState, EventKind,
    MeetingFormat, MeetingState, PetitionStatus,
};
use crate::server::entities::{
    agenda_comment, agenda_item, meeting, meeting_attendance, petition, proposal, recommendation,
};
use crate::server::mail::CouncilNews;

/// The longest agenda item title.
pub const MAX_ITEM_TITLE: usize = 300;
/// The longest decision or recommendation.
pub const MAX_DECISION: usize = 10_000;
/// The longest minutes.
pub const MAX_MINUTES: usize = 10_000;

/// A meeting as the secretary plans it.
#[derive(Clone, Debug, Default)]
pub struct MeetingForm {
    /// The day.
    pub date: Option<NaiveDate>,
    /// The time, `HH:MM` in Kazakhstan.
    pub time: String,
    /// `in_person`, `online` or `hybrid`.
    pub format: String,
    /// The place (in person, hybrid).
    pub place: String,
    /// The link (online, hybrid).
    pub online_url: String,
}

/// A decision on an agenda item as the secretary records it.
#[derive(Clone, Debug, Default)]
pub struct DecisionForm {
    /// Votes for.
    pub votes_for: u32,
    /// Votes against.
    pub votes_against: u32,
    /// Abstentions.
    pub votes_abstained: u32,
    /// The decision's text.
    pub text: String,
    /// What it recommends to the council's body, or empty.
    pub recommendation: String,
    /// For an item taking up a proposal: what the decision means for it.
    pub answer: Option<AnswerDecision>,
}

/// The instant a meeting starts: its day and time in Kazakhstan (UTC+5).
pub fn starts_at(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    day.and_time(time).and_utc() - Duration::hours(5)
}

/// A meeting by id.
///
/// # Errors
/// `NotFound`.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<meeting::Model, ActionError> {
    meeting::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)
}

/// The stored state of a meeting.
///
/// # Errors
/// `Corrupt` for an unknown state.
pub fn state_of(m: &meeting::Model) -> Result<MeetingState, ServiceError> {
    MeetingState::parse(&m.state)
        .ok_or_else(|| ServiceError::Corrupt(format!("meeting state {}", m.state)))
}

fn invalid(field: &'static str, key: &'static str) -> ActionError {
    ActionError::Invalid { field, key }
}

/// The secretary plans a meeting (a draft). Returns its id.
///
/// # Errors
/// `Forbidden`; `Invalid` for a missing or past day, a bad time, an unknown format, a missing
/// place or link.
pub async fn create(
    db: &impl ConnectionTrait,
    secretary: i32,
    council_slug: &str,
    form: &MeetingForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ActionError> {
    let council = by_slug(db, council_slug).await?;
    require_secretary(db, secretary, council.id, today).await?;
    let day = form.date.ok_or(invalid("date", "meeting-date-missing"))?;
    if day < today {
        return Err(invalid("date", "meeting-in-past"));
    }
    let time = NaiveTime::parse_from_str(form.time.trim(), "%H:%M")
        .map_err(|_| invalid("time", "meeting-time-invalid"))?;
    let format = MeetingFormat::parse(form.format.trim())
        .ok_or(invalid("format", "meeting-format-unknown"))?;
    let place = form.place.trim();
    let url = form.online_url.trim();
    if format != MeetingFormat::Online && place.is_empty() {
        return Err(invalid("place", "meeting-place-missing"));
    }
    if place.chars().count() > 300 {
        return Err(invalid("place", "meeting-place-long"));
    }
    if format != MeetingFormat::InPerson {
        let parsed =
            url::Url::parse(url).map_err(|_| invalid("online_url", "meeting-url-invalid"))?;
        if !matches!(parsed.scheme(), "https" | "http") || url.len() > 500 {
            return Err(invalid("online_url", "meeting-url-invalid"));
        }
    }
    let row = meeting::ActiveModel {
        council_id: Set(council.id),
        starts_at: Set(starts_at(day, time)),
        meets_on: Set(day),
        format: Set(format.as_str().into()),
        place: Set(place.into()),
        online_url: Set(if format == MeetingFormat::InPerson {
            String::new()
        } else {
            url.into()
        }),
        state: Set(MeetingState::Draft.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// What the secretary puts on an agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// A topic of the council's own.
    Nothing,
    /// A proposal from the desk.
    Proposal(i32),
    /// A petition to the council's body.
    Petition(i32),
}

/// The secretary adds an item at the end of a meeting's agenda. Returns its id.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty or too long title, a proposal of another council or a
/// petition to another body; `Refused` when the meeting is closed or the proposal is no
/// longer new on the desk.
pub async fn add_item(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    title: &str,
    takes: Takes,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ActionError> {
    let m = find(db, meeting_id).await?;
    require_secretary(db, secretary, m.council_id, today).await?;
    if state_of(&m)? == MeetingState::Closed {
        return Err(ActionError::Refused("meeting-closed"));
    }
    let council = by_id(db, m.council_id).await?;
    let (default_title, proposal_id, petition_id) = match takes {
        Takes::Nothing => (String::new(), None, None),
        Takes::Proposal(id) => {
            let p = proposal::Entity::find_by_id(id)
                .filter(proposal::Column::CouncilId.eq(m.council_id))
                .one(db)
                .await?
                .ok_or(invalid("proposal", "agenda-proposal-unknown"))?;
            (p.title, Some(id), None)
        }
        Takes::Petition(id) => {
            let p = petition::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|p| Some(p.body_id) == council.parent_id)
                .filter(|p| {
                    p.status == PetitionStatus::UnderConsideration.as_str()
                        || p.status == PetitionStatus::Answered.as_str()
                })
                .ok_or(invalid("petition", "agenda-petition-unknown"))?;
            (p.title, None, Some(id))
        }
    };
    let title = if title.trim().is_empty() {
        default_title
    } else {
        title.to_owned()
    };
    let title = cases::checked_text(
        &title,
        "title",
        MAX_ITEM_TITLE,
        "agenda-title-empty",
        "agenda-title-long",
    )?;
    if let Some(id) = proposal_id {
        let changed = proposal::Entity::update_many()
            .col_expr(
                proposal::Column::DeskState,
                Expr::value(DeskState::OnAgenda.as_str()),
            )
            .filter(proposal::Column::Id.eq(id))
            .filter(proposal::Column::DeskState.eq(DeskState::New.as_str()))
            .exec(db)
            .await?;
        if changed.rows_affected == 0 {
            return Err(ActionError::Refused("desk-item-handled"));
        }
        timeline::record(
            db,
            Subject::Proposal(id),
            Event::new(
                EventKind::PutOnAgenda,
                ActorRole::CouncilSecretary,
                Some(secretary),
            )
            .note(format!("{}", m.meets_on.format("%d.%m.%Y"))),
            now,
        )
        .await?;
    }
    let last: Option<i32> = agenda_item::Entity::find()
        .select_only()
        .column_as(agenda_item::Column::Position.max(), "last")
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .into_tuple::<Option<i32>>()
        .one(db)
        .await?
        .flatten();
    let row = agenda_item::ActiveModel {
        meeting_id: Set(meeting_id),
        position: Set(last.unwrap_or(0) + 1),
        title: Set(title),
        proposal_id: Set(proposal_id),
        petition_id: Set(petition_id),
        outcome: Set(AgendaOutcome::Pending.as_str().into()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The first day a meeting may be on when its agenda is published on `today`.
///
/// # Errors
/// A database failure.
pub async fn earliest_publishable(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<NaiveDate, ServiceError> {
    let notice = settings(db).await?.agenda_notice_days;
    let calendar = deadlines::calendar(db).await?;
    Ok(calendar.due_date(
        today,
        deadlines::Term {
            amount: notice,
            unit: deadlines::Unit::WorkingDays,
        },
    ))
}

/// The secretary publishes a meeting's agenda: from then on it is public.
///
/// # Errors
/// `Forbidden`; `Refused` for a meeting in the past, one sooner than the notice period, an
/// empty agenda, or one already published.
pub async fn publish(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let m = find(db, meeting_id).await?;
    require_secretary(db, secretary, m.council_id, today).await?;
    if m.meets_on < today {
        return Err(ActionError::Refused("meeting-in-past"));
    }
    if m.meets_on < earliest_publishable(db, today).await? {
        return Err(ActionError::Refused("agenda-too-late"));
    }
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .count(db)
        .await?;
    if items == 0 {
        return Err(ActionError::Refused("agenda-empty"));
    }
    if !transition(
        db,
        meeting_id,
        (MeetingState::Draft, MeetingState::Published),
        meeting::Column::PublishedAt,
        now,
    )
    .await?
    {
        return Err(ActionError::Refused("meeting-not-draft"));
    }
    following::queue(db, m.council_id, CouncilNews::Agenda, meeting_id, now).await?;
    Ok(())
}

/// Moves meeting `id` from one state to the next, stamping `stamp` with `now`. Returns false
/// when it was no longer in the first (another request moved it).
async fn transition(
    db: &impl ConnectionTrait,
    id: i32,
    (from, to): (MeetingState, MeetingState),
    stamp: meeting::Column,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    Ok(meeting::Entity::update_many()
        .col_expr(meeting::Column::State, Expr::value(to.as_str()))
        .col_expr(stamp, Expr::value(now))
        .filter(meeting::Column::Id.eq(id))
        .filter(meeting::Column::State.eq(from.as_str()))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Settles a pending agenda item as `outcome` with `record` (votes, decision). Returns false
/// when it was no longer pending.
async fn settle(
    db: &impl ConnectionTrait,
    item_id: i32,
    outcome: AgendaOutcome,
    record: Vec<(agenda_item::Column, sea_orm::sea_query::SimpleExpr)>,
) -> Result<bool, ServiceError> {
    let mut update = agenda_item::Entity::update_many()
        .col_expr(agenda_item::Column::Outcome, Expr::value(outcome.as_str()));
    for (column, value) in record {
        update = update.col_expr(column, value);
    }
    Ok(update
        .filter(agenda_item::Column::Id.eq(item_id))
        .filter(agenda_item::Column::Outcome.eq(AgendaOutcome::Pending.as_str()))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// A published meeting whose day has come, for the secretary's records after it.
async fn held(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    today: NaiveDate,
) -> Result<meeting::Model, ActionError> {
    let m = find(db, meeting_id).await?;
    require_secretary(db, secretary, m.council_id, today).await?;
    match state_of(&m)? {
        MeetingState::Draft => Err(ActionError::Refused("meeting-not-published")),
        MeetingState::Closed => Err(ActionError::Refused("meeting-closed")),
        MeetingState::Published if m.meets_on > today => {
            Err(ActionError::Refused("meeting-not-yet"))
        }
        MeetingState::Published => Ok(m),
    }
}

/// The secretary records who came: voting members of the council on the meeting's day.
/// Replaces what was recorded before; refused once an item is decided.
///
/// # Errors
/// `Forbidden`; `Invalid` for anyone who is not a voting member on the day; `Refused` before
/// the day, for a draft or closed meeting, or after a decision.
pub async fn record_attendance(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    present: &[i32],
    today: NaiveDate,
) -> Result<(), ActionError> {
    let m = held(db, secretary, meeting_id, today).await?;
    let decided = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .filter(agenda_item::Column::Outcome.eq(AgendaOutcome::Decided.as_str()))
        .count(db)
        .await?;
    if decided > 0 {
        return Err(ActionError::Refused("attendance-after-decisions"));
    }
    let voting: Vec<i32> = members::voting_on(db, m.council_id, m.meets_on)
        .await?
        .iter()
        .map(|v| v.id)
        .collect();
    if present.iter().any(|id| !voting.contains(id)) {
        return Err(invalid("present", "attendance-not-voting-member"));
    }
    meeting_attendance::Entity::delete_many()
        .filter(meeting_attendance::Column::MeetingId.eq(meeting_id))
        .exec(db)
        .await?;
    let mut ids = present.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        meeting_attendance::Entity::insert_many(ids.into_iter().map(|member_id| {
            meeting_attendance::ActiveModel {
                meeting_id: Set(meeting_id),
                member_id: Set(member_id),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Present voting members and the quorum of a meeting.
///
/// # Errors
/// A database failure.
pub async fn presence(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
) -> Result<(u32, u32), ServiceError> {
    let voting = members::voting_on(db, m.council_id, m.meets_on).await?;
    let present = meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.eq(m.id))
        .all(db)
        .await?
        .iter()
        .filter(|a| voting.iter().any(|v| v.id == a.member_id))
        .count();
    let quorum = settings(db)
        .await?
        .quorum_of(u32::try_from(voting.len()).unwrap_or(u32::MAX));
    Ok((u32::try_from(present).unwrap_or(u32::MAX), quorum))
}

async fn pending_item(
    db: &impl ConnectionTrait,
    secretary: i32,
    item_id: i32,
    today: NaiveDate,
) -> Result<(agenda_item::Model, meeting::Model), ActionError> {
    let item = agenda_item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let m = held(db, secretary, item.meeting_id, today).await?;
    if item.outcome != AgendaOutcome::Pending.as_str() {
        return Err(ActionError::Refused("agenda-item-decided"));
    }
    Ok((item, m))
}

/// The secretary records the council's decision on an agenda item. With a recommendation, a
/// case opens at the council's body; an item taking up a proposal answers the proposal.
/// Returns the recommendation's id, if one was made.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty text or votes adding up to more than those present;
/// `Refused` without a quorum, before the day, or for an item already decided.
pub async fn decide(
    db: &impl ConnectionTrait,
    secretary: i32,
    item_id: i32,
    form: &DecisionForm,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Option<i32>, ActionError> {
    let (item, m) = pending_item(db, secretary, item_id, today).await?;
    let (present, quorum) = presence(db, &m).await?;
    if present < quorum {
        return Err(ActionError::Refused("quorum-not-met"));
    }
    let votes =
        u64::from(form.votes_for) + u64::from(form.votes_against) + u64::from(form.votes_abstained);
    if votes > u64::from(present) {
        return Err(invalid("votes_for", "votes-exceed-present"));
    }
    let text = cases::checked_text(
        &form.text,
        "decision",
        MAX_DECISION,
        "decision-empty",
        "decision-long",
    )?;
    let recommendation = form.recommendation.trim();
    if recommendation.chars().count() > MAX_DECISION {
        return Err(invalid("recommendation", "recommendation-long"));
    }
    let to_i32 = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    if !settle(
        db,
        item_id,
        AgendaOutcome::Decided,
        vec![
            (
                agenda_item::Column::VotesFor,
                Expr::value(to_i32(form.votes_for)),
            ),
            (
                agenda_item::Column::VotesAgainst,
                Expr::value(to_i32(form.votes_against)),
            ),
            (
                agenda_item::Column::VotesAbstained,
                Expr::value(to_i32(form.votes_abstained)),
            ),
            (agenda_item::Column::Decision, Expr::value(text.clone())),
            (agenda_item::Column::DecidedAt, Expr::value(now)),
        ],
    )
    .await?
    {
        return Err(ActionError::Refused("agenda-item-decided"));
    }
    let council = by_id(db, m.council_id).await?;
    let mut made = None;
    if !recommendation.is_empty() {
        let body_id = council
            .parent_id
            .ok_or(ActionError::Refused("council-without-body"))?;
        let rec = recommendation::ActiveModel {
            council_id: Set(council.id),
            body_id: Set(body_id),
            agenda_item_id: Set(item_id),
            text: Set(recommendation.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        cases::open(
            db,
            cases::Opening {
                kind: CaseKind::Recommendation,
                origin_id: rec.id,
                body_id,
                forwarded_from: None,
                on: today,
                term_days: None,
            },
            Some(Event::new(
                EventKind::Recommended,
                ActorRole::CouncilSecretary,
                Some(secretary),
            )),
            now,
        )
        .await?;
        following::queue(db, council.id, CouncilNews::Recommendation, rec.id, now).await?;
        made = Some(rec.id);
    }
    if let Some(proposal_id) = item.proposal_id {
        timeline::record(
            db,
            Subject::Proposal(proposal_id),
            Event::new(
                EventKind::Decided,
                ActorRole::CouncilSecretary,
                Some(secretary),
            )
            .note(text.clone()),
            now,
        )
        .await?;
        if let Some(case) = cases::of_origin(db, CaseKind::Proposal, proposal_id).await?
            && case.body_id == council.id
            && cases::state_of(&case)? == CaseState::AwaitingAnswer
        {
            let decision = form.answer.unwrap_or(if made.is_some() {
                AnswerDecision::Accepted
            } else {
                AnswerDecision::PartlyAccepted
            });
            cases::answering::answer_case(
                db,
                (secretary, ActorRole::CouncilSecretary),
                &case,
                decision,
                &text,
                now,
                today,
            )
            .await?;
        }
        proposals::answered(db, proposal_id, AnswerDecision::Accepted).await?;
    }
    Ok(made)
}

/// The secretary defers an agenda item to the next meeting; a proposal it took up goes back
/// to the desk.
///
/// # Errors
/// `Forbidden`; `Refused` before the day or for an item already decided.
pub async fn defer(
    db: &impl ConnectionTrait,
    secretary: i32,
    item_id: i32,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let (item, _) = pending_item(db, secretary, item_id, today).await?;
    if !settle(db, item_id, AgendaOutcome::Deferred, Vec::new()).await? {
        return Err(ActionError::Refused("agenda-item-decided"));
    }
    if let Some(id) = item.proposal_id {
        proposal::Entity::update_many()
            .col_expr(
                proposal::Column::DeskState,
                Expr::value(DeskState::New.as_str()),
            )
            .filter(proposal::Column::Id.eq(id))
            .filter(proposal::Column::DeskState.eq(DeskState::OnAgenda.as_str()))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The secretary writes (or corrects) the minutes of a meeting held.
///
/// # Errors
/// `Forbidden`; `Invalid` for empty or too long minutes; `Refused` before the day or once
/// closed.
pub async fn save_minutes(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    held(db, secretary, meeting_id, today).await?;
    let text = cases::checked_text(
        text,
        "minutes",
        MAX_MINUTES,
        "minutes-empty",
        "minutes-long",
    )?;
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Minutes, Expr::value(text))
        .col_expr(meeting::Column::MinutesAt, Expr::value(now))
        .filter(meeting::Column::Id.eq(meeting_id))
        .filter(meeting::Column::State.eq(MeetingState::Published.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// The secretary closes a meeting: every item decided or deferred, the minutes written.
///
/// # Errors
/// `Forbidden`; `Refused` with undecided items, without minutes, before the day, or when
/// already closed.
pub async fn close(
    db: &impl ConnectionTrait,
    secretary: i32,
    meeting_id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let m = held(db, secretary, meeting_id, today).await?;
    let pending = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .filter(agenda_item::Column::Outcome.eq(AgendaOutcome::Pending.as_str()))
        .count(db)
        .await?;
    if pending > 0 {
        return Err(ActionError::Refused("meeting-undecided-items"));
    }
    if m.minutes.as_deref().is_none_or(str::is_empty) {
        return Err(ActionError::Refused("meeting-no-minutes"));
    }
    if !transition(
        db,
        meeting_id,
        (MeetingState::Published, MeetingState::Closed),
        meeting::Column::ClosedAt,
        now,
    )
    .await?
    {
        return Err(ActionError::Refused("meeting-closed"));
    }
    following::queue(db, m.council_id, CouncilNews::Minutes, meeting_id, now).await?;
    Ok(())
}

/// The longest internal comment.
pub const MAX_COMMENT: usize = 4_000;

/// A member (or the secretary) comments on an agenda item, for the council only.
///
/// # Errors
/// `Forbidden` for anyone who is not on the council that day; `Invalid` for an empty or too
/// long text; `Refused` once the meeting is closed.
pub async fn comment(
    db: &impl ConnectionTrait,
    user: i32,
    item_id: i32,
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let item = agenda_item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let m = find(db, item.meeting_id).await?;
    if !super::is_member(db, user, m.council_id, today).await? {
        return Err(ActionError::Forbidden);
    }
    if state_of(&m)? == MeetingState::Closed {
        return Err(ActionError::Refused("meeting-closed"));
    }
    let text = cases::checked_text(
        text,
        "comment",
        MAX_COMMENT,
        "comment-empty",
        "comment-long",
    )?;
    agenda_comment::ActiveModel {
        agenda_item_id: Set(item_id),
        author_id: Set(user),
        text: Set(text),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A council's meetings, newest first; drafts only when `with_drafts`.
///
/// # Errors
/// A database failure.
pub async fn of_council(
    db: &impl ConnectionTrait,
    council_id: i32,
    with_drafts: bool,
) -> Result<Vec<meeting::Model>, ServiceError> {
    let mut query = meeting::Entity::find()
        .filter(meeting::Column::CouncilId.eq(council_id))
        .order_by_desc(meeting::Column::StartsAt);
    if !with_drafts {
        query = query.filter(meeting::Column::State.ne(MeetingState::Draft.as_str()));
    }
    Ok(query.all(db).await?)
}
