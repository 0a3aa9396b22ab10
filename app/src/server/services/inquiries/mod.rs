//! Maslikhat deputies' inquiries. A deputy, or the deputy's office staff on the deputy's behalf,
//! drafts an inquiry to an akimat within the maslikhat's reach (or one of its departments); the
//! deputy sends it, which opens a case of kind `inquiry` addressed to that body (its clock is
//! the `inquiry_answer` term). After the answer the deputy assesses it, follows it up, escalates
//! it (a site visit, a hearing at a session, a referral) and closes it with an outcome
//! ([`after`]). A deputy adopts a petition from its page ([`adoption`]). Cases belong to the
//! body and inquiries to the maslikhat: when a term ends, the record stays where it is.

pub mod adoption;
pub mod after;
pub mod views;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, SimpleExpr},
};

use super::timeline::Event;
use super::{ActionError, ServiceError, cases, roles, territories};
use crate::model::{
    ActorRole, BodyKind, CaseKind, EventKind, InquiryDraft, InquiryState, PetitionStatus, Role,
};
use crate::server::entities::{
    body, case, inquiry, inquiry_cosigner, petition, role_grant, territory,
};

/// The longest title.
pub const MAX_TITLE: usize = 300;
/// The longest text.
pub const MAX_TEXT: usize = 20_000;
/// The longest private note.
pub const MAX_NOTE: usize = 4_000;
/// The most deputies who may join one inquiry.
pub const MAX_COSIGNERS: usize = 50;

/// A deputy's office as one person may act in it on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Office {
    /// The deputy.
    pub deputy: i32,
    /// The deputy's maslikhat.
    pub maslikhat: i32,
    /// Acting as the deputy's staff (not the deputy).
    pub as_staff: bool,
}

/// The offices `user` acts in on `day`: the deputy's own, and those of the deputies whose
/// staff the user is (while that deputy holds the mandate).
///
/// # Errors
/// A database failure.
pub async fn offices(
    db: &impl ConnectionTrait,
    user: i32,
    day: NaiveDate,
) -> Result<Vec<Office>, ServiceError> {
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user))
        .filter(role_grant::Column::Role.is_in([Role::Deputy.as_str(), Role::DeputyStaff.as_str()]))
        .filter(roles::held_on(day))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for g in grants {
        let Some(maslikhat) = g.body_id else { continue };
        if g.role == Role::Deputy.as_str() {
            out.push(Office {
                deputy: user,
                maslikhat,
                as_staff: false,
            });
        } else if let Some(deputy) = g.for_user_id
            && roles::holds(db, deputy, Role::Deputy, Some(maslikhat), day).await?
        {
            out.push(Office {
                deputy,
                maslikhat,
                as_staff: true,
            });
        }
    }
    Ok(out)
}

/// The office `user` acts in for `deputy` on `day`.
///
/// # Errors
/// `Forbidden` when the user is neither that deputy nor the deputy's staff; a database failure.
pub async fn office_for(
    db: &impl ConnectionTrait,
    user: i32,
    deputy: i32,
    day: NaiveDate,
) -> Result<Office, ActionError> {
    let mine = offices(db, user, day).await?;
    // The deputy's own mandate first: a deputy who is also somebody's staff acts as deputy.
    mine.iter()
        .find(|o| o.deputy == deputy && !o.as_staff)
        .or_else(|| mine.iter().find(|o| o.deputy == deputy))
        .copied()
        .ok_or(ActionError::Forbidden)
}

/// An inquiry by id.
///
/// # Errors
/// `NotFound`; a database failure.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<inquiry::Model, ActionError> {
    inquiry::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ActionError::NotFound)
}

/// The stored state.
///
/// # Errors
/// `Corrupt` for an unknown state.
pub fn state_of(model: &inquiry::Model) -> Result<InquiryState, ServiceError> {
    InquiryState::parse(&model.state)
        .ok_or_else(|| ServiceError::Corrupt(format!("inquiry state {}", model.state)))
}

