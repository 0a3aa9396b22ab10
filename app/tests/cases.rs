//! The case core on a real database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`): numbers,
//! the clock and its pauses, every transition and every refusal, the role checks, forwarding,
//! updates and their mail, ratings, the sweep and the responsiveness figures.

use app::model::{
    AnswerDecision, CaseKind, CaseState, EventKind, Progress, ResponsivenessQuery, Role,
};
use app::server::entities::{body, case, outbox_mail, user};
use app::server::services::cases::{
    self, answering, answering::Followup, clock, forwarding, mailing, responsiveness, views,
};
use app::server::services::timeline::{self, Subject};
use app::server::services::{ActionError, deadlines, today};
use app::server::testing::{TestDb, people};
use chrono::{Days, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};

struct World {
    test: TestDb,
    author: user::Model,
    moderator: user::Model,
    official: user::Model,
    /// An official of another body (the Astana akimat).
    stranger: user::Model,
    citizen: user::Model,
    akimat: body::Model,
    other: body::Model,
}

async fn body_of(db: &DatabaseConnection, slug: &str) -> body::Model {
    body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(db)
        .await
        .expect("reads")
        .expect("seeded")
}

async fn world() -> World {
    let test = TestDb::new().await;
    let p = people::verified_citizens(&test.db, "case", 5, "75", true)
        .await
        .expect("people");
    let akimat = body_of(&test.db, "akimat-75").await;
    let other = body_of(&test.db, "akimat-71").await;
    people::grant(&test.db, &p[1].email, Role::Moderator, None)
        .await
        .expect("granted");
    people::grant(&test.db, &p[2].email, Role::Official, Some("akimat-75"))
        .await
        .expect("granted");
    people::grant(&test.db, &p[3].email, Role::Official, Some("akimat-71"))
        .await
        .expect("granted");
    World {
        author: p[0].clone(),
        moderator: p[1].clone(),
        official: p[2].clone(),
        stranger: p[3].clone(),
        citizen: p[4].clone(),
        akimat,
        other,
        test,
    }
}

async fn registered(w: &World, title: &str, on: NaiveDate) -> (i32, case::Model) {
    people::registered_petition(&w.test.db, w.author.id, w.moderator.id, title, on)
        .await
        .expect("registered")
}

fn refused<T: std::fmt::Debug>(result: Result<T, ActionError>, key: &str) {
    match result {
        Err(ActionError::Refused(k)) => assert_eq!(k, key),
        other => panic!("expected refusal {key}, got {other:?}"),
    }
}

fn invalid<T: std::fmt::Debug>(result: Result<T, ActionError>, key: &str) {
    match result {
        Err(ActionError::Invalid { key: k, .. }) => assert_eq!(k, key),
        other => panic!("expected invalid {key}, got {other:?}"),
    }
}

fn forbidden<T: std::fmt::Debug>(result: Result<T, ActionError>) {
    assert!(
        matches!(result, Err(ActionError::Forbidden)),
        "expected 403, got {result:?}"
    );
}

