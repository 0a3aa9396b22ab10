//! Administration without SQL (issue 17) on a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): every refusal, the record of each change, optimistic locking, a new
//! threshold that leaves open petitions alone, and a holiday that moves a running deadline.

use app::model::{
    BodyKind, BodyLevel, CalendarDayView, ChangeSubject, DayKind, IdentityGrade, Names,
    RecordedValue, Role, ThresholdSetting,
};
use app::server::entities::{admin_change, calendar_day, petition, threshold};
use app::server::services::administration::bodies;
use app::server::services::{ActionError, administration as admin, cases, deadlines, today};
use app::server::testing::{TestDb, people};
use chrono::{Datelike, NaiveDate, Utc, Weekday};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

fn invalid<T: std::fmt::Debug>(result: Result<T, ActionError>, key: &str) {
    match result {
        Err(ActionError::Invalid { key: k, .. }) => assert_eq!(k, key),
        other => panic!("expected invalid {key}, got {other:?}"),
    }
}

fn changed_meanwhile<T: std::fmt::Debug>(result: Result<T, ActionError>) {
    match result {
        Err(ActionError::Refused(k)) => assert_eq!(k, "admin-changed-meanwhile"),
        other => panic!("expected a stale-version refusal, got {other:?}"),
    }
}

async fn records(db: &DatabaseConnection) -> u64 {
    admin_change::Entity::find()
        .count(db)
        .await
        .expect("counts")
}

async fn regional_akimat(db: &DatabaseConnection) -> threshold::Model {
    threshold::Entity::find()
        .filter(threshold::Column::BodyKind.eq("akimat"))
        .filter(threshold::Column::Level.eq("regional"))
        .one(db)
        .await
        .expect("reads")
        .expect("seeded")
}

fn fixed(n: u64) -> ThresholdSetting {
    ThresholdSetting {
        signatures: Some(n),
        basis_points: None,
        grade: IdentityGrade::IinChecked,
    }
}

#[tokio::test]
async fn threshold_refusals_change_nothing_and_a_stale_form_is_told() {
    let test = TestDb::new().await;
    let db = &test.db;
    let row = regional_akimat(db).await;
    let now = Utc::now();
    let set =
        |rule: ThresholdSetting| admin::set_threshold(db, None, row.id, row.version, rule, now);
    invalid(set(fixed(0)).await, "threshold-signatures-range");
    invalid(set(fixed(10_000_001)).await, "threshold-signatures-range");
    let percent = |bp: u32| ThresholdSetting {
        signatures: None,
        basis_points: Some(bp),
        grade: IdentityGrade::EmailVerified,
    };
    invalid(set(percent(0)).await, "threshold-percent-range");
    invalid(set(percent(10_001)).await, "threshold-percent-range");
    invalid(
        set(ThresholdSetting {
            signatures: Some(10),
            basis_points: Some(100),
            grade: IdentityGrade::IinChecked,
        })
        .await,
        "threshold-one-rule",
    );
    invalid(
        set(ThresholdSetting {
            signatures: None,
            basis_points: None,
            grade: IdentityGrade::IinChecked,
        })
        .await,
        "threshold-one-rule",
    );
    assert!(matches!(
        admin::set_threshold(db, None, 999_999, 0, fixed(5), now).await,
        Err(ActionError::NotFound)
    ));
    assert_eq!(regional_akimat(db).await, row, "nothing changed");
    assert_eq!(records(db).await, 0, "nothing recorded");

    // Two admins opened the same form; the first saves, the second is told.
    set(percent(10_000)).await.expect("100% is allowed");
    changed_meanwhile(set(fixed(700)).await);
    let now_row = regional_akimat(db).await;
    assert_eq!(now_row.percent_basis_points, Some(10_000));
    assert_eq!(now_row.signatures, None);
    assert_eq!(now_row.version, row.version + 1);
    assert_eq!(records(db).await, 1);
    test.drop_database().await;
}

#[tokio::test]
async fn a_new_threshold_is_on_the_public_record_and_leaves_open_petitions_alone() {
    let test = TestDb::new().await;
    let db = &test.db;
    let p = people::verified_citizens(db, "adm", 3, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    people::grant(db, &p[2].email, Role::Admin, None)
        .await
        .expect("granted");
    let before = people::approved_petition(db, p[0].id, p[1].id, "Before the change")
        .await
        .expect("approved");
    let threshold_of = |id: i32| async move {
        petition::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("reads")
            .expect("exists")
            .threshold
    };
    let old = threshold_of(before).await;
    assert!(
        old.is_some_and(|n| n > 51),
        "seeded: a share of Almaty's population"
    );

    let row = regional_akimat(db).await;
    admin::set_threshold(
        db,
        Some(p[2].id),
        row.id,
        row.version,
        fixed(51),
        Utc::now(),
    )
    .await
    .expect("an admin sets it");
    let after = people::approved_petition(db, p[0].id, p[1].id, "After the change")
        .await
        .expect("approved");
    assert_eq!(
        threshold_of(before).await,
        old,
        "the open petition keeps its number"
    );
    assert_eq!(
        threshold_of(after).await,
        Some(51),
        "a new petition gets the new one"
    );

    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(public.len(), 1);
    let change = &public[0];
    assert_eq!(change.subject, ChangeSubject::Threshold);
    assert_eq!(
        change.threshold_of(),
        Some((BodyKind::Akimat, BodyLevel::Regional))
    );
    assert_eq!(change.actor, None, "the public page names no one");
    assert!(matches!(
        &change.old,
        Some(RecordedValue::Threshold(ThresholdSetting {
            signatures: None,
            basis_points: Some(100),
            ..
        }))
    ));
    assert_eq!(change.new, Some(RecordedValue::Threshold(fixed(51))));
    let all = admin::changes(db, false, None).await.expect("reads");
    assert_eq!(all[0].actor.as_deref(), Some(p[2].display_name.as_str()));

    // The command line goes through the same service, on the record with no one's name.
    admin::set_threshold_of(
        db,
        BodyKind::Akimat,
        BodyLevel::Regional,
        fixed(60),
        Utc::now(),
    )
    .await
    .expect("the fixture sets it");
    let all = admin::changes(db, false, None).await.expect("reads");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].actor, None);
    test.drop_database().await;
}

fn a_day(day: NaiveDate, kind: DayKind) -> CalendarDayView {
    CalendarDayView {
        day,
        kind,
        names: Names {
            kk: "Сынақ күні".into(),
            ru: "Тестовый день".into(),
            en: "Test day".into(),
        },
    }
}

/// The next day from `from` on that is the given weekday.
fn next(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    from.iter_days()
        .find(|d| d.weekday() == weekday)
        .expect("a week has every day")
}

