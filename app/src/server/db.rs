//! Opening the database: SQLite (the embedded default, in WAL mode) or PostgreSQL, chosen by the
//! URL, and bringing its schema up to date.

use std::sync::Arc;
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

/// Which engine a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (or memory).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// Why the database could not be used; each renders as one line for the operator.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// `DATABASE_URL` is not a URL the platform can use.
    #[error(
        "DATABASE_URL is malformed ({0}): expected sqlite://path/to/file.db or postgres://user@host/db"
    )]
    Malformed(String),
    /// The database could not be opened.
    #[error("cannot open the database: {0}")]
    Open(String),
    /// The migrations failed.
    #[error("cannot migrate the database: {0}")]
    Migrate(String),
}

/// Which engine `url` names, checking its shape before any connection is tried.
///
/// # Errors
/// `Malformed` for an unknown scheme or a URL without a database.
pub fn backend_of(url: &str) -> Result<Backend, DbError> {
    if let Some(rest) = url.strip_prefix("sqlite:") {
        let path = rest.trim_start_matches("//");
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Err(DbError::Malformed("no file named".into()));
        }
        return Ok(Backend::Sqlite);
    }
    for scheme in ["postgres://", "postgresql://"] {
        if let Some(rest) = url.strip_prefix(scheme) {
            let (authority, database) = rest.split_once('/').unwrap_or((rest, ""));
            if authority.is_empty() {
                return Err(DbError::Malformed("no host".into()));
            }
            if database.split('?').next().unwrap_or_default().is_empty() {
                return Err(DbError::Malformed("no database name".into()));
            }
            return Ok(Backend::Postgres);
        }
    }
    let scheme = url.split_once(':').map_or("none", |(s, _)| s);
    Err(DbError::Malformed(format!("unsupported scheme `{scheme}`")))
}

/// The file an SQLite URL names, if it names one (not `:memory:`).
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite:")?.trim_start_matches("//");
    let path = rest.split('?').next()?;
    (path != ":memory:" && !path.is_empty()).then_some(path)
}

/// Opens the database named by `url`. For SQLite the file's folder is created and WAL mode is
/// switched on (readers then never wait for the writer).
///
/// # Errors
/// `Malformed` or `Open`.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbError> {
    let backend = backend_of(url)?;
    if backend == Backend::Sqlite
        && let Some(file) = sqlite_file(url)
        && let Some(dir) = std::path::Path::new(file).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbError::Open(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    // A connection taken from the pool is pinged only after a minute unused (a PostgreSQL
    // connection may have been dropped meanwhile), not at every use: on SQLite the ping is one
    // more hand-off to the connection's thread and back in front of every query and every
    // transaction, and a file cannot drop a connection.
    if backend == Backend::Sqlite {
        options.test_before_acquire(false);
    } else {
        options.test_before_acquire_if_idle_for(Duration::from_secs(60));
    }
    if backend == Backend::Sqlite {
        // Every connection keeps up to 32 MiB of pages: under a signing surge the default
        // 2 MiB cache sent most page reads to the kernel. The file is read through that cache,
        // not mapped (`DAUYS_SQLITE_MMAP_MIB`, default 0, maps up to that many MiB): in WAL mode
        // a connection that finds the database changed since its last read drops its whole
        // mapping and maps the file again, so under a surge every read paid an `munmap` and an
        // `mmap` of the whole file, the page faults after them, and the other core's TLB
        // flush (measured in session 28: about 350 of each a second, and 10 % more signatures a
        // second without them).
        let mmap = std::env::var("DAUYS_SQLITE_MMAP_MIB")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(0)
            .min(1 << 20)
            * 1024
            * 1024;
        options.map_sqlx_sqlite_opts(move |o| {
            o.pragma("cache_size", "-32000")
                .pragma("mmap_size", mmap.to_string())
                .pragma("temp_store", "memory")
        });
    }
    let db = Database::connect(options)
        .await
        .map_err(|e| DbError::Open(one_line(&e.to_string())))?;
    if backend == Backend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode=WAL")
            .await
            .map_err(|e| DbError::Open(one_line(&e.to_string())))?;
    }
    Ok(db)
}

