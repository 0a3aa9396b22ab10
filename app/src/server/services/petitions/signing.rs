//! Signing at surge speed. A signature is one row; the petition row is never touched per
//! signature. Requests are checked (who signs, whether the petition takes signatures, the
//! abuse limits) and then handed to one writer task per process, which inserts whatever has
//! queued up as one multi-row `INSERT … ON CONFLICT DO NOTHING` in one transaction (group
//! commit) and answers each request only after the commit: an acknowledged signature is
//! durable. The unique keys (petition, account) and (petition, IIN fingerprint) make a second
//! signature impossible whatever races; the writer re-reads the petitions' states inside its
//! transaction (`FOR SHARE` on PostgreSQL), so a petition closed meanwhile takes no more.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Statement, Value};
use tokio::sync::{Mutex, Notify, mpsc, oneshot};

use super::{ClockName, Clocks, PetitionError, public_name, setting_u64, status_of};
use crate::model::PetitionStatus;
use crate::server::db::{begin_write, placeholder, placeholders};
use crate::server::entities::{body, petition, user};
use crate::server::services::{ServiceError, accounts, signature_log};

/// The most signatures one transaction writes.
pub const MAX_BATCH: usize = 1_000;

/// What a signer asks for.
#[derive(Clone, Debug)]
pub struct SignRequest {
    /// The petition.
    pub petition_id: i32,
    /// Whether lists may show "First-name S.".
    pub show_name: bool,
    /// Whether to mail the signer the body's answer.
    pub notify: bool,
    /// The address the request came from.
    pub ip: String,
}

/// What became of a signature request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOutcome {
    /// Signed (or signed again after a withdrawal).
    Signed,
    /// This account had already signed; nothing changed.
    AlreadySigned,
}

/// The abuse limits on signing, from the platform settings (`signing_per_account_hour`,
/// `signing_per_ip_hour`); 0 switches a limit off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SigningLimits {
    /// Signatures one account may give in an hour.
    pub per_account_hour: u64,
    /// Signatures from one IP address in an hour.
    pub per_ip_hour: u64,
}

struct Row {
    petition_id: i32,
    user_id: i32,
    iin_hash: Option<String>,
    grade: &'static str,
    region_id: i32,
    public_name: String,
    show_name: bool,
    notify: bool,
    ip: String,
    email_domain: String,
    created_at: DateTime<Utc>,
}

struct Job {
    row: Row,
    limits: SigningLimits,
    reply: oneshot::Sender<Result<SignOutcome, PetitionError>>,
}

/// Whether a petition takes signatures, as last looked up.
#[derive(Clone, Copy)]
enum Acceptance {
    /// Not public (a draft, in moderation) or unknown.
    Hidden,
    /// Public, not taking signatures today.
    Closed,
    /// Taking signatures today.
    Open,
}

/// Settings and deadlines, re-read every few seconds rather than on every signature.
struct Cached {
    at: Instant,
    limits: SigningLimits,
    clocks: Arc<Clocks>,
}

/// The handle to a process's signature writer. Cloning shares the writer.
#[derive(Clone)]
pub struct Signer {
    jobs: mpsc::Sender<Job>,
    written: Arc<Notify>,
    writer: Arc<WriterHealth>,
    cached: Arc<Mutex<Option<Cached>>>,
    petitions: Arc<Mutex<HashMap<i32, (Instant, Acceptance)>>>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer")
    }
}

impl Signer {
    /// Starts the writer task on `db`. `written` is notified after every committed batch (the
    /// counter folding waits on it).
    pub fn start(db: DatabaseConnection, written: Arc<Notify>) -> Signer {
        let (jobs, receiver) = mpsc::channel(16 * MAX_BATCH);
        let writer = Arc::new(WriterHealth::default());
        tokio::spawn(supervise(
            db,
            Arc::new(Mutex::new(receiver)),
            written.clone(),
            writer.clone(),
        ));
        Signer {
            jobs,
            written,
            writer,
            cached: Arc::default(),
            petitions: Arc::default(),
        }
    }

    /// How many times the writer task died and was started again.
    pub fn writer_restarts(&self) -> u64 {
        self.writer.restarts.load(Ordering::Relaxed)
    }

    /// Signatures waiting for the writer.
    pub fn queue_depth(&self) -> usize {
        self.jobs.max_capacity() - self.jobs.capacity()
    }

    /// Makes the writer panic at its next batch (tests of the supervisor only).
    #[doc(hidden)]
    pub fn inject_writer_panic(&self) {
        self.writer.panic_next.store(true, Ordering::Relaxed);
    }

