//! The public signature log: an append-only Merkle tree of every counted signature, every
//! signature taken out of a count, and the site's statements of each count, so that anyone can
//! check a petition's count and every signer can check their own signature is in it.
//!
//! - **Tree**: RFC 6962 hashing (leaf `SHA-256(0 ‖ entry)`, node `SHA-256(1 ‖ left ‖ right)`) in
//!   the stored-hash layout of Go's `sumdb/tlog` as ported by Cloudflare's `tlog_tiles` (the
//!   c2sp.org/tlog-tiles crate): every hash the tree will ever need is written once, when its
//!   subtree completes (`log_hashes`), so the root of any size and any inclusion or consistency
//!   proof is read with one query of at most `2 log₂ n` rows, never recomputed from the leaves.
//! - **Entries** (`model::LogEntry`, canonical one-line text): appended by the folding task in
//!   the transaction that counts the signatures (`counting::fold`), so an entry exists exactly
//!   when its signature counts, once; a batch is shuffled, so the order does not tell who signed
//!   when. A tally follows for every petition the batch touched.
//! - **Checkpoints**: a c2sp.org/tlog-checkpoint signed note (origin, size, root) signed with the
//!   site's Ed25519 key (`LogKey`), written after each fold and kept.
//! - **Receipts**: the signer's random secret `r` (on their signature row, shown only to them),
//!   the entry's index and the checkpoint they saw; `check` verifies one.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine as _;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, Statement, Value};
use signed_note::{Note, Signer as _, StandardSigner};
use tlog_tiles::{Checkpoint, Hash, HashReader};

use super::ServiceError;
use crate::log_check::{self, Found, LogMaterial, failed};
pub use crate::log_check::{commitment, leaf_hash, opened};
use crate::model::{LogEntry, Receipt, ReceiptCheck, RevokeReason};
use crate::server::db::{placeholder, placeholders};

/// Entries returned by one read of a range, at most.
pub const MAX_ENTRIES: u64 = 1_000;

/// The site's checkpoint key: signs tree heads; its name is the log's origin.
pub struct LogKey {
    signer: StandardSigner,
    verifier: String,
    origin: String,
}

impl std::fmt::Debug for LogKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogKey")
            .field("verifier", &self.verifier)
            .finish_non_exhaustive()
    }
}

impl LogKey {
    /// Reads a signed-note private key (`PRIVATE+KEY+<origin>+<id>+<base64>`, Ed25519).
    ///
    /// # Errors
    /// The key is not in that form.
    pub fn parse(private: &str) -> Result<Self, String> {
        let private = private.trim();
        let signer = StandardSigner::new(private).map_err(|e| e.to_string())?;
        // `PRIVATE+KEY+<name>+<id>+<base64>`: the name has no `+`, the base64 may.
        let encoded = private.splitn(5, '+').nth(4).unwrap_or_default();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|e| e.to_string())?;
        let seed: [u8; 32] = bytes
            .get(1..)
            .and_then(|b| b.try_into().ok())
            .ok_or("not an Ed25519 key")?;
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        let verifier = signed_note::new_ed25519_verifier_key(signer.name(), &key.verifying_key());
        Ok(Self {
            origin: signer.name().to_owned(),
            signer,
            verifier,
        })
    }

    /// A new key for `origin` and its private text (to be kept).
    ///
    /// # Panics
    /// When `origin` is not a valid key name (empty, or with a space or `+`).
    #[must_use]
    pub fn generate(origin: &str) -> (Self, String) {
        let (private, _) = signed_note::generate_key(&mut OsRng, origin);
        let key = Self::parse(&private).expect("a key just generated reads back");
        (key, private)
    }

    /// The log's origin (the first line of every checkpoint).
    #[must_use]
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The public verifier key (`<origin>+<id>+<base64>`), to check checkpoints with.
    #[must_use]
    pub fn verifier_key(&self) -> &str {
        &self.verifier
    }

    fn sign(&self, checkpoint: &Checkpoint) -> Result<String, ServiceError> {
        let corrupt = |e: &dyn std::fmt::Display| ServiceError::Corrupt(format!("checkpoint: {e}"));
        let mut note = Note::new(&checkpoint.to_bytes(), &[]).map_err(|e| corrupt(&e))?;
        note.add_sigs(&[&self.signer]).map_err(|e| corrupt(&e))?;
        String::from_utf8(note.to_bytes()).map_err(|e| corrupt(&e))
    }

    /// Reads a signed checkpoint and checks it is this log's, signed with this key.
    #[must_use]
    pub fn open(&self, note: &str) -> Option<Checkpoint> {
        opened(&self.verifier, &self.origin, note)
    }
}

