//! HTTP tests of public councils: the real router in-process, a fresh database per test. The
//! role matrix (the secretary of another council, a member doing the secretary's work, an
//! official writing minutes, a citizen at the desk: each refused with 403 and nothing
//! changed), a citizen's proposal through the form, the pages in three languages and the
//! calendar feeds.

mod common;

use app::model::Role;
use app::server::services::councils::meetings::{self, MeetingForm, Takes};
use app::server::services::today;
use app::server::testing::{count_rows, people};
use axum::http::StatusCode;
use chrono::{Days, Utc};
use common::*;

const COUNCIL: &str = "council-akimat-75";

struct Cast {
    citizen: String,
    secretary: String,
    secretary_id: i32,
    member: String,
    official: String,
    other_secretary: String,
}

async fn cast(site: &Site) -> Cast {
    let db = &site.test.db;
    let p = people::verified_citizens(db, "k", 5, "75", true)
        .await
        .expect("people");
    for (who, role, body) in [
        (1, Role::CouncilSecretary, COUNCIL),
        (2, Role::CouncilMember, COUNCIL),
        (3, Role::Official, "akimat-75"),
        (4, Role::CouncilSecretary, "council-akimat-71"),
    ] {
        people::grant(db, &p[who].email, role, Some(body))
            .await
            .expect("granted");
    }
    Cast {
        citizen: site.cookies_for(p[0].id).await,
        secretary: site.cookies_for(p[1].id).await,
        secretary_id: p[1].id,
        member: site.cookies_for(p[2].id).await,
        official: site.cookies_for(p[3].id).await,
        other_secretary: site.cookies_for(p[4].id).await,
    }
}

async fn fingerprint(site: &Site) -> String {
    let mut out = String::new();
    for table in [
        "proposals",
        "council_members",
        "meetings",
        "agenda_items",
        "meeting_attendance",
        "recommendations",
        "cases",
        "timeline_events",
    ] {
        out.push_str(&format!(
            "{table}={};",
            count_rows(&site.test.db, table).await
        ));
    }
    for m in app::server::entities::meeting::Entity::find()
        .all(&site.test.db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{}:{}:{:?};", m.id, m.state, m.minutes));
    }
    out
}

