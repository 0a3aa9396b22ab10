//! Filing: a verified citizen writes a draft, edits it, and submits it to moderation after
//! confirming the prohibited-topics list; the filing page's help choosing the body.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, sea_query::Expr,
};

use super::{ClockName, Clocks, Event, PetitionError, initial_support, record, releasing_claim};
use crate::model::{
    ActorRole, BodyKind, BodyOption, DraftView, EventKind, FilingOptions, Names, PetitionStatus,
};
use crate::server::entities::{body, petition, rejection_reason, territory, topic, user};
use crate::server::services::{ServiceError, bodies, search, territories, thresholds, topics};

/// The longest title, summary and text, in characters.
pub const TITLE_MAX: usize = 120;
/// See [`TITLE_MAX`].
pub const SUMMARY_MAX: usize = 500;
/// See [`TITLE_MAX`].
pub const TEXT_MAX: usize = 6_000;

/// What the author typed.
#[derive(Clone, Debug, Default)]
pub struct DraftForm {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Full text.
    pub text: String,
    /// The addressee body's slug.
    pub body_slug: String,
    /// The territory's KATO code.
    pub territory_kato: String,
    /// The topic's stored name.
    pub topic: String,
}

struct Valid {
    title: String,
    summary: String,
    text: String,
    body_id: i32,
    territory_id: i32,
    topic: String,
}

fn bounded(
    value: &str,
    max: usize,
    field: &'static str,
    empty: &'static str,
    long: &'static str,
) -> Result<String, PetitionError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(PetitionError::Invalid { field, key: empty });
    }
    if value.chars().count() > max {
        return Err(PetitionError::Invalid { field, key: long });
    }
    Ok(value.to_owned())
}

async fn validate(db: &impl ConnectionTrait, form: &DraftForm) -> Result<Valid, PetitionError> {
    // Cleaned again here (the form boundary did it already): a title is one line whatever the
    // caller, and no text keeps a control or direction-override character.
    use crate::server::text::clean;
    let title = bounded(
        &clean(&form.title, false),
        TITLE_MAX,
        "title",
        "petition-title-empty",
        "petition-title-long",
    )?;
    let summary = bounded(
        &clean(&form.summary, true),
        SUMMARY_MAX,
        "summary",
        "petition-summary-empty",
        "petition-summary-long",
    )?;
    let text = bounded(
        &clean(&form.text, true),
        TEXT_MAX,
        "text",
        "petition-text-empty",
        "petition-text-long",
    )?;
    let topic = topics::offered(db, &form.topic)
        .await?
        .ok_or(PetitionError::Invalid {
            field: "topic",
            key: "petition-topic-unknown",
        })?
        .code;
    let place = territory::Entity::find()
        .filter(territory::Column::Kato.eq(form.territory_kato.trim()))
        .one(db)
        .await?
        .ok_or(PetitionError::Invalid {
            field: "territory",
            key: "petition-territory-unknown",
        })?;
    let unknown_body = PetitionError::Invalid {
        field: "body",
        key: "petition-body-unknown",
    };
    let addressee = body::Entity::find()
        .filter(body::Column::Slug.eq(form.body_slug.trim()))
        .filter(body::Column::ValidTo.is_null())
        .one(db)
        .await?
        .ok_or(unknown_body)?;
    if thresholds::for_body(db, &addressee).await?.is_none() {
        return Err(PetitionError::Invalid {
            field: "body",
            key: "petition-body-not-addressable",
        });
    }
    if addressee.level != "national" && addressee.territory_id != place.id {
        return Err(PetitionError::Invalid {
            field: "body",
            key: "petition-body-territory",
        });
    }
    Ok(Valid {
        title,
        summary,
        text,
        body_id: addressee.id,
        territory_id: place.id,
        topic,
    })
}

async fn verified_author(db: &impl ConnectionTrait, author: i32) -> Result<(), PetitionError> {
    let account = user::Entity::find_by_id(author)
        .one(db)
        .await?
        .ok_or(PetitionError::Forbidden)?;
    if account.deleted_at.is_some() {
        return Err(PetitionError::Forbidden);
    }
    if account.email_verified_at.is_none() {
        return Err(PetitionError::Refused("petition-verify-first"));
    }
    Ok(())
}

