//! Anti-fraud basics: an admin invalidates a petition's signatures in bulk by condition (IP
//! address, email domain, time window). The rows stay (marked invalidated, linked to the
//! invalidation with its reason) and are folded out of the counts, so counts and threshold
//! timestamps follow; the signers are not told.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, Statement, Value};

use super::{Event, PetitionError, record};
use crate::model::{ActorRole, EventKind, RevokeReason};
use crate::server::db::placeholder;
use crate::server::entities::invalidation;

/// Which signatures of a petition to flag; at least one condition is required.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// The IP address they came from.
    pub ip: Option<String>,
    /// The domain of the signers' email addresses.
    pub email_domain: Option<String>,
    /// Signed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Signed before.
    pub to: Option<DateTime<Utc>>,
}

impl Filter {
    fn condition(&self, backend: sea_orm::DbBackend, first: usize) -> (String, Vec<Value>) {
        let mut parts = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        let mut push = |sql: &str, value: Value| {
            parts.push(format!(
                "{sql} {}",
                placeholder(backend, first + values.len())
            ));
            values.push(value);
        };
        if let Some(ip) = &self.ip {
            push("ip =", ip.clone().into());
        }
        if let Some(domain) = &self.email_domain {
            push("email_domain =", domain.to_lowercase().into());
        }
        if let Some(from) = self.from {
            push("created_at >=", from.into());
        }
        if let Some(to) = self.to {
            push("created_at <", to.into());
        }
        (parts.join(" AND "), values)
    }

    fn is_empty(&self) -> bool {
        self.ip.is_none() && self.email_domain.is_none() && self.from.is_none() && self.to.is_none()
    }
}

/// How many valid signatures of the petition the filter matches (the admin's preview).
///
/// # Errors
/// `Invalid` without any condition.
pub async fn matching(
    db: &impl ConnectionTrait,
    petition_id: i32,
    filter: &Filter,
) -> Result<u64, PetitionError> {
    if filter.is_empty() {
        return Err(PetitionError::Invalid {
            field: "ip",
            key: "fraud-filter-empty",
        });
    }
    let backend = db.get_database_backend();
    let (condition, mut values) = filter.condition(backend, 2);
    values.insert(0, petition_id.into());
    let n: i64 = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT COUNT(*) AS n FROM signatures WHERE petition_id = {} AND invalidated_at IS NULL AND withdrawn_at IS NULL AND {condition}",
                placeholder(backend, 1)
            ),
            values,
        ))
        .await?
        .map(|r| r.try_get("", "n"))
        .transpose()?
        .unwrap_or(0);
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Invalidates the petition's signatures the filter matches, on `grounds` (one of
/// [`RevokeReason::GROUNDS`], public in the log and on the moderation record) with `reason` (the
/// admin's note, on the timeline); returns how many. The folding takes them out of the counts.
///
/// # Errors
/// `Invalid` without any condition, with grounds outside the catalogue, or without a reason.
pub async fn invalidate(
    db: &impl ConnectionTrait,
    admin: i32,
    petition_id: i32,
    filter: &Filter,
    grounds: RevokeReason,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, PetitionError> {
    if !RevokeReason::GROUNDS.contains(&grounds) {
        return Err(PetitionError::Invalid {
            field: "grounds",
            key: "fraud-grounds-invalid",
        });
    }
    if filter.is_empty() {
        return Err(PetitionError::Invalid {
            field: "ip",
            key: "fraud-filter-empty",
        });
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(PetitionError::Invalid {
            field: "reason",
            key: "fraud-reason-empty",
        });
    }
    super::find(db, petition_id).await?;
    let created = invalidation::ActiveModel {
        created_by_id: Set(admin),
        created_at: Set(now),
        petition_id: Set(petition_id),
        ip: Set(filter.ip.clone()),
        email_domain: Set(filter.email_domain.clone()),
        from_at: Set(filter.from),
        to_at: Set(filter.to),
        reason: Set(reason.to_owned()),
        grounds: Set(Some(grounds.as_str().to_owned())),
        signatures: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let backend = db.get_database_backend();
    let (condition, mut values) = filter.condition(backend, 4);
    let mut all: Vec<Value> = vec![now.into(), created.id.into(), petition_id.into()];
    all.append(&mut values);
    let n = db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET invalidated_at = {}, invalidation_id = {} \
                 WHERE petition_id = {} AND invalidated_at IS NULL AND {condition}",
                placeholder(backend, 1),
                placeholder(backend, 2),
                placeholder(backend, 3)
            ),
            all,
        ))
        .await?
        .rows_affected();
    let mut row: invalidation::ActiveModel = created.into();
    row.signatures = Set(i64::try_from(n).unwrap_or(i64::MAX));
    row.update(db).await?;
    record(
        db,
        petition_id,
        Event::new(
            EventKind::SignaturesInvalidated,
            ActorRole::Admin,
            Some(admin),
        )
        .note(format!("{n}: {reason}")),
        now,
    )
    .await?;
    Ok(n)
}
