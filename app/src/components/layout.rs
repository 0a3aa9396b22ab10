//! The frame of every page: skip link, header with the site name, navigation and language
//! switch, the main area, and the footer. It also decides the page's language from the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::account::{AccountLinks, provide_whoami};
use crate::components::links::href;
use crate::i18n::{Locale, tr};
use crate::locale_of_path;
use crate::pages::not_found::NotFound;

/// The same address in another language: the first segment swapped, the rest and the query
/// (a list's filters, a form's choices) kept.
fn switch_language(path: &str, query: &str, to: Locale) -> String {
    let rest = path.trim_start_matches('/');
    let rest = match rest.split_once('/') {
        Some((_, tail)) => format!("/{tail}"),
        None => String::new(),
    };
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        href(to, &rest)
    } else {
        format!("{}?{query}", href(to, &rest))
    }
}

/// Whether the path starts with a language the platform speaks.
fn has_language(path: &str) -> bool {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    Locale::from_code(first).is_some()
}

/// Wraps the routes; provides the page's language as context.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    let pathname = location.pathname;
    let search = location.search;
    let locale = Memo::new(move |_| locale_of_path(&pathname.get()));
    provide_context(locale);
    provide_whoami();
    let home = move || href(locale.get(), "");
    let regions = move || href(locale.get(), "/regions");
    let petitions = move || href(locale.get(), "/petitions");
    let responsiveness = move || href(locale.get(), "/responsiveness");
    let councils = move || href(locale.get(), "/councils");
    let inquiries = move || href(locale.get(), "/inquiries");
    let search_page = move || href(locale.get(), "/search");

    view! {
        <a class="skip-link" href="#main">{tr("skip-to-content")}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href=home>
                    <span class="brand-mark" aria-hidden="true">"◉"</span>
                    <span class="brand-name">"Dauys"</span>
                </a>
                <nav class="main-nav" aria-label=tr("nav-label")>
                    <ul>
                        <li><a href=home>{tr("nav-home")}</a></li>
                        <li><a href=petitions>{tr("nav-petitions")}</a></li>
                        <li><a href=regions>{tr("nav-regions")}</a></li>
                        <li><a href=responsiveness>{tr("nav-responsiveness")}</a></li>
                        <li><a href=councils>{tr("nav-councils")}</a></li>
                        <li><a href=inquiries>{tr("nav-inquiries")}</a></li>
                        <li><a href=search_page>{tr("nav-search")}</a></li>
                        <AccountLinks/>
                    </ul>
                </nav>
                <nav class="lang-switch" aria-label=tr("lang-switch-label")>
                    <ul>
                        {Locale::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        <a
                                            href=move || switch_language(&pathname.get(), &search.get(), l)
                                            hreflang=l.code()
                                            lang=l.code()
                                            rel="external"
                                            aria-current=move || (locale.get() == l).then_some("true")
                                        >
                                            {l.native_name()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{tr("footer-about")}</p>
                <p class="muted">{tr("footer-open")}</p>
                <p>
                    <a href=move || href(locale.get(), "/verify")>{tr("footer-verify")}</a>
                    " · "
                    <a href=move || href(locale.get(), "/moderation/record")>{tr("footer-record")}</a>
                    " · "
                    <a href=move || href(locale.get(), "/rules/changes")>{tr("footer-rules")}</a>
                </p>
            </div>
        </footer>
    }
}

/// A page that exists only under a language the platform speaks: anything else (`/wp-admin`)
/// gets the not-found page.
#[component]
pub fn Localized(children: ChildrenFn) -> impl IntoView {
    let pathname = use_location().pathname;
    let known_language = Memo::new(move |_| has_language(&pathname.get()));
    view! {
        <Show when=move || known_language.get() fallback=NotFound>
            {children()}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_switch_keeps_the_page() {
        assert_eq!(
            switch_language("/kk/regions/11", "", Locale::En),
            "/en/regions/11"
        );
        assert_eq!(switch_language("/ru", "", Locale::Kk), "/kk");
        assert_eq!(switch_language("/", "", Locale::Ru), "/ru");
        assert_eq!(
            switch_language("/en/petitions/new", "?territory=75&topic=roads", Locale::Kk),
            "/kk/petitions/new?territory=75&topic=roads"
        );
        assert_eq!(
            switch_language("/en/petitions", "q=%D0%B6%D0%BE%D0%BB", Locale::Ru),
            "/ru/petitions?q=%D0%B6%D0%BE%D0%BB"
        );
    }

    #[test]
    fn only_the_three_languages_count() {
        assert!(has_language("/en/regions"));
        assert!(!has_language("/de/regions"));
        assert!(!has_language("/wp-admin"));
    }
}
