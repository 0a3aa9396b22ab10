//! Case reading benchmark: the responsiveness page and an official's inbox under concurrent
//! readers over a large record. Creates a fresh database (a temporary SQLite file, or a new
//! PostgreSQL database when `TEST_DATABASE_URL` names a server), brings the bodies up to
//! `--bodies` (default 200) and writes `--cases` (default 100,000) registered petitions with
//! their cases spread over the bodies and the last 400 days: 70% answered (most on time, some
//! late, a third rated), the rest waiting (some overdue, some very overdue). Starts the release
//! `server` binary on it as its own process, then for `--seconds` per page has `--readers`
//! (default 50) keep-alive clients read, in a closed loop, `/en/responsiveness` and then the
//! inbox of an official of the busiest body; prints reads/s, p50 and p99 of each.
//!
//! `cargo build --release -p server --bins &&
//!  target/release/bench-cases --cases 100000 --bodies 200 --readers 50 --seconds 20`
//! (add `TEST_DATABASE_URL=postgres://…` for PostgreSQL)

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use app::server::services::{sessions, today};
use app::server::testing::{TestDb, people};
use chrono::{Datelike, Days};
use sea_orm::{ConnectionTrait, EntityTrait};
use server::bench::{CSRF, arg, insert_rows, ms, percentile, read, server_binary};