/// A connection of the process's own to an SQLite file, beside sqlx's pool and set as the
/// pool's connections are ([`connect`]): the signature writer's when `writes` (its commits leave
/// the log's sync to the writer, `synchronous=NORMAL`, and never checkpoint: [`checkpoints`]
/// does), otherwise a reader's, which can only read (`query_only`). It is used on the thread that
/// asks, with no hand-off to a connection's thread and back.
///
/// # Errors
/// The file cannot be opened or set.
pub fn open_file(file: &std::path::Path, writes: bool) -> rusqlite::Result<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    let connection = rusqlite::Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    connection.busy_timeout(Duration::from_secs(if writes { 5 } else { 1 }))?;
    connection.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000; \
         PRAGMA temp_store=memory;",
    )?;
    connection.execute_batch(if writes {
        "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;"
    } else {
        "PRAGMA query_only=ON;"
    })?;
    connection.set_prepared_statement_cache_capacity(64);
    Ok(connection)
}

/// A connection for a writer that makes its own commits durable, and the way to make them so.
///
/// The writer commits without waiting for the disk, leaves its turn, has the log synced
/// ([`LogSync`]), and only then tells anyone its rows are written: a told commit is on the disk,
/// but the write lock is not held while the disk works, and one sync covers every commit
/// before it (whoever's). (On PostgreSQL the next batch is written while the sync runs; on an
/// SQLite file the writer syncs the log itself before its next batch.)
///
/// - On an SQLite file: a pool of one connection to the same file whose commits do not sync the
///   log (`synchronous=NORMAL`, where every other connection keeps FULL); the sync is an
///   `fdatasync` of the log's file.
/// - On PostgreSQL: a pool of one connection whose commits do not wait for the WAL's flush
///   (`synchronous_commit=off`); the sync is a commit on the shared pool, which waits for the
///   flush as the server's setting says (and for a synchronous standby, if there is one).
///
/// `None` for an in-memory database: the writer then commits as everyone does.
///
/// # Errors
/// The second connection could not be opened.
pub async fn with_own_sync(
    db: &DatabaseConnection,
) -> Result<Option<(DatabaseConnection, LogSync)>, sea_orm::DbErr> {
    use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
    let unopened =
        |e: sea_orm::sqlx::Error| sea_orm::DbErr::Conn(sea_orm::RuntimeErr::SqlxError(e.into()));
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        let shared = db.get_postgres_connection_pool();
        // The shared pool's options (its time-outs, its ping after an idle minute), one
        // connection.
        let pool = shared
            .options()
            .clone()
            .max_connections(1)
            .min_connections(1)
            .connect_with(
                shared
                    .connect_options()
                    .as_ref()
                    .clone()
                    .options([("synchronous_commit", "off")]),
            )
            .await
            .map_err(unopened)?;
        return Ok(Some((
            sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool),
            LogSync::Wal(db.clone()),
        )));
    }
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        return Ok(None);
    }
    let options = db.get_sqlite_connection_pool().connect_options();
    let file = options.get_filename();
    // An in-memory database has no file (and nothing to sync).
    if !file.is_file() {
        return Ok(None);
    }
    let mut log = file.as_os_str().to_owned();
    log.push("-wal");
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .test_before_acquire(false)
        .connect_with(
            options
                .as_ref()
                .clone()
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                // Its commits never checkpoint: [`checkpoints`] does, outside its turn.
                .pragma("wal_autocheckpoint", "0"),
        )
        .await
        .map_err(unopened)?;
    Ok(Some((
        sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool),
        LogSync::at(log.into()),
    )))
}