/// A new receipt secret.
#[must_use]
pub fn new_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    OsRng.fill_bytes(&mut secret);
    secret
}

/// Stored hashes read from the database on demand. `tlog_tiles` asks for each proof's or root's
/// hashes in one call; a call that finds some missing records them and fails, and `run` loads
/// them and calls again.
#[derive(Default)]
struct Hashes {
    known: Mutex<HashMap<u64, Hash>>,
    missing: Mutex<Vec<u64>>,
}

impl HashReader for Hashes {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        let known = self.known.lock().expect("hash map");
        let mut found = Vec::with_capacity(indexes.len());
        let mut missing = Vec::new();
        for index in indexes {
            match known.get(index) {
                Some(hash) => found.push(*hash),
                None => missing.push(*index),
            }
        }
        if missing.is_empty() {
            Ok(found)
        } else {
            *self.missing.lock().expect("missing list") = missing;
            Err(tlog_tiles::Error::IndexesNotInTree)
        }
    }
}

impl Hashes {
    async fn run<T>(
        &self,
        db: &impl ConnectionTrait,
        f: impl Fn(&Self) -> Result<T, tlog_tiles::Error>,
    ) -> Result<T, ServiceError> {
        for _ in 0..4 {
            match f(self) {
                Ok(value) => return Ok(value),
                Err(error) => {
                    let missing = std::mem::take(&mut *self.missing.lock().expect("missing list"));
                    if missing.is_empty() {
                        return Err(ServiceError::Corrupt(format!("log tree: {error}")));
                    }
                    self.load(db, &missing).await?;
                }
            }
        }
        Err(ServiceError::Corrupt(
            "log tree: hashes keep missing".into(),
        ))
    }

    async fn load(&self, db: &impl ConnectionTrait, indexes: &[u64]) -> Result<(), ServiceError> {
        let backend = db.get_database_backend();
        for chunk in indexes.chunks(500) {
            let rows = db
                .query_all_raw(Statement::from_sql_and_values(
                    backend,
                    format!(
                        "SELECT idx, hash FROM log_hashes WHERE idx IN ({})",
                        placeholders(backend, 1, chunk.len())
                    ),
                    chunk.iter().map(|i| Value::from(signed(*i))),
                ))
                .await?;
            let mut known = self.known.lock().expect("hash map");
            for row in rows {
                let index: i64 = row.try_get("", "idx")?;
                let bytes: Vec<u8> = row.try_get("", "hash")?;
                let hash: [u8; 32] = bytes.try_into().map_err(|_| {
                    ServiceError::Corrupt(format!("log hash {index}: not 32 bytes"))
                })?;
                known.insert(unsigned(index), Hash(hash));
            }
            if let Some(gone) = chunk.iter().find(|i| !known.contains_key(i)) {
                return Err(ServiceError::Corrupt(format!("log hash {gone} missing")));
            }
        }
        Ok(())
    }
}

#[allow(clippy::cast_possible_wrap)]
fn signed(n: u64) -> i64 {
    n as i64
}

#[allow(clippy::cast_sign_loss)]
fn unsigned(n: i64) -> u64 {
    n.max(0) as u64
}

/// A signature whose counted state changed in a fold.
#[derive(Clone, Debug)]
pub enum Change {
    /// Now counted: a sign entry.
    Sign {
        /// The signature row.
        signature_id: i64,
        /// Its petition.
        petition_id: i32,
        /// Its receipt secret.
        secret: [u8; 32],
        /// Its grade.
        grade: String,
        /// Its region's KATO code.
        region: String,
        /// The day it was signed, in Kazakhstan.
        day: NaiveDate,
    },
    /// No longer counted: a revoke entry.
    Revoke {
        /// The signature row.
        signature_id: i64,
        /// Its petition.
        petition_id: i32,
        /// Its current sign entry.
        sign_index: u64,
        /// Why.
        reason: RevokeReason,
        /// The invalidation (0: a withdrawal).
        invalidation: i32,
    },
}

