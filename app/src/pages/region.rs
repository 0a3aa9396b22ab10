//! A region's page: what it is, its population, and the bodies that serve it.

use fluent_templates::fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{LoadError, PageTitle};
use crate::api::get_region;
use crate::components::links::{BodyLink, FormerNames};
use crate::i18n::{Locale, format_date, tr, use_locale};
use crate::model::{ListQuery, RegionView};
use crate::pages::petitions::{PetitionsOf, petitions_of};

/// The petitions a region's page lists: those of its territory.
fn region_petitions(kato: String) -> ListQuery {
    ListQuery {
        region: Some(kato),
        ..ListQuery::default()
    }
}

#[component]
fn RegionDetails(
    view: RegionView,
    locale: Locale,
    list: Resource<Result<crate::model::ListPage, crate::error::AppError>>,
) -> impl IntoView {
    let name = view.region.names.get(locale).to_owned();
    let RegionView {
        region,
        valid_from,
        population,
        bodies,
        former_names,
    } = view;
    view! {
        <PageTitle text=name.clone()/>
        <p class="eyebrow">{locale.t(region.kind.label_key())}</p>
        <h1>{name}</h1>
        <dl class="facts">
            <dt>{locale.t("region-kato")}</dt>
            <dd>{region.kato.clone()}</dd>
            {region.centre.map(|centre| view! {
                <dt>{locale.t("region-centre")}</dt>
                <dd>{centre.get(locale).to_owned()}</dd>
            })}
            {valid_from.map(|date| view! {
                <dt>{locale.t("region-since")}</dt>
                <dd><time datetime=date.to_string()>{format_date(date)}</time></dd>
            })}
            <FormerNames names=former_names/>
            {population.map(|p| view! {
                <dt>{locale.t("region-population")}</dt>
                <dd>{locale.t_with("region-population-value", &[
                    ("count", FluentValue::from(locale.number(p.count))),
                    ("year", FluentValue::from(p.year.to_string())),
                ])}</dd>
            })}
        </dl>
        <h2>{locale.t("region-bodies")}</h2>
        <ul class="body-list">
            {bodies
                .into_iter()
                .map(|body| {
                    let kind = locale.t(body.kind.label_key());
                    view! {
                        <li>
                            <BodyLink body/>
                            <span class="tag">{kind}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <PetitionsOf list query=region_petitions(region.kato.clone())/>
    }
}

/// The region page, by KATO code.
#[component]
pub fn RegionPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let kato = move || params.read().get("kato").unwrap_or_default();
    let region = Resource::new_blocking(kato, get_region);
    // Made here, not in `RegionDetails`: see `petitions_of`.
    let list = petitions_of(move || region_petitions(kato()));
    view! {
        <Suspense fallback=move || view! { <p>{tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match region.await {
                    Ok(view) => view! { <RegionDetails view locale=locale.get() list/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
