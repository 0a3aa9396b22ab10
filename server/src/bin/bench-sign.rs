//! Signing surge benchmark. Creates a fresh database (a temporary SQLite file, or a new
//! PostgreSQL database when `TEST_DATABASE_URL` names a server), `--users` verified,
//! IIN-checked citizens with a session each, and one approved petition; starts the release
//! `server` binary on it as its own process; then for `--seconds` signs the petition as fast as
//! `--workers` keep-alive clients can, through the same form endpoint the browser posts to
//! (session cookie, CSRF cookie and token), while `--readers` clients read the petition page
//! at `--reads-per-second` in all (default 100): every other reader as a visitor, the others
//! signed in (a signed-in page is never the visitors' shared view), each reported apart.
//! Each connection signs at most 500 times from its own loopback address, so the per-IP limit
//! (2,000 an hour by default) is applied, and not what is measured.
//!
//! Prints signatures/s, sign latency p50/p99, page latency p99, the server's peak memory, the
//! CPU the server, the load generator and the whole machine used (whether the cores were the
//! limit), and checks that afterwards count = rows = distinct signers.
//!
//! Slow work beside the surge: `--registrations-per-second R` registers R new accounts a second
//! through the registration form (argon2 on every one) and reports their latency;
//! `--reconcile-seconds S` has the server recount the signatures against the counts every S
//! seconds instead of every 10 minutes.
//!
//! A steady load instead of a flood: `--signs-per-second N` has the workers send N signatures a
//! second in all, each at its appointed time (an open loop): a latency is then counted from
//! the time the request was due, not from when a busy client got round to sending it, so
//! waiting behind slow work shows in the p99 instead of lowering the rate. This is how slow
//! work beside signing (registrations, recounts) is compared with signing alone below the
//! machine's limit, where the surge's closed loop can only show that the cores are shared.
//!
//! The HTTP ceiling: `--ceiling 1` has the same clients, on the same kind of connections,
//! request `GET /livez` (no database, no session) instead of signing, so the figures show how
//! close signing comes to what HTTP alone allows on these cores.
//!
//! `cargo build --release -p server --bins --no-default-features &&
//!  target/release/bench-sign --users 200000 --seconds 60` (add `TEST_DATABASE_URL=postgres://…`
//! for PostgreSQL)

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::server::services::petitions::counting;
use app::server::services::{sessions, today};
use app::server::testing::{TestDb, people};
use sea_orm::{ConnectionTrait, Statement};
use server::bench::{
    CSRF, Connection, CpuMeter, arg, histogram_totals, loopback, ms, percentile, server_binary,
};

fn memory_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

async fn scalar(db: &sea_orm::DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .ok()
        .flatten()
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(-1)
}

