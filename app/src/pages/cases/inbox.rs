//! The official's inbox: every case addressed to the bodies they answer for, all kinds
//! together, overdue first and then by due day, narrowed by kind and state with a plain GET
//! form.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::CaseTable;
use crate::api::cases::case_inbox;
use crate::i18n::{tr, use_locale};
use crate::model::{CaseKind, CaseState};
use crate::pages::{LoadError, PageTitle};

/// `/:lang/inbox`.
#[component]
pub fn InboxPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (q.get("kind"), q.get("state"))
    };
    let inbox = Resource::new_blocking(key, |(kind, state)| case_inbox(kind, state));
    view! {
        <PageTitle text=locale.get_untracked().t("inbox-title")/>
        <h1>{tr("inbox-title")}</h1>
        <p class="lead">{tr("inbox-lead")}</p>
        {move || {
            let l = locale.get();
            let q = query.read();
            let kind = q.get("kind").unwrap_or_default();
            let state = q.get("state").unwrap_or_else(|| "awaiting_answer".into());
            view! {
                <form method="get" class="filters" aria-label=l.t("filters")>
                    <div class="field">
                        <label for="f-kind">{l.t("case-kind")}</label>
                        <select id="f-kind" name="kind">
                            <option value="any" selected=kind.is_empty() || kind == "any">{l.t("filter-any")}</option>
                            {CaseKind::ALL.iter().map(|k| view! {
                                <option value=k.as_str() selected=kind == k.as_str()>{l.t(k.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-state">{l.t("case-state")}</label>
                        <select id="f-state" name="state">
                            <option value="any" selected=state == "any">{l.t("filter-any")}</option>
                            {CaseState::ALL.iter().map(|s| view! {
                                <option value=s.as_str() selected=state == s.as_str()>{l.t(s.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-secondary">{l.t("filter-apply")}</button>
                </form>
            }
        }}
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(list) => view! { <CaseTable list=list empty="inbox-empty"/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
