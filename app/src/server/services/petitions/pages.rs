//! What the petition pages read: one petition with its timeline, counts, clock and what the
//! viewer may do; the public list; an author's petitions and a signer's signatures.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};

use super::{Clocks, PetitionError, counting, moderation, signing, status_of};
use crate::model::{
    AnswerDecision, AnswerView, CaseKind, CaseState, IdentityGrade, Names, PetitionStatus,
    PetitionSummary, PetitionView, Role, ViewerActions,
};
use crate::server::db::placeholder;
use crate::server::entities::{body, petition, rejection_reason, territory, user};
use crate::server::services::cases::{self, answering};
use crate::server::services::timeline::{self, Subject};
use crate::server::services::{ServiceError, bodies, roles};

fn names_of(kk: &str, ru: &str, en: &str) -> Names {
    Names {
        kk: kk.into(),
        ru: ru.into(),
        en: en.into(),
    }
}

/// Visitors' views of petition pages, kept for a second: under a surge every visitor asks
/// for the same page, and a count a second old is as good as new. A signed-in citizen who holds
/// no role and did not write it sees the same page with their own actions ([`as_member`]), so
/// the shared view serves them too (whoever holds a role may act on the petition's state, and
/// must see it as it is after acting).
#[derive(Clone, Debug, Default)]
pub struct ViewCache(
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<i32, (std::time::Instant, Shared)>>>,
);

/// A visitor's view of a petition, with what deciding a reader's own actions needs of it.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The page as a visitor sees it.
    pub view: PetitionView,
    author_id: i32,
    facts: Facts,
}

impl ViewCache {
    /// The cached visitor's view of petition `id`, if it is under a second old.
    pub fn get(&self, id: i32) -> Option<Shared> {
        let map = self.0.lock().ok()?;
        map.get(&id)
            .filter(|(at, _)| at.elapsed() < std::time::Duration::from_secs(1))
            .map(|(_, shared)| shared.clone())
    }

    /// Drops petition `id`'s view, after a change its reader must see at once (a rating, a
    /// withdrawn signature; not a signature, whose count comes with the folding anyway).
    pub fn forget(&self, id: i32) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(&id);
        }
    }

    /// Keeps a visitor's view.
    pub fn put(&self, shared: &Shared) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() > 10_000 {
                map.clear();
            }
            map.insert(shared.view.id, (std::time::Instant::now(), shared.clone()));
        }
    }
}

/// The shared view as `reader` sees it: the same page with their own actions (signed or not,
/// their rating), read afresh. `None` when the page may differ for them beyond that (they
/// wrote it, or hold a role: moderator, administrator, official, deputy…): read it whole with
/// [`view`].
///
/// # Errors
/// A database failure.
pub async fn as_member(
    db: &impl ConnectionTrait,
    shared: Shared,
    reader: &user::Model,
    today: NaiveDate,
) -> Result<Option<PetitionView>, PetitionError> {
    if reader.id == shared.author_id || roles::holds_any(db, reader.id, today).await? {
        return Ok(None);
    }
    let mut view = shared.view;
    view.viewer = actions(
        db,
        reader,
        &view,
        &shared.facts,
        ViewerActions::default(),
        false,
        today,
    )
    .await?;
    Ok(Some(view))
}

/// What a reader's actions depend on besides the page.
#[derive(Clone, Debug)]
struct Facts {
    /// Whether it takes signatures today.
    open: bool,
    /// The body whose officials may answer now (a live case awaiting its answer).
    answering_body: Option<i32>,
    /// The case that answered it (readers rate it).
    answered_case: Option<i32>,
}

/// What `reader` may do on the page `view`, from `start` (which carries the roles already
/// known: author, moderator, administrator); `has_roles` false when they are known to hold
/// none (then nobody's official or deputy grants are looked up).
async fn actions(
    db: &impl ConnectionTrait,
    reader: &user::Model,
    view: &PetitionView,
    facts: &Facts,
    start: ViewerActions,
    has_roles: bool,
    today: NaiveDate,
) -> Result<ViewerActions, ServiceError> {
    let (v, status) = (reader.id, view.status);
    let mut actions = start;
    let verified = reader.email_verified_at.is_some();
    actions.signed = signing::has_signed(db, v, view.id).await?;
    actions.can_sign = facts.open && verified && !actions.signed;
    actions.needs_verification = facts.open && !verified;
    actions.can_withdraw = actions.signed && status.allows_withdrawal();
    actions.can_answer = match facts.answering_body {
        Some(body) if has_roles => roles::holds(db, v, Role::Official, Some(body), today).await?,
        _ => false,
    };
    actions.can_rate = status == PetitionStatus::Answered && verified;
    actions.can_adopt = has_roles
        && status.is_public()
        && status != PetitionStatus::Rejected
        && !view.adopted_by.iter().any(|d| d.id == v)
        && !roles::bodies_of(db, v, Role::Deputy, today)
            .await?
            .is_empty();
    actions.my_rating = match facts.answered_case {
        Some(case) => answering::my_rating(db, case, v).await?,
        None => None,
    };
    Ok(actions)
}

