//! The holes a review found in what is live, closed: withdrawal of unapproved petitions, a
//! moderator's own petition, malformed input on every state-changing endpoint (the bad-input
//! corpus), cross-site requests, redirects off the site, the security headers, the client
//! address behind a proxy, the log-in lock-out, and `/metrics`.

mod common;

use app::model::Role;
use app::server::entities::{petition, signature};
use app::server::testing::count_rows;
use app::server::testing::people;
use axum::http::StatusCode;
use common::*;
use sea_orm::{EntityTrait, PaginatorTrait};

const REGION: &str = "75";

/// A request as a browser sends it: `host` set, from `peer`, with extra headers.
async fn send(
    site: &Site,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
    peer: Option<&str>,
) -> (StatusCode, header::HeaderMap, String) {
    let mut all = vec![("host", "127.0.0.1")];
    all.extend_from_slice(headers);
    site.send(method, path, &all, body, peer).await
}

async fn form_post(
    site: &Site,
    path: &str,
    cookie: &str,
    body: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, header::HeaderMap, String) {
    let mut headers = vec![
        ("content-type", "application/x-www-form-urlencoded"),
        ("cookie", cookie),
        ("accept", "text/html"),
        ("referer", "http://127.0.0.1/en/petitions"),
    ];
    headers.extend_from_slice(extra);
    send(site, "POST", path, &headers, body.as_bytes().to_vec(), None).await
}

/// What the corpus must leave unchanged: row counts and every petition's state.
async fn fingerprint(site: &Site) -> String {
    let db = &site.test.db;
    let mut out = String::new();
    for table in [
        "users",
        "sessions",
        "petitions",
        "timeline_events",
        "cases",
        "case_pauses",
        "case_updates",
        "signatures",
        "mail_outbox",
        "role_grants",
        "rejection_reasons",
        "case_ratings",
        "invalidations",
        "account_tokens",
        "proposals",
        "proposal_supports",
        "council_members",
        "meetings",
        "agenda_items",
        "meeting_attendance",
        "recommendations",
        "agenda_comments",
        "council_follows",
        "admin_changes",
        "calendar_days",
        "territories",
        "territory_names",
        "bodies",
        "body_names",
        "body_successions",
        "admin_imports",
        "populations",
        "topics",
    ] {
        let n = count_rows(db, table).await;
        out.push_str(&format!("{table}={n};"));
    }
    for p in petition::Entity::find().all(db).await.expect("reads") {
        out.push_str(&format!("{}:{}:{};", p.id, p.status, p.title));
    }
    for t in app::server::entities::topic::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{}:{}:{};", t.code, t.version, t.name_en));
    }
    out
}

struct Cast {
    author: String,
    author_id: i32,
    moderator: String,
    moderator_id: i32,
    visitor_free: String,
}