    /// What is notified after each committed batch.
    pub fn written(&self) -> Arc<Notify> {
        self.written.clone()
    }

    async fn cached(
        &self,
        db: &impl ConnectionTrait,
    ) -> Result<(SigningLimits, Arc<Clocks>), ServiceError> {
        let mut cached = self.cached.lock().await;
        if let Some(c) = cached.as_ref()
            && c.at.elapsed() < StdDuration::from_secs(5)
        {
            return Ok((c.limits, c.clocks.clone()));
        }
        let limits = limits(db).await?;
        let clocks = Arc::new(Clocks::load(db).await?);
        *cached = Some(Cached {
            at: Instant::now(),
            limits,
            clocks: clocks.clone(),
        });
        Ok((limits, clocks))
    }

    /// Whether a petition takes signatures today; an open one is looked up at most once a
    /// second: under a surge every request asks about the same one. (The writer re-reads the
    /// state in its transaction, so a petition closed within that second takes nothing.)
    async fn acceptance(
        &self,
        db: &impl ConnectionTrait,
        petition_id: i32,
        clocks: &Clocks,
        today: NaiveDate,
    ) -> Result<Acceptance, PetitionError> {
        if let Some((at, known)) = self.petitions.lock().await.get(&petition_id)
            && at.elapsed() < StdDuration::from_secs(1)
        {
            return Ok(*known);
        }
        let known = match petition::Entity::find_by_id(petition_id).one(db).await? {
            None => Acceptance::Hidden,
            Some(target) if !status_of(&target)?.is_public() => Acceptance::Hidden,
            Some(target) if takes_signatures(db, &target, clocks, today).await? => Acceptance::Open,
            Some(_) => Acceptance::Closed,
        };
        // Only "open" is remembered: a petition opened a moment ago must not stay refused.
        if matches!(known, Acceptance::Open) {
            self.petitions
                .lock()
                .await
                .insert(petition_id, (Instant::now(), known));
        }
        Ok(known)
    }

