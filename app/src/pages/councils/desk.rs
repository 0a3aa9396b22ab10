//! `/:lang/councils/:slug/desk`: the secretary's triage desk — proposals not yet handled and
//! petitions to the council's body under consideration (for oversight), each with a form that
//! puts it on a meeting's agenda; the proposal's page and its case hold the other actions
//! (merge, hide, ask for clarification, forward, decline).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::councils::council_desk;
use crate::components::account::visitor;
use crate::components::case::kz_date;
use crate::components::form::FormTokens;
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, tr, use_locale};
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

/// `/:lang/councils/:slug/desk`.
#[component]
pub fn DeskPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let desk = Resource::new_blocking(slug, council_desk);
    view! {
        <PageTitle text=locale.get_untracked().t("desk-title")/>
        <h1>{tr("desk-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let visitor = visitor().await;
                let d = match desk.await {
                    Ok(d) => d,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let csrf = visitor.csrf;
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
