//! Links to the platform's pages, in the page's language.

use leptos::prelude::*;

use crate::i18n::{Locale, use_locale};
use crate::model::{BodyKind, BodySummary, TerritoryKind, TerritorySummary};

/// The address of a page in a language: `href(Locale::Ru, "/regions")` is `/ru/regions`.
pub fn href(locale: Locale, path: &str) -> String {
    format!("/{}{}", locale.code(), path)
}

/// The page of a body: a public council's own page, any other body's page.
pub fn body_path(body: &BodySummary) -> String {
    if body.kind == BodyKind::PublicCouncil {
        format!("/councils/{}", body.slug)
    } else {
        format!("/bodies/{}", body.slug)
    }
}

/// A link to a body's page (a council's own page for a council), showing its name.
#[component]
pub fn BodyLink(body: BodySummary) -> impl IntoView {
    let locale = use_locale();
    let path = body_path(&body);
    view! {
        <a href=move || href(locale.get(), &path)>
            {move || body.names.get(locale.get()).to_owned()}
        </a>
    }
}

/// A link to a territory's page (the regions list for the country), showing its name.
#[component]
pub fn TerritoryLink(territory: TerritorySummary) -> impl IntoView {
    let locale = use_locale();
    let path = if territory.kind == TerritoryKind::Country {
        "/regions".to_owned()
    } else {
        format!("/regions/{}", territory.kato)
    };
    view! {
        <a href=move || href(locale.get(), &path)>
            {move || territory.names.get(locale.get()).to_owned()}
        </a>
    }
}

/// A query string from named values, each escaped; pairs without a value are left out.
pub fn query_string(pairs: &[(&str, Option<String>)]) -> String {
    pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v))))
        .collect::<Vec<_>>()
        .join("&")
}

/// A value escaped for a query string (unreserved characters kept, every other byte `%XX`).
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_escape_values_and_leave_out_missing_ones() {
        assert_eq!(
            query_string(&[
                ("q", Some("жол & road".into())),
                ("page", None),
                ("sort", Some("new".into()))
            ]),
            "q=%D0%B6%D0%BE%D0%BB%20%26%20road&sort=new"
        );
    }
}

/// The names a territory or a body had, newest first, as terms of a `<dl class="facts">`.
#[component]
pub fn FormerNames(names: Vec<crate::model::FormerName>) -> impl IntoView {
    use fluent_templates::fluent_bundle::FluentValue;
    let locale = use_locale();
    (!names.is_empty()).then(move || {
        let l = locale.get_untracked();
        view! {
            <dt>{l.t("region-former-names")}</dt>
            {names.iter().rev().map(|f| view! {
                <dd>{l.t_with("region-former-name", &[
                    ("name", FluentValue::from(f.names.get(l).to_owned())),
                    ("until", FluentValue::from(crate::i18n::format_date(f.valid_to))),
                ])}</dd>
            }).collect_view()}
        }
    })
}