#[tokio::test]
async fn calendar_refusals_change_nothing() {
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let days = calendar_day::Entity::find()
        .count(db)
        .await
        .expect("counts");
    let year = 2031;
    let tuesday = next(
        NaiveDate::from_ymd_opt(year, 3, 1).expect("date"),
        Weekday::Tue,
    );
    let saturday = next(tuesday, Weekday::Sat);
    invalid(
        admin::add_day(db, None, year + 1, a_day(tuesday, DayKind::Holiday), now).await,
        "calendar-day-outside-year",
    );
    invalid(
        admin::add_day(db, None, 2200, a_day(tuesday, DayKind::Holiday), now).await,
        "calendar-day-outside-year",
    );
    invalid(
        admin::add_day(db, None, year, a_day(tuesday, DayKind::WorkingDay), now).await,
        "calendar-working-day-weekday",
    );
    invalid(
        admin::add_day(
            db,
            None,
            year,
            a_day(saturday, DayKind::TransferredDayOff),
            now,
        )
        .await,
        "calendar-transferred-weekend",
    );
    let mut unnamed = a_day(tuesday, DayKind::Holiday);
    unnamed.names.ru = " \t".into();
    invalid(
        admin::add_day(db, None, year, unnamed, now).await,
        "admin-name-empty",
    );
    let mut long = a_day(tuesday, DayKind::Holiday);
    long.names.kk = "ә".repeat(201);
    invalid(
        admin::add_day(db, None, year, long, now).await,
        "admin-name-too-long",
    );
    assert_eq!(
        calendar_day::Entity::find()
            .count(db)
            .await
            .expect("counts"),
        days
    );
    assert_eq!(records(db).await, 0);

    admin::add_day(db, None, year, a_day(tuesday, DayKind::Holiday), now)
        .await
        .expect("a holiday on a Tuesday");
    admin::add_day(db, None, year, a_day(saturday, DayKind::WorkingDay), now)
        .await
        .expect("a working Saturday");
    invalid(
        admin::add_day(db, None, year, a_day(tuesday, DayKind::Holiday), now).await,
        "calendar-day-taken",
    );
    let shown = admin::calendar_year(db, year).await.expect("reads");
    assert_eq!(
        shown.days.iter().map(|d| d.day).collect::<Vec<_>>(),
        [tuesday, saturday]
    );
    admin::remove_day(db, None, saturday, now)
        .await
        .expect("removed");
    changed_meanwhile(admin::remove_day(db, None, saturday, now).await);
    assert_eq!(records(db).await, 3, "two additions and a removal");
    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(public[0].item, saturday.to_string());
    assert!(public[0].new.is_none(), "a removal has no after");
    test.drop_database().await;
}

#[tokio::test]
async fn a_year_is_filled_from_the_one_before_without_its_movable_days() {
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let last_seeded = calendar_day::Entity::find()
        .all(db)
        .await
        .expect("reads")
        .into_iter()
        .map(|d| d.day.year())
        .max()
        .expect("the seed has a calendar");
    let source = admin::calendar_year(db, last_seeded).await.expect("reads");
    let fixed: Vec<_> = source
        .days
        .iter()
        .filter(|d| d.kind == DayKind::Holiday && !d.names.en.contains("Kurban"))
        .collect();
    let target = last_seeded + 1;
    let added = admin::fill_from_previous(db, None, target, now)
        .await
        .expect("fills");
    assert_eq!(added, fixed.len());
    let filled = admin::calendar_year(db, target).await.expect("reads");
    assert!(filled.days.iter().all(|d| d.kind == DayKind::Holiday));
    assert!(!filled.days.iter().any(|d| d.names.en.contains("Kurban")));
    assert!(
        filled
            .days
            .iter()
            .any(|d| (d.day.month(), d.day.day()) == (12, 16)),
        "Independence Day is copied"
    );
    // Filling again adds nothing; a year whose year before is empty has nothing to copy.
    assert_eq!(
        admin::fill_from_previous(db, None, target, now)
            .await
            .expect("runs"),
        0
    );
    invalid(
        admin::fill_from_previous(db, None, 2090, now).await,
        "calendar-nothing-to-copy",
    );
    test.drop_database().await;
}

