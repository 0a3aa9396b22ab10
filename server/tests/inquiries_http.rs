//! HTTP tests of deputies' inquiries: the real router in-process, a fresh database per test.
//! The role matrix (staff sending instead of the deputy, staff of another deputy drafting, a
//! deputy addressing a body out of reach, an official of another body answering, a citizen on
//! every form: 403 and nothing changed), the journey through the forms with a refused draft
//! keeping what was typed, and the pages and the CSV in three languages.

mod common;

use app::model::{AnswerDecision, InquiryDraft, Role};
use app::server::services::cases::answering;
use app::server::services::inquiries;
use app::server::services::today;
use app::server::testing::{count_rows, people};
use axum::http::StatusCode;
use chrono::Utc;
use common::*;

const MASLIKHAT: &str = "maslikhat-75";

struct Cast {
    deputy_id: i32,
    staff_id: i32,
    deputy: String,
    staff: String,
    colleague: String,
    other_staff: String,
    official: String,
    other_official: String,
    citizen: String,
}

async fn cast(site: &Site) -> Cast {
    let db = &site.test.db;
    let p = people::verified_citizens(db, "d", 8, "75", true)
        .await
        .expect("people");
    for (who, role, body) in [
        (0, Role::Deputy, MASLIKHAT),
        (2, Role::Deputy, MASLIKHAT),
        (3, Role::Deputy, "maslikhat-19"),
        (5, Role::Official, "akimat-75"),
        (6, Role::Official, "akimat-19"),
    ] {
        people::grant(db, &p[who].email, role, Some(body))
            .await
            .expect("granted");
    }
    people::grant_staff(db, &p[1].email, MASLIKHAT, &p[0].email)
        .await
        .expect("staff");
    people::grant_staff(db, &p[4].email, "maslikhat-19", &p[3].email)
        .await
        .expect("staff");
    Cast {
        deputy_id: p[0].id,
        staff_id: p[1].id,
        deputy: site.cookies_for(p[0].id).await,
        staff: site.cookies_for(p[1].id).await,
        colleague: site.cookies_for(p[2].id).await,
        other_staff: site.cookies_for(p[4].id).await,
        official: site.cookies_for(p[5].id).await,
        other_official: site.cookies_for(p[6].id).await,
        citizen: site.cookies_for(p[7].id).await,
    }
}

fn draft(deputy: i32) -> InquiryDraft {
    InquiryDraft {
        id: None,
        deputy,
        addressee: "akimat-75".into(),
        topic: "roads".into(),
        territory: "75".into(),
        title: "Potholes on Tole Bi Street".into(),
        text: "When will the street be repaired?".into(),
        note: String::new(),
        petition: String::new(),
        cosigners: vec![],
    }
}

async fn fingerprint(site: &Site) -> String {
    let mut out = String::new();
    for table in [
        "inquiries",
        "inquiry_cosigners",
        "inquiry_steps",
        "petition_adoptions",
        "cases",
        "timeline_events",
    ] {
        out.push_str(&format!(
            "{table}={};",
            count_rows(&site.test.db, table).await
        ));
    }
    for i in app::server::entities::inquiry::Entity::find()
        .all(&site.test.db)
        .await
        .expect("reads")
    {
        out.push_str(&format!(
            "{}:{}:{:?}:{:?};",
            i.id, i.state, i.assessment, i.title
        ));
    }
    out
}

