//! Discovery benchmark: the home page, a filtered list and a search under concurrent readers
//! over a large site. Creates a fresh database (a temporary SQLite file, or a new PostgreSQL
//! database when `TEST_DATABASE_URL` names a server) with `--petitions` (default 10,000)
//! petitions across the regions' akimats in three languages — most open, the rest under
//! consideration, answered, closed or rejected — and `--signatures` (default 1,000,000)
//! signatures from 20,000 citizens, few petitions holding most of them, over the last 60 days,
//! with their folded counts (per grade, region and hour) and search rows as the application
//! keeps them. Starts the release `server` binary on it as its own process, then for
//! `--seconds` per page has `--readers` (default 200) keep-alive clients read, in a closed
//! loop: `/en` (the home page), `/en/petitions?status=open&region=75&sort=trending` and
//! `/en/petitions?q=zhol+zhondeu` (a Latin-script query over Cyrillic titles); prints reads/s,
//! p50 and p99 of each.
//!
//! With `--log 1` it measures the public signature log instead of the reads: every signature is
//! marked for the folding (as migration 22 marks the signatures of a site that predates the
//! log), the real fold logs them all in batches of 5,000 (entries/s printed), a checkpoint is
//! signed, and `dauys-verify` checks the whole log from outside against the running server
//! (its time printed).
//!
//! `cargo build --release -p server --bins &&
//!  target/release/bench-discovery --petitions 10000 --signatures 1000000 --readers 200 --seconds 20`
//! (add `TEST_DATABASE_URL=postgres://…` for PostgreSQL)

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use app::server::services::search::fold;
use app::server::testing::{TestDb, people};
use sea_orm::{ConnectionTrait, EntityTrait};
use server::bench::{arg, insert_rows, ms, percentile, read, server_binary};

/// Words titles are made of, per language: (kk, ru, en).
const SUBJECTS: [(&str, &str, &str); 10] = [
    ("Жол жөндеу", "Ремонт дороги", "Road repair"),
    ("Аялдама салу", "Строительство остановки", "A bus stop"),
    ("Ыстық су", "Горячая вода", "Hot water"),
    ("Балалар алаңы", "Детская площадка", "A playground"),
    ("Көше жарығы", "Уличное освещение", "Street lighting"),
    ("Мектеп салу", "Строительство школы", "A new school"),
    ("Саябақты сақтау", "Сохранить парк", "Save the park"),
    ("Қар тазалау", "Уборка снега", "Snow clearing"),
    ("Ауыз су", "Питьевая вода", "Drinking water"),
    ("Автобус бағыты", "Автобусный маршрут", "A bus route"),
];
const PLACES: [&str; 8] = [
    "Абай даңғылы",
    "Сәтпаев көшесі",
    "Алтынсарин ауылы",
    "Жібек жолы",
    "Райымбек ауданы",
    "Төле би",
    "Орталық",
    "Шұғыла шағын ауданы",
];
const TOPICS: [&str; 6] = [
    "roads",
    "transport",
    "water",
    "housing",
    "education",
    "environment",
];

/// A stored timestamp, as SeaORM writes them.
fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S%:z").to_string()
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[tokio::main]
#[allow(
    clippy::too_many_lines,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
