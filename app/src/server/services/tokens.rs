//! Single-use tokens sent by mail. The mail carries the token; the database keeps only its
//! SHA-256, an expiry and, once consumed, the time of use. Opening a link only shows a page
//! (`check`); only the confirming POST consumes the token (`consume`), so mail scanners that
//! follow links change nothing.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use super::{ServiceError, sessions::random_token};
use crate::server::entities::account_token;

/// What a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Verify the account's email address.
    VerifyEmail,
    /// Set a new password without the old one.
    ResetPassword,
    /// Confirm a new email address.
    ChangeEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::ChangeEmail => "change_email",
        }
    }

    /// How long a token stays usable.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail | Purpose::ChangeEmail => Duration::hours(48),
            Purpose::ResetPassword => Duration::hours(1),
        }
    }
}

/// Why a token cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// No such token (mistyped, or for another purpose).
    #[error("unknown token")]
    Unknown,
    /// Past its expiry.
    #[error("expired token")]
    Expired,
    /// Already consumed.
    #[error("used token")]
    Used,
}

impl TokenError {
    /// The translation key of the message.
    pub fn message_key(self) -> &'static str {
        match self {
            TokenError::Unknown => "token-unknown",
            TokenError::Expired => "token-expired",
            TokenError::Used => "token-used",
        }
    }
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// Issues a new token for an account; earlier unused tokens of the same purpose stop working.
/// Returns the token to put in the mail.
///
/// # Errors
/// A database failure.
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: Purpose,
    new_email: Option<String>,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::UserId.eq(user_id))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = random_token();
    account_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().into()),
        token_hash: Set(hash(&token)),
        new_email: Set(new_email),
        created_at: Set(now),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
) -> Result<Option<account_token::Model>, ServiceError> {
    Ok(account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(hash(token)))
        .filter(account_token::Column::Purpose.eq(purpose.as_str()))
        .one(db)
        .await?)
}

fn usable(
    found: Option<account_token::Model>,
    now: DateTime<Utc>,
) -> Result<account_token::Model, TokenError> {
    let found = found.ok_or(TokenError::Unknown)?;
    if found.used_at.is_some() {
        Err(TokenError::Used)
    } else if found.expires_at <= now {
        Err(TokenError::Expired)
    } else {
        Ok(found)
    }
}

/// Whether a token could be used now, without using it (for the page a link opens).
///
/// # Errors
/// The `TokenError`, or a database failure.
pub async fn check(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Result<account_token::Model, TokenError>, ServiceError> {
    Ok(usable(find(db, token, purpose).await?, now))
}

/// Consumes a token: of two requests racing with the same token, exactly one succeeds.
///
/// # Errors
/// The `TokenError`, or a database failure.
pub async fn consume(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Result<account_token::Model, TokenError>, ServiceError> {
    let found = match usable(find(db, token, purpose).await?, now) {
        Ok(found) => found,
        Err(error) => return Ok(Err(error)),
    };
    let claimed = account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(found.id))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if claimed.rows_affected == 1 {
        Ok(Ok(found))
    } else {
        Ok(Err(TokenError::Used))
    }
}
