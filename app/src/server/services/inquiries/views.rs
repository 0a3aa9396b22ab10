//! What the inquiry pages read: one inquiry with its case, answer and what followed; the
//! public register with its filters (and as CSV); a deputy's page and a maslikhat's, each with
//! its figures; and what the deputy's office drafts with.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::super::timeline::{self, Subject};
use super::super::{ActionError, ServiceError, bodies, cases, roles};
use super::{find, offices, reach, state_of};
use crate::model::{
    AnswerDecision, Assessment, BodyChoice, BodyKind, CaseKind, CaseState, DeputyRef, DeputyView,
    DraftFor, InquiryActions, InquiryDraft, InquiryFigures, InquiryLink, InquiryState,
    InquirySummary, InquiryView, MaslikhatView, Names, Outcome, Register, RegisterQuery, Role,
    StepKind, StepView,
};
use crate::server::entities::{
    body, case, inquiry, inquiry_cosigner, inquiry_step, petition, role_grant, territory, user,
};

/// The most inquiries a list shows at once.
pub const LIST_LIMIT: u64 = 1000;

/// Public names of accounts, by id.
///
/// # Errors
/// A database failure.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, ServiceError> {
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

fn names(b: &body::Model) -> Names {
    Names {
        kk: b.name_kk.clone(),
        ru: b.name_ru.clone(),
        en: b.name_en.clone(),
    }
}

fn choice(b: &body::Model) -> BodyChoice {
    BodyChoice {
        slug: b.slug.clone(),
        names: names(b),
    }
}

/// The live cases of inquiries, by inquiry id.
async fn cases_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, case::Model>, ServiceError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(case::Entity::find()
        .filter(case::Column::Kind.eq(CaseKind::Inquiry.as_str()))
        .filter(case::Column::OriginId.is_in(ids.iter().copied()))
        .filter(
            case::Column::State
                .is_not_in([CaseState::Forwarded.as_str(), CaseState::Withdrawn.as_str()]),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.origin_id, c))
        .collect())
}

