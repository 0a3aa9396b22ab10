//! Finding and seeing petitions on a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): the public list's filters, orders and pages, unknown values ignored
//! with a note, search across scripts (a Latin query finds a Cyrillic petition), queries of any
//! content, similar petitions while filing, signatures per hour folded and recounted, the
//! chart's days and the regions' rates, and the home page's figures.

use app::model::{ListPage, ListQuery, PetitionStatus, ResponsivenessQuery};
use app::server::entities::{signature, user};
use app::server::services::petitions::{counting, discovery};
use app::server::services::{cases::responsiveness, search, today};
use app::server::testing::{TestDb, people, people::Listed};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};

struct World {
    test: TestDb,
    author: user::Model,
    moderator: user::Model,
    signers: Vec<user::Model>,
}

async fn world(prefix: &str) -> World {
    let test = TestDb::new().await;
    let p = people::verified_citizens(&test.db, prefix, 10, "75", true)
        .await
        .expect("people");
    people::grant(&test.db, &p[1].email, app::model::Role::Moderator, None)
        .await
        .expect("moderator");
    World {
        author: p[0].clone(),
        moderator: p[1].clone(),
        signers: p[2..].to_vec(),
        test,
    }
}

/// Files and approves a petition, then sets it to `status` as of `opened`.
#[allow(clippy::too_many_arguments)]
async fn petition(
    w: &World,
    title: &str,
    text: &str,
    body: &str,
    kato: &str,
    topic: &str,
    status: PetitionStatus,
    opened: DateTime<Utc>,
) -> i32 {
    let listed = Listed {
        title,
        summary: "What we ask for, in one paragraph for the list and the preview.",
        text,
        body,
        kato,
        topic,
        status,
        opened,
    };
    people::listed_petition(&w.test.db, w.author.id, w.moderator.id, &listed)
        .await
        .expect("petition")
}

/// `n` of the world's signers sign petition `id` at `at`, as residents of region `kato`; then
/// the counters are folded.
async fn sign(w: &World, id: i32, n: usize, kato: &str, at: DateTime<Utc>) {
    let signers: Vec<user::Model> = w.signers.iter().take(n).cloned().collect();
    people::signatures_at(&w.test.db, id, &signers, kato, at)
        .await
        .expect("signed");
    counting::fold(&w.test.db, 100_000, Utc::now(), today())
        .await
        .expect("folded");
}

async fn list(w: &World, q: ListQuery) -> ListPage {
    discovery::list(&w.test.db, &q, Utc::now(), today())
        .await
        .expect("listed")
}

fn ids(page: &ListPage) -> Vec<i32> {
    page.items.iter().map(|p| p.id).collect()
}

fn query(pairs: &[(&str, &str)]) -> ListQuery {
    let mut q = ListQuery::default();
    for (k, v) in pairs {
        let v = Some((*v).to_owned());
        match *k {
            "status" => q.status = v,
            "region" => q.region = v,
            "body" => q.body = v,
            "topic" => q.topic = v,
            "q" => q.q = v,
            "sort" => q.sort = v,
            "page" => q.page = v,
            _ => unreachable!("{k}"),
        }
    }
    q
}

