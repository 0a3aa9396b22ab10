//! Server functions of public councils: the list and one council's page, meetings, proposals,
//! recommendations, the secretary's desk, and everything the secretary and citizens change.
//! Every change checks the CSRF token and who is asking; the services check the council role
//! on the day.

// Forms with many fields; the generated server-function code carries them all.
#![allow(clippy::too_many_arguments)]

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    BodySummary, CouncilSummary, CouncilView, DeskView, MeetingView, ProposalView,
    RecommendationView,
};

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::AppError;

    pub use crate::api::acting::{form_date as date, go_to};

    /// A form's count of votes.
    pub fn votes(value: &str, field: &str) -> Result<u32, AppError> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(0);
        }
        value
            .parse::<u32>()
            .ok()
            .filter(|v| *v <= 100_000)
            .ok_or_else(|| AppError::Invalid {
                field: field.into(),
                reason: "votes-invalid".into(),
            })
    }
}

/// Every council with its health.
///
/// # Errors
/// A database failure.
#[server(endpoint = "councils/list")]
pub async fn list_councils() -> Result<Vec<CouncilSummary>, AppError> {
    use crate::server::services::{councils::views, today};
    let app = crate::server::app_state()?;
    Ok(views::list(&app.db, today()).await?)
}

/// One council's page, its proposals only those with every one of `words` (when not blank).
///
/// # Errors
/// `NotFound` for an unknown council.
#[server(endpoint = "councils/get")]
pub async fn get_council(slug: String, words: String) -> Result<CouncilView, AppError> {
    use crate::server::services::{councils::views, today};
    use crate::server::{app_state, request};
    let viewer = request::current_user().map(|u| u.id);
    let app = app_state()?;
    crate::server::in_snapshot(
        &app,
        <AppError as From<crate::server::services::ServiceError>>::from,
        move |txn| {
            Box::pin(async move {
                let words = Some(words.trim()).filter(|w| !w.is_empty());
                views::council(txn, &slug, viewer, today(), words).await
            })
        },
    )
    .await
}

/// A meeting's page.
///
/// # Errors
/// `NotFound` for an unknown meeting or a draft the viewer may not see.
#[server(endpoint = "councils/meeting")]
pub async fn get_meeting(id: i32) -> Result<MeetingView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{councils::views, today};
    use crate::server::{app_state, request};
    let viewer = request::current_user().map(|u| u.id);
    let app = app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::meeting(txn, id, viewer, today()).await })
    })
    .await
}

/// A proposal's page.
///
/// # Errors
/// `NotFound` for an unknown proposal or a hidden one the viewer may not see.
#[server(endpoint = "councils/proposal")]
pub async fn get_proposal(id: i32) -> Result<ProposalView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{councils::views, today};
    use crate::server::{app_state, request};
    let viewer = request::current_user().map(|u| u.id);
    let app = app_state()?;
    crate::server::in_snapshot(&app, action_error, move |txn| {
        Box::pin(async move { views::proposal(txn, id, viewer, today()).await })
    })
    .await
}

/// A recommendation and its council.
///
/// # Errors
/// `NotFound`.
#[server(endpoint = "councils/recommendation")]
pub async fn get_recommendation(id: i32) -> Result<(RecommendationView, BodySummary), AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{councils::views, today};
    let app = crate::server::app_state()?;
    views::recommendation(&app.db, id, today())
        .await
        .map_err(action_error)
}

/// The secretary's desk.
///
/// # Errors
/// `Unauthorized` for a visitor; `Forbidden` for anyone but the council's secretary.
#[server(endpoint = "councils/desk")]
pub async fn council_desk(slug: String) -> Result<DeskView, AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{councils::views, today};
    use crate::server::{app_state, request};
    let me = request::signed_in()?;
    let app = app_state()?;
    views::desk(&app.db, &slug, me.id, today())
        .await
        .map_err(action_error)
}

/// The bodies an admin may found a council for.
///
/// # Errors
/// `Unauthorized` for a visitor; `Forbidden` for anyone but an admin.
#[server(endpoint = "councils/to-found")]
pub async fn councils_to_found() -> Result<Vec<BodySummary>, AppError> {
    use crate::model::Role;
    use crate::server::services::councils::founding;
    use crate::server::{app_state, request};
    let app = app_state()?;
    request::require_role(&app.db, Role::Admin, None).await?;
    Ok(founding::bodies_without_council(&app.db).await?)
}

/// An admin founds a public council for a body that has none.
///
/// # Errors
/// `Forbidden` for anyone but an admin; `Invalid` for an unknown body or an empty name;
/// `Refused` when the body has a council already.
#[server(endpoint = "councils/found")]
pub async fn found_council(
    csrf: String,
    lang: String,
    body: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::founding, today};
    let (app, me) = acting(&csrf)?;
    let form = founding::CouncilForm {
        body,
        name_kk,
        name_ru,
        name_en,
    };
    let slug = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move { founding::create(txn, me.id, &form, today()).await })
    })
    .await?;
    ssr::go_to(&lang, &format!("/councils/{slug}"), "council-founded");
    Ok(())
}

