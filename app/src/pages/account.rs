//! The account pages: log in, register, forgotten password, the confirm pages that mailed links
//! open, and the profile with its settings. Every form is a plain HTML form (see
//! `components::form`); a link from a mail only opens a page, and only its button's POST uses
//! the token, so mail scanners that follow links change nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::PageTitle;
use crate::api::accounts::{
    ChangeEmail, ChangePassword, ConfirmEmail, ConfirmEmailChange, DeleteAccount, Login, RecordIin,
    Register, RequestReset, ResendVerification, ResetPassword,
};
use crate::api::list_regions;
use crate::components::account::use_whoami;
use crate::components::form::{DoneNotice, Field, FormCtx, FormTokens, PostForm, failure};
use crate::components::links::href;
use crate::i18n::{format_date, tr, use_locale};

/// A page with a heading, an optional lead paragraph and the rest.
#[component]
fn AccountPage(
    title: &'static str,
    #[prop(optional)] lead: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=locale.get_untracked().t(title)/>
        <section class="narrow">
            <h1>{tr(title)}</h1>
            <DoneNotice/>
            {lead.map(|l| view! { <p class="lead">{tr(l)}</p> })}
            {children()}
        </section>
    }
}

/// The log-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <AccountPage title="login-title">
            <PostForm action="/api/login" error={failure::<Login>()} submit="login-submit" body={|f| view! {
                <Field name="email" label="field-email" kind="email" autocomplete="email" value=f.value("email")/>
                <Field name="password" label="field-password" kind="password" autocomplete="current-password" error=f.error("password")/>
            }}/>
            <p><a href=move || href(locale.get(), "/password/forgot")>{tr("login-forgot")}</a></p>
            <p>{tr("login-no-account")}" "<a href=move || href(locale.get(), "/register")>{tr("nav-register")}</a></p>
        </AccountPage>
    }
}

/// The registration page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = use_locale();
    let regions = Resource::new_blocking(|| (), |_| list_regions());
    view! {
        <AccountPage title="register-title" lead="register-lead">
            <PostForm action="/api/register" error={failure::<Register>()} submit="register-submit" body={move |f| {
                let (name_error, name) = (f.error("display_name"), f.value("display_name"));
                let (email_error, email) = (f.error("email"), f.value("email"));
                let password_error = f.error("password");
                let f = f.clone();
                view! {
                    <Field name="display_name" label="field-name" kind="text" autocomplete="name" maxlength=100 error=name_error value=name/>
                    <Field name="email" label="field-email" kind="email" autocomplete="email" maxlength=254 error=email_error value=email/>
                    <Suspense fallback=|| ()>
                        {move || {
                            let f = f.clone();
                            Suspend::new(async move {
                                let l = locale.get_untracked();
                                let mut regions = regions.await.unwrap_or_default();
                                regions.sort_by_key(|r| r.names.get(l).to_lowercase());
                                let region_error = f.error("region");
                                let chosen = f.value("region").unwrap_or_default();
                                view! {
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
                                            {regions.into_iter().map(|r| {
                                                let selected = r.kato == chosen;
                                                view! { <option value=r.kato.clone() selected=selected>{r.names.get(l).to_owned()}</option> }
                                            }).collect_view()}
                                        </select>
                                        {region_error.map(|e| view! { <p class="field-error" id="field-region-error">{e}</p> })}
                                    </div>
                                }
                            })
                        }}
                    </Suspense>
                    <Field name="password" label="field-password" kind="password" autocomplete="new-password" hint="field-password-hint" error=password_error/>
                }
            }}/>
            <p>{tr("register-have-account")}" "<a href=move || href(locale.get(), "/login")>{tr("nav-login")}</a></p>
        </AccountPage>
    }
}

/// "Forgot your password?": asks for the email and always answers the same.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    view! {
        <AccountPage title="forgot-title" lead="forgot-lead">
            <PostForm action="/api/password/forgot" error={failure::<RequestReset>()} submit="forgot-submit" body={|f| view! {
                <Field name="email" label="field-email" kind="email" autocomplete="email" value=f.value("email") error=f.error("email")/>
            }}/>
        </AccountPage>
    }
}

/// The token in the page's address (`…/:token`).
fn token_param() -> String {
    use_params_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default()
}

/// The page a verification link opens: one button confirms.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let token = token_param();
    view! {
        <AccountPage title="confirm-email-title" lead="confirm-email-lead">
            <PostForm action="/api/verify/confirm" error={failure::<ConfirmEmail>()} submit="confirm-email-submit" body={move |f| view! {
                <input type="hidden" name="token" value=token.clone()/>
                {f.error("token").map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
            }}/>
        </AccountPage>
    }
}

