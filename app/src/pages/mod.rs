//! One module per page, named as the domain names it.

pub mod account;
pub mod admin;
pub mod body;
pub mod cases;
pub mod councils;
pub mod home;
pub mod inquiries;
pub mod not_found;
pub mod petitions;
pub mod region;
pub mod regions;
pub mod roles;
pub mod search;
pub mod verify;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::use_locale;
use not_found::NotFound;

/// The document title: the page's own, then the site name. The text is fixed when the page
/// renders (the language never changes without a new page): leptos_meta reads titles after
/// the page's reactive values are gone, so a reactive title would read a disposed signal.
///
/// leptos_meta writes the server-rendered `<title>` without escaping it, so a title a user
/// wrote (a petition's) could close the element and inject markup: on the server the text is
/// escaped here; in the browser it is set as `document.title`, which needs no escaping.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    view! { <Title text=format!("{text} — Dauys")/> }
}

/// The Open Graph and description tags of a page people share (a petition): what a messenger
/// or a social network shows in its preview.
#[component]
pub fn OpenGraph(title: String, description: String, url: String) -> impl IntoView {
    use leptos_meta::Meta;
    view! {
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:site_name" content="Dauys"/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=url/>
        <Meta name="twitter:card" content="summary"/>
    }
}

/// What a page shows when loading its data failed: the not-found page, or an error message
/// with the error's own status (403 not allowed, 409 not possible now, …; 500 only for ours).
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    if error == AppError::NotFound {
        return view! { <NotFound/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    let locale = use_locale();
    view! {
        <div class="notice notice-error" role="alert">
            <p>{move || error.message(locale.get())}</p>
        </div>
    }
    .into_any()
}
