//! `/:lang/responsiveness`: how every body that has received cases answers them — received,
//! on time, late, overdue and very overdue now, the median working days to answer and the
//! average rating — filtered by region, body kind, case kind and year (a plain GET form),
//! sorted by any column (the column headers are links), downloadable as CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::cases::responsiveness_table;
use crate::components::links::{BodyLink, href};
use crate::i18n::{Locale, tr, use_locale};
use crate::model::{BodyKind, CaseKind, ResponsivenessQuery};
use crate::pages::{LoadError, PageTitle};

/// The query of the page's URL.
fn query_of(q: &leptos_router::params::ParamsMap) -> ResponsivenessQuery {
    let text = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty() && v != "any")
    };
    ResponsivenessQuery {
        region: text("region"),
        body_kind: text("body_kind"),
        case_kind: text("case_kind"),
        year: text("year").and_then(|y| y.parse().ok()),
        body: None,
        sort: text("sort"),
        desc: q.get("desc").is_some_and(|d| d == "1"),
    }
}

/// The query string of `query`, with `sort`/`desc` replaced when given.
pub fn query_string(query: &ResponsivenessQuery, sort: Option<(&str, bool)>) -> String {
    let mut parts = Vec::new();
    if let Some(r) = &query.region {
        parts.push(format!("region={r}"));
    }
    if let Some(k) = &query.body_kind {
        parts.push(format!("body_kind={k}"));
    }
    if let Some(k) = &query.case_kind {
        parts.push(format!("case_kind={k}"));
    }
    if let Some(y) = query.year {
        parts.push(format!("year={y}"));
    }
    let (by, desc) = match sort {
        Some((by, desc)) => (Some(by.to_owned()), desc),
        None => (query.sort.clone(), query.desc),
    };
    if let Some(by) = by {
        parts.push(format!("sort={by}"));
    }
    if desc {
        parts.push("desc=1".into());
    }
    parts.join("&")
}

/// A sortable column header: a link that sorts by it (ascending, or descending on a second
/// click), with `aria-sort` on the column sorted by.
#[component]
fn SortHeader(
    query: ResponsivenessQuery,
    column: &'static str,
    label: &'static str,
) -> impl IntoView {
    let l = use_locale().get_untracked();
    let current = query.sort.as_deref().unwrap_or("rank") == column;
    let desc = current && !query.desc;
    let aria = if current {
        if query.desc {
            "descending"
        } else {
            "ascending"
        }
    } else {
        "none"
    };
    view! {
        <th scope="col" aria-sort=aria>
            <a href=format!("?{}", query_string(&query, Some((column, desc))))>{l.t(label)}</a>
        </th>
    }
}

fn opt_number(l: Locale, v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "—".to_owned(), |x| l.decimal(x, Some(digits)))
}

/// The page.
#[component]
pub fn ResponsivenessPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_query_map();
    let query = move || query_of(&params.read());
    let table = Resource::new_blocking(query, responsiveness_table);
    view! {
        <PageTitle text=locale.get_untracked().t("responsiveness-title")/>
        <h1>{tr("responsiveness-title")}</h1>
        <p class="lead">{tr("responsiveness-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let q = query();
                let t = match table.await {
                    Ok(t) => t,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let selected = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
                view! {
                    <form method="get" class="filters" aria-label=l.t("filters")>
                        <div class="field">
                            <label for="f-region">{l.t("filter-region")}</label>
                            <select id="f-region" name="region">
                                <option value="any">{l.t("filter-any")}</option>
                                {t.regions.iter().map(|(kato, names)| view! {
                                    <option value=kato.clone() selected=selected(&q.region, kato)>{names.get(l).to_owned()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-body-kind">{l.t("filter-body-kind")}</label>
                            <select id="f-body-kind" name="body_kind">
                                <option value="any">{l.t("filter-any")}</option>
                                {BodyKind::ALL.iter().map(|k| view! {
                                    <option value=k.as_str() selected=selected(&q.body_kind, k.as_str())>{l.t(k.label_key())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-case-kind">{l.t("case-kind")}</label>
                            <select id="f-case-kind" name="case_kind">
                                <option value="any">{l.t("filter-any")}</option>
                                {CaseKind::ALL.iter().map(|k| view! {
                                    <option value=k.as_str() selected=selected(&q.case_kind, k.as_str())>{l.t(k.label_key())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="f-year">{l.t("filter-year")}</label>
                            <select id="f-year" name="year">
                                <option value="any">{l.t("filter-any")}</option>
                                {t.years.iter().map(|y| view! {
                                    <option value=y.to_string() selected=q.year == Some(*y)>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button button-secondary">{l.t("filter-apply")}</button>
                    </form>
                    <p>
                        <a href=format!("/api/responsiveness.csv?{}", query_string(&q, None)) download="dauys-responsiveness.csv" rel="external">{l.t("responsiveness-csv")}</a>
                        " · "<span class="hint">{l.t_with("responsiveness-min-cases", &[("n", t.min_cases.into()), ("count", l.number(t.min_cases).into())])}</span>
                    </p>
                    {if t.rows.is_empty() {
                        view! { <p class="notice">{l.t("responsiveness-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap"><table class="responsiveness">
                                <thead><tr>
                                    <SortHeader query=q.clone() column="rank" label="responsiveness-rank"/>
                                    <SortHeader query=q.clone() column="name" label="case-body"/>
                                    <SortHeader query=q.clone() column="received" label="responsiveness-received"/>
                                    <SortHeader query=q.clone() column="on_time" label="responsiveness-on-time"/>
                                    <SortHeader query=q.clone() column="late" label="responsiveness-late"/>
                                    <SortHeader query=q.clone() column="overdue" label="responsiveness-overdue"/>
                                    <SortHeader query=q.clone() column="very_overdue" label="responsiveness-very-overdue"/>
                                    <SortHeader query=q.clone() column="median_days" label="responsiveness-median"/>
                                    <SortHeader query=q.clone() column="rating" label="responsiveness-rating"/>
                                </tr></thead>
                                <tbody>{t.rows.iter().map(|r| view! {
                                    <tr>
                                        <td>{r.rank.map_or_else(|| "—".to_owned(), |n| n.to_string())}</td>
                                        <td><BodyLink body=r.body.clone()/></td>
                                        <td data-col="received">{l.number(r.received)}</td>
                                        <td data-col="on_time">{l.number(r.on_time)}</td>
                                        <td data-col="late">{l.number(r.late)}</td>
                                        <td data-col="overdue">{l.number(r.overdue)}</td>
                                        <td data-col="very_overdue">{l.number(r.very_overdue)}</td>
                                        <td data-col="median_days">{opt_number(l, r.median_days, 1)}</td>
                                        <td data-col="rating">{opt_number(l, r.average_rating, 1)}
                                            {(r.ratings > 0).then(|| view! { " ("{l.number(r.ratings)}")" })}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table></div>
                        }.into_any()
                    }}
                    <p class="hint"><a href=href(l, "/inbox")>{l.t("inbox-title")}</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}
