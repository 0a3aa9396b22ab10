//! Signing at surge speed. A signature is one row; the petition row is never touched per
//! signature. Requests are checked (who signs, whether the petition takes signatures, the
//! abuse limits) and then handed to one writer task per process, which inserts whatever has
//! queued up as one multi-row `INSERT … ON CONFLICT DO NOTHING` in one transaction (group
//! commit) and answers each request only after the commit is on the disk: an acknowledged
//! signature is durable. (The writer commits on a connection of its own that does not wait for
//! the disk, an SQLite file's log or PostgreSQL's WAL, leaves the write lock, and then has the
//! log synced before answering: the disk's wait is outside the lock, and on PostgreSQL the next
//! batch is written meanwhile; an SQLite database in memory commits and answers at once.) The
//! unique keys (petition, account) and (petition, IIN fingerprint) make a second signature
//! impossible whatever races; the writer's insert re-reads the petitions' states and counts the
//! abuse limits in the same statement (`FOR SHARE` on PostgreSQL), so a petition closed
//! meanwhile takes no more.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Statement, Value};
use tokio::sync::{Mutex, Notify, mpsc, oneshot};

use super::{ClockName, Clocks, PetitionError, Steps, public_name, setting_u64, status_of};
use crate::model::PetitionStatus;
use crate::server::db::{
    LogSync, WriteTurn, begin_in_turn, placeholder, placeholders, with_own_sync, write_turn,
};
use crate::server::entities::{body, petition, user};
use crate::server::services::{ServiceError, accounts, rate_limits, signature_log};

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
    /// When the request was handed to the writer.
    queued: Instant,
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
        let queued = Instant::now();
        self.jobs
            .send(Job {
                row,
                limits,
                reply,
                queued,
            })
            .await
            .map_err(|_| ServiceError::Corrupt("the signature writer has stopped".into()))?;
        let answered = answer
            .await
            .map_err(|_| ServiceError::Corrupt("the signature writer dropped a request".into()))?;
        // From the writer's queue to the answer: its wait for a batch, the batch, and (on a
        // file) the wait for the log's sync.
        metrics::histogram!("dauys_signature_answer_seconds").record(queued.elapsed());
        answered
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

/// The writer's health, shared with its supervisor.
#[derive(Debug, Default)]
struct WriterHealth {
    restarts: std::sync::atomic::AtomicU64,
    panic_next: std::sync::atomic::AtomicBool,
}