/// The bodies a maslikhat's deputies may address, in force: the akimats at the maslikhat's
/// level or below within its territory, and their departments (bodies under them).
///
/// # Errors
/// A database failure.
pub async fn reach(
    db: &impl ConnectionTrait,
    maslikhat: i32,
) -> Result<Vec<body::Model>, ServiceError> {
    let Some(m) = body::Entity::find_by_id(maslikhat).one(db).await? else {
        return Ok(Vec::new());
    };
    let tree = territories::tree(db, m.territory_id).await?;
    let akimats: Vec<body::Model> = body::Entity::find()
        .filter(body::Column::Kind.eq(BodyKind::Akimat.as_str()))
        .filter(body::Column::TerritoryId.is_in(tree.iter().copied()))
        .filter(body::Column::ValidTo.is_null())
        .all(db)
        .await?;
    let departments = body::Entity::find()
        .filter(body::Column::ParentId.is_in(akimats.iter().map(|a| a.id)))
        .filter(body::Column::Kind.is_not_in([
            BodyKind::Maslikhat.as_str(),
            BodyKind::PublicCouncil.as_str(),
        ]))
        .filter(body::Column::ValidTo.is_null())
        .all(db)
        .await?;
    let mut out = akimats;
    out.extend(departments);
    out.sort_by_key(|b| b.id);
    out.dedup_by_key(|b| b.id);
    Ok(out)
}

/// The addressee typed in a draft: an unknown slug is the form's error, a body outside the
/// maslikhat's reach is not the office's to address.
async fn addressee(
    db: &impl ConnectionTrait,
    maslikhat: i32,
    slug: &str,
) -> Result<body::Model, ActionError> {
    let slug = slug.trim();
    if slug.is_empty() {
        return Err(ActionError::Invalid {
            field: "addressee",
            key: "inquiry-addressee-missing",
        });
    }
    let found = body::Entity::find()
        .filter(body::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ActionError::Invalid {
            field: "addressee",
            key: "inquiry-addressee-unknown",
        })?;
    if !reach(db, maslikhat).await?.iter().any(|b| b.id == found.id) {
        return Err(ActionError::Forbidden);
    }
    Ok(found)
}

/// A territory by KATO code, or none when left empty.
async fn territory_of(db: &impl ConnectionTrait, kato: &str) -> Result<Option<i32>, ActionError> {
    let kato = kato.trim();
    if kato.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        territory::Entity::find()
            .filter(territory::Column::Kato.eq(kato))
            .one(db)
            .await?
            .ok_or(ActionError::Invalid {
                field: "territory",
                key: "petition-territory-unknown",
            })?
            .id,
    ))
}

/// A public petition by the id typed in the form, or none when left empty.
async fn petition_of(db: &impl ConnectionTrait, typed: &str) -> Result<Option<i32>, ActionError> {
    let typed = typed.trim().trim_start_matches('#');
    if typed.is_empty() {
        return Ok(None);
    }
    let unknown = || ActionError::Invalid {
        field: "petition",
        key: "inquiry-petition-unknown",
    };
    let id: i32 = typed.parse().map_err(|_| unknown())?;
    let found = petition::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(unknown)?;
    match PetitionStatus::parse(&found.status) {
        Some(s) if s.is_public() && s != PetitionStatus::Rejected => Ok(Some(found.id)),
        _ => Err(unknown()),
    }
}

/// Deputies joining an inquiry: each a deputy of the same maslikhat today, not its author.
async fn cosigners_of(
    db: &impl ConnectionTrait,
    office: Office,
    ids: &[i32],
    day: NaiveDate,
) -> Result<Vec<i32>, ActionError> {
    let mut out: Vec<i32> = Vec::new();
    for id in ids {
        if out.contains(id) {
            continue;
        }
        if *id == office.deputy
            || out.len() >= MAX_COSIGNERS
            || !roles::holds(db, *id, Role::Deputy, Some(office.maslikhat), day).await?
        {
            return Err(ActionError::Invalid {
                field: "cosigners",
                key: "inquiry-cosigner-unknown",
            });
        }
        out.push(*id);
    }
    Ok(out)
}

