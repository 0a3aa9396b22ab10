//! Roles scoped to bodies and dates, on a fresh database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): the one `holds` check, who may manage what, and the history.

use app::i18n::Locale;
use app::model::Role;
use app::server::entities::{body, user};
use app::server::services::{
    accounts::{self, RegisterForm},
    roles::{self, GrantForm, RoleError},
    today,
};
use app::server::testing::TestDb;
use chrono::{Days, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn person(test: &TestDb, email: &str) -> user::Model {
    accounts::register(
        &test.db,
        RegisterForm {
            email: email.into(),
            password: "steppe-wind-over-ulytau".into(),
            display_name: email.split('@').next().unwrap_or_default().into(),
            region_kato: "11".into(),
            language: Locale::En,
        },
    )
    .await
    .expect("registers")
}

/// Two public councils and a maslikhat from the seeded bodies.
async fn bodies(test: &TestDb) -> (body::Model, body::Model, body::Model, body::Model) {
    let of_kind = |kind: &'static str| {
        body::Entity::find()
            .filter(body::Column::Kind.eq(kind))
            .all(&test.db)
    };
    let councils = of_kind("public_council").await.expect("reads");
    let maslikhats = of_kind("maslikhat").await.expect("reads");
    let akimats = of_kind("akimat").await.expect("reads");
    (
        councils[0].clone(),
        councils[1].clone(),
        maslikhats[0].clone(),
        akimats[0].clone(),
    )
}

fn form(email: &str, role: Role, body: Option<&body::Model>, from: NaiveDate) -> GrantForm {
    GrantForm {
        email: email.into(),
        role,
        body_slug: body.map(|b| b.slug.clone()).unwrap_or_default(),
        for_email: String::new(),
        starts_on: from,
        ends_on: None,
    }
}

#[tokio::test]
async fn a_role_is_held_for_its_body_between_its_dates_only() {
    let test = TestDb::new().await;
    let (council_a, council_b, _, _) = bodies(&test).await;
    let secretary = person(&test, "secretary@example.kz").await;
    let day = today();
    let until = day.checked_add_days(Days::new(10)).expect("a date");
    roles::grant(
        &test.db,
        None,
        GrantForm {
            ends_on: Some(until),
            ..form(
                "secretary@example.kz",
                Role::CouncilSecretary,
                Some(&council_a),
                day,
            )
        },
    )
    .await
    .expect("grants");
    let holds = |role, body: Option<i32>, on| roles::holds(&test.db, secretary.id, role, body, on);
    assert!(
        holds(Role::CouncilSecretary, Some(council_a.id), day)
            .await
            .expect("reads")
    );
    assert!(
        holds(Role::CouncilSecretary, Some(council_a.id), until)
            .await
            .expect("reads")
    );
    assert!(
        !holds(Role::CouncilSecretary, Some(council_b.id), day)
            .await
            .expect("reads"),
        "another council"
    );
    assert!(
        !holds(Role::CouncilMember, Some(council_a.id), day)
            .await
            .expect("reads"),
        "another role"
    );
    assert!(!holds(Role::Admin, None, day).await.expect("reads"));
    let after = until.checked_add_days(Days::new(1)).expect("a date");
    let before = day.checked_sub_days(Days::new(1)).expect("a date");
    assert!(
        !holds(Role::CouncilSecretary, Some(council_a.id), after)
            .await
            .expect("reads")
    );
    assert!(
        !holds(Role::CouncilSecretary, Some(council_a.id), before)
            .await
            .expect("reads")
    );
    test.drop_database().await;
}

#[tokio::test]
async fn a_secretary_manages_the_members_of_their_own_council_only() {
    let test = TestDb::new().await;
    let (council_a, council_b, maslikhat, _) = bodies(&test).await;
    let admin = person(&test, "admin@example.kz").await;
    let secretary = person(&test, "secretary@example.kz").await;
    let day = today();
    roles::grant(
        &test.db,
        None,
        form("admin@example.kz", Role::Admin, None, day),
    )
    .await
    .expect("the first admin");
    roles::grant(
        &test.db,
        Some(admin.id),
        form(
            "secretary@example.kz",
            Role::CouncilSecretary,
            Some(&council_a),
            day,
        ),
    )
    .await
    .expect("grants");
    let may = |actor, role, body: &body::Model| {
        roles::may_manage(&test.db, actor, role, Some(body.id), day)
    };
    assert!(
        may(secretary.id, Role::CouncilMember, &council_a)
            .await
            .expect("reads")
    );
    assert!(
        !may(secretary.id, Role::CouncilMember, &council_b)
            .await
            .expect("reads"),
        "the wrong council"
    );
    assert!(
        !may(secretary.id, Role::CouncilSecretary, &council_a)
            .await
            .expect("reads"),
        "the wrong role"
    );
    assert!(
        !may(secretary.id, Role::Deputy, &maslikhat)
            .await
            .expect("reads")
    );
    assert!(
        may(admin.id, Role::Deputy, &maslikhat)
            .await
            .expect("reads")
    );
    assert!(
        !roles::may_manage(&test.db, secretary.id, Role::Admin, None, day)
            .await
            .expect("reads")
    );
    test.drop_database().await;
}

