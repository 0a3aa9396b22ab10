//! Hardening at the service level, on a fresh database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): the purges that keep visitor-made tables bounded, a rate-limit bucket
//! of any length, names and addresses that would break a page or a mail, withdrawal before
//! approval, the draft bound, the signature writer's supervisor, and writers' turns at SQLite's
//! write lock.

use app::server::entities::{account_token, outbox_mail, petition, session};
use app::server::services::accounts::{self, AccountError, RegisterForm};
use app::server::services::housekeeping;
use app::server::services::petitions::{
    PetitionError,
    filing::{self, DraftForm, Withdrawn},
    signing::{SignOutcome, SignRequest, Signer},
};
use app::server::services::rate_limits::{self, Limit};
use app::server::services::today;
use app::server::testing::{TestDb, count_rows, people};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};

#[tokio::test]
async fn a_bucket_name_of_ten_thousand_characters_is_counted_not_a_failure() {
    let test = TestDb::new().await;
    let limit = Limit {
        max: 2,
        window_seconds: 60,
    };
    let long = format!("login:account-ip:1.2.3.4:{}", "x".repeat(10_000));
    let now = Utc::now();
    for expected in [true, true, false] {
        let within = rate_limits::hit(&test.db, &long, limit, now)
            .await
            .expect("a long bucket is no database error");
        assert_eq!(within, expected);
    }
    test.drop_database().await;
}

