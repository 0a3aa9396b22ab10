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

    /// A number with a fractional part, with the language's decimal separator: a comma in
    /// Kazakh and Russian (`4,2`), a point in English (`4.2`). `places` fixes the digits after
    /// the separator; `None` writes as many as the value needs (`0,5`, `1`).
    pub fn decimal(self, value: f64, places: Option<usize>) -> String {
        let text = match places {
            Some(places) => format!("{value:.places$}"),
            None => value.to_string(),
        };
        match self {
            Locale::Kk | Locale::Ru => text.replace('.', ","),
            Locale::En => text,
        }
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

    #[test]
    fn decimals_take_a_comma_in_kazakh_and_russian() {
        assert_eq!(Locale::Ru.decimal(4.2, Some(1)), "4,2");
        assert_eq!(Locale::Kk.decimal(4.0, Some(1)), "4,0");
        assert_eq!(Locale::En.decimal(4.2, Some(1)), "4.2");
        assert_eq!(Locale::Ru.decimal(0.5, None), "0,5");
        assert_eq!(Locale::En.decimal(1.0, None), "1");
    }

    #[test]
    fn russian_ratings_and_signatures_agree_with_their_number() {
        let ratings = |locale: Locale, n: u64| {
            locale.t_with(
                "answer-ratings",
                &[
                    ("count", FluentValue::from(locale.number(n))),
                    ("n", FluentValue::from(n)),
                ],
            )
        };
        assert_eq!(ratings(Locale::Ru, 1), "1 оценка");
        assert_eq!(ratings(Locale::Ru, 3), "3 оценки");
        assert_eq!(ratings(Locale::Ru, 5), "5 оценок");
        assert_eq!(ratings(Locale::Ru, 11), "11 оценок");
        assert_eq!(ratings(Locale::Ru, 21), "21 оценка");
        assert_eq!(ratings(Locale::En, 1), "1 rating");
        assert_eq!(ratings(Locale::En, 2), "2 ratings");
        assert_eq!(ratings(Locale::Kk, 5), "5 баға");
        // «3 из 7 821 подписи», «3 из 50 000 подписей».
        let of = |n: u64| Locale::Ru.t_with("petition-signatures", &[("n", FluentValue::from(n))]);
        assert_eq!(of(7_821), "подписи");
        assert_eq!(of(2_502), "подписей");
        assert_eq!(of(50_000), "подписей");
        let rule = Locale::Ru.t_with(
            "file-rule-support",
            &[
                ("count", FluentValue::from(50_u64)),
                ("days", FluentValue::from(21_u32)),
            ],
        );
        assert!(
            rule.contains("собрать 50 подписей за 21 рабочий день"),
            "{rule}"
        );
    }

    #[test]
    fn kazakh_postpositions_follow_their_value() {
        let date = || FluentValue::from("01.01.2025");
        assert_eq!(
            Locale::Kk.t_with("role-since", &[("date", date())]),
            "01.01.2025 бастап"
        );
        assert_eq!(
            Locale::Kk.t_with("role-until", &[("date", date())]),
            "01.01.2025 дейін"
        );
        assert_eq!(
            Locale::Ru.t_with("role-since", &[("date", date())]),
            "с 01.01.2025"
        );
        assert_eq!(
            Locale::En.t_with("role-until", &[("date", date())]),
            "until 01.01.2025"
        );
        assert_eq!(
            Locale::Kk.t_with(
                "role-acting-for",
                &[("who", FluentValue::from("Асан Серіков"))]
            ),
            "Асан Серіков атынан"
        );
    }

    /// Each message's source: its first line after `=` and the indented lines that continue it.
    fn messages_of(source: &str) -> HashMap<String, String> {
        let mut messages: HashMap<String, String> = HashMap::new();
        let mut current: Option<String> = None;
        for line in source.lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic())
                && let Some((key, value)) = line.split_once('=')
            {
                let key = key.trim().to_string();
                messages.insert(key.clone(), value.to_string());
                current = Some(key);
            } else if line.starts_with([' ', '}'])
                && let Some(text) = current.as_ref().and_then(|k| messages.get_mut(k))
            {
                text.push('\n');
                text.push_str(line);
            } else {
                current = None;
            }
        }
        messages
    }

    /// The variables a message chooses a variant by (`{ $n -> … }`).
    fn selectors(message: &str) -> Vec<&str> {
        message
            .split("{ $")
            .skip(1)
            .filter_map(|rest| {
                let (name, after) =
                    rest.split_once(|c: char| !c.is_ascii_alphanumeric() && c != '_')?;
                after.trim_start().starts_with("->").then_some(name)
            })
            .collect()
    }

    #[test]
    fn every_count_english_inflects_has_russian_one_few_and_many() {
        let en = messages_of(&ftl("en"));
        let ru = messages_of(&ftl("ru"));
        assert!(
            !selectors(&en["answer-ratings"]).is_empty(),
            "the parser finds selectors"
        );
        let mut bare = Vec::new();
        for (key, text) in &en {
            for var in selectors(text) {
                let russian = ru.get(key).map(String::as_str).unwrap_or_default();
                let inflected = selectors(russian).contains(&var)
                    && russian.contains("[one]")
                    && russian.contains("[few]");
                if !inflected {
                    bare.push(format!("{key} (${var})"));
                }
            }
        }
        bare.sort();
        assert!(
            bare.is_empty(),
            "Russian lacks one/few/many forms: {bare:?}"
        );
    }

    /// The words of a text, lower-cased, in order.
    fn words(text: &str) -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// A word the glossary rules out in one language: any word starting with `stem`, unless it
    /// starts with one of `except` or follows the word `after` (as in «электрондық пошта»).
    struct RuledOut {
        code: &'static str,
        stem: &'static str,
        after: Option<&'static str>,
        except: &'static [&'static str],
    }

    #[test]
    fn the_words_the_glossary_rules_out_are_not_used() {
        let rules = [
            RuledOut {
                code: "kk",
                stem: "аккаунт",
                after: None,
                except: &[],
            },
            RuledOut {
                code: "kk",
                stem: "пошта",
                after: Some("электрондық"),
                except: &[],
            },
            RuledOut {
                code: "kk",
                stem: "әкімші",
                after: Some("платформа"),
                except: &["әкімшілік"],
            },
            RuledOut {
                code: "kk",
                stem: "шек",
                after: None,
                except: &["шекара", "шектеу"],
            },
            RuledOut {
                code: "kk",
                stem: "кіріс",
                after: None,
                except: &["кіріспе"],
            },
            RuledOut {
                code: "kk",
                stem: "ведомстволық",
                after: None,
                except: &[],
            },
            RuledOut {
                code: "kk",
                stem: "қолдарым",
                after: None,
                except: &[],
            },
            RuledOut {
                code: "ru",
                stem: "аккаунт",
                after: None,
                except: &[],
            },
            RuledOut {
                code: "ru",
                stem: "подведомствен",
                after: None,
                except: &[],
            },
        ];
        let mut found = Vec::new();
        for rule in &rules {
            let text = words(&ftl(rule.code));
            for (i, word) in text.iter().enumerate() {
                let allowed_here = rule
                    .after
                    .is_some_and(|after| i > 0 && text[i - 1] == after);
                if word.starts_with(rule.stem)
                    && !rule.except.iter().any(|e| word.starts_with(*e))
                    && !allowed_here
                {
                    found.push(format!("{}: «{word}»", rule.code));
                }
            }
        }
        for (code, phrase) in [
            ("kk", "12 сан"),
            ("ru", "порог органа"),
            ("ru", "ключевой отпечаток"),
            ("ru", "адресованной сюда"),
        ] {
            if ftl(code).to_lowercase().contains(phrase) {
                found.push(format!("{code}: «{phrase}»"));
            }
        }
        assert!(found.is_empty(), "terms the glossary rules out: {found:?}");
    }
}
