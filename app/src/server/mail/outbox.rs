//! The outbox: mail written with the action that causes it, sent by a background task.
//!
//! A sender claims a due row by setting a lease (`lease_until`) with a conditional `UPDATE`;
//! only the sender whose update changed the row sends it, so several server processes on one
//! database never send a mail twice. A failed attempt frees the row for a later attempt with
//! exponential back-off; after [`MAX_ATTEMPTS`] the mail is given up and its error kept. A crash
//! while sending leaves a lease that expires, and the mail is tried again (at least once).

use std::{sync::Arc, time::Duration as StdDuration};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, sea_query::Expr,
};
use tokio::sync::Notify;

use super::{MailKind, Mailer, Rendered, render};
use crate::i18n::Locale;
use crate::server::{db::write_turn, entities::outbox_mail, services::ServiceError};

/// Attempts before a mail is given up.
pub const MAX_ATTEMPTS: i32 = 12;
/// How long a claim lasts: a sender that dies mid-send frees the mail after this.
pub const LEASE: Duration = Duration::minutes(2);

/// The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min, … up to 6 h.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(0);
    let seconds = 30i64.saturating_mul(1i64 << exponent);
    Duration::seconds(seconds.min(6 * 3600))
}

/// Renders a mail in the recipient's language and puts it in the outbox. Call it on the same
/// transaction as the change that causes the mail, so both land or neither does.
///
/// # Errors
/// A database failure.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    account: Option<i32>,
    to: &str,
    locale: Locale,
    name: &str,
    kind: &MailKind,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Rendered {
        subject,
        text,
        html,
    } = render(kind, locale, name);
    outbox_mail::ActiveModel {
        recipient: Set(to.to_owned()),
        user_id: Set(account),
        language: Set(locale.code().to_owned()),
        kind: Set(kind.name().to_owned()),
        subject: Set(subject),
        body_text: Set(text),
        body_html: Set(html),
        created_at: Set(now),
        next_attempt_at: Set(now),
        attempts: Set(0),
        lease_until: Set(None),
        lease_owner: Set(None),
        sent_at: Set(None),
        failed_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

fn due(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(outbox_mail::Column::SentAt.is_null())
        .add(outbox_mail::Column::FailedAt.is_null())
        .add(outbox_mail::Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(outbox_mail::Column::LeaseUntil.is_null())
                .add(outbox_mail::Column::LeaseUntil.lt(now)),
        )
}

/// Sends the mail that is due, up to `batch` of them; returns how many went out.
///
/// # Errors
/// A database failure (a transport failure is recorded on the mail instead).
pub async fn deliver_due(
    db: &DatabaseConnection,
    mailer: &Mailer,
    owner: &str,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<usize, ServiceError> {
    let candidates: Vec<i64> = outbox_mail::Entity::find()
        .select_only()
        .column(outbox_mail::Column::Id)
        .filter(due(now))
        .order_by_asc(outbox_mail::Column::NextAttemptAt)
        .order_by_asc(outbox_mail::Column::Id)
        .limit(batch)
        .into_tuple()
        .all(db)
        .await?;
    let mut sent = 0;
    for id in candidates {
        // The claim: only one sender's update matches a row that is due and unleased.
        let turn = write_turn(db).await;
        let claimed = outbox_mail::Entity::update_many()
            .col_expr(outbox_mail::Column::LeaseUntil, Expr::value(now + LEASE))
            .col_expr(outbox_mail::Column::LeaseOwner, Expr::value(owner))
            .filter(outbox_mail::Column::Id.eq(id))
            .filter(due(now))
            .exec(db)
            .await?;
        drop(turn);
        if claimed.rows_affected != 1 {
            continue;
        }
        let Some(mail) = outbox_mail::Entity::find_by_id(id).one(db).await? else {
            continue;
        };
        let rendered = Rendered {
            subject: mail.subject.clone(),
            text: mail.body_text.clone(),
            html: mail.body_html.clone(),
        };
        let outcome = mailer.send(&mail.recipient, &rendered).await;
        let attempts = mail.attempts + 1;
        let mut update: outbox_mail::ActiveModel = mail.into();
        update.attempts = Set(attempts);
        update.lease_until = Set(None);
        match outcome {
            Ok(()) => {
                update.sent_at = Set(Some(Utc::now().max(now)));
                update.last_error = Set(None);
                // The body may hold a single-use link (verification, reset): once delivered it
                // is nobody's business to keep. Kind, subject and date stay for the export.
                update.body_text = Set(String::new());
                update.body_html = Set(String::new());
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(mail = id, attempts, %error, "mail not sent");
                update.last_error = Set(Some(error));
                if attempts >= MAX_ATTEMPTS {
                    update.failed_at = Set(Some(now));
                } else {
                    update.next_attempt_at = Set(now + backoff(attempts));
                }
            }
        }
        let _turn = write_turn(db).await;
        update.update(db).await?;
    }
    Ok(sent)
}

/// Wakes the sender when a mail is queued, so it goes out at once rather than at the next poll.
#[derive(Clone, Debug, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    /// Tells the sender there is new mail.
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// The background sender: sends what is due, then waits for a wake-up or the poll interval
/// (which also picks up mail queued by other server processes and retries). Runs until the
/// process ends; a restart resumes from the outbox.
pub async fn run(db: DatabaseConnection, mailer: Mailer, wake: Wake, poll: StdDuration) {
    let owner = format!(
        "{}-{}",
        std::process::id(),
        super::super::services::sessions::random_token()
            .get(..8)
            .unwrap_or("x")
    );
    loop {
        match deliver_due(&db, &mailer, &owner, Utc::now(), 50).await {
            Ok(sent) if sent > 0 => tracing::info!(sent, "mail sent"),
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "mail outbox failed"),
        }
        tokio::select! {
            () = wake.0.notified() => {},
            () = tokio::time::sleep(poll) => {},
        }
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use chrono::Duration;

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::seconds(480));
        assert_eq!(backoff(11), Duration::hours(6));
        assert_eq!(backoff(40), Duration::hours(6));
    }
}
