//! HTTP tests of mailed links, password reset, kept form values and role checks: the real
//! router in-process, a fresh database per test, mail over real SMTP on loopback.

mod common;

use std::time::Duration;

use app::i18n::Locale;
use app::model::Role;
use app::server::entities::{body, session, user};
use app::server::services::{
    accounts::{self, RegisterForm},
    roles::{self, GrantForm},
    today,
};
use axum::http::StatusCode;
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const FORM: &str =
    "lang=en&email=a%40example.kz&password=steppe-wind-over-ulytau&display_name=Aigerim&region=11";

fn path_of(link: &str) -> String {
    link.trim_start_matches("http://dauys.test").to_owned()
}

async fn account(site: &Site, email: &str) -> user::Model {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("exists")
}

/// How many sessions the account has.
async fn sessions_of(site: &Site, user_id: i32) -> u64 {
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .count(&site.test.db)
        .await
        .expect("counts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_the_mail_arrives_a_get_verifies_nothing_the_button_does() {
    let (site, smtp) = Site::with_mail().await;
    let cookie = format!("dauys_csrf={CSRF}");
    let (status, headers) = post(
        &site,
        "/api/register",
        &cookie,
        &format!("csrf={CSRF}&{FORM}"),
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/en/profile?done=registered");
    // The account, its mail and its session are one write: all three are there.
    let me = account(&site, "a@example.kz").await;
    let sessions = sessions_of(&site, me.id).await;
    assert_eq!(sessions, 1, "the new account is signed in");
    let mails = smtp
        .wait_for("a@example.kz", 1, Duration::from_secs(10))
        .await;
    assert_eq!(mails.len(), 1, "the verification mail arrives over SMTP");
    assert_eq!(mails[0].subject, "Confirm your email on Dauys");
    let link = mails[0].link().expect("a link");
    let path = path_of(&link);
    assert!(path.starts_with("/en/email/confirm/"), "{path}");
    let token = path.rsplit('/').next().unwrap_or_default().to_owned();

    // A mail scanner follows the link: the page only offers a button.
    for _ in 0..3 {
        let (status, _, page) = site.get(&path, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Confirm my email"));
        assert!(page.contains(&format!("name=\"token\" value=\"{token}\"")));
    }
    assert!(
        account(&site, "a@example.kz")
            .await
            .email_verified_at
            .is_none(),
        "a GET verifies nothing"
    );

    let (status, headers) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/verify/confirm",
        &cookie,
        &format!("csrf={CSRF}&lang=en&token={token}"),
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/en/login?done=email-verified");
    assert!(
        account(&site, "a@example.kz")
            .await
            .email_verified_at
            .is_some()
    );

    // The same link again: refused with its own message.
    let (_, headers) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/verify/confirm",
        &cookie,
        &format!("csrf={CSRF}&lang=en&token={token}"),
    )
    .await;
    let back = location(&headers)
        .trim_start_matches("http://127.0.0.1")
        .to_owned();
    assert!(back.contains("__err"), "{back}");
    let (_, _, page) = site.get(&back, &[("cookie", &cookie)]).await;
    assert!(page.contains("This link has already been used."));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_is_reset_from_the_mailed_link_and_the_old_one_stops_working() {
    let (site, smtp) = Site::with_mail().await;
    let cookie = format!("dauys_csrf={CSRF}");
    post(
        &site,
        "/api/register",
        &cookie,
        &format!("csrf={CSRF}&{FORM}"),
    )
    .await;
    for email in ["a%40example.kz", "nobody%40example.kz"] {
        let (status, headers) = post_from(
            &site,
            "http://127.0.0.1/en/password/forgot",
            "/api/password/forgot",
            &cookie,
            &format!("csrf={CSRF}&lang=en&email={email}"),
        )
        .await;
        assert!(status.is_redirection());
        assert_eq!(
            location(&headers),
            "/en/password/forgot?done=reset-sent",
            "the same answer for both"
        );
    }
    let mails = smtp
        .wait_for("a@example.kz", 2, Duration::from_secs(10))
        .await;
    let reset = mails
        .iter()
        .find(|m| m.subject == "Set a new password on Dauys")
        .expect("the reset mail");
    let path = path_of(&reset.link().expect("a link"));
    assert!(path.starts_with("/en/password/reset/"));
    let token = path.rsplit('/').next().unwrap_or_default().to_owned();
    let (status, _, page) = site.get(&path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Set a new password"));

    let (_, headers) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/password/reset",
        &cookie,
        &format!("csrf={CSRF}&lang=en&token={token}&password=a-brand-new-steppe-phrase"),
    )
    .await;
    assert_eq!(location(&headers), "/en/login?done=password-reset");
    let login =
        |password: &str| format!("csrf={CSRF}&lang=en&email=a%40example.kz&password={password}");
    let (_, headers) = post(
        &site,
        "/api/login",
        &cookie,
        &login("steppe-wind-over-ulytau"),
    )
    .await;
    assert!(
        location(&headers).contains("__err"),
        "the old password fails"
    );
    let (_, headers) = post(
        &site,
        "/api/login",
        &cookie,
        &login("a-brand-new-steppe-phrase"),
    )
    .await;
    assert_eq!(location(&headers), "/en/profile");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_in_in_kazakh_makes_kazakh_the_accounts_language_with_a_new_session() {
    let site = Site::new().await;
    let cookie = format!("dauys_csrf={CSRF}");
    post(
        &site,
        "/api/register",
        &cookie,
        &format!("csrf={CSRF}&{FORM}"),
    )
    .await;
    assert_eq!(account(&site, "a@example.kz").await.language, "en");
    let (_, headers) = post(
        &site,
        "/api/login",
        &cookie,
        &format!("csrf={CSRF}&lang=kk&email=a%40example.kz&password=steppe-wind-over-ulytau"),
    )
    .await;
    assert_eq!(location(&headers), "/kk/profile");
    let me = account(&site, "a@example.kz").await;
    assert_eq!(
        me.language, "kk",
        "the mail comes in the language of the last log-in"
    );
    let sessions = sessions_of(&site, me.id).await;
    assert_eq!(sessions, 2, "registration's session and the log-in's");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_form_comes_back_with_what_was_typed_but_never_the_password() {
    let site = Site::new().await;
    let cookie = format!("dauys_csrf={CSRF}");
    post(
        &site,
        "/api/register",
        &cookie,
        &format!("csrf={CSRF}&{FORM}"),
    )
    .await;
    // The same email again: refused, and the form keeps the name and email.
    let (_, headers) = post(
        &site,
        "/api/register",
        &cookie,
        &format!("csrf={CSRF}&{FORM}"),
    )
    .await;
    let back = location(&headers)
        .trim_start_matches("http://127.0.0.1")
        .to_owned();
    assert!(
        back.starts_with("/en/register?") && back.contains("__err"),
        "{back}"
    );
    let echo = set_cookies(&headers)
        .into_iter()
        .find(|c| c.starts_with("dauys_form="))
        .expect("the typed values are kept");
    let (_, _, page) = site
        .get(&back, &[("cookie", &format!("{cookie}; {echo}"))])
        .await;
    assert!(page.contains("An account with this email already exists."));
    assert!(page.contains("value=\"Aigerim\""), "the name is kept");
    assert!(page.contains("value=\"a@example.kz\""), "the email is kept");
    assert!(
        !page.contains("steppe-wind-over-ulytau"),
        "the password is not"
    );
    assert!(
        page.contains("<option value=\"11\" selected"),
        "the region is kept"
    );
    site.finish().await;
}

/// An admin, a secretary of one council and a citizen, with session cookies.
async fn people(site: &Site) -> (String, String, String, body::Model, body::Model) {
    let db = &site.test.db;
    let mut ids = Vec::new();
    for email in [
        "admin@example.kz",
        "secretary@example.kz",
        "citizen@example.kz",
        "member@example.kz",
    ] {
        let user = accounts::register(
            db,
            RegisterForm {
                email: email.into(),
                password: "steppe-wind-over-ulytau".into(),
                display_name: email.into(),
                region_kato: "11".into(),
                language: Locale::En,
            },
        )
        .await
        .expect("registers");
        ids.push(user.id);
    }
    let councils = body::Entity::find()
        .filter(body::Column::Kind.eq("public_council"))
        .all(db)
        .await
        .expect("reads");
    let grant = |email: &str, role, body: Option<&body::Model>| GrantForm {
        email: email.into(),
        role,
        body_slug: body.map(|b| b.slug.clone()).unwrap_or_default(),
        for_email: String::new(),
        starts_on: today(),
        ends_on: None,
    };
    roles::grant(db, None, grant("admin@example.kz", Role::Admin, None))
        .await
        .expect("admin");
    roles::grant(
        db,
        Some(ids[0]),
        grant(
            "secretary@example.kz",
            Role::CouncilSecretary,
            Some(&councils[0]),
        ),
    )
    .await
    .expect("secretary");
    (
        site.cookies_for(ids[0]).await,
        site.cookies_for(ids[1]).await,
        site.cookies_for(ids[2]).await,
        councils[0].clone(),
        councils[1].clone(),
    )
}

fn grant_form(role: &str, body: &body::Model) -> String {
    format!(
        "csrf={CSRF}&lang=en&email=member%40example.kz&role={role}&body={}&starts_on=&ends_on=",
        body.slug
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_council_secretary_gets_403_on_another_councils_actions() {
    let site = Site::new().await;
    let (admin, secretary, citizen, own, other) = people(&site).await;
    let grant = |cookie: String, form: String| {
        let site = &site;
        async move {
            post_from(
                site,
                "http://127.0.0.1/en/roles",
                "/api/roles/grant",
                &cookie,
                &form,
            )
            .await
        }
    };
    // The wrong body.
    let (status, _) = grant(secretary.clone(), grant_form("council_member", &other)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The wrong role for the right body.
    let (status, _) = grant(secretary.clone(), grant_form("council_secretary", &own)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // No role at all.
    let (status, _) = grant(citizen.clone(), grant_form("council_member", &own)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = grant(
        citizen.clone(),
        format!(
            "csrf={CSRF}&lang=en&email=citizen%40example.kz&role=admin&body=&starts_on=&ends_on="
        ),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "nobody makes themselves an admin"
    );
    let member = account(&site, "member@example.kz").await;
    assert!(
        roles::list(&site.test.db, Some(member.id), None, today(), false)
            .await
            .expect("lists")
            .is_empty(),
        "nothing was granted"
    );

    // The right role for the right body.
    let (status, headers) = grant(secretary.clone(), grant_form("council_member", &own)).await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(location(&headers), "/en/roles?done=role-granted");
    assert!(
        roles::holds(
            &site.test.db,
            member.id,
            Role::CouncilMember,
            Some(own.id),
            today()
        )
        .await
        .expect("reads")
    );

    // The admin grants a member of the other council; the secretary may not end it.
    let (status, _) = grant(admin.clone(), grant_form("council_member", &other)).await;
    assert!(status.is_redirection());
    let others = roles::list(&site.test.db, None, Some(&[other.id]), today(), false)
        .await
        .expect("lists");
    let end = |cookie: String, id: i32| {
        let site = &site;
        async move {
            post_from(
                site,
                "http://127.0.0.1/en/roles",
                "/api/roles/end",
                &cookie,
                &format!("csrf={CSRF}&lang=en&grant={id}&last_day="),
            )
            .await
        }
    };
    let (status, _) = end(secretary.clone(), others[0].id).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = end(admin.clone(), others[0].id).await;
    assert!(status.is_redirection());

    // The roles page: the admin sees everyone with emails; a citizen is refused.
    let (_, _, page) = site.get("/en/roles", &[("cookie", &admin)]).await;
    assert!(page.contains("member@example.kz") && page.contains("Grant the role"));
    let (_, _, page) = site.get("/en/roles", &[("cookie", &citizen)]).await;
    assert!(page.contains("Only administrators and council secretaries manage roles."));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_export_is_the_signed_in_persons_own() {
    let site = Site::new().await;
    let (admin, _, _, _, _) = people(&site).await;
    let (status, headers, body) = site.get("/api/account/export", &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-disposition")
            .is_some_and(|v| v.to_str().unwrap_or_default().contains("attachment"))
    );
    let data: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(data["account"]["email"], "admin@example.kz");
    assert_eq!(data["roles"][0]["role"], "admin");
    let (status, _, _) = site.get("/api/account/export", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    site.finish().await;
}
