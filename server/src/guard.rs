//! The request guard in front of everything: a state-changing request from another site is
//! refused (`Origin`, `Sec-Fetch-Site`, `Referer`), a redirect never leaves the site, a server
//! function's refusal is answered with its own 4xx status instead of leptos's 500, and every
//! answer carries the usual security headers.

use axum::{
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use app::error::AppError;
use app::i18n::Locale;

/// What the guard needs to know about the site.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The site's public authority (`host[:port]` of `DAUYS_PUBLIC_URL`), also accepted as an
    /// `Origin` besides the request's own `Host`.
    pub public_authority: Option<String>,
    /// Production behind HTTPS: adds `Strict-Transport-Security`.
    pub https: bool,
}

impl Guard {
    /// The guard for a site reached at `public_url`.
    pub fn new(public_url: &str, https: bool) -> Guard {
        Guard {
            public_authority: authority_of(public_url),
            https,
        }
    }
}

/// The header leptos marks a server function's error answer with.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";
/// A server function's error body is a small JSON value; anything larger is left alone.
const MAX_ERROR_BODY: usize = 16 * 1024;

/// The `host[:port]` of an absolute `http(s)://` address, without the scheme's default port
/// (browsers never write it in `Origin`).
fn authority_of(url: &str) -> Option<String> {
    let uri: http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let authority = uri.authority()?.as_str().to_ascii_lowercase();
    let default = match scheme.as_str() {
        "https" => ":443",
        _ => ":80",
    };
    Some(
        authority
            .strip_suffix(default)
            .map_or_else(|| authority.clone(), str::to_owned),
    )
}

fn header_str<'h>(headers: &'h HeaderMap, name: &header::HeaderName) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

impl Guard {
    /// Whether `authority` is this site: the request's `Host` or the public address.
    fn is_this_site(&self, authority: &str, headers: &HeaderMap) -> bool {
        let host = header_str(headers, &header::HOST).map(str::to_ascii_lowercase);
        host.as_deref() == Some(authority) || self.public_authority.as_deref() == Some(authority)
    }

    /// A state-changing request sent by a page of another site. `Origin` decides when present
    /// (`null` counts as foreign); otherwise `Sec-Fetch-Site`; otherwise `Referer`. A client that
    /// sends none of them (a script, an old browser) still needs the CSRF token.
    fn is_cross_site(&self, headers: &HeaderMap) -> bool {
        if let Some(origin) = header_str(headers, &header::ORIGIN) {
            return !authority_of(origin).is_some_and(|a| self.is_this_site(&a, headers));
        }
        if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
            return !matches!(site, "same-origin" | "none");
        }
        if let Some(referer) = header_str(headers, &header::REFERER) {
            return !authority_of(referer).is_some_and(|a| self.is_this_site(&a, headers));
        }
        false
    }

    /// A `Location` that stays on this site: an absolute address of another host, or a
    /// scheme-relative one, becomes `/`; one of this site becomes its path.
    fn local_location(&self, location: &str, headers: &HeaderMap) -> Option<String> {
        // A browser drops tabs and line breaks and reads `\` as `/`: `/\t/evil` is `//evil`.
        if location.starts_with("//")
            || location.contains('\\')
            || location.chars().any(char::is_control)
        {
            return Some("/".into());
        }
        if location.starts_with('/') {
            return None;
        }
        let Ok(uri) = location.parse::<http::Uri>() else {
            return Some("/".into());
        };
        match uri.authority() {
            Some(a) if self.is_this_site(&a.as_str().to_ascii_lowercase(), headers) => Some(
                uri.path_and_query()
                    .map_or_else(|| "/".into(), |p| p.as_str().to_owned()),
            ),
            _ => Some("/".into()),
        }
    }
}

/// The language for a message outside any page: the `lang` cookie, then `Accept-Language`.
fn locale_of(headers: &HeaderMap) -> Locale {
    Locale::negotiate(
        app::server::request::cookie(headers, crate::language::LANG_COOKIE).as_deref(),
        header_str(headers, &header::ACCEPT_LANGUAGE),
    )
}

