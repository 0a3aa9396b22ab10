//! Moderation: the queue (oldest first, with the 20-working-day target), claims that keep two
//! moderators off one item and expire, and the three decisions — approve, return for changes
//! with a note, reject with a reason from the catalogue (some reasons also hide the text).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    sea_query::Expr,
};

use super::{Clocks, Event, PetitionError, record};
use crate::model::{
    ActorRole, EventKind, Names, PetitionStatus, PetitionSummary, ReasonScope, ReasonView,
};
use crate::server::entities::{body, petition, rejection_reason, user};
use crate::server::services::{ServiceError, thresholds};

/// How long a claim keeps other moderators off an item.
pub const CLAIM: Duration = Duration::minutes(30);

/// A moderator's decision.
#[derive(Clone, Debug)]
pub enum Decision {
    /// Publish: the petition starts gathering initial support.
    Approve,
    /// Back to the author, with what to change.
    Return {
        /// What to change.
        note: String,
    },
    /// Rejected, with a catalogue reason and an optional note.
    Reject {
        /// The reason's id.
        reason: i32,
        /// A note for the author and the public.
        note: String,
    },
}

/// The moderation queue, oldest first, each with its clock and its claim.
///
/// # Errors
/// A database failure.
pub async fn queue(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<PetitionSummary>, ServiceError> {
    let rows = petition::Entity::find()
        .filter(petition::Column::Status.eq(PetitionStatus::Moderation.as_str()))
        .order_by_asc(petition::Column::SubmittedAt)
        .order_by_asc(petition::Column::Id)
        .all(db)
        .await?;
    let clocks = Clocks::load(db).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let addressee = body::Entity::find_by_id(row.body_id)
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let claimed_by = match (row.claimed_by_id, row.claim_expires_at) {
            (Some(id), Some(until)) if until > now => user::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|u| u.display_name),
            _ => None,
        };
        out.push(PetitionSummary {
            id: row.id,
            title: row.title.clone(),
            status: PetitionStatus::Moderation,
            body: Names {
                kk: addressee.name_kk.clone(),
                ru: addressee.name_ru.clone(),
                en: addressee.name_en.clone(),
            },
            count: 0,
            threshold: None,
            clock: clocks.view(&row, "any", today),
            claimed_by,
            submitted_at: row.submitted_at,
            recent: 0,
        });
    }
    Ok(out)
}

/// Where a petition in moderation stands in the queue (1 = next).
///
/// # Errors
/// A database failure.
pub async fn position(
    db: &impl ConnectionTrait,
    model: &petition::Model,
) -> Result<Option<u64>, ServiceError> {
    let Some(submitted) = model.submitted_at else {
        return Ok(None);
    };
    if model.status != PetitionStatus::Moderation.as_str() {
        return Ok(None);
    }
    let ahead = petition::Entity::find()
        .filter(petition::Column::Status.eq(PetitionStatus::Moderation.as_str()))
        .filter(
            Condition::any()
                .add(petition::Column::SubmittedAt.lt(submitted))
                .add(
                    Condition::all()
                        .add(petition::Column::SubmittedAt.eq(submitted))
                        .add(petition::Column::Id.lt(model.id)),
                ),
        )
        .count(db)
        .await?;
    Ok(Some(ahead + 1))
}

/// The condition that `moderator` may act on an item now: unclaimed, claimed by them, or
/// claimed by somebody whose claim has expired.
fn free_for(moderator: i32, now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(petition::Column::ClaimedById.is_null())
        .add(petition::Column::ClaimedById.eq(moderator))
        .add(petition::Column::ClaimExpiresAt.lt(now))
}

