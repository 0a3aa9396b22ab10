//! Counters that survive a surge. A background task folds signature rows whose state the
//! counters have not caught up with (queued in `signature_fold_queue` by the table's triggers:
//! a new row, a withdrawal, a restore, an invalidation) into per-petition counts per grade and per
//! region, in batches, and settles what the new counts mean: enough initial supporters open a
//! petition; crossing the threshold registers it and sends it to the body (the answer clock
//! starts); invalidations that take it back under clear the threshold.
//!
//! Exactly-once folding: the fold holds the `signature_fold` worker lock for its transaction
//! (several processes take turns), reads the queued rows `FOR UPDATE` on PostgreSQL (a
//! withdrawal or invalidation of such a row waits for the fold and queues it again after),
//! adds `valid − counted` for each row to the counts, sets `counted = valid` and takes the rows
//! off the queue — all in one transaction. So the counts always equal the sum of `counted`,
//! which `reconcile` checks against the rows and repairs. The fold's update of a row touches
//! no indexed column, so on PostgreSQL it stays on the row's page (heap-only).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
    Statement, TransactionTrait, Value, sea_query::Expr,
};
use tokio::sync::Notify;

use super::{Event, Steps, record, status_of};
use crate::model::{EventKind, GradeCounts, IdentityGrade, PetitionStatus, RevokeReason};
use crate::server::db::{begin_write, placeholder, placeholders, take_worker_lock};
use crate::server::entities::{petition, petition_count};
use crate::server::services::{ServiceError, signature_log};

const VALID: &str = "CASE WHEN withdrawn_at IS NULL AND invalidated_at IS NULL THEN 1 ELSE 0 END";

/// What one fold did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FoldReport {
    /// Signature rows folded.
    pub rows: usize,
    /// Petitions whose counts changed.
    pub petitions: usize,
}

/// Folds up to `max_rows` queued signature rows into the counts, in one transaction.
///
/// # Errors
/// A database failure; nothing is then changed.
pub async fn fold(
    db: &DatabaseConnection,
    max_rows: u64,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<FoldReport, ServiceError> {
    // Nothing waiting (the usual case between surges): no transaction, no lock taken.
    let backend = db.get_database_backend();
    if db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT signature_id FROM signature_fold_queue ORDER BY signature_id LIMIT 1",
        ))
        .await?
        .is_none()
    {
        return Ok(FoldReport::default());
    }
    let mut steps = Steps::new("dauys_signature_fold_step_seconds");
    let (turn, txn) = begin_write(db).await?;
    take_worker_lock(&txn, "signature_fold", now).await?;
    steps.mark("begin");
    // The queue's first rows, then their signature rows by id (in chunks): one join of the two
    // let PostgreSQL walk the whole signatures table (a merge join along its key, or a hash
    // join over a sequential scan) to find a few thousand rows.
    let queued: Vec<i64> = txn
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "SELECT signature_id FROM signature_fold_queue ORDER BY signature_id LIMIT {max_rows}"
            ),
        ))
        .await?
        .iter()
        .map(|row| row.try_get::<i64>("", "signature_id"))
        .collect::<Result<_, _>>()?;
    let mut rows = Vec::with_capacity(queued.len());
    for chunk in queued.chunks(1_000) {
        rows.extend(read_queued(&txn, chunk).await?);
    }
    if rows.is_empty() {
        txn.rollback().await?;
        return Ok(FoldReport::default());
    }
    steps.mark("read");
    #[allow(clippy::cast_precision_loss)]
    metrics::histogram!("dauys_signature_fold_rows").record(rows.len() as f64);
    let mut grades: BTreeMap<(i32, String), i64> = BTreeMap::new();
    let mut regions: BTreeMap<(i32, i32), i64> = BTreeMap::new();
    let mut hours: BTreeMap<(i32, i64), i64> = BTreeMap::new();
    let mut ids = Vec::with_capacity(rows.len());
    let mut log = LogChanges::default();
    for row in &rows {
        ids.push(row.id);
        let delta = i64::from(row.valid - row.counted);
        *grades
            .entry((row.petition_id, row.grade.clone()))
            .or_default() += delta;
        *regions.entry((row.petition_id, row.region_id)).or_default() += delta;
        *hours
            .entry((row.petition_id, row.signed.timestamp().div_euclid(3600)))
            .or_default() += delta;
        log.note(row);
    }
    add(
        &txn,
        "petition_counts",
        "grade",
        grades
            .iter()
            .map(|((p, grade), d)| (*p, Value::from(grade.clone()), *d)),
    )
    .await?;
    add(
        &txn,
        "petition_region_counts",
        "region_id",
        regions
            .iter()
            .map(|((p, region), d)| (*p, Value::from(*region), *d)),
    )
    .await?;
    add(
        &txn,
        "petition_hour_counts",
        "hour",
        hours
            .iter()
            .map(|((p, hour), d)| (*p, Value::from(*hour), *d)),
    )
    .await?;
    steps.mark("counts");
    // Each row is written once: folded, with its new log index (and a secret for a row from
    // before the log) in the same statement.
    let (indexes, secrets) = log.append(&txn, now).await?;
    steps.mark("log");
    mark_folded(&txn, &ids, &indexes, &secrets).await?;
    steps.mark("rows");
    let changed: BTreeSet<i32> = grades
        .iter()
        .filter(|(_, delta)| **delta != 0)
        .map(|((p, _), _)| *p)
        .collect();
    txn.commit().await?;
    drop(turn);
    steps.mark("commit");
    // Each petition moves on in a transaction of its own, holding no signature row meanwhile
    // (a signature batch holds the petition `FOR SHARE` and may wait on those rows), and only
    // when its new counts call for a move: a surge's petition far from its threshold costs the
    // writers nothing here. Settling is conditional and idempotent; the sweep and the
    // reconciliation settle again.
    for petition_id in &changed {
        if !settling_due(db, *petition_id).await? {
            continue;
        }
        let (_turn, txn) = begin_write(db).await?;
        settle(&txn, *petition_id, now, today).await?;
        txn.commit().await?;
    }
    if !changed.is_empty() {
        steps.mark("settle");
    }
    Ok(FoldReport {
        rows: ids.len(),
        petitions: changed.len(),
    })
}

