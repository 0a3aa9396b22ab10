//! The roles page: grant a role for a body from a date to an optional end date, and end one;
//! every grant, current and past, with who granted and ended it. Admins manage every role; a
//! council's secretary manages that council's members.

use leptos::prelude::*;

use super::PageTitle;
use crate::api::roles::{EndRole, GrantRole, list_roles};
use crate::components::form::{DoneNotice, Field, FormTokens, PostForm, failure};
use crate::components::links::href;
use crate::error::AppError;
use crate::i18n::{format_date, tr, use_locale};
use crate::model::Role;

/// The roles page.
#[component]
pub fn RolesPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new_blocking(|| (), |_| list_roles());
    let grant_error = failure::<GrantRole>();
    let end_error = failure::<EndRole>();
    view! {
        <PageTitle text=locale.get_untracked().t("roles-title")/>
        <h1>{tr("roles-title")}</h1>
        <DoneNotice/>
        {end_error.map(|e| view! { <p class="notice notice-error" role="alert">{e.message(locale.get_untracked())}</p> })}
        <Suspense fallback=|| ()>
            {move || {
                let grant_error = grant_error.clone();
                Suspend::new(async move {
                let l = locale.get_untracked();
                let data = match data.await {
                    Ok(data) => data,
                    Err(AppError::Forbidden) => {
                        return view! { <p class="notice notice-error" role="alert">{l.t("roles-forbidden")}</p> }.into_any();
                    }
                    Err(e) => return view! { <super::LoadError error=e/> }.into_any(),
                };
                let roles: Vec<Role> = if data.is_admin {
                    Role::ALL.to_vec()
                } else {
                    vec![Role::CouncilMember]
                };
                let bodies = data.bodies.clone();
                view! {
                    <section class="panel" aria-labelledby="grant-heading">
                        <h2 id="grant-heading">{l.t("roles-grant")}</h2>
                        <p class="hint">{l.t(if data.is_admin { "roles-grant-admin-hint" } else { "roles-grant-secretary-hint" })}</p>
                        <PostForm action="/api/roles/grant" error=grant_error submit="roles-grant-submit" body={move |f| {
                            let chosen_role = f.value("role").unwrap_or_default();
                            let chosen_body = f.value("body").unwrap_or_default();
                            let role_error = f.error("role");
                            let body_error = f.error("body");
                            view! {
                                <Field name="email" label="roles-field-email" kind="email" error=f.error("email") value=f.value("email")/>
                                <div class="field">
                                    <label for="field-role">{tr("roles-field-role")}</label>
                                    <select id="field-role" name="role" required aria-invalid=role_error.is_some().then_some("true")>
                                        {roles.iter().map(|r| view! {
                                            <option value=r.as_str() selected=chosen_role == r.as_str()>{l.t(r.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                    {role_error.map(|e| view! { <p class="field-error">{e}</p> })}
                                </div>
                                <div class="field">
                                    <label for="field-body">{tr("roles-field-body")}</label>
                                    <p class="hint" id="field-body-hint">{tr("roles-field-body-hint")}</p>
                                    <select id="field-body" name="body" aria-describedby="field-body-hint" aria-invalid=body_error.is_some().then_some("true")>
                                        <option value="">{tr("roles-no-body")}</option>
                                        {bodies.iter().map(|b| view! {
                                            <option value=b.slug.clone() selected=chosen_body == b.slug>{b.names.get(l).to_owned()}</option>
                                        }).collect_view()}
                                    </select>
                                    {body_error.map(|e| view! { <p class="field-error">{e}</p> })}
                                </div>
                                <Field name="for_email" label="roles-field-for" kind="email" optional=true hint="roles-field-for-hint" error=f.error("for_email") value=f.value("for_email")/>
                                <Field name="starts_on" label="roles-field-from" kind="date" optional=true error=f.error("starts_on") value=f.value("starts_on")/>
                                <Field name="ends_on" label="roles-field-to" kind="date" optional=true error=f.error("ends_on") value=f.value("ends_on")/>
                            }
                        }}/>
                    </section>
                    <section aria-labelledby="history-heading">
                        <h2 id="history-heading">{l.t("roles-history")}</h2>
                        <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{l.t("roles-col-person")}</th>
                                <th scope="col">{l.t("roles-col-role")}</th>
                                <th scope="col">{l.t("roles-col-body")}</th>
                                <th scope="col">{l.t("roles-col-dates")}</th>
                                <th scope="col">{l.t("roles-col-by")}</th>
                                <th scope="col">{l.t("roles-col-action")}</th>
                            </tr></thead>
                            <tbody>
                                {data.grants.into_iter().map(|g| {
                                    let csrf_holder = g.id;
                                    view! {
                                        <tr>
                                            <td><bdi>{g.holder.clone()}</bdi><br/><span class="hint">{g.holder_email.clone()}</span></td>
                                            <td>{l.t(g.role.label_key())}{g.for_person.map(|p| format!(" ({})", l.t_with("role-acting-for", &[("who", p.into())])))}</td>
                                            <td>{g.body.map(|(slug, names)| view! { <a href=href(l, &format!("/bodies/{slug}"))>{names.get(l).to_owned()}</a> })}</td>
                                            <td>{format_date(g.starts_on)}" – "{g.ends_on.map(format_date).unwrap_or_default()}
                                                {(!g.current).then(|| view! { <br/><span class="tag">{l.t("roles-not-current")}</span> })}</td>
                                            <td>{g.granted_by.clone().unwrap_or_else(|| l.t("roles-by-console"))}
                                                {g.ended_by.map(|p| view! { <br/>{l.t_with("roles-ended-by", &[("who", p.into())])} })}</td>
                                            <td>{(g.ends_on.is_none()).then(|| view! { <EndForm grant=csrf_holder/> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    </section>
                }.into_any()
            })}}
        </Suspense>
    }
}

/// The form that ends one grant on a given last day (today by default).
#[component]
fn EndForm(grant: i32) -> impl IntoView {
    let label_id = format!("end-{grant}");
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let label_id = label_id.clone();
                Suspend::new(async move {
                    let visitor = crate::components::account::visitor().await;
                    view! {
                        <form method="post" action="/api/roles/end" class="inline-form">
                            <FormTokens csrf=visitor.csrf/>
                            <input type="hidden" name="grant" value=grant.to_string()/>
                            <label for=label_id.clone()>{tr("roles-last-day")}</label>
                            <input id=label_id type="date" name="last_day"/>
                            <button type="submit" class="button button-secondary">{tr("roles-end-submit")}</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}