/// Summaries of `rows`, with their bodies, deputies and cases read once for all.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn summaries(
    db: &impl ConnectionTrait,
    rows: &[inquiry::Model],
    today: NaiveDate,
) -> Result<Vec<InquirySummary>, ServiceError> {
    let body_ids: Vec<i32> = rows
        .iter()
        .flat_map(|r| [r.body_id, r.maslikhat_id])
        .collect();
    let bodies: HashMap<i32, body::Model> = body::Entity::find()
        .filter(body::Column::Id.is_in(body_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let deputies = names_of(db, rows.iter().map(|r| r.deputy_id)).await?;
    let topics = super::super::topics::Named::load(db).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let by_inquiry = cases_of(db, &ids).await?;
    let case_rows: Vec<case::Model> = by_inquiry.values().cloned().collect();
    let case_summaries: HashMap<i32, crate::model::CaseSummary> =
        cases::views::summaries(db, case_rows, today)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
    let body_of = |id: i32| {
        bodies
            .get(&id)
            .ok_or_else(|| ServiceError::Corrupt(format!("inquiry body {id}")))
            .and_then(bodies::summary)
    };
    rows.iter()
        .map(|r| {
            let case = by_inquiry
                .get(&r.id)
                .and_then(|c| case_summaries.get(&c.id));
            let waiting = case.is_some_and(|c| c.state == CaseState::AwaitingAnswer);
            Ok(InquirySummary {
                id: r.id,
                title: r.title.clone(),
                deputy: DeputyRef {
                    id: r.deputy_id,
                    name: deputies.get(&r.deputy_id).cloned().unwrap_or_default(),
                },
                maslikhat: body_of(r.maslikhat_id)?,
                addressee: body_of(r.body_id)?,
                topic: topics.of(&r.topic),
                state: state_of(r)?,
                case_state: case.map(|c| c.state),
                sent_on: r.sent_on,
                due_on: case.map(|c| c.due_on),
                clock: case.filter(|_| waiting).map(|c| c.clock.clone()),
                outcome: r.outcome.as_deref().and_then(Outcome::parse),
            })
        })
        .collect()
}

/// Whether `viewer` works in the office of `deputy` today: (office, the deputy).
async fn viewer_office(
    db: &impl ConnectionTrait,
    viewer: Option<i32>,
    deputy: i32,
    today: NaiveDate,
) -> Result<InquiryActions, ServiceError> {
    let Some(viewer) = viewer else {
        return Ok(InquiryActions::default());
    };
    let mine = offices(db, viewer, today).await?;
    Ok(InquiryActions {
        is_office: mine.iter().any(|o| o.deputy == deputy),
        is_deputy: mine.iter().any(|o| o.deputy == deputy && !o.as_staff),
    })
}

/// An inquiry's page. A draft is seen only by the deputy's office.
///
/// # Errors
/// `NotFound` for an unknown inquiry or a draft the viewer may not see.
pub async fn page(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<i32>,
    today: NaiveDate,
) -> Result<InquiryView, ActionError> {
    let r = find(db, id).await?;
    let actions = viewer_office(db, viewer, r.deputy_id, today).await?;
    if state_of(&r)? == InquiryState::Draft && !actions.is_office {
        return Err(ActionError::NotFound);
    }
    let summary = summaries(db, std::slice::from_ref(&r), today)
        .await?
        .pop()
        .ok_or(ActionError::NotFound)?;
    let territory = match r.territory_id {
        Some(t) => territory::Entity::find_by_id(t)
            .one(db)
            .await?
            .map(|t| Names {
                kk: t.name_kk,
                ru: t.name_ru,
                en: t.name_en,
            }),
        None => None,
    };
    let cosigner_ids: Vec<i32> = inquiry_cosigner::Entity::find()
        .filter(inquiry_cosigner::Column::InquiryId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.deputy_id)
        .collect();
    let mut people = names_of(db, cosigner_ids.iter().copied().chain([r.prepared_by_id])).await?;
    let cosigners = cosigner_ids
        .iter()
        .map(|d| DeputyRef {
            id: *d,
            name: people.remove(d).unwrap_or_default(),
        })
        .collect();
    let prepared_by = (r.prepared_by_id != r.deputy_id)
        .then(|| people.remove(&r.prepared_by_id))
        .flatten();
    let petition = match r.petition_id {
        Some(p) => petition::Entity::find_by_id(p)
            .one(db)
            .await?
            .map(|p| (p.id, p.title)),
        None => None,
    };
    let title_of = |m: &inquiry::Model| {
        (
            m.id,
            m.title.clone(),
            m.link
                .as_deref()
                .and_then(InquiryLink::parse)
                .unwrap_or(InquiryLink::FollowUp),
        )
    };
    let follows = match r.follows_id {
        Some(f) => inquiry::Entity::find_by_id(f)
            .one(db)
            .await?
            .map(|m| title_of(&m)),
        None => None,
    };
    let continued_by = inquiry::Entity::find()
        .filter(inquiry::Column::FollowsId.eq(id))
        .order_by_asc(inquiry::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(title_of)
        .collect();
    let all_cases = cases::all_of_origin(db, CaseKind::Inquiry, id).await?;
    let live = all_cases.iter().rev().find(|c| {
        c.state != CaseState::Forwarded.as_str() && c.state != CaseState::Withdrawn.as_str()
    });
    let case = match live {
        Some(c) => cases::views::link(db, c).await?,
        None => None,
    };
    let documents = match live {
        Some(c) => cases::documents::of_case(db, c.id)
            .await?
            .into_iter()
            .filter(|d| d.item == "origin")
            .collect(),
        None => Vec::new(),
    };
    let answer = live.and_then(|c| match (&c.decision, &c.answer_text) {
        (Some(d), Some(t)) => AnswerDecision::parse(d).map(|d| (d, t.clone())),
        _ => None,
    });
    let steps = inquiry_step::Entity::find()
        .filter(inquiry_step::Column::InquiryId.eq(id))
        .order_by_asc(inquiry_step::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| {
            Some(StepView {
                kind: StepKind::parse(&s.kind)?,
                on_date: s.on_date,
                text: s.text,
            })
        })
        .collect();
    let mut subjects = vec![Subject::Inquiry(id)];
    subjects.extend(all_cases.iter().map(|c| Subject::Case(c.id)));
    let timeline = timeline::entries(db, &subjects).await?;
    let refer_to = if actions.is_deputy {
        bodies_to_refer(db, r.body_id).await?
    } else {
        Vec::new()
    };
    Ok(InquiryView {
        summary,
        text: r.text.clone(),
        territory,
        cosigners,
        prepared_by,
        petition,
        follows,
        continued_by,
        case,
        answer,
        assessment: r.assessment.as_deref().and_then(Assessment::parse),
        steps,
        outcome_note: r.outcome_note.clone(),
        private_note: if actions.is_office {
            r.private_note.clone()
        } else {
            None
        },
        timeline,
        viewer: actions,
        documents,
        refer_to,
        updated_at: r.updated_at,
    })
}

/// Bodies a referral may go to: every body in force but maslikhats, councils and the first
/// addressee.
async fn bodies_to_refer(
    db: &impl ConnectionTrait,
    except: i32,
) -> Result<Vec<BodyChoice>, ServiceError> {
    Ok(body::Entity::find()
        .filter(body::Column::ValidTo.is_null())
        .filter(body::Column::Kind.is_not_in([
            BodyKind::Maslikhat.as_str(),
            BodyKind::PublicCouncil.as_str(),
        ]))
        .filter(body::Column::Id.ne(except))
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(choice)
        .collect())
}

/// The body with `slug`, if any (an unknown slug filters everything out).
async fn body_id(db: &impl ConnectionTrait, slug: &str) -> Result<i32, ServiceError> {
    Ok(body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map_or(-1, |b| b.id))
}

/// The sent inquiries the register shows for `q`, newest first.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn register_rows(
    db: &impl ConnectionTrait,
    q: &RegisterQuery,
    today: NaiveDate,
) -> Result<Vec<InquirySummary>, ServiceError> {
    // A filter with control characters names nothing (and PostgreSQL refuses a NUL).
    let given = [&q.maslikhat, &q.addressee, &q.topic, &q.territory, &q.state];
    if given
        .iter()
        .filter_map(|v| v.as_deref())
        .any(|v| v.chars().any(char::is_control))
    {
        return Ok(Vec::new());
    }
    let mut query = inquiry::Entity::find()
        .filter(inquiry::Column::State.ne(InquiryState::Draft.as_str()))
        .order_by_desc(inquiry::Column::SentAt)
        .order_by_desc(inquiry::Column::Id)
        .limit(LIST_LIMIT);
    if let Some(slug) = &q.maslikhat {
        query = query.filter(inquiry::Column::MaslikhatId.eq(body_id(db, slug).await?));
    }
    if let Some(slug) = &q.addressee {
        query = query.filter(inquiry::Column::BodyId.eq(body_id(db, slug).await?));
    }
    if let Some(deputy) = q.deputy {
        query = query.filter(inquiry::Column::DeputyId.eq(deputy));
    }
    if let Some(topic) = &q.topic {
        query = query.filter(inquiry::Column::Topic.eq(topic.as_str()));
    }
    if let Some(kato) = &q.territory {
        let root = territory::Entity::find()
            .filter(territory::Column::Kato.eq(kato.as_str()))
            .one(db)
            .await?;
        let tree = match root {
            Some(t) => crate::server::services::territories::tree(db, t.id).await?,
            None => std::collections::HashSet::new(),
        };
        query = query.filter(inquiry::Column::TerritoryId.is_in(tree));
    }
    if q.state.as_deref() == Some("closed") {
        query = query.filter(inquiry::Column::State.eq(InquiryState::Closed.as_str()));
    }
    if let Some(words) = &q.q {
        use crate::server::services::search;
        let terms = search::terms(words);
        query = query.filter(search::matching(
            db.get_database_backend(),
            search::Indexed::Inquiry,
            &terms,
        ));
    }
    let rows = query.all(db).await?;
    let all = summaries(db, &rows, today).await?;
    Ok(all
        .into_iter()
        .filter(|s| match q.state.as_deref() {
            Some("awaiting") => s.case_state == Some(CaseState::AwaitingAnswer),
            Some("answered") => {
                s.state == InquiryState::Sent && s.case_state.is_some_and(CaseState::is_answered)
            }
            _ => true,
        })
        .filter(|s| !q.overdue || is_overdue(s))
        .collect())
}

fn is_overdue(s: &InquirySummary) -> bool {
    matches!(s.clock.as_deref(), Some("overdue" | "very_overdue"))
}

/// The public register: the rows and what one may filter by.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn register(
    db: &impl ConnectionTrait,
    q: &RegisterQuery,
    today: NaiveDate,
) -> Result<Register, ServiceError> {
    let rows = register_rows(db, q, today).await?;
    let maslikhats = body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::Maslikhat.as_str()))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(choice)
        .collect();
    let sent = inquiry::Entity::find()
        .filter(inquiry::Column::State.ne(InquiryState::Draft.as_str()))
        .select_only()
        .column(inquiry::Column::BodyId)
        .column(inquiry::Column::DeputyId)
        .distinct()
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?;
    let addressees = body::Entity::find()
        .filter(body::Column::Id.is_in(sent.iter().map(|(b, _)| *b)))
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(choice)
        .collect();
    let mut deputies: Vec<DeputyRef> = names_of(db, sent.iter().map(|(_, d)| *d))
        .await?
        .into_iter()
        .map(|(id, name)| DeputyRef { id, name })
        .collect();
    deputies.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(Register {
        rows,
        maslikhats,
        addressees,
        deputies,
        topics: super::super::topics::catalogue(db, true).await?,
    })
}