/// The page a new-address confirmation link opens: one button confirms.
#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let token = token_param();
    view! {
        <AccountPage title="confirm-new-email-title" lead="confirm-new-email-lead">
            <PostForm action="/api/email/change/confirm" error={failure::<ConfirmEmailChange>()} submit="confirm-new-email-submit" body={move |f| view! {
                <input type="hidden" name="token" value=token.clone()/>
                {f.error("token").or_else(|| f.error("email")).map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
            }}/>
        </AccountPage>
    }
}

/// The page a reset link opens: a new password, set by the POST.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = token_param();
    view! {
        <AccountPage title="reset-title" lead="reset-lead">
            <PostForm action="/api/password/reset" error={failure::<ResetPassword>()} submit="reset-submit" body={move |f| view! {
                <input type="hidden" name="token" value=token.clone()/>
                {f.error("token").map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
                <Field name="password" label="field-new-password" kind="password" autocomplete="new-password" hint="field-password-hint" error=f.error("password")/>
            }}/>
        </AccountPage>
    }
}

/// Shown instead of a form that needs a signed-in person.
#[component]
fn SignInFirst() -> impl IntoView {
    let locale = use_locale();
    view! {
        <p>{tr("profile-signed-out")}" "<a href=move || href(locale.get(), "/login")>{tr("nav-login")}</a></p>
    }
}

/// Renders `children` for a signed-in person, and a log-in link for a visitor.
#[component]
fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let whoami = use_whoami();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let signed_in = match whoami {
                    Some(w) => w.await.ok().and_then(|v| v.me).is_some(),
                    None => false,
                };
                if signed_in {
                    children.with_value(|c| c()).into_any()
                } else {
                    view! { <SignInFirst/> }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Change the password (the current one required).
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! {
        <AccountPage title="change-password-title" lead="change-password-lead">
            <SignedIn>
                <PostForm action="/api/password/change" error={failure::<ChangePassword>()} submit="change-password-submit" body={|f| view! {
                    <Field name="current_password" label="field-current-password" kind="password" autocomplete="current-password" error=f.error("current_password")/>
                    <Field name="password" label="field-new-password" kind="password" autocomplete="new-password" hint="field-password-hint" error=f.error("password")/>
                }}/>
            </SignedIn>
        </AccountPage>
    }
}

/// Change the email address (confirmed from the new address).
#[component]
pub fn ChangeEmailPage() -> impl IntoView {
    view! {
        <AccountPage title="change-email-title" lead="change-email-lead">
            <SignedIn>
                <PostForm action="/api/email/change" error={failure::<ChangeEmail>()} submit="change-email-submit" body={|f| view! {
                    <Field name="email" label="field-new-email" kind="email" autocomplete="email" maxlength=254 error=f.error("email") value=f.value("email")/>
                    <Field name="current_password" label="field-current-password" kind="password" autocomplete="current-password" error=f.error("current_password")/>
                }}/>
            </SignedIn>
        </AccountPage>
    }
}

/// Record an IIN: it must pass the checksum and match the birth date and sex given.
#[component]
pub fn IinPage() -> impl IntoView {
    view! {
        <AccountPage title="iin-title" lead="iin-lead">
            <SignedIn>
                <PostForm action="/api/iin" error={failure::<RecordIin>()} submit="iin-submit" body={|f| {
                    let sex = f.value("sex").unwrap_or_default();
                    let sex_error = f.error("sex");
                    let sex_described = sex_error.is_some().then_some("field-sex-error");
                    view! {
                        <Field name="iin" label="field-iin" kind="text" autocomplete="off" maxlength=12 hint="field-iin-hint" error=f.error("iin")/>
                        <Field name="birth_date" label="field-birth-date" kind="date" autocomplete="bday" error=f.error("birth_date") value=f.value("birth_date")/>
                        <fieldset class="field" aria-describedby=sex_described>
                            <legend>{tr("field-sex")}</legend>
                            <label class="choice"><input type="radio" name="sex" value="female" required checked=sex == "female"/>" "{tr("sex-female")}</label>
                            <label class="choice"><input type="radio" name="sex" value="male" checked=sex == "male"/>" "{tr("sex-male")}</label>
                            {sex_error.map(|e| view! { <p class="field-error" id="field-sex-error">{e}</p> })}
                        </fieldset>
                    }
                }}/>
            </SignedIn>
        </AccountPage>
    }
}

