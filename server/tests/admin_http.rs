//! HTTP tests of the administration (issue 17): the real router in-process, a fresh database
//! per test. The role matrix (a moderator, a council secretary, an official and a citizen get
//! 403 on every admin action and admin read, and nothing changes), an admin's refused form
//! coming back with its message and what was typed, and the pages (the admin's and the public
//! rule-changes page) in three languages.

mod common;

use app::model::Role;
use app::server::testing::{count_rows, people};
use axum::http::StatusCode;
use common::*;

struct Cast {
    admin: String,
    admin_name: String,
    others: Vec<(&'static str, String)>,
}

async fn cast(site: &Site) -> Cast {
    let db = &site.test.db;
    let p = people::verified_citizens(db, "adm", 5, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[0].email, Role::Admin, None)
        .await
        .expect("granted");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    people::grant(
        db,
        &p[2].email,
        Role::CouncilSecretary,
        Some("council-akimat-75"),
    )
    .await
    .expect("granted");
    people::grant(db, &p[3].email, Role::Official, Some("akimat-75"))
        .await
        .expect("granted");
    Cast {
        admin: site.cookies_for(p[0].id).await,
        admin_name: p[0].display_name.clone(),
        others: vec![
            ("moderator", site.cookies_for(p[1].id).await),
            ("council secretary", site.cookies_for(p[2].id).await),
            ("official", site.cookies_for(p[3].id).await),
            ("citizen", site.cookies_for(p[4].id).await),
        ],
    }
}

async fn fingerprint(site: &Site) -> String {
    use sea_orm::EntityTrait;
    let db = &site.test.db;
    let mut out = String::new();
    for table in [
        "admin_changes",
        "calendar_days",
        "thresholds",
        "platform_settings",
        "deadline_terms",
        "body_names",
        "body_successions",
        "timeline_events",
        "cases",
    ] {
        out.push_str(&format!("{table}={};", count_rows(db, table).await));
    }
    for t in app::server::entities::threshold::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{t:?};"));
    }
    for t in app::server::entities::topic::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{t:?};"));
    }
    for s in app::server::entities::platform_setting::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{}={}@{};", s.key, s.value, s.version));
    }
    for t in app::server::entities::deadline_term::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{t:?};"));
    }
    for b in app::server::entities::body::Entity::find()
        .all(db)
        .await
        .expect("reads")
    {
        out.push_str(&format!("{b:?};"));
    }
    out
}

async fn threshold_id(site: &Site) -> i32 {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    app::server::entities::threshold::Entity::find()
        .filter(app::server::entities::threshold::Column::BodyKind.eq("akimat"))
        .filter(app::server::entities::threshold::Column::Level.eq("regional"))
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("seeded")
        .id
}