/// Copies an SQLite file's log into the database whenever `wake` is notified (after the
/// signature writer's log is synced), at most every 20 ms: a passive checkpoint, which neither
/// waits for nor holds up readers and writers, on a connection of its own to `db`'s file, which
/// syncs the log before and the database after (`synchronous=FULL`). The signature writer's own
/// connection never checkpoints ([`with_own_sync`]): before, every thousand pages of log its
/// commit copied them and synced twice inside its statement, while it held the write turn.
/// Runs as long as the process (or until its connection cannot be opened).
pub async fn checkpoints(db: DatabaseConnection, wake: std::sync::Arc<tokio::sync::Notify>) {
    use sea_orm::sqlx::sqlite::{SqlitePoolOptions, SqliteSynchronous};
    let options = db
        .get_sqlite_connection_pool()
        .connect_options()
        .as_ref()
        .clone()
        .synchronous(SqliteSynchronous::Full);
    let own = match SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .connect_with(options)
        .await
    {
        Ok(pool) => sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool),
        Err(error) => {
            tracing::error!(%error, "cannot open a connection to copy the log into the database");
            return;
        }
    };
    // A connection copies a log it has opened: one read opens it (a checkpoint asked first
    // reports no log and copies nothing).
    if let Err(error) = own
        .execute_unprepared("SELECT COUNT(*) FROM sqlite_master")
        .await
    {
        tracing::warn!(%error, "cannot read the database to copy its log");
    }
    loop {
        wake.notified().await;
        let started = std::time::Instant::now();
        if let Err(error) = own
            .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
            .await
        {
            tracing::warn!(%error, "cannot copy the log into the database");
        }
        metrics::histogram!("dauys_sqlite_checkpoint_seconds").record(started.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A background loop started by [`spawn_apart`]; [`Apart::abort`] stops it at its next wait.
#[derive(Debug)]
pub struct Apart {
    stop: Arc<tokio::sync::Notify>,
}

impl Apart {
    /// Stops the loop at its next wait.
    pub fn abort(&self) {
        self.stop.notify_one();
    }
}

/// Runs a background loop that writes to `db`: on SQLite on a thread of its own, where each
/// wait for the connection's thread wakes that one thread (as a task among a surge's requests,
/// each of its many statements waited in tokio's queues while it held the one write lock);
/// on PostgreSQL as a task.
pub fn spawn_apart<F>(db: &DatabaseConnection, work: F) -> Apart
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    let stop = Arc::new(tokio::sync::Notify::new());
    let stopped = stop.clone();
    let work = async move {
        tokio::select! {
            () = work => {}
            () = stopped.notified() => {}
        }
    };
    drop(spawn_on_own_thread(
        db.get_database_backend() == sea_orm::DbBackend::Sqlite,
        work,
    ));
    Apart { stop }
}

/// Runs `work` to its end: when `own_thread`, on a thread of its own (a blocking thread of
/// tokio's pool that drives it with `Handle::block_on`, so its waits wake that one thread
/// instead of queueing behind the requests on the runtime's workers), otherwise as a task.
/// What the signature writer and [`spawn_apart`]'s loops run on.
pub fn spawn_on_own_thread<F>(own_thread: bool, work: F) -> tokio::task::JoinHandle<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    if own_thread {
        let runtime = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || runtime.block_on(work))
    } else {
        tokio::spawn(work)
    }
}

/// A database's log, synced on demand ([`with_own_sync`]).
#[derive(Clone, Debug)]
pub enum LogSync {
    /// An SQLite database's write-ahead log: its file (the database's name followed by `-wal`).
    File(std::path::PathBuf),
    /// PostgreSQL's WAL, flushed by a commit on this (shared) pool.
    Wal(DatabaseConnection),
}

impl LogSync {
    /// The SQLite log at `path`.
    pub(crate) fn at(path: std::path::PathBuf) -> LogSync {
        LogSync::File(path)
    }

    /// Puts every commit made so far on the disk.
    ///
    /// - SQLite: syncs the log's file (any descriptor of a file syncs all that was written to
    ///   it). A log that is gone was checkpointed into the database file, which the checkpoint
    ///   synced.
    /// - PostgreSQL: commits a transaction that wrote to the WAL (a transactional logical
    ///   message, which any role may emit and no table keeps). Its commit waits for the WAL to be
    ///   flushed through its record, and so through every commit before it. (A transaction that
    ///   only takes an ID, `SELECT pg_current_xact_id()`, writes nothing and commits without
    ///   that wait.)
    ///
    /// # Errors
    /// The log could not be synced.
    pub async fn sync(&self) -> std::io::Result<()> {
        match self {
            LogSync::File(path) => {
                let path = path.clone();
                tokio::task::spawn_blocking(move || sync_log(&path))
                    .await
                    .map_err(std::io::Error::other)?
            }
            LogSync::Wal(db) => db
                .execute_unprepared("SELECT pg_logical_emit_message(true, 'dauys.sync', '')")
                .await
                .map(drop)
                .map_err(std::io::Error::other),
        }
    }
}