/// Saves a draft: a new one (`id` `None`) or the author's existing draft. Returns its id.
///
/// # Errors
/// `Invalid` for a bad field; `Refused` for an unverified author or a petition that is no
/// longer a draft; `NotFound` for somebody else's petition.
pub async fn save_draft(
    db: &impl ConnectionTrait,
    author: i32,
    id: Option<i32>,
    form: &DraftForm,
    now: DateTime<Utc>,
) -> Result<i32, PetitionError> {
    verified_author(db, author).await?;
    let valid = validate(db, form).await?;
    match id {
        None => {
            let drafts = petition::Entity::find()
                .filter(petition::Column::AuthorId.eq(author))
                .filter(petition::Column::Status.eq(PetitionStatus::Draft.as_str()))
                .count(db)
                .await?;
            if drafts >= MAX_DRAFTS {
                return Err(PetitionError::Refused("petition-too-many-drafts"));
            }
            let created = petition::ActiveModel {
                author_id: Set(author),
                body_id: Set(valid.body_id),
                territory_id: Set(valid.territory_id),
                topic: Set(valid.topic.as_str().into()),
                title: Set(valid.title),
                summary: Set(valid.summary),
                text: Set(valid.text),
                status: Set(PetitionStatus::Draft.as_str().into()),
                hidden: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            search::index_petition(db, &created).await?;
            Ok(created.id)
        }
        Some(id) => {
            let changed = petition::Entity::update_many()
                .col_expr(petition::Column::BodyId, Expr::value(valid.body_id))
                .col_expr(
                    petition::Column::TerritoryId,
                    Expr::value(valid.territory_id),
                )
                .col_expr(petition::Column::Topic, Expr::value(valid.topic.clone()))
                .col_expr(petition::Column::Title, Expr::value(valid.title))
                .col_expr(petition::Column::Summary, Expr::value(valid.summary))
                .col_expr(petition::Column::Text, Expr::value(valid.text))
                .col_expr(petition::Column::UpdatedAt, Expr::value(now))
                .filter(petition::Column::Id.eq(id))
                .filter(petition::Column::AuthorId.eq(author))
                .filter(petition::Column::Status.eq(PetitionStatus::Draft.as_str()))
                .exec(db)
                .await?
                .rows_affected;
            if changed == 1 {
                search::reindex_petition(db, id).await?;
                Ok(id)
            } else {
                Err(not_a_draft_of(db, author, id).await)
            }
        }
    }
}

/// Why a change to `id` as `author`'s draft did not apply.
async fn not_a_draft_of(db: &impl ConnectionTrait, author: i32, id: i32) -> PetitionError {
    match petition::Entity::find_by_id(id).one(db).await {
        Ok(Some(p)) if p.author_id == author => PetitionError::Refused("petition-not-draft"),
        Ok(_) => PetitionError::NotFound,
        Err(e) => e.into(),
    }
}

/// Sends the author's draft to moderation; the author confirms the prohibited-topics list.
///
/// # Errors
/// `Invalid` without the confirmation; `Refused` when it is not a draft; `NotFound` for
/// somebody else's petition.
pub async fn submit(
    db: &impl ConnectionTrait,
    author: i32,
    id: i32,
    confirmed: bool,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), PetitionError> {
    verified_author(db, author).await?;
    if !confirmed {
        return Err(PetitionError::Invalid {
            field: "confirm",
            key: "petition-confirm-required",
        });
    }
    // The draft's addressee decides the moderation term it starts with (a draft of somebody
    // else's, or none, is refused below as it was).
    let draft = petition::Entity::find_by_id(id).one(db).await?;
    let body_id = draft.as_ref().map_or(0, |p| p.body_id);
    // A topic retired since the draft was saved is no longer offered: the author chooses
    // another.
    if let Some(p) = draft.as_ref().filter(|p| p.author_id == author)
        && topics::offered(db, &p.topic).await?.is_none()
    {
        return Err(PetitionError::Invalid {
            field: "topic",
            key: "petition-topic-unknown",
        });
    }
    let [amount, unit] = super::starting_term(db, super::ClockName::Moderation, body_id).await?;
    let changed = releasing_claim(petition::Entity::update_many())
        .col_expr(
            petition::Column::Status,
            Expr::value(PetitionStatus::Moderation.as_str()),
        )
        .col_expr(amount.0, amount.1)
        .col_expr(unit.0, unit.1)
        .col_expr(petition::Column::SubmittedAt, Expr::value(now))
        .col_expr(petition::Column::ProhibitedConfirmedAt, Expr::value(now))
        .col_expr(petition::Column::ModerationStartedOn, Expr::value(today))
        .col_expr(
            petition::Column::ModerationOverdueAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(petition::Column::UpdatedAt, Expr::value(now))
        .filter(petition::Column::Id.eq(id))
        .filter(petition::Column::AuthorId.eq(author))
        .filter(petition::Column::Status.eq(PetitionStatus::Draft.as_str()))
        .exec(db)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(not_a_draft_of(db, author, id).await);
    }
    record(
        db,
        id,
        Event::new(EventKind::Submitted, ActorRole::Author, Some(author)),
        now,
    )
    .await?;
    Ok(())
}

/// How many drafts one author may keep at once.
pub const MAX_DRAFTS: u64 = 20;

/// What became of a withdrawn petition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withdrawn {
    /// A draft nobody else had seen: deleted.
    DraftDeleted,
    /// A petition in moderation: back with its author as a draft, out of the queue, never
    /// shown to anybody else.
    BackToDraft,
    /// A public petition still collecting support: closed, and it stays public.
    Closed,
}