use sea_orm::EntityTrait;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_is_refused_to_the_wrong_person_and_changes_nothing() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    let draft_id = inquiries::save_draft(db, c.staff_id, &draft(c.deputy_id), Utc::now(), today())
        .await
        .expect("draft");
    let sent_id = inquiries::save_draft(db, c.staff_id, &draft(c.deputy_id), Utc::now(), today())
        .await
        .expect("draft");
    let case = inquiries::send(db, c.deputy_id, sent_id, Utc::now(), today())
        .await
        .expect("sent");
    let official_id = app::server::entities::role_grant::Entity::find()
        .all(db)
        .await
        .expect("grants")
        .into_iter()
        .find(|g| g.role == "official" && g.body_id.is_some())
        .expect("official")
        .user_id;
    answering::answer(
        db,
        official_id,
        case.id,
        AnswerDecision::Accepted,
        "Repaired by June.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    let moderator = people::verified_citizens(db, "mod", 1, "75", false)
        .await
        .expect("moderator");
    people::grant(db, &moderator[0].email, Role::Moderator, None)
        .await
        .expect("moderator");
    let petition =
        people::approved_petition(db, c.staff_id, moderator[0].id, "Trees for Abai Avenue")
            .await
            .expect("petition");
    let page = format!("http://127.0.0.1/en/inquiries/{sent_id}");
    let deputy = c.deputy_id;
    let new_draft = format!(
        "csrf={CSRF}&lang=en&deputy={deputy}&addressee=akimat-75&topic=roads&title=T&text=Text"
    );
    let everyone_but_the_office = [
        ("citizen", &c.citizen),
        ("official", &c.official),
        ("staff of another deputy", &c.other_staff),
    ];
    let not_the_deputy = [
        ("citizen", &c.citizen),
        ("official", &c.official),
        ("staff (sending instead of the deputy)", &c.staff),
        ("another deputy of the maslikhat", &c.colleague),
        ("staff of another deputy", &c.other_staff),
    ];
    let before = fingerprint(&site).await;
    for (who, cookie) in everyone_but_the_office {
        let (status, _) = post_from(&site, &page, "/api/inquiries/save", cookie, &new_draft).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "a draft by the {who}");
    }
    let deputy_actions = [
        (
            "/api/inquiries/send",
            format!("csrf={CSRF}&lang=en&id={draft_id}"),
        ),
        (
            "/api/inquiries/assess",
            format!("csrf={CSRF}&lang=en&id={sent_id}&assessment=unsatisfactory"),
        ),
        (
            "/api/inquiries/step",
            format!(
                "csrf={CSRF}&lang=en&id={sent_id}&kind=site_visit&on={}&text=Visited",
                today()
            ),
        ),
        (
            "/api/inquiries/continue",
            format!("csrf={CSRF}&lang=en&id={sent_id}&link=follow_up&to=&title=Again&text=Again"),
        ),
        (
            "/api/inquiries/close",
            format!("csrf={CSRF}&lang=en&id={sent_id}&outcome=resolved&note="),
        ),
    ];
    for (path, form) in &deputy_actions {
        for (who, cookie) in not_the_deputy {
            let (status, _) = post_from(&site, &page, path, cookie, form).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} by the {who}");
        }
        let (status, _) = post_from(&site, &page, path, "", form).await;
        assert!(status.is_client_error(), "{path} by a visitor: {status}");
    }
    // A body out of the maslikhat's reach, even for the deputy.
    let out_of_reach = format!(
        "csrf={CSRF}&lang=en&deputy={deputy}&addressee=akimat-19&topic=roads&title=T&text=Text"
    );
    let (status, _) = post_from(
        &site,
        &page,
        "/api/inquiries/save",
        &c.deputy,
        &out_of_reach,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another region's akimat");
    // Adopting a petition: deputies only.
    for (who, cookie) in [
        ("citizen", &c.citizen),
        ("staff", &c.staff),
        ("official", &c.official),
    ] {
        let (status, _) = post_from(
            &site,
            &format!("http://127.0.0.1/en/petitions/{petition}"),
            "/api/inquiries/adopt",
            cookie,
            &format!("csrf={CSRF}&lang=en&id={petition}"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "adoption by the {who}");
    }
    // An official of another akimat answering this inquiry's case.
    let (status, _) = post_from(
        &site,
        &format!("http://127.0.0.1/en/cases/{}", case.id),
        "/api/cases/answer",
        &c.other_official,
        &format!(
            "csrf={CSRF}&lang=en&id={}&decision=accepted&text=Yes",
            case.id
        ),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another body's official");
    assert_eq!(fingerprint(&site).await, before, "nothing changed");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_draft_through_the_form_the_deputy_sends_and_the_pages_show_it() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let deputy = c.deputy_id;
    let page = "http://127.0.0.1/en/inquiries/new";
    // Empty text: back to the form with the message and what was typed; nothing saved.
    let (status, headers) = post_from(
        &site,
        page,
        "/api/inquiries/save",
        &c.staff,
        &format!("csrf={CSRF}&lang=en&deputy={deputy}&addressee=akimat-75&topic=water&title=Water+for+Alatau&text=&note=Private"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "{status}"
    );
    let echo = set_cookies(&headers).join("; ");
    let (status, _, form) = site
        .get(
            location(&headers),
            &[("cookie", &format!("{}; {echo}", c.staff))],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("Enter the text of the inquiry."),
        "the message is shown"
    );
    assert!(form.contains("Water for Alatau"), "the title is kept");
    assert_eq!(count_rows(&site.test.db, "inquiries").await, 0);
    // Saved as a draft by the staff.
    let (status, headers) = post_from(
        &site,
        page,
        "/api/inquiries/save",
        &c.staff,
        &format!("csrf={CSRF}&lang=en&deputy={deputy}&addressee=akimat-75&topic=water&territory=75&title=Water+for+Alatau&text=No+water+for+three+weeks.&note=Call+the+committee&cosigners%5B999%5D=on"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "an unknown co-signer"
    );
    let (status, headers) = post_from(
        &site,
        page,
        "/api/inquiries/save",
        &c.staff,
        &format!("csrf={CSRF}&lang=en&deputy={deputy}&addressee=akimat-75&topic=water&territory=75&title=Water+for+Alatau&text=No+water+for+three+weeks.&note=Call+the+committee"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let to = location(&headers).to_owned();
    assert!(
        to.starts_with("/en/inquiries/") && to.ends_with("?done=inquiry-saved"),
        "{to}"
    );
    let id: i32 = to
        .trim_start_matches("/en/inquiries/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("id");
    // A draft: the office sees it with its note; a visitor and a citizen get 404.
    let (status, _, body) = site
        .get(&format!("/en/inquiries/{id}"), &[("cookie", &c.staff)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Call the committee"));
    assert!(
        !body.contains("action=\"/api/inquiries/send\""),
        "staff cannot send"
    );
    for cookie in ["", c.citizen.as_str()] {
        let (status, _, _) = site
            .get(&format!("/en/inquiries/{id}"), &[("cookie", cookie)])
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (_, _, body) = site
        .get(&format!("/en/inquiries/{id}"), &[("cookie", &c.deputy)])
        .await;
    assert!(
        body.contains("action=\"/api/inquiries/send\""),
        "the deputy can send"
    );
    let (status, headers) = post_from(
        &site,
        &format!("http://127.0.0.1/en/inquiries/{id}"),
        "/api/inquiries/send",
        &c.deputy,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).ends_with("done=inquiry-sent"),
        "{status}"
    );
    // Public now, in three languages; on the register, the deputy's and the maslikhat's pages.
    for lang in ["kk", "ru", "en"] {
        for path in [
            format!("/{lang}/inquiries/{id}"),
            format!("/{lang}/inquiries"),
            format!("/{lang}/deputies/{deputy}"),
            format!("/{lang}/maslikhats/{MASLIKHAT}"),
        ] {
            let (status, _, body) = site.get(&path, &[]).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(
                body.contains("Water for Alatau"),
                "{path} lists the inquiry"
            );
            assert!(
                !body.contains("Call the committee"),
                "{path} keeps the note private"
            );
        }
    }
    let (status, _, body) = site
        .get("/en/inquiries?topic=water&state=awaiting", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Water for Alatau"));
    assert!(
        body.contains("/api/v1/feeds/inquiries.atom?lang=en"),
        "the register links its feed"
    );
    let (_, _, body) = site.get("/en/inquiries?q=alatau", &[]).await;
    assert!(body.contains("Water for Alatau"), "found by a word");
    let (_, _, body) = site
        .get("/en/inquiries?q=%D0%B0%D0%BB%D0%B0%D1%82%D0%B0%D1%83", &[])
        .await;
    assert!(
        body.contains("Water for Alatau"),
        "found by the word in Cyrillic"
    );
    let (_, _, body) = site.get("/en/inquiries?q=bridge", &[]).await;
    assert!(
        !body.contains("Water for Alatau"),
        "not found by another word"
    );
    let (_, _, body) = site.get("/en/inquiries?topic=roads", &[]).await;
    assert!(!body.contains("Water for Alatau"), "filtered out");
    let (status, headers, csv) = site
        .get("/api/inquiries.csv?maslikhat=maslikhat-75", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("text/csv"))
    );
    assert!(csv.contains("Water for Alatau"));
    // Malformed addresses and filters: 404 and 400, never 500.
    for path in [
        "/en/inquiries/abc",
        "/en/inquiries/99999999999",
        "/en/deputies/%00",
        "/en/maslikhats/akimat-75",
        "/en/deputies/999999",
    ] {
        let (status, _, _) = site.get(path, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _, _) = site.get("/api/inquiries.csv?deputy=abc", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = site.get("/en/inquiries?deputy=abc&overdue=%FF", &[]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a filter one cannot read is ignored"
    );
    site.finish().await;
}
