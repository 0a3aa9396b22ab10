//! Mail, mailed tokens and the account changes they confirm, on a fresh database (SQLite, or
//! PostgreSQL with `TEST_DATABASE_URL`), with the mail received over real SMTP on loopback.

use std::time::Duration;

use app::i18n::Locale;
use app::server::db;
use app::server::entities::{outbox_mail, user};
use app::server::mail::{MailKind, Mailer, enqueue, outbox};
use app::server::services::{
    accounts::{self, AccountError, PublicUrl, RegisterForm},
    sessions,
    tokens::{self, Purpose, TokenError},
};
use app::server::testing::{SmtpReceiver, TestDb};
use chrono::{Duration as Span, SubsecRound, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const FROM: &str = "Dauys <no-reply@dauys.kz>";
const PASSWORD: &str = "steppe-wind-over-ulytau";

fn urls() -> PublicUrl {
    PublicUrl("http://dauys.test".into())
}

async fn citizen(test: &TestDb, email: &str) -> user::Model {
    let user = accounts::register(
        &test.db,
        RegisterForm {
            email: email.into(),
            password: PASSWORD.into(),
            display_name: "Aigerim Serikova".into(),
            region_kato: "11".into(),
            language: Locale::Ru,
        },
    )
    .await
    .expect("registers");
    accounts::send_verification(&test.db, &user, &urls(), Utc::now())
        .await
        .expect("queues the mail");
    user
}

async fn deliver(test: &TestDb, mailer: &Mailer) -> usize {
    outbox::deliver_due(&test.db, mailer, "test", Utc::now(), 100)
        .await
        .expect("outbox runs")
}

/// The token at the end of a mailed link.
fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap_or_default().to_owned()
}

async fn user_by_id(test: &TestDb, id: i32) -> user::Model {
    user::Entity::find_by_id(id)
        .one(&test.db)
        .await
        .expect("reads")
        .expect("exists")
}

#[tokio::test]
async fn the_verification_mail_arrives_over_smtp_and_only_confirming_uses_its_link() {
    let test = TestDb::new().await;
    let smtp = SmtpReceiver::start().await;
    let mailer = Mailer::smtp(&smtp.url(), FROM).expect("mailer");
    let user = citizen(&test, "aigerim@example.kz").await;
    assert_eq!(deliver(&test, &mailer).await, 1);
    let mails = smtp
        .wait_for("aigerim@example.kz", 1, Duration::from_secs(10))
        .await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(
        mail.subject, "Подтвердите почту на Dauys",
        "in the person's language"
    );
    assert!(mail.text.contains("Aigerim Serikova"));
    assert!(
        mail.html
            .contains("<a href=\"http://dauys.test/ru/email/confirm/")
    );
    let link = mail.link().expect("a link");
    assert!(
        link.starts_with("http://dauys.test/ru/email/confirm/"),
        "{link}"
    );
    let token = token_of(&link);

    // Opening the link (what a mail scanner does) only looks the token up.
    let looked = tokens::check(&test.db, &token, Purpose::VerifyEmail, Utc::now())
        .await
        .expect("reads");
    assert!(looked.is_ok());
    assert!(user_by_id(&test, user.id).await.email_verified_at.is_none());

    let verified = accounts::confirm_email(&test.db, &token, Utc::now())
        .await
        .expect("confirms");
    assert!(verified.email_verified_at.is_some());
    assert!(matches!(
        accounts::confirm_email(&test.db, &token, Utc::now()).await,
        Err(AccountError::Token(TokenError::Used))
    ));
    assert!(matches!(
        accounts::confirm_email(&test.db, "0badc0de", Utc::now()).await,
        Err(AccountError::Token(TokenError::Unknown))
    ));
    // Sent once: a second run finds nothing due.
    assert_eq!(deliver(&test, &mailer).await, 0);
    test.drop_database().await;
}

