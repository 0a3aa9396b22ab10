//! Many verified citizens at once, for tests, the Playwright fixtures and the load generator:
//! rows written directly (one password hash computed once and shared), email verified, and
//! optionally IIN-checked with a distinct fingerprint each.

use chrono::Utc;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};

use crate::server::entities::{territory, user};
use crate::server::services::{ServiceError, passwords};
use sea_orm::{ColumnTrait, QueryFilter};

/// The password every generated citizen has.
pub const PASSWORD: &str = "steppe-wind-over-ulytau";

/// Creates `count` citizens `{prefix}{i}@example.kz` (i from 0) living in the region with KATO
/// code `region`, email-verified and, with `iin`, IIN-checked. Returns them in order.
///
/// # Errors
/// A database failure (an email already taken, say).
pub async fn verified_citizens(
    db: &impl ConnectionTrait,
    prefix: &str,
    count: usize,
    region: &str,
    iin: bool,
) -> Result<Vec<user::Model>, ServiceError> {
    let region = territory::Entity::find()
        .filter(territory::Column::Kato.eq(region))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let hash = passwords::hash(PASSWORD.to_owned()).await?;
    let now = Utc::now();
    let names = [
        "Aigerim Serikova",
        "Nurlan Abenov",
        "Дина Ахметова",
        "Ерлан Қасымов",
    ];
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let email = format!("{prefix}{i}@example.kz");
        rows.push(user::ActiveModel {
            email: Set(email.clone()),
            display_name: Set(names[i % names.len()].into()),
            region_id: Set(region.id),
            password_hash: Set(hash.clone()),
            email_verified_at: Set(Some(now)),
            iin_hash: Set(iin.then(|| hex::encode(Sha256::digest(email.as_bytes())))),
            birth_date: Set(None),
            sex: Set(None),
            iin_checked_at: Set(iin.then_some(now)),
            created_at: Set(now),
            language: Set("en".into()),
            deleted_at: Set(None),
            ..Default::default()
        });
    }
    for chunk in rows.chunks(500) {
        user::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let emails: Vec<String> = (0..count)
        .map(|i| format!("{prefix}{i}@example.kz"))
        .collect();
    let mut found = Vec::with_capacity(count);
    for chunk in emails.chunks(500) {
        found.extend(
            user::Entity::find()
                .filter(user::Column::Email.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    let order: std::collections::HashMap<&str, usize> = emails
        .iter()
        .enumerate()
        .map(|(i, e)| (e.as_str(), i))
        .collect();
    found.sort_by_key(|u| order.get(u.email.as_str()).copied());
    Ok(found)
}

/// Grants `role` (for the body with `body_slug`, if any) from today, as the console does.
///
/// # Errors
/// What granting fails with (an unknown account or body, a role already held).
pub async fn grant(
    db: &impl ConnectionTrait,
    email: &str,
    role: crate::model::Role,
    body_slug: Option<&str>,
) -> Result<(), crate::server::services::roles::RoleError> {
    use crate::server::services::{roles, today};
    roles::grant(
        db,
        None,
        roles::GrantForm {
            email: email.into(),
            role,
            body_slug: body_slug.unwrap_or_default().into(),
            for_email: String::new(),
            starts_on: today(),
            ends_on: None,
        },
    )
    .await
    .map(|_| ())
}

/// Makes `email` the office staff of the deputy `deputy_email` at the maslikhat with
/// `maslikhat_slug`, from today.
///
/// # Errors
/// What granting fails with.
pub async fn grant_staff(
    db: &impl ConnectionTrait,
    email: &str,
    maslikhat_slug: &str,
    deputy_email: &str,
) -> Result<(), crate::server::services::roles::RoleError> {
    use crate::server::services::{roles, today};
    roles::grant(
        db,
        None,
        roles::GrantForm {
            email: email.into(),
            role: crate::model::Role::DeputyStaff,
            body_slug: maslikhat_slug.into(),
            for_email: deputy_email.into(),
            starts_on: today(),
            ends_on: None,
        },
    )
    .await
    .map(|_| ())
}

/// A petition about a road in Almaty to the city's akimat, written by `author`, submitted and
/// approved by `moderator` (who must hold the role): gathering initial support.
///
/// # Errors
/// What filing or moderation fails with.
pub async fn approved_petition(
    db: &impl ConnectionTrait,
    author: i32,
    moderator: i32,
    title: &str,
) -> Result<i32, crate::server::services::petitions::PetitionError> {
    approved_petition_to(db, author, moderator, title, "akimat-75", "75").await
}

/// A petition like [`approved_petition`] to the body `body_slug` about territory `kato`.
///
/// # Errors
/// What filing or moderation fails with.
pub async fn approved_petition_to(
    db: &impl ConnectionTrait,
    author: i32,
    moderator: i32,
    title: &str,
    body_slug: &str,
    kato: &str,
) -> Result<i32, crate::server::services::petitions::PetitionError> {
    use crate::server::services::petitions::{
        filing::{self, DraftForm},
        moderation::{self, Decision},
    };
    use crate::server::services::today;
    let now = Utc::now();
    let form = DraftForm {
        title: title.into(),
        summary: "Repair the road between Baitursynov and Masanchi streets.".into(),
        text: "The road has deep potholes.\n\nWe ask the akimat to repair it this summer.".into(),
        body_slug: body_slug.into(),
        territory_kato: kato.into(),
        topic: "roads".into(),
    };
    let id = filing::save_draft(db, author, None, &form, now).await?;
    filing::submit(db, author, id, true, now, today()).await?;
    moderation::decide(db, moderator, id, Decision::Approve, now, today()).await?;
    Ok(id)
}

/// A petition like [`approved_petition`] that crossed its threshold `on` that day: under
/// consideration, with its case open at the Almaty akimat. Returns the petition and the case.
///
/// # Errors
/// What filing, moderation or opening the case fails with.
pub async fn registered_petition(
    db: &impl ConnectionTrait,
    author: i32,
    moderator: i32,
    title: &str,
    on: chrono::NaiveDate,
) -> Result<(i32, crate::server::entities::case::Model), crate::server::services::ActionError> {
    registered_petition_to(db, author, moderator, title, "akimat-75", "75", on).await
}

/// A petition like [`registered_petition`] to the body `body_slug` about territory `kato`.
///
/// # Errors
/// What filing, moderation or opening the case fails with.
pub async fn registered_petition_to(
    db: &impl ConnectionTrait,
    author: i32,
    moderator: i32,
    title: &str,
    body_slug: &str,
    kato: &str,
    on: chrono::NaiveDate,
) -> Result<(i32, crate::server::entities::case::Model), crate::server::services::ActionError> {
    let id = approved_petition_to(db, author, moderator, title, body_slug, kato).await?;
    let case = register(db, id, on).await?;
    Ok((id, case))
}

/// Puts petition `id` under consideration as if it had crossed its threshold `on` that day,
/// and opens its case at its addressee.
///
/// # Errors
/// A database failure; `NotFound` for an unknown petition.
pub async fn register(
    db: &impl ConnectionTrait,
    id: i32,
    on: chrono::NaiveDate,
) -> Result<crate::server::entities::case::Model, crate::server::services::ActionError> {
    use crate::server::entities::petition;
    use crate::server::services::cases;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let p = petition::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(crate::server::services::ActionError::NotFound)?;
    petition::Entity::update_many()
        .col_expr(petition::Column::Status, Expr::value("under_consideration"))
        .col_expr(
            petition::Column::ThresholdReachedAt,
            Expr::value(Utc::now()),
        )
        .col_expr(
            petition::Column::RegistrationNumber,
            Expr::value(format!("T-{id}")),
        )
        .col_expr(petition::Column::RegisteredOn, Expr::value(on))
        // No signatures stand behind it: a threshold of none keeps the sweep (which settles
        // every petition against its counts) from taking it back to open.
        .col_expr(petition::Column::Threshold, Expr::value(0))
        .filter(petition::Column::Id.eq(id))
        .exec(db)
        .await?;
    let case = cases::open(
        db,
        cases::Opening {
            kind: crate::model::CaseKind::Petition,
            origin_id: id,
            body_id: p.body_id,
            forwarded_from: None,
            on,
            term_days: None,
        },
        None,
        Utc::now(),
    )
    .await?;
    Ok(case)
}

/// A petition as the lists show it, made for a test or a demonstration.
#[derive(Clone, Debug)]
pub struct Listed<'a> {
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Full text.
    pub text: &'a str,
    /// The addressee's slug.
    pub body: &'a str,
    /// The territory's KATO code.
    pub kato: &'a str,
    /// The topic's stored name.
    pub topic: &'a str,
    /// The state to leave it in.
    pub status: crate::model::PetitionStatus,
    /// When it opened (or was rejected).
    pub opened: chrono::DateTime<Utc>,
}

/// Files `p` as `author`, has `moderator` approve it (or reject it, for `Rejected`, with the
/// catalogue's first reason that keeps the text), then puts it in `p.status` as of `p.opened` (open ones with a
/// threshold of 1,000 email-verified signatures).
///
/// # Errors
/// What filing, moderation or the update fails with.
pub async fn listed_petition(
    db: &impl ConnectionTrait,
    author: i32,
    moderator: i32,
    p: &Listed<'_>,
) -> Result<i32, crate::server::services::petitions::PetitionError> {
    use crate::model::PetitionStatus;
    use crate::server::entities::petition;
    use crate::server::services::petitions::{
        filing::{self, DraftForm},
        moderation::{self, Decision},
    };
    use crate::server::services::today;
    use sea_orm::{EntityTrait, sea_query::Expr};
    let now = Utc::now();
    let form = DraftForm {
        title: p.title.into(),
        summary: p.summary.into(),
        text: p.text.into(),
        body_slug: p.body.into(),
        territory_kato: p.kato.into(),
        topic: p.topic.into(),
    };
    let id = filing::save_draft(db, author, None, &form, now).await?;
    filing::submit(db, author, id, true, now, today()).await?;
    if p.status == PetitionStatus::Rejected {
        // Rejected by moderation, with the catalogue's first reason that leaves the text up.
        use crate::server::entities::rejection_reason;
        use sea_orm::QueryOrder;
        let reason = rejection_reason::Entity::find()
            .filter(rejection_reason::Column::Active.eq(true))
            .filter(rejection_reason::Column::Scope.eq("petition"))
            .filter(rejection_reason::Column::HidesText.eq(false))
            .order_by_asc(rejection_reason::Column::Id)
            .one(db)
            .await?
            .ok_or(crate::server::services::ActionError::NotFound)?;
        let decision = Decision::Reject {
            reason: reason.id,
            note: String::new(),
        };
        moderation::decide(db, moderator, id, decision, now, today()).await?;
        petition::Entity::update_many()
            .col_expr(petition::Column::RejectedAt, Expr::value(p.opened))
            .filter(petition::Column::Id.eq(id))
            .exec(db)
            .await?;
        return Ok(id);
    }
    moderation::decide(db, moderator, id, Decision::Approve, now, today()).await?;
    if p.status == PetitionStatus::Gathering {
        return Ok(id);
    }
    let status = if p.status == PetitionStatus::Closed {
        PetitionStatus::Closed
    } else {
        PetitionStatus::Open
    };
    let mut update = petition::Entity::update_many()
        .col_expr(petition::Column::Status, Expr::value(status.as_str()))
        .col_expr(petition::Column::OpenedAt, Expr::value(p.opened))
        .col_expr(
            petition::Column::CollectionStartedOn,
            Expr::value(crate::server::services::day_of(p.opened)),
        )
        .col_expr(petition::Column::Threshold, Expr::value(1_000_i64))
        .col_expr(
            petition::Column::RequiredGrade,
            Expr::value("email_verified"),
        )
        .filter(petition::Column::Id.eq(id));
    if p.status == PetitionStatus::Closed {
        update = update
            .col_expr(petition::Column::ClosedAt, Expr::value(now))
            .col_expr(petition::Column::ClosedReason, Expr::value("expired"));
    }
    update.exec(db).await?;
    if matches!(
        p.status,
        PetitionStatus::UnderConsideration | PetitionStatus::Answered
    ) {
        let case = register(db, id, today()).await?;
        if p.status == PetitionStatus::Answered {
            // The moderator answers as an official of the addressee (granted if need be).
            use crate::server::services::{cases::answering, roles};
            let addressee = crate::server::entities::body::Entity::find_by_id(case.body_id)
                .one(db)
                .await?
                .ok_or(crate::server::services::ActionError::NotFound)?;
            if !roles::holds(
                db,
                moderator,
                crate::model::Role::Official,
                Some(addressee.id),
                today(),
            )
            .await?
            {
                let email = user::Entity::find_by_id(moderator)
                    .one(db)
                    .await?
                    .map(|u| u.email)
                    .unwrap_or_default();
                grant(
                    db,
                    &email,
                    crate::model::Role::Official,
                    Some(&addressee.slug),
                )
                .await
                .map_err(|_| crate::server::services::ActionError::NotFound)?;
            }
            answering::answer(
                db,
                moderator,
                case.id,
                crate::model::AnswerDecision::PartlyAccepted,
                "The akimat will repair it this year; the works are in the budget and their progress will be published here.",
                now,
                today(),
            )
            .await?;
        }
    }
    Ok(id)
}

/// `signers` sign petition `id` at `at`, as residents of the region `kato` (rows the counters
/// fold next, as the signing surge writes them).
///
/// # Errors
/// A database failure; `NotFound` for an unknown region.
pub async fn signatures_at(
    db: &impl ConnectionTrait,
    id: i32,
    signers: &[user::Model],
    kato: &str,
    at: chrono::DateTime<Utc>,
) -> Result<(), ServiceError> {
    use crate::server::entities::signature;
    use crate::server::services::petitions::public_name;
    use sea_orm::ActiveModelTrait;
    let region = territory::Entity::find()
        .filter(territory::Column::Kato.eq(kato))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    for s in signers {
        signature::ActiveModel {
            petition_id: Set(id),
            user_id: Set(s.id),
            grade: Set("email_verified".into()),
            region_id: Set(region.id),
            public_name: Set(public_name(&s.display_name)),
            show_name: Set(true),
            notify_answer: Set(false),
            ip: Set("192.0.2.1".into()),
            email_domain: Set("example.kz".into()),
            created_at: Set(at),
            counted: Set(0),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