#[tokio::test]
async fn a_holiday_on_a_cases_last_day_moves_it_to_the_next_working_day() {
    let test = TestDb::new().await;
    let db = &test.db;
    let p = people::verified_citizens(db, "hol", 2, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    let (_, case) = people::registered_petition(db, p[0].id, p[1].id, "A road", today())
        .await
        .expect("registered");
    let due = case.due_on;
    admin::add_day(
        db,
        None,
        due.year(),
        a_day(due, DayKind::Holiday),
        Utc::now(),
    )
    .await
    .expect("a holiday on the last day");
    cases::clock::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps");
    let moved = cases::find(db, case.id).await.expect("exists");
    let calendar = deadlines::calendar(db).await.expect("reads");
    let next_working = due
        .iter_days()
        .skip(1)
        .find(|d| calendar.is_working_day(*d))
        .expect("a working day follows");
    assert_eq!(moved.due_on, next_working);
    assert!(moved.due_on > due);
    // Removing the holiday again brings the deadline back.
    admin::remove_day(db, None, due, Utc::now())
        .await
        .expect("removed");
    cases::clock::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps");
    assert_eq!(cases::find(db, case.id).await.expect("exists").due_on, due);
    test.drop_database().await;
}

#[tokio::test]
async fn setting_refusals_and_ranges() {
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let listed = admin::settings(db).await.expect("reads");
    assert!(listed.iter().any(|s| s.key == "signing_per_ip_hour"));
    assert!(
        listed
            .iter()
            .any(|s| s.key.starts_with("inquiry_answer_days:")),
        "each maslikhat's inquiry term"
    );
    let version = |key: &str| {
        listed
            .iter()
            .find(|s| s.key == key)
            .expect("listed")
            .version
    };
    let set = |key: &'static str, value: &'static str| {
        admin::set_setting(db, None, key, Some(version(key)), value, now)
    };
    invalid(
        set("signer_data_retention_months", "0").await,
        "setting-out-of-range",
    );
    invalid(
        set("signer_data_retention_months", "121").await,
        "setting-out-of-range",
    );
    invalid(
        set("signer_data_retention_months", "six").await,
        "setting-not-a-number",
    );
    invalid(
        set("signer_data_retention_months", "-1").await,
        "setting-not-a-number",
    );
    invalid(
        set("signer_data_retention_months", "99999999999999999999999").await,
        "setting-not-a-number",
    );
    invalid(
        set("council_quorum_numerator", "4").await,
        "setting-quorum-over-one",
    );
    invalid(
        set("council_quorum_denominator", "1").await,
        "setting-quorum-over-one",
    );
    assert!(matches!(
        admin::set_setting(db, None, "no_such_setting", None, "1", now).await,
        Err(ActionError::NotFound)
    ));
    assert!(matches!(
        admin::set_setting(db, None, "inquiry_answer_days:", None, "1", now).await,
        Err(ActionError::NotFound)
    ));
    assert_eq!(records(db).await, 0);

    set("signer_data_retention_months", " 12 ")
        .await
        .expect("in range");
    changed_meanwhile(set("signer_data_retention_months", "24").await);
    let now_listed = admin::settings(db).await.expect("reads");
    let retention = now_listed
        .iter()
        .find(|s| s.key == "signer_data_retention_months")
        .expect("listed");
    assert_eq!(retention.value, "12");
    // Retention is not a rule citizens are held to: on the admins' record only.
    assert!(
        admin::changes(db, true, None)
            .await
            .expect("reads")
            .is_empty()
    );
    assert_eq!(
        admin::changes(db, false, None).await.expect("reads").len(),
        1
    );
    // A maslikhat's inquiry term is.
    let term = now_listed
        .iter()
        .find(|s| s.key.starts_with("inquiry_answer_days:"))
        .expect("listed");
    admin::set_setting(db, None, &term.key, Some(term.version), "20", now)
        .await
        .expect("in range");
    assert_eq!(
        admin::changes(db, true, None).await.expect("reads").len(),
        1
    );
    test.drop_database().await;
}

fn names(en: &str) -> Names {
    Names {
        kk: format!("{en} (kk)"),
        ru: format!("{en} (ru)"),
        en: en.into(),
    }
}

#[tokio::test]
async fn territories_are_added_renamed_with_their_history_and_counted() {
    use app::model::TerritoryKind;
    use app::server::services::{administration::territories, territories as places};
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let kinds = TerritoryKind::District;
    // Refusals first: nothing changes.
    for (kato, parent, key) in [
        ("7x", Some("75"), "territory-kato-invalid"),
        ("7", Some("75"), "territory-kato-invalid"),
        ("75", Some("75"), "territory-kato-taken"),
        ("751999", Some("99999"), "territory-parent-unknown"),
        ("751999", None, "territory-parent-unknown"),
    ] {
        invalid(
            territories::add(db, None, kato, kinds, parent, names("Nowhere"), None, now).await,
            key,
        );
    }
    let mut unnamed = names("Nowhere");
    unnamed.kk = "  ".into();
    invalid(
        territories::add(db, None, "751999", kinds, Some("75"), unnamed, None, now).await,
        "admin-name-empty",
    );
    assert_eq!(records(db).await, 0);
    territories::add(
        db,
        None,
        "751999",
        kinds,
        Some("75"),
        names("New district"),
        None,
        now,
    )
    .await
    .expect("added");
    let unit = territories::territory(db, "751999").await.expect("reads");
    assert_eq!(unit.parent.as_ref().map(|p| p.kato.as_str()), Some("75"));

    // Renamed from 1 March: the old name is kept until the last day of February.
    let region = territories::territory(db, "75").await.expect("reads");
    let old = region.territory.names.clone();
    let march = NaiveDate::from_ymd_opt(today().year(), 3, 1).expect("date");
    let first = march;
    invalid(
        territories::rename(db, None, "75", &region.stamp, old.clone(), first, now).await,
        "territory-name-same",
    );
    changed_meanwhile(
        territories::rename(db, None, "75", "stale", names("Alma"), first, now).await,
    );
    territories::rename(db, None, "75", &region.stamp, names("Alma"), first, now)
        .await
        .expect("renamed");
    let renamed = territories::territory(db, "75").await.expect("reads");
    assert_eq!(renamed.territory.names.en, "Alma");
    assert_eq!(renamed.former_names.len(), 1);
    assert_eq!(renamed.former_names[0].names, old);
    assert_eq!(
        renamed.former_names[0].valid_to,
        first.pred_opt().expect("date")
    );
    // The same form again is stale; a date not after the last renaming is refused.
    changed_meanwhile(
        territories::rename(db, None, "75", &region.stamp, names("Almaty"), first, now).await,
    );
    invalid(
        territories::rename(db, None, "75", &renamed.stamp, names("Almaty"), first, now).await,
        "territory-rename-date",
    );
    // The region's public page shows the old name with its last day.
    let page = places::region_view(db, "75").await.expect("reads");
    assert_eq!(page.region.names.en, "Alma");
    assert_eq!(page.former_names.len(), 1);
    assert_eq!(page.former_names[0].names.en, old.en);

    invalid(
        territories::set_validity(
            db,
            None,
            "751999",
            &unit.stamp,
            Some(march),
            march.pred_opt(),
            now,
        )
        .await,
        "territory-validity-order",
    );

    // Population: refusals, then a figure on the public record that the threshold follows.
    for (year, count, source, key) in [
        (1989, 10, "Stat", "population-year-range"),
        (today().year() + 2, 10, "Stat", "population-year-range"),
        (2025, 0, "Stat", "population-count-range"),
        (2025, 100_000_001, "Stat", "population-count-range"),
        (2025, 10, " ", "population-source-empty"),
    ] {
        invalid(
            territories::set_population(db, None, "751999", year, count, source, now).await,
            key,
        );
    }
    let public_before = admin::changes(db, true, None).await.expect("reads").len();
    territories::set_population(
        db,
        None,
        "751999",
        2025,
        12_345,
        "Bureau of National Statistics",
        now,
    )
    .await
    .expect("counted");
    let shown = territories::territory(db, "751999").await.expect("reads");
    assert_eq!(shown.populations[0].count, 12_345);
    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(public.len(), public_before + 1);
    assert_eq!(public[0].subject, ChangeSubject::Population);
    assert_eq!(public[0].item, "751999/2025");
    // Renames and additions are on the admins' record only.
    let all = admin::changes(db, false, None).await.expect("reads");
    assert!(
        all.iter()
            .any(|c| c.subject == ChangeSubject::Territory && c.item == "75")
    );
    test.drop_database().await;
}

fn new_body(slug: &str, kind: BodyKind, level: BodyLevel, parent: &str) -> bodies::NewBody {
    bodies::NewBody {
        slug: slug.into(),
        kind,
        level,
        parent: Some(parent.into()),
        territory: "75".into(),
        names: names(slug),
        valid_from: None,
    }
}

async fn stamp_of(db: &DatabaseConnection, slug: &str) -> String {
    bodies::body(db, slug).await.expect("reads").stamp
}

#[tokio::test]
async fn body_refusals_change_nothing_and_a_stale_form_is_told() {
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let before = records(db).await;
    let district = |slug: &str| new_body(slug, BodyKind::Akimat, BodyLevel::District, "akimat-75");
    invalid(
        bodies::add(db, None, district("Bad Slug"), now).await,
        "body-slug-invalid",
    );
    invalid(
        bodies::add(db, None, district("a--b"), now).await,
        "body-slug-invalid",
    );
    invalid(
        bodies::add(db, None, district("akimat-75"), now).await,
        "body-slug-taken",
    );
    let mut nowhere = district("akimat-nowhere");
    nowhere.territory = "999999".into();
    invalid(
        bodies::add(db, None, nowhere, now).await,
        "body-territory-unknown",
    );
    let mut orphan = district("akimat-orphan");
    orphan.parent = None;
    invalid(
        bodies::add(db, None, orphan, now).await,
        "body-parent-unknown",
    );
    let mut unnamed = district("akimat-unnamed");
    unnamed.names.ru = "  ".into();
    invalid(
        bodies::add(db, None, unnamed, now).await,
        "admin-name-empty",
    );
    assert_eq!(records(db).await, before, "a refusal records nothing");

    bodies::add(db, None, district("akimat-75-child"), now)
        .await
        .expect("added");
    assert_eq!(records(db).await, before + 1);
    // A body cannot go under itself or under a body below it.
    let stamp = stamp_of(db, "akimat-75").await;
    invalid(
        bodies::move_to(db, None, "akimat-75", &stamp, "akimat-75-child", now).await,
        "body-parent-cycle",
    );
    invalid(
        bodies::move_to(db, None, "akimat-75", &stamp, "akimat-75", now).await,
        "body-parent-cycle",
    );
    invalid(
        bodies::move_to(db, None, "akimat-75", &stamp, "no-such-body", now).await,
        "body-parent-unknown",
    );
    invalid(
        bodies::move_to(db, None, "akimat-75", &stamp, "", now).await,
        "body-parent-unknown",
    );
    // Renaming: the same name, a date before the body's last renaming.
    let child = stamp_of(db, "akimat-75-child").await;
    invalid(
        bodies::rename(
            db,
            None,
            "akimat-75-child",
            &child,
            names("akimat-75-child"),
            today(),
            now,
        )
        .await,
        "body-name-same",
    );
    // A minimum only for councils, and within range.
    invalid(
        bodies::set_minimum(db, None, "akimat-75-child", &child, Some(9), now).await,
        "body-not-council",
    );
    invalid(
        bodies::set_minimum(db, None, "akimat-75-child", &child, Some(0), now).await,
        "council-minimum-range",
    );
    // Ending: itself, another kind, a day ahead, bodies still under it.
    let end = |slug: &'static str, stamp: String, to: &'static str, on: NaiveDate| async move {
        bodies::end(db, None, slug, &stamp, to, on, now).await
    };
    invalid(
        end("akimat-75-child", child.clone(), "akimat-75-child", today()).await,
        "body-successor-self",
    );
    invalid(
        end("akimat-75-child", child.clone(), "maslikhat-75", today()).await,
        "body-successor-kind",
    );
    invalid(
        end("akimat-75-child", child.clone(), "no-such-body", today()).await,
        "body-successor-unknown",
    );
    invalid(
        end(
            "akimat-75-child",
            child.clone(),
            "akimat-71",
            today().succ_opt().expect("tomorrow"),
        )
        .await,
        "body-end-date",
    );
    invalid(
        end("akimat-75", stamp.clone(), "akimat-71", today()).await,
        "body-has-children",
    );
    assert_eq!(records(db).await, before + 1, "refusals record nothing");
    // Two admins: the second form's stamp is stale once the first has renamed the body.
    bodies::rename(
        db,
        None,
        "akimat-75-child",
        &child,
        names("Renamed akimat"),
        today(),
        now,
    )
    .await
    .expect("renamed");
    changed_meanwhile(
        bodies::rename(
            db,
            None,
            "akimat-75-child",
            &child,
            names("Another"),
            today(),
            now,
        )
        .await,
    );
    changed_meanwhile(end("akimat-75-child", child, "akimat-71", today()).await);
    let again = stamp_of(db, "akimat-75-child").await;
    invalid(
        bodies::rename(
            db,
            None,
            "akimat-75-child",
            &again,
            names("Too early"),
            today().pred_opt().expect("yesterday"),
            now,
        )
        .await,
        "body-rename-date",
    );
    test.drop_database().await;
}

#[tokio::test]
async fn an_ended_body_hands_its_open_cases_and_petitions_to_its_successor() {
    use app::model::{EventKind, PetitionStatus};
    use app::server::entities::{case, role_grant, timeline_event};
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    for slug in ["akimat-old", "akimat-new"] {
        bodies::add(
            db,
            None,
            new_body(slug, BodyKind::Akimat, BodyLevel::District, "akimat-75"),
            now,
        )
        .await
        .expect("added");
    }
    let p = people::verified_citizens(db, "end", 3, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("moderator");
    people::grant(db, &p[2].email, Role::Official, Some("akimat-old"))
        .await
        .expect("official");
    let registered_on = today() - chrono::Days::new(10);
    let (registered, old_case) = people::registered_petition_to(
        db,
        p[0].id,
        p[1].id,
        "A bridge",
        "akimat-old",
        "75",
        registered_on,
    )
    .await
    .expect("registered");
    let gathering =
        people::approved_petition_to(db, p[0].id, p[1].id, "A park", "akimat-old", "75")
            .await
            .expect("approved");
    let before = records(db).await;

    let stamp = stamp_of(db, "akimat-old").await;
    let moved = bodies::end(
        db,
        Some(p[1].id),
        "akimat-old",
        &stamp,
        "akimat-new",
        today(),
        now,
    )
    .await
    .expect("ended");
    assert_eq!((moved.cases, moved.petitions, moved.roles), (1, 2, 1));

    // The old case ended as handed over; the successor's case runs on the same clock.
    let old = cases::find(db, old_case.id).await.expect("exists");
    assert_eq!(old.state, "forwarded");
    let new = case::Entity::find()
        .filter(case::Column::ForwardedFromId.eq(old_case.id))
        .one(db)
        .await
        .expect("reads")
        .expect("the successor opened a case");
    let successor = bodies::body(db, "akimat-new").await.expect("reads");
    assert_eq!(new.state, "awaiting_answer");
    assert_eq!(new.origin_id, registered);
    assert_eq!(new.registered_on, old_case.registered_on);
    assert_eq!(
        (new.due_on, new.very_due_on),
        (old_case.due_on, old_case.very_due_on)
    );
    assert_eq!(successor.open_cases, 1);
    let events = |id: i32| async move {
        timeline_event::Entity::find()
            .filter(timeline_event::Column::SubjectKind.eq("case"))
            .filter(timeline_event::Column::SubjectId.eq(id))
            .all(db)
            .await
            .expect("reads")
            .into_iter()
            .map(|e| e.kind)
            .collect::<Vec<_>>()
    };
    assert!(
        events(old.id)
            .await
            .contains(&EventKind::BodyEnded.as_str().to_owned())
    );
    assert_eq!(
        events(new.id).await,
        vec![EventKind::ReceivedFromPredecessor.as_str().to_owned()]
    );
    // A sweep leaves the carried-over due day alone.
    cases::clock::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps");
    assert_eq!(
        cases::find(db, new.id).await.expect("exists").due_on,
        old_case.due_on
    );

    // The petition still gathering is now addressed to the successor.
    let p2 = petition::Entity::find_by_id(gathering)
        .one(db)
        .await
        .expect("reads")
        .expect("exists");
    assert_eq!(p2.body_id, new.body_id);
    assert_eq!(p2.status, PetitionStatus::Gathering.as_str());

    // The official's role ended with the body.
    let grant = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(p[2].id))
        .one(db)
        .await
        .expect("reads")
        .expect("granted");
    assert_eq!(grant.ends_on, Some(today()));

    // The public page says it ended and names the successor; the change is public.
    let page = app::server::services::bodies::body_view(db, "akimat-old")
        .await
        .expect("reads");
    assert_eq!(page.ended_on, Some(today()));
    assert_eq!(page.successor.map(|s| s.slug), Some("akimat-new".into()));
    assert_eq!(records(db).await, before + 1);
    let public = admin::changes(db, true, None).await.expect("reads");
    let change = public.first().expect("a public change");
    assert_eq!(
        (change.subject, change.item.as_str()),
        (ChangeSubject::Body, "akimat-old")
    );
    match &change.new {
        Some(RecordedValue::Body {
            successor,
            valid_to,
            ..
        }) => {
            assert_eq!(successor.as_deref(), Some("akimat-new"));
            assert_eq!(*valid_to, Some(today()));
        }
        other => panic!("expected a body, got {other:?}"),
    }
    // Ended is ended: a second try with a fresh form is refused.
    let stamp = stamp_of(db, "akimat-old").await;
    match bodies::end(db, None, "akimat-old", &stamp, "akimat-new", today(), now).await {
        Err(ActionError::Refused(key)) => assert_eq!(key, "body-ended-already"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    test.drop_database().await;
}

#[tokio::test]
async fn a_renamed_body_keeps_its_history_and_a_council_its_own_minimum() {
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let old_names = bodies::body(db, "akimat-75")
        .await
        .expect("reads")
        .body
        .names;
    let stamp = stamp_of(db, "akimat-75").await;
    bodies::rename(
        db,
        None,
        "akimat-75",
        &stamp,
        names("Akimat of the capital"),
        today(),
        now,
    )
    .await
    .expect("renamed");
    let page = app::server::services::bodies::body_view(db, "akimat-75")
        .await
        .expect("reads");
    assert_eq!(page.body.names.en, "Akimat of the capital");
    let former = page.former_names.last().expect("the old name is kept");
    assert_eq!(former.names, old_names);
    assert_eq!(former.valid_to, today().pred_opt().expect("yesterday"));

    // Moving a body records its new parent.
    bodies::add(
        db,
        None,
        new_body(
            "akimat-mover",
            BodyKind::Akimat,
            BodyLevel::District,
            "akimat-75",
        ),
        now,
    )
    .await
    .expect("added");
    let stamp = stamp_of(db, "akimat-mover").await;
    bodies::move_to(db, None, "akimat-mover", &stamp, "akimat-71", now)
        .await
        .expect("moved");
    let mover = bodies::body(db, "akimat-mover").await.expect("reads");
    assert_eq!(mover.parent.map(|p| p.slug), Some("akimat-71".into()));

    // A council's own minimum counts its vacancies.
    let council = app::server::entities::body::Entity::find()
        .filter(app::server::entities::body::Column::Kind.eq("public_council"))
        .one(db)
        .await
        .expect("reads")
        .expect("a council is seeded");
    let stamp = stamp_of(db, &council.slug).await;
    bodies::set_minimum(db, None, &council.slug, &stamp, Some(15), now)
        .await
        .expect("set");
    let health = app::server::services::councils::health::of_councils(db, &[council.id], today())
        .await
        .expect("reads");
    let h = health.get(&council.id).expect("its health");
    assert_eq!(h.minimum_members, 15);
    assert_eq!(h.vacancies, 15 - h.voting_members.min(15));
    let stamp = stamp_of(db, &council.slug).await;
    bodies::set_minimum(db, None, &council.slug, &stamp, None, now)
        .await
        .expect("back to the setting");
    let health = app::server::services::councils::health::of_councils(db, &[council.id], today())
        .await
        .expect("reads");
    assert_eq!(
        health.get(&council.id).expect("its health").minimum_members,
        7
    );
    test.drop_database().await;
}

fn reason(
    code: &str,
    names: Names,
    hides_text: bool,
    active: bool,
) -> app::server::services::petitions::moderation::ReasonForm {
    app::server::services::petitions::moderation::ReasonForm {
        code: code.into(),
        names,
        scope: app::model::ReasonScope::Petition,
        hides_text,
        active,
    }
}

#[tokio::test]
async fn a_prohibited_topic_added_is_on_the_public_record_and_other_reasons_only_on_the_admins() {
    use app::server::services::petitions::moderation;
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    moderation::save_reason(
        db,
        None,
        reason(
            "prohibited-test-topic",
            names("Calls to seize land"),
            true,
            true,
        ),
        now,
    )
    .await
    .expect("saved");
    moderation::save_reason(
        db,
        None,
        reason("duplicate-test", names("A duplicate"), false, true),
        now,
    )
    .await
    .expect("saved");
    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(public.len(), 1, "only the prohibited topic is public");
    assert_eq!(
        (public[0].subject, public[0].item.as_str()),
        (ChangeSubject::Reason, "prohibited-test-topic")
    );
    assert!(public[0].old.is_none(), "added");
    let all = admin::changes(db, false, None).await.expect("reads");
    assert_eq!(all.len(), 2);
    // Saving it unchanged records nothing; retiring it is on the public record.
    moderation::save_reason(
        db,
        None,
        reason(
            "prohibited-test-topic",
            names("Calls to seize land"),
            true,
            true,
        ),
        now,
    )
    .await
    .expect("saved");
    assert_eq!(records(db).await, 2);
    moderation::save_reason(
        db,
        None,
        reason(
            "prohibited-test-topic",
            names("Calls to seize land"),
            true,
            false,
        ),
        now,
    )
    .await
    .expect("saved");
    let public = admin::changes(db, true, None).await.expect("reads");
    match &public[0].new {
        Some(RecordedValue::Reason { active, .. }) => assert!(!active, "retired"),
        other => panic!("expected a reason, got {other:?}"),
    }
    test.drop_database().await;
}

mod imports_csv {
    use super::*;
    use app::model::{ImportAction, ImportKind};
    use app::server::services::administration::imports;

    fn keys(report: &app::model::ImportReport) -> Vec<(u32, String)> {
        report
            .problems
            .iter()
            .map(|p| (p.line, p.key.clone()))
            .collect()
    }

    #[tokio::test]
    async fn a_wrong_file_is_refused_as_a_whole_with_each_row_and_reason() {
        let test = TestDb::new().await;
        let db = &test.db;
        // A missing column refuses the file at its first line.
        let report = imports::dry_run(
            db,
            ImportKind::Territories,
            b"kato,kind,parent\n751999,district,75\n",
        )
        .await
        .expect("reads");
        assert!(report.problems.iter().any(|p| p.line == 1
            && p.key == "import-missing-column"
            && p.column.as_deref() == Some("name_kk")));
        // An unknown KATO code, a duplicate row, a bad count: each named with its line.
        let csv = "kato;year;population;source\n\
                   75;2025;2 300 000;Bureau of National Statistics\n\
                   999999;2025;5;Bureau\n\
                   75;2025;2 300 001;Bureau\n\
                   71;2025;zero;Bureau\n";
        let report = imports::dry_run(db, ImportKind::Populations, csv.as_bytes())
            .await
            .expect("reads");
        assert_eq!(
            keys(&report),
            vec![
                (3, "import-kato-unknown".to_owned()),
                (4, "import-duplicate".to_owned()),
                (5, "population-count-range".to_owned()),
            ]
        );
        // Staged: kept with its report, and applying it is refused; nothing changed.
        let before = app::server::testing::count_rows(db, "populations").await;
        let id = imports::stage(
            db,
            None,
            ImportKind::Populations,
            "pop.csv",
            csv.as_bytes(),
            Utc::now(),
        )
        .await
        .expect("staged");
        match imports::apply(db, None, id, Utc::now()).await {
            Err(ActionError::Refused(key)) => assert_eq!(key, "import-refused"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(
            app::server::testing::count_rows(db, "populations").await,
            before
        );
        assert_eq!(records(db).await, 0);
        // Not UTF-8; an unknown column; a rename by import; a body made its own ancestor.
        let report = imports::dry_run(
            db,
            ImportKind::Populations,
            b"kato,year,population,source\n75,2025,1,\xff\xfe\n",
        )
        .await
        .expect("reads");
        assert_eq!(keys(&report), vec![(0, "import-not-utf8".to_owned())]);
        let report = imports::dry_run(
            db,
            ImportKind::Populations,
            b"kato,year,population,source,colour\n",
        )
        .await
        .expect("reads");
        assert_eq!(keys(&report), vec![(1, "import-unknown-column".to_owned())]);
        let exported = imports::export(db, ImportKind::Territories)
            .await
            .expect("exports");
        let renamed = exported.replacen("Almaty", "Alma-Ata", 1);
        let report = imports::dry_run(db, ImportKind::Territories, renamed.as_bytes())
            .await
            .expect("reads");
        assert!(
            report.problems.iter().any(|p| p.key == "import-rename"),
            "{report:?}"
        );
        let bodies_csv = imports::export(db, ImportKind::Bodies)
            .await
            .expect("exports");
        let mut lines: Vec<String> = bodies_csv.lines().map(str::to_owned).collect();
        let government = lines
            .iter()
            .position(|l| l.starts_with("government,"))
            .expect("the Government is listed");
        lines[government] = lines[government].replacen("national,,", "national,akimat-75,", 1);
        let report = imports::dry_run(db, ImportKind::Bodies, lines.join("\n").as_bytes())
            .await
            .expect("reads");
        assert!(
            report.problems.iter().any(|p| p.key == "body-parent-cycle"),
            "{report:?}"
        );
        test.drop_database().await;
    }

    #[tokio::test]
    async fn an_export_imports_unchanged_and_a_clean_file_applies_once_on_the_record() {
        let test = TestDb::new().await;
        let db = &test.db;
        for kind in ImportKind::ALL {
            let csv = imports::export(db, *kind).await.expect("exports");
            let report = imports::dry_run(db, *kind, csv.as_bytes())
                .await
                .expect("reads");
            assert!(
                report.problems.is_empty(),
                "{kind:?}: {:?}",
                report.problems
            );
            assert!(
                report.lines.iter().all(|l| l.action == ImportAction::Same),
                "{kind:?}: an export imports unchanged"
            );
        }
        let csv = "kato,kind,parent,name_kk,name_ru,name_en,valid_from,valid_to\n\
                   751910,district,75,Жаңа аудан,Новый район,New District,2026-01-01,\n\
                   75191010,rural_district,751910,Жаңа округ,Новый округ,New Rural District,,\n";
        let id = imports::stage(
            db,
            None,
            ImportKind::Territories,
            "new.csv",
            csv.as_bytes(),
            Utc::now(),
        )
        .await
        .expect("staged");
        let staged = imports::find(db, id).await.expect("reads");
        assert!(
            staged.report.problems.is_empty(),
            "{:?}",
            staged.report.problems
        );
        assert_eq!(staged.report.lines.len(), 2);
        assert!(
            staged
                .report
                .lines
                .iter()
                .all(|l| l.action == ImportAction::Add)
        );
        assert!(
            territories_named(db, "New District").await.is_none(),
            "a dry run changes nothing"
        );
        assert_eq!(
            imports::apply(db, None, id, Utc::now())
                .await
                .expect("applies"),
            2
        );
        let added = territories_named(db, "New District").await.expect("added");
        assert_eq!(added.valid_from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(records(db).await, 2, "each row on the record");
        match imports::apply(db, None, id, Utc::now()).await {
            Err(ActionError::Refused(key)) => assert_eq!(key, "import-applied"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        // A clean file that the tables overtook: applying it is refused, nothing changes.
        let pop = "kato,year,population,source\n751910,2026,41000,Akimat\n";
        let id = imports::stage(
            db,
            None,
            ImportKind::Populations,
            "pop.csv",
            pop.as_bytes(),
            Utc::now(),
        )
        .await
        .expect("staged");
        let unit = territories_named(db, "New District").await.expect("added");
        app::server::services::administration::territories::set_validity(
            db,
            None,
            "751910",
            &app::server::services::administration::territories::stamp(&unit),
            unit.valid_from,
            unit.valid_from,
            Utc::now(),
        )
        .await
        .expect("dated");
        let before = records(db).await;
        // (The unit still exists, so the population file still passes: it applies.)
        assert_eq!(
            imports::apply(db, None, id, Utc::now())
                .await
                .expect("applies"),
            1
        );
        assert_eq!(records(db).await, before + 1);
        let overtaken = "kato,kind,parent,name_kk,name_ru,name_en,valid_from,valid_to\n\
                         751920,district,75,Аудан,Район,Another District,,\n";
        let id = imports::stage(
            db,
            None,
            ImportKind::Territories,
            "late.csv",
            overtaken.as_bytes(),
            Utc::now(),
        )
        .await
        .expect("staged");
        app::server::services::administration::territories::add(
            db,
            None,
            "751920",
            app::model::TerritoryKind::District,
            Some("75"),
            names("Added meanwhile"),
            None,
            Utc::now(),
        )
        .await
        .expect("added meanwhile");
        let before = records(db).await;
        match imports::apply(db, None, id, Utc::now()).await {
            Err(ActionError::Refused(key)) => assert_eq!(key, "import-stale"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(records(db).await, before);
        test.drop_database().await;
    }

    async fn territories_named(
        db: &DatabaseConnection,
        en: &str,
    ) -> Option<app::server::entities::territory::Model> {
        app::server::entities::territory::Entity::find()
            .filter(app::server::entities::territory::Column::NameEn.eq(en))
            .one(db)
            .await
            .expect("reads")
    }
}

#[tokio::test]
async fn a_new_term_applies_to_clocks_started_after_it_and_running_ones_keep_theirs() {
    use app::model::TermUnit;
    use app::server::services::administration::terms;
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let rows = terms::terms(db).await.expect("reads");
    let answer = rows
        .iter()
        .find(|r| r.clock == "petition_answer")
        .expect("seeded")
        .clone();
    // Refusals: nothing changes, nothing recorded.
    let set = |amount: u32, unit: TermUnit, version: i32| {
        terms::set_term(db, None, answer.id, version, amount, unit, now)
    };
    invalid(
        set(0, TermUnit::WorkingDays, answer.version).await,
        "term-amount-range",
    );
    invalid(
        set(731, TermUnit::CalendarDays, answer.version).await,
        "term-amount-range",
    );
    invalid(
        set(25, TermUnit::Months, answer.version).await,
        "term-amount-range",
    );
    changed_meanwhile(set(30, TermUnit::WorkingDays, answer.version + 1).await);
    assert_eq!(records(db).await, 0);

    // A case and a petition in moderation, started under today's terms.
    let p = people::verified_citizens(db, "term", 2, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    let (_, old_case) = people::registered_petition(db, p[0].id, p[1].id, "A square", today())
        .await
        .expect("registered");
    let waiting = people::approved_petition(db, p[0].id, p[1].id, "A fountain")
        .await
        .expect("approved");
    let support_due = |id: i32| async move {
        let model = petition::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("reads")
            .expect("exists");
        let clocks = app::server::services::petitions::Clocks::load(db)
            .await
            .expect("loads");
        clocks
            .view(&model, "regional", today())
            .expect("a running clock")
            .due
    };
    let support_before = support_due(waiting).await;

    // The answer term doubles and initial support gets longer.
    set(80, TermUnit::WorkingDays, answer.version)
        .await
        .expect("saved");
    let support = rows
        .iter()
        .find(|r| r.clock == "initial_support")
        .expect("seeded");
    terms::set_term(
        db,
        None,
        support.id,
        support.version,
        30,
        TermUnit::WorkingDays,
        now,
    )
    .await
    .expect("saved");
    assert_eq!(records(db).await, 2);
    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(public.len(), 2, "terms are public");
    assert_eq!(public[1].item, "petition_answer/any");
    assert_eq!(
        public[1].new,
        Some(RecordedValue::Term {
            amount: 80,
            unit: TermUnit::WorkingDays
        })
    );

    // The running clocks keep their terms, the sweep included.
    cases::clock::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps");
    assert_eq!(
        cases::find(db, old_case.id).await.expect("exists").due_on,
        old_case.due_on
    );
    assert_eq!(support_due(waiting).await, support_before);
    // A case registered now runs by the new term: later than the old one.
    let (_, new_case) = people::registered_petition(db, p[0].id, p[1].id, "A bench", today())
        .await
        .expect("registered");
    assert!(new_case.due_on > old_case.due_on, "80 working days, not 40");
    let fresh = people::approved_petition(db, p[0].id, p[1].id, "A tree")
        .await
        .expect("approved");
    assert!(
        support_due(fresh).await > support_before,
        "30 working days, not 10"
    );
    test.drop_database().await;
}

#[tokio::test]
async fn a_new_initial_support_number_applies_to_petitions_approved_after_it() {
    use app::server::services::petitions;
    let test = TestDb::new().await;
    let db = &test.db;
    let p = people::verified_citizens(db, "sup", 2, "75", true)
        .await
        .expect("people");
    people::grant(db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    let before = people::approved_petition(db, p[0].id, p[1].id, "A playground")
        .await
        .expect("approved");
    invalid(
        admin::set_setting(
            db,
            None,
            "initial_support_signatures",
            None,
            "0",
            Utc::now(),
        )
        .await,
        "setting-out-of-range",
    );
    admin::set_setting(
        db,
        None,
        "initial_support_signatures",
        None,
        "3",
        Utc::now(),
    )
    .await
    .expect("saved");
    let after = people::approved_petition(db, p[0].id, p[1].id, "A library")
        .await
        .expect("approved");
    let needed = |id: i32| async move {
        let model = petition::Entity::find_by_id(id)
            .one(db)
            .await
            .expect("reads")
            .expect("exists");
        petitions::support_needed_of(db, &model)
            .await
            .expect("reads")
    };
    assert_eq!(
        needed(before).await,
        50,
        "approved before: the number it was approved with"
    );
    assert_eq!(needed(after).await, 3, "approved after: the new number");
    let public = admin::changes(db, true, None).await.expect("reads");
    assert_eq!(
        public[0].item, "initial_support_signatures",
        "on the public record"
    );
    test.drop_database().await;
}

fn topic_form(en: &str, local: bool, ministry: &str, active: bool) -> admin::topics::TopicForm {
    admin::topics::TopicForm {
        names: names(en),
        local,
        ministry: ministry.into(),
        position: String::new(),
        active,
    }
}

/// Whether the filing page suggests `slug` for a petition on `topic` in `kato`.
async fn suggests(db: &DatabaseConnection, kato: &str, topic: &str, slug: &str) -> bool {
    use app::server::services::petitions::filing;
    filing::options(db, kato, Some(topic))
        .await
        .expect("options")
        .bodies
        .iter()
        .any(|o| o.suggested && o.body.slug == slug)
}

#[tokio::test]
async fn the_topic_catalogue_is_kept_by_admins_and_filing_follows_it() {
    use app::server::entities::topic;
    use app::server::services::petitions::filing::{self, DraftForm};
    use app::server::services::topics;
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    let before = records(db).await;
    let add = |code: &'static str, form: admin::topics::TopicForm| {
        admin::topics::add(db, None, code, form, now)
    };
    // Refusals: nothing is added, nothing is on the record.
    for code in ["Lighting", "x", "1lighting", "street lighting", ""] {
        invalid(
            add(code, topic_form("Lighting", true, "", true)).await,
            "admin-topic-code-invalid",
        );
    }
    invalid(
        add("roads", topic_form("Roads again", true, "", true)).await,
        "admin-topic-code-taken",
    );
    invalid(
        add("lighting", topic_form("", true, "", true)).await,
        "admin-name-empty",
    );
    invalid(
        add("lighting", topic_form("Lighting", true, "akimat-75", true)).await,
        "admin-topic-ministry-unknown",
    );
    let mut far = topic_form("Lighting", true, "", true);
    far.position = "10001".into();
    invalid(add("lighting", far).await, "admin-topic-position-range");
    assert_eq!(records(db).await, before, "refusals are not recorded");
    assert!(topics::find(db, "lighting").await.expect("reads").is_none());

    // A new local topic is offered at once, last in the lists, and suggests the akimat.
    add(
        "street-lighting",
        topic_form("Street lighting", true, "", true),
    )
    .await
    .expect("added");
    let offered = topics::catalogue(db, false).await.expect("reads");
    assert_eq!(
        offered.last().map(|t| t.code.as_str()),
        Some("street-lighting")
    );
    assert!(suggests(db, "75", "street-lighting", "akimat-75").await);
    // Nationally, a topic without a ministry is the Government's.
    assert!(suggests(db, "KZ", "street-lighting", "government").await);
    assert_eq!(records(db).await, before + 1);

    // A petition filed under it keeps it once it is retired; a new one cannot choose it.
    let p = people::verified_citizens(db, "topic", 1, "75", true)
        .await
        .expect("people");
    let form = |topic: &str| DraftForm {
        title: "Lamps on Abai street".into(),
        summary: "The street is dark.".into(),
        text: "Twelve lamps are out.".into(),
        body_slug: "akimat-75".into(),
        territory_kato: "75".into(),
        topic: topic.into(),
    };
    let draft = filing::save_draft(db, p[0].id, None, &form("street-lighting"), now)
        .await
        .expect("filed under the new topic");
    let added = topics::find(db, "street-lighting")
        .await
        .expect("reads")
        .expect("there");
    changed_meanwhile(
        admin::topics::save(
            db,
            None,
            "street-lighting",
            added.version + 1,
            topic_form("Street lighting", true, "", false),
            now,
        )
        .await,
    );
    admin::topics::save(
        db,
        None,
        "street-lighting",
        added.version,
        topic_form("Street lighting", true, "", false),
        now,
    )
    .await
    .expect("retired");
    assert!(
        !topics::catalogue(db, false)
            .await
            .expect("reads")
            .iter()
            .any(|t| t.code == "street-lighting"),
        "no longer offered"
    );
    assert!(
        topics::catalogue(db, true)
            .await
            .expect("reads")
            .iter()
            .any(|t| t.code == "street-lighting" && !t.active),
        "still in the filters"
    );
    assert!(matches!(
        filing::save_draft(db, p[0].id, None, &form("street-lighting"), now).await,
        Err(app::server::services::petitions::PetitionError::Invalid {
            key: "petition-topic-unknown",
            ..
        })
    ));
    // The draft saved before cannot be submitted under it: its author chooses another topic.
    invalid(
        filing::submit(db, p[0].id, draft, true, now, today())
            .await
            .map_err(|e| match e {
                app::server::services::petitions::PetitionError::Invalid { field, key } => {
                    ActionError::Invalid { field, key }
                }
                other => panic!("expected invalid, got {other:?}"),
            }),
        "petition-topic-unknown",
    );
    let kept = petition::Entity::find_by_id(draft)
        .one(db)
        .await
        .expect("reads")
        .expect("there");
    assert_eq!(kept.topic, "street-lighting");
    let change = admin_change::Entity::find()
        .filter(admin_change::Column::Subject.eq(ChangeSubject::Topic.as_str()))
        .all(db)
        .await
        .expect("reads");
    assert_eq!(change.len(), 2, "added, then retired");
    assert!(
        change.iter().all(|c| !c.public),
        "topics are the admins' record"
    );

    // The schema refuses a topic the catalogue lacks, whatever the caller.
    let raw = sea_orm::Statement::from_string(
        db.get_database_backend(),
        format!("UPDATE petitions SET topic = 'no-such-topic' WHERE id = {draft}"),
    );
    assert!(
        sea_orm::ConnectionTrait::execute_raw(db, raw)
            .await
            .is_err(),
        "an unknown topic is refused by the schema"
    );

    // A ministry chosen for a topic is suggested for it nationally; none means the Government.
    let health = topics::find(db, "health")
        .await
        .expect("reads")
        .expect("seeded");
    assert!(suggests(db, "KZ", "health", "ministry-health").await);
    admin::topics::save(
        db,
        None,
        "health",
        health.version,
        topic_form("Health care", false, "", true),
        now,
    )
    .await
    .expect("saved");
    assert!(suggests(db, "KZ", "health", "government").await);
    assert!(!suggests(db, "KZ", "health", "ministry-health").await);

    // The last topic offered cannot be retired.
    let mut left = topic::Entity::find()
        .filter(topic::Column::Active.eq(true))
        .all(db)
        .await
        .expect("reads");
    let last = left.pop().expect("some");
    for t in left {
        admin::topics::save(
            db,
            None,
            &t.code,
            t.version,
            topic_form(&t.name_en, t.local, "", false),
            now,
        )
        .await
        .expect("retired");
    }
    invalid(
        admin::topics::save(
            db,
            None,
            &last.code,
            last.version,
            topic_form(&last.name_en, last.local, "", false),
            now,
        )
        .await,
        "admin-topic-last",
    );
    test.drop_database().await;
}

#[tokio::test]
async fn a_ministry_ended_hands_its_topics_to_its_successor() {
    use app::server::services::topics;
    let test = TestDb::new().await;
    let db = &test.db;
    let now = Utc::now();
    bodies::add(
        db,
        None,
        new_body(
            "ministry-health-care",
            BodyKind::Ministry,
            BodyLevel::National,
            "government",
        ),
        now,
    )
    .await
    .expect("added");
    // Its council moves first: a body with bodies under it cannot end.
    let council = stamp_of(db, "council-ministry-health").await;
    bodies::move_to(
        db,
        None,
        "council-ministry-health",
        &council,
        "ministry-health-care",
        now,
    )
    .await
    .expect("moved");
    let stamp = stamp_of(db, "ministry-health").await;
    let moved = bodies::end(
        db,
        None,
        "ministry-health",
        &stamp,
        "ministry-health-care",
        today(),
        now,
    )
    .await
    .expect("ended");
    assert_eq!(moved.topics, 1, "health");
    let successor = app::server::entities::body::Entity::find()
        .filter(app::server::entities::body::Column::Slug.eq("ministry-health-care"))
        .one(db)
        .await
        .expect("reads")
        .expect("added");
    assert_eq!(
        topics::find(db, "health")
            .await
            .expect("reads")
            .and_then(|t| t.ministry_id),
        Some(successor.id)
    );
    assert!(suggests(db, "KZ", "health", "ministry-health-care").await);
    test.drop_database().await;
}