/// The number of entries in the log.
///
/// # Errors
/// A database failure.
pub async fn size(db: &impl ConnectionTrait) -> Result<u64, ServiceError> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COALESCE(MAX(idx) + 1, 0) AS size FROM log_entries",
        ))
        .await?;
    Ok(unsigned(match row {
        Some(row) => row.try_get("", "size")?,
        None => 0,
    }))
}

/// Appends the changes of one fold, shuffled, and a tally for each petition they touch, in the
/// caller's transaction (which must hold the folding lock). Returns each signature's new
/// `log_index` (none for a revoked one). `folding` names the fold's rows from before the log
/// (counted, never logged): the caller marks them folded after this returns, so the tallies
/// must not wait for them.
///
/// # Errors
/// A database failure, or a tree the database no longer holds whole.
pub async fn append(
    txn: &impl ConnectionTrait,
    mut changes: Vec<Change>,
    folding: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<(i64, Option<i64>)>, ServiceError> {
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    // Fisher–Yates with the OS's randomness: the order within a batch tells nothing.
    for i in (1..changes.len()).rev() {
        let j = usize::try_from(OsRng.next_u64() % (i as u64 + 1)).unwrap_or(0);
        changes.swap(i, j);
    }
    let backend = txn.get_database_backend();
    let start = size(txn).await?;
    let mut entries: Vec<(LogEntry, Option<i64>)> = Vec::with_capacity(changes.len() + 8);
    let mut logged = Vec::with_capacity(changes.len());
    let mut petitions = BTreeSet::new();
    for change in changes {
        let index = start + entries.len() as u64;
        match change {
            Change::Sign {
                signature_id,
                petition_id,
                secret,
                grade,
                region,
                day,
            } => {
                petitions.insert(petition_id);
                logged.push((signature_id, Some(signed(index))));
                entries.push((
                    LogEntry::Sign {
                        petition: petition_id,
                        commitment: commitment(petition_id, &secret),
                        grade,
                        region,
                        day,
                    },
                    None,
                ));
            }
            Change::Revoke {
                signature_id,
                petition_id,
                sign_index,
                reason,
                invalidation,
            } => {
                petitions.insert(petition_id);
                logged.push((signature_id, None));
                entries.push((
                    LogEntry::Revoke {
                        petition: petition_id,
                        sign_index,
                        reason,
                        invalidation,
                    },
                    Some(signed(sign_index)),
                ));
            }
        }
    }
    // A tally states the site's count, which must be the log's: a petition whose signatures
    // from before the log are still waiting to be logged (counted, unlogged, marked for the
    // folding by migration 22) gets its tally with the batch that logs the last of them. The
    // folding queue names the petition of each such row (`petition_before_log`), so they are
    // found without reading a signature row: a correlated `NOT EXISTS` by petition made SQLite
    // walk every signature of the petition, at every fold, and a join of the queue with the
    // signatures let PostgreSQL scan the whole table.
    let ids: Vec<i32> = petitions.into_iter().collect();
    let but_these = if folding.is_empty() {
        String::new()
    } else {
        format!(
            " AND q.signature_id NOT IN ({})",
            placeholders(backend, ids.len() + 1, folding.len())
        )
    };
    let tallies = txn
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT p.id, p.status, CAST(COALESCE((SELECT SUM(c.count) FROM petition_counts c WHERE c.petition_id = p.id), 0) AS BIGINT) AS count \
                 FROM petitions p WHERE p.id IN ({}) \
                 AND p.id NOT IN (SELECT q.petition_before_log FROM signature_fold_queue q WHERE q.petition_before_log IS NOT NULL{but_these}) \
                 ORDER BY p.id",
                placeholders(backend, 1, ids.len())
            ),
            ids.iter()
                .map(|id| Value::from(*id))
                .chain(folding.iter().map(|id| Value::from(*id))),
        ))
        .await?;
    for row in tallies {
        let size = start + entries.len() as u64;
        let count: i64 = row.try_get("", "count")?;
        entries.push((
            LogEntry::Tally {
                petition: row.try_get("", "id")?,
                state: row.try_get("", "status")?,
                count,
                size,
            },
            None,
        ));
    }
    // The hashes the appends will merge with: the roots of the complete subtrees on the right
    // edge of the tree as it is now.
    let hashes = Hashes::default();
    let edge: Vec<u64> = (0..64u8)
        .filter(|level| start >> level & 1 == 1)
        .map(|level| tlog_tiles::stored_hash_index(level, (start >> level) - 1))
        .collect();
    if !edge.is_empty() {
        hashes.load(txn, &edge).await?;
    }
    let mut written = Written::with_capacity(entries.len());
    for (offset, (entry, revokes)) in entries.iter().enumerate() {
        let index = start + offset as u64;
        let text = entry.encode();
        let leaf = leaf_hash(&text);
        let stored = hashes
            .run(txn, |r| {
                tlog_tiles::stored_hashes_for_record_hash(index, leaf, r)
            })
            .await?;
        let first = tlog_tiles::stored_hash_index(0, index);
        let mut known = hashes.known.lock().expect("hash map");
        for (k, hash) in stored.into_iter().enumerate() {
            let at = first + k as u64;
            known.insert(at, hash);
            written.hash_idx.push(signed(at));
            written.hashes.push(hash.0.to_vec());
        }
        drop(known);
        written.idx.push(signed(index));
        written.kinds.push(entry.kind().to_owned());
        written.petitions.push(entry.petition());
        written.revokes.push(*revokes);
        written.data.push(text);
    }
    written.insert(txn, now).await?;
    Ok(logged)
}