/// Saves a draft (a new one when `draft.id` is none) for `draft.deputy`, by that deputy or
/// the deputy's staff. Returns its id.
///
/// # Errors
/// `Forbidden` for anybody else or an addressee outside the maslikhat's reach; `NotFound`;
/// `Refused` once sent; `Invalid` for a missing or unknown addressee, an empty or too long
/// title or text, an unknown topic, territory, petition or co-signer.
pub async fn save_draft(
    db: &impl ConnectionTrait,
    user: i32,
    draft: &InquiryDraft,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<i32, ActionError> {
    let office = office_for(db, user, draft.deputy, today).await?;
    let existing = match draft.id {
        Some(id) => {
            let found = find(db, id).await?;
            if found.deputy_id != office.deputy {
                return Err(ActionError::Forbidden);
            }
            if state_of(&found)? != InquiryState::Draft {
                return Err(ActionError::Refused("inquiry-not-draft"));
            }
            Some(found)
        }
        None => None,
    };
    let to = addressee(db, office.maslikhat, &draft.addressee).await?;
    let title = cases::checked_text(
        &draft.title,
        "title",
        MAX_TITLE,
        "inquiry-title-empty",
        "inquiry-title-long",
    )?;
    let text = cases::checked_text(
        &draft.text,
        "text",
        MAX_TEXT,
        "inquiry-text-empty",
        "inquiry-text-long",
    )?;
    let note = draft.note.trim();
    if note.chars().count() > MAX_NOTE {
        return Err(ActionError::Invalid {
            field: "note",
            key: "inquiry-note-long",
        });
    }
    let topic = super::topics::chosen(db, &draft.topic).await?;
    let territory = territory_of(db, &draft.territory).await?;
    let petition = petition_of(db, &draft.petition).await?;
    let cosigners = cosigners_of(db, office, &draft.cosigners, today).await?;
    let note = (!note.is_empty()).then(|| note.to_owned());
    let id = match existing {
        Some(found) => {
            let done = inquiry::Entity::update_many()
                .col_expr(inquiry::Column::BodyId, Expr::value(to.id))
                .col_expr(inquiry::Column::Title, Expr::value(title))
                .col_expr(inquiry::Column::Text, Expr::value(text))
                .col_expr(inquiry::Column::PrivateNote, Expr::value(note))
                .col_expr(inquiry::Column::Topic, Expr::value(topic.clone()))
                .col_expr(inquiry::Column::TerritoryId, Expr::value(territory))
                .col_expr(inquiry::Column::PetitionId, Expr::value(petition))
                .col_expr(inquiry::Column::UpdatedAt, Expr::value(now))
                .filter(inquiry::Column::Id.eq(found.id))
                .filter(inquiry::Column::State.eq(InquiryState::Draft.as_str()))
                .exec(db)
                .await?;
            if done.rows_affected != 1 {
                return Err(ActionError::Refused("inquiry-not-draft"));
            }
            inquiry_cosigner::Entity::delete_many()
                .filter(inquiry_cosigner::Column::InquiryId.eq(found.id))
                .exec(db)
                .await?;
            found.id
        }
        None => {
            inquiry::ActiveModel {
                maslikhat_id: Set(office.maslikhat),
                deputy_id: Set(office.deputy),
                prepared_by_id: Set(user),
                body_id: Set(to.id),
                topic: Set(topic.as_str().into()),
                territory_id: Set(territory),
                title: Set(title),
                text: Set(text),
                private_note: Set(note),
                petition_id: Set(petition),
                state: Set(InquiryState::Draft.as_str().into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    };
    super::search::reindex_inquiry(db, id).await?;
    for deputy in cosigners {
        inquiry_cosigner::ActiveModel {
            inquiry_id: Set(id),
            deputy_id: Set(deputy),
        }
        .insert(db)
        .await?;
    }
    Ok(id)
}

/// Moves inquiry `id` from `from` to `to` if it is still in `from`, setting `columns` with it.
/// Returns whether this call made the move (of two racing calls, one does).
///
/// # Errors
/// `Corrupt` for a move the state table forbids (a bug); a database failure.
pub(crate) async fn transition(
    db: &impl ConnectionTrait,
    id: i32,
    (from, to): (InquiryState, InquiryState),
    columns: Vec<(inquiry::Column, SimpleExpr)>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    if !from.may_become(to) {
        return Err(ServiceError::Corrupt(format!(
            "inquiry move {} → {}",
            from.as_str(),
            to.as_str()
        )));
    }
    let mut update = inquiry::Entity::update_many()
        .col_expr(inquiry::Column::State, Expr::value(to.as_str()))
        .col_expr(inquiry::Column::UpdatedAt, Expr::value(now));
    for (column, value) in columns {
        update = update.col_expr(column, value);
    }
    Ok(update
        .filter(inquiry::Column::Id.eq(id))
        .filter(inquiry::Column::State.eq(from.as_str()))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// The inquiry, if `user` is its deputy holding the mandate on `today`.
///
/// # Errors
/// `NotFound`; `Forbidden` for anybody else (the deputy's staff too); a database failure.
pub async fn as_deputy(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    today: NaiveDate,
) -> Result<inquiry::Model, ActionError> {
    let found = find(db, id).await?;
    if found.deputy_id != user
        || !roles::holds(db, user, Role::Deputy, Some(found.maslikhat_id), today).await?
    {
        return Err(ActionError::Forbidden);
    }
    Ok(found)
}

/// The setting that holds a maslikhat's term for answering its deputies' inquiries.
pub fn term_setting(maslikhat_slug: &str) -> String {
    format!("inquiry_answer_days:{maslikhat_slug}")
}

/// The maslikhat's term for answers to its deputies' inquiries, in calendar days, when its
/// setting holds one (the seed gives every maslikhat 15); otherwise the `inquiry_answer` term.
///
/// # Errors
/// A database failure.
pub async fn term_days(
    db: &impl ConnectionTrait,
    maslikhat: i32,
) -> Result<Option<i32>, ServiceError> {
    let Some(m) = body::Entity::find_by_id(maslikhat).one(db).await? else {
        return Ok(None);
    };
    Ok(
        crate::server::entities::platform_setting::Entity::find_by_id(term_setting(&m.slug))
            .one(db)
            .await?
            .and_then(|s| s.value.trim().parse::<i32>().ok())
            .filter(|d| (1..=366).contains(d)),
    )
}

/// Registers inquiry `id` of `maslikhat` with `to` as sent today and opens its case, with the
/// maslikhat's term.
async fn register(
    db: &impl ConnectionTrait,
    (id, maslikhat): (i32, i32),
    to: i32,
    deputy: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<case::Model, ActionError> {
    let term_days = term_days(db, maslikhat).await?;
    cases::open(
        db,
        cases::Opening {
            kind: CaseKind::Inquiry,
            origin_id: id,
            body_id: to,
            forwarded_from: None,
            on: today,
            term_days,
        },
        Some(Event::new(EventKind::Sent, ActorRole::Deputy, Some(deputy))),
        now,
    )
    .await
}

/// The deputy sends a draft: it is registered with the addressee as a case (numbered, its
/// clock started from today). Staff prepare; only the deputy sends.
///
/// # Errors
/// `Forbidden` for anybody but the deputy in office, or an addressee no longer in reach;
/// `NotFound`; `Refused` when already sent.
pub async fn send(
    db: &impl ConnectionTrait,
    user: i32,
    id: i32,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<case::Model, ActionError> {
    let found = as_deputy(db, user, id, today).await?;
    // A topic retired since the draft was saved is no longer offered.
    super::topics::chosen(db, &found.topic).await?;
    if !reach(db, found.maslikhat_id)
        .await?
        .iter()
        .any(|b| b.id == found.body_id)
    {
        return Err(ActionError::Forbidden);
    }
    let moved = transition(
        db,
        id,
        (InquiryState::Draft, InquiryState::Sent),
        vec![
            (inquiry::Column::SentAt, Expr::value(now)),
            (inquiry::Column::SentOn, Expr::value(today)),
            (inquiry::Column::SentById, Expr::value(user)),
        ],
        now,
    )
    .await?;
    if !moved {
        return Err(ActionError::Refused("inquiry-not-draft"));
    }
    register(
        db,
        (id, found.maslikhat_id),
        found.body_id,
        user,
        now,
        today,
    )
    .await
}