#[tokio::main]
#[allow(clippy::too_many_lines)]
async fn main() {
    let cases = usize::try_from(arg("--cases", 100_000)).unwrap_or(100_000);
    let bodies_wanted = usize::try_from(arg("--bodies", 200)).unwrap_or(200);
    let readers = arg("--readers", 50).max(1);
    let seconds = arg("--seconds", 20);
    let port = arg("--port", 3901);
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
    let staff = people::verified_citizens(&db, "staff", 2, "75", true)
        .await
        .expect("staff");
    let author = staff[0].id;

    // Bodies: the seeded ones, then district akimats until there are enough.
    use app::server::entities::{body, territory};
    let mut bodies = body::Entity::find().all(&db).await.expect("bodies");
    let territories = territory::Entity::find()
        .all(&db)
        .await
        .expect("territories");
    let regions: Vec<&territory::Model> = territories
        .iter()
        .filter(|t| t.kind == "oblast" || t.kind == "city")
        .collect();
    let mut extra = Vec::new();
    for i in bodies.len()..bodies_wanted {
        let t = regions[i % regions.len()];
        extra.push(format!(
            "('bench-akimat-{i}', 'akimat', 'district', {}, 'Аудан әкімдігі {i}', 'Акимат района {i}', 'District akimat {i}')",
            t.id
        ));
    }
    if !extra.is_empty() {
        insert_rows(
            &db,
            "INSERT INTO bodies (slug, kind, level, territory_id, name_kk, name_ru, name_en)",
            &extra,
        )
        .await;
        bodies = body::Entity::find().all(&db).await.expect("bodies");
    }
    bodies.truncate(bodies_wanted);
    let busiest = bodies[0].clone();
    people::grant(
        &db,
        &staff[1].email,
        app::model::Role::Official,
        Some(&busiest.slug),
    )
    .await
    .expect("official");

    // Petitions and their cases.
    let today = today();
    // Due days from the deadline engine, as the application computes them, and the overdue
    // marks the sweep would have written: the server's first sweep finds nothing to do.
    let clocks = app::server::services::cases::clock::CaseClocks::load(&db)
        .await
        .expect("clocks");
    let stamp = chrono::Utc::now()
        .format("%Y-%m-%d %H:%M:%S%:z")
        .to_string();
    let first_id = 1_000_000;
    let mut petitions = Vec::with_capacity(cases);
    let mut case_rows = Vec::with_capacity(cases);
    let mut ratings = Vec::new();
    let mut seq = std::collections::HashMap::<(i32, i32), i32>::new();
    for i in 0..cases {
        let id = first_id + i32::try_from(i).unwrap_or(0);
        let b = &bodies[i % bodies.len()];
        let registered = today - Days::new(u64::try_from(i % 400).unwrap_or(0));
        let term = clocks
            .term(app::model::CaseKind::Petition, &b.level)
            .expect("term");
        let (due, very) = clocks.due_days(term, registered, &[]);
        let answered = i % 10 < 7 && registered + Days::new(3) <= today;
        let took = u64::try_from((i * 7) % 80)
            .unwrap_or(0)
            .min(u64::try_from((today - registered).num_days()).unwrap_or(0));
        let answered_on = registered + Days::new(took);
        let counter = seq.entry((b.id, registered.year())).or_default();
        *counter += 1;
        let marks = match (answered, today > due, today > very) {
            (false, true, true) => format!("'{stamp}', '{stamp}'"),
            (false, true, false) => format!("'{stamp}', NULL"),
            _ => "NULL, NULL".to_owned(),
        };
        let (status, state, answer) = if answered {
            (
                "answered",
                if answered_on <= due {
                    "answered"
                } else {
                    "answered_late"
                },
                format!(
                    "'accepted', 'We will do it.', '{stamp}', '{answered_on}', {author}, {}",
                    took * 5 / 7
                ),
            )
        } else {
            (
                "under_consideration",
                "awaiting_answer",
                "NULL, NULL, NULL, NULL, NULL, NULL".to_owned(),
            )
        };
        let petition_answer = if answered {
            format!("'{stamp}', 'accepted', 'We will do it.', {author}")
        } else {
            "NULL, NULL, NULL, NULL".into()
        };
        petitions.push(format!(
            "({id}, {author}, {}, {}, 'roads', 'Repair street number {i}', 's', 't', '{status}', false, '{stamp}', '{stamp}', \
             '{stamp}', 10, 'email_verified', '{stamp}', 'B-{id}', '{registered}', {petition_answer})",
            b.id, b.territory_id
        ));
        case_rows.push(format!(
            "({id}, 'petition', {id}, {}, {}, {}, '{registered}', '{stamp}', '{state}', '{due}', '{very}', {answer}, {marks}, '{stamp}')",
            b.id,
            registered.year(),
            counter
        ));
        if answered && i % 3 == 0 {
            ratings.push(format!("({id}, {author}, {}, '{stamp}')", 1 + i % 5));
        }
    }
    insert_rows(
        &db,
        "INSERT INTO petitions (id, author_id, body_id, territory_id, topic, title, summary, text, status, hidden, created_at, updated_at, \
         approved_at, threshold, required_grade, threshold_reached_at, registration_number, registered_on, \
         answered_at, answer_decision, answer_text, answered_by_id)",
        &petitions,
    )
    .await;
    insert_rows(
        &db,
        "INSERT INTO cases (id, kind, origin_id, body_id, year, seq, registered_on, registered_at, state, due_on, very_due_on, \
         decision, answer_text, answered_at, answered_on, answered_by_id, answer_days, overdue_at, very_overdue_at, updated_at)",
        &case_rows,
    )
    .await;
    insert_rows(
        &db,
        "INSERT INTO case_ratings (case_id, user_id, rating, rated_at)",
        &ratings,
    )
    .await;
    if engine == "PostgreSQL" {
        db.execute_unprepared("ANALYZE").await.expect("analyses");
    }
    let session = sessions::start(&db, staff[1].id, chrono::Utc::now())
        .await
        .expect("session");
    println!(
        "{engine}: {} bodies, {cases} cases ({} rated) ready in {:.1} s",
        bodies.len(),
        ratings.len(),
        started.elapsed().as_secs_f64()
    );

    let address: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let mut child = server::bench::start_server(
        &binary,
        &url,
        address,
        // The sweep would recompute the waiting clocks during the reads: not what is measured.
        &[("DAUYS_SWEEP_SECONDS", "86400".to_owned())],
    )
    .await;
    // The first sweep runs at start (reading every waiting case); let it finish.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let cookie = format!("dauys_session={}; dauys_csrf={CSRF}", session.as_str());
    for (name, path, cookie) in [
        ("responsiveness", "/en/responsiveness", ""),
        ("inbox", "/en/inbox", cookie.as_str()),
    ] {
        let (latencies, failures, elapsed) = read(address, path, cookie, readers, seconds).await;
        #[allow(clippy::cast_precision_loss)]
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
