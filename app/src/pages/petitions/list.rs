//! `/:lang/petitions`: the public list — words to search for (in any script), state, region,
//! addressee and topic filters, four orders and pages of twenty, all in the address, so the
//! plain GET form and the page links work without JavaScript and every list can be shared.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::petitions::list_petitions;
use crate::components::links::{href, query_string};
use crate::i18n::{Locale, tr, use_locale};
use crate::model::{LISTED_STATUSES, ListPage, ListQuery, PetitionSummary};
use crate::pages::{LoadError, PageTitle};

use super::clock_text;

/// The list's query from the page's address.
pub fn list_query(q: &leptos_router::params::ParamsMap) -> ListQuery {
    let text = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    ListQuery {
        status: text("status"),
        region: text("region"),
        body: text("body"),
        topic: text("topic"),
        q: text("q"),
        sort: text("sort"),
        page: text("page"),
    }
}

/// The query string of `q` on page `page` (the first page is left out).
pub fn list_query_string(q: &ListQuery, page: u32) -> String {
    query_string(&[
        ("q", q.q.clone()),
        ("status", q.status.clone()),
        ("region", q.region.clone()),
        ("body", q.body.clone()),
        ("topic", q.topic.clone()),
        ("sort", q.sort.clone()),
        ("page", (page > 1).then(|| page.to_string())),
    ])
}

/// The translation key of a filter's name (for the note on ignored values).
fn filter_label(name: &str) -> &'static str {
    match name {
        "status" => "list-status",
        "region" => "filter-region",
        "body" => "list-body",
        "topic" => "petition-topic",
        "sort" => "list-sort",
        _ => "list-page-filter",
    }
}

