//! Log-in benchmark: starts the real router on a loopback port over a fresh database, creates
//! accounts, then logs in over HTTP as fast as `--workers` concurrent clients can for
//! `--seconds`, through the same form endpoint the browser uses (CSRF cookie and token
//! included). Each request comes from its own loopback address (127.0.x.y) and the accounts
//! rotate, so the per-IP and per-account abuse limits are not what is measured.
//!
//! `cargo run --release -p server --bin bench-login -- [--workers 8] [--seconds 30] [--accounts 300]`
//! (DATABASE_URL may name a PostgreSQL database; the default is a temporary SQLite file).

use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    time::{Duration, Instant},
};

use app::server::{
    services::accounts::{self, RegisterForm},
    testing::TestDb,
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpSocket,
};

const CSRF: &str = "5f65b53700ba195eef5772c6d7552ec5ee5176b7023deb9d6c84ff7071966292";
const PASSWORD: &str = "steppe-wind-over-ulytau";

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One log-in over a new connection from `source`: whether it reached the profile.
async fn login(server: SocketAddr, source: Ipv4Addr, email: &str) -> std::io::Result<bool> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(IpAddr::V4(source), 0))?;
    let mut stream = socket.connect(server).await?;
    let body = format!("csrf={CSRF}&lang=en&email={email}&password={PASSWORD}");
    let request = format!(
        "POST /api/login HTTP/1.1\r\nHost: {server}\r\nAccept: text/html\r\nReferer: http://{server}/en/login\r\nCookie: dauys_csrf={CSRF}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    let text = String::from_utf8_lossy(&response).to_lowercase();
    Ok(text.contains("\r\nlocation: /en/profile\r\n"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let workers = arg("--workers", 8);
    let seconds = arg("--seconds", 30);
    let accounts_n = arg("--accounts", 300);
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
                let address =
                    u32::from(Ipv4Addr::new(127, 1, 0, 1)) + u32::try_from(n / 20).unwrap_or(0);
                let email = format!("bench{}%40example.kz", n % accounts_n);
                let sent = Instant::now();
                match login(server, Ipv4Addr::from(address), &email).await {
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
        percentile(&latencies, 50.0).as_secs_f64() * 1000.0,
        percentile(&latencies, 99.0).as_secs_f64() * 1000.0,
    );
    test.drop_database().await;
}
