//! Deputies' inquiries on a real database (SQLite, or PostgreSQL with `TEST_DATABASE_URL`):
//! staff draft and the deputy sends (a case to the akimat with a 15-day clock), every
//! refusal of the wrong person, the wrong body and bad input; the answer, the deputy's
//! assessment, follow-ups, referrals, site visits and closing; adopting a petition and its
//! timeline; the register's filters, the figures, a term's end and the CSV.

use app::model::{
    AnswerDecision, Assessment, CaseKind, CaseState, EventKind, InquiryDraft, InquiryLink,
    InquiryState, Outcome, RegisterQuery, Role, StepKind,
};
use app::server::entities::{case, inquiry, role_grant, user};
use app::server::services::cases::{self, answering};
use app::server::services::inquiries::after::{Continuation, Step};
use app::server::services::inquiries::{self, adoption, after, views};
use app::server::services::{ActionError, today};
use app::server::testing::{TestDb, people};
use chrono::{Days, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

const MASLIKHAT: &str = "maslikhat-75";
const AKIMAT: &str = "akimat-75";

struct World {
    test: TestDb,
    deputy: user::Model,
    staff: user::Model,
    colleague: user::Model,
    /// A deputy of another maslikhat (Almaty region).
    other_deputy: user::Model,
    /// Staff of the other deputy.
    other_staff: user::Model,
    official: user::Model,
    other_official: user::Model,
    citizen: user::Model,
    moderator: user::Model,
}

async fn world() -> World {
    let test = TestDb::new().await;
    let p = people::verified_citizens(&test.db, "inq", 9, "75", true)
        .await
        .expect("people");
    for (who, role, body) in [
        (0, Role::Deputy, Some(MASLIKHAT)),
        (2, Role::Deputy, Some(MASLIKHAT)),
        (3, Role::Deputy, Some("maslikhat-19")),
        (5, Role::Official, Some(AKIMAT)),
        (6, Role::Official, Some("akimat-19")),
        (8, Role::Moderator, None),
    ] {
        people::grant(&test.db, &p[who].email, role, body)
            .await
            .expect("granted");
    }
    people::grant_staff(&test.db, &p[1].email, MASLIKHAT, &p[0].email)
        .await
        .expect("staff");
    people::grant_staff(&test.db, &p[4].email, "maslikhat-19", &p[3].email)
        .await
        .expect("staff");
    World {
        deputy: p[0].clone(),
        staff: p[1].clone(),
        colleague: p[2].clone(),
        other_deputy: p[3].clone(),
        other_staff: p[4].clone(),
        official: p[5].clone(),
        other_official: p[6].clone(),
        citizen: p[7].clone(),
        moderator: p[8].clone(),
        test,
    }
}

fn draft(w: &World) -> InquiryDraft {
    InquiryDraft {
        id: None,
        deputy: w.deputy.id,
        addressee: AKIMAT.into(),
        topic: "water".into(),
        territory: "75".into(),
        title: "Water supply in Alatau district".into(),
        text: "Residents have had no running water for three weeks. When will it be restored?"
            .into(),
        note: "Call the residents' committee first.".into(),
        petition: String::new(),
        cosigners: vec![w.colleague.id],
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

/// Staff draft, the deputy sends: the inquiry and its case.
async fn sent(w: &World) -> (i32, case::Model) {
    let db = &w.test.db;
    let id = inquiries::save_draft(db, w.staff.id, &draft(w), Utc::now(), today())
        .await
        .expect("staff draft");
    let case = inquiries::send(db, w.deputy.id, id, Utc::now(), today())
        .await
        .expect("deputy sends");
    (id, case)
}

async fn answered(w: &World) -> (i32, case::Model) {
    let (id, case) = sent(w).await;
    answering::answer(
        &w.test.db,
        w.official.id,
        case.id,
        AnswerDecision::PartlyAccepted,
        "A new pipe is laid by the end of the month.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    (id, case)
}

#[tokio::test]
async fn staff_draft_and_the_deputy_sends_a_case_with_fifteen_calendar_days() {
    let w = world().await;
    let db = &w.test.db;
    let id = inquiries::save_draft(db, w.staff.id, &draft(&w), Utc::now(), today())
        .await
        .expect("staff draft");
    let row = inquiries::find(db, id).await.expect("saved");
    assert_eq!(row.deputy_id, w.deputy.id, "the deputy stays the author");
    assert_eq!(row.prepared_by_id, w.staff.id);
    assert_eq!(row.state, "draft");
    // A draft is the office's only.
    for outsider in [None, Some(w.citizen.id), Some(w.colleague.id)] {
        assert!(matches!(
            views::page(db, id, outsider, today()).await,
            Err(ActionError::NotFound)
        ));
    }
    let office = views::page(db, id, Some(w.staff.id), today())
        .await
        .expect("office sees");
    assert_eq!(
        office.private_note.as_deref(),
        Some("Call the residents' committee first.")
    );
    assert_eq!(
        office.prepared_by.as_deref(),
        Some(w.staff.display_name.as_str())
    );
    assert_eq!(office.cosigners.len(), 1);
    // Staff prepare; only the deputy sends.
    forbidden(inquiries::send(db, w.staff.id, id, Utc::now(), today()).await);
    let case = inquiries::send(db, w.deputy.id, id, Utc::now(), today())
        .await
        .expect("sent");
    assert_eq!(case.kind, CaseKind::Inquiry.as_str());
    assert_eq!(case.state, CaseState::AwaitingAnswer.as_str());
    assert_eq!(case.due_on, today() + Days::new(15), "15 calendar days");
    refused(
        inquiries::send(db, w.deputy.id, id, Utc::now(), today()).await,
        "inquiry-not-draft",
    );
    refused(
        inquiries::save_draft(
            db,
            w.staff.id,
            &InquiryDraft {
                id: Some(id),
                ..draft(&w)
            },
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-not-draft",
    );
    // Public now, without the private note; on the register.
    let public = views::page(db, id, None, today()).await.expect("public");
    assert_eq!(public.summary.state, InquiryState::Sent);
    assert_eq!(public.private_note, None);
    assert!(public.timeline.iter().any(|e| e.kind == EventKind::Sent));
    let register = views::register(db, &RegisterQuery::default(), today())
        .await
        .expect("register");
    assert_eq!(register.rows.len(), 1);
    assert_eq!(register.rows[0].clock.as_deref(), Some("due"));
    // The akimat's official sees it in the inbox with its deadline.
    let inbox = cases::views::inbox(db, &[case.body_id], Default::default(), today())
        .await
        .expect("inbox");
    assert!(
        inbox
            .iter()
            .any(|c| c.id == case.id && c.kind == CaseKind::Inquiry)
    );
}

#[tokio::test]
async fn the_wrong_people_and_the_wrong_bodies_are_refused_and_nothing_changes() {
    let w = world().await;
    let db = &w.test.db;
    // Staff of deputy B drafting for deputy A; a citizen; another maslikhat's deputy.
    for user in [
        w.other_staff.id,
        w.citizen.id,
        w.other_deputy.id,
        w.official.id,
    ] {
        forbidden(inquiries::save_draft(db, user, &draft(&w), Utc::now(), today()).await);
    }
    // A body outside the maslikhat's reach: another region's akimat, a ministry.
    for outside in ["akimat-19", "ministry-health", "government"] {
        forbidden(
            inquiries::save_draft(
                db,
                w.deputy.id,
                &InquiryDraft {
                    addressee: outside.into(),
                    ..draft(&w)
                },
                Utc::now(),
                today(),
            )
            .await,
        );
    }
    let count = inquiry::Entity::find().all(db).await.expect("reads").len();
    assert_eq!(count, 0, "nothing saved");
    // An official answering another body's inquiry.
    let (_, case) = sent(&w).await;
    forbidden(
        answering::answer(
            db,
            w.other_official.id,
            case.id,
            AnswerDecision::Accepted,
            "Yes.",
            Utc::now(),
            today(),
        )
        .await,
    );
    assert_eq!(
        cases::find(db, case.id).await.expect("case").state,
        CaseState::AwaitingAnswer.as_str()
    );
}

#[tokio::test]
async fn bad_input_is_the_forms_error() {
    let w = world().await;
    let db = &w.test.db;
    let world = &w;
    let save = move |d: InquiryDraft| async move {
        inquiries::save_draft(&world.test.db, world.deputy.id, &d, Utc::now(), today()).await
    };
    invalid(
        save(InquiryDraft {
            addressee: String::new(),
            ..draft(&w)
        })
        .await,
        "inquiry-addressee-missing",
    );
    invalid(
        save(InquiryDraft {
            addressee: "no-such-body".into(),
            ..draft(&w)
        })
        .await,
        "inquiry-addressee-unknown",
    );
    invalid(
        save(InquiryDraft {
            text: "   ".into(),
            ..draft(&w)
        })
        .await,
        "inquiry-text-empty",
    );
    invalid(
        save(InquiryDraft {
            text: "x".repeat(20_001),
            ..draft(&w)
        })
        .await,
        "inquiry-text-long",
    );
    invalid(
        save(InquiryDraft {
            title: String::new(),
            ..draft(&w)
        })
        .await,
        "inquiry-title-empty",
    );
    invalid(
        save(InquiryDraft {
            petition: "999999".into(),
            ..draft(&w)
        })
        .await,
        "inquiry-petition-unknown",
    );
    invalid(
        save(InquiryDraft {
            petition: "abc".into(),
            ..draft(&w)
        })
        .await,
        "inquiry-petition-unknown",
    );
    invalid(
        save(InquiryDraft {
            petition: "99999999999".into(),
            ..draft(&w)
        })
        .await,
        "inquiry-petition-unknown",
    );
    invalid(
        save(InquiryDraft {
            topic: "nonsense".into(),
            ..draft(&w)
        })
        .await,
        "petition-topic-unknown",
    );
    invalid(
        save(InquiryDraft {
            territory: "00".into(),
            ..draft(&w)
        })
        .await,
        "petition-territory-unknown",
    );
    invalid(
        save(InquiryDraft {
            cosigners: vec![w.other_deputy.id],
            ..draft(&w)
        })
        .await,
        "inquiry-cosigner-unknown",
    );
    invalid(
        save(InquiryDraft {
            cosigners: vec![w.deputy.id],
            ..draft(&w)
        })
        .await,
        "inquiry-cosigner-unknown",
    );
    assert!(
        inquiry::Entity::find()
            .all(db)
            .await
            .expect("reads")
            .is_empty()
    );
}

#[tokio::test]
async fn after_the_answer_the_deputy_assesses_escalates_follows_up_and_closes() {
    let w = world().await;
    let db = &w.test.db;
    let (id, case) = sent(&w).await;
    // Nothing of this before the answer.
    refused(
        after::assess(
            db,
            w.deputy.id,
            id,
            Assessment::Unsatisfactory,
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-not-answered",
    );
    refused(
        after::close(
            db,
            w.deputy.id,
            id,
            Outcome::Resolved,
            "",
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-not-answered",
    );
    answering::answer(
        db,
        w.official.id,
        case.id,
        AnswerDecision::PartlyAccepted,
        "Next month.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    // Staff and other deputies may not act for the deputy.
    for user in [w.staff.id, w.colleague.id, w.citizen.id] {
        forbidden(
            after::assess(
                db,
                user,
                id,
                Assessment::Unsatisfactory,
                Utc::now(),
                today(),
            )
            .await,
        );
        forbidden(after::close(db, user, id, Outcome::NotResolved, "", Utc::now(), today()).await);
    }
    after::assess(
        db,
        w.deputy.id,
        id,
        Assessment::Unsatisfactory,
        Utc::now(),
        today(),
    )
    .await
    .expect("assessed");
    refused(
        after::assess(
            db,
            w.deputy.id,
            id,
            Assessment::Satisfactory,
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-already-assessed",
    );
    after::add_step(
        db,
        w.deputy.id,
        id,
        &Step {
            kind: StepKind::SiteVisit,
            on: today(),
            text: "The pipe is still broken.".into(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("visit");
    invalid(
        after::add_step(
            db,
            w.deputy.id,
            id,
            &Step {
                kind: StepKind::Hearing,
                on: today() - Days::new(30),
                text: "Too early.".into(),
            },
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-step-date",
    );
    invalid(
        after::add_step(
            db,
            w.deputy.id,
            id,
            &Step {
                kind: StepKind::Hearing,
                on: today(),
                text: " ".into(),
            },
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-step-empty",
    );
    after::add_step(
        db,
        w.deputy.id,
        id,
        &Step {
            kind: StepKind::Referral,
            on: today(),
            text: "Sent to the regional prosecutor's office.".into(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("referral to the prosecutor's office");
    // A follow-up to the same akimat and a referral to the Ministry of Health: new cases.
    let follow = after::continue_with(
        db,
        w.deputy.id,
        id,
        &Continuation {
            link: InquiryLink::FollowUp,
            to: "".into(),
            title: "Again: water".into(),
            text: "When exactly?".into(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("follow-up");
    let referral = after::continue_with(
        db,
        w.deputy.id,
        id,
        &Continuation {
            link: InquiryLink::Referral,
            to: "ministry-health".into(),
            title: "Water quality".into(),
            text: "Please check the water.".into(),
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("referral");
    invalid(
        after::continue_with(
            db,
            w.deputy.id,
            id,
            &Continuation {
                link: InquiryLink::Referral,
                to: "maslikhat-19".into(),
                title: "x".into(),
                text: "y".into(),
            },
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-addressee-unknown",
    );
    let follow_case = cases::of_origin(db, CaseKind::Inquiry, follow)
        .await
        .expect("reads")
        .expect("case");
    assert_eq!(follow_case.body_id, case.body_id);
    let referral_case = cases::of_origin(db, CaseKind::Inquiry, referral)
        .await
        .expect("reads")
        .expect("case");
    assert_ne!(referral_case.body_id, case.body_id);
    after::close(
        db,
        w.deputy.id,
        id,
        Outcome::NotResolved,
        "The akimat did not keep its promise.",
        Utc::now(),
        today(),
    )
    .await
    .expect("closed");
    refused(
        after::close(
            db,
            w.deputy.id,
            id,
            Outcome::Resolved,
            "",
            Utc::now(),
            today(),
        )
        .await,
        "inquiry-not-open",
    );
    let page = views::page(db, id, None, today()).await.expect("page");
    assert_eq!(page.summary.state, InquiryState::Closed);
    assert_eq!(page.summary.outcome, Some(Outcome::NotResolved));
    assert_eq!(page.assessment, Some(Assessment::Unsatisfactory));
    assert_eq!(page.steps.len(), 2);
    assert_eq!(page.continued_by.len(), 2);
    let kinds: Vec<EventKind> = page.timeline.iter().map(|e| e.kind).collect();
    for kind in [
        EventKind::Sent,
        EventKind::Answered,
        EventKind::AnswerUnsatisfactory,
        EventKind::SiteVisit,
        EventKind::Referred,
        EventKind::FollowUpInquiry,
        EventKind::ClosedNotResolved,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} on the timeline: {kinds:?}");
    }
    let figures = views::deputy(db, w.deputy.id, today())
        .await
        .expect("deputy")
        .figures;
    assert_eq!(figures.sent, 3);
    assert_eq!(figures.on_time, 1);
    assert_eq!(figures.follow_ups, 2);
    assert_eq!(figures.escalations, 2);
    assert_eq!(figures.outcomes, vec![(Outcome::NotResolved, 1)]);
}

#[tokio::test]
async fn an_inquiry_becomes_overdue_after_fifteen_days_on_the_register_and_the_dashboard() {
    let w = world().await;
    let db = &w.test.db;
    let (id, _) = sent(&w).await;
    let later = today() + Days::new(16);
    let overdue = RegisterQuery {
        overdue: true,
        ..RegisterQuery::default()
    };
    assert!(
        views::register_rows(db, &overdue, today())
            .await
            .expect("now")
            .is_empty()
    );
    let rows = views::register_rows(db, &overdue, later)
        .await
        .expect("later");
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
    assert_eq!(rows[0].clock.as_deref(), Some("overdue"));
    let figures = views::deputy(db, w.deputy.id, later)
        .await
        .expect("deputy")
        .figures;
    assert_eq!((figures.overdue, figures.awaiting), (1, 0));
    let maslikhat = views::maslikhat(db, MASLIKHAT, later)
        .await
        .expect("maslikhat");
    assert_eq!(maslikhat.figures.overdue, 1);
    let ids: Vec<i32> = maslikhat.deputies.iter().map(|d| d.id).collect();
    assert!(
        ids.contains(&w.deputy.id) && ids.contains(&w.colleague.id),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&w.other_deputy.id),
        "another maslikhat's deputy"
    );
}

#[tokio::test]
async fn a_deputy_adopts_a_petition_and_the_inquiry_tells_the_rest_on_its_timeline() {
    let w = world().await;
    let db = &w.test.db;
    let petition = people::approved_petition(db, w.citizen.id, w.moderator.id, "Water for Alatau")
        .await
        .expect("petition");
    forbidden(adoption::adopt(db, w.citizen.id, petition, Utc::now(), today()).await);
    forbidden(adoption::adopt(db, w.staff.id, petition, Utc::now(), today()).await);
    assert!(
        adoption::adopt(db, w.deputy.id, petition, Utc::now(), today())
            .await
            .expect("adopts")
    );
    assert!(
        !adoption::adopt(db, w.deputy.id, petition, Utc::now(), today())
            .await
            .expect("again")
    );
    let id = inquiries::save_draft(
        db,
        w.staff.id,
        &InquiryDraft {
            petition: petition.to_string(),
            ..draft(&w)
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("based on the petition");
    let case = inquiries::send(db, w.deputy.id, id, Utc::now(), today())
        .await
        .expect("sent");
    answering::answer(
        db,
        w.official.id,
        case.id,
        AnswerDecision::Accepted,
        "Water is back.",
        Utc::now(),
        today(),
    )
    .await
    .expect("answered");
    let page =
        app::server::services::petitions::pages::view(db, petition, None, Utc::now(), today())
            .await
            .expect("petition page");
    assert_eq!(
        page.adopted_by.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![w.deputy.id]
    );
    assert_eq!(
        page.inquiries,
        vec![(id, "Water supply in Alatau district".to_owned())]
    );
    let kinds: Vec<EventKind> = page.timeline.iter().map(|e| e.kind).collect();
    for kind in [EventKind::Adopted, EventKind::Sent, EventKind::Answered] {
        assert!(
            kinds.contains(&kind),
            "{kind:?} on the petition's timeline: {kinds:?}"
        );
    }
}

#[tokio::test]
async fn after_the_term_the_deputy_may_not_act_and_the_record_stays_with_the_maslikhat() {
    let w = world().await;
    let db = &w.test.db;
    let (id, _) = answered(&w).await;
    let draft_id = inquiries::save_draft(db, w.staff.id, &draft(&w), Utc::now(), today())
        .await
        .expect("draft");
    // The term ended yesterday.
    role_grant::Entity::update_many()
        .col_expr(
            role_grant::Column::StartsOn,
            Expr::value(today() - Days::new(400)),
        )
        .col_expr(
            role_grant::Column::EndsOn,
            Expr::value(today() - Days::new(1)),
        )
        .filter(role_grant::Column::UserId.eq(w.deputy.id))
        .filter(role_grant::Column::Role.eq(Role::Deputy.as_str()))
        .exec(db)
        .await
        .expect("term ends");
    forbidden(inquiries::send(db, w.deputy.id, draft_id, Utc::now(), today()).await);
    forbidden(
        after::close(
            db,
            w.deputy.id,
            id,
            Outcome::Resolved,
            "",
            Utc::now(),
            today(),
        )
        .await,
    );
    // The staff's office ended with the deputy's mandate.
    forbidden(inquiries::save_draft(db, w.staff.id, &draft(&w), Utc::now(), today()).await);
    let deputy = views::deputy(db, w.deputy.id, today())
        .await
        .expect("still public");
    assert!(!deputy.in_office);
    assert_eq!(deputy.inquiries.len(), 1);
    let maslikhat = views::maslikhat(db, MASLIKHAT, today())
        .await
        .expect("maslikhat");
    assert_eq!(
        maslikhat.inquiries.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![id]
    );
    assert!(maslikhat.deputies.iter().all(|d| d.id != w.deputy.id));
    assert_eq!(
        maslikhat
            .open_of_former
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
        vec![id],
        "the successors see the open inquiry"
    );
}

/// The first bytes of a PNG image (what the type check reads).
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
];

#[tokio::test]
async fn the_deputy_attaches_site_visit_photos_until_the_inquiry_is_closed() {
    use app::server::services::cases::documents::{self, DocumentStore, Item, Upload};
    let w = world().await;
    let db = &w.test.db;
    let store = DocumentStore::in_memory();
    let (id, case) = answered(&w).await;
    let photo = || {
        vec![Upload {
            name: "site-visit.png".into(),
            bytes: PNG.to_vec(),
        }]
    };
    // After the answer, the deputy still adds photos of the site visit; staff may not.
    forbidden(
        documents::attach(
            db,
            &store,
            w.staff.id,
            case.id,
            Item::Origin,
            photo(),
            Utc::now(),
            today(),
        )
        .await,
    );
    let added = documents::attach(
        db,
        &store,
        w.deputy.id,
        case.id,
        Item::Origin,
        photo(),
        Utc::now(),
        today(),
    )
    .await
    .expect("attached after the answer");
    assert_eq!(added, 1);
    let page = views::page(db, id, None, today()).await.expect("page");
    assert_eq!(page.documents.len(), 1);
    assert_eq!(page.documents[0].name, "site-visit.png");
    after::close(
        db,
        w.deputy.id,
        id,
        Outcome::Resolved,
        "",
        Utc::now(),
        today(),
    )
    .await
    .expect("closed");
    refused(
        documents::attach(
            db,
            &store,
            w.deputy.id,
            case.id,
            Item::Origin,
            photo(),
            Utc::now(),
            today(),
        )
        .await,
        "case-not-awaiting",
    );
}

#[tokio::test]
async fn each_maslikhat_has_its_own_term_and_the_sweep_keeps_it() {
    use app::server::entities::platform_setting;
    use sea_orm::{ActiveModelTrait, Set};
    let w = world().await;
    let db = &w.test.db;
    let key = inquiries::term_setting(MASLIKHAT);
    let seeded = platform_setting::Entity::find_by_id(key.clone())
        .one(db)
        .await
        .expect("reads")
        .expect("seeded");
    assert_eq!(seeded.value, "15");
    platform_setting::ActiveModel {
        key: Set(key),
        value: Set("10".into()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("set");
    let (_, case) = sent(&w).await;
    assert_eq!(case.due_on, today() + Days::new(10));
    assert_eq!(case.term_days, Some(10));
    cases::clock::sweep(db, Utc::now(), today())
        .await
        .expect("sweeps");
    let after = cases::find(db, case.id).await.expect("case");
    assert_eq!(
        after.due_on,
        today() + Days::new(10),
        "the sweep keeps the maslikhat's term"
    );
    // Another maslikhat keeps the default.
    let other = inquiries::save_draft(
        db,
        w.other_deputy.id,
        &InquiryDraft {
            deputy: w.other_deputy.id,
            addressee: "akimat-19".into(),
            territory: String::new(),
            cosigners: vec![],
            ..draft(&w)
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("draft");
    let other = inquiries::send(db, w.other_deputy.id, other, Utc::now(), today())
        .await
        .expect("sent");
    assert_eq!(other.due_on, today() + Days::new(15));
}

#[tokio::test]
async fn the_seed_gives_every_maslikhat_deputies_who_cannot_log_in() {
    let w = world().await;
    let db = &w.test.db;
    let maslikhats = app::server::entities::body::Entity::find()
        .filter(app::server::entities::body::Column::Kind.eq("maslikhat"))
        .all(db)
        .await
        .expect("reads");
    assert!(maslikhats.len() >= 20);
    for m in &maslikhats {
        let page = views::maslikhat(db, &m.slug, today()).await.expect("page");
        assert!(page.deputies.len() >= 3, "{} has deputies", m.slug);
    }
    let seeded = views::maslikhat(db, "maslikhat-71", today())
        .await
        .expect("Astana")
        .deputies;
    let page = views::deputy(db, seeded[0].id, today())
        .await
        .expect("deputy page");
    assert!(page.in_office && page.district.is_some() && page.topics.len() == 2);
    let account = user::Entity::find_by_id(seeded[0].id)
        .one(db)
        .await
        .expect("reads")
        .expect("account");
    assert!(account.email_verified_at.is_none());
    // Seeding again adds nobody.
    let again = app::server::seed::reference_data(db).await.expect("seeds");
    assert!(!again.added_anything(), "{again:?}");
}

#[tokio::test]
async fn the_register_filters_and_its_csv() {
    let w = world().await;
    let db = &w.test.db;
    let (id, _) = answered(&w).await;
    let other = inquiries::save_draft(
        db,
        w.other_deputy.id,
        &InquiryDraft {
            deputy: w.other_deputy.id,
            addressee: "akimat-19".into(),
            topic: "roads".into(),
            territory: "19".into(),
            cosigners: vec![],
            title: "=HYPERLINK(\"x\") road".into(),
            ..draft(&w)
        },
        Utc::now(),
        today(),
    )
    .await
    .expect("other draft");
    inquiries::send(db, w.other_deputy.id, other, Utc::now(), today())
        .await
        .expect("sent");
    let ids = move |q: RegisterQuery| async move {
        views::register_rows(db, &q, today())
            .await
            .expect("rows")
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(RegisterQuery {
            maslikhat: Some(MASLIKHAT.into()),
            ..Default::default()
        })
        .await,
        vec![id]
    );
    assert_eq!(
        ids(RegisterQuery {
            deputy: Some(w.other_deputy.id),
            ..Default::default()
        })
        .await,
        vec![other]
    );
    assert_eq!(
        ids(RegisterQuery {
            addressee: Some(AKIMAT.into()),
            ..Default::default()
        })
        .await,
        vec![id]
    );
    assert_eq!(
        ids(RegisterQuery {
            topic: Some("roads".into()),
            ..Default::default()
        })
        .await,
        vec![other]
    );
    assert_eq!(
        ids(RegisterQuery {
            territory: Some("19".into()),
            ..Default::default()
        })
        .await,
        vec![other]
    );
    assert_eq!(
        ids(RegisterQuery {
            state: Some("answered".into()),
            ..Default::default()
        })
        .await,
        vec![id]
    );
    assert_eq!(
        ids(RegisterQuery {
            state: Some("awaiting".into()),
            ..Default::default()
        })
        .await,
        vec![other]
    );
    assert!(
        ids(RegisterQuery {
            state: Some("closed".into()),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    assert!(
        ids(RegisterQuery {
            maslikhat: Some("no-such".into()),
            ..Default::default()
        })
        .await
        .is_empty()
    );
    let rows = views::register_rows(db, &RegisterQuery::default(), today())
        .await
        .expect("rows");
    let csv = views::csv(&rows, "https://dauys.kz").expect("csv");
    assert_eq!(csv.lines().count(), 3, "a header and two lines: {csv}");
    assert!(csv.contains(&format!("https://dauys.kz/en/inquiries/{id}")));
    assert!(csv.contains("'=HYPERLINK"), "a formula is defused: {csv}");
}

/// The register's words are matched in the database's index, so an inquiry older than the
/// newest thousand is found as a new one is; a search row lost by hand is written again at
/// start.
#[tokio::test]
async fn an_old_inquiry_is_found_by_its_words_past_the_newest_thousand() {
    let w = world().await;
    let db = &w.test.db;
    let (old, _) = sent(&w).await;
    db.execute_unprepared(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) \
         INSERT INTO inquiries (maslikhat_id, deputy_id, prepared_by_id, sent_by_id, body_id, \
           topic, territory_id, title, text, state, created_at, updated_at, sent_at, sent_on) \
         SELECT maslikhat_id, deputy_id, prepared_by_id, sent_by_id, body_id, topic, \
           territory_id, 'Filler', 'Nothing to see.', state, created_at, updated_at, sent_at, \
           sent_on FROM n, inquiries WHERE inquiries.id = {old}"
    ))
    .await
    .expect("a thousand newer inquiries");
    let found = |words: &'static str| async move {
        views::register_rows(
            db,
            &RegisterQuery {
                q: Some(words.into()),
                ..RegisterQuery::default()
            },
            today(),
        )
        .await
        .expect("rows")
        .iter()
        .map(|r| r.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(found("alatau water").await, vec![old]);
    assert_eq!(found("АЛАТАУ").await, vec![old], "Cyrillic finds Latin");
    assert!(
        found("water nowhere").await.is_empty(),
        "every word must match"
    );

    db.execute_unprepared(&format!(
        "DELETE FROM inquiry_search WHERE inquiry_id = {old}"
    ))
    .await
    .expect("lost by hand");
    assert!(found("alatau").await.is_empty(), "found through the index");
    let indexed = app::server::services::search::index_missing(db)
        .await
        .expect("indexed");
    assert!(indexed >= 1001, "the fillers and the lost one: {indexed}");
    assert_eq!(found("alatau").await, vec![old]);
}