/// The register as CSV, one line per inquiry.
///
/// # Errors
/// `Corrupt` if the writer fails.
pub fn csv(rows: &[InquirySummary], base: &str) -> Result<String, ServiceError> {
    use super::super::cases::responsiveness::csv_cell;
    let fail = |e: &dyn std::fmt::Display| ServiceError::Corrupt(format!("csv: {e}"));
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "id",
            "url",
            "title",
            "deputy",
            "maslikhat",
            "addressee",
            "topic",
            "sent_on",
            "due_on",
            "state",
            "case_state",
            "overdue_now",
            "outcome",
        ])
        .map_err(|e| fail(&e))?;
    for r in rows {
        writer
            .write_record([
                r.id.to_string(),
                format!("{base}/en/inquiries/{}", r.id),
                csv_cell(&r.title),
                csv_cell(&r.deputy.name),
                r.maslikhat.names.en.clone(),
                r.addressee.names.en.clone(),
                r.topic.code.clone(),
                r.sent_on.map(|d| d.to_string()).unwrap_or_default(),
                r.due_on.map(|d| d.to_string()).unwrap_or_default(),
                r.state.as_str().to_owned(),
                r.case_state
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                is_overdue(r).to_string(),
                r.outcome.map(|o| o.as_str().to_owned()).unwrap_or_default(),
            ])
            .map_err(|e| fail(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

/// The figures of a set of sent inquiries.
///
/// # Errors
/// A database failure.
pub async fn figures(
    db: &impl ConnectionTrait,
    rows: &[InquirySummary],
) -> Result<InquiryFigures, ServiceError> {
    let mut f = InquiryFigures {
        sent: rows.len() as u64,
        ..InquiryFigures::default()
    };
    let mut topics: BTreeMap<&str, (&crate::model::TopicView, u64)> = BTreeMap::new();
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    let mut outcomes: BTreeMap<&'static str, u64> = BTreeMap::new();
    for r in rows {
        topics
            .entry(r.topic.code.as_str())
            .or_insert((&r.topic, 0))
            .1 += 1;
        if let Some(d) = r.sent_on {
            *months.entry(d.format("%Y-%m").to_string()).or_default() += 1;
        }
        match r.case_state {
            Some(CaseState::AwaitingAnswer) if is_overdue(r) => f.overdue += 1,
            Some(CaseState::AwaitingAnswer) => f.awaiting += 1,
            Some(CaseState::AnsweredLate) => f.late += 1,
            Some(CaseState::Answered | CaseState::Closed) => f.on_time += 1,
            _ => {}
        }
        if let Some(o) = r.outcome {
            *outcomes.entry(o.as_str()).or_default() += 1;
        }
    }
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    if !ids.is_empty() {
        f.follow_ups = inquiry::Entity::find()
            .filter(inquiry::Column::FollowsId.is_in(ids.iter().copied()))
            .count(db)
            .await?;
        f.escalations = inquiry_step::Entity::find()
            .filter(inquiry_step::Column::InquiryId.is_in(ids.iter().copied()))
            .count(db)
            .await?;
    }
    let mut by_topic: Vec<(crate::model::TopicView, u64)> =
        topics.into_values().map(|(t, n)| (t.clone(), n)).collect();
    by_topic.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code.cmp(&b.0.code)));
    f.by_topic = by_topic;
    f.by_month = months.into_iter().collect();
    f.outcomes = Outcome::ALL
        .iter()
        .filter_map(|o| outcomes.get(o.as_str()).map(|n| (*o, *n)))
        .collect();
    Ok(f)
}

/// A deputy's page: anybody who has held the deputy role.
///
/// # Errors
/// `NotFound` for anybody else.
pub async fn deputy(
    db: &impl ConnectionTrait,
    id: i32,
    today: NaiveDate,
) -> Result<DeputyView, ActionError> {
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(id))
        .filter(role_grant::Column::Role.eq(Role::Deputy.as_str()))
        .order_by_asc(role_grant::Column::StartsOn)
        .all(db)
        .await?;
    let latest = grants.last().ok_or(ActionError::NotFound)?;
    let maslikhat = body::Entity::find_by_id(latest.body_id.unwrap_or_default())
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let name = names_of(db, [id])
        .await?
        .remove(&id)
        .ok_or(ActionError::NotFound)?;
    let profile = crate::server::entities::deputy_profile::Entity::find_by_id(id)
        .one(db)
        .await?;
    let q = RegisterQuery {
        deputy: Some(id),
        ..RegisterQuery::default()
    };
    let inquiries = register_rows(db, &q, today).await?;
    let figures = figures(db, &inquiries).await?;
    Ok(DeputyView {
        deputy: DeputyRef { id, name },
        maslikhat: bodies::summary(&maslikhat)?,
        terms: grants.iter().map(|g| (g.starts_on, g.ends_on)).collect(),
        in_office: roles::holds(db, id, Role::Deputy, Some(maslikhat.id), today).await?,
        district: profile
            .as_ref()
            .map(|p| p.district.clone())
            .filter(|d| !d.is_empty()),
        topics: {
            let named = super::super::topics::Named::load(db).await?;
            profile
                .map(|p| {
                    p.topics
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| named.of(t))
                        .collect()
                })
                .unwrap_or_default()
        },
        figures,
        inquiries,
    })
}

