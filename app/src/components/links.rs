//! Links to the platform's pages, in the page's language.

use leptos::prelude::*;

use crate::i18n::{Locale, use_locale};
use crate::model::{BodyKind, BodySummary, TerritoryKind, TerritorySummary};

/// The address of a page in a language: `href(Locale::Ru, "/regions")` is `/ru/regions`.
pub fn href(locale: Locale, path: &str) -> String {
    format!("/{}{}", locale.code(), path)
}

/// The page of a body: a public council's own page, any other body's page.
pub fn body_path(body: &BodySummary) -> String {
    if body.kind == BodyKind::PublicCouncil {
        format!("/councils/{}", body.slug)
    } else {
        format!("/bodies/{}", body.slug)
    }
}

/// A link to a body's page (a council's own page for a council), showing its name.
#[component]
pub fn BodyLink(body: BodySummary) -> impl IntoView {
    let locale = use_locale();
    let path = body_path(&body);
    view! {
        <a href=move || href(locale.get(), &path)>
            {move || body.names.get(locale.get()).to_owned()}
        </a>
    }
}

/// A link to a territory's page (the regions list for the country), showing its name.
#[component]
pub fn TerritoryLink(territory: TerritorySummary) -> impl IntoView {
    let locale = use_locale();
    let path = if territory.kind == TerritoryKind::Country {
        "/regions".to_owned()
    } else {
        format!("/regions/{}", territory.kato)
    };
    view! {
        <a href=move || href(locale.get(), &path)>
            {move || territory.names.get(locale.get()).to_owned()}
        </a>
    }
}
