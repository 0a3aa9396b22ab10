//! Public councils' pages: the list of councils with their health (`/:lang/councils`), one
//! council (`show`), a meeting (`meeting`), proposals and recommendations (`proposal`), and
//! the secretary's desk (`desk`), and the admin's form that founds a council (`found`).

pub mod desk;
pub mod found;
pub mod meeting;
pub mod proposal;
pub mod show;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::councils::list_councils;
use crate::components::links::BodyLink;
use crate::i18n::{Locale, format_date, tr, use_locale};
use crate::model::{CouncilHealth, CouncilSummary};
use crate::pages::{LoadError, PageTitle};

/// The line that flags a council that has not met for the set number of months.
pub fn dormant_line(l: Locale, h: &CouncilHealth) -> Option<String> {
    h.dormant_months.map(|months| match h.last_meeting {
        None => l.t("council-never-met"),
        Some(_) => l.t_with(
            "council-dormant",
            &[
                ("count", l.number(u64::from(months)).into()),
                ("n", months.into()),
            ],
        ),
    })
}

/// The columns the list sorts by.
const SORTS: &[(&str, &str)] = &[
    ("name", "council-col-name"),
    ("last_meeting", "council-col-last-meeting"),
    ("meetings", "council-col-meetings"),
    ("members", "council-col-members"),
    ("vacancies", "council-col-vacancies"),
    ("overdue", "council-col-overdue"),
];

fn sort(rows: &mut [CouncilSummary], by: &str, desc: bool, l: Locale) {
    match by {
        "last_meeting" => rows.sort_by_key(|r| r.health.last_meeting),
        "meetings" => rows.sort_by_key(|r| r.health.meetings_last_year),
        "members" => rows.sort_by_key(|r| r.health.voting_members),
        "vacancies" => rows.sort_by_key(|r| r.health.vacancies),
        "overdue" => {
            rows.sort_by_key(|r| r.health.overdue_proposals + r.health.overdue_recommendations)
        }
        _ => rows.sort_by(|a, b| a.council.names.get(l).cmp(b.council.names.get(l))),
    }
    if desc {
        rows.reverse();
    }
}

/// `/:lang/councils`: every council with its health, sortable by each figure.
#[component]
pub fn CouncilsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let councils = Resource::new_blocking(|| (), |()| list_councils());
    view! {
        <PageTitle text=locale.get_untracked().t("councils-title")/>
        <h1>{tr("councils-title")}</h1>
        <p class="lead">{tr("councils-lead")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let mut rows = match councils.await {
                    Ok(rows) => rows,
                    Err(e) => return view! { <LoadError error=e/> }.into_any(),
                };
                let (by, desc) = {
                    let q = query.read_untracked();
                    let by = q.get("sort").filter(|s| SORTS.iter().any(|(k, _)| k == s)).unwrap_or_else(|| "name".into());
                    (by, q.get("desc").is_some_and(|d| d == "1"))
                };
                sort(&mut rows, &by, desc, l);
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="visually-hidden">{l.t("councils-title")}</caption>
                            <thead><tr>
                                {SORTS.iter().map(|(key, label)| {
                                    let current = by == *key;
                                    let aria = match (current, desc) { (false, _) => "none", (true, false) => "ascending", (true, true) => "descending" };
                                    let next_desc = if current && !desc { "&desc=1" } else { "" };
                                    view! { <th scope="col" aria-sort=aria><a href=format!("?sort={key}{next_desc}")>{l.t(label)}</a></th> }
                                }).collect_view()}
                                <th scope="col">{l.t("council-col-body")}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let h = r.health.clone();
                                    view! {
                                        <tr>
                                            <td>
                                                <BodyLink body=r.council.clone()/>
                                                {dormant_line(l, &h).map(|t| view! { <br/><span class="tag tag-warning">{t}</span> })}
                                            </td>
                                            <td>{h.last_meeting.map_or_else(|| "—".to_owned(), format_date)}</td>
                                            <td data-col="meetings">{l.number(u64::from(h.meetings_last_year))}</td>
                                            <td data-col="members">{format!("{} / {}", l.number(u64::from(h.voting_members)), l.number(u64::from(h.minimum_members)))}</td>
                                            <td>{l.number(u64::from(h.vacancies))}</td>
                                            <td>{l.number(u64::from(h.overdue_proposals + h.overdue_recommendations))}</td>
                                            <td>{r.body.clone().map(|b| view! { <BodyLink body=b/> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            })}
        </Suspense>
    }
}