/// The author withdraws their petition: a draft (deleted), one in moderation (taken out of the
/// queue and back to a draft, its text never public), or one still collecting support before
/// its threshold (closed; it stays public as it was).
///
/// # Errors
/// `Refused` past the threshold or once closed; `NotFound` for somebody else's petition.
pub async fn withdraw(
    db: &impl ConnectionTrait,
    author: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<Withdrawn, PetitionError> {
    let found = petition::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|p| p.author_id == author)
        .ok_or(PetitionError::NotFound)?;
    let status = PetitionStatus::parse(&found.status).unwrap_or(PetitionStatus::Closed);
    let mine = |update: sea_orm::UpdateMany<petition::Entity>, expected: PetitionStatus| {
        update
            .filter(petition::Column::Id.eq(id))
            .filter(petition::Column::AuthorId.eq(author))
            .filter(petition::Column::Status.eq(expected.as_str()))
    };
    let (changed, outcome) = match status {
        PetitionStatus::Draft => {
            // A draft has no signatures and no public trace; its own timeline goes with it.
            crate::server::entities::timeline_event::Entity::delete_many()
                .filter(crate::server::entities::timeline_event::Column::SubjectKind.eq("petition"))
                .filter(crate::server::entities::timeline_event::Column::SubjectId.eq(id))
                .exec(db)
                .await?;
            let deleted = petition::Entity::delete_many()
                .filter(petition::Column::Id.eq(id))
                .filter(petition::Column::AuthorId.eq(author))
                .filter(petition::Column::Status.eq(PetitionStatus::Draft.as_str()))
                .exec(db)
                .await?
                .rows_affected;
            return if deleted == 1 {
                Ok(Withdrawn::DraftDeleted)
            } else {
                Err(PetitionError::Refused("petition-cannot-withdraw"))
            };
        }
        PetitionStatus::Moderation => {
            let update = releasing_claim(petition::Entity::update_many())
                .col_expr(
                    petition::Column::Status,
                    Expr::value(PetitionStatus::Draft.as_str()),
                )
                .col_expr(
                    petition::Column::SubmittedAt,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .col_expr(
                    petition::Column::ModerationStartedOn,
                    Expr::value(Option::<chrono::NaiveDate>::None),
                )
                .col_expr(petition::Column::UpdatedAt, Expr::value(now));
            let changed = mine(update, status).exec(db).await?.rows_affected;
            (changed, Withdrawn::BackToDraft)
        }
        PetitionStatus::Gathering | PetitionStatus::Open => {
            let update = petition::Entity::update_many()
                .col_expr(
                    petition::Column::Status,
                    Expr::value(PetitionStatus::Closed.as_str()),
                )
                .col_expr(petition::Column::ClosedAt, Expr::value(now))
                .col_expr(petition::Column::ClosedReason, Expr::value("withdrawn"))
                .col_expr(petition::Column::UpdatedAt, Expr::value(now));
            let changed = mine(update, status).exec(db).await?.rows_affected;
            (changed, Withdrawn::Closed)
        }
        _ => (0, Withdrawn::Closed),
    };
    if changed != 1 {
        return Err(PetitionError::Refused("petition-cannot-withdraw"));
    }
    record(
        db,
        id,
        Event::new(EventKind::Withdrawn, ActorRole::Author, Some(author)),
        now,
    )
    .await?;
    Ok(outcome)
}

/// The author's draft, for the edit form.
///
/// # Errors
/// `NotFound` for somebody else's petition; `Refused` when it is no longer a draft.
pub async fn draft(
    db: &impl ConnectionTrait,
    author: i32,
    id: i32,
) -> Result<DraftView, PetitionError> {
    let p = super::find(db, id).await?;
    if p.author_id != author {
        return Err(PetitionError::NotFound);
    }
    if p.status != PetitionStatus::Draft.as_str() {
        return Err(PetitionError::Refused("petition-not-draft"));
    }
    let slug = body::Entity::find_by_id(p.body_id)
        .one(db)
        .await?
        .map(|b| b.slug)
        .unwrap_or_default();
    let kato = territory::Entity::find_by_id(p.territory_id)
        .one(db)
        .await?
        .map(|t| t.kato)
        .unwrap_or_default();
    Ok(DraftView {
        id: p.id,
        title: p.title,
        summary: p.summary,
        text: p.text,
        body: slug,
        territory: kato,
        topic: p.topic,
        return_note: p.return_note,
    })
}

/// What the filing page offers for a territory and topic: the bodies a petition may be
/// addressed to there (national ones and the territory's own), each with its threshold and
/// collection period, the suggested ones first; the prohibited topics; the clocks' terms.
///
/// # Errors
/// A database failure.
pub async fn options(
    db: &impl ConnectionTrait,
    territory_kato: &str,
    topic: Option<&str>,
) -> Result<FilingOptions, ServiceError> {
    let topic = match topic {
        Some(code) => topics::offered(db, code).await?,
        None => None,
    };
    let mut territories = vec![];
    let country = territory::Entity::find()
        .filter(territory::Column::Kind.eq("country"))
        .one(db)
        .await?;
    if let Some(c) = &country {
        territories.push((c.kato.clone(), territories::summary(c)?.names));
    }
    for region in territories::list_regions(db).await? {
        territories.push((region.kato.clone(), region.names));
    }
    let chosen = territory::Entity::find()
        .filter(territory::Column::Kato.eq(territory_kato))
        .one(db)
        .await?;
    let mut candidates = body::Entity::find()
        .filter(body::Column::Level.eq("national"))
        .filter(body::Column::ValidTo.is_null())
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    if let Some(place) = &chosen
        && place.kind != "country"
    {
        candidates.extend(
            body::Entity::find()
                .filter(body::Column::TerritoryId.eq(place.id))
                .filter(body::Column::ValidTo.is_null())
                .order_by_asc(body::Column::Id)
                .all(db)
                .await?,
        );
    }
    let clocks = Clocks::load(db).await?;
    let mut bodies = Vec::new();
    for candidate in candidates {
        let Some(threshold) = thresholds::for_body(db, &candidate).await? else {
            continue;
        };
        let summary = bodies::summary(&candidate)?;
        let suggested = suggested(&summary.kind, candidate.id, chosen.as_ref(), topic.as_ref());
        let term = clocks.term(ClockName::Collection, &candidate.level);
        bodies.push(BodyOption {
            body: summary,
            threshold,
            collection_amount: term.amount,
            collection_unit: term.unit.as_str().into(),
            suggested,
        });
    }
    bodies.sort_by_key(|o| (!o.suggested, o.body.kind == BodyKind::Government));
    let prohibited = rejection_reason::Entity::find()
        .filter(rejection_reason::Column::Active.eq(true))
        .filter(rejection_reason::Column::Code.starts_with("prohibited-"))
        .order_by_asc(rejection_reason::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| Names {
            kk: r.name_kk,
            ru: r.name_ru,
            en: r.name_en,
        })
        .collect();
    let days = |clock: ClockName| clocks.term(clock, "regional").amount;
    Ok(FilingOptions {
        territories,
        bodies,
        prohibited,
        initial_support: initial_support(db).await?,
        support_days: days(ClockName::InitialSupport),
        moderation_days: days(ClockName::Moderation),
        answer_days: days(ClockName::Answer),
        draft: None,
        territory: territory_kato.to_owned(),
        topic: topic.map(|t| t.code),
        topics: topics::catalogue(db, false).await?,
        title: String::new(),
        similar: Vec::new(),
    })
}

/// Whether a body fits a territory and topic: a local matter goes to the region's akimat; a
/// topic with a ministry goes to it; a matter of the whole country with no ministry to the
/// Government.
fn suggested(
    kind: &BodyKind,
    body_id: i32,
    place: Option<&territory::Model>,
    topic: Option<&topic::Model>,
) -> bool {
    let Some(topic) = topic else {
        return false;
    };
    let regional = place.is_some_and(|p| p.kind != "country");
    match kind {
        BodyKind::Akimat | BodyKind::Maslikhat => regional && topic.local,
        BodyKind::Ministry => topic.ministry_id == Some(body_id) && !(regional && topic.local),
        BodyKind::Government => !regional && topic.ministry_id.is_none(),
        _ => false,
    }
}
