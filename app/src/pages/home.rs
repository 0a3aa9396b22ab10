//! The home page: what the platform is for, who it serves, and where to start.

use leptos::prelude::*;

use super::PageTitle;
use crate::components::links::href;
use crate::i18n::{tr, use_locale};

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