/// Keeps the writer running: a writer task that panics is logged, counted and started again on
/// the same queue (the requests of the batch it held are answered with an error; a signature
/// its insert had committed stays, and signing again then says "already signed"). It ends when
/// every `Signer` is gone.
async fn supervise(
    db: DatabaseConnection,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    written: Arc<Notify>,
    health: Arc<WriterHealth>,
) {
    // The writer commits on a connection of its own without waiting for the disk (an SQLite
    // file's log, PostgreSQL's WAL), and its signers are told after the log is synced, outside
    // the write lock (`db::with_own_sync`).
    let (db, teller) = match with_own_sync(&db).await {
        Ok(Some((own, LogSync::File(log)))) => {
            // On an SQLite file the writer's connection never copies the log into the
            // database itself (that copy, and its two syncs, ran inside the writer's statement
            // and turn every thousand pages); a task of its own does, after syncs.
            let checkpoint = Arc::new(Notify::new());
            tokio::spawn(crate::server::db::checkpoints(
                db.clone(),
                checkpoint.clone(),
            ));
            (WriterDb::on_file(own), Teller::Here(log, checkpoint))
        }
        Ok(Some((own, sync))) => {
            let (told, untold) = mpsc::unbounded_channel();
            tokio::spawn(sync_loop(sync, untold));
            (WriterDb::pooled(own), Teller::AfterSync(told))
        }
        Ok(None) => (WriterDb::pooled(db), Teller::Now),
        Err(error) => {
            tracing::warn!(%error, "the signature writer commits on the shared pool");
            (WriterDb::pooled(db), Teller::Now)
        }
    };
    loop {
        let writing = write_loop(
            db.restarted(),
            jobs.clone(),
            written.clone(),
            health.clone(),
            teller.clone(),
        );
        // A writer whose insert blocks runs on a thread of its own, its waits (for requests,
        // its turn, the rows a batch skipped) driven there too.
        match crate::server::db::spawn_on_own_thread(db.blocks(), writing).await {
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
    mut db: WriterDb,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    written: Arc<Notify>,
    health: Arc<WriterHealth>,
    teller: Teller,
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
        for job in &batch {
            metrics::histogram!("dauys_signature_queued_seconds").record(job.queued.elapsed());
        }
        let rows: Vec<(&Row, SigningLimits)> = batch.iter().map(|j| (&j.row, j.limits)).collect();
        let started = Instant::now();
        let written_batch = write_batch(&mut db, &rows).await;
        metrics::histogram!("dauys_signature_batch_seconds").record(started.elapsed());
        match written_batch {
            Ok(outcomes) => {
                teller.tell(
                    batch
                        .into_iter()
                        .zip(outcomes)
                        .map(|(job, outcome)| (job.reply, outcome))
                        .collect(),
                );
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

/// A committed batch's answers: each signer's reply and its outcome.
type Answers = Vec<(
    oneshot::Sender<Result<SignOutcome, PetitionError>>,
    Result<SignOutcome, PetitionError>,
)>;

/// How the signers of a committed batch are told.
#[derive(Clone)]
enum Teller {
    /// At once: the commit synced the log.
    Now,
    /// Once the log is synced ([`sync_loop`]): PostgreSQL's WAL, by a commit on the shared pool,
    /// while the writer goes on.
    AfterSync(mpsc::UnboundedSender<Answers>),
    /// After the writer, out of its turn, has synced an SQLite file's log (`fdatasync` of the
    /// `-wal` file, on the writer's own thread) and woken the checkpoints
    /// ([`checkpoints`](crate::server::db::checkpoints)), which copy the log into the database
    /// after it. A thread of its own for the sync overlapped it with the next batch, but each
    /// answer then took one more wake of a thread on two busy cores: answers came 0.2 ms later
    /// on average, in five alternating pairs of surges (session 35).
    Here(std::path::PathBuf, Arc<Notify>),
}

impl Teller {
    fn tell(&self, answers: Answers) {
        let answers = match self {
            Teller::Now => answers,
            Teller::Here(log, checkpoint) => {
                let started = Instant::now();
                let synced = crate::server::db::sync_log(log);
                metrics::histogram!("dauys_signature_sync_seconds").record(started.elapsed());
                checkpoint.notify_one();
                match synced {
                    Ok(()) => answers,
                    Err(error) => {
                        tracing::error!(%error, "cannot sync the signatures' log");
                        answers
                            .into_iter()
                            .map(|(reply, _)| (reply, Err(not_synced(&error.to_string()))))
                            .collect()
                    }
                }
            }
            Teller::AfterSync(told) => match told.send(answers) {
                Ok(()) => return,
                Err(mpsc::error::SendError(answers)) => answers
                    .into_iter()
                    .map(|(reply, _)| (reply, Err(not_synced("the log's sync has stopped"))))
                    .collect(),
            },
        };
        for (reply, outcome) in answers {
            reply.send(outcome).ok();
        }
    }
}

fn not_synced(why: &str) -> PetitionError {
    PetitionError::Service(ServiceError::Db(sea_orm::DbErr::Custom(format!(
        "the signature may not be on the disk: {why}"
    ))))
}

/// Tells the signers of committed batches once PostgreSQL's WAL is flushed through them:
/// whatever batches were committed before a sync starts, that one sync covers (while it runs,
/// the writer goes on).
async fn sync_loop(sync: LogSync, mut untold: mpsc::UnboundedReceiver<Answers>) {
    while let Some(first) = untold.recv().await {
        let mut waiting = vec![first];
        while let Ok(more) = untold.try_recv() {
            waiting.push(more);
        }
        let started = Instant::now();
        let synced = sync.sync().await;
        metrics::histogram!("dauys_signature_sync_seconds").record(started.elapsed());
        if let Err(error) = &synced {
            tracing::error!(%error, "cannot sync the signatures' log");
        }
        for (reply, outcome) in waiting.into_iter().flatten() {
            let outcome = match &synced {
                Ok(()) => outcome,
                Err(error) => Err(not_synced(&error.to_string())),
            };
            reply.send(outcome).ok();
        }
    }
}

/// The signatures from each address are tallied per minute in `rate_limits` (bucket
/// `sign:ip:<address>`, window the minute's first second), and the address limit is checked
/// against the tally's last hour (counted in whole minutes, so up to a minute more than an
/// hour). Counting an address's signature rows instead cost a place at random in an index for
/// every new signature, and a step through the address's last hour of entries for every row
/// checked: PostgreSQL cannot even count them from the index alone during a surge (their pages
/// are not yet marked all-visible; session 27 measured half of the writer's statement there),
/// and on SQLite the writer's statement ran 40–50 % faster without it (migration 31). The
/// tally follows the rows: a restored signature moves to its new address and minute. (A
/// signature row deleted within its hour stays tallied.)
const ADDRESS_TALLY: &str = "sign:ip:";

/// The first second (since the epoch) of `at`'s minute: a tally's window.
fn minute_of(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(60) * 60
}

const COLUMNS: &str = "petition_id, user_id, iin_hash, grade, region_id, public_name, show_name, notify_answer, ip, email_domain, created_at, counted, receipt_secret";

/// The batch's rows as the insert reads them: a signature's columns, then each row's abuse
/// limits (0: off) and how many rows before it in the batch came from the same account and from
/// the same address.
const BATCH_COLUMNS: &str = "petition_id, user_id, iin_hash, grade, region_id, public_name, show_name, notify_answer, ip, email_domain, created_at, counted, receipt_secret, account_limit, account_before, address_limit, address_before";

/// Writes one batch; the outcome of each row, in order.
///
/// Under a surge every row is a new signature, and a batch is one statement in a transaction of
/// its own ([`insert`]): on SQLite each statement is a hand-off to the connection's thread and
/// back, made while the one write lock is held, so the fewer the statements the more batches
/// a second. Only the rows that statement skipped (a closed petition, a limit, a signature
/// already there) take a second transaction ([`skipped_row`]), in the same write turn. The
/// insert has committed by then: if the second transaction fails, only the skipped rows are
/// answered with the error.
async fn write_batch(
    writer: &mut WriterDb,
    batch: &[(&Row, SigningLimits)],
) -> Result<Vec<Result<SignOutcome, PetitionError>>, sea_orm::DbErr> {
    let mut steps = Steps::new("dauys_signature_batch_step_seconds");
    let Some(newest) = batch.iter().map(|(r, _)| r.created_at).max() else {
        return Ok(Vec::new());
    };
    let since = newest - Duration::hours(1);
    // The statement (its text, its values, each row's receipt secret) is made before the turn
    // is taken: only the database's work holds the one write lock.
    let statement = insert_statement(writer.db.get_database_backend(), batch, since);
    steps.mark("statement");
    let turn = write_turn(&writer.db).await;
    steps.mark("turn");
    let inserted = writer.inserted(statement).await?;
    steps.mark("insert");
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut signed = HashSet::new();
    let mut skipped = Vec::new();
    for (i, (row, _)) in batch.iter().enumerate() {
        let key = (row.petition_id, row.user_id);
        // The same account twice in one batch: the first is the one inserted.
        if inserted.contains(&key) && signed.insert(key) {
            outcomes.push(Ok(SignOutcome::Signed));
        } else {
            outcomes.push(Ok(SignOutcome::AlreadySigned));
            skipped.push(i);
        }
    }
    if !skipped.is_empty() {
        match skipped_rows(&writer.db, &turn, batch, &skipped, since).await {
            Ok(answers) => {
                for (i, answer) in skipped.into_iter().zip(answers) {
                    outcomes[i] = answer;
                }
            }
            Err(error) => {
                tracing::error!(%error, "cannot settle the signatures a batch skipped");
                for i in skipped {
                    outcomes[i] = Err(PetitionError::Service(ServiceError::Db(
                        sea_orm::DbErr::Custom(error.to_string()),
                    )));
                }
            }
        }
        steps.mark("skipped");
    }
    drop(turn);
    Ok(outcomes)
}

/// The outcomes of the rows the insert skipped (`skipped`, indexes into `batch`, in arrival
/// order), settled in one transaction in the writer's turn.
async fn skipped_rows(
    db: &DatabaseConnection,
    turn: &WriteTurn,
    batch: &[(&Row, SigningLimits)],
    skipped: &[usize],
    since: DateTime<Utc>,
) -> Result<Vec<Result<SignOutcome, PetitionError>>, sea_orm::DbErr> {
    let txn = begin_in_turn(db, turn).await?;
    let mut answers = Vec::with_capacity(skipped.len());
    for &i in skipped {
        answers.push(skipped_row(&txn, batch[i], since).await?);
    }
    txn.commit().await?;
    Ok(answers)
}

/// The statement that inserts, in a transaction of its own, the batch's rows that may be
/// signatures, and returns the (petition, account) pairs inserted. A row is inserted when its
/// petition takes signatures (re-read here, `FOR SHARE` on PostgreSQL, so a petition closed
/// meanwhile takes no more), when it stays within the abuse limits (its account's and its
/// address's signatures since `since`, from the account's rows and the address's tally, plus the batch's rows
/// before it), and when neither the account nor the IIN has signed the petition (the unique
/// keys). The writer holds this process's write turn, and within a process only the writer
/// adds signatures, so the limits are exact there.
fn insert_statement(
    backend: DbBackend,
    batch: &[(&Row, SigningLimits)],
    since: DateTime<Utc>,
) -> Statement {
    let mut accounts: HashMap<i32, i64> = HashMap::new();
    let mut addresses: HashMap<&str, i64> = HashMap::new();
    let mut rows = Vec::with_capacity(batch.len());
    for (row, limits) in batch {
        let account_before = accounts.entry(row.user_id).or_default();
        let address_before = addresses.entry(row.ip.as_str()).or_default();
        rows.push((*row, *limits, *account_before, *address_before));
        *account_before += 1;
        *address_before += 1;
    }
    // The same account twice: only its first request is inserted (the others find it signed).
    let mut seen = HashSet::new();
    rows.retain(|(r, ..)| seen.insert((r.petition_id, r.user_id)));
    // Inserted in key order: two processes' batches then take the unique-index locks in the
    // same order and cannot deadlock on PostgreSQL.
    rows.sort_by_key(|(r, ..)| (r.petition_id, r.user_id));
    let mut petitions: Vec<i32> = rows.iter().map(|(r, ..)| r.petition_id).collect();
    petitions.dedup();
    let taking: Vec<String> = PetitionStatus::ALL
        .iter()
        .filter(|s| s.takes_signatures())
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let lock = if backend == DbBackend::Postgres {
        " FOR SHARE"
    } else {
        ""
    };
    let per_row = 17;
    let mut values: Vec<Value> = petitions.iter().map(|id| Value::from(*id)).collect();
    let mut tuples = Vec::with_capacity(rows.len());
    let limit = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    for (row, limits, account_before, address_before) in &rows {
        tuples.push(format!(
            "({})",
            placeholders(backend, values.len() + 1, per_row)
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
            // The signer's receipt secret: the log holds only a commitment to it.
            Value::from(crate::model::hex32(&signature_log::new_secret())),
            Value::from(limit(limits.per_account_hour)),
            Value::from(*account_before),
            Value::from(limit(limits.per_ip_hour)),
            Value::from(*address_before),
        ]);
    }
    // The values follow the placeholders' order in the text (SQLite's are `?`): the tally's
    // window in `WITH`, then the account's hour in the insert, then the minute tallied.
    //
    // An address's signatures of the last hour, from its tally per minute (see
    // `ADDRESS_TALLY`). On PostgreSQL this statement also adds the rows it inserts to the tally;
    // on SQLite, which has no data-modifying `WITH`, a trigger does (migration 31).
    let since_minute = placeholder(backend, values.len() + 1);
    values.push(Value::from(minute_of(since)));
    let since_account = placeholder(backend, values.len() + 1);
    values.push(Value::from(since));
    let tally = format!(
        ", a AS (SELECT bucket, SUM(hits) AS hits FROM rate_limits \
         WHERE bucket IN (SELECT '{ADDRESS_TALLY}' || ip FROM v) \
         AND window_start >= {since_minute} GROUP BY bucket)"
    );
    let address_count =
        format!("COALESCE((SELECT a.hits FROM a WHERE a.bucket = '{ADDRESS_TALLY}' || v.ip), 0)");
    let tallied = (backend == DbBackend::Postgres).then(|| {
        let minute = placeholder(backend, values.len() + 1);
        values.push(Value::from(minute_of(since + Duration::hours(1))));
        minute
    });
    let selected = COLUMNS
        .split(", ")
        .map(|c| format!("v.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let inserting = format!(
        "INSERT INTO signatures ({COLUMNS}) SELECT {selected} FROM v \
         WHERE v.petition_id IN (SELECT id FROM p) \
         AND (v.account_limit = 0 OR v.account_before + (SELECT COUNT(*) FROM signatures s \
              WHERE s.user_id = v.user_id AND s.created_at > {since_account}) < v.account_limit) \
         AND (v.address_limit = 0 OR v.address_before + {address_count} < v.address_limit) \
         ORDER BY v.petition_id, v.user_id \
         ON CONFLICT DO NOTHING RETURNING petition_id, user_id, ip"
    );
    let head = format!(
        "WITH p AS (SELECT id FROM petitions WHERE id IN ({}) AND status IN ({}){lock}), \
         v ({BATCH_COLUMNS}) AS (VALUES {}){tally}",
        placeholders(backend, 1, petitions.len()),
        taking.join(", "),
        tuples.join(", "),
    );
    let sql = match tallied {
        None => format!("{head} {inserting}"),
        // The tally's rows in the order of their keys, as the signatures' (no deadlock between
        // processes); one row per address, so no row is updated twice.
        Some(minute) => format!(
            "{head}, ins AS ({inserting}), \
             t AS (INSERT INTO rate_limits (bucket, window_start, hits) \
             SELECT '{ADDRESS_TALLY}' || ip, {minute}, COUNT(*) FROM ins GROUP BY ip ORDER BY ip \
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + excluded.hits) \
             SELECT petition_id, user_id FROM ins"
        ),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// Where the signature writer's insert goes.
///
/// On an SQLite file, a connection of the writer's own, on the writer's own thread
/// ([`supervise`] runs [`write_loop`] there): the insert is run where it is waited for. Through
/// sqlx, each statement was handed to the connection's thread and each row it returned handed
/// back, and every hand-off woke a thread on two busy cores: a batch took about 120 µs a
/// signature while that thread worked 45 µs of it, and twice the batch held 12 signatures
/// instead of 7, so the waits grew with the rows, not with the batches. On PostgreSQL
/// (and an in-memory SQLite database) the insert goes through the writer's pool.
struct WriterDb {
    db: DatabaseConnection,
    /// The SQLite file written on the writer's own connection.
    file: Option<std::path::PathBuf>,
    /// That connection, once opened (`None` again after a failure: opened anew at the next
    /// batch).
    own: Option<rusqlite::Connection>,
}

impl WriterDb {
    fn pooled(db: DatabaseConnection) -> WriterDb {
        WriterDb {
            db,
            file: None,
            own: None,
        }
    }

    /// The writer's own connection to the SQLite file behind `db` (a pool of the writer's
    /// own, [`with_own_sync`]): commits that leave the log's sync to the writer
    /// (`synchronous=NORMAL`) and never checkpoint ([`checkpoints`](crate::server::db::checkpoints)
    /// does), as that pool's.
    fn on_file(db: DatabaseConnection) -> WriterDb {
        let file = db
            .get_sqlite_connection_pool()
            .connect_options()
            .get_filename()
            .to_path_buf();
        WriterDb {
            db,
            file: Some(file),
            own: None,
        }
    }

    /// Whether the insert blocks its thread (the writer then runs on a thread of its own).
    fn blocks(&self) -> bool {
        self.file.is_some()
    }

    /// The same, for a writer started again (which opens its connection anew).
    fn restarted(&self) -> WriterDb {
        WriterDb {
            db: self.db.clone(),
            file: self.file.clone(),
            own: None,
        }
    }

    /// Runs the insert ([`insert_statement`]) and returns the (petition, account) pairs it
    /// inserted.
    async fn inserted(
        &mut self,
        statement: Statement,
    ) -> Result<HashSet<(i32, i32)>, sea_orm::DbErr> {
        let Some(file) = &self.file else {
            return inserted_by(&self.db, statement).await;
        };
        let own = match &mut self.own {
            Some(own) => own,
            None => self
                .own
                .insert(crate::server::db::open_file(file, true).map_err(sqlite_error)?),
        };
        let inserted = inserted_on(own, &statement);
        if inserted.is_err() {
            self.own = None;
        }
        inserted.map_err(sqlite_error)
    }
}

/// Runs the insert on the writer's own SQLite connection: the (petition, account) pairs it
/// returned.
fn inserted_on(
    own: &rusqlite::Connection,
    statement: &Statement,
) -> rusqlite::Result<HashSet<(i32, i32)>> {
    let values = statement.values.as_ref().map_or(&[][..], |v| &v.0[..]);
    let mut insert = own.prepare_cached(&statement.sql)?;
    let mut rows = insert.query(rusqlite::params_from_iter(bound(values)?))?;
    let mut inserted = HashSet::new();
    while let Some(row) = rows.next()? {
        inserted.insert((row.get(0)?, row.get(1)?));
    }
    Ok(inserted)
}

/// A statement's values as the writer's own SQLite connection binds them: as sqlx binds them
/// (a time as RFC 3339 text, to the microsecond or nanosecond as it has them), so its rows
/// compare with everyone else's.
fn bound(values: &[sea_orm::Value]) -> rusqlite::Result<Vec<rusqlite::types::Value>> {
    use rusqlite::types::Value as Bound;
    use sea_orm::Value;
    let mut bound = Vec::with_capacity(values.len());
    for value in values {
        bound.push(match value {
            Value::Bool(v) => v.map_or(Bound::Null, |b| Bound::Integer(i64::from(b))),
            Value::SmallInt(v) => v.map_or(Bound::Null, |n| Bound::Integer(i64::from(n))),
            Value::Int(v) => v.map_or(Bound::Null, |n| Bound::Integer(i64::from(n))),
            Value::BigInt(v) => v.map_or(Bound::Null, Bound::Integer),
            Value::String(v) => v.clone().map_or(Bound::Null, Bound::Text),
            Value::ChronoDateTimeUtc(v) => v.map_or(Bound::Null, |at| {
                Bound::Text(at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false))
            }),
            other => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    format!("the signature writer binds no {other:?}").into(),
                ));
            }
        });
    }
    Ok(bound)
}

fn sqlite_error(error: rusqlite::Error) -> sea_orm::DbErr {
    sea_orm::DbErr::Query(sea_orm::RuntimeErr::Internal(format!(
        "the signature writer's SQLite connection: {error}"
    )))
}

/// Runs an insert ([`insert_statement`]) through SeaORM and returns the (petition, account)
/// pairs it inserted.
async fn inserted_by(
    db: &impl ConnectionTrait,
    statement: Statement,
) -> Result<HashSet<(i32, i32)>, sea_orm::DbErr> {
    let mut inserted = HashSet::new();
    for row in db.query_all_raw(statement).await? {
        inserted.insert((row.try_get("", "petition_id")?, row.try_get("", "user_id")?));
    }
    Ok(inserted)
}

/// What becomes of a row the insert skipped, checked in the writer's second transaction: a
/// petition that takes no signatures refuses it; a withdrawn signature of the same account is
/// restored (within the limits); an active (or invalidated — flagged signers are not told) one
/// means already signed; otherwise the row is tried again by itself, counted against the limits
/// as they stand after the batch (the batch's offsets count every row before it, including ones
/// refused for their own account's limit), and if it still cannot go in, the same IIN's
/// signature from another account refuses it, or else a limit.
async fn skipped_row(
    txn: &impl ConnectionTrait,
    (row, limits): (&Row, SigningLimits),
    since: DateTime<Utc>,
) -> Result<Result<SignOutcome, PetitionError>, sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let p = |n| placeholder(backend, n);
    let one = |sql: String, values: Vec<Value>| {
        txn.query_one_raw(Statement::from_sql_and_values(backend, sql, values))
    };
    let lock = if backend == DbBackend::Postgres {
        " FOR SHARE"
    } else {
        ""
    };
    let status: Option<String> = match one(
        format!("SELECT status FROM petitions WHERE id = {}{lock}", p(1)),
        vec![row.petition_id.into()],
    )
    .await?
    {
        Some(found) => found.try_get("", "status")?,
        None => None,
    };
    if !status
        .as_deref()
        .and_then(PetitionStatus::parse)
        .is_some_and(PetitionStatus::takes_signatures)
    {
        return Ok(Err(PetitionError::Refused("sign-closed")));
    }
    let own = one(
        format!(
            "SELECT CASE WHEN withdrawn_at IS NOT NULL AND invalidated_at IS NULL THEN 1 ELSE 0 END \
             AS restorable, ip, created_at FROM signatures WHERE petition_id = {} AND user_id = {}",
            p(1),
            p(2)
        ),
        vec![row.petition_id.into(), row.user_id.into()],
    )
    .await?;
    if let Some(own) = own {
        let restorable: i32 = own.try_get("", "restorable")?;
        if restorable == 0 {
            return Ok(Ok(SignOutcome::AlreadySigned));
        }
        let counts = one(
            format!(
                "SELECT (SELECT COUNT(*) FROM signatures WHERE user_id = {} AND created_at > {}) AS account, \
                 (SELECT COALESCE(SUM(hits), 0) FROM rate_limits WHERE bucket = {} AND window_start >= {}) AS address",
                p(1),
                p(2),
                p(3),
                p(4)
            ),
            vec![
                row.user_id.into(),
                since.into(),
                format!("{ADDRESS_TALLY}{}", row.ip).into(),
                minute_of(since).into(),
            ],
        )
        .await?;
        let count = |column| -> Result<u64, sea_orm::DbErr> {
            let n: i64 = match &counts {
                Some(counts) => counts.try_get("", column)?,
                None => 0,
            };
            Ok(u64::try_from(n).unwrap_or(0))
        };
        let within = |limit: u64, n: u64| limit == 0 || n < limit;
        if !(within(limits.per_account_hour, count("account")?)
            && within(limits.per_ip_hour, count("address")?))
        {
            return Ok(Err(PetitionError::Refused("sign-rate-limited")));
        }
        let restored = txn
            .execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE signatures SET withdrawn_at = NULL, show_name = {}, notify_answer = {}, created_at = {}, ip = {} \
                 WHERE petition_id = {} AND user_id = {} AND withdrawn_at IS NOT NULL AND invalidated_at IS NULL",
                p(1),
                p(2),
                p(3),
                p(4),
                p(5),
                p(6),
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
            // The signature moves to its new address and minute, in the tally as in the row.
            let was_ip: Option<String> = own.try_get("", "ip")?;
            let was_at: DateTime<Utc> = own.try_get("", "created_at")?;
            if let Some(was_ip) = was_ip {
                txn.execute_raw(Statement::from_sql_and_values(
                    backend,
                    format!(
                        "UPDATE rate_limits SET hits = hits - 1 WHERE bucket = {} AND window_start = {} AND hits > 0",
                        p(1),
                        p(2)
                    ),
                    [
                        format!("{ADDRESS_TALLY}{was_ip}").into(),
                        minute_of(was_at).into(),
                    ],
                ))
                .await?;
            }
            rate_limits::hit(
                txn,
                &format!("{ADDRESS_TALLY}{}", row.ip),
                rate_limits::Limit {
                    max: u32::MAX,
                    window_seconds: 60,
                },
                row.created_at,
            )
            .await
            .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
        }
        // Restored by another process meanwhile (PostgreSQL): already signed.
        return Ok(Ok(if restored == 1 {
            SignOutcome::Signed
        } else {
            SignOutcome::AlreadySigned
        }));
    }
    if inserted_by(txn, insert_statement(backend, &[(row, limits)], since))
        .await?
        .contains(&(row.petition_id, row.user_id))
    {
        return Ok(Ok(SignOutcome::Signed));
    }
    let same_person = match &row.iin_hash {
        Some(iin_hash) => one(
            format!(
                "SELECT id FROM signatures WHERE petition_id = {} AND iin_hash = {}",
                p(1),
                p(2)
            ),
            vec![row.petition_id.into(), iin_hash.clone().into()],
        )
        .await?
        .is_some(),
        None => false,
    };
    Ok(Err(PetitionError::Refused(if same_person {
        "sign-iin-used"
    } else {
        "sign-rate-limited"
    })))
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
                "UPDATE signatures SET withdrawn_at = {} WHERE petition_id = {} AND user_id = {} \
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One signer's outcome as the writer tells it on an SQLite file, with the log at `log`.
    async fn told_with_log_at(log: std::path::PathBuf) -> Result<SignOutcome, PetitionError> {
        let (reply, answer) = oneshot::channel();
        Teller::Here(log, Arc::new(Notify::new())).tell(vec![(reply, Ok(SignOutcome::Signed))]);
        answer.await.expect("an answer")
    }

    /// The writer's own SQLite connection binds each kind of value its insert has as sqlx (and
    /// so every other statement) binds it: the same text for a time, the same numbers.
    #[tokio::test]
    async fn the_writers_own_connection_binds_values_as_sqlx_does() {
        let at = DateTime::parse_from_rfc3339("2026-12-05T01:02:03.456789Z")
            .expect("a time")
            .with_timezone(&Utc);
        let whole = DateTime::parse_from_rfc3339("2026-12-05T01:02:03Z")
            .expect("a time")
            .with_timezone(&Utc);
        let values = vec![
            Value::from(at),
            Value::from(whole),
            Value::from(true),
            Value::from(7i16),
            Value::from(42i32),
            Value::from(i64::MAX),
            Value::from("Әлия".to_owned()),
            Value::from(None::<String>),
        ];
        let columns = (1..=values.len())
            .map(|n| format!("quote(?{n}) AS c{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT {columns}");
        let sqlx = sea_orm::Database::connect("sqlite::memory:")
            .await
            .expect("an in-memory database");
        let by_sqlx = sqlx
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Sqlite,
                sql.clone(),
                values.clone(),
            ))
            .await
            .expect("a query")
            .expect("a row");
        let own = rusqlite::Connection::open_in_memory().expect("a connection");
        let bound = bound(&values).expect("bindable");
        let mut by_own = own.prepare(&sql).expect("a statement");
        let by_own: Vec<String> = by_own
            .query_row(rusqlite::params_from_iter(bound), |row| {
                (0..values.len()).map(|i| row.get(i)).collect()
            })
            .expect("a row");
        for (i, own) in by_own.iter().enumerate() {
            let theirs: String = by_sqlx
                .try_get("", &format!("c{}", i + 1))
                .expect("a column");
            assert_eq!(own, &theirs, "value {i}");
        }
        assert_eq!(by_own[0], "'2026-12-05T01:02:03.456789+00:00'");
    }

    /// A signer is told "signed" once the log is synced (or found checkpointed away), and told
    /// of a failure, never "signed", when the log cannot be synced.
    #[tokio::test]
    async fn signers_are_told_signed_only_when_the_log_is_synced() {
        let dir = std::env::temp_dir().join(format!("dauys-sync-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let log = dir.join("dauys.db-wal");
        std::fs::write(&log, b"frames").expect("a log");
        assert!(matches!(
            told_with_log_at(log.clone()).await,
            Ok(SignOutcome::Signed)
        ));
        // No log: it was checkpointed into the database file, which the checkpoint synced.
        assert!(matches!(
            told_with_log_at(dir.join("gone.db-wal")).await,
            Ok(SignOutcome::Signed)
        ));
        // A log that cannot be opened (its folder is a file): the signer hears of a failure.
        let answer = told_with_log_at(log.join("x-wal")).await;
        assert!(
            matches!(&answer, Err(PetitionError::Service(ServiceError::Db(_)))),
            "{answer:?}"
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