#[tokio::test]
async fn a_failed_send_is_retried_with_back_off_and_survives_a_restart() {
    let test = TestDb::new().await;
    // A port nobody listens on.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        listener.local_addr().expect("address").port()
    };
    let broken = Mailer::smtp(&format!("smtp://127.0.0.1:{closed}"), FROM).expect("mailer");
    // PostgreSQL keeps microseconds.
    let now = Utc::now().trunc_subsecs(6);
    enqueue(
        &test.db,
        None,
        "asel@example.kz",
        Locale::Kk,
        "Asel",
        &MailKind::PasswordChanged,
        now,
    )
    .await
    .expect("queues");
    assert_eq!(
        outbox::deliver_due(&test.db, &broken, "a", now, 10)
            .await
            .expect("runs"),
        0
    );
    let row = outbox_mail::Entity::find()
        .one(&test.db)
        .await
        .expect("reads")
        .expect("the mail is kept");
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.is_some());
    assert!(row.sent_at.is_none());
    assert_eq!(row.next_attempt_at, now + Span::seconds(30));
    assert!(row.lease_until.is_none());

    // Not due again before the back-off passes.
    let smtp = SmtpReceiver::start().await;
    let working = Mailer::smtp(&smtp.url(), FROM).expect("mailer");
    assert_eq!(
        outbox::deliver_due(&test.db, &working, "b", now + Span::seconds(10), 10)
            .await
            .expect("runs"),
        0
    );
    // A new process (a new mailer, the same database) sends it once the back-off has passed.
    assert_eq!(
        outbox::deliver_due(&test.db, &working, "b", now + Span::seconds(31), 10)
            .await
            .expect("runs"),
        1
    );
    let mails = smtp
        .wait_for("asel@example.kz", 1, Duration::from_secs(10))
        .await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Dauys-тағы құпиясөзіңіз өзгертілді");
    test.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_senders_on_one_database_never_send_a_mail_twice() {
    let test = TestDb::new().await;
    let smtp = SmtpReceiver::start().await;
    let now = Utc::now();
    for i in 0..40 {
        enqueue(
            &test.db,
            None,
            &format!("person{i}@example.kz"),
            Locale::En,
            "Person",
            &MailKind::PasswordChanged,
            now,
        )
        .await
        .expect("queues");
    }
    // Two "processes": separate connection pools and separate SMTP connections.
    let mut senders = Vec::new();
    for owner in ["one", "two"] {
        let db = db::connect(&test.url().expect("a URL"))
            .await
            .expect("connects");
        let mailer = Mailer::smtp(&smtp.url(), FROM).expect("mailer");
        senders.push(tokio::spawn(async move {
            let mut sent = 0;
            for _ in 0..20 {
                sent += outbox::deliver_due(&db, &mailer, owner, Utc::now(), 5)
                    .await
                    .expect("runs");
            }
            sent
        }));
    }
    let mut total = 0;
    for sender in senders {
        total += sender.await.expect("sender finishes");
    }
    assert_eq!(total, 40);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut recipients: Vec<String> = smtp
        .received()
        .await
        .into_iter()
        .flat_map(|m| m.to)
        .collect();
    assert_eq!(recipients.len(), 40, "every mail arrived exactly once");
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 40);
    // Each batch was recorded as sent in one write: every row says so, once.
    let rows = outbox_mail::Entity::find()
        .all(&test.db)
        .await
        .expect("reads");
    assert_eq!(rows.len(), 40);
    for row in rows {
        assert!(
            row.sent_at.is_some(),
            "{} is recorded as sent",
            row.recipient
        );
        assert_eq!(row.attempts, 1);
        assert!(row.lease_until.is_none() && row.last_error.is_none());
        assert!(row.body_text.is_empty() && row.body_html.is_empty());
    }
    test.drop_database().await;
}