/// A queued signature row as the fold reads it.
struct Queued {
    id: i64,
    petition_id: i32,
    grade: String,
    region_id: i32,
    /// When it was signed (to the second: the fold needs its hour and its day).
    signed: DateTime<Utc>,
    counted: i32,
    valid: i32,
    log_index: Option<i64>,
    receipt_secret: Option<String>,
    withdrawn: i32,
    invalidation_id: Option<i32>,
    /// The grounds of its invalidation, if it is invalidated.
    grounds: Option<String>,
}

/// The columns of a [`Queued`] row, in its fields' order (`signed` in seconds since the epoch,
/// as `signature_key` computes the hour).
fn queued_columns(backend: DbBackend) -> String {
    let signed = if backend == DbBackend::Postgres {
        "CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT)"
    } else {
        "CAST(strftime('%s', created_at) AS INTEGER)"
    };
    format!(
        "id, petition_id, grade, region_id, {signed}, CAST(counted AS INTEGER), {VALID}, \
         log_index, receipt_secret, CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END, invalidation_id, \
         (SELECT i.grounds FROM invalidations i WHERE i.id = signatures.invalidation_id)"
    )
}

/// One JSON array of a [`Queued`] row's columns.
type QueuedJson = (
    i64,
    i32,
    String,
    i32,
    i64,
    i32,
    i32,
    Option<i64>,
    Option<String>,
    i32,
    Option<i32>,
    Option<String>,
);

