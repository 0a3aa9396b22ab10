//! `/:lang/inquiries`: the public register of deputies' inquiries, filtered by maslikhat,
//! deputy, addressee, topic, territory, state and overdue (a plain GET form), downloadable as
//! CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::inquiries::inquiry_register;
use crate::components::form::topic_options;
use crate::i18n::{tr, use_locale};
use crate::model::RegisterQuery;
use crate::pages::{LoadError, PageTitle};

use super::InquiryTable;

/// The register's filters from the page's URL.
pub fn query_of(q: &leptos_router::params::ParamsMap) -> RegisterQuery {
    let text = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty() && v != "any")
    };
    RegisterQuery {
        maslikhat: text("maslikhat"),
        deputy: text("deputy").and_then(|d| d.parse().ok()),
        addressee: text("addressee"),
        topic: text("topic"),
        territory: text("territory"),
        state: text("state"),
        overdue: q.get("overdue").is_some_and(|v| v == "1"),
        q: text("q"),
    }
}

/// The query string of `q`.
pub fn query_string(q: &RegisterQuery) -> String {
    crate::components::links::query_string(&[
        ("maslikhat", q.maslikhat.clone()),
        ("deputy", q.deputy.map(|d| d.to_string())),
        ("addressee", q.addressee.clone()),
        ("topic", q.topic.clone()),
        ("territory", q.territory.clone()),
        ("state", q.state.clone()),
        ("overdue", q.overdue.then(|| "1".to_owned())),
        ("q", q.q.clone()),
    ])
}

/// The page.
#[component]
pub fn InquiryRegisterPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_query_map();
    let query = move || query_of(&params.read());
    let register = Resource::new_blocking(query, inquiry_register);
    view! {
        <PageTitle text=locale.get_untracked().t("inquiries-title")/>
        <h1>{tr("inquiries-title")}</h1>
        <p class="lead">{tr("inquiries-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let q = query();
                let r = match register.await {
                    Ok(r) => r,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let selected = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
                view! {
                    <form method="get" class="filters" aria-label=l.t("filters")>
                        <div class="field field-wide">
                            <label for="f-q">{l.t("inquiries-search-label")}</label>
                            <input type="search" id="f-q" name="q" maxlength="200" value=q.q.clone().unwrap_or_default() aria-describedby="f-q-hint"/>
                            <p class="hint" id="f-q-hint">{l.t("list-search-hint")}</p>
                        </div>
                        <div class="field">
                            <label for="f-maslikhat">{l.t("inquiry-maslikhat")}</label>
                            <select id="f-maslikhat" name="maslikhat">
                                <option value="any">{l.t("filter-any")}</option>
                                {r.maslikhats.iter().map(|b| view! {
                                    <option value=b.slug.clone() selected=selected(&q.maslikhat, &b.slug)>{b.names.get(l).to_owned()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-deputy">{l.t("inquiry-deputy")}</label>
                            <select id="f-deputy" name="deputy">
                                <option value="any">{l.t("filter-any")}</option>
                                {r.deputies.iter().map(|d| view! {
                                    <option value=d.id.to_string() selected=q.deputy == Some(d.id)>{d.name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-addressee">{l.t("inquiry-addressee")}</label>
                            <select id="f-addressee" name="addressee">
                                <option value="any">{l.t("filter-any")}</option>
                                {r.addressees.iter().map(|b| view! {
                                    <option value=b.slug.clone() selected=selected(&q.addressee, &b.slug)>{b.names.get(l).to_owned()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-topic">{l.t("petition-topic")}</label>
                            <select id="f-topic" name="topic">
                                <option value="any">{l.t("filter-any")}</option>
                                {topic_options(&r.topics, q.topic.as_deref())}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-territory">{l.t("inquiry-territory")}</label>
                            <input type="text" id="f-territory" name="territory" inputmode="numeric" maxlength="12" value=q.territory.clone().unwrap_or_default()/>
                        </div>
                        <div class="field">
                            <label for="f-state">{l.t("inquiry-standing")}</label>
                            <select id="f-state" name="state">
                                <option value="any">{l.t("filter-any")}</option>
                                {["awaiting", "answered", "closed"].iter().map(|s| view! {
                                    <option value=*s selected=selected(&q.state, s)>{l.t(&format!("inquiries-state-{s}"))}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field-check">
                            <input type="checkbox" id="f-overdue" name="overdue" value="1" checked=q.overdue/>
                            <label for="f-overdue">{l.t("inquiries-overdue-only")}</label>
                        </div>
                        <button type="submit" class="button button-secondary">{l.t("filter-apply")}</button>
                    </form>
                    <p class="data-links">
                        <a href=format!("/api/inquiries.csv?{}", query_string(&q)) download="dauys-inquiries.csv" rel="external">{l.t("inquiries-csv")}</a>
                        " · "<a href=format!("/api/v1/feeds/inquiries.atom?lang={}{}", l.code(), q.maslikhat.as_deref().filter(|m| m.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).map(|m| format!("&maslikhat={m}")).unwrap_or_default()) rel="external" type="application/atom+xml">{l.t("inquiries-feed")}</a>
                        " · "<a href="/api/docs/" rel="external">{l.t("list-api")}</a>
                    </p>
                    <InquiryTable rows=r.rows/>
                }.into_any()
            })}
        </Suspense>
    }
}
