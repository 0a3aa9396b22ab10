//! Who is signed in, for the header and the account pages: one blocking resource per page
//! (`whoami`), which also carries the CSRF token every form echoes.

use leptos::prelude::*;

use crate::api::accounts::whoami;
use crate::components::links::href;
use crate::error::AppError;
use crate::i18n::{tr, use_locale};
use crate::model::Me;

/// The page's `whoami` answer: the account (if signed in) and the CSRF token.
pub type Whoami = Resource<Result<(Option<Me>, String), AppError>>;

/// Creates the page's `whoami` resource and provides it to everything below.
pub fn provide_whoami() -> Whoami {
    let resource: Whoami = Resource::new_blocking(|| (), |_| whoami());
    provide_context(resource);
    resource
}

/// The page's `whoami` resource.
pub fn use_whoami() -> Option<Whoami> {
    use_context::<Whoami>()
}

/// The CSRF token from the page's `whoami` answer (empty when there is none; the server then
/// refuses the form).
pub async fn csrf_of(whoami: Option<Whoami>) -> String {
    match whoami {
        Some(resource) => resource.await.map(|(_, csrf)| csrf).unwrap_or_default(),
        None => String::new(),
    }
}

/// An alert for a failed form whose failure belongs to no one field.
#[component]
pub fn FormErrorNotice(error: Option<AppError>) -> impl IntoView {
    form_error(error.as_ref())
        .map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })
}

/// The hidden fields every state-changing form carries: the CSRF token and the page language.
#[component]
pub fn FormTokens(csrf: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <input type="hidden" name="csrf" value=csrf/>
        <input type="hidden" name="lang" value=move || locale.get().code()/>
    }
}

/// The header's account links: log in and register, or the person's name.
#[component]
pub fn AccountLinks() -> impl IntoView {
    let locale = use_locale();
    let whoami = use_whoami();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let me = match whoami {
                    Some(resource) => resource.await.ok().and_then(|(me, _)| me),
                    None => None,
                };
                match me {
                    Some(me) => view! {
                        <li><a href=move || href(locale.get(), "/profile")>{me.display_name}</a></li>
                    }.into_any(),
                    None => view! {
                        <li><a href=move || href(locale.get(), "/login")>{tr("nav-login")}</a></li>
                        <li><a href=move || href(locale.get(), "/register")>{tr("nav-register")}</a></li>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The message for a field from a failed form, if it failed on that field.
pub fn field_error(error: Option<&AppError>, field: &str) -> Option<String> {
    let locale = use_locale().get_untracked();
    match error {
        Some(AppError::Invalid { field: f, .. }) if f == field => error.map(|e| e.message(locale)),
        _ => None,
    }
}

/// The message for a failure that belongs to no one field.
pub fn form_error(error: Option<&AppError>) -> Option<String> {
    let locale = use_locale().get_untracked();
    match error {
        None | Some(AppError::Invalid { .. }) => None,
        Some(other) => Some(other.message(locale)),
    }
}
