//! The account pages: log in, register, and the profile of the signed-in person. The forms are
//! plain HTML forms posting to server functions, so they work the same with JavaScript off; a
//! failure comes back to the form with its message next to the field.

use leptos::prelude::*;
use leptos::server::ServerAction;

use super::PageTitle;
use crate::api::accounts::{Login, Register};
use crate::api::list_regions;
use crate::components::account::{FormErrorNotice, FormTokens, csrf_of, field_error, use_whoami};
use crate::components::links::href;
use crate::i18n::{tr, use_locale};

/// A labelled input with its error message (announced, and tied to the input).
#[component]
fn Field(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    error: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        hint.map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{tr(h)}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required
                aria-invalid=invalid
                aria-describedby=(!described.is_empty()).then_some(described)
            />
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </div>
    }
}

/// The log-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<Login>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let whoami = use_whoami();
    view! {
        <PageTitle text=locale.get_untracked().t("login-title")/>
        <section class="narrow">
            <h1>{tr("login-title")}</h1>
            <FormErrorNotice error=error.clone()/>
            <Suspense fallback=|| ()>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        let csrf = csrf_of(whoami).await;
                        view! {
                            <form method="post" action="/api/login" class="form">
                                <FormTokens csrf/>
                                <Field name="email" label="field-email" kind="email" autocomplete="email" error=None/>
                                <Field name="password" label="field-password" kind="password" autocomplete="current-password" error=field_error(error.as_ref(), "password")/>
                                <button type="submit" class="button">{tr("login-submit")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
            <p>{tr("login-no-account")}" "<a href=move || href(locale.get(), "/register")>{tr("nav-register")}</a></p>
        </section>
    }
}

/// The registration page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<Register>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let whoami = use_whoami();
    let regions = Resource::new_blocking(|| (), |_| list_regions());
    view! {
        <PageTitle text=locale.get_untracked().t("register-title")/>
        <section class="narrow">
            <h1>{tr("register-title")}</h1>
            <p class="lead">{tr("register-lead")}</p>
            <FormErrorNotice error=error.clone()/>
            <Suspense fallback=|| ()>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        let csrf = csrf_of(whoami).await;
                        let l = locale.get_untracked();
                        let mut regions = regions.await.unwrap_or_default();
                        regions.sort_by_key(|r| r.names.get(l).to_lowercase());
                        let region_error = field_error(error.as_ref(), "region");
                        view! {
                            <form method="post" action="/api/register" class="form">
                                <FormTokens csrf/>
                                <Field name="display_name" label="field-name" kind="text" autocomplete="name" error=field_error(error.as_ref(), "display_name")/>
                                <Field name="email" label="field-email" kind="email" autocomplete="email" error=field_error(error.as_ref(), "email")/>
                                <div class="field">
                                    <label for="field-region">{tr("field-region")}</label>
                                    <select
                                        id="field-region"
                                        name="region"
                                        required
                                        aria-invalid=region_error.is_some().then_some("true")
                                        aria-describedby=region_error.is_some().then_some("field-region-error")
                                    >
                                        <option value="">{tr("field-region-choose")}</option>
                                        {regions.into_iter().map(|r| view! { <option value=r.kato.clone()>{r.names.get(l).to_owned()}</option> }).collect_view()}
                                    </select>
                                    {region_error.map(|e| view! { <p class="field-error" id="field-region-error">{e}</p> })}
                                </div>
                                <Field name="password" label="field-password" kind="password" autocomplete="new-password" hint="field-password-hint" error=field_error(error.as_ref(), "password")/>
                                <button type="submit" class="button">{tr("register-submit")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
            <p>{tr("register-have-account")}" "<a href=move || href(locale.get(), "/login")>{tr("nav-login")}</a></p>
        </section>
    }
}

/// The profile of the signed-in person.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    let whoami = use_whoami();
    view! {
        <PageTitle text=locale.get_untracked().t("profile-title")/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let answer = match whoami {
                    Some(w) => w.await.ok(),
                    None => None,
                };
                let l = locale.get_untracked();
                match answer {
                    Some((Some(me), csrf)) => view! {
                        <h1>{me.display_name.clone()}</h1>
                        <dl class="facts">
                            <dt>{l.t("field-email")}</dt>
                            <dd>{me.email.clone()}</dd>
                            <dt>{l.t("field-region")}</dt>
                            <dd>{me.region.get(l).to_owned()}</dd>
                            <dt>{l.t("profile-grade")}</dt>
                            <dd>{me.grade.map_or_else(|| l.t("profile-grade-none"), |g| l.t(g.label_key()))}</dd>
                        </dl>
                        <div class="actions">
                            <form method="post" action="/api/logout">
                                <FormTokens csrf=csrf.clone()/>
                                <button type="submit" class="button">{l.t("logout")}</button>
                            </form>
                            <form method="post" action="/api/logout">
                                <FormTokens csrf/>
                                <input type="hidden" name="everywhere" value="yes"/>
                                <button type="submit" class="button button-secondary">{l.t("logout-everywhere")}</button>
                            </form>
                        </div>
                    }.into_any(),
                    _ => view! {
                        <h1>{l.t("profile-title")}</h1>
                        <p>{l.t("profile-signed-out")}" "<a href=href(l, "/login")>{l.t("nav-login")}</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