const PAGE: &str = "http://127.0.0.1/en/admin";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_admin_action_and_read_is_refused_to_every_other_role() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = threshold_id(&site).await;
    let actions = [
        (
            "/api/admin/thresholds/save",
            format!(
                "csrf={CSRF}&lang=en&id={id}&version=0&signatures=51&percent=&grade=iin_checked"
            ),
        ),
        (
            "/api/admin/calendar/add",
            format!(
                "csrf={CSRF}&lang=en&year=2031&day=2031-03-04&kind=holiday&name_kk=A&name_ru=B&name_en=C"
            ),
        ),
        (
            "/api/admin/calendar/remove",
            format!("csrf={CSRF}&lang=en&day=2026-12-16"),
        ),
        (
            "/api/admin/calendar/fill",
            format!("csrf={CSRF}&lang=en&year=2031"),
        ),
        (
            "/api/admin/settings/save",
            format!("csrf={CSRF}&lang=en&key=signing_per_ip_hour&version=0&value=5"),
        ),
        (
            "/api/admin/territories/add",
            format!(
                "csrf={CSRF}&lang=en&kato=751999&kind=district&parent=75&name_kk=A&name_ru=B&name_en=C&valid_from="
            ),
        ),
        (
            "/api/admin/territories/rename",
            format!(
                "csrf={CSRF}&lang=en&kato=75&stamp=x&name_kk=A&name_ru=B&name_en=C&from=2026-03-01"
            ),
        ),
        (
            "/api/admin/territories/validity",
            format!("csrf={CSRF}&lang=en&kato=75&stamp=x&valid_from=&valid_to=2026-03-01"),
        ),
        (
            "/api/admin/territories/population",
            format!("csrf={CSRF}&lang=en&kato=75&year=2025&count=5&source=x"),
        ),
        (
            "/api/admin/bodies/add",
            format!(
                "csrf={CSRF}&lang=en&slug=akimat-http-new&kind=akimat&level=district&parent=akimat-75&territory=75&name_kk=A&name_ru=B&name_en=C&valid_from="
            ),
        ),
        (
            "/api/admin/bodies/rename",
            format!(
                "csrf={CSRF}&lang=en&slug=akimat-75&stamp=x&name_kk=A&name_ru=B&name_en=C&from=2026-03-01"
            ),
        ),
        (
            "/api/admin/bodies/move",
            format!("csrf={CSRF}&lang=en&slug=akimat-75&stamp=x&parent=government"),
        ),
        (
            "/api/admin/bodies/minimum",
            format!("csrf={CSRF}&lang=en&slug=council-akimat-75&stamp=x&minimum=9"),
        ),
        (
            "/api/admin/bodies/end",
            format!("csrf={CSRF}&lang=en&slug=akimat-75&stamp=x&successor=akimat-71&on=2026-03-01"),
        ),
        (
            "/api/admin/terms/save",
            format!("csrf={CSRF}&lang=en&id=1&version=0&amount=30&unit=working_days"),
        ),
        (
            "/api/admin/topics/add",
            format!(
                "csrf={CSRF}&lang=en&code=street-lighting&name_kk=A&name_ru=B&name_en=C&local=on&ministry=&position="
            ),
        ),
        (
            "/api/admin/topics/save",
            format!(
                "csrf={CSRF}&lang=en&code=roads&version=0&name_kk=A&name_ru=B&name_en=C&ministry=&position=5"
            ),
        ),
    ];
    let before = fingerprint(&site).await;
    for (path, form) in &actions {
        for (who, cookie) in &c.others {
            let (status, _) = post_from(&site, PAGE, path, cookie, form).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} by a {who}");
        }
        let (status, _) = post_from(&site, PAGE, path, "", form).await;
        assert!(status.is_client_error(), "{path} by a visitor: {status}");
    }
    for read in [
        "/api/admin/thresholds",
        "/api/admin/calendar",
        "/api/admin/settings",
        "/api/admin/changes",
        "/api/admin/territories",
        "/api/admin/bodies",
        "/api/admin/imports/recent",
        "/api/admin/terms",
        "/api/admin/topics",
    ] {
        for (who, cookie) in &c.others {
            let (status, _) = post_from(&site, PAGE, read, cookie, "").await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{read} read by a {who}");
        }
    }
    assert_eq!(fingerprint(&site).await, before, "nothing changed");

    // The same forms from the admin: each one lands, and is on the record.
    for ((path, form), notice) in actions[..2].iter().zip([
        "The required number of signatures is saved",
        "The day is added",
    ]) {
        let (status, headers) = post_from(&site, PAGE, path, &c.admin, form).await;
        assert!(status.is_redirection(), "{path}: {status}");
        let to = location(&headers).to_owned();
        let (_, _, page) = site.get(&to, &[("cookie", &c.admin)]).await;
        assert!(page.contains(notice), "{path}: the confirmation on {to}");
    }
    let (status, headers) = post_from(&site, PAGE, actions[5].0, &c.admin, &actions[5].1).await;
    assert!(status.is_redirection(), "{status}");
    assert!(location(&headers).starts_with("/en/admin/territories/751999?done="));
    let (status, headers) = post_from(&site, PAGE, actions[9].0, &c.admin, &actions[9].1).await;
    assert!(status.is_redirection(), "{status}");
    assert!(location(&headers).starts_with("/en/admin/bodies/akimat-http-new?done="));
    // A stale form from the admin is told, and changes nothing.
    let (status, headers) = post_from(&site, PAGE, actions[13].0, &c.admin, &actions[13].1).await;
    assert!(status.is_redirection(), "a stale stamp: {status}");
    assert!(
        location(&headers).contains("__err"),
        "a stale stamp goes back with its message"
    );
    assert_eq!(count_rows(&site.test.db, "admin_changes").await, 4);
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admins_refused_form_comes_back_with_its_message_and_what_was_typed() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = threshold_id(&site).await;
    let before = fingerprint(&site).await;
    for (form, field) in [
        (
            format!("id={id}&version=0&signatures=0&percent=&grade=iin_checked"),
            "signatures",
        ),
        (
            format!("id={id}&version=0&signatures=&percent=101&grade=iin_checked"),
            "percent",
        ),
        (
            format!("id={id}&version=0&signatures=&percent=1.234&grade=iin_checked"),
            "percent",
        ),
        (
            format!("id={id}&version=0&signatures=5&percent=1&grade=iin_checked"),
            "signatures",
        ),
        (
            format!("id={id}&version=0&signatures=5&percent=&grade=royal"),
            "grade",
        ),
    ] {
        let (status, headers) = post_from(
            &site,
            "http://127.0.0.1/en/admin/thresholds",
            "/api/admin/thresholds/save",
            &c.admin,
            &format!("csrf={CSRF}&lang=en&{form}"),
        )
        .await;
        assert!(status.is_redirection(), "{form}: {status}");
        let to = location(&headers);
        assert!(
            to.starts_with("/en/admin/thresholds") && to.contains("__err"),
            "{form}: {to}"
        );
        let cookies = set_cookies(&headers).join("; ");
        let (_, _, page) = site
            .get(to, &[("cookie", &format!("{}; {cookies}", c.admin))])
            .await;
        assert!(
            page.contains("role=\"alert\""),
            "{form}: the message is shown"
        );
        assert!(!page.contains("is saved"), "{form}");
        let _ = field;
    }
    // A stale version: told it changed meanwhile.
    let (status, headers) = post_from(
        &site,
        "http://127.0.0.1/en/admin/thresholds",
        "/api/admin/thresholds/save",
        &c.admin,
        &format!("csrf={CSRF}&lang=en&id={id}&version=7&signatures=5&percent=&grade=iin_checked"),
    )
    .await;
    assert!(
        status.is_redirection() || status == StatusCode::CONFLICT,
        "{status}"
    );
    let to = location(&headers).to_owned();
    let (_, _, page) = site.get(&to, &[("cookie", &c.admin)]).await;
    assert!(page.contains("changed this meanwhile"), "{to}");
    // A holiday outside the year, a working Tuesday: the form again, with the names typed.
    let (_, headers) = post_from(
        &site,
        "http://127.0.0.1/en/admin/calendar/2031",
        "/api/admin/calendar/add",
        &c.admin,
        &format!(
            "csrf={CSRF}&lang=en&year=2031&day=2032-03-02&kind=holiday&name_kk=Kk&name_ru=Ru&name_en=Typed+name"
        ),
    )
    .await;
    let to = location(&headers).to_owned();
    assert!(to.starts_with("/en/admin/calendar/2031"), "{to}");
    let cookies = set_cookies(&headers).join("; ");
    let (_, _, page) = site
        .get(&to, &[("cookie", &format!("{}; {cookies}", c.admin))])
        .await;
    assert!(page.contains("in the year shown"), "the message");
    assert!(page.contains("Typed name"), "what was typed");
    assert_eq!(fingerprint(&site).await, before, "nothing changed");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_in_three_languages_and_the_public_record() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = threshold_id(&site).await;
    let (status, _) = post_from(
        &site,
        PAGE,
        "/api/admin/thresholds/save",
        &c.admin,
        &format!(
            "csrf={CSRF}&lang=en&id={id}&version=0&signatures=12345&percent=&grade=iin_checked"
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    for (lang, title, amount) in [
        ("kk", "Ереже өзгерістері", "12\u{a0}345"),
        ("ru", "Изменения правил", "12\u{a0}345 подписей"),
        ("en", "Rule changes", "12,345 signatures"),
    ] {
        let (status, _, page) = site.get(&format!("/{lang}/rules/changes"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(page.contains(title), "{lang}: the title");
        assert!(page.contains(amount), "{lang}: the new number: {page}");
        for admin_page in [
            "/admin",
            "/admin/thresholds",
            "/admin/calendar",
            "/admin/settings",
            "/admin/changes",
            "/admin/territories",
            "/admin/territories/75",
            "/admin/bodies",
            "/admin/bodies/akimat-75",
            "/admin/bodies/council-akimat-75",
            "/admin/import",
            "/admin/terms",
        ] {
            let (status, _, page) = site
                .get(&format!("/{lang}{admin_page}"), &[("cookie", &c.admin)])
                .await;
            assert_eq!(status, StatusCode::OK, "{lang}{admin_page}");
            assert!(
                !page.contains("error-"),
                "{lang}{admin_page}: a missing translation"
            );
        }
    }
    // The public page names no one; the admins' record does.
    let (_, _, public) = site.get("/en/rules/changes", &[]).await;
    let (_, _, record) = site.get("/en/admin/changes", &[("cookie", &c.admin)]).await;
    assert!(
        !public.contains(&c.admin_name),
        "no name on the public page"
    );
    assert!(
        record.contains(&c.admin_name),
        "the admins' record names who"
    );
    assert!(record.contains("12,345"), "the record shows the change");
    // Another role sees no admin page.
    let (_, cookie) = &c.others[0];
    let (_, _, page) = site.get("/en/admin/settings", &[("cookie", cookie)]).await;
    assert!(
        !page.contains("signing_per_ip_hour"),
        "a moderator sees no settings"
    );
    site.finish().await;
}

async fn upload(site: &Site, cookie: &str, kind: &str, csv: &[u8]) -> (StatusCode, String) {
    let (content_type, body) = multipart_with(
        "file",
        &[("csrf", CSRF), ("lang", "en"), ("kind", kind)],
        &[("list.csv", csv)],
    );
    upload_raw(site, cookie, &content_type, body, None).await
}

/// Posts a multipart body to the upload as it is, from this site's import page (or from
/// `origin`).
async fn upload_raw(
    site: &Site,
    cookie: &str,
    content_type: &str,
    body: Vec<u8>,
    origin: Option<&str>,
) -> (StatusCode, String) {
    let mut headers = vec![
        ("host", "127.0.0.1"),
        ("referer", "http://127.0.0.1/en/admin/import"),
        ("content-type", content_type),
        ("cookie", cookie),
    ];
    if let Some(origin) = origin {
        headers.push(("origin", origin));
    }
    let (status, headers, _) = site
        .send("POST", "/api/admin/imports", &headers, body, None)
        .await;
    (status, location(&headers).to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_upload_is_the_clients_error_and_keeps_nothing() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let file: &[u8] = b"kato,year,population,source\n75,2025,2400000,Bureau\n";
    let fields = [("csrf", CSRF), ("lang", "en"), ("kind", "populations")];
    // From another site.
    let (content_type, body) = multipart_with("file", &fields, &[("list.csv", file)]);
    let (status, _) = upload_raw(
        &site,
        &c.admin,
        &content_type,
        body,
        Some("https://evil.example"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a foreign Origin");
    // A field sent twice; a field that is not UTF-8; a body that is not multipart at all.
    let (content_type, body) = multipart_with(
        "file",
        &[
            ("csrf", CSRF),
            ("lang", "en"),
            ("kind", "populations"),
            ("kind", "bodies"),
        ],
        &[("list.csv", file)],
    );
    let (status, _) = upload_raw(&site, &c.admin, &content_type, body, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a repeated field");
    let (content_type, body) = multipart_with("file", &fields, &[("list.csv", file)]);
    let body = String::from_utf8(body)
        .expect("text")
        .replacen("populations", "popul\u{fffd}ations", 1)
        .into_bytes();
    let body = body
        .windows(3)
        .position(|w| w == "\u{fffd}".as_bytes())
        .map(|at| [&body[..at], b"\xff".as_slice(), &body[at + 3..]].concat())
        .expect("marked");
    let (status, _) = upload_raw(&site, &c.admin, &content_type, body, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a field that is not UTF-8");
    let (status, _) = upload_raw(
        &site,
        &c.admin,
        "multipart/form-data; boundary=nothing-here",
        b"garbage".to_vec(),
        None,
    )
    .await;
    assert!(status.is_client_error(), "not multipart: {status}");
    // An unknown kind and a missing file go back to the page with the reason.
    let (content_type, body) = multipart_with(
        "file",
        &[("csrf", CSRF), ("lang", "en"), ("kind", "planets")],
        &[("list.csv", file)],
    );
    let (status, to) = upload_raw(&site, &c.admin, &content_type, body, None).await;
    assert!(
        status.is_redirection() && to.ends_with("error=import-kind"),
        "{status} {to}"
    );
    let (content_type, body) = multipart_with("file", &fields, &[]);
    let (_, to) = upload_raw(&site, &c.admin, &content_type, body, None).await;
    assert!(to.ends_with("error=import-no-file"), "{to}");
    assert_eq!(
        count_rows(&site.test.db, "admin_imports").await,
        0,
        "nothing kept"
    );
    // A file that is not UTF-8 is a refused report, never a 500.
    let (status, to) = upload(&site, &c.admin, "populations", b"kato,year\xff\xfe\n").await;
    assert!(status.is_redirection(), "{status}");
    let (_, _, page) = site.get(&to, &[("cookie", &c.admin)]).await;
    assert!(page.contains("The file is not in UTF-8"), "{page}");
    // Control and bidi characters in a file's fields are taken out, not stored.
    let territories = "kato,kind,parent,name_kk,name_ru,name_en,valid_from,valid_to\n\
                       751930,district,75,Аудан\u{202e},Район\u{7},Bidi\u{202e} District,,\n";
    let (_, to) = upload(&site, &c.admin, "territories", territories.as_bytes()).await;
    let id = to.rsplit('/').next().expect("an id").to_owned();
    let (status, _) = post_from(
        &site,
        PAGE,
        "/api/admin/imports/apply",
        &c.admin,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let (_, _, region) = site
        .get("/en/admin/territories/751930", &[("cookie", &c.admin)])
        .await;
    assert!(
        region.contains("Bidi District"),
        "the name without its bidi control"
    );
    assert!(!region.contains('\u{202e}'));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_export_and_import_are_for_admins_and_a_dry_run_comes_before_applying() {
    let site = Site::new().await;
    let c = cast(&site).await;
    // Export: the admin gets the CSV, anyone else 403.
    let (status, headers, csv) = site
        .get("/api/admin/export/territories", &[("cookie", &c.admin)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv"),
        "a CSV"
    );
    assert!(csv.starts_with("kato,kind,parent,name_kk,name_ru,name_en,valid_from,valid_to\n"));
    assert!(csv.contains("\n75,"), "Almaty is listed");
    for (who, cookie) in &c.others {
        let (status, _, _) = site
            .get("/api/admin/export/bodies", &[("cookie", cookie)])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "export by a {who}");
    }
    let (status, _, _) = site.get("/api/admin/export/populations", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "export by a visitor");

    // Upload: refused to every other role; nothing kept.
    let file = "kato,year,population,source\n75,2025,2400000,Bureau of National Statistics\n";
    for (who, cookie) in &c.others {
        let (status, _) = upload(&site, cookie, "populations", file.as_bytes()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "upload by a {who}");
    }
    assert_eq!(count_rows(&site.test.db, "admin_imports").await, 0);

    // The admin: a wrong file comes back as a report naming the row and the reason.
    let wrong = "kato,year,population,source\n999999,2025,5,Bureau\n";
    let (status, to) = upload(&site, &c.admin, "populations", wrong.as_bytes()).await;
    assert!(status.is_redirection(), "{status}");
    assert!(to.starts_with("/en/admin/imports/"), "{to}");
    let (_, _, page) = site.get(&to, &[("cookie", &c.admin)]).await;
    assert!(
        page.contains("No territorial unit has this KATO code"),
        "{page}"
    );
    assert!(!page.contains("Apply the changes"));

    // A clean file: its dry run changes nothing; applying it does, once, on the record.
    let (_, to) = upload(&site, &c.admin, "populations", file.as_bytes()).await;
    let (_, _, page) = site.get(&to, &[("cookie", &c.admin)]).await;
    assert!(page.contains("Apply the changes"), "{page}");
    assert!(page.contains("2,400,000"), "the new figure is shown");
    assert_eq!(
        count_rows(&site.test.db, "admin_changes").await,
        0,
        "a dry run"
    );
    let id = to.rsplit('/').next().expect("an id").to_owned();
    for (who, cookie) in &c.others {
        let (status, _) = post_from(
            &site,
            PAGE,
            "/api/admin/imports/apply",
            cookie,
            &format!("csrf={CSRF}&lang=en&id={id}"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "apply by a {who}");
    }
    let (status, headers) = post_from(
        &site,
        PAGE,
        "/api/admin/imports/apply",
        &c.admin,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert!(location(&headers).contains("done=import-applied"));
    assert_eq!(count_rows(&site.test.db, "admin_changes").await, 1);
    let (_, _, public) = site.get("/en/rules/changes", &[]).await;
    assert!(public.contains("2,400,000"), "a population is public");
    site.finish().await;
}
