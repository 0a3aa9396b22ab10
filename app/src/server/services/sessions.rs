//! Web sessions: a random token for the browser's cookie, its SHA-256 in the database, a sliding
//! expiry, and ending one session or every session of an account.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use super::ServiceError;
use crate::server::entities::{session, user};

/// How long a session lasts without use.
pub const LIFETIME: Duration = Duration::days(14);

/// The token the browser keeps (never stored on the server).
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

impl SessionToken {
    /// A token from a cookie value.
    pub fn from_cookie(value: &str) -> SessionToken {
        SessionToken(value.to_owned())
    }

    /// The cookie value.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

/// A new random 256-bit value, hex-encoded (session and CSRF tokens).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Starts a session for an account (at log-in: always a new token, so no fixation).
///
/// # Errors
/// A database failure.
pub async fn start(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<SessionToken, ServiceError> {
    let token = SessionToken(random_token());
    session::ActiveModel {
        token_hash: Set(token.hash()),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + LIFETIME),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Starts one session for each account, in batches (fixtures and load tests log thousands in).
///
/// # Errors
/// A database failure.
pub async fn start_many(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<SessionToken>, ServiceError> {
    let tokens: Vec<SessionToken> = user_ids
        .iter()
        .map(|_| SessionToken(random_token()))
        .collect();
    let rows: Vec<session::ActiveModel> = user_ids
        .iter()
        .zip(&tokens)
        .map(|(user_id, token)| session::ActiveModel {
            token_hash: Set(token.hash()),
            user_id: Set(*user_id),
            created_at: Set(now),
            expires_at: Set(now + LIFETIME),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(1_000) {
        session::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(tokens)
}

/// The account a token belongs to, if the session is live; a session used in the second half of
/// its life is extended (sliding expiry). An expired session is removed.
///
/// # Errors
/// A database failure.
pub async fn resume(
    db: &impl ConnectionTrait,
    token: &SessionToken,
    now: DateTime<Utc>,
) -> Result<Option<user::Model>, ServiceError> {
    use sea_orm::{FromQueryResult, Statement};
    // One query for the session and its account: it runs on every request.
    let backend = db.get_database_backend();
    let Some(row) = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT users.*, sessions.id AS session_id, sessions.expires_at AS session_expires_at \
                 FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = {}",
                crate::server::db::placeholder(backend, 1)
            ),
            [token.hash().into()],
        ))
        .await?
    else {
        return Ok(None);
    };
    let session_id: i32 = row.try_get("", "session_id")?;
    let expires_at: DateTime<Utc> = row.try_get("", "session_expires_at")?;
    if expires_at <= now {
        session::Entity::delete_by_id(session_id).exec(db).await?;
        return Ok(None);
    }
    if expires_at - now < LIFETIME / 2 {
        session::Entity::update_many()
            .col_expr(
                session::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(now + LIFETIME),
            )
            .filter(session::Column::Id.eq(session_id))
            .exec(db)
            .await?;
    }
    Ok(Some(user::Model::from_query_result(&row, "")?))
}

/// Ends one session (log out).
///
/// # Errors
/// A database failure.
pub async fn end(db: &impl ConnectionTrait, token: &SessionToken) -> Result<(), ServiceError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account (log out everywhere; after a password change).
///
/// # Errors
/// A database failure.
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, ServiceError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}
