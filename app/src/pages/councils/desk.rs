//! `/:lang/councils/:slug/desk`: the secretary's triage desk — proposals not yet handled and
//! petitions to the council's body under consideration (for oversight), each with a form that
//! puts it on a meeting's agenda, and for a proposal a form that declines it with a reason from
//! the catalogue; the proposal's page and its case hold the other actions (merge, hide, ask for
//! clarification, forward).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::councils::{AddAgendaItem, DeclineProposal, council_desk};
use crate::components::account::visitor;
use crate::components::case::kz_date;
use crate::components::form::{FormTokens, failure};
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, tr, use_locale};
use crate::model::Names;
use crate::pages::{LoadError, PageTitle};

/// The form that puts `takes` (`proposal:ID`, `petition:ID`) on the chosen meeting's agenda.
#[component]
fn ToAgenda(
    takes: String,
    meetings: Vec<(i32, DateTime<Utc>)>,
    csrf: String,
    secretary: bool,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    if !secretary {
        return ().into_any();
    }
    let fid = format!("meeting-for-{}", takes.replace(':', "-"));
    if meetings.is_empty() {
        return view! { <p class="hint">{l.t("desk-no-meeting")}</p> }.into_any();
    }
    view! {
        <form method="post" action="/api/councils/agenda/add" class="inline-form">
            <FormTokens csrf=csrf/>
            <input type="hidden" name="takes" value=takes/>
            <input type="hidden" name="title" value=""/>
            <label for=fid.clone()>{l.t("desk-meeting")}</label>
            <select id=fid name="meeting">
                {meetings.into_iter().map(|(id, at)| view! { <option value=id.to_string()>{kz_date(at)}</option> }).collect_view()}
            </select>
            <button type="submit" class="button button-secondary">{l.t("desk-put-on-agenda")}</button>
        </form>
    }
    .into_any()
}

/// The form that declines proposal `id` with a catalogue reason and an explanation.
#[component]
fn Decline(
    id: i32,
    reasons: Vec<(i32, Names)>,
    csrf: String,
    secretary: bool,
    /// What was typed before the form failed on this proposal.
    typed: Option<String>,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    (secretary && !reasons.is_empty()).then(|| {
        let (rid, tid) = (format!("decline-reason-{id}"), format!("decline-text-{id}"));
        view! {
            <details class="desk-decline" open=typed.is_some()>
                <summary>{l.t("desk-decline")}</summary>
                <form method="post" action="/api/councils/decline" class="form">
                    <FormTokens csrf=csrf/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <div class="field">
                        <label for=rid.clone()>{l.t("desk-decline-reason")}</label>
                        <select id=rid name="reason" required>
                            <option value="">{l.t("moderation-reason-choose")}</option>
                            {reasons.into_iter().map(|(rid, names)| view! { <option value=rid.to_string()>{names.get(l).to_owned()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=tid.clone()>{l.t("desk-decline-text")}</label>
                        <textarea id=tid name="text" rows="3" required maxlength="20000">{typed.clone().unwrap_or_default()}</textarea>
                    </div>
                    <button type="submit" class="button button-danger">{l.t("desk-decline")}</button>
                </form>
            </details>
        }
    })
}

/// `/:lang/councils/:slug/desk`.
#[component]
pub fn DeskPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let desk = Resource::new_blocking(slug, council_desk);
    let error = failure::<DeclineProposal>().or_else(failure::<AddAgendaItem>);
    view! {
        <PageTitle text=locale.get_untracked().t("desk-title")/>
        <h1>{tr("desk-title")}</h1>
        {error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let visitor = visitor().await;
                let d = match desk.await {
                    Ok(d) => d,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let csrf = visitor.csrf;
                let typed_for = |id: i32| {
                    let echo = visitor.echo.as_ref()?;
                    (echo.value("/api/councils/decline", "id")? == id.to_string())
                        .then(|| echo.value("/api/councils/decline", "text"))
                        .flatten()
                };
                view! {
                    <p><BodyLink body=d.council.clone()/></p>
                    <section aria-labelledby="desk-proposals-heading">
                        <h2 id="desk-proposals-heading">{l.t("desk-proposals")}</h2>
                        {if d.proposals.is_empty() {
                            view! { <p class="hint">{l.t("desk-empty")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards">
                                    {d.proposals.iter().map(|p| view! {
                                        <li>
                                            <a href=href(l, &format!("/proposals/{}", p.id))><bdi>{p.title.clone()}</bdi></a>
                                            <br/><span class="hint">"#"{p.id}" · "{kz_date(p.created_at)}
                                                {p.due_on.map(|due| view! { " · "{l.t("proposal-due")}" "{format_date(due)} })}</span>
                                            <ToAgenda takes=format!("proposal:{}", p.id) meetings=d.open_meetings.clone() csrf=csrf.clone() secretary=d.viewer.is_secretary/>
                                            <Decline id=p.id reasons=d.decline_reasons.clone() csrf=csrf.clone() secretary=d.viewer.is_secretary typed=typed_for(p.id)/>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    {(!d.forwarded.is_empty()).then(|| view! {
                        <section aria-labelledby="desk-forwarded-heading">
                            <h2 id="desk-forwarded-heading">{l.t("desk-forwarded")}</h2>
                            <ul class="cards">
                                {d.forwarded.iter().map(|(id, title)| view! {
                                    <li><a href=href(l, &format!("/cases/{id}"))><bdi>{title.clone()}</bdi></a></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    <section aria-labelledby="desk-petitions-heading">
                        <h2 id="desk-petitions-heading">{l.t("desk-petitions")}</h2>
                        {if d.petitions.is_empty() {
                            view! { <p class="hint">{l.t("desk-no-petitions")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards">
                                    {d.petitions.iter().map(|(id, title)| view! {
                                        <li>
                                            <a href=href(l, &format!("/petitions/{id}"))><bdi>{title.clone()}</bdi></a>
                                            <ToAgenda takes=format!("petition:{id}") meetings=d.open_meetings.clone() csrf=csrf.clone() secretary=d.viewer.is_secretary/>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
