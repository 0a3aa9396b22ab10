//! The body's answer: the officials' inbox (petitions awaiting their body's answer, overdue
//! first), publishing the answer (the author and the signers who asked are mailed), and
//! citizens' 1–5 ratings of it.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement,
    sea_query::{Expr, OnConflict},
};

use super::{Clocks, Event, PetitionError, record};
use crate::i18n::Locale;
use crate::model::{ActorRole, AnswerDecision, EventKind, Names, PetitionStatus, PetitionSummary};
use crate::server::db::placeholder;
use crate::server::entities::{answer_rating, body, petition, user};
use crate::server::mail::{self, MailKind};
use crate::server::services::{ServiceError, accounts::PublicUrl};

/// Petitions awaiting an answer from any of `bodies`, the most overdue first.
///
/// # Errors
/// A database failure.
pub async fn inbox(
    db: &impl ConnectionTrait,
    bodies: &[i32],
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let rows = petition::Entity::find()
        .filter(petition::Column::BodyId.is_in(bodies.iter().copied()))
        .filter(petition::Column::Status.eq(PetitionStatus::UnderConsideration.as_str()))
        .order_by_asc(petition::Column::RegisteredOn)
        .all(db)
        .await?;
    let clocks = Clocks::load(db).await?;
    let mut out = Vec::new();
    for row in rows {
        let addressee = body::Entity::find_by_id(row.body_id)
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let counts = super::counting::counts(db, row.id).await?;
        out.push(PetitionSummary {
            id: row.id,
            title: row.title.clone(),
            status: PetitionStatus::UnderConsideration,
            body: Names {
                kk: addressee.name_kk.clone(),
                ru: addressee.name_ru.clone(),
                en: addressee.name_en.clone(),
            },
            count: counts.email_verified,
            threshold: row.threshold.and_then(|t| u64::try_from(t).ok()),
            clock: clocks.view(&row, &addressee.level, today),
            claimed_by: None,
            submitted_at: row.submitted_at,
        });
    }
    out.sort_by_key(|p| p.clock.as_ref().map(|c| c.due));
    Ok(out)
}

/// Publishes the body's answer to a petition under consideration and queues the mails (in the
/// same transaction as the caller's).
///
/// # Errors
/// `Invalid` for an empty or over-long text; `Refused` when the petition awaits no answer.
pub async fn publish(
    db: &impl ConnectionTrait,
    official: i32,
    petition_id: i32,
    decision: AnswerDecision,
    text: &str,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PetitionError::Invalid {
            field: "text",
            key: "answer-text-empty",
        });
    }
    if text.chars().count() > 20_000 {
        return Err(PetitionError::Invalid {
            field: "text",
            key: "answer-text-long",
        });
    }
    let changed = petition::Entity::update_many()
        .col_expr(
            petition::Column::Status,
            Expr::value(PetitionStatus::Answered.as_str()),
        )
        .col_expr(petition::Column::AnsweredAt, Expr::value(now))
        .col_expr(
            petition::Column::AnswerDecision,
            Expr::value(decision.as_str()),
        )
        .col_expr(petition::Column::AnswerText, Expr::value(text))
        .col_expr(petition::Column::AnsweredById, Expr::value(official))
        .col_expr(petition::Column::UpdatedAt, Expr::value(now))
        .filter(petition::Column::Id.eq(petition_id))
        .filter(petition::Column::Status.eq(PetitionStatus::UnderConsideration.as_str()))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(PetitionError::Refused("answer-not-awaited"));
    }
    record(
        db,
        petition_id,
        Event::new(EventKind::Answered, ActorRole::Official, Some(official)),
        now,
    )
    .await?;
    let p = super::find(db, petition_id).await?;
    let backend = db.get_database_backend();
    let recipients = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT u.email, u.display_name, u.language FROM users u WHERE u.deleted_at IS NULL AND (u.id = {p1} OR u.id IN \
                 (SELECT s.user_id FROM signatures s WHERE s.petition_id = {p2} AND s.notify_answer AND s.withdrawn_at IS NULL AND s.invalidated_at IS NULL))",
                p1 = placeholder(backend, 1),
                p2 = placeholder(backend, 2),
            ),
            [p.author_id.into(), petition_id.into()],
        ))
        .await?;
    for row in recipients {
        let email: String = row.try_get("", "email")?;
        let name: String = row.try_get("", "display_name")?;
        let language: String = row.try_get("", "language")?;
        let locale = Locale::from_code(&language).unwrap_or_default();
        let link = format!("{}/{}/petitions/{petition_id}", public_url.0, locale.code());
        mail::enqueue(
            db,
            &email,
            locale,
            &name,
            &MailKind::PetitionAnswered {
                title: p.title.clone(),
                link,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Rates an answered petition's answer 1–5; rating again replaces one's rating.
///
/// # Errors
/// `Invalid` for a rating outside 1–5; `Refused` when there is no answer yet or the account
/// is not verified.
pub async fn rate(
    db: &impl ConnectionTrait,
    user_id: i32,
    petition_id: i32,
    rating: i32,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let rating = i16::try_from(rating)
        .ok()
        .filter(|r| (1..=5).contains(r))
        .ok_or(PetitionError::Invalid {
            field: "rating",
            key: "rating-invalid",
        })?;
    let p = super::find(db, petition_id).await?;
    if p.status != PetitionStatus::Answered.as_str() {
        return Err(PetitionError::Refused("rating-no-answer"));
    }
    let rater = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(PetitionError::Forbidden)?;
    if rater.email_verified_at.is_none() {
        return Err(PetitionError::Refused("sign-verify-first"));
    }
    answer_rating::Entity::insert(answer_rating::ActiveModel {
        petition_id: sea_orm::Set(petition_id),
        user_id: sea_orm::Set(user_id),
        rating: sea_orm::Set(rating),
        rated_at: sea_orm::Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            answer_rating::Column::PetitionId,
            answer_rating::Column::UserId,
        ])
        .update_columns([
            answer_rating::Column::Rating,
            answer_rating::Column::RatedAt,
        ])
        .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The average rating of an answer and how many rated it.
///
/// # Errors
/// A database failure.
pub async fn rating(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<(Option<f64>, u64), ServiceError> {
    let ratings = answer_rating::Entity::find()
        .filter(answer_rating::Column::PetitionId.eq(petition_id))
        .all(db)
        .await?;
    if ratings.is_empty() {
        return Ok((None, 0));
    }
    let sum: i64 = ratings.iter().map(|r| i64::from(r.rating)).sum();
    let n = ratings.len();
    #[allow(clippy::cast_precision_loss)]
    let average = sum as f64 / n as f64;
    Ok((Some(average), n as u64))
}
