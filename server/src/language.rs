//! The language of a request: `/` is redirected to the visitor's language (cookie, then
//! `Accept-Language`, then Kazakh); a path in an unsupported language is redirected to the same
//! page in Kazakh; a page visited in a language remembers it in the `lang` cookie.

use app::i18n::Locale;
use app::server::request::cookie;
use axum::{
    extract::Request,
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};

/// The name of the cookie that remembers the visitor's language.
pub const LANG_COOKIE: &str = "lang";

/// The value of the `lang` cookie, if the request has one.
fn lang_cookie(headers: &HeaderMap) -> Option<String> {
    cookie(headers, LANG_COOKIE)
}

/// `GET /`: to the home page in the visitor's language.
pub async fn root_redirect(headers: HeaderMap) -> Redirect {
    let cookie = lang_cookie(&headers);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = Locale::negotiate(cookie.as_deref(), accept);
    Redirect::to(&format!("/{}", locale.code()))
}

/// Whether a path segment looks like a language tag (`de`, `kaz`, `en-GB`) rather than a page.
fn looks_like_language(segment: &str) -> bool {
    let mut parts = segment.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && !matches!(primary, "api" | "pkg")
}

/// The platform's language a tag in the path stands for: its primary subtag in any case, two
/// or three letters (`en-GB` and `eng` are English, `Ru` Russian, `kaz` Kazakh); Kazakh for
/// any other language.
fn language_of_tag(tag: &str) -> Locale {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        "kaz" => "kk",
        "rus" => "ru",
        "eng" => "en",
        other => other,
    };
    Locale::from_code(primary).unwrap_or_default()
}

/// Redirects a language tag the platform does not use as such to the language it stands for
/// (`/en-GB/…` to `/en/…`), any other language to Kazakh, and remembers a supported one in a
/// cookie.
pub async fn language_in_path(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let Some(locale) = Locale::from_code(&first) else {
        if !first.is_empty() && looks_like_language(&first) {
            let rest = &path[1 + first.len()..];
            let query = request
                .uri()
                .query()
                .map(|q| format!("?{q}"))
                .unwrap_or_default();
            return Redirect::to(&format!("/{}{rest}{query}", language_of_tag(&first).code()))
                .into_response();
        }
        return next.run(request).await;
    };
    let remembered = lang_cookie(request.headers());
    let mut response = next.run(request).await;
    if remembered.as_deref() != Some(locale.code())
        && let Ok(value) = HeaderValue::from_str(&format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            locale.code()
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_told_from_pages() {
        for tag in ["de", "fr", "kaz", "en-GB", "zh-Hant"] {
            assert!(looks_like_language(tag), "{tag}");
        }
        for page in ["regions", "favicon.svg", "pkg", "api", "healthz", ""] {
            assert!(!looks_like_language(page), "{page}");
        }
    }

    #[test]
    fn a_tag_goes_to_the_language_it_stands_for() {
        assert_eq!(language_of_tag("en-GB"), Locale::En);
        assert_eq!(language_of_tag("EN"), Locale::En);
        assert_eq!(language_of_tag("Ru"), Locale::Ru);
        assert_eq!(language_of_tag("ru_RU"), Locale::Ru);
        assert_eq!(language_of_tag("kaz"), Locale::Kk);
        assert_eq!(language_of_tag("rus"), Locale::Ru);
        assert_eq!(language_of_tag("de"), Locale::Kk);
        assert_eq!(language_of_tag("zh-Hant"), Locale::Kk);
    }
}