/// A signed-in citizen sends a proposal to a council.
///
/// # Errors
/// `Invalid` for an empty or too long title or text, an unknown topic or territory; `Refused`
/// for the same proposal again within a minute.
#[server(endpoint = "councils/propose")]
pub async fn send_proposal(
    csrf: String,
    lang: String,
    council: String,
    title: String,
    text: String,
    topic: String,
    #[server(default)] territory: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::proposals, today};
    let (app, me) = acting(&csrf)?;
    let form = proposals::ProposalForm {
        title,
        text,
        topic,
        territory_kato: territory,
    };
    let (id, _) = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            proposals::send(txn, me.id, &council, &form, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/proposals/{id}"), "proposal-sent");
    Ok(())
}

/// A signed-in citizen supports a proposal.
///
/// # Errors
/// `NotFound` for an unknown or hidden proposal.
#[server(endpoint = "councils/support")]
pub async fn support_proposal(csrf: String, lang: String, id: i32) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::councils::proposals;
    let (app, me) = acting(&csrf)?;
    let new = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move { proposals::support(txn, me.id, id, chrono::Utc::now()).await })
    })
    .await?;
    let done = if new {
        "supported"
    } else {
        "already-supported"
    };
    ssr::go_to(&lang, &format!("/proposals/{id}"), done);
    Ok(())
}

/// The secretary hides a proposal with a public reason.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty reason; `Refused` when already hidden.
#[server(endpoint = "councils/hide")]
pub async fn hide_proposal(
    csrf: String,
    lang: String,
    id: i32,
    reason: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::proposals, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            proposals::hide(txn, me.id, id, &reason, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/proposals/{id}"), "proposal-hidden");
    Ok(())
}

/// The secretary declines a proposal with a catalogue reason and an explanation to its author.
///
/// # Errors
/// `Forbidden`; `Invalid` for an unknown reason or an empty explanation; `Refused` when its
/// case no longer awaits the council's answer.
#[server(endpoint = "councils/decline")]
pub async fn decline_proposal(
    csrf: String,
    lang: String,
    id: i32,
    #[server(default)] reason: String,
    text: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::proposals, today};
    let (app, me) = acting(&csrf)?;
    let reason: Option<i32> = reason.trim().parse().ok();
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            proposals::decline(txn, me.id, id, reason, &text, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/proposals/{id}"), "proposal-declined");
    Ok(())
}

/// The secretary merges a proposal into another as its duplicate.
///
/// # Errors
/// `Forbidden`; `Invalid` for itself, another council's proposal or a cycle; `Refused` when
/// it is no longer new on the desk.
#[server(endpoint = "councils/merge")]
pub async fn merge_proposal(
    csrf: String,
    lang: String,
    id: i32,
    into: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::proposals, today};
    let (app, me) = acting(&csrf)?;
    let into: i32 = into
        .trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| AppError::Invalid {
            field: "into".into(),
            reason: "merge-target-unknown".into(),
        })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            proposals::merge(txn, me.id, id, into, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/proposals/{id}"), "proposal-merged");
    Ok(())
}

