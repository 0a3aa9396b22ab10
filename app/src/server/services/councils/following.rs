//! Following a council: a signed-in person hears its new agendas, minutes and recommendations
//! by mail, in their language. The news is queued in the transaction that made it
//! (`council_mailings`) and mailed a chunk of followers per transaction afterwards. Every such mail carries a link that unsubscribes in one click
//! (a random token per follow, so the link needs no sign-in and names nobody).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::OnConflict,
};

use super::super::{ServiceError, accounts::PublicUrl, sessions::random_token};
use crate::i18n::Locale;
use crate::server::db::begin_write;
use crate::server::entities::{body, council_follow, council_mailing, user};
use crate::server::mail::{self, CouncilNews, MailKind};

/// `user` follows the council (again: nothing changes).
///
/// # Errors
/// A database failure.
pub async fn follow(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    council_follow::Entity::insert(council_follow::ActiveModel {
        council_id: Set(council_id),
        user_id: Set(user),
        token: Set(random_token()),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            council_follow::Column::CouncilId,
            council_follow::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// `user` stops following the council.
///
/// # Errors
/// A database failure.
pub async fn unfollow(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
) -> Result<(), ServiceError> {
    council_follow::Entity::delete_many()
        .filter(council_follow::Column::CouncilId.eq(council_id))
        .filter(council_follow::Column::UserId.eq(user))
        .exec(db)
        .await?;
    Ok(())
}

/// The council a mail's unsubscribe token follows, if the token is still in force.
///
/// # Errors
/// A database failure.
pub async fn council_of_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<body::Model>, ServiceError> {
    let Some(f) = council_follow::Entity::find()
        .filter(council_follow::Column::Token.eq(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(body::Entity::find_by_id(f.council_id).one(db).await?)
}

/// Unsubscribes by a mail's token. Returns whether a follow ended.
///
/// # Errors
/// A database failure.
pub async fn unfollow_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<bool, ServiceError> {
    let gone = council_follow::Entity::delete_many()
        .filter(council_follow::Column::Token.eq(token))
        .exec(db)
        .await?;
    Ok(gone.rows_affected > 0)
}

/// Whether `user` follows the council.
///
/// # Errors
/// A database failure.
pub async fn follows(
    db: &impl ConnectionTrait,
    user: i32,
    council_id: i32,
) -> Result<bool, ServiceError> {
    Ok(council_follow::Entity::find_by_id((council_id, user))
        .one(db)
        .await?
        .is_some())
}

/// Recipients rendered per transaction.
pub const CHUNK: u64 = 500;

fn news_str(news: CouncilNews) -> &'static str {
    match news {
        CouncilNews::Agenda => "agenda",
        CouncilNews::Minutes => "minutes",
        CouncilNews::Recommendation => "recommendation",
    }
}

fn news_parse(text: &str) -> Option<CouncilNews> {
    [
        CouncilNews::Agenda,
        CouncilNews::Minutes,
        CouncilNews::Recommendation,
    ]
    .into_iter()
    .find(|n| news_str(*n) == text)
}

/// Queues a council's news for its followers, in the transaction that made it: an agenda or
/// minutes published (`subject_id` the meeting), a recommendation made (its id). The mail is
/// rendered later, a chunk of followers at a time ([`send`]).
///
/// # Errors
/// A database failure.
pub async fn queue(
    db: &impl ConnectionTrait,
    council_id: i32,
    news: CouncilNews,
    subject_id: i32,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    council_mailing::ActiveModel {
        council_id: Set(council_id),
        news: Set(news_str(news).into()),
        subject_id: Set(subject_id),
        after_user_id: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// What a mailing tells: the title in the mail and the page (without the language).
async fn subject(
    db: &impl ConnectionTrait,
    news: CouncilNews,
    subject_id: i32,
) -> Result<(String, String), ServiceError> {
    use crate::server::entities::{agenda_item, meeting, recommendation};
    Ok(match news {
        CouncilNews::Agenda | CouncilNews::Minutes => {
            let m = meeting::Entity::find_by_id(subject_id)
                .one(db)
                .await?
                .ok_or(ServiceError::NotFound)?;
            (
                crate::i18n::format_date(m.meets_on),
                format!("/meetings/{subject_id}"),
            )
        }
        CouncilNews::Recommendation => {
            let r = recommendation::Entity::find_by_id(subject_id)
                .one(db)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let title = agenda_item::Entity::find_by_id(r.agenda_item_id)
                .one(db)
                .await?
                .map(|i| i.title)
                .unwrap_or_default();
            (title, format!("/recommendations/{subject_id}"))
        }
    })
}

/// Renders and queues the mail of one mailing to the council's followers with a confirmed
/// address, `chunk` followers per transaction, each chunk moving the mailing's cursor with its
/// mail: a crash loses none, two processes queue none twice, and a council with tens of
/// thousands of followers never holds the write lock for long. Returns the mails queued.
///
/// # Errors
/// A database failure (the chunks before it stay queued; the sweep resumes the rest).
pub async fn send(
    db: &DatabaseConnection,
    mailing_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
    chunk: u64,
) -> Result<usize, ServiceError> {
    let base = public_url.0.trim_end_matches('/');
    let mut queued = 0;
    loop {
        let (_turn, txn) = begin_write(db).await?;
        let Some(m) = council_mailing::Entity::find_by_id(mailing_id)
            .one(&txn)
            .await?
            .filter(|m| m.done_at.is_none())
        else {
            return Ok(queued);
        };
        let news = news_parse(&m.news)
            .ok_or_else(|| ServiceError::Corrupt(format!("council news {}", m.news)))?;
        let council = super::by_id(&txn, m.council_id).await?;
        let (title, path) = subject(&txn, news, m.subject_id).await?;
        let follows = council_follow::Entity::find()
            .filter(council_follow::Column::CouncilId.eq(m.council_id))
            .filter(council_follow::Column::UserId.gt(m.after_user_id))
            .order_by_asc(council_follow::Column::UserId)
            .limit(chunk)
            .all(&txn)
            .await?;
        let people = user::Entity::find()
            .filter(user::Column::Id.is_in(follows.iter().map(|f| f.user_id)))
            .filter(user::Column::DeletedAt.is_null())
            .filter(user::Column::EmailVerifiedAt.is_not_null())
            .all(&txn)
            .await?;
        let mut sent = 0;
        for f in &follows {
            let Some(person) = people.iter().find(|p| p.id == f.user_id) else {
                continue;
            };
            let locale = Locale::from_code(&person.language).unwrap_or_default();
            let kind = MailKind::CouncilNews {
                what: news,
                council: locale
                    .pick(&council.name_kk, &council.name_ru, &council.name_en)
                    .to_owned(),
                title: title.clone(),
                link: format!("{base}/{}{path}", locale.code()),
                unsubscribe: format!("{base}/{}/unfollow/{}", locale.code(), f.token),
            };
            mail::outbox::enqueue(
                &txn,
                Some(person.id),
                &person.email,
                locale,
                &person.display_name,
                &kind,
                now,
            )
            .await?;
            sent += 1;
        }
        let last = follows.last().map_or(m.after_user_id, |f| f.user_id);
        let done = (follows.len() as u64) < chunk;
        let moved = crate::server::services::cases::mailing::advance(
            &txn,
            "council_mailings",
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
        queued += sent;
        if done {
            return Ok(queued);
        }
    }
}

/// Sends every council mailing still pending, oldest first (right after the change that
/// queued one, and from the sweep after a crash). Returns the mails queued.
///
/// # Errors
/// A database failure.
pub async fn send_pending(
    db: &DatabaseConnection,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let pending = council_mailing::Entity::find()
        .filter(council_mailing::Column::DoneAt.is_null())
        .order_by_asc(council_mailing::Column::Id)
        .all(db)
        .await?;
    let mut queued = 0;
    for m in pending {
        queued += send(db, m.id, public_url, now, CHUNK).await?;
    }
    Ok(queued)
}

/// Sends the pending council mailings right after a change committed; a failure is logged and
/// left to the sweep, since the change itself stands.
pub async fn mail_now(app: &crate::server::AppState) {
    if let Err(error) = send_pending(&app.db, &app.public_url, Utc::now()).await {
        tracing::error!(%error, "queueing council mail failed; the sweep retries");
    }
}
