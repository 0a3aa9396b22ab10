//! HTTP tests of finding and seeing petitions: the real router in-process, a fresh database
//! per test (SQLite, or PostgreSQL with `TEST_DATABASE_URL`). Every filter, every order and the
//! search on the list page (a Latin query finding a Cyrillic petition), unknown values and
//! pages past the end, queries of any content; the petition page's chart, tile map, share
//! links and Open Graph tags; region and body pages, the home page's figures, the filing
//! form's similar petitions without JavaScript, and the language switch and tags.

mod common;

use app::model::{PetitionStatus, Role};
use app::server::services::petitions::counting;
use app::server::services::today;
use app::server::testing::people::{self, Listed};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::*;

const KAZAKH: &str = "Қазақстан жолдары: Шымкент көшелері";
const WATER: &str = "Clean water for Qonaev";
const LIGHTS: &str = "Street lights on Abay avenue";
const GATHERING: &str = "Still gathering its first supporters";

struct World {
    site: Site,
    kazakh: i32,
    author: String,
}

async fn world() -> World {
    let site = Site::new().await;
    let db = &site.test.db;
    let p = people::verified_citizens(db, "dh", 8, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    let now = Utc::now();
    let mut ids = Vec::new();
    for (title, body, kato, topic, status, days) in [
        (KAZAKH, "akimat-79", "79", "roads", PetitionStatus::Open, 5),
        (WATER, "akimat-19", "19", "water", PetitionStatus::Open, 2),
        (
            LIGHTS,
            "akimat-75",
            "75",
            "other",
            PetitionStatus::Answered,
            20,
        ),
        (
            GATHERING,
            "akimat-75",
            "75",
            "roads",
            PetitionStatus::Gathering,
            0,
        ),
    ] {
        let listed = Listed {
            title,
            summary: "What we ask for, in one paragraph.",
            text: "The text of the petition.",
            body,
            kato,
            topic,
            status,
            opened: now - Duration::days(days),
        };
        ids.push(
            people::listed_petition(db, p[0].id, p[1].id, &listed)
                .await
                .expect("petition"),
        );
    }
    people::signatures_at(db, ids[0], &p[2..6], "79", now - Duration::days(1))
        .await
        .expect("signed");
    people::signatures_at(db, ids[1], &p[2..4], "19", now - Duration::hours(1))
        .await
        .expect("signed");
    counting::fold(db, 100_000, now, today())
        .await
        .expect("folded");
    let author = site.cookies_for(p[0].id).await;
    World {
        kazakh: ids[0],
        author,
        site,
    }
}

/// The titles in the page's list of petitions, in order.
fn listed(page: &str) -> Vec<&'static str> {
    let Some(start) = page.find("<ol class=\"petition-list\"") else {
        return Vec::new();
    };
    let list = &page[start..];
    let list = &list[..list.find("</ol>").unwrap_or(list.len())];
    let mut found: Vec<(usize, &'static str)> = [KAZAKH, WATER, LIGHTS, GATHERING]
        .into_iter()
        .filter_map(|t| list.find(t).map(|at| (at, t)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, t)| t).collect()
}

async fn page(site: &Site, path: &str) -> String {
    let (status, _, body) = site.get(path, &[]).await;
    assert_eq!(status, StatusCode::OK, "{path}");
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_filters_sorts_searches_and_pages() {
    let w = world().await;
    let s = &w.site;
    // Most signed first; what gathers its first supporters is not listed.
    assert_eq!(
        listed(&page(s, "/en/petitions").await),
        [KAZAKH, WATER, LIGHTS]
    );
    for (query, titles) in [
        ("status=open", vec![KAZAKH, WATER]),
        ("status=answered", vec![LIGHTS]),
        ("region=19", vec![WATER]),
        ("region=79", vec![KAZAKH]),
        ("body=akimat-79", vec![KAZAKH]),
        ("topic=water", vec![WATER]),
        ("topic=roads&status=open&region=79", vec![KAZAKH]),
        ("sort=signed", vec![KAZAKH, WATER, LIGHTS]),
        ("sort=trending", vec![WATER, KAZAKH, LIGHTS]),
        ("sort=newest", vec![WATER, KAZAKH, LIGHTS]),
        ("sort=closing", vec![KAZAKH, WATER, LIGHTS]),
        // Kazakh typed in Latin script finds it in Cyrillic, and the country's other names.
        ("q=Qazaqstan", vec![KAZAKH]),
        ("q=Kazakhstan+shymkent", vec![KAZAKH]),
        (
            "q=%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD",
            vec![KAZAKH],
        ),
        ("q=water&status=open", vec![WATER]),
        ("q=lights&status=open", vec![]),
    ] {
        assert_eq!(
            listed(&page(s, &format!("/en/petitions?{query}")).await),
            titles,
            "{query}"
        );
    }
    // Values the list does not know: the list anyway, with a note naming them.
    page(s, "/en/petitions?region=%00&body=%00%01&status=%00").await;
    let odd = page(s, "/en/petitions?region=99&sort=random&topic=%3Cscript%3E").await;
    assert!(
        odd.contains("were ignored: Region, Topic, Order"),
        "the note"
    );
    assert_eq!(listed(&odd), [KAZAKH, WATER, LIGHTS]);
    // Past the end: an empty page with the way back.
    let past = page(s, "/en/petitions?page=9").await;
    assert!(past.contains("past the end") && past.contains("href=\"/en/petitions\""));
    // Pages link to each other keeping the filters.
    let one = page(s, "/en/petitions?status=open&q=water").await;
    assert!(one.contains("1 petition found"), "the count");
    // Any query at all: a page, never an error.
    for q in [
        "%22",
        "%27%3B+DROP+TABLE+petitions%3B+--",
        "NEAR%28a+b%29",
        "a+OR+b+NOT+c*",
        "%F0%9F%9A%A7",
        "%E2%80%AEbus",
        "%2A",
        "%5E",
        "%28%28",
        "%FF%FE",
    ] {
        page(s, &format!("/en/petitions?q={q}")).await;
    }
    let long = "%D0%B6%D0%BE%D0%BB+".repeat(400);
    page(s, &format!("/en/petitions?q={long}")).await;
    // The language switch keeps the filters.
    let kk = page(s, "/en/petitions?status=open&region=79").await;
    assert!(
        kk.contains("href=\"/kk/petitions?status=open&amp;region=79\"")
            || kk.contains("href=\"/kk/petitions?status=open&region=79\"")
    );
    w.site.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_show_where_signatures_come_from_and_what_moves() {
    let w = world().await;
    let s = &w.site;
    let p = page(s, &format!("/en/petitions/{}", w.kazakh)).await;
    // The chart over time, readable without script: an SVG with its figures in words.
    assert!(p.contains("class=\"chart-wide\""), "the chart");
    assert!(p.contains("4 signatures over"), "the chart's summary");
    // The tile map: every region a tile, Shymkent the darkest; the table beside it.
    assert_eq!(p.matches("class=\"tile shade-").count(), 20);
    assert!(
        p.contains("data-kato=\"79\" data-shade=\"5\""),
        "Shymkent shaded"
    );
    assert!(
        p.contains("data-kato=\"71\" data-shade=\"0\""),
        "Astana without signatures"
    );
    assert!(p.contains("data-table=\"regions\""));
    // Progress with its percentage, share links and the preview's tags.
    assert!(p.contains("data-percent=\"0\""));
    assert!(p.contains("https://t.me/share/url?url="));
    assert!(p.contains("property=\"og:title\""));
    assert!(p.contains(&format!("content=\"{KAZAKH}\"")));

    // Region and body pages list their petitions.
    assert_eq!(listed(&page(s, "/en/regions/19").await), [WATER]);
    assert_eq!(listed(&page(s, "/en/bodies/akimat-79").await), [KAZAKH]);
    // The home page: open now, signatures this week, trending and answered.
    let home = page(s, "/en").await;
    assert!(home.contains("data-figure=\"open\">2<"), "two open");
    assert!(
        home.contains("data-figure=\"signatures_week\">6<"),
        "six this week"
    );
    assert!(home.contains(WATER) && home.contains(LIGHTS));

    // Filing without script: the working title shows similar petitions.
    let (status, _, form) = s
        .get(
            "/en/petitions/new?territory=75&topic=water&title=Water+for+Qonaev+villages",
            &[("cookie", &w.author)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let similar = &form[form
        .find("class=\"similar\"")
        .expect("similar petitions shown")..];
    assert!(similar.contains(WATER));
    assert!(
        form.contains("value=\"Water for Qonaev villages\""),
        "the title carried over"
    );

    // Language tags in the address go to the language they stand for, query and all.
    for (from, to) in [
        ("/en-GB/petitions?q=x", "/en/petitions?q=x"),
        ("/Ru/petitions", "/ru/petitions"),
        ("/kaz/regions", "/kk/regions"),
        ("/de/regions", "/kk/regions"),
    ] {
        let (status, headers, _) = s.get(from, &[]).await;
        assert!(status.is_redirection(), "{from}");
        assert_eq!(location(&headers), to, "{from}");
    }
    w.site.finish().await;
}
