//! Administration without SQL (issue 17) on a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): every refusal, the record of each change, optimistic locking, a new
//! threshold that leaves open petitions alone, and a holiday that moves a running deadline.

use app::model::{
    BodyKind, BodyLevel, CalendarDayView, ChangeSubject, DayKind, IdentityGrade, Names,
    RecordedValue, Role, ThresholdSetting,
};
use app::server::entities::{admin_change, calendar_day, petition, threshold};
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
