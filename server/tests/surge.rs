//! Signing surges against real server processes on one database (a temporary SQLite file, or
//! PostgreSQL with `TEST_DATABASE_URL`): two servers signing the same people count each once;
//! a server killed with SIGKILL mid-surge loses no acknowledged signature, and after a restart
//! the counts converge to the rows; each signature is in the public log exactly once.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::server::services::petitions::counting;
use app::server::services::{sessions, today};
use app::server::testing::{TestDb, people};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use server::bench::{CSRF, Connection, loopback};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A server process, killed (SIGKILL) when dropped, so a failing test leaves none behind.
struct Server(std::process::Child);

impl Server {
    fn kill(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One signature log key for the servers of a test run (a server writes no key file then).
fn log_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        app::server::services::signature_log::LogKey::generate("dauys.test/signatures").1
    })
}

fn start(url: &str, port: u16) -> Server {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "error")
        .env("DAUYS_SEED", "false")
        .env("DAUYS_FOLD_MS", "200")
        .env("DAUYS_ENV", "development")
        .env("DAUYS_LOG_KEY", log_key())
        .env_remove("DAUYS_SMTP_URL")
        .env(
            "DAUYS_MAIL_DIR",
            std::env::temp_dir().join("dauys-surge-mail"),
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server starts");
    Server(child)
}

