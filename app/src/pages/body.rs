//! A body's page: what it is, where it sits, its public council, and the petition threshold it
//! implies as an addressee.

use fluent_templates::fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{LoadError, PageTitle};
use crate::api::get_body;
use crate::components::links::{BodyLink, FormerNames, TerritoryLink};
use crate::i18n::{Locale, tr, use_locale};
use crate::model::{BodyView, ThresholdRule, ThresholdView};

/// The petitions a body's page lists: those addressed to it.
fn body_petitions(slug: String) -> crate::model::ListQuery {
    crate::model::ListQuery {
        body: Some(slug),
        ..Default::default()
    }
}

/// The sentence explaining a threshold, in the page's language.
fn threshold_text(threshold: &ThresholdView, locale: Locale) -> String {
    let count = FluentValue::from(locale.number(threshold.signatures));
    // The plural form follows the number itself; the grouped text is what is shown.
    let n = FluentValue::from(threshold.signatures);
    match &threshold.rule {
        ThresholdRule::Fixed => {
            locale.t_with("body-threshold-fixed", &[("count", count), ("n", n)])
        }
        ThresholdRule::PercentOfPopulation {
            basis_points,
            population,
            year,
        } => {
            let percent = locale.decimal(f64::from(*basis_points) / 100.0, None);
            locale.t_with(
                "body-threshold-percent",
                &[
                    ("count", count),
                    ("n", n),
                    ("percent", FluentValue::from(percent)),
                    ("population", FluentValue::from(locale.number(*population))),
                    ("year", FluentValue::from(year.to_string())),
                ],
            )
        }
    }
}

#[component]
fn BodyDetails(
    view: BodyView,
    locale: Locale,
    list: Resource<Result<crate::model::ListPage, crate::error::AppError>>,
    record: Resource<Result<crate::model::BodyRecord, crate::error::AppError>>,
) -> impl IntoView {
    let name = view.body.names.get(locale).to_owned();
    let BodyView {
        body,
        parent,
        territory,
        council,
        children,
        threshold,
        former_names,
        ended_on,
        successor,
    } = view;
    let has_threshold = threshold.is_some();
    let parent_label = if body.kind == crate::model::BodyKind::PublicCouncil {
        "body-attached-to"
    } else {
        "body-parent"
    };
    view! {
        <PageTitle text=name.clone()/>
        <p class="eyebrow">{locale.t(body.kind.label_key())}</p>
        <h1>{name}</h1>
        {ended_on.map(|day| view! {
            <div class="notice" role="status">
                <p>{locale.t_with("body-ended", &[("date", FluentValue::from(crate::i18n::format_date(day)))])}</p>
                {successor.map(|next| view! {
                    <p>{locale.t("body-successor")}" "<BodyLink body=next/></p>
                })}
            </div>
        })}
        <dl class="facts">
            <dt>{locale.t("body-kind")}</dt>
            <dd>{locale.t(body.kind.label_key())}</dd>
            <dt>{locale.t("body-level")}</dt>
            <dd>{locale.t(body.level.label_key())}</dd>
            <dt>{locale.t("body-territory")}</dt>
            <dd><TerritoryLink territory/></dd>
            {parent.map(|parent| view! {
                <dt>{locale.t(parent_label)}</dt>
                <dd><BodyLink body=parent/></dd>
            })}
            <FormerNames names=former_names/>
            <dt>{locale.t("body-council")}</dt>
            <dd>
                {match council {
                    Some(council) => view! { <BodyLink body=council/> }.into_any(),
                    None => view! { <span class="muted">{locale.t("body-no-council")}</span> }.into_any(),
                }}
            </dd>
        </dl>
        <section class="panel" aria-labelledby="threshold-heading">
            <h2 id="threshold-heading">{locale.t("body-petitions-heading")}</h2>
            {match threshold {
                Some(threshold) => view! {
                    <p>{threshold_text(&threshold, locale)}</p>
                    <p class="muted">{locale.t_with("body-threshold-grade", &[
                        ("grade", FluentValue::from(locale.t(threshold.required_grade.label_key()))),
                    ])}</p>
                }.into_any(),
                None => view! { <p>{locale.t("body-no-petitions")}</p> }.into_any(),
            }}
        </section>
        {has_threshold.then(|| view! {
            <crate::pages::petitions::PetitionsOf list query=body_petitions(body.slug.clone())/>
        })}
        <crate::pages::cases::BodyCases record/>
        {(!children.is_empty()).then(|| view! {
            <h2>{locale.t("body-children")}</h2>
            <ul class="body-list">
                {children.into_iter().map(|child| view! { <li><BodyLink body=child/></li> }).collect_view()}
            </ul>
        })}
    }
}

/// The body page, by slug.
#[component]
pub fn BodyPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let body = Resource::new_blocking(slug, get_body);
    // Made here, not in `BodyDetails`: see `petitions_of`.
    let list = crate::pages::petitions::petitions_of(move || body_petitions(slug()));
    let record = crate::pages::cases::body_record(slug);
    view! {
        <Suspense fallback=move || view! { <p>{tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match body.await {
                    Ok(view) => view! { <BodyDetails view locale=locale.get() list record/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