/// The deputies of a maslikhat in office on `day`.
///
/// # Errors
/// A database failure.
pub async fn deputies_of(
    db: &impl ConnectionTrait,
    maslikhat: i32,
    day: NaiveDate,
) -> Result<Vec<DeputyRef>, ServiceError> {
    let ids: Vec<i32> = role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq(Role::Deputy.as_str()))
        .filter(role_grant::Column::BodyId.eq(maslikhat))
        .filter(roles::held_on(day))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.user_id)
        .collect();
    let mut out: Vec<DeputyRef> = names_of(db, ids)
        .await?
        .into_iter()
        .map(|(id, name)| DeputyRef { id, name })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// A maslikhat's page: its deputies in office and every inquiry its deputies sent (those of
/// former deputies too: the record stays with the maslikhat).
///
/// # Errors
/// `NotFound` for anything but a maslikhat.
pub async fn maslikhat(
    db: &impl ConnectionTrait,
    slug: &str,
    today: NaiveDate,
) -> Result<MaslikhatView, ActionError> {
    let b = body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .filter(body::Column::Kind.eq(BodyKind::Maslikhat.as_str()))
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)?;
    let q = RegisterQuery {
        maslikhat: Some(b.slug.clone()),
        ..RegisterQuery::default()
    };
    let inquiries = register_rows(db, &q, today).await?;
    let deputies = deputies_of(db, b.id, today).await?;
    let open_of_former = inquiries
        .iter()
        .filter(|i| i.state == InquiryState::Sent && deputies.iter().all(|d| d.id != i.deputy.id))
        .cloned()
        .collect();
    Ok(MaslikhatView {
        body: bodies::summary(&b)?,
        deputies,
        figures: figures(db, &inquiries).await?,
        open_of_former,
        inquiries,
    })
}

