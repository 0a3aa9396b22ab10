//! The raw write limit of the database, for comparison with signing (issue 16): rows inserted
//! one per transaction (one `INSERT` each, committed on its own), through the same driver the
//! server uses (SeaORM over sqlx), with no HTTP, no session and no checks, into a table shaped like `signatures`' hot part (a primary key and
//! a unique (petition, person) pair). On a fresh database (a temporary SQLite file, or a new
//! PostgreSQL database when `TEST_DATABASE_URL` names a server).
//!
//! SQLite: one connection (SQLite takes one writer at a time, so more only queue) in WAL mode,
//! once with `synchronous=NORMAL` (a commit survives a crash of the process, not of the machine)
//! and once with `FULL` (what the server runs: a commit is on disk before it is acknowledged).
//! PostgreSQL: `--clients` connections (default 32) writing at once, with the server's own
//! durability settings.
//!
//! `target/release/bench-raw --seconds 10` (add `TEST_DATABASE_URL=postgres://…` for
//! PostgreSQL). Prints one line per setting: rows, seconds, rows/s, commit p50 and p99.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use app::server::db::placeholder;
use app::server::testing::TestDb;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use server::bench::{arg, ms, percentile};

/// Inserts one row per transaction (an `INSERT` in autocommit: one round trip to the driver)
/// from `clients` tasks for `seconds`; the latencies of every commit.
async fn insert_for(db: &DatabaseConnection, clients: u64, seconds: u64) -> (Vec<Duration>, f64) {
    let next = Arc::new(AtomicI64::new(1));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (db, next) = (db.clone(), next.clone());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let backend = db.get_database_backend();
            while Instant::now() < deadline {
                let person = next.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                // One statement text for every row, so the driver prepares it once.
                db.execute_raw(sea_orm::Statement::from_sql_and_values(
                    backend,
                    format!(
                        "INSERT INTO raw_rows (petition_id, user_id, created_at) VALUES (1, {}, CURRENT_TIMESTAMP)",
                        placeholder(backend, 1)
                    ),
                    [person.into()],
                ))
                .await
                .expect("inserts");
                latencies.push(sent.elapsed());
            }
            latencies
        });
    }
    let mut all: Vec<Duration> = tasks.join_all().await.into_iter().flatten().collect();
    all.sort();
    (all, started.elapsed().as_secs_f64())
}

fn report(setting: &str, latencies: &[Duration], elapsed: f64) {
    #[allow(clippy::cast_precision_loss)]
    let rate = latencies.len() as f64 / elapsed;
    println!(
        "{setting}: {} rows in {elapsed:.1} s = {rate:.0}/s; commit p50 {:.2} ms, p99 {:.2} ms",
        latencies.len(),
        ms(percentile(latencies, 50.0)),
        ms(percentile(latencies, 99.0)),
    );
}

#[tokio::main]
async fn main() {
    let seconds = arg("--seconds", 10);
    let clients = arg("--clients", 32).max(1);
    let test = TestDb::empty().await;
    let url = test.url().unwrap_or_default();
    let postgres = url.starts_with("postgres");
    let id = if postgres {
        "BIGSERIAL PRIMARY KEY"
    } else {
        "INTEGER PRIMARY KEY AUTOINCREMENT"
    };
    test.db
        .execute_unprepared(&format!(
            "CREATE TABLE raw_rows (id {id}, petition_id INTEGER NOT NULL, user_id BIGINT NOT NULL, \
             created_at TIMESTAMP NOT NULL, UNIQUE (petition_id, user_id))"
        ))
        .await
        .expect("table");
    if postgres {
        let mut options = ConnectOptions::new(url.clone());
        options
            .max_connections(u32::try_from(clients).unwrap_or(32))
            .sqlx_logging(false);
        let db = Database::connect(options).await.expect("connects");
        let (latencies, elapsed) = insert_for(&db, clients, seconds).await;
        report(
            &format!("PostgreSQL, {clients} clients"),
            &latencies,
            elapsed,
        );
        db.close().await.ok();
    } else {
        for synchronous in ["NORMAL", "FULL"] {
            let mut options = ConnectOptions::new(url.clone());
            options.max_connections(1).sqlx_logging(false);
            let db = Database::connect(options).await.expect("connects");
            // Each setting starts from an empty table (the people are numbered from 1 again).
            db.execute_unprepared("DELETE FROM raw_rows")
                .await
                .expect("empties");
            for pragma in [
                "PRAGMA journal_mode=WAL".to_owned(),
                format!("PRAGMA synchronous={synchronous}"),
                "PRAGMA busy_timeout=5000".to_owned(),
            ] {
                db.execute_unprepared(&pragma).await.expect("pragma");
            }
            let (latencies, elapsed) = insert_for(&db, 1, seconds).await;
            report(
                &format!("SQLite WAL, synchronous={synchronous}, 1 writer"),
                &latencies,
                elapsed,
            );
            db.close().await.ok();
        }
    }
    test.drop_database().await;
}