/// Delete the account (password and a confirmation tick required).
#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    view! {
        <AccountPage title="delete-title" lead="delete-lead">
            <SignedIn>
                <PostForm action="/api/account/delete" error={failure::<DeleteAccount>()} submit="delete-submit" body={|f| {
                    let confirm_error = f.error("confirm");
                    view! {
                        <Field name="current_password" label="field-current-password" kind="password" autocomplete="current-password" error=f.error("current_password")/>
                        <div class="field">
                            <label class="choice">
                                <input type="checkbox" name="confirm" value="yes" required aria-describedby=confirm_error.is_some().then_some("field-confirm-error")/>
                                " "{tr("delete-confirm")}
                            </label>
                            {confirm_error.map(|e| view! { <p class="field-error" id="field-confirm-error">{e}</p> })}
                        </div>
                    }
                }}/>
            </SignedIn>
        </AccountPage>
    }
}

/// The profile of the signed-in person.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    let whoami = use_whoami();
    let resend_error = failure::<ResendVerification>();
    // The lists are loaded here, not by a component inside the `Suspend` below (ARCHITECTURE.md,
    // "Resources"), and only for someone signed in.
    let mine = super::petitions::my_petitions_of_visitor();
    view! {
        <PageTitle text=locale.get_untracked().t("profile-title")/>
        <DoneNotice/>
        <Suspense fallback=|| ()>
            {move || {
                let resend_error = resend_error.clone();
                Suspend::new(async move {
                let visitor = match whoami {
                    Some(w) => w.await.unwrap_or_default(),
                    None => Default::default(),
                };
                let l = locale.get_untracked();
                let csrf = visitor.csrf;
                let Some(me) = visitor.me else {
                    return view! {
                        <h1>{l.t("profile-title")}</h1>
                        <SignInFirst/>
                    }.into_any();
                };
                let roles = me.roles.clone();
                view! {
                    <h1>{me.display_name.clone()}</h1>
                    <dl class="facts">
                        <dt>{l.t("field-email")}</dt>
                        <dd>{me.email.clone()}" "
                            <span class="tag">{l.t(if me.email_verified { "profile-email-verified" } else { "profile-email-unverified" })}</span>
                        </dd>
                        <dt>{l.t("field-region")}</dt>
                        <dd>{me.region.get(l).to_owned()}</dd>
                        <dt>{l.t("profile-grade")}</dt>
                        <dd>{me.grade.map_or_else(|| l.t("profile-grade-none"), |g| l.t(g.label_key()))}</dd>
                    </dl>
                    {(!me.email_verified).then(|| view! {
                        <section class="panel" aria-labelledby="verify-heading">
                            <h2 id="verify-heading">{l.t("profile-verify-heading")}</h2>
                            <p>{l.t("profile-verify-text")}</p>
                            <PostForm action="/api/verify/resend" error=resend_error.clone() submit="profile-verify-resend" secondary=true body={|_: &FormCtx| ()}/>
                        </section>
                    })}
                    <section aria-labelledby="roles-heading">
                        <h2 id="roles-heading">{l.t("profile-roles")}</h2>
                        {if roles.is_empty() {
                            view! { <p>{l.t("profile-roles-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list">
                                    {roles.into_iter().map(|g| view! {
                                        <li>
                                            <strong>{l.t(g.role.label_key())}</strong>
                                            {g.body.map(|(slug, names)| view! { " — " <a href=href(l, &format!("/bodies/{slug}"))>{names.get(l).to_owned()}</a> })}
                                            {g.for_person.map(|p| format!(" ({})", l.t_with("role-acting-for", &[("who", p.into())])))}
                                            " · "{l.t_with("role-since", &[("date", format_date(g.starts_on).into())])}
                                            {g.ends_on.map(|d| format!(" · {}", l.t_with("role-until", &[("date", format_date(d).into())])))}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                    <super::petitions::MyPetitions mine=mine/>
                    <section aria-labelledby="settings-heading">
                        <h2 id="settings-heading">{l.t("profile-settings")}</h2>
                        <ul class="plain-list">
                            {(!me.iin_checked).then(|| view! { <li><a href=href(l, "/profile/iin")>{l.t("iin-title")}</a></li> })}
                            <li><a href=href(l, "/profile/password")>{l.t("change-password-title")}</a></li>
                            <li><a href=href(l, "/profile/email")>{l.t("change-email-title")}</a></li>
                            <li><a href="/api/account/export" download="dauys-my-data.json">{l.t("profile-export")}</a></li>
                            <li><a href=href(l, "/profile/delete")>{l.t("delete-title")}</a></li>
                        </ul>
                    </section>
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
                }.into_any()
            })}}
        </Suspense>
    }
}