/// The signature rows with the ids `chunk`, in id order.
///
/// All of them come back as one row, a JSON array of the rows' columns: the fold reads in the
/// write turn, and on SQLite sqlx hands each row it returns from its connection's thread to the
/// folding's, one wake of a thread on two busy cores for each, about 5 µs a row (2,500 rows were
/// 12 ms of a fold's 50 ms in the turn, while every signer waited). On PostgreSQL the rows are
/// read `FOR UPDATE SKIP LOCKED`: a row a withdrawal, an invalidation or a signature batch is
/// changing right now is left for the next fold, so the fold never waits on them (and never
/// deadlocks).
async fn read_queued(
    txn: &impl ConnectionTrait,
    chunk: &[i64],
) -> Result<Vec<Queued>, ServiceError> {
    let backend = txn.get_database_backend();
    let columns = queued_columns(backend);
    let statement = if backend == DbBackend::Postgres {
        Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT CAST(json_agg(q.r) AS TEXT) FROM (SELECT json_build_array({columns}) AS r \
                 FROM signatures WHERE id = ANY($1::bigint[]) FOR UPDATE SKIP LOCKED) q"
            ),
            [Value::from(chunk.to_vec())],
        )
    } else {
        Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT json_group_array(json_array({columns})) FROM signatures WHERE id IN ({})",
                placeholders(backend, 1, chunk.len())
            ),
            chunk.iter().map(|id| Value::from(*id)),
        )
    };
    let json: Option<String> = txn
        .query_one_raw(statement)
        .await?
        .map(|row| row.try_get_by_index::<Option<String>>(0))
        .transpose()?
        .flatten();
    let parsed: Vec<QueuedJson> = serde_json::from_str(json.as_deref().unwrap_or("[]"))
        .map_err(|e| ServiceError::Corrupt(format!("the folding's read: {e}")))?;
    let mut rows = parsed
        .into_iter()
        .map(|r| {
            Ok(Queued {
                id: r.0,
                petition_id: r.1,
                grade: r.2,
                region_id: r.3,
                signed: DateTime::from_timestamp(r.4, 0).ok_or_else(|| {
                    ServiceError::Corrupt(format!("signature {} has no valid time", r.0))
                })?,
                counted: r.5,
                valid: r.6,
                log_index: r.7,
                receipt_secret: r.8,
                withdrawn: r.9,
                invalidation_id: r.10,
                grounds: r.11,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// What a fold changes in the public signature log: a sign entry for each row that counts from
/// now on (or counted before the log existed), a revoke entry for each logged row that no
/// longer counts. A row's `log_index` is its latest sign entry, kept after a revoke (a receipt
/// still finds it); the entry stands exactly while the row is `counted`. Rows signed before the
/// log existed get their receipt secret here.
#[derive(Default)]
struct LogChanges {
    changes: Vec<signature_log::Change>,
    regions: BTreeSet<i32>,
    region_of: Vec<(usize, i32)>,
    new_secrets: Vec<(i64, String)>,
    /// Rows counted before the log existed that this fold folds.
    from_before: Vec<i64>,
}

impl LogChanges {
    fn note(&mut self, row: &Queued) {
        let Queued {
            id,
            petition_id,
            region_id,
            counted,
            valid,
            log_index,
            ..
        } = *row;
        // Counted and never logged: a row from before the log (whatever becomes of it now, the
        // petition's tally must not wait for it, as it is folded in this transaction).
        if counted == 1 && log_index.is_none() {
            self.from_before.push(id);
        }
        match (valid == 1, counted == 1, log_index) {
            // Counted from now on: not counted before (new, or signed again after a revoke), or
            // counted before the log existed.
            (true, false, _) | (true, true, None) => {
                let secret = match row
                    .receipt_secret
                    .as_deref()
                    .and_then(crate::model::parse_hex32)
                {
                    Some(secret) => secret,
                    None => {
                        let secret = signature_log::new_secret();
                        self.new_secrets.push((id, crate::model::hex32(&secret)));
                        secret
                    }
                };
                self.regions.insert(region_id);
                self.region_of.push((self.changes.len(), region_id));
                self.changes.push(signature_log::Change::Sign {
                    signature_id: id,
                    petition_id,
                    secret,
                    grade: row.grade.clone(),
                    region: String::new(),
                    day: crate::server::services::day_of(row.signed),
                });
            }
            // Counted and logged until now: its sign entry is cancelled.
            (false, true, Some(sign_index)) => {
                let withdrawn = row.withdrawn == 1;
                self.changes.push(signature_log::Change::Revoke {
                    signature_id: id,
                    petition_id,
                    sign_index: u64::try_from(sign_index).unwrap_or_default(),
                    reason: if withdrawn {
                        RevokeReason::Withdrawn
                    } else {
                        RevokeReason::of_invalidation(row.grounds.as_deref())
                    },
                    invalidation: if withdrawn {
                        0
                    } else {
                        row.invalidation_id.unwrap_or_default()
                    },
                });
            }
            _ => {}
        }
    }

    /// Appends the entries; returns each row's new `log_index` and each new secret, for the
    /// fold to write with the rest of the row.
    async fn append(
        mut self,
        txn: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> Result<(HashMap<i64, i64>, HashMap<i64, String>), ServiceError> {
        if self.changes.is_empty() {
            return Ok((HashMap::new(), HashMap::new()));
        }
        let backend = txn.get_database_backend();
        let ids: Vec<i32> = self.regions.iter().copied().collect();
        let mut kato = BTreeMap::new();
        if !ids.is_empty() {
            for row in txn
                .query_all_raw(Statement::from_sql_and_values(
                    backend,
                    format!(
                        "SELECT id, kato FROM territories WHERE id IN ({})",
                        placeholders(backend, 1, ids.len())
                    ),
                    ids.iter().map(|id| Value::from(*id)),
                ))
                .await?
            {
                let id: i32 = row.try_get("", "id")?;
                let code: String = row.try_get("", "kato")?;
                kato.insert(id, code);
            }
        }
        for (at, region_id) in &self.region_of {
            if let Some(signature_log::Change::Sign { region, .. }) = self.changes.get_mut(*at) {
                region.clone_from(kato.get(region_id).ok_or_else(|| {
                    ServiceError::Corrupt(format!("territory {region_id} has no KATO code"))
                })?);
            }
        }
        let logged = signature_log::append(txn, self.changes, &self.from_before, now).await?;
        // A revoke leaves the row's latest sign entry in place.
        let indexes = logged
            .into_iter()
            .filter_map(|(id, index)| index.map(|index| (id, index)))
            .collect();
        Ok((indexes, self.new_secrets.into_iter().collect()))
    }
}

/// Marks the folded rows `counted = valid`, sets the log index and the receipt secret of those
/// that have new ones, and takes the rows off the queue, each row written once: on PostgreSQL
/// one `UPDATE` joined with the new values as arrays and one `DELETE`; on SQLite one `UPDATE`
/// and one `DELETE` per 500 rows (`CASE id WHEN … THEN … ELSE <column> END` for the columns
/// that change).
async fn mark_folded(
    txn: &impl ConnectionTrait,
    ids: &[i64],
    indexes: &HashMap<i64, i64>,
    secrets: &HashMap<i64, String>,
) -> Result<(), sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    if backend == DbBackend::Postgres {
        // The rows' new values as arrays, joined by id: the `CASE id WHEN …` of a statement of
        // 1,500 parameters took PostgreSQL longer to parse and plan than to update the rows. An
        // array's elements cannot be NULL here: -1 and '' keep the row's own value.
        let new_indexes: Vec<i64> = ids
            .iter()
            .map(|id| indexes.get(id).copied().unwrap_or(-1))
            .collect();
        let new_secrets: Vec<String> = ids
            .iter()
            .map(|id| secrets.get(id).cloned().unwrap_or_default())
            .collect();
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET counted = {VALID}, \
                 log_index = CASE WHEN f.log_index = -1 THEN signatures.log_index ELSE f.log_index END, \
                 receipt_secret = CASE WHEN f.secret = '' THEN signatures.receipt_secret ELSE f.secret END \
                 FROM UNNEST($1::bigint[], $2::bigint[], $3::text[]) AS f (id, log_index, secret) \
                 WHERE signatures.id = f.id"
            ),
            [
                Value::from(ids.to_vec()),
                Value::from(new_indexes),
                Value::from(new_secrets),
            ],
        ))
        .await?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            "DELETE FROM signature_fold_queue WHERE signature_id = ANY($1::bigint[])",
            [Value::from(ids.to_vec())],
        ))
        .await?;
        return Ok(());
    }
    for chunk in ids.chunks(500) {
        let mut params = Vec::new();
        let mut set = format!("counted = {VALID}");
        for (column, values) in [
            (
                "log_index",
                chunk
                    .iter()
                    .filter_map(|id| indexes.get(id).map(|i| (*id, Value::from(*i))))
                    .collect::<Vec<_>>(),
            ),
            (
                "receipt_secret",
                chunk
                    .iter()
                    .filter_map(|id| secrets.get(id).map(|s| (*id, Value::from(s.clone()))))
                    .collect(),
            ),
        ] {
            if values.is_empty() {
                continue;
            }
            set.push_str(&format!(", {column} = CASE id"));
            for (id, value) in values {
                set.push_str(&format!(
                    " WHEN {} THEN {}",
                    placeholder(backend, params.len() + 1),
                    placeholder(backend, params.len() + 2)
                ));
                params.push(Value::from(id));
                params.push(value);
            }
            set.push_str(&format!(" ELSE {column} END"));
        }
        let first = params.len() + 1;
        params.extend(chunk.iter().map(|id| Value::from(*id)));
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET {set} WHERE id IN ({})",
                placeholders(backend, first, chunk.len())
            ),
            params,
        ))
        .await?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "DELETE FROM signature_fold_queue WHERE signature_id IN ({})",
                placeholders(backend, 1, chunk.len())
            ),
            chunk.iter().map(|id| Value::from(*id)),
        ))
        .await?;
    }
    Ok(())
}