#[tokio::test]
async fn the_list_filters_sorts_and_pages_and_ignores_what_it_does_not_know() {
    let w = world("disc-list").await;
    let now = Utc::now();
    let roads = petition(
        &w,
        "Жол жөндеу: Абай даңғылы",
        "Көшедегі шұңқырлар.",
        "akimat-75",
        "75",
        "roads",
        PetitionStatus::Open,
        now - Duration::days(10),
    )
    .await;
    let water = petition(
        &w,
        "Clean water for Qonaev",
        "The pipes are old.",
        "akimat-19",
        "19",
        "water",
        PetitionStatus::Open,
        now - Duration::days(3),
    )
    .await;
    let gathering = petition(
        &w,
        "A petition still gathering supporters",
        "Only by link.",
        "akimat-75",
        "75",
        "roads",
        PetitionStatus::Gathering,
        now,
    )
    .await;
    let rejected = petition(
        &w,
        "A rejected petition",
        "Rejected with a public reason.",
        "akimat-75",
        "75",
        "other",
        PetitionStatus::Rejected,
        now - Duration::days(1),
    )
    .await;
    sign(&w, roads, 5, "75", now - Duration::days(2)).await;
    sign(&w, water, 3, "19", now - Duration::hours(1)).await;

    // Most signed first by default; what gathers its supporters is reachable by link only.
    let all = list(&w, ListQuery::default()).await;
    assert_eq!(all.sort, "signed");
    assert_eq!(ids(&all), vec![roads, water, rejected]);
    assert!(!ids(&all).contains(&gathering));
    assert_eq!(all.total, 3);
    assert!(all.ignored.is_empty());
    assert_eq!(all.items[0].count, 5);
    assert_eq!(all.items[1].recent, 3, "signed in the last 24 hours");
    assert_eq!(all.items[0].recent, 0);
    assert!(all.bodies.iter().any(|b| b.slug == "akimat-19"));

    // Each filter.
    assert_eq!(
        ids(&list(&w, query(&[("status", "open")])).await),
        vec![roads, water]
    );
    assert_eq!(
        ids(&list(&w, query(&[("status", "rejected")])).await),
        vec![rejected]
    );
    assert_eq!(
        ids(&list(&w, query(&[("region", "19")])).await),
        vec![water]
    );
    assert_eq!(
        ids(&list(&w, query(&[("region", "75")])).await),
        vec![roads, rejected]
    );
    assert_eq!(
        ids(&list(&w, query(&[("body", "akimat-19")])).await),
        vec![water]
    );
    assert_eq!(
        ids(&list(&w, query(&[("topic", "water")])).await),
        vec![water]
    );
    assert_eq!(
        ids(&list(
            &w,
            query(&[("topic", "roads"), ("region", "75"), ("status", "open")])
        )
        .await),
        vec![roads]
    );

    // Each order.
    assert_eq!(
        ids(&list(&w, query(&[("sort", "trending")])).await)[0],
        water
    );
    assert_eq!(
        ids(&list(&w, query(&[("sort", "newest")])).await),
        vec![rejected, water, roads]
    );
    assert_eq!(
        ids(&list(&w, query(&[("sort", "closing")])).await)[..2],
        [roads, water]
    );

    // Unknown values: ignored, named, never an error.
    let odd = list(
        &w,
        query(&[
            ("status", "gathering"),
            ("region", "999"),
            ("body", "no-such-body"),
            ("topic", "<script>"),
            ("sort", "random()"),
            ("page", "-1"),
        ]),
    )
    .await;
    assert_eq!(
        odd.ignored,
        vec!["status", "region", "body", "topic", "sort", "page"]
    );
    assert_eq!(odd.total, 3);
    assert_eq!(odd.page, 1);

    // Pages: past the end is an empty page that knows the total.
    let past = list(&w, query(&[("page", "7")])).await;
    assert!(past.items.is_empty());
    assert_eq!((past.total, past.page, past.pages), (3, 7, 1));
    assert_eq!(
        list(&w, query(&[("page", "99999999999")])).await.ignored,
        vec!["page"]
    );
}