#[tokio::test]
async fn each_table_a_visitor_can_grow_is_purged() {
    let test = TestDb::new().await;
    let db = &test.db;
    let people = people::verified_citizens(db, "purge", 1, "75", false)
        .await
        .expect("a citizen");
    let user = people[0].id;
    let now = Utc::now();
    let old = now - Duration::days(400);
    let limit = Limit {
        max: 10,
        window_seconds: 600,
    };
    rate_limits::hit(db, "login:ip:old", limit, now - Duration::hours(3))
        .await
        .expect("old window");
    rate_limits::hit(db, "login:ip:new", limit, now)
        .await
        .expect("current window");
    for (i, expires) in [
        (0, now - Duration::minutes(1)),
        (1, now + Duration::days(1)),
    ] {
        session::ActiveModel {
            token_hash: Set(format!("{i:064}")),
            user_id: Set(user),
            created_at: Set(old),
            expires_at: Set(expires),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("session");
    }
    for (i, expires, used) in [
        (0, now - Duration::days(8), None),
        (1, now + Duration::days(1), Some(now - Duration::days(8))),
        (2, now + Duration::hours(1), None),
    ] {
        account_token::ActiveModel {
            user_id: Set(user),
            purpose: Set("verify_email".into()),
            token_hash: Set(format!("{i:064}")),
            new_email: Set(None),
            created_at: Set(now - Duration::days(9)),
            expires_at: Set(expires),
            used_at: Set(used),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("token");
    }
    for (sent, failed) in [
        (Some(old), None),
        (None, Some(old)),
        (Some(now), None),
        (None, None),
    ] {
        outbox_mail::ActiveModel {
            recipient: Set("a@example.kz".into()),
            language: Set("en".into()),
            kind: Set("verify_email".into()),
            subject: Set("Confirm".into()),
            body_text: Set("https://dauys.test/en/email/confirm/secret".into()),
            body_html: Set(String::new()),
            created_at: Set(old),
            next_attempt_at: Set(old),
            attempts: Set(0),
            sent_at: Set(sent),
            failed_at: Set(failed),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("mail");
    }
    let purged = housekeeping::purge(db, now).await.expect("purges");
    assert_eq!(
        purged,
        housekeeping::Purged {
            rate_limits: 1,
            sessions: 1,
            tokens: 2,
            mail: 2,
        }
    );
    assert_eq!(count_rows(db, "rate_limits").await, 1);
    assert_eq!(count_rows(db, "sessions").await, 1);
    assert_eq!(count_rows(db, "account_tokens").await, 1);
    assert_eq!(count_rows(db, "mail_outbox").await, 2);
    // A second run finds nothing more.
    assert_eq!(
        housekeeping::purge(db, now).await.expect("purges"),
        housekeeping::Purged::default()
    );
    test.drop_database().await;
}

fn register_form(email: &str, name: &str) -> RegisterForm {
    RegisterForm {
        email: email.into(),
        password: "steppe-wind-over-ulytau".into(),
        display_name: name.into(),
        region_kato: "11".into(),
        language: app::i18n::Locale::Kk,
    }
}

#[tokio::test]
async fn names_and_addresses_that_would_break_a_page_or_a_mail_are_refused_or_cleaned() {
    let test = TestDb::new().await;
    for email in [
        "a\u{0}b@example.kz",
        "a\u{fffd}@example.kz",
        "a@exa mple.kz",
    ] {
        assert!(
            matches!(
                accounts::register(&test.db, register_form(email, "Aigerim")).await,
                Err(AccountError::Invalid { field: "email", .. })
            ),
            "{email:?}"
        );
    }
    assert!(matches!(
        accounts::register(&test.db, register_form("z@example.kz", "\u{200b}\u{200b}")).await,
        Err(AccountError::Invalid {
            field: "display_name",
            ..
        })
    ));
    let made = accounts::register(
        &test.db,
        register_form("y@example.kz", "Aigerim\u{202e} S.\r\nBcc: x@evil.example"),
    )
    .await
    .expect("registers");
    assert_eq!(made.display_name, "Aigerim S. Bcc: x@evil.example");
    test.drop_database().await;
}

fn draft() -> DraftForm {
    DraftForm {
        title: "Light the park path".into(),
        summary: "Lamps along the path in the park.".into(),
        text: "It is dark in the evening.".into(),
        body_slug: "akimat-75".into(),
        territory_kato: "75".into(),
        topic: "roads".into(),
    }
}

#[tokio::test]
async fn withdrawing_before_approval_deletes_a_draft_and_returns_a_submitted_one() {
    let test = TestDb::new().await;
    let db = &test.db;
    let p = people::verified_citizens(db, "w", 2, "75", true)
        .await
        .expect("people");
    let now = Utc::now();
    let first = filing::save_draft(db, p[0].id, None, &draft(), now)
        .await
        .expect("draft");
    let second = filing::save_draft(db, p[0].id, None, &draft(), now)
        .await
        .expect("draft");
    filing::submit(db, p[0].id, second, true, now, today())
        .await
        .expect("submitted");
    assert!(matches!(
        filing::withdraw(db, p[1].id, second, now).await,
        Err(PetitionError::NotFound)
    ));
    assert_eq!(
        filing::withdraw(db, p[0].id, first, now)
            .await
            .expect("withdrawn"),
        Withdrawn::DraftDeleted
    );
    assert_eq!(
        filing::withdraw(db, p[0].id, second, now)
            .await
            .expect("withdrawn"),
        Withdrawn::BackToDraft
    );
    let back = petition::Entity::find_by_id(second)
        .one(db)
        .await
        .expect("reads")
        .expect("kept");
    assert_eq!(back.status, "draft");
    assert!(back.submitted_at.is_none() && back.closed_at.is_none());
    assert_eq!(petition::Entity::find().count(db).await.expect("counts"), 1);
    test.drop_database().await;
}

#[tokio::test]
async fn an_author_keeps_at_most_twenty_drafts() {
    let test = TestDb::new().await;
    let db = &test.db;
    let p = people::verified_citizens(db, "d", 1, "75", false)
        .await
        .expect("people");
    for _ in 0..filing::MAX_DRAFTS {
        filing::save_draft(db, p[0].id, None, &draft(), Utc::now())
            .await
            .expect("a draft");
    }
    assert!(matches!(
        filing::save_draft(db, p[0].id, None, &draft(), Utc::now()).await,
        Err(PetitionError::Refused("petition-too-many-drafts"))
    ));
    test.drop_database().await;
}

/// Four IIN-checked citizens (an author, a moderator, two to sign), an approved petition and a
/// signature writer of its own.
async fn petition_with_signer(
    db: &sea_orm::DatabaseConnection,
    prefix: &str,
) -> (Vec<app::server::entities::user::Model>, i32, Signer) {
    let p = people::verified_citizens(db, prefix, 4, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, app::model::Role::Moderator, None)
        .await
        .expect("granted");
    let id = people::approved_petition(db, p[0].id, p[1].id, prefix)
        .await
        .expect("approved");
    (p, id, Signer::start(db.clone(), std::sync::Arc::default()))
}

fn sign_request(petition_id: i32) -> SignRequest {
    SignRequest {
        petition_id,
        show_name: true,
        notify: false,
        ip: "127.0.0.1".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signature_writer_restarts_after_a_panic() {
    let test = TestDb::new().await;
    let db = &test.db;
    let (p, id, signer) = petition_with_signer(db, "writer").await;
    let request = || sign_request(id);
    signer.inject_writer_panic();
    let lost = signer.sign(db, &p[2], request(), Utc::now(), today()).await;
    assert!(
        lost.is_err(),
        "the batch the writer died with fails: {lost:?}"
    );
    let signed = signer
        .sign(db, &p[2], request(), Utc::now(), today())
        .await
        .expect("the restarted writer takes signatures");
    assert_eq!(signed, SignOutcome::Signed);
    assert_eq!(signer.writer_restarts(), 1);
    let again = signer
        .sign(db, &p[3], request(), Utc::now(), today())
        .await
        .expect("and goes on");
    assert_eq!(again, SignOutcome::Signed);
    test.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_periodic_recount_finds_a_withdrawal_the_counts_missed() {
    use app::server::entities::signature;
    use app::server::services::petitions::counting;
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    let test = TestDb::new().await;
    let db = &test.db;
    let (p, id, signer) = petition_with_signer(db, "recount").await;
    for citizen in &p[2..4] {
        signer
            .sign(db, citizen, sign_request(id), Utc::now(), today())
            .await
            .expect("signed");
    }
    while counting::fold(db, 5_000, Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
    assert_eq!(
        counting::counts(db, id).await.expect("counts").iin_checked,
        2
    );
    // A signature made yesterday, withdrawn now, and the counts never told (a lost flag).
    let now = Utc::now();
    signature::Entity::update_many()
        .col_expr(
            signature::Column::CreatedAt,
            Expr::value(now - Duration::days(1)),
        )
        .col_expr(signature::Column::WithdrawnAt, Expr::value(Some(now)))
        .filter(signature::Column::UserId.eq(p[2].id))
        .exec(db)
        .await
        .expect("withdrawn behind the counts' back");
    let repaired = counting::reconcile_since(db, now - Duration::minutes(5), now, today())
        .await
        .expect("recounts");
    assert_eq!(repaired, 1, "the petition touched since is recounted");
    assert_eq!(
        counting::counts(db, id).await.expect("counts").iin_checked,
        1
    );
    test.drop_database().await;
}

/// Writers in one process go in to SQLite's single write lock in the order they asked, each as
/// the one before leaves, instead of sleeping in SQLite's busy handler between tries (where a
/// signature batch behind a registration's transaction could sleep 25–100 ms after the lock was
/// free). PostgreSQL's writers lock rows, not the database, and take no turn.
#[tokio::test]
async fn writers_take_their_turns_at_an_sqlite_database_in_order_of_arrival() {
    use app::server::db::write_turn;
    use std::{
        future::Future,
        pin::Pin,
        sync::Mutex,
        task::{Context, Waker},
    };
    let test = TestDb::new().await;
    let db = &test.db;
    let sqlite = db.get_database_backend() == sea_orm::DbBackend::Sqlite;
    let limit = Limit {
        max: 10,
        window_seconds: 60,
    };
    let now = Utc::now();
    let written = Mutex::new(Vec::new());
    let held = write_turn(db).await;
    let mut writers: Vec<Pin<Box<dyn Future<Output = ()> + '_>>> = Vec::new();
    for n in 0..4 {
        let written = &written;
        writers.push(Box::pin(async move {
            let _turn = write_turn(db).await;
            rate_limits::hit(db, &format!("turn:{n}"), limit, now)
                .await
                .expect("writes");
            written.lock().expect("not poisoned").push(n);
        }));
    }
    if sqlite {
        // They ask in the order 3, 2, 1, 0, and none goes in while the turn is held.
        let mut cx = Context::from_waker(Waker::noop());
        for (n, w) in writers.iter_mut().enumerate().rev() {
            assert!(
                w.as_mut().poll(&mut cx).is_pending(),
                "writer {n} waits for the turn held"
            );
        }
        assert!(written.lock().expect("not poisoned").is_empty());
        drop(held);
        let mut writers = writers.into_iter();
        let mut next = || writers.next().expect("four writers");
        tokio::join!(next(), next(), next(), next());
    } else {
        // Nobody waits for a turn on PostgreSQL: all four write while one is held.
        let mut writers = writers.into_iter().rev();
        let mut next = || writers.next().expect("four writers");
        let all = async { tokio::join!(next(), next(), next(), next()) };
        tokio::time::timeout(std::time::Duration::from_secs(30), all)
            .await
            .expect("no writer waits for a turn on PostgreSQL");
        drop(held);
        let mut all_written = written.lock().expect("not poisoned");
        all_written.sort_unstable();
        all_written.reverse();
    }
    assert_eq!(
        *written.lock().expect("not poisoned"),
        vec![3, 2, 1, 0],
        "each wrote in its turn"
    );
    test.drop_database().await;
}