/// Adds each `(petition, key, delta)` to its counter row (never below zero): the rows that grow
/// in one multi-row upsert (a row is created when missing), each that shrinks in an `UPDATE` of
/// its own (withdrawals are few; a missing row there is drift, which the reconciliation
/// repairs, so nothing is inserted for it).
async fn add(
    txn: &impl ConnectionTrait,
    table: &str,
    key: &str,
    deltas: impl Iterator<Item = (i32, Value, i64)>,
) -> Result<(), sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let p = |n| placeholder(backend, n);
    let (grow, shrink): (Vec<_>, Vec<_>) = deltas
        .filter(|(_, _, d)| *d != 0)
        .partition(|(_, _, d)| *d > 0);
    // 300 rows (900 values) a statement, well within either database's limit on parameters.
    for chunk in grow.chunks(300) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|i| format!("({})", placeholders(backend, 3 * i + 1, 3)))
            .collect();
        let values = chunk
            .iter()
            .flat_map(|(petition_id, key_value, delta)| {
                [
                    Value::from(*petition_id),
                    key_value.clone(),
                    Value::from(*delta),
                ]
            })
            .collect::<Vec<_>>();
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "INSERT INTO {table} (petition_id, {key}, count) VALUES {} \
                 ON CONFLICT (petition_id, {key}) DO UPDATE SET count = {table}.count + excluded.count",
                tuples.join(", ")
            ),
            values,
        ))
        .await?;
    }
    for (petition_id, key_value, delta) in shrink {
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE {table} SET count = CASE WHEN count + {} < 0 THEN 0 ELSE count + {} END WHERE petition_id = {} AND {key} = {}",
                p(1),
                p(2),
                p(3),
                p(4)
            ),
            [delta.into(), delta.into(), petition_id.into(), key_value],
        ))
        .await?;
    }
    Ok(())
}