#[tokio::test]
async fn search_meets_across_scripts_and_takes_any_query() {
    let w = world("disc-search").await;
    let now = Utc::now();
    let kazakh = petition(
        &w,
        "Қазақстан жолдары: Шымкент көшелерін жөндеу",
        "Шымкенттегі көшелер.",
        "akimat-79",
        "79",
        "roads",
        PetitionStatus::Open,
        now,
    )
    .await;
    let russian = petition(
        &w,
        "Освещение улиц в Казахстане",
        "Фонари не горят.",
        "akimat-75",
        "75",
        "other",
        PetitionStatus::Answered,
        now,
    )
    .await;
    let english = petition(
        &w,
        "Bus stops with shelters",
        "Every stop needs a roof.",
        "akimat-75",
        "75",
        "transport",
        PetitionStatus::Open,
        now,
    )
    .await;
    let found = |q: &str| {
        let q = query(&[("q", q)]);
        let w = &w;
        async move { ids(&list(w, q).await) }
    };
    // Kazakh in Latin script finds it in Cyrillic; the variants of its letters too.
    assert_eq!(found("Qazaqstan Shymkent").await, vec![kazakh]);
    assert_eq!(found("shymkent koshelerin").await, vec![kazakh]);
    assert_eq!(
        found("ЖОЛ").await,
        vec![kazakh],
        "a prefix finds the longer word"
    );
    // One spelling of the country finds all three languages' petitions.
    let mut country = found("Kazakhstan").await;
    country.sort_unstable();
    assert_eq!(country, vec![kazakh, russian]);
    assert_eq!(found("kazakhstan улиц").await, vec![russian]);
    // English words and stems by prefix; the text counts, not only the title.
    assert_eq!(found("shelter").await, vec![english]);
    assert_eq!(found("roof").await, vec![english]);
    // Anything at all: results or none, never an error.
    for q in [
        "\"",
        "'; DROP TABLE petitions; --",
        "NEAR(a b)",
        "a OR b AND NOT c*",
        "🚧🚧",
        "日本語",
        "\u{202e}bus",
        "*",
        "^",
        "-",
        "((",
        "'\"",
        &"жол ".repeat(500),
    ] {
        list(&w, query(&[("q", q)])).await;
    }
    assert!(found("🚧").await.is_empty());
    assert_eq!(found("\u{202e}bus").await, vec![english]);
    // With words, the best match leads; with an order asked for, that order.
    assert_eq!(list(&w, query(&[("q", "bus")])).await.sort, "relevance");
    assert_eq!(
        list(&w, query(&[("q", "bus"), ("sort", "newest")]))
            .await
            .sort,
        "newest"
    );

    // The same search suggests similar petitions while filing (any shared word).
    let similar = discovery::similar(&w.test.db, "Shelters at the bus station", now, today())
        .await
        .expect("similar");
    assert_eq!(
        similar.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![english]
    );
    assert!(
        discovery::similar(&w.test.db, "a b", now, today())
            .await
            .expect("similar")
            .is_empty()
    );

    // Editing a draft re-indexes it; a search row lost is restored at start.
    sea_orm::ConnectionTrait::execute_unprepared(&w.test.db, "DELETE FROM petition_search")
        .await
        .expect("emptied");
    assert!(found("shelter").await.is_empty());
    assert_eq!(search::index_missing(&w.test.db).await.expect("indexed"), 3);
    assert_eq!(found("shelter").await, vec![english]);
}

#[tokio::test]
async fn signatures_are_counted_by_hour_and_shown_by_day_and_region() {
    let w = world("disc-chart").await;
    let now = Utc::now();
    let id = petition(
        &w,
        "Trees on Abay avenue",
        "Plant them.",
        "akimat-75",
        "75",
        "environment",
        PetitionStatus::Open,
        now - Duration::days(6),
    )
    .await;
    sign(&w, id, 2, "75", now - Duration::days(5)).await;
    let late: Vec<user::Model> = w.signers[2..5].to_vec();
    people::signatures_at(&w.test.db, id, &late, "19", now - Duration::hours(2))
        .await
        .expect("signed");
    counting::fold(&w.test.db, 100_000, now, today())
        .await
        .expect("folded");

    // The fold and the recount agree on the hour of every signature.
    assert_eq!(
        counting::reconcile(&w.test.db, Some(id), now, today())
            .await
            .expect("recounted"),
        0,
        "no drift between the folded hours and the rows"
    );
    let days = discovery::signatures_by_day(&w.test.db, id, true, today())
        .await
        .expect("days");
    assert_eq!(days.iter().map(|(_, n)| n).sum::<u64>(), 5);
    assert_eq!(
        days.last().map(|d| d.0),
        Some(today()),
        "an open petition's chart runs to today"
    );
    assert!(
        days.len() >= 6,
        "days without signatures are in the chart as 0: {days:?}"
    );
    assert_eq!(days.iter().filter(|(_, n)| *n > 0).count(), 2);

    let regions = discovery::signatures_by_region(&w.test.db, id)
        .await
        .expect("regions");
    assert_eq!(regions.len(), 20, "every region, for the map");
    let almaty = regions.iter().find(|r| r.kato == "75").expect("Almaty");
    let region = regions
        .iter()
        .find(|r| r.kato == "19")
        .expect("Almaty region");
    assert_eq!((almaty.count, region.count), (2, 3));
    assert!(almaty.per_10k().is_some_and(|v| v > 0.0));
    assert_eq!(
        regions.iter().find(|r| r.kato == "71").map(|r| r.count),
        Some(0)
    );

    // A withdrawal takes the signature off its hour.
    signature::Entity::update_many()
        .col_expr(signature::Column::WithdrawnAt, Expr::value(now))
        .filter(signature::Column::UserId.eq(late[0].id))
        .exec(&w.test.db)
        .await
        .expect("withdrawn");
    counting::fold(&w.test.db, 100_000, now, today())
        .await
        .expect("folded");
    let recent = discovery::recent_counts(&w.test.db, &[id], now)
        .await
        .expect("recent");
    assert_eq!(recent.get(&id), Some(&2));
}

