//! The regions page: the three cities of republican significance and the seventeen oblasts.

use leptos::prelude::*;

use super::{LoadError, PageTitle};
use crate::api::list_regions;
use crate::components::links::href;
use crate::i18n::{Locale, tr, use_locale};
use crate::model::{TerritoryKind, TerritorySummary};

/// One group of the list, sorted by name in the page's language.
fn group(
    regions: &[TerritorySummary],
    kind: TerritoryKind,
    locale: Locale,
) -> Vec<TerritorySummary> {
    let mut list: Vec<_> = regions.iter().filter(|r| r.kind == kind).cloned().collect();
    list.sort_by_key(|r| r.names.get(locale).to_lowercase());
    list
}

#[component]
fn RegionList(regions: Vec<TerritorySummary>, locale: Locale) -> impl IntoView {
    view! {
        <ul class="region-list">
            {regions
                .into_iter()
                .map(|r| {
                    let url = href(locale, &format!("/regions/{}", r.kato));
                    let name = r.names.get(locale).to_owned();
                    view! {
                        <li>
                            <a href=url>{name}</a>
                            {r.centre.as_ref().map(|c| view! { <span class="muted">{c.get(locale).to_owned()}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The regions page.
#[component]
pub fn RegionsPage() -> impl IntoView {
    let locale = use_locale();
    let regions = Resource::new_blocking(|| (), |_| list_regions());
    view! {
        <PageTitle text=locale.get_untracked().t("regions-title")/>
        <h1>{tr("regions-title")}</h1>
        <p class="lead">{tr("regions-lead")}</p>
        <Suspense fallback=move || view! { <p>{tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match regions.await {
                    Ok(list) => {
                        let l = locale.get();
                        view! {
                            <h2>{tr("regions-cities")}</h2>
                            <RegionList regions=group(&list, TerritoryKind::City, l) locale=l/>
                            <h2>{tr("regions-oblasts")}</h2>
                            <RegionList regions=group(&list, TerritoryKind::Oblast, l) locale=l/>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