/// The deputies `user` may draft for today, each with the addressees in reach and the
/// colleagues who may join.
///
/// # Errors
/// A database failure.
pub async fn draft_options(
    db: &impl ConnectionTrait,
    user: i32,
    today: NaiveDate,
) -> Result<Vec<DraftFor>, ServiceError> {
    let mut out = Vec::new();
    for office in offices(db, user, today).await? {
        let Some(m) = body::Entity::find_by_id(office.maslikhat).one(db).await? else {
            continue;
        };
        let deputy = DeputyRef {
            id: office.deputy,
            name: names_of(db, [office.deputy])
                .await?
                .remove(&office.deputy)
                .unwrap_or_default(),
        };
        let colleagues = deputies_of(db, m.id, today)
            .await?
            .into_iter()
            .filter(|d| d.id != office.deputy)
            .collect();
        out.push(DraftFor {
            deputy,
            maslikhat: choice(&m),
            addressees: reach(db, m.id).await?.iter().map(choice).collect(),
            colleagues,
        });
    }
    Ok(out)
}

/// The drafts of every office `user` works in, newest first.
///
/// # Errors
/// A database failure or corrupt data.
pub async fn drafts(
    db: &impl ConnectionTrait,
    user: i32,
    today: NaiveDate,
) -> Result<Vec<InquirySummary>, ServiceError> {
    let deputies: Vec<i32> = offices(db, user, today)
        .await?
        .iter()
        .map(|o| o.deputy)
        .collect();
    let rows = inquiry::Entity::find()
        .filter(inquiry::Column::DeputyId.is_in(deputies))
        .filter(inquiry::Column::State.eq(InquiryState::Draft.as_str()))
        .order_by_desc(inquiry::Column::UpdatedAt)
        .all(db)
        .await?;
    summaries(db, &rows, today).await
}

