//! Following a council: a signed-in person hears its new agendas, minutes and recommendations
//! by mail, in their language. Every such mail carries a link that unsubscribes in one click
//! (a random token per follow, so the link needs no sign-in and names nobody).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::OnConflict};

use super::super::{ServiceError, accounts::PublicUrl, sessions::random_token};
use crate::i18n::Locale;
use crate::server::entities::{body, council_follow, user};
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

/// Queues the council's news for every follower with a confirmed address, in the caller's
/// transaction: `what` happened, about `title`, on the page at `path` (without the language).
///
/// # Errors
/// A database failure.
pub async fn notify(
    db: &impl ConnectionTrait,
    council: &body::Model,
    what: CouncilNews,
    title: &str,
    path: &str,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let follows = council_follow::Entity::find()
        .filter(council_follow::Column::CouncilId.eq(council.id))
        .all(db)
        .await?;
    if follows.is_empty() {
        return Ok(0);
    }
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(follows.iter().map(|f| f.user_id)))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::EmailVerifiedAt.is_not_null())
        .all(db)
        .await?;
    let base = public_url.0.trim_end_matches('/');
    let mut sent = 0;
    for person in people {
        let Some(token) = follows
            .iter()
            .find(|f| f.user_id == person.id)
            .map(|f| f.token.clone())
        else {
            continue;
        };
        let locale = Locale::from_code(&person.language).unwrap_or_default();
        let kind = MailKind::CouncilNews {
            what,
            council: locale
                .pick(&council.name_kk, &council.name_ru, &council.name_en)
                .to_owned(),
            title: title.to_owned(),
            link: format!("{base}/{}{path}", locale.code()),
            unsubscribe: format!("{base}/{}/unfollow/{token}", locale.code()),
        };
        mail::outbox::enqueue(
            db,
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
    Ok(sent)
}

/// Tells a meeting's council's followers that its agenda or its minutes are published.
///
/// # Errors
/// `NotFound` for an unknown meeting; a database failure.
pub async fn announce_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    what: CouncilNews,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    use crate::server::entities::meeting;
    let m = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let council = super::by_id(db, m.council_id).await?;
    let day = crate::i18n::format_date(m.meets_on);
    notify(
        db,
        &council,
        what,
        &day,
        &format!("/meetings/{meeting_id}"),
        public_url,
        now,
    )
    .await
}

/// Tells a council's followers about a recommendation it made.
///
/// # Errors
/// `NotFound` for an unknown recommendation; a database failure.
pub async fn announce_recommendation(
    db: &impl ConnectionTrait,
    recommendation_id: i32,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    use crate::server::entities::{agenda_item, recommendation};
    let r = recommendation::Entity::find_by_id(recommendation_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let title = agenda_item::Entity::find_by_id(r.agenda_item_id)
        .one(db)
        .await?
        .map(|i| i.title)
        .unwrap_or_default();
    let council = super::by_id(db, r.council_id).await?;
    notify(
        db,
        &council,
        CouncilNews::Recommendation,
        &title,
        &format!("/recommendations/{recommendation_id}"),
        public_url,
        now,
    )
    .await
}