/// Why an action on an item in moderation did not apply.
async fn refusal(db: &impl ConnectionTrait, id: i32) -> PetitionError {
    match petition::Entity::find_by_id(id).one(db).await {
        Ok(Some(p)) if p.status == PetitionStatus::Moderation.as_str() => {
            PetitionError::Refused("moderation-claimed-by-another")
        }
        Ok(Some(_)) => PetitionError::Refused("moderation-not-in-queue"),
        Ok(None) => PetitionError::NotFound,
        Err(e) => e.into(),
    }
}

/// Claims an item for [`CLAIM`] (renewing one's own claim). Nobody moderates a petition
/// they wrote or signed.
///
/// # Errors
/// `Forbidden` for the petition's author or a signer; `Refused` when another moderator holds a live claim or the item left the queue.
pub async fn claim(
    db: &impl ConnectionTrait,
    moderator: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    not_a_party(db, moderator, id).await?;
    let changed = petition::Entity::update_many()
        .col_expr(petition::Column::ClaimedById, Expr::value(moderator))
        .col_expr(petition::Column::ClaimExpiresAt, Expr::value(now + CLAIM))
        .filter(petition::Column::Id.eq(id))
        .filter(petition::Column::Status.eq(PetitionStatus::Moderation.as_str()))
        .filter(free_for(moderator, now))
        .exec(db)
        .await?
        .rows_affected;
    if changed == 1 {
        Ok(())
    } else {
        Err(refusal(db, id).await)
    }
}

/// Decides on an item (claiming it if it is free). Approval fixes the threshold from the
/// body's current rule and starts the initial-support clock.
///
/// # Errors
/// `Forbidden` for the petition's author or a signer; `Refused` when another moderator holds
/// the claim or the item left the queue; `Invalid` for an empty or over-long note or an unknown
/// or retired reason.
pub async fn decide(
    db: &impl ConnectionTrait,
    moderator: i32,
    id: i32,
    decision: Decision,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), PetitionError> {
    let current = not_a_party(db, moderator, id).await?;
    let update = super::releasing_claim(petition::Entity::update_many())
        .col_expr(petition::Column::UpdatedAt, Expr::value(now))
        .filter(petition::Column::Id.eq(id))
        .filter(petition::Column::Status.eq(PetitionStatus::Moderation.as_str()))
        .filter(free_for(moderator, now));
    let (update, event) = match decision {
        Decision::Approve => {
            let addressee = body::Entity::find_by_id(current.body_id)
                .one(db)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let threshold = thresholds::for_body(db, &addressee)
                .await?
                .ok_or(PetitionError::Refused("petition-body-not-addressable"))?;
            let support_term =
                super::starting_term(db, super::ClockName::InitialSupport, addressee.id).await?;
            let support_needed = super::initial_support(db).await?;
            (
                update
                    .col_expr(
                        petition::Column::Status,
                        Expr::value(PetitionStatus::Gathering.as_str()),
                    )
                    .col_expr(petition::Column::ApprovedAt, Expr::value(now))
                    .col_expr(petition::Column::SupportStartedOn, Expr::value(today))
                    .col_expr(
                        petition::Column::SupportNeeded,
                        Expr::value(i32::try_from(support_needed).unwrap_or(i32::MAX)),
                    )
                    .col_expr(support_term[0].0, support_term[0].1.clone())
                    .col_expr(support_term[1].0, support_term[1].1.clone())
                    .col_expr(
                        petition::Column::Threshold,
                        Expr::value(i64::try_from(threshold.signatures).unwrap_or(i64::MAX)),
                    )
                    .col_expr(
                        petition::Column::RequiredGrade,
                        Expr::value(threshold.required_grade.as_str()),
                    ),
                Event::new(EventKind::Approved, ActorRole::Moderator, Some(moderator)),
            )
        }
        Decision::Return { note } => {
            let note = required_note(&note)?;
            (
                update
                    .col_expr(
                        petition::Column::Status,
                        Expr::value(PetitionStatus::Draft.as_str()),
                    )
                    .col_expr(petition::Column::ReturnNote, Expr::value(note.clone())),
                Event::new(EventKind::Returned, ActorRole::Moderator, Some(moderator)).note(note),
            )
        }
        Decision::Reject { reason, note } => {
            let reason = rejection_reason::Entity::find_by_id(reason)
                .one(db)
                .await?
                .filter(|r| r.active && r.scope == ReasonScope::Petition.as_str())
                .ok_or(PetitionError::Invalid {
                    field: "reason",
                    key: "moderation-reason-unknown",
                })?;
            let note = note.trim().to_owned();
            if note.chars().count() > MAX_NOTE {
                return Err(PetitionError::Invalid {
                    field: "note",
                    key: "moderation-note-long",
                });
            }
            let mut event = Event::new(EventKind::Rejected, ActorRole::Moderator, Some(moderator))
                .reason(reason.id);
            if !note.is_empty() {
                event = event.note(note.clone());
            }
            (
                update
                    .col_expr(
                        petition::Column::Status,
                        Expr::value(PetitionStatus::Rejected.as_str()),
                    )
                    .col_expr(petition::Column::RejectedAt, Expr::value(now))
                    .col_expr(petition::Column::RejectionReasonId, Expr::value(reason.id))
                    .col_expr(
                        petition::Column::RejectionNote,
                        Expr::value((!note.is_empty()).then_some(note)),
                    )
                    .col_expr(petition::Column::Hidden, Expr::value(reason.hides_text)),
                event,
            )
        }
    };
    if update.exec(db).await?.rows_affected != 1 {
        return Err(refusal(db, id).await);
    }
    record(db, id, event, now).await?;
    crate::server::services::search::reindex_petition(db, id).await?;
    Ok(())
}