/// A fold's new log entries and stored hashes, column by column.
struct Written {
    idx: Vec<i64>,
    kinds: Vec<String>,
    petitions: Vec<i32>,
    revokes: Vec<Option<i64>>,
    data: Vec<String>,
    hash_idx: Vec<i64>,
    hashes: Vec<Vec<u8>>,
}

impl Written {
    fn with_capacity(entries: usize) -> Written {
        Written {
            idx: Vec::with_capacity(entries),
            kinds: Vec::with_capacity(entries),
            petitions: Vec::with_capacity(entries),
            revokes: Vec::with_capacity(entries),
            data: Vec::with_capacity(entries),
            hash_idx: Vec::with_capacity(2 * entries),
            hashes: Vec::with_capacity(2 * entries),
        }
    }

    /// Inserts the entries and the hashes: on PostgreSQL one statement for each table, its
    /// columns as arrays (`UNNEST`): a multi-row `VALUES` of 400 rows and 2,400 parameters a
    /// statement took PostgreSQL about 30 µs a row to parse and plan, half of a fold. On SQLite
    /// multi-row inserts of 400 rows a statement.
    async fn insert(
        self,
        txn: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> Result<(), sea_orm::DbErr> {
        let backend = txn.get_database_backend();
        if backend == sea_orm::DbBackend::Postgres {
            // An array's elements cannot be NULL here: an entry that revokes nothing says -1.
            let revokes: Vec<i64> = self.revokes.iter().map(|r| r.unwrap_or(-1)).collect();
            txn.execute_raw(Statement::from_sql_and_values(
                backend,
                "INSERT INTO log_entries (idx, kind, petition_id, revokes, data, created_at) \
                 SELECT idx, kind, petition_id, NULLIF(revokes, -1), data, $6 \
                 FROM UNNEST($1::bigint[], $2::text[], $3::integer[], $4::bigint[], $5::text[]) \
                 AS e (idx, kind, petition_id, revokes, data)",
                [
                    Value::from(self.idx),
                    Value::from(self.kinds),
                    Value::from(self.petitions),
                    Value::from(revokes),
                    Value::from(self.data),
                    Value::from(now),
                ],
            ))
            .await?;
            txn.execute_raw(Statement::from_sql_and_values(
                backend,
                "INSERT INTO log_hashes (idx, hash) SELECT idx, hash \
                 FROM UNNEST($1::bigint[], $2::bytea[]) AS h (idx, hash)",
                [Value::from(self.hash_idx), Value::from(self.hashes)],
            ))
            .await?;
            return Ok(());
        }
        let mut entries = Vec::with_capacity(6 * self.idx.len());
        for ((((idx, kind), petition), revokes), data) in self
            .idx
            .into_iter()
            .zip(self.kinds)
            .zip(self.petitions)
            .zip(self.revokes)
            .zip(self.data)
        {
            entries.extend([
                Value::from(idx),
                Value::from(kind),
                Value::from(petition),
                Value::from(revokes),
                Value::from(data),
                Value::from(now),
            ]);
        }
        insert_rows(
            txn,
            "log_entries (idx, kind, petition_id, revokes, data, created_at)",
            6,
            entries,
        )
        .await?;
        let hashes = self
            .hash_idx
            .into_iter()
            .zip(self.hashes)
            .flat_map(|(idx, hash)| [Value::from(idx), Value::from(hash)])
            .collect();
        insert_rows(txn, "log_hashes (idx, hash)", 2, hashes).await
    }
}

/// Multi-row inserts of `values` (`width` per row), 400 rows a statement.
async fn insert_rows(
    txn: &impl ConnectionTrait,
    table: &str,
    width: usize,
    values: Vec<Value>,
) -> Result<(), sea_orm::DbErr> {
    let backend = txn.get_database_backend();
    let mut values = values.into_iter().peekable();
    while values.peek().is_some() {
        let chunk: Vec<Value> = values.by_ref().take(400 * width).collect();
        let rows = chunk.len() / width;
        let tuples: Vec<String> = (0..rows)
            .map(|r| format!("({})", placeholders(backend, r * width + 1, width)))
            .collect();
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            format!("INSERT INTO {table} VALUES {}", tuples.join(", ")),
            chunk,
        ))
        .await?;
    }
    Ok(())
}