/// What the server's own histograms say the run's writes cost: how much of the run the signature
/// writer's batches and the folding took, and (SQLite) how much of it the one write lock was
/// held or waited for. Shares of the run's wall time; the two can overlap only by waiting.
fn work_report(
    before: &HashMap<String, (f64, f64)>,
    after: &HashMap<String, (f64, f64)>,
    elapsed: f64,
) -> String {
    let delta = |name: &str| {
        let (s0, c0) = before.get(name).copied().unwrap_or_default();
        let (s1, c1) = after.get(name).copied().unwrap_or_default();
        (s1 - s0, c1 - c0)
    };
    if after.is_empty() {
        return "the server's /metrics could not be read".into();
    }
    let share = |seconds: f64| 100.0 * seconds / elapsed.max(f64::EPSILON);
    let (batch_s, batches) = delta("dauys_signature_batch_seconds");
    let (rows, _) = delta("dauys_signature_batch_size");
    let (fold_s, _) = delta("dauys_signature_fold_seconds");
    let (folded, folds) = delta("dauys_signature_fold_rows");
    let per = |total: f64, n: f64| if n > 0.0 { total / n } else { 0.0 };
    // The form posts (signing, and any registrations beside it) go to the server functions'
    // routes under /api/.
    let (sign_s, signs) = after
        .keys()
        .filter(|k| k.starts_with("dauys_http_request_duration_seconds{") && k.contains("/api/"))
        .map(|k| delta(k))
        .fold((0.0, 0.0), |(s, c), (ds, dc)| (s + ds, c + dc));
    let (lookup_s, lookups) = delta("dauys_session_lookup_seconds");
    let mut text = format!(
        "form posts {:.2} ms in the server on average; session look-ups {lookups:.0}, {:.2} ms each; \
         {batches:.0} writer batches of {:.1} signatures on average, {:.2} ms each, busy {:.0} % of the run; folding {:.0} % ({folds:.0} folds of {:.0} rows on average)",
        1000.0 * per(sign_s, signs),
        1000.0 * per(lookup_s, lookups),
        per(rows, batches),
        1000.0 * per(batch_s, batches),
        share(batch_s),
        share(fold_s),
        per(folded, folds),
    );
    // The writer's steps and the folding's, each its mean over the batches (folds) that took it,
    // the longest first, with its share of all the batches' (folds') time.
    for (what, metric, total) in [
        ("a batch's", "dauys_signature_batch_step_seconds", batch_s),
        ("a fold's", "dauys_signature_fold_step_seconds", fold_s),
    ] {
        let prefix = format!("{metric}{{step=\"");
        let mut steps: Vec<(String, f64, f64)> = after
            .keys()
            .filter_map(|k| {
                let step = k.strip_prefix(prefix.as_str())?.strip_suffix("\"}")?;
                let (s, c) = delta(k);
                Some((step.to_owned(), s, c))
            })
            .collect();
        steps.sort_by(|a, b| b.1.total_cmp(&a.1));
        if !steps.is_empty() {
            text.push_str(&format!("; {what} steps: "));
            text.push_str(
                &steps
                    .iter()
                    .map(|(step, s, c)| {
                        format!(
                            "{step} {:.2} ms ({:.0} %)",
                            1000.0 * per(*s, *c),
                            100.0 * s / total.max(f64::EPSILON)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
    }
    // A signature's way through the writer: its wait for a batch, and from its hand-over to
    // its answer (the wait, the batch, and on a file the log's sync).
    let (queued_s, queued) = delta("dauys_signature_queued_seconds");
    let (answer_s, answers) = delta("dauys_signature_answer_seconds");
    if answers > 0.0 {
        text.push_str(&format!(
            "; a signature waited {:.2} ms for its batch and was answered {:.2} ms after it was handed to the writer",
            1000.0 * per(queued_s, queued),
            1000.0 * per(answer_s, answers),
        ));
    }
    // On an SQLite file: the log synced after the write lock is left, before signers are told.
    let (sync_s, syncs) = delta("dauys_signature_sync_seconds");
    if syncs > 0.0 {
        text.push_str(&format!(
            "; the log synced {syncs:.0} times, {:.2} ms each, {:.1} batches a sync",
            1000.0 * per(sync_s, syncs),
            per(batches, syncs),
        ));
    }
    // On an SQLite file: the log copied into the database, outside the write lock.
    let (checkpoint_s, checkpoints) = delta("dauys_sqlite_checkpoint_seconds");
    if checkpoints > 0.0 {
        text.push_str(&format!(
            "; the log copied into the database {checkpoints:.0} times, {:.2} ms each",
            1000.0 * per(checkpoint_s, checkpoints),
        ));
    }
    let (held_s, turns) = delta("dauys_write_turn_held_seconds");
    let (wait_s, _) = delta("dauys_write_turn_wait_seconds");
    if turns > 0.0 {
        text.push_str(&format!(
            "; the write lock: {turns:.0} turns held {:.0} % of the run, {:.2} ms each, {:.1} s waited for in all",
            share(held_s),
            1000.0 * per(held_s, turns),
            wait_s,
        ));
    }
    text
}

#[tokio::main]
async fn main() {
    let users = usize::try_from(arg("--users", 150_000)).unwrap_or(150_000);
    let seconds = arg("--seconds", 60);
    let workers = arg("--workers", 32);
    let readers = arg("--readers", 2).max(1);
    // The page stream is paced (visitors arrive at a rate), not a closed loop that would take
    // the cores from the server.
    let reads_per_second = arg("--reads-per-second", 100).max(1);
    let read_interval = Duration::from_secs_f64(readers as f64 / reads_per_second as f64);
    let port = arg("--port", 3900);
    let registrations_per_second = arg("--registrations-per-second", 0);
    let reconcile_seconds = arg("--reconcile-seconds", 600);
    let ceiling = arg("--ceiling", 0) == 1;
    let signs_per_second = arg("--signs-per-second", 0);
    let binary = server_binary();

    let test = TestDb::new().await;
    let url = test.url().unwrap_or_default();
    let engine = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let db = test.db.clone();
    let started = Instant::now();
    let citizens = people::verified_citizens(&db, "bench", users, "75", true)
        .await
        .expect("citizens");
    let ids: Vec<i32> = citizens.iter().map(|c| c.id).collect();
    let tokens: Vec<String> = sessions::start_many(&db, &ids, chrono::Utc::now())
        .await
        .expect("sessions")
        .into_iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    let staff = people::verified_citizens(&db, "staff", 2, "75", true)
        .await
        .expect("staff");
    people::grant(&db, &staff[1].email, app::model::Role::Moderator, None)
        .await
        .expect("moderator");
    let petition = people::approved_petition(&db, staff[0].id, staff[1].id, "Repair Abai Avenue")
        .await
        .expect("approved");
    println!(
        "{engine}: {users} citizens with sessions and petition {petition} ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The setup's writes reach the disk before the load starts. Left to the kernel, they are
    // written back about 30 s later, in the middle of the measured run, and every commit's sync
    // waits behind them.
    let flush = if engine == "SQLite" {
        "PRAGMA wal_checkpoint(TRUNCATE)"
    } else {
        "CHECKPOINT"
    };
    if let Err(e) = db.execute_unprepared(flush).await {
        eprintln!("{flush}: {e}");
    }
    if let Err(e) = std::process::Command::new("sync").status() {
        eprintln!("sync: {e}");
    }

    let address: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let mut child = server::bench::start_server(
        &binary,
        &url,
        address,
        &[("DAUYS_RECONCILE_SECONDS", reconcile_seconds.to_string())],
    )
    .await;
    let pid = child.id();
    let idle_kib = memory_kib(pid, "VmRSS");

    let tokens = Arc::new(tokens);
    let next = Arc::new(AtomicUsize::new(0));
    let connections = Arc::new(AtomicU64::new(1));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let surge_started = Instant::now();
    let cpu = CpuMeter::start(pid);
    let work_before = histogram_totals(address).await;
    let mut signers = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let (tokens, next, connections) = (tokens.clone(), next.clone(), connections.clone());
        signers.spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0u64;
            // Each worker's share of a steady rate; `Burst` keeps the appointed times when a
            // request runs late, so the next ones are due at once and their wait is counted.
            let mut pace = (signs_per_second > 0).then(|| {
                #[allow(clippy::cast_precision_loss)]
                let mut tick = tokio::time::interval(Duration::from_secs_f64(
                    workers as f64 / signs_per_second as f64,
                ));
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                tick
            });
            'outer: while Instant::now() < deadline {
                let source = loopback(connections.fetch_add(1, Ordering::Relaxed));
                let Ok(mut connection) = Connection::open(address, source).await else {
                    failures += 1;
                    continue;
                };
                for _ in 0..500 {
                    if Instant::now() >= deadline {
                        break 'outer;
                    }
                    if ceiling {
                        let sent = Instant::now();
                        match connection.send("GET", "/livez", "", None).await {
                            Ok(r) if r.status == 200 => latencies.push(sent.elapsed()),
                            Ok(_) => failures += 1,
                            Err(_) => {
                                failures += 1;
                                continue 'outer;
                            }
                        }
                        continue;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(token) = tokens.get(i) else {
                        break 'outer;
                    };
                    let cookie = format!("dauys_session={token}; dauys_csrf={CSRF}");
                    let body = format!("csrf={CSRF}&lang=en&id={petition}&show_name=on");
                    let sent = match pace.as_mut() {
                        Some(tick) => tick.tick().await.into_std(),
                        None => Instant::now(),
                    };
                    match connection
                        .send("POST", "/api/petitions/sign", &cookie, Some(&body))
                        .await
                    {
                        Ok(r)
                            if r.location
                                .as_deref()
                                .is_some_and(|l| l.ends_with("done=signed")) =>
                        {
                            latencies.push(sent.elapsed());
                        }
                        Ok(r) => {
                            failures += 1;
                            if failures < 3 {
                                eprintln!("unexpected answer {} {:?}", r.status, r.location);
                            }
                        }
                        Err(_) => {
                            failures += 1;
                            continue 'outer;
                        }
                    }
                }
            }
            (latencies, failures)
        });
    }
    let mut pages = tokio::task::JoinSet::new();
    for r in 0..readers {
        // Odd readers are signed in, as people who have not signed yet (from the end of the
        // list, which the signers reach last).
        let cookie = if r % 2 == 1 {
            let i = usize::try_from(r / 2).unwrap_or(0);
            tokens
                .len()
                .checked_sub(1 + i)
                .and_then(|i| tokens.get(i))
                .map(|token| format!("dauys_session={token}; dauys_csrf={CSRF}"))
                .unwrap_or_default()
        } else {
            String::new()
        };
        pages.spawn(async move {
            let signed_in = !cookie.is_empty();
            let mut latencies = Vec::new();
            let path = format!("/en/petitions/{petition}");
            let mut tick = tokio::time::interval(read_interval);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while Instant::now() < deadline {
                tick.tick().await;
                let sent = Instant::now();
                let Ok(mut c) = Connection::open(address, loopback(1_000_000 + r)).await else {
                    continue;
                };
                if c.send("GET", &path, &cookie, None)
                    .await
                    .is_ok_and(|p| p.status == 200)
                {
                    latencies.push(sent.elapsed());
                }
            }
            (signed_in, latencies)
        });
    }
    // New accounts arriving at a steady rate (each on its own connection, so a slow one does
    // not hold back the next), ten from each address (the per-IP limit).
    let registering = tokio::spawn(async move {
        let mut attempts = tokio::task::JoinSet::new();
        if registrations_per_second > 0 {
            #[allow(clippy::cast_precision_loss)]
            let mut tick = tokio::time::interval(Duration::from_secs_f64(
                1.0 / registrations_per_second as f64,
            ));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
            let mut n = 0u64;
            while Instant::now() < deadline {
                tick.tick().await;
                let source = loopback(2_000_000 + n / 10);
                let body = format!(
                    "csrf={CSRF}&lang=en&email=new{n}%40example.kz&password=steppe-wind-over-ulytau&display_name=New+Citizen&region=75"
                );
                n += 1;
                attempts.spawn(async move {
                    let sent = Instant::now();
                    let mut c = Connection::open(address, source).await.ok()?;
                    let r = c
                        .send(
                            "POST",
                            "/api/register",
                            &format!("dauys_csrf={CSRF}"),
                            Some(&body),
                        )
                        .await
                        .ok()?;
                    r.location
                        .as_deref()
                        .is_some_and(|l| l.ends_with("done=registered"))
                        .then(|| sent.elapsed())
                });
            }
        }
        let outcomes = attempts.join_all().await;
        let failures = outcomes.iter().filter(|o| o.is_none()).count() as u64;
        let latencies: Vec<Duration> = outcomes.into_iter().flatten().collect();
        (latencies, failures)
    });
    // The peak, and at the peak how much is the process's own memory (heap, stacks) and how
    // much is files mapped into it (SQLite's `mmap_size` maps the database: its pages count as
    // resident once read, and the kernel may drop them at any time).
    let (mut peak_kib, mut peak_anon_kib, mut peak_file_kib) = (0, 0, 0);
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let rss = memory_kib(pid, "VmRSS");
        if rss > peak_kib {
            peak_kib = rss;
            peak_anon_kib = memory_kib(pid, "RssAnon");
            peak_file_kib = memory_kib(pid, "RssFile") + memory_kib(pid, "RssShmem");
        }
    }
    let mut signed = Vec::new();
    let mut failures = 0;
    for (mut l, f) in signers.join_all().await {
        signed.append(&mut l);
        failures += f;
    }
    let elapsed = surge_started.elapsed().as_secs_f64();
    let cpu = cpu.report();
    let work = work_report(&work_before, &histogram_totals(address).await, elapsed);
    let (mut member_pages, mut page_latencies) = (Vec::new(), Vec::new());
    for (signed_in, mut l) in pages.join_all().await {
        if signed_in {
            member_pages.append(&mut l);
        } else {
            page_latencies.append(&mut l);
        }
    }
    let (mut registrations, registration_failures) = registering.await.unwrap_or_default();
    registrations.sort();
    signed.sort();
    page_latencies.sort();
    member_pages.sort();
    let hwm_kib = memory_kib(pid, "VmHWM");
    // Let the server's folding catch up, then stop it.
    tokio::time::sleep(Duration::from_secs(3)).await;
    child.kill().ok();
    child.wait().ok();
    while counting::fold(&db, 5_000, chrono::Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    let rows = scalar(
        &db,
        &format!("SELECT COUNT(*) FROM signatures WHERE petition_id = {petition}"),
    )
    .await;
    let distinct = scalar(
        &db,
        &format!("SELECT COUNT(DISTINCT user_id) FROM signatures WHERE petition_id = {petition}"),
    )
    .await;
    let counted = scalar(
        &db,
        &format!("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM petition_counts WHERE petition_id = {petition}"),
    )
    .await;

    #[allow(clippy::cast_precision_loss)]
    let rate = signed.len() as f64 / elapsed;
    println!("{engine}: CPU during the run: {cpu}");
    println!("{engine}: where the writes went: {work}");
    if ceiling {
        println!(
            "{engine}: HTTP ceiling, GET /livez: {} answers in {elapsed:.1} s = {rate:.0}/s ({failures} failed); p50 {:.1} ms, p99 {:.1} ms",
            signed.len(),
            ms(percentile(&signed, 50.0)),
            ms(percentile(&signed, 99.0)),
        );
        test.drop_database().await;
        return;
    }
    println!(
        "{engine}: {} signatures in {elapsed:.1} s = {rate:.0}/s ({failures} failed); sign p50 {:.1} ms, p99 {:.1} ms; \
         page: {} reads by visitors, p50 {:.1} ms, p99 {:.1} ms, {} signed in, p50 {:.1} ms, p99 {:.1} ms; server memory: {} MiB idle, {} MiB peak RSS \
         ({} MiB its own, {} MiB mapped files; {} MiB high-water)",
        signed.len(),
        ms(percentile(&signed, 50.0)),
        ms(percentile(&signed, 99.0)),
        page_latencies.len(),
        ms(percentile(&page_latencies, 50.0)),
        ms(percentile(&page_latencies, 99.0)),
        member_pages.len(),
        ms(percentile(&member_pages, 50.0)),
        ms(percentile(&member_pages, 99.0)),
        idle_kib / 1024,
        peak_kib / 1024,
        peak_anon_kib / 1024,
        peak_file_kib / 1024,
        hwm_kib / 1024,
    );
    if registrations_per_second > 0 {
        println!(
            "registrations: {} in {elapsed:.1} s ({registration_failures} failed); p50 {:.1} ms, p99 {:.1} ms",
            registrations.len(),
            ms(percentile(&registrations, 50.0)),
            ms(percentile(&registrations, 99.0)),
        );
    }
    println!(
        "afterwards: count {counted}, rows {rows}, distinct signers {distinct} — {}",
        if counted == rows && rows == distinct && usize::try_from(rows).ok() == Some(signed.len()) {
            "consistent"
        } else {
            "MISMATCH"
        }
    );
    test.drop_database().await;
}
