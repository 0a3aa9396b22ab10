//! Log-in benchmark: starts the real router on a loopback port over a fresh database, creates
//! accounts, then logs in over HTTP as fast as `--workers` concurrent clients can for
//! `--seconds`, through the same form endpoint the browser uses (CSRF cookie and token
//! included). Each request comes from its own loopback address (127.0.x.y) and the accounts
//! rotate, so the per-IP and per-account abuse limits are not what is measured.
//!
//! `cargo run --release -p server --bin bench-login -- [--workers 8] [--seconds 30] [--accounts 600]`
//! (DATABASE_URL may name a PostgreSQL database; the default is a temporary SQLite file).

use std::{
    net::{Ipv4Addr, SocketAddr},
    time::{Duration, Instant},
};

use app::server::{
    services::accounts::{self, RegisterForm},
    testing::TestDb,
};
use server::bench::{CSRF, Connection, arg, loopback, ms, percentile};

const PASSWORD: &str = "steppe-wind-over-ulytau";

/// One log-in over a new connection from `source`: whether it reached the profile.
async fn login(server: SocketAddr, source: Ipv4Addr, email: &str) -> std::io::Result<bool> {
    let mut connection = Connection::open(server, source).await?;
    let body = format!("csrf={CSRF}&lang=en&email={email}&password={PASSWORD}");
    let response = connection
        .send(
            "POST",
            "/api/login",
            &format!("dauys_csrf={CSRF}"),
            Some(&body),
        )
        .await?;
    Ok(response.location.as_deref() == Some("/en/profile"))
}

#[tokio::main]
async fn main() {
    let workers = arg("--workers", 8);
    let seconds = arg("--seconds", 30);
    let accounts_n = arg("--accounts", 600);
    // A fresh database: TEST_DATABASE_URL (PostgreSQL) or a temporary SQLite file.
    let test = TestDb::new().await;
    let database = test.url().unwrap_or_default();
    let connection = test.db.clone();
    println!(
        "creating {accounts_n} accounts on {}",
        if database.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    for i in 0..accounts_n {
        accounts::register(
            &connection,
            RegisterForm {
                email: format!("bench{i}@example.kz"),
                password: PASSWORD.into(),
                display_name: format!("Bench {i}"),
                region_kato: "11".into(),
                language: app::i18n::Locale::En,
            },
        )
        .await
        .expect("registers");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let server = listener.local_addr().expect("address");
    let options = leptos::config::LeptosOptions::builder()
        .output_name("dauys")
        .build();
    let router = server::build_router(options, test.app_state());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .ok();
    });

    println!("logging in with {workers} concurrent clients for {seconds} s");
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let counter = counter.clone();
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0u64;
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                // 20 log-ins per source address, well under the per-IP limit.
                let email = format!("bench{}%40example.kz", n % accounts_n);
                let sent = Instant::now();
                match login(server, loopback(n / 20), &email).await {
                    Ok(true) => latencies.push(sent.elapsed()),
                    _ => failures += 1,
                }
            }
            (latencies, failures)
        });
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for (mut l, f) in tasks.join_all().await {
        latencies.append(&mut l);
        failures += f;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    println!(
        "logins: {} ok, {failures} failed in {elapsed:.1} s = {:.1} logins/s; latency p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0)),
    );
    test.drop_database().await;
}
