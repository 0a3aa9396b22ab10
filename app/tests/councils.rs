//! Public councils on a real database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`): the
//! seeded members, proposals and support, the desk (merge, hide, agenda), meetings from the
//! draft to the closed minutes with every refusal (past day, short notice, non-voting
//! attendance, no quorum, too many votes, undecided items), recommendations tracked to the
//! body's answer and implementation, the council's health, the role checks and the calendar.

use app::model::{
    AgendaOutcome, AnswerDecision, CaseKind, CaseState, DeskState, MeetingState, Progress,
    RecommendationStatus, Role,
};
use app::server::entities::{
    agenda_item, body, case, council_member, meeting, proposal, recommendation, user,
};
use app::server::services::cases::{self, answering, answering::Followup};
use app::server::services::councils::{
    self, calendar, meetings,
    meetings::{DecisionForm, MeetingForm, Takes},
    members, proposals,
    proposals::ProposalForm,
    views,
};
use app::server::services::{ActionError, today};
use app::server::testing::{TestDb, count_rows, people};
use chrono::{Days, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

const COUNCIL: &str = "council-akimat-75";
const OTHER_COUNCIL: &str = "council-akimat-71";

struct World {
    test: TestDb,
    citizen: user::Model,
    supporter: user::Model,
    secretary: user::Model,
    /// A member of the council (reads the workspace, may not run it).
    member: user::Model,
    /// An official of the Almaty akimat, the council's body.
    official: user::Model,
    /// The secretary of another council.
    other_secretary: user::Model,
    council: body::Model,
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
    let p = people::verified_citizens(&test.db, "council", 6, "75", true)
        .await
        .expect("people");
    for (who, role, body) in [
        (2, Role::CouncilSecretary, COUNCIL),
        (3, Role::CouncilMember, COUNCIL),
        (4, Role::Official, "akimat-75"),
        (5, Role::CouncilSecretary, OTHER_COUNCIL),
    ] {
        people::grant(&test.db, &p[who].email, role, Some(body))
            .await
            .expect("granted");
    }
    let council = body_of(&test.db, COUNCIL).await;
    World {
        citizen: p[0].clone(),
        supporter: p[1].clone(),
        secretary: p[2].clone(),
        member: p[3].clone(),
        official: p[4].clone(),
        other_secretary: p[5].clone(),
        council,
        test,
    }
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
        "expected forbidden, got {result:?}"
    );
}

fn form(title: &str) -> ProposalForm {
    ProposalForm {
        title: title.into(),
        text: "Open the school sports grounds to residents in the evenings.".into(),
        topic: "education".into(),
        territory_kato: "75".into(),
    }
}

/// The ids of the public proposals of every council with `words`, newest first.
async fn public_with(db: &DatabaseConnection, words: &str) -> Vec<i32> {
    views::public_proposals(db, None, Some(words))
        .await
        .expect("list")
        .expect("every council")
        .iter()
        .map(|(_, p, _)| p.id)
        .collect()
}

async fn propose(w: &World, title: &str) -> (i32, i32) {
    proposals::send(
        &w.test.db,
        w.citizen.id,
        COUNCIL,
        &form(title),
        Utc::now(),
        today(),
    )
    .await
    .expect("sent")
}

/// A meeting far enough ahead to publish today: 30 days from now.
fn meeting_form(day: NaiveDate) -> MeetingForm {
    MeetingForm {
        date: Some(day),
        time: "15:00".into(),
        format: "hybrid".into(),
        place: "Almaty akimat, hall 2".into(),
        online_url: "https://meet.example.kz/council".into(),
    }
}

async fn members_of(db: &DatabaseConnection, council_id: i32, day: NaiveDate) -> Vec<i32> {
    members::voting_on(db, council_id, day)
        .await
        .expect("members")
        .iter()
        .map(|m| m.id)
        .collect()
}

#[tokio::test]
async fn every_council_is_seeded_with_members_and_a_former_one() {
    let test = TestDb::new().await;
    let councils = body::Entity::find()
        .filter(body::Column::Kind.eq("public_council"))
        .all(&test.db)
        .await
        .expect("reads");
    assert!(councils.len() >= 20);
    for c in &councils {
        let all = members::all(&test.db, c.id).await.expect("members");
        assert_eq!(all.len(), 10, "{}", c.slug);
        assert_eq!(members_of(&test.db, c.id, today()).await.len(), 8);
        assert_eq!(all.iter().filter(|m| m.ends_on.is_some()).count(), 1);
        assert_eq!(all.iter().filter(|m| m.position == "chair").count(), 1);
    }
    // Seeding again adds nobody.
    let before = count_rows(&test.db, "council_members").await;
    app::server::seed::reference_data(&test.db)
        .await
        .expect("seeds");
    assert_eq!(count_rows(&test.db, "council_members").await, before);
    test.drop_database().await;
}

