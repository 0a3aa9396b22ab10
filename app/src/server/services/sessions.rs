//! Web sessions: a random token for the browser's cookie, its SHA-256 in the database, a sliding
//! expiry, and ending one session or every session of an account.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use sha2::{Digest, Sha256};
use tokio::sync::{Semaphore, mpsc, oneshot};

use super::ServiceError;
use crate::server::entities::{session, user};

/// How long a session lasts without use.
pub const LIFETIME: Duration = Duration::days(14);

/// The token the browser keeps (never stored on the server).
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

impl SessionToken {
    /// A token from a cookie value.
    pub fn from_cookie(value: &str) -> SessionToken {
        SessionToken(value.to_owned())
    }

    /// The cookie value.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

/// A new random 256-bit value, hex-encoded (session and CSRF tokens).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Starts a session for an account (at log-in: always a new token, so no fixation).
///
/// # Errors
/// A database failure.
pub async fn start(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<SessionToken, ServiceError> {
    let token = SessionToken(random_token());
    session::ActiveModel {
        token_hash: Set(token.hash()),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + LIFETIME),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Starts one session for each account, in batches (fixtures and load tests log thousands in).
///
/// # Errors
/// A database failure.
pub async fn start_many(
    db: &impl ConnectionTrait,
    user_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<SessionToken>, ServiceError> {
    let tokens: Vec<SessionToken> = user_ids
        .iter()
        .map(|_| SessionToken(random_token()))
        .collect();
    let rows: Vec<session::ActiveModel> = user_ids
        .iter()
        .zip(&tokens)
        .map(|(user_id, token)| session::ActiveModel {
            token_hash: Set(token.hash()),
            user_id: Set(*user_id),
            created_at: Set(now),
            expires_at: Set(now + LIFETIME),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(1_000) {
        session::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(tokens)
}

/// The account a token belongs to, if the session is live; a session used in the second half of
/// its life is extended (sliding expiry). An expired session is removed.
///
/// # Errors
/// A database failure.
pub async fn resume(
    db: &impl ConnectionTrait,
    token: &SessionToken,
    now: DateTime<Utc>,
) -> Result<Option<user::Model>, ServiceError> {
    let hash = token.hash();
    Ok(resume_many(db, std::slice::from_ref(&hash), now)
        .await?
        .remove(&hash))
}

/// [`resume`] for many sessions at once, by their tokens' hashes: one query for all of them
/// and their accounts. The live ones, by hash.
///
/// # Errors
/// A database failure.
async fn resume_many(
    db: &impl ConnectionTrait,
    hashes: &[String],
    now: DateTime<Utc>,
) -> Result<HashMap<String, user::Model>, ServiceError> {
    use sea_orm::{FromQueryResult, Statement, Value};
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT users.*, sessions.id AS session_id, sessions.expires_at AS session_expires_at, \
                 sessions.token_hash AS session_token_hash \
                 FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash IN ({})",
                crate::server::db::placeholders(backend, 1, hashes.len())
            ),
            hashes.iter().map(|h| Value::from(h.clone())),
        ))
        .await?;
    let mut live = HashMap::with_capacity(rows.len());
    for row in rows {
        let session_id: i32 = row.try_get("", "session_id")?;
        let expires_at: DateTime<Utc> = row.try_get("", "session_expires_at")?;
        if expires_at <= now {
            session::Entity::delete_by_id(session_id).exec(db).await?;
            continue;
        }
        if expires_at - now < LIFETIME / 2 {
            session::Entity::update_many()
                .col_expr(
                    session::Column::ExpiresAt,
                    sea_orm::sea_query::Expr::value(now + LIFETIME),
                )
                .filter(session::Column::Id.eq(session_id))
                .exec(db)
                .await?;
        }
        live.insert(
            row.try_get("", "session_token_hash")?,
            user::Model::from_query_result(&row, "")?,
        );
    }
    Ok(live)
}

type Lookup = (
    String,
    oneshot::Sender<Result<Option<user::Model>, ServiceError>>,
);

/// Session look-ups gathered into one query: every request resumes its session, and under
/// load the requests that arrive while a look-up runs wait for the next one, which resolves
/// them all at once (one statement instead of one per request; on SQLite each statement is a
/// hand-off to a connection's thread and back). On an SQLite file each request reads its own
/// session on its own thread instead ([`FileReads`]), and only a session to remove or extend is
/// gathered. Nothing is cached: a session ended a moment ago is not found by the next request.
/// Cloning shares the task.
#[derive(Clone)]
pub struct Lookups {
    queue: mpsc::Sender<Lookup>,
    /// On an SQLite file, the reads made on the asking request's own thread.
    file: Option<Arc<FileReads>>,
}

impl std::fmt::Debug for Lookups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookups")
    }
}

/// The most sessions one look-up resolves.
const MAX_LOOKUPS: usize = 256;
/// Look-ups running at once (each on a connection of its own).
const CONCURRENT_LOOKUPS: usize = 2;

impl Lookups {
    /// Starts the task that runs the look-ups on `db`. Call it inside the runtime.
    pub fn start(db: DatabaseConnection) -> Lookups {
        let (queue, waiting) = mpsc::channel(4 * MAX_LOOKUPS);
        let file = FileReads::of(&db).map(Arc::new);
        tokio::spawn(gather(db, waiting));
        Lookups { queue, file }
    }

    /// [`resume`], gathered with the look-ups of other requests.
    ///
    /// # Errors
    /// A database failure (of the look-up this one was gathered into).
    pub async fn resume(&self, token: &SessionToken) -> Result<Option<user::Model>, ServiceError> {
        if let Some(file) = &self.file {
            let started = std::time::Instant::now();
            let read = file.read(&token.hash(), Utc::now());
            metrics::histogram!("dauys_session_lookup_seconds").record(started.elapsed());
            match read {
                Ok(Read::Live(account)) => return Ok(Some(*account)),
                Ok(Read::Unknown) => return Ok(None),
                // Removed or extended through the pool, as before.
                Ok(Read::ToWrite) => {}
                Err(error) => tracing::warn!(%error, "a session read on the file failed"),
            }
        }
        let (reply, answer) = oneshot::channel();
        let stopped = || ServiceError::Corrupt("the session look-ups have stopped".into());
        self.queue
            .send((token.hash(), reply))
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

/// What a session read on the file found.
enum Read {
    /// A live session that needs no change, and its account.
    Live(Box<user::Model>),
    /// No session with that token.
    Unknown,
    /// A session to remove (expired) or to extend: the gathered look-up does both.
    ToWrite,
}

/// Connections kept for the next reads.
const IDLE_READERS: usize = 4;

/// Session look-ups on an SQLite file, read on the asking request's own thread through a
/// connection of the process's own (`db::open_file`): one indexed read of a few microseconds,
/// where the gathered look-up woke its task, a task of its own, the pooled connection's thread
/// and the request again. A session that must be removed or extended, and any read that fails,
/// goes the gathered way. Nothing is cached either way.
struct FileReads {
    file: std::path::PathBuf,
    idle: std::sync::Mutex<Vec<rusqlite::Connection>>,
}

/// The session and account read on the file, in the order [`account_of`] takes them.
const READ_SESSION: &str = "SELECT sessions.expires_at, users.id, users.email, users.display_name, \
     users.region_id, users.password_hash, users.email_verified_at, users.iin_hash, users.birth_date, \
     users.sex, users.iin_checked_at, users.created_at, users.language, users.deleted_at \
     FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = ?1";

impl FileReads {
    /// Reads for `db` when it is an SQLite file.
    fn of(db: &DatabaseConnection) -> Option<FileReads> {
        if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
            return None;
        }
        let file = db
            .get_sqlite_connection_pool()
            .connect_options()
            .get_filename()
            .to_path_buf();
        file.is_file().then(|| FileReads {
            file,
            idle: std::sync::Mutex::default(),
        })
    }

    fn read(&self, hash: &str, now: DateTime<Utc>) -> rusqlite::Result<Read> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let connection = match idle {
            Some(connection) => connection,
            None => crate::server::db::open_file(&self.file, false)?,
        };
        let read = read_session(&connection, hash, now);
        if read.is_ok()
            && let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_READERS
        {
            idle.push(connection);
        }
        read
    }
}

fn read_session(
    connection: &rusqlite::Connection,
    hash: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<Read> {
    use rusqlite::OptionalExtension;
    let mut statement = connection.prepare_cached(READ_SESSION)?;
    let found = statement
        .query_row([hash], |row| {
            let expires_at = time_of(row, 0)?;
            if expires_at <= now || expires_at - now < LIFETIME / 2 {
                return Ok(Read::ToWrite);
            }
            Ok(Read::Live(Box::new(account_of(row)?)))
        })
        .optional()?;
    Ok(found.unwrap_or(Read::Unknown))
}

/// The account in a row of [`READ_SESSION`].
fn account_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<user::Model> {
    Ok(user::Model {
        id: row.get(1)?,
        email: row.get(2)?,
        display_name: row.get(3)?,
        region_id: row.get(4)?,
        password_hash: row.get(5)?,
        email_verified_at: maybe_time_of(row, 6)?,
        iin_hash: row.get(7)?,
        birth_date: row
            .get::<_, Option<String>>(8)?
            .map(|d| {
                chrono::NaiveDate::parse_from_str(&d, "%F").map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        8,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })
            })
            .transpose()?,
        sex: row.get(9)?,
        iin_checked_at: maybe_time_of(row, 10)?,
        created_at: time_of(row, 11)?,
        language: row.get(12)?,
        deleted_at: maybe_time_of(row, 13)?,
    })
}

fn time_of(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    maybe_time_of(row, column)?.ok_or(rusqlite::Error::InvalidColumnType(
        column,
        "a time".into(),
        rusqlite::types::Type::Null,
    ))
}

/// A time as sqlx reads SQLite's text (RFC 3339, or one of SQLite's own forms, UTC unless an
/// offset is given). Anything else fails the read, which then goes the gathered way.
fn maybe_time_of(
    row: &rusqlite::Row<'_>,
    column: usize,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    const FORMS: [&str; 12] = [
        "%F %T%.f",
        "%F %R",
        "%F %RZ",
        "%F %R%:z",
        "%F %T%.fZ",
        "%F %T%.f%:z",
        "%FT%R",
        "%FT%RZ",
        "%FT%R%:z",
        "%FT%T%.f",
        "%FT%T%.fZ",
        "%FT%T%.f%:z",
    ];
    let Some(text) = row.get::<_, Option<String>>(column)? else {
        return Ok(None);
    };
    if let Ok(time) = DateTime::parse_from_rfc3339(&text) {
        return Ok(Some(time.with_timezone(&Utc)));
    }
    for form in FORMS {
        if let Ok(time) = DateTime::parse_from_str(&text, form) {
            return Ok(Some(time.with_timezone(&Utc)));
        }
        if let Ok(time) = chrono::NaiveDateTime::parse_from_str(&text, form) {
            return Ok(Some(time.and_utc()));
        }
    }
    Err(rusqlite::Error::InvalidColumnType(
        column,
        format!("a time: {text}"),
        rusqlite::types::Type::Text,
    ))
}

/// Takes whatever look-ups are waiting, up to [`MAX_LOOKUPS`], and resolves them in one query,
/// with at most [`CONCURRENT_LOOKUPS`] queries running. A query that panics fails only its own
/// requests (their answers are dropped).
async fn gather(db: DatabaseConnection, mut waiting: mpsc::Receiver<Lookup>) {
    let permits = Arc::new(Semaphore::new(CONCURRENT_LOOKUPS));
    while let Some(first) = waiting.recv().await {
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return;
        };
        let mut batch = vec![first];
        while batch.len() < MAX_LOOKUPS {
            match waiting.try_recv() {
                Ok(lookup) => batch.push(lookup),
                Err(_) => break,
            }
        }
        let db = db.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut hashes: Vec<String> = batch.iter().map(|(hash, _)| hash.clone()).collect();
            hashes.sort_unstable();
            hashes.dedup();
            let started = std::time::Instant::now();
            let resumed = resume_many(&db, &hashes, Utc::now()).await;
            metrics::histogram!("dauys_session_lookup_seconds").record(started.elapsed());
            match resumed {
                Ok(live) => {
                    for (hash, reply) in batch {
                        reply.send(Ok(live.get(&hash).cloned())).ok();
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    for (_, reply) in batch {
                        reply
                            .send(Err(ServiceError::Db(sea_orm::DbErr::Custom(
                                message.clone(),
                            ))))
                            .ok();
                    }
                }
            }
        });
    }
}

/// Ends one session (log out).
///
/// # Errors
/// A database failure.
pub async fn end(db: &impl ConnectionTrait, token: &SessionToken) -> Result<(), ServiceError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account (log out everywhere; after a password change).
///
/// # Errors
/// A database failure.
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, ServiceError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}