/// A signed tree head as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredCheckpoint {
    /// Entries covered.
    pub size: u64,
    /// The root hash.
    pub root: [u8; 32],
    /// The signed note.
    pub note: String,
    /// When it was signed.
    pub created_at: DateTime<Utc>,
}

/// Signs and keeps a checkpoint of the log as it is, unless the latest one already covers it.
/// Returns the new checkpoint's size.
///
/// # Errors
/// A database failure or a damaged tree.
pub async fn checkpoint(
    db: &impl ConnectionTrait,
    key: &LogKey,
    now: DateTime<Utc>,
) -> Result<Option<u64>, ServiceError> {
    let size = size(db).await?;
    let latest = latest(db).await?.map_or(0, |c| c.size);
    if size == 0 || latest >= size {
        return Ok(None);
    }
    let root = Hashes::default()
        .run(db, |r| tlog_tiles::tree_hash(size, r))
        .await?;
    let checkpoint = Checkpoint::new(key.origin(), size, root, "")
        .map_err(|e| ServiceError::Corrupt(format!("checkpoint: {e}")))?;
    let note = key.sign(&checkpoint)?;
    let backend = db.get_database_backend();
    let p = |n| placeholder(backend, n);
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "INSERT INTO log_checkpoints (size, root, note, created_at) VALUES ({}, {}, {}, {}) ON CONFLICT (size) DO NOTHING",
            p(1),
            p(2),
            p(3),
            p(4)
        ),
        [
            signed(size).into(),
            root.0.to_vec().into(),
            note.into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(Some(size))
}

fn stored_checkpoint(row: &sea_orm::QueryResult) -> Result<StoredCheckpoint, ServiceError> {
    let size: i64 = row.try_get("", "size")?;
    let root: Vec<u8> = row.try_get("", "root")?;
    Ok(StoredCheckpoint {
        size: unsigned(size),
        root: root
            .try_into()
            .map_err(|_| ServiceError::Corrupt(format!("checkpoint {size}: root")))?,
        note: row.try_get("", "note")?,
        created_at: row.try_get("", "created_at")?,
    })
}

/// The latest checkpoint.
///
/// # Errors
/// A database failure.
pub async fn latest(db: &impl ConnectionTrait) -> Result<Option<StoredCheckpoint>, ServiceError> {
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT size, root, note, created_at FROM log_checkpoints ORDER BY size DESC LIMIT 1",
    ))
    .await?
    .as_ref()
    .map(stored_checkpoint)
    .transpose()
}

/// Checkpoints larger than `after`, oldest first, at most `limit`.
///
/// # Errors
/// A database failure.
pub async fn checkpoints(
    db: &impl ConnectionTrait,
    after: u64,
    limit: u64,
) -> Result<Vec<StoredCheckpoint>, ServiceError> {
    let backend = db.get_database_backend();
    db.query_all_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "SELECT size, root, note, created_at FROM log_checkpoints WHERE size > {} ORDER BY size LIMIT {}",
            placeholder(backend, 1),
            limit.min(MAX_ENTRIES)
        ),
        [signed(after.min(i64::MAX as u64)).into()],
    ))
    .await?
    .iter()
    .map(stored_checkpoint)
    .collect()
}

