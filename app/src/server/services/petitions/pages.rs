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
/// for the same page, and a count a second old is as good as new.
#[derive(Clone, Debug, Default)]
pub struct ViewCache(
    std::sync::Arc<
        std::sync::Mutex<std::collections::HashMap<i32, (std::time::Instant, PetitionView)>>,
    >,
);

impl ViewCache {
    /// The cached visitor's view of petition `id`, if it is under a second old.
    pub fn get(&self, id: i32) -> Option<PetitionView> {
        let map = self.0.lock().ok()?;
        map.get(&id)
            .filter(|(at, _)| at.elapsed() < std::time::Duration::from_secs(1))
            .map(|(_, view)| view.clone())
    }

    /// Keeps a visitor's view.
    pub fn put(&self, view: &PetitionView) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() > 10_000 {
                map.clear();
            }
            map.insert(view.id, (std::time::Instant::now(), view.clone()));
        }
    }
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
    let mut actions = ViewerActions {
        is_author,
        is_moderator,
        is_admin,
        ..ViewerActions::default()
    };
    if let Some(v) = viewer {
        let account = user::Entity::find_by_id(v).one(db).await?;
        let verified = account
            .as_ref()
            .is_some_and(|u| u.email_verified_at.is_some());
        actions.signed = signing::has_signed(db, v, id).await?;
        let open = signing::takes_signatures(db, &p, &clocks, today).await?;
        actions.can_sign = open && verified && !actions.signed;
        actions.needs_verification = open && !verified;
        actions.can_withdraw = actions.signed && status.allows_withdrawal();
        actions.can_answer = match live_case {
            Some(c) if c.state == CaseState::AwaitingAnswer.as_str() => {
                roles::holds(db, v, Role::Official, Some(c.body_id), today).await?
            }
            _ => false,
        };
        actions.can_rate = status == PetitionStatus::Answered && verified;
        actions.can_adopt = status.is_public()
            && status != PetitionStatus::Rejected
            && !adopted_by.iter().any(|d| d.id == v)
            && !roles::bodies_of(db, v, Role::Deputy, today)
                .await?
                .is_empty();
        actions.my_rating = match &answered {
            Some(c) => answering::my_rating(db, c.id, v).await?,
            None => None,
        };
    }
    let case_link = match live_case.or(own_cases.last()) {
        Some(c) => crate::server::services::cases::views::link(db, c).await?,
        None => None,
    };
    let queue_position = if is_author {
        moderation::position(db, &p).await?
    } else {
        None
    };
    Ok(PetitionView {
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
        viewer: actions,
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
