//! Server functions of deputies' inquiries: the register, an inquiry's page, a deputy's and a
//! maslikhat's pages, the office's drafting, and every step the deputy takes. Every change
//! checks the CSRF token and who is asking; the services check the deputy's mandate (or the
//! staff's) on the day.

// Forms with many fields; the generated server-function code carries them all.
#![allow(clippy::too_many_arguments)]

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    DeputyView, DraftFor, InquiryDraft, InquirySummary, InquiryView, MaslikhatView, Register,
    RegisterQuery,
};

/// The public register of inquiries, filtered.
///
/// # Errors
/// A database failure.
#[server(endpoint = "inquiries/register")]
pub async fn inquiry_register(query: RegisterQuery) -> Result<Register, AppError> {
    use crate::server::services::{inquiries::views, today};
    let app = crate::server::app_state()?;
    Ok(views::register(&app.db, &query, today()).await?)
}

/// An inquiry's page.
///
/// # Errors
/// `NotFound` for an unknown inquiry or a draft the viewer may not see.
#[server(endpoint = "inquiries/get")]
pub async fn get_inquiry(id: i32) -> Result<InquiryView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{inquiries::views, today};
    use crate::server::{app_state, request};
    let viewer = request::current_user().map(|u| u.id);
    let app = app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::page(txn, id, viewer, today()).await })
    })
    .await
}

/// A deputy's page.
///
/// # Errors
/// `NotFound` for anybody who never was a deputy.
#[server(endpoint = "inquiries/deputy")]
pub async fn get_deputy(id: i32) -> Result<DeputyView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{inquiries::views, today};
    let app = crate::server::app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::deputy(txn, id, today()).await })
    })
    .await
}

/// A maslikhat's page of deputies and inquiries.
///
/// # Errors
/// `NotFound` for anything but a maslikhat.
#[server(endpoint = "inquiries/maslikhat")]
pub async fn get_maslikhat(slug: String) -> Result<MaslikhatView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{inquiries::views, today};
    let app = crate::server::app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::maslikhat(txn, &slug, today()).await })
    })
    .await
}

/// What the deputy's office drafts with: the deputies the viewer drafts for, the draft being
/// edited (`id`), and the office's drafts.
///
/// # Errors
/// `Unauthorized` for a visitor; `Forbidden` for anybody outside a deputy's office;
/// `NotFound` for a draft not of the viewer's office.
#[server(endpoint = "inquiries/drafting")]
pub async fn inquiry_drafting(
    id: Option<i32>,
) -> Result<
    (
        Vec<DraftFor>,
        Option<InquiryDraft>,
        Vec<InquirySummary>,
        Vec<crate::model::TopicView>,
    ),
    AppError,
> {
    use crate::api::acting::action_error;
    use crate::server::services::{inquiries::views, today};
    use crate::server::{app_state, request};
    let me = request::signed_in()?;
    let app = app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move {
            let options = views::draft_options(txn, me.id, today()).await?;
            if options.is_empty() {
                return Err(crate::server::services::ActionError::Forbidden);
            }
            let draft = match id {
                Some(id) => Some(views::draft(txn, me.id, id, today()).await?),
                None => None,
            };
            let drafts = views::drafts(txn, me.id, today()).await?;
            let topics = crate::server::services::topics::catalogue(txn, false).await?;
            Ok((options, draft, drafts, topics))
        })
    })
    .await
}

