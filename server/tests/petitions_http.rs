//! HTTP tests of petitions: the real router in-process, a fresh database per test. Filing and
//! signing through the forms the browser posts (CSRF and session cookie included), text shown
//! as text, and every role-checked action tried with the wrong role and the wrong body.

mod common;

use app::model::Role;
use app::server::entities::{body, signature};
use app::server::services::petitions::counting;
use app::server::services::today;
use app::server::testing::people;
use axum::http::StatusCode;
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const REGION: &str = "75";

async fn body_of(site: &Site, slug: &str) -> body::Model {
    body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("seeded")
}

async fn grant(site: &Site, email: &str, role: Role, body: Option<&body::Model>) {
    people::grant(&site.test.db, email, role, body.map(|b| b.slug.as_str()))
        .await
        .expect("granted");
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// People: an author, a moderator, an official of the Almaty akimat, an official of another
/// akimat, an admin, and citizens.
struct Cast {
    author: String,
    moderator: String,
    official: String,
    other_official: String,
    admin: String,
    citizen: String,
    citizen_id: i32,
}

async fn cast(site: &Site) -> Cast {
    let p = people::verified_citizens(&site.test.db, "p", 6, REGION, true)
        .await
        .expect("people");
    let almaty = body_of(site, "akimat-75").await;
    let astana = body_of(site, "akimat-71").await;
    grant(site, &p[1].email, Role::Moderator, None).await;
    grant(site, &p[2].email, Role::Official, Some(&almaty)).await;
    grant(site, &p[3].email, Role::Official, Some(&astana)).await;
    grant(site, &p[4].email, Role::Admin, None).await;
    Cast {
        author: site.cookies_for(p[0].id).await,
        moderator: site.cookies_for(p[1].id).await,
        official: site.cookies_for(p[2].id).await,
        other_official: site.cookies_for(p[3].id).await,
        admin: site.cookies_for(p[4].id).await,
        citizen: site.cookies_for(p[5].id).await,
        citizen_id: p[5].id,
    }
}

async fn submit_through_the_form(site: &Site, cookie: &str, title: &str) -> i32 {
    let form = format!(
        "csrf={CSRF}&lang=en&title={}&summary=Repair+the+road&text=Potholes+everywhere&body=akimat-75&territory=75&topic=roads&confirm=on&intent=submit",
        encode(title)
    );
    let (status, headers) = post_from(
        site,
        "http://127.0.0.1/en/petitions/new",
        "/api/petitions/save",
        cookie,
        &form,
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let to = location(&headers).to_owned();
    assert!(to.ends_with("?done=petition-submitted"), "{to}");
    to.trim_start_matches("/en/petitions/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("the petition's page")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_petition_is_filed_moderated_and_signed_through_the_forms() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = submit_through_the_form(
        &site,
        &c.author,
        "</title><script>alert(1)</script> Fix Abai Avenue",
    )
    .await;

    // Missing confirmation: back to the form with the message, nothing new saved.
    let (_, headers) = post_from(
        &site,
        "http://127.0.0.1/en/petitions/new",
        "/api/petitions/save",
        &c.author,
        &format!("csrf={CSRF}&lang=en&title=Second&summary=s&text=t&body=akimat-75&territory=75&topic=roads&intent=submit"),
    )
    .await;
    let back = location(&headers)
        .trim_start_matches("http://127.0.0.1")
        .to_owned();
    assert!(
        back.starts_with("/en/petitions/new") && back.contains("__err"),
        "{back}"
    );
    let (_, _, page) = site.get(&back, &[("cookie", &c.author)]).await;
    assert!(page.contains("Confirm that the petition concerns no prohibited topic."));
    assert_eq!(
        app::server::entities::petition::Entity::find()
            .count(&site.test.db)
            .await
            .expect("counts"),
        1
    );

    // The author sees the queue position; a visitor does not see the petition at all.
    let (_, _, page) = site
        .get(&format!("/en/petitions/{id}"), &[("cookie", &c.author)])
        .await;
    assert!(
        page.contains("Place in the moderation queue"),
        "author view"
    );
    let (status, _, _) = site.get(&format!("/en/petitions/{id}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A citizen cannot moderate; the moderator approves through the form.
    let decide = format!("csrf={CSRF}&lang=en&id={id}&decision=approve");
    let (status, _) = post_from(
        &site,
        "http://127.0.0.1/en/moderation",
        "/api/moderation/decide",
        &c.citizen,
        &decide,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers) = post_from(
        &site,
        "http://127.0.0.1/en/moderation",
        "/api/moderation/decide",
        &c.moderator,
        &decide,
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=approved")
    );

    // Script in the title is shown as text.
    let (status, _, page) = site
        .get(&format!("/en/petitions/{id}"), &[("cookie", &c.citizen)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Fix Abai Avenue"));
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("Sign this petition"));

    // Signing: without the CSRF token 403 and no row; a visitor 403; then one signature.
    let sign = format!("csrf={CSRF}&lang=en&id={id}&show_name=on");
    let page_url = format!("http://127.0.0.1/en/petitions/{id}");
    let (status, _) = post_from(
        &site,
        &page_url,
        "/api/petitions/sign",
        &c.citizen,
        &format!("csrf=forged&lang=en&id={id}"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post_from(
        &site,
        &page_url,
        "/api/petitions/sign",
        &format!("dauys_csrf={CSRF}"),
        &sign,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let rows = || {
        signature::Entity::find()
            .filter(signature::Column::PetitionId.eq(id))
            .count(&site.test.db)
    };
    assert_eq!(rows().await.expect("counts"), 0);
    let (status, headers) =
        post_from(&site, &page_url, "/api/petitions/sign", &c.citizen, &sign).await;
    assert!(status.is_redirection());
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=signed")
    );
    assert_eq!(
        rows().await.expect("counts"),
        1,
        "committed before the answer"
    );
    let (_, headers) = post_from(&site, &page_url, "/api/petitions/sign", &c.citizen, &sign).await;
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=already-signed")
    );
    assert_eq!(rows().await.expect("counts"), 1);

    counting::fold(&site.test.db, 100, chrono::Utc::now(), today())
        .await
        .expect("folds");
    // A citizen's page shares the visitors' view, which is kept for a second.
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let (_, _, page) = site
        .get(
            &format!("/en/petitions/{id}?done=signed"),
            &[("cookie", &c.citizen)],
        )
        .await;
    assert!(page.contains("You signed this petition."));
    assert!(page.contains("Withdraw my signature"));
    assert!(
        page.contains(r#"data-count="email_verified">1<"#),
        "the folded count shows"
    );
    let (_, _, page) = site.get(&format!("/kk/petitions/{id}"), &[]).await;
    assert!(page.contains("<html lang=\"kk\""));

    // Withdrawing is the signer's own: another account has nothing to withdraw.
    let unsign = format!("csrf={CSRF}&lang=en&id={id}");
    let (status, headers) = post_from(
        &site,
        &page_url,
        "/api/petitions/unsign",
        &c.author,
        &unsign,
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "back to the page with the message: {status}"
    );
    let (_, headers) = post_from(
        &site,
        &page_url,
        "/api/petitions/unsign",
        &c.citizen,
        &unsign,
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=signature-withdrawn")
    );
    let withdrawn = signature::Entity::find()
        .filter(signature::Column::UserId.eq(c.citizen_id))
        .one(&site.test.db)
        .await
        .expect("reads")
        .expect("kept");
    assert!(withdrawn.withdrawn_at.is_some());
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answering_invalidating_and_the_catalogue_refuse_the_wrong_role_and_the_wrong_body() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    db_threshold(&site, 1).await;
    let author = people::verified_citizens(db, "author", 1, REGION, true)
        .await
        .expect("people");
    let now = chrono::Utc::now();
    let moderator = app::server::entities::user::Entity::find()
        .filter(app::server::entities::user::Column::Email.eq("p1@example.kz"))
        .one(db)
        .await
        .expect("reads")
        .expect("exists");
    // One initial supporter, set before approval: a petition keeps the number it was
    // approved with.
    db.execute_unprepared_ok(
        "UPDATE platform_settings SET value = '1' WHERE key = 'initial_support_signatures'",
    )
    .await;
    let id = people::approved_petition(db, author[0].id, moderator.id, "Lights on Satpayev Street")
        .await
        .expect("approved");
    let page_url = format!("http://127.0.0.1/en/petitions/{id}");
    let (_, headers) = post_from(
        &site,
        &page_url,
        "/api/petitions/sign",
        &c.citizen,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=signed")
    );
    counting::fold(db, 100, now, today()).await.expect("folds");
    let p = app::server::services::petitions::find(db, id)
        .await
        .expect("exists");
    assert_eq!(p.status, "under_consideration");

    let answer =
        format!("csrf={CSRF}&lang=en&id={id}&decision=accepted&text=We+will+install+them.");
    for (who, cookie) in [
        ("citizen", &c.citizen),
        ("moderator", &c.moderator),
        ("official of another akimat", &c.other_official),
        ("admin", &c.admin),
    ] {
        let (status, _) =
            post_from(&site, &page_url, "/api/answers/publish", cookie, &answer).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
    }
    let (status, _) = post_from(
        &site,
        &page_url,
        "/api/answers/publish",
        &c.official,
        &format!("csrf=forged&lang=en&id={id}&decision=accepted&text=x"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a forged CSRF token");
    let (_, _, inbox) = site.get("/en/inbox", &[("cookie", &c.official)]).await;
    assert!(
        inbox.contains("Lights on Satpayev Street"),
        "the official's inbox"
    );
    let (status, _, _) = site.get("/en/inbox", &[("cookie", &c.citizen)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, headers) = post_from(
        &site,
        &page_url,
        "/api/answers/publish",
        &c.official,
        &answer,
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=answered")
    );
    let (status, headers) = post_from(
        &site,
        &page_url,
        "/api/answers/publish",
        &c.official,
        &answer,
    )
    .await;
    assert!(
        status.is_redirection() && location(&headers).contains("__err"),
        "answered once: {status}"
    );

    // Rating.
    let (_, headers) = post_from(
        &site,
        &page_url,
        "/api/answers/rate",
        &c.citizen,
        &format!("csrf={CSRF}&lang=en&id={id}&rating=4"),
    )
    .await;
    assert_eq!(location(&headers), format!("/en/petitions/{id}?done=rated"));
    let (_, _, page) = site.get(&format!("/en/petitions/{id}"), &[]).await;
    assert!(page.contains("We will install them."));
    assert!(page.contains("Average rating 4.0 / 5"), "the average shows");

    // Invalidation and the reasons catalogue are the admin's.
    let invalidate = format!(
        "csrf={CSRF}&lang=en&id={id}&ip=unknown&email_domain=&from=&to=&grounds=duplicate&reason=test"
    );
    for cookie in [&c.citizen, &c.moderator, &c.official] {
        let (status, _) = post_from(
            &site,
            &page_url,
            "/api/petitions/invalidate",
            cookie,
            &invalidate,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let reason =
        format!("csrf={CSRF}&lang=en&code=spam&name_kk=Spam&name_ru=Spam&name_en=Spam&active=on");
    let (status, _) = post_from(
        &site,
        "http://127.0.0.1/en/admin/reasons",
        "/api/moderation/reasons/save",
        &c.moderator,
        &reason,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, headers) = post_from(
        &site,
        "http://127.0.0.1/en/admin/reasons",
        "/api/moderation/reasons/save",
        &c.admin,
        &reason,
    )
    .await;
    assert_eq!(location(&headers), "/en/admin/reasons?done=reason-saved");
    // Grounds outside the catalogue (a withdrawal is the signer's, not an admin's) are the
    // form's error, and invalidate nothing.
    for grounds in ["withdrawn", "invalidated", "spam", ""] {
        let (status, headers) = post_from(
            &site,
            &page_url,
            "/api/petitions/invalidate",
            &c.admin,
            &invalidate.replace("grounds=duplicate", &format!("grounds={grounds}")),
        )
        .await;
        assert!(status.is_redirection(), "{grounds}: {status}");
        assert!(
            !location(&headers).contains("done=signatures-invalidated"),
            "{grounds}: {}",
            location(&headers)
        );
    }
    let (_, headers) = post_from(
        &site,
        &page_url,
        "/api/petitions/invalidate",
        &c.admin,
        &invalidate,
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/en/petitions/{id}?done=signatures-invalidated")
    );
    let flagged = signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(id))
        .filter(signature::Column::InvalidatedAt.is_not_null())
        .count(db)
        .await
        .expect("counts");
    assert_eq!(flagged, 1, "the signature from the unknown address");
    site.finish().await;
}

async fn db_threshold(site: &Site, signatures: i32) {
    site.test
        .db
        .execute_unprepared_ok(&format!(
            "UPDATE thresholds SET signatures = {signatures}, percent_basis_points = NULL, required_grade = 'email_verified' \
             WHERE body_kind = 'akimat' AND level = 'regional'"
        ))
        .await;
}

trait ExecuteOk {
    async fn execute_unprepared_ok(&self, sql: &str);
}

impl ExecuteOk for sea_orm::DatabaseConnection {
    async fn execute_unprepared_ok(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        self.execute_unprepared(sql).await.expect("statement runs");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_russian_progress_line_agrees_with_its_number() {
    use sea_orm::ConnectionTrait;
    let site = Site::new().await;
    let db = &site.test.db;
    db.execute_unprepared(
        "UPDATE thresholds SET signatures = 7821, percent_basis_points = NULL, required_grade = 'iin_checked' \
         WHERE body_kind = 'akimat' AND level = 'regional'",
    )
    .await
    .expect("threshold set");
    let p = people::verified_citizens(db, "ru", 2, REGION, true)
        .await
        .expect("people");
    grant(&site, &p[1].email, Role::Moderator, None).await;
    let id = people::approved_petition(db, p[0].id, p[1].id, "Отремонтировать проспект Абая")
        .await
        .expect("approved");
    // Text without the hydration markers between its pieces.
    let text = |page: String| {
        let mut out = String::new();
        let mut rest = page.as_str();
        while let Some(at) = rest.find("<!") {
            out.push_str(&rest[..at]);
            rest = rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]);
        }
        out.push_str(rest);
        out
    };
    let author = site.cookies_for(p[0].id).await;
    // Gathering its first 50 supporters: «из 50 подписей».
    let (_, _, page) = site
        .get(&format!("/ru/petitions/{id}"), &[("cookie", &author)])
        .await;
    let page = text(page);
    assert!(page.contains("из 50 подписей"), "gathering");
    // Open: toward 7 821, «из 7 821 подписи».
    db.execute_unprepared(&format!(
        "UPDATE petitions SET status = 'open', opened_at = approved_at, collection_started_on = support_started_on WHERE id = {id}"
    ))
    .await
    .expect("opened");
    let (_, _, page) = site
        .get(&format!("/ru/petitions/{id}"), &[("cookie", &author)])
        .await;
    let page = text(page);
    let goal = app::i18n::Locale::Ru.number(7_821);
    assert!(page.contains(&format!("из {goal} подписи")), "open");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_russian_answer_counts_its_ratings_in_the_right_form() {
    use app::server::services::petitions::answers;
    let site = Site::new().await;
    let db = &site.test.db;
    let p = people::verified_citizens(db, "rate", 7, REGION, true)
        .await
        .expect("people");
    grant(&site, &p[1].email, Role::Moderator, None).await;
    let almaty = body_of(&site, "akimat-75").await;
    grant(&site, &p[2].email, Role::Official, Some(&almaty)).await;
    // Under consideration, with its case open at the body (as the threshold would leave it).
    let (id, _) = people::registered_petition(db, p[0].id, p[1].id, "Оценки", today())
        .await
        .expect("registered");
    answers::publish(
        db,
        p[2].id,
        id,
        app::model::AnswerDecision::Accepted,
        "Сделаем летом.",
        chrono::Utc::now(),
    )
    .await
    .expect("answered");
    let cookie = site.cookies_for(p[0].id).await;
    let mut rated = 0;
    for (count, expected) in [(1, "(1 оценка)"), (3, "(3 оценки)"), (5, "(5 оценок)")]
    {
        while rated < count {
            answers::rate(db, p[2 + rated].id, id, 4, chrono::Utc::now())
                .await
                .expect("rated");
            rated += 1;
        }
        let (_, _, page) = site
            .get(&format!("/ru/petitions/{id}"), &[("cookie", &cookie)])
            .await;
        assert!(page.contains(expected), "{expected}");
        assert!(page.contains("4,0 / 5"), "a decimal comma");
    }
    site.finish().await;
}

/// A page, within ten seconds: a page whose part loads data of its own once hung for ever now
/// and then (a resource made inside another's `Suspend`, ARCHITECTURE.md), so each of these is
/// asked for many times.
async fn page_in_time(site: &Site, path: &str, cookie: &str) -> (StatusCode, String) {
    let headers: Vec<(&str, &str)> = if cookie.is_empty() {
        Vec::new()
    } else {
        vec![("cookie", cookie)]
    };
    let (status, _, page) =
        tokio::time::timeout(std::time::Duration::from_secs(10), site.get(path, &headers))
            .await
            .unwrap_or_else(|_| panic!("{path} did not answer within 10 s"));
    (status, page)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panels_load_for_whom_they_are_for_and_the_page_always_answers() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let id = submit_through_the_form(&site, &c.author, "Benches on Abai Avenue").await;
    let path = format!("/en/petitions/{id}");

    // In moderation: the moderator's panel offers the rejection reasons, every time.
    for _ in 0..15 {
        let (status, page) = page_in_time(&site, &path, &c.moderator).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Reason for rejection"), "the reasons");
        assert!(page.contains("<option value=\""), "the reasons are offered");
    }
    // The author sees the page without the panel, and with no refusal of the reasons.
    let (status, page) = page_in_time(&site, &path, &c.author).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Reason for rejection"));

    let decide = format!("csrf={CSRF}&lang=en&id={id}&decision=approve");
    let (status, _) = post_from(
        &site,
        "http://127.0.0.1/en/moderation",
        "/api/moderation/decide",
        &c.moderator,
        &decide,
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let (status, _) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/petitions/sign",
        &c.citizen,
        &format!("csrf={CSRF}&lang=en&id={id}&show_name=on"),
    )
    .await;
    assert!(status.is_redirection(), "{status}");

    // The signer's receipt, every time; the moderator's panel is gone with the moderation.
    for _ in 0..15 {
        let (status, page) = page_in_time(&site, &path, &c.citizen).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Your signature receipt"), "the receipt");
        assert!(page.contains("id=\"receipt-text\""), "the receipt itself");
    }
    let (status, page) = page_in_time(&site, &path, &c.moderator).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Reason for rejection"));
    assert!(
        !page.contains("Your signature receipt"),
        "not the moderator's"
    );
    // A visitor gets the page (not a refusal of what only others see) without either.
    let (status, page) = page_in_time(&site, &path, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Your signature receipt") && !page.contains("Reason for rejection"));

    // The profile's lists, every time: the signer's signature is there.
    for _ in 0..15 {
        let (status, page) = page_in_time(&site, "/en/profile", &c.citizen).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("My signatures"));
        assert!(
            page.contains("Benches on Abai Avenue"),
            "the signed petition"
        );
    }
    let (_, page) = page_in_time(&site, "/en/profile", &c.author).await;
    assert!(page.contains("My petitions") && page.contains("Benches on Abai Avenue"));
    let (status, page) = page_in_time(&site, "/en/profile", "").await;
    assert_ne!(
        status,
        StatusCode::FORBIDDEN,
        "a visitor is asked to sign in"
    );
    assert!(!page.contains("My signatures"));
    site.finish().await;
}

/// Signed-in readers share the visitors' view of a petition (kept for a second) with their own
/// actions read afresh: a signature shows at once although the shared view is older, one
/// reader's actions never reach another, and the author and an administrator, whose pages
/// differ beyond their actions, get their own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_in_readers_share_the_page_with_their_own_actions() {
    let site = Site::new().await;
    let c = cast(&site).await;
    let db = &site.test.db;
    let ids = |email: &'static str| async move {
        app::server::entities::user::Entity::find()
            .filter(app::server::entities::user::Column::Email.eq(email))
            .one(db)
            .await
            .expect("reads")
            .expect("exists")
            .id
    };
    let (author, moderator) = (ids("p0@example.kz").await, ids("p1@example.kz").await);
    let id = people::approved_petition(db, author, moderator, "Benches in Gorky Park")
        .await
        .expect("approved");
    let path = format!("/en/petitions/{id}");
    let read = |cookie: String| {
        let (site, path) = (&site, path.clone());
        async move {
            let (status, _, page) = site.get(&path, &[("cookie", &cookie)]).await;
            assert_eq!(status, StatusCode::OK);
            page
        }
    };
    // A visitor's read fills the shared view; nobody's actions are in it.
    let visitor = read(String::new()).await;
    assert!(!visitor.contains("Sign this petition") && !visitor.contains("Your petition"));
    // Within the same second: the citizen may sign, signs, and sees it at once.
    let page = read(c.citizen.clone()).await;
    assert!(page.contains("Sign this petition"));
    assert!(!page.contains("Your petition") && !page.contains("Invalidate signatures"));
    let sign = format!("csrf={CSRF}&lang=en&id={id}&show_name=on");
    let (status, _) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/petitions/sign",
        &c.citizen,
        &sign,
    )
    .await;
    assert!(status.is_redirection());
    let page = read(c.citizen.clone()).await;
    assert!(page.contains("You signed this petition."));
    assert!(page.contains("Withdraw my signature"));
    // Another citizen has not signed, nor has an official of another body (read whole).
    let other = people::verified_citizens(db, "q", 1, REGION, true)
        .await
        .expect("people");
    for cookie in [
        site.cookies_for(other[0].id).await,
        c.other_official.clone(),
    ] {
        let page = read(cookie).await;
        assert!(page.contains("Sign this petition"));
        assert!(!page.contains("You signed this petition."));
    }
    // The author's page and an administrator's carry their panels.
    let page = read(c.author.clone()).await;
    assert!(page.contains("Your petition"));
    let page = read(c.admin.clone()).await;
    assert!(page.contains("Invalidate signatures"));
    assert!(!page.contains("Your petition"));
    // A visitor still sees nobody's actions.
    let visitor = read(String::new()).await;
    assert!(
        !visitor.contains("You signed this petition.")
            && !visitor.contains("Invalidate signatures")
    );
    // Once the shared view is renewed it names the signer; a withdrawal drops it at once, so
    // the signer never sees their name listed after withdrawing.
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert!(read(c.citizen.clone()).await.contains("Recent signers"));
    let (status, _) = post_from(
        &site,
        &format!("http://127.0.0.1{path}"),
        "/api/petitions/unsign",
        &c.citizen,
        &format!("csrf={CSRF}&lang=en&id={id}"),
    )
    .await;
    assert!(status.is_redirection());
    let page = read(c.citizen.clone()).await;
    assert!(page.contains("Sign this petition"));
    assert!(!page.contains("Recent signers"));
    site.finish().await;
}
