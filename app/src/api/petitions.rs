//! Server functions for petitions: reading (the page, the list, the filing options, the
//! moderation queue, the officials' inbox), filing, signing, moderating, answering, rating,
//! the rejection-reasons catalogue and bulk invalidation. Every state-changing one checks the
//! CSRF token and who is asking, and for a role, the role for the petition's body
//! (`request::require_role`).

// Forms with many fields; the generated server-function code carries them all.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{FilingOptions, ListPage, ListQuery, PetitionSummary, PetitionView, ReasonView};

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::api::acting::{acting, action_error as petition_error};
    use crate::i18n::Locale;

    /// Sends the browser to a petition's page with a notice.
    pub fn to_petition(lang: &str, id: i32, done: &str) {
        let locale = Locale::from_code(lang).unwrap_or_default();
        leptos_axum::redirect(&format!("/{}/petitions/{id}?done={done}", locale.code()));
    }
}

/// One petition's page, as the signed-in person (or a visitor) may see it.
///
/// # Errors
/// `NotFound` for an unknown petition or one the viewer may not see.
#[server(endpoint = "petitions/get")]
pub async fn get_petition(id: i32) -> Result<PetitionView, AppError> {
    use crate::server::{
        app_state, request,
        services::{petitions::pages, today},
    };
    let me = request::current_user();
    let state = app_state()?;
    // One snapshot: the status and the timeline agree even while the petition moves on.
    let read = |viewer: Option<i32>| {
        crate::server::in_snapshot(&state, ssr::petition_error, move |txn| {
            Box::pin(async move {
                pages::shared_view(txn, id, viewer, chrono::Utc::now(), today()).await
            })
        })
    };
    // The visitors' view, shared for a second; a signed-in reader gets it with their own
    // actions unless the page differs for them (their own petition, or they moderate).
    let shared = match state.petition_views.get(id) {
        Some(shared) => Some(shared),
        None => match read(None).await {
            Ok(mut shared) => {
                shared.view.site = state.public_url.0.trim_end_matches('/').to_owned();
                state.petition_views.put(&shared);
                Some(shared)
            }
            // Not public: only its author or a moderator may see it.
            Err(error) if me.is_none() => return Err(error),
            Err(_) => None,
        },
    };
    let Some(me) = me else {
        return shared.map(|s| s.view).ok_or(AppError::NotFound);
    };
    if let Some(shared) = shared
        && let Some(view) = pages::as_member(&state.db, shared, &me.account, today())
            .await
            .map_err(ssr::petition_error)?
    {
        return Ok(view);
    }
    let mut shared = read(Some(me.id)).await?;
    shared.view.site = state.public_url.0.trim_end_matches('/').to_owned();
    Ok(shared.view)
}

/// One page of the public list of petitions, filtered, searched and sorted.
///
/// # Errors
/// `Internal` when the database fails (values it does not understand are ignored, with a note).
#[server(endpoint = "petitions/list")]
pub async fn list_petitions(query: ListQuery) -> Result<ListPage, AppError> {
    use crate::server::{app_state, services::today};
    let app = app_state()?;
    Ok(app
        .pages
        .list(&app.db, &query, chrono::Utc::now(), today())
        .await?)
}

/// The signed-in person's petitions and the petitions they signed.
///
/// # Errors
/// `Forbidden` for a visitor.
#[server(endpoint = "petitions/mine")]
pub async fn my_petitions() -> Result<(Vec<PetitionSummary>, Vec<PetitionSummary>), AppError> {
    use crate::server::{
        app_state, request,
        services::{petitions::pages, today},
    };
    let me = request::signed_in()?;
    let db = &app_state()?.db;
    Ok((
        pages::of_author(db, me.id, today()).await?,
        pages::signed_by(db, me.id, today()).await?,
    ))
}

