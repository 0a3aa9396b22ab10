//! Petitions from filing to answer, on a fresh database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): every legal transition and the refusal of illegal ones, signing with
//! its unique keys and limits, folding and reconciliation, thresholds and routing, the deadline
//! sweep, the answer and its rating, bulk invalidation, and concurrency.

use std::sync::Arc;

use app::model::{EventKind, PetitionStatus, RevokeReason, Role};
use app::server::entities::{body, outbox_mail, petition, petition_count, user};
use app::server::services::petitions::{
    self, PetitionError, answers, counting,
    filing::{self, DraftForm},
    fraud,
    moderation::{self, Decision},
    pages,
    signing::{SignOutcome, SignRequest, Signer},
    sweep,
};
use app::server::services::today;
use app::server::testing::{TestDb, people};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set, sea_query::Expr,
};

const REGION: &str = "75"; // Almaty (city)

async fn akimat(db: &DatabaseConnection) -> body::Model {
    body::Entity::find()
        .filter(body::Column::Slug.eq(format!("akimat-{REGION}")))
        .one(db)
        .await
        .expect("reads")
        .expect("the Almaty akimat is seeded")
}

/// Sets the threshold of regional akimats to a fixed number (admin-editable data).
async fn set_threshold(db: &DatabaseConnection, signatures: i32, grade: &str) {
    db.execute_unprepared(&format!(
        "UPDATE thresholds SET signatures = {signatures}, percent_basis_points = NULL, required_grade = '{grade}' \
         WHERE body_kind = 'akimat' AND level = 'regional'"
    ))
    .await
    .expect("threshold set");
}

fn form(title: &str) -> DraftForm {
    DraftForm {
        title: title.into(),
        summary: "Repair the road on Abai Avenue between Baitursynov and Masanchi.".into(),
        text: "The road has potholes.\n\nWe ask the akimat to repair it this summer.".into(),
        body_slug: format!("akimat-{REGION}"),
        territory_kato: REGION.into(),
        topic: "roads".into(),
    }
}

async fn grant(db: &DatabaseConnection, email: &str, role: Role, body: Option<&body::Model>) {
    people::grant(db, email, role, body.map(|b| b.slug.as_str()))
        .await
        .expect("role granted");
}

struct World {
    test: TestDb,
    author: user::Model,
    moderator: user::Model,
    other_moderator: user::Model,
    official: user::Model,
    signer: Signer,
}

async fn world() -> World {
    let test = TestDb::new().await;
    let staff = people::verified_citizens(&test.db, "staff", 4, REGION, true)
        .await
        .expect("people");
    let akimat = akimat(&test.db).await;
    grant(&test.db, &staff[1].email, Role::Moderator, None).await;
    grant(&test.db, &staff[2].email, Role::Moderator, None).await;
    grant(&test.db, &staff[3].email, Role::Official, Some(&akimat)).await;
    let signer = Signer::start(test.db.clone(), Arc::default());
    World {
        author: staff[0].clone(),
        moderator: staff[1].clone(),
        other_moderator: staff[2].clone(),
        official: staff[3].clone(),
        test,
        signer,
    }
}

async fn status(db: &DatabaseConnection, id: i32) -> PetitionStatus {
    let p = petitions::find(db, id).await.expect("exists");
    PetitionStatus::parse(&p.status).expect("known")
}

