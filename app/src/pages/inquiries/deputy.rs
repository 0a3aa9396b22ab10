//! `/:lang/deputies/:id` and `/:lang/maslikhats/:slug`: a deputy's page (maslikhat, electoral
//! district, terms, topics, figures and inquiries) and a maslikhat's (its deputies, figures
//! and every inquiry its deputies sent, former deputies' too).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::inquiries::{get_deputy, get_maslikhat};
use crate::components::links::{BodyLink, href};
use crate::i18n::{format_date, use_locale};
use crate::pages::{LoadError, PageTitle};

use super::{Figures, InquiryTable};

/// A deputy's page.
#[component]
pub fn DeputyPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let deputy = Resource::new_blocking(id, get_deputy);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let d = match deputy.await {
                    Ok(d) => d,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                view! {
                    <PageTitle text=d.deputy.name.clone()/>
                    <p class="hint">{l.t("deputy-of")}" "<BodyLink body=d.maslikhat.clone()/></p>
                    <h1><bdi>{d.deputy.name.clone()}</bdi></h1>
                    <p><span class="tag">{l.t(if d.in_office { "deputy-in-office" } else { "deputy-former" })}</span></p>
                    <dl class="facts">
                        {d.district.clone().map(|x| view! { <dt>{l.t("deputy-district")}</dt><dd><bdi>{x}</bdi></dd> })}
                        <dt>{l.t("deputy-terms")}</dt>
                        <dd>{d.terms.iter().map(|(from, to)| view! {
                            <span class="term">{format_date(*from)}" – "{to.map(format_date).unwrap_or_default()}</span>" "
                        }).collect_view()}</dd>
                        {(!d.topics.is_empty()).then(|| view! {
                            <dt>{l.t("deputy-topics")}</dt>
                            <dd>{d.topics.iter().map(|t| t.names.get(l)).collect::<Vec<_>>().join(", ")}</dd>
                        })}
                    </dl>
                    <Figures figures=d.figures.clone()/>
                    <section aria-labelledby="deputy-inquiries">
                        <h2 id="deputy-inquiries">{l.t("inquiries-title")}</h2>
                        <p><a href=format!("/api/inquiries.csv?deputy={}", d.deputy.id) rel="external" download="dauys-inquiries.csv">{l.t("inquiries-csv")}</a></p>
                        <InquiryTable rows=d.inquiries.clone()/>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// A maslikhat's page of deputies and inquiries.
#[component]
pub fn MaslikhatPage() -> impl IntoView {
    let params = use_params_map();
    let locale = use_locale();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let maslikhat = Resource::new_blocking(slug, get_maslikhat);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let m = match maslikhat.await {
                    Ok(m) => m,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let name = m.body.names.get(l).to_owned();
                view! {
                    <PageTitle text=name.clone()/>
                    <p class="hint"><BodyLink body=m.body.clone()/></p>
                    <h1>{name}</h1>
                    <section aria-labelledby="maslikhat-deputies">
                        <h2 id="maslikhat-deputies">{l.t("maslikhat-deputies")}</h2>
                        {if m.deputies.is_empty() {
                            view! { <p class="notice">{l.t("maslikhat-no-deputies")}</p> }.into_any()
                        } else {
                            view! { <ul class="deputies">{m.deputies.iter().map(|d| view! {
                                <li><a href=href(l, &format!("/deputies/{}", d.id))><bdi>{d.name.clone()}</bdi></a></li>
                            }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                    {(!m.open_of_former.is_empty()).then(|| view! {
                        <section aria-labelledby="maslikhat-former">
                            <h2 id="maslikhat-former">{l.t("maslikhat-open-of-former")}</h2>
                            <p class="hint">{l.t("maslikhat-open-of-former-hint")}</p>
                            <InquiryTable rows=m.open_of_former.clone()/>
                        </section>
                    })}
                    <Figures figures=m.figures.clone()/>
                    <section aria-labelledby="maslikhat-inquiries">
                        <h2 id="maslikhat-inquiries">{l.t("inquiries-title")}</h2>
                        <p><a href=format!("/api/inquiries.csv?maslikhat={}", m.body.slug) rel="external" download="dauys-inquiries.csv">{l.t("inquiries-csv")}</a></p>
                        <InquiryTable rows=m.inquiries.clone()/>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
