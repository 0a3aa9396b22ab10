//! What a visitor can make grow is bounded or purged: the periodic task ([`run`], started by
//! `server serve`) deletes rate-limit windows that are over, expired sessions, used or expired
//! mailed tokens, and delivered or abandoned mail past its keeping time, and erases the
//! signers' names, addresses and email domains of petitions closed long ago. Every purge is one
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

/// Signature rows erased per statement.
const ANONYMISE_CHUNK: usize = 5_000;

/// Erases what identifies the signers of petitions that closed (answered, closed or rejected)
/// more than `signer_data_retention_months` ago (a platform setting, default 6): the public
/// name, the IP address and the email domain. What counts stays: the account (one signature per
/// person), the IIN fingerprint, the grade, the region and the day, so the counts, the public
/// signature log and every receipt keep working. Each chunk is its own short statement.
/// Returns how many rows were erased.
///
/// # Errors
/// A database failure.
pub async fn anonymise_signers(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    let months = super::petitions::setting_u64(db, "signer_data_retention_months")
        .await?
        .unwrap_or(6);
    // A period longer than the calendar reaches keeps everything.
    let Some(cutoff) = u32::try_from(months)
        .ok()
        .and_then(|m| now.checked_sub_months(chrono::Months::new(m)))
    else {
        return Ok(0);
    };
    let backend = db.get_database_backend();
    let p = |n| crate::server::db::placeholder(backend, n);
    let petitions = db
        .query_all_raw(sea_orm::Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT p.id FROM petitions p WHERE ((p.status = 'answered' AND p.answered_at < {}) \
                 OR (p.status = 'closed' AND p.closed_at < {}) OR (p.status = 'rejected' AND p.rejected_at < {})) \
                 AND EXISTS (SELECT 1 FROM signatures s WHERE s.petition_id = p.id AND (s.ip <> '' OR s.email_domain <> '' OR s.public_name <> ''))",
                p(1),
                p(2),
                p(3)
            ),
            [cutoff.into(), cutoff.into(), cutoff.into()],
        ))
        .await?;
    let mut erased = 0;
    for row in petitions {
        let petition_id: i32 = row.try_get("", "id")?;
        loop {
            let done = db
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    backend,
                    format!(
                        "UPDATE signatures SET public_name = '', ip = '', email_domain = '', show_name = FALSE \
                         WHERE id IN (SELECT id FROM signatures WHERE petition_id = {} \
                         AND (ip <> '' OR email_domain <> '' OR public_name <> '') LIMIT {ANONYMISE_CHUNK})",
                        p(1)
                    ),
                    [petition_id.into()],
                ))
                .await?
                .rows_affected();
            erased += done;
            if done < ANONYMISE_CHUNK as u64 {
                break;
            }
        }
    }
    Ok(erased)
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
        match anonymise_signers(&db, Utc::now()).await {
            Ok(0) => {}
            Ok(rows) => tracing::info!(rows, "signers of petitions closed long ago anonymised"),
            Err(error) => tracing::warn!(%error, "anonymising signers failed"),
        }
    }
}