async fn cast(site: &Site) -> Cast {
    let p = people::verified_citizens(&site.test.db, "h", 3, REGION, true)
        .await
        .expect("people");
    people::grant(&site.test.db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    Cast {
        author: site.cookies_for(p[0].id).await,
        author_id: p[0].id,
        moderator: site.cookies_for(p[1].id).await,
        moderator_id: p[1].id,
        visitor_free: site.cookies_for(p[2].id).await,
    }
}

const DRAFT_FORM: &str = "title=Fix+Abai+Avenue&summary=Repair+the+road&text=Potholes&body=akimat-75&territory=75&topic=roads";

async fn file(site: &Site, cookie: &str, submit: bool) -> i32 {
    let intent = if submit { "submit&confirm=on" } else { "draft" };
    let (status, headers, _) = form_post(
        site,
        "/api/petitions/save",
        cookie,
        &format!("csrf={CSRF}&lang=en&{DRAFT_FORM}&intent={intent}"),
        &[],
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    location(&headers)
        .trim_start_matches("/en/petitions/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("the petition's page")
}

async fn listed(site: &Site, id: i32) -> bool {
    let (_, _, page) = site.get("/en/petitions", &[]).await;
    page.contains(&format!("/en/petitions/{id}\""))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_author_withdraws_a_draft_and_a_petition_in_moderation() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let draft = file(&site, &c.author, false).await;
    let submitted = file(&site, &c.author, true).await;
    // Editing is for drafts: the page says so, as the client's conflict, not our failure.
    let (status, _, page) = site
        .get(
            &format!("/en/petitions/{submitted}/edit"),
            &[("cookie", &c.author)],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("role=\"alert\""),
        "a message, not a blank page"
    );

    let (status, headers, _) = form_post(
        &site,
        "/api/petitions/withdraw",
        &c.author,
        &format!("csrf={CSRF}&lang=en&id={draft}"),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location(&headers), "/en/profile?done=draft-deleted");

    let (status, headers, _) = form_post(
        &site,
        "/api/petitions/withdraw",
        &c.author,
        &format!("csrf={CSRF}&lang=en&id={submitted}"),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{submitted}?done=petition-back-to-draft")
    );
    let (_, _, page) = site.get(location(&headers), &[("cookie", &c.author)]).await;
    assert!(
        page.contains("is a draft again"),
        "the author sees what happened"
    );

    for id in [draft, submitted] {
        let (status, _, _) = site.get(&format!("/en/petitions/{id}"), &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a visitor never sees {id}");
        assert!(!listed(&site, id).await);
    }
    let (_, _, queue) = site
        .get("/en/moderation", &[("cookie", &c.moderator)])
        .await;
    assert!(
        !queue.contains(&format!("/en/petitions/{submitted}\"")),
        "out of the queue"
    );
    assert!(
        petition::Entity::find_by_id(draft)
            .one(&site.test.db)
            .await
            .expect("reads")
            .is_none()
    );
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_cannot_moderate_their_own_petition() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let own = file(&site, &c.moderator, true).await;
    for (path, extra) in [
        ("/api/moderation/claim", ""),
        ("/api/moderation/decide", "&decision=approve"),
    ] {
        let (status, _, _) = send(
            &site,
            "POST",
            path,
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &c.moderator),
            ],
            format!("csrf={CSRF}&lang=en&id={own}{extra}").into_bytes(),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let found = petition::Entity::find_by_id(own)
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("kept");
    assert_eq!(found.status, "moderation");
    assert!(found.claimed_by_id.is_none());
    // Another moderator's petition is theirs to decide.
    let other = file(&site, &c.author, true).await;
    let (status, _, _) = form_post(
        &site,
        "/api/moderation/decide",
        &c.moderator,
        &format!("csrf={CSRF}&lang=en&id={other}&decision=approve"),
        &[],
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let _ = c.moderator_id;
    site.finish().await;
}

/// Every state-changing endpoint with its fields: `i` an integer, `s` a string, `?` optional.
const ENDPOINTS: &[(&str, &[(&str, char)])] = &[
    (
        "register",
        &[
            ("email", 's'),
            ("password", 's'),
            ("display_name", 's'),
            ("region", 's'),
        ],
    ),
    ("login", &[("email", 's'), ("password", 's')]),
    ("logout", &[("everywhere", '?')]),
    ("verify/resend", &[]),
    ("verify/confirm", &[("token", 's')]),
    ("password/forgot", &[("email", 's')]),
    ("password/reset", &[("token", 's'), ("password", 's')]),
    (
        "password/change",
        &[("current_password", 's'), ("password", 's')],
    ),
    ("email/change", &[("email", 's'), ("current_password", 's')]),
    ("email/change/confirm", &[("token", 's')]),
    ("iin", &[("iin", 's'), ("birth_date", 's'), ("sex", 's')]),
    (
        "account/delete",
        &[("current_password", 's'), ("confirm", '?')],
    ),
    (
        "petitions/save",
        &[
            ("id", 'I'),
            ("title", 's'),
            ("summary", 's'),
            ("text", 's'),
            ("body", 's'),
            ("territory", 's'),
            ("topic", 's'),
            ("intent", 's'),
        ],
    ),
    ("petitions/withdraw", &[("id", 'i')]),
    ("petitions/sign", &[("id", 'i'), ("show_name", '?')]),
    ("petitions/unsign", &[("id", 'i')]),
    ("moderation/claim", &[("id", 'i')]),
    (
        "moderation/decide",
        &[("id", 'i'), ("decision", 's'), ("note", '?')],
    ),
    (
        "answers/publish",
        &[("id", 'i'), ("decision", 's'), ("text", 's')],
    ),
    ("answers/rate", &[("id", 'i'), ("rating", 's')]),
    (
        "moderation/reasons/save",
        &[
            ("code", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("scope", '?'),
        ],
    ),
    (
        "petitions/invalidate",
        &[
            ("id", 'i'),
            ("ip", 's'),
            ("email_domain", 's'),
            ("from", 's'),
            ("to", 's'),
            ("grounds", 's'),
            ("reason", 's'),
        ],
    ),
    (
        "roles/grant",
        &[
            ("email", 's'),
            ("role", 's'),
            ("body", 's'),
            ("starts_on", 's'),
            ("ends_on", 's'),
        ],
    ),
    ("roles/end", &[("grant", 'i'), ("last_day", 's')]),
    (
        "cases/answer",
        &[("id", 'i'), ("decision", 's'), ("text", 's')],
    ),
    ("cases/clarify", &[("id", 'i'), ("question", 's')]),
    ("cases/reply", &[("id", 'i'), ("reply", 's')]),
    (
        "cases/forward",
        &[("id", 'i'), ("to", 's'), ("reason", 's')],
    ),
    (
        "cases/update",
        &[
            ("id", 'i'),
            ("kind", 's'),
            ("progress", '?'),
            ("on", '?'),
            ("text", 's'),
        ],
    ),
    ("cases/close", &[("id", 'i'), ("note", '?')]),
    ("cases/rate", &[("id", 'i'), ("rating", 's')]),
    (
        "councils/propose",
        &[
            ("council", 's'),
            ("title", 's'),
            ("text", 's'),
            ("topic", 's'),
            ("territory", '?'),
        ],
    ),
    ("councils/support", &[("id", 'i')]),
    ("councils/hide", &[("id", 'i'), ("reason", 's')]),
    ("councils/merge", &[("id", 'i'), ("into", 's')]),
    (
        "councils/found",
        &[
            ("body", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
        ],
    ),
    (
        "councils/decline",
        &[("id", 'i'), ("reason", '?'), ("text", 's')],
    ),
    (
        "councils/members/add",
        &[
            ("council", 's'),
            ("full_name", 's'),
            ("position", 's'),
            ("organisation", '?'),
            ("voting", '?'),
            ("starts_on", 's'),
            ("ends_on", '?'),
            ("email", '?'),
        ],
    ),
    (
        "councils/members/end",
        &[("council", 's'), ("member", 'i'), ("ends_on", 's')],
    ),
    (
        "councils/meetings/create",
        &[
            ("council", 's'),
            ("date", 's'),
            ("time", 's'),
            ("format", 's'),
            ("place", '?'),
            ("online_url", '?'),
        ],
    ),
    (
        "councils/agenda/add",
        &[("meeting", 'i'), ("title", '?'), ("takes", '?')],
    ),
    ("councils/agenda/publish", &[("meeting", 'i')]),
    ("councils/attendance", &[("meeting", 'i'), ("present", '?')]),
    (
        "councils/agenda/decide",
        &[
            ("meeting", 'i'),
            ("item", 'i'),
            ("votes_for", 's'),
            ("votes_against", 's'),
            ("votes_abstained", 's'),
            ("decision", 's'),
            ("recommendation", '?'),
            ("answer", '?'),
        ],
    ),
    ("councils/agenda/defer", &[("meeting", 'i'), ("item", 'i')]),
    ("councils/minutes", &[("meeting", 'i'), ("minutes", 's')]),
    ("councils/follow", &[("council", 's'), ("follow", 's')]),
    ("councils/unfollow", &[("token", 's')]),
    (
        "councils/agenda/comment",
        &[("meeting", 'i'), ("item", 'i'), ("comment", 's')],
    ),
    ("councils/meetings/close", &[("meeting", 'i')]),
    (
        "inquiries/save",
        &[
            ("id", '?'),
            ("deputy", 'i'),
            ("addressee", '?'),
            ("topic", '?'),
            ("territory", '?'),
            ("title", '?'),
            ("text", '?'),
            ("note", '?'),
            ("petition", '?'),
            ("cosigners", '?'),
        ],
    ),
    ("inquiries/send", &[("id", 'i')]),
    ("inquiries/assess", &[("id", 'i'), ("assessment", '?')]),
    (
        "inquiries/step",
        &[("id", 'i'), ("kind", '?'), ("on", '?'), ("text", '?')],
    ),
    (
        "inquiries/continue",
        &[
            ("id", 'i'),
            ("link", '?'),
            ("to", '?'),
            ("title", '?'),
            ("text", '?'),
        ],
    ),
    (
        "inquiries/close",
        &[("id", 'i'), ("outcome", '?'), ("note", '?')],
    ),
    ("inquiries/adopt", &[("id", 'i')]),
    (
        "admin/thresholds/save",
        &[
            ("id", 'i'),
            ("version", 'i'),
            ("signatures", 's'),
            ("percent", 's'),
            ("grade", 's'),
        ],
    ),
    (
        "admin/calendar/add",
        &[
            ("year", 'i'),
            ("day", 's'),
            ("kind", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
        ],
    ),
    ("admin/calendar/remove", &[("day", 's')]),
    ("admin/calendar/fill", &[("year", 'i')]),
    (
        "admin/settings/save",
        &[("key", 's'), ("version", 'i'), ("value", 's')],
    ),
    (
        "admin/territories/add",
        &[
            ("kato", 's'),
            ("kind", 's'),
            ("parent", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("valid_from", 's'),
        ],
    ),
    (
        "admin/territories/rename",
        &[
            ("kato", 's'),
            ("stamp", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("from", 's'),
        ],
    ),
    (
        "admin/territories/validity",
        &[
            ("kato", 's'),
            ("stamp", 's'),
            ("valid_from", 's'),
            ("valid_to", 's'),
        ],
    ),
    (
        "admin/territories/population",
        &[
            ("kato", 's'),
            ("year", 'i'),
            ("count", 's'),
            ("source", 's'),
        ],
    ),
    (
        "admin/bodies/add",
        &[
            ("slug", 's'),
            ("kind", 's'),
            ("level", 's'),
            ("parent", 's'),
            ("territory", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("valid_from", 's'),
        ],
    ),
    (
        "admin/bodies/rename",
        &[
            ("slug", 's'),
            ("stamp", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("from", 's'),
        ],
    ),
    (
        "admin/bodies/move",
        &[("slug", 's'), ("stamp", 's'), ("parent", 's')],
    ),
    (
        "admin/bodies/minimum",
        &[("slug", 's'), ("stamp", 's'), ("minimum", 's')],
    ),
    ("admin/imports/apply", &[("id", 'i')]),
    (
        "admin/terms/save",
        &[
            ("id", 'i'),
            ("version", 'i'),
            ("amount", 's'),
            ("unit", 's'),
        ],
    ),
    (
        "admin/bodies/end",
        &[
            ("slug", 's'),
            ("stamp", 's'),
            ("successor", 's'),
            ("on", 's'),
        ],
    ),
    (
        "admin/topics/add",
        &[
            ("code", 's'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("local", '?'),
            ("ministry", '?'),
            ("position", '?'),
        ],
    ),
    (
        "admin/topics/save",
        &[
            ("code", 's'),
            ("version", 'i'),
            ("name_kk", 's'),
            ("name_ru", 's'),
            ("name_en", 's'),
            ("local", '?'),
            ("ministry", '?'),
            ("position", '?'),
            ("active", '?'),
        ],
    ),
];

/// The malformed bodies for one endpoint: each is refused before anything is changed.
fn corpus(fields: &[(&str, char)]) -> Vec<(String, Vec<u8>)> {
    let value = |kind: char| if matches!(kind, 'i' | 'I') { "1" } else { "x" };
    let with = |replace: Option<(&str, &str)>, skip: Option<&str>| -> String {
        let mut body = format!("csrf={CSRF}&lang=en");
        for (name, kind) in fields {
            if Some(*name) == skip {
                continue;
            }
            let v = match replace {
                Some((n, v)) if n == *name => v.to_owned(),
                _ => value(*kind).to_owned(),
            };
            body.push_str(&format!("&{name}={v}"));
        }
        body
    };
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    let required: Vec<&str> = fields
        .iter()
        .filter(|(_, k)| matches!(k, 'i' | 's'))
        .map(|(n, _)| *n)
        .collect();
    if let Some(first) = required.first() {
        cases.push(("missing field".into(), with(None, Some(first)).into_bytes()));
        // Control and bidi characters everywhere, in a form that still lacks a field.
        let mut nasty = with(None, Some(first));
        for (name, _) in fields.iter().filter(|(n, _)| n != first) {
            nasty.push_str(&format!("&{name}x=%00%07%1B%E2%80%AE%E2%81%A6"));
        }
        nasty.push_str("&note=%00%0D%0ABcc%3A+x%40evil.example%E2%80%AE");
        cases.push(("control and bidi characters".into(), nasty.into_bytes()));
    }
    for (name, kind) in fields.iter().filter(|(_, k)| matches!(k, 'i' | 'I')) {
        let _ = kind;
        for (what, v) in [
            ("wrong type", "abc"),
            ("overflow", "99999999999"),
            ("negative overflow", "-99999999999"),
            ("NUL in a number", "%00"),
            // Removed at the boundary, leaving "9x": still no number.
            ("bidi in a number", "%E2%80%AE9x"),
        ] {
            cases.push((
                format!("{what} in {name}"),
                with(Some((name, v)), None).into_bytes(),
            ));
        }
    }
    let base = with(None, None);
    cases.push((
        "repeated field".into(),
        format!("{base}&csrf={CSRF}&lang=en").into_bytes(),
    ));
    cases.push((
        "a field repeated under a name with a NUL".into(),
        format!("{base}&lang%00=en").into_bytes(),
    ));
    cases.push((
        "invalid UTF-8".into(),
        format!("{base}&lang=%FF%FE")
            .replace("lang=en&", "")
            .into_bytes(),
    ));
    let mut raw = format!("csrf={CSRF}&lang=").into_bytes();
    raw.extend_from_slice(&[0xff, 0xfe, b'&']);
    cases.push(("raw bytes that are not UTF-8".into(), raw));
    cases.push((
        "1 MB".into(),
        format!("{base}&padding={}", "a".repeat(1 << 20)).into_bytes(),
    ));
    cases
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bad_input_corpus_never_gets_a_500_and_changes_nothing() {
    let site = Site::new().await;
    let c = cast(&site).await;
    // Something to change: a draft, and a petition in moderation.
    file(&site, &c.author, false).await;
    file(&site, &c.author, true).await;
    let before = fingerprint(&site).await;
    let mut tried = 0;
    for (endpoint, fields) in ENDPOINTS {
        let path = format!("/api/{endpoint}");
        for (what, body) in corpus(fields) {
            for accept in ["text/html", "application/json"] {
                let (status, headers, text) = send(
                    &site,
                    "POST",
                    &path,
                    &[
                        ("content-type", "application/x-www-form-urlencoded"),
                        ("cookie", &c.author),
                        ("accept", accept),
                        ("referer", "http://127.0.0.1/en/petitions"),
                    ],
                    body.clone(),
                    None,
                )
                .await;
                tried += 1;
                assert!(
                    status.is_client_error() || status.is_redirection(),
                    "{endpoint}, {what}, {accept}: {status} {text}"
                );
                if status.is_redirection() {
                    let to = location(&headers);
                    assert!(
                        to.starts_with('/') && !to.starts_with("//"),
                        "{endpoint}, {what}: {to}"
                    );
                    assert!(
                        to.contains("__err"),
                        "{endpoint}, {what}: back with a message: {to}"
                    );
                }
            }
        }
        // Another content type than a form: refused before any server function reads it.
        let (status, _, _) = send(
            &site,
            "POST",
            &path,
            &[
                ("content-type", "text/plain"),
                ("cookie", &c.author),
                ("accept", "text/html"),
            ],
            format!("csrf={CSRF}&lang=en&title=a%00%E2%80%AE&id=1").into_bytes(),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{endpoint}");
        // From another site: refused whatever the body.
        let valid = format!("csrf={CSRF}&lang=en");
        for foreign in [
            ("origin", "http://evil.example"),
            ("referer", "http://evil.example/x"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let (status, _, text) = send(
                &site,
                "POST",
                &path,
                &[
                    ("content-type", "application/x-www-form-urlencoded"),
                    ("cookie", &c.author),
                    ("accept", "text/html"),
                    ("accept-language", "en-GB,en;q=0.9"),
                    foreign,
                ],
                valid.clone().into_bytes(),
                None,
            )
            .await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} with {foreign:?}");
            assert!(text.contains("You do not have permission"), "{text}");
        }
    }
    assert!(tried > 300, "{tried} requests");
    assert_eq!(fingerprint(&site).await, before, "nothing changed");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_form_never_redirects_off_the_site() {
    let site = Site::new().await;
    let (status, headers, _) = send(
        &site,
        "POST",
        "/api/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("cookie", &format!("dauys_csrf={CSRF}")),
            ("accept", "text/html"),
            ("referer", "http://evil.example/x?__path=1"),
            ("origin", "http://127.0.0.1"),
        ],
        format!("csrf={CSRF}&lang=en&email=nobody%40example.kz&password=wrong-password-1")
            .into_bytes(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    let to = location(&headers);
    assert!(to.starts_with('/') && !to.starts_with("//"), "{to}");
    assert!(!to.contains("evil"), "{to}");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_answers_carry_the_security_headers() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let (status, headers, page) = site.get("/en/petitions", &[("host", "127.0.0.1")]).await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .expect("a CSP on pages");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    let first = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce")
        .to_owned();
    // A page without an island loads no script and carries no serialised data: only leptos's
    // empty bootstrap line, with the nonce.
    for script in page.split("<script").skip(1) {
        assert!(
            script.starts_with(&format!(" nonce=\"{first}\">"))
                && !script.contains("src=")
                && !script.contains("__RESOLVED_RESOURCES["),
            "a page without an island carries no script of its own: {script}"
        );
    }
    assert!(!page.contains("modulepreload"), "and loads no module");
    // The filing form has the one island: its script carries the page's nonce.
    let (_, form_headers, form) = site
        .get("/en/petitions/new", &[("cookie", &c.author)])
        .await;
    let csp = form_headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .expect("a CSP on pages");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce");
    assert!(
        form.contains(&format!("<script type=\"module\" nonce=\"{nonce}\"")),
        "the island script carries it"
    );
    assert_ne!(nonce, first, "each answer has its own nonce");
    assert!(form.contains("<leptos-island"), "the title is an island");
    for name in [
        "x-frame-options",
        "x-content-type-options",
        "referrer-policy",
        "permissions-policy",
    ] {
        assert!(headers.contains_key(name), "{name}");
    }
    assert_ne!(
        headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "a public page may be cached"
    );
    let (_, headers, _) = site.get("/en/profile", &[("cookie", &c.author)]).await;
    assert_eq!(
        headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store"),
        "a signed-in page is never cached"
    );
    let (_, headers, _) = site.get("/healthz", &[]).await;
    assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let mut site = Site::new().await;
    site.state = app::server::AppState::new(app::server::AppParts {
        trusted_proxies: std::sync::Arc::new(app::server::TrustedProxies {
            networks: vec!["10.0.0.0/8".parse().expect("net")],
            header: app::server::ForwardedHeader::XForwardedFor,
        }),
        ..(*site.state).clone()
    });
    site.router = server::build_router(
        leptos::config::LeptosOptions::builder()
            .output_name("dauys")
            .build(),
        site.state.clone(),
    );
    // Registration allows 10 an hour per client address.
    let register = |n: usize, forwarded: &'static str, peer: &'static str| {
        let site = &site;
        async move {
            let body = format!(
                "csrf={CSRF}&lang=en&email=proxy{n}%40example.kz&password=short&display_name=P&region=75"
            );
            let (status, _, _) = send(
                site,
                "POST",
                "/api/register",
                &[
                    ("content-type", "application/x-www-form-urlencoded"),
                    ("cookie", &format!("dauys_csrf={CSRF}")),
                    ("x-forwarded-for", forwarded),
                ],
                body.into_bytes(),
                Some(peer),
            )
            .await;
            status
        }
    };
    for n in 0..10 {
        assert_ne!(
            register(n, "198.51.100.1", "10.0.0.2").await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        register(10, "198.51.100.1", "10.0.0.2").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the first client is at its limit"
    );
    assert_ne!(
        register(11, "198.51.100.2", "10.0.0.2").await,
        StatusCode::TOO_MANY_REQUESTS,
        "a second client behind the same proxy is not"
    );
    // An untrusted peer's header is ignored: its own address counts.
    for n in 0..10 {
        assert_ne!(
            register(20 + n, ["203.0.113.1", "203.0.113.2"][n % 2], "192.0.2.50").await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        register(30, "203.0.113.3", "192.0.2.50").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_wrong_passwords_do_not_lock_the_owner_out() {
    let site = Site::new().await;
    let owner = people::verified_citizens(&site.test.db, "owner", 1, REGION, false)
        .await
        .expect("owner");
    let login = |password: &'static str, peer: &'static str| {
        let site = &site;
        let email = owner[0].email.clone();
        async move {
            let body = format!(
                "csrf={CSRF}&lang=en&email={}&password={password}",
                email.replace('@', "%40")
            );
            send(
                site,
                "POST",
                "/api/login",
                &[
                    ("content-type", "application/x-www-form-urlencoded"),
                    ("cookie", &format!("dauys_csrf={CSRF}")),
                ],
                body.into_bytes(),
                Some(peer),
            )
            .await
        }
    };
    for _ in 0..10 {
        login("not-the-password", "203.0.113.66").await;
    }
    let (status, _, _) = login("not-the-password", "203.0.113.66").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the stranger is stopped"
    );
    let (status, headers, _) = login(people::PASSWORD, "198.51.100.20").await;
    assert_eq!(status, StatusCode::OK, "the owner still logs in from home");
    assert!(
        set_cookies(&headers)
            .iter()
            .any(|c| c.starts_with("dauys_session="))
    );
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_for_the_operator_and_show_every_series() {
    let mut site = Site::new().await;
    let (status, _, _) = site.get("/metrics", &[]).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "no token configured: no metrics"
    );
    site.state = app::server::AppState::new(app::server::AppParts {
        metrics_token: Some("operator-secret-token".into()),
        ..(*site.state).clone()
    });
    site.router = server::build_router(
        leptos::config::LeptosOptions::builder()
            .output_name("dauys")
            .build(),
        site.state.clone(),
    );
    let c = cast(&site).await;
    // A refusal by a rate limit, a signature batch, a few pages.
    let moderator = people::verified_citizens(&site.test.db, "m", 1, REGION, true)
        .await
        .expect("moderator");
    people::grant(&site.test.db, &moderator[0].email, Role::Moderator, None)
        .await
        .expect("granted");
    let id = people::approved_petition(&site.test.db, c.author_id, moderator[0].id, "Metrics")
        .await
        .expect("approved");
    let (status, _, _) = form_post(
        &site,
        "/api/petitions/sign",
        &c.visitor_free,
        &format!("csrf={CSRF}&lang=en&id={id}"),
        &[],
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(
        signature::Entity::find()
            .count(&site.test.db)
            .await
            .expect("counts"),
        1
    );
    for _ in 0..11 {
        send(
            &site,
            "POST",
            "/api/password/forgot",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &format!("dauys_csrf={CSRF}")),
            ],
            format!("csrf={CSRF}&lang=en&email=x%40example.kz").into_bytes(),
            None,
        )
        .await;
    }
    site.get("/en/petitions", &[]).await;

    let (status, _, _) = site
        .get("/metrics", &[("authorization", "Bearer wrong")])
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, text) = site
        .get(
            "/metrics",
            &[("authorization", "Bearer operator-secret-token")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for series in [
        "dauys_http_requests_total{",
        "route=\"/{lang}/petitions\"",
        "dauys_http_request_duration_seconds_bucket",
        "dauys_signature_queue_depth",
        "dauys_signature_batch_size",
        "dauys_signature_batch_seconds_bucket",
        "dauys_signature_writer_restarts",
        "dauys_fold_lag_seconds",
        "dauys_outbox_pending",
        "dauys_outbox_failed",
        "dauys_rate_limit_refusals_total{bucket=\"reset:account\"}",
        "dauys_db_pool_connections",
        "dauys_db_pool_in_use",
    ] {
        assert!(text.contains(series), "{series} missing from\n{text}");
    }
    let _ = c.moderator_id;
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_file_answered_while_a_page_renders_never_takes_the_pages_headers() {
    // The site's own files (the stylesheet, the wasm, the receipt check's module) answered while
    // a page rendered on the same thread once took that page's headers: the file went out with
    // the page's Content-Security-Policy, and the page with the policy for non-pages, under
    // which the browser refused its stylesheet.
    let root = std::env::temp_dir().join(format!("dauys-site-root-{}", std::process::id()));
    for (file, text) in [
        ("pkg/dauys.css", "body { margin: 0 }"),
        ("verify/verify.js", "export {};"),
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
        std::fs::write(path, text).expect("file written");
    }
    let site = Site::with_site_root(root.to_str().expect("a UTF-8 path")).await;
    let csp = |headers: &header::HeaderMap| {
        headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    for round in 0..40 {
        let (page, css, js) = tokio::join!(
            site.get("/en/petitions", &[]),
            site.get("/pkg/dauys.css", &[]),
            site.get("/verify/verify.js", &[]),
        );
        assert_eq!(page.0, StatusCode::OK, "round {round}");
        assert!(
            csp(&page.1).contains("'nonce-"),
            "round {round}: the page keeps its own policy, not {:?}",
            csp(&page.1)
        );
        for (file, (status, headers, body)) in [("css", css), ("js", js)] {
            assert_eq!(status, StatusCode::OK, "round {round}: {file}");
            assert!(
                body.starts_with("body") || body.starts_with("export"),
                "{file}"
            );
            assert!(
                !csp(&headers).contains("'nonce-"),
                "round {round}: the {file} file took a page's headers"
            );
        }
    }
    site.finish().await;
    std::fs::remove_dir_all(root).ok();
}
