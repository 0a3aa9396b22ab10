//! `/:lang/search?q=`: one search over petitions, deputies' inquiries and proposals to public
//! councils, in either Kazakh script, Russian or English. A plain GET form: it works without
//! JavaScript, and a search has an address of its own. Each kind shows its first few and links
//! to its own list for the rest.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search_everything;
use crate::components::case::kz_date;
use crate::components::links::{encode, href};
use crate::i18n::{Locale, use_locale};
use crate::model::SiteSearch;
use crate::pages::{LoadError, PageTitle};

/// `/:lang/search`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let words = move || query.read().get("q").unwrap_or_default();
    let found = Resource::new_blocking(words, search_everything);
    view! {
        <PageTitle text=locale.get_untracked().t("search-title")/>
        <h1>{move || locale.get().t("search-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let l = locale.get_untracked();
                match found.await {
                    Ok(s) => view! { <SearchForm l=l words=s.words.clone()/><Found l=l s=s/> }.into_any(),
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SearchForm(l: Locale, words: String) -> impl IntoView {
    view! {
        <form method="get" action=href(l, "/search") class="filters" role="search" aria-label=l.t("search-title")>
            <div class="field field-wide">
                <label for="search-q">{l.t("search-label")}</label>
                <input type="search" id="search-q" name="q" maxlength="200" value=words aria-describedby="search-q-hint"/>
                <p class="hint" id="search-q-hint">{l.t("list-search-hint")}</p>
            </div>
            <button type="submit" class="button">{l.t("search-submit")}</button>
        </form>
    }
}

/// A kind's heading with how many were found.
fn heading(l: Locale, id: &'static str, key: &'static str, total: u64) -> impl IntoView + use<> {
    view! {
        <h2 id=id>{format!("{} ({})", l.t(key), l.number(total))}</h2>
    }
}

#[component]
fn Found(l: Locale, s: SiteSearch) -> impl IntoView {
    if s.words.is_empty() {
        return view! { <p class="hint">{l.t("search-intro")}</p> }.into_any();
    }
    let petitions = s.petitions.clone();
    let petitions_total = petitions.as_ref().map_or(0, |p| p.total);
    if petitions_total + s.inquiries_total + s.proposals_total == 0 {
        return view! { <p class="notice" role="status">{l.t("search-nothing")}</p> }.into_any();
    }
    let q = encode(&s.words);
    let more = |total: u64, shown: usize, to: String, key: &'static str| {
        (total > shown as u64).then(|| {
            view! { <p><a href=to>{l.t_with(key, &[("count", l.number(total).into()), ("n", total.into())])}</a></p> }
        })
    };
    let items = petitions.map(|p| p.items).unwrap_or_default();
    let shown = items.len();
    view! {
        <p role="status">{l.t_with("search-found", &[("count", l.number(petitions_total + s.inquiries_total + s.proposals_total).into()), ("n", (petitions_total + s.inquiries_total + s.proposals_total).into())])}</p>
        {(petitions_total > 0).then(|| view! { <section aria-labelledby="found-petitions">
            {heading(l, "found-petitions", "search-petitions", petitions_total)}
            <ul class="cards">
                {items.into_iter().map(|p| view! {
                    <li>
                        <a href=href(l, &format!("/petitions/{}", p.id))><bdi>{p.title.clone()}</bdi></a>
                        " "<span class=format!("tag status-{}", p.status.as_str())>{l.t(p.status.label_key())}</span>
                        <br/><span class="hint">{p.body.get(l).to_owned()}" · "{l.number(p.count)}" "{l.t_with("petition-signatures", &[("n", p.count.into())])}</span>
                    </li>
                }).collect_view()}
            </ul>
            {more(petitions_total, shown, format!("{}?q={q}&sort=relevance", href(l, "/petitions")), "search-all-petitions")}
        </section> })}
        {(s.inquiries_total > 0).then(|| view! { <section aria-labelledby="found-inquiries">
            {heading(l, "found-inquiries", "search-inquiries", s.inquiries_total)}
            <ul class="cards">
                {s.inquiries.iter().map(|i| view! {
                    <li>
                        <a href=href(l, &format!("/inquiries/{}", i.id))><bdi>{i.title.clone()}</bdi></a>
                        " "<span class="tag">{l.t(i.state.label_key())}</span>
                        <br/><span class="hint">{i.maslikhat.names.get(l).to_owned()}" → "{i.addressee.names.get(l).to_owned()}
                            {i.sent_on.map(|d| format!(" · {}", crate::i18n::format_date(d)))}</span>
                    </li>
                }).collect_view()}
            </ul>
            {more(s.inquiries_total, s.inquiries.len(), format!("{}?q={q}", href(l, "/inquiries")), "search-all-inquiries")}
        </section> })}
        {(s.proposals_total > 0).then(|| view! { <section aria-labelledby="found-proposals">
            {heading(l, "found-proposals", "search-proposals", s.proposals_total)}
            <ul class="cards">
                {s.proposals.iter().map(|(council, p)| view! {
                    <li>
                        <a href=href(l, &format!("/proposals/{}", p.id))><bdi>{p.title.clone()}</bdi></a>
                        " "<span class="tag">{l.t(p.desk_state.label_key())}</span>
                        <br/><span class="hint"><a href=format!("{}?q={q}#proposals-heading", href(l, &format!("/councils/{}", council.slug)))>{council.names.get(l).to_owned()}</a>
                            " · "{kz_date(p.created_at)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section> })}
    }
    .into_any()
}