use sea_orm::EntityTrait;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretarys_work_is_refused_to_every_other_role() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    // A published meeting held today is impossible (notice period); plan one a month ahead,
    // publish it, and try everything on it.
    let day = today() + Days::new(30);
    let form = MeetingForm {
        date: Some(day),
        time: "15:00".into(),
        format: "in_person".into(),
        place: "Hall 2".into(),
        online_url: String::new(),
    };
    let m = meetings::create(db, c.secretary_id, COUNCIL, &form, Utc::now(), today())
        .await
        .expect("planned");
    let item = meetings::add_item(
        db,
        c.secretary_id,
        m,
        "Report",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("item");
    let (proposal, _) = app::server::services::councils::proposals::send(
        db,
        c.secretary_id,
        COUNCIL,
        &app::server::services::councils::proposals::ProposalForm {
            title: "Bike lanes".into(),
            text: "Paint bike lanes on Abai Avenue.".into(),
            topic: "roads".into(),
            territory_kato: String::new(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("sent");
    let page = format!("http://127.0.0.1/en/meetings/{m}");
    let actions = [
        (
            "/api/councils/meetings/create",
            format!(
                "csrf={CSRF}&lang=en&council={COUNCIL}&date={day}&time=10:00&format=in_person&place=Hall"
            ),
        ),
        (
            "/api/councils/agenda/add",
            format!("csrf={CSRF}&lang=en&meeting={m}&title=More&takes="),
        ),
        (
            "/api/councils/agenda/publish",
            format!("csrf={CSRF}&lang=en&meeting={m}"),
        ),
        (
            "/api/councils/attendance",
            format!("csrf={CSRF}&lang=en&meeting={m}"),
        ),
        (
            "/api/councils/agenda/decide",
            format!(
                "csrf={CSRF}&lang=en&meeting={m}&item={item}&votes_for=1&votes_against=0&votes_abstained=0&decision=Yes"
            ),
        ),
        (
            "/api/councils/agenda/defer",
            format!("csrf={CSRF}&lang=en&meeting={m}&item={item}"),
        ),
        (
            "/api/councils/minutes",
            format!("csrf={CSRF}&lang=en&meeting={m}&minutes=Minutes"),
        ),
        (
            "/api/councils/meetings/close",
            format!("csrf={CSRF}&lang=en&meeting={m}"),
        ),
        (
            "/api/councils/hide",
            format!("csrf={CSRF}&lang=en&id={proposal}&reason=No"),
        ),
        (
            "/api/councils/merge",
            format!("csrf={CSRF}&lang=en&id={proposal}&into=1"),
        ),
        (
            "/api/councils/members/add",
            format!(
                "csrf={CSRF}&lang=en&council={COUNCIL}&full_name=X&position=member&starts_on=2026-01-01"
            ),
        ),
        (
            "/api/councils/members/end",
            format!("csrf={CSRF}&lang=en&council={COUNCIL}&member=1&ends_on=2026-01-01"),
        ),
    ];
    let before = fingerprint(&site).await;
    for (path, form) in &actions {
        for (who, cookie) in [
            ("citizen", &c.citizen),
            ("member", &c.member),
            ("official of the body", &c.official),
            ("secretary of another council", &c.other_secretary),
        ] {
            let (status, _) = post_from(&site, &page, path, cookie, form).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} by the {who}");
        }
        let (status, _) = post_from(&site, &page, path, "", form).await;
        assert!(status.is_client_error(), "{path} by a visitor: {status}");
    }
    assert_eq!(fingerprint(&site).await, before, "nothing changed");
    // Internal comments on agenda items: members only, never shown to the public.
    let comment =
        format!("csrf={CSRF}&lang=en&meeting={m}&item={item}&comment=Check+the+budget+first");
    for cookie in [&c.citizen, &c.official, &c.other_secretary] {
        let (status, _) = post_from(
            &site,
            &page,
            "/api/councils/agenda/comment",
            cookie,
            &comment,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    assert_eq!(count_rows(db, "agenda_comments").await, 0);
    let (status, _) = post_from(
        &site,
        &page,
        "/api/councils/agenda/comment",
        &c.member,
        &comment,
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(count_rows(db, "agenda_comments").await, 1);
    // The desk is the council's (members read it, only the secretary acts); so is a draft.
    let (status, _, desk) = site
        .get(
            &format!("/en/councils/{COUNCIL}/desk"),
            &[("cookie", &c.member)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(desk.contains("Bike lanes") && !desk.contains("Put on the agenda"));
    for cookie in [&c.citizen, &c.official, &c.other_secretary] {
        let (status, _, _) = site
            .get(
                &format!("/en/councils/{COUNCIL}/desk"),
                &[("cookie", cookie)],
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _, desk) = site
        .get(
            &format!("/en/councils/{COUNCIL}/desk"),
            &[("cookie", &c.secretary)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(desk.contains("Bike lanes") && desk.contains("Put on the agenda"));
    let (status, _, _) = site.get(&format!("/en/meetings/{m}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a draft is not public");
    let (status, _, draft) = site
        .get(&format!("/en/meetings/{m}"), &[("cookie", &c.member)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(draft.contains("Report") && draft.contains("Check the budget first"));
    // Once published, the public sees the agenda but never the comments.
    meetings::publish(db, c.secretary_id, m, Utc::now(), today())
        .await
        .expect("published");
    let (status, _, public) = site.get(&format!("/en/meetings/{m}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("Report") && !public.contains("Check the budget first"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_proposes_through_the_form_and_the_council_pages_show_it_in_three_languages() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let page = format!("http://127.0.0.1/en/councils/{COUNCIL}/propose");
    let form = format!(
        "csrf={CSRF}&lang=en&council={COUNCIL}&title=Night+buses&text=Run+buses+after+midnight.&topic=transport&territory=75"
    );
    let (status, headers) =
        post_from(&site, &page, "/api/councils/propose", &c.citizen, &form).await;
    assert!(status.is_redirection(), "{status}");
    let to = location(&headers).to_owned();
    assert!(
        to.starts_with("/en/proposals/") && to.ends_with("?done=proposal-sent"),
        "{to}"
    );
    // The same proposal again at once: refused, back on the form with what was typed.
    let (status, headers) =
        post_from(&site, &page, "/api/councils/propose", &c.citizen, &form).await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "{status}"
    );
    assert_eq!(count_rows(&site.test.db, "proposals").await, 1);
    // Empty: refused.
    let (status, headers) = post_from(
        &site,
        &page,
        "/api/councils/propose",
        &c.citizen,
        &format!("csrf={CSRF}&lang=en&council={COUNCIL}&title=&text=x&topic=transport"),
    )
    .await;
    assert!(status.is_redirection() && location(&headers).contains("__err"));
    assert_eq!(count_rows(&site.test.db, "proposals").await, 1);

    let (status, _, body) = site.get(&to, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Night buses") && body.contains("Run buses after midnight."));
    // Support once through the form.
    let id = to
        .trim_start_matches("/en/proposals/")
        .split('?')
        .next()
        .expect("id")
        .to_owned();
    let (status, headers) = post_from(
        &site,
        &format!("http://127.0.0.1{to}"),
        "/api/councils/support",
        &c.member,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).ends_with("done=supported"),
        "{status} {}",
        location(&headers)
    );
    for (lang, heading) in [
        ("kk", "Қоғамдық кеңес"),
        ("ru", "Общественн"),
        ("en", "Public councils"),
    ] {
        let (status, _, list) = site.get(&format!("/{lang}/councils"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(
            list.to_lowercase().contains(&heading.to_lowercase()),
            "{lang}"
        );
        let (status, _, council) = site.get(&format!("/{lang}/councils/{COUNCIL}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(council.contains("Night buses"), "{lang}");
        assert!(
            council.contains("data-flag=\"dormant\""),
            "{lang}: never met"
        );
    }
    let (status, _, _) = site.get("/en/councils/akimat-75", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an akimat is no council");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_feeds_are_served_as_icalendar() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    let day = today() + Days::new(30);
    let form = MeetingForm {
        date: Some(day),
        time: "15:00".into(),
        format: "online".into(),
        place: String::new(),
        online_url: "https://meet.example.kz/x".into(),
    };
    let m = meetings::create(db, c.secretary_id, COUNCIL, &form, Utc::now(), today())
        .await
        .expect("planned");
    let (status, _, _) = site.get(&format!("/api/calendar/meeting/{m}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a draft has no entry");
    meetings::add_item(
        db,
        c.secretary_id,
        m,
        "Report",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("item");
    meetings::publish(db, c.secretary_id, m, Utc::now(), today())
        .await
        .expect("published");
    let (status, headers, body) = site
        .get(&format!("/api/calendar/council/{COUNCIL}?lang=ru"), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/calendar")
    );
    assert!(body.contains("BEGIN:VEVENT") && body.contains(&format!("/ru/meetings/{m}")));
    let (status, _, body) = site.get(&format!("/api/calendar/meeting/{m}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("BEGIN:VCALENDAR"));
    let (status, _, _) = site.get("/api/calendar/council/akimat-75", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = site.get("/api/calendar/meeting/abc", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meeting_documents_are_the_secretarys_to_attach_and_a_drafts_stay_with_the_council() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    let day = today() + Days::new(30);
    let form = MeetingForm {
        date: Some(day),
        time: "15:00".into(),
        format: "in_person".into(),
        place: "Hall 2".into(),
        online_url: String::new(),
    };
    let m = meetings::create(db, c.secretary_id, COUNCIL, &form, Utc::now(), today())
        .await
        .expect("planned");
    meetings::add_item(
        db,
        c.secretary_id,
        m,
        "Budget",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("item");
    let page = format!("http://127.0.0.1/en/meetings/{m}");
    let upload = |cookie: String, item: &'static str, csrf: &'static str| {
        let site = &site;
        let page = page.clone();
        async move {
            let id = m.to_string();
            let (content_type, body) = multipart(
                &[("csrf", csrf), ("lang", "en"), ("id", &id), ("item", item)],
                &[("budget.pdf", PDF)],
            );
            site.send(
                "POST",
                "/api/meetings/documents",
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
    // Everyone but the council's secretary, and a forged token: 403, nothing stored.
    for cookie in [&c.citizen, &c.member, &c.official, &c.other_secretary] {
        let (status, _, _) = upload(cookie.clone(), "material", CSRF).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _, _) = upload(c.secretary.clone(), "material", "forged").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Bad input is the client's error: a body that is no multipart form, a repeated field, a
    // text field that is no UTF-8, an id that is no number, a page of another site.
    let (content_type, _) = multipart(&[], &[]);
    let repeated = multipart(
        &[
            ("csrf", CSRF),
            ("id", "1"),
            ("id", "2"),
            ("item", "material"),
        ],
        &[("a.pdf", PDF)],
    )
    .1;
    let not_a_number = multipart(&[("csrf", CSRF), ("id", "x1"), ("item", "material")], &[]).1;
    let invalid_text = {
        let boundary = content_type.split("boundary=").nth(1).expect("boundary");
        let mut body =
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\n")
                .into_bytes();
        body.extend_from_slice(&[0xff, 0xfe, b'm']);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        body
    };
    for (what, body) in [
        ("garbage", b"this is not multipart".to_vec()),
        ("repeated", repeated),
        ("not a number", not_a_number),
        ("not UTF-8", invalid_text),
    ] {
        let (status, _, _) = site
            .send(
                "POST",
                "/api/meetings/documents",
                &[
                    ("host", "127.0.0.1"),
                    ("content-type", &content_type),
                    ("cookie", &c.secretary),
                    ("referer", &page),
                ],
                body,
                None,
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}");
    }
    let (ct, body) = multipart(
        &[
            ("csrf", CSRF),
            ("lang", "en"),
            ("id", &m.to_string()),
            ("item", "material"),
        ],
        &[("a.pdf", PDF)],
    );
    let (status, _, _) = site
        .send(
            "POST",
            "/api/meetings/documents",
            &[
                ("host", "127.0.0.1"),
                ("content-type", &ct),
                ("cookie", &c.secretary),
                ("origin", "https://evil.example"),
            ],
            body,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another site's page");
    assert_eq!(count_rows(db, "meeting_documents").await, 0);
    // An unknown item and minutes before the agenda come back with the reason.
    for (item, key) in [
        ("agenda", "document-item"),
        ("minutes", "meeting-not-published"),
    ] {
        let (status, headers, _) = upload(c.secretary.clone(), item, CSRF).await;
        assert!(status.is_redirection(), "{item}: {status}");
        assert_eq!(location(&headers), format!("/en/meetings/{m}?error={key}"));
    }
    let (status, headers, _) = upload(c.secretary.clone(), "material", CSRF).await;
    assert!(status.is_redirection());
    assert_eq!(
        location(&headers),
        format!("/en/meetings/{m}?done=documents-attached")
    );
    let doc = app::server::services::councils::documents::of_meeting(db, m)
        .await
        .expect("listed")[0]
        .clone();
    let path = format!("/meeting-documents/{}", doc.id);
    // A draft's material: 404 to the public and other councils, served to members, never
    // cached publicly.
    for cookie in [None, Some(&c.citizen), Some(&c.other_secretary)] {
        let headers: Vec<(&str, &str)> = cookie.iter().map(|k| ("cookie", k.as_str())).collect();
        let (status, _, _) = site.get(&path, &headers).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, headers, body) = site.get(&path, &[("cookie", &c.member)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    assert!(
        headers["cache-control"]
            .to_str()
            .expect("ascii")
            .contains("no-store"),
        "a draft's material is never cached"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(body.starts_with("%PDF"));
    // Published, the agenda's materials are everyone's, on the meeting's page too.
    meetings::publish(db, c.secretary_id, m, Utc::now(), today())
        .await
        .expect("published");
    let (status, headers, _) = site.get(&path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["cache-control"]
            .to_str()
            .expect("ascii")
            .starts_with("public")
    );
    let (status, _, html) = site.get(&format!("/en/meetings/{m}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("budget.pdf") && html.contains(&path),
        "the page lists it"
    );
    let (_, _, html) = site.get(&format!("/kk/meetings/{m}"), &[]).await;
    assert!(html.contains("Материалдар"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_admin_founds_a_council_and_the_form_reads_in_three_languages() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    let admin = people::verified_citizens(db, "founder", 1, "75", true)
        .await
        .expect("people")
        .remove(0);
    people::grant(db, &admin.email, Role::Admin, None)
        .await
        .expect("granted");
    let admin = site.cookies_for(admin.id).await;
    let page = "http://127.0.0.1/en/admin/councils";
    let form = format!("csrf={CSRF}&lang=en&body=akimat-75&name_kk=K&name_ru=R&name_en=E");
    let before = count_rows(db, "bodies").await;
    for cookie in [&c.citizen, &c.secretary, &c.official] {
        let (status, _) = post_from(&site, page, "/api/councils/found", cookie, &form).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    // The admin is refused for a body that has its council, with the reason on the page.
    let (status, headers) = post_from(&site, page, "/api/councils/found", &admin, &form).await;
    assert!(status.is_redirection(), "{status}");
    assert!(
        location(&headers).starts_with("/en/admin/councils?"),
        "{}",
        location(&headers)
    );
    assert_eq!(count_rows(db, "bodies").await, before);
    let (status, _, html) = site.get(location(&headers), &[("cookie", &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("This body already has a public council."),
        "the reason is shown"
    );
    for (lang, heading) in [
        ("en", "Found a public council"),
        ("ru", "Создать общественный совет"),
        ("kk", "Қоғамдық кеңес құру"),
    ] {
        let (status, _, html) = site
            .get(&format!("/{lang}/admin/councils"), &[("cookie", &admin)])
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(heading), "{lang}");
    }
    let (_, _, html) = site
        .get("/en/admin/councils", &[("cookie", &c.citizen)])
        .await;
    assert!(!html.contains("Found the council"), "no form for a citizen");
    site.finish().await;
}
