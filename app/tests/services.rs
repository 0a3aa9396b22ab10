//! Service tests: the real migrations and seed on a fresh database per test — SQLite, or
//! PostgreSQL when `TEST_DATABASE_URL` is set.

use app::model::{BodyKind, BodyLevel, IdentityGrade, TerritoryKind, ThresholdRule};
use app::server::entities::{body, calendar_day, territory, threshold};
use app::server::services::{ServiceError, bodies, territories};
use app::server::{seed, testing::TestDb};
use chrono::NaiveDate;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseBackend, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

#[tokio::test]
async fn the_test_database_is_the_engine_asked_for() {
    let test = TestDb::new().await;
    let expected = match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => DatabaseBackend::Postgres,
        _ => DatabaseBackend::Sqlite,
    };
    assert_eq!(test.db.get_database_backend(), expected);
    test.drop_database().await;
}

#[tokio::test]
async fn seeding_creates_the_twenty_regions_with_their_akimats_and_maslikhats() {
    let test = TestDb::new().await;
    let regions = territories::list_regions(&test.db)
        .await
        .expect("regions load");
    assert_eq!(regions.len(), 20);
    assert_eq!(
        regions
            .iter()
            .filter(|r| r.kind == TerritoryKind::City)
            .count(),
        3
    );
    for region in &regions {
        let view = territories::region_view(&test.db, &region.kato)
            .await
            .expect("region loads");
        let kinds: Vec<_> = view.bodies.iter().map(|b| b.kind).collect();
        assert!(
            kinds.contains(&BodyKind::Akimat),
            "{} has an akimat",
            region.kato
        );
        assert!(
            kinds.contains(&BodyKind::Maslikhat),
            "{} has a maslikhat",
            region.kato
        );
        assert!(
            kinds.contains(&BodyKind::PublicCouncil),
            "{} has a council",
            region.kato
        );
    }
    test.drop_database().await;
}

#[tokio::test]
async fn seeding_twice_adds_nothing_and_keeps_the_admins_edits() {
    let test = TestDb::new().await;
    let government = threshold::Entity::find()
        .filter(threshold::Column::BodyKind.eq("government"))
        .one(&test.db)
        .await
        .expect("query runs")
        .expect("government threshold seeded");
    let mut edited: threshold::ActiveModel = government.into();
    edited.signatures = Set(Some(40_000));
    edited.update(&test.db).await.expect("admin edit saves");

    let report = seed::reference_data(&test.db)
        .await
        .expect("second seed runs");
    assert!(
        !report.added_anything(),
        "nothing new on a second run: {report:?}"
    );
    let view = bodies::body_view(&test.db, "government")
        .await
        .expect("government loads");
    assert_eq!(view.threshold.map(|t| t.signatures), Some(40_000));
    test.drop_database().await;
}

#[tokio::test]
async fn a_region_page_shows_names_in_three_languages_and_its_population() {
    let test = TestDb::new().await;
    let view = territories::region_view(&test.db, "11")
        .await
        .expect("Akmola loads");
    assert_eq!(view.region.names.kk, "Ақмола облысы");
    assert_eq!(view.region.names.ru, "Акмолинская область");
    assert_eq!(view.region.names.en, "Akmola Region");
    let centre = view.region.centre.expect("an oblast has a centre");
    assert_eq!(
        (centre.kk.as_str(), centre.ru.as_str(), centre.en.as_str()),
        ("Көкшетау", "Кокшетау", "Kokshetau")
    );
    assert!(view.population.is_some_and(|p| p.count > 100_000));
    let abai = territories::region_view(&test.db, "10")
        .await
        .expect("Abai loads");
    assert_eq!(abai.valid_from, NaiveDate::from_ymd_opt(2022, 6, 8));
    test.drop_database().await;
}