#[tokio::test]
async fn a_proposal_is_public_at_once_opens_the_councils_case_and_is_supported_once() {
    let w = world().await;
    let db = &w.test.db;
    let (id, case_id) = propose(&w, "Evening sports grounds").await;
    let c = case::Entity::find_by_id(case_id)
        .one(db)
        .await
        .expect("reads")
        .expect("case");
    assert_eq!(c.kind, "proposal");
    assert_eq!(c.body_id, w.council.id);
    assert_eq!(c.state, "awaiting_answer");
    // The council's term: 30 calendar days.
    assert_eq!(c.due_on, today() + Days::new(30));

    // A visitor sees it; the council page lists it.
    let view = views::proposal(db, id, None, today())
        .await
        .expect("public");
    assert_eq!(view.summary.title, "Evening sports grounds");
    assert_eq!(view.case.expect("case link").id, case_id);
    let page = views::council(db, COUNCIL, None, today(), None)
        .await
        .expect("page");
    assert!(page.proposals.iter().any(|p| p.id == id));

    // Support: once per person.
    assert!(
        proposals::support(db, w.supporter.id, id, Utc::now())
            .await
            .expect("supports")
    );
    assert!(
        !proposals::support(db, w.supporter.id, id, Utc::now())
            .await
            .expect("again")
    );
    assert!(
        proposals::support(db, w.member.id, id, Utc::now())
            .await
            .expect("supports")
    );
    let p = proposal::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(p.supporters, 2);

    // Refusals: empty, too long, unknown topic or territory, the same again within a minute.
    let mut bad = form("");
    invalid(
        proposals::send(db, w.citizen.id, COUNCIL, &bad, Utc::now(), today()).await,
        "proposal-title-empty",
    );
    bad = form("Long");
    bad.text = "x".repeat(10_001);
    invalid(
        proposals::send(db, w.citizen.id, COUNCIL, &bad, Utc::now(), today()).await,
        "proposal-text-long",
    );
    bad = form("Topic");
    bad.topic = "nonsense".into();
    invalid(
        proposals::send(db, w.citizen.id, COUNCIL, &bad, Utc::now(), today()).await,
        "petition-topic-unknown",
    );
    bad = form("Territory");
    bad.territory_kato = "999999".into();
    invalid(
        proposals::send(db, w.citizen.id, COUNCIL, &bad, Utc::now(), today()).await,
        "petition-territory-unknown",
    );
    refused(
        proposals::send(
            db,
            w.citizen.id,
            COUNCIL,
            &form("Evening sports grounds"),
            Utc::now(),
            today(),
        )
        .await,
        "proposal-duplicate",
    );
    assert_eq!(
        proposal::Entity::find().count(db).await.expect("counts"),
        1,
        "no refused proposal was saved"
    );
    // A proposal to a body that is no council.
    assert!(matches!(
        proposals::send(
            db,
            w.citizen.id,
            "akimat-75",
            &form("Wrong"),
            Utc::now(),
            today()
        )
        .await,
        Err(ActionError::Service(_) | ActionError::NotFound)
    ));
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_secretary_hides_and_merges_and_nobody_else_may() {
    let w = world().await;
    let db = &w.test.db;
    let (a, _) = propose(&w, "Bus stop shelter").await;
    let (b, b_case) = propose(&w, "A shelter at the bus stop").await;
    let (c, _) = propose(&w, "Shelter, again").await;

    for who in [
        w.citizen.id,
        w.member.id,
        w.official.id,
        w.other_secretary.id,
    ] {
        forbidden(proposals::hide(db, who, a, "Offensive", Utc::now(), today()).await);
        forbidden(proposals::merge(db, who, b, a, Utc::now(), today()).await);
    }
    invalid(
        proposals::merge(db, w.secretary.id, a, a, Utc::now(), today()).await,
        "merge-self",
    );
    proposals::merge(db, w.secretary.id, b, a, Utc::now(), today())
        .await
        .expect("merged");
    // The duplicate's case is withdrawn; both stay visible and linked.
    let withdrawn = case::Entity::find_by_id(b_case)
        .one(db)
        .await
        .expect("reads")
        .expect("case");
    assert_eq!(withdrawn.state, "withdrawn");
    let view_b = views::proposal(db, b, None, today())
        .await
        .expect("visible");
    assert_eq!(view_b.merged_into.expect("linked").0, a);
    assert_eq!(view_b.summary.desk_state, DeskState::Merged);
    let view_a = views::proposal(db, a, None, today())
        .await
        .expect("visible");
    assert_eq!(view_a.duplicates.len(), 1);
    // a into c is fine; then c into b would close a cycle (c → b → a → c).
    proposals::merge(db, w.secretary.id, a, c, Utc::now(), today())
        .await
        .expect("merged");
    invalid(
        proposals::merge(db, w.secretary.id, c, b, Utc::now(), today()).await,
        "merge-cycle",
    );
    // Merging something already handled is refused.
    refused(
        proposals::merge(db, w.secretary.id, b, c, Utc::now(), today()).await,
        "desk-item-handled",
    );

    // Hiding: the public loses it, its author and the council keep it.
    invalid(
        proposals::hide(db, w.secretary.id, c, "  ", Utc::now(), today()).await,
        "hide-reason-empty",
    );
    proposals::hide(
        db,
        w.secretary.id,
        c,
        "Personal data of a third person",
        Utc::now(),
        today(),
    )
    .await
    .expect("hidden");
    refused(
        proposals::hide(db, w.secretary.id, c, "Again", Utc::now(), today()).await,
        "proposal-already-hidden",
    );
    assert!(matches!(
        views::proposal(db, c, None, today()).await,
        Err(ActionError::NotFound)
    ));
    assert!(matches!(
        views::proposal(db, c, Some(w.supporter.id), today()).await,
        Err(ActionError::NotFound)
    ));
    let own = views::proposal(db, c, Some(w.citizen.id), today())
        .await
        .expect("author sees");
    assert_eq!(
        own.hidden_reason.as_deref(),
        Some("Personal data of a third person")
    );
    assert!(
        views::proposal(db, c, Some(w.member.id), today())
            .await
            .is_ok()
    );
    let public = views::council(db, COUNCIL, None, today(), None)
        .await
        .expect("page");
    assert!(public.proposals.iter().all(|p| p.id != c));
    assert!(matches!(
        proposals::support(db, w.supporter.id, c, Utc::now()).await,
        Err(ActionError::NotFound)
    ));
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_meeting_from_the_draft_to_the_minutes_with_every_refusal() {
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    let (proposal_id, proposal_case) = propose(&w, "Evening sports grounds").await;
    let day = today() + Days::new(30);

    // Only the secretary plans; never in the past; a hybrid meeting needs place and link.
    for who in [
        w.member.id,
        w.official.id,
        w.other_secretary.id,
        w.citizen.id,
    ] {
        forbidden(
            meetings::create(db, who, COUNCIL, &meeting_form(day), Utc::now(), today()).await,
        );
    }
    invalid(
        meetings::create(
            db,
            s,
            COUNCIL,
            &meeting_form(today() - Days::new(1)),
            Utc::now(),
            today(),
        )
        .await,
        "meeting-in-past",
    );
    let mut no_link = meeting_form(day);
    no_link.online_url = "javascript:alert(1)".into();
    invalid(
        meetings::create(db, s, COUNCIL, &no_link, Utc::now(), today()).await,
        "meeting-url-invalid",
    );
    let m = meetings::create(db, s, COUNCIL, &meeting_form(day), Utc::now(), today())
        .await
        .expect("planned");

    // A draft is the council's: the public does not see it, members do.
    assert!(matches!(
        views::meeting(db, m, None, today()).await,
        Err(ActionError::NotFound)
    ));
    assert!(
        views::meeting(db, m, Some(w.member.id), today())
            .await
            .is_ok()
    );
    refused(
        meetings::publish(db, s, m, Utc::now(), today()).await,
        "agenda-empty",
    );

    // The proposal goes on the agenda from the desk; once only.
    forbidden(
        meetings::add_item(
            db,
            w.member.id,
            m,
            "",
            Takes::Proposal(proposal_id),
            Utc::now(),
            today(),
        )
        .await,
    );
    let item = meetings::add_item(
        db,
        s,
        m,
        "",
        Takes::Proposal(proposal_id),
        Utc::now(),
        today(),
    )
    .await
    .expect("on the agenda");
    refused(
        meetings::add_item(
            db,
            s,
            m,
            "",
            Takes::Proposal(proposal_id),
            Utc::now(),
            today(),
        )
        .await,
        "desk-item-handled",
    );
    let other = meetings::add_item(
        db,
        s,
        m,
        "Budget hearing",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("second item");
    let desk = views::desk(db, COUNCIL, s, today()).await.expect("desk");
    assert!(desk.proposals.iter().all(|p| p.id != proposal_id));
    forbidden(views::desk(db, COUNCIL, w.official.id, today()).await);
    assert!(
        !views::desk(db, COUNCIL, w.member.id, today())
            .await
            .expect("members read it")
            .viewer
            .is_secretary
    );

    // Publishing needs the notice period: a meeting in two days is too soon.
    let soon = meetings::create(
        db,
        s,
        COUNCIL,
        &meeting_form(today() + Days::new(2)),
        Utc::now(),
        today(),
    )
    .await
    .expect("planned");
    meetings::add_item(db, s, soon, "Anything", Takes::Nothing, Utc::now(), today())
        .await
        .expect("item");
    refused(
        meetings::publish(db, s, soon, Utc::now(), today()).await,
        "agenda-too-late",
    );
    forbidden(meetings::publish(db, w.other_secretary.id, m, Utc::now(), today()).await);
    meetings::publish(db, s, m, Utc::now(), today())
        .await
        .expect("published");
    assert!(views::meeting(db, m, None, today()).await.is_ok());

    // Before the day nothing is recorded.
    let voting = members_of(db, w.council.id, day).await;
    refused(
        meetings::record_attendance(db, s, m, &voting, today()).await,
        "meeting-not-yet",
    );

    // The day of the meeting. The secretary (no vote) cannot be marked present.
    let secretary_seat = council_member::Entity::find()
        .filter(council_member::Column::CouncilId.eq(w.council.id))
        .filter(council_member::Column::Position.eq("secretary"))
        .one(db)
        .await
        .expect("reads")
        .expect("seeded");
    invalid(
        meetings::record_attendance(db, s, m, &[secretary_seat.id], day).await,
        "attendance-not-voting-member",
    );
    // 8 voting members: the quorum is 6. Five present: no decision.
    meetings::record_attendance(db, s, m, &voting[..5], day)
        .await
        .expect("recorded");
    let decision = DecisionForm {
        votes_for: 5,
        votes_against: 0,
        votes_abstained: 0,
        text: "Support the proposal.".into(),
        recommendation: "Open the grounds of schools 12 and 15 from 18:00 to 21:00.".into(),
        answer: None,
    };
    refused(
        meetings::decide(db, s, item, &decision, Utc::now(), day).await,
        "quorum-not-met",
    );
    assert_eq!(count_rows(db, "recommendations").await, 0);
    meetings::record_attendance(db, s, m, &voting[..6], day)
        .await
        .expect("recorded");
    let too_many = DecisionForm {
        votes_for: 5,
        votes_against: 1,
        votes_abstained: 1,
        ..decision.clone()
    };
    invalid(
        meetings::decide(db, s, item, &too_many, Utc::now(), day).await,
        "votes-exceed-present",
    );
    forbidden(meetings::decide(db, w.member.id, item, &decision, Utc::now(), day).await);
    forbidden(meetings::decide(db, w.official.id, item, &decision, Utc::now(), day).await);
    let rec = meetings::decide(db, s, item, &decision, Utc::now(), day)
        .await
        .expect("decided")
        .expect("a recommendation");
    refused(
        meetings::decide(db, s, item, &decision, Utc::now(), day).await,
        "agenda-item-decided",
    );
    refused(
        meetings::record_attendance(db, s, m, &voting, day).await,
        "attendance-after-decisions",
    );

    // The recommendation is a case at the Almaty akimat with a 30-day clock.
    let r = recommendation::Entity::find_by_id(rec)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    let rec_case = cases::of_origin(db, CaseKind::Recommendation, r.id)
        .await
        .expect("reads")
        .expect("case");
    assert_eq!(rec_case.body_id, w.council.parent_id.expect("attached"));
    assert_eq!(rec_case.due_on, day + Days::new(30));
    // The proposal is answered by the decision.
    let answered = case::Entity::find_by_id(proposal_case)
        .one(db)
        .await
        .expect("reads")
        .expect("case");
    assert!(CaseState::parse(&answered.state).is_some_and(CaseState::is_answered));
    assert_eq!(answered.decision.as_deref(), Some("accepted"));
    let p = proposal::Entity::find_by_id(proposal_id)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(p.desk_state, "decided");

    // Closing needs every item decided or deferred, and the minutes.
    refused(
        meetings::close(db, s, m, Utc::now(), day).await,
        "meeting-undecided-items",
    );
    meetings::defer(db, s, other, day).await.expect("deferred");
    refused(
        meetings::close(db, s, m, Utc::now(), day).await,
        "meeting-no-minutes",
    );
    forbidden(meetings::save_minutes(db, w.member.id, m, "Minutes", Utc::now(), day).await);
    forbidden(meetings::save_minutes(db, w.official.id, m, "Minutes", Utc::now(), day).await);
    invalid(
        meetings::save_minutes(db, s, m, " ", Utc::now(), day).await,
        "minutes-empty",
    );
    meetings::save_minutes(
        db,
        s,
        m,
        "Six members present. The proposal was supported.",
        Utc::now(),
        day,
    )
    .await
    .expect("minutes");
    meetings::close(db, s, m, Utc::now(), day)
        .await
        .expect("closed");
    let closed = meeting::Entity::find_by_id(m)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(closed.state, MeetingState::Closed.as_str());
    let deferred = agenda_item::Entity::find_by_id(other)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(deferred.outcome, AgendaOutcome::Deferred.as_str());

    // The meeting's page and the council's health.
    let view = views::meeting(db, m, None, day).await.expect("public");
    assert_eq!(view.present, 6);
    assert_eq!(view.quorum, 6);
    assert_eq!(view.items[0].votes, Some((5, 0, 0)));
    let page = views::council(db, COUNCIL, None, day, None)
        .await
        .expect("page");
    assert_eq!(page.health.last_meeting, Some(day));
    assert_eq!(page.health.meetings_last_year, 1);
    assert_eq!(page.health.dormant_months, None);
    assert_eq!(
        page.recommendations[0].status,
        RecommendationStatus::AwaitingAnswer
    );

    // The body answers and reports the change made: the council page shows it implemented.
    forbidden(
        answering::answer(
            db,
            w.secretary.id,
            rec_case.id,
            AnswerDecision::Accepted,
            "Yes",
            Utc::now(),
            day,
        )
        .await,
    );
    answering::answer(
        db,
        w.official.id,
        rec_case.id,
        AnswerDecision::Accepted,
        "The grounds open from 1 March.",
        Utc::now(),
        day,
    )
    .await
    .expect("answered");
    let page = views::council(db, COUNCIL, None, day, None)
        .await
        .expect("page");
    assert_eq!(
        page.recommendations[0].status,
        RecommendationStatus::Accepted
    );
    answering::follow_up(
        db,
        w.official.id,
        rec_case.id,
        Followup::Implementation(Progress::Done, day),
        "Open since 1 March.",
        Utc::now(),
        day,
    )
    .await
    .expect("updated");
    let page = views::council(db, COUNCIL, None, day, None)
        .await
        .expect("page");
    assert_eq!(
        page.recommendations[0].status,
        RecommendationStatus::Implemented
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn a_council_without_a_meeting_for_three_months_is_flagged_and_overdue_work_counts() {
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    // Never met: flagged.
    let list = views::list(db, today()).await.expect("list");
    let mine = list
        .iter()
        .find(|c| c.council.slug == COUNCIL)
        .expect("listed");
    assert_eq!(mine.health.dormant_months, Some(0));
    assert_eq!(mine.health.last_meeting, None);
    assert_eq!(mine.health.voting_members, 8);
    assert_eq!(mine.health.vacancies, 0);

    // A meeting held four months ago (history from before the secretary's term): "has not
    // met for 4 months".
    let past = today() - chrono::Months::new(4);
    meeting::ActiveModel {
        council_id: Set(w.council.id),
        starts_at: Set(meetings::starts_at(
            past,
            chrono::NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
        )),
        meets_on: Set(past),
        format: Set("in_person".into()),
        place: Set("Hall 2".into()),
        online_url: Set(String::new()),
        state: Set("closed".into()),
        published_at: Set(Some(Utc::now())),
        minutes: Set(Some("Report heard.".into())),
        minutes_at: Set(Some(Utc::now())),
        closed_at: Set(Some(Utc::now())),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("history");
    let list = views::list(db, today()).await.expect("list");
    let mine = list
        .iter()
        .find(|c| c.council.slug == COUNCIL)
        .expect("listed");
    assert_eq!(mine.health.last_meeting, Some(past));
    assert_eq!(mine.health.dormant_months, Some(4));
    // Two months ago it was not flagged.
    let then = views::list(db, past + chrono::Months::new(2))
        .await
        .expect("list");
    let mine = then
        .iter()
        .find(|c| c.council.slug == COUNCIL)
        .expect("listed");
    assert_eq!(mine.health.dormant_months, None);

    // A proposal past the council's deadline counts as overdue.
    let (_, case_id) = propose(&w, "Old proposal").await;
    let c = case::Entity::find_by_id(case_id)
        .one(db)
        .await
        .expect("reads")
        .expect("case");
    let later = c.due_on + Days::new(1);
    let list = views::list(db, later).await.expect("list");
    let mine = list
        .iter()
        .find(|c| c.council.slug == COUNCIL)
        .expect("listed");
    assert_eq!(mine.health.overdue_proposals, 1);

    // A member whose term ended leaves a vacancy.
    let voting = members_of(db, w.council.id, today()).await;
    forbidden(
        members::end(
            db,
            w.member.id,
            w.council.id,
            voting[0],
            Some(today()),
            today(),
        )
        .await,
    );
    members::end(
        db,
        s,
        w.council.id,
        voting[0],
        Some(today() - Days::new(1)),
        today(),
    )
    .await
    .expect("ended");
    let page = views::council(db, COUNCIL, None, today(), None)
        .await
        .expect("page");
    assert_eq!(page.health.voting_members, 7);
    assert_eq!(page.members.len(), 8);
    assert_eq!(page.former.len(), 2);
    w.test.drop_database().await;
}

#[tokio::test]
async fn members_are_kept_by_the_secretary_only() {
    let w = world().await;
    let db = &w.test.db;
    let new = members::MemberForm {
        full_name: "Сейітқали Динара".into(),
        position: "member".into(),
        organisation: "Тұтынушылардың құқықтарын қорғау қоғамы".into(),
        voting: true,
        starts_on: Some(today()),
        ends_on: None,
        email: w.member.email.clone(),
    };
    for who in [
        w.member.id,
        w.official.id,
        w.other_secretary.id,
        w.citizen.id,
    ] {
        forbidden(members::add(db, who, w.council.id, &new, Utc::now(), today()).await);
    }
    let before = count_rows(db, "council_members").await;
    let mut bad = new.clone();
    bad.position = "king".into();
    invalid(
        members::add(db, w.secretary.id, w.council.id, &bad, Utc::now(), today()).await,
        "member-position-unknown",
    );
    bad = new.clone();
    bad.ends_on = Some(today() - Days::new(1));
    invalid(
        members::add(db, w.secretary.id, w.council.id, &bad, Utc::now(), today()).await,
        "member-end-before-start",
    );
    bad = new.clone();
    bad.email = "nobody@example.kz".into();
    invalid(
        members::add(db, w.secretary.id, w.council.id, &bad, Utc::now(), today()).await,
        "member-account-unknown",
    );
    assert_eq!(count_rows(db, "council_members").await, before);
    let id = members::add(db, w.secretary.id, w.council.id, &new, Utc::now(), today())
        .await
        .expect("added");
    let row = council_member::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(row.user_id, Some(w.member.id));
    // Another council's member cannot be ended from this one.
    let other = body_of(db, OTHER_COUNCIL).await;
    let theirs = members_of(db, other.id, today()).await[0];
    assert!(matches!(
        members::end(
            db,
            w.secretary.id,
            w.council.id,
            theirs,
            Some(today()),
            today()
        )
        .await,
        Err(ActionError::NotFound)
    ));
    members::end(db, w.secretary.id, w.council.id, id, Some(today()), today())
        .await
        .expect("ended");
    refused(
        members::end(db, w.secretary.id, w.council.id, id, Some(today()), today()).await,
        "member-already-ended",
    );
    assert!(
        councils::is_member(db, w.member.id, w.council.id, today())
            .await
            .expect("reads")
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_calendar_feed_parses_and_links_back_to_the_meetings() {
    use icalendar::{Calendar, Component, EventLike};
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    let day = today() + Days::new(30);
    let published = meetings::create(db, s, COUNCIL, &meeting_form(day), Utc::now(), today())
        .await
        .expect("planned");
    meetings::add_item(
        db,
        s,
        published,
        "Report",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("item");
    meetings::publish(db, s, published, Utc::now(), today())
        .await
        .expect("published");
    let draft = meetings::create(
        db,
        s,
        COUNCIL,
        &meeting_form(day + Days::new(7)),
        Utc::now(),
        today(),
    )
    .await
    .expect("planned");

    let text = calendar::council_feed(db, COUNCIL, app::i18n::Locale::En, "https://dauys.kz")
        .await
        .expect("feed");
    let parsed: Calendar = text.parse().expect("valid iCalendar");
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 1, "drafts stay out of the feed");
    let e = events[0];
    assert_eq!(
        e.get_url(),
        Some(format!("https://dauys.kz/en/meetings/{published}").as_str())
    );
    assert_eq!(
        e.get_location(),
        Some("Almaty akimat, hall 2 · https://meet.example.kz/council")
    );
    let starts = e.get_start().expect("a start");
    let expected = meetings::starts_at(
        day,
        chrono::NaiveTime::from_hms_opt(15, 0, 0).expect("time"),
    );
    assert_eq!(
        starts,
        icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(expected))
    );
    let one = calendar::meeting_entry(db, published, app::i18n::Locale::Kk, "https://dauys.kz")
        .await
        .expect("entry");
    assert!(one.parse::<Calendar>().is_ok());
    assert!(
        calendar::meeting_entry(db, draft, app::i18n::Locale::Kk, "https://dauys.kz")
            .await
            .is_err()
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn followers_hear_of_agendas_minutes_and_recommendations_and_unsubscribe_in_one_click() {
    use app::server::entities::{council_mailing, outbox_mail};
    use app::server::mail::CouncilNews;
    use app::server::services::{accounts::PublicUrl, councils::following};
    let w = world().await;
    let db = &w.test.db;
    let url = PublicUrl("https://dauys.kz".into());
    following::follow(db, w.supporter.id, w.council.id, Utc::now())
        .await
        .expect("follows");
    following::follow(db, w.supporter.id, w.council.id, Utc::now())
        .await
        .expect("again");
    assert_eq!(count_rows(db, "council_follows").await, 1);
    let day = today() + Days::new(30);
    let m = meetings::create(
        db,
        w.secretary.id,
        COUNCIL,
        &meeting_form(day),
        Utc::now(),
        today(),
    )
    .await
    .expect("planned");
    // Three followers, mailed a chunk of one at a time: the cursor walks them all once.
    following::follow(db, w.citizen.id, w.council.id, Utc::now())
        .await
        .expect("follows");
    following::follow(db, w.member.id, w.council.id, Utc::now())
        .await
        .expect("follows");
    following::queue(db, w.council.id, CouncilNews::Agenda, m, Utc::now())
        .await
        .expect("queued");
    let mailing = council_mailing::Entity::find()
        .one(db)
        .await
        .expect("reads")
        .expect("a mailing");
    let sent = following::send(db, mailing.id, &url, Utc::now(), 1)
        .await
        .expect("sent");
    assert_eq!(sent, 3, "every follower once");
    assert_eq!(
        following::send(db, mailing.id, &url, Utc::now(), 1)
            .await
            .expect("nothing left"),
        0,
        "a finished mailing sends nothing again"
    );
    assert_eq!(
        following::send_pending(db, &url, Utc::now())
            .await
            .expect("nothing pending"),
        0
    );
    for who in [&w.citizen, &w.member] {
        following::unfollow(db, who.id, w.council.id)
            .await
            .expect("unfollows");
    }
    let mail = outbox_mail::Entity::find()
        .filter(outbox_mail::Column::Recipient.eq(w.supporter.email.clone()))
        .one(db)
        .await
        .expect("reads")
        .expect("a mail to the follower");
    assert_eq!(mail.kind, "council_agenda");
    assert!(mail.body_text.contains(&format!("/meetings/{m}")));
    let token = mail
        .body_text
        .split("/unfollow/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an unsubscribe link")
        .to_owned();
    assert_eq!(
        following::council_of_token(db, &token)
            .await
            .expect("reads")
            .map(|c| c.id),
        Some(w.council.id)
    );
    assert!(
        following::unfollow_by_token(db, &token)
            .await
            .expect("unfollows")
    );
    assert!(
        !following::unfollow_by_token(db, &token)
            .await
            .expect("once")
    );
    following::queue(db, w.council.id, CouncilNews::Minutes, m, Utc::now())
        .await
        .expect("queued");
    assert_eq!(
        following::send_pending(db, &url, Utc::now())
            .await
            .expect("nobody"),
        0
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_author_attaches_documents_to_a_proposal_while_it_waits_and_nobody_else_may() {
    use app::server::services::cases::documents::{self, DocumentStore, Item, Upload};
    let w = world().await;
    let db = &w.test.db;
    let store = DocumentStore::in_memory();
    let (id, case_id) = propose(&w, "Evening sports grounds").await;
    let pdf = || Upload {
        name: "plan.pdf".into(),
        bytes: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .to_vec(),
    };
    for who in [w.supporter.id, w.secretary.id, w.official.id] {
        forbidden(
            documents::attach(
                db,
                &store,
                who,
                case_id,
                Item::Origin,
                vec![pdf()],
                Utc::now(),
                today(),
            )
            .await,
        );
    }
    let attached = documents::attach(
        db,
        &store,
        w.citizen.id,
        case_id,
        Item::Origin,
        vec![pdf(), pdf()],
        Utc::now(),
        today(),
    )
    .await
    .expect("attached");
    assert_eq!(attached, 2);
    invalid(
        documents::attach(
            db,
            &store,
            w.citizen.id,
            case_id,
            Item::Origin,
            vec![pdf(), pdf(), pdf(), pdf()],
            Utc::now(),
            today(),
        )
        .await,
        "document-too-many",
    );
    let view = views::proposal(db, id, None, today())
        .await
        .expect("public");
    assert_eq!(view.documents.len(), 2);
    assert_eq!(view.documents[0].name, "plan.pdf");
    // Once the council has answered, the proposal's documents are closed.
    answering::answer(
        db,
        w.secretary.id,
        case_id,
        AnswerDecision::Declined,
        "Not for this council.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    refused(
        documents::attach(
            db,
            &store,
            w.citizen.id,
            case_id,
            Item::Origin,
            vec![pdf()],
            Utc::now(),
            today(),
        )
        .await,
        "case-not-awaiting",
    );
    let p = proposal::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("reads")
        .expect("row");
    assert_eq!(
        p.desk_state, "declined",
        "a declined answer declines it on the desk"
    );
    w.test.drop_database().await;
}

fn pdf(name: &str) -> app::server::services::cases::documents::Upload {
    app::server::services::cases::documents::Upload {
        name: name.into(),
        bytes: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .to_vec(),
    }
}

#[tokio::test]
async fn a_meeting_carries_its_materials_and_signed_minutes_and_a_draft_keeps_them_to_the_council()
{
    use app::server::services::ServiceError;
    use app::server::services::cases::documents::DocumentStore;
    use app::server::services::councils::documents::{self, Kind};
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    let store = DocumentStore::in_memory();
    let day = today() + Days::new(30);
    let m = meetings::create(db, s, COUNCIL, &meeting_form(day), Utc::now(), today())
        .await
        .expect("planned");
    let item = meetings::add_item(
        db,
        s,
        m,
        "Parks budget",
        Takes::Nothing,
        Utc::now(),
        today(),
    )
    .await
    .expect("an item");

    // Only the council's secretary attaches; nothing is stored for the others.
    for who in [
        w.member.id,
        w.official.id,
        w.other_secretary.id,
        w.citizen.id,
    ] {
        forbidden(
            documents::attach(
                db,
                &store,
                who,
                m,
                Kind::Material,
                vec![pdf("a.pdf")],
                Utc::now(),
                today(),
            )
            .await,
        );
    }
    assert_eq!(count_rows(db, "meeting_documents").await, 0);
    // Minutes wait for the agenda and the day.
    refused(
        documents::attach(
            db,
            &store,
            s,
            m,
            Kind::Minutes,
            vec![pdf("m.pdf")],
            Utc::now(),
            today(),
        )
        .await,
        "meeting-not-published",
    );
    let attached = documents::attach(
        db,
        &store,
        s,
        m,
        Kind::Material,
        vec![pdf("budget.pdf"), pdf("map.pdf")],
        Utc::now(),
        today(),
    )
    .await
    .expect("materials");
    assert_eq!(attached, 2);
    invalid(
        documents::attach(
            db,
            &store,
            s,
            m,
            Kind::Material,
            vec![pdf("1.pdf"), pdf("2.pdf"), pdf("3.pdf"), pdf("4.pdf")],
            Utc::now(),
            today(),
        )
        .await,
        "document-too-many",
    );
    let bad = app::server::services::cases::documents::Upload {
        name: "evil.pdf".into(),
        bytes: b"MZ\x90\x00 not a pdf".to_vec(),
    };
    assert!(matches!(
        documents::attach(
            db,
            &store,
            s,
            m,
            Kind::Material,
            vec![bad],
            Utc::now(),
            today()
        )
        .await,
        Err(ActionError::Invalid { .. })
    ));

    // A draft's materials are the council's; published, they are everyone's.
    let docs = documents::of_meeting(db, m).await.expect("listed");
    assert_eq!(docs.len(), 2);
    assert!(
        docs.iter()
            .all(|d| d.item == "material" && d.href == format!("/meeting-documents/{}", d.id))
    );
    let first = docs[0].id;
    for outsider in [None, Some(w.citizen.id), Some(w.other_secretary.id)] {
        assert!(matches!(
            documents::fetch(db, &store, first, outsider, today()).await,
            Err(ServiceError::NotFound)
        ));
    }
    let (row, bytes) = documents::fetch(db, &store, first, Some(w.member.id), today())
        .await
        .expect("a member reads the draft's material");
    assert_eq!(row.name, "budget.pdf");
    assert!(bytes.starts_with(b"%PDF"));
    meetings::publish(db, s, m, Utc::now(), today())
        .await
        .expect("published");
    documents::fetch(db, &store, first, None, today())
        .await
        .expect("public once published");
    let page = views::meeting(db, m, None, today())
        .await
        .expect("public page");
    assert_eq!(page.documents.len(), 2);
    refused(
        documents::attach(
            db,
            &store,
            s,
            m,
            Kind::Minutes,
            vec![pdf("m.pdf")],
            Utc::now(),
            today(),
        )
        .await,
        "meeting-not-yet",
    );

    // On the day: decided, minutes written, closed; the signed minutes may follow the closing,
    // materials may not.
    let voting = members_of(db, w.council.id, day).await;
    meetings::record_attendance(db, s, m, &voting, day)
        .await
        .expect("attendance");
    let decision = DecisionForm {
        votes_for: 6,
        votes_against: 0,
        votes_abstained: 0,
        text: "Approved.".into(),
        recommendation: String::new(),
        answer: None,
    };
    meetings::decide(db, s, item, &decision, Utc::now(), day)
        .await
        .expect("decided");
    meetings::save_minutes(db, s, m, "Minutes of the meeting.", Utc::now(), day)
        .await
        .expect("minutes");
    meetings::close(db, s, m, Utc::now(), day)
        .await
        .expect("closed");
    refused(
        documents::attach(
            db,
            &store,
            s,
            m,
            Kind::Material,
            vec![pdf("late.pdf")],
            Utc::now(),
            day,
        )
        .await,
        "meeting-closed",
    );
    documents::attach(
        db,
        &store,
        s,
        m,
        Kind::Minutes,
        vec![pdf("minutes-signed.pdf")],
        Utc::now(),
        day,
    )
    .await
    .expect("signed minutes after closing");
    let kinds: Vec<String> = documents::of_meeting(db, m)
        .await
        .expect("listed")
        .into_iter()
        .map(|d| d.item)
        .collect();
    assert_eq!(kinds, ["material", "material", "minutes"]);
    // Publishing and closing each queued one mailing to the followers.
    assert_eq!(count_rows(db, "council_mailings").await, 2);
    w.test.drop_database().await;
}

#[tokio::test]
async fn the_secretary_declines_a_proposal_with_a_catalogue_reason_and_the_timeline_names_the_secretary()
 {
    use app::model::{ActorRole, EventKind, ReasonScope};
    use app::server::services::petitions::moderation;
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    let (id, case_id) = propose(&w, "Benches on Abay avenue").await;
    let proposal_reasons = moderation::reasons(db, Some(ReasonScope::Proposal), false)
        .await
        .expect("catalogue");
    assert!(
        proposal_reasons.len() >= 5,
        "the seed gives the proposals' reasons"
    );
    let reason = proposal_reasons[0].id;
    let petition_reason = moderation::reasons(db, Some(ReasonScope::Petition), false)
        .await
        .expect("catalogue")[0]
        .id;
    let explain = "The council decided on benches in March; see its recommendation.";

    for who in [
        w.member.id,
        w.official.id,
        w.other_secretary.id,
        w.citizen.id,
    ] {
        forbidden(
            proposals::decline(db, who, id, Some(reason), explain, Utc::now(), today()).await,
        );
    }
    invalid(
        proposals::decline(
            db,
            s,
            id,
            Some(petition_reason),
            explain,
            Utc::now(),
            today(),
        )
        .await,
        "decline-reason-unknown",
    );
    invalid(
        proposals::decline(db, s, id, None, explain, Utc::now(), today()).await,
        "decline-reason-unknown",
    );
    invalid(
        proposals::decline(db, s, id, Some(reason), "  ", Utc::now(), today()).await,
        "answer-text-empty",
    );
    assert_eq!(count_rows(db, "proposal_declines").await, 0);

    // A moderator may not reject a petition with a proposal's reason either.
    assert!(
        !moderation::reasons(db, Some(ReasonScope::Petition), true)
            .await
            .expect("catalogue")
            .iter()
            .any(|r| r.id == reason)
    );

    // The secretary asks first: the case's timeline names the council's secretary.
    answering::ask_clarification(
        db,
        s,
        case_id,
        "Which part of the avenue?",
        Utc::now(),
        today(),
    )
    .await
    .expect("asked");
    answering::give_clarification(
        db,
        w.citizen.id,
        case_id,
        "Near the library.",
        Utc::now(),
        today(),
    )
    .await
    .expect("replied");
    proposals::decline(db, s, id, Some(reason), explain, Utc::now(), today())
        .await
        .expect("declined");
    refused(
        proposals::decline(db, s, id, Some(reason), explain, Utc::now(), today()).await,
        "desk-item-handled",
    );
    let c = cases::find(db, case_id).await.expect("the case");
    assert_eq!(cases::state_of(&c).expect("state"), CaseState::Answered);
    let view = views::proposal(db, id, None, today())
        .await
        .expect("public");
    assert_eq!(view.summary.desk_state, DeskState::Declined);
    assert_eq!(
        view.declined_for.map(|n| n.en),
        Some(proposal_reasons[0].names.en.clone())
    );
    assert_eq!(
        view.answer,
        Some((AnswerDecision::Declined, explain.to_owned())),
        "the explanation is on the proposal's page"
    );
    let by_secretary: Vec<_> = view
        .timeline
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ClarificationAsked | EventKind::Answered))
        .collect();
    assert_eq!(by_secretary.len(), 2);
    assert!(
        by_secretary
            .iter()
            .all(|e| e.role == ActorRole::CouncilSecretary),
        "the secretary acted as the council's secretary, not as an official: {by_secretary:?}"
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn an_admin_founds_a_council_for_a_body_without_one_and_nobody_else_may() {
    use app::server::services::councils::founding::{self, CouncilForm};
    let w = world().await;
    let db = &w.test.db;
    let admin = people::verified_citizens(db, "founder", 1, "75", true)
        .await
        .expect("people")
        .remove(0);
    people::grant(db, &admin.email, Role::Admin, None)
        .await
        .expect("granted");
    // Every seeded ministry and akimat has its council; a quasi-public entity has none yet.
    assert!(
        founding::bodies_without_council(db)
            .await
            .expect("reads")
            .is_empty()
    );
    let akimat = body_of(db, "akimat-75").await;
    body::ActiveModel {
        slug: Set("kazakhstan-temir-zholy".into()),
        kind: Set("quasi_public".into()),
        level: Set("national".into()),
        parent_id: Set(None),
        territory_id: Set(akimat.territory_id),
        name_kk: Set("Қазақстан темір жолы".into()),
        name_ru: Set("Қазақстан темір жолы".into()),
        name_en: Set("Kazakhstan Temir Zholy".into()),
        valid_from: Set(None),
        valid_to: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("a quasi-public entity");
    let open = founding::bodies_without_council(db).await.expect("reads");
    assert_eq!(
        open.iter().map(|b| b.slug.as_str()).collect::<Vec<_>>(),
        ["kazakhstan-temir-zholy"]
    );
    let form = |body: &str| CouncilForm {
        body: body.into(),
        name_kk: "«Қазақстан темір жолы» жанындағы қоғамдық кеңес".into(),
        name_ru: "Общественный совет при «Қазақстан темір жолы»".into(),
        name_en: "Public council of Kazakhstan Temir Zholy".into(),
    };
    let before = count_rows(db, "bodies").await;
    for who in [w.secretary.id, w.official.id, w.citizen.id] {
        forbidden(founding::create(db, who, &form("kazakhstan-temir-zholy"), today()).await);
    }
    invalid(
        founding::create(db, admin.id, &form("maslikhat-75"), today()).await,
        "council-body-unknown",
    );
    invalid(
        founding::create(db, admin.id, &form("no-such-body"), today()).await,
        "council-body-unknown",
    );
    let mut unnamed = form("kazakhstan-temir-zholy");
    unnamed.name_ru = "  ".into();
    invalid(
        founding::create(db, admin.id, &unnamed, today()).await,
        "council-name-empty",
    );
    refused(
        founding::create(db, admin.id, &form("akimat-75"), today()).await,
        "council-exists",
    );
    assert_eq!(count_rows(db, "bodies").await, before);
    let slug = founding::create(db, admin.id, &form("kazakhstan-temir-zholy"), today())
        .await
        .expect("founded");
    assert_eq!(slug, "council-kazakhstan-temir-zholy");
    refused(
        founding::create(db, admin.id, &form("kazakhstan-temir-zholy"), today()).await,
        "council-exists",
    );
    let page = views::council(db, &slug, None, today(), None)
        .await
        .expect("its page");
    assert_eq!(
        page.council.names.en,
        "Public council of Kazakhstan Temir Zholy"
    );
    assert_eq!(
        page.body.map(|b| b.slug),
        Some("kazakhstan-temir-zholy".to_owned())
    );
    assert!(
        founding::bodies_without_council(db)
            .await
            .expect("reads")
            .is_empty()
    );
    w.test.drop_database().await;
}

#[tokio::test]
async fn proposals_are_found_by_their_words_and_the_feed_tells_what_became_of_them() {
    let w = world().await;
    let db = &w.test.db;
    let s = w.secretary.id;
    let (garden, garden_case) = propose(&w, "Қоғамдық бақ Алатау ауданында").await;
    let (lamps, lamps_case) = propose(&w, "Street lamps in the courtyards").await;
    let (hidden, _) = propose(&w, "Street lamps again, rudely").await;
    proposals::hide(db, s, hidden, "Abusive language.", Utc::now(), today())
        .await
        .expect("hidden");
    let other = proposals::send(
        db,
        w.citizen.id,
        OTHER_COUNCIL,
        &form("Street lamps in Astana"),
        Utc::now(),
        today(),
    )
    .await
    .expect("sent")
    .0;

    // Words on the council's page: Latin script finds the Cyrillic title, and the reverse.
    let titles =
        |v: &app::model::CouncilView| -> Vec<i32> { v.proposals.iter().map(|p| p.id).collect() };
    for (words, found) in [
        ("alatau bak", vec![garden]),
        ("АЛАТАУ", vec![garden]),
        ("street lamp", vec![lamps]),
        ("lamps", vec![lamps]),
        ("no such words", vec![]),
        ("!!!", vec![]),
    ] {
        let page = views::council(db, COUNCIL, None, today(), Some(words))
            .await
            .expect("page");
        assert_eq!(titles(&page), found, "{words}");
    }
    let page = views::council(db, COUNCIL, None, today(), None)
        .await
        .expect("page");
    assert_eq!(
        titles(&page),
        vec![lamps, garden],
        "no words: every public one"
    );

    // The open data's list takes the same words, across councils, never a hidden one.
    assert_eq!(public_with(db, "street lamps").await, vec![other, lamps]);
    assert_eq!(public_with(db, "бак").await, vec![garden]);

    // The feed: received, then answered or declined, per council, hidden ones never.
    answering::answer(
        db,
        s,
        garden_case,
        AnswerDecision::Accepted,
        "The council supports the garden.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    answering::answer(
        db,
        s,
        lamps_case,
        AnswerDecision::Declined,
        "The akimat lights the courtyards this year.",
        Utc::now(),
        today(),
    )
    .await
    .expect("declined");
    let feed = views::proposal_feed(db, Some(COUNCIL), 50)
        .await
        .expect("feed");
    let events: Vec<(i32, &str)> = feed.iter().map(|e| (e.id, e.event)).collect();
    assert_eq!(
        events,
        vec![
            (lamps, "declined"),
            (garden, "answered"),
            (lamps, "received"),
            (garden, "received"),
        ]
    );
    assert!(feed.iter().all(|e| e.id != hidden && e.id != other));
    let all = views::proposal_feed(db, None, 50).await.expect("feed");
    assert!(all.iter().any(|e| e.id == other) && all.iter().all(|e| e.id != hidden));
    assert_eq!(
        views::proposal_feed(db, Some(COUNCIL), 2)
            .await
            .expect("feed")
            .len(),
        2
    );
    for unknown in ["no-such-council", "council\0"] {
        assert!(
            views::proposal_feed(db, Some(unknown), 50)
                .await
                .expect("feed")
                .is_empty()
        );
    }
    w.test.drop_database().await;
}

/// The words are matched in the database's index, so a proposal older than the newest thousand
/// is found as a new one is; a search row lost by hand is written again at start.
#[tokio::test]
async fn an_old_proposal_is_found_by_its_words_past_the_newest_thousand() {
    let w = world().await;
    let db = &w.test.db;
    let (old, _) = propose(&w, "Жаяу жүргіншілер көпірі, Сайран").await;
    // A thousand newer proposals (raw rows: only the one searched for is ever shown).
    db.execute_unprepared(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) \
         INSERT INTO proposals (council_id, author_id, title, text, territory_id, topic, \
           supporters, desk_state, created_at) \
         SELECT council_id, author_id, 'Filler', text, territory_id, topic, supporters, \
           desk_state, created_at FROM n, proposals WHERE proposals.id = {old}"
    ))
    .await
    .expect("a thousand newer proposals");
    assert_eq!(
        public_with(db, "Sayran kopiri").await,
        vec![old],
        "Latin finds Cyrillic"
    );
    let page = views::council(db, COUNCIL, None, today(), Some("жаяу"))
        .await
        .expect("page");
    assert_eq!(
        page.proposals.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![old]
    );

    db.execute_unprepared(&format!(
        "DELETE FROM proposal_search WHERE proposal_id = {old}"
    ))
    .await
    .expect("lost by hand");
    assert!(
        public_with(db, "Sayran").await.is_empty(),
        "found through the index"
    );
    let indexed = app::server::services::search::index_missing(db)
        .await
        .expect("indexed");
    assert!(indexed >= 1001, "the fillers and the lost one: {indexed}");
    assert_eq!(public_with(db, "Sayran").await, vec![old]);
}
