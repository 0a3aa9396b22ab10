//! Account services on a fresh database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`).

use app::model::{IinError, Sex};
use app::server::services::accounts::{self, AccountError, IinKey, RegisterForm};
use app::server::testing::TestDb;
use chrono::NaiveDate;

fn form(email: &str) -> RegisterForm {
    RegisterForm {
        email: email.into(),
        password: "steppe-wind-over-ulytau".into(),
        display_name: "Aigerim Serikova".into(),
        region_kato: "11".into(),
        language: app::i18n::Locale::Ru,
    }
}

fn key() -> IinKey {
    IinKey::new(b"test-secret".to_vec())
}

fn born(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("real date")
}

#[tokio::test]
async fn a_citizen_registers_and_logs_in_with_any_letter_case() {
    let test = TestDb::new().await;
    let user = accounts::register(&test.db, form(" Aigerim@Example.KZ "))
        .await
        .expect("registers");
    assert_eq!(user.email, "aigerim@example.kz");
    assert!(
        user.email_verified_at.is_none(),
        "verification comes by mail"
    );
    assert_ne!(
        user.password_hash, "steppe-wind-over-ulytau",
        "never stored in clear"
    );
    let again = accounts::authenticate(&test.db, "AIGERIM@example.kz", "steppe-wind-over-ulytau")
        .await
        .expect("logs in");
    assert_eq!(again.id, user.id);
    test.drop_database().await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let test = TestDb::new().await;
    accounts::register(&test.db, form("a@example.kz"))
        .await
        .expect("registers");
    let wrong = accounts::authenticate(&test.db, "a@example.kz", "steppe-wind-over-almaty").await;
    let unknown = accounts::authenticate(&test.db, "b@example.kz", "steppe-wind-over-ulytau").await;
    assert!(matches!(wrong, Err(AccountError::WrongCredentials)));
    assert!(matches!(unknown, Err(AccountError::WrongCredentials)));
    test.drop_database().await;
}

#[tokio::test]
async fn a_taken_email_is_refused_and_nothing_is_added() {
    let test = TestDb::new().await;
    accounts::register(&test.db, form("a@example.kz"))
        .await
        .expect("registers");
    let second = accounts::register(&test.db, form("A@EXAMPLE.kz")).await;
    assert!(matches!(second, Err(AccountError::EmailTaken)));
    test.drop_database().await;
}

#[tokio::test]
async fn bad_fields_are_refused_with_their_own_message() {
    let test = TestDb::new().await;
    let cases: [(RegisterForm, &str, &str); 5] = [
        (
            RegisterForm {
                email: "not-an-email".into(),
                ..form("")
            },
            "email",
            "email-invalid",
        ),
        (
            RegisterForm {
                password: "short".into(),
                ..form("x@example.kz")
            },
            "password",
            "password-too-short",
        ),
        (
            RegisterForm {
                password: "qwertyuiop".into(),
                ..form("x@example.kz")
            },
            "password",
            "password-common",
        ),
        (
            RegisterForm {
                display_name: "  ".into(),
                ..form("x@example.kz")
            },
            "display_name",
            "name-required",
        ),
        (
            RegisterForm {
                region_kato: "KZ".into(),
                ..form("x@example.kz")
            },
            "region",
            "region-unknown",
        ),
    ];
    for (bad, field, key) in cases {
        match accounts::register(&test.db, bad).await {
            Err(AccountError::Invalid { field: f, key: k }) => assert_eq!((f, k), (field, key)),
            other => panic!("{field}: expected {key}, got {other:?}"),
        }
    }
    assert!(
        accounts::authenticate(&test.db, "x@example.kz", "steppe-wind-over-ulytau")
            .await
            .is_err()
    );
    test.drop_database().await;
}

#[tokio::test]
async fn an_iin_is_checked_hashed_and_held_by_one_account_only() {
    let test = TestDb::new().await;
    let first = accounts::register(&test.db, form("a@example.kz"))
        .await
        .expect("registers");
    let second = accounts::register(&test.db, form("b@example.kz"))
        .await
        .expect("registers");

    let invalid = accounts::record_iin(
        &test.db,
        &key(),
        first.id,
        "780322300455",
        born(1978, 3, 22),
        Sex::Male,
    )
    .await;
    assert!(matches!(
        invalid,
        Err(AccountError::Iin(IinError::Checksum))
    ));
    let mismatch = accounts::record_iin(
        &test.db,
        &key(),
        first.id,
        "921029350851",
        born(1992, 10, 30),
        Sex::Male,
    )
    .await;
    assert!(matches!(mismatch, Err(AccountError::IinMismatch)));

    let checked = accounts::record_iin(
        &test.db,
        &key(),
        first.id,
        "921029350851",
        born(1992, 10, 29),
        Sex::Male,
    )
    .await
    .expect("a valid, matching IIN is recorded");
    let hash = checked.iin_hash.expect("a hash is kept");
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("921029350851"), "never in clear");

    let taken = accounts::record_iin(
        &test.db,
        &key(),
        second.id,
        "9210 2935 0851",
        born(1992, 10, 29),
        Sex::Male,
    )
    .await;
    assert!(matches!(taken, Err(AccountError::IinTaken)), "{taken:?}");
    test.drop_database().await;
}