#[tokio::test]
async fn an_unknown_region_or_body_is_not_found() {
    let test = TestDb::new().await;
    assert!(matches!(
        territories::region_view(&test.db, "999").await,
        Err(ServiceError::NotFound)
    ));
    // The country is a territory but not a region.
    assert!(matches!(
        territories::region_view(&test.db, seed::COUNTRY_CODE).await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        bodies::body_view(&test.db, "no-such-body").await,
        Err(ServiceError::NotFound)
    ));
    test.drop_database().await;
}

#[tokio::test]
async fn a_regional_akimat_needs_one_percent_of_the_population() {
    let test = TestDb::new().await;
    let view = bodies::body_view(&test.db, "akimat-75")
        .await
        .expect("Almaty akimat loads");
    assert_eq!(view.body.kind, BodyKind::Akimat);
    assert_eq!(view.body.level, BodyLevel::Regional);
    assert_eq!(view.body.names.ru, "Акимат города Алматы");
    let threshold = view.threshold.expect("akimats take petitions");
    let ThresholdRule::PercentOfPopulation {
        basis_points,
        population,
        ..
    } = threshold.rule
    else {
        panic!("a regional akimat's threshold is a share of the population");
    };
    assert_eq!(basis_points, 100);
    assert_eq!(threshold.signatures, population.div_ceil(100));
    assert_eq!(threshold.required_grade, IdentityGrade::IinChecked);
    let maslikhat = bodies::body_view(&test.db, "maslikhat-75")
        .await
        .expect("maslikhat loads");
    assert_eq!(
        maslikhat.threshold.map(|t| t.signatures),
        Some(population.div_ceil(50)),
        "a regional maslikhat needs 2%"
    );
    test.drop_database().await;
}

#[tokio::test]
async fn the_government_needs_fifty_thousand_and_oversees_ministries() {
    let test = TestDb::new().await;
    let view = bodies::body_view(&test.db, "government")
        .await
        .expect("government loads");
    assert_eq!(view.threshold.as_ref().map(|t| t.signatures), Some(50_000));
    assert_eq!(view.threshold.map(|t| t.rule), Some(ThresholdRule::Fixed));
    assert_eq!(view.territory.kind, TerritoryKind::Country);
    assert!(view.children.iter().any(|b| b.slug == "ministry-health"));
    assert!(view.children.iter().any(|b| b.slug == "akimat-11"));
    test.drop_database().await;
}

#[tokio::test]
async fn a_public_council_is_attached_to_its_body_and_takes_no_petitions() {
    let test = TestDb::new().await;
    let akimat = bodies::body_view(&test.db, "akimat-11")
        .await
        .expect("akimat loads");
    let council = akimat.council.expect("the akimat has a public council");
    assert_eq!(council.kind, BodyKind::PublicCouncil);
    let council_view = bodies::body_view(&test.db, &council.slug)
        .await
        .expect("council loads");
    assert_eq!(
        council_view.parent.map(|p| p.slug),
        Some("akimat-11".to_owned())
    );
    assert!(council_view.threshold.is_none());
    test.drop_database().await;
}

#[tokio::test]
async fn the_schema_refuses_a_second_unit_with_the_same_kato_code() {
    let test = TestDb::new().await;
    let duplicate = territory::ActiveModel {
        kato: Set("11".into()),
        kind: Set("oblast".into()),
        parent_id: Set(None),
        name_kk: Set("x".into()),
        name_ru: Set("x".into()),
        name_en: Set("x".into()),
        centre_en: Set(None),
        centre_kk: Set(None),
        centre_ru: Set(None),
        code_checked: Set(false),
        valid_from: Set(None),
        valid_to: Set(None),
        ..Default::default()
    };
    assert!(duplicate.insert(&test.db).await.is_err());
    test.drop_database().await;
}