/// A draft as its form shows it, for the deputy's office.
///
/// # Errors
/// `NotFound` for an unknown inquiry or one not a draft of the viewer's office.
pub async fn draft(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    today: NaiveDate,
) -> Result<InquiryDraft, ActionError> {
    let r = find(db, id).await?;
    let office = viewer_office(db, Some(user), r.deputy_id, today).await?;
    if !office.is_office || state_of(&r)? != InquiryState::Draft {
        return Err(ActionError::NotFound);
    }
    let addressee = body::Entity::find_by_id(r.body_id)
        .one(db)
        .await?
        .map(|b| b.slug)
        .unwrap_or_default();
    let territory = match r.territory_id {
        Some(t) => territory::Entity::find_by_id(t)
            .one(db)
            .await?
            .map(|t| t.kato)
            .unwrap_or_default(),
        None => String::new(),
    };
    let cosigners = inquiry_cosigner::Entity::find()
        .filter(inquiry_cosigner::Column::InquiryId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.deputy_id)
        .collect();
    Ok(InquiryDraft {
        id: Some(r.id),
        deputy: r.deputy_id,
        addressee,
        topic: r.topic,
        territory,
        title: r.title,
        text: r.text,
        note: r.private_note.unwrap_or_default(),
        petition: r.petition_id.map(|p| p.to_string()).unwrap_or_default(),
        cosigners,
    })
}