/// The secretary adds a member.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty name, an unknown position, bad dates or an unknown
/// account.
#[server(endpoint = "councils/members/add")]
pub async fn add_member(
    csrf: String,
    lang: String,
    council: String,
    full_name: String,
    position: String,
    #[server(default)] organisation: String,
    #[server(default)] voting: Option<String>,
    starts_on: String,
    #[server(default)] ends_on: String,
    #[server(default)] email: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils, today};
    let (app, me) = acting(&csrf)?;
    let form = councils::members::MemberForm {
        full_name,
        position,
        organisation,
        voting: voting.is_some(),
        starts_on: ssr::date(&starts_on, "starts_on", "member-date-invalid")?,
        ends_on: ssr::date(&ends_on, "ends_on", "member-date-invalid")?,
        email,
    };
    let slug = council.clone();
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let c = councils::by_slug(txn, &slug).await?;
            councils::members::add(txn, me.id, c.id, &form, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/councils/{council}"), "member-added");
    Ok(())
}

/// The secretary ends a membership.
///
/// # Errors
/// `Forbidden`; `Invalid` for a bad day; `Refused` when it has already ended.
#[server(endpoint = "councils/members/end")]
pub async fn end_member(
    csrf: String,
    lang: String,
    council: String,
    member: i32,
    ends_on: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils, today};
    let (app, me) = acting(&csrf)?;
    let last = ssr::date(&ends_on, "ends_on", "member-date-invalid")?;
    let slug = council.clone();
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let c = councils::by_slug(txn, &slug).await?;
            councils::members::end(txn, me.id, c.id, member, last, today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/councils/{council}"), "member-ended");
    Ok(())
}

/// The secretary plans a meeting.
///
/// # Errors
/// `Forbidden`; `Invalid` for a missing or past day, a bad time, an unknown format, a missing
/// place or link.
#[server(endpoint = "councils/meetings/create")]
pub async fn create_meeting(
    csrf: String,
    lang: String,
    council: String,
    date: String,
    time: String,
    format: String,
    #[server(default)] place: String,
    #[server(default)] online_url: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    let form = meetings::MeetingForm {
        date: ssr::date(&date, "date", "meeting-date-missing")?,
        time,
        format,
        place,
        online_url,
    };
    let id = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::create(txn, me.id, &council, &form, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/meetings/{id}"), "meeting-created");
    Ok(())
}

/// The secretary adds an agenda item: a topic of the council's own, or what `takes` names
/// (`proposal:ID` or `petition:ID`).
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty title or an unknown proposal or petition; `Refused`
/// for a closed meeting or a proposal no longer new.
#[server(endpoint = "councils/agenda/add")]
pub async fn add_agenda_item(
    csrf: String,
    lang: String,
    meeting: i32,
    #[server(default)] title: String,
    #[server(default)] takes: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    let bad = || AppError::Invalid {
        field: "takes".into(),
        reason: "agenda-takes-unknown".into(),
    };
    let takes = match takes.trim().split_once(':') {
        None if takes.trim().is_empty() => meetings::Takes::Nothing,
        Some(("proposal", id)) => meetings::Takes::Proposal(id.parse().map_err(|_| bad())?),
        Some(("petition", id)) => meetings::Takes::Petition(id.parse().map_err(|_| bad())?),
        _ => return Err(bad()),
    };
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::add_item(
                txn,
                me.id,
                meeting,
                &title,
                takes,
                chrono::Utc::now(),
                today(),
            )
            .await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "agenda-item-added");
    Ok(())
}

/// The secretary publishes a meeting's agenda.
///
/// # Errors
/// `Forbidden`; `Refused` for a past day, one sooner than the notice period, or an empty
/// agenda.
#[server(endpoint = "councils/agenda/publish")]
pub async fn publish_agenda(csrf: String, lang: String, meeting: i32) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{
        councils::{following, meetings},
        today,
    };
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::publish(txn, me.id, meeting, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    following::mail_now(&app).await;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "agenda-published");
    Ok(())
}

/// The secretary records who came (`present[MEMBER_ID]=on` for each member present).
///
/// # Errors
/// `Forbidden`; `Invalid` for anyone who is not a voting member on the day; `Refused` before
/// the day or after a decision.
#[server(endpoint = "councils/attendance")]
pub async fn record_attendance(
    csrf: String,
    lang: String,
    meeting: i32,
    #[server(default)] present: Option<BTreeMap<String, String>>,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    let ids = present
        .unwrap_or_default()
        .keys()
        .map(|k| k.trim().parse::<i32>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::Invalid {
            field: "present".into(),
            reason: "attendance-not-voting-member".into(),
        })?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(
            async move { meetings::record_attendance(txn, me.id, meeting, &ids, today()).await },
        )
    })
    .await?;
    ssr::go_to(
        &lang,
        &format!("/meetings/{meeting}"),
        "attendance-recorded",
    );
    Ok(())
}

/// The secretary records the decision on an agenda item, with the votes and, optionally, a
/// recommendation to the council's body.
///
/// # Errors
/// `Forbidden`; `Invalid` for an empty text, votes that are no count or add up to more than
/// those present; `Refused` without a quorum.
#[server(endpoint = "councils/agenda/decide")]
pub async fn decide_item(
    csrf: String,
    lang: String,
    meeting: i32,
    item: i32,
    votes_for: String,
    votes_against: String,
    votes_abstained: String,
    decision: String,
    #[server(default)] recommendation: String,
    #[server(default)] answer: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::model::AnswerDecision;
    use crate::server::services::{
        councils::{following, meetings},
        today,
    };
    let (app, me) = acting(&csrf)?;
    let form = meetings::DecisionForm {
        votes_for: ssr::votes(&votes_for, "votes_for")?,
        votes_against: ssr::votes(&votes_against, "votes_against")?,
        votes_abstained: ssr::votes(&votes_abstained, "votes_abstained")?,
        text: decision,
        recommendation,
        answer: match answer.trim() {
            "" => None,
            a => Some(AnswerDecision::parse(a).ok_or_else(|| AppError::Invalid {
                field: "answer".into(),
                reason: "answer-decision-unknown".into(),
            })?),
        },
    };
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::decide(txn, me.id, item, &form, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    following::mail_now(&app).await;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "item-decided");
    Ok(())
}

