//! The case pages: the officials' inbox, one case's public page, and the public
//! responsiveness of every body.

pub mod inbox;
pub mod responsiveness;
pub mod show;

use leptos::prelude::*;

use crate::components::links::href;
use crate::i18n::{format_date, use_locale};
use crate::model::{CaseState, CaseSummary};

/// Cases in a table: number, title, kind, body, state, registered and due days, the clock.
#[component]
pub fn CaseTable(list: Vec<CaseSummary>, empty: &'static str) -> impl IntoView {
    let l = use_locale().get_untracked();
    if list.is_empty() {
        return view! { <p class="notice">{l.t(empty)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap"><table class="cases">
            <thead><tr>
                <th scope="col">{l.t("case-number")}</th>
                <th scope="col">{l.t("case-subject")}</th>
                <th scope="col">{l.t("case-kind")}</th>
                <th scope="col">{l.t("case-body")}</th>
                <th scope="col">{l.t("case-state")}</th>
                <th scope="col">{l.t("case-registered")}</th>
                <th scope="col">{l.t("case-due")}</th>
            </tr></thead>
            <tbody>{list.into_iter().map(|c| view! {
                <tr class=format!("clock-{}", c.clock)>
                    <td>{c.number.clone()}</td>
                    <td><a href=href(l, &format!("/cases/{}", c.id))><bdi>{c.title.clone()}</bdi></a></td>
                    <td>{l.t(c.kind.label_key())}</td>
                    <td>{c.body.get(l).to_owned()}</td>
                    <td><span class=format!("tag case-{}", c.state.as_str())>{l.t(c.state.label_key())}</span></td>
                    <td>{format_date(c.registered_on)}</td>
                    <td>{format_date(c.due_on)}
                        {(c.state == CaseState::AwaitingAnswer).then(|| view! { " "<span class="hint">{l.t(&format!("clock-state-{}", c.clock))}</span> })}</td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

/// A body's record (its responsiveness figures and latest cases), loaded beside the body page's
/// own data: made at the top of the page, like [`crate::pages::petitions::petitions_of`], and
/// for the same reason.
pub fn body_record(
    slug: impl Fn() -> String + Send + Sync + 'static,
) -> Resource<Result<crate::model::BodyRecord, crate::error::AppError>> {
    Resource::new_blocking(slug, crate::api::cases::body_cases)
}

/// A body's record on its page: its responsiveness figures and its latest cases, from
/// [`body_record`].
#[component]
pub fn BodyCases(
    record: Resource<Result<crate::model::BodyRecord, crate::error::AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                let Ok(r) = record.await else {
                    return ().into_any();
                };
                view! {
                    <section aria-labelledby="record-heading">
                        <h2 id="record-heading">{l.t("body-record")}</h2>
                        {match r.figures {
                            Some(f) => view! {
                                <dl class="facts figures">
                                    <dt>{l.t("responsiveness-received")}</dt><dd data-col="received">{l.number(f.received)}</dd>
                                    <dt>{l.t("responsiveness-on-time")}</dt><dd data-col="on_time">{l.number(f.on_time)}</dd>
                                    <dt>{l.t("responsiveness-late")}</dt><dd data-col="late">{l.number(f.late)}</dd>
                                    <dt>{l.t("responsiveness-overdue")}</dt><dd data-col="overdue">{l.number(f.overdue)}</dd>
                                    <dt>{l.t("responsiveness-very-overdue")}</dt><dd data-col="very_overdue">{l.number(f.very_overdue)}</dd>
                                    <dt>{l.t("responsiveness-median")}</dt><dd>{f.median_days.map_or_else(|| "—".to_owned(), |d| l.decimal(d, Some(1)))}</dd>
                                    <dt>{l.t("responsiveness-rating")}</dt><dd>{f.average_rating.map_or_else(|| "—".to_owned(), |d| format!("{} ({})", l.decimal(d, Some(1)), l.number(f.ratings)))}</dd>
                                    <dt>{l.t("responsiveness-rank")}</dt><dd>{match f.rank {
                                        Some(n) => n.to_string(),
                                        None => l.t_with("responsiveness-min-cases", &[("n", r.min_cases.into()), ("count", l.number(r.min_cases).into())]),
                                    }}</dd>
                                </dl>
                            }.into_any(),
                            None => view! { <p class="muted">{l.t("body-no-cases")}</p> }.into_any(),
                        }}
                        {(!r.cases.is_empty()).then(|| view! { <CaseTable list=r.cases.clone() empty="body-no-cases"/> })}
                        <p><a href=href(l, "/responsiveness")>{l.t("nav-responsiveness")}</a></p>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
