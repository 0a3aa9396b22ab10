//! The outbox: mail written with the action that causes it, sent by a background task.
//!
//! A sender claims the due rows of a batch by setting a lease (`lease_until`) with one
//! conditional `UPDATE … RETURNING`; only the sender whose update changed a row sends it, so
//! several server processes on one database never send a mail twice. A failed attempt frees the row for a later attempt with
//! exponential back-off; after [`MAX_ATTEMPTS`] the mail is given up and its error kept. A crash
//! while sending leaves a lease that expires, and the mail is tried again (at least once).

use std::{sync::Arc, time::Duration as StdDuration};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityName,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, Query},
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
/// Two writes for the whole batch, whatever its size: one claims every due mail of it and one
/// records every mail sent (a failed attempt is recorded on its own). On SQLite every write
/// waits for the one write lock that signatures also need, so a burst of registrations costs
/// the signers two turns per batch of mail instead of two per mail. A crash between sending and
/// recording sends those mails again once their lease expires (at least once, as before).
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
    if candidates.is_empty() {
        return Ok(0);
    }
    // The claim: a conditional update, so of several senders only one gets each row that is
    // due and unleased; `RETURNING` says which rows this one got.
    let claim = Query::update()
        .table(outbox_mail::Entity.table_ref())
        .value(outbox_mail::Column::LeaseUntil, now + LEASE)
        .value(outbox_mail::Column::LeaseOwner, owner)
        .cond_where(
            Condition::all()
                .add(outbox_mail::Column::Id.is_in(candidates))
                .add(due(now)),
        )
        .returning_col(outbox_mail::Column::Id)
        .to_owned();
    let claimed: Vec<i64> = {
        let _turn = write_turn(db).await;
        db.query_all(&claim)
            .await?
            .iter()
            .map(|row| row.try_get_by_index::<i64>(0))
            .collect::<Result<_, _>>()?
    };
    let mails = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Id.is_in(claimed))
        .order_by_asc(outbox_mail::Column::NextAttemptAt)
        .order_by_asc(outbox_mail::Column::Id)
        .all(db)
        .await?;
    let mut sent = Vec::new();
    for mail in mails {
        let rendered = Rendered {
            subject: mail.subject.clone(),
            text: mail.body_text.clone(),
            html: mail.body_html.clone(),
        };
        match mailer.send(&mail.recipient, &rendered).await {
            Ok(()) => sent.push(mail.id),
            Err(error) => {
                let attempts = mail.attempts + 1;
                tracing::warn!(mail = mail.id, attempts, %error, "mail not sent");
                let mut update: outbox_mail::ActiveModel = mail.into();
                update.attempts = Set(attempts);
                update.lease_until = Set(None);
                update.last_error = Set(Some(error));
                if attempts >= MAX_ATTEMPTS {
                    update.failed_at = Set(Some(now));
                } else {
                    update.next_attempt_at = Set(now + backoff(attempts));
                }
                let _turn = write_turn(db).await;
                update.update(db).await?;
            }
        }
    }
    if !sent.is_empty() {
        // The body may hold a single-use link (verification, reset): once delivered it is
        // nobody's business to keep. Kind, subject and date stay for the export.
        let _turn = write_turn(db).await;
        outbox_mail::Entity::update_many()
            .col_expr(
                outbox_mail::Column::Attempts,
                sea_orm::sea_query::ExprTrait::add(Expr::col(outbox_mail::Column::Attempts), 1),
            )
            .col_expr(
                outbox_mail::Column::LeaseUntil,
                Expr::value(None::<DateTime<Utc>>),
            )
            .col_expr(
                outbox_mail::Column::SentAt,
                Expr::value(Utc::now().max(now)),
            )
            .col_expr(outbox_mail::Column::LastError, Expr::value(None::<String>))
            .col_expr(outbox_mail::Column::BodyText, Expr::value(""))
            .col_expr(outbox_mail::Column::BodyHtml, Expr::value(""))
            .filter(outbox_mail::Column::Id.is_in(sent.clone()))
            .exec(db)
            .await?;
    }
    Ok(sent.len())
}

/// How long the sender, woken by a new mail, waits for more before sending: a mail goes out at
/// most this much later, and 20 registrations a second make about 4 batches, not 20.
pub const GATHER: StdDuration = StdDuration::from_millis(200);

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
            // Woken by the first mail of a burst, the sender waits a moment for the rest, so
            // they go out in one batch (two writes) rather than one by one (two writes each).
            () = wake.0.notified() => tokio::time::sleep(GATHER).await,
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