/// One petition as its page shows it to `viewer` (`None` for a visitor). Drafts and petitions
/// in moderation are seen only by their author and moderators.
///
/// # Errors
/// `NotFound` for an unknown petition or one the viewer may not see.
pub async fn view(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<i32>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<PetitionView, PetitionError> {
    Ok(shared_view(db, id, viewer, now, today).await?.view)
}

/// [`view`], with what [`as_member`] needs to reuse it for other readers when `viewer` is
/// `None`.
///
/// # Errors
/// As [`view`].
pub async fn shared_view(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<i32>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Shared, PetitionError> {
    let _ = now;
    let p = super::find(db, id).await?;
    let status = status_of(&p)?;
    let is_author = viewer == Some(p.author_id);
    let is_moderator = match viewer {
        Some(v) => roles::holds(db, v, Role::Moderator, None, today).await?,
        None => false,
    };
    let is_admin = match viewer {
        Some(v) => roles::holds(db, v, Role::Admin, None, today).await?,
        None => false,
    };
    let visible =
        status.is_public() || is_author || (is_moderator && status == PetitionStatus::Moderation);
    if !visible {
        return Err(PetitionError::NotFound);
    }
    let addressee = body::Entity::find_by_id(p.body_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let place = territory::Entity::find_by_id(p.territory_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let author = user::Entity::find_by_id(p.author_id)
        .one(db)
        .await?
        .map(|u| super::public_name(&u.display_name))
        .unwrap_or_default();
    let counts = counting::counts(db, id).await?;
    let clocks = Clocks::load(db).await?;
    let reasons = rejection_reason::Entity::find().all(db).await?;
    let reason_names = |rid: Option<i32>| {
        rid.and_then(|r| reasons.iter().find(|x| x.id == r))
            .map(|r| names_of(&r.name_kk, &r.name_ru, &r.name_en))
    };
    // The petition's own timeline and its cases' (registration, clock, answer) as one.
    let own_cases = cases::all_of_origin(db, CaseKind::Petition, id).await?;
    let mut subjects = vec![Subject::Petition(id)];
    subjects.extend(own_cases.iter().map(|c| Subject::Case(c.id)));
    // Deputies' inquiries based on it, with their cases: one story up to the akimat's answer.
    let inquiries = crate::server::services::inquiries::views::based_on_petition(db, id).await?;
    for i in &inquiries {
        subjects.push(Subject::Inquiry(i.id));
        let their = cases::all_of_origin(db, CaseKind::Inquiry, i.id).await?;
        subjects.extend(their.iter().map(|c| Subject::Case(c.id)));
    }
    let adopted_by = crate::server::services::inquiries::adoption::adopted_by(db, id).await?;
    let timeline = timeline::entries(db, &subjects).await?;
    let live_case = own_cases.iter().rev().find(|c| {
        c.state != CaseState::Forwarded.as_str() && c.state != CaseState::Withdrawn.as_str()
    });
    let answered = super::answers::answered_case(db, id).await?;
    let answer = match &answered {
        Some(c) => match (&c.decision, &c.answer_text, c.answered_at) {
            (Some(decision), Some(text), Some(at)) => {
                let (average_rating, ratings) = answering::rating(db, c.id).await?;
                Some(AnswerView {
                    decision: AnswerDecision::parse(decision)
                        .ok_or_else(|| ServiceError::Corrupt(format!("decision {decision}")))?,
                    text: text.clone(),
                    at,
                    average_rating,
                    ratings,
                })
            }
            _ => None,
        },
        None => None,
    };
    let recent_signers = recent_signers(db, id).await?;
    let regions = super::discovery::signatures_by_region(db, id).await?;
    let by_day =
        super::discovery::signatures_by_day(db, id, status.takes_signatures(), today).await?;
    let facts = Facts {
        open: signing::takes_signatures(db, &p, &clocks, today).await?,
        answering_body: live_case
            .filter(|c| c.state == CaseState::AwaitingAnswer.as_str())
            .map(|c| c.body_id),
        answered_case: answered.as_ref().map(|c| c.id),
    };
    let case_link = match live_case.or(own_cases.last()) {
        Some(c) => crate::server::services::cases::views::link(db, c).await?,
        None => None,
    };
    let queue_position = if is_author {
        moderation::position(db, &p).await?
    } else {
        None
    };
    let mut view = PetitionView {
        id,
        title: p.title.clone(),
        summary: if p.hidden {
            String::new()
        } else {
            p.summary.clone()
        },
        text: if p.hidden {
            String::new()
        } else {
            p.text.clone()
        },
        hidden: p.hidden,
        body: bodies::summary(&addressee)?,
        territory: names_of(&place.name_kk, &place.name_ru, &place.name_en),
        topic: crate::server::services::topics::view_of(db, &p.topic).await?,
        status,
        author,
        threshold: p.threshold.and_then(|t| u64::try_from(t).ok()),
        required_grade: p.required_grade.as_deref().and_then(IdentityGrade::parse),
        initial_support: super::support_needed_of(db, &p).await?,
        counts,
        registration_number: p.registration_number.clone(),
        clock: if status == PetitionStatus::UnderConsideration {
            super::answers::answer_clock(db, id, today).await?
        } else {
            clocks.view(&p, &addressee.level, today)
        },
        case: case_link,
        return_note: if is_author {
            p.return_note.clone()
        } else {
            None
        },
        rejection: reason_names(p.rejection_reason_id),
        answer,
        timeline,
        recent_signers,
        regions,
        by_day,
        site: String::new(),
        queue_position,
        adopted_by,
        inquiries: inquiries.into_iter().map(|i| (i.id, i.title)).collect(),
        viewer: ViewerActions::default(),
    };
    let known = ViewerActions {
        is_author,
        is_moderator,
        is_admin,
        ..ViewerActions::default()
    };
    view.viewer = match viewer {
        Some(v) => match user::Entity::find_by_id(v).one(db).await? {
            Some(reader) => actions(db, &reader, &view, &facts, known, true, today).await?,
            None => known,
        },
        None => known,
    };
    Ok(Shared {
        view,
        author_id: p.author_id,
        facts,
    })
}

/// The last signers who chose to be shown, newest first.
async fn recent_signers(db: &impl ConnectionTrait, id: i32) -> Result<Vec<String>, ServiceError> {
    let backend = db.get_database_backend();
    Ok(db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT public_name FROM signatures WHERE petition_id = {} AND show_name AND withdrawn_at IS NULL \
                 AND invalidated_at IS NULL ORDER BY id DESC LIMIT 10",
                placeholder(backend, 1)
            ),
            [id.into()],
        ))
        .await?
        .iter()
        .filter_map(|r| r.try_get::<String>("", "public_name").ok())
        .collect())
}

pub(super) async fn summaries(
    db: &impl ConnectionTrait,
    rows: Vec<petition::Model>,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let clocks = Clocks::load(db).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let addressee = body::Entity::find_by_id(row.body_id)
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let counts = counting::counts(db, row.id).await?;
        let required = row
            .required_grade
            .as_deref()
            .and_then(IdentityGrade::parse)
            .unwrap_or(IdentityGrade::EmailVerified);
        out.push(PetitionSummary {
            id: row.id,
            title: row.title.clone(),
            status: status_of(&row)?,
            body: names_of(&addressee.name_kk, &addressee.name_ru, &addressee.name_en),
            count: counts.at_least(required),
            threshold: row.threshold.and_then(|t| u64::try_from(t).ok()),
            clock: if row.status == PetitionStatus::UnderConsideration.as_str() {
                super::answers::answer_clock(db, row.id, today).await?
            } else {
                clocks.view(&row, &addressee.level, today)
            },
            claimed_by: None,
            submitted_at: row.submitted_at,
            recent: 0,
        });
    }
    Ok(out)
}

/// An author's petitions, newest first.
///
/// # Errors
/// A database failure.
pub async fn of_author(
    db: &impl ConnectionTrait,
    author: i32,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let rows = petition::Entity::find()
        .filter(petition::Column::AuthorId.eq(author))
        .order_by_desc(petition::Column::Id)
        .all(db)
        .await?;
    summaries(db, rows, today).await
}

/// The petitions a person has signed (active signatures), newest signature first.
///
/// # Errors
/// A database failure.
pub async fn signed_by(
    db: &impl ConnectionTrait,
    signer: i32,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let backend = db.get_database_backend();
    let ids: Vec<i32> = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT petition_id FROM signatures WHERE user_id = {} AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 500",
                placeholder(backend, 1)
            ),
            [signer.into()],
        ))
        .await?
        .iter()
        .filter_map(|r| r.try_get::<i32>("", "petition_id").ok())
        .collect();
    let mut rows = petition::Entity::find()
        .filter(petition::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    rows.sort_by_key(|r| ids.iter().position(|i| *i == r.id));
    summaries(db, rows, today).await
}