/// A body row to insert directly, bypassing the services (to test the schema's own checks).
fn a_body(slug: &str, kind: &str, level: &str, territory_id: i32) -> body::ActiveModel {
    body::ActiveModel {
        slug: Set(slug.into()),
        kind: Set(kind.into()),
        level: Set(level.into()),
        parent_id: Set(None),
        territory_id: Set(territory_id),
        name_kk: Set("x".into()),
        name_ru: Set("x".into()),
        name_en: Set("x".into()),
        valid_from: Set(None),
        valid_to: Set(None),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_schema_refuses_unknown_kinds_and_half_set_thresholds() {
    let test = TestDb::new().await;
    let country = territory::Entity::find()
        .filter(territory::Column::Kato.eq(seed::COUNTRY_CODE))
        .one(&test.db)
        .await
        .expect("query runs")
        .expect("country seeded");
    let bad_body = a_body("bad", "castle", "national", country.id);
    assert!(
        bad_body.insert(&test.db).await.is_err(),
        "unknown body kind refused"
    );
    let both = threshold::ActiveModel {
        body_kind: Set("quasi_public".into()),
        level: Set("national".into()),
        signatures: Set(Some(100)),
        percent_basis_points: Set(Some(100)),
        required_grade: Set("email_verified".into()),
        ..Default::default()
    };
    assert!(
        both.insert(&test.db).await.is_err(),
        "fixed and percent at once refused"
    );
    let orphan = a_body("orphan", "akimat", "district", 999_999);
    assert!(
        orphan.insert(&test.db).await.is_err(),
        "a body needs a real territory"
    );
    test.drop_database().await;
}

#[tokio::test]
async fn the_holiday_calendar_has_transferred_days_off() {
    let test = TestDb::new().await;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("real date");
    let kind_of = async |date| {
        calendar_day::Entity::find()
            .filter(calendar_day::Column::Day.eq(date))
            .one(&test.db)
            .await
            .expect("query runs")
            .map(|d| d.kind)
    };
    assert_eq!(kind_of(day(2026, 3, 22)).await.as_deref(), Some("holiday"));
    assert_eq!(
        kind_of(day(2026, 3, 24)).await.as_deref(),
        Some("transferred_day_off")
    );
    assert_eq!(kind_of(day(2026, 3, 27)).await, None);
    let holidays_2026 = calendar_day::Entity::find()
        .filter(calendar_day::Column::Day.gte(day(2026, 1, 1)))
        .filter(calendar_day::Column::Day.lte(day(2026, 12, 31)))
        .count(&test.db)
        .await
        .expect("count runs");
    assert_eq!(
        holidays_2026,
        15 + 6,
        "15 holidays and 6 transferred days off in 2026"
    );
    test.drop_database().await;
}

#[tokio::test]
async fn every_migration_rolls_back_and_applies_again() {
    let test = TestDb::empty().await;
    Migrator::up(&test.db, None).await.expect("up");
    Migrator::down(&test.db, None).await.expect("down");
    Migrator::up(&test.db, None).await.expect("up again");
    let report = seed::reference_data(&test.db)
        .await
        .expect("seed after re-migration");
    assert_eq!(report.territories, 21, "20 regions and the country");
    test.drop_database().await;
}

#[tokio::test]
async fn the_seeded_calendar_and_terms_drive_the_deadline_engine() {
    use app::server::services::deadlines::{self, Term, Unit};
    let test = TestDb::new().await;
    let calendar = deadlines::calendar(&test.db).await.expect("calendar loads");
    let moderation = deadlines::term(&test.db, "petition_moderation", "regional")
        .await
        .expect("term");
    assert_eq!(
        moderation,
        Term {
            amount: 20,
            unit: Unit::WorkingDays
        }
    );
    let collection = deadlines::term(&test.db, "collection_period", "district")
        .await
        .expect("term");
    assert_eq!(
        collection,
        Term {
            amount: 6,
            unit: Unit::Months
        }
    );
    // One working day after Friday 20 March 2026 is Thursday 26 March: Nauryz and its two
    // transferred days off come between.
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("real date");
    let one = Term {
        amount: 1,
        unit: Unit::WorkingDays,
    };
    assert_eq!(calendar.due_date(day(3, 20), one), day(3, 26));
    assert!(matches!(
        deadlines::term(&test.db, "no_such_clock", "any").await,
        Err(ServiceError::NotFound)
    ));
    test.drop_database().await;
}
