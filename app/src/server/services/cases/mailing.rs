//! Mailing a case's news (answered, updated, clarification asked) to the origin's author and,
//! for answers and updates, the followers who asked (a petition's signers who ticked "tell me
//! the answer"). The news is queued in the transaction that made it (`case_mailings`); the mail
//! is then rendered and queued a chunk of recipients per transaction, each chunk moving the
//! mailing's cursor with its mail: a crash loses none, two processes queue none twice, and a
//! petition with a hundred thousand signers never holds the write lock for long.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, Statement,
};

use super::super::{ServiceError, accounts::PublicUrl};
use super::{kind_of, origin};
use crate::i18n::Locale;
use crate::server::db::{begin_write, placeholder};
use crate::server::entities::{case, case_mailing};
use crate::server::mail::{self, MailKind};

/// What happened to a case that people are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum News {
    /// The body answered.
    Answered,
    /// A follow-up answer or an implementation update.
    Updated,
    /// The body asks the author for clarification (the author only).
    Clarification,
}

impl News {
    fn as_str(self) -> &'static str {
        match self {
            News::Answered => "answered",
            News::Updated => "updated",
            News::Clarification => "clarification",
        }
    }

    fn parse(text: &str) -> Option<News> {
        [News::Answered, News::Updated, News::Clarification]
            .into_iter()
            .find(|n| n.as_str() == text)
    }
}

/// Queues a case's news for mailing, in the caller's transaction.
///
/// # Errors
/// A database failure.
pub async fn queue(
    db: &impl ConnectionTrait,
    case_id: i32,
    news: News,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    case_mailing::ActiveModel {
        case_id: Set(case_id),
        news: Set(news.as_str().into()),
        after_user_id: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Moves the cursor of mailing `id` in `table` (`case_mailings`, `council_mailings`) from
/// `from` to `to`, and marks it done when `done`; false when another process moved it first.
///
/// # Errors
/// A database failure.
pub(crate) async fn advance(
    db: &impl ConnectionTrait,
    table: &'static str,
    (id, from): (i32, i32),
    to: i32,
    done: bool,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let backend = db.get_database_backend();
    let p = |n| placeholder(backend, n);
    let (sql, mut values): (String, Vec<sea_orm::Value>) = if done {
        (
            format!(
                "UPDATE {table} SET after_user_id = {}, done_at = {} \
                 WHERE id = {} AND after_user_id = {} AND done_at IS NULL",
                p(1),
                p(2),
                p(3),
                p(4)
            ),
            vec![to.into(), now.into()],
        )
    } else {
        (
            format!(
                "UPDATE {table} SET after_user_id = {} \
                 WHERE id = {} AND after_user_id = {} AND done_at IS NULL",
                p(1),
                p(2),
                p(3)
            ),
            vec![to.into()],
        )
    };
    values.extend([id.into(), from.into()]);
    Ok(db
        .execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?
        .rows_affected()
        == 1)
}

/// Recipients rendered per transaction.
const CHUNK: u64 = 500;

/// Renders and queues the mail of one mailing, a chunk per transaction. Returns the mails
/// queued.
///
/// # Errors
/// A database failure (the chunks before it stay queued; the sweep resumes the rest).
pub async fn send(
    db: &DatabaseConnection,
    mailing_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let mut queued = 0;
    loop {
        let (_turn, txn) = begin_write(db).await?;
        let Some(m) = case_mailing::Entity::find_by_id(mailing_id)
            .one(&txn)
            .await?
        else {
            return Ok(queued);
        };
        if m.done_at.is_some() {
            return Ok(queued);
        }
        let news = News::parse(&m.news)
            .ok_or_else(|| ServiceError::Corrupt(format!("case news {}", m.news)))?;
        let c = case::Entity::find_by_id(m.case_id)
            .one(&txn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let kind = kind_of(&c)?;
        let title = origin::title(&txn, kind, c.origin_id).await?;
        let author = origin::author(&txn, kind, c.origin_id).await?.unwrap_or(0);
        let backend = txn.get_database_backend();
        let followers = match news {
            News::Clarification => None,
            News::Answered | News::Updated => origin::followers_sql(kind, &placeholder(backend, 3)),
        };
        let mut values: Vec<sea_orm::Value> = vec![m.after_user_id.into(), author.into()];
        let who = match &followers {
            Some(sql) => {
                values.push(c.origin_id.into());
                format!("(u.id = {} OR u.id IN ({sql}))", placeholder(backend, 2))
            }
            None => format!("u.id = {}", placeholder(backend, 2)),
        };
        let recipients = txn
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT u.id, u.email, u.display_name, u.language FROM users u \
                     WHERE u.deleted_at IS NULL AND u.id > {p1} AND {who} ORDER BY u.id LIMIT {CHUNK}",
                    p1 = placeholder(backend, 1),
                ),
                values,
            ))
            .await?;
        let mut last = m.after_user_id;
        for row in &recipients {
            let id: i32 = row.try_get("", "id")?;
            let email: String = row.try_get("", "email")?;
            let name: String = row.try_get("", "display_name")?;
            let language: String = row.try_get("", "language")?;
            let locale = Locale::from_code(&language).unwrap_or_default();
            let case_link = format!("{}/{}/cases/{}", public_url.0, locale.code(), c.id);
            let kind_of_mail = match news {
                News::Answered => MailKind::PetitionAnswered {
                    title: title.clone(),
                    link: format!(
                        "{}/{}{}",
                        public_url.0,
                        locale.code(),
                        origin::path(kind, c.origin_id)
                    ),
                },
                News::Updated => MailKind::CaseUpdated {
                    title: title.clone(),
                    link: case_link,
                },
                News::Clarification => MailKind::ClarificationAsked {
                    title: title.clone(),
                    link: case_link,
                },
            };
            mail::enqueue(&txn, Some(id), &email, locale, &name, &kind_of_mail, now).await?;
            last = id;
        }
        let done = recipients.len() < usize::try_from(CHUNK).unwrap_or(usize::MAX);
        let moved = advance(
            &txn,
            "case_mailings",
            (mailing_id, m.after_user_id),
            last,
            done,
            now,
        )
        .await?;
        if !moved {
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

/// Sends every mailing of a case still pending. Returns the mails queued.
///
/// # Errors
/// A database failure.
pub async fn send_case(
    db: &DatabaseConnection,
    case_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let pending = case_mailing::Entity::find()
        .filter(case_mailing::Column::CaseId.eq(case_id))
        .filter(case_mailing::Column::DoneAt.is_null())
        .order_by_asc(case_mailing::Column::Id)
        .all(db)
        .await?;
    let mut queued = 0;
    for m in pending {
        queued += send(db, m.id, public_url, now).await?;
    }
    Ok(queued)
}

/// Sends whatever mailings are left (after a crash between a change and its mail).
///
/// # Errors
/// A database failure.
pub async fn send_pending(
    db: &DatabaseConnection,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let pending = case_mailing::Entity::find()
        .filter(case_mailing::Column::DoneAt.is_null())
        .order_by_asc(case_mailing::Column::Id)
        .all(db)
        .await?;
    let mut queued = 0;
    for m in pending {
        queued += send(db, m.id, public_url, now).await?;
    }
    Ok(queued)
}