async fn kinds(db: &DatabaseConnection, case_id: i32) -> Vec<EventKind> {
    timeline::entries(db, &[Subject::Case(case_id)])
        .await
        .expect("reads")
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

async fn reload(db: &DatabaseConnection, id: i32) -> case::Model {
    cases::find(db, id).await.expect("exists")
}

#[tokio::test]
async fn cases_are_numbered_per_body_and_year_and_their_clock_comes_from_the_engine() {
    let w = world().await;
    let db = &w.test.db;
    let day = NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
    let (_, first) = registered(&w, "first", day).await;
    let (_, second) = registered(&w, "second", day).await;
    assert_eq!((first.year, first.seq), (2026, 1));
    assert_eq!((second.year, second.seq), (2026, 2));
    assert_eq!(app::model::case_number(2026, 2), "2026-00002");
    // 40 working days from day 0, by the seeded calendar (December 16–17 are holidays).
    let calendar = deadlines::calendar(db).await.expect("calendar");
    let term = deadlines::term(db, "petition_answer", "regional")
        .await
        .expect("term");
    assert_eq!(first.due_on, calendar.due_date(day, term));
    assert!(first.very_due_on > first.due_on);
    assert_eq!(first.state, CaseState::AwaitingAnswer.as_str());
    assert_eq!(kinds(db, first.id).await, vec![EventKind::Registered]);
    // One live case per origin.
    refused(
        cases::open(
            db,
            cases::Opening {
                kind: CaseKind::Petition,
                origin_id: first.origin_id,
                body_id: w.akimat.id,
                forwarded_from: None,
                on: day,
                term_days: None,
            },
            None,
            Utc::now(),
        )
        .await,
        "case-already-open",
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_clarification_stops_the_clock_and_the_reply_moves_the_deadline_on() {
    let w = world().await;
    let db = &w.test.db;
    // Roles are held from today: the case runs from today on.
    let day = today();
    let (_, c) = registered(&w, "unclear", day).await;
    let asked = day + Days::new(3);
    let replied = asked + Days::new(14);
    forbidden(
        answering::ask_clarification(db, w.stranger.id, c.id, "Which street?", Utc::now(), asked)
            .await,
    );
    forbidden(
        answering::ask_clarification(db, w.citizen.id, c.id, "Which street?", Utc::now(), asked)
            .await,
    );
    invalid(
        answering::ask_clarification(db, w.official.id, c.id, "   ", Utc::now(), asked).await,
        "clarification-empty",
    );
    answering::ask_clarification(
        db,
        w.official.id,
        c.id,
        "Which street exactly?",
        Utc::now(),
        asked,
    )
    .await
    .expect("asked");
    refused(
        answering::ask_clarification(db, w.official.id, c.id, "And when?", Utc::now(), asked).await,
        "clarification-open",
    );
    let inbox = views::inbox(db, &[w.akimat.id], views::InboxFilter::default(), asked)
        .await
        .expect("inbox");
    assert_eq!(inbox[0].clock, "paused");
    forbidden(
        answering::give_clarification(db, w.citizen.id, c.id, "Abai", Utc::now(), replied).await,
    );
    answering::give_clarification(
        db,
        w.author.id,
        c.id,
        "Abai Avenue, 10–40",
        Utc::now(),
        replied,
    )
    .await
    .expect("replied");
    refused(
        answering::give_clarification(db, w.author.id, c.id, "again", Utc::now(), replied).await,
        "clarification-none-open",
    );
    // The deadline moved on by the working days the clock stood still.
    let calendar = deadlines::calendar(db).await.expect("calendar");
    let term = deadlines::term(db, "petition_answer", "regional")
        .await
        .expect("term");
    let pause = deadlines::Pause {
        from: asked + Days::new(1),
        to: replied,
    };
    let moved = reload(db, c.id).await;
    assert_eq!(
        moved.due_on,
        calendar.due_date_with_pauses(day, term, &[pause])
    );
    assert!(moved.due_on > c.due_on);
    assert_eq!(
        kinds(db, c.id).await,
        vec![
            EventKind::Registered,
            EventKind::ClarificationAsked,
            EventKind::ClarificationGiven
        ]
    );
    // The author was asked by mail.
    mailing::send_case(db, c.id, &w.test.app_state().public_url, Utc::now())
        .await
        .expect("mailed");
    let to_author = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Kind.eq("clarification_asked"))
        .filter(outbox_mail::Column::UserId.eq(w.author.id))
        .count(db)
        .await
        .expect("counts");
    assert_eq!(to_author, 1);
    w.test.drop_database().await;
}

#[tokio::test]
async fn only_an_official_of_the_body_answers_and_of_two_at_once_exactly_one_wins() {
    let w = world().await;
    let db = &w.test.db;
    let (petition_id, c) = registered(&w, "race", today()).await;
    for who in [w.stranger.id, w.citizen.id, w.moderator.id, w.author.id] {
        forbidden(
            answering::answer(
                db,
                who,
                c.id,
                AnswerDecision::Accepted,
                "Yes",
                Utc::now(),
                today(),
            )
            .await,
        );
    }
    invalid(
        answering::answer(
            db,
            w.official.id,
            c.id,
            AnswerDecision::Accepted,
            " ",
            Utc::now(),
            today(),
        )
        .await,
        "answer-text-empty",
    );
    // A second official of the same body answers at the same moment.
    let second = people::verified_citizens(db, "second", 1, "75", true)
        .await
        .expect("person")
        .remove(0);
    people::grant(db, &second.email, Role::Official, Some("akimat-75"))
        .await
        .expect("granted");
    let answer = |official: i32, text: &'static str| {
        let db = db.clone();
        let id = c.id;
        async move {
            use sea_orm::TransactionTrait;
            let txn = db.begin().await.expect("begins");
            app::server::db::lock_for_write(&txn).await.expect("locks");
            let result = answering::answer(
                &txn,
                official,
                id,
                AnswerDecision::PartlyAccepted,
                text,
                Utc::now(),
                today(),
            )
            .await;
            if result.is_ok() {
                txn.commit().await.expect("commits");
            }
            result
        }
    };
    let (a, b) = tokio::join!(answer(w.official.id, "First"), answer(second.id, "Second"));
    let oks = [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count();
    assert_eq!(oks, 1, "exactly one answer: {a:?} / {b:?}");
    for r in [a, b] {
        if let Err(e) = r {
            assert!(
                matches!(e, ActionError::Refused("answer-not-awaited")),
                "{e:?}"
            );
        }
    }
    let answered = reload(db, c.id).await;
    assert_eq!(answered.state, CaseState::Answered.as_str());
    assert_eq!(answered.answer_days, Some(0));
    let p = app::server::services::petitions::find(db, petition_id)
        .await
        .expect("exists");
    assert_eq!(p.status, "answered", "the petition follows its case");
    assert_eq!(
        kinds(db, c.id)
            .await
            .iter()
            .filter(|k| **k == EventKind::Answered)
            .count(),
        1
    );
    // Nothing to forward or ask once answered.
    refused(
        forwarding::forward(
            db,
            w.official.id,
            c.id,
            "akimat-71",
            "Theirs",
            Utc::now(),
            today(),
        )
        .await,
        "case-not-awaiting",
    );
    refused(
        answering::ask_clarification(db, w.official.id, c.id, "?", Utc::now(), today()).await,
        "case-not-awaiting",
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn an_answer_after_the_deadline_is_late_and_the_sweep_marked_it_overdue_once() {
    let w = world().await;
    let db = &w.test.db;
    let long_ago = today() - Days::new(200);
    let (_, c) = registered(&w, "slow", long_ago).await;
    let first = clock::sweep(db, Utc::now(), today()).await.expect("sweeps");
    let again = clock::sweep(db, Utc::now(), today()).await.expect("sweeps");
    assert_eq!((first, again), (2, 0), "overdue and very overdue, once");
    let inbox = views::inbox(db, &[w.akimat.id], views::InboxFilter::default(), today())
        .await
        .expect("inbox");
    assert_eq!(inbox[0].clock, "very_overdue");
    answering::answer(
        db,
        w.official.id,
        c.id,
        AnswerDecision::NotCompetent,
        "Not ours, and no one's.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    let late = reload(db, c.id).await;
    assert_eq!(late.state, CaseState::AnsweredLate.as_str());
    assert!(late.answer_days.is_some_and(|d| d > 40));
    assert_eq!(
        kinds(db, c.id).await,
        vec![
            EventKind::Registered,
            EventKind::AnswerOverdue,
            EventKind::AnswerVeryOverdue,
            EventKind::Answered
        ]
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn forwarding_hands_the_case_over_and_starts_the_clock_again_there() {
    let w = world().await;
    let db = &w.test.db;
    let day = today() - Days::new(5);
    let (petition_id, c) = registered(&w, "wrong door", day).await;
    forbidden(
        forwarding::forward(
            db,
            w.stranger.id,
            c.id,
            "akimat-71",
            "Theirs",
            Utc::now(),
            today(),
        )
        .await,
    );
    invalid(
        forwarding::forward(
            db,
            w.official.id,
            c.id,
            "akimat-75",
            "Ours",
            Utc::now(),
            today(),
        )
        .await,
        "forward-same-body",
    );
    invalid(
        forwarding::forward(
            db,
            w.official.id,
            c.id,
            "no-such-body",
            "Theirs",
            Utc::now(),
            today(),
        )
        .await,
        "forward-body-unknown",
    );
    invalid(
        forwarding::forward(
            db,
            w.official.id,
            c.id,
            "akimat-71",
            "  ",
            Utc::now(),
            today(),
        )
        .await,
        "forward-reason-empty",
    );
    let new = forwarding::forward(
        db,
        w.official.id,
        c.id,
        "akimat-71",
        "The road is in Astana.",
        Utc::now(),
        today(),
    )
    .await
    .expect("forwarded");
    assert_eq!(new.body_id, w.other.id);
    assert_eq!(new.registered_on, today(), "the clock starts again there");
    assert_eq!((new.year, new.seq), (chrono::Datelike::year(&today()), 1));
    assert_eq!(new.forwarded_from_id, Some(c.id));
    assert_eq!(reload(db, c.id).await.state, CaseState::Forwarded.as_str());
    assert_eq!(
        cases::of_origin(db, CaseKind::Petition, petition_id)
            .await
            .expect("reads")
            .map(|x| x.id),
        Some(new.id),
        "the live case is the new one"
    );
    // Both records show the hand-over, naming the other body.
    let old = timeline::entries(db, &[Subject::Case(c.id)])
        .await
        .expect("reads");
    let forwarded = old.last().expect("event");
    assert_eq!(forwarded.kind, EventKind::Forwarded);
    assert_eq!(
        forwarded.body.as_ref().map(|b| b.en.clone()),
        Some(w.other.name_en.clone())
    );
    assert_eq!(forwarded.note.as_deref(), Some("The road is in Astana."));
    let there = timeline::entries(db, &[Subject::Case(new.id)])
        .await
        .expect("reads");
    assert_eq!(there[0].kind, EventKind::ReceivedByForwarding);
    assert_eq!(
        there[0].body.as_ref().map(|b| b.en.clone()),
        Some(w.akimat.name_en.clone())
    );
    // The old body can no longer act; the new one can.
    forbidden(
        answering::answer(
            db,
            w.official.id,
            new.id,
            AnswerDecision::Accepted,
            "Yes",
            Utc::now(),
            today(),
        )
        .await,
    );
    refused(
        forwarding::forward(
            db,
            w.official.id,
            c.id,
            "akimat-71",
            "Again",
            Utc::now(),
            today(),
        )
        .await,
        "case-not-awaiting",
    );
    answering::answer(
        db,
        w.stranger.id,
        new.id,
        AnswerDecision::Accepted,
        "We will repair it.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered there");
    let view = views::view(db, c.id, None, today()).await.expect("page");
    assert_eq!(view.forwarded_to.map(|(id, _)| id), Some(new.id));
    w.test.drop_database().await;
}

#[tokio::test]
async fn updates_follow_the_answer_and_ratings_are_one_per_person() {
    let w = world().await;
    let db = &w.test.db;
    let (_, c) = registered(&w, "promise", today()).await;
    refused(
        answering::follow_up(
            db,
            w.official.id,
            c.id,
            Followup::Answer,
            "More",
            Utc::now(),
            today(),
        )
        .await,
        "case-not-answered",
    );
    refused(
        answering::rate(db, w.citizen.id, c.id, 4, Utc::now()).await,
        "rating-no-answer",
    );
    answering::answer(
        db,
        w.official.id,
        c.id,
        AnswerDecision::Accepted,
        "We will repair it in June.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    forbidden(
        answering::follow_up(
            db,
            w.stranger.id,
            c.id,
            Followup::Answer,
            "More",
            Utc::now(),
            today(),
        )
        .await,
    );
    let june = NaiveDate::from_ymd_opt(2027, 6, 1).expect("date");
    answering::follow_up(
        db,
        w.official.id,
        c.id,
        Followup::Implementation(Progress::Planned, june),
        "Contract signed.",
        Utc::now(),
        today(),
    )
    .await
    .expect("update");
    answering::follow_up(
        db,
        w.official.id,
        c.id,
        Followup::Answer,
        "The budget is approved.",
        Utc::now(),
        today(),
    )
    .await
    .expect("follow-up");
    let view = views::view(db, c.id, Some(w.citizen.id), today())
        .await
        .expect("page");
    assert_eq!(view.updates.len(), 2);
    assert_eq!(view.updates[0].progress, Some(Progress::Planned));
    assert_eq!(view.updates[0].on_date, Some(june));
    assert!(view.viewer.can_rate && !view.viewer.is_official);
    // The author hears of the answer and of each update.
    mailing::send_case(db, c.id, &w.test.app_state().public_url, Utc::now())
        .await
        .expect("mailed");
    let kinds_to_author: Vec<String> = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::UserId.eq(w.author.id))
        .all(db)
        .await
        .expect("reads")
        .into_iter()
        .map(|m| m.kind)
        .filter(|k| k != "verify_email")
        .collect();
    assert_eq!(
        kinds_to_author,
        vec!["petition_answered", "case_updated", "case_updated"]
    );
    assert_eq!(
        mailing::send_pending(db, &w.test.app_state().public_url, Utc::now())
            .await
            .expect("nothing left"),
        0
    );
    // Ratings: 1–5, one per person, changeable.
    invalid(
        answering::rate(db, w.citizen.id, c.id, 0, Utc::now()).await,
        "rating-invalid",
    );
    answering::rate(db, w.citizen.id, c.id, 2, Utc::now())
        .await
        .expect("rated");
    answering::rate(db, w.citizen.id, c.id, 5, Utc::now())
        .await
        .expect("re-rated");
    answering::rate(db, w.author.id, c.id, 4, Utc::now())
        .await
        .expect("rated");
    assert_eq!(
        answering::rating(db, c.id).await.expect("reads"),
        (Some(4.5), 2)
    );
    // Closing: only answered cases, only by the body.
    forbidden(cases::close(db, w.stranger.id, c.id, "", Utc::now(), today()).await);
    cases::close(db, w.official.id, c.id, "Done.", Utc::now(), today())
        .await
        .expect("closed");
    refused(
        cases::close(db, w.official.id, c.id, "", Utc::now(), today()).await,
        "case-not-answered",
    );
    assert_eq!(reload(db, c.id).await.state, CaseState::Closed.as_str());
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_state_table_allows_only_the_moves_of_the_lifecycle() {
    use CaseState::*;
    for from in CaseState::ALL {
        for to in CaseState::ALL {
            let allowed = matches!(
                (from, to),
                (
                    AwaitingAnswer,
                    Answered | AnsweredLate | Forwarded | Withdrawn
                ) | (Answered | AnsweredLate, Closed)
            );
            assert_eq!(from.may_become(*to), allowed, "{from:?} → {to:?}");
        }
    }
    let w = world().await;
    let db = &w.test.db;
    let (_, c) = registered(&w, "illegal", today()).await;
    assert!(
        cases::transition(db, c.id, Answered, Forwarded, vec![], Utc::now())
            .await
            .is_err(),
        "an illegal move is refused before the database"
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn responsiveness_counts_each_body_and_ranks_only_those_with_enough_cases() {
    let w = world().await;
    let db = &w.test.db;
    db.execute_unprepared(
        "UPDATE platform_settings SET value = '3' WHERE key = 'responsiveness_min_cases'",
    )
    .await
    .expect("set");
    let long_ago = today() - Days::new(200);
    // The Almaty akimat: one on time, one late, one very overdue, one waiting in time.
    let (_, on_time) = registered(&w, "a", today()).await;
    let (_, late) = registered(&w, "b", long_ago).await;
    let (_, _overdue) = registered(&w, "c", long_ago).await;
    let (_, _waiting) = registered(&w, "d", today()).await;
    answering::answer(
        db,
        w.official.id,
        on_time.id,
        AnswerDecision::Accepted,
        "Yes",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    answering::answer(
        db,
        w.official.id,
        late.id,
        AnswerDecision::Declined,
        "No",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    answering::rate(db, w.citizen.id, on_time.id, 5, Utc::now())
        .await
        .expect("rated");
    answering::rate(db, w.author.id, late.id, 2, Utc::now())
        .await
        .expect("rated");
    // Astana: one case forwarded there.
    let (_, moved) = registered(&w, "e", today()).await;
    forwarding::forward(
        db,
        w.official.id,
        moved.id,
        "akimat-71",
        "Theirs",
        Utc::now(),
        today(),
    )
    .await
    .expect("forwarded");
    let table = responsiveness::table(db, &ResponsivenessQuery::default(), today())
        .await
        .expect("table");
    let almaty = table
        .rows
        .iter()
        .find(|r| r.body.slug == "akimat-75")
        .expect("Almaty listed");
    assert_eq!(
        (
            almaty.received,
            almaty.on_time,
            almaty.late,
            almaty.overdue,
            almaty.very_overdue
        ),
        (5, 1, 1, 1, 1)
    );
    assert_eq!(almaty.average_rating, Some(3.5));
    assert_eq!(almaty.ratings, 2);
    assert_eq!(almaty.rank, Some(1));
    let astana = table
        .rows
        .iter()
        .find(|r| r.body.slug == "akimat-71")
        .expect("Astana listed");
    assert_eq!((astana.received, astana.rank), (1, None), "too few to rank");
    // Filters: by region (Astana is 71) and by year.
    let only_astana = responsiveness::table(
        db,
        &ResponsivenessQuery {
            region: Some("71".into()),
            ..Default::default()
        },
        today(),
    )
    .await
    .expect("table");
    assert_eq!(
        only_astana
            .rows
            .iter()
            .map(|r| r.body.slug.clone())
            .collect::<Vec<_>>(),
        vec!["akimat-71".to_owned()]
    );
    let none = responsiveness::table(
        db,
        &ResponsivenessQuery {
            year: Some(1999),
            ..Default::default()
        },
        today(),
    )
    .await
    .expect("table");
    assert!(none.rows.is_empty());
    let csv = responsiveness::csv(&table).expect("csv");
    assert!(csv.starts_with("body,kind,level,region,received,"));
    assert!(
        csv.lines()
            .any(|l| l.contains(&w.akimat.name_en) && l.contains(",5,1,1,1,1,"))
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_petition_whose_signatures_fall_under_the_threshold_withdraws_its_case() {
    let w = world().await;
    let db = &w.test.db;
    let (petition_id, c) = registered(&w, "fragile", today()).await;
    // It needs 10 signatures and its counts are zero (as after invalidations): settling takes
    // it back to open and withdraws the case.
    db.execute_unprepared(&format!(
        "UPDATE petitions SET threshold = 10 WHERE id = {petition_id}"
    ))
    .await
    .expect("threshold");
    app::server::services::petitions::counting::settle(db, petition_id, Utc::now(), today())
        .await
        .expect("settles");
    assert_eq!(reload(db, c.id).await.state, CaseState::Withdrawn.as_str());
    assert_eq!(
        kinds(db, c.id).await,
        vec![EventKind::Registered, EventKind::ThresholdLost]
    );
    assert!(
        cases::of_origin(db, CaseKind::Petition, petition_id)
            .await
            .expect("reads")
            .is_none()
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn registered_petitions_their_answer_events_ratings_and_pending_mail_move_onto_cases() {
    use app::server::entities::{case_mailing, case_rating};
    use migrations::{Migrator, MigratorTrait};
    let test = TestDb::empty().await;
    let db = &test.db;
    Migrator::up(db, Some(14)).await.expect("up to 14");
    app::server::seed::reference_data(db).await.expect("seeded");
    let people = people::verified_citizens(db, "old", 2, "75", true)
        .await
        .expect("people");
    let (author, rater) = (people[0].id, people[1].id);
    // Only the columns this schema had: later migrations add more to `bodies`.
    let (akimat_id, akimat_territory): (i32, i32) = body::Entity::find()
        .select_only()
        .column(body::Column::Id)
        .column(body::Column::TerritoryId)
        .filter(body::Column::Slug.eq("akimat-75"))
        .into_tuple()
        .one(db)
        .await
        .expect("reads")
        .expect("seeded");
    let now = "2026-03-10 10:00:00+00:00";
    let insert = |sql: String| async move { db.execute_unprepared(&sql).await.expect("inserted") };
    for (id, status, answered) in [
        (1, "under_consideration", false),
        (2, "answered", true),
        (3, "open", false),
    ] {
        let answer = if answered {
            format!("'{now}', 'accepted', 'Yes', {author}")
        } else {
            "NULL, NULL, NULL, NULL".into()
        };
        let registered = if status == "open" {
            "NULL, NULL, NULL".to_owned()
        } else {
            format!("'{now}', '2026-{id:06}', '2026-03-10'")
        };
        insert(format!(
            "INSERT INTO petitions (id, author_id, body_id, territory_id, topic, title, summary, text, status, hidden, created_at, updated_at, \
             approved_at, threshold, required_grade, threshold_reached_at, registration_number, registered_on, \
             answered_at, answer_decision, answer_text, answered_by_id, answer_mail_after) \
             VALUES ({id}, {author}, {body}, {territory}, 'roads', 'Old {id}', 's', 't', '{status}', false, '{now}', '{now}', \
             '{now}', 10, 'email_verified', {registered}, {answer}, {mail})",
            body = akimat_id,
            territory = akimat_territory,
            mail = if answered { author.to_string() } else { "NULL".into() },
        ))
        .await;
    }
    for (petition, kind) in [
        (1, "submitted"),
        (1, "registered"),
        (2, "registered"),
        (2, "answer_overdue"),
        (2, "answered"),
        (3, "approved"),
    ] {
        insert(format!(
            "INSERT INTO petition_events (petition_id, at, kind, actor_role) VALUES ({petition}, '{now}', '{kind}', 'system')"
        ))
        .await;
    }
    insert(format!(
        "INSERT INTO answer_ratings (petition_id, user_id, rating, rated_at) VALUES (2, {rater}, 4, '{now}')"
    ))
    .await;

    Migrator::up(db, None).await.expect("up to the case core");
    let all = case::Entity::find().all(db).await.expect("reads");
    assert_eq!(all.len(), 2, "the two registered petitions");
    let waiting = all.iter().find(|c| c.origin_id == 1).expect("case of 1");
    let answered = all.iter().find(|c| c.origin_id == 2).expect("case of 2");
    assert_eq!(waiting.state, CaseState::AwaitingAnswer.as_str());
    assert_eq!(answered.state, CaseState::Answered.as_str());
    assert_eq!(answered.answer_text.as_deref(), Some("Yes"));
    assert_eq!((waiting.year, waiting.seq, answered.seq), (2026, 1, 2));
    assert_eq!(
        kinds(db, answered.id).await,
        vec![
            EventKind::Registered,
            EventKind::AnswerOverdue,
            EventKind::Answered
        ]
    );
    let own = timeline::events(db, &[Subject::Petition(1)])
        .await
        .expect("reads");
    assert_eq!(
        own.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        vec!["submitted"]
    );
    assert_eq!(
        case_rating::Entity::find()
            .filter(case_rating::Column::CaseId.eq(answered.id))
            .count(db)
            .await
            .expect("counts"),
        1
    );
    let pending = case_mailing::Entity::find().all(db).await.expect("reads");
    assert_eq!(
        pending
            .iter()
            .map(|m| (m.case_id, m.after_user_id))
            .collect::<Vec<_>>(),
        vec![(answered.id, author)]
    );
    // The sweep brings the placeholder due days up to date; the next case number follows on.
    clock::sweep(db, Utc::now(), today()).await.expect("sweeps");
    assert!(reload(db, waiting.id).await.due_on > waiting.registered_on);
    let number = cases::open(
        db,
        cases::Opening {
            kind: CaseKind::Petition,
            origin_id: 3,
            body_id: akimat_id,
            forwarded_from: None,
            on: NaiveDate::from_ymd_opt(2026, 4, 1).expect("date"),
            term_days: None,
        },
        None,
        Utc::now(),
    )
    .await
    .expect("opens");
    assert_eq!(number.seq, 3);
    test.drop_database().await;
}

/// A small PDF: what the type check reads is the content, not the name.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
/// The first bytes of a PNG image.
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
];

fn upload(name: &str, bytes: &[u8]) -> cases::documents::Upload {
    cases::documents::Upload {
        name: name.into(),
        bytes: bytes.to_vec(),
    }
}

#[tokio::test]
async fn documents_are_checked_by_content_and_kept_once_per_item_limit() {
    use cases::documents::{self, DocumentStore, Item};
    let w = world().await;
    let db = &w.test.db;
    let store = DocumentStore::in_memory();
    let (_, c) = registered(&w, "with papers", today()).await;
    let attach = |user: i32, item: Item, files: Vec<documents::Upload>| {
        let store = store.clone();
        async move { documents::attach(db, &store, user, c.id, item, files, Utc::now(), today()).await }
    };
    refused(
        attach(w.official.id, Item::Answer, vec![upload("a.pdf", PDF)]).await,
        "case-not-answered",
    );
    answering::answer(
        db,
        w.official.id,
        c.id,
        AnswerDecision::Accepted,
        "Yes",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    for who in [w.stranger.id, w.citizen.id, w.author.id, w.moderator.id] {
        forbidden(attach(who, Item::Answer, vec![upload("a.pdf", PDF)]).await);
    }
    for (name, bytes, key) in [
        ("../../x.pdf", PDF, "document-name"),
        ("..\\x.pdf", PDF, "document-name"),
        ("a\u{0}.pdf", PDF, "document-name"),
        ("empty.pdf", &[][..], "document-empty"),
        (
            "notes.pdf",
            &b"just some text, not a PDF"[..],
            "document-type",
        ),
        ("picture.pdf", PNG, "document-type-mismatch"),
        ("answer.png", PDF, "document-type-mismatch"),
    ] {
        invalid(
            attach(w.official.id, Item::Answer, vec![upload(name, bytes)]).await,
            key,
        );
    }
    let mut big = PDF.to_vec();
    big.resize(documents::MAX_BYTES + 1, b' ');
    invalid(
        attach(w.official.id, Item::Answer, vec![upload("big.pdf", &big)]).await,
        "document-too-big",
    );
    // One bad file among good ones: nothing is attached.
    invalid(
        attach(
            w.official.id,
            Item::Answer,
            vec![upload("a.pdf", PDF), upload("b.pdf", b"nope")],
        )
        .await,
        "document-type",
    );
    assert!(
        documents::of_case(db, c.id)
            .await
            .expect("reads")
            .is_empty()
    );
    assert_eq!(
        attach(
            w.official.id,
            Item::Answer,
            vec![upload("Answer №1.pdf", PDF), upload("plan.PNG", PNG)],
        )
        .await
        .expect("attached"),
        2
    );
    invalid(
        attach(
            w.official.id,
            Item::Answer,
            (0..4)
                .map(|i| upload(&format!("more{i}.pdf"), PDF))
                .collect(),
        )
        .await,
        "document-too-many",
    );
    let docs = documents::of_case(db, c.id).await.expect("reads");
    assert_eq!(
        docs.iter()
            .map(|d| (d.item.as_str(), d.name.as_str(), d.content_type.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("answer", "Answer №1.pdf", "application/pdf"),
            ("answer", "plan.PNG", "image/png")
        ]
    );
    let (row, bytes) = documents::fetch(db, &store, docs[0].id)
        .await
        .expect("fetched");
    assert_eq!((row.size, bytes.as_slice()), (PDF.len() as i64, PDF));
    // An item of another case: 404.
    let (_, other) = registered(&w, "another", today()).await;
    let update_elsewhere = {
        answering::answer(
            db,
            w.official.id,
            other.id,
            AnswerDecision::Accepted,
            "Yes",
            Utc::now(),
            today(),
        )
        .await
        .expect("answered");
        answering::follow_up(
            db,
            w.official.id,
            other.id,
            Followup::Answer,
            "More",
            Utc::now(),
            today(),
        )
        .await
        .expect("update");
        views::view(db, other.id, None, today())
            .await
            .expect("page")
            .updates[0]
            .id
    };
    assert!(matches!(
        attach(
            w.official.id,
            Item::Update(update_elsewhere),
            vec![upload("a.pdf", PDF)]
        )
        .await,
        Err(ActionError::NotFound)
    ));
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_local_document_store_keeps_files_by_content_hash() {
    let dir = std::env::temp_dir().join(format!("dauys-docs-{}", std::process::id()));
    let url = url_of(&dir);
    let store = cases::documents::DocumentStore::from_url(&url).expect("opens");
    store.put("abc123", PDF.to_vec()).await.expect("stored");
    assert_eq!(store.get("abc123").await.expect("read"), PDF);
    assert!(dir.join("abc123").exists(), "a file under the directory");
    assert!(store.get("missing").await.is_err());
    assert!(cases::documents::DocumentStore::from_url("ftp://example/x").is_err());
    std::fs::remove_dir_all(&dir).ok();
}

fn url_of(dir: &std::path::Path) -> String {
    format!("file://{}/", dir.display())
}
