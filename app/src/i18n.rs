//! The three languages of the platform (Kazakh, Russian, English): which one a page is in,
//! translated strings from the Fluent files under `app/locales/`, and the date and number formats.
//! Kazakh is the fallback for anything unknown.

use std::{borrow::Cow, collections::HashMap};

use chrono::NaiveDate;
use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, langid};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "kk",
        // The isolation marks Fluent puts around arguments show up as stray characters in HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the platform. The URL's first segment names it (`/kk/…`, `/ru/…`, `/en/…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    /// Kazakh, the state language and the fallback.
    #[default]
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Locale {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::Kk, Locale::Ru, Locale::En];

    /// The code used in URLs, cookies and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Kk => "kk",
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }

    /// The language for an exact code (`kk`, `ru`, `en`), or `None` for anything else.
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Kk => "Қазақша",
            Locale::Ru => "Русский",
            Locale::En => "English",
        }
    }

    fn language_identifier(self) -> LanguageIdentifier {
        match self {
            Locale::Kk => langid!("kk"),
            Locale::Ru => langid!("ru"),
            Locale::En => langid!("en"),
        }
    }

    /// The translation of `key`; a key missing from this language falls back to Kazakh.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.language_identifier(), key)
    }

    /// The translation of `key` with named arguments (`{ $name }` in the Fluent file).
    pub fn t_with(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES.lookup_with_args(&self.language_identifier(), key, &args)
    }

    /// Picks the one of three stored names (a territory's, a body's) that is in this language.
    pub fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Kk => kk,
            Locale::Ru => ru,
            Locale::En => en,
        }
    }

    /// A whole number grouped for reading: `1 234 567` in Kazakh and Russian, `1,234,567` in
    /// English.
    pub fn number(self, n: u64) -> String {
        let separator = match self {
            Locale::Kk | Locale::Ru => '\u{a0}',
            Locale::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }
}

#[cfg(feature = "ssr")]
impl Locale {
    /// The language for a visitor whose URL names none: the `lang` cookie of an earlier visit,
    /// then the browser's `Accept-Language` in order of preference, then Kazakh.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        if let Some(locale) = cookie.and_then(Locale::from_code) {
            return locale;
        }
        accept_language
            .map(accept_language::parse)
            .unwrap_or_default()
            .iter()
            .find_map(|tag| {
                let primary = tag.split('-').next()?.to_ascii_lowercase();
                Locale::from_code(&primary)
            })
            .unwrap_or_default()
    }
}

/// A date as the platform shows it in every language: DD.MM.YYYY.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// The language the page is in, provided by the layout from the URL.
pub fn use_locale() -> Memo<Locale> {
    use_context::<Memo<Locale>>().unwrap_or_else(|| Memo::new(|_| Locale::default()))
}

/// A translated string that follows the page's language, for use directly in a view.
pub fn tr(key: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let locale = use_locale();
    move || locale.get().t(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message identifiers defined in one Fluent file, in order.
    fn keys_of(source: &str) -> Vec<String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    fn ftl(code: &str) -> String {
        let path = format!("{}/locales/{code}/main.ftl", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    }

    #[test]
    fn every_key_exists_in_all_three_languages() {
        let kk = keys_of(&ftl("kk"));
        assert!(kk.len() > 20, "the Kazakh file looks empty");
        for code in ["ru", "en"] {
            let other = keys_of(&ftl(code));
            let missing: Vec<_> = kk.iter().filter(|k| !other.contains(k)).collect();
            let extra: Vec<_> = other.iter().filter(|k| !kk.contains(k)).collect();
            assert!(missing.is_empty(), "{code} lacks keys: {missing:?}");
            assert!(extra.is_empty(), "{code} has keys Kazakh lacks: {extra:?}");
        }
    }

    #[test]
    fn no_key_is_defined_twice() {
        for code in ["kk", "ru", "en"] {
            let mut keys = keys_of(&ftl(code));
            let total = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), total, "{code} defines a key twice");
        }
    }

    #[test]
    fn lookups_are_in_the_requested_language() {
        assert_eq!(Locale::En.t("nav-regions"), "Regions");
        assert_eq!(Locale::Ru.t("nav-regions"), "Регионы");
        assert_eq!(Locale::Kk.t("nav-regions"), "Өңірлер");
    }

    #[test]
    fn russian_counts_take_the_right_plural() {
        let text = |n: u64| {
            Locale::Ru.t_with(
                "body-threshold-fixed",
                &[
                    ("count", FluentValue::from(Locale::Ru.number(n))),
                    ("n", FluentValue::from(n)),
                ],
            )
        };
        assert!(
            text(50_000).contains("нужно 50\u{a0}000 подписей"),
            "{}",
            text(50_000)
        );
        assert!(
            text(2_502).contains("нужно 2\u{a0}502 подписи"),
            "{}",
            text(2_502)
        );
        assert!(
            text(7_821).contains("нужна 7\u{a0}821 подпись"),
            "{}",
            text(7_821)
        );
        assert!(
            Locale::En
                .t_with(
                    "body-threshold-fixed",
                    &[
                        ("count", FluentValue::from("1")),
                        ("n", FluentValue::from(1))
                    ],
                )
                .contains("1 signature.")
        );
    }

    #[test]
    fn unknown_codes_are_not_languages() {
        assert_eq!(Locale::from_code("de"), None);
        assert_eq!(Locale::from_code("ru"), Some(Locale::Ru));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_cookie_then_the_browser_then_kazakh_decide() {
        assert_eq!(Locale::negotiate(Some("en"), Some("ru")), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some("de-DE, ru-RU;q=0.8, en;q=0.5")),
            Locale::Ru
        );
        assert_eq!(
            Locale::negotiate(None, Some("en;q=0.3, ru;q=0.9")),
            Locale::Ru
        );
        assert_eq!(Locale::negotiate(Some("de"), Some("fr, de")), Locale::Kk);
        assert_eq!(Locale::negotiate(None, None), Locale::Kk);
    }

    #[test]
    fn dates_read_day_month_year() {
        let date = NaiveDate::from_ymd_opt(2022, 6, 8).expect("a real date");
        assert_eq!(format_date(date), "08.06.2022");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(Locale::En.number(1_234_567), "1,234,567");
        assert_eq!(Locale::Ru.number(50_000), "50\u{a0}000");
        assert_eq!(Locale::Kk.number(999), "999");
    }
}
