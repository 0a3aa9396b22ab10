//! What a visitor can make grow is bounded or purged: the periodic task ([`run`], started by
//! `server serve`) deletes rate-limit windows that are over, expired sessions, used or expired
//! mailed tokens, and delivered or abandoned mail past its keeping time. Every purge is one
//! `DELETE … WHERE` on an indexed column or a small table, safe to run from several processes
//! at once (a row deleted twice is deleted once).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::ServiceError;
use crate::server::entities::{account_token, outbox_mail, session};

/// The longest rate-limit window (an hour); a window older than this plus a margin is over.
const RATE_LIMIT_KEEP: Duration = Duration::hours(2);
/// Used and expired tokens are kept this long (a person asking "did my link work" can be
/// answered from the log meanwhile).
const TOKEN_KEEP: Duration = Duration::days(7);
/// Delivered or abandoned mail (its body erased at delivery) is listed in the data export for
/// this long, then deleted.
const MAIL_KEEP: Duration = Duration::days(365);

/// How many rows each purge deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// Rate-limit windows that were over.
    pub rate_limits: u64,
    /// Sessions past their expiry.
    pub sessions: u64,
    /// Mailed tokens used or expired more than a week ago.
    pub tokens: u64,
    /// Mail delivered or given up more than a year ago.
    pub mail: u64,
}

/// Runs every purge once.
///
/// # Errors
/// A database failure.
pub async fn purge(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Purged, ServiceError> {
    let window_over = (now - RATE_LIMIT_KEEP).timestamp();
    let rate_limits = db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            format!(
                "DELETE FROM rate_limits WHERE window_start < {}",
                crate::server::db::placeholder(db.get_database_backend(), 1)
            ),
            [window_over.into()],
        ))
        .await?
        .rows_affected();
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?
        .rows_affected;
    let token_cutoff = now - TOKEN_KEEP;
    let tokens = account_token::Entity::delete_many()
        .filter(
            Condition::any()
                .add(account_token::Column::ExpiresAt.lt(token_cutoff))
                .add(account_token::Column::UsedAt.lt(token_cutoff)),
        )
        .exec(db)
        .await?
        .rows_affected;
    let mail_cutoff = now - MAIL_KEEP;
    let mail = outbox_mail::Entity::delete_many()
        .filter(
            Condition::any()
                .add(outbox_mail::Column::SentAt.lt(mail_cutoff))
                .add(outbox_mail::Column::FailedAt.lt(mail_cutoff)),
        )
        .exec(db)
        .await?
        .rows_affected;
    // Abandoned mail keeps no link either.
    outbox_mail::Entity::update_many()
        .col_expr(outbox_mail::Column::BodyText, Expr::value(""))
        .col_expr(outbox_mail::Column::BodyHtml, Expr::value(""))
        .filter(outbox_mail::Column::FailedAt.is_not_null())
        .filter(outbox_mail::Column::BodyText.ne(""))
        .exec(db)
        .await?;
    Ok(Purged {
        rate_limits,
        sessions,
        tokens,
        mail,
    })
}

/// Purges every `period`, logging what went (a failure is logged and tried next time).
pub async fn run(db: sea_orm::DatabaseConnection, period: std::time::Duration) {
    let mut ticker = tokio::time::interval(period);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match purge(&db, Utc::now()).await {
            Ok(purged) if purged != Purged::default() => {
                tracing::info!(?purged, "housekeeping purged old rows");
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "housekeeping failed"),
        }
    }
}
