//! Abuse limits shared by every server process: a counter per bucket and fixed window in the
//! database, incremented atomically (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so the limit
//! holds however many processes serve the site.

use chrono::{DateTime, Utc};
use sea_orm::{
    ConnectionTrait,
    sea_query::{Alias, Expr, ExprTrait, OnConflict, Query},
};

use super::ServiceError;

/// A limit: at most `max` hits per `window_seconds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Hits allowed in one window.
    pub max: u32,
    /// The window's length.
    pub window_seconds: i64,
}

/// Log-in attempts from one IP address.
pub const LOGIN_PER_IP: Limit = Limit {
    max: 30,
    window_seconds: 600,
};
/// Log-in attempts for one account (email) from one IP address. Counted per pair, so a
/// stranger's wrong passwords lock out the stranger's address, never the owner's log-in.
pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    max: 10,
    window_seconds: 600,
};
/// Registrations from one IP address.
pub const REGISTER_PER_IP: Limit = Limit {
    max: 10,
    window_seconds: 3600,
};
/// Password-reset requests from one IP address.
pub const RESET_PER_IP: Limit = Limit {
    max: 10,
    window_seconds: 3600,
};
/// Password-reset requests for one email address.
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window_seconds: 3600,
};
/// Verification and confirmation mails asked for by one account (resend, change of email).
pub const MAIL_PER_ACCOUNT: Limit = Limit {
    max: 5,
    window_seconds: 3600,
};
/// Token confirmations (verify, reset, new email) and password checks from one IP address.
pub const CONFIRM_PER_IP: Limit = Limit {
    max: 30,
    window_seconds: 600,
};

/// Bucket names longer than this (bytes) are stored as their SHA-256 (the column holds 300).
const MAX_BUCKET: usize = 120;

/// Counts a hit on `bucket` and tells whether it is within the limit. Hits past the limit are
/// counted too, so hammering does not reopen the window early.
///
/// # Errors
/// A database failure.
pub async fn hit(
    db: &impl ConnectionTrait,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    // A bucket holds what a visitor typed (an email): a long one is kept as its digest, so
    // the column's length is never a question.
    let digest;
    let bucket = if bucket.len() > MAX_BUCKET {
        use sha2::Digest;
        digest = format!(
            "sha256:{}",
            hex::encode(sha2::Sha256::digest(bucket.as_bytes()))
        );
        digest.as_str()
    } else {
        bucket
    };
    let window = std::cmp::max(limit.window_seconds, 1);
    let window_start = now.timestamp().div_euclid(window) * window;
    let table = Alias::new("rate_limits");
    let hits = Alias::new("hits");
    let statement = Query::insert()
        .into_table(table.clone())
        .columns([
            Alias::new("bucket"),
            Alias::new("window_start"),
            hits.clone(),
        ])
        .values_panic([bucket.into(), window_start.into(), 1.into()])
        .on_conflict(
            OnConflict::columns([Alias::new("bucket"), Alias::new("window_start")])
                .value(hits.clone(), Expr::col((table, hits.clone())).add(1))
                .to_owned(),
        )
        .returning_col(hits)
        .to_owned();
    let row = db
        .query_one(&statement)
        .await?
        .ok_or_else(|| ServiceError::Corrupt("rate limit upsert returned no row".into()))?;
    let count: i32 = row.try_get("", "hits")?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX) <= limit.max)
}