/// A petition's counts per grade (each grade counting signers with at least that grade).
///
/// # Errors
/// A database failure.
pub async fn counts(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<GradeCounts, ServiceError> {
    let rows = petition_count::Entity::find()
        .filter(petition_count::Column::PetitionId.eq(petition_id))
        .all(db)
        .await?;
    let of = |grade: IdentityGrade| -> u64 {
        rows.iter()
            .filter(|r| r.grade == grade.as_str())
            .map(|r| u64::try_from(r.count).unwrap_or(0))
            .sum()
    };
    let digital = of(IdentityGrade::DigitalSignature);
    let iin = of(IdentityGrade::IinChecked) + digital;
    Ok(GradeCounts {
        email_verified: of(IdentityGrade::EmailVerified) + iin,
        iin_checked: iin,
        digital_signature: digital,
    })
}

/// A petition's count in the grade its threshold asks for, and the threshold (none: never).
fn standing(p: &petition::Model, counts: &GradeCounts) -> (u64, u64) {
    let required = p
        .required_grade
        .as_deref()
        .and_then(IdentityGrade::parse)
        .unwrap_or(IdentityGrade::EmailVerified);
    let threshold = p
        .threshold
        .and_then(|t| u64::try_from(t).ok())
        .unwrap_or(u64::MAX);
    (counts.at_least(required), threshold)
}

/// Whether a petition's counts, as they are now, call for one of [`settle`]'s moves. Read
/// without the write lock: the fold asks this of every petition it changed, and takes the lock
/// to settle only the few at a boundary (`settle` checks again under the lock).
///
/// # Errors
/// A database failure.
async fn settling_due(db: &impl ConnectionTrait, petition_id: i32) -> Result<bool, ServiceError> {
    let Some(p) = petition::Entity::find_by_id(petition_id).one(db).await? else {
        return Ok(false);
    };
    let counts = counts(db, petition_id).await?;
    let (counted, threshold) = standing(&p, &counts);
    Ok(match status_of(&p)? {
        PetitionStatus::Gathering => {
            counts.email_verified >= super::support_needed_of(db, &p).await?
        }
        PetitionStatus::Open => counted >= threshold,
        PetitionStatus::UnderConsideration => counted < threshold,
        _ => false,
    })
}

/// Moves a petition on after its counts changed: opens it on enough initial supporters,
/// registers it on crossing its threshold, takes it back to open when invalidations leave it
/// under the threshold before the body answered.
///
/// # Errors
/// A database failure.
pub async fn settle(
    db: &impl ConnectionTrait,
    petition_id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), ServiceError> {
    let Some(mut p) = petition::Entity::find_by_id(petition_id).one(db).await? else {
        return Ok(());
    };
    let counts = counts(db, petition_id).await?;
    let mut status = status_of(&p)?;
    let (counted, threshold) = standing(&p, &counts);

    if status == PetitionStatus::Gathering
        && counts.email_verified >= super::support_needed_of(db, &p).await?
        && transition(
            db,
            petition_id,
            PetitionStatus::Gathering,
            PetitionStatus::Open,
            [
                (petition::Column::OpenedAt, Expr::value(now)),
                (petition::Column::CollectionStartedOn, Expr::value(today)),
            ]
            .into_iter()
            .chain(super::starting_term(db, super::ClockName::Collection, p.body_id).await?)
            .collect(),
        )
        .await?
    {
        record(
            db,
            petition_id,
            Event::system(EventKind::SupportReached),
            now,
        )
        .await?;
        status = PetitionStatus::Open;
    }
    if status == PetitionStatus::Open && counted >= threshold {
        let number = p
            .registration_number
            .take()
            .unwrap_or_else(|| format!("{}-{:06}", today.year(), petition_id));
        if transition(
            db,
            petition_id,
            PetitionStatus::Open,
            PetitionStatus::UnderConsideration,
            vec![
                (petition::Column::ThresholdReachedAt, Expr::value(now)),
                (
                    petition::Column::RegistrationNumber,
                    Expr::value(number.clone()),
                ),
                (petition::Column::RegisteredOn, Expr::value(today)),
                (
                    petition::Column::AnswerOverdueAt,
                    Expr::value(Option::<DateTime<Utc>>::None),
                ),
                (
                    petition::Column::AnswerVeryOverdueAt,
                    Expr::value(Option::<DateTime<Utc>>::None),
                ),
            ],
        )
        .await?
        {
            record(
                db,
                petition_id,
                Event::system(EventKind::ThresholdReached),
                now,
            )
            .await?;
            // The body's part begins: a case, numbered by the body, with the answer clock.
            crate::server::services::cases::open(
                db,
                crate::server::services::cases::Opening {
                    kind: crate::model::CaseKind::Petition,
                    origin_id: petition_id,
                    body_id: p.body_id,
                    forwarded_from: None,
                    on: today,
                    term_days: None,
                },
                Some(Event::system(EventKind::Registered).note(number)),
                now,
            )
            .await
            .map_err(crate::server::services::ActionError::into_service)?;
        }
    } else if status == PetitionStatus::UnderConsideration
        && counted < threshold
        && transition(
            db,
            petition_id,
            PetitionStatus::UnderConsideration,
            PetitionStatus::Open,
            vec![
                (
                    petition::Column::ThresholdReachedAt,
                    Expr::value(Option::<DateTime<Utc>>::None),
                ),
                (
                    petition::Column::RegisteredOn,
                    Expr::value(Option::<NaiveDate>::None),
                ),
            ],
        )
        .await?
    {
        // The body no longer has to answer: its case is withdrawn, and says why.
        if let Some(case) = crate::server::services::cases::of_origin(
            db,
            crate::model::CaseKind::Petition,
            petition_id,
        )
        .await?
        {
            crate::server::services::cases::withdraw(
                db,
                case.id,
                Event::system(EventKind::ThresholdLost),
                now,
            )
            .await
            .map_err(crate::server::services::ActionError::into_service)?;
        } else {
            record(
                db,
                petition_id,
                Event::system(EventKind::ThresholdLost),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

/// Moves a petition from `from` to `to` with the given column changes, if it is still in
/// `from`; tells whether it moved.
///
/// # Errors
/// A database failure.
pub async fn transition(
    db: &impl ConnectionTrait,
    petition_id: i32,
    from: PetitionStatus,
    to: PetitionStatus,
    changes: Vec<(petition::Column, sea_orm::sea_query::SimpleExpr)>,
) -> Result<bool, ServiceError> {
    let mut update = petition::Entity::update_many()
        .col_expr(petition::Column::Status, Expr::value(to.as_str()))
        .filter(petition::Column::Id.eq(petition_id))
        .filter(petition::Column::Status.eq(from.as_str()));
    for (column, value) in changes {
        update = update.col_expr(column, value);
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// Recounts petitions from their signature rows and repairs any drift in the counts; returns
/// how many petitions' counts were wrong. `None` recounts every petition that has signatures.
/// Each petition is recounted in its own short transaction, so signatures never wait for more
/// than one petition's recount.
///
/// # Errors
/// A database failure; the petitions recounted before it stay recounted.
pub async fn reconcile(
    db: &DatabaseConnection,
    petition: Option<i32>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ServiceError> {
    let ids: Vec<i32> = match petition {
        Some(id) => vec![id],
        None => {
            petition_ids(
                db,
                "SELECT DISTINCT petition_id FROM signatures",
                Vec::new(),
            )
            .await?
        }
    };
    reconcile_each(db, ids, now, today).await
}

/// Recounts the petitions whose signatures were written, withdrawn or invalidated since
/// `since` (the periodic check: a petition nobody touched cannot have drifted since its last
/// recount).
///
/// # Errors
/// A database failure.
pub async fn reconcile_since(
    db: &DatabaseConnection,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ServiceError> {
    let backend = db.get_database_backend();
    let (p1, p2, p3) = (
        placeholder(backend, 1),
        placeholder(backend, 2),
        placeholder(backend, 3),
    );
    // Three placeholders, each bound: SQLite's `?` are positional, and one left unbound is NULL.
    let ids = petition_ids(
        db,
        &format!(
            "SELECT DISTINCT petition_id FROM signatures WHERE created_at >= {p1} OR withdrawn_at >= {p2} OR invalidated_at >= {p3}"
        ),
        vec![since.into(), since.into(), since.into()],
    )
    .await?;
    reconcile_each(db, ids, now, today).await
}

async fn petition_ids(
    db: &DatabaseConnection,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<i32>, ServiceError> {
    let backend = db.get_database_backend();
    Ok(db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "petition_id"))
        .collect::<Result<_, _>>()?)
}

async fn reconcile_each(
    db: &DatabaseConnection,
    ids: Vec<i32>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<usize, ServiceError> {
    let mut repaired = 0;
    for id in ids {
        if reconcile_one(db, id, now, today).await? {
            repaired += 1;
        }
    }
    Ok(repaired)
}

/// Whether one petition's counts differ from its rows, read in one snapshot without taking
/// any write lock: a row the folding has passed must be counted as it is, and the counts must be
/// the sum of what the rows say is counted.
async fn drifted(db: &DatabaseConnection, id: i32) -> Result<bool, ServiceError> {
    // One snapshot: SQLite's deferred transaction reads one in WAL mode; PostgreSQL needs
    // REPEATABLE READ for it.
    let level = (db.get_database_backend() == sea_orm::DbBackend::Postgres)
        .then_some(sea_orm::IsolationLevel::RepeatableRead);
    let txn = db.begin_with_config(level, None).await?;
    let backend = txn.get_database_backend();
    let p1 = placeholder(backend, 1);
    let miscounted = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT COUNT(*) AS n FROM signatures WHERE petition_id = {p1} AND counted <> {VALID} \
                 AND id NOT IN (SELECT signature_id FROM signature_fold_queue)"
            ),
            [id.into()],
        ))
        .await?
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or_default();
    let mut drift = miscounted > 0;
    for (table, key) in COUNTERS {
        if drift {
            break;
        }
        drift = counts_differ(&txn, table, key, id).await?;
    }
    txn.commit().await?;
    Ok(drift)
}

/// Recounts one petition; whether its counts had drifted. The check reads a snapshot; only a
/// petition that drifted is repaired, in its own write transaction.
async fn reconcile_one(
    db: &DatabaseConnection,
    id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, ServiceError> {
    if !drifted(db, id).await? {
        return Ok(false);
    }
    let (_turn, txn) = begin_write(db).await?;
    take_worker_lock(&txn, "signature_fold", now).await?;
    let backend = txn.get_database_backend();
    let p1 = placeholder(backend, 1);
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "UPDATE signatures SET counted = {VALID} WHERE petition_id = {p1} AND counted <> {VALID}"
        ),
        [id.into()],
    ))
    .await?;
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "DELETE FROM signature_fold_queue WHERE signature_id IN (SELECT id FROM signatures WHERE petition_id = {p1})"
        ),
        [id.into()],
    ))
    .await?;
    let mut drift = false;
    for (table, key) in COUNTERS {
        if counts_differ(&txn, table, key, id).await? {
            let of_row = signature_key(backend, key);
            drift = true;
            txn.execute_raw(Statement::from_sql_and_values(
                backend,
                format!("DELETE FROM {table} WHERE petition_id = {p1}"),
                [id.into()],
            ))
            .await?;
            txn.execute_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "INSERT INTO {table} (petition_id, {key}, count) SELECT petition_id, {of_row}, COUNT(*) FROM signatures \
                     WHERE petition_id = {p1} AND counted = 1 GROUP BY petition_id, {of_row}"
                ),
                [id.into()],
            ))
            .await?;
        }
    }
    if drift {
        tracing::warn!(
            petition = id,
            "signature counts drifted from the rows; repaired"
        );
    }
    settle(&txn, id, now, today).await?;
    txn.commit().await?;
    Ok(drift)
}