/// What the filing page offers for a territory and topic, and the draft being edited.
///
/// # Errors
/// `Forbidden` for a visitor; `NotFound` for somebody else's draft.
#[server(endpoint = "petitions/options")]
pub async fn get_filing_options(
    territory: String,
    topic: String,
    draft: Option<i32>,
    title: String,
) -> Result<FilingOptions, AppError> {
    use crate::server::{app_state, request, services::petitions::filing};
    let me = request::signed_in()?;
    let db = &app_state()?.db;
    let draft = match draft {
        Some(id) => Some(
            filing::draft(db, me.id, id)
                .await
                .map_err(ssr::petition_error)?,
        ),
        None => None,
    };
    let (territory, topic) = match &draft {
        Some(d) if territory.is_empty() => (d.territory.clone(), d.topic.clone()),
        _ => (territory, topic),
    };
    let topic = (!topic.trim().is_empty()).then_some(topic);
    let mut options = filing::options(db, &territory, topic.as_deref()).await?;
    let title: String = title.trim().chars().take(200).collect();
    let looked_up = if title.is_empty() {
        draft.as_ref().map(|d| d.title.clone()).unwrap_or_default()
    } else {
        title.clone()
    };
    options.similar = crate::server::services::petitions::discovery::similar(
        db,
        &looked_up,
        chrono::Utc::now(),
        crate::server::services::today(),
    )
    .await?;
    options.title = title;
    options.draft = draft;
    Ok(options)
}

/// What the home page shows of the platform's life.
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "home")]
pub async fn home_figures() -> Result<crate::model::HomeFigures, AppError> {
    use crate::model::ResponsivenessQuery;
    use crate::server::{app_state, services::today};
    let app = app_state()?;
    let table = app
        .responsiveness
        .table(&app.db, &ResponsivenessQuery::default(), today())
        .await?;
    Ok(app
        .pages
        .home(&app.db, &table, chrono::Utc::now(), today())
        .await?)
}

/// Petitions like the one being written (the filing form's title island asks as the author
/// types), ready to show in the language `lang` (Kazakh when it is no language).
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "petitions/similar")]
pub async fn similar_petitions(
    title: String,
    lang: String,
) -> Result<Vec<crate::model::SimilarPetition>, AppError> {
    use crate::server::{
        app_state,
        services::{petitions::discovery, today},
    };
    let title: String = title.chars().take(200).collect();
    let l = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
    let list = discovery::similar(&app_state()?.db, &title, chrono::Utc::now(), today()).await?;
    Ok(crate::pages::petitions::similar_items(l, list))
}

/// Saves a draft (`intent` = `draft`) or saves and submits it to moderation (`submit`, with
/// the prohibited-topics confirmation).
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Invalid` for a bad field; `Refused`
/// for an unverified author or a petition that is no longer a draft.
#[server(endpoint = "petitions/save")]
pub async fn save_petition(
    csrf: String,
    lang: String,
    id: Option<i32>,
    title: String,
    summary: String,
    text: String,
    body: String,
    territory: String,
    topic: String,
    confirm: Option<String>,
    intent: String,
) -> Result<(), AppError> {
    use crate::server::services::{petitions::filing, today};
    let (state, me) = ssr::acting(&csrf)?;
    let form = filing::DraftForm {
        title,
        summary,
        text,
        body_slug: body,
        territory_kato: territory,
        topic,
    };
    let submit = intent == "submit";
    let confirmed = confirm.is_some();
    let id = crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move {
            let now = chrono::Utc::now();
            let id = filing::save_draft(txn, me.id, id, &form, now).await?;
            if submit {
                filing::submit(txn, me.id, id, confirmed, now, today()).await?;
            }
            Ok(id)
        })
    })
    .await?;
    ssr::to_petition(
        &lang,
        id,
        if submit {
            "petition-submitted"
        } else {
            "draft-saved"
        },
    );
    Ok(())
}

/// The author withdraws their petition.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Refused` past the threshold; `NotFound` for somebody
/// else's petition.
#[server(endpoint = "petitions/withdraw")]
pub async fn withdraw_petition(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::server::services::petitions::filing;
    let (state, me) = ssr::acting(&csrf)?;
    let outcome = crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move { filing::withdraw(txn, me.id, id, chrono::Utc::now()).await })
    })
    .await?;
    match outcome {
        filing::Withdrawn::DraftDeleted => {
            let locale = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
            leptos_axum::redirect(&format!("/{}/profile?done=draft-deleted", locale.code()));
        }
        filing::Withdrawn::BackToDraft => ssr::to_petition(&lang, id, "petition-back-to-draft"),
        filing::Withdrawn::Closed => ssr::to_petition(&lang, id, "petition-withdrawn"),
    }
    Ok(())
}