/// The deputy or the deputy's staff saves a draft (a new one without `id`).
///
/// # Errors
/// `Forbidden` outside the deputy's office or for an addressee out of reach; `Invalid` for a
/// missing or unknown addressee, an empty or too long title or text, an unknown topic,
/// territory, petition or co-signer; `Refused` once sent.
#[server(endpoint = "inquiries/save")]
pub async fn save_inquiry(
    csrf: String,
    lang: String,
    #[server(default)] id: String,
    deputy: i32,
    #[server(default)] addressee: String,
    #[server(default)] topic: String,
    #[server(default)] territory: String,
    #[server(default)] title: String,
    #[server(default)] text: String,
    #[server(default)] note: String,
    #[server(default)] petition: String,
    #[server(default)] cosigners: Option<BTreeMap<String, String>>,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::server::services::{inquiries, today};
    let (app, me) = acting(&csrf)?;
    let id = match id.trim() {
        "" => None,
        typed => Some(typed.parse::<i32>().map_err(|_| AppError::NotFound)?),
    };
    let cosigners = cosigners
        .unwrap_or_default()
        .keys()
        .map(|k| k.trim().parse::<i32>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::Invalid {
            field: "cosigners".into(),
            reason: "inquiry-cosigner-unknown".into(),
        })?;
    let draft = InquiryDraft {
        id,
        deputy,
        addressee,
        topic,
        territory,
        title,
        text,
        note,
        petition,
        cosigners,
    };
    let id = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            inquiries::save_draft(txn, me.id, &draft, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{id}"), "inquiry-saved");
    Ok(())
}

/// The deputy sends a draft: it is registered with the addressee.
///
/// # Errors
/// `Forbidden` for anybody but the deputy in office; `Refused` once sent.
#[server(endpoint = "inquiries/send")]
pub async fn send_inquiry(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::server::services::{inquiries, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move { inquiries::send(txn, me.id, id, chrono::Utc::now(), today()).await })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{id}"), "inquiry-sent");
    Ok(())
}

/// The deputy marks the answer satisfactory or not.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown assessment; `Refused` before the answer, once closed
/// or assessed.
#[server(endpoint = "inquiries/assess")]
pub async fn assess_inquiry(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] assessment: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::model::Assessment;
    use crate::server::services::{inquiries::after, today};
    let (app, me) = acting(&csrf)?;
    let assessment = Assessment::parse(assessment.trim()).ok_or_else(|| AppError::Invalid {
        field: "assessment".into(),
        reason: "inquiry-assessment-unknown".into(),
    })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            after::assess(txn, me.id, id, assessment, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{id}"), "inquiry-assessed");
    Ok(())
}

/// The deputy records a site visit, a hearing or a referral to the prosecutor's office.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown kind, a missing or out-of-range date, an empty text;
/// `Refused` before the answer or once closed.
#[server(endpoint = "inquiries/step")]
pub async fn add_inquiry_step(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] kind: String,
    #[server(default)] on: String,
    #[server(default)] text: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, form_date, go_to};
    use crate::model::StepKind;
    use crate::server::services::{inquiries::after, today};
    let (app, me) = acting(&csrf)?;
    let kind = StepKind::parse(kind.trim()).ok_or_else(|| AppError::Invalid {
        field: "kind".into(),
        reason: "inquiry-step-unknown".into(),
    })?;
    let on = form_date(&on, "on", "inquiry-step-date")?.ok_or_else(|| AppError::Invalid {
        field: "on".into(),
        reason: "inquiry-step-date".into(),
    })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let step = after::Step { kind, on, text };
            after::add_step(txn, me.id, id, &step, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{id}"), "inquiry-step-added");
    Ok(())
}

/// The deputy sends a follow-up inquiry to the same body, or refers the matter to another body.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown link or body, an empty or too long title or text;
/// `Refused` before the answer or once closed.
#[server(endpoint = "inquiries/continue")]
pub async fn continue_inquiry(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] link: String,
    #[server(default)] to: String,
    #[server(default)] title: String,
    #[server(default)] text: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::model::InquiryLink;
    use crate::server::services::{inquiries::after, today};
    let (app, me) = acting(&csrf)?;
    let link = InquiryLink::parse(link.trim()).ok_or_else(|| AppError::Invalid {
        field: "link".into(),
        reason: "inquiry-link-unknown".into(),
    })?;
    let next = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let next = after::Continuation {
                link,
                to,
                title,
                text,
            };
            after::continue_with(txn, me.id, id, &next, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{next}"), "inquiry-sent");
    Ok(())
}

/// The deputy closes an answered inquiry with an outcome.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown outcome or a note over the limit; `Refused` before the
/// answer or once closed.
#[server(endpoint = "inquiries/close")]
pub async fn close_inquiry(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] outcome: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::model::Outcome;
    use crate::server::services::{inquiries::after, today};
    let (app, me) = acting(&csrf)?;
    let outcome = Outcome::parse(outcome.trim()).ok_or_else(|| AppError::Invalid {
        field: "outcome".into(),
        reason: "inquiry-outcome-unknown".into(),
    })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            after::close(txn, me.id, id, outcome, &note, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    go_to(&lang, &format!("/inquiries/{id}"), "inquiry-closed");
    Ok(())
}

/// A deputy in office adopts a petition.
///
/// # Errors
/// `Forbidden` for anybody but a deputy in office; `NotFound` for a petition nobody may see.
#[server(endpoint = "inquiries/adopt")]
pub async fn adopt_petition(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error, go_to};
    use crate::server::services::{inquiries::adoption, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move { adoption::adopt(txn, me.id, id, chrono::Utc::now(), today()).await })
    })
    .await?;
    go_to(&lang, &format!("/petitions/{id}"), "petition-adopted");
    Ok(())
}