/// The secretary defers an agenda item to the next meeting.
///
/// # Errors
/// `Forbidden`; `Refused` before the day or for an item already decided.
#[server(endpoint = "councils/agenda/defer")]
pub async fn defer_item(
    csrf: String,
    lang: String,
    meeting: i32,
    item: i32,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move { meetings::defer(txn, me.id, item, today()).await })
    })
    .await?;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "item-deferred");
    Ok(())
}

/// A signed-in person follows a council (`follow=1`) or stops following it (`follow=0`).
///
/// # Errors
/// `NotFound` for an unknown council.
#[server(endpoint = "councils/follow")]
pub async fn follow_council(
    csrf: String,
    lang: String,
    council: String,
    follow: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::councils::{self, following};
    let (app, me) = acting(&csrf)?;
    let on = match follow.trim() {
        "1" => true,
        "0" => false,
        _ => {
            return Err(AppError::Invalid {
                field: "follow".into(),
                reason: "follow-invalid".into(),
            });
        }
    };
    let slug = council.clone();
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let c = councils::by_slug(txn, &slug).await?;
            if on {
                following::follow(txn, me.id, c.id, chrono::Utc::now()).await?;
            } else {
                following::unfollow(txn, me.id, c.id).await?;
            }
            Ok::<(), crate::server::services::ActionError>(())
        })
    })
    .await?;
    let done = if on { "followed" } else { "unfollowed" };
    ssr::go_to(&lang, &format!("/councils/{council}"), done);
    Ok(())
}

/// Unsubscribes from a council's mails with the token every such mail carries (no sign-in).
///
/// # Errors
/// `NotFound` for a token no longer in force.
#[server(endpoint = "councils/unfollow")]
pub async fn unfollow_by_token(csrf: String, lang: String, token: String) -> Result<(), AppError> {
    use crate::api::acting::action_error;
    use crate::server::services::{ActionError, councils::following};
    crate::server::request::check_csrf(&csrf)?;
    let app = crate::server::app_state()?;
    let slug = crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            let council = following::council_of_token(txn, token.trim())
                .await?
                .ok_or(ActionError::NotFound)?;
            following::unfollow_by_token(txn, token.trim()).await?;
            Ok::<String, ActionError>(council.slug)
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/councils/{slug}"), "unfollowed");
    Ok(())
}

/// The council a mail's unsubscribe token belongs to.
///
/// # Errors
/// `NotFound` for a token no longer in force.
#[server(endpoint = "councils/unfollow/check")]
pub async fn unfollow_council_of(token: String) -> Result<BodySummary, AppError> {
    use crate::server::services::{ServiceError, bodies, councils::following};
    let app = crate::server::app_state()?;
    let council = following::council_of_token(&app.db, token.trim())
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(bodies::summary(&council)?)
}

/// A member comments on an agenda item, for the council only.
///
/// # Errors
/// `Forbidden` for anyone not on the council; `Invalid` for an empty comment; `Refused` once
/// the meeting is closed.
#[server(endpoint = "councils/agenda/comment")]
pub async fn comment_item(
    csrf: String,
    lang: String,
    meeting: i32,
    item: i32,
    comment: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::comment(txn, me.id, item, &comment, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "comment-added");
    Ok(())
}

/// The secretary writes the minutes.
///
/// # Errors
/// `Forbidden`; `Invalid` for empty minutes; `Refused` before the day or once closed.
#[server(endpoint = "councils/minutes")]
pub async fn save_minutes(
    csrf: String,
    lang: String,
    meeting: i32,
    minutes: String,
) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{councils::meetings, today};
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(async move {
            meetings::save_minutes(txn, me.id, meeting, &minutes, chrono::Utc::now(), today()).await
        })
    })
    .await?;
    ssr::go_to(&lang, &format!("/meetings/{meeting}"), "minutes-saved");
    Ok(())
}

/// The secretary closes a meeting.
///
/// # Errors
/// `Forbidden`; `Refused` with undecided items or without minutes.
#[server(endpoint = "councils/meetings/close")]
pub async fn close_meeting(csrf: String, lang: String, meeting: i32) -> Result<(), AppError> {
    use crate::api::acting::{acting, action_error};
    use crate::server::services::{
        councils::{following, meetings},
        today,
    };
    let (app, me) = acting(&csrf)?;
    crate::server::in_transaction(&app, action_error, move |txn| {
        Box::pin(
            async move { meetings::close(txn, me.id, meeting, chrono::Utc::now(), today()).await },
        )
    })
    .await?;
    following::mail_now(&app).await;
    ssr::go_to(
        &lang,
        &format!("/meetings/{meeting}"),
        "meeting-closed-done",
    );
    Ok(())
}
