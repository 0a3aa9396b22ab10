//! Server functions of the case core: the officials' inbox, one case's page, what an official
//! does with a case (answer, ask for clarification, forward, follow up, report on
//! implementation, close), the author's reply, citizens' ratings, and the public
//! responsiveness table. Every change checks the CSRF token and the person's role for the
//! case's body on the day; the services check it again.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{BodyRecord, CaseSummary, CaseView, Responsiveness, ResponsivenessQuery};

#[cfg(feature = "ssr")]
mod ssr {
    use crate::i18n::Locale;
    use crate::server::AppState;

    /// Queues the case's news mail in short transactions of its own (the sweep queues what a
    /// failure here leaves), then sends the browser to the case's page with a notice.
    pub async fn after(state: &AppState, lang: &str, case_id: i32, done: &str) {
        use crate::server::services::cases::mailing;
        match mailing::send_case(&state.db, case_id, &state.public_url, chrono::Utc::now()).await {
            Ok(_) => state.mail_wake.notify(),
            Err(error) => tracing::error!(%error, case = case_id, "queueing case mail failed"),
        }
        to_case(lang, case_id, done);
    }

    /// Sends the browser to the case's page with a notice.
    pub fn to_case(lang: &str, case_id: i32, done: &str) {
        let locale = Locale::from_code(lang).unwrap_or_default();
        leptos_axum::redirect(&format!("/{}/cases/{case_id}?done={done}", locale.code()));
    }
}

/// The inbox of the signed-in official: every case addressed to the bodies they are an
/// official of today, narrowed to a kind and a state (`any` for all; waiting cases by
/// default).
///
/// # Errors
/// `Forbidden` for anyone who is no official today; `Invalid` for an unknown kind or state.
#[server(endpoint = "cases/inbox")]
pub async fn case_inbox(
    kind: Option<String>,
    state: Option<String>,
) -> Result<Vec<CaseSummary>, AppError> {
    use crate::model::{CaseKind, CaseState, Role};
    use crate::server::services::{cases::views, roles, today};
    use crate::server::{app_state, request};
    let me = request::signed_in()?;
    let app = app_state()?;
    let bodies = roles::bodies_of(&app.db, me.id, Role::Official, today()).await?;
    if bodies.is_empty() {
        return request::forbid();
    }
    let kind = match kind
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty() && *k != "any")
    {
        Some(k) => Some(CaseKind::parse(k).ok_or_else(|| AppError::Invalid {
            field: "kind".into(),
            reason: "case-kind-unknown".into(),
        })?),
        None => None,
    };
    let state = match state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(CaseState::AwaitingAnswer),
        Some("any") => None,
        Some(s) => Some(CaseState::parse(s).ok_or_else(|| AppError::Invalid {
            field: "state".into(),
            reason: "case-state-unknown".into(),
        })?),
    };
    Ok(views::inbox(
        &app.db,
        &bodies,
        views::InboxFilter { kind, state },
        today(),
    )
    .await?)
}

/// One case's public page, with what the signed-in person may do on it.
///
/// # Errors
/// `NotFound` for an unknown case.
#[server(endpoint = "cases/get")]
pub async fn get_case(id: i32) -> Result<CaseView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{cases::views, today};
    use crate::server::{app_state, request};
    let viewer = request::current_user().map(|u| u.id);
    let app = app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::view(txn, id, viewer, today()).await })
    })
    .await
}

/// An official answers a case of their body.
///
/// # Errors
/// `Forbidden` for anyone but an official of the case's body; `Invalid` for an unknown
/// decision or an empty text; `Refused` when the case awaits no answer.
#[server(endpoint = "cases/answer")]
pub async fn answer_case(
    csrf: String,
    lang: String,
    id: i32,
    decision: String,
    text: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::model::AnswerDecision;
    use crate::server::services::{cases::answering, today};
    let (app, me) = acting(&csrf)?;
    let decision = AnswerDecision::parse(&decision).ok_or_else(|| AppError::Invalid {
        field: "decision".into(),
        reason: "answer-decision-unknown".into(),
    })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            answering::answer(txn, me.id, id, decision, &text, chrono::Utc::now(), today())
                .await
                .map(|_| ())
        })
    })
    .await?;
    ssr::after(&app, &lang, id, "answered").await;
    Ok(())
}

/// An official asks the author for clarification; the clock stands still until the reply.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty question; `Refused` when the case awaits no answer or a
/// question is already open.
#[server(endpoint = "cases/clarify")]
pub async fn ask_clarification(
    csrf: String,
    lang: String,
    id: i32,
    question: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{cases::answering, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            answering::ask_clarification(txn, me.id, id, &question, chrono::Utc::now(), today())
                .await
        })
    })
    .await?;
    ssr::after(&app, &lang, id, "clarification-asked").await;
    Ok(())
}