#[tokio::test]
async fn grants_that_do_not_fit_are_refused_with_their_own_message() {
    let test = TestDb::new().await;
    let (council, _, maslikhat, akimat) = bodies(&test).await;
    person(&test, "p@example.kz").await;
    person(&test, "deputy@example.kz").await;
    let day = today();
    let key = |result: Result<_, RoleError>| match result {
        Err(RoleError::Invalid { field, key }) => (field, key),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            form("nobody@example.kz", Role::Moderator, None, day)
        )
        .await),
        ("email", "role-user-unknown")
    );
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            form("p@example.kz", Role::Deputy, Some(&akimat), day)
        )
        .await),
        ("body", "role-body-wrong-kind")
    );
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            form("p@example.kz", Role::Moderator, Some(&council), day)
        )
        .await),
        ("body", "role-body-not-allowed")
    );
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            form("p@example.kz", Role::Official, None, day)
        )
        .await),
        ("body", "role-body-required")
    );
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            GrantForm {
                ends_on: day.checked_sub_days(Days::new(1)),
                ..form("p@example.kz", Role::Official, Some(&akimat), day)
            }
        )
        .await),
        ("ends_on", "role-dates-order")
    );
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            GrantForm {
                for_email: "deputy@example.kz".into(),
                ..form("p@example.kz", Role::DeputyStaff, Some(&maslikhat), day)
            }
        )
        .await),
        ("for_email", "role-deputy-unknown"),
        "staff act for a deputy of that maslikhat"
    );
    roles::grant(
        &test.db,
        None,
        form("deputy@example.kz", Role::Deputy, Some(&maslikhat), day),
    )
    .await
    .expect("a deputy");
    roles::grant(
        &test.db,
        None,
        GrantForm {
            for_email: "deputy@example.kz".into(),
            ..form("p@example.kz", Role::DeputyStaff, Some(&maslikhat), day)
        },
    )
    .await
    .expect("staff for the deputy");
    assert_eq!(
        key(roles::grant(
            &test.db,
            None,
            form("deputy@example.kz", Role::Deputy, Some(&maslikhat), day)
        )
        .await),
        ("email", "role-already-held")
    );
    test.drop_database().await;
}

#[tokio::test]
async fn an_ended_grant_stays_in_the_history_and_stops_counting_after_its_last_day() {
    let test = TestDb::new().await;
    let (_, _, _, akimat) = bodies(&test).await;
    let admin = person(&test, "admin@example.kz").await;
    let official = person(&test, "official@example.kz").await;
    let start = today().checked_sub_days(Days::new(30)).expect("a date");
    let grant = roles::grant(
        &test.db,
        Some(admin.id),
        form("official@example.kz", Role::Official, Some(&akimat), start),
    )
    .await
    .expect("grants");
    let yesterday = today().checked_sub_days(Days::new(1)).expect("a date");
    roles::end(&test.db, admin.id, grant, yesterday)
        .await
        .expect("ends");
    assert!(
        roles::holds(
            &test.db,
            official.id,
            Role::Official,
            Some(akimat.id),
            yesterday
        )
        .await
        .expect("reads")
    );
    assert!(
        !roles::holds(
            &test.db,
            official.id,
            Role::Official,
            Some(akimat.id),
            today()
        )
        .await
        .expect("reads")
    );
    // The seeded deputies hold grants too; the official's is the one looked at.
    let history: Vec<_> = roles::list(&test.db, None, None, today(), true)
        .await
        .expect("lists")
        .into_iter()
        .filter(|g| g.role == Role::Official)
        .collect();
    assert_eq!(history.len(), 1);
    assert!(!history[0].current);
    assert_eq!(history[0].ends_on, Some(yesterday));
    assert_eq!(history[0].ended_by.as_deref(), Some("admin"));
    assert_eq!(history[0].holder_email, "official@example.kz");
    test.drop_database().await;
}
