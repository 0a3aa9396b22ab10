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