#[tokio::test]
async fn the_home_page_counts_what_moves() {
    let w = world("disc-home").await;
    let now = Utc::now();
    let open = petition(
        &w,
        "Open one",
        "Text.",
        "akimat-75",
        "75",
        "roads",
        PetitionStatus::Open,
        now,
    )
    .await;
    let answered = petition(
        &w,
        "Answered one",
        "Text.",
        "akimat-75",
        "75",
        "roads",
        PetitionStatus::Answered,
        now,
    )
    .await;
    sign(&w, open, 4, "75", now - Duration::hours(3)).await;
    sign(&w, answered, 2, "75", now - Duration::days(20)).await;
    let table = responsiveness::table(&w.test.db, &ResponsivenessQuery::default(), today())
        .await
        .expect("table");
    let f = discovery::home(&w.test.db, &table, now, today())
        .await
        .expect("home");
    assert_eq!(f.open, 1);
    assert_eq!(f.signatures_week, 4);
    assert_eq!(f.answers_month, 1);
    assert_eq!(
        f.trending.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![open]
    );
    assert_eq!(
        f.answered.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![answered]
    );
}

#[tokio::test]
async fn the_demonstration_loads_once_into_a_new_database_and_never_over_real_data() {
    use app::server::seed::demo::{self, DemoError};
    let test = TestDb::new().await;
    let report = demo::load(&test.db).await.expect("loaded");
    assert_eq!(report.petitions, 36);
    assert!(report.signatures > 500, "{report:?}");
    // Every state a visitor can meet, in the lists and by link.
    for status in [
        PetitionStatus::Gathering,
        PetitionStatus::Open,
        PetitionStatus::UnderConsideration,
        PetitionStatus::Answered,
        PetitionStatus::Closed,
        PetitionStatus::Rejected,
    ] {
        let n = app::server::entities::petition::Entity::find()
            .filter(app::server::entities::petition::Column::Status.eq(status.as_str()))
            .count(&test.db)
            .await
            .expect("counted");
        assert!(n >= 2, "{status:?}: {n}");
    }
    let page = discovery::list(&test.db, &ListQuery::default(), Utc::now(), today())
        .await
        .expect("listed");
    assert!(page.total >= 30 && page.items[0].count > page.items[19].count);
    // In all three languages: a Kazakh, a Russian and an English search each find some.
    for q in ["жол", "дорог", "road"] {
        let found = discovery::list(&test.db, &query(&[("q", q)]), Utc::now(), today())
            .await
            .expect("searched");
        assert!(found.total > 0, "{q}");
    }
    // Loaded once; a second time does nothing.
    assert_eq!(demo::load(&test.db).await.expect("again").petitions, 0);

    // A database with accounts of its own is refused, and left as it was.
    let other = TestDb::new().await;
    people::verified_citizens(&other.db, "real", 1, "75", false)
        .await
        .expect("a real account");
    assert!(matches!(
        demo::load(&other.db).await,
        Err(DemoError::Foreign(1))
    ));
    assert_eq!(
        app::server::testing::count_rows(&other.db, "petitions").await,
        0
    );
}