#[tokio::test]
async fn a_password_reset_link_works_once_and_expires_and_ends_every_session() {
    let test = TestDb::new().await;
    let smtp = SmtpReceiver::start().await;
    let mailer = Mailer::smtp(&smtp.url(), FROM).expect("mailer");
    let user = citizen(&test, "dana@example.kz").await;
    sessions::start(&test.db, user.id, Utc::now())
        .await
        .expect("a session");

    // An unknown email gets no mail, and the caller cannot tell.
    let before = outbox_mail::Entity::find()
        .count(&test.db)
        .await
        .expect("counts");
    accounts::request_reset(&test.db, "nobody@example.kz", &urls(), Utc::now())
        .await
        .expect("answers");
    assert_eq!(
        outbox_mail::Entity::find()
            .count(&test.db)
            .await
            .expect("counts"),
        before
    );

    accounts::request_reset(&test.db, "DANA@example.kz", &urls(), Utc::now())
        .await
        .expect("answers");
    deliver(&test, &mailer).await;
    let mails = smtp
        .wait_for("dana@example.kz", 2, Duration::from_secs(10))
        .await;
    let reset = mails
        .iter()
        .find(|m| m.subject == "Новый пароль на Dauys")
        .expect("the reset mail");
    let token = token_of(&reset.link().expect("a link"));

    // A password the policy refuses does not use the token up.
    assert!(matches!(
        accounts::reset_password(&test.db, &token, "short".into(), Utc::now()).await,
        Err(AccountError::Invalid {
            field: "password",
            key: "password-too-short"
        })
    ));
    accounts::reset_password(&test.db, &token, "a-new-steppe-password".into(), Utc::now())
        .await
        .expect("resets");
    assert!(matches!(
        accounts::reset_password(
            &test.db,
            &token,
            "another-steppe-password".into(),
            Utc::now()
        )
        .await,
        Err(AccountError::Token(TokenError::Used))
    ));
    assert_eq!(
        sessions::end_all(&test.db, user.id).await.expect("ends"),
        0,
        "sessions ended"
    );
    assert!(
        accounts::authenticate(&test.db, "dana@example.kz", PASSWORD)
            .await
            .is_err()
    );
    let back = accounts::authenticate(&test.db, "dana@example.kz", "a-new-steppe-password")
        .await
        .expect("the new password works");
    assert!(
        back.email_verified_at.is_some(),
        "a reset proves the mailbox"
    );

    // A link older than an hour has expired.
    let token = tokens::issue(
        &test.db,
        user.id,
        Purpose::ResetPassword,
        None,
        Utc::now() - Span::hours(2),
    )
    .await
    .expect("issues");
    assert!(matches!(
        accounts::reset_password(&test.db, &token, "third-steppe-password".into(), Utc::now())
            .await,
        Err(AccountError::Token(TokenError::Expired))
    ));
    test.drop_database().await;
}

#[tokio::test]
async fn changing_password_and_email_need_the_current_password_and_a_confirmed_address() {
    let test = TestDb::new().await;
    let user = citizen(&test, "nurlan@example.kz").await;
    citizen(&test, "taken@example.kz").await;
    let now = Utc::now();

    assert!(matches!(
        accounts::change_password(
            &test.db,
            user.id,
            "wrong-password-here",
            "new-steppe-password".into(),
            now
        )
        .await,
        Err(AccountError::WrongPassword)
    ));
    assert!(matches!(
        accounts::change_password(&test.db, user.id, PASSWORD, "password1".into(), now).await,
        Err(AccountError::Invalid {
            field: "password",
            ..
        })
    ));
    accounts::change_password(
        &test.db,
        user.id,
        PASSWORD,
        "new-steppe-password".into(),
        now,
    )
    .await
    .expect("changes");
    assert!(
        accounts::authenticate(&test.db, "nurlan@example.kz", "new-steppe-password")
            .await
            .is_ok()
    );

    let public = urls();
    let change = |email: &'static str, password: &'static str| {
        accounts::request_email_change(&test.db, user.id, password, email, &public, now)
    };
    assert!(matches!(
        change("other@example.kz", PASSWORD).await,
        Err(AccountError::WrongPassword)
    ));
    assert!(matches!(
        change("taken@example.kz", "new-steppe-password").await,
        Err(AccountError::EmailTaken)
    ));
    assert!(matches!(
        change("nurlan@example.kz", "new-steppe-password").await,
        Err(AccountError::Invalid {
            key: "email-unchanged",
            ..
        })
    ));
    change("Nurlan.New@example.kz", "new-steppe-password")
        .await
        .expect("asks");
    assert_eq!(
        user_by_id(&test, user.id).await.email,
        "nurlan@example.kz",
        "nothing changes yet"
    );
    let to_new = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Recipient.eq("nurlan.new@example.kz"))
        .one(&test.db)
        .await
        .expect("reads")
        .expect("a confirmation to the new address");
    let notice = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Recipient.eq("nurlan@example.kz"))
        .filter(outbox_mail::Column::Kind.eq("email_changing"))
        .one(&test.db)
        .await
        .expect("reads");
    assert!(notice.is_some(), "the old address is told");
    let link = to_new
        .body_text
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("a link");
    let changed = accounts::confirm_email_change(&test.db, &token_of(link), Utc::now())
        .await
        .expect("confirms");
    assert_eq!(changed.email, "nurlan.new@example.kz");
    assert!(changed.email_verified_at.is_some());
    test.drop_database().await;
}