/// The longest note a moderator may write to the author, in characters.
const MAX_NOTE: usize = 2_000;

/// The petition, unless the moderator is a party to it: its author or one of its signers.
///
/// # Errors
/// `Forbidden` for a party; `NotFound`; a database failure.
async fn not_a_party(
    db: &impl ConnectionTrait,
    moderator: i32,
    id: i32,
) -> Result<petition::Model, PetitionError> {
    use crate::server::entities::signature;
    let petition = super::find(db, id).await?;
    let signed = signature::Entity::find()
        .filter(signature::Column::PetitionId.eq(id))
        .filter(signature::Column::UserId.eq(moderator))
        .count(db)
        .await?;
    if petition.author_id == moderator || signed > 0 {
        return Err(PetitionError::Forbidden);
    }
    Ok(petition)
}

fn required_note(note: &str) -> Result<String, PetitionError> {
    let note = note.trim();
    if note.is_empty() {
        return Err(PetitionError::Invalid {
            field: "note",
            key: "moderation-note-empty",
        });
    }
    if note.chars().count() > MAX_NOTE {
        return Err(PetitionError::Invalid {
            field: "note",
            key: "moderation-note-long",
        });
    }
    Ok(note.to_owned())
}

/// The reasons catalogue: those for `scope` (every scope when `None`), active ones only unless
/// `all`.
///
/// # Errors
/// A database failure.
pub async fn reasons(
    db: &impl ConnectionTrait,
    scope: Option<ReasonScope>,
    all: bool,
) -> Result<Vec<ReasonView>, ServiceError> {
    let mut query = rejection_reason::Entity::find().order_by_asc(rejection_reason::Column::Id);
    if !all {
        query = query.filter(rejection_reason::Column::Active.eq(true));
    }
    if let Some(scope) = scope {
        query = query.filter(rejection_reason::Column::Scope.eq(scope.as_str()));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|r| ReasonView {
            id: r.id,
            code: r.code,
            names: Names {
                kk: r.name_kk,
                ru: r.name_ru,
                en: r.name_en,
            },
            hides_text: r.hides_text,
            active: r.active,
            scope: ReasonScope::parse(&r.scope).unwrap_or(ReasonScope::Petition),
        })
        .collect())
}