async fn wait_healthy(port: u16) -> SocketAddr {
    let address: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let until = Instant::now() + Duration::from_secs(30);
    while Instant::now() < until {
        if let Ok(mut c) = Connection::open(address, loopback(0)).await
            && c.send("GET", "/healthz", "", None)
                .await
                .is_ok_and(|r| r.status == 200)
        {
            return address;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server on port {port} did not become healthy");
}

/// `count` IIN-checked citizens with sessions, and an approved petition to the Almaty akimat.
async fn scene(db: &DatabaseConnection, count: usize) -> (i32, Vec<(i32, String)>) {
    let citizens = people::verified_citizens(db, "surge", count, "75", true)
        .await
        .expect("citizens");
    let ids: Vec<i32> = citizens.iter().map(|c| c.id).collect();
    let tokens = sessions::start_many(db, &ids, chrono::Utc::now())
        .await
        .expect("sessions");
    let staff = people::verified_citizens(db, "staff", 2, "75", true)
        .await
        .expect("staff");
    people::grant(db, &staff[1].email, app::model::Role::Moderator, None)
        .await
        .expect("moderator");
    let id = people::approved_petition(db, staff[0].id, staff[1].id, "Repair Abai Avenue")
        .await
        .expect("approved");
    (
        id,
        ids.into_iter()
            .zip(tokens.into_iter().map(|t| t.as_str().to_owned()))
            .collect(),
    )
}

async fn sign(connection: &mut Connection, token: &str, petition: i32) -> Option<String> {
    let cookie = format!("dauys_session={token}; dauys_csrf={CSRF}");
    let body = format!("csrf={CSRF}&lang=en&id={petition}");
    connection
        .send("POST", "/api/petitions/sign", &cookie, Some(&body))
        .await
        .ok()
        .and_then(|r| r.location)
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("query runs")
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(-1)
}

/// Folds until nothing is left, then (counts summed over grades, rows, distinct signers).
async fn settled(db: &DatabaseConnection, petition: i32) -> (i64, i64, i64) {
    while counting::fold(db, 5_000, chrono::Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    (
        scalar(db, &format!("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM petition_counts WHERE petition_id = {petition}")).await,
        scalar(db, &format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {petition} AND withdrawn_at IS NULL")).await,
        scalar(db, &format!("SELECT COUNT(DISTINCT user_id) FROM signatures WHERE petition_id = {petition}")).await,
    )
}

/// The public log holds each signature once: one sign entry per row, each row pointing at its
/// own entry, and the latest tally saying the same.
async fn logged_once(db: &DatabaseConnection, petition: i32, rows: i64) {
    let audit = app::server::services::signature_log::audit(db)
        .await
        .expect("the log reads whole");
    let mine = &audit[&petition];
    assert_eq!(
        (mine.signs, mine.revokes, mine.tally),
        (rows, 0, Some(rows))
    );
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(DISTINCT log_index) FROM signatures WHERE petition_id = {petition}"
            )
        )
        .await,
        rows
    );
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) FROM log_entries WHERE petition_id = {petition} AND kind = 'sign'"
            )
        )
        .await,
        rows
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_database_count_each_signer_once() {
    let test = TestDb::new().await;
    let (petition, people) = scene(&test.db, 150).await;
    let url = test.url().expect("url");
    let (port_a, port_b) = (free_port(), free_port());
    let mut a = start(&url, port_a);
    let mut b = start(&url, port_b);
    let servers = [wait_healthy(port_a).await, wait_healthy(port_b).await];
    let people = Arc::new(people);
    let mut tasks = tokio::task::JoinSet::new();
    // Every person signs three times, through both servers, concurrently.
    for worker in 0..12u64 {
        let people = people.clone();
        tasks.spawn(async move {
            let server = servers[usize::try_from(worker % 2).unwrap_or(0)];
            let mut connection = Connection::open(server, loopback(worker))
                .await
                .expect("connects");
            let mut answers = Vec::new();
            for (i, (_, token)) in people.iter().enumerate() {
                if (i as u64 + worker).is_multiple_of(4) {
                    continue;
                }
                answers.push(
                    sign(&mut connection, token, petition)
                        .await
                        .unwrap_or_default(),
                );
            }
            answers
        });
    }
    let answers: Vec<String> = tasks.join_all().await.into_iter().flatten().collect();
    let signed = answers
        .iter()
        .filter(|a| a.ends_with("done=signed"))
        .count();
    let already = answers
        .iter()
        .filter(|a| a.ends_with("done=already-signed"))
        .count();
    assert_eq!(
        signed + already,
        answers.len(),
        "every request answered: {:?}",
        answers.iter().find(|a| !a.contains("signed"))
    );
    assert_eq!(
        signed, 150,
        "each person signed once, whichever server they reached"
    );
    // Both servers fold; after they settle, count = rows = distinct signers.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (count, rows, distinct) = settled(&test.db, petition).await;
    assert_eq!((count, rows, distinct), (150, 150, 150));
    logged_once(&test.db, petition, 150).await;
    a.kill();
    b.kill();
    test.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_mid_surge_keeps_every_acknowledged_signature() {
    let test = TestDb::new().await;
    let (petition, people) = scene(&test.db, 2_000).await;
    let url = test.url().expect("url");
    let port = free_port();
    let mut server = start(&url, port);
    let address = wait_healthy(port).await;
    let acknowledged = Arc::new(Mutex::new(HashSet::new()));
    let people = Arc::new(people);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..16u64 {
        let (people, next, acknowledged) = (people.clone(), next.clone(), acknowledged.clone());
        tasks.spawn(async move {
            let Ok(mut connection) = Connection::open(address, loopback(worker)).await else {
                return;
            };
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((user, token)) = people.get(i) else {
                    return;
                };
                match sign(&mut connection, token, petition).await {
                    Some(location) if location.ends_with("done=signed") => {
                        acknowledged.lock().expect("lock").insert(*user);
                    }
                    Some(_) => {}
                    None => return, // the server is gone
                }
            }
        });
    }
    // Kill it (SIGKILL) once a few hundred signatures are acknowledged.
    let until = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().expect("lock").len() < 300 && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.kill();
    tasks.join_all().await;
    let acknowledged = acknowledged.lock().expect("lock").clone();
    assert!(
        acknowledged.len() >= 300 && acknowledged.len() < 2_000,
        "killed mid-surge: {}",
        acknowledged.len()
    );

    // Restart: every acknowledged signature is there, and the counts converge to the rows.
    let mut again = start(&url, port);
    wait_healthy(port).await;
    let present: HashSet<i32> = test
        .db
        .query_all_raw(Statement::from_string(
            test.db.get_database_backend(),
            format!("SELECT user_id FROM signatures WHERE petition_id = {petition}"),
        ))
        .await
        .expect("reads")
        .iter()
        .filter_map(|r| r.try_get::<i32>("", "user_id").ok())
        .collect();
    let lost: Vec<_> = acknowledged.difference(&present).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let until = Instant::now() + Duration::from_secs(20);
    let rows = i64::try_from(present.len()).unwrap_or(0);
    loop {
        let count = scalar(
            &test.db,
            &format!(
                "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM petition_counts WHERE petition_id = {petition}"
            ),
        )
        .await;
        if count == rows {
            break;
        }
        assert!(
            Instant::now() < until,
            "the restarted server's folding converges: {count} of {rows}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    again.kill();
    assert_eq!(settled(&test.db, petition).await.0, rows);
    logged_once(&test.db, petition, rows).await;
    test.drop_database().await;
}