/// The counter tables and the key each counts by (a signature column, or `hour`).
const COUNTERS: [(&str, &str); 3] = [
    ("petition_counts", "grade"),
    ("petition_region_counts", "region_id"),
    ("petition_hour_counts", "hour"),
];

/// A counter's key as computed from a signature row: the column itself, or for `hour` the
/// hour of signing since the epoch (UTC), as the fold computes it.
fn signature_key(backend: DbBackend, key: &str) -> &str {
    match (key, backend) {
        ("hour", DbBackend::Postgres) => {
            "CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT)"
        }
        ("hour", _) => "(CAST(strftime('%s', created_at) AS INTEGER) / 3600)",
        (column, _) => column,
    }
}

/// Whether a counter table's rows for a petition differ from what its signatures say.
async fn counts_differ(
    txn: &impl ConnectionTrait,
    table: &str,
    key: &str,
    id: i32,
) -> Result<bool, sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let p1 = placeholder(backend, 1);
    let of_row = signature_key(backend, key);
    let truth = group_counts(txn, &format!(
        "SELECT CAST({of_row} AS TEXT) AS k, COUNT(*) AS n FROM signatures WHERE petition_id = {p1} AND counted = 1 GROUP BY {of_row}"
    ), id).await?;
    let stored = group_counts(
        txn,
        &format!("SELECT CAST({key} AS TEXT) AS k, count AS n FROM {table} WHERE petition_id = {p1} AND count <> 0"),
        id,
    )
    .await?;
    Ok(truth != stored)
}