async fn main() {
    let petitions = usize::try_from(arg("--petitions", 10_000))
        .unwrap_or(10_000)
        .max(10);
    let signatures = usize::try_from(arg("--signatures", 1_000_000)).unwrap_or(1_000_000);
    let readers = arg("--readers", 200).max(1);
    let seconds = arg("--seconds", 20);
    let port = arg("--port", 3902);
    let log = arg("--log", 0) == 1;
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

    use app::server::entities::{body, territory};
    let regions: Vec<territory::Model> = territory::Entity::find()
        .all(&db)
        .await
        .expect("territories")
        .into_iter()
        .filter(|t| t.kind == "oblast" || t.kind == "city")
        .collect();
    let akimats: HashMap<i32, i32> = body::Entity::find()
        .all(&db)
        .await
        .expect("bodies")
        .into_iter()
        .filter(|b| {
            b.slug
                == format!(
                    "akimat-{}",
                    regions
                        .iter()
                        .find(|r| r.id == b.territory_id)
                        .map_or("", |r| r.kato.as_str())
                )
        })
        .map(|b| (b.territory_id, b.id))
        .collect();
    // Citizens: a thousand per region.
    let mut citizens = Vec::new();
    for r in &regions {
        for c in people::verified_citizens(&db, &format!("b{}-", r.kato), 1_000, &r.kato, false)
            .await
            .expect("citizens")
        {
            citizens.push((c.id, r.id));
        }
    }
    let author = citizens[0].0;
    let now = chrono::Utc::now();
    let now_stamp = stamp(now);

    // Signatures per petition: a long tail, the first petitions holding the most.
    let weights: Vec<f64> = (0..petitions)
        .map(|i| 1.0 / ((i + 10) as f64).powf(0.9))
        .collect();
    let sum: f64 = weights.iter().sum();
    let per: Vec<usize> = weights
        .iter()
        .map(|w| ((w / sum) * signatures as f64).round() as usize)
        .map(|n| n.min(citizens.len()))
        .collect();

    let first_id = 1_000_000;
    let mut rows = Vec::with_capacity(petitions);
    let mut search = Vec::with_capacity(petitions);
    for i in 0..petitions {
        let id = first_id + i as i32;
        let region = &regions[i % regions.len()];
        let body = akimats
            .get(&region.id)
            .copied()
            .expect("an akimat per region");
        let (kk, ru, en) = SUBJECTS[i % SUBJECTS.len()];
        let place = PLACES[(i / SUBJECTS.len()) % PLACES.len()];
        let title = match i % 3 {
            0 => format!("{kk}: {place}, {i}"),
            1 => format!("{ru}: {place}, {i}"),
            _ => format!("{en}: {place}, {i}"),
        };
        let summary = format!("{kk}. {ru}. {en}.");
        let opened = now - chrono::Duration::hours(((i * 37) % (180 * 24)) as i64);
        let registered = format!("'{now_stamp}', 'B-{id}'");
        let (status, extra) = match i % 20 {
            0..=11 => ("open", "NULL, NULL, NULL, NULL, NULL, NULL".to_owned()),
            12 | 13 => (
                "under_consideration",
                format!("{registered}, NULL, NULL, NULL, NULL"),
            ),
            14..=16 => (
                "answered",
                format!("{registered}, 'accepted', 'We will do it.', NULL, NULL"),
            ),
            17 | 18 => (
                "closed",
                format!("NULL, NULL, NULL, NULL, '{now_stamp}', 'expired'"),
            ),
            _ => ("rejected", "NULL, NULL, NULL, NULL, NULL, NULL".to_owned()),
        };
        let answered_at = if status == "answered" {
            quoted(&now_stamp)
        } else {
            "NULL".into()
        };
        let (opened_at, rejected_at) = if status == "rejected" {
            ("NULL".to_owned(), quoted(&stamp(opened)))
        } else {
            (quoted(&stamp(opened)), "NULL".to_owned())
        };
        rows.push(format!(
            "({id}, {author}, {body}, {}, '{}', {}, {}, 'Text.', '{status}', false, '{now_stamp}', '{now_stamp}', \
             '{now_stamp}', {opened_at}, {rejected_at}, '{}', 1000, 'email_verified', {answered_at}, {extra})",
            region.id,
            TOPICS[i % TOPICS.len()],
            quoted(&title),
            quoted(&summary),
            opened.date_naive(),
        ));
        search.push(format!(
            "({id}, {})",
            quoted(&fold(&format!("{title} {summary} Text.")))
        ));
    }
    insert_rows(
        &db,
        "INSERT INTO petitions (id, author_id, body_id, territory_id, topic, title, summary, text, status, hidden, created_at, updated_at, \
         approved_at, opened_at, rejected_at, collection_started_on, threshold, required_grade, answered_at, \
         threshold_reached_at, registration_number, answer_decision, answer_text, closed_at, closed_reason)",
        &rows,
    )
    .await;
    insert_rows(
        &db,
        "INSERT INTO petition_search (petition_id, folded)",
        &search,
    )
    .await;
    drop(rows);
    drop(search);

    // Signatures, folded as the application folds them.
    let mut counts: Vec<String> = Vec::new();
    let mut written = 0usize;
    let mut batch = Vec::with_capacity(50_000);
    for (i, n) in per.iter().enumerate() {
        let id = first_id + i as i32;
        let mut regions_count: HashMap<i32, i64> = HashMap::new();
        let mut hours: HashMap<i64, i64> = HashMap::new();
        for k in 0..*n {
            let (user, region) = citizens[(i * 7919 + k) % citizens.len()];
            let at = now
                - chrono::Duration::minutes(((k * 7_919 + i * 104_729) % (60 * 24 * 60)) as i64);
            *regions_count.entry(region).or_default() += 1;
            *hours.entry(at.timestamp().div_euclid(3600)).or_default() += 1;
            batch.push(format!(
                "({id}, {user}, 'email_verified', {region}, 'Aigerim S.', true, false, '192.0.2.1', 'example.kz', '{}', 1)",
                stamp(at)
            ));
        }
        if *n > 0 {
            counts.push(format!("INSERT INTO petition_counts (petition_id, grade, count) VALUES ({id}, 'email_verified', {n})"));
        }
        let region_rows: Vec<String> = regions_count
            .iter()
            .map(|(r, c)| format!("({id}, {r}, {c})"))
            .collect();
        if !region_rows.is_empty() {
            counts.push(format!(
                "INSERT INTO petition_region_counts (petition_id, region_id, count) VALUES {}",
                region_rows.join(",")
            ));
        }
        let hour_rows: Vec<String> = hours
            .iter()
            .map(|(h, c)| format!("({id}, {h}, {c})"))
            .collect();
        for chunk in hour_rows.chunks(500) {
            counts.push(format!(
                "INSERT INTO petition_hour_counts (petition_id, hour, count) VALUES {}",
                chunk.join(",")
            ));
        }
        if batch.len() >= 50_000 || i + 1 == per.len() {
            written += batch.len();
            insert_rows(
                &db,
                "INSERT INTO signatures (petition_id, user_id, grade, region_id, public_name, show_name, notify_answer, ip, email_domain, created_at, counted)",
                &batch,
            )
            .await;
            batch.clear();
        }
    }
    // The rows are made counted, with their counts: nothing waits for the folding.
    db.execute_unprepared("DELETE FROM signature_fold_queue")
        .await
        .expect("empties the folding queue");
    for statement in &counts {
        db.execute_unprepared(statement).await.expect("counts");
    }
    if engine == "PostgreSQL" {
        db.execute_unprepared("ANALYZE").await.expect("analyses");
    }
    println!(
        "{engine}: {petitions} petitions, {written} signatures ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let (key, private) =
        app::server::services::signature_log::LogKey::generate("bench.dauys.kz/signatures");
    if log {
        use app::server::services::{petitions::counting, signature_log, today};
        db.execute_unprepared(
            "INSERT INTO signature_fold_queue (signature_id) SELECT id FROM signatures",
        )
        .await
        .expect("queues");
        let logging = Instant::now();
        while counting::fold(&db, 5_000, chrono::Utc::now(), today())
            .await
            .expect("folds")
            .rows
            > 0
        {}
        signature_log::checkpoint(&db, &key, chrono::Utc::now())
            .await
            .expect("checkpoint");
        let entries = signature_log::size(&db).await.expect("size");
        let seconds = logging.elapsed().as_secs_f64();
        println!(
            "{engine}: the fold logged {written} signatures as {entries} entries (with tallies) in {seconds:.1} s = {:.0} entries/s",
            entries as f64 / seconds
        );
    }
    let address: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let mut child = server::bench::start_server(
        &binary,
        &url,
        address,
        // Nothing moves meanwhile: the sweep and the recount would read every petition.
        &[
            ("DAUYS_SWEEP_SECONDS", "86400".to_owned()),
            ("DAUYS_RECONCILE_SECONDS", "86400".to_owned()),
            ("DAUYS_LOG_KEY", private),
        ],
    )
    .await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    if log {
        let verifier = std::path::Path::new(&binary).with_file_name("dauys-verify");
        let checking = Instant::now();
        let output = std::process::Command::new(&verifier)
            .arg(format!("http://{address}"))
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", verifier.display()));
        let text = String::from_utf8_lossy(&output.stdout);
        println!(
            "{engine}: dauys-verify over the whole log: {} in {:.1} s; last lines:\n{}",
            output.status,
            checking.elapsed().as_secs_f64(),
            text.lines().rev().take(3).collect::<Vec<_>>().join("\n")
        );
        child.kill().ok();
        child.wait().ok();
        test.drop_database().await;
        return;
    }
    for (name, path) in [
        ("home", "/en"),
        (
            "filtered list",
            "/en/petitions?status=open&region=75&sort=trending",
        ),
        ("search", "/en/petitions?q=zhol+zhondeu"),
    ] {
        let (latencies, failures, elapsed) = read(address, path, "", readers, seconds).await;
        let rate = latencies.len() as f64 / elapsed;
        println!(
            "{engine}: {name} ({path}) with {readers} readers: {} reads in {elapsed:.1} s = {rate:.1}/s ({failures} failed); p50 {:.1} ms, p99 {:.1} ms",
            latencies.len(),
            ms(percentile(&latencies, 50.0)),
            ms(percentile(&latencies, 99.0)),
        );
    }
    child.kill().ok();
    child.wait().ok();
    test.drop_database().await;
}