/// The page.
#[component]
pub fn PetitionsPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_query_map();
    let query = move || list_query(&params.read());
    let list = Resource::new_blocking(query, list_petitions);
    view! {
        <PageTitle text=locale.get_untracked().t("petitions-title")/>
        <h1>{tr("petitions-title")}</h1>
        <p class="lead">{tr("petitions-lead")}</p>
        <p><a class="button" href=move || href(locale.get(), "/petitions/new")>{tr("petitions-start")}</a></p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let q = query();
                match list.await {
                    Ok(page) => {
                        let filters = list_query_string(&ListQuery { page: None, ..q.clone() }, 1);
                        let feed = query_string(&[
                            ("region", q.region.clone()),
                            ("body", q.body.clone()),
                            ("lang", Some(l.code().to_owned())),
                        ]);
                        view! {
                            <ListFilters page=page.clone() q=q.clone()/>
                            <p class="data-links">
                                <a href=format!("/api/v1/petitions.csv?{filters}") download="dauys-petitions.csv" rel="external">{l.t("list-csv")}</a>
                                " · "<a href=format!("/api/v1/feeds/petitions.atom?{feed}") rel="external" type="application/atom+xml">{l.t("list-feed")}</a>
                                " · "<a href="/api/docs/" rel="external">{l.t("list-api")}</a>
                            </p>
                            <ListResults page=page q=q base=href(l, "/petitions")/>
                        }.into_any()
                    }
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The search box and the filters, a GET form.
#[component]
fn ListFilters(page: ListPage, q: ListQuery) -> impl IntoView {
    let l = use_locale().get_untracked();
    let chosen = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
    let sorts: Vec<&str> = ["signed", "trending", "newest", "closing"]
        .into_iter()
        .chain((page.sort == "relevance").then_some("relevance"))
        .collect();
    view! {
        <form method="get" class="filters list-filters" role="search" aria-label=l.t("filters")>
            <div class="field field-wide">
                <label for="f-q">{l.t("list-search-label")}</label>
                <input type="search" id="f-q" name="q" maxlength="200" value=q.q.clone().unwrap_or_default() aria-describedby="f-q-hint"/>
                <p class="hint" id="f-q-hint">{l.t("list-search-hint")}</p>
            </div>
            <div class="field">
                <label for="f-status">{l.t("list-status")}</label>
                <select id="f-status" name="status">
                    <option value="any">{l.t("filter-any")}</option>
                    {LISTED_STATUSES.iter().map(|s| view! {
                        <option value=s.as_str() selected=chosen(&q.status, s.as_str())>{l.t(s.label_key())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-region">{l.t("filter-region")}</label>
                <select id="f-region" name="region">
                    <option value="any">{l.t("filter-any")}</option>
                    {page.regions.iter().map(|r| view! {
                        <option value=r.kato.clone() selected=chosen(&q.region, &r.kato)>{r.names.get(l).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-body">{l.t("list-body")}</label>
                <select id="f-body" name="body">
                    <option value="any">{l.t("filter-any")}</option>
                    {page.bodies.iter().map(|b| view! {
                        <option value=b.slug.clone() selected=chosen(&q.body, &b.slug)>{b.names.get(l).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-topic">{l.t("petition-topic")}</label>
                <select id="f-topic" name="topic">
                    <option value="any">{l.t("filter-any")}</option>
                    {crate::components::form::topic_options(&page.topics, q.topic.as_deref())}
                </select>
            </div>
            <div class="field">
                <label for="f-sort">{l.t("list-sort")}</label>
                <select id="f-sort" name="sort">
                    {sorts.into_iter().map(|s| view! {
                        <option value=s selected=page.sort == s>{l.t(&format!("list-sort-{s}"))}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-secondary">{l.t("filter-apply")}</button>
        </form>
    }
}

/// The count, the note on ignored filters, the petitions and the page links.
#[component]
pub fn ListResults(page: ListPage, q: ListQuery, base: String) -> impl IntoView {
    let l = use_locale().get_untracked();
    let ignored = (!page.ignored.is_empty()).then(|| {
        let names = page
            .ignored
            .iter()
            .map(|n| l.t(filter_label(n)))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="notice" role="status">{l.t_with("list-ignored", &[("names", names.into())])}</p> }
    });
    let link = |n: u32| {
        let qs = list_query_string(&q, n);
        if qs.is_empty() {
            base.clone()
        } else {
            format!("{base}?{qs}")
        }
    };
    let past_end = page.items.is_empty() && page.total > 0;
    let nav = (page.pages > 1 || past_end).then(|| {
        view! {
            <nav class="pagination" aria-label=l.t("list-pagination")>
                {(page.page > 1).then(|| view! { <a rel="prev" href=link(page.page.min(page.pages + 1) - 1)>{l.t("list-prev")}</a> })}
                <span>{l.t_with("list-page", &[("page", page.page.into()), ("pages", page.pages.into())])}</span>
                {(page.page < page.pages).then(|| view! { <a rel="next" href=link(page.page + 1)>{l.t("list-next")}</a> })}
            </nav>
        }
    });
    view! {
        {ignored}
        <p class="list-count" role="status">{l.t_with("list-found", &[("n", page.total.into())])}</p>
        {if past_end {
            view! { <p>{l.t("list-past-end")}" "<a href=link(1)>{l.t("list-first-page")}</a></p> }.into_any()
        } else if page.items.is_empty() {
            view! { <p>{l.t("list-none")}</p> }.into_any()
        } else {
            view! { <PetitionCards items=page.items/> }.into_any()
        }}
        {nav}
    }
}

/// Petitions as a list of cards: title, addressee, state, signatures (and the last 24 hours),
/// clock.
#[component]
pub fn PetitionCards(items: Vec<PetitionSummary>) -> impl IntoView {
    let l = use_locale().get_untracked();
    view! {
        <ol class="petition-list">
            {items.into_iter().map(|p| petition_card(l, p)).collect_view()}
        </ol>
    }
}

fn petition_card(l: Locale, p: PetitionSummary) -> impl IntoView {
    let count = match p.threshold {
        Some(t) => format!("{} / {}", l.number(p.count), l.number(t)),
        None => l.number(p.count),
    };
    view! {
        <li class="petition-card">
            <h2 class="petition-card-title"><a href=href(l, &format!("/petitions/{}", p.id))><bdi>{p.title.clone()}</bdi></a></h2>
            <p class="petition-card-meta">
                <span class=format!("tag status-{}", p.status.as_str())>{l.t(p.status.label_key())}</span>
                " "<span>{p.body.get(l).to_owned()}</span>
            </p>
            <p class="petition-card-count">
                <strong>{count}</strong>" "{l.t_with("petition-signatures", &[("n", p.count.into())])}
                {(p.recent > 0).then(|| view! { " · "<span class="recent">{l.t_with("list-recent", &[("n", p.recent.into())])}</span> })}
                {p.clock.as_ref().map(|c| view! { " · "<span>{clock_text(l, c)}</span> })}
            </p>
        </li>
    }
}

/// The list a region's or a body's page shows, loaded beside the page's own data.
///
/// Made at the top of the page, never inside the page's `Suspend`: a resource made there is
/// made again when the `Suspend` runs again, and the async render then waits for the first
/// one's blocking future, which nothing resolves any more (pages hung this way, now and then,
/// on PostgreSQL).
pub fn petitions_of(
    query: impl Fn() -> ListQuery + Send + Sync + 'static,
) -> Resource<Result<ListPage, crate::error::AppError>> {
    Resource::new_blocking(query, list_petitions)
}

/// A region's or a body's petitions, most signed first, with the way to the whole list: `list`
/// comes from [`petitions_of`] with this `query`.
#[component]
pub fn PetitionsOf(
    query: ListQuery,
    list: Resource<Result<ListPage, crate::error::AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section aria-labelledby="their-petitions">
            <h2 id="their-petitions">{tr("list-their-petitions")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        match list.await {
                            Ok(page) => view! { <ListResults page=page q=query base=href(locale.get_untracked(), "/petitions")/> }.into_any(),
                            Err(e) => view! { <LoadError error=e/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
