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