    /// Signs a petition as `signer`: checks the signer and whether the petition takes
    /// signatures today, then waits until the writer has committed the signature (the abuse
    /// limits are applied there, per batch).
    ///
    /// # Errors
    /// `Refused` with the reason (`sign-verify-first`, `sign-closed`, `sign-rate-limited`,
    /// `sign-iin-used`); `NotFound` for a petition the signer may not see; a database failure.
    pub async fn sign(
        &self,
        db: &impl ConnectionTrait,
        signer: &user::Model,
        request: SignRequest,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<SignOutcome, PetitionError> {
        if signer.deleted_at.is_some() {
            return Err(PetitionError::Forbidden);
        }
        let grade =
            accounts::grade_of(signer).ok_or(PetitionError::Refused("sign-verify-first"))?;
        let (limits, clocks) = self.cached(db).await?;
        match self
            .acceptance(db, request.petition_id, &clocks, today)
            .await?
        {
            Acceptance::Hidden => return Err(PetitionError::NotFound),
            Acceptance::Closed => return Err(PetitionError::Refused("sign-closed")),
            Acceptance::Open => {}
        }
        let row = Row {
            petition_id: request.petition_id,
            user_id: signer.id,
            iin_hash: signer
                .iin_hash
                .clone()
                .filter(|_| signer.iin_checked_at.is_some()),
            grade: grade.as_str(),
            region_id: signer.region_id,
            public_name: public_name(&signer.display_name),
            show_name: request.show_name,
            notify: request.notify,
            ip: request.ip.chars().take(64).collect(),
            email_domain: signer
                .email
                .rsplit_once('@')
                .map(|(_, d)| d.to_owned())
                .unwrap_or_default(),
            created_at: now,
        };
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { row, limits, reply })
            .await
            .map_err(|_| ServiceError::Corrupt("the signature writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| ServiceError::Corrupt("the signature writer dropped a request".into()))?
    }
}

/// The signing limits in force.
///
/// # Errors
/// A database failure.
pub async fn limits(db: &impl ConnectionTrait) -> Result<SigningLimits, ServiceError> {
    Ok(SigningLimits {
        per_account_hour: setting_u64(db, "signing_per_account_hour")
            .await?
            .unwrap_or(60),
        per_ip_hour: setting_u64(db, "signing_per_ip_hour")
            .await?
            .unwrap_or(2_000),
    })
}

/// Whether a petition takes signatures on `today`: gathering within its initial-support term,
/// or collecting (open, under consideration, answered) within its collection period.
///
/// # Errors
/// A database failure.
pub async fn takes_signatures(
    db: &impl ConnectionTrait,
    target: &petition::Model,
    clocks: &Clocks,
    today: NaiveDate,
) -> Result<bool, ServiceError> {
    let status = status_of(target)?;
    if !status.takes_signatures() {
        return Ok(false);
    }
    let level = body::Entity::find_by_id(target.body_id)
        .one(db)
        .await?
        .map(|b| b.level)
        .unwrap_or_default();
    let (clock, start) = if status == PetitionStatus::Gathering {
        (ClockName::InitialSupport, target.support_started_on)
    } else {
        (ClockName::Collection, target.collection_started_on)
    };
    let term = clocks.term_for(target, clock, &level);
    Ok(start.is_some_and(|start| today <= clocks.due(term, start)))
}

/// What the writer must know before it inserts a batch, read in one statement (each statement
/// is a hand-off to the connection's thread and back while the write lock is held): which of
/// the batch's petitions take signatures (re-read in the writer's transaction, `FOR SHARE` on
/// PostgreSQL, so a petition closed meanwhile takes no more), and which rows stay within the
/// abuse limits: each account's and each address's signatures of the last hour, counted from
/// the signature rows themselves, plus the batch's own rows in arrival order. The writer holds
/// the write lock (SQLite) while counting, so within a process the limits are exact.
async fn batch_state(
    txn: &impl ConnectionTrait,
    rows: &[(&Row, SigningLimits)],
) -> Result<(HashSet<i32>, Vec<bool>), sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let Some(newest) = rows.iter().map(|(r, _)| r.created_at).max() else {
        return Ok((HashSet::new(), Vec::new()));
    };
    let since = newest - Duration::hours(1);
    let petitions: Vec<i32> = rows
        .iter()
        .map(|(r, _)| r.petition_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let lock = if backend == DbBackend::Postgres {
        " FOR SHARE"
    } else {
        ""
    };
    let mut values: Vec<Value> = petitions.iter().map(|id| Value::from(*id)).collect();
    let mut sql = format!(
        "WITH p AS (SELECT id, status FROM petitions WHERE id IN ({}){lock}) \
         SELECT 'p' AS what, CAST(id AS TEXT) AS k, CAST(0 AS BIGINT) AS n, status FROM p",
        placeholders(backend, 1, petitions.len())
    );
    for (what, column, keys) in [
        (
            "u",
            "user_id",
            rows.iter()
                .map(|(r, _)| Value::from(r.user_id))
                .collect::<Vec<_>>(),
        ),
        (
            "i",
            "ip",
            rows.iter()
                .map(|(r, _)| Value::from(r.ip.clone()))
                .collect(),
        ),
    ] {
        sql.push_str(&format!(
            " UNION ALL SELECT '{what}', CAST({column} AS TEXT), COUNT(*), NULL FROM signatures \
             WHERE created_at > {} AND {column} IN ({}) GROUP BY {column}",
            placeholder(backend, values.len() + 1),
            placeholders(backend, values.len() + 2, keys.len())
        ));
        values.push(Value::from(since));
        values.extend(keys);
    }
    let mut open = HashSet::new();
    let mut users: HashMap<String, u64> = HashMap::new();
    let mut ips: HashMap<String, u64> = HashMap::new();
    for row in txn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?
    {
        let what: String = row.try_get("", "what")?;
        let k: String = row.try_get("", "k")?;
        let n: i64 = row.try_get("", "n")?;
        match what.as_str() {
            "p" => {
                let status: Option<String> = row.try_get("", "status")?;
                if status
                    .as_deref()
                    .and_then(PetitionStatus::parse)
                    .is_some_and(PetitionStatus::takes_signatures)
                    && let Ok(id) = k.parse()
                {
                    open.insert(id);
                }
            }
            "u" => {
                users.insert(k, u64::try_from(n).unwrap_or(0));
            }
            _ => {
                ips.insert(k, u64::try_from(n).unwrap_or(0));
            }
        }
    }
    let fits = rows
        .iter()
        .map(|(row, limits)| {
            let user = users.entry(row.user_id.to_string()).or_default();
            let ip = ips.entry(row.ip.clone()).or_default();
            let fits = (limits.per_account_hour == 0 || *user < limits.per_account_hour)
                && (limits.per_ip_hour == 0 || *ip < limits.per_ip_hour);
            if fits {
                *user += 1;
                *ip += 1;
            }
            fits
        })
        .collect();
    Ok((open, fits))
}

/// The writer's health, shared with its supervisor.
#[derive(Debug, Default)]
struct WriterHealth {
    restarts: std::sync::atomic::AtomicU64,
    panic_next: std::sync::atomic::AtomicBool,
}

/// Keeps the writer running: a writer task that panics is logged, counted and started again on
/// the same queue (the requests of the batch it held are answered with an error; nothing of
/// that batch was committed). It ends when every `Signer` is gone.
async fn supervise(
    db: DatabaseConnection,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    written: Arc<Notify>,
    health: Arc<WriterHealth>,
) {
    loop {
        let task = tokio::spawn(write_loop(
            db.clone(),
            jobs.clone(),
            written.clone(),
            health.clone(),
        ));
        match task.await {
            Ok(()) => return,
            Err(error) => {
                let restarts = health.restarts.fetch_add(1, Ordering::Relaxed) + 1;
                metrics::counter!("dauys_signature_writer_restarts_total").increment(1);
                tracing::error!(%error, restarts, "the signature writer died; starting it again");
                tokio::time::sleep(StdDuration::from_millis(50)).await;
            }
        }
    }
}

async fn write_loop(
    db: DatabaseConnection,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    written: Arc<Notify>,
    health: Arc<WriterHealth>,
) {
    let mut jobs = jobs.lock().await;
    while let Some(first) = jobs.recv().await {
        if health.panic_next.swap(false, Ordering::Relaxed) {
            panic!("injected writer panic");
        }
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        #[allow(clippy::cast_precision_loss)]
        metrics::histogram!("dauys_signature_batch_size").record(batch.len() as f64);
        let rows: Vec<(&Row, SigningLimits)> = batch.iter().map(|j| (&j.row, j.limits)).collect();
        let started = Instant::now();
        let written_batch = write_batch(&db, &rows).await;
        metrics::histogram!("dauys_signature_batch_seconds").record(started.elapsed());
        match written_batch {
            Ok(outcomes) => {
                for (job, outcome) in batch.into_iter().zip(outcomes) {
                    job.reply.send(outcome).ok();
                }
                written.notify_one();
            }
            Err(error) => {
                tracing::error!(%error, "cannot write a batch of signatures");
                for job in batch {
                    job.reply
                        .send(Err(PetitionError::Service(ServiceError::Db(
                            sea_orm::DbErr::Custom(error.to_string()),
                        ))))
                        .ok();
                }
            }
        }
    }
}

const COLUMNS: &str = "petition_id, user_id, iin_hash, grade, region_id, public_name, show_name, notify_answer, ip, email_domain, created_at, counted, dirty, receipt_secret";

/// Writes one batch in one transaction; the outcome of each row, in order.
async fn write_batch(
    db: &DatabaseConnection,
    batch: &[(&Row, SigningLimits)],
) -> Result<Vec<Result<SignOutcome, PetitionError>>, sea_orm::DbErr> {
    let mut steps = Steps(Instant::now());
    let (_turn, txn) = begin_write(db).await?;
    steps.mark("begin");
    let backend = txn.get_database_backend();
    let rows: Vec<&Row> = batch.iter().map(|(r, _)| *r).collect();
    let (open, fits) = batch_state(&txn, batch).await?;
    steps.mark("read");
    // Inserted in key order: two processes' batches then take the unique-index locks in the
    // same order and cannot deadlock on PostgreSQL.
    let mut writable: Vec<&&Row> = rows
        .iter()
        .zip(&fits)
        .filter(|(r, fits)| **fits && open.contains(&r.petition_id))
        .map(|(r, _)| r)
        .collect();
    writable.sort_by_key(|r| (r.petition_id, r.user_id));
    let mut inserted = HashSet::new();
    if !writable.is_empty() {
        let per_row = 14;
        let mut values = Vec::with_capacity(writable.len() * per_row);
        let mut tuples = Vec::with_capacity(writable.len());
        for (i, row) in writable.iter().enumerate() {
            tuples.push(format!(
                "({})",
                placeholders(backend, i * per_row + 1, per_row)
            ));
            values.extend([
                Value::from(row.petition_id),
                Value::from(row.user_id),
                Value::from(row.iin_hash.clone()),
                Value::from(row.grade),
                Value::from(row.region_id),
                Value::from(row.public_name.clone()),
                Value::from(row.show_name),
                Value::from(row.notify),
                Value::from(row.ip.clone()),
                Value::from(row.email_domain.clone()),
                Value::from(row.created_at),
                Value::from(0i16),
                Value::from(true),
                // The signer's receipt secret: the log holds only a commitment to it.
                Value::from(crate::model::hex32(&signature_log::new_secret())),
            ]);
        }
        let sql = format!(
            "INSERT INTO signatures ({COLUMNS}) VALUES {} ON CONFLICT DO NOTHING RETURNING petition_id, user_id",
            tuples.join(", ")
        );
        for row in txn
            .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?
        {
            let petition_id: i32 = row.try_get("", "petition_id")?;
            let user_id: i32 = row.try_get("", "user_id")?;
            inserted.insert((petition_id, user_id));
        }
    }
    steps.mark("insert");
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut answered: HashMap<(i32, i32), ()> = HashMap::new();
    for (row, fits) in rows.iter().zip(&fits) {
        let key = (row.petition_id, row.user_id);
        if !open.contains(&row.petition_id) {
            outcomes.push(Err(PetitionError::Refused("sign-closed")));
        } else if !fits {
            outcomes.push(Err(PetitionError::Refused("sign-rate-limited")));
        } else if inserted.contains(&key) && answered.insert(key, ()).is_none() {
            outcomes.push(Ok(SignOutcome::Signed));
        } else {
            outcomes.push(conflict(&txn, row).await?);
        }
    }
    steps.mark("answers");
    txn.commit().await?;
    steps.mark("commit");
    Ok(outcomes)
}

/// Times the writer's steps, one series each of `dauys_signature_batch_step_seconds`.
struct Steps(Instant);

impl Steps {
    /// Records the time since the last mark as `step`.
    fn mark(&mut self, step: &'static str) {
        let now = Instant::now();
        metrics::histogram!("dauys_signature_batch_step_seconds", "step" => step)
            .record(now - self.0);
        self.0 = now;
    }
}

/// A row the insert skipped: a withdrawn signature of the same account is restored; an
/// active (or invalidated — flagged signers are not told) one means already signed; otherwise
/// the signer's IIN has signed from another account.
async fn conflict(
    txn: &impl ConnectionTrait,
    row: &Row,
) -> Result<Result<SignOutcome, PetitionError>, sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let p = |n| placeholder(backend, n);
    let restored = txn
        .execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET withdrawn_at = NULL, dirty = {t}, show_name = {}, notify_answer = {}, created_at = {}, ip = {} \
                 WHERE petition_id = {} AND user_id = {} AND withdrawn_at IS NOT NULL AND invalidated_at IS NULL",
                p(1),
                p(2),
                p(3),
                p(4),
                p(5),
                p(6),
                t = "TRUE",
            ),
            [
                row.show_name.into(),
                row.notify.into(),
                row.created_at.into(),
                row.ip.clone().into(),
                row.petition_id.into(),
                row.user_id.into(),
            ],
        ))
        .await?
        .rows_affected();
    if restored == 1 {
        return Ok(Ok(SignOutcome::Signed));
    }
    let existing = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT id FROM signatures WHERE petition_id = {} AND user_id = {}",
                p(1),
                p(2)
            ),
            [row.petition_id.into(), row.user_id.into()],
        ))
        .await?;
    Ok(match existing {
        Some(_) => Ok(SignOutcome::AlreadySigned),
        None => Err(PetitionError::Refused("sign-iin-used")),
    })
}