/// Signs a petition: one form POST. Answers only once the signature is committed.
///
/// # Errors
/// `Forbidden` without the CSRF token or for a visitor; `Refused` (unverified, closed, rate
/// limited, IIN used by another account); `NotFound`.
#[server(endpoint = "petitions/sign")]
pub async fn sign_petition(
    csrf: String,
    lang: String,
    id: i32,
    show_name: Option<String>,
    notify: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{
        request,
        services::{
            petitions::signing::{SignOutcome, SignRequest},
            today,
        },
    };
    let (state, me) = ssr::acting(&csrf)?;
    let request = SignRequest {
        petition_id: id,
        show_name: show_name.is_some(),
        notify: notify.is_some(),
        ip: request::client_ip(),
    };
    let outcome = state
        .signer
        .sign(&state.db, &me.account, request, chrono::Utc::now(), today())
        .await
        .map_err(ssr::petition_error)?;
    let done = match outcome {
        SignOutcome::Signed => "signed",
        SignOutcome::AlreadySigned => "already-signed",
    };
    ssr::to_petition(&lang, id, done);
    Ok(())
}

/// Withdraws the signer's own signature.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Refused` when the petition no longer allows it or there
/// is no signature to withdraw.
#[server(endpoint = "petitions/unsign")]
pub async fn withdraw_signature(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::server::services::petitions::signing;
    let (state, me) = ssr::acting(&csrf)?;
    signing::withdraw(&state.db, me.id, id, chrono::Utc::now())
        .await
        .map_err(ssr::petition_error)?;
    state.signer.written().notify_one();
    state.petition_views.forget(id);
    ssr::to_petition(&lang, id, "signature-withdrawn");
    Ok(())
}

/// The moderation queue.
///
/// # Errors
/// `Forbidden` for anyone but a moderator.
#[server(endpoint = "moderation/queue")]
pub async fn moderation_queue() -> Result<Vec<PetitionSummary>, AppError> {
    use crate::model::Role;
    use crate::server::{
        app_state, request,
        services::{petitions::moderation, today},
    };
    let state = app_state()?;
    request::require_role(&state.db, Role::Moderator, None).await?;
    Ok(moderation::queue(&state.db, chrono::Utc::now(), today()).await?)
}

/// The public record of moderation, a page of it (from 1).
///
/// # Errors
/// `Internal` when the database fails.
#[server(endpoint = "moderation/record")]
pub async fn moderation_record(page: u64) -> Result<crate::model::ModerationRecord, AppError> {
    use crate::server::{app_state, services::petitions::moderation};
    Ok(moderation::public_record(&app_state()?.db, page).await?)
}

/// A moderator claims a petition in the queue.
///
/// # Errors
/// `Forbidden` for anyone but a moderator; `Refused` when another moderator holds it.
#[server(endpoint = "moderation/claim")]
pub async fn claim_petition(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::server::{request, services::petitions::moderation};
    let (state, _) = ssr::acting(&csrf)?;
    let me = request::require_role(&state.db, Role::Moderator, None).await?;
    moderation::claim(&state.db, me.id, id, chrono::Utc::now())
        .await
        .map_err(ssr::petition_error)?;
    ssr::to_petition(&lang, id, "claimed");
    Ok(())
}

