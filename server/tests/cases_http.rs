//! HTTP tests of the case core: the real router in-process, a fresh database per test. The
//! role matrix (a citizen, a moderator and the official of another body try every action of
//! the inbox), the official's journey through the forms, the public page, the responsiveness
//! table and its CSV.

mod common;

use app::model::{CaseState, Role};
use app::server::entities::case;
use app::server::services::{cases, today};
use app::server::testing::people;
use axum::http::StatusCode;
use common::*;
use sea_orm::EntityTrait;

struct Cast {
    author: String,
    moderator: String,
    official: String,
    other_official: String,
    citizen: String,
    case: case::Model,
}

async fn cast(site: &Site) -> Cast {
    let db = &site.test.db;
    let p = people::verified_citizens(db, "c", 5, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    people::grant(db, &p[2].email, Role::Official, Some("akimat-75"))
        .await
        .expect("granted");
    people::grant(db, &p[3].email, Role::Official, Some("akimat-71"))
        .await
        .expect("granted");
    let (_, case) =
        people::registered_petition(db, p[0].id, p[1].id, "Lights on Abai Avenue", today())
            .await
            .expect("registered");
    Cast {
        author: site.cookies_for(p[0].id).await,
        moderator: site.cookies_for(p[1].id).await,
        official: site.cookies_for(p[2].id).await,
        other_official: site.cookies_for(p[3].id).await,
        citizen: site.cookies_for(p[4].id).await,
        case,
    }
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn state_of(site: &Site, id: i32) -> String {
    case::Entity::find_by_id(id)
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("exists")
        .state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inbox_action_is_refused_to_the_wrong_role_and_the_wrong_body() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = c.case.id;
    let page = format!("http://127.0.0.1/en/cases/{id}");
    let actions = [
        (
            "/api/cases/answer",
            format!("csrf={CSRF}&lang=en&id={id}&decision=accepted&text=Yes"),
        ),
        (
            "/api/cases/clarify",
            format!("csrf={CSRF}&lang=en&id={id}&question=Which+street%3F"),
        ),
        (
            "/api/cases/forward",
            format!("csrf={CSRF}&lang=en&id={id}&to=akimat-71&reason=Theirs"),
        ),
        (
            "/api/cases/update",
            format!("csrf={CSRF}&lang=en&id={id}&kind=follow_up&text=More"),
        ),
        (
            "/api/cases/close",
            format!("csrf={CSRF}&lang=en&id={id}&note="),
        ),
    ];
    for (path, form) in &actions {
        for (who, cookie) in [
            ("citizen", &c.citizen),
            ("moderator", &c.moderator),
            ("author", &c.author),
            ("official of another akimat", &c.other_official),
        ] {
            let (status, _) = post_from(&site, &page, path, cookie, form).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} by the {who}");
        }
        let (status, _) = post_from(&site, &page, path, "", form).await;
        assert!(status.is_client_error(), "{path} by a visitor: {status}");
    }
    assert_eq!(
        state_of(&site, id).await,
        CaseState::AwaitingAnswer.as_str()
    );
    let timeline = app::server::services::timeline::events(
        &site.test.db,
        &[app::server::services::timeline::Subject::Case(id)],
    )
    .await
    .expect("reads");
    assert_eq!(timeline.len(), 1, "only its registration");
    // The author replies only to an open question; nobody else may.
    let reply = format!("csrf={CSRF}&lang=en&id={id}&reply=Abai");
    // No question is open: a plain form comes back to its page with the message (a script
    // would get 409).
    let (status, headers) = post_from(&site, &page, "/api/cases/reply", &c.author, &reply).await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "no question is open: {status}"
    );
    let (status, _) = post_from(&site, &page, "/api/cases/reply", &c.citizen, &reply).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An id that does not exist: 404 (a browser's form comes back with the message).
    let (status, _, _) = site
        .send(
            "POST",
            "/api/cases/answer",
            &[
                ("host", "127.0.0.1"),
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &c.official),
                ("accept", "application/json"),
                ("referer", &page),
            ],
            format!("csrf={CSRF}&lang=en&id=999999&decision=accepted&text=Yes").into_bytes(),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, headers) = post_from(
        &site,
        &page,
        "/api/cases/answer",
        &c.official,
        &format!("csrf={CSRF}&lang=en&id=999999&decision=accepted&text=Yes"),
    )
    .await;
    assert!(status.is_redirection() && location(&headers).contains("__err"));
    let (status, _, _) = site.get("/en/cases/999999", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The inbox is for officials.
    let (status, _, _) = site.get("/en/inbox", &[("cookie", &c.citizen)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_official_works_a_case_through_the_forms_and_everyone_sees_it() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = c.case.id;
    let page = format!("http://127.0.0.1/en/cases/{id}");
    // The inbox lists it with its number and due day.
    let (status, _, inbox) = site.get("/en/inbox", &[("cookie", &c.official)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        inbox.contains("Lights on Abai Avenue")
            && inbox.contains(&app::model::case_number(c.case.year, c.case.seq))
    );
    let (_, _, other_inbox) = site
        .get("/en/inbox", &[("cookie", &c.other_official)])
        .await;
    assert!(
        !other_inbox.contains("Lights on Abai Avenue"),
        "another body's inbox"
    );
    let (status, _, _) = site
        .get("/en/inbox?kind=nonsense", &[("cookie", &c.official)])
        .await;
    assert!(status.is_client_error(), "{status}");

    // Ask, reply, answer, update: each through its form, each back on the case page.
    let post = |cookie: String, path: &'static str, form: String| {
        let site = &site;
        let page = page.clone();
        async move { post_from(site, &page, path, &cookie, &form).await }
    };
    let (status, headers) = post(
        c.official.clone(),
        "/api/cases/clarify",
        format!(
            "csrf={CSRF}&lang=en&id={id}&question={}",
            encode("Which side of the street?")
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(
        location(&headers),
        format!("/en/cases/{id}?done=clarification-asked")
    );
    let (_, _, shown) = site
        .get(&format!("/en/cases/{id}"), &[("cookie", &c.author)])
        .await;
    assert!(shown.contains("Which side of the street?") && shown.contains("Send the reply"));
    let (status, _) = post(
        c.author.clone(),
        "/api/cases/reply",
        format!(
            "csrf={CSRF}&lang=en&id={id}&reply={}",
            encode("The east side.")
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    // A bad decision comes back to the form with a message, nothing changed.
    let (status, headers) = post(
        c.official.clone(),
        "/api/cases/answer",
        format!("csrf={CSRF}&lang=en&id={id}&decision=maybe&text=Yes"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert!(location(&headers).contains("__err"));
    assert_eq!(
        state_of(&site, id).await,
        CaseState::AwaitingAnswer.as_str()
    );
    let (status, _) = post(
        c.official.clone(),
        "/api/cases/answer",
        format!(
            "csrf={CSRF}&lang=en&id={id}&decision=partly_accepted&text={}",
            encode("New lights by June.")
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(state_of(&site, id).await, CaseState::Answered.as_str());
    // A second answer is refused: the case no longer awaits one.
    let (status, headers) = post(
        c.official.clone(),
        "/api/cases/answer",
        format!("csrf={CSRF}&lang=en&id={id}&decision=accepted&text=Again"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "{status}"
    );
    let (status, _, _) = site
        .send(
            "POST",
            "/api/cases/answer",
            &[
                ("host", "127.0.0.1"),
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &c.official),
                ("accept", "application/json"),
                ("referer", &page),
            ],
            format!("csrf={CSRF}&lang=en&id={id}&decision=accepted&text=Again").into_bytes(),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a script gets 409");
    let (status, _) = post(c.official.clone(), "/api/cases/update", format!("csrf={CSRF}&lang=en&id={id}&kind=implementation&progress=in_progress&on=2027-05-01&text={}", encode("Poles are up."))).await;
    assert!(status.is_redirection(), "{status}");
    let (status, headers) = post(
        c.official.clone(),
        "/api/cases/update",
        format!("csrf={CSRF}&lang=en&id={id}&kind=implementation&progress=in_progress&on=&text=x"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "a missing date"
    );
    let (status, _) = post(
        c.citizen.clone(),
        "/api/cases/rate",
        format!("csrf={CSRF}&lang=en&id={id}&rating=4"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");

    // A visitor sees the whole record.
    let (status, _, public) = site.get(&format!("/en/cases/{id}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Which side of the street?",
        "The east side.",
        "New lights by June.",
        "Partly accepted",
        "In progress",
        "Poles are up.",
        "01.05.2027",
        "The body asked for clarification; its clock stands still",
        "The body reported on carrying out its answer",
        "Average rating 4.0 / 5 (1 rating)",
    ] {
        assert!(public.contains(text), "{text} on the public page");
    }
    assert!(
        !public.contains("Publish the answer"),
        "no forms for a visitor"
    );
    // The petition's page shows the answer and links its case.
    let petition = case::Entity::find_by_id(id)
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("exists")
        .origin_id;
    let (_, _, petition_page) = site.get(&format!("/en/petitions/{petition}"), &[]).await;
    assert!(
        petition_page.contains("New lights by June.")
            && petition_page.contains(&format!("/en/cases/{id}"))
    );
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarding_through_the_form_and_the_responsiveness_table_and_its_csv() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = c.case.id;
    let page = format!("http://127.0.0.1/en/cases/{id}");
    for (to, expected) in [
        ("akimat-75", "forward-same-body"),
        ("no-such", "forward-body-unknown"),
    ] {
        let (status, headers) = post_from(
            &site,
            &page,
            "/api/cases/forward",
            &c.official,
            &format!("csrf={CSRF}&lang=en&id={id}&to={to}&reason=Theirs"),
        )
        .await;
        assert!(status.is_redirection(), "{status}");
        assert!(location(&headers).contains("__err"), "{expected}");
    }
    let (status, headers) = post_from(
        &site,
        &page,
        "/api/cases/forward",
        &c.official,
        &format!(
            "csrf={CSRF}&lang=en&id={id}&to=akimat-71&reason={}",
            encode("The street is in Astana.")
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let live = cases::of_origin(
        &site.test.db,
        app::model::CaseKind::Petition,
        c.case.origin_id,
    )
    .await
    .expect("reads")
    .expect("a live case");
    assert_eq!(
        location(&headers),
        format!("/en/cases/{}?done=forwarded", live.id)
    );
    let (_, _, there) = site.get(&format!("/en/cases/{}", live.id), &[]).await;
    assert!(
        there.contains("Received, forwarded from another body")
            && there.contains("The street is in Astana.")
    );
    let (_, _, here) = site.get(&format!("/en/cases/{id}"), &[]).await;
    assert!(here.contains("Forwarded to another body"));

    let (status, _, table) = site.get("/en/responsiveness", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(table.contains("How bodies answer") && table.contains("/en/bodies/akimat-71"));
    for lang in ["kk", "ru"] {
        let (status, _, _) = site
            .get(&format!("/{lang}/responsiveness?sort=received&desc=1"), &[])
            .await;
        assert_eq!(status, StatusCode::OK, "{lang}");
    }
    let (status, headers, csv) = site.get("/api/responsiveness.csv?region=71", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv"))
    );
    assert!(
        headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("attachment"))
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[1].contains(",akimat,") && lines[1].contains(",71,1,0,0,0,0,"),
        "{csv}"
    );
    for bad in ["?year=abc", "?sort=drop", "?year=99999999999"] {
        let (status, _, _) = site
            .get(&format!("/api/responsiveness.csv{bad}"), &[])
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    site.finish().await;
}

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_are_uploaded_by_the_body_checked_and_served_safely() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = c.case.id;
    let page = format!("http://127.0.0.1/en/cases/{id}");
    let (status, _) = post_from(
        &site,
        &page,
        "/api/cases/answer",
        &c.official,
        &format!("csrf={CSRF}&lang=en&id={id}&decision=accepted&text=Yes"),
    )
    .await;
    assert!(status.is_redirection());
    let upload = |cookie: String,
                  fields: Vec<(&'static str, String)>,
                  files: Vec<(&'static str, &'static [u8])>| {
        let site = &site;
        let page = page.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let (content_type, body) = multipart(&fields, &files);
            site.send(
                "POST",
                "/api/cases/documents",
                &[
                    ("host", "127.0.0.1"),
                    ("content-type", &content_type),
                    ("cookie", &cookie),
                    ("accept", "text/html"),
                    ("referer", &page),
                ],
                body,
                None,
            )
            .await
        }
    };
    let form = |item: &str| {
        vec![
            ("csrf", CSRF.to_owned()),
            ("lang", "en".to_owned()),
            ("id", id.to_string()),
            ("item", item.to_owned()),
        ]
    };
    // The wrong people, a forged token: 403, nothing stored.
    for cookie in [&c.citizen, &c.other_official, &c.moderator, &c.author] {
        let (status, _, _) = upload(cookie.clone(), form("answer"), vec![("a.pdf", PDF)]).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let mut forged = form("answer");
    forged[0].1 = "forged".into();
    let (status, _, _) = upload(c.official.clone(), forged, vec![("a.pdf", PDF)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Bad files come back to the page with the reason.
    for (name, bytes, key) in [
        ("../../x.pdf", PDF, "document-name"),
        ("picture.pdf", PNG, "document-type-mismatch"),
        ("empty.pdf", &b""[..], "document-empty"),
        ("notes.pdf", &b"plain text"[..], "document-type"),
    ] {
        let (status, headers, _) =
            upload(c.official.clone(), form("answer"), vec![(name, bytes)]).await;
        assert!(status.is_redirection(), "{name}: {status}");
        assert_eq!(
            location(&headers),
            format!("/en/cases/{id}?error={key}"),
            "{name}"
        );
    }
    let (status, headers, _) =
        upload(c.official.clone(), form("nonsense"), vec![("a.pdf", PDF)]).await;
    assert!(
        status.is_redirection() && location(&headers).ends_with("error=document-item"),
        "{status}"
    );
    let big: &'static [u8] = Box::leak(vec![b'%'; 10 * 1024 * 1024 + 1].into_boxed_slice());
    let (status, headers, _) =
        upload(c.official.clone(), form("answer"), vec![("big.pdf", big)]).await;
    assert!(
        status.is_redirection() && location(&headers).ends_with("error=document-too-big"),
        "{status}"
    );
    // A urlencoded post to the upload path is no upload.
    let (status, _) = post_from(
        &site,
        &page,
        "/api/cases/documents",
        &c.official,
        &format!("csrf={CSRF}&lang=en&id={id}&item=answer"),
    )
    .await;
    assert!(status.is_client_error(), "{status}");
    let stored = app::server::testing::count_rows(&site.test.db, "case_documents").await;
    assert_eq!(stored, 0, "nothing stored by the refusals");

    // The official attaches a PDF and an image; everyone can fetch them.
    let (status, headers, _) = upload(
        c.official.clone(),
        form("answer"),
        vec![("Answer №7.pdf", PDF), ("plan.png", PNG)],
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(
        location(&headers),
        format!("/en/cases/{id}?done=documents-attached")
    );
    let (_, _, public) = site.get(&format!("/en/cases/{id}"), &[]).await;
    let docs = app::server::services::cases::documents::of_case(&site.test.db, id)
        .await
        .expect("reads");
    assert_eq!(docs.len(), 2);
    assert!(
        public.contains(&format!("/documents/{}", docs[0].id)) && public.contains("Answer №7.pdf")
    );
    let (status, headers, body) = site.get(&format!("/documents/{}", docs[0].id), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.as_bytes(), PDF);
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(
        header("content-disposition").starts_with("attachment;"),
        "{}",
        header("content-disposition")
    );
    assert!(header("content-disposition").contains("filename*=UTF-8''Answer%20%E2%84%967.pdf"));
    let (_, headers, _) = site.get(&format!("/documents/{}", docs[1].id), &[]).await;
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    assert!(
        headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("inline;"))
    );
    for missing in [
        "/documents/999999",
        "/documents/abc",
        "/documents/99999999999",
    ] {
        let (status, _, _) = site.get(missing, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }
    site.finish().await;
}