/// The middleware.
pub async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let state_changing = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if state_changing && guard.is_cross_site(request.headers()) {
        tracing::info!(path = %request.uri().path(), "refused a cross-site request");
        let message = AppError::Forbidden.message(locale_of(request.headers()));
        return (StatusCode::FORBIDDEN, message).into_response();
    }
    // Only what the answer needs of the request: its host (for redirects) and whether it is
    // signed in; the whole header map is not copied on every request.
    let mut headers = HeaderMap::new();
    if let Some(host) = request.headers().get(header::HOST) {
        headers.insert(header::HOST, host.clone());
    }
    let signed_in =
        app::server::request::cookie(request.headers(), app::server::request::SESSION_COOKIE)
            .is_some();
    let is_asset = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;

    if let Some(location) = response.headers().get(header::LOCATION) {
        let local = match location.to_str() {
            Ok(text) => guard.local_location(text, &headers),
            // Not text: nothing a browser should be sent to.
            Err(_) => Some("/".into()),
        };
        if let Some(local) = local
            && let Ok(value) = HeaderValue::from_str(&local)
        {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        response = with_error_status(response).await;
    }
    add_security_headers(response.headers_mut(), guard.https, signed_in && !is_asset);
    if guard.https {
        secure_cookies(response.headers_mut());
    }
    response
}

/// Every cookie set over HTTPS carries `Secure` (the session and CSRF cookies have it already;
/// this catches the language and form-echo cookies and any added later).
fn secure_cookies(headers: &mut HeaderMap) {
    let cookies: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|value| match value.to_str() {
            Ok(text) if !text.to_ascii_lowercase().contains("; secure") => {
                HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or_else(|_| value.clone())
            }
            _ => value.clone(),
        })
        .collect();
    headers.remove(header::SET_COOKIE);
    for cookie in cookies {
        headers.append(header::SET_COOKIE, cookie);
    }
}

/// A server function's error answer with the status its error stands for.
async fn with_error_status(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The policy for answers that are no page (pages set their own, with the nonce of their
/// scripts: `app::server::request::set_page_security_policy`).
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

fn add_security_headers(headers: &mut HeaderMap, https: bool, private: bool) {
    let mut set = |name: header::HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "same-origin");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if https {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    if private {
        // A signed-in page is nobody else's: never kept by a shared cache or the back button.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                header::HeaderName::from_bytes(name.as_bytes()).expect("name"),
                HeaderValue::from_str(value).expect("value"),
            );
        }
        map
    }

    #[test]
    fn another_sites_origin_is_cross_site() {
        // The default port in the setting is no part of what browsers send.
        let guard = Guard::new("https://dauys.kz:443", true);
        let ours = [("host", "127.0.0.1:3000")];
        assert!(!guard.is_cross_site(&headers(&ours)));
        assert!(guard.is_cross_site(&headers(&[ours[0], ("origin", "http://evil.example")])));
        assert!(guard.is_cross_site(&headers(&[ours[0], ("origin", "null")])));
        assert!(!guard.is_cross_site(&headers(&[ours[0], ("origin", "http://127.0.0.1:3000")])));
        assert!(!guard.is_cross_site(&headers(&[ours[0], ("origin", "https://dauys.kz")])));
        assert!(guard.is_cross_site(&headers(&[ours[0], ("sec-fetch-site", "cross-site")])));
        assert!(!guard.is_cross_site(&headers(&[ours[0], ("sec-fetch-site", "same-origin")])));
        assert!(guard.is_cross_site(&headers(&[ours[0], ("referer", "http://evil.example/x")])));
    }

    #[test]
    fn every_cookie_is_secure_over_https() {
        let mut h = HeaderMap::new();
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("lang=kk; Path=/"),
        );
        h.append(
            header::SET_COOKIE,
            HeaderValue::from_static("dauys_session=x; Path=/; HttpOnly; Secure"),
        );
        secure_cookies(&mut h);
        let all: Vec<&str> = h
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert_eq!(
            all,
            [
                "lang=kk; Path=/; Secure",
                "dauys_session=x; Path=/; HttpOnly; Secure"
            ]
        );
    }

    #[test]
    fn redirects_stay_on_the_site() {
        let guard = Guard::new("https://dauys.kz", true);
        let h = headers(&[("host", "127.0.0.1:3000")]);
        assert_eq!(guard.local_location("/kk/petitions", &h), None);
        assert_eq!(
            guard
                .local_location("http://evil.example/x?__path=a", &h)
                .as_deref(),
            Some("/")
        );
        for sneaky in ["//evil.example/x", "/\t/evil.example", "/\\evil.example"] {
            assert_eq!(
                guard.local_location(sneaky, &h).as_deref(),
                Some("/"),
                "{sneaky:?}"
            );
        }
        assert_eq!(
            guard
                .local_location("http://127.0.0.1:3000/kk/x?__err=1", &h)
                .as_deref(),
            Some("/kk/x?__err=1")
        );
    }
}