/// A moderator decides: `approve`, `return` (with a note) or `reject` (with a reason).
///
/// # Errors
/// `Forbidden` for anyone but a moderator; `Refused` when another moderator holds the claim;
/// `Invalid` for a missing note or reason.
#[server(endpoint = "moderation/decide")]
pub async fn moderate_petition(
    csrf: String,
    lang: String,
    id: i32,
    decision: String,
    note: Option<String>,
    reason: Option<String>,
) -> Result<(), AppError> {
    use crate::model::Role;
    use crate::server::{
        request,
        services::{
            petitions::moderation::{self, Decision},
            today,
        },
    };
    let (state, _) = ssr::acting(&csrf)?;
    let me = request::require_role(&state.db, Role::Moderator, None).await?;
    let note = note.unwrap_or_default();
    let decision = match decision.as_str() {
        "approve" => Decision::Approve,
        "return" => Decision::Return { note },
        "reject" => Decision::Reject {
            reason: reason
                .and_then(|r| r.parse().ok())
                .ok_or_else(|| AppError::Invalid {
                    field: "reason".into(),
                    reason: "moderation-reason-unknown".into(),
                })?,
            note,
        },
        _ => {
            return Err(AppError::Invalid {
                field: "decision".into(),
                reason: "moderation-decision-unknown".into(),
            });
        }
    };
    let done = match decision {
        Decision::Approve => "approved",
        Decision::Return { .. } => "returned",
        Decision::Reject { .. } => "rejected",
    };
    crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move {
            moderation::decide(txn, me.id, id, decision, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::to_petition(&lang, id, done);
    Ok(())
}

/// An official publishes their body's answer to a petition.
///
/// # Errors
/// `Forbidden` for anyone who is no official of the petition's body; `Invalid` for an empty
/// text or unknown decision; `Refused` when no answer is awaited.
#[server(endpoint = "answers/publish")]
pub async fn answer_petition(
    csrf: String,
    lang: String,
    id: i32,
    decision: String,
    text: String,
) -> Result<(), AppError> {
    use crate::model::{AnswerDecision, Role};
    use crate::server::{
        request,
        services::petitions::{self, answers},
    };
    let (state, _) = ssr::acting(&csrf)?;
    petitions::find(&state.db, id)
        .await
        .map_err(ssr::petition_error)?;
    // The body that answers is the one whose case it is (after a hand-over, the new one).
    let addressee = match crate::server::services::cases::of_origin(
        &state.db,
        crate::model::CaseKind::Petition,
        id,
    )
    .await?
    {
        Some(case) => case.body_id,
        None => {
            petitions::find(&state.db, id)
                .await
                .map_err(ssr::petition_error)?
                .body_id
        }
    };
    let me = request::require_role(&state.db, Role::Official, Some(addressee)).await?;
    let decision = AnswerDecision::parse(&decision).ok_or_else(|| AppError::Invalid {
        field: "decision".into(),
        reason: "answer-decision-unknown".into(),
    })?;
    crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move {
            answers::publish(txn, me.id, id, decision, &text, chrono::Utc::now()).await
        })
    })
    .await?;
    // The mail to the author and the signers, in short transactions of their own; should this
    // fail or the process die, the sweep queues the rest.
    match answers::queue_answer_mail(&state.db, id, &state.public_url, chrono::Utc::now()).await {
        Ok(_) => state.mail_wake.notify(),
        Err(error) => tracing::error!(%error, petition = id, "queueing the answer mail failed"),
    }
    ssr::to_petition(&lang, id, "answered");
    Ok(())
}

/// Rates the answer to a petition, 1–5.
///
/// # Errors
/// `Forbidden` without the CSRF token; `Invalid` outside 1–5; `Refused` before the answer.
#[server(endpoint = "answers/rate")]
pub async fn rate_answer(
    csrf: String,
    lang: String,
    id: i32,
    rating: String,
) -> Result<(), AppError> {
    use crate::server::services::petitions::answers;
    let (state, me) = ssr::acting(&csrf)?;
    let rating = rating.trim().parse().unwrap_or(0);
    answers::rate(&state.db, me.id, id, rating, chrono::Utc::now())
        .await
        .map_err(ssr::petition_error)?;
    state.petition_views.forget(id);
    ssr::to_petition(&lang, id, "rated");
    Ok(())
}

