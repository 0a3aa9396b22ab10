//! The page for an address that leads nowhere; answered with status 404.

use leptos::prelude::*;

use super::PageTitle;
use crate::components::links::href;
use crate::i18n::{tr, use_locale};

/// Not found: says so, and offers the way home and to the regions.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let locale = use_locale();
    view! {
        <PageTitle text=locale.get_untracked().t("not-found-title")/>
        <section class="not-found">
            <h1>{tr("not-found-title")}</h1>
            <p>{tr("not-found-text")}</p>
            <ul class="link-list">
                <li><a href=move || href(locale.get(), "")>{tr("not-found-home")}</a></li>
                <li><a href=move || href(locale.get(), "/regions")>{tr("not-found-regions")}</a></li>
            </ul>
        </section>
    }
}