/// A catalogue reason as the admin's form gives it.
#[derive(Clone, Debug)]
pub struct ReasonForm {
    /// Its code (`prohibited-…` for a prohibited topic).
    pub code: String,
    /// Its wording.
    pub names: Names,
    /// What it is for.
    pub scope: ReasonScope,
    /// Whether choosing it hides the text from the public.
    pub hides_text: bool,
    /// Whether it can still be chosen.
    pub active: bool,
}

/// Adds a reason to the catalogue or changes one (by code): the admin's catalogue editing. The
/// change is on the record; a prohibited topic's (code `prohibited-…`) on the public one, since
/// authors are held to the list.
///
/// # Errors
/// `Invalid` for an empty code or name.
pub async fn save_reason(
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    form: ReasonForm,
    now: DateTime<Utc>,
) -> Result<(), PetitionError> {
    use sea_orm::{ActiveModelTrait, Set};
    let ReasonForm {
        code,
        names,
        scope,
        hides_text,
        active,
    } = form;
    let code = code.trim().to_lowercase();
    if code.is_empty()
        || code.len() > 64
        || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(PetitionError::Invalid {
            field: "code",
            key: "reason-code-invalid",
        });
    }
    let trimmed = |s: &str, field: &'static str| -> Result<String, PetitionError> {
        let s = s.trim();
        if s.is_empty() || s.chars().count() > 300 {
            Err(PetitionError::Invalid {
                field,
                key: "reason-name-invalid",
            })
        } else {
            Ok(s.to_owned())
        }
    };
    let (kk, ru, en) = (
        trimmed(&names.kk, "name_kk")?,
        trimmed(&names.ru, "name_ru")?,
        trimmed(&names.en, "name_en")?,
    );
    let recorded =
        |names: Names, active: bool| crate::model::RecordedValue::Reason { names, active };
    let after = recorded(
        Names {
            kk: kk.clone(),
            ru: ru.clone(),
            en: en.clone(),
        },
        active,
    );
    let existing = rejection_reason::Entity::find()
        .filter(rejection_reason::Column::Code.eq(&code))
        .one(db)
        .await?;
    let before = existing.as_ref().map(|r| {
        recorded(
            Names {
                kk: r.name_kk.clone(),
                ru: r.name_ru.clone(),
                en: r.name_en.clone(),
            },
            r.active,
        )
    });
    let unchanged = existing.as_ref().is_some_and(|r| {
        before.as_ref() == Some(&after) && r.hides_text == hides_text && r.scope == scope.as_str()
    });
    if unchanged {
        return Ok(());
    }
    crate::server::services::administration::record(
        db,
        actor,
        crate::model::ChangeSubject::Reason,
        code.starts_with("prohibited-"),
        &code,
        (before.as_ref(), Some(&after)),
        now,
    )
    .await?;
    match existing {
        Some(existing) => {
            let mut row: rejection_reason::ActiveModel = existing.into();
            row.name_kk = Set(kk);
            row.name_ru = Set(ru);
            row.name_en = Set(en);
            row.hides_text = Set(hides_text);
            row.active = Set(active);
            row.scope = Set(scope.as_str().into());
            row.update(db).await?;
        }
        None => {
            rejection_reason::ActiveModel {
                code: Set(code),
                name_kk: Set(kk),
                name_ru: Set(ru),
                name_en: Set(en),
                hides_text: Set(hides_text),
                active: Set(active),
                scope: Set(scope.as_str().into()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// Lines of the public record of moderation a page.
pub const RECORD_PAGE: u64 = 50;

/// The public record of moderation: every decision (approve, return, reject with its catalogue
/// reason) and every invalidation (with the signatures it took out), newest first, without the
/// moderator or the signers; a returned petition, never public, is shown without its title.
///
/// # Errors
/// A database failure.
pub async fn public_record(
    db: &impl ConnectionTrait,
    page: u64,
) -> Result<crate::model::ModerationRecord, ServiceError> {
    use sea_orm::Statement;
    let backend = db.get_database_backend();
    let counts = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT \
               (SELECT COUNT(*) FROM timeline_events WHERE subject_kind = 'petition' AND kind = 'approved') AS approved, \
               (SELECT COUNT(*) FROM timeline_events WHERE subject_kind = 'petition' AND kind = 'returned') AS returned, \
               (SELECT COUNT(*) FROM timeline_events WHERE subject_kind = 'petition' AND kind = 'rejected') AS rejected, \
               (SELECT COUNT(*) FROM invalidations) AS invalidations, \
               (SELECT CAST(COALESCE(SUM(signatures), 0) AS BIGINT) FROM invalidations) AS invalidated",
        ))
        .await?
        .ok_or_else(|| ServiceError::Corrupt("no counts".into()))?;
    let number = |name: &str| -> Result<i64, ServiceError> { Ok(counts.try_get::<i64>("", name)?) };
    let (approved, returned, rejected, invalidations) = (
        number("approved")?,
        number("returned")?,
        number("rejected")?,
        number("invalidations")?,
    );
    let total = u64::try_from(approved + returned + rejected + invalidations).unwrap_or(0);
    let pages = total.div_ceil(RECORD_PAGE).max(1);
    let page = page.clamp(1, pages);
    let offset = (page - 1) * RECORD_PAGE;
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "SELECT at, kind, petition_id, title, status, reason_kk, reason_ru, reason_en, signatures, grounds FROM (\
                   SELECT e.at AS at, e.kind AS kind, e.subject_id AS petition_id, p.title AS title, p.status AS status, \
                          r.name_kk AS reason_kk, r.name_ru AS reason_ru, r.name_en AS reason_en, CAST(NULL AS BIGINT) AS signatures, CAST(NULL AS VARCHAR(16)) AS grounds, e.id AS tie \
                   FROM timeline_events e JOIN petitions p ON p.id = e.subject_id \
                   LEFT JOIN rejection_reasons r ON r.id = e.reason_id \
                   WHERE e.subject_kind = 'petition' AND e.kind IN ('approved', 'returned', 'rejected') \
                   UNION ALL \
                   SELECT i.created_at, 'signatures_invalidated', i.petition_id, p.title, p.status, \
                          CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), i.signatures, i.grounds, i.id \
                   FROM invalidations i JOIN petitions p ON p.id = i.petition_id\
                 ) record ORDER BY at DESC, tie DESC LIMIT {RECORD_PAGE} OFFSET {offset}"
            ),
        ))
        .await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let status: String = row.try_get("", "status")?;
        let public = PetitionStatus::parse(&status).is_some_and(PetitionStatus::is_public);
        let reason = match (
            row.try_get::<Option<String>>("", "reason_kk")?,
            row.try_get::<Option<String>>("", "reason_ru")?,
            row.try_get::<Option<String>>("", "reason_en")?,
        ) {
            (Some(kk), Some(ru), Some(en)) => Some(Names { kk, ru, en }),
            _ => None,
        };
        let kind: String = row.try_get("", "kind")?;
        let grounds: Option<String> = row.try_get("", "grounds")?;
        entries.push(crate::model::ModerationRecordEntry {
            at: row.try_get("", "at")?,
            petition: row.try_get("", "petition_id")?,
            title: if public {
                Some(row.try_get("", "title")?)
            } else {
                None
            },
            reason,
            signatures: row.try_get("", "signatures")?,
            grounds: (kind == "signatures_invalidated")
                .then(|| crate::model::RevokeReason::of_invalidation(grounds.as_deref())),
            kind,
        });
    }
    Ok(crate::model::ModerationRecord {
        entries,
        page,
        pages,
        approved,
        returned,
        rejected,
        invalidations,
        invalidated: number("invalidated")?,
    })
}
