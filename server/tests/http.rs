//! HTTP tests: the real router (`build_router`) driven in-process, on a fresh database per test.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use common::*;
use http_body_util::BodyExt;
use tower::ServiceExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_root_sends_each_visitor_to_their_language() {
    let site = Site::new().await;
    let (status, headers, _) = site
        .get("/", &[("accept-language", "ru-RU,ru;q=0.9,en;q=0.8")])
        .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/ru");
    let (_, headers, _) = site.get("/", &[("accept-language", "de, en;q=0.5")]).await;
    assert_eq!(location(&headers), "/en");
    let (_, headers, _) = site.get("/", &[("accept-language", "fr")]).await;
    assert_eq!(
        location(&headers),
        "/kk",
        "an unsupported language falls back to Kazakh"
    );
    let (_, headers, _) = site.get("/", &[]).await;
    assert_eq!(location(&headers), "/kk");
    let (_, headers, _) = site
        .get("/", &[("cookie", "lang=en"), ("accept-language", "ru")])
        .await;
    assert_eq!(location(&headers), "/en", "the remembered language wins");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_is_in_the_language_of_its_address() {
    let site = Site::new().await;
    for (lang, heading) in [
        ("kk", "Сіздің үніңіз естіліп, жауапсыз қалмайды"),
        ("ru", "Ваш голос услышат и ответят"),
        ("en", "Your voice, heard and answered"),
    ] {
        let (status, headers, body) = site.get(&format!("/{lang}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(
            body.contains(&format!("<html lang=\"{lang}\"")),
            "{lang}: html lang"
        );
        assert!(body.contains(heading), "{lang}: heading");
        let remembered = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|c| c.starts_with(&format!("lang={lang};")));
        assert!(remembered, "{lang}: remembered");
    }
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unsupported_language_in_the_address_falls_back_to_kazakh() {
    let site = Site::new().await;
    let (status, headers, _) = site.get("/de/regions?x=1", &[]).await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/kk/regions?x=1");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_regions_page_lists_every_region_in_the_page_language() {
    let site = Site::new().await;
    let (status, _, body) = site.get("/en/regions", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Akmola Region"));
    assert!(body.contains("Shymkent"));
    assert!(body.contains("href=\"/en/regions/11\""));
    assert_eq!(body.matches("href=\"/en/regions/").count(), 20);
    let (_, _, body) = site.get("/ru/regions", &[]).await;
    assert!(body.contains("Акмолинская область"));
    let (_, _, body) = site.get("/kk/regions", &[]).await;
    assert!(body.contains("Ақмола облысы"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kazakh_and_russian_pages_name_the_regional_centres_in_their_own_language() {
    let site = Site::new().await;
    // No Latin-only centre name from the reference data on a Kazakh or Russian page.
    let latin: Vec<&str> = include_str!("../../app/data/kz_regions.csv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(5))
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(latin.len(), 17);
    for (lang, expected) in [
        ("kk", ["Өскемен", "Көкшетау"]),
        ("ru", ["Усть-Каменогорск", "Кокшетау"]),
    ] {
        let (_, _, list) = site.get(&format!("/{lang}/regions"), &[]).await;
        let (_, _, region) = site.get(&format!("/{lang}/regions/11"), &[]).await;
        assert!(list.contains(expected[0]), "{lang}: {}", expected[0]);
        assert!(region.contains(expected[1]), "{lang}: {}", expected[1]);
        for name in &latin {
            assert!(!list.contains(&format!(">{name}<")), "{lang} shows {name}");
        }
    }
    let (_, _, list) = site.get("/en/regions", &[]).await;
    assert!(list.contains("Oskemen"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_region_page_links_to_its_bodies() {
    let site = Site::new().await;
    let (status, _, body) = site.get("/ru/regions/11", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Акимат Акмолинской области"));
    assert!(body.contains("Маслихат Акмолинской области"));
    assert!(body.contains("href=\"/ru/bodies/akimat-11\""));
    let (_, _, body) = site.get("/en/regions/10", &[]).await;
    assert!(body.contains("08.06.2022"), "dates read DD.MM.YYYY");
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_page_shows_kind_level_parent_territory_and_council() {
    let site = Site::new().await;
    let (status, _, body) = site.get("/en/bodies/akimat-11", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Akimat of Akmola Region"));
    assert!(body.contains("Regional"));
    assert!(body.contains("href=\"/en/bodies/government\""));
    assert!(body.contains("href=\"/en/regions/11\""));
    assert!(body.contains("href=\"/en/councils/council-akimat-11\""));
    assert!(body.contains("1% of the population"));
    let (_, _, body) = site.get("/kk/bodies/government", &[]).await;
    assert!(body.contains("Қазақстан Республикасының Үкіметі"));
    assert!(body.contains("50\u{a0}000"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_regions_bodies_and_pages_get_the_not_found_page_with_404() {
    let site = Site::new().await;
    for path in [
        "/en/regions/999",
        "/en/regions/KZ",
        "/en/bodies/no-such-body",
        "/en/nothing/here",
        "/wp-login.php",
    ] {
        let (status, _, body) = site.get(path, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            body.contains("Page not found") || body.contains("Бет табылмады"),
            "{path}: the not-found page"
        );
    }
    let (_, _, body) = site.get("/ru/bodies/nope", &[]).await;
    assert!(
        body.contains("Страница не найдена"),
        "in the page's language"
    );
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_the_database() {
    let site = Site::new().await;
    let (status, _, body) = site.get("/healthz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"status\":\"ok\""));
    site.test.db.clone().close().await.ok();
    let (status, _, body) = site.get("/healthz", &[]).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("unreachable"));
    // Liveness does not ask the database: the process still serves.
    let (status, _, body) = site.get("/livez", &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundreds_of_concurrent_page_loads_all_complete() {
    let site = Site::new().await;
    let paths = [
        "/en/regions/11",
        "/ru/bodies/akimat-11",
        "/kk/regions",
        "/en/bodies/nope",
    ];
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..400 {
        let router = site.router.clone();
        let path = paths[i % paths.len()];
        tasks.spawn(async move {
            let request = Request::builder()
                .uri(path)
                .body(Body::empty())
                .expect("request builds");
            let response = router.oneshot(request).await.expect("router answers");
            let status = response.status();
            let body = response
                .into_body()
                .collect()
                .await
                .expect("body reads")
                .to_bytes();
            (path, status, body.len())
        });
    }
    // A render that never finishes would hang here; a minute is far beyond any real load time.
    let all = tokio::time::timeout(std::time::Duration::from_secs(60), tasks.join_all())
        .await
        .expect("every concurrent page load completes");
    for (path, status, length) in all {
        let expected = if path.ends_with("nope") {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(status, expected, "{path}");
        assert!(length > 1_000, "{path}: a whole page");
    }
    site.finish().await;
}

mod accounts {
    use super::*;

    const FORM: &str = "lang=en&email=a%40example.kz&password=steppe-wind-over-ulytau&display_name=Aigerim&region=11";

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_first_visit_gets_a_csrf_cookie_and_the_forms_carry_it() {
        let site = Site::new().await;
        let (status, headers, body) = site.get("/en/register", &[]).await;
        assert_eq!(status, StatusCode::OK);
        let csrf = set_cookies(&headers)
            .into_iter()
            .find_map(|c| c.strip_prefix("dauys_csrf=").map(str::to_owned))
            .expect("a CSRF cookie is set");
        assert!(body.contains(&format!("name=\"csrf\" value=\"{csrf}\"")));
        site.finish().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_post_without_the_csrf_token_is_forbidden_and_changes_nothing() {
        let site = Site::new().await;
        let cookie = format!("dauys_csrf={CSRF}");
        let (status, _) = post(&site, "/api/register", &cookie, &format!("csrf=&{FORM}")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = post(&site, "/api/register", "", &format!("csrf={CSRF}&{FORM}")).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "a token without its cookie is refused too"
        );
        let login = "lang=en&email=a%40example.kz&password=steppe-wind-over-ulytau";
        let (_, headers) = post(
            &site,
            "/api/login",
            &cookie,
            &format!("csrf={CSRF}&{login}"),
        )
        .await;
        assert!(
            location(&headers).contains("__err"),
            "no account was created"
        );
        site.finish().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn register_then_log_out_and_the_old_cookie_no_longer_works() {
        let site = Site::new().await;
        let csrf_cookie = format!("dauys_csrf={CSRF}");
        let (status, headers) = post(
            &site,
            "/api/register",
            &csrf_cookie,
            &format!("csrf={CSRF}&{FORM}"),
        )
        .await;
        assert!(status.is_redirection(), "{status}");
        assert_eq!(location(&headers), "/en/profile?done=registered");
        let session = set_cookies(&headers)
            .into_iter()
            .find(|c| c.starts_with("dauys_session="))
            .expect("a session cookie is set");
        let cookies = format!("{csrf_cookie}; {session}");
        let (_, _, profile) = site.get("/en/profile", &[("cookie", &cookies)]).await;
        assert!(
            profile.contains("a@example.kz"),
            "the profile shows the account"
        );

        let (status, _) = post(
            &site,
            "/api/logout",
            &cookies,
            &format!("csrf={CSRF}&lang=en"),
        )
        .await;
        assert!(status.is_redirection());
        let (_, _, profile) = site.get("/en/profile", &[("cookie", &cookies)]).await;
        assert!(
            !profile.contains("a@example.kz"),
            "the old session cookie is dead"
        );
        assert!(profile.contains("You are not logged in"));
        site.finish().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_wrong_password_comes_back_to_the_form_with_its_message() {
        let site = Site::new().await;
        let cookie = format!("dauys_csrf={CSRF}");
        post(
            &site,
            "/api/register",
            &cookie,
            &format!("csrf={CSRF}&{FORM}"),
        )
        .await;
        let wrong = "lang=en&email=a%40example.kz&password=steppe-wind-over-almaty";
        let (_, headers) = post(
            &site,
            "/api/login",
            &cookie,
            &format!("csrf={CSRF}&{wrong}"),
        )
        .await;
        let back = location(&headers)
            .trim_start_matches("http://127.0.0.1")
            .to_owned();
        assert!(back.starts_with("/en/register?"), "{back}");
        let page = back.replacen("/en/register", "/en/login", 1);
        let (_, _, body) = site.get(&page, &[("cookie", &cookie)]).await;
        assert!(body.contains("The email or the password is wrong."));
        site.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_limit_per_account_triggers_with_429() {
    let site = Site::new().await;
    let csrf = "5f65b53700ba195eef5772c6d7552ec5ee5176b7023deb9d6c84ff7071966292";
    let mut statuses = Vec::new();
    for _ in 0..11 {
        let request = Request::builder()
            .method("POST")
            .uri("/api/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", format!("dauys_csrf={csrf}"))
            .body(Body::from(format!(
                "csrf={csrf}&lang=en&email=victim%40example.kz&password=guess-number-one"
            )))
            .expect("request builds");
        let response = site
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router answers");
        statuses.push(response.status());
    }
    assert!(
        statuses[..10]
            .iter()
            .all(|s| *s != StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
    site.finish().await;
}