/// The kinds of a petition's public timeline: its own events and its cases'.
async fn events(db: &DatabaseConnection, id: i32) -> Vec<String> {
    use app::server::services::{cases, timeline};
    let mut subjects = vec![timeline::Subject::Petition(id)];
    for c in cases::all_of_origin(db, app::model::CaseKind::Petition, id)
        .await
        .expect("reads")
    {
        subjects.push(timeline::Subject::Case(c.id));
    }
    timeline::events(db, &subjects)
        .await
        .expect("reads")
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

/// A petition approved by the moderator, gathering support.
async fn approved(w: &World, title: &str) -> i32 {
    let now = Utc::now();
    let id = filing::save_draft(&w.test.db, w.author.id, None, &form(title), now)
        .await
        .expect("draft saved");
    filing::submit(&w.test.db, w.author.id, id, true, now, today())
        .await
        .expect("submitted");
    moderation::decide(
        &w.test.db,
        w.moderator.id,
        id,
        Decision::Approve,
        now,
        today(),
    )
    .await
    .expect("approved");
    id
}

async fn sign(w: &World, user: &user::Model, id: i32) -> Result<SignOutcome, PetitionError> {
    w.signer
        .sign(
            &w.test.db,
            &fresh(&w.test.db, user.id).await,
            SignRequest {
                petition_id: id,
                show_name: true,
                notify: true,
                ip: "10.0.0.1".into(),
            },
            Utc::now(),
            today(),
        )
        .await
}

/// `account` signs `petition_id` from the address `ip` (a future of its own, to run at once with
/// others).
fn sign_from(
    w: &World,
    account: &user::Model,
    petition_id: i32,
    ip: &str,
) -> impl std::future::Future<Output = Result<SignOutcome, PetitionError>> + Send + use<> {
    let (signer, db, account, ip) = (
        w.signer.clone(),
        w.test.db.clone(),
        account.clone(),
        ip.to_owned(),
    );
    async move {
        signer
            .sign(
                &db,
                &account,
                SignRequest {
                    petition_id,
                    show_name: false,
                    notify: false,
                    ip,
                },
                Utc::now(),
                today(),
            )
            .await
    }
}

/// The account as a request would carry it now (tests change grades and fingerprints).
async fn fresh(db: &DatabaseConnection, id: i32) -> user::Model {
    user::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("reads")
        .expect("exists")
}

async fn fold_all(db: &DatabaseConnection) {
    while counting::fold(db, 1_000, Utc::now(), today())
        .await
        .expect("folds")
        .rows
        > 0
    {}
}

/// Sets a platform setting (a number) directly in the database.
async fn set_setting(db: &DatabaseConnection, key: &str, value: u64) {
    db.execute_unprepared(&format!(
        "UPDATE platform_settings SET value = '{value}' WHERE key = '{key}'"
    ))
    .await
    .expect("setting");
}

fn refused(result: Result<impl std::fmt::Debug, PetitionError>, key: &str) {
    match result {
        Err(PetitionError::Refused(k)) => assert_eq!(k, key),
        other => panic!("expected refusal {key}, got {other:?}"),
    }
}

#[tokio::test]
async fn bad_drafts_are_refused_field_by_field_and_nothing_is_saved() {
    let w = world().await;
    let now = Utc::now();
    let cases: Vec<(DraftForm, &str, &str)> = vec![
        (
            DraftForm {
                title: "  ".into(),
                ..form("x")
            },
            "title",
            "petition-title-empty",
        ),
        (
            DraftForm {
                title: "я".repeat(121),
                ..form("x")
            },
            "title",
            "petition-title-long",
        ),
        (
            DraftForm {
                summary: "s".repeat(501),
                ..form("x")
            },
            "summary",
            "petition-summary-long",
        ),
        (
            DraftForm {
                text: "t".repeat(6_001),
                ..form("x")
            },
            "text",
            "petition-text-long",
        ),
        (
            DraftForm {
                body_slug: "no-such-body".into(),
                ..form("x")
            },
            "body",
            "petition-body-unknown",
        ),
        (
            DraftForm {
                body_slug: "council-akimat-75".into(),
                ..form("x")
            },
            "body",
            "petition-body-not-addressable",
        ),
        (
            DraftForm {
                territory_kato: "71".into(),
                ..form("x")
            },
            "body",
            "petition-body-territory",
        ),
        (
            DraftForm {
                topic: "weather".into(),
                ..form("x")
            },
            "topic",
            "petition-topic-unknown",
        ),
    ];
    for (draft, field, key) in cases {
        match filing::save_draft(&w.test.db, w.author.id, None, &draft, now).await {
            Err(PetitionError::Invalid { field: f, key: k }) => assert_eq!((f, k), (field, key)),
            other => panic!("{key}: {other:?}"),
        }
    }
    // 120 Cyrillic characters are within the limit (characters, not bytes).
    filing::save_draft(
        &w.test.db,
        w.author.id,
        None,
        &DraftForm {
            title: "я".repeat(120),
            ..form("x")
        },
        now,
    )
    .await
    .expect("120 characters fit");
    assert_eq!(
        petition::Entity::find()
            .count(&w.test.db)
            .await
            .expect("counts"),
        1
    );

    let unverified = user::Entity::find_by_id(w.author.id)
        .one(&w.test.db)
        .await
        .expect("reads")
        .expect("exists");
    let mut row: user::ActiveModel = unverified.into();
    row.email_verified_at = Set(None);
    row.iin_checked_at = Set(None);
    row.update(&w.test.db).await.expect("updated");
    refused(
        filing::save_draft(&w.test.db, w.author.id, None, &form("y"), now).await,
        "petition-verify-first",
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_petition_goes_from_draft_to_answer_and_every_step_is_on_its_timeline() {
    let w = world().await;
    let db = &w.test.db;
    let akimat = akimat(db).await;
    set_threshold(db, 60, "iin_checked").await;
    let now = Utc::now();
    let html = "<script>alert(1)</script> Fix the road";
    let id = filing::save_draft(db, w.author.id, None, &form(html), now)
        .await
        .expect("saved");
    assert_eq!(status(db, id).await, PetitionStatus::Draft);
    assert_eq!(
        petitions::find(db, id).await.expect("exists").title,
        html,
        "stored as typed; pages escape it"
    );

    // Nobody else sees or edits a draft; it cannot be signed.
    assert!(matches!(
        pages::view(db, id, Some(w.official.id), now, today()).await,
        Err(PetitionError::NotFound)
    ));
    assert!(matches!(
        filing::save_draft(db, w.official.id, Some(id), &form("mine"), now).await,
        Err(PetitionError::NotFound)
    ));
    assert!(matches!(
        sign(&w, &w.official, id).await,
        Err(PetitionError::NotFound)
    ));

    // Submitting needs the prohibited-topics confirmation.
    match filing::submit(db, w.author.id, id, false, now, today()).await {
        Err(PetitionError::Invalid { field, .. }) => assert_eq!(field, "confirm"),
        other => panic!("{other:?}"),
    }
    filing::submit(db, w.author.id, id, true, now, today())
        .await
        .expect("submitted");
    refused(
        filing::submit(db, w.author.id, id, true, now, today()).await,
        "petition-not-draft",
    );
    let view = pages::view(db, id, Some(w.author.id), now, today())
        .await
        .expect("author sees it");
    assert_eq!(view.queue_position, Some(1));
    assert_eq!(
        view.clock.as_ref().map(|c| c.name.as_str()),
        Some("moderation")
    );

    // One moderator claims it; the other can neither claim nor decide while the claim lives.
    moderation::claim(db, w.moderator.id, id, now)
        .await
        .expect("claimed");
    refused(
        moderation::claim(db, w.other_moderator.id, id, now).await,
        "moderation-claimed-by-another",
    );
    refused(
        moderation::decide(
            db,
            w.other_moderator.id,
            id,
            Decision::Approve,
            now,
            today(),
        )
        .await,
        "moderation-claimed-by-another",
    );
    // A claim expires.
    moderation::claim(
        db,
        w.other_moderator.id,
        id,
        now + moderation::CLAIM + Duration::seconds(1),
    )
    .await
    .expect("an expired claim can be taken");
    moderation::claim(db, w.moderator.id, id, now + moderation::CLAIM * 3)
        .await
        .expect("taken back");

    // Returned for changes with a note; the author edits and resubmits.
    match moderation::decide(
        db,
        w.moderator.id,
        id,
        Decision::Return { note: " ".into() },
        now,
        today(),
    )
    .await
    {
        Err(PetitionError::Invalid { field, .. }) => assert_eq!(field, "note"),
        other => panic!("{other:?}"),
    }
    moderation::decide(
        db,
        w.moderator.id,
        id,
        Decision::Return {
            note: "Name the street".into(),
        },
        now,
        today(),
    )
    .await
    .expect("returned");
    assert_eq!(status(db, id).await, PetitionStatus::Draft);
    filing::save_draft(db, w.author.id, Some(id), &form("Repair Abai Avenue"), now)
        .await
        .expect("edited");
    filing::submit(db, w.author.id, id, true, now, today())
        .await
        .expect("resubmitted");
    moderation::decide(db, w.moderator.id, id, Decision::Approve, now, today())
        .await
        .expect("approved");
    refused(
        moderation::decide(db, w.moderator.id, id, Decision::Approve, now, today()).await,
        "moderation-not-in-queue",
    );
    let p = petitions::find(db, id).await.expect("exists");
    assert_eq!(
        (p.threshold, p.required_grade.as_deref()),
        (Some(60), Some("iin_checked"))
    );
    assert_eq!(status(db, id).await, PetitionStatus::Gathering);

    // 50 co-signers open it; the answer clock waits for the threshold.
    let citizens = people::verified_citizens(db, "signer", 70, REGION, true)
        .await
        .expect("people");
    for c in &citizens[..49] {
        assert_eq!(sign(&w, c, id).await.expect("signed"), SignOutcome::Signed);
    }
    fold_all(db).await;
    assert_eq!(
        status(db, id).await,
        PetitionStatus::Gathering,
        "49 are not enough"
    );
    sign(&w, &citizens[49], id).await.expect("signed");
    assert_eq!(
        sign(&w, &citizens[49], id).await.expect("answered"),
        SignOutcome::AlreadySigned
    );
    fold_all(db).await;
    assert_eq!(status(db, id).await, PetitionStatus::Open);
    assert_eq!(
        counting::counts(db, id).await.expect("counts").iin_checked,
        50
    );

    // Withdraw and sign again while open.
    petitions::signing::withdraw(db, citizens[0].id, id, Utc::now())
        .await
        .expect("withdrawn");
    refused(
        petitions::signing::withdraw(db, citizens[0].id, id, Utc::now()).await,
        "withdraw-not-signed",
    );
    fold_all(db).await;
    assert_eq!(
        counting::counts(db, id).await.expect("counts").iin_checked,
        49
    );
    assert_eq!(
        sign(&w, &citizens[0], id).await.expect("again"),
        SignOutcome::Signed
    );

    // The answer is refused before the threshold.
    refused(
        answers::publish(
            db,
            w.official.id,
            id,
            app::model::AnswerDecision::Accepted,
            "Yes",
            now,
        )
        .await,
        "answer-not-awaited",
    );
    for c in &citizens[50..60] {
        sign(&w, c, id).await.expect("signed");
    }
    fold_all(db).await;
    let p = petitions::find(db, id).await.expect("exists");
    assert_eq!(status(db, id).await, PetitionStatus::UnderConsideration);
    assert!(p.threshold_reached_at.is_some() && p.registered_on == Some(today()));
    assert_eq!(
        p.registration_number,
        Some(format!("{}-{id:06}", today().format("%Y")))
    );
    refused(
        petitions::signing::withdraw(db, citizens[1].id, id, Utc::now()).await,
        "withdraw-closed",
    );
    // Still collecting support after registration.
    sign(&w, &citizens[60], id)
        .await
        .expect("signed after the threshold");

    // The official's inbox holds it; the answer goes out with mail to the author and signers.
    let inbox = answers::inbox(db, &[akimat.id], today())
        .await
        .expect("inbox");
    assert_eq!(inbox.iter().map(|p| p.id).collect::<Vec<_>>(), vec![id]);
    answers::publish(
        db,
        w.official.id,
        id,
        app::model::AnswerDecision::PartlyAccepted,
        "We will repair it in June.",
        now,
    )
    .await
    .expect("answered");
    assert_eq!(
        answers::queue_answer_mail(db, id, &w.test.app_state().public_url, now)
            .await
            .expect("queued"),
        1 + 61
    );
    assert_eq!(
        answers::queue_pending_answer_mail(db, &w.test.app_state().public_url, now)
            .await
            .expect("nothing left"),
        0,
        "queued once"
    );
    assert_eq!(status(db, id).await, PetitionStatus::Answered);
    let mails = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Kind.eq("petition_answered"))
        .count(db)
        .await
        .expect("counts");
    assert_eq!(mails, 1 + 61, "the author and every signer who asked");

    // Ratings: 1–5, one per person, the average shows.
    match answers::rate(db, citizens[0].id, id, 6, now).await {
        Err(PetitionError::Invalid { field, .. }) => assert_eq!(field, "rating"),
        other => panic!("{other:?}"),
    }
    answers::rate(db, citizens[0].id, id, 2, now)
        .await
        .expect("rated");
    answers::rate(db, citizens[1].id, id, 5, now)
        .await
        .expect("rated");
    answers::rate(db, citizens[1].id, id, 4, now)
        .await
        .expect("re-rated");
    let view = pages::view(db, id, Some(citizens[0].id), now, today())
        .await
        .expect("view");
    let answer = view.answer.expect("answer shown");
    assert_eq!((answer.average_rating, answer.ratings), (Some(3.0), 2));
    assert_eq!(view.viewer.my_rating, Some(2));

    let kinds = events(db, id).await;
    for kind in [
        EventKind::Submitted,
        EventKind::Returned,
        EventKind::Approved,
        EventKind::SupportReached,
        EventKind::ThresholdReached,
        EventKind::Registered,
        EventKind::Answered,
    ] {
        assert!(
            kinds.contains(&kind.as_str().to_owned()),
            "{kind:?} in {kinds:?}"
        );
    }
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_rejection_has_a_public_reason_and_some_reasons_hide_the_text() {
    let w = world().await;
    let db = &w.test.db;
    let now = Utc::now();
    let id = filing::save_draft(db, w.author.id, None, &form("Spam"), now)
        .await
        .expect("saved");
    filing::submit(db, w.author.id, id, true, now, today())
        .await
        .expect("submitted");
    let reasons = moderation::reasons(db, Some(app::model::ReasonScope::Petition), false)
        .await
        .expect("catalogue");
    let hiding = reasons
        .iter()
        .find(|r| r.code == "offensive")
        .expect("seeded");
    match moderation::decide(
        db,
        w.moderator.id,
        id,
        Decision::Reject {
            reason: 99_999,
            note: String::new(),
        },
        now,
        today(),
    )
    .await
    {
        Err(PetitionError::Invalid { field, .. }) => assert_eq!(field, "reason"),
        other => panic!("{other:?}"),
    }
    moderation::decide(
        db,
        w.moderator.id,
        id,
        Decision::Reject {
            reason: hiding.id,
            note: "Insults".into(),
        },
        now,
        today(),
    )
    .await
    .expect("rejected");
    let view = pages::view(db, id, None, now, today())
        .await
        .expect("public");
    assert_eq!(view.status, PetitionStatus::Rejected);
    assert!(view.hidden && view.text.is_empty() && view.summary.is_empty());
    assert_eq!(view.rejection.map(|r| r.en), Some(hiding.names.en.clone()));
    let last = view.timeline.last().expect("timeline");
    assert_eq!(last.kind, EventKind::Rejected);
    assert_eq!(last.note.as_deref(), Some("Insults"));
    assert!(last.reason.is_some());
    assert!(matches!(
        sign(&w, &w.official, id).await,
        Err(PetitionError::Refused("sign-closed"))
    ));
    w.test.drop_database().await;
}

async fn backdate(db: &DatabaseConnection, id: i32, column: petition::Column, day: NaiveDate) {
    petition::Entity::update_many()
        .col_expr(column, Expr::value(day))
        .filter(petition::Column::Id.eq(id))
        .exec(db)
        .await
        .expect("backdated");
}

#[tokio::test]
async fn the_sweep_lapses_expires_and_marks_overdue_once_even_when_run_twice() {
    let w = world().await;
    let db = &w.test.db;
    set_threshold(db, 2, "email_verified").await;
    let long_ago = today() - Duration::days(400);
    let lapsing = approved(&w, "lapsing").await;
    backdate(db, lapsing, petition::Column::SupportStartedOn, long_ago).await;

    let now = Utc::now();
    let in_moderation = filing::save_draft(db, w.author.id, None, &form("slow"), now)
        .await
        .expect("saved");
    filing::submit(db, w.author.id, in_moderation, true, now, today())
        .await
        .expect("submitted");
    backdate(
        db,
        in_moderation,
        petition::Column::ModerationStartedOn,
        long_ago,
    )
    .await;

    // Open ones: one expires without the threshold; one under consideration goes overdue.
    set_setting(db, "initial_support_signatures", 1).await;
    let citizens = people::verified_citizens(db, "c", 3, REGION, false)
        .await
        .expect("people");
    let expiring = approved(&w, "expiring").await;
    sign(&w, &citizens[0], expiring).await.expect("signed");
    let late = approved(&w, "late").await;
    sign(&w, &citizens[0], late).await.expect("signed");
    sign(&w, &citizens[1], late).await.expect("signed");
    fold_all(db).await;
    assert_eq!(status(db, expiring).await, PetitionStatus::Open);
    assert_eq!(status(db, late).await, PetitionStatus::UnderConsideration);
    backdate(
        db,
        expiring,
        petition::Column::CollectionStartedOn,
        long_ago,
    )
    .await;
    backdate(db, late, petition::Column::RegisteredOn, long_ago).await;
    // The answer clock runs on the petition's case: it was registered as long ago.
    app::server::entities::case::Entity::update_many()
        .col_expr(
            app::server::entities::case::Column::RegisteredOn,
            Expr::value(long_ago),
        )
        .filter(app::server::entities::case::Column::OriginId.eq(late))
        .exec(db)
        .await
        .expect("backdated");

    let first = sweep::sweep(db, Utc::now(), today()).await.expect("sweeps");
    let second = sweep::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps again");
    assert_eq!(first.events, 5);
    assert_eq!(second.events, 0, "nothing twice");
    assert_eq!(status(db, lapsing).await, PetitionStatus::Closed);
    assert_eq!(
        petitions::find(db, lapsing)
            .await
            .expect("exists")
            .closed_reason
            .as_deref(),
        Some("lapsed")
    );
    assert_eq!(status(db, expiring).await, PetitionStatus::Closed);
    assert_eq!(
        petitions::find(db, expiring)
            .await
            .expect("exists")
            .closed_reason
            .as_deref(),
        Some("expired")
    );
    assert!(
        events(db, in_moderation)
            .await
            .contains(&"moderation_overdue".to_owned())
    );
    let late_events = events(db, late).await;
    assert!(late_events.contains(&"answer_overdue".to_owned()));
    assert!(late_events.contains(&"answer_very_overdue".to_owned()));
    assert!(matches!(
        sign(&w, &citizens[2], lapsing).await,
        Err(PetitionError::Refused("sign-closed"))
    ));
    w.test.drop_database().await;
}

#[tokio::test]
async fn invalidated_signatures_leave_the_counts_and_clear_the_threshold() {
    let w = world().await;
    let db = &w.test.db;
    set_threshold(db, 55, "email_verified").await;
    let id = approved(&w, "contested").await;
    let honest = people::verified_citizens(db, "honest", 50, REGION, false)
        .await
        .expect("people");
    let bots = people::verified_citizens(db, "bot", 10, REGION, false)
        .await
        .expect("people");
    db.execute_unprepared("UPDATE users SET email = REPLACE(email, '@example.kz', '@bots.example') WHERE email LIKE 'bot%'")
        .await
        .expect("bot domain");
    for c in honest.iter().chain(&bots) {
        sign(&w, c, id).await.expect("signed");
    }
    fold_all(db).await;
    assert_eq!(status(db, id).await, PetitionStatus::UnderConsideration);
    let filter = fraud::Filter {
        email_domain: Some("bots.example".into()),
        ..Default::default()
    };
    assert_eq!(fraud::matching(db, id, &filter).await.expect("preview"), 10);
    assert!(matches!(
        fraud::invalidate(
            db,
            w.official.id,
            id,
            &fraud::Filter::default(),
            RevokeReason::Fraud,
            "why",
            Utc::now()
        )
        .await,
        Err(PetitionError::Invalid { .. })
    ));
    // Grounds outside the catalogue are refused.
    assert!(matches!(
        fraud::invalidate(
            db,
            w.official.id,
            id,
            &filter,
            RevokeReason::Withdrawn,
            "why",
            Utc::now()
        )
        .await,
        Err(PetitionError::Invalid {
            field: "grounds",
            ..
        })
    ));
    assert_eq!(
        fraud::invalidate(
            db,
            w.official.id,
            id,
            &filter,
            RevokeReason::Fraud,
            "bot farm",
            Utc::now()
        )
        .await
        .expect("invalidated"),
        10
    );
    fold_all(db).await;
    assert_eq!(
        counting::counts(db, id)
            .await
            .expect("counts")
            .email_verified,
        50
    );
    let p = petitions::find(db, id).await.expect("exists");
    assert_eq!(status(db, id).await, PetitionStatus::Open);
    assert!(p.threshold_reached_at.is_none());
    assert!(events(db, id).await.contains(&"threshold_lost".to_owned()));
    // A flagged signer is not told: signing again says "already signed".
    assert_eq!(
        sign(&w, &bots[0], id).await.expect("answered"),
        SignOutcome::AlreadySigned
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn signing_limits_and_one_signature_per_iin() {
    let w = world().await;
    let db = &w.test.db;
    set_setting(db, "signing_per_account_hour", 2).await;
    let a = approved(&w, "a").await;
    let b = approved(&w, "b").await;
    let c = approved(&w, "c").await;
    let twins = people::verified_citizens(db, "twin", 2, REGION, true)
        .await
        .expect("people");
    // Two accounts cannot hold one IIN (the unique key says so); so one person with one IIN
    // signs once: a second account's IIN-checked signature with the same fingerprint is refused.
    let shared = "ab".repeat(32);
    db.execute_unprepared(&format!(
        "UPDATE users SET iin_hash = NULL, iin_checked_at = NULL WHERE id = {}",
        twins[1].id
    ))
    .await
    .expect("cleared");
    db.execute_unprepared(&format!(
        "UPDATE users SET iin_hash = '{shared}' WHERE id = {}",
        twins[0].id
    ))
    .await
    .expect("set");
    sign(&w, &twins[0], a).await.expect("signed");
    // Simulate the fingerprint moving to the other account (the first account deleted, say).
    db.execute_unprepared(&format!(
        "UPDATE users SET iin_hash = NULL WHERE id = {}",
        twins[0].id
    ))
    .await
    .expect("moved");
    db.execute_unprepared(&format!(
        "UPDATE users SET iin_hash = '{shared}', iin_checked_at = CURRENT_TIMESTAMP WHERE id = {}",
        twins[1].id
    ))
    .await
    .expect("moved");
    refused(sign(&w, &twins[1], a).await, "sign-iin-used");

    sign(&w, &twins[0], b)
        .await
        .expect("second signature this hour");
    refused(sign(&w, &twins[0], c).await, "sign-rate-limited");
    w.test.drop_database().await;
}

#[tokio::test]
async fn signatures_from_one_address_at_once_stop_at_its_limit_and_a_restored_one_counts() {
    let w = world().await;
    let db = &w.test.db;
    set_setting(db, "signing_per_ip_hour", 3).await;
    let id = approved(&w, "one address").await;
    let citizens = people::verified_citizens(db, "nat", 5, REGION, true)
        .await
        .expect("people");
    let from = |account: &user::Model, ip: &str| sign_from(&w, account, id, ip);
    // Five at once from one address behind a shared connection (in one batch or several):
    // the first three are taken, the others refused.
    let mut tasks = tokio::task::JoinSet::new();
    for c in &citizens {
        tasks.spawn(from(c, "10.9.9.9"));
    }
    let (mut signed, mut limited) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.expect("task") {
            Ok(SignOutcome::Signed) => signed += 1,
            Err(PetitionError::Refused("sign-rate-limited")) => limited += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((signed, limited), (3, 2));
    let signers: Vec<i32> = app::server::entities::signature::Entity::find()
        .filter(app::server::entities::signature::Column::PetitionId.eq(id))
        .all(db)
        .await
        .expect("reads")
        .into_iter()
        .map(|s| s.user_id)
        .collect();
    assert_eq!(signers.len(), 3);
    let first = citizens
        .iter()
        .find(|c| c.id == signers[0])
        .expect("a signer");
    let refused_one = citizens
        .iter()
        .find(|c| !signers.contains(&c.id))
        .expect("a refused signer");
    // A withdrawn signature still counts against its address's hour: signing again from the
    // same address is refused, from another one it is restored.
    petitions::signing::withdraw(db, first.id, id, Utc::now())
        .await
        .expect("withdrawn");
    refused(from(first, "10.9.9.9").await, "sign-rate-limited");
    assert_eq!(
        from(first, "10.9.9.10").await.expect("restored"),
        SignOutcome::Signed
    );
    // The restored signature is now of its new address, which leaves the first one room.
    assert_eq!(
        from(refused_one, "10.9.9.9").await.expect("signed"),
        SignOutcome::Signed
    );
    let last = citizens
        .iter()
        .find(|c| !signers.contains(&c.id) && c.id != refused_one.id)
        .expect("the other refused signer");
    refused(from(last, "10.9.9.9").await, "sign-rate-limited");
    fold_all(db).await;
    assert_eq!(
        counting::counts(db, id).await.expect("counts").iin_checked,
        4
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn an_upgrade_keeps_the_last_hours_signatures_from_each_address_in_its_tally() {
    use migrations::{Migrator, MigratorTrait};
    let w = world().await;
    let db = &w.test.db;
    set_setting(db, "signing_per_ip_hour", 3).await;
    let id = approved(&w, "upgrade").await;
    let citizens = people::verified_citizens(db, "upg", 4, REGION, true)
        .await
        .expect("people");
    for c in &citizens[..2] {
        sign_from(&w, c, id, "10.6.6.6").await.expect("signed");
    }
    // Back to before migration 31 (SQLite counted the address's rows then, and kept no tally;
    // migration 32 after it is undone first) and up again: the tally is made again from the
    // last hour's signatures.
    Migrator::down(db, Some(2)).await.expect("down");
    Migrator::up(db, None).await.expect("up");
    let tallied = scalar(
        db,
        "SELECT COALESCE(SUM(hits), 0) AS n FROM rate_limits WHERE bucket = 'sign:ip:10.6.6.6'",
    )
    .await;
    assert_eq!(tallied, 2);
    sign_from(&w, &citizens[2], id, "10.6.6.6")
        .await
        .expect("the address's third");
    refused(
        sign_from(&w, &citizens[3], id, "10.6.6.6").await,
        "sign-rate-limited",
    );
    w.test.drop_database().await;
}

/// Every signature row: its id, petition and account, by id.
async fn signature_rows(db: &DatabaseConnection) -> Vec<(i64, i32, i32)> {
    db.query_all_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        "SELECT id, petition_id, user_id FROM signatures ORDER BY id",
    ))
    .await
    .expect("reads")
    .iter()
    .map(|r| {
        (
            r.try_get("", "id").expect("id"),
            r.try_get("", "petition_id").expect("petition"),
            r.try_get("", "user_id").expect("user"),
        )
    })
    .collect()
}

/// The one number a query returns in its column `n`.
async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        sql,
    ))
    .await
    .expect("reads")
    .expect("a row")
    .try_get("", "n")
    .expect("n")
}

#[tokio::test]
async fn the_upgrade_to_one_key_on_account_and_petition_keeps_every_signature_and_its_rules() {
    use migrations::{Migrator, MigratorTrait};
    let w = world().await;
    let db = &w.test.db;
    set_setting(db, "signing_per_account_hour", 2).await;
    let a = approved(&w, "key a").await;
    let b = approved(&w, "key b").await;
    let c = approved(&w, "key c").await;
    let citizens = people::verified_citizens(db, "key", 3, REGION, true)
        .await
        .expect("people");
    // Signed on the schema of two orders (migration 31's), the newest row then deleted, so
    // the id sequence is ahead of the rows.
    Migrator::down(db, Some(1)).await.expect("down");
    sign_from(&w, &citizens[0], b, "10.8.8.0")
        .await
        .expect("signed");
    for (i, who) in citizens.iter().enumerate() {
        sign_from(&w, who, a, &format!("10.8.8.{i}"))
            .await
            .expect("signed");
    }
    let deleted = signature_rows(db).await.last().expect("rows").0;
    db.execute_unprepared(&format!("DELETE FROM signatures WHERE id = {deleted}"))
        .await
        .expect("deleted");
    let before = signature_rows(db).await;
    Migrator::up(db, None).await.expect("up");
    assert_eq!(signature_rows(db).await, before, "every row, with its id");

    // The key refuses a second row of one account on one petition.
    let copy = "INSERT INTO signatures (petition_id, user_id, grade, region_id, public_name, ip, \
                email_domain, created_at) SELECT petition_id, user_id, grade, region_id, \
                public_name, ip, email_domain, created_at FROM signatures WHERE id = ";
    assert!(
        db.execute_unprepared(&format!("{copy}{}", before[0].0))
            .await
            .is_err(),
        "a second signature of one account"
    );
    // The account's hour is counted from its rows: the first citizen signed twice.
    refused(
        sign_from(&w, &citizens[0], c, "10.8.8.0").await,
        "sign-rate-limited",
    );
    // A new signature takes an id after every earlier one, and its triggers came along: it is
    // queued for the fold and tallied for its address.
    sign_from(&w, &citizens[1], c, "10.8.8.9")
        .await
        .expect("signed");
    let newest = signature_rows(db).await.last().expect("rows").0;
    assert!(newest > deleted, "{newest} after {deleted}");
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT COUNT(*) AS n FROM signature_fold_queue WHERE signature_id = {newest}"
            )
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            db,
            "SELECT COALESCE(SUM(hits), 0) AS n FROM rate_limits WHERE bucket = 'sign:ip:10.8.8.9'"
        )
        .await,
        1
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn an_account_over_its_limit_does_not_use_up_its_neighbours_share_of_an_address() {
    let w = world().await;
    let db = &w.test.db;
    for (key, value) in [("signing_per_account_hour", 1), ("signing_per_ip_hour", 3)] {
        set_setting(db, key, value).await;
    }
    let first = approved(&w, "first").await;
    let second = approved(&w, "second").await;
    let people = people::verified_citizens(db, "nb", 4, REGION, true)
        .await
        .expect("people");
    let at =
        |account: &user::Model, petition_id: i32, ip: &str| sign_from(&w, account, petition_id, ip);
    // The first account has used its hour; a neighbour has used one of the address's three.
    at(&people[0], first, "10.7.7.1").await.expect("signed");
    at(&people[1], second, "10.8.8.8").await.expect("signed");
    // At once from the shared address: the account over its limit is refused, and the two
    // neighbours still get the address's last two.
    let (over, a, b) = tokio::join!(
        at(&people[0], second, "10.8.8.8"),
        at(&people[2], second, "10.8.8.8"),
        at(&people[3], second, "10.8.8.8"),
    );
    refused(over, "sign-rate-limited");
    assert_eq!(a.expect("signed"), SignOutcome::Signed);
    assert_eq!(b.expect("signed"), SignOutcome::Signed);
    w.test.drop_database().await;
}

#[tokio::test]
async fn hundreds_of_concurrent_signatures_count_exactly_once_per_person_across_two_processes() {
    let w = world().await;
    set_threshold(&w.test.db, 1_000_000, "email_verified").await;
    let id = approved(&w, "surge").await;
    let citizens = people::verified_citizens(&w.test.db, "surge", 200, REGION, true)
        .await
        .expect("people");
    // A second "process": its own connection pool, signature writer and folding.
    let url = w.test.url().expect("url");
    let other_db = app::server::db::connect(&url).await.expect("second pool");
    let other_signer = Signer::start(other_db.clone(), Arc::default());
    let mut tasks = tokio::task::JoinSet::new();
    for round in 0..3 {
        for (i, c) in citizens.iter().enumerate() {
            let (db, signer) = if (i + round) % 2 == 0 {
                (w.test.db.clone(), w.signer.clone())
            } else {
                (other_db.clone(), other_signer.clone())
            };
            let account = c.clone();
            tasks.spawn(async move {
                signer
                    .sign(
                        &db,
                        &account,
                        SignRequest {
                            petition_id: id,
                            show_name: false,
                            notify: false,
                            ip: format!("10.1.{round}.{}", i % 250),
                        },
                        Utc::now(),
                        today(),
                    )
                    .await
            });
        }
    }
    let folders = {
        let (a, b) = (w.test.db.clone(), other_db.clone());
        tokio::spawn(async move {
            for _ in 0..20 {
                let (x, y) = tokio::join!(
                    counting::fold(&a, 50, Utc::now(), today()),
                    counting::fold(&b, 50, Utc::now(), today())
                );
                x.expect("folds");
                y.expect("folds");
            }
        })
    };
    let mut signed = 0;
    let mut already = 0;
    while let Some(result) = tasks.join_next().await {
        match result.expect("task").expect("no error") {
            SignOutcome::Signed => signed += 1,
            SignOutcome::AlreadySigned => already += 1,
        }
    }
    folders.await.expect("folders");
    fold_all(&w.test.db).await;
    assert_eq!((signed, already), (200, 400));
    let rows = app::server::entities::signature::Entity::find()
        .filter(app::server::entities::signature::Column::PetitionId.eq(id))
        .count(&w.test.db)
        .await
        .expect("counts");
    let counts = counting::counts(&w.test.db, id).await.expect("counts");
    assert_eq!(
        (rows, counts.email_verified, counts.iin_checked),
        (200, 200, 200)
    );
    assert_eq!(
        counting::reconcile(&w.test.db, Some(id), Utc::now(), today())
            .await
            .expect("recounts"),
        0,
        "no drift"
    );
    other_db.close().await.ok();
    w.test.drop_database().await;
}

#[tokio::test]
async fn reconciliation_repairs_counts_that_drifted_from_the_rows() {
    let w = world().await;
    let db = &w.test.db;
    set_setting(db, "initial_support_signatures", 1).await;
    let id = approved(&w, "drift").await;
    let citizens = people::verified_citizens(db, "d", 5, REGION, false)
        .await
        .expect("people");
    for c in &citizens {
        sign(&w, c, id).await.expect("signed");
    }
    fold_all(db).await;
    petition_count::Entity::update_many()
        .col_expr(petition_count::Column::Count, Expr::value(999))
        .filter(petition_count::Column::PetitionId.eq(id))
        .exec(db)
        .await
        .expect("corrupted");
    assert_eq!(
        counting::counts(db, id)
            .await
            .expect("counts")
            .email_verified,
        999
    );
    assert_eq!(
        counting::reconcile(db, None, Utc::now(), today())
            .await
            .expect("reconciles"),
        1
    );
    assert_eq!(
        counting::counts(db, id)
            .await
            .expect("counts")
            .email_verified,
        5
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_data_export_holds_my_petitions_and_my_signatures() {
    let w = world().await;
    let db = &w.test.db;
    let id = approved(&w, "Export me").await;
    let signer = people::verified_citizens(db, "exporter", 1, REGION, false)
        .await
        .expect("people");
    sign(&w, &signer[0], id).await.expect("signed");
    let mine = app::server::services::accounts::export(db, w.author.id)
        .await
        .expect("exports");
    assert_eq!(mine["petitions"][0]["title"], "Export me");
    assert_eq!(mine["petitions"][0]["status"], "gathering");
    let theirs = app::server::services::accounts::export(db, signer[0].id)
        .await
        .expect("exports");
    assert_eq!(theirs["signatures"][0]["petition"], id);
    assert_eq!(theirs["signatures"][0]["ip"], "10.0.0.1");
    assert!(theirs["petitions"].as_array().is_some_and(Vec::is_empty));

    // Deleting the account keeps the signature counted but anonymous.
    app::server::services::accounts::delete_account(db, signer[0].id, people::PASSWORD, Utc::now())
        .await
        .expect("deleted");
    fold_all(db).await;
    let row = app::server::entities::signature::Entity::find()
        .filter(app::server::entities::signature::Column::PetitionId.eq(id))
        .one(db)
        .await
        .expect("reads")
        .expect("kept");
    assert_eq!(
        (row.public_name.as_str(), row.show_name, row.ip.as_str()),
        ("", false, "")
    );
    assert_eq!(
        counting::counts(db, id)
            .await
            .expect("counts")
            .email_verified,
        1
    );
    let view = pages::view(db, id, None, Utc::now(), today())
        .await
        .expect("view");
    assert!(view.recent_signers.is_empty());
    w.test.drop_database().await;
}

/// PostgreSQL's statistics of the signatures are refreshed by the folding once enough rows were
/// folded since the last time (a surge's pages would otherwise be read with plans made for an
/// almost empty table); SQLite needs none.
#[tokio::test]
async fn the_folding_refreshes_postgresql_statistics_of_the_signatures() {
    let w = world().await;
    let db = &w.test.db;
    let id = approved(&w, "statistics").await;
    let citizens = people::verified_citizens(db, "st", 3, REGION, true)
        .await
        .expect("people");
    for (i, c) in citizens.iter().enumerate() {
        sign_from(&w, c, id, &format!("10.6.6.{i}"))
            .await
            .expect("signed");
    }
    let reltuples = || async {
        db.query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT CAST(reltuples AS BIGINT) AS n FROM pg_class WHERE oid = 'signatures'::regclass",
        ))
        .await
        .expect("pg_class reads")
        .and_then(|row| row.try_get::<i64>("", "n").ok())
    };
    let postgres = db.get_database_backend() == sea_orm::DbBackend::Postgres;
    let mut unanalyzed = counting::ANALYZE_AFTER - 1;
    assert!(
        !counting::refresh_statistics(db, &mut unanalyzed)
            .await
            .expect("no error")
    );
    assert_eq!(unanalyzed, counting::ANALYZE_AFTER - 1);
    if postgres {
        assert_ne!(reltuples().await, Some(3), "not analyzed yet");
    }
    unanalyzed = counting::ANALYZE_AFTER;
    let analyzed = counting::refresh_statistics(db, &mut unanalyzed)
        .await
        .expect("no error");
    assert_eq!(analyzed, postgres);
    if postgres {
        assert_eq!(unanalyzed, 0);
        assert_eq!(reltuples().await, Some(3), "analyzed: three signatures");
    } else {
        assert_eq!(unanalyzed, counting::ANALYZE_AFTER);
    }
    w.test.drop_database().await;
}

/// The folding queue follows every change a signature's count depends on, whoever makes it (the
/// table's triggers): a new signature, a withdrawal, a restore, an invalidation; a deleted row
/// leaves it, and a change the counts do not depend on does not enter it. On PostgreSQL the
/// fold's rewrite of the rows stays on their pages (heap-only): no index holds what it writes.
#[tokio::test]
async fn every_change_a_count_depends_on_is_queued_for_the_folding_and_nothing_else() {
    let w = world().await;
    let db = &w.test.db;
    let backend = db.get_database_backend();
    let id = approved(&w, "queue").await;
    let citizens = people::verified_citizens(db, "q", 3, REGION, true)
        .await
        .expect("people");
    let number = |sql: &'static str| async move {
        db.query_one_raw(sea_orm::Statement::from_string(backend, sql))
            .await
            .expect("reads")
            .expect("a row")
            .try_get::<i64>("", "n")
            .expect("n")
    };
    let queued = || number("SELECT COUNT(*) AS n FROM signature_fold_queue");
    let counted = || async {
        counting::counts(db, id)
            .await
            .expect("counts")
            .email_verified
    };
    for (i, c) in citizens.iter().enumerate() {
        sign_from(&w, c, id, &format!("10.7.7.{i}"))
            .await
            .expect("signed");
    }
    assert_eq!(queued().await, 3, "three new signatures wait");
    fold_all(db).await;
    assert_eq!((queued().await, counted().await), (0, 3));
    if backend == sea_orm::DbBackend::Postgres {
        // The statistics arrive within a second or so of the fold's commit.
        let mut updates = (0, 0);
        for _ in 0..100 {
            updates = (
                number(
                    "SELECT n_tup_upd AS n FROM pg_stat_user_tables WHERE relname = 'signatures'",
                )
                .await,
                number(
                    "SELECT n_tup_hot_upd AS n FROM pg_stat_user_tables WHERE relname = 'signatures'",
                )
                .await,
            );
            if updates.0 >= 3 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(updates, (3, 3), "the fold's three updates were heap-only");
    }

    petitions::signing::withdraw(db, citizens[0].id, id, Utc::now())
        .await
        .expect("withdrawn");
    assert_eq!(queued().await, 1, "a withdrawal waits");
    fold_all(db).await;
    assert_eq!((queued().await, counted().await), (0, 2));
    sign_from(&w, &citizens[0], id, "10.7.7.9")
        .await
        .expect("restored");
    assert_eq!(queued().await, 1, "a restore waits");
    fold_all(db).await;
    assert_eq!((queued().await, counted().await), (0, 3));

    // Changes the counts do not depend on, including one that sets a state column to itself.
    db.execute_unprepared(
        "UPDATE signatures SET show_name = NOT show_name, withdrawn_at = withdrawn_at, \
         invalidated_at = invalidated_at",
    )
    .await
    .expect("updates");
    assert_eq!(queued().await, 0, "nothing the counts depend on changed");
    db.execute_unprepared(&format!(
        "UPDATE signatures SET invalidated_at = created_at WHERE user_id = {}",
        citizens[1].id
    ))
    .await
    .expect("invalidates");
    assert_eq!(queued().await, 1, "an invalidation waits");
    db.execute_unprepared(&format!(
        "DELETE FROM signatures WHERE user_id = {}",
        citizens[1].id
    ))
    .await
    .expect("deletes");
    assert_eq!(queued().await, 0, "a deleted row leaves the queue");
    w.test.drop_database().await;
}
