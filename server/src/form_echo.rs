//! Reads every form a browser posts to a server function, once, before anything else does:
//! bytes that are not UTF-8 and a field sent twice are refused with 400; every other field is
//! cleaned ([`app::server::text::clean`]: NFC, no control or bidi-override characters, line
//! breaks only in the multi-line fields). And it keeps what a person typed when a form fails:
//! on a failure the server function answers with a redirect back to the form carrying the error
//! (`__err`); this middleware sees that redirect and puts the submitted fields — never the
//! CSRF token, passwords or the IIN — into a short-lived HttpOnly cookie, which the form page
//! reads back (`app::server::request::form_echo`) to fill its fields again.

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use app::error::AppError;
use app::i18n::Locale;
use app::model::FormEcho;
use app::server::request::{FORM_ECHO_COOKIE, encode_echo};

/// The paths of the multipart forms: documents (`crate::documents`) and CSV imports
/// (`crate::imports`).
pub const UPLOAD_PATHS: &[&str] = &[
    "/api/cases/documents",
    "/api/meetings/documents",
    crate::imports::UPLOAD_PATH,
];
/// Fields that are never echoed.
const SECRET: &[&str] = &["csrf", "password", "current_password", "iin", "token"];
/// Fields passed on exactly as sent: secrets are compared byte for byte.
const VERBATIM: &[&str] = &["csrf", "password", "current_password", "token"];
/// Fields that may hold several lines.
const MULTILINE: &[&str] = &[
    "text",
    "summary",
    "note",
    "question",
    "reply",
    "reason",
    "minutes",
    "decision",
    "recommendation",
    // A signature receipt (its lines are its fields), posted by the verify page's check.
    "receipt",
];
/// Form bodies larger than this are refused (413): the longest form, a petition, is far less.
const MAX_BODY: usize = 64 * 1024;
/// An echo larger than this (encoded) is not kept: cookies are small.
const MAX_COOKIE: usize = 3600;

/// The fields of a form body, cleaned; `None` when the body is malformed (bytes that are not
/// UTF-8 once decoded, or a field other than a list (`name[]`) sent twice).
pub fn clean_fields(body: &[u8]) -> Option<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|b| *b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        let decode = |raw: &[u8]| -> Option<String> {
            let plus_as_space: Vec<u8> = raw
                .iter()
                .map(|b| if *b == b'+' { b' ' } else { *b })
                .collect();
            let bytes: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
            String::from_utf8(bytes).ok()
        };
        // The name is cleaned first, so `text` and `text%00` are the same field, repeated.
        let name = app::server::text::clean(&decode(name)?, false);
        let value = decode(value)?;
        if !name.ends_with(']') && !seen.insert(name.clone()) {
            return None;
        }
        let value = if VERBATIM.contains(&name.as_str()) {
            value
        } else {
            app::server::text::clean(&value, MULTILINE.contains(&name.as_str()))
        };
        fields.push((name, value));
    }
    Some(fields)
}

fn bad_request(parts: &axum::http::request::Parts) -> Response {
    let locale = Locale::negotiate(
        app::server::request::cookie(&parts.headers, crate::language::LANG_COOKIE).as_deref(),
        parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    tracing::debug!(path = %parts.uri.path(), "malformed form body");
    (
        StatusCode::BAD_REQUEST,
        AppError::BadRequest.message(locale),
    )
        .into_response()
}

/// The middleware.
pub async fn keep_failed_form(request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    // The one multipart form (documents): its handler reads and cleans its own few fields.
    if UPLOAD_PATHS.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    // Every server function reads its arguments as a form, whatever the request says it sends:
    // anything else is refused here, so nothing reaches one uncleaned.
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';').next().is_some_and(|t| {
                t.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
    if !is_form {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "application/x-www-form-urlencoded",
        )
            .into_response();
    }
    let path = request.uri().path().to_owned();
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return Response::builder()
            .status(StatusCode::PAYLOAD_TOO_LARGE)
            .body(Body::empty())
            .unwrap_or_default();
    };
    let Some(cleaned) = clean_fields(&bytes) else {
        return bad_request(&parts);
    };
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&cleaned)
        .finish();
    let fields: Vec<(String, String)> = cleaned
        .into_iter()
        .filter(|(name, _)| !SECRET.contains(&name.as_str()))
        .collect();
    // The cleaned body may be shorter than the one sent.
    parts.headers.remove(header::CONTENT_LENGTH);
    let mut response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let failed = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|location| location.contains("__err="));
    if failed {
        let echo = FormEcho { path, fields };
        if let Some(value) = encode_echo(&echo).filter(|v| v.len() <= MAX_COOKIE)
            && let Ok(header) = HeaderValue::from_str(&format!(
                "{FORM_ECHO_COOKIE}={value}; Path=/; Max-Age=300; HttpOnly; SameSite=Lax"
            ))
        {
            response.headers_mut().append(header::SET_COOKIE, header);
        }
    }
    response
}