/// The inquiries based on a petition (sent ones), for its page.
///
/// # Errors
/// A database failure.
pub async fn based_on_petition(
    db: &impl ConnectionTrait,
    petition_id: i32,
) -> Result<Vec<inquiry::Model>, ServiceError> {
    Ok(inquiry::Entity::find()
        .filter(inquiry::Column::PetitionId.eq(petition_id))
        .filter(inquiry::Column::State.ne(InquiryState::Draft.as_str()))
        .order_by_asc(inquiry::Column::Id)
        .all(db)
        .await?)
}

/// The latest inquiries sent, answered and closed (at most `limit` entries, newest first), for
/// one maslikhat (slug) when given; an unknown one gives an empty feed.
///
/// # Errors
/// A database failure.
pub async fn feed(
    db: &impl ConnectionTrait,
    maslikhat: Option<&str>,
    limit: u64,
) -> Result<Vec<crate::server::services::petitions::discovery::FeedEntry>, ServiceError> {
    use crate::server::services::petitions::discovery::{self, FeedEntry};
    let office = match maslikhat {
        Some(slug) if slug.chars().any(char::is_control) => return Ok(Vec::new()),
        None => None,
        Some(slug) => match body::Entity::find()
            .filter(body::Column::Slug.eq(slug))
            .filter(body::Column::Kind.eq(BodyKind::Maslikhat.as_str()))
            .one(db)
            .await?
        {
            Some(b) => Some(b.id),
            None => return Ok(Vec::new()),
        },
    };
    let public = || {
        let query =
            inquiry::Entity::find().filter(inquiry::Column::State.ne(InquiryState::Draft.as_str()));
        match office {
            Some(id) => query.filter(inquiry::Column::MaslikhatId.eq(id)),
            None => query,
        }
    };
    let mut entries = Vec::new();
    for (event, column) in [
        ("sent", inquiry::Column::SentAt),
        ("closed", inquiry::Column::ClosedAt),
    ] {
        for r in public()
            .filter(column.is_not_null())
            .order_by_desc(column)
            .limit(limit)
            .all(db)
            .await?
        {
            let at = if event == "sent" {
                r.sent_at
            } else {
                r.closed_at
            };
            if let Some(at) = at {
                entries.push(FeedEntry::excerpt(r.id, &r.title, &r.text, event, at));
            }
        }
    }
    let origins = match office {
        Some(_) => Some(
            public()
                .select_only()
                .column(inquiry::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?,
        ),
        None => None,
    };
    let answered =
        crate::server::services::cases::latest_answered(db, CaseKind::Inquiry, origins, limit)
            .await?;
    let by_id: HashMap<i32, inquiry::Model> = public()
        .filter(inquiry::Column::Id.is_in(answered.iter().map(|c| c.origin_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    for c in &answered {
        if let (Some(r), Some(at)) = (by_id.get(&c.origin_id), c.answered_at) {
            entries.push(FeedEntry::excerpt(r.id, &r.title, &r.text, "answered", at));
        }
    }
    Ok(discovery::newest(entries, limit))
}