async fn group_counts(
    txn: &impl ConnectionTrait,
    sql: &str,
    id: i32,
) -> Result<BTreeMap<String, i64>, sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    txn.query_all_raw(Statement::from_sql_and_values(backend, sql, [id.into()]))
        .await?
        .iter()
        .map(|r| Ok((r.try_get::<String>("", "k")?, r.try_get::<i64>("", "n")?)))
        .collect()
}

/// The fewest folded rows after which PostgreSQL's statistics of the signatures are refreshed.
pub const ANALYZE_AFTER: u64 = 5_000;

/// Refreshes PostgreSQL's statistics of the signatures once the rows folded since the last time
/// (`unanalyzed`, set back to 0 then) reach a fifth of the table, and at least [`ANALYZE_AFTER`].
/// PostgreSQL plans from statistics that its autovacuum refreshes at most once a minute; a
/// surge that grows a petition's signatures tenfold within that minute is otherwise read with
/// plans for the few it had: its page sorted every signature for the ten newest names (17–22 ms
/// a build, measured), and the fold's rewrite and queue read scanned the whole table. `ANALYZE`
/// samples the table and blocks no writer. SQLite plans from its indexes and needs nothing.
///
/// # Errors
/// A database failure.
pub async fn refresh_statistics(
    db: &impl ConnectionTrait,
    unanalyzed: &mut u64,
) -> Result<bool, ServiceError> {
    let backend = db.get_database_backend();
    if backend != DbBackend::Postgres || *unanalyzed < ANALYZE_AFTER {
        return Ok(false);
    }
    let known: i64 = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT CAST(GREATEST(reltuples, 0) AS BIGINT) AS n FROM pg_class WHERE oid = 'signatures'::regclass",
        ))
        .await?
        .map(|row| row.try_get("", "n"))
        .transpose()?
        .unwrap_or_default();
    if *unanalyzed < u64::try_from(known / 5).unwrap_or_default() {
        return Ok(false);
    }
    db.execute_unprepared("ANALYZE signatures").await?;
    *unanalyzed = 0;
    Ok(true)
}