/// One entry as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEntry {
    /// Its index.
    pub index: u64,
    /// Its canonical text.
    pub data: String,
}

/// Entries `start..end` (at most `MAX_ENTRIES`), in order.
///
/// # Errors
/// A database failure.
pub async fn entries(
    db: &impl ConnectionTrait,
    start: u64,
    end: u64,
) -> Result<Vec<StoredEntry>, ServiceError> {
    let end = end.min(start.saturating_add(MAX_ENTRIES));
    if start >= end {
        return Ok(Vec::new());
    }
    let backend = db.get_database_backend();
    db.query_all_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "SELECT idx, data FROM log_entries WHERE idx >= {} AND idx < {} ORDER BY idx",
            placeholder(backend, 1),
            placeholder(backend, 2)
        ),
        [
            signed(start.min(i64::MAX as u64)).into(),
            signed(end.min(i64::MAX as u64)).into(),
        ],
    ))
    .await?
    .iter()
    .map(|row| {
        Ok(StoredEntry {
            index: unsigned(row.try_get("", "idx")?),
            data: row.try_get("", "data")?,
        })
    })
    .collect()
}

/// A petition's entries: index and kind, in order.
///
/// # Errors
/// A database failure.
pub async fn of_petition(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<Vec<(u64, String)>, ServiceError> {
    let backend = db.get_database_backend();
    db.query_all_raw(Statement::from_sql_and_values(
        backend,
        format!(
            "SELECT idx, kind FROM log_entries WHERE petition_id = {} ORDER BY idx",
            placeholder(backend, 1)
        ),
        [petition_id.into()],
    ))
    .await?
    .iter()
    .map(|row| Ok((unsigned(row.try_get("", "idx")?), row.try_get("", "kind")?)))
    .collect()
}

/// A proof request the tree cannot answer.
#[derive(Debug, thiserror::Error)]
pub enum ProofError {
    /// Sizes or indexes out of order or past the tree.
    #[error("{0}")]
    Range(String),
    /// The database.
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The inclusion proof of entry `index` in the tree of `size` entries.
///
/// # Errors
/// `Range` unless `index < size <= ` the log's size.
pub async fn inclusion(
    db: &impl ConnectionTrait,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, ProofError> {
    let tree = self::size(db).await?;
    if size > tree {
        return Err(ProofError::Range(format!(
            "size {size} is past the log ({tree} entries)"
        )));
    }
    if index >= size {
        return Err(ProofError::Range(format!(
            "index {index} is not below size {size}"
        )));
    }
    Ok(Hashes::default()
        .run(db, |r| tlog_tiles::prove_record(size, index, r))
        .await?)
}

/// The consistency proof from the tree of `from` entries to the tree of `to`.
///
/// # Errors
/// `Range` unless `1 <= from <= to <=` the log's size.
pub async fn consistency(
    db: &impl ConnectionTrait,
    from: u64,
    to: u64,
) -> Result<Vec<Hash>, ProofError> {
    let tree = size(db).await?;
    if to > tree {
        return Err(ProofError::Range(format!(
            "size {to} is past the log ({tree} entries)"
        )));
    }
    if from == 0 || from > to {
        return Err(ProofError::Range(format!(
            "sizes must satisfy 1 <= first <= second; got {from} and {to}"
        )));
    }
    Ok(Hashes::default()
        .run(db, |r| tlog_tiles::prove_tree(to, from, r))
        .await?)
}

/// The signer's receipt for their signature on a petition, if they signed it.
///
/// # Errors
/// A database failure.
pub async fn receipt(
    db: &impl ConnectionTrait,
    key: &LogKey,
    user_id: i32,
    petition_id: i32,
) -> Result<Option<Receipt>, ServiceError> {
    let backend = db.get_database_backend();
    let Some(row) = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT receipt_secret, log_index FROM signatures WHERE petition_id = {} AND user_id = {} AND withdrawn_at IS NULL",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [petition_id.into(), user_id.into()],
        ))
        .await?
    else {
        return Ok(None);
    };
    let secret: Option<String> = row.try_get("", "receipt_secret")?;
    let Some(secret) = secret.as_deref().and_then(crate::model::parse_hex32) else {
        return Ok(None);
    };
    let index: Option<i64> = row.try_get("", "log_index")?;
    Ok(Some(Receipt {
        origin: key.origin().to_owned(),
        petition: petition_id,
        secret,
        index: index.map(unsigned),
        checkpoint: latest(db).await?.map(|c| c.note),
    }))
}

/// Gathers what the site publishes about a receipt's entry: the latest checkpoint, the entry
/// (the receipt's, or the one that replaced it when the signer withdrew and signed again), its
/// audit path, the consistency path from the receipt's checkpoint, and the revoke entry that
/// names it, if any.
///
/// # Errors
/// A database failure.
pub async fn material(
    db: &impl ConnectionTrait,
    key: &LogKey,
    receipt: &Receipt,
) -> Result<Found, ServiceError> {
    if receipt.origin != key.origin() {
        return Ok(Found::Verdict(failed("other-site")));
    }
    let theirs = match &receipt.checkpoint {
        None => None,
        Some(note) => match key.open(note) {
            Some(checkpoint) => Some(checkpoint),
            None => return Ok(Found::Verdict(failed("checkpoint-signature"))),
        },
    };
    let Some(latest) = latest(db).await? else {
        return Ok(Found::Verdict(
            if receipt.index.is_some() || theirs.is_some() {
                failed("index-past-log")
            } else {
                pending_or_unknown(db, receipt).await?
            },
        ));
    };
    let mut index = match receipt.index {
        Some(index) if index >= latest.size => {
            return Ok(Found::Verdict(failed("index-past-log")));
        }
        Some(index) => index,
        None => match current_index(db, receipt, latest.size).await? {
            Some(index) => index,
            None => return Ok(Found::Verdict(pending_or_unknown(db, receipt).await?)),
        },
    };
    // Cancelled since, and signed again? The later sign entry of the same signature (the same
    // commitment) is the one that counts.
    let mut revoke = revoke_of(db, index, latest.size).await?;
    if revoke.is_some()
        && let Some(later) = current_index(db, receipt, latest.size)
            .await?
            .filter(|later| *later > index)
    {
        index = later;
        revoke = revoke_of(db, index, latest.size).await?;
    }
    let entry = entries(db, index, index + 1).await?;
    let Some(entry) = entry.into_iter().next() else {
        return Ok(Found::Verdict(failed("index-past-log")));
    };
    let inclusion = Hashes::default()
        .run(db, |r| tlog_tiles::prove_record(latest.size, index, r))
        .await?;
    let consistency = match &theirs {
        Some(theirs) if (1..=latest.size).contains(&theirs.size()) => {
            Hashes::default()
                .run(db, |r| {
                    tlog_tiles::prove_tree(latest.size, theirs.size(), r)
                })
                .await?
        }
        _ => Vec::new(),
    };
    let revoke = match revoke {
        Some((at, data)) => {
            let path = Hashes::default()
                .run(db, |r| tlog_tiles::prove_record(latest.size, at, r))
                .await?;
            Some((at, data, log_check::hex_hashes(&path)))
        }
        None => None,
    };
    Ok(Found::Material(LogMaterial {
        verifier_key: key.verifier_key().to_owned(),
        origin: key.origin().to_owned(),
        latest: latest.note,
        index,
        entry: entry.data,
        inclusion: log_check::hex_hashes(&inclusion),
        consistency: log_check::hex_hashes(&consistency),
        revoke,
    }))
}

/// The entry under the checkpoint of `size` entries that cancels sign entry `index`, if any.
async fn revoke_of(
    db: &impl ConnectionTrait,
    index: u64,
    size: u64,
) -> Result<Option<(u64, String)>, ServiceError> {
    let backend = db.get_database_backend();
    let p = |n| placeholder(backend, n);
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT idx, data FROM log_entries WHERE revokes = {} AND idx < {} ORDER BY idx LIMIT 1",
                p(1),
                p(2)
            ),
            [signed(index).into(), signed(size).into()],
        ))
        .await?;
    Ok(match row {
        Some(row) => Some((
            unsigned(row.try_get::<i64>("", "idx")?),
            row.try_get("", "data")?,
        )),
        None => None,
    })
}