#[tokio::test]
async fn a_deleted_account_is_anonymised_and_cannot_log_in() {
    let test = TestDb::new().await;
    let user = citizen(&test, "erlan@example.kz").await;
    sessions::start(&test.db, user.id, Utc::now())
        .await
        .expect("a session");
    assert!(matches!(
        accounts::delete_account(&test.db, user.id, "not-the-password", Utc::now()).await,
        Err(AccountError::WrongPassword)
    ));
    accounts::delete_account(&test.db, user.id, PASSWORD, Utc::now())
        .await
        .expect("deletes");
    let row = user_by_id(&test, user.id).await;
    assert!(row.deleted_at.is_some());
    assert!(!row.email.contains("erlan"));
    assert!(row.display_name.is_empty());
    assert!(row.iin_hash.is_none());
    assert!(
        accounts::authenticate(&test.db, "erlan@example.kz", PASSWORD)
            .await
            .is_err()
    );
    assert_eq!(sessions::end_all(&test.db, user.id).await.expect("ends"), 0);
    assert!(
        accounts::export(&test.db, user.id).await.is_err(),
        "nothing left to export"
    );
    // The address is free for a new account.
    citizen(&test, "erlan@example.kz").await;
    test.drop_database().await;
}

#[tokio::test]
async fn the_export_holds_the_account_its_roles_and_its_mail() {
    let test = TestDb::new().await;
    let user = citizen(&test, "export@example.kz").await;
    let data = accounts::export(&test.db, user.id).await.expect("exports");
    assert_eq!(data["account"]["email"], "export@example.kz");
    assert_eq!(data["account"]["region"]["kato"], "11");
    assert_eq!(data["mail"].as_array().map(Vec::len), Some(1));
    assert!(data["petitions"].is_array() && data["signatures"].is_array());
    let text = data.to_string();
    assert!(!text.contains("argon2"), "no password hash");
    test.drop_database().await;
}

#[tokio::test]
async fn deleting_an_account_deletes_its_mail_to_every_address_it_had() {
    let test = TestDb::new().await;
    let user = citizen(&test, "before@example.kz").await;
    let now = Utc::now();
    accounts::request_email_change(
        &test.db,
        user.id,
        PASSWORD,
        "after@example.kz",
        &urls(),
        now,
    )
    .await
    .expect("asked");
    let confirm = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Recipient.eq("after@example.kz"))
        .one(&test.db)
        .await
        .expect("reads")
        .expect("the confirmation mail");
    let token = confirm
        .body_text
        .split("/email/change/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link")
        .to_owned();
    accounts::confirm_email_change(&test.db, &token, now)
        .await
        .expect("changed");
    assert!(
        outbox_mail::Entity::find()
            .filter(outbox_mail::Column::Recipient.eq("before@example.kz"))
            .count(&test.db)
            .await
            .expect("counts")
            > 0,
        "mail went to the old address"
    );
    accounts::delete_account(&test.db, user.id, PASSWORD, now)
        .await
        .expect("deletes");
    assert_eq!(
        outbox_mail::Entity::find()
            .count(&test.db)
            .await
            .expect("counts"),
        0,
        "no mail to either address is left"
    );
    test.drop_database().await;
}