/// The rejection reasons: every one for an admin, the active ones for a moderator.
///
/// # Errors
/// `Forbidden` for anyone else.
#[server(endpoint = "moderation/reasons")]
pub async fn rejection_reasons() -> Result<Vec<ReasonView>, AppError> {
    use crate::model::Role;
    use crate::server::{
        app_state, request,
        services::{petitions::moderation, roles, today},
    };
    let me = request::signed_in()?;
    let state = app_state()?;
    let admin = roles::holds(&state.db, me.id, Role::Admin, None, today()).await?;
    if !admin && !roles::holds(&state.db, me.id, Role::Moderator, None, today()).await? {
        return request::forbid();
    }
    let scope = (!admin).then_some(crate::model::ReasonScope::Petition);
    Ok(moderation::reasons(&state.db, scope, admin).await?)
}

/// An admin adds or edits a rejection reason.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for a bad code or name.
#[server(endpoint = "moderation/reasons/save")]
pub async fn save_reason(
    csrf: String,
    lang: String,
    code: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    scope: Option<String>,
    hides_text: Option<String>,
    active: Option<String>,
) -> Result<(), AppError> {
    use crate::model::{Names, ReasonScope, Role};
    use crate::server::{request, services::petitions::moderation};
    let (state, _) = ssr::acting(&csrf)?;
    let me = request::require_role(&state.db, Role::Admin, None).await?;
    let names = Names {
        kk: name_kk,
        ru: name_ru,
        en: name_en,
    };
    let scope = match scope.as_deref().map(str::trim) {
        None | Some("") => ReasonScope::Petition,
        Some(text) => ReasonScope::parse(text).ok_or_else(|| {
            ssr::petition_error(crate::server::services::petitions::PetitionError::Invalid {
                field: "scope",
                key: "reason-scope-invalid",
            })
        })?,
    };
    let (hides_text, active) = (hides_text.is_some(), active.is_some());
    crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move {
            moderation::save_reason(
                txn,
                Some(me.id),
                moderation::ReasonForm {
                    code,
                    names,
                    scope,
                    hides_text,
                    active,
                },
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    let locale = crate::i18n::Locale::from_code(&lang).unwrap_or_default();
    leptos_axum::redirect(&format!(
        "/{}/admin/reasons?done=reason-saved",
        locale.code()
    ));
    Ok(())
}

/// An admin invalidates a petition's signatures by condition (IP, email domain, time window).
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` without a condition or a reason.
#[server(endpoint = "petitions/invalidate")]
pub async fn invalidate_signatures(
    csrf: String,
    lang: String,
    id: i32,
    ip: String,
    email_domain: String,
    from: String,
    to: String,
    grounds: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::model::{RevokeReason, Role};
    use crate::server::{request, services::petitions::fraud};
    let (state, _) = ssr::acting(&csrf)?;
    let me = request::require_role(&state.db, Role::Admin, None).await?;
    let moment =
        |field: &str, text: &str| -> Result<Option<chrono::DateTime<chrono::Utc>>, AppError> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
                .map(|t| Some((t - chrono::Duration::hours(5)).and_utc()))
                .map_err(|_| AppError::Invalid {
                    field: field.into(),
                    reason: "date-invalid".into(),
                })
        };
    let grounds = RevokeReason::parse(grounds.trim())
        .filter(|g| RevokeReason::GROUNDS.contains(g))
        .ok_or_else(|| AppError::Invalid {
            field: "grounds".into(),
            reason: "fraud-grounds-invalid".into(),
        })?;
    let filter = fraud::Filter {
        ip: Some(ip.trim().to_owned()).filter(|s| !s.is_empty()),
        email_domain: Some(email_domain.trim().to_lowercase()).filter(|s| !s.is_empty()),
        from: moment("from", &from)?,
        to: moment("to", &to)?,
    };
    crate::server::in_transaction(&state, ssr::petition_error, move |txn| {
        Box::pin(async move {
            fraud::invalidate(
                txn,
                me.id,
                id,
                &filter,
                grounds,
                &reason,
                chrono::Utc::now(),
            )
            .await
        })
    })
    .await?;
    state.signer.written().notify_one();
    ssr::to_petition(&lang, id, "signatures-invalidated");
    Ok(())
}