/// Checks a receipt against the log: [`found`], then [`log_check::checked`], the check the verify
/// page's wasm module repeats in the browser.
///
/// # Errors
/// A database failure (a receipt that does not check out is an `Ok(Failed)`).
pub async fn check(
    db: &impl ConnectionTrait,
    key: &LogKey,
    text: &str,
) -> Result<ReceiptCheck, ServiceError> {
    Ok(log_check::checked(text, &found(db, key, text).await?))
}

/// What the log has for a receipt's text ([`material`]; a text that is no receipt needs none).
///
/// # Errors
/// A database failure.
pub async fn found(
    db: &impl ConnectionTrait,
    key: &LogKey,
    text: &str,
) -> Result<Found, ServiceError> {
    match Receipt::parse(text) {
        Ok(receipt) => material(db, key, &receipt).await,
        Err(e) => Ok(Found::Verdict(log_check::unreadable(e))),
    }
}

/// The signature's current sign entry, if the checkpoint of `size` entries covers it (found by
/// the receipt's secret on the signature row; the entry itself is then checked against the
/// commitment).
async fn current_index(
    db: &impl ConnectionTrait,
    receipt: &Receipt,
    size: u64,
) -> Result<Option<u64>, ServiceError> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT log_index FROM signatures WHERE petition_id = {} AND receipt_secret = {}",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [
                receipt.petition.into(),
                crate::model::hex32(&receipt.secret).into(),
            ],
        ))
        .await?;
    Ok(match row {
        Some(row) => row
            .try_get::<Option<i64>>("", "log_index")?
            .map(unsigned)
            .filter(|index| *index < size),
        None => None,
    })
}