/// Withdraws the signer's own signature while the petition is gathering or open.
///
/// # Errors
/// `Refused` (`withdraw-closed`, `withdraw-not-signed`); `NotFound`.
pub async fn withdraw(
    db: &impl ConnectionTrait,
    user_id: i32,
    petition_id: i32,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    let target = super::find(db, petition_id).await?;
    let status = status_of(&target)?;
    if !status.is_public() {
        return Err(PetitionError::NotFound);
    }
    if !status.allows_withdrawal() {
        return Err(PetitionError::Refused("withdraw-closed"));
    }
    let backend = db.get_database_backend();
    let p = |n| placeholder(backend, n);
    let changed = db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET withdrawn_at = {}, dirty = TRUE WHERE petition_id = {} AND user_id = {} \
                 AND withdrawn_at IS NULL AND invalidated_at IS NULL",
                p(1),
                p(2),
                p(3)
            ),
            [now.into(), petition_id.into(), user_id.into()],
        ))
        .await?
        .rows_affected();
    if changed == 1 {
        Ok(())
    } else {
        Err(PetitionError::Refused("withdraw-not-signed"))
    }
}

/// Whether `user_id` has an active signature on the petition.
///
/// # Errors
/// A database failure.
pub async fn has_signed(
    db: &impl ConnectionTrait,
    user_id: i32,
    petition_id: i32,
) -> Result<bool, ServiceError> {
    let backend = db.get_database_backend();
    Ok(db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT id FROM signatures WHERE petition_id = {} AND user_id = {} AND withdrawn_at IS NULL",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [petition_id.into(), user_id.into()],
        ))
        .await?
        .is_some())
}