/// The author replies to the body's question; the clock runs again.
///
/// # Errors
/// `Forbidden` for anyone but the author; `Invalid` for an empty reply; `Refused` when no
/// question is open.
#[server(endpoint = "cases/reply")]
pub async fn give_clarification(
    csrf: String,
    lang: String,
    id: i32,
    reply: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{cases::answering, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            answering::give_clarification(txn, me.id, id, &reply, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::after(&app, &lang, id, "clarification-given").await;
    Ok(())
}

/// An official forwards a case to the competent body, with a public reason; the browser goes
/// to the new case.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown or the same body, or an empty reason; `Refused` when
/// the case awaits no answer.
#[server(endpoint = "cases/forward")]
pub async fn forward_case(
    csrf: String,
    lang: String,
    id: i32,
    to: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{cases::forwarding, today};
    let (app, me) = acting(&csrf)?;
    let new = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            forwarding::forward(txn, me.id, id, &to, &reason, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::after(&app, &lang, new.id, "forwarded").await;
    Ok(())
}

/// An official posts a follow-up answer (`kind=follow_up`) or an implementation update
/// (`kind=implementation`, with `progress` and the date `on` it refers to).
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown kind or progress, a malformed date or an empty text;
/// `Refused` before the answer.
#[server(endpoint = "cases/update")]
pub async fn post_case_update(
    csrf: String,
    lang: String,
    id: i32,
    kind: String,
    #[server(default)] progress: Option<String>,
    #[server(default)] on: Option<String>,
    text: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::model::Progress;
    use crate::server::services::{
        cases::answering::{self, Followup},
        today,
    };
    let (app, me) = acting(&csrf)?;
    let what = match kind.as_str() {
        "follow_up" => Followup::Answer,
        "implementation" => {
            let progress = progress
                .as_deref()
                .and_then(Progress::parse)
                .ok_or_else(|| AppError::Invalid {
                    field: "progress".into(),
                    reason: "progress-unknown".into(),
                })?;
            let on = on
                .as_deref()
                .map(str::trim)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| AppError::Invalid {
                    field: "on".into(),
                    reason: "case-date-invalid".into(),
                })?;
            Followup::Implementation(progress, on)
        }
        _ => {
            return Err(AppError::Invalid {
                field: "kind".into(),
                reason: "case-update-kind-unknown".into(),
            });
        }
    };
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            answering::follow_up(txn, me.id, id, what, &text, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::after(&app, &lang, id, "case-updated").await;
    Ok(())
}

/// An official closes an answered case.
///
/// # Errors
/// `Forbidden`; `Refused` when the case is not answered.
#[server(endpoint = "cases/close")]
pub async fn close_case(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{cases, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(
            async move { cases::close(txn, me.id, id, &note, chrono::Utc::now(), today()).await },
        )
    })
    .await?;
    ssr::after(&app, &lang, id, "case-closed").await;
    Ok(())
}

/// Rates a case's answer, 1–5.
///
/// # Errors
/// `Invalid` outside 1–5; `Refused` before the answer.
#[server(endpoint = "cases/rate")]
pub async fn rate_case(
    csrf: String,
    lang: String,
    id: i32,
    rating: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::cases::answering;
    let (app, me) = acting(&csrf)?;
    let rating = rating.trim().parse().unwrap_or(0);
    answering::rate(&app.db, me.id, id, rating, chrono::Utc::now())
        .await
        .map_err(action_error)?;
    // A rating is news to nobody: straight back to the page.
    ssr::to_case(&lang, id, "rated");
    Ok(())
}

/// The public responsiveness table.
///
/// # Errors
/// `Invalid` for an unknown sort column; `Internal` when the database fails.
#[server(endpoint = "cases/responsiveness")]
pub async fn responsiveness_table(query: ResponsivenessQuery) -> Result<Responsiveness, AppError> {
    use crate::server::services::{cases::responsiveness, today};
    let app = crate::server::app_state()?;
    if query
        .sort
        .as_deref()
        .is_some_and(|s| !responsiveness::SORTS.contains(&s))
    {
        return Err(AppError::Invalid {
            field: "sort".into(),
            reason: "sort-unknown".into(),
        });
    }
    Ok(app.responsiveness.table(&app.db, &query, today()).await?)
}

/// A body's record for its page: its responsiveness figures and its latest cases.
///
/// # Errors
/// `NotFound` for an unknown body.
#[server(endpoint = "cases/body")]
pub async fn body_cases(slug: String) -> Result<BodyRecord, AppError> {
    use crate::server::entities::body;
    use crate::server::services::{cases::views, today};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = crate::server::app_state()?;
    let found = body::Entity::find()
        .filter(body::Column::Slug.eq(slug.clone()))
        .one(&app.db)
        .await
        .map_err(crate::server::services::ServiceError::from)?
        .ok_or(AppError::NotFound)?;
    let table = app
        .responsiveness
        .table(
            &app.db,
            &ResponsivenessQuery {
                body: Some(slug),
                ..ResponsivenessQuery::default()
            },
            today(),
        )
        .await?;
    Ok(BodyRecord {
        figures: table.rows.into_iter().next(),
        min_cases: table.min_cases,
        cases: views::of_body(&app.db, found.id, today()).await?,
    })
}