/// Syncs an SQLite file's log at `path`, on this thread ([`LogSync::sync`]).
///
/// # Errors
/// The log could not be opened or synced.
pub fn sync_log(path: &std::path::Path) -> std::io::Result<()> {
    match std::fs::File::open(path) {
        Ok(log) => log.sync_data(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Applies every pending migration.
///
/// # Errors
/// `Migrate`.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbError> {
    Migrator::up(db, None)
        .await
        .map_err(|e| DbError::Migrate(one_line(&e.to_string())))
}

/// How long a writer waits for its turn before going ahead without it (SQLite's own lock then
/// decides, within its busy timeout): a turn is never held that long by working code, so this
/// only turns a bug that would hang into the database's own timeout error.
const TURN_WAIT: Duration = Duration::from_secs(10);

/// A writer's turn at an SQLite database, held until it drops (after the transaction ends).
/// How long turns are waited for and held is recorded (`dauys_write_turn_wait_seconds`,
/// `dauys_write_turn_held_seconds`): held nearly all the time, the one write lock is what
/// every writer waits on.
#[must_use = "the turn ends when this is dropped"]
pub struct WriteTurn {
    _held: Option<(tokio::sync::OwnedMutexGuard<()>, std::time::Instant)>,
}

impl Drop for WriteTurn {
    fn drop(&mut self) {
        if let Some((_, taken)) = &self._held {
            metrics::histogram!("dauys_write_turn_held_seconds").record(taken.elapsed());
        }
    }
}

/// Waits for this process's turn to write to the database, in order of arrival. SQLite has one
/// write lock; a connection that finds it taken sleeps in SQLite's busy handler for 1, 2, 5, 10,
/// 15, 20, 25 … ms between tries, so a signature batch that met a registration's short
/// transaction could sleep far longer than the lock was held, and lose it again to whoever came
/// next. Writers in one process queue here instead and each goes in as the last one leaves.
/// Other processes on the same file (not a supported set-up for SQLite) still meet the busy
/// handler. PostgreSQL needs no turn: its writers lock rows, not the database.
pub async fn write_turn(db: &DatabaseConnection) -> WriteTurn {
    use std::{
        collections::HashMap,
        path::PathBuf,
        sync::{Arc, LazyLock, Mutex},
    };
    type Turns = Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>;
    static TURNS: LazyLock<Turns> = LazyLock::new(Turns::default);
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        return WriteTurn { _held: None };
    }
    let options = db.get_sqlite_connection_pool().connect_options();
    let file = options.get_filename();
    // Looked up by reference: the path is copied only the first time a file is written.
    let turn = match TURNS.lock() {
        Ok(mut turns) => match turns.get(file) {
            Some(turn) => turn.clone(),
            None => turns.entry(file.to_path_buf()).or_default().clone(),
        },
        Err(_) => return WriteTurn { _held: None },
    };
    let asked = std::time::Instant::now();
    let taken = tokio::time::timeout(TURN_WAIT, turn.lock_owned()).await;
    metrics::histogram!("dauys_write_turn_wait_seconds").record(asked.elapsed());
    match taken {
        Ok(guard) => WriteTurn {
            _held: Some((guard, std::time::Instant::now())),
        },
        Err(_) => {
            // Working code holds a turn for milliseconds; this long a wait is a turn asked for
            // while holding one (a bug the tests must see, not a slow page).
            debug_assert!(false, "no turn to write within {TURN_WAIT:?}");
            tracing::warn!("no turn to write within {TURN_WAIT:?}; going ahead without one");
            WriteTurn { _held: None }
        }
    }
}

/// Takes SQLite's write lock at the start of a transaction, as `BEGIN IMMEDIATE` would (a
/// no-op `UPDATE`). A deferred transaction that reads, works, then writes fails with
/// SQLITE_BUSY when another connection wrote meanwhile; one that holds the lock from its first
/// statement waits its turn instead. PostgreSQL needs nothing here (row locks do the work).
///
/// # Errors
/// A database failure.
pub async fn lock_for_write(txn: &impl ConnectionTrait) -> Result<(), sea_orm::DbErr> {
    if txn.get_database_backend() == sea_orm::DbBackend::Sqlite {
        txn.execute_unprepared("UPDATE worker_locks SET name = name WHERE 0")
            .await?;
    }
    Ok(())
}

/// Begins a transaction that writes: waits for this process's turn ([`write_turn`]), then takes
/// SQLite's write lock at once (`BEGIN IMMEDIATE`, as [`lock_for_write`] does for a transaction
/// begun otherwise). The turn is held until it drops, so bind it
/// to a name that lives as long as the transaction (`let (_turn, txn) = …`): `let (_, txn)`
/// would end the turn at once.
///
/// # Errors
/// A database failure.
pub async fn begin_write(
    db: &DatabaseConnection,
) -> Result<(WriteTurn, sea_orm::DatabaseTransaction), sea_orm::DbErr> {
    let turn = write_turn(db).await;
    let txn = begin_in_turn(db, &turn).await?;
    Ok((turn, txn))
}

/// Begins a transaction that writes, in a turn already held ([`write_turn`]): for a writer
/// that holds its turn across more than one transaction, or across a statement outside one.
///
/// # Errors
/// A database failure.
pub async fn begin_in_turn(
    db: &DatabaseConnection,
    _turn: &WriteTurn,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    // `BEGIN IMMEDIATE` on SQLite: the lock in the same statement as the begin. Each statement
    // is a hand-off to the connection's thread and back, and under load each hand-off waits
    // for a core while the lock is held.
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// A read-only transaction that sees one snapshot of the database, for a page assembled from
/// several queries: without it a change committed between two of them (a petition opening as
/// its event is written) shows the page half before and half after. PostgreSQL needs
/// `REPEATABLE READ` for that; an SQLite transaction reads one snapshot from its first read on.
///
/// # Errors
/// A database failure.
pub async fn read_snapshot(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{AccessMode, IsolationLevel, TransactionTrait};
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.begin_with_config(
            Some(IsolationLevel::RepeatableRead),
            Some(AccessMode::ReadOnly),
        )
        .await
    } else {
        db.begin().await
    }
}

/// Takes the named background-work lock (a row of `worker_locks`) for the rest of the
/// transaction: another process asking for it waits until this transaction ends. On SQLite it
/// is the database's write lock.
///
/// # Errors
/// A database failure.
pub async fn take_worker_lock(
    txn: &impl ConnectionTrait,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    txn.execute_raw(sea_orm::Statement::from_sql_and_values(
        backend,
        format!(
            "UPDATE worker_locks SET run_at = {} WHERE name = {}",
            placeholder(backend, 1),
            placeholder(backend, 2)
        ),
        [now.into(), name.into()],
    ))
    .await?;
    Ok(())
}

/// The `n`th (from 1) bind placeholder of a raw statement: `?` for SQLite, `$n` for PostgreSQL.
pub fn placeholder(backend: sea_orm::DbBackend, n: usize) -> String {
    match backend {
        sea_orm::DbBackend::Postgres => format!("${n}"),
        _ => "?".into(),
    }
}

/// `count` placeholders from the `first`, separated by commas.
pub fn placeholders(backend: sea_orm::DbBackend, first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| placeholder(backend, n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_engine() {
        assert_eq!(
            backend_of("sqlite://data/dauys.db?mode=rwc").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(backend_of("sqlite::memory:").ok(), Some(Backend::Sqlite));
        assert_eq!(
            backend_of("postgres://127.0.0.1/dauys").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            backend_of("postgresql://u:p@db:5432/x").ok(),
            Some(Backend::Postgres)
        );
    }

    #[test]
    fn malformed_urls_are_reported_as_such() {
        for url in [
            "mysql://x/y",
            "data/dauys.db",
            "postgres:///dauys",
            "postgres://host/",
            "",
        ] {
            let error = backend_of(url)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                error.starts_with("DATABASE_URL is malformed"),
                "{url}: {error}"
            );
        }
    }

    /// The signature writer gets a connection of its own whose commits do not wait for the
    /// disk, while the shared pool's do, and the writer's sync puts its commits on the disk: on
    /// an SQLite file, `synchronous` NORMAL beside FULL; on PostgreSQL, `synchronous_commit` off
    /// beside on, and the WAL flushed through the writer's commit once synced. An in-memory
    /// database has none.
    #[tokio::test]
    async fn the_writer_has_a_connection_that_leaves_the_sync_to_it() {
        use sea_orm::Statement;
        let test = crate::server::testing::TestDb::empty().await;
        let db = test.db.clone();
        let backend = db.get_database_backend();
        let postgres = backend == sea_orm::DbBackend::Postgres;
        let (own, log) = with_own_sync(&db)
            .await
            .expect("the second connection opens")
            .expect("a file or a server has one");
        // The first column of the first row `sql` reads, as text.
        let text = |db: DatabaseConnection, sql: &'static str| async move {
            db.query_one_raw(Statement::from_string(backend, sql))
                .await
                .expect("it reads")
                .and_then(|row| {
                    row.try_get_by_index::<String>(0)
                        .or_else(|_| row.try_get_by_index::<i32>(0).map(|n| n.to_string()))
                        .ok()
                })
        };
        let setting = if postgres {
            "SHOW synchronous_commit"
        } else {
            "PRAGMA synchronous"
        };
        let (off, on) = if postgres { ("off", "on") } else { ("1", "2") };
        assert_eq!(text(own.clone(), setting).await.as_deref(), Some(off));
        assert_eq!(text(db.clone(), setting).await.as_deref(), Some(on));
        own.execute_unprepared("CREATE TABLE t (n INTEGER)")
            .await
            .expect("a table");
        own.execute_unprepared("INSERT INTO t VALUES (7)")
            .await
            .expect("a commit");
        let written = if postgres {
            text(
                own.clone(),
                "SELECT CAST(pg_current_wal_insert_lsn() AS TEXT)",
            )
            .await
        } else {
            None
        };
        log.sync().await.expect("the log syncs");
        assert_eq!(
            text(db.clone(), "SELECT n FROM t").await.as_deref(),
            Some("7")
        );
        if let Some(written) = written {
            let flushed = db
                .query_one_raw(Statement::from_sql_and_values(
                    backend,
                    "SELECT pg_current_wal_flush_lsn() >= CAST($1 AS pg_lsn) AS flushed",
                    [written.into()],
                ))
                .await
                .expect("it reads")
                .and_then(|row| row.try_get::<bool>("", "flushed").ok());
            assert_eq!(flushed, Some(true), "the WAL is flushed through the commit");
        }
        own.close().await.ok();
        test.drop_database().await;
        let memory = connect("sqlite::memory:").await.expect("memory opens");
        assert!(with_own_sync(&memory).await.expect("no error").is_none());
    }

    /// A loop started apart runs on SQLite on a thread that is not one of the runtime's
    /// workers, and stops when aborted.
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_loop_apart_runs_off_the_workers_and_stops_when_aborted() {
        let memory = connect("sqlite::memory:").await.expect("memory opens");
        let worker = std::thread::current().id();
        let (seen, mut threads) = tokio::sync::mpsc::unbounded_channel();
        let apart = spawn_apart(&memory, async move {
            loop {
                if seen.send(std::thread::current().id()).is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        let thread = threads.recv().await.expect("the loop runs");
        assert_ne!(thread, worker, "not on the runtime's worker");
        apart.abort();
        // Stopped: its sender is dropped, so the channel ends after what it had sent.
        tokio::time::timeout(Duration::from_secs(5), async {
            while threads.recv().await.is_some() {}
        })
        .await
        .expect("the loop stops once aborted");
    }

    /// On an SQLite file the writer's own connection never copies its log into the database,
    /// however long the log grows; [`checkpoints`] does when woken, outside any write turn.
    #[tokio::test]
    async fn the_writers_log_reaches_the_database_only_through_the_checkpoints() {
        let test = crate::server::testing::TestDb::empty().await;
        let db = test.db.clone();
        if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
            test.drop_database().await;
            return;
        }
        let file = db
            .get_sqlite_connection_pool()
            .connect_options()
            .get_filename()
            .to_path_buf();
        let size = || std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let (own, _log) = with_own_sync(&db)
            .await
            .expect("the second connection opens")
            .expect("a file has one");
        own.execute_unprepared("CREATE TABLE t (b BLOB)")
            .await
            .expect("a table");
        let before = size();
        // About 3,000 pages of log: three times SQLite's default point for a checkpoint.
        for _ in 0..30 {
            own.execute_unprepared(
                "INSERT INTO t SELECT randomblob(4000) FROM (SELECT 1 UNION ALL SELECT 2) a, \
                 (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) b, \
                 (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 \
                  UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10) c",
            )
            .await
            .expect("a commit");
        }
        assert_eq!(size(), before, "the writer's commits copied nothing");
        let wake = std::sync::Arc::new(tokio::sync::Notify::new());
        let copying = tokio::spawn(checkpoints(db.clone(), wake.clone()));
        wake.notify_one();
        let mut waited = 0;
        while size() < before + 10_000_000 && waited < 100 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            waited += 1;
        }
        assert!(
            size() >= before + 10_000_000,
            "the log was copied: {}",
            size()
        );
        copying.abort();
        own.close().await.ok();
        test.drop_database().await;
    }

    #[test]
    fn the_sqlite_file_is_found_in_the_url() {
        assert_eq!(
            sqlite_file("sqlite://data/x.db?mode=rwc"),
            Some("data/x.db")
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
    }
}