mod sessions {
    use super::*;
    use app::server::entities::session;
    use app::server::services::sessions::{self, LIFETIME, SessionToken};
    use chrono::{Duration, Utc};
    use sea_orm::EntityTrait;

    #[tokio::test]
    async fn a_session_token_no_longer_works_after_logout() {
        let test = TestDb::new().await;
        let user = accounts::register(&test.db, form("a@example.kz"))
            .await
            .expect("registers");
        let now = Utc::now();
        let token = sessions::start(&test.db, user.id, now)
            .await
            .expect("starts");
        let stored = session::Entity::find().all(&test.db).await.expect("reads");
        assert_eq!(stored.len(), 1);
        assert_ne!(
            stored[0].token_hash,
            token.as_str(),
            "only the hash is stored"
        );
        let resumed = sessions::resume(&test.db, &token, now)
            .await
            .expect("resumes");
        assert_eq!(resumed.map(|u| u.id), Some(user.id));
        sessions::end(&test.db, &token).await.expect("ends");
        assert!(
            sessions::resume(&test.db, &token, now)
                .await
                .expect("runs")
                .is_none()
        );
        let forged = SessionToken::from_cookie("00ff");
        assert!(
            sessions::resume(&test.db, &forged, now)
                .await
                .expect("runs")
                .is_none()
        );
        test.drop_database().await;
    }

    #[tokio::test]
    async fn sessions_expire_and_slide_when_used() {
        let test = TestDb::new().await;
        let user = accounts::register(&test.db, form("a@example.kz"))
            .await
            .expect("registers");
        let start = Utc::now();
        let token = sessions::start(&test.db, user.id, start)
            .await
            .expect("starts");
        // Used late in its life, the session is extended from that moment.
        let late = start + LIFETIME - Duration::days(1);
        assert!(
            sessions::resume(&test.db, &token, late)
                .await
                .expect("runs")
                .is_some()
        );
        let after_first_term = start + LIFETIME + Duration::days(1);
        assert!(
            sessions::resume(&test.db, &token, after_first_term)
                .await
                .expect("runs")
                .is_some()
        );
        let abandoned = after_first_term + LIFETIME + Duration::days(1);
        assert!(
            sessions::resume(&test.db, &token, abandoned)
                .await
                .expect("runs")
                .is_none()
        );
        test.drop_database().await;
    }

    /// Many requests resuming at once are gathered into few queries: each still gets its own
    /// account (never another request's), an ended session is not found by the next look-up,
    /// and an expired one is removed.
    #[tokio::test]
    async fn gathered_look_ups_answer_each_request_with_its_own_account() {
        let test = TestDb::new().await;
        let now = Utc::now();
        let mut accounts_ = Vec::new();
        for n in 0..40 {
            let user = accounts::register(&test.db, form(&format!("s{n}@example.kz")))
                .await
                .expect("registers");
            let token = sessions::start(&test.db, user.id, now)
                .await
                .expect("starts");
            accounts_.push((user.id, token));
        }
        let expired_user = accounts_[0].0;
        let expired = sessions::start(&test.db, expired_user, now - LIFETIME - Duration::days(1))
            .await
            .expect("starts");
        let lookups = sessions::Lookups::start(test.db.clone());
        let forged = SessionToken::from_cookie("00ff");
        // Every account twice, a forged token and an expired one, all at once.
        let asked: Vec<(Option<i32>, SessionToken)> = accounts_
            .iter()
            .chain(&accounts_)
            .map(|(id, token)| (Some(*id), token.clone()))
            .chain([(None, forged), (None, expired.clone())])
            .collect();
        let running: Vec<_> = asked
            .iter()
            .map(|(_, token)| {
                let (lookups, token) = (lookups.clone(), token.clone());
                tokio::spawn(async move { lookups.resume(&token).await.expect("resumes") })
            })
            .collect();
        for ((want, _), answer) in asked.iter().zip(running) {
            let got = answer.await.expect("answers");
            assert_eq!(got.map(|u| u.id), *want);
        }
        assert!(
            sessions::resume(&test.db, &expired, now)
                .await
                .expect("runs")
                .is_none()
        );
        assert_eq!(
            session::Entity::find()
                .all(&test.db)
                .await
                .expect("reads")
                .len(),
            40,
            "the expired session was removed"
        );
        sessions::end(&test.db, &accounts_[1].1)
            .await
            .expect("ends");
        assert!(
            lookups
                .resume(&accounts_[1].1)
                .await
                .expect("runs")
                .is_none(),
            "ended at once, not cached"
        );
        assert_eq!(
            lookups
                .resume(&accounts_[2].1)
                .await
                .expect("runs")
                .map(|u| u.id),
            Some(accounts_[2].0)
        );
        test.drop_database().await;
    }