/// The folding task: folds whenever a batch of signatures was written (at most every
/// `interval`), and at least every `interval`; every `reconcile_every` recounts the petitions
/// touched since the last recount (everything the first time); refreshes PostgreSQL's statistics of the
/// signatures as they grow ([`refresh_statistics`]).
pub async fn run(
    db: DatabaseConnection,
    log_key: Arc<signature_log::LogKey>,
    written: Arc<Notify>,
    interval: StdDuration,
    reconcile_every: StdDuration,
) {
    let mut last_reconcile = tokio::time::Instant::now();
    // The first recount after start covers every petition (a process that died may have left
    // anything); later ones the petitions touched since the previous one began (with a margin
    // for clocks and for transactions that were open then).
    let mut reconciled_from: Option<DateTime<Utc>> = None;
    let mut unanalyzed = 0;
    loop {
        tokio::select! {
            () = written.notified() => {},
            () = tokio::time::sleep(interval) => {},
        }
        loop {
            let now = Utc::now();
            let started = std::time::Instant::now();
            let folded = fold(&db, 5_000, now, crate::server::services::today()).await;
            metrics::histogram!("dauys_signature_fold_seconds").record(started.elapsed());
            match folded {
                Ok(report) => {
                    unanalyzed += report.rows as u64;
                    if report.rows < 5_000 {
                        break;
                    }
                }
                Err(error) => {
                    tracing::error!(%error, "folding signatures failed");
                    break;
                }
            }
        }
        if let Err(error) = refresh_statistics(&db, &mut unanalyzed).await {
            tracing::error!(%error, "analyzing the signatures failed");
        }
        // The log's new entries under a signed checkpoint.
        if let Err(error) = signature_log::checkpoint(&db, &log_key, Utc::now()).await {
            tracing::error!(%error, "signing a signature log checkpoint failed");
        }
        if last_reconcile.elapsed() >= reconcile_every {
            last_reconcile = tokio::time::Instant::now();
            let started = Utc::now();
            let today = crate::server::services::today();
            let result = match reconciled_from {
                None => reconcile(&db, None, started, today).await,
                Some(since) => reconcile_since(&db, since, started, today).await,
            };
            match result {
                Ok(_) => reconciled_from = Some(started - chrono::Duration::minutes(5)),
                Err(error) => tracing::error!(%error, "reconciling signature counts failed"),
            }
        }
        // Let a surge's signatures gather into the next batch.
        tokio::time::sleep(interval / 4).await;
    }
}
