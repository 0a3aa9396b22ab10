//! The home page: what the platform is for, who it serves, and where to start.

use leptos::prelude::*;

use super::PageTitle;
use crate::api::petitions::home_figures;
use crate::components::links::{BodyLink, href};
use crate::i18n::{tr, use_locale};
use crate::model::HomeFigures;
use crate::pages::petitions::PetitionCards;

/// The steps a petition takes, as translation keys of their names.
const PETITION_STEPS: [&str; 6] = [
    "home-step-file",
    "home-step-moderation",
    "home-step-support",
    "home-step-threshold",
    "home-step-answer",
    "home-step-public",
];

/// The audiences the home page speaks to: (title key, text key).
const AUDIENCES: [(&str, &str); 4] = [
    ("home-citizens-title", "home-citizens-text"),
    ("home-councils-title", "home-councils-text"),
    ("home-deputies-title", "home-deputies-text"),
    ("home-officials-title", "home-officials-text"),
];

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let figures = Resource::new_blocking(|| (), |()| home_figures());
    view! {
        <PageTitle text=locale.get_untracked().t("home-title")/>
        <section class="hero">
            <h1>{tr("home-heading")}</h1>
            <p class="lead">{tr("home-lead")}</p>
            <p class="actions">
                <a class="button" href=move || href(locale.get(), "/regions")>
                    {tr("home-start-regions")}
                </a>
                <a class="button button-secondary" href=move || href(locale.get(), "/bodies/government")>
                    {tr("home-start-government")}
                </a>
            </p>
        </section>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // The figures are a bonus: the page stands without them.
                figures.await.ok().map(|f| view! { <Alive f=f/> })
            })}
        </Suspense>
        <section aria-labelledby="audiences-heading">
            <h2 id="audiences-heading">{tr("home-who-heading")}</h2>
            <ul class="cards">
                {AUDIENCES
                    .into_iter()
                    .map(|(title, text)| {
                        view! {
                            <li class="card">
                                <h3>{tr(title)}</h3>
                                <p>{tr(text)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">{tr("home-steps-heading")}</h2>
            <ol class="steps">
                {PETITION_STEPS.into_iter().map(|key| view! { <li>{tr(key)}</li> }).collect_view()}
            </ol>
        </section>
    }
}

/// The platform's life in figures, what is moving now, what was answered, and who is late.
#[component]
fn Alive(f: HomeFigures) -> impl IntoView {
    let l = use_locale().get_untracked();
    let (on_time, answered) = f.on_time;
    let share = (on_time * 100).checked_div(answered).map_or_else(
        || "—".to_owned(),
        |n| l.t_with("home-percent", &[("n", n.into())]),
    );
    let counts = [
        ("home-open", l.number(f.open), "open"),
        (
            "home-signatures-week",
            l.number(f.signatures_week),
            "signatures_week",
        ),
        (
            "home-answers-month",
            l.number(f.answers_month),
            "answers_month",
        ),
        ("home-on-time", share, "on_time"),
    ];
    view! {
        <section aria-labelledby="alive-heading" class="alive">
            <h2 id="alive-heading" class="visually-hidden">{l.t("home-alive")}</h2>
            <dl class="stat-row">
                {counts.into_iter().map(|(key, value, name)| view! {
                    <div class="stat"><dt>{l.t(key)}</dt><dd data-figure=name>{value}</dd></div>
                }).collect_view()}
            </dl>
        </section>
        <div class="home-lists">
            <section aria-labelledby="trending-heading">
                <h2 id="trending-heading">{l.t("home-trending")}</h2>
                {if f.trending.is_empty() {
                    view! { <p>{l.t("home-trending-none")}</p> }.into_any()
                } else {
                    view! { <PetitionCards items=f.trending/> }.into_any()
                }}
                <p><a href=href(l, "/petitions?status=open&sort=trending")>{l.t("home-all-open")}</a></p>
            </section>
            <section aria-labelledby="answered-heading">
                <h2 id="answered-heading">{l.t("home-answered")}</h2>
                {if f.answered.is_empty() {
                    view! { <p>{l.t("home-answered-none")}</p> }.into_any()
                } else {
                    view! { <PetitionCards items=f.answered/> }.into_any()
                }}
                <p><a href=href(l, "/petitions?status=answered&sort=newest")>{l.t("home-all-answered")}</a></p>
            </section>
        </div>
        {(!f.overdue.is_empty()).then(|| view! {
            <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">{l.t("home-overdue")}</h2>
                <ul class="body-list">
                    {f.overdue.into_iter().map(|(body, n)| view! {
                        <li><BodyLink body=body/>" "<span class="tag status-overdue">{l.t_with("home-overdue-count", &[("n", n.into())])}</span></li>
                    }).collect_view()}
                </ul>
                <p><a href=href(l, "/responsiveness")>{l.t("home-responsiveness")}</a></p>
            </section>
        })}
    }
}