    /// On an SQLite file a look-up reads on the request's own thread: it gives the account as the
    /// pool reads it, every field (times SQLite wrote itself too), and a session in the second
    /// half of its life is still extended.
    #[tokio::test]
    async fn a_look_up_gives_the_account_as_the_pool_reads_it_and_extends_an_old_session() {
        use sea_orm::{ConnectionTrait, QueryOrder};
        let test = TestDb::new().await;
        let now = Utc::now();
        let user = accounts::register(&test.db, form("whole@example.kz"))
            .await
            .expect("registers");
        test.db
            .execute_unprepared(&format!(
                "UPDATE users SET iin_hash = '{}', birth_date = '1990-02-03', sex = 'female', \
                 iin_checked_at = CURRENT_TIMESTAMP, email_verified_at = CURRENT_TIMESTAMP, \
                 deleted_at = NULL WHERE id = {}",
                "cd".repeat(32),
                user.id
            ))
            .await
            .expect("set");
        let token = sessions::start(&test.db, user.id, now)
            .await
            .expect("starts");
        let lookups = sessions::Lookups::start(test.db.clone());
        let pooled = sessions::resume(&test.db, &token, now)
            .await
            .expect("runs")
            .expect("live");
        let looked = lookups.resume(&token).await.expect("runs").expect("live");
        assert_eq!(looked, pooled);
        assert!(looked.iin_checked_at.is_some() && looked.email_verified_at.is_some());
        assert_eq!(looked.birth_date, NaiveDate::from_ymd_opt(1990, 2, 3));
        // Started ten days ago, in the second half of its fourteen: extended by the look-up.
        let old = sessions::start(&test.db, user.id, now - Duration::days(10))
            .await
            .expect("starts");
        assert_eq!(
            lookups.resume(&old).await.expect("runs").map(|u| u.id),
            Some(user.id)
        );
        let newest = session::Entity::find()
            .order_by_desc(session::Column::Id)
            .one(&test.db)
            .await
            .expect("reads")
            .expect("a session");
        assert!(
            newest.expires_at > now + Duration::days(13),
            "extended to {}",
            newest.expires_at
        );
        test.drop_database().await;
    }

    #[tokio::test]
    async fn logging_out_everywhere_ends_every_session_of_the_account_only() {
        let test = TestDb::new().await;
        let a = accounts::register(&test.db, form("a@example.kz"))
            .await
            .expect("registers");
        let b = accounts::register(&test.db, form("b@example.kz"))
            .await
            .expect("registers");
        let now = Utc::now();
        let phone = sessions::start(&test.db, a.id, now).await.expect("starts");
        let laptop = sessions::start(&test.db, a.id, now).await.expect("starts");
        let other = sessions::start(&test.db, b.id, now).await.expect("starts");
        assert_ne!(phone, laptop, "every log-in gets a new token");
        assert_eq!(sessions::end_all(&test.db, a.id).await.expect("ends"), 2);
        assert!(
            sessions::resume(&test.db, &phone, now)
                .await
                .expect("runs")
                .is_none()
        );
        assert!(
            sessions::resume(&test.db, &laptop, now)
                .await
                .expect("runs")
                .is_none()
        );
        assert!(
            sessions::resume(&test.db, &other, now)
                .await
                .expect("runs")
                .is_some()
        );
        test.drop_database().await;
    }
}

mod rate_limits {
    use super::*;
    use app::server::services::rate_limits::{self, Limit};
    use chrono::{Duration, TimeZone, Utc};

    #[tokio::test]
    async fn a_limit_triggers_and_recovers_in_the_next_window() {
        let test = TestDb::new().await;
        let limit = Limit {
            max: 3,
            window_seconds: 600,
        };
        let start = Utc
            .with_ymd_and_hms(2026, 11, 24, 10, 0, 0)
            .single()
            .expect("a time");
        for attempt in 1..=3 {
            assert!(
                rate_limits::hit(&test.db, "login:ip:1", limit, start)
                    .await
                    .expect("runs"),
                "{attempt}"
            );
        }
        assert!(
            !rate_limits::hit(&test.db, "login:ip:1", limit, start + Duration::seconds(30))
                .await
                .expect("runs")
        );
        assert!(
            rate_limits::hit(&test.db, "login:ip:2", limit, start)
                .await
                .expect("runs"),
            "other buckets are not affected"
        );
        let later = start + Duration::seconds(600);
        assert!(
            rate_limits::hit(&test.db, "login:ip:1", limit, later)
                .await
                .expect("runs"),
            "recovers"
        );
        test.drop_database().await;
    }

    #[tokio::test]
    async fn concurrent_hits_are_all_counted() {
        let test = TestDb::new().await;
        let limit = Limit {
            max: 25,
            window_seconds: 600,
        };
        let now = Utc::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..40 {
            let db = test.db.clone();
            tasks.spawn(async move {
                rate_limits::hit(&db, "shared", limit, now)
                    .await
                    .expect("runs")
            });
        }
        let allowed = tasks.join_all().await.into_iter().filter(|ok| *ok).count();
        assert_eq!(allowed, 25, "exactly the limit gets through");
        test.drop_database().await;
    }
}