/// A receipt whose entry is not in the log yet: pending if the signature exists and waits for
/// the folding, unknown otherwise.
async fn pending_or_unknown(
    db: &impl ConnectionTrait,
    receipt: &Receipt,
) -> Result<ReceiptCheck, ServiceError> {
    let backend = db.get_database_backend();
    let waiting = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT id FROM signatures WHERE petition_id = {} AND receipt_secret = {} AND (counted = 0 OR log_index IS NULL) AND withdrawn_at IS NULL AND invalidated_at IS NULL",
                placeholder(backend, 1),
                placeholder(backend, 2)
            ),
            [
                receipt.petition.into(),
                crate::model::hex32(&receipt.secret).into(),
            ],
        ))
        .await?;
    Ok(match waiting {
        Some(_) => ReceiptCheck::Pending {
            petition: receipt.petition,
        },
        None => failed("unknown"),
    })
}

/// What the log says of each petition: signs, valid revokes and the latest tally. Used by
/// tests and the benchmark; `dauys-verify` computes the same from the public endpoints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetitionLog {
    /// Sign entries.
    pub signs: i64,
    /// Revoke entries that cancel an earlier sign entry of the same petition, once.
    pub revokes: i64,
    /// The latest tally's count.
    pub tally: Option<i64>,
}

/// Reads every entry (in pages) and sums them per petition, checking what a verifier checks:
/// every entry parses, and a revoke cancels an earlier sign of its petition, once.
///
/// # Errors
/// `Corrupt` naming the first entry that breaks a rule.
pub async fn audit(db: &impl ConnectionTrait) -> Result<BTreeMap<i32, PetitionLog>, ServiceError> {
    let size = size(db).await?;
    let mut per: BTreeMap<i32, PetitionLog> = BTreeMap::new();
    let mut signs: HashMap<u64, (i32, bool)> = HashMap::new();
    let mut start = 0;
    while start < size {
        for entry in entries(db, start, size).await? {
            if entry.index != start {
                return Err(ServiceError::Corrupt(format!("entry {start} missing")));
            }
            let parsed = LogEntry::parse(&entry.data).ok_or_else(|| {
                ServiceError::Corrupt(format!("entry {}: unreadable", entry.index))
            })?;
            let log = per.entry(parsed.petition()).or_default();
            match parsed {
                LogEntry::Sign { petition, .. } => {
                    signs.insert(entry.index, (petition, false));
                    log.signs += 1;
                }
                LogEntry::Revoke {
                    petition,
                    sign_index,
                    ..
                } => match signs.get_mut(&sign_index) {
                    Some((of, cancelled)) if *of == petition && !*cancelled => {
                        *cancelled = true;
                        log.revokes += 1;
                    }
                    _ => {
                        return Err(ServiceError::Corrupt(format!(
                            "entry {}: revokes {sign_index}, which is not an uncancelled sign of petition {petition}",
                            entry.index
                        )));
                    }
                },
                LogEntry::Tally { count, .. } => log.tally = Some(count),
            }
            start = entry.index + 1;
        }
    }
    Ok(per)
}
