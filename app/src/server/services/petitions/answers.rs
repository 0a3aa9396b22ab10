//! The body's answer: the officials' inbox (petitions awaiting their body's answer, overdue
//! first), publishing the answer (the author and the signers who asked are mailed), and
//! citizens' 1–5 ratings of it.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Statement, TransactionTrait,
    sea_query::{Expr, OnConflict},
};

use super::{Clocks, Event, PetitionError, record};
use crate::i18n::Locale;
use crate::model::{ActorRole, AnswerDecision, EventKind, Names, PetitionStatus, PetitionSummary};
use crate::server::db::{lock_for_write, placeholder};
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

/// Publishes the body's answer to a petition under consideration. The mail to the author and
/// every signer who asked is queued afterwards by [`queue_answer_mail`], in short
/// transactions: a petition with a hundred thousand signers must not hold the database's write
/// lock while their mail is rendered.
///
/// # Errors
/// `Invalid` for an empty or over-long text; `Refused` when the petition awaits no answer.
pub async fn publish(
    db: &impl ConnectionTrait,
    official: i32,
    petition_id: i32,
    decision: AnswerDecision,
    text: &str,
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
        .col_expr(petition::Column::AnswerMailAfter, Expr::value(0))
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
    Ok(())
}

/// Recipients of the answer mail queued per transaction.
const MAIL_CHUNK: u64 = 500;

/// Queues the answer mail of a petition, a chunk of recipients per transaction, each chunk
/// moving the cursor (`answer_mail_after`) with its mail: a crash loses none and a second
/// process queues none twice. Returns the mails queued.
///
/// # Errors
/// A database failure (the chunks before it stay queued; the sweep resumes the rest).
pub async fn queue_answer_mail(
    db: &DatabaseConnection,
    petition_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let mut queued = 0;
    loop {
        let txn = db.begin().await?;
        lock_for_write(&txn).await?;
        let Some(p) = petition::Entity::find_by_id(petition_id).one(&txn).await? else {
            return Ok(queued);
        };
        let Some(after) = p.answer_mail_after else {
            return Ok(queued);
        };
        let backend = txn.get_database_backend();
        let recipients = txn
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT u.id, u.email, u.display_name, u.language FROM users u WHERE u.deleted_at IS NULL AND u.id > {p0} AND (u.id = {p1} OR u.id IN \
                     (SELECT s.user_id FROM signatures s WHERE s.petition_id = {p2} AND s.notify_answer AND s.withdrawn_at IS NULL AND s.invalidated_at IS NULL)) \
                     ORDER BY u.id LIMIT {MAIL_CHUNK}",
                    p0 = placeholder(backend, 1),
                    p1 = placeholder(backend, 2),
                    p2 = placeholder(backend, 3),
                ),
                [after.into(), p.author_id.into(), petition_id.into()],
            ))
            .await?;
        let mut last = None;
        for row in &recipients {
            let id: i32 = row.try_get("", "id")?;
            let email: String = row.try_get("", "email")?;
            let name: String = row.try_get("", "display_name")?;
            let language: String = row.try_get("", "language")?;
            let locale = Locale::from_code(&language).unwrap_or_default();
            let link = format!("{}/{}/petitions/{petition_id}", public_url.0, locale.code());
            mail::enqueue(
                &txn,
                Some(id),
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
            last = Some(id);
        }
        let done = recipients.len() < usize::try_from(MAIL_CHUNK).unwrap_or(usize::MAX);
        let moved = petition::Entity::update_many()
            .col_expr(
                petition::Column::AnswerMailAfter,
                Expr::value(if done { None } else { last }),
            )
            .filter(petition::Column::Id.eq(petition_id))
            .filter(petition::Column::AnswerMailAfter.eq(after))
            .exec(&txn)
            .await?
            .rows_affected;
        if moved != 1 {
            // Another process queued this chunk meanwhile: ours is rolled back.
            return Ok(queued);
        }
        txn.commit().await?;
        queued += recipients.len();
        if done {
            return Ok(queued);
        }
    }
}

/// Queues whatever answer mail is left (after a crash between an answer and its mail).
///
/// # Errors
/// A database failure.
pub async fn queue_pending_answer_mail(
    db: &DatabaseConnection,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let pending = petition::Entity::find()
        .filter(petition::Column::AnswerMailAfter.is_not_null())
        .all(db)
        .await?;
    let mut queued = 0;
    for p in pending {
        queued += queue_answer_mail(db, p.id, public_url, now).await?;
    }
    Ok(queued)
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
